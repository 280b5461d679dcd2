#!/usr/bin/env python3
"""The SQLite peer of the libkpi benchmark.

    python3 peer_sqlite.py STRUCTURE.csv PROGRESS.csv --as-of 2017-09-30 --out RATINGS
                           [--sqlite3 PATH] [--print-sql]

Runs Debian's sqlite3 command line shell on an in-memory database: the
shell's own `.import` reads both CSV files (C code, the fastest way SQLite
offers to load CSV), and SQL computes the ratings libkpi's kpi_evaluate()
gives with the default policy (thresholds 1.10 / 0.95, tolerance 1e-9, the
KPI_ROLLUP_CRITERIA roll-up, assessments used), by the rules of
docs/evaluation.md. Python only writes the SQL script and starts the shell;
every rating is computed in SQL. The output is the pandas peer's: one line
`code,rating` per target, goal and the plan.

Goals are rolled up deepest level first, one INSERT ... SELECT per level
(SQLite allows no aggregate inside a recursive query); the script has one
statement for each of the 32 levels libkpi allows (KPI_MAX_DEPTH).

It reads what kpi-gen writes: UTF-8, the English column names, ISO dates
(and `FYyyyy` for the plan's period), plain numbers.
"""
import argparse
import shutil
import subprocess
import sys

MAX_DEPTH = 32


def quote(text):
    """A string literal for SQL and for the shell's dot-commands."""
    return "'" + text.replace("'", "''") + "'"


def dot_path(path):
    """A file name argument of a dot-command."""
    return '"' + path.replace("\\", "\\\\").replace('"', '\\"') + '"'


def script(structure, progress, as_of, out):
    a = quote(as_of)
    levels = "\n".join(ROLLUP.format(depth=d) for d in range(MAX_DEPTH, 0, -1))
    return f"""\
.bail on
.output /dev/null
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
PRAGMA temp_store = MEMORY;
PRAGMA cache_size = -2000000;
.output
.mode csv
.import {dot_path(structure)} s
.import {dot_path(progress)} p

-- The plan's period: ISO dates or FYyyyy; the fiscal year of the as-of date
-- when the plan has none.
CREATE TABLE plan AS
SELECT code AS id,
  coalesce(julianday(CASE WHEN upper(start) LIKE 'FY%' THEN substr(start, 3) || '-04-01'
                          WHEN start <> '' THEN start END),
           julianday(CAST(strftime('%Y', {a}, '-3 months') AS INTEGER) || '-04-01')) AS d0,
  coalesce(julianday(CASE WHEN upper(due) LIKE 'FY%' THEN (substr(due, 3) + 1) || '-03-31'
                          WHEN due <> '' THEN due END),
           julianday((CAST(strftime('%Y', {a}, '-3 months') AS INTEGER) + 1) || '-03-31'))
    AS d1,
  julianday({a}) AS as_of
FROM s WHERE lower(type) = 'plan' LIMIT 1;

-- Targets with T and S in effect (docs/evaluation.md, "One target").
CREATE TABLE t AS
SELECT code, parent, kind, dir, sched, acc, d0, d1,
  CASE WHEN kind = 1 THEN 1.0
       WHEN change_pct IS NOT NULL
         THEN reference * (1.0 + (CASE dir WHEN 0 THEN 1.0 ELSE -1.0 END) * change_pct / 100.0)
       ELSE value END AS T,
  CASE WHEN start_value IS NOT NULL THEN start_value WHEN dir = 0 THEN 0.0 END AS S
FROM (
  SELECT s.code, s.parent,
    CASE lower(kind) WHEN 'milestone' THEN 1 WHEN '達成' THEN 1
                     WHEN 'qualitative' THEN 2 WHEN '定性' THEN 2 ELSE 0 END AS kind,
    CASE WHEN lower(direction) IN ('decrease', '<=', '以下') THEN 1 ELSE 0 END AS dir,
    CASE lower(schedule) WHEN 'linear' THEN 1 WHEN 'step' THEN 2 WHEN 'level' THEN 3
                         ELSE 0 END AS sched,
    CASE lower(accumulate) WHEN 'sum' THEN 1 ELSE 0 END AS acc,
    CAST(nullif(value, '') AS REAL) AS value,
    CAST(nullif(start_value, '') AS REAL) AS start_value,
    CAST(nullif(reference, '') AS REAL) AS reference,
    CAST(nullif(change_pct, '') AS REAL) AS change_pct,
    coalesce(julianday(nullif(s.start, '')), plan.d0) AS d0,
    coalesce(julianday(nullif(s.due, '')), plan.d1) AS d1
  FROM s, plan WHERE lower(s.type) = 'target');

-- Figures dated on or before the as-of date: per code the latest (of equal
-- dates the row further down the file) and the sum.
CREATE TABLE figures AS
SELECT code, v AS latest, sum(v) AS total, max(date || printf('%012d', r)) AS k
FROM (SELECT rowid AS r, code, date, CAST(value AS REAL) AS v
      FROM p WHERE value <> '' AND date <= {a})
GROUP BY code;
CREATE UNIQUE INDEX figures_code ON figures(code);

-- People's ratings dated on or before the as-of date: the latest per code.
CREATE TABLE assessments AS
SELECT code,
  CASE trim(rating) WHEN '◎' THEN 4 WHEN 'ahead' THEN 4 WHEN '○' THEN 3
    WHEN 'on_track' THEN 3 WHEN '△' THEN 2 WHEN 'behind' THEN 2 WHEN '×' THEN 1
    WHEN 'not_progressed' THEN 1 END AS rating,
  max(date || printf('%012d', rowid)) AS k
FROM p WHERE rating <> '' AND value = '' AND date <= {a}
GROUP BY code;
CREATE UNIQUE INDEX assessments_code ON assessments(code);

-- A, f, E and the gains.
CREATE TABLE measured AS
SELECT *,
  CASE WHEN dir = 0 THEN T - S ELSE S - T END AS gT,
  CASE WHEN dir = 0 THEN A - S ELSE S - A END AS gA,
  CASE WHEN dir = 0 THEN E - S ELSE S - E END AS gE
FROM (
  SELECT x.*,
    CASE CASE WHEN sched <> 0 THEN sched WHEN kind = 1 THEN 2 ELSE 1 END
      WHEN 2 THEN CASE WHEN plan.as_of >= x.d1 THEN T ELSE S END
      WHEN 3 THEN T
      ELSE S + (T - S) * f END AS E
  FROM (
    SELECT t.*,
      CASE WHEN fi.code IS NULL THEN NULL WHEN acc = 1 THEN S + fi.total
           ELSE fi.latest END AS A,
      CASE WHEN t.d1 >= t.d0
        THEN max(0.0, min(1.0, (plan.as_of - t.d0 + 1) / (t.d1 - t.d0 + 1))) END AS f
    FROM t CROSS JOIN plan LEFT JOIN figures fi ON fi.code = t.code) x
  CROSS JOIN plan);

-- The computed rating and the first reason it is missing.
CREATE TABLE computed AS
SELECT code, parent,
  CASE WHEN reason <> 0 THEN NULL
       WHEN gE <= 0 THEN CASE WHEN gA >= gT - 1e-9 THEN 4 WHEN gA > 0 THEN 3 END
       WHEN gA / gE >= 1.10 - 1e-9 THEN 4
       WHEN gA / gE >= 0.95 - 1e-9 THEN 3
       WHEN gA / gE > 1e-9 THEN 2
       ELSE 1 END AS rating,
  reason
FROM (SELECT *,
        CASE WHEN kind = 2 THEN 1
             WHEN T IS NULL OR S IS NULL THEN 2
             WHEN gT <= 0 OR d1 < d0 THEN 3
             WHEN A IS NULL THEN 4
             ELSE 0 END AS reason
      FROM measured);

-- Effective ratings: targets first, then goals level by level.
CREATE TABLE result (code TEXT, parent TEXT, rating INTEGER, reason INTEGER);
INSERT INTO result
SELECT c.code, c.parent, coalesce(a.rating, c.rating),
  CASE WHEN a.rating IS NOT NULL THEN 0 WHEN c.rating IS NULL AND c.reason = 0 THEN 5
       ELSE c.reason END
FROM computed c LEFT JOIN assessments a ON a.code = c.code;
CREATE INDEX result_parent ON result(parent);

CREATE TABLE g AS
SELECT code, CASE WHEN parent = '' OR parent = (SELECT id FROM plan) THEN NULL
                  ELSE parent END AS parent
FROM s WHERE lower(type) = 'goal';
CREATE INDEX g_parent ON g(parent);
CREATE TABLE goals AS
WITH RECURSIVE depth(code, parent, depth) AS (
  SELECT code, parent, 1 FROM g WHERE parent IS NULL
  UNION ALL
  SELECT g.code, g.parent, depth.depth + 1 FROM g JOIN depth ON g.parent = depth.code)
SELECT * FROM depth;
CREATE INDEX goals_depth ON goals(depth);

{levels}

.once {dot_path(out)}
SELECT code,
  CASE rating WHEN 4 THEN 'ahead' WHEN 3 THEN 'on_track' WHEN 2 THEN 'behind'
    WHEN 1 THEN 'not_progressed'
    ELSE 'unrated:' || CASE reason WHEN 1 THEN 'QUALITATIVE' WHEN 2 THEN 'INCOMPLETE'
      WHEN 3 THEN 'INVALID' WHEN 4 THEN 'NO_DATA' WHEN 5 THEN 'NOT_DUE'
      ELSE 'NO_RATED_CHILDREN' END END
FROM result
UNION ALL
SELECT plan.id,
  CASE WHEN count(r.rating) = 0 THEN 'unrated:NO_RATED_CHILDREN'
       WHEN sum(r.rating = 1) = count(r.rating) THEN 'not_progressed'
       WHEN sum(r.rating IN (1, 2)) > 0 THEN 'behind'
       WHEN sum(r.rating = 4) = count(r.rating) THEN 'ahead'
       ELSE 'on_track' END
FROM plan LEFT JOIN result r ON r.parent IS NULL;
.once stdout
SELECT (SELECT count(*) FROM t) || ' targets, ' || (SELECT count(*) FROM goals)
  || ' goals, ' || (SELECT count(*) FROM p WHERE value <> '') || ' measurements';
"""


# The KPI_ROLLUP_CRITERIA rule for the goals of one depth: every child × gives
# ×; otherwise any × or △ gives △; every child ◎ gives ◎; otherwise ○. A
# goal's own assessment overrides it; no rated child is NO_RATED_CHILDREN.
ROLLUP = """\
INSERT INTO result
SELECT g.code, g.parent,
  CASE WHEN a.rating IS NOT NULL THEN a.rating
       WHEN count(c.rating) = 0 THEN NULL
       WHEN sum(c.rating = 1) = count(c.rating) THEN 1
       WHEN sum(c.rating IN (1, 2)) > 0 THEN 2
       WHEN sum(c.rating = 4) = count(c.rating) THEN 4
       ELSE 3 END,
  CASE WHEN a.rating IS NULL AND count(c.rating) = 0 THEN 6 ELSE 0 END
FROM goals g LEFT JOIN result c ON c.parent = g.code
     LEFT JOIN assessments a ON a.code = g.code
WHERE g.depth = {depth}
GROUP BY g.code;"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("structure")
    parser.add_argument("progress")
    parser.add_argument("--as-of", required=True, help="YYYY-MM-DD")
    parser.add_argument("--out", required=True, help="the ratings file to write")
    parser.add_argument("--sqlite3", default="sqlite3", help="the sqlite3 shell")
    parser.add_argument("--print-sql", action="store_true",
                        help="print the SQL script instead of running it")
    args = parser.parse_args()
    sql = script(args.structure, args.progress, args.as_of, args.out)
    if args.print_sql:
        sys.stdout.write(sql)
        return 0
    shell = shutil.which(args.sqlite3)
    if not shell:
        print(f"peer_sqlite.py: {args.sqlite3} not found: install Debian's sqlite3",
              file=sys.stderr)
        return 1
    version = subprocess.run([shell, "-version"], capture_output=True, text=True,
                             check=True).stdout.split()[0]
    run = subprocess.run([shell, "-batch", "-bail", ":memory:"], input=sql,
                         capture_output=True, text=True)
    if run.returncode != 0 or run.stderr:
        sys.stderr.write(run.stderr)
        print(f"peer_sqlite.py: sqlite3 failed (exit {run.returncode})", file=sys.stderr)
        return 1
    counts = run.stdout.strip().strip('"')
    print(f"version=SQLite {version} (sqlite3 shell), Python {sys.version.split()[0]}")
    print(f"rated={counts} as of {args.as_of}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
