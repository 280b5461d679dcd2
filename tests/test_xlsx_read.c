/* Tests of reading plan workbooks (kpi_reader_read_xlsx()): every kind of
 * cell (shared and inline strings, rich text and its readings, numbers,
 * booleans, formulas' cached values, dates of both date systems, date
 * styles against plain numbers, dates typed as text), the seed report as a
 * workbook, a missing progress sheet, the English sheet names, warnings
 * naming sheet and row, and reading from a file.
 *
 * Each workbook is compared with the CSV files it stands for: both are
 * read, the plans written back as CSV, and the texts must be equal, so
 * that a cell read wrongly shows as a difference in the plan. The errors
 * are in test_xlsx_errors.c. */
#define _POSIX_C_SOURCE 200809L /* mkdtemp */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kpi.h"
#include "io/xlsx_read.h"
#include "xlsx_support.h"

#define NS "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
#define SHEET(rows) "<worksheet " NS "><sheetData>" rows "</sheetData></worksheet>"
#define IS(ref, text) "<c r=\"" ref "\" t=\"inlineStr\"><is><t>" text "</t></is></c>"

/* ---- Reading and comparing ---------------------------------------------- */

/* The plan's two CSV texts, joined; the caller frees it. */
static char *csv_of(const kpi_plan *plan)
{
    char *structure, *progress;
    assert_int_equal(kpi_plan_write_structure(&structure, NULL, plan, KPI_WRITE_NO_BOM),
                     KPI_OK);
    assert_int_equal(kpi_plan_write_progress(&progress, NULL, plan, KPI_WRITE_NO_BOM),
                     KPI_OK);
    size_t n = strlen(structure) + strlen(progress) + 8;
    char *both = malloc(n);
    assert_non_null(both);
    snprintf(both, n, "%s----\n%s", structure, progress);
    kpi_free(structure);
    kpi_free(progress);
    return both;
}

/* Reads the workbook (failing the test on an error, with its message). */
static kpi_plan *read_workbook(kpi_reader *reader, const char *bytes, size_t size)
{
    kpi_plan *plan = NULL;
    int rc = kpi_reader_read_xlsx_buffer(&plan, reader, bytes, size);
    if (rc != KPI_OK)
        fail_msg("read_xlsx: %s", kpi_reader_error_message(reader));
    return plan;
}

/* The workbook reads to the plan the CSV texts read to (progress may be
 * NULL), with as many warnings. */
static void assert_same_as_csv(const char *bytes, size_t size, const char *structure,
                               const char *progress)
{
    kpi_reader *reader;
    kpi_plan *from_csv, *from_xlsx;
    assert_int_equal(kpi_reader_new(&reader), KPI_OK);
    int rc = kpi_reader_read_buffers(&from_csv, reader, structure, strlen(structure),
                                     progress, progress ? strlen(progress) : 0);
    if (rc != KPI_OK)
        fail_msg("read_buffers: %s", kpi_reader_error_message(reader));
    size_t warnings = kpi_reader_warning_count(reader);
    from_xlsx = read_workbook(reader, bytes, size);
    assert_int_equal(kpi_reader_warning_count(reader), warnings);
    char *a = csv_of(from_csv), *b = csv_of(from_xlsx);
    assert_string_equal(b, a);
    free(a);
    free(b);
    kpi_plan_free(from_csv);
    kpi_plan_free(from_xlsx);
    kpi_reader_free(reader);
}

/* ---- Cells -------------------------------------------------------------- */

static const char structure_csv[] = "type,code,parent,title,unit,value,due\n"
                                    "plan,p,,\"計画 \"\"A\"\"\",,,\n"
                                    "goal,g,,目標,,,\n"
                                    "target,t,g,物件登録件数,件,30,2018-03-31\n";

/* The same rows, their texts as shared strings (one of them rich text with
 * a reading), numbers as numbers, the date a styled serial. */
static const char shared[] =
    "<sst " NS " count=\"14\" uniqueCount=\"13\">"
    "<si><t>type</t></si><si><t>code</t></si><si><t>parent</t></si>"
    "<si><t>title</t></si><si><t>unit</t></si><si><t>value</t></si>"
    "<si><t>due</t></si><si><t>plan</t></si><si><t>p</t></si>"
    "<si><r><rPr><b/></rPr><t>計画 </t></r><r><t>&quot;A&quot;</t></r>"
    "<rPh sb=\"0\" eb=\"2\"><t>ケイカク</t></rPh></si>"
    "<si><t>goal</t></si><si><t>target</t></si><si><t>件</t></si></sst>";

static const char structure_shared[] = SHEET(
    "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
    "<c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>3</v></c>"
    "<c r=\"E1\" t=\"s\"><v>4</v></c><c r=\"F1\" t=\"s\"><v>5</v></c>"
    "<c r=\"G1\" t=\"s\"><v>6</v></c></row>"
    "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>7</v></c><c r=\"B2\" t=\"s\"><v>8</v></c>"
    "<c r=\"D2\" t=\"s\"><v>9</v></c><c r=\"G2\" s=\"1\"/></row>"
    /* a blank row, cells with no value: skipped */
    "<row r=\"3\"><c r=\"A3\" s=\"1\"/><c r=\"B3\"><v></v></c></row>"
    "<row r=\"4\"><c r=\"A4\" t=\"s\"><v>10</v></c>" IS("B4", "g")
        IS("D4",
           "目標") "</row>"
                   /* no row number: the next one (5); formula with its cached value */
                   "<row><c t=\"s\"><v>11</v></c>" IS("B5", "t") IS("C5", "g")
                       IS("D5",
                          "物件登録件数") "<c r=\"E5\" t=\"s\"><v>12</v></c><c "
                                          "r=\"F5\"><f>10*3</f><v>30</v></c>"
                                          "<c r=\"G5\" s=\"1\"><v>43190</v></c></row>");

static void shared_strings_rich_text_and_numbers(void **state)
{
    (void)state;
    size_t size;
    char *book =
        xlsx_workbook_styled(structure_shared, NULL, shared, xlsx_date_styles, 0, &size);
    assert_same_as_csv(book, size, structure_csv, NULL);
    free(book);
}

/* Booleans, formula strings, ISO date cells (t="d"), escapes, numbers in
 * their shortest form, a custom date format and one that is no date. */
static void other_cell_types(void **state)
{
    (void)state;
    static const char structure[] = SHEET(
        "<row r=\"1\">" IS("A1", "type") IS("B1", "code") IS("C1", "parent") IS(
            "D1", "title") IS("E1", "text") IS("F1", "value") IS("G1", "due")
            IS("H1",
               "start") "</row>"
                        "<row r=\"2\">" IS("A2", "plan") IS(
                            "B2",
                            "p") "<c r=\"D2\" t=\"b\"><v>1</v></c>"
                                 "<c r=\"E2\" t=\"b\"><v>0</v></c></row>"
                                 "<row r=\"3\">" IS("A3", "goal") IS(
                                     "B3",
                                     "g") "<c r=\"D3\" t=\"str\"><f>A1</f>"
                                          "<v>a_x000D__x005F_x0041_b</v></c></row>"
                                          "<row r=\"4\">" IS(
                                              "A4",
                                              "target") "<c r=\"B4\"><v>3</v></c>" IS("C"
                                                                                      "4",
                                                                                      "g")
                                              IS("D4",
                                                 "件数") "<c r=\"F4\" "
                                                         "s=\"3\"><v>0.30000000000000004<"
                                                         "/v></c>"
                                                         "<c r=\"G4\" "
                                                         "s=\"2\"><v>43373.75</v></c>"
                                                         "<c r=\"H4\" "
                                                         "t=\"d\"><v>2017-04-01T00:00:00<"
                                                         "/v></c></row>"
                                                         "<row r=\"5\">" IS(
                                                             "A5", "target") IS("B5",
                                                                                "t2")
                                                             IS("C5", "g") IS(
                                                                 "D5",
                                                                 "x") "<c "
                                                                      "r=\"F5\"><v>1E-3</"
                                                                      "v></c></row>");
    size_t size;
    char *book = xlsx_workbook_styled(structure, NULL, NULL, xlsx_date_styles, 0, &size);
    assert_same_as_csv(book, size,
                       "type,code,parent,title,text,value,due,start\n"
                       "plan,p,,TRUE,FALSE,,,\n"
                       "goal,g,,\"a\r_x0041_b\",,,,\n"
                       "target,3,g,件数,,0.30000000000000004,2018-09-30,2017-04-01\n"
                       "target,t2,g,x,,0.001,,\n",
                       NULL);
    free(book);
}

/* The header and plan row every progress test shares. */
#define HEAD_ROWS                                                                        \
    "<row r=\"1\">" IS("A1", "type") IS("B1", "code") IS("C1", "parent") IS("D1",        \
                                                                            "title")     \
        IS("E1", "due") "</row>"                                                         \
                        "<row r=\"2\">" IS("A2", "plan")                                 \
                            IS("B2", "p") "</row>"                                       \
                                          "<row r=\"3\">" IS("A3", "goal")               \
                                              IS("B3",                                   \
                                                 "g") "</row>"                           \
                                                      "<row r=\"4\">" IS("A4", "target") \
                                                          IS("B4", "t") IS("C4", "g")    \
                                                              IS("D4", "件数") "</row>"

static const char head_csv[] = "type,code,parent,title,due\n"
                               "plan,p,,,\n"
                               "goal,g,,,\n"
                               "target,t,g,件数,\n";

/* Dates typed as text in the forms the CSV reader takes, date serials of
 * the 1900 system, and the same date as a plain number in the value. */
static void dates_as_text_and_serials(void **state)
{
    (void)state;
    static const char progress[] =
        SHEET("<row r=\"1\">" IS("A1", "code") IS("B1", "date") IS(
            "C1",
            "value") "</row>"
                     "<row r=\"2\">" IS("A2", "t") IS(
                         "B2",
                         "2017/5/31") "<c r=\"C2\"><v>1</v></c></row>"
                                      "<row r=\"3\">" IS("A3", "t") IS(
                                          "B3",
                                          "平成29年6月30日") "<c "
                                                             "r=\"C3\"><v>2</v></c></row>"
                                                             "<row r=\"4\">" IS("A4", "t") IS(
                                                                 "B4",
                                                                 "H29.7.31") "<c "
                                                                             "r=\"C4\"><"
                                                                             "v>3</v></"
                                                                             "c></row>"
                                                                             "<row "
                                                                             "r="
                                                                             "\"5\">" IS("A5", "t") IS(
                                                                                 "B5",
                                                                                 "平成２"
                                                                                 "９年８"
                                                                                 "月３１"
                                                                                 "日") "<"
                                                                                       "c"
                                                                                       " "
                                                                                       "r"
                                                                                       "="
                                                                                       "\"C5\"><v>4</v></c></row>"
                                                                                       "<"
                                                                                       "r"
                                                                                       "o"
                                                                                       "w"
                                                                                       " "
                                                                                       "r"
                                                                                       "="
                                                                                       "\"6\">" IS(
                                                                                           "A6",
                                                                                           "t") "<c r=\"B6\" s=\"1\"><v>43008</v></c>"
                                                                                                "<c r=\"C6\"><v>43008</v></c></row>");
    size_t size;
    char *book = xlsx_workbook_styled(SHEET(HEAD_ROWS), progress, NULL, xlsx_date_styles,
                                      0, &size);
    assert_same_as_csv(book, size, head_csv,
                       "code,date,value\n"
                       "t,2017-05-31,1\nt,2017-06-30,2\nt,2017-07-31,3\nt,2017-08-31,4\n"
                       "t,2017-09-30,43008\n");
    free(book);
}

/* The 1904 date system: serial 0 is 1904-01-01. */
static void dates_1904(void **state)
{
    (void)state;
    static const char progress[] =
        SHEET("<row r=\"1\">" IS("A1", "code") IS("B1", "date")
                  IS("C1", "value") "</row>"
                                    "<row r=\"2\">" IS(
                                        "A2", "t") "<c r=\"B2\" s=\"1\"><v>41546</v></c>"
                                                   "<c r=\"C2\"><v>5</v></c></row>");
    size_t size;
    char *book = xlsx_workbook_styled(SHEET(HEAD_ROWS), progress, NULL, xlsx_date_styles,
                                      1, &size);
    assert_same_as_csv(book, size, head_csv, "code,date,value\nt,2017-09-30,5\n");
    free(book);
}

/* Serials as Excel counts them: 59 and 61 on each side of its fictitious
 * 1900-02-29 (60), which is given as that text for the loader to refuse. */
static void serials_around_1900_02_29(void **state)
{
    (void)state;
    char out[11];
    struct {
        double serial;
        int date1904;
        const char *iso;
    } cases[] = {
        {1, 0, "1900-01-01"},        {59, 0, "1900-02-28"},      {60, 0, "1900-02-29"},
        {61, 0, "1900-03-01"},       {0, 0, "1900-01-00"},       {43008, 0, "2017-09-30"},
        {43008.99, 0, "2017-09-30"}, {2958465, 0, "9999-12-31"}, {0, 1, "1904-01-01"},
        {41546, 1, "2017-09-30"},    {2957003, 1, "9999-12-31"}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_int_equal(kpi__xlsx_serial_date(out, cases[i].serial, cases[i].date1904),
                         0);
        assert_string_equal(out, cases[i].iso);
    }
    assert_int_equal(kpi__xlsx_serial_date(out, -1, 0), -1);
    assert_int_equal(kpi__xlsx_serial_date(out, 2958466, 0), -1);
    assert_int_equal(kpi__xlsx_serial_date(out, 2957004, 1), -1);
}

/* Which number formats show dates. */
static void date_formats(void **state)
{
    (void)state;
    const char *dates[] = {
        "yyyy-mm-dd", "yyyy\\-mm\\-dd", "[$-411]ggge\"年\"m\"月\"d\"日\"",
        "d-mmm-yy",   "YYYY/M/D",       "m/d/yyyy h:mm",
        "[Red]dd"};
    const char *not_dates[] = {"General", "0.00", "#,##0", "\"d\"0", "[Red]0.00",
                               "0\\d",    "0_m",  "0*y",   "@"};
    for (size_t i = 0; i < sizeof dates / sizeof dates[0]; i++)
        assert_true(kpi__xlsx_code_is_date(dates[i]));
    for (size_t i = 0; i < sizeof not_dates / sizeof not_dates[0]; i++)
        assert_false(kpi__xlsx_code_is_date(not_dates[i]));
    for (uint32_t id = 0; id < 200; id++)
        assert_int_equal(kpi__xlsx_builtin_date(id),
                         (id >= 14 && id <= 22) || (id >= 27 && id <= 36) ||
                             (id >= 45 && id <= 47) || (id >= 50 && id <= 58));
}

/* Cell references up to XFD1048576. */
static void cell_references(void **state)
{
    (void)state;
    int32_t row, column;
    assert_int_equal(kpi__xlsx_cell_ref("A1", &row, &column), 0);
    assert_int_equal(row * 100000 + column, 100001);
    assert_int_equal(kpi__xlsx_cell_ref("XFD1048576", &row, &column), 0);
    assert_int_equal(row, 1048576);
    assert_int_equal(column, 16384);
    assert_int_equal(kpi__xlsx_cell_ref("AA10", &row, &column), 0);
    assert_int_equal(column, 27);
    assert_int_equal(kpi__xlsx_cell_ref("XFE1", &row, &column), 2);
    assert_int_equal(kpi__xlsx_cell_ref("AAAAAAAAAAAAAAAAAAAA1", &row, &column), 2);
    assert_int_equal(kpi__xlsx_cell_ref("A1048577", &row, &column), 3);
    assert_int_equal(kpi__xlsx_cell_ref("A99999999999999999999", &row, &column), 3);
    const char *bad[] = {"", "1A", "A", "a1", "A0", "A01", "A1 ", "$A$1"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_int_equal(kpi__xlsx_cell_ref(bad[i], &row, &column), 1);
}

/* ---- Sheets -------------------------------------------------------------- */

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    char *text = malloc((size_t)n + 1);
    assert_non_null(text);
    assert_int_equal(fread(text, 1, (size_t)n, f), (size_t)n);
    text[n] = '\0';
    fclose(f);
    return text;
}

/* The seed report's two files as sheets (texts inline, numbers as numbers,
 * dates as styled serials) read to the plan the files read to. */
static void seed_as_workbook(void **state)
{
    (void)state;
    char *structure = slurp("examples/data/ueda-2017-structure.csv");
    char *progress = slurp("examples/data/ueda-2017-progress.csv");
    char *structure_sheet = xlsx_sheet_from_csv(structure);
    char *progress_sheet = xlsx_sheet_from_csv(progress);
    assert_non_null(strstr(structure_sheet, "s=\"1\"><v>43008</v>")); /* report_date */
    size_t size;
    char *book = xlsx_workbook_styled(structure_sheet, progress_sheet, NULL,
                                      xlsx_date_styles, 0, &size);
    assert_same_as_csv(book, size, structure, progress);
    free(book);
    free(structure_sheet);
    free(progress_sheet);
    free(structure);
    free(progress);
}

/* A workbook of one sheet has no progress; sheets may be named in
 * English, in any case; the workbook comes from a file. */
static void one_sheet_from_file(void **state)
{
    (void)state;
    size_t size;
    char *book = xlsx_workbook(SHEET(HEAD_ROWS), NULL, NULL, &size);
    char dir[] = "/tmp/kpi-xlsx-XXXXXX", path[64];
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/plan.xlsx", dir);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(book, 1, size, f), size);
    fclose(f);
    kpi_reader *reader;
    kpi_plan *plan, *expected;
    assert_int_equal(kpi_reader_new(&reader), KPI_OK);
    assert_int_equal(kpi_reader_read_xlsx(&plan, reader, path), KPI_OK);
    assert_int_equal(
        kpi_reader_read_buffers(&expected, reader, head_csv, strlen(head_csv), NULL, 0),
        KPI_OK);
    char *a = csv_of(expected), *b = csv_of(plan);
    assert_string_equal(b, a);
    free(a);
    free(b);
    kpi_plan_free(plan);
    kpi_plan_free(expected);
    kpi_reader_free(reader);
    remove(path);
    rmdir(dir);
    free(book);
}

static void english_sheet_names(void **state)
{
    (void)state;
    static const char workbook[] =
        "<workbook " NS
        " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/"
        "relationships\"><sheets><sheet name=\"Notes\" sheetId=\"3\" r:id=\"rId9\"/>"
        "<sheet name=\"PROGRESS\" sheetId=\"2\" r:id=\"rId2\"/>"
        "<sheet name=\"Structure\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
    static const char rels[] =
        "<Relationships "
        "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId1\" Type=\"x/worksheet\" Target=\"worksheets/a.xml\"/>"
        "<Relationship Id=\"rId2\" Type=\"x/worksheet\" "
        "Target=\"../xl/worksheets/b.xml\"/>"
        "</Relationships>";
    static const char progress[] =
        SHEET("<row r=\"1\">" IS("A1", "code") IS("B1", "date") IS(
            "C1", "value") "</row>"
                           "<row r=\"2\">" IS("A2", "t")
                               IS("B2", "2017-09-30") "<c r=\"C2\"><v>5</v></c></row>");
    xlsx_file parts[] = {{"[Content_Types].xml", "<Types/>"},
                         {"xl/workbook.xml", workbook},
                         {"xl/_rels/workbook.xml.rels", rels},
                         {"xl/worksheets/a.xml", SHEET(HEAD_ROWS)},
                         {"xl/worksheets/b.xml", progress}};
    size_t size;
    char *book = xlsx_zip(parts, 5, &size);
    assert_same_as_csv(book, size, head_csv, "code,date,value\nt,2017-09-30,5\n");
    free(book);
}

/* Warnings name the sheet and the row, as the CSV reader's name the line;
 * a later read replaces them. */
static void warnings_name_sheet_and_row(void **state)
{
    (void)state;
    static const char structure[] =
        SHEET("<row r=\"1\">" IS("A1", "type") IS("B1", "code")
                  IS("C1", "memo") "</row>"
                                   "<row r=\"7\">" IS("A7", "plan") IS("B7", "p")
                                       IS("C7", "x") "</row>");
    size_t size;
    char *book = xlsx_workbook(structure, NULL, NULL, &size);
    kpi_reader *reader;
    assert_int_equal(kpi_reader_new(&reader), KPI_OK);
    kpi_plan *plan = read_workbook(reader, book, size);
    assert_int_equal(kpi_reader_warning_count(reader), 1);
    assert_string_equal(
        kpi_reader_warning_at(reader, 0),
        "workbook: sheet 計画: row 1: column 3 \"memo\" is not known and was "
        "ignored");
    assert_int_equal(kpi_reader_warning_line_at(reader, 0), 1);
    kpi_plan_free(plan);
    /* The CSV form is unchanged after a workbook. */
    static const char csv[] = "type,code,memo\nplan,p,x\n";
    assert_int_equal(kpi_reader_read_buffers(&plan, reader, csv, strlen(csv), NULL, 0),
                     KPI_OK);
    assert_string_equal(kpi_reader_warning_at(reader, 0),
                        "structure:1: column 3 \"memo\" is not known and was ignored");
    kpi_plan_free(plan);
    kpi_reader_free(reader);
    free(book);
}

/* 200,000 shared strings read in linear time (a table that grew or was
 * searched quadratically would take hours; the same run under valgrind
 * stays within seconds), and a cell finds one far in. */
static void many_shared_strings(void **state)
{
    (void)state;
    const size_t count = 200000;
    size_t n = count * 24 + 256, used = 0;
    char *sst = malloc(n);
    assert_non_null(sst);
    used += (size_t)snprintf(sst, n, "<sst " NS ">");
    for (size_t i = 0; i < count; i++)
        used += (size_t)snprintf(sst + used, n - used, "<si><t>%zu</t></si>", i);
    snprintf(sst + used, n - used, "</sst>");
    static const char structure[] = SHEET("<row r=\"1\">" IS("A1", "type") IS(
        "B1", "code") "</row>"
                      "<row r=\"2\">" IS(
                          "A2", "plan") "<c r=\"B2\" t=\"s\"><v>99999</v></c></row>");
    size_t size;
    char *book = xlsx_workbook(structure, NULL, sst, &size);
    assert_same_as_csv(book, size, "type,code\nplan,99999\n", NULL);
    free(book);
    free(sst);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(shared_strings_rich_text_and_numbers),
        cmocka_unit_test(other_cell_types),
        cmocka_unit_test(dates_as_text_and_serials),
        cmocka_unit_test(dates_1904),
        cmocka_unit_test(serials_around_1900_02_29),
        cmocka_unit_test(date_formats),
        cmocka_unit_test(cell_references),
        cmocka_unit_test(seed_as_workbook),
        cmocka_unit_test(one_sheet_from_file),
        cmocka_unit_test(english_sheet_names),
        cmocka_unit_test(warnings_name_sheet_and_row),
        cmocka_unit_test(many_shared_strings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
