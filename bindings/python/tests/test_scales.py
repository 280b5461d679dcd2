"""Rating scales from Python (docs/scales.md): Scale.builtin/read/read_bytes,
Policy(scale=...), plan.scale, result.level, records and to_pandas() with
the level as an ordered categorical in the scale's order, pickling, and
scale files' errors with their line."""

import pickle

import pandas as pd
import pytest

import kpi
from kpi import Basis, LevelCause, LevelRollup, Quantifier, Rating, Status, Unrated

STRUCTURE = ("type,code,parent,title,kind,direction,value,start_value,due\n"
             "plan,P,,p,,,,,\ngoal,G,P,g,,,,,\n"
             "target,M,G,m,numeric,increase,100,0,2018-03-31\n"
             "target,N,G,n,numeric,increase,100,0,2018-03-31\n"
             "target,Q,G,q,numeric,increase,100,0,2018-03-31\n")
PROGRESS = "code,date,value\nM,2017-09-30,92\nN,2017-09-30,79.9\n"


def small_plan():
    return kpi.Plan.read_csv_bytes(STRUCTURE, PROGRESS)


def test_builtins():
    assert kpi.Scale.builtins() == ["ueda", "akiruno", "kakamigahara", "nagayo",
                                    "manifesto-abcd", "sano-points", "chiho-sosei",
                                    "fukuoka", "seisaku-hyoka"]
    nagayo = kpi.Scale.builtin("nagayo")
    assert nagayo.id == "nagayo" and nagayo.title and nagayo.title_in("en")
    assert nagayo.basis == Basis.BOUNDS and nagayo.rollup == LevelRollup.WORST
    assert [lv.symbol for lv in nagayo.levels] == ["S", "A", "B", "C"]
    s = nagayo.level("S")
    assert s.rank == 0 and s.name == "s" and s.classes == frozenset({Rating.AHEAD})
    assert s.when == "achievement >= 1" and s.score is None and str(s) == "S"
    assert s.label("en") == "target exceeded" and s.label() == s.label_ja
    assert nagayo.level(1) == nagayo.level("a") == nagayo.level_of("○")
    assert nagayo.unrated_symbol(Unrated.NO_DATA) == "−"
    assert nagayo.ahead is None and nagayo.on_track is None
    akiruno = kpi.Scale.builtin("akiruno")
    assert akiruno.status_level(Status.DONE).symbol == "F"
    assert akiruno.status_level("in_progress") is None
    ueda = kpi.Scale.builtin("ueda")
    assert [r.quantifier for r in ueda.rules] == [Quantifier.ALL, Quantifier.ANY,
                                                 Quantifier.ALL, Quantifier.OTHERWISE]
    assert [lv.symbol for lv in ueda.rules[1].levels] == ["△", "×"]
    assert ueda.rules[3].result.symbol == "○"
    with pytest.raises(kpi.KpiNotFound):
        kpi.Scale.builtin("osaka")
    with pytest.raises(KeyError):
        nagayo.level("Z")
    with pytest.raises(TypeError):
        kpi.Scale()


def test_scale_file_errors_name_the_line(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("type,id,symbol,class,when\nscale,mine,,,\n"
                    "level,,UP,ahead on_track,speed > 1\n"
                    "level,,DOWN,behind not_progressed,\n", encoding="utf-8")
    with pytest.raises(kpi.KpiValueError) as e:
        kpi.Scale.read(path)
    assert e.value.line == 3 and "unknown measure \"speed\"" in str(e.value)
    assert str(path) in str(e.value)
    good = path.read_text(encoding="utf-8").replace("speed", "pace").replace(
        "scale,mine,,,", "scale,mine,,,\nlevel,,MID,,pace > 2")
    with pytest.raises(kpi.KpiValueError):
        kpi.Scale.read_bytes(good)  # a condition on a class scale
    ok = ("type,id,basis,symbol,class,when\nscale,mine,bounds,,,\n"
          "level,,,UP,ahead on_track,pace >= 1\nlevel,,,HIGH,,pace >= 1.5\n"
          "level,,,DOWN,behind not_progressed,\n")
    scale = kpi.Scale.read_bytes(ok, "mine.csv")
    assert scale.warnings and scale.warnings[0].startswith("mine.csv:4:")


def test_policy_and_plan_scale():
    policy = kpi.Policy(scale="nagayo")
    assert policy.scale.id == "nagayo"
    assert policy.settings()["scale"].id == "nagayo"
    policy.scale = None
    assert policy.scale is None
    plan = small_plan()
    assert plan.scale is None and plan.scale_name == ""
    plan.scale = "manifesto-abcd"
    assert plan.scale.id == "manifesto-abcd" and plan.scale_name == "manifesto-abcd"
    structure, _ = plan.to_csv_bytes()
    assert b",scale\n" in structure.splitlines(True)[0] or b",scale\r\n" in structure
    again = kpi.Plan.read_csv_bytes(*plan.to_csv_bytes())
    assert again.scale.id == "manifesto-abcd"
    ev = again.evaluate("2017-09-30")
    assert ev.scale.id == "manifesto-abcd"
    # The policy's scale wins over the plan's.
    assert again.evaluate("2017-09-30", scale="nagayo").scale.id == "nagayo"
    plan.scale = None
    assert plan.scale is None


def test_assessment_names_a_level():
    structure = STRUCTURE.replace("type,code,parent,title,kind,direction,value,start_value,due",
                                  "type,code,parent,title,kind,direction,value,start_value,"
                                  "due,scale").replace("plan,P,,p,,,,,", "plan,P,,p,,,,,,akiruno")
    progress = "code,date,value,rating\nM,2017-09-30,92,\nM,2017-09-30,,F\n"
    plan = kpi.Plan.read_csv_bytes(structure, progress)
    a = plan["M"].assessments[0]
    assert a.level == "F" and a.rating == Rating.AHEAD
    ev = plan.evaluate("2017-09-30")
    assert ev["M"].level.symbol == "F" and ev["M"].level_cause == LevelCause.ASSESSMENT
    a.level = ""
    assert a.level == "" and plan.evaluate("2017-09-30")["M"].level.symbol == "S"


def test_result_levels():
    ev = small_plan().evaluate("2017-09-30", scale="manifesto-abcd")
    m, n, q, g = ev["M"], ev["N"], ev["Q"], ev["G"]
    assert m.level.symbol == "B" and m.level_cause == LevelCause.CONDITION
    assert m.rating == Rating.AHEAD  # the v2 rating stays
    assert n.level.symbol == "D" and q.level is None and q.level_cause == LevelCause.NONE
    assert g.level.symbol == "D" and g.level_cause == LevelCause.ROLLUP
    assert g.count_level("B") == 1 and g.count_level(3) == 1
    assert [c for c in g.level_counts.values()] == [0, 1, 0, 1]
    assert "達成率92% (90%以上) → B" in m.reason
    record = m.to_record()
    assert (record["level"], record["level_name"]) == ("B", "b")
    assert q.to_record()["level"] is None
    # On the default scale the level is the rating's.
    plain = small_plan().evaluate("2017-09-30")
    assert plain["M"].level.symbol == "◎" and plain["M"].level_cause == LevelCause.DEFAULT
    assert plain.scale.id == "ueda"


def test_to_pandas_levels_in_the_scales_order():
    ev = small_plan().evaluate("2017-09-30", scale="manifesto-abcd")
    df = ev.to_pandas()
    assert list(df["level"].cat.categories) == ["D", "C", "B", "A"]
    assert df["level"].cat.ordered
    assert list(df["level_name"].cat.categories) == ["d", "c", "b", "a"]
    by_code = dict(zip(df["code"], df["level"]))
    assert by_code["M"] == "B" and by_code["N"] == "D" and pd.isna(by_code["Q"])
    assert set(df[df["level"] >= "C"]["code"]) == {"M"}
    records = ev.to_records()
    assert [r["level"] for r in records] == [r.to_record()["level"] for r in ev]


def test_pickling_scales_and_evaluations():
    builtin = kpi.Scale.builtin("fukuoka")
    assert pickle.loads(pickle.dumps(builtin)).levels == builtin.levels
    text = ("type,id,symbol,class\nscale,mine,,\n"
            "level,,UP,ahead on_track\nlevel,,DOWN,behind not_progressed\n")
    mine = kpi.Scale.read_bytes(text, "mine.csv")
    assert pickle.loads(pickle.dumps(mine)).id == "mine"
    policy = pickle.loads(pickle.dumps(kpi.Policy(scale=mine)))
    assert policy.scale.id == "mine"
    plan = small_plan()
    ev = plan.evaluate("2017-09-30", scale="nagayo")
    again = pickle.loads(pickle.dumps(ev))
    assert again.scale.id == "nagayo"
    assert [r.level for r in again] == [r.level for r in ev]
    # A scale only libkpi held, not a built-in: refused with a reason.
    held = kpi.Policy(scale=mine).scale
    with pytest.raises(pickle.PicklingError):
        pickle.dumps(held)
