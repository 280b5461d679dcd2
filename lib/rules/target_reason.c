/* Step 7 of the evaluation contract, the part decided from the target
 * alone: QUALITATIVE, then INCOMPLETE (something it needs is missing), then
 * INVALID (its values contradict each other), with the causes found. */
#include "rules/target_reason.h"
#include "model/model.h"

#include <math.h>

double kpi__gain(kpi_direction direction, double start_value, double x)
{
    return direction == KPI_DIRECTION_INCREASE ? x - start_value : start_value - x;
}

/* The first thing missing, in the contract's order: T (or the R to make it
 * from), then S for a DECREASE target. One at a time, as kpi_validate()
 * has always told it. */
static unsigned missing(const kpi__target_facts *f, const kpi_target *t)
{
    if (isnan(f->target))
        return isnan(t->change_pct) ? KPI__CAUSE_NO_TARGET : KPI__CAUSE_NO_REFERENCE;
    if (isnan(f->start_value))
        return KPI__CAUSE_NO_START;
    return 0;
}

/* No progress is possible from S to T in the target's direction, or none
 * that can be computed (a gain that overflows, values near the largest
 * double, cannot be compared with anything), or the due date is before the
 * start. */
static unsigned contradictions(const kpi__target_facts *f, const kpi_target *t)
{
    unsigned causes = 0;
    double g_target = kpi__gain(t->direction, f->start_value, f->target);
    if (!(g_target > 0))
        causes |= KPI__CAUSE_NO_GAIN;
    else if (!isfinite(g_target))
        causes |= KPI__CAUSE_GAIN_OVERFLOW;
    if (f->start && f->due && f->due < f->start)
        causes |= KPI__CAUSE_DUE_BEFORE_START;
    return causes;
}

kpi_unrated kpi__target_reason(kpi__target_facts *f, const kpi_target *t,
                               int32_t period_start, int32_t period_end)
{
    f->target = kpi__target_effective_value(t);
    f->start_value = kpi__target_effective_start(t);
    f->start = t->start ? t->start : period_start;
    f->due = t->due ? t->due : period_end;
    f->causes = 0;
    if (t->kind == KPI_KIND_QUALITATIVE)
        return KPI_UNRATED_QUALITATIVE;
    f->causes = missing(f, t);
    if (f->causes)
        return KPI_UNRATED_INCOMPLETE;
    f->causes = contradictions(f, t);
    if (f->causes)
        return KPI_UNRATED_INVALID;
    return KPI_UNRATED_NONE;
}
