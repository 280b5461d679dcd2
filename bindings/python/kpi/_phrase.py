"""Reading what the city writes: targets (kpi/phrase.h) and progress
prose (kpi/prose.h)."""

from __future__ import annotations

import ctypes
import enum
from typing import List, NamedTuple, Optional, Union

from ._capi import C, text_in
from ._dates import _i32, date_out
from ._enums import Direction, Kind, Status, enum_out
from ._model import opt_float


class PhraseTarget(NamedTuple):
    """One target read from a phrase such as 物件登録件数30件以上."""
    text: str                  #: the part of the phrase it was read from, verbatim
    label: str                 #: what is counted ("" when none was found)
    unit: str                  #: 件, 回, 校, % ... ("" when none)
    kind: Union[Kind, int]            #: an int only for a kind this package does not know
    direction: Union[Direction, int]  #: an int only for one this package does not know
    value: Optional[float]     #: T, or None (relative targets, milestones, qualitative)
    change_pct: Optional[float]  #: p of a relative target, or None
    due_month: Optional[int]   #: the month named ((8月) gives 8), or None
    due: object                #: datetime.date from the month and fiscal year, or None
    confidence: float          #: 1.0 when every part was understood
    issues: List[str]          #: what could not be read, in English


def parse_phrase(text: str, fiscal_year: int = 0) -> List[PhraseTarget]:
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
        targets: List[PhraseTarget] = []
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


# ---------------------------------------------------------------------------
# Progress prose (kpi/prose.h)


class ProseFlag(enum.IntFlag):
    """What a figure's wording says besides its value (kpi_prose_flag)."""
    NONE = 0
    CUMULATIVE = 1   #: 延べ, 累計, 通算: a count of attendances, not people
    APPROXIMATE = 2  #: 約, 程度, 前後
    TOTAL = 4        #: 合計, 計, 総数: a sum of other counts
    PART = 8         #: included in another figure (うち3件)
    CHANGE = 16      #: a change, not a level (前年度比10%増, 10件増)


class ProseFigure(NamedTuple):
    """One figure a statement states (物件登録件数：32件)."""
    text: str               #: the figure as written, verbatim (延べ69人)
    label: str              #: what it counts ("" when none is written)
    value: Optional[float]  #: the value (1.5万人 is 15000.0)
    unit: str               #: 件, 回, 人 ... ("" when none)
    flags: ProseFlag        #: CUMULATIVE, APPROXIMATE, TOTAL, PART, CHANGE
    date: object            #: datetime.date the figure is given for, or None
    confidence: float       #: 1.0 when label, value and unit were all written
    issue: str              #: why the confidence is below 1, in English ("" when 1)


class ProseStatement(NamedTuple):
    """One thing a progress text reports (上田城跡能を8月に開催)."""
    text: str                   #: the part of the text it was read from, verbatim
    subject: str                #: what it is about ("" when it names none)
    status: Union[Status, int]  #: Status.NONE when it states none
    status_word: str            #: the words the status was read from (開催予定)
    planned: object             #: datetime.date the work is planned for, or None
    done: object                #: datetime.date the work was done, or None
    confidence: float           #: 1.0 exactly when nothing was guessed
    issues: List[str]           #: what was guessed or could not be read, in English
    figures: List[ProseFigure]  #: the figures stated, in the order written


def read_prose(text: str, fiscal_year: int = 0) -> List[ProseStatement]:
    """Reads the text of a 進捗状況 cell (an update) into statements, one
    per thing reported (kpi_prose_read): a list of ProseStatement, each
    with its status, planned or done date and the figures it states.
    ``fiscal_year`` (2017 for 平成29年度) turns a month into a date; 0
    leaves months without dates. A reading libkpi is unsure of has a
    confidence below 1 and says why: it is never a certain guess.
    KpiValueError for an empty text, KpiLimitError past 64 KiB."""
    out = ctypes.c_void_p()
    C.kpi_prose_read(ctypes.byref(out), text_in(text, "text", allow_none=False),
                     _i32(fiscal_year, "fiscal_year"))
    p = out.value
    try:
        statements: List[ProseStatement] = []
        for i in range(C.kpi_prose_count(p)):
            figures = [ProseFigure(
                text=C.kpi_prose_figure_text_at(p, i, j),
                label=C.kpi_prose_figure_label_at(p, i, j),
                value=opt_float(C.kpi_prose_figure_value_at(p, i, j)),
                unit=C.kpi_prose_figure_unit_at(p, i, j),
                flags=ProseFlag(C.kpi_prose_figure_flags_at(p, i, j)),
                date=date_out(C.kpi_prose_figure_date_at(p, i, j)),
                confidence=C.kpi_prose_figure_confidence_at(p, i, j),
                issue=C.kpi_prose_figure_issue_at(p, i, j))
                for j in range(C.kpi_prose_figure_count_at(p, i))]
            statements.append(ProseStatement(
                text=C.kpi_prose_text_at(p, i),
                subject=C.kpi_prose_subject_at(p, i),
                status=enum_out(Status, C.kpi_prose_status_at(p, i)),
                status_word=C.kpi_prose_status_word_at(p, i),
                planned=date_out(C.kpi_prose_planned_at(p, i)),
                done=date_out(C.kpi_prose_done_at(p, i)),
                confidence=C.kpi_prose_confidence_at(p, i),
                issues=[C.kpi_prose_issue_at(p, i, k)
                        for k in range(C.kpi_prose_issue_count_at(p, i))],
                figures=figures))
        return statements
    finally:
        C.kpi_prose_free(p)
