/* Internal: the structure behind kpi_policy. */
#ifndef KPI_LIB_POLICY_H
#define KPI_LIB_POLICY_H

#include "kpi/evaluate.h"

struct kpi_policy {
    double ahead;
    double on_track;
    kpi_rollup rollup;
    int use_assessments;
    int32_t directive_days; /* a directive unanswered longer is overdue */
    int32_t threads;        /* kpi_evaluate()'s threads; 0 or 1: the caller's only */
};

/* The defaults of kpi_policy_new(). */
void kpi__policy_defaults(kpi_policy *policy);

#endif
