# Shared by consumers.cmake and package.cmake: build and run the two
# consumer examples against an installed libkpi under a prefix.
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

# CMAKE_PREFIX_PATH and PKG_CONFIG_PATH are the only hints given.
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
  file(GLOB_RECURSE pcfiles ${prefix}/*/kpi.pc)
  list(GET pcfiles 0 pcfile)
  get_filename_component(pcdir ${pcfile} DIRECTORY)
  run(${CMAKE_COMMAND} -E env PKG_CONFIG_PATH=${pcdir} make -C ${make_dir})
  run(${make_dir}/embed-make ${SOURCE}/examples/data/ueda-2017-structure.csv
      ${SOURCE}/examples/data/ueda-2017-progress.csv)
  expect("△ 3 移住・定住推進による活力ある都市づくり")
endfunction()
