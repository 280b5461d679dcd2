# A machine with nothing but a compiler, CMake and libcsv: the configure
# finds none of the tools of the tests and docs, says what it skips, and
# still builds the library and kpi-report, which rates the seed. The tools
# are hidden from CMake's search (every directory of PATH ignored, the
# packages disabled) rather than uninstalled.
# The build tools themselves (compiler, make, ar, ranlib) are named.
#   cmake -DSOURCE=... -DCC=/usr/bin/cc -DMAKE=/usr/bin/make -DAR=/usr/bin/ar
#         -DRANLIB=/usr/bin/ranlib -DWORK=... -P minimal_build.cmake
cmake_minimum_required(VERSION 3.16)
include(${CMAKE_CURRENT_LIST_DIR}/consumer_checks.cmake)

string(REPLACE ":" ";" path "$ENV{PATH}")
list(APPEND path /usr/bin /bin /usr/local/bin /usr/sbin /sbin)
list(REMOVE_DUPLICATES path)

set(build ${WORK}/build)
file(REMOVE_RECURSE ${WORK})
# (a list is passed through an initial cache file, not a -D argument)
file(WRITE ${WORK}/hide-tools.cmake "set(CMAKE_IGNORE_PATH \"${path}\" CACHE STRING \"\")\n")
run(${CMAKE_COMMAND} -S ${SOURCE} -B ${build} -G "Unix Makefiles" -DCMAKE_C_COMPILER=${CC}
    -DCMAKE_MAKE_PROGRAM=${MAKE} -DCMAKE_AR=${AR} -DCMAKE_RANLIB=${RANLIB}
    -C ${WORK}/hide-tools.cmake
    -DCMAKE_DISABLE_FIND_PACKAGE_cmocka=ON -DCMAKE_DISABLE_FIND_PACKAGE_Doxygen=ON
    -DCMAKE_DISABLE_FIND_PACKAGE_Python3=ON)
foreach(skipped "C unit tests \\(cmocka\\) skipped" "Python binding's tests skipped"
        "HTML report in headless Chromium skipped" "Debian packages skipped")
  expect("${skipped}")
endforeach()
run(${CMAKE_COMMAND} --build ${build} -j 2 --target kpi kpi_static kpi-report)
run(${build}/examples/kpi-report ${SOURCE}/examples/data/ueda-2017-structure.csv
    ${SOURCE}/examples/data/ueda-2017-progress.csv --as-of 2017-09-30 --format csv)
expect("3-2-a")
# The docs target, asked for, fails with a message saying what is missing.
execute_process(COMMAND ${CMAKE_COMMAND} --build ${build} --target kpi_docs
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(rc EQUAL 0 OR NOT "${out}${err}" MATCHES "Doxygen not found")
  message(FATAL_ERROR "kpi_docs without Doxygen: ${rc}\n${out}${err}")
endif()
