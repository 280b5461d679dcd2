#!/usr/bin/env bash
# Installs what libkpi needs on Debian 12 (only the packages missing), builds
# it, and prints the seed's interim report with kpi-report. Options are
# passed on to kpi-report:
#   examples/demo.sh [--lang en] [--format html -o report.html] ...
set -euo pipefail
cd "$(dirname "$0")/.."

# Everything the build, the tests and the docs need, from Debian: the
# compilers and build tools, libcsv, cmocka, Doxygen, valgrind, clang's
# sanitizer and fuzzer runtimes, Python with pytest for the binding, and
# Chromium with Japanese fonts to look at the HTML report, pandas and
# SQLite for the benchmark's peers.
packages=(cmake gcc make pkg-config libc6-dev libcsv-dev libcmocka-dev doxygen valgrind
  clang libclang-rt-14-dev python3 python3-pytest python3-pandas sqlite3 chromium
  fonts-noto-cjk)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "demo: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$(nproc)" --target kpi-report
# The seed's mid-year report, rated as of the date its figures are from.
./build/examples/kpi-report examples/data/ueda-2017-structure.csv \
  examples/data/ueda-2017-progress.csv --as-of 2017-09-30 "$@"
