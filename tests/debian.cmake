# The Debian packages, built the way Debian builds them: a copy of the
# source tree, `dpkg-buildpackage -b` with debian/, then
#  - lintian: no error, and every warning one that docs/packaging.md
#    explains;
#  - what each package holds and declares (shlibs, ldconfig trigger,
#    dependencies computed by dpkg-shlibdeps);
#  - all four installed into an empty dpkg root (the machine running the
#    tests is left alone), and used from there: the consumer examples,
#    kpi-report, the Python module.
#   cmake -DSOURCE=... -DWORK=... -P debian.cmake
cmake_minimum_required(VERSION 3.16)
include(${CMAKE_CURRENT_LIST_DIR}/consumer_checks.cmake)

file(REMOVE_RECURSE ${WORK})

# debian/changelog speaks of the version the library says it is.
file(STRINGS ${SOURCE}/include/kpi/common.h lines REGEX "#define KPI_VERSION_STRING ")
string(REGEX MATCH "\"([0-9.]+)\"" _ "${lines}")
set(version ${CMAKE_MATCH_1})
file(STRINGS ${SOURCE}/debian/changelog first LIMIT_COUNT 1)
if(NOT first MATCHES "^libkpi \\(${version}\\) ")
  message(FATAL_ERROR "debian/changelog (${first}) is not at version ${version}")
endif()

# The source tree without build directories.
set(src ${WORK}/libkpi-${version})
string(REGEX REPLACE "([][+.*()^$?|\\\\])" "\\\\\\1" source_re "${SOURCE}")
file(COPY ${SOURCE}/ DESTINATION ${src}
  REGEX "^${source_re}/(build[^/]*|obj-[^/]*|\\.git)$" EXCLUDE
  PATTERN __pycache__ EXCLUDE)
run(${CMAKE_COMMAND} -E chdir ${src}
    ${CMAKE_COMMAND} -E env DEB_BUILD_OPTIONS=nocheck dpkg-buildpackage -b -us -uc)

set(arch_debs libkpi0 libkpi-dev kpi-report)
foreach(name ${arch_debs} python3-kpi)
  file(GLOB deb ${WORK}/${name}_${version}_*.deb)
  if(NOT deb)
    message(FATAL_ERROR "dpkg-buildpackage made no ${name} package")
  endif()
  set(deb_${name} ${deb})
  list(APPEND debs ${deb})
endforeach()

# lintian: errors fail; each warning must be explained in docs/packaging.md.
file(GLOB changes ${WORK}/libkpi_${version}_*.changes)
execute_process(COMMAND lintian --fail-on error ${debs}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message(STATUS "lintian:\n${out}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "lintian found errors:\n${out}${err}")
endif()
file(READ ${SOURCE}/docs/packaging.md explained)
string(REGEX MATCHALL "(^|\n)W: [^\n]+" warnings "${out}")
foreach(w IN LISTS warnings)
  string(REGEX MATCH "W: [^:]+: ([a-z0-9-]+)" _ "${w}")
  if(NOT explained MATCHES "`${CMAKE_MATCH_1}`")
    message(FATAL_ERROR "lintian warning not explained in docs/packaging.md: ${w}")
  endif()
endforeach()

# What each package holds.
function(expect_contents deb)
  run(dpkg-deb --contents ${deb})
  foreach(path ${ARGN})
    expect("${path}")
  endforeach()
endfunction()
expect_contents(${deb_libkpi0} "/libkpi\\.so\\.0 -> libkpi\\.so\\.${version}"
  "/usr/share/doc/libkpi0/copyright" "/usr/share/doc/libkpi0/changelog\\.gz")
expect_contents(${deb_libkpi-dev} "/usr/include/kpi\\.h" "/usr/include/kpi/plan\\.h"
  "/libkpi\\.a" "/libkpi\\.so -> libkpi\\.so\\.0" "/pkgconfig/kpi\\.pc"
  "/pkgconfig/kpi-static\\.pc" "/cmake/kpi/kpiConfig\\.cmake" "/cmake/kpi/FindKpiCSV\\.cmake"
  "/cmake/kpi/FindKpiXlsx\\.cmake" "/usr/share/man/man3/libkpi\\.3\\.gz"
  "/usr/share/doc/libkpi-dev/csv-format\\.md" "/usr/share/libkpi/conformance/check\\.py"
  "/usr/share/libkpi/conformance/cases/" "/usr/share/libkpi/conformance/runner/main\\.c")
expect_contents(${deb_kpi-report} "/usr/bin/kpi-report"
  "/usr/share/man/man1/kpi-report\\.1\\.gz")
expect_contents(${deb_python3-kpi} "/usr/lib/python3/dist-packages/kpi/__init__\\.py")
run(dpkg-deb --contents ${deb_python3-kpi})
if(last_output MATCHES "_install\\.py")
  message(FATAL_ERROR "python3-kpi holds _install.py: it must find libkpi on the system path")
endif()

# What they declare: the shared library's shlibs and ldconfig trigger; the
# others' dependencies on it, computed from the symbols they use.
run(dpkg-deb --ctrl-tarfile ${deb_libkpi0})
run(dpkg-deb -I ${deb_libkpi0} shlibs)
string(REGEX MATCH "^([0-9]+)\\.([0-9]+)" major_minor "${version}")
math(EXPR next_minor "${CMAKE_MATCH_2} + 1")
if(CMAKE_MATCH_1 EQUAL 0)
  # before 1.0 a minor release may break the ABI (docs/abi.md)
  expect("libkpi 0 libkpi0 \\(>= ${major_minor}\\), libkpi0 \\(<< 0\\.${next_minor}\\)")
else()
  expect("libkpi ${CMAKE_MATCH_1} libkpi${CMAKE_MATCH_1} \\(>= ${major_minor}\\)\n")
endif()
run(dpkg-deb -I ${deb_libkpi0} triggers)
expect("activate-noawait ldconfig")
run(dpkg-deb --field ${deb_kpi-report} Depends)
expect("libkpi0 \\(>= ${major_minor}\\)")
expect("libc6")
run(dpkg-deb --field ${deb_libkpi-dev} Depends)
expect("libkpi0 \\(= ${version}\\)")
# the static library links libcsv and the workbook libraries
foreach(dev libcsv-dev libxlsxwriter-dev libminizip-dev libexpat1-dev)
  expect("${dev}")
endforeach()
# the shared library's own dependencies, from the symbols it uses
run(dpkg-deb --field ${deb_libkpi0} Depends)
foreach(lib libcsv3 libxlsxwriter4 libminizip1 libexpat1)
  expect("${lib}")
endforeach()

# Installed into an empty dpkg root: unpacked and configured, no errors.
# python3-kpi is only unpacked: its postinst byte-compiles with the host's
# py3compile, which looks for the files in the host's /usr, not the root.
set(root ${WORK}/root)
file(MAKE_DIRECTORY ${root}/var/lib/dpkg/info ${root}/var/lib/dpkg/updates)
file(TOUCH ${root}/var/lib/dpkg/status)
set(dpkg_root dpkg --root=${root} --force-depends --force-not-root --force-script-chrootless
    --log=/dev/null --no-triggers)
run(${dpkg_root} -i ${deb_libkpi0} ${deb_libkpi-dev} ${deb_kpi-report})
run(${dpkg_root} --unpack ${deb_python3-kpi})
foreach(name libkpi0 libkpi-dev kpi-report python3-kpi)
  run(dpkg --root=${root} -s ${name})
  expect("Status: install ok (installed|unpacked)")
endforeach()

# The pc files name the system's directories as pkg-config knows them, so
# that it leaves them out: nothing but the library itself.
file(GLOB pcdir ${root}/usr/lib/*/pkgconfig)
run(${CMAKE_COMMAND} -E env PKG_CONFIG_PATH=${pcdir} pkg-config --cflags --libs kpi)
if(NOT last_output MATCHES "^-lkpi *\n?$")
  message(FATAL_ERROR "kpi.pc of the package gives \"${last_output}\", not just -lkpi")
endif()

# Used from there. The root is not the system's, so the loader is told
# where its libraries are.
file(GLOB libdir ${root}/usr/lib/*/libkpi.so.0)
get_filename_component(libdir ${libdir} DIRECTORY)
build_consumers(${root}/usr deb "PKG_CONFIG=pkg-config --define-variable=prefix=${root}/usr")
run(${CMAKE_COMMAND} -E env LD_LIBRARY_PATH=${libdir} ${root}/usr/bin/kpi-report
    ${SOURCE}/examples/data/ueda-2017-structure.csv ${SOURCE}/examples/data/ueda-2017-progress.csv
    --as-of 2017-09-30)
expect("物件登録件数")
find_program(SYSTEM_PYTHON3 NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH)
run(${CMAKE_COMMAND} -E env --unset=KPI_LIBRARY LD_LIBRARY_PATH=${libdir}
    PYTHONPATH=${root}/usr/lib/python3/dist-packages
    ${SYSTEM_PYTHON3} ${SOURCE}/examples/python/seed_report.py --lang en)
expect("Progress of priority goals")
