/* Tests of the objects' life: the version, creating and freeing plans (and
 * every *_free(NULL)), the defaults of every field of a new plan, goal,
 * target, measurement and assessment, how long a string a getter returned
 * stays valid, and kpi_file_write (kpi/file.h), which replaces a file
 * whole.
 *
 * Every expectation comes from the header comments of include/kpi.h and
 * include/kpi/ and from the "Model" section of the evaluation contract, not
 * from the implementation. */

/* mkdtemp, rmdir: POSIX. */
#define _POSIX_C_SOURCE 200809L

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kpi.h"
#include "check.h"
#include "model_support.h"

/* ---- Version ------------------------------------------------------------- */

static void test_version(void **state)
{
    (void)state;
    char text[32];
    snprintf(text, sizeof text, "%d.%d.%d", KPI_VERSION_MAJOR, KPI_VERSION_MINOR,
             KPI_VERSION_PATCH);
    assert_string_equal(KPI_VERSION_STRING, text);
    assert_string_equal(kpi_version(), KPI_VERSION_STRING);
    assert_int_equal(KPI_VERSION_NUMBER, KPI_VERSION_MAJOR * 10000 +
                                             KPI_VERSION_MINOR * 100 + KPI_VERSION_PATCH);
    assert_int_equal(kpi_version_number(), KPI_VERSION_NUMBER);
}

/* ---- Creation and release ------------------------------------------------ */

/* Every *_free(NULL) does nothing: no crash, and the last error is left
 * alone. */
static void test_free_null_does_nothing(void **state)
{
    (void)state;
    kpi_plan *plan = NULL;
    REFUSED(KPI_ERR_VALUE, kpi_plan_new(&plan, ""));
    char saved[512];
    snprintf(saved, sizeof saved, "%s", kpi_error_message());

    kpi_plan_free(NULL);
    kpi_policy_free(NULL);
    kpi_evaluation_free(NULL);
    kpi_problems_free(NULL);
    kpi_free(NULL);

    assert_int_equal(kpi_error_code(), KPI_ERR_VALUE);
    assert_string_equal(kpi_error_message(), saved);
}

static void test_plan_new_and_free(void **state)
{
    (void)state;
    kpi_plan *plan = NULL;
    OK(kpi_plan_new(&plan, "FY2017-政策企画部"));
    assert_non_null(plan);
    assert_string_equal(kpi_plan_id(plan), "FY2017-政策企画部");
    assert_int_equal(kpi_plan_goal_count(plan), 0);
    assert_int_equal(kpi_plan_total_goal_count(plan), 0);
    assert_int_equal(kpi_plan_total_target_count(plan), 0);
    assert_int_equal(kpi_plan_note_count(plan), 0);

    /* Free a plan holding one of everything: valgrind and ASan check that
     * nothing leaks. */
    kpi_goal *goal, *sub;
    kpi_target *target;
    kpi_measurement *m;
    kpi_assessment *a;
    OK(kpi_plan_set_title(plan, "重点目標一覧"));
    OK(kpi_plan_set_organization(plan, "上田市"));
    OK(kpi_plan_set_department(plan, "政策企画部"));
    OK(kpi_plan_add_note(plan, "N1", "市長指示事項"));
    assert_non_null(goal = kpi_plan_add_goal(plan, "1", "goal"));
    OK(kpi_goal_add_note(goal, "G1", "note"));
    assert_non_null(
        a = kpi_goal_add_assessment(goal, 20170930, KPI_RATING_ON_TRACK, "comment"));
    OK(kpi_assessment_set_author(a, "author"));
    assert_non_null(sub = kpi_goal_add_goal(goal, "1-1", "sub"));
    assert_non_null(target = kpi_goal_add_target(sub, "1-1-a", "label"));
    OK(kpi_target_set_unit(target, "件"));
    OK(kpi_target_set_text(target, "30件以上"));
    assert_non_null(m = kpi_target_add_measurement(target, 20170930, 12, "note"));
    OK(kpi_measurement_set_author(m, "author"));
    assert_non_null(
        a = kpi_target_add_assessment(target, 20170930, KPI_RATING_AHEAD, "comment"));
    OK(kpi_assessment_set_author(a, "author"));
    kpi_plan_free(plan);
}

/* A plan needs a usable id: NULL out or NULL id is an argument error, an
 * empty or too long id a value error. */
static void test_plan_new_refused(void **state)
{
    (void)state;
    kpi_plan *plan = NULL;
    REFUSED(KPI_ERR_ARGUMENT, kpi_plan_new(NULL, "P"));
    REFUSED(KPI_ERR_ARGUMENT, kpi_plan_new(&plan, NULL));
    assert_null(plan);
    REFUSED(KPI_ERR_VALUE, kpi_plan_new(&plan, ""));
    assert_null(plan);
    char *code = make_code(KPI_MAX_CODE + 1);
    REFUSED(KPI_ERR_LIMIT, kpi_plan_new(&plan, code));
    assert_null(plan);
    code[KPI_MAX_CODE] = '\0';
    OK(kpi_plan_new(&plan, code));
    assert_string_equal(kpi_plan_id(plan), code);
    kpi_plan_free(plan);
    test_free(code);
}

/* ---- Defaults and lifetimes ---------------------------------------------- */

static void test_defaults(void **state)
{
    (void)state;
    kpi_plan *plan;
    kpi_goal *goal;
    kpi_target *target;
    kpi_measurement *m;
    kpi_assessment *a;
    OK(kpi_plan_new(&plan, "P"));
    assert_empty(kpi_plan_title(plan));
    assert_empty(kpi_plan_organization(plan));
    assert_empty(kpi_plan_department(plan));
    assert_int_equal(kpi_plan_start(plan), 0);
    assert_int_equal(kpi_plan_end(plan), 0);

    assert_non_null(goal = kpi_plan_add_goal(plan, "1", NULL));
    assert_empty(kpi_goal_title(goal));
    assert_double_is(kpi_goal_weight(goal), 1);
    assert_int_equal(kpi_goal_goal_count(goal), 0);
    assert_int_equal(kpi_goal_target_count(goal), 0);
    assert_int_equal(kpi_goal_assessment_count(goal), 0);
    assert_int_equal(kpi_goal_note_count(goal), 0);

    assert_non_null(target = kpi_goal_add_target(goal, "1-a", NULL));
    assert_empty(kpi_target_label(target));
    assert_empty(kpi_target_unit(target));
    assert_empty(kpi_target_text(target));
    assert_int_equal(kpi_target_kind(target), KPI_KIND_NUMERIC);
    assert_int_equal(kpi_target_direction(target), KPI_DIRECTION_INCREASE);
    assert_int_equal(kpi_target_schedule(target), KPI_SCHEDULE_DEFAULT);
    assert_int_equal(kpi_target_accumulate(target), KPI_ACCUMULATE_LATEST);
    assert_nan(kpi_target_value(target));
    assert_nan(kpi_target_start_value(target));
    assert_nan(kpi_target_reference(target));
    assert_nan(kpi_target_change_pct(target));
    assert_double_is(kpi_target_weight(target), 1);
    assert_int_equal(kpi_target_start(target), 0);
    assert_int_equal(kpi_target_due(target), 0);
    assert_int_equal(kpi_target_measurement_count(target), 0);
    assert_int_equal(kpi_target_assessment_count(target), 0);

    assert_non_null(m = kpi_target_add_measurement(target, 20170930, 3, NULL));
    assert_empty(kpi_measurement_note(m));
    assert_empty(kpi_measurement_author(m));
    assert_non_null(
        a = kpi_target_add_assessment(target, 20170930, KPI_RATING_ON_TRACK, NULL));
    assert_empty(kpi_assessment_comment(a));
    assert_empty(kpi_assessment_author(a));
    kpi_plan_free(plan);
}

/* A string a getter returned stays valid until its own field is set again:
 * setting other fields and growing the plan leave it alone. */
static void test_getter_strings_stay_valid(void **state)
{
    struct fixture *f = *state;
    char code[32];
    OK(kpi_plan_set_title(f->plan, "plan title"));
    OK(kpi_goal_set_title(f->sub, "goal title"));
    OK(kpi_target_set_unit(f->target, "件"));
    const char *title = kpi_plan_title(f->plan);
    const char *goal_code = kpi_goal_code(f->sub);
    const char *goal_title = kpi_goal_title(f->sub);
    const char *unit = kpi_target_unit(f->target);
    OK(kpi_plan_set_organization(f->plan, "上田市"));
    OK(kpi_plan_set_department(f->plan, "政策企画部"));
    OK(kpi_goal_set_weight(f->sub, 2));
    OK(kpi_target_set_label(f->target, "label"));
    OK(kpi_target_set_text(f->target, "text"));
    for (int i = 0; i < 100; i++) {
        snprintf(code, sizeof code, "3-2-%d", i);
        assert_non_null(kpi_goal_add_target(f->sub, code, NULL));
    }
    assert_string_equal(title, "plan title");
    assert_string_equal(goal_code, "3-2");
    assert_string_equal(goal_title, "goal title");
    assert_string_equal(unit, "件");
}

/* ---- Files --------------------------------------------------------------- */

/* kpi_file_write replaces a file whole, or reports why it could not. */
static void test_file_write(void **state)
{
    (void)state;
    char dir[] = "/tmp/kpi-file-write-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[64];
    snprintf(path, sizeof path, "%s/out.txt", dir);
    assert_int_equal(kpi_file_write(path, "first", 5), KPI_OK);
    assert_int_equal(kpi_file_write(path, "second!", 7), KPI_OK);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char buf[16] = "";
    assert_int_equal(fread(buf, 1, sizeof buf, f), 7);
    fclose(f);
    assert_string_equal(buf, "second!");
    assert_int_equal(kpi_file_write(NULL, "x", 1), KPI_ERR_ARGUMENT);
    assert_int_equal(kpi_file_write(path, NULL, 1), KPI_ERR_ARGUMENT);
    char missing[96];
    snprintf(missing, sizeof missing, "%s/no/such/dir/out.txt", dir);
    assert_int_equal(kpi_file_write(missing, "x", 1), KPI_ERR_IO);
    assert_non_null(strstr(kpi_error_message(), missing));
    assert_int_equal(remove(path), 0);
    assert_int_equal(rmdir(dir), 0); /* no temporary file was left behind */
}

/* ---- Main ---------------------------------------------------------------- */

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_version),
        cmocka_unit_test(test_free_null_does_nothing),
        cmocka_unit_test(test_plan_new_and_free),
        cmocka_unit_test(test_plan_new_refused),
        cmocka_unit_test(test_defaults),
        FIXTURE_TEST(test_getter_strings_stay_valid),
        cmocka_unit_test(test_file_write),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
