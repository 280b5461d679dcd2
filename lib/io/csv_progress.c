/* Loading the progress file (docs/csv-format.md): one row per report on a
 * target, a goal or a directive. A row with a value is a measurement, one
 * with a rating an assessment; a row with a status, a planned date or only
 * a text is an update, and so is a measurement's row that carries a text
 * or a status (then one row holds both, the update's text the
 * measurement's note, written back as one row). */
#include "io/load.h"
#include "io/progress_infer.h"
#include "util/error.h"

#include <math.h>
#include <string.h>

enum progress_column {
    P_CODE,
    P_DATE,
    P_VALUE,
    P_RATING,
    P_NOTE,
    P_AUTHOR,
    P_STATUS,
    P_PLANNED
};

static const kpi__column_spec progress_columns[] = {
    {P_CODE, "code", {"コード", "番号"}, 1},
    {P_DATE, "date", {"日付", "基準日", "時点"}, 1},
    {P_VALUE, "value", {"実績", "実績値", "値"}, 0},
    {P_RATING, "rating", {"評価", "進捗度"}, 0},
    {P_NOTE, "note", {"備考", "進捗状況", "コメント"}, 0},
    {P_AUTHOR, "author", {"記入者", "担当者"}, 0},
    {P_STATUS, "status", {"状況", "ステータス"}, 0},
    {P_PLANNED, "planned", {"予定日", "予定"}, 0},
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* The target, goal or directive a row is about: exactly one is set. */
struct subject {
    kpi_target *target;
    kpi_goal *goal;
    kpi_directive *directive;
};

/* The progress file lists an object's rows together: the last code looked
 * up is remembered to skip the hash lookups for the next row. */
static int find_subject(kpi__load *load, const kpi__csv_row *row, struct subject *s)
{
    char buf[KPI_MAX_CODE + 2];
    const char *code = kpi__load_trimmed(load, row, P_CODE, buf, sizeof buf);
    *s = (struct subject){NULL, NULL, NULL};
    if (!*code)
        return kpi__load_error(load, row, P_CODE, KPI_ERR_VALUE,
                               "empty; expected the code of a target, goal or directive");
    if ((load->last_target || load->last_goal || load->last_directive) &&
        strcmp(code, load->last_code) == 0) {
        *s = (struct subject){load->last_target, load->last_goal, load->last_directive};
        return KPI_OK;
    }
    kpi_plan *plan = load->plan;
    if (!(s->target = kpi__strmap_get(&plan->targets_by_code, code)) &&
        !(s->goal = kpi__strmap_get(&plan->goals_by_code, code)) &&
        !(s->directive = kpi__strmap_get(&plan->directives_by_code, code)))
        return kpi__load_error(load, row, P_CODE, KPI_ERR_NOT_FOUND,
                               "\"%s\" is no target, goal or directive of the structure "
                               "file",
                               code);
    memcpy(load->last_code, code, strlen(code) + 1);
    load->last_target = s->target;
    load->last_goal = s->goal;
    load->last_directive = s->directive;
    return KPI_OK;
}

/* The status and planned date of a row: either may be empty; a scheduled
 * status needs its date. */
static int read_status(kpi__load *load, const kpi__csv_row *row, kpi_status *status,
                       int32_t *planned)
{
    char word[64];
    const char *text = kpi__load_trimmed(load, row, P_STATUS, word, sizeof word);
    *status = KPI_STATUS_NONE;
    *planned = 0;
    if (*text && kpi_status_parse(status, text) != KPI_OK)
        return kpi__load_wrap(load, row, P_STATUS, kpi_error_code());
    int rc = kpi__load_date(load, row, P_PLANNED, 1, planned);
    if (rc == KPI_OK && *status == KPI_STATUS_SCHEDULED && !*planned)
        rc = kpi__load_error(load, row, P_PLANNED, KPI_ERR_VALUE,
                             "empty; a scheduled row needs its planned date (予定日)");
    return rc;
}

/* The update of a row, on the row's subject. */
static kpi_update *add_update(const struct subject *s, int32_t date, const char *text)
{
    if (s->target)
        return kpi_target_add_update(s->target, date, text);
    if (s->goal)
        return kpi_goal_add_update(s->goal, date, text);
    return kpi_directive_add_update(s->directive, date, text);
}

/* A text on a target or a goal may say what the row left empty: kept for
 * kpi__infer_progress() when the reader reads texts. */
static int remember_text(kpi__load *load, const kpi__csv_row *row,
                         const struct subject *s, kpi_update *u, int has_value,
                         int has_status)
{
    if (!load->infer || s->directive || !*kpi_update_text(u))
        return KPI_OK;
    struct kpi__prose_row text = {s->target, s->goal,   u,
                                  row->line, has_value, has_status};
    return kpi__prose_row_add(load, &text) == KPI_OK ? KPI_OK : kpi__error_nomem();
}

static int read_update(kpi__load *load, const kpi__csv_row *row, const struct subject *s,
                       int32_t date, kpi_measurement *figure)
{
    kpi_status status;
    int32_t planned;
    int rc = read_status(load, row, &status, &planned);
    if (rc != KPI_OK)
        return rc;
    const char *note = kpi__columns_cell(&load->columns, row, P_NOTE);
    if (figure && status == KPI_STATUS_NONE && !planned && !*note)
        return KPI_OK; /* a bare figure: a measurement alone */
    kpi_update *u = add_update(s, date, figure ? NULL : note);
    if (!u)
        return kpi__load_wrap(load, row, P_NOTE, kpi_error_code());
    if (figure)
        kpi__update_link(u, figure);
    if (kpi_update_set_status(u, status, planned) != KPI_OK)
        return kpi__load_wrap(load, row, P_STATUS, kpi_error_code());
    if (!figure && kpi_update_set_author(
                       u, kpi__columns_cell(&load->columns, row, P_AUTHOR)) != KPI_OK)
        return kpi__load_wrap(load, row, P_AUTHOR, kpi_error_code());
    /* A planned date the city wrote is part of the row's state: the text
     * may not fill a status over it (which would replace the date). */
    return remember_text(load, row, s, u, figure != NULL,
                         status != KPI_STATUS_NONE || planned != 0);
}

static int read_measurement(kpi__load *load, const kpi__csv_row *row,
                            const struct subject *s, int32_t date)
{
    if (!s->target)
        return kpi__load_error(load, row, P_VALUE, KPI_ERR_VALUE,
                               "\"%s\" is no target; only targets take values",
                               s->goal ? kpi_goal_code(s->goal)
                                       : kpi_directive_code(s->directive));
    double value = NAN;
    int rc = kpi__load_number(load, row, P_VALUE, &value);
    if (rc != KPI_OK)
        return rc;
    kpi_measurement *m = kpi_target_add_measurement(
        s->target, date, value, kpi__columns_cell(&load->columns, row, P_NOTE));
    if (!m)
        return kpi__load_wrap(load, row, P_VALUE, kpi_error_code());
    const char *author = kpi__columns_cell(&load->columns, row, P_AUTHOR);
    if (*author && (rc = kpi_measurement_set_author(m, author)) != KPI_OK)
        return kpi__load_wrap(load, row, P_AUTHOR, rc);
    return read_update(load, row, s, date, m);
}

/* The rating cell: ◎ ○ △ × or their names, or, for a plan that names its
 * scale, one of that scale's levels (then *level is the text, and the
 * rating the level's class). */
static int read_rating(kpi__load *load, const kpi__csv_row *row, char *text, size_t size,
                       kpi_rating *rating, const char **level)
{
    const char *cell = kpi__load_trimmed(load, row, P_RATING, text, size);
    int rc = kpi_rating_parse(rating, cell);
    const kpi_scale *scale = load->plan->scale;
    int32_t found = rc == KPI_OK ? -1 : kpi_scale_level_find(scale, cell);
    if (found >= 0) {
        *rating = kpi_scale_level_class(scale, (size_t)found);
        *level = cell;
        return KPI_OK;
    }
    if (rc != KPI_OK && scale)
        return kpi__load_error(load, row, P_RATING, KPI_ERR_VALUE,
                               "\"%s\" is neither a rating (◎ ○ △ ×, ahead, on_track, "
                               "behind, not_progressed) nor a level of the plan's scale "
                               "\"%s\"",
                               cell, kpi_scale_id(scale));
    return rc == KPI_OK ? KPI_OK : kpi__load_wrap(load, row, P_RATING, rc);
}

/* A rating is a person's judgement, not a state of the work: its row takes
 * no status (give that on a row of its own). */
static int read_assessment(kpi__load *load, const kpi__csv_row *row,
                           const struct subject *s, int32_t date)
{
    if (s->directive)
        return kpi__load_error(load, row, P_RATING, KPI_ERR_VALUE,
                               "\"%s\" is a directive; directives are not rated",
                               kpi_directive_code(s->directive));
    if (*kpi__columns_cell(&load->columns, row, P_STATUS) ||
        *kpi__columns_cell(&load->columns, row, P_PLANNED))
        return kpi__load_error(
            load, row, P_STATUS, KPI_ERR_PARSE,
            "a row with a rating takes no status or planned date: give "
            "them on a row of their own");
    char text[64];
    kpi_rating rating;
    const char *level = NULL;
    int rc = read_rating(load, row, text, sizeof text, &rating, &level);
    if (rc != KPI_OK)
        return rc;
    const char *comment = kpi__columns_cell(&load->columns, row, P_NOTE);
    kpi_assessment *a = s->target
                            ? kpi_target_add_assessment(s->target, date, rating, comment)
                            : kpi_goal_add_assessment(s->goal, date, rating, comment);
    if (!a)
        return kpi__load_wrap(load, row, P_RATING, kpi_error_code());
    if (level && (rc = kpi_assessment_set_level(a, level)) != KPI_OK)
        return kpi__load_wrap(load, row, P_RATING, rc);
    rc = kpi_assessment_set_author(a, kpi__columns_cell(&load->columns, row, P_AUTHOR));
    return rc == KPI_OK ? KPI_OK : kpi__load_wrap(load, row, P_AUTHOR, rc);
}

static int has(const kpi__load *load, const kpi__csv_row *row, int column)
{
    return *kpi__columns_cell(&load->columns, row, column) != '\0';
}

/* A row is a measurement (a value), an assessment (a rating) or an update
 * (a status, a planned date or a text), never a value and a rating. */
static int read_row(kpi__load *load, const kpi__csv_row *row, const struct subject *s,
                    int32_t date)
{
    int has_value = has(load, row, P_VALUE), has_rating = has(load, row, P_RATING);
    if (has_value && has_rating)
        return kpi__load_error(load, row, P_RATING, KPI_ERR_PARSE,
                               "a row has a value (a measurement) or a rating (an "
                               "assessment), not both");
    if (has_value)
        return read_measurement(load, row, s, date);
    if (has_rating)
        return read_assessment(load, row, s, date);
    if (!has(load, row, P_NOTE) && !has(load, row, P_STATUS) &&
        !has(load, row, P_PLANNED))
        return kpi__load_error(load, row, P_VALUE, KPI_ERR_PARSE,
                               "empty, and so are \"rating\", \"note\" and \"status\": a "
                               "row needs one of them");
    return read_update(load, row, s, date, NULL);
}

int kpi__progress_row(void *context, const kpi__csv_row *row)
{
    kpi__load *load = context;
    int rc;
    if (kpi__load_header(load, row, progress_columns, COUNT(progress_columns), &rc) ||
        rc != KPI_OK)
        return rc;
    struct subject s;
    rc = find_subject(load, row, &s);
    if (rc != KPI_OK)
        return rc;
    int32_t date = 0;
    rc = kpi__load_date(load, row, P_DATE, 1, &date);
    if (rc == KPI_OK && !date)
        rc = kpi__load_error(load, row, P_DATE, KPI_ERR_DATE, "empty; expected a date");
    return rc == KPI_OK ? read_row(load, row, &s, date) : rc;
}

int kpi__progress_prefetch(void *context, const kpi__csv_row *row)
{
    const kpi__load *load = context;
    if (!load->have_header || !load->plan)
        return KPI_OK;
    char buf[KPI_MAX_CODE + 2];
    const char *code = kpi__load_trimmed(load, row, P_CODE, buf, sizeof buf);
    kpi__strmap_prefetch(&load->plan->targets_by_code, code);
    return KPI_OK;
}
