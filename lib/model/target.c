/* Targets: what a goal is measured by, with their measurements and
 * assessments. Setters check each value on its own; whether the values fit
 * together (T against S, due against start) is left to kpi_validate() and
 * kpi_evaluate(), so that a caller can set fields in any order. */
#include "model/model.h"
#include "util/alloc.h"
#include "util/error.h"

#include <math.h>
#include <string.h>

void kpi__target_free(kpi_target *target)
{
    /* Measurements, like the target, live in the arena; only a note or an
     * author set again is allocated on its own (rare: the loop, touching
     * every figure, runs only where one was). */
    if (target->owned & KPI__OWN_FIGURE_TEXTS)
        for (size_t i = 0; i < target->measurements.count; i++)
            kpi__measurement_clear(kpi_target_measurement_at(target, i));
    kpi__assessments_free(&target->assessments);
    kpi__updates_free(&target->updates);
    /* The target and the strings not marked in owned live in the arena. */
    if (target->owned & KPI__OWN_CODE)
        kpi__free(target->code);
    if (target->owned & KPI__OWN_LABEL)
        kpi__free(target->label);
    if (target->owned & KPI__OWN_UNIT)
        kpi__free(target->unit);
    if (target->owned & KPI__OWN_TEXT)
        kpi__free(target->text);
}

double kpi__target_effective_value(const kpi_target *t)
{
    if (t->kind == KPI_KIND_MILESTONE)
        return 1.0;
    if (!isnan(t->change_pct)) {
        double sign = t->direction == KPI_DIRECTION_INCREASE ? 1.0 : -1.0;
        return t->reference * (1.0 + sign * t->change_pct / 100.0);
    }
    return t->value;
}

double kpi__target_effective_start(const kpi_target *t)
{
    if (!isnan(t->start_value))
        return t->start_value;
    return t->direction == KPI_DIRECTION_INCREASE ? 0.0 : (double)NAN;
}

static int target_null(const kpi_target *target, const char *function)
{
    if (target)
        return 0;
    kpi__error_null(function, "target");
    return 1;
}

const char *kpi_target_code(const kpi_target *target)
{
    return target_null(target, "kpi_target_code") ? "" : target->code;
}

int kpi_target_set_code(kpi_target *target, const char *code)
{
    if (target_null(target, "kpi_target_set_code"))
        return KPI_ERR_ARGUMENT;
    kpi_plan *plan = target->goal->plan;
    return kpi__model_done(target->goal->plan,
                           kpi__plan_rename(plan, &plan->targets_by_code, &target->code,
                                            &target->owned, code, target, "target"));
}

/* String fields: a getter and a setter each, all alike. */
#define TARGET_STRING_FIELD(field, bit, own)                                             \
    const char *kpi_target_##field(const kpi_target *target)                             \
    {                                                                                    \
        if (target_null(target, "kpi_target_" #field))                                   \
            return "";                                                                   \
        return kpi__string_or_empty(target->field);                                      \
    }                                                                                    \
    int kpi_target_set_##field(kpi_target *target, const char *value)                    \
    {                                                                                    \
        if (target_null(target, "kpi_target_set_" #field))                               \
            return KPI_ERR_ARGUMENT;                                                     \
        int rc =                                                                         \
            kpi__set_arena_string(target->goal->plan, &target->field, &target->owned,    \
                                  own, 1, value, "target", target->code, #field);        \
        if (rc == KPI_OK)                                                                \
            target->inferred &= ~(uint32_t)(bit);                                        \
        return kpi__model_done(target->goal->plan, rc);                                  \
    }

TARGET_STRING_FIELD(label, KPI_FIELD_LABEL, KPI__OWN_LABEL)
TARGET_STRING_FIELD(unit, KPI_FIELD_UNIT, KPI__OWN_UNIT)
TARGET_STRING_FIELD(text, 0, KPI__OWN_TEXT)

/* An enumeration argument must be one of its declared values: a binding may
 * pass any integer. */
static int check_enum(int value, int last, const kpi_target *target, const char *field)
{
    if (value >= 0 && value <= last)
        return KPI_OK;
    return kpi__error(KPI_ERR_VALUE, "target \"%s\": %s must be 0..%d, got %d",
                      target->code, field, last, value);
}

kpi_kind kpi_target_kind(const kpi_target *target)
{
    return target_null(target, "kpi_target_kind") ? KPI_KIND_NUMERIC : target->kind;
}

/* A milestone's progress is 0..1, so a target with figures outside that
 * range cannot become one without breaking the rule for its values. */
static int check_milestone_values(const kpi_target *target)
{
    for (size_t i = 0; i < target->measurements.count; i++) {
        const kpi_measurement *m = kpi__segvec_at(&target->measurements, i, sizeof *m);
        if (m->value < 0 || m->value > 1)
            return kpi__error(KPI_ERR_VALUE,
                              "target \"%s\": cannot become a milestone: measurement %zu "
                              "is %g, outside 0..1",
                              target->code, i, m->value);
    }
    return KPI_OK;
}

int kpi_target_set_kind(kpi_target *target, kpi_kind kind)
{
    if (target_null(target, "kpi_target_set_kind"))
        return KPI_ERR_ARGUMENT;
    int rc = check_enum((int)kind, KPI_KIND_QUALITATIVE, target, "kind");
    if (rc == KPI_OK && kind == KPI_KIND_MILESTONE)
        rc = check_milestone_values(target);
    if (rc == KPI_OK) {
        target->kind = kind;
        target->inferred &= ~(uint32_t)KPI_FIELD_KIND;
    }
    return kpi__model_done(target->goal->plan, rc);
}

kpi_direction kpi_target_direction(const kpi_target *target)
{
    return target_null(target, "kpi_target_direction") ? KPI_DIRECTION_INCREASE
                                                       : target->direction;
}

int kpi_target_set_direction(kpi_target *target, kpi_direction direction)
{
    if (target_null(target, "kpi_target_set_direction"))
        return KPI_ERR_ARGUMENT;
    int rc = check_enum((int)direction, KPI_DIRECTION_DECREASE, target, "direction");
    if (rc == KPI_OK) {
        target->direction = direction;
        target->inferred &= ~(uint32_t)KPI_FIELD_DIRECTION;
    }
    return kpi__model_done(target->goal->plan, rc);
}

kpi_schedule kpi_target_schedule(const kpi_target *target)
{
    return target_null(target, "kpi_target_schedule") ? KPI_SCHEDULE_DEFAULT
                                                      : target->schedule;
}

int kpi_target_set_schedule(kpi_target *target, kpi_schedule schedule)
{
    if (target_null(target, "kpi_target_set_schedule"))
        return KPI_ERR_ARGUMENT;
    int rc = check_enum((int)schedule, KPI_SCHEDULE_LEVEL, target, "schedule");
    if (rc == KPI_OK)
        target->schedule = schedule;
    return kpi__model_done(target->goal->plan, rc);
}

kpi_accumulate kpi_target_accumulate(const kpi_target *target)
{
    return target_null(target, "kpi_target_accumulate") ? KPI_ACCUMULATE_LATEST
                                                        : target->accumulate;
}

int kpi_target_set_accumulate(kpi_target *target, kpi_accumulate accumulate)
{
    if (target_null(target, "kpi_target_set_accumulate"))
        return KPI_ERR_ARGUMENT;
    int rc = check_enum((int)accumulate, KPI_ACCUMULATE_SUM, target, "accumulate");
    if (rc == KPI_OK)
        target->accumulate = accumulate;
    return kpi__model_done(target->goal->plan, rc);
}

/* Optional numbers: NaN clears, infinities are refused. */
static int set_optional(double *field, double value, const kpi_target *target,
                        const char *name)
{
    if (isinf(value))
        return kpi__error(KPI_ERR_VALUE, "target \"%s\": %s must be finite, got %g",
                          target->code, name, value);
    *field = value;
    return KPI_OK;
}

#define TARGET_NUMBER_FIELD(field, bit)                                                  \
    double kpi_target_##field(const kpi_target *target)                                  \
    {                                                                                    \
        return target_null(target, "kpi_target_" #field) ? (double)NAN : target->field;  \
    }                                                                                    \
    int kpi_target_set_##field(kpi_target *target, double value)                         \
    {                                                                                    \
        if (target_null(target, "kpi_target_set_" #field))                               \
            return KPI_ERR_ARGUMENT;                                                     \
        int rc = set_optional(&target->field, value, target, #field);                    \
        if (rc == KPI_OK)                                                                \
            target->inferred &= ~(uint32_t)(bit);                                        \
        return kpi__model_done(target->goal->plan, rc);                                  \
    }

TARGET_NUMBER_FIELD(value, KPI_FIELD_VALUE)
TARGET_NUMBER_FIELD(start_value, 0)
TARGET_NUMBER_FIELD(reference, 0)
TARGET_NUMBER_FIELD(change_pct, KPI_FIELD_CHANGE_PCT)

double kpi_target_weight(const kpi_target *target)
{
    return target_null(target, "kpi_target_weight") ? (double)NAN : target->weight;
}

int kpi_target_set_weight(kpi_target *target, double weight)
{
    if (target_null(target, "kpi_target_set_weight"))
        return KPI_ERR_ARGUMENT;
    int rc = kpi__check_weight(weight, "target", target->code);
    if (rc == KPI_OK)
        target->weight = weight;
    return kpi__model_done(target->goal->plan, rc);
}

static int set_date(int32_t *field, int32_t date, const kpi_target *target,
                    const char *name)
{
    int rc = kpi__check_date_field(date, 1, "target", target->code, name);
    if (rc == KPI_OK)
        *field = date;
    return rc;
}

int32_t kpi_target_start(const kpi_target *target)
{
    return target_null(target, "kpi_target_start") ? 0 : target->start;
}

int kpi_target_set_start(kpi_target *target, int32_t date)
{
    if (target_null(target, "kpi_target_set_start"))
        return KPI_ERR_ARGUMENT;
    return kpi__model_done(target->goal->plan,
                           set_date(&target->start, date, target, "start"));
}

int32_t kpi_target_due(const kpi_target *target)
{
    return target_null(target, "kpi_target_due") ? 0 : target->due;
}

int kpi_target_set_due(kpi_target *target, int32_t date)
{
    if (target_null(target, "kpi_target_set_due"))
        return KPI_ERR_ARGUMENT;
    int rc = set_date(&target->due, date, target, "due");
    if (rc == KPI_OK)
        target->inferred &= ~(uint32_t)KPI_FIELD_DUE;
    return kpi__model_done(target->goal->plan, rc);
}

uint32_t kpi_target_inferred(const kpi_target *target)
{
    return target_null(target, "kpi_target_inferred") ? 0 : target->inferred;
}

int kpi_target_set_inferred(kpi_target *target, uint32_t fields)
{
    if (target_null(target, "kpi_target_set_inferred"))
        return KPI_ERR_ARGUMENT;
    if (fields & ~(uint32_t)(KPI_FIELD_DUE * 2 - 1))
        return kpi__model_done(
            target->goal->plan,
            kpi__error(KPI_ERR_VALUE,
                       "target \"%s\": inferred fields 0x%x are no kpi_field bits",
                       target->code, (unsigned)fields));
    target->inferred = fields;
    return kpi__model_done(target->goal->plan, KPI_OK);
}

kpi_goal *kpi_target_goal(kpi_target *target)
{
    return target_null(target, "kpi_target_goal") ? NULL : target->goal;
}

size_t kpi_target_assessment_count(const kpi_target *target)
{
    return target_null(target, "kpi_target_assessment_count") ? 0
                                                              : target->assessments.count;
}

kpi_assessment *kpi_target_assessment_at(kpi_target *target, size_t index)
{
    if (target_null(target, "kpi_target_assessment_at"))
        return NULL;
    return kpi__assessment_at(&target->assessments, index);
}

kpi_assessment *kpi_target_add_assessment(kpi_target *target, int32_t date,
                                          kpi_rating rating, const char *comment)
{
    if (target_null(target, "kpi_target_add_assessment"))
        return NULL;
    kpi__owner owner = {"target", &target->code};
    kpi_plan *plan = target->goal->plan;
    kpi_assessment *a = NULL;
    int rc =
        kpi__assessment_add(&a, plan, &target->assessments, date, rating, comment, owner);
    return kpi__model_done(plan, rc) == KPI_OK ? a : NULL;
}

kpi_update *kpi_target_add_update(kpi_target *target, int32_t date, const char *text)
{
    if (target_null(target, "kpi_target_add_update"))
        return NULL;
    kpi__owner owner = {"target", &target->code};
    kpi_plan *plan = target->goal->plan;
    kpi_update *u = NULL;
    int rc = kpi__update_add(&u, plan, &target->updates, date, text, owner);
    return kpi__model_done(plan, rc) == KPI_OK ? u : NULL;
}

size_t kpi_target_update_count(const kpi_target *target)
{
    return target_null(target, "kpi_target_update_count") ? 0 : target->updates.count;
}

kpi_update *kpi_target_update_at(kpi_target *target, size_t index)
{
    if (target_null(target, "kpi_target_update_at"))
        return NULL;
    return kpi__update_at(&target->updates, index);
}
