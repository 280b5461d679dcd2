/* The plan: root of the model, owner of every goal and target, and keeper
 * of the code index that makes lookups O(1). */
#include "model.h"
#include "alloc.h"
#include "date.h"
#include "error.h"
#include "text.h"

#include <math.h>
#include <string.h>

int kpi__check_utf8(const char *value, const char *what)
{
    size_t n = strlen(value);
    size_t valid = kpi__utf8_valid_prefix(value, n);
    if (valid == n)
        return KPI_OK;
    return kpi__error(KPI_ERR_ENCODING,
                      "%s: the text is not valid UTF-8 (byte %zu is 0x%02X)", what, valid,
                      (unsigned)(unsigned char)value[valid]);
}

int kpi__set_string(char **field, const char *value)
{
    char *copy = NULL;
    if (value && kpi__check_utf8(value, "text") != KPI_OK)
        return KPI_ERR_ENCODING;
    if (value && *value) {
        copy = kpi__strdup(value);
        if (!copy)
            return KPI_ERR_NOMEM;
    }
    kpi__free(*field);
    *field = copy;
    return KPI_OK;
}

const char *kpi__string_or_empty(const char *field)
{
    return field ? field : "";
}

int kpi__check_code(const char *code, const char *what)
{
    if (!code)
        return kpi__error(KPI_ERR_ARGUMENT, "%s: code must not be NULL", what);
    size_t len = strlen(code);
    if (len == 0)
        return kpi__error(KPI_ERR_VALUE, "%s: code must not be empty", what);
    if (len > KPI_MAX_CODE)
        return kpi__error(KPI_ERR_VALUE, "%s: code is %zu bytes long, the limit is %d",
                          what, len, KPI_MAX_CODE);
    return kpi__check_utf8(code, what);
}

int kpi__plan_code_taken(const kpi_plan *plan, const char *code)
{
    return kpi__strmap_get(&plan->goals_by_code, code) != NULL ||
           kpi__strmap_get(&plan->targets_by_code, code) != NULL;
}

int kpi__plan_rename(kpi_plan *plan, kpi__strmap *map, char **code, const char *new_code,
                     void *object, const char *what)
{
    if (new_code && strcmp(new_code, *code) == 0)
        return KPI_OK;
    int rc = kpi__check_code(new_code, what);
    if (rc != KPI_OK)
        return rc;
    if (kpi__plan_code_taken(plan, new_code))
        return kpi__error(
            KPI_ERR_DUPLICATE,
            "%s \"%s\": code \"%s\" is already used by another goal or target", what,
            *code, new_code);
    char *copy = kpi__strdup(new_code);
    if (!copy)
        return KPI_ERR_NOMEM;
    /* Removing one key frees a slot, so the put below cannot fail. */
    kpi__strmap_remove(map, *code);
    kpi__free(*code);
    *code = copy;
    kpi__strmap_put(map, *code, object);
    return KPI_OK;
}

int kpi__check_weight(double weight, const char *what, const char *code)
{
    if (!isfinite(weight) || weight <= 0)
        return kpi__error(KPI_ERR_VALUE, "%s \"%s\": weight must be > 0, got %g", what,
                          code, weight);
    return KPI_OK;
}

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
    if (!plan->id) {
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
    kpi__notes_free(&plan->notes);
    kpi__strmap_free(&plan->goals_by_code);
    kpi__strmap_free(&plan->targets_by_code);
    kpi__free(plan->id);
    kpi__free(plan->title);
    kpi__free(plan->organization);
    kpi__free(plan->department);
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
    if (rc != KPI_OK)
        return rc;
    return kpi__set_string(&plan->id, id);
}

const char *kpi_plan_title(const kpi_plan *plan)
{
    return plan_null(plan, "kpi_plan_title") ? "" : kpi__string_or_empty(plan->title);
}

int kpi_plan_set_title(kpi_plan *plan, const char *title)
{
    if (plan_null(plan, "kpi_plan_set_title"))
        return KPI_ERR_ARGUMENT;
    return kpi__set_string(&plan->title, title);
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
    return kpi__set_string(&plan->organization, organization);
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
    return kpi__set_string(&plan->department, department);
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
        return KPI_OK;
    }
    int rc = kpi__date_check(start, 0, "plan: period start");
    if (rc == KPI_OK)
        rc = kpi__date_check(end, 0, "plan: period end");
    if (rc != KPI_OK)
        return rc;
    if (end < start)
        return kpi__error(KPI_ERR_VALUE,
                          "plan \"%s\": period end %d is before its start %d", plan->id,
                          (int)end, (int)start);
    plan->start = start;
    plan->end = end;
    return KPI_OK;
}

int kpi_plan_set_fiscal_year(kpi_plan *plan, int32_t fiscal_year)
{
    if (plan_null(plan, "kpi_plan_set_fiscal_year"))
        return KPI_ERR_ARGUMENT;
    int32_t first, last;
    int rc = kpi_date_fiscal_range(&first, &last, fiscal_year);
    if (rc != KPI_OK)
        return rc;
    return kpi_plan_set_period(plan, first, last);
}

size_t kpi_plan_goal_count(const kpi_plan *plan)
{
    return plan_null(plan, "kpi_plan_goal_count") ? 0 : plan->goals.count;
}

kpi_goal *kpi_plan_goal_at(const kpi_plan *plan, size_t index)
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

int kpi_plan_add_goal(kpi_goal **out, kpi_plan *plan, const char *code, const char *title)
{
    if (out)
        *out = NULL;
    if (plan_null(plan, "kpi_plan_add_goal"))
        return KPI_ERR_ARGUMENT;
    return kpi__goal_create(out, plan, NULL, &plan->goals, code, title);
}

/* The checks shared by the two find calls; out is checked before use. */
static int check_find(const void *out, const kpi_plan *plan, const char *code,
                      const char *function)
{
    if (!out)
        return kpi__error_null(function, "out");
    if (plan_null(plan, function))
        return KPI_ERR_ARGUMENT;
    if (!code)
        return kpi__error_null(function, "code");
    return KPI_OK;
}

static int not_found(const kpi_plan *plan, const char *what, const char *code)
{
    return kpi__error(KPI_ERR_NOT_FOUND, "plan \"%s\": no %s with code \"%s\"", plan->id,
                      what, code);
}

int kpi_plan_find_goal(kpi_goal **out, const kpi_plan *plan, const char *code)
{
    int rc = check_find(out, plan, code, "kpi_plan_find_goal");
    if (rc != KPI_OK) {
        if (out)
            *out = NULL;
        return rc;
    }
    *out = kpi__strmap_get(&plan->goals_by_code, code);
    return *out ? KPI_OK : not_found(plan, "goal", code);
}

int kpi_plan_find_target(kpi_target **out, const kpi_plan *plan, const char *code)
{
    int rc = check_find(out, plan, code, "kpi_plan_find_target");
    if (rc != KPI_OK) {
        if (out)
            *out = NULL;
        return rc;
    }
    *out = kpi__strmap_get(&plan->targets_by_code, code);
    return *out ? KPI_OK : not_found(plan, "target", code);
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
    return kpi__notes_add(&plan->notes, code, text, "plan");
}
