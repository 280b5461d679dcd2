"""Texts a spreadsheet would run as formulas (CSV injection): the CSV report
and the plan files put an apostrophe before them, which read_csv() takes
away again; raw=True gives them as they are."""

import os

import pytest

import kpi
from conftest import REPO

HOSTILE = os.path.join(REPO, "tests", "data", "hostile")


@pytest.fixture
def hostile():
    plan = kpi.Plan.read_csv(os.path.join(HOSTILE, "formula-structure.csv"),
                             os.path.join(HOSTILE, "formula-progress.csv"))
    yield plan
    plan.close()


def test_report_protects_formulas_and_raw_does_not(hostile):
    ev = hostile.evaluate("2017-09-30")
    protected = ev.render("csv")
    assert '"\'=HYPERLINK(""http://example.com/""' in protected
    assert ",'+cmd," in protected and ",-5," in protected
    raw = ev.render("csv", raw=True)
    assert '"=HYPERLINK(""http://example.com/""' in raw and ",+cmd," in raw
    assert "'=HYPERLINK" not in raw
    # render() leaves out the BOM that render_bytes() keeps
    assert ev.render_bytes("csv", raw=True) == b"\xef\xbb\xbf" + raw.encode("utf-8")


def test_raw_is_for_csv_only(hostile):
    ev = hostile.evaluate("2017-09-30")
    with pytest.raises(ValueError):
        ev.render("json", raw=True)
    with pytest.raises(TypeError):
        ev.render("csv", raw=1)


def test_write_raw_gives_the_raw_bytes(hostile, tmp_path):
    ev = hostile.evaluate("2017-09-30")
    path = tmp_path / "r.csv"
    ev.write(path, "csv", raw=True)
    assert path.read_bytes() == ev.render_bytes("csv", raw=True)
    ev.write(path, "csv")
    assert path.read_bytes() == ev.render_bytes("csv")


def test_plan_files_round_trip_with_and_without_protection(hostile):
    assert hostile.goals[0].title == '=HYPERLINK("http://example.com/","click")'
    for raw in (False, True):
        structure, progress = hostile.to_csv_bytes(raw=raw)
        assert (b"'=HYPERLINK" in structure) is not raw
        back = kpi.Plan.read_csv_bytes(structure, progress)
        assert back.goals[0].title == hostile.goals[0].title
        assert back.to_csv_bytes(raw=raw) == (structure, progress)
