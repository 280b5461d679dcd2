# Shared by the install, subproject and package tests: running commands,
# checking their output, and building and running the two consumer
# examples against an installed libkpi under a prefix.
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed: ${ARGN}\n${out}${err}")
  endif()
  set(last_output "${out}${err}" PARENT_SCOPE)
endfunction()

function(expect text)
  if(NOT last_output MATCHES "${text}")
    message(FATAL_ERROR "expected \"${text}\" in:\n${last_output}")
  endif()
  message(STATUS "ok: ${text}")
endfunction()

# A program linked to libkpi's archive needs no libkpi.so to run.
function(expect_static program)
  run(readelf -d ${program})
  if(last_output MATCHES "libkpi\\.so")
    message(FATAL_ERROR "${program} was to link libkpi statically:\n${last_output}")
  endif()
  message(STATUS "ok: ${program} needs no libkpi.so")
endfunction()

# CMAKE_PREFIX_PATH and PKG_CONFIG_PATH are the only hints given (and, for
# the pc files of a distribution, which hold an absolute prefix, pkg-config's
# --define-variable=prefix=ROOT/usr when the packages are unpacked under
# another root: pass PKG_CONFIG=... as an extra argument for make).
function(build_consumers prefix tag)
  set(cmake_build ${WORK}/embed-cmake-${tag})
  file(REMOVE_RECURSE ${cmake_build})
  run(${CMAKE_COMMAND} -S ${SOURCE}/examples/embed-cmake -B ${cmake_build}
      -DCMAKE_PREFIX_PATH=${prefix})
  run(${CMAKE_COMMAND} --build ${cmake_build})
  foreach(program embed-cmake embed-cmake-static)
    run(${cmake_build}/${program})
    expect("3-2-a,◎")
  endforeach()
  expect_static(${cmake_build}/embed-cmake-static)

  set(make_dir ${WORK}/embed-make-${tag})
  file(REMOVE_RECURSE ${make_dir})
  file(COPY ${SOURCE}/examples/embed-make/ DESTINATION ${make_dir})
  file(GLOB_RECURSE pcfiles ${prefix}/*/kpi.pc)
  list(GET pcfiles 0 pcfile)
  get_filename_component(pcdir ${pcfile} DIRECTORY)
  run(${CMAKE_COMMAND} -E env PKG_CONFIG_PATH=${pcdir} make -C ${make_dir} ${ARGN})
  foreach(program embed-make embed-make-static)
    run(${make_dir}/${program} ${SOURCE}/examples/data/ueda-2017-structure.csv
        ${SOURCE}/examples/data/ueda-2017-progress.csv)
    expect("△ 3 移住・定住推進による活力ある都市づくり")
  endforeach()
  expect_static(${make_dir}/embed-make-static)
endfunction()
