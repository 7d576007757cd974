# SPDX-License-Identifier: GPL-3.0-or-later
# Runs one libFuzzer target. Without REPLAY: for SECONDS over a working copy of its seed corpus
# (WORK), printing the number of executions; a crash, leak or timeout makes the test fail.
# With REPLAY=ON: every committed seed once (-runs=0: the corpus is read and run, nothing is
# mutated or written), so an input that once crashed stays fixed; WORK only takes a crash's
# artifact, never the source tree.
file(GLOB seeds ${SEEDS}/*)
if(NOT seeds)
  message(FATAL_ERROR "no committed corpus in ${SEEDS}")
endif()
file(MAKE_DIRECTORY ${WORK})
# The asan suite's suppressions: leaks inside system libraries (libjq's parser, see the file)
# would otherwise fail every target that runs jq.
if(LSAN_SUPP)
  set(ENV{LSAN_OPTIONS} "suppressions=${LSAN_SUPP}")
endif()
# SYMBOLIZER: the llvm-symbolizer that names the frames of a report. SYMBOLIZE=OFF: none, as on
# a machine without one, so the suppressions are shown to hold on unnamed frames too.
if(DEFINED SYMBOLIZE AND NOT SYMBOLIZE)
  unset(ENV{ASAN_SYMBOLIZER_PATH})
  if(DEFINED ENV{ASAN_OPTIONS} AND NOT "$ENV{ASAN_OPTIONS}" STREQUAL "")
    set(ENV{ASAN_OPTIONS} "$ENV{ASAN_OPTIONS}:symbolize=0")
  else()
    set(ENV{ASAN_OPTIONS} "symbolize=0")
  endif()
elseif(SYMBOLIZER)
  set(ENV{ASAN_SYMBOLIZER_PATH} "${SYMBOLIZER}")
endif()
if(REPLAY)
  list(LENGTH seeds count)
  execute_process(
    COMMAND ${FUZZER} -runs=0 -timeout=10 -rss_limit_mb=3072 -print_final_stats=1
            -artifact_prefix=${WORK}/ ${SEEDS}
    RESULT_VARIABLE rc
    OUTPUT_VARIABLE out
    ERROR_VARIABLE err)
  string(REGEX MATCH "stat::number_of_executed_units: *[0-9]+" execs "${err}")
  set(mode "")
  if(DEFINED SYMBOLIZE AND NOT SYMBOLIZE)
    set(mode ", symbolize=0")
  endif()
  message("replayed ${count} committed inputs (${execs}${mode})")
  if(NOT rc EQUAL 0)
    message("${err}")
    message(FATAL_ERROR "a committed input fails (exit ${rc}); its copy is in ${WORK}")
  endif()
  return()
endif()
file(COPY ${seeds} DESTINATION ${WORK})
execute_process(
  COMMAND ${FUZZER} -max_total_time=${SECONDS} -timeout=10 -rss_limit_mb=3072 -max_len=65536
          -print_final_stats=1 -artifact_prefix=${WORK}/../ ${WORK}
  RESULT_VARIABLE rc
  OUTPUT_VARIABLE out
  ERROR_VARIABLE err)
string(REGEX MATCH "stat::number_of_executed_units: *[0-9]+" execs "${err}")
message("${execs}")
if(NOT rc EQUAL 0)
  message("${err}")
  message(FATAL_ERROR "fuzzer failed (exit ${rc}); the crashing input is in ${WORK}/..")
endif()
