"""The conformance suite's cases through libkpi's Python package, one test
per case (pytest). Run from anywhere:

    KPI_LIBRARY=build/lib/libkpi.so PYTHONPATH=bindings/python \\
        python3 -m pytest -q tests/conformance/test_conformance.py

A failing case shows its rules and each field that differs, as check.py
prints them; pytest's last line counts the passed and failed cases.
"""

import io
import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check  # noqa: E402  (the suite's checker, beside this file)

CASES = check.case_files([os.path.join(check.HERE, "cases")])


@pytest.mark.parametrize("path", CASES,
                         ids=[os.path.relpath(p, os.path.join(check.HERE, "cases"))[:-5]
                              for p in CASES])
def test_case(path):
    out = io.StringIO()
    passed, failed = check.run([path], out=out)
    assert failed == 0, out.getvalue()


def test_every_rule_has_a_case():
    out = io.StringIO()
    sys.stdout, saved = out, sys.stdout
    try:
        problems = check.uncovered(check.HERE, [os.path.join(check.HERE, "cases")])
    finally:
        sys.stdout = saved
    assert problems == 0, out.getvalue()
