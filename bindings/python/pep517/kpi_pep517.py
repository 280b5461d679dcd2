"""The package's build backend (PEP 517, PEP 660), in the tree so that
``pip install bindings/python`` needs nothing from the network: pip's
isolated build environment is given no requirement to download
(pyproject.toml: ``requires = []``), and this module uses only the standard
library. The package is pure Python plus, when one is found, the libkpi
shared library, so a wheel is a zip of the package with its metadata
(PEP 427); there is nothing to compile.

Where the library comes from, in order: a libkpi copied into kpi/ by hand,
``$KPI_LIBRARY`` at build time, or the tree's own build
(``build/lib/libkpi.so.0``, as examples/demo.sh makes it). With one, the
wheel holds it next to the package, where the package looks first, and is
tagged for this platform (``py3-none-linux_x86_64``, not purelib),
naming in its metadata the system library it needs (libcsv). Without one
the wheel is pure (``py3-none-any``) and the package finds an installed
libkpi on the system's library path.
"""

import base64
import hashlib
import io
import os
import sysconfig
import tarfile
import time
import zipfile

NAME = "libkpi"  # the distribution; the module it installs is ``kpi``
VERSION = "0.1.0"
HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # bindings/python
PACKAGE = "kpi"
LIBRARY_NAMES = ("libkpi.so.0", "libkpi.so", "libkpi.0.dylib", "libkpi.dylib")

METADATA = """\
Metadata-Version: 2.1
Name: {name}
Version: {version}
Summary: Python binding of libkpi: a city plan's goals, targets and measurements, rated ◎ ○ △ × by rule and with reasons
Keywords: kpi,planning,municipal,progress,evaluation
License: MIT
Classifier: License :: OSI Approved :: MIT License
Classifier: Programming Language :: Python :: 3
Classifier: Natural Language :: Japanese
Classifier: Natural Language :: English
Classifier: Operating System :: POSIX :: Linux
Classifier: Intended Audience :: Developers
Classifier: Topic :: Office/Business
Classifier: Typing :: Typed
Requires-Python: >=3.7
Provides-Extra: pandas
Requires-Dist: pandas; extra == "pandas"
Provides-Extra: test
Requires-Dist: pytest; extra == "test"
{external}Description-Content-Type: text/markdown

"""


# -- what goes in -------------------------------------------------------------


def _package_files():
    """(path in the archive, path on disk) of the package's own files: its
    modules and py.typed, never caches or a copied library."""
    root = os.path.join(HERE, PACKAGE)
    out = []
    for name in sorted(os.listdir(root)):
        if name.endswith(".py") or name == "py.typed":
            out.append(("%s/%s" % (PACKAGE, name), os.path.join(root, name)))
    return out


def _license():
    """The LICENSE file: beside pyproject.toml in an sdist, at the top of
    the libkpi tree otherwise."""
    for path in (os.path.join(HERE, "LICENSE"),
                 os.path.join(HERE, os.pardir, os.pardir, "LICENSE")):
        if os.path.isfile(path):
            return os.path.normpath(path)
    raise FileNotFoundError("LICENSE: neither in %s nor at the top of the libkpi tree" % HERE)


def _library():
    """The libkpi to bundle, or None (see the module's docstring)."""
    candidates = [os.path.join(HERE, PACKAGE, n) for n in LIBRARY_NAMES]
    if os.environ.get("KPI_LIBRARY"):
        candidates.append(os.environ["KPI_LIBRARY"])
    candidates += [os.path.join(HERE, os.pardir, os.pardir, "build", "lib", n)
                   for n in LIBRARY_NAMES]
    for path in candidates:
        if os.path.isfile(path):
            return os.path.realpath(path)
    return None


def _library_name(path):
    """The name the package looks for: the soname for a Linux library."""
    base = os.path.basename(path)
    if base.startswith("libkpi.so"):
        return "libkpi.so.0"
    if base.endswith(".dylib"):
        return "libkpi.0.dylib"
    return base


def _platform_tag():
    return sysconfig.get_platform().replace("-", "_").replace(".", "_")


def _metadata(with_library):
    external = "Requires-External: libcsv (>=3.0)\n" if with_library else ""
    with open(os.path.join(HERE, "README.md"), encoding="utf-8") as f:
        readme = f.read()
    return METADATA.format(name=NAME, version=VERSION, external=external) + readme


# -- wheels --------------------------------------------------------------------


def _record_line(arcname, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
    return "%s,sha256=%s,%d" % (arcname, digest.decode("ascii"), len(data))


def _write_wheel(directory, tag, purelib, entries):
    """Writes NAME-VERSION-TAG.whl holding entries [(arcname, bytes)] plus
    the dist-info; returns its file name."""
    dist_info = "%s-%s.dist-info" % (NAME, VERSION)
    wheel_name = "%s-%s-%s.whl" % (NAME, VERSION, tag)
    entries = list(entries)
    entries.append(("%s/WHEEL" % dist_info, (
        "Wheel-Version: 1.0\nGenerator: libkpi pep517\n"
        "Root-Is-Purelib: %s\nTag: %s\n" % ("true" if purelib else "false", tag)).encode()))
    record = [_record_line(a, d) for a, d in entries]
    record.append("%s/RECORD,," % dist_info)
    entries.append(("%s/RECORD" % dist_info, ("\n".join(record) + "\n").encode()))
    with zipfile.ZipFile(os.path.join(directory, wheel_name), "w",
                         zipfile.ZIP_DEFLATED) as z:
        for arcname, data in entries:
            info = zipfile.ZipInfo(arcname, date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = (0o755 if arcname.endswith(LIBRARY_NAMES) else 0o644) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return wheel_name


def _read(path):
    with open(path, "rb") as f:
        return f.read()


def _dist_info_entries(with_library):
    dist_info = "%s-%s.dist-info" % (NAME, VERSION)
    return [("%s/METADATA" % dist_info, _metadata(with_library).encode("utf-8")),
            ("%s/LICENSE" % dist_info, _read(_license()))]


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    library = _library()
    entries = [(a, _read(p)) for a, p in _package_files()]
    if library:
        entries.append(("%s/%s" % (PACKAGE, _library_name(library)), _read(library)))
    entries += _dist_info_entries(library is not None)
    tag = "py3-none-" + (_platform_tag() if library else "any")
    return _write_wheel(wheel_directory, tag, library is None, entries)


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    """An editable install (pip install -e): a .pth file that puts this
    directory on sys.path, so the package runs from the tree and finds the
    tree's build (kpi/_capi.py)."""
    entries = [("%s.pth" % NAME, (HERE + "\n").encode("utf-8"))]
    entries += _dist_info_entries(False)
    return _write_wheel(wheel_directory, "py3-none-any", True, entries)


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_editable(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


# -- the sdist -----------------------------------------------------------------


def build_sdist(sdist_directory, config_settings=None):
    """NAME-VERSION.tar.gz: the package, this backend, pyproject.toml, the
    README, LICENSE and PKG-INFO, never a built library."""
    base = "%s-%s" % (NAME, VERSION)
    files = [("pyproject.toml", os.path.join(HERE, "pyproject.toml")),
             ("README.md", os.path.join(HERE, "README.md")),
             ("LICENSE", _license()),
             ("pep517/kpi_pep517.py", os.path.abspath(__file__))]
    files += _package_files()
    name = base + ".tar.gz"
    with tarfile.open(os.path.join(sdist_directory, name), "w:gz",
                      format=tarfile.PAX_FORMAT) as tar:
        for arcname, data in ([("PKG-INFO", _metadata(False).encode("utf-8"))] +
                              [(a, _read(p)) for a, p in files]):
            info = tarfile.TarInfo("%s/%s" % (base, arcname))
            info.size = len(data)
            info.mtime = int(time.time())
            info.mode = 0o644
            tar.addfile(info, io.BytesIO(data))
    return name
