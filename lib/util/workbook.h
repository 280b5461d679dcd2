/* Internal: a workbook (.xlsx) made with libxlsxwriter, handed over as
 * bytes. libxlsxwriter writes a workbook to a file when it is closed; the
 * file is a temporary one (in $TMPDIR, else /tmp), read back into memory
 * and removed, so that the renderers and writers of reports and plan
 * workbooks return bytes as every other format does, and writing to a path
 * goes through kpi_file_write()'s replace-when-whole. */
#ifndef KPI_LIB_UTIL_WORKBOOK_H
#define KPI_LIB_UTIL_WORKBOOK_H

#include "util/strbuf.h"

#include <xlsxwriter.h>

#include <stddef.h>
#include <stdint.h>
#include <time.h>

/* The first date a workbook holds as an Excel date: Excel counts 1900 as
 * a leap year (its 1900-02-29 never was), so its day numbers are right
 * only from 1900-03-01 on. The writers give an earlier date as its text. */
#define KPI__XLSX_FIRST_DATE 19000301

/* Excel's own limits, which libxlsxwriter refuses past with a print to
 * stderr: the writers check them first and fail with KPI_ERR_LIMIT. */
#define KPI__XLSX_MAX_ROWS 1048576
#define KPI__XLSX_MAX_TEXT 32767 /* characters (UTF-16 units) in a cell */

typedef struct kpi__workbook {
    lxw_workbook *book;
    char *path; /* the temporary file */
} kpi__workbook;

/* Creates an empty workbook (book) bound to a new temporary file. KPI_OK,
 * KPI_ERR_IO (naming the directory and why) or KPI_ERR_NOMEM, recorded. */
int kpi__workbook_new(kpi__workbook *w);

/* Closes the workbook: with ok set, its bytes go to *out (the caller's to
 * free with kpi__free(), NUL-terminated for the render functions'
 * contract) and *size; without, it is only discarded. The temporary file
 * is removed either way. Numbers are written in the C locale (libxlsxwriter
 * prints them with printf). KPI_OK, or KPI_ERR_IO / KPI_ERR_NOMEM
 * recorded (only with ok set). */
int kpi__workbook_close(kpi__workbook *w, int ok, char **out, size_t *size);

/* Maps a libxlsxwriter error to a libkpi one, recorded with what was being
 * done (e.g. "sheet 調書: merging B4:B9"). */
int kpi__workbook_error(lxw_error error, const char *what);

/* text as a cell's XML can hold it and a reader gives it back: a literal
 * "_xHHHH_" (Excel's escape of a character, which readers undo) gets its
 * '_' escaped as "_x005F_", U+FFFE and U+FFFF (no XML characters) are
 * escaped as "_xFFFE_" and "_xFFFF_", a byte that is no UTF-8 becomes
 * U+FFFD (libxlsxwriter escapes control characters itself). Returns text
 * itself when it needs none of that (most text, checked in one pass), else
 * scratch's data; NULL when scratch ran out of memory. */
const char *kpi__workbook_text(kpi__strbuf *scratch, const char *text);

/* date (YYYYMMDD) as libxlsxwriter takes a date: 1 with *out filled, or
 * 0 for none (0) or one before KPI__XLSX_FIRST_DATE. The one place every
 * workbook date goes through. */
int kpi__workbook_datetime(lxw_datetime *out, int32_t date);

/* A workbook's creation time for a date: midnight UTC of it, so that the
 * same plan or evaluation always makes the same bytes; 0, which
 * libxlsxwriter takes for "now", only when there is no date. */
time_t kpi__workbook_created(int32_t date);

/* The number of UTF-16 units of UTF-8 text (what Excel's cell limit
 * counts), stopping once past KPI__XLSX_MAX_TEXT. */
size_t kpi__workbook_text_units(const char *text);

#endif
