/* Tests of how the API reports errors: the thread's last error (messages
 * naming the object, field and value; no source or position for API calls;
 * kpi_error_clear; kept by successful calls; the names of the codes), every
 * function given a NULL handle or a NULL required argument, and the last
 * error being each thread's own.
 *
 * Every expectation comes from the header comments of include/kpi.h and
 * include/kpi/ and from the "Model" section of the evaluation contract, not
 * from the implementation. */

/* pthread_barrier_t is POSIX: make it visible under -std=c11. */
#define _POSIX_C_SOURCE 200809L

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>

#include "kpi.h"
#include "check.h"
#include "model_support.h"
/* kpi__error_at(): the only way to give the last error a source and a
 * position without a file reader, to check that API errors reset them. */
#include "util/error.h"

/* ---- Helpers ------------------------------------------------------------- */

/* Fails, showing both strings, unless needle occurs in haystack. */
static void assert_contains(const char *haystack, const char *needle)
{
    assert_non_null(haystack);
    if (!strstr(haystack, needle)) {
        print_error("expected \"%s\" in \"%s\"\n", needle, haystack);
        fail();
    }
}

/* Checks that the last error is code and that its message contains every
 * fragment given (NULL to skip one). */
static void assert_last_error(int code, const char *fragment1, const char *fragment2,
                              const char *fragment3)
{
    assert_int_equal(kpi_error_code(), code);
    if (fragment1)
        assert_contains(kpi_error_message(), fragment1);
    if (fragment2)
        assert_contains(kpi_error_message(), fragment2);
    if (fragment3)
        assert_contains(kpi_error_message(), fragment3);
}

/* ---- The last error ------------------------------------------------------ */

/* Messages name the object, the field and the value. */
static void test_error_message_names_object(void **state)
{
    struct fixture *f = *state;
    kpi_target *t = f->target;
    kpi_target *found;

    REFUSED(KPI_ERR_VALUE, kpi_target_set_weight(t, -1));
    assert_last_error(KPI_ERR_VALUE, "target \"3-2-a\"", "weight", "-1");
    REFUSED(KPI_ERR_VALUE, kpi_goal_set_weight(f->sub, -2.5));
    assert_last_error(KPI_ERR_VALUE, "goal \"3-2\"", "weight", "-2.5");
    REFUSED_NULL(KPI_ERR_VALUE, kpi_target_add_measurement(t, 20170930, INFINITY, NULL));
    assert_last_error(KPI_ERR_VALUE, "target \"3-2-a\"", "value", "inf");
    REFUSED_NULL(KPI_ERR_DATE, kpi_target_add_measurement(t, 20170230, 1, NULL));
    assert_last_error(KPI_ERR_DATE, "target \"3-2-a\"", "date", "20170230");
    REFUSED(KPI_ERR_DATE, kpi_target_set_due(t, 20171301));
    assert_last_error(KPI_ERR_DATE, "target \"3-2-a\"", "due", "20171301");
    REFUSED(KPI_ERR_VALUE, kpi_target_set_value(t, -INFINITY));
    assert_last_error(KPI_ERR_VALUE, "target \"3-2-a\"", "value", "inf");
    REFUSED(KPI_ERR_VALUE, kpi_target_set_kind(t, (kpi_kind)9));
    assert_last_error(KPI_ERR_VALUE, "target \"3-2-a\"", "kind", "9");
    OK(kpi_target_set_kind(t, KPI_KIND_MILESTONE));
    REFUSED_NULL(KPI_ERR_VALUE, kpi_target_add_measurement(t, 20170930, 1.5, NULL));
    assert_last_error(KPI_ERR_VALUE, "target \"3-2-a\"", "1.5", NULL);
    REFUSED_NULL(KPI_ERR_VALUE,
                 kpi_target_add_assessment(t, 20170930, (kpi_rating)7, NULL));
    assert_last_error(KPI_ERR_VALUE, "\"3-2-a\"", "rating", "7");
    kpi_assessment *assessment;
    assert_non_null(assessment =
                        kpi_target_add_assessment(t, 20170930, KPI_RATING_AHEAD, NULL));
    REFUSED(KPI_ERR_VALUE, kpi_assessment_set_rating(assessment, (kpi_rating)7));
    assert_last_error(KPI_ERR_VALUE, "assessment", "rating", "7");
    REFUSED_NULL(KPI_ERR_DUPLICATE, kpi_goal_add_target(f->sub, "3-2-a", NULL));
    assert_last_error(KPI_ERR_DUPLICATE, "\"3-2-a\"", NULL, NULL);
    REFUSED_NULL(KPI_ERR_NOT_FOUND, found = kpi_plan_find_target(f->plan, "nope"));
    assert_last_error(KPI_ERR_NOT_FOUND, "\"nope\"", NULL, NULL);
    REFUSED(KPI_ERR_VALUE, kpi_plan_set_period(f->plan, 20180331, 20170401));
    assert_last_error(KPI_ERR_VALUE, "plan \"P\"", "20180331", "20170401");
}

/* Errors of API calls have no source and no position, even right after an
 * error that had them. */
static void test_error_source_empty_for_api_errors(void **state)
{
    struct fixture *f = *state;
    kpi__error_at(KPI_ERR_PARSE, "structure.csv", 12, 3, "bad field");
    assert_string_equal(kpi_error_source(), "structure.csv");
    assert_int_equal(kpi_error_line(), 12);
    assert_int_equal(kpi_error_column(), 3);

    assert_int_equal(kpi_target_set_weight(f->target, 0), KPI_ERR_VALUE);
    assert_int_equal(kpi_error_code(), KPI_ERR_VALUE);
    assert_string_equal(kpi_error_source(), "");
    assert_int_equal(kpi_error_line(), 0);
    assert_int_equal(kpi_error_column(), 0);
}

static void test_error_clear(void **state)
{
    (void)state;
    kpi__error_at(KPI_ERR_PARSE, "structure.csv", 12, 3, "bad field");
    assert_int_equal(kpi_error_code(), KPI_ERR_PARSE);
    kpi_error_clear();
    assert_int_equal(kpi_error_code(), KPI_OK);
    assert_empty(kpi_error_message());
    assert_empty(kpi_error_source());
    assert_int_equal(kpi_error_line(), 0);
    assert_int_equal(kpi_error_column(), 0);
}

/* A successful call leaves the last error alone. */
static void test_error_kept_by_success(void **state)
{
    struct fixture *f = *state;
    REFUSED(KPI_ERR_VALUE, kpi_target_set_weight(f->target, -1));
    char saved[512];
    snprintf(saved, sizeof saved, "%s", kpi_error_message());
    kpi_goal *found;
    OK(kpi_target_set_weight(f->target, 2));
    assert_non_null(found = kpi_plan_find_goal(f->plan, "3"));
    assert_non_null(kpi_goal_add_target(f->sub, "3-2-b", NULL));
    assert_int_equal(kpi_error_code(), KPI_ERR_VALUE);
    assert_string_equal(kpi_error_message(), saved);
}

static void test_error_names(void **state)
{
    (void)state;
    static const struct {
        int code;
        const char *name;
    } names[] = {
        {KPI_OK, "KPI_OK"},
        {KPI_ERR_NOMEM, "KPI_ERR_NOMEM"},
        {KPI_ERR_ARGUMENT, "KPI_ERR_ARGUMENT"},
        {KPI_ERR_RANGE, "KPI_ERR_RANGE"},
        {KPI_ERR_NOT_FOUND, "KPI_ERR_NOT_FOUND"},
        {KPI_ERR_DUPLICATE, "KPI_ERR_DUPLICATE"},
        {KPI_ERR_VALUE, "KPI_ERR_VALUE"},
        {KPI_ERR_DATE, "KPI_ERR_DATE"},
        {KPI_ERR_PARSE, "KPI_ERR_PARSE"},
        {KPI_ERR_IO, "KPI_ERR_IO"},
        {KPI_ERR_ENCODING, "KPI_ERR_ENCODING"},
        {KPI_ERR_LIMIT, "KPI_ERR_LIMIT"},
        {KPI_ERR_MISUSE, "KPI_ERR_MISUSE"},
        {1, "KPI_ERR_UNKNOWN"},
        {-13, "KPI_ERR_UNKNOWN"},
        {-999, "KPI_ERR_UNKNOWN"},
        {INT32_MIN, "KPI_ERR_UNKNOWN"},
        {INT32_MAX, "KPI_ERR_UNKNOWN"},
    };
    /* The codes are stable. */
    assert_int_equal(KPI_ERR_NOMEM, -1);
    assert_int_equal(KPI_ERR_LIMIT, -11);
    assert_int_equal(KPI_ERR_MISUSE, -12);
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        assert_string_equal(kpi_error_name(names[i].code), names[i].name);
}

/* ---- NULL handles -------------------------------------------------------- */

static void test_null_plan_functions(void **state)
{
    (void)state;
    NULL_HANDLE(assert_empty(kpi_plan_id(NULL)));
    NULL_HANDLE(assert_empty(kpi_plan_title(NULL)));
    NULL_HANDLE(assert_empty(kpi_plan_organization(NULL)));
    NULL_HANDLE(assert_empty(kpi_plan_department(NULL)));
    NULL_HANDLE(assert_int_equal(kpi_plan_start(NULL), 0));
    NULL_HANDLE(assert_int_equal(kpi_plan_end(NULL), 0));
    NULL_HANDLE(assert_int_equal(kpi_plan_goal_count(NULL), 0));
    NULL_HANDLE(assert_null(kpi_plan_goal_at(NULL, 0)));
    NULL_HANDLE(assert_int_equal(kpi_plan_total_goal_count(NULL), 0));
    NULL_HANDLE(assert_int_equal(kpi_plan_total_target_count(NULL), 0));
    NULL_HANDLE(assert_int_equal(kpi_plan_note_count(NULL), 0));
    NULL_HANDLE(assert_null(kpi_plan_note_at(NULL, 0)));
    NULL_HANDLE(assert_null(kpi_plan_note_code_at(NULL, 0)));

    kpi_goal *goal = NULL;
    kpi_target *target = NULL;
    REFUSED(KPI_ERR_ARGUMENT, kpi_plan_set_id(NULL, "P"));
    REFUSED(KPI_ERR_ARGUMENT, kpi_plan_set_title(NULL, "t"));
    REFUSED(KPI_ERR_ARGUMENT, kpi_plan_set_organization(NULL, "o"));
    REFUSED(KPI_ERR_ARGUMENT, kpi_plan_set_department(NULL, "d"));
    REFUSED(KPI_ERR_ARGUMENT, kpi_plan_set_period(NULL, 20170401, 20180331));
    REFUSED(KPI_ERR_ARGUMENT, kpi_plan_set_fiscal_year(NULL, 2017));
    REFUSED_NULL(KPI_ERR_ARGUMENT, goal = kpi_plan_add_goal(NULL, "1", NULL));
    REFUSED_NULL(KPI_ERR_ARGUMENT, goal = kpi_plan_find_goal(NULL, "1"));
    REFUSED_NULL(KPI_ERR_ARGUMENT, target = kpi_plan_find_target(NULL, "1"));
    REFUSED(KPI_ERR_ARGUMENT, kpi_plan_add_note(NULL, NULL, "note"));
    kpi_plan_free(NULL);
}

static void test_null_goal_functions(void **state)
{
    (void)state;
    NULL_HANDLE(assert_empty(kpi_goal_code(NULL)));
    NULL_HANDLE(assert_empty(kpi_goal_title(NULL)));
    NULL_HANDLE(assert_nan(kpi_goal_weight(NULL)));
    NULL_HANDLE(assert_null(kpi_goal_plan(NULL)));
    NULL_HANDLE(assert_null(kpi_goal_parent(NULL)));
    NULL_HANDLE(assert_int_equal(kpi_goal_depth(NULL), 0));
    NULL_HANDLE(assert_int_equal(kpi_goal_goal_count(NULL), 0));
    NULL_HANDLE(assert_null(kpi_goal_goal_at(NULL, 0)));
    NULL_HANDLE(assert_int_equal(kpi_goal_target_count(NULL), 0));
    NULL_HANDLE(assert_null(kpi_goal_target_at(NULL, 0)));
    NULL_HANDLE(assert_int_equal(kpi_goal_assessment_count(NULL), 0));
    NULL_HANDLE(assert_null(kpi_goal_assessment_at(NULL, 0)));
    NULL_HANDLE(assert_int_equal(kpi_goal_note_count(NULL), 0));
    NULL_HANDLE(assert_null(kpi_goal_note_at(NULL, 0)));
    NULL_HANDLE(assert_null(kpi_goal_note_code_at(NULL, 0)));

    kpi_goal *goal = NULL;
    kpi_target *target = NULL;
    kpi_assessment *a = NULL;
    REFUSED(KPI_ERR_ARGUMENT, kpi_goal_set_code(NULL, "1"));
    REFUSED(KPI_ERR_ARGUMENT, kpi_goal_set_title(NULL, "t"));
    REFUSED(KPI_ERR_ARGUMENT, kpi_goal_set_weight(NULL, 1));
    REFUSED_NULL(KPI_ERR_ARGUMENT, goal = kpi_goal_add_goal(NULL, "1", NULL));
    REFUSED_NULL(KPI_ERR_ARGUMENT, target = kpi_goal_add_target(NULL, "1", NULL));
    REFUSED_NULL(KPI_ERR_ARGUMENT,
                 a = kpi_goal_add_assessment(NULL, 20170930, KPI_RATING_AHEAD, NULL));
    REFUSED(KPI_ERR_ARGUMENT, kpi_goal_add_note(NULL, NULL, "note"));
}

static void test_null_target_functions(void **state)
{
    (void)state;
    NULL_HANDLE(assert_empty(kpi_target_code(NULL)));
    NULL_HANDLE(assert_empty(kpi_target_label(NULL)));
    NULL_HANDLE(assert_empty(kpi_target_unit(NULL)));
    NULL_HANDLE(assert_empty(kpi_target_text(NULL)));
    /* Enumerations read as their defaults (all 0). */
    NULL_HANDLE(assert_int_equal(kpi_target_kind(NULL), KPI_KIND_NUMERIC));
    NULL_HANDLE(assert_int_equal(kpi_target_direction(NULL), KPI_DIRECTION_INCREASE));
    NULL_HANDLE(assert_int_equal(kpi_target_schedule(NULL), KPI_SCHEDULE_DEFAULT));
    NULL_HANDLE(assert_int_equal(kpi_target_accumulate(NULL), KPI_ACCUMULATE_LATEST));
    NULL_HANDLE(assert_nan(kpi_target_value(NULL)));
    NULL_HANDLE(assert_nan(kpi_target_start_value(NULL)));
    NULL_HANDLE(assert_nan(kpi_target_reference(NULL)));
    NULL_HANDLE(assert_nan(kpi_target_change_pct(NULL)));
    NULL_HANDLE(assert_nan(kpi_target_weight(NULL)));
    NULL_HANDLE(assert_int_equal(kpi_target_start(NULL), 0));
    NULL_HANDLE(assert_int_equal(kpi_target_due(NULL), 0));
    NULL_HANDLE(assert_null(kpi_target_goal(NULL)));
    NULL_HANDLE(assert_int_equal(kpi_target_measurement_count(NULL), 0));
    NULL_HANDLE(assert_null(kpi_target_measurement_at(NULL, 0)));
    NULL_HANDLE(assert_int_equal(kpi_target_assessment_count(NULL), 0));
    NULL_HANDLE(assert_null(kpi_target_assessment_at(NULL, 0)));

    kpi_measurement *m = NULL;
    kpi_assessment *a = NULL;
    REFUSED(KPI_ERR_ARGUMENT, kpi_target_set_code(NULL, "1"));
    REFUSED(KPI_ERR_ARGUMENT, kpi_target_set_label(NULL, "l"));
    REFUSED(KPI_ERR_ARGUMENT, kpi_target_set_unit(NULL, "u"));
    REFUSED(KPI_ERR_ARGUMENT, kpi_target_set_text(NULL, "t"));
    REFUSED(KPI_ERR_ARGUMENT, kpi_target_set_kind(NULL, KPI_KIND_NUMERIC));
    REFUSED(KPI_ERR_ARGUMENT, kpi_target_set_direction(NULL, KPI_DIRECTION_INCREASE));
    REFUSED(KPI_ERR_ARGUMENT, kpi_target_set_schedule(NULL, KPI_SCHEDULE_DEFAULT));
    REFUSED(KPI_ERR_ARGUMENT, kpi_target_set_accumulate(NULL, KPI_ACCUMULATE_LATEST));
    REFUSED(KPI_ERR_ARGUMENT, kpi_target_set_value(NULL, 1));
    REFUSED(KPI_ERR_ARGUMENT, kpi_target_set_start_value(NULL, 1));
    REFUSED(KPI_ERR_ARGUMENT, kpi_target_set_reference(NULL, 1));
    REFUSED(KPI_ERR_ARGUMENT, kpi_target_set_change_pct(NULL, 1));
    REFUSED(KPI_ERR_ARGUMENT, kpi_target_set_weight(NULL, 1));
    REFUSED(KPI_ERR_ARGUMENT, kpi_target_set_start(NULL, 20170401));
    REFUSED(KPI_ERR_ARGUMENT, kpi_target_set_due(NULL, 20180331));
    REFUSED_NULL(KPI_ERR_ARGUMENT,
                 m = kpi_target_add_measurement(NULL, 20170930, 1, NULL));
    REFUSED_NULL(KPI_ERR_ARGUMENT,
                 a = kpi_target_add_assessment(NULL, 20170930, KPI_RATING_AHEAD, NULL));
}

static void test_null_measurement_assessment_functions(void **state)
{
    (void)state;
    NULL_HANDLE(assert_int_equal(kpi_measurement_date(NULL), 0));
    NULL_HANDLE(assert_nan(kpi_measurement_value(NULL)));
    NULL_HANDLE(assert_empty(kpi_measurement_note(NULL)));
    NULL_HANDLE(assert_empty(kpi_measurement_author(NULL)));
    NULL_HANDLE(assert_int_equal(kpi_assessment_date(NULL), 0));
    NULL_HANDLE(assert_int_equal(kpi_assessment_rating(NULL), KPI_RATING_NONE));
    NULL_HANDLE(assert_empty(kpi_assessment_comment(NULL)));
    NULL_HANDLE(assert_empty(kpi_assessment_author(NULL)));

    REFUSED(KPI_ERR_ARGUMENT, kpi_measurement_set_date(NULL, 20170930));
    REFUSED(KPI_ERR_ARGUMENT, kpi_measurement_set_value(NULL, 1));
    REFUSED(KPI_ERR_ARGUMENT, kpi_measurement_set_note(NULL, "n"));
    REFUSED(KPI_ERR_ARGUMENT, kpi_measurement_set_author(NULL, "a"));
    REFUSED(KPI_ERR_ARGUMENT, kpi_assessment_set_date(NULL, 20170930));
    REFUSED(KPI_ERR_ARGUMENT, kpi_assessment_set_rating(NULL, KPI_RATING_AHEAD));
    REFUSED(KPI_ERR_ARGUMENT, kpi_assessment_set_comment(NULL, "c"));
    REFUSED(KPI_ERR_ARGUMENT, kpi_assessment_set_author(NULL, "a"));
}

/* Required out-parameters and codes given as NULL: KPI_ERR_ARGUMENT, and
 * nothing changes. */
static void test_null_arguments(void **state)
{
    struct fixture *f = *state;
    struct counts before = count_all(f);
    kpi_goal *goal;
    kpi_target *target;
    REFUSED(KPI_ERR_ARGUMENT, kpi_plan_new(NULL, "P"));
    REFUSED_NULL(KPI_ERR_ARGUMENT, goal = kpi_plan_find_goal(f->plan, NULL));
    REFUSED_NULL(KPI_ERR_ARGUMENT, target = kpi_plan_find_target(f->plan, NULL));
    REFUSED_NULL(KPI_ERR_ARGUMENT, goal = kpi_plan_add_goal(f->plan, NULL, "t"));
    REFUSED_NULL(KPI_ERR_ARGUMENT, goal = kpi_goal_add_goal(f->goal, NULL, "t"));
    REFUSED_NULL(KPI_ERR_ARGUMENT, target = kpi_goal_add_target(f->sub, NULL, "l"));
    REFUSED(KPI_ERR_ARGUMENT, kpi_plan_set_id(f->plan, NULL));
    REFUSED(KPI_ERR_ARGUMENT, kpi_goal_set_code(f->sub, NULL));
    REFUSED(KPI_ERR_ARGUMENT, kpi_target_set_code(f->target, NULL));
    assert_counts_equal(count_all(f), before);
    assert_string_equal(kpi_plan_id(f->plan), "P");
    assert_string_equal(kpi_goal_code(f->sub), "3-2");
    assert_string_equal(kpi_target_code(f->target), "3-2-a");
}

/* ---- Thread-local errors ------------------------------------------------- */

enum { THREAD_ROUNDS = 200 };

/* What one thread saw. */
struct thread_run {
    pthread_barrier_t *barrier;
    int which; /* 0: a weight error, 1: a lookup error */
    int mismatches;
    int code;
    char message[512];
};

/* Each round: wait for the other thread, fail a call, wait until the other
 * has failed too, then read back the last error, which must be this
 * thread's own. */
static void *thread_main(void *arg)
{
    struct thread_run *run = arg;
    kpi_plan *plan = NULL;
    kpi_goal *goal = NULL;
    kpi_target *target = NULL;
    const char *own = run->which == 0 ? "\"A-t\"" : "\"B-missing\"";
    const char *other = run->which == 0 ? "\"B-missing\"" : "\"A-t\"";
    int expected = run->which == 0 ? KPI_ERR_VALUE : KPI_ERR_NOT_FOUND;
    if (kpi_plan_new(&plan, run->which == 0 ? "A" : "B") != KPI_OK ||
        (goal = kpi_plan_add_goal(plan, "g", NULL)) == NULL ||
        (target = kpi_goal_add_target(goal, run->which == 0 ? "A-t" : "B-t", NULL)) ==
            NULL)
        run->mismatches = THREAD_ROUNDS + 1;
    for (int round = 0; round < THREAD_ROUNDS; round++) {
        pthread_barrier_wait(run->barrier);
        int rc;
        if (run->which == 0) {
            rc = kpi_target_set_weight(target, -1);
        } else {
            kpi_target *found;
            rc = (found = kpi_plan_find_target(plan, "B-missing")) ? KPI_OK
                                                                   : kpi_error_code();
        }
        pthread_barrier_wait(run->barrier);
        const char *message = kpi_error_message();
        if (rc != expected || kpi_error_code() != expected || !strstr(message, own) ||
            strstr(message, other))
            run->mismatches++;
    }
    run->code = kpi_error_code();
    snprintf(run->message, sizeof run->message, "%s", kpi_error_message());
    kpi_plan_free(plan);
    return NULL;
}

static void test_thread_local_errors(void **state)
{
    (void)state;
    pthread_barrier_t barrier;
    assert_int_equal(pthread_barrier_init(&barrier, NULL, 2), 0);
    struct thread_run runs[2] = {{&barrier, 0, 0, 0, ""}, {&barrier, 1, 0, 0, ""}};
    pthread_t threads[2];

    /* This thread's own error, which the others must not touch. */
    kpi_error_clear();
    assert_int_equal(kpi_rating_parse(&(kpi_rating){KPI_RATING_NONE}, "good"),
                     KPI_ERR_VALUE);

    for (int i = 0; i < 2; i++)
        assert_int_equal(pthread_create(&threads[i], NULL, thread_main, &runs[i]), 0);
    for (int i = 0; i < 2; i++)
        assert_int_equal(pthread_join(threads[i], NULL), 0);
    pthread_barrier_destroy(&barrier);

    assert_int_equal(runs[0].mismatches, 0);
    assert_int_equal(runs[1].mismatches, 0);
    assert_int_equal(runs[0].code, KPI_ERR_VALUE);
    assert_contains(runs[0].message, "target \"A-t\"");
    assert_contains(runs[0].message, "weight");
    assert_int_equal(runs[1].code, KPI_ERR_NOT_FOUND);
    assert_contains(runs[1].message, "\"B-missing\"");
    assert_int_equal(kpi_error_code(), KPI_ERR_VALUE);
    assert_contains(kpi_error_message(), "good");
}

/* ---- Main ---------------------------------------------------------------- */

int main(void)
{
    const struct CMUnitTest tests[] = {
        FIXTURE_TEST(test_error_message_names_object),
        FIXTURE_TEST(test_error_source_empty_for_api_errors),
        cmocka_unit_test(test_error_clear),
        FIXTURE_TEST(test_error_kept_by_success),
        cmocka_unit_test(test_error_names),
        cmocka_unit_test(test_null_plan_functions),
        cmocka_unit_test(test_null_goal_functions),
        cmocka_unit_test(test_null_target_functions),
        cmocka_unit_test(test_null_measurement_assessment_functions),
        FIXTURE_TEST(test_null_arguments),
        cmocka_unit_test(test_thread_local_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
