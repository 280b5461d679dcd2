/* The rows of a plan file: fields quoted only as needed (util/csv_cell.c),
 * numbers that read back to the same double, ISO dates; or the same
 * fields as typed cells of a workbook's sheet (write_row.h kpi__cells). */
#include "io/write_row.h"
#include "kpi/csv.h"
#include "util/csv_cell.h"
#include "util/date.h"
#include "util/number.h"

#include <math.h>
#include <string.h>

/* A field that is not a text: a number or a date, which a spreadsheet
 * must read as one (a negative figure stays a number). */
static void write_value(kpi__writer *w, const char *text)
{
    if (w->fields++)
        kpi__strbuf_append(&w->out, ",");
    kpi__csv_cell(&w->out, text, strlen(text));
}

void kpi__write_field(kpi__writer *w, const char *text)
{
    if (!text)
        text = "";
    if (w->cells) {
        if (*text)
            w->cells->text(w->cells, w->fields, text);
        w->fields++;
        return;
    }
    if (w->fields++)
        kpi__strbuf_append(&w->out, ",");
    /* Raw text still protects a text that begins with an apostrophe before
     * a formula's first character: the reader, which cannot tell a raw file
     * from another, takes one such apostrophe away. */
    if ((w->flags & KPI_WRITE_RAW) && text[0] != '\'')
        kpi__csv_cell(&w->out, text, strlen(text));
    else
        kpi__csv_text_cell(&w->out, text, strlen(text));
}

void kpi__write_number(kpi__writer *w, double value)
{
    if (w->cells) {
        if (!isnan(value))
            w->cells->number(w->cells, w->fields, value);
        w->fields++;
        return;
    }
    char buf[KPI__NUMBER_SIZE] = "";
    if (!isnan(value))
        kpi__number_format(buf, value);
    write_value(w, buf);
}

void kpi__write_date(kpi__writer *w, int32_t date)
{
    if (w->cells) {
        if (date)
            w->cells->date(w->cells, w->fields, date);
        w->fields++;
        return;
    }
    char iso[KPI__DATE_ISO_SIZE];
    kpi__date_iso(iso, date);
    write_value(w, iso);
}

void kpi__write_end_row(kpi__writer *w)
{
    if (w->cells) {
        w->cells->end_row(w->cells);
        w->fields = 0;
        return;
    }
    kpi__strbuf_append(&w->out, w->flags & KPI_WRITE_CRLF ? "\r\n" : "\n");
    w->fields = 0;
}

void kpi__write_empty(kpi__writer *w, int count)
{
    while (count-- > 0)
        kpi__write_field(w, "");
}

void kpi__write_header(kpi__writer *w, const char *const *names, size_t count)
{
    if (!(w->flags & KPI_WRITE_NO_BOM) && !w->cells)
        kpi__strbuf_append(&w->out, "\xEF\xBB\xBF");
    for (size_t i = 0; i < count; i++)
        kpi__write_field(w, names[i]);
    kpi__write_end_row(w);
}
