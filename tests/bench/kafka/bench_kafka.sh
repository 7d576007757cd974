#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
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
# "WALL CPU RSS_KB" of $runs runs of "$@": the best wall time, the least CPU time (user+sys:
# what the tool itself spends, which the machine's other load disturbs less than the wall
# clock; the broker's own work is in neither) and the largest peak RSS.
measure() {
  local wall= cpu= rss=0
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" >/dev/null 2>>"$work/errors"
    read -r w u s m <"$work/time"
    local c; c=$(echo "$u + $s" | bc -l)
    if [ -z "$wall" ] || [ "$(echo "$w < $wall" | bc -l)" = 1 ]; then wall=$w; fi
    if [ -z "$cpu" ] || [ "$(echo "$c < $cpu" | bc -l)" = 1 ]; then cpu=$c; fi
    [ "$m" -gt "$rss" ] && rss=$m
  done
  echo "$wall $cpu $rss"
}
ratio() { echo "scale=2; $1 / $2" | bc -l; }
# Issue 24's three ratios, goal <= 1.2 each (and watch's peak RSS <= 2x kcat's): NAME OURS KCAT.
report() {
  local name=$1 ours=($2) theirs=($3)
  echo "ratio $name: wall $(ratio "${ours[0]}" "${theirs[0]}") (${ours[0]} s vs ${theirs[0]} s), cpu $(ratio "${ours[1]}" "${theirs[1]}") (${ours[1]} s vs ${theirs[1]} s), peak RSS $(ratio "${ours[2]}" "${theirs[2]}") (${ours[2]} vs ${theirs[2]} KB); goal <= 1.2"
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
# vs kcat -P -l of the same rendered lines.
n=$kept_kcat
m_watch=$(measure "$cli" watch --bootstrap "$bootstrap" --topic bench.runs --from beginning --count "$n" --exit-at-end)
m_kcat_j=$(measure kcat -b "$bootstrap" -C -J -t bench.runs -o beginning -e -c "$n" -q)
# Each publish run to a topic of its own (the sh's pid names it): the per-partition cap stays out.
m_pub_cli=$(measure sh -c 'exec "$0" publish "$1" --context "$2" --bootstrap "$3" --topic "r.cli.$$" --repeat "$4"' "$cli" "$node" "$ctx" "$bootstrap" "$count")
m_pub_raw=$(measure sh -c 'exec "$0" publish "$1" --raw --bootstrap "$2" --topic "r.raw.$$" --repeat "$3"' "$cli" "$work/one.jsonl" "$bootstrap" "$count")
m_pub_kcat=$(measure sh -c 'exec kcat -b "$0" -P -t "r.kcat.$$" -l "$1"' "$bootstrap" "$work/messages.jsonl")
echo "load average while measuring: $(cut -d' ' -f1-3 /proc/loadavg)"
report "watch $n vs kcat -C -J" "$m_watch" "$m_kcat_j"
echo "  (watch's peak RSS goal: <= 2x kcat's)"
report "publish NODE x$count vs kcat -P" "$m_pub_cli" "$m_pub_kcat"
report "publish --raw x$count vs kcat -P" "$m_pub_raw" "$m_pub_kcat"
