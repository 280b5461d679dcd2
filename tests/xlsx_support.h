/* What the workbook tests share: taking a workbook's bytes apart (one part
 * of the zip as text) and putting one together from parts given as text,
 * so that a test can look at the XML libkpi wrote, or hand the reader a
 * workbook of exactly the cells (and mistakes) it wants. Both go through
 * minizip, as the library's reader does. Linked by test_xlsx_*.c and
 * test_render_xlsx.c (tests/unit.cmake). */
#ifndef KPI_TESTS_XLSX_SUPPORT_H
#define KPI_TESTS_XLSX_SUPPORT_H

#include <stddef.h>

/* The part called name (e.g. "xl/worksheets/sheet1.xml") of the workbook
 * in bytes, NUL-terminated, which the caller frees with free(); NULL when
 * the workbook has no such part. Fails the test when bytes is no zip. */
char *xlsx_part(const char *bytes, size_t size, const char *name);

/* One part of a workbook to make: its name in the zip and its text. */
typedef struct xlsx_file {
    const char *name;
    const char *text;
} xlsx_file;

/* A zip of the parts, in order, deflated; the caller frees it with
 * free(). *size receives its length. Fails the test on error. */
char *xlsx_zip(const xlsx_file *parts, size_t count, size_t *size);

/* The parts every workbook needs around its sheets ([Content_Types].xml,
 * the relationships, xl/workbook.xml naming sheet1 `計画` and sheet2
 * `進捗`), with the two sheets' XML (a <worksheet> document each; progress
 * may be NULL for a workbook of one sheet) and, optionally, the shared
 * strings part (NULL for none): a zip as xlsx_zip() makes it. */
char *xlsx_workbook(const char *structure_sheet, const char *progress_sheet,
                    const char *shared_strings, size_t *size);

/* Styles for xlsx_workbook_styled(): cell style 1 shows dates (built-in
 * format 14), style 2 a custom date format (164, "yyyy\-mm\-dd"), style
 * 3 a custom number format that is no date (165, "[Red]0.00;\"d\"0"). */
extern const char xlsx_date_styles[];

/* As xlsx_workbook(), with a styles part (NULL for none) and the 1904
 * date system when date1904 is 1. */
char *xlsx_workbook_styled(const char *structure_sheet, const char *progress_sheet,
                           const char *shared_strings, const char *styles, int date1904,
                           size_t *size);

/* A <worksheet> holding a CSV text's rows (RFC 4180, first row 1): a
 * valid ISO date as a serial of the 1900 system with style 1, a number
 * whose shortest form is its text as a number, any other text as an
 * inline string; empty fields as no cell. The caller frees it with free(). */
char *xlsx_sheet_from_csv(const char *csv);

#endif
