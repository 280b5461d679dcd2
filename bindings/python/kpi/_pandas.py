"""Evaluation.to_pandas(): an evaluation's rows read a column at a time
from libkpi (kpi/columns.h), with the dtypes a pandas user expects; and
the plan files as frames (Plan.to_pandas(), Plan.from_pandas()).

pandas is optional: it is imported here, when a frame is first asked for,
never by ``import kpi``. The report's columns are RECORD_FIELDS, as
to_records() gives them; each column's dtype is chosen by what it holds
(COLUMN_TYPES below), once, here.
"""

from __future__ import annotations

import io
from typing import Any, Dict, List, Sequence, Tuple

import ctypes

from ._capi import C
from ._records import is_text_column, kept_rows, texts
from ._enums import Direction, Kind, Object, Rating, Status, Unrated

#: The ratings, worst first, as the report writes them (symbols and
#: stable names): the categories of the ordered "rating" columns.
RATING_SYMBOLS: Tuple[str, ...] = tuple(r.symbol for r in Rating if r != Rating.NONE)
RATING_NAMES: Tuple[str, ...] = tuple(r.stable_name for r in Rating if r != Rating.NONE)
#: The unrated reasons in kpi_unrated order.
UNRATED_NAMES: Tuple[str, ...] = tuple(u.stable_name for u in Unrated if u != Unrated.NONE)

# What each column of the CSV report becomes:
#   text     str, "" where the cell is empty (verbatim text)
#   word     str, NA where empty (a name, a label, a code)
#   category unordered categorical, NA where empty
#   rating, rating_name, unrated: ordered categoricals (worst first)
#   int      nullable Int64
#   float    float64, NaN where empty
#   date     datetime64[ns], NaT where empty
#   bool     nullable boolean
#   list     a list of codes (a directive's goals), None where empty
#   level, level_name: ordered categoricals of the evaluation's scale's
#            levels (worst first), NA where a result has none
COLUMN_TYPES: Dict[str, str] = {
    "kind": "category", "code": "word", "parent": "word", "depth": "int",
    "title": "text", "text": "text", "unit": "text",
    "rating": "rating", "rating_name": "rating_name", "computed_rating": "rating",
    "assessed": "bool", "mismatch": "bool", "assessment_date": "date",
    "unrated_reason": "unrated", "unrated_label": "word",
    "target_kind": "category", "direction": "category",
    "actual": "float", "expected": "float", "target": "float", "start_value": "float",
    "elapsed": "float", "pace": "float", "achievement": "float",
    "measured": "date", "start": "date", "due": "date", "weight": "float",
    "count_ahead": "int", "count_on_track": "int", "count_behind": "int",
    "count_not_progressed": "int", "count_unrated": "int",
    "reason": "text", "inferred": "text",
    "status": "category", "status_label": "word", "planned": "date",
    "status_date": "date", "update_date": "date", "update_status": "category",
    "update_planned": "date", "update_text": "text", "figure_inferred": "bool",
    "cancelled": "bool", "issuer": "text", "issued": "date", "goals": "list",
    "open": "bool", "days_open": "int", "overdue": "bool",
    "level": "level", "level_name": "level_name",
}


def frame_of_columns(ev_ptr: int, fields: Sequence[str], results: int,
                     include_plan: bool, lang: int, include_directives: bool) -> Any:
    """The DataFrame of an evaluation read a column at a time
    (kpi/columns.h): one call into libkpi per column, numbers straight into
    numpy arrays, texts as one buffer split once. The caller holds the
    evaluation's lock; ``results`` is its result count (the rows after them
    are directives)."""
    import numpy
    pd = import_pandas()
    rows, keep = kept_rows(ev_ptr, results, include_plan, include_directives)
    columns = {}
    for index, name in enumerate(fields):
        kind = COLUMN_TYPES[name]
        if kind in ("level", "level_name"):
            values: Any = texts(ev_ptr, index, lang)[keep]
            columns[name] = _levels(pd, ev_ptr, values, kind)
            continue
        if is_text_column(index, name):
            values = texts(ev_ptr, index, lang)[keep]
        else:
            values = _numbers(numpy, ev_ptr, index, rows)[keep]
        columns[name] = _typed(pd, numpy, values, kind, name)
    # The columns are new and the frame's own: copy=False also spares
    # pandas merging them into blocks (a copy of every value) up front.
    return pd.DataFrame(columns, copy=False)


def _levels(pd: Any, ev_ptr: int, values: List[str], kind: str) -> Any:
    """The level column as an ordered categorical of the evaluation's
    scale's symbols or names, worst first (as the ratings): NA for none."""
    scale = C.kpi_evaluation_scale(ev_ptr)
    name = C.kpi_scale_level_symbol if kind == "level" else C.kpi_scale_level_name
    categories = [name(scale, i) for i in reversed(range(C.kpi_scale_level_count(scale)))]
    return pd.Series(pd.Categorical(values, categories=categories, ordered=True))


def _numbers(numpy: Any, ev_ptr: int, column: int, rows: int) -> Any:
    out = numpy.empty(rows, dtype=numpy.float64)
    C.kpi_evaluation_column_numbers(
        ev_ptr, column, out.ctypes.data_as(ctypes.POINTER(ctypes.c_double)), rows)
    return out


#: The enumerations of the categorical number columns, as libkpi numbers
#: them: each column's categories are the members' stable names.
_ENUM_COLUMNS: Dict[str, Any] = {
    "kind": Object, "target_kind": Kind, "direction": Direction,
    "status": Status, "update_status": Status,
}


def _typed(pd: Any, numpy: Any, values: Any, kind: str, name: str) -> Any:
    """One column with its dtype, from a list of str (text columns) or a
    float64 array, NaN for none (number columns)."""
    if kind == "text":
        return pd.Series(values, dtype=object)
    if kind == "word":
        cells = numpy.array(values, dtype=object)
        cells[cells == ""] = None
        return pd.Series(cells, dtype=object, copy=False)
    if kind == "list":
        return pd.Series([v.split(";") if v else None for v in values], dtype=object)
    missing = numpy.isnan(values)
    if kind == "float":
        return pd.Series(values)
    if kind in ("int", "bool"):
        data = numpy.where(missing, 0, values)
        if kind == "int":
            return pd.Series(pd.arrays.IntegerArray(data.astype(numpy.int64), missing))
        return pd.Series(pd.arrays.BooleanArray(data.astype(bool), missing))
    if kind == "date":
        return pd.Series(_dates(numpy, values, missing))
    if kind == "category":
        members = [m for m in _ENUM_COLUMNS[name] if m.stable_name]
        table = numpy.full(max(int(m) for m in members) + 2, -1)
        for code, member in enumerate(members):
            table[int(member)] = code
        index = numpy.where(missing, len(table) - 1, values).astype(numpy.int64)
        return pd.Series(pd.Categorical.from_codes(
            table[index], [m.stable_name for m in members]))
    categories = {"rating": RATING_SYMBOLS, "rating_name": RATING_NAMES,
                  "unrated": UNRATED_NAMES}[kind]
    # Ratings 1..4 and reasons 1..7 are their categories' 0-based codes + 1.
    codes = numpy.where(missing, 0, values).astype(numpy.int64) - 1
    return pd.Series(pd.Categorical.from_codes(codes, categories, ordered=True))


def _dates(numpy: Any, values: Any, missing: Any) -> Any:
    """YYYYMMDD numbers as datetime64[ns], NaT where missing."""
    ymd = numpy.where(missing, 19700101, values).astype(numpy.int64)
    months = (ymd // 10000 - 1970) * 12 + ymd // 100 % 100 - 1
    days = (months.astype("datetime64[M]").astype("datetime64[D]") +
            (ymd % 100 - 1).astype("timedelta64[D]"))
    out = days.astype("datetime64[ns]")
    out[missing] = numpy.datetime64("NaT")
    return out


def import_pandas() -> Any:
    """pandas, or ImportError saying how to get it."""
    try:
        import pandas
    except ImportError as e:
        raise ImportError("to_pandas() needs pandas (Debian: apt-get install "
                          "python3-pandas; pip: pip install pandas): %s" % e) from None
    return pandas


def _column(pd: Any, cells: Any, kind: str) -> Any:
    empty = cells == ""
    if kind == "text":
        return cells
    if kind == "word":
        return cells.mask(empty, None)
    if kind == "category":
        return cells.mask(empty, None).astype("category")
    if kind in ("rating", "rating_name", "unrated"):
        categories = {"rating": RATING_SYMBOLS, "rating_name": RATING_NAMES,
                      "unrated": UNRATED_NAMES}[kind]
        return pd.Categorical(cells.mask(empty, None), categories=categories, ordered=True)
    if kind == "int":
        return pd.to_numeric(cells.mask(empty, None)).astype("Int64")
    if kind == "float":
        return _floats(pd, cells, empty)
    if kind == "date":
        return pd.to_datetime(cells.mask(empty, None), format="%Y-%m-%d")
    if kind == "bool":
        values = cells.map({"true": True, "false": False})
        return values.mask(empty, None).astype("boolean")
    return pd.Series([c.split(";") if c else None for c in cells], dtype=object)


def _floats(pd: Any, cells: Any, empty: Any) -> Any:
    """Exact doubles: Python's float() reads the shortest exact form back
    to the same double, as pandas' fast parser does not always."""
    import numpy
    values = numpy.full(len(cells), numpy.nan)
    present = ~empty.to_numpy()
    values[present] = [float(c) for c in cells.to_numpy()[present]]
    return pd.Series(values, dtype="float64")


# The plan files (docs/csv-format.md) as frames: which columns are numbers,
# dates and ratings; every other column is text, "" where empty.
PLAN_FLOATS = ("value", "start_value", "reference", "change_pct", "weight")
PLAN_DATES = ("start", "due", "date", "report_date", "planned")
PLAN_RATINGS = ("rating",)


def plan_frames(structure_bytes: bytes, progress_bytes: bytes) -> Tuple[Any, Any]:
    """(structure, progress) DataFrames of a plan's two files as the writer
    wrote them."""
    return _plan_frame(structure_bytes), _plan_frame(progress_bytes)


def _plan_frame(csv_bytes: bytes) -> Any:
    pd = import_pandas()
    raw = pd.read_csv(io.BytesIO(csv_bytes), encoding="utf-8-sig", dtype=str,
                      keep_default_na=False, na_filter=False)
    columns: Dict[str, Any] = {}
    for name in raw.columns:
        kind = ("float" if name in PLAN_FLOATS else "date" if name in PLAN_DATES else
                "rating" if name in PLAN_RATINGS else "text")
        columns[name] = _column(pd, raw[name], kind)
    return pd.DataFrame(columns, columns=list(raw.columns))


def plan_csv(frame: Any, what: str) -> bytes:
    """A frame with the columns of a plan file as the file's bytes: dates as
    YYYY-MM-DD, numbers in their exact shortest form, missing cells empty."""
    pd = import_pandas()
    if not isinstance(frame, pd.DataFrame):
        raise TypeError("%s must be a pandas DataFrame, not %s" % (what, type(frame).__name__))
    out = io.StringIO()
    frame.apply(_cells_of_dates).to_csv(out, index=False, na_rep="")
    return out.getvalue().encode("utf-8")


def _cells_of_dates(column: Any) -> Any:
    """A column's dates (datetime64, or Timestamp, datetime and date objects
    among other values) as YYYY-MM-DD text; other columns as they are."""
    import datetime
    pd = import_pandas()
    if pd.api.types.is_datetime64_any_dtype(column.dtype):
        return column.dt.strftime("%Y-%m-%d")
    if column.dtype == object:
        cells = [v.strftime("%Y-%m-%d") if isinstance(v, datetime.date) and v is not pd.NaT
                 else v for v in column]
        return pd.Series(cells, index=column.index, dtype=object)
    return column
