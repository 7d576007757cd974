#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Porthole's one entry point for a Debian 12 machine (run as root, or with sudo available):
#   scripts/dev.sh app    install what is missing, build, start the desktop app on the sandbox
#   scripts/dev.sh test   install what is missing, build, run the whole test suite (ctest)
#   scripts/dev.sh build  install and build only
# Idempotent: packages already present are not reinstalled, the build is incremental.
set -euo pipefail
mode=${1:-test}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
export DEBIAN_FRONTEND=noninteractive
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo

log() { printf '\n== %s\n' "$*"; }
times=()
# Each stage's wall time and the disk left after it (the build trees are the big users).
stage() { times+=("$1: $(($(date +%s) - $2)) s, $(free_disk) free"); }
free_disk() { df -Pk . | awk 'NR == 2 { printf "%.1f GB", $4 / 1048576 }'; }

# Debian packages: the build's and the tests' real peers. Each area lists its own in
# scripts/packages/*.txt: one package per line, # comments, and optionally a condition:
#   PKG unless-command CMD   not wanted when CMD is already on the PATH (e.g. a Node installed
#                            from another source, whose package conflicts with Debian's)
#   PKG unless-file PATH     not wanted when PATH exists (e.g. that Node's headers)
wanted=()
declare -A seen=()
while read -r pkg cond arg _; do
  [ -n "$pkg" ] && [ -z "${seen[$pkg]:-}" ] || continue
  seen[$pkg]=1
  case "${cond:-}" in
    "") ;;
    unless-command) command -v "$arg" >/dev/null && continue ;;
    unless-file) [ -e "$arg" ] && continue ;;
    *) echo "scripts/packages: unknown condition '$cond' for $pkg" >&2; exit 2 ;;
  esac
  wanted+=("$pkg")
done < <(sed 's/#.*//' scripts/packages/*.txt)
missing=()
for p in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  t=$(date +%s)
  log "installing ${#missing[@]} Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  stage "Debian packages" "$t"
fi

# ccache (scripts/packages/core.txt; cmake/PortholeOptions.cmake puts it in front of the
# compiler): one cache per user that outlives build trees and CI runs. BASEDIR and NOHASHDIR
# let another checkout of the project (a CI clone) hit the same entries.
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/ccache}
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$root}
export CCACHE_NOHASHDIR=${CCACHE_NOHASHDIR:-1}

# Further set-up steps (npm oracle, Kafka jars, ...) live in scripts/setup.d, one file per area.
for step in scripts/setup.d/*.sh; do
  [ -e "$step" ] || continue
  log "set-up: $(basename "$step")"
  t=$(date +%s)
  bash "$step" "$mode"
  stage "set-up $(basename "$step")" "$t"
done

preset=${PORTHOLE_PRESET:-dev}
log "building (preset $preset; $(free_disk) free on this disk)"
t=$(date +%s)
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
stage "build ($preset)" "$t"

case "$mode" in
  build) printf 'stage time: %s\n' "${times[@]}" ;;
  test)
    # The whole suite: the fuzz targets' committed corpora replayed, then fuzzing (60 s per
    # target, two at a time), then the sanitizer build; the main suite last, so that ctest's
    # summary of the main suite is the last thing printed (CI reads it). A failed early stage
    # does not stop the main suite; it only makes the exit status non-zero. The test presets
    # (CMakePresets.json) hold the labels, timeouts and parallelism of each stage.
    # PORTHOLE_QUICK=1 runs only the main suite.
    failed=()
    if [ "${PORTHOLE_QUICK:-0}" != 1 ]; then
      t=$(date +%s)
      log "fuzz targets (preset fuzz: clang, libFuzzer, ASan+UBSan): build"
      cmake --preset fuzz >/dev/null
      cmake --build --preset fuzz
      stage "fuzz build" "$t"; t=$(date +%s)
      log "fuzz targets: replaying each committed corpus (test preset fuzz-replay)"
      if ctest --preset fuzz-replay; then
        stage "fuzz corpus replay" "$t"; t=$(date +%s)
        log "fuzzing with random seeds (test preset fuzz)"
        ctest --preset fuzz |
          grep -E "number_of_executed_units|Test +#|tests passed|FAILED|fuzzer failed|ERROR: |SUMMARY: |Test unit written" ||
          failed+=(fuzz)
        stage "fuzzing" "$t"
      else
        stage "fuzz corpus replay" "$t"
        failed+=(fuzz-replay)
      fi
      t=$(date +%s)
      log "the suite under AddressSanitizer + UndefinedBehaviorSanitizer (preset asan)"
      cmake --preset asan >/dev/null
      cmake --build --preset asan
      stage "asan build" "$t"; t=$(date +%s)
      ctest --preset asan || failed+=(asan)
      stage "asan suite" "$t"
    fi
    log "running the test suite (test preset $preset)"
    [ ${#times[@]} -eq 0 ] || printf 'stage time: %s\n' "${times[@]}"
    [ ${#failed[@]} -eq 0 ] || echo "stages that FAILED above: ${failed[*]}"
    status=0
    ctest --preset "$preset" || status=$?
    [ ${#failed[@]} -eq 0 ] || status=1
    exit $status
    ;;
  app)
    if [ -x "build/$preset/src/app/porthole" ]; then
      if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
        echo "No display: start it from a desktop session (or: xvfb-run build/$preset/src/app/porthole)." >&2
        exit 1
      fi
      exec "build/$preset/src/app/porthole"
    fi
    echo "The desktop app is not built yet; showing the command-line tool instead."
    exec "build/$preset/src/cli/porthole-cli" --help
    ;;
  *) echo "usage: scripts/dev.sh app|test|build" >&2; exit 2 ;;
esac
