#!/usr/bin/env bash
# Kafka benchmarks against one sandbox: porthole-cli watch vs kcat -C reading the same topic
# from the beginning, and porthole-cli publish --repeat vs kcat -P sending the same rendered
# messages. Prints numbers (best of RUNS); never fails on speed.
# Usage: bench_kafka.sh PORTHOLE_CLI EXAMPLES_DIR [COUNT] [RUNS]
set -euo pipefail
cli=$1 examples=$2 count=${3:-60000} runs=${4:-3}
node=$examples/nodes/with-run-ids.json
ctx=$examples/contexts/workflow.json
command -v kcat >/dev/null || { echo "kcat is required" >&2; exit 1; }

work=$(mktemp -d)
sandbox_pid=
cleanup() { [ -n "$sandbox_pid" ] && kill "$sandbox_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

"$cli" sandbox --org bench >"$work/sandbox.out" 2>"$work/sandbox.err" &
sandbox_pid=$!
for _ in $(seq 100); do [ -s "$work/sandbox.out" ] && break; sleep 0.1; done
bootstrap=$(sed -n '1s/^bootstrap=\([^ ]*\) .*/\1/p' "$work/sandbox.out")
[ -n "$bootstrap" ] || { echo "sandbox did not start" >&2; cat "$work/sandbox.err" >&2; exit 1; }

seconds() { # best wall time of $runs runs of "$@" (stdout discarded)
  local best=
  for _ in $(seq "$runs"); do
    local s e t
    s=$(date +%s.%N); "$@" >/dev/null 2>>"$work/errors"; e=$(date +%s.%N)
    t=$(echo "$e - $s" | bc -l)
    if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
  done
  printf '%.3f' "$best"
}

"$cli" render "$node" --context "$ctx" --org bench >"$work/one.jsonl"
size=$(head -1 "$work/one.jsonl" | wc -c)
awk -v n="$count" '{ for (i = 0; i < n; i++) print }' "$work/one.jsonl" >"$work/messages.jsonl"
echo "messages: $count x $((size - 1)) bytes (with-run-ids.json rendered with the default envelope)"

# Publish: each run to its own topic so the broker's per-partition cap does not interfere.
i=0
pub_cli() { i=$((i + 1)); "$cli" publish "$node" --context "$ctx" --bootstrap "$bootstrap" \
  --topic "pub.cli.$i" --repeat "$count"; }
pub_raw() { i=$((i + 1)); "$cli" publish "$work/one.jsonl" --raw --bootstrap "$bootstrap" \
  --topic "pub.raw.$i" --repeat "$count"; }
pub_kcat() { i=$((i + 1)); kcat -b "$bootstrap" -P -t "pub.kcat.$i" -l "$work/messages.jsonl"; }
t_pub_kcat=$(seconds pub_kcat)
t_pub_cli=$(seconds pub_cli)
t_pub_raw=$(seconds pub_raw)
echo "publish $count: porthole-cli ${t_pub_cli} s, kcat -P ${t_pub_kcat} s, ratio $(echo "scale=2; $t_pub_cli / $t_pub_kcat" | bc -l) (goal <= 1.3)"
echo "publish $count without rendering (--raw, same bytes): porthole-cli ${t_pub_raw} s, ratio $(echo "scale=2; $t_pub_raw / $t_pub_kcat" | bc -l) (the difference is the one render: jq compiles its builtins)"
echo "load average while measuring: $(cut -d' ' -f1-3 /proc/loadavg)"

# Watch: fill bench.runs once, then read it from the beginning with both tools.
kcat -b "$bootstrap" -P -t bench.runs -l "$work/messages.jsonl"
kept_kcat=$(kcat -b "$bootstrap" -C -t bench.runs -o beginning -e -q | wc -l)
kept_cli=$("$cli" watch --bootstrap "$bootstrap" --topic bench.runs --from beginning --exit-at-end 2>/dev/null | wc -l)
t_watch_kcat=$(seconds kcat -b "$bootstrap" -C -t bench.runs -o beginning -e -q)
t_watch_cli=$(seconds "$cli" watch --bootstrap "$bootstrap" --topic bench.runs --from beginning --exit-at-end)
echo "watch: the sandbox kept $kept_kcat of $count messages (~4 MB per partition); porthole-cli read $kept_cli"
echo "watch from beginning: porthole-cli ${t_watch_cli} s, kcat -C ${t_watch_kcat} s, ratio $(echo "scale=2; $t_watch_cli / $t_watch_kcat" | bc -l) (goal <= 1.5)"
[ "$kept_cli" = "$kept_kcat" ] || { echo "porthole-cli and kcat read different counts" >&2; exit 1; }
