/*
 * test_evaluate_reasons.c: the reason line names what was reported (the
 * progress contract: "The reason line names the status, the planned date
 * and the update's date"), in Japanese and English: the status of the
 * latest update that gives one, the planned date of scheduled work with
 * the deadline it is weighed against, the update's date; a cancelled
 * target or goal says only that; a figure read from the text says so; a
 * directive's line is its follow-up (open or closed, the latest response,
 * days open, overdue).
 *
 * Plans are FY2017 (2017-04-01..2018-03-31) rated as of 2017-09-30, where
 * the elapsed fraction is 183/365 (50%) and E of a target of 1 is 0.5. The
 * whole lines are compared: their form is what reports show.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "kpi.h"
#include "check.h"
#include "evaluate_support.h"
#include "model/model.h" /* kpi__measurement_set_inferred */

/* A NUMERIC target of 1 `unit` with one update carrying `status`. */
static kpi_target *reported(kpi_goal *goal, const char *code, const char *unit,
                            kpi_status status, int32_t planned, const char *text)
{
    kpi_target *t = add_target(goal, code, 1);
    assert_ok(kpi_target_set_unit(t, unit));
    kpi_update *u = kpi_target_add_update(t, AS_OF, text);
    assert_non_null(u);
    assert_ok(kpi_update_set_status(u, status, planned));
    return t;
}

static void assert_reasons(const kpi_result *r, const char *ja, const char *en)
{
    assert_string_equal(kpi_result_reason(r, KPI_LANG_JA), ja);
    assert_string_equal(kpi_result_reason(r, KPI_LANG_EN), en);
}

/* Scheduled: the planned date, the update's date and, for a target that is
 * not a milestone, the deadline the planned date is weighed against. */
static void test_reason_scheduled(void **state)
{
    fixture *fx = *state;
    reported(fx->goal, "4-2-e", "回", KPI_STATUS_SCHEDULED, 20171031,
             "子ども文化講座を10月、子ども文化祭を2月に開催予定。");
    kpi_target *film = kpi_goal_add_target(fx->goal, "4-2-b", "うえだ城下町映画祭");
    assert_ok(kpi_target_set_kind(film, KPI_KIND_MILESTONE));
    assert_ok(kpi_target_set_due(film, 20171130));
    kpi_update *u = kpi_target_add_update(film, AS_OF, "11月18、19日に開催予定。");
    assert_ok(kpi_update_set_status(u, KPI_STATUS_SCHEDULED, 20171119));

    evaluate_as_of(fx, AS_OF);
    assert_reasons(
        result_of(fx, "4-2-e"),
        "予定 2017-09-30（予定日 2017-10-31、期限2018-03-31）, 実績なし / 目標1回以上, "
        "期待値0.5 (経過50%) → ○",
        "scheduled 2017-09-30 (planned 2017-10-31, due 2018-03-31), no "
        "figure / target 1 回 or more, expected 0.5 (50% elapsed) → ○");
    assert_reasons(result_of(fx, "4-2-b"),
                   "予定 2017-09-30（予定日 2017-11-19）, 実績なし / 期限2017-11-30 → ○",
                   "scheduled 2017-09-30 (planned 2017-11-19), no figure / due "
                   "2017-11-30 → ○");
}

/* Preparing with no figure: the status, then "no figure" and what was
 * expected, which together make the △. */
static void test_reason_preparing(void **state)
{
    fixture *fx = *state;
    reported(fx->goal, "1-1-c", "件", KPI_STATUS_PREPARING, 0,
             "企業版ふるさと納税 実施計画事業から対象事業を検討中。");
    evaluate_as_of(fx, AS_OF);
    assert_reasons(result_of(fx, "1-1-c"),
                   "準備中 2017-09-30, 実績なし / 目標1件以上, 期待値0.5 (経過50%) → △",
                   "preparing 2017-09-30, no figure / target 1 件 or more, "
                   "expected 0.5 (50% elapsed) → △");
}

/* Cancelled: the status and its date, and nothing of the figures, which
 * no longer count. A cancelled goal reads the same. */
static void test_reason_cancelled(void **state)
{
    fixture *fx = *state;
    kpi_target *t = reported(fx->goal, "x", "件", KPI_STATUS_CANCELLED, 0, "計画中止");
    measure(t, 20170901, 1);
    kpi_goal *g = kpi_plan_add_goal(fx->plan, "H", "取組");
    kpi_update *u = kpi_goal_add_update(g, AS_OF, "取組を中止");
    assert_ok(kpi_update_set_status(u, KPI_STATUS_CANCELLED, 0));

    evaluate_as_of(fx, AS_OF);
    assert_reasons(result_of(fx, "x"), "中止 2017-09-30 → 未評価: 中止",
                   "cancelled 2017-09-30 → unrated: cancelled");
    assert_reasons(result_of(fx, "H"), "中止 2017-09-30 → 未評価: 中止",
                   "cancelled 2017-09-30 → unrated: cancelled");
}

/* A done milestone: its completion is its figure (100%), dated by the
 * update. */
static void test_reason_done_milestone(void **state)
{
    fixture *fx = *state;
    kpi_target *t = kpi_goal_add_target(fx->goal, "4-2-a", "上田城跡能");
    assert_ok(kpi_target_set_kind(t, KPI_KIND_MILESTONE));
    assert_ok(kpi_target_set_due(t, 20170831));
    kpi_update *u = kpi_target_add_update(t, 20170831, "上田城跡能を8月に開催。");
    assert_ok(kpi_update_set_status(u, KPI_STATUS_DONE, 0));
    evaluate_as_of(fx, AS_OF);
    assert_reasons(result_of(fx, "4-2-a"),
                   "完了 2017-08-31, 進捗100% / 期限2017-08-31 → ○",
                   "done 2017-08-31, progress 100% / due 2017-08-31 → ○");
}

/* The status comes from the latest update that gives one, and its date is
 * that update's, even when a later update carries only text; an update
 * with text alone leaves the line as the figures make it. */
static void test_reason_status_of_latest_with_status(void **state)
{
    fixture *fx = *state;
    kpi_target *t = reported(fx->goal, "s", "件", KPI_STATUS_IN_PROGRESS, 0, "実施中");
    assert_non_null(kpi_target_add_update(t, 20170920, "関係機関と協議")); /* earlier */
    kpi_update *u = kpi_target_add_update(t, 20170801, "準備中");
    assert_ok(kpi_update_set_status(u, KPI_STATUS_PREPARING, 0));
    kpi_target *plain = add_target(fx->goal, "3-2-a", 30);
    assert_ok(kpi_target_set_unit(plain, "件"));
    measure(plain, AS_OF, 32);
    assert_non_null(kpi_target_add_update(plain, AS_OF, "物件登録件数：32件"));

    evaluate_as_of(fx, AS_OF);
    assert_reasons(result_of(fx, "s"),
                   "実施中 2017-09-30, 実績なし / 目標1件以上, 期待値0.5 (経過50%) → ○",
                   "in progress 2017-09-30, no figure / target 1 件 or more, "
                   "expected 0.5 (50% elapsed) → ○");
    assert_reasons(
        result_of(fx, "3-2-a"), "32件 / 目標30件以上 (107%), 期待値15.0 (経過50%) → ◎",
        "32 件 / target 30 件 or more (107%), expected 15.0 (50% elapsed) → ◎");
}

/* A figure read from the progress text, not written as a figure, says so. */
static void test_reason_inferred_figure(void **state)
{
    fixture *fx = *state;
    kpi_target *t = add_target(fx->goal, "3-2-a", 30);
    assert_ok(kpi_target_set_unit(t, "件"));
    kpi_measurement *m = kpi_target_add_measurement(t, AS_OF, 32, "物件登録件数：32件");
    assert_non_null(m);
    kpi__measurement_set_inferred(m); /* as the reader marks a figure it read */
    evaluate_as_of(fx, AS_OF);
    assert_reasons(
        result_of(fx, "3-2-a"),
        "32件（進捗状況から読取） / 目標30件以上 (107%), 期待値15.0 (経過50%) → ◎",
        "32 件 (read from the text) / target 30 件 or more (107%), expected 15.0 "
        "(50% elapsed) → ◎");
}

/* A directive's follow-up: unanswered and overdue, closed, open with a
 * response; days open counted from its date to d (2017-06-01 → 121). */
static void test_reason_directives(void **state)
{
    fixture *fx = *state;
    const char *codes[] = {"D1", "D2", "D3"};
    for (size_t i = 0; i < 3; i++) {
        kpi_directive *d = kpi_plan_add_directive(fx->plan, codes[i], "指示");
        assert_non_null(d);
        assert_ok(kpi_directive_set_date(d, 20170601));
    }
    kpi_update *u = kpi_directive_add_update(kpi_plan_find_directive(fx->plan, "D2"),
                                             20170915, "対応済");
    assert_ok(kpi_update_set_status(u, KPI_STATUS_DONE, 0));
    u = kpi_directive_add_update(kpi_plan_find_directive(fx->plan, "D3"), 20170915,
                                 "関係課と調整中");
    assert_ok(kpi_update_set_status(u, KPI_STATUS_PREPARING, 0));

    evaluate_as_of(fx, AS_OF);
    assert_int_equal(kpi_evaluation_directive_count(fx->ev), 3);
    assert_reasons(kpi_evaluation_directive_at(fx->ev, 0),
                   "未回答（121日経過）【期限超過】", "unanswered, 121 days [OVERDUE]");
    assert_reasons(kpi_evaluation_directive_at(fx->ev, 1), "対応済: 完了 2017-09-15",
                   "closed: done 2017-09-15");
    assert_reasons(kpi_evaluation_directive_at(fx->ev, 2),
                   "対応中（121日経過）: 準備中 2017-09-15",
                   "open, 121 days: preparing 2017-09-15");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        PLAN_TEST(test_reason_scheduled),
        PLAN_TEST(test_reason_preparing),
        PLAN_TEST(test_reason_cancelled),
        PLAN_TEST(test_reason_done_milestone),
        PLAN_TEST(test_reason_status_of_latest_with_status),
        PLAN_TEST(test_reason_inferred_figure),
        PLAN_TEST(test_reason_directives),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
