"""Objects made and dropped in random orders, under gc.collect(), closed
explicitly, shared between threads and left for the interpreter's exit:
no order may reach freed memory or lose an error.

Run under AddressSanitizer (ctest in a KPI_SANITIZE build) and valgrind
(the python_valgrind test of a KPI_VALGRIND build), a use after free or a
double free shows up as a report there; here it shows up as a crash or a
wrong value. $KPI_STRESS_ROUNDS (default 400) and $KPI_STRESS_SEED choose
the length and the sequence.
"""

import gc
import os
import random
import subprocess
import sys
import threading

import pytest

import kpi
from conftest import PROGRESS, STRUCTURE, subprocess_env

ROUNDS = int(os.environ.get("KPI_STRESS_ROUNDS", "400"))
SEED = int(os.environ.get("KPI_STRESS_SEED", "20170930"))

with open(STRUCTURE, "rb") as _f:
    SEED_STRUCTURE = _f.read()
with open(PROGRESS, "rb") as _f:
    SEED_PROGRESS = _f.read()


def make_plan(rng, n):
    if rng.random() < 0.3:
        return kpi.Plan.read_csv_bytes(SEED_STRUCTURE, SEED_PROGRESS)
    plan = kpi.Plan("p%d" % n, "計画%d" % n, fiscal_year=2017)
    for g in range(rng.randint(1, 3)):
        goal = plan.add_goal("%d-%d" % (n, g), "目標")
        if rng.random() < 0.5:
            goal = goal.add_goal("%d-%d-sub" % (n, g))
        for t in range(rng.randint(0, 3)):
            target = goal.add_target("%d-%d-%d" % (n, g, t), "件数", unit="件",
                                     value=rng.randint(1, 50))
            for _ in range(rng.randint(0, 3)):
                target.add_measurement("2017-%02d-15" % rng.randint(4, 12),
                                       rng.randint(0, 60), "メモ")
            if rng.random() < 0.2:
                target.add_assessment("2017-09-30", rng.choice("◎○△×"))
    plan.add_note("市長指示事項%d" % n)
    return plan


def owner_of(obj):
    """The wrapper whose handle obj's calls go through."""
    if isinstance(obj, (kpi.Plan, kpi.Evaluation, kpi.Policy)):
        return obj
    return obj._owner


def touch(obj, rng):
    """Reads what obj offers; returns a few children to keep."""
    found = []
    if isinstance(obj, kpi.Plan):
        (obj.id, obj.title, obj.period, obj.notes, len(obj), obj.total_target_count)
        found += list(obj.walk())
        if rng.random() < 0.3:
            found.append(obj.evaluate("2017-09-30"))
        if rng.random() < 0.1:
            obj.to_csv_bytes()
    elif isinstance(obj, kpi.Goal):
        (obj.code, obj.title, obj.weight, obj.depth, obj.parent, obj.notes, len(obj))
        found += list(obj) + list(obj.assessments)
        if rng.random() < 0.2:
            obj.title = "改題"
    elif isinstance(obj, kpi.Target):
        (obj.code, obj.label, obj.unit, obj.text, obj.kind, obj.direction, obj.schedule,
         obj.accumulate, obj.value, obj.start_value, obj.reference, obj.change_pct,
         obj.weight, obj.start, obj.due, obj.goal, len(obj))
        found += list(obj.measurements) + list(obj.assessments)
        if rng.random() < 0.2:
            found.append(obj.add_measurement("2017-09-30", rng.randint(0, 1)))
    elif isinstance(obj, kpi.Measurement):
        (obj.date, obj.value, obj.note, obj.author, obj.target)
        if rng.random() < 0.2:
            obj.note = "訂正"
    elif isinstance(obj, kpi.Assessment):
        (obj.date, obj.rating, obj.comment, obj.author, obj.of)
    elif isinstance(obj, kpi.Evaluation):
        (obj.as_of, obj.start, obj.notes, obj.policy.settings(), len(obj))
        found += [obj[rng.randrange(len(obj))] for _ in range(3)]
        if rng.random() < 0.1:
            obj.to_records(lang=rng.choice(["ja", "en"]))
        if rng.random() < 0.05:
            obj.render(rng.choice(list(kpi.Format)), rng.choice(list(kpi.Lang)))
    elif isinstance(obj, kpi.Result):
        names = [n for n, v in vars(kpi.Result).items() if isinstance(v, property)]
        for n in names:
            getattr(obj, n)
        lang = rng.choice(["ja", "en"])
        obj.reason_in(lang)  # built on the first request per language
        obj.to_record(lang)
        found += obj.children
        if obj.parent is not None:
            found.append(obj.parent)
    elif isinstance(obj, kpi.Policy):
        obj.settings()
        obj.ahead = 1.2
    return found


def test_random_lifetimes():
    handles = []  # every Handle made; a Handle does not keep its wrapper alive
    random_lifetimes(random.Random(SEED), handles)
    gc.collect()
    alive = [h for h in handles if h.ptr]
    assert alive == [], "%d of %d objects were never freed" % (len(alive), len(handles))


def random_lifetimes(rng, handles):
    pool = []
    for n in range(ROUNDS):
        r = rng.random()
        if r < 0.15 or not pool:
            plan = make_plan(rng, n)
            handles.append(plan._h)
            pool.append(plan)
            if rng.random() < 0.2:
                plan.cycle = [plan, plan.goals[0]]  # collected only by gc
        elif r < 0.20:
            policy = kpi.Policy(rollup=rng.choice(list(kpi.Rollup)))
            handles.append(policy._h)
            pool.append(policy)
        elif r < 0.65:
            obj = rng.choice(pool)
            try:
                found = touch(obj, rng)
            except kpi.KpiArgumentError as e:
                assert owner_of(obj).closed, e
                assert "closed" in e.message
            else:
                assert not owner_of(obj).closed
                for child in rng.sample(found, min(len(found), 4)):
                    if isinstance(child, kpi.Evaluation):
                        handles.append(child._h)
                    pool.append(child)
        elif r < 0.85:
            # drop a few references, in random order
            for _ in range(rng.randint(1, 4)):
                if pool:
                    pool.pop(rng.randrange(len(pool)))
        elif r < 0.92:
            owner = owner_of(rng.choice(pool))
            owner.close()
            assert owner.closed
        else:
            loop = [rng.choice(pool)]
            loop.append(loop)  # a cycle through a borrowed wrapper
            del loop
        if rng.random() < 0.1:
            gc.collect()


def test_children_keep_the_plan_alive():
    plan = kpi.Plan.read_csv_bytes(SEED_STRUCTURE, SEED_PROGRESS)
    handle = plan._h
    target = plan["3-2-a"]
    measurement = target.measurements[0]
    goal = plan["3"]
    del plan
    gc.collect()
    assert handle.ptr  # still alive: its goals and targets hold it
    assert target.label == "物件登録件数" and measurement.value == 32
    assert goal.goals[1].targets[0] == target
    del target, goal
    gc.collect()
    assert handle.ptr and measurement.note == "物件登録件数：32件"
    del measurement
    gc.collect()
    assert not handle.ptr  # the last reference gone: freed


def test_results_keep_the_evaluation_alive():
    plan = kpi.Plan.read_csv_bytes(SEED_STRUCTURE, SEED_PROGRESS)
    ev = plan.evaluate("2017-09-30")
    handle = ev._h
    result = ev["3-2-a"]
    del ev, plan
    gc.collect()
    assert handle.ptr and result.reason.endswith("→ ◎")
    assert result.reason_in("en").endswith("→ ◎")
    parent = result.parent
    del result
    gc.collect()
    assert handle.ptr and parent.code == "3-2"
    del parent
    gc.collect()
    assert not handle.ptr


def test_objects_of_a_closed_owner_fail_cleanly():
    plan = kpi.Plan.read_csv_bytes(SEED_STRUCTURE, SEED_PROGRESS)
    ev = plan.evaluate("2017-09-30")
    objects = [plan["3"], plan["3-2-a"], plan["3-2-a"].measurements[0], plan.goals,
               plan["3"].goals]
    results = [ev["3-2-a"], ev.root]
    plan.close()
    for obj in objects:
        with pytest.raises(kpi.KpiArgumentError):
            touch(obj, random.Random(1)) if not isinstance(obj, kpi._model._View) else len(obj)
    assert results[0].rating == kpi.Rating.AHEAD  # the evaluation is its own
    ev.close()
    for res in results:
        with pytest.raises(kpi.KpiArgumentError):
            res.reason
        with pytest.raises(kpi.KpiArgumentError):
            res.reason_in("en")


def test_threads_and_close():
    # Readers on several threads while the main thread changes and then
    # closes the plan: every read succeeds or raises "closed", never worse.
    for attempt in range(5):
        plan = kpi.Plan.read_csv_bytes(SEED_STRUCTURE, SEED_PROGRESS)
        targets = plan.all_targets()
        errors = []
        start = threading.Barrier(5)

        def reader(seed):
            rng = random.Random(seed)
            start.wait()
            for _ in range(200):
                t = rng.choice(targets)
                try:
                    (t.code, t.label, t.value, list(t.measurements))
                    if rng.random() < 0.05:
                        plan.evaluate("2017-09-30").to_records()
                except kpi.KpiArgumentError as e:
                    if "closed" not in e.message:
                        errors.append(e)
                    return
                except Exception as e:  # anything else is a defect
                    errors.append(e)
                    return

        threads = [threading.Thread(target=reader, args=(attempt * 10 + i,)) for i in range(4)]
        for t in threads:
            t.start()
        start.wait()
        rng = random.Random(attempt)
        for _ in range(rng.randint(0, 50)):
            rng.choice(targets).add_measurement("2017-09-30", rng.randint(0, 1))
        plan.close()
        for t in threads:
            t.join()
        assert errors == []


def test_threads_share_an_evaluation():
    # Reason lines are built on the first request for each language; threads
    # asking for them at once, in both languages, all get the same lines.
    plan = kpi.Plan.read_csv_bytes(SEED_STRUCTURE, SEED_PROGRESS)
    expected = {}
    with plan.evaluate("2017-09-30") as first:
        for res in first:
            expected[res.code] = (res.reason_in("ja"), res.reason_in("en"))
    ev = plan.evaluate("2017-09-30")
    plan.close()
    codes = sorted(expected)
    errors = []
    start = threading.Barrier(4)

    def reader(seed):
        rng = random.Random(seed)
        start.wait()
        try:
            for _ in range(300):
                code = rng.choice(codes)
                lang = rng.randrange(2)
                got = ev[code].reason_in(("ja", "en")[lang])
                if got != expected[code][lang]:
                    errors.append((code, lang, got))
            records = ev.to_records(lang="en")
            if [r["reason"] for r in records] != [expected[r["code"]][1] for r in records]:
                errors.append("records")
        except Exception as e:  # anything is a defect
            errors.append(e)

    threads = [threading.Thread(target=reader, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_interpreter_exit_with_live_objects():
    # Objects alive at exit, in cycles, in globals and held by a daemon
    # thread still reading: the finalizers at exit must not crash.
    code = r'''
import threading, kpi
plan = kpi.Plan.read_csv(%r, %r)
ev = plan.evaluate("2017-09-30")
target = plan["3-2-a"]
loop = [plan, target, ev["3"]]
loop.append(loop)
plan.me = loop
policy = kpi.Policy(rollup="worst")
def spin():
    while True:
        try:
            target.label
            ev.root.reason
            ev["3-2-a"].reason_in("en")
        except kpi.KpiArgumentError:
            pass
threading.Thread(target=spin, daemon=True).start()
print("ok")
''' % (STRUCTURE, PROGRESS)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=subprocess_env(), timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


if __name__ == "__main__":
    sys.exit(pytest.main([__file__, "-q", "-p", "no:cacheprovider"]))
