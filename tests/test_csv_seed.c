/*
 * test_csv_seed.c: the bundled seed (examples/data/, the 平成29年度 重点目標一覧表
 * of 上田市 政策企画部) read from its files, and what its report must say
 * (issue "Progress as the city reports it"):
 *
 * - it loads with its report date (基準日), 5 directives on their goals, the
 *   legend as its one note, its figures and its updates;
 * - every figure is stated in its target's own reported text (nothing added
 *   up or judged into a number), and a figure's text is its update's;
 * - rated with no as-of date, it is rated as of its report date, and: no
 *   target is ×; 4-2-b, 4-2-c, 4-2-e and 4-2-f are ○ with their planned
 *   dates in the reason; 1-1-c and 3-3-b are △; initiative 4-1 is rated
 *   from its reported progress; 1-2-d is not cancelled; every target has
 *   the rating examples/data/README.md gives it.
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
#include "seed.h"
#include "csv_support.h"

/* ---- Loading ----------------------------------------------------------------- */

#define SEED_TARGETS 46

/* The targets under goal, depth first, appended to out[*n]. */
static void collect(kpi_goal *goal, kpi_target **out, size_t *n)
{
    for (size_t i = 0; i < kpi_goal_target_count(goal); i++) {
        assert_true(*n < SEED_TARGETS);
        out[(*n)++] = kpi_goal_target_at(goal, i);
    }
    for (size_t i = 0; i < kpi_goal_goal_count(goal); i++)
        collect(kpi_goal_goal_at(goal, i), out, n);
}

/* The seed's targets, all of them. */
static void seed_targets(kpi_plan *plan, kpi_target *out[SEED_TARGETS])
{
    size_t n = 0;
    for (size_t i = 0; i < kpi_plan_goal_count(plan); i++)
        collect(kpi_plan_goal_at(plan, i), out, &n);
    assert_int_equal(n, SEED_TARGETS);
}

static size_t count_in(kpi_plan *plan, size_t (*count)(const kpi_target *))
{
    kpi_target *targets[SEED_TARGETS];
    seed_targets(plan, targets);
    size_t n = 0;
    for (size_t i = 0; i < SEED_TARGETS; i++)
        n += count(targets[i]);
    return n;
}

/* The plan row, the notes and the directives. */
static void seed_plan_loads(void **state)
{
    (void)state;
    kpi_reader *reader = new_reader();
    kpi_plan *plan = read_files_ok(reader, SEED_STRUCTURE, SEED_PROGRESS);
    /* The seed leaves what its phrases say to the phrase parser: one
     * warning per target read from its text (all but 5-5-b パートナーズの獲得,
     * whose text gives no number and no other kind). */
    size_t from_text = 0;
    for (size_t i = 0; i < kpi_reader_warning_count(reader); i++)
        from_text +=
            strstr(kpi_reader_warning_at(reader, i), "read from its text") != NULL;
    assert_int_equal(from_text, 45);
    assert_int_equal(kpi_reader_detected_encoding(reader), KPI_ENCODING_UTF8);

    assert_string_equal(kpi_plan_id(plan), "ueda-2017");
    assert_string_equal(kpi_plan_title(plan),
                        "平成29年度 重点目標一覧表（中間報告調書）");
    assert_string_equal(kpi_plan_organization(plan), "上田市");
    assert_string_equal(kpi_plan_department(plan), "政策企画部");
    assert_int_equal(kpi_plan_start(plan), 20170401);
    assert_int_equal(kpi_plan_end(plan), 20180331);
    assert_int_equal(kpi_plan_report_date(plan), 20170930);
    assert_int_equal(kpi_plan_goal_count(plan), 5);
    assert_int_equal(kpi_plan_total_goal_count(plan), 23);
    assert_int_equal(kpi_plan_total_target_count(plan), 46);
    /* The legend stays a note; the mayor's instructions are directives. */
    assert_int_equal(kpi_plan_note_count(plan), 1);
    assert_string_equal(kpi_plan_note_code_at(plan, 0), "note-1");
    assert_contains(kpi_plan_note_at(plan, 0), "[◎：目標を上回る進捗]");

    static const struct {
        const char *code, *goal, *text_start;
    } directives[] = {
        {"mayor-1", "1-1", "総合戦略の推進による地方創生については"},
        {"mayor-2", "1-2", "長野大学とは積極的に連携を図ること。"},
        {"mayor-3", "2", "シティプロモーションについては"},
        {"mayor-4", "4", "文化・スポーツは、2019・20年を視野に"},
        {"mayor-5", "5-5", "サントミュージゼは、パートナーズの獲得を図ること。"},
    };
    assert_int_equal(kpi_plan_directive_count(plan), 5);
    for (size_t i = 0; i < 5; i++) {
        kpi_directive *d = kpi_plan_directive_at(plan, i);
        assert_string_equal(kpi_directive_code(d), directives[i].code);
        assert_string_equal(kpi_directive_issuer(d), "市長");
        assert_int_equal(kpi_directive_date(d), 0); /* the seed gives none */
        assert_int_equal(kpi_directive_goal_count(d), 1);
        assert_string_equal(kpi_goal_code(kpi_directive_goal_at(d, 0)),
                            directives[i].goal);
        assert_memory_equal(kpi_directive_text(d), directives[i].text_start,
                            strlen(directives[i].text_start));
        assert_int_equal(kpi_directive_update_count(d), 0);
    }
    kpi_plan_free(plan);
    kpi_reader_free(reader);
}

/* Figures, updates and their statuses, as examples/data/README.md lists
 * them. */
static void seed_progress_loads(void **state)
{
    (void)state;
    kpi_plan *plan = read_files_ok(NULL, SEED_STRUCTURE, SEED_PROGRESS);
    assert_int_equal(count_in(plan, kpi_target_measurement_count), 18);
    /* 44 on targets (16 figures' texts and 28 more) and one on 5-5. */
    assert_int_equal(count_in(plan, kpi_target_update_count), 45);
    assert_int_equal(kpi_goal_update_count(find_goal(plan, "5-5")), 1);

    /* A figure's row: the measurement and its text as the update. */
    kpi_target *t = find_target(plan, "3-2-a");
    assert_int_equal(kpi_target_measurement_count(t), 1);
    kpi_measurement *m = kpi_target_measurement_at(t, 0);
    assert_int_equal(kpi_measurement_date(m), 20170930);
    assert_true(kpi_measurement_value(m) == 32.0);
    assert_string_equal(kpi_measurement_note(m), "物件登録件数：32件");
    assert_int_equal(kpi_measurement_inferred(m), 0);
    assert_int_equal(kpi_target_update_count(t), 1);
    kpi_update *u = kpi_target_update_at(t, 0);
    assert_string_equal(kpi_update_text(u), "物件登録件数：32件");
    assert_int_equal(kpi_update_status(u), KPI_STATUS_NONE);

    /* A scheduled event: no figure, the plan's date. */
    t = find_target(plan, "4-2-e");
    assert_int_equal(kpi_target_measurement_count(t), 0);
    u = kpi_target_update_at(t, 0);
    assert_string_equal(kpi_update_text(u),
                        "子ども文化講座を10月、子ども文化祭を2月に開催予定。");
    assert_int_equal(kpi_update_status(u), KPI_STATUS_SCHEDULED);
    assert_int_equal(kpi_update_planned(u), 20171031);
    assert_int_equal(kpi_update_date(u), 20170930);

    /* A done event dated by the month the text names. */
    t = find_target(plan, "4-2-a");
    assert_int_equal(kpi_target_kind(t), KPI_KIND_MILESTONE);
    assert_int_equal(kpi_target_due(t), 20170831);
    assert_int_equal(kpi_target_measurement_count(t), 0);
    u = kpi_target_update_at(t, 0);
    assert_int_equal(kpi_update_date(u), 20170831);
    assert_int_equal(kpi_update_status(u), KPI_STATUS_DONE);

    /* 1-2-d: the university's plan stopped; the city's 検討 goes on. */
    u = kpi_target_update_at(find_target(plan, "1-2-d"), 0);
    assert_int_equal(kpi_update_status(u), KPI_STATUS_IN_PROGRESS);
    assert_contains(kpi_update_text(u), "設置計画中止を決定");
    kpi_plan_free(plan);
}

/* Whether the digits of value (a whole number here) are written in text
 * as a number of their own, not as part of a longer one. */
static int states_number(const char *words, double value)
{
    char digits[32];
    snprintf(digits, sizeof digits, "%.0f", value);
    size_t n = strlen(digits);
    for (const char *p = strstr(words, digits); p; p = strstr(p + 1, digits)) {
        int before = p > words && p[-1] >= '0' && p[-1] <= '9';
        int after = p[n] >= '0' && p[n] <= '9';
        if (!before && !after)
            return 1;
    }
    return 0;
}

/* Nothing invented: every figure is a whole number written in one of its
 * target's own reported texts (3-4-a's H28.9 figure 139 in the text of
 * its H29.9 row), and every figure's row has its text but that one. */
static void seed_figures_are_stated(void **state)
{
    (void)state;
    kpi_plan *plan = read_files_ok(NULL, SEED_STRUCTURE, SEED_PROGRESS);
    size_t without_text = 0;
    kpi_target *targets[SEED_TARGETS];
    seed_targets(plan, targets);
    for (size_t i = 0; i < SEED_TARGETS; i++) {
        kpi_target *t = targets[i];
        for (size_t k = 0; k < kpi_target_measurement_count(t); k++) {
            kpi_measurement *m = kpi_target_measurement_at(t, k);
            double value = kpi_measurement_value(m);
            assert_true(value == floor(value));
            without_text += *kpi_measurement_note(m) == '\0';
            int stated = 0;
            for (size_t j = 0; j < kpi_target_update_count(t) && !stated; j++)
                stated =
                    states_number(kpi_update_text(kpi_target_update_at(t, j)), value);
            if (!stated)
                fail_msg("\"%s\": %g is not written in its reported text",
                         kpi_target_code(t), value);
        }
    }
    assert_int_equal(without_text, 1);
    kpi_plan_free(plan);
}

/* ---- The report --------------------------------------------------------------- */

struct seed_rating {
    const char *code;
    kpi_rating rating;
    kpi_unrated unrated;
};

/* Every target of the seed, as examples/data/README.md rates it. */
static const struct seed_rating ratings[] = {
    {"1-1-a", KPI_RATING_ON_TRACK, 0},     {"1-1-b", KPI_RATING_AHEAD, 0},
    {"1-1-c", KPI_RATING_BEHIND, 0},       {"1-2-a", KPI_RATING_ON_TRACK, 0},
    {"1-2-b", 0, KPI_UNRATED_INCOMPLETE},  {"1-2-c", KPI_RATING_ON_TRACK, 0},
    {"1-2-d", 0, KPI_UNRATED_QUALITATIVE}, {"1-3-a", KPI_RATING_ON_TRACK, 0},
    {"1-4-a", 0, KPI_UNRATED_QUALITATIVE}, {"1-4-b", KPI_RATING_ON_TRACK, 0},
    {"1-4-c", KPI_RATING_ON_TRACK, 0},     {"2-1-a", KPI_RATING_AHEAD, 0},
    {"2-1-b", KPI_RATING_ON_TRACK, 0},     {"2-1-c", KPI_RATING_ON_TRACK, 0},
    {"2-2-a", KPI_RATING_ON_TRACK, 0},     {"2-2-b", 0, KPI_UNRATED_NO_DATA},
    {"2-2-c", KPI_RATING_AHEAD, 0},        {"2-3-a", KPI_RATING_BEHIND, 0},
    {"3-1-a", KPI_RATING_AHEAD, 0},        {"3-1-b", KPI_RATING_ON_TRACK, 0},
    {"3-1-c", KPI_RATING_ON_TRACK, 0},     {"3-2-a", KPI_RATING_AHEAD, 0},
    {"3-2-b", KPI_RATING_AHEAD, 0},        {"3-2-c", KPI_RATING_AHEAD, 0},
    {"3-3-a", KPI_RATING_ON_TRACK, 0},     {"3-3-b", KPI_RATING_BEHIND, 0},
    {"3-3-c", 0, KPI_UNRATED_NO_DATA},     {"3-4-a", 0, KPI_UNRATED_QUALITATIVE},
    {"4-1-a", KPI_RATING_ON_TRACK, 0},     {"4-1-b", KPI_RATING_ON_TRACK, 0},
    {"4-2-a", KPI_RATING_ON_TRACK, 0},     {"4-2-b", KPI_RATING_ON_TRACK, 0},
    {"4-2-c", KPI_RATING_ON_TRACK, 0},     {"4-2-d", KPI_RATING_ON_TRACK, 0},
    {"4-2-e", KPI_RATING_ON_TRACK, 0},     {"4-2-f", KPI_RATING_ON_TRACK, 0},
    {"5-1-a", KPI_RATING_BEHIND, 0},       {"5-1-b", KPI_RATING_BEHIND, 0},
    {"5-1-c", KPI_RATING_AHEAD, 0},        {"5-2-a", 0, KPI_UNRATED_QUALITATIVE},
    {"5-2-b", 0, KPI_UNRATED_NO_DATA},     {"5-3-a", KPI_RATING_AHEAD, 0},
    {"5-3-b", KPI_RATING_BEHIND, 0},       {"5-4-a", 0, KPI_UNRATED_QUALITATIVE},
    {"5-5-a", 0, KPI_UNRATED_QUALITATIVE}, {"5-5-b", 0, KPI_UNRATED_INCOMPLETE},
};

static const kpi_result *found(const kpi_evaluation *ev, const char *code)
{
    const kpi_result *r = kpi_evaluation_find(ev, code);
    if (!r)
        fail_msg("no result for \"%s\"", code);
    return r;
}

static void check_rating(const kpi_evaluation *ev, const struct seed_rating *want)
{
    const kpi_result *r = found(ev, want->code);
    if (kpi_result_rating(r) != want->rating || kpi_result_unrated(r) != want->unrated)
        fail_msg("\"%s\": expected %s%s, got %s%s: %s", want->code,
                 kpi_rating_symbol(want->rating), kpi_unrated_name(want->unrated),
                 kpi_rating_symbol(kpi_result_rating(r)),
                 kpi_unrated_name(kpi_result_unrated(r)),
                 kpi_result_reason(r, KPI_LANG_JA));
}

static kpi_evaluation *seed_rated_as_of_report_date(void)
{
    kpi_plan *plan = read_files_ok(NULL, SEED_STRUCTURE, SEED_PROGRESS);
    kpi_evaluation *ev = NULL;
    assert_int_equal(kpi_evaluate(&ev, plan, 0, NULL), KPI_OK); /* no as-of date */
    kpi_plan_free(plan);
    assert_int_equal(kpi_evaluation_as_of(ev), 20170930);
    return ev;
}

/* Every target as README.md rates it; none ×, and the initiatives the
 * issue names rated. */
static void seed_rated_as_reported(void **state)
{
    (void)state;
    kpi_evaluation *ev = seed_rated_as_of_report_date();
    size_t targets = 0;
    for (size_t i = 0; i < kpi_evaluation_result_count(ev); i++) {
        const kpi_result *r = kpi_evaluation_result_at(ev, i);
        if (kpi_result_object(r) != KPI_OBJECT_TARGET)
            continue;
        targets++;
        assert_int_not_equal(kpi_result_rating(r), KPI_RATING_NOT_PROGRESSED);
        assert_int_not_equal(kpi_result_unrated(r), KPI_UNRATED_CANCELLED);
    }
    assert_int_equal(targets, sizeof ratings / sizeof ratings[0]);
    for (size_t i = 0; i < targets; i++)
        check_rating(ev, &ratings[i]);
    assert_int_equal(kpi_result_rating(found(ev, "4-1")), KPI_RATING_ON_TRACK);
    assert_int_equal(kpi_result_rating(found(ev, "3-3")), KPI_RATING_BEHIND);
    assert_int_equal(kpi_result_rating(found(ev, "3-2")), KPI_RATING_AHEAD);
    kpi_evaluation_free(ev);
}

/* The reasons name what was reported: the planned dates of the scheduled
 * events, the status of 1-1-c and 3-3-b with no figure. */
static void seed_reasons_name_the_plan(void **state)
{
    (void)state;
    kpi_evaluation *ev = seed_rated_as_of_report_date();
    static const struct {
        const char *code, *planned;
    } scheduled[] = {
        {"4-2-b", "予定 2017-09-30（予定日 2017-11-19）"},
        {"4-2-c", "予定 2017-09-30（予定日 2018-02-28）"},
        {"4-2-e", "予定 2017-09-30（予定日 2017-10-31、期限2018-03-31）"},
        {"4-2-f", "予定 2017-09-30（予定日 2018-02-28、期限2018-03-31）"},
    };
    for (size_t i = 0; i < 4; i++) {
        const char *reason = kpi_result_reason(found(ev, scheduled[i].code), KPI_LANG_JA);
        assert_memory_equal(reason, scheduled[i].planned, strlen(scheduled[i].planned));
        assert_contains(reason, "→ ○");
    }
    assert_string_equal(
        kpi_result_reason(found(ev, "1-1-c"), KPI_LANG_JA),
        "準備中 2017-09-30, 実績なし / 目標1件以上, 期待値0.5 (経過50%) → △");
    assert_string_equal(
        kpi_result_reason(found(ev, "3-3-b"), KPI_LANG_JA),
        "準備中 2017-09-30, 実績なし / 目標6回以上, 期待値3.0 (経過50%) → △");
    assert_string_equal(
        kpi_result_update_text(found(ev, "3-3-b")),
        "委託業務（調査事業・セミナー事業）の発注及び契約完了（開催日等調整中）");
    kpi_evaluation_free(ev);
}

/* The mayor's instructions: open, unanswered, no date to count from. */
static void seed_directives_open(void **state)
{
    (void)state;
    kpi_evaluation *ev = seed_rated_as_of_report_date();
    assert_int_equal(kpi_evaluation_directive_count(ev), 5);
    for (size_t i = 0; i < 5; i++) {
        const kpi_result *d = kpi_evaluation_directive_at(ev, i);
        assert_int_equal(kpi_result_object(d), KPI_OBJECT_DIRECTIVE);
        assert_string_equal(kpi_result_issuer(d), "市長");
        assert_true(kpi_result_open(d));
        assert_int_equal(kpi_result_days_open(d), -1);
        assert_false(kpi_result_overdue(d));
        assert_int_equal(kpi_result_goal_count(d), 1);
    }
    assert_string_equal(kpi_result_goal_code_at(kpi_evaluation_directive_at(ev, 4), 0),
                        "5-5");
    kpi_evaluation_free(ev);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(seed_plan_loads),
        cmocka_unit_test(seed_progress_loads),
        cmocka_unit_test(seed_figures_are_stated),
        cmocka_unit_test(seed_rated_as_reported),
        cmocka_unit_test(seed_reasons_name_the_plan),
        cmocka_unit_test(seed_directives_open),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
