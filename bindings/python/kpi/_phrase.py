"""Reading targets as the city writes them (kpi/phrase.h)."""

import ctypes
from typing import List, NamedTuple, Optional

from ._capi import C, text_in
from ._dates import _i32, date_out
from ._enums import Direction, Kind, enum_out
from ._model import opt_float


class PhraseTarget(NamedTuple):
    """One target read from a phrase such as 物件登録件数30件以上."""
    text: str                  #: the part of the phrase it was read from, verbatim
    label: str                 #: what is counted ("" when none was found)
    unit: str                  #: 件, 回, 校, % ... ("" when none)
    kind: Kind
    direction: Direction
    value: Optional[float]     #: T, or None (relative targets, milestones, qualitative)
    change_pct: Optional[float]  #: p of a relative target, or None
    due_month: Optional[int]   #: the month named ((8月) gives 8), or None
    due: object                #: datetime.date from the month and fiscal year, or None
    confidence: float          #: 1.0 when every part was understood
    issues: List[str]          #: what could not be read, in English


def parse_phrase(text, fiscal_year=0):
    """Reads one cell of a plan's 期限・数値目標等 column and returns the
    targets it finds (kpi_phrase_parse) as a list of PhraseTarget.
    ``fiscal_year`` (2017 for 平成29年度) turns a month into a due date; 0
    leaves the due date out. A reading libkpi is unsure of has a confidence
    below 1 and lists its issues: it is never a certain guess."""
    out = ctypes.c_void_p()
    C.kpi_phrase_parse(ctypes.byref(out), text_in(text, "text", allow_none=False),
                       _i32(fiscal_year, "fiscal_year"))
    p = out.value
    try:
        targets = []
        for i in range(C.kpi_phrase_count(p)):
            month = C.kpi_phrase_due_month_at(p, i)
            targets.append(PhraseTarget(
                text=C.kpi_phrase_text_at(p, i),
                label=C.kpi_phrase_label_at(p, i),
                unit=C.kpi_phrase_unit_at(p, i),
                kind=enum_out(Kind, C.kpi_phrase_kind_at(p, i)),
                direction=enum_out(Direction, C.kpi_phrase_direction_at(p, i)),
                value=opt_float(C.kpi_phrase_value_at(p, i)),
                change_pct=opt_float(C.kpi_phrase_change_pct_at(p, i)),
                due_month=month or None,
                due=date_out(C.kpi_phrase_due_at(p, i)),
                confidence=C.kpi_phrase_confidence_at(p, i),
                issues=[C.kpi_phrase_issue_at(p, i, j)
                        for j in range(C.kpi_phrase_issue_count_at(p, i))]))
        return targets
    finally:
        C.kpi_phrase_free(p)
