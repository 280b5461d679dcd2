# Outputs that are safe to open: a hostile plan's reports and files in
# headless Chromium and LibreOffice (tests/hostile_check.cmake). Included
# by tests/CMakeLists.txt after xlsx.cmake (kpi_test_plan_files).
if(NOT TARGET kpi_test_plan_files)
  return()
endif()
find_program(KPI_CHROMIUM NAMES chromium chromium-browser)
find_program(KPI_SOFFICE soffice)
if(KPI_CHROMIUM AND KPI_SOFFICE)
  set(_kpi_hostile_tools ON)
else()
  set(_kpi_hostile_tools OFF)
endif()
kpi_test_dependency(${_kpi_hostile_tools} "Hostile plans in a browser and a spreadsheet"
  "Debian's chromium and libreoffice-calc-nogui")
if(NOT KPI_DEP_OK)
  return()
endif()
add_executable(kpi_test_hostile_outputs hostile_outputs.c)
set_target_properties(kpi_test_hostile_outputs PROPERTIES OUTPUT_NAME hostile_outputs)
target_link_libraries(kpi_test_hostile_outputs PRIVATE kpi)
add_test(NAME kpi.hostile_outputs
  COMMAND ${CMAKE_COMMAND} -DOUTPUTS=$<TARGET_FILE:kpi_test_hostile_outputs>
          -DPLAN_FILES=$<TARGET_FILE:kpi_test_plan_files>
          -DSTRINGS=${PROJECT_SOURCE_DIR}/tests/data/hostile/strings.txt
          -DCHROMIUM=${KPI_CHROMIUM} -DSOFFICE=${KPI_SOFFICE}
          -DWORK=${CMAKE_CURRENT_BINARY_DIR}/hostile
          -P ${CMAKE_CURRENT_SOURCE_DIR}/hostile_check.cmake)
set_tests_properties(kpi.hostile_outputs PROPERTIES RESOURCE_LOCK soffice TIMEOUT 600)
