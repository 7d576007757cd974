#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 24's "diagnose on a 1M-message topic", on the real test broker (tests/kafka/broker.sh):
# COUNT runs published with porthole-cli, read by a kcat consumer group (which commits), then
# three recent runs; diagnose's time to a verdict for the oldest run (a scan from the log
# start), a recent one with --since (offsets-for-times skips the old ones) and the same recent one
# without it. Prints numbers (best of RUNS); fails only when a tool fails or a verdict is wrong.
# Usage: bench_diagnose.sh PORTHOLE_CLI EXAMPLES_DIR BROKER_SH [COUNT] [RUNS]
set -euo pipefail
cli=$1 examples=$2 broker=$3 count=${4:-1000000} runs=${5:-3}
node=$examples/nodes/with-run-ids.json ctx=$examples/contexts/workflow.json
command -v kcat >/dev/null || { echo "kcat is required" >&2; exit 1; }
work=$(mktemp -d)
export BROKER_DIR=$work/broker
cleanup() { bash "$broker" stop >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
bash "$broker" start >"$work/env" 2>"$work/broker.err" || { cat "$work/broker.err" >&2; exit 1; }
# shellcheck disable=SC1091
. "$work/env"
b=$KAFKA_BOOTSTRAP topic=$KAFKA_ORG.runs group=$KAFKA_ORG.workers
idOf() { grep -m1 "\"index\":$1," "$2" | grep -o 'wfnr_[A-Za-z0-9]*'; }

s=$(date +%s%N)
"$cli" publish "$node" --context "$ctx" --bootstrap "$b" --topic "$topic" --repeat "$count" >"$work/old.jsonl"
echo "published $count runs in $(( ($(date +%s%N) - s) / 1000000 )) ms"
timeout 300 kcat -b "$b" -G "$group" -o beginning -e -q "$topic" >/dev/null
sleep 5 # the recent runs come later than every old one, as they would in a real log
since=@$(date +%s%3N)
"$cli" publish "$node" --context "$ctx" --bootstrap "$b" --topic "$topic" --repeat 3 >"$work/new.jsonl"
old=$(idOf 0 "$work/old.jsonl") recent=$(idOf 1 "$work/new.jsonl")

best() { # NAME EXPECTED_VERDICT ARGS...: best wall time of $runs diagnoses
  local name=$1 want=$2 t best=; shift 2
  for _ in $(seq "$runs"); do
    local s; s=$(date +%s%N)
    "$cli" diagnose "$@" --bootstrap "$b" --org "$KAFKA_ORG" --group "$group" --format json \
      >"$work/out.json" 2>/dev/null || true
    t=$(( ($(date +%s%N) - s) / 1000000 ))
    grep -q "\"verdict\":\"$want\"" "$work/out.json" ||
      { echo "$name: expected $want, got:" >&2; cat "$work/out.json" >&2; exit 1; }
    if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
  done
  echo "diagnose $name: ${best} ms to the verdict $want"
}
best "oldest run (scan from the log start)" consumed-not-reported "$old"
best "recent run, --since its publish time" not-consumed "$recent" --since "$since"
best "recent run, no --since (scan from the log start)" not-consumed "$recent"
echo "load average while measuring: $(cut -d' ' -f1-3 /proc/loadavg)"
