/* The plan: root of the model, owner of every goal and target and of the
 * code index (codes.c) that makes lookups O(1). */
#include "model/model.h"
#include "util/alloc.h"
#include "util/date.h"
#include "util/error.h"

int kpi_plan_new(kpi_plan **out, const char *id)
{
    if (!out)
        return kpi__error_null("kpi_plan_new", "out");
    *out = NULL;
    int rc = kpi__check_code(id, "plan");
    if (rc != KPI_OK)
        return rc;
    kpi_plan *plan = kpi__calloc(1, sizeof *plan);
    if (!plan)
        return KPI_ERR_NOMEM;
    plan->id = kpi__strdup(id);
    plan->strings = plan->id ? kpi__arena_shared_new() : NULL;
    if (!plan->strings) {
        kpi__free(plan->id);
        kpi__free(plan);
        return KPI_ERR_NOMEM;
    }
    *out = plan;
    return KPI_OK;
}

void kpi_plan_free(kpi_plan *plan)
{
    if (!plan)
        return;
    for (size_t i = 0; i < plan->goals.count; i++)
        kpi__goal_free(plan->goals.items[i]);
    kpi__ptrvec_free(&plan->goals);
    for (size_t i = 0; i < plan->directives.count; i++)
        kpi__directive_free(plan->directives.items[i]);
    kpi__ptrvec_free(&plan->directives);
    kpi__notes_free(&plan->notes);
    kpi__strmap_free(&plan->goals_by_code);
    kpi__strmap_free(&plan->targets_by_code);
    kpi__strmap_free(&plan->directives_by_code);
    kpi__free(plan->id);
    kpi__free(plan->title);
    kpi__free(plan->organization);
    kpi__free(plan->department);
    kpi__plan_scale_free(plan);
    kpi__arena_free(&plan->objects);       /* last: the targets freed above live there */
    kpi__arena_shared_drop(plan->strings); /* evaluations may still hold them */
    kpi__free(plan);
}

/* Getters take NULL without crashing: they record the error and return an
 * empty value, because a getter has no return code to carry it. */
static int plan_null(const kpi_plan *plan, const char *function)
{
    if (plan)
        return 0;
    kpi__error_null(function, "plan");
    return 1;
}

const char *kpi_plan_id(const kpi_plan *plan)
{
    return plan_null(plan, "kpi_plan_id") ? "" : plan->id;
}

int kpi_plan_set_id(kpi_plan *plan, const char *id)
{
    if (plan_null(plan, "kpi_plan_set_id"))
        return KPI_ERR_ARGUMENT;
    int rc = kpi__check_code(id, "plan");
    if (rc == KPI_OK && kpi__strmap_get(&plan->goals_by_code, id))
        rc = kpi__error(KPI_ERR_DUPLICATE,
                        "plan \"%s\": id \"%s\" is the code of a goal, and a plan "
                        "file's parent column would read that goal as the plan",
                        plan->id, id);
    if (rc != KPI_OK)
        return kpi__model_done(plan, rc);
    return kpi__model_done(plan, kpi__set_string(&plan->id, id, "plan", plan->id, "id"));
}

const char *kpi_plan_title(const kpi_plan *plan)
{
    return plan_null(plan, "kpi_plan_title") ? "" : kpi__string_or_empty(plan->title);
}

int kpi_plan_set_title(kpi_plan *plan, const char *title)
{
    if (plan_null(plan, "kpi_plan_set_title"))
        return KPI_ERR_ARGUMENT;
    return kpi__model_done(
        plan, kpi__set_string(&plan->title, title, "plan", plan->id, "title"));
}

const char *kpi_plan_organization(const kpi_plan *plan)
{
    return plan_null(plan, "kpi_plan_organization")
               ? ""
               : kpi__string_or_empty(plan->organization);
}

int kpi_plan_set_organization(kpi_plan *plan, const char *organization)
{
    if (plan_null(plan, "kpi_plan_set_organization"))
        return KPI_ERR_ARGUMENT;
    return kpi__model_done(plan, kpi__set_string(&plan->organization, organization,
                                                 "plan", plan->id, "organization"));
}

const char *kpi_plan_department(const kpi_plan *plan)
{
    return plan_null(plan, "kpi_plan_department")
               ? ""
               : kpi__string_or_empty(plan->department);
}

int kpi_plan_set_department(kpi_plan *plan, const char *department)
{
    if (plan_null(plan, "kpi_plan_set_department"))
        return KPI_ERR_ARGUMENT;
    return kpi__model_done(plan, kpi__set_string(&plan->department, department, "plan",
                                                 plan->id, "department"));
}

int32_t kpi_plan_start(const kpi_plan *plan)
{
    return plan_null(plan, "kpi_plan_start") ? 0 : plan->start;
}

int32_t kpi_plan_end(const kpi_plan *plan)
{
    return plan_null(plan, "kpi_plan_end") ? 0 : plan->end;
}

int kpi_plan_set_period(kpi_plan *plan, int32_t start, int32_t end)
{
    if (plan_null(plan, "kpi_plan_set_period"))
        return KPI_ERR_ARGUMENT;
    if (start == 0 && end == 0) {
        plan->start = plan->end = 0;
        return kpi__model_done(plan, KPI_OK);
    }
    int rc = kpi__date_check(start, 0, "plan: period start");
    if (rc == KPI_OK)
        rc = kpi__date_check(end, 0, "plan: period end");
    if (rc != KPI_OK)
        return kpi__model_done(plan, rc);
    if (end < start)
        return kpi__model_done(
            plan,
            kpi__error(KPI_ERR_VALUE, "plan \"%s\": period end %d is before its start %d",
                       plan->id, (int)end, (int)start));
    plan->start = start;
    plan->end = end;
    return kpi__model_done(plan, KPI_OK);
}

int kpi_plan_set_fiscal_year(kpi_plan *plan, int32_t fiscal_year)
{
    if (plan_null(plan, "kpi_plan_set_fiscal_year"))
        return KPI_ERR_ARGUMENT;
    int32_t first, last;
    int rc = kpi_date_fiscal_range(&first, &last, fiscal_year);
    if (rc != KPI_OK)
        return kpi__model_done(plan, rc);
    return kpi__model_done(plan, kpi_plan_set_period(plan, first, last));
}

size_t kpi_plan_goal_count(const kpi_plan *plan)
{
    return plan_null(plan, "kpi_plan_goal_count") ? 0 : plan->goals.count;
}

kpi_goal *kpi_plan_goal_at(kpi_plan *plan, size_t index)
{
    if (plan_null(plan, "kpi_plan_goal_at"))
        return NULL;
    if (index >= plan->goals.count) {
        kpi__error(KPI_ERR_RANGE,
                   "plan \"%s\": goal index %zu is out of range (%zu goals)", plan->id,
                   index, plan->goals.count);
        return NULL;
    }
    return plan->goals.items[index];
}

kpi_goal *kpi_plan_add_goal(kpi_plan *plan, const char *code, const char *title)
{
    if (plan_null(plan, "kpi_plan_add_goal"))
        return NULL;
    kpi_goal *goal = NULL;
    int rc = kpi__goal_create(&goal, plan, NULL, &plan->goals, code, title);
    return kpi__model_done(plan, rc) == KPI_OK ? goal : NULL;
}

/* A goal or target by code from map; NULL with the error recorded when
 * there is none. */
static void *find(const kpi__strmap *map, const kpi_plan *plan, const char *code,
                  const char *what, const char *function)
{
    if (plan_null(plan, function))
        return NULL;
    if (!code) {
        kpi__error_null(function, "code");
        return NULL;
    }
    void *object = kpi__strmap_get(map, code);
    if (!object)
        kpi__error(KPI_ERR_NOT_FOUND, "plan \"%s\": no %s with code \"%s\"", plan->id,
                   what, code);
    return object;
}

kpi_goal *kpi_plan_find_goal(kpi_plan *plan, const char *code)
{
    return find(plan ? &plan->goals_by_code : NULL, plan, code, "goal",
                "kpi_plan_find_goal");
}

kpi_target *kpi_plan_find_target(kpi_plan *plan, const char *code)
{
    return find(plan ? &plan->targets_by_code : NULL, plan, code, "target",
                "kpi_plan_find_target");
}

int kpi_plan_error_code(const kpi_plan *plan)
{
    return plan ? plan->error.code : KPI_ERR_ARGUMENT;
}

const char *kpi_plan_error_message(const kpi_plan *plan)
{
    return plan ? plan->error.message : "";
}

size_t kpi_plan_total_goal_count(const kpi_plan *plan)
{
    return plan_null(plan, "kpi_plan_total_goal_count") ? 0 : plan->goals_by_code.count;
}

size_t kpi_plan_total_target_count(const kpi_plan *plan)
{
    return plan_null(plan, "kpi_plan_total_target_count") ? 0
                                                          : plan->targets_by_code.count;
}

size_t kpi_plan_note_count(const kpi_plan *plan)
{
    return plan_null(plan, "kpi_plan_note_count") ? 0 : plan->notes.count;
}

const char *kpi_plan_note_at(const kpi_plan *plan, size_t index)
{
    if (plan_null(plan, "kpi_plan_note_at"))
        return NULL;
    return kpi__notes_text_at(&plan->notes, index, "plan");
}

const char *kpi_plan_note_code_at(const kpi_plan *plan, size_t index)
{
    if (plan_null(plan, "kpi_plan_note_code_at"))
        return NULL;
    return kpi__notes_code_at(&plan->notes, index, "plan");
}

int kpi_plan_add_note(kpi_plan *plan, const char *code, const char *text)
{
    if (plan_null(plan, "kpi_plan_add_note"))
        return KPI_ERR_ARGUMENT;
    return kpi__model_done(plan,
                           kpi__notes_add(&plan->notes, code, text, "plan", plan->id));
}

int32_t kpi_plan_report_date(const kpi_plan *plan)
{
    return plan_null(plan, "kpi_plan_report_date") ? 0 : plan->report_date;
}

int kpi_plan_set_report_date(kpi_plan *plan, int32_t date)
{
    if (plan_null(plan, "kpi_plan_set_report_date"))
        return KPI_ERR_ARGUMENT;
    int rc = kpi__date_check(date, 1, "plan: report date (基準日)");
    if (rc == KPI_OK)
        plan->report_date = date;
    return kpi__model_done(plan, rc);
}
