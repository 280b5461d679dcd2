/* A sheet's rows, handed to the CSV reader's row handlers as the part is
 * inflated and parsed: each <row> becomes a kpi__csv_row whose field i is
 * column i (A = 0, gaps ""), its line the row's number; each <c> the text
 * a CSV file saved from the sheet would hold (xlsx_cell.c for dates and
 * escapes). What no spreadsheet writes (rows or cells out of order, a
 * reference beyond the sheet, an unknown string) is an error naming the
 * cell, and what a hostile file could blow up (cells, text) is bounded. */
#include "io/xlsx_read.h"
#include "io/warnings.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/number.h"
#include "kpi/xlsx.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct sheet {
    kpi__xlsx_book *book;
    const char *source; /* "file: sheet 計画" */
    kpi__csv_row_fn on_row;
    void *context;
    kpi__csv_row row; /* the row being built; line is its number */
    int32_t last_row; /* the number of the row before, 0 at first */
    int32_t column;   /* the last cell's column in this row, 0 at first */
    int in_row, in_cell, in_v, in_is, in_t, phonetic;
    /* The cell being read. */
    char type[16];
    uint32_t style;
    kpi__xlsx_text text;
};

/* ---- Errors naming the cell --------------------------------------------- */

#if defined(__GNUC__)
__attribute__((format(printf, 4, 5)))
#endif
static int
cell_error(const struct sheet *st, int code, int32_t column, const char *fmt, ...)
{
    char prefix[4400], detail[600];
    kpi__position_format(prefix, sizeof prefix, st->source, 1, st->row.line, column);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(detail, sizeof detail, fmt, ap);
    va_end(ap);
    return kpi__error_at(code, st->source, st->row.line, column, "%s%s", prefix, detail);
}

/* ---- The row being built ------------------------------------------------- */

/* Puts a cell's text (not empty) at its column, the columns skipped since
 * the last one left "". The text handed over is bounded all together, as
 * a shared string may be named by any number of cells. */
static int put_cell(struct sheet *st, int32_t column, const char *text, size_t size)
{
    kpi__csv_row *row = &st->row;
    kpi__xlsx_book *book = st->book;
    if (size > book->zip.limit - book->text)
        return cell_error(st, KPI_ERR_LIMIT, column,
                          "the sheets' cells hold more than the limit of %llu bytes of "
                          "text",
                          (unsigned long long)book->zip.limit);
    book->text += size;
    size_t index = (size_t)column - 1;
    int rc = KPI_OK;
    while (rc == KPI_OK && row->count < index)
        rc = kpi__csv_row_add(row, NULL, 0);
    if (rc == KPI_OK)
        rc = kpi__csv_row_add(row, text, size);
    return rc == KPI_OK ? KPI_OK : kpi__error_nomem();
}

/* Hands a row over when a cell of it has text (as the CSV reader skips
 * blank rows), then starts the next one empty. */
static int row_done(struct sheet *st)
{
    kpi__csv_row *row = &st->row;
    int rc = KPI_OK;
    if (row->count) {
        kpi__csv_row_point(row);
        rc = st->on_row(st->context, row);
    }
    row->count = row->used = 0;
    st->in_row = 0;
    return rc;
}

/* ---- Rows and cells as they start -------------------------------------- */

static int row_start(struct sheet *st, const char **attributes)
{
    const char *r = kpi__xlsx_attribute(attributes, "r");
    int32_t number = st->last_row + 1;
    if (r) {
        char *end;
        long n = strtol(r, &end, 10);
        number = *end || end == r || n < 1 ? -1 : n > KPI__XLSX_MAX_ROW ? -2 : (int32_t)n;
    }
    st->row.line = number > 0 ? number : st->last_row + 1;
    if (number == -1)
        return cell_error(st, KPI_ERR_PARSE, 0, "\"%s\" is not a row number", r);
    if (number == -2 || number > KPI__XLSX_MAX_ROW)
        return cell_error(st, KPI_ERR_PARSE, 0,
                          "the row is beyond row %d, the last of a sheet",
                          KPI__XLSX_MAX_ROW);
    if (number <= st->last_row)
        return cell_error(st, KPI_ERR_PARSE, 0,
                          "the row comes after row %d; rows must be in order",
                          (int)st->last_row);
    st->last_row = number;
    st->column = 0;
    st->in_row = 1;
    return KPI_OK;
}

/* The cell's column from its reference (or the one after the last). */
static int cell_column(struct sheet *st, const char *r, int32_t *column)
{
    int32_t row = st->row.line, c = st->column + 1;
    int why = r ? kpi__xlsx_cell_ref(r, &row, &c) : 0;
    char quoted[64];
    snprintf(quoted, sizeof quoted, "%s", r ? r : "");
    if (why == 1)
        return cell_error(st, KPI_ERR_PARSE, 0, "\"%s\" is not a cell reference", quoted);
    if (why == 2 || c > KPI__XLSX_MAX_COLUMN)
        return cell_error(st, KPI_ERR_PARSE, 0,
                          "cell %s is beyond column XFD, the last of a sheet", quoted);
    if (why == 3 || row != st->row.line)
        return cell_error(st, KPI_ERR_PARSE, 0, "cell %s is not in row %d", quoted,
                          (int)st->row.line);
    if (c <= st->column)
        return cell_error(st, KPI_ERR_PARSE, c,
                          "the cell comes after column %d; cells must be in order",
                          (int)st->column);
    *column = c;
    return KPI_OK;
}

static int cell_start(struct sheet *st, const char **attributes)
{
    kpi__xlsx_book *book = st->book;
    if (++book->cells > book->max_cells)
        return cell_error(st, KPI_ERR_LIMIT, 0,
                          "the sheets hold more cells than the limit of %llu",
                          (unsigned long long)book->max_cells);
    int rc = cell_column(st, kpi__xlsx_attribute(attributes, "r"), &st->column);
    if (rc != KPI_OK)
        return rc;
    const char *t = kpi__xlsx_attribute(attributes, "t");
    snprintf(st->type, sizeof st->type, "%s", t ? t : "n");
    const char *s = kpi__xlsx_attribute(attributes, "s");
    st->style = s ? (uint32_t)strtoul(s, NULL, 10) : 0;
    st->text.size = 0;
    st->text.over = 0;
    st->in_cell = 1;
    return KPI_OK;
}

/* ---- A cell's text, by type -------------------------------------------- */

static int is_date_style(const struct sheet *st)
{
    return st->style < st->book->xf_count && st->book->xf_date[st->style];
}

/* A number cell: its shortest form, or the date its style shows. */
static int number_text(struct sheet *st, char *buf, const char **text)
{
    const char *v = st->text.data;
    char *end;
    double value = strtod(v, &end);
    if (end == v || *end || !isfinite(value))
        return cell_error(st, KPI_ERR_VALUE, st->column, "\"%.40s\" is not a number", v);
    if (!is_date_style(st)) {
        kpi__number_format(buf, value);
        *text = buf;
        return KPI_OK;
    }
    if (kpi__xlsx_serial_date(buf, value, st->book->date1904) != 0)
        return cell_error(st, KPI_ERR_DATE, st->column,
                          "%.40s is not a date: a date serial of the %s system is %s..%s",
                          v, st->book->date1904 ? "1904" : "1900",
                          st->book->date1904 ? "0" : "1",
                          st->book->date1904 ? "2957003" : "2958465");
    *text = buf;
    return KPI_OK;
}

static int shared_text(struct sheet *st, const char **text)
{
    const kpi__xlsx_book *book = st->book;
    const char *v = st->text.data;
    char *end;
    unsigned long long index = strtoull(v, &end, 10);
    if (end == v || *end || v[0] == '-')
        return cell_error(st, KPI_ERR_PARSE, st->column,
                          "\"%.40s\" is not a shared string index", v);
    if (index >= book->string_count)
        return cell_error(st, KPI_ERR_PARSE, st->column,
                          "shared string %llu is out of range (the workbook has %zu)",
                          index, book->string_count);
    *text = book->strings + book->string_start[index];
    return KPI_OK;
}

/* The text of a cell of type st->type, its value collected in st->text. */
static int cell_text(struct sheet *st, char *buf, const char **text)
{
    const char *t = st->type, *v = st->text.data;
    if (strcmp(t, "s") == 0)
        return shared_text(st, text);
    *text = v;
    if (strcmp(t, "str") == 0 || strcmp(t, "inlineStr") == 0) {
        kpi__xlsx_unescape(st->text.data, st->text.size);
        return KPI_OK;
    }
    if (strcmp(t, "d") == 0) { /* ISO 8601: the date, without a time */
        st->text.data[strcspn(v, "T")] = '\0';
        return KPI_OK;
    }
    if (strcmp(t, "b") == 0) {
        if (strcmp(v, "1") && strcmp(v, "0"))
            return cell_error(st, KPI_ERR_VALUE, st->column, "\"%.40s\" is not a boolean",
                              v);
        *text = v[0] == '1' ? "TRUE" : "FALSE";
        return KPI_OK;
    }
    if (strcmp(t, "e") == 0)
        return cell_error(st, KPI_ERR_VALUE, st->column, "the cell holds the error %.40s",
                          v);
    if (strcmp(t, "n") == 0)
        return number_text(st, buf, text);
    return cell_error(st, KPI_ERR_PARSE, st->column, "cell type \"%.20s\" is not known",
                      t);
}

static int cell_end(struct sheet *st)
{
    st->in_cell = st->in_v = st->in_is = st->in_t = 0;
    if (st->text.over)
        return cell_error(st, KPI_ERR_LIMIT, st->column,
                          "the cell's text is longer than the limit of %d bytes",
                          KPI_MAX_FIELD);
    if (st->text.size == 0)
        return KPI_OK; /* an empty cell, or one with a style only */
    char buf[KPI__NUMBER_SIZE > 16 ? KPI__NUMBER_SIZE : 16];
    const char *text = "";
    int rc = cell_text(st, buf, &text);
    return rc != KPI_OK || !*text ? rc : put_cell(st, st->column, text, strlen(text));
}

/* ---- The XML ----------------------------------------------------------- */

static void sheet_start(kpi__xlsx_xml *xml, void *context, const char *name,
                        const char **attributes)
{
    struct sheet *st = context;
    int rc = KPI_OK;
    if (strcmp(name, "row") == 0)
        rc = st->in_row ? row_done(st) : KPI_OK;
    if (rc == KPI_OK && strcmp(name, "row") == 0)
        rc = row_start(st, attributes);
    else if (strcmp(name, "c") == 0 && st->in_row)
        rc = cell_start(st, attributes);
    else if (strcmp(name, "v") == 0 && st->in_cell)
        st->in_v = 1;
    else if (strcmp(name, "is") == 0 && st->in_cell)
        st->in_is = 1;
    else if (strcmp(name, "rPh") == 0)
        st->phonetic = 1;
    else if (strcmp(name, "t") == 0)
        st->in_t = st->in_is && !st->phonetic;
    if (rc != KPI_OK)
        kpi__xlsx_xml_stop(xml, rc);
}

static void sheet_end(kpi__xlsx_xml *xml, void *context, const char *name)
{
    struct sheet *st = context;
    int rc = KPI_OK;
    if (strcmp(name, "c") == 0 && st->in_cell)
        rc = cell_end(st);
    else if (strcmp(name, "row") == 0 && st->in_row)
        rc = row_done(st);
    else if (strcmp(name, "v") == 0)
        st->in_v = 0;
    else if (strcmp(name, "t") == 0)
        st->in_t = 0;
    else if (strcmp(name, "rPh") == 0)
        st->phonetic = 0;
    if (rc != KPI_OK)
        kpi__xlsx_xml_stop(xml, rc);
}

static void sheet_text(kpi__xlsx_xml *xml, void *context, const char *text, size_t size)
{
    struct sheet *st = context;
    if ((st->in_v || st->in_t) && kpi__xlsx_text_add(&st->text, text, size) != KPI_OK)
        kpi__xlsx_xml_stop(xml, KPI_ERR_NOMEM);
}

int kpi__xlsx_sheet_rows(kpi__xlsx_book *book, int sheet, kpi__csv_row_fn on_row,
                         void *context)
{
    static const kpi__xlsx_xml_calls calls = {sheet_start, sheet_end, sheet_text};
    struct sheet st = {.book = book,
                       .source = book->sheet_name[sheet],
                       .on_row = on_row,
                       .context = context};
    int rc = kpi__xlsx_xml_parse(&book->zip, book->sheet_part[sheet], &calls, &st);
    kpi__xlsx_text_free(&st.text);
    kpi__free(st.row.fields);
    kpi__free(st.row.starts);
    kpi__free(st.row.bytes);
    return rc;
}
