/* One CSV cell, quoted only when it must be, the same way in every file
 * libkpi writes, so that what one writer quotes another never leaves bare. */
#include "util/csv_cell.h"
#include "util/alloc.h"

#include <csv.h>
#include <string.h>

static int is_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* Quotes are needed for a delimiter, a quote, a line break, or blanks at
 * either end that a reader might trim (libcsv trims spaces and tabs). */
static int needs_quotes(const char *s, size_t n)
{
    if (n && (is_blank(s[0]) || is_blank(s[n - 1])))
        return 1;
    for (size_t i = 0; i < n; i++)
        if (s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n')
            return 1;
    return 0;
}

void kpi__csv_cell(kpi__strbuf *out, const char *text, size_t n)
{
    if (!needs_quotes(text, n)) {
        kpi__strbuf_append_n(out, text, n);
        return;
    }
    size_t size = csv_write(NULL, 0, text, n);
    char *buf = kpi__malloc(size);
    if (!buf) {
        out->failed = 1;
        return;
    }
    csv_write(buf, size, text, n);
    kpi__strbuf_append_n(out, buf, size);
    kpi__free(buf);
}
