/* Assessments: a person's rating (進捗度) of a target or a goal. */
#include "model/model.h"
#include "util/alloc.h"
#include "util/error.h"

static int check_rating(kpi_rating rating, kpi__owner owner)
{
    if (rating >= KPI_RATING_NOT_PROGRESSED && rating <= KPI_RATING_AHEAD)
        return KPI_OK;
    return kpi__error(
        KPI_ERR_VALUE,
        "%s \"%s\": assessment rating must be one of ◎ ○ △ × (1..4), got %d", owner.kind,
        *owner.code, (int)rating);
}

static int check_date(int32_t date, kpi__owner owner)
{
    return kpi__check_date_field(date, 0, owner.kind, *owner.code, "assessment date");
}

/* A field of the assessment, named by its owner in messages. */
static int set_field(kpi_assessment *a, char **field, const char *value, const char *name)
{
    return kpi__set_string(field, value, a->owner.kind, *a->owner.code, name);
}

int kpi__assessment_add(kpi_assessment **out, kpi_plan *plan, kpi__segvec *list,
                        int32_t date, kpi_rating rating, const char *comment,
                        kpi__owner owner)
{
    int rc = check_date(date, owner);
    if (rc == KPI_OK)
        rc = check_rating(rating, owner);
    if (rc != KPI_OK)
        return rc;
    if (list->count >= KPI_MAX_RECORDS)
        return kpi__error(
            KPI_ERR_LIMIT,
            "%s \"%s\": already %d assessments, the limit (KPI_MAX_RECORDS)", owner.kind,
            *owner.code, KPI_MAX_RECORDS);
    char *copy = NULL;
    /* NOMEM, ENCODING for bad text, LIMIT for too much of it */
    rc = kpi__set_string(&copy, comment, owner.kind, *owner.code, "assessment comment");
    if (rc != KPI_OK)
        return rc;
    kpi_assessment *a = kpi__segvec_append(list, sizeof *a, &plan->objects);
    if (!a) {
        kpi__free(copy);
        return KPI_ERR_NOMEM;
    }
    a->plan = plan;
    a->owner = owner;
    a->seq = kpi__plan_next_seq(plan);
    a->date = date;
    a->rating = rating;
    a->comment = copy;
    *out = a;
    return KPI_OK;
}

kpi_assessment *kpi__assessment_at(const kpi__segvec *list, size_t index)
{
    if (index >= list->count) {
        kpi__error(KPI_ERR_RANGE, "assessment index %zu is out of range (%zu)", index,
                   (size_t)list->count);
        return NULL;
    }
    return kpi__segvec_at(list, index, sizeof(kpi_assessment));
}

void kpi__assessments_free(kpi__segvec *list)
{
    for (size_t i = 0; i < list->count; i++) {
        kpi_assessment *a = kpi__segvec_at(list, i, sizeof *a);
        kpi__free(a->comment);
        kpi__free(a->author);
        kpi__free(a->level);
    }
}

static int assessment_null(const kpi_assessment *a, const char *function)
{
    if (a)
        return 0;
    kpi__error_null(function, "assessment");
    return 1;
}

int32_t kpi_assessment_date(const kpi_assessment *assessment)
{
    return assessment_null(assessment, "kpi_assessment_date") ? 0 : assessment->date;
}

int kpi_assessment_set_date(kpi_assessment *assessment, int32_t date)
{
    if (assessment_null(assessment, "kpi_assessment_set_date"))
        return KPI_ERR_ARGUMENT;
    int rc = check_date(date, assessment->owner);
    if (rc == KPI_OK)
        assessment->date = date;
    return kpi__model_done(assessment->plan, rc);
}

kpi_rating kpi_assessment_rating(const kpi_assessment *assessment)
{
    return assessment_null(assessment, "kpi_assessment_rating") ? KPI_RATING_NONE
                                                                : assessment->rating;
}

int kpi_assessment_set_rating(kpi_assessment *assessment, kpi_rating rating)
{
    if (assessment_null(assessment, "kpi_assessment_set_rating"))
        return KPI_ERR_ARGUMENT;
    int rc = check_rating(rating, assessment->owner);
    if (rc == KPI_OK)
        assessment->rating = rating;
    return kpi__model_done(assessment->plan, rc);
}

const char *kpi_assessment_comment(const kpi_assessment *assessment)
{
    return assessment_null(assessment, "kpi_assessment_comment")
               ? ""
               : kpi__string_or_empty(assessment->comment);
}

int kpi_assessment_set_comment(kpi_assessment *assessment, const char *comment)
{
    if (assessment_null(assessment, "kpi_assessment_set_comment"))
        return KPI_ERR_ARGUMENT;
    return kpi__model_done(assessment->plan, set_field(assessment, &assessment->comment,
                                                       comment, "assessment comment"));
}

const char *kpi_assessment_author(const kpi_assessment *assessment)
{
    return assessment_null(assessment, "kpi_assessment_author")
               ? ""
               : kpi__string_or_empty(assessment->author);
}

int kpi_assessment_set_author(kpi_assessment *assessment, const char *author)
{
    if (assessment_null(assessment, "kpi_assessment_set_author"))
        return KPI_ERR_ARGUMENT;
    return kpi__model_done(assessment->plan, set_field(assessment, &assessment->author,
                                                       author, "assessment author"));
}

/* A level is named as the person wrote it; the scale it belongs to is the
 * evaluation's, so it is checked there (an unknown one rates by the
 * rating, the level's class). */
const char *kpi_assessment_level(const kpi_assessment *assessment)
{
    return assessment_null(assessment, "kpi_assessment_level")
               ? ""
               : kpi__string_or_empty(assessment->level);
}

int kpi_assessment_set_level(kpi_assessment *assessment, const char *level)
{
    if (assessment_null(assessment, "kpi_assessment_set_level"))
        return KPI_ERR_ARGUMENT;
    if (level && !*level)
        level = NULL;
    return kpi__model_done(assessment->plan, set_field(assessment, &assessment->level,
                                                       level, "assessment level"));
}
