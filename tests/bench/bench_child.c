/*
 * What kpi-bench runs in its measured child processes (kpi-bench --child
 * MODE ...), each printing key=value lines for the driver:
 *
 *   empty                              the peak RSS of a process doing nothing
 *   floor STRUCTURE PROGRESS           libcsv alone, empty callbacks
 *   libkpi STRUCTURE PROGRESS AS-OF THREADS
 *                                      load, evaluate, render JSON, each timed
 *   e2e STRUCTURE PROGRESS AS-OF OUT THREADS
 *                                      a ratings program: load, evaluate,
 *                                      write every rating, free
 *
 * THREADS is what libkpi reads and evaluates on (kpi_reader_set_threads(),
 * kpi_policy_set_threads()).
 */
#define _POSIX_C_SOURCE 200809L

#include <kpi.h>

#include "bench.h"

#include <csv.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

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

/* ---- the floor ---- */

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

/* Parses like lib/io/csv_read.c does: the same options and block size. */
static void parse_floor(const char *data, size_t size, const char *path)
{
    struct csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0)
        bench_die("csv_init failed");
    csv_set_blk_size(&p, 16384);
    if (csv_parse(&p, data, size, on_field, on_row, NULL) != size ||
        csv_fini(&p, on_field, on_row, NULL) != 0)
        bench_die("%s: libcsv: %s", path, csv_strerror(csv_error(&p)));
    csv_free(&p);
}

static int child_floor(char **argv)
{
    double t0 = bench_now();
    size_t s_size, p_size;
    char *s = bench_read_whole(argv[0], &s_size);
    char *p = bench_read_whole(argv[1], &p_size);
    double t1 = bench_now();
    parse_floor(s, s_size, argv[0]);
    parse_floor(p, p_size, argv[1]);
    double t2 = bench_now();
    printf("read=%.9f\nparse=%.9f\ntotal=%.9f\nrows=%lld\nfields=%lld\nbytes=%zu\n"
           "hwm_kb=%ld\n",
           t1 - t0, t2 - t1, t2 - t0, floor_rows, floor_fields, s_size + p_size,
           status_kb("VmHWM"));
    free(s);
    free(p);
    return 0;
}

/* ---- libkpi ---- */

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
static kpi_plan *load_plan(const char *structure, const char *progress, int32_t threads,
                           size_t *warnings, char *first_warning)
{
    kpi_reader *reader;
    kpi_plan *plan;
    if (kpi_reader_new(&reader) != KPI_OK)
        bench_die("kpi_reader_new: %s", kpi_error_message());
    /* The peers read what the files say, and so does libkpi here: the
     * generated files give every field, and the words of their notes
     * (「…：準備中」) would otherwise give statuses (docs/progress.md) that the
     * peers' rules do not read. */
    if (kpi_reader_set_infer(reader, 0) != KPI_OK ||
        kpi_reader_set_threads(reader, threads) != KPI_OK)
        bench_die("kpi_reader_set_*: %s", kpi_error_message());
    if (kpi_reader_read_files(&plan, reader, structure, progress) != KPI_OK)
        bench_die("libkpi cannot read the files: %s", kpi_error_message());
    *warnings = kpi_reader_warning_count(reader);
    if (*warnings && first_warning)
        snprintf(first_warning, 512, "%s", kpi_reader_warning_at(reader, 0));
    kpi_reader_free(reader);
    return plan;
}

static int32_t parse_threads(const char *text)
{
    int32_t n = (int32_t)atoi(text);
    if (n < 1 || n > KPI_READER_MAX_THREADS)
        bench_die("bad thread count \"%s\"", text);
    return n;
}

/* The default policy on threads threads. */
static kpi_policy *policy_on(int32_t threads)
{
    kpi_policy *policy;
    if (kpi_policy_new(&policy) != KPI_OK ||
        kpi_policy_set_threads(policy, threads) != KPI_OK)
        bench_die("kpi_policy: %s", kpi_error_message());
    return policy;
}

static int32_t parse_as_of(const char *text)
{
    int32_t date;
    if (kpi_date_parse(&date, text) != KPI_OK)
        bench_die("--as-of: %s", kpi_error_message());
    return date;
}

/* load, evaluate, render: each timed, with the peak RSS after each. */
static int child_libkpi(char **argv)
{
    size_t warnings;
    int32_t as_of = parse_as_of(argv[2]), threads = parse_threads(argv[3]);
    kpi_policy *policy = policy_on(threads);
    long start_kb = status_kb("VmHWM");
    double t0 = bench_now();
    char first_warning[512] = "";
    kpi_plan *plan = load_plan(argv[0], argv[1], threads, &warnings, first_warning);
    double t1 = bench_now();
    long hwm_load = status_kb("VmHWM"), rss_load = status_kb("VmRSS");
    kpi_evaluation *ev;
    double t2 = bench_now();
    if (kpi_evaluate(&ev, plan, as_of, policy) != KPI_OK)
        bench_die("kpi_evaluate: %s", kpi_error_message());
    double t3 = bench_now();
    long hwm_eval = status_kb("VmHWM");
    char *json;
    size_t json_size;
    double t4 = bench_now();
    if (kpi_evaluation_render(&json, &json_size, ev, KPI_FORMAT_JSON, KPI_LANG_JA) !=
        KPI_OK)
        bench_die("kpi_evaluation_render: %s", kpi_error_message());
    double t5 = bench_now();
    long hwm_render = status_kb("VmHWM");
    long long goals = 0, targets = 0, measurements = 0;
    for (size_t i = 0; i < kpi_plan_goal_count(plan); i++)
        count_goal(kpi_plan_goal_at(plan, i), &goals, &targets, &measurements);
    size_t results = kpi_evaluation_result_count(ev);
    double t6 = bench_now();
    kpi_free(json);
    kpi_evaluation_free(ev);
    kpi_plan_free(plan);
    double t7 = bench_now();
    kpi_policy_free(policy);
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
    int32_t as_of = parse_as_of(argv[2]), threads = parse_threads(argv[4]);
    kpi_policy *policy = policy_on(threads);
    kpi_plan *plan = load_plan(argv[0], argv[1], threads, &warnings, NULL);
    kpi_evaluation *ev;
    if (kpi_evaluate(&ev, plan, as_of, policy) != KPI_OK)
        bench_die("kpi_evaluate: %s", kpi_error_message());
    FILE *f = fopen(argv[3], "w");
    if (!f)
        bench_die("cannot write %s: %s", argv[3], strerror(errno));
    size_t count = kpi_evaluation_result_count(ev);
    for (size_t i = 0; i < count; i++) {
        const kpi_result *r = kpi_evaluation_result_at(ev, i);
        char buf[64];
        fprintf(f, "%s,%s\n", kpi_result_code(r), rating_text(r, buf, sizeof buf));
    }
    if (fclose(f) != 0)
        bench_die("cannot write %s", argv[3]);
    kpi_evaluation_free(ev);
    kpi_plan_free(plan);
    kpi_policy_free(policy);
    printf("results=%zu\n", count);
    return 0;
}

int bench_child_main(int argc, char **argv)
{
    if (argc >= 1 && !strcmp(argv[0], "empty")) {
        printf("hwm_kb=%ld\n", status_kb("VmHWM"));
        return 0;
    }
    if (argc == 3 && !strcmp(argv[0], "floor"))
        return child_floor(argv + 1);
    if (argc == 5 && !strcmp(argv[0], "libkpi"))
        return child_libkpi(argv + 1);
    if (argc == 6 && !strcmp(argv[0], "e2e"))
        return child_e2e(argv + 1);
    bench_die("bad --child arguments");
}
