# Test kpi.docs_catch_missing_param: proves that the Doxygen check fails
# when one parameter loses its documentation. It copies include/ to a
# scratch directory, deletes the `@param title` line of kpi_plan_add_goal()
# in kpi/plan.h, runs Doxygen on the copy with the build's own configuration
# (its Doxyfile, with INPUT pointed at the copy) and passes only when
# Doxygen fails and its output names that parameter.
#
#   cmake -DDOXYGEN=/usr/bin/doxygen -DDOXYFILE=<build>/docs/Doxyfile
#         -DSOURCE_DIR=<source> -DWORK_DIR=<scratch directory>
#         -P docs/check_missing_param.cmake
#
# DOXYFILE is docs/Doxyfile.in configured as docs/CMakeLists.txt does.
foreach(var DOXYGEN DOXYFILE SOURCE_DIR WORK_DIR)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "check_missing_param: give -D${var}=...")
  endif()
endforeach()
if(NOT EXISTS "${DOXYFILE}")
  message(FATAL_ERROR "check_missing_param: no Doxyfile at ${DOXYFILE}")
endif()

# The function and parameter whose documentation is deleted.
set(header kpi/plan.h)
set(declaration "KPI_EXTERN kpi_goal *kpi_plan_add_goal(")
set(function kpi_plan_add_goal)
set(parameter title)

# WORK_DIR is emptied first: make sure it is no directory of the sources.
get_filename_component(work "${WORK_DIR}" ABSOLUTE)
get_filename_component(source "${SOURCE_DIR}" ABSOLUTE)
string(FIND "${source}/" "${work}/" inside)
if(inside EQUAL 0)
  message(FATAL_ERROR "check_missing_param: WORK_DIR ${WORK_DIR} holds the sources")
endif()
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
file(COPY "${SOURCE_DIR}/include" DESTINATION "${WORK_DIR}")

# Delete the one line " * @param title ..." of the comment right above the
# declaration.
set(path "${WORK_DIR}/include/${header}")
file(READ "${path}" content)
string(FIND "${content}" "${declaration}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "check_missing_param: ${header} has no \"${declaration}\"")
endif()
string(SUBSTRING "${content}" 0 ${at} head)
string(SUBSTRING "${content}" ${at} -1 tail)
string(FIND "${head}" "/**" comment_start REVERSE)
string(FIND "${head}" "@param ${parameter} " param_at REVERSE)
if(comment_start EQUAL -1 OR param_at LESS comment_start)
  message(FATAL_ERROR
    "check_missing_param: the comment of ${function}() has no @param ${parameter}")
endif()
string(SUBSTRING "${head}" 0 ${param_at} before)
string(FIND "${before}" "\n" line_start REVERSE)
math(EXPR line_start "${line_start} + 1")
string(SUBSTRING "${head}" 0 ${line_start} before)
string(SUBSTRING "${head}" ${param_at} -1 rest)
string(FIND "${rest}" "\n" line_end)
math(EXPR line_end "${line_end} + 1")
string(SUBSTRING "${rest}" ${line_end} -1 after)
file(WRITE "${path}" "${before}${after}${tail}")

# The build's configuration, reading the copy instead of include/.
file(WRITE "${WORK_DIR}/Doxyfile"
  "@INCLUDE = \"${DOXYFILE}\"\n"
  "INPUT = \"${WORK_DIR}/include\" \"${SOURCE_DIR}/README.md\" \"${SOURCE_DIR}/docs\"\n"
  "STRIP_FROM_PATH = \"${WORK_DIR}/include\"\n"
  "STRIP_FROM_INC_PATH = \"${WORK_DIR}/include\"\n"
  "OUTPUT_DIRECTORY = \"${WORK_DIR}/out\"\n")
execute_process(COMMAND "${DOXYGEN}" "${WORK_DIR}/Doxyfile"
  WORKING_DIRECTORY "${WORK_DIR}"
  RESULT_VARIABLE rc
  OUTPUT_VARIABLE out
  ERROR_VARIABLE err)
set(output "${out}${err}")

if(rc EQUAL 0)
  message(FATAL_ERROR "check_missing_param: Doxygen accepted ${header} without "
    "@param ${parameter} of ${function}(); WARN_NO_PARAMDOC or WARN_AS_ERROR is "
    "off. Its output:\n${output}")
endif()
if(NOT output MATCHES "${function}" OR NOT output MATCHES "parameter '${parameter}'")
  message(FATAL_ERROR "check_missing_param: Doxygen failed (${rc}) but did not name "
    "parameter '${parameter}' of ${function}(). Its output:\n${output}")
endif()
message(STATUS "check_missing_param: Doxygen fails on the missing @param "
  "${parameter} of ${function}(), as it should")
