"""Policy.threads: evaluating on several threads, opt-in, with the same
evaluation as one thread."""

import pytest

import kpi
from conftest import PROGRESS, STRUCTURE

BIG = 2**32  # an int ctypes would cut down to a small one


def test_policy_threads_setting():
    p = kpi.Policy()
    assert p.threads == 0
    p.threads = 2
    assert p.threads == 2 and p.settings()["threads"] == 2
    assert p.copy().threads == 2
    assert kpi.Policy(threads=8).threads == 8
    assert kpi.Policy.from_settings(p, rollup="worst").threads == 2
    p.threads = 64
    for bad in (-1, 65):
        with pytest.raises(kpi.KpiValueError):
            p.threads = bad
    with pytest.raises(kpi.KpiValueError, match="out of range"):
        p.threads = BIG + 2  # would be 2 once cut to an int32
    with pytest.raises(TypeError):
        p.threads = 2.0
    with pytest.raises(TypeError):
        p.threads = True
    assert p.threads == 64
    assert "threads=64" in repr(p)


def test_evaluate_on_threads_is_the_same():
    plan = kpi.Plan.read_csv(STRUCTURE, PROGRESS)
    try:
        one = plan.evaluate("2017-09-30")
        assert one.policy.threads == 0
        for threads in (1, 2, 8):
            many = plan.evaluate("2017-09-30", threads=threads)
            assert many.policy.threads == threads
            assert many.to_records(include_directives=True) == one.to_records(
                include_directives=True)
            for fmt in ("text", "markdown", "json", "csv", "html"):
                assert many.render(fmt) == one.render(fmt)
    finally:
        plan.close()
