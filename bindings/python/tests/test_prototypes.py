"""Every exported kpi_ function has a declared ctypes prototype, and every
prototype matches the public headers.

- lib/kpi.exports -> the table: each listed function is in
  kpi._capi.PROTOTYPES with its argtypes and restype, and the function the
  package calls carries them (none is left to ctypes' int default);
- the table -> the library: each entry is a function the public headers
  declare, with the same number and kinds of parameters and result; an
  entry not (yet) in kpi.exports is one the headers declare but the library
  does not export yet (the binding then raises KpiLibraryError if it is
  called), and nothing listed in kpi.exports may be missing;
- the package calls libkpi only through the table (kpi._capi.C).
"""

import ctypes
import glob
import os
import re

import pytest

import kpi
from kpi import _capi
from conftest import BINDING, REPO

EXPORTS = os.path.join(REPO, "lib", "kpi.exports")
HEADERS = os.path.join(REPO, "include", "kpi")


def exported_names():
    with open(EXPORTS, encoding="utf-8") as f:
        return {line.strip() for line in f
                if line.strip() and not line.startswith("#")}


def header_declarations():
    """{name: (result type, [parameter types])} from include/kpi/*.h."""
    text = ""
    for path in sorted(glob.glob(os.path.join(HEADERS, "*.h"))):
        with open(path, encoding="utf-8") as f:
            text += f.read() + "\n"
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    text = re.sub(r"^\s*#.*$", " ", text, flags=re.M)
    enums = set(re.findall(r"typedef\s+enum\s+\w*\s*\{[^}]*\}\s*(\w+)\s*;", text))
    fnptrs = set(re.findall(r"typedef\s+[^;()]*\(\s*\*\s*(\w+)\s*\)", text))
    decls = {}
    for ret, name, params in re.findall(
            r"KPI_EXTERN\s+([^;()]*?)\s*\b(kpi_\w+)\s*\(([^)]*)\)\s*;", text):
        types = []
        for p in params.split(","):
            p = " ".join(p.replace("*", " * ").split())
            if p in ("void", ""):
                continue
            # drop the parameter's name (the last identifier)
            p = re.sub(r"\s*\b\w+$", "", p) if re.search(r"[\w*]\s+\w+$", p) else p
            types.append(p)
        decls[name] = (" ".join(ret.replace("*", " * ").split()), types)
    return decls, enums, fnptrs


def expected_ctype(ctype, enums, fnptrs):
    """The ctypes type the binding's conventions give a C type."""
    c = ctype.replace("const ", "").strip()
    if c == "void":
        return None
    if c == "char *":
        return ctypes.c_char_p
    if c.count("*") == 2:  # T **out, char **out
        return ctypes.POINTER(ctypes.c_void_p)
    if c == "void *" or (c.endswith(" *") and c[:-2].startswith("kpi_")
                         and c[:-2] not in enums):
        return ctypes.c_void_p  # opaque handles
    simple = {"int": ctypes.c_int, "int32_t": ctypes.c_int32, "uint32_t": ctypes.c_uint32,
              "size_t": ctypes.c_size_t, "double": ctypes.c_double}
    if c in simple:
        return simple[c]
    if c in enums:
        return ctypes.c_int
    if c.endswith(" *"):
        base = c[:-2]
        if base in enums:
            return ctypes.POINTER(ctypes.c_int)
        if base in simple:
            return ctypes.POINTER(simple[base])
    if c in fnptrs:
        return "function pointer"
    raise AssertionError("no ctypes mapping for C type %r" % ctype)


TABLE = {entry[0]: entry for entry in _capi.PROTOTYPES}


def test_table_has_no_duplicates():
    names = [entry[0] for entry in _capi.PROTOTYPES]
    assert len(names) == len(set(names))


def test_table_entries_are_complete():
    for entry in _capi.PROTOTYPES:
        assert 3 <= len(entry) <= 4, entry
        name, argtypes, restype = entry[:3]
        assert name.startswith("kpi_"), name
        assert isinstance(argtypes, list), name
        # restype None means void; anything else must be a ctypes type
        assert restype is None or isinstance(restype, type), name
        if len(entry) == 4:
            assert callable(entry[3]), name


def test_every_export_has_a_prototype():
    missing = sorted(exported_names() - set(TABLE))
    assert not missing, "exported by libkpi but not in kpi/_capi.py PROTOTYPES: %s" % missing


def test_every_export_is_bound_with_its_prototype():
    for name in sorted(exported_names()):
        fn = getattr(_capi.C, name)
        assert not getattr(fn, "missing", False), \
            "%s is in lib/kpi.exports but the library loaded (%s) lacks it" % (
                name, kpi.library_path)
        entry = TABLE[name]
        assert fn.argtypes is not None, name
        assert list(fn.argtypes) == entry[1], name
        assert fn.restype is entry[2], name
        if len(entry) == 4:
            assert fn.errcheck is entry[3], name


def test_every_prototype_is_declared_in_the_headers():
    decls, _, _ = header_declarations()
    stale = sorted(set(TABLE) - set(decls))
    assert not stale, "in PROTOTYPES but declared in no public header: %s" % stale


def test_prototypes_not_exported_yet_are_missing_from_the_library():
    # The reverse of test_every_export_has_a_prototype: a prototype of a
    # function kpi.exports does not list must be one the headers declare and
    # the library does not have yet (a function in progress). Anything the
    # library does export must be listed in kpi.exports.
    exports = exported_names()
    pending = sorted(set(TABLE) - exports)
    unlisted = sorted(set(pending) - set(_capi.MISSING))
    assert unlisted == [], (
        "%s exports %s, which lib/kpi.exports does not list: add them there (the "
        "exports test fails too)" % (kpi.library_path, ", ".join(unlisted)))
    absent = sorted(set(_capi.MISSING) & exports)
    assert absent == [], "lib/kpi.exports lists %s, which %s lacks" % (
        ", ".join(absent), kpi.library_path)
    for name in pending:
        with pytest.raises(kpi.KpiLibraryError, match=name):
            getattr(_capi.C, name)()


def test_prototypes_match_the_headers():
    decls, enums, fnptrs = header_declarations()
    assert len(decls) >= len(exported_names())
    problems = []
    for name, (ret, params) in sorted(decls.items()):
        if name not in TABLE:
            problems.append("%s: declared in the headers, not in PROTOTYPES" % name)
            continue
        entry = TABLE[name]
        want_ret = expected_ctype(ret, enums, fnptrs)
        if entry[2] is not want_ret:
            problems.append("%s: result %r is %r, expected %r" % (name, ret, entry[2], want_ret))
        if len(entry[1]) != len(params):
            problems.append("%s: %d parameters in the header, %d in PROTOTYPES"
                            % (name, len(params), len(entry[1])))
            continue
        for i, (ctype, got) in enumerate(zip(params, entry[1])):
            want = expected_ctype(ctype, enums, fnptrs)
            if want == "function pointer":
                ok = issubclass(got, ctypes._CFuncPtr)
            else:
                ok = got is want
            if not ok:
                problems.append("%s: parameter %d (%s) is %r, expected %r"
                                % (name, i + 1, ctype, got, want))
    assert not problems, "\n".join(problems)


def test_status_functions_are_checked():
    # Every function returning an int status has the raising errcheck; int
    # results that are not statuses (booleans, codes) have none.
    decls, _, _ = header_declarations()
    not_status = {"kpi_error_code", "kpi_date_is_valid", "kpi_policy_use_assessments",
                  "kpi_result_assessed", "kpi_result_mismatch", "kpi_reader_infer",
                  "kpi_plan_error_code", "kpi_reader_error_code",
                  "kpi_result_figure_inferred", "kpi_result_status_inferred",
                  "kpi_result_open", "kpi_result_overdue", "kpi_error_system_errno",
                  "kpi_column_is_text", "kpi_scale_level_has_class",
                  "kpi_scale_rule_has_level"}
    for name, (ret, _) in decls.items():
        entry = TABLE[name]
        if ret == "int" and name not in not_status:
            assert len(entry) == 4 and entry[3] is _capi._check, name
        if name in not_status:
            assert len(entry) == 3, name


def test_const_char_results_are_copied():
    # Every const char * getter returns bytes copied by ctypes and decoded
    # at once: its restype is c_char_p (never c_void_p, which would hand out
    # a raw address) and, except the error getters the errchecks themselves
    # use, its errcheck decodes to str.
    decls, _, _ = header_declarations()
    for name, (ret, _) in decls.items():
        if ret == "const char *":
            entry = TABLE[name]
            assert entry[2] is ctypes.c_char_p, name
            if not name.startswith("kpi_error_"):
                assert entry[3] is _capi._text, name


def test_the_package_calls_libkpi_only_through_the_table():
    offenders = []
    for path in glob.glob(os.path.join(BINDING, "kpi", "*.py")):
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                if re.search(r"\blib\.kpi_|getattr\(lib,", line) and "_register" not in line:
                    if os.path.basename(path) == "_capi.py" and "fn = getattr(lib, name)" in line:
                        continue
                    offenders.append("%s:%d: %s" % (path, number, line.strip()))
    assert not offenders, "\n".join(offenders)


def test_no_int_is_cut_short_by_ctypes():
    # The net under the classes' own checks: every function taking an
    # integer refuses one its C type cannot hold, naming the function and
    # the argument, instead of letting ctypes cut it (2**32 + 1 -> 1).
    checked = 0
    for name, argtypes, *_ in _capi.PROTOTYPES:
        ranges = [(i, _capi._INT_RANGES[t]) for i, t in enumerate(argtypes)
                  if t in _capi._INT_RANGES]
        if not ranges:
            continue
        fn = getattr(_capi.C, name)
        for i, (low, high) in ranges:
            for bad in (high + 1, low - 1, high + 2**64):
                args = [None] * len(argtypes)
                args[i] = bad
                with pytest.raises(OverflowError) as e:
                    fn(*args)
                assert name in str(e.value) and "argument %d" % (i + 1) in str(e.value)
                checked += 1
    assert checked > 100
    # In range, the call goes through to libkpi as before.
    assert _capi.C.kpi_date_is_valid(20170930) == 1
    assert _capi.C.kpi_rating_name(4) == "ahead"
