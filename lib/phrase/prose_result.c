/* A reading of progress prose as the API hands it out (kpi/prose.h): its
 * statements, their fields, issues and figures. */
#include "phrase/prose.h"
#include "util/error.h"

#include <math.h>

static const kpi__pstatement *statement_at(const kpi_prose *prose, size_t index,
                                           const char *function)
{
    if (!prose) {
        kpi__error_null(function, "prose");
        return NULL;
    }
    if (index >= prose->count) {
        kpi__error(KPI_ERR_RANGE,
                   "%s: statement index %zu is out of range (%zu statements)", function,
                   index, prose->count);
        return NULL;
    }
    return &prose->statements[index];
}

static const kpi__pfigure *figure_at(const kpi_prose *prose, size_t index, size_t figure,
                                     const char *function)
{
    const kpi__pstatement *st = statement_at(prose, index, function);
    if (!st)
        return NULL;
    if (figure >= st->figure_count) {
        kpi__error(KPI_ERR_RANGE, "%s: figure index %zu is out of range (%zu figures)",
                   function, figure, st->figure_count);
        return NULL;
    }
    return &st->figures[figure];
}

size_t kpi_prose_count(const kpi_prose *prose)
{
    if (!prose) {
        kpi__error_null("kpi_prose_count", "prose");
        return 0;
    }
    return prose->count;
}

const char *kpi_prose_text_at(const kpi_prose *prose, size_t index)
{
    const kpi__pstatement *st = statement_at(prose, index, "kpi_prose_text_at");
    return st ? st->text : NULL;
}

const char *kpi_prose_subject_at(const kpi_prose *prose, size_t index)
{
    const kpi__pstatement *st = statement_at(prose, index, "kpi_prose_subject_at");
    return st ? st->subject : NULL;
}

kpi_status kpi_prose_status_at(const kpi_prose *prose, size_t index)
{
    const kpi__pstatement *st = statement_at(prose, index, "kpi_prose_status_at");
    return st ? st->status : KPI_STATUS_NONE;
}

const char *kpi_prose_status_word_at(const kpi_prose *prose, size_t index)
{
    const kpi__pstatement *st = statement_at(prose, index, "kpi_prose_status_word_at");
    return st ? st->word : NULL;
}

int32_t kpi_prose_planned_at(const kpi_prose *prose, size_t index)
{
    const kpi__pstatement *st = statement_at(prose, index, "kpi_prose_planned_at");
    return st ? st->planned : 0;
}

int32_t kpi_prose_done_at(const kpi_prose *prose, size_t index)
{
    const kpi__pstatement *st = statement_at(prose, index, "kpi_prose_done_at");
    return st ? st->done : 0;
}

double kpi_prose_confidence_at(const kpi_prose *prose, size_t index)
{
    const kpi__pstatement *st = statement_at(prose, index, "kpi_prose_confidence_at");
    return st ? st->confidence : NAN;
}

size_t kpi_prose_issue_count_at(const kpi_prose *prose, size_t index)
{
    const kpi__pstatement *st = statement_at(prose, index, "kpi_prose_issue_count_at");
    return st ? st->issue_count : 0;
}

const char *kpi_prose_issue_at(const kpi_prose *prose, size_t index, size_t issue)
{
    const kpi__pstatement *st = statement_at(prose, index, "kpi_prose_issue_at");
    if (!st)
        return NULL;
    if (issue >= st->issue_count) {
        kpi__error(KPI_ERR_RANGE,
                   "kpi_prose_issue_at: issue index %zu is out of range (%zu issues)",
                   issue, st->issue_count);
        return NULL;
    }
    return st->issues[issue];
}

size_t kpi_prose_figure_count_at(const kpi_prose *prose, size_t index)
{
    const kpi__pstatement *st = statement_at(prose, index, "kpi_prose_figure_count_at");
    return st ? st->figure_count : 0;
}

const char *kpi_prose_figure_text_at(const kpi_prose *prose, size_t index, size_t figure)
{
    const kpi__pfigure *f = figure_at(prose, index, figure, "kpi_prose_figure_text_at");
    return f ? f->text : NULL;
}

const char *kpi_prose_figure_label_at(const kpi_prose *prose, size_t index, size_t figure)
{
    const kpi__pfigure *f = figure_at(prose, index, figure, "kpi_prose_figure_label_at");
    return f ? f->label : NULL;
}

double kpi_prose_figure_value_at(const kpi_prose *prose, size_t index, size_t figure)
{
    const kpi__pfigure *f = figure_at(prose, index, figure, "kpi_prose_figure_value_at");
    return f ? f->value : NAN;
}

const char *kpi_prose_figure_unit_at(const kpi_prose *prose, size_t index, size_t figure)
{
    const kpi__pfigure *f = figure_at(prose, index, figure, "kpi_prose_figure_unit_at");
    return f ? f->unit : NULL;
}

uint32_t kpi_prose_figure_flags_at(const kpi_prose *prose, size_t index, size_t figure)
{
    const kpi__pfigure *f = figure_at(prose, index, figure, "kpi_prose_figure_flags_at");
    return f ? f->flags : 0;
}

int32_t kpi_prose_figure_date_at(const kpi_prose *prose, size_t index, size_t figure)
{
    const kpi__pfigure *f = figure_at(prose, index, figure, "kpi_prose_figure_date_at");
    return f ? f->date : 0;
}

double kpi_prose_figure_confidence_at(const kpi_prose *prose, size_t index, size_t figure)
{
    const kpi__pfigure *f =
        figure_at(prose, index, figure, "kpi_prose_figure_confidence_at");
    return f ? f->confidence : NAN;
}

const char *kpi_prose_figure_issue_at(const kpi_prose *prose, size_t index, size_t figure)
{
    const kpi__pfigure *f = figure_at(prose, index, figure, "kpi_prose_figure_issue_at");
    return f ? f->issue : NULL;
}
