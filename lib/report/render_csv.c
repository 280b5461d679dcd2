/* The CSV report: one row per result in plan order (the plan, then each
 * goal, its targets and its child goals) with every result field, for a
 * spreadsheet. UTF-8 with a BOM so that Excel reads it as UTF-8, CRLF line
 * ends as spreadsheets write them, quoting left to libcsv's csv_write().
 * The header is English whatever the language; only the words in the
 * cells (unrated_label, status_label, reason) follow it. Directives follow
 * the plan's results, one row each. Schema: docs/report-formats.md. */
#include "model/names.h"
#include "report/display.h"
#include "report/render.h"
#include "util/alloc.h"
#include "util/csv_cell.h"
#include "util/date.h"
#include "util/number.h"
#include "util/utf8.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* The columns, in order; docs/report-formats.md describes each. */
static const char *const header[] = {
    "kind",
    "code",
    "parent",
    "depth",
    "title",
    "text",
    "unit",
    "rating",
    "rating_name",
    "computed_rating",
    "assessed",
    "mismatch",
    "assessment_date",
    "unrated_reason",
    "unrated_label",
    "target_kind",
    "direction",
    "actual",
    "expected",
    "target",
    "start_value",
    "elapsed",
    "pace",
    "achievement",
    "measured",
    "start",
    "due",
    "weight",
    "count_ahead",
    "count_on_track",
    "count_behind",
    "count_not_progressed",
    "count_unrated",
    "reason",
    "inferred",
    "status",
    "status_label",
    "planned",
    "status_date",
    "update_date",
    "update_status",
    "update_planned",
    "update_text",
    "figure_inferred",
    "cancelled",
    "issuer",
    "issued",
    "goals",
    "open",
    "days_open",
    "overdue",
};

/* One row being written; fields counts the cells so far. */
struct row {
    kpi__strbuf *out;
    int fields;
};

/* Copies text with each byte that is not part of valid UTF-8 replaced by
 * U+FFFD. */
static void clean_utf8(kpi__strbuf *clean, const char *text, size_t n)
{
    for (;;) {
        size_t valid = kpi__utf8_valid_prefix(text, n);
        kpi__strbuf_append_n(clean, text, valid);
        if (valid == n)
            return;
        kpi__strbuf_append(clean, "\xEF\xBF\xBD");
        text += valid + 1;
        n -= valid + 1;
    }
}

/* The file says UTF-8 in its BOM, so a cell must be UTF-8 even when the
 * text is not (the setters take text as given). */
static void cell_text(struct row *w, const char *text)
{
    size_t n = strlen(text);
    if (kpi__utf8_valid_prefix(text, n) == n) {
        kpi__csv_cell(w->out, text, n);
        return;
    }
    kpi__strbuf clean = {0};
    clean_utf8(&clean, text, n);
    if (clean.failed)
        w->out->failed = 1;
    else
        kpi__csv_cell(w->out, clean.data, clean.length);
    kpi__strbuf_free(&clean);
}

static void cell(struct row *w, const char *text)
{
    if (w->fields++)
        kpi__strbuf_append(w->out, ",");
    cell_text(w, text ? text : "");
}

/* Exactly the double; empty for NaN (and for infinities, which no
 * spreadsheet reads). */
static void number_cell(struct row *w, double value)
{
    char buf[KPI__NUMBER_SIZE] = "";
    if (isfinite(value))
        kpi__number_format(buf, value);
    cell(w, buf);
}

static void size_cell(struct row *w, size_t value)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%zu", value);
    cell(w, buf);
}

static void date_cell(struct row *w, int32_t date)
{
    char iso[KPI__DATE_ISO_SIZE];
    kpi__date_iso(iso, date);
    cell(w, iso);
}

static void bool_cell(struct row *w, int value)
{
    cell(w, value ? "true" : "false");
}

static void empty_cells(struct row *w, int count)
{
    while (count-- > 0)
        cell(w, "");
}

static void end_row(struct row *w)
{
    kpi__strbuf_append(w->out, "\r\n");
    w->fields = 0;
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
        unrated += r->unrated_counts[reason];
    for (int rating = KPI_RATING_AHEAD; rating >= KPI_RATING_NOT_PROGRESSED; rating--)
        size_cell(w, r->rating_counts[rating]);
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
    kpi__strbuf goals = {0};
    kpi__strbuf_append(&goals, "");
    for (size_t i = 0; i < d->goal_count; i++)
        kpi__strbuf_printf(&goals, "%s%s", i ? ";" : "", d->goals[i]);
    char *text = kpi__display_finish(w->out, &goals);
    cell(w, text);
    kpi__free(text);
}

/* issuer .. overdue: empty but for directives. */
static void directive_cells(struct row *w, const kpi_result *r)
{
    if (r->kind != KPI_OBJECT_DIRECTIVE) {
        empty_cells(w, 6);
        return;
    }
    cell(w, r->issuer);
    date_cell(w, r->issued);
    goals_cell(w, r);
    bool_cell(w, r->open);
    if (r->days_open >= 0)
        size_cell(w, (size_t)r->days_open);
    else
        cell(w, "");
    bool_cell(w, r->overdue);
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
    cell(w, directive ? "" : kpi__display_reason(w->out, r, lang));
    char inferred[128];
    kpi__field_names_format(inferred, sizeof inferred, r->inferred);
    cell(w, inferred);
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
    end_row(w);
}

int kpi__render_csv(kpi__strbuf *out, const kpi_evaluation *ev, kpi_lang lang)
{
    struct row w = {out, 0};
    kpi__strbuf_append(out, "\xEF\xBB\xBF");
    for (size_t i = 0; i < sizeof header / sizeof *header; i++)
        cell(&w, header[i]);
    end_row(&w);
    for (size_t i = 0; i < ev->count + ev->directive_count; i++)
        result_row(&w, &ev->results[i], lang);
    return out->failed ? KPI_ERR_NOMEM : KPI_OK;
}
