/* Reading the progress contract's file rows (/work/shared/spec/progress.md,
 * "Files"): the progress file's status and planned columns (in English and
 * by their Japanese names 状況 and 予定日, with the stable status names and
 * the Japanese words), rows that are only a note and/or a status, rows on
 * goals and directives, a row with a value and a status that is both a
 * measurement and its update; the structure file's directive rows (goals
 * listed with ';', issuer and date) and the plan's report date; and every
 * error of these rows, at its line and column. The byte-for-byte round
 * trip is in test_csv_progress_round_trip.c. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "kpi.h"
#include "csv_support.h"

/* A structure file with goals g and h, targets t (numeric) and m
 * (milestone), directive D1 addressed to both goals, and a report date.
 * Columns: type 1, code 2, parent 3, title 4, unit 5, kind 6, value 7,
 * issuer 8, date 9, report_date 10. A row appended to it is line 8. */
#define D_HEADER "type,code,parent,title,unit,kind,value,issuer,date,report_date\n"
#define D_BASE                                                                           \
    D_HEADER "plan,p,,Plan,,,,,,2017-09-30\n"                                            \
             "goal,g,,Goal G\n"                                                          \
             "goal,h,,Goal H\n"                                                          \
             "target,t,g,Target,件,numeric,10\n"                                        \
             "target,m,g,Milestone,,milestone\n"                                         \
             "directive,D1,g;h,市長指示の本文,,,,,2017-06-01\n"

/* The progress header with the status columns: code 1, date 2, value 3,
 * rating 4, note 5, author 6, status 7, planned 8. A row appended is line 2. */
#define Q_HEADER "code,date,value,rating,note,author,status,planned\n"

/* A progress file for D_BASE that must fail as e says. */
static void status_error(const char *progress, expected e)
{
    e.source = "progress";
    check_read_error(NULL, KPI_ENCODING_AUTO, D_BASE, strlen(D_BASE), progress,
                     strlen(progress), e);
}

/* A structure file that must fail as e says (D_BASE and more rows). */
static void directive_error(const char *structure, expected e)
{
    structure_error(structure, e);
}

static kpi_update *update_of(kpi_target *t, size_t i)
{
    kpi_update *u = kpi_target_update_at(t, i);
    assert_non_null(u);
    return u;
}

/* ---- Progress rows ---------------------------------------------------------- */

/* A status-only row and a note-only row are updates; a value with a status
 * or a note is a measurement and, on the same row, its update (the note is
 * the update's text, the author its author: "its note is the update's
 * text"); a bare value is a measurement only. Rows on goals and
 * directives are their updates. */
static void status_and_note_rows(void **state)
{
    (void)state;
    kpi_plan *plan = read_ok(
        D_BASE, Q_HEADER "t,2017-09-01,,,,,preparing,\n"
                         "t,2017-09-10,,,\"対象事業を\n検討中\",髙橋,,\n"
                         "t,2017-09-15,3,,実績3件,担当,in_progress,\n"
                         "t,2017-09-20,4,,実績4件,,,\n"
                         "t,2017-09-25,5,,,髙橋,,\n"
                         "m,2017-09-30,,,11月18、19日に開催予定,,Scheduled,2017-11-19\n"
                         "g,2017-09-30,,,順調,,in_progress,\n"
                         "D1,2017-07-01,,,対応を検討中,,preparing,\n"
                         "D1,2017-08-01,,,,,done,\n");
    kpi_target *t = find_target(plan, "t");
    assert_int_equal(kpi_target_measurement_count(t), 3);
    assert_int_equal(kpi_target_update_count(t), 4); /* none for the bare 5 */
    kpi_update *u = update_of(t, 0);
    assert_int_equal(kpi_update_date(u), 20170901);
    assert_int_equal(kpi_update_status(u), KPI_STATUS_PREPARING);
    assert_int_equal(kpi_update_planned(u), 0);
    assert_string_equal(kpi_update_text(u), "");
    u = update_of(t, 1);
    assert_int_equal(kpi_update_status(u), KPI_STATUS_NONE);
    assert_string_equal(kpi_update_text(u), "対象事業を\n検討中");
    assert_string_equal(kpi_update_author(u), "髙橋");
    u = update_of(t, 2);
    assert_int_equal(kpi_update_date(u), 20170915);
    assert_int_equal(kpi_update_status(u), KPI_STATUS_IN_PROGRESS);
    assert_string_equal(kpi_update_text(u), "実績3件");
    assert_string_equal(kpi_update_author(u), "担当");
    kpi_measurement *figure = kpi_target_measurement_at(t, 0);
    assert_int_equal(kpi_measurement_date(figure), 20170915);
    assert_true(kpi_measurement_value(figure) == 3);
    assert_string_equal(kpi_measurement_note(figure), "実績3件");
    assert_int_equal(kpi_measurement_inferred(figure), 0);
    /* One row: the update's text is the measurement's note. */
    assert_int_equal(kpi_update_set_text(u, "実績3件（訂正）"), KPI_OK);
    assert_string_equal(kpi_measurement_note(figure), "実績3件（訂正）");
    /* A value and its note: the note is the update's text, no status. */
    u = update_of(t, 3);
    assert_int_equal(kpi_update_date(u), 20170920);
    assert_int_equal(kpi_update_status(u), KPI_STATUS_NONE);
    assert_string_equal(kpi_update_text(u), "実績4件");
    assert_string_equal(kpi_measurement_note(kpi_target_measurement_at(t, 1)), "実績4件");

    u = update_of(find_target(plan, "m"), 0);
    assert_int_equal(kpi_update_status(u), KPI_STATUS_SCHEDULED);
    assert_int_equal(kpi_update_planned(u), 20171119);
    assert_string_equal(kpi_update_text(u), "11月18、19日に開催予定");
    kpi_goal *g = find_goal(plan, "g");
    assert_int_equal(kpi_goal_update_count(g), 1);
    assert_int_equal(kpi_update_status(kpi_goal_update_at(g, 0)), KPI_STATUS_IN_PROGRESS);
    assert_string_equal(kpi_update_text(kpi_goal_update_at(g, 0)), "順調");
    assert_int_equal(kpi_goal_assessment_count(g), 0);
    kpi_directive *d = kpi_plan_find_directive(plan, "D1");
    assert_non_null(d);
    assert_int_equal(kpi_directive_update_count(d), 2);
    assert_string_equal(kpi_update_text(kpi_directive_update_at(d, 0)), "対応を検討中");
    assert_int_equal(kpi_update_status(kpi_directive_update_at(d, 1)), KPI_STATUS_DONE);
    assert_int_equal(kpi_update_date(kpi_directive_update_at(d, 1)), 20170801);
    kpi_plan_free(plan);
}

/* A value with a planned date and nothing else keeps its planned date:
 * the row is the measurement and an update without status or text. */
static void value_with_planned_only(void **state)
{
    (void)state;
    kpi_plan *plan = read_ok(D_BASE, Q_HEADER "t,2017-09-30,5,,,,,2017-12-31\n");
    kpi_target *t = find_target(plan, "t");
    assert_int_equal(kpi_target_measurement_count(t), 1);
    assert_int_equal(kpi_target_update_count(t), 1);
    kpi_update *u = update_of(t, 0);
    assert_int_equal(kpi_update_status(u), KPI_STATUS_NONE);
    assert_int_equal(kpi_update_planned(u), 20171231);
    assert_string_equal(kpi_update_text(u), "");
    kpi_plan_free(plan);
}

/* The columns by their Japanese names, the Japanese status words, a month
 * as planned date (its last day), a planned date with a status other than
 * scheduled, and a rating row (an assessment) beside them. */
static void japanese_columns_and_words(void **state)
{
    (void)state;
    kpi_plan *plan = read_ok(D_BASE, "コード,日付,実績,評価,進捗状況,記入者,状況,予定日\n"
                                     "t,2017-09-30,,,対象事業を検討中,,検討中,\n"
                                     "m,2017-09-30,,,10月に開催予定,,開催予定,2017-10\n"
                                     "g,2017-09-30,,,取組中止,,中止,\n"
                                     "h,2017-09-30,,,策定に着手,,策定中,2017-12\n"
                                     "h,2017-09-30,,○,順調,,,\n"
                                     "D1,2017-09-01,,,対応済,,対応済,\n"
                                     "t,2017-09-30,,,延期,,延期,\n"
                                     " m , 2017-09-30 ,,,,, 実施済 ,\n");
    kpi_target *t = find_target(plan, "t");
    assert_int_equal(kpi_update_status(update_of(t, 0)), KPI_STATUS_PREPARING);
    assert_string_equal(kpi_update_text(update_of(t, 0)), "対象事業を検討中");
    assert_int_equal(kpi_update_status(update_of(t, 1)), KPI_STATUS_POSTPONED);
    kpi_target *m = find_target(plan, "m");
    assert_int_equal(kpi_update_status(update_of(m, 0)), KPI_STATUS_SCHEDULED);
    assert_int_equal(kpi_update_planned(update_of(m, 0)), 20171031);
    assert_int_equal(kpi_update_status(update_of(m, 1)), KPI_STATUS_DONE);
    assert_int_equal(kpi_update_status(kpi_goal_update_at(find_goal(plan, "g"), 0)),
                     KPI_STATUS_CANCELLED);
    kpi_goal *h = find_goal(plan, "h");
    assert_int_equal(kpi_goal_update_count(h), 1);
    assert_int_equal(kpi_update_status(kpi_goal_update_at(h, 0)), KPI_STATUS_PREPARING);
    assert_int_equal(kpi_update_planned(kpi_goal_update_at(h, 0)), 20171231);
    assert_int_equal(kpi_goal_assessment_count(h), 1);
    kpi_directive *d = kpi_plan_find_directive(plan, "D1");
    assert_int_equal(kpi_update_status(kpi_directive_update_at(d, 0)), KPI_STATUS_DONE);
    /* Nothing was read from the texts: the city wrote every status. */
    assert_int_equal(kpi_update_inferred(update_of(m, 0)), 0);
    kpi_plan_free(plan);
    /* Other aliases: ステータス and 予定. */
    plan = read_ok(D_BASE, "コード,日付,コメント,ステータス,予定\n"
                           "t,2017-09-30,x,実施予定,2017-11-30\n");
    kpi_update *u = update_of(find_target(plan, "t"), 0);
    assert_int_equal(kpi_update_status(u), KPI_STATUS_SCHEDULED);
    assert_int_equal(kpi_update_planned(u), 20171130);
    kpi_plan_free(plan);
}

/* The rows are evaluated as the contract says: the file's statuses rate. */
static void read_rows_rate(void **state)
{
    (void)state;
    kpi_plan *plan = read_ok(D_BASE, Q_HEADER "t,2017-09-30,,,検討中,,検討中,\n"
                                              "m,2017-09-30,,,,,完了,\n"
                                              "D1,2017-07-01,,,回答,,,\n");
    kpi_evaluation *ev = NULL;
    assert_int_equal(kpi_evaluate(&ev, plan, 0, NULL), KPI_OK); /* the report date */
    assert_int_equal(kpi_evaluation_as_of(ev), 20170930);
    const kpi_result *r = kpi_evaluation_find(ev, "t");
    assert_int_equal(kpi_result_rating(r), KPI_RATING_BEHIND);
    assert_int_equal(kpi_result_status(r), KPI_STATUS_PREPARING);
    r = kpi_evaluation_find(ev, "m");
    assert_int_equal(kpi_result_rating(r), KPI_RATING_AHEAD); /* done before its due */
    r = kpi_evaluation_find(ev, "D1");
    assert_int_equal(kpi_result_open(r), 1);
    assert_int_equal(kpi_result_overdue(r), 0);
    assert_int_equal(kpi_result_goal_count(r), 2);
    kpi_evaluation_free(ev);
    kpi_plan_free(plan);
}

/* ---- Progress row errors ------------------------------------------------------ */

/* An unknown status word, at its line and column, quoted. */
static void error_unknown_status(void **state)
{
    (void)state;
    status_error(Q_HEADER "t,2017-09-30,,,,,preparing,\n"
                          "t,2017-09-30,,,メモ,,たぶん,\n",
                 (expected){KPI_ERR_VALUE, NULL, 3, "status", 7, "たぶん"});
    status_error(Q_HEADER "t,2017-09-30,5,,,,finished,\n",
                 (expected){KPI_ERR_VALUE, NULL, 2, "status", 7, "finished"});
}

/* A scheduled status needs its planned date: the error names the planned
 * column, with or without a value on the row, and when the file has no
 * planned column at all. An invalid planned date is an error too. */
static void error_scheduled_without_planned(void **state)
{
    (void)state;
    status_error(Q_HEADER "t,2017-09-30,,,,,scheduled,\n",
                 (expected){KPI_ERR_VALUE, NULL, 2, "planned", 8, NULL});
    status_error(Q_HEADER "m,2017-09-30,,,,,preparing,\nm,2017-09-30,,,,,開催予定,\n",
                 (expected){KPI_ERR_VALUE, NULL, 3, "planned", 8, NULL});
    status_error(Q_HEADER "t,2017-09-30,5,,,,予定,\n",
                 (expected){KPI_ERR_VALUE, NULL, 2, "planned", 8, NULL});
    status_error("code,date,status\nt,2017-09-30,scheduled\n",
                 (expected){KPI_ERR_VALUE, NULL, 2, "planned", -1, NULL});
    status_error(Q_HEADER "t,2017-09-30,,,,,scheduled,2017-13-01\n",
                 (expected){KPI_ERR_DATE, NULL, 2, "planned", 8, "2017-13-01"});
    status_error(Q_HEADER "t,2017-09-30,,,,,preparing,soon\n",
                 (expected){KPI_ERR_DATE, NULL, 2, "planned", 8, "soon"});
}

/* A row with a rating takes no status or planned date (an assessment is a
 * person's judgement, not a state of the work). */
static void error_rating_with_status(void **state)
{
    (void)state;
    status_error(Q_HEADER "t,2017-09-30,,○,,,preparing,\n",
                 (expected){KPI_ERR_PARSE, NULL, 2, "status", 7, NULL});
    status_error(Q_HEADER "g,2017-09-30,,◎,,,,2017-10-31\n",
                 (expected){KPI_ERR_PARSE, NULL, 2, "status", 7, NULL});
}

/* Codes: unknown; a value or a rating on a directive; a value on a goal;
 * a row with nothing but an author. */
static void error_codes_and_subjects(void **state)
{
    (void)state;
    status_error(Q_HEADER "t,2017-09-30,,,,,preparing,\nzz,2017-09-30,,,note,,,\n",
                 (expected){KPI_ERR_NOT_FOUND, NULL, 3, "code", 1, "zz"});
    status_error(Q_HEADER "D1,2017-09-30,5,,,,,\n",
                 (expected){KPI_ERR_VALUE, NULL, 2, "value", 3, "D1"});
    status_error(Q_HEADER "D1,2017-09-30,,○,,,,\n",
                 (expected){KPI_ERR_VALUE, NULL, 2, "rating", 4, "D1"});
    status_error(Q_HEADER "h,2017-09-30,5,,,,done,\n",
                 (expected){KPI_ERR_VALUE, NULL, 2, "value", 3, "h"});
    status_error(Q_HEADER "D1,2017-09-30,,,,someone,,\n",
                 (expected){KPI_ERR_PARSE, NULL, 2, NULL, -1, "status"});
    status_error(Q_HEADER "D1,,,,回答,,,\n",
                 (expected){KPI_ERR_DATE, NULL, 2, "date", 2, NULL});
}

/* ---- Structure file: directives and the report date ----------------------- */

/* A directive row: its goals listed in parent with ';' (blanks around a
 * code ignored, empty parts skipped), the plan id or nothing for the whole
 * plan; issuer (市長 when empty) and date. The plan row's report date. */
static void directive_rows(void **state)
{
    (void)state;
    kpi_plan *plan = read_ok(D_BASE "directive,D2, h ; g ;,二つ目,,,,副市長,2017-07-10\n"
                                    "directive,D3,,全体への指示\n"
                                    "directive,D4,p,計画への指示,,,,,2017-08\n"
                                    "goal,h-1,h,Child\n"
                                    "directive,D5,h-1,子への指示\n",
                             NULL);
    assert_int_equal(kpi_plan_report_date(plan), 20170930);
    assert_int_equal(kpi_plan_directive_count(plan), 5);
    kpi_directive *d = kpi_plan_directive_at(plan, 0);
    assert_string_equal(kpi_directive_code(d), "D1");
    assert_string_equal(kpi_directive_text(d), "市長指示の本文");
    assert_string_equal(kpi_directive_issuer(d), "市長");
    assert_int_equal(kpi_directive_date(d), 20170601);
    assert_int_equal(kpi_directive_goal_count(d), 2);
    assert_string_equal(kpi_goal_code(kpi_directive_goal_at(d, 0)), "g");
    assert_string_equal(kpi_goal_code(kpi_directive_goal_at(d, 1)), "h");
    d = kpi_plan_find_directive(plan, "D2");
    assert_string_equal(kpi_directive_issuer(d), "副市長");
    assert_int_equal(kpi_directive_date(d), 20170710);
    assert_int_equal(kpi_directive_goal_count(d), 2);
    assert_string_equal(kpi_goal_code(kpi_directive_goal_at(d, 0)), "h");
    assert_string_equal(kpi_goal_code(kpi_directive_goal_at(d, 1)), "g");
    d = kpi_plan_find_directive(plan, "D3");
    assert_int_equal(kpi_directive_goal_count(d), 0);
    assert_int_equal(kpi_directive_date(d), 0);
    d = kpi_plan_find_directive(plan, "D4");
    assert_int_equal(kpi_directive_goal_count(d), 0);
    assert_int_equal(kpi_directive_date(d), 20170801); /* a month: its first day */
    d = kpi_plan_find_directive(plan, "D5");
    assert_ptr_equal(kpi_directive_goal_at(d, 0), find_goal(plan, "h-1"));
    /* Directives are not goals or targets. */
    assert_int_equal(kpi_plan_total_goal_count(plan), 3);
    assert_int_equal(kpi_plan_total_target_count(plan), 2);
    kpi_plan_free(plan);
}

/* The same by the Japanese names: 種別 指示事項, 指示者, 指示日, 基準日 (an
 * era date). */
static void directive_rows_japanese(void **state)
{
    (void)state;
    kpi_plan *plan =
        read_ok("種別,コード,親,名称,指示者,指示日,基準日\n"
                "計画,p,,計画,,,平成29年9月30日\n"
                "目標,g,,目標\n"
                "指示事項,市長-1,g,移住相談の体制を見直すこと,市長,H29.6.1,\n",
                NULL);
    assert_int_equal(kpi_plan_report_date(plan), 20170930);
    kpi_directive *d = kpi_plan_find_directive(plan, "市長-1");
    assert_non_null(d);
    assert_string_equal(kpi_directive_text(d), "移住相談の体制を見直すこと");
    assert_string_equal(kpi_directive_issuer(d), "市長");
    assert_int_equal(kpi_directive_date(d), 20170601);
    assert_int_equal(kpi_directive_goal_count(d), 1);
    kpi_plan_free(plan);
    /* No report date column: none. */
    plan = read_ok(S_BASE, NULL);
    assert_int_equal(kpi_plan_report_date(plan), 0);
    assert_int_equal(kpi_plan_directive_count(plan), 0);
    kpi_plan_free(plan);
}

/* Errors of directive rows and the report date, at their line and column:
 * an unknown goal (or one defined later, or a target) in parent, a goal
 * listed twice, no text, a code already used, a bad date. */
static void directive_row_errors(void **state)
{
    (void)state;
    directive_error(D_BASE "directive,D2,g;nope,text\n",
                    (expected){KPI_ERR_NOT_FOUND, NULL, 8, "parent", 3, "nope"});
    directive_error(D_BASE "directive,D2,later,text\ngoal,later,,Later\n",
                    (expected){KPI_ERR_NOT_FOUND, NULL, 8, "parent", 3, "later"});
    directive_error(D_BASE "directive,D2,t,text\n",
                    (expected){KPI_ERR_NOT_FOUND, NULL, 8, "parent", 3, "\"t\""});
    directive_error(D_BASE "directive,D2,D1,text\n",
                    (expected){KPI_ERR_NOT_FOUND, NULL, 8, "parent", 3, "D1"});
    directive_error(D_BASE "directive,D2,g; g,text\n",
                    (expected){KPI_ERR_DUPLICATE, NULL, 8, "parent", 3, NULL});
    directive_error(D_BASE "directive,D2,g,\n",
                    (expected){KPI_ERR_VALUE, NULL, 8, "title", 4, NULL});
    directive_error(D_BASE "directive,g,,text\n",
                    (expected){KPI_ERR_DUPLICATE, NULL, 8, "code", 2, NULL});
    directive_error(D_BASE "directive,D1,,text\n",
                    (expected){KPI_ERR_DUPLICATE, NULL, 8, "code", 2, NULL});
    directive_error(D_BASE "target,D2,g,T,,numeric,1\ndirective,D2,,text\n",
                    (expected){KPI_ERR_DUPLICATE, NULL, 9, "code", 2, NULL});
    directive_error(D_BASE "directive,D2,g,text,,,,,2017-02-30\n",
                    (expected){KPI_ERR_DATE, NULL, 8, "date", 9, "2017-02-30"});
    directive_error(D_HEADER "plan,p,,Plan,,,,,,someday\n",
                    (expected){KPI_ERR_DATE, NULL, 2, "report_date", 10, "someday"});
    /* A goal or target after a directive cannot take its code. */
    directive_error(D_BASE "goal,D1,,Goal\n",
                    (expected){KPI_ERR_DUPLICATE, NULL, 8, "code", 2, NULL});
}

/* Progress rows on a directive of the structure file address it by code,
 * whatever the goals it is addressed to. */
static void progress_on_directive_with_plan_codes(void **state)
{
    (void)state;
    kpi_plan *plan = read_ok(D_BASE "directive,p-1,p,計画への指示\n",
                             Q_HEADER "p-1,2017-09-30,,,対応中,,in_progress,\n");
    kpi_directive *d = kpi_plan_find_directive(plan, "p-1");
    assert_int_equal(kpi_directive_update_count(d), 1);
    assert_int_equal(kpi_update_status(kpi_directive_update_at(d, 0)),
                     KPI_STATUS_IN_PROGRESS);
    kpi_plan_free(plan);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(status_and_note_rows),
        cmocka_unit_test(value_with_planned_only),
        cmocka_unit_test(japanese_columns_and_words),
        cmocka_unit_test(read_rows_rate),
        cmocka_unit_test(error_unknown_status),
        cmocka_unit_test(error_scheduled_without_planned),
        cmocka_unit_test(error_rating_with_status),
        cmocka_unit_test(error_codes_and_subjects),
        cmocka_unit_test(directive_rows),
        cmocka_unit_test(directive_rows_japanese),
        cmocka_unit_test(directive_row_errors),
        cmocka_unit_test(progress_on_directive_with_plan_codes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
