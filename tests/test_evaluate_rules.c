/*
 * test_evaluate_rules.c: how the evaluation contract rates one target, step
 * by step: the actual value (LATEST, SUM), the elapsed fraction (plan and
 * target dates, clamping), the expected value of each schedule (LINEAR,
 * STEP, LEVEL, the defaults), nothing expected yet, the thresholds (default
 * and custom), DECREASE and relative targets, and the achievement.
 *
 * Every test names the rule it checks. Plans are built for fiscal year 2017
 * (平成29年度, 2017-04-01..2018-03-31) and rated as of 2017-09-30, the date of
 * the seed's mid-year report, where the elapsed fraction is f = 183/365.
 * Expected numbers are computed here from the spec's formulas, never read
 * back from the library, so that every assertion fails if its rule breaks.
 */

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
#include "evaluate_support.h"

/* ------------------------------------------------------------------------ */
/* Step 2: elapsed fraction                                                  */
/* ------------------------------------------------------------------------ */

/* f = (d − D0 + 1) / (D1 − D0 + 1) in whole days, both ends inclusive. */
static void test_elapsed_both_ends_inclusive(void **state)
{
    fixture *fx = *state;
    kpi_target *t = add_target(fx->goal, "t", 365);
    measure(t, 20170401, 1);

    evaluate_as_of(fx, 20170401); /* d = D0: the first day counts */
    assert_result_value(result_of(fx, "t"), elapsed, 1.0 / 365.0);
    assert_result_value(result_of(fx, "t"), expected, 1);

    evaluate_as_of(fx, 20170402);
    assert_result_value(result_of(fx, "t"), elapsed, 2.0 / 365.0);

    evaluate_as_of(fx, AS_OF);
    assert_result_value(result_of(fx, "t"), elapsed, F_SEED);

    evaluate_as_of(fx, 20180330);
    assert_result_value(result_of(fx, "t"), elapsed, 364.0 / 365.0);

    evaluate_as_of(fx, 20180331); /* d = D1: the whole period */
    assert_result_value(result_of(fx, "t"), elapsed, 1);
    assert_result_value(result_of(fx, "t"), expected, 365);
}

/* f is clamped to 0 before the start and to 1 after the due date. */
static void test_elapsed_clamped(void **state)
{
    fixture *fx = *state;
    kpi_target *t = add_target(fx->goal, "t", 10);
    measure(t, 20161201, 5); /* a figure from before the period */

    evaluate_as_of(fx, 20170331); /* the day before the plan starts */
    const kpi_result *r = result_of(fx, "t");
    assert_result_value(r, elapsed, 0);
    assert_result_value(r, expected, 0);
    assert_result_value(r, pace, NAN);
    assert_rated(r, KPI_RATING_ON_TRACK); /* step 4: g(A) = 5 > 0 */

    evaluate_as_of(fx, 20170101); /* long before */
    assert_result_value(result_of(fx, "t"), elapsed, 0);

    evaluate_as_of(fx, 20180401); /* the day after the due date */
    r = result_of(fx, "t");
    assert_result_value(r, elapsed, 1);
    assert_result_value(r, expected, 10);
    assert_result_value(r, pace, 0.5);
    assert_rated(r, KPI_RATING_BEHIND);

    evaluate_as_of(fx, 20200101); /* long after */
    assert_result_value(result_of(fx, "t"), elapsed, 1);
}

/* D0 defaults to the plan start and D1 to the plan end; a target's own
 * start and due dates override them. */
static void test_elapsed_target_dates_override_plan(void **state)
{
    fixture *fx = *state;
    kpi_target *both = add_target(fx->goal, "both", 10);
    assert_ok(kpi_target_set_start(both, 20170701));
    assert_ok(kpi_target_set_due(both, 20171231));
    measure(both, AS_OF, 5);
    kpi_target *due = add_target(fx->goal, "due", 10);
    assert_ok(kpi_target_set_due(due, AS_OF));
    measure(due, AS_OF, 5);
    kpi_target *start = add_target(fx->goal, "start", 10);
    assert_ok(kpi_target_set_start(start, 20170901));
    measure(start, AS_OF, 5);
    kpi_target *none = add_target(fx->goal, "none", 10);
    measure(none, AS_OF, 5);

    evaluate_as_of(fx, AS_OF);
    const kpi_result *r = result_of(fx, "both"); /* 92 of 184 days */
    assert_int_equal(kpi_result_start(r), 20170701);
    assert_int_equal(kpi_result_due(r), 20171231);
    assert_result_value(r, elapsed, 0.5);
    assert_result_value(r, expected, 5);

    r = result_of(fx, "due"); /* 2017-04-01..2017-09-30: all 183 days */
    assert_int_equal(kpi_result_start(r), 20170401);
    assert_int_equal(kpi_result_due(r), AS_OF);
    assert_result_value(r, elapsed, 1);
    assert_result_value(r, expected, 10);

    r = result_of(fx, "start"); /* 2017-09-01..2018-03-31: 30 of 212 days */
    assert_int_equal(kpi_result_start(r), 20170901);
    assert_int_equal(kpi_result_due(r), 20180331);
    assert_result_value(r, elapsed, 30.0 / 212.0);

    r = result_of(fx, "none");
    assert_int_equal(kpi_result_start(r), 20170401);
    assert_int_equal(kpi_result_due(r), 20180331);
    assert_result_value(r, elapsed, F_SEED);
}

/* A plan with no period is rated over the fiscal year of the as-of date;
 * a plan with a period uses it (kpi_evaluation_start/end). */
static void test_elapsed_plan_period(void **state)
{
    fixture *fx = *state;
    kpi_goal *g = NULL;
    kpi_target *t = NULL;
    assert_ok(kpi_plan_new(&fx->other_plan, "no-period"));
    assert_int_equal(kpi_plan_start(fx->other_plan), 0);
    assert_non_null(g = kpi_plan_add_goal(fx->other_plan, "G", NULL));
    t = add_target(g, "t", 365);
    measure(t, 20170401, 1);

    assert_ok(kpi_evaluate(&fx->other_ev, fx->other_plan, 20180215, NULL));
    assert_int_equal(kpi_evaluation_start(fx->other_ev), 20170401);
    assert_int_equal(kpi_evaluation_end(fx->other_ev), 20180331);
    const kpi_result *r = find_in(fx->other_ev, "t");
    assert_int_equal(kpi_result_start(r), 20170401);
    assert_int_equal(kpi_result_due(r), 20180331);
    assert_result_value(r, elapsed, 321.0 / 365.0);
    kpi_evaluation_free(fx->other_ev);
    fx->other_ev = NULL;

    assert_ok(kpi_evaluate(&fx->other_ev, fx->other_plan, 20180401, NULL));
    assert_int_equal(kpi_evaluation_start(fx->other_ev), 20180401); /* FY2018 */
    assert_int_equal(kpi_evaluation_end(fx->other_ev), 20190331);
    assert_result_value(find_in(fx->other_ev, "t"), elapsed, 1.0 / 365.0);

    /* The fixture's plan has FY2017, whatever the as-of date. */
    kpi_target *u = add_target(fx->goal, "u", 365);
    measure(u, 20170401, 1);
    evaluate_as_of(fx, 20180401);
    assert_int_equal(kpi_evaluation_start(fx->ev), 20170401);
    assert_int_equal(kpi_evaluation_end(fx->ev), 20180331);
    assert_result_value(result_of(fx, "u"), elapsed, 1);

    /* A period set explicitly: calendar 2017, 273 of 365 days at AS_OF. */
    assert_ok(kpi_plan_set_period(fx->plan, 20170101, 20171231));
    evaluate_as_of(fx, AS_OF);
    assert_int_equal(kpi_evaluation_start(fx->ev), 20170101);
    assert_int_equal(kpi_evaluation_end(fx->ev), 20171231);
    assert_result_value(result_of(fx, "u"), elapsed, 273.0 / 365.0);
}

/* ------------------------------------------------------------------------ */
/* Step 5: thresholds (with LEVEL, E = T, so r = A/T exactly)                */
/* ------------------------------------------------------------------------ */

/* Defaults ahead 1.10, on-track 0.95: r ≥ 1.10 → ◎; r ≥ 0.95 → ○; r > 0 → △;
 * else ×; thresholds compared with a tolerance of 1e-9. */
static void test_thresholds_default(void **state)
{
    fixture *fx = *state;
    assert_close(kpi_policy_ahead(fx->policy), 1.10);
    assert_close(kpi_policy_on_track(fx->policy), 0.95);
    assert_int_equal(kpi_policy_rollup(fx->policy), KPI_ROLLUP_CRITERIA);
    assert_int_equal(kpi_policy_use_assessments(fx->policy), 1);

    add_level(fx->goal, "1.10", 100, 110);
    add_level(fx->goal, "1.10-1e-6", 100, 110 - 1e-4);
    add_level(fx->goal, "1.10-1e-8", 100, 110 - 1e-6);
    add_level(fx->goal, "1.10-1e-12", 100, 110 - 1e-10);
    add_level(fx->goal, "0.95", 100, 95);
    add_level(fx->goal, "0.95-1e-6", 100, 95 - 1e-4);
    add_level(fx->goal, "0.95-1e-12", 100, 95 - 1e-10);
    add_level(fx->goal, "0", 100, 0);
    add_level(fx->goal, "1e-6", 100, 1e-4);

    evaluate_as_of(fx, AS_OF);
    assert_result_value(result_of(fx, "1.10"), pace, 1.10);
    assert_rated(result_of(fx, "1.10"), KPI_RATING_AHEAD);
    assert_result_value(result_of(fx, "1.10-1e-6"), pace, 1.10 - 1e-6);
    assert_rated(result_of(fx, "1.10-1e-6"), KPI_RATING_ON_TRACK);
    assert_rated(result_of(fx, "1.10-1e-8"), KPI_RATING_ON_TRACK);
    assert_rated(result_of(fx, "1.10-1e-12"), KPI_RATING_AHEAD); /* within 1e-9 */
    assert_result_value(result_of(fx, "0.95"), pace, 0.95);
    assert_rated(result_of(fx, "0.95"), KPI_RATING_ON_TRACK);
    assert_rated(result_of(fx, "0.95-1e-6"), KPI_RATING_BEHIND);
    assert_rated(result_of(fx, "0.95-1e-12"), KPI_RATING_ON_TRACK);
    assert_result_value(result_of(fx, "0"), pace, 0);
    assert_rated(result_of(fx, "0"), KPI_RATING_NOT_PROGRESSED);
    assert_result_value(result_of(fx, "1e-6"), pace, 1e-6);
    assert_rated(result_of(fx, "1e-6"), KPI_RATING_BEHIND);

    /* A NULL policy means the defaults. */
    assert_ok(kpi_evaluate(&fx->other_ev, fx->plan, AS_OF, NULL));
    assert_rated(find_in(fx->other_ev, "1.10"), KPI_RATING_AHEAD);
    assert_rated(find_in(fx->other_ev, "1.10-1e-6"), KPI_RATING_ON_TRACK);
    assert_rated(find_in(fx->other_ev, "0.95-1e-6"), KPI_RATING_BEHIND);
}

/* The policy's thresholds replace the defaults (kpi_policy_set_thresholds),
 * and only 0 < on-track <= ahead, both finite, is accepted. */
static void test_thresholds_custom(void **state)
{
    fixture *fx = *state;
    assert_ok(kpi_policy_set_thresholds(fx->policy, 1.5, 0.8));
    assert_close(kpi_policy_ahead(fx->policy), 1.5);
    assert_close(kpi_policy_on_track(fx->policy), 0.8);
    assert_int_equal(kpi_policy_set_thresholds(fx->policy, 0.9, 1.0), KPI_ERR_VALUE);
    assert_int_equal(kpi_policy_set_thresholds(fx->policy, 1.0, 0), KPI_ERR_VALUE);
    assert_int_equal(kpi_policy_set_thresholds(fx->policy, NAN, 0.5), KPI_ERR_VALUE);
    assert_int_equal(kpi_policy_set_thresholds(fx->policy, INFINITY, 0.5), KPI_ERR_VALUE);
    assert_close(kpi_policy_ahead(fx->policy), 1.5); /* refusals change nothing */
    assert_close(kpi_policy_on_track(fx->policy), 0.8);

    add_level(fx->goal, "1.5", 100, 150);
    add_level(fx->goal, "1.5-1e-6", 100, 150 - 1e-4);
    add_level(fx->goal, "1.5-1e-12", 100, 150 - 1e-10);
    add_level(fx->goal, "1.1", 100, 110); /* ◎ by default, ○ here */
    add_level(fx->goal, "0.8", 100, 80);
    add_level(fx->goal, "0.8-1e-6", 100, 80 - 1e-4);
    add_level(fx->goal, "0.8-1e-12", 100, 80 - 1e-10);
    add_level(fx->goal, "0.9", 100, 90); /* △ by default, ○ here */
    add_level(fx->goal, "0", 100, 0);
    add_level(fx->goal, "1e-6", 100, 1e-4);

    evaluate_as_of(fx, AS_OF);
    assert_rated(result_of(fx, "1.5"), KPI_RATING_AHEAD);
    assert_rated(result_of(fx, "1.5-1e-6"), KPI_RATING_ON_TRACK);
    assert_rated(result_of(fx, "1.5-1e-12"), KPI_RATING_AHEAD);
    assert_rated(result_of(fx, "1.1"), KPI_RATING_ON_TRACK);
    assert_rated(result_of(fx, "0.8"), KPI_RATING_ON_TRACK);
    assert_rated(result_of(fx, "0.8-1e-6"), KPI_RATING_BEHIND);
    assert_rated(result_of(fx, "0.8-1e-12"), KPI_RATING_ON_TRACK);
    assert_rated(result_of(fx, "0.9"), KPI_RATING_ON_TRACK);
    assert_rated(result_of(fx, "0"), KPI_RATING_NOT_PROGRESSED);
    assert_rated(result_of(fx, "1e-6"), KPI_RATING_BEHIND);
}

/* ------------------------------------------------------------------------ */
/* Step 3: schedules                                                         */
/* ------------------------------------------------------------------------ */

/* LINEAR: E = S + (T − S)·f. */
static void test_schedule_linear(void **state)
{
    fixture *fx = *state;
    kpi_target *t = add_target(fx->goal, "s0", 30);
    assert_ok(kpi_target_set_schedule(t, KPI_SCHEDULE_LINEAR));
    measure(t, AS_OF, 16);
    t = add_target(fx->goal, "s6", 30);
    assert_ok(kpi_target_set_schedule(t, KPI_SCHEDULE_LINEAR));
    assert_ok(kpi_target_set_start_value(t, 6));
    measure(t, AS_OF, 20);

    evaluate_as_of(fx, AS_OF);
    const kpi_result *r = result_of(fx, "s0");
    assert_result_value(r, expected, 30 * F_SEED);
    assert_result_value(r, pace, 16 / (30 * F_SEED)); /* 1.06 */
    assert_rated(r, KPI_RATING_ON_TRACK);

    r = result_of(fx, "s6");
    assert_result_value(r, start_value, 6);
    assert_result_value(r, expected, 6 + 24 * F_SEED);
    assert_result_value(r, pace, 14 / (24 * F_SEED)); /* 1.16 */
    assert_result_value(r, achievement, 14.0 / 24.0);
    assert_rated(r, KPI_RATING_AHEAD);
}

/* STEP: E = S before D1, T from D1 on (the day before vs the due date). */
static void test_schedule_step(void **state)
{
    fixture *fx = *state;
    kpi_target *t = add_target(fx->goal, "step", 10);
    assert_ok(kpi_target_set_schedule(t, KPI_SCHEDULE_STEP));
    assert_ok(kpi_target_set_due(t, AS_OF));
    measure(t, 20170929, 6);
    t = add_target(fx->goal, "step-s2", 10);
    assert_ok(kpi_target_set_schedule(t, KPI_SCHEDULE_STEP));
    assert_ok(kpi_target_set_start_value(t, 2));
    assert_ok(kpi_target_set_due(t, AS_OF));
    measure(t, 20170929, 6);

    evaluate_as_of(fx, 20170929); /* the day before D1: E = S */
    const kpi_result *r = result_of(fx, "step");
    assert_result_value(r, expected, 0);
    assert_result_value(r, pace, NAN);
    assert_rated(r, KPI_RATING_ON_TRACK); /* step 4: 0 < g(A) < g(T) */
    assert_result_value(result_of(fx, "step-s2"), expected, 2);

    evaluate_as_of(fx, AS_OF); /* on D1: E = T */
    r = result_of(fx, "step");
    assert_result_value(r, expected, 10);
    assert_result_value(r, pace, 0.6);
    assert_rated(r, KPI_RATING_BEHIND);
    r = result_of(fx, "step-s2");
    assert_result_value(r, expected, 10);
    assert_result_value(r, pace, 0.5);

    evaluate_as_of(fx, 20171015); /* after D1: still T */
    assert_result_value(result_of(fx, "step"), expected, 10);
}

/* LEVEL: E = T at every date (a level to hold). */
static void test_schedule_level(void **state)
{
    fixture *fx = *state;
    kpi_target *t = add_target(fx->goal, "rate", 95);
    assert_ok(kpi_target_set_unit(t, "%"));
    assert_ok(kpi_target_set_schedule(t, KPI_SCHEDULE_LEVEL));
    measure(t, 20170401, 96);

    const int32_t dates[] = {20170401, AS_OF, 20180331};
    for (size_t i = 0; i < sizeof dates / sizeof dates[0]; i++) {
        evaluate_as_of(fx, dates[i]);
        const kpi_result *r = result_of(fx, "rate");
        assert_result_value(r, expected, 95);
        assert_result_value(r, pace, 96.0 / 95.0);
        assert_rated(r, KPI_RATING_ON_TRACK);
    }
}

/* Defaults: LINEAR for NUMERIC, STEP for MILESTONE. */
static void test_schedule_defaults(void **state)
{
    fixture *fx = *state;
    kpi_target *num = add_target(fx->goal, "num", 30);
    measure(num, AS_OF, 16);
    kpi_target *ms = add_target(fx->goal, "ms", NAN);
    assert_ok(kpi_target_set_kind(ms, KPI_KIND_MILESTONE));
    assert_ok(kpi_target_set_due(ms, 20171231));
    measure(ms, AS_OF, 0.6);
    kpi_target *ms_linear = add_target(fx->goal, "ms-linear", NAN);
    assert_ok(kpi_target_set_kind(ms_linear, KPI_KIND_MILESTONE));
    assert_ok(kpi_target_set_schedule(ms_linear, KPI_SCHEDULE_LINEAR));
    assert_ok(kpi_target_set_due(ms_linear, 20171231));
    measure(ms_linear, AS_OF, 0.6);

    evaluate_as_of(fx, AS_OF);
    assert_int_equal(kpi_target_schedule(num), KPI_SCHEDULE_DEFAULT);
    const kpi_result *r = result_of(fx, "num"); /* LINEAR */
    assert_result_value(r, expected, 30 * F_SEED);
    assert_rated(r, KPI_RATING_ON_TRACK);

    r = result_of(fx, "ms"); /* STEP: nothing expected before 2017-12-31 */
    assert_result_value(r, value, 1);
    assert_result_value(r, expected, 0);
    assert_result_value(r, pace, NAN);
    assert_rated(r, KPI_RATING_ON_TRACK);

    r = result_of(fx, "ms-linear"); /* the same milestone, LINEAR: 183 of 275 days */
    assert_result_value(r, expected, 183.0 / 275.0);
    assert_result_value(r, pace, 0.6 / (183.0 / 275.0));
    assert_rated(r, KPI_RATING_BEHIND);
}

/* ------------------------------------------------------------------------ */
/* Step 4: nothing expected yet                                              */
/* ------------------------------------------------------------------------ */

/* If g(E) <= 0: g(A) >= g(T) → ◎; g(A) > 0 → ○; otherwise NOT_DUE; no pace. */
static void test_nothing_expected_yet(void **state)
{
    fixture *fx = *state;
    struct {
        const char *code;
        kpi_direction direction;
        double start, value, actual;
    } cases[] = {
        {"done", KPI_DIRECTION_INCREASE, NAN, 10, 10},
        {"over", KPI_DIRECTION_INCREASE, NAN, 10, 12},
        {"some", KPI_DIRECTION_INCREASE, NAN, 10, 4},
        {"zero", KPI_DIRECTION_INCREASE, NAN, 10, 0},
        {"below-s", KPI_DIRECTION_INCREASE, 5, 10, 3},
        {"dec-done", KPI_DIRECTION_DECREASE, 10, 4, 3},
        {"dec-some", KPI_DIRECTION_DECREASE, 10, 4, 8},
        {"dec-none", KPI_DIRECTION_DECREASE, 10, 4, 10},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        kpi_target *t = add_target(fx->goal, cases[i].code, cases[i].value);
        assert_ok(kpi_target_set_direction(t, cases[i].direction));
        assert_ok(kpi_target_set_start_value(t, cases[i].start));
        assert_ok(kpi_target_set_schedule(t, KPI_SCHEDULE_STEP));
        assert_ok(kpi_target_set_due(t, 20171231));
        measure(t, AS_OF, cases[i].actual);
    }

    evaluate_as_of(fx, AS_OF);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const kpi_result *r = result_of(fx, cases[i].code);
        assert_result_value(r, expected, isnan(cases[i].start) ? 0 : cases[i].start);
        assert_result_value(r, pace, NAN);
    }
    assert_rated(result_of(fx, "done"), KPI_RATING_AHEAD);
    assert_result_value(result_of(fx, "done"), achievement, 1.0);
    assert_rated(result_of(fx, "over"), KPI_RATING_AHEAD);
    assert_result_value(result_of(fx, "over"), achievement, 1.2);
    assert_rated(result_of(fx, "some"), KPI_RATING_ON_TRACK);
    assert_result_value(result_of(fx, "some"), achievement, 0.4);
    assert_unrated_both(result_of(fx, "zero"), KPI_UNRATED_NOT_DUE);
    assert_result_value(result_of(fx, "zero"), achievement, NAN);
    assert_unrated_both(result_of(fx, "below-s"), KPI_UNRATED_NOT_DUE);
    assert_rated(result_of(fx, "dec-done"), KPI_RATING_AHEAD);
    assert_rated(result_of(fx, "dec-some"), KPI_RATING_ON_TRACK);
    assert_unrated_both(result_of(fx, "dec-none"), KPI_UNRATED_NOT_DUE);
}

/* ------------------------------------------------------------------------ */
/* Step 1: actual value                                                      */
/* ------------------------------------------------------------------------ */

/* LATEST: the figure with the greatest date <= d; of equal dates the one
 * added last; later figures ignored; kpi_result_measured is its date. */
static void test_accumulate_latest(void **state)
{
    fixture *fx = *state;
    kpi_target *t = add_target(fx->goal, "t", 100);
    assert_int_equal(kpi_target_accumulate(t), KPI_ACCUMULATE_LATEST);
    measure(t, 20170630, 10);
    measure(t, 20170915, 20);
    measure(t, 20170801, 30); /* added later, dated earlier */
    measure(t, 20170915, 25); /* same date as 20: added last wins */
    measure(t, 20171001, 99); /* after d */

    evaluate_as_of(fx, AS_OF);
    const kpi_result *r = result_of(fx, "t");
    assert_result_value(r, actual, 25);
    assert_int_equal(kpi_result_measured(r), 20170915);

    evaluate_as_of(fx, 20170810);
    r = result_of(fx, "t");
    assert_result_value(r, actual, 30);
    assert_int_equal(kpi_result_measured(r), 20170801);

    evaluate_as_of(fx, 20171001);
    r = result_of(fx, "t");
    assert_result_value(r, actual, 99);
    assert_int_equal(kpi_result_measured(r), 20171001);
}

/* SUM: each figure is an increment, A = S + Σ values dated <= d. */
static void test_accumulate_sum(void **state)
{
    fixture *fx = *state;
    kpi_target *t = add_target(fx->goal, "sum", 50);
    assert_ok(kpi_target_set_accumulate(t, KPI_ACCUMULATE_SUM));
    assert_ok(kpi_target_set_start_value(t, 5));
    measure(t, 20170630, 3);
    measure(t, 20170915, 4);
    measure(t, 20171015, 10); /* after d */
    kpi_target *u = add_target(fx->goal, "sum-s0", 10);
    assert_ok(kpi_target_set_accumulate(u, KPI_ACCUMULATE_SUM));
    measure(u, 20170501, 2);
    measure(u, 20170601, 3);
    measure(u, 20170601, 1); /* same date: all increments count */

    evaluate_as_of(fx, AS_OF);
    const kpi_result *r = result_of(fx, "sum");
    assert_result_value(r, actual, 12);
    assert_int_equal(kpi_result_measured(r), 20170915);
    assert_result_value(r, expected, 5 + 45 * F_SEED);
    assert_result_value(r, pace, 7 / (45 * F_SEED));
    r = result_of(fx, "sum-s0");
    assert_result_value(r, actual, 6);
    assert_int_equal(kpi_result_measured(r), 20170601);

    evaluate_as_of(fx, 20171015);
    r = result_of(fx, "sum");
    assert_result_value(r, actual, 22);
    assert_int_equal(kpi_result_measured(r), 20171015);
}

/* ------------------------------------------------------------------------ */
/* Directions and relative targets                                           */
/* ------------------------------------------------------------------------ */

/* DECREASE: g(x) = S − x; S is required (INCOMPLETE), g(T) > 0 (INVALID). */
static void test_decrease_targets(void **state)
{
    fixture *fx = *state;
    struct {
        const char *code;
        double start, value, actual;
    } cases[] = {
        {"dec", 100, 80, 90},         {"dec-ahead", 100, 80, 75},
        {"dec-none", 100, 80, 100},   {"dec-no-s", NAN, 80, 90},
        {"dec-t-eq-s", 100, 100, 90}, {"dec-t-gt-s", 100, 120, 90},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        kpi_target *t = add_target(fx->goal, cases[i].code, cases[i].value);
        assert_ok(kpi_target_set_direction(t, KPI_DIRECTION_DECREASE));
        assert_ok(kpi_target_set_start_value(t, cases[i].start));
        measure(t, AS_OF, cases[i].actual);
    }

    evaluate_as_of(fx, AS_OF);
    const kpi_result *r = result_of(fx, "dec");
    assert_result_value(r, start_value, 100);
    assert_result_value(r, expected, 100 - 20 * F_SEED);
    assert_result_value(r, pace, 10 / (20 * F_SEED)); /* 0.997 */
    assert_result_value(r, achievement, 0.5);
    assert_rated(r, KPI_RATING_ON_TRACK);

    r = result_of(fx, "dec-ahead");
    assert_result_value(r, achievement, 1.25);
    assert_rated(r, KPI_RATING_AHEAD);

    r = result_of(fx, "dec-none");
    assert_result_value(r, pace, 0);
    assert_rated(r, KPI_RATING_NOT_PROGRESSED);

    r = result_of(fx, "dec-no-s");
    assert_result_value(r, start_value, NAN);
    assert_unrated_both(r, KPI_UNRATED_INCOMPLETE);
    assert_unrated_both(result_of(fx, "dec-t-eq-s"), KPI_UNRATED_INVALID);
    assert_unrated_both(result_of(fx, "dec-t-gt-s"), KPI_UNRATED_INVALID);
}

/* Relative form: T = R(1 + p/100) for INCREASE, R(1 − p/100) for DECREASE;
 * no R → INCOMPLETE; kpi_result_target reports the computed T. */
static void test_relative_targets(void **state)
{
    fixture *fx = *state;
    /* 講座開催数 前年度比10%増, last year 20 */
    kpi_target *inc = add_target(fx->goal, "rel-inc", 50); /* T as set is ignored */
    assert_ok(kpi_target_set_reference(inc, 20));
    assert_ok(kpi_target_set_change_pct(inc, 10));
    measure(inc, AS_OF, 12);
    kpi_target *dec = add_target(fx->goal, "rel-dec", NAN); /* 10%減 from 100 */
    assert_ok(kpi_target_set_direction(dec, KPI_DIRECTION_DECREASE));
    assert_ok(kpi_target_set_start_value(dec, 100));
    assert_ok(kpi_target_set_reference(dec, 100));
    assert_ok(kpi_target_set_change_pct(dec, 10));
    measure(dec, AS_OF, 95);
    kpi_target *no_r = add_target(fx->goal, "rel-no-r", NAN);
    assert_ok(kpi_target_set_change_pct(no_r, 10));
    measure(no_r, AS_OF, 5);

    evaluate_as_of(fx, AS_OF);
    const kpi_result *r = result_of(fx, "rel-inc");
    assert_result_value(r, value, 22);
    assert_result_value(r, expected, 22 * F_SEED);
    assert_result_value(r, pace, 12 / (22 * F_SEED)); /* 1.09 */
    assert_result_value(r, achievement, 12.0 / 22.0);
    assert_rated(r, KPI_RATING_ON_TRACK);

    r = result_of(fx, "rel-dec");
    assert_result_value(r, value, 90);
    assert_result_value(r, expected, 100 - 10 * F_SEED);
    assert_result_value(r, pace, 5 / (10 * F_SEED));
    assert_rated(r, KPI_RATING_ON_TRACK);

    r = result_of(fx, "rel-no-r");
    assert_result_value(r, value, NAN);
    assert_unrated_both(r, KPI_UNRATED_INCOMPLETE);

    /* Evaluation leaves the target as set. */
    assert_close(kpi_target_value(inc), 50);
    assert_close(kpi_target_reference(inc), 20);
    assert_close(kpi_target_change_pct(inc), 10);
}

/* Step 6: achievement g(A)/g(T) for every rated numeric target, also above
 * 100%; NaN when the rules could not rate. */
static void test_achievement(void **state)
{
    fixture *fx = *state;
    kpi_target *t = add_target(fx->goal, "over", 10);
    measure(t, AS_OF, 25);
    t = add_target(fx->goal, "s", 30);
    assert_ok(kpi_target_set_start_value(t, 10));
    measure(t, AS_OF, 15);
    add_target(fx->goal, "no-data", 10);

    evaluate_as_of(fx, AS_OF);
    assert_rated(result_of(fx, "over"), KPI_RATING_AHEAD);
    assert_result_value(result_of(fx, "over"), achievement, 2.5);
    assert_result_value(result_of(fx, "s"), achievement, 0.25); /* (15-10)/(30-10) */
    assert_result_value(result_of(fx, "no-data"), achievement, NAN);
}

/* ------------------------------------------------------------------------ */

int main(void)
{
    const struct CMUnitTest tests[] = {
        PLAN_TEST(test_elapsed_both_ends_inclusive),
        PLAN_TEST(test_elapsed_clamped),
        PLAN_TEST(test_elapsed_target_dates_override_plan),
        PLAN_TEST(test_elapsed_plan_period),
        PLAN_TEST(test_thresholds_default),
        PLAN_TEST(test_thresholds_custom),
        PLAN_TEST(test_schedule_linear),
        PLAN_TEST(test_schedule_step),
        PLAN_TEST(test_schedule_level),
        PLAN_TEST(test_schedule_defaults),
        PLAN_TEST(test_nothing_expected_yet),
        PLAN_TEST(test_accumulate_latest),
        PLAN_TEST(test_accumulate_sum),
        PLAN_TEST(test_decrease_targets),
        PLAN_TEST(test_relative_targets),
        PLAN_TEST(test_achievement),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
