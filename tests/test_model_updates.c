/* Updates (進捗状況) in the model, kpi/progress.h: adding them to targets
 * and goals, counting and indexing them in the order added, every getter
 * and setter of an update, and every error the header documents, each
 * leaving the object as it was; the plan's report date (基準日). Updates on
 * directives are in test_model_directives.c. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "kpi.h"
#include "model_support.h"

#define BAD_UTF8 "\xE6\x97" /* a truncated 日 */
#define OVERLONG "\xC0\xAF" /* an overlong "/" */

/* ---- Adding, counting, indexing ------------------------------------------ */

/* Updates on a target come back in the order added, with their date and
 * text copied; NULL and "" give no text; nothing else is set. */
static void target_add_count_at(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(kpi_target_update_count(f->target), 0);
    char text[] = "対象事業を検討中\n（2行目）";
    kpi_update *a = kpi_target_add_update(f->target, 20170930, text);
    assert_non_null(a);
    memset(text, 'X', sizeof text - 1); /* copied, not borrowed */
    kpi_update *b = kpi_target_add_update(f->target, 20170901, NULL);
    kpi_update *c = kpi_target_add_update(f->target, 20170930, "");
    assert_non_null(b);
    assert_non_null(c);
    assert_int_equal(kpi_target_update_count(f->target), 3);
    assert_ptr_equal(kpi_target_update_at(f->target, 0), a);
    assert_ptr_equal(kpi_target_update_at(f->target, 1), b);
    assert_ptr_equal(kpi_target_update_at(f->target, 2), c);
    assert_int_equal(kpi_update_date(a), 20170930);
    assert_string_equal(kpi_update_text(a), "対象事業を検討中\n（2行目）");
    assert_int_equal(kpi_update_date(b), 20170901);
    assert_empty(kpi_update_text(b));
    assert_empty(kpi_update_text(c));
    /* Nothing but the date and text is set. */
    assert_int_equal(kpi_update_status(a), KPI_STATUS_NONE);
    assert_int_equal(kpi_update_planned(a), 0);
    assert_empty(kpi_update_author(a));
    assert_int_equal(kpi_update_inferred(a), 0);
    /* Still valid after more objects are added to the plan. */
    for (int i = 0; i < 100; i++)
        assert_non_null(kpi_target_add_update(f->target, 20170930, "more"));
    assert_ptr_equal(kpi_target_update_at(f->target, 0), a);
    assert_string_equal(kpi_update_text(a), "対象事業を検討中\n（2行目）");
    /* Measurements and assessments are apart. */
    assert_int_equal(kpi_target_measurement_count(f->target), 0);
    assert_int_equal(kpi_target_assessment_count(f->target), 0);
    OUT_OF_RANGE(kpi_target_update_at(f->target, 103));
    OUT_OF_RANGE(kpi_target_update_at(f->target, SIZE_MAX));
}

/* The same on a goal; the goal's updates are its own, not its targets'. */
static void goal_add_count_at(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(kpi_goal_update_count(f->sub), 0);
    kpi_update *a = kpi_goal_add_update(f->sub, 20170930, "順調に進捗");
    kpi_update *b = kpi_goal_add_update(f->sub, 20170930, NULL);
    assert_non_null(a);
    assert_non_null(b);
    assert_int_equal(kpi_goal_update_count(f->sub), 2);
    assert_int_equal(kpi_goal_update_count(f->goal), 0);
    assert_int_equal(kpi_target_update_count(f->target), 0);
    assert_ptr_equal(kpi_goal_update_at(f->sub, 0), a);
    assert_ptr_equal(kpi_goal_update_at(f->sub, 1), b);
    assert_string_equal(kpi_update_text(a), "順調に進捗");
    assert_empty(kpi_update_text(b));
    OUT_OF_RANGE(kpi_goal_update_at(f->sub, 2));
    OUT_OF_RANGE(kpi_goal_update_at(f->goal, 0));
}

/* ---- Errors when adding ---------------------------------------------------- */

/* NULL owner: ARGUMENT. A bad or 0 date: DATE. Bad UTF-8: ENCODING. Each
 * leaves the owner without a new update and is kept on the plan. */
static void add_errors(void **state)
{
    struct fixture *f = *state;
    REFUSED_NULL(KPI_ERR_ARGUMENT, kpi_target_add_update(NULL, 20170930, "x"));
    REFUSED_NULL(KPI_ERR_ARGUMENT, kpi_goal_add_update(NULL, 20170930, "x"));
    static const int32_t bad_dates[] = {0,         20170230, 20171301, 20170001,
                                        -20170930, 20180229, 100000101};
    for (size_t i = 0; i < sizeof bad_dates / sizeof *bad_dates; i++) {
        REFUSED_NULL(KPI_ERR_DATE, kpi_target_add_update(f->target, bad_dates[i], "x"));
        assert_int_equal(kpi_plan_error_code(f->plan), KPI_ERR_DATE);
        REFUSED_NULL(KPI_ERR_DATE, kpi_goal_add_update(f->goal, bad_dates[i], "x"));
    }
    REFUSED_NULL(KPI_ERR_ENCODING, kpi_target_add_update(f->target, 20170930, BAD_UTF8));
    assert_int_equal(kpi_plan_error_code(f->plan), KPI_ERR_ENCODING);
    REFUSED_NULL(KPI_ERR_ENCODING, kpi_goal_add_update(f->goal, 20170930, OVERLONG));
    assert_int_equal(kpi_target_update_count(f->target), 0);
    assert_int_equal(kpi_goal_update_count(f->goal), 0);
    /* A leap day is a date. */
    assert_non_null(kpi_target_add_update(f->target, 20160229, NULL));
    assert_int_equal(kpi_target_update_count(f->target), 1);
}

/* The count and index calls given NULL: 0 or NULL, and ARGUMENT. */
static void null_owners(void **state)
{
    (void)state;
    NULL_HANDLE(assert_int_equal(kpi_target_update_count(NULL), 0));
    NULL_HANDLE(assert_int_equal(kpi_goal_update_count(NULL), 0));
    NULL_HANDLE(assert_null(kpi_target_update_at(NULL, 0)));
    NULL_HANDLE(assert_null(kpi_goal_update_at(NULL, 0)));
}

/* ---- An update's fields ------------------------------------------------------ */

static kpi_update *one_update(struct fixture *f)
{
    kpi_update *u = kpi_target_add_update(f->target, 20170930, "検討中");
    assert_non_null(u);
    return u;
}

/* The date: any valid date; 0 or an invalid one is refused, unchanged. */
static void update_date(void **state)
{
    struct fixture *f = *state;
    kpi_update *u = one_update(f);
    CHECK_DATE_ROUND_TRIP(u, kpi_update_date, kpi_update_set_date);
    OK(kpi_update_set_date(u, 20170930));
    REFUSED(KPI_ERR_DATE, kpi_update_set_date(u, 0));
    REFUSED(KPI_ERR_DATE, kpi_update_set_date(u, 20170931));
    assert_int_equal(kpi_plan_error_code(f->plan), KPI_ERR_DATE);
    assert_int_equal(kpi_update_date(u), 20170930);
}

/* The text: copied, replaced, cleared by NULL or ""; bad UTF-8 refused. */
static void update_text(void **state)
{
    struct fixture *f = *state;
    kpi_update *u = one_update(f);
    CHECK_STRING_ROUND_TRIP(u, kpi_update_text, kpi_update_set_text);
    CHECK_STRING_CLEARS(u, kpi_update_text, kpi_update_set_text);
    OK(kpi_update_set_text(u, "10月に開催予定"));
    REFUSED(KPI_ERR_ENCODING, kpi_update_set_text(u, BAD_UTF8));
    assert_int_equal(kpi_plan_error_code(f->plan), KPI_ERR_ENCODING);
    assert_string_equal(kpi_update_text(u), "10月に開催予定");
}

/* The author: copied, replaced, cleared; bad UTF-8 refused. */
static void update_author(void **state)
{
    struct fixture *f = *state;
    kpi_update *u = one_update(f);
    CHECK_STRING_ROUND_TRIP(u, kpi_update_author, kpi_update_set_author);
    CHECK_STRING_CLEARS(u, kpi_update_author, kpi_update_set_author);
    OK(kpi_update_set_author(u, "髙橋"));
    REFUSED(KPI_ERR_ENCODING, kpi_update_set_author(u, OVERLONG));
    assert_string_equal(kpi_update_author(u), "髙橋");
}

/* Every status with no planned date but scheduled, and each with a planned
 * date (allowed with any status); the planned date goes with the status. */
static void update_status_and_planned(void **state)
{
    struct fixture *f = *state;
    kpi_update *u = one_update(f);
    for (int s = KPI_STATUS_CANCELLED; s >= KPI_STATUS_NONE; s--) {
        if (s != KPI_STATUS_SCHEDULED) {
            OK(kpi_update_set_status(u, (kpi_status)s, 0));
            assert_int_equal(kpi_update_status(u), s);
            assert_int_equal(kpi_update_planned(u), 0);
        }
        OK(kpi_update_set_status(u, (kpi_status)s, 20171031));
        assert_int_equal(kpi_update_status(u), s);
        assert_int_equal(kpi_update_planned(u), 20171031);
    }
    /* Setting the status again without a date clears the planned date. */
    OK(kpi_update_set_status(u, KPI_STATUS_PREPARING, 0));
    assert_int_equal(kpi_update_planned(u), 0);
    assert_int_equal(kpi_update_inferred(u), 0);
}

/* Refusals: scheduled with no planned date (VALUE), a status that is no
 * kpi_status (VALUE), an invalid planned date (DATE); nothing changes. */
static void update_status_refused(void **state)
{
    struct fixture *f = *state;
    kpi_update *u = one_update(f);
    OK(kpi_update_set_status(u, KPI_STATUS_SCHEDULED, 20171031));
    REFUSED(KPI_ERR_VALUE, kpi_update_set_status(u, KPI_STATUS_SCHEDULED, 0));
    assert_int_equal(kpi_plan_error_code(f->plan), KPI_ERR_VALUE);
    REFUSED(KPI_ERR_VALUE, kpi_update_set_status(u, (kpi_status)8, 0));
    REFUSED(KPI_ERR_VALUE, kpi_update_set_status(u, (kpi_status)-1, 0));
    REFUSED(KPI_ERR_VALUE, kpi_update_set_status(u, (kpi_status)8, 20171031));
    REFUSED(KPI_ERR_DATE, kpi_update_set_status(u, KPI_STATUS_SCHEDULED, 20171032));
    REFUSED(KPI_ERR_DATE, kpi_update_set_status(u, KPI_STATUS_PREPARING, 20171300));
    REFUSED(KPI_ERR_DATE, kpi_update_set_status(u, KPI_STATUS_DONE, -1));
    assert_int_equal(kpi_plan_error_code(f->plan), KPI_ERR_DATE);
    assert_int_equal(kpi_update_status(u), KPI_STATUS_SCHEDULED);
    assert_int_equal(kpi_update_planned(u), 20171031);
}

/* Every call on an update given NULL: its documented value, ARGUMENT. */
static void null_update(void **state)
{
    (void)state;
    NULL_HANDLE(assert_int_equal(kpi_update_date(NULL), 0));
    NULL_HANDLE(assert_empty(kpi_update_text(NULL)));
    NULL_HANDLE(assert_int_equal(kpi_update_status(NULL), KPI_STATUS_NONE));
    NULL_HANDLE(assert_int_equal(kpi_update_planned(NULL), 0));
    NULL_HANDLE(assert_empty(kpi_update_author(NULL)));
    NULL_HANDLE(assert_int_equal(kpi_update_inferred(NULL), 0));
    NULL_HANDLE(assert_int_equal(kpi_measurement_inferred(NULL), 0));
    REFUSED(KPI_ERR_ARGUMENT, kpi_update_set_date(NULL, 20170930));
    REFUSED(KPI_ERR_ARGUMENT, kpi_update_set_text(NULL, "x"));
    REFUSED(KPI_ERR_ARGUMENT, kpi_update_set_status(NULL, KPI_STATUS_DONE, 0));
    REFUSED(KPI_ERR_ARGUMENT, kpi_update_set_author(NULL, "x"));
}

/* A figure given through the API is the city's: not inferred. */
static void measurement_not_inferred(void **state)
{
    struct fixture *f = *state;
    kpi_measurement *m = kpi_target_add_measurement(f->target, 20170930, 32, NULL);
    assert_non_null(m);
    assert_int_equal(kpi_measurement_inferred(m), 0);
}

/* Updates stay with their target when it is renamed, and are freed with
 * the plan (valgrind checks). */
static void updates_follow_their_target(void **state)
{
    struct fixture *f = *state;
    kpi_update *u = one_update(f);
    OK(kpi_update_set_author(u, "担当"));
    OK(kpi_update_set_status(u, KPI_STATUS_SCHEDULED, 20171031));
    OK(kpi_target_set_code(f->target, "3-2-z"));
    assert_ptr_equal(kpi_target_update_at(kpi_plan_find_target(f->plan, "3-2-z"), 0), u);
}

/* ---- The plan's report date ---------------------------------------------- */

/* None by default; any valid date; 0 clears; an invalid one is refused and
 * changes nothing; NULL plan: ARGUMENT. */
static void plan_report_date(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(kpi_plan_report_date(f->plan), 0);
    CHECK_DATE_ROUND_TRIP(f->plan, kpi_plan_report_date, kpi_plan_set_report_date);
    CHECK_DATE_CLEARS(f->plan, kpi_plan_report_date, kpi_plan_set_report_date);
    OK(kpi_plan_set_report_date(f->plan, 20170930));
    REFUSED(KPI_ERR_DATE, kpi_plan_set_report_date(f->plan, 20170229));
    REFUSED(KPI_ERR_DATE, kpi_plan_set_report_date(f->plan, -1));
    assert_int_equal(kpi_plan_error_code(f->plan), KPI_ERR_DATE);
    assert_int_equal(kpi_plan_report_date(f->plan), 20170930);
    REFUSED(KPI_ERR_ARGUMENT, kpi_plan_set_report_date(NULL, 20170930));
    NULL_HANDLE(assert_int_equal(kpi_plan_report_date(NULL), 0));
}

/* The report date is the as-of date of an evaluation given 0; without one,
 * 0 is refused. */
static void report_date_is_default_as_of(void **state)
{
    struct fixture *f = *state;
    kpi_evaluation *ev = NULL;
    kpi_error_clear();
    assert_int_equal(kpi_evaluate(&ev, f->plan, 0, NULL), KPI_ERR_DATE);
    assert_null(ev);
    OK(kpi_plan_set_report_date(f->plan, 20170930));
    OK(kpi_evaluate(&ev, f->plan, 0, NULL));
    assert_int_equal(kpi_evaluation_as_of(ev), 20170930);
    kpi_evaluation_free(ev);
    OK(kpi_evaluate(&ev, f->plan, 20171115, NULL));
    assert_int_equal(kpi_evaluation_as_of(ev), 20171115);
    kpi_evaluation_free(ev);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FIXTURE_TEST(target_add_count_at),
        FIXTURE_TEST(goal_add_count_at),
        FIXTURE_TEST(add_errors),
        cmocka_unit_test(null_owners),
        FIXTURE_TEST(update_date),
        FIXTURE_TEST(update_text),
        FIXTURE_TEST(update_author),
        FIXTURE_TEST(update_status_and_planned),
        FIXTURE_TEST(update_status_refused),
        cmocka_unit_test(null_update),
        FIXTURE_TEST(measurement_not_inferred),
        FIXTURE_TEST(updates_follow_their_target),
        FIXTURE_TEST(plan_report_date),
        FIXTURE_TEST(report_date_is_default_as_of),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
