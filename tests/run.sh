#!/usr/bin/env bash
# Builds libkpi and runs every test:
#   1. a normal build (warnings are errors): every test program, each also
#      under valgrind (no error, no leak), the export list check, the
#      examples, the command line and the Python binding;
#   2. the API reference with Doxygen (an undocumented symbol fails);
#   3. a build with AddressSanitizer + UndefinedBehaviorSanitizer running
#      every test program again;
#   4. a clang build with ThreadSanitizer running the concurrency test;
#   5. a clang build of the libFuzzer targets, each run for a short time
#      over its seed corpus, plus every crash ever found as a regression.
# Needs the packages examples/demo.sh installs.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

step() { printf '\n== %s\n' "$*"; }

step "build, tests, valgrind"
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKPI_VALGRIND=ON >/dev/null
cmake --build build -j "$jobs"
ctest --test-dir build --output-on-failure -j "$jobs"

step "API reference"
cmake --build build --target docs

step "AddressSanitizer + UndefinedBehaviorSanitizer"
cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=Debug -DKPI_SANITIZE=ON >/dev/null
cmake --build build-sanitize -j "$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-sanitize --output-on-failure -j "$jobs"

step "ThreadSanitizer"
CC=clang cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=Debug -DKPI_TSAN=ON \
  -DKPI_BUILD_EXAMPLES=OFF >/dev/null
cmake --build build-tsan -j "$jobs" --target test_threads
TSAN_OPTIONS=halt_on_error=1 ctest --test-dir build-tsan --output-on-failure -R '^threads$'

step "fuzzing"
CC=clang cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKPI_FUZZ=ON \
  -DKPI_BUILD_EXAMPLES=OFF >/dev/null
cmake --build build-fuzz -j "$jobs" --target fuzz_csv fuzz_text fuzz_api
ctest --test-dir build-fuzz --output-on-failure -L fuzz -j "$jobs"
