/* Internal: one CSV cell as both the plan files (io/csv_write.c) and the
 * CSV report (report/render_csv.c) write it. */
#ifndef KPI_LIB_UTIL_CSV_CELL_H
#define KPI_LIB_UTIL_CSV_CELL_H

#include "util/strbuf.h"

#include <stddef.h>

/* No byte kpi__csv_special() names is above this: ',' */
#define KPI__CSV_SPECIAL_MAX 0x2C

/* When a cell is quoted: it holds a byte for which kpi__csv_special() is
 * true anywhere (a delimiter, a quote, a line break), or one for which
 * kpi__csv_blank() is true at either end (a blank a reader might trim:
 * libcsv trims spaces and tabs). A writer that scans its text anyway (the
 * report checks it as UTF-8) asks these as it goes, then writes the cell
 * with kpi__csv_cell_quoted() or as it is. */
static inline int kpi__csv_special(unsigned char c)
{
    /* Each is at most KPI__CSV_SPECIAL_MAX, so that a scan can pass over
     * the bytes above it at a glance. */
    return c == ',' || c == '"' || c == '\r' || c == '\n';
}

static inline int kpi__csv_blank(unsigned char c)
{
    return c == ' ' || c == '\t';
}

/* Appends text[0..n) as a CSV field: as it is, or in quotes (with inner
 * quotes doubled, by libcsv) when the rule above asks for them. Sets
 * out->failed when memory runs out. */
void kpi__csv_cell(kpi__strbuf *out, const char *text, size_t n);

/* Appends text[0..n) in quotes, inner quotes doubled, by libcsv. */
void kpi__csv_cell_quoted(kpi__strbuf *out, const char *text, size_t n);

/* Whether a spreadsheet opening the file would take text[0..n) for a
 * formula (CSV injection, CWE-1236): it begins with = + - @, a tab or a
 * carriage return; or would, once apostrophes before those were taken
 * away (so that a text of the city's own that begins with an apostrophe
 * keeps it through kpi__csv_protection()). */
int kpi__csv_formula_like(const char *text, size_t n);

/* Appends text[0..n) as kpi__csv_cell() does, but formula-like text with
 * an apostrophe before it, which spreadsheets show as text and the plan
 * reader takes away again (kpi__csv_protection()). */
void kpi__csv_text_cell(kpi__strbuf *out, const char *text, size_t n);

/* The bytes at the start of a cell read from a file that are a writer's
 * protection: 1 for an apostrophe before formula-like text, else 0. */
size_t kpi__csv_protection(const char *cell, size_t n);

#endif
