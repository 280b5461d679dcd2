/* The workbook's table: one row per result, the CSV report's rows and
 * columns read from the column model (kpi/columns.h, report/columns.c),
 * so that the two always agree, but with typed cells: figures and counts
 * as numbers, dates as Excel dates, shares as percents, flags as TRUE and
 * FALSE, the enumerations by the names the CSV report writes, the reason
 * line and every other text as a string. The heading is the columns'
 * stable names, as in the CSV report, so that a program reads either file
 * the same way. Written a column at a time: the column model hands over a
 * whole column per call. */
#include "kpi/columns.h"
#include "report/xlsx.h"
#include "util/alloc.h"
#include "util/error.h"

#include <math.h>
#include <string.h>

/* How a number column's cells are shown. */
enum shape { SHAPE_NUMBER, SHAPE_PERCENT, SHAPE_DATE, SHAPE_FLAG, SHAPE_NAME };

static enum shape shape_of(kpi_column column)
{
    switch (column) {
    case KPI_COLUMN_ELAPSED:
    case KPI_COLUMN_PACE:
    case KPI_COLUMN_ACHIEVEMENT:
        return SHAPE_PERCENT;
    case KPI_COLUMN_ASSESSMENT_DATE:
    case KPI_COLUMN_MEASURED:
    case KPI_COLUMN_START:
    case KPI_COLUMN_DUE:
    case KPI_COLUMN_PLANNED:
    case KPI_COLUMN_STATUS_DATE:
    case KPI_COLUMN_UPDATE_DATE:
    case KPI_COLUMN_UPDATE_PLANNED:
    case KPI_COLUMN_ISSUED:
        return SHAPE_DATE;
    case KPI_COLUMN_ASSESSED:
    case KPI_COLUMN_MISMATCH:
    case KPI_COLUMN_FIGURE_INFERRED:
    case KPI_COLUMN_CANCELLED:
    case KPI_COLUMN_OPEN:
    case KPI_COLUMN_OVERDUE:
        return SHAPE_FLAG;
    case KPI_COLUMN_KIND:
    case KPI_COLUMN_RATING:
    case KPI_COLUMN_RATING_NAME:
    case KPI_COLUMN_COMPUTED_RATING:
    case KPI_COLUMN_UNRATED_REASON:
    case KPI_COLUMN_TARGET_KIND:
    case KPI_COLUMN_DIRECTION:
    case KPI_COLUMN_STATUS:
    case KPI_COLUMN_UPDATE_STATUS:
        return SHAPE_NAME;
    default:
        return SHAPE_NUMBER;
    }
}

/* An enumeration's name, as the CSV report writes it: the ratings (the
 * rating and the computed one, side by side) as their symbols. */
static const char *name_of(kpi_column column, int value)
{
    switch (column) {
    case KPI_COLUMN_KIND:
        return kpi_object_name((kpi_object)value);
    case KPI_COLUMN_RATING:
    case KPI_COLUMN_COMPUTED_RATING:
        return kpi_rating_symbol((kpi_rating)value);
    case KPI_COLUMN_RATING_NAME:
        return kpi_rating_name((kpi_rating)value);
    case KPI_COLUMN_UNRATED_REASON:
        return kpi_unrated_name((kpi_unrated)value);
    case KPI_COLUMN_TARGET_KIND:
        return kpi_kind_name((kpi_kind)value);
    case KPI_COLUMN_DIRECTION:
        return kpi_direction_name((kpi_direction)value);
    default: /* KPI_COLUMN_STATUS, KPI_COLUMN_UPDATE_STATUS */
        return kpi_status_name((kpi_status)value);
    }
}

/* The format of a named value: a rating in its colour. */
static lxw_format *name_format(const kpi__xlsx *x, kpi_column column, int value)
{
    int rating = column == KPI_COLUMN_RATING || column == KPI_COLUMN_COMPUTED_RATING;
    if (rating && value >= KPI_RATING_NONE && value <= KPI_RATING_AHEAD)
        return x->f.t_level[value];
    return x->f.t_text;
}

/* Wider columns for the texts people read. */
static double width_of(kpi_column column)
{
    switch (column) {
    case KPI_COLUMN_TITLE:
    case KPI_COLUMN_TEXT:
    case KPI_COLUMN_UPDATE_TEXT:
        return 36;
    case KPI_COLUMN_REASON:
        return 60;
    case KPI_COLUMN_CODE:
    case KPI_COLUMN_PARENT:
    case KPI_COLUMN_INFERRED:
    case KPI_COLUMN_UNRATED_LABEL:
    case KPI_COLUMN_STATUS_LABEL:
        return 14;
    default:
        return 11;
    }
}

/* The row of result i (the heading is row 0). */
static uint32_t row_of(size_t i)
{
    return (uint32_t)(i + 1);
}

static void put_number(kpi__xlsx_sheet *s, kpi_column column, size_t i, double value)
{
    const kpi__xlsx_formats *f = &s->x->f;
    uint32_t row = row_of(i);
    uint16_t col = (uint16_t)column;
    if (isnan(value)) /* the CSV report's empty cell */
        return;
    switch (shape_of(column)) {
    case SHAPE_PERCENT:
        kpi__xlsx_number(s, row, col, value, f->t_percent);
        break;
    case SHAPE_DATE:
        kpi__xlsx_date(s, row, col, (int32_t)value, f->t_date);
        break;
    case SHAPE_FLAG:
        kpi__xlsx_boolean(s, row, col, value != 0, NULL);
        break;
    case SHAPE_NAME:
        kpi__xlsx_text(s, row, col, name_of(column, (int)value),
                       name_format(s->x, column, (int)value), &s->x->ev->results[i],
                       kpi_column_name(column));
        break;
    default:
        kpi__xlsx_number(s, row, col, value, f->t_number);
    }
}

static void put_numbers(kpi__xlsx_sheet *s, kpi_column column, double *values,
                        size_t rows)
{
    int rc = kpi_evaluation_column_numbers(s->x->ev, column, values, rows);
    if (rc != KPI_OK) {
        s->x->rc = rc;
        return;
    }
    for (size_t i = 0; i < rows && s->x->rc == KPI_OK; i++)
        put_number(s, column, i, values[i]);
}

/* A level's symbol (on a scale other than the default) in its colour. */
static lxw_format *text_format(const kpi__xlsx *x, kpi_column column, size_t i)
{
    if (column != KPI_COLUMN_LEVEL)
        return x->f.t_text;
    return x->f.t_level[kpi__level_colour(x->ev, x->ev->results[i].level)];
}

static void put_texts(kpi__xlsx_sheet *s, kpi_column column, size_t rows)
{
    kpi__xlsx *x = s->x;
    char *texts = NULL;
    int rc = kpi_evaluation_column_texts(&texts, NULL, x->ev, column, x->lang);
    if (rc != KPI_OK) {
        x->rc = rc;
        return;
    }
    const char *text = texts;
    for (size_t i = 0; i < rows && x->rc == KPI_OK; i++) {
        if (*text)
            kpi__xlsx_text(s, row_of(i), (uint16_t)column, text,
                           text_format(x, column, i), &x->ev->results[i],
                           kpi_column_name(column));
        text += strlen(text) + 1;
    }
    kpi__free(texts);
}

static void put_heading(kpi__xlsx_sheet *s, int32_t columns)
{
    for (int32_t col = 0; col < columns && s->x->rc == KPI_OK; col++) {
        kpi__xlsx_text(s, 0, (uint16_t)col, kpi_column_name((kpi_column)col),
                       s->x->f.t_head, NULL, "heading");
        kpi__xlsx_fail(s->x,
                       worksheet_set_column(s->ws, (lxw_col_t)col, (lxw_col_t)col,
                                            width_of((kpi_column)col), NULL),
                       "setting a column's width");
    }
}

/* Printed as a list: A4 landscape, the heading on every page. */
static void set_view(kpi__xlsx_sheet *s, int32_t columns, size_t rows)
{
    worksheet_set_landscape(s->ws);
    worksheet_set_paper(s->ws, 9);
    worksheet_freeze_panes(s->ws, 1, 2); /* the heading, kind and code stay */
    kpi__xlsx_fail(s->x, worksheet_repeat_rows(s->ws, 0, 0), "repeating rows");
    kpi__xlsx_fail(
        s->x,
        worksheet_autofilter(s->ws, 0, 0, (lxw_row_t)rows, (lxw_col_t)(columns - 1)),
        "setting the filter");
}

void kpi__xlsx_table(kpi__xlsx_sheet *s)
{
    const kpi_evaluation *ev = s->x->ev;
    size_t rows = kpi_evaluation_row_count(ev);
    int32_t columns = kpi_evaluation_column_count(ev);
    kpi__xlsx_rows(s, rows + 1);
    if (s->x->rc != KPI_OK)
        return;
    double *values = kpi__malloc((rows ? rows : 1) * sizeof *values);
    if (!values) {
        s->x->rc = kpi__error_nomem();
        return;
    }
    put_heading(s, columns);
    for (int32_t col = 0; col < columns && s->x->rc == KPI_OK; col++) {
        if (kpi_column_is_text((kpi_column)col))
            put_texts(s, (kpi_column)col, rows);
        else
            put_numbers(s, (kpi_column)col, values, rows);
    }
    kpi__free(values);
    set_view(s, columns, rows);
}
