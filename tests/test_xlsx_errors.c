/* Tests of the errors of reading plan workbooks: each with its code, its
 * exact message naming the sheet and the cell (or the file and the part),
 * and kpi_reader_error_source(), _line() and _column(); each read atomic
 * (no plan, the reader's earlier warnings gone). The errors the CSV reader
 * gives for a row must read the same as in a CSV file but for the
 * position: "workbook: sheet 進捗: C14: " where the file has
 * "progress:14: ". Package errors (not a zip, truncated, parts missing,
 * broken XML, a DOCTYPE, no sheet 計画) and limits (cells, shared strings,
 * a zip bomb, a cell's text) follow. */
#define _POSIX_C_SOURCE 200809L /* strdup */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kpi.h"
#include "io/xlsx_read.h"
#include "xlsx_support.h"

#define NS "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
#define SHEET(rows) "<worksheet " NS "><sheetData>" rows "</sheetData></worksheet>"
#define IS(ref, text) "<c r=\"" ref "\" t=\"inlineStr\"><is><t>" text "</t></is></c>"
#define HEAD "<row r=\"1\">" IS("A1", "type") IS("B1", "code") IS("C1", "value") "</row>"
#define PLAN "<row r=\"2\">" IS("A2", "plan") IS("B2", "p") "</row>"

static kpi_reader *reader;

static int setup(void **state)
{
    (void)state;
    return kpi_reader_new(&reader);
}

static int teardown(void **state)
{
    (void)state;
    kpi_reader_free(reader);
    kpi__xlsx_set_limits(0, 0);
    return 0;
}

/* Gives the reader a warning, which a failing read must drop. */
static void prime_warnings(void)
{
    static const char text[] = "type,code,memo\nplan,p,x\n";
    kpi_plan *plan = NULL;
    assert_int_equal(
        kpi_reader_read_buffers(&plan, reader, text, sizeof text - 1, NULL, 0), KPI_OK);
    assert_int_equal(kpi_reader_warning_count(reader), 1);
    kpi_plan_free(plan);
}

struct expected {
    int code;
    const char *source;
    int32_t line, column;
    const char *message;
};

/* The read of bytes fails as e says, atomically. */
static void assert_fails(const char *bytes, size_t size, struct expected e)
{
    prime_warnings();
    kpi_plan *out = (kpi_plan *)(void *)&out;
    int rc = kpi_reader_read_xlsx_buffer(&out, reader, bytes, size);
    if (rc == KPI_OK || strcmp(kpi_reader_error_message(reader), e.message) != 0)
        fail_msg("want %s\n got %s (%s)", e.message, kpi_reader_error_message(reader),
                 kpi_error_name(rc));
    assert_int_equal(rc, e.code);
    assert_null(out);
    assert_int_equal(kpi_reader_warning_count(reader), 0);
    assert_int_equal(kpi_reader_error_code(reader), e.code);
    assert_string_equal(kpi_reader_error_source(reader), e.source);
    assert_int_equal(kpi_reader_error_line(reader), e.line);
    assert_int_equal(kpi_reader_error_column(reader), e.column);
    assert_string_equal(kpi_error_message(), e.message);
}

static void structure_fails(const char *sheet, struct expected e)
{
    size_t size;
    char *book = xlsx_workbook_styled(sheet, NULL, NULL, xlsx_date_styles, 0, &size);
    assert_fails(book, size, e);
    free(book);
}

/* The message the CSV reader gives for the CSV texts, without its
 * "FILE:LINE: " (the code returned must be code). */
static char *csv_detail(const char *structure, const char *progress, int code)
{
    kpi_plan *out;
    int rc = kpi_reader_read_buffers(&out, reader, structure, strlen(structure), progress,
                                     progress ? strlen(progress) : 0);
    assert_int_equal(rc, code);
    const char *message = kpi_reader_error_message(reader);
    const char *after = strstr(message, ": ");
    assert_non_null(after);
    return strdup(after + 2);
}

/* ---- The CSV reader's errors, at a cell ------------------------------------ */

static void bad_date_names_sheet_and_cell(void **state)
{
    (void)state;
    static const char progress[] =
        SHEET("<row r=\"1\">" IS("A1", "code") IS("B1", "value") IS(
            "C1", "date") "</row>"
                          "<row r=\"14\">" IS("A14", "t") "<c r=\"B14\"><v>1</v></c>" IS(
                              "C14", "2017-13-01") "</row>");
    char *detail =
        csv_detail("type,code,parent,value\nplan,p,,\ngoal,g,,\ntarget,t,g,30\n",
                   "code,value,date\nt,1,2017-13-01\n", KPI_ERR_DATE);
    assert_string_equal(
        detail, "column \"date\": \"2017-13-01\" is not a date: month 13 is not 1..12");
    char message[512];
    snprintf(message, sizeof message, "workbook: sheet 進捗: C14: %s", detail);
    size_t size;
    static const char structure_with_parent[] =
        SHEET("<row r=\"1\">" IS("A1", "type") IS("B1", "code") IS("C1", "value")
                  IS("D1", "parent") "</row>" PLAN "<row r=\"3\">" IS("A3", "goal")
                      IS("B3", "g") "</row>"
                                    "<row r=\"4\">" IS("A4", "target")
                                        IS("B4", "t") "<c r=\"C4\"><v>30</v></c>" IS(
                                            "D4", "g") "</row>");
    char *book = xlsx_workbook(structure_with_parent, progress, NULL, &size);
    assert_fails(book, size,
                 (struct expected){KPI_ERR_DATE, "workbook: sheet 進捗", 14, 3, message});
    free(book);
    free(detail);
}

static void bad_number_and_unknown_code(void **state)
{
    (void)state;
    char *detail =
        csv_detail("type,code,value,parent\nplan,p,,\ngoal,g,,\ntarget,t,abc,g\n", NULL,
                   KPI_ERR_VALUE);
    char message[512];
    snprintf(message, sizeof message, "workbook: sheet 計画: C4: %s", detail);
    structure_fails(
        SHEET("<row r=\"1\">" IS("A1", "type") IS("B1", "code") IS("C1", "value")
                  IS("D1", "parent") "</row>" PLAN "<row r=\"3\">" IS("A3", "goal")
                      IS("B3", "g") "</row><row r=\"4\">" IS("A4", "target") IS("B4", "t")
                          IS("C4", "abc") IS("D4", "g") "</row>"),
        (struct expected){KPI_ERR_VALUE, "workbook: sheet 計画", 4, 3, message});
    free(detail);

    /* A progress row naming no target, goal or directive. */
    static const char progress[] =
        SHEET("<row r=\"1\">" IS("A1", "code") IS("B1", "date")
                  IS("C1", "value") "</row>"
                                    "<row r=\"2\">" IS("A2", "zz")
                                        IS("B2", "2017-09-30") "<c r=\"C2\"><v>1</v></c>"
                                                               "</row>");
    const int code = KPI_ERR_NOT_FOUND;
    detail =
        csv_detail("type,code\nplan,p\n", "code,date,value\nzz,2017-09-30,1\n", code);
    snprintf(message, sizeof message, "workbook: sheet 進捗: A2: %s", detail);
    size_t size;
    char *book = xlsx_workbook(SHEET(HEAD PLAN), progress, NULL, &size);
    assert_fails(book, size,
                 (struct expected){code, "workbook: sheet 進捗", 2, 1, message});
    free(book);
    free(detail);
}

/* The rows' own errors: the header, the plan row, a row too wide. */
static void header_and_row_errors(void **state)
{
    (void)state;
    structure_fails(SHEET(""),
                    (struct expected){KPI_ERR_PARSE, "workbook: sheet 計画", 1, 0,
                                      "workbook: sheet 計画: row 1: the sheet is "
                                      "empty; expected a header row"});
    structure_fails(SHEET(HEAD),
                    (struct expected){KPI_ERR_PARSE, "workbook: sheet 計画", 2, 0,
                                      "workbook: sheet 計画: row 2: no plan row; "
                                      "the first row after the header must be "
                                      "one"});
    structure_fails(
        SHEET("<row r=\"1\">" IS("A1", "type") IS("B1", "code")
                  IS("C1", "コード") "</row>"),
        (struct expected){
            KPI_ERR_PARSE, "workbook: sheet 計画", 1, 3,
            "workbook: sheet 計画: C1: column \"code\" appears twice (columns 2 "
            "and 3)"});
    structure_fails(
        SHEET("<row r=\"1\">" IS("A1", "code") "</row>"),
        (struct expected){KPI_ERR_PARSE, "workbook: sheet 計画", 1, 0,
                          "workbook: sheet 計画: row 1: the header has no column "
                          "\"type\", which is required"});
    structure_fails(
        SHEET(HEAD "<row r=\"2\">" IS("A2", "plan") IS("B2", "p") IS("E2", "x") "</row>"),
        (struct expected){KPI_ERR_PARSE, "workbook: sheet 計画", 2, 5,
                          "workbook: sheet 計画: E2: the row has 5 fields but the "
                          "header only 3"});
}

/* ---- Cells no spreadsheet writes ------------------------------------------- */

static void cell_errors(void **state)
{
    (void)state;
    const char *src = "workbook: sheet 計画";
    structure_fails(
        SHEET(HEAD "<row r=\"2\">" IS(
            "A2", "plan") "<c r=\"C2\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c></row>"),
        (struct expected){KPI_ERR_VALUE, src, 2, 3,
                          "workbook: sheet 計画: C2: the cell holds the error "
                          "#DIV/0!"});
    structure_fails(SHEET(HEAD "<row r=\"3\"><c r=\"3C\"><v>1</v></c></row>"),
                    (struct expected){KPI_ERR_PARSE, src, 3, 0,
                                      "workbook: sheet 計画: row 3: \"3C\" is not a cell "
                                      "reference"});
    structure_fails(SHEET(HEAD "<row r=\"3\"><c r=\"XFE3\"><v>1</v></c></row>"),
                    (struct expected){KPI_ERR_PARSE, src, 3, 0,
                                      "workbook: sheet 計画: row 3: cell XFE3 is beyond "
                                      "column XFD, the last of a sheet"});
    structure_fails(
        SHEET(HEAD "<row r=\"3\"><c r=\"A4\"><v>1</v></c></row>"),
        (struct expected){KPI_ERR_PARSE, src, 3, 0,
                          "workbook: sheet 計画: row 3: cell A4 is not in row 3"});
    structure_fails(
        SHEET(HEAD "<row r=\"3\">" IS("B3", "x") IS("A3", "y") "</row>"),
        (struct expected){KPI_ERR_PARSE, src, 3, 1,
                          "workbook: sheet 計画: A3: the cell comes after column "
                          "2; cells must be in order"});
    structure_fails(
        SHEET(HEAD PLAN "<row r=\"2\"/>"),
        (struct expected){KPI_ERR_PARSE, src, 2, 0,
                          "workbook: sheet 計画: row 2: the row comes after row "
                          "2; rows must be in order"});
    structure_fails(
        SHEET(HEAD "<row r=\"1048577\"/>"),
        (struct expected){KPI_ERR_PARSE, src, 2, 0,
                          "workbook: sheet 計画: row 2: the row is beyond row "
                          "1048576, the last of a sheet"});
    structure_fails(
        SHEET(HEAD "<row r=\"2\"><c r=\"B2\"><v>1x</v></c></row>"),
        (struct expected){KPI_ERR_VALUE, src, 2, 2,
                          "workbook: sheet 計画: B2: \"1x\" is not a number"});
    structure_fails(
        SHEET(HEAD "<row r=\"2\"><c r=\"B2\" t=\"b\"><v>2</v></c></row>"),
        (struct expected){KPI_ERR_VALUE, src, 2, 2,
                          "workbook: sheet 計画: B2: \"2\" is not a boolean"});
    structure_fails(SHEET(HEAD "<row r=\"2\"><c r=\"B2\" t=\"zz\"><v>2</v></c></row>"),
                    (struct expected){KPI_ERR_PARSE, src, 2, 2,
                                      "workbook: sheet 計画: B2: cell type \"zz\" is not "
                                      "known"});
    structure_fails(
        SHEET(HEAD "<row r=\"2\"><c r=\"B2\" s=\"1\"><v>-1</v></c></row>"),
        (struct expected){KPI_ERR_DATE, src, 2, 2,
                          "workbook: sheet 計画: B2: -1 is not a date: a date "
                          "serial of the 1900 system is 1..2958465"});
}

/* Serial 60 is Excel's 1900-02-29, which the loader refuses by name. */
static void serial_60_refused(void **state)
{
    (void)state;
    char *detail =
        csv_detail("type,code,due,parent\nplan,p,,\ngoal,g,,\ntarget,t,1900-02-29,g\n",
                   NULL, KPI_ERR_DATE);
    char message[512];
    snprintf(message, sizeof message, "workbook: sheet 計画: C4: %s", detail);
    structure_fails(
        SHEET("<row r=\"1\">" IS("A1", "type") IS("B1", "code") IS("C1", "due")
                  IS("D1", "parent") "</row>" PLAN "<row r=\"3\">" IS("A3", "goal")
                      IS("B3", "g") "</row><row r=\"4\">" IS("A4", "target")
                          IS("B4", "t") "<c r=\"C4\" s=\"1\"><v>60</v></c>" IS(
                              "D4", "g") "</row>"),
        (struct expected){KPI_ERR_DATE, "workbook: sheet 計画", 4, 3, message});
    free(detail);
}

static void shared_string_out_of_range(void **state)
{
    (void)state;
    static const char sst[] = "<sst " NS "><si><t>a</t></si><si><t>b</t></si></sst>";
    size_t size;
    char *book =
        xlsx_workbook(SHEET(HEAD "<row r=\"2\"><c r=\"B2\" t=\"s\"><v>5</v></c></row>"),
                      NULL, sst, &size);
    assert_fails(
        book, size,
        (struct expected){KPI_ERR_PARSE, "workbook: sheet 計画", 2, 2,
                          "workbook: sheet 計画: B2: shared string 5 is out of range "
                          "(the workbook has 2)"});
    free(book);
    /* A workbook without a shared strings part has none. */
    book =
        xlsx_workbook(SHEET(HEAD "<row r=\"2\"><c r=\"B2\" t=\"s\"><v>0</v></c></row>"),
                      NULL, NULL, &size);
    assert_fails(
        book, size,
        (struct expected){KPI_ERR_PARSE, "workbook: sheet 計画", 2, 2,
                          "workbook: sheet 計画: B2: shared string 0 is out of range "
                          "(the workbook has 0)"});
    free(book);
}

/* ---- The package ------------------------------------------------------------ */

static void not_a_zip_or_truncated(void **state)
{
    (void)state;
    const char *message = "workbook: not a workbook: the file is no zip archive, or a "
                          "damaged or empty one";
    assert_fails("hello", 5, (struct expected){KPI_ERR_PARSE, "workbook", 0, 0, message});
    assert_fails("", 0, (struct expected){KPI_ERR_PARSE, "workbook", 0, 0, message});
    size_t size;
    char *book = xlsx_workbook(SHEET(HEAD PLAN), NULL, NULL, &size);
    assert_fails(book, size / 2,
                 (struct expected){KPI_ERR_PARSE, "workbook", 0, 0, message});
    assert_fails(book, size - 10,
                 (struct expected){KPI_ERR_PARSE, "workbook", 0, 0, message});
    /* A part's compressed bytes damaged: the part is. */
    char *xml = book;
    while (memcmp(xml, "PK\3\4", 4) != 0 ||
           memcmp(xml + 30, "xl/worksheets/sheet1.xml", 24) != 0)
        assert_true(++xml < book + size - 60);
    memset(xml + 30 + 24 + 2, 0x55, 20);
    prime_warnings();
    kpi_plan *out;
    assert_int_equal(kpi_reader_read_xlsx_buffer(&out, reader, book, size),
                     KPI_ERR_PARSE);
    assert_null(out);
    assert_non_null(strstr(kpi_reader_error_message(reader), "xl/worksheets/sheet1.xml"));
    free(book);
}

static void parts_missing(void **state)
{
    (void)state;
    size_t size;
    xlsx_file no_types[] = {{"xl/workbook.xml", "<workbook/>"}};
    char *book = xlsx_zip(no_types, 1, &size);
    assert_fails(book, size,
                 (struct expected){KPI_ERR_PARSE, "workbook", 0, 0,
                                   "workbook: not a workbook: it has no part "
                                   "[Content_Types].xml"});
    free(book);
    xlsx_file no_workbook[] = {{"[Content_Types].xml", "<Types/>"}};
    book = xlsx_zip(no_workbook, 1, &size);
    assert_fails(book, size,
                 (struct expected){KPI_ERR_PARSE, "workbook", 0, 0,
                                   "workbook: not a workbook: it has no part "
                                   "xl/workbook.xml"});
    free(book);
    xlsx_file no_sheet[] = {
        {"[Content_Types].xml", "<Types/>"},
        {"xl/workbook.xml", "<workbook><sheets><sheet name=\"計画\" r:id=\"rId1\" "
                            "xmlns:r=\"r\"/></sheets></workbook>"},
        {"xl/_rels/workbook.xml.rels",
         "<Relationships><Relationship Id=\"rId1\" Type=\"t/worksheet\" "
         "Target=\"worksheets/sheet1.xml\"/></Relationships>"}};
    book = xlsx_zip(no_sheet, 3, &size);
    assert_fails(book, size,
                 (struct expected){KPI_ERR_PARSE, "workbook", 0, 0,
                                   "workbook: not a workbook: sheet 計画 has no part "
                                   "(relationship rId1)"});
    free(book);
}

static void no_structure_sheet(void **state)
{
    (void)state;
    xlsx_file parts[] = {{"[Content_Types].xml", "<Types/>"},
                         {"xl/workbook.xml",
                          "<workbook><sheets><sheet name=\"Sheet1\" r:id=\"rId1\" "
                          "xmlns:r=\"r\"/><sheet name=\"進捗\" r:id=\"rId2\" "
                          "xmlns:r=\"r\"/></sheets></workbook>"}};
    size_t size;
    char *book = xlsx_zip(parts, 2, &size);
    assert_fails(
        book, size,
        (struct expected){KPI_ERR_PARSE, "workbook", 0, 0,
                          "workbook: no sheet 計画 (or structure) in the workbook; "
                          "its sheets: Sheet1, 進捗"});
    free(book);
}

static void broken_xml_and_doctype(void **state)
{
    (void)state;
    size_t size;
    char *book = xlsx_workbook("<worksheet><sheetData><row></sheetData></worksheet>",
                               NULL, NULL, &size);
    assert_fails(book, size,
                 (struct expected){KPI_ERR_PARSE, "workbook", 0, 0,
                                   "workbook: xl/worksheets/sheet1.xml:1:30: mismatched "
                                   "tag"});
    free(book);
    /* Entities could be a billion laughs: a DOCTYPE is refused. */
    static const char laughs[] =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE sst [<!ENTITY a \"aaaaaaaaaa\">"
        "<!ENTITY b "
        "\"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n<sst><si><t>&b;</t></si></sst>";
    book = xlsx_workbook(SHEET(HEAD PLAN), NULL, laughs, &size);
    assert_fails(
        book, size,
        (struct expected){KPI_ERR_PARSE, "workbook", 0, 0,
                          "workbook: xl/sharedStrings.xml:2:15: a DOCTYPE, which no "
                          "workbook has, is refused"});
    free(book);
}

/* ---- Limits ---------------------------------------------------------------- */

static void too_many_cells_or_strings(void **state)
{
    (void)state;
    kpi__xlsx_set_limits(0, 4);
    structure_fails(SHEET(HEAD PLAN),
                    (struct expected){KPI_ERR_LIMIT, "workbook: sheet 計画", 2, 0,
                                      "workbook: sheet 計画: row 2: the sheets hold more "
                                      "cells than the limit of 4"});
    static const char sst[] =
        "<sst " NS "><si><t>1</t></si><si><t>2</t></si><si><t>3</t></si>"
        "<si><t>4</t></si><si><t>5</t></si><si/></sst>";
    size_t size;
    char *book = xlsx_workbook(SHEET(HEAD PLAN), NULL, sst, &size);
    assert_fails(
        book, size,
        (struct expected){KPI_ERR_LIMIT, "workbook", 0, 0,
                          "workbook: xl/sharedStrings.xml: more shared strings than "
                          "the limit of 4"});
    free(book);
    kpi__xlsx_set_limits(0, 0);
}

/* A cell's text of 1 MiB is read, one byte more is refused. */
static void cell_text_limit(void **state)
{
    (void)state;
    size_t n = (size_t)KPI_MAX_FIELD + 1;
    char *sheet = malloc(n + 512);
    assert_non_null(sheet);
    int head = sprintf(sheet, "<worksheet><sheetData>" HEAD "<row r=\"2\">" IS(
                                  "A2", "plan") "<c r=\"B2\" t=\"inlineStr\"><is><t>");
    memset(sheet + head, 'x', n);
    strcpy(sheet + head + n, "</t></is></c></row></sheetData></worksheet>");
    size_t size;
    char *book = xlsx_workbook(sheet, NULL, NULL, &size);
    assert_fails(
        book, size,
        (struct expected){KPI_ERR_LIMIT, "workbook: sheet 計画", 2, 2,
                          "workbook: sheet 計画: B2: the cell's text is longer than "
                          "the limit of 1048576 bytes"});
    free(book);
    free(sheet);
}

/* A part that inflates past the limit (a zip bomb: spaces compress about
 * a thousand to one) is refused. The limit is lowered to 1 MiB so that
 * the test makes and reads 2 MiB, not 300 MB. */
static void zip_bomb(void **state)
{
    (void)state;
    kpi__xlsx_set_limits(1 << 20, 0);
    size_t n = 2 << 20;
    char *sheet = malloc(n + 256);
    assert_non_null(sheet);
    int head = sprintf(sheet, "<worksheet><sheetData>");
    memset(sheet + head, ' ', n);
    strcpy(sheet + head + n, "</sheetData></worksheet>");
    size_t size;
    char *book = xlsx_workbook(sheet, NULL, NULL, &size);
    assert_true(size < 20000);
    assert_fails(
        book, size,
        (struct expected){KPI_ERR_LIMIT, "workbook", 0, 0,
                          "workbook: xl/worksheets/sheet1.xml: the workbook's parts "
                          "hold more than the limit of 1048576 bytes uncompressed"});
    /* The same part declaring a small size in the zip's directory: what
     * is inflated is counted (or minizip stops at the size declared, and
     * the part is damaged), never more than the limit. */
    for (char *p = book; (size_t)(p - book) + 46 < size; p++) {
        if (memcmp(p, "PK\1\2", 4) == 0 &&
            memcmp(p + 46, "xl/worksheets/sheet1.xml", 24) == 0)
            memcpy(p + 24, "\0\1\0\0", 4); /* 256 bytes */
        if (memcmp(p, "PK\3\4", 4) == 0 &&
            memcmp(p + 30, "xl/worksheets/sheet1.xml", 24) == 0)
            memcpy(p + 22, "\0\1\0\0", 4);
    }
    prime_warnings();
    kpi_plan *out;
    int rc = kpi_reader_read_xlsx_buffer(&out, reader, book, size);
    assert_true(rc == KPI_ERR_PARSE || rc == KPI_ERR_LIMIT);
    assert_null(out);
    free(book);
    free(sheet);
    kpi__xlsx_set_limits(0, 0);
}

/* ---- Arguments -------------------------------------------------------------- */

static void arguments_and_files(void **state)
{
    (void)state;
    kpi_plan *out = NULL;
    assert_int_equal(kpi_reader_read_xlsx(&out, NULL, "x.xlsx"), KPI_ERR_ARGUMENT);
    assert_int_equal(kpi_reader_read_xlsx(NULL, reader, "x.xlsx"), KPI_ERR_ARGUMENT);
    assert_int_equal(kpi_reader_read_xlsx(&out, reader, NULL), KPI_ERR_ARGUMENT);
    assert_int_equal(kpi_reader_error_code(reader), KPI_ERR_ARGUMENT);
    assert_int_equal(kpi_reader_read_xlsx_buffer(&out, reader, NULL, 0),
                     KPI_ERR_ARGUMENT);
    assert_int_equal(kpi_reader_read_xlsx(&out, reader, "tests/data/no-such.xlsx"),
                     KPI_ERR_IO);
    assert_null(out);
    assert_int_equal(kpi_reader_error_code(reader), KPI_ERR_IO);
    /* A CSV file is no workbook. */
    assert_int_equal(
        kpi_reader_read_xlsx(&out, reader, "examples/data/ueda-2017-structure.csv"),
        KPI_ERR_PARSE);
    assert_string_equal(kpi_reader_error_source(reader),
                        "examples/data/ueda-2017-structure.csv");
    /* A success forgets the error. */
    size_t size;
    char *book = xlsx_workbook(SHEET(HEAD PLAN), NULL, NULL, &size);
    assert_int_equal(kpi_reader_read_xlsx_buffer(&out, reader, book, size), KPI_OK);
    assert_int_equal(kpi_reader_error_code(reader), KPI_OK);
    kpi_plan_free(out);
    free(book);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(bad_date_names_sheet_and_cell),
        cmocka_unit_test(bad_number_and_unknown_code),
        cmocka_unit_test(header_and_row_errors),
        cmocka_unit_test(cell_errors),
        cmocka_unit_test(serial_60_refused),
        cmocka_unit_test(shared_string_out_of_range),
        cmocka_unit_test(not_a_zip_or_truncated),
        cmocka_unit_test(parts_missing),
        cmocka_unit_test(no_structure_sheet),
        cmocka_unit_test(broken_xml_and_doctype),
        cmocka_unit_test(too_many_cells_or_strings),
        cmocka_unit_test(cell_text_limit),
        cmocka_unit_test(zip_bomb),
        cmocka_unit_test(arguments_and_files),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
