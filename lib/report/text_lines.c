/* The text report's lines: text made measurable, padding, rules, cells
 * cut to a width, and wrapped paragraphs. */
#include "report/linebreak.h"
#include "report/text.h"
#include "report/width.h"
#include "util/alloc.h"

#include <string.h>

static const char ELLIPSIS[] = "…";

/* ------------------------------------------------------------------------ */
/* Text pieces                                                              */
/* ------------------------------------------------------------------------ */

/* A copy of s that the layout can measure: controls (newlines, tabs)
 * become blanks so that they cannot break the alignment, and each byte
 * that is not UTF-8 becomes U+FFFD, as in the other formats. NULL when
 * memory ran out (out is then marked failed, so the render reports
 * KPI_ERR_NOMEM). */
char *kpi__text_plain(kpi__strbuf *out, const char *s)
{
    kpi__strbuf copy = {0};
    kpi__strbuf_append(&copy, ""); /* terminated even when s is empty */
    size_t n = s ? strlen(s) : 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t len = kpi__utf8_next(s + i, n - i, &cp);
        if (cp == 0xFFFD && len == 1)
            kpi__strbuf_append(&copy, "\xEF\xBF\xBD");
        else if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
            kpi__strbuf_append(&copy, " ");
        else
            kpi__strbuf_append_n(&copy, s + i, len);
        i += len;
    }
    char *text = kpi__strbuf_finish(&copy);
    if (!text)
        out->failed = 1;
    return text;
}

/* ------------------------------------------------------------------------ */
/* Lines                                                                    */
/* ------------------------------------------------------------------------ */

void kpi__text_pad(kpi__strbuf *out, size_t cells)
{
    static const char blanks[] = "                                ";
    while (cells > 0) {
        size_t n = cells < sizeof blanks - 1 ? cells : sizeof blanks - 1;
        kpi__strbuf_append_n(out, blanks, n);
        cells -= n;
    }
}

/* Ends the line, dropping the blanks that padding left at its end. */
void kpi__text_end_line(kpi__strbuf *out)
{
    while (!out->failed && out->length > 0 && out->data[out->length - 1] == ' ')
        out->data[--out->length] = '\0';
    kpi__strbuf_append(out, "\n");
}

/* One empty line, unless the text already ends in one (or is empty). */
void kpi__text_blank_line(kpi__strbuf *out)
{
    if (out->failed || out->length == 0)
        return;
    if (out->length >= 2 && out->data[out->length - 1] == '\n' &&
        out->data[out->length - 2] == '\n')
        return;
    kpi__strbuf_append(out, "\n");
}

void kpi__text_rule(const struct layout *L, size_t indent, size_t cells, char c)
{
    kpi__text_pad(L->out, indent);
    for (size_t i = 0; i < cells; i++)
        kpi__strbuf_append_n(L->out, &c, 1);
    kpi__text_end_line(L->out);
}

/* Appends s cut to at most max cells: whole when it fits, else the longest
 * prefix of whole characters that leaves room for "…", then "…". Returns
 * the cells written. */
size_t kpi__text_put_clipped(kpi__strbuf *out, const char *s, size_t max)
{
    size_t n = strlen(s), cells = kpi__width_n(s, n);
    if (cells <= max) {
        kpi__strbuf_append_n(out, s, n);
        return cells;
    }
    size_t mark = kpi__width(ELLIPSIS);
    if (max < mark)
        return 0;
    size_t keep = kpi__width_fit(s, n, max - mark, &cells);
    kpi__strbuf_append_n(out, s, keep);
    kpi__strbuf_append(out, ELLIPSIS);
    return cells + mark;
}

/* A cell of a table row: clipped to width and padded to it. */
void kpi__text_put_cell(kpi__strbuf *out, const char *s, size_t width, enum align align)
{
    size_t cells = kpi__width(s), before = 0;
    if (cells < width)
        before = align == RIGHT    ? width - cells
                 : align == CENTER ? (width - cells) / 2
                                   : 0;
    kpi__text_pad(out, before);
    cells = before + kpi__text_put_clipped(out, s, width - before);
    kpi__text_pad(out, width - cells);
}

/* Writes text wrapped to the page. The current line already holds col
 * cells; later lines start at next_col. Ends the last line. */
void kpi__text_put_wrapped(const struct layout *L, size_t col, size_t next_col,
                           const char *text)
{
    size_t n = strlen(text), at = 0;
    while (at < n && kpi__line_is_blank(text[at]))
        at++;
    do {
        size_t room = L->page > col + 2 ? L->page - col : 2;
        size_t next, len = kpi__line_take(text + at, n - at, room, &next);
        kpi__strbuf_append_n(L->out, text + at, len);
        kpi__text_end_line(L->out);
        at += next;
        col = next_col;
        if (at < n)
            kpi__text_pad(L->out, col);
    } while (at < n);
}

/* As kpi__text_put_wrapped() for any text, made kpi__text_plain() first (no control
 * characters, one line); NULL means the text could not be had. */
void kpi__text_put_plain(const struct layout *L, size_t col, size_t next_col,
                         const char *text)
{
    if (!text) {
        L->out->failed = 1;
        return;
    }
    char *clean = kpi__text_plain(L->out, text);
    if (clean)
        kpi__text_put_wrapped(L, col, next_col, clean);
    kpi__free(clean);
}

/* A result's reason line in the report's language, from column col. */
void kpi__text_put_reason(const struct layout *L, const kpi_result *r, size_t col)
{
    kpi__text_pad(L->out, col);
    kpi__text_put_plain(L, col, col, kpi_result_reason(r, L->lang));
}
