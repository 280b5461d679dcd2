# Plan workbooks end to end (kpi/xlsx.h, kpi-report --template): a plan's
# CSV files, written as a workbook and read back, give the same CSV bytes;
# and so does the workbook once LibreOffice has opened and saved it again,
# as staff's spreadsheets will. tests/xlsx_round_trip.cmake does the work;
# tests/plan_files.c writes a plan read from either form as CSV.
if(NOT TARGET kpi-report)
  return()
endif()

add_executable(kpi_test_plan_files plan_files.c)
set_target_properties(kpi_test_plan_files PROPERTIES OUTPUT_NAME plan_files)
target_link_libraries(kpi_test_plan_files PRIVATE kpi)

find_program(KPI_SOFFICE soffice)
kpi_test_dependency("${KPI_SOFFICE}" "The LibreOffice round trip of plan workbooks"
  "Debian's libreoffice-calc-nogui")

# kpi_xlsx_round_trip(NAME STRUCTURE PROGRESS): both round trips of a plan.
function(kpi_xlsx_round_trip name structure progress)
  set(args -DREPORT=$<TARGET_FILE:kpi-report> -DPLAN_FILES=$<TARGET_FILE:kpi_test_plan_files>
      -DSTRUCTURE=${structure} -DPROGRESS=${progress})
  # Each test a directory of its own: ctest runs them side by side, and the
  # script starts by emptying its directory.
  set(work ${CMAKE_CURRENT_BINARY_DIR}/xlsx/${name})
  add_test(NAME kpi.xlsx_round_trip_${name}
    COMMAND ${CMAKE_COMMAND} ${args} -DWORK=${work}/direct -P ${CMAKE_CURRENT_SOURCE_DIR}/xlsx_round_trip.cmake
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  if(KPI_DEP_OK)
    add_test(NAME kpi.xlsx_resave_${name}
      COMMAND ${CMAKE_COMMAND} ${args} -DWORK=${work}/resave -DSOFFICE=${KPI_SOFFICE}
              -P ${CMAKE_CURRENT_SOURCE_DIR}/xlsx_round_trip.cmake
      WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
    # LibreOffice takes a few seconds to start: one at a time keeps CI calm
    set_tests_properties(kpi.xlsx_resave_${name} PROPERTIES RESOURCE_LOCK soffice)
  endif()
endfunction()

# The seed; a plan with statuses, planned dates, directives and notes; the
# CSV tests' plan with every column.
kpi_xlsx_round_trip(seed examples/data/ueda-2017-structure.csv
  examples/data/ueda-2017-progress.csv)
kpi_xlsx_round_trip(progress tests/data/csv/progress-structure.csv
  tests/data/csv/progress-progress.csv)
kpi_xlsx_round_trip(utf8 tests/data/csv/utf8-structure.csv tests/data/csv/utf8-progress.csv)
