# Finds libcsv (Debian: libcsv-dev), which ships neither a pkg-config file
# nor a CMake package, and makes it the imported target kpi::csv. The name
# is libkpi's own, so that a project with a target called `csv` (or its own
# libcsv) is never linked in its place.
#
# Installed beside kpiConfig.cmake: the static library kpi::kpi_static
# needs libcsv where it is linked.
#
#   find_package(KpiCSV [REQUIRED])  ->  KpiCSV_FOUND, kpi::csv,
#                                        KPI_CSV_INCLUDE_DIR, KPI_CSV_LIBRARY
find_path(KPI_CSV_INCLUDE_DIR csv.h DOC "Directory holding libcsv's csv.h")
find_library(KPI_CSV_LIBRARY NAMES csv DOC "libcsv")
mark_as_advanced(KPI_CSV_INCLUDE_DIR KPI_CSV_LIBRARY)

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(KpiCSV
  REQUIRED_VARS KPI_CSV_LIBRARY KPI_CSV_INCLUDE_DIR
  FAIL_MESSAGE "libcsv not found: install Debian's libcsv-dev")

if(KpiCSV_FOUND AND NOT TARGET kpi::csv)
  # GLOBAL in libkpi's own build, so that a parent project that pulls libkpi
  # in with add_subdirectory can link kpi::kpi_static; a plain imported
  # target when found through kpiConfig.cmake, as find modules make them.
  if(KPI_CSV_GLOBAL)
    add_library(kpi::csv UNKNOWN IMPORTED GLOBAL)
  else()
    add_library(kpi::csv UNKNOWN IMPORTED)
  endif()
  set_target_properties(kpi::csv PROPERTIES
    IMPORTED_LOCATION ${KPI_CSV_LIBRARY}
    INTERFACE_INCLUDE_DIRECTORIES ${KPI_CSV_INCLUDE_DIR})
endif()
