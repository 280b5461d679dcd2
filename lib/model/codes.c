/* The plan's code index: every goal, target and directive code is unique
 * in its plan, and found in O(1). They register and rename themselves here
 * without calling back into the plan. */
#include "model/model.h"
#include "util/alloc.h"
#include "util/error.h"

#include <string.h>

int kpi__plan_code_taken(const kpi_plan *plan, const char *code)
{
    return kpi__strmap_get(&plan->goals_by_code, code) != NULL ||
           kpi__strmap_get(&plan->targets_by_code, code) != NULL ||
           kpi__strmap_get(&plan->directives_by_code, code) != NULL;
}

int kpi__plan_id_clash(const kpi_plan *plan, const char *code, const char *what)
{
    if (!code || strcmp(code, plan->id) != 0)
        return KPI_OK;
    return kpi__error(KPI_ERR_DUPLICATE,
                      "%s \"%s\": code is the plan's id, which the parent column of a "
                      "plan file reads as the plan itself",
                      what, code);
}

uint32_t kpi__plan_next_seq(kpi_plan *plan)
{
    /* 2^31 rows would need 2,048 targets at the record limit each: a plan
     * stops at KPI_MAX_OBJECTS long before; the counter simply saturates. */
    if (plan->next_seq < KPI__SEQ_MASK)
        plan->next_seq++;
    return plan->next_seq;
}

int kpi__plan_rename(kpi_plan *plan, kpi__strmap *map, char **code, uint32_t *owned,
                     const char *new_code, void *object, const char *what)
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
    if (!owned || (*owned & KPI__OWN_CODE))
        kpi__free(*code);
    if (owned)
        *owned |= KPI__OWN_CODE;
    *code = copy;
    kpi__strmap_put(map, *code, object);
    return KPI_OK;
}
