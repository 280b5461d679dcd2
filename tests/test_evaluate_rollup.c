/*
 * test_evaluate_rollup.c: how goals and the plan are rated from their
 * children: the CRITERIA, WORST and WEIGHTED roll-ups (weights of targets
 * and goals), unrated children left out and counted by reason,
 * NO_RATED_CHILDREN, the plan's rating from its top-level goals, and goals
 * nested deeply.
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
/* Roll-up                                                                   */
/* ------------------------------------------------------------------------ */

#define MAX_CHILDREN 6

struct rollup_case {
    const char *code;
    size_t n;
    kpi_rating children[MAX_CHILDREN]; /* NONE: a NO_DATA child */
    double weights[MAX_CHILDREN];      /* 0: the default weight 1 */
    kpi_rating want;
};

/* Builds one top-level goal per case, evaluates with `rollup` and checks
 * each goal's rating and its counts of children by rating and NO_DATA. */
static void check_rollup_cases(fixture *fx, kpi_rollup rollup,
                               const struct rollup_case *cases, size_t n)
{
    for (size_t i = 0; i < n; i++)
        add_rated_goal(fx->plan, NULL, cases[i].code, cases[i].children, cases[i].weights,
                       cases[i].n);
    assert_ok(kpi_policy_set_rollup(fx->policy, rollup));
    assert_int_equal(kpi_policy_rollup(fx->policy), rollup);
    evaluate_as_of(fx, AS_OF);
    for (size_t i = 0; i < n; i++) {
        const struct rollup_case *c = &cases[i];
        const kpi_result *g = result_of(fx, c->code);
        size_t counts[KPI_RATING_AHEAD + 1] = {0};
        assert_int_equal(kpi_result_child_count(g), c->n);
        for (size_t k = 0; k < c->n; k++) {
            const kpi_result *child = kpi_result_child_at(g, k);
            assert_non_null(child);
            if (c->children[k] == KPI_RATING_NONE)
                assert_unrated(child, KPI_UNRATED_NO_DATA);
            else
                assert_rating(child, c->children[k]); /* the helper did its job */
            counts[c->children[k]]++;
        }
        assert_rated(g, c->want);
        for (int k = KPI_RATING_NOT_PROGRESSED; k <= KPI_RATING_AHEAD; k++)
            assert_int_equal(kpi_result_count_rating(g, (kpi_rating)k), counts[k]);
        assert_int_equal(kpi_result_count_unrated(g, KPI_UNRATED_NO_DATA),
                         counts[KPI_RATING_NONE]);
    }
}

#define A_ KPI_RATING_AHEAD
#define O_ KPI_RATING_ON_TRACK
#define B_ KPI_RATING_BEHIND
#define X_ KPI_RATING_NOT_PROGRESSED
#define N_ KPI_RATING_NONE

/* CRITERIA: every rated child × → ×; any × or △ → △; every child ◎ → ◎;
 * otherwise ○. Unrated children are left out. */
static void test_rollup_criteria(void **state)
{
    static const struct rollup_case cases[] = {
        {"all-x", 2, {X_, X_}, {0}, X_},
        {"x-no-data", 2, {X_, N_}, {0}, X_},
        {"x-ahead", 2, {X_, A_}, {0}, B_},
        {"x-on", 3, {O_, X_, O_}, {0}, B_},
        {"behind-ahead", 2, {B_, A_}, {0}, B_},
        {"behind-on", 2, {O_, B_}, {0}, B_},
        {"behind-only", 1, {B_}, {0}, B_},
        {"all-ahead", 3, {A_, A_, A_}, {0}, A_},
        {"ahead-no-data", 2, {A_, N_}, {0}, A_},
        {"ahead-on-on", 3, {A_, O_, O_}, {0}, O_},
        {"all-on", 2, {O_, O_}, {0}, O_},
        {"on-no-data", 3, {N_, O_, N_}, {0}, O_},
    };
    check_rollup_cases(*state, KPI_ROLLUP_CRITERIA, cases,
                       sizeof cases / sizeof cases[0]);
}

/* WORST: the lowest child rating (◎ > ○ > △ > ×). */
static void test_rollup_worst(void **state)
{
    static const struct rollup_case cases[] = {
        {"a-o-b", 3, {A_, O_, B_}, {0}, B_},
        {"a-o", 2, {A_, O_}, {0}, O_},
        {"a-x", 2, {A_, X_}, {0}, X_}, /* CRITERIA would say △ */
        {"a", 1, {A_}, {0}, A_},
        {"o-no-data", 2, {O_, N_}, {0}, O_},
        {"b-b", 2, {B_, B_}, {0}, B_},
        {"x-x", 2, {X_, X_}, {0}, X_},
    };
    check_rollup_cases(*state, KPI_ROLLUP_WORST, cases, sizeof cases / sizeof cases[0]);
}

/* WEIGHTED: scores ◎3 ○2 △1 ×0, weighted mean m; m >= 2.5 → ◎, >= 1.5 → ○,
 * >= 0.5 → △, else ×; weights of targets and of goals. */
static void test_rollup_weighted(void **state)
{
    static const struct rollup_case cases[] = {
        {"m2.5", 2, {A_, O_}, {1, 1}, A_},
        {"m2.5-", 2, {A_, O_}, {0.499999, 0.500001}, O_},
        {"m1.5", 2, {O_, B_}, {1, 1}, O_},
        {"m1.5-", 2, {O_, B_}, {0.499999, 0.500001}, B_},
        {"m0.5", 2, {B_, X_}, {1, 1}, B_},
        {"m0.5-", 2, {B_, X_}, {0.499999, 0.500001}, X_},
        {"m3", 1, {A_}, {0}, A_},
        {"m0", 2, {X_, X_}, {0}, X_},
        {"m-no-data", 2, {A_, N_}, {0, 5}, A_},  /* the unrated weight is left out */
        {"m-weights", 2, {A_, B_}, {3, 1}, A_},  /* (9+1)/4 = 2.5; unweighted 2.0 */
        {"m-weights2", 2, {A_, B_}, {1, 3}, O_}, /* (3+3)/4 = 1.5 */
    };
    fixture *fx = *state;
    check_rollup_cases(fx, KPI_ROLLUP_WEIGHTED, cases, sizeof cases / sizeof cases[0]);

    /* Goal weights: P-1 (◎, weight 3) and P-2 (△, weight 1) → 2.5 → ◎. */
    const kpi_rating ahead[] = {A_};
    const kpi_rating behind[] = {B_};
    kpi_goal *p = NULL;
    assert_non_null(p = kpi_plan_add_goal(fx->plan, "P", NULL));
    kpi_goal *p1 = add_rated_goal(fx->plan, p, "P-1", ahead, NULL, 1);
    add_rated_goal(fx->plan, p, "P-2", behind, NULL, 1);
    assert_ok(kpi_goal_set_weight(p1, 3));
    evaluate_as_of(fx, AS_OF);
    assert_result_value(result_of(fx, "P-1"), weight, 3);
    assert_rated(result_of(fx, "P"), KPI_RATING_AHEAD);
    assert_ok(kpi_goal_set_weight(p1, 1)); /* (3+1)/2 = 2.0 → ○ */
    evaluate_as_of(fx, AS_OF);
    assert_rated(result_of(fx, "P"), KPI_RATING_ON_TRACK);
}

/* Unrated children are left out of the rating and counted by reason. */
static void test_rollup_unrated_children_counted(void **state)
{
    fixture *fx = *state;
    add_rated(fx->goal, "ahead", A_, 0);
    add_rated(fx->goal, "on", O_, 0);
    add_rated(fx->goal, "no-data-1", N_, 0);
    add_rated(fx->goal, "no-data-2", N_, 0);
    kpi_target *t = add_target(fx->goal, "incomplete", NAN);
    measure(t, AS_OF, 1);
    t = add_target(fx->goal, "invalid", 0);
    measure(t, AS_OF, 1);
    t = add_target(fx->goal, "qualitative", NAN);
    assert_ok(kpi_target_set_kind(t, KPI_KIND_QUALITATIVE));
    t = add_target(fx->goal, "not-due", NAN);
    assert_ok(kpi_target_set_kind(t, KPI_KIND_MILESTONE));
    assert_ok(kpi_target_set_due(t, 20171130));
    measure(t, AS_OF, 0);
    assert_non_null(kpi_goal_add_goal(fx->goal, "empty", NULL));

    evaluate_as_of(fx, AS_OF);
    const kpi_result *g = result_of(fx, "G");
    assert_rated(g, KPI_RATING_ON_TRACK);           /* (◎, ○) */
    assert_int_equal(kpi_result_child_count(g), 9); /* 8 targets, 1 goal */
    assert_int_equal(kpi_result_count_rating(g, KPI_RATING_AHEAD), 1);
    assert_int_equal(kpi_result_count_rating(g, KPI_RATING_ON_TRACK), 1);
    assert_int_equal(kpi_result_count_rating(g, KPI_RATING_BEHIND), 0);
    assert_int_equal(kpi_result_count_rating(g, KPI_RATING_NOT_PROGRESSED), 0);
    assert_int_equal(kpi_result_count_unrated(g, KPI_UNRATED_NO_DATA), 2);
    assert_int_equal(kpi_result_count_unrated(g, KPI_UNRATED_INCOMPLETE), 1);
    assert_int_equal(kpi_result_count_unrated(g, KPI_UNRATED_INVALID), 1);
    assert_int_equal(kpi_result_count_unrated(g, KPI_UNRATED_QUALITATIVE), 1);
    assert_int_equal(kpi_result_count_unrated(g, KPI_UNRATED_NOT_DUE), 1);
    assert_int_equal(kpi_result_count_unrated(g, KPI_UNRATED_NO_RATED_CHILDREN), 1);
}

/* No rated child → the goal is unrated, NO_RATED_CHILDREN. */
static void test_rollup_no_rated_children(void **state)
{
    fixture *fx = *state;
    const kpi_rating no_data[] = {N_, N_};
    add_rated_goal(fx->plan, NULL, "H", no_data, NULL, 2);
    kpi_target *t = add_target(fx->goal, "incomplete", NAN);
    measure(t, AS_OF, 1);
    add_rated(fx->goal, "no-data", N_, 0);
    assert_non_null(kpi_plan_add_goal(fx->plan, "empty", NULL));

    evaluate_as_of(fx, AS_OF);
    const kpi_result *g = result_of(fx, "G");
    assert_unrated_both(g, KPI_UNRATED_NO_RATED_CHILDREN);
    assert_int_equal(kpi_result_count_unrated(g, KPI_UNRATED_INCOMPLETE), 1);
    assert_int_equal(kpi_result_count_unrated(g, KPI_UNRATED_NO_DATA), 1);
    assert_unrated_both(result_of(fx, "H"), KPI_UNRATED_NO_RATED_CHILDREN);
    assert_int_equal(kpi_result_count_unrated(result_of(fx, "H"), KPI_UNRATED_NO_DATA),
                     2);
    assert_unrated_both(result_of(fx, "empty"), KPI_UNRATED_NO_RATED_CHILDREN);
    const kpi_result *plan = kpi_evaluation_result_at(fx->ev, 0);
    assert_unrated_both(plan, KPI_UNRATED_NO_RATED_CHILDREN);
    assert_int_equal(kpi_result_count_unrated(plan, KPI_UNRATED_NO_RATED_CHILDREN), 3);
}

/* The plan's rating is the roll-up of its top-level goals (only them). */
static void test_plan_rating_rolls_up_top_level_goals(void **state)
{
    fixture *fx = *state;
    const kpi_rating ahead3[] = {A_, A_, A_};
    const kpi_rating on[] = {O_};
    const kpi_rating x[] = {X_};
    add_rated(fx->goal, "G-a", A_, 0);                /* G: ◎ */
    add_rated_goal(fx->plan, NULL, "H", on, NULL, 1); /* H: ○ */
    kpi_goal *i = add_rated_goal(fx->plan, NULL, "I", ahead3, NULL, 3);
    add_rated_goal(fx->plan, i, "I-x", x, NULL, 1); /* I: (◎◎◎ ×) → △ */
    assert_non_null(kpi_plan_add_goal(fx->plan, "J", NULL)); /* no rated children */

    evaluate_as_of(fx, AS_OF);
    assert_rated(result_of(fx, "I"), KPI_RATING_BEHIND);
    const kpi_result *plan = kpi_evaluation_result_at(fx->ev, 0);
    assert_int_equal(kpi_result_object(plan), KPI_OBJECT_PLAN);
    assert_rated(plan, KPI_RATING_BEHIND); /* (◎, ○, △) */
    assert_int_equal(kpi_result_child_count(plan), 4);
    assert_int_equal(kpi_result_count_rating(plan, KPI_RATING_AHEAD), 1);
    assert_int_equal(kpi_result_count_rating(plan, KPI_RATING_ON_TRACK), 1);
    assert_int_equal(kpi_result_count_rating(plan, KPI_RATING_BEHIND), 1);
    assert_int_equal(kpi_result_count_rating(plan, KPI_RATING_NOT_PROGRESSED), 0);
    assert_int_equal(kpi_result_count_unrated(plan, KPI_UNRATED_NO_RATED_CHILDREN), 1);

    /* WORST applies at every level: I (◎◎◎ ×) → ×, so the plan is ×. */
    assert_ok(kpi_policy_set_rollup(fx->policy, KPI_ROLLUP_WORST));
    evaluate_as_of(fx, AS_OF);
    assert_rated(result_of(fx, "I"), KPI_RATING_NOT_PROGRESSED);
    assert_rated(kpi_evaluation_result_at(fx->ev, 0), KPI_RATING_NOT_PROGRESSED);

    /* An assessment ◎ of I changes what the plan rolls up: (◎, ○, ◎) → ○. */
    assert_ok(kpi_policy_set_rollup(fx->policy, KPI_ROLLUP_CRITERIA));
    kpi_goal *i_goal = NULL;
    assert_non_null(i_goal = kpi_plan_find_goal(fx->plan, "I"));
    assert_non_null(kpi_goal_add_assessment(i_goal, AS_OF, KPI_RATING_AHEAD, NULL));
    evaluate_as_of(fx, AS_OF);
    assert_rated(kpi_evaluation_result_at(fx->ev, 0), KPI_RATING_ON_TRACK);
}

/* Goals nest to any depth; ratings roll up through every level. */
static void test_rollup_nested_deeply(void **state)
{
    fixture *fx = *state;
    const kpi_rating x[] = {X_};
    const kpi_rating ahead[] = {A_};
    kpi_goal *l2 = add_rated_goal(fx->plan, fx->goal, "G-1", ahead, NULL, 1);
    kpi_goal *l3 = NULL;
    assert_non_null(l3 = kpi_goal_add_goal(l2, "G-1-1", NULL));
    kpi_goal *l4 = add_rated_goal(fx->plan, l3, "G-1-1-1", x, NULL, 1);
    assert_int_equal(kpi_goal_depth(l4), 4);

    evaluate_as_of(fx, AS_OF);
    const kpi_result *r = result_of(fx, "G-1-1-1-0");
    assert_int_equal(kpi_result_depth(r), 5);
    assert_rated(r, KPI_RATING_NOT_PROGRESSED);
    r = result_of(fx, "G-1-1-1");
    assert_int_equal(kpi_result_depth(r), 4);
    assert_rated(r, KPI_RATING_NOT_PROGRESSED);
    assert_rated(result_of(fx, "G-1-1"), KPI_RATING_NOT_PROGRESSED);
    r = result_of(fx, "G-1"); /* (◎ target, × goal) */
    assert_int_equal(kpi_result_depth(r), 2);
    assert_rated(r, KPI_RATING_BEHIND);
    assert_rated(result_of(fx, "G"), KPI_RATING_BEHIND);
    assert_rated(kpi_evaluation_result_at(fx->ev, 0), KPI_RATING_BEHIND);
}

/* ------------------------------------------------------------------------ */

int main(void)
{
    const struct CMUnitTest tests[] = {
        PLAN_TEST(test_rollup_criteria),
        PLAN_TEST(test_rollup_worst),
        PLAN_TEST(test_rollup_weighted),
        PLAN_TEST(test_rollup_unrated_children_counted),
        PLAN_TEST(test_rollup_no_rated_children),
        PLAN_TEST(test_plan_rating_rolls_up_top_level_goals),
        PLAN_TEST(test_rollup_nested_deeply),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
