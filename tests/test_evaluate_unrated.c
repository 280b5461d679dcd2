/*
 * test_evaluate_unrated.c: why a target goes unrated (step 7 of the
 * evaluation contract): QUALITATIVE, INCOMPLETE, INVALID, NO_DATA and
 * NOT_DUE, their precedence, the values refused before they can be
 * recorded, and kpi_validate, which lists the INCOMPLETE and INVALID
 * problems without evaluating, and the directives left UNANSWERED.
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
/* Step 7: unrated reasons                                                   */
/* ------------------------------------------------------------------------ */

/* A QUALITATIVE target without an assessment is unrated, QUALITATIVE. */
static void test_unrated_qualitative(void **state)
{
    fixture *fx = *state;
    kpi_target *t = add_target(fx->goal, "q", NAN); /* 意識調査の実施 */
    assert_ok(kpi_target_set_kind(t, KPI_KIND_QUALITATIVE));
    t = add_target(fx->goal, "q-with-numbers", 10);
    assert_ok(kpi_target_set_kind(t, KPI_KIND_QUALITATIVE));
    measure(t, AS_OF, 20);

    evaluate_as_of(fx, AS_OF);
    assert_unrated_both(result_of(fx, "q"), KPI_UNRATED_QUALITATIVE);
    assert_unrated_both(result_of(fx, "q-with-numbers"), KPI_UNRATED_QUALITATIVE);
    assert_result_value(result_of(fx, "q-with-numbers"), achievement, NAN);
}

/* INCOMPLETE: no T; a relative target with no R; a DECREASE target with no
 * S. A milestone needs no T (it is always 1). */
static void test_unrated_incomplete(void **state)
{
    fixture *fx = *state;
    kpi_target *t = add_target(fx->goal, "no-t", NAN);
    measure(t, AS_OF, 5);
    t = add_target(fx->goal, "rel-no-r", NAN);
    assert_ok(kpi_target_set_change_pct(t, 10));
    measure(t, AS_OF, 5);
    t = add_target(fx->goal, "dec-no-s", 5);
    assert_ok(kpi_target_set_direction(t, KPI_DIRECTION_DECREASE));
    measure(t, AS_OF, 7);
    t = add_target(fx->goal, "milestone", NAN);
    assert_ok(kpi_target_set_kind(t, KPI_KIND_MILESTONE));
    assert_ok(kpi_target_set_due(t, AS_OF));
    measure(t, AS_OF, 1);

    evaluate_as_of(fx, AS_OF);
    assert_unrated_both(result_of(fx, "no-t"), KPI_UNRATED_INCOMPLETE);
    assert_result_value(result_of(fx, "no-t"), value, NAN);
    assert_unrated_both(result_of(fx, "rel-no-r"), KPI_UNRATED_INCOMPLETE);
    assert_unrated_both(result_of(fx, "dec-no-s"), KPI_UNRATED_INCOMPLETE);
    assert_rated(result_of(fx, "milestone"), KPI_RATING_ON_TRACK);
}

/* INVALID: values that contradict each other, g(T) <= 0 or D1 < D0. */
static void test_unrated_invalid(void **state)
{
    fixture *fx = *state;
    kpi_target *t = add_target(fx->goal, "t-zero", 0);
    measure(t, AS_OF, 5);
    t = add_target(fx->goal, "t-eq-s", 10);
    assert_ok(kpi_target_set_start_value(t, 10));
    measure(t, AS_OF, 12);
    t = add_target(fx->goal, "t-below-s", 5);
    assert_ok(kpi_target_set_start_value(t, 10));
    measure(t, AS_OF, 12);
    t = add_target(fx->goal, "due-before-start", 10);
    assert_ok(kpi_target_set_start(t, 20171001));
    assert_ok(kpi_target_set_due(t, 20170901));
    measure(t, AS_OF, 5);
    t = add_target(fx->goal, "due-before-plan", 10); /* D0 = plan start 2017-04-01 */
    assert_ok(kpi_target_set_due(t, 20170331));
    measure(t, 20170301, 5);

    evaluate_as_of(fx, AS_OF);
    const char *codes[] = {"t-zero", "t-eq-s", "t-below-s", "due-before-start",
                           "due-before-plan"};
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        const kpi_result *r = result_of(fx, codes[i]);
        assert_unrated_both(r, KPI_UNRATED_INVALID);
        assert_result_value(r, pace, NAN);
        assert_result_value(r, achievement, NAN);
    }
}

/* NO_DATA: no measurement dated on or before d. */
static void test_unrated_no_data(void **state)
{
    fixture *fx = *state;
    add_target(fx->goal, "none", 10);
    kpi_target *t = add_target(fx->goal, "later", 10);
    measure(t, 20171001, 5);

    evaluate_as_of(fx, AS_OF);
    const kpi_result *r = result_of(fx, "none");
    assert_unrated_both(r, KPI_UNRATED_NO_DATA);
    assert_result_value(r, actual, NAN);
    assert_int_equal(kpi_result_measured(r), 0);
    r = result_of(fx, "later");
    assert_unrated_both(r, KPI_UNRATED_NO_DATA);
    assert_int_equal(kpi_result_measured(r), 0);

    evaluate_as_of(fx, 20171001); /* the figure now counts: r = 5 / (10 * 184/365) */
    assert_result_value(result_of(fx, "later"), actual, 5);
    assert_rated(result_of(fx, "later"), KPI_RATING_ON_TRACK);
}

/* NOT_DUE: nothing expected yet (g(E) <= 0) and nothing achieved. */
static void test_unrated_not_due(void **state)
{
    fixture *fx = *state;
    kpi_target *t = add_target(fx->goal, "ms", NAN);
    assert_ok(kpi_target_set_kind(t, KPI_KIND_MILESTONE));
    assert_ok(kpi_target_set_due(t, 20171130));
    measure(t, AS_OF, 0);
    t = add_target(fx->goal, "before-start", 10); /* LINEAR, f = 0 */
    assert_ok(kpi_target_set_start(t, 20171001));
    measure(t, AS_OF, 0);

    evaluate_as_of(fx, AS_OF);
    const kpi_result *r = result_of(fx, "ms");
    assert_unrated_both(r, KPI_UNRATED_NOT_DUE);
    assert_result_value(r, actual, 0);
    assert_result_value(r, expected, 0);
    assert_result_value(r, pace, NAN);
    r = result_of(fx, "before-start");
    assert_unrated_both(r, KPI_UNRATED_NOT_DUE);
    assert_result_value(r, elapsed, 0);

    evaluate_as_of(fx, 20171130); /* due now: nothing done is × */
    assert_rated(result_of(fx, "ms"), KPI_RATING_NOT_PROGRESSED);
}

/* When several reasons apply, the first of QUALITATIVE, INCOMPLETE,
 * INVALID, NO_DATA, NOT_DUE is the reason; evaluation never fails. */
static void test_unrated_precedence(void **state)
{
    fixture *fx = *state;
    /* QUALITATIVE over INCOMPLETE, INVALID and NO_DATA */
    kpi_target *t = add_target(fx->goal, "q-all", NAN);
    assert_ok(kpi_target_set_kind(t, KPI_KIND_QUALITATIVE));
    assert_ok(kpi_target_set_direction(t, KPI_DIRECTION_DECREASE));
    assert_ok(kpi_target_set_start(t, 20171001));
    assert_ok(kpi_target_set_due(t, 20170901));
    /* INCOMPLETE over NO_DATA */
    add_target(fx->goal, "no-t-no-data", NAN);
    /* INCOMPLETE over INVALID (due before start) and NO_DATA */
    t = add_target(fx->goal, "dec-no-s-bad-dates", 5);
    assert_ok(kpi_target_set_direction(t, KPI_DIRECTION_DECREASE));
    assert_ok(kpi_target_set_start(t, 20171001));
    assert_ok(kpi_target_set_due(t, 20170901));
    /* INVALID over NO_DATA */
    add_target(fx->goal, "t-zero-no-data", 0);
    t = add_target(fx->goal, "bad-dates-no-data", 10);
    assert_ok(kpi_target_set_start(t, 20171001));
    assert_ok(kpi_target_set_due(t, 20170901));
    /* NO_DATA over NOT_DUE: a milestone not yet due, no figure */
    t = add_target(fx->goal, "ms-no-data", NAN);
    assert_ok(kpi_target_set_kind(t, KPI_KIND_MILESTONE));
    assert_ok(kpi_target_set_due(t, 20171130));

    evaluate_as_of(fx, AS_OF); /* asserts KPI_OK */
    assert_unrated_both(result_of(fx, "q-all"), KPI_UNRATED_QUALITATIVE);
    assert_unrated_both(result_of(fx, "no-t-no-data"), KPI_UNRATED_INCOMPLETE);
    assert_unrated_both(result_of(fx, "dec-no-s-bad-dates"), KPI_UNRATED_INCOMPLETE);
    assert_unrated_both(result_of(fx, "t-zero-no-data"), KPI_UNRATED_INVALID);
    assert_unrated_both(result_of(fx, "bad-dates-no-data"), KPI_UNRATED_INVALID);
    assert_unrated_both(result_of(fx, "ms-no-data"), KPI_UNRATED_NO_DATA);
    assert_unrated_both(result_of(fx, "G"), KPI_UNRATED_NO_RATED_CHILDREN);
}

/* What is wrong on its own is refused when recorded: a non-finite value, a
 * milestone value outside 0..1, a weight <= 0, an unknown rating. */
static void test_recording_refuses_bad_values(void **state)
{
    fixture *fx = *state;
    kpi_target *t = add_target(fx->goal, "t", 10);
    REFUSED_NULL(KPI_ERR_VALUE, kpi_target_add_measurement(t, AS_OF, NAN, NULL));
    REFUSED_NULL(KPI_ERR_VALUE, kpi_target_add_measurement(t, AS_OF, INFINITY, NULL));
    REFUSED_NULL(KPI_ERR_VALUE, kpi_target_add_measurement(t, AS_OF, -INFINITY, NULL));
    assert_int_equal(kpi_target_measurement_count(t), 0);
    assert_int_equal(kpi_target_set_value(t, INFINITY), KPI_ERR_VALUE);
    assert_close(kpi_target_value(t), 10);
    assert_int_equal(kpi_target_set_weight(t, 0), KPI_ERR_VALUE);
    assert_int_equal(kpi_target_set_weight(t, -1), KPI_ERR_VALUE);
    assert_int_equal(kpi_target_set_weight(t, NAN), KPI_ERR_VALUE);
    assert_close(kpi_target_weight(t), 1);
    assert_int_equal(kpi_goal_set_weight(fx->goal, 0), KPI_ERR_VALUE);
    assert_close(kpi_goal_weight(fx->goal), 1);
    REFUSED_NULL(KPI_ERR_VALUE,
                 kpi_target_add_assessment(t, AS_OF, KPI_RATING_NONE, NULL));
    REFUSED_NULL(KPI_ERR_VALUE, kpi_target_add_assessment(t, AS_OF, (kpi_rating)9, NULL));
    REFUSED_NULL(KPI_ERR_VALUE,
                 kpi_goal_add_assessment(fx->goal, AS_OF, (kpi_rating)9, NULL));
    assert_int_equal(kpi_target_assessment_count(t), 0);
    assert_int_equal(kpi_goal_assessment_count(fx->goal), 0);

    kpi_target *ms = add_target(fx->goal, "ms", NAN);
    assert_ok(kpi_target_set_kind(ms, KPI_KIND_MILESTONE));
    REFUSED_NULL(KPI_ERR_VALUE, kpi_target_add_measurement(ms, AS_OF, 1.5, NULL));
    REFUSED_NULL(KPI_ERR_VALUE, kpi_target_add_measurement(ms, AS_OF, -0.1, NULL));
    assert_int_equal(kpi_target_measurement_count(ms), 0);
    measure(ms, AS_OF, 1);
    measure(ms, AS_OF, 0);
}

/* ------------------------------------------------------------------------ */
/* Validation                                                                */
/* ------------------------------------------------------------------------ */

/* kpi_validate lists INCOMPLETE and INVALID problems with the object code
 * and a message naming it, at any depth, without evaluating. */
static void test_validate_lists_problems(void **state)
{
    fixture *fx = *state;
    kpi_goal *sub = NULL;
    add_target(fx->goal, "ok", 10);
    kpi_target *t = add_target(fx->goal, "no-t", NAN);
    t = add_target(fx->goal, "rel-no-r", NAN);
    assert_ok(kpi_target_set_change_pct(t, 10));
    t = add_target(fx->goal, "dec-no-s", 5);
    assert_ok(kpi_target_set_direction(t, KPI_DIRECTION_DECREASE));
    t = add_target(fx->goal, "t-le-s", 5);
    assert_ok(kpi_target_set_start_value(t, 10));
    t = add_target(fx->goal, "dec-t-ge-s", 12);
    assert_ok(kpi_target_set_direction(t, KPI_DIRECTION_DECREASE));
    assert_ok(kpi_target_set_start_value(t, 10));
    t = add_target(fx->goal, "due-before-start", 10);
    assert_ok(kpi_target_set_start(t, 20171001));
    assert_ok(kpi_target_set_due(t, 20170901));
    t = add_target(fx->goal, "qualitative", NAN);
    assert_ok(kpi_target_set_kind(t, KPI_KIND_QUALITATIVE));
    t = add_target(fx->goal, "milestone", NAN);
    assert_ok(kpi_target_set_kind(t, KPI_KIND_MILESTONE));
    assert_non_null(sub = kpi_goal_add_goal(fx->goal, "G-1", NULL));
    add_target(sub, "nested-no-t", NAN);

    static const struct {
        const char *code;
        kpi_problem kind;
    } want[] = {
        {"no-t", KPI_PROBLEM_INCOMPLETE},
        {"rel-no-r", KPI_PROBLEM_INCOMPLETE},
        {"dec-no-s", KPI_PROBLEM_INCOMPLETE},
        {"t-le-s", KPI_PROBLEM_INVALID},
        {"dec-t-ge-s", KPI_PROBLEM_INVALID},
        {"due-before-start", KPI_PROBLEM_INVALID},
        {"nested-no-t", KPI_PROBLEM_INCOMPLETE},
    };
    const size_t n_want = sizeof want / sizeof want[0];

    kpi_problems *problems = NULL;
    assert_ok(kpi_validate(&problems, fx->plan, 0, NULL));
    assert_non_null(problems);
    size_t n = kpi_problems_count(problems);
    int seen[sizeof want / sizeof want[0]] = {0};
    for (size_t i = 0; i < n; i++) {
        const char *object = kpi_problems_object_at(problems, i);
        const char *message = kpi_problems_message_at(problems, i);
        assert_non_null(object);
        assert_non_null(message);
        size_t k = 0;
        while (k < n_want && strcmp(want[k].code, object) != 0)
            k++;
        if (k == n_want) {
            char copy[512]; /* copied: the list is freed before failing */
            snprintf(copy, sizeof copy, "\"%s\": %s", object, message);
            kpi_problems_free(problems);
            fail_msg("unexpected problem %s", copy);
        }
        seen[k]++;
        assert_int_equal(kpi_problems_kind_at(problems, i), want[k].kind);
        char quoted[80];
        snprintf(quoted, sizeof quoted, "\"%s\"", want[k].code);
        assert_non_null(strstr(message, quoted)); /* the message names the object */
    }
    kpi_problems_free(problems);
    assert_int_equal(n, n_want);
    for (size_t k = 0; k < n_want; k++)
        assert_int_equal(seen[k], 1);
}

/* A clean plan has no problems, also with no measurements (validation does
 * not evaluate: NO_DATA and NOT_DUE are not problems). */
static void test_validate_clean_plan(void **state)
{
    fixture *fx = *state;
    kpi_problems *problems = NULL;
    assert_ok(kpi_validate(&problems, fx->plan, 0, NULL)); /* the seed, with figures */
    assert_int_equal(kpi_problems_count(problems), 0);
    kpi_problems_free(problems);
    problems = NULL;

    kpi_goal *g = NULL;
    assert_ok(kpi_plan_new(&fx->other_plan, "clean"));
    assert_non_null(g = kpi_plan_add_goal(fx->other_plan, "G", NULL));
    add_target(g, "t", 10);
    kpi_target *ms = add_target(g, "ms", NAN);
    assert_ok(kpi_target_set_kind(ms, KPI_KIND_MILESTONE));
    kpi_target *dec = add_target(g, "dec", 5);
    assert_ok(kpi_target_set_direction(dec, KPI_DIRECTION_DECREASE));
    assert_ok(kpi_target_set_start_value(dec, 10));
    assert_ok(kpi_validate(&problems, fx->other_plan, 0, NULL));
    assert_int_equal(kpi_problems_count(problems), 0);
    kpi_problems_free(problems);
}

/* The kinds and objects of kpi_validate's problems, "kind:code|...". */
static void assert_validated(const kpi_plan *plan, int32_t as_of,
                             const kpi_policy *policy, const char *want)
{
    kpi_problems *problems = NULL;
    char got[256] = "";
    assert_ok(kpi_validate(&problems, plan, as_of, policy));
    for (size_t i = 0; i < kpi_problems_count(problems); i++) {
        size_t used = strlen(got);
        snprintf(got + used, sizeof got - used, "%s%s:%s", used ? "|" : "",
                 kpi_problem_name(kpi_problems_kind_at(problems, i)),
                 kpi_problems_object_at(problems, i));
    }
    kpi_problems_free(problems);
    assert_string_equal(got, want);
}

/* A directive with no response dated on or before d is UNANSWERED once it
 * is the policy's number of days old (90 by default): 2017-06-01 + 90 days
 * is 2017-08-30. A response dated after d does not count; the plan's
 * report date is d when none is given; without either, directives are not
 * checked. */
static void test_validate_unanswered_directive(void **state)
{
    fixture *fx = *state;
    kpi_goal *g = kpi_plan_find_goal(fx->plan, "G");
    kpi_directive *d = kpi_plan_add_directive(fx->plan, "D1", "総合戦略の推進を図ること");
    assert_non_null(d);
    assert_ok(kpi_directive_set_date(d, 20170601));
    assert_ok(kpi_directive_add_goal(d, g));
    kpi_directive *answered =
        kpi_plan_add_directive(fx->plan, "D2", "情報発信に努めること");
    assert_ok(kpi_directive_set_date(answered, 20170401));
    assert_non_null(kpi_directive_add_update(answered, 20170501, "広報課と協議中"));
    kpi_directive *undated = kpi_plan_add_directive(fx->plan, "D3", "日付のない指示");
    assert_non_null(undated);

    assert_validated(fx->plan, 20170829, NULL, ""); /* 89 days */
    assert_validated(fx->plan, 20170830, NULL, "unanswered:D1");
    assert_validated(fx->plan, 0, NULL, ""); /* no as-of date, no report date */

    kpi_policy *policy = NULL;
    assert_ok(kpi_policy_new(&policy));
    assert_ok(kpi_policy_set_directive_days(policy, 30));
    assert_validated(fx->plan, 20170701, policy, "unanswered:D1");
    assert_validated(fx->plan, 20170430, policy, ""); /* D2: 29 days */
    assert_validated(fx->plan, 20170501, policy, ""); /* D2 answered that day */
    kpi_policy_free(policy);

    assert_ok(kpi_plan_set_report_date(fx->plan, 20170930));
    assert_validated(fx->plan, 0, NULL, "unanswered:D1");
    assert_non_null(kpi_directive_add_update(d, 20171001, "検討中")); /* after d */
    assert_validated(fx->plan, 0, NULL, "unanswered:D1");
    assert_non_null(kpi_directive_add_update(d, 20170915, "関係課と調整中"));
    assert_validated(fx->plan, 0, NULL, "");

    kpi_problems *problems = (kpi_problems *)1;
    assert_int_equal(kpi_validate(&problems, fx->plan, 20170231, NULL), KPI_ERR_DATE);
    assert_null(problems);
}

/* The message names the directive, its date and how long it has waited. */
static void test_validate_unanswered_message(void **state)
{
    fixture *fx = *state;
    kpi_directive *d = kpi_plan_add_directive(fx->plan, "D1", "総合戦略の推進を図ること");
    assert_ok(kpi_directive_set_date(d, 20170601));
    kpi_problems *problems = NULL;
    assert_ok(kpi_validate(&problems, fx->plan, 20170930, NULL));
    assert_int_equal(kpi_problems_count(problems), 1);
    assert_int_equal(kpi_problems_kind_at(problems, 0), KPI_PROBLEM_UNANSWERED);
    assert_string_equal(kpi_problems_message_at(problems, 0),
                        "directive \"D1\": no response since it was given on 2017-06-01 "
                        "(121 days)");
    assert_int_equal(kpi_problems_kind_at(problems, 1), KPI_PROBLEM_NONE);
    assert_int_equal(kpi_error_code(), KPI_ERR_RANGE);
    kpi_problems_free(problems);
    assert_string_equal(kpi_problem_name(KPI_PROBLEM_INCOMPLETE), "incomplete");
    assert_string_equal(kpi_problem_name(KPI_PROBLEM_INVALID), "invalid");
    assert_string_equal(kpi_problem_name(KPI_PROBLEM_NONE), "");
    assert_string_equal(kpi_problem_name((kpi_problem)99), "");
}

/* ------------------------------------------------------------------------ */

int main(void)
{
    const struct CMUnitTest tests[] = {
        PLAN_TEST(test_unrated_qualitative),
        PLAN_TEST(test_unrated_incomplete),
        PLAN_TEST(test_unrated_invalid),
        PLAN_TEST(test_unrated_no_data),
        PLAN_TEST(test_unrated_not_due),
        PLAN_TEST(test_unrated_precedence),
        PLAN_TEST(test_recording_refuses_bad_values),
        PLAN_TEST(test_validate_lists_problems),
        SEED_TEST(test_validate_clean_plan),
        PLAN_TEST(test_validate_unanswered_directive),
        PLAN_TEST(test_validate_unanswered_message),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
