/*
 * docs/performance.md as kpi-bench --markdown FILE writes it: the machine,
 * the tables of every size (medians of the runs), the agreement and the
 * verdicts of the issue's targets; the "Scaling" section that --scaling
 * wrote is kept.
 */
#define _POSIX_C_SOURCE 200809L

#include <kpi.h>

#include "bench.h"
#include "scaling.h"

#include <csv.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#ifndef KPI_BENCH_BUILD_TYPE
#define KPI_BENCH_BUILD_TYPE ""
#endif

/* The command that writes docs/performance.md, quoted in its header. */
#define BENCH_COMMAND                                                                    \
    "cmake --build build --target kpi-bench && "                                         \
    "build/tests/bench/kpi-bench --markdown docs/performance.md"

const char *bench_build_type(void)
{
    return *KPI_BENCH_BUILD_TYPE ? KPI_BENCH_BUILD_TYPE : "none (no optimisation!)";
}

/* The value after "key" and a colon on a line of a /proc file, or NULL. */
static int proc_line(const char *path, const char *key, char *out, size_t size)
{
    char line[512];
    FILE *f = fopen(path, "r");
    int found = 0;
    while (f && !found && fgets(line, sizeof line, f))
        if (!strncmp(line, key, strlen(key)) && strchr(line, ':')) {
            char *v = strchr(line, ':') + 1;
            v += strspn(v, " \t");
            v[strcspn(v, "\n")] = '\0';
            snprintf(out, size, "%s", v);
            found = 1;
        }
    if (f)
        fclose(f);
    return found;
}

void bench_read_machine(struct bench_machine *m)
{
    char line[512];
    snprintf(m->cpu, sizeof m->cpu, "unknown");
    snprintf(m->os, sizeof m->os, "unknown");
    m->cores = sysconf(_SC_NPROCESSORS_ONLN);
    m->memory = NAN;
    proc_line("/proc/cpuinfo", "model name", m->cpu, sizeof m->cpu);
    if (proc_line("/proc/meminfo", "MemTotal", line, sizeof line))
        m->memory = strtod(line, NULL) * 1024.0;
    FILE *f = fopen("/etc/os-release", "r");
    while (f && fgets(line, sizeof line, f))
        if (!strncmp(line, "PRETTY_NAME=", 12)) {
            char *v = line + 12;
            v[strcspn(v, "\n")] = '\0';
            if (*v == '"') {
                v++;
                v[strcspn(v, "\"")] = '\0';
            }
            snprintf(m->os, sizeof m->os, "%.200s", v);
            break;
        }
    if (f)
        fclose(f);
    struct utsname u;
    if (uname(&u) == 0) {
        size_t len = strlen(m->os);
        snprintf(m->os + len, sizeof m->os - len, ", %s %s %s", u.sysname, u.release,
                 u.machine);
    }
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(m->date, sizeof m->date, "%Y-%m-%d %H:%M UTC", &tm);
}

/* Writes text from a tool's output into the page: "@" and "\\" would start
 * a Doxygen command (the page is part of the API documentation), and a
 * backslash before them reads as the character itself in Markdown too. */
static void put_escaped(FILE *f, const char *text)
{
    for (; *text; text++) {
        if (*text == '@' || *text == '\\')
            fputc('\\', f);
        fputc(*text, f);
    }
}

static void write_machine(FILE *f, const struct bench_options *o,
                          const struct bench_env *e, const struct bench_result *res,
                          size_t count)
{
    struct bench_machine m;
    char a[64];
    bench_read_machine(&m);
    fprintf(f, "## Machine\n\n| | |\n|---|---|\n");
    fprintf(f, "| date | %s |\n", m.date);
    fprintf(f, "| CPU | %s, %ld cores online |\n", m.cpu, m.cores);
    fprintf(f, "| memory | %s |\n", bench_fmt_mb(a, sizeof a, m.memory));
    fprintf(f, "| OS | %s |\n", m.os);
    fprintf(f, "| compiler | %s, build type %s |\n", BENCH_COMPILER, bench_build_type());
    fprintf(f,
            "| libkpi | %s; reading and evaluating on %d threads (`kpi-bench --threads`, "
            "by default the cores online, as `kpi-report` does), and once on 1 for "
            "comparison |\n",
            kpi_version(), o->threads);
    fprintf(f, "| libcsv | %d.%d.%d |\n", CSV_MAJOR, CSV_MINOR, CSV_RELEASE);
    for (int k = 0; k < PEER_COUNT; k++) {
        const char *version = NULL;
        for (size_t i = 0; i < count; i++)
            if (res[i].peers[k].ran)
                version = res[i].peers[k].version;
        fprintf(f, "| %s peer | ", bench_peer_label(k));
        put_escaped(f, version ? version : "not run");
        if (k != PEER_DUCKDB && version)
            fprintf(f, " (`%s`)", e->python);
        fprintf(f, " |\n");
    }
    fprintf(f, "| data | kpi-gen seed %llu, rated as of %s, default policy |\n\n",
            o->seed, o->as_of);
}

static void write_libkpi(FILE *f, const struct bench_result *res, size_t count)
{
    char a[64], b[64], c[64], d[64], e[64], g[64], h[64];
    fprintf(f, "libkpi inside one process (`kpi-bench --child libkpi`): load both files, "
               "evaluate, render JSON, each timed, on the threads of the machine table "
               "(and load + evaluate once more on one thread); memory is the peak RSS "
               "after evaluating, less that of an empty process.\n\n"
               "| targets | measurements | bytes read | libcsv floor | load | evaluate | "
               "load + evaluate ÷ floor | on 1 thread ÷ floor | targets/s | render JSON "
               "| JSON | render bytes/s | memory | B/target | B/measurement |\n"
               "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
               "---:|\n");
    for (size_t i = 0; i < count; i++) {
        const struct bench_result *r = &res[i];
        double le = bench_load_eval_s(r), render = bench_median(&r->render);
        double memory = bench_memory_bytes(r);
        double one = r->load1.n ? bench_median(&r->load1) + bench_median(&r->eval1)
                                : le; /* one thread was the measurement */
        fprintf(
            f,
            "| %s | %s | %s | %.3f | %.3f | %.4f | %.2f× | %.2f× | %s | %.3f | %s | %s | "
            "%s | %.0f | %.1f |\n",
            bench_fmt_count(a, sizeof a, r->n),
            bench_fmt_count(b, sizeof b, r->measurements),
            bench_fmt_mb(c, sizeof c, bench_input_bytes(r)), bench_floor_s(r),
            bench_median(&r->load), bench_median(&r->eval), le / bench_floor_s(r),
            one / bench_floor_s(r),
            bench_fmt_count(d, sizeof d, (long long)((double)r->targets / le)), render,
            bench_fmt_mb(e, sizeof e, r->json_bytes),
            bench_fmt_rate(g, sizeof g, r->json_bytes / render),
            bench_fmt_mb(h, sizeof h, memory), memory / (double)r->targets,
            memory / (double)r->measurements);
    }
}

static void cell_s(FILE *f, double s, double floor)
{
    if (isnan(s))
        fprintf(f, " not run |");
    else
        fprintf(f, " %.3f (%.1f×) |", s, s / floor);
}

static void write_processes(FILE *f, const struct bench_result *res, size_t count)
{
    char a[64];
    fprintf(f,
            "\nEnd to end: whole processes timed from outside, from start to exit, in "
            "seconds (and × the libcsv floor). The ratings program loads, evaluates "
            "and writes every rating (on the threads of the machine table); `kpi-report` "
            "writes its "
            "whole report with `-o FILE`; each peer writes every rating.\n\n"
            "| targets | libcsv floor | libkpi ratings program | `kpi-report "
            "--format csv` | `kpi-report --format json` |");
    for (int k = 0; k < PEER_COUNT; k++)
        fprintf(f, " %s |", bench_peer_label(k));
    fprintf(f, "\n|---:|---:|---:|---:|---:|");
    for (int k = 0; k < PEER_COUNT; k++)
        fprintf(f, "---:|");
    fprintf(f, "\n");
    for (size_t i = 0; i < count; i++) {
        const struct bench_result *r = &res[i];
        double floor = bench_floor_s(r);
        fprintf(f, "| %s | %.3f |", bench_fmt_count(a, sizeof a, r->n), floor);
        cell_s(f, bench_median(&r->e2e), floor);
        for (int k = 0; k < FORMAT_COUNT; k++)
            cell_s(f, r->report[k].ran ? bench_median(&r->report[k].wall) : NAN, floor);
        for (int k = 0; k < PEER_COUNT; k++)
            cell_s(f, bench_peer_s(r, k), floor);
        fprintf(f, "\n");
    }
}

static void write_render(FILE *f, const struct bench_result *res, size_t count)
{
    char a[64], b[64], c[64], d[64];
    fprintf(f,
            "\nRendering at the speed of the output: `kpi-report ... --format F -o FILE` "
            "(whole process: read, evaluate, render, write) against `cat FILE > COPY`, "
            "the floor for writing the same bytes.\n\n"
            "| targets | format | report | kpi-report | bytes/s | cat | bytes/s | "
            "kpi-report ÷ cat |\n|---:|---|---:|---:|---:|---:|---:|---:|\n");
    for (size_t i = 0; i < count; i++)
        for (int k = 0; k < FORMAT_COUNT; k++) {
            const struct bench_render *rr = &res[i].report[k];
            if (!rr->ran)
                continue;
            double s = bench_median(&rr->wall), cat = bench_median(&rr->cat);
            fprintf(f, "| %s | %s | %s | %.3f | %s | %.4f | %s | %.1f× |\n",
                    bench_fmt_count(a, sizeof a, res[i].n), bench_format_name(k),
                    bench_fmt_mb(b, sizeof b, rr->bytes), s,
                    bench_fmt_rate(c, sizeof c, rr->bytes / s), cat,
                    bench_fmt_rate(d, sizeof d, rr->bytes / cat), s / cat);
        }
}

static void cell_mb(FILE *f, long kb, int ran)
{
    char a[64];
    fprintf(f, " %s |", ran ? bench_fmt_mb(a, sizeof a, kb * 1024.0) : "-");
}

static void write_memory(FILE *f, const struct bench_result *res, size_t count)
{
    char a[64];
    fprintf(f,
            "\nPeak RSS of each process:\n\n| targets | empty process | libcsv floor | "
            "libkpi after load | after evaluate | after render | ratings program | "
            "kpi-report csv | kpi-report json |");
    for (int k = 0; k < PEER_COUNT; k++)
        fprintf(f, " %s |", bench_peer_name(k));
    fprintf(f, "\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (int k = 0; k < PEER_COUNT; k++)
        fprintf(f, "---:|");
    fprintf(f, "\n");
    for (size_t i = 0; i < count; i++) {
        const struct bench_result *r = &res[i];
        fprintf(f, "| %s |", bench_fmt_count(a, sizeof a, r->n));
        cell_mb(f, r->baseline_kb, 1);
        cell_mb(f, r->floor_kb, 1);
        cell_mb(f, r->hwm_load_kb, 1);
        cell_mb(f, r->hwm_eval_kb, 1);
        cell_mb(f, r->hwm_render_kb, 1);
        cell_mb(f, r->e2e_kb, 1);
        for (int k = 0; k < FORMAT_COUNT; k++)
            cell_mb(f, r->report[k].rss_kb, r->report[k].ran);
        for (int k = 0; k < PEER_COUNT; k++)
            cell_mb(f, r->peers[k].rss_kb, r->peers[k].ran);
        fprintf(f, "\n");
    }
}

static void write_agreement(FILE *f, const struct bench_result *res, size_t count)
{
    char a[64], b[64], c[64];
    fprintf(f, "\nAgreement with the ratings program, every target, goal and the plan: ");
    for (size_t i = 0; i < count; i++)
        for (int k = 0; k < PEER_COUNT; k++) {
            const struct bench_peer_result *p = &res[i].peers[k];
            const char *sep = i || k ? "; " : "";
            if (p->ran)
                fprintf(f, "%s%s at %s: %s/%s agree", sep, bench_peer_name(k),
                        bench_fmt_count(a, sizeof a, res[i].n),
                        bench_fmt_count(b, sizeof b, p->agreed),
                        bench_fmt_count(c, sizeof c, p->total));
            else
                fprintf(f, "%s%s at %s: not run (%s)", sep, bench_peer_name(k),
                        bench_fmt_count(a, sizeof a, res[i].n), p->why);
        }
    fprintf(f, ".\n");
}

void bench_write_markdown(const char *path, const struct bench_options *o,
                          const struct bench_env *e, const struct bench_result *res,
                          size_t count, const struct bench_verdict *rows, size_t nrows)
{
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "w");
    if (!f)
        bench_die("cannot write %s: %s", tmp, strerror(errno));
    fprintf(f, "# Performance {#performance}\n\n"
               "How fast and how lean libkpi is on a national roll-up of municipal plans "
               "(issue 16), against the floor (libcsv alone) and the peers a user would "
               "pick instead, each computing the same ratings from the same files: "
               "pandas, SQLite, DuckDB and libkpi's own Python binding. Written by\n\n"
               "    " BENCH_COMMAND "\n\n"
               "(`tests/bench/README.md` explains the method). Do not edit by hand: run "
               "the command again. Where the time goes, and what each operation costs, "
               "is in [performance-notes.md](performance-notes.md).\n\n");
    write_machine(f, o, e, res, count);
    fprintf(f,
            "## Results\n\nEvery figure is the median of %d runs of a fresh process "
            "on this machine, in this one benchmark run; peak RSS is the largest "
            "seen.\n\n",
            count ? res[0].runs : o->runs);
    write_libkpi(f, res, count);
    write_processes(f, res, count);
    write_render(f, res, count);
    write_memory(f, res, count);
    write_agreement(f, res, count);
    fprintf(f, "\n## Targets\n\nThe \"Done when\" criteria of issue 16, and issue 17's "
               "aim for the Python binding, on the medians "
               "above. They judge the 100,000 and 1,000,000 cases; the verdicts of "
               "smaller sizes are in parentheses, for reference.\n\n"
               "| target | N | measured | limit | verdict |\n|---|---:|---|---|---|\n");
    for (size_t i = 0; i < nrows; i++)
        fprintf(f, "| %s | %s | %s | %s | %s |\n", rows[i].what, rows[i].size,
                rows[i].measured, rows[i].limit, rows[i].verdict);
    scaling_copy_section(path, f); /* written by --scaling, kept */
    if (fclose(f) != 0 || rename(tmp, path) != 0)
        bench_die("cannot write %s", path);
    printf("\nwrote %s\n", path);
}
