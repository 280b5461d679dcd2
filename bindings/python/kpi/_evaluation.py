"""Rating: Policy, Evaluation, Result, and the records for pandas.

Languages: an evaluation has none. Every call that makes text takes the
language it wants, Lang.JA by default: ``result.reason`` (Japanese),
``result.reason_in(lang)``, ``evaluation.render(format, lang)``,
``evaluation.to_records(lang=...)``, ``result.to_record(lang)``.
"""

from __future__ import annotations

import collections.abc
import ctypes
import pickle
from typing import (TYPE_CHECKING, Any, Callable, Collection, Dict, ItemsView, Iterator,
                    KeysView, List, NoReturn, Optional, Tuple, Type, Union, ValuesView,
                    cast, overload)

from ._capi import C, path_in, take_text, text_in
from ._dates import date_out
from ._enums import (Direction, Field, Format, Kind, Lang, LevelCause, Object, Rating,
                     Rollup, Status, Unrated, WriteFlags, enum_out)
from ._errors import KpiValueError
from ._handle import Borrowed, Owner
from ._model import Note, float_in, opt_float
from ._scale import Level, Scale, held_scale, hold_scale

if TYPE_CHECKING:
    import datetime
    import enum
    import os
    import weakref
    from typing import TypeVar

    from ._model import Plan

    _E = TypeVar("_E", bound=enum.Enum)
    from ._scale import ScaleArg
    #: A number: float, int, decimal.Decimal or a numpy number (numpy is Any here).
    _Number = Any
    #: A language: a Lang, its name ("ja", "en") or its int.
    _LangArg = Union[Lang, str, int]
    #: A report format: a Format, its name ("json", "md") or its int.
    _FormatArg = Union[Format, str, int]
    #: A roll-up rule: a Rollup, its name ("weighted") or its int.
    _RollupArg = Union[Rollup, str, int]
    #: A path: str, bytes or os.PathLike.
    _PathArg = Union[str, bytes, "os.PathLike[Any]"]

_SETTINGS: Tuple[str, ...] = ("ahead", "on_track", "rollup", "use_assessments",
                              "directive_days", "threads", "scale")

#: The language of text when a call names none.
DEFAULT_LANG: Lang = Lang.JA

_LANG_MOVED: str = ("the language is no policy setting: give it where text is made, "
                    "as render(format, lang=...), to_records(lang=...) or "
                    "Result.reason_in(lang)")


class Policy(Owner):
    """How to rate: the thresholds, the roll-up rule, whether assessments
    override computed ratings, after how many days an unanswered directive
    is overdue, and on how many threads to evaluate.

    ``Policy()`` has libkpi's defaults (ahead 1.10, on-track 0.95,
    Rollup.CRITERIA, assessments used, directive_days 90, threads 0, no
    scale: the plan's, else ◎○△×); keywords change them:
    ``Policy(rollup="weighted")``, ``Policy(scale="nagayo")``. A policy is only read by Plan.evaluate()
    and may be reused and shared. It has no language: the language of
    reasons and reports is chosen when they are asked for.
    """

    #: The Scale last set, kept: it knows how it was made (pickling).
    _scale: Optional[Scale]

    def __init__(self, *, ahead: Optional[_Number] = None, on_track: Optional[_Number] = None,
                 rollup: Optional[_RollupArg] = None, use_assessments: Optional[bool] = None,
                 directive_days: Optional[int] = None, threads: Optional[int] = None,
                 scale: Optional[ScaleArg] = None, **unknown: Any) -> None:
        if unknown:
            _unknown_settings(unknown)
        out = ctypes.c_void_p()
        C.kpi_policy_new(ctypes.byref(out))
        self._adopt(out.value, "policy", C.kpi_policy_free)
        self._apply(ahead=ahead, on_track=on_track, rollup=rollup,
                    use_assessments=use_assessments, directive_days=directive_days,
                    threads=threads, scale=scale)

    @classmethod
    def from_settings(cls, base: Optional[Policy] = None, **settings: Any) -> Policy:
        """A new policy: a copy of ``base`` (or the defaults) with ``settings``
        applied. Unknown settings raise TypeError."""
        unknown = set(settings) - set(_SETTINGS)
        if unknown:
            _unknown_settings(unknown)
        if base is not None and not isinstance(base, Policy):
            raise TypeError("policy must be a kpi.Policy or None, not %s"
                            % type(base).__name__)
        values = base.settings() if base is not None else {}
        values.update({k: v for k, v in settings.items() if v is not None})
        return cls(**values)

    def _apply(self, ahead: Optional[_Number] = None, on_track: Optional[_Number] = None,
               rollup: Optional[_RollupArg] = None, use_assessments: Optional[bool] = None,
               directive_days: Optional[int] = None, threads: Optional[int] = None,
               scale: Optional[ScaleArg] = None) -> None:
        if ahead is not None or on_track is not None:
            self.set_thresholds(self.ahead if ahead is None else ahead,
                                self.on_track if on_track is None else on_track)
        if rollup is not None:
            # cast: the setter takes a name too; mypy checks the getter's type
            self.rollup = cast(Any, rollup)
        if use_assessments is not None:
            self.use_assessments = use_assessments
        if directive_days is not None:
            self.directive_days = directive_days
        if threads is not None:
            self.threads = threads
        if scale is not None:
            self.scale = cast(Any, scale)  # the setter takes an id or a path too

    @property
    def scale(self) -> Optional[Scale]:
        """The scale evaluations rate on (a Scale), or None for the plan's
        scale, else the default ◎○△×. Set a Scale, a built-in id
        ("nagayo") or a scale file's path; None clears it."""
        return held_scale(self, C.kpi_policy_scale)

    @scale.setter
    def scale(self, value: Optional[ScaleArg]) -> None:
        # Kept: it knows how it was made (pickling).
        self._scale = hold_scale(self, C.kpi_policy_set_scale, value)

    @property
    def ahead(self) -> float:
        """The pace from which a target is ◎ (default 1.10)."""
        return cast(float, self._call(C.kpi_policy_ahead))

    @ahead.setter
    def ahead(self, value: _Number) -> None:
        self.set_thresholds(value, self.on_track)

    @property
    def on_track(self) -> float:
        """The pace from which a target is ○ (default 0.95)."""
        return cast(float, self._call(C.kpi_policy_on_track))

    @on_track.setter
    def on_track(self, value: _Number) -> None:
        self.set_thresholds(self.ahead, value)

    def set_thresholds(self, ahead: _Number, on_track: _Number) -> None:
        """Sets both thresholds: 0 < on_track <= ahead, both finite, else
        KpiValueError."""
        self._call(C.kpi_policy_set_thresholds, float_in(ahead, "ahead", allow_none=False),
                   float_in(on_track, "on_track", allow_none=False))

    @property
    def rollup(self) -> Union[Rollup, int]:
        """Rollup.CRITERIA (default), WORST or WEIGHTED."""
        return enum_out(Rollup, self._call(C.kpi_policy_rollup))

    @rollup.setter
    def rollup(self, value: _RollupArg) -> None:
        self._call(C.kpi_policy_set_rollup, Rollup.of(value))

    @property
    def use_assessments(self) -> bool:
        """True when assessments override computed ratings (default)."""
        return bool(self._call(C.kpi_policy_use_assessments))

    @use_assessments.setter
    def use_assessments(self, value: bool) -> None:
        self._call(C.kpi_policy_set_use_assessments, 1 if value else 0)

    @property
    def directive_days(self) -> int:
        """After how many days a directive without any response is overdue
        (Result.overdue, Plan.validate()): 1 to 36500, default 90; other
        numbers raise KpiValueError."""
        return cast(int, self._call(C.kpi_policy_directive_days))

    @directive_days.setter
    def directive_days(self, value: int) -> None:
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError("directive_days must be an int, not %s" % type(value).__name__)
        if not -2**31 <= value < 2**31:
            # ctypes would cut it to an int32, which may be in range
            raise KpiValueError("directive_days %d is out of range (1 to 36500)" % value,
                                function="directive_days")
        self._call(C.kpi_policy_set_directive_days, value)

    @property
    def threads(self) -> int:
        """How many threads Plan.evaluate() may use: 0 (the default) or 1
        for the calling thread only, up to 64. The evaluation is the same
        whatever the number; other numbers raise KpiValueError."""
        return cast(int, self._call(C.kpi_policy_threads))

    @threads.setter
    def threads(self, value: int) -> None:
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError("threads must be an int, not %s" % type(value).__name__)
        if not -2**31 <= value < 2**31:
            # ctypes would cut it to an int32, which may be in range
            raise KpiValueError("threads %d is out of range (0 to 64)" % value,
                                function="threads")
        self._call(C.kpi_policy_set_threads, value)

    def settings(self) -> Dict[str, Any]:
        """The settings as a dict of the keyword arguments of Policy()."""
        h = self._h
        with h.lock:
            return _policy_settings(h.get())

    def copy(self) -> Policy:
        """A new Policy with the same settings."""
        return Policy(**self.settings())

    def __reduce__(self) -> Tuple[Callable[[Dict[str, Any]], Policy], Tuple[Dict[str, Any]]]:
        # Pickled as its settings, so that it crosses processes.
        return (_policy_from_settings, (self.settings(),))

    def __repr__(self) -> str:
        if self.closed:
            return "<kpi.Policy (closed)>"
        return "<kpi.Policy %s>" % " ".join("%s=%s" % (k, getattr(v, "name", v))
                                            for k, v in self.settings().items())


def _unknown_settings(names: Collection[str]) -> NoReturn:
    message = "unknown policy setting(s): %s (expected %s)" % (
        ", ".join(sorted(names)), ", ".join(_SETTINGS))
    if "lang" in names:
        message += "; " + _LANG_MOVED
    raise TypeError(message)


def _policy_settings(ptr: int) -> Dict[str, Any]:
    return {"ahead": C.kpi_policy_ahead(ptr), "on_track": C.kpi_policy_on_track(ptr),
            "rollup": enum_out(Rollup, C.kpi_policy_rollup(ptr)),
            "use_assessments": bool(C.kpi_policy_use_assessments(ptr)),
            "directive_days": C.kpi_policy_directive_days(ptr),
            "threads": C.kpi_policy_threads(ptr),
            "scale": _scale_of(C.kpi_policy_scale(ptr))}


def _scale_of(ptr: Optional[int]) -> Optional[Scale]:
    return Scale._dup(ptr) if ptr else None



def _csv_flags(fmt: Union[Format, int], raw: bool) -> int:
    """The CSV report's flags for ``raw`` (kpi_evaluation_render_csv()),
    which only the csv format takes."""
    if not isinstance(raw, bool):
        raise TypeError("raw must be a bool, not %s" % type(raw).__name__)
    if raw and fmt != Format.CSV:
        raise ValueError("raw is an option of the csv format only, not of %s"
                         % getattr(fmt, "stable_name", fmt))
    return int(WriteFlags.RAW) if raw else 0

class Evaluation(Owner):
    """The ratings of a whole plan as of one date: a list of Result in plan
    order (the plan first, then each goal followed by its targets and then
    its child goals). It is a snapshot that holds nothing of the plan: it
    stays valid after the plan is changed or closed, and is freed by its
    own close() or when collected.

    ``len(ev)``, iteration and ``ev[i]`` go over the results;
    ``ev["3-2-a"]`` (or ``ev.find("3-2-a")``) is the result of a code, and
    ``ev[plan.id]`` the plan's.

    An evaluation has no language: render(), to_records() and
    Result.reason_in() take the one they write in (Japanese by default).
    """

    #: The plan it was made from, for pickling (set by Plan.evaluate()).
    _plan: weakref.ref[Plan]
    #: The plan's two files, when rebuilt from them (_evaluation_from_files()).
    _files: Tuple[bytes, bytes]
    #: The scale rated on, kept while the Scale it was set from lives
    #: (Scale._dup()), so that pickling knows how it was made.
    _scale: Scale

    @classmethod
    def _from_ptr(cls, ptr: Optional[int]) -> Evaluation:
        self = cls.__new__(cls)
        self._adopt(ptr, "evaluation", C.kpi_evaluation_free)
        return self

    def __init__(self) -> None:
        raise TypeError("evaluations are made by Plan.evaluate()")

    @property
    def as_of(self) -> datetime.date:
        """The as-of date."""
        return cast("datetime.date", date_out(self._call(C.kpi_evaluation_as_of)))

    @property
    def start(self) -> datetime.date:
        """The first day of the period used."""
        return cast("datetime.date", date_out(self._call(C.kpi_evaluation_start)))

    @property
    def end(self) -> datetime.date:
        """The last day of the period used."""
        return cast("datetime.date", date_out(self._call(C.kpi_evaluation_end)))

    @property
    def organization(self) -> str:
        """The plan's organization, copied."""
        return cast(str, self._call(C.kpi_evaluation_organization))

    @property
    def department(self) -> str:
        """The plan's department, copied."""
        return cast(str, self._call(C.kpi_evaluation_department))

    @property
    def notes(self) -> List[Note]:
        """The plan's notes as they were when it was rated, copied: a list of
        Note (code, text), as ``plan.notes`` gives them."""
        h = self._h
        with h.lock:
            p = h.get()
            return [Note(C.kpi_evaluation_note_code_at(p, i) or None,
                         C.kpi_evaluation_note_at(p, i))
                    for i in range(C.kpi_evaluation_note_count(p))]

    @property
    def scale(self) -> Scale:
        """The scale the evaluation rated on: the policy's, else the plan's,
        else the default ◎○△× (Scale "ueda"). Results' ``level`` is one of
        its levels."""
        h = self._h
        with h.lock:
            return Scale._dup(C.kpi_evaluation_scale(h.get()))

    def _levels(self) -> List[Level]:
        """The scale's levels, read once (an evaluation never changes)."""
        levels: Optional[List[Level]] = self.__dict__.get("_level_list")
        if levels is None:
            levels = self.__dict__["_level_list"] = self.scale.levels
        return levels

    @property
    def policy(self) -> Policy:
        """A copy of the policy the evaluation was made with (a new Policy)."""
        h = self._h
        with h.lock:
            settings = _policy_settings(C.kpi_evaluation_policy(h.get()))
        return Policy(**settings)

    def __len__(self) -> int:
        return cast(int, self._call(C.kpi_evaluation_result_count))

    def __iter__(self) -> Iterator[Result]:
        for i in range(len(self)):
            yield self[i]

    @property
    def directives(self) -> List[Result]:
        """The directives' results (kind Object.DIRECTIVE), in the plan's
        order: a list of Result, apart from the plan's tree (len(), iteration
        and to_records() leave them out; ``ev["D1"]`` finds one by code).
        A directive is followed up, not rated: see Result.open, days_open,
        overdue, status, issuer, issued and goal_codes."""
        h = self._h
        with h.lock:
            p = h.get()
            return [Result(self, C.kpi_evaluation_directive_at(p, i))
                    for i in range(C.kpi_evaluation_directive_count(p))]

    @overload
    def __getitem__(self, key: Union[int, str]) -> Result: ...

    @overload
    def __getitem__(self, key: slice) -> List[Result]: ...

    def __getitem__(self, key: Union[int, str, slice]) -> Union[Result, List[Result]]:
        if isinstance(key, str):
            return self.find(key)
        if isinstance(key, slice):
            return [self[i] for i in range(*key.indices(len(self)))]
        if isinstance(key, bool) or not isinstance(key, int):
            raise TypeError("evaluation[...] takes an index or a code, not %s"
                            % type(key).__name__)
        h = self._h
        with h.lock:
            p = h.get()
            n = C.kpi_evaluation_result_count(p)
            i = key + n if key < 0 else key
            if not 0 <= i < n:
                from ._errors import KpiRangeError
                raise KpiRangeError("result index %d out of range (%d)" % (key, n),
                                    function="kpi_evaluation_result_at")
            return Result(self, C.kpi_evaluation_result_at(p, i))

    def find(self, code: str) -> Result:
        """The result of the goal, target or directive with this code, or of
        the plan for the plan id; KpiNotFound (a KeyError) when there is
        none."""
        return Result(self, self._call(C.kpi_evaluation_find,
                                       text_in(code, "code", allow_none=False)))

    def get(self, code: str, default: Optional[Result] = None) -> Optional[Result]:
        """The result of a code, or ``default``."""
        from ._errors import KpiNotFound
        try:
            return self.find(code)
        except KpiNotFound:
            return default

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and self.get(code) is not None

    @property
    def root(self) -> Result:
        """The plan's result (the first)."""
        return self[0]

    # Any: a str, or bytes for "xlsx" (typing.Literal, which would tell
    # them apart, is not in Python 3.7's typing).
    def render(self, format: _FormatArg = "text", lang: _LangArg = DEFAULT_LANG,
               width: Optional[int] = None, *, raw: bool = False) -> Any:
        """The report as a str. ``format``: "text", "markdown" (or "md"),
        "json", "csv", "html", "xlsx" or a Format. ``lang``: "ja" (default)
        or "en", the language of headings, words and reason lines.
        ``width``: for the text format only, the width in terminal cells to
        fit (at least 40; 0 or None for libkpi's default of 100); any other
        format with a width raises ValueError. The BOM libkpi puts before
        CSV is left out of the str; render_bytes() gives the exact bytes.
        An Excel workbook ("xlsx") is bytes, not a str: those are returned.
        In the CSV report a text a spreadsheet would take for a formula
        (it begins with = + - @, a tab or a CR) has an apostrophe before
        it; ``raw=True`` (the csv format only) gives the texts as they
        are, for programs."""
        data = self.render_bytes(format, lang, width, raw=raw)
        if Format.of(format) == Format.XLSX:
            return data
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        return data.decode("utf-8", "replace")

    def render_bytes(self, format: _FormatArg = "text", lang: _LangArg = DEFAULT_LANG,
                     width: Optional[int] = None, *, raw: bool = False) -> bytes:
        """The report exactly as libkpi writes it (UTF-8 bytes, or a
        workbook's bytes); arguments as render()."""
        fmt = Format.of(format)
        lang = Lang.of(lang)
        flags = _csv_flags(fmt, raw)
        if width is not None:
            if isinstance(width, bool) or not isinstance(width, int):
                raise TypeError("width must be an int or None, not %s" % type(width).__name__)
            if fmt != Format.TEXT:
                raise ValueError("width is an option of the text format only, not of %s"
                                 % getattr(fmt, "stable_name", fmt))
            if not -2**31 <= width < 2**31:
                # ctypes would cut it to an int32, which may be a valid width
                raise KpiValueError("width %d is out of range" % width, function="width")
        out = ctypes.c_void_p()
        size = ctypes.c_size_t()
        h = self._h
        with h.lock:
            if flags:
                C.kpi_evaluation_render_csv(ctypes.byref(out), ctypes.byref(size), h.get(),
                                            lang, flags)
            elif width is None:
                C.kpi_evaluation_render(ctypes.byref(out), ctypes.byref(size), h.get(), fmt,
                                        lang)
            else:
                C.kpi_evaluation_render_text(ctypes.byref(out), ctypes.byref(size), h.get(),
                                             lang, width)
            return take_text(out.value, size.value)

    def write(self, path: _PathArg, format: _FormatArg = "text",
              lang: _LangArg = DEFAULT_LANG, *, raw: bool = False) -> None:
        """Writes the report to ``path`` (str, bytes or os.PathLike), the
        bytes render_bytes() gives, replacing the file only once the report
        is whole; JSON and CSV are written as they are rendered, so a report
        of a million results is never held whole. Arguments as render(),
        without ``width`` (the text format is written at its default)."""
        fmt = Format.of(format)
        lang = Lang.of(lang)
        flags = _csv_flags(fmt, raw)
        path_bytes = path_in(path)
        h = self._h
        with h.lock:
            if flags:
                C.kpi_evaluation_write_csv(h.get(), path_bytes, lang, flags)
            else:
                C.kpi_evaluation_write(h.get(), path_bytes, fmt, lang)

    def to_records(self, include_plan: bool = True, lang: _LangArg = DEFAULT_LANG,
                   include_directives: bool = False) -> List[Dict[str, Any]]:
        """A list of dicts, one per result in plan order: the plan (first,
        kind "plan", unless ``include_plan`` is False), every goal and every
        target, and with ``include_directives`` every directive (kind
        "directive", last), as the CSV report's rows.
        ``pandas.DataFrame(ev.to_records())`` takes it as it is.

        The keys are the columns of the CSV report (RECORD_FIELDS), with
        Python values: ``None`` where the CSV cell is empty (unrated, not a
        target, no date), ``float`` numbers, ``datetime.date`` dates,
        ``bool`` flags, ratings as symbols (``"◎"``) with ``rating_name``
        ("ahead"). The ``reason`` line and ``unrated_label`` are in ``lang``
        ("ja", the default, or "en"), as the CSV report of that language
        writes them. Read a column at a time (kpi/columns.h);
        Result.to_record() gives one row through the getters.
        """
        from ._records import records_of_columns
        records: List[Dict[str, Any]] = self._read_columns(
            records_of_columns, include_plan, lang, include_directives)
        return records

    def __reduce__(self) -> Tuple[Callable[..., Evaluation],
                                  Tuple[bytes, bytes, datetime.date, Dict[str, Any]]]:
        """Pickled (and deep-copied) as what it was made from: the plan's two
        files, the as-of date and the policy's settings, evaluated again on
        loading. That gives the same evaluation only while the plan is as
        it was, so pickling checks it (evaluating the files again and
        comparing every result through the JSON report) and refuses with
        pickle.PicklingError when the plan has changed or is gone."""
        files: Optional[Tuple[bytes, bytes]] = getattr(self, "_files", None)
        if files is None:
            plan = self._plan() if getattr(self, "_plan", None) else None
            if plan is None or plan.closed:
                raise pickle.PicklingError(
                    "this evaluation cannot be pickled: the plan it was made from is "
                    "closed or gone (pickle the plan, or the plan and the as-of date)")
            files = plan.to_csv_bytes()
        policy = self.policy
        try:
            settings = policy.settings()
        finally:
            policy.close()
        if files is not getattr(self, "_files", None):
            again = _evaluation_from_files(files[0], files[1], self.as_of, settings)
            if again.render_bytes("json") != self.render_bytes("json"):
                raise pickle.PicklingError(
                    "this evaluation cannot be pickled: its plan has changed since it "
                    "was made (evaluate the plan again, then pickle that)")
        return (_evaluation_from_files, (files[0], files[1], self.as_of, settings))

    def to_pandas(self, include_plan: bool = True, lang: _LangArg = DEFAULT_LANG,
                  include_directives: bool = False) -> Any:  # a pandas.DataFrame
        """A pandas DataFrame of the results, one row per result as
        to_records() gives them (the same columns and rows), read from
        libkpi a column at a time (kpi/columns.h: one call per column, not
        per cell). pandas is imported on the first call (it is not needed
        otherwise).

        dtypes: dates ``datetime64[ns]`` (NaT for none); figures ``float64``
        (NaN for none, read back exactly); depth, counts and days_open
        nullable ``Int64``; flags nullable ``boolean``; ``rating`` and
        ``computed_rating`` ordered categoricals × < △ < ○ < ◎,
        ``rating_name`` likewise by stable name, ``unrated_reason`` ordered
        in kpi_unrated order; kind, target_kind, direction and the statuses
        categoricals; names and labels ``str`` or None; verbatim texts
        (title, text, unit, reason, update_text, inferred, issuer) ``str``,
        "" when empty; a directive's ``goals`` a list of codes. The reason
        line and the labels are in ``lang``.
        """
        from ._pandas import frame_of_columns
        return self._read_columns(frame_of_columns, include_plan, lang, include_directives)

    def _read_columns(self, build: Callable[..., Any], include_plan: bool,
                      lang: _LangArg, include_directives: bool) -> Any:
        """What build() makes of the rows' columns (kpi/columns.h), read
        under the evaluation's lock: to_records() and to_pandas()."""
        language = Lang.of(lang)
        h = self._h
        with h.lock:
            p = h.get()
            return build(p, RECORD_FIELDS, C.kpi_evaluation_result_count(p), include_plan,
                         language, include_directives)

    def __repr__(self) -> str:
        if self.closed:
            return "<kpi.Evaluation (closed)>"
        root = self.root
        return "<kpi.Evaluation %r as of %s: %s>" % (root.code, self.as_of,
                                                      root.rating.symbol or "unrated")


def _policy_from_settings(settings: Dict[str, Any]) -> Policy:
    return Policy(**settings)


def _evaluation_from_files(structure: bytes, progress: bytes, as_of: datetime.date,
                           settings: Dict[str, Any]) -> Evaluation:
    """An evaluation rebuilt from what Evaluation.__reduce__() kept; it keeps
    the files, so that it pickles again without its (temporary) plan."""
    from ._model import Plan
    plan = Plan.read_csv_bytes(structure, progress, encoding="utf-8")
    try:
        ev = plan.evaluate(as_of, **settings)
    finally:
        plan.close()
    ev._files = (structure, progress)
    return ev


#: The keys of Evaluation.to_records() and Result.to_record(), in order:
#: the columns of the CSV report.
RECORD_FIELDS: Tuple[str, ...] = (
    "kind", "code", "parent", "depth", "title", "text", "unit",
    "rating", "rating_name", "computed_rating", "assessed", "mismatch", "assessment_date",
    "unrated_reason", "unrated_label", "target_kind", "direction",
    "actual", "expected", "target", "start_value", "elapsed", "pace", "achievement",
    "measured", "start", "due", "weight",
    "count_ahead", "count_on_track", "count_behind", "count_not_progressed",
    "count_unrated", "reason", "inferred",
    "status", "status_label", "planned", "status_date", "update_date", "update_status",
    "update_planned", "update_text", "figure_inferred", "cancelled",
    "issuer", "issued", "goals", "open", "days_open", "overdue", "level", "level_name",
)


def _stable_name(cls: Type[Object], value: int) -> str:
    member = enum_out(cls, value)
    return cast(str, member.stable_name) if isinstance(member, cls) else str(value)


def _none_if_empty(text: str) -> Optional[str]:
    return text or None


def _record(r: int, lang: Union[Lang, int], scale: int) -> Dict[str, Any]:
    """One result as a dict, its level on the evaluation's scale (a pointer);
    the caller holds the evaluation's lock."""
    kind = C.kpi_result_object(r)
    parent = C.kpi_result_parent(r)
    rating = C.kpi_result_rating(r)
    unrated = C.kpi_result_unrated(r)
    is_target = kind == Object.TARGET
    is_directive = kind == Object.DIRECTIVE
    rec: Dict[str, Any] = {
        "kind": _stable_name(Object, kind),
        "code": C.kpi_result_code(r),
        "parent": C.kpi_result_code(parent) if parent else None,
        "depth": None if is_directive else C.kpi_result_depth(r),
        "title": C.kpi_result_title(r),
        "text": C.kpi_result_text(r),
        "unit": C.kpi_result_unit(r),
        "rating": _none_if_empty(C.kpi_rating_symbol(rating)),
        "rating_name": _none_if_empty(C.kpi_rating_name(rating)),
        "computed_rating": _none_if_empty(C.kpi_rating_symbol(C.kpi_result_computed_rating(r))),
        "assessed": bool(C.kpi_result_assessed(r)),
        "mismatch": bool(C.kpi_result_mismatch(r)),
        "assessment_date": date_out(C.kpi_result_assessment_date(r)),
        "unrated_reason": _none_if_empty(C.kpi_unrated_name(unrated)),
        "unrated_label": _none_if_empty(C.kpi_unrated_label(unrated, lang)),
    }
    if is_target:
        rec.update({
            "target_kind": C.kpi_kind_name(C.kpi_result_target_kind(r)),
            "direction": C.kpi_direction_name(C.kpi_result_direction(r)),
            "actual": opt_float(C.kpi_result_actual(r)),
            "expected": opt_float(C.kpi_result_expected(r)),
            "target": opt_float(C.kpi_result_value(r)),
            "start_value": opt_float(C.kpi_result_start_value(r)),
            "elapsed": opt_float(C.kpi_result_elapsed(r)),
            "pace": opt_float(C.kpi_result_pace(r)),
            "achievement": opt_float(C.kpi_result_achievement(r)),
            "measured": date_out(C.kpi_result_measured(r)),
            "start": date_out(C.kpi_result_start(r)),
            "due": date_out(C.kpi_result_due(r)),
        })
    else:
        rec.update(dict.fromkeys(("target_kind", "direction", "actual", "expected", "target",
                                  "start_value", "elapsed", "pace", "achievement",
                                  "measured", "start", "due")))
    rec["weight"] = None if is_directive else C.kpi_result_weight(r)
    if kind not in (Object.PLAN, Object.GOAL):
        rec.update(dict.fromkeys(("count_ahead", "count_on_track", "count_behind",
                                  "count_not_progressed", "count_unrated")))
    else:
        rec["count_ahead"] = C.kpi_result_count_rating(r, Rating.AHEAD)
        rec["count_on_track"] = C.kpi_result_count_rating(r, Rating.ON_TRACK)
        rec["count_behind"] = C.kpi_result_count_rating(r, Rating.BEHIND)
        rec["count_not_progressed"] = C.kpi_result_count_rating(r, Rating.NOT_PROGRESSED)
        rec["count_unrated"] = sum(C.kpi_result_count_unrated(r, u)
                                   for u in Unrated if u != Unrated.NONE)
    # a directive is followed up, not rated: it has no reason line
    rec["reason"] = "" if is_directive else C.kpi_result_reason(r, lang)
    rec["inferred"] = Field(C.kpi_result_inferred(r)).stable_name
    status = C.kpi_result_status(r)
    rec.update({
        "status": _none_if_empty(C.kpi_status_name(status)),
        "status_label": _none_if_empty(C.kpi_status_label(status, lang)),
        "planned": date_out(C.kpi_result_planned(r)),
        "status_date": date_out(C.kpi_result_status_date(r)),
        "update_date": date_out(C.kpi_result_update_date(r)),
        "update_status": _none_if_empty(C.kpi_status_name(C.kpi_result_update_status(r))),
        "update_planned": date_out(C.kpi_result_update_planned(r)),
        "update_text": C.kpi_result_update_text(r),
        "figure_inferred": bool(C.kpi_result_figure_inferred(r)) if is_target else None,
        "cancelled": None if is_directive else unrated == Unrated.CANCELLED,
    })
    if is_directive:
        days = C.kpi_result_days_open(r)
        rec.update({
            "issuer": C.kpi_result_issuer(r),
            "issued": date_out(C.kpi_result_issued(r)),
            "goals": [C.kpi_result_goal_code_at(r, i) for i in range(C.kpi_result_goal_count(r))],
            "open": bool(C.kpi_result_open(r)),
            "days_open": None if days < 0 else days,
            "overdue": bool(C.kpi_result_overdue(r)),
        })
    else:
        rec.update(dict.fromkeys(("issuer", "issued", "goals", "open", "days_open",
                                  "overdue")))
    level = C.kpi_result_level(r)
    rec["level"] = C.kpi_scale_level_symbol(scale, level) if level >= 0 else None
    rec["level_name"] = C.kpi_scale_level_name(scale, level) if level >= 0 else None
    return rec


def _result_property(getter: str, convert: Optional[Callable[[Any], Any]] = None,
                     doc: Optional[str] = None) -> property:
    fn = getattr(C, getter)
    if convert is None:
        def fget(self: Result) -> Any:
            return self._call(fn)
    else:
        converter: Callable[[Any], Any] = convert  # narrowed, for the closure

        def fget(self: Result) -> Any:
            return converter(self._call(fn))
    return property(fget, doc=doc)


def _enum(cls: Type[_E]) -> Callable[[int], Union[_E, int]]:
    return lambda v: enum_out(cls, v)


class Result(Borrowed):
    """The rating of one target, goal or the plan inside an Evaluation.
    Holds the evaluation, so it stays valid as long as it is reachable.

    Besides its properties, a Result is the read-only mapping of its record
    (to_record(), in Japanese): ``r["rating"]``, ``dict(r)``, ``list(r)``
    (the keys, RECORD_FIELDS), so that ``pandas.DataFrame(ev)`` has a row
    per result and a column per field. Its children are ``children``."""

    __slots__ = ("_cache",)

    def __init__(self, owner: Owner, ptr: int) -> None:
        super().__init__(owner, ptr)
        #: The record, once asked for by the mapping methods (an
        #: evaluation never changes, so neither does its record).
        self._cache: Optional[Dict[str, Any]] = None

    kind = _result_property("kpi_result_object", _enum(Object),
                            "What the result rates: Object.PLAN, GOAL or TARGET.")
    code = _result_property("kpi_result_code", doc="The code (the plan id for the plan).")
    title = _result_property("kpi_result_title",
                             doc="Goal title, target label or plan title.")
    depth = _result_property("kpi_result_depth",
                             doc="0 for the plan, 1 for a top-level goal, parent + 1 otherwise.")
    weight = _result_property("kpi_result_weight",
                              doc="The weight used in the parent's roll-up (1 for the plan).")
    rating = _result_property("kpi_result_rating", _enum(Rating),
                              "The effective Rating (an assessment's when one applies); "
                              "Rating.NONE when unrated.")
    computed_rating = _result_property("kpi_result_computed_rating", _enum(Rating),
                                       "The Rating computed by the rules.")
    assessed = _result_property("kpi_result_assessed", bool,
                                "True when an assessment set the effective rating.")
    mismatch = _result_property("kpi_result_mismatch", bool,
                                "True when an assessment set the rating and the computed "
                                "one differs.")
    unrated = _result_property("kpi_result_unrated", _enum(Unrated),
                               "Why the effective rating is missing; Unrated.NONE when rated.")
    computed_unrated = _result_property("kpi_result_computed_unrated", _enum(Unrated),
                                        "Why the computed rating is missing.")
    assessment_date = _result_property("kpi_result_assessment_date", date_out,
                                       "The date of the assessment used, or None.")
    actual = _result_property("kpi_result_actual", opt_float, "Actual A, or None.")
    expected = _result_property("kpi_result_expected", opt_float,
                                "Expected E at the as-of date, or None.")
    value = _result_property("kpi_result_value", opt_float,
                             "Target value T in effect (relative targets computed), or "
                             "None; as Target.value is the value set.")
    #: The same as ``value``, under the name of the records' key and the
    #: CSV report's column.
    target = value
    start_value = _result_property("kpi_result_start_value", opt_float,
                                   "Start value S in effect, or None.")
    elapsed = _result_property("kpi_result_elapsed", opt_float,
                               "Elapsed fraction f in 0..1, or None.")
    pace = _result_property("kpi_result_pace", opt_float, "Pace r = g(A) / g(E), or None.")
    achievement = _result_property("kpi_result_achievement", opt_float,
                                   "Achievement (達成率) g(A) / g(T), or None.")
    measured = _result_property("kpi_result_measured", date_out,
                                "The date of the last measurement used, or None.")
    start = _result_property("kpi_result_start", date_out,
                             "The start date D0 in effect for a target, else None.")
    due = _result_property("kpi_result_due", date_out,
                           "The due date D1 in effect for a target, else None.")
    unit = _result_property("kpi_result_unit", doc="The unit of a target; \"\" otherwise.")
    text = _result_property("kpi_result_text",
                            doc="The target as originally written; \"\" otherwise.")
    target_kind = _result_property("kpi_result_target_kind", _enum(Kind),
                                   "The Kind of a target (NUMERIC for goals and the plan).")
    direction = _result_property("kpi_result_direction", _enum(Direction),
                                 "The Direction of a target (INCREASE otherwise).")

    @property
    def reason(self) -> str:
        """The one-line reason in Japanese (the default language), e.g.
        ``32件 / 目標30件以上 (107%), 期待値15.0 (経過50%) → ◎``; reason_in()
        gives it in another language."""
        return cast(str, self._call(C.kpi_result_reason, DEFAULT_LANG))

    def reason_in(self, lang: _LangArg) -> str:
        """The one-line reason in ``lang`` ("ja", "en" or a Lang), e.g.
        ``32 件 / target 30 件 or more (107%), expected 15.0 (50% elapsed) → ◎``.
        libkpi builds each language's lines on the first request and keeps
        them with the evaluation."""
        return cast(str, self._call(C.kpi_result_reason, Lang.of(lang)))
    inferred = _result_property("kpi_result_inferred", _enum(Field),
                                "For a target, the Field flag of the fields read from its "
                                "text rather than given; Field.NONE otherwise.")

    # -- progress (kpi/progress.h): the updates the rating rests on ----------

    status = _result_property("kpi_result_status", _enum(Status),
                              "The Status the rating rests on: that of the latest update "
                              "on or before the as-of date that gives one; Status.NONE "
                              "when none does.")
    planned = _result_property("kpi_result_planned", date_out,
                               "The planned date given with that status, or None.")
    status_date = _result_property("kpi_result_status_date", date_out,
                                   "The date of the update that gave that status, or None.")
    update_date = _result_property("kpi_result_update_date", date_out,
                                   "The date of the latest update on or before the as-of "
                                   "date, or None.")
    update_planned = _result_property("kpi_result_update_planned", date_out,
                                      "The planned date that latest update gives, or None.")
    update_text = _result_property("kpi_result_update_text",
                                   doc="The text of that latest update, verbatim (\"\" "
                                   "when none).")
    update_status = _result_property("kpi_result_update_status", _enum(Status),
                                     "The Status of that latest update (Status.NONE when "
                                     "it gives none).")
    status_inferred = _result_property("kpi_result_status_inferred", bool,
                                       "True when the status was read from its update's "
                                       "text rather than written by the city.")
    figure_inferred = _result_property("kpi_result_figure_inferred", bool,
                                       "True when the latest figure (actual) was read from "
                                       "a progress text rather than written by the city.")

    # -- directives (kind Object.DIRECTIVE) ----------------------------------

    issuer = _result_property("kpi_result_issuer",
                              doc="Who gave a directive (市長 by default); \"\" for other "
                              "results.")
    issued = _result_property("kpi_result_issued", date_out,
                              "When a directive was given; None when unknown, and for "
                              "other results.")
    open = _result_property("kpi_result_open", bool,
                            "For a directive: True until a response on or before the "
                            "as-of date says DONE or CANCELLED. False for other results.")

    @property
    def days_open(self) -> Optional[int]:
        """For an open directive of known date: the days it has been open
        as of the as-of date (an int). None when it is closed, its date is
        unknown or later than the as-of date, and for other results."""
        h = self._h
        with h.lock:
            h.get()
            # libkpi documents -1 for other results, but gives them 0
            if C.kpi_result_object(self._ptr) != Object.DIRECTIVE:
                return None
            days: int = C.kpi_result_days_open(self._ptr)
        return None if days < 0 else days

    overdue = _result_property("kpi_result_overdue", bool,
                               "For a directive: True when it is open, has no response and "
                               "is older than the policy's directive_days.")

    @property
    def goal_codes(self) -> List[str]:
        """For a directive: the codes of the goals it is addressed to, in
        order (empty: the whole plan, and for other results)."""
        h = self._h
        with h.lock:
            h.get()
            return [C.kpi_result_goal_code_at(self._ptr, i)
                    for i in range(C.kpi_result_goal_count(self._ptr))]

    @property
    def evaluation(self) -> Evaluation:
        """The Evaluation this result belongs to."""
        return cast(Evaluation, self._owner)

    @property
    def parent(self) -> Optional[Result]:
        """The parent's Result, or None for the plan."""
        ptr = self._call(C.kpi_result_parent)
        return Result(self._owner, ptr) if ptr else None

    @property
    def children(self) -> List[Result]:
        """The direct children's results (targets first, then goals)."""
        h = self._h
        with h.lock:
            h.get()
            return [Result(self._owner, C.kpi_result_child_at(self._ptr, i))
                    for i in range(C.kpi_result_child_count(self._ptr))]

    # -- a read-only mapping of the record ------------------------------------
    # A Result is also its record (to_record(), in Japanese) as a read-only
    # mapping: ``r["rating"]``, ``dict(r)``, ``r.keys()``; registered as a
    # collections.abc.Mapping, so that ``pandas.DataFrame(ev)`` builds one
    # row per result with a column per field (pandas takes a list of
    # mappings so) rather than a frame of nested tuples. Equality stays
    # identity: two Results are equal when they are the same result.

    def _mapping(self) -> Dict[str, Any]:
        record = self._cache
        if record is None:
            record = self._cache = self.to_record()
        return record

    def keys(self) -> KeysView[str]:
        """The record's keys: RECORD_FIELDS, in the CSV report's order."""
        return self._mapping().keys()

    def values(self) -> ValuesView[Any]:
        """The record's values, in the order of keys()."""
        return self._mapping().values()

    def items(self) -> ItemsView[str, Any]:
        """The record's (key, value) pairs, in the order of keys()."""
        return self._mapping().items()

    def get(self, key: str, default: Any = None) -> Any:
        """The record's value of ``key``, ``default`` when it has none."""
        return self._mapping().get(key, default)

    def __getitem__(self, key: str) -> Any:
        if not isinstance(key, str):
            raise TypeError("result[...] takes a field name (kpi.RECORD_FIELDS), not %s"
                            % type(key).__name__)
        try:
            return self._mapping()[key]
        except KeyError:
            raise KeyError("%r is not a field of a result (kpi.RECORD_FIELDS)" % key) from None

    def __contains__(self, key: object) -> bool:
        return key in RECORD_FIELDS

    def __iter__(self) -> Iterator[str]:
        """The record's keys (RECORD_FIELDS); the children are ``children``."""
        return iter(RECORD_FIELDS)

    def __len__(self) -> int:
        """The number of the record's keys (len(RECORD_FIELDS))."""
        return len(RECORD_FIELDS)

    @property
    def level(self) -> Optional[Level]:
        """The effective level on the evaluation's scale (a Level: symbol,
        name, label), an assessment's when one applies; None when unrated
        and for directives. On the default scale, the level of ``rating``."""
        index: int = self._call(C.kpi_result_level)
        return self.evaluation._levels()[index] if index >= 0 else None

    @property
    def computed_level(self) -> Optional[Level]:
        """The level by the scale's rules, before assessments, or None."""
        index: int = self._call(C.kpi_result_computed_level)
        return self.evaluation._levels()[index] if index >= 0 else None

    level_cause = _result_property("kpi_result_level_cause", _enum(LevelCause),
                                   "Why the result has its level: LevelCause.CLASS, "
                                   "CONDITION, STATUS, ROLLUP, ASSESSMENT, DEFAULT, or NONE.")

    def count_level(self, level: Union[Level, int, str]) -> int:
        """For a goal or the plan: how many direct children have a level
        (a Level, its index, symbol or name); 0 for targets."""
        if not isinstance(level, Level):
            level = self.evaluation.scale.level(level)
        return cast(int, self._call(C.kpi_result_count_level, level.rank))

    @property
    def level_counts(self) -> Dict[Level, int]:
        """{Level: count} of the direct children, best level first."""
        return {lv: self.count_level(lv) for lv in self.evaluation._levels()}

    def count_rating(self, rating: Union[Rating, str, int]) -> int:
        """For a goal or the plan: how many direct children have ``rating``."""
        return cast(int, self._call(C.kpi_result_count_rating, Rating.of(rating)))

    def count_unrated(self, reason: Union[Unrated, str, int]) -> int:
        """For a goal or the plan: how many direct children are unrated for ``reason``."""
        return cast(int, self._call(C.kpi_result_count_unrated, Unrated.of(reason)))

    @property
    def rating_counts(self) -> Dict[Rating, int]:
        """{Rating: count} of the direct children, for the four ratings."""
        return {r: self.count_rating(r) for r in Rating if r != Rating.NONE}

    @property
    def unrated_counts(self) -> Dict[Unrated, int]:
        """{Unrated: count} of the direct children, for every reason."""
        return {u: self.count_unrated(u) for u in Unrated if u != Unrated.NONE}

    def to_record(self, lang: _LangArg = DEFAULT_LANG) -> Dict[str, Any]:
        """This result as one dict of Evaluation.to_records(), its text in
        ``lang``."""
        h = self._h
        with h.lock:
            scale = C.kpi_evaluation_scale(h.get())
            return _record(self._ptr, Lang.of(lang), scale)

    def __repr__(self) -> str:
        if self._h.ptr is None:
            return "<kpi.Result (evaluation closed)>"
        kind = self.kind
        if kind == Object.DIRECTIVE:
            state = "open" if self.open else "closed"
        else:
            state = self.rating.symbol or self.unrated.name
        return "<kpi.Result %s %r %s>" % (getattr(kind, "stable_name", kind), self.code, state)


# pandas (and any code testing isinstance(x, Mapping)) takes a Result as the
# read-only mapping of its record it is (see Result.keys()). Registered
# rather than inherited: Mapping's mixins would make == compare records.
collections.abc.Mapping.register(Result)
