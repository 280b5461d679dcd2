# The CPack source tarball of a fresh configure holds the source tree and
# none of a build's files.
#   cmake -DSOURCE=... -DWORK=... -P source_tarball.cmake
cmake_minimum_required(VERSION 3.16)
include(${CMAKE_CURRENT_LIST_DIR}/consumer_checks.cmake)

set(build ${WORK}/build)
file(REMOVE_RECURSE ${WORK})
run(${CMAKE_COMMAND} -S ${SOURCE} -B ${build} -DKPI_BUILD_TESTS=OFF -DKPI_BUILD_DOCS=OFF)
run(${CMAKE_COMMAND} -E chdir ${build} cpack --config CPackSourceConfig.cmake)
file(GLOB tarball ${build}/libkpi-*.tar.gz)
if(NOT tarball)
  message(FATAL_ERROR "cpack made no source tarball")
endif()
run(tar tzf ${tarball})
expect("libkpi-[0-9.]+/CMakeLists.txt")
expect("libkpi-[0-9.]+/examples/data/ueda-2017-structure.csv")
expect("libkpi-[0-9.]+/debian/control")
if(last_output MATCHES "/build[^/\n]*/|__pycache__|CMakeCache.txt")
  message(FATAL_ERROR "the source tarball holds build files:\n${last_output}")
endif()
