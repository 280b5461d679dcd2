/* Rating on a scale (docs/scales.md): each result's level beside its
 * rating, which stays as the v2 rules made it. A target's level comes
 * from a status the scale maps, else (bounds scales, with a figure) the
 * first level whose condition holds, else the level tagged with its class
 * computed with the scale's thresholds; a goal's from its children's
 * levels by the scale's roll-up. Assessments set the level tagged with
 * their rating. On the default scale every level is its rating's. */
#include "rules/evaluation.h"
#include "rules/target_reason.h"
#include "model/model.h"

#include <math.h>

/* As the rating rules compare (rules/rate.c). */
#define TOLERANCE 1e-9

static int32_t of_class(const kpi_evaluation *ev, kpi_rating rating)
{
    return kpi_scale_level_of_class(ev->scale, rating);
}

static void set_computed(kpi_result *r, int32_t level, kpi_level_cause cause)
{
    r->computed_level = (int8_t)level;
    r->computed_level_cause = (uint8_t)(level < 0 ? KPI_LEVEL_CAUSE_NONE : cause);
}

/* The effective level: an assessment's, else the computed one. */
static void set_effective(kpi_result *r, const kpi_evaluation *ev)
{
    if (r->assessed && !ev->default_scale) {
        r->level = r->assessed_level >= 0 ? r->assessed_level
                                          : (int8_t)of_class(ev, (kpi_rating)r->rating);
        r->level_cause = KPI_LEVEL_CAUSE_ASSESSMENT;
        return;
    }
    r->level = r->computed_level;
    r->level_cause = r->computed_level_cause;
}

/* The default scale: the level of the rating, computed and effective. */
static void mirror(kpi_result *r, const kpi_evaluation *ev)
{
    set_computed(r, of_class(ev, (kpi_rating)r->computed), KPI_LEVEL_CAUSE_DEFAULT);
    r->level = (int8_t)of_class(ev, (kpi_rating)r->rating);
    r->level_cause =
        (uint8_t)(r->level < 0 ? KPI_LEVEL_CAUSE_NONE : KPI_LEVEL_CAUSE_DEFAULT);
}

/* A status the scale maps to a level wins over the bases, for a result
 * the rules rated or left unrated as cancelled (it replaces that reason). */
static int32_t status_override(const kpi_result *r, const kpi_evaluation *ev)
{
    if (r->computed == KPI_RATING_NONE && r->computed_unrated != KPI_UNRATED_CANCELLED)
        return -1;
    return kpi_scale_status_level(ev->scale, (kpi_status)r->status);
}

/* The target's class with the scale's thresholds (the policy's where the
 * scale gives none): the rating's own unless a pace decided it. */
static kpi_rating scale_class(const kpi_result *r, const kpi_evaluation *ev)
{
    const kpi_scale *s = ev->scale;
    double ahead = isnan(s->ahead) ? ev->policy.ahead : s->ahead;
    double on_track = isnan(s->on_track) ? ev->policy.on_track : s->on_track;
    if (isnan(r->pace) || r->computed == KPI_RATING_NONE ||
        (ahead == ev->policy.ahead && on_track == ev->policy.on_track))
        return (kpi_rating)r->computed;
    /* The rules gave × only to a target that neither moved nor has work
     * under way, whatever the thresholds. */
    kpi_rating rating = kpi__pace_class(r->pace, ahead, on_track,
                                        r->computed != KPI_RATING_NOT_PROGRESSED);
    return kpi__late(r) && rating > KPI_RATING_BEHIND ? KPI_RATING_BEHIND : rating;
}

double kpi__scale_measure(const kpi_result *r, kpi__measure m)
{
    if (m == KPI__MEASURE_PACE)
        return r->pace;
    if (m == KPI__MEASURE_ACHIEVEMENT)
        return r->achievement;
    if (isnan(r->actual) || isnan(r->start_value) || r->start_value == 0)
        return NAN;
    return kpi__gain(r->direction, r->start_value, r->actual) / fabs(r->start_value);
}

/* A comparison on an undefined measure is false. */
static int holds(const kpi__term *t, double x)
{
    if (isnan(x))
        return 0;
    switch (t->op) {
    case KPI__OP_GE:
        return x >= t->number - TOLERANCE;
    case KPI__OP_GT:
        return x > t->number + TOLERANCE;
    case KPI__OP_LE:
        return x <= t->number + TOLERANCE;
    default:
        return x < t->number - TOLERANCE;
    }
}

static int32_t first_bound(const kpi_result *r, const kpi_scale *s)
{
    for (size_t i = 0; i < s->level_count; i++) {
        const kpi__level *l = &s->levels[i];
        size_t t = 0;
        while (t < l->term_count &&
               holds(&l->terms[t], kpi__scale_measure(r, l->terms[t].measure)))
            t++;
        if (t == l->term_count)
            return (int32_t)i;
    }
    return -1;
}

/* The decisions made before a basis or a roll-up: the default scale's
 * level of the rating, a status the scale maps, no level for what stays
 * unrated. Returns 1 when one of them decided (the levels set). */
static int decided_before(kpi_result *r, const kpi_evaluation *ev, int unrated)
{
    if (ev->default_scale) {
        mirror(r, ev);
        return 1;
    }
    int32_t level = status_override(r, ev);
    if (level < 0 && !unrated)
        return 0;
    set_computed(r, level, KPI_LEVEL_CAUSE_STATUS);
    set_effective(r, ev);
    return 1;
}

void kpi__level_target(kpi_result *r, const kpi_evaluation *ev)
{
    if (decided_before(r, ev, r->computed == KPI_RATING_NONE))
        return;
    int32_t level;
    if (ev->scale->basis == KPI_BASIS_BOUNDS && !isnan(r->actual) &&
        (level = first_bound(r, ev->scale)) >= 0)
        set_computed(r, level, KPI_LEVEL_CAUSE_CONDITION);
    else
        set_computed(r, of_class(ev, scale_class(r, ev)), KPI_LEVEL_CAUSE_CLASS);
    set_effective(r, ev);
}

/* ---- goals -------------------------------------------------------------- */

/* Counts the children by level; returns how many have one, and their
 * weighted mean score in *mean (NaN when a level has no score). */
static size_t count_levels(kpi_result *r, const kpi_evaluation *ev, double *mean)
{
    size_t *counts = KPI__LEVEL_COUNTS(r);
    double weighted = 0, weights = 0;
    size_t rated = 0;
    for (size_t i = 0; i < r->child_count; i++) {
        const kpi_result *c = &ev->results[ev->children[r->first_child + i]];
        if (c->level < 0)
            continue;
        counts[c->level]++;
        weighted += c->weight * ev->scale->levels[c->level].score;
        weights += c->weight;
        rated++;
    }
    *mean = rated ? weighted / weights : (double)NAN;
    return rated;
}

static int32_t worst(const size_t *counts, const kpi_scale *s)
{
    int32_t level = (int32_t)s->level_count - 1;
    while (level > 0 && counts[level] == 0)
        level--;
    return level;
}

static int32_t by_mean(double mean, const size_t *counts, const kpi_scale *s)
{
    for (size_t i = 0; i < s->level_count; i++)
        if (!isnan(s->levels[i].goal_min) && mean >= s->levels[i].goal_min - TOLERANCE)
            return (int32_t)i;
    return worst(counts, s);
}

static int rule_holds(const kpi__rule *rule, const size_t *counts, size_t rated,
                      const kpi_scale *s)
{
    size_t in = 0;
    for (size_t i = 0; i < s->level_count; i++)
        if (rule->levels & (1u << i))
            in += counts[i];
    if (rule->quantifier == KPI_QUANTIFIER_ALL)
        return in == rated;
    if (rule->quantifier == KPI_QUANTIFIER_ANY)
        return in > 0;
    return 1;
}

static int32_t by_rules(const size_t *counts, size_t rated, const kpi_scale *s)
{
    for (size_t i = 0; i < s->rule_count; i++)
        if (rule_holds(&s->rules[i], counts, rated, s))
            return s->rules[i].result;
    return worst(counts, s);
}

void kpi__level_goal(kpi_result *r, const kpi_evaluation *ev)
{
    const kpi_scale *s = ev->scale;
    double mean;
    size_t rated = count_levels(r, ev, &mean);
    if (decided_before(r, ev, r->computed_unrated == KPI_UNRATED_CANCELLED || rated == 0))
        return;
    const size_t *counts = KPI__LEVEL_COUNTS(r);
    if (s->rollup == KPI_LEVEL_ROLLUP_WEIGHTED && !isnan(mean))
        set_computed(r, by_mean(mean, counts, s), KPI_LEVEL_CAUSE_ROLLUP);
    else if (s->rollup == KPI_LEVEL_ROLLUP_RULES)
        set_computed(r, by_rules(counts, rated, s), KPI_LEVEL_CAUSE_ROLLUP);
    else
        set_computed(r, worst(counts, s), KPI_LEVEL_CAUSE_ROLLUP);
    set_effective(r, ev);
}

/* ---- getters -------------------------------------------------------------- */

const kpi_scale *kpi_evaluation_scale(const kpi_evaluation *evaluation)
{
    return evaluation ? evaluation->scale : NULL;
}

int32_t kpi_result_level(const kpi_result *result)
{
    return result ? result->level : -1;
}

int32_t kpi_result_computed_level(const kpi_result *result)
{
    return result ? result->computed_level : -1;
}

kpi_level_cause kpi_result_level_cause(const kpi_result *result)
{
    return result ? (kpi_level_cause)result->level_cause : KPI_LEVEL_CAUSE_NONE;
}

size_t kpi_result_count_level(const kpi_result *result, size_t level)
{
    if (!result || level >= KPI_SCALE_MAX_LEVELS ||
        (result->kind != KPI_OBJECT_GOAL && result->kind != KPI_OBJECT_PLAN))
        return 0;
    return KPI__LEVEL_COUNTS(result)[level];
}
