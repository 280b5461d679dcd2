/* The workbook's 調書: the plan laid out as the city's interim report
 * (重点目標一覧表（中間報告調書）) is, in the order the HTML report follows:
 * a title, the header fields and the overall rating, then the table of
 * 重点目標 / 具体的な重点取組項目 / 期限・数値目標等 / 進捗状況 / 進捗度,
 * one row per target, each goal and initiative a merged cell over its
 * targets' rows, the level a coloured symbol; then the legend, the
 * directives, the cancelled targets and the notes (xlsx_sections.c). It
 * prints on A4 landscape, fitted to the page's width, the table's heading
 * repeated on every page.
 *
 * Goals at depth 1 fill the first column; every deeper goal is an
 * initiative with its own block of rows in the second (its code says
 * where it sits); targets directly under a goal at depth 1 make a block
 * without an initiative. */
#include "report/xlsx.h"
#include "util/error.h"

#include <string.h>

/* The rows above the table's heading. */
#define TITLE_ROW 0
#define META_ROW 1
#define OVERALL_ROW 2
#define HEAD_ROW 3

static double width_of(int first, int last)
{
    double width = 0;
    for (int col = first; col <= last; col++)
        width += kpi__xlsx_widths[col];
    return width;
}

/* ---- Above the table ------------------------------------------------------ */

static void put_title(kpi__xlsx_sheet *s)
{
    const kpi__xlsx *x = s->x;
    const kpi_result *plan = &x->ev->results[0];
    const char *title =
        *plan->title ? plan->title : kpi__word(KPI__W_REPORT_TITLE, x->lang);
    kpi__xlsx_merged(s, TITLE_ROW, KPI__XLSX_GOAL, TITLE_ROW, KPI__XLSX_LAST_COLUMN,
                     title, x->f.title, plan, "title");
    /* The title's larger letters take more of the width. */
    kpi__xlsx_fit(s, TITLE_ROW, width_of(KPI__XLSX_GOAL, KPI__XLSX_LAST_COLUMN) / 1.4,
                  title);
}

/* The header's fields on one line: "団体：上田市　担当部局：政策企画部　…". */
static void put_meta(kpi__xlsx_sheet *s)
{
    const kpi__xlsx *x = s->x;
    const struct kpi__xlsx_words *w = kpi__xlsx_words(x->lang);
    kpi__header header;
    kpi__strbuf line = {0};
    kpi__display_header(&header, x->ev, x->lang);
    for (int i = 0; i < KPI__HEADER_FIELDS; i++) {
        if (!*header.values[i])
            continue;
        if (i < 2) /* the others are dates and a word */
            kpi__xlsx_field(s, &x->ev->results[0], i ? "department" : "organization",
                            header.values[i]);
        if (line.length)
            kpi__strbuf_append(&line, w->item_gap);
        kpi__strbuf_append(&line, kpi__word(header.words[i], x->lang));
        kpi__strbuf_append(&line, w->label_end);
        kpi__strbuf_append(&line, header.values[i]);
    }
    if (kpi__xlsx_whole(s->x, &line)) {
        kpi__xlsx_fit(s, META_ROW, width_of(KPI__XLSX_GOAL, KPI__XLSX_LAST_COLUMN),
                      line.data);
        kpi__xlsx_merged(s, META_ROW, KPI__XLSX_GOAL, META_ROW, KPI__XLSX_LAST_COLUMN,
                         line.data, x->f.meta, &x->ev->results[0],
                         "organization and department");
    }
    kpi__strbuf_free(&line);
}

/* A goal's or the plan's level in words: "進捗度：○ 目標どおり進捗". */
static void append_level(kpi__strbuf *b, const kpi_result *r, kpi_lang lang)
{
    kpi__strbuf_append(
        b,
        kpi__word(r->kind == KPI_OBJECT_PLAN ? KPI__W_PLAN_RATING : KPI__W_RATING, lang));
    kpi__strbuf_append(b, kpi__xlsx_words(lang)->label_end);
    kpi__strbuf_append(b, kpi__display_level(r));
    kpi__strbuf_append(b, " ");
    kpi__strbuf_append(b, kpi__display_level_label(r, lang));
}

/* The overall rating in words with its reason line, and its symbol in the
 * rating column. */
static void put_overall(kpi__xlsx_sheet *s)
{
    kpi__xlsx *x = s->x;
    const kpi_result *plan = &x->ev->results[0];
    kpi__strbuf text = {0};
    append_level(&text, plan, x->lang);
    kpi__strbuf_append(&text, "\n");
    kpi__strbuf_append(&text, kpi__display_reason(&text, plan, x->lang));
    if (kpi__xlsx_whole(x, &text)) {
        kpi__xlsx_fit(s, OVERALL_ROW, width_of(KPI__XLSX_GOAL, KPI__XLSX_PROGRESS),
                      text.data);
        kpi__xlsx_merged(s, OVERALL_ROW, KPI__XLSX_GOAL, OVERALL_ROW, KPI__XLSX_PROGRESS,
                         text.data, x->f.meta, plan, "reason");
    }
    kpi__strbuf_free(&text);
    kpi__xlsx_text(s, OVERALL_ROW, KPI__XLSX_RATING, kpi__display_level(plan),
                   x->f.badge[kpi__display_colour(plan)], plan, "level");
}

static void put_head(kpi__xlsx_sheet *s)
{
    const kpi__xlsx *x = s->x;
    const char *heads[KPI__XLSX_COLUMNS] = {
        kpi__word(KPI__W_GOAL, x->lang),   kpi__xlsx_words(x->lang)->initiatives,
        kpi__word(KPI__W_TARGET, x->lang), kpi__word(KPI__W_UPDATE, x->lang),
        kpi__word(KPI__W_RATING, x->lang),
    };
    for (int col = 0; col < KPI__XLSX_COLUMNS; col++) {
        kpi__xlsx_text(s, HEAD_ROW, (uint16_t)col, heads[col], x->f.head, NULL,
                       "heading");
        kpi__xlsx_fit(s, HEAD_ROW, kpi__xlsx_widths[col], heads[col]);
    }
}

/* ---- The goals ------------------------------------------------------------- */

/* A goal's cell: its code and title, its level, its latest update, the
 * directives addressed to it and its cancelled targets, as the HTML
 * report shows them under a goal's heading. */
static void goal_text(kpi__strbuf *b, const kpi__directive_refs *refs,
                      const kpi_result *g, kpi_lang lang)
{
    kpi__strbuf_append(b, g->code);
    kpi__strbuf_append(b, " ");
    kpi__strbuf_append(b, g->title);
    kpi__strbuf_append(b, "\n");
    append_level(b, g, lang);
    if (kpi__has_update(g)) {
        kpi__strbuf_append(b, "\n");
        kpi__display_update_head(b, g, lang);
        if (g->update_text && *g->update_text) {
            kpi__strbuf_append(b, "\n");
            kpi__strbuf_append(b, g->update_text);
        }
    }
    for (size_t k = 0; k < kpi__directive_refs_count(refs, g); k++) {
        kpi__strbuf_append(b, "\n");
        kpi__display_directive_ref(
            b, kpi__directive(refs->ev, kpi__directive_ref(refs, g, k)), lang);
    }
    kpi__strbuf cancelled = {0};
    if (kpi__display_cancelled_children(&cancelled, g, lang)) {
        kpi__strbuf_append(b, "\n");
        kpi__strbuf_append_n(b, cancelled.data, cancelled.length);
    }
    kpi__strbuf_free(&cancelled);
    kpi__strbuf_append(b, "");
}

/* A goal's cell over rows first..last of its column. */
static void put_goal_cell(kpi__xlsx_sheet *s, const kpi__directive_refs *refs,
                          const kpi_result *g, uint32_t first, uint32_t last, int col)
{
    kpi__xlsx *x = s->x;
    kpi__strbuf text = {0};
    kpi__xlsx_field(s, g, "title", g->title);
    kpi__xlsx_field(s, g, "update_text", g->update_text);
    if (g->kind == KPI_OBJECT_GOAL)
        goal_text(&text, refs, g, x->lang);
    kpi__xlsx_whole(x, &text);
    if (x->rc == KPI_OK)
        kpi__xlsx_fit_rows(s, first, last, kpi__xlsx_widths[col], text.data);
    kpi__xlsx_merged(s, first, (uint16_t)col, last, (uint16_t)col, text.data,
                     col == KPI__XLSX_GOAL ? x->f.goal : x->f.initiative, g,
                     "title and progress");
    kpi__strbuf_free(&text);
}

/* The target as written in the plan, with its label under it when the two
 * differ, its due date when it is not the end of the period, and whether
 * a person set its level (with the computed one when they differ). */
static void target_text(kpi__strbuf *b, const kpi_result *r, kpi_lang lang)
{
    const char *text = r->text && *r->text ? r->text : r->title;
    kpi__strbuf_append(b, kpi__inferred_mark(r, lang));
    kpi__strbuf_append(b, text);
    if (text != r->title && *r->title && strcmp(text, r->title) != 0) {
        kpi__strbuf_append(b, "\n（");
        kpi__strbuf_append(b, r->title);
        kpi__strbuf_append(b, "）");
    }
    if (r->due && r->due != r->evaluation->end) {
        char due[KPI__DUE_SIZE];
        kpi__display_due(due, r->due, lang);
        kpi__strbuf_append(b, "\n");
        kpi__strbuf_append(b, due);
    }
    if (r->assessed) {
        kpi__strbuf_append(b, "\n[");
        kpi__strbuf_append(b, kpi__word(KPI__W_ASSESSED, lang));
        if (r->mismatch) {
            kpi__strbuf_append(b, kpi__xlsx_words(lang)->separator);
            kpi__strbuf_append(b, kpi__word(KPI__W_COMPUTED, lang));
            kpi__strbuf_append(b, " ");
            kpi__strbuf_append(b, kpi__display_computed_level(r));
        }
        kpi__strbuf_append(b, "]");
    }
}

/* What was reported, as the city wrote it, then the reason line. */
static void progress_text(kpi__strbuf *b, const kpi_result *r, kpi_lang lang)
{
    if (r->update_text && *r->update_text) {
        kpi__strbuf_append(b, r->update_text);
        kpi__strbuf_append(b, "\n");
    }
    kpi__strbuf_append(b, kpi__display_reason(b, r, lang));
}

/* One target's row: its cells, and the row's height for them. */
static void put_target(kpi__xlsx_sheet *s, const kpi_result *r, uint32_t row)
{
    kpi__xlsx *x = s->x;
    kpi__strbuf cells[2] = {{0}, {0}};
    kpi__xlsx_field(s, r, "text", r->text);
    kpi__xlsx_field(s, r, "title", r->title);
    kpi__xlsx_field(s, r, "update_text", r->update_text);
    target_text(&cells[0], r, x->lang);
    progress_text(&cells[1], r, x->lang);
    for (int i = 0; i < 2; i++) {
        kpi__strbuf_append(&cells[i], "");
        if (!cells[i].failed)
            kpi__xlsx_fit(s, row, kpi__xlsx_widths[KPI__XLSX_TARGET + i], cells[i].data);
    }
    kpi__xlsx_built(s, row, KPI__XLSX_TARGET, &cells[0], x->f.cell, r, "text and title");
    kpi__xlsx_built(s, row, KPI__XLSX_PROGRESS, &cells[1], x->f.cell, r,
                    "update_text and reason");
    kpi__xlsx_text(s, row, KPI__XLSX_RATING, kpi__display_level(r),
                   x->f.badge[kpi__display_colour(r)], r, "level");
}

/* A block of rows: the targets directly under g (cancelled ones are
 * listed apart), at least one row, its initiative cell over them (none
 * for a goal at depth 1). Returns the row after it. */
static uint32_t put_block(kpi__xlsx_sheet *s, const kpi__directive_refs *refs,
                          const kpi_result *g, uint32_t row)
{
    uint32_t first = row;
    for (size_t i = 0; i < g->child_count; i++) {
        const kpi_result *r = kpi_result_child_at(g, i);
        if (r->kind == KPI_OBJECT_TARGET && !kpi__is_cancelled(r))
            put_target(s, r, row++);
    }
    if (row == first) { /* no target: the row is the goal's alone */
        for (int col = KPI__XLSX_TARGET; col <= KPI__XLSX_RATING; col++)
            kpi__xlsx_text(s, row, (uint16_t)col, "", s->x->f.cell, g, "");
        row++;
    }
    if (g->depth > 1)
        put_goal_cell(s, refs, g, first, row - 1, KPI__XLSX_INITIATIVE);
    else
        kpi__xlsx_merged(s, first, KPI__XLSX_INITIATIVE, row - 1, KPI__XLSX_INITIATIVE,
                         "", s->x->f.initiative, g, "");
    return row;
}

/* g's block, then its child goals' blocks, depth first. The depth is
 * bounded by KPI_MAX_DEPTH, so the recursion is too. */
static uint32_t put_blocks(kpi__xlsx_sheet *s, const kpi__directive_refs *refs,
                           const kpi_result *g, uint32_t row)
{
    uint32_t first = row;
    if (g->depth > 1 || kpi__has_targets(g))
        row = put_block(s, refs, g, row);
    for (size_t i = 0; i < g->child_count && s->x->rc == KPI_OK; i++) {
        const kpi_result *child = kpi_result_child_at(g, i);
        if (child->kind == KPI_OBJECT_GOAL)
            row = put_blocks(s, refs, child, row);
    }
    /* A goal with neither targets nor initiatives still has its row. */
    return row == first ? put_block(s, refs, g, row) : row;
}

/* The goals at depth 1, each over the rows of its blocks; targets directly
 * under the plan make a block of their own. */
static uint32_t put_goals(kpi__xlsx_sheet *s, uint32_t row)
{
    const kpi_evaluation *ev = s->x->ev;
    const kpi_result *plan = &ev->results[0];
    kpi__directive_refs refs;
    kpi__strbuf failed = {0};
    kpi__directive_refs_init(&refs, &failed, ev);
    if (failed.failed && s->x->rc == KPI_OK)
        s->x->rc = kpi__error_nomem();
    if (kpi__has_targets(plan)) {
        uint32_t first = row;
        row = put_block(s, &refs, plan, row);
        kpi__xlsx_merged(s, first, KPI__XLSX_GOAL, row - 1, KPI__XLSX_GOAL, "",
                         s->x->f.goal, plan, "");
    }
    for (size_t i = 0; i < plan->child_count && s->x->rc == KPI_OK; i++) {
        const kpi_result *g = kpi_result_child_at(plan, i);
        if (g->kind != KPI_OBJECT_GOAL)
            continue;
        uint32_t first = row;
        row = put_blocks(s, &refs, g, row);
        put_goal_cell(s, &refs, g, first, row - 1, KPI__XLSX_GOAL);
    }
    kpi__directive_refs_free(&refs);
    return row;
}

/* ---- The sheet ------------------------------------------------------------- */

/* A4 landscape, fitted to the page's width, as many pages long as it
 * takes, the table's heading on each, the page number in the footer. */
static void set_print(kpi__xlsx_sheet *s)
{
    lxw_worksheet *ws = s->ws;
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9); /* A4 */
    worksheet_set_margins(ws, 0.4, 0.4, 0.5, 0.5);
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_center_horizontally(ws);
    kpi__xlsx_fail(s->x, worksheet_repeat_rows(ws, HEAD_ROW, HEAD_ROW), "repeating rows");
    kpi__xlsx_fail(s->x, worksheet_set_footer(ws, "&C&P / &N"), "setting the footer");
    worksheet_freeze_panes(ws, HEAD_ROW + 1, 0);
    for (int col = 0; col < KPI__XLSX_COLUMNS && s->x->rc == KPI_OK; col++)
        kpi__xlsx_fail(s->x,
                       worksheet_set_column(ws, (lxw_col_t)col, (lxw_col_t)col,
                                            kpi__xlsx_widths[col], NULL),
                       "setting a column's width");
}

void kpi__xlsx_chosho(kpi__xlsx_sheet *s)
{
    set_print(s);
    put_title(s);
    put_meta(s);
    put_overall(s);
    put_head(s);
    uint32_t row = put_goals(s, HEAD_ROW + 1);
    if (s->x->rc == KPI_OK)
        kpi__xlsx_sections(s, row);
    kpi__xlsx_set_heights(s);
}
