/* Plan workbooks written (kpi/xlsx.h: kpi_plan_write_xlsx(),
 * kpi_plan_render_xlsx()): the two sheets with the files' header rows,
 * texts as strings (never formulas), figures as numbers unless a number
 * cell would change them, dates as Excel dates unless before March 1900,
 * drop-down lists and date checks, Excel's limits as errors, the argument
 * and file errors; and the workbook read back gives the plan files the
 * CSV writer writes, byte for byte. */
#define _POSIX_C_SOURCE 200809L /* setenv */

#include "seed.h"
#include "tmpdir.h"
#include "xlsx_support.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

/* The plan's workbook as bytes (the caller frees with kpi_free). */
static char *workbook_of(const kpi_plan *plan, size_t *size)
{
    char *bytes = NULL;
    assert_int_equal(kpi_plan_render_xlsx(&bytes, size, plan), KPI_OK);
    assert_non_null(bytes);
    return bytes;
}

/* One part of the plan's workbook as text (free()). */
static char *part_of(const kpi_plan *plan, const char *name)
{
    size_t size = 0;
    char *bytes = workbook_of(plan, &size);
    char *text = xlsx_part(bytes, size, name);
    kpi_free(bytes);
    assert_non_null(text);
    return text;
}

/* A small plan: one goal, one target with title and start set. */
static kpi_plan *small_plan(const char *title)
{
    kpi_plan *plan = NULL;
    assert_int_equal(kpi_plan_new(&plan, "p"), KPI_OK);
    kpi_goal *g = kpi_plan_add_goal(plan, "1", "目標");
    assert_non_null(g);
    kpi_target *t = kpi_goal_add_target(g, "1-a", title);
    assert_non_null(t);
    return plan;
}

static void test_sheets_and_headers(void **state)
{
    (void)state;
    kpi_plan *plan = seed_plan();
    assert_non_null(plan);
    char *book = part_of(plan, "xl/workbook.xml");
    assert_non_null(strstr(book, "name=\"計画\""));
    assert_non_null(strstr(book, "name=\"進捗\""));
    free(book);
    char *strings = part_of(plan, "xl/sharedStrings.xml");
    /* the header names and the city's texts, verbatim */
    assert_non_null(strstr(strings, "<t>report_date</t>"));
    assert_non_null(strstr(strings, "<t>planned</t>"));
    assert_non_null(strstr(strings, "平成29年度 重点目標一覧表（中間報告調書）"));
    free(strings);
    kpi_plan_free(plan);
}

/* Dates are numbers in a yyyy-mm-dd style; the plan's start 2017-04-01
 * is Excel's day 42826. */
static void test_dates_are_excel_dates(void **state)
{
    (void)state;
    kpi_plan *plan = seed_plan();
    assert_non_null(plan);
    char *sheet = part_of(plan, "xl/worksheets/sheet1.xml");
    assert_non_null(strstr(sheet, "<v>42826</v>"));
    free(sheet);
    char *styles = part_of(plan, "xl/styles.xml");
    assert_non_null(strstr(styles, "formatCode=\"yyyy-mm-dd\""));
    free(styles);
    kpi_plan_free(plan);
}

/* A date before March 1900 has no Excel serial that reads back: text. */
static void test_early_date_is_text(void **state)
{
    (void)state;
    kpi_plan *plan = small_plan("t");
    assert_int_equal(kpi_target_set_start(kpi_plan_find_target(plan, "1-a"), 18991231),
                     KPI_OK);
    char *strings = part_of(plan, "xl/sharedStrings.xml");
    assert_non_null(strstr(strings, "<t>1899-12-31</t>"));
    free(strings);
    kpi_plan_free(plan);
}

/* 0.1 + 0.2 needs 17 digits; libxlsxwriter prints 16: kept as its text.
 * 30 is a number cell. */
static void test_numbers_exact(void **state)
{
    (void)state;
    kpi_plan *plan = small_plan("t");
    kpi_target *t = kpi_plan_find_target(plan, "1-a");
    volatile double a = 0.1, b = 0.2;
    assert_int_equal(kpi_target_set_value(t, a + b), KPI_OK);
    assert_int_equal(kpi_target_set_start_value(t, 30), KPI_OK);
    char *strings = part_of(plan, "xl/sharedStrings.xml");
    assert_non_null(strstr(strings, "<t>0.30000000000000004</t>"));
    free(strings);
    char *sheet = part_of(plan, "xl/worksheets/sheet1.xml");
    assert_non_null(strstr(sheet, "<v>30</v>"));
    free(sheet);
    kpi_plan_free(plan);
}

/* A title that is a formula stays a string: no cell of any sheet has one. */
static void test_text_is_never_a_formula(void **state)
{
    (void)state;
    kpi_plan *plan = small_plan("=HYPERLINK(\"http://x\",\"y\")");
    size_t size = 0;
    char *bytes = workbook_of(plan, &size);
    for (int i = 1; i <= 2; i++) {
        char name[64];
        snprintf(name, sizeof name, "xl/worksheets/sheet%d.xml", i);
        char *sheet = xlsx_part(bytes, size, name);
        assert_non_null(sheet);
        assert_null(strstr(sheet, "<f>"));
        assert_null(strstr(sheet, "<f "));
        free(sheet);
    }
    char *strings = xlsx_part(bytes, size, "xl/sharedStrings.xml");
    assert_non_null(strstr(strings, "<t>=HYPERLINK(\"http://x\",\"y\")</t>"));
    free(strings);
    kpi_free(bytes);
    kpi_plan_free(plan);
}

/* Drop-down lists of the words the writer writes, and date checks. */
static void test_lists_and_date_checks(void **state)
{
    (void)state;
    kpi_plan *plan = seed_plan();
    assert_non_null(plan);
    char *sheet = part_of(plan, "xl/worksheets/sheet1.xml");
    assert_non_null(
        strstr(sheet, "<formula1>\"numeric,milestone,qualitative\"</formula1>"));
    assert_non_null(strstr(sheet, "<formula1>\"increase,decrease\"</formula1>"));
    assert_non_null(strstr(sheet, "<formula1>\"linear,step,level\"</formula1>"));
    assert_non_null(strstr(sheet, "type=\"date\""));
    assert_non_null(strstr(sheet, "errorStyle=\"warning\""));
    free(sheet);
    sheet = part_of(plan, "xl/worksheets/sheet2.xml");
    assert_non_null(strstr(sheet, "<formula1>\"◎,○,△,×\"</formula1>"));
    assert_non_null(strstr(sheet, "in_progress"));
    free(sheet);
    kpi_plan_free(plan);
}

/* A plan on a scale offers that scale's levels in the rating column. */
static void test_rating_list_of_the_plans_scale(void **state)
{
    (void)state;
    kpi_plan *plan = small_plan("t");
    kpi_scale *scale = NULL;
    assert_int_equal(kpi_scale_builtin(&scale, "manifesto-abcd"), KPI_OK);
    assert_int_equal(kpi_plan_set_scale(plan, scale), KPI_OK);
    kpi_scale_free(scale);
    char *sheet = part_of(plan, "xl/worksheets/sheet2.xml");
    assert_non_null(strstr(sheet, "<formula1>\"A,B,C,D\"</formula1>"));
    free(sheet);
    kpi_plan_free(plan);
}

static void test_properties(void **state)
{
    (void)state;
    kpi_plan *plan = seed_plan();
    assert_non_null(plan);
    char *core = part_of(plan, "docProps/core.xml");
    assert_non_null(
        strstr(core, "<dc:title>平成29年度 重点目標一覧表（中間報告調書）</dc:title>"));
    /* dated by the plan's report date, not the clock: the same bytes */
    assert_non_null(strstr(core, ">2017-09-30T00:00:00Z</dcterms:created>"));
    free(core);
    char *app = part_of(plan, "docProps/app.xml");
    assert_non_null(strstr(app, "<Company>上田市</Company>"));
    assert_non_null(strstr(app, "<Manager>政策企画部</Manager>"));
    free(app);
    char *custom = part_of(plan, "docProps/custom.xml");
    assert_non_null(strstr(custom, "name=\"report_date\""));
    assert_non_null(strstr(custom, "2017-09-30T00:00:00Z"));
    free(custom);
    kpi_plan_free(plan);
}

/* A text longer than a cell holds is refused, naming sheet, cell, column
 * and code; nothing is handed over. */
static void test_text_over_a_cell(void **state)
{
    (void)state;
    size_t n = 40000;
    char *long_text = malloc(n + 1);
    assert_non_null(long_text);
    memset(long_text, 'a', n);
    long_text[n] = '\0';
    kpi_plan *plan = small_plan(long_text);
    free(long_text);
    char *bytes = (char *)"untouched";
    size_t size = 7;
    assert_int_equal(kpi_plan_render_xlsx(&bytes, &size, plan), KPI_ERR_LIMIT);
    assert_null(bytes);
    assert_string_equal(kpi_error_message(),
                        "plan workbook: sheet 計画: D4: \"title\" of 1-a: more than the "
                        "32767 characters a cell holds");
    assert_int_equal(kpi_plan_write_xlsx(plan, "never-written.xlsx"), KPI_ERR_LIMIT);
    assert_int_equal(access("never-written.xlsx", F_OK), -1);
    kpi_plan_free(plan);
}

/* Characters past U+FFFF count two units, as Excel counts them. */
static void test_cell_limit_counts_utf16(void **state)
{
    (void)state;
    /* 16384 emoji: 65536 bytes, 32768 units, one too many */
    size_t count = 16384;
    char *text = malloc(count * 4 + 1);
    assert_non_null(text);
    for (size_t i = 0; i < count; i++)
        memcpy(text + i * 4, "\xF0\x9F\x98\x80", 4);
    text[count * 4] = '\0';
    kpi_plan *plan = small_plan(text);
    char *bytes = NULL;
    size_t size = 0;
    assert_int_equal(kpi_plan_render_xlsx(&bytes, &size, plan), KPI_ERR_LIMIT);
    kpi_plan_free(plan);
    /* one fewer fits */
    memset(text + (count - 1) * 4, '\0', 1);
    plan = small_plan(text);
    assert_int_equal(kpi_plan_render_xlsx(&bytes, &size, plan), KPI_OK);
    kpi_free(bytes);
    kpi_plan_free(plan);
    free(text);
}

static void test_argument_errors(void **state)
{
    (void)state;
    kpi_plan *plan = small_plan("t");
    char *bytes = NULL;
    size_t size = 0;
    assert_int_equal(kpi_plan_render_xlsx(NULL, &size, plan), KPI_ERR_ARGUMENT);
    assert_int_equal(kpi_plan_render_xlsx(&bytes, NULL, plan), KPI_ERR_ARGUMENT);
    assert_int_equal(kpi_plan_render_xlsx(&bytes, &size, NULL), KPI_ERR_ARGUMENT);
    assert_string_equal(kpi_error_message(),
                        "kpi_plan_render_xlsx: plan must not be NULL");
    assert_int_equal(kpi_plan_write_xlsx(NULL, "x.xlsx"), KPI_ERR_ARGUMENT);
    assert_int_equal(kpi_plan_write_xlsx(plan, NULL), KPI_ERR_ARGUMENT);
    kpi_plan_free(plan);
}

/* A file that cannot be written, and a temporary directory that does not
 * exist: KPI_ERR_IO naming each. */
static void test_io_errors(void **state)
{
    (void)state;
    kpi_plan *plan = small_plan("t");
    assert_int_equal(kpi_plan_write_xlsx(plan, "no-such-directory/plan.xlsx"),
                     KPI_ERR_IO);
    assert_non_null(strstr(kpi_error_message(), "no-such-directory/plan.xlsx"));
    char *saved = tmpdir_set("/no-such-directory-for-kpi");
    char *bytes = NULL;
    size_t size = 0;
    assert_int_equal(kpi_plan_render_xlsx(&bytes, &size, plan), KPI_ERR_IO);
    assert_non_null(strstr(kpi_error_message(), "/no-such-directory-for-kpi"));
    assert_null(bytes);
    tmpdir_restore(saved);
    kpi_plan_free(plan);
}

/* CSV bytes of a plan read from files (or from a workbook's bytes). */
static void csv_of(const kpi_plan *plan, char **structure, char **progress)
{
    size_t size;
    assert_int_equal(kpi_plan_write_structure(structure, &size, plan, KPI_WRITE_DEFAULT),
                     KPI_OK);
    assert_int_equal(kpi_plan_write_progress(progress, &size, plan, KPI_WRITE_DEFAULT),
                     KPI_OK);
}

/* CSV → workbook → CSV gives the same bytes, for plans with every kind of
 * cell (the seed; statuses, planned dates, directives and notes; every
 * column of the CSV tests). */
static void test_round_trip(void **state)
{
    (void)state;
    static const char *const files[][2] = {
        {SEED_STRUCTURE, SEED_PROGRESS},
        {"tests/data/csv/progress-structure.csv", "tests/data/csv/progress-progress.csv"},
        {"tests/data/csv/utf8-structure.csv", "tests/data/csv/utf8-progress.csv"},
    };
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        kpi_reader *reader = NULL;
        kpi_plan *plan = NULL, *back = NULL;
        assert_int_equal(kpi_reader_new(&reader), KPI_OK);
        assert_int_equal(kpi_reader_read_files(&plan, reader, files[i][0], files[i][1]),
                         KPI_OK);
        size_t size = 0;
        char *bytes = workbook_of(plan, &size);
        int rc = kpi_reader_read_xlsx_buffer(&back, reader, bytes, size);
        if (rc != KPI_OK)
            fail_msg("%s: %s", files[i][0], kpi_error_message());
        char *s1, *p1, *s2, *p2;
        csv_of(plan, &s1, &p1);
        csv_of(back, &s2, &p2);
        assert_string_equal(s1, s2);
        assert_string_equal(p1, p2);
        kpi_free(s1), kpi_free(p1), kpi_free(s2), kpi_free(p2);
        kpi_free(bytes);
        kpi_plan_free(plan);
        kpi_plan_free(back);
        kpi_reader_free(reader);
    }
}

/* What XML cannot hold as it is (a CR, a control character), blanks at
 * the ends, and a text that looks like Excel's own escape of such a
 * character: written so that they read back as they were. */
static void test_awkward_texts(void **state)
{
    (void)state;
    static const char title[] = " lead\r\nCR\x01 ctl _x000D_ lit\ttab ";
    kpi_plan *plan = small_plan(title);
    char *strings = part_of(plan, "xl/sharedStrings.xml");
    assert_non_null(strstr(strings, "_x005F_x000D_ lit"));
    free(strings);
    size_t size = 0;
    char *bytes = workbook_of(plan, &size);
    kpi_reader *reader = NULL;
    kpi_plan *back = NULL;
    assert_int_equal(kpi_reader_new(&reader), KPI_OK);
    assert_int_equal(kpi_reader_set_infer(reader, 0), KPI_OK);
    assert_int_equal(kpi_reader_read_xlsx_buffer(&back, reader, bytes, size), KPI_OK);
    assert_string_equal(kpi_target_label(kpi_plan_find_target(back, "1-a")), title);
    kpi_plan_free(back);
    kpi_reader_free(reader);
    kpi_free(bytes);
    kpi_plan_free(plan);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sheets_and_headers),
        cmocka_unit_test(test_dates_are_excel_dates),
        cmocka_unit_test(test_early_date_is_text),
        cmocka_unit_test(test_numbers_exact),
        cmocka_unit_test(test_text_is_never_a_formula),
        cmocka_unit_test(test_lists_and_date_checks),
        cmocka_unit_test(test_rating_list_of_the_plans_scale),
        cmocka_unit_test(test_properties),
        cmocka_unit_test(test_text_over_a_cell),
        cmocka_unit_test(test_cell_limit_counts_utf16),
        cmocka_unit_test(test_argument_errors),
        cmocka_unit_test(test_io_errors),
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_awkward_texts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
