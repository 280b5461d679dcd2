/*
 * The targets of issue 16 ("Done when"), and issue 17's for the Python
 * binding, each judged on the medians of one benchmark run: "met", or "missed by X×"
 * where X is how far the figure is from its limit. The issue judges the 100,000 and
 * 1,000,000 cases; the verdicts of smaller sizes are shown in parentheses, for reference.
 */
#include "bench.h"

#include <math.h>
#include <string.h>

#define FLOOR_FACTOR 1.5           /* load + evaluate within 1.5× the libcsv floor */
#define REPORT_FLOOR_FACTOR 2.5    /* kpi-report csv, json within 2.5× the floor */
#define PANDAS_FACTOR 10.0         /* kpi-report at least 10× faster than pandas */
#define BINDING_FACTOR 1.5         /* the Python binding within 1.5× of kpi-report csv */
#define EVAL_SECONDS_1M 0.5        /* evaluate 1M targets in under 0.5 s */
#define BYTES_PER_TARGET 250.0     /* peak memory at most 250 B a target */
#define BYTES_PER_MEASUREMENT 32.0 /* ... plus 32 B a measurement */
#define JUDGED_FROM 100000         /* the sizes the issue judges */

double bench_budget_bytes(const struct bench_result *r)
{
    return BYTES_PER_TARGET * (double)r->targets +
           BYTES_PER_MEASUREMENT * (double)r->measurements;
}

struct rows {
    struct bench_verdict *v;
    size_t n, max;
    const struct bench_result *r;
};

/* A new row for the current size, with its criterion. */
static struct bench_verdict *row(struct rows *rows, const char *what)
{
    if (rows->n == rows->max)
        bench_die("too many verdicts");
    struct bench_verdict *v = &rows->v[rows->n++];
    memset(v, 0, sizeof *v);
    snprintf(v->what, sizeof v->what, "%s", what);
    bench_fmt_count(v->size, sizeof v->size, rows->r->n);
    return v;
}

/* measured against limit: lower is better unless higher_is_better. */
static void judge(const struct rows *rows, struct bench_verdict *v, double measured,
                  double limit, int higher_is_better)
{
    double x = higher_is_better ? limit / measured : measured / limit;
    char text[64];
    if (isnan(measured))
        snprintf(text, sizeof text, "not measured");
    else if (x <= 1.0)
        snprintf(text, sizeof text, "met");
    else
        snprintf(text, sizeof text, "missed by %.2f×", x);
    if (rows->r->n < JUDGED_FROM && !isnan(measured))
        snprintf(v->verdict, sizeof v->verdict, "(%s)", text);
    else
        snprintf(v->verdict, sizeof v->verdict, "%s", text);
}

static void not_run(struct bench_verdict *v, const char *what)
{
    snprintf(v->measured, sizeof v->measured, "-");
    snprintf(v->verdict, sizeof v->verdict, "not run: %s", what);
}

static void floor_rows(struct rows *rows)
{
    const struct bench_result *r = rows->r;
    double floor = bench_floor_s(r), le = bench_load_eval_s(r);
    struct bench_verdict *v = row(rows, "load + evaluate ≤ 1.5× the libcsv floor");
    snprintf(v->measured, sizeof v->measured, "%.2f× (%.3f s vs %.3f s)", le / floor, le,
             floor);
    snprintf(v->limit, sizeof v->limit, "1.5×");
    judge(rows, v, le / floor, FLOOR_FACTOR, 0);
    for (int f = 0; f < FORMAT_COUNT; f++) {
        char what[128];
        snprintf(what, sizeof what,
                 "`kpi-report --format %s` end to end ≤ 2.5× the floor",
                 bench_format_name(f));
        v = row(rows, what);
        snprintf(v->limit, sizeof v->limit, "2.5×");
        if (!r->report[f].ran) {
            not_run(v, "kpi-report");
            continue;
        }
        double s = bench_median(&r->report[f].wall);
        snprintf(v->measured, sizeof v->measured, "%.2f× (%.3f s vs %.3f s)", s / floor,
                 s, floor);
        judge(rows, v, s / floor, REPORT_FLOOR_FACTOR, 0);
    }
}

/* How many times faster than a peer: the peer's time over libkpi's. */
static void faster_row(struct rows *rows, const char *what, double kpi_s, int peer,
                       double factor, const char *limit)
{
    struct bench_verdict *v = row(rows, what);
    double peer_s = bench_peer_s(rows->r, peer);
    snprintf(v->limit, sizeof v->limit, "%s", limit);
    if (isnan(peer_s) || isnan(kpi_s)) {
        not_run(v, isnan(peer_s) ? bench_peer_name(peer) : "kpi-report");
        return;
    }
    snprintf(v->measured, sizeof v->measured, "%.2f× (%.3f s vs %.3f s)", peer_s / kpi_s,
             kpi_s, peer_s);
    judge(rows, v, peer_s / kpi_s, factor, 1);
}

static double report_s(const struct bench_result *r, int format)
{
    return r->report[format].ran ? bench_median(&r->report[format].wall) : NAN;
}

static void peer_rows(struct rows *rows)
{
    const struct bench_result *r = rows->r;
    for (int f = 0; f < FORMAT_COUNT; f++) {
        char what[128];
        snprintf(what, sizeof what, "`kpi-report --format %s` ≥ 10× faster than pandas",
                 bench_format_name(f));
        faster_row(rows, what, report_s(r, f), PEER_PANDAS, PANDAS_FACTOR, "10×");
    }
    faster_row(rows, "libkpi faster than DuckDB end to end: the ratings program",
               bench_median(&r->e2e), PEER_DUCKDB, 1.0, "> 1×");
    faster_row(rows, "libkpi faster than DuckDB end to end: `kpi-report --format csv`",
               report_s(r, FORMAT_CSV), PEER_DUCKDB, 1.0, "> 1×");
}

/* Issue 17: read_csv → evaluate → to_pandas() in Python within 1.5× of
 * `kpi-report --format csv` on the same files. */
static void binding_row(struct rows *rows)
{
    const struct bench_result *r = rows->r;
    struct bench_verdict *v =
        row(rows, "Python binding within 1.5× of `kpi-report --format csv`");
    snprintf(v->limit, sizeof v->limit, "1.5×");
    double binding = bench_peer_s(r, PEER_BINDING), report = report_s(r, FORMAT_CSV);
    if (isnan(binding) || isnan(report)) {
        not_run(v, isnan(binding) ? bench_peer_name(PEER_BINDING) : "kpi-report");
        return;
    }
    snprintf(v->measured, sizeof v->measured, "%.2f× (%.3f s vs %.3f s)",
             binding / report, binding, report);
    judge(rows, v, binding / report, BINDING_FACTOR, 0);
}

static void eval_memory_rows(struct rows *rows)
{
    const struct bench_result *r = rows->r;
    char a[32], b[32];
    double limit = EVAL_SECONDS_1M * (double)r->targets / 1e6;
    double eval = bench_median(&r->eval);
    struct bench_verdict *v = row(rows, "evaluation of 1M targets < 0.5 s (pro rata)");
    snprintf(v->measured, sizeof v->measured, "%.4f s", eval);
    snprintf(v->limit, sizeof v->limit, "%.4f s", limit);
    judge(rows, v, eval, limit, 0);

    double memory = bench_memory_bytes(r);
    v = row(rows, "peak memory ≤ 250 B/target + 32 B/measurement");
    snprintf(v->measured, sizeof v->measured, "%s (%.0f B/target)",
             bench_fmt_mb(a, sizeof a, memory), memory / (double)r->targets);
    snprintf(v->limit, sizeof v->limit, "%s",
             bench_fmt_mb(b, sizeof b, bench_budget_bytes(r)));
    judge(rows, v, memory, bench_budget_bytes(r), 0);
}

static void agreement_row(struct rows *rows)
{
    const struct bench_result *r = rows->r;
    struct bench_verdict *v = row(rows, "every rating agrees with every peer");
    snprintf(v->limit, sizeof v->limit, "all");
    long long differ = 0;
    int missing = -1;
    size_t at = 0;
    for (int k = 0; k < PEER_COUNT; k++) {
        const struct bench_peer_result *p = &r->peers[k];
        if (!p->ran)
            missing = missing < 0 ? k : missing;
        differ += p->ran ? p->differ : 0;
        at += (size_t)snprintf(v->measured + at, sizeof v->measured - at, "%s%s %s",
                               k ? ", " : "", bench_peer_name(k),
                               !p->ran     ? "not run"
                               : p->differ ? "differs"
                                           : "agrees");
        if (at >= sizeof v->measured)
            at = sizeof v->measured - 1;
    }
    if (differ)
        snprintf(v->verdict, sizeof v->verdict, "missed: %lld differ", differ);
    else if (missing >= 0)
        snprintf(v->verdict, sizeof v->verdict, "not judged: %s not run",
                 bench_peer_name(missing));
    else
        snprintf(v->verdict, sizeof v->verdict, r->n < JUDGED_FROM ? "(met)" : "met");
}

size_t bench_verdicts(const struct bench_result *res, size_t count,
                      struct bench_verdict *v, size_t max)
{
    struct rows rows = {v, 0, max, NULL};
    for (size_t i = 0; i < count; i++) {
        rows.r = &res[i];
        floor_rows(&rows);
        peer_rows(&rows);
        binding_row(&rows);
        eval_memory_rows(&rows);
        agreement_row(&rows);
    }
    return rows.n;
}
