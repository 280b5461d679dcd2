/* Measurements: the figures reported against a target, kept in the order
 * they were added (the evaluator relies on that order to pick the last one
 * of a date). */
#include "model/model.h"
#include "util/alloc.h"
#include "util/error.h"

#include <math.h>

/* Millions of measurements make a national plan: keep each at 24 bytes on
 * 64-bit machines (the memory budget of docs/performance.md). */
_Static_assert(sizeof(void *) != 8 || sizeof(struct kpi_measurement) == 24,
               "a measurement must stay 24 bytes");
_Static_assert(_Alignof(kpi__measurement_texts) > 1, "the link's low bit must be free");

/* The measurement's texts, or NULL when it has neither note nor author. */
static kpi__measurement_texts *texts_of(const kpi_measurement *m)
{
    return m->link & KPI__LINK_TEXTS
               ? (kpi__measurement_texts *)(m->link & ~KPI__LINK_TEXTS)
               : NULL;
}

static kpi_target *target_of(const kpi_measurement *m)
{
    if (m->link & KPI__LINK_TEXTS)
        return ((kpi__measurement_texts *)(m->link & ~KPI__LINK_TEXTS))->target;
    return (kpi_target *)m->link;
}

/* Links the measurement to its texts, which name the target from then on. */
static void link_texts(kpi_measurement *m, kpi__measurement_texts *texts)
{
    m->link = (uintptr_t)texts | KPI__LINK_TEXTS;
}

/* A figure on its own: finite, and 0..1 for a milestone. */
static int check_value(const kpi_target *target, double value)
{
    if (!isfinite(value))
        return kpi__error(KPI_ERR_VALUE,
                          "target \"%s\": measurement value must be finite, got %g",
                          target->code, value);
    if (target->kind == KPI_KIND_MILESTONE && (value < 0 || value > 1))
        return kpi__error(KPI_ERR_VALUE,
                          "target \"%s\": a milestone's progress must be 0..1, got %g",
                          target->code, value);
    return KPI_OK;
}

static int check_date(const kpi_target *target, int32_t date)
{
    return kpi__check_date_field(date, 0, "target", target->code, "measurement date");
}

size_t kpi_target_measurement_count(const kpi_target *target)
{
    if (!target) {
        kpi__error_null("kpi_target_measurement_count", "target");
        return 0;
    }
    return target->measurements.count;
}

kpi_measurement *kpi_target_measurement_at(kpi_target *target, size_t index)
{
    if (!target) {
        kpi__error_null("kpi_target_measurement_at", "target");
        return NULL;
    }
    if (index >= target->measurements.count) {
        kpi__error(KPI_ERR_RANGE,
                   "target \"%s\": measurement index %zu is out of range (%zu)",
                   target->code, index, (size_t)target->measurements.count);
        return NULL;
    }
    return kpi__segvec_at(&target->measurements, index, sizeof(kpi_measurement));
}

/* Appends the measurement; on error the target is unchanged. */
static int measurement_add(kpi_measurement **out, kpi_target *target, int32_t date,
                           double value, const char *note)
{
    int rc = check_date(target, date);
    if (rc == KPI_OK)
        rc = check_value(target, value);
    if (rc != KPI_OK)
        return rc;
    if (target->measurements.count >= KPI_MAX_RECORDS)
        return kpi__error(KPI_ERR_LIMIT,
                          "target \"%s\": already %d measurements, the limit",
                          target->code, KPI_MAX_RECORDS);
    kpi_plan *plan = target->goal->plan;
    kpi__measurement_texts *texts = NULL;
    if (note && *note) {
        /* In the arena, as is the note, once the note is known to be
         * valid: what a failure below took there is not reachable and
         * goes with the plan. */
        rc = kpi__check_text(note, "target", target->code, "measurement note");
        if (rc != KPI_OK)
            return rc;
        texts = kpi__arena_calloc(&plan->objects, sizeof *texts);
        if (!texts)
            return KPI_ERR_NOMEM;
        texts->target = target;
        rc = kpi__set_arena_string(plan, &texts->note, &texts->owned, KPI__OWN_NOTE, 0,
                                   note, "target", target->code, "measurement note");
        if (rc != KPI_OK)
            return rc;
    }
    kpi_measurement *m =
        kpi__segvec_append(&target->measurements, sizeof *m, &plan->objects);
    if (!m)
        return KPI_ERR_NOMEM;
    m->link = (uintptr_t)target;
    if (texts)
        link_texts(m, texts);
    m->date = date;
    m->value = value;
    m->seq = kpi__plan_next_seq(plan);
    *out = m;
    return KPI_OK;
}

kpi_measurement *kpi_target_add_measurement(kpi_target *target, int32_t date,
                                            double value, const char *note)
{
    if (!target) {
        kpi__error_null("kpi_target_add_measurement", "target");
        return NULL;
    }
    kpi_measurement *m = NULL;
    int rc = measurement_add(&m, target, date, value, note);
    return kpi__model_done(target->goal->plan, rc) == KPI_OK ? m : NULL;
}

void kpi__measurement_clear(kpi_measurement *m)
{
    kpi__measurement_texts *texts = texts_of(m);
    if (!texts)
        return;
    /* The pair lives in the arena; only strings that replaced others are
     * allocated on their own. */
    if (texts->owned & KPI__OWN_NOTE)
        kpi__free(texts->note);
    if (texts->owned & KPI__OWN_AUTHOR)
        kpi__free(texts->author);
    m->link = (uintptr_t)texts->target;
}

/* Sets the note or the author, allocating the pair on first use. */
static int set_text(kpi_measurement *m, int author, const char *value)
{
    kpi_target *target = target_of(m);
    const char *code = target->code;
    const char *name = author ? "measurement author" : "measurement note";
    kpi_plan *plan = target->goal->plan;
    kpi__measurement_texts *texts = texts_of(m);
    if (!texts) {
        if (!value || !*value)
            return KPI_OK;
        int rc = kpi__check_text(value, "target", code, name);
        if (rc != KPI_OK)
            return rc;
        texts = kpi__arena_calloc(&plan->objects, sizeof *texts);
        if (!texts)
            return KPI_ERR_NOMEM;
        texts->target = target;
    }
    int rc = kpi__set_arena_string(
        plan, author ? &texts->author : &texts->note, &texts->owned,
        author ? KPI__OWN_AUTHOR : KPI__OWN_NOTE, 0, value, "target", code, name);
    if (rc == KPI_OK)
        link_texts(m, texts);
    if (texts->owned & (KPI__OWN_NOTE | KPI__OWN_AUTHOR))
        target->owned |= KPI__OWN_FIGURE_TEXTS; /* to be freed with the plan */
    return rc;
}

static const char *get_text(const kpi_measurement *m, int author)
{
    const kpi__measurement_texts *texts = texts_of(m);
    if (!texts)
        return "";
    return kpi__string_or_empty(author ? texts->author : texts->note);
}

const char *kpi__measurement_note_shared(const kpi_measurement *m)
{
    const kpi__measurement_texts *texts = texts_of(m);
    if (!texts || !texts->note)
        return "";
    return texts->owned & KPI__OWN_NOTE ? NULL : texts->note;
}

static int measurement_null(const kpi_measurement *m, const char *function)
{
    if (m)
        return 0;
    kpi__error_null(function, "measurement");
    return 1;
}

int32_t kpi_measurement_date(const kpi_measurement *measurement)
{
    return measurement_null(measurement, "kpi_measurement_date") ? 0 : measurement->date;
}

int kpi_measurement_set_date(kpi_measurement *measurement, int32_t date)
{
    if (measurement_null(measurement, "kpi_measurement_set_date"))
        return KPI_ERR_ARGUMENT;
    int rc = check_date(target_of(measurement), date);
    if (rc == KPI_OK)
        measurement->date = date;
    return kpi__model_done(target_of(measurement)->goal->plan, rc);
}

double kpi_measurement_value(const kpi_measurement *measurement)
{
    return measurement_null(measurement, "kpi_measurement_value") ? (double)NAN
                                                                  : measurement->value;
}

int kpi_measurement_set_value(kpi_measurement *measurement, double value)
{
    if (measurement_null(measurement, "kpi_measurement_set_value"))
        return KPI_ERR_ARGUMENT;
    int rc = check_value(target_of(measurement), value);
    if (rc == KPI_OK)
        measurement->value = value;
    return kpi__model_done(target_of(measurement)->goal->plan, rc);
}

const char *kpi_measurement_note(const kpi_measurement *measurement)
{
    return measurement_null(measurement, "kpi_measurement_note")
               ? ""
               : get_text(measurement, 0);
}

int kpi_measurement_set_note(kpi_measurement *measurement, const char *note)
{
    if (measurement_null(measurement, "kpi_measurement_set_note"))
        return KPI_ERR_ARGUMENT;
    return kpi__model_done(target_of(measurement)->goal->plan,
                           set_text(measurement, 0, note));
}

const char *kpi_measurement_author(const kpi_measurement *measurement)
{
    return measurement_null(measurement, "kpi_measurement_author")
               ? ""
               : get_text(measurement, 1);
}

int kpi_measurement_set_author(kpi_measurement *measurement, const char *author)
{
    if (measurement_null(measurement, "kpi_measurement_set_author"))
        return KPI_ERR_ARGUMENT;
    return kpi__model_done(target_of(measurement)->goal->plan,
                           set_text(measurement, 1, author));
}
