# Packages libkpi as Debian does it: a build with prefix /usr, `cpack -G
# DEB` and the source tarball; then unpacks and configures the .deb with
# dpkg into a throwaway root (so the machine running the tests is left
# alone) and builds the consumer examples against that root. The
# dependencies the package declares must be installed on this machine.
#   cmake -DSOURCE=... -DWORK=... -P package.cmake
cmake_minimum_required(VERSION 3.16)
include(${CMAKE_CURRENT_LIST_DIR}/consumer_checks.cmake)

set(build ${WORK}/build)
file(REMOVE_RECURSE ${WORK})
run(${CMAKE_COMMAND} -S ${SOURCE} -B ${build} -DCMAKE_INSTALL_PREFIX=/usr
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=OFF)
run(${CMAKE_COMMAND} --build ${build} -j 2)
run(${CMAKE_COMMAND} --build ${build} --target docs)
run(${CMAKE_COMMAND} -E chdir ${build} cpack -G DEB)
run(${CMAKE_COMMAND} -E chdir ${build} cpack --config CPackSourceConfig.cmake)
file(GLOB deb ${build}/libkpi_*.deb)
file(GLOB tarball ${build}/libkpi-*.tar.gz)
if(NOT deb OR NOT tarball)
  message(FATAL_ERROR "cpack made no .deb or no source tarball")
endif()

# What the package holds.
run(dpkg-deb --contents ${deb})
foreach(path usr/include/kpi.h libkpi.so.0 libkpi.a pkgconfig/kpi.pc cmake/kpi/kpiConfig.cmake
             usr/share/doc/libkpi/html/index.html)
  expect("${path}")
endforeach()
run(tar tzf ${tarball})
expect("libkpi-[0-9.]+/CMakeLists.txt")
expect("libkpi-[0-9.]+/examples/data/ueda-2017-structure.csv")

# Its declared dependencies, checked against this machine.
run(dpkg-deb --field ${deb} Depends)
string(REGEX MATCHALL "[a-z0-9][a-z0-9.+-]+ \\(" names "${last_output}")
foreach(name IN LISTS names)
  string(REGEX REPLACE " \\($" "" name "${name}")
  run(dpkg-query -W -f=\${Status} ${name})
  expect("install ok installed")
endforeach()

# Installed into an empty dpkg root: unpacked and configured, no errors.
set(root ${WORK}/root)
file(MAKE_DIRECTORY ${root}/var/lib/dpkg/info ${root}/var/lib/dpkg/updates)
file(TOUCH ${root}/var/lib/dpkg/status)
run(dpkg --root=${root} --force-depends --force-not-root --force-script-chrootless
    --log=/dev/null -i ${deb})
run(dpkg --root=${root} -s libkpi)
expect("Status: install ok installed")
build_consumers(${root}/usr deb)
