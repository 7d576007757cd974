#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Kafka benchmarks against one sandbox: porthole-cli watch vs kcat -C reading the same topic
# from the beginning, and porthole-cli publish --repeat vs kcat -P sending the same rendered
# messages. Prints numbers (best of RUNS); never fails on speed.
# Usage: bench_kafka.sh PORTHOLE_CLI EXAMPLES_DIR [COUNT] [RUNS]
set -euo pipefail
cli=$1 examples=$2 count=${3:-40000} runs=${4:-7}
here=$(cd "$(dirname "$0")" && pwd)
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

# Issue 24's side-by-side, as measured there: watch --count N --exit-at-end vs kcat -C -J -e -c N
# (JSON envelopes with metadata, the fair comparison), publish NODE --repeat and publish --raw
# vs kcat -P -l of the same rendered lines. The five commands run round by round, $runs rounds,
# so a change in the machine's load falls on all of them alike. CPU (user+sys) and wall time
# come from wait4() in microseconds (rusage.py: /usr/bin/time prints hundredths, and a 40,000
# message publish takes about 0.05 s), each tool started directly (no shell before its exec);
# peak RSS from /usr/bin/time in one more run of each. Each publish goes to a topic of its own
# so the sandbox's per-partition cap stays out.
n=$kept_kcat
declare -A cpu wall rss
sample() { # NAME COMMAND...: one more run of COMMAND into NAME's lists
  local name=$1 w c
  shift
  read -r w c _ < <(RUSAGE_ERRORS="$work/errors" python3 "$here/rusage.py" "$@")
  wall[$name]+="$w " cpu[$name]+="$c "
}
peak() { # NAME COMMAND...
  local name=$1
  shift
  /usr/bin/time -f '%M' -o "$work/rss" "$@" >/dev/null 2>>"$work/errors"
  rss[$name]=$(tail -1 "$work/rss")
}
watch_cli=("$cli" watch --bootstrap "$bootstrap" --topic bench.runs --from beginning --count "$n" --exit-at-end)
watch_kcat=(kcat -b "$bootstrap" -C -J -t bench.runs -o beginning -e -c "$n" -q)
for round in $(seq "$runs"); do
  sample watch "${watch_cli[@]}"
  sample watch_kcat "${watch_kcat[@]}"
  sample pub_node "$cli" publish "$node" --context "$ctx" --bootstrap "$bootstrap" --topic "r.node.$round" --repeat "$count"
  sample pub_raw "$cli" publish "$work/one.jsonl" --raw --bootstrap "$bootstrap" --topic "r.raw.$round" --repeat "$count"
  sample pub_kcat kcat -b "$bootstrap" -P -t "r.kcat.$round" -l "$work/messages.jsonl"
done
peak watch "${watch_cli[@]}"
peak watch_kcat "${watch_kcat[@]}"
peak pub_node "$cli" publish "$node" --context "$ctx" --bootstrap "$bootstrap" --topic r.node.rss --repeat "$count"
peak pub_raw "$cli" publish "$work/one.jsonl" --raw --bootstrap "$bootstrap" --topic r.raw.rss --repeat "$count"
peak pub_kcat kcat -b "$bootstrap" -P -t r.kcat.rss -l "$work/messages.jsonl"
echo "load average while measuring: $(cut -d' ' -f1-3 /proc/loadavg)"
least() { tr ' ' '\n' <<<"$1" | grep . | sort -g | head -1; }
median() { tr ' ' '\n' <<<"$1" | grep . | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
ratio() { echo "scale=2; $1 / $2" | bc -l; }
# Issue 24's three ratios, goal <= 1.2 each (and watch's peak RSS <= 2x kcat's): OURS KCAT LABEL.
report() {
  local ours=$1 theirs=$2 label=$3
  local c1 c2 m1 m2 w1 w2
  c1=$(least "${cpu[$ours]}") c2=$(least "${cpu[$theirs]}")
  m1=$(median "${cpu[$ours]}") m2=$(median "${cpu[$theirs]}")
  w1=$(least "${wall[$ours]}") w2=$(least "${wall[$theirs]}")
  echo "ratio $label: cpu $(ratio "$c1" "$c2") ($c1 s vs $c2 s, least of $runs), median cpu $(ratio "$m1" "$m2") ($m1 vs $m2), wall $(ratio "$w1" "$w2") ($w1 s vs $w2 s), peak RSS $(ratio "${rss[$ours]}" "${rss[$theirs]}") (${rss[$ours]} vs ${rss[$theirs]} KB); goal <= 1.2"
}
report watch watch_kcat "watch $n vs kcat -C -J"
echo "  (watch's peak RSS goal: <= 2x kcat's)"
report pub_node pub_kcat "publish NODE x$count vs kcat -P"
report pub_raw pub_kcat "publish --raw x$count vs kcat -P"
