"""The enumerations of libkpi as IntEnum/IntFlag classes.

Every setter that takes an enumeration also accepts its member name in any
case (``"milestone"``), and ratings also their symbol (``"◎"``) or stable
name (``"on_track"``); languages also ``"ja"`` and ``"en"``; formats their
names (``"json"``, ``"md"``).

Every enumeration has ``stable_name``, the form files and reports use,
from libkpi's own name function (``_c_name("kpi_kind_name")``), so that the
binding keeps no table of names of its own.
"""

from __future__ import annotations

import ctypes
import enum
from typing import Any, Callable, Dict, Type, TypeVar, Union, cast

from ._capi import C, text_in
from ._foreign import plain_int


_E = TypeVar("_E", bound=enum.Enum)


def _c_name(function: str) -> property:
    """The ``stable_name`` property of an enumeration: libkpi's name function
    ``function`` (``"kpi_kind_name"``), so that the binding keeps no name
    table of its own."""
    fn: Callable[[int], str] = getattr(C, function)

    def fget(self: int) -> str:
        return fn(self)
    return property(fget, doc="The stable name (%s())." % function)


class Rating(enum.IntEnum):
    """The seed's 評価基準, worst to best (kpi_rating)."""
    NONE = 0            #: unrated
    NOT_PROGRESSED = 1  #: × 全て目標未進捗
    BEHIND = 2          #: △ 未進捗の部分あり
    ON_TRACK = 3        #: ○ 目標どおり進捗
    AHEAD = 4           #: ◎ 目標を上回る進捗

    @property
    def symbol(self) -> str:
        """"◎", "○", "△", "×", or "" for NONE (kpi_rating_symbol)."""
        return cast(str, C.kpi_rating_symbol(self))

    #: "ahead", "on_track", "behind", "not_progressed", or "" for NONE
    #: (kpi_rating_name): the form used in files and reports.
    stable_name = _c_name("kpi_rating_name")

    def label(self, lang: Union[Lang, int, str] = "ja") -> str:
        """The label in a language, e.g. "目標を上回る進捗" or "ahead of target"."""
        return cast(str, C.kpi_rating_label(self, Lang.of(lang)))

    @classmethod
    def parse(cls, text: str) -> Rating:
        """Reads ◎ ○ △ × or ahead/on_track/behind/not_progressed
        (kpi_rating_parse); KpiValueError for anything else."""
        out = ctypes.c_int()
        C.kpi_rating_parse(ctypes.byref(out), text_in(text, "rating", allow_none=False))
        return cls(out.value)

    @classmethod
    def of(cls, value: Union[Rating, int, str]) -> Union[Rating, int]:
        """A Rating from a Rating, an int, a symbol or a name."""
        if isinstance(value, str):
            try:
                return cls[value.strip().upper()]
            except KeyError:
                return cls.parse(value)
        return _member(cls, value, "rating")


class Unrated(enum.IntEnum):
    """Why a target, goal or plan carries no rating (kpi_unrated)."""
    NONE = 0
    QUALITATIVE = 1
    INCOMPLETE = 2
    INVALID = 3
    NO_DATA = 4
    NOT_DUE = 5
    NO_RATED_CHILDREN = 6
    CANCELLED = 7  #: the latest status says 中止: left out of roll-ups

    #: "NO_DATA", ..., or "" for NONE (kpi_unrated_name).
    stable_name = _c_name("kpi_unrated_name")

    def label(self, lang: Union[Lang, int, str] = "ja") -> str:
        """The reason in words, e.g. "測定値なし" / "no figure reported"."""
        return cast(str, C.kpi_unrated_label(self, Lang.of(lang)))

    @classmethod
    def of(cls, value: Union[Unrated, int, str]) -> Union[Unrated, int]:
        if isinstance(value, str):
            return _by_name(cls, value, "unrated reason")
        return _member(cls, value, "unrated reason")


class Kind(enum.IntEnum):
    """What a target measures (kpi_kind)."""
    NUMERIC = 0
    MILESTONE = 1
    QUALITATIVE = 2

    #: "numeric", "milestone", "qualitative" (kpi_kind_name)
    stable_name = _c_name("kpi_kind_name")

    @classmethod
    def of(cls, value: Union[Kind, int, str]) -> Union[Kind, int]:
        if isinstance(value, str):
            return _by_name(cls, value, "kind")
        return _member(cls, value, "kind")


class Direction(enum.IntEnum):
    """Which way is better (kpi_direction)."""
    INCREASE = 0  #: 以上
    DECREASE = 1  #: 以下

    #: "increase", "decrease" (kpi_direction_name)
    stable_name = _c_name("kpi_direction_name")

    @classmethod
    def of(cls, value: Union[Direction, int, str]) -> Union[Direction, int]:
        if isinstance(value, str):
            return _by_name(cls, value, "direction")
        return _member(cls, value, "direction")


class Schedule(enum.IntEnum):
    """How the expected value grows over a target's period (kpi_schedule)."""
    DEFAULT = 0
    LINEAR = 1
    STEP = 2
    LEVEL = 3

    stable_name = _c_name("kpi_schedule_name")

    @classmethod
    def of(cls, value: Union[Schedule, int, str, None]) -> Union[Schedule, int]:
        if value is None:
            return cls.DEFAULT
        if isinstance(value, str):
            return _by_name(cls, value, "schedule")
        return _member(cls, value, "schedule")


class Accumulate(enum.IntEnum):
    """How measurements add up to the actual value (kpi_accumulate)."""
    LATEST = 0
    SUM = 1

    stable_name = _c_name("kpi_accumulate_name")

    @classmethod
    def of(cls, value: Union[Accumulate, int, str]) -> Union[Accumulate, int]:
        if isinstance(value, str):
            return _by_name(cls, value, "accumulate")
        return _member(cls, value, "accumulate")


class Rollup(enum.IntEnum):
    """How a goal's rating is made from its children's (kpi_rollup)."""
    CRITERIA = 0
    WORST = 1
    WEIGHTED = 2

    stable_name = _c_name("kpi_rollup_name")

    @classmethod
    def of(cls, value: Union[Rollup, int, str]) -> Union[Rollup, int]:
        if isinstance(value, str):
            return _by_name(cls, value, "rollup")
        return _member(cls, value, "rollup")


class Basis(enum.IntEnum):
    """How a scale chooses a target's level (kpi_basis)."""
    CLASS = 0   #: the level tagged with the target's class
    BOUNDS = 1  #: the first level whose condition holds, else by class

    stable_name = _c_name("kpi_basis_name")


class LevelRollup(enum.IntEnum):
    """How a scale rates a goal from its children's levels (kpi_level_rollup)."""
    WORST = 0
    WEIGHTED = 1
    RULES = 2

    stable_name = _c_name("kpi_level_rollup_name")


class Quantifier(enum.IntEnum):
    """The quantifier of a scale's goal roll-up rule (kpi_quantifier)."""
    ALL = 0
    ANY = 1
    OTHERWISE = 2

    stable_name = _c_name("kpi_quantifier_name")


class LevelCause(enum.IntEnum):
    """Why a result has its level (kpi_level_cause)."""
    NONE = 0        #: no level
    CLASS = 1       #: the level tagged with its class
    CONDITION = 2   #: the level's condition held
    STATUS = 3      #: the scale maps its status to the level
    ROLLUP = 4      #: a goal: the scale's roll-up
    ASSESSMENT = 5  #: an assessment's rating
    DEFAULT = 6     #: the default scale: the level of its rating

    stable_name = _c_name("kpi_level_cause_name")


class Lang(enum.IntEnum):
    """Language of human-readable text (kpi_lang): the labels, reason lines
    and reports, chosen for each call that makes text (Result.reason_in(),
    Evaluation.render(), Evaluation.to_records(), Rating.label(), ...).
    Lang.JA is the default everywhere."""
    JA = 0
    EN = 1

    stable_name = _c_name("kpi_lang_name")

    @classmethod
    def of(cls, value: Union[Lang, int, str]) -> Union[Lang, int]:
        if isinstance(value, str):
            return _by_name(cls, value, "language")
        return _member(cls, value, "language")


class Encoding(enum.IntEnum):
    """The encoding of a plan file to read (kpi_encoding)."""
    AUTO = 0
    UTF8 = 1
    CP932 = 2

    stable_name = _c_name("kpi_encoding_name")

    @classmethod
    def of(cls, value: Union[Encoding, int, str, None]) -> Union[Encoding, int]:
        if value is None:
            return cls.AUTO
        if isinstance(value, str):
            key = value.strip().upper().replace("-", "").replace("_", "")
            aliases = {"UTF8": cls.UTF8, "UTF8SIG": cls.UTF8, "CP932": cls.CP932,
                       "SHIFTJIS": cls.CP932, "SJIS": cls.CP932, "MS932": cls.CP932,
                       "WINDOWS31J": cls.CP932, "AUTO": cls.AUTO}
            if key in aliases:
                return aliases[key]
            raise ValueError("unknown encoding %r: expected auto, utf-8 or cp932" % value)
        return _member(cls, value, "encoding")


class Format(enum.IntEnum):
    """The report formats of Evaluation.render() (kpi_format)."""
    TEXT = 0
    MARKDOWN = 1
    JSON = 2
    CSV = 3
    HTML = 4
    #: an Excel workbook: render() gives bytes
    XLSX = 5

    #: "text", "markdown", "json", "csv", "html" or "xlsx" (kpi_format_name)
    stable_name = _c_name("kpi_format_name")

    @classmethod
    def parse(cls, name: str) -> Format:
        """Reads a format name (kpi_format_parse): text, markdown or md, json,
        csv, html, xlsx; KpiValueError for anything else."""
        out = ctypes.c_int()
        C.kpi_format_parse(ctypes.byref(out), text_in(name, "format", allow_none=False))
        return cls(out.value)

    @classmethod
    def of(cls, value: Union[Format, int, str]) -> Union[Format, int]:
        if isinstance(value, str):
            return cls.parse(value.strip().lower())
        return _member(cls, value, "format")


class Object(enum.IntEnum):
    """The objects of a plan that are rated (kpi_object): what a Result
    rates (Result.kind)."""
    PLAN = 0
    GOAL = 1
    TARGET = 2
    DIRECTIVE = 3  #: a directive (指示事項): followed up, not rated

    #: "plan", "goal", "target", "directive": the records' and reports' ``kind``
    stable_name = _c_name("kpi_object_name")


class Field(enum.IntFlag):
    """Fields of a target or an update, as bits (kpi_field): which ones the
    plan-file reader read from a text rather than found written
    (Target.inferred, Result.inferred, Update.inferred,
    Measurement.inferred)."""
    NONE = 0
    LABEL = 1       #: the label
    UNIT = 2        #: the unit
    KIND = 4        #: the kind
    DIRECTION = 8   #: the direction
    VALUE = 16      #: the target value T
    CHANGE_PCT = 32  #: the percent of a relative target
    DUE = 64        #: the due date
    STATUS = 128    #: an update's status (Update.inferred)
    PLANNED = 256   #: an update's planned date (Update.inferred)

    @property
    def stable_name(self) -> str:
        """The fields' names, lower case and separated by spaces in bit order
        ("unit value"), as the CSV report's ``inferred`` column and the JSON
        report's "inferred" member write them; "" for none."""
        return " ".join(_field_name(m) for m in _FIELD_BITS if self & m)

    @classmethod
    def parse(cls, text: str) -> Field:
        """Reads field names separated by spaces or commas, in any case and
        order ("unit value", "VALUE,unit"); "" is Field.NONE. ValueError for
        a name that is no field."""
        fields = cls.NONE
        for name in text.replace(",", " ").split():
            key = name.upper()
            if key not in _FIELD_NAMES:
                raise ValueError("unknown field %r: expected %s" % (
                    name, ", ".join(cast(str, m.name).lower() for m in _FIELD_BITS)))
            fields |= cls[key]
        return fields

    @classmethod
    def of(cls, value: Union[Field, int, str, None]) -> Union[Field, int]:
        """A Field from a Field, an int, names (see parse()) or None (NONE).
        An int with bits that are no field is passed on as it is, for libkpi
        to refuse (KpiValueError); one that is no uint32 is refused here."""
        if value is None:
            return cls.NONE
        if isinstance(value, str):
            return cls.parse(value)
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError("fields must be a Field, names or an int, not %s"
                            % type(value).__name__)
        if not 0 <= value < 2**32:
            from ._errors import KpiValueError
            raise KpiValueError("fields %d are out of range" % value, function="fields")
        if value & ~sum(_FIELD_BITS):
            return int(value)
        return cls(value)


def _field_name(bit: Field) -> str:
    """One field's stable name, libkpi's (kpi_field_name())."""
    return cast(str, C.kpi_field_name(int(bit)))


_FIELD_BITS = [Field.LABEL, Field.UNIT, Field.KIND, Field.DIRECTION, Field.VALUE,
               Field.CHANGE_PCT, Field.DUE, Field.STATUS, Field.PLANNED]
_FIELD_NAMES = {m.name for m in _FIELD_BITS}
#: The fields of a target (Target.inferred); STATUS and PLANNED are an update's.
TARGET_FIELDS = (Field.LABEL | Field.UNIT | Field.KIND | Field.DIRECTION | Field.VALUE |
                 Field.CHANGE_PCT | Field.DUE)


class Status(enum.IntEnum):
    """The state of the work an update reports (kpi_status), as the city
    words it: 検討中 is PREPARING, 開催予定 SCHEDULED. ``Status.of()`` and
    the setters take a member, its stable name (``"preparing"``, any case)
    or one of the Japanese words libkpi knows (kpi_status_parse)."""
    NONE = 0         #: the update says nothing of the state
    NOT_STARTED = 1  #: 未着手
    PREPARING = 2    #: 検討中, 準備中, 調整中, 策定中, 協議中, 計画中
    IN_PROGRESS = 3  #: 実施中, 推進中, 継続中, 取組中
    SCHEDULED = 4    #: 予定, 開催予定, 実施予定: needs its planned date
    DONE = 5         #: 完了, 実施済, 開催済, 策定済, 達成
    POSTPONED = 6    #: 延期, 見送り, 休止
    CANCELLED = 7    #: 中止, 取りやめ, 廃止: no longer a target

    #: "not_started", "preparing", ..., "cancelled", or "" for NONE
    #: (kpi_status_name): the progress file's ``status`` column
    stable_name = _c_name("kpi_status_name")

    def label(self, lang: Union[Lang, int, str] = "ja") -> str:
        """The status in words, e.g. "検討中" or "preparing"; "" for NONE
        (kpi_status_label)."""
        return cast(str, C.kpi_status_label(self, Lang.of(lang)))

    @classmethod
    def parse(cls, text: str) -> Status:
        """Reads a stable name (any case) or a Japanese word (検討中, 開催予定,
        完了, 中止, ...; kpi_status_parse); KpiValueError for a word that
        names no status."""
        out = ctypes.c_int()
        C.kpi_status_parse(ctypes.byref(out), text_in(text, "status", allow_none=False))
        return cls(out.value)

    @classmethod
    def of(cls, value: Union[Status, int, str, None]) -> Union[Status, int]:
        """A Status from a Status, an int, a name or a word; None is NONE."""
        if value is None:
            return cls.NONE
        if isinstance(value, str):
            key = value.strip().upper()
            if key in cls.__members__:
                return cls[key]
            return cls.parse(value)
        return _member(cls, value, "status")


class ProblemKind(enum.IntEnum):
    """What Plan.validate() found wrong (kpi_problem): Problem.kind.

    Its values are not those of Unrated (INVALID is 2 here, 3 there), so a
    ProblemKind never equals a member of another enumeration, whatever its
    value: ``ProblemKind.UNANSWERED == Unrated.INVALID`` is False (it is 3
    == 3 as ints). It equals its own members and plain ints."""
    NONE = 0        #: no problem
    INCOMPLETE = 1  #: a target lacks a value its kind needs (it would be Unrated.INCOMPLETE)
    INVALID = 2     #: a target's values contradict each other (Unrated.INVALID)
    UNANSWERED = 3  #: a directive has had no response for the policy's number of days

    #: "incomplete", "invalid", "unanswered", or "" for NONE (kpi_problem_name)
    stable_name = _c_name("kpi_problem_name")

    def __eq__(self, other: object) -> bool:
        if isinstance(other, enum.Enum) and not isinstance(other, ProblemKind):
            return False
        return int.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    def __hash__(self) -> int:
        return int.__hash__(self)


class WarningKind(enum.IntEnum):
    """What a reader's warning is about (kpi_warning)."""
    IGNORED = 0   #: something in the file was not used (an unknown column, ...)
    INFERRED = 1  #: fields were read from a target's text, or could not be

    stable_name = _c_name("kpi_warning_name")


class WriteFlags(enum.IntFlag):
    """Flags of the plan file writers (kpi_write_flags)."""
    DEFAULT = 0
    NO_BOM = 1
    CRLF = 2
    #: texts as they are: no apostrophe before one a spreadsheet would take
    #: for a formula (for programs)
    RAW = 4


def _member(cls: Type[_E], value: object, what: str) -> Union[_E, int]:
    value = plain_int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("%s must be a %s, its name or an int, not %s"
                        % (what, cls.__name__, type(value).__name__))
    # Values outside the enumeration are passed on as they are: libkpi
    # refuses them with KPI_ERR_VALUE and a message of its own. Values no C
    # int can hold are refused here the same way, since ctypes would
    # silently cut them to an int that may well be a member.
    try:
        return cls(value)
    except ValueError:
        pass
    if not -2**31 <= value < 2**31:
        from ._errors import KpiValueError
        raise KpiValueError("%s %d is out of range" % (what, value), function=what)
    return int(value)


# The spellings the plan files accept besides the member names.
_ALIASES: Dict[str, Dict[str, int]] = {
    "Kind": {"数値": 0, "達成": 1, "定性": 2},
    "Direction": {">=": 0, "以上": 0, "<=": 1, "以下": 1},
}


def _by_name(cls: Type[_E], value: str, what: str) -> _E:
    key = value.strip().upper()
    try:
        return cls[key]
    except KeyError:
        alias = _ALIASES.get(cls.__name__, {}).get(value.strip())
        if alias is not None:
            return cls(alias)
        raise ValueError("unknown %s %r: expected one of %s" % (
            what, value, ", ".join(m.name.lower() for m in cls))) from None


def enum_out(cls: Type[_E], value: int) -> Union[_E, int]:
    """An int from C -> member of cls (the int itself for unknown values)."""
    try:
        return cls(value)
    except ValueError:
        return value


# ---------------------------------------------------------------------------
# Printing: the same on every Python version. IntEnum's str() is the member's
# repr-like name before Python 3.11 and its int from 3.11 ("4"); here it is
# what a report writes: a rating's symbol ("◎", "unrated" for NONE), every
# other member's stable name ("numeric", "NO_DATA", "json"; the member's own
# name in lower case where libkpi's is ""). f-strings and format() give the
# same, except with an integer presentation type ("{:d}", "{:x}").

_INT_PRESENTATIONS = frozenset("bcdoxXn")


def _str(member: Any) -> str:
    if isinstance(member, Rating):
        return member.symbol if member else "unrated"
    name: str = member.stable_name
    return name if name else cast(str, member.name).lower()


def _format(member: Any, spec: str) -> str:
    if spec and spec[-1] in _INT_PRESENTATIONS:
        return int.__format__(int(member), spec)
    return format(_str(member), spec)


for _cls in (Rating, Unrated, Kind, Direction, Schedule, Accumulate, Rollup, Lang,
             Encoding, Format, Object, Status, ProblemKind, WarningKind, Basis, LevelRollup,
             Quantifier, LevelCause):
    # setattr: mypy refuses to assign to a method of a class
    setattr(_cls, "__str__", _str)
    setattr(_cls, "__format__", _format)
del _cls
