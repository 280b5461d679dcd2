/* An evaluation's rows a column at a time (kpi/columns.h): the CSV report's
 * columns, each cell saying what the report's cell says, as doubles or as
 * NUL-separated text. The column names are the report's header
 * (render_csv.c writes them from here); which cells are empty follows the
 * report's rules, kept beside it in this one place for the numbers. */
#include "kpi/columns.h"
#include "model/names.h"
#include "report/display.h"
#include "report/render.h"
#include "util/error.h"

#include <math.h>
#include <string.h>

static const char *const names[] = {
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
    "level",
    "level_name",
};

#define COLUMNS ((int32_t)(sizeof names / sizeof names[0]))
_Static_assert(sizeof names / sizeof names[0] == KPI_COLUMN_LEVEL_NAME + 1,
               "a name for every column");

static int known(kpi_column column)
{
    return (int)column >= 0 && (int)column < COLUMNS;
}

int32_t kpi_column_count(void)
{
    return COLUMNS;
}

int32_t kpi_evaluation_column_count(const kpi_evaluation *ev)
{
    if (!ev) {
        kpi__error_null("kpi_evaluation_column_count", "evaluation");
        return 0;
    }
    return ev->default_scale ? KPI_COLUMN_OVERDUE + 1 : COLUMNS;
}

const char *kpi_column_name(kpi_column column)
{
    return known(column) ? names[column] : "";
}

int kpi_column_is_text(kpi_column column)
{
    switch (column) {
    case KPI_COLUMN_CODE:
    case KPI_COLUMN_PARENT:
    case KPI_COLUMN_TITLE:
    case KPI_COLUMN_TEXT:
    case KPI_COLUMN_UNIT:
    case KPI_COLUMN_UNRATED_LABEL:
    case KPI_COLUMN_REASON:
    case KPI_COLUMN_INFERRED:
    case KPI_COLUMN_STATUS_LABEL:
    case KPI_COLUMN_UPDATE_TEXT:
    case KPI_COLUMN_ISSUER:
    case KPI_COLUMN_GOALS:
    case KPI_COLUMN_LEVEL:
    case KPI_COLUMN_LEVEL_NAME:
        return 1;
    default:
        return 0;
    }
}

size_t kpi_evaluation_row_count(const kpi_evaluation *ev)
{
    if (!ev) {
        kpi__error_null("kpi_evaluation_row_count", "evaluation");
        return 0;
    }
    return ev->count + ev->directive_count;
}

/* ---- Numbers -------------------------------------------------------------- */

static double date_or_none(int32_t date)
{
    return date > 0 ? (double)date : NAN;
}

static double enum_or_none(int value)
{
    return value ? (double)value : NAN;
}

/* The columns only targets have (target_kind .. due). */
static double target_number(const kpi_result *r, kpi_column column)
{
    if (r->kind != KPI_OBJECT_TARGET)
        return NAN;
    switch (column) {
    case KPI_COLUMN_TARGET_KIND:
        return r->target_kind;
    case KPI_COLUMN_DIRECTION:
        return r->direction;
    case KPI_COLUMN_ACTUAL:
        return r->actual;
    case KPI_COLUMN_EXPECTED:
        return r->expected;
    case KPI_COLUMN_TARGET:
        return r->target;
    case KPI_COLUMN_START_VALUE:
        return r->start_value;
    case KPI_COLUMN_ELAPSED:
        return r->elapsed;
    case KPI_COLUMN_PACE:
        return r->pace;
    case KPI_COLUMN_ACHIEVEMENT:
        return r->achievement;
    case KPI_COLUMN_MEASURED:
        return date_or_none(r->measured);
    case KPI_COLUMN_START:
        return date_or_none(r->start);
    case KPI_COLUMN_DUE:
        return date_or_none(r->due);
    default:
        return r->figure_inferred; /* KPI_COLUMN_FIGURE_INFERRED */
    }
}

/* count_ahead .. count_unrated: goals and the plan only. */
static double count_number(const kpi_result *r, kpi_column column)
{
    if (r->kind == KPI_OBJECT_TARGET || r->kind == KPI_OBJECT_DIRECTIVE)
        return NAN;
    if (column != KPI_COLUMN_COUNT_UNRATED)
        return (double)
            r->extra->rating_counts[KPI_RATING_AHEAD - (column - KPI_COLUMN_COUNT_AHEAD)];
    size_t unrated = 0;
    for (int reason = 1; reason < KPI__UNRATED_COUNT; reason++)
        unrated += r->extra->unrated_counts[reason];
    return (double)unrated;
}

/* issuer .. overdue: directives only. */
static double directive_number(const kpi_result *r, kpi_column column)
{
    if (r->kind != KPI_OBJECT_DIRECTIVE)
        return NAN;
    switch (column) {
    case KPI_COLUMN_ISSUED:
        return date_or_none(r->extra->issued);
    case KPI_COLUMN_OPEN:
        return r->open;
    case KPI_COLUMN_DAYS_OPEN:
        return r->extra->days_open >= 0 ? (double)r->extra->days_open : NAN;
    default:
        return r->overdue; /* KPI_COLUMN_OVERDUE */
    }
}

/* What the report's cell of a number column says, NaN where it is empty. */
static double number_of(const kpi_result *r, kpi_column column)
{
    int directive = r->kind == KPI_OBJECT_DIRECTIVE;
    switch (column) {
    case KPI_COLUMN_KIND:
        return r->kind;
    case KPI_COLUMN_DEPTH:
        return directive ? NAN : r->depth;
    case KPI_COLUMN_RATING:
    case KPI_COLUMN_RATING_NAME:
        return enum_or_none(r->rating);
    case KPI_COLUMN_COMPUTED_RATING:
        return enum_or_none(r->computed);
    case KPI_COLUMN_ASSESSED:
        return r->assessed;
    case KPI_COLUMN_MISMATCH:
        return r->mismatch;
    case KPI_COLUMN_ASSESSMENT_DATE:
        return date_or_none(r->assessment_date);
    case KPI_COLUMN_UNRATED_REASON:
        return enum_or_none(r->unrated);
    case KPI_COLUMN_WEIGHT:
        return directive ? NAN : r->weight;
    case KPI_COLUMN_STATUS:
        return enum_or_none(r->status);
    case KPI_COLUMN_PLANNED:
        return date_or_none(r->planned);
    case KPI_COLUMN_STATUS_DATE:
        return date_or_none(r->status_date);
    case KPI_COLUMN_UPDATE_DATE:
        return date_or_none(r->update_date);
    case KPI_COLUMN_UPDATE_STATUS:
        return enum_or_none(r->update_status);
    case KPI_COLUMN_UPDATE_PLANNED:
        return date_or_none(r->update_planned);
    case KPI_COLUMN_CANCELLED:
        return directive ? NAN : kpi__is_cancelled(r);
    case KPI_COLUMN_COUNT_AHEAD:
    case KPI_COLUMN_COUNT_ON_TRACK:
    case KPI_COLUMN_COUNT_BEHIND:
    case KPI_COLUMN_COUNT_NOT_PROGRESSED:
    case KPI_COLUMN_COUNT_UNRATED:
        return count_number(r, column);
    case KPI_COLUMN_ISSUED:
    case KPI_COLUMN_OPEN:
    case KPI_COLUMN_DAYS_OPEN:
    case KPI_COLUMN_OVERDUE:
        return directive_number(r, column);
    default:
        return target_number(r, column);
    }
}

static int check_column(const char *function, kpi_column column, int text)
{
    if (!known(column))
        return kpi__error(KPI_ERR_VALUE, "%s: %d is no column (0..%d)", function,
                          (int)column, COLUMNS - 1);
    if (kpi_column_is_text(column) != text)
        return kpi__error(KPI_ERR_VALUE, "%s: column \"%s\" is %s, not %s", function,
                          names[column], text ? "numbers" : "text",
                          text ? "text" : "numbers");
    return KPI_OK;
}

int kpi_evaluation_column_numbers(const kpi_evaluation *ev, kpi_column column,
                                  double *out, size_t count)
{
    static const char function[] = "kpi_evaluation_column_numbers";
    if (!ev)
        return kpi__error_null(function, "evaluation");
    if (!out)
        return kpi__error_null(function, "out");
    int rc = check_column(function, column, 0);
    if (rc != KPI_OK)
        return rc;
    size_t rows = ev->count + ev->directive_count;
    if (count != rows)
        return kpi__error(KPI_ERR_ARGUMENT, "%s: count is %zu, the rows are %zu",
                          function, count, rows);
    for (size_t i = 0; i < rows; i++)
        out[i] = number_of(&ev->results[i], column);
    return KPI_OK;
}

/* ---- Texts ---------------------------------------------------------------- */

/* What the report's cell of a text column says; "" where it is empty. The
 * reason line may be built into scratch; the goals are joined into it. */
static const char *text_of(kpi__strbuf *scratch, kpi__strbuf *out, const kpi_result *r,
                           kpi_column column, kpi_lang lang)
{
    const kpi_result *parent = kpi_result_parent(r);
    switch (column) {
    case KPI_COLUMN_CODE:
        return r->code;
    case KPI_COLUMN_PARENT:
        return parent ? parent->code : "";
    case KPI_COLUMN_TITLE:
        return r->title;
    case KPI_COLUMN_TEXT:
        return r->text;
    case KPI_COLUMN_UNIT:
        return r->unit;
    case KPI_COLUMN_UNRATED_LABEL:
        return kpi_unrated_label(r->unrated, lang);
    case KPI_COLUMN_REASON:
        /* A directive is followed up, not rated: it has no reason line. */
        return r->kind == KPI_OBJECT_DIRECTIVE
                   ? ""
                   : kpi__display_reason_scratch(scratch, out, r, lang);
    case KPI_COLUMN_STATUS_LABEL:
        return kpi_status_label(r->status, lang);
    case KPI_COLUMN_UPDATE_TEXT:
        return r->update_text;
    case KPI_COLUMN_ISSUER:
        return r->kind == KPI_OBJECT_DIRECTIVE ? r->extra->issuer : "";
    case KPI_COLUMN_LEVEL:
        return r->level < 0
                   ? ""
                   : kpi_scale_level_symbol(r->evaluation->scale, (size_t)r->level);
    case KPI_COLUMN_LEVEL_NAME:
        return r->level < 0
                   ? ""
                   : kpi_scale_level_name(r->evaluation->scale, (size_t)r->level);
    default: /* KPI_COLUMN_GOALS */
        if (r->kind != KPI_OBJECT_DIRECTIVE)
            return "";
        kpi__display_goal_codes(scratch, r);
        if (scratch->failed) /* the column fails whole, never with a cell cut */
            out->failed = 1;
        return scratch->failed ? "" : scratch->data;
    }
}

int kpi_evaluation_column_texts(char **out, size_t *size, const kpi_evaluation *ev,
                                kpi_column column, kpi_lang lang)
{
    static const char function[] = "kpi_evaluation_column_texts";
    if (out)
        *out = NULL;
    if (size)
        *size = 0;
    if (!out)
        return kpi__error_null(function, "out");
    if (!ev)
        return kpi__error_null(function, "evaluation");
    int rc = check_column(function, column, 1);
    if (rc != KPI_OK)
        return rc;
    if ((int)lang < 0 || lang > KPI_LANG_EN)
        return kpi__error(KPI_ERR_VALUE, "%s: language must be 0 (ja) or 1 (en), got %d",
                          function, (int)lang);
    kpi__strbuf buf = {0}, scratch = {0};
    char inferred[128];
    for (size_t i = 0; i < ev->count + ev->directive_count && !buf.failed; i++) {
        const kpi_result *r = &ev->results[i];
        const char *text;
        if (column == KPI_COLUMN_INFERRED) {
            kpi__field_names_format(inferred, sizeof inferred, r->inferred);
            text = inferred;
        } else {
            text = text_of(&scratch, &buf, r, column, lang);
        }
        kpi__strbuf_append_n(&buf, text ? text : "", (text ? strlen(text) : 0) + 1);
    }
    kpi__strbuf_free(&scratch);
    return kpi__strbuf_hand_over(&buf, out, size);
}
