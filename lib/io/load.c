/* Helpers for the loaders: cells, positions on errors, and the typed cell
 * readers every column goes through. */
#include "io/load.h"
#include "util/date.h"
#include "util/error.h"
#include "util/number.h"
#include "util/utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int kpi__load_header(kpi__load *load, const kpi__csv_row *row,
                     const kpi__column_spec *specs, size_t spec_count, int *rc)
{
    if (load->have_header) {
        *rc = kpi__columns_check_width(&load->columns, row, load->source);
        return 0;
    }
    load->have_header = 1;
    *rc = kpi__columns_read(&load->columns, specs, spec_count, row, load->source,
                            load->warnings);
    return 1;
}

const char *kpi__load_trimmed(const kpi__load *load, const kpi__csv_row *row, int column,
                              char *buf, size_t size)
{
    const char *cell = kpi__columns_cell(&load->columns, row, column);
    size_t skip;
    while ((skip = kpi__blank_at(cell)) != 0)
        cell += skip;
    size_t n = strlen(cell), whole = n;
    while ((skip = kpi__blank_before(cell, n)) != 0)
        n -= skip;
    if (n == whole && n < size)
        return cell; /* nothing to cut: the cell itself */
    if (n >= size)
        n = size - 1;
    memcpy(buf, cell, n);
    buf[n] = '\0';
    return buf;
}

/* "source:line: " (in a workbook, "source: C14: " or "source: row 14: "),
 * then the column's name when there is one. */
static void format_position(const kpi__load *load, const kpi__csv_row *row, int column,
                            char *prefix, size_t size)
{
    int32_t position = column >= 0 ? kpi__columns_position(&load->columns, column) : 0;
    kpi__position_format(prefix, size, load->source, load->warnings->cells, row->line,
                         position);
    if (column >= 0) {
        size_t used = strlen(prefix);
        snprintf(prefix + used, size - used,
                 "column \"%s\": ", kpi__columns_name(&load->columns, column));
    }
}

int kpi__load_error(const kpi__load *load, const kpi__csv_row *row, int column, int code,
                    const char *fmt, ...)
{
    char prefix[KPI__CLIP_SIZE * 2 + 1200], detail[700];
    format_position(load, row, column, prefix, sizeof prefix);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(detail, sizeof detail, fmt, ap);
    va_end(ap);
    kpi__utf8_trim_end(detail);
    int32_t position = column >= 0 ? kpi__columns_position(&load->columns, column) : 0;
    return kpi__error_at(code, load->source, row->line, position, "%s%s", prefix, detail);
}

int kpi__load_wrap(const kpi__load *load, const kpi__csv_row *row, int column, int rc)
{
    char detail[700];
    snprintf(detail, sizeof detail, "%s", kpi_error_message());
    kpi__utf8_trim_end(detail);
    return kpi__load_error(load, row, column, rc, "%s", detail);
}

int kpi__load_number(const kpi__load *load, const kpi__csv_row *row, int column,
                     double *out)
{
    const char *cell = kpi__columns_cell(&load->columns, row, column);
    if (!*cell)
        return KPI_OK;
    int rc = kpi__number_parse(out, cell);
    return rc == KPI_OK ? KPI_OK : kpi__load_wrap(load, row, column, rc);
}

int kpi__load_date(const kpi__load *load, const kpi__csv_row *row, int column, int last,
                   int32_t *out)
{
    const char *cell = kpi__columns_cell(&load->columns, row, column);
    if (!*cell)
        return KPI_OK;
    int rc = last ? kpi_date_parse_range(NULL, out, cell)
                  : kpi_date_parse_range(out, NULL, cell);
    return rc == KPI_OK ? KPI_OK : kpi__load_wrap(load, row, column, rc);
}

static int same_word(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        char x = *a >= 'A' && *a <= 'Z' ? (char)(*a - 'A' + 'a') : *a;
        if (x != *b)
            return 0;
    }
    return *a == *b;
}

int kpi__load_word(const kpi__load *load, const kpi__csv_row *row, int column,
                   const kpi__spelling *words, size_t word_count, const char *expected,
                   int *out)
{
    char buf[64];
    const char *cell = kpi__load_trimmed(load, row, column, buf, sizeof buf);
    if (!*cell)
        return KPI_OK;
    for (size_t i = 0; i < word_count; i++) {
        if (same_word(cell, words[i].word)) {
            *out = words[i].value;
            return KPI_OK;
        }
    }
    char quoted[KPI__CLIP_SIZE];
    return kpi__load_error(
        load, row, column, KPI_ERR_VALUE, "\"%s\" is not one of %s",
        kpi__clip(quoted, kpi__columns_cell(&load->columns, row, column)), expected);
}
