# The cmocka programs, one per concept (test_<area>_<concept>.c, each file
# saying what it covers), each registered with ctest as kpi.<name>. With
# KPI_VALGRIND=ON every program is also run under valgrind's memcheck
# (kpi.<name>_valgrind), failing on any error or leak. The target is
# kpi_test_<name>; the program keeps the name test_<name>.
# They carry the label `unit` (ctest -L unit).
set(KPI_TESTS date model_lifecycle model_fields model_tree model_codes model_errors model_ratings evaluate_worked_examples evaluate_rules evaluate_unrated evaluate_assessments evaluate_rollup evaluate_results evaluate_reasons csv_read csv_seed csv_prose csv_round_trip csv_values csv_write csv_encodings csv_syntax csv_errors render_text render_data render_html render_progress_text render_progress_data render_progress_html display oom threads bad_inputs phrase prose prose_seed prose_api rules_agree errors_kept progress_rules progress_status progress_directives progress_worked_examples model_updates model_directives csv_progress csv_progress_round_trip model_limits csv_api_round_trip render_scale csv_threads evaluate_threads model_strings render_write system_failures render_columns scales_read scales_rate scales_plan scales_render xlsx_read xlsx_errors xlsx_write render_xlsx csv_formulas)

# Reading the seed report, and pointing TMPDIR elsewhere (tmpdir.h), shared
# by the test programs.
add_library(kpi_test_seed STATIC seed.c tmpdir.c)
target_link_libraries(kpi_test_seed PUBLIC kpi_static)

# What the programs of one area share: test_<area>_*.c links
# kpi_test_<area>_support (<area>_support.c: the model's assertions and
# fixture, the evaluation's fixture and seed tables, the plan-file helpers,
# the reports' synthetic plan with progress).
set(KPI_TEST_SUPPORT_AREAS model evaluate csv render progress xlsx)
foreach(area IN LISTS KPI_TEST_SUPPORT_AREAS)
  add_library(kpi_test_${area}_support STATIC ${area}_support.c)
  target_link_libraries(kpi_test_${area}_support PUBLIC kpi_static ${CMOCKA_LIBRARY})
  target_include_directories(kpi_test_${area}_support PUBLIC ${CMOCKA_INCLUDE_DIR})
endforeach()
# The workbook tests (test_xlsx_*.c) and the workbook report's take
# workbooks apart with minizip, as the library's reader does.
target_link_libraries(kpi_test_xlsx_support PUBLIC kpi::minizip)
# The progress tests build on the evaluation's fixture and assertions.
target_link_libraries(kpi_test_progress_support PUBLIC kpi_test_evaluate_support)

foreach(name IN LISTS KPI_TESTS)
  add_executable(kpi_test_${name} test_${name}.c)
  set_target_properties(kpi_test_${name} PROPERTIES OUTPUT_NAME test_${name})
  foreach(area IN LISTS KPI_TEST_SUPPORT_AREAS)
    if(name MATCHES "^${area}_" OR (area STREQUAL "xlsx" AND name MATCHES "_xlsx$"))
      target_link_libraries(kpi_test_${name} PRIVATE kpi_test_${area}_support)
    endif()
  endforeach()
  # Tests link the static library so that they may also reach internal
  # helpers declared in lib/*.h.
  target_link_libraries(kpi_test_${name} PRIVATE kpi_test_seed kpi_static ${CMOCKA_LIBRARY}
    Threads::Threads)
  target_include_directories(kpi_test_${name} PRIVATE ${CMOCKA_INCLUDE_DIR}
    ${PROJECT_SOURCE_DIR}/lib)
  # Tests open fixtures by paths relative to the source tree.
  add_test(NAME kpi.${name} COMMAND kpi_test_${name} WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(kpi.${name} PROPERTIES LABELS unit)
  if(KPI_VALGRIND)
    add_test(NAME kpi.${name}_valgrind
      COMMAND ${VALGRIND_EXECUTABLE} --quiet --leak-check=full --show-leak-kinds=all
              --errors-for-leak-kinds=all --error-exitcode=99 $<TARGET_FILE:kpi_test_${name}>
      WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
    set_tests_properties(kpi.${name}_valgrind PROPERTIES LABELS valgrind)
  endif()
endforeach()

# Two programs make a system call fail on request (thread creation, and
# fsync()): the linker sends libkpi's calls to their __wrap_ functions.
target_link_options(kpi_test_system_failures PRIVATE "LINKER:--wrap=pthread_create"
  "LINKER:--wrap=workbook_close" "LINKER:--wrap=fopen" "LINKER:--wrap=ferror")
target_link_options(kpi_test_render_write PRIVATE "LINKER:--wrap=fsync")

# No quadratic path: 100,000 targets in one goal. Not under valgrind, whose
# slowdown would say nothing about the library.
add_executable(kpi_test_scale test_scale.c)
set_target_properties(kpi_test_scale PROPERTIES OUTPUT_NAME test_scale)
target_link_libraries(kpi_test_scale PRIVATE kpi_static ${CMOCKA_LIBRARY})
target_include_directories(kpi_test_scale PRIVATE ${CMOCKA_INCLUDE_DIR})
add_test(NAME kpi.scale COMMAND kpi_test_scale)
set_tests_properties(kpi.scale PROPERTIES TIMEOUT 60 LABELS unit)
