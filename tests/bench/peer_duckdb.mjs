#!/usr/bin/env node
// The DuckDB peer of the libkpi benchmark.
//
//   node peer_duckdb.mjs STRUCTURE.csv PROGRESS.csv --as-of 2017-09-30 --out RATINGS
//                        [--modules DIR] [--threads N] [--print-sql]
//
// DuckDB through its Node binding, the npm package @duckdb/node-api (which
// ships the engine), on an in-memory database: DuckDB's own read_csv()
// loads both files (in parallel, on every core by default) and SQL computes
// the ratings libkpi's kpi_evaluate() gives with the default policy
// (thresholds 1.10 / 0.95, tolerance 1e-9, the KPI_ROLLUP_CRITERIA roll-up,
// assessments used), by the rules of docs/evaluation.md, as the SQLite peer
// does; COPY writes the ratings file. JavaScript only sends the statements.
// The output is the other peers': one line `code,rating` per target, goal
// and the plan.
//
// Goals are rolled up deepest level first, one INSERT ... SELECT per level
// present in the plan (DuckDB, like SQLite, allows no aggregate inside a
// recursive query).
//
// It reads what kpi-gen writes: UTF-8, the English column names, ISO dates
// (and `FYyyyy` for the plan's period), plain numbers.
//
// The package is looked up from DIR (the directory holding node_modules,
// where package.json and package-lock.json of this directory were installed
// with `npm ci`), or beside this script without --modules.

import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';

function usage(message) {
  if (message) process.stderr.write(`peer_duckdb.mjs: ${message}\n`);
  process.stderr.write(
    'usage: node peer_duckdb.mjs STRUCTURE.csv PROGRESS.csv --as-of YYYY-MM-DD ' +
      '--out RATINGS [--modules DIR] [--threads N] [--print-sql]\n');
  process.exit(2);
}

function parseArgs(argv) {
  const args = { files: [], modules: null, threads: null, printSql: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) usage(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--as-of') args.asOf = value();
    else if (a === '--out') args.out = value();
    else if (a === '--modules') args.modules = value();
    else if (a === '--threads') args.threads = value();
    else if (a === '--print-sql') args.printSql = true;
    else if (a.startsWith('--')) usage(`unknown option ${a}`);
    else args.files.push(a);
  }
  if (args.files.length !== 2 || !args.asOf || !args.out) usage();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(args.asOf)) usage(`--as-of: not YYYY-MM-DD: ${args.asOf}`);
  return args;
}

// A string literal for SQL.
const quote = (text) => `'${text.replace(/'/g, "''")}'`;

// Days since 1970 and the row's place in its file, as one ordering key: of
// figures of equal dates the row further down the file wins, as in libkpi.
const ORDER_KEY = "(date - DATE '1970-01-01')::BIGINT * 10000000000 + rowid";

// Every statement before the roll-up.
function prepare(structure, progress, asOf) {
  const a = `DATE ${quote(asOf)}`;
  const csv = "header = true, delim = ',', quote = '\"', escape = '\"'";
  return [
    `CREATE TABLE s AS SELECT * FROM read_csv(${quote(structure)}, ${csv},
       all_varchar = true)`,
    `CREATE TABLE p AS SELECT code, date, value, rating FROM read_csv(${quote(progress)},
       ${csv}, columns = {'code': 'VARCHAR', 'date': 'DATE', 'value': 'DOUBLE',
       'rating': 'VARCHAR', 'note': 'VARCHAR', 'author': 'VARCHAR'})`,

    // The plan's period: ISO dates or FYyyyy; the fiscal year of the as-of
    // date when the plan has none.
    `CREATE TABLE plan AS
     SELECT code AS id,
       coalesce(CASE WHEN upper(start) LIKE 'FY%'
                       THEN make_date(CAST(substr(start, 3) AS INTEGER), 4, 1)
                     ELSE TRY_CAST(start AS DATE) END,
                make_date(year(${a} - INTERVAL 3 MONTH), 4, 1)) AS d0,
       coalesce(CASE WHEN upper(due) LIKE 'FY%'
                       THEN make_date(CAST(substr(due, 3) AS INTEGER) + 1, 3, 31)
                     ELSE TRY_CAST(due AS DATE) END,
                make_date(year(${a} - INTERVAL 3 MONTH) + 1, 3, 31)) AS d1,
       ${a} AS as_of
     FROM s WHERE lower(type) = 'plan' LIMIT 1`,

    // Targets with T and S in effect (docs/evaluation.md, "One target").
    `CREATE TABLE t AS
     SELECT code, parent, kind, dir, sched, acc, d0, d1,
       CASE WHEN kind = 1 THEN 1.0
            WHEN change_pct IS NOT NULL
              THEN reference * (1.0 + (CASE dir WHEN 0 THEN 1.0 ELSE -1.0 END)
                                      * change_pct / 100.0)
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
         TRY_CAST(value AS DOUBLE) AS value,
         TRY_CAST(start_value AS DOUBLE) AS start_value,
         TRY_CAST(reference AS DOUBLE) AS reference,
         TRY_CAST(change_pct AS DOUBLE) AS change_pct,
         coalesce(TRY_CAST(s.start AS DATE), plan.d0) AS d0,
         coalesce(TRY_CAST(s.due AS DATE), plan.d1) AS d1
       FROM s, plan WHERE lower(s.type) = 'target')`,

    // Figures dated on or before the as-of date: per code the latest and
    // the sum.
    `CREATE TABLE figures AS
     SELECT code, arg_max(value, k) AS latest, sum(value) AS total
     FROM (SELECT code, value, ${ORDER_KEY} AS k FROM p
           WHERE value IS NOT NULL AND date <= ${a})
     GROUP BY code`,

    // People's ratings dated on or before the as-of date: the latest per
    // code (a word that is no rating hides the earlier ones, as in the
    // other peers).
    `CREATE TABLE assessments AS
     SELECT code, arg_max_null(rating, k) AS rating
     FROM (SELECT code,
             CASE trim(rating) WHEN '◎' THEN 4 WHEN 'ahead' THEN 4 WHEN '○' THEN 3
               WHEN 'on_track' THEN 3 WHEN '△' THEN 2 WHEN 'behind' THEN 2
               WHEN '×' THEN 1 WHEN 'not_progressed' THEN 1 END AS rating,
             ${ORDER_KEY} AS k
           FROM p WHERE rating <> '' AND value IS NULL AND date <= ${a})
     GROUP BY code`,

    // A, f, E and the gains.
    `CREATE TABLE measured AS
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
             THEN greatest(0.0, least(1.0, CAST(plan.as_of - t.d0 + 1 AS DOUBLE)
                                           / CAST(t.d1 - t.d0 + 1 AS DOUBLE))) END AS f
         FROM t CROSS JOIN plan LEFT JOIN figures fi ON fi.code = t.code) x
       CROSS JOIN plan)`,

    // The computed rating and the first reason it is missing.
    `CREATE TABLE computed AS
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
                  WHEN T IS NULL OR S IS NULL OR isnan(T) OR isnan(S) THEN 2
                  WHEN gT <= 0 OR isinf(gT) OR d1 < d0 THEN 3
                  WHEN A IS NULL THEN 4
                  ELSE 0 END AS reason
           FROM measured)`,

    // Effective ratings: targets first, then goals level by level.
    `CREATE TABLE result (code VARCHAR, parent VARCHAR, rating INTEGER, reason INTEGER)`,
    `INSERT INTO result
     SELECT c.code, c.parent, coalesce(a.rating, c.rating),
       CASE WHEN a.rating IS NOT NULL THEN 0
            WHEN c.rating IS NULL AND c.reason = 0 THEN 5
            ELSE c.reason END
     FROM computed c LEFT JOIN assessments a ON a.code = c.code`,

    `CREATE TABLE goals AS
     WITH RECURSIVE g AS (
       SELECT code, CASE WHEN parent IS NULL OR parent = (SELECT id FROM plan) THEN NULL
                         ELSE parent END AS parent
       FROM s WHERE lower(type) = 'goal'),
     depth(code, parent, depth) AS (
       SELECT code, parent, 1 FROM g WHERE parent IS NULL
       UNION ALL
       SELECT g.code, g.parent, depth.depth + 1 FROM g JOIN depth ON g.parent = depth.code)
     SELECT * FROM depth`,
  ];
}

// The KPI_ROLLUP_CRITERIA rule for the goals of one depth: every child ×
// gives ×; otherwise any × or △ gives △; every child ◎ gives ◎; otherwise
// ○. A goal's own assessment overrides it; no rated child is
// NO_RATED_CHILDREN.
const rollup = (depth) => `INSERT INTO result
  SELECT g.code, any_value(g.parent),
    CASE WHEN any_value(a.rating) IS NOT NULL THEN any_value(a.rating)
         WHEN count(c.rating) = 0 THEN NULL
         WHEN count_if(c.rating = 1) = count(c.rating) THEN 1
         WHEN count_if(c.rating IN (1, 2)) > 0 THEN 2
         WHEN count_if(c.rating = 4) = count(c.rating) THEN 4
         ELSE 3 END,
    CASE WHEN any_value(a.rating) IS NULL AND count(c.rating) = 0 THEN 6 ELSE 0 END
  FROM goals g LEFT JOIN result c ON c.parent = g.code
       LEFT JOIN assessments a ON a.code = g.code
  WHERE g.depth = ${depth}
  GROUP BY g.code`;

const write = (out) => `COPY (
  SELECT code,
    CASE rating WHEN 4 THEN 'ahead' WHEN 3 THEN 'on_track' WHEN 2 THEN 'behind'
      WHEN 1 THEN 'not_progressed'
      ELSE 'unrated:' || CASE reason WHEN 1 THEN 'QUALITATIVE' WHEN 2 THEN 'INCOMPLETE'
        WHEN 3 THEN 'INVALID' WHEN 4 THEN 'NO_DATA' WHEN 5 THEN 'NOT_DUE'
        ELSE 'NO_RATED_CHILDREN' END END
  FROM result
  UNION ALL
  SELECT any_value(plan.id),
    CASE WHEN count(r.rating) = 0 THEN 'unrated:NO_RATED_CHILDREN'
         WHEN count_if(r.rating = 1) = count(r.rating) THEN 'not_progressed'
         WHEN count_if(r.rating IN (1, 2)) > 0 THEN 'behind'
         WHEN count_if(r.rating = 4) = count(r.rating) THEN 'ahead'
         ELSE 'on_track' END
  FROM plan LEFT JOIN result r ON r.parent IS NULL
) TO ${quote(out)} (FORMAT csv, HEADER false)`;

const COUNTS = `SELECT (SELECT count(*) FROM t), (SELECT count(*) FROM goals),
  (SELECT count(*) FROM p WHERE value IS NOT NULL), (SELECT max(depth) FROM goals)`;

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const [structure, progress] = args.files.map((f) => path.resolve(f));
  const out = path.resolve(args.out);
  if (args.printSql) {
    const levels = [];
    for (let d = 32; d >= 1; d--) levels.push(rollup(d));
    const all = [...prepare(structure, progress, args.asOf), ...levels, write(out)];
    process.stdout.write(all.join(';\n\n') + ';\n');
    return 0;
  }
  const from = args.modules
    ? path.join(path.resolve(args.modules), 'package.json')
    : import.meta.url;
  const require = createRequire(from);
  let duckdb;
  try {
    duckdb = require('@duckdb/node-api');
  } catch (e) {
    process.stderr.write(`peer_duckdb.mjs: cannot load @duckdb/node-api` +
      `${args.modules ? ` from ${args.modules}` : ''}: ${e.message.split('\n')[0]}` +
      ` (run npm ci where package.json is)\n`);
    return 1;
  }
  const options = args.threads ? { threads: String(args.threads) } : {};
  const instance = await duckdb.DuckDBInstance.create(':memory:', options);
  const connection = await instance.connect();
  for (const sql of prepare(structure, progress, args.asOf)) await connection.run(sql);
  const counts = (await connection.runAndReadAll(COUNTS)).getRows()[0].map(Number);
  for (let d = counts[3] || 0; d >= 1; d--) await connection.run(rollup(d));
  await connection.run(write(out));
  const threads = (await connection.runAndReadAll(
    "SELECT current_setting('threads')")).getRows()[0][0];
  const api = require('@duckdb/node-api/package.json').version;
  connection.closeSync();
  instance.closeSync();
  console.log(`version=DuckDB ${duckdb.version()} (@duckdb/node-api ${api}, ` +
    `${threads} threads), Node ${process.version}`);
  console.log(`rated=${counts[0]} targets, ${counts[1]} goals, ${counts[2]} measurements ` +
    `as of ${args.asOf}`);
  return 0;
}

main().then((status) => { process.exitCode = status; }, (e) => {
  process.stderr.write(`peer_duckdb.mjs: ${e.message}\n`);
  process.exitCode = 1;
});
