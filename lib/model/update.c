/* Updates (進捗状況): dated reports on targets, goals and directives, with
 * the state of the work (kpi_status) and, when it is scheduled, the date
 * it is planned for. */
#include "model/model.h"
#include "util/alloc.h"
#include "util/date.h"
#include "util/error.h"

static int check_date(int32_t date, kpi__owner owner)
{
    return kpi__check_date_field(date, 0, owner.kind, *owner.code, "update date");
}

/* A field of the update, named by its owner in messages. */
static int set_field(kpi_update *u, char **field, const char *value, const char *name)
{
    return kpi__set_string(field, value, u->owner.kind, *u->owner.code, name);
}

int kpi__update_add(kpi_update **out, kpi_plan *plan, kpi__segvec *list, int32_t date,
                    const char *text, kpi__owner owner)
{
    int rc = check_date(date, owner);
    if (rc != KPI_OK)
        return rc;
    if (list->count >= KPI_MAX_RECORDS)
        return kpi__error(KPI_ERR_LIMIT,
                          "%s \"%s\": already %d updates, the limit (KPI_MAX_RECORDS)",
                          owner.kind, *owner.code, KPI_MAX_RECORDS);
    char *copy = NULL;
    rc = kpi__set_string(&copy, text, owner.kind, *owner.code, "update text");
    if (rc != KPI_OK)
        return rc;
    kpi_update *u = kpi__segvec_append(list, sizeof *u, &plan->objects);
    if (!u) {
        kpi__free(copy);
        return KPI_ERR_NOMEM;
    }
    *u = (kpi_update){.plan = plan, .owner = owner, .text = copy, .date = date};
    u->seq = kpi__plan_next_seq(plan);
    *out = u;
    return KPI_OK;
}

kpi_update *kpi__update_at(const kpi__segvec *list, size_t index)
{
    if (index >= list->count) {
        kpi__error(KPI_ERR_RANGE, "update index %zu is out of range (%zu)", index,
                   (size_t)list->count);
        return NULL;
    }
    return kpi__segvec_at(list, index, sizeof(kpi_update));
}

void kpi__updates_free(kpi__segvec *list)
{
    for (size_t i = 0; i < list->count; i++) {
        kpi_update *u = kpi__segvec_at(list, i, sizeof *u);
        kpi__free(u->text);
        kpi__free(u->author);
    }
}

void kpi__update_link(kpi_update *update, kpi_measurement *measurement)
{
    update->measurement = measurement;
    update->seq = measurement->seq & KPI__SEQ_MASK;
    kpi__free(update->text);
    update->text = NULL;
}

void kpi__update_set_inferred(kpi_update *update, uint32_t fields)
{
    update->inferred |= fields;
}

void kpi__measurement_set_inferred(kpi_measurement *measurement)
{
    measurement->seq |= KPI__SEQ_INFERRED;
}

/* ---- The public calls ---------------------------------------------------- */

static int update_null(const kpi_update *update, const char *function)
{
    if (update)
        return 0;
    kpi__error_null(function, "update");
    return 1;
}

int32_t kpi_update_date(const kpi_update *update)
{
    return update_null(update, "kpi_update_date") ? 0 : update->date;
}

int kpi_update_set_date(kpi_update *update, int32_t date)
{
    if (update_null(update, "kpi_update_set_date"))
        return KPI_ERR_ARGUMENT;
    int rc = check_date(date, update->owner);
    if (rc == KPI_OK)
        update->date = date;
    return kpi__model_done(update->plan, rc);
}

const char *kpi_update_text(const kpi_update *update)
{
    if (update_null(update, "kpi_update_text"))
        return "";
    if (update->measurement)
        return kpi_measurement_note(update->measurement);
    return kpi__string_or_empty(update->text);
}

const char *kpi__update_text_shared(const kpi_update *update)
{
    if (update->measurement)
        return kpi__measurement_note_shared(update->measurement);
    return update->text ? NULL : ""; /* its own text is always allocated alone */
}

int kpi_update_set_text(kpi_update *update, const char *text)
{
    if (update_null(update, "kpi_update_set_text"))
        return KPI_ERR_ARGUMENT;
    if (update->measurement)
        return kpi_measurement_set_note(update->measurement, text);
    return kpi__model_done(update->plan,
                           set_field(update, &update->text, text, "update text"));
}

kpi_status kpi_update_status(const kpi_update *update)
{
    return update_null(update, "kpi_update_status") ? KPI_STATUS_NONE : update->status;
}

/* What a status needs of its planned date. */
static int check_status(kpi_status status, int32_t planned)
{
    if ((int)status < KPI_STATUS_NONE || status > KPI_STATUS_CANCELLED)
        return kpi__error(KPI_ERR_VALUE, "update: status must be 0..7, got %d",
                          (int)status);
    if (status == KPI_STATUS_SCHEDULED && planned == 0)
        return kpi__error(KPI_ERR_VALUE,
                          "update: a scheduled update needs its planned date (予定日)");
    return kpi__date_check(planned, 1, "update: planned date");
}

int kpi_update_set_status(kpi_update *update, kpi_status status, int32_t planned)
{
    if (update_null(update, "kpi_update_set_status"))
        return KPI_ERR_ARGUMENT;
    int rc = check_status(status, planned);
    if (rc == KPI_OK) {
        update->status = status;
        update->planned = planned;
        update->inferred &= ~(uint32_t)(KPI_FIELD_STATUS | KPI_FIELD_PLANNED);
    }
    return kpi__model_done(update->plan, rc);
}

int32_t kpi_update_planned(const kpi_update *update)
{
    return update_null(update, "kpi_update_planned") ? 0 : update->planned;
}

const char *kpi_update_author(const kpi_update *update)
{
    if (update_null(update, "kpi_update_author"))
        return "";
    if (update->measurement)
        return kpi_measurement_author(update->measurement);
    return kpi__string_or_empty(update->author);
}

int kpi_update_set_author(kpi_update *update, const char *author)
{
    if (update_null(update, "kpi_update_set_author"))
        return KPI_ERR_ARGUMENT;
    if (update->measurement)
        return kpi_measurement_set_author(update->measurement, author);
    return kpi__model_done(update->plan,
                           set_field(update, &update->author, author, "update author"));
}

uint32_t kpi_update_inferred(const kpi_update *update)
{
    return update_null(update, "kpi_update_inferred") ? 0 : update->inferred;
}

uint32_t kpi_measurement_inferred(const kpi_measurement *measurement)
{
    if (!measurement) {
        kpi__error_null("kpi_measurement_inferred", "measurement");
        return 0;
    }
    return measurement->seq & KPI__SEQ_INFERRED ? (uint32_t)KPI_FIELD_VALUE : 0;
}
