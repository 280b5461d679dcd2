#!/usr/bin/env bash
# Installs what building libkpi and running its demo need on Debian 12
# (only the packages missing), builds the library and kpi-report, and
# prints the seed's interim report. Options are passed on to kpi-report:
#   examples/demo.sh [--lang en] [--format html -o report.html] ...
set -euo pipefail
cd "$(dirname "$0")/.."

# The compiler and build tools, libcsv, and the libraries workbooks are
# written (libxlsxwriter) and read (minizip, expat) with. (tests/run.sh
# installs what the tests need besides.)
tools/install-missing.sh cmake gcc make libc6-dev libcsv-dev libxlsxwriter-dev libminizip-dev \
  libexpat1-dev

# Tests and the API reference are tests/run.sh's business.
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKPI_BUILD_TESTS=OFF \
  -DKPI_BUILD_DOCS=OFF >/dev/null
cmake --build build -j "$(nproc)" --target kpi-report
# The seed's mid-year report, rated as of its report date (基準日,
# 2017-09-30), which the plan file gives.
./build/examples/kpi-report examples/data/ueda-2017-structure.csv \
  examples/data/ueda-2017-progress.csv "$@"
