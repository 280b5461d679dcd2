"""libkpi for Python: a city plan's goals, targets and measurements, rated
◎ ○ △ × by rule and with reasons.

A pure-Python binding of the libkpi C library through ctypes: nothing to
compile. The library is found through $KPI_LIBRARY, then next to this
package, then on the system's library search path.

    import kpi
    plan = kpi.Plan.read_csv("ueda-2017-structure.csv", "ueda-2017-progress.csv")
    ev = plan.evaluate("2017-09-30")
    print(ev["3-2-a"].reason)   # 32件 / 目標30件以上 (107%), 期待値15.0 (経過50%) → ◎
    print(ev["3-2-a"].reason_in("en"))
    print(ev.render("text"))     # ev.render("text", lang="en", width=80)
    rows = ev.to_records()       # a list of dicts
    df = ev.to_pandas()          # a DataFrame with real dtypes (needs pandas)

See docs/python.md in the libkpi tree for the whole API.
"""

from __future__ import annotations

from typing import Type as _Type
from typing import cast as _cast

from ._capi import LIBRARY_PATH as library_path
from ._capi import C as _C
from ._capi import WRITTEN_FOR as _WRITTEN_FOR
from ._dates import (add_days, date_diff, fiscal_range, fiscal_year, format_date,
                     is_valid_date, make_date, parse_date, parse_date_range)
from ._enums import (Accumulate, Basis, Direction, Encoding, Field, Format, Kind, Lang,
                     LevelCause, LevelRollup, Object, ProblemKind, Quantifier, Rating, Rollup,
                     Schedule, Status, Unrated, WarningKind, WriteFlags)
from ._errors import (KpiArgumentError, KpiDateError, KpiDuplicate, KpiEncodingError,
                      KpiError, KpiFileNotFoundError, KpiIOError, KpiIsADirectoryError,
                      KpiLibraryError, KpiLimitError, KpiMisuseError, KpiNoMemory,
                      KpiNotADirectoryError, KpiNotFound, KpiParseError, KpiPermissionError,
                      KpiRangeError, KpiValueError)
from ._evaluation import RECORD_FIELDS, Evaluation, Policy, Result
from ._model import (Assessment, Directive, Goal, Measurement, Note, Plan, Problem,
                     ReaderWarning, Target, Update)
from ._scale import Level, Rule, Scale
from ._phrase import (PhraseTarget, ProseFigure, ProseFlag, ProseStatement, parse_phrase,
                      read_prose)

#: The version of this package (the libkpi version it was written for).
__version__ = "%d.%d.%d" % _WRITTEN_FOR

#: The deepest goal nesting libkpi accepts (a top-level goal is at depth 1).
MAX_DEPTH = 32
#: The longest code libkpi accepts, in bytes.
MAX_CODE = 256
#: The largest field a plan file may hold, in bytes.
MAX_FIELD = 1024 * 1024
#: The largest plan file libkpi reads, in bytes.
MAX_FILE = 1024 * 1024 * 1024


def version() -> str:
    """The version of the libkpi actually loaded, "MAJOR.MINOR.PATCH"."""
    return _cast(str, _C.kpi_version())


def version_number() -> int:
    """The loaded libkpi's version as MAJOR * 10000 + MINOR * 100 + PATCH."""
    return _cast(int, _C.kpi_version_number())


def __getattr__(name: str) -> _Type[Object]:
    # Deprecated names, still reachable with a warning (PEP 562).
    if name == "ResultKind":
        import warnings
        warnings.warn("kpi.ResultKind is deprecated: use kpi.Object (kpi_object)",
                      DeprecationWarning, stacklevel=2)
        return Object
    raise AttributeError("module %r has no attribute %r" % (__name__, name))


def error_name(code: int) -> str:
    """The stable name of a kpi_error code, e.g. "KPI_ERR_VALUE"."""
    return _cast(str, _C.kpi_error_name(code).decode("ascii", "replace"))


__all__ = [
    "Accumulate", "Assessment", "Basis", "Direction", "Directive", "Encoding", "Evaluation", "Field",
    "Format", "Goal", "Kind", "KpiArgumentError", "KpiDateError", "KpiDuplicate",
    "KpiEncodingError", "KpiError", "KpiFileNotFoundError", "KpiIOError",
    "KpiIsADirectoryError", "KpiLibraryError", "KpiLimitError", "KpiMisuseError",
    "KpiNoMemory", "KpiNotADirectoryError", "KpiNotFound", "KpiParseError",
    "KpiPermissionError", "KpiRangeError",
    "KpiValueError", "Lang", "Level", "LevelCause", "LevelRollup", "MAX_CODE", "MAX_DEPTH", "MAX_FIELD", "MAX_FILE",
    "Measurement", "Note", "Object", "PhraseTarget", "Plan", "Policy", "Problem",
    "ProblemKind", "ProseFigure", "ProseFlag", "ProseStatement", "Quantifier",
    "RECORD_FIELDS", "Rating", "ReaderWarning", "Result", "Rollup", "Rule", "Scale", "Schedule", "Status", "Target", "Unrated",
    "Update", "WarningKind", "WriteFlags", "add_days", "date_diff", "error_name",
    "fiscal_range", "fiscal_year", "format_date", "is_valid_date", "library_path",
    "make_date", "parse_date", "parse_date_range", "parse_phrase", "read_prose", "version",
    "version_number",
]
