/* What the test_evaluate_*.c programs share: constants and assertions on
 * results, the fixture (a FY2017 plan, empty but for goal "G", or holding
 * the seed's worked examples), and helpers that build targets and evaluate.
 * Include after cmocka.h. */
#ifndef KPI_TESTS_EVALUATE_SUPPORT_H
#define KPI_TESTS_EVALUATE_SUPPORT_H

#include <math.h>
#include <stddef.h>
#include <stdint.h>

#include "kpi.h"
#include "check.h"

/* ------------------------------------------------------------------------ */
/* Constants and assertion helpers                                          */
/* ------------------------------------------------------------------------ */

#define AS_OF 20170930         /* the seed's mid-year report date */
#define F_SEED (183.0 / 365.0) /* f of FY2017 as of AS_OF, both ends inclusive */
#define PLAN_ID "ueda-h29-seisaku"
#define TOL 1e-9 /* for values the spec defines exactly */

/* A double field of a result: NaN expected means "must be NaN". */
#define assert_result_near(result, field, want, tol)                                     \
    do {                                                                                 \
        const kpi_result *res_ = (result);                                               \
        const double got_ = kpi_result_##field(res_);                                    \
        const double want_ = (want);                                                     \
        if (isnan(want_) ? !isnan(got_) : !(fabs(got_ - want_) < (tol)))                 \
            fail_msg("\"%s\": " #field " = %.15g, expected %.15g (reason: %s)",          \
                     kpi_result_code(res_), got_, want_,                                 \
                     kpi_result_reason(res_, KPI_LANG_JA));                              \
    } while (0)
#define assert_result_value(result, field, want)                                         \
    assert_result_near(result, field, want, TOL)

/* Any two doubles with the brief's 1e-6 tolerance. */
#define assert_close(got, want)                                                          \
    do {                                                                                 \
        const double g_ = (got), w_ = (want);                                            \
        if (!(fabs(g_ - w_) < 1e-6))                                                     \
            fail_msg("%s = %.15g, expected %.15g", #got, g_, w_);                        \
    } while (0)

/* The effective rating; a rated result must also carry no unrated reason. */
#define assert_rating(result, want)                                                      \
    do {                                                                                 \
        const kpi_result *res_ = (result);                                               \
        const kpi_rating want_ = (want);                                                 \
        if (kpi_result_rating(res_) != want_ ||                                          \
            kpi_result_unrated(res_) != KPI_UNRATED_NONE)                                \
            fail_msg("\"%s\": rating \"%s\" (unrated %s), expected \"%s\"; reason: %s",  \
                     kpi_result_code(res_), kpi_rating_symbol(kpi_result_rating(res_)),  \
                     kpi_unrated_name(kpi_result_unrated(res_)),                         \
                     kpi_rating_symbol(want_), kpi_result_reason(res_, KPI_LANG_JA));    \
    } while (0)

/* Effectively unrated, for reason `why`. */
#define assert_unrated(result, why)                                                      \
    do {                                                                                 \
        const kpi_result *res_ = (result);                                               \
        const kpi_unrated why_ = (why);                                                  \
        if (kpi_result_rating(res_) != KPI_RATING_NONE ||                                \
            kpi_result_unrated(res_) != why_)                                            \
            fail_msg("\"%s\": rating \"%s\" (unrated %s), expected unrated %s; "         \
                     "reason: %s",                                                       \
                     kpi_result_code(res_), kpi_rating_symbol(kpi_result_rating(res_)),  \
                     kpi_unrated_name(kpi_result_unrated(res_)), kpi_unrated_name(why_), \
                     kpi_result_reason(res_, KPI_LANG_JA));                              \
    } while (0)

/* The rating the rules computed, and why it is missing. */
#define assert_computed(result, want, why)                                               \
    do {                                                                                 \
        const kpi_result *res_ = (result);                                               \
        const kpi_rating want_ = (want);                                                 \
        const kpi_unrated why_ = (why);                                                  \
        if (kpi_result_computed_rating(res_) != want_ ||                                 \
            kpi_result_computed_unrated(res_) != why_)                                   \
            fail_msg("\"%s\": computed \"%s\" (unrated %s), expected \"%s\" (unrated "   \
                     "%s)",                                                              \
                     kpi_result_code(res_),                                              \
                     kpi_rating_symbol(kpi_result_computed_rating(res_)),                \
                     kpi_unrated_name(kpi_result_computed_unrated(res_)),                \
                     kpi_rating_symbol(want_), kpi_unrated_name(why_));                  \
    } while (0)

/* A result that is both computed and effectively `want` (no assessment). */
#define assert_rated(result, want)                                                       \
    do {                                                                                 \
        assert_rating(result, want);                                                     \
        assert_computed(result, want, KPI_UNRATED_NONE);                                 \
        assert_int_equal(kpi_result_assessed(result), 0);                                \
    } while (0)

/* Unrated both computed and effectively, for reason `why`. */
#define assert_unrated_both(result, why)                                                 \
    do {                                                                                 \
        assert_unrated(result, why);                                                     \
        assert_computed(result, KPI_RATING_NONE, why);                                   \
    } while (0)

#define assert_ok(call) assert_int_equal((call), KPI_OK)

/* ------------------------------------------------------------------------ */
/* Fixture                                                                   */
/* ------------------------------------------------------------------------ */

typedef struct fixture {
    kpi_plan *plan;           /* FY2017 plan */
    kpi_goal *goal;           /* goal "G" (setup_plan only) */
    kpi_policy *policy;       /* the defaults unless a test changes it */
    kpi_evaluation *ev;       /* the last evaluate_as_of() */
    kpi_plan *other_plan;     /* a second plan, for tests that need one */
    kpi_evaluation *other_ev; /* an evaluation to compare with */
} fixture;

/* ---- The seed: goal 3 (移住・定住推進による活力ある都市づくり) and the other
 * worked examples of the spec, as the mid-year report gives them. ---- */

struct seed_target {
    const char *goal;
    const char *code;
    const char *label;
    const char *unit;
    const char *text; /* as written in the seed */
    kpi_kind kind;
    double value;     /* T; NaN for milestones (always 1) */
    int32_t due;      /* 0: the plan's end */
    double actual;    /* NaN: no figure reported */
    int32_t measured; /* date of the figure */
};

/* The seed's targets, as setup_seed adds them to its plan (the definition
 * in evaluate_support.c must have exactly this many). */
extern const struct seed_target seed_targets[11];

#define N_SEED_TARGETS (sizeof seed_targets / sizeof seed_targets[0])

/* A FY2017 plan with one empty goal "G". */
int setup_plan(void **state);

/* A FY2017 plan holding the seed's worked examples. */
int setup_seed(void **state);

/* Frees the fixture of either setup. */
int fixture_teardown(void **state);

#define PLAN_TEST(f) cmocka_unit_test_setup_teardown(f, setup_plan, fixture_teardown)
#define SEED_TEST(f) cmocka_unit_test_setup_teardown(f, setup_seed, fixture_teardown)

/* ---- Building and evaluating ---- */

/* Evaluates fx->plan with fx->policy into fx->ev; earlier results become
 * invalid. */
void evaluate_as_of(fixture *fx, int32_t as_of);

/* The result for code, failing the test when there is none. */
const kpi_result *find_in(const kpi_evaluation *ev, const char *code);
const kpi_result *result_of(const fixture *fx, const char *code);

/* A NUMERIC, INCREASE target with T (NaN: none). */
kpi_target *add_target(kpi_goal *goal, const char *code, double value);

/* One measurement. */
void measure(kpi_target *t, int32_t date, double value);

/* A LEVEL target (E = T, so r = g(A)/g(T)) with one figure A dated AS_OF. */
kpi_target *add_level(kpi_goal *goal, const char *code, double value, double actual);

/* A LEVEL target T = 100 whose figure gives it `rating` (KPI_RATING_NONE:
 * no figure, NO_DATA); weight 0 keeps the default. */
kpi_target *add_rated(kpi_goal *goal, const char *code, kpi_rating rating, double weight);

/* A goal (under `parent`, or top-level when NULL) with one add_rated target
 * per entry of `ratings`, coded "<code>-<i>", weighted by `weights` (NULL or
 * 0: the default). */
kpi_goal *add_rated_goal(kpi_plan *plan, kpi_goal *parent, const char *code,
                         const kpi_rating *ratings, const double *weights, size_t n);

#endif
