"""The C API of libkpi as ctypes sees it: loading the library, ONE table of
every prototype, and the checks that turn return codes into exceptions.

Nothing here is public; the classes of the package use ``C.kpi_...``.

The table (``PROTOTYPES``) lists every function the public headers declare,
as clang's cindex.py does: ``(name, argtypes, restype[, errcheck])``,
applied to the library in one loop. No function is ever called with ctypes'
default prototype (int arguments, int result): a function missing from the
table cannot be reached through ``C``.

How C types are declared:

- opaque handles (``kpi_plan *``, ``const kpi_result *``, ...) and ``void *``
  are ``c_void_p``: Python sees an int address or None;
- ``T **out`` parameters are ``POINTER(c_void_p)``, and so is ``char **out``
  (text the caller frees with kpi_free()): the binding copies the bytes with
  ctypes.string_at() and then frees the pointer itself;
- ``const char *`` arguments are ``c_char_p`` (bytes from :func:`text_in`);
- ``const char *`` results are ``c_char_p`` plus :func:`_text`, which copies
  and decodes them into a ``str`` before the call returns to Python, so no
  borrowed C string outlives the call;
- enums are ``c_int``, ``int32_t`` ``c_int32``, ``size_t`` ``c_size_t``,
  ``uint32_t`` flags ``c_uint32``, values ``c_double``.

Errors: functions returning an ``int`` status have :func:`_check` as
errcheck, which raises the KpiError subclass of the code with libkpi's last
error (message, source, line, column) read right after the failing call,
on the same thread (the last error is thread-local and ctypes runs the
errcheck on the calling thread before anything else can call libkpi
there). Functions returning a borrowed object, NULL on error with the last
error set (a handle by index, by code, or a new one from an ``_add_``
function), have :func:`_handle`; ``const char *`` results that may be NULL
on error (kpi_result_reason) are covered by :func:`_text`. Both read the
last error the same way. The other getters cannot fail on the handles the
package passes them (it never passes NULL or an index out of range).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
from typing import (TYPE_CHECKING, Any, Callable, Dict, List, NoReturn, Optional, Sequence,
                    Set, Tuple, Union, cast)
from ctypes import (CFUNCTYPE, POINTER, c_char_p, c_double, c_int, c_int32, c_size_t,
                    c_uint32, c_void_p)

from ._foreign import is_missing
from ._errors import KPI_ERR_ARGUMENT, KPI_ERR_IO, KpiLibraryError, error_class, io_error_class

if TYPE_CHECKING:
    from ._errors import KpiError

#: The libkpi version this package was written for. The library loaded must
#: have the same major version (the ABI) and at least this minor version
#: (minor versions add functions); before 1.0, exactly this minor version
#: (a 0.y release may change the API: docs/abi.md).
WRITTEN_FOR = (0, 1, 0)

_HERE = os.path.dirname(os.path.abspath(__file__))

# ---------------------------------------------------------------------------
# Loading


def _candidate_names() -> List[str]:
    """File names of libkpi on this platform, most specific first."""
    if sys.platform == "darwin":
        return ["libkpi.%d.dylib" % WRITTEN_FOR[0], "libkpi.dylib"]
    if sys.platform in ("win32", "cygwin"):
        return ["kpi.dll", "libkpi.dll"]
    return ["libkpi.so.%d" % WRITTEN_FOR[0], "libkpi.so"]


def _load_installed(tried: List[str]) -> Tuple[Optional[ctypes.CDLL], Optional[str]]:
    """An installed package knows where its library was installed, relative
    to itself (_install.py, written by cmake --install)."""
    try:
        from . import _install
    except ImportError:
        tried.append("the installed library: not an installed package")
        return None, None
    # _install.py is written at install time: mypy, reading the tree, cannot see it
    libdir = os.path.normpath(os.path.join(_HERE, cast(Any, _install).LIBRARY_DIR))
    return _load_from_dir(libdir, " (installed with the package)", tried)


def _load_from_tree(tried: List[str]) -> Tuple[Optional[ctypes.CDLL], Optional[str]]:
    """A package used from the libkpi tree (PYTHONPATH=bindings/python, or
    pip install -e) finds the tree's build: build/lib, as examples/demo.sh
    and tests/run.sh make it."""
    tree = os.path.normpath(os.path.join(_HERE, os.pardir, os.pardir, os.pardir))
    if not os.path.isfile(os.path.join(tree, "include", "kpi.h")):
        tried.append("the libkpi tree's build: not in a libkpi tree")
        return None, None
    return _load_from_dir(os.path.join(tree, "build", "lib"), " (the tree's build)", tried)


def _load_from_dir(directory: str, how: str,
                   tried: List[str]) -> Tuple[Optional[ctypes.CDLL], Optional[str]]:
    """The first of the library's file names in directory that loads, or
    (None, None) with each attempt added to tried."""
    for name in _candidate_names():
        path = os.path.join(directory, name)
        if not os.path.exists(path):
            tried.append("%s%s: no such file" % (path, how))
            continue
        try:
            return ctypes.CDLL(path), path
        except OSError as e:
            tried.append("%s%s: %s" % (path, how, e))
    return None, None


def _load() -> Tuple[ctypes.CDLL, str]:
    """Loads libkpi: $KPI_LIBRARY, else a copy next to the package, else
    where cmake --install put it, else the libkpi tree's build (a package
    used from the tree), else the system's search path. Returns (CDLL, how
    it was found)."""
    tried: List[str] = []
    env = os.environ.get("KPI_LIBRARY", "")
    if env:
        # An explicit choice is never silently replaced by another library.
        try:
            return ctypes.CDLL(env), env
        except OSError as e:
            raise KpiLibraryError(
                "cannot load libkpi from KPI_LIBRARY=%s: %s\n"
                "Point KPI_LIBRARY at a built libkpi shared library (for example "
                "build/lib/libkpi.so), or unset it to search next to the package "
                "and on the system's library path." % (env, e)) from None
    tried.append("KPI_LIBRARY: not set")

    lib, where = _load_from_dir(_HERE, "", tried)
    if lib:
        return lib, cast(str, where)  # a path whenever lib is a library

    lib, where = _load_installed(tried)
    if lib:
        return lib, cast(str, where)  # a path whenever lib is a library

    lib, where = _load_from_tree(tried)
    if lib:
        return lib, cast(str, where)  # a path whenever lib is a library

    for name in _candidate_names():
        try:
            return ctypes.CDLL(name), name
        except OSError as e:
            tried.append("%s (system search path): %s" % (name, e))
    try:
        found = ctypes.util.find_library("kpi")
    except Exception as e:  # find_library runs external tools; never fail on them
        found = None
        tried.append("ctypes.util.find_library('kpi'): %s" % e)
    if found:
        try:
            return ctypes.CDLL(found), found
        except OSError as e:
            tried.append("%s (ctypes.util.find_library): %s" % (found, e))
    else:
        tried.append("ctypes.util.find_library('kpi'): nothing found")

    raise KpiLibraryError(
        "cannot find libkpi. Tried, in order:\n  - " + "\n  - ".join(tried) +
        "\nBuild libkpi (cmake -S . -B build && cmake --build build) and set "
        "KPI_LIBRARY=/path/to/build/lib/libkpi.so, or install it on the "
        "system's library path, or copy it next to the package (%s)." % _HERE)


# ---------------------------------------------------------------------------
# Checks applied by the table


def text_out(raw: bytes) -> str:
    """bytes from a C string -> str. libkpi promises UTF-8; anything else
    (only a C caller could store it) is replaced by U+FFFD rather than
    raising in the middle of a getter."""
    return raw.decode("utf-8", "replace")


def last_error(code: int, function: str) -> KpiError:
    """The KpiError for a failed call, from the calling thread's last error.
    Called right after the failure, before any other libkpi call."""
    message = text_out(C.kpi_error_message() or b"")
    source = text_out(C.kpi_error_source() or b"")
    line = C.kpi_error_line()
    column = C.kpi_error_column()
    if not message:
        message = "%s failed with %s" % (function, text_out(C.kpi_error_name(code)))
    if code == KPI_ERR_IO:
        errno = C.kpi_error_system_errno()
        return io_error_class(errno)(message, code, source, line, column, function, errno)
    return error_class(code)(message, code, source, line, column, function)


def _check(result: int, func: Callable[..., Any], args: Tuple[Any, ...]) -> int:
    """errcheck for status-returning functions: KPI_OK or raise."""
    if result != 0:
        raise last_error(result, func.__name__)
    return result


def _text(result: Optional[bytes], func: Callable[..., Any], args: Tuple[Any, ...]) -> str:
    """errcheck for const char * getters: a str copy, or raise on NULL."""
    if result is None:
        code = C.kpi_error_code()
        raise last_error(code if code < 0 else KPI_ERR_ARGUMENT, func.__name__)
    return text_out(result)


def _handle(result: Optional[int], func: Callable[..., Any], args: Tuple[Any, ...]) -> int:
    """errcheck for functions returning a borrowed object (by index, by code,
    or just added): the address, or raise the last error on NULL."""
    if result is None:
        code = C.kpi_error_code()
        raise last_error(code if code < 0 else KPI_ERR_ARGUMENT, func.__name__)
    return result


# ---------------------------------------------------------------------------
# The table

_p = c_void_p            # any opaque handle, const or not, and void *
_out = POINTER(c_void_p)  # T **out, char **out
_str = c_char_p           # const char * argument or result
_i32 = c_int32
_i32p = POINTER(c_int32)
_int = c_int              # int, and every enum
_intp = POINTER(c_int)    # enum *out
_size = c_size_t
_sizep = POINTER(c_size_t)
_dbl = c_double
_u32 = c_uint32

#: kpi_set_allocator's function pointer types (kpi/common.h)
ALLOC_FN = CFUNCTYPE(c_void_p, c_void_p, c_size_t)
FREE_FN = CFUNCTYPE(None, c_void_p, c_void_p, c_size_t)

PROTOTYPES: List[Tuple[Any, ...]] = [
    # kpi/common.h
    ("kpi_version", [], _str, _text),
    ("kpi_version_number", [], _i32),
    ("kpi_free", [_p], None),
    ("kpi_set_allocator", [ALLOC_FN, FREE_FN, _p], _int, _check),
    ("kpi_rating_symbol", [_int], _str, _text),
    ("kpi_rating_label", [_int, _int], _str, _text),
    ("kpi_rating_name", [_int], _str, _text),
    ("kpi_rating_parse", [_intp, _str], _int, _check),
    ("kpi_unrated_name", [_int], _str, _text),
    ("kpi_kind_name", [_int], _str, _text),
    ("kpi_direction_name", [_int], _str, _text),
    ("kpi_unrated_label", [_int, _int], _str, _text),
    ("kpi_object_name", [_int], _str, _text),
    ("kpi_schedule_name", [_int], _str, _text),
    ("kpi_accumulate_name", [_int], _str, _text),
    ("kpi_rollup_name", [_int], _str, _text),
    ("kpi_rollup_label", [_int, _int], _str, _text),
    ("kpi_lang_name", [_int], _str, _text),
    ("kpi_status_name", [_int], _str, _text),
    ("kpi_status_label", [_int, _int], _str, _text),
    ("kpi_status_parse", [_intp, _str], _int, _check),

    # kpi/error.h (no errcheck: they are what the errchecks read)
    ("kpi_error_code", [], _int),
    ("kpi_error_message", [], _str),
    ("kpi_error_source", [], _str),
    ("kpi_error_line", [], _i32),
    ("kpi_error_column", [], _i32),
    ("kpi_error_system_errno", [], _int),
    ("kpi_error_clear", [], None),
    ("kpi_error_name", [_int], _str),

    # kpi/date.h
    ("kpi_date_is_valid", [_i32], _int),
    ("kpi_date_make", [_i32p, _i32, _i32, _i32], _int, _check),
    ("kpi_date_parse", [_i32p, _str], _int, _check),
    ("kpi_date_parse_range", [_i32p, _i32p, _str], _int, _check),
    ("kpi_date_format", [_out, _i32], _int, _check),
    ("kpi_date_fiscal_year", [_i32], _i32),
    ("kpi_date_fiscal_range", [_i32p, _i32p, _i32], _int, _check),
    ("kpi_date_diff", [_i32p, _i32, _i32], _int, _check),
    ("kpi_date_add_days", [_i32p, _i32, _i32], _int, _check),

    # kpi/plan.h
    ("kpi_plan_new", [_out, _str], _int, _check),
    ("kpi_plan_free", [_p], None),
    # the plan's own last failed change: a code and a message, no errcheck
    ("kpi_plan_error_code", [_p], _int),
    ("kpi_plan_error_message", [_p], _str, _text),
    ("kpi_plan_id", [_p], _str, _text),
    ("kpi_plan_set_id", [_p, _str], _int, _check),
    ("kpi_plan_title", [_p], _str, _text),
    ("kpi_plan_set_title", [_p, _str], _int, _check),
    ("kpi_plan_organization", [_p], _str, _text),
    ("kpi_plan_set_organization", [_p, _str], _int, _check),
    ("kpi_plan_department", [_p], _str, _text),
    ("kpi_plan_set_department", [_p, _str], _int, _check),
    ("kpi_plan_start", [_p], _i32),
    ("kpi_plan_end", [_p], _i32),
    ("kpi_plan_set_period", [_p, _i32, _i32], _int, _check),
    ("kpi_plan_set_fiscal_year", [_p, _i32], _int, _check),
    ("kpi_plan_goal_count", [_p], _size),
    ("kpi_plan_goal_at", [_p, _size], _p, _handle),
    ("kpi_plan_add_goal", [_p, _str, _str], _p, _handle),
    ("kpi_plan_find_goal", [_p, _str], _p, _handle),
    ("kpi_plan_find_target", [_p, _str], _p, _handle),
    ("kpi_plan_total_goal_count", [_p], _size),
    ("kpi_plan_total_target_count", [_p], _size),
    ("kpi_plan_note_count", [_p], _size),
    ("kpi_plan_note_at", [_p, _size], _str, _text),
    ("kpi_plan_note_code_at", [_p, _size], _str, _text),
    ("kpi_plan_add_note", [_p, _str, _str], _int, _check),

    # kpi/goal.h
    ("kpi_goal_code", [_p], _str, _text),
    ("kpi_goal_set_code", [_p, _str], _int, _check),
    ("kpi_goal_title", [_p], _str, _text),
    ("kpi_goal_set_title", [_p, _str], _int, _check),
    ("kpi_goal_weight", [_p], _dbl),
    ("kpi_goal_set_weight", [_p, _dbl], _int, _check),
    ("kpi_goal_plan", [_p], _p),
    ("kpi_goal_parent", [_p], _p),  # NULL for a top-level goal: no errcheck
    ("kpi_goal_depth", [_p], _i32),
    ("kpi_goal_goal_count", [_p], _size),
    ("kpi_goal_goal_at", [_p, _size], _p, _handle),
    ("kpi_goal_add_goal", [_p, _str, _str], _p, _handle),
    ("kpi_goal_target_count", [_p], _size),
    ("kpi_goal_target_at", [_p, _size], _p, _handle),
    ("kpi_goal_add_target", [_p, _str, _str], _p, _handle),
    ("kpi_goal_assessment_count", [_p], _size),
    ("kpi_goal_assessment_at", [_p, _size], _p, _handle),
    ("kpi_goal_add_assessment", [_p, _i32, _int, _str], _p, _handle),
    ("kpi_goal_note_count", [_p], _size),
    ("kpi_goal_note_at", [_p, _size], _str, _text),
    ("kpi_goal_note_code_at", [_p, _size], _str, _text),
    ("kpi_goal_add_note", [_p, _str, _str], _int, _check),

    # kpi/target.h
    ("kpi_field_name", [_int], _str, _text),
    ("kpi_target_code", [_p], _str, _text),
    ("kpi_target_set_code", [_p, _str], _int, _check),
    ("kpi_target_label", [_p], _str, _text),
    ("kpi_target_set_label", [_p, _str], _int, _check),
    ("kpi_target_unit", [_p], _str, _text),
    ("kpi_target_set_unit", [_p, _str], _int, _check),
    ("kpi_target_text", [_p], _str, _text),
    ("kpi_target_set_text", [_p, _str], _int, _check),
    ("kpi_target_kind", [_p], _int),
    ("kpi_target_set_kind", [_p, _int], _int, _check),
    ("kpi_target_direction", [_p], _int),
    ("kpi_target_set_direction", [_p, _int], _int, _check),
    ("kpi_target_schedule", [_p], _int),
    ("kpi_target_set_schedule", [_p, _int], _int, _check),
    ("kpi_target_accumulate", [_p], _int),
    ("kpi_target_set_accumulate", [_p, _int], _int, _check),
    ("kpi_target_value", [_p], _dbl),
    ("kpi_target_set_value", [_p, _dbl], _int, _check),
    ("kpi_target_start_value", [_p], _dbl),
    ("kpi_target_set_start_value", [_p, _dbl], _int, _check),
    ("kpi_target_reference", [_p], _dbl),
    ("kpi_target_set_reference", [_p, _dbl], _int, _check),
    ("kpi_target_change_pct", [_p], _dbl),
    ("kpi_target_set_change_pct", [_p, _dbl], _int, _check),
    ("kpi_target_weight", [_p], _dbl),
    ("kpi_target_set_weight", [_p, _dbl], _int, _check),
    ("kpi_target_start", [_p], _i32),
    ("kpi_target_set_start", [_p, _i32], _int, _check),
    ("kpi_target_due", [_p], _i32),
    ("kpi_target_set_due", [_p, _i32], _int, _check),
    ("kpi_target_inferred", [_p], _u32),
    ("kpi_target_set_inferred", [_p, _u32], _int, _check),
    ("kpi_target_goal", [_p], _p),
    ("kpi_target_measurement_count", [_p], _size),
    ("kpi_target_measurement_at", [_p, _size], _p, _handle),
    ("kpi_target_add_measurement", [_p, _i32, _dbl, _str], _p, _handle),
    ("kpi_target_assessment_count", [_p], _size),
    ("kpi_target_assessment_at", [_p, _size], _p, _handle),
    ("kpi_target_add_assessment", [_p, _i32, _int, _str], _p, _handle),
    ("kpi_measurement_date", [_p], _i32),
    ("kpi_measurement_set_date", [_p, _i32], _int, _check),
    ("kpi_measurement_value", [_p], _dbl),
    ("kpi_measurement_set_value", [_p, _dbl], _int, _check),
    ("kpi_measurement_note", [_p], _str, _text),
    ("kpi_measurement_set_note", [_p, _str], _int, _check),
    ("kpi_measurement_author", [_p], _str, _text),
    ("kpi_measurement_set_author", [_p, _str], _int, _check),
    ("kpi_measurement_inferred", [_p], _u32),
    ("kpi_assessment_date", [_p], _i32),
    ("kpi_assessment_set_date", [_p, _i32], _int, _check),
    ("kpi_assessment_rating", [_p], _int),
    ("kpi_assessment_set_rating", [_p, _int], _int, _check),
    ("kpi_assessment_comment", [_p], _str, _text),
    ("kpi_assessment_set_comment", [_p, _str], _int, _check),
    ("kpi_assessment_author", [_p], _str, _text),
    ("kpi_assessment_level", [_p], _str, _text),
    ("kpi_assessment_set_level", [_p, _str], _int, _check),
    ("kpi_assessment_set_author", [_p, _str], _int, _check),

    # kpi/scale.h
    ("kpi_scale_read_file", [_out, _str], _int, _check),
    ("kpi_scale_read_buffer", [_out, _str, _size, _str], _int, _check),
    ("kpi_scale_builtin", [_out, _str], _int, _check),
    ("kpi_scale_builtin_count", [], _size),
    ("kpi_scale_builtin_id_at", [_size], _str, _text),
    ("kpi_scale_dup", [_out, _p], _int, _check),
    ("kpi_scale_free", [_p], None),
    ("kpi_basis_name", [_int], _str, _text),
    ("kpi_level_rollup_name", [_int], _str, _text),
    ("kpi_quantifier_name", [_int], _str, _text),
    ("kpi_level_cause_name", [_int], _str, _text),
    ("kpi_scale_id", [_p], _str, _text),
    ("kpi_scale_title", [_p, _int], _str, _text),
    ("kpi_scale_basis", [_p], _int),
    ("kpi_scale_rollup", [_p], _int),
    ("kpi_scale_ahead", [_p], _dbl),
    ("kpi_scale_on_track", [_p], _dbl),
    ("kpi_scale_level_count", [_p], _size),
    ("kpi_scale_level_symbol", [_p, _size], _str, _text),
    ("kpi_scale_level_name", [_p, _size], _str, _text),
    ("kpi_scale_level_label", [_p, _size, _int], _str, _text),
    ("kpi_scale_level_has_class", [_p, _size, _int], _int),  # a truth value
    ("kpi_scale_level_when", [_p, _size], _str, _text),
    ("kpi_scale_level_score", [_p, _size], _dbl),
    ("kpi_scale_level_goal_min", [_p, _size], _dbl),
    ("kpi_scale_level_find", [_p, _str], _i32),
    ("kpi_scale_level_of_class", [_p, _int], _i32),
    ("kpi_scale_level_class", [_p, _size], _int),
    ("kpi_scale_status_level", [_p, _int], _i32),
    ("kpi_scale_unrated_symbol", [_p, _int], _str, _text),
    ("kpi_scale_unrated_label", [_p, _int, _int], _str, _text),
    ("kpi_scale_rule_count", [_p], _size),
    ("kpi_scale_rule_quantifier", [_p, _size], _int),
    ("kpi_scale_rule_has_level", [_p, _size, _size], _int),  # a truth value
    ("kpi_scale_rule_result", [_p, _size], _i32),
    ("kpi_scale_warning_count", [_p], _size),
    ("kpi_scale_warning_at", [_p, _size], _str, _text),
    ("kpi_policy_set_scale", [_p, _p], _int, _check),
    ("kpi_policy_scale", [_p], _p),  # NULL: the default scale
    ("kpi_plan_set_scale", [_p, _p], _int, _check),
    ("kpi_plan_scale", [_p], _p),  # NULL: the plan names none
    ("kpi_plan_scale_name", [_p], _str, _text),
    ("kpi_evaluation_scale", [_p], _p, _handle),
    ("kpi_result_level", [_p], _i32),
    ("kpi_result_computed_level", [_p], _i32),
    ("kpi_result_level_cause", [_p], _int),
    ("kpi_result_count_level", [_p, _size], _size),

    # kpi/evaluate.h
    ("kpi_policy_new", [_out], _int, _check),
    ("kpi_policy_free", [_p], None),
    ("kpi_policy_ahead", [_p], _dbl),
    ("kpi_policy_on_track", [_p], _dbl),
    ("kpi_policy_set_thresholds", [_p, _dbl, _dbl], _int, _check),
    ("kpi_policy_rollup", [_p], _int),
    ("kpi_policy_set_rollup", [_p, _int], _int, _check),
    ("kpi_policy_use_assessments", [_p], _int),
    ("kpi_policy_set_use_assessments", [_p, _int], _int, _check),
    ("kpi_policy_directive_days", [_p], _i32),
    ("kpi_policy_set_directive_days", [_p, _i32], _int, _check),
    ("kpi_policy_threads", [_p], _i32),
    ("kpi_policy_set_threads", [_p, _i32], _int, _check),
    ("kpi_evaluate", [_out, _p, _i32, _p], _int, _check),
    ("kpi_evaluation_free", [_p], None),
    ("kpi_evaluation_as_of", [_p], _i32),
    ("kpi_evaluation_start", [_p], _i32),
    ("kpi_evaluation_end", [_p], _i32),
    ("kpi_evaluation_policy", [_p], _p, _handle),
    ("kpi_evaluation_organization", [_p], _str, _text),
    ("kpi_evaluation_department", [_p], _str, _text),
    ("kpi_evaluation_note_count", [_p], _size),
    ("kpi_evaluation_note_at", [_p, _size], _str, _text),
    ("kpi_evaluation_note_code_at", [_p, _size], _str, _text),
    ("kpi_evaluation_result_count", [_p], _size),
    ("kpi_evaluation_result_at", [_p, _size], _p, _handle),
    ("kpi_evaluation_find", [_p, _str], _p, _handle),
    ("kpi_result_object", [_p], _int),
    ("kpi_result_code", [_p], _str, _text),
    ("kpi_result_title", [_p], _str, _text),
    ("kpi_result_depth", [_p], _i32),
    ("kpi_result_parent", [_p], _p),  # NULL for the plan: no errcheck
    ("kpi_result_child_count", [_p], _size),
    ("kpi_result_child_at", [_p, _size], _p, _handle),
    ("kpi_result_weight", [_p], _dbl),
    ("kpi_result_rating", [_p], _int),
    ("kpi_result_computed_rating", [_p], _int),
    ("kpi_result_assessed", [_p], _int),
    ("kpi_result_mismatch", [_p], _int),
    ("kpi_result_unrated", [_p], _int),
    ("kpi_result_computed_unrated", [_p], _int),
    ("kpi_result_assessment_date", [_p], _i32),
    ("kpi_result_actual", [_p], _dbl),
    ("kpi_result_expected", [_p], _dbl),
    ("kpi_result_value", [_p], _dbl),
    ("kpi_result_start_value", [_p], _dbl),
    ("kpi_result_elapsed", [_p], _dbl),
    ("kpi_result_pace", [_p], _dbl),
    ("kpi_result_achievement", [_p], _dbl),
    ("kpi_result_measured", [_p], _i32),
    ("kpi_result_start", [_p], _i32),
    ("kpi_result_due", [_p], _i32),
    ("kpi_result_unit", [_p], _str, _text),
    ("kpi_result_text", [_p], _str, _text),
    ("kpi_result_inferred", [_p], _u32),
    ("kpi_result_target_kind", [_p], _int),
    ("kpi_result_direction", [_p], _int),
    ("kpi_result_count_rating", [_p, _int], _size),
    ("kpi_result_count_unrated", [_p, _int], _size),
    ("kpi_result_reason", [_p, _int], _str, _text),
    ("kpi_result_status", [_p], _int),
    ("kpi_result_planned", [_p], _i32),
    ("kpi_result_status_date", [_p], _i32),
    ("kpi_result_update_date", [_p], _i32),
    ("kpi_result_update_text", [_p], _str, _text),
    ("kpi_result_update_status", [_p], _int),
    ("kpi_result_update_planned", [_p], _i32),
    ("kpi_result_figure_inferred", [_p], _int),  # a truth value: no errcheck
    ("kpi_result_status_inferred", [_p], _int),  # a truth value: no errcheck
    ("kpi_evaluation_directive_count", [_p], _size),
    ("kpi_evaluation_directive_at", [_p, _size], _p, _handle),
    ("kpi_result_issuer", [_p], _str, _text),
    ("kpi_result_issued", [_p], _i32),
    ("kpi_result_open", [_p], _int),  # a truth value: no errcheck
    ("kpi_result_days_open", [_p], _i32),
    ("kpi_result_overdue", [_p], _int),  # a truth value: no errcheck
    ("kpi_result_goal_count", [_p], _size),
    ("kpi_result_goal_code_at", [_p, _size], _str, _text),
    ("kpi_problem_name", [_int], _str, _text),
    ("kpi_validate", [_out, _p, _i32, _p], _int, _check),
    ("kpi_problems_free", [_p], None),
    ("kpi_problems_count", [_p], _size),
    ("kpi_problems_kind_at", [_p, _size], _int),
    ("kpi_problems_object_at", [_p, _size], _str, _text),
    ("kpi_problems_message_at", [_p, _size], _str, _text),

    # kpi/progress.h
    ("kpi_target_add_update", [_p, _i32, _str], _p, _handle),
    ("kpi_target_update_count", [_p], _size),
    ("kpi_target_update_at", [_p, _size], _p, _handle),
    ("kpi_goal_add_update", [_p, _i32, _str], _p, _handle),
    ("kpi_goal_update_count", [_p], _size),
    ("kpi_goal_update_at", [_p, _size], _p, _handle),
    ("kpi_update_date", [_p], _i32),
    ("kpi_update_set_date", [_p, _i32], _int, _check),
    ("kpi_update_text", [_p], _str, _text),
    ("kpi_update_set_text", [_p, _str], _int, _check),
    ("kpi_update_status", [_p], _int),
    ("kpi_update_set_status", [_p, _int, _i32], _int, _check),
    ("kpi_update_planned", [_p], _i32),
    ("kpi_update_author", [_p], _str, _text),
    ("kpi_update_set_author", [_p, _str], _int, _check),
    ("kpi_update_inferred", [_p], _u32),
    ("kpi_plan_add_directive", [_p, _str, _str], _p, _handle),
    ("kpi_plan_directive_count", [_p], _size),
    ("kpi_plan_directive_at", [_p, _size], _p, _handle),
    ("kpi_plan_find_directive", [_p, _str], _p, _handle),
    ("kpi_directive_code", [_p], _str, _text),
    ("kpi_directive_text", [_p], _str, _text),
    ("kpi_directive_set_text", [_p, _str], _int, _check),
    ("kpi_directive_issuer", [_p], _str, _text),
    ("kpi_directive_set_issuer", [_p, _str], _int, _check),
    ("kpi_directive_date", [_p], _i32),
    ("kpi_directive_set_date", [_p, _i32], _int, _check),
    ("kpi_directive_add_goal", [_p, _p], _int, _check),
    ("kpi_directive_goal_count", [_p], _size),
    ("kpi_directive_goal_at", [_p, _size], _p, _handle),
    ("kpi_directive_add_update", [_p, _i32, _str], _p, _handle),
    ("kpi_directive_update_count", [_p], _size),
    ("kpi_directive_update_at", [_p, _size], _p, _handle),
    ("kpi_plan_report_date", [_p], _i32),
    ("kpi_plan_set_report_date", [_p, _i32], _int, _check),

    # kpi/csv.h
    ("kpi_encoding_name", [_int], _str, _text),
    ("kpi_warning_name", [_int], _str, _text),
    ("kpi_reader_new", [_out], _int, _check),
    ("kpi_reader_free", [_p], None),
    ("kpi_reader_infer", [_p], _int),
    ("kpi_reader_set_infer", [_p, _int], _int, _check),
    ("kpi_reader_prose_confidence", [_p], _dbl),
    ("kpi_reader_set_prose_confidence", [_p, _dbl], _int, _check),
    ("kpi_reader_threads", [_p], _i32),
    ("kpi_reader_set_threads", [_p, _i32], _int, _check),
    ("kpi_reader_encoding", [_p], _int),
    ("kpi_reader_set_encoding", [_p, _int], _int, _check),
    ("kpi_reader_read_files", [_out, _p, _str, _str], _int, _check),
    ("kpi_reader_read_buffers", [_out, _p, _str, _size, _str, _size], _int, _check),
    ("kpi_reader_warning_count", [_p], _size),
    ("kpi_reader_warning_at", [_p, _size], _str, _text),
    ("kpi_reader_warning_kind_at", [_p, _size], _int),
    ("kpi_reader_warning_line_at", [_p, _size], _i32),
    ("kpi_reader_detected_encoding", [_p], _int),
    # the reader's own last failed read (no errcheck on the code)
    ("kpi_reader_error_code", [_p], _int),
    ("kpi_reader_error_message", [_p], _str, _text),
    ("kpi_reader_error_source", [_p], _str, _text),
    ("kpi_reader_error_line", [_p], _i32),
    ("kpi_reader_error_column", [_p], _i32),
    ("kpi_plan_write_structure", [_out, _sizep, _p, _u32], _int, _check),
    ("kpi_plan_write_progress", [_out, _sizep, _p, _u32], _int, _check),
    ("kpi_plan_write_files", [_p, _str, _str, _u32], _int, _check),

    # kpi/xlsx.h
    ("kpi_plan_write_xlsx", [_p, _str], _int, _check),
    ("kpi_plan_render_xlsx", [_out, _sizep, _p], _int, _check),
    ("kpi_reader_read_xlsx", [_out, _p, _str], _int, _check),
    ("kpi_reader_read_xlsx_buffer", [_out, _p, _str, _size], _int, _check),

    # kpi/file.h
    ("kpi_file_write", [_str, c_void_p, c_size_t], _int, _check),

    # kpi/render.h
    ("kpi_evaluation_render", [_out, _sizep, _p, _int, _int], _int, _check),

    # kpi/columns.h
    ("kpi_column_count", [], _i32),
    ("kpi_evaluation_column_count", [_p], _i32),
    ("kpi_column_name", [_int], _str, _text),
    ("kpi_column_is_text", [_int], _int),
    ("kpi_evaluation_row_count", [_p], _size),
    ("kpi_evaluation_column_numbers", [_p, _int, POINTER(c_double), _size], _int, _check),
    ("kpi_evaluation_column_texts", [_out, _sizep, _p, _int, _int], _int, _check),
    ("kpi_evaluation_render_text", [_out, _sizep, _p, _int, _i32], _int, _check),
    ("kpi_evaluation_write", [_p, _str, _int, _int], _int, _check),
    ("kpi_evaluation_render_csv", [_out, _sizep, _p, _int, _u32], _int, _check),
    ("kpi_evaluation_write_csv", [_p, _str, _int, _u32], _int, _check),
    ("kpi_format_parse", [_intp, _str], _int, _check),
    ("kpi_format_name", [_int], _str, _text),

    # kpi/phrase.h
    ("kpi_phrase_parse", [_out, _str, _i32], _int, _check),
    ("kpi_phrase_free", [_p], None),
    ("kpi_phrase_count", [_p], _size),
    ("kpi_phrase_text_at", [_p, _size], _str, _text),
    ("kpi_phrase_label_at", [_p, _size], _str, _text),
    ("kpi_phrase_unit_at", [_p, _size], _str, _text),
    ("kpi_phrase_kind_at", [_p, _size], _int),
    ("kpi_phrase_direction_at", [_p, _size], _int),
    ("kpi_phrase_value_at", [_p, _size], _dbl),
    ("kpi_phrase_change_pct_at", [_p, _size], _dbl),
    ("kpi_phrase_due_month_at", [_p, _size], _i32),
    ("kpi_phrase_due_at", [_p, _size], _i32),
    ("kpi_phrase_confidence_at", [_p, _size], _dbl),
    ("kpi_phrase_issue_count_at", [_p, _size], _size),
    ("kpi_phrase_issue_at", [_p, _size, _size], _str, _text),

    # kpi/prose.h
    ("kpi_prose_read", [_out, _str, _i32], _int, _check),
    ("kpi_prose_free", [_p], None),
    ("kpi_prose_count", [_p], _size),
    ("kpi_prose_text_at", [_p, _size], _str, _text),
    ("kpi_prose_subject_at", [_p, _size], _str, _text),
    ("kpi_prose_status_at", [_p, _size], _int),
    ("kpi_prose_status_word_at", [_p, _size], _str, _text),
    ("kpi_prose_planned_at", [_p, _size], _i32),
    ("kpi_prose_done_at", [_p, _size], _i32),
    ("kpi_prose_confidence_at", [_p, _size], _dbl),
    ("kpi_prose_issue_count_at", [_p, _size], _size),
    ("kpi_prose_issue_at", [_p, _size, _size], _str, _text),
    ("kpi_prose_figure_count_at", [_p, _size], _size),
    ("kpi_prose_figure_text_at", [_p, _size, _size], _str, _text),
    ("kpi_prose_figure_label_at", [_p, _size, _size], _str, _text),
    ("kpi_prose_figure_value_at", [_p, _size, _size], _dbl),
    ("kpi_prose_figure_unit_at", [_p, _size, _size], _str, _text),
    ("kpi_prose_figure_flags_at", [_p, _size, _size], _u32),
    ("kpi_prose_figure_date_at", [_p, _size, _size], _i32),
    ("kpi_prose_figure_confidence_at", [_p, _size, _size], _dbl),
    ("kpi_prose_figure_issue_at", [_p, _size, _size], _str, _text),
]


class _Functions:
    """The library's functions by name, each with its prototype applied."""

    if TYPE_CHECKING:
        # Set by _register() from the table: for the type checker, each is a
        # callable whose arguments and result the table (not Python) types.
        def __getattr__(self, name: str) -> Any: ...


C = _Functions()

#: names in the table that the loaded library does not export (functions
#: the headers declare but this build of libkpi does not have yet); calling
#: one raises KpiLibraryError
MISSING: List[str] = []


def _missing(name: str) -> Callable[..., NoReturn]:
    def call(*args: Any, **kwargs: Any) -> NoReturn:
        raise KpiLibraryError(
            "the libkpi loaded from %s has no %s(): it is declared in the headers "
            "this package was written for, but this build of the library lacks it"
            % (LIBRARY_PATH, name))
    call.__name__ = name
    cast(Any, call).missing = True  # a marker attribute on the function
    return call


#: The range of each integer type a prototype may take, by ctypes type.
_INT_RANGES: Dict[type, Tuple[int, int]] = {
    c_int: (-2**(8 * ctypes.sizeof(c_int) - 1), 2**(8 * ctypes.sizeof(c_int) - 1) - 1),
    c_int32: (-2**31, 2**31 - 1),
    c_uint32: (0, 2**32 - 1),
    c_size_t: (0, 2**(8 * ctypes.sizeof(c_size_t)) - 1),
}


def _guarded(fn: Any, name: str, argtypes: Sequence[Any]) -> Callable[..., Any]:
    """fn, or, when it takes integers, fn behind a check that each fits its
    C type: ctypes would cut 2**32 + 1 down to 1 without a word. The
    classes check their arguments by name first; this is the net under
    them, so that no int reaches libkpi cut short."""
    bounds = [(i, _INT_RANGES[t]) for i, t in enumerate(argtypes) if t in _INT_RANGES]
    if not bounds:
        return cast(Callable[..., Any], fn)

    def call(*args: Any) -> Any:
        for i, (low, high) in bounds:
            value = args[i]
            if isinstance(value, int) and not low <= value <= high:
                raise OverflowError("%s: argument %d is %d, outside the C type's range "
                                    "%d..%d" % (name, i + 1, value, low, high))
        return fn(*args)
    call.__name__ = name
    # attributes on a function, as a ctypes function has them
    cast(Any, call).argtypes, cast(Any, call).restype = fn.argtypes, fn.restype
    cast(Any, call).errcheck = getattr(fn, "errcheck", None)
    return call


def _register(lib: ctypes.CDLL) -> None:
    seen: Set[str] = set()
    for entry in PROTOTYPES:
        name, argtypes, restype = entry[:3]
        if name in seen:
            raise KpiLibraryError("prototype table lists %s twice" % name)
        seen.add(name)
        try:
            fn = getattr(lib, name)
        except AttributeError:
            MISSING.append(name)
            setattr(C, name, _missing(name))
            continue
        fn.argtypes = argtypes
        fn.restype = restype
        if len(entry) > 3 and entry[3] is not None:
            fn.errcheck = entry[3]
        setattr(C, name, _guarded(fn, name, argtypes))


lib, LIBRARY_PATH = _load()
_register(lib)

# The core functions must all be there; only functions newer than the
# version this package requires may be missing.
_REQUIRED_PREFIXES = ("kpi_version", "kpi_free", "kpi_error_", "kpi_plan_", "kpi_goal_",
                      "kpi_target_", "kpi_measurement_", "kpi_assessment_", "kpi_policy_",
                      "kpi_evaluat", "kpi_result_", "kpi_reader_", "kpi_date_",
                      "kpi_rating_", "kpi_unrated_", "kpi_validate", "kpi_problems_",
                      "kpi_status_", "kpi_update_", "kpi_directive_")
_missing_core = [n for n in MISSING if n.startswith(_REQUIRED_PREFIXES)]
if _missing_core:
    raise KpiLibraryError(
        "the libkpi loaded from %s lacks %s; this package needs libkpi %d.%d or "
        "later" % (LIBRARY_PATH, ", ".join(_missing_core), WRITTEN_FOR[0], WRITTEN_FOR[1]))



def check_version(number: int, text: str) -> None:
    """Raises KpiLibraryError unless a library of version ``number``
    (MAJOR * 10000 + MINOR * 100 + PATCH) can serve this package: the same
    major version, and at least the minor version it was written for (before
    1.0: that very minor version)."""
    major, minor = number // 10000, number // 100 % 100
    if WRITTEN_FOR[0] == 0:
        usable, needs = minor == WRITTEN_FOR[1], "0.%d.x" % WRITTEN_FOR[1]
    else:
        usable = minor >= WRITTEN_FOR[1]
        needs = "%d.x with x >= %d" % (WRITTEN_FOR[0], WRITTEN_FOR[1])
    if major != WRITTEN_FOR[0] or not usable:
        raise KpiLibraryError(
            "the libkpi loaded from %s is version %s; this package was written for "
            "%d.%d.%d and needs %s" %
            (LIBRARY_PATH, text, WRITTEN_FOR[0], WRITTEN_FOR[1], WRITTEN_FOR[2], needs))


RUNTIME_VERSION_NUMBER: int = C.kpi_version_number()
RUNTIME_VERSION: str = C.kpi_version()
check_version(RUNTIME_VERSION_NUMBER, RUNTIME_VERSION)


# ---------------------------------------------------------------------------
# Helpers shared by the classes


def text_in(value: object, what: str = "text", allow_none: bool = True) -> Optional[bytes]:
    """str -> bytes for a const char * argument (None, or pandas' NA, ->
    NULL). Text with a NUL character would be cut short silently by C, so
    it is refused."""
    if is_missing(value):
        if allow_none:
            return None
        raise TypeError("%s must be a str, not None" % what)
    if not isinstance(value, str):
        raise TypeError("%s must be a str, not %s" % (what, type(value).__name__))
    if "\0" in value:
        from ._errors import KpiArgumentError
        raise KpiArgumentError("%s must not contain a NUL character: %r" % (what, value),
                               function=what)
    try:
        return value.encode("utf-8")
    except UnicodeEncodeError as e:
        from ._errors import KpiEncodingError
        raise KpiEncodingError("%s is not valid Unicode text: %s" % (what, e),
                               function=what) from None


def path_in(value: Union[str, bytes, os.PathLike[str], os.PathLike[bytes], None],
            what: str = "path") -> Optional[bytes]:
    """A path (str, bytes or os.PathLike) -> bytes for fopen()."""
    if value is None:
        return None
    try:
        raw = os.fsencode(value)
    except TypeError:
        raise TypeError("%s must be a path (str, bytes or os.PathLike), not %s"
                        % (what, type(value).__name__)) from None
    if b"\0" in raw:
        from ._errors import KpiArgumentError
        raise KpiArgumentError("%s must not contain a NUL character: %r" % (what, value),
                               function=what)
    return raw


def take_text(ptr: Optional[int], size: Optional[int] = None) -> bytes:
    """Copies text that libkpi handed over through a char **out, then frees
    it with kpi_free(). Returns bytes (decode them as needed)."""
    if not ptr:
        return b""
    try:
        return ctypes.string_at(ptr, size) if size is not None else ctypes.string_at(ptr)
    finally:
        C.kpi_free(ptr)
