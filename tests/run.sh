#!/usr/bin/env bash
# Builds libkpi and runs every test:
#   1. a normal build (warnings are errors): every test program, each also
#      under valgrind (no error, no leak), the export list check, the demo;
#   2. the API reference with Doxygen (an undocumented symbol fails);
#   3. a build with AddressSanitizer + UndefinedBehaviorSanitizer running
#      every test program again.
# Needs the packages examples/demo.sh installs.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKPI_VALGRIND=ON >/dev/null
cmake --build build -j "$jobs"
cmake --build build --target docs
ctest --test-dir build --output-on-failure -j "$jobs"

cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=Debug -DKPI_SANITIZE=ON >/dev/null
cmake --build build-sanitize -j "$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-sanitize --output-on-failure -j "$jobs"
