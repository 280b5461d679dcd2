/*
 * test_evaluate_worked_examples.c: the evaluation contract's worked examples
 * (spec/evaluation.md) on the seed's goals 3, 4 and 5: every row's T, A, E,
 * r, achievement and rating, the roll-up of goal 3, and the reason lines,
 * the spec's example line exactly, in Japanese and English, and for unrated
 * results.
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
/* Worked examples (spec: "Worked examples", FY2017, d = 2017-09-30)         */
/* ------------------------------------------------------------------------ */

struct worked_row {
    const char *code;
    double target, actual;             /* T, A (NaN: —) */
    double expected, pace;             /* exact E and r by the formulas (NaN: —) */
    double table_expected, table_pace; /* as printed in the spec (NaN: —) */
    double elapsed;                    /* f; NaN: not checked */
    kpi_rating rating;
    kpi_unrated unrated;
    int32_t measured;
};

/* Spec, worked-examples table: every row's T, A, E, r, rating, plus the
 * achievement g(A)/g(T) (step 6, also above 100%) and f. */
static void test_worked_examples_targets(void **state)
{
    fixture *fx = *state;
    const double f = F_SEED;
    const struct worked_row rows[] = {
        {"3-2-a", 30, 32, 30 * f, 32 / (30 * f), 15.04, 2.13, f, KPI_RATING_AHEAD,
         KPI_UNRATED_NONE, AS_OF},
        {"3-2-b", 60, 51, 60 * f, 51 / (60 * f), 30.08, 1.70, f, KPI_RATING_AHEAD,
         KPI_UNRATED_NONE, AS_OF},
        {"3-2-c", 15, 13, 15 * f, 13 / (15 * f), 7.52, 1.73, f, KPI_RATING_AHEAD,
         KPI_UNRATED_NONE, AS_OF},
        {"3-1-a", 12, 7, 12 * f, 7 / (12 * f), 6.02, 1.16, f, KPI_RATING_AHEAD,
         KPI_UNRATED_NONE, AS_OF},
        {"3-1-b", 12, 6, 12 * f, 6 / (12 * f), 6.02, 0.997, f, KPI_RATING_ON_TRACK,
         KPI_UNRATED_NONE, AS_OF},
        {"3-1-c", 2, 1, 2 * f, 1 / (2 * f), 1.003, 0.997, f, KPI_RATING_ON_TRACK,
         KPI_UNRATED_NONE, AS_OF},
        {"3-3-a", 6, 0, 6 * f, 0, 3.01, 0, f, KPI_RATING_NOT_PROGRESSED, KPI_UNRATED_NONE,
         AS_OF},
        {"5-3-a", 8, 3, 8 * f, 3 / (8 * f), 4.01, 0.748, f, KPI_RATING_BEHIND,
         KPI_UNRATED_NONE, AS_OF},
        /* milestone due 2017-08-31, done in August: STEP gives E = T = 1 */
        {"4-2-a", 1, 1, 1, 1.0, 1, 1.0, 1.0, KPI_RATING_ON_TRACK, KPI_UNRATED_NONE,
         20170820},
        /* milestone due 2017-11-30, not yet: E = S = 0, nothing expected */
        {"4-2-b", 1, 0, 0, NAN, 0, NAN, 183.0 / 244.0, KPI_RATING_NONE,
         KPI_UNRATED_NOT_DUE, AS_OF},
        /* no figure reported: A, E and r are all "—" */
        {"3-3-b", 8, NAN, NAN, NAN, NAN, NAN, NAN, KPI_RATING_NONE, KPI_UNRATED_NO_DATA,
         0},
    };
    evaluate_as_of(fx, AS_OF);
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        const struct worked_row *w = &rows[i];
        const kpi_result *r = result_of(fx, w->code);
        assert_int_equal(kpi_result_object(r), KPI_OBJECT_TARGET);
        assert_result_value(r, value, w->target);
        assert_result_value(r, start_value, 0);
        assert_result_value(r, actual, w->actual);
        if (w->rating != KPI_RATING_NONE) {
            assert_rated(r, w->rating);
            /* S = 0, so g(A)/g(T) = A/T; 32/30 is above 100% */
            assert_result_value(r, achievement, w->actual / w->target);
        } else {
            assert_unrated_both(r, w->unrated);
            assert_result_value(r, achievement, NAN);
        }
        assert_int_equal(kpi_result_measured(r), w->measured);
        assert_result_value(r, pace, w->pace);
        assert_result_near(r, pace, w->table_pace, 0.005);
        if (!isnan(w->elapsed))
            assert_result_value(r, elapsed, w->elapsed);
        /* E last, so that a wrong E does not hide the checks above */
        assert_result_value(r, expected, w->expected);
        assert_result_near(r, expected, w->table_expected, 0.005);
    }
}

/* Spec, worked examples, roll-up with CRITERIA: ② (◎◎◎) → ◎; ① (◎○○) → ○;
 * (×, NO_DATA) → ×; goal 3 with initiatives (○, ◎, ×) → △. */
static void test_worked_examples_rollup(void **state)
{
    fixture *fx = *state;
    evaluate_as_of(fx, AS_OF);

    const kpi_result *i2 = result_of(fx, "3-2");
    assert_rated(i2, KPI_RATING_AHEAD);
    assert_int_equal(kpi_result_count_rating(i2, KPI_RATING_AHEAD), 3);

    const kpi_result *i1 = result_of(fx, "3-1");
    assert_rated(i1, KPI_RATING_ON_TRACK);
    assert_int_equal(kpi_result_count_rating(i1, KPI_RATING_AHEAD), 1);
    assert_int_equal(kpi_result_count_rating(i1, KPI_RATING_ON_TRACK), 2);

    const kpi_result *i3 = result_of(fx, "3-3");
    assert_rated(i3, KPI_RATING_NOT_PROGRESSED);
    assert_int_equal(kpi_result_count_rating(i3, KPI_RATING_NOT_PROGRESSED), 1);
    assert_int_equal(kpi_result_count_unrated(i3, KPI_UNRATED_NO_DATA), 1);

    const kpi_result *g3 = result_of(fx, "3");
    assert_int_equal(kpi_result_object(g3), KPI_OBJECT_GOAL);
    assert_rated(g3, KPI_RATING_BEHIND);
    assert_int_equal(kpi_result_count_rating(g3, KPI_RATING_ON_TRACK), 1);
    assert_int_equal(kpi_result_count_rating(g3, KPI_RATING_AHEAD), 1);
    assert_int_equal(kpi_result_count_rating(g3, KPI_RATING_NOT_PROGRESSED), 1);
    assert_int_equal(kpi_result_count_rating(g3, KPI_RATING_BEHIND), 0);
}

/* ------------------------------------------------------------------------ */
/* Reason lines                                                              */
/* ------------------------------------------------------------------------ */

/* The spec's example line, exactly. */
static void test_reason_line_japanese(void **state)
{
    fixture *fx = *state;
    evaluate_as_of(fx, AS_OF);
    const kpi_result *r = result_of(fx, "3-2-a");
    assert_string_equal(kpi_result_unit(r), "件");
    assert_string_equal(kpi_result_reason(r, KPI_LANG_JA),
                        "32件 / 目標30件以上 (107%), 期待値15.0 (経過50%) → ◎");
    /* Goals carry a reason line ending in their rating too. */
    assert_non_null(strstr(kpi_result_reason(result_of(fx, "3"), KPI_LANG_JA), "→ △"));
}

/* The language asked for chooses the text (KPI_LANG_EN). */
static void test_reason_line_english(void **state)
{
    fixture *fx = *state;
    evaluate_as_of(fx, AS_OF);
    const char *reason = kpi_result_reason(result_of(fx, "3-2-a"), KPI_LANG_EN);
    assert_non_null(strstr(reason, "target"));
    assert_non_null(strstr(reason, "→ ◎"));
    assert_non_null(strstr(reason, "32"));
    assert_null(strstr(reason, "目標"));
    assert_null(strstr(reason, "期待値"));
}

/* An unrated result's line names its reason (kpi_unrated_label). */
static void test_reason_line_unrated(void **state)
{
    fixture *fx = *state;
    kpi_goal *empty = NULL;
    assert_non_null(empty = kpi_plan_add_goal(fx->plan, "empty", NULL));
    const struct {
        const char *code;
        kpi_unrated why;
    } cases[] = {
        {"3-3-b", KPI_UNRATED_NO_DATA},
        {"4-2-b", KPI_UNRATED_NOT_DUE},
        {"empty", KPI_UNRATED_NO_RATED_CHILDREN},
    };
    const kpi_lang langs[] = {KPI_LANG_JA, KPI_LANG_EN};
    evaluate_as_of(fx, AS_OF);
    for (size_t l = 0; l < 2; l++) {
        for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
            const kpi_result *r = result_of(fx, cases[i].code);
            const char *label = kpi_unrated_label(cases[i].why, langs[l]);
            assert_true(strlen(label) > 0);
            if (!strstr(kpi_result_reason(r, langs[l]), label))
                fail_msg("\"%s\": reason \"%s\" does not name \"%s\"", cases[i].code,
                         kpi_result_reason(r, langs[l]), label);
        }
    }
}

/* ------------------------------------------------------------------------ */

int main(void)
{
    const struct CMUnitTest tests[] = {
        /* Worked examples */
        SEED_TEST(test_worked_examples_targets),
        SEED_TEST(test_worked_examples_rollup),
        /* Reason lines */
        SEED_TEST(test_reason_line_japanese),
        SEED_TEST(test_reason_line_english),
        SEED_TEST(test_reason_line_unrated),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
