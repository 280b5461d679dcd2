/*
 * Errors kept on the objects that fail, as SQLite keeps sqlite3_errmsg(db):
 * a failed change of a plan (or of a goal, target, measurement or
 * assessment in it) is kept on the plan, a failed read on the reader, so
 * that a caller whose thread may change between the call and the check (a
 * goroutine, an async task) still finds it. Calls that only read never
 * write it; a later success does not erase a plan's kept error, a
 * successful read clears the reader's.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "check.h"
#include "kpi.h"

static kpi_plan *new_plan(void)
{
    kpi_plan *plan = NULL;
    assert_int_equal(kpi_plan_new(&plan, "p"), KPI_OK);
    return plan;
}

/* The plan keeps exactly the error the thread recorded. */
static void assert_kept(const kpi_plan *plan, int code, const char *words)
{
    assert_int_equal(kpi_plan_error_code(plan), code);
    assert_int_equal(kpi_error_code(), code);
    assert_string_equal(kpi_plan_error_message(plan), kpi_error_message());
    assert_non_null(strstr(kpi_plan_error_message(plan), words));
}

static void test_new_plan_has_no_error(void **state)
{
    (void)state;
    kpi_plan *plan = new_plan();
    assert_int_equal(kpi_plan_error_code(plan), KPI_OK);
    assert_string_equal(kpi_plan_error_message(plan), "");
    kpi_plan_free(plan);
}

/* Every kind of object in a plan keeps its failures on the plan. */
static void test_changes_keep_their_failure(void **state)
{
    (void)state;
    kpi_plan *plan = new_plan();
    kpi_goal *goal = kpi_plan_add_goal(plan, "g", "goal");
    kpi_target *target = kpi_goal_add_target(goal, "t", "target");
    kpi_measurement *m = kpi_target_add_measurement(target, 20170930, 1, NULL);
    kpi_assessment *a = kpi_target_add_assessment(target, 20170930, KPI_RATING_AHEAD, NULL);
    assert_non_null(m);
    assert_non_null(a);

    REFUSED_NULL(KPI_ERR_DUPLICATE, kpi_plan_add_goal(plan, "t", NULL));
    assert_kept(plan, KPI_ERR_DUPLICATE, "\"t\"");
    assert_int_equal(kpi_plan_set_period(plan, 20180331, 20170401), KPI_ERR_VALUE);
    assert_kept(plan, KPI_ERR_VALUE, "before its start");
    assert_int_equal(kpi_goal_set_weight(goal, -1), KPI_ERR_VALUE);
    assert_kept(plan, KPI_ERR_VALUE, "weight");
    assert_int_equal(kpi_target_set_unit(target, "\xff"), KPI_ERR_ENCODING);
    assert_kept(plan, KPI_ERR_ENCODING, "UTF-8");
    assert_int_equal(kpi_target_set_value(target, INFINITY), KPI_ERR_VALUE);
    assert_kept(plan, KPI_ERR_VALUE, "finite");
    REFUSED_NULL(KPI_ERR_DATE, kpi_target_add_measurement(target, 20171301, 1, NULL));
    assert_kept(plan, KPI_ERR_DATE, "20171301");
    assert_int_equal(kpi_measurement_set_value(m, NAN), KPI_ERR_VALUE);
    assert_kept(plan, KPI_ERR_VALUE, "\"t\"");
    assert_int_equal(kpi_assessment_set_rating(a, KPI_RATING_NONE), KPI_ERR_VALUE);
    assert_kept(plan, KPI_ERR_VALUE, "rating");
    REFUSED_NULL(KPI_ERR_DATE, kpi_goal_add_assessment(goal, 0, KPI_RATING_AHEAD, NULL));
    assert_kept(plan, KPI_ERR_DATE, "date");
    kpi_plan_free(plan);
}

/* A success does not erase what failed before (the last failure stays
 * until another replaces it), and reading never writes the plan. */
static void test_success_and_reads_leave_it(void **state)
{
    (void)state;
    kpi_plan *plan = new_plan();
    kpi_goal *goal = kpi_plan_add_goal(plan, "g", NULL);
    assert_int_equal(kpi_goal_set_code(goal, ""), KPI_ERR_VALUE);
    assert_kept(plan, KPI_ERR_VALUE, "empty");
    assert_int_equal(kpi_goal_set_title(goal, "fine"), KPI_OK);
    assert_int_equal(kpi_plan_error_code(plan), KPI_ERR_VALUE);
    /* Reads that fail record the thread's error only. */
    assert_null(kpi_plan_find_target(plan, "nothing"));
    assert_int_equal(kpi_error_code(), KPI_ERR_NOT_FOUND);
    assert_null(kpi_plan_goal_at(plan, 5));
    assert_int_equal(kpi_error_code(), KPI_ERR_RANGE);
    assert_int_equal(kpi_plan_error_code(plan), KPI_ERR_VALUE);
    assert_non_null(strstr(kpi_plan_error_message(plan), "empty"));
    kpi_plan_free(plan);
}

static void test_null_plan(void **state)
{
    (void)state;
    assert_int_equal(kpi_plan_error_code(NULL), KPI_ERR_ARGUMENT);
    assert_string_equal(kpi_plan_error_message(NULL), "");
}

/* A failed read keeps the message, file, line and column on the reader;
 * the next successful read clears them. */
static void test_reader_keeps_its_failure(void **state)
{
    (void)state;
    static const char structure[] = "type,code,parent,title\nplan,p,,\ngoal,g,,\n";
    static const char progress[] = "code,date,value\ng,2017-13-01,1\n";
    kpi_reader *reader = NULL;
    kpi_plan *plan = NULL;
    assert_int_equal(kpi_reader_new(&reader), KPI_OK);
    assert_int_equal(kpi_reader_error_code(reader), KPI_OK);
    assert_int_equal(kpi_reader_read_buffers(&plan, reader, structure, sizeof structure - 1,
                                             progress, sizeof progress - 1),
                     KPI_ERR_DATE);
    assert_null(plan);
    assert_int_equal(kpi_reader_error_code(reader), KPI_ERR_DATE);
    assert_string_equal(kpi_reader_error_message(reader), kpi_error_message());
    assert_string_equal(kpi_reader_error_source(reader), "progress");
    assert_int_equal(kpi_reader_error_line(reader), 2);
    assert_int_equal(kpi_reader_error_column(reader), kpi_error_column());
    assert_true(kpi_reader_error_column(reader) > 0);
    assert_non_null(strstr(kpi_reader_error_message(reader), "2017-13-01"));

    /* Another thread's error later does not touch the reader's. */
    kpi_error_clear();
    assert_int_equal(kpi_reader_error_code(reader), KPI_ERR_DATE);

    assert_int_equal(kpi_reader_read_buffers(&plan, reader, structure, sizeof structure - 1,
                                             NULL, 0),
                     KPI_OK);
    assert_int_equal(kpi_reader_error_code(reader), KPI_OK);
    assert_string_equal(kpi_reader_error_message(reader), "");
    assert_string_equal(kpi_reader_error_source(reader), "");
    assert_int_equal(kpi_reader_error_line(reader), 0);
    kpi_plan_free(plan);

    assert_int_equal(kpi_reader_read_files(&plan, reader, "no/such/structure.csv", NULL),
                     KPI_ERR_IO);
    assert_int_equal(kpi_reader_error_code(reader), KPI_ERR_IO);
    assert_string_equal(kpi_reader_error_source(reader), "no/such/structure.csv");
    kpi_reader_free(reader);

    assert_int_equal(kpi_reader_error_code(NULL), KPI_ERR_ARGUMENT);
    assert_string_equal(kpi_reader_error_message(NULL), "");
    assert_string_equal(kpi_reader_error_source(NULL), "");
    assert_int_equal(kpi_reader_error_line(NULL), 0);
    assert_int_equal(kpi_reader_error_column(NULL), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_new_plan_has_no_error),
        cmocka_unit_test(test_changes_keep_their_failure),
        cmocka_unit_test(test_success_and_reads_leave_it),
        cmocka_unit_test(test_null_plan),
        cmocka_unit_test(test_reader_keeps_its_failure),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
