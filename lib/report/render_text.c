/* The text report: the interim report (中間報告調書) as aligned plain text
 * for a terminal or a printer.
 *
 * Layout, top to bottom: the report title and the plan's title; the
 * organization, department, period, as-of date and roll-up rule; then per
 * goal (depth first) its heading line with rating symbol, its reason line,
 * its latest update, the directives addressed to it, and a table of its
 * targets (each with its reason and latest update); after the goals the
 * plan's overall rating, the directives (市長指示事項) with their
 * follow-up, the cancelled targets, the legend (評価基準) and the notes
 * (備考).
 *
 * Every line fits the width in terminal cells as width.c counts them (East
 * Asian wide and ambiguous characters as two). Long text wraps at cell
 * boundaries (at a blank or the start of an ASCII word when there is one,
 * never before closing punctuation such as 、。」); a cell of a fixed
 * column that is too long is cut and ends in "…". Both work on whole
 * characters, so no UTF-8 sequence is ever split. A table whose wording
 * column would be too narrow to read turns into a list, one target per
 * block. Lines carry no trailing blanks. */
#include "report/render.h"
#include "report/text.h"
#include "report/width.h"
#include "util/alloc.h"

#include <string.h>

/* ------------------------------------------------------------------------ */
/* Goals                                                                    */
/* ------------------------------------------------------------------------ */

static size_t goal_indent(int32_t depth)
{
    size_t indent = depth > 1 ? (size_t)(depth - 1) * INDENT_STEP : 0;
    return indent < INDENT_MAX ? indent : INDENT_MAX;
}

/* "△ 重点目標 1  title": top-level goals are 重点目標, deeper ones 取組項目.
 * The title wraps under itself, or under the symbol when that would leave
 * it too little room. */
static void put_goal_heading(const struct layout *L, const kpi_result *g, size_t indent)
{
    kpi__word_id word = g->depth <= 1 ? KPI__W_GOAL : KPI__W_INITIATIVE;
    char *code = kpi__text_plain(L->out, g->code);
    if (!code)
        return;
    kpi__text_pad(L->out, indent);
    size_t col = indent + kpi__width(kpi__display_level(g)) + 1;
    kpi__strbuf_printf(L->out, "%s %s ", kpi__display_level(g), kpi__word(word, L->lang));
    col += kpi__width(kpi__word(word, L->lang)) + 1;
    col += kpi__text_put_clipped(L->out, code, CODE_MAX) + GAP;
    kpi__text_pad(L->out, GAP);
    kpi__free(code);
    size_t hang = col <= L->page / 2 ? col : indent + 4;
    kpi__text_put_plain(L, col, hang, g->title ? g->title : "");
}

static void put_goal(const struct layout *L, const kpi_result *g)
{
    size_t indent = goal_indent(g->depth);
    kpi__text_blank_line(L->out);
    if (g->depth <= 1)
        kpi__text_rule(L, 0, L->page, '=');
    put_goal_heading(L, g, indent);
    kpi__text_put_reason(L, g, indent + REASON_STEP);
    kpi__text_put_goal_progress(L, g, indent + REASON_STEP);
    if (kpi__has_targets(g)) {
        kpi__text_blank_line(L->out);
        kpi__text_put_targets(L, g, indent + REASON_STEP);
    }
    for (size_t i = 0; i < g->child_count; i++) {
        const kpi_result *c = kpi_result_child_at(g, i);
        if (c->kind == KPI_OBJECT_GOAL)
            put_goal(L, c);
    }
}

/* ------------------------------------------------------------------------ */
/* Header and closing sections                                              */
/* ------------------------------------------------------------------------ */

/* Organization, department, period, as-of date and roll-up rule, with
 * their labels in one column. Empty ones are left out. */
static void put_header_fields(const struct layout *L)
{
    kpi__header header;
    kpi__display_header(&header, L->ev, L->lang);
    size_t label = 0;
    for (int i = 0; i < KPI__HEADER_FIELDS; i++)
        label =
            kpi__text_max_size(label, kpi__width(kpi__word(header.words[i], L->lang)));
    for (int i = 0; i < KPI__HEADER_FIELDS; i++) {
        if (!*header.values[i])
            continue;
        const char *word = kpi__word(header.words[i], L->lang);
        kpi__strbuf_append(L->out, word);
        kpi__text_pad(L->out, label - kpi__width(word) + GAP);
        kpi__text_put_plain(L, label + GAP, label + GAP, header.values[i]);
    }
}

static void put_header(const struct layout *L)
{
    const kpi_result *plan = &L->ev->results[0];
    kpi__text_put_wrapped(L, 0, 0, kpi__word(KPI__W_REPORT_TITLE, L->lang));
    if (plan->title && *plan->title)
        kpi__text_put_plain(L, 0, 0, plan->title);
    kpi__text_rule(L, 0, L->page, '=');
    put_header_fields(L);
}

/* "全体評価  △ 未進捗の部分あり" and the plan's reason line under it. */
static void put_overall(const struct layout *L)
{
    const kpi_result *plan = &L->ev->results[0];
    const char *word = kpi__word(KPI__W_PLAN_RATING, L->lang);
    const char *label = kpi__display_level_label(plan, L->lang);
    size_t col = kpi__width(word) + GAP;
    kpi__text_blank_line(L->out);
    kpi__text_rule(L, 0, L->page, '=');
    kpi__strbuf_append(L->out, word);
    kpi__text_pad(L->out, GAP);
    kpi__strbuf_printf(L->out, "%s %s", kpi__display_level(plan), label);
    kpi__text_end_line(L->out);
    kpi__text_put_reason(L, plan, col);
}

/* One entry of the legend, its label wrapped under itself. */
static void put_legend_entry(const struct layout *L, const char *symbol,
                             const char *label)
{
    size_t hang = 3 + kpi__width(symbol);
    kpi__text_pad(L->out, 2);
    kpi__strbuf_printf(L->out, "%s ", symbol);
    kpi__text_put_plain(L, hang, hang, label);
}

static void put_legend(const struct layout *L)
{
    kpi__text_blank_line(L->out);
    kpi__text_put_wrapped(L, 0, 0, kpi__word(KPI__W_LEGEND, L->lang));
    const kpi_scale *s = L->ev->scale;
    for (size_t level = 0; level < kpi_scale_level_count(s); level++)
        put_legend_entry(L, kpi_scale_level_symbol(s, level),
                         kpi_scale_level_label(s, level, L->lang));
    kpi_unrated shown[KPI__UNRATED_COUNT];
    for (size_t i = 0, n = kpi__legend_unrated(L->ev, shown); i < n; i++)
        put_legend_entry(L, kpi_scale_unrated_symbol(s, shown[i]),
                         kpi_scale_unrated_label(s, shown[i], L->lang));
    const char *mark = kpi__display_mark(L->lang);
    kpi__text_pad(L->out, 2);
    kpi__strbuf_append(L->out, mark); /* in the symbols' two cells */
    kpi__text_pad(L->out, 3 - kpi__width(mark));
    kpi__text_put_wrapped(L, 5, 5, kpi__word(KPI__W_INFERRED, L->lang));
}

/* The plan's notes (備考), one bullet each, wrapped under its text. */
static void put_notes(const struct layout *L)
{
    if (L->ev->note_count == 0)
        return;
    const char *bullet = L->lang == KPI_LANG_JA ? "・" : "-";
    size_t col = 2 + kpi__width(bullet) + (L->lang == KPI_LANG_JA ? 0 : 1);
    kpi__text_blank_line(L->out);
    kpi__text_put_wrapped(L, 0, 0, kpi__word(KPI__W_NOTES, L->lang));
    for (size_t i = 0; i < L->ev->note_count; i++) {
        kpi__text_pad(L->out, 2);
        kpi__strbuf_append(L->out, bullet);
        kpi__text_pad(L->out, col - 2 - kpi__width(bullet));
        kpi__text_put_plain(L, col, col, L->ev->notes[i]);
    }
}

int kpi__render_text(kpi__strbuf *out, const kpi_evaluation *ev, kpi_lang lang,
                     int32_t width)
{
    struct layout L = {.out = out, .ev = ev, .lang = lang};
    L.page = width > PAGE_MAX ? PAGE_MAX : (size_t)width;
    kpi__directive_refs_init(&L.refs, out, ev);
    kpi__text_measure_columns(&L);
    put_header(&L);
    const kpi_result *plan = &ev->results[0];
    for (size_t i = 0; i < plan->child_count; i++) {
        const kpi_result *g = kpi_result_child_at(plan, i);
        if (g->kind == KPI_OBJECT_GOAL)
            put_goal(&L, g);
    }
    put_overall(&L);
    kpi__text_put_directives(&L);
    kpi__text_put_cancelled(&L);
    put_legend(&L);
    put_notes(&L);
    kpi__directive_refs_free(&L.refs);
    return out->failed ? KPI_ERR_NOMEM : KPI_OK;
}
