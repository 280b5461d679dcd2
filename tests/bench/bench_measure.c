/*
 * One size: generate (or reuse) the files, then run every tool --runs
 * times in fresh processes, keeping every run's figures (the medians are
 * reported) and the largest peak RSS, and check every peer's ratings
 * against libkpi's.
 *
 *   the floor        kpi-bench --child floor: libcsv alone
 *   libkpi           kpi-bench --child libkpi: load, evaluate, render JSON,
 *                    each timed inside the process
 *   ratings program  kpi-bench --child e2e: load, evaluate, write the ratings
 *   kpi-report       kpi-report ... --format csv|json -o FILE, whole
 *                    processes, and cat FILE > COPY as the floor for writing
 *                    the same bytes
 *   the peers        bench_peers.c
 */
#define _POSIX_C_SOURCE 200809L

#include "bench.h"

#include <math.h>
#include <string.h>
#include <stdlib.h>
#include <sys/stat.h>

static const char *const format_names[FORMAT_COUNT] = {"csv", "json"};

const char *bench_format_name(int format)
{
    return format_names[format];
}

static long max_l(long a, long b)
{
    return b > a ? b : a;
}

/* The arguments of a child: up to 5 after the mode (NULL ends them). */
struct child_args {
    const char *v[5];
};

/* Runs a kpi-bench child; dies when it fails. */
static void run_self(const struct bench_env *e, struct bench_run *r, const char *mode,
                     struct child_args args)
{
    char *argv[9] = {(char *)e->self, (char *)"--child", (char *)mode};
    for (int i = 0; i < 5; i++)
        argv[3 + i] = (char *)args.v[i];
    struct bench_spec spec = {argv, NULL, NULL, 0};
    bench_run_child(&spec, r);
    if (!r->ok)
        bench_die("kpi-bench --child %s failed", mode);
}

static void measure_floor(const struct bench_env *e, struct bench_result *res,
                          const char *s, const char *p)
{
    struct bench_run r;
    run_self(e, &r, "empty", (struct child_args){{NULL}});
    res->baseline_kb = (long)bench_kv(r.out, "hwm_kb");
    bench_run_free(&r);
    for (int i = 0; i < res->runs; i++) {
        bench_progress("the libcsv floor", i, res->runs);
        run_self(e, &r, "floor", (struct child_args){{s, p, NULL}});
        bench_sample(&res->floor, bench_kv(r.out, "total"));
        bench_sample(&res->floor_read, bench_kv(r.out, "read"));
        bench_sample(&res->floor_parse, bench_kv(r.out, "parse"));
        res->floor_kb = max_l(res->floor_kb, (long)bench_kv(r.out, "hwm_kb"));
        bench_run_free(&r);
    }
}

/* Load and evaluate on one thread, for comparison with o->threads. */
static void measure_one_thread(const struct bench_options *o, const struct bench_env *e,
                               struct bench_result *res, const char *s, const char *p)
{
    for (int i = 0; i < res->runs && o->threads > 1; i++) {
        bench_progress("libkpi load, evaluate on 1 thread", i, res->runs);
        struct bench_run r;
        run_self(e, &r, "libkpi", (struct child_args){{s, p, o->as_of, "1", NULL}});
        bench_sample(&res->load1, bench_kv(r.out, "load"));
        bench_sample(&res->eval1, bench_kv(r.out, "eval"));
        bench_run_free(&r);
    }
}

static void measure_libkpi(const struct bench_options *o, const struct bench_env *e,
                           struct bench_result *res, const char *s, const char *p)
{
    char threads[16];
    snprintf(threads, sizeof threads, "%d", o->threads);
    for (int i = 0; i < res->runs; i++) {
        bench_progress("libkpi load, evaluate, render", i, res->runs);
        struct bench_run r;
        run_self(e, &r, "libkpi", (struct child_args){{s, p, o->as_of, threads, NULL}});
        bench_sample(&res->load, bench_kv(r.out, "load"));
        bench_sample(&res->eval, bench_kv(r.out, "eval"));
        bench_sample(&res->render, bench_kv(r.out, "render"));
        bench_sample(&res->free_s, bench_kv(r.out, "free"));
        res->json_bytes = bench_kv(r.out, "json_bytes");
        res->hwm_load_kb = max_l(res->hwm_load_kb, (long)bench_kv(r.out, "hwm_load_kb"));
        res->rss_load_kb = max_l(res->rss_load_kb, (long)bench_kv(r.out, "rss_load_kb"));
        res->hwm_eval_kb = max_l(res->hwm_eval_kb, (long)bench_kv(r.out, "hwm_eval_kb"));
        res->hwm_render_kb =
            max_l(res->hwm_render_kb, (long)bench_kv(r.out, "hwm_render_kb"));
        res->targets = (long long)bench_kv(r.out, "targets");
        res->goals = (long long)bench_kv(r.out, "goals");
        res->measurements = (long long)bench_kv(r.out, "measurements");
        res->results = (long long)bench_kv(r.out, "results");
        res->warnings = (long long)bench_kv(r.out, "warnings");
        bench_kv_text(r.out, "first_warning", res->first_warning,
                      sizeof res->first_warning);
        bench_run_free(&r);
    }
    if (res->targets != res->meta.targets || res->measurements != res->meta.measurements)
        bench_die("libkpi read %lld targets and %lld measurements; kpi-gen wrote %lld "
                  "and %lld",
                  res->targets, res->measurements, res->meta.targets,
                  res->meta.measurements);
    measure_one_thread(o, e, res, s, p);
}

/* kpi-report as a user runs it (its defaults: reading the texts; the
 * thread count of the other measurements, by default its own default),
 * then cat of the report it wrote into another file. */
static void measure_report(const struct bench_options *o, struct bench_result *res,
                           int format, const char *s, const char *p)
{
    struct bench_render *rr = &res->report[format];
    char out[4096], copy[4096], name[64];
    snprintf(name, sizeof name, "report.%s", format_names[format]);
    bench_path(out, sizeof out, o, res->n, name);
    snprintf(name, sizeof name, "report-copy.%s", format_names[format]);
    bench_path(copy, sizeof copy, o, res->n, name);
    char threads[16];
    snprintf(threads, sizeof threads, "%d", o->threads);
    char *argv[] = {(char *)o->report,
                    (char *)s,
                    (char *)p,
                    (char *)"--as-of",
                    (char *)o->as_of,
                    (char *)"--format",
                    (char *)format_names[format],
                    (char *)"--threads",
                    threads,
                    (char *)"-o",
                    out,
                    NULL};
    char *cat[] = {(char *)"cat", out, NULL};
    struct bench_spec report = {argv, NULL, NULL, 0}, floor = {cat, NULL, copy, 0};
    for (int i = 0; i < res->runs; i++) {
        char what[64];
        snprintf(what, sizeof what, "kpi-report --format %s", format_names[format]);
        bench_progress(what, i, res->runs);
        remove(out);
        struct bench_run r;
        bench_run_child(&report, &r);
        if (!r.ok)
            bench_die("kpi-report --format %s failed", format_names[format]);
        bench_sample(&rr->wall, r.wall);
        rr->rss_kb = max_l(rr->rss_kb, r.max_rss_kb);
        bench_run_free(&r);
        struct stat st;
        if (stat(out, &st) != 0)
            bench_die("kpi-report wrote no %s", out);
        rr->bytes = (double)st.st_size;
        bench_warm(out);
        bench_run_child(&floor, &r);
        if (!r.ok)
            bench_die("cat %s > %s failed", out, copy);
        bench_sample(&rr->cat, r.wall);
        bench_run_free(&r);
    }
    /* 1.8 GB of JSON at 1M targets, and as much again for its copy */
    remove(copy);
    remove(out);
    rr->ran = 1;
}

/* Runs every peer and compares its ratings with libkpi's in out_kpi. */
static int measure_peers(const struct bench_options *o, const struct bench_env *e,
                         struct bench_result *res, const char *s, const char *p,
                         const char *out_kpi)
{
    int failed = 0;
    for (int k = 0; k < PEER_COUNT; k++) {
        struct bench_peer_result *peer = &res->peers[k];
        const char *name = bench_peer_name(k);
        if (o->no_peers) {
            snprintf(peer->why, sizeof peer->why, "--no-peers");
            continue;
        }
        char what[64], out[4096], a[32], b[32];
        snprintf(what, sizeof what, "ratings-%s.csv", name);
        bench_path(out, sizeof out, o, res->n, what);
        bench_run_peer(o, e, k, peer, s, p, out, res->runs);
        bench_progress_done();
        if (!peer->ran) {
            printf("  %s peer %s: %s\n", name, peer->optional ? "skipped" : "not run",
                   peer->why);
            failed |= o->agree_only && !peer->optional;
            continue;
        }
        peer->differ = bench_agree(out_kpi, out, name, &peer->agreed, &peer->total);
        if (peer->differ < 0)
            bench_die("no ratings from libkpi or the %s peer in %s", name, out);
        printf("  %s: %sagree: %s/%s ratings of targets, goals and the plan%s\n", name,
               peer->differ ? "DO NOT " : "", bench_fmt_count(a, sizeof a, peer->agreed),
               bench_fmt_count(b, sizeof b, peer->total),
               peer->differ ? "" : " (every one)");
        if (!o->agree_only)
            printf("    %s\n", peer->version);
        failed |= peer->differ != 0;
    }
    return failed;
}

int bench_measure(const struct bench_options *o, const struct bench_env *e, long long n,
                  struct bench_result *res)
{
    char s[4096], p[4096], out_kpi[4096], a[64], threads[16];
    snprintf(threads, sizeof threads, "%d", o->threads);
    memset(res, 0, sizeof *res);
    res->n = n;
    res->runs = o->agree_only ? 1 : o->runs;
    res->threads = o->threads;
    printf("\n== N = %s targets\n", bench_fmt_count(a, sizeof a, n));
    bench_generate(o, e, n, &res->meta);
    bench_path(s, sizeof s, o, n, "structure.csv");
    bench_path(p, sizeof p, o, n, "progress.csv");
    bench_path(out_kpi, sizeof out_kpi, o, n, "ratings-libkpi.csv");
    bench_warm(s);
    bench_warm(p);

    if (!o->agree_only) {
        measure_floor(e, res, s, p);
        measure_libkpi(o, e, res, s, p);
        for (int f = 0; f < FORMAT_COUNT && e->have_report; f++)
            measure_report(o, res, f, s, p);
    }
    for (int i = 0; i < res->runs; i++) {
        bench_progress("the libkpi ratings program", i, res->runs);
        struct bench_run r;
        run_self(e, &r, "e2e", (struct child_args){{s, p, o->as_of, out_kpi, threads}});
        bench_sample(&res->e2e, r.wall);
        res->e2e_kb = max_l(res->e2e_kb, r.max_rss_kb);
        bench_run_free(&r);
    }
    bench_progress_done();
    return measure_peers(o, e, res, s, p, out_kpi);
}

/* ---- the figures derived from the medians ---- */

double bench_floor_s(const struct bench_result *r)
{
    return bench_median(&r->floor);
}

double bench_load_eval_s(const struct bench_result *r)
{
    /* the median of the sums: load and evaluate of the same run belong
     * together */
    struct bench_samples sum = {{0}, 0};
    for (int i = 0; i < r->load.n && i < r->eval.n; i++)
        bench_sample(&sum, r->load.v[i] + r->eval.v[i]);
    return bench_median(&sum);
}

double bench_memory_bytes(const struct bench_result *r)
{
    return ((double)r->hwm_eval_kb - (double)r->baseline_kb) * 1024.0;
}

double bench_input_bytes(const struct bench_result *r)
{
    return (double)(r->meta.structure_bytes + r->meta.progress_bytes);
}

double bench_peer_s(const struct bench_result *r, int peer)
{
    return r->peers[peer].ran ? bench_median(&r->peers[peer].wall) : NAN;
}
