/* The CSV report: one row per result in plan order (the plan, then each
 * goal, its targets and its child goals) with every result field, for a
 * spreadsheet. UTF-8 with a BOM so that Excel reads it as UTF-8, CRLF line
 * ends as spreadsheets write them, quoting left to libcsv's csv_write().
 * The header is English whatever the language; only the words in the
 * cells (unrated_label, status_label, reason) follow it. Directives follow
 * the plan's results, one row each. Schema: docs/report-formats.md. */
#include "kpi/columns.h"
#include "kpi/csv.h"
#include "model/names.h"
#include "report/display.h"
#include "report/render.h"
#include "util/csv_cell.h"
#include "util/date.h"
#include "util/number.h"
#include "util/utf8.h"

#include <math.h>
#include <string.h>

/* One row being written; fields counts the cells so far. scratch holds
 * the reason line and the goals list while they are written, and the last
 * field-name list is kept because most targets share it. */
struct row {
    kpi__strbuf *out;
    int fields;
    kpi__strbuf scratch;
    uint32_t inferred_bits;
    char inferred[128];
    int raw;                /* KPI_WRITE_RAW: texts as they are */
    kpi__strbuf protection; /* a formula-like text with its apostrophe */
};

static void separator(struct row *w)
{
    if (w->fields++)
        KPI__STRBUF_LITERAL(w->out, ",");
}

/* Copies text with each byte that is not part of valid UTF-8 replaced by
 * U+FFFD. */
static void clean_utf8(kpi__strbuf *clean, const char *text, size_t n)
{
    for (;;) {
        size_t valid = kpi__utf8_valid_prefix(text, n);
        kpi__strbuf_append_n(clean, text, valid);
        if (valid == n)
            return;
        KPI__STRBUF_LITERAL(clean, "\xEF\xBF\xBD");
        text += valid + 1;
        n -= valid + 1;
    }
}

/* Text that is not UTF-8 (the setters take text as given), rare enough to
 * be cleaned in a copy. */
static void cell_unclean(struct row *w, const char *text)
{
    kpi__strbuf clean = {0};
    clean_utf8(&clean, text, strlen(text));
    if (clean.failed)
        w->out->failed = 1;
    else
        kpi__csv_cell(w->out, clean.data, clean.length);
    kpi__strbuf_free(&clean);
}

/* The file says UTF-8 in its BOM, so a cell must be UTF-8 even when the
 * text is not. One pass finds the end, checks the UTF-8 and sees whether
 * the cell needs quotes; then the text is copied, or quoted by libcsv. */
static void cell_text(struct row *w, const char *text)
{
    const unsigned char *s = (const unsigned char *)text;
    int special = 0;
    for (;;) {
        unsigned char c = *s;
        if (c > KPI__CSV_SPECIAL_MAX && c < 0x80) { /* most ASCII: nothing to see */
            s++;
            continue;
        }
        if (c < 0x80) {
            if (!c)
                break;
            special |= kpi__csv_special(c);
            s++;
            continue;
        }
        size_t len = kpi__render_utf8_at(s);
        if (!len) {
            cell_unclean(w, text);
            return;
        }
        s += len;
    }
    size_t n = (size_t)(s - (const unsigned char *)text);
    if (n && (kpi__csv_blank(s[-1]) || kpi__csv_blank((unsigned char)text[0])))
        special = 1;
    if (special)
        kpi__csv_cell_quoted(w->out, text, n);
    else
        kpi__strbuf_append_n(w->out, text, n);
}

/* A text a spreadsheet would take for a formula, with the apostrophe
 * that makes it show as text (util/csv_cell.h). */
static void protected_cell(struct row *w, const char *text)
{
    kpi__strbuf *p = &w->protection;
    p->length = 0;
    KPI__STRBUF_LITERAL(p, "'");
    kpi__strbuf_append(p, text);
    if (p->failed)
        w->out->failed = 1;
    else
        cell_text(w, p->data);
}

/* Only a text that begins with one of these can be formula-like: the
 * report's millions of other cells are not measured for it. */
static int may_be_formula(char c)
{
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ||
           c == '\'';
}

static void cell(struct row *w, const char *text)
{
    separator(w);
    if (!text)
        text = "";
    if (!w->raw && may_be_formula(text[0]) && kpi__csv_formula_like(text, strlen(text)))
        protected_cell(w, text);
    else
        cell_text(w, text);
}

/* Exactly the double; empty for NaN (and for infinities, which no
 * spreadsheet reads). Numbers, counts and dates never need quotes and are
 * written in place. */
static void number_cell(struct row *w, double value)
{
    separator(w);
    if (!isfinite(value))
        return;
    char *p = kpi__strbuf_room(w->out, KPI__NUMBER_SIZE);
    if (p)
        kpi__strbuf_commit(w->out, kpi__number_format(p, value));
}

static void size_cell(struct row *w, size_t value)
{
    separator(w);
    char *p = kpi__strbuf_room(w->out, KPI__NUMBER_SIZE);
    if (p)
        kpi__strbuf_commit(w->out, kpi__number_count(p, value));
}

static void date_cell(struct row *w, int32_t date)
{
    separator(w);
    if (date <= 0) /* as kpi__date_iso(): no date */
        return;
    char *p = kpi__strbuf_room(w->out, KPI__DATE_ISO_SIZE);
    if (!p)
        return;
    kpi__date_iso(p, date);
    kpi__strbuf_commit(w->out, KPI__DATE_ISO_SIZE - 1);
}

static void bool_cell(struct row *w, int value)
{
    separator(w);
    if (value)
        KPI__STRBUF_LITERAL(w->out, "true");
    else
        KPI__STRBUF_LITERAL(w->out, "false");
}

static void empty_cells(struct row *w, int count)
{
    while (count-- > 0)
        separator(w);
}

static void end_row(struct row *w)
{
    KPI__STRBUF_LITERAL(w->out, "\r\n");
    w->fields = 0;
    kpi__strbuf_drain_point(w->out);
}

/* kind .. unit: what the row is and where it sits. */
static void identity_cells(struct row *w, const kpi_result *r)
{
    const kpi_result *parent = kpi_result_parent(r);
    cell(w, kpi_object_name(r->kind));
    cell(w, r->code);
    cell(w, parent ? parent->code : "");
    if (r->kind == KPI_OBJECT_DIRECTIVE)
        cell(w, ""); /* apart from the tree */
    else
        size_cell(w, (size_t)r->depth);
    cell(w, r->title);
    cell(w, r->text);
    cell(w, r->unit);
}

/* rating .. unrated_label. */
static void rating_cells(struct row *w, const kpi_result *r, kpi_lang lang)
{
    cell(w, kpi_rating_symbol(r->rating));
    cell(w, kpi_rating_name(r->rating));
    cell(w, kpi_rating_symbol(r->computed));
    bool_cell(w, r->assessed);
    bool_cell(w, r->mismatch);
    date_cell(w, r->assessment_date);
    cell(w, kpi_unrated_name(r->unrated));
    cell(w, kpi_unrated_label(r->unrated, lang));
}

/* target_kind .. due: empty for goals and the plan. */
static void target_cells(struct row *w, const kpi_result *r)
{
    if (r->kind != KPI_OBJECT_TARGET) {
        empty_cells(w, 12);
        return;
    }
    cell(w, kpi_kind_name(r->target_kind));
    cell(w, kpi_direction_name(r->direction));
    number_cell(w, r->actual);
    number_cell(w, r->expected);
    number_cell(w, r->target);
    number_cell(w, r->start_value);
    number_cell(w, r->elapsed);
    number_cell(w, r->pace);
    number_cell(w, r->achievement);
    date_cell(w, r->measured);
    date_cell(w, r->start);
    date_cell(w, r->due);
}

/* count_ahead .. count_unrated: empty for targets, which have no children,
 * and for directives. */
static void count_cells(struct row *w, const kpi_result *r)
{
    if (r->kind == KPI_OBJECT_TARGET || r->kind == KPI_OBJECT_DIRECTIVE) {
        empty_cells(w, 5);
        return;
    }
    size_t unrated = 0;
    for (int reason = 1; reason < KPI__UNRATED_COUNT; reason++)
        unrated += r->extra->unrated_counts[reason];
    for (int rating = KPI_RATING_AHEAD; rating >= KPI_RATING_NOT_PROGRESSED; rating--)
        size_cell(w, r->extra->rating_counts[rating]);
    size_cell(w, unrated);
}

/* status .. update_text: the status the rating rests on and the latest
 * update, its text verbatim (a line break stays inside the quoted cell). */
static void progress_cells(struct row *w, const kpi_result *r, kpi_lang lang)
{
    cell(w, kpi_status_name(r->status));
    cell(w, kpi_status_label(r->status, lang));
    date_cell(w, r->planned);
    date_cell(w, r->status_date);
    date_cell(w, r->update_date);
    cell(w, kpi_status_name(r->update_status));
    date_cell(w, r->update_planned);
    cell(w, r->update_text);
}

/* The goals a directive is addressed to, separated by ";" as the
 * structure file's parent column writes them. */
static void goals_cell(struct row *w, const kpi_result *d)
{
    kpi__strbuf *goals = &w->scratch;
    kpi__display_goal_codes(goals, d);
    if (goals->failed)
        w->out->failed = 1;
    cell(w, goals->failed ? "" : goals->data);
}

/* issuer .. overdue: empty but for directives. */
static void directive_cells(struct row *w, const kpi_result *r)
{
    if (r->kind != KPI_OBJECT_DIRECTIVE) {
        empty_cells(w, 6);
        return;
    }
    cell(w, r->extra->issuer);
    date_cell(w, r->extra->issued);
    goals_cell(w, r);
    bool_cell(w, r->open);
    if (r->extra->days_open >= 0)
        size_cell(w, (size_t)r->extra->days_open);
    else
        cell(w, "");
    bool_cell(w, r->overdue);
}

/* The field names read from the wording, as the last target with the
 * same fields had them. */
static const char *inferred_names(struct row *w, uint32_t bits)
{
    if (bits != w->inferred_bits) {
        kpi__field_names_format(w->inferred, sizeof w->inferred, bits);
        w->inferred_bits = bits;
    }
    return w->inferred;
}

static void result_row(struct row *w, const kpi_result *r, kpi_lang lang)
{
    int directive = r->kind == KPI_OBJECT_DIRECTIVE;
    identity_cells(w, r);
    rating_cells(w, r, lang);
    target_cells(w, r);
    number_cell(w, directive ? NAN : r->weight);
    count_cells(w, r);
    /* A directive is followed up, not rated: it has no reason line. */
    cell(w, directive ? "" : kpi__display_reason_scratch(&w->scratch, w->out, r, lang));
    cell(w, inferred_names(w, r->inferred));
    progress_cells(w, r, lang);
    if (r->kind == KPI_OBJECT_TARGET)
        bool_cell(w, r->figure_inferred);
    else
        cell(w, "");
    if (directive)
        cell(w, "");
    else
        bool_cell(w, kpi__is_cancelled(r));
    directive_cells(w, r);
    if (!r->evaluation->default_scale) {
        const kpi_scale *s = r->evaluation->scale;
        size_t level = r->level < 0 ? KPI_SCALE_MAX_LEVELS : (size_t)r->level;
        cell(w, kpi_scale_level_symbol(s, level));
        cell(w, kpi_scale_level_name(s, level));
    }
    end_row(w);
}

int kpi__render_csv(kpi__strbuf *out, const kpi_evaluation *ev, kpi_lang lang,
                    uint32_t flags)
{
    struct row w = {.out = out, .raw = (flags & KPI_WRITE_RAW) != 0};
    if (!(flags & KPI_WRITE_NO_BOM))
        KPI__STRBUF_LITERAL(out, "\xEF\xBB\xBF");
    /* The header: the columns' names (kpi/columns.h, report/columns.c). */
    for (int32_t i = 0; i < kpi_evaluation_column_count(ev); i++)
        cell(&w, kpi_column_name((kpi_column)i));
    end_row(&w);
    for (size_t i = 0; i < ev->count + ev->directive_count; i++)
        result_row(&w, &ev->results[i], lang);
    kpi__strbuf_free(&w.scratch);
    kpi__strbuf_free(&w.protection);
    return out->failed ? KPI_ERR_NOMEM : KPI_OK;
}
