"""Rating scales (kpi/scale.h, docs/scales.md): the seed's ◎○△× is one
city's scale; Scale.builtin("nagayo") and the others of the contract's
table, or a city's own scale file with Scale.read(path), rate on S/A/B/C,
A–D bands, 順調/遅れ, points...

A scale never changes once read. It is set on a Policy (``Policy(scale=...)``)
or on a plan (``plan.scale``, the structure file's ``scale`` column); every
Result then has a ``level`` beside its unchanged ``rating``.
"""

from __future__ import annotations

import ctypes
import math
import os
import pickle
import weakref
from typing import (Any, Callable, FrozenSet, List, NamedTuple, Optional, Tuple, Union,
                    cast)

from ._capi import C, text_in
from ._enums import (Basis, Lang, LevelRollup, Quantifier, Rating, Status, Unrated,
                     enum_out)
from ._handle import Owner

#: What a scale may be given as: a Scale, a built-in id ("nagayo") or the
#: path of a scale file.
ScaleArg = Union["Scale", str, "os.PathLike[str]"]


class Level(NamedTuple):
    """One level of a scale, best first (``rank`` 0 is the best)."""
    rank: int
    symbol: str
    name: str
    label_ja: str
    label_en: str
    #: The classes of Rating it stands for (each class on exactly one level).
    classes: FrozenSet[Rating]
    #: Its condition as written ("achievement >= 90%"), "" for none.
    when: str
    #: Its score in a weighted roll-up, None when it has none.
    score: Optional[float]
    #: The lowest weighted mean at which a goal gets it, None when none.
    goal_min: Optional[float]

    def label(self, lang: Union[Lang, str, int] = "ja") -> str:
        """The label in a language."""
        return self.label_en if Lang.of(lang) == Lang.EN else self.label_ja

    def __str__(self) -> str:
        return self.symbol


class Rule(NamedTuple):
    """A goal roll-up rule of a scale: the first that holds gives the goal
    its level."""
    quantifier: Union[Quantifier, int]
    levels: Tuple[Level, ...]
    result: Level


def _none_if_nan(value: float) -> Optional[float]:
    return None if math.isnan(value) else value


class Scale(Owner):
    """A rating scale: its levels best first, how a target's level is
    chosen (``basis``), how a goal's is (``rollup``, ``rules``), statuses
    that name a level, and how unrated results are shown.

    Made by ``Scale.builtin(id)``, ``Scale.read(path)`` or
    ``Scale.read_bytes(data)``; ``Scale.of(x)`` takes any of a Scale, a
    built-in id or a path. Errors in a scale file raise KpiError subclasses
    whose message names the file, line and column."""

    #: How to make the scale again when pickled: ("builtin", id) or
    #: ("bytes", (source, data)); None for one handed over by libkpi.
    _payload: Optional[Tuple[str, Any]]

    def __init__(self) -> None:
        raise TypeError("scales are made by Scale.builtin(), Scale.read(), "
                        "Scale.read_bytes() or Scale.of()")

    @classmethod
    def _from_ptr(cls, ptr: Optional[int], payload: Optional[Tuple[str, Any]]) -> Scale:
        self = cls.__new__(cls)
        self._adopt(ptr, "scale", C.kpi_scale_free)
        self._payload = payload
        if payload is not None and ptr:
            _MADE[ptr] = self
        return self

    @classmethod
    def _dup(cls, ptr: int) -> Scale:
        """A Scale of its own on a scale libkpi holds (a policy's, a plan's, an
        evaluation's): the caller holds that holder's lock. libkpi shares a
        scale rather than copying it, so the address is the one of the Scale
        it was set from, whose way of being made (for pickling) it takes
        while that Scale lives."""
        out = ctypes.c_void_p()
        C.kpi_scale_dup(ctypes.byref(out), ptr)
        made = _MADE.get(ptr)
        return cls._from_ptr(out.value, made._payload if made is not None else None)

    @classmethod
    def builtin(cls, id: str) -> Scale:
        """A scale built into libkpi: one of Scale.builtins() ("ueda",
        "akiruno", "nagayo", ...); KpiNotFound for another id."""
        out = ctypes.c_void_p()
        C.kpi_scale_builtin(ctypes.byref(out), text_in(id, "id", allow_none=False))
        return cls._from_ptr(out.value, ("builtin", id))

    @staticmethod
    def builtins() -> List[str]:
        """The ids of the built-in scales, in the contract's order."""
        return [C.kpi_scale_builtin_id_at(i) for i in range(C.kpi_scale_builtin_count())]

    @classmethod
    def read(cls, path: Union[str, bytes, "os.PathLike[Any]", Any]) -> Scale:
        """A scale read from a scale file (a path or a binary file object)."""
        if hasattr(path, "read"):
            data = path.read()
            source = getattr(path, "name", None)
            return cls.read_bytes(data, source if isinstance(source, str) else None)
        with open(os.fspath(path), "rb") as f:
            data = f.read()
        name = os.fsdecode(os.fspath(path))
        return cls.read_bytes(data, name)

    @classmethod
    def read_bytes(cls, data: Union[bytes, str], source: Optional[str] = None) -> Scale:
        """A scale read from the contents of a scale file (bytes, or str
        encoded as UTF-8); messages name it ``source`` ("scale" by default)."""
        raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
        out = ctypes.c_void_p()
        C.kpi_scale_read_buffer(ctypes.byref(out), raw, len(raw),
                                text_in(source, "source"))
        return cls._from_ptr(out.value, ("bytes", (source, raw)))

    @classmethod
    def of(cls, value: ScaleArg) -> Scale:
        """A Scale from a Scale (itself), a built-in id or a scale file's path:
        a str naming no built-in scale is read as a path."""
        if isinstance(value, Scale):
            return value
        if isinstance(value, str) and value in cls.builtins():
            return cls.builtin(value)
        if isinstance(value, (str, os.PathLike)):
            return cls.read(value)
        raise TypeError("a scale is a kpi.Scale, a built-in id or a path, not %s"
                        % type(value).__name__)

    # -- the scale ------------------------------------------------------------

    @property
    def id(self) -> str:
        """The scale's id ("nagayo")."""
        return cast(str, self._call(C.kpi_scale_id))

    @property
    def title(self) -> str:
        """The title in Japanese; title_in(lang) for another language."""
        return self.title_in(Lang.JA)

    def title_in(self, lang: Union[Lang, str, int]) -> str:
        """The title in a language ("" when the file gives none)."""
        return cast(str, self._call(C.kpi_scale_title, Lang.of(lang)))

    @property
    def basis(self) -> Union[Basis, int]:
        """Basis.CLASS or Basis.BOUNDS."""
        return enum_out(Basis, self._call(C.kpi_scale_basis))

    @property
    def rollup(self) -> Union[LevelRollup, int]:
        """LevelRollup.WORST, WEIGHTED or RULES."""
        return enum_out(LevelRollup, self._call(C.kpi_scale_rollup))

    @property
    def ahead(self) -> Optional[float]:
        """The scale's own ahead threshold, None when it takes the policy's."""
        return _none_if_nan(self._call(C.kpi_scale_ahead))

    @property
    def on_track(self) -> Optional[float]:
        """The scale's own on-track threshold, None when it takes the policy's."""
        return _none_if_nan(self._call(C.kpi_scale_on_track))

    @property
    def levels(self) -> List[Level]:
        """The levels, best first."""
        h = self._h
        with h.lock:
            p = h.get()
            return [_level(p, i) for i in range(C.kpi_scale_level_count(p))]

    def level(self, key: Union[int, str]) -> Level:
        """A level by index, symbol or stable name; KeyError when none."""
        levels = self.levels
        if isinstance(key, int) and not isinstance(key, bool):
            if 0 <= key < len(levels):
                return levels[key]
        elif isinstance(key, str):
            for level in levels:
                if key in (level.symbol, level.name):
                    return level
        raise KeyError("%r is no level of the scale %r" % (key, self.id))

    def level_of(self, rating: Union[Rating, str, int]) -> Optional[Level]:
        """The level tagged with a class of Rating; None for Rating.NONE."""
        index = self._call(C.kpi_scale_level_of_class, Rating.of(rating))
        return self.levels[index] if index >= 0 else None

    def status_level(self, status: Union[Status, str, int]) -> Optional[Level]:
        """The level a status names outright (Akiruno: done → F), or None."""
        index = self._call(C.kpi_scale_status_level, Status.of(status))
        return self.levels[index] if index >= 0 else None

    def unrated_symbol(self, reason: Union[Unrated, str, int]) -> str:
        """How the scale shows a result unrated for a reason ("−"), "" for
        the reports' own mark."""
        return cast(str, self._call(C.kpi_scale_unrated_symbol, Unrated.of(reason)))

    def unrated_label(self, reason: Union[Unrated, str, int],
                      lang: Union[Lang, str, int] = "ja") -> str:
        """The label the scale gives a result unrated for a reason, or ""."""
        return cast(str, self._call(C.kpi_scale_unrated_label, Unrated.of(reason),
                                    Lang.of(lang)))

    @property
    def rules(self) -> List[Rule]:
        """The goal roll-up rules, in order (LevelRollup.RULES)."""
        levels = self.levels
        h = self._h
        with h.lock:
            p = h.get()
            return [Rule(enum_out(Quantifier, C.kpi_scale_rule_quantifier(p, i)),
                         tuple(lv for lv in levels if C.kpi_scale_rule_has_level(p, i, lv.rank)),
                         levels[C.kpi_scale_rule_result(p, i)])
                    for i in range(C.kpi_scale_rule_count(p))]

    @property
    def warnings(self) -> List[str]:
        """The warnings reading the scale gave ("file:line: message")."""
        h = self._h
        with h.lock:
            p = h.get()
            return [C.kpi_scale_warning_at(p, i) for i in range(C.kpi_scale_warning_count(p))]

    # -- pickling ---------------------------------------------------------------

    def _description(self) -> Tuple[Any, ...]:
        """Everything the scale says, to compare two scales."""
        return (self.id, self.title_in("ja"), self.title_in("en"), self.basis, self.rollup,
                self.ahead, self.on_track, tuple(self.levels), tuple(self.rules),
                tuple(self._call(C.kpi_scale_status_level, s) for s in Status),
                tuple((self.unrated_symbol(u), self.unrated_label(u, "ja"),
                       self.unrated_label(u, "en")) for u in Unrated))

    def __reduce__(self) -> Tuple[Callable[[str, Any], Scale], Tuple[str, Any]]:
        payload = self._payload
        if payload is None and self.id in self.builtins() and \
                self._description() == Scale.builtin(self.id)._description():
            payload = ("builtin", self.id)
        if payload is None:
            raise pickle.PicklingError(
                "scale %r was not read by this process (Scale.read() or builtin()): "
                "pickle the Scale it was made from" % self.id)
        return (_scale_from, payload)

    def __repr__(self) -> str:
        if self.closed:
            return "<kpi.Scale (closed)>"
        return "<kpi.Scale %r: %s>" % (self.id, " ".join(lv.symbol for lv in self.levels))


#: The Scales made by this process that know how they were made, by
#: address: a scale handed back by libkpi is the same object.
_MADE: "weakref.WeakValueDictionary[int, Scale]" = weakref.WeakValueDictionary()


def _level(ptr: int, i: int) -> Level:
    classes = frozenset(r for r in Rating
                        if r != Rating.NONE and C.kpi_scale_level_has_class(ptr, i, r))
    return Level(i, C.kpi_scale_level_symbol(ptr, i), C.kpi_scale_level_name(ptr, i),
                 C.kpi_scale_level_label(ptr, i, Lang.JA),
                 C.kpi_scale_level_label(ptr, i, Lang.EN), classes,
                 C.kpi_scale_level_when(ptr, i),
                 _none_if_nan(C.kpi_scale_level_score(ptr, i)),
                 _none_if_nan(C.kpi_scale_level_goal_min(ptr, i)))


def _scale_from(kind: str, payload: Any) -> Scale:
    if kind == "builtin":
        return Scale.builtin(payload)
    source, data = payload
    return Scale.read_bytes(data, source)



def held_scale(owner: Owner, getter: Callable[[int], Optional[int]]) -> Optional[Scale]:
    """The scale a policy or a plan holds (getter: kpi_policy_scale or
    kpi_plan_scale), as a Scale of its own; None when it holds none."""
    h = owner._h
    with h.lock:
        ptr = getter(h.get())
        return Scale._dup(ptr) if ptr else None


def hold_scale(owner: Owner, setter: Callable[[int, Optional[int]], object],
               value: Optional[ScaleArg]) -> Optional[Scale]:
    """Sets the scale a policy or a plan holds (setter: kpi_policy_set_scale or
    kpi_plan_set_scale) from a Scale, an id or a path, or clears it (None);
    returns the Scale set, for the holder to keep."""
    scale = None if value is None else Scale.of(value)
    h = owner._h
    with h.lock:
        if scale is None:
            setter(h.get(), None)
        else:
            with scale._h.lock:
                setter(h.get(), scale._h.get())
    return scale
