# libkpi as others use it (included by tests/CMakeLists.txt):
#   kpi.consumers  installed into a prefix: the CMake and pkg-config
#                  consumer examples (shared and static), the installed
#                  kpi-report and Python package, also after moving the tree;
#   kpi.minimal_build  a configure that finds none of the test and docs
#                  tools (cmocka, Doxygen, Python, Chromium, ...) still
#                  builds the library and kpi-report, which runs;
#   kpi.subproject examples/embed-subproject, a parent project with its own
#                  docs target, csv library, tests and CPack, built with
#                  clang in Release;
#   kpi.source_tarball  the CPack source tarball holds the tree;
#   kpi.debian     the Debian packages built with dpkg-buildpackage, linted,
#                  installed into a throwaway dpkg root and used.
add_test(NAME kpi.consumers
  COMMAND ${CMAKE_COMMAND} -DBUILD=${PROJECT_BINARY_DIR} -DSOURCE=${PROJECT_SOURCE_DIR}
          -DWORK=${CMAKE_CURRENT_BINARY_DIR}/consumers
          -P ${CMAKE_CURRENT_SOURCE_DIR}/consumers.cmake)
set_tests_properties(kpi.consumers PROPERTIES RUN_SERIAL TRUE)

add_test(NAME kpi.minimal_build
  COMMAND ${CMAKE_COMMAND} -DSOURCE=${PROJECT_SOURCE_DIR} -DCC=${CMAKE_C_COMPILER}
          -DMAKE=${CMAKE_MAKE_PROGRAM} -DAR=${CMAKE_AR} -DRANLIB=${CMAKE_RANLIB}
          -DWORK=${CMAKE_CURRENT_BINARY_DIR}/minimal
          -P ${CMAKE_CURRENT_SOURCE_DIR}/minimal_build.cmake)
set_tests_properties(kpi.minimal_build PROPERTIES TIMEOUT 600)

find_program(KPI_CLANG clang)
kpi_test_dependency("${KPI_CLANG}" "libkpi as a clang-built subproject" "Debian's clang")
if(KPI_DEP_OK)
  add_test(NAME kpi.subproject
    COMMAND ${CMAKE_COMMAND} -DSOURCE=${PROJECT_SOURCE_DIR} -DCC=${KPI_CLANG}
            -DWORK=${CMAKE_CURRENT_BINARY_DIR}/subproject
            -P ${CMAKE_CURRENT_SOURCE_DIR}/subproject.cmake)
  set_tests_properties(kpi.subproject PROPERTIES TIMEOUT 600)
endif()

if(KPI_PACKAGE)
  add_test(NAME kpi.source_tarball
    COMMAND ${CMAKE_COMMAND} -DSOURCE=${PROJECT_SOURCE_DIR}
            -DWORK=${CMAKE_CURRENT_BINARY_DIR}/tarball
            -P ${CMAKE_CURRENT_SOURCE_DIR}/source_tarball.cmake)
  set_tests_properties(kpi.source_tarball PROPERTIES TIMEOUT 300)
endif()

find_program(KPI_DPKG_BUILDPACKAGE dpkg-buildpackage)
find_program(KPI_LINTIAN lintian)
find_program(KPI_DH dh)
if(KPI_DPKG_BUILDPACKAGE AND KPI_LINTIAN AND KPI_DH)
  set(_kpi_deb_tools ON)
else()
  set(_kpi_deb_tools OFF)
endif()
kpi_test_dependency(${_kpi_deb_tools} "The Debian packages"
  "Debian's dpkg-dev, debhelper, dh-python and lintian")
if(KPI_DEP_OK)
  add_test(NAME kpi.debian
    COMMAND ${CMAKE_COMMAND} -DSOURCE=${PROJECT_SOURCE_DIR}
            -DWORK=${CMAKE_CURRENT_BINARY_DIR}/debian
            -P ${CMAKE_CURRENT_SOURCE_DIR}/debian.cmake)
  set_tests_properties(kpi.debian PROPERTIES RUN_SERIAL TRUE TIMEOUT 1200)
endif()
