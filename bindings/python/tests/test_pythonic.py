"""The binding behaves as Python code expects: enumerations print the same
on every Python version, views compare as lists, plans pickle and copy
through their files, plans write into file objects."""

import concurrent.futures
import copy
import io
import pickle

import pytest

import kpi
from kpi import Direction, Format, Kind, Rating, Status, Unrated


def test_enums_print_as_reports_write_them():
    # IntEnum's str() is "Rating.AHEAD" before Python 3.11 and "4" after.
    assert str(Rating.AHEAD) == "◎" and str(Rating.NOT_PROGRESSED) == "×"
    assert str(Rating.NONE) == "unrated"
    assert str(Kind.MILESTONE) == "milestone"
    assert str(Direction.DECREASE) == "decrease"
    assert str(Unrated.NO_DATA) == "NO_DATA" and str(Unrated.NONE) == "none"
    assert str(Status.SCHEDULED) == "scheduled" and str(Format.JSON) == "json"
    assert f"{Rating.ON_TRACK}" == "○" and "%s" % Kind.NUMERIC == "numeric"
    assert format(Rating.BEHIND, ">3") == "  △"
    # An integer presentation still gives the value.
    assert f"{Rating.AHEAD:d}" == "4" and format(Kind.QUALITATIVE, "02d") == "02"
    assert repr(Rating.AHEAD) == "<Rating.AHEAD: 4>"
    assert Rating.AHEAD == 4 and int(Rating.AHEAD) == 4


def test_result_rating_prints_its_symbol(seed_ev):
    assert str(seed_ev["3-2-a"].rating) == "◎"
    assert "%s" % seed_ev["3-3-c"].rating == "unrated"


def test_views_compare_as_lists(seed):
    assert seed.goals == seed.goals
    assert not (seed.goals != seed.goals)
    assert seed.goals == list(seed.goals)
    assert seed.goals[0].targets == seed.goals[0].targets
    assert seed.goals[0].goals != seed.goals[1].goals
    assert seed.goals != tuple(seed.goals)  # as a list is never equal to a tuple
    with pytest.raises(TypeError):
        hash(seed.goals)
    # Wrappers are equal when they stand for the same object.
    assert seed.goals[0] == seed.goals[0] and seed.goals[0] != seed.goals[1]
    assert len({seed.goals[0], seed.goals[0], seed.goals[1]}) == 2


def test_plan_pickles_and_copies_through_its_files(seed):
    again = pickle.loads(pickle.dumps(seed))
    assert again is not seed
    assert again.to_csv_bytes() == seed.to_csv_bytes()
    assert again.evaluate("2017-09-30").render("json") == \
        seed.evaluate("2017-09-30").render("json")
    deep = copy.deepcopy(seed)
    deep["3-2-a"].label = "変更"
    assert seed["3-2-a"].label != "変更"
    shallow = copy.copy(seed)
    assert shallow.to_csv_bytes() == seed.to_csv_bytes()


def _rating_of(plan, code):
    return str(plan.evaluate("2017-09-30")[code].rating)


def test_plan_goes_to_another_process(seed):
    with concurrent.futures.ProcessPoolExecutor(max_workers=1) as pool:
        assert pool.submit(_rating_of, seed, "3-2-a").result(timeout=120) == "◎"


def test_write_csv_into_file_objects(seed, tmp_path):
    s, p = io.BytesIO(), io.BytesIO()
    seed.write_csv(s, p)
    assert (s.getvalue(), p.getvalue()) == seed.to_csv_bytes()
    s = io.BytesIO()
    seed.write_csv(s)
    assert s.getvalue() == seed.to_csv_bytes()[0]
    # A file object and a path together.
    s = io.BytesIO()
    seed.write_csv(s, tmp_path / "p.csv")
    assert (tmp_path / "p.csv").read_bytes() == seed.to_csv_bytes()[1]
    with open(tmp_path / "s.csv", "wb") as f:
        seed.write_csv(f, crlf=True, bom=False)
    assert (tmp_path / "s.csv").read_bytes() == seed.to_csv_bytes(crlf=True, bom=False)[0]


def test_evaluation_notes_are_notes(seed, seed_ev):
    # As the plan gives them: Note(code, text), not bare str.
    assert seed_ev.notes == seed.notes
    assert all(isinstance(n, kpi.Note) for n in seed_ev.notes)
    plan = kpi.Plan("p")
    plan.add_note("市長指示事項", code="mayor-1")
    plan.add_note("評価基準")
    ev = plan.evaluate("2017-09-30")
    plan.add_note("後で")
    assert ev.notes == [kpi.Note("mayor-1", "市長指示事項"), kpi.Note(None, "評価基準")]


def test_evaluation_and_policy_pickle(seed):
    policy = kpi.Policy(rollup="worst", ahead=1.2)
    again = pickle.loads(pickle.dumps(policy))
    assert again.settings() == policy.settings()
    ev = seed.evaluate("2017-09-30", policy)
    copy_ = pickle.loads(pickle.dumps(ev))
    assert copy_.render_bytes("json") == ev.render_bytes("json")
    assert copy_.policy.settings() == policy.settings()
    # The copy pickles again without a plan.
    assert pickle.loads(pickle.dumps(copy_)).render_bytes("csv") == ev.render_bytes("csv")
    assert copy.deepcopy(ev).render_bytes("json") == ev.render_bytes("json")
    # Once the plan has changed, the evaluation cannot be made again from it.
    seed["3-2-a"].add_measurement("2017-09-30", 1)
    with pytest.raises(pickle.PicklingError, match="changed"):
        pickle.dumps(ev)
    gone = kpi.Plan.read_csv_bytes(*seed.to_csv_bytes())
    ev = gone.evaluate("2017-09-30")
    gone.close()
    with pytest.raises(pickle.PicklingError, match="gone"):
        pickle.dumps(ev)


def _count_rated(ev):
    return sum(1 for r in ev if r.rating)


def test_evaluation_goes_to_another_process(seed_ev):
    with concurrent.futures.ProcessPoolExecutor(max_workers=1) as pool:
        assert pool.submit(_count_rated, seed_ev).result(timeout=120) == _count_rated(seed_ev)
