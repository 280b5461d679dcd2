/*
 * kpi-bench's own declarations, shared by its files (scaling.h is the
 * --scaling mode's):
 *
 *   kpi-bench.c       options, the run over every size, main
 *   bench_child.c     what runs in the measured child processes (--child)
 *   bench_proc.c      starting and timing processes, reading their output
 *   bench_data.c      the plan files: generating, reusing, warming
 *   bench_peers.c     the peers: finding their interpreters, installing
 *                     DuckDB's package, running them
 *   bench_ratings.c   ratings files and their agreement
 *   bench_measure.c   one size: every tool, every run, the medians
 *   bench_targets.c   the targets of the issue and their verdicts
 *   bench_print.c     the tables on the terminal
 *   bench_markdown.c  docs/performance.md and the machine it ran on
 */
#ifndef KPI_BENCH_H
#define KPI_BENCH_H

#include <stdio.h>

#define BENCH_MAX_SIZES 16
#define BENCH_MAX_RUNS 64
#define BENCH_COUNT(a) (sizeof(a) / sizeof((a)[0]))

#if defined(__clang__)
#define BENCH_COMPILER "clang " __clang_version__
#elif defined(__GNUC__)
#define BENCH_COMPILER "gcc " __VERSION__
#else
#define BENCH_COMPILER "unknown compiler"
#endif

/* ---- bench_child.c: kpi-bench --child MODE ... ---- */

int bench_child_main(int argc, char **argv);

/* ---- bench_proc.c ---- */

double bench_now(void);

#if defined(__GNUC__)
__attribute__((format(printf, 1, 2), noreturn))
#endif
void bench_die(const char *fmt, ...);

void *bench_xmalloc(size_t size);

/* The whole file, NUL-terminated; dies when it cannot be read. */
char *bench_read_whole(const char *path, size_t *size);

/* How a child is started. Only argv is required. */
struct bench_spec {
    char *const *argv;
    const char *const *env;  /* NAME=VALUE added to the environment, NULL-ended */
    const char *stdout_path; /* stdout into this file instead of captured */
    int capture_err;         /* stderr captured instead of ours */
};

struct bench_run {
    double wall;     /* fork to exit, seconds */
    long max_rss_kb; /* the child's (and its waited children's) peak RSS */
    int ok;          /* exited with status 0 */
    char *out;       /* its stdout ("" when sent to a file) */
    char *err;       /* its stderr, when captured */
};

void bench_run_child(const struct bench_spec *spec, struct bench_run *r);
void bench_run_free(struct bench_run *r);

/* The number after "key=" on a line of text; NAN when absent. */
double bench_kv(const char *text, const char *key);
/* The text after "key=" to the end of its line, in buf ("" when absent). */
const char *bench_kv_text(const char *text, const char *key, char *buf, size_t size);
/* The last non-empty line of text, trimmed, in buf. */
const char *bench_last_line(const char *text, char *buf, size_t size);

/* Whether path names an executable file, or a program found on PATH. */
int bench_have_program(const char *name);

/* Says what is being measured, on a terminal only (the tables stay clean). */
void bench_progress(const char *what, int run, int runs);
void bench_progress_done(void);

/* ---- the samples of one measurement ---- */

/* The values of one quantity over the runs; the median is what is
 * reported (the middle value, or the mean of the two middle ones). */
struct bench_samples {
    double v[BENCH_MAX_RUNS];
    int n;
};

void bench_sample(struct bench_samples *s, double value);
double bench_median(const struct bench_samples *s); /* NAN when empty */

/* ---- formatting (bench_print.c) ---- */

const char *bench_fmt_count(char *buf, size_t size, long long n);
const char *bench_fmt_mb(char *buf, size_t size, double bytes);
const char *bench_fmt_s(char *buf, size_t size, double s);
const char *bench_fmt_rate(char *buf, size_t size, double bytes_per_s);

/* ---- options and environment (kpi-bench.c) ---- */

struct bench_options {
    long long sizes[BENCH_MAX_SIZES];
    size_t size_count;
    int runs;
    unsigned long long seed;
    const char *work;
    const char *as_of;
    const char *python;
    const char *peers_dir; /* the peer scripts */
    const char *packages;  /* where npm installs the DuckDB package */
    const char *binding;   /* bindings/python */
    const char *library;   /* libkpi.so for the binding */
    const char *report;    /* kpi-report */
    const char *markdown;
    int no_peers;
    int agree_only;
    int no_install;
    int threads; /* libkpi's reader and evaluation threads, and kpi-report's */
};

struct bench_env {
    char self[4096];
    char gen[4096];
    char python[1024];
    int have_pandas;
    char pandas_why[512];
    char pandas_version[128];
    char packages[4096];
    int have_report;
    char report_why[512];
    int have_duckdb;
    char duckdb_why[1024];
};

/* ---- bench_data.c ---- */

struct bench_meta {
    long long plans, goals, targets, measurements, assessments;
    long long structure_bytes, progress_bytes;
};

void bench_path(char *buf, size_t size, const struct bench_options *o, long long n,
                const char *what);
void bench_make_dirs(const char *path);
void bench_generate(const struct bench_options *o, const struct bench_env *e, long long n,
                    struct bench_meta *m);
void bench_warm(const char *path);

/* ---- peers (bench_peers.c) ---- */

enum bench_peer_id { PEER_PANDAS, PEER_SQLITE, PEER_DUCKDB, PEER_BINDING, PEER_COUNT };

struct bench_peer_result {
    int ran;           /* produced ratings */
    int optional;      /* not running it fails no agreement check */
    char why[1024];    /* why not, when not */
    char version[256]; /* its summary line */
    struct bench_samples wall;
    long rss_kb;
    long long agreed, differ, total;
};

const char *bench_peer_name(int peer);  /* "pandas", "SQLite", ... */
const char *bench_peer_label(int peer); /* a longer name for tables */

void bench_find_python(const struct bench_options *o, struct bench_env *e);

/* Installs DuckDB's package with npm ci into e->packages when missing and
 * install is set; returns 1 when it is there afterwards, else 0 with why. */
int bench_duckdb_ready(const struct bench_options *o, const struct bench_env *e,
                       int install, char *why, size_t size);

/* Runs a peer `runs` times on the files, writing its ratings to out. */
void bench_run_peer(const struct bench_options *o, const struct bench_env *e, int peer,
                    struct bench_peer_result *res, const char *structure,
                    const char *progress, const char *out, int runs);

/* ---- bench_ratings.c ---- */

/* Compares the ratings files: how many codes agree; prints the first
 * differences. Returns the number of disagreements, -1 when a file cannot
 * be read. */
long long bench_agree(const char *kpi_path, const char *peer_path, const char *name,
                      long long *agreed, long long *total);

/* ---- one size (bench_measure.c) ---- */

/* The whole-process kpi-report runs, per output format. */
enum bench_format { FORMAT_CSV, FORMAT_JSON, FORMAT_COUNT };

struct bench_render {
    struct bench_samples wall; /* kpi-report ... --format F -o FILE */
    struct bench_samples cat;  /* cat FILE > COPY: the floor for writing it */
    long rss_kb;
    double bytes; /* the size of the report */
    int ran;
};

struct bench_result {
    long long n;
    struct bench_meta meta;
    int runs;
    int threads; /* libkpi's, and kpi-report's */
    long baseline_kb;
    struct bench_samples floor, floor_read, floor_parse;
    long floor_kb;
    struct bench_samples load, eval, render, free_s;
    struct bench_samples load1, eval1; /* on one thread, when threads > 1 */
    double json_bytes;
    long hwm_load_kb, rss_load_kb, hwm_eval_kb, hwm_render_kb;
    long long targets, goals, measurements, results, warnings;
    char first_warning[512];
    struct bench_samples e2e;
    long e2e_kb;
    struct bench_render report[FORMAT_COUNT];
    struct bench_peer_result peers[PEER_COUNT];
};

const char *bench_format_name(int format); /* "csv", "json" */

/* Measures one size; returns 1 when a peer disagrees (or, agreement only,
 * a required peer cannot run), else 0. */
int bench_measure(const struct bench_options *o, const struct bench_env *e, long long n,
                  struct bench_result *res);

/* Medians and the figures derived from them. */
double bench_floor_s(const struct bench_result *r);
double bench_load_eval_s(const struct bench_result *r);
double bench_memory_bytes(const struct bench_result *r); /* after evaluate, less empty */
double bench_budget_bytes(const struct bench_result *r);
double bench_input_bytes(const struct bench_result *r);
double bench_peer_s(const struct bench_result *r, int peer); /* NAN when not run */

/* ---- bench_targets.c ---- */

struct bench_verdict {
    char what[128];
    char size[32];
    char measured[128];
    char limit[64];
    char verdict[96];
};

/* The "Done when" criteria of the issue, one row per criterion and size. */
size_t bench_verdicts(const struct bench_result *res, size_t count,
                      struct bench_verdict *rows, size_t max);

/* ---- bench_print.c ---- */

void bench_print_size(const struct bench_result *r);
void bench_print_summary(const struct bench_result *res, size_t count);
void bench_print_verdicts(const struct bench_verdict *rows, size_t n);

/* ---- bench_markdown.c ---- */

struct bench_machine {
    char cpu[256];
    long cores;
    double memory;
    char os[256];
    char date[64];
};

void bench_read_machine(struct bench_machine *m);
const char *bench_build_type(void);

void bench_write_markdown(const char *path, const struct bench_options *o,
                          const struct bench_env *e, const struct bench_result *res,
                          size_t count, const struct bench_verdict *rows, size_t nrows);

#endif
