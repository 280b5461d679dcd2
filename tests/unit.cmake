# The cmocka programs, one per area, each registered with ctest as
# kpi.<area>. With KPI_VALGRIND=ON every program is also run under
# valgrind's memcheck (kpi.<area>_valgrind), failing on any error or leak.
# The target is kpi_test_<area>; the program keeps the name test_<area>.
# They carry the label `unit` (ctest -L unit).
set(KPI_TESTS date model evaluate csv render_text render_data render_html oom threads bad_inputs phrase)

# Reading the seed report, shared by the test programs.
add_library(kpi_test_seed STATIC seed.c)
target_link_libraries(kpi_test_seed PUBLIC kpi_static)

foreach(name IN LISTS KPI_TESTS)
  add_executable(kpi_test_${name} test_${name}.c)
  set_target_properties(kpi_test_${name} PROPERTIES OUTPUT_NAME test_${name})
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

# No quadratic path: 100,000 targets in one goal. Not under valgrind, whose
# slowdown would say nothing about the library.
add_executable(kpi_test_scale test_scale.c)
set_target_properties(kpi_test_scale PROPERTIES OUTPUT_NAME test_scale)
target_link_libraries(kpi_test_scale PRIVATE kpi_static ${CMOCKA_LIBRARY})
target_include_directories(kpi_test_scale PRIVATE ${CMOCKA_INCLUDE_DIR})
add_test(NAME kpi.scale COMMAND kpi_test_scale)
set_tests_properties(kpi.scale PROPERTIES TIMEOUT 60 LABELS unit)
