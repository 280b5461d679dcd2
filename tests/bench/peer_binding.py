#!/usr/bin/env python3
"""The Python binding's peer of the libkpi benchmark.

    python3 peer_binding.py STRUCTURE.csv PROGRESS.csv --as-of 2017-09-30 --out RATINGS
                            [--threads N] [--no-dataframe]

What a Python user of libkpi writes: bindings/python's `kpi` package
(ctypes, no compiled code of its own) reads both files with
`kpi.Plan.read_csv()` (on the machine's cores, the binding's default, or
on `--threads N` as kpi-bench gives it), rates them with
`plan.evaluate()`, and takes the results as a pandas DataFrame with
`ev.to_pandas()` (read from libkpi a column at a time, kpi/columns.h),
the way docs/python.md shows. The ratings file is written from the
frame's two categorical columns with plain Python (pandas' to_csv() would
take longer than to_pandas() itself, and the file is only for the
agreement check). With `--no-dataframe`, or when pandas cannot be
imported, the results are taken as `ev.to_records()` and written with the
csv module instead.

The ratings are libkpi's own, so this peer measures the binding's cost
(the calls, the DataFrame) rather than a second implementation of the
rules; its agreement checks that the binding hands over every rating
unchanged. The output is the other peers':
one line `code,rating` per target, goal and the plan (`ahead`, `on_track`,
`behind`, `not_progressed` or `unrated:REASON`).

The package and the library are found as the binding finds them: `kpi`
on PYTHONPATH (bindings/python) and libkpi through KPI_LIBRARY. The
reader infers nothing from the texts (`infer=False`), as the other peers
read only what the columns say.
"""
import argparse
import csv
import sys

import kpi


def rating_of(record):
    """The ratings file's word for one record."""
    if record["rating_name"]:
        return record["rating_name"]
    return "unrated:" + (record["unrated_reason"] or "NONE")


def write_ratings(frame, path):
    """The ratings file from a to_pandas() frame: each row's word taken from
    the categories of its rating_name, else of its unrated_reason."""
    import numpy
    names, reasons = frame["rating_name"].cat, frame["unrated_reason"].cat
    words = numpy.array(list(names.categories)
                        + ["unrated:" + c for c in reasons.categories] + ["unrated:NONE"],
                        dtype=object)
    reason_codes = numpy.where(reasons.codes >= 0, reasons.codes, len(reasons.categories))
    index = numpy.where(names.codes >= 0, names.codes, len(names.categories) + reason_codes)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("".join("%s,%s\n" % row for row in zip(frame["code"], words[index])))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("structure")
    parser.add_argument("progress")
    parser.add_argument("--as-of", required=True, help="YYYY-MM-DD")
    parser.add_argument("--out", required=True, help="the ratings file to write")
    parser.add_argument("--threads", type=int, default=None,
                        help="threads to read on (default: the machine's cores)")
    parser.add_argument("--no-dataframe", action="store_true",
                        help="write the records without pandas")
    args = parser.parse_args()

    plan = kpi.Plan.read_csv(args.structure, args.progress, infer=False,
                             threads=args.threads)
    ev = plan.evaluate(args.as_of)
    pandas = None
    if not args.no_dataframe:
        try:
            import pandas
        except ImportError:
            pandas = None
    if pandas is not None:
        frame = ev.to_pandas()
        write_ratings(frame, args.out)
        how = "ev.to_pandas(), pandas %s" % pandas.__version__
        kinds = {str(k): n for k, n in frame["kind"].value_counts().items()}
    else:
        records = ev.to_records()
        with open(args.out, "w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f, lineterminator="\n")
            for record in records:
                writer.writerow((record["code"], rating_of(record)))
        how = "records"
        kinds = {}
        for record in records:
            kinds[record["kind"]] = kinds.get(record["kind"], 0) + 1
    print("version=kpi %s (libkpi %s, %s), Python %s"
          % (kpi.__version__, kpi.version(), how, sys.version.split()[0]))
    print("rated=%d targets, %d goals as of %s"
          % (kinds.get("target", 0), kinds.get("goal", 0), args.as_of))
    ev.close()
    plan.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
