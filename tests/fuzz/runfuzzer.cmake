# Runs one libFuzzer target for SECONDS over a working copy of its seed corpus and prints the
# number of executions; a crash, leak or timeout makes the test fail.
file(MAKE_DIRECTORY ${WORK})
file(GLOB seeds ${SEEDS}/*)
if(seeds)
  file(COPY ${seeds} DESTINATION ${WORK})
endif()
# The asan suite's suppressions: leaks inside system libraries (libjq keeps one value alive on
# purpose, see the file) would otherwise fail every target that runs jq.
if(LSAN_SUPP)
  set(ENV{LSAN_OPTIONS} "suppressions=${LSAN_SUPP}")
endif()
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
