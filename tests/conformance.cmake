# The conformance suite (tests/conformance/README.md): every case through
# libkpi by the C runner and by the Python package, the C runner's results
# judged by the suite's own checker (the path a vendor's program takes), no
# rule of the contract without a case, and the seed's files in the suite
# the same bytes as examples/data. Included by tests/CMakeLists.txt; the
# installed suite is run from the install prefix by tests/install.cmake.
set(_kpi_suite ${CMAKE_CURRENT_SOURCE_DIR}/conformance)

find_package(PkgConfig)
if(PkgConfig_FOUND)
  pkg_check_modules(KPI_JANSSON IMPORTED_TARGET jansson)
endif()
kpi_test_dependency("${KPI_JANSSON_FOUND}" "The conformance suite's C runner"
  "Debian's libjansson-dev and pkg-config")
if(KPI_DEP_OK)
  add_executable(kpi_conformance ${_kpi_suite}/runner/main.c ${_kpi_suite}/runner/case.c
    ${_kpi_suite}/runner/result.c ${_kpi_suite}/runner/compare.c)
  set_target_properties(kpi_conformance PROPERTIES OUTPUT_NAME kpi-conformance)
  target_link_libraries(kpi_conformance PRIVATE kpi PkgConfig::KPI_JANSSON m)
  add_test(NAME kpi.conformance_c COMMAND kpi_conformance cases
    WORKING_DIRECTORY ${_kpi_suite})
  if(KPI_VALGRIND)
    add_test(NAME kpi.conformance_c_valgrind
      COMMAND ${VALGRIND_EXECUTABLE} --quiet --leak-check=full --show-leak-kinds=all
              --errors-for-leak-kinds=all --error-exitcode=99 $<TARGET_FILE:kpi_conformance>
              cases
      WORKING_DIRECTORY ${_kpi_suite})
    set_tests_properties(kpi.conformance_c_valgrind PROPERTIES LABELS valgrind)
  endif()
endif()
set(_kpi_conformance_runner ${KPI_DEP_OK})

if(NOT KPI_BINDING_PYTHON3)
  return() # (tests/python.cmake said what to install)
endif()
set(_kpi_suite_env KPI_LIBRARY=$<TARGET_FILE:kpi>
  PYTHONPATH=${PROJECT_SOURCE_DIR}/bindings/python PYTHONDONTWRITEBYTECODE=1)
if(NOT KPI_SANITIZE) # (python3 cannot load a sanitized libkpi without a preload)
  add_test(NAME kpi.conformance_python
    COMMAND ${CMAKE_COMMAND} -E env ${_kpi_suite_env} ${KPI_BINDING_PYTHON3} -m pytest -q
            -p no:cacheprovider ${_kpi_suite}/test_conformance.py)
  if(_kpi_conformance_runner)
    add_test(NAME kpi.conformance_contract
      COMMAND ${KPI_BINDING_PYTHON3} ${_kpi_suite}/check.py
              --run "$<TARGET_FILE:kpi_conformance> --result {case}")
  endif()
endif()
add_test(NAME kpi.conformance_rules
  COMMAND ${KPI_BINDING_PYTHON3} ${_kpi_suite}/check.py --uncovered)
foreach(file ueda-2017-structure.csv ueda-2017-progress.csv)
  add_test(NAME kpi.conformance_seed_${file}
    COMMAND ${CMAKE_COMMAND} -E compare_files ${PROJECT_SOURCE_DIR}/examples/data/${file}
            ${_kpi_suite}/data/${file})
endforeach()
