# Runs kpi-report once and checks its exit status, standard output and
# standard error together (ctest's own test properties see only one of
# them). Used by tests/report.cmake:
#
#   cmake -DPROGRAM=path/to/kpi-report -DARGS=a@@b@@c -DSTATUS=0 [checks] \
#         -P tests/report_check.cmake
#
# Lists (ARGS, STDOUT_REGEX, STDERR_REGEX) are separated by "@@", since ";"
# does not survive add_test and "|" is part of regular expressions.
#
# Checks, each optional:
#   STATUS=n             the exit status (required)
#   STDOUT_EMPTY=ON      nothing on standard output
#   STDOUT_FILE=path     standard output equals this file byte for byte
#   STDOUT_REGEX=r@@r    standard output matches every regular expression
#   STDERR_LINES=n       standard error has exactly n lines
#   STDERR_REGEX=r@@r    standard error matches every regular expression
#   OUTPUT=path          removed before the run; must exist afterwards, and
#                        no temporary file (path.tmp*) may be left beside it
#   OUTPUT_FILE=path     ... and OUTPUT equals this file
#   NO_OUTPUT=path       removed before the run; must not exist afterwards,
#                        nor any temporary file beside it
# Fixtures:
#   BAD_STRUCTURE=path   writes a structure file with a duplicate code on line 4
#   BAD_PROGRESS=path    writes a progress file with an impossible date on line 3
# Under valgrind:
#   VALGRIND=path        runs the program under memcheck (errors: status 99)

cmake_minimum_required(VERSION 3.16)

function(fail what)
  string(REPLACE "@@" " " shown "${ARGS}")
  message(FATAL_ERROR "kpi-report ${shown}: ${what}\n--- stdout ---\n${out}\n--- stderr ---\n${err}")
endfunction()

function(no_temporary path)
  file(GLOB leftovers "${path}.tmp*")
  if(leftovers)
    fail("temporary file left behind: ${leftovers}")
  endif()
endfunction()

if(BAD_STRUCTURE)
  file(WRITE ${BAD_STRUCTURE}
    "type,code,parent,title\nplan,p,,Plan\ngoal,1,,First\ngoal,1,,Second\n")
endif()
if(BAD_PROGRESS)
  file(WRITE ${BAD_PROGRESS} "code,date,value\n3-2-a,2017-09-30,32\n3-2-b,2017-13-01,51\n")
endif()
foreach(path IN ITEMS ${OUTPUT} ${NO_OUTPUT})
  file(REMOVE ${path})
endforeach()

string(REPLACE "@@" ";" args "${ARGS}")
set(command ${PROGRAM} ${args})
if(VALGRIND)
  set(command ${VALGRIND} --quiet --leak-check=full --show-leak-kinds=all
      --errors-for-leak-kinds=all --error-exitcode=99 ${command})
endif()
execute_process(COMMAND ${command}
  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)

if(NOT "${status}" STREQUAL "${STATUS}")
  fail("exit status ${status}, expected ${STATUS}")
endif()

if(STDOUT_EMPTY AND NOT out STREQUAL "")
  fail("standard output is not empty")
endif()
if(STDOUT_FILE)
  file(READ ${STDOUT_FILE} want)
  if(NOT out STREQUAL want)
    fail("standard output differs from ${STDOUT_FILE}")
  endif()
endif()
string(REPLACE "@@" ";" regexes "${STDOUT_REGEX}")
foreach(regex IN LISTS regexes)
  if(NOT out MATCHES "${regex}")
    fail("standard output does not match \"${regex}\"")
  endif()
endforeach()

if(DEFINED STDERR_LINES)
  string(REGEX MATCHALL "\n" newlines "${err}")
  list(LENGTH newlines lines)
  if(NOT lines EQUAL STDERR_LINES OR (lines GREATER 0 AND NOT err MATCHES "\n$"))
    fail("standard error has ${lines} lines, expected ${STDERR_LINES}")
  endif()
endif()
string(REPLACE "@@" ";" regexes "${STDERR_REGEX}")
foreach(regex IN LISTS regexes)
  if(NOT err MATCHES "${regex}")
    fail("standard error does not match \"${regex}\"")
  endif()
endforeach()

if(OUTPUT)
  if(NOT EXISTS ${OUTPUT})
    fail("${OUTPUT} was not written")
  endif()
  no_temporary(${OUTPUT})
  if(OUTPUT_FILE)
    file(READ ${OUTPUT} got)
    file(READ ${OUTPUT_FILE} want)
    if(NOT got STREQUAL want)
      fail("${OUTPUT} differs from ${OUTPUT_FILE}")
    endif()
  endif()
endif()
if(NO_OUTPUT)
  if(EXISTS ${NO_OUTPUT})
    fail("${NO_OUTPUT} was written")
  endif()
  no_temporary(${NO_OUTPUT})
endif()
