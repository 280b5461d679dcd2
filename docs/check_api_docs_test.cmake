# Test kpi.docs_check_script: proves that check_api_docs.py catches what it
# is there for. It copies kpi/error.h and kpi/plan.h to a scratch directory
# and checks that the script passes them; then it takes the KPI_ERR_ codes
# out of kpi_plan_set_title()'s comment and replaces the @return of
# kpi_plan_title() (a pointer getter) with one that says nothing of the
# string's lifetime, and passes only when the script fails naming exactly
# those two functions.
#
#   cmake -DPYTHON=/usr/bin/python3 -DSCRIPT=<source>/docs/check_api_docs.py
#         -DSOURCE_DIR=<source> -DWORK_DIR=<scratch directory>
#         -P docs/check_api_docs_test.cmake
foreach(var PYTHON SCRIPT SOURCE_DIR WORK_DIR)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "check_api_docs_test: give -D${var}=...")
  endif()
endforeach()

set(status_function kpi_plan_set_title)
set(pointer_function kpi_plan_title)

# WORK_DIR is emptied first: make sure it is no directory of the sources.
get_filename_component(work "${WORK_DIR}" ABSOLUTE)
get_filename_component(source "${SOURCE_DIR}" ABSOLUTE)
string(FIND "${source}/" "${work}/" inside)
if(inside EQUAL 0)
  message(FATAL_ERROR "check_api_docs_test: WORK_DIR ${WORK_DIR} holds the sources")
endif()
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}/include/kpi")
file(COPY "${SOURCE_DIR}/include/kpi/error.h" "${SOURCE_DIR}/include/kpi/plan.h"
  DESTINATION "${WORK_DIR}/include/kpi")

function(run_script rc_var output_var)
  execute_process(COMMAND "${PYTHON}" "${SCRIPT}" "${WORK_DIR}/include"
    RESULT_VARIABLE rc
    OUTPUT_VARIABLE out
    ERROR_VARIABLE err)
  set(${rc_var} "${rc}" PARENT_SCOPE)
  set(${output_var} "${out}${err}" PARENT_SCOPE)
endfunction()

# The copy as it is must pass, so that the failures below come from the
# edits and from nothing else.
run_script(rc output)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "check_api_docs_test: the script fails on the unchanged "
    "kpi/plan.h (${rc}):\n${output}")
endif()

# Replaces the doc comment right above `KPI_EXTERN <type><function>(` in
# the variable named by content_var: regex replaced by replacement in it.
function(edit_comment content_var function regex replacement)
  set(content "${${content_var}}")
  string(REGEX MATCH "KPI_EXTERN [^(;]*[ *]${function}\\(" declaration "${content}")
  if(NOT declaration)
    message(FATAL_ERROR "check_api_docs_test: kpi/plan.h declares no ${function}()")
  endif()
  string(FIND "${content}" "${declaration}" at)
  string(SUBSTRING "${content}" 0 ${at} head)
  string(SUBSTRING "${content}" ${at} -1 tail)
  string(FIND "${head}" "/**" start REVERSE)
  string(FIND "${head}" "*/" end REVERSE)
  if(start EQUAL -1 OR end LESS start)
    message(FATAL_ERROR "check_api_docs_test: ${function}() has no doc comment")
  endif()
  string(SUBSTRING "${head}" 0 ${start} before)
  math(EXPR length "${end} - ${start}")
  string(SUBSTRING "${head}" ${start} ${length} comment)
  string(SUBSTRING "${head}" ${end} -1 after)
  string(REGEX REPLACE "${regex}" "${replacement}" edited "${comment}")
  if(edited STREQUAL comment)
    message(FATAL_ERROR "check_api_docs_test: \"${regex}\" changes nothing in the "
      "comment of ${function}():\n${comment}")
  endif()
  set(${content_var} "${before}${edited}${after}${tail}" PARENT_SCOPE)
endfunction()

set(path "${WORK_DIR}/include/kpi/plan.h")
file(READ "${path}" content)
# The status function keeps #KPI_OK but loses every error code.
edit_comment(content ${status_function} "#?KPI_ERR_[A-Z_]+" "an error")
# The getter's @return (its last paragraph) loses its lifetime sentence.
edit_comment(content ${pointer_function} "@return[^@]*$" "@return the title.\n ")
file(WRITE "${path}" "${content}")

run_script(rc output)
if(rc EQUAL 0)
  message(FATAL_ERROR "check_api_docs_test: the script accepted the edited "
    "kpi/plan.h:\n${output}")
endif()
if(NOT output MATCHES ": ${status_function}: [^\n]*KPI_ERR_")
  message(FATAL_ERROR "check_api_docs_test: the script did not report the missing "
    "error codes of ${status_function}():\n${output}")
endif()
if(NOT output MATCHES ": ${pointer_function}: [^\n]*lifetime")
  message(FATAL_ERROR "check_api_docs_test: the script did not report the missing "
    "lifetime of ${pointer_function}():\n${output}")
endif()
# Every failure must be about one of the two: no false alarm elsewhere.
string(REGEX MATCHALL "\\.h:[0-9]+: [A-Za-z0-9_]+: " reported "${output}")
foreach(prefix IN LISTS reported)
  if(NOT prefix MATCHES ": (${status_function}|${pointer_function}): $")
    message(FATAL_ERROR "check_api_docs_test: the script also reported "
      "\"${prefix}\":\n${output}")
  endif()
endforeach()
message(STATUS "check_api_docs_test: the script reports ${status_function}() and "
  "${pointer_function}(), as it should")
