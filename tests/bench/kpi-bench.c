/*
 * kpi-bench: how fast and how lean libkpi is on national plans, against the
 * floor (libcsv alone) and against two peers (pandas, SQLite) that compute
 * the same ratings from the same files.
 *
 *   kpi-bench [--sizes N,N,...] [--quick] [--seed S] [--work DIR] [--runs K]
 *             [--as-of YYYY-MM-DD] [--python PATH] [--peers DIR] [--no-peers]
 *             [--agree-only] [--markdown FILE]
 *
 * For each N (default 10000, 100000, 1000000; --quick: 10000) it generates
 * the two plan files with kpi-gen (reused when already in the work
 * directory), then measures each thing in a fresh child process (this
 * program run again with --child, or the peer's interpreter), so that the
 * peak memory of each phase is its own:
 *
 * - the floor: both files read into memory and parsed by libcsv with empty
 *   callbacks and the options libkpi uses;
 * - libkpi: kpi_reader_read_files(), kpi_evaluate() and
 *   kpi_evaluation_render() to JSON, each timed, with the peak RSS
 *   (VmHWM) after each;
 * - end to end, timed from fork to exit by this driver: libkpi (load,
 *   evaluate, write every rating, free), peer_pandas.py and peer_sqlite.py
 *   (each writes the same ratings file);
 * - and the agreement: every target's, goal's and the plan's rating of each
 *   peer against libkpi's; a difference fails the run.
 *
 * Times are the best of 3 runs up to 100,000 targets and of 1 run above
 * (--runs overrides); peak RSS is the largest seen. It prints a table per
 * N, a summary, and a verdict per target of ISSUE 9 ("met", or "missed by
 * X×"); --markdown FILE writes the same as docs/performance.md with the
 * machine it ran on. --agree-only (the bench_smoke test) checks the
 * agreement only, with no timing verdicts, and fails when a peer cannot
 * run. --scaling times each path at n and 4n instead (scaling.c). See
 * tests/bench/README.md.
 */
#define _DEFAULT_SOURCE /* wait4 */
#define _POSIX_C_SOURCE 200809L

#include <kpi.h>

#include "scaling.h"

#include <csv.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/types.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifndef KPI_GEN_VERSION
#define KPI_GEN_VERSION 1
#endif
#ifndef KPI_BENCH_SOURCE_DIR
#define KPI_BENCH_SOURCE_DIR "tests/bench"
#endif
#ifndef KPI_BENCH_WORK_DIR
#define KPI_BENCH_WORK_DIR "build/bench-data"
#endif
#ifndef KPI_BENCH_BUILD_TYPE
#define KPI_BENCH_BUILD_TYPE ""
#endif

/* The command that writes docs/performance.md, quoted in its header. */
#define BENCH_COMMAND                                                                    \
    "cmake --build build --target kpi-bench && "                                         \
    "build/tests/bench/kpi-bench --markdown docs/performance.md"

#if defined(__clang__)
#define COMPILER "clang " __clang_version__
#elif defined(__GNUC__)
#define COMPILER "gcc " __VERSION__
#else
#define COMPILER "unknown compiler"
#endif

/* The targets of ISSUE 9. */
#define FLOOR_FACTOR 2.0           /* load + evaluate within 2× the libcsv floor */
#define EVAL_SECONDS_1M 0.5        /* evaluate 1M targets in under 0.5 s */
#define BYTES_PER_TARGET 200.0     /* peak memory under 200 B a target */
#define BYTES_PER_MEASUREMENT 32.0 /* ... plus 32 B a measurement */
#define PEER_FACTOR 10.0           /* at least 10× faster than each peer */
#define LINEAR_SLACK 1.25          /* per-target cost may grow this much, 10k → 1M */

#define MAX_SIZES 16
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

#if defined(__GNUC__)
__attribute__((format(printf, 1, 2), noreturn))
#endif
static void
die(const char *fmt, ...);

static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("kpi-bench: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(2);
}

static void *xmalloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (!p)
        die("out of memory (%zu bytes)", size);
    return p;
}

/* ---- /proc/self/status ---- */

/* The value in kB of a "Key:   123 kB" line of /proc/self/status, or -1. */
static long status_kb(const char *key)
{
    FILE *f = fopen("/proc/self/status", "r");
    if (!f)
        return -1;
    char line[256];
    long kb = -1;
    size_t n = strlen(key);
    while (fgets(line, sizeof line, f))
        if (!strncmp(line, key, n) && line[n] == ':') {
            kb = strtol(line + n + 1, NULL, 10);
            break;
        }
    fclose(f);
    return kb;
}

/* ---- child: the floor ---- */

static long long floor_fields, floor_rows;

static void on_field(void *data, size_t size, void *context)
{
    (void)data;
    (void)size;
    (void)context;
    floor_fields++;
}

static void on_row(int terminator, void *context)
{
    (void)terminator;
    (void)context;
    floor_rows++;
}

static char *read_whole(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        die("cannot open %s: %s", path, strerror(errno));
    struct stat st;
    if (fstat(fileno(f), &st) != 0)
        die("cannot stat %s: %s", path, strerror(errno));
    char *data = xmalloc((size_t)st.st_size + 1);
    *size = fread(data, 1, (size_t)st.st_size, f);
    if (*size != (size_t)st.st_size)
        die("short read of %s", path);
    fclose(f);
    return data;
}

/* Parses like lib/csv_read.c does: the same options and block size. */
static void parse_floor(const char *data, size_t size, const char *path)
{
    struct csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0)
        die("csv_init failed");
    csv_set_blk_size(&p, 16384);
    if (csv_parse(&p, data, size, on_field, on_row, NULL) != size ||
        csv_fini(&p, on_field, on_row, NULL) != 0)
        die("%s: libcsv: %s", path, csv_strerror(csv_error(&p)));
    csv_free(&p);
}

static int child_floor(char **argv)
{
    double t0 = now();
    size_t s_size, p_size;
    char *s = read_whole(argv[0], &s_size);
    char *p = read_whole(argv[1], &p_size);
    double t1 = now();
    parse_floor(s, s_size, argv[0]);
    parse_floor(p, p_size, argv[1]);
    double t2 = now();
    printf("read=%.9f\nparse=%.9f\ntotal=%.9f\nrows=%lld\nfields=%lld\nbytes=%zu\n"
           "hwm_kb=%ld\n",
           t1 - t0, t2 - t1, t2 - t0, floor_rows, floor_fields, s_size + p_size,
           status_kb("VmHWM"));
    free(s);
    free(p);
    return 0;
}

/* ---- child: libkpi ---- */

static void count_goal(kpi_goal *g, long long *goals, long long *targets,
                       long long *measurements)
{
    (*goals)++;
    for (size_t i = 0; i < kpi_goal_target_count(g); i++) {
        (*targets)++;
        *measurements +=
            (long long)kpi_target_measurement_count(kpi_goal_target_at(g, i));
    }
    for (size_t i = 0; i < kpi_goal_goal_count(g); i++)
        count_goal(kpi_goal_goal_at(g, i), goals, targets, measurements);
}

/* first_warning, when not NULL, has room for 512 bytes. */
static kpi_plan *load_plan(const char *structure, const char *progress, size_t *warnings,
                           char *first_warning)
{
    kpi_reader *reader;
    kpi_plan *plan;
    if (kpi_reader_new(&reader) != KPI_OK)
        die("kpi_reader_new: %s", kpi_error_message());
    /* The peers read what the files say, and so does libkpi here: the
     * generated files give every field, and the words of their notes
     * (「…：準備中」) would otherwise give statuses (docs/progress.md) that the
     * peers' rules do not read. */
    if (kpi_reader_set_infer(reader, 0) != KPI_OK)
        die("kpi_reader_set_infer: %s", kpi_error_message());
    if (kpi_reader_read_files(&plan, reader, structure, progress) != KPI_OK)
        die("libkpi cannot read the files: %s", kpi_error_message());
    *warnings = kpi_reader_warning_count(reader);
    if (*warnings && first_warning)
        snprintf(first_warning, 512, "%s", kpi_reader_warning_at(reader, 0));
    kpi_reader_free(reader);
    return plan;
}

static int32_t parse_as_of(const char *text)
{
    int32_t date;
    if (kpi_date_parse(&date, text) != KPI_OK)
        die("--as-of: %s", kpi_error_message());
    return date;
}

/* load, evaluate, render: each timed, with the peak RSS after each. */
static int child_libkpi(char **argv)
{
    size_t warnings;
    int32_t as_of = parse_as_of(argv[2]);
    long start_kb = status_kb("VmHWM");
    double t0 = now();
    char first_warning[512] = "";
    kpi_plan *plan = load_plan(argv[0], argv[1], &warnings, first_warning);
    double t1 = now();
    long hwm_load = status_kb("VmHWM"), rss_load = status_kb("VmRSS");
    kpi_evaluation *ev;
    double t2 = now();
    if (kpi_evaluate(&ev, plan, as_of, NULL) != KPI_OK)
        die("kpi_evaluate: %s", kpi_error_message());
    double t3 = now();
    long hwm_eval = status_kb("VmHWM");
    char *json;
    size_t json_size;
    double t4 = now();
    if (kpi_evaluation_render(&json, &json_size, ev, KPI_FORMAT_JSON, KPI_LANG_JA) !=
        KPI_OK)
        die("kpi_evaluation_render: %s", kpi_error_message());
    double t5 = now();
    long hwm_render = status_kb("VmHWM");
    long long goals = 0, targets = 0, measurements = 0;
    for (size_t i = 0; i < kpi_plan_goal_count(plan); i++)
        count_goal(kpi_plan_goal_at(plan, i), &goals, &targets, &measurements);
    size_t results = kpi_evaluation_result_count(ev);
    double t6 = now();
    kpi_free(json);
    kpi_evaluation_free(ev);
    kpi_plan_free(plan);
    double t7 = now();
    printf("load=%.9f\neval=%.9f\nrender=%.9f\nfree=%.9f\njson_bytes=%zu\n"
           "start_kb=%ld\nhwm_load_kb=%ld\nrss_load_kb=%ld\nhwm_eval_kb=%ld\n"
           "hwm_render_kb=%ld\ngoals=%lld\ntargets=%lld\nmeasurements=%lld\n"
           "results=%zu\nwarnings=%zu\n",
           t1 - t0, t3 - t2, t5 - t4, t7 - t6, json_size, start_kb, hwm_load, rss_load,
           hwm_eval, hwm_render, goals, targets, measurements, results, warnings);
    first_warning[strcspn(first_warning, "\n")] = '\0';
    printf("first_warning=%s\n", first_warning);
    return 0;
}

static const char *rating_text(const kpi_result *r, char *buf, size_t size)
{
    kpi_rating rating = kpi_result_rating(r);
    if (rating != KPI_RATING_NONE)
        return kpi_rating_name(rating);
    snprintf(buf, size, "unrated:%s", kpi_unrated_name(kpi_result_unrated(r)));
    return buf;
}

/* What a program using libkpi does: load, evaluate, write every rating,
 * free; timed from outside like the peers. */
static int child_e2e(char **argv)
{
    size_t warnings;
    int32_t as_of = parse_as_of(argv[2]);
    kpi_plan *plan = load_plan(argv[0], argv[1], &warnings, NULL);
    kpi_evaluation *ev;
    if (kpi_evaluate(&ev, plan, as_of, NULL) != KPI_OK)
        die("kpi_evaluate: %s", kpi_error_message());
    FILE *f = fopen(argv[3], "w");
    if (!f)
        die("cannot write %s: %s", argv[3], strerror(errno));
    size_t count = kpi_evaluation_result_count(ev);
    for (size_t i = 0; i < count; i++) {
        const kpi_result *r = kpi_evaluation_result_at(ev, i);
        char buf[64];
        fprintf(f, "%s,%s\n", kpi_result_code(r), rating_text(r, buf, sizeof buf));
    }
    if (fclose(f) != 0)
        die("cannot write %s", argv[3]);
    kpi_evaluation_free(ev);
    kpi_plan_free(plan);
    printf("results=%zu\n", count);
    return 0;
}

static int child_main(int argc, char **argv)
{
    if (argc >= 1 && !strcmp(argv[0], "empty")) {
        printf("hwm_kb=%ld\n", status_kb("VmHWM"));
        return 0;
    }
    if (argc == 3 && !strcmp(argv[0], "floor"))
        return child_floor(argv + 1);
    if (argc == 4 && !strcmp(argv[0], "libkpi"))
        return child_libkpi(argv + 1);
    if (argc == 5 && !strcmp(argv[0], "e2e"))
        return child_e2e(argv + 1);
    die("bad --child arguments");
    return 2;
}

/* ---- running children ---- */

struct run {
    double wall;     /* fork to exit, seconds */
    long max_rss_kb; /* the child's (and its waited children's) peak RSS */
    int ok;          /* exited with status 0 */
    char *out;       /* its stdout */
    char *err;       /* its stderr, when captured */
};

static void read_fd(int fd, char **out)
{
    size_t size = 0, capacity = 4096;
    char *buf = xmalloc(capacity);
    for (;;) {
        if (size + 1024 > capacity) {
            capacity *= 2;
            char *grown = realloc(buf, capacity);
            if (!grown)
                die("out of memory");
            buf = grown;
        }
        ssize_t n = read(fd, buf + size, capacity - size - 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        size += (size_t)n;
    }
    buf[size] = '\0';
    *out = buf;
}

/* Runs argv with stdout captured, and stderr too when capture_err (into a
 * temporary file, so that a chatty child cannot block on a full pipe);
 * otherwise its stderr is ours. */
static void run_child(char *const argv[], int capture_err, struct run *r)
{
    int out[2];
    FILE *err = capture_err ? tmpfile() : NULL;
    if (pipe(out) != 0 || (capture_err && !err))
        die("pipe: %s", strerror(errno));
    fflush(stdout);
    fflush(stderr);
    double t0 = now();
    pid_t pid = fork();
    if (pid < 0)
        die("fork: %s", strerror(errno));
    if (pid == 0) {
        dup2(out[1], 1);
        close(out[0]);
        close(out[1]);
        if (err)
            dup2(fileno(err), 2);
        execvp(argv[0], argv);
        fprintf(stderr, "cannot run %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    close(out[1]);
    read_fd(out[0], &r->out);
    close(out[0]);
    int status;
    struct rusage ru;
    while (wait4(pid, &status, 0, &ru) < 0)
        if (errno != EINTR)
            die("wait4: %s", strerror(errno));
    r->wall = now() - t0;
    r->max_rss_kb = ru.ru_maxrss;
    r->ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    r->err = NULL;
    if (err) {
        rewind(err);
        read_fd(fileno(err), &r->err);
        fclose(err);
    }
}

static void run_free(struct run *r)
{
    free(r->out);
    free(r->err);
    r->out = r->err = NULL;
}

/* The number after "key=" on a line of text; NAN when absent. */
static double kv(const char *text, const char *key)
{
    size_t n = strlen(key);
    for (const char *p = text; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
        if (!strncmp(p, key, n) && p[n] == '=')
            return strtod(p + n + 1, NULL);
    return NAN;
}

/* The text after "key=" to the end of its line, in buf ("" when absent). */
static const char *kv_text(const char *text, const char *key, char *buf, size_t size)
{
    size_t n = strlen(key);
    buf[0] = '\0';
    for (const char *p = text; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
        if (!strncmp(p, key, n) && p[n] == '=') {
            p += n + 1;
            size_t len = strcspn(p, "\n");
            snprintf(buf, size, "%.*s", (int)(len < size ? len : size - 1), p);
            break;
        }
    return buf;
}

/* The last non-empty line of text, trimmed, in buf. */
static const char *last_line(const char *text, char *buf, size_t size)
{
    const char *end = text + strlen(text);
    while (end > text && (end[-1] == '\n' || end[-1] == '\r' || end[-1] == ' '))
        end--;
    const char *start = end;
    while (start > text && start[-1] != '\n')
        start--;
    size_t n = (size_t)(end - start);
    if (n >= size)
        n = size - 1;
    memcpy(buf, start, n);
    buf[n] = '\0';
    return buf;
}

/* ---- ratings files and agreement ---- */

struct entry {
    char *code;
    char *rating;
};

struct ratings {
    struct entry *items;
    size_t count;
    char *text;
};

static int entry_cmp(const void *a, const void *b)
{
    return strcmp(((const struct entry *)a)->code, ((const struct entry *)b)->code);
}

/* Reads `code,rating` lines (the code possibly CSV-quoted; the rating has no
 * comma, so the line splits at its last comma). */
static int ratings_read(struct ratings *r, const char *path)
{
    size_t size;
    FILE *f = fopen(path, "rb");
    memset(r, 0, sizeof *r);
    if (!f)
        return -1;
    fclose(f);
    r->text = read_whole(path, &size);
    r->text[size] = '\0';
    size_t lines = 0;
    for (size_t i = 0; i < size; i++)
        lines += r->text[i] == '\n';
    r->items = xmalloc((lines + 1) * sizeof *r->items);
    for (char *line = r->text; *line;) {
        char *nl = strchr(line, '\n');
        char *next = nl ? nl + 1 : line + strlen(line);
        if (nl)
            *nl = '\0';
        if (nl > line && nl[-1] == '\r')
            nl[-1] = '\0';
        char *comma = strrchr(line, ',');
        if (comma) {
            *comma = '\0';
            char *code = line;
            size_t n = strlen(code);
            if (n >= 2 && code[0] == '"' && code[n - 1] == '"') {
                code[n - 1] = '\0';
                code++;
            }
            r->items[r->count].code = code;
            r->items[r->count].rating = comma + 1;
            r->count++;
        }
        line = next;
    }
    qsort(r->items, r->count, sizeof *r->items, entry_cmp);
    return 0;
}

static void ratings_free(struct ratings *r)
{
    free(r->items);
    free(r->text);
}

/* Compares a peer's ratings with libkpi's: how many codes agree; prints
 * the first differences. Returns the number of disagreements. */
static long long agree(const struct ratings *kpi, const struct ratings *peer,
                       const char *name, long long *agreed)
{
    size_t i = 0, j = 0;
    long long bad = 0;
    *agreed = 0;
    while (i < kpi->count || j < peer->count) {
        int c = i == kpi->count    ? 1
                : j == peer->count ? -1
                                   : strcmp(kpi->items[i].code, peer->items[j].code);
        const char *what = NULL;
        char line[512];
        if (c < 0) {
            snprintf(line, sizeof line, "%s: libkpi %s, %s has no rating",
                     kpi->items[i].code, kpi->items[i].rating, name);
            what = line;
            i++;
        } else if (c > 0) {
            snprintf(line, sizeof line, "%s: %s %s, libkpi has no such code",
                     peer->items[j].code, name, peer->items[j].rating);
            what = line;
            j++;
        } else {
            if (strcmp(kpi->items[i].rating, peer->items[j].rating) != 0) {
                snprintf(line, sizeof line, "%s: libkpi %s, %s %s", kpi->items[i].code,
                         kpi->items[i].rating, name, peer->items[j].rating);
                what = line;
            } else {
                (*agreed)++;
            }
            i++;
            j++;
        }
        if (what && bad++ < 10)
            printf("    differs: %s\n", what);
    }
    if (bad > 10)
        printf("    ... and %lld more differences\n", bad - 10);
    return bad;
}

/* ---- the data ---- */

struct meta {
    long long plans, goals, targets, measurements, assessments;
    long long structure_bytes, progress_bytes;
};

static int meta_read(struct meta *m, const char *path, const char *structure,
                     const char *progress)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    char text[2048];
    size_t n = fread(text, 1, sizeof text - 1, f);
    text[n] = '\0';
    fclose(f);
    if (kv(text, "generator") != KPI_GEN_VERSION)
        return -1;
    m->plans = (long long)kv(text, "plans");
    m->goals = (long long)kv(text, "goals");
    m->targets = (long long)kv(text, "targets");
    m->measurements = (long long)kv(text, "measurements");
    m->assessments = (long long)kv(text, "assessments");
    m->structure_bytes = (long long)kv(text, "structure_bytes");
    m->progress_bytes = (long long)kv(text, "progress_bytes");
    struct stat s, p;
    if (stat(structure, &s) != 0 || stat(progress, &p) != 0 ||
        s.st_size != m->structure_bytes || p.st_size != m->progress_bytes)
        return -1;
    return 0;
}

/* Reads a file once so that every tool finds it in the page cache. */
static void warm(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return;
    static char buf[1 << 20];
    while (fread(buf, 1, sizeof buf, f) == sizeof buf)
        ;
    fclose(f);
}

/* ---- formatting ---- */

static const char *fmt_count(char *buf, size_t size, long long n)
{
    char digits[32];
    snprintf(digits, sizeof digits, "%lld", n);
    size_t len = strlen(digits), o = 0;
    for (size_t i = 0; i < len && o + 2 < size; i++) {
        if (i && (len - i) % 3 == 0)
            buf[o++] = ',';
        buf[o++] = digits[i];
    }
    buf[o] = '\0';
    return buf;
}

static const char *fmt_mb(char *buf, size_t size, double bytes)
{
    if (bytes >= 1e9)
        snprintf(buf, size, "%.2f GB", bytes / 1e9);
    else
        snprintf(buf, size, "%.1f MB", bytes / 1e6);
    return buf;
}

static const char *fmt_s(char *buf, size_t size, double s)
{
    if (isnan(s))
        snprintf(buf, size, "-");
    else if (s < 0.1)
        snprintf(buf, size, "%.4f s", s);
    else if (s < 10)
        snprintf(buf, size, "%.3f s", s);
    else
        snprintf(buf, size, "%.1f s", s);
    return buf;
}

/* "met", or "missed by X×" where X = measured / limit (> 1). */
static const char *verdict(char *buf, size_t size, double measured, double limit,
                           int higher_is_better)
{
    double x = higher_is_better ? limit / measured : measured / limit;
    if (isnan(measured))
        snprintf(buf, size, "not measured");
    else if (x <= 1.0)
        snprintf(buf, size, "met");
    else
        snprintf(buf, size, "missed by %.2f×", x);
    return buf;
}

/* Says what is being measured, on a terminal only (the tables stay clean). */
static void progress(const char *what, int run, int runs)
{
    if (!isatty(2))
        return;
    fprintf(stderr, "\r  measuring %s (run %d of %d)...%20s\r", what, run + 1, runs, "");
    fflush(stderr);
}

static void progress_done(void)
{
    if (isatty(2))
        fprintf(stderr, "\r%70s\r", "");
}

/* ---- one size ---- */

struct peer {
    const char *name;   /* "pandas", "sqlite" */
    const char *script; /* file name in the peers directory */
    int ran;            /* produced ratings */
    char why[1024];     /* why not, when not */
    char version[256];  /* its summary line */
    double wall;
    long rss_kb;
    long long agreed, differ, total;
};

struct result {
    long long n;
    struct meta meta;
    int runs;
    long baseline_kb;
    double floor_s, floor_read_s, floor_parse_s;
    long floor_kb;
    long long floor_rows;
    double load_s, eval_s, render_s, free_s, json_bytes;
    long hwm_load_kb, rss_load_kb, hwm_eval_kb, hwm_render_kb;
    long long targets, goals, measurements, results, warnings;
    char first_warning[512];
    double e2e_s;
    long e2e_kb;
    struct peer peers[2];
};

struct options {
    long long sizes[MAX_SIZES];
    size_t size_count;
    int runs;
    unsigned long long seed;
    const char *work;
    const char *as_of;
    const char *python;
    const char *peers_dir;
    const char *markdown;
    int no_peers;
    int agree_only;
};

struct env {
    char self[4096];
    char gen[4096];
    char python[1024];
    int have_pandas;
    char pandas_why[512];
    char pandas_version[128];
};

static double min_d(double a, double b)
{
    return isnan(a) || b < a ? b : a;
}

static long max_l(long a, long b)
{
    return b > a ? b : a;
}

static void path_of(char *buf, size_t size, const struct options *o, long long n,
                    const char *what)
{
    snprintf(buf, size, "%s/kpi-%lld-s%llu-%s", o->work, n, o->seed, what);
}

static void make_dirs(const char *path)
{
    char buf[4096];
    snprintf(buf, sizeof buf, "%s", path);
    for (char *p = buf + 1; *p; p++)
        if (*p == '/') {
            *p = '\0';
            mkdir(buf, 0777);
            *p = '/';
        }
    if (mkdir(buf, 0777) != 0 && errno != EEXIST)
        die("cannot create %s: %s", path, strerror(errno));
}

/* About 500 bytes a target for both files, plus the ratings files. */
static void check_disk(const char *dir, long long n)
{
    struct statvfs vfs;
    double need = (double)n * 700.0;
    if (statvfs(dir, &vfs) != 0)
        return;
    double free_bytes = (double)vfs.f_bavail * (double)vfs.f_frsize;
    if (free_bytes < need * 1.2) {
        char a[32], b[32];
        die("%s has %s free; N = %lld needs about %s", dir,
            fmt_mb(a, sizeof a, free_bytes), n, fmt_mb(b, sizeof b, need));
    }
}

static void generate(const struct options *o, const struct env *e, long long n,
                     struct meta *m)
{
    char s[4096], p[4096], mp[4096];
    path_of(s, sizeof s, o, n, "structure.csv");
    path_of(p, sizeof p, o, n, "progress.csv");
    path_of(mp, sizeof mp, o, n, "meta");
    if (meta_read(m, mp, s, p) == 0) {
        printf("  data: reusing %s (and -progress.csv)\n", s);
        return;
    }
    check_disk(o->work, n);
    char targets[32], seed[32];
    snprintf(targets, sizeof targets, "%lld", n);
    snprintf(seed, sizeof seed, "%llu", o->seed);
    char *argv[] = {(char *)e->gen,
                    (char *)"--targets",
                    targets,
                    (char *)"--seed",
                    seed,
                    (char *)"--structure",
                    s,
                    (char *)"--progress",
                    p,
                    (char *)"--meta",
                    mp,
                    NULL};
    struct run r;
    run_child(argv, 0, &r);
    if (!r.ok || meta_read(m, mp, s, p) != 0)
        die("kpi-gen failed for N = %lld", n);
    char t[32];
    printf("  data: generated in %s by kpi-gen\n", fmt_s(t, sizeof t, r.wall));
    run_free(&r);
}

/* Finds a Python that imports pandas, for both peers. */
static void find_python(const struct options *o, struct env *e)
{
    const char *candidates[] = {o->python, "python3", "/usr/bin/python3"};
    e->have_pandas = 0;
    snprintf(e->python, sizeof e->python, "%s", o->python ? o->python : "python3");
    snprintf(e->pandas_why, sizeof e->pandas_why, "no python3 found");
    for (size_t i = o->python ? 0 : 1; i < (o->python ? 1 : COUNT(candidates)); i++) {
        char *argv[] = {(char *)candidates[i], (char *)"-c",
                        (char *)"import pandas, numpy; print(pandas.__version__)", NULL};
        struct run r;
        run_child(argv, 1, &r);
        if (r.ok) {
            snprintf(e->python, sizeof e->python, "%s", candidates[i]);
            e->have_pandas = 1;
            char line[128];
            snprintf(e->pandas_version, sizeof e->pandas_version, "%s",
                     last_line(r.out, line, sizeof line));
            run_free(&r);
            return;
        }
        char line[400];
        snprintf(e->pandas_why, sizeof e->pandas_why, "%s cannot import pandas (%s)",
                 candidates[i], last_line(r.err ? r.err : "", line, sizeof line));
        run_free(&r);
    }
}

static void run_peer(const struct options *o, const struct env *e, struct peer *peer,
                     const char *s, const char *p, const char *out, int runs)
{
    char script[4096];
    snprintf(script, sizeof script, "%s/%s", o->peers_dir, peer->script);
    if (!strcmp(peer->name, "pandas") && !e->have_pandas) {
        snprintf(peer->why, sizeof peer->why, "%s: install Debian's python3-pandas",
                 e->pandas_why);
        return;
    }
    for (int i = 0; i < runs; i++) {
        char *argv[] = {
            (char *)e->python, script,          (char *)s,   (char *)p, (char *)"--as-of",
            (char *)o->as_of,  (char *)"--out", (char *)out, NULL};
        remove(out);
        char what[64];
        snprintf(what, sizeof what, "the %s peer", peer->name);
        progress(what, i, runs);
        struct run r;
        run_child(argv, 1, &r);
        if (!r.ok) {
            char line[400];
            snprintf(peer->why, sizeof peer->why, "%s failed: %s", peer->script,
                     last_line(r.err ? r.err : "", line, sizeof line));
            if (r.err)
                fputs(r.err, stderr);
            run_free(&r);
            peer->ran = 0;
            return;
        }
        peer->ran = 1;
        peer->wall = min_d(i ? peer->wall : NAN, r.wall);
        peer->rss_kb = max_l(i ? peer->rss_kb : 0, r.max_rss_kb);
        kv_text(r.out, "version", peer->version, sizeof peer->version);
        run_free(&r);
    }
}

static void child_argv(char **argv, const struct env *e, const char *mode, const char *a,
                       const char *b, const char *c, const char *d)
{
    argv[0] = (char *)e->self;
    argv[1] = (char *)"--child";
    argv[2] = (char *)mode;
    argv[3] = (char *)a;
    argv[4] = (char *)b;
    argv[5] = (char *)c;
    argv[6] = (char *)d;
    argv[7] = NULL;
}

static int measure(const struct options *o, const struct env *e, long long n,
                   struct result *res)
{
    char s[4096], p[4096], out_kpi[4096], out_peer[2][4096];
    char a[64], b[64];
    memset(res, 0, sizeof *res);
    res->n = n;
    res->runs = o->runs ? o->runs : n <= 100000 ? 3 : 1;
    if (o->agree_only)
        res->runs = 1;
    printf("\n== N = %s targets\n", fmt_count(a, sizeof a, n));
    generate(o, e, n, &res->meta);
    path_of(s, sizeof s, o, n, "structure.csv");
    path_of(p, sizeof p, o, n, "progress.csv");
    path_of(out_kpi, sizeof out_kpi, o, n, "ratings-libkpi.csv");
    warm(s);
    warm(p);

    char *argv[8];
    struct run r;
    if (!o->agree_only) {
        child_argv(argv, e, "empty", NULL, NULL, NULL, NULL);
        run_child(argv, 0, &r);
        res->baseline_kb = (long)kv(r.out, "hwm_kb");
        run_free(&r);
        for (int i = 0; i < res->runs; i++) {
            progress("the libcsv floor", i, res->runs);
            child_argv(argv, e, "floor", s, p, NULL, NULL);
            run_child(argv, 0, &r);
            if (!r.ok)
                die("the floor failed");
            res->floor_s = min_d(i ? res->floor_s : NAN, kv(r.out, "total"));
            res->floor_read_s = min_d(i ? res->floor_read_s : NAN, kv(r.out, "read"));
            res->floor_parse_s = min_d(i ? res->floor_parse_s : NAN, kv(r.out, "parse"));
            res->floor_kb = max_l(res->floor_kb, (long)kv(r.out, "hwm_kb"));
            res->floor_rows = (long long)kv(r.out, "rows");
            run_free(&r);
        }
        for (int i = 0; i < res->runs; i++) {
            progress("libkpi load, evaluate, render", i, res->runs);
            child_argv(argv, e, "libkpi", s, p, o->as_of, NULL);
            run_child(argv, 0, &r);
            if (!r.ok)
                die("the libkpi run failed");
            res->load_s = min_d(i ? res->load_s : NAN, kv(r.out, "load"));
            res->eval_s = min_d(i ? res->eval_s : NAN, kv(r.out, "eval"));
            res->render_s = min_d(i ? res->render_s : NAN, kv(r.out, "render"));
            res->free_s = min_d(i ? res->free_s : NAN, kv(r.out, "free"));
            res->json_bytes = kv(r.out, "json_bytes");
            res->hwm_load_kb = max_l(res->hwm_load_kb, (long)kv(r.out, "hwm_load_kb"));
            res->rss_load_kb = max_l(res->rss_load_kb, (long)kv(r.out, "rss_load_kb"));
            res->hwm_eval_kb = max_l(res->hwm_eval_kb, (long)kv(r.out, "hwm_eval_kb"));
            res->hwm_render_kb =
                max_l(res->hwm_render_kb, (long)kv(r.out, "hwm_render_kb"));
            res->targets = (long long)kv(r.out, "targets");
            res->goals = (long long)kv(r.out, "goals");
            res->measurements = (long long)kv(r.out, "measurements");
            res->results = (long long)kv(r.out, "results");
            res->warnings = (long long)kv(r.out, "warnings");
            kv_text(r.out, "first_warning", res->first_warning,
                    sizeof res->first_warning);
            run_free(&r);
        }
        if (res->targets != res->meta.targets ||
            res->measurements != res->meta.measurements)
            die("libkpi read %lld targets and %lld measurements; kpi-gen wrote %lld and "
                "%lld",
                res->targets, res->measurements, res->meta.targets,
                res->meta.measurements);
    }
    for (int i = 0; i < res->runs; i++) {
        progress("libkpi end to end", i, res->runs);
        child_argv(argv, e, "e2e", s, p, o->as_of, out_kpi);
        run_child(argv, 0, &r);
        if (!r.ok)
            die("the libkpi end-to-end run failed");
        res->e2e_s = min_d(i ? res->e2e_s : NAN, r.wall);
        res->e2e_kb = max_l(res->e2e_kb, r.max_rss_kb);
        run_free(&r);
    }
    progress_done();

    static const char *const names[] = {"pandas", "sqlite"};
    static const char *const scripts[] = {"peer_pandas.py", "peer_sqlite.py"};
    int failed = 0;
    struct ratings kpi;
    if (ratings_read(&kpi, out_kpi) != 0)
        die("no ratings from libkpi in %s", out_kpi);
    for (int k = 0; k < 2; k++) {
        struct peer *peer = &res->peers[k];
        peer->name = names[k];
        peer->script = scripts[k];
        if (o->no_peers) {
            snprintf(peer->why, sizeof peer->why, "--no-peers");
            continue;
        }
        char what[64];
        snprintf(what, sizeof what, "ratings-%s.csv", names[k]);
        path_of(out_peer[k], sizeof out_peer[k], o, n, what);
        run_peer(o, e, peer, s, p, out_peer[k], res->runs);
        progress_done();
        if (!peer->ran) {
            printf("  %s peer not run: %s\n", peer->name, peer->why);
            failed |= o->agree_only;
            continue;
        }
        struct ratings other;
        if (ratings_read(&other, out_peer[k]) != 0)
            die("no ratings from the %s peer in %s", peer->name, out_peer[k]);
        peer->differ = agree(&kpi, &other, peer->name, &peer->agreed);
        peer->total = (long long)kpi.count;
        printf("  %s: %sagree: %s/%s ratings of targets, goals and the plan%s\n",
               peer->name, peer->differ ? "DO NOT " : "",
               fmt_count(a, sizeof a, peer->agreed), fmt_count(b, sizeof b, peer->total),
               peer->differ ? "" : " (every one)");
        failed |= peer->differ != 0;
        ratings_free(&other);
    }
    ratings_free(&kpi);
    return failed;
}

/* ---- reports ---- */

static double delta_bytes(const struct result *r)
{
    return ((double)r->hwm_load_kb - (double)r->baseline_kb) * 1024.0;
}

static double budget_bytes(const struct result *r)
{
    return BYTES_PER_TARGET * (double)r->targets +
           BYTES_PER_MEASUREMENT * (double)r->measurements;
}

static double total_bytes(const struct result *r)
{
    return (double)(r->meta.structure_bytes + r->meta.progress_bytes);
}

static double speedup(const struct result *r, int k)
{
    return r->peers[k].ran ? r->peers[k].wall / r->e2e_s : NAN;
}

static void print_size(const struct result *r)
{
    char a[64], b[64], c[64], d[64], e[64];
    printf("  %s plans, %s goals, %s targets, %s measurements, %s assessments\n",
           fmt_count(a, sizeof a, r->meta.plans), fmt_count(b, sizeof b, r->meta.goals),
           fmt_count(c, sizeof c, r->meta.targets),
           fmt_count(d, sizeof d, r->meta.measurements),
           fmt_count(e, sizeof e, r->meta.assessments));
    printf("  bytes read: %s (structure %s + progress %s); times: best of %d\n",
           fmt_mb(a, sizeof a, total_bytes(r)),
           fmt_mb(b, sizeof b, (double)r->meta.structure_bytes),
           fmt_mb(c, sizeof c, (double)r->meta.progress_bytes), r->runs);
    printf("  %-44s %10s %10s  %s\n", "", "time", "peak RSS", "");
    printf("  %-44s %10s %10s  read %s + parse %s\n",
           "libcsv floor (read + parse both files)", fmt_s(a, sizeof a, r->floor_s),
           fmt_mb(b, sizeof b, r->floor_kb * 1024.0), fmt_s(c, sizeof c, r->floor_read_s),
           fmt_s(d, sizeof d, r->floor_parse_s));
    printf("  %-44s %10s %10s  %.1f× floor, %.0f MB/s\n", "libkpi load (both files)",
           fmt_s(a, sizeof a, r->load_s), fmt_mb(b, sizeof b, r->hwm_load_kb * 1024.0),
           r->load_s / r->floor_s, total_bytes(r) / r->load_s / 1e6);
    printf("  %-44s %10s %10s\n", "libkpi evaluate", fmt_s(a, sizeof a, r->eval_s),
           fmt_mb(b, sizeof b, r->hwm_eval_kb * 1024.0));
    printf("  %-44s %10s %10s  %.1f× floor, %s targets/s\n", "libkpi load + evaluate",
           fmt_s(a, sizeof a, r->load_s + r->eval_s), "",
           (r->load_s + r->eval_s) / r->floor_s,
           fmt_count(c, sizeof c,
                     (long long)((double)r->targets / (r->load_s + r->eval_s))));
    printf("  %-44s %10s %10s  %s of JSON\n", "libkpi render JSON",
           fmt_s(a, sizeof a, r->render_s),
           fmt_mb(b, sizeof b, r->hwm_render_kb * 1024.0),
           fmt_mb(c, sizeof c, r->json_bytes));
    printf("  %-44s %10s %10s\n", "libkpi free (evaluation, plan, JSON)",
           fmt_s(a, sizeof a, r->free_s), "");
    printf("  %-44s %10s %10s  load, evaluate, write the ratings, free\n",
           "libkpi end to end (process)", fmt_s(a, sizeof a, r->e2e_s),
           fmt_mb(b, sizeof b, r->e2e_kb * 1024.0));
    for (int k = 0; k < 2; k++) {
        const struct peer *peer = &r->peers[k];
        char label[64];
        snprintf(label, sizeof label, "%s peer end to end (process)", peer->name);
        if (!peer->ran) {
            printf("  %-44s %10s %10s  not run: %s\n", label, "-", "-", peer->why);
            continue;
        }
        printf("  %-44s %10s %10s  libkpi %.1f× faster\n", label,
               fmt_s(a, sizeof a, peer->wall), fmt_mb(b, sizeof b, peer->rss_kb * 1024.0),
               speedup(r, k));
    }
    if (r->warnings)
        printf("  libkpi warned %lld times while reading, e.g. %s\n", r->warnings,
               r->first_warning);
    double delta = delta_bytes(r);
    printf("  memory: peak after load %s above an empty process (%s): %.0f B/target, "
           "%.1f B/measurement;\n          budget 200 B/target + 32 B/measurement = %s "
           "(%.2f× of it used)\n",
           fmt_mb(a, sizeof a, delta), fmt_mb(b, sizeof b, r->baseline_kb * 1024.0),
           delta / (double)r->targets, delta / (double)r->measurements,
           fmt_mb(c, sizeof c, budget_bytes(r)), delta / budget_bytes(r));
    printf("          RSS after load %s; peak after evaluate %s, after render %s\n",
           fmt_mb(a, sizeof a, r->rss_load_kb * 1024.0),
           fmt_mb(b, sizeof b, r->hwm_eval_kb * 1024.0),
           fmt_mb(c, sizeof c, r->hwm_render_kb * 1024.0));
}

struct verdict_row {
    char what[128];
    char size[80]; /* two counts and an arrow */
    char measured[96];
    char limit[64];
    char verdict[64];
};

static struct verdict_row *next_row(struct verdict_row *rows, size_t *n, size_t max)
{
    if (*n == max)
        die("too many verdicts");
    struct verdict_row *v = &rows[(*n)++];
    memset(v, 0, sizeof *v);
    return v;
}

static size_t collect_verdicts(const struct result *res, size_t count,
                               struct verdict_row *rows, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < count; i++) {
        const struct result *r = &res[i];
        char size[32];
        fmt_count(size, sizeof size, r->n);
        struct verdict_row *v;
        double ratio = (r->load_s + r->eval_s) / r->floor_s;
        v = next_row(rows, &n, max);
        snprintf(v->what, sizeof v->what, "load + evaluate within 2× the libcsv floor");
        snprintf(v->size, sizeof v->size, "%s", size);
        snprintf(v->measured, sizeof v->measured, "%.2f× floor (%.3f s vs %.3f s)", ratio,
                 r->load_s + r->eval_s, r->floor_s);
        snprintf(v->limit, sizeof v->limit, "2×");
        verdict(v->verdict, sizeof v->verdict, ratio, FLOOR_FACTOR, 0);

        double limit = EVAL_SECONDS_1M * (double)r->targets / 1e6;
        v = next_row(rows, &n, max);
        snprintf(v->what, sizeof v->what, "evaluate in under 0.5 s per 1M targets");
        snprintf(v->size, sizeof v->size, "%s", size);
        snprintf(v->measured, sizeof v->measured, "%.4f s", r->eval_s);
        snprintf(v->limit, sizeof v->limit, "%.4f s", limit);
        verdict(v->verdict, sizeof v->verdict, r->eval_s, limit, 0);

        v = next_row(rows, &n, max);
        snprintf(v->what, sizeof v->what,
                 "peak memory under 200 B/target + 32 B/measurement");
        snprintf(v->size, sizeof v->size, "%s", size);
        char a[32], b[32];
        snprintf(v->measured, sizeof v->measured, "%s (%.0f B/target)",
                 fmt_mb(a, sizeof a, delta_bytes(r)),
                 delta_bytes(r) / (double)r->targets);
        snprintf(v->limit, sizeof v->limit, "%s", fmt_mb(b, sizeof b, budget_bytes(r)));
        verdict(v->verdict, sizeof v->verdict, delta_bytes(r), budget_bytes(r), 0);

        for (int k = 0; k < 2; k++) {
            v = next_row(rows, &n, max);
            snprintf(v->what, sizeof v->what, "at least 10× faster than %s end to end",
                     r->peers[k].name);
            snprintf(v->size, sizeof v->size, "%s", size);
            snprintf(v->limit, sizeof v->limit, "10×");
            if (!r->peers[k].ran) {
                snprintf(v->measured, sizeof v->measured, "-");
                snprintf(v->verdict, sizeof v->verdict, "not run");
                continue;
            }
            snprintf(v->measured, sizeof v->measured, "%.2f× (%.3f s vs %.3f s)",
                     speedup(r, k), r->e2e_s, r->peers[k].wall);
            verdict(v->verdict, sizeof v->verdict, speedup(r, k), PEER_FACTOR, 1);
        }
    }
    /* Linear growth: cost per target at the largest N against the smallest. */
    if (count >= 2) {
        const struct result *lo = &res[0], *hi = &res[count - 1];
        static const char *const names[] = {"load", "evaluate", "render JSON",
                                            "end to end", "peak memory"};
        double lo_v[5] = {lo->load_s, lo->eval_s, lo->render_s, lo->e2e_s,
                          delta_bytes(lo)};
        double hi_v[5] = {hi->load_s, hi->eval_s, hi->render_s, hi->e2e_s,
                          delta_bytes(hi)};
        for (int k = 0; k < 5; k++) {
            double growth =
                (hi_v[k] / (double)hi->targets) / (lo_v[k] / (double)lo->targets);
            struct verdict_row *v = next_row(rows, &n, max);
            char x[32], y[32];
            snprintf(v->what, sizeof v->what, "grow linearly: %s per target", names[k]);
            snprintf(v->size, sizeof v->size, "%s → %s", fmt_count(x, sizeof x, lo->n),
                     fmt_count(y, sizeof y, hi->n));
            snprintf(v->measured, sizeof v->measured, "%.2f× per target", growth);
            snprintf(v->limit, sizeof v->limit, "%.2f×", LINEAR_SLACK);
            verdict(v->verdict, sizeof v->verdict, growth, LINEAR_SLACK, 0);
        }
    }
    return n;
}

static void print_summary(const struct result *res, size_t count)
{
    char a[64], b[64], c[64], d[64];
    printf("\n== summary (times in seconds; memory: peak RSS after load above an empty "
           "process)\n");
    printf("  %10s %9s %7s %7s %6s %7s %7s %9s %7s %7s %11s %7s %7s %7s %7s %7s\n",
           "targets", "bytes", "floor", "load", "÷floor", "eval", "render", "memory",
           "B/tgt", "B/meas", "targets/s", "libkpi", "pandas", "sqlite", "×pandas",
           "×sqlite");
    for (size_t i = 0; i < count; i++) {
        const struct result *r = &res[i];
        double delta = delta_bytes(r);
        printf("  %10s %9s %7.3f %7.3f %6.1f %7.4f %7.3f %9s %7.0f %7.1f %11s %7.3f",
               fmt_count(a, sizeof a, r->n), fmt_mb(b, sizeof b, total_bytes(r)),
               r->floor_s, r->load_s, r->load_s / r->floor_s, r->eval_s, r->render_s,
               fmt_mb(c, sizeof c, delta), delta / (double)r->targets,
               delta / (double)r->measurements,
               fmt_count(d, sizeof d,
                         (long long)((double)r->targets / (r->load_s + r->eval_s))),
               r->e2e_s);
        for (int k = 0; k < 2; k++)
            if (r->peers[k].ran)
                printf(" %7.3f", r->peers[k].wall);
            else
                printf(" %7s", "-");
        for (int k = 0; k < 2; k++)
            if (r->peers[k].ran)
                printf(" %6.1f×", speedup(r, k));
            else
                printf(" %7s", "-");
        printf("\n");
    }
}

static void print_verdicts(const struct verdict_row *rows, size_t n)
{
    printf("\n== targets (ISSUE 9)\n");
    for (size_t i = 0; i < n; i++)
        printf("  %-52s %-22s %-34s limit %-10s %s\n", rows[i].what, rows[i].size,
               rows[i].measured, rows[i].limit, rows[i].verdict);
}

/* ---- the machine ---- */

struct machine {
    char cpu[256];
    long cores;
    double memory;
    char os[256];
    char date[64];
};

static void read_machine(struct machine *m)
{
    snprintf(m->cpu, sizeof m->cpu, "unknown");
    snprintf(m->os, sizeof m->os, "unknown");
    m->cores = sysconf(_SC_NPROCESSORS_ONLN);
    m->memory = NAN;
    char line[512];
    FILE *f = fopen("/proc/cpuinfo", "r");
    while (f && fgets(line, sizeof line, f))
        if (!strncmp(line, "model name", 10) && strchr(line, ':')) {
            char *v = strchr(line, ':') + 2;
            v[strcspn(v, "\n")] = '\0';
            snprintf(m->cpu, sizeof m->cpu, "%s", v);
            break;
        }
    if (f)
        fclose(f);
    f = fopen("/proc/meminfo", "r");
    while (f && fgets(line, sizeof line, f))
        if (!strncmp(line, "MemTotal:", 9)) {
            m->memory = strtod(line + 9, NULL) * 1024.0;
            break;
        }
    if (f)
        fclose(f);
    f = fopen("/etc/os-release", "r");
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

static const char *build_type(void)
{
    return *KPI_BENCH_BUILD_TYPE ? KPI_BENCH_BUILD_TYPE : "none (no optimisation!)";
}

static void write_markdown(const char *path, const struct options *o, const struct env *e,
                           const struct result *res, size_t count,
                           const struct verdict_row *rows, size_t nrows)
{
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "w");
    if (!f)
        die("cannot write %s: %s", tmp, strerror(errno));
    struct machine m;
    read_machine(&m);
    char a[64], b[64], c[64], d[64], rate[64];
    fprintf(f, "# Performance {#performance}\n\n"
               "How fast and how lean libkpi is on a national roll-up of municipal plans "
               "(ISSUE 9), against the floor (libcsv alone) and two peers computing the "
               "same ratings from the same files. Written by\n\n"
               "    " BENCH_COMMAND "\n\n"
               "(`tests/bench/README.md` explains the method). Do not edit by hand: run "
               "the command again. Why the targets below are missed where they are, "
               "and what each operation costs, is in "
               "[performance-notes.md](performance-notes.md).\n\n");
    fprintf(f, "## Machine\n\n| | |\n|---|---|\n");
    fprintf(f, "| date | %s |\n", m.date);
    fprintf(f, "| CPU | %s, %ld cores online |\n", m.cpu, m.cores);
    fprintf(f, "| memory | %s |\n", fmt_mb(a, sizeof a, m.memory));
    fprintf(f, "| OS | %s |\n", m.os);
    fprintf(f, "| compiler | %s, build type %s |\n", COMPILER, build_type());
    fprintf(f, "| libkpi | %s |\n", kpi_version());
    fprintf(f, "| libcsv | %d.%d.%d |\n", CSV_MAJOR, CSV_MINOR, CSV_RELEASE);
    for (int k = 0; k < 2; k++) {
        const char *version = "not run";
        for (size_t i = 0; i < count; i++)
            if (res[i].peers[k].ran)
                version = res[i].peers[k].version;
        fprintf(f, "| %s peer | %s (`%s`) |\n", k ? "SQLite" : "pandas", version,
                e->python);
    }
    fprintf(f, "| data | kpi-gen seed %llu, rated as of %s, default policy |\n\n",
            o->seed, o->as_of);

    fprintf(f, "## Results\n\n"
               "Times in seconds, the best of 3 runs up to 100,000 targets and of 1 run "
               "above. Memory is libkpi's peak RSS after loading, less that of an empty "
               "process. End to end is a whole process timed from outside: load, "
               "evaluate, write every rating.\n\n");
    fprintf(f,
            "| targets | measurements | bytes read | libcsv floor | load | load ÷ floor "
            "| evaluate | load + evaluate ÷ floor | render JSON | memory | B/target | "
            "B/measurement | targets/s | libkpi end to end | pandas | sqlite | × pandas "
            "| × sqlite |\n");
    fprintf(f,
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:"
            "|---:|---:|---:|\n");
    for (size_t i = 0; i < count; i++) {
        const struct result *r = &res[i];
        double delta = delta_bytes(r);
        fprintf(f,
                "| %s | %s | %s | %.3f | %.3f | %.2f× | %.4f | %.2f× | %.3f | %s | %.0f "
                "| %.1f | %s | %.3f |",
                fmt_count(a, sizeof a, r->n), fmt_count(b, sizeof b, r->measurements),
                fmt_mb(c, sizeof c, total_bytes(r)), r->floor_s, r->load_s,
                r->load_s / r->floor_s, r->eval_s, (r->load_s + r->eval_s) / r->floor_s,
                r->render_s, fmt_mb(d, sizeof d, delta), delta / (double)r->targets,
                delta / (double)r->measurements,
                fmt_count(rate, sizeof rate,
                          (long long)((double)r->targets / (r->load_s + r->eval_s))),
                r->e2e_s);
        for (int k = 0; k < 2; k++)
            if (r->peers[k].ran)
                fprintf(f, " %.3f |", r->peers[k].wall);
            else
                fprintf(f, " not run |");
        for (int k = 0; k < 2; k++)
            if (r->peers[k].ran)
                fprintf(f, " %.1f× |", speedup(r, k));
            else
                fprintf(f, " - |");
        fprintf(f, "\n");
    }
    fprintf(f,
            "\nPeak RSS of each process:\n\n| targets | empty process | libcsv floor | "
            "libkpi after load | after evaluate | after render | libkpi end to end | "
            "pandas | sqlite |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (size_t i = 0; i < count; i++) {
        const struct result *r = &res[i];
        fprintf(f, "| %s | %s |", fmt_count(a, sizeof a, r->n),
                fmt_mb(b, sizeof b, r->baseline_kb * 1024.0));
        fprintf(f, " %s |", fmt_mb(b, sizeof b, r->floor_kb * 1024.0));
        fprintf(f, " %s |", fmt_mb(b, sizeof b, r->hwm_load_kb * 1024.0));
        fprintf(f, " %s |", fmt_mb(b, sizeof b, r->hwm_eval_kb * 1024.0));
        fprintf(f, " %s |", fmt_mb(b, sizeof b, r->hwm_render_kb * 1024.0));
        fprintf(f, " %s |", fmt_mb(b, sizeof b, r->e2e_kb * 1024.0));
        for (int k = 0; k < 2; k++)
            fprintf(f, " %s |",
                    r->peers[k].ran ? fmt_mb(b, sizeof b, r->peers[k].rss_kb * 1024.0)
                                    : "-");
        fprintf(f, "\n");
    }
    fprintf(f, "\nAgreement: ");
    for (size_t i = 0; i < count; i++)
        for (int k = 0; k < 2; k++) {
            const struct peer *p = &res[i].peers[k];
            if (p->ran)
                fprintf(f, "%s%s at %s: %s/%s ratings agree", i || k ? "; " : "", p->name,
                        fmt_count(a, sizeof a, res[i].n),
                        fmt_count(b, sizeof b, p->agreed),
                        fmt_count(c, sizeof c, p->total));
            else
                fprintf(f, "%s%s at %s: not run (%s)", i || k ? "; " : "", p->name,
                        fmt_count(a, sizeof a, res[i].n), p->why);
        }
    fprintf(f, ".\n\n## Targets\n\n| target | N | measured | limit | verdict |\n"
               "|---|---|---|---|---|\n");
    for (size_t i = 0; i < nrows; i++)
        fprintf(f, "| %s | %s | %s | %s | %s |\n", rows[i].what, rows[i].size,
                rows[i].measured, rows[i].limit, rows[i].verdict);
    scaling_copy_section(path, f); /* written by --scaling, kept */
    if (fclose(f) != 0 || rename(tmp, path) != 0)
        die("cannot write %s", path);
    printf("\nwrote %s\n", path);
}

/* ---- main ---- */

static void usage(FILE *f)
{
    fputs("usage: kpi-bench [--sizes N,N,...] [--quick] [--seed S] [--work DIR] [--runs "
          "K]\n"
          "                 [--as-of YYYY-MM-DD] [--python PATH] [--peers DIR]\n"
          "                 [--no-peers] [--agree-only] [--markdown FILE]\n"
          "Benchmarks libkpi on national plans of N targets (default "
          "10000,100000,1000000;\n"
          "--quick: 10000) against the libcsv floor, pandas and SQLite.\n"
          "kpi-bench --scaling [--help]: how each path grows, at n and 4n. See\n"
          "tests/bench/README.md.\n",
          f);
}

static void parse_sizes(struct options *o, const char *text)
{
    o->size_count = 0;
    const char *p = text;
    while (*p) {
        char *end;
        errno = 0;
        long long n = strtoll(p, &end, 10);
        if (errno || end == p || n < 1 || n > 100000000 || o->size_count == MAX_SIZES)
            die("--sizes: bad list \"%s\"", text);
        o->sizes[o->size_count++] = n;
        p = *end == ',' ? end + 1 : end;
        if (*end && *end != ',')
            die("--sizes: bad list \"%s\"", text);
    }
}

static void find_self(struct env *e, const char *argv0)
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
    struct machine m;
    read_machine(&m);
    char line[320];
    snprintf(line, sizeof line, "%s, %ld cores online", m.cpu, m.cores);
    struct scaling_info info = {build_type(), COMPILER, line};
    return scaling_main(argc, argv, &info);
}

int main(int argc, char **argv)
{
    if (argc >= 2 && !strcmp(argv[1], "--child"))
        return child_main(argc - 2, argv + 2);
    if (scaling_wanted(argc, argv))
        return scaling(argc, argv);
    struct options o = {
        {10000, 100000, 1000000}, 3,    0, 2017, KPI_BENCH_WORK_DIR, "2017-09-30", NULL,
        KPI_BENCH_SOURCE_DIR,     NULL, 0, 0};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *arg = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(stdout);
            return 0;
        } else if (!strcmp(a, "--quick")) {
            parse_sizes(&o, "10000");
        } else if (!strcmp(a, "--no-peers")) {
            o.no_peers = 1;
        } else if (!strcmp(a, "--agree-only")) {
            o.agree_only = 1;
        } else if (!arg) {
            usage(stderr);
            return 2;
        } else if (!strcmp(a, "--sizes")) {
            parse_sizes(&o, argv[++i]);
        } else if (!strcmp(a, "--seed")) {
            o.seed = strtoull(argv[++i], NULL, 10);
        } else if (!strcmp(a, "--runs")) {
            o.runs = atoi(argv[++i]);
            if (o.runs < 1)
                die("--runs must be at least 1");
        } else if (!strcmp(a, "--work")) {
            o.work = argv[++i];
        } else if (!strcmp(a, "--as-of")) {
            o.as_of = argv[++i];
        } else if (!strcmp(a, "--python")) {
            o.python = argv[++i];
        } else if (!strcmp(a, "--peers")) {
            o.peers_dir = argv[++i];
        } else if (!strcmp(a, "--markdown")) {
            o.markdown = argv[++i];
        } else {
            usage(stderr);
            return 2;
        }
    }
    int32_t as_of = parse_as_of(o.as_of);
    static char iso[16];
    snprintf(iso, sizeof iso, "%04d-%02d-%02d", (int)(as_of / 10000),
             (int)(as_of / 100 % 100), (int)(as_of % 100));
    o.as_of = iso;
    if (o.agree_only && o.no_peers)
        die("--agree-only needs the peers");

    static struct env e;
    find_self(&e, argv[0]);
    if (access(e.gen, X_OK) != 0)
        die("kpi-gen not found beside kpi-bench (%s): build it", e.gen);
    make_dirs(o.work);
    if (!o.no_peers)
        find_python(&o, &e);

    printf("kpi-bench: libkpi %s, %s, build %s; %ld cores; as of %s\n", kpi_version(),
           COMPILER, build_type(), sysconf(_SC_NPROCESSORS_ONLN), o.as_of);
    if (!o.no_peers)
        printf("peers: %s (pandas %s), %s/peer_*.py\n", e.python,
               e.have_pandas ? e.pandas_version : "not importable", o.peers_dir);
    if (o.agree_only)
        printf("agreement only: no timing verdicts\n");

    static struct result results[MAX_SIZES];
    int failed = 0;
    for (size_t i = 0; i < o.size_count; i++) {
        failed |= measure(&o, &e, o.sizes[i], &results[i]);
        if (!o.agree_only)
            print_size(&results[i]);
    }
    if (o.agree_only) {
        printf(failed ? "\nFAILED: the peers were not all run or do not agree with "
                        "libkpi\n"
                      : "\nOK: every peer agrees with libkpi on every rating\n");
        return failed ? 1 : 0;
    }
    static struct verdict_row rows[MAX_SIZES * 8];
    size_t nrows = collect_verdicts(results, o.size_count, rows, COUNT(rows));
    print_summary(results, o.size_count);
    print_verdicts(rows, nrows);
    if (o.markdown)
        write_markdown(o.markdown, &o, &e, results, o.size_count, rows, nrows);
    if (failed)
        printf("\nFAILED: a peer disagrees with libkpi (see above)\n");
    return failed ? 1 : 0;
}
