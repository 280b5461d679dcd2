/*
 * What the system may refuse, and what libkpi does then (thread creation,
 * libxlsxwriter's workbook_close() and the reading of a workbook's
 * temporary file are redirected with the linker's --wrap, tests/unit.cmake;
 * a file that cannot be synced is in test_render_write.c):
 *  - a thread that cannot be started: reading (the parsing thread of
 *    io/read_ahead.c, the progress texts' readers of io/prose_jobs.c) and
 *    evaluating (rules/eval_threads.c) do the work on the threads they
 *    have, and give what one thread gives;
 *  - the word tables' cache full (phrase/phrase_tables.c): a table that
 *    finds no room is matched word by word, with the same result;
 *  - a workbook that libxlsxwriter cannot close, or whose temporary file
 *    cannot be opened or read back (util/workbook.c): KPI_ERR_IO saying
 *    which, no bytes, no file written, no temporary file left.
 */
#define _POSIX_C_SOURCE 200809L /* mkdtemp */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kpi.h"
#include "tmpdir.h"
#include "kpi/xlsx.h"
#include "phrase/phrase.h"
#include "seed.h"

#include <xlsxwriter.h>

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

/* What the workbook calls below fail with while set (0: nothing fails),
 * and where libkpi's temporary workbooks are ("TMPDIR/libkpi-"). */
static enum { WORKS, CLOSE_FAILS, OPEN_FAILS, READ_FAILS } workbook_failure;
static char temporary_workbooks[256];

lxw_error __real_workbook_close(lxw_workbook *workbook);
lxw_error __wrap_workbook_close(lxw_workbook *workbook);
FILE *__real_fopen(const char *path, const char *mode);
FILE *__wrap_fopen(const char *path, const char *mode);
int __real_ferror(FILE *stream);
int __wrap_ferror(FILE *stream);

/* Closes (and frees) the workbook, then says the zip could not be closed. */
lxw_error __wrap_workbook_close(lxw_workbook *workbook)
{
    lxw_error closed = __real_workbook_close(workbook);
    return workbook_failure == CLOSE_FAILS ? LXW_ERROR_ZIP_CLOSE : closed;
}

/* Only a temporary workbook (TMPDIR/libkpi-XXXXXX, read back) fails. */
FILE *__wrap_fopen(const char *path, const char *mode)
{
    if (workbook_failure == OPEN_FAILS &&
        strncmp(path, temporary_workbooks, strlen(temporary_workbooks)) == 0) {
        errno = EACCES;
        return NULL;
    }
    return __real_fopen(path, mode);
}

int __wrap_ferror(FILE *stream)
{
    if (workbook_failure == READ_FAILS) {
        errno = EIO;
        return 1;
    }
    return __real_ferror(stream);
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

/* ---- Workbooks that cannot be finished --------------------------------- */

/* How many entries directory holds besides . and .. */
static int entries_in(const char *directory)
{
    DIR *d = opendir(directory);
    assert_non_null(d);
    int n = 0;
    for (struct dirent *e; (e = readdir(d)) != NULL;)
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(d);
    return n;
}

/* The report workbook and the plan workbook, as bytes and as a file in
 * directory, each failing with KPI_ERR_IO and a message holding expected
 * while failure is set (only then: the seed is read before); nothing
 * written, nothing left in directory (also TMPDIR). */
static void every_workbook_fails(const char *directory, int failure, const char *expected)
{
    kpi_evaluation *ev = seed_evaluation(20170930);
    kpi_plan *plan = seed_plan();
    workbook_failure = failure;
    char *bytes = NULL;
    size_t size = 0;
    assert_int_equal(
        kpi_evaluation_render(&bytes, &size, ev, KPI_FORMAT_XLSX, KPI_LANG_JA),
        KPI_ERR_IO);
    assert_non_null(strstr(kpi_error_message(), expected));
    assert_null(bytes);
    assert_int_equal(kpi_plan_render_xlsx(&bytes, &size, plan), KPI_ERR_IO);
    assert_non_null(strstr(kpi_error_message(), expected));
    assert_null(bytes);
    char path[4096];
    snprintf(path, sizeof path, "%s/report.xlsx", directory);
    assert_int_equal(kpi_evaluation_write(ev, path, KPI_FORMAT_XLSX, KPI_LANG_JA),
                     KPI_ERR_IO);
    assert_non_null(strstr(kpi_error_message(), expected));
    snprintf(path, sizeof path, "%s/plan.xlsx", directory);
    assert_int_equal(kpi_plan_write_xlsx(plan, path), KPI_ERR_IO);
    assert_non_null(strstr(kpi_error_message(), expected));
    workbook_failure = WORKS;
    assert_int_equal(entries_in(directory), 0);
    kpi_plan_free(plan);
    kpi_evaluation_free(ev);
}

static void workbooks_that_cannot_be_finished(void **state)
{
    (void)state;
    char directory[] = "/tmp/kpi-workbook-failures-XXXXXX";
    assert_non_null(mkdtemp(directory));
    char *saved = tmpdir_set(directory);
    snprintf(temporary_workbooks, sizeof temporary_workbooks, "%s/libkpi-", directory);

    every_workbook_fails(directory, CLOSE_FAILS, "closing the workbook");
    every_workbook_fails(directory, OPEN_FAILS, "cannot read the workbook back from");
    every_workbook_fails(directory, READ_FAILS, "cannot read the workbook back from");

    /* The same calls work once nothing fails: the failures were the ones
     * above, not the fixture. */
    kpi_plan *plan = seed_plan();
    char *bytes = NULL;
    size_t size = 0;
    assert_int_equal(kpi_plan_render_xlsx(&bytes, &size, plan), KPI_OK);
    assert_true(size > 4 && memcmp(bytes, "PK", 2) == 0);
    kpi_free(bytes);
    kpi_plan_free(plan);
    assert_int_equal(entries_in(directory), 0);

    tmpdir_restore(saved);
    assert_int_equal(rmdir(directory), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(no_thread_can_start),
        cmocka_unit_test(word_tables_beyond_the_cache),
        cmocka_unit_test(workbooks_that_cannot_be_finished),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
