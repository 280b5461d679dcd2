/* Reading an evaluation: its results by index or by code, and each result's
 * fields. Getters take NULL without crashing and record the error. */
#include "rules/evaluation.h"
#include "util/error.h"

#include <math.h>

static int ev_null(const kpi_evaluation *ev, const char *function)
{
    if (ev)
        return 0;
    kpi__error_null(function, "evaluation");
    return 1;
}

int32_t kpi_evaluation_as_of(const kpi_evaluation *ev)
{
    return ev_null(ev, "kpi_evaluation_as_of") ? 0 : ev->as_of;
}

int32_t kpi_evaluation_start(const kpi_evaluation *ev)
{
    return ev_null(ev, "kpi_evaluation_start") ? 0 : ev->start;
}

int32_t kpi_evaluation_end(const kpi_evaluation *ev)
{
    return ev_null(ev, "kpi_evaluation_end") ? 0 : ev->end;
}

const kpi_policy *kpi_evaluation_policy(const kpi_evaluation *ev)
{
    return ev_null(ev, "kpi_evaluation_policy") ? NULL : &ev->policy;
}

const char *kpi_evaluation_organization(const kpi_evaluation *ev)
{
    return ev_null(ev, "kpi_evaluation_organization") ? "" : ev->organization;
}

const char *kpi_evaluation_department(const kpi_evaluation *ev)
{
    return ev_null(ev, "kpi_evaluation_department") ? "" : ev->department;
}

size_t kpi_evaluation_note_count(const kpi_evaluation *ev)
{
    return ev_null(ev, "kpi_evaluation_note_count") ? 0 : ev->note_count;
}

/* The note text or code at index of one of the two lists, or NULL with
 * the error recorded. */
static const char *note_field(const kpi_evaluation *ev, char *const *list, size_t index,
                              const char *function)
{
    if (ev_null(ev, function))
        return NULL;
    if (index >= ev->note_count) {
        kpi__error(KPI_ERR_RANGE, "evaluation: note index %zu is out of range (%zu)",
                   index, ev->note_count);
        return NULL;
    }
    return list[index];
}

const char *kpi_evaluation_note_at(const kpi_evaluation *ev, size_t index)
{
    return note_field(ev, ev ? ev->notes : NULL, index, "kpi_evaluation_note_at");
}

const char *kpi_evaluation_note_code_at(const kpi_evaluation *ev, size_t index)
{
    return note_field(ev, ev ? ev->note_codes : NULL, index,
                      "kpi_evaluation_note_code_at");
}

size_t kpi_evaluation_result_count(const kpi_evaluation *ev)
{
    return ev_null(ev, "kpi_evaluation_result_count") ? 0 : ev->count;
}

const kpi_result *kpi_evaluation_result_at(const kpi_evaluation *ev, size_t index)
{
    if (ev_null(ev, "kpi_evaluation_result_at"))
        return NULL;
    if (index >= ev->count) {
        kpi__error(KPI_ERR_RANGE, "evaluation: result index %zu is out of range (%zu)",
                   index, ev->count);
        return NULL;
    }
    return &ev->results[index];
}

size_t kpi_evaluation_directive_count(const kpi_evaluation *ev)
{
    return ev_null(ev, "kpi_evaluation_directive_count") ? 0 : ev->directive_count;
}

const kpi_result *kpi_evaluation_directive_at(const kpi_evaluation *ev, size_t index)
{
    if (ev_null(ev, "kpi_evaluation_directive_at"))
        return NULL;
    if (index >= ev->directive_count) {
        kpi__error(KPI_ERR_RANGE, "evaluation: directive index %zu is out of range (%zu)",
                   index, ev->directive_count);
        return NULL;
    }
    return &ev->results[ev->count + index];
}

const kpi_result *kpi_evaluation_find(const kpi_evaluation *ev, const char *code)
{
    if (ev_null(ev, "kpi_evaluation_find"))
        return NULL;
    if (!code) {
        kpi__error_null("kpi_evaluation_find", "code");
        return NULL;
    }
    const kpi__strmap *index = kpi__evaluation_index(ev);
    if (!index)
        return NULL; /* KPI_ERR_NOMEM, kept by kpi__evaluation_index() */
    const kpi_result *r = kpi__strmap_get(index, code);
    if (!r)
        kpi__error(KPI_ERR_NOT_FOUND, "evaluation: no result with code \"%s\"", code);
    return r;
}

static int result_null(const kpi_result *r, const char *function)
{
    if (r)
        return 0;
    kpi__error_null(function, "result");
    return 1;
}

/* Every plain field of a result is read the same way. */
#define RESULT_GETTER(type, name, field, fallback)                                       \
    type kpi_result_##name(const kpi_result *result)                                     \
    {                                                                                    \
        return result_null(result, "kpi_result_" #name) ? (fallback) : result->field;    \
    }

RESULT_GETTER(kpi_object, object, kind, KPI_OBJECT_PLAN)
RESULT_GETTER(const char *, code, code, "")
RESULT_GETTER(const char *, title, title, "")
RESULT_GETTER(int32_t, depth, depth, 0)
RESULT_GETTER(size_t, child_count, child_count, 0)
RESULT_GETTER(double, weight, weight, (double)NAN)
RESULT_GETTER(kpi_rating, rating, rating, KPI_RATING_NONE)
RESULT_GETTER(kpi_rating, computed_rating, computed, KPI_RATING_NONE)
RESULT_GETTER(int, assessed, assessed, 0)
RESULT_GETTER(int, mismatch, mismatch, 0)
RESULT_GETTER(kpi_unrated, unrated, unrated, KPI_UNRATED_NONE)
RESULT_GETTER(kpi_unrated, computed_unrated, computed_unrated, KPI_UNRATED_NONE)
RESULT_GETTER(int32_t, assessment_date, assessment_date, 0)
RESULT_GETTER(double, actual, actual, (double)NAN)
RESULT_GETTER(double, expected, expected, (double)NAN)
RESULT_GETTER(double, value, target, (double)NAN)
RESULT_GETTER(double, start_value, start_value, (double)NAN)
RESULT_GETTER(double, elapsed, elapsed, (double)NAN)
RESULT_GETTER(double, pace, pace, (double)NAN)
RESULT_GETTER(double, achievement, achievement, (double)NAN)
RESULT_GETTER(int32_t, measured, measured, 0)
RESULT_GETTER(int32_t, start, start, 0)
RESULT_GETTER(int32_t, due, due, 0)
RESULT_GETTER(kpi_kind, target_kind, target_kind, KPI_KIND_NUMERIC)
RESULT_GETTER(kpi_direction, direction, direction, KPI_DIRECTION_INCREASE)
RESULT_GETTER(uint32_t, inferred, inferred, 0)
RESULT_GETTER(kpi_status, status, status, KPI_STATUS_NONE)
RESULT_GETTER(int32_t, planned, planned, 0)
RESULT_GETTER(int32_t, status_date, status_date, 0)
RESULT_GETTER(int32_t, update_date, update_date, 0)
RESULT_GETTER(kpi_status, update_status, update_status, KPI_STATUS_NONE)
RESULT_GETTER(int32_t, update_planned, update_planned, 0)
RESULT_GETTER(int, figure_inferred, figure_inferred, 0)
RESULT_GETTER(int, status_inferred, status_inferred, 0)
RESULT_GETTER(int32_t, issued, extra->issued, 0)
RESULT_GETTER(int, open, open, 0)
RESULT_GETTER(int32_t, days_open, extra->days_open, -1)
RESULT_GETTER(int, overdue, overdue, 0)
RESULT_GETTER(size_t, goal_count, extra->goal_count, 0)

/* The strings a result may lack: "" rather than NULL. */
#define RESULT_STRING(name, field)                                                       \
    const char *kpi_result_##name(const kpi_result *result)                              \
    {                                                                                    \
        if (result_null(result, "kpi_result_" #name))                                    \
            return "";                                                                   \
        return result->field ? result->field : "";                                       \
    }

RESULT_STRING(unit, unit)
RESULT_STRING(text, text)
RESULT_STRING(update_text, update_text)
RESULT_STRING(issuer, extra->issuer)

const char *kpi_result_goal_code_at(const kpi_result *result, size_t index)
{
    if (result_null(result, "kpi_result_goal_code_at"))
        return NULL;
    if (index >= result->extra->goal_count) {
        kpi__error(KPI_ERR_RANGE, "result \"%s\": goal index %zu is out of range (%zu)",
                   result->code, index, (size_t)result->extra->goal_count);
        return NULL;
    }
    return result->extra->goals[index];
}

const kpi_result *kpi_result_parent(const kpi_result *result)
{
    if (result_null(result, "kpi_result_parent") || result->parent == KPI__NO_PARENT)
        return NULL;
    return &result->evaluation->results[result->parent];
}

const kpi_result *kpi_result_child_at(const kpi_result *result, size_t index)
{
    if (result_null(result, "kpi_result_child_at"))
        return NULL;
    if (index >= result->child_count) {
        kpi__error(KPI_ERR_RANGE, "result \"%s\": child index %zu is out of range (%zu)",
                   result->code, index, (size_t)result->child_count);
        return NULL;
    }
    const kpi_evaluation *ev = result->evaluation;
    return &ev->results[ev->children[result->first_child + index]];
}

size_t kpi_result_count_rating(const kpi_result *result, kpi_rating rating)
{
    if (result_null(result, "kpi_result_count_rating"))
        return 0;
    if (rating < KPI_RATING_NOT_PROGRESSED || rating > KPI_RATING_AHEAD)
        return 0;
    return result->extra->rating_counts[rating];
}

size_t kpi_result_count_unrated(const kpi_result *result, kpi_unrated reason)
{
    if (result_null(result, "kpi_result_count_unrated"))
        return 0;
    if (reason <= KPI_UNRATED_NONE || reason >= KPI__UNRATED_COUNT)
        return 0;
    return result->extra->unrated_counts[reason];
}
