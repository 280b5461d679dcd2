/*
 * kpi-bench: how fast and how lean libkpi is on national plans, against the
 * floor (libcsv alone) and against the peers a user would pick instead
 * (pandas, SQLite, DuckDB, libkpi's own Python binding), each computing the
 * same ratings from the same files.
 *
 *   kpi-bench [--sizes N,N,...] [--quick] [--seed S] [--work DIR] [--runs K]
 *             [--as-of YYYY-MM-DD] [--python PATH] [--peers DIR]
 *             [--packages DIR] [--binding DIR] [--library PATH]
 *             [--kpi-report PATH] [--no-peers] [--no-install] [--install-peers]
 *             [--agree-only] [--markdown FILE] [--threads N]
 *
 * For each N (default 10000, 100000, 1000000; --quick: 10000) it generates
 * the two plan files with kpi-gen (reused when already in the work
 * directory), then measures each tool K times (default 3) in fresh child
 * processes and reports the medians (bench_measure.c). It prints a table per
 * N, a summary, and a verdict per target of issue 16 ("met", or "missed by
 * X×"). libkpi reads and evaluates on --threads N threads (default: the
 * machine's cores, as kpi-report does), and once more on one thread for
 * comparison; --markdown FILE writes the same as docs/performance.md with the
 * machine it ran on. --agree-only (the bench_smoke test) checks the
 * agreement only, with no timing, and fails when a required peer cannot
 * run; it installs nothing. --scaling times each path at n and 4n instead
 * (scaling.c). See tests/bench/README.md.
 */
#define _POSIX_C_SOURCE 200809L

#include <kpi.h>

#include "bench.h"
#include "scaling.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef KPI_BENCH_SOURCE_DIR
#define KPI_BENCH_SOURCE_DIR "tests/bench"
#endif
#ifndef KPI_BENCH_WORK_DIR
#define KPI_BENCH_WORK_DIR "build/bench-data"
#endif
#ifndef KPI_BENCH_BINDING_DIR
#define KPI_BENCH_BINDING_DIR "bindings/python"
#endif
#ifndef KPI_BENCH_LIBRARY
#define KPI_BENCH_LIBRARY "build/lib/libkpi.so"
#endif
#ifndef KPI_BENCH_REPORT
#define KPI_BENCH_REPORT ""
#endif

static void usage(FILE *f)
{
    fputs("usage: kpi-bench [--sizes N,N,...] [--quick] [--seed S] [--work DIR] [--runs "
          "K]\n"
          "                 [--as-of YYYY-MM-DD] [--python PATH] [--peers DIR]\n"
          "                 [--packages DIR] [--binding DIR] [--library PATH]\n"
          "                 [--kpi-report PATH] [--no-peers] [--no-install]\n"
          "                 [--install-peers] [--agree-only] [--markdown FILE]\n"
          "                 [--threads N]\n"
          "Benchmarks libkpi on national plans of N targets (default "
          "10000,100000,1000000;\n"
          "--quick: 10000), medians of K runs (default 3), against the libcsv floor,\n"
          "kpi-report, pandas, SQLite, DuckDB (Node) and the Python binding.\n"
          "kpi-bench --scaling [--help]: how each path grows, at n and 4n. See\n"
          "tests/bench/README.md.\n",
          f);
}

static void parse_sizes(struct bench_options *o, const char *text)
{
    o->size_count = 0;
    const char *p = text;
    while (*p) {
        char *end;
        errno = 0;
        long long n = strtoll(p, &end, 10);
        if (errno || end == p || n < 1 || n > 100000000 ||
            o->size_count == BENCH_MAX_SIZES)
            bench_die("--sizes: bad list \"%s\"", text);
        o->sizes[o->size_count++] = n;
        p = *end == ',' ? end + 1 : end;
        if (*end && *end != ',')
            bench_die("--sizes: bad list \"%s\"", text);
    }
}

static void find_self(struct bench_env *e, const char *argv0)
{
    ssize_t n = readlink("/proc/self/exe", e->self, sizeof e->self - 1);
    if (n <= 0)
        snprintf(e->self, sizeof e->self, "%s", argv0);
    else
        e->self[n] = '\0';
    snprintf(e->gen, sizeof e->gen, "%s", e->self);
    char *slash = strrchr(e->gen, '/');
    size_t at = slash ? (size_t)(slash - e->gen) + 1 : 0;
    snprintf(e->gen + at, sizeof e->gen - at, "kpi-gen");
}

/* kpi-bench --scaling, with the machine for its header. */
static int scaling(int argc, char **argv)
{
    struct bench_machine m;
    bench_read_machine(&m);
    char line[320];
    snprintf(line, sizeof line, "%s, %ld cores online", m.cpu, m.cores);
    struct scaling_info info = {bench_build_type(), BENCH_COMPILER, line};
    return scaling_main(argc, argv, &info);
}

/* The options of one flag; 0 when a is none of them. */
static int flag(struct bench_options *o, const char *a, int *install_only)
{
    if (!strcmp(a, "--quick"))
        parse_sizes(o, "10000");
    else if (!strcmp(a, "--no-peers"))
        o->no_peers = 1;
    else if (!strcmp(a, "--agree-only"))
        o->agree_only = 1;
    else if (!strcmp(a, "--no-install"))
        o->no_install = 1;
    else if (!strcmp(a, "--install-peers"))
        *install_only = 1;
    else
        return 0;
    return 1;
}

/* The option of a name and its value; 0 when name is none of them. */
static int option(struct bench_options *o, const char *name, const char *value)
{
    const char **text = !strcmp(name, "--work")         ? &o->work
                        : !strcmp(name, "--as-of")      ? &o->as_of
                        : !strcmp(name, "--python")     ? &o->python
                        : !strcmp(name, "--peers")      ? &o->peers_dir
                        : !strcmp(name, "--packages")   ? &o->packages
                        : !strcmp(name, "--binding")    ? &o->binding
                        : !strcmp(name, "--library")    ? &o->library
                        : !strcmp(name, "--kpi-report") ? &o->report
                        : !strcmp(name, "--markdown")   ? &o->markdown
                                                        : NULL;
    if (text)
        *text = value;
    else if (!strcmp(name, "--sizes"))
        parse_sizes(o, value);
    else if (!strcmp(name, "--seed"))
        o->seed = strtoull(value, NULL, 10);
    else if (!strcmp(name, "--threads")) {
        o->threads = atoi(value);
        if (o->threads < 1 || o->threads > KPI_READER_MAX_THREADS)
            bench_die("--threads must be 1 to %d", KPI_READER_MAX_THREADS);
    } else if (!strcmp(name, "--runs")) {
        o->runs = atoi(value);
        if (o->runs < 1 || o->runs > BENCH_MAX_RUNS)
            bench_die("--runs must be 1 to %d", BENCH_MAX_RUNS);
    } else
        return 0;
    return 1;
}

/* The ISO form of --as-of, whatever form it was given in. */
static const char *iso_as_of(const char *text)
{
    static char iso[16];
    int32_t date;
    if (kpi_date_parse(&date, text) != KPI_OK)
        bench_die("--as-of: %s", kpi_error_message());
    snprintf(iso, sizeof iso, "%04d-%02d-%02d", (int)(date / 10000),
             (int)(date / 100 % 100), (int)(date % 100));
    return iso;
}

/* What the tools and peers need, found once. */
static void setup(struct bench_options *o, struct bench_env *e, const char *argv0,
                  int install_only)
{
    find_self(e, argv0);
    if (access(e->gen, X_OK) != 0)
        bench_die("kpi-gen not found beside kpi-bench (%s): build it", e->gen);
    bench_make_dirs(o->work);
    if (o->packages)
        snprintf(e->packages, sizeof e->packages, "%s", o->packages);
    else
        snprintf(e->packages, sizeof e->packages, "%s/peers", o->work);
    e->have_report = *o->report && access(o->report, X_OK) == 0;
    snprintf(e->report_why, sizeof e->report_why, "%s",
             *o->report ? "kpi-report cannot be run: build it"
                        : "kpi-report is not built (KPI_BUILD_TOOLS is off)");
    if (o->no_peers && !install_only)
        return;
    bench_find_python(o, e);
    int install = install_only || (!o->agree_only && !o->no_install);
    e->have_duckdb =
        bench_duckdb_ready(o, e, install, e->duckdb_why, sizeof e->duckdb_why);
}

static void print_header(const struct bench_options *o, const struct bench_env *e)
{
    printf("kpi-bench: libkpi %s, %s, build %s; %ld cores, libkpi on %d threads; as of "
           "%s\n",
           kpi_version(), BENCH_COMPILER, bench_build_type(),
           sysconf(_SC_NPROCESSORS_ONLN), o->threads, o->as_of);
    if (!o->agree_only)
        printf("kpi-report: %s\n", e->have_report ? o->report : e->report_why);
    if (o->no_peers)
        return;
    printf("peers: %s (pandas %s), %s/peer_*; binding %s over %s\n", e->python,
           e->have_pandas ? e->pandas_version : "not importable", o->peers_dir,
           o->binding, o->library);
    printf("DuckDB peer: %s%s\n", e->have_duckdb ? "installed in " : "skipped: ",
           e->have_duckdb ? e->packages : e->duckdb_why);
    if (o->agree_only)
        printf("agreement only: no timing, no verdicts\n");
}

int main(int argc, char **argv)
{
    if (argc >= 2 && !strcmp(argv[1], "--child"))
        return bench_child_main(argc - 2, argv + 2);
    if (scaling_wanted(argc, argv))
        return scaling(argc, argv);
    struct bench_options o = {.sizes = {10000, 100000, 1000000},
                              .size_count = 3,
                              .runs = 3,
                              .seed = 2017,
                              .work = KPI_BENCH_WORK_DIR,
                              .as_of = "2017-09-30",
                              .peers_dir = KPI_BENCH_SOURCE_DIR,
                              .binding = KPI_BENCH_BINDING_DIR,
                              .library = KPI_BENCH_LIBRARY,
                              .report = KPI_BENCH_REPORT,
                              .threads = (int)sysconf(_SC_NPROCESSORS_ONLN)};
    if (o.threads < 1)
        o.threads = 1;
    if (o.threads > KPI_READER_MAX_THREADS)
        o.threads = KPI_READER_MAX_THREADS;
    int install_only = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(stdout);
            return 0;
        }
        if (flag(&o, a, &install_only))
            continue;
        if (i + 1 >= argc || !option(&o, a, argv[i + 1])) {
            usage(stderr);
            return 2;
        }
        i++;
    }
    o.as_of = iso_as_of(o.as_of);
    if (o.agree_only && o.no_peers)
        bench_die("--agree-only needs the peers");

    static struct bench_env e;
    setup(&o, &e, argv[0], install_only);
    if (install_only) {
        printf("DuckDB peer: %s%s\n", e.have_duckdb ? "installed in " : "not installed: ",
               e.have_duckdb ? e.packages : e.duckdb_why);
        return e.have_duckdb ? 0 : 1;
    }
    print_header(&o, &e);

    static struct bench_result results[BENCH_MAX_SIZES];
    int failed = 0;
    for (size_t i = 0; i < o.size_count; i++) {
        failed |= bench_measure(&o, &e, o.sizes[i], &results[i]);
        if (!o.agree_only)
            bench_print_size(&results[i]);
    }
    if (o.agree_only) {
        printf(failed ? "\nFAILED: the peers were not all run or do not agree with "
                        "libkpi\n"
                      : "\nOK: every peer run agrees with libkpi on every rating\n");
        return failed ? 1 : 0;
    }
    static struct bench_verdict rows[BENCH_MAX_SIZES * 16];
    size_t nrows = bench_verdicts(results, o.size_count, rows, BENCH_COUNT(rows));
    bench_print_summary(results, o.size_count);
    bench_print_verdicts(rows, nrows);
    if (o.markdown)
        bench_write_markdown(o.markdown, &o, &e, results, o.size_count, rows, nrows);
    if (failed)
        printf("\nFAILED: a peer disagrees with libkpi (see above)\n");
    return failed ? 1 : 0;
}
