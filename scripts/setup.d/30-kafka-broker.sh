#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Real-broker tests: fetch Apache Kafka's jars (Maven, cached under ~/.m2 and
# ~/.cache/porthole/kafka) so that the test run itself needs no download. Idempotent: a
# second run finds the cache stamp and returns at once. Only the test mode needs the broker.
set -euo pipefail
mode=${1:-test}
[ "$mode" = test ] || exit 0
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
exec bash "$root/tests/kafka/broker.sh" fetch
