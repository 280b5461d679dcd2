/* Tests of the CSV syntax of plan files and of the line numbers errors
 * give: CRLF, quoted fields with commas, doubled quotes and line breaks,
 * blank rows skipped, lines counted after multi-line fields, malformed and
 * unclosed quotes, and the field length limit (KPI_MAX_FIELD).
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

#include <stdlib.h>
#include <string.h>

#include "kpi.h"
#include "csv_support.h"

/* ---- CSV syntax and line numbers --------------------------------------------- */

/* A CRLF file with quoted fields holding commas, doubled quotes and an
 * embedded line break, blank lines and ",,,," rows: every value comes
 * through verbatim. */
static void csv_crlf_quoting_fixture(void **state)
{
    (void)state;
    kpi_reader *reader = new_reader();
    kpi_plan *plan = read_files_ok(reader, FIXTURE("crlf-structure.csv"),
                                   FIXTURE("crlf-progress.csv"));
    assert_int_equal(kpi_reader_warning_count(reader), 0);
    assert_string_equal(kpi_plan_id(plan), "p");
    assert_string_equal(kpi_plan_title(plan), "Plan, with comma");
    assert_string_equal(kpi_goal_title(find_goal(plan, "g")), "He said \"hi\"");
    kpi_target *t = find_target(plan, "t");
    assert_string_equal(kpi_target_label(t), "line1\r\nline2");
    assert_string_equal(kpi_target_unit(t), "件");
    assert_true(kpi_target_value(t) == 1234.0);
    assert_string_equal(kpi_target_text(t), "a \"quoted\", text");
    kpi_target *u = find_target(plan, "u");
    assert_string_equal(kpi_target_label(u), "plain");
    assert_string_equal(kpi_target_unit(u), "");
    assert_true(kpi_target_value(u) == 30.0);
    assert_int_equal(kpi_plan_total_goal_count(plan), 1);
    assert_int_equal(kpi_plan_total_target_count(plan), 2);
    assert_int_equal(kpi_target_measurement_count(t), 1);
    assert_string_equal(kpi_measurement_note(kpi_target_measurement_at(t, 0)),
                        "note\r\nwith break");
    assert_int_equal(kpi_target_assessment_count(u), 1);
    assert_int_equal(kpi_assessment_rating(kpi_target_assessment_at(u, 0)),
                     KPI_RATING_ON_TRACK);
    assert_string_equal(kpi_assessment_comment(kpi_target_assessment_at(u, 0)), "a, b");
    /* And it writes and reads back without loss. */
    assert_round_trip(plan, KPI_WRITE_CRLF);
    kpi_plan_free(plan);
    kpi_reader_free(reader);
}

/* Errors on rows after a multi-line quoted field name the physical line:
 * in the fixture, lines 4-5 are one field and the error is on line 7. */
static void csv_line_after_multiline_field(void **state)
{
    (void)state;
    kpi_reader *reader = new_reader();
    kpi_plan *plan = SENTINEL_PLAN;
    const char *path = FIXTURE("multiline-error.csv");
    assert_int_equal(kpi_reader_read_files(&plan, reader, path, NULL), KPI_ERR_VALUE);
    assert_null(plan);
    assert_string_equal(kpi_error_source(), path);
    assert_int_equal(kpi_error_line(), 7);
    assert_int_equal(kpi_error_column(), 5);
    assert_contains(kpi_error_message(), FIXTURE("multiline-error.csv") ":7:");
    assert_contains(kpi_error_message(), "column \"value\"");
    assert_contains(kpi_error_message(), "\"abc\"");
    kpi_reader_free(reader);

    /* In memory, LF and CRLF: a field of three lines in the middle of a
     * row (with an empty line inside), then a blank line, a field of two
     * lines, then the error. */
#define MULTILINE_ROWS                                                                   \
    "type,code,parent,title,value,unit\n"                          /* 1 */               \
    "plan,p,,P\n"                                                  /* 2 */               \
    "goal,g,,\"a\n"                                                /* 3 */               \
    "\n"                                                           /* 4 */               \
    "b\",,回\n"                                                    /* 5 */               \
    "\n"                                                           /* 6 */               \
    "target,t,g,\"x,\n"                                            /* 7 */               \
    "\"\"y\"\"\",1\n"                                              /* 8 */
    static const char lf[] = MULTILINE_ROWS "target,u,g,U,oops\n"; /* 9 */
    structure_error(lf, (expected){KPI_ERR_VALUE, NULL, 9, "value", 5, "\"oops\""});
    char *crlf = to_crlf(lf);
    structure_error(crlf, (expected){KPI_ERR_VALUE, NULL, 9, "value", 5, "\"oops\""});
    free(crlf);

    /* The same in the progress file. */
    static const char progress[] = P_HEADER          /* 1 */
        "t,2017-09-30,1,,\"first\nsecond\nthird\"\n" /* 2-4 */
        "t,2017-09-30,2,,\"one\r\ntwo\"\n"           /* 5-6 */
        "zz,2017-09-30,3\n";                         /* 7 */
    progress_error(progress, (expected){KPI_ERR_NOT_FOUND, NULL, 7, "code", 1, "\"zz\""});

    /* The multi-line texts themselves came through. */
    plan = read_ok(MULTILINE_ROWS, NULL);
    assert_string_equal(kpi_goal_title(find_goal(plan, "g")), "a\n\nb");
    assert_string_equal(kpi_target_label(find_target(plan, "t")), "x,\n\"y\"");
    kpi_plan_free(plan);
#undef MULTILINE_ROWS
}

/* Blank lines and rows of empty cells (",,,,") are skipped, and the lines
 * after them are still counted right, with LF and with CRLF. */
static void csv_blank_rows_skipped(void **state)
{
    (void)state;
    static const char lf[] = S_HEADER /* 1 */
        "plan,p,,Plan\n"              /* 2 */
        "\n"                          /* 3 */
        ",,,,\n"                      /* 4 */
        "goal,g,,Goal\n"              /* 5 */
        ",,,,,,,,,,,,\n"              /* 6 */
        "\n"                          /* 7 */
        "\"\",\"\",,\n"               /* 8 */
        "target,t,g,T,,,,１０\n"      /* 9 */
        "\n";                         /* 10 */
    kpi_plan *plan = read_ok(lf, NULL);
    assert_int_equal(kpi_plan_total_goal_count(plan), 1);
    assert_int_equal(kpi_plan_total_target_count(plan), 1);
    assert_true(kpi_target_value(find_target(plan, "t")) == 10.0);
    kpi_plan_free(plan);

    static const char bad[] =
        S_HEADER "plan,p,,Plan\n\n,,,,\ngoal,g,,Goal\n,,,,,,,,,,,,\n\n"
                 "\"\",\"\",,\n"
                 "target,t,g,T,,,,ten\n";
    structure_error(bad, (expected){KPI_ERR_VALUE, NULL, 9, "value", 8, "\"ten\""});
    char *crlf = to_crlf(bad);
    structure_error(crlf, (expected){KPI_ERR_VALUE, NULL, 9, "value", 8, "\"ten\""});
    free(crlf);

    /* Blank lines before the header: the header is the first non-blank row. */
    plan = read_ok("\n,,,\n" S_HEADER "plan,p,,Plan\n", "\n" P_HEADER "\n");
    assert_string_equal(kpi_plan_id(plan), "p");
    kpi_plan_free(plan);
    structure_error("\n\n" S_HEADER "plan,p,,Plan\ngoal,g,zz,G\n",
                    (expected){KPI_ERR_NOT_FOUND, NULL, 5, "parent", 3, "\"zz\""});
}

/* Text after a closing quote (a,"b"c) or a quote inside an unquoted field
 * is KPI_ERR_PARSE at its line. */
static void csv_malformed_quote(void **state)
{
    (void)state;
    structure_error(S_BASE "goal,h,,\"b\"c\n",
                    (expected){KPI_ERR_PARSE, NULL, 6, NULL, -1, "quot"});
    structure_error(S_BASE "goal,h,,a\"b\"\n",
                    (expected){KPI_ERR_PARSE, NULL, 6, NULL, -1, "quot"});
    /* After a multi-line quoted field, the line is still right. */
    structure_error(S_BASE "goal,h,,\"two\nlines\"\ngoal,i,,\"x\"y\n",
                    (expected){KPI_ERR_PARSE, NULL, 8, NULL, -1, "quot"});
    progress_error(P_BASE "t,2017-09-30,1,,\"ok\"\"\" trailing\n",
                   (expected){KPI_ERR_PARSE, NULL, 3, NULL, -1, "quot"});
}

/* A quote never closed is KPI_ERR_PARSE at the line where it opened. */
static void csv_unclosed_quote(void **state)
{
    (void)state;
    structure_error(S_BASE "goal,h,,\"never closed\ngoal,i,,I\ngoal,j,,J\n",
                    (expected){KPI_ERR_PARSE, NULL, 6, NULL, -1, "quot"});
    /* In the first field of a row, and without a final line feed. */
    structure_error(S_BASE "\"goal,h,,H\ngoal,i,,I",
                    (expected){KPI_ERR_PARSE, NULL, 6, NULL, -1, "quot"});
    progress_error(P_BASE "\nt,2017-09-30,1,,\"open\n\n",
                   (expected){KPI_ERR_PARSE, NULL, 4, NULL, -1, "quot"});
}

/* The large texts of the limit tests, freed by free_big_text() even when a
 * check fails. */
static text big_text;

static int free_big_text(void **state)
{
    (void)state;
    text_free(&big_text);
    return 0;
}

/* A field longer than KPI_MAX_FIELD bytes is KPI_ERR_LIMIT at its line; a
 * field of exactly KPI_MAX_FIELD bytes is read. */
static void csv_field_limit(void **state)
{
    (void)state;
    text *s = &big_text;
    /* Twice the limit: refused at the field's line. */
    text_add(s, S_BASE "goal,h,,");
    text_add_repeat(s, 'z', (size_t)KPI_MAX_FIELD * 2);
    text_add(s, "\ngoal,i,,I\n");
    structure_error(s->data, (expected){KPI_ERR_LIMIT, NULL, 6, NULL, -1, NULL});
    text_free(s);

    /* Exactly at the limit: accepted, every byte kept. */
    text_add(s, S_BASE "goal,h,,");
    text_add_repeat(s, 'x', KPI_MAX_FIELD);
    text_add(s, "\n");
    kpi_plan *plan = read_ok(s->data, NULL);
    size_t length = strlen(kpi_goal_title(find_goal(plan, "h")));
    kpi_plan_free(plan);
    assert_int_equal(length, KPI_MAX_FIELD);
    text_free(s);

    /* One byte more: refused. */
    text_add(s, S_BASE "goal,h,,");
    text_add_repeat(s, 'x', (size_t)KPI_MAX_FIELD + 1);
    text_add(s, "\n");
    structure_error(s->data, (expected){KPI_ERR_LIMIT, NULL, 6, NULL, -1, NULL});
}

/* A quoted field over the limit that spans lines is reported at the line
 * the field (and its row) starts on, as every other error in a row is. */
static void csv_field_limit_multiline(void **state)
{
    (void)state;
    text *s = &big_text;
    text_add(s, S_BASE "goal,h,,\"");
    for (int i = 0; i < 4; i++) {
        text_add_repeat(s, 'y', KPI_MAX_FIELD / 2);
        text_add(s, "\n");
    }
    text_add(s, "\"\n");
    structure_error(s->data, (expected){KPI_ERR_LIMIT, NULL, 6, NULL, -1, NULL});
}

/* ---- Main ---------------------------------------------------------------- */

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(csv_crlf_quoting_fixture),
        cmocka_unit_test(csv_line_after_multiline_field),
        cmocka_unit_test(csv_blank_rows_skipped),
        cmocka_unit_test(csv_malformed_quote),
        cmocka_unit_test(csv_unclosed_quote),
        cmocka_unit_test_teardown(csv_field_limit, free_big_text),
        cmocka_unit_test_teardown(csv_field_limit_multiline, free_big_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
