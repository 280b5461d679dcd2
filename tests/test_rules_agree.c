/*
 * test_rules_agree.c: kpi_validate() and kpi_evaluate() agree on which
 * targets cannot be rated whatever their figures (spec/evaluation.md, step
 * 7), and why.
 *
 * A property test: random plans (a seeded PRNG, so every run is the same;
 * KPI_TEST_SEED=<number> picks another seed) with every kind and direction,
 * values that are NaN, 0, negative or near the largest double, relative
 * targets with and without R, due dates before start dates, measurements
 * and assessments or none, and plans with and without a period. For every
 * target: validate reports a problem for it exactly when the evaluation's
 * computed unrated reason is INCOMPLETE or INVALID, of that kind; a target
 * validate passes is rated, or unrated for NO_DATA, NOT_DUE or QUALITATIVE
 * only. A failure prints the seed and the target's fields.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <float.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kpi.h"
#include "check.h"

#define DEFAULT_SEED UINT64_C(0x6b70692d72756c65)
#define PLANS 80
#define TARGETS 50 /* per plan: 4,000 targets in all */
#define MAX_MEASUREMENTS 3
#define WHY_SIZE 4096

#define assert_ok(call) assert_int_equal((call), KPI_OK)

/* ------------------------------------------------------------------------ */
/* A deterministic PRNG (splitmix64)                                         */
/* ------------------------------------------------------------------------ */

static uint64_t rng_state;

static uint64_t rng_next(void)
{
    uint64_t z = (rng_state += UINT64_C(0x9e3779b97f4a7c15));
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

/* 0 .. n - 1 */
static int rng_below(int n)
{
    return (int)(rng_next() % (uint64_t)n);
}

/* Uniform in [lo, hi). */
static double rng_uniform(double lo, double hi)
{
    return lo + (hi - lo) * ((double)(rng_next() >> 11) / 9007199254740992.0);
}

static uint64_t run_seed(void)
{
    const char *text = getenv("KPI_TEST_SEED");
    return text && *text ? strtoull(text, NULL, 0) : DEFAULT_SEED;
}

/* ------------------------------------------------------------------------ */
/* Random targets                                                            */
/* ------------------------------------------------------------------------ */

/* What a target was made of, to print when it fails. */
typedef struct spec {
    kpi_kind kind;
    kpi_direction direction;
    kpi_schedule schedule;
    kpi_accumulate accumulate;
    double value, start_value, reference, change_pct; /* NaN: unset */
    int32_t start, due;                               /* 0: unset */
    int measurements;
    int32_t measured[MAX_MEASUREMENTS];
    double figures[MAX_MEASUREMENTS];
    int assessments;
} spec;

/* A plan and what it was made of. */
typedef struct world {
    uint64_t seed;
    int index;
    kpi_plan *plan;
    kpi_policy *policy;
    int32_t period_start, period_end; /* 0: unset */
    int32_t as_of;
    spec specs[TARGETS];
} world;

/* The values that break arithmetic, and some ordinary ones. */
static double any_value(int may_be_nan)
{
    static const double edges[] = {0.0,     -0.0,     1.0,      -1.0,     0.5,
                                   30.0,    100.0,    -250.0,   1e-300,   DBL_MIN,
                                   1.7e308, -1.7e308, DBL_MAX,  -DBL_MAX, 1e308,
                                   -1e308,  8.9e307,  -8.9e307, 1e300,    -1e300};
    const int n = (int)(sizeof edges / sizeof edges[0]);
    int pick = rng_below(n + 6);
    if (pick < n)
        return edges[pick];
    if (pick == n && may_be_nan)
        return NAN;
    if (pick <= n + 2)
        return (double)rng_below(101);
    return rng_uniform(-1000, 1000);
}

static double any_change_pct(void)
{
    static const double edges[] = {10,  -10,  100,   -100,   0,
                                   200, -200, 1e308, -1e308, DBL_MAX};
    const int n = (int)(sizeof edges / sizeof edges[0]);
    int pick = rng_below(n + 2);
    return pick < n ? edges[pick] : rng_uniform(-150, 150);
}

/* 2014-01-01 .. 2021-12-31 */
static int32_t any_date(void)
{
    int32_t date = 0;
    assert_ok(kpi_date_add_days(&date, 20140101, rng_below(8 * 365 + 2)));
    return date;
}

static int32_t maybe_date(void)
{
    return rng_below(5) < 2 ? 0 : any_date();
}

static double any_figure(kpi_kind kind)
{
    static const double progress[] = {0, 0.25, 0.5, 1};
    if (kind != KPI_KIND_MILESTONE)
        return any_value(0);
    int pick = rng_below(5);
    return pick < 4 ? progress[pick] : rng_uniform(0, 1);
}

static void random_spec(spec *s)
{
    static const kpi_kind kinds[] = {KPI_KIND_NUMERIC, KPI_KIND_NUMERIC, KPI_KIND_NUMERIC,
                                     KPI_KIND_MILESTONE, KPI_KIND_QUALITATIVE};
    memset(s, 0, sizeof *s);
    s->kind = kinds[rng_below(5)];
    s->direction = rng_below(2) ? KPI_DIRECTION_DECREASE : KPI_DIRECTION_INCREASE;
    s->schedule = (kpi_schedule)rng_below(KPI_SCHEDULE_LEVEL + 1);
    s->accumulate = rng_below(4) ? KPI_ACCUMULATE_LATEST : KPI_ACCUMULATE_SUM;
    s->value = any_value(1);
    s->start_value = rng_below(3) ? any_value(1) : NAN;
    int relative = rng_below(10) < 3;
    s->change_pct = relative ? any_change_pct() : NAN;
    s->reference = relative && rng_below(3) ? any_value(1) : NAN;
    s->start = maybe_date();
    s->due = maybe_date();
    s->measurements = rng_below(MAX_MEASUREMENTS + 1);
    for (int i = 0; i < s->measurements; i++) {
        s->measured[i] = any_date();
        s->figures[i] = any_figure(s->kind);
    }
    s->assessments = rng_below(3);
}

static void build_target(kpi_goal *goal, const char *code, const spec *s)
{
    kpi_target *t = NULL;
    assert_non_null(t = kpi_goal_add_target(goal, code, NULL));
    assert_ok(kpi_target_set_kind(t, s->kind));
    assert_ok(kpi_target_set_direction(t, s->direction));
    assert_ok(kpi_target_set_schedule(t, s->schedule));
    assert_ok(kpi_target_set_accumulate(t, s->accumulate));
    assert_ok(kpi_target_set_value(t, s->value));
    assert_ok(kpi_target_set_start_value(t, s->start_value));
    assert_ok(kpi_target_set_reference(t, s->reference));
    assert_ok(kpi_target_set_change_pct(t, s->change_pct));
    if (s->start)
        assert_ok(kpi_target_set_start(t, s->start));
    if (s->due)
        assert_ok(kpi_target_set_due(t, s->due));
    for (int i = 0; i < s->measurements; i++)
        assert_non_null(
            kpi_target_add_measurement(t, s->measured[i], s->figures[i], NULL));
    for (int i = 0; i < s->assessments; i++) {
        kpi_rating rating = (kpi_rating)(KPI_RATING_NOT_PROGRESSED + rng_below(4));
        assert_non_null(kpi_target_add_assessment(t, any_date(), rating, NULL));
    }
}

/* The period: a fiscal year, any span, or none (the as-of date's fiscal
 * year then). */
static void random_period(world *w)
{
    int pick = rng_below(10);
    if (pick < 4) {
        assert_ok(kpi_plan_set_fiscal_year(w->plan, 2014 + rng_below(7)));
    } else if (pick < 7) {
        int32_t start = any_date(), end = 0;
        assert_ok(kpi_date_add_days(&end, start, rng_below(800)));
        assert_ok(kpi_plan_set_period(w->plan, start, end));
    }
    w->period_start = kpi_plan_start(w->plan);
    w->period_end = kpi_plan_end(w->plan);
}

/* Targets t0.. spread over a few goals, some nested. */
static void random_plan(world *w)
{
    char code[32];
    snprintf(code, sizeof code, "plan-%d", w->index);
    assert_ok(kpi_plan_new(&w->plan, code));
    random_period(w);
    w->as_of = any_date();
    kpi_goal *goals[4];
    for (int g = 0; g < 4; g++) {
        snprintf(code, sizeof code, "g%d", g);
        assert_non_null(goals[g] = g < 2 ? kpi_plan_add_goal(w->plan, code, NULL)
                                         : kpi_goal_add_goal(goals[g - 2], code, NULL));
    }
    for (int i = 0; i < TARGETS; i++) {
        random_spec(&w->specs[i]);
        snprintf(code, sizeof code, "t%d", i);
        build_target(goals[rng_below(4)], code, &w->specs[i]);
    }
    assert_ok(kpi_policy_new(&w->policy));
    assert_ok(kpi_policy_set_use_assessments(w->policy, 0));
    double on_track = rng_uniform(0.5, 1.0);
    assert_ok(
        kpi_policy_set_thresholds(w->policy, on_track + rng_uniform(0, 0.5), on_track));
}

static void world_free(world *w)
{
    kpi_policy_free(w->policy);
    kpi_plan_free(w->plan);
    w->policy = NULL;
    w->plan = NULL;
}

/* ------------------------------------------------------------------------ */
/* What validate said, per target                                            */
/* ------------------------------------------------------------------------ */

typedef struct verdict {
    int problems;
    kpi_unrated kinds[4]; /* of the first problems */
    char messages[256];   /* all of them, "; "-separated */
} verdict;

/* Which target index a problem is about: "t<index>". */
static int target_index(const char *object)
{
    if (!object || object[0] != 't')
        return -1;
    char *end = NULL;
    long index = strtol(object + 1, &end, 10);
    return *end == '\0' && index >= 0 && index < TARGETS ? (int)index : -1;
}

static void append(char *buffer, size_t size, const char *text)
{
    size_t used = strlen(buffer);
    snprintf(buffer + used, size - used, "%s%s", used ? "; " : "", text);
}

/* The reason kpi_evaluate() gives a target kpi_validate() reports as
 * `problem`. */
static kpi_unrated as_unrated(kpi_problem problem)
{
    switch (problem) {
    case KPI_PROBLEM_INCOMPLETE:
        return KPI_UNRATED_INCOMPLETE;
    case KPI_PROBLEM_INVALID:
        return KPI_UNRATED_INVALID;
    default:
        fail_msg("kpi_validate reported a target as %s", kpi_problem_name(problem));
    }
    return KPI_UNRATED_NONE;
}

/* Validates the plan into verdicts[TARGETS]; counts the problems whose
 * message speaks of an overflow. */
static void validate_plan(const world *w, verdict *verdicts, int *overflows)
{
    kpi_problems *problems = NULL;
    assert_ok(kpi_validate(&problems, w->plan, 0, NULL));
    memset(verdicts, 0, TARGETS * sizeof *verdicts);
    for (size_t i = 0; i < kpi_problems_count(problems); i++) {
        int index = target_index(kpi_problems_object_at(problems, i));
        assert_true(index >= 0);
        verdict *v = &verdicts[index];
        const char *message = kpi_problems_message_at(problems, i);
        if (v->problems < 4)
            v->kinds[v->problems] = as_unrated(kpi_problems_kind_at(problems, i));
        v->problems++;
        append(v->messages, sizeof v->messages, message);
        *overflows += strstr(message, "overflows") != NULL;
    }
    kpi_problems_free(problems);
}

/* ------------------------------------------------------------------------ */
/* The property                                                              */
/* ------------------------------------------------------------------------ */

static void print_value(char *buffer, size_t size, const char *name, double value)
{
    char text[64];
    if (isnan(value))
        snprintf(text, sizeof text, "%s unset", name);
    else
        snprintf(text, sizeof text, "%s %.17g", name, value);
    append(buffer, size, text);
}

/* The seed, the plan and the target's fields, for a failure message. */
static void describe(char *why, size_t size, const world *w, int index)
{
    const spec *s = &w->specs[index];
    static const char *const kinds[] = {"NUMERIC", "MILESTONE", "QUALITATIVE"};
    static const char *const schedules[] = {"default", "LINEAR", "STEP", "LEVEL"};
    char text[256];
    snprintf(text, sizeof text,
             "\n  seed %" PRIu64 " (KPI_TEST_SEED=%" PRIu64 "), plan %d, period %" PRId32
             "..%" PRId32 " (0: unset), as of %" PRId32 "\n  target \"t%d\": ",
             w->seed, w->seed, w->index, w->period_start, w->period_end, w->as_of, index);
    strncat(why, text, size - strlen(why) - 1);
    char fields[768] = "";
    snprintf(text, sizeof text, "%s %s, schedule %s, %s", kinds[s->kind],
             s->direction == KPI_DIRECTION_INCREASE ? "INCREASE" : "DECREASE",
             schedules[s->schedule],
             s->accumulate == KPI_ACCUMULATE_SUM ? "SUM" : "LATEST");
    append(fields, sizeof fields, text);
    print_value(fields, sizeof fields, "T", s->value);
    print_value(fields, sizeof fields, "S", s->start_value);
    print_value(fields, sizeof fields, "R", s->reference);
    print_value(fields, sizeof fields, "p", s->change_pct);
    snprintf(text, sizeof text, "start %" PRId32 ", due %" PRId32 ", %d assessments",
             s->start, s->due, s->assessments);
    append(fields, sizeof fields, text);
    for (int i = 0; i < s->measurements; i++) {
        snprintf(text, sizeof text, "measured %.17g on %" PRId32, s->figures[i],
                 s->measured[i]);
        append(fields, sizeof fields, text);
    }
    strncat(why, fields, size - strlen(why) - 1);
}

static int is_problem(kpi_unrated reason)
{
    return reason == KPI_UNRATED_INCOMPLETE || reason == KPI_UNRATED_INVALID;
}

/* Whether validate's verdict and the computed result agree; *why says how
 * not. With the period unknown to validate (a plan without one) only
 * "reported => unrated for that reason" can hold. */
static int agree(const verdict *v, const kpi_result *r, int period_known, char *why,
                 size_t size)
{
    kpi_unrated reason = kpi_result_computed_unrated(r);
    kpi_rating rating = kpi_result_computed_rating(r);
    int both = is_problem(reason) && v->problems > 0;
    for (int i = 0; both && i < v->problems && i < 4; i++)
        both = v->kinds[i] == reason;
    int rated_or_later = rating != KPI_RATING_NONE || reason == KPI_UNRATED_NO_DATA ||
                         reason == KPI_UNRATED_NOT_DUE ||
                         reason == KPI_UNRATED_QUALITATIVE;
    int ok = both || (v->problems == 0 && (rated_or_later || !period_known));
    if (!ok)
        snprintf(why, size,
                 "validate%s and evaluate disagree: validate reported %d problem(s) "
                 "[%s] (first kind %s); evaluate computed %s, unrated %s",
                 period_known ? "" : " (plan without a period)", v->problems, v->messages,
                 v->problems ? kpi_unrated_name(v->kinds[0]) : "-",
                 rating == KPI_RATING_NONE ? "no rating" : kpi_rating_symbol(rating),
                 kpi_unrated_name(reason));
    return ok;
}

/* Checks every target of the plan against the verdicts; on the first
 * failure writes why and returns 0. */
static int check_plan(const world *w, const kpi_evaluation *ev, const verdict *verdicts,
                      int period_known, char *why, int *counts)
{
    for (int i = 0; i < TARGETS; i++) {
        char code[16];
        snprintf(code, sizeof code, "t%d", i);
        const kpi_result *r = kpi_evaluation_find(ev, code);
        assert_non_null(r);
        if (!agree(&verdicts[i], r, period_known, why, WHY_SIZE)) {
            describe(why, WHY_SIZE, w, i);
            return 0;
        }
        if (counts && period_known)
            counts[kpi_result_computed_unrated(r)]++;
    }
    return 1;
}

/* One random plan: evaluated, validated and compared. A plan without a
 * period is also validated again with the period the evaluation chose. */
static int check_random_plan(world *w, char *why, int *counts, int *overflows)
{
    verdict verdicts[TARGETS];
    kpi_evaluation *ev = NULL;
    random_plan(w);
    assert_ok(kpi_evaluate(&ev, w->plan, w->as_of, w->policy));
    validate_plan(w, verdicts, overflows);
    int known = w->period_start != 0;
    int ok = check_plan(w, ev, verdicts, known, why, counts);
    if (ok && !known) {
        w->period_start = kpi_evaluation_start(ev);
        w->period_end = kpi_evaluation_end(ev);
        assert_ok(kpi_plan_set_period(w->plan, w->period_start, w->period_end));
        validate_plan(w, verdicts, overflows);
        ok = check_plan(w, ev, verdicts, 1, why, counts);
    }
    kpi_evaluation_free(ev);
    world_free(w);
    return ok;
}

static void test_validate_agrees_with_evaluate(void **state)
{
    (void)state;
    static world w; /* static: large */
    static char why[WHY_SIZE];
    int counts[KPI_UNRATED_NO_RATED_CHILDREN + 1] = {0};
    int overflows = 0;
    rng_state = run_seed();
    for (int p = 0; p < PLANS; p++) {
        memset(&w, 0, sizeof w);
        w.seed = run_seed();
        w.index = p;
        why[0] = '\0';
        if (!check_random_plan(&w, why, counts, &overflows))
            fail_msg("%s", why);
    }
    /* The generator reaches every outcome, the overflow among them. */
    for (int u = KPI_UNRATED_NONE; u <= KPI_UNRATED_NOT_DUE; u++)
        if (counts[u] < 5)
            fail_msg("seed %" PRIu64 ": only %d targets computed unrated %s", run_seed(),
                     counts[u], kpi_unrated_name((kpi_unrated)u));
    if (overflows < 5)
        fail_msg("seed %" PRIu64 ": only %d overflowing gains", run_seed(), overflows);
    print_message("seed %" PRIu64 ": computed rated %d, QUALITATIVE %d, INCOMPLETE %d, "
                  "INVALID %d (%d overflowing gains), NO_DATA %d, NOT_DUE %d\n",
                  run_seed(), counts[KPI_UNRATED_NONE], counts[KPI_UNRATED_QUALITATIVE],
                  counts[KPI_UNRATED_INCOMPLETE], counts[KPI_UNRATED_INVALID], overflows,
                  counts[KPI_UNRATED_NO_DATA], counts[KPI_UNRATED_NOT_DUE]);
}

/* ------------------------------------------------------------------------ */
/* Explicit cases                                                            */
/* ------------------------------------------------------------------------ */

/* A one-target FY2017 plan, rated as of 2017-09-30 with a figure then. */
static kpi_plan *one_target_plan(kpi_target **out, kpi_direction direction, double value,
                                 double start_value)
{
    kpi_plan *plan = NULL;
    kpi_goal *goal = NULL;
    assert_ok(kpi_plan_new(&plan, "p"));
    assert_ok(kpi_plan_set_fiscal_year(plan, 2017));
    assert_non_null(goal = kpi_plan_add_goal(plan, "G", NULL));
    assert_non_null(*out = kpi_goal_add_target(goal, "t", NULL));
    assert_ok(kpi_target_set_direction(*out, direction));
    assert_ok(kpi_target_set_value(*out, value));
    assert_ok(kpi_target_set_start_value(*out, start_value));
    assert_non_null(kpi_target_add_measurement(*out, 20170930, 1.0, NULL));
    return plan;
}

/* Validate's messages, in order, "|"-separated; and the problems' kinds
 * must all be `kind`. */
static void assert_problems(const kpi_plan *plan, kpi_unrated kind, const char *want)
{
    kpi_problems *problems = NULL;
    char got[1024] = "";
    assert_ok(kpi_validate(&problems, plan, 0, NULL));
    for (size_t i = 0; i < kpi_problems_count(problems); i++) {
        assert_int_equal(as_unrated(kpi_problems_kind_at(problems, i)), kind);
        size_t used = strlen(got);
        snprintf(got + used, sizeof got - used, "%s%s", used ? "|" : "",
                 kpi_problems_message_at(problems, i));
    }
    kpi_problems_free(problems);
    assert_string_equal(got, want);
}

static void assert_computed_unrated(const kpi_plan *plan, kpi_unrated want)
{
    kpi_evaluation *ev = NULL;
    assert_ok(kpi_evaluate(&ev, plan, 20170930, NULL));
    const kpi_result *r = kpi_evaluation_find(ev, "t");
    assert_non_null(r);
    assert_int_equal(kpi_result_computed_rating(r), KPI_RATING_NONE);
    assert_int_equal(kpi_result_computed_unrated(r), want);
    assert_int_equal(kpi_result_unrated(r), want);
    kpi_evaluation_free(ev);
}

/* The issue's case: T - S overflows to +inf. Evaluate said INVALID and
 * validate nothing; both say INVALID now. */
static void test_overflowing_gain_is_invalid(void **state)
{
    (void)state;
    kpi_target *t = NULL;
    kpi_plan *plan = one_target_plan(&t, KPI_DIRECTION_INCREASE, 1.7e308, -1.7e308);
    assert_problems(plan, KPI_UNRATED_INVALID,
                    "target \"t\": target value 1.7e+308 is too far above the start "
                    "value -1.7e+308: T - S overflows");
    assert_computed_unrated(plan, KPI_UNRATED_INVALID);
    kpi_plan_free(plan);

    plan = one_target_plan(&t, KPI_DIRECTION_DECREASE, -DBL_MAX, DBL_MAX);
    assert_problems(plan, KPI_UNRATED_INVALID,
                    "target \"t\": target value -1.79769e+308 is too far below the start "
                    "value 1.79769e+308: S - T overflows");
    assert_computed_unrated(plan, KPI_UNRATED_INVALID);
    kpi_plan_free(plan);

    /* A relative target whose T = R(1 + p/100) itself overflows. */
    plan = one_target_plan(&t, KPI_DIRECTION_INCREASE, 10, 0);
    assert_ok(kpi_target_set_reference(t, 1.7e308));
    assert_ok(kpi_target_set_change_pct(t, 100));
    assert_problems(plan, KPI_UNRATED_INVALID,
                    "target \"t\": target value inf is too far above the start value 0: "
                    "T - S overflows");
    assert_computed_unrated(plan, KPI_UNRATED_INVALID);
    kpi_plan_free(plan);
}

/* The messages validate gave before it shared the rules with evaluate,
 * word for word; and a target with two contradictions has both. */
static void test_messages_kept(void **state)
{
    (void)state;
    kpi_target *t = NULL;
    kpi_plan *plan = one_target_plan(&t, KPI_DIRECTION_INCREASE, 5, 10);
    assert_problems(plan, KPI_UNRATED_INVALID,
                    "target \"t\": target value 5 is not above the start value 10");
    assert_ok(kpi_target_set_start(t, 20171001));
    assert_ok(kpi_target_set_due(t, 20170901));
    assert_problems(plan, KPI_UNRATED_INVALID,
                    "target \"t\": target value 5 is not above the start value 10|"
                    "target \"t\": due date 20170901 is before the start date 20171001");
    assert_computed_unrated(plan, KPI_UNRATED_INVALID);
    kpi_plan_free(plan);

    plan = one_target_plan(&t, KPI_DIRECTION_DECREASE, 12, 10);
    assert_problems(plan, KPI_UNRATED_INVALID,
                    "target \"t\": target value 12 is not below the start value 10");
    assert_ok(kpi_target_set_value(t, NAN));
    assert_problems(plan, KPI_UNRATED_INCOMPLETE,
                    "target \"t\": no target value (T) is set");
    assert_ok(kpi_target_set_change_pct(t, 10));
    assert_problems(plan, KPI_UNRATED_INCOMPLETE,
                    "target \"t\": a relative target needs its reference value (R)");
    assert_computed_unrated(plan, KPI_UNRATED_INCOMPLETE);
    assert_ok(kpi_target_set_reference(t, 20));
    assert_ok(kpi_target_set_start_value(t, NAN));
    assert_problems(plan, KPI_UNRATED_INCOMPLETE,
                    "target \"t\": a DECREASE target needs its start value (S)");
    assert_computed_unrated(plan, KPI_UNRATED_INCOMPLETE);
    assert_ok(kpi_target_set_kind(t, KPI_KIND_QUALITATIVE));
    assert_problems(plan, KPI_UNRATED_INCOMPLETE, "");
    assert_computed_unrated(plan, KPI_UNRATED_QUALITATIVE);
    kpi_plan_free(plan);

    /* Of two things missing, the first is told (T before S). */
    plan = one_target_plan(&t, KPI_DIRECTION_DECREASE, NAN, NAN);
    assert_problems(plan, KPI_UNRATED_INCOMPLETE,
                    "target \"t\": no target value (T) is set");
    assert_computed_unrated(plan, KPI_UNRATED_INCOMPLETE);
    kpi_plan_free(plan);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_overflowing_gain_is_invalid),
        cmocka_unit_test(test_messages_kept),
        cmocka_unit_test(test_validate_agrees_with_evaluate),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
