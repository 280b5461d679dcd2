/* Tests of the fields of plans, goals, targets, measurements and
 * assessments: every getter/setter pair round-trips (strings copied, optional
 * values cleared by NULL, "", NaN or 0), the plan's period and fiscal year,
 * the values the setters and adders refuse (non-finite numbers, milestone
 * progress outside 0..1, weights <= 0, impossible dates, undeclared ratings
 * and enumeration values), and the notes of plans and goals.
 *
 * Every expectation comes from the header comments of include/kpi.h and
 * include/kpi/ and from the "Model" section of the evaluation contract, not
 * from the implementation. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "kpi.h"
#include "check.h"
#include "model_support.h"

/* ---- Getters and setters ------------------------------------------------- */

static void test_plan_fields_round_trip(void **state)
{
    struct fixture *f = *state;
    char id[] = "PLAN-1";
    OK(kpi_plan_set_id(f->plan, id));
    memset(id, 'X', sizeof id - 1);
    assert_string_equal(kpi_plan_id(f->plan), "PLAN-1");
    CHECK_STRING_ROUND_TRIP(f->plan, kpi_plan_id, kpi_plan_set_id);
    CHECK_STRING_ROUND_TRIP(f->plan, kpi_plan_title, kpi_plan_set_title);
    CHECK_STRING_ROUND_TRIP(f->plan, kpi_plan_organization, kpi_plan_set_organization);
    CHECK_STRING_ROUND_TRIP(f->plan, kpi_plan_department, kpi_plan_set_department);

    OK(kpi_plan_set_period(f->plan, 20170401, 20180331));
    assert_int_equal(kpi_plan_start(f->plan), 20170401);
    assert_int_equal(kpi_plan_end(f->plan), 20180331);
    OK(kpi_plan_set_period(f->plan, 20200101, 20241231));
    assert_int_equal(kpi_plan_start(f->plan), 20200101);
    assert_int_equal(kpi_plan_end(f->plan), 20241231);
    /* A one-day period: end == start is not "end before start". */
    OK(kpi_plan_set_period(f->plan, 20170930, 20170930));
    assert_int_equal(kpi_plan_start(f->plan), 20170930);
    assert_int_equal(kpi_plan_end(f->plan), 20170930);
}

static void test_goal_fields_round_trip(void **state)
{
    struct fixture *f = *state;
    CHECK_STRING_ROUND_TRIP(f->sub, kpi_goal_code, kpi_goal_set_code);
    CHECK_STRING_ROUND_TRIP(f->sub, kpi_goal_title, kpi_goal_set_title);
    CHECK_WEIGHT_ROUND_TRIP(f->sub, kpi_goal_weight, kpi_goal_set_weight);
}

static void test_target_fields_round_trip(void **state)
{
    struct fixture *f = *state;
    kpi_target *t = f->target;
    CHECK_STRING_ROUND_TRIP(t, kpi_target_code, kpi_target_set_code);
    CHECK_STRING_ROUND_TRIP(t, kpi_target_label, kpi_target_set_label);
    CHECK_STRING_ROUND_TRIP(t, kpi_target_unit, kpi_target_set_unit);
    CHECK_STRING_ROUND_TRIP(t, kpi_target_text, kpi_target_set_text);
    CHECK_ENUM_ROUND_TRIP(t, kpi_target_kind, kpi_target_set_kind, kpi_kind,
                          KPI_KIND_QUALITATIVE);
    CHECK_ENUM_ROUND_TRIP(t, kpi_target_direction, kpi_target_set_direction,
                          kpi_direction, KPI_DIRECTION_DECREASE);
    CHECK_ENUM_ROUND_TRIP(t, kpi_target_schedule, kpi_target_set_schedule, kpi_schedule,
                          KPI_SCHEDULE_LEVEL);
    CHECK_ENUM_ROUND_TRIP(t, kpi_target_accumulate, kpi_target_set_accumulate,
                          kpi_accumulate, KPI_ACCUMULATE_SUM);
    CHECK_NUMBER_ROUND_TRIP(t, kpi_target_value, kpi_target_set_value);
    CHECK_NUMBER_ROUND_TRIP(t, kpi_target_start_value, kpi_target_set_start_value);
    CHECK_NUMBER_ROUND_TRIP(t, kpi_target_reference, kpi_target_set_reference);
    CHECK_NUMBER_ROUND_TRIP(t, kpi_target_change_pct, kpi_target_set_change_pct);
    CHECK_WEIGHT_ROUND_TRIP(t, kpi_target_weight, kpi_target_set_weight);
    CHECK_DATE_ROUND_TRIP(t, kpi_target_start, kpi_target_set_start);
    CHECK_DATE_ROUND_TRIP(t, kpi_target_due, kpi_target_set_due);
    /* Each setter changed its own field only. */
    assert_int_equal(kpi_target_start(t), 99991231);
    assert_int_equal(kpi_target_due(t), 99991231);
    OK(kpi_target_set_value(t, 30));
    OK(kpi_target_set_start_value(t, 5));
    OK(kpi_target_set_reference(t, 100));
    OK(kpi_target_set_change_pct(t, 10));
    assert_double_is(kpi_target_value(t), 30);
    assert_double_is(kpi_target_start_value(t), 5);
    assert_double_is(kpi_target_reference(t), 100);
    assert_double_is(kpi_target_change_pct(t), 10);
    assert_ptr_equal(kpi_target_goal(t), f->sub);
}

static void test_measurement_fields_round_trip(void **state)
{
    struct fixture *f = *state;
    kpi_measurement *m = NULL;
    char note[] = "32件登録";
    assert_non_null(m = kpi_target_add_measurement(f->target, 20170930, 32, note));
    assert_non_null(m);
    memset(note, 'X', sizeof note - 1);
    assert_string_equal(kpi_measurement_note(m), "32件登録");
    assert_int_equal(kpi_measurement_date(m), 20170930);
    assert_double_is(kpi_measurement_value(m), 32);
    assert_ptr_equal(kpi_target_measurement_at(f->target, 0), m);

    CHECK_DATE_ROUND_TRIP(m, kpi_measurement_date, kpi_measurement_set_date);
    CHECK_NUMBER_ROUND_TRIP(m, kpi_measurement_value, kpi_measurement_set_value);
    CHECK_STRING_ROUND_TRIP(m, kpi_measurement_note, kpi_measurement_set_note);
    CHECK_STRING_ROUND_TRIP(m, kpi_measurement_author, kpi_measurement_set_author);
    assert_int_equal(kpi_target_measurement_count(f->target), 1);
}

/* Correcting a measurement's date keeps the order of addition. */
static void test_measurement_order_kept(void **state)
{
    struct fixture *f = *state;
    kpi_measurement *first, *second;
    assert_non_null(first = kpi_target_add_measurement(f->target, 20170630, 10, NULL));
    assert_non_null(second = kpi_target_add_measurement(f->target, 20170731, 20, NULL));
    OK(kpi_measurement_set_date(first, 20170930));
    assert_ptr_equal(kpi_target_measurement_at(f->target, 0), first);
    assert_ptr_equal(kpi_target_measurement_at(f->target, 1), second);
    assert_int_equal(kpi_measurement_date(first), 20170930);
    assert_double_is(kpi_measurement_value(first), 10);
}

/* Assessments of a target and of a goal behave alike. */
static void test_assessment_fields_round_trip(void **state)
{
    struct fixture *f = *state;
    kpi_assessment *on_target = NULL, *on_goal = NULL;
    char comment[] = "予定どおり";
    assert_non_null(on_target = kpi_target_add_assessment(f->target, 20170930,
                                                          KPI_RATING_BEHIND, comment));
    assert_non_null(
        on_goal = kpi_goal_add_assessment(f->sub, 20170831, KPI_RATING_AHEAD, comment));
    memset(comment, 'X', sizeof comment - 1);

    assert_ptr_equal(kpi_target_assessment_at(f->target, 0), on_target);
    assert_int_equal(kpi_assessment_date(on_target), 20170930);
    assert_int_equal(kpi_assessment_rating(on_target), KPI_RATING_BEHIND);
    assert_string_equal(kpi_assessment_comment(on_target), "予定どおり");
    assert_ptr_equal(kpi_goal_assessment_at(f->sub, 0), on_goal);
    assert_int_equal(kpi_assessment_date(on_goal), 20170831);
    assert_int_equal(kpi_assessment_rating(on_goal), KPI_RATING_AHEAD);
    assert_string_equal(kpi_assessment_comment(on_goal), "予定どおり");

    kpi_assessment *both[] = {on_target, on_goal};
    for (size_t i = 0; i < 2; i++) {
        kpi_assessment *a = both[i];
        CHECK_DATE_ROUND_TRIP(a, kpi_assessment_date, kpi_assessment_set_date);
        for (int r = KPI_RATING_NOT_PROGRESSED; r <= KPI_RATING_AHEAD; r++) {
            OK(kpi_assessment_set_rating(a, (kpi_rating)r));
            assert_int_equal(kpi_assessment_rating(a), r);
        }
        CHECK_STRING_ROUND_TRIP(a, kpi_assessment_comment, kpi_assessment_set_comment);
        CHECK_STRING_ROUND_TRIP(a, kpi_assessment_author, kpi_assessment_set_author);
    }
    assert_int_equal(kpi_target_assessment_count(f->target), 1);
    assert_int_equal(kpi_goal_assessment_count(f->sub), 1);
}

/* NULL and "" clear every optional string, which then reads "". */
static void test_optional_strings_clear(void **state)
{
    struct fixture *f = *state;
    kpi_measurement *m;
    kpi_assessment *a;
    assert_non_null(m = kpi_target_add_measurement(f->target, 20170930, 1, NULL));
    assert_non_null(
        a = kpi_target_add_assessment(f->target, 20170930, KPI_RATING_AHEAD, NULL));
    CHECK_STRING_CLEARS(f->plan, kpi_plan_title, kpi_plan_set_title);
    CHECK_STRING_CLEARS(f->plan, kpi_plan_organization, kpi_plan_set_organization);
    CHECK_STRING_CLEARS(f->plan, kpi_plan_department, kpi_plan_set_department);
    CHECK_STRING_CLEARS(f->goal, kpi_goal_title, kpi_goal_set_title);
    CHECK_STRING_CLEARS(f->target, kpi_target_label, kpi_target_set_label);
    CHECK_STRING_CLEARS(f->target, kpi_target_unit, kpi_target_set_unit);
    CHECK_STRING_CLEARS(f->target, kpi_target_text, kpi_target_set_text);
    CHECK_STRING_CLEARS(m, kpi_measurement_note, kpi_measurement_set_note);
    CHECK_STRING_CLEARS(m, kpi_measurement_author, kpi_measurement_set_author);
    CHECK_STRING_CLEARS(a, kpi_assessment_comment, kpi_assessment_set_comment);
    CHECK_STRING_CLEARS(a, kpi_assessment_author, kpi_assessment_set_author);
}

/* NaN clears every optional number, which then reads NaN. */
static void test_optional_numbers_clear(void **state)
{
    struct fixture *f = *state;
    CHECK_NUMBER_CLEARS(f->target, kpi_target_value, kpi_target_set_value);
    CHECK_NUMBER_CLEARS(f->target, kpi_target_start_value, kpi_target_set_start_value);
    CHECK_NUMBER_CLEARS(f->target, kpi_target_reference, kpi_target_set_reference);
    CHECK_NUMBER_CLEARS(f->target, kpi_target_change_pct, kpi_target_set_change_pct);
}

/* 0 clears every optional date, which then reads 0; both 0 clears the
 * plan's period. */
static void test_optional_dates_clear(void **state)
{
    struct fixture *f = *state;
    CHECK_DATE_CLEARS(f->target, kpi_target_start, kpi_target_set_start);
    CHECK_DATE_CLEARS(f->target, kpi_target_due, kpi_target_set_due);
    OK(kpi_plan_set_period(f->plan, 20170401, 20180331));
    OK(kpi_plan_set_period(f->plan, 0, 0));
    assert_int_equal(kpi_plan_start(f->plan), 0);
    assert_int_equal(kpi_plan_end(f->plan), 0);
}

static void test_plan_fiscal_year(void **state)
{
    struct fixture *f = *state;
    OK(kpi_plan_set_fiscal_year(f->plan, 2017));
    assert_int_equal(kpi_plan_start(f->plan), 20170401);
    assert_int_equal(kpi_plan_end(f->plan), 20180331);
    OK(kpi_plan_set_fiscal_year(f->plan, 2019));
    assert_int_equal(kpi_plan_start(f->plan), 20190401);
    assert_int_equal(kpi_plan_end(f->plan), 20200331);
    /* A year without a fiscal year inside 1..9999 is refused, unchanged. */
    REFUSED(KPI_ERR_DATE, kpi_plan_set_fiscal_year(f->plan, 0));
    REFUSED(KPI_ERR_DATE, kpi_plan_set_fiscal_year(f->plan, 9999));
    assert_int_equal(kpi_plan_start(f->plan), 20190401);
    assert_int_equal(kpi_plan_end(f->plan), 20200331);
}

/* A refused period leaves the period as it was. */
static void test_plan_period_refused(void **state)
{
    struct fixture *f = *state;
    static const struct {
        int32_t start, end;
        int code;
    } cases[] = {
        {20180331, 20170401, KPI_ERR_VALUE}, /* end before start */
        {20170402, 20170401, KPI_ERR_VALUE},
        {20170230, 20180331, KPI_ERR_DATE}, /* no February 30 */
        {20170401, 20171301, KPI_ERR_DATE}, /* no month 13 */
        {20170400, 20180331, KPI_ERR_DATE}, /* no day 0 */
        {20170401, 0, KPI_ERR_DATE},        /* only one end set */
        {0, 20180331, KPI_ERR_DATE},
        {-20170401, 20180331, KPI_ERR_DATE},
    };
    OK(kpi_plan_set_period(f->plan, 20160401, 20170331));
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        REFUSED(cases[i].code,
                kpi_plan_set_period(f->plan, cases[i].start, cases[i].end));
        assert_int_equal(kpi_plan_start(f->plan), 20160401);
        assert_int_equal(kpi_plan_end(f->plan), 20170331);
    }
}

/* ---- Values refused when recorded ----------------------------------------- */

/* A measurement's value must be finite, when added and when corrected. */
static void test_measurement_value_refused(void **state)
{
    struct fixture *f = *state;
    kpi_measurement *m;
    assert_non_null(m = kpi_target_add_measurement(f->target, 20170930, 7, NULL));
    const double bad[] = {NAN, INFINITY, -INFINITY};
    for (size_t i = 0; i < 3; i++) {
        REFUSED_NULL(KPI_ERR_VALUE,
                     kpi_target_add_measurement(f->target, 20170930, bad[i], NULL));
        REFUSED(KPI_ERR_VALUE, kpi_measurement_set_value(m, bad[i]));
        assert_int_equal(kpi_target_measurement_count(f->target), 1);
        assert_double_is(kpi_measurement_value(m), 7);
    }
}

/* A milestone's measurements are progress in 0..1. */
static void test_milestone_value_refused(void **state)
{
    struct fixture *f = *state;
    kpi_measurement *m;
    OK(kpi_target_set_kind(f->target, KPI_KIND_MILESTONE));
    assert_non_null(kpi_target_add_measurement(f->target, 20170630, 0, NULL));
    assert_non_null(kpi_target_add_measurement(f->target, 20170731, 1, NULL));
    assert_non_null(m = kpi_target_add_measurement(f->target, 20170831, 0.5, NULL));
    const double bad[] = {-0.01, 1.01, 2, -1, 100};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        REFUSED_NULL(KPI_ERR_VALUE,
                     kpi_target_add_measurement(f->target, 20170930, bad[i], NULL));
        REFUSED(KPI_ERR_VALUE, kpi_measurement_set_value(m, bad[i]));
        assert_int_equal(kpi_target_measurement_count(f->target), 3);
        assert_double_is(kpi_measurement_value(m), 0.5);
    }
    OK(kpi_measurement_set_value(m, 1));
    assert_double_is(kpi_measurement_value(m), 1);
}

/* A target whose figures leave 0..1 cannot become a milestone; once they
 * are back in range it can. */
static void test_set_kind_milestone_refused(void **state)
{
    struct fixture *f = *state;
    kpi_measurement *m;
    assert_non_null(kpi_target_add_measurement(f->target, 20170630, 0.25, NULL));
    assert_non_null(m = kpi_target_add_measurement(f->target, 20170930, 32, NULL));
    OK(kpi_target_set_kind(f->target, KPI_KIND_QUALITATIVE));
    REFUSED(KPI_ERR_VALUE, kpi_target_set_kind(f->target, KPI_KIND_MILESTONE));
    assert_int_equal(kpi_target_kind(f->target), KPI_KIND_QUALITATIVE);
    OK(kpi_measurement_set_value(m, -0.5));
    REFUSED(KPI_ERR_VALUE, kpi_target_set_kind(f->target, KPI_KIND_MILESTONE));
    assert_int_equal(kpi_target_kind(f->target), KPI_KIND_QUALITATIVE);
    OK(kpi_measurement_set_value(m, 1));
    OK(kpi_target_set_kind(f->target, KPI_KIND_MILESTONE));
    assert_int_equal(kpi_target_kind(f->target), KPI_KIND_MILESTONE);
}

/* Weights must be finite and > 0. */
static void test_weight_refused(void **state)
{
    struct fixture *f = *state;
    OK(kpi_goal_set_weight(f->sub, 2.5));
    OK(kpi_target_set_weight(f->target, 3.5));
    const double bad[] = {0, -0.0, -1, -1e-300, NAN, INFINITY, -INFINITY};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        REFUSED(KPI_ERR_VALUE, kpi_goal_set_weight(f->sub, bad[i]));
        REFUSED(KPI_ERR_VALUE, kpi_target_set_weight(f->target, bad[i]));
        assert_double_is(kpi_goal_weight(f->sub), 2.5);
        assert_double_is(kpi_target_weight(f->target), 3.5);
    }
}

/* Impossible dates are KPI_ERR_DATE; a measurement or an assessment needs
 * a date (0 is refused), a target's optional dates do not. */
static void test_dates_refused(void **state)
{
    struct fixture *f = *state;
    kpi_measurement *m;
    kpi_assessment *a, *ga;
    assert_non_null(m = kpi_target_add_measurement(f->target, 20170930, 1, NULL));
    assert_non_null(
        a = kpi_target_add_assessment(f->target, 20170930, KPI_RATING_AHEAD, NULL));
    assert_non_null(
        ga = kpi_goal_add_assessment(f->sub, 20170930, KPI_RATING_AHEAD, NULL));
    OK(kpi_target_set_start(f->target, 20170401));
    OK(kpi_target_set_due(f->target, 20180331));
    const int32_t bad[] = {20170230, 20171301, 20170431, 20170000, 2017093, -20170930};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        REFUSED_NULL(KPI_ERR_DATE,
                     kpi_target_add_measurement(f->target, bad[i], 1, NULL));
        REFUSED(KPI_ERR_DATE, kpi_measurement_set_date(m, bad[i]));
        REFUSED_NULL(KPI_ERR_DATE, kpi_target_add_assessment(f->target, bad[i],
                                                             KPI_RATING_AHEAD, NULL));
        REFUSED_NULL(KPI_ERR_DATE,
                     kpi_goal_add_assessment(f->sub, bad[i], KPI_RATING_AHEAD, NULL));
        REFUSED(KPI_ERR_DATE, kpi_assessment_set_date(a, bad[i]));
        REFUSED(KPI_ERR_DATE, kpi_target_set_start(f->target, bad[i]));
        REFUSED(KPI_ERR_DATE, kpi_target_set_due(f->target, bad[i]));
    }
    /* 0 is "no date": refused where a date is required. */
    REFUSED_NULL(KPI_ERR_DATE, kpi_target_add_measurement(f->target, 0, 1, NULL));
    REFUSED(KPI_ERR_DATE, kpi_measurement_set_date(m, 0));
    REFUSED_NULL(KPI_ERR_DATE,
                 kpi_target_add_assessment(f->target, 0, KPI_RATING_AHEAD, NULL));
    REFUSED_NULL(KPI_ERR_DATE,
                 kpi_goal_add_assessment(f->sub, 0, KPI_RATING_AHEAD, NULL));
    REFUSED(KPI_ERR_DATE, kpi_assessment_set_date(a, 0));
    REFUSED(KPI_ERR_DATE, kpi_assessment_set_date(ga, 0));

    assert_int_equal(kpi_target_measurement_count(f->target), 1);
    assert_int_equal(kpi_target_assessment_count(f->target), 1);
    assert_int_equal(kpi_goal_assessment_count(f->sub), 1);
    assert_int_equal(kpi_measurement_date(m), 20170930);
    assert_int_equal(kpi_assessment_date(a), 20170930);
    assert_int_equal(kpi_assessment_date(ga), 20170930);
    assert_int_equal(kpi_target_start(f->target), 20170401);
    assert_int_equal(kpi_target_due(f->target), 20180331);
}

/* An assessment's rating is one of the four: not NONE, not out of range. */
static void test_assessment_rating_refused(void **state)
{
    struct fixture *f = *state;
    kpi_assessment *a, *ga;
    assert_non_null(
        a = kpi_target_add_assessment(f->target, 20170930, KPI_RATING_BEHIND, NULL));
    assert_non_null(
        ga = kpi_goal_add_assessment(f->sub, 20170930, KPI_RATING_BEHIND, NULL));
    const int bad[] = {KPI_RATING_NONE, 5, 7, -1};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        kpi_rating r = (kpi_rating)bad[i];
        REFUSED_NULL(KPI_ERR_VALUE,
                     kpi_target_add_assessment(f->target, 20170930, r, NULL));
        REFUSED_NULL(KPI_ERR_VALUE, kpi_goal_add_assessment(f->sub, 20170930, r, NULL));
        REFUSED(KPI_ERR_VALUE, kpi_assessment_set_rating(a, r));
        REFUSED(KPI_ERR_VALUE, kpi_assessment_set_rating(ga, r));
    }
    /* A comment that is not UTF-8 is an encoding error, not out of memory. */
    REFUSED_NULL(KPI_ERR_ENCODING, kpi_target_add_assessment(f->target, 20170930,
                                                             KPI_RATING_AHEAD, "\xff"));
    REFUSED_NULL(KPI_ERR_ENCODING,
                 kpi_goal_add_assessment(f->sub, 20170930, KPI_RATING_AHEAD, "a\xc3"));
    assert_int_equal(kpi_target_assessment_count(f->target), 1);
    assert_int_equal(kpi_goal_assessment_count(f->sub), 1);
    assert_int_equal(kpi_assessment_rating(a), KPI_RATING_BEHIND);
    assert_int_equal(kpi_assessment_rating(ga), KPI_RATING_BEHIND);
}

/* Enumeration setters refuse integers that are none of their values. */
static void test_enum_refused(void **state)
{
    struct fixture *f = *state;
    kpi_target *t = f->target;
    OK(kpi_target_set_kind(t, KPI_KIND_QUALITATIVE));
    OK(kpi_target_set_direction(t, KPI_DIRECTION_DECREASE));
    OK(kpi_target_set_schedule(t, KPI_SCHEDULE_STEP));
    OK(kpi_target_set_accumulate(t, KPI_ACCUMULATE_SUM));
    const int bad[] = {9, -1, 1000};
    for (size_t i = 0; i < 3; i++) {
        CHECK_ENUM_REFUSED(t, kpi_target_kind, kpi_target_set_kind, kpi_kind, bad[i]);
        CHECK_ENUM_REFUSED(t, kpi_target_direction, kpi_target_set_direction,
                           kpi_direction, bad[i]);
        CHECK_ENUM_REFUSED(t, kpi_target_schedule, kpi_target_set_schedule, kpi_schedule,
                           bad[i]);
        CHECK_ENUM_REFUSED(t, kpi_target_accumulate, kpi_target_set_accumulate,
                           kpi_accumulate, bad[i]);
    }
    /* The first value past each enumeration's end. */
    CHECK_ENUM_REFUSED(t, kpi_target_kind, kpi_target_set_kind, kpi_kind, 3);
    CHECK_ENUM_REFUSED(t, kpi_target_direction, kpi_target_set_direction, kpi_direction,
                       2);
    CHECK_ENUM_REFUSED(t, kpi_target_schedule, kpi_target_set_schedule, kpi_schedule, 4);
    CHECK_ENUM_REFUSED(t, kpi_target_accumulate, kpi_target_set_accumulate,
                       kpi_accumulate, 2);
    assert_int_equal(kpi_target_kind(t), KPI_KIND_QUALITATIVE);
    assert_int_equal(kpi_target_direction(t), KPI_DIRECTION_DECREASE);
    assert_int_equal(kpi_target_schedule(t), KPI_SCHEDULE_STEP);
    assert_int_equal(kpi_target_accumulate(t), KPI_ACCUMULATE_SUM);
}

/* A target's optional numbers refuse infinities, changing nothing. */
static void test_target_number_infinite_refused(void **state)
{
    struct fixture *f = *state;
    kpi_target *t = f->target;
    OK(kpi_target_set_value(t, 30));
    OK(kpi_target_set_start_value(t, 5));
    OK(kpi_target_set_reference(t, 100));
    OK(kpi_target_set_change_pct(t, 10));
    const double bad[] = {INFINITY, -INFINITY};
    for (size_t i = 0; i < 2; i++) {
        REFUSED(KPI_ERR_VALUE, kpi_target_set_value(t, bad[i]));
        REFUSED(KPI_ERR_VALUE, kpi_target_set_start_value(t, bad[i]));
        REFUSED(KPI_ERR_VALUE, kpi_target_set_reference(t, bad[i]));
        REFUSED(KPI_ERR_VALUE, kpi_target_set_change_pct(t, bad[i]));
    }
    assert_double_is(kpi_target_value(t), 30);
    assert_double_is(kpi_target_start_value(t), 5);
    assert_double_is(kpi_target_reference(t), 100);
    assert_double_is(kpi_target_change_pct(t), 10);
}

/* Each adder returns the very object it added, borrowed from the plan:
 * the one the finders and the navigation give. */
static void test_adders_return_what_they_add(void **state)
{
    struct fixture *f = *state;
    kpi_goal *goal = kpi_plan_add_goal(f->plan, "4", "t4");
    assert_non_null(goal);
    assert_ptr_equal(kpi_plan_find_goal(f->plan, "4"), goal);
    assert_ptr_equal(kpi_plan_goal_at(f->plan, 1), goal);
    kpi_goal *child = kpi_goal_add_goal(f->sub, "3-2-1", NULL);
    assert_non_null(child);
    assert_ptr_equal(kpi_plan_find_goal(f->plan, "3-2-1"), child);
    assert_ptr_equal(kpi_goal_parent(child), f->sub);
    kpi_target *target = kpi_goal_add_target(f->sub, "3-2-b", "b");
    assert_non_null(target);
    assert_ptr_equal(kpi_plan_find_target(f->plan, "3-2-b"), target);
    assert_string_equal(kpi_target_label(target), "b");
    kpi_measurement *m = kpi_target_add_measurement(f->target, 20170930, 4, "n");
    assert_non_null(m);
    assert_ptr_equal(kpi_target_measurement_at(f->target, 0), m);
    assert_double_is(kpi_measurement_value(m), 4);
    kpi_assessment *a =
        kpi_target_add_assessment(f->target, 20170930, KPI_RATING_AHEAD, NULL);
    assert_non_null(a);
    assert_ptr_equal(kpi_target_assessment_at(f->target, 0), a);
    assert_int_equal(kpi_assessment_rating(a), KPI_RATING_AHEAD);
    kpi_assessment *ga =
        kpi_goal_add_assessment(f->sub, 20170930, KPI_RATING_BEHIND, NULL);
    assert_non_null(ga);
    assert_ptr_equal(kpi_goal_assessment_at(f->sub, 0), ga);
    assert_int_equal(kpi_assessment_rating(ga), KPI_RATING_BEHIND);
}

/* ---- Notes --------------------------------------------------------------- */

static void test_plan_notes(void **state)
{
    struct fixture *f = *state;
    char text[] = "市長指示事項: 空き家の活用";
    OK(kpi_plan_add_note(f->plan, NULL, text));
    memset(text, 'X', sizeof text - 1);
    OK(kpi_plan_add_note(f->plan, "評価基準", "◎ 目標を上回る進捗"));
    OK(kpi_plan_add_note(f->plan, "", "third"));
    assert_int_equal(kpi_plan_note_count(f->plan), 3);
    assert_string_equal(kpi_plan_note_at(f->plan, 0), "市長指示事項: 空き家の活用");
    assert_empty(kpi_plan_note_code_at(f->plan, 0));
    assert_string_equal(kpi_plan_note_at(f->plan, 1), "◎ 目標を上回る進捗");
    assert_string_equal(kpi_plan_note_code_at(f->plan, 1), "評価基準");
    assert_string_equal(kpi_plan_note_at(f->plan, 2), "third");
    assert_empty(kpi_plan_note_code_at(f->plan, 2));
    /* Notes are the plan's own, not its goals'. */
    assert_int_equal(kpi_goal_note_count(f->goal), 0);
}

static void test_goal_notes(void **state)
{
    struct fixture *f = *state;
    char code[] = "N-1";
    OK(kpi_goal_add_note(f->sub, code, "first"));
    code[0] = 'X';
    OK(kpi_goal_add_note(f->sub, NULL, "second"));
    assert_int_equal(kpi_goal_note_count(f->sub), 2);
    assert_string_equal(kpi_goal_note_at(f->sub, 0), "first");
    assert_string_equal(kpi_goal_note_code_at(f->sub, 0), "N-1");
    assert_string_equal(kpi_goal_note_at(f->sub, 1), "second");
    assert_empty(kpi_goal_note_code_at(f->sub, 1));
    assert_int_equal(kpi_goal_note_count(f->goal), 0);
    assert_int_equal(kpi_plan_note_count(f->plan), 0);
}

/* A note needs text. */
static void test_note_empty_text_refused(void **state)
{
    struct fixture *f = *state;
    OK(kpi_plan_add_note(f->plan, NULL, "kept"));
    OK(kpi_goal_add_note(f->sub, NULL, "kept"));
    REFUSED(KPI_ERR_VALUE, kpi_plan_add_note(f->plan, NULL, ""));
    REFUSED(KPI_ERR_VALUE, kpi_plan_add_note(f->plan, "C", ""));
    REFUSED(KPI_ERR_VALUE, kpi_goal_add_note(f->sub, NULL, ""));
    REFUSED(KPI_ERR_VALUE, kpi_goal_add_note(f->sub, "C", ""));
    assert_int_not_equal(kpi_plan_add_note(f->plan, "C", NULL), KPI_OK);
    assert_int_not_equal(kpi_goal_add_note(f->sub, "C", NULL), KPI_OK);
    assert_int_equal(kpi_plan_note_count(f->plan), 1);
    assert_int_equal(kpi_goal_note_count(f->sub), 1);
    assert_string_equal(kpi_plan_note_at(f->plan, 0), "kept");
    assert_string_equal(kpi_goal_note_at(f->sub, 0), "kept");
}

/* ---- Main ---------------------------------------------------------------- */

int main(void)
{
    const struct CMUnitTest tests[] = {
        FIXTURE_TEST(test_plan_fields_round_trip),
        FIXTURE_TEST(test_goal_fields_round_trip),
        FIXTURE_TEST(test_target_fields_round_trip),
        FIXTURE_TEST(test_measurement_fields_round_trip),
        FIXTURE_TEST(test_measurement_order_kept),
        FIXTURE_TEST(test_assessment_fields_round_trip),
        FIXTURE_TEST(test_optional_strings_clear),
        FIXTURE_TEST(test_optional_numbers_clear),
        FIXTURE_TEST(test_optional_dates_clear),
        FIXTURE_TEST(test_plan_fiscal_year),
        FIXTURE_TEST(test_plan_period_refused),
        FIXTURE_TEST(test_measurement_value_refused),
        FIXTURE_TEST(test_milestone_value_refused),
        FIXTURE_TEST(test_set_kind_milestone_refused),
        FIXTURE_TEST(test_weight_refused),
        FIXTURE_TEST(test_dates_refused),
        FIXTURE_TEST(test_assessment_rating_refused),
        FIXTURE_TEST(test_enum_refused),
        FIXTURE_TEST(test_target_number_infinite_refused),
        FIXTURE_TEST(test_adders_return_what_they_add),
        FIXTURE_TEST(test_plan_notes),
        FIXTURE_TEST(test_goal_notes),
        FIXTURE_TEST(test_note_empty_text_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
