"""Every kpi_error code becomes its KpiError subclass, carrying libkpi's
message, source, line and column; nothing is lost or turned into a crash."""

import ctypes
import errno
import os
import shutil
import subprocess
import sys
import threading

import pytest

import kpi
from kpi import _capi
from conftest import subprocess_env


def run_python(code, **env):
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=subprocess_env(**env), timeout=120)


def check(e, cls, code, *words):
    assert type(e) is cls
    assert isinstance(e, kpi.KpiError)
    assert e.code == code and cls.default_code == code
    assert e.name == kpi.error_name(code)
    assert str(e) == e.message and e.message
    for w in words:
        assert w in e.message, (w, e.message)


# --- one test per code -------------------------------------------------------


def test_nomem_from_a_failing_allocator():
    # kpi_set_allocator is process-wide and must be set while no libkpi object
    # exists, so this runs in a fresh interpreter. The allocator wraps libc's
    # malloc family, so memory obtained either way is released correctly.
    result = run_python(r'''
import ctypes, kpi
from kpi import _capi
libc = ctypes.CDLL(None)
libc.malloc.restype = ctypes.c_void_p; libc.malloc.argtypes = [ctypes.c_size_t]
libc.free.restype = None; libc.free.argtypes = [ctypes.c_void_p]
fail = [False]
live = {}
def alloc(context, n):
    if fail[0]:
        return None
    p = libc.malloc(n)
    live[p] = n
    return p
def release(context, p, n):
    assert live.pop(p) == n   # libkpi hands back the size it asked for
    libc.free(p)
a = _capi.ALLOC_FN(alloc)
f = _capi.FREE_FN(release)
try:
    _capi.C.kpi_set_allocator(a, _capi.FREE_FN(), None)  # one NULL
except kpi.KpiArgumentError as e:
    print("ARGUMENT", e.code, e.function, e.message)
_capi.C.kpi_set_allocator(a, f, None)
fail[0] = True
try:
    kpi.Plan("x")
except kpi.KpiNoMemory as e:
    print("NOMEM", e.code, isinstance(e, MemoryError), e.message)
fail[0] = False
plan = kpi.Plan("y")
plan.add_goal("g").add_target("t", value=1)
fail[0] = True
try:
    plan.evaluate("2017-09-30")
except kpi.KpiNoMemory as e:
    print("NOMEM evaluate", e.code)
fail[0] = False
print("after", plan.evaluate("2017-09-30")["t"].code)
try:
    _capi.C.kpi_set_allocator(_capi.ALLOC_FN(), _capi.FREE_FN(), None)
except kpi.KpiMisuseError as e:
    print("MISUSE", e.code, isinstance(e, RuntimeError))
plan.close()
print("live", len(live))
_capi.C.kpi_set_allocator(_capi.ALLOC_FN(), _capi.FREE_FN(), None)
''')
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("ARGUMENT -2 kpi_set_allocator ")
    assert lines[1].startswith("NOMEM -1 True ")
    assert lines[2] == "NOMEM evaluate -1"
    assert lines[3] == "after t"
    assert lines[4] == "MISUSE -12 True"
    assert lines[5] == "live 0"


def test_argument_from_libkpi():
    out = ctypes.c_void_p()
    with pytest.raises(kpi.KpiArgumentError) as e:
        _capi.C.kpi_plan_new(None, b"x")
    check(e.value, kpi.KpiArgumentError, -2, "NULL")
    assert e.value.function == "kpi_plan_new"
    with pytest.raises(kpi.KpiArgumentError):
        _capi.C.kpi_plan_new(ctypes.byref(out), None)
    assert out.value is None


def test_argument_for_a_closed_plan():
    plan = kpi.Plan("p")
    goal = plan.add_goal("g")
    target = goal.add_target("t")
    m = target.add_measurement("2017-09-30", 1)
    plan.close()
    plan.close()  # twice is fine
    assert plan.closed
    for action in (lambda: plan.title, lambda: goal.code, lambda: target.value,
                   lambda: m.value, lambda: len(plan), lambda: list(goal),
                   lambda: plan.evaluate("2017-09-30"), lambda: setattr(goal, "title", "x"),
                   lambda: target.add_measurement("2017-09-30", 2)):
        with pytest.raises(kpi.KpiArgumentError) as e:
            action()
        check(e.value, kpi.KpiArgumentError, -2, "closed")
    assert "closed" in repr(plan) and "closed" in repr(goal)
    with pytest.raises(kpi.KpiArgumentError):
        with plan:
            pass


def test_argument_for_nul_in_text():
    plan = kpi.Plan("p")
    with pytest.raises(kpi.KpiArgumentError, match="NUL"):
        plan.title = "a\0b"
    with pytest.raises(kpi.KpiEncodingError):
        plan.title = "\udc80"  # a lone surrogate cannot be UTF-8
    assert plan.title == ""


def test_range():
    plan = kpi.Plan("p")
    plan.add_goal("g")
    with pytest.raises(kpi.KpiRangeError) as e:
        plan.goals[5]
    assert isinstance(e.value, IndexError)
    assert plan.goals[-1].code == "g"
    with pytest.raises(IndexError):
        plan.goals[-2]
    # libkpi's own range check, through the table's errcheck
    with pytest.raises(kpi.KpiRangeError) as e:
        with plan._h.lock:
            _capi.C.kpi_plan_goal_at(plan._h.get(), 99)
    check(e.value, kpi.KpiRangeError, -3)
    assert e.value.function == "kpi_plan_goal_at"
    ev = plan.evaluate("2017-09-30")
    with pytest.raises(kpi.KpiRangeError):
        ev[len(ev)]


def test_not_found():
    plan = kpi.Plan("ueda-2017")
    plan.add_goal("3")
    with pytest.raises(kpi.KpiNotFound) as e:
        plan.find_goal("9")
    check(e.value, kpi.KpiNotFound, -4, "ueda-2017", '"9"')
    assert e.value.function == "kpi_plan_find_goal"
    with pytest.raises(KeyError):
        plan["9-9-z"]
    with pytest.raises(kpi.KpiNotFound) as e:
        plan.find_target("3")  # a goal, not a target
    assert e.value.function == "kpi_plan_find_target"
    assert plan.get("9") is None and "3" in plan and "9" not in plan
    ev = plan.evaluate("2017-09-30")
    with pytest.raises(kpi.KpiNotFound) as e:
        ev.find("nope")
    assert e.value.function == "kpi_evaluation_find"
    check(e.value, kpi.KpiNotFound, -4, '"nope"')
    assert ev.get("nope", 1) == 1 and ev["ueda-2017"].kind == kpi.Object.PLAN


def test_duplicate():
    plan = kpi.Plan("p")
    g = plan.add_goal("3-2")
    with pytest.raises(kpi.KpiDuplicate) as e:
        g.add_target("3-2")  # goals and targets share one namespace
    check(e.value, kpi.KpiDuplicate, -5, "3-2")
    assert e.value.function == "kpi_goal_add_target"
    assert len(g) == 0 and plan.total_target_count == 0  # unchanged
    t = g.add_target("3-2-a")
    with pytest.raises(kpi.KpiDuplicate):
        t.code = "3-2"
    assert t.code == "3-2-a"


def test_value():
    plan = kpi.Plan("p")
    t = plan.add_goal("3-2").add_target("3-2-a")
    with pytest.raises(kpi.KpiValueError) as e:
        t.weight = -1
    check(e.value, kpi.KpiValueError, -6, '"3-2-a"', "weight", "-1")
    assert t.weight == 1.0  # unchanged
    for bad in (float("inf"), float("-inf")):
        with pytest.raises(kpi.KpiValueError):
            t.value = bad
    with pytest.raises(kpi.KpiValueError):
        t.weight = float("nan")
    with pytest.raises(kpi.KpiValueError):
        t.add_measurement("2017-09-30", float("inf"))
    with pytest.raises(kpi.KpiValueError):
        kpi.Plan("")
    with pytest.raises(kpi.KpiValueError):
        kpi.Rating.parse("good")
    with pytest.raises(kpi.KpiValueError):
        kpi.Format.parse("pdf")
    with pytest.raises(kpi.KpiValueError):
        kpi.Policy(ahead=0.5, on_track=0.9)
    with pytest.raises(kpi.KpiValueError):
        t.kind = 7  # not a kind: libkpi refuses it
    with pytest.raises(kpi.KpiValueError):
        plan.add_note("")
    # bad fields are refused before the target is added
    with pytest.raises(kpi.KpiValueError):
        plan["3-2"].add_target("3-2-b", weight=0)
    assert "3-2-b" not in plan
    # the wrong Python type is a TypeError, not a crash
    with pytest.raises(TypeError):
        t.value = "30"
    with pytest.raises(TypeError):
        t.label = 30
    with pytest.raises(ValueError):
        t.kind = "numberish"


def test_date():
    with pytest.raises(kpi.KpiDateError) as e:
        kpi.parse_date("2017-13-01")
    check(e.value, kpi.KpiDateError, -7, '"2017-13-01"', "month 13")
    with pytest.raises(kpi.KpiDateError, match="month|day|year"):
        kpi.parse_date("平成29年度")  # names a fiscal year, not a day
    plan = kpi.Plan("p")
    t = plan.add_goal("g").add_target("t")
    with pytest.raises(kpi.KpiDateError):
        t.due = 20170230
    with pytest.raises(kpi.KpiDateError):
        t.add_measurement(0, 1)
    with pytest.raises(kpi.KpiDateError):
        plan.evaluate(20171301)
    with pytest.raises(kpi.KpiDateError):
        kpi.make_date(2017, 2, 30)
    with pytest.raises(kpi.KpiDateError):
        plan.set_period("2017-04-01", None)  # only one of the two
    assert plan.period is None


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


STRUCTURE_HEAD = "type,code,parent,title,unit,kind,value,start,due,text\n"
PLAN_ROW = "plan,p,,計画,,,,2017-04-01,2018-03-31,\n"


def test_parse_error_names_file_and_line(tmp_path):
    s = write(tmp_path, "structure.csv",
              STRUCTURE_HEAD + PLAN_ROW + 'goal,g,,"unterminated\n')
    with pytest.raises(kpi.KpiParseError) as e:
        kpi.Plan.read_csv(s)
    check(e.value, kpi.KpiParseError, -8, "structure.csv")
    assert e.value.source.endswith("structure.csv")
    assert e.value.line >= 3
    assert ":%d" % e.value.line in e.value.message


def test_date_error_in_a_file_names_file_line_and_column(tmp_path):
    s = write(tmp_path, "structure.csv",
              STRUCTURE_HEAD + PLAN_ROW + "goal,g,,目標,,,,,,\n"
              "target,t,g,件数,件,,30,,2017-13-01,\n")
    with pytest.raises(kpi.KpiDateError) as e:
        kpi.Plan.read_csv(s)
    err = e.value
    assert err.source.endswith("structure.csv") and err.line == 4
    assert err.column == 9
    assert "structure.csv:4" in err.message and '"due"' in err.message
    assert "month 13" in err.message


def test_io():
    missing = os.path.join(os.sep, "nonexistent", "structure.csv")
    with pytest.raises(kpi.KpiIOError) as e:
        kpi.Plan.read_csv(missing)
    check(e.value, kpi.KpiFileNotFoundError, -9, missing)
    assert isinstance(e.value, OSError)
    plan = kpi.Plan("p")
    with pytest.raises(kpi.KpiIOError):
        plan.write_csv(os.path.join(os.sep, "nonexistent", "dir", "s.csv"))


def test_io_errors_are_the_matching_oserror(tmp_path):
    # A missing file is caught by `except FileNotFoundError`, as around
    # open(), with errno and filename set; still a KpiIOError.
    missing = str(tmp_path / "no-such.csv")
    with pytest.raises(FileNotFoundError) as e:
        kpi.Plan.read_csv(missing)
    assert isinstance(e.value, kpi.KpiIOError) and isinstance(e.value, kpi.KpiError)
    assert e.value.errno == errno.ENOENT
    assert e.value.filename == missing
    assert e.value.strerror == os.strerror(errno.ENOENT)
    assert "cannot open" in str(e.value)
    # A directory: IsADirectoryError, not a bare "read error".
    with pytest.raises(IsADirectoryError) as e:
        kpi.Plan.read_csv(str(tmp_path))
    assert e.value.errno == errno.EISDIR and e.value.filename == str(tmp_path)
    assert "Is a directory" in str(e.value)
    with pytest.raises(IsADirectoryError):
        kpi.Plan("p").write_csv(str(tmp_path))
    # Writing into a directory that is not there.
    with pytest.raises(FileNotFoundError) as e:
        kpi.Plan("p").write_csv(str(tmp_path / "missing" / "s.csv"))
    assert e.value.errno == errno.ENOENT
    # Through a plain file taken for a directory.
    (tmp_path / "file").write_text("x")
    with pytest.raises(NotADirectoryError):
        kpi.Plan.read_csv(str(tmp_path / "file" / "s.csv"))
    # Errors that are not the system's have no errno.
    with pytest.raises(kpi.KpiDateError) as e:
        kpi.parse_date("2017-13-01")
    assert not hasattr(e.value, "errno")


def test_write_csv_refuses_one_file_for_both(tmp_path, seed):
    # The progress file would replace the structure file just written:
    # refused before anything is written, however the paths are spelt.
    plan = seed
    p = tmp_path / "plan.csv"
    (tmp_path / "sub").mkdir()
    spellings = [(p, p), (str(p), str(tmp_path / "." / "plan.csv")),
                 (p, tmp_path / "sub" / ".." / "plan.csv")]
    for structure, progress in spellings:
        with pytest.raises(kpi.KpiArgumentError) as e:
            plan.write_csv(structure, progress)
        assert "the same file" in str(e.value)
        assert sorted(x.name for x in tmp_path.iterdir()) == ["sub"]
    plan.write_csv(p, tmp_path / "progress.csv")
    again = kpi.Plan.read_csv(p, tmp_path / "progress.csv")
    assert again.to_csv_bytes() == plan.to_csv_bytes()


def test_encoding(tmp_path):
    bad = (STRUCTURE_HEAD + PLAN_ROW).encode("utf-8") + b"goal,g,,\xff\xfe,,,,,,\n"
    s = write(tmp_path, "structure.csv", bad)
    with pytest.raises(kpi.KpiEncodingError) as e:
        kpi.Plan.read_csv(s, encoding="utf-8")
    check(e.value, kpi.KpiEncodingError, -10)
    assert e.value.line == 3
    with pytest.raises(ValueError):
        kpi.Plan.read_csv(s, encoding="latin-1")  # not an encoding libkpi reads


def test_limit():
    plan = kpi.Plan("p")
    g = plan.add_goal("g1")
    for depth in range(2, kpi.MAX_DEPTH + 1):
        g = g.add_goal("g%d" % depth)
    assert g.depth == kpi.MAX_DEPTH
    with pytest.raises(kpi.KpiLimitError) as e:
        g.add_goal("too-deep")
    check(e.value, kpi.KpiLimitError, -11)
    with pytest.raises(kpi.KpiLimitError):
        plan.add_goal("x" * (kpi.MAX_CODE + 1))  # a size limit, as for any field


def test_setters_hold_to_the_readers_limits():
    # The case: a title the reader would refuse is refused when set,
    # naming the goal, the field and the limit, and nothing changes; a title
    # at the limit is kept and the plan is written and read back.
    plan = kpi.Plan("p")
    goal = plan.add_goal("3-2", title="before")
    with pytest.raises(kpi.KpiLimitError) as e:
        goal.title = "x" * 10_000_000
    check(e.value, kpi.KpiLimitError, -11)
    assert 'goal "3-2": title is 10000000 bytes' in str(e.value)
    assert "1048576 (KPI_MAX_FIELD)" in str(e.value)
    assert goal.title == "before"
    goal.title = "x" * kpi.MAX_FIELD
    copy = kpi.Plan.read_csv_bytes(*plan.to_csv_bytes())
    assert copy.find_goal("3-2").title == goal.title
    with pytest.raises(kpi.KpiValueError):
        plan.add_goal(" padded")  # the reader would trim the blank


# --- functions that return an object, NULL on error ------------------------


def test_errors_of_functions_returning_objects():
    # kpi_plan_add_goal() & co. return the new object, or NULL with the last
    # error set: each failure is the KpiError of its code, with libkpi's
    # message and the C function, and changes nothing.
    plan = kpi.Plan("p")
    goal = plan.add_goal("g")
    target = goal.add_target("t", value=1)
    cases = [
        (lambda: plan.add_goal(""), kpi.KpiValueError, "kpi_plan_add_goal"),
        (lambda: plan.add_goal("t"), kpi.KpiDuplicate, "kpi_plan_add_goal"),
        (lambda: goal.add_goal("g"), kpi.KpiDuplicate, "kpi_goal_add_goal"),
        (lambda: goal.add_target("x" * (kpi.MAX_CODE + 1)), kpi.KpiLimitError,
         "kpi_goal_add_target"),
        (lambda: target.add_measurement(20170230, 1), kpi.KpiDateError,
         "kpi_target_add_measurement"),
        (lambda: target.add_measurement("2017-09-30", float("nan")), kpi.KpiValueError,
         "kpi_target_add_measurement"),
        (lambda: target.add_assessment("2017-09-30", kpi.Rating.NONE), kpi.KpiValueError,
         "kpi_target_add_assessment"),
        (lambda: goal.add_assessment(20171301, "◎"), kpi.KpiDateError,
         "kpi_goal_add_assessment"),
        (lambda: plan.find_goal("t"), kpi.KpiNotFound, "kpi_plan_find_goal"),
        (lambda: plan.find_target("g"), kpi.KpiNotFound, "kpi_plan_find_target"),
    ]
    for action, cls, function in cases:
        with pytest.raises(cls) as e:
            action()
        check(e.value, cls, cls.default_code)
        assert e.value.function == function, (function, e.value.function)
    assert plan.total_goal_count == 1 and plan.total_target_count == 1
    assert len(target.measurements) == 0 and len(target.assessments) == 0
    assert len(goal.assessments) == 0
    # a success after a failure gives its object: no stale error is raised
    assert target.add_measurement("2017-09-30", 1).value == 1
    assert goal.add_assessment("2017-09-30", "○", author="課長").author == "課長"
    assert plan.add_goal("h", "目標").title == "目標"
    ev = plan.evaluate("2017-09-30")
    with pytest.raises(kpi.KpiNotFound) as e:
        ev.find("nope")
    assert e.value.function == "kpi_evaluation_find"


def test_plan_keeps_its_last_error():
    # kpi_plan_error_code()/_message(): the last change of the plan or of
    # anything in it that libkpi refused, as the exception raised then.
    plan = kpi.Plan("p")
    assert plan.last_error is None
    t = plan.add_goal("g").add_target("t")
    with pytest.raises(kpi.KpiValueError) as e:
        t.weight = -1
    err = plan.last_error
    check(err, kpi.KpiValueError, -6)
    assert err.message == e.value.message and err.function is None
    assert e.value.function == "kpi_target_set_weight"
    # a later success, and a lookup that fails (it changes nothing), keep it
    t.weight = 2
    with pytest.raises(kpi.KpiNotFound):
        plan.find_goal("nope")
    assert plan.last_error.message == e.value.message
    # the next failed change replaces it, from whatever object it came
    with pytest.raises(kpi.KpiDuplicate) as e:
        plan["g"].add_goal("t")
    check(plan.last_error, kpi.KpiDuplicate, -5)
    assert plan.last_error.message == e.value.message
    with pytest.raises(kpi.KpiDateError) as e:
        t.add_measurement(20170230, 1)
    assert plan.last_error.code == kpi.KpiDateError.default_code
    assert plan.last_error.message == e.value.message
    # errors the binding finds itself never reach libkpi
    with pytest.raises(TypeError):
        t.value = "30"
    assert type(plan.last_error) is kpi.KpiDateError
    # each plan has its own, and a plan read from files starts clean
    assert kpi.Plan("q").last_error is None
    assert kpi.Plan.read_csv_bytes("type,code\nplan,r\n").last_error is None
    plan.close()
    with pytest.raises(kpi.KpiArgumentError, match="closed"):
        plan.last_error


def test_reader_keeps_its_last_error(tmp_path):
    # The reader's own error getters (no Python reader object: Plan.read_csv
    # makes and frees one) say what the raised exception says.
    s = write(tmp_path, "structure.csv",
              STRUCTURE_HEAD + PLAN_ROW + "goal,g,,目標,,,,,,\n"
              "target,t,g,件数,件,,30,,2017-13-01,\n")
    C = _capi.C
    reader = ctypes.c_void_p()
    C.kpi_reader_new(ctypes.byref(reader))
    try:
        assert C.kpi_reader_error_code(reader) == 0
        assert C.kpi_reader_error_message(reader) == ""
        out = ctypes.c_void_p()
        with pytest.raises(kpi.KpiDateError) as e:
            C.kpi_reader_read_files(ctypes.byref(out), reader, os.fsencode(s), None)
        assert out.value is None
        err = e.value
        assert C.kpi_reader_error_code(reader) == err.code == -7
        assert C.kpi_reader_error_message(reader) == err.message
        assert C.kpi_reader_error_source(reader) == err.source
        assert C.kpi_reader_error_source(reader).endswith("structure.csv")
        assert (C.kpi_reader_error_line(reader), C.kpi_reader_error_column(reader)) == (4, 9)
        # a successful read clears it
        C.kpi_reader_read_buffers(ctypes.byref(out), reader, b"type,code\nplan,p\n", 17,
                                  None, 0)
        C.kpi_plan_free(out.value)
        assert C.kpi_reader_error_code(reader) == 0
        assert (C.kpi_reader_error_message(reader), C.kpi_reader_error_source(reader),
                C.kpi_reader_error_line(reader), C.kpi_reader_error_column(reader)) == (
                    "", "", 0, 0)
    finally:
        C.kpi_reader_free(reader)


def test_every_code_has_its_class():
    names = set()
    for code in range(-12, 0):
        cls = kpi._errors.error_class(code)
        assert cls is not kpi.KpiError and cls.default_code == code
        assert kpi.error_name(code) == kpi._errors.error_name(code)
        names.add(cls.__name__)
    assert len(names) == 12
    assert kpi.error_name(-99) == "KPI_ERR_UNKNOWN"


def test_errors_pickle():
    import pickle
    try:
        kpi.parse_date("2017-13-01")
    except kpi.KpiDateError as e:
        copy = pickle.loads(pickle.dumps(e))
        assert type(copy) is kpi.KpiDateError
        assert (copy.message, copy.code, copy.function) == (e.message, e.code, e.function)
    with pytest.raises(kpi.KpiIOError) as e:
        kpi.Plan.read_csv(os.path.join(os.sep, "nonexistent", "structure.csv"))
    copy = pickle.loads(pickle.dumps(e.value))
    assert type(copy) is kpi.KpiFileNotFoundError
    assert (copy.errno, copy.filename, copy.message) == (
        e.value.errno, e.value.filename, e.value.message)


def test_each_thread_sees_its_own_error():
    failures = []
    barrier = threading.Barrier(4)

    def work(n):
        barrier.wait()
        for i in range(300):
            text = "2017-13-%02d" % (n + 1)
            try:
                kpi.parse_date(text)
            except kpi.KpiDateError as e:
                if text not in e.message:
                    failures.append((text, e.message))
            plan = kpi.Plan("p%d" % n)
            try:
                plan.find_goal("g%d-%d" % (n, i))
            except kpi.KpiNotFound as e:
                if '"g%d-%d"' % (n, i) not in e.message:
                    failures.append(e.message)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []


# --- loading the library -----------------------------------------------------


def test_bad_kpi_library_says_what_it_tried():
    result = run_python("import kpi", KPI_LIBRARY="/nonexistent/libkpi.so")
    assert result.returncode != 0
    assert "KpiLibraryError" in result.stderr
    assert "KPI_LIBRARY=/nonexistent/libkpi.so" in result.stderr


def copy_package(root):
    """A copy of the kpi package at root/bindings/python/kpi; returns the
    directory to put on PYTHONPATH."""
    target = os.path.join(str(root), "bindings", "python")
    shutil.copytree(os.path.dirname(kpi.__file__), os.path.join(target, "kpi"),
                    ignore=shutil.ignore_patterns("__pycache__", "libkpi*", "_install.py"))
    return target


def test_package_in_a_tree_finds_the_trees_build(tmp_path):
    # Used from a libkpi tree (PYTHONPATH=bindings/python, pip install -e),
    # the package loads the tree's build/lib with no KPI_LIBRARY.
    path = copy_package(tmp_path)
    (tmp_path / "include").mkdir()
    (tmp_path / "include" / "kpi.h").write_text("/* the tree's header */\n")
    (tmp_path / "build" / "lib").mkdir(parents=True)
    shutil.copy(_capi.LIBRARY_PATH, str(tmp_path / "build" / "lib" / "libkpi.so.0"))
    result = subprocess.run([sys.executable, "-c", "import kpi; print(kpi.library_path)"],
                            capture_output=True, text=True, timeout=120,
                            env=dict(subprocess_env(KPI_LIBRARY=None), PYTHONPATH=path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(tmp_path / "build" / "lib" / "libkpi.so.0")


def test_no_library_found_lists_every_place_tried(tmp_path):
    # The package outside any tree, with nothing beside it.
    path = copy_package(tmp_path)
    result = subprocess.run([sys.executable, "-c", "import kpi; print(kpi.library_path)"],
                            capture_output=True, text=True, timeout=120,
                            env=dict(subprocess_env(KPI_LIBRARY=None, LD_LIBRARY_PATH=None),
                                     PYTHONPATH=path))
    if result.returncode == 0:
        # a libkpi is installed on this system's search path: that is a find
        assert result.stdout.strip()
        return
    assert "KpiLibraryError" in result.stderr
    assert "Tried, in order" in result.stderr
    assert "KPI_LIBRARY: not set" in result.stderr
    assert "the libkpi tree's build: not in a libkpi tree" in result.stderr
    assert "libkpi.so.0 (system search path)" in result.stderr
    assert "find_library" in result.stderr


def test_version_is_checked():
    assert kpi.version() == "%d.%d.%d" % (kpi.version_number() // 10000,
                                          kpi.version_number() // 100 % 100,
                                          kpi.version_number() % 100)
    major, minor, _ = _capi.WRITTEN_FOR
    assert kpi.version_number() // 10000 == major
    assert kpi.version_number() // 100 % 100 >= minor
    with pytest.raises(kpi.KpiLibraryError, match="9.0.0"):
        _capi.check_version(90000, "9.0.0")
    with pytest.raises(kpi.KpiLibraryError, match="0.0.5"):
        _capi.check_version(5, "0.0.5")
    _capi.check_version(major * 10000 + minor * 100 + 7, "a newer patch is fine")
    newer_minor = major * 10000 + (minor + 3) * 100
    if major == 0:  # before 1.0 a minor release may change the API
        with pytest.raises(kpi.KpiLibraryError, match="needs 0.%d.x" % minor):
            _capi.check_version(newer_minor, "0.%d.0" % (minor + 3))
    else:
        _capi.check_version(newer_minor, "newer minor is fine")
