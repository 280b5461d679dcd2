# One plan's round trips through a plan workbook (tests/xlsx.cmake):
#   STRUCTURE + PROGRESS --plan_files--> canonical CSV (what libkpi writes)
#   STRUCTURE + PROGRESS --kpi-report --template--> plan.xlsx
#   plan.xlsx --plan_files--> CSV: must equal the canonical CSV byte for byte
# With SOFFICE, plan.xlsx is first opened and saved again by LibreOffice
# (headless, a profile of its own), and that workbook must read back to the
# same CSV.
cmake_minimum_required(VERSION 3.16)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE out
    ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "${ARGN}\nexit ${status}\n${out}${err}")
  endif()
endfunction()

function(same expected actual)
  file(READ ${expected} a HEX)
  file(READ ${actual} b HEX)
  if(NOT a STREQUAL b)
    execute_process(COMMAND diff ${expected} ${actual} OUTPUT_VARIABLE d)
    message(FATAL_ERROR "${actual} differs from ${expected}:\n${d}")
  endif()
endfunction()

run(${PLAN_FILES} ${WORK}/structure.csv ${WORK}/progress.csv ${STRUCTURE} ${PROGRESS})
run(${REPORT} ${STRUCTURE} ${PROGRESS} --template -o ${WORK}/plan.xlsx)
set(workbook ${WORK}/plan.xlsx)
if(SOFFICE)
  run(${SOFFICE} -env:UserInstallation=file://${WORK}/profile --headless
      --convert-to xlsx --outdir ${WORK}/saved ${WORK}/plan.xlsx)
  set(workbook ${WORK}/saved/plan.xlsx)
  if(NOT EXISTS ${workbook})
    message(FATAL_ERROR "LibreOffice did not save ${workbook}")
  endif()
endif()
run(${PLAN_FILES} ${WORK}/back-structure.csv ${WORK}/back-progress.csv ${workbook})
same(${WORK}/structure.csv ${WORK}/back-structure.csv)
same(${WORK}/progress.csv ${WORK}/back-progress.csv)
# kpi-report reads the workbook as it reads the files: the same report.
execute_process(COMMAND ${REPORT} ${STRUCTURE} ${PROGRESS} --format json
  OUTPUT_FILE ${WORK}/from-files.json RESULT_VARIABLE rc)
execute_process(COMMAND ${REPORT} ${workbook} --format json
  OUTPUT_FILE ${WORK}/from-workbook.json RESULT_VARIABLE rc2)
if(NOT rc EQUAL 0 OR NOT rc2 EQUAL 0)
  message(FATAL_ERROR "kpi-report failed on the files (${rc}) or the workbook (${rc2})")
endif()
same(${WORK}/from-files.json ${WORK}/from-workbook.json)
message(STATUS "${workbook} reads back to the same plan files")
