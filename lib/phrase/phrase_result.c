/* A reading as the API hands it out (kpi/phrase.h): its targets, their
 * fields and issues, and freeing it. */
#include "phrase/reading.h"
#include "util/alloc.h"
#include "util/error.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* ---- Accessors -------------------------------------------------------------------- */

static const kpi__ptarget *target_at(const kpi_phrase *phrase, size_t index,
                                     const char *function)
{
    if (!phrase) {
        kpi__error_null(function, "phrase");
        return NULL;
    }
    if (index >= phrase->count) {
        kpi__error(KPI_ERR_RANGE, "%s: target index %zu is out of range (%zu targets)",
                   function, index, phrase->count);
        return NULL;
    }
    return &phrase->targets[index];
}

size_t kpi_phrase_count(const kpi_phrase *phrase)
{
    if (!phrase) {
        kpi__error_null("kpi_phrase_count", "phrase");
        return 0;
    }
    return phrase->count;
}

const char *kpi_phrase_text_at(const kpi_phrase *phrase, size_t index)
{
    const kpi__ptarget *t = target_at(phrase, index, "kpi_phrase_text_at");
    return t ? t->text : NULL;
}

const char *kpi_phrase_label_at(const kpi_phrase *phrase, size_t index)
{
    const kpi__ptarget *t = target_at(phrase, index, "kpi_phrase_label_at");
    return t ? t->label : NULL;
}

const char *kpi_phrase_unit_at(const kpi_phrase *phrase, size_t index)
{
    const kpi__ptarget *t = target_at(phrase, index, "kpi_phrase_unit_at");
    return t ? t->unit : NULL;
}

kpi_kind kpi_phrase_kind_at(const kpi_phrase *phrase, size_t index)
{
    const kpi__ptarget *t = target_at(phrase, index, "kpi_phrase_kind_at");
    return t ? t->kind : KPI_KIND_NUMERIC;
}

kpi_direction kpi_phrase_direction_at(const kpi_phrase *phrase, size_t index)
{
    const kpi__ptarget *t = target_at(phrase, index, "kpi_phrase_direction_at");
    return t ? t->direction : KPI_DIRECTION_INCREASE;
}

double kpi_phrase_value_at(const kpi_phrase *phrase, size_t index)
{
    const kpi__ptarget *t = target_at(phrase, index, "kpi_phrase_value_at");
    return t ? t->value : NAN;
}

double kpi_phrase_change_pct_at(const kpi_phrase *phrase, size_t index)
{
    const kpi__ptarget *t = target_at(phrase, index, "kpi_phrase_change_pct_at");
    return t ? t->change_pct : NAN;
}

int32_t kpi_phrase_due_month_at(const kpi_phrase *phrase, size_t index)
{
    const kpi__ptarget *t = target_at(phrase, index, "kpi_phrase_due_month_at");
    return t ? t->due_month : 0;
}

int32_t kpi_phrase_due_at(const kpi_phrase *phrase, size_t index)
{
    const kpi__ptarget *t = target_at(phrase, index, "kpi_phrase_due_at");
    return t ? t->due : 0;
}

double kpi_phrase_confidence_at(const kpi_phrase *phrase, size_t index)
{
    const kpi__ptarget *t = target_at(phrase, index, "kpi_phrase_confidence_at");
    return t ? t->confidence : NAN;
}

size_t kpi_phrase_issue_count_at(const kpi_phrase *phrase, size_t index)
{
    const kpi__ptarget *t = target_at(phrase, index, "kpi_phrase_issue_count_at");
    return t ? t->issue_count : 0;
}

const char *kpi_phrase_issue_at(const kpi_phrase *phrase, size_t index, size_t issue)
{
    const kpi__ptarget *t = target_at(phrase, index, "kpi_phrase_issue_at");
    if (!t)
        return NULL;
    if (issue >= t->issue_count) {
        kpi__error(KPI_ERR_RANGE,
                   "kpi_phrase_issue_at: issue index %zu is out of range (%zu issues)",
                   issue, t->issue_count);
        return NULL;
    }
    return t->issues[issue];
}
