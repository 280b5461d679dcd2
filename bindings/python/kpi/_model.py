"""The model: Plan, Goal, Target, Measurement, Assessment, and progress:
Update, Directive.

Conventions (see docs/python.md):

- text is ``str`` (``""`` when not set; assigning ``None`` or ``""``
  clears an optional text);
- optional values are ``float`` or ``None`` (C's NaN); assigning ``None``
  (or NaN) clears them;
- dates are ``datetime.date`` or ``None`` (C's 0); see kpi._dates for what
  a setter accepts;
- enumerations are the IntEnum classes of kpi._enums; setters also take
  their names.
"""

from __future__ import annotations

import ctypes
import datetime
import math
import numbers
import os
import weakref
from typing import (TYPE_CHECKING, Any, Callable, Dict, Iterable, Iterator, List, NamedTuple,
                    Optional, Sequence, Set, Tuple, Type, TypeVar, Union, cast, overload)

from . import _dates
from ._capi import C, path_in, take_text, text_in
from ._dates import FIRST, LAST, date_in, date_out
from ._foreign import is_missing, plain_number
from ._enums import (TARGET_FIELDS, Accumulate, Direction, Encoding, Field, Kind, ProblemKind,
                     Rating, Schedule, Status, WarningKind, WriteFlags, enum_out)
from ._errors import (KPI_ERR_NOT_FOUND, KPI_OK, KpiArgumentError, KpiDateError, KpiDuplicate,
                      KpiNotFound, KpiRangeError, KpiValueError, error_class)
from ._handle import Borrowed, Owner
from ._scale import Scale, held_scale, hold_scale

if TYPE_CHECKING:
    from ._scale import ScaleArg
    import os

    from ._errors import KpiError
    from ._evaluation import Evaluation, Policy

# A date as the package takes it (see kpi._dates): a datetime.date or
# datetime.datetime, a str libkpi reads ("2017-09-30", "平成29年度"), an int
# YYYYMMDD, a numpy datetime64 or a pandas Timestamp, or None (pandas' NA,
# NaT) for none; checked at run time.
DateLike = Any
# A file argument: a path (str, bytes or os.PathLike) or a binary file object
# (anything with read() or write(), as the method needs); checked at run time.
FileLike = Any
# A function of libkpi (an attribute of kpi._capi.C, typed Any there).
_CFunction = Callable[..., Any]
# The wrappers that have a _call(): a plan and the objects of a plan.
_Node = Union["Plan", "_PlanChild"]

_T = TypeVar("_T")
_PlanT = TypeVar("_PlanT", bound="Plan")
# The enumerations whose setters take a member, its name or an int (each
# converts with its own of()).
_EnumT = TypeVar("_EnumT", Accumulate, Direction, Field, Kind, Rating, Schedule, Status)


class Note(NamedTuple):
    """A note of a plan or a goal (市長指示事項, 評価基準, ...)."""
    code: Optional[str]  #: the note's code, None when it has none
    text: str


class ReaderWarning(NamedTuple):
    """A warning of the last read, e.g. an unknown column, or fields read
    from a target's text."""
    message: str  #: e.g. 'structure.csv:1: column "memo" is not known and was ignored'
    line: int     #: the line it refers to, 0 when none
    #: WarningKind.IGNORED (something in the file was not used) or
    #: WarningKind.INFERRED (fields were read from a target's text, or could not be)
    kind: Union[WarningKind, int] = WarningKind.IGNORED


class Problem(NamedTuple):
    """A problem Plan.validate() found."""
    #: ProblemKind.INCOMPLETE, INVALID (a target) or UNANSWERED (a directive)
    kind: Union[ProblemKind, int]
    code: str      #: the code of the target or directive concerned
    message: str   #: e.g. 'target "3-3-c": DECREASE target needs a start value'


# ---------------------------------------------------------------------------
# Conversions


def opt_float(value: float) -> Optional[float]:
    """C double -> float, NaN -> None."""
    return None if math.isnan(value) else value


def float_in(value: object, what: str, allow_none: bool = True) -> float:
    """float, int, Decimal, a numpy number or None (pandas' NA) -> C double
    (None -> NaN). Infinities are passed on: libkpi refuses them with
    KpiValueError."""
    if is_missing(value) and allow_none:
        return math.nan
    value = plain_number(value)
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError("%s must be a number%s, not %s" % (
            what, " or None" if allow_none else "", type(value).__name__))
    return float(value)


def _text_property(getter: str, setter: Optional[str] = None,
                   doc: Optional[str] = None) -> property:
    get_fn = getattr(C, getter)

    def fget(self: _Node) -> str:
        return cast(str, self._call(get_fn))

    fset: Optional[Callable[[_Node, Optional[str]], None]] = None
    if setter:
        set_fn = getattr(C, setter)
        name = setter.rsplit("_set_", 1)[1]

        def fset(self: _Node, value: Optional[str]) -> None:
            self._call(set_fn, text_in(value, name))
    return property(fget, fset, doc=doc)


def _float_property(getter: str, setter: Optional[str] = None, doc: Optional[str] = None,
                    optional: bool = True) -> property:
    get_fn = getattr(C, getter)

    def fget(self: _Node) -> Optional[float]:
        value = self._call(get_fn)
        return opt_float(value) if optional else value

    fset: Optional[Callable[[_Node, object], None]] = None
    if setter:
        set_fn = getattr(C, setter)
        name = setter.rsplit("_set_", 1)[1]

        def fset(self: _Node, value: object) -> None:
            self._call(set_fn, float_in(value, name, allow_none=optional))
    return property(fget, fset, doc=doc)


def _date_property(getter: str, setter: Optional[str] = None, doc: Optional[str] = None,
                   which: str = LAST, optional: bool = True) -> property:
    get_fn = getattr(C, getter)

    def fget(self: _Node) -> Optional[datetime.date]:
        return date_out(self._call(get_fn))

    fset: Optional[Callable[[_Node, DateLike], None]] = None
    if setter:
        set_fn = getattr(C, setter)
        name = setter.rsplit("_set_", 1)[1]

        def fset(self: _Node, value: DateLike) -> None:
            self._call(set_fn, date_in(value, name, allow_none=optional, which=which))
    return property(fget, fset, doc=doc)


def _enum_property(cls: Type[_EnumT], getter: str, setter: Optional[str] = None,
                   doc: Optional[str] = None) -> property:
    get_fn = getattr(C, getter)

    def fget(self: _Node) -> Union[_EnumT, int]:
        return enum_out(cls, self._call(get_fn))

    fset: Optional[Callable[[_Node, Any], None]] = None
    if setter:
        set_fn = getattr(C, setter)

        def fset(self: _Node, value: Any) -> None:  # value: what cls.of() takes
            self._call(set_fn, cls.of(value))
    return property(fget, fset, doc=doc)


class _View(Sequence[_T]):
    """A live, read-only sequence of an object's children: len() and
    indexing ask libkpi each time, so it follows additions."""

    __slots__ = ("_parent", "_count", "_at", "_wrap", "_what")

    def __init__(self, parent: _Node, count: _CFunction, at: _CFunction,
                 wrap: Callable[[_CFunction, int], _T], what: str) -> None:
        self._parent = parent
        self._count = count
        self._at = at
        self._wrap = wrap
        self._what = what

    def __len__(self) -> int:
        return cast(int, self._parent._call(self._count))

    @overload
    def __getitem__(self, index: int) -> _T: ...

    @overload
    def __getitem__(self, index: slice) -> List[_T]: ...

    def __getitem__(self, index: Union[int, slice]) -> Union[_T, List[_T]]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if isinstance(index, bool) or not isinstance(index, int):
            raise TypeError("%s indices must be integers or slices, not %s"
                            % (self._what, type(index).__name__))
        n = len(self)
        i = index + n if index < 0 else index
        if not 0 <= i < n:
            raise KpiRangeError("%s index %d out of range (%d)" % (self._what, index, n),
                                function=self._what)
        return self._wrap(self._at, i)

    def __repr__(self) -> str:
        return "[%s]" % ", ".join(repr(x) for x in self)

    def __eq__(self, other: object) -> bool:
        # As lists compare: the same objects in the same order (wrappers
        # are equal when they stand for the same libkpi object). A view
        # follows its owner, so it has no hash, as a list has none.
        if isinstance(other, (_View, list)):
            return list(self) == list(other)
        return NotImplemented

    def __ne__(self, other: object) -> bool:
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    __hash__ = None  # type: ignore[assignment]


def _wrap_at(owner: _Node, cls: Callable[[Plan, int], _T]) -> Callable[[_CFunction, int], _T]:
    def wrap(at: _CFunction, i: int) -> _T:
        return cls(owner._plan_wrapper(), owner._call(at, i))
    return wrap


def _note_list(obj: _Node, count: _CFunction, note_at: _CFunction,
               code_at: _CFunction) -> List[Note]:
    h = obj._h
    with h.lock:
        ptr = h.get() if obj._ptr_is_handle else cast(_PlanChild, obj)._ptr
        notes = []
        for i in range(count(ptr)):
            code = code_at(ptr, i)
            notes.append(Note(code or None, note_at(ptr, i)))
        return notes


# ---------------------------------------------------------------------------
# Plan


class Plan(Owner):
    """A plan (重点目標一覧): the root that owns goals, targets, measurements,
    assessments and notes.

    ``Plan("ueda-2017", "平成29年度 重点目標", fiscal_year=2017)`` makes an
    empty plan; :meth:`read_csv` loads one from its two files. Iterating a
    plan gives its top-level goals; ``plan["3-2-a"]`` finds a goal or a
    target of any depth by code. The plan is freed when it is closed
    (``close()`` or a ``with`` block) or collected; goals and targets keep
    it alive while they are reachable.
    """

    _ptr_is_handle = True

    #: The Scale last set, kept: it knows how it was made (pickling).
    _scale: Optional[Scale]

    def __init__(self, id: str, title: Optional[str] = None, *,
                 organization: Optional[str] = None, department: Optional[str] = None,
                 fiscal_year: Optional[int] = None,
                 period: Optional[Tuple[DateLike, DateLike]] = None,
                 report_date: DateLike = None) -> None:
        out = ctypes.c_void_p()
        C.kpi_plan_new(ctypes.byref(out), text_in(id, "id", allow_none=False))
        self._adopt(out.value, "plan", C.kpi_plan_free)
        self.warnings: List[ReaderWarning] = []
        self.detected_encoding: Optional[Union[Encoding, int]] = None
        if title is not None:
            self.title = title
        if organization is not None:
            self.organization = organization
        if department is not None:
            self.department = department
        if fiscal_year is not None and period is not None:
            raise TypeError("give fiscal_year or period, not both")
        if fiscal_year is not None:
            self.set_fiscal_year(fiscal_year)
        if period is not None:
            self.period = period
        if report_date is not None:
            self.report_date = report_date

    @classmethod
    def _from_ptr(cls: Type[_PlanT], ptr: Optional[int]) -> _PlanT:
        self = cls.__new__(cls)
        self._adopt(ptr, "plan", C.kpi_plan_free)
        self.warnings = []
        self.detected_encoding = None
        return self

    def _plan_wrapper(self) -> Plan:
        return self

    # -- files -------------------------------------------------------------

    @classmethod
    def read_csv(cls: Type[_PlanT], structure: FileLike, progress: FileLike = None,
                 encoding: Union[Encoding, int, str, None] = "auto", infer: bool = True,
                 prose_confidence: float = 1.0, threads: Optional[int] = None) -> _PlanT:
        """Reads a plan from its structure file and, optionally, its progress
        file (docs/csv-format.md). ``structure`` and ``progress`` are paths
        (str, bytes or os.PathLike) or binary file objects. ``encoding`` is
        "auto" (UTF-8 when valid, else CP932), "utf-8" or "cp932".

        With ``infer`` (the default) a target's empty structured columns
        (unit, kind, direction, value, change_pct, due, and the label) are
        read from its ``text`` by the phrase parser: each field filled is
        marked in ``target.inferred`` and reported as a warning of kind
        WarningKind.INFERRED. What a progress row left empty (its status, a
        target's figure) is read from its text likewise, when the reading's
        confidence is at least ``prose_confidence`` (1: only certain
        readings; docs/progress.md). ``infer=False`` leaves them all empty.
        ``threads`` is how many threads the read may use, with the same plan
        and warnings on any number (kpi_reader_set_threads()): by default
        (None) the machine's cores, as kpi-report, since a script is a
        program of its own; 1 (or 0) keeps to the calling thread.

        Returns the plan; the reader's warnings (unknown columns, fields read
        from a text, ...) are in ``plan.warnings`` (a list of ReaderWarning)
        and the encoding found in ``plan.detected_encoding``. Raises a
        KpiError subclass (KpiIOError, KpiParseError, KpiDateError, ...)
        whose message names the file, line and column; no plan is made then.
        """
        if hasattr(structure, "read") or hasattr(progress, "read"):
            s = structure.read() if hasattr(structure, "read") else _read_file(structure)
            p = None
            if progress is not None:
                p = progress.read() if hasattr(progress, "read") else _read_file(progress)
            return cls.read_csv_bytes(s, p, encoding, infer, prose_confidence, threads)
        s_path = path_in(structure, "structure")
        if s_path is None:
            raise TypeError("structure is required")
        p_path = path_in(progress, "progress")
        return _read(cls, encoding, infer, prose_confidence,
                     lambda out, reader: C.kpi_reader_read_files(out, reader, s_path, p_path),
                     threads)

    @classmethod
    def read_csv_bytes(cls: Type[_PlanT], structure: Union[bytes, str],
                       progress: Union[bytes, str, None] = None,
                       encoding: Union[Encoding, int, str, None] = "auto", infer: bool = True,
                       prose_confidence: float = 1.0, threads: Optional[int] = None) -> _PlanT:
        """Reads a plan from the contents of its files (bytes, or str which
        is encoded as UTF-8). Messages name the sources "structure" and
        "progress". Otherwise as read_csv()."""
        s = _bytes_in(structure, "structure")
        if s is None:
            raise TypeError("structure is required")
        p = _bytes_in(progress, "progress")
        return _read(cls, encoding, infer, prose_confidence,
                     lambda out, reader: C.kpi_reader_read_buffers(
                         out, reader, s, len(cast(bytes, s)), p, 0 if p is None else len(p)),
                     threads)

    @classmethod
    def read_xlsx(cls: Type[_PlanT], workbook: Union[FileLike, bytes], infer: bool = True,
                  prose_confidence: float = 1.0, threads: Optional[int] = None) -> _PlanT:
        """Reads a plan from a plan workbook (.xlsx: the sheets 計画 and 進捗,
        as write_xlsx() writes them; kpi/xlsx.h). ``workbook`` is a path
        (str, bytes or os.PathLike, as in read_csv()), a binary file object,
        or the workbook's contents as a bytearray or memoryview (what
        to_xlsx_bytes() gives, wrapped). The CSV reader's rules apply
        (``infer``, ``prose_confidence``, ``threads`` as read_csv()), and its
        errors name the sheet and the cell (``plan.xlsx: sheet 進捗: C14:
        ...``)."""
        if hasattr(workbook, "read") or isinstance(workbook, (bytearray, memoryview)):
            data = bytes(workbook.read() if hasattr(workbook, "read") else workbook)
            return _read(cls, "auto", infer, prose_confidence,
                         lambda out, reader: C.kpi_reader_read_xlsx_buffer(
                             out, reader, data, len(data)), threads)
        path = path_in(workbook, "workbook")
        if path is None:
            raise TypeError("workbook is required")
        return _read(cls, "auto", infer, prose_confidence,
                     lambda out, reader: C.kpi_reader_read_xlsx(out, reader, path), threads)

    def write_xlsx(self, workbook: FileLike) -> None:
        """Writes the plan as a plan workbook (the sheets 計画 and 進捗 with
        the files' columns, drop-down lists and date checks for staff to
        fill in): to a path (written beside it and renamed over it only when
        complete) or a binary file object. read_xlsx() reads it back to the
        same plan."""
        if hasattr(workbook, "write"):
            workbook.write(self.to_xlsx_bytes())
            return
        self._call(C.kpi_plan_write_xlsx, path_in(workbook, "workbook"))

    def to_xlsx_bytes(self) -> bytes:
        """The plan workbook write_xlsx() writes, as bytes."""
        return self._call(_render_xlsx)

    def write_csv(self, structure: FileLike, progress: FileLike = None, *, bom: bool = True,
                  crlf: bool = False, raw: bool = False) -> None:
        """Writes the structure file and, unless ``progress`` is None, the
        progress file. ``structure`` and ``progress`` are paths (str, bytes
        or os.PathLike) or binary file objects (anything with ``write``).
        A path is written beside its destination and renamed over it only
        when complete; two paths of one file are refused (KpiArgumentError)
        before anything is written. UTF-8 with a BOM by default (as Excel
        wants it), LF line ends unless ``crlf``. A text a spreadsheet would
        take for a formula (it begins with = + - @, a tab or a CR) is
        written with an apostrophe before it, which spreadsheets show as
        text and read_csv() takes away again; ``raw=True`` writes texts as
        they are, for programs."""
        flags = _flags(bom, crlf, raw)
        if hasattr(structure, "write") or hasattr(progress, "write"):
            _write_objects(self, structure, progress, flags)
            return
        self._call(_write_files, path_in(structure, "structure"),
                   path_in(progress, "progress"), flags)

    def to_csv_bytes(self, *, bom: bool = True, crlf: bool = False,
                     raw: bool = False) -> Tuple[bytes, bytes]:
        """The two files as bytes: ``(structure, progress)``; options as
        write_csv()."""
        flags = _flags(bom, crlf, raw)
        return (self._call(_write_buffer, C.kpi_plan_write_structure, flags),
                self._call(_write_buffer, C.kpi_plan_write_progress, flags))

    def to_pandas(self) -> Tuple[Any, Any]:  # (pandas DataFrames)
        """The plan's two files as pandas DataFrames, ``(structure,
        progress)``, with the files' columns (docs/csv-format.md): figures
        ``float64`` (NaN where empty), dates ``datetime64[ns]`` (NaT), a
        progress row's ``rating`` an ordered categorical × < △ < ○ < ◎,
        every other column text ("" where empty). Made from the bytes
        to_csv_bytes() gives, in one call into libkpi; pandas is imported
        on the first call. :meth:`from_pandas` reads the frames back."""
        from ._pandas import plan_frames
        return plan_frames(*self.to_csv_bytes())

    @classmethod
    def from_pandas(cls: Type[_PlanT], structure: Any, progress: Any = None,
                    encoding: Union[Encoding, int, str, None] = "utf-8", infer: bool = True,
                    prose_confidence: float = 1.0, threads: Optional[int] = None) -> _PlanT:
        """A plan from two DataFrames with the columns of the plan files, as
        to_pandas() gives them or as a city's spreadsheet holds them:
        written as the files (dates as YYYY-MM-DD, numbers exactly, missing
        cells empty) and read as read_csv_bytes() reads them, with the same
        rules, warnings and errors (sources "structure" and "progress")."""
        from ._pandas import plan_csv
        s = plan_csv(structure, "structure")
        p = None if progress is None else plan_csv(progress, "progress")
        return cls.read_csv_bytes(s, p, encoding, infer, prose_confidence, threads)

    def __reduce__(self) -> Tuple[Callable[[bytes, bytes], Plan], Tuple[bytes, bytes]]:
        # Pickled as its two files, which read back to the same plan (the
        # writer's round trip is byte for byte): so plans cross processes
        # (ProcessPoolExecutor) and copy.deepcopy() makes an independent plan.
        structure, progress = self.to_csv_bytes()
        return (_plan_from_files, (structure, progress))

    # -- fields ------------------------------------------------------------

    id = _text_property("kpi_plan_id", "kpi_plan_set_id", "The plan's id (its code), non-empty.")
    title = _text_property("kpi_plan_title", "kpi_plan_set_title", "The plan's title.")
    organization = _text_property("kpi_plan_organization", "kpi_plan_set_organization",
                                  "The organization, e.g. 上田市.")
    department = _text_property("kpi_plan_department", "kpi_plan_set_department",
                                "The department (担当部局名), e.g. 政策企画部.")
    start = _date_property("kpi_plan_start", doc="The first day of the period as set, or None "
                           "(then each evaluation uses the fiscal year of its as-of date).")
    end = _date_property("kpi_plan_end", doc="The last day of the period as set, or None.")

    @property
    def period(self) -> Optional[Tuple[Optional[datetime.date], Optional[datetime.date]]]:
        """(start, end) as set, or None. Assign a pair of dates, or None to clear."""
        h = self._h
        with h.lock:
            p = h.get()
            start, end = C.kpi_plan_start(p), C.kpi_plan_end(p)
        return None if not start and not end else (date_out(start), date_out(end))

    @period.setter
    def period(self, value: Optional[Tuple[DateLike, DateLike]]) -> None:
        if value is None:
            self.set_period(None, None)
            return
        try:
            start, end = value
        except (TypeError, ValueError):
            raise TypeError("period must be a (start, end) pair or None") from None
        self.set_period(start, end)

    def set_period(self, start: DateLike, end: DateLike) -> None:
        """Sets the plan's period; both None clears it."""
        self._call(C.kpi_plan_set_period, date_in(start, "start", which=FIRST),
                   date_in(end, "end", which=LAST))

    report_date = _date_property("kpi_plan_report_date", "kpi_plan_set_report_date",
                                 "The report date (基準日), or None: the as-of date of "
                                 "evaluate() and validate() when they are given none. "
                                 "Assign a date, or None to clear it.")

    @property
    def scale(self) -> Optional[Scale]:
        """The scale the plan names (its structure file's ``scale`` column),
        which evaluate() rates on unless the policy sets one; None for none.
        Set a Scale, a built-in id ("nagayo") or a scale file's path (the
        file names it by its id then), or None."""
        return held_scale(self, C.kpi_plan_scale)

    @scale.setter
    def scale(self, value: Optional[ScaleArg]) -> None:
        # Kept: it knows how it was made (pickling).
        self._scale = hold_scale(self, C.kpi_plan_set_scale, value)

    @property
    def scale_name(self) -> str:
        """How the structure file names the scale: a built-in id or the path
        it was read from, as written; "" when the plan names none."""
        return cast(str, self._call(C.kpi_plan_scale_name))

    def set_fiscal_year(self, fiscal_year: int) -> None:
        """Sets the period to a Japanese fiscal year (2017: 2017-04-01 to 2018-03-31)."""
        self._call(C.kpi_plan_set_fiscal_year, _dates._i32(fiscal_year, "fiscal_year"))

    @property
    def last_error(self) -> Optional[KpiError]:
        """The error of the last change to the plan or anything in it (a
        setter, an ``add_`` method) that libkpi refused, as the KpiError
        subclass that was raised then (``code``, ``name``, ``message``), not
        raised again; None when none has failed since the plan was made or
        read (kpi_plan_error_code(), kpi_plan_error_message()). Its
        ``function`` is None: libkpi keeps no record of which call failed.
        It stays until another change fails: a later successful change, or
        a lookup that finds nothing, leaves it. Errors the binding finds
        before calling libkpi (a wrong type, a bad field of add_target())
        are not recorded."""
        h = self._h
        with h.lock:
            p = h.get()
            code = C.kpi_plan_error_code(p)
            if code == KPI_OK:
                return None
            message = C.kpi_plan_error_message(p)
        return error_class(code)(message or "error %d" % code, code)

    # -- goals and targets --------------------------------------------------

    @property
    def goals(self) -> _View[Goal]:
        """The top-level goals, in the order added (a live sequence)."""
        return _View(self, C.kpi_plan_goal_count, C.kpi_plan_goal_at,
                     _wrap_at(self, Goal), "goal")

    def __len__(self) -> int:
        """The number of top-level goals."""
        return cast(int, self._call(C.kpi_plan_goal_count))

    def __iter__(self) -> Iterator[Goal]:
        """The top-level goals."""
        return iter(self.goals)

    def add_goal(self, code: str, title: Optional[str] = None, *,
                 weight: object = None) -> Goal:
        """Adds a top-level goal at the end and returns it. KpiDuplicate when
        a goal or target of the plan already has the code."""
        if weight is not None:
            _check_weight(weight)
        goal = Goal(self, self._call(C.kpi_plan_add_goal,
                                     text_in(code, "code", allow_none=False),
                                     text_in(title, "title")))
        if weight is not None:
            goal.weight = weight
        return goal

    def find_goal(self, code: str) -> Goal:
        """The goal of any depth with this code; KpiNotFound when none."""
        return Goal(self, self._call(C.kpi_plan_find_goal,
                                     text_in(code, "code", allow_none=False)))

    def find_target(self, code: str) -> Target:
        """The target with this code; KpiNotFound when none."""
        return Target(self, self._call(C.kpi_plan_find_target,
                                       text_in(code, "code", allow_none=False)))

    def __getitem__(self, code: str) -> Union[Goal, Target, Directive]:
        """``plan["3-2"]`` is a Goal, ``plan["3-2-a"]`` a Target,
        ``plan["D1"]`` a Directive: goals, targets and directives share one
        namespace of codes. KpiNotFound (a KeyError) when none has the code."""
        if not isinstance(code, str):
            raise TypeError("plan[...] takes a goal, target or directive code (str), not "
                            "%s; use plan.goals[i] for the i-th top-level goal"
                            % type(code).__name__)
        try:
            return self.find_goal(code)
        except KpiNotFound:
            pass
        try:
            return self.find_target(code)
        except KpiNotFound:
            pass
        try:
            return self.find_directive(code)
        except KpiNotFound as e:
            raise KpiNotFound('plan "%s": no goal, target or directive with code "%s"'
                              % (self.id, code), KPI_ERR_NOT_FOUND, e.source, e.line,
                              e.column, "kpi_plan_find_directive") from None

    def get(self, code: str,
            default: Optional[_T] = None) -> Union[Goal, Target, Directive, _T, None]:
        """The goal, target or directive with this code, or ``default``."""
        try:
            return self[code]
        except KpiNotFound:
            return default

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and self.get(code) is not None

    def walk(self) -> Iterator[Goal]:
        """Every goal, depth first in plan order (each goal before its children)."""
        for goal in self.goals:
            yield goal
            yield from goal.walk()

    def all_goals(self) -> List[Goal]:
        """Every goal of any depth, in plan order (a list)."""
        return list(self.walk())

    def all_targets(self) -> List[Target]:
        """Every target, in plan order (a list)."""
        return [t for g in self.walk() for t in g.targets]

    @property
    def total_goal_count(self) -> int:
        """The number of goals of every depth."""
        return cast(int, self._call(C.kpi_plan_total_goal_count))

    @property
    def total_target_count(self) -> int:
        """The number of targets."""
        return cast(int, self._call(C.kpi_plan_total_target_count))

    # -- directives ----------------------------------------------------------

    @property
    def directives(self) -> _View[Directive]:
        """The directives (指示事項), in the order added (a live sequence)."""
        return _View(self, C.kpi_plan_directive_count, C.kpi_plan_directive_at,
                     _wrap_at(self, Directive), "directive")

    def add_directive(self, code: str, text: str, *, issuer: Optional[str] = None,
                      date: DateLike = None,
                      goals: Union[Goal, str, Iterable[Union[Goal, str]]] = ()) -> Directive:
        """Adds a directive (指示事項) and returns it. ``code`` must be unused
        by any goal, target or directive (KpiDuplicate); ``text`` is the
        instruction, not empty. ``issuer`` defaults to 市長; ``date`` is when
        it was given (a month or fiscal year means its first day); ``goals``
        are the goals it is addressed to (Goal objects of this plan or their
        codes; none: the whole plan). Everything is checked before the
        directive is added, so a bad argument leaves the plan unchanged."""
        c = text_in(code, "code", allow_none=False)
        t = text_in(text, "text", allow_none=False)
        who = text_in(issuer, "issuer")
        day = _valid_date(date, "date", FIRST)
        if isinstance(goals, (str, Goal)):
            goals = [goals]
        targets = []
        for goal in goals:
            ptr = _goal_of(self, goal)._ptr
            if ptr in targets:
                raise KpiDuplicate("directive \"%s\": goal %r is given twice" % (code, goal),
                                   function="add_directive")
            targets.append(ptr)
        h = self._h
        with h.lock:
            ptr = C.kpi_plan_add_directive(h.get(), c, t)
            if day:
                C.kpi_directive_set_date(ptr, day)
            if who is not None:
                C.kpi_directive_set_issuer(ptr, who)
            for goal_ptr in targets:
                C.kpi_directive_add_goal(ptr, goal_ptr)
        return Directive(self, ptr)

    def find_directive(self, code: str) -> Directive:
        """The directive with this code; KpiNotFound when none."""
        return Directive(self, self._call(C.kpi_plan_find_directive,
                                          text_in(code, "code", allow_none=False)))

    # -- notes -------------------------------------------------------------

    @property
    def notes(self) -> List[Note]:
        """The plan's notes (市長指示事項, 評価基準, ...): a list of Note."""
        return _note_list(self, C.kpi_plan_note_count, C.kpi_plan_note_at,
                          C.kpi_plan_note_code_at)

    def add_note(self, text: str, code: Optional[str] = None) -> None:
        """Appends a note (non-empty text, optional code)."""
        self._call(C.kpi_plan_add_note, text_in(code, "code"),
                   text_in(text, "text", allow_none=False))

    # -- rating ------------------------------------------------------------

    def evaluate(self, as_of: DateLike = None, policy: Optional[Policy] = None,
                 **settings: object) -> Evaluation:
        """Rates the plan as of a date and returns an Evaluation, a snapshot
        that stays valid after the plan changes or is closed. Without
        ``as_of``, the plan's report date (``report_date``, 基準日) when it
        has one, else today.

        ``policy`` is a Policy (or None for the defaults); keyword settings
        override it for this call only: ``ahead``, ``on_track``, ``rollup``
        ("criteria", "worst", "weighted"), ``use_assessments``,
        ``directive_days``. The
        evaluation has no language: its reasons and reports are made in the
        language asked for when they are read (Result.reason_in(),
        Evaluation.render(), Evaluation.to_records()).
        """
        from ._evaluation import Evaluation, Policy  # (imports this module)
        if as_of is None:
            # 0 is the plan's report date for libkpi; today when it has none
            day = 0 if self._call(C.kpi_plan_report_date) else date_in(
                datetime.date.today())
        else:
            day = date_in(as_of, "as_of", allow_none=False)
        temporary = None
        if settings:
            temporary = Policy.from_settings(policy, **settings)
            policy = temporary
        elif policy is not None and not isinstance(policy, Policy):
            raise TypeError("policy must be a kpi.Policy or None, not %s"
                            % type(policy).__name__)
        try:
            out = ctypes.c_void_p()
            h = self._h
            with h.lock:
                plan_ptr = h.get()
                if policy is None:
                    C.kpi_evaluate(ctypes.byref(out), plan_ptr, day, None)
                else:
                    ph = policy._h
                    with ph.lock:
                        C.kpi_evaluate(ctypes.byref(out), plan_ptr, day, ph.get())
            ev = Evaluation._from_ptr(out.value)
            ev._plan = weakref.ref(self)  # for pickling: what it was made from
            ev._scale = ev.scale  # while the policy's Scale lives: how it was made
            return ev
        finally:
            if temporary is not None:
                temporary.close()

    def validate(self, as_of: DateLike = None,
                 policy: Optional[Policy] = None) -> List[Problem]:
        """What keeps targets from being rated, and the directives left
        unanswered, without evaluating: a list of Problem(kind, code,
        message), ``kind`` a ProblemKind (INCOMPLETE or INVALID for a target,
        UNANSWERED for a directive). Directives are checked as of ``as_of``,
        by default the plan's report date (none: directives are not
        checked), against the ``policy``'s directive_days (None: the
        default, 90)."""
        from ._evaluation import Policy  # (imports this module)
        day = 0 if as_of is None else date_in(as_of, "as_of", allow_none=False)
        if policy is not None and not isinstance(policy, Policy):
            raise TypeError("policy must be a kpi.Policy or None, not %s"
                            % type(policy).__name__)
        out = ctypes.c_void_p()
        h = self._h
        with h.lock:
            plan_ptr = h.get()
            if policy is None:
                C.kpi_validate(ctypes.byref(out), plan_ptr, day, None)
            else:
                ph = policy._h
                with ph.lock:
                    C.kpi_validate(ctypes.byref(out), plan_ptr, day, ph.get())
        problems = out.value
        try:
            return [Problem(enum_out(ProblemKind, C.kpi_problems_kind_at(problems, i)),
                            C.kpi_problems_object_at(problems, i),
                            C.kpi_problems_message_at(problems, i))
                    for i in range(C.kpi_problems_count(problems))]
        finally:
            C.kpi_problems_free(problems)

    def __repr__(self) -> str:
        if self.closed:
            return "<kpi.Plan (closed)>"
        return "<kpi.Plan %r %s>" % (self.id, self.title)


def _read_file(path: Union[str, bytes, os.PathLike[str], os.PathLike[bytes]]) -> bytes:
    with open(path, "rb") as f:
        return f.read()


def _bytes_in(value: object, what: str) -> Optional[bytes]:
    if value is None:
        return None
    if isinstance(value, str):
        return value.encode("utf-8")
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value)
    raise TypeError("%s must be bytes or str, not %s" % (what, type(value).__name__))


def default_threads() -> int:
    """The reader's thread count when a call names none: the machine's
    cores (as kpi-report counts them), at most KPI_READER_MAX_THREADS (64)."""
    return max(1, min(os.cpu_count() or 1, 64))


def _read(cls: Type[_PlanT], encoding: Union[Encoding, int, str, None], infer: bool,
          prose_confidence: float, read: Callable[[Any, Any], object],
          threads: Optional[int] = None) -> _PlanT:
    reader = ctypes.c_void_p()
    C.kpi_reader_new(ctypes.byref(reader))
    try:
        C.kpi_reader_set_encoding(reader, Encoding.of(encoding))
        C.kpi_reader_set_infer(reader, 1 if infer else 0)
        C.kpi_reader_set_prose_confidence(reader, float(prose_confidence))
        C.kpi_reader_set_threads(reader, default_threads() if threads is None else threads)
        out = ctypes.c_void_p()
        read(ctypes.byref(out), reader)
        plan = cls._from_ptr(out.value)  # owned from here on, whatever happens
        plan.warnings = [ReaderWarning(C.kpi_reader_warning_at(reader, i),
                                       C.kpi_reader_warning_line_at(reader, i),
                                       enum_out(WarningKind,
                                                C.kpi_reader_warning_kind_at(reader, i)))
                         for i in range(C.kpi_reader_warning_count(reader))]
        plan.detected_encoding = enum_out(Encoding, C.kpi_reader_detected_encoding(reader))
        return plan
    finally:
        C.kpi_reader_free(reader)


def _plan_from_files(structure: bytes, progress: bytes) -> Plan:
    """A plan from the bytes Plan.__reduce__() wrote (the files as written,
    with no reading of texts, which the writer already did)."""
    return Plan.read_csv_bytes(structure, progress, encoding="utf-8")


def _write_objects(plan: Plan, structure: FileLike, progress: FileLike, flags: int) -> None:
    """write_csv() into file objects (a path among them is written as a
    file). Both are made in memory first, so nothing is written when
    either cannot be made."""
    data = (plan._call(_write_buffer, C.kpi_plan_write_structure, flags),
            plan._call(_write_buffer, C.kpi_plan_write_progress, flags))
    for target, content, what in ((structure, data[0], "structure"),
                                  (progress, data[1], "progress")):
        if target is None:
            continue
        if hasattr(target, "write"):
            target.write(content)
        else:
            C.kpi_file_write(path_in(target, what), content, len(content))


def _flags(bom: bool, crlf: bool, raw: bool = False) -> int:
    flags = WriteFlags.DEFAULT
    if not bom:
        flags |= WriteFlags.NO_BOM
    if crlf:
        flags |= WriteFlags.CRLF
    if raw:
        flags |= WriteFlags.RAW
    return int(flags)


def _write_files(plan_ptr: int, structure: Optional[bytes], progress: Optional[bytes],
                 flags: int) -> int:
    if structure is None:
        raise TypeError("structure is required")
    return cast(int, C.kpi_plan_write_files(plan_ptr, structure, progress, flags))


def _write_buffer(plan_ptr: int, write: _CFunction, flags: int) -> bytes:
    out = ctypes.c_void_p()
    size = ctypes.c_size_t()
    write(ctypes.byref(out), ctypes.byref(size), plan_ptr, flags)
    return take_text(out.value, size.value)


def _render_xlsx(plan_ptr: int) -> bytes:
    out = ctypes.c_void_p()
    size = ctypes.c_size_t()
    C.kpi_plan_render_xlsx(ctypes.byref(out), ctypes.byref(size), plan_ptr)
    return take_text(out.value, size.value)


def _check_weight(weight: object) -> None:
    w = float_in(weight, "weight", allow_none=False)
    if not (math.isfinite(w) and w > 0):
        raise KpiValueError("weight must be finite and > 0, got %r" % (weight,),
                            function="weight")


def _goal_of(plan: Plan, goal: object) -> Goal:
    """A Goal of ``plan`` from a Goal or a code. A goal of another plan is
    refused here, as libkpi would refuse it, without passing its address
    under a lock that does not guard it."""
    if isinstance(goal, str):
        return plan.find_goal(goal)
    if not isinstance(goal, Goal):
        raise TypeError("goal must be a kpi.Goal or a goal code, not %s"
                        % type(goal).__name__)
    if goal._h is not plan._h:
        raise KpiArgumentError("goal %r belongs to another plan" % (goal,),
                               function="kpi_directive_add_goal")
    return goal


# ---------------------------------------------------------------------------
# Goal


class _PlanChild(Borrowed):
    __slots__ = ()
    _ptr_is_handle = False
    _owner: Plan  # (Borrowed's slot: the owner of a plan's objects is their Plan)

    def _plan_wrapper(self) -> Plan:
        return self._owner

    @property
    def plan(self) -> Plan:
        """The Plan this object belongs to."""
        return self._owner


class Goal(_PlanChild):
    """A goal (重点目標, 取組項目, ...), nested to any depth up to 32.

    Iterating a goal gives its targets and then its child goals (the order
    of evaluation results); ``len(goal)`` counts both. ``goal.targets`` and
    ``goal.goals`` give each kind alone.
    """

    __slots__ = ()

    code = _text_property("kpi_goal_code", "kpi_goal_set_code",
                          "The code; unique among the plan's goals and targets.")
    title = _text_property("kpi_goal_title", "kpi_goal_set_title", "The title.")
    weight = _float_property("kpi_goal_weight", "kpi_goal_set_weight",
                             "The weight in the parent's roll-up (default 1.0; > 0).",
                             optional=False)

    @property
    def depth(self) -> int:
        """1 for a top-level goal, parent's depth + 1 otherwise."""
        return cast(int, self._call(C.kpi_goal_depth))

    @property
    def parent(self) -> Optional[Goal]:
        """The parent Goal, or None for a top-level goal."""
        ptr = self._call(C.kpi_goal_parent)
        return Goal(self._owner, ptr) if ptr else None

    @property
    def goals(self) -> _View[Goal]:
        """The child goals (a live sequence)."""
        return _View(self, C.kpi_goal_goal_count, C.kpi_goal_goal_at,
                     _wrap_at(self, Goal), "goal")

    @property
    def targets(self) -> _View[Target]:
        """The targets of this goal, not of its children (a live sequence)."""
        return _View(self, C.kpi_goal_target_count, C.kpi_goal_target_at,
                     _wrap_at(self, Target), "target")

    @property
    def assessments(self) -> _View[Assessment]:
        """The assessments of the goal, in the order added."""
        return _View(self, C.kpi_goal_assessment_count, C.kpi_goal_assessment_at,
                     self._wrap_assessment, "assessment")

    def _wrap_assessment(self, at: _CFunction, i: int) -> Assessment:
        return Assessment(self._owner, self._call(at, i), self)

    @property
    def updates(self) -> _View[Update]:
        """The goal's updates (an initiative's 進捗状況), in the order added
        (a live sequence)."""
        return _View(self, C.kpi_goal_update_count, C.kpi_goal_update_at,
                     self._wrap_update, "update")

    def _wrap_update(self, at: _CFunction, i: int) -> Update:
        return Update(self._owner, self._call(at, i), self)

    def add_update(self, date: DateLike, text: Optional[str] = None,
                   status: Union[Status, int, str, None] = None, planned: DateLike = None,
                   author: Optional[str] = None) -> Update:
        """Appends an update (進捗状況) to the goal and returns it; see
        Target.add_update()."""
        return _add_update(self, C.kpi_goal_add_update, date, text, status, planned, author)

    @property
    def notes(self) -> List[Note]:
        """The goal's notes: a list of Note."""
        return _note_list(self, C.kpi_goal_note_count, C.kpi_goal_note_at,
                          C.kpi_goal_note_code_at)

    def __len__(self) -> int:
        h = self._h
        with h.lock:
            h.get()
            return cast(int, C.kpi_goal_target_count(self._ptr) +
                        C.kpi_goal_goal_count(self._ptr))

    def __iter__(self) -> Iterator[Union[Target, Goal]]:
        yield from self.targets
        yield from self.goals

    def walk(self) -> Iterator[Goal]:
        """Every descendant goal, depth first (each before its children)."""
        for goal in self.goals:
            yield goal
            yield from goal.walk()

    def add_goal(self, code: str, title: Optional[str] = None, *,
                 weight: object = None) -> Goal:
        """Adds a child goal and returns it (KpiLimitError past depth 32)."""
        if weight is not None:
            _check_weight(weight)
        goal = Goal(self._owner, self._call(C.kpi_goal_add_goal,
                                            text_in(code, "code", allow_none=False),
                                            text_in(title, "title")))
        if weight is not None:
            goal.weight = weight
        return goal

    def add_target(self, code: str, label: Optional[str] = None, **fields: object) -> Target:
        """Adds a target (NUMERIC, INCREASE unless ``fields`` say otherwise)
        and returns it. ``fields`` are Target properties: ``unit``, ``text``,
        ``kind``, ``direction``, ``schedule``, ``accumulate``, ``value``,
        ``start_value``, ``reference``, ``change_pct``, ``weight``,
        ``start``, ``due``, ``inferred``. They are checked before the target is added, so
        a bad one leaves the plan unchanged."""
        unknown = set(fields) - _TARGET_FIELDS
        if unknown:
            raise TypeError("unknown target field(s): %s" % ", ".join(sorted(unknown)))
        converted = _convert_target_fields(fields)
        c = text_in(code, "code", allow_none=False)
        lab = text_in(label, "label")
        h = self._h
        with h.lock:
            h.get()
            ptr = C.kpi_goal_add_target(self._ptr, c, lab)
            for setter, value in converted:
                setter(ptr, value)
        return Target(self._owner, ptr)

    def add_assessment(self, date: DateLike, rating: Union[Rating, int, str],
                       comment: Optional[str] = None,
                       author: Optional[str] = None) -> Assessment:
        """Records a person's rating of the goal (進捗度) and returns the
        Assessment. ``rating`` is a Rating, a symbol or a name."""
        return _add_assessment(self, C.kpi_goal_add_assessment, date, rating, comment, author)

    def add_note(self, text: str, code: Optional[str] = None) -> None:
        """Appends a note (non-empty text, optional code) to the goal."""
        self._call(C.kpi_goal_add_note, text_in(code, "code"),
                   text_in(text, "text", allow_none=False))

    def __repr__(self) -> str:
        if self._h.ptr is None:
            return "<kpi.Goal (plan closed)>"
        return "<kpi.Goal %r %s>" % (self.code, self.title)


def _add_assessment(obj: Union[Goal, Target], add: _CFunction, date: DateLike,
                    rating: Union[Rating, int, str], comment: Optional[str],
                    author: Optional[str]) -> Assessment:
    day = date_in(date, "date", allow_none=False)
    r = Rating.of(rating)
    c = text_in(comment, "comment")
    a = text_in(author, "author")
    h = obj._h
    with h.lock:
        h.get()
        ptr = add(obj._ptr, day, r, c)
        if a is not None:
            C.kpi_assessment_set_author(ptr, a)
    return Assessment(obj._owner, ptr, obj)


# ---------------------------------------------------------------------------
# Target


def _finite(value: object, what: str) -> float:
    v = float_in(value, what)
    if math.isinf(v):
        raise KpiValueError("%s must be finite, got %r" % (what, value), function=what)
    return v


def _valid_date(value: DateLike, what: str, which: str) -> int:
    d = date_in(value, what, which=which)
    if d and not C.kpi_date_is_valid(d):
        raise KpiDateError("%s: %r is not a date" % (what, value), function=what)
    return d


def _strict(cls: Type[_EnumT]) -> Callable[[object, str], _EnumT]:
    def convert(value: Any, what: str) -> _EnumT:  # value: what cls.of() takes
        v = cls.of(value)
        if not isinstance(v, cls):
            raise KpiValueError("%s: %r is not a %s" % (what, value, cls.__name__),
                                function=what)
        return v
    return convert


def _fields(value: Union[Field, int, str, None], what: str) -> Field:
    v = Field.of(value)
    if not isinstance(v, Field):
        raise KpiValueError("%s: %r holds bits that are no Field" % (what, value),
                            function=what)
    if v & ~TARGET_FIELDS:
        raise KpiValueError("%s: %s are an update's fields, not a target's" % (
            what, Field(v & ~TARGET_FIELDS).stable_name), function=what)
    return v


_FIELD_CONVERTERS: Dict[str, Callable[[Any, str], object]] = {
    "unit": (lambda v, w: text_in(v, w)),
    "text": (lambda v, w: text_in(v, w)),
    "kind": _strict(Kind),
    "direction": _strict(Direction),
    "schedule": _strict(Schedule),
    "accumulate": _strict(Accumulate),
    "value": _finite,
    "start_value": _finite,
    "reference": _finite,
    "change_pct": _finite,
    "weight": (lambda v, w: (_check_weight(v), float(v))[1]),  # type: ignore[func-returns-value]
    "start": (lambda v, w: _valid_date(v, w, FIRST)),
    "due": (lambda v, w: _valid_date(v, w, LAST)),
    "inferred": _fields,  # last: setting a field clears its bit
}
_TARGET_FIELDS: Set[str] = set(_FIELD_CONVERTERS)


def _convert_target_fields(fields: Dict[str, object]) -> List[Tuple[_CFunction, object]]:
    # The order of _FIELD_CONVERTERS: the kind before the values.
    return [(getattr(C, "kpi_target_set_" + name), _FIELD_CONVERTERS[name](fields[name], name))
            for name in _FIELD_CONVERTERS if name in fields]


class Target(_PlanChild):
    """A target (期限・数値目標) of a goal. Iterating a target gives its
    measurements; ``len(target)`` counts them."""

    __slots__ = ()

    code = _text_property("kpi_target_code", "kpi_target_set_code",
                          "The code; unique among the plan's goals and targets.")
    label = _text_property("kpi_target_label", "kpi_target_set_label",
                           "What is counted, e.g. 物件登録件数.")
    unit = _text_property("kpi_target_unit", "kpi_target_set_unit", "The unit, e.g. 件.")
    text = _text_property("kpi_target_text", "kpi_target_set_text",
                          "The target as originally written, e.g. 物件登録件数30件以上.")
    kind = _enum_property(Kind, "kpi_target_kind", "kpi_target_set_kind",
                          "Kind.NUMERIC (default), MILESTONE or QUALITATIVE.")
    direction = _enum_property(Direction, "kpi_target_direction", "kpi_target_set_direction",
                               "Direction.INCREASE (以上, default) or DECREASE (以下).")
    schedule = _enum_property(Schedule, "kpi_target_schedule", "kpi_target_set_schedule",
                              "Schedule.DEFAULT (follows the kind), LINEAR, STEP or LEVEL.")
    accumulate = _enum_property(Accumulate, "kpi_target_accumulate",
                                "kpi_target_set_accumulate",
                                "Accumulate.LATEST (default) or SUM.")
    value = _float_property("kpi_target_value", "kpi_target_set_value",
                            "The target value T as set, or None.")
    start_value = _float_property("kpi_target_start_value", "kpi_target_set_start_value",
                                  "The start value S as set, or None (0 for INCREASE).")
    reference = _float_property("kpi_target_reference", "kpi_target_set_reference",
                                "The reference value R of a relative target, or None.")
    change_pct = _float_property("kpi_target_change_pct", "kpi_target_set_change_pct",
                                 "The percent p of a relative target (10 for 前年度比10%増), "
                                 "or None.")
    weight = _float_property("kpi_target_weight", "kpi_target_set_weight",
                             "The weight in the goal's roll-up (default 1.0; > 0).",
                             optional=False)
    start = _date_property("kpi_target_start", "kpi_target_set_start",
                           "The start date D0 as set, or None (the plan's start applies).",
                           which=FIRST)
    due = _date_property("kpi_target_due", "kpi_target_set_due",
                         "The due date D1 as set, or None (the plan's end applies).")
    inferred = _enum_property(Field, "kpi_target_inferred", "kpi_target_set_inferred",
                              "The fields read from the target's text rather than given, "
                              "a Field flag (Field.NONE when none). Plan.read_csv() sets "
                              "it; setting a field clears its bit, and the writers leave "
                              "inferred fields empty. Assign a Field, an int or names "
                              "(\"unit value\").")

    @property
    def goal(self) -> Goal:
        """The Goal the target belongs to."""
        return Goal(self._owner, self._call(C.kpi_target_goal))

    @property
    def measurements(self) -> _View[Measurement]:
        """The measurements, in the order added (a live sequence)."""
        return _View(self, C.kpi_target_measurement_count, C.kpi_target_measurement_at,
                     self._wrap_measurement, "measurement")

    @property
    def assessments(self) -> _View[Assessment]:
        """The assessments, in the order added (a live sequence)."""
        return _View(self, C.kpi_target_assessment_count, C.kpi_target_assessment_at,
                     self._wrap_assessment, "assessment")

    @property
    def updates(self) -> _View[Update]:
        """The updates (進捗状況: text, status, planned date), in the order
        added (a live sequence)."""
        return _View(self, C.kpi_target_update_count, C.kpi_target_update_at,
                     self._wrap_update, "update")

    def _wrap_measurement(self, at: _CFunction, i: int) -> Measurement:
        return Measurement(self._owner, self._call(at, i), self)

    def _wrap_assessment(self, at: _CFunction, i: int) -> Assessment:
        return Assessment(self._owner, self._call(at, i), self)

    def _wrap_update(self, at: _CFunction, i: int) -> Update:
        return Update(self._owner, self._call(at, i), self)

    def add_update(self, date: DateLike, text: Optional[str] = None,
                   status: Union[Status, int, str, None] = None, planned: DateLike = None,
                   author: Optional[str] = None) -> Update:
        """Appends an update (進捗状況) as of ``date`` and returns it: the
        department's ``text`` verbatim (None for none), the ``status`` of the
        work (a Status, its name or a Japanese word such as 検討中; None for
        none), the ``planned`` date of the remaining work (required with
        Status.SCHEDULED; a month means its last day) and the ``author``.
        Everything is checked before the update is added: a bad status
        raises KpiValueError, SCHEDULED without ``planned`` KpiValueError,
        and the plan is left unchanged."""
        return _add_update(self, C.kpi_target_add_update, date, text, status, planned,
                           author)

    def __len__(self) -> int:
        return cast(int, self._call(C.kpi_target_measurement_count))

    def __iter__(self) -> Iterator[Measurement]:
        return iter(self.measurements)

    def add_measurement(self, date: DateLike, value: object, note: Optional[str] = None,
                        author: Optional[str] = None) -> Measurement:
        """Appends a figure (進捗状況) as of a date and returns the
        Measurement. History is append-only; of two figures of one date the
        one added last counts."""
        day = date_in(date, "date", allow_none=False)
        v = float_in(value, "value", allow_none=False)
        n = text_in(note, "note")
        a = text_in(author, "author")
        h = self._h
        with h.lock:
            h.get()
            ptr = C.kpi_target_add_measurement(self._ptr, day, v, n)
            if a is not None:
                C.kpi_measurement_set_author(ptr, a)
        return Measurement(self._owner, ptr, self)

    def add_assessment(self, date: DateLike, rating: Union[Rating, int, str],
                       comment: Optional[str] = None,
                       author: Optional[str] = None) -> Assessment:
        """Records a person's rating of the target and returns the Assessment."""
        return _add_assessment(self, C.kpi_target_add_assessment, date, rating, comment,
                               author)

    def __repr__(self) -> str:
        if self._h.ptr is None:
            return "<kpi.Target (plan closed)>"
        return "<kpi.Target %r %s>" % (self.code, self.label)


class Measurement(_PlanChild):
    """One reported figure of a target."""

    __slots__ = ("_target",)

    def __init__(self, plan: Plan, ptr: int, target: Optional[Target] = None) -> None:
        super().__init__(plan, ptr)
        self._target = target

    date = _date_property("kpi_measurement_date", "kpi_measurement_set_date",
                          "The date the figure is as of.", optional=False)
    value = _float_property("kpi_measurement_value", "kpi_measurement_set_value",
                            "The figure (finite; 0..1 for a milestone).", optional=False)
    note = _text_property("kpi_measurement_note", "kpi_measurement_set_note",
                          "The progress wording.")
    author = _text_property("kpi_measurement_author", "kpi_measurement_set_author",
                            "Who reported the figure.")
    inferred = _enum_property(Field, "kpi_measurement_inferred",
                              doc="Field.VALUE when the reader read the figure from a "
                              "progress text rather than found it written (such a figure "
                              "is not written back to files), else Field.NONE.")

    @property
    def target(self) -> Optional[Target]:
        """The Target measured."""
        return self._target

    def __repr__(self) -> str:
        if self._h.ptr is None:
            return "<kpi.Measurement (plan closed)>"
        return "<kpi.Measurement %s %r>" % (self.date, self.value)


class Assessment(_PlanChild):
    """A person's rating (進捗度) of a target or a goal."""

    __slots__ = ("_of",)

    def __init__(self, plan: Plan, ptr: int, of: Union[Goal, Target, None] = None) -> None:
        super().__init__(plan, ptr)
        self._of = of

    date = _date_property("kpi_assessment_date", "kpi_assessment_set_date",
                          "The date the rating is as of.", optional=False)
    rating = _enum_property(Rating, "kpi_assessment_rating", "kpi_assessment_set_rating",
                            "The Rating (one of the four).")
    comment = _text_property("kpi_assessment_comment", "kpi_assessment_set_comment",
                             "The assessor's comment.")
    level = _text_property("kpi_assessment_level", "kpi_assessment_set_level",
                           "The level of a scale the assessor named (\"F\"), \"\" for none: "
                           "on a scale that has it, the result's level (docs/scales.md).")
    author = _text_property("kpi_assessment_author", "kpi_assessment_set_author",
                            "Who rated.")

    @property
    def of(self) -> Union[Goal, Target, None]:
        """The Goal or Target rated."""
        return self._of

    def __repr__(self) -> str:
        if self._h.ptr is None:
            return "<kpi.Assessment (plan closed)>"
        return "<kpi.Assessment %s %s>" % (self.date, self.rating.symbol)


# ---------------------------------------------------------------------------
# Progress: updates and directives (kpi/progress.h)


def _add_update(obj: Union[Target, Goal, Directive], add: _CFunction, date: DateLike,
                text: Optional[str], status: Union[Status, int, str, None], planned: DateLike,
                author: Optional[str]) -> Update:
    day = date_in(date, "date", allow_none=False)
    t = text_in(text, "text")
    st = _strict(Status)(status, "status")
    plan_day = _valid_date(planned, "planned", LAST)
    if st == Status.SCHEDULED and not plan_day:
        raise KpiValueError("status scheduled needs its planned date (planned=...)",
                            function="add_update")
    a = text_in(author, "author")
    h = obj._h
    with h.lock:
        h.get()
        ptr = add(obj._ptr, day, t)
        if st or plan_day:
            C.kpi_update_set_status(ptr, st, plan_day)
        if a is not None:
            C.kpi_update_set_author(ptr, a)
    return Update(obj._owner, ptr, obj)


class Update(_PlanChild):
    """One dated report (進捗状況) on a target, a goal or a directive: the
    text as the department wrote it, the state of the work (a Status) and,
    for Status.SCHEDULED, when the work is planned. Figures stay
    measurements and people's ratings assessments."""

    __slots__ = ("_of",)

    def __init__(self, plan: Plan, ptr: int,
                 of: Union[Target, Goal, Directive, None] = None) -> None:
        super().__init__(plan, ptr)
        self._of = of

    date = _date_property("kpi_update_date", "kpi_update_set_date",
                          "The date the update is as of.", optional=False)
    text = _text_property("kpi_update_text", "kpi_update_set_text",
                          "What the department wrote, verbatim (\"\" when none).")
    author = _text_property("kpi_update_author", "kpi_update_set_author",
                            "Who reported it.")
    inferred = _enum_property(Field, "kpi_update_inferred",
                              doc="Field.STATUS and Field.PLANNED when the reader read the "
                              "status or the planned date from the update's text rather "
                              "than found them written; Field.NONE otherwise. "
                              "set_status() clears both.")

    @property
    def status(self) -> Union[Status, int]:
        """The Status of the work (Status.NONE when the update gives none).
        Assigning keeps the planned date; use set_status() to change both."""
        return enum_out(Status, self._call(C.kpi_update_status))

    @status.setter
    def status(self, value: Union[Status, int, str, None]) -> None:
        status = Status.of(value)
        h = self._h
        with h.lock:
            h.get()
            C.kpi_update_set_status(self._ptr, status, C.kpi_update_planned(self._ptr))

    @property
    def planned(self) -> Optional[datetime.date]:
        """When the remaining work is planned, or None. Assigning keeps the
        status; None is refused (KpiValueError) while it is SCHEDULED."""
        return date_out(self._call(C.kpi_update_planned))

    @planned.setter
    def planned(self, value: DateLike) -> None:
        day = date_in(value, "planned", which=LAST)
        h = self._h
        with h.lock:
            h.get()
            C.kpi_update_set_status(self._ptr, C.kpi_update_status(self._ptr), day)

    def set_status(self, status: Union[Status, int, str, None],
                   planned: DateLike = None) -> None:
        """Sets the status and the planned date together
        (kpi_update_set_status()): ``planned`` is required with
        Status.SCHEDULED (else KpiValueError), allowed with any status,
        and None clears it."""
        self._call(C.kpi_update_set_status, Status.of(status),
                   date_in(planned, "planned", which=LAST))

    @property
    def of(self) -> Union[Target, Goal, Directive, None]:
        """The Target, Goal or Directive the update is on."""
        return self._of

    def __repr__(self) -> str:
        if self._h.ptr is None:
            return "<kpi.Update (plan closed)>"
        h = self._h
        with h.lock:
            status = enum_out(Status, C.kpi_update_status(self._ptr))
            planned = date_out(C.kpi_update_planned(self._ptr))
            text = C.kpi_update_text(self._ptr)
            day = date_out(C.kpi_update_date(self._ptr))
        words = [str(day)]
        if status:
            words.append(getattr(status, "stable_name", str(status)))
        if planned:
            words.append("planned %s" % planned)
        if text:
            words.append(repr(text))
        return "<kpi.Update %s>" % " ".join(words)


class Directive(_PlanChild):
    """A directive (指示事項, e.g. 市長指示事項): an instruction addressed to
    goals of the plan (none: the whole plan), and the department's
    responses to it as updates. It is open until a response has status
    DONE or CANCELLED. Its code is in the plan's namespace of codes:
    ``plan["D1"]`` finds it."""

    __slots__ = ()

    code = _text_property("kpi_directive_code", doc="The code; unique in the plan.")
    text = _text_property("kpi_directive_text", "kpi_directive_set_text",
                          "The instruction, verbatim (not empty).")
    issuer = _text_property("kpi_directive_issuer", "kpi_directive_set_issuer",
                            "Who gave it; 市長 unless set (None or \"\" restores 市長).")
    date = _date_property("kpi_directive_date", "kpi_directive_set_date",
                          "When it was given, or None when unknown.", which=FIRST)

    @property
    def goals(self) -> _View[Goal]:
        """The goals it is addressed to, in the order added (a live
        sequence; empty: the whole plan)."""
        return _View(self, C.kpi_directive_goal_count, C.kpi_directive_goal_at,
                     _wrap_at(self, Goal), "goal")

    def add_goal(self, goal: Union[Goal, str]) -> None:
        """Addresses the directive to one more goal of its plan: a Goal or
        its code. KpiDuplicate when it is addressed already; KpiNotFound for
        an unknown code; KpiArgumentError for a goal of another plan."""
        goal = _goal_of(self._owner, goal)
        self._call(C.kpi_directive_add_goal, goal._ptr)

    @property
    def updates(self) -> _View[Update]:
        """The responses, in the order added (a live sequence)."""
        return _View(self, C.kpi_directive_update_count, C.kpi_directive_update_at,
                     self._wrap_update, "update")

    def _wrap_update(self, at: _CFunction, i: int) -> Update:
        return Update(self._owner, self._call(at, i), self)

    def add_update(self, date: DateLike, text: Optional[str] = None,
                   status: Union[Status, int, str, None] = None, planned: DateLike = None,
                   author: Optional[str] = None) -> Update:
        """Appends a response and returns it (an Update); arguments as
        Target.add_update(). A response with status DONE or CANCELLED
        closes the directive."""
        return _add_update(self, C.kpi_directive_add_update, date, text, status, planned,
                           author)

    def __repr__(self) -> str:
        if self._h.ptr is None:
            return "<kpi.Directive (plan closed)>"
        return "<kpi.Directive %r %s>" % (self.code, self.text)
