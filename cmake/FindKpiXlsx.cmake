# Finds what libkpi's workbooks (.xlsx) are made and read with, all from
# Debian: libxlsxwriter (libxlsxwriter-dev) writes them, minizip
# (libminizip-dev) opens their zip container and expat (libexpat1-dev)
# parses their XML. Each becomes an imported target named by libkpi, so
# that a parent project's own targets of those names are never linked in
# their place.
#
# Installed beside kpiConfig.cmake: the static library kpi::kpi_static
# needs the three where it is linked.
#
#   find_package(KpiXlsx [REQUIRED])  ->  KpiXlsx_FOUND, kpi::xlsxwriter,
#                                         kpi::minizip, kpi::expat
find_path(KPI_XLSXWRITER_INCLUDE_DIR xlsxwriter.h DOC "Directory holding xlsxwriter.h")
find_library(KPI_XLSXWRITER_LIBRARY NAMES xlsxwriter DOC "libxlsxwriter")
find_path(KPI_MINIZIP_INCLUDE_DIR unzip.h PATH_SUFFIXES minizip
  DOC "Directory holding minizip's unzip.h")
find_library(KPI_MINIZIP_LIBRARY NAMES minizip DOC "minizip")
find_path(KPI_EXPAT_INCLUDE_DIR expat.h DOC "Directory holding expat.h")
find_library(KPI_EXPAT_LIBRARY NAMES expat DOC "expat")
mark_as_advanced(KPI_XLSXWRITER_INCLUDE_DIR KPI_XLSXWRITER_LIBRARY KPI_MINIZIP_INCLUDE_DIR
  KPI_MINIZIP_LIBRARY KPI_EXPAT_INCLUDE_DIR KPI_EXPAT_LIBRARY)

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(KpiXlsx
  REQUIRED_VARS KPI_XLSXWRITER_LIBRARY KPI_XLSXWRITER_INCLUDE_DIR KPI_MINIZIP_LIBRARY
                KPI_MINIZIP_INCLUDE_DIR KPI_EXPAT_LIBRARY KPI_EXPAT_INCLUDE_DIR
  FAIL_MESSAGE
    "libxlsxwriter, minizip or expat not found: install Debian's libxlsxwriter-dev, libminizip-dev and libexpat1-dev")

# kpi_xlsx_import(NAME LIBRARY INCLUDE_DIR): the imported target kpi::NAME,
# GLOBAL in libkpi's own build (as kpi::csv, cmake/FindKpiCSV.cmake).
function(kpi_xlsx_import name library include_dir)
  if(TARGET kpi::${name})
    return()
  endif()
  if(KPI_CSV_GLOBAL)
    add_library(kpi::${name} UNKNOWN IMPORTED GLOBAL)
  else()
    add_library(kpi::${name} UNKNOWN IMPORTED)
  endif()
  set_target_properties(kpi::${name} PROPERTIES
    IMPORTED_LOCATION ${library}
    INTERFACE_INCLUDE_DIRECTORIES ${include_dir})
endfunction()

if(KpiXlsx_FOUND)
  kpi_xlsx_import(xlsxwriter ${KPI_XLSXWRITER_LIBRARY} ${KPI_XLSXWRITER_INCLUDE_DIR})
  kpi_xlsx_import(minizip ${KPI_MINIZIP_LIBRARY} ${KPI_MINIZIP_INCLUDE_DIR})
  kpi_xlsx_import(expat ${KPI_EXPAT_LIBRARY} ${KPI_EXPAT_INCLUDE_DIR})
endif()
