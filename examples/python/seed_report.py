#!/usr/bin/env python3
"""Loads the seed plan (上田市 政策企画部, 平成29年度), prints libkpi's text
report, then the evaluation's records as a table: with plain Python, and
with pandas as well when it is installed.

    KPI_LIBRARY=build/lib/libkpi.so python3 examples/python/seed_report.py
    python3 examples/python/seed_report.py --as-of 2018-03-31 --lang en --width 80
    python3 examples/python/seed_report.py my-structure.csv my-progress.csv

Run from the tree, it finds the kpi package in bindings/python and, without
$KPI_LIBRARY, the library in build/lib. See docs/python.md.
"""

import argparse
import os
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DATA = os.path.join(REPO, "examples", "data")

try:
    import kpi
except ImportError:
    # Not installed: use the package of the tree, and the library of the
    # tree's build unless $KPI_LIBRARY says otherwise.
    sys.path.insert(0, os.path.join(REPO, "bindings", "python"))
    built = os.path.join(REPO, "build", "lib", "libkpi.so")
    if not os.environ.get("KPI_LIBRARY") and os.path.exists(built):
        os.environ["KPI_LIBRARY"] = built
    import kpi

# The table's columns: (record key, heading, right-aligned)
COLUMNS = [
    ("code", "code", False),
    ("rating", "", False),
    ("title", "title", False),
    ("actual", "actual", True),
    ("expected", "expected", True),
    ("target", "target", True),
    ("achievement", "achieved", True),
    ("pace", "pace", True),
    ("unrated_reason", "unrated", False),
]
TITLE_WIDTH = 30


def width(text):
    """Terminal cells: East Asian wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def clip(text, cells):
    out, used = "", 0
    for c in text:
        w = width(c)
        if used + w > cells - 1 and width(text) > cells:
            return out + "…"
        out += c
        used += w
    return out


def cell(record, key):
    value = record[key]
    if key == "rating":
        return value or "―"  # unrated
    if value is None:
        return ""
    if key in ("achievement", "pace"):
        return "%.0f%%" % (value * 100) if key == "achievement" else "%.2f" % value
    if isinstance(value, float):
        return "%g" % round(value, 2)
    if key == "title":
        return clip("  " * (record["depth"] - 1) + value, TITLE_WIDTH)
    return str(value)


def print_table(records):
    rows = [[cell(r, key) for key, _, _ in COLUMNS] for r in records]
    headings = [heading for _, heading, _ in COLUMNS]
    widths = [max(width(x) for x in [h] + [row[i] for row in rows])
              for i, h in enumerate(headings)]

    def line(values):
        parts = []
        for (key, _, right), value, w in zip(COLUMNS, values, widths):
            pad = " " * (w - width(value))
            parts.append(pad + value if right else value + pad)
        return "  ".join(parts).rstrip()

    print(line(headings))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print(line(row))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("structure", nargs="?",
                        default=os.path.join(DATA, "ueda-2017-structure.csv"))
    parser.add_argument("progress", nargs="?",
                        default=os.path.join(DATA, "ueda-2017-progress.csv"))
    parser.add_argument("--as-of", default="2017-09-30",
                        help="the date to rate as of (ISO or 平成29年9月30日)")
    parser.add_argument("--lang", default="ja", choices=["ja", "en"],
                        help="the language of the report and the reasons")
    parser.add_argument("--width", type=int, default=None,
                        help="the text report's width in terminal cells (default 100)")
    args = parser.parse_args(argv)

    try:
        with kpi.Plan.read_csv(args.structure, args.progress) as plan:
            # Fields read from the targets' wording are shown by
            # `kpi-report --explain-parse`; what the reader ignored matters here.
            for warning in plan.warnings:
                if warning.kind == kpi.WarningKind.IGNORED:
                    print("warning:", warning.message, file=sys.stderr)
            evaluation = plan.evaluate(args.as_of)
    except kpi.KpiError as e:
        # e.g. structure.csv:14: column "due": "2017-13-01" is not a date: ...
        print("seed_report: %s" % e, file=sys.stderr)
        return 1

    # The evaluation is a snapshot: the plan is closed, the report remains.
    # It has no language: the report and the records are asked for in one.
    with evaluation:
        try:
            print(evaluation.render("text", lang=args.lang, width=args.width))
        except kpi.KpiValueError as e:  # a width below 40
            print("seed_report: %s" % e, file=sys.stderr)
            return 2
        records = evaluation.to_records(include_plan=False, lang=args.lang)

        print()
        print("Records (%d goals and targets as of %s):" % (len(records), evaluation.as_of))
        print()
        print_table(records)

        try:
            import pandas
        except ImportError:
            print("\n(pandas is not installed: pip install pandas for a DataFrame)")
        else:
            df = pandas.DataFrame(records)
            print()
            print("pandas.DataFrame(evaluation.to_records()):")
            targets = df[df.kind == "target"]
            print(targets[["code", "rating", "actual", "expected", "pace"]].to_string(index=False))
            print()
            print(targets.groupby("rating_name", dropna=False).size().to_string())
    return 0


if __name__ == "__main__":
    sys.exit(main())
