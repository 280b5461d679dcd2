/* What staff need to fill a plan workbook's sheet in (xlsx_write_cells.h): the
 * header frozen and filtered, readable column widths, and on each column
 * that takes a word a drop-down list of the words the writer writes, on
 * each date column a date check. Both warn rather than refuse, because the
 * reader accepts more than the lists offer (以上, 数値, a date typed as
 * 2017年10月 ...), as it does in the CSV files. */
#include "io/xlsx_write_cells.h"
#include "model/names.h"
#include "util/error.h"
#include "kpi/error.h"

#include <string.h>

/* The most words a list offers: the statuses, or a scale's levels. */
#define MAX_WORDS (KPI_SCALE_MAX_LEVELS + 8)

typedef struct word_list {
    const char *words[MAX_WORDS + 1]; /* NULL-terminated, as libxlsxwriter wants */
    int count;
} word_list;

static void add(word_list *l, const char *word)
{
    if (l->count < MAX_WORDS && word && *word)
        l->words[l->count++] = word;
    l->words[l->count] = NULL;
}

static void ratings(word_list *l, const kpi_scale *scale)
{
    if (!scale) {
        for (int r = KPI_RATING_AHEAD; r >= KPI_RATING_NOT_PROGRESSED; r--)
            add(l, kpi_rating_symbol((kpi_rating)r));
        return;
    }
    for (size_t i = 0; i < kpi_scale_level_count(scale); i++)
        add(l, kpi_scale_level_symbol(scale, i));
}

/* The words of the column called name; none for a column without a list. */
static void words_of(word_list *l, const char *name, const kpi_scale *scale)
{
    l->count = 0;
    l->words[0] = NULL;
    if (strcmp(name, "type") == 0) {
        for (int o = KPI_OBJECT_PLAN; o <= KPI_OBJECT_DIRECTIVE; o++)
            add(l, kpi_object_name((kpi_object)o));
        add(l, KPI__NOTE_NAME);
    } else if (strcmp(name, "kind") == 0) {
        for (int k = KPI_KIND_NUMERIC; k <= KPI_KIND_QUALITATIVE; k++)
            add(l, kpi_kind_name((kpi_kind)k));
    } else if (strcmp(name, "direction") == 0) {
        for (int d = KPI_DIRECTION_INCREASE; d <= KPI_DIRECTION_DECREASE; d++)
            add(l, kpi_direction_name((kpi_direction)d));
    } else if (strcmp(name, "schedule") == 0) {
        for (int s = KPI_SCHEDULE_LINEAR; s <= KPI_SCHEDULE_LEVEL; s++)
            add(l, kpi_schedule_name((kpi_schedule)s));
    } else if (strcmp(name, "accumulate") == 0) {
        for (int a = KPI_ACCUMULATE_LATEST; a <= KPI_ACCUMULATE_SUM; a++)
            add(l, kpi_accumulate_name((kpi_accumulate)a));
    } else if (strcmp(name, "status") == 0) {
        for (int s = KPI_STATUS_NOT_STARTED; s <= KPI_STATUS_CANCELLED; s++)
            add(l, kpi_status_name((kpi_status)s));
    } else if (strcmp(name, "rating") == 0) {
        ratings(l, scale);
    }
}

static int is_date_column(const char *name)
{
    static const char *const dates[] = {"start", "due", "date", "report_date", "planned"};
    for (size_t i = 0; i < sizeof dates / sizeof *dates; i++)
        if (strcmp(name, dates[i]) == 0)
            return 1;
    return 0;
}

/* The rows below the header, the ones staff will add included. */
static lxw_error validate(lxw_worksheet *sheet, int column, lxw_data_validation *v)
{
    v->ignore_blank = LXW_VALIDATION_ON;
    v->error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
    return worksheet_data_validation_range(sheet, 1, (lxw_col_t)column,
                                           KPI__XLSX_MAX_ROWS - 1, (lxw_col_t)column, v);
}

static lxw_error list_check(lxw_worksheet *sheet, int column, word_list *l)
{
    lxw_data_validation v = {0};
    v.validate = LXW_VALIDATION_TYPE_LIST;
    v.value_list = (char **)l->words;
    return validate(sheet, column, &v);
}

static lxw_error date_check(lxw_worksheet *sheet, int column)
{
    lxw_data_validation v = {0};
    v.validate = LXW_VALIDATION_TYPE_DATE;
    v.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
    kpi__workbook_datetime(&v.value_datetime, KPI__XLSX_FIRST_DATE);
    return validate(sheet, column, &v);
}

/* Wide columns for texts people write, narrow ones for words and dates. */
static double width_of(const char *name)
{
    if (strcmp(name, "title") == 0 || strcmp(name, "note") == 0)
        return 40;
    if (strcmp(name, "text") == 0)
        return 50;
    return is_date_column(name) ? 12 : 10;
}

static lxw_error look(kpi__sheet_cells *c)
{
    worksheet_freeze_panes(c->sheet, 1, 0);
    lxw_error e = LXW_NO_ERROR;
    if (c->columns > 0)
        e = worksheet_autofilter(c->sheet, 0, 0, c->row ? c->row - 1 : 0,
                                 (lxw_col_t)(c->columns - 1));
    for (int i = 0; e == LXW_NO_ERROR && i < c->columns; i++)
        e = worksheet_set_column(c->sheet, (lxw_col_t)i, (lxw_col_t)i,
                                 width_of(c->header[i]), NULL);
    return e;
}

int kpi__sheet_finish(kpi__sheet_cells *c, const kpi_scale *scale)
{
    if (c->rc != KPI_OK)
        return c->rc;
    lxw_error e = look(c);
    word_list l;
    for (int i = 0; e == LXW_NO_ERROR && i < c->columns; i++) {
        words_of(&l, c->header[i], scale);
        if (l.count)
            e = list_check(c->sheet, i, &l);
        else if (is_date_column(c->header[i]))
            e = date_check(c->sheet, i);
    }
    if (e != LXW_NO_ERROR) {
        char what[160];
        snprintf(what, sizeof what, "sheet %s: setting up its columns", c->name);
        return kpi__workbook_error(e, what);
    }
    return KPI_OK;
}
