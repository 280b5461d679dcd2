"""Evaluation.to_records() read a column at a time (kpi/columns.h): one
call into libkpi per column, not ~30 per row, turned into the same Python
values Result.to_record() gives through the getters (which stay the
independent reference the tests compare against).
"""

from __future__ import annotations

import ctypes
import datetime
import math
from typing import Any, Callable, Dict, List, Sequence, Tuple

from ._capi import C, take_text
from ._enums import Object

_DIRECTIVE = int(Object.DIRECTIVE)


def records_of_columns(ev_ptr: int, fields: Sequence[str], results: int,
                       include_plan: bool, lang: int,
                       include_directives: bool) -> List[Dict[str, Any]]:
    """The records of the rows kept (kept_rows()). The caller holds the
    evaluation's lock."""
    rows, keep = kept_rows(ev_ptr, results, include_plan, include_directives)
    kinds = [int(k) for k in numbers(ev_ptr, 0, rows)[keep]]
    directive = [k == _DIRECTIVE for k in kinds]
    columns: List[List[Any]] = []
    for index, name in enumerate(fields):
        if is_text_column(index, name):
            cells: List[Any] = texts(ev_ptr, index, lang)[keep]
            columns.append(_text_values(name, cells, directive))
        else:
            convert = _NUMBER_VALUES.get(name, _float)
            columns.append([convert(v) for v in numbers(ev_ptr, index, rows)[keep]])
    return [dict(zip(fields, row)) for row in zip(*columns)]


def kept_rows(ev_ptr: int, results: int, include_plan: bool,
              include_directives: bool) -> Tuple[int, slice]:
    """The number of rows, and the slice of those kept: the plan's row is
    the first, the directives the rows after the ``results`` results."""
    rows: int = C.kpi_evaluation_row_count(ev_ptr)
    return rows, slice(0 if include_plan else 1, rows if include_directives else results)


def is_text_column(index: int, name: str) -> bool:
    """Whether column index (which must be the one called name) is text."""
    if C.kpi_column_name(index) != name:
        raise RuntimeError("libkpi's column %d is %r, not %r"
                           % (index, C.kpi_column_name(index), name))
    return bool(C.kpi_column_is_text(index))


def numbers(ev_ptr: int, column: int, rows: int) -> List[float]:
    """A number column of every row (kpi_evaluation_column_numbers())."""
    out = (ctypes.c_double * rows)()
    C.kpi_evaluation_column_numbers(ev_ptr, column, out, rows)
    return list(out)


def texts(ev_ptr: int, column: int, lang: int) -> List[str]:
    """A text column of every row (kpi_evaluation_column_texts())."""
    out = ctypes.c_void_p()
    size = ctypes.c_size_t()
    C.kpi_evaluation_column_texts(ctypes.byref(out), ctypes.byref(size), ev_ptr, column, lang)
    data = take_text(out.value, size.value)
    # Each cell ends with a NUL: the last split is the empty tail.
    return data.decode("utf-8", "replace").split("\0")[:-1]


# -- the values of number columns (NaN: the CSV cell is empty) ----------------


def _float(v: float) -> Any:
    return None if math.isnan(v) else v


def _int(v: float) -> Any:
    return None if math.isnan(v) else int(v)


def _bool(v: float) -> Any:
    return None if math.isnan(v) else bool(v)


def _date(v: float) -> Any:
    if math.isnan(v):
        return None
    ymd = int(v)
    return datetime.date(ymd // 10000, ymd // 100 % 100, ymd % 100)


def _name_of(function: str) -> Callable[[float], Any]:
    """An enumeration's value as libkpi names it (a kpi_*_name() function,
    or kpi_rating_symbol()), None where the cell is empty."""
    fn = getattr(C, function)
    names: Dict[int, str] = {}

    def convert(v: float) -> Any:
        if math.isnan(v):
            return None
        value = int(v)
        if value not in names:
            names[value] = fn(value)
        return names[value] or None
    return convert


_NUMBER_VALUES: Dict[str, Callable[[float], Any]] = {
    "kind": _name_of("kpi_object_name"),
    "depth": _int,
    "rating": _name_of("kpi_rating_symbol"),
    "rating_name": _name_of("kpi_rating_name"),
    "computed_rating": _name_of("kpi_rating_symbol"),
    "assessed": _bool, "mismatch": _bool,
    "unrated_reason": _name_of("kpi_unrated_name"),
    "target_kind": _name_of("kpi_kind_name"),
    "direction": _name_of("kpi_direction_name"),
    "count_ahead": _int, "count_on_track": _int, "count_behind": _int,
    "count_not_progressed": _int, "count_unrated": _int,
    "status": _name_of("kpi_status_name"),
    "update_status": _name_of("kpi_status_name"),
    "figure_inferred": _bool, "cancelled": _bool, "open": _bool, "overdue": _bool,
    "days_open": _int,
}
for _name in ("assessment_date", "measured", "start", "due", "planned", "status_date",
              "update_date", "update_planned", "issued"):
    _NUMBER_VALUES[_name] = _date


# -- the values of text columns -------------------------------------------------

#: Text columns that are None where empty (a name, a label, a parent).
_NONE_WHEN_EMPTY = frozenset(("parent", "unrated_label", "status_label", "level",
                              "level_name"))


def _text_values(name: str, cells: List[str], directive: List[bool]) -> List[Any]:
    if name in _NONE_WHEN_EMPTY:
        return [c or None for c in cells]
    if name == "issuer":
        return [c if d else None for c, d in zip(cells, directive)]
    if name == "goals":
        return [(c.split(";") if c else []) if d else None for c, d in zip(cells, directive)]
    return cells
