/* Tests of the errors in the rows of plan files: every structure file error
 * (columns missing or named twice, unknown types, the plan row, parents,
 * duplicate codes, dates, numbers, weights, words, notes, rows too wide,
 * empty files) and every progress file error (codes, values, ratings and
 * their spellings, milestones, dates), each with its code, line, column and
 * text.
 *
 * Inputs are built in memory where the bytes need not be real files; the
 * fixtures under tests/data/csv/ hold what needs real bytes (BOM, CRLF,
 * CP932, quoted newlines). Paths are relative to the source tree root,
 * where ctest runs this program. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "kpi.h"
#include "csv_support.h"

/* ---- Structure file errors ------------------------------------------------------ */

/* A header without type or code is KPI_ERR_PARSE at line 1, naming it. */
static void structure_missing_required_column(void **state)
{
    (void)state;
    structure_error("code,parent,title\np,,P\n",
                    (expected){KPI_ERR_PARSE, NULL, 1, "type", -1, NULL});
    structure_error("type,parent,title\nplan,,P\n",
                    (expected){KPI_ERR_PARSE, NULL, 1, "code", -1, NULL});
    /* The progress file needs code and date. */
    progress_error("date,value\n2017-09-30,1\n",
                   (expected){KPI_ERR_PARSE, NULL, 1, "code", -1, NULL});
    progress_error("code,value\nt,1\n",
                   (expected){KPI_ERR_PARSE, NULL, 1, "date", -1, NULL});
}

/* A column named twice (also once in English and once by its alias) is
 * KPI_ERR_PARSE at line 1, naming it. */
static void structure_column_twice(void **state)
{
    (void)state;
    structure_error("type,code,title,code\nplan,p,P,p\n",
                    (expected){KPI_ERR_PARSE, NULL, 1, "code", 4, NULL});
    structure_error("type,code,due,期限\nplan,p,,\n",
                    (expected){KPI_ERR_PARSE, NULL, 1, "due", 4, NULL});
    progress_error("code,date,value,Value\nt,2017-09-30,1,1\n",
                   (expected){KPI_ERR_PARSE, NULL, 1, "value", 4, NULL});
}

/* A type that is none of plan, goal, target, note is an error naming the
 * column and the text. */
static void structure_unknown_type(void **state)
{
    (void)state;
    structure_error(S_BASE "project,x,,X\n",
                    (expected){KPI_ERR_VALUE, NULL, 6, "type", 1, "\"project\""});
    structure_error(S_BASE "targets,x,g,X\n",
                    (expected){KPI_ERR_VALUE, NULL, 6, "type", 1, "\"targets\""});
}

/* The first row after the header must be the plan row. */
static void structure_first_row_not_plan(void **state)
{
    (void)state;
    structure_error(S_HEADER "goal,g,,Goal\nplan,p,,Plan\n",
                    (expected){KPI_ERR_PARSE, NULL, 2, "type", 1, NULL});
    structure_error(S_HEADER "\nnote,n,,text\n",
                    (expected){KPI_ERR_PARSE, NULL, 3, "type", 1, NULL});
    /* A header alone: no plan row. */
    structure_error(S_HEADER, (expected){KPI_ERR_PARSE, NULL, 2, NULL, -1, "plan"});
}

/* A second plan row is refused: a file holds one plan. The contract's
 * codes: KPI_ERR_PARSE is "a file that does not follow its format";
 * KPI_ERR_DUPLICATE is only "the code is already used in the plan". */
static void structure_second_plan_row(void **state)
{
    (void)state;
    structure_error(S_BASE "plan,q,,Other\n",
                    (expected){KPI_ERR_PARSE, NULL, 6, "type", 1, NULL});
}

/* A parent that names no goal defined on an earlier row is
 * KPI_ERR_NOT_FOUND: unknown, defined later, or a target's code. */
static void structure_unknown_parent(void **state)
{
    (void)state;
    structure_error(S_BASE "goal,h,zz,H\n",
                    (expected){KPI_ERR_NOT_FOUND, NULL, 6, "parent", 3, "\"zz\""});
    structure_error(S_BASE "goal,h,later,H\ngoal,later,,L\n",
                    (expected){KPI_ERR_NOT_FOUND, NULL, 6, "parent", 3, "\"later\""});
    structure_error(S_BASE "target,x,later,X\ngoal,later,,L\n",
                    (expected){KPI_ERR_NOT_FOUND, NULL, 6, "parent", 3, "\"later\""});
    structure_error(S_BASE "target,x,t,X\n",
                    (expected){KPI_ERR_NOT_FOUND, NULL, 6, "parent", 3, "\"t\""});
    structure_error(S_BASE "note,n,zz,Text\n",
                    (expected){KPI_ERR_NOT_FOUND, NULL, 6, "parent", 3, "\"zz\""});
}

/* A target needs a goal as parent: none, or the plan id, is an error. */
static void structure_target_without_parent(void **state)
{
    (void)state;
    structure_error(S_BASE "target,x,,X\n",
                    (expected){KPI_ERR_VALUE, NULL, 6, "parent", 3, NULL});
    structure_error(S_BASE "target,x,p,X\n",
                    (expected){KPI_ERR_VALUE, NULL, 6, "parent", 3, NULL});
}

/* A code used twice among goals and targets is KPI_ERR_DUPLICATE naming
 * the code column and the code. */
static void structure_duplicate_code(void **state)
{
    (void)state;
    structure_error(S_BASE "goal,g,,Again\n",
                    (expected){KPI_ERR_DUPLICATE, NULL, 6, "code", 2, "\"g\""});
    structure_error(S_BASE "goal,t,,Like a target\n",
                    (expected){KPI_ERR_DUPLICATE, NULL, 6, "code", 2, "\"t\""});
    structure_error(S_BASE "target,g,g,Like a goal\n",
                    (expected){KPI_ERR_DUPLICATE, NULL, 6, "code", 2, "\"g\""});
    /* Codes are compared without surrounding blanks. */
    structure_error(S_BASE "target,\" t \",g,Blank\n",
                    (expected){KPI_ERR_DUPLICATE, NULL, 6, "code", 2, "\"t\""});
}

/* A due date that is not a date: KPI_ERR_DATE with
 * `structure:N: column "due": "2017-13-01" is not a date...`. */
static void structure_bad_due_date(void **state)
{
    (void)state;
    structure_error(
        S_BASE "target,x,g,X,,,,,,,2017-13-01\n",
        (expected){KPI_ERR_DATE, NULL, 6, "due", 11,
                   "structure:6: column \"due\": \"2017-13-01\" is not a date"});
    structure_error(S_BASE "target,x,g,X,,,,,,,soon\n",
                    (expected){KPI_ERR_DATE, NULL, 6, "due", 11, "\"soon\""});
    /* The plan row's period too. */
    structure_error(S_HEADER "plan,p,,Plan,,,,,,2017-04-01,2018-3-32\n",
                    (expected){KPI_ERR_DATE, NULL, 2, "due", 11, "\"2018-3-32\""});
}

/* An impossible calendar date (2017-02-30) is KPI_ERR_DATE. */
static void structure_impossible_date(void **state)
{
    (void)state;
    structure_error(S_BASE "target,x,g,X,,,,,,2017-02-30\n",
                    (expected){KPI_ERR_DATE, NULL, 6, "start", 10, "\"2017-02-30\""});
    structure_error(S_BASE "target,x,g,X,,,,,,,2018-02-29\n",
                    (expected){KPI_ERR_DATE, NULL, 6, "due", 11, "\"2018-02-29\""});
    structure_error(S_BASE "target,x,g,X,,,,,,,平成29年2月30日\n",
                    (expected){KPI_ERR_DATE, NULL, 6, "due", 11, "平成29年2月30日"});
}

/* A number column holding no number is KPI_ERR_VALUE. */
static void structure_value_not_number(void **state)
{
    (void)state;
    structure_error(S_BASE "target,x,g,X,,,,abc\n",
                    (expected){KPI_ERR_VALUE, NULL, 6, "value", 8, "\"abc\""});
    structure_error("type,code,parent,title,start_value,reference,change_pct\n"
                    "plan,p,,P\ngoal,g,,G\ntarget,x,g,X,1,2,10%\n",
                    (expected){KPI_ERR_VALUE, NULL, 4, "change_pct", 7, "\"10%\""});
    structure_error("type,code,parent,title,start_value\nplan,p,,P\ngoal,g,,G\n"
                    "target,x,g,X,三十\n",
                    (expected){KPI_ERR_VALUE, NULL, 4, "start_value", 5, "\"三十\""});
}

/* A weight of -1 (or 0) is KPI_ERR_VALUE, on targets and goals. */
static void structure_negative_weight(void **state)
{
    (void)state;
    structure_error(S_BASE "target,x,g,X,,,,,-1\n",
                    (expected){KPI_ERR_VALUE, NULL, 6, "weight", 9, "-1"});
    structure_error(S_BASE "goal,h,,H,,,,,0\n",
                    (expected){KPI_ERR_VALUE, NULL, 6, "weight", 9, "got 0"});
}

/* Words outside their lists (kind, direction, schedule, accumulate) are
 * KPI_ERR_VALUE naming the column and the text. */
static void structure_bad_words(void **state)
{
    (void)state;
    structure_error(S_BASE "target,x,g,X,,big\n",
                    (expected){KPI_ERR_VALUE, NULL, 6, "kind", 6, "\"big\""});
    structure_error(S_BASE "target,x,g,X,,,up\n",
                    (expected){KPI_ERR_VALUE, NULL, 6, "direction", 7, "\"up\""});
    structure_error(S_BASE "target,x,g,X,,,,,,,,fast\n",
                    (expected){KPI_ERR_VALUE, NULL, 6, "schedule", 12, "\"fast\""});
    structure_error(S_BASE "target,x,g,X,,,,,,,,,total\n",
                    (expected){KPI_ERR_VALUE, NULL, 6, "accumulate", 13, "\"total\""});
    /* The accepted spellings. */
    kpi_plan *plan = read_ok(S_BASE "target,a,g,A,,milestone,decrease,,,,,step,sum\n"
                                    "target,b,g,B,,qualitative,<=,,,,,level,latest\n"
                                    "target,c,g,C,,numeric,以下,,,,,linear\n"
                                    "target,d,g,D,,,>=\n",
                             NULL);
    kpi_target *a = find_target(plan, "a");
    assert_int_equal(kpi_target_kind(a), KPI_KIND_MILESTONE);
    assert_int_equal(kpi_target_direction(a), KPI_DIRECTION_DECREASE);
    assert_int_equal(kpi_target_schedule(a), KPI_SCHEDULE_STEP);
    assert_int_equal(kpi_target_accumulate(a), KPI_ACCUMULATE_SUM);
    kpi_target *b = find_target(plan, "b");
    assert_int_equal(kpi_target_kind(b), KPI_KIND_QUALITATIVE);
    assert_int_equal(kpi_target_direction(b), KPI_DIRECTION_DECREASE);
    assert_int_equal(kpi_target_schedule(b), KPI_SCHEDULE_LEVEL);
    assert_int_equal(kpi_target_accumulate(b), KPI_ACCUMULATE_LATEST);
    kpi_target *c = find_target(plan, "c");
    assert_int_equal(kpi_target_kind(c), KPI_KIND_NUMERIC);
    assert_int_equal(kpi_target_direction(c), KPI_DIRECTION_DECREASE);
    assert_int_equal(kpi_target_schedule(c), KPI_SCHEDULE_LINEAR);
    kpi_target *d = find_target(plan, "d");
    assert_int_equal(kpi_target_kind(d), KPI_KIND_NUMERIC);
    assert_int_equal(kpi_target_direction(d), KPI_DIRECTION_INCREASE);
    assert_int_equal(kpi_target_schedule(d), KPI_SCHEDULE_DEFAULT);
    kpi_plan_free(plan);
}

/* A note needs its text (in the title column). */
static void structure_note_without_text(void **state)
{
    (void)state;
    structure_error(S_BASE "note,n1,p,\n",
                    (expected){KPI_ERR_VALUE, NULL, 6, "title", 4, NULL});
    structure_error(S_BASE "note,n1,g\n",
                    (expected){KPI_ERR_VALUE, NULL, 6, "title", 4, NULL});
}

/* A row wider than the header is KPI_ERR_PARSE when the extra cells hold
 * text; extra empty cells (as spreadsheets leave) are fine. */
static void structure_row_wider_than_header(void **state)
{
    (void)state;
    structure_error(S_BASE "goal,h,,H,,,,,,,,,,extra\n",
                    (expected){KPI_ERR_PARSE, NULL, 6, NULL, 14, "14"});
    progress_error(P_BASE "t,2017-09-30,1,,,,more\n",
                   (expected){KPI_ERR_PARSE, NULL, 3, NULL, 7, "7"});
    kpi_plan *plan =
        read_ok(S_BASE "goal,h,,H,,,,,,,,,,,,,\n", P_BASE "t,2017-09-30,1,,,,,\n");
    assert_string_equal(kpi_goal_title(find_goal(plan, "h")), "H");
    kpi_plan_free(plan);
}

/* An empty file (or only a BOM, or only blank rows) is KPI_ERR_PARSE. */
static void structure_empty_file(void **state)
{
    (void)state;
    structure_error("", (expected){KPI_ERR_PARSE, NULL, 1, NULL, -1, NULL});
    structure_error("\xEF\xBB\xBF", (expected){KPI_ERR_PARSE, NULL, 1, NULL, -1, NULL});
    structure_error("\n\n,,,\n", (expected){KPI_ERR_PARSE, NULL, 1, NULL, -1, NULL});
    /* An empty progress file given is an error too. */
    progress_error("", (expected){KPI_ERR_PARSE, NULL, 1, NULL, -1, NULL});
}

/* ---- Progress file errors -------------------------------------------------- */

/* A code that is no target or goal is KPI_ERR_NOT_FOUND. */
static void progress_unknown_code(void **state)
{
    (void)state;
    progress_error(P_BASE "zz,2017-09-30,1\n",
                   (expected){KPI_ERR_NOT_FOUND, NULL, 3, "code", 1, "\"zz\""});
    /* The plan id is not a target. */
    progress_error(P_BASE "p,2017-09-30,1\n",
                   (expected){KPI_ERR_NOT_FOUND, NULL, 3, "code", 1, "\"p\""});
}

/* A value that is no number is KPI_ERR_VALUE. */
static void progress_value_not_number(void **state)
{
    (void)state;
    progress_error(P_BASE "t,2017-09-30,abc\n",
                   (expected){KPI_ERR_VALUE, NULL, 3, "value", 3, "\"abc\""});
    progress_error(P_BASE "t,2017-09-30,32件\n",
                   (expected){KPI_ERR_VALUE, NULL, 3, "value", 3, "\"32件\""});
}

/* All eight spellings of a rating are accepted, on targets and goals. */
static void progress_rating_spellings(void **state)
{
    (void)state;
    kpi_plan *plan = read_ok(S_BASE, P_HEADER "t,2017-09-01,,◎\n"
                                              "t,2017-09-02,,○\n"
                                              "t,2017-09-03,,△\n"
                                              "t,2017-09-04,,×\n"
                                              "t,2017-09-05,,ahead\n"
                                              "t,2017-09-06,,on_track\n"
                                              "t,2017-09-07,,behind\n"
                                              "t,2017-09-08,,not_progressed\n"
                                              "g,2017-09-09,,\" ◎ \",comment,author\n");
    static const kpi_rating expected_ratings[] = {
        KPI_RATING_AHEAD,          KPI_RATING_ON_TRACK,       KPI_RATING_BEHIND,
        KPI_RATING_NOT_PROGRESSED, KPI_RATING_AHEAD,          KPI_RATING_ON_TRACK,
        KPI_RATING_BEHIND,         KPI_RATING_NOT_PROGRESSED,
    };
    kpi_target *t = find_target(plan, "t");
    assert_int_equal(kpi_target_assessment_count(t), 8);
    assert_int_equal(kpi_target_measurement_count(t), 0);
    for (size_t i = 0; i < 8; i++) {
        kpi_assessment *a = kpi_target_assessment_at(t, i);
        assert_int_equal(kpi_assessment_rating(a), expected_ratings[i]);
        assert_int_equal(kpi_assessment_date(a), 20170901 + (int32_t)i);
    }
    kpi_goal *g = find_goal(plan, "g");
    assert_int_equal(kpi_goal_assessment_count(g), 1);
    assert_int_equal(kpi_assessment_rating(kpi_goal_assessment_at(g, 0)),
                     KPI_RATING_AHEAD);
    assert_string_equal(kpi_assessment_comment(kpi_goal_assessment_at(g, 0)), "comment");
    assert_string_equal(kpi_assessment_author(kpi_goal_assessment_at(g, 0)), "author");
    kpi_plan_free(plan);
}

/* Any other rating ("good", "◯" U+25EF, "0", "Ahead?") is KPI_ERR_VALUE. */
static void progress_rating_refused(void **state)
{
    (void)state;
    progress_error(P_BASE "t,2017-09-30,,good\n",
                   (expected){KPI_ERR_VALUE, NULL, 3, "rating", 4, "\"good\""});
    progress_error(P_BASE "t,2017-09-30,,◯\n",
                   (expected){KPI_ERR_VALUE, NULL, 3, "rating", 4, "\"◯\""});
    progress_error(P_BASE "g,2017-09-30,,◎◎\n",
                   (expected){KPI_ERR_VALUE, NULL, 3, "rating", 4, "\"◎◎\""});
    progress_error(
        P_BASE "t,2017-09-30,,ahead of target\n",
        (expected){KPI_ERR_VALUE, NULL, 3, "rating", 4, "\"ahead of target\""});
}

/* A row with both a value and a rating is KPI_ERR_PARSE. */
static void progress_value_and_rating(void **state)
{
    (void)state;
    progress_error(P_BASE "t,2017-09-30,5,○\n",
                   (expected){KPI_ERR_PARSE, NULL, 3, NULL, -1, "value"});
    assert_contains(kpi_error_message(), "rating");
}

/* A row with neither a value nor a rating is KPI_ERR_PARSE. */
static void progress_neither_value_nor_rating(void **state)
{
    (void)state;
    /* A row needs a value, a rating, a note or a status (a note alone is
     * an update, docs/csv-format.md). */
    progress_error(P_BASE "t,2017-09-30\n",
                   (expected){KPI_ERR_PARSE, NULL, 3, NULL, -1, "value"});
    assert_contains(kpi_error_message(), "rating");
    assert_contains(kpi_error_message(), "status");
    progress_error(P_BASE "g,2017-09-30,,,,someone\n",
                   (expected){KPI_ERR_PARSE, NULL, 3, NULL, -1, "value"});
}

/* Goals take ratings, not values: a value on a goal code is KPI_ERR_VALUE. */
static void progress_value_on_goal(void **state)
{
    (void)state;
    progress_error(P_BASE "g,2017-09-30,5\n",
                   (expected){KPI_ERR_VALUE, NULL, 3, "value", 3, "\"g\""});
}

/* A milestone's progress is 0..1: a value of 2 is KPI_ERR_VALUE. */
static void progress_milestone_out_of_range(void **state)
{
    (void)state;
    progress_error(P_BASE "m,2017-09-30,2\n",
                   (expected){KPI_ERR_VALUE, NULL, 3, "value", 3, "got 2"});
    progress_error(P_BASE "m,2017-09-30,-0.5\n",
                   (expected){KPI_ERR_VALUE, NULL, 3, "value", 3, "-0.5"});
    kpi_plan *plan =
        read_ok(S_BASE, P_BASE "m,2017-09-30,0\nm,2017-09-30,0.5\nm,2017-09-30,1\n");
    assert_int_equal(kpi_target_measurement_count(find_target(plan, "m")), 3);
    kpi_plan_free(plan);
}

/* A row without a date is KPI_ERR_DATE naming the date column. */
static void progress_missing_date(void **state)
{
    (void)state;
    progress_error(P_BASE "t,,5\n", (expected){KPI_ERR_DATE, NULL, 3, "date", 2, NULL});
    progress_error(P_BASE "g,\" \",,○\n",
                   (expected){KPI_ERR_DATE, NULL, 3, "date", 2, NULL});
}

/* A date that is not one is KPI_ERR_DATE quoting it. */
static void progress_bad_date(void **state)
{
    (void)state;
    progress_error(P_BASE "t,2017-02-30,5\n",
                   (expected){KPI_ERR_DATE, NULL, 3, "date", 2, "\"2017-02-30\""});
    progress_error(P_BASE "t,yesterday,5\n",
                   (expected){KPI_ERR_DATE, NULL, 3, "date", 2, "\"yesterday\""});
    progress_error(P_BASE "t,2017-09-30x,5\n",
                   (expected){KPI_ERR_DATE, NULL, 3, "date", 2, "\"2017-09-30x\""});
}

/* ---- Main ---------------------------------------------------------------- */

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(structure_missing_required_column),
        cmocka_unit_test(structure_column_twice),
        cmocka_unit_test(structure_unknown_type),
        cmocka_unit_test(structure_first_row_not_plan),
        cmocka_unit_test(structure_second_plan_row),
        cmocka_unit_test(structure_unknown_parent),
        cmocka_unit_test(structure_target_without_parent),
        cmocka_unit_test(structure_duplicate_code),
        cmocka_unit_test(structure_bad_due_date),
        cmocka_unit_test(structure_impossible_date),
        cmocka_unit_test(structure_value_not_number),
        cmocka_unit_test(structure_negative_weight),
        cmocka_unit_test(structure_bad_words),
        cmocka_unit_test(structure_note_without_text),
        cmocka_unit_test(structure_row_wider_than_header),
        cmocka_unit_test(structure_empty_file),
        cmocka_unit_test(progress_unknown_code),
        cmocka_unit_test(progress_value_not_number),
        cmocka_unit_test(progress_rating_spellings),
        cmocka_unit_test(progress_rating_refused),
        cmocka_unit_test(progress_value_and_rating),
        cmocka_unit_test(progress_neither_value_nor_rating),
        cmocka_unit_test(progress_value_on_goal),
        cmocka_unit_test(progress_milestone_out_of_range),
        cmocka_unit_test(progress_missing_date),
        cmocka_unit_test(progress_bad_date),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
