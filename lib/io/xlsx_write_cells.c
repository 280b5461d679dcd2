/* The plan writer's cells typed into a worksheet (xlsx_write_cells.h): texts as
 * string cells, never formulas; figures as numbers, or as their text when
 * a number cell would not hold them exactly; dates as Excel dates. So the
 * workbook reads back (io/xlsx_read.c) to the cells the CSV writer writes,
 * and a plan goes CSV → workbook → CSV without a byte changed. */
#include "io/xlsx_write_cells.h"
#include "util/date.h"
#include "util/error.h"
#include "util/number.h"
#include "kpi/error.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static kpi__sheet_cells *of(kpi__cells *cells)
{
    return (kpi__sheet_cells *)cells;
}

/* "D5": column (0-based) and row (0-based) as a spreadsheet names them. */
static void cell_name(char *out, size_t size, int column, uint32_t row)
{
    char letters[4];
    int n = 0;
    for (int c = column + 1; c > 0 && n < 3; c = (c - 1) / 26)
        letters[n++] = (char)('A' + (c - 1) % 26);
    int at = 0;
    while (n > 0 && at + 1 < (int)size)
        out[at++] = letters[--n];
    snprintf(out + at, size - (size_t)at, "%lu", (unsigned long)row + 1);
}

static const char *column_name(const kpi__sheet_cells *c, int column)
{
    return column < c->columns ? c->header[column] : "?";
}

/* Whether the cell may be written: no failure yet and the sheet not full. */
static int writable(kpi__sheet_cells *c, int column)
{
    if (c->rc != KPI_OK)
        return 0;
    if (c->row < KPI__XLSX_MAX_ROWS && column < KPI__XLSX_SHEET_COLUMNS)
        return 1;
    c->rc = kpi__error(KPI_ERR_LIMIT,
                       "plan workbook: sheet %s: more rows than a sheet holds (%d)",
                       c->name, KPI__XLSX_MAX_ROWS);
    return 0;
}

static void failed(kpi__sheet_cells *c, int column, lxw_error error)
{
    char cell[16], what[160];
    cell_name(cell, sizeof cell, column, c->row);
    snprintf(what, sizeof what, "sheet %s: %s", c->name, cell);
    c->rc = kpi__workbook_error(error, what);
}

/* A string cell: the header's names kept for messages and the lists, the
 * row's code for messages, and Excel's limit on a cell's text checked. */
static void write_string(kpi__sheet_cells *c, int column, const char *text)
{
    if (!writable(c, column))
        return;
    if (c->row == 0) {
        c->header[column] = text; /* the writers' static header names */
        if (column + 1 > c->columns)
            c->columns = column + 1;
    }
    if (column == c->code_column)
        c->code = text;
    if (kpi__workbook_text_units(text) > KPI__XLSX_MAX_TEXT) {
        char cell[16];
        cell_name(cell, sizeof cell, column, c->row);
        c->rc = kpi__error(KPI_ERR_LIMIT,
                           "plan workbook: sheet %s: %s: \"%s\" of %s: more than the "
                           "%d characters a cell holds",
                           c->name, cell, column_name(c, column), c->code ? c->code : "",
                           KPI__XLSX_MAX_TEXT);
        return;
    }
    lxw_error e = worksheet_write_string(c->sheet, c->row, (lxw_col_t)column, text,
                                         c->row == 0 ? c->header_format : NULL);
    if (e != LXW_NO_ERROR)
        failed(c, column, e);
}

/* Texts are checked and fitted before they are written. */
static void write_text(kpi__cells *cells, int column, const char *text)
{
    kpi__sheet_cells *c = of(cells);
    const char *written = kpi__workbook_text(&c->scratch, text);
    if (!written)
        c->rc = c->rc != KPI_OK ? c->rc : kpi__error_nomem();
    else
        write_string(c, column, written);
}

/* A number cell holds the value as libxlsxwriter prints it, with 16
 * significant digits: those values it would change are written as the
 * shortest text that reads back to them, which the reader reads so. */
static int fits_number_cell(double value)
{
    char printed[40];
    snprintf(printed, sizeof printed, "%.16G", value);
    return strtod(printed, NULL) == value;
}

static void write_number(kpi__cells *cells, int column, double value)
{
    kpi__sheet_cells *c = of(cells);
    if (!writable(c, column))
        return;
    if (!fits_number_cell(value)) {
        char text[KPI__NUMBER_SIZE];
        kpi__number_format(text, value);
        write_string(c, column, text);
        return;
    }
    lxw_error e =
        worksheet_write_number(c->sheet, c->row, (lxw_col_t)column, value, NULL);
    if (e != LXW_NO_ERROR)
        failed(c, column, e);
}

/* A date an Excel date cannot hold (before KPI__XLSX_FIRST_DATE) is
 * written as its ISO text. */
static void write_date(kpi__cells *cells, int column, int32_t date)
{
    kpi__sheet_cells *c = of(cells);
    if (!writable(c, column))
        return;
    lxw_datetime when;
    if (!kpi__workbook_datetime(&when, date)) {
        char iso[KPI__DATE_ISO_SIZE];
        kpi__date_iso(iso, date);
        write_string(c, column, iso);
        return;
    }
    lxw_error e = worksheet_write_datetime(c->sheet, c->row, (lxw_col_t)column, &when,
                                           c->date_format);
    if (e != LXW_NO_ERROR)
        failed(c, column, e);
}

static void end_row(kpi__cells *cells)
{
    kpi__sheet_cells *c = of(cells);
    c->row++;
    c->code = NULL;
}

void kpi__sheet_cells_init(kpi__sheet_cells *c, lxw_worksheet *sheet, const char *name,
                           int code_column, lxw_format *header_format,
                           lxw_format *date_format)
{
    *c = (kpi__sheet_cells){
        .cells = {write_text, write_number, write_date, end_row},
        .sheet = sheet,
        .name = name,
        .header_format = header_format,
        .date_format = date_format,
        .code_column = code_column,
        .rc = KPI_OK,
    };
}

void kpi__sheet_cells_free(kpi__sheet_cells *c)
{
    kpi__strbuf_free(&c->scratch);
}
