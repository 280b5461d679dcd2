/* One CSV cell, quoted only when it must be, the same way in every file
 * libkpi writes, so that what one writer quotes another never leaves bare;
 * and text no spreadsheet takes for a formula. */
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

int kpi__csv_formula_like(const char *text, size_t n)
{
    size_t i = 0;
    while (i < n && text[i] == '\'')
        i++;
    if (i == n)
        return 0;
    char c = text[i];
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

void kpi__csv_text_cell(kpi__strbuf *out, const char *text, size_t n)
{
    if (!kpi__csv_formula_like(text, n)) {
        kpi__csv_cell(out, text, n);
        return;
    }
    /* Rare: the cell with its apostrophe is made in a copy, so that the
     * quoting (a formula often holds quotes and commas) covers both. */
    kpi__strbuf protected_text = {0};
    KPI__STRBUF_LITERAL(&protected_text, "'");
    kpi__strbuf_append_n(&protected_text, text, n);
    if (protected_text.failed)
        out->failed = 1;
    else
        kpi__csv_cell(out, protected_text.data, protected_text.length);
    kpi__strbuf_free(&protected_text);
}

size_t kpi__csv_protection(const char *cell, size_t n)
{
    return n > 1 && cell[0] == '\'' && kpi__csv_formula_like(cell + 1, n - 1);
}
