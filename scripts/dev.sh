#!/usr/bin/env bash
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

# Debian packages: the build's and the tests' real peers. Each area lists its own in
# scripts/packages/*.txt (one package per line, # comments).
wanted=$(cat scripts/packages/*.txt | sed 's/#.*//' | xargs)
missing=()
for p in $wanted; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${#missing[@]} Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Further set-up steps (npm oracle, Kafka jars, ...) live in scripts/setup.d, one file per area.
for step in scripts/setup.d/*.sh; do
  [ -e "$step" ] || continue
  log "set-up: $(basename "$step")"
  bash "$step" "$mode"
done

preset=${PORTHOLE_PRESET:-dev}
log "building (preset $preset)"
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"

case "$mode" in
  build) ;;
  test)
    # The whole suite: fuzzers (60 s each) and the sanitizer build first, the main suite last,
    # so that ctest's summary of the main suite is the last thing printed (CI reads it). A
    # failed early stage does not stop the main suite; it only makes the exit status non-zero.
    # PORTHOLE_QUICK=1 runs only the main suite.
    failed=()
    if [ "${PORTHOLE_QUICK:-0}" != 1 ]; then
      log "fuzzing (preset fuzz: clang, libFuzzer, ASan+UBSan)"
      cmake --preset fuzz >/dev/null
      cmake --build --preset fuzz
      (cd build/fuzz && ctest -V -L fuzz | grep -E "number_of_executed_units|Test +#|tests passed|FAILED|fuzzer failed|ERROR: |SUMMARY: |Test unit written") ||
        failed+=(fuzz)
      log "the suite under AddressSanitizer + UndefinedBehaviorSanitizer (preset asan)"
      cmake --preset asan >/dev/null
      cmake --build --preset asan
      # allocator_may_return_null: a jq child that hits its memory limit sees malloc fail, as it
      # does without ASan (where RLIMIT_AS makes malloc return null), instead of ASan aborting.
      (cd build/asan && ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
        LSAN_OPTIONS=suppressions=$root/tests/lsan.supp \
        ctest --output-on-failure --timeout 900 -LE "bench|real-broker|oracle") ||
        failed+=(asan)
    fi
    log "running the test suite"
    [ ${#failed[@]} -eq 0 ] || echo "stages that FAILED above: ${failed[*]}"
    cd "build/$preset"
    status=0
    ctest --output-on-failure --timeout 900 -LE bench || status=$?
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
