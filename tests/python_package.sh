#!/usr/bin/env bash
# The Python package installs as a Python package (issue 17), with nothing
# from the network (pip --no-index) into plain virtual environments:
#   1. pip install bindings/python with the library just built bundled
#      ($KPI_LIBRARY at build time): a platform wheel; `import kpi` and the
#      example run with no environment variable;
#   2. the wheel and the sdist the build backend makes: LICENSE and py.typed
#      in both, the
#      library and its platform tag only in the wheel, metadata saying what
#      the library needs; the sdist installs in its turn;
#   3. pip install -e: the package runs from the tree.
# Usage: python_package.sh PYTHON3 SOURCE_DIR LIBRARY WORK_DIR
set -euo pipefail
python3=$1 src=$2 library=$3 work=$4
rm -rf "$work" && mkdir -p "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }
venv() { "$python3" -m venv "$work/$1" && echo "$work/$1/bin"; }

# 1. Installed with the library bundled.
bin=$(venv bundled)
KPI_LIBRARY=$library "$bin/pip" install --quiet --no-index "$src/bindings/python"
site=$("$bin/python" -c "import sysconfig; print(sysconfig.get_paths()['platlib'])")
[ -f "$site/kpi/libkpi.so.0" ] || fail "the library is not next to the installed package"
out=$(cd "$work" && env -u KPI_LIBRARY -u PYTHONPATH "$bin/python" -c \
  "import kpi; print(kpi.version(), kpi.library_path)")
case $out in *"$site/kpi/libkpi.so.0") ;; *) fail "import kpi loaded: $out" ;; esac
report=$(cd "$work" && env -u KPI_LIBRARY -u PYTHONPATH "$bin/python" \
  "$src/examples/python/seed_report.py")
case $report in *"3-2-a  ◎"*) ;; *) fail "the example does not run from the installed package" ;; esac

# 2. The wheel and the sdist.
mkdir -p "$work/dist"
KPI_LIBRARY=$library "$bin/python" - "$src/bindings/python" "$work/dist" <<'PY'
import os, sys, sysconfig, tarfile, zipfile
sys.path.insert(0, os.path.join(sys.argv[1], "pep517"))
import kpi_pep517
out = sys.argv[2]
wheel = kpi_pep517.build_wheel(out)
sdist = kpi_pep517.build_sdist(out)
tag = sysconfig.get_platform().replace("-", "_").replace(".", "_")
assert wheel == "libkpi-0.1.0-py3-none-%s.whl" % tag, wheel
names = zipfile.ZipFile(os.path.join(out, wheel)).namelist()
for needed in ("kpi/__init__.py", "kpi/py.typed", "kpi/libkpi.so.0",
               "libkpi-0.1.0.dist-info/LICENSE",
               "libkpi-0.1.0.dist-info/METADATA", "libkpi-0.1.0.dist-info/RECORD"):
    assert needed in names, (needed, names)
meta = zipfile.ZipFile(os.path.join(out, wheel)).read("libkpi-0.1.0.dist-info/METADATA")
assert b"Requires-External: libcsv" in meta
info = zipfile.ZipFile(os.path.join(out, wheel)).read("libkpi-0.1.0.dist-info/WHEEL")
assert b"Root-Is-Purelib: false" in info and tag.encode() in info, info
members = tarfile.open(os.path.join(out, sdist)).getnames()
for needed in ("libkpi-0.1.0/LICENSE", "libkpi-0.1.0/PKG-INFO",
               "libkpi-0.1.0/pyproject.toml", "libkpi-0.1.0/kpi/__init__.py",
               "libkpi-0.1.0/kpi/py.typed",
               "libkpi-0.1.0/pep517/kpi_pep517.py"):
    assert needed in members, (needed, members)
assert not any(m.endswith((".so", ".so.0")) for m in members), members
print(wheel, sdist)
PY
bin=$(venv from-sdist)
env -u KPI_LIBRARY "$bin/pip" install --quiet --no-index "$work"/dist/libkpi-0.1.0.tar.gz
out=$(cd "$work" && KPI_LIBRARY=$library "$bin/python" -c "import kpi; print(kpi.version())")
[ "$out" = 0.1.0 ] || fail "the package built from the sdist says: $out"

# 3. Editable: the package is the tree's.
bin=$(venv editable)
env -u KPI_LIBRARY "$bin/pip" install --quiet --no-index -e "$src/bindings/python"
out=$(cd "$work" && KPI_LIBRARY=$library env -u PYTHONPATH "$bin/python" -c \
  "import kpi; print(kpi.__file__)")
[ "$out" = "$src/bindings/python/kpi/__init__.py" ] || fail "editable install imports $out"
echo "python package: installed bundled, from the wheel and sdist, and editable"
