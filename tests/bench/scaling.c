/*
 * kpi-bench --scaling [--quick] [--strict] [--runs K] [--rounds R]
 *                     [--factor F] [--only TEXT] [--list] [--markdown FILE]
 *
 * Times each path of scaling_paths.c at n and at 4n and prints, per path,
 * both times, the exponent log(t(4n) / t(n)) / log 4 and a verdict: "ok",
 * or "SUPERLINEAR" when the exponent is above 1.2. Figures, not a test:
 * the exit status is 0 unless a path fails to run, or, with --strict, a
 * path is superlinear.
 *
 * A time is the best of at least K samples (default 5; up to 5K while the
 * path has taken under 0.4 s), on CLOCK_MONOTONIC, the samples at n and
 * at 4n taken in turn so that both see the same load of the machine. A
 * sample at n repeats a fast operation to take at least 2 ms, one at 4n a
 * quarter as many times, so that samples of both sizes last about as long
 * and are as likely to be interrupted; the time shown is per operation.
 * The operations at n go over four different inputs of size n in turn, so
 * that both sizes touch as much memory: an input of n that stays in the
 * CPU's caches, timed against one of 4n that does not, would read as
 * superlinear with no more work done per byte.
 * --rounds R measures every path R times, one round after the other, and
 * keeps the best times: on a busy machine, more chances of a quiet moment.
 * When one operation at n takes over 0.25 s, n is divided by 4 until it
 * does not, so that a quadratic path cannot take minutes.
 *
 * Freed memory stays in the process (glibc's mallopt: no mmap, no
 * trimming), so that a large output is not mapped afresh by the kernel at
 * every run: a 16 MB report would otherwise cost page faults that a 4 MB
 * one, reused from the heap, does not, and show as superlinear where
 * libkpi's work is linear.
 *
 * --quick (the kpi.bench_scaling_smoke test) runs each path once at
 * n / 64: it checks that every path runs, and its figures mean nothing.
 */
#define _POSIX_C_SOURCE 200809L

#include "scaling.h"

#include <errno.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define SUPERLINEAR 1.2      /* the exponent above which a path is marked */
#define MIN_SAMPLE 0.002     /* a sample repeats the operation to take this long */
#define MAX_SINGLE 0.25      /* n is cut when one operation takes longer */
#define PATH_BUDGET 0.4      /* more samples than asked while a path took less */
#define MORE_RUNS 5          /* ... up to this many times as many */
#define QUICK_DIVISOR 64     /* --quick runs n / 64 */
#define COPIES 4             /* inputs of size n, used in turn: as much memory as 4n */
#define SECTION "## Scaling" /* the heading of the Markdown section */

#define SCALING_COMMAND                                                                  \
    "cmake --build build --target kpi-bench && "                                         \
    "build/tests/bench/kpi-bench --scaling --rounds 3 --markdown docs/performance.md"

struct scaling_options {
    int quick, strict, list, runs, rounds;
    double factor; /* --factor: every n times this */
    const char *only;
    const char *markdown;
    const char *runs_text, *factor_text, *rounds_text;
};

/* One path's figures. */
struct scaling_row {
    const struct scaling_path *path;
    long n, reps1, reps4;    /* a sample at n repeats the operation reps1 times */
    double t1, t4, exponent; /* seconds per operation */
    int rc;                  /* KPI_OK, or the error that stopped the path */
};

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int scaling_wanted(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        if (!strcmp(argv[i], "--scaling"))
            return 1;
    return 0;
}

/* ---- timing ---- */

/* One sample: @p reps operations on the @p count inputs in turn; the
 * seconds they took, or < 0. */
static double sample(const struct scaling_input *in, size_t count, long reps, int *rc)
{
    double start = now();
    for (long r = 0; r < reps && *rc == KPI_OK; r++)
        *rc = in->path->run(&in[(size_t)r % count]);
    return *rc == KPI_OK ? now() - start : -1;
}

/* The best of the samples at n and at 4n, taken in turn so that both see
 * the same load from whatever else runs on the machine; per operation.
 * At least @p runs of each, more while the path has taken under
 * PATH_BUDGET, up to @p most. */
static void best(struct scaling_row *row, const struct scaling_input *in1,
                 const struct scaling_input *in4, int runs, int most)
{
    double best1 = INFINITY, best4 = INFINITY, spent = 0;
    for (int k = 0; row->rc == KPI_OK && k < most; k++) {
        if (k >= runs && spent > PATH_BUDGET)
            break;
        double s1 = sample(in1, COPIES, row->reps1, &row->rc);
        double s4 = row->rc == KPI_OK ? sample(in4, 1, row->reps4, &row->rc) : 0;
        best1 = s1 < best1 ? s1 : best1;
        best4 = s4 < best4 ? s4 : best4;
        spent += s1 + s4;
    }
    row->t1 = fmin(row->t1, best1 / (double)row->reps1);
    row->t4 = fmin(row->t4, best4 / (double)row->reps4);
}

/* How many operations a sample repeats so that it takes MIN_SAMPLE. */
static long calibrate(double one)
{
    long reps = COPIES;
    while (one * (double)reps < MIN_SAMPLE && reps < (1L << 24))
        reps *= 2;
    return reps;
}

/* Builds the input of size n; KPI_OK or the error. */
static int prepare(struct scaling_input *in, const struct scaling_path *path, long n)
{
    memset(in, 0, sizeof *in);
    in->path = path;
    in->n = n;
    int rc = path->prepare(in);
    if (rc != KPI_OK)
        fprintf(stderr, "scaling: %s: preparing n = %ld failed: %s\n", path->name, n,
                kpi_error_message());
    return rc;
}

/* Chooses n (cut while one operation takes over MAX_SINGLE) and the
 * repetitions; leaves the input of that n prepared. */
static void choose_n(struct scaling_row *row, struct scaling_input *in,
                     const struct scaling_options *o)
{
    const struct scaling_path *p = row->path;
    long n = (long)((double)p->n * o->factor);
    if (o->quick)
        n = n / QUICK_DIVISOR > 0 ? n / QUICK_DIVISOR : 1;
    if (p->max && n * 4 > p->max)
        n = p->max / 4;
    for (;;) {
        row->n = n;
        row->rc = prepare(in, p, n);
        if (row->rc != KPI_OK)
            return;
        double one = sample(in, 1, 1, &row->rc);
        if (row->rc != KPI_OK || o->quick || one <= MAX_SINGLE || n < 16) {
            row->reps1 = o->quick ? COPIES : calibrate(one);
            row->reps4 = row->reps1 / COPIES;
            return;
        }
        scaling_input_free(in);
        n /= 4;
    }
}

/* Measures the path; after the first round, at the n chosen then, keeping
 * the best times of every round. */
static void measure_path(struct scaling_row *row, const struct scaling_options *o,
                         int round)
{
    struct scaling_input in1[COPIES], in4;
    memset(in1, 0, sizeof in1);
    memset(&in4, 0, sizeof in4);
    if (round == 0)
        choose_n(row, &in1[0], o);
    else
        row->rc = prepare(&in1[0], row->path, row->n);
    for (size_t k = 1; k < COPIES && row->rc == KPI_OK; k++)
        row->rc = prepare(&in1[k], row->path, row->n);
    if (row->rc == KPI_OK)
        row->rc = prepare(&in4, row->path, row->n * 4);
    if (row->rc == KPI_OK)
        best(row, in1, &in4, o->quick ? 1 : o->runs, o->quick ? 1 : o->runs * MORE_RUNS);
    for (size_t k = 0; k < COPIES; k++)
        scaling_input_free(&in1[k]);
    scaling_input_free(&in4);
    if (row->rc != KPI_OK)
        fprintf(stderr, "scaling: %s: failed: %s\n", row->path->name,
                kpi_error_message());
    row->exponent = log(row->t4 / row->t1) / log(4.0);
}

/* The rows of the paths selected, or NULL; their count in @p count. */
static struct scaling_row *select_rows(const struct scaling_options *o, size_t *count)
{
    struct scaling_row *rows = calloc(scaling_path_count, sizeof *rows);
    *count = 0;
    for (size_t i = 0; rows && i < scaling_path_count; i++) {
        if (o->only && !strstr(scaling_paths[i].area, o->only) &&
            !strstr(scaling_paths[i].name, o->only))
            continue;
        rows[*count].path = &scaling_paths[i];
        rows[*count].t1 = rows[*count].t4 = INFINITY;
        ++*count;
    }
    return rows;
}

/* ---- printing ---- */

static const char *verdict(const struct scaling_row *r)
{
    if (r->rc != KPI_OK)
        return "FAILED";
    return r->exponent > SUPERLINEAR ? "SUPERLINEAR" : "ok";
}

/* n with thousands separators. */
static const char *fmt_n(char *buf, size_t size, long n)
{
    char digits[32];
    int len = snprintf(digits, sizeof digits, "%ld", n), at = 0;
    for (int i = 0; i < len && (size_t)at + 2 < size; i++) {
        if (i && (len - i) % 3 == 0)
            buf[at++] = ',';
        buf[at++] = digits[i];
    }
    buf[at] = '\0';
    return buf;
}

/* Milliseconds with three significant digits or so. */
static const char *fmt_ms(char *buf, size_t size, double s)
{
    double ms = s * 1e3;
    snprintf(buf, size,
             ms >= 100  ? "%.0f"
             : ms >= 10 ? "%.1f"
             : ms >= 1  ? "%.2f"
                        : "%.4f",
             ms);
    return buf;
}

/* Prints @p text padded to @p cells terminal cells (CJK counted as two). */
static void print_padded(const char *text, int cells)
{
    int width = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        if ((*p & 0xC0) != 0x80)
            width += *p >= 0xE3 ? 2 : 1; /* U+3000 and above: wide in what we print */
    printf("%s%*s", text, cells > width ? cells - width : 0, "");
}

/* The load average over the last minute, or -1: busy cores make the
 * figures noisy. */
static double load_average(void)
{
    double load = -1;
    FILE *f = fopen("/proc/loadavg", "r");
    if (f && fscanf(f, "%lf", &load) != 1)
        load = -1;
    if (f)
        fclose(f);
    return load;
}

static void print_header(const struct scaling_info *info, const struct scaling_options *o)
{
    printf("kpi-bench --scaling: libkpi %s, %s, build %s; %s; load average %.2f\n",
           kpi_version(), info->compiler, info->build_type, info->machine,
           load_average());
    printf("each path at n and 4n, best of at least %d samples in each of %d round(s); "
           "exponent = log(t(4n)/t(n)) / log 4; SUPERLINEAR above %.1f%s\n\n",
           o->quick ? 1 : o->runs, o->rounds, SUPERLINEAR,
           o->quick ? " (--quick: tiny n, figures meaningless)" : "");
    print_padded("area", 16);
    print_padded("path", 46);
    printf("%10s %-12s %10s %10s %8s  %s\n", "n", "unit", "t(n) ms", "t(4n) ms",
           "exponent", "verdict");
}

/* The exponent, or "-" when the path failed. */
static const char *fmt_exponent(char *buf, size_t size, const struct scaling_row *r)
{
    if (r->rc != KPI_OK)
        return "-";
    snprintf(buf, size, "%.2f", r->exponent);
    return buf;
}

static void print_row(const struct scaling_row *r)
{
    char n[32], t1[32], t4[32], e[32];
    print_padded(r->path->area, 16);
    print_padded(r->path->name, 46);
    printf("%10s %-12s %10s %10s %8s  %s\n", fmt_n(n, sizeof n, r->n), r->path->unit,
           fmt_ms(t1, sizeof t1, r->t1), fmt_ms(t4, sizeof t4, r->t4),
           fmt_exponent(e, sizeof e, r), verdict(r));
    fflush(stdout);
}

/* Counts the rows that failed and that are superlinear. */
static void tally(const struct scaling_row *rows, size_t count, size_t *failed,
                  size_t *superlinear)
{
    *failed = *superlinear = 0;
    for (size_t i = 0; i < count; i++) {
        if (rows[i].rc != KPI_OK)
            ++*failed;
        else if (rows[i].exponent > SUPERLINEAR)
            ++*superlinear;
    }
}

static void print_summary(const struct scaling_row *rows, size_t count)
{
    size_t failed, superlinear;
    tally(rows, count, &failed, &superlinear);
    printf("\nscaling: %zu paths run, %zu superlinear, %zu failed\n", count, superlinear,
           failed);
    for (size_t i = 0; i < count; i++)
        if (rows[i].rc == KPI_OK && rows[i].exponent > SUPERLINEAR)
            printf("  SUPERLINEAR: %s (%s), exponent %.2f\n", rows[i].path->name,
                   rows[i].path->area, rows[i].exponent);
}

/* ---- the Markdown section ---- */

static void write_section(FILE *f, const struct scaling_row *rows, size_t count,
                          const struct scaling_info *info,
                          const struct scaling_options *o)
{
    char date[64];
    time_t t = time(NULL);
    strftime(date, sizeof date, "%Y-%m-%d %H:%M UTC", gmtime(&t));
    fprintf(f,
            SECTION "\n\n"
                    "How the cost of each path grows with its input: the time of one "
                    "operation at n and at 4n, on inputs built in memory, and the "
                    "exponent log(t(4n) / t(n)) / log 4 (1 is linear, 2 quadratic); "
                    "a path above %.1f is marked SUPERLINEAR. Times in milliseconds, "
                    "the best of at least %d samples in each of %d round(s). Written "
                    "by\n\n    " SCALING_COMMAND "\n\n"
                    "which rewrites this section only (the command above the others "
                    "keeps it); `--strict` makes a superlinear path fail the run. "
                    "`tests/bench/README.md` lists the inputs and how to read the "
                    "figures and why each n: on a busy machine exponents read high, and "
                    "plans that outgrow the CPU's caches can read 1.1–1.4 from the "
                    "memory hierarchy alone; an exponent near 2 is an algorithm.\n\n",
            SUPERLINEAR, o->runs, o->rounds);
    fprintf(f,
            "Measured %s on %s (load average %.2f at the end), libkpi %s, %s, build "
            "type %s.\n\n",
            date, info->machine, load_average(), kpi_version(), info->compiler,
            info->build_type);
    fprintf(f, "| area | path | n | t(n) ms | t(4n) ms | exponent | verdict |\n"
               "|---|---|---:|---:|---:|---:|---|\n");
    for (size_t i = 0; i < count; i++) {
        const struct scaling_row *r = &rows[i];
        char n[32], t1[32], t4[32], e[32];
        fprintf(f, "| %s | %s | %s %s | %s | %s | %s | %s |\n", r->path->area,
                r->path->name, fmt_n(n, sizeof n, r->n), r->path->unit,
                fmt_ms(t1, sizeof t1, r->t1), fmt_ms(t4, sizeof t4, r->t4),
                fmt_exponent(e, sizeof e, r),
                r->exponent > SUPERLINEAR ? "**SUPERLINEAR**" : verdict(r));
    }
    size_t failed, superlinear;
    tally(rows, count, &failed, &superlinear);
    fprintf(f, "\n%zu paths, %zu superlinear%s", count, superlinear,
            superlinear ? ":" : ".");
    for (size_t i = 0, k = 0; i < count; i++)
        if (rows[i].rc == KPI_OK && rows[i].exponent > SUPERLINEAR)
            fprintf(f, " %s (%.2f)%s", rows[i].path->name, rows[i].exponent,
                    ++k < superlinear ? ";" : ".");
    fprintf(f, "\n");
}

/* The whole file, or NULL when it cannot be read. */
static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t size = 0, cap = 1 << 16;
    char *data = malloc(cap);
    for (size_t got; data && (got = fread(data + size, 1, cap - size - 1, f)) > 0;) {
        size += got;
        if (cap - size < 2) {
            char *more = realloc(data, cap *= 2);
            if (!more)
                free(data);
            data = more;
        }
    }
    fclose(f);
    if (data)
        data[size] = '\0';
    return data;
}

/* The section's start and end in @p text (the next "## " heading or the
 * end); NULL when there is none. */
static const char *find_section(const char *text, const char **end)
{
    const char *at = text;
    while ((at = strstr(at, SECTION "\n")) && at != text && at[-1] != '\n')
        at++;
    if (!at)
        return NULL;
    const char *next = strstr(at + 1, "\n## ");
    *end = next ? next + 1 : at + strlen(at);
    return at;
}

void scaling_copy_section(const char *path, FILE *out)
{
    char *text = slurp(path);
    const char *end, *start = text ? find_section(text, &end) : NULL;
    if (start)
        fprintf(out, "\n%.*s", (int)(end - start), start);
    free(text);
}

/* Replaces the section in @p path, or appends it. */
static int write_markdown(const char *path, const struct scaling_row *rows, size_t count,
                          const struct scaling_info *info,
                          const struct scaling_options *o)
{
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    char *text = slurp(path);
    const char *end = NULL, *start = text ? find_section(text, &end) : NULL;
    FILE *f = fopen(tmp, "w");
    if (!f) {
        fprintf(stderr, "scaling: cannot write %s: %s\n", tmp, strerror(errno));
        free(text);
        return 2;
    }
    if (text && start)
        fprintf(f, "%.*s", (int)(start - text), text);
    else if (text && *text)
        fprintf(f, "%s%s\n", text, text[strlen(text) - 1] == '\n' ? "" : "\n");
    write_section(f, rows, count, info, o);
    if (start && *end)
        fprintf(f, "\n%s", end);
    free(text);
    if (fclose(f) != 0 || rename(tmp, path) != 0) {
        fprintf(stderr, "scaling: cannot write %s\n", path);
        return 2;
    }
    printf("wrote the scaling section of %s\n", path);
    return 0;
}

/* ---- main ---- */

static void usage(FILE *f)
{
    fputs("usage: kpi-bench --scaling [--quick] [--strict] [--runs K] [--rounds R]\n"
          "                           [--factor F] [--only TEXT] [--list] [--markdown "
          "FILE]\n"
          "Times each path of libkpi at n and 4n and prints the exponent; SUPERLINEAR\n"
          "above 1.2. --strict: exit 1 when a path is superlinear. --quick: tiny n, one\n"
          "run (checks that every path runs). --runs: at least K samples a size and\n"
          "round (5). --rounds: measure every path R times, keep the best times (1).\n"
          "--factor: every n times F (within the API's limits). --only: the paths whose\n"
          "area or name contains TEXT. --list: the paths, one a line. See\n"
          "tests/bench/README.md.\n",
          f);
}

/* The flag @p a sets, or NULL. */
static int *flag(struct scaling_options *o, const char *a)
{
    if (!strcmp(a, "--quick"))
        return &o->quick;
    if (!strcmp(a, "--strict"))
        return &o->strict;
    if (!strcmp(a, "--list"))
        return &o->list;
    return NULL;
}

/* The option @p a sets from its argument, or NULL. */
static const char **option(struct scaling_options *o, const char *a)
{
    if (!strcmp(a, "--only"))
        return &o->only;
    if (!strcmp(a, "--markdown"))
        return &o->markdown;
    if (!strcmp(a, "--runs"))
        return &o->runs_text;
    if (!strcmp(a, "--factor"))
        return &o->factor_text;
    if (!strcmp(a, "--rounds"))
        return &o->rounds_text;
    return NULL;
}

/* -1 to go on, else the exit status (0 after --help, 2 on a usage error). */
static int parse_options(struct scaling_options *o, int argc, char **argv)
{
    *o = (struct scaling_options){0, 0, 0, 5, 1, 1.0, NULL, NULL, NULL, NULL, NULL};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int *f = flag(o, a);
        const char **v = option(o, a);
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(stdout);
            return 0;
        } else if (f) {
            *f = 1;
        } else if (v && i + 1 < argc) {
            *v = argv[++i];
        } else if (strcmp(a, "--scaling")) {
            usage(stderr);
            return 2;
        }
    }
    if (o->factor_text)
        o->factor = strtod(o->factor_text, NULL);
    if (o->rounds_text)
        o->rounds = atoi(o->rounds_text);
    if ((o->runs_text && (o->runs = atoi(o->runs_text)) < 1) || !(o->factor > 0) ||
        o->rounds < 1) {
        usage(stderr);
        return 2;
    }
    return -1;
}

/* Keeps freed memory in the heap for the next run (see the top). */
static void keep_memory(void)
{
#ifdef __GLIBC__
    mallopt(M_MMAP_MAX, 0);
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
}

int scaling_main(int argc, char **argv, const struct scaling_info *info)
{
    struct scaling_options o;
    int status = parse_options(&o, argc, argv);
    if (status >= 0)
        return status;
    status = 0;
    if (o.list) {
        for (size_t i = 0; i < scaling_path_count; i++)
            printf("%s\n", scaling_paths[i].name);
        return 0;
    }
    size_t count;
    struct scaling_row *rows = select_rows(&o, &count);
    if (!rows)
        return 2;
    keep_memory();
    print_header(info, &o);
    for (int round = 0; round < o.rounds; round++) {
        for (size_t i = 0; i < count; i++) {
            if (rows[i].rc == KPI_OK)
                measure_path(&rows[i], &o, round);
            if (round == o.rounds - 1)
                print_row(&rows[i]);
        }
        if (round < o.rounds - 1)
            fprintf(stderr, "scaling: round %d of %d done\n", round + 1, o.rounds);
    }
    print_summary(rows, count);
    size_t failed, superlinear;
    tally(rows, count, &failed, &superlinear);
    if (o.markdown && !o.quick && !o.only && !failed)
        status = write_markdown(o.markdown, rows, count, info, &o);
    else if (o.markdown)
        printf("not writing %s: only a full run with every path run is written\n",
               o.markdown);
    free(rows);
    if (failed)
        return 1;
    return status ? status : o.strict && superlinear ? 1 : 0;
}
