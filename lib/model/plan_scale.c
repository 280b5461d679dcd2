/* The scale a plan names (the `scale` column of its plan row): kept with
 * the plan, as the name its file gave (a built-in id or a path, written
 * back as it was) and the scale read from it, which kpi_evaluate() rates
 * on unless the policy sets another. */
#include "model/model.h"
#include "util/alloc.h"

int kpi__plan_set_scale_named(kpi_plan *plan, const kpi_scale *scale, const char *name)
{
    char *copy = NULL;
    if (scale && !(copy = kpi__strdup(name ? name : kpi_scale_id(scale))))
        return kpi__model_done(plan, KPI_ERR_NOMEM);
    kpi__plan_scale_free(plan);
    plan->scale = kpi__scale_keep(scale);
    plan->scale_name = copy;
    return kpi__model_done(plan, KPI_OK);
}

void kpi__plan_scale_free(kpi_plan *plan)
{
    kpi_scale_free(plan->scale);
    kpi__free(plan->scale_name);
    plan->scale = NULL;
    plan->scale_name = NULL;
}

int kpi_plan_set_scale(kpi_plan *plan, const kpi_scale *scale)
{
    if (!plan)
        return kpi__error_null("kpi_plan_set_scale", "plan");
    return kpi__plan_set_scale_named(plan, scale, NULL);
}

const kpi_scale *kpi_plan_scale(const kpi_plan *plan)
{
    if (!plan) {
        kpi__error_null("kpi_plan_scale", "plan");
        return NULL;
    }
    return plan->scale;
}

const char *kpi_plan_scale_name(const kpi_plan *plan)
{
    if (!plan) {
        kpi__error_null("kpi_plan_scale_name", "plan");
        return "";
    }
    return kpi__string_or_empty(plan->scale_name);
}
