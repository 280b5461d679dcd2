"""Values from numpy and pandas, recognised without importing either (the
package needs neither): their missing-value markers and their date and
number scalars, turned into the plain Python values the converters take.
"""

from __future__ import annotations

import decimal
import math
import numbers
import operator
from typing import Any, Tuple, TypeVar, Union

# Python registers int as a numbers.Integral and float as a numbers.Real, but
# typeshed's int and float do not derive from them (and their methods differ),
# so mypy calls "a numbers.Integral that is not an int" impossible and flags
# the tests below as unreachable code. They are not: numpy's scalars are such
# numbers.
# mypy: disable-error-code="unreachable"

_T = TypeVar("_T")


def _is(value: object, module: str, names: Tuple[str, ...]) -> bool:
    cls = type(value)
    return cls.__name__ in names and getattr(cls, "__module__", "").startswith(module)


def is_missing(value: object) -> bool:
    """None, a float NaN (as pandas fills a missing cell), pandas' NA and
    NaT, numpy's NaT: "no value"."""
    if value is None or is_nan(value):
        return True
    if _is(value, "pandas", ("NAType", "NaTType")):
        return True
    if _is(value, "numpy", ("datetime64", "timedelta64")):
        return str(value) == "NaT"
    return False


def plain_date(value: Any) -> Any:
    """A numpy datetime64 as a datetime.date; anything else as it is (a
    pandas Timestamp is already a datetime.datetime)."""
    if _is(value, "numpy", ("datetime64",)):
        return value.astype("datetime64[D]").item()
    return value


def plain_int(value: _T) -> Union[_T, int]:
    """An integer of any kind (numpy's included) as an int; anything else,
    bool included, as it is."""
    if isinstance(value, numbers.Integral) and not isinstance(value, bool) and \
            not isinstance(value, int):
        return operator.index(value)
    return value


def plain_number(value: _T) -> Union[_T, int, float]:
    """A Decimal as the nearest float (libkpi keeps doubles); a numpy number
    as a Python one; NaN stays NaN."""
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, numbers.Integral) and not isinstance(value, (int, bool)):
        return operator.index(value)
    if isinstance(value, numbers.Real) and not isinstance(value, (float, int)):
        return float(value)
    return value


def is_nan(value: object) -> bool:
    return isinstance(value, float) and math.isnan(value)
