/* The text report's progress: each object's latest update under its
 * reason line, the directives a goal is addressed by, and the closing
 * sections that list the directives (市長指示事項) and the cancelled
 * targets apart from the ratings. Texts the city wrote keep their line
 * breaks: each of their lines wraps on its own, under the first. */
#include "report/text.h"
#include "report/width.h"
#include "util/alloc.h"

#include <string.h>

/* A header line of a closing section, with the gap before it. */
static void put_section_heading(const struct layout *L, const char *heading)
{
    kpi__text_blank_line(L->out);
    kpi__text_put_plain(L, 0, 0, heading);
}

/* A form built by the display layer, made plain and wrapped. */
static void put_built(const struct layout *L, size_t col, size_t next_col,
                      kpi__strbuf *built)
{
    char *text = kpi__display_finish(L->out, built);
    if (text)
        kpi__text_put_plain(L, col, next_col, text);
    kpi__free(text);
}

void kpi__text_put_lines(const struct layout *L, size_t col, size_t next_col,
                         const char *text)
{
    kpi__strbuf line = {0};
    const char *at = text;
    for (;;) {
        size_t n = strcspn(at, "\r\n");
        kpi__strbuf_append(&line, "");
        kpi__strbuf_append_n(&line, at, n);
        if (line.failed)
            L->out->failed = 1;
        else
            kpi__text_put_plain(L, col, next_col, line.data);
        line.length = 0;
        at += n;
        if (*at == '\r' && at[1] == '\n')
            at++;
        if (!*at || !at[1])
            break; /* a final break ends the text, it starts no empty line */
        at++;
        kpi__text_pad(L->out, next_col);
        col = next_col;
    }
    kpi__strbuf_free(&line);
}

/* "予定 2017-09-30（予定日 2017-10-31）  text": the heading, then the text
 * hanging under its first line; under the heading (the heading wrapped if
 * need be) when that would leave the text too little room. */
static void put_head_and_text(const struct layout *L, size_t col, kpi__strbuf *head,
                              const char *text)
{
    char *shown = kpi__display_finish(L->out, head);
    char *plain = shown ? kpi__text_plain(L->out, shown) : NULL;
    kpi__free(shown);
    if (!plain)
        return;
    size_t hang = col + kpi__width(plain) + GAP;
    kpi__text_pad(L->out, col);
    if (*text && hang <= L->page / 2) {
        kpi__strbuf_append(L->out, plain);
        kpi__text_pad(L->out, GAP);
        kpi__text_put_lines(L, hang, hang, text);
    } else {
        kpi__text_put_wrapped(L, col, col, plain);
        if (*text) {
            kpi__text_pad(L->out, col + REASON_STEP);
            kpi__text_put_lines(L, col + REASON_STEP, col + REASON_STEP, text);
        }
    }
    kpi__free(plain);
}

void kpi__text_put_update(const struct layout *L, const kpi_result *r, size_t col)
{
    if (!kpi__has_update(r))
        return;
    kpi__strbuf head = {0};
    kpi__display_update_head(&head, r, L->lang);
    put_head_and_text(L, col, &head, r->update_text ? r->update_text : "");
}

/* One line per directive addressed to the goal, cut short: the whole is in
 * the directives section. */
static void put_directive_refs(const struct layout *L, const kpi_result *g, size_t col)
{
    for (size_t i = 0; i < kpi__directive_refs_count(&L->refs, g); i++) {
        const kpi_result *d = kpi__directive(L->ev, kpi__directive_ref(&L->refs, g, i));
        kpi__strbuf ref = {0};
        kpi__display_directive_ref(&ref, d, L->lang);
        kpi__text_pad(L->out, col);
        put_built(L, col, col + REASON_STEP, &ref);
    }
}

void kpi__text_put_goal_progress(const struct layout *L, const kpi_result *g, size_t col)
{
    kpi__text_put_update(L, g, col);
    put_directive_refs(L, g, col);
    kpi__strbuf cancelled = {0};
    if (kpi__display_cancelled_children(&cancelled, g, L->lang)) {
        kpi__text_pad(L->out, col);
        put_built(L, col, col + REASON_STEP, &cancelled);
    } else {
        kpi__strbuf_free(&cancelled);
    }
}

/* ------------------------------------------------------------------------ */
/* Closing sections                                                         */
/* ------------------------------------------------------------------------ */

/* The section's code column widened to hold code, up to CODE_MAX. */
static size_t widen(size_t width, const char *code)
{
    size_t cells = kpi__width(code);
    cells = cells < CODE_MAX ? cells : CODE_MAX;
    return cells > width ? cells : width;
}

/* "  D-1    ": a code at the margin, cut to CODE_MAX and padded to the
 * section's code column, so that the blocks line up; returns the column
 * the rest of its block starts at. */
static size_t put_code(const struct layout *L, const char *code, size_t width)
{
    char *plain = kpi__text_plain(L->out, code);
    if (!plain)
        return 2 + width + GAP;
    kpi__text_pad(L->out, 2);
    kpi__text_put_cell(L->out, plain, width, LEFT);
    kpi__free(plain);
    kpi__text_pad(L->out, GAP);
    return 2 + width + GAP;
}

/* "市長 2017-05-10  対象 1-1、1-2  対応中（163日経過）【期限超過】". */
static void put_directive_meta(const struct layout *L, const kpi_result *d, size_t col)
{
    kpi__strbuf meta = {0};
    kpi__display_issued(&meta, d);
    kpi__strbuf_printf(&meta, "  %s ", kpi__word(KPI__W_ADDRESSED, L->lang));
    kpi__display_addressed(&meta, d, L->lang);
    kpi__strbuf_append(&meta, "  ");
    kpi__display_directive_state(&meta, d, L->lang);
    put_built(L, col, col, &meta);
}

/* "対応 完了 2017-09-20  text", or "回答なし". */
static void put_response(const struct layout *L, const kpi_result *d, size_t col)
{
    kpi__strbuf head = {0};
    if (kpi__has_update(d))
        kpi__strbuf_printf(&head, "%s ", kpi__word(KPI__W_RESPONSE, L->lang));
    kpi__display_response_head(&head, d, L->lang);
    put_head_and_text(L, col, &head, d->update_text ? d->update_text : "");
}

static void put_directive(const struct layout *L, const kpi_result *d, size_t width)
{
    size_t col = put_code(L, d->code, width);
    put_directive_meta(L, d, col);
    kpi__text_pad(L->out, col);
    kpi__text_put_lines(L, col, col, d->title ? d->title : "");
    put_response(L, d, col);
}

void kpi__text_put_directives(const struct layout *L)
{
    if (L->ev->directive_count == 0)
        return;
    kpi__strbuf heading = {0};
    kpi__display_directives_heading(&heading, L->ev, L->lang);
    char *text = kpi__display_finish(L->out, &heading);
    if (text)
        put_section_heading(L, text);
    kpi__free(text);
    size_t width = 0;
    for (size_t i = 0; i < L->ev->directive_count; i++)
        width = widen(width, kpi__directive(L->ev, i)->code);
    for (size_t i = 0; i < L->ev->directive_count; i++)
        put_directive(L, kpi__directive(L->ev, i), width);
}

/* "  1-1-c  空き家見学会" and under it "中止 2017-08-31  text". */
static void put_cancelled(const struct layout *L, const kpi_result *r, size_t width)
{
    size_t col = put_code(L, r->code, width);
    kpi__text_put_plain(L, col, col, r->title ? r->title : "");
    kpi__strbuf head = {0};
    kpi__display_cancel(&head, r, L->lang);
    put_head_and_text(L, col, &head, r->update_text ? r->update_text : "");
}

void kpi__text_put_cancelled(const struct layout *L)
{
    if (kpi__cancelled_count(L->ev) == 0)
        return;
    put_section_heading(L, kpi__word(KPI__W_CANCELLED, L->lang));
    size_t width = 0;
    for (size_t i = 0; i < L->ev->count; i++)
        if (kpi__is_cancelled(&L->ev->results[i]))
            width = widen(width, L->ev->results[i].code);
    for (size_t i = 0; i < L->ev->count; i++)
        if (kpi__is_cancelled(&L->ev->results[i]))
            put_cancelled(L, &L->ev->results[i], width);
}
