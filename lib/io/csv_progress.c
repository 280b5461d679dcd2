/* Loading the progress file: one row per measurement (a value) or
 * assessment (a rating) of a target, or an assessment of a goal. */
#include "util/error.h"
#include "io/load.h"

#include <math.h>
#include <string.h>

enum progress_column { P_CODE, P_DATE, P_VALUE, P_RATING, P_NOTE, P_AUTHOR };

static const kpi__column_spec progress_columns[] = {
    {P_CODE, "code", {"コード", "番号"}, 1},
    {P_DATE, "date", {"日付", "基準日", "時点"}, 1},
    {P_VALUE, "value", {"実績", "実績値", "値"}, 0},
    {P_RATING, "rating", {"評価", "進捗度"}, 0},
    {P_NOTE, "note", {"備考", "進捗状況", "コメント"}, 0},
    {P_AUTHOR, "author", {"記入者", "担当者"}, 0},
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* The target or goal a row is about. */
struct subject {
    kpi_target *target;
    kpi_goal *goal;
};

static int find_subject(kpi__load *load, const kpi__csv_row *row, struct subject *s)
{
    char code[KPI_MAX_CODE + 2];
    kpi__load_trimmed(load, row, P_CODE, code, sizeof code);
    s->target = NULL;
    s->goal = NULL;
    if (!*code)
        return kpi__load_error(load, row, P_CODE, KPI_ERR_VALUE,
                               "empty; expected the code of a target or goal");
    if ((load->last_target || load->last_goal) && strcmp(code, load->last_code) == 0) {
        s->target = load->last_target;
        s->goal = load->last_goal;
        return KPI_OK;
    }
    if ((s->target = kpi_plan_find_target(load->plan, code)) != NULL ||
        (s->goal = kpi_plan_find_goal(load->plan, code)) != NULL) {
        memcpy(load->last_code, code, strlen(code) + 1);
        load->last_target = s->target;
        load->last_goal = s->goal;
        return KPI_OK;
    }
    return kpi__load_error(load, row, P_CODE, KPI_ERR_NOT_FOUND,
                           "\"%s\" is no target or goal of the structure file", code);
}

static int read_measurement(kpi__load *load, const kpi__csv_row *row, kpi_target *t,
                            int32_t date)
{
    double value = NAN;
    int rc = kpi__load_number(load, row, P_VALUE, &value);
    if (rc != KPI_OK)
        return rc;
    kpi_measurement *m = kpi_target_add_measurement(
        t, date, value, kpi__columns_cell(&load->columns, row, P_NOTE));
    if (!m)
        return kpi__load_wrap(load, row, P_VALUE, kpi_error_code());
    rc = kpi_measurement_set_author(m, kpi__columns_cell(&load->columns, row, P_AUTHOR));
    return rc == KPI_OK ? KPI_OK : kpi__load_wrap(load, row, P_AUTHOR, rc);
}

static int read_assessment(kpi__load *load, const kpi__csv_row *row,
                           const struct subject *s, int32_t date)
{
    char text[64];
    kpi_rating rating;
    int rc = kpi_rating_parse(&rating,
                              kpi__load_trimmed(load, row, P_RATING, text, sizeof text));
    if (rc != KPI_OK)
        return kpi__load_wrap(load, row, P_RATING, rc);
    const char *comment = kpi__columns_cell(&load->columns, row, P_NOTE);
    kpi_assessment *a = s->target
                            ? kpi_target_add_assessment(s->target, date, rating, comment)
                            : kpi_goal_add_assessment(s->goal, date, rating, comment);
    if (!a)
        return kpi__load_wrap(load, row, P_RATING, kpi_error_code());
    rc = kpi_assessment_set_author(a, kpi__columns_cell(&load->columns, row, P_AUTHOR));
    return rc == KPI_OK ? KPI_OK : kpi__load_wrap(load, row, P_AUTHOR, rc);
}

/* A row is a measurement or an assessment: exactly one of value and
 * rating is filled, and only targets have measurements. */
static int read_row(kpi__load *load, const kpi__csv_row *row, const struct subject *s,
                    int32_t date)
{
    int has_value = *kpi__columns_cell(&load->columns, row, P_VALUE) != '\0';
    int has_rating = *kpi__columns_cell(&load->columns, row, P_RATING) != '\0';
    if (has_value && has_rating)
        return kpi__load_error(load, row, P_RATING, KPI_ERR_PARSE,
                               "a row has a value (a measurement) or a rating (an "
                               "assessment), not both");
    if (!has_value && !has_rating)
        return kpi__load_error(load, row, P_VALUE, KPI_ERR_PARSE,
                               "empty, and so is \"rating\": a row needs one of them");
    if (has_rating)
        return read_assessment(load, row, s, date);
    if (!s->target)
        return kpi__load_error(load, row, P_VALUE, KPI_ERR_VALUE,
                               "\"%s\" is a goal; goals take ratings, not values",
                               kpi_goal_code(s->goal));
    return read_measurement(load, row, s->target, date);
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
