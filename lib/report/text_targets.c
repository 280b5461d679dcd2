/* The text report's targets: a table per goal (rating, code, wording and
 * figures), or a list of blocks when the page is too narrow for a table. */
#include "report/linebreak.h"
#include "report/text.h"
#include "report/width.h"
#include "util/alloc.h"

#include <string.h>

static const kpi__word_id column_words[COLUMN_COUNT] = {
    KPI__W_RATING,   KPI__W_CODE,         KPI__W_TARGET,      KPI__W_ACTUAL,
    KPI__W_EXPECTED, KPI__W_TARGET_VALUE, KPI__W_ACHIEVEMENT, KPI__W_PACE,
};

/* ------------------------------------------------------------------------ */
/* Target rows                                                              */
/* ------------------------------------------------------------------------ */

static void row_free(struct row *row)
{
    kpi__free(row->code);
    kpi__free(row->wording);
    kpi__free(row->target);
}

/* The target with its unit and comparison, made plain for the table. */
static char *target_value(kpi__strbuf *out, const kpi_result *r, kpi_lang lang)
{
    kpi__strbuf value = {0};
    kpi__display_target(&value, r, lang);
    char *text = kpi__display_finish(out, &value);
    char *clean = text ? kpi__text_plain(out, text) : NULL;
    kpi__free(text);
    return clean;
}

/* Fills a row; 0 when memory ran out (the row is then freed). */
static int row_init(struct row *row, kpi__strbuf *out, const kpi_result *r, kpi_lang lang)
{
    memset(row, 0, sizeof *row);
    const char *wording = r->text && *r->text ? r->text : r->title;
    kpi__strbuf marked = {0};
    kpi__strbuf_append(&marked, kpi__inferred_mark(r, lang));
    kpi__strbuf_append(&marked, wording);
    char *mark_and_wording = kpi__strbuf_finish(&marked);
    if (!mark_and_wording)
        out->failed = 1;
    row->code = kpi__text_plain(out, r->code);
    row->wording = mark_and_wording ? kpi__text_plain(out, mark_and_wording) : NULL;
    kpi__free(mark_and_wording);
    row->target = target_value(out, r, lang);
    if (!row->code || !row->wording || !row->target) {
        row_free(row);
        return 0;
    }
    kpi__display_figure(row->numbers[0], r, r->actual);
    kpi__display_figure(row->numbers[1], r, r->expected);
    kpi__number_percent(row->numbers[2], r->achievement);
    kpi__number_percent(row->numbers[3], r->pace);
    row->cells[COL_RATING] = kpi__display_level(r);
    row->cells[COL_CODE] = row->code;
    row->cells[COL_WORDING] = row->wording;
    row->cells[COL_ACTUAL] = row->numbers[0];
    row->cells[COL_EXPECTED] = row->numbers[1];
    row->cells[COL_TARGET] = row->target;
    row->cells[COL_ACHIEVEMENT] = row->numbers[2];
    row->cells[COL_PACE] = row->numbers[3];
    return 1;
}

static size_t min_size(size_t a, size_t b)
{
    return a < b ? a : b;
}

/* The most cells a column's values take before they are cut with …. */
static size_t cell_max(int column)
{
    return column == COL_CODE ? CODE_MAX : column == COL_TARGET ? TARGET_MAX : VALUE_MAX;
}

size_t kpi__text_max_size(size_t a, size_t b)
{
    return a > b ? a : b;
}

/* Widens the columns to hold one row, up to their caps. */
static void measure_row(struct layout *L, const struct row *row)
{
    for (int c = 0; c < COLUMN_COUNT; c++) {
        size_t cells = kpi__width(row->cells[c]);
        if (c == COL_WORDING)
            L->wording_max = kpi__text_max_size(L->wording_max, cells);
        else
            L->cols[c] = kpi__text_max_size(L->cols[c], min_size(cells, cell_max(c)));
    }
}

/* The column widths, the same for every table of the report so that the
 * tables line up: each column fits its heading and its widest cell. */
void kpi__text_measure_columns(struct layout *L)
{
    for (int c = 0; c < COLUMN_COUNT; c++)
        L->cols[c] = kpi__width(kpi__word(column_words[c], L->lang));
    L->wording_max = L->cols[COL_WORDING];
    for (size_t i = 0; i < L->ev->count; i++) {
        const kpi_result *r = &L->ev->results[i];
        struct row row;
        if (r->kind != KPI_OBJECT_TARGET || kpi__is_cancelled(r) ||
            !row_init(&row, L->out, r, L->lang))
            continue;
        measure_row(L, &row);
        row_free(&row);
    }
}

/* Cells taken by every column but the wording, with the gaps. */
static size_t fixed_cells(const struct layout *L)
{
    size_t cells = GAP * (COLUMN_COUNT - 1);
    for (int c = 0; c < COLUMN_COUNT; c++)
        if (c != COL_WORDING)
            cells += L->cols[c];
    return cells;
}

/* Where the wording column starts, from the table's indent. */
static size_t wording_col(const struct layout *L, size_t indent)
{
    return indent + L->cols[COL_RATING] + GAP + L->cols[COL_CODE] + GAP;
}

/* Writes the cells after the wording column, from the gap that precedes
 * them. */
static void put_figures(const struct layout *L, const char *const *cells)
{
    for (int c = COL_ACTUAL; c < COLUMN_COUNT; c++) {
        kpi__text_pad(L->out, GAP);
        kpi__text_put_cell(L->out, cells[c], L->cols[c], RIGHT);
    }
}

/* One table line: rating, code, a piece of wording and the figures. */
static void put_table_line(const struct layout *L, size_t indent, size_t wording,
                           const char *const *cells, const char *text, size_t len)
{
    kpi__text_pad(L->out, indent);
    kpi__text_put_cell(L->out, cells[COL_RATING], L->cols[COL_RATING], CENTER);
    kpi__text_pad(L->out, GAP);
    kpi__text_put_cell(L->out, cells[COL_CODE], L->cols[COL_CODE], LEFT);
    kpi__text_pad(L->out, GAP);
    size_t used = kpi__width_n(text, len);
    kpi__strbuf_append_n(L->out, text, len);
    kpi__text_pad(L->out, wording > used ? wording - used : 0);
    put_figures(L, cells);
    kpi__text_end_line(L->out);
}

/* A target's row: its wording wrapped in its column, the first line with
 * the other cells, then its reason line and its latest update. */
static void put_row(const struct layout *L, const kpi_result *r, size_t indent,
                    size_t wording)
{
    struct row row;
    if (!row_init(&row, L->out, r, L->lang))
        return;
    const char *text = row.wording;
    size_t n = strlen(text), next, at = 0;
    size_t len = kpi__line_take(text, n, wording, &next);
    put_table_line(L, indent, wording, row.cells, text, len);
    for (at = next; at < n; at += next) {
        len = kpi__line_take(text + at, n - at, wording, &next);
        kpi__text_pad(L->out, wording_col(L, indent));
        kpi__strbuf_append_n(L->out, text + at, len);
        kpi__text_end_line(L->out);
    }
    kpi__text_put_reason(L, r, wording_col(L, indent) + REASON_STEP);
    kpi__text_put_update(L, r, wording_col(L, indent) + REASON_STEP);
    row_free(&row);
}

static void put_table(const struct layout *L, const kpi_result *goal, size_t indent,
                      size_t wording)
{
    const char *headings[COLUMN_COUNT];
    for (int c = 0; c < COLUMN_COUNT; c++)
        headings[c] = kpi__word(column_words[c], L->lang);
    const char *title = headings[COL_WORDING];
    put_table_line(L, indent, wording, headings, title, strlen(title));
    kpi__text_rule(L, indent, fixed_cells(L) + wording, '-');
    for (size_t i = 0; i < goal->child_count; i++) {
        const kpi_result *r = kpi_result_child_at(goal, i);
        if (r->kind == KPI_OBJECT_TARGET && !kpi__is_cancelled(r))
            put_row(L, r, indent, wording);
    }
}

/* ------------------------------------------------------------------------ */
/* Target lists, for narrow pages                                           */
/* ------------------------------------------------------------------------ */

/* "実績 32  期待値 15.04 ...": the non-empty figures with their headings,
 * wrapped between figures. */
static void put_figure_items(const struct layout *L, const struct row *row, size_t col)
{
    size_t used = 0;
    for (int c = COL_ACTUAL; c < COLUMN_COUNT; c++) {
        const char *value = row->cells[c];
        if (!*value)
            continue;
        const char *heading = kpi__word(column_words[c], L->lang);
        /* Cut to the column's most, and to what a line of its own holds. */
        size_t label = kpi__width(heading) + 1;
        size_t max =
            min_size(cell_max(c), L->page > col + label ? L->page - col - label : 0);
        size_t cells = label + min_size(kpi__width(value), max);
        if (used > 0 && used + GAP + cells > L->page) {
            kpi__text_end_line(L->out);
            used = 0;
        }
        if (used == 0) {
            kpi__text_pad(L->out, col);
            used = col;
        } else {
            kpi__text_pad(L->out, GAP);
            used += GAP;
        }
        kpi__strbuf_printf(L->out, "%s ", heading);
        kpi__text_put_clipped(L->out, value, max);
        used += cells;
    }
    if (used > 0)
        kpi__text_end_line(L->out);
}

/* A target as a block: symbol, code and wording; its figures; its reason;
 * its latest update. */
static void put_item(const struct layout *L, const kpi_result *r, size_t indent)
{
    struct row row;
    if (!row_init(&row, L->out, r, L->lang))
        return;
    kpi__text_pad(L->out, indent);
    size_t col = indent + kpi__text_put_clipped(L->out, row.cells[COL_RATING], 2) + 1;
    kpi__text_pad(L->out, 1);
    col += kpi__text_put_clipped(L->out, row.code, CODE_MAX) + GAP;
    kpi__text_pad(L->out, GAP);
    kpi__text_put_wrapped(L, col, indent + 4, row.wording);
    put_figure_items(L, &row, indent + 4);
    kpi__text_put_reason(L, r, indent + 4);
    kpi__text_put_update(L, r, indent + 4);
    row_free(&row);
}

static void put_list(const struct layout *L, const kpi_result *goal, size_t indent)
{
    for (size_t i = 0; i < goal->child_count; i++) {
        const kpi_result *r = kpi_result_child_at(goal, i);
        if (r->kind == KPI_OBJECT_TARGET && !kpi__is_cancelled(r))
            put_item(L, r, indent);
    }
}

/* A goal's targets: a table when the wording column has room enough. */
void kpi__text_put_targets(const struct layout *L, const kpi_result *goal, size_t indent)
{
    size_t used = indent + fixed_cells(L);
    size_t room = L->page > used ? L->page - used : 0;
    size_t wording = min_size(room, L->wording_max);
    if (wording < WORDING_MIN)
        put_list(L, goal, indent);
    else
        put_table(L, goal, indent, wording);
}
