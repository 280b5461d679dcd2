/*
 * The thread-safety promises of the headers, checked (and run under
 * ThreadSanitizer by tests/run.sh):
 *  - many threads may evaluate, validate, render and write the same plan
 *    at once while no thread changes it (kpi/plan.h, kpi/evaluate.h);
 *  - one evaluation may be read and rendered by many threads at once, its
 *    reason lines and its index of codes first asked for by all of them
 *    together;
 *  - threads building, reading and freeing plans of their own do not
 *    disturb each other or the readers (no global mutable state);
 *  - the last error is per thread (kpi/error.h);
 *  - workbooks may be made on many threads at once (kpi/xlsx.h).
 * Every thread's results must equal the single-threaded ones.
 */
#define _POSIX_C_SOURCE 200809L /* pthread_barrier_t */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kpi.h"
#include "seed.h"

#define READERS 8
#define BUILDERS 4
#define ROUNDS 20

struct shared {
    const kpi_plan *plan;
    const kpi_evaluation *evaluation;
    char *expected[KPI_FORMAT_HTML + 1]; /* single-threaded renders */
    char *expected_structure;
    char *expected_workbook; /* the report as a workbook, and its size */
    size_t workbook_size;
    pthread_barrier_t start;
};

struct worker {
    struct shared *shared;
    int index;
    int failures;
};

static kpi_plan *load_seed(void)
{
    return seed_plan();
}

static char *render(const kpi_evaluation *ev, int format)
{
    char *out = NULL;
    kpi_evaluation_render(&out, NULL, ev, (kpi_format)format, KPI_LANG_JA);
    return out;
}

static int same_and_free(char *got, const char *expected)
{
    int same = got && strcmp(got, expected) == 0;
    kpi_free(got);
    return same;
}

/* The workbooks, which libkpi closes one at a time (libxlsxwriter dates
 * them with gmtime()): the report's bytes as rendered on one thread, and
 * the plan workbook reading back to the plan's structure file. */
static int workbooks(const struct shared *s)
{
    char *book = NULL, *structure = NULL;
    size_t size = 0;
    int failures = kpi_evaluation_render(&book, &size, s->evaluation, KPI_FORMAT_XLSX,
                                         KPI_LANG_JA) != KPI_OK ||
                   size != s->workbook_size ||
                   memcmp(book, s->expected_workbook, size) != 0;
    kpi_free(book);
    kpi_reader *reader = NULL;
    kpi_plan *back = NULL;
    if (kpi_plan_render_xlsx(&book, &size, s->plan) != KPI_OK ||
        kpi_reader_new(&reader) != KPI_OK ||
        kpi_reader_read_xlsx_buffer(&back, reader, book, size) != KPI_OK)
        failures++;
    else
        kpi_plan_write_structure(&structure, NULL, back, 0);
    failures += !same_and_free(structure, s->expected_structure);
    kpi_plan_free(back);
    kpi_reader_free(reader);
    kpi_free(book);
    return failures;
}

/* Evaluates the shared plan and renders every format, compared with the
 * single-threaded output; also renders the shared evaluation; with
 * with_workbooks, the workbooks too. */
static int read_shared(const struct shared *s, int with_workbooks)
{
    int failures = 0;
    kpi_evaluation *ev = NULL;
    if (kpi_evaluate(&ev, s->plan, 20170930, NULL) != KPI_OK)
        return 1;
    for (int format = KPI_FORMAT_TEXT; format <= KPI_FORMAT_HTML; format++) {
        failures += !same_and_free(render(ev, format), s->expected[format]);
        failures += !same_and_free(render(s->evaluation, format), s->expected[format]);
    }
    kpi_evaluation_free(ev);
    char *structure = NULL;
    kpi_plan_write_structure(&structure, NULL, s->plan, 0);
    failures += !same_and_free(structure, s->expected_structure);
    kpi_problems *problems = NULL;
    failures += kpi_validate(&problems, s->plan, 0, NULL) != KPI_OK;
    kpi_problems_free(problems);
    if (with_workbooks)
        failures += workbooks(s);
    return failures;
}

static void *reader_thread(void *arg)
{
    struct worker *w = arg;
    pthread_barrier_wait(&w->shared->start);
    for (int round = 0; round < ROUNDS; round++)
        w->failures += read_shared(w->shared, round < 2); /* workbooks are slow */
    return NULL;
}

/* Builds, loads, evaluates and frees plans of its own, and checks that an
 * error it causes is the one it reads back. */
static int own_plans(int index)
{
    char id[32];
    snprintf(id, sizeof id, "own-%d", index);
    kpi_plan *plan = NULL;
    kpi_goal *goal = NULL;
    kpi_target *target = NULL;
    int failures = kpi_plan_new(&plan, id) != KPI_OK;
    failures += (goal = kpi_plan_add_goal(plan, "1", "goal")) == NULL;
    failures += (target = kpi_goal_add_target(goal, "1-a", "target")) == NULL;
    failures += kpi_target_set_weight(target, -index - 1.0) != KPI_ERR_VALUE;
    char expected[64];
    snprintf(expected, sizeof expected, "got %d", -index - 1);
    failures += strstr(kpi_error_message(), expected) == NULL;
    kpi_plan_free(plan);
    kpi_plan *seed = load_seed();
    kpi_evaluation *ev = NULL;
    failures += !seed || kpi_evaluate(&ev, seed, 20180331, NULL) != KPI_OK;
    kpi_evaluation_free(ev);
    kpi_plan_free(seed);
    return failures;
}

static void *builder_thread(void *arg)
{
    struct worker *w = arg;
    pthread_barrier_wait(&w->shared->start);
    for (int round = 0; round < ROUNDS; round++)
        w->failures += own_plans(w->index);
    return NULL;
}

static void prepare(struct shared *s, kpi_plan *plan, kpi_evaluation *ev)
{
    s->plan = plan;
    s->evaluation = ev;
    for (int format = KPI_FORMAT_TEXT; format <= KPI_FORMAT_HTML; format++) {
        s->expected[format] = render(ev, format);
        assert_non_null(s->expected[format]);
    }
    assert_int_equal(kpi_plan_write_structure(&s->expected_structure, NULL, plan, 0),
                     KPI_OK);
    assert_int_equal(kpi_evaluation_render(&s->expected_workbook, &s->workbook_size, ev,
                                           KPI_FORMAT_XLSX, KPI_LANG_JA),
                     KPI_OK);
    assert_int_equal(pthread_barrier_init(&s->start, NULL, READERS + BUILDERS), 0);
}

static void test_shared_plan_many_threads(void **state)
{
    (void)state;
    kpi_plan *plan = load_seed();
    assert_non_null(plan);
    kpi_evaluation *ev = NULL;
    assert_int_equal(kpi_evaluate(&ev, plan, 20170930, NULL), KPI_OK);
    struct shared s;
    prepare(&s, plan, ev);
    pthread_t threads[READERS + BUILDERS];
    struct worker workers[READERS + BUILDERS];
    for (int i = 0; i < READERS + BUILDERS; i++) {
        workers[i] = (struct worker){&s, i, 0};
        assert_int_equal(pthread_create(&threads[i], NULL,
                                        i < READERS ? reader_thread : builder_thread,
                                        &workers[i]),
                         0);
    }
    int failures = 0;
    for (int i = 0; i < READERS + BUILDERS; i++) {
        pthread_join(threads[i], NULL);
        failures += workers[i].failures;
    }
    assert_int_equal(failures, 0);
    pthread_barrier_destroy(&s.start);
    for (int format = KPI_FORMAT_TEXT; format <= KPI_FORMAT_HTML; format++)
        kpi_free(s.expected[format]);
    kpi_free(s.expected_structure);
    kpi_free(s.expected_workbook);
    kpi_evaluation_free(ev);
    kpi_plan_free(plan);
}

/* READERS threads, each running body on its own element of workers (of
 * size bytes each), let go together: each body first waits at together. */
static pthread_barrier_t together;

static void run_together(void *(*body)(void *), void *workers, size_t size)
{
    assert_int_equal(pthread_barrier_init(&together, NULL, READERS), 0);
    pthread_t threads[READERS];
    for (int i = 0; i < READERS; i++)
        assert_int_equal(
            pthread_create(&threads[i], NULL, body, (char *)workers + (size_t)i * size),
            0);
    for (int i = 0; i < READERS; i++)
        pthread_join(threads[i], NULL);
    pthread_barrier_destroy(&together);
}

/* Threads that ask a fresh evaluation for every reason line at once: the
 * first request of each language makes the evaluation's table of lines,
 * and each line is built once for all (or built twice and one kept). */
struct asker {
    const kpi_evaluation *ev;
    const char **lines; /* result_count lines of each language */
};

static void *ask_reasons(void *arg)
{
    struct asker *a = arg;
    size_t n = kpi_evaluation_result_count(a->ev);
    pthread_barrier_wait(&together);
    for (size_t i = 0; i < 2 * n; i++) /* both languages, the second backwards */
        a->lines[i] =
            kpi_result_reason(kpi_evaluation_result_at(a->ev, i < n ? i : 2 * n - 1 - i),
                              i < n ? KPI_LANG_JA : KPI_LANG_EN);
    return NULL;
}

static void test_reasons_asked_at_once(void **state)
{
    (void)state;
    kpi_plan *plan = load_seed();
    kpi_evaluation *ev = NULL, *alone = NULL;
    assert_int_equal(kpi_evaluate(&ev, plan, 20170930, NULL), KPI_OK);
    assert_int_equal(kpi_evaluate(&alone, plan, 20170930, NULL), KPI_OK);
    size_t n = kpi_evaluation_result_count(ev);
    struct asker askers[READERS];
    for (int i = 0; i < READERS; i++) {
        askers[i] = (struct asker){ev, calloc(2 * n, sizeof(const char *))};
        assert_non_null(askers[i].lines);
    }
    run_together(ask_reasons, askers, sizeof askers[0]);
    for (size_t i = 0; i < 2 * n; i++) {
        const kpi_result *r = kpi_evaluation_result_at(alone, i < n ? i : 2 * n - 1 - i);
        const char *expected = kpi_result_reason(r, i < n ? KPI_LANG_JA : KPI_LANG_EN);
        assert_non_null(expected);
        for (int t = 0; t < READERS; t++) {
            assert_non_null(askers[t].lines[i]);
            assert_ptr_equal(askers[t].lines[i], askers[0].lines[i]); /* one kept */
            assert_string_equal(askers[t].lines[i], expected);
        }
    }
    for (int i = 0; i < READERS; i++)
        free(askers[i].lines);
    kpi_evaluation_free(alone);
    kpi_evaluation_free(ev);
    kpi_plan_free(plan);
}

/* Threads that look every code of a fresh evaluation up at once: the
 * first lookup makes its index of codes (each thread may build one; one is
 * kept), and every lookup finds the result with that code. */
struct finder {
    const kpi_evaluation *ev;
    const kpi_result **found; /* one a result, in reverse order of results */
};

static void *find_codes(void *arg)
{
    struct finder *f = arg;
    size_t n = kpi_evaluation_result_count(f->ev);
    pthread_barrier_wait(&together);
    for (size_t i = n; i-- > 0;)
        f->found[i] = kpi_evaluation_find(
            f->ev, kpi_result_code(kpi_evaluation_result_at(f->ev, i)));
    return NULL;
}

static void test_codes_found_at_once(void **state)
{
    (void)state;
    kpi_plan *plan = load_seed();
    kpi_evaluation *ev = NULL;
    assert_int_equal(kpi_evaluate(&ev, plan, 20170930, NULL), KPI_OK);
    size_t n = kpi_evaluation_result_count(ev);
    struct finder finders[READERS];
    for (int i = 0; i < READERS; i++) {
        finders[i] = (struct finder){ev, calloc(n, sizeof(const kpi_result *))};
        assert_non_null(finders[i].found);
    }
    run_together(find_codes, finders, sizeof finders[0]);
    for (size_t i = 0; i < n; i++) {
        const kpi_result *r = kpi_evaluation_result_at(ev, i);
        for (int t = 0; t < READERS; t++) {
            assert_non_null(finders[t].found[i]);
            assert_string_equal(kpi_result_code(finders[t].found[i]), kpi_result_code(r));
            /* the plan's own result is found unless a goal or target took its code */
            if (i > 0)
                assert_ptr_equal(finders[t].found[i], r);
        }
    }
    for (int i = 0; i < READERS; i++)
        free(finders[i].found);
    kpi_evaluation_free(ev);
    kpi_plan_free(plan);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shared_plan_many_threads),
        cmocka_unit_test(test_reasons_asked_at_once),
        cmocka_unit_test(test_codes_found_at_once),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
