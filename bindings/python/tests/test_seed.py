"""The seed plan (examples/data) through the binding: reading, every field,
writing back, rating, the records for pandas and every report format."""

import csv
import datetime
import io
import json
import math
import zipfile

import pytest

import kpi
from kpi import Field, Kind, Rating, Unrated, WarningKind
from conftest import PROGRESS, STRUCTURE

D = datetime.date


def test_counts(seed):
    assert len(seed) == 5 and len(seed.goals) == 5
    assert [g.code for g in seed] == ["1", "2", "3", "4", "5"]
    assert seed.total_goal_count == 23 == len(seed.all_goals())
    assert seed.total_target_count == 46 == len(seed.all_targets())
    kinds = [t.kind for t in seed.all_targets()]
    assert (kinds.count(Kind.NUMERIC), kinds.count(Kind.MILESTONE),
            kinds.count(Kind.QUALITATIVE)) == (26, 14, 6)
    assert sum(len(t) for t in seed.all_targets()) == 18
    assert sum(len(t.assessments) for t in seed.all_targets()) == 0
    # 17 figures with their text (an update on the same row) and 28 more
    assert sum(len(t.updates) for t in seed.all_targets()) == 45
    assert sum(len(g.updates) for g in seed.walk()) == 1
    assert len(seed.notes) == 1
    assert [d.code for d in seed.directives] == ["mayor-1", "mayor-2", "mayor-3", "mayor-4",
                                                 "mayor-5"]
    assert seed.report_date == D(2017, 9, 30)
    assert seed.detected_encoding == kpi.Encoding.UTF8


def test_seed_warnings(seed):
    # The seed leaves most structured columns empty: the reader fills them
    # from each target's text and says so, once per target but 5-5-b; and
    # one status from a progress text (1-1-b's 交付決定済).
    assert all(isinstance(w, kpi.ReaderWarning) for w in seed.warnings)
    assert [w for w in seed.warnings if w.kind == WarningKind.IGNORED] == []
    assert all(w.kind == WarningKind.INFERRED for w in seed.warnings)
    prose = [w for w in seed.warnings if "progress text" in w.message]
    assert [w.line for w in prose] == [3]
    assert 'target "1-1-b": status done read from its progress text' in prose[0].message
    inferred = [w for w in seed.warnings if w not in prose]
    assert len(inferred) == 45
    assert all("read from its text" in w.message and w.line > 0 for w in inferred)
    codes = {t.code for t in seed.all_targets()}
    named = {c for c in codes for w in inferred if 'target "%s"' % c in w.message}
    assert named == codes - {"5-5-b"}
    w = inferred[0]
    assert w.kind is WarningKind.INFERRED and w.line == 5
    assert w.message.endswith('target "1-1-a": kind read from its text')


def test_plan_fields(seed):
    assert seed.id == "ueda-2017"
    assert seed.title == "平成29年度 重点目標一覧表（中間報告調書）"
    assert seed.organization == "上田市"
    assert seed.department == "政策企画部"
    assert seed.start == D(2017, 4, 1) and seed.end == D(2018, 3, 31)
    assert seed.period == (D(2017, 4, 1), D(2018, 3, 31))
    note = seed.notes[0]
    assert note.code == "note-1" and note.text.startswith("※ 評価基準")
    assert "ueda-2017" in repr(seed)


def test_goal_tree(seed):
    g3 = seed["3"]
    assert isinstance(g3, kpi.Goal)
    assert g3.title == "移住・定住推進による活力ある都市づくり"
    assert g3.depth == 1 and g3.parent is None and g3.plan is seed
    assert [g.code for g in g3.goals] == ["3-1", "3-2", "3-3", "3-4"]
    assert len(g3.targets) == 0 and len(g3) == 4
    i2 = g3.goals[1]
    assert i2 == seed["3-2"] and hash(i2) == hash(seed["3-2"])
    assert i2.parent == g3 and i2.depth == 2 and i2.weight == 1.0
    assert [t.code for t in i2] == ["3-2-a", "3-2-b", "3-2-c"]
    assert [g.code for g in seed.walk()][:6] == ["1", "1-1", "1-2", "1-3", "1-4", "2"]
    assert i2.notes == [] and i2.assessments[:] == []


def test_target_fields(seed):
    t = seed["3-2-a"]
    assert isinstance(t, kpi.Target)
    assert (t.code, t.label, t.unit, t.text) == ("3-2-a", "物件登録件数", "件", "物件登録件数30件以上")
    assert t.kind == Kind.NUMERIC and t.direction == kpi.Direction.INCREASE
    assert t.schedule == kpi.Schedule.DEFAULT and t.accumulate == kpi.Accumulate.LATEST
    assert t.value == 30.0 and isinstance(t.value, float)
    assert t.start_value is None and t.reference is None and t.change_pct is None
    assert t.weight == 1.0 and t.start is None and t.due is None
    assert t.goal == seed["3-2"] and t.plan is seed
    (m,) = t.measurements
    assert m.date == D(2017, 9, 30) and m.value == 32.0
    assert m.note == "物件登録件数：32件" and m.author == "" and m.target == t
    assert seed["4-2-a"].due == D(2017, 8, 31)
    assert seed["1-2-b"].change_pct == 10.0
    # every field of every target reads without error and with the right type
    for t in seed.all_targets():
        for name in ("value", "start_value", "reference", "change_pct"):
            v = getattr(t, name)
            assert v is None or (isinstance(v, float) and math.isfinite(v))
        for name in ("code", "label", "unit", "text"):
            assert isinstance(getattr(t, name), str)
        for name in ("start", "due"):
            assert getattr(t, name) is None or isinstance(getattr(t, name), D)
        for m in t:
            assert isinstance(m.date, D) and isinstance(m.value, float)


def test_changes_are_seen(seed):
    t = seed["3-2-a"]
    t.unit = "物件"
    t.value = 40
    t.due = "2017-12"
    m = t.add_measurement("2017-10-31", 35, "10月末", author="政策企画課")
    assert (t.unit, t.value, t.due) == ("物件", 40.0, D(2017, 12, 31))
    assert len(t) == 2 and t.measurements[-1] == m and m.author == "政策企画課"
    m.value = 36
    m.date = D(2017, 10, 30)
    assert t.measurements[1].value == 36.0 and t.measurements[1].date == D(2017, 10, 30)
    t.unit = None
    assert t.unit == ""
    t.value = None
    assert t.value is None
    seed.title = "改題"
    assert seed.evaluate("2017-10-31").root.title == "改題"


def test_write_and_read_back(seed, tmp_path):
    s, p = tmp_path / "s.csv", tmp_path / "p.csv"
    seed.write_csv(s, p)
    assert s.read_bytes().startswith(b"\xef\xbb\xbf")
    again = kpi.Plan.read_csv(s, p)
    assert again.to_csv_bytes() == seed.to_csv_bytes()
    assert again.total_target_count == 46
    # the writers leave inferred fields empty and name them in the last column
    header, *rows = s.read_text(encoding="utf-8-sig").splitlines()
    column = header.split(",").index("inferred")
    (row,) = [r for r in rows if r.startswith("target,3-2-a,")]
    assert row.split(",")[column] == "unit value"
    assert again["3-2-a"].inferred == seed["3-2-a"].inferred == Field.UNIT | Field.VALUE
    assert again["3-2-a"].value == 30.0 and again["3-2-a"].unit == "件"
    s_bytes, p_bytes = seed.to_csv_bytes(bom=False, crlf=True)
    assert not s_bytes.startswith(b"\xef\xbb\xbf") and b"\r\n" in s_bytes
    from_memory = kpi.Plan.read_csv_bytes(s_bytes, p_bytes)
    assert from_memory.to_csv_bytes() == seed.to_csv_bytes()
    seed.write_csv(tmp_path / "only-structure.csv")
    assert not (tmp_path / "p2.csv").exists()


def test_read_from_file_objects_and_str():
    with open(STRUCTURE, "rb") as s, open(PROGRESS, "rb") as p:
        plan = kpi.Plan.read_csv(s, p)
    assert plan.total_target_count == 46
    with open(STRUCTURE, encoding="utf-8") as s:
        plan = kpi.Plan.read_csv_bytes(s.read())
    assert sum(len(t) for t in plan.all_targets()) == 0


def test_cp932(tmp_path):
    for name in ("s", "p"):
        src = STRUCTURE if name == "s" else PROGRESS
        with open(src, encoding="utf-8") as f:
            (tmp_path / (name + ".csv")).write_bytes(f.read().encode("cp932"))
    plan = kpi.Plan.read_csv(tmp_path / "s.csv", tmp_path / "p.csv")
    assert plan.detected_encoding == kpi.Encoding.CP932
    assert plan.title == "平成29年度 重点目標一覧表（中間報告調書）"
    explicit = kpi.Plan.read_csv(tmp_path / "s.csv", tmp_path / "p.csv", encoding="cp932")
    assert explicit.to_csv_bytes() == plan.to_csv_bytes()
    with kpi.Plan.read_csv(STRUCTURE, PROGRESS) as utf8:
        assert utf8.to_csv_bytes() == plan.to_csv_bytes()


def test_reader_warnings():
    with open(STRUCTURE, encoding="utf-8") as f:
        lines = f.read().splitlines()
    lines = [lines[0] + ",memo"] + [line + "," for line in lines[1:]]
    plan = kpi.Plan.read_csv_bytes("\n".join(lines) + "\n")
    assert len(plan.warnings) == 46
    (w,) = [w for w in plan.warnings if w.kind == WarningKind.IGNORED]
    assert isinstance(w, kpi.ReaderWarning) and w.line == 1 and "memo" in w.message
    assert w == plan.warnings[0]
    plain = kpi.Plan.read_csv_bytes("\n".join(lines) + "\n", infer=False)
    assert plain.warnings == [w]


def test_read_without_inference():
    with open(STRUCTURE, "rb") as f:
        structure = f.read()
    for plan in (kpi.Plan.read_csv(STRUCTURE, PROGRESS, infer=False),
                 kpi.Plan.read_csv_bytes(structure, infer=False)):
        assert plan.warnings == []
        assert plan.total_target_count == 46
        t = plan["3-2-a"]
        assert t.value is None and t.unit == "" and t.inferred == Field.NONE
        assert t.text == "物件登録件数30件以上" and t.label == "物件登録件数"
        assert plan["4-2-a"].due is None
        assert all(t.inferred == Field.NONE for t in plan.all_targets())
        assert plan.evaluate("2017-09-30")["3-2-a"].inferred == Field.NONE
    with open(STRUCTURE, "rb") as s, open(PROGRESS, "rb") as p:
        plan = kpi.Plan.read_csv(s, p, infer=False)
    assert plan.warnings == [] and plan["3-2-a"].value is None


def test_inferred_fields(seed):
    t = seed["3-2-a"]
    assert t.value == 30 and t.unit == "件"
    assert t.inferred == Field.VALUE | Field.UNIT and isinstance(t.inferred, Field)
    assert t.inferred.stable_name == "unit value"
    assert seed["4-2-a"].inferred == Field.KIND | Field.DUE
    assert seed["4-2-a"].due == D(2017, 8, 31)
    assert seed["5-5-b"].inferred == Field.NONE and Field.NONE.stable_name == ""
    # setting a field through its setter clears its bit
    t.value = 30
    assert t.inferred == Field.UNIT
    t.unit = "件"
    assert t.inferred == Field.NONE
    # settable: a Field, an int or names
    t.inferred = Field.VALUE
    assert t.inferred == Field.VALUE
    t.inferred = "unit, VALUE"
    assert t.inferred == Field.UNIT | Field.VALUE
    t.inferred = 0
    assert t.inferred == Field.NONE
    t.inferred = None
    assert t.inferred == Field.NONE
    with pytest.raises(kpi.KpiValueError):
        t.inferred = 128
    with pytest.raises(kpi.KpiValueError):
        t.inferred = -1
    with pytest.raises(ValueError):
        t.inferred = "value price"
    with pytest.raises(TypeError):
        t.inferred = 1.5
    assert t.inferred == Field.NONE
    assert Field.parse("due label") == Field.LABEL | Field.DUE
    assert Field.of(Field.DUE | Field.LABEL).stable_name == "label due"
    target = seed["3-2"].add_target("3-2-x", "件数", value=5, inferred="value")
    assert target.inferred == Field.VALUE and target.value == 5
    with pytest.raises(kpi.KpiValueError):
        seed["3-2"].add_target("3-2-y", inferred=256)
    assert "3-2-y" not in seed


def test_result_inferred(seed, seed_ev):
    r = seed_ev["3-2-a"]
    assert r.inferred == seed["3-2-a"].inferred == Field.VALUE | Field.UNIT
    assert isinstance(r.inferred, Field)
    assert r.to_record()["inferred"] == "unit value"
    assert seed_ev["3-2"].inferred == Field.NONE == seed_ev.root.inferred
    assert seed_ev["3-2"].to_record()["inferred"] == ""
    for t in seed.all_targets():
        assert seed_ev[t.code].inferred == t.inferred
    # a snapshot: later changes to the target are not seen
    seed["3-2-a"].value = 30
    assert r.inferred == Field.VALUE | Field.UNIT
    assert seed.evaluate("2017-09-30")["3-2-a"].inferred == Field.UNIT


def test_validate(seed):
    problems = seed.validate()
    assert [(p.kind, p.code) for p in problems] == [(kpi.ProblemKind.INCOMPLETE, "1-2-b"),
                                                    (kpi.ProblemKind.INCOMPLETE, "5-5-b")]
    assert all(p.message.startswith('target "%s"' % p.code) for p in problems)


def test_evaluation(seed_ev, seed):
    assert seed_ev.as_of == D(2017, 9, 30)
    assert (seed_ev.start, seed_ev.end) == (D(2017, 4, 1), D(2018, 3, 31))
    assert seed_ev.organization == "上田市" and seed_ev.department == "政策企画部"
    assert len(seed_ev.notes) == 1 and len(seed_ev.directives) == 5
    assert len(seed_ev) == 1 + 23 + 46
    root = seed_ev.root
    assert root.kind == kpi.Object.PLAN and root.code == "ueda-2017" and root.depth == 0
    assert root.parent is None and root == seed_ev["ueda-2017"] == seed_ev[0]
    assert [r.code for r in root.children] == ["1", "2", "3", "4", "5"]
    codes = [r.code for r in seed_ev]
    assert codes[:5] == ["ueda-2017", "1", "1-1", "1-1-a", "1-1-b"]
    assert seed_ev[-1].code == "5-5-b" and len(seed_ev[1:3]) == 2
    r = seed_ev["3-2-a"]
    assert r.parent.code == "3-2" and r.evaluation is seed_ev
    assert r.unit == "件" and r.text == "物件登録件数30件以上" and r.title == "物件登録件数"
    assert r.measured == D(2017, 9, 30) and r.start == D(2017, 4, 1)
    assert r.due == D(2018, 3, 31) and r.start_value == 0
    assert r.target_kind == Kind.NUMERIC and r.direction == kpi.Direction.INCREASE
    assert r.assessment_date is None and not r.assessed and not r.mismatch
    assert r.kind == kpi.Object.TARGET and seed_ev["3-2"].kind == kpi.Object.GOAL
    assert r.value == 30.0 and r.target == r.value
    assert len(seed_ev["3"].children) == 4
    assert "3-2-a" in seed_ev and "nope" not in seed_ev
    policy = seed_ev.policy
    assert (policy.ahead, policy.on_track, policy.rollup, policy.use_assessments) == (
        1.1, 0.95, kpi.Rollup.CRITERIA, True)
    assert policy.settings() == {"ahead": 1.1, "on_track": 0.95,
                                 "rollup": kpi.Rollup.CRITERIA, "use_assessments": True,
                                 "directive_days": 90, "threads": 0, "scale": None}
    assert not hasattr(policy, "lang") and not hasattr(seed_ev, "lang")
    # every result property reads on every result
    names = [n for n, v in vars(kpi.Result).items() if isinstance(v, property)]
    for res in seed_ev:
        for n in names:
            getattr(res, n)


def test_records(seed_ev):
    records = seed_ev.to_records()
    assert len(records) == 70  # the plan, 23 goals, 46 targets
    assert [r["kind"] for r in records].count("goal") == 23
    assert all(list(r) == list(kpi.RECORD_FIELDS) for r in records)
    assert records[0]["kind"] == "plan" and records[0]["parent"] is None
    assert len(seed_ev.to_records(include_plan=False)) == 69
    with_directives = seed_ev.to_records(include_directives=True)
    assert with_directives[:70] == records
    assert [r["kind"] for r in with_directives[70:]] == ["directive"] * 5
    assert all(list(r) == list(kpi.RECORD_FIELDS) for r in with_directives)
    assert seed_ev["mayor-1"].to_record() == with_directives[70]
    d = with_directives[70]
    assert (d["code"], d["issuer"], d["goals"], d["open"], d["depth"], d["weight"],
            d["reason"], d["cancelled"]) == ("mayor-1", "市長", ["1-1"], True, None, None,
                                             "", None)
    by_code = {r["code"]: r for r in records}
    a = by_code["3-2-a"]
    assert a["rating"] == "◎" and a["rating_name"] == "ahead" and a["computed_rating"] == "◎"
    assert a["actual"] == 32.0 and a["target"] == 30.0
    assert a["expected"] == pytest.approx(15.041095890410961)
    assert a["measured"] == D(2017, 9, 30) and a["parent"] == "3-2" and a["depth"] == 3
    assert a["reason"] == "32件 / 目標30件以上 (107%), 期待値15.0 (経過50%) → ◎"
    en = {r["code"]: r for r in seed_ev.to_records(lang="en")}
    assert en["3-2-a"]["reason"] == seed_ev["3-2-a"].reason_in("en")
    assert en["3-3-c"]["unrated_label"] == "no figure reported"
    assert {k: v for k, v in en["3-2-a"].items() if k != "reason"} == {
        k: v for k, v in a.items() if k != "reason"}
    assert a["count_ahead"] is None and a["target_kind"] == "numeric"
    c = by_code["3-3-c"]
    assert c["rating"] is None and c["unrated_reason"] == "NO_DATA"
    assert c["unrated_label"] == "実績なし" and c["actual"] is None and c["target"] == 8.0
    g = by_code["3"]
    assert (g["count_ahead"], g["count_on_track"], g["count_behind"],
            g["count_not_progressed"], g["count_unrated"]) == (1, 1, 1, 0, 1)
    b = by_code["4-2-b"]  # rated by its status: scheduled, no figure
    assert (b["status"], b["status_label"], b["planned"], b["update_status"]) == (
        "scheduled", "予定", D(2017, 11, 19), "scheduled")
    assert (b["figure_inferred"], b["cancelled"], b["issuer"], b["open"]) == (
        False, False, None, None)
    assert g["parent"] == "ueda-2017" and g["target_kind"] is None and g["actual"] is None
    scalar = (type(None), str, int, float, bool, D)
    for r in with_directives:
        assert all(isinstance(v, scalar) for k, v in r.items() if k != "goals"), r
        assert r["goals"] is None or all(isinstance(c, str) for c in r["goals"])
    assert seed_ev["3-2-a"].to_record() == a
    try:
        import pandas
    except ImportError:
        return  # the checks above are what DataFrame needs: flat dicts, same keys
    df = pandas.DataFrame(records)
    assert df.shape == (70, len(kpi.RECORD_FIELDS))
    assert df.loc[df.code == "3-2-a", "rating"].item() == "◎"


def csv_cell(value):
    """How the CSV report writes a record's value."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, D):
        return value.isoformat()
    if isinstance(value, float):
        return value
    if isinstance(value, list):  # a directive's goals
        return ";".join(value)
    return str(value)


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("scale", [None, "akiruno"])
def test_records_match_the_csv_report(seed, lang, scale):
    # One evaluation, the language chosen by the render and records calls.
    ev = seed.evaluate("2017-09-30", scale=scale)
    text = ev.render("csv", lang)
    assert not text.startswith("\ufeff")
    assert ev.render_bytes("csv", lang).startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    # The level columns are in the report on a scale only (on the default
    # scale each result's level is its rating).
    fields = kpi.RECORD_FIELDS if scale else kpi.RECORD_FIELDS[:-2]
    assert list(rows[0]) == list(fields)
    records = ev.to_records(lang=lang, include_directives=True)
    assert len(rows) == len(records)
    for row, rec in zip(rows, records):
        if not scale:
            assert (rec["level"], rec["level_name"]) == (rec["rating"], rec["rating_name"])
        for key in fields:
            want = csv_cell(rec[key])
            if isinstance(want, float):
                assert float(row[key]) == want, (rec["code"], key)
            else:
                assert row[key] == want, (rec["code"], key, row[key], want)


def walk_json(node, parent=None):
    yield node, parent
    for child in node.get("children", []):
        yield from walk_json(child, node)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_json_report(seed_ev, lang):
    doc = json.loads(seed_ev.render("json", lang))
    assert doc["as_of"] == "2017-09-30" and doc["lang"] == lang
    assert doc["format_version"] == 3 and "lang" not in doc["policy"]
    assert doc["period"] == {"start": "2017-04-01", "end": "2018-03-31"}
    assert doc["organization"] == "上田市" and len(doc["notes"]) == 1
    nodes = list(walk_json(doc["plan"]))
    records = seed_ev.to_records(lang=lang)
    directives = seed_ev.to_records(lang=lang, include_directives=True)[len(records):]
    assert [(d["code"], d["issuer"], d["goals"], d["open"], d["days_open"], d["overdue"])
            for d in doc["directives"]] == [
        (d["code"], d["issuer"], d["goals"], d["open"], d["days_open"], d["overdue"])
        for d in directives]
    assert [n["code"] for n, _ in nodes] == [r["code"] for r in records]
    same = ("kind", "depth", "title", "rating", "rating_name", "computed_rating", "assessed",
            "mismatch", "unrated_reason", "weight")
    for (node, parent), rec in zip(nodes, records):
        assert (parent["code"] if parent else None) == rec["parent"]
        for key in same:
            assert node[key] == rec[key], (rec["code"], key)
        if rec["kind"] == "target":
            for key in ("actual", "expected", "target", "start_value", "elapsed", "pace",
                        "achievement", "text", "unit", "target_kind", "direction",
                        "inferred"):
                assert node[key] == rec[key], (rec["code"], key)
            for key in ("measured", "start", "due"):
                assert node[key] == (rec[key].isoformat() if rec[key] else None)
        else:
            assert node["counts"]["ahead"] == rec["count_ahead"]
            assert sum(node["unrated_counts"].values()) == rec["count_unrated"]
        # the reasons are in the document's language, as the records'
        assert node["reason"] == rec["reason"] == seed_ev[rec["code"]].reason_in(lang)


@pytest.mark.parametrize("fmt", list(kpi.Format), ids=lambda f: f.name.lower())
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_format_renders(seed_ev, fmt, lang):
    out = seed_ev.render(fmt, lang)
    assert seed_ev.render(fmt.stable_name, lang) == out
    if fmt == kpi.Format.XLSX:
        # a workbook is bytes; its texts are in its shared strings
        assert isinstance(out, bytes)
        with zipfile.ZipFile(io.BytesIO(out)) as z:
            out = z.read("xl/sharedStrings.xml").decode("utf-8")
    assert isinstance(out, str) and out
    # The plan's title and the codes of its goals and targets are in every
    # report (the text, Markdown and HTML reports show the plan by its
    # title, not its id).
    assert "平成29年度 重点目標一覧表" in out
    assert "3-2-a" in out and "5-5-b" in out


def test_text_report(seed_ev):
    text = seed_ev.render("text")
    assert "32件 / 目標30件以上 (107%), 期待値15.0 (経過50%) → ◎" in text
    assert seed_ev.render("text", "ja") == seed_ev.render(kpi.Format.TEXT, kpi.Lang.JA) == text
    # the width goes to kpi_evaluation_render_text(); 0 is its default of 100
    assert seed_ev.render("text", width=0) == seed_ev.render("text", width=100) == text
    narrow = seed_ev.render("text", width=60)
    assert narrow != text
    assert seed_ev.render_bytes("text", "en", 60).decode() == seed_ev.render("text", "en", 60)
    with pytest.raises(kpi.KpiValueError) as e:
        seed_ev.render("text", width=10)
    assert e.value.function == "kpi_evaluation_render_text"
    with pytest.raises(kpi.KpiValueError):
        seed_ev.render("text", width=-1)
    with pytest.raises(TypeError):
        seed_ev.render("text", width="60")
    # the other formats have no width
    for fmt in ("markdown", "json", "csv", "html", kpi.Format.JSON):
        with pytest.raises(ValueError, match="text format"):
            seed_ev.render(fmt, width=80)
        with pytest.raises(ValueError, match="text format"):
            seed_ev.render_bytes(fmt, "en", 0)
    with pytest.raises(kpi.KpiValueError):
        seed_ev.render("pdf")
    with pytest.raises(kpi.KpiValueError):
        seed_ev.render("text", 7)  # no language: libkpi refuses it
    english = seed_ev.render("text", "en")
    assert "ahead of target" in english or "Ahead" in english or "◎" in english
    assert seed_ev["3-2-a"].reason_in("en") in english


def test_write_gives_the_rendered_bytes(seed_ev, tmp_path):
    for fmt in ("text", "markdown", "json", "csv", "html"):
        for lang in ("ja", "en"):
            path = tmp_path / ("report-%s-%s" % (fmt, lang))
            seed_ev.write(path, fmt, lang)
            assert path.read_bytes() == seed_ev.render_bytes(fmt, lang)
    path = tmp_path / "report.json"
    path.write_bytes(b"old")
    with pytest.raises(kpi.KpiValueError):
        seed_ev.write(path, "pdf")
    with pytest.raises(kpi.KpiIOError):
        seed_ev.write(tmp_path / "no-such-directory" / "report.json", "json")
    assert path.read_bytes() == b"old"  # left as it was


def test_render_after_the_plan_is_gone():
    plan = kpi.Plan.read_csv(STRUCTURE, PROGRESS)
    ev = plan.evaluate("2017-09-30")
    plan.close()
    del plan
    assert "3-2-a" in ev.render("markdown")
    assert ev["3-2-a"].rating == Rating.AHEAD


def test_evaluate_at_other_dates(seed):
    early = seed.evaluate("2017-04-01")
    assert early["3-2-a"].unrated == Unrated.NO_DATA
    year_end = seed.evaluate("平成30年3月31日")
    assert year_end.as_of == D(2018, 3, 31)
    # 32 against E = T = 30: pace 1.07, on target
    assert year_end["3-2-a"].elapsed == 1.0 and year_end["3-2-a"].rating == Rating.ON_TRACK
    assert seed.evaluate().as_of == D(2017, 9, 30)  # the report date
    seed.report_date = None
    today = seed.evaluate()
    assert today.as_of == D.today()
    # keyword settings override the policy given, for this call only
    policy = kpi.Policy(ahead=1.2, on_track=1.0)
    ev = seed.evaluate("2017-09-30", policy=policy, rollup="worst")
    assert ev.policy.rollup == kpi.Rollup.WORST and ev.policy.ahead == 1.2
    assert policy.rollup == kpi.Rollup.CRITERIA
    # and the language is the render call's
    assert "ahead of target" in ev.render("text", lang="en")
    with pytest.raises(TypeError, match="render"):
        seed.evaluate("2017-09-30", policy=policy, lang="en")


@pytest.mark.parametrize("kwargs", [{}, {"include_plan": False}, {"include_directives": True},
                                    {"lang": "en", "include_directives": True}])
def test_records_are_the_getters(seed_ev, kwargs):
    # to_records() reads a column at a time; Result.to_record() reads one
    # row through the getters: every value of every row agrees.
    records = seed_ev.to_records(**kwargs)
    results = list(seed_ev)
    if not kwargs.get("include_plan", True):
        results = results[1:]
    if kwargs.get("include_directives"):
        results += list(seed_ev.directives)
    lang = kwargs.get("lang", "ja")
    assert records == [r.to_record(lang) for r in results]
    assert len(records) == len(results) > 0
