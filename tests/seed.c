#include "seed.h"

#include <stdio.h>

kpi_plan *seed_plan(void)
{
    kpi_reader *reader = NULL;
    kpi_plan *plan = NULL;
    int rc = kpi_reader_new(&reader);
    if (rc == KPI_OK)
        rc = kpi_reader_read_files(&plan, reader, SEED_STRUCTURE, SEED_PROGRESS);
    if (rc != KPI_OK)
        fprintf(stderr, "reading the seed: %s\n", kpi_error_message());
    kpi_reader_free(reader);
    return plan;
}

kpi_evaluation *seed_evaluation(int32_t as_of)
{
    kpi_plan *plan = seed_plan();
    kpi_evaluation *ev = NULL;
    if (plan && kpi_evaluate(&ev, plan, as_of, NULL) != KPI_OK)
        fprintf(stderr, "evaluating the seed: %s\n", kpi_error_message());
    kpi_plan_free(plan);
    return ev;
}

kpi_evaluation *evaluation_on_scale(const kpi_plan *plan, const char *id, int32_t as_of)
{
    kpi_scale *scale = NULL;
    kpi_policy *policy = NULL;
    kpi_evaluation *ev = NULL;
    int rc = kpi_scale_builtin(&scale, id);
    if (rc == KPI_OK)
        rc = kpi_policy_new(&policy);
    if (rc == KPI_OK)
        rc = kpi_policy_set_scale(policy, scale);
    if (rc == KPI_OK)
        rc = kpi_evaluate(&ev, plan, as_of, policy);
    if (rc != KPI_OK)
        fprintf(stderr, "evaluating on the scale %s: %s\n", id, kpi_error_message());
    kpi_policy_free(policy);
    kpi_scale_free(scale);
    return ev;
}
