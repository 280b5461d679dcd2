# Installs libkpi into a temporary prefix and builds and runs the two
# consumer examples against it, with no path hint but the prefix:
#  - examples/embed-cmake with find_package(kpi) (CMAKE_PREFIX_PATH);
#  - examples/embed-make with pkg-config (PKG_CONFIG_PATH);
# then installs again with DESTDIR and builds against that tree, which
# shows the installed files hold no path of the build machine.
#   cmake -DBUILD=... -DSOURCE=... -DWORK=... -P consumers.cmake
cmake_minimum_required(VERSION 3.16)

include(${CMAKE_CURRENT_LIST_DIR}/consumer_checks.cmake)

function(no_build_paths prefix)
  file(GLOB_RECURSE files ${prefix}/*.cmake ${prefix}/*.pc)
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

file(REMOVE_RECURSE ${WORK}/prefix ${WORK}/destdir)
run(${CMAKE_COMMAND} --install ${BUILD} --prefix ${WORK}/prefix)
no_build_paths(${WORK}/prefix)
build_consumers(${WORK}/prefix prefix)

# The Python example against the installed package, found through the
# prefix alone: the package finds the library it was installed with.
find_program(SYSTEM_PYTHON3 NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH)
run(${CMAKE_COMMAND} -E env --unset=KPI_LIBRARY
    PYTHONPATH=${WORK}/prefix/lib/python3/dist-packages
    ${SYSTEM_PYTHON3} ${SOURCE}/examples/python/seed_report.py --lang en)
expect("Progress of priority goals")

run(${CMAKE_COMMAND} -E env DESTDIR=${WORK}/destdir ${CMAKE_COMMAND} --install ${BUILD})
file(GLOB_RECURSE configs ${WORK}/destdir/*/kpiConfig.cmake)
list(GET configs 0 config)
string(REGEX REPLACE "/lib/.*$" "" destdir_prefix "${config}")
build_consumers(${destdir_prefix} destdir)
