"""The libkpi conformance suite's checker (README.md).

Runs every case (a JSON file under cases/) through an implementation and
compares the result with what the case expects:

    python3 check.py                         # libkpi itself, through the Python package
    python3 check.py --run 'my-impl {case}'  # any program: case.json in, result.json out
    python3 check.py cases/evaluation        # some cases only
    python3 check.py --uncovered             # the rules of the contract without a case

Prints each failure (the case, the rules it checks, the field, what was
expected and what came) and then "N passed, N failed"; exits 1 when any
failed. Needs Python 3.7 and nothing else, but the `kpi` package for the
default implementation.
"""

import argparse
import datetime
import json
import math
import os
import shlex
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
#: A number given plainly is compared with this relative tolerance.
TOLERANCE = 1e-9


# ---- Cases ------------------------------------------------------------------

def case_files(paths):
    """The case files named or found below the paths, in order."""
    found = []
    for path in paths:
        if os.path.isdir(path):
            for base, dirs, files in os.walk(path):
                dirs.sort()
                found.extend(os.path.join(base, f) for f in sorted(files) if f.endswith(".json"))
        else:
            found.append(path)
    return found


def load_case(path):
    """The case, with the bytes of its plan files under "structure_bytes"
    and "progress_bytes" (None for no progress file): given inline as text
    (UTF-8), or named by a path relative to the suite's folder (read as
    they are, so a case may hold a CP932 file)."""
    with open(path, encoding="utf-8") as f:
        case = json.load(f)
    root = suite_root(path)
    case["_root"] = root
    for key in ("structure", "progress"):
        name = case["plan"].get(key + "_file")
        if name is not None:
            with open(os.path.join(root, name), "rb") as f:
                case["plan"][key + "_bytes"] = f.read()
        else:
            text = case["plan"].get(key)
            case["plan"][key + "_bytes"] = None if text is None else text.encode("utf-8")
    return case


def suite_root(case_path):
    """The suite's folder: the one holding cases/ above the case."""
    folder = os.path.dirname(os.path.abspath(case_path))
    while folder != os.path.dirname(folder):
        if os.path.basename(folder) == "cases":
            return os.path.dirname(folder)
        folder = os.path.dirname(folder)
    return HERE


# ---- The default implementation: libkpi's Python package ----------------------

def jsonable(value):
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def result_with_kpi(case):
    """What libkpi gives for the case, as result.json holds it."""
    import kpi
    # A plan's scale column names a file relative to the suite's folder.
    here = os.getcwd()
    os.chdir(case["_root"])
    try:
        return _result_with_kpi(kpi, case)
    finally:
        os.chdir(here)


def _result_with_kpi(kpi, case):
    plan_files = case["plan"]
    reader = case.get("reader", {})
    try:
        plan = kpi.Plan.read_csv_bytes(plan_files["structure_bytes"],
                                       plan_files["progress_bytes"],
                                       encoding=reader.get("encoding", "auto"),
                                       infer=reader.get("infer", True),
                                       prose_confidence=reader.get("prose_confidence", 1.0),
                                       threads=1)
        settings = dict(case.get("policy", {}))
        policy = kpi.Policy(**settings)
        as_of = case.get("as_of")
        ev = plan.evaluate(datetime.date.fromisoformat(as_of) if as_of else None, policy)
        records = ev.to_records(lang=case.get("lang", "ja"), include_directives=True)
    except kpi.KpiError as e:
        return {"error": {"code": e.name, "message": e.message, "source": e.source,
                          "line": e.line, "column": e.column}}
    return {"results": {r["code"]: {k: jsonable(v) for k, v in r.items()} for r in records}}


def result_of_command(command, case_path):
    """What the program gives for the case: its standard output, as JSON."""
    args = [case_path if a == "{case}" else a for a in shlex.split(command)]
    if "{case}" not in shlex.split(command):
        args.append(case_path)
    done = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False,
                          cwd=suite_root(case_path))
    if done.returncode != 0:
        raise RuntimeError("%s exited with %d: %s" % (args[0], done.returncode,
                                                       done.stderr.decode("utf-8", "replace")))
    return json.loads(done.stdout.decode("utf-8"))


# ---- Comparing ----------------------------------------------------------------

def same_value(expected, got):
    """Whether got is what the case expects: equal strings, booleans and
    nulls; numbers within a relative 1e-9, or {"approx": x, "within": d}."""
    if isinstance(expected, dict) and "approx" in expected:
        return (isinstance(got, (int, float)) and not isinstance(got, bool)
                and abs(got - expected["approx"]) <= expected["within"])
    if isinstance(expected, bool) or isinstance(got, bool):
        return expected is got
    if isinstance(expected, (int, float)) and isinstance(got, (int, float)):
        return abs(got - expected) <= TOLERANCE * max(1.0, abs(expected))
    return expected == got


def differences(case, result):
    """The (where, expected, got) of each difference, in the case's order."""
    expect = case["expect"]
    found = []
    if "error" in expect:
        got = result.get("error")
        if got is None:
            return [("error", expect["error"], "no error")]
        for field, value in expect["error"].items():
            if field == "message_contains":
                if value not in got.get("message", ""):
                    found.append(("error.message", "containing " + json.dumps(value,
                                  ensure_ascii=False), got.get("message")))
            elif not same_value(value, got.get(field)):
                found.append(("error." + field, value, got.get(field)))
        return found
    if "error" in result and result["error"]:
        return [("error", "no error", result["error"])]
    results = result.get("results", {})
    for code, fields in expect["results"].items():
        got = results.get(code)
        if got is None:
            found.append((code, "a result", "none"))
            continue
        for field, value in fields.items():
            if field not in got:
                found.append(("%s.%s" % (code, field), value, "no such field"))
            elif not same_value(value, got[field]):
                found.append(("%s.%s" % (code, field), value, got[field]))
    return found


def show(value):
    return value if isinstance(value, str) and value in ("no error", "none", "a result",
                                                          "no such field") \
        else json.dumps(value, ensure_ascii=False)


# ---- Rules --------------------------------------------------------------------

def read_rules(root):
    """The rules of rules.tsv: id → (document, section, summary)."""
    rules = {}
    with open(os.path.join(root, "rules.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            rule, document, section, summary = line.rstrip("\n").split("\t")
            rules[rule] = (document, section, summary)
    return rules


def uncovered(root, paths):
    """Prints the rules no case checks, and the cases naming no known rule;
    returns how many there are."""
    rules = read_rules(root)
    covered, problems = set(), 0
    for path in case_files(paths):
        case = load_case(path)
        for rule in case["rules"]:
            if rule not in rules:
                print("%s: no such rule: %s" % (case["id"], rule))
                problems += 1
            covered.add(rule)
    for rule, (document, section, summary) in rules.items():
        if rule not in covered:
            print("%s\t%s, %s: %s" % (rule, document, section, summary))
            problems += 1
    return problems


# ---- Running ------------------------------------------------------------------

def run(paths, command=None, out=sys.stdout):
    """Runs the cases; returns (passed, failed)."""
    passed = failed = 0
    for path in case_files(paths):
        path = os.path.abspath(path)
        case = load_case(path)
        try:
            result = result_of_command(command, path) if command else result_with_kpi(case)
            diffs = differences(case, result)
        except Exception as e:  # a broken implementation fails the case, not the run
            diffs = [("run", "a result", "%s: %s" % (type(e).__name__, e))]
        if diffs:
            failed += 1
            out.write("FAIL %s [%s]\n" % (case["id"], ", ".join(case["rules"])))
            for where, expected, got in diffs:
                out.write("  %s: expected %s, got %s\n" % (where, show(expected), show(got)))
        else:
            passed += 1
    out.write("%d passed, %d failed\n" % (passed, failed))
    return passed, failed


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cases", nargs="*", help="case files or folders (default: cases/)")
    parser.add_argument("--run", metavar="COMMAND",
                        help="the implementation: a command given each case's path "
                             "(where {case} stands, else last), printing result.json")
    parser.add_argument("--library", help="the libkpi shared library for the kpi package")
    parser.add_argument("--uncovered", action="store_true",
                        help="list the rules without a case instead (none: exit 0)")
    args = parser.parse_args(argv)
    paths = args.cases or [os.path.join(HERE, "cases")]
    if args.uncovered:
        return 1 if uncovered(HERE, paths) else 0
    if args.library:
        os.environ["KPI_LIBRARY"] = args.library
    passed, failed = run(paths, args.run)
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main())
