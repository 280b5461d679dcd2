"""pandas the way pandas users expect: Evaluation.to_pandas() with real
dtypes and the same values as to_records(), Plan.to_pandas() and
Plan.from_pandas() round trips, and numpy/pandas values accepted where
the package takes dates, numbers and text. (pandas is a test dependency:
tests/run.sh installs Debian's python3-pandas.)"""

import datetime
import decimal
import math

import numpy as np
import pandas as pd

import kpi
from kpi import Rating


def same(record_value, cell):
    """Whether a to_records() value and a to_pandas() cell say the same."""
    if record_value is None:
        return cell is None or cell is pd.NA or cell is pd.NaT or cell == "" or (
            isinstance(cell, float) and math.isnan(cell))
    if isinstance(record_value, bool):
        return cell is not pd.NA and bool(cell) == record_value
    if isinstance(record_value, datetime.date):
        # A Timestamp in to_pandas(); a date where pandas kept objects.
        return (cell.date() if isinstance(cell, datetime.datetime) else cell) == record_value
    if isinstance(record_value, float):
        return cell == record_value  # exact: the same double
    if isinstance(record_value, list):
        return list(cell) == record_value
    return cell == record_value


def test_to_pandas_dtypes(seed_ev):
    df = seed_ev.to_pandas()
    dtypes = df.dtypes
    for name in ("assessment_date", "measured", "start", "due", "planned",
                 "status_date", "update_date", "update_planned", "issued"):
        assert str(dtypes[name]) == "datetime64[ns]", name
    for name in ("depth", "count_ahead", "count_on_track", "count_behind",
                 "count_not_progressed", "count_unrated", "days_open"):
        assert str(dtypes[name]) == "Int64", name
    for name in ("actual", "expected", "target", "start_value", "elapsed", "pace",
                 "achievement", "weight"):
        assert str(dtypes[name]) == "float64", name
    for name in ("assessed", "mismatch", "figure_inferred", "cancelled", "open", "overdue"):
        assert str(dtypes[name]) == "boolean", name
    for name in ("rating", "computed_rating"):
        assert list(df[name].cat.categories) == ["×", "△", "○", "◎"]
        assert df[name].cat.ordered
    assert list(df["rating_name"].cat.categories) == [
        "not_progressed", "behind", "on_track", "ahead"]
    assert list(df["unrated_reason"].cat.categories) == [
        u.stable_name for u in kpi.Unrated if u != kpi.Unrated.NONE]
    assert df["unrated_reason"].cat.ordered
    # Ordered: sorting puts the worst first, and comparisons follow the scale.
    rated = df[df["rating"].notna()]
    assert (rated.sort_values("rating")["rating"].astype(str).tolist()[-1]) == "◎"
    assert (df["rating"] >= "○").sum() == sum(
        1 for r in seed_ev if r.rating in (Rating.ON_TRACK, Rating.AHEAD))


def test_to_pandas_agrees_with_to_records(seed_ev):
    for kwargs in ({}, {"include_plan": False}, {"include_directives": True},
                   {"lang": "en"}):
        df = seed_ev.to_pandas(**kwargs)
        records = seed_ev.to_records(**kwargs)
        assert list(df.columns) == list(kpi.RECORD_FIELDS)
        assert len(df) == len(records)
        for i, record in enumerate(records):
            for name, value in record.items():
                assert same(value, df.at[i, name]), (kwargs, record["code"], name, value,
                                                     df.at[i, name])


def test_dataframe_of_an_evaluation_has_a_column_per_field(seed_ev):
    # pandas.DataFrame(ev) used to iterate each Result's children and build
    # a frame of nested tuples; a Result is now the mapping of its record.
    df = pd.DataFrame(seed_ev)
    records = seed_ev.to_records()
    assert len(df) == len(seed_ev) == len(records)
    # pandas sorts the keys of mappings that are not dicts.
    assert sorted(df.columns) == sorted(kpi.RECORD_FIELDS)
    for i, record in enumerate(records):
        for name, value in record.items():
            assert same(value, df.at[i, name]), (i, name, value, df.at[i, name])


def test_a_result_is_the_read_only_mapping_of_its_record(seed_ev):
    import collections.abc
    r = seed_ev["3-2-a"]
    assert isinstance(r, collections.abc.Mapping)
    assert dict(r) == r.to_record() and list(r) == list(kpi.RECORD_FIELDS)
    assert len(r) == len(kpi.RECORD_FIELDS) and "rating" in r and "nope" not in r
    assert r["rating"] == "◎" and r["code"] == "3-2-a" and r.get("nope", 7) == 7
    assert list(r.keys()) == list(kpi.RECORD_FIELDS)
    assert list(r.values()) == list(r.to_record().values())
    assert dict(r.items()) == r.to_record()
    try:
        r["nope"]
    except KeyError as e:
        assert "RECORD_FIELDS" in str(e)
    else:
        raise AssertionError("an unknown field was read")
    try:
        r[0]
    except TypeError:
        pass
    else:
        raise AssertionError("a result was indexed by a number")
    # Equality stays identity: a result is not equal to its record, and
    # two goals with the same record would still be two results.
    assert r != r.to_record() and r == seed_ev["3-2-a"] and hash(r) == hash(seed_ev["3-2-a"])
    with_children = seed_ev["3"]
    assert [c.code for c in with_children.children] == ["3-1", "3-2", "3-3", "3-4"]
    assert "3-1" not in with_children


def test_figures_are_exact(seed_ev):
    df = seed_ev.to_pandas()
    for i, code in enumerate(df["code"]):
        r = seed_ev[code]
        for name, value in (("expected", r.expected), ("pace", r.pace),
                            ("elapsed", r.elapsed)):
            if value is not None:
                assert df.at[i, name] == value  # bit for bit


def test_plan_frames_round_trip(seed):
    structure, progress = seed.to_pandas()
    assert str(structure["value"].dtype) == "float64"
    assert str(structure["due"].dtype) == "datetime64[ns]"
    assert str(progress["date"].dtype) == "datetime64[ns]"
    assert progress["rating"].cat.ordered
    again = kpi.Plan.from_pandas(structure, progress)
    assert again.to_csv_bytes() == seed.to_csv_bytes()
    # A frame a spreadsheet gave, with numbers and dates as pandas types.
    row = progress.index[progress["code"] == "3-2-a"][0]
    progress.loc[row, "value"] = np.float64(31.0)
    edited = kpi.Plan.from_pandas(structure, progress)
    assert edited.to_csv_bytes() != seed.to_csv_bytes()


def test_from_pandas_reports_bad_cells_by_line(seed):
    structure, progress = seed.to_pandas()
    structure = structure.astype(object)
    structure.loc[3, "due"] = "2017-13-01"
    try:
        kpi.Plan.from_pandas(structure, progress)
    except kpi.KpiDateError as e:
        assert e.source == "structure" and e.line == 5
    else:
        raise AssertionError("a bad date was read")


def test_numpy_and_pandas_values_accepted(seed):
    t = seed["3-2-a"]
    t.due = np.datetime64("2018-02-28")
    assert t.due == datetime.date(2018, 2, 28)
    t.due = pd.Timestamp("2018-03-31")
    assert t.due == datetime.date(2018, 3, 31)
    t.start_value = decimal.Decimal("1.5")
    assert t.start_value == 1.5
    t.start_value = pd.NA
    assert t.start_value is None
    t.value = np.float32(40)
    assert t.value == 40.0
    t.value = np.int64(30)
    assert t.value == 30.0
    t.unit = pd.NA
    assert t.unit == ""
    t.kind = np.int64(0)
    assert t.kind == kpi.Kind.NUMERIC
    m = t.add_measurement(np.datetime64("2017-10-31"), np.int32(33))
    assert m.date == datetime.date(2017, 10, 31) and m.value == 33.0
    t.due = pd.NaT
    assert t.due is None
