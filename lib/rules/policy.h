/* Internal: the structure behind kpi_policy. */
#ifndef KPI_LIB_POLICY_H
#define KPI_LIB_POLICY_H

#include "kpi/evaluate.h"
#include "kpi/scale.h"

struct kpi_policy {
    double ahead;
    double on_track;
    kpi_rollup rollup;
    int use_assessments;
    int32_t directive_days; /* a directive unanswered longer is overdue */
    int32_t threads;        /* kpi_evaluate()'s threads; 0 or 1: the caller's only */
    kpi_scale *scale;       /* a reference (model/scale.h); NULL: the default */
};

/* The defaults of kpi_policy_new() (no scale: the caller of a copy that
 * had one drops or keeps its reference itself). */
void kpi__policy_defaults(kpi_policy *policy);

#endif
