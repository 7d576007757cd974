#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# porthole-bench ingest against the sandbox beside kcat -C -J reading the same messages from
# the same broker (best of RUNS, whole processes). Prints numbers; never fails on speed.
# Usage: bench_ingest.sh PORTHOLE_BENCH PORTHOLE_CLI [COUNT] [RUNS]
set -euo pipefail
bench=$1 cli=$2 count=${3:-30000} runs=${4:-5}
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

# ~200-byte messages shaped like Port's runs (distinct run ids).
awk -v n="$count" 'BEGIN { for (i = 0; i < n; i++)
  printf "{\"context\":{\"runId\":\"wfnr_%016d\",\"workflowRunId\":\"wfr_%016d\",\"nodeIdentifier\":\"deploy\",\"orgId\":\"org_bench\"},\"payload\":{\"service\":\"svc-%d\",\"env\":\"%s\"}}\n", i, i, i % 97, (i % 2 ? "production" : "staging") }' >"$work/messages.jsonl"
kcat -b "$bootstrap" -P -t bench.ingest -l "$work/messages.jsonl"
kept=$(kcat -b "$bootstrap" -C -t bench.ingest -o beginning -e -q | wc -l)
size=$(head -1 "$work/messages.jsonl" | wc -c)
echo "messages: $count x $((size - 1)) bytes produced; the sandbox kept $kept"

best() { # best wall time in seconds of $runs runs of "$@" (stdout to $work/last)
  local b=
  for _ in $(seq "$runs"); do
    local s e t
    s=$(date +%s.%N); "$@" >"$work/last"; e=$(date +%s.%N)
    t=$(echo "$e - $s" | bc -l)
    if [ -z "$b" ] || [ "$(echo "$t < $b" | bc -l)" = 1 ]; then b=$t; cp "$work/last" "$work/best"; fi
  done
  printf '%.3f' "$b"
}
t_kcat=$(best kcat -b "$bootstrap" -C -J -t bench.ingest -o beginning -c "$kept" -q)
lines=$(wc -l <"$work/best")
t_ingest=$(best "$bench" ingest --bootstrap "$bootstrap" --topic bench.ingest --count "$kept")
echo "kcat -C -J -c $kept: ${t_kcat} s ($lines lines)"
echo "porthole-bench ingest --count $kept: ${t_ingest} s (whole process); its own line: $(cat "$work/best")"
echo "ratio: $(echo "scale=2; $t_ingest / $t_kcat" | bc -l) (goal <= 1.5)"
t_filter=$(best "$bench" ingest --bootstrap "$bootstrap" --topic bench.ingest --count "$kept" --filter "production svc-1")
echo "with --filter 'production svc-1': ${t_filter} s; $(cat "$work/best")"
echo "load average while measuring: $(cut -d' ' -f1-3 /proc/loadavg)"
