/* Every row of the "Worked examples" table of the progress contract
 * (/work/shared/spec/progress.md): a FY2017 plan (2017-04-01..2018-03-31)
 * built with the C API, holding the targets the table names with the
 * updates it quotes (their texts verbatim), evaluated with the default
 * policy as of 2017-09-30 (and 2017-11-15 for the second row).
 *
 * The plan is this test's own fixture, written after the table: it is not
 * the seed data file (examples/data), and its statuses and planned dates
 * are given, not read from the prose (reading prose is a feature of its
 * own). The figure of 3-2-a is a measurement. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "kpi.h"
#include "progress_support.h"

#define NOV15 20171115

/* The Japanese reason line of r contains part (its wording is the report
 * layer's; the contract fixes what it names). */
static void assert_reason_has(const kpi_result *r, const char *part)
{
    const char *reason = kpi_result_reason(r, KPI_LANG_JA);
    assert_non_null(reason);
    if (!strstr(reason, part))
        fail_msg("\"%s\": reason \"%s\" does not name \"%s\"", kpi_result_code(r), reason,
                 part);
}

/* A goal with its code as title, under the goal `parent` (NULL: top). */
static void add_goal(fixture *fx, const char *parent, const char *code)
{
    kpi_goal *g =
        parent ? kpi_goal_add_goal(kpi_plan_find_goal(fx->plan, parent), code, code)
               : kpi_plan_add_goal(fx->plan, code, code);
    assert_non_null(g);
}

static kpi_goal *goal_of(fixture *fx, const char *code)
{
    kpi_goal *g = kpi_plan_find_goal(fx->plan, code);
    assert_non_null(g);
    return g;
}

static kpi_target *numeric(fixture *fx, const char *goal, const char *code,
                           const char *label, const char *unit, double value)
{
    kpi_target *t = add_target(goal_of(fx, goal), code, value);
    assert_ok(kpi_target_set_label(t, label));
    assert_ok(kpi_target_set_unit(t, unit));
    return t;
}

static kpi_target *milestone(fixture *fx, const char *goal, const char *code,
                             const char *label, int32_t due)
{
    kpi_target *t = add_milestone(goal_of(fx, goal), code, due);
    assert_ok(kpi_target_set_label(t, label));
    return t;
}

/* The targets of the table, with what the city reported. */
static int setup_examples(void **state)
{
    if (setup_plan(state) != 0)
        return -1;
    fixture *fx = *state;
    add_goal(fx, NULL, "1");
    add_goal(fx, "1", "1-1");
    add_goal(fx, NULL, "3");
    add_goal(fx, "3", "3-2");
    add_goal(fx, "3", "3-3");
    add_goal(fx, NULL, "4");
    add_goal(fx, "4", "4-2");

    kpi_target *t = numeric(fx, "4-2", "4-2-e", "子ども文化講座", "回", 1);
    report(t, AS_OF, KPI_STATUS_SCHEDULED, 20171031, "子ども文化講座を10月…に開催予定");
    t = milestone(fx, "4-2", "4-2-b", "うえだ城下町映画祭(11月)", 20171130);
    report(t, AS_OF, KPI_STATUS_SCHEDULED, 20171119, "11月18、19日に開催予定");
    t = numeric(fx, "1-1", "1-1-c", "企業版ふるさと納税新規計画", "", 1);
    report(t, AS_OF, KPI_STATUS_PREPARING, 0, "対象事業を検討中");
    t = numeric(fx, "3-3", "3-3-b", "異業種交流セミナーを6回開催", "回", 6);
    report(t, AS_OF, KPI_STATUS_PREPARING, 0, "契約完了（開催日等調整中）");
    t = milestone(fx, "4-2", "4-2-a", "上田城跡能(8月)", 20170831);
    report(t, 20170831, KPI_STATUS_DONE, 0, "上田城跡能を8月に開催");
    t = numeric(fx, "3-2", "3-2-a", "物件登録件数", "件", 30);
    assert_non_null(kpi_target_add_measurement(t, AS_OF, 32, "物件登録件数：32件"));
    numeric(fx, "3-3", "3-3-c", "成婚", "組", 8);
    /* "Any target" whose latest update is 「中止」: one that would rate ×,
     * next to 3-2-a's ◎, so that its goal shows it is left out. */
    t = numeric(fx, "3-2", "3-2-z", "中止した取組", "件", 10);
    measure(t, 20170601, 0);
    report(t, 20170701, KPI_STATUS_IN_PROGRESS, 0, "実施中");
    report(t, AS_OF, KPI_STATUS_CANCELLED, 0, "中止");
    return 0;
}

#define EXAMPLE_TEST(f)                                                                  \
    cmocka_unit_test_setup_teardown(f, setup_examples, fixture_teardown)

/* 4-2-e 子ども文化講座(1回), numeric, linear, E = 0.5: scheduled for
 * 2017-10-31, no figure: ○ (on its own plan). */
static void scheduled_numeric_on_its_plan(void **state)
{
    fixture *fx = *state;
    evaluate_as_of(fx, AS_OF);
    const kpi_result *r = result_of(fx, "4-2-e");
    assert_rated(r, KPI_RATING_ON_TRACK);
    assert_result_value(r, expected, F_SEED); /* 0.501 */
    assert_close(kpi_result_expected(r), 0.5013698630);
    assert_result_value(r, actual, NAN);
    assert_result_value(r, achievement, NAN);
    assert_status(r, KPI_STATUS_SCHEDULED, 20171031, AS_OF);
    assert_int_equal(kpi_result_due(r), 20180331);
    assert_string_equal(kpi_result_update_text(r), "子ども文化講座を10月…に開催予定");
    /* The reason names the plan: the planned date and the deadline. */
    assert_reason_has(r, "2017-10-31");
    assert_reason_has(r, "期限2018-03-31");
    assert_reason_has(r, "→ ○");
}

/* The same as of 2017-11-15, no later update: the planned date has passed
 * with nothing reported: △. */
static void scheduled_numeric_passed(void **state)
{
    fixture *fx = *state;
    evaluate_as_of(fx, NOV15);
    const kpi_result *r = result_of(fx, "4-2-e");
    assert_rated(r, KPI_RATING_BEHIND);
    assert_status(r, KPI_STATUS_SCHEDULED, 20171031, AS_OF);
    assert_int_equal(kpi_result_update_date(r), AS_OF);
}

/* 4-2-b うえだ城下町映画祭(11月), milestone due 2017-11-30, scheduled for
 * 2017-11-19: ○ (v1, with a zero figure, left it NOT_DUE). */
static void scheduled_milestone(void **state)
{
    fixture *fx = *state;
    evaluate_as_of(fx, AS_OF);
    const kpi_result *r = result_of(fx, "4-2-b");
    assert_rated(r, KPI_RATING_ON_TRACK);
    assert_result_value(r, expected, 0);
    assert_status(r, KPI_STATUS_SCHEDULED, 20171119, AS_OF);
    /* With the v1 data's figure 0 as well, the plan still makes it ○. */
    measure(kpi_plan_find_target(fx->plan, "4-2-b"), AS_OF, 0);
    evaluate_as_of(fx, AS_OF);
    assert_rated(result_of(fx, "4-2-b"), KPI_RATING_ON_TRACK);
}

/* 1-1-c 企業版ふるさと納税新規計画 1, linear, E = 0.5: 「対象事業を検討中」
 * (preparing), no figure: △, where v1's invented 0 rated ×. */
static void preparing_no_figure(void **state)
{
    fixture *fx = *state;
    evaluate_as_of(fx, AS_OF);
    const kpi_result *r = result_of(fx, "1-1-c");
    assert_rated(r, KPI_RATING_BEHIND);
    assert_result_value(r, expected, F_SEED);
    assert_result_value(r, actual, NAN);
    assert_status(r, KPI_STATUS_PREPARING, 0, AS_OF);
    assert_string_equal(kpi_result_update_text(r), "対象事業を検討中");
    assert_reason_has(r, "実績なし");
    assert_reason_has(r, "期待値0.5");
    assert_reason_has(r, "→ △");
    /* The invented zero of the v1 data: ×. The update rescues it to △. */
    measure(kpi_plan_find_target(fx->plan, "1-1-c"), AS_OF, 0);
    evaluate_as_of(fx, AS_OF);
    assert_rated(result_of(fx, "1-1-c"), KPI_RATING_BEHIND);
}

/* 3-3-b 異業種交流セミナーを6回開催, linear, E = 3.0: 「契約完了（開催日等
 * 調整中）」 (preparing), no figure: △. */
static void preparing_seminars(void **state)
{
    fixture *fx = *state;
    evaluate_as_of(fx, AS_OF);
    const kpi_result *r = result_of(fx, "3-3-b");
    assert_rated(r, KPI_RATING_BEHIND);
    assert_result_value(r, expected, 6 * F_SEED); /* 3.008 */
    assert_status(r, KPI_STATUS_PREPARING, 0, AS_OF);
    assert_string_equal(kpi_result_update_text(r), "契約完了（開催日等調整中）");
}

/* 4-2-a 上田城跡能(8月), milestone due 2017-08-31: 「上田城跡能を8月に開催」
 * (done, dated 2017-08-31): A = 1 = E, r = 1: ○. */
static void done_milestone(void **state)
{
    fixture *fx = *state;
    evaluate_as_of(fx, AS_OF);
    const kpi_result *r = result_of(fx, "4-2-a");
    assert_rated(r, KPI_RATING_ON_TRACK);
    assert_result_value(r, actual, 1);
    assert_result_value(r, expected, 1);
    assert_result_value(r, pace, 1);
    assert_result_value(r, achievement, 1);
    assert_status(r, KPI_STATUS_DONE, 0, 20170831);
}

/* 3-2-a 物件登録件数30件以上, figure 32: ◎ as before (E = 15.04, r = 2.13). */
static void figure_as_before(void **state)
{
    fixture *fx = *state;
    evaluate_as_of(fx, AS_OF);
    const kpi_result *r = result_of(fx, "3-2-a");
    assert_rated(r, KPI_RATING_AHEAD);
    assert_result_value(r, actual, 32);
    assert_result_value(r, expected, 30 * F_SEED);
    assert_result_value(r, pace, 32 / (30 * F_SEED));
    assert_close(kpi_result_achievement(r), 32.0 / 30);
    assert_status(r, KPI_STATUS_NONE, 0, 0);
    assert_int_equal(kpi_result_figure_inferred(r), 0);
}

/* 成婚8組以上: nothing reported: unrated NO_DATA as before. */
static void nothing_reported(void **state)
{
    fixture *fx = *state;
    evaluate_as_of(fx, AS_OF);
    const kpi_result *r = result_of(fx, "3-3-c");
    assert_unrated_both(r, KPI_UNRATED_NO_DATA);
    assert_result_value(r, expected, NAN);
    assert_int_equal(kpi_result_update_date(r), 0);
}

/* Any target whose latest update is 「中止」: unrated CANCELLED, out of the
 * roll-up: goal 3-2 is ◎ from 3-2-a alone, the cancelled one counted
 * apart. */
static void cancelled_out_of_rollup(void **state)
{
    fixture *fx = *state;
    evaluate_as_of(fx, AS_OF);
    const kpi_result *r = result_of(fx, "3-2-z");
    assert_unrated_both(r, KPI_UNRATED_CANCELLED);
    assert_status(r, KPI_STATUS_CANCELLED, 0, AS_OF);
    assert_string_equal(kpi_result_update_text(r), "中止");
    assert_reason_has(r, "中止");
    assert_reason_has(r, "2017-09-30");
    const kpi_result *g = result_of(fx, "3-2");
    assert_rated(g, KPI_RATING_AHEAD);
    assert_int_equal(kpi_result_count_rating(g, KPI_RATING_AHEAD), 1);
    assert_int_equal(kpi_result_count_rating(g, KPI_RATING_NOT_PROGRESSED), 0);
    assert_int_equal(kpi_result_count_unrated(g, KPI_UNRATED_CANCELLED), 1);
    /* Before the cancellation: in progress, no progress yet: △. */
    evaluate_as_of(fx, 20170801);
    assert_rated(result_of(fx, "3-2-z"), KPI_RATING_BEHIND);
}

/* The roll-ups the table implies: 3-3 (△, NO_DATA) is △; 4-2 (○, ○, ○)
 * is ○; 1-1 (△) is △. */
static void rollups(void **state)
{
    fixture *fx = *state;
    evaluate_as_of(fx, AS_OF);
    assert_rated(result_of(fx, "3-3"), KPI_RATING_BEHIND);
    assert_int_equal(kpi_result_count_unrated(result_of(fx, "3-3"), KPI_UNRATED_NO_DATA),
                     1);
    assert_rated(result_of(fx, "4-2"), KPI_RATING_ON_TRACK);
    assert_rated(result_of(fx, "1-1"), KPI_RATING_BEHIND);
    /* As of 2017-11-15, 4-2-e's plan has passed: 4-2 becomes △. */
    evaluate_as_of(fx, NOV15);
    assert_rated(result_of(fx, "4-2"), KPI_RATING_BEHIND);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        EXAMPLE_TEST(scheduled_numeric_on_its_plan),
        EXAMPLE_TEST(scheduled_numeric_passed),
        EXAMPLE_TEST(scheduled_milestone),
        EXAMPLE_TEST(preparing_no_figure),
        EXAMPLE_TEST(preparing_seminars),
        EXAMPLE_TEST(done_milestone),
        EXAMPLE_TEST(figure_as_before),
        EXAMPLE_TEST(nothing_reported),
        EXAMPLE_TEST(cancelled_out_of_rollup),
        EXAMPLE_TEST(rollups),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
