# Reads the first two fenced blocks of DOC as a structure and a progress
# file and prints kpi-demo's report of them as of 2017-09-30.
#   cmake -DDOC=... -DDEMO=... -DWORK=... -P doc_example.cmake
cmake_minimum_required(VERSION 3.16)
file(READ ${DOC} text)
string(REGEX MATCHALL "```\n[^`]*```" blocks "${text}")
list(LENGTH blocks count)
if(count LESS 2)
  message(FATAL_ERROR "${DOC}: expected two example files, found ${count} blocks")
endif()
list(GET blocks 0 structure)
list(GET blocks 1 progress)
foreach(name structure progress)
  string(REGEX REPLACE "^```\n|```$" "" ${name} "${${name}}")
  file(WRITE ${WORK}/doc_${name}.csv "${${name}}")
endforeach()
execute_process(COMMAND ${DEMO} ${WORK}/doc_structure.csv ${WORK}/doc_progress.csv
                        --as-of 2017-09-30
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "kpi-demo failed on the example of ${DOC}")
endif()
