"""Shared set-up of the binding's tests.

The tests import the package from the source tree (bindings/python) and
load the library named by $KPI_LIBRARY, as ctest sets it. Run by hand:

    KPI_LIBRARY=build/lib/libkpi.so PYTHONPATH=bindings/python \\
        python3 -m pytest -q bindings/python/tests

Without $KPI_LIBRARY, build/lib/libkpi.so of the tree is used when it
exists (the build tests/run.sh makes).
"""

import os
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
BINDING = os.path.dirname(HERE)
REPO = os.path.dirname(os.path.dirname(BINDING))
DATA = os.path.join(REPO, "examples", "data")
STRUCTURE = os.path.join(DATA, "ueda-2017-structure.csv")
PROGRESS = os.path.join(DATA, "ueda-2017-progress.csv")

if BINDING not in sys.path:
    sys.path.insert(0, BINDING)
if not os.environ.get("KPI_LIBRARY"):
    _built = os.path.join(REPO, "build", "lib", "libkpi.so")
    if os.path.exists(_built):
        os.environ["KPI_LIBRARY"] = _built

import kpi  # noqa: E402  (after the path set-up above)


@pytest.fixture
def seed():
    """The seed plan, read from examples/data, closed after the test."""
    plan = kpi.Plan.read_csv(STRUCTURE, PROGRESS)
    yield plan
    plan.close()


@pytest.fixture
def seed_ev(seed):
    """The seed plan rated as of 2017-09-30 with the default policy."""
    ev = seed.evaluate("2017-09-30")
    yield ev
    ev.close()


def subprocess_env(**changes):
    """The environment for a child Python that imports kpi from the tree."""
    env = dict(os.environ)
    env["PYTHONPATH"] = BINDING + os.pathsep + env.get("PYTHONPATH", "")
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    for key, value in changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env
