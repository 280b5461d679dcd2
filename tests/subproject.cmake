# libkpi inside a parent project (examples/embed-subproject), as a city
# system vendors it: built with clang in Release, with no warning; the
# parent's docs target, csv library, tests and CPack configuration stay the
# parent's; nothing of libkpi but the library joins the parent's build, and
# nothing of libkpi is installed with the parent.
#   cmake -DSOURCE=... -DCC=clang -DWORK=... -P subproject.cmake
cmake_minimum_required(VERSION 3.16)
include(${CMAKE_CURRENT_LIST_DIR}/consumer_checks.cmake)

set(build ${WORK}/build)
file(REMOVE_RECURSE ${WORK})
run(${CMAKE_COMMAND} -E env CC=${CC} ${CMAKE_COMMAND} -S ${SOURCE}/examples/embed-subproject
    -B ${build} -DCMAKE_BUILD_TYPE=Release)
run(${CMAKE_COMMAND} --build ${build} -j 2)
if(last_output MATCHES "warning:")
  message(FATAL_ERROR "the subproject build printed warnings:\n${last_output}")
endif()
run(${build}/city-report)
expect("3-2-a,◎")

# The parent's tests only.
run(${CMAKE_COMMAND} -E chdir ${build} ctest -N)
expect("city.report")
expect("Total Tests: 1\n")

# The parent's package configuration.
file(READ ${build}/CPackConfig.cmake cpack)
if(NOT cpack MATCHES "CPACK_PACKAGE_NAME \"city-system\"")
  message(FATAL_ERROR "libkpi changed the parent's CPack configuration")
endif()

# No target of libkpi's but the libraries.
run(${CMAKE_COMMAND} --build ${build} --target help)
foreach(unwanted kpi-report kpi-demo kpi-bench kpi-gen kpi_test_ kpi_docs kpi_readme)
  if(last_output MATCHES "${unwanted}")
    message(FATAL_ERROR "libkpi added ${unwanted} to the parent's build:\n${last_output}")
  endif()
endforeach()

# The parent's install holds the parent's program and nothing of libkpi.
run(${CMAKE_COMMAND} --install ${build} --prefix ${WORK}/prefix)
file(GLOB_RECURSE installed RELATIVE ${WORK}/prefix ${WORK}/prefix/*)
if(NOT installed STREQUAL "bin/city-report")
  message(FATAL_ERROR "the parent's install holds more than its program: ${installed}")
endif()
message(STATUS "ok: installed ${installed}")
