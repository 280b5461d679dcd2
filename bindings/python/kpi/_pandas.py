"""Evaluation.to_pandas(): the CSV report, rendered by libkpi in one call
and read by pandas' own CSV parser, with the dtypes a pandas user expects.

pandas is optional: it is imported here, when a frame is first asked for,
never by ``import kpi``. The report's columns are RECORD_FIELDS, as
to_records() gives them; each column's dtype is chosen by what it holds
(COLUMN_TYPES below), once, here.
"""

from __future__ import annotations

import io
from typing import Any, Dict, Sequence, Tuple

from ._enums import Object, Rating, Unrated

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
}


def import_pandas() -> Any:
    """pandas, or ImportError saying how to get it."""
    try:
        import pandas
    except ImportError as e:
        raise ImportError("to_pandas() needs pandas (Debian: apt-get install "
                          "python3-pandas; pip: pip install pandas): %s" % e) from None
    return pandas


def frame(csv_bytes: bytes, fields: Sequence[str], include_plan: bool,
          include_directives: bool) -> Any:
    """The DataFrame of a CSV report's bytes (UTF-8 with a BOM)."""
    pd = import_pandas()
    # Every cell is read as text first (no guessing of types), and numbers
    # are read back exactly: the report writes each double's shortest exact
    # form, which the default float parser may round differently.
    raw = pd.read_csv(io.BytesIO(csv_bytes), encoding="utf-8-sig", dtype=str,
                      keep_default_na=False, na_filter=False)
    if list(raw.columns) != list(fields):
        raise RuntimeError("the CSV report's columns are not those this package "
                           "knows: %r" % list(raw.columns))
    keep = pd.Series(True, index=raw.index)
    if not include_plan:
        keep &= raw["kind"] != Object.PLAN.stable_name
    if not include_directives:
        keep &= raw["kind"] != Object.DIRECTIVE.stable_name
    raw = raw[keep].reset_index(drop=True)
    return pd.DataFrame({name: _column(pd, raw[name], COLUMN_TYPES[name])
                         for name in fields})


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
