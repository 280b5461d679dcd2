/* The 調書's sections under the goals, as the seed's document and the
 * HTML report have them: the 評価基準 legend (the scale's levels in their
 * colours, how unrated results show, the mark of targets read from their
 * wording), the directives (市長指示事項) with their follow-up, the
 * cancelled targets and the plan's notes. Each in the 調書's five columns,
 * a blank row before it. */
#include "report/xlsx.h"

static double full_width(void)
{
    double width = 0;
    for (int col = 0; col < KPI__XLSX_COLUMNS; col++)
        width += kpi__xlsx_widths[col];
    return width;
}

/* A section's heading over the whole width, after a blank row; returns
 * the row after it. */
static uint32_t put_heading(kpi__xlsx_sheet *s, uint32_t row, const char *text)
{
    kpi__xlsx_merged(s, row + 1, KPI__XLSX_GOAL, row + 1, KPI__XLSX_LAST_COLUMN, text,
                     s->x->f.section, NULL, "heading");
    kpi__xlsx_fit(s, row + 1, full_width() / 1.2, text);
    return row + 2;
}

/* A text over the whole width (a note, a legend's key). */
static void put_line(kpi__xlsx_sheet *s, uint32_t row, const char *text,
                     const kpi_result *owner, const char *field)
{
    kpi__xlsx_merged(s, row, KPI__XLSX_GOAL, row, KPI__XLSX_LAST_COLUMN, text,
                     s->x->f.note, owner, field);
    kpi__xlsx_fit(s, row, full_width(), text);
}

/* ---- The legend ------------------------------------------------------------ */

/* Entries go five to a row, one to a column: "◎：目標を上回る進捗". */
struct legend {
    kpi__xlsx_sheet *s;
    uint32_t row;
    int col;
};

static void put_entry(struct legend *l, kpi_rating colour, const char *symbol,
                      const char *label)
{
    kpi__xlsx *x = l->s->x;
    kpi__strbuf entry = {0};
    kpi__strbuf_append(&entry, symbol);
    kpi__strbuf_append(&entry, kpi__xlsx_words(x->lang)->label_end);
    kpi__strbuf_append(&entry, label);
    kpi__strbuf_append(&entry, "");
    if (!entry.failed)
        kpi__xlsx_fit(l->s, l->row, kpi__xlsx_widths[l->col], entry.data);
    kpi__xlsx_built(l->s, l->row, (uint16_t)l->col, &entry, x->f.legend[colour], NULL,
                    "a level's label");
    if (++l->col == KPI__XLSX_COLUMNS) {
        l->col = 0;
        l->row++;
    }
}

/* The scale's levels best first, then how unrated results show: the
 * scale's own symbols for its unrated reasons, else the unrated mark. */
static uint32_t put_legend(kpi__xlsx_sheet *s, uint32_t row)
{
    const kpi__xlsx *x = s->x;
    const kpi_scale *scale = x->ev->scale;
    kpi__strbuf heading = {0};
    kpi__strbuf_append(&heading, kpi__xlsx_words(x->lang)->note_mark);
    kpi__strbuf_append(&heading, kpi__word(KPI__W_LEGEND, x->lang));
    struct legend l = {s, row, 0};
    if (kpi__xlsx_whole(s->x, &heading))
        l.row = put_heading(s, row, heading.data);
    kpi__strbuf_free(&heading);
    for (size_t level = 0; level < kpi_scale_level_count(scale); level++)
        put_entry(&l, kpi__level_colour(x->ev, (int32_t)level),
                  kpi_scale_level_symbol(scale, level),
                  kpi_scale_level_label(scale, level, x->lang));
    kpi_unrated shown[KPI__UNRATED_COUNT];
    size_t n = kpi__legend_unrated(x->ev, shown);
    for (size_t i = 0; i < n; i++)
        put_entry(&l, KPI_RATING_NONE, kpi_scale_unrated_symbol(scale, shown[i]),
                  kpi_scale_unrated_label(scale, shown[i], x->lang));
    if (n == 0)
        put_entry(&l, KPI_RATING_NONE, kpi__display_symbol(KPI_RATING_NONE),
                  kpi__display_rating_label(KPI_RATING_NONE, x->lang));
    row = l.col ? l.row + 1 : l.row;
    kpi__strbuf key = {0};
    kpi__strbuf_append(&key, kpi__display_mark(x->lang));
    kpi__strbuf_append(&key, " ");
    kpi__strbuf_append(&key, kpi__word(KPI__W_INFERRED, x->lang));
    if (kpi__xlsx_whole(s->x, &key))
        put_line(s, row, key.data, NULL, "the legend");
    kpi__strbuf_free(&key);
    return row + 1;
}

/* ---- Directives -------------------------------------------------------------- */

/* Heading words joined: "番号・指示者・指示日". */
static void head_cell(kpi__xlsx_sheet *s, uint32_t row, int col, kpi__word_id a, int b)
{
    kpi__xlsx *x = s->x;
    kpi__strbuf head = {0};
    kpi__strbuf_append(&head, kpi__word(a, x->lang));
    if (b >= 0) {
        kpi__strbuf_append(&head, kpi__xlsx_words(x->lang)->separator);
        kpi__strbuf_append(&head, kpi__word((kpi__word_id)b, x->lang));
    }
    kpi__strbuf_append(&head, "");
    if (!head.failed)
        kpi__xlsx_fit(s, row, kpi__xlsx_widths[col], head.data);
    kpi__xlsx_built(s, row, (uint16_t)col, &head, x->f.head, NULL, "heading");
}

/* A cell of a directive's row, fitted. */
static void put_cell(kpi__xlsx_sheet *s, uint32_t row, int col, kpi__strbuf *text,
                     lxw_format *format, const kpi_result *d, const char *field)
{
    kpi__strbuf_append(text, "");
    if (!text->failed)
        kpi__xlsx_fit(s, row, kpi__xlsx_widths[col], text->data);
    kpi__xlsx_built(s, row, (uint16_t)col, text, format, d, field);
}

/* Code and issuer, the goals addressed, the text, the latest response and
 * the state (in red when overdue). */
static void put_directive(kpi__xlsx_sheet *s, uint32_t row, const kpi_result *d)
{
    kpi__xlsx *x = s->x;
    kpi__strbuf who = {0}, goals = {0}, text = {0}, response = {0}, state = {0};
    kpi__xlsx_field(s, d, "title", d->title);
    kpi__xlsx_field(s, d, "update_text", d->update_text);
    kpi__strbuf_append(&who, d->code);
    kpi__strbuf_append(&who, "\n");
    kpi__display_issued(&who, d);
    put_cell(s, row, KPI__XLSX_GOAL, &who, x->f.cell, d, "code and issuer");
    kpi__display_addressed(&goals, d, x->lang);
    put_cell(s, row, KPI__XLSX_INITIATIVE, &goals, x->f.cell, d, "goals");
    kpi__strbuf_append(&text, d->title);
    put_cell(s, row, KPI__XLSX_TARGET, &text, x->f.cell, d, "title");
    kpi__display_response_head(&response, d, x->lang);
    if (d->update_text && *d->update_text) {
        kpi__strbuf_append(&response, "\n");
        kpi__strbuf_append(&response, d->update_text);
    }
    put_cell(s, row, KPI__XLSX_PROGRESS, &response, x->f.cell, d, "update_text");
    kpi__display_directive_state(&state, d, x->lang);
    put_cell(s, row, KPI__XLSX_RATING, &state, d->overdue ? x->f.overdue : x->f.cell, d,
             "state");
}

static uint32_t put_directives(kpi__xlsx_sheet *s, uint32_t row)
{
    const kpi_evaluation *ev = s->x->ev;
    if (!ev->directive_count)
        return row;
    kpi__strbuf heading = {0};
    kpi__display_directives_heading(&heading, ev, s->x->lang);
    if (kpi__xlsx_whole(s->x, &heading))
        row = put_heading(s, row, heading.data);
    kpi__strbuf_free(&heading);
    head_cell(s, row, KPI__XLSX_GOAL, KPI__W_CODE, KPI__W_ISSUED);
    head_cell(s, row, KPI__XLSX_INITIATIVE, KPI__W_ADDRESSED, -1);
    head_cell(s, row, KPI__XLSX_TARGET, KPI__W_DIRECTIVE, -1);
    head_cell(s, row, KPI__XLSX_PROGRESS, KPI__W_RESPONSE, -1);
    head_cell(s, row, KPI__XLSX_RATING, KPI__W_STATE, -1);
    row++;
    for (size_t i = 0; i < ev->directive_count && s->x->rc == KPI_OK; i++)
        put_directive(s, row++, kpi__directive(ev, i));
    return row;
}

/* ---- Cancelled targets and notes ------------------------------------------ */

static void put_cancelled_row(kpi__xlsx_sheet *s, uint32_t row, const kpi_result *r)
{
    kpi__xlsx *x = s->x;
    kpi__strbuf update = {0};
    kpi__xlsx_field(s, r, "update_text", r->update_text);
    kpi__xlsx_text(s, row, KPI__XLSX_GOAL, r->code, x->f.cell, r, "code");
    kpi__xlsx_merged(s, row, KPI__XLSX_INITIATIVE, row, KPI__XLSX_TARGET, r->title,
                     x->f.cell, r, "title");
    kpi__xlsx_fit(s, row,
                  kpi__xlsx_widths[KPI__XLSX_INITIATIVE] +
                      kpi__xlsx_widths[KPI__XLSX_TARGET],
                  r->title);
    kpi__display_cancel(&update, r, x->lang);
    if (r->update_text && *r->update_text) {
        kpi__strbuf_append(&update, "\n");
        kpi__strbuf_append(&update, r->update_text);
    }
    if (kpi__xlsx_whole(x, &update)) {
        kpi__xlsx_fit(s, row,
                      kpi__xlsx_widths[KPI__XLSX_PROGRESS] +
                          kpi__xlsx_widths[KPI__XLSX_RATING],
                      update.data);
        kpi__xlsx_merged(s, row, KPI__XLSX_PROGRESS, row, KPI__XLSX_RATING, update.data,
                         x->f.cell, r, "update_text");
    }
    kpi__strbuf_free(&update);
}

static uint32_t put_cancelled(kpi__xlsx_sheet *s, uint32_t row)
{
    const kpi__xlsx *x = s->x;
    if (!kpi__cancelled_count(x->ev))
        return row;
    row = put_heading(s, row, kpi__word(KPI__W_CANCELLED, x->lang));
    head_cell(s, row, KPI__XLSX_GOAL, KPI__W_CODE, -1);
    kpi__xlsx_merged(s, row, KPI__XLSX_INITIATIVE, row, KPI__XLSX_TARGET,
                     kpi__word(KPI__W_TARGET, x->lang), x->f.head, NULL, "heading");
    kpi__xlsx_merged(s, row, KPI__XLSX_PROGRESS, row, KPI__XLSX_RATING,
                     kpi__word(KPI__W_UPDATE, x->lang), x->f.head, NULL, "heading");
    row++;
    for (size_t i = 0; i < x->ev->count && s->x->rc == KPI_OK; i++)
        if (kpi__is_cancelled(&x->ev->results[i]))
            put_cancelled_row(s, row++, &x->ev->results[i]);
    return row;
}

static uint32_t put_notes(kpi__xlsx_sheet *s, uint32_t row)
{
    const kpi__xlsx *x = s->x;
    if (!x->ev->note_count)
        return row;
    row = put_heading(s, row, kpi__word(KPI__W_NOTES, x->lang));
    for (size_t i = 0; i < x->ev->note_count && s->x->rc == KPI_OK; i++)
        put_line(s, row++, x->ev->notes[i], &x->ev->results[0], "note");
    return row;
}

uint32_t kpi__xlsx_sections(kpi__xlsx_sheet *s, uint32_t row)
{
    row = put_legend(s, row);
    row = put_directives(s, row);
    row = put_cancelled(s, row);
    return put_notes(s, row);
}
