#!/usr/bin/env bash
# Installs what the tests need (Debian packages, only those missing), then
# builds libkpi and runs every test:
#   1. gcc, RelWithDebInfo, warnings as errors: every test program, each
#      also under valgrind (no error, no leak), the export list check, the
#      examples, the command line, the Python binding, the HTML report in
#      Chromium, installing and the consumer examples, libkpi as a clang
#      subproject, the source tarball and the Debian packages;
#   2. the API reference with Doxygen and its checks (an undocumented
#      parameter, return value, error code or lifetime fails);
#   3. the builds vendors run, warnings as errors: gcc Release and
#      MinSizeRel, clang with the default build type (Release), each
#      running the unit tests;
#   4. AddressSanitizer + UndefinedBehaviorSanitizer running every test
#      program again;
#   5. a clang build with ThreadSanitizer running the concurrency test;
#   6. a clang build of the libFuzzer targets, each run for a short time
#      from its seed corpus with inputs up to 64 KiB and a time limit per
#      input, plus every crash, leak or slow input ever found, replayed as
#      a regression (tests/fuzz/CMakeLists.txt, docs/reliability.md).
# A test whose tool is missing fails the configure (KPI_REQUIRE_TEST_DEPS)
# instead of being skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

step() { printf '\n== %s\n' "$*"; }

step "packages"
# Build tools, libcsv and the workbook libraries (as examples/demo.sh),
# cmocka, Doxygen, valgrind,
# clang with its sanitizer and fuzzer runtimes, Python with pytest, pandas
# (the binding's to_pandas() and the benchmark's peer), venv (installing
# the package), mypy (its type hints) and SQLite, Chromium with Japanese
# fonts for the HTML report, LibreOffice (opening, re-saving and printing
# workbooks) with poppler's PDF tools, jansson (the conformance suite's C
# runner), and Debian's packaging tools.
tools/install-missing.sh cmake gcc make pkg-config libc6-dev libcsv-dev libxlsxwriter-dev \
  libminizip-dev libexpat1-dev libreoffice-calc-nogui poppler-utils libjansson-dev libcmocka-dev \
  doxygen valgrind clang libclang-rt-14-dev python3 python3-pytest python3-pandas \
  python3-venv mypy sqlite3 chromium fonts-noto-cjk dpkg-dev debhelper dh-python lintian

strict=(-DKPI_WERROR=ON -DKPI_BUILD_TESTS=ON -DKPI_REQUIRE_TEST_DEPS=ON)

step "build, tests, valgrind"
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKPI_VALGRIND=ON -DKPI_BUILD_DOCS=ON \
  "${strict[@]}" >/dev/null
cmake --build build -j "$jobs"
ctest --test-dir build --output-on-failure --no-tests=error -j "$jobs"

step "API reference"
cmake --build build --target kpi_docs

step "Release, MinSizeRel and clang builds"
cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release "${strict[@]}" >/dev/null
cmake --build build-release -j "$jobs"
ctest --test-dir build-release --output-on-failure --no-tests=error -j "$jobs" -L unit
cmake -S . -B build-minsize -DCMAKE_BUILD_TYPE=MinSizeRel "${strict[@]}" >/dev/null
cmake --build build-minsize -j "$jobs"
CC=clang cmake -S . -B build-clang "${strict[@]}" >/dev/null
cmake --build build-clang -j "$jobs"
ctest --test-dir build-clang --output-on-failure --no-tests=error -j "$jobs" -L unit

step "AddressSanitizer + UndefinedBehaviorSanitizer"
cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=Debug -DKPI_SANITIZE=ON "${strict[@]}" >/dev/null
cmake --build build-sanitize -j "$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-sanitize --output-on-failure --no-tests=error -j "$jobs"

step "ThreadSanitizer"
CC=clang cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=Debug -DKPI_TSAN=ON \
  -DKPI_BUILD_EXAMPLES=OFF -DKPI_BUILD_TOOLS=OFF "${strict[@]}" >/dev/null
cmake --build build-tsan -j "$jobs" --target kpi_test_threads kpi_test_csv_threads \
  kpi_test_evaluate_threads
TSAN_OPTIONS=halt_on_error=1 ctest --test-dir build-tsan --output-on-failure --no-tests=error \
  -R '^kpi\.(csv_|evaluate_)?threads$'

step "fuzzing"
CC=clang cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKPI_FUZZ=ON \
  -DKPI_BUILD_EXAMPLES=OFF -DKPI_BUILD_TOOLS=OFF "${strict[@]}" >/dev/null
cmake --build build-fuzz -j "$jobs" --target kpi_fuzz_csv kpi_fuzz_text kpi_fuzz_prose \
  kpi_fuzz_api kpi_fuzz_render kpi_fuzz_scale kpi_fuzz_xlsx
ctest --test-dir build-fuzz --output-on-failure --no-tests=error -L fuzz -j "$jobs"
