"""Progress: statuses, updates on targets, goals and directives, directives,
the plan's report date, and what evaluations and validation make of them
(kpi/progress.h, and the progress parts of kpi/common.h, kpi/target.h and
kpi/evaluate.h)."""

import datetime
import gc
import os
import re

import pytest

import kpi
from kpi import Field, Object, ProblemKind, Rating, Status, Unrated
from kpi._capi import C
from conftest import REPO

D = datetime.date
BIG = 2**32  # an int ctypes would cut down to a small one


def small_plan(**plan_fields):
    """A plan with one goal "1" and two milestone targets, "1-a" and "1-b"."""
    plan = kpi.Plan("p", "計画", fiscal_year=2017, **plan_fields)
    goal = plan.add_goal("1", "文化の振興")
    goal.add_target("1-a", "子ども文化講座", kind="milestone")
    goal.add_target("1-b", "子ども文化祭", kind="milestone")
    return plan


# ---------------------------------------------------------------------------
# Enumerations


def test_status_names_come_from_libkpi():
    assert [s.name for s in Status] == ["NONE", "NOT_STARTED", "PREPARING", "IN_PROGRESS",
                                       "SCHEDULED", "DONE", "POSTPONED", "CANCELLED"]
    for s in Status:
        assert s.stable_name == C.kpi_status_name(s)
        assert s.stable_name == (s.name.lower() if s else "")
    assert Status.PREPARING.label("en") == "preparing"
    assert Status.CANCELLED.label() == "中止"
    assert Status.NONE.label() == ""


def test_status_of_reads_names_words_and_ints():
    assert Status.of("scheduled") is Status.SCHEDULED
    assert Status.of(" In_Progress ") is Status.IN_PROGRESS
    assert Status.of("検討中") is Status.PREPARING
    assert Status.of("開催予定") is Status.SCHEDULED
    assert Status.of("中止") is Status.CANCELLED
    assert Status.parse("完了") is Status.DONE
    assert Status.of(5) is Status.DONE
    assert Status.of(None) is Status.NONE
    with pytest.raises(kpi.KpiValueError, match="is not a status") as e:
        Status.of("たぶん")
    assert e.value.code == -6 and e.value.function == "kpi_status_parse"
    with pytest.raises(TypeError):
        Status.of(1.5)
    with pytest.raises(TypeError):
        Status.of(True)
    # an int no C int holds is refused before ctypes cuts it (BIG + 5 would be DONE)
    with pytest.raises(kpi.KpiValueError, match="out of range"):
        Status.of(BIG + 5)
    assert Status.of(99) == 99  # passed on, for libkpi to refuse


def test_new_members_of_existing_enumerations():
    assert Unrated.CANCELLED == 7
    assert Unrated.CANCELLED.stable_name == C.kpi_unrated_name(7) == "CANCELLED"
    assert Unrated.CANCELLED.label("en") == C.kpi_unrated_label(7, 1)
    assert Object.DIRECTIVE == 3 and Object.DIRECTIVE.stable_name == "directive"
    assert Field.STATUS == 128 and Field.PLANNED == 256
    assert (Field.STATUS | Field.PLANNED).stable_name == "status planned"
    assert Field.parse("planned, status") == Field.STATUS | Field.PLANNED
    assert Field.of(512) == 512  # no field: passed on


def test_problem_kind():
    assert [k.stable_name for k in ProblemKind] == ["", "incomplete", "invalid", "unanswered"]
    assert all(k.stable_name == C.kpi_problem_name(k) for k in ProblemKind)
    # not Unrated's numbering: never equal to a member of another enumeration
    assert ProblemKind.UNANSWERED != Unrated.INVALID
    assert not ProblemKind.INVALID == Unrated.NOT_DUE
    assert ProblemKind.INVALID == 2 and ProblemKind.INVALID == ProblemKind(2)
    assert {ProblemKind.INVALID: "x"}[2] == "x"


# ---------------------------------------------------------------------------
# Updates


def test_target_updates():
    plan = small_plan()
    t = plan["1-a"]
    assert len(t.updates) == 0 and list(t.updates) == []
    u = t.add_update("2017-09-15", "10月に開催予定", status="開催予定", planned="2017-10",
                     author="文化振興課")
    assert isinstance(u, kpi.Update)
    assert u.date == D(2017, 9, 15)
    assert u.text == "10月に開催予定"
    assert u.status is Status.SCHEDULED
    assert u.planned == D(2017, 10, 31)  # a month is its last day
    assert u.author == "文化振興課"
    assert u.inferred == Field.NONE and isinstance(u.inferred, Field)
    assert u.of == t and u.plan is plan
    assert "scheduled" in repr(u) and "2017-10-31" in repr(u)

    v = t.add_update(D(2017, 9, 30))  # an update may carry nothing but its date
    assert (v.text, v.status, v.planned, v.author) == ("", Status.NONE, None, "")
    assert len(t.updates) == 2
    assert t.updates[0] == u and t.updates[-1] == v
    assert t.updates[0:2] == [u, v]
    assert hash(t.updates[0]) == hash(u)
    with pytest.raises(kpi.KpiRangeError):
        t.updates[2]
    with pytest.raises(TypeError):
        t.updates["0"]
    assert len(t) == 0  # iterating a target still gives its measurements


def test_update_setters():
    plan = small_plan()
    u = plan["1-a"].add_update("2017-09-15", "検討中", status=Status.PREPARING)
    u.date = 20170916
    u.text = "実施中"
    u.author = "課"
    assert (u.date, u.text, u.author) == (D(2017, 9, 16), "実施中", "課")
    u.text = None
    u.author = ""
    assert (u.text, u.author) == ("", "")

    u.set_status("scheduled", "2017-11-18")
    assert (u.status, u.planned) == (Status.SCHEDULED, D(2017, 11, 18))
    u.planned = "2017-12"  # keeps the status
    assert (u.status, u.planned) == (Status.SCHEDULED, D(2017, 12, 31))
    u.status = "done"  # keeps the planned date
    assert (u.status, u.planned) == (Status.DONE, D(2017, 12, 31))
    u.set_status(Status.IN_PROGRESS)  # both at once: no planned date
    assert (u.status, u.planned) == (Status.IN_PROGRESS, None)
    u.status = None
    assert u.status is Status.NONE


def test_update_errors():
    plan = small_plan()
    t = plan["1-a"]
    # checked before the update is added: the target is left as it was
    with pytest.raises(kpi.KpiValueError) as e:
        t.add_update("2017-09-15", "予定", status="scheduled")
    assert e.value.code == -6 and e.value.name == "KPI_ERR_VALUE"
    with pytest.raises(kpi.KpiValueError, match="is not a status"):
        t.add_update("2017-09-15", "?", status="ぼちぼち")
    with pytest.raises(kpi.KpiValueError):
        t.add_update("2017-09-15", status=99)
    with pytest.raises(kpi.KpiValueError, match="out of range"):
        t.add_update("2017-09-15", status=BIG + 5)
    with pytest.raises(kpi.KpiDateError):
        t.add_update("2017-09-15", status="scheduled", planned=20171341)
    with pytest.raises(kpi.KpiDateError):
        t.add_update("2017-09-15", status="scheduled", planned=BIG + 20171031)
    with pytest.raises(kpi.KpiDateError):
        t.add_update(20170931)
    with pytest.raises(kpi.KpiDateError):
        t.add_update(BIG + 20170930)
    with pytest.raises(TypeError):
        t.add_update(None)
    with pytest.raises(kpi.KpiArgumentError):
        t.add_update("2017-09-15", "a\0b")
    assert len(t.updates) == 0

    # refused by libkpi on an existing update: the right code, nothing changed
    u = t.add_update("2017-09-15", "検討中", status="preparing")
    with pytest.raises(kpi.KpiValueError) as e:
        u.set_status("scheduled")
    assert e.value.function == "kpi_update_set_status"
    assert isinstance(plan.last_error, kpi.KpiValueError)
    with pytest.raises(kpi.KpiValueError):
        u.status = Status.SCHEDULED  # keeps the planned date, which is none
    with pytest.raises(kpi.KpiValueError):
        u.status = 99
    with pytest.raises(kpi.KpiValueError, match="out of range"):
        u.status = BIG + 4  # would be SCHEDULED once cut to an int
    with pytest.raises(kpi.KpiDateError):
        u.date = 0
    with pytest.raises(TypeError):
        u.date = None
    u.set_status("scheduled", "2017-10-31")
    with pytest.raises(kpi.KpiValueError):
        u.planned = None  # a scheduled update needs its date
    assert (u.status, u.planned, u.date) == (Status.SCHEDULED, D(2017, 10, 31),
                                             D(2017, 9, 15))
    with pytest.raises(AttributeError):
        u.inferred = Field.STATUS


def test_goal_and_directive_updates():
    plan = small_plan()
    g = plan["1"]
    u = g.add_update("2017-09-30", "講座を4回開催", status="in_progress")
    assert list(g.updates) == [u] and u.of == g
    d = plan.add_directive("D1", "文化祭を充実させること")
    r = d.add_update("2017-07-01", "検討中", status="検討中", author="文化振興課")
    assert list(d.updates) == [r] and r.of == d
    assert (r.status, r.author) == (Status.PREPARING, "文化振興課")


def test_measurement_inferred():
    plan = small_plan()
    m = plan["1-a"].add_measurement("2017-09-30", 1)
    assert m.inferred == Field.NONE and isinstance(m.inferred, Field)
    with pytest.raises(AttributeError):
        m.inferred = Field.VALUE


PROSE_STRUCTURE = (
    "type,code,parent,title,unit,value,text\n"
    "plan,p,,Plan\n"
    "goal,3-2,,空き家バンク\n"
    "target,3-2-a,3-2,物件登録件数,件,30,物件登録件数30件以上\n"
    "target,4-2-e,3-2,子ども文化講座の開催回数,回,1,子ども文化講座(1回)\n")


def test_reader_reads_what_rows_left_empty():
    plan = kpi.Plan.read_csv_bytes(
        PROSE_STRUCTURE,
        "code,date,value,rating,note\n"
        "3-2,2017-09-30,,,物件登録件数：32件\n"
        "4-2-e,2017-09-30,,,子ども文化講座を10月に開催予定\n")
    m = plan["3-2-a"].measurements[0]
    assert m.value == 32 and m.inferred
    u = plan["4-2-e"].updates[0]
    assert u.status is Status.SCHEDULED and u.planned == datetime.date(2017, 10, 31)
    assert u.inferred == Field.STATUS | Field.PLANNED
    assert sum("progress text" in w.message for w in plan.warnings) == 2
    ev = plan.evaluate("2017-09-30")
    assert ev["3-2-a"].figure_inferred and not ev["3-2-a"].status_inferred
    assert ev["4-2-e"].status_inferred and ev["4-2-e"].rating is Rating.ON_TRACK


def test_prose_confidence_bar():
    progress = "code,date,value,rating,note\n4-2-e,2017-09-30,,,子ども文化講座を開催\n"
    plan = kpi.Plan.read_csv_bytes(PROSE_STRUCTURE, progress)  # done, no date: 0.8
    assert plan["4-2-e"].updates[0].status is Status.NONE
    plan = kpi.Plan.read_csv_bytes(PROSE_STRUCTURE, progress, prose_confidence=0.8)
    assert plan["4-2-e"].updates[0].status is Status.DONE
    plan = kpi.Plan.read_csv_bytes(PROSE_STRUCTURE, progress, infer=False,
                                   prose_confidence=0.5)
    assert plan["4-2-e"].updates[0].status is Status.NONE
    for bad in (0, 1.5, float("nan")):
        with pytest.raises(kpi.KpiValueError):
            kpi.Plan.read_csv_bytes(PROSE_STRUCTURE, progress, prose_confidence=bad)


def test_reader_threads_give_the_same_plan():
    progress = "code,date,value,rating,note\n" + "".join(
        "3-2,2017-%02d-28,,,物件登録件数：%d件\n4-2-e,2017-%02d-28,,,講座を%d月に開催予定\n"
        % (m, 20 + m, m, m + 1) for m in range(4, 10)) * 200
    def seen(plan):
        return ([(m.date, m.value, m.inferred) for m in plan["3-2-a"].measurements],
                [(u.status, u.planned) for u in plan["4-2-e"].updates],
                [(w.line, w.message) for w in plan.warnings])
    one = seen(kpi.Plan.read_csv_bytes(PROSE_STRUCTURE, progress, threads=1))
    assert one[2]
    for threads in (None, 0, 2, 8):
        assert seen(kpi.Plan.read_csv_bytes(PROSE_STRUCTURE, progress,
                                            threads=threads)) == one
    with pytest.raises(kpi.KpiValueError):
        kpi.Plan.read_csv_bytes(PROSE_STRUCTURE, progress, threads=-1)


def test_reader_threads_default_to_the_machines_cores(monkeypatch, tmp_path):
    # A script is a program: its reads use the cores, as kpi-report's do,
    # unless it names a count (libkpi's own default is the calling thread).
    from kpi import _model
    given = []
    set_threads = _model.C.kpi_reader_set_threads
    monkeypatch.setattr(_model.C, "kpi_reader_set_threads",
                        lambda reader, n: given.append(n) or set_threads(reader, n))
    structure = tmp_path / "s.csv"
    structure.write_bytes(PROSE_STRUCTURE.encode())
    kpi.Plan.read_csv(structure)
    kpi.Plan.read_csv_bytes(PROSE_STRUCTURE)
    kpi.Plan.read_csv(structure, threads=1)
    kpi.Plan.read_csv_bytes(PROSE_STRUCTURE, threads=3)
    cores = min(os.cpu_count() or 1, 64)
    assert given == [cores, cores, 1, 3]


def test_target_inferred_refuses_update_fields():
    plan = small_plan()
    with pytest.raises(kpi.KpiValueError, match="update's fields"):
        plan["1"].add_target("1-c", inferred=Field.STATUS)
    assert "1-c" not in plan
    with pytest.raises(kpi.KpiValueError):
        plan["1-a"].inferred = "planned"  # libkpi refuses it


# ---------------------------------------------------------------------------
# Directives


def test_directives():
    plan = small_plan()
    assert len(plan.directives) == 0
    d = plan.add_directive("D1", "文化祭を充実させること", issuer="副市長", date="2017-06",
                           goals=[plan["1"]])
    assert isinstance(d, kpi.Directive)
    assert (d.code, d.text, d.issuer, d.date) == ("D1", "文化祭を充実させること", "副市長",
                                                  D(2017, 6, 1))  # a month: its first day
    assert list(d.goals) == [plan["1"]]
    assert d.plan is plan
    e = plan.add_directive("D2", "全庁で取り組むこと")
    assert (e.issuer, e.date, len(e.goals)) == ("市長", None, 0)
    assert list(plan.directives) == [d, e]
    assert plan.find_directive("D2") == e
    assert plan["D1"] == d and "D2" in plan and plan.get("D3") is None
    with pytest.raises(kpi.KpiNotFound, match="no goal, target or directive"):
        plan["D3"]
    with pytest.raises(kpi.KpiNotFound):
        plan.find_directive("1")  # a goal

    e.text = "全庁で速やかに取り組むこと"
    e.issuer = "教育長"
    e.date = "平成29年度"
    assert (e.text, e.issuer, e.date) == ("全庁で速やかに取り組むこと", "教育長", D(2017, 4, 1))
    e.issuer = None
    e.date = None
    assert (e.issuer, e.date) == ("市長", None)
    e.add_goal("1")
    assert list(e.goals) == [plan["1"]]
    with pytest.raises(AttributeError):
        e.code = "D9"


def test_directive_errors():
    plan = small_plan()
    other = small_plan()
    with pytest.raises(kpi.KpiDuplicate):
        plan.add_directive("1-a", "コードが目標と同じ")
    with pytest.raises(kpi.KpiValueError):
        plan.add_directive("D1", "")
    with pytest.raises(TypeError):
        plan.add_directive("D1", None)
    # every argument is checked before the directive is added
    with pytest.raises(kpi.KpiNotFound):
        plan.add_directive("D1", "指示", goals=["9"])
    with pytest.raises(kpi.KpiArgumentError, match="another plan"):
        plan.add_directive("D1", "指示", goals=[other["1"]])
    with pytest.raises(kpi.KpiDuplicate):
        plan.add_directive("D1", "指示", goals=["1", plan["1"]])
    with pytest.raises(kpi.KpiDateError):
        plan.add_directive("D1", "指示", date=20170230)
    with pytest.raises(TypeError):
        plan.add_directive("D1", "指示", goals=[3])
    assert len(plan.directives) == 0 and "D1" not in plan

    d = plan.add_directive("D1", "指示", goals="1")
    with pytest.raises(kpi.KpiDuplicate):
        d.add_goal(plan["1"])
    with pytest.raises(kpi.KpiArgumentError):
        d.add_goal(other["1"])
    with pytest.raises(kpi.KpiValueError):
        d.text = ""
    with pytest.raises(kpi.KpiDuplicate):
        plan.add_directive("D1", "もう一度")
    assert (d.text, len(d.goals)) == ("指示", 1)


# ---------------------------------------------------------------------------
# The report date


def test_report_date():
    plan = small_plan()
    assert plan.report_date is None
    plan.report_date = "2017-09"  # a month: its last day
    assert plan.report_date == D(2017, 9, 30)
    plan.report_date = None
    assert plan.report_date is None
    with pytest.raises(kpi.KpiDateError):
        plan.report_date = 20170931
    with pytest.raises(kpi.KpiDateError):
        plan.report_date = BIG + 20170930
    assert small_plan(report_date=D(2017, 9, 30)).report_date == D(2017, 9, 30)


def test_evaluate_defaults_to_the_report_date():
    plan = small_plan(report_date="2017-09-30")
    assert plan.evaluate().as_of == D(2017, 9, 30)
    assert plan.evaluate("2017-10-31").as_of == D(2017, 10, 31)
    plan.report_date = None
    assert plan.evaluate().as_of == D.today()


# ---------------------------------------------------------------------------
# Lifetimes


def test_updates_and_directives_keep_their_plan_alive():
    plan = small_plan()
    u = plan["1-a"].add_update("2017-09-15", "検討中", status="preparing")
    d = plan.add_directive("D1", "指示", goals=["1"])
    r = d.add_update("2017-07-01", "対応中", status="in_progress")
    del plan
    gc.collect()
    assert u.text == "検討中" and u.of.code == "1-a" and u.plan.id == "p"
    u.set_status("done")
    assert u.status is Status.DONE
    assert d.goals[0].code == "1" and r.of.code == "D1"
    assert d.updates[0].status is Status.IN_PROGRESS
    view = d.updates
    del d, r
    gc.collect()
    assert len(view) == 1

    plan = u.plan
    plan.close()
    with pytest.raises(kpi.KpiArgumentError, match="plan is closed"):
        u.text
    with pytest.raises(kpi.KpiArgumentError, match="plan is closed"):
        len(view)
    assert repr(u) == "<kpi.Update (plan closed)>"


# ---------------------------------------------------------------------------
# Files


def progress_plan():
    plan = small_plan(report_date="2017-09-30")
    a, b = plan["1-a"], plan["1-b"]
    a.add_update("2017-09-15", "10月に開催予定", status="scheduled", planned="2017-10-31",
                 author="文化振興課")
    b.add_update("2017-08-31", "中止を決定", status="cancelled")
    plan["1"].add_update("2017-09-30", "講座の準備中", status="preparing")
    d = plan.add_directive("D1", "文化祭を充実させること", issuer="副市長",
                           date="2017-06-01", goals=["1"])
    d.add_update("2017-07-01", "検討中", status="preparing", author="文化振興課")
    plan.add_directive("D2", "全庁で取り組むこと", date="2017-05-01")
    return plan


def update_fields(updates):
    return [(u.date, u.text, u.status, u.planned, u.author) for u in updates]


def same_progress(a, b):
    assert a.report_date == b.report_date
    for code in ("1-a", "1-b", "1"):
        assert update_fields(a[code].updates) == update_fields(b[code].updates)
    assert [(d.code, d.text, d.issuer, d.date, [g.code for g in d.goals],
             update_fields(d.updates)) for d in a.directives] == \
        [(d.code, d.text, d.issuer, d.date, [g.code for g in d.goals],
          update_fields(d.updates)) for d in b.directives]


def test_round_trip_through_files(tmp_path):
    plan = progress_plan()
    structure, progress = tmp_path / "s.csv", tmp_path / "p.csv"
    plan.write_csv(structure, progress)
    again = kpi.Plan.read_csv(structure, progress)
    same_progress(plan, again)
    assert again["D2"].issuer == "市長" and len(again["D2"].goals) == 0
    assert again.evaluate().as_of == D(2017, 9, 30)


def test_round_trip_through_bytes():
    plan = progress_plan()
    s, p = plan.to_csv_bytes(bom=False)
    assert b"report_date" in s and b"directive,D1" in s
    assert b"scheduled,2017-10-31" in p
    same_progress(plan, kpi.Plan.read_csv_bytes(s, p))


def test_reading_a_bad_status_names_the_cell():
    s, p = progress_plan().to_csv_bytes(bom=False)
    bad = p.replace(b"cancelled", b"maybe")
    with pytest.raises(kpi.KpiValueError) as e:
        kpi.Plan.read_csv_bytes(s, bad)
    line = bad.split(b"maybe")[0].count(b"\n") + 1
    assert e.value.source == "progress" and e.value.line == line and line > 1
    assert 'column "status"' in e.value.message


# ---------------------------------------------------------------------------
# Rating


def test_scheduled_is_on_track_and_cancelled_is_unrated():
    ev = progress_plan().evaluate()
    a, b, goal = ev["1-a"], ev["1-b"], ev["1"]
    assert a.actual is None  # no figure, and yet:
    assert a.rating == Rating.ON_TRACK
    assert (a.status, a.planned, a.status_date) == (Status.SCHEDULED, D(2017, 10, 31),
                                                    D(2017, 9, 15))
    assert (a.update_date, a.update_text, a.update_status) == (
        D(2017, 9, 15), "10月に開催予定", Status.SCHEDULED)
    assert a.figure_inferred is False
    assert b.rating == Rating.NONE and b.unrated == Unrated.CANCELLED
    assert b.status is Status.CANCELLED and b.planned is None
    assert goal.count_unrated("cancelled") == 1
    assert goal.rating == Rating.ON_TRACK  # the cancelled target is left out
    assert goal.update_text == "講座の準備中" and goal.status is Status.PREPARING


def test_status_after_the_as_of_date_is_not_used():
    ev = progress_plan().evaluate("2017-09-01")
    a = ev["1-a"]
    assert (a.status, a.planned, a.status_date, a.update_date, a.update_text) == (
        Status.NONE, None, None, None, "")
    assert a.unrated == Unrated.NO_DATA


def test_directive_results():
    plan = progress_plan()
    ev = plan.evaluate()
    assert [r.code for r in ev.directives] == ["D1", "D2"]
    assert all(r.kind is Object.DIRECTIVE for r in ev.directives)
    assert "D1" not in [r.code for r in ev]  # apart from the tree
    assert ev["D1"] == ev.directives[0]
    d1, d2 = ev.directives
    assert (d1.title, d1.issuer, d1.issued, d1.goal_codes) == (
        "文化祭を充実させること", "副市長", D(2017, 6, 1), ["1"])
    assert d1.open is True and d1.days_open == 121 and d1.overdue is False  # answered
    assert (d1.status, d1.update_text) == (Status.PREPARING, "検討中")
    assert (d2.issuer, d2.goal_codes, d2.update_date) == ("市長", [], None)
    assert d2.open is True and d2.days_open == 152 and d2.overdue is True
    assert repr(d2) == "<kpi.Result directive 'D2' open>"

    plan["D2"].add_update("2017-09-01", "対応済み", status="done")
    closed = plan.evaluate()["D2"]
    assert closed.open is False and closed.days_open is None and closed.overdue is False

    # the policy's days
    assert plan.evaluate(directive_days=200)["D1"].overdue is False
    assert plan.evaluate("2017-09-30", kpi.Policy(directive_days=30))["D2"].open is False

    # other results have none of a directive's values
    t = ev["1-a"]
    assert (t.issuer, t.issued, t.open, t.days_open, t.overdue, t.goal_codes) == (
        "", None, False, None, False, [])


def test_directive_results_outlive_the_plan():
    plan = progress_plan()
    ev = plan.evaluate()
    plan.close()
    assert ev.directives[0].goal_codes == ["1"] and ev["D2"].overdue


# ---------------------------------------------------------------------------
# Policy and validation


def test_policy_directive_days():
    p = kpi.Policy()
    assert p.directive_days == 90
    p.directive_days = 30
    assert p.directive_days == 30 and p.settings()["directive_days"] == 30
    assert p.copy().directive_days == 30
    assert kpi.Policy(directive_days=7).directive_days == 7
    assert kpi.Policy.from_settings(p, rollup="worst").directive_days == 30
    for bad in (0, 36501, -1):
        with pytest.raises(kpi.KpiValueError):
            p.directive_days = bad
    with pytest.raises(kpi.KpiValueError, match="out of range"):
        p.directive_days = BIG + 30  # would be 30 once cut to an int32
    with pytest.raises(TypeError):
        p.directive_days = 30.0
    assert p.directive_days == 30
    assert "directive_days=30" in repr(p)


def test_validate_directives():
    plan = progress_plan()
    problems = plan.validate()  # as of the report date, 2017-09-30
    assert [(p.kind, p.code) for p in problems] == [(ProblemKind.UNANSWERED, "D2")]
    assert isinstance(problems[0].kind, ProblemKind)
    assert problems[0].message.startswith('directive "D2"')
    assert plan.validate("2017-06-30") == []  # 60 days: not yet
    assert plan.validate("2017-06-30", kpi.Policy(directive_days=30))[0].code == "D2"
    plan.report_date = None
    assert plan.validate() == []  # no date: directives are not checked
    with pytest.raises(kpi.KpiDateError):
        plan.validate(20171341)
    with pytest.raises(TypeError):
        plan.validate(policy="worst")


def test_render_width_is_checked_before_narrowing():
    ev = small_plan().evaluate("2017-09-30")
    with pytest.raises(kpi.KpiValueError, match="out of range"):
        ev.render("text", width=BIG + 80)
    with pytest.raises(kpi.KpiValueError, match="out of range"):
        ev.render("text", lang=BIG + 1)


# ---------------------------------------------------------------------------
# Progress prose (kpi/prose.h)

needs_prose = pytest.mark.skipif(getattr(C.kpi_prose_read, "missing", False),
                                 reason="this libkpi has no kpi_prose_read()")


@needs_prose
def test_read_prose():
    first, second = kpi.read_prose(
        "上田城跡能を8月に開催。うえだ城下町映画祭は11月18、19日に開催予定。", 2017)
    assert isinstance(first, kpi.ProseStatement)
    assert first.status is Status.DONE and first.done == D(2017, 8, 31)
    assert first.subject == "上田城跡能"
    assert second.status is Status.SCHEDULED and second.planned == D(2017, 11, 19)
    assert second.status_word == "開催予定"


@needs_prose
def test_read_prose_figures():
    statements = kpi.read_prose("物件登録件数：32件、利用者登録数：51件", 2017)
    figures = [f for s in statements for f in s.figures]
    assert [(f.label, f.value, f.unit) for f in figures] == [("物件登録件数", 32.0, "件"),
                                                              ("利用者登録数", 51.0, "件")]
    assert all(isinstance(f, kpi.ProseFigure) and isinstance(f.flags, kpi.ProseFlag)
               for f in figures)
    approx = kpi.read_prose("延べ約300人が参加", 2017)[0].figures[0]
    assert kpi.ProseFlag.CUMULATIVE in approx.flags and kpi.ProseFlag.APPROXIMATE in approx.flags


@needs_prose
def test_read_prose_errors():
    with pytest.raises(kpi.KpiValueError):
        kpi.read_prose("")
    with pytest.raises(kpi.KpiLimitError):
        kpi.read_prose("あ" * 30000)
    with pytest.raises(kpi.KpiArgumentError):
        kpi.read_prose("検討中", 10000)
    with pytest.raises(kpi.KpiDateError):
        kpi.read_prose("検討中", BIG + 2017)
    guessed = kpi.read_prose("交付金事業の評価を実施", 2017)[0]
    assert guessed.status is Status.DONE and guessed.confidence < 1 and guessed.issues


# ---------------------------------------------------------------------------
# The example of docs/python.md


def test_docs_example_of_updates_and_directives():
    # The python block of the section "Updates and directives" runs as written.
    with open(os.path.join(REPO, "docs", "python.md"), encoding="utf-8") as f:
        doc = f.read()
    after = re.split(r"\n### Updates and directives[^\n]*\n", doc, maxsplit=1)[1]
    section = re.split(r"\n#{2,3} ", after)[0]
    block = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    namespace = {}
    cwd = os.getcwd()
    os.chdir(REPO)
    try:
        exec(compile(block, "docs/python.md", "exec"), namespace)
    finally:
        os.chdir(cwd)
    assert namespace["ev"]["1-a"].rating == Rating.ON_TRACK
