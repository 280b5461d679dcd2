/* One CSV cell, quoted only when it must be, the same way in every file
 * libkpi writes, so that what one writer quotes another never leaves bare. */
#include "util/csv_cell.h"

#include <csv.h>

static int needs_quotes(const char *s, size_t n)
{
    if (n &&
        (kpi__csv_blank((unsigned char)s[0]) || kpi__csv_blank((unsigned char)s[n - 1])))
        return 1;
    for (size_t i = 0; i < n; i++)
        if (kpi__csv_special((unsigned char)s[i]))
            return 1;
    return 0;
}

/* libcsv writes straight into the output: at most two bytes a byte of
 * text and the two quotes. */
void kpi__csv_cell_quoted(kpi__strbuf *out, const char *text, size_t n)
{
    size_t most = 2 * n + 2;
    if (most < n) { /* overflow */
        out->failed = 1;
        return;
    }
    char *p = kpi__strbuf_room(out, most);
    if (p)
        kpi__strbuf_commit(out, csv_write(p, most, text, n));
}

void kpi__csv_cell(kpi__strbuf *out, const char *text, size_t n)
{
    if (needs_quotes(text, n))
        kpi__csv_cell_quoted(out, text, n);
    else
        kpi__strbuf_append_n(out, text, n);
}
