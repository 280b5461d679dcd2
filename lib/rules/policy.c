/* The evaluation policy: thresholds, roll-up rule, assessments. */
#include "rules/policy.h"
#include "model/scale.h"
#include "util/alloc.h"
#include "util/error.h"

#include <math.h>

void kpi__policy_defaults(kpi_policy *policy)
{
    policy->ahead = 1.10;
    policy->on_track = 0.95;
    policy->rollup = KPI_ROLLUP_CRITERIA;
    policy->use_assessments = 1;
    policy->directive_days = 90;
    policy->threads = 0;
    policy->scale = NULL;
}

int kpi_policy_new(kpi_policy **out)
{
    if (!out)
        return kpi__error_null("kpi_policy_new", "out");
    *out = kpi__malloc(sizeof **out);
    if (!*out)
        return KPI_ERR_NOMEM;
    kpi__policy_defaults(*out);
    return KPI_OK;
}

void kpi_policy_free(kpi_policy *policy)
{
    if (policy)
        kpi_scale_free(policy->scale);
    kpi__free(policy);
}

static int policy_null(const kpi_policy *policy, const char *function)
{
    if (policy)
        return 0;
    kpi__error_null(function, "policy");
    return 1;
}

double kpi_policy_ahead(const kpi_policy *policy)
{
    return policy_null(policy, "kpi_policy_ahead") ? (double)NAN : policy->ahead;
}

double kpi_policy_on_track(const kpi_policy *policy)
{
    return policy_null(policy, "kpi_policy_on_track") ? (double)NAN : policy->on_track;
}

int kpi_policy_set_thresholds(kpi_policy *policy, double ahead, double on_track)
{
    if (policy_null(policy, "kpi_policy_set_thresholds"))
        return KPI_ERR_ARGUMENT;
    if (!isfinite(ahead) || !isfinite(on_track) || on_track <= 0 || on_track > ahead)
        return kpi__error(KPI_ERR_VALUE,
                          "policy: thresholds must satisfy 0 < on-track <= ahead, got "
                          "ahead %g, on-track %g",
                          ahead, on_track);
    policy->ahead = ahead;
    policy->on_track = on_track;
    return KPI_OK;
}

kpi_rollup kpi_policy_rollup(const kpi_policy *policy)
{
    return policy_null(policy, "kpi_policy_rollup") ? KPI_ROLLUP_CRITERIA
                                                    : policy->rollup;
}

int kpi_policy_set_rollup(kpi_policy *policy, kpi_rollup rollup)
{
    if (policy_null(policy, "kpi_policy_set_rollup"))
        return KPI_ERR_ARGUMENT;
    if ((int)rollup < KPI_ROLLUP_CRITERIA || rollup > KPI_ROLLUP_WEIGHTED)
        return kpi__error(KPI_ERR_VALUE, "policy: roll-up rule must be 0..2, got %d",
                          (int)rollup);
    policy->rollup = rollup;
    return KPI_OK;
}

int kpi_policy_use_assessments(const kpi_policy *policy)
{
    return policy_null(policy, "kpi_policy_use_assessments") ? 0
                                                             : policy->use_assessments;
}

int kpi_policy_set_use_assessments(kpi_policy *policy, int use)
{
    if (policy_null(policy, "kpi_policy_set_use_assessments"))
        return KPI_ERR_ARGUMENT;
    policy->use_assessments = use != 0;
    return KPI_OK;
}

int32_t kpi_policy_directive_days(const kpi_policy *policy)
{
    return policy_null(policy, "kpi_policy_directive_days") ? 0 : policy->directive_days;
}

int kpi_policy_set_directive_days(kpi_policy *policy, int32_t days)
{
    if (policy_null(policy, "kpi_policy_set_directive_days"))
        return KPI_ERR_ARGUMENT;
    if (days < 1 || days > 36500)
        return kpi__error(KPI_ERR_VALUE,
                          "policy: directive days must be 1..36500, got %d", (int)days);
    policy->directive_days = days;
    return KPI_OK;
}

int32_t kpi_policy_threads(const kpi_policy *policy)
{
    return policy_null(policy, "kpi_policy_threads") ? 0 : policy->threads;
}

int kpi_policy_set_threads(kpi_policy *policy, int32_t threads)
{
    if (policy_null(policy, "kpi_policy_set_threads"))
        return KPI_ERR_ARGUMENT;
    if (threads < 0 || threads > KPI_POLICY_MAX_THREADS)
        return kpi__error(KPI_ERR_VALUE, "policy: threads must be 0..%d, got %d",
                          KPI_POLICY_MAX_THREADS, (int)threads);
    policy->threads = threads;
    return KPI_OK;
}

int kpi_policy_set_scale(kpi_policy *policy, const kpi_scale *scale)
{
    if (!policy)
        return kpi__error_null("kpi_policy_set_scale", "policy");
    kpi_scale *kept = kpi__scale_keep(scale);
    kpi_scale_free(policy->scale);
    policy->scale = kept;
    return KPI_OK;
}

const kpi_scale *kpi_policy_scale(const kpi_policy *policy)
{
    if (policy_null(policy, "kpi_policy_scale"))
        return NULL;
    return policy->scale;
}
