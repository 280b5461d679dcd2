# What `cmake --install` puts where (with KPI_INSTALL, the default when
# libkpi is the top-level project). Every destination is relative to the
# prefix, so that the installed tree can be moved, or unpacked under
# another root, and still work.

# The libraries and headers.
install(TARGETS kpi kpi_static EXPORT kpiTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

# find_package(kpi): kpiConfig.cmake, its version file, the exported
# targets kpi::kpi (shared) and kpi::kpi_static, and the modules that find
# libcsv, libxlsxwriter, minizip and expat for the static one.
include(CMakePackageConfigHelpers)
set(KPI_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/kpi)
install(EXPORT kpiTargets NAMESPACE kpi:: DESTINATION ${KPI_CMAKE_DIR})
configure_package_config_file(${PROJECT_SOURCE_DIR}/lib/kpiConfig.cmake.in
  ${PROJECT_BINARY_DIR}/kpiConfig.cmake INSTALL_DESTINATION ${KPI_CMAKE_DIR})
# Before 1.0 a minor release may break the API (docs/abi.md): 0.y accepts
# only 0.y.z; from 1.0 on, any later version of the same major.
if(PROJECT_VERSION_MAJOR EQUAL 0)
  set(_kpi_compatibility SameMinorVersion)
else()
  set(_kpi_compatibility SameMajorVersion)
endif()
write_basic_package_version_file(${PROJECT_BINARY_DIR}/kpiConfigVersion.cmake
  COMPATIBILITY ${_kpi_compatibility})
install(FILES ${PROJECT_BINARY_DIR}/kpiConfig.cmake
  ${PROJECT_BINARY_DIR}/kpiConfigVersion.cmake ${PROJECT_SOURCE_DIR}/cmake/FindKpiCSV.cmake
  ${PROJECT_SOURCE_DIR}/cmake/FindKpiXlsx.cmake
  DESTINATION ${KPI_CMAKE_DIR})

# pkg-config: kpi.pc (the shared library) and kpi-static.pc (the archive).
# Relocatable, they find their prefix from their own place (${pcfiledir});
# a distribution's package wants plain absolute paths instead, which
# pkg-config recognises as system directories.
if(KPI_PKGCONFIG_RELOCATABLE)
  file(RELATIVE_PATH _kpi_pc_up
    ${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}/pkgconfig ${CMAKE_INSTALL_PREFIX})
  string(REGEX REPLACE "/$" "" _kpi_pc_up "${_kpi_pc_up}")
  set(KPI_PC_PREFIX "\${pcfiledir}/${_kpi_pc_up}")
  set(KPI_PC_LIBDIR "\${prefix}/${CMAKE_INSTALL_LIBDIR}")
  set(KPI_PC_INCLUDEDIR "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
else()
  set(KPI_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
  set(KPI_PC_LIBDIR "\${prefix}/${CMAKE_INSTALL_LIBDIR}")
  set(KPI_PC_INCLUDEDIR "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
  if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}" OR IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
    set(KPI_PC_LIBDIR "${CMAKE_INSTALL_FULL_LIBDIR}")
    set(KPI_PC_INCLUDEDIR "${CMAKE_INSTALL_FULL_INCLUDEDIR}")
  endif()
endif()
foreach(_kpi_pc kpi kpi-static)
  configure_file(${PROJECT_SOURCE_DIR}/lib/${_kpi_pc}.pc.in ${PROJECT_BINARY_DIR}/${_kpi_pc}.pc
    @ONLY)
  install(FILES ${PROJECT_BINARY_DIR}/${_kpi_pc}.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
endforeach()

# kpi-report and its manual.
if(TARGET kpi-report)
  install(TARGETS kpi-report RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  install(FILES ${PROJECT_SOURCE_DIR}/docs/man/kpi-report.1
    DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endif()
install(FILES ${PROJECT_SOURCE_DIR}/docs/man/libkpi.3 DESTINATION ${CMAKE_INSTALL_MANDIR}/man3)

# The built-in scales as files, to read, copy and adapt (docs/scales.md):
# the library has them built in, so nothing needs them at run time.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/scales/ DESTINATION ${CMAKE_INSTALL_DATADIR}/libkpi/scales
  FILES_MATCHING PATTERN "*.csv")

# The conformance suite (tests/conformance/README.md), for vendors to run
# against their own integration: cases, rules, the checker (run with
# python3) and the C runner's sources.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/tests/conformance/
  DESTINATION ${CMAKE_INSTALL_DATADIR}/libkpi/conformance PATTERN "__pycache__" EXCLUDE)

# The guides, and the API reference when the kpi_docs target has built it.
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/LICENSE
  DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}
  FILES_MATCHING PATTERN "*.md" PATTERN "*.png" PATTERN "man" EXCLUDE)
install(DIRECTORY ${PROJECT_BINARY_DIR}/docs/html DESTINATION ${CMAKE_INSTALL_DOCDIR}
  OPTIONAL)

if(KPI_INSTALL_PYTHON)
  include(${PROJECT_SOURCE_DIR}/cmake/KpiInstallPython.cmake)
endif()
