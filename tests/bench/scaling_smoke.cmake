# kpi.bench_scaling_smoke: kpi-bench --scaling --quick runs every path of
# the scaling mode once, at a tiny n, and prints a row for each. Only that
# is checked: the figures of --quick mean nothing, and no timing is judged
# (the mode prints exponents; it is not a timed test).
#
#   cmake -DBENCH=path/to/kpi-bench -P scaling_smoke.cmake

execute_process(COMMAND ${BENCH} --scaling --list
  OUTPUT_VARIABLE list ERROR_VARIABLE list_err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR list STREQUAL "")
  message(FATAL_ERROR "kpi-bench --scaling --list failed (${rc}):\n${list}${list_err}")
endif()

execute_process(COMMAND ${BENCH} --scaling --quick
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "kpi-bench --scaling --quick failed (${rc}):\n${out}${err}")
endif()

# Every path listed has its row, with a verdict.
string(REPLACE "\n" ";" names "${list}")
set(count 0)
foreach(name IN LISTS names)
  if(name STREQUAL "")
    continue()
  endif()
  math(EXPR count "${count} + 1")
  string(FIND "${out}" "${name} " at)
  if(at EQUAL -1)
    message(FATAL_ERROR "kpi-bench --scaling --quick printed no row for \"${name}\":\n${out}")
  endif()
  string(SUBSTRING "${out}" ${at} -1 row)
  string(FIND "${row}" "\n" eol)
  string(SUBSTRING "${row}" 0 ${eol} row)
  if(NOT row MATCHES " (ok|SUPERLINEAR)$")
    message(FATAL_ERROR "kpi-bench --scaling --quick: no verdict for \"${name}\": ${row}")
  endif()
endforeach()
if(NOT out MATCHES "scaling: ${count} paths run, [0-9]+ superlinear, 0 failed")
  message(FATAL_ERROR "kpi-bench --scaling --quick: expected ${count} paths run:\n${out}")
endif()
message(STATUS "kpi-bench --scaling --quick: all ${count} paths ran")
