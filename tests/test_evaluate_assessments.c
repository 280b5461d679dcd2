/*
 * test_evaluate_assessments.c: assessments (step 8 of the evaluation
 * contract): the latest assessment dated on or before the as-of date is the
 * effective rating beside the computed one, with a mismatch flag; later ones
 * are ignored, so is every one when the policy says so; they rate
 * qualitative targets, and a goal's own assessment overrides its roll-up.
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
/* Step 8: assessments                                                       */
/* ------------------------------------------------------------------------ */

/* The latest assessment dated <= d is the effective rating; the computed
 * rating is kept beside it and a mismatch flagged (and not when equal); the
 * roll-up uses the effective rating. */
static void test_assessment_overrides_computed(void **state)
{
    fixture *fx = *state;
    kpi_goal *sub = NULL;
    assert_non_null(sub = kpi_goal_add_goal(fx->goal, "G-1", NULL));
    kpi_target *a = add_target(sub, "differs", 30);
    measure(a, AS_OF, 32); /* computed ◎ */
    assert_non_null(
        kpi_target_add_assessment(a, 20170915, KPI_RATING_ON_TRACK, "概ね順調"));
    kpi_target *b = add_target(sub, "agrees", 30);
    measure(b, AS_OF, 32);
    assert_non_null(kpi_target_add_assessment(b, 20170915, KPI_RATING_AHEAD, NULL));
    kpi_target *c = add_target(sub, "none", 30);
    measure(c, AS_OF, 32);
    kpi_target *d = add_target(fx->goal, "no-data", 30);
    assert_non_null(kpi_target_add_assessment(d, 20170915, KPI_RATING_BEHIND, NULL));

    evaluate_as_of(fx, AS_OF);
    const kpi_result *r = result_of(fx, "differs");
    assert_rating(r, KPI_RATING_ON_TRACK);
    assert_computed(r, KPI_RATING_AHEAD, KPI_UNRATED_NONE);
    assert_int_equal(kpi_result_assessed(r), 1);
    assert_int_equal(kpi_result_mismatch(r), 1);
    assert_int_equal(kpi_result_assessment_date(r), 20170915);
    assert_result_value(r, pace, 32 / (30 * F_SEED)); /* numbers still reported */

    r = result_of(fx, "agrees");
    assert_rating(r, KPI_RATING_AHEAD);
    assert_computed(r, KPI_RATING_AHEAD, KPI_UNRATED_NONE);
    assert_int_equal(kpi_result_assessed(r), 1);
    assert_int_equal(kpi_result_mismatch(r), 0);

    r = result_of(fx, "none");
    assert_rated(r, KPI_RATING_AHEAD);
    assert_int_equal(kpi_result_mismatch(r), 0);
    assert_int_equal(kpi_result_assessment_date(r), 0);

    r = result_of(fx, "no-data"); /* an assessment rates what the rules cannot */
    assert_rating(r, KPI_RATING_BEHIND);
    assert_computed(r, KPI_RATING_NONE, KPI_UNRATED_NO_DATA);
    assert_int_equal(kpi_result_assessed(r), 1);

    /* G-1 rolls up (○ ◎ ◎) → ○; by computed ratings it would be ◎. */
    assert_rated(result_of(fx, "G-1"), KPI_RATING_ON_TRACK);
    /* G rolls up (△ from no-data, ○ from G-1) → △. */
    assert_rated(result_of(fx, "G"), KPI_RATING_BEHIND);
}

/* Of several assessments the one with the greatest date <= d wins; of equal
 * dates the one added last. */
static void test_assessment_latest_and_same_date(void **state)
{
    fixture *fx = *state;
    kpi_target *t = add_level(fx->goal, "latest", 100, 0); /* computed × */
    assert_non_null(
        kpi_target_add_assessment(t, 20170630, KPI_RATING_NOT_PROGRESSED, NULL));
    assert_non_null(kpi_target_add_assessment(t, 20170901, KPI_RATING_ON_TRACK, NULL));
    assert_non_null(kpi_target_add_assessment(t, 20170801, KPI_RATING_BEHIND, NULL));
    t = add_level(fx->goal, "same-a", 100, 0);
    assert_non_null(kpi_target_add_assessment(t, 20170901, KPI_RATING_BEHIND, NULL));
    assert_non_null(kpi_target_add_assessment(t, 20170901, KPI_RATING_AHEAD, NULL));
    t = add_level(fx->goal, "same-b", 100, 0);
    assert_non_null(kpi_target_add_assessment(t, 20170901, KPI_RATING_AHEAD, NULL));
    assert_non_null(kpi_target_add_assessment(t, 20170901, KPI_RATING_BEHIND, NULL));
    t = add_level(fx->goal, "on-d", 100, 0);
    assert_non_null(kpi_target_add_assessment(t, AS_OF, KPI_RATING_AHEAD, NULL));

    evaluate_as_of(fx, AS_OF);
    assert_rating(result_of(fx, "latest"), KPI_RATING_ON_TRACK);
    assert_int_equal(kpi_result_assessment_date(result_of(fx, "latest")), 20170901);
    assert_rating(result_of(fx, "same-a"), KPI_RATING_AHEAD);
    assert_rating(result_of(fx, "same-b"), KPI_RATING_BEHIND);
    assert_rating(result_of(fx, "on-d"), KPI_RATING_AHEAD);
    assert_int_equal(kpi_result_assessed(result_of(fx, "on-d")), 1);

    evaluate_as_of(fx, 20170815); /* then the August one was the latest */
    assert_rating(result_of(fx, "latest"), KPI_RATING_BEHIND);
    assert_int_equal(kpi_result_assessment_date(result_of(fx, "latest")), 20170801);
}

/* An assessment dated after d is ignored. */
static void test_assessment_after_as_of_ignored(void **state)
{
    fixture *fx = *state;
    kpi_target *t = add_level(fx->goal, "future", 100, 120); /* computed ◎ */
    assert_non_null(
        kpi_target_add_assessment(t, 20171001, KPI_RATING_NOT_PROGRESSED, NULL));
    t = add_level(fx->goal, "mixed", 100, 120);
    assert_non_null(kpi_target_add_assessment(t, 20170915, KPI_RATING_ON_TRACK, NULL));
    assert_non_null(
        kpi_target_add_assessment(t, 20171001, KPI_RATING_NOT_PROGRESSED, NULL));

    evaluate_as_of(fx, AS_OF);
    const kpi_result *r = result_of(fx, "future");
    assert_rated(r, KPI_RATING_AHEAD);
    assert_int_equal(kpi_result_mismatch(r), 0);
    assert_int_equal(kpi_result_assessment_date(r), 0);
    assert_rating(result_of(fx, "mixed"), KPI_RATING_ON_TRACK);

    evaluate_as_of(fx, 20171001);
    r = result_of(fx, "future");
    assert_rating(r, KPI_RATING_NOT_PROGRESSED);
    assert_int_equal(kpi_result_assessed(r), 1);
    assert_int_equal(kpi_result_mismatch(r), 1);
    assert_rating(result_of(fx, "mixed"), KPI_RATING_NOT_PROGRESSED);
}

/* A policy may ignore assessments (kpi_policy_set_use_assessments(p, 0)). */
static void test_assessment_ignored_by_policy(void **state)
{
    fixture *fx = *state;
    kpi_target *t = add_level(fx->goal, "t", 100, 120); /* computed ◎ */
    assert_non_null(
        kpi_target_add_assessment(t, 20170915, KPI_RATING_NOT_PROGRESSED, NULL));
    t = add_target(fx->goal, "q", NAN);
    assert_ok(kpi_target_set_kind(t, KPI_KIND_QUALITATIVE));
    assert_non_null(kpi_target_add_assessment(t, 20170915, KPI_RATING_ON_TRACK, NULL));
    assert_non_null(kpi_goal_add_assessment(fx->goal, 20170915, KPI_RATING_BEHIND, NULL));

    assert_ok(kpi_policy_set_use_assessments(fx->policy, 0));
    assert_int_equal(kpi_policy_use_assessments(fx->policy), 0);
    evaluate_as_of(fx, AS_OF);
    const kpi_result *r = result_of(fx, "t");
    assert_rated(r, KPI_RATING_AHEAD);
    assert_int_equal(kpi_result_mismatch(r), 0);
    assert_unrated_both(result_of(fx, "q"), KPI_UNRATED_QUALITATIVE);
    assert_rated(result_of(fx, "G"), KPI_RATING_AHEAD);

    assert_ok(kpi_policy_set_use_assessments(fx->policy, 5)); /* any non-zero */
    assert_int_equal(kpi_policy_use_assessments(fx->policy), 1);
    evaluate_as_of(fx, AS_OF);
    assert_rating(result_of(fx, "t"), KPI_RATING_NOT_PROGRESSED);
    assert_rating(result_of(fx, "q"), KPI_RATING_ON_TRACK);
    assert_rating(result_of(fx, "G"), KPI_RATING_BEHIND);
}

/* A QUALITATIVE target is rated only by an assessment: computed stays NONE
 * (reason QUALITATIVE) while the effective rating is the assessment's. */
static void test_assessment_rates_qualitative(void **state)
{
    fixture *fx = *state;
    kpi_target *t = add_target(fx->goal, "q", NAN); /* 謝意を込めた魅力ある返礼品の充実 */
    assert_ok(kpi_target_set_kind(t, KPI_KIND_QUALITATIVE));
    assert_non_null(kpi_target_add_assessment(t, 20170920, KPI_RATING_ON_TRACK,
                                              "H29.9に175品目に充実"));

    evaluate_as_of(fx, AS_OF);
    const kpi_result *r = result_of(fx, "q");
    assert_rating(r, KPI_RATING_ON_TRACK);
    assert_int_equal(kpi_result_unrated(r), KPI_UNRATED_NONE);
    assert_computed(r, KPI_RATING_NONE, KPI_UNRATED_QUALITATIVE);
    assert_int_equal(kpi_result_assessed(r), 1);
    assert_int_equal(kpi_result_assessment_date(r), 20170920);
    const kpi_result *g = result_of(fx, "G");
    assert_rated(g, KPI_RATING_ON_TRACK);
    assert_int_equal(kpi_result_count_rating(g, KPI_RATING_ON_TRACK), 1);
    assert_int_equal(kpi_result_count_unrated(g, KPI_UNRATED_QUALITATIVE), 0);
}

/* A goal's own latest assessment dated <= d overrides its roll-up exactly
 * as for targets, and its parent rolls up the effective rating. */
static void test_goal_assessment_overrides_rollup(void **state)
{
    fixture *fx = *state;
    const kpi_rating ahead2[] = {KPI_RATING_AHEAD, KPI_RATING_AHEAD};
    const kpi_rating no_data[] = {KPI_RATING_NONE};
    const kpi_rating ahead1[] = {KPI_RATING_AHEAD};
    kpi_goal *g1 = add_rated_goal(fx->plan, fx->goal, "G-1", ahead2, NULL, 2);
    assert_non_null(kpi_goal_add_assessment(g1, 20170915, KPI_RATING_BEHIND, "遅れあり"));
    kpi_goal *g2 = add_rated_goal(fx->plan, NULL, "H", no_data, NULL, 1);
    assert_non_null(kpi_goal_add_assessment(g2, 20170915, KPI_RATING_ON_TRACK, NULL));
    kpi_goal *g3 = add_rated_goal(fx->plan, NULL, "I", ahead1, NULL, 1);
    assert_non_null(
        kpi_goal_add_assessment(g3, 20171001, KPI_RATING_NOT_PROGRESSED, NULL));

    evaluate_as_of(fx, AS_OF);
    const kpi_result *r = result_of(fx, "G-1");
    assert_rating(r, KPI_RATING_BEHIND);
    assert_computed(r, KPI_RATING_AHEAD, KPI_UNRATED_NONE);
    assert_int_equal(kpi_result_assessed(r), 1);
    assert_int_equal(kpi_result_mismatch(r), 1);
    assert_int_equal(kpi_result_assessment_date(r), 20170915);
    assert_rated(result_of(fx, "G"), KPI_RATING_BEHIND); /* rolls up △, not ◎ */

    r = result_of(fx, "H");
    assert_rating(r, KPI_RATING_ON_TRACK);
    assert_computed(r, KPI_RATING_NONE, KPI_UNRATED_NO_RATED_CHILDREN);
    assert_int_equal(kpi_result_assessed(r), 1);

    r = result_of(fx, "I"); /* dated after d: ignored */
    assert_rated(r, KPI_RATING_AHEAD);

    /* The plan: (△, ○, ◎) → △ */
    assert_rated(kpi_evaluation_result_at(fx->ev, 0), KPI_RATING_BEHIND);
}

/* ------------------------------------------------------------------------ */

int main(void)
{
    const struct CMUnitTest tests[] = {
        PLAN_TEST(test_assessment_overrides_computed),
        PLAN_TEST(test_assessment_latest_and_same_date),
        PLAN_TEST(test_assessment_after_as_of_ignored),
        PLAN_TEST(test_assessment_ignored_by_policy),
        PLAN_TEST(test_assessment_rates_qualitative),
        PLAN_TEST(test_goal_assessment_overrides_rollup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
