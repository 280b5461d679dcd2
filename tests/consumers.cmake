# Installs libkpi into a temporary prefix and uses it as a city system
# would, with no path hint but the prefix:
#  - examples/embed-cmake with find_package(kpi) (CMAKE_PREFIX_PATH), linked
#    to the shared and to the static library;
#  - examples/embed-make with pkg-config (PKG_CONFIG_PATH), kpi and
#    kpi-static;
#  - the installed kpi-report and Python package;
#  - the installed conformance suite: its C runner built against the prefix
#    and run on its cases, and its checker with the installed package;
# then moves the installed tree elsewhere and runs them again, and installs
# with DESTDIR and builds against that tree: the installed files hold no
# path of the build machine.
#   cmake -DBUILD=... -DSOURCE=... -DWORK=... -P consumers.cmake
cmake_minimum_required(VERSION 3.16)

include(${CMAKE_CURRENT_LIST_DIR}/consumer_checks.cmake)

function(no_build_paths prefix)
  file(GLOB_RECURSE files ${prefix}/*.cmake ${prefix}/*.pc ${prefix}/*.py)
  foreach(f IN LISTS files)
    file(READ ${f} text)
    foreach(path ${BUILD} ${SOURCE} ${WORK})
      string(FIND "${text}" "${path}" at)
      if(NOT at EQUAL -1)
        message(FATAL_ERROR "${f} holds the path ${path}: the install is not relocatable")
      endif()
    endforeach()
  endforeach()
endfunction()

# The installed programs: kpi-report runs from its place without
# LD_LIBRARY_PATH, and the Python package finds the library it was
# installed with.
function(run_installed prefix)
  run(${CMAKE_COMMAND} -E env --unset=LD_LIBRARY_PATH ${prefix}/bin/kpi-report
      ${SOURCE}/examples/data/ueda-2017-structure.csv --as-of 2017-09-30 --format csv)
  expect("3-2-a")
  file(GLOB_RECURSE init ${prefix}/*__init__.py)
  list(FILTER init INCLUDE REGEX "/kpi/__init__\\.py$")
  list(GET init 0 init)
  get_filename_component(package ${init} DIRECTORY)
  get_filename_component(site ${package} DIRECTORY)
  find_program(SYSTEM_PYTHON3 NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH)
  run(${CMAKE_COMMAND} -E env --unset=KPI_LIBRARY PYTHONPATH=${site}
      ${SYSTEM_PYTHON3} ${SOURCE}/examples/python/seed_report.py --lang en)
  expect("Progress of priority goals")
  run_conformance(${prefix} ${site})
endfunction()

# The conformance suite as a vendor runs it, from the prefix alone.
function(run_conformance prefix site)
  set(suite ${prefix}/share/libkpi/conformance)
  get_filename_component(tag ${prefix} NAME)
  set(build ${WORK}/conformance-${tag})
  file(REMOVE_RECURSE ${build})
  run(${CMAKE_COMMAND} -S ${suite}/runner -B ${build} -DCMAKE_PREFIX_PATH=${prefix})
  run(${CMAKE_COMMAND} --build ${build})
  run(${build}/kpi-conformance ${suite}/cases)
  expect("[1-9][0-9]* passed, 0 failed\n$")
  run(${CMAKE_COMMAND} -E env --unset=KPI_LIBRARY PYTHONPATH=${site} PYTHONDONTWRITEBYTECODE=1
      ${SYSTEM_PYTHON3} ${suite}/check.py)
  expect("[1-9][0-9]* passed, 0 failed\n$")
endfunction()

file(REMOVE_RECURSE ${WORK}/prefix ${WORK}/moved ${WORK}/destdir)
run(${CMAKE_COMMAND} --install ${BUILD} --prefix ${WORK}/prefix)
no_build_paths(${WORK}/prefix)
build_consumers(${WORK}/prefix prefix)
run_installed(${WORK}/prefix)
foreach(page man1/kpi-report.1 man3/libkpi.3)
  if(NOT EXISTS ${WORK}/prefix/share/man/${page})
    message(FATAL_ERROR "the manual page ${page} is not installed")
  endif()
endforeach()

# Moved: the same tree under another name still works.
file(RENAME ${WORK}/prefix ${WORK}/moved)
run_installed(${WORK}/moved)
build_consumers(${WORK}/moved moved)

run(${CMAKE_COMMAND} -E env DESTDIR=${WORK}/destdir ${CMAKE_COMMAND} --install ${BUILD})
file(GLOB_RECURSE configs ${WORK}/destdir/*/kpiConfig.cmake)
list(GET configs 0 config)
string(REGEX REPLACE "/lib/.*$" "" destdir_prefix "${config}")
build_consumers(${destdir_prefix} destdir)
