# Installs libkpi into a temporary prefix and builds and runs the two
# consumer examples against it, with no path hint but the prefix:
#  - examples/embed-cmake with find_package(kpi) (CMAKE_PREFIX_PATH);
#  - examples/embed-make with pkg-config (PKG_CONFIG_PATH);
# then installs again with DESTDIR and builds against that tree, which
# shows the installed files hold no path of the build machine.
#   cmake -DBUILD=... -DSOURCE=... -DWORK=... -P consumers.cmake
cmake_minimum_required(VERSION 3.16)

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed: ${ARGN}\n${out}${err}")
  endif()
  set(last_output "${out}" PARENT_SCOPE)
endfunction()

function(expect text)
  if(NOT last_output MATCHES "${text}")
    message(FATAL_ERROR "expected \"${text}\" in:\n${last_output}")
  endif()
  message(STATUS "ok: ${text}")
endfunction()

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

function(build_consumers prefix tag)
  set(cmake_build ${WORK}/embed-cmake-${tag})
  file(REMOVE_RECURSE ${cmake_build})
  run(${CMAKE_COMMAND} -S ${SOURCE}/examples/embed-cmake -B ${cmake_build}
      -DCMAKE_PREFIX_PATH=${prefix})
  run(${CMAKE_COMMAND} --build ${cmake_build})
  run(${cmake_build}/embed-cmake)
  expect("3-2-a ◎")

  set(make_dir ${WORK}/embed-make-${tag})
  file(REMOVE_RECURSE ${make_dir})
  file(COPY ${SOURCE}/examples/embed-make/ DESTINATION ${make_dir})
  file(GLOB_RECURSE pcdirs LIST_DIRECTORIES true ${prefix}/*/pkgconfig)
  list(FILTER pcdirs INCLUDE REGEX "pkgconfig$")
  run(${CMAKE_COMMAND} -E env PKG_CONFIG_PATH=${pcdirs} make -C ${make_dir})
  run(${make_dir}/embed-make ${SOURCE}/examples/data/ueda-2017-structure.csv
      ${SOURCE}/examples/data/ueda-2017-progress.csv)
  expect("△ 3 移住・定住推進による活力ある都市づくり")
endfunction()

file(REMOVE_RECURSE ${WORK}/prefix ${WORK}/destdir)
run(${CMAKE_COMMAND} --install ${BUILD} --prefix ${WORK}/prefix)
no_build_paths(${WORK}/prefix)
build_consumers(${WORK}/prefix prefix)

run(${CMAKE_COMMAND} -E env DESTDIR=${WORK}/destdir ${CMAKE_COMMAND} --install ${BUILD})
file(GLOB_RECURSE configs ${WORK}/destdir/*/kpiConfig.cmake)
list(GET configs 0 config)
string(REGEX REPLACE "/lib/.*$" "" destdir_prefix "${config}")
build_consumers(${destdir_prefix} destdir)
