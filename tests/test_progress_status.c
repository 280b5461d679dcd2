/* The progress contract (/work/shared/spec/progress.md) beyond rules 0-2
 * (test_progress_rules.c), on a FY2017 plan as of 2017-09-30:
 *   rule 3: a target without a figure, rated by its status: every cell of
 *           the table, in both columns (nothing expected yet, something
 *           expected), done NUMERIC keeping A and achievement missing;
 *   "work under way": the edges d < p (p = d is not) and p <= D1 (p = D1
 *           is), with and without a figure;
 *   which updates count: those dated on or before d; one with a text and no
 *           status is the latest update but leaves s as it was;
 *   goals: a goal's updates are reported, a cancelled goal is left out of
 *           its parent's roll-up;
 *   QUALITATIVE targets stay unrated, their latest update reported;
 *   assessments still override (rule 8), the computed rating following the
 *           new rules. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "kpi.h"
#include "progress_support.h"

/* ---- Rule 3: no figure ------------------------------------------------------ */

struct cell {
    const char *code;
    kpi_status status;
    int32_t planned;
    kpi_rating rating;  /* NONE: unrated */
    kpi_unrated reason; /* when unrated */
};

/* Adds one target per row (no figure, one update with the row's status),
 * something expected by AS_OF when expected_now, then checks each. */
static void check_table(fixture *fx, const struct cell *rows, size_t n, int expected_now)
{
    for (size_t i = 0; i < n; i++) {
        kpi_target *t = expected_now ? add_target(fx->goal, rows[i].code, 10)
                                     : add_not_yet(fx->goal, rows[i].code, 10);
        if (rows[i].status != KPI_STATUS_NONE)
            report(t, BEFORE, rows[i].status, rows[i].planned, "状況");
    }
    evaluate_as_of(fx, AS_OF);
    for (size_t i = 0; i < n; i++) {
        const kpi_result *r = result_of(fx, rows[i].code);
        if (rows[i].rating == KPI_RATING_NONE)
            assert_unrated_both(r, rows[i].reason);
        else
            assert_rated(r, rows[i].rating);
        /* Rated by status alone: no figure, so no A, pace or achievement. */
        assert_result_value(r, actual, NAN);
        assert_result_value(r, pace, NAN);
        assert_result_value(r, achievement, NAN);
        assert_int_equal(kpi_result_measured(r), 0);
        if (rows[i].status != KPI_STATUS_NONE)
            assert_status(r, rows[i].status, rows[i].planned, BEFORE);
        else
            assert_status(r, KPI_STATUS_NONE, 0, 0);
    }
}

/* The column "nothing expected yet" (D0 after d: f = 0, E = 0). */
static void rule3_nothing_expected(void **state)
{
    static const struct cell rows[] = {
        {"none", KPI_STATUS_NONE, 0, KPI_RATING_NONE, KPI_UNRATED_NO_DATA},
        {"not_started", KPI_STATUS_NOT_STARTED, 0, KPI_RATING_NONE, KPI_UNRATED_NOT_DUE},
        {"preparing", KPI_STATUS_PREPARING, 0, KPI_RATING_ON_TRACK, 0},
        {"in_progress", KPI_STATUS_IN_PROGRESS, 0, KPI_RATING_ON_TRACK, 0},
        {"scheduled", KPI_STATUS_SCHEDULED, 20171031, KPI_RATING_ON_TRACK, 0},
        {"scheduled_passed", KPI_STATUS_SCHEDULED, BEFORE, KPI_RATING_BEHIND, 0},
        {"scheduled_late", KPI_STATUS_SCHEDULED, PAST_END, KPI_RATING_BEHIND, 0},
        {"postponed", KPI_STATUS_POSTPONED, 0, KPI_RATING_NOT_PROGRESSED, 0},
        {"done", KPI_STATUS_DONE, 0, KPI_RATING_ON_TRACK, 0},
    };
    check_table(*state, rows, sizeof rows / sizeof *rows, 0);
    fixture *fx = *state;
    assert_result_value(result_of(fx, "preparing"), expected, 0);
}

/* The column "something expected" (LINEAR T = 10 over FY2017: E = 10 f). */
static void rule3_something_expected(void **state)
{
    static const struct cell rows[] = {
        {"none", KPI_STATUS_NONE, 0, KPI_RATING_NONE, KPI_UNRATED_NO_DATA},
        {"not_started", KPI_STATUS_NOT_STARTED, 0, KPI_RATING_NOT_PROGRESSED, 0},
        {"preparing", KPI_STATUS_PREPARING, 0, KPI_RATING_BEHIND, 0},
        {"in_progress", KPI_STATUS_IN_PROGRESS, 0, KPI_RATING_ON_TRACK, 0},
        {"scheduled", KPI_STATUS_SCHEDULED, 20171031, KPI_RATING_ON_TRACK, 0},
        {"scheduled_passed", KPI_STATUS_SCHEDULED, BEFORE, KPI_RATING_BEHIND, 0},
        {"scheduled_late", KPI_STATUS_SCHEDULED, PAST_END, KPI_RATING_BEHIND, 0},
        {"postponed", KPI_STATUS_POSTPONED, 0, KPI_RATING_NOT_PROGRESSED, 0},
        {"done", KPI_STATUS_DONE, 0, KPI_RATING_ON_TRACK, 0},
    };
    check_table(*state, rows, sizeof rows / sizeof *rows, 1);
    fixture *fx = *state;
    /* E is reported for a target rated by its status; none without one. */
    assert_result_value(result_of(fx, "preparing"), expected, 10 * F_SEED);
    assert_result_value(result_of(fx, "done"), expected, 10 * F_SEED);
    assert_result_value(result_of(fx, "none"), expected, NAN);
    /* The reason says no figure was reported, and for done that it is done. */
    const char *in_progress =
        kpi_result_reason(result_of(fx, "in_progress"), KPI_LANG_JA);
    assert_non_null(strstr(in_progress, "実績なし"));
    const char *done = kpi_result_reason(result_of(fx, "done"), KPI_LANG_JA);
    assert_non_null(strstr(done, "完了"));
    assert_non_null(strstr(done, "実績なし"));
}

/* A milestone is rated by the same table (done aside: rule 1 gives it a
 * figure): before its due date nothing is expected, after it something is. */
static void rule3_milestones(void **state)
{
    fixture *fx = *state;
    report(add_milestone(fx->goal, "prep-early", 20171130), BEFORE, KPI_STATUS_PREPARING,
           0, NULL);
    report(add_milestone(fx->goal, "prep-late", 20170831), BEFORE, KPI_STATUS_PREPARING,
           0, NULL);
    report(add_milestone(fx->goal, "ns-early", 20171130), BEFORE, KPI_STATUS_NOT_STARTED,
           0, NULL);
    report(add_milestone(fx->goal, "ns-late", 20170831), BEFORE, KPI_STATUS_NOT_STARTED,
           0, NULL);
    evaluate_as_of(fx, AS_OF);
    assert_rated(result_of(fx, "prep-early"), KPI_RATING_ON_TRACK);
    assert_rated(result_of(fx, "prep-late"), KPI_RATING_BEHIND);
    assert_unrated_both(result_of(fx, "ns-early"), KPI_UNRATED_NOT_DUE);
    assert_rated(result_of(fx, "ns-late"), KPI_RATING_NOT_PROGRESSED);
}

/* ---- "Work under way": d < p <= D1 ------------------------------------------ */

/* Scheduled for the day after d is ahead; for d itself it has passed. For
 * p = D1 it is within the period; for the day after D1 it is late. Without
 * a figure ○ / △, with a zero figure △ / ×. */
static void under_way_edges(void **state)
{
    fixture *fx = *state;
    static const struct {
        const char *code;
        int32_t planned;
        kpi_rating without, with_zero;
    } cases[] = {
        {"p=d+1", DAY_AFTER, KPI_RATING_ON_TRACK, KPI_RATING_BEHIND},
        {"p=d", AS_OF, KPI_RATING_BEHIND, KPI_RATING_NOT_PROGRESSED},
        {"p=D1", 20171231, KPI_RATING_ON_TRACK, KPI_RATING_BEHIND},
        {"p=D1+1", 20180101, KPI_RATING_BEHIND, KPI_RATING_NOT_PROGRESSED},
    };
    char code[32];
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        kpi_target *t = add_target(fx->goal, cases[i].code, 10);
        assert_ok(kpi_target_set_due(t, 20171231));
        report(t, BEFORE, KPI_STATUS_SCHEDULED, cases[i].planned, "開催予定");
        snprintf(code, sizeof code, "%s/0", cases[i].code);
        t = add_target(fx->goal, code, 10);
        assert_ok(kpi_target_set_due(t, 20171231));
        measure(t, BEFORE, 0);
        report(t, BEFORE, KPI_STATUS_SCHEDULED, cases[i].planned, "開催予定");
    }
    evaluate_as_of(fx, AS_OF);
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        assert_rated(result_of(fx, cases[i].code), cases[i].without);
        snprintf(code, sizeof code, "%s/0", cases[i].code);
        assert_rated(result_of(fx, code), cases[i].with_zero);
    }
}

/* ---- Which updates count ---------------------------------------------------- */

/* An update dated after d is not seen: neither its status nor as the
 * latest update; on its date it is. */
static void updates_after_d_ignored(void **state)
{
    fixture *fx = *state;
    kpi_target *t = add_target(fx->goal, "t", 10);
    report(t, DAY_AFTER, KPI_STATUS_IN_PROGRESS, 0, "10月から実施");
    evaluate_as_of(fx, AS_OF);
    const kpi_result *r = result_of(fx, "t");
    assert_unrated_both(r, KPI_UNRATED_NO_DATA);
    assert_status(r, KPI_STATUS_NONE, 0, 0);
    assert_int_equal(kpi_result_update_date(r), 0);
    assert_string_equal(kpi_result_update_text(r), "");
    assert_int_equal(kpi_result_update_status(r), KPI_STATUS_NONE);
    evaluate_as_of(fx, DAY_AFTER);
    r = result_of(fx, "t");
    assert_rated(r, KPI_RATING_ON_TRACK);
    assert_status(r, KPI_STATUS_IN_PROGRESS, 0, DAY_AFTER);
    assert_string_equal(kpi_result_update_text(r), "10月から実施");
}

/* A later update with a text and no status is the latest update (its date,
 * text, no status) while s stays that of the earlier one. */
static void text_only_update_keeps_status(void **state)
{
    fixture *fx = *state;
    kpi_target *t = add_target(fx->goal, "t", 10);
    report(t, 20170901, KPI_STATUS_PREPARING, 20171130, "対象事業を検討中");
    report(t, BEFORE, KPI_STATUS_NONE, 0, "説明会を開催した\n参加者 20名");
    kpi_target *only = add_target(fx->goal, "only", 10);
    report(only, BEFORE, KPI_STATUS_NONE, 0, "報告のみ");
    evaluate_as_of(fx, AS_OF);
    const kpi_result *r = result_of(fx, "t");
    assert_rated(r, KPI_RATING_BEHIND); /* preparing, something expected */
    assert_status(r, KPI_STATUS_PREPARING, 20171130, 20170901);
    assert_int_equal(kpi_result_update_date(r), BEFORE);
    assert_int_equal(kpi_result_update_status(r), KPI_STATUS_NONE);
    assert_string_equal(kpi_result_update_text(r), "説明会を開催した\n参加者 20名");
    /* The evaluation copied the text: changing the plan leaves it. */
    assert_ok(kpi_update_set_text(kpi_target_update_at(t, 1), "changed"));
    assert_string_equal(kpi_result_update_text(r), "説明会を開催した\n参加者 20名");
    /* Text alone is no status: no figure and no status is NO_DATA. */
    r = result_of(fx, "only");
    assert_unrated_both(r, KPI_UNRATED_NO_DATA);
    assert_status(r, KPI_STATUS_NONE, 0, 0);
    assert_string_equal(kpi_result_update_text(r), "報告のみ");
    assert_int_equal(kpi_result_update_date(r), BEFORE);
}

/* ---- Goals ------------------------------------------------------------------ */

/* A goal's updates are reported on its result; a status other than
 * cancelled leaves its roll-up as it is. */
static void goal_updates_reported(void **state)
{
    fixture *fx = *state;
    add_rated(fx->goal, "t", KPI_RATING_ON_TRACK, 0);
    report_goal(fx->goal, BEFORE, KPI_STATUS_POSTPONED, 0, "取組を延期");
    report_goal(fx->goal, AS_OF, KPI_STATUS_NONE, 0, "9月末現在");
    evaluate_as_of(fx, AS_OF);
    const kpi_result *g = result_of(fx, "G");
    assert_rated(g, KPI_RATING_ON_TRACK); /* no cap on goals */
    assert_status(g, KPI_STATUS_POSTPONED, 0, BEFORE);
    assert_int_equal(kpi_result_update_date(g), AS_OF);
    assert_string_equal(kpi_result_update_text(g), "9月末現在");
}

/* A cancelled goal (initiative) is unrated CANCELLED and left out of its
 * parent's roll-up, at any depth, and of the plan's. */
static void cancelled_goal_out_of_parent(void **state)
{
    fixture *fx = *state;
    static const kpi_rating ahead[] = {KPI_RATING_AHEAD};
    static const kpi_rating none[] = {KPI_RATING_NOT_PROGRESSED};
    add_rated_goal(fx->plan, fx->goal, "G-1", ahead, NULL, 1);
    kpi_goal *dropped = add_rated_goal(fx->plan, fx->goal, "G-2", none, NULL, 1);
    kpi_goal *top = add_rated_goal(fx->plan, NULL, "T", none, NULL, 1);
    evaluate_as_of(fx, AS_OF);
    assert_rated(result_of(fx, "G"), KPI_RATING_BEHIND);
    assert_rated(kpi_evaluation_result_at(fx->ev, 0), KPI_RATING_BEHIND);

    report_goal(dropped, BEFORE, KPI_STATUS_CANCELLED, 0, "取組中止");
    report_goal(top, BEFORE, KPI_STATUS_CANCELLED, 0, "中止");
    evaluate_as_of(fx, AS_OF);
    const kpi_result *d = result_of(fx, "G-2");
    assert_unrated_both(d, KPI_UNRATED_CANCELLED);
    assert_status(d, KPI_STATUS_CANCELLED, 0, BEFORE);
    /* Its own children are still rated and counted. */
    assert_rated(result_of(fx, "G-2-0"), KPI_RATING_NOT_PROGRESSED);
    assert_int_equal(kpi_result_count_rating(d, KPI_RATING_NOT_PROGRESSED), 1);
    const kpi_result *g = result_of(fx, "G");
    assert_rated(g, KPI_RATING_AHEAD);
    assert_int_equal(kpi_result_count_unrated(g, KPI_UNRATED_CANCELLED), 1);
    assert_int_equal(kpi_result_count_rating(g, KPI_RATING_NOT_PROGRESSED), 0);
    const kpi_result *plan = kpi_evaluation_result_at(fx->ev, 0);
    assert_rated(plan, KPI_RATING_AHEAD);
    assert_int_equal(kpi_result_count_unrated(plan, KPI_UNRATED_CANCELLED), 1);
}

/* ---- Qualitative targets ---------------------------------------------------- */

/* A QUALITATIVE target stays unrated QUALITATIVE whatever its status, and
 * its latest update (status and text) is reported beside it. */
static void qualitative_reports_update(void **state)
{
    fixture *fx = *state;
    kpi_target *t = add_target(fx->goal, "q", NAN);
    assert_ok(kpi_target_set_kind(t, KPI_KIND_QUALITATIVE));
    report(t, 20170901, KPI_STATUS_PREPARING, 0, "検討中");
    report(t, BEFORE, KPI_STATUS_IN_PROGRESS, 0, "市民説明会を実施中");
    kpi_target *done = add_target(fx->goal, "q-done", NAN);
    assert_ok(kpi_target_set_kind(done, KPI_KIND_QUALITATIVE));
    report(done, BEFORE, KPI_STATUS_DONE, 0, "策定済");
    evaluate_as_of(fx, AS_OF);
    const kpi_result *r = result_of(fx, "q");
    assert_unrated_both(r, KPI_UNRATED_QUALITATIVE);
    assert_status(r, KPI_STATUS_IN_PROGRESS, 0, BEFORE);
    assert_int_equal(kpi_result_update_status(r), KPI_STATUS_IN_PROGRESS);
    assert_int_equal(kpi_result_update_date(r), BEFORE);
    assert_string_equal(kpi_result_update_text(r), "市民説明会を実施中");
    assert_unrated_both(result_of(fx, "q-done"), KPI_UNRATED_QUALITATIVE);
    assert_string_equal(kpi_result_update_text(result_of(fx, "q-done")), "策定済");
    /* An assessment rates it, as before. */
    assert_non_null(kpi_target_add_assessment(t, AS_OF, KPI_RATING_ON_TRACK, NULL));
    evaluate_as_of(fx, AS_OF);
    r = result_of(fx, "q");
    assert_rating(r, KPI_RATING_ON_TRACK);
    assert_computed(r, KPI_RATING_NONE, KPI_UNRATED_QUALITATIVE);
    assert_int_equal(kpi_result_assessed(r), 1);
}

/* ---- Assessments (rule 8) --------------------------------------------------- */

/* The latest assessment still sets the effective rating; the computed one
 * follows the progress rules (a status without a figure, the cap), and a
 * difference is flagged. Without assessments the computed rating is it. */
static void assessments_override(void **state)
{
    fixture *fx = *state;
    kpi_target *prep = add_target(fx->goal, "prep", 10);
    report(prep, BEFORE, KPI_STATUS_PREPARING, 0, "検討中");
    assert_non_null(kpi_target_add_assessment(prep, AS_OF, KPI_RATING_ON_TRACK, "順調"));
    kpi_target *capped = add_level(fx->goal, "capped", 100, 120);
    report(capped, BEFORE, KPI_STATUS_POSTPONED, 0, "延期");
    assert_non_null(kpi_target_add_assessment(capped, AS_OF, KPI_RATING_AHEAD, NULL));
    kpi_target *agree = add_target(fx->goal, "agree", 10);
    report(agree, BEFORE, KPI_STATUS_IN_PROGRESS, 0, NULL);
    assert_non_null(kpi_target_add_assessment(agree, AS_OF, KPI_RATING_ON_TRACK, NULL));
    evaluate_as_of(fx, AS_OF);
    const kpi_result *r = result_of(fx, "prep");
    assert_rating(r, KPI_RATING_ON_TRACK);
    assert_computed(r, KPI_RATING_BEHIND, KPI_UNRATED_NONE);
    assert_int_equal(kpi_result_assessed(r), 1);
    assert_int_equal(kpi_result_mismatch(r), 1);
    assert_int_equal(kpi_result_assessment_date(r), AS_OF);
    r = result_of(fx, "capped");
    assert_rating(r, KPI_RATING_AHEAD);
    assert_computed(r, KPI_RATING_BEHIND, KPI_UNRATED_NONE);
    assert_int_equal(kpi_result_mismatch(r), 1);
    r = result_of(fx, "agree");
    assert_rating(r, KPI_RATING_ON_TRACK);
    assert_int_equal(kpi_result_mismatch(r), 0);

    assert_ok(kpi_policy_set_use_assessments(fx->policy, 0));
    evaluate_as_of(fx, AS_OF);
    assert_rated(result_of(fx, "prep"), KPI_RATING_BEHIND);
    assert_rated(result_of(fx, "capped"), KPI_RATING_BEHIND);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        PLAN_TEST(rule3_nothing_expected),     PLAN_TEST(rule3_something_expected),
        PLAN_TEST(rule3_milestones),           PLAN_TEST(under_way_edges),
        PLAN_TEST(updates_after_d_ignored),    PLAN_TEST(text_only_update_keeps_status),
        PLAN_TEST(goal_updates_reported),      PLAN_TEST(cancelled_goal_out_of_parent),
        PLAN_TEST(qualitative_reports_update), PLAN_TEST(assessments_override),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
