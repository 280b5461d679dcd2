/* The progress contract's rules 0 to 2 (/work/shared/spec/progress.md,
 * "Rating a target with updates"), one test per rule and branch, on a
 * FY2017 plan as of 2017-09-30 with the default policy:
 *   rule 0: a cancelled status makes a target unrated CANCELLED whatever its
 *           figures, first in the precedence of reasons, and out of roll-ups;
 *   rule 1: a done milestone has A = 1 unless a measurement dated after the
 *           update says otherwise; of updates on one date the one added last
 *           gives the status (and an update with no status gives none);
 *   rule 2: with a figure, the v1 rules with work under way counting as
 *           progress, then the cap for postponed and for scheduled past D1.
 * Rule 3 (no figure), the edges of "work under way", goals, qualitative
 * targets and assessments are in test_progress_status.c; directives in
 * test_progress_directives.c. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "kpi.h"
#include "progress_support.h"

/* ---- Rule 0: cancelled --------------------------------------------------- */

/* A figure that would rate ◎ does not matter: the target is unrated
 * CANCELLED, computed and effective, and reports no achievement. */
static void cancelled_whatever_the_figures(void **state)
{
    fixture *fx = *state;
    kpi_target *t = add_level(fx->goal, "ahead", 100, 120);
    report(t, BEFORE, KPI_STATUS_CANCELLED, 0, "計画中止");
    kpi_target *behind = add_level(fx->goal, "behind", 100, 0);
    report(behind, BEFORE, KPI_STATUS_CANCELLED, 0, NULL);
    evaluate_as_of(fx, AS_OF);
    const kpi_result *r = result_of(fx, "ahead");
    assert_unrated_both(r, KPI_UNRATED_CANCELLED);
    assert_int_equal(kpi_result_assessed(r), 0);
    assert_result_value(r, achievement, NAN);
    assert_status(r, KPI_STATUS_CANCELLED, 0, BEFORE);
    assert_string_equal(kpi_result_update_text(r), "計画中止");
    assert_unrated_both(result_of(fx, "behind"), KPI_UNRATED_CANCELLED);
}

/* CANCELLED comes before every other reason: QUALITATIVE, INCOMPLETE,
 * INVALID, NO_DATA and NOT_DUE targets, once cancelled, say CANCELLED. */
static void cancelled_first_in_precedence(void **state)
{
    fixture *fx = *state;
    kpi_target *qualitative = add_target(fx->goal, "qualitative", NAN);
    assert_ok(kpi_target_set_kind(qualitative, KPI_KIND_QUALITATIVE));
    kpi_target *incomplete = add_target(fx->goal, "incomplete", NAN);
    measure(incomplete, AS_OF, 5);
    kpi_target *invalid = add_target(fx->goal, "invalid", 0); /* g(T) = 0 */
    measure(invalid, AS_OF, 5);
    kpi_target *no_data = add_target(fx->goal, "no_data", 10);
    kpi_target *not_due = add_milestone(fx->goal, "not_due", 20171130);
    measure(not_due, AS_OF, 0);
    /* Without the status each has its own reason... */
    evaluate_as_of(fx, AS_OF);
    assert_unrated_both(result_of(fx, "qualitative"), KPI_UNRATED_QUALITATIVE);
    assert_unrated_both(result_of(fx, "incomplete"), KPI_UNRATED_INCOMPLETE);
    assert_unrated_both(result_of(fx, "invalid"), KPI_UNRATED_INVALID);
    assert_unrated_both(result_of(fx, "no_data"), KPI_UNRATED_NO_DATA);
    assert_unrated_both(result_of(fx, "not_due"), KPI_UNRATED_NOT_DUE);
    /* ...and cancelled, every one is CANCELLED. */
    kpi_target *all[] = {qualitative, incomplete, invalid, no_data, not_due};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++)
        report(all[i], AS_OF, KPI_STATUS_CANCELLED, 0, "中止");
    evaluate_as_of(fx, AS_OF);
    const char *codes[] = {"qualitative", "incomplete", "invalid", "no_data", "not_due"};
    for (size_t i = 0; i < sizeof codes / sizeof *codes; i++)
        assert_unrated_both(result_of(fx, codes[i]), KPI_UNRATED_CANCELLED);
}

/* A cancelled target is left out of its goal's roll-up and counted apart:
 * ◎ and a cancelled × make ◎, not △. Only cancelled children: no rated
 * child. */
static void cancelled_out_of_rollup(void **state)
{
    fixture *fx = *state;
    add_rated(fx->goal, "ahead", KPI_RATING_AHEAD, 0);
    kpi_target *dropped = add_rated(fx->goal, "dropped", KPI_RATING_NOT_PROGRESSED, 0);
    kpi_goal *only = NULL;
    assert_non_null(only = kpi_plan_add_goal(fx->plan, "only", "only cancelled"));
    kpi_target *gone = add_rated(only, "gone", KPI_RATING_ON_TRACK, 0);
    evaluate_as_of(fx, AS_OF);
    assert_rated(result_of(fx, "G"), KPI_RATING_BEHIND); /* before: ◎ and × */
    assert_rated(result_of(fx, "only"), KPI_RATING_ON_TRACK);

    report(dropped, BEFORE, KPI_STATUS_CANCELLED, 0, "中止");
    report(gone, BEFORE, KPI_STATUS_CANCELLED, 0, "中止");
    evaluate_as_of(fx, AS_OF);
    const kpi_result *g = result_of(fx, "G");
    assert_rated(g, KPI_RATING_AHEAD);
    assert_int_equal(kpi_result_count_rating(g, KPI_RATING_AHEAD), 1);
    assert_int_equal(kpi_result_count_rating(g, KPI_RATING_NOT_PROGRESSED), 0);
    assert_int_equal(kpi_result_count_unrated(g, KPI_UNRATED_CANCELLED), 1);
    assert_int_equal(kpi_result_count_unrated(g, KPI_UNRATED_NO_DATA), 0);
    const kpi_result *o = result_of(fx, "only");
    assert_unrated_both(o, KPI_UNRATED_NO_RATED_CHILDREN);
    assert_int_equal(kpi_result_count_unrated(o, KPI_UNRATED_CANCELLED), 1);
    /* The plan: G ◎, "only" unrated. */
    assert_rated(kpi_evaluation_result_at(fx->ev, 0), KPI_RATING_AHEAD);
}

/* s is the latest status: a later status takes a cancelled target back,
 * and a cancellation dated after d is not yet in effect. */
static void cancelled_only_while_latest(void **state)
{
    fixture *fx = *state;
    kpi_target *back = add_level(fx->goal, "back", 100, 100);
    report(back, 20170801, KPI_STATUS_CANCELLED, 0, "中止");
    report(back, BEFORE, KPI_STATUS_IN_PROGRESS, 0, "再開");
    kpi_target *later = add_level(fx->goal, "later", 100, 100);
    report(later, DAY_AFTER, KPI_STATUS_CANCELLED, 0, "中止");
    evaluate_as_of(fx, AS_OF);
    assert_rated(result_of(fx, "back"), KPI_RATING_ON_TRACK);
    assert_rated(result_of(fx, "later"), KPI_RATING_ON_TRACK);
    evaluate_as_of(fx, DAY_AFTER);
    assert_unrated_both(result_of(fx, "later"), KPI_UNRATED_CANCELLED);
}

/* ---- Rule 1: done milestones, the latest of one date --------------------- */

/* A done milestone with no figure has A = 1: ◎ before its due date
 * (nothing expected, the whole target reached), ○ after it (r = 1). */
static void done_milestone_is_one(void **state)
{
    fixture *fx = *state;
    report(add_milestone(fx->goal, "early", 20171130), BEFORE, KPI_STATUS_DONE, 0,
           "開催");
    report(add_milestone(fx->goal, "due", 20170831), 20170820, KPI_STATUS_DONE, 0,
           "開催");
    evaluate_as_of(fx, AS_OF);
    const kpi_result *early = result_of(fx, "early");
    assert_rated(early, KPI_RATING_AHEAD);
    assert_result_value(early, actual, 1);
    assert_result_value(early, expected, 0);
    assert_result_value(early, achievement, 1);
    assert_int_equal(kpi_result_measured(early), BEFORE);
    const kpi_result *due = result_of(fx, "due");
    assert_rated(due, KPI_RATING_ON_TRACK);
    assert_result_value(due, actual, 1);
    assert_result_value(due, expected, 1);
    assert_result_value(due, pace, 1);
    assert_result_value(due, achievement, 1);
}

/* Measurements before the update, or on its very date, do not count: the
 * completion is the figure. One dated after it (and on or before d) does. */
static void done_milestone_and_measurements(void **state)
{
    fixture *fx = *state;
    kpi_target *before = add_milestone(fx->goal, "before", 20170831);
    measure(before, 20170810, 0);
    report(before, 20170820, KPI_STATUS_DONE, 0, NULL);
    kpi_target *same = add_milestone(fx->goal, "same", 20170831);
    report(same, 20170820, KPI_STATUS_DONE, 0, NULL);
    measure(same, 20170820, 0.5); /* added later, same day: still A = 1 */
    kpi_target *after = add_milestone(fx->goal, "after", 20170831);
    report(after, 20170820, KPI_STATUS_DONE, 0, NULL);
    measure(after, 20170825, 0.5);
    kpi_target *beyond = add_milestone(fx->goal, "beyond", 20170831);
    report(beyond, 20170820, KPI_STATUS_DONE, 0, NULL);
    measure(beyond, DAY_AFTER, 0.5); /* after d: not a figure yet */
    evaluate_as_of(fx, AS_OF);
    assert_rated(result_of(fx, "before"), KPI_RATING_ON_TRACK);
    assert_result_value(result_of(fx, "before"), actual, 1);
    assert_rated(result_of(fx, "same"), KPI_RATING_ON_TRACK);
    assert_result_value(result_of(fx, "same"), actual, 1);
    const kpi_result *r = result_of(fx, "after");
    assert_rated(r, KPI_RATING_BEHIND); /* r = 0.5 */
    assert_result_value(r, actual, 0.5);
    assert_result_value(r, pace, 0.5);
    assert_int_equal(kpi_result_measured(r), 20170825);
    assert_rated(result_of(fx, "beyond"), KPI_RATING_ON_TRACK);
    assert_result_value(result_of(fx, "beyond"), actual, 1);
}

/* Done is not a figure for a NUMERIC target: with one, rule 2 applies
 * unchanged (done is no work under way), A stays the measurement's. */
static void done_numeric_keeps_its_figure(void **state)
{
    fixture *fx = *state;
    kpi_target *t = add_level(fx->goal, "t", 10, 4);
    report(t, BEFORE, KPI_STATUS_DONE, 0, "完了");
    kpi_target *zero = add_level(fx->goal, "zero", 10, 0);
    report(zero, BEFORE, KPI_STATUS_DONE, 0, "完了");
    evaluate_as_of(fx, AS_OF);
    assert_rated(result_of(fx, "t"), KPI_RATING_BEHIND);
    assert_result_value(result_of(fx, "t"), actual, 4);
    assert_rated(result_of(fx, "zero"), KPI_RATING_NOT_PROGRESSED);
}

/* Several updates on the latest date: the one added last gives s, whatever
 * the order of the statuses; an earlier date added later does not. */
static void same_date_last_added_wins(void **state)
{
    fixture *fx = *state;
    kpi_target *a = add_target(fx->goal, "a", 10);
    report(a, BEFORE, KPI_STATUS_PREPARING, 0, "first");
    report(a, BEFORE, KPI_STATUS_POSTPONED, 0, "second");
    kpi_target *b = add_target(fx->goal, "b", 10);
    report(b, BEFORE, KPI_STATUS_POSTPONED, 0, "first");
    report(b, BEFORE, KPI_STATUS_PREPARING, 0, "second");
    kpi_target *c = add_target(fx->goal, "c", 10);
    report(c, BEFORE, KPI_STATUS_POSTPONED, 0, "later date");
    report(c, 20170901, KPI_STATUS_PREPARING, 0, "earlier date, added last");
    kpi_target *m = add_milestone(fx->goal, "m", 20170831);
    report(m, BEFORE, KPI_STATUS_IN_PROGRESS, 0, NULL);
    report(m, BEFORE, KPI_STATUS_DONE, 0, NULL);
    kpi_target *n = add_milestone(fx->goal, "n", 20170831);
    report(n, BEFORE, KPI_STATUS_DONE, 0, NULL);
    report(n, BEFORE, KPI_STATUS_IN_PROGRESS, 0, NULL);
    evaluate_as_of(fx, AS_OF);
    assert_rated(result_of(fx, "a"), KPI_RATING_NOT_PROGRESSED);
    assert_status(result_of(fx, "a"), KPI_STATUS_POSTPONED, 0, BEFORE);
    assert_string_equal(kpi_result_update_text(result_of(fx, "a")), "second");
    assert_rated(result_of(fx, "b"), KPI_RATING_BEHIND);
    assert_status(result_of(fx, "b"), KPI_STATUS_PREPARING, 0, BEFORE);
    assert_string_equal(kpi_result_update_text(result_of(fx, "b")), "second");
    assert_rated(result_of(fx, "c"), KPI_RATING_NOT_PROGRESSED);
    assert_string_equal(kpi_result_update_text(result_of(fx, "c")), "later date");
    assert_result_value(result_of(fx, "m"), actual, 1);   /* done, added last */
    assert_result_value(result_of(fx, "n"), actual, NAN); /* in progress, no figure */
    assert_rated(result_of(fx, "n"), KPI_RATING_ON_TRACK);
}

/* ---- Rule 2: with a figure ----------------------------------------------- */

/* Nothing expected yet (f = 0): the whole target reached is ◎, any progress
 * ○; no progress is ○ only for work under way, else NOT_DUE. */
static void nothing_expected_with_figure(void **state)
{
    fixture *fx = *state;
    measure(add_not_yet(fx->goal, "whole", 10), AS_OF, 10);
    measure(add_not_yet(fx->goal, "some", 10), AS_OF, 1);
    static const struct {
        const char *code;
        kpi_status status;
        int32_t planned;
        kpi_rating rating; /* NONE: NOT_DUE */
    } zero[] = {
        {"none", KPI_STATUS_NONE, 0, KPI_RATING_NONE},
        {"not_started", KPI_STATUS_NOT_STARTED, 0, KPI_RATING_NONE},
        {"preparing", KPI_STATUS_PREPARING, 0, KPI_RATING_ON_TRACK},
        {"in_progress", KPI_STATUS_IN_PROGRESS, 0, KPI_RATING_ON_TRACK},
        {"scheduled", KPI_STATUS_SCHEDULED, 20171031, KPI_RATING_ON_TRACK},
        {"scheduled_passed", KPI_STATUS_SCHEDULED, BEFORE, KPI_RATING_NONE},
        {"scheduled_late", KPI_STATUS_SCHEDULED, PAST_END, KPI_RATING_NONE},
        {"done", KPI_STATUS_DONE, 0, KPI_RATING_NONE},
        {"postponed", KPI_STATUS_POSTPONED, 0, KPI_RATING_NONE},
    };
    for (size_t i = 0; i < sizeof zero / sizeof *zero; i++) {
        kpi_target *t = add_not_yet(fx->goal, zero[i].code, 10);
        measure(t, AS_OF, 0);
        if (zero[i].status != KPI_STATUS_NONE)
            report(t, BEFORE, zero[i].status, zero[i].planned, NULL);
    }
    evaluate_as_of(fx, AS_OF);
    const kpi_result *whole = result_of(fx, "whole");
    assert_rated(whole, KPI_RATING_AHEAD);
    assert_result_value(whole, expected, 0);
    assert_result_value(whole, pace, NAN);
    assert_result_value(whole, achievement, 1);
    assert_rated(result_of(fx, "some"), KPI_RATING_ON_TRACK);
    for (size_t i = 0; i < sizeof zero / sizeof *zero; i++) {
        const kpi_result *r = result_of(fx, zero[i].code);
        if (zero[i].rating == KPI_RATING_NONE)
            assert_unrated_both(r, KPI_UNRATED_NOT_DUE);
        else
            assert_rated(r, zero[i].rating);
    }
}

/* The pace against the default thresholds (1.10, 0.95) with the tolerance:
 * a LEVEL target T = 100 has E = 100, so r = A / 100. */
static void pace_thresholds(void **state)
{
    fixture *fx = *state;
    static const struct {
        const char *code;
        double actual;
        kpi_rating rating;
    } cases[] = {
        {"r1.2", 120, KPI_RATING_AHEAD},
        {"r1.10", 110, KPI_RATING_AHEAD},
        {"r1.0999", 109.99, KPI_RATING_ON_TRACK},
        {"r0.95", 95, KPI_RATING_ON_TRACK},
        {"r0.9499", 94.99, KPI_RATING_BEHIND},
        {"r1e-6", 1e-4, KPI_RATING_BEHIND},
        {"r1e-12", 1e-10, KPI_RATING_NOT_PROGRESSED},
        {"r0", 0, KPI_RATING_NOT_PROGRESSED},
        {"r-0.5", -50, KPI_RATING_NOT_PROGRESSED},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        add_level(fx->goal, cases[i].code, 100, cases[i].actual);
    evaluate_as_of(fx, AS_OF);
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const kpi_result *r = result_of(fx, cases[i].code);
        assert_rated(r, cases[i].rating);
        assert_result_value(r, pace, cases[i].actual / 100);
        assert_result_value(r, achievement, cases[i].actual / 100);
    }
}

/* No progress (r = 0) is △ rather than × only when work is under way:
 * preparing, in progress, or scheduled for d < p <= D1. */
static void no_progress_under_way_is_behind(void **state)
{
    fixture *fx = *state;
    static const struct {
        const char *code;
        kpi_status status;
        int32_t planned;
        kpi_rating rating;
    } cases[] = {
        {"none", KPI_STATUS_NONE, 0, KPI_RATING_NOT_PROGRESSED},
        {"not_started", KPI_STATUS_NOT_STARTED, 0, KPI_RATING_NOT_PROGRESSED},
        {"preparing", KPI_STATUS_PREPARING, 0, KPI_RATING_BEHIND},
        {"in_progress", KPI_STATUS_IN_PROGRESS, 0, KPI_RATING_BEHIND},
        {"scheduled", KPI_STATUS_SCHEDULED, 20171031, KPI_RATING_BEHIND},
        {"scheduled_passed", KPI_STATUS_SCHEDULED, BEFORE, KPI_RATING_NOT_PROGRESSED},
        {"scheduled_late", KPI_STATUS_SCHEDULED, PAST_END, KPI_RATING_NOT_PROGRESSED},
        {"postponed", KPI_STATUS_POSTPONED, 0, KPI_RATING_NOT_PROGRESSED},
        {"preparing_plan", KPI_STATUS_PREPARING, BEFORE, KPI_RATING_BEHIND},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        kpi_target *t = add_level(fx->goal, cases[i].code, 100, 0);
        if (cases[i].status != KPI_STATUS_NONE)
            report(t, BEFORE, cases[i].status, cases[i].planned, "経過");
    }
    evaluate_as_of(fx, AS_OF);
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const kpi_result *r = result_of(fx, cases[i].code);
        assert_rated(r, cases[i].rating);
        assert_result_value(r, pace, 0);
        assert_result_value(r, achievement, 0);
    }
}

/* The cap: postponed, or scheduled with p > D1 (the target's own D1),
 * turns ◎ or ○ into △; △ and × stay; scheduled with p <= D1 is no cap. */
static void cap_postponed_and_scheduled_late(void **state)
{
    fixture *fx = *state;
    static const struct {
        const char *code;
        double actual; /* LEVEL T = 100: r = A / 100 */
        kpi_status status;
        int32_t planned;
        kpi_rating rating;
    } cases[] = {
        {"post-ahead", 120, KPI_STATUS_POSTPONED, 0, KPI_RATING_BEHIND},
        {"post-on", 100, KPI_STATUS_POSTPONED, 0, KPI_RATING_BEHIND},
        {"post-behind", 50, KPI_STATUS_POSTPONED, 0, KPI_RATING_BEHIND},
        {"post-none", 0, KPI_STATUS_POSTPONED, 0, KPI_RATING_NOT_PROGRESSED},
        {"late-ahead", 120, KPI_STATUS_SCHEDULED, 20180115, KPI_RATING_BEHIND},
        {"late-on", 100, KPI_STATUS_SCHEDULED, 20180115, KPI_RATING_BEHIND},
        {"late-none", 0, KPI_STATUS_SCHEDULED, 20180115, KPI_RATING_NOT_PROGRESSED},
        {"due-ahead", 120, KPI_STATUS_SCHEDULED, 20171231, KPI_RATING_AHEAD},
        {"due-on", 100, KPI_STATUS_SCHEDULED, 20171231, KPI_RATING_ON_TRACK},
        {"passed-on", 100, KPI_STATUS_SCHEDULED, BEFORE, KPI_RATING_ON_TRACK},
        {"prep-ahead", 120, KPI_STATUS_PREPARING, 0, KPI_RATING_AHEAD},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        kpi_target *t = add_level(fx->goal, cases[i].code, 100, cases[i].actual);
        assert_ok(kpi_target_set_due(t, 20171231)); /* D1 before the plan's end */
        report(t, BEFORE, cases[i].status, cases[i].planned, NULL);
    }
    /* Nothing expected yet, the whole target reached (◎), postponed: △. */
    kpi_target *early = add_not_yet(fx->goal, "early-post", 10);
    measure(early, AS_OF, 10);
    report(early, BEFORE, KPI_STATUS_POSTPONED, 0, "延期");
    kpi_target *early_late = add_not_yet(fx->goal, "early-late", 10);
    measure(early_late, AS_OF, 1);
    report(early_late, BEFORE, KPI_STATUS_SCHEDULED, PAST_END, NULL);
    evaluate_as_of(fx, AS_OF);
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const kpi_result *r = result_of(fx, cases[i].code);
        assert_rated(r, cases[i].rating);
        /* The figures are reported as they are; only the rating is capped. */
        assert_result_value(r, achievement, cases[i].actual / 100);
    }
    assert_rated(result_of(fx, "early-post"), KPI_RATING_BEHIND);
    assert_rated(result_of(fx, "early-late"), KPI_RATING_BEHIND);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        PLAN_TEST(cancelled_whatever_the_figures),
        PLAN_TEST(cancelled_first_in_precedence),
        PLAN_TEST(cancelled_out_of_rollup),
        PLAN_TEST(cancelled_only_while_latest),
        PLAN_TEST(done_milestone_is_one),
        PLAN_TEST(done_milestone_and_measurements),
        PLAN_TEST(done_numeric_keeps_its_figure),
        PLAN_TEST(same_date_last_added_wins),
        PLAN_TEST(nothing_expected_with_figure),
        PLAN_TEST(pace_thresholds),
        PLAN_TEST(no_progress_under_way_is_behind),
        PLAN_TEST(cap_postponed_and_scheduled_late),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
