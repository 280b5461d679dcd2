"""Dates: libkpi's int32 YYYYMMDD <-> datetime.date, and the date helpers
of kpi/date.h.

In Python every date is a ``datetime.date`` and "no date" (C's 0) is
``None``. Wherever the package takes a date it accepts:

- a ``datetime.date`` (or ``datetime.datetime``: its date is used);
- a ``str`` in any form libkpi reads: ``"2017-09-30"``, ``"平成29年9月30日"``,
  ``"H29.9.30"``; where a day is meant, a month or fiscal year is read as
  its first day for start dates and as its last day otherwise (due dates,
  as-of dates, measurement dates), as the plan files do: ``"平成29年度"``
  as a due date is 2018-03-31;
- an ``int`` YYYYMMDD (20170930);
- a ``numpy.datetime64`` or a ``pandas.Timestamp``;
- ``None`` (or pandas' ``NA``/``NaT``) to clear an optional date.
"""

from __future__ import annotations

import ctypes
import datetime
from typing import Any, Optional, Tuple, Union, cast

from ._capi import C, take_text, text_in
from ._errors import KpiDateError
from ._foreign import is_missing, plain_date, plain_int

FIRST = "first"
LAST = "last"


def date_out(value: int) -> Optional[datetime.date]:
    """C YYYYMMDD -> datetime.date, 0 -> None."""
    if not value:
        return None
    try:
        return datetime.date(value // 10000, value // 100 % 100, value % 100)
    except ValueError as e:
        raise KpiDateError("libkpi returned %d, which is not a date: %s" % (value, e),
                           function="date") from None


def date_in(value: Any, what: str = "date", allow_none: bool = True, which: str = LAST) -> int:
    """A date as the package accepts it -> C YYYYMMDD (None -> 0)."""
    if is_missing(value):
        if allow_none:
            return 0
        raise TypeError("%s is required" % what)
    value = plain_int(plain_date(value))
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.year * 10000 + value.month * 100 + value.day
    if isinstance(value, str):
        first, last = ctypes.c_int32(), ctypes.c_int32()
        C.kpi_date_parse_range(ctypes.byref(first), ctypes.byref(last),
                               text_in(value, what, allow_none=False))
        return first.value if which == FIRST else last.value
    if isinstance(value, int) and not isinstance(value, bool):
        if not -2**31 <= value < 2**31:
            raise KpiDateError("%s: %d is not a date" % (what, value), function=what)
        return value
    raise TypeError("%s must be a datetime.date, a str, an int YYYYMMDD or None, not %s"
                    % (what, type(value).__name__))


# ---------------------------------------------------------------------------
# Public helpers (kpi/date.h)


def parse_date(text: str) -> Optional[datetime.date]:
    """Reads a text naming one exact day (kpi_date_parse): ISO, era forms,
    full-width digits. KpiDateError when it is not a day (a month or a
    fiscal year is refused: use parse_date_range())."""
    out = ctypes.c_int32()
    C.kpi_date_parse(ctypes.byref(out), text_in(text, "text", allow_none=False))
    return date_out(out.value)


def parse_date_range(text: str) -> Tuple[Optional[datetime.date], Optional[datetime.date]]:
    """Reads a day, a month or a fiscal year (kpi_date_parse_range) and
    returns (first day, last day): "平成29年度" -> (2017-04-01, 2018-03-31)."""
    first, last = ctypes.c_int32(), ctypes.c_int32()
    C.kpi_date_parse_range(ctypes.byref(first), ctypes.byref(last),
                           text_in(text, "text", allow_none=False))
    return date_out(first.value), date_out(last.value)


def format_date(value: Any) -> str:
    """A date in ISO form, "2017-09-30" (kpi_date_format)."""
    out = ctypes.c_void_p()
    C.kpi_date_format(ctypes.byref(out), date_in(value, allow_none=False))
    return take_text(out.value).decode("utf-8")


def make_date(year: int, month: int, day: int) -> Optional[datetime.date]:
    """A date from its parts, checked by libkpi (kpi_date_make)."""
    out = ctypes.c_int32()
    C.kpi_date_make(ctypes.byref(out), _i32(year, "year"), _i32(month, "month"),
                    _i32(day, "day"))
    return date_out(out.value)


def is_valid_date(value: Union[int, datetime.date]) -> bool:
    """Whether a YYYYMMDD int (or a date) is a real calendar date in years
    1..9999 (kpi_date_is_valid)."""
    if isinstance(value, bool) or not isinstance(value, (int, datetime.date)):
        raise TypeError("expected an int YYYYMMDD or a date, not %s" % type(value).__name__)
    if isinstance(value, int) and not -2**31 <= value < 2**31:
        return False
    return bool(C.kpi_date_is_valid(date_in(value, allow_none=False)))


def fiscal_year(value: Any) -> int:
    """The Japanese fiscal year (April-March) a date falls in: 2018-03-31 is
    in fiscal year 2017 (kpi_date_fiscal_year)."""
    n = date_in(value, allow_none=False)
    if not C.kpi_date_is_valid(n):
        raise KpiDateError("%r is not a date" % (value,), function="fiscal_year")
    return cast(int, C.kpi_date_fiscal_year(n))


def fiscal_range(year: int) -> Tuple[Optional[datetime.date], Optional[datetime.date]]:
    """(first day, last day) of Japanese fiscal year ``year``: 2017 ->
    (2017-04-01, 2018-03-31) (kpi_date_fiscal_range)."""
    first, last = ctypes.c_int32(), ctypes.c_int32()
    C.kpi_date_fiscal_range(ctypes.byref(first), ctypes.byref(last), _i32(year, "year"))
    return date_out(first.value), date_out(last.value)


def date_diff(start: Any, end: Any) -> int:
    """Days from ``start`` to ``end``, negative when ``end`` is earlier
    (kpi_date_diff): 2017-04-01 .. 2017-09-30 is 182."""
    out = ctypes.c_int32()
    C.kpi_date_diff(ctypes.byref(out), date_in(start, allow_none=False),
                    date_in(end, allow_none=False))
    return out.value


def add_days(value: Any, days: int) -> Optional[datetime.date]:
    """The date ``days`` after ``value`` (before it when negative)
    (kpi_date_add_days)."""
    out = ctypes.c_int32()
    C.kpi_date_add_days(ctypes.byref(out), date_in(value, allow_none=False),
                        _i32(days, "days"))
    return date_out(out.value)


def _i32(value: int, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("%s must be an int, not %s" % (what, type(value).__name__))
    if not -2**31 <= value < 2**31:
        raise KpiDateError("%s %d is out of range" % (what, value), function=what)
    return value
