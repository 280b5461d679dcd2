#define _POSIX_C_SOURCE 200809L /* mkstemp */

/* The workbook report (KPI_FORMAT_XLSX), read back part by part as XML
 * (tests/xlsx_support.h).
 *
 * - The 調書 sheet: its name in each language, goals and initiatives as
 *   merged ranges over their targets' rows, the levels' symbols in their
 *   colours, the legend and the directives, the print setup (A4
 *   landscape, fitted to the page's width, the heading repeated).
 * - The table sheet: the CSV report's columns, a figure as a number cell,
 *   a date as a day number in a date style, a share in a percent style,
 *   the reason line, the person's rating beside the computed one.
 * - The properties (docProps/core.xml, custom.xml).
 * - No formula anywhere, even for a title that reads as one; texts that
 *   need care (control characters, Excel's own escapes) survive.
 * - Errors: size NULL, a text past a cell's 32,767 UTF-16 units (counted
 *   as Excel counts them, not in characters), named by its object's code.
 * - kpi_evaluation_write() gives the same bytes; a scale other than the
 *   default shows its own levels.
 *
 * Run from the repository root (ctest does), where the fixtures are. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <ctype.h>
#include <setjmp.h>
#include <cmocka.h>

#include <kpi.h>

#include "render_support.h"
#include "seed.h"
#include "xlsx_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define AS_OF 20170930
#define SHEET1 "xl/worksheets/sheet1.xml"
#define SHEET2 "xl/worksheets/sheet2.xml"

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

/* A rendered workbook and the parts the tests read. */
struct book {
    char *bytes;
    size_t size;
    char *workbook, *strings, *chosho, *table, *styles;
};

static struct book render(const kpi_evaluation *ev, kpi_lang lang)
{
    struct book b = {0};
    assert_int_equal(kpi_evaluation_render(&b.bytes, &b.size, ev, KPI_FORMAT_XLSX, lang),
                     KPI_OK);
    assert_true(b.size > 4 && memcmp(b.bytes, "PK\x03\x04", 4) == 0);
    b.workbook = xlsx_part(b.bytes, b.size, "xl/workbook.xml");
    b.strings = xlsx_part(b.bytes, b.size, "xl/sharedStrings.xml");
    b.chosho = xlsx_part(b.bytes, b.size, SHEET1);
    b.table = xlsx_part(b.bytes, b.size, SHEET2);
    b.styles = xlsx_part(b.bytes, b.size, "xl/styles.xml");
    assert_non_null(b.workbook);
    assert_non_null(b.strings);
    assert_non_null(b.chosho);
    assert_non_null(b.table);
    assert_non_null(b.styles);
    return b;
}

static void book_free(struct book *b)
{
    kpi_free(b->bytes);
    free(b->workbook);
    free(b->strings);
    free(b->chosho);
    free(b->table);
    free(b->styles);
}

/* The index of text among the shared strings (each <si><t>text</t></si>,
 * text as libxlsxwriter escapes it: only &, < and >), or -1. */
static long string_index(const char *strings, const char *text)
{
    long index = 0;
    for (const char *si = strstr(strings, "<si>"); si; si = strstr(si + 1, "<si>")) {
        const char *t = strchr(strstr(si, "<t"), '>') + 1;
        const char *end = strstr(t, "</t>");
        if ((size_t)(end - t) == strlen(text) && strncmp(t, text, strlen(text)) == 0)
            return index;
        index++;
    }
    return -1;
}

/* The <c> element of cell ref ("B12") in a sheet, copied; NULL when the
 * sheet has none. */
static char *cell_of(const char *sheet, const char *ref)
{
    char key[32];
    snprintf(key, sizeof key, "<c r=\"%s\"", ref);
    const char *c = strstr(sheet, key);
    if (!c)
        return NULL;
    const char *close = strchr(c, '>');
    const char *end = close[-1] == '/' ? close + 1 : strstr(c, "</c>") + 4;
    char *copy = malloc((size_t)(end - c) + 1);
    memcpy(copy, c, (size_t)(end - c));
    copy[end - c] = '\0';
    return copy;
}

/* Column letters of a 0-based column. */
static void column_letters(char *out, int col)
{
    if (col < 26)
        snprintf(out, 4, "%c", 'A' + col);
    else
        snprintf(out, 4, "%c%c", 'A' + col / 26 - 1, 'A' + col % 26);
}

/* The table's row (1-based, as Excel numbers them) of the result code. */
static int table_row(const struct book *b, const char *code)
{
    long index = string_index(b->strings, code);
    assert_true(index >= 0);
    char value[32];
    snprintf(value, sizeof value, " t=\"s\"><v>%ld</v></c>", index);
    for (int row = 2; row < 1000; row++) {
        char ref[16];
        snprintf(ref, sizeof ref, "B%d", row);
        char *cell = cell_of(b->table, ref);
        int found = cell && strstr(cell, value);
        free(cell);
        if (found)
            return row;
    }
    fail_msg("no row of %s in the table", code);
    return 0;
}

/* The table's cell of a result and a column, copied. */
static char *table_cell(const struct book *b, const char *code, kpi_column column)
{
    char ref[16], letters[4];
    column_letters(letters, (int)column);
    snprintf(ref, sizeof ref, "%s%d", letters, table_row(b, code));
    char *cell = cell_of(b->table, ref);
    if (!cell)
        fail_msg("no cell %s", ref);
    return cell;
}

/* The shared string a cell holds; fails unless it is a string cell. */
static void assert_string_cell(const struct book *b, const char *cell, const char *text)
{
    long index = string_index(b->strings, text);
    if (index < 0)
        fail_msg("\"%s\" is no shared string", text);
    char value[48];
    snprintf(value, sizeof value, " t=\"s\"><v>%ld</v></c>", index);
    if (!strstr(cell, value))
        fail_msg("%s does not hold \"%s\"", cell, text);
}

/* The number format id of a cell's style (cellXfs entry s). */
static int number_format_of(const struct book *b, const char *cell)
{
    const char *s = strstr(cell, " s=\"");
    assert_non_null(s);
    int style = atoi(s + 4);
    const char *xf = strstr(strstr(b->styles, "<cellXfs"), "<xf ");
    for (int i = 0; i < style; i++)
        xf = strstr(xf + 1, "<xf ");
    return atoi(strstr(xf, "numFmtId=\"") + 10);
}

/* The seed as of 2017-09-30. */
static kpi_evaluation *seed(void)
{
    kpi_evaluation *ev = seed_evaluation(AS_OF);
    assert_non_null(ev);
    return ev;
}

/* ------------------------------------------------------------------------ */
/* The 調書                                                                 */
/* ------------------------------------------------------------------------ */

static void test_sheets_and_print(void **state)
{
    (void)state;
    kpi_evaluation *ev = seed();
    struct book b = render(ev, KPI_LANG_JA);
    assert_before(b.workbook, "name=\"調書\"", "name=\"一覧\"");
    /* The heading (row 4) repeats on every printed page. */
    assert_contains(b.workbook, "name=\"_xlnm.Print_Titles\"");
    assert_contains(b.workbook, "'調書'!$4:$4</definedName>");
    assert_contains(b.chosho, "<pageSetUpPr fitToPage=\"1\"/>");
    assert_contains(b.chosho, "paperSize=\"9\"");
    assert_contains(b.chosho, "orientation=\"landscape\"");
    assert_contains(b.chosho, "fitToHeight=\"0\"");
    assert_lacks(b.chosho, "fitToWidth=\"0\""); /* 1, the default, is left out */
    book_free(&b);
    kpi_evaluation_free(ev);
}

/* Goal 1 over its eleven targets (rows 5 to 15), initiative 1-1 over its
 * three, 1-3 over its one (not merged: a single cell). */
static void test_merged_goals(void **state)
{
    (void)state;
    kpi_evaluation *ev = seed();
    struct book b = render(ev, KPI_LANG_JA);
    assert_contains(b.chosho, "<mergeCell ref=\"A5:A15\"/>");
    assert_contains(b.chosho, "<mergeCell ref=\"B5:B7\"/>");
    assert_contains(b.chosho, "<mergeCell ref=\"B8:B11\"/>");
    assert_lacks(b.chosho, "<mergeCell ref=\"B12:B12\"/>");
    char *goal = cell_of(b.chosho, "A5");
    assert_non_null(goal);
    long index = string_index(
        b.strings, "1 第二次総合計画と上田市版総合戦略に基づく施策の着実な推進\n"
                   "進捗度：△ 未進捗の部分あり");
    assert_true(index >= 0);
    free(goal);
    /* 3-2-a's row: its wording, what was reported and its reason, its symbol. */
    assert_contains(b.strings, "＊物件登録件数30件以上");
    assert_contains(b.strings, "32件 / 目標30件以上 (107%), 期待値15.0 (経過50%) → ◎");
    book_free(&b);
    kpi_evaluation_free(ev);
}

static void test_symbols_legend_directives(void **state)
{
    (void)state;
    kpi_evaluation *ev = seed();
    struct book b = render(ev, KPI_LANG_JA);
    assert_true(string_index(b.strings, "◎") >= 0);
    assert_true(string_index(b.strings, "○") >= 0);
    assert_true(string_index(b.strings, "△") >= 0);
    assert_true(string_index(b.strings, "―") >= 0);
    assert_true(string_index(b.strings, "※ 評価基準") >= 0);
    assert_true(string_index(b.strings, "◎：目標を上回る進捗") >= 0);
    assert_true(string_index(b.strings, "×：全て目標未進捗") >= 0);
    assert_true(string_index(b.strings, "市長指示事項") >= 0);
    assert_true(string_index(b.strings, "長野大学とは積極的に連携を図ること。") >= 0);
    /* The HTML report's colours: ◎ green, ○ blue, △ amber, × red, grey;
     * and every colour of the stylesheet's :root (ink, lines, fills), which
     * the workbook reads from it. */
    const char *colours[] = {"FF1E7B3C", "FF1F5FAE", "FFB86E00", "FFC23A2E", "FF8B919B"};
    for (size_t i = 0; i < 5; i++)
        assert_contains(b.styles, colours[i]);
    FILE *css = fopen("lib/report/report.css", "rb");
    assert_non_null(css);
    char sheet[8192];
    size_t n = fread(sheet, 1, sizeof sheet - 1, css);
    fclose(css);
    sheet[n] = '\0';
    int found = 0;
    char *root = strstr(sheet, ":root{");
    assert_non_null(root);
    *strchr(root, '}') = '\0'; /* its block alone */
    for (const char *p = root; (p = strstr(p, ":#")) != NULL; p += 2) {
        char argb[9] = "FF";
        for (int i = 0; i < 6; i++)
            argb[2 + i] = (char)toupper((unsigned char)p[2 + i]);
        assert_contains(b.styles, argb);
        found++;
    }
    assert_int_equal(found, 10);
    book_free(&b);
    kpi_evaluation_free(ev);
}

/* ------------------------------------------------------------------------ */
/* The table                                                                */
/* ------------------------------------------------------------------------ */

static void test_table_typed_cells(void **state)
{
    (void)state;
    kpi_evaluation *ev = seed();
    struct book b = render(ev, KPI_LANG_JA);
    /* The heading is the CSV report's. */
    char *head = cell_of(b.table, "R1");
    assert_string_cell(&b, head, "actual");
    free(head);
    /* 32件 as a number, not a text. */
    char *actual = table_cell(&b, "3-2-a", KPI_COLUMN_ACTUAL);
    assert_non_null(strstr(actual, "<v>32</v>"));
    assert_null(strstr(actual, "t=\""));
    free(actual);
    /* Due 2018-03-31: Excel's day 43190, in the date style. */
    char *due = table_cell(&b, "3-2-a", KPI_COLUMN_DUE);
    assert_non_null(strstr(due, "<v>43190</v>"));
    int format = number_format_of(&b, due);
    char code[64];
    snprintf(code, sizeof code, "<numFmt numFmtId=\"%d\" formatCode=\"yyyy-mm-dd\"/>",
             format);
    assert_contains(b.styles, code);
    free(due);
    /* 達成率 32 / 30 as a fraction in Excel's built-in 0% (9). */
    char *achievement = table_cell(&b, "3-2-a", KPI_COLUMN_ACHIEVEMENT);
    assert_non_null(strstr(achievement, "<v>1.066"));
    assert_int_equal(number_format_of(&b, achievement), 9);
    free(achievement);
    /* The reason line, and a goal's counts as numbers. */
    char *reason = table_cell(&b, "3-2-a", KPI_COLUMN_REASON);
    assert_string_cell(&b, reason,
                       "32件 / 目標30件以上 (107%), 期待値15.0 (経過50%) → ◎");
    free(reason);
    char *kind = table_cell(&b, "3-2", KPI_COLUMN_KIND);
    assert_string_cell(&b, kind, "goal");
    free(kind);
    book_free(&b);
    kpi_evaluation_free(ev);
}

/* A person rated 1-2-a × where the rules give more: the rating column says
 * ×, the computed one beside it the rules' symbol, assessed is TRUE. */
static void test_assessed_beside_computed(void **state)
{
    (void)state;
    kpi_plan *plan = progress_plan();
    assert_non_null(plan);
    assert_non_null(kpi_target_add_assessment(kpi_plan_find_target(plan, "1-2-a"), AS_OF,
                                              KPI_RATING_NOT_PROGRESSED, NULL));
    kpi_evaluation *ev = progress_evaluate(plan);
    const kpi_result *r = kpi_evaluation_find(ev, "1-2-a");
    assert_true(kpi_result_mismatch(r));
    struct book b = render(ev, KPI_LANG_JA);
    char *rating = table_cell(&b, "1-2-a", KPI_COLUMN_RATING);
    char *computed = table_cell(&b, "1-2-a", KPI_COLUMN_COMPUTED_RATING);
    char *assessed = table_cell(&b, "1-2-a", KPI_COLUMN_ASSESSED);
    assert_string_cell(&b, rating, "×");
    assert_string_cell(&b, computed, kpi_rating_symbol(kpi_result_computed_rating(r)));
    assert_non_null(strstr(assessed, "t=\"b\"><v>1</v>"));
    /* The 調書 says so under the wording. */
    char tag[128];
    snprintf(tag, sizeof tag, "[担当者評価・計算値 %s]",
             kpi_rating_symbol(kpi_result_computed_rating(r)));
    assert_contains(b.strings, tag);
    free(rating);
    free(computed);
    free(assessed);
    book_free(&b);
    kpi_evaluation_free(ev);
}

/* The synthetic plan's progress: updates, the cancelled target, the
 * overdue directive. */
static void test_progress(void **state)
{
    (void)state;
    kpi_evaluation *ev = progress_evaluation();
    struct book b = render(ev, KPI_LANG_JA);
    assert_contains(b.strings, TEXT_SCHEDULED);
    assert_contains(b.strings, TEXT_D2);
    assert_contains(b.strings, "中止した目標");
    assert_contains(b.strings, "【期限超過】");
    /* The update's planned date in the table is a date. */
    char *planned = table_cell(&b, "1-1-a", KPI_COLUMN_UPDATE_PLANNED);
    assert_non_null(strstr(planned, "<v>43039</v>")); /* 2017-10-31 */
    free(planned);
    book_free(&b);
    kpi_evaluation_free(ev);
}

/* ------------------------------------------------------------------------ */
/* No formula; texts that need care                                         */
/* ------------------------------------------------------------------------ */

#define FORMULA "=HYPERLINK(\"http://x\",\"y\")"

static void test_no_formula(void **state)
{
    (void)state;
    kpi_plan *plan = progress_plan();
    kpi_goal *goal = kpi_plan_find_goal(plan, "1-2");
    assert_non_null(kpi_goal_add_target(goal, "1-2-z", FORMULA));
    assert_non_null(kpi_goal_add_target(goal, "1-2-y", "tab\there\x01 _x0041_ end"));
    kpi_evaluation *ev = progress_evaluate(plan);
    struct book b = render(ev, KPI_LANG_JA);
    char *title = table_cell(&b, "1-2-z", KPI_COLUMN_TITLE);
    assert_string_cell(&b, title, FORMULA);
    free(title);
    for (const char *const *sheet = (const char *const[]){b.chosho, b.table, NULL};
         *sheet; sheet++) {
        assert_lacks(*sheet, "<f>");
        assert_lacks(*sheet, "<f ");
    }
    assert_contains(b.strings, "tab\there_x0001_ _x005F_x0041_ end");
    book_free(&b);
    kpi_evaluation_free(ev);
}

/* ------------------------------------------------------------------------ */
/* Errors                                                                   */
/* ------------------------------------------------------------------------ */

static void test_size_null(void **state)
{
    (void)state;
    kpi_evaluation *ev = progress_evaluation();
    char *out = (char *)1;
    assert_int_equal(kpi_evaluation_render(&out, NULL, ev, KPI_FORMAT_XLSX, KPI_LANG_JA),
                     KPI_ERR_ARGUMENT);
    assert_null(out);
    kpi_evaluation_free(ev);
}

/* A title of n copies of the UTF-8 character c. */
static char *repeated(const char *c, size_t n)
{
    size_t len = strlen(c);
    char *text = malloc(n * len + 1);
    for (size_t i = 0; i < n; i++)
        memcpy(text + i * len, c, len);
    text[n * len] = '\0';
    return text;
}

static void assert_too_long(const char *c, size_t n)
{
    kpi_plan *plan = progress_plan();
    char *title = repeated(c, n);
    assert_non_null(
        kpi_goal_add_target(kpi_plan_find_goal(plan, "1-2"), "1-2-long", title));
    free(title);
    kpi_evaluation *ev = progress_evaluate(plan);
    char *out = NULL;
    size_t size = 0;
    assert_int_equal(kpi_evaluation_render(&out, &size, ev, KPI_FORMAT_XLSX, KPI_LANG_JA),
                     KPI_ERR_LIMIT);
    assert_null(out);
    assert_contains(kpi_error_message(), "target \"1-2-long\": title");
    assert_contains(kpi_error_message(), "32767");
    kpi_evaluation_free(ev);
}

/* 32,768 あ; and 16,384 characters past U+FFFF, 32,768 UTF-16 units,
 * which libxlsxwriter (counting characters) would let through. */
static void test_too_long(void **state)
{
    (void)state;
    assert_too_long("あ", 32768);
    assert_too_long("\xF0\x9F\x98\x80", 16384); /* U+1F600 */
}

/* ------------------------------------------------------------------------ */
/* Writing, English, another scale, the properties                          */
/* ------------------------------------------------------------------------ */

static void test_write_same_bytes(void **state)
{
    (void)state;
    kpi_evaluation *ev = seed();
    struct book b = render(ev, KPI_LANG_JA);
    char path[] = "/tmp/kpi-render-xlsx-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    assert_int_equal(kpi_evaluation_write(ev, path, KPI_FORMAT_XLSX, KPI_LANG_JA),
                     KPI_OK);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *bytes = malloc(b.size + 1);
    size_t n = fread(bytes, 1, b.size + 1, f);
    fclose(f);
    remove(path);
    assert_int_equal(n, b.size); /* dated by the as-of date: the same bytes */
    assert_memory_equal(bytes, b.bytes, b.size);
    char *sheet = xlsx_part(bytes, n, SHEET1);
    assert_non_null(sheet);
    free(sheet);
    free(bytes);
    book_free(&b);
    kpi_evaluation_free(ev);
}

static void test_properties(void **state)
{
    (void)state;
    kpi_evaluation *ev = seed();
    struct book b = render(ev, KPI_LANG_JA);
    char *core = xlsx_part(b.bytes, b.size, "docProps/core.xml");
    char *app = xlsx_part(b.bytes, b.size, "docProps/app.xml");
    char *custom = xlsx_part(b.bytes, b.size, "docProps/custom.xml");
    assert_contains(core,
                    "<dc:title>平成29年度 重点目標一覧表（中間報告調書）</dc:title>");
    assert_contains(core, "2017-09-30T00:00:00Z");
    assert_contains(app, "<Company>上田市</Company>");
    assert_contains(app, "<Manager>政策企画部</Manager>");
    assert_contains(custom, "name=\"as_of\"");
    assert_contains(custom, "2017-09-30T00:00:00Z");
    assert_contains(custom, "政策企画部");
    free(core);
    free(app);
    free(custom);
    book_free(&b);
    kpi_evaluation_free(ev);
}

static void test_english(void **state)
{
    (void)state;
    kpi_evaluation *ev = seed();
    struct book b = render(ev, KPI_LANG_EN);
    assert_before(b.workbook, "name=\"Report\"", "name=\"Targets\"");
    assert_contains(b.workbook, "Report!$4:$4</definedName>");
    assert_true(string_index(b.strings, "Goal") >= 0);
    assert_true(string_index(b.strings, "Initiatives") >= 0);
    assert_true(string_index(b.strings, "* Rating scale") >= 0);
    assert_true(string_index(b.strings, "Directives") >= 0);
    assert_contains(b.strings, "32 件 / target 30 件 or more (107%)");
    assert_true(string_index(b.strings, "重点目標") < 0); /* the heading */
    assert_lacks(b.workbook, "調書");
    book_free(&b);
    kpi_evaluation_free(ev);
}

/* あきる野市's scale: its levels in the legend and the symbols, the level
 * columns in the table. */
static void test_other_scale(void **state)
{
    (void)state;
    kpi_plan *plan = seed_plan();
    assert_non_null(plan);
    kpi_evaluation *ev = evaluation_on_scale(plan, "akiruno", AS_OF);
    kpi_plan_free(plan);
    assert_non_null(ev);
    struct book b = render(ev, KPI_LANG_JA);
    assert_true(string_index(b.strings, "F：事業完了") >= 0);
    assert_true(string_index(b.strings, "Z：評価困難") >= 0);
    assert_true(string_index(b.strings, "level") >= 0);
    assert_true(string_index(b.strings, "level_name") >= 0);
    const kpi_result *r = kpi_evaluation_find(ev, "3-2-a");
    char *level = table_cell(&b, "3-2-a", KPI_COLUMN_LEVEL);
    assert_string_cell(
        &b, level,
        kpi_scale_level_symbol(kpi_evaluation_scale(ev), (size_t)kpi_result_level(r)));
    free(level);
    book_free(&b);
    kpi_evaluation_free(ev);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sheets_and_print),
        cmocka_unit_test(test_merged_goals),
        cmocka_unit_test(test_symbols_legend_directives),
        cmocka_unit_test(test_table_typed_cells),
        cmocka_unit_test(test_assessed_beside_computed),
        cmocka_unit_test(test_progress),
        cmocka_unit_test(test_no_formula),
        cmocka_unit_test(test_size_null),
        cmocka_unit_test(test_too_long),
        cmocka_unit_test(test_write_same_bytes),
        cmocka_unit_test(test_properties),
        cmocka_unit_test(test_english),
        cmocka_unit_test(test_other_scale),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
