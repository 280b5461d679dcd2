/* The rating rules of the evaluation contract, for one target and for one
 * goal's roll-up, with progress as evidence (progress.c) as the progress
 * contract replaces rules 4 and 5. Each step of the contract is one
 * function below, named after it, so that a reader can check the code
 * against the rules. */
#include "rules/evaluation.h"
#include "rules/target_reason.h"
#include "model/model.h"
#include "util/date.h"

#include <math.h>

/* Thresholds are compared with this tolerance, so that a pace that is
 * exactly on a threshold in decimal is not pushed below it by rounding. */
#define TOLERANCE 1e-9

/* The "gain" g(x): progress from S in the good direction. */
static double gain(const kpi_result *r, double x)
{
    return kpi__gain(r->direction, r->start_value, x);
}

static kpi_schedule effective_schedule(const kpi_target *t)
{
    if (t->schedule != KPI_SCHEDULE_DEFAULT)
        return t->schedule;
    return t->kind == KPI_KIND_MILESTONE ? KPI_SCHEDULE_STEP : KPI_SCHEDULE_LINEAR;
}

/* Step 1: A from the measurements dated on or before d. LATEST takes the
 * greatest date, and of equal dates the one added last (hence >=). */
static void find_actual(kpi_result *r, const kpi_target *t, int32_t as_of)
{
    double sum = 0;
    int found = 0;
    for (size_t i = 0; i < t->measurements.count; i++) {
        const kpi_measurement *m = kpi__segvec_at(&t->measurements, i, sizeof *m);
        if (m->date > as_of)
            continue;
        sum += m->value;
        if (!found || m->date >= r->measured) {
            r->measured = m->date;
            r->figure_inferred = (m->seq & KPI__SEQ_INFERRED) != 0;
            if (t->accumulate == KPI_ACCUMULATE_LATEST)
                r->actual = m->value;
        }
        found = 1;
    }
    if (found && t->accumulate == KPI_ACCUMULATE_SUM)
        r->actual = isnan(r->start_value) ? (double)NAN : r->start_value + sum;
}

/* Step 2: f in whole days, both ends inclusive, clamped to 0..1. The
 * as-of date's day number is the evaluation's, computed once. */
static double elapsed_fraction(int32_t as_of_days, int32_t start, int32_t due)
{
    int32_t start_days = kpi__date_to_days(start);
    double done = (double)as_of_days - start_days + 1;
    double span = (double)kpi__date_to_days(due) - start_days + 1;
    double f = done / span;
    return f < 0 ? 0 : f > 1 ? 1 : f;
}

/* Step 3: E by schedule. */
static double expected_value(const kpi_result *r, kpi_schedule schedule, int32_t as_of)
{
    switch (schedule) {
    case KPI_SCHEDULE_STEP:
        return as_of >= r->due ? r->target : r->start_value;
    case KPI_SCHEDULE_LEVEL:
        return r->target;
    default:
        return r->start_value + (r->target - r->start_value) * r->elapsed;
    }
}

/* Progress rule 1: a milestone reported done has A = 1 (its completion is
 * its figure), unless a measurement dated after that update says more. */
static void take_done_milestone(kpi_result *r, const kpi_target *t)
{
    if (r->status != KPI_STATUS_DONE || t->kind != KPI_KIND_MILESTONE)
        return;
    if (!isnan(r->actual) && r->measured > r->status_date)
        return;
    r->actual = 1;
    r->measured = r->status_date;
    r->figure_inferred = 0;
}

/* Step 7: the first of CANCELLED, QUALITATIVE, INCOMPLETE, INVALID that
 * applies. CANCELLED comes from the status; the next three from the target
 * alone (kpi__target_reason(), which kpi_validate() reports too). NO_DATA
 * and NOT_DUE come from the figures and the status (rate_target_values). */
static kpi_unrated first_reason(const kpi_result *r, kpi_unrated from_target)
{
    if (r->status == KPI_STATUS_CANCELLED)
        return KPI_UNRATED_CANCELLED;
    return from_target;
}

/* Steps 4 and 5 with a figure: the computed rating from A, E and T, a
 * status of work under way counting as progress, then rule 2's cap. */
static void rate_pace(kpi_result *r, const kpi_policy *policy, int under_way)
{
    double g_actual = gain(r, r->actual);
    double g_expected = gain(r, r->expected);
    if (g_expected <= 0) {
        if (g_actual >= gain(r, r->target) - TOLERANCE)
            r->computed = KPI_RATING_AHEAD;
        else if (g_actual > 0 || under_way)
            r->computed = KPI_RATING_ON_TRACK;
        else
            r->computed_unrated = KPI_UNRATED_NOT_DUE;
    } else {
        r->pace = g_actual / g_expected;
        r->computed = kpi__pace_class(r->pace, policy->ahead, policy->on_track,
                                      r->pace > TOLERANCE || under_way);
    }
    kpi__cap_by_status(r);
}

/* Steps 3 to 5: E, then the rating by the figure or, without one, by the
 * status. A target with neither is NO_DATA and reports no E, as in v1. */
static void rate_values(kpi_result *r, const kpi_target *t, const kpi_evaluation *ev)
{
    if (isnan(r->actual) && r->status == KPI_STATUS_NONE) {
        r->computed_unrated = KPI_UNRATED_NO_DATA;
        return;
    }
    r->expected = expected_value(r, effective_schedule(t), ev->as_of);
    int under_way = kpi__under_way(r, ev->as_of);
    if (!isnan(r->actual))
        rate_pace(r, &ev->policy, under_way);
    else
        kpi__rate_by_status(r, gain(r, r->expected) <= 0, ev->as_of);
}

/* Step 8 (and the goal rule): the latest assessment dated on or before d
 * becomes the effective rating; of equal dates the one added last. */
static void apply_assessment(kpi_result *r, const kpi__segvec *assessments,
                             const kpi_evaluation *ev)
{
    r->rating = r->computed;
    r->unrated = r->computed_unrated;
    if (!ev->policy.use_assessments)
        return;
    const kpi_assessment *latest = NULL;
    for (size_t i = 0; i < assessments->count; i++) {
        const kpi_assessment *a = kpi__segvec_at(assessments, i, sizeof *a);
        if (a->date <= ev->as_of && (!latest || a->date >= latest->date))
            latest = a;
    }
    if (!latest)
        return;
    r->rating = latest->rating;
    r->unrated = KPI_UNRATED_NONE;
    r->assessed = 1;
    /* A level the person named, when the evaluation's scale has it. */
    r->assessed_level =
        (int8_t)(latest->level ? kpi_scale_level_find(ev->scale, latest->level) : -1);
    r->assessment_date = latest->date;
    r->mismatch = r->computed != KPI_RATING_NONE && r->computed != r->rating;
}

void kpi__rate_target(kpi_result *r, const kpi_target *t, const kpi_evaluation *ev)
{
    r->target_kind = t->kind;
    r->direction = t->direction;
    r->inferred = t->inferred;
    r->weight = t->weight;
    kpi__target_facts facts;
    kpi_unrated from_target = kpi__target_reason(&facts, t, ev->start, ev->end);
    r->start = facts.start;
    r->due = facts.due;
    r->target = facts.target;
    r->start_value = facts.start_value;
    find_actual(r, t, ev->as_of);
    take_done_milestone(r, t);
    if (r->due >= r->start)
        r->elapsed = elapsed_fraction(ev->as_of_days, r->start, r->due);
    r->computed_unrated = first_reason(r, from_target);
    /* E is part of the rating (steps 3 to 5), so a target stopped by an
     * earlier reason reports none, as the contract's worked examples do. */
    if (r->computed_unrated == KPI_UNRATED_NONE)
        rate_values(r, t, ev);
    /* Step 6: achievement for every rating computed from a figure, also
     * above 100%; none for one rated by its status alone. */
    if (r->computed != KPI_RATING_NONE && !isnan(r->actual))
        r->achievement = gain(r, r->actual) / gain(r, r->target);
    apply_assessment(r, &t->assessments, ev);
    kpi__level_target(r, ev);
}

static const double scores[] = {0, 0, 1, 2, 3}; /* indexed by kpi_rating */

static kpi_rating rollup_criteria(const size_t *counts, size_t rated)
{
    if (counts[KPI_RATING_NOT_PROGRESSED] == rated)
        return KPI_RATING_NOT_PROGRESSED;
    if (counts[KPI_RATING_NOT_PROGRESSED] + counts[KPI_RATING_BEHIND] > 0)
        return KPI_RATING_BEHIND;
    if (counts[KPI_RATING_AHEAD] == rated)
        return KPI_RATING_AHEAD;
    return KPI_RATING_ON_TRACK;
}

static kpi_rating rollup_worst(const size_t *counts)
{
    kpi_rating r = KPI_RATING_NOT_PROGRESSED;
    while (r < KPI_RATING_AHEAD && counts[r] == 0)
        r++;
    return r;
}

static kpi_rating rollup_weighted(double mean)
{
    if (mean >= 2.5 - TOLERANCE)
        return KPI_RATING_AHEAD;
    if (mean >= 1.5 - TOLERANCE)
        return KPI_RATING_ON_TRACK;
    if (mean >= 0.5 - TOLERANCE)
        return KPI_RATING_BEHIND;
    return KPI_RATING_NOT_PROGRESSED;
}

/* Counts the direct children by effective rating and unrated reason and
 * returns how many are rated; the weighted mean goes to mean_score. */
static size_t count_children(kpi_result *r, const kpi_evaluation *ev)
{
    double weighted = 0, weights = 0;
    size_t rated = 0;
    for (size_t i = 0; i < r->child_count; i++) {
        const kpi_result *c = &ev->results[ev->children[r->first_child + i]];
        if (c->rating == KPI_RATING_NONE) {
            r->extra->unrated_counts[c->unrated]++;
            continue;
        }
        r->extra->rating_counts[c->rating]++;
        weighted += c->weight * scores[c->rating];
        weights += c->weight;
        rated++;
    }
    if (rated)
        r->extra->mean_score = weighted / weights;
    return rated;
}

void kpi__rate_goal(kpi_result *r, const kpi__segvec *assessments,
                    const kpi_evaluation *ev)
{
    size_t rated = count_children(r, ev);
    if (r->status == KPI_STATUS_CANCELLED)
        r->computed_unrated = KPI_UNRATED_CANCELLED; /* out of its parent's roll-up */
    else if (rated == 0)
        r->computed_unrated = KPI_UNRATED_NO_RATED_CHILDREN;
    else if (ev->policy.rollup == KPI_ROLLUP_WORST)
        r->computed = rollup_worst(r->extra->rating_counts);
    else if (ev->policy.rollup == KPI_ROLLUP_WEIGHTED)
        r->computed = rollup_weighted(r->extra->mean_score);
    else
        r->computed = rollup_criteria(r->extra->rating_counts, rated);
    if (assessments)
        apply_assessment(r, assessments, ev);
    else {
        r->rating = r->computed;
        r->unrated = r->computed_unrated;
    }
    kpi__level_goal(r, ev);
}
