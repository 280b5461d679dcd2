/*
 * What the system may refuse, and what libkpi does then (thread creation
 * is redirected with the linker's --wrap, tests/unit.cmake; a file that
 * cannot be synced is in test_render_write.c):
 *  - a thread that cannot be started: reading (the parsing thread of
 *    io/read_ahead.c, the progress texts' readers of io/prose_jobs.c) and
 *    evaluating (rules/eval_threads.c) do the work on the threads they
 *    have, and give what one thread gives;
 *  - the word tables' cache full (phrase/phrase_tables.c): a table that
 *    finds no room is matched word by word, with the same result.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kpi.h"
#include "phrase/phrase.h"
#include "seed.h"

/* ---- The redirected calls ---------------------------------------------- */

static atomic_int refuse_threads; /* pthread_create() fails while set */
static atomic_int thread_attempts;

int __real_pthread_create(pthread_t *thread, const pthread_attr_t *attr,
                          void *(*start)(void *), void *arg);
int __wrap_pthread_create(pthread_t *thread, const pthread_attr_t *attr,
                          void *(*start)(void *), void *arg);

int __wrap_pthread_create(pthread_t *thread, const pthread_attr_t *attr,
                          void *(*start)(void *), void *arg)
{
    atomic_fetch_add(&thread_attempts, 1);
    if (atomic_load(&refuse_threads))
        return EAGAIN;
    return __real_pthread_create(thread, attr, start, arg);
}

/* ---- Threads that cannot be started ------------------------------------ */

/* The seed read on threads reads (a reader with texts to read), written
 * back as the two plan files and rated on eval_threads threads, all in one
 * text to compare. */
static char *read_and_rate(int32_t read_threads, int32_t eval_threads)
{
    kpi_reader *reader = NULL;
    kpi_plan *plan = NULL;
    kpi_policy *policy = NULL;
    kpi_evaluation *ev = NULL;
    char *structure = NULL, *progress = NULL, *report = NULL, *all = NULL;
    assert_int_equal(kpi_reader_new(&reader), KPI_OK);
    assert_int_equal(kpi_reader_set_threads(reader, read_threads), KPI_OK);
    assert_int_equal(kpi_reader_read_files(&plan, reader, SEED_STRUCTURE, SEED_PROGRESS),
                     KPI_OK);
    assert_int_equal(kpi_policy_new(&policy), KPI_OK);
    assert_int_equal(kpi_policy_set_threads(policy, eval_threads), KPI_OK);
    assert_int_equal(kpi_evaluate(&ev, plan, 20170930, policy), KPI_OK);
    assert_int_equal(kpi_plan_write_structure(&structure, NULL, plan, 0), KPI_OK);
    assert_int_equal(kpi_plan_write_progress(&progress, NULL, plan, 0), KPI_OK);
    assert_int_equal(
        kpi_evaluation_render(&report, NULL, ev, KPI_FORMAT_JSON, KPI_LANG_JA), KPI_OK);
    size_t warnings = kpi_reader_warning_count(reader);
    size_t size = strlen(structure) + strlen(progress) + strlen(report) + 64;
    all = malloc(size);
    assert_non_null(all);
    snprintf(all, size, "%s\n%s\n%s\nwarnings %zu", structure, progress, report,
             warnings);
    kpi_free(structure);
    kpi_free(progress);
    kpi_free(report);
    kpi_evaluation_free(ev);
    kpi_policy_free(policy);
    kpi_plan_free(plan);
    kpi_reader_free(reader);
    return all;
}

static void no_thread_can_start(void **state)
{
    (void)state;
    char *alone = read_and_rate(1, 1);
    atomic_store(&thread_attempts, 0);
    atomic_store(&refuse_threads, 1);
    char *refused = read_and_rate(4, 4);
    atomic_store(&refuse_threads, 0);
    /* The reader's parsing thread, its text readers and the evaluation's
     * workers were each asked for. */
    assert_true(atomic_load(&thread_attempts) >= 3);
    assert_string_equal(refused, alone);
    char *started = read_and_rate(4, 4);
    assert_string_equal(started, alone);
    free(alone);
    free(refused);
    free(started);
}

/* ---- The word tables' cache full --------------------------------------- */

#define TABLES 2048 /* twice the cache's slots */

static void word_tables_beyond_the_cache(void **state)
{
    (void)state;
    /* Tables of one word each ("件数", "回数", ...) at distinct addresses. */
    static const char *tables[TABLES][2];
    static const char *const words[] = {"件数", "回数", "人数"};
    const uint32_t text[] = {0x767B /* 登 */, 0x9332 /* 録 */, 0x4EF6 /* 件 */,
                             0x6570 /* 数 */};
    int passed_at_once = 0, compared = 0;
    for (int i = 0; i < TABLES; i++) {
        tables[i][0] = words[i % 3];
        tables[i][1] = NULL;
        /* "数" ends every word: never passed over, cached or not. */
        assert_int_equal(kpi__pt_table_may_end(tables[i], "数", strlen("数")), 1);
        /* "録" ends none: passed at once while the table is cached, and
         * compared word by word once the cache is full. */
        if (kpi__pt_table_may_end(tables[i], "録", strlen("録")))
            compared++;
        else
            passed_at_once++;
        size_t which = 99;
        size_t expected = i % 3 == 0 ? 2 : 0; /* only 件数 ends the text */
        assert_int_equal(kpi__pt_match_end_table(text, 0, 4, tables[i], &which),
                         expected);
        if (expected)
            assert_int_equal(which, 0);
        assert_int_equal(kpi__pt_match_end_table(text, 0, 2, tables[i], NULL), 0);
    }
    assert_true(passed_at_once > 0);
    assert_true(compared > 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(no_thread_can_start),
        cmocka_unit_test(word_tables_beyond_the_cache),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
