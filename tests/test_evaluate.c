/*
 * test_evaluate.c: the evaluation contract (spec/evaluation.md), rule by rule.
 *
 * Every test names the rule it checks. Plans are built for fiscal year 2017
 * (平成29年度, 2017-04-01..2018-03-31) and rated as of 2017-09-30, the date of
 * the seed's mid-year report, where the elapsed fraction is f = 183/365.
 * Expected numbers are computed here from the spec's formulas, never read
 * back from the library, so that every assertion fails if its rule breaks.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

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

static void fixture_free(fixture *fx)
{
    if (!fx)
        return;
    kpi_evaluation_free(fx->ev);
    kpi_evaluation_free(fx->other_ev);
    kpi_policy_free(fx->policy);
    kpi_plan_free(fx->plan);
    kpi_plan_free(fx->other_plan);
    free(fx);
}

static fixture *fixture_new(void)
{
    fixture *fx = calloc(1, sizeof *fx);
    if (!fx)
        return NULL;
    if (kpi_plan_new(&fx->plan, PLAN_ID) != KPI_OK ||
        kpi_plan_set_title(fx->plan, "平成29年度重点目標") != KPI_OK ||
        kpi_plan_set_department(fx->plan, "政策企画部") != KPI_OK ||
        kpi_plan_set_fiscal_year(fx->plan, 2017) != KPI_OK ||
        kpi_policy_new(&fx->policy) != KPI_OK) {
        fixture_free(fx);
        return NULL;
    }
    return fx;
}

/* ---- The seed: goal 3 (移住・定住推進による活力ある都市づくり) and the other
 * worked examples of the spec, as the mid-year report gives them. ---- */

struct seed_goal {
    const char *parent; /* NULL: top level */
    const char *code;
    const char *title;
};

static const struct seed_goal seed_goals[] = {
    {NULL, "3", "移住・定住推進による活力ある都市づくり"},
    {"3", "3-1", "効果的な移住相談事業の推進"},
    {"3", "3-2", "信州うえだ空き家バンク制度の推進"},
    {"3", "3-3", "結婚支援・少子化対策の充実"},
    {NULL, "4", "文化芸術やスポーツを生かした魅力ある都市づくりの推進"},
    {"4", "4-2", "市民や文化団体との連携・協働による文化事業の推進と人材育成の充実"},
    {NULL, "5",
     "サントミュージゼを拠点とした文化創造都市実現に向けての「育成・市民協働・鑑賞」事業"
     "の推"
     "進"},
    {"5", "5-3", "魅力ある「鑑賞」事業の推進"},
};

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

static const struct seed_target seed_targets[] = {
    {"3-1", "3-1-a", "移住セミナーへの参加", "回", "移住セミナーへの参加 12回以上",
     KPI_KIND_NUMERIC, 12, 0, 7, AS_OF},
    {"3-1", "3-1-b", "大都市部で相談窓口を定期開催", "回",
     "大都市部で相談窓口を定期開催 12回", KPI_KIND_NUMERIC, 12, 0, 6, AS_OF},
    {"3-1", "3-1-c", "移住体験ツアーの実施", "回", "移住体験ツアーの実施 2回以上",
     KPI_KIND_NUMERIC, 2, 0, 1, AS_OF},
    {"3-2", "3-2-a", "物件登録件数", "件", "物件登録件数30件以上", KPI_KIND_NUMERIC, 30,
     0, 32, AS_OF},
    {"3-2", "3-2-b", "利用者登録数", "件", "利用者登録数60件以上", KPI_KIND_NUMERIC, 60,
     0, 51, AS_OF},
    {"3-2", "3-2-c", "成約件数", "件", "成約件数15件以上", KPI_KIND_NUMERIC, 15, 0, 13,
     AS_OF},
    {"3-3", "3-3-a", "異業種交流セミナー", "回", "異業種交流セミナーを6回開催",
     KPI_KIND_NUMERIC, 6, 0, 0, AS_OF},
    {"3-3", "3-3-b", "成婚", "組", "成婚8組以上", KPI_KIND_NUMERIC, 8, 0, NAN, 0},
    {"4-2", "4-2-a", "上田城跡能", "", "上田城跡能(8月)", KPI_KIND_MILESTONE, NAN,
     20170831, 1, 20170820},
    {"4-2", "4-2-b", "うえだ城下町映画祭", "", "うえだ城下町映画祭(11月)",
     KPI_KIND_MILESTONE, NAN, 20171130, 0, AS_OF},
    {"5-3", "5-3-a", "展覧会", "回", "8回の展覧会を実施", KPI_KIND_NUMERIC, 8, 0, 3,
     AS_OF},
};

#define N_SEED_TARGETS (sizeof seed_targets / sizeof seed_targets[0])

#define TRY(call)                                                                        \
    do {                                                                                 \
        int rc_ = (call);                                                                \
        if (rc_ != KPI_OK)                                                               \
            return rc_;                                                                  \
    } while (0)

static int build_seed(kpi_plan *plan)
{
    for (size_t i = 0; i < sizeof seed_goals / sizeof seed_goals[0]; i++) {
        const struct seed_goal *s = &seed_goals[i];
        if (!s->parent) {
            TRY_MADE(kpi_plan_add_goal(plan, s->code, s->title));
        } else {
            kpi_goal *parent = NULL;
            TRY_MADE(parent = kpi_plan_find_goal(plan, s->parent));
            TRY_MADE(kpi_goal_add_goal(parent, s->code, s->title));
        }
    }
    for (size_t i = 0; i < N_SEED_TARGETS; i++) {
        const struct seed_target *s = &seed_targets[i];
        kpi_goal *goal = NULL;
        kpi_target *t = NULL;
        TRY_MADE(goal = kpi_plan_find_goal(plan, s->goal));
        TRY_MADE(t = kpi_goal_add_target(goal, s->code, s->label));
        TRY(kpi_target_set_unit(t, s->unit));
        TRY(kpi_target_set_text(t, s->text));
        TRY(kpi_target_set_kind(t, s->kind));
        if (!isnan(s->value))
            TRY(kpi_target_set_value(t, s->value));
        if (s->due)
            TRY(kpi_target_set_due(t, s->due));
        if (!isnan(s->actual))
            TRY_MADE(kpi_target_add_measurement(t, s->measured, s->actual, NULL));
    }
    return KPI_OK;
}

/* A FY2017 plan with one empty goal "G". */
static int setup_plan(void **state)
{
    fixture *fx = fixture_new();
    if (!fx)
        return -1;
    if ((fx->goal = kpi_plan_add_goal(fx->plan, "G", "goal G")) == NULL) {
        fixture_free(fx);
        return -1;
    }
    *state = fx;
    return 0;
}

/* A FY2017 plan holding the seed's worked examples. */
static int setup_seed(void **state)
{
    fixture *fx = fixture_new();
    if (!fx)
        return -1;
    if (build_seed(fx->plan) != KPI_OK) {
        fixture_free(fx);
        return -1;
    }
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    fixture_free(*state);
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Building and evaluating                                                   */
/* ------------------------------------------------------------------------ */

/* Evaluates fx->plan with fx->policy; earlier results become invalid. */
static void evaluate_as_of(fixture *fx, int32_t as_of)
{
    kpi_evaluation_free(fx->ev);
    fx->ev = NULL;
    assert_ok(kpi_evaluate(&fx->ev, fx->plan, as_of, fx->policy));
    assert_non_null(fx->ev);
    assert_int_equal(kpi_evaluation_as_of(fx->ev), as_of);
}

static const kpi_result *find_in(const kpi_evaluation *ev, const char *code)
{
    const kpi_result *r = NULL;
    int rc = (r = kpi_evaluation_find(ev, code)) ? KPI_OK : kpi_error_code();
    if (rc != KPI_OK || !r)
        fail_msg("no result for \"%s\": %s", code, kpi_error_name(rc));
    return r;
}

static const kpi_result *result_of(const fixture *fx, const char *code)
{
    return find_in(fx->ev, code);
}

/* A NUMERIC, INCREASE target with T (NaN: none). */
static kpi_target *add_target(kpi_goal *goal, const char *code, double value)
{
    kpi_target *t = NULL;
    assert_non_null(t = kpi_goal_add_target(goal, code, code));
    if (!isnan(value))
        assert_ok(kpi_target_set_value(t, value));
    return t;
}

static void measure(kpi_target *t, int32_t date, double value)
{
    assert_non_null(kpi_target_add_measurement(t, date, value, NULL));
}

/* A LEVEL target (E = T at every date, so r = g(A)/g(T)) with one figure A
 * dated AS_OF. */
static kpi_target *add_level(kpi_goal *goal, const char *code, double value,
                             double actual)
{
    kpi_target *t = add_target(goal, code, value);
    assert_ok(kpi_target_set_schedule(t, KPI_SCHEDULE_LEVEL));
    measure(t, AS_OF, actual);
    return t;
}

/* A LEVEL target T = 100 whose figure gives it `rating`: ◎ 120 (r 1.2),
 * ○ 100 (r 1), △ 50, × 0; KPI_RATING_NONE: no figure at all (NO_DATA). */
static kpi_target *add_rated(kpi_goal *goal, const char *code, kpi_rating rating,
                             double weight)
{
    static const double actual_for[] = {NAN, 0, 50, 100, 120}; /* by kpi_rating */
    kpi_target *t = add_target(goal, code, 100);
    assert_ok(kpi_target_set_schedule(t, KPI_SCHEDULE_LEVEL));
    if (rating != KPI_RATING_NONE)
        measure(t, AS_OF, actual_for[rating]);
    if (weight > 0)
        assert_ok(kpi_target_set_weight(t, weight));
    return t;
}

/* A goal (under `parent`, or top-level when NULL) with one target per
 * entry of `ratings`, coded "<code>-<i>", weighted by `weights` (0: default). */
static kpi_goal *add_rated_goal(kpi_plan *plan, kpi_goal *parent, const char *code,
                                const kpi_rating *ratings, const double *weights,
                                size_t n)
{
    kpi_goal *goal = NULL;
    if (parent)
        assert_non_null(goal = kpi_goal_add_goal(parent, code, code));
    else
        assert_non_null(goal = kpi_plan_add_goal(plan, code, code));
    for (size_t i = 0; i < n; i++) {
        char child[64];
        snprintf(child, sizeof child, "%s-%zu", code, i);
        add_rated(goal, child, ratings[i], weights ? weights[i] : 0);
    }
    return goal;
}

/* NaN-aware exact equality: evaluations of one plan must be identical. */
static int same_double(double a, double b)
{
    return (isnan(a) && isnan(b)) || a == b;
}

/* 1 when two evaluations report the same results; else 0 with the first
 * difference described in `why`. Safe to call from any thread. */
static int same_results(const kpi_evaluation *a, const kpi_evaluation *b, char *why,
                        size_t why_size)
{
    size_t n = kpi_evaluation_result_count(a);
    if (n != kpi_evaluation_result_count(b)) {
        snprintf(why, why_size, "result counts %zu and %zu", n,
                 kpi_evaluation_result_count(b));
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        const kpi_result *x = kpi_evaluation_result_at(a, i);
        const kpi_result *y = kpi_evaluation_result_at(b, i);
        int same = strcmp(kpi_result_code(x), kpi_result_code(y)) == 0 &&
                   strcmp(kpi_result_title(x), kpi_result_title(y)) == 0 &&
                   strcmp(kpi_result_reason(x, KPI_LANG_JA),
                          kpi_result_reason(y, KPI_LANG_JA)) == 0 &&
                   kpi_result_object(x) == kpi_result_object(y) &&
                   kpi_result_depth(x) == kpi_result_depth(y) &&
                   kpi_result_rating(x) == kpi_result_rating(y) &&
                   kpi_result_computed_rating(x) == kpi_result_computed_rating(y) &&
                   kpi_result_unrated(x) == kpi_result_unrated(y) &&
                   kpi_result_computed_unrated(x) == kpi_result_computed_unrated(y) &&
                   kpi_result_assessed(x) == kpi_result_assessed(y) &&
                   kpi_result_mismatch(x) == kpi_result_mismatch(y) &&
                   kpi_result_measured(x) == kpi_result_measured(y) &&
                   kpi_result_child_count(x) == kpi_result_child_count(y) &&
                   same_double(kpi_result_actual(x), kpi_result_actual(y)) &&
                   same_double(kpi_result_expected(x), kpi_result_expected(y)) &&
                   same_double(kpi_result_value(x), kpi_result_value(y)) &&
                   same_double(kpi_result_start_value(x), kpi_result_start_value(y)) &&
                   same_double(kpi_result_elapsed(x), kpi_result_elapsed(y)) &&
                   same_double(kpi_result_pace(x), kpi_result_pace(y)) &&
                   same_double(kpi_result_achievement(x), kpi_result_achievement(y));
        for (int k = KPI_RATING_NOT_PROGRESSED; same && k <= KPI_RATING_AHEAD; k++)
            same = kpi_result_count_rating(x, (kpi_rating)k) ==
                   kpi_result_count_rating(y, (kpi_rating)k);
        for (int k = 1; same && *kpi_unrated_name((kpi_unrated)k); k++)
            same = kpi_result_count_unrated(x, (kpi_unrated)k) ==
                   kpi_result_count_unrated(y, (kpi_unrated)k);
        if (!same) {
            snprintf(why, why_size, "result %zu (\"%s\"): \"%s\" vs \"%s\"", i,
                     kpi_result_code(x), kpi_result_reason(x, KPI_LANG_JA),
                     kpi_result_reason(y, KPI_LANG_JA));
            return 0;
        }
    }
    return 1;
}

/* ------------------------------------------------------------------------ */
/* Worked examples (spec: "Worked examples", FY2017, d = 2017-09-30)         */
/* ------------------------------------------------------------------------ */

struct worked_row {
    const char *code;
    double target, actual;             /* T, A (NaN: —) */
    double expected, pace;             /* exact E and r by the formulas (NaN: —) */
    double table_expected, table_pace; /* as printed in the spec (NaN: —) */
    double elapsed;                    /* f; NaN: not checked */
    kpi_rating rating;
    kpi_unrated unrated;
    int32_t measured;
};

/* Spec, worked-examples table: every row's T, A, E, r, rating, plus the
 * achievement g(A)/g(T) (step 6, also above 100%) and f. */
static void test_worked_examples_targets(void **state)
{
    fixture *fx = *state;
    const double f = F_SEED;
    const struct worked_row rows[] = {
        {"3-2-a", 30, 32, 30 * f, 32 / (30 * f), 15.04, 2.13, f, KPI_RATING_AHEAD,
         KPI_UNRATED_NONE, AS_OF},
        {"3-2-b", 60, 51, 60 * f, 51 / (60 * f), 30.08, 1.70, f, KPI_RATING_AHEAD,
         KPI_UNRATED_NONE, AS_OF},
        {"3-2-c", 15, 13, 15 * f, 13 / (15 * f), 7.52, 1.73, f, KPI_RATING_AHEAD,
         KPI_UNRATED_NONE, AS_OF},
        {"3-1-a", 12, 7, 12 * f, 7 / (12 * f), 6.02, 1.16, f, KPI_RATING_AHEAD,
         KPI_UNRATED_NONE, AS_OF},
        {"3-1-b", 12, 6, 12 * f, 6 / (12 * f), 6.02, 0.997, f, KPI_RATING_ON_TRACK,
         KPI_UNRATED_NONE, AS_OF},
        {"3-1-c", 2, 1, 2 * f, 1 / (2 * f), 1.003, 0.997, f, KPI_RATING_ON_TRACK,
         KPI_UNRATED_NONE, AS_OF},
        {"3-3-a", 6, 0, 6 * f, 0, 3.01, 0, f, KPI_RATING_NOT_PROGRESSED, KPI_UNRATED_NONE,
         AS_OF},
        {"5-3-a", 8, 3, 8 * f, 3 / (8 * f), 4.01, 0.748, f, KPI_RATING_BEHIND,
         KPI_UNRATED_NONE, AS_OF},
        /* milestone due 2017-08-31, done in August: STEP gives E = T = 1 */
        {"4-2-a", 1, 1, 1, 1.0, 1, 1.0, 1.0, KPI_RATING_ON_TRACK, KPI_UNRATED_NONE,
         20170820},
        /* milestone due 2017-11-30, not yet: E = S = 0, nothing expected */
        {"4-2-b", 1, 0, 0, NAN, 0, NAN, 183.0 / 244.0, KPI_RATING_NONE,
         KPI_UNRATED_NOT_DUE, AS_OF},
        /* no figure reported: A, E and r are all "—" */
        {"3-3-b", 8, NAN, NAN, NAN, NAN, NAN, NAN, KPI_RATING_NONE, KPI_UNRATED_NO_DATA,
         0},
    };
    evaluate_as_of(fx, AS_OF);
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        const struct worked_row *w = &rows[i];
        const kpi_result *r = result_of(fx, w->code);
        assert_int_equal(kpi_result_object(r), KPI_OBJECT_TARGET);
        assert_result_value(r, value, w->target);
        assert_result_value(r, start_value, 0);
        assert_result_value(r, actual, w->actual);
        if (w->rating != KPI_RATING_NONE) {
            assert_rated(r, w->rating);
            /* S = 0, so g(A)/g(T) = A/T; 32/30 is above 100% */
            assert_result_value(r, achievement, w->actual / w->target);
        } else {
            assert_unrated_both(r, w->unrated);
            assert_result_value(r, achievement, NAN);
        }
        assert_int_equal(kpi_result_measured(r), w->measured);
        assert_result_value(r, pace, w->pace);
        assert_result_near(r, pace, w->table_pace, 0.005);
        if (!isnan(w->elapsed))
            assert_result_value(r, elapsed, w->elapsed);
        /* E last, so that a wrong E does not hide the checks above */
        assert_result_value(r, expected, w->expected);
        assert_result_near(r, expected, w->table_expected, 0.005);
    }
}

/* Spec, worked examples, roll-up with CRITERIA: ② (◎◎◎) → ◎; ① (◎○○) → ○;
 * (×, NO_DATA) → ×; goal 3 with initiatives (○, ◎, ×) → △. */
static void test_worked_examples_rollup(void **state)
{
    fixture *fx = *state;
    evaluate_as_of(fx, AS_OF);

    const kpi_result *i2 = result_of(fx, "3-2");
    assert_rated(i2, KPI_RATING_AHEAD);
    assert_int_equal(kpi_result_count_rating(i2, KPI_RATING_AHEAD), 3);

    const kpi_result *i1 = result_of(fx, "3-1");
    assert_rated(i1, KPI_RATING_ON_TRACK);
    assert_int_equal(kpi_result_count_rating(i1, KPI_RATING_AHEAD), 1);
    assert_int_equal(kpi_result_count_rating(i1, KPI_RATING_ON_TRACK), 2);

    const kpi_result *i3 = result_of(fx, "3-3");
    assert_rated(i3, KPI_RATING_NOT_PROGRESSED);
    assert_int_equal(kpi_result_count_rating(i3, KPI_RATING_NOT_PROGRESSED), 1);
    assert_int_equal(kpi_result_count_unrated(i3, KPI_UNRATED_NO_DATA), 1);

    const kpi_result *g3 = result_of(fx, "3");
    assert_int_equal(kpi_result_object(g3), KPI_OBJECT_GOAL);
    assert_rated(g3, KPI_RATING_BEHIND);
    assert_int_equal(kpi_result_count_rating(g3, KPI_RATING_ON_TRACK), 1);
    assert_int_equal(kpi_result_count_rating(g3, KPI_RATING_AHEAD), 1);
    assert_int_equal(kpi_result_count_rating(g3, KPI_RATING_NOT_PROGRESSED), 1);
    assert_int_equal(kpi_result_count_rating(g3, KPI_RATING_BEHIND), 0);
}

/* ------------------------------------------------------------------------ */
/* Step 2: elapsed fraction                                                  */
/* ------------------------------------------------------------------------ */

/* f = (d − D0 + 1) / (D1 − D0 + 1) in whole days, both ends inclusive. */
static void test_elapsed_both_ends_inclusive(void **state)
{
    fixture *fx = *state;
    kpi_target *t = add_target(fx->goal, "t", 365);
    measure(t, 20170401, 1);

    evaluate_as_of(fx, 20170401); /* d = D0: the first day counts */
    assert_result_value(result_of(fx, "t"), elapsed, 1.0 / 365.0);
    assert_result_value(result_of(fx, "t"), expected, 1);

    evaluate_as_of(fx, 20170402);
    assert_result_value(result_of(fx, "t"), elapsed, 2.0 / 365.0);

    evaluate_as_of(fx, AS_OF);
    assert_result_value(result_of(fx, "t"), elapsed, F_SEED);

    evaluate_as_of(fx, 20180330);
    assert_result_value(result_of(fx, "t"), elapsed, 364.0 / 365.0);

    evaluate_as_of(fx, 20180331); /* d = D1: the whole period */
    assert_result_value(result_of(fx, "t"), elapsed, 1);
    assert_result_value(result_of(fx, "t"), expected, 365);
}

/* f is clamped to 0 before the start and to 1 after the due date. */
static void test_elapsed_clamped(void **state)
{
    fixture *fx = *state;
    kpi_target *t = add_target(fx->goal, "t", 10);
    measure(t, 20161201, 5); /* a figure from before the period */

    evaluate_as_of(fx, 20170331); /* the day before the plan starts */
    const kpi_result *r = result_of(fx, "t");
    assert_result_value(r, elapsed, 0);
    assert_result_value(r, expected, 0);
    assert_result_value(r, pace, NAN);
    assert_rated(r, KPI_RATING_ON_TRACK); /* step 4: g(A) = 5 > 0 */

    evaluate_as_of(fx, 20170101); /* long before */
    assert_result_value(result_of(fx, "t"), elapsed, 0);

    evaluate_as_of(fx, 20180401); /* the day after the due date */
    r = result_of(fx, "t");
    assert_result_value(r, elapsed, 1);
    assert_result_value(r, expected, 10);
    assert_result_value(r, pace, 0.5);
    assert_rated(r, KPI_RATING_BEHIND);

    evaluate_as_of(fx, 20200101); /* long after */
    assert_result_value(result_of(fx, "t"), elapsed, 1);
}

/* D0 defaults to the plan start and D1 to the plan end; a target's own
 * start and due dates override them. */
static void test_elapsed_target_dates_override_plan(void **state)
{
    fixture *fx = *state;
    kpi_target *both = add_target(fx->goal, "both", 10);
    assert_ok(kpi_target_set_start(both, 20170701));
    assert_ok(kpi_target_set_due(both, 20171231));
    measure(both, AS_OF, 5);
    kpi_target *due = add_target(fx->goal, "due", 10);
    assert_ok(kpi_target_set_due(due, AS_OF));
    measure(due, AS_OF, 5);
    kpi_target *start = add_target(fx->goal, "start", 10);
    assert_ok(kpi_target_set_start(start, 20170901));
    measure(start, AS_OF, 5);
    kpi_target *none = add_target(fx->goal, "none", 10);
    measure(none, AS_OF, 5);

    evaluate_as_of(fx, AS_OF);
    const kpi_result *r = result_of(fx, "both"); /* 92 of 184 days */
    assert_int_equal(kpi_result_start(r), 20170701);
    assert_int_equal(kpi_result_due(r), 20171231);
    assert_result_value(r, elapsed, 0.5);
    assert_result_value(r, expected, 5);

    r = result_of(fx, "due"); /* 2017-04-01..2017-09-30: all 183 days */
    assert_int_equal(kpi_result_start(r), 20170401);
    assert_int_equal(kpi_result_due(r), AS_OF);
    assert_result_value(r, elapsed, 1);
    assert_result_value(r, expected, 10);

    r = result_of(fx, "start"); /* 2017-09-01..2018-03-31: 30 of 212 days */
    assert_int_equal(kpi_result_start(r), 20170901);
    assert_int_equal(kpi_result_due(r), 20180331);
    assert_result_value(r, elapsed, 30.0 / 212.0);

    r = result_of(fx, "none");
    assert_int_equal(kpi_result_start(r), 20170401);
    assert_int_equal(kpi_result_due(r), 20180331);
    assert_result_value(r, elapsed, F_SEED);
}

/* A plan with no period is rated over the fiscal year of the as-of date;
 * a plan with a period uses it (kpi_evaluation_start/end). */
static void test_elapsed_plan_period(void **state)
{
    fixture *fx = *state;
    kpi_goal *g = NULL;
    kpi_target *t = NULL;
    assert_ok(kpi_plan_new(&fx->other_plan, "no-period"));
    assert_int_equal(kpi_plan_start(fx->other_plan), 0);
    assert_non_null(g = kpi_plan_add_goal(fx->other_plan, "G", NULL));
    t = add_target(g, "t", 365);
    measure(t, 20170401, 1);

    assert_ok(kpi_evaluate(&fx->other_ev, fx->other_plan, 20180215, NULL));
    assert_int_equal(kpi_evaluation_start(fx->other_ev), 20170401);
    assert_int_equal(kpi_evaluation_end(fx->other_ev), 20180331);
    const kpi_result *r = find_in(fx->other_ev, "t");
    assert_int_equal(kpi_result_start(r), 20170401);
    assert_int_equal(kpi_result_due(r), 20180331);
    assert_result_value(r, elapsed, 321.0 / 365.0);
    kpi_evaluation_free(fx->other_ev);
    fx->other_ev = NULL;

    assert_ok(kpi_evaluate(&fx->other_ev, fx->other_plan, 20180401, NULL));
    assert_int_equal(kpi_evaluation_start(fx->other_ev), 20180401); /* FY2018 */
    assert_int_equal(kpi_evaluation_end(fx->other_ev), 20190331);
    assert_result_value(find_in(fx->other_ev, "t"), elapsed, 1.0 / 365.0);

    /* The fixture's plan has FY2017, whatever the as-of date. */
    kpi_target *u = add_target(fx->goal, "u", 365);
    measure(u, 20170401, 1);
    evaluate_as_of(fx, 20180401);
    assert_int_equal(kpi_evaluation_start(fx->ev), 20170401);
    assert_int_equal(kpi_evaluation_end(fx->ev), 20180331);
    assert_result_value(result_of(fx, "u"), elapsed, 1);

    /* A period set explicitly: calendar 2017, 273 of 365 days at AS_OF. */
    assert_ok(kpi_plan_set_period(fx->plan, 20170101, 20171231));
    evaluate_as_of(fx, AS_OF);
    assert_int_equal(kpi_evaluation_start(fx->ev), 20170101);
    assert_int_equal(kpi_evaluation_end(fx->ev), 20171231);
    assert_result_value(result_of(fx, "u"), elapsed, 273.0 / 365.0);
}

/* ------------------------------------------------------------------------ */
/* Step 5: thresholds (with LEVEL, E = T, so r = A/T exactly)                */
/* ------------------------------------------------------------------------ */

/* Defaults ahead 1.10, on-track 0.95: r ≥ 1.10 → ◎; r ≥ 0.95 → ○; r > 0 → △;
 * else ×; thresholds compared with a tolerance of 1e-9. */
static void test_thresholds_default(void **state)
{
    fixture *fx = *state;
    assert_close(kpi_policy_ahead(fx->policy), 1.10);
    assert_close(kpi_policy_on_track(fx->policy), 0.95);
    assert_int_equal(kpi_policy_rollup(fx->policy), KPI_ROLLUP_CRITERIA);
    assert_int_equal(kpi_policy_use_assessments(fx->policy), 1);

    add_level(fx->goal, "1.10", 100, 110);
    add_level(fx->goal, "1.10-1e-6", 100, 110 - 1e-4);
    add_level(fx->goal, "1.10-1e-8", 100, 110 - 1e-6);
    add_level(fx->goal, "1.10-1e-12", 100, 110 - 1e-10);
    add_level(fx->goal, "0.95", 100, 95);
    add_level(fx->goal, "0.95-1e-6", 100, 95 - 1e-4);
    add_level(fx->goal, "0.95-1e-12", 100, 95 - 1e-10);
    add_level(fx->goal, "0", 100, 0);
    add_level(fx->goal, "1e-6", 100, 1e-4);

    evaluate_as_of(fx, AS_OF);
    assert_result_value(result_of(fx, "1.10"), pace, 1.10);
    assert_rated(result_of(fx, "1.10"), KPI_RATING_AHEAD);
    assert_result_value(result_of(fx, "1.10-1e-6"), pace, 1.10 - 1e-6);
    assert_rated(result_of(fx, "1.10-1e-6"), KPI_RATING_ON_TRACK);
    assert_rated(result_of(fx, "1.10-1e-8"), KPI_RATING_ON_TRACK);
    assert_rated(result_of(fx, "1.10-1e-12"), KPI_RATING_AHEAD); /* within 1e-9 */
    assert_result_value(result_of(fx, "0.95"), pace, 0.95);
    assert_rated(result_of(fx, "0.95"), KPI_RATING_ON_TRACK);
    assert_rated(result_of(fx, "0.95-1e-6"), KPI_RATING_BEHIND);
    assert_rated(result_of(fx, "0.95-1e-12"), KPI_RATING_ON_TRACK);
    assert_result_value(result_of(fx, "0"), pace, 0);
    assert_rated(result_of(fx, "0"), KPI_RATING_NOT_PROGRESSED);
    assert_result_value(result_of(fx, "1e-6"), pace, 1e-6);
    assert_rated(result_of(fx, "1e-6"), KPI_RATING_BEHIND);

    /* A NULL policy means the defaults. */
    assert_ok(kpi_evaluate(&fx->other_ev, fx->plan, AS_OF, NULL));
    assert_rated(find_in(fx->other_ev, "1.10"), KPI_RATING_AHEAD);
    assert_rated(find_in(fx->other_ev, "1.10-1e-6"), KPI_RATING_ON_TRACK);
    assert_rated(find_in(fx->other_ev, "0.95-1e-6"), KPI_RATING_BEHIND);
}

/* The policy's thresholds replace the defaults (kpi_policy_set_thresholds),
 * and only 0 < on-track <= ahead, both finite, is accepted. */
static void test_thresholds_custom(void **state)
{
    fixture *fx = *state;
    assert_ok(kpi_policy_set_thresholds(fx->policy, 1.5, 0.8));
    assert_close(kpi_policy_ahead(fx->policy), 1.5);
    assert_close(kpi_policy_on_track(fx->policy), 0.8);
    assert_int_equal(kpi_policy_set_thresholds(fx->policy, 0.9, 1.0), KPI_ERR_VALUE);
    assert_int_equal(kpi_policy_set_thresholds(fx->policy, 1.0, 0), KPI_ERR_VALUE);
    assert_int_equal(kpi_policy_set_thresholds(fx->policy, NAN, 0.5), KPI_ERR_VALUE);
    assert_int_equal(kpi_policy_set_thresholds(fx->policy, INFINITY, 0.5), KPI_ERR_VALUE);
    assert_close(kpi_policy_ahead(fx->policy), 1.5); /* refusals change nothing */
    assert_close(kpi_policy_on_track(fx->policy), 0.8);

    add_level(fx->goal, "1.5", 100, 150);
    add_level(fx->goal, "1.5-1e-6", 100, 150 - 1e-4);
    add_level(fx->goal, "1.5-1e-12", 100, 150 - 1e-10);
    add_level(fx->goal, "1.1", 100, 110); /* ◎ by default, ○ here */
    add_level(fx->goal, "0.8", 100, 80);
    add_level(fx->goal, "0.8-1e-6", 100, 80 - 1e-4);
    add_level(fx->goal, "0.8-1e-12", 100, 80 - 1e-10);
    add_level(fx->goal, "0.9", 100, 90); /* △ by default, ○ here */
    add_level(fx->goal, "0", 100, 0);
    add_level(fx->goal, "1e-6", 100, 1e-4);

    evaluate_as_of(fx, AS_OF);
    assert_rated(result_of(fx, "1.5"), KPI_RATING_AHEAD);
    assert_rated(result_of(fx, "1.5-1e-6"), KPI_RATING_ON_TRACK);
    assert_rated(result_of(fx, "1.5-1e-12"), KPI_RATING_AHEAD);
    assert_rated(result_of(fx, "1.1"), KPI_RATING_ON_TRACK);
    assert_rated(result_of(fx, "0.8"), KPI_RATING_ON_TRACK);
    assert_rated(result_of(fx, "0.8-1e-6"), KPI_RATING_BEHIND);
    assert_rated(result_of(fx, "0.8-1e-12"), KPI_RATING_ON_TRACK);
    assert_rated(result_of(fx, "0.9"), KPI_RATING_ON_TRACK);
    assert_rated(result_of(fx, "0"), KPI_RATING_NOT_PROGRESSED);
    assert_rated(result_of(fx, "1e-6"), KPI_RATING_BEHIND);
}

/* ------------------------------------------------------------------------ */
/* Step 3: schedules                                                         */
/* ------------------------------------------------------------------------ */

/* LINEAR: E = S + (T − S)·f. */
static void test_schedule_linear(void **state)
{
    fixture *fx = *state;
    kpi_target *t = add_target(fx->goal, "s0", 30);
    assert_ok(kpi_target_set_schedule(t, KPI_SCHEDULE_LINEAR));
    measure(t, AS_OF, 16);
    t = add_target(fx->goal, "s6", 30);
    assert_ok(kpi_target_set_schedule(t, KPI_SCHEDULE_LINEAR));
    assert_ok(kpi_target_set_start_value(t, 6));
    measure(t, AS_OF, 20);

    evaluate_as_of(fx, AS_OF);
    const kpi_result *r = result_of(fx, "s0");
    assert_result_value(r, expected, 30 * F_SEED);
    assert_result_value(r, pace, 16 / (30 * F_SEED)); /* 1.06 */
    assert_rated(r, KPI_RATING_ON_TRACK);

    r = result_of(fx, "s6");
    assert_result_value(r, start_value, 6);
    assert_result_value(r, expected, 6 + 24 * F_SEED);
    assert_result_value(r, pace, 14 / (24 * F_SEED)); /* 1.16 */
    assert_result_value(r, achievement, 14.0 / 24.0);
    assert_rated(r, KPI_RATING_AHEAD);
}

/* STEP: E = S before D1, T from D1 on (the day before vs the due date). */
static void test_schedule_step(void **state)
{
    fixture *fx = *state;
    kpi_target *t = add_target(fx->goal, "step", 10);
    assert_ok(kpi_target_set_schedule(t, KPI_SCHEDULE_STEP));
    assert_ok(kpi_target_set_due(t, AS_OF));
    measure(t, 20170929, 6);
    t = add_target(fx->goal, "step-s2", 10);
    assert_ok(kpi_target_set_schedule(t, KPI_SCHEDULE_STEP));
    assert_ok(kpi_target_set_start_value(t, 2));
    assert_ok(kpi_target_set_due(t, AS_OF));
    measure(t, 20170929, 6);

    evaluate_as_of(fx, 20170929); /* the day before D1: E = S */
    const kpi_result *r = result_of(fx, "step");
    assert_result_value(r, expected, 0);
    assert_result_value(r, pace, NAN);
    assert_rated(r, KPI_RATING_ON_TRACK); /* step 4: 0 < g(A) < g(T) */
    assert_result_value(result_of(fx, "step-s2"), expected, 2);

    evaluate_as_of(fx, AS_OF); /* on D1: E = T */
    r = result_of(fx, "step");
    assert_result_value(r, expected, 10);
    assert_result_value(r, pace, 0.6);
    assert_rated(r, KPI_RATING_BEHIND);
    r = result_of(fx, "step-s2");
    assert_result_value(r, expected, 10);
    assert_result_value(r, pace, 0.5);

    evaluate_as_of(fx, 20171015); /* after D1: still T */
    assert_result_value(result_of(fx, "step"), expected, 10);
}

/* LEVEL: E = T at every date (a level to hold). */
static void test_schedule_level(void **state)
{
    fixture *fx = *state;
    kpi_target *t = add_target(fx->goal, "rate", 95);
    assert_ok(kpi_target_set_unit(t, "%"));
    assert_ok(kpi_target_set_schedule(t, KPI_SCHEDULE_LEVEL));
    measure(t, 20170401, 96);

    const int32_t dates[] = {20170401, AS_OF, 20180331};
    for (size_t i = 0; i < sizeof dates / sizeof dates[0]; i++) {
        evaluate_as_of(fx, dates[i]);
        const kpi_result *r = result_of(fx, "rate");
        assert_result_value(r, expected, 95);
        assert_result_value(r, pace, 96.0 / 95.0);
        assert_rated(r, KPI_RATING_ON_TRACK);
    }
}

/* Defaults: LINEAR for NUMERIC, STEP for MILESTONE. */
static void test_schedule_defaults(void **state)
{
    fixture *fx = *state;
    kpi_target *num = add_target(fx->goal, "num", 30);
    measure(num, AS_OF, 16);
    kpi_target *ms = add_target(fx->goal, "ms", NAN);
    assert_ok(kpi_target_set_kind(ms, KPI_KIND_MILESTONE));
    assert_ok(kpi_target_set_due(ms, 20171231));
    measure(ms, AS_OF, 0.6);
    kpi_target *ms_linear = add_target(fx->goal, "ms-linear", NAN);
    assert_ok(kpi_target_set_kind(ms_linear, KPI_KIND_MILESTONE));
    assert_ok(kpi_target_set_schedule(ms_linear, KPI_SCHEDULE_LINEAR));
    assert_ok(kpi_target_set_due(ms_linear, 20171231));
    measure(ms_linear, AS_OF, 0.6);

    evaluate_as_of(fx, AS_OF);
    assert_int_equal(kpi_target_schedule(num), KPI_SCHEDULE_DEFAULT);
    const kpi_result *r = result_of(fx, "num"); /* LINEAR */
    assert_result_value(r, expected, 30 * F_SEED);
    assert_rated(r, KPI_RATING_ON_TRACK);

    r = result_of(fx, "ms"); /* STEP: nothing expected before 2017-12-31 */
    assert_result_value(r, value, 1);
    assert_result_value(r, expected, 0);
    assert_result_value(r, pace, NAN);
    assert_rated(r, KPI_RATING_ON_TRACK);

    r = result_of(fx, "ms-linear"); /* the same milestone, LINEAR: 183 of 275 days */
    assert_result_value(r, expected, 183.0 / 275.0);
    assert_result_value(r, pace, 0.6 / (183.0 / 275.0));
    assert_rated(r, KPI_RATING_BEHIND);
}

/* ------------------------------------------------------------------------ */
/* Step 4: nothing expected yet                                              */
/* ------------------------------------------------------------------------ */

/* If g(E) <= 0: g(A) >= g(T) → ◎; g(A) > 0 → ○; otherwise NOT_DUE; no pace. */
static void test_nothing_expected_yet(void **state)
{
    fixture *fx = *state;
    struct {
        const char *code;
        kpi_direction direction;
        double start, value, actual;
    } cases[] = {
        {"done", KPI_DIRECTION_INCREASE, NAN, 10, 10},
        {"over", KPI_DIRECTION_INCREASE, NAN, 10, 12},
        {"some", KPI_DIRECTION_INCREASE, NAN, 10, 4},
        {"zero", KPI_DIRECTION_INCREASE, NAN, 10, 0},
        {"below-s", KPI_DIRECTION_INCREASE, 5, 10, 3},
        {"dec-done", KPI_DIRECTION_DECREASE, 10, 4, 3},
        {"dec-some", KPI_DIRECTION_DECREASE, 10, 4, 8},
        {"dec-none", KPI_DIRECTION_DECREASE, 10, 4, 10},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        kpi_target *t = add_target(fx->goal, cases[i].code, cases[i].value);
        assert_ok(kpi_target_set_direction(t, cases[i].direction));
        assert_ok(kpi_target_set_start_value(t, cases[i].start));
        assert_ok(kpi_target_set_schedule(t, KPI_SCHEDULE_STEP));
        assert_ok(kpi_target_set_due(t, 20171231));
        measure(t, AS_OF, cases[i].actual);
    }

    evaluate_as_of(fx, AS_OF);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const kpi_result *r = result_of(fx, cases[i].code);
        assert_result_value(r, expected, isnan(cases[i].start) ? 0 : cases[i].start);
        assert_result_value(r, pace, NAN);
    }
    assert_rated(result_of(fx, "done"), KPI_RATING_AHEAD);
    assert_result_value(result_of(fx, "done"), achievement, 1.0);
    assert_rated(result_of(fx, "over"), KPI_RATING_AHEAD);
    assert_result_value(result_of(fx, "over"), achievement, 1.2);
    assert_rated(result_of(fx, "some"), KPI_RATING_ON_TRACK);
    assert_result_value(result_of(fx, "some"), achievement, 0.4);
    assert_unrated_both(result_of(fx, "zero"), KPI_UNRATED_NOT_DUE);
    assert_result_value(result_of(fx, "zero"), achievement, NAN);
    assert_unrated_both(result_of(fx, "below-s"), KPI_UNRATED_NOT_DUE);
    assert_rated(result_of(fx, "dec-done"), KPI_RATING_AHEAD);
    assert_rated(result_of(fx, "dec-some"), KPI_RATING_ON_TRACK);
    assert_unrated_both(result_of(fx, "dec-none"), KPI_UNRATED_NOT_DUE);
}

/* ------------------------------------------------------------------------ */
/* Step 1: actual value                                                      */
/* ------------------------------------------------------------------------ */

/* LATEST: the figure with the greatest date <= d; of equal dates the one
 * added last; later figures ignored; kpi_result_measured is its date. */
static void test_accumulate_latest(void **state)
{
    fixture *fx = *state;
    kpi_target *t = add_target(fx->goal, "t", 100);
    assert_int_equal(kpi_target_accumulate(t), KPI_ACCUMULATE_LATEST);
    measure(t, 20170630, 10);
    measure(t, 20170915, 20);
    measure(t, 20170801, 30); /* added later, dated earlier */
    measure(t, 20170915, 25); /* same date as 20: added last wins */
    measure(t, 20171001, 99); /* after d */

    evaluate_as_of(fx, AS_OF);
    const kpi_result *r = result_of(fx, "t");
    assert_result_value(r, actual, 25);
    assert_int_equal(kpi_result_measured(r), 20170915);

    evaluate_as_of(fx, 20170810);
    r = result_of(fx, "t");
    assert_result_value(r, actual, 30);
    assert_int_equal(kpi_result_measured(r), 20170801);

    evaluate_as_of(fx, 20171001);
    r = result_of(fx, "t");
    assert_result_value(r, actual, 99);
    assert_int_equal(kpi_result_measured(r), 20171001);
}

/* SUM: each figure is an increment, A = S + Σ values dated <= d. */
static void test_accumulate_sum(void **state)
{
    fixture *fx = *state;
    kpi_target *t = add_target(fx->goal, "sum", 50);
    assert_ok(kpi_target_set_accumulate(t, KPI_ACCUMULATE_SUM));
    assert_ok(kpi_target_set_start_value(t, 5));
    measure(t, 20170630, 3);
    measure(t, 20170915, 4);
    measure(t, 20171015, 10); /* after d */
    kpi_target *u = add_target(fx->goal, "sum-s0", 10);
    assert_ok(kpi_target_set_accumulate(u, KPI_ACCUMULATE_SUM));
    measure(u, 20170501, 2);
    measure(u, 20170601, 3);
    measure(u, 20170601, 1); /* same date: all increments count */

    evaluate_as_of(fx, AS_OF);
    const kpi_result *r = result_of(fx, "sum");
    assert_result_value(r, actual, 12);
    assert_int_equal(kpi_result_measured(r), 20170915);
    assert_result_value(r, expected, 5 + 45 * F_SEED);
    assert_result_value(r, pace, 7 / (45 * F_SEED));
    r = result_of(fx, "sum-s0");
    assert_result_value(r, actual, 6);
    assert_int_equal(kpi_result_measured(r), 20170601);

    evaluate_as_of(fx, 20171015);
    r = result_of(fx, "sum");
    assert_result_value(r, actual, 22);
    assert_int_equal(kpi_result_measured(r), 20171015);
}

/* ------------------------------------------------------------------------ */
/* Directions and relative targets                                           */
/* ------------------------------------------------------------------------ */

/* DECREASE: g(x) = S − x; S is required (INCOMPLETE), g(T) > 0 (INVALID). */
static void test_decrease_targets(void **state)
{
    fixture *fx = *state;
    struct {
        const char *code;
        double start, value, actual;
    } cases[] = {
        {"dec", 100, 80, 90},         {"dec-ahead", 100, 80, 75},
        {"dec-none", 100, 80, 100},   {"dec-no-s", NAN, 80, 90},
        {"dec-t-eq-s", 100, 100, 90}, {"dec-t-gt-s", 100, 120, 90},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        kpi_target *t = add_target(fx->goal, cases[i].code, cases[i].value);
        assert_ok(kpi_target_set_direction(t, KPI_DIRECTION_DECREASE));
        assert_ok(kpi_target_set_start_value(t, cases[i].start));
        measure(t, AS_OF, cases[i].actual);
    }

    evaluate_as_of(fx, AS_OF);
    const kpi_result *r = result_of(fx, "dec");
    assert_result_value(r, start_value, 100);
    assert_result_value(r, expected, 100 - 20 * F_SEED);
    assert_result_value(r, pace, 10 / (20 * F_SEED)); /* 0.997 */
    assert_result_value(r, achievement, 0.5);
    assert_rated(r, KPI_RATING_ON_TRACK);

    r = result_of(fx, "dec-ahead");
    assert_result_value(r, achievement, 1.25);
    assert_rated(r, KPI_RATING_AHEAD);

    r = result_of(fx, "dec-none");
    assert_result_value(r, pace, 0);
    assert_rated(r, KPI_RATING_NOT_PROGRESSED);

    r = result_of(fx, "dec-no-s");
    assert_result_value(r, start_value, NAN);
    assert_unrated_both(r, KPI_UNRATED_INCOMPLETE);
    assert_unrated_both(result_of(fx, "dec-t-eq-s"), KPI_UNRATED_INVALID);
    assert_unrated_both(result_of(fx, "dec-t-gt-s"), KPI_UNRATED_INVALID);
}

/* Relative form: T = R(1 + p/100) for INCREASE, R(1 − p/100) for DECREASE;
 * no R → INCOMPLETE; kpi_result_target reports the computed T. */
static void test_relative_targets(void **state)
{
    fixture *fx = *state;
    /* 講座開催数 前年度比10%増, last year 20 */
    kpi_target *inc = add_target(fx->goal, "rel-inc", 50); /* T as set is ignored */
    assert_ok(kpi_target_set_reference(inc, 20));
    assert_ok(kpi_target_set_change_pct(inc, 10));
    measure(inc, AS_OF, 12);
    kpi_target *dec = add_target(fx->goal, "rel-dec", NAN); /* 10%減 from 100 */
    assert_ok(kpi_target_set_direction(dec, KPI_DIRECTION_DECREASE));
    assert_ok(kpi_target_set_start_value(dec, 100));
    assert_ok(kpi_target_set_reference(dec, 100));
    assert_ok(kpi_target_set_change_pct(dec, 10));
    measure(dec, AS_OF, 95);
    kpi_target *no_r = add_target(fx->goal, "rel-no-r", NAN);
    assert_ok(kpi_target_set_change_pct(no_r, 10));
    measure(no_r, AS_OF, 5);

    evaluate_as_of(fx, AS_OF);
    const kpi_result *r = result_of(fx, "rel-inc");
    assert_result_value(r, value, 22);
    assert_result_value(r, expected, 22 * F_SEED);
    assert_result_value(r, pace, 12 / (22 * F_SEED)); /* 1.09 */
    assert_result_value(r, achievement, 12.0 / 22.0);
    assert_rated(r, KPI_RATING_ON_TRACK);

    r = result_of(fx, "rel-dec");
    assert_result_value(r, value, 90);
    assert_result_value(r, expected, 100 - 10 * F_SEED);
    assert_result_value(r, pace, 5 / (10 * F_SEED));
    assert_rated(r, KPI_RATING_ON_TRACK);

    r = result_of(fx, "rel-no-r");
    assert_result_value(r, value, NAN);
    assert_unrated_both(r, KPI_UNRATED_INCOMPLETE);

    /* Evaluation leaves the target as set. */
    assert_close(kpi_target_value(inc), 50);
    assert_close(kpi_target_reference(inc), 20);
    assert_close(kpi_target_change_pct(inc), 10);
}

/* Step 6: achievement g(A)/g(T) for every rated numeric target, also above
 * 100%; NaN when the rules could not rate. */
static void test_achievement(void **state)
{
    fixture *fx = *state;
    kpi_target *t = add_target(fx->goal, "over", 10);
    measure(t, AS_OF, 25);
    t = add_target(fx->goal, "s", 30);
    assert_ok(kpi_target_set_start_value(t, 10));
    measure(t, AS_OF, 15);
    add_target(fx->goal, "no-data", 10);

    evaluate_as_of(fx, AS_OF);
    assert_rated(result_of(fx, "over"), KPI_RATING_AHEAD);
    assert_result_value(result_of(fx, "over"), achievement, 2.5);
    assert_result_value(result_of(fx, "s"), achievement, 0.25); /* (15-10)/(30-10) */
    assert_result_value(result_of(fx, "no-data"), achievement, NAN);
}

/* ------------------------------------------------------------------------ */
/* Step 7: unrated reasons                                                   */
/* ------------------------------------------------------------------------ */

/* A QUALITATIVE target without an assessment is unrated, QUALITATIVE. */
static void test_unrated_qualitative(void **state)
{
    fixture *fx = *state;
    kpi_target *t = add_target(fx->goal, "q", NAN); /* 意識調査の実施 */
    assert_ok(kpi_target_set_kind(t, KPI_KIND_QUALITATIVE));
    t = add_target(fx->goal, "q-with-numbers", 10);
    assert_ok(kpi_target_set_kind(t, KPI_KIND_QUALITATIVE));
    measure(t, AS_OF, 20);

    evaluate_as_of(fx, AS_OF);
    assert_unrated_both(result_of(fx, "q"), KPI_UNRATED_QUALITATIVE);
    assert_unrated_both(result_of(fx, "q-with-numbers"), KPI_UNRATED_QUALITATIVE);
    assert_result_value(result_of(fx, "q-with-numbers"), achievement, NAN);
}

/* INCOMPLETE: no T; a relative target with no R; a DECREASE target with no
 * S. A milestone needs no T (it is always 1). */
static void test_unrated_incomplete(void **state)
{
    fixture *fx = *state;
    kpi_target *t = add_target(fx->goal, "no-t", NAN);
    measure(t, AS_OF, 5);
    t = add_target(fx->goal, "rel-no-r", NAN);
    assert_ok(kpi_target_set_change_pct(t, 10));
    measure(t, AS_OF, 5);
    t = add_target(fx->goal, "dec-no-s", 5);
    assert_ok(kpi_target_set_direction(t, KPI_DIRECTION_DECREASE));
    measure(t, AS_OF, 7);
    t = add_target(fx->goal, "milestone", NAN);
    assert_ok(kpi_target_set_kind(t, KPI_KIND_MILESTONE));
    assert_ok(kpi_target_set_due(t, AS_OF));
    measure(t, AS_OF, 1);

    evaluate_as_of(fx, AS_OF);
    assert_unrated_both(result_of(fx, "no-t"), KPI_UNRATED_INCOMPLETE);
    assert_result_value(result_of(fx, "no-t"), value, NAN);
    assert_unrated_both(result_of(fx, "rel-no-r"), KPI_UNRATED_INCOMPLETE);
    assert_unrated_both(result_of(fx, "dec-no-s"), KPI_UNRATED_INCOMPLETE);
    assert_rated(result_of(fx, "milestone"), KPI_RATING_ON_TRACK);
}

/* INVALID: values that contradict each other, g(T) <= 0 or D1 < D0. */
static void test_unrated_invalid(void **state)
{
    fixture *fx = *state;
    kpi_target *t = add_target(fx->goal, "t-zero", 0);
    measure(t, AS_OF, 5);
    t = add_target(fx->goal, "t-eq-s", 10);
    assert_ok(kpi_target_set_start_value(t, 10));
    measure(t, AS_OF, 12);
    t = add_target(fx->goal, "t-below-s", 5);
    assert_ok(kpi_target_set_start_value(t, 10));
    measure(t, AS_OF, 12);
    t = add_target(fx->goal, "due-before-start", 10);
    assert_ok(kpi_target_set_start(t, 20171001));
    assert_ok(kpi_target_set_due(t, 20170901));
    measure(t, AS_OF, 5);
    t = add_target(fx->goal, "due-before-plan", 10); /* D0 = plan start 2017-04-01 */
    assert_ok(kpi_target_set_due(t, 20170331));
    measure(t, 20170301, 5);

    evaluate_as_of(fx, AS_OF);
    const char *codes[] = {"t-zero", "t-eq-s", "t-below-s", "due-before-start",
                           "due-before-plan"};
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        const kpi_result *r = result_of(fx, codes[i]);
        assert_unrated_both(r, KPI_UNRATED_INVALID);
        assert_result_value(r, pace, NAN);
        assert_result_value(r, achievement, NAN);
    }
}

/* NO_DATA: no measurement dated on or before d. */
static void test_unrated_no_data(void **state)
{
    fixture *fx = *state;
    add_target(fx->goal, "none", 10);
    kpi_target *t = add_target(fx->goal, "later", 10);
    measure(t, 20171001, 5);

    evaluate_as_of(fx, AS_OF);
    const kpi_result *r = result_of(fx, "none");
    assert_unrated_both(r, KPI_UNRATED_NO_DATA);
    assert_result_value(r, actual, NAN);
    assert_int_equal(kpi_result_measured(r), 0);
    r = result_of(fx, "later");
    assert_unrated_both(r, KPI_UNRATED_NO_DATA);
    assert_int_equal(kpi_result_measured(r), 0);

    evaluate_as_of(fx, 20171001); /* the figure now counts: r = 5 / (10 * 184/365) */
    assert_result_value(result_of(fx, "later"), actual, 5);
    assert_rated(result_of(fx, "later"), KPI_RATING_ON_TRACK);
}

/* NOT_DUE: nothing expected yet (g(E) <= 0) and nothing achieved. */
static void test_unrated_not_due(void **state)
{
    fixture *fx = *state;
    kpi_target *t = add_target(fx->goal, "ms", NAN);
    assert_ok(kpi_target_set_kind(t, KPI_KIND_MILESTONE));
    assert_ok(kpi_target_set_due(t, 20171130));
    measure(t, AS_OF, 0);
    t = add_target(fx->goal, "before-start", 10); /* LINEAR, f = 0 */
    assert_ok(kpi_target_set_start(t, 20171001));
    measure(t, AS_OF, 0);

    evaluate_as_of(fx, AS_OF);
    const kpi_result *r = result_of(fx, "ms");
    assert_unrated_both(r, KPI_UNRATED_NOT_DUE);
    assert_result_value(r, actual, 0);
    assert_result_value(r, expected, 0);
    assert_result_value(r, pace, NAN);
    r = result_of(fx, "before-start");
    assert_unrated_both(r, KPI_UNRATED_NOT_DUE);
    assert_result_value(r, elapsed, 0);

    evaluate_as_of(fx, 20171130); /* due now: nothing done is × */
    assert_rated(result_of(fx, "ms"), KPI_RATING_NOT_PROGRESSED);
}

/* When several reasons apply, the first of QUALITATIVE, INCOMPLETE,
 * INVALID, NO_DATA, NOT_DUE is the reason; evaluation never fails. */
static void test_unrated_precedence(void **state)
{
    fixture *fx = *state;
    /* QUALITATIVE over INCOMPLETE, INVALID and NO_DATA */
    kpi_target *t = add_target(fx->goal, "q-all", NAN);
    assert_ok(kpi_target_set_kind(t, KPI_KIND_QUALITATIVE));
    assert_ok(kpi_target_set_direction(t, KPI_DIRECTION_DECREASE));
    assert_ok(kpi_target_set_start(t, 20171001));
    assert_ok(kpi_target_set_due(t, 20170901));
    /* INCOMPLETE over NO_DATA */
    add_target(fx->goal, "no-t-no-data", NAN);
    /* INCOMPLETE over INVALID (due before start) and NO_DATA */
    t = add_target(fx->goal, "dec-no-s-bad-dates", 5);
    assert_ok(kpi_target_set_direction(t, KPI_DIRECTION_DECREASE));
    assert_ok(kpi_target_set_start(t, 20171001));
    assert_ok(kpi_target_set_due(t, 20170901));
    /* INVALID over NO_DATA */
    add_target(fx->goal, "t-zero-no-data", 0);
    t = add_target(fx->goal, "bad-dates-no-data", 10);
    assert_ok(kpi_target_set_start(t, 20171001));
    assert_ok(kpi_target_set_due(t, 20170901));
    /* NO_DATA over NOT_DUE: a milestone not yet due, no figure */
    t = add_target(fx->goal, "ms-no-data", NAN);
    assert_ok(kpi_target_set_kind(t, KPI_KIND_MILESTONE));
    assert_ok(kpi_target_set_due(t, 20171130));

    evaluate_as_of(fx, AS_OF); /* asserts KPI_OK */
    assert_unrated_both(result_of(fx, "q-all"), KPI_UNRATED_QUALITATIVE);
    assert_unrated_both(result_of(fx, "no-t-no-data"), KPI_UNRATED_INCOMPLETE);
    assert_unrated_both(result_of(fx, "dec-no-s-bad-dates"), KPI_UNRATED_INCOMPLETE);
    assert_unrated_both(result_of(fx, "t-zero-no-data"), KPI_UNRATED_INVALID);
    assert_unrated_both(result_of(fx, "bad-dates-no-data"), KPI_UNRATED_INVALID);
    assert_unrated_both(result_of(fx, "ms-no-data"), KPI_UNRATED_NO_DATA);
    assert_unrated_both(result_of(fx, "G"), KPI_UNRATED_NO_RATED_CHILDREN);
}

/* What is wrong on its own is refused when recorded: a non-finite value, a
 * milestone value outside 0..1, a weight <= 0, an unknown rating. */
static void test_recording_refuses_bad_values(void **state)
{
    fixture *fx = *state;
    kpi_target *t = add_target(fx->goal, "t", 10);
    REFUSED_NULL(KPI_ERR_VALUE, kpi_target_add_measurement(t, AS_OF, NAN, NULL));
    REFUSED_NULL(KPI_ERR_VALUE, kpi_target_add_measurement(t, AS_OF, INFINITY, NULL));
    REFUSED_NULL(KPI_ERR_VALUE, kpi_target_add_measurement(t, AS_OF, -INFINITY, NULL));
    assert_int_equal(kpi_target_measurement_count(t), 0);
    assert_int_equal(kpi_target_set_value(t, INFINITY), KPI_ERR_VALUE);
    assert_close(kpi_target_value(t), 10);
    assert_int_equal(kpi_target_set_weight(t, 0), KPI_ERR_VALUE);
    assert_int_equal(kpi_target_set_weight(t, -1), KPI_ERR_VALUE);
    assert_int_equal(kpi_target_set_weight(t, NAN), KPI_ERR_VALUE);
    assert_close(kpi_target_weight(t), 1);
    assert_int_equal(kpi_goal_set_weight(fx->goal, 0), KPI_ERR_VALUE);
    assert_close(kpi_goal_weight(fx->goal), 1);
    REFUSED_NULL(KPI_ERR_VALUE,
                 kpi_target_add_assessment(t, AS_OF, KPI_RATING_NONE, NULL));
    REFUSED_NULL(KPI_ERR_VALUE, kpi_target_add_assessment(t, AS_OF, (kpi_rating)9, NULL));
    REFUSED_NULL(KPI_ERR_VALUE,
                 kpi_goal_add_assessment(fx->goal, AS_OF, (kpi_rating)9, NULL));
    assert_int_equal(kpi_target_assessment_count(t), 0);
    assert_int_equal(kpi_goal_assessment_count(fx->goal), 0);

    kpi_target *ms = add_target(fx->goal, "ms", NAN);
    assert_ok(kpi_target_set_kind(ms, KPI_KIND_MILESTONE));
    REFUSED_NULL(KPI_ERR_VALUE, kpi_target_add_measurement(ms, AS_OF, 1.5, NULL));
    REFUSED_NULL(KPI_ERR_VALUE, kpi_target_add_measurement(ms, AS_OF, -0.1, NULL));
    assert_int_equal(kpi_target_measurement_count(ms), 0);
    measure(ms, AS_OF, 1);
    measure(ms, AS_OF, 0);
}

/* ------------------------------------------------------------------------ */
/* Step 8: assessments                                                       */
/* ------------------------------------------------------------------------ */

/* The latest assessment dated <= d is the effective rating; the computed
 * rating is kept beside it and a mismatch flagged (and not when equal); the
 * roll-up uses the effective rating. */
static void test_assessment_overrides_computed(void **state)
{
    fixture *fx = *state;
    kpi_goal *sub = NULL;
    assert_non_null(sub = kpi_goal_add_goal(fx->goal, "G-1", NULL));
    kpi_target *a = add_target(sub, "differs", 30);
    measure(a, AS_OF, 32); /* computed ◎ */
    assert_non_null(
        kpi_target_add_assessment(a, 20170915, KPI_RATING_ON_TRACK, "概ね順調"));
    kpi_target *b = add_target(sub, "agrees", 30);
    measure(b, AS_OF, 32);
    assert_non_null(kpi_target_add_assessment(b, 20170915, KPI_RATING_AHEAD, NULL));
    kpi_target *c = add_target(sub, "none", 30);
    measure(c, AS_OF, 32);
    kpi_target *d = add_target(fx->goal, "no-data", 30);
    assert_non_null(kpi_target_add_assessment(d, 20170915, KPI_RATING_BEHIND, NULL));

    evaluate_as_of(fx, AS_OF);
    const kpi_result *r = result_of(fx, "differs");
    assert_rating(r, KPI_RATING_ON_TRACK);
    assert_computed(r, KPI_RATING_AHEAD, KPI_UNRATED_NONE);
    assert_int_equal(kpi_result_assessed(r), 1);
    assert_int_equal(kpi_result_mismatch(r), 1);
    assert_int_equal(kpi_result_assessment_date(r), 20170915);
    assert_result_value(r, pace, 32 / (30 * F_SEED)); /* numbers still reported */

    r = result_of(fx, "agrees");
    assert_rating(r, KPI_RATING_AHEAD);
    assert_computed(r, KPI_RATING_AHEAD, KPI_UNRATED_NONE);
    assert_int_equal(kpi_result_assessed(r), 1);
    assert_int_equal(kpi_result_mismatch(r), 0);

    r = result_of(fx, "none");
    assert_rated(r, KPI_RATING_AHEAD);
    assert_int_equal(kpi_result_mismatch(r), 0);
    assert_int_equal(kpi_result_assessment_date(r), 0);

    r = result_of(fx, "no-data"); /* an assessment rates what the rules cannot */
    assert_rating(r, KPI_RATING_BEHIND);
    assert_computed(r, KPI_RATING_NONE, KPI_UNRATED_NO_DATA);
    assert_int_equal(kpi_result_assessed(r), 1);

    /* G-1 rolls up (○ ◎ ◎) → ○; by computed ratings it would be ◎. */
    assert_rated(result_of(fx, "G-1"), KPI_RATING_ON_TRACK);
    /* G rolls up (△ from no-data, ○ from G-1) → △. */
    assert_rated(result_of(fx, "G"), KPI_RATING_BEHIND);
}

/* Of several assessments the one with the greatest date <= d wins; of equal
 * dates the one added last. */
static void test_assessment_latest_and_same_date(void **state)
{
    fixture *fx = *state;
    kpi_target *t = add_level(fx->goal, "latest", 100, 0); /* computed × */
    assert_non_null(
        kpi_target_add_assessment(t, 20170630, KPI_RATING_NOT_PROGRESSED, NULL));
    assert_non_null(kpi_target_add_assessment(t, 20170901, KPI_RATING_ON_TRACK, NULL));
    assert_non_null(kpi_target_add_assessment(t, 20170801, KPI_RATING_BEHIND, NULL));
    t = add_level(fx->goal, "same-a", 100, 0);
    assert_non_null(kpi_target_add_assessment(t, 20170901, KPI_RATING_BEHIND, NULL));
    assert_non_null(kpi_target_add_assessment(t, 20170901, KPI_RATING_AHEAD, NULL));
    t = add_level(fx->goal, "same-b", 100, 0);
    assert_non_null(kpi_target_add_assessment(t, 20170901, KPI_RATING_AHEAD, NULL));
    assert_non_null(kpi_target_add_assessment(t, 20170901, KPI_RATING_BEHIND, NULL));
    t = add_level(fx->goal, "on-d", 100, 0);
    assert_non_null(kpi_target_add_assessment(t, AS_OF, KPI_RATING_AHEAD, NULL));

    evaluate_as_of(fx, AS_OF);
    assert_rating(result_of(fx, "latest"), KPI_RATING_ON_TRACK);
    assert_int_equal(kpi_result_assessment_date(result_of(fx, "latest")), 20170901);
    assert_rating(result_of(fx, "same-a"), KPI_RATING_AHEAD);
    assert_rating(result_of(fx, "same-b"), KPI_RATING_BEHIND);
    assert_rating(result_of(fx, "on-d"), KPI_RATING_AHEAD);
    assert_int_equal(kpi_result_assessed(result_of(fx, "on-d")), 1);

    evaluate_as_of(fx, 20170815); /* then the August one was the latest */
    assert_rating(result_of(fx, "latest"), KPI_RATING_BEHIND);
    assert_int_equal(kpi_result_assessment_date(result_of(fx, "latest")), 20170801);
}

/* An assessment dated after d is ignored. */
static void test_assessment_after_as_of_ignored(void **state)
{
    fixture *fx = *state;
    kpi_target *t = add_level(fx->goal, "future", 100, 120); /* computed ◎ */
    assert_non_null(
        kpi_target_add_assessment(t, 20171001, KPI_RATING_NOT_PROGRESSED, NULL));
    t = add_level(fx->goal, "mixed", 100, 120);
    assert_non_null(kpi_target_add_assessment(t, 20170915, KPI_RATING_ON_TRACK, NULL));
    assert_non_null(
        kpi_target_add_assessment(t, 20171001, KPI_RATING_NOT_PROGRESSED, NULL));

    evaluate_as_of(fx, AS_OF);
    const kpi_result *r = result_of(fx, "future");
    assert_rated(r, KPI_RATING_AHEAD);
    assert_int_equal(kpi_result_mismatch(r), 0);
    assert_int_equal(kpi_result_assessment_date(r), 0);
    assert_rating(result_of(fx, "mixed"), KPI_RATING_ON_TRACK);

    evaluate_as_of(fx, 20171001);
    r = result_of(fx, "future");
    assert_rating(r, KPI_RATING_NOT_PROGRESSED);
    assert_int_equal(kpi_result_assessed(r), 1);
    assert_int_equal(kpi_result_mismatch(r), 1);
    assert_rating(result_of(fx, "mixed"), KPI_RATING_NOT_PROGRESSED);
}

/* A policy may ignore assessments (kpi_policy_set_use_assessments(p, 0)). */
static void test_assessment_ignored_by_policy(void **state)
{
    fixture *fx = *state;
    kpi_target *t = add_level(fx->goal, "t", 100, 120); /* computed ◎ */
    assert_non_null(
        kpi_target_add_assessment(t, 20170915, KPI_RATING_NOT_PROGRESSED, NULL));
    t = add_target(fx->goal, "q", NAN);
    assert_ok(kpi_target_set_kind(t, KPI_KIND_QUALITATIVE));
    assert_non_null(kpi_target_add_assessment(t, 20170915, KPI_RATING_ON_TRACK, NULL));
    assert_non_null(kpi_goal_add_assessment(fx->goal, 20170915, KPI_RATING_BEHIND, NULL));

    assert_ok(kpi_policy_set_use_assessments(fx->policy, 0));
    assert_int_equal(kpi_policy_use_assessments(fx->policy), 0);
    evaluate_as_of(fx, AS_OF);
    const kpi_result *r = result_of(fx, "t");
    assert_rated(r, KPI_RATING_AHEAD);
    assert_int_equal(kpi_result_mismatch(r), 0);
    assert_unrated_both(result_of(fx, "q"), KPI_UNRATED_QUALITATIVE);
    assert_rated(result_of(fx, "G"), KPI_RATING_AHEAD);

    assert_ok(kpi_policy_set_use_assessments(fx->policy, 5)); /* any non-zero */
    assert_int_equal(kpi_policy_use_assessments(fx->policy), 1);
    evaluate_as_of(fx, AS_OF);
    assert_rating(result_of(fx, "t"), KPI_RATING_NOT_PROGRESSED);
    assert_rating(result_of(fx, "q"), KPI_RATING_ON_TRACK);
    assert_rating(result_of(fx, "G"), KPI_RATING_BEHIND);
}

/* A QUALITATIVE target is rated only by an assessment: computed stays NONE
 * (reason QUALITATIVE) while the effective rating is the assessment's. */
static void test_assessment_rates_qualitative(void **state)
{
    fixture *fx = *state;
    kpi_target *t = add_target(fx->goal, "q", NAN); /* 謝意を込めた魅力ある返礼品の充実 */
    assert_ok(kpi_target_set_kind(t, KPI_KIND_QUALITATIVE));
    assert_non_null(kpi_target_add_assessment(t, 20170920, KPI_RATING_ON_TRACK,
                                              "H29.9に175品目に充実"));

    evaluate_as_of(fx, AS_OF);
    const kpi_result *r = result_of(fx, "q");
    assert_rating(r, KPI_RATING_ON_TRACK);
    assert_int_equal(kpi_result_unrated(r), KPI_UNRATED_NONE);
    assert_computed(r, KPI_RATING_NONE, KPI_UNRATED_QUALITATIVE);
    assert_int_equal(kpi_result_assessed(r), 1);
    assert_int_equal(kpi_result_assessment_date(r), 20170920);
    const kpi_result *g = result_of(fx, "G");
    assert_rated(g, KPI_RATING_ON_TRACK);
    assert_int_equal(kpi_result_count_rating(g, KPI_RATING_ON_TRACK), 1);
    assert_int_equal(kpi_result_count_unrated(g, KPI_UNRATED_QUALITATIVE), 0);
}

/* A goal's own latest assessment dated <= d overrides its roll-up exactly
 * as for targets, and its parent rolls up the effective rating. */
static void test_goal_assessment_overrides_rollup(void **state)
{
    fixture *fx = *state;
    const kpi_rating ahead2[] = {KPI_RATING_AHEAD, KPI_RATING_AHEAD};
    const kpi_rating no_data[] = {KPI_RATING_NONE};
    const kpi_rating ahead1[] = {KPI_RATING_AHEAD};
    kpi_goal *g1 = add_rated_goal(fx->plan, fx->goal, "G-1", ahead2, NULL, 2);
    assert_non_null(kpi_goal_add_assessment(g1, 20170915, KPI_RATING_BEHIND, "遅れあり"));
    kpi_goal *g2 = add_rated_goal(fx->plan, NULL, "H", no_data, NULL, 1);
    assert_non_null(kpi_goal_add_assessment(g2, 20170915, KPI_RATING_ON_TRACK, NULL));
    kpi_goal *g3 = add_rated_goal(fx->plan, NULL, "I", ahead1, NULL, 1);
    assert_non_null(
        kpi_goal_add_assessment(g3, 20171001, KPI_RATING_NOT_PROGRESSED, NULL));

    evaluate_as_of(fx, AS_OF);
    const kpi_result *r = result_of(fx, "G-1");
    assert_rating(r, KPI_RATING_BEHIND);
    assert_computed(r, KPI_RATING_AHEAD, KPI_UNRATED_NONE);
    assert_int_equal(kpi_result_assessed(r), 1);
    assert_int_equal(kpi_result_mismatch(r), 1);
    assert_int_equal(kpi_result_assessment_date(r), 20170915);
    assert_rated(result_of(fx, "G"), KPI_RATING_BEHIND); /* rolls up △, not ◎ */

    r = result_of(fx, "H");
    assert_rating(r, KPI_RATING_ON_TRACK);
    assert_computed(r, KPI_RATING_NONE, KPI_UNRATED_NO_RATED_CHILDREN);
    assert_int_equal(kpi_result_assessed(r), 1);

    r = result_of(fx, "I"); /* dated after d: ignored */
    assert_rated(r, KPI_RATING_AHEAD);

    /* The plan: (△, ○, ◎) → △ */
    assert_rated(kpi_evaluation_result_at(fx->ev, 0), KPI_RATING_BEHIND);
}

/* ------------------------------------------------------------------------ */
/* Roll-up                                                                   */
/* ------------------------------------------------------------------------ */

#define MAX_CHILDREN 6

struct rollup_case {
    const char *code;
    size_t n;
    kpi_rating children[MAX_CHILDREN]; /* NONE: a NO_DATA child */
    double weights[MAX_CHILDREN];      /* 0: the default weight 1 */
    kpi_rating want;
};

/* Builds one top-level goal per case, evaluates with `rollup` and checks
 * each goal's rating and its counts of children by rating and NO_DATA. */
static void check_rollup_cases(fixture *fx, kpi_rollup rollup,
                               const struct rollup_case *cases, size_t n)
{
    for (size_t i = 0; i < n; i++)
        add_rated_goal(fx->plan, NULL, cases[i].code, cases[i].children, cases[i].weights,
                       cases[i].n);
    assert_ok(kpi_policy_set_rollup(fx->policy, rollup));
    assert_int_equal(kpi_policy_rollup(fx->policy), rollup);
    evaluate_as_of(fx, AS_OF);
    for (size_t i = 0; i < n; i++) {
        const struct rollup_case *c = &cases[i];
        const kpi_result *g = result_of(fx, c->code);
        size_t counts[KPI_RATING_AHEAD + 1] = {0};
        assert_int_equal(kpi_result_child_count(g), c->n);
        for (size_t k = 0; k < c->n; k++) {
            const kpi_result *child = kpi_result_child_at(g, k);
            assert_non_null(child);
            if (c->children[k] == KPI_RATING_NONE)
                assert_unrated(child, KPI_UNRATED_NO_DATA);
            else
                assert_rating(child, c->children[k]); /* the helper did its job */
            counts[c->children[k]]++;
        }
        assert_rated(g, c->want);
        for (int k = KPI_RATING_NOT_PROGRESSED; k <= KPI_RATING_AHEAD; k++)
            assert_int_equal(kpi_result_count_rating(g, (kpi_rating)k), counts[k]);
        assert_int_equal(kpi_result_count_unrated(g, KPI_UNRATED_NO_DATA),
                         counts[KPI_RATING_NONE]);
    }
}

#define A_ KPI_RATING_AHEAD
#define O_ KPI_RATING_ON_TRACK
#define B_ KPI_RATING_BEHIND
#define X_ KPI_RATING_NOT_PROGRESSED
#define N_ KPI_RATING_NONE

/* CRITERIA: every rated child × → ×; any × or △ → △; every child ◎ → ◎;
 * otherwise ○. Unrated children are left out. */
static void test_rollup_criteria(void **state)
{
    static const struct rollup_case cases[] = {
        {"all-x", 2, {X_, X_}, {0}, X_},
        {"x-no-data", 2, {X_, N_}, {0}, X_},
        {"x-ahead", 2, {X_, A_}, {0}, B_},
        {"x-on", 3, {O_, X_, O_}, {0}, B_},
        {"behind-ahead", 2, {B_, A_}, {0}, B_},
        {"behind-on", 2, {O_, B_}, {0}, B_},
        {"behind-only", 1, {B_}, {0}, B_},
        {"all-ahead", 3, {A_, A_, A_}, {0}, A_},
        {"ahead-no-data", 2, {A_, N_}, {0}, A_},
        {"ahead-on-on", 3, {A_, O_, O_}, {0}, O_},
        {"all-on", 2, {O_, O_}, {0}, O_},
        {"on-no-data", 3, {N_, O_, N_}, {0}, O_},
    };
    check_rollup_cases(*state, KPI_ROLLUP_CRITERIA, cases,
                       sizeof cases / sizeof cases[0]);
}

/* WORST: the lowest child rating (◎ > ○ > △ > ×). */
static void test_rollup_worst(void **state)
{
    static const struct rollup_case cases[] = {
        {"a-o-b", 3, {A_, O_, B_}, {0}, B_},
        {"a-o", 2, {A_, O_}, {0}, O_},
        {"a-x", 2, {A_, X_}, {0}, X_}, /* CRITERIA would say △ */
        {"a", 1, {A_}, {0}, A_},
        {"o-no-data", 2, {O_, N_}, {0}, O_},
        {"b-b", 2, {B_, B_}, {0}, B_},
        {"x-x", 2, {X_, X_}, {0}, X_},
    };
    check_rollup_cases(*state, KPI_ROLLUP_WORST, cases, sizeof cases / sizeof cases[0]);
}

/* WEIGHTED: scores ◎3 ○2 △1 ×0, weighted mean m; m >= 2.5 → ◎, >= 1.5 → ○,
 * >= 0.5 → △, else ×; weights of targets and of goals. */
static void test_rollup_weighted(void **state)
{
    static const struct rollup_case cases[] = {
        {"m2.5", 2, {A_, O_}, {1, 1}, A_},
        {"m2.5-", 2, {A_, O_}, {0.499999, 0.500001}, O_},
        {"m1.5", 2, {O_, B_}, {1, 1}, O_},
        {"m1.5-", 2, {O_, B_}, {0.499999, 0.500001}, B_},
        {"m0.5", 2, {B_, X_}, {1, 1}, B_},
        {"m0.5-", 2, {B_, X_}, {0.499999, 0.500001}, X_},
        {"m3", 1, {A_}, {0}, A_},
        {"m0", 2, {X_, X_}, {0}, X_},
        {"m-no-data", 2, {A_, N_}, {0, 5}, A_},  /* the unrated weight is left out */
        {"m-weights", 2, {A_, B_}, {3, 1}, A_},  /* (9+1)/4 = 2.5; unweighted 2.0 */
        {"m-weights2", 2, {A_, B_}, {1, 3}, O_}, /* (3+3)/4 = 1.5 */
    };
    fixture *fx = *state;
    check_rollup_cases(fx, KPI_ROLLUP_WEIGHTED, cases, sizeof cases / sizeof cases[0]);

    /* Goal weights: P-1 (◎, weight 3) and P-2 (△, weight 1) → 2.5 → ◎. */
    const kpi_rating ahead[] = {A_};
    const kpi_rating behind[] = {B_};
    kpi_goal *p = NULL;
    assert_non_null(p = kpi_plan_add_goal(fx->plan, "P", NULL));
    kpi_goal *p1 = add_rated_goal(fx->plan, p, "P-1", ahead, NULL, 1);
    add_rated_goal(fx->plan, p, "P-2", behind, NULL, 1);
    assert_ok(kpi_goal_set_weight(p1, 3));
    evaluate_as_of(fx, AS_OF);
    assert_result_value(result_of(fx, "P-1"), weight, 3);
    assert_rated(result_of(fx, "P"), KPI_RATING_AHEAD);
    assert_ok(kpi_goal_set_weight(p1, 1)); /* (3+1)/2 = 2.0 → ○ */
    evaluate_as_of(fx, AS_OF);
    assert_rated(result_of(fx, "P"), KPI_RATING_ON_TRACK);
}

/* Unrated children are left out of the rating and counted by reason. */
static void test_rollup_unrated_children_counted(void **state)
{
    fixture *fx = *state;
    add_rated(fx->goal, "ahead", A_, 0);
    add_rated(fx->goal, "on", O_, 0);
    add_rated(fx->goal, "no-data-1", N_, 0);
    add_rated(fx->goal, "no-data-2", N_, 0);
    kpi_target *t = add_target(fx->goal, "incomplete", NAN);
    measure(t, AS_OF, 1);
    t = add_target(fx->goal, "invalid", 0);
    measure(t, AS_OF, 1);
    t = add_target(fx->goal, "qualitative", NAN);
    assert_ok(kpi_target_set_kind(t, KPI_KIND_QUALITATIVE));
    t = add_target(fx->goal, "not-due", NAN);
    assert_ok(kpi_target_set_kind(t, KPI_KIND_MILESTONE));
    assert_ok(kpi_target_set_due(t, 20171130));
    measure(t, AS_OF, 0);
    assert_non_null(kpi_goal_add_goal(fx->goal, "empty", NULL));

    evaluate_as_of(fx, AS_OF);
    const kpi_result *g = result_of(fx, "G");
    assert_rated(g, KPI_RATING_ON_TRACK);           /* (◎, ○) */
    assert_int_equal(kpi_result_child_count(g), 9); /* 8 targets, 1 goal */
    assert_int_equal(kpi_result_count_rating(g, KPI_RATING_AHEAD), 1);
    assert_int_equal(kpi_result_count_rating(g, KPI_RATING_ON_TRACK), 1);
    assert_int_equal(kpi_result_count_rating(g, KPI_RATING_BEHIND), 0);
    assert_int_equal(kpi_result_count_rating(g, KPI_RATING_NOT_PROGRESSED), 0);
    assert_int_equal(kpi_result_count_unrated(g, KPI_UNRATED_NO_DATA), 2);
    assert_int_equal(kpi_result_count_unrated(g, KPI_UNRATED_INCOMPLETE), 1);
    assert_int_equal(kpi_result_count_unrated(g, KPI_UNRATED_INVALID), 1);
    assert_int_equal(kpi_result_count_unrated(g, KPI_UNRATED_QUALITATIVE), 1);
    assert_int_equal(kpi_result_count_unrated(g, KPI_UNRATED_NOT_DUE), 1);
    assert_int_equal(kpi_result_count_unrated(g, KPI_UNRATED_NO_RATED_CHILDREN), 1);
}

/* No rated child → the goal is unrated, NO_RATED_CHILDREN. */
static void test_rollup_no_rated_children(void **state)
{
    fixture *fx = *state;
    const kpi_rating no_data[] = {N_, N_};
    add_rated_goal(fx->plan, NULL, "H", no_data, NULL, 2);
    kpi_target *t = add_target(fx->goal, "incomplete", NAN);
    measure(t, AS_OF, 1);
    add_rated(fx->goal, "no-data", N_, 0);
    assert_non_null(kpi_plan_add_goal(fx->plan, "empty", NULL));

    evaluate_as_of(fx, AS_OF);
    const kpi_result *g = result_of(fx, "G");
    assert_unrated_both(g, KPI_UNRATED_NO_RATED_CHILDREN);
    assert_int_equal(kpi_result_count_unrated(g, KPI_UNRATED_INCOMPLETE), 1);
    assert_int_equal(kpi_result_count_unrated(g, KPI_UNRATED_NO_DATA), 1);
    assert_unrated_both(result_of(fx, "H"), KPI_UNRATED_NO_RATED_CHILDREN);
    assert_int_equal(kpi_result_count_unrated(result_of(fx, "H"), KPI_UNRATED_NO_DATA),
                     2);
    assert_unrated_both(result_of(fx, "empty"), KPI_UNRATED_NO_RATED_CHILDREN);
    const kpi_result *plan = kpi_evaluation_result_at(fx->ev, 0);
    assert_unrated_both(plan, KPI_UNRATED_NO_RATED_CHILDREN);
    assert_int_equal(kpi_result_count_unrated(plan, KPI_UNRATED_NO_RATED_CHILDREN), 3);
}

/* The plan's rating is the roll-up of its top-level goals (only them). */
static void test_plan_rating_rolls_up_top_level_goals(void **state)
{
    fixture *fx = *state;
    const kpi_rating ahead3[] = {A_, A_, A_};
    const kpi_rating on[] = {O_};
    const kpi_rating x[] = {X_};
    add_rated(fx->goal, "G-a", A_, 0);                /* G: ◎ */
    add_rated_goal(fx->plan, NULL, "H", on, NULL, 1); /* H: ○ */
    kpi_goal *i = add_rated_goal(fx->plan, NULL, "I", ahead3, NULL, 3);
    add_rated_goal(fx->plan, i, "I-x", x, NULL, 1); /* I: (◎◎◎ ×) → △ */
    assert_non_null(kpi_plan_add_goal(fx->plan, "J", NULL)); /* no rated children */

    evaluate_as_of(fx, AS_OF);
    assert_rated(result_of(fx, "I"), KPI_RATING_BEHIND);
    const kpi_result *plan = kpi_evaluation_result_at(fx->ev, 0);
    assert_int_equal(kpi_result_object(plan), KPI_OBJECT_PLAN);
    assert_rated(plan, KPI_RATING_BEHIND); /* (◎, ○, △) */
    assert_int_equal(kpi_result_child_count(plan), 4);
    assert_int_equal(kpi_result_count_rating(plan, KPI_RATING_AHEAD), 1);
    assert_int_equal(kpi_result_count_rating(plan, KPI_RATING_ON_TRACK), 1);
    assert_int_equal(kpi_result_count_rating(plan, KPI_RATING_BEHIND), 1);
    assert_int_equal(kpi_result_count_rating(plan, KPI_RATING_NOT_PROGRESSED), 0);
    assert_int_equal(kpi_result_count_unrated(plan, KPI_UNRATED_NO_RATED_CHILDREN), 1);

    /* WORST applies at every level: I (◎◎◎ ×) → ×, so the plan is ×. */
    assert_ok(kpi_policy_set_rollup(fx->policy, KPI_ROLLUP_WORST));
    evaluate_as_of(fx, AS_OF);
    assert_rated(result_of(fx, "I"), KPI_RATING_NOT_PROGRESSED);
    assert_rated(kpi_evaluation_result_at(fx->ev, 0), KPI_RATING_NOT_PROGRESSED);

    /* An assessment ◎ of I changes what the plan rolls up: (◎, ○, ◎) → ○. */
    assert_ok(kpi_policy_set_rollup(fx->policy, KPI_ROLLUP_CRITERIA));
    kpi_goal *i_goal = NULL;
    assert_non_null(i_goal = kpi_plan_find_goal(fx->plan, "I"));
    assert_non_null(kpi_goal_add_assessment(i_goal, AS_OF, KPI_RATING_AHEAD, NULL));
    evaluate_as_of(fx, AS_OF);
    assert_rated(kpi_evaluation_result_at(fx->ev, 0), KPI_RATING_ON_TRACK);
}

/* Goals nest to any depth; ratings roll up through every level. */
static void test_rollup_nested_deeply(void **state)
{
    fixture *fx = *state;
    const kpi_rating x[] = {X_};
    const kpi_rating ahead[] = {A_};
    kpi_goal *l2 = add_rated_goal(fx->plan, fx->goal, "G-1", ahead, NULL, 1);
    kpi_goal *l3 = NULL;
    assert_non_null(l3 = kpi_goal_add_goal(l2, "G-1-1", NULL));
    kpi_goal *l4 = add_rated_goal(fx->plan, l3, "G-1-1-1", x, NULL, 1);
    assert_int_equal(kpi_goal_depth(l4), 4);

    evaluate_as_of(fx, AS_OF);
    const kpi_result *r = result_of(fx, "G-1-1-1-0");
    assert_int_equal(kpi_result_depth(r), 5);
    assert_rated(r, KPI_RATING_NOT_PROGRESSED);
    r = result_of(fx, "G-1-1-1");
    assert_int_equal(kpi_result_depth(r), 4);
    assert_rated(r, KPI_RATING_NOT_PROGRESSED);
    assert_rated(result_of(fx, "G-1-1"), KPI_RATING_NOT_PROGRESSED);
    r = result_of(fx, "G-1"); /* (◎ target, × goal) */
    assert_int_equal(kpi_result_depth(r), 2);
    assert_rated(r, KPI_RATING_BEHIND);
    assert_rated(result_of(fx, "G"), KPI_RATING_BEHIND);
    assert_rated(kpi_evaluation_result_at(fx->ev, 0), KPI_RATING_BEHIND);
}

/* ------------------------------------------------------------------------ */
/* Validation                                                                */
/* ------------------------------------------------------------------------ */

/* kpi_validate lists INCOMPLETE and INVALID problems with the object code
 * and a message naming it, at any depth, without evaluating. */
static void test_validate_lists_problems(void **state)
{
    fixture *fx = *state;
    kpi_goal *sub = NULL;
    add_target(fx->goal, "ok", 10);
    kpi_target *t = add_target(fx->goal, "no-t", NAN);
    t = add_target(fx->goal, "rel-no-r", NAN);
    assert_ok(kpi_target_set_change_pct(t, 10));
    t = add_target(fx->goal, "dec-no-s", 5);
    assert_ok(kpi_target_set_direction(t, KPI_DIRECTION_DECREASE));
    t = add_target(fx->goal, "t-le-s", 5);
    assert_ok(kpi_target_set_start_value(t, 10));
    t = add_target(fx->goal, "dec-t-ge-s", 12);
    assert_ok(kpi_target_set_direction(t, KPI_DIRECTION_DECREASE));
    assert_ok(kpi_target_set_start_value(t, 10));
    t = add_target(fx->goal, "due-before-start", 10);
    assert_ok(kpi_target_set_start(t, 20171001));
    assert_ok(kpi_target_set_due(t, 20170901));
    t = add_target(fx->goal, "qualitative", NAN);
    assert_ok(kpi_target_set_kind(t, KPI_KIND_QUALITATIVE));
    t = add_target(fx->goal, "milestone", NAN);
    assert_ok(kpi_target_set_kind(t, KPI_KIND_MILESTONE));
    assert_non_null(sub = kpi_goal_add_goal(fx->goal, "G-1", NULL));
    add_target(sub, "nested-no-t", NAN);

    static const struct {
        const char *code;
        kpi_unrated kind;
    } want[] = {
        {"no-t", KPI_UNRATED_INCOMPLETE},
        {"rel-no-r", KPI_UNRATED_INCOMPLETE},
        {"dec-no-s", KPI_UNRATED_INCOMPLETE},
        {"t-le-s", KPI_UNRATED_INVALID},
        {"dec-t-ge-s", KPI_UNRATED_INVALID},
        {"due-before-start", KPI_UNRATED_INVALID},
        {"nested-no-t", KPI_UNRATED_INCOMPLETE},
    };
    const size_t n_want = sizeof want / sizeof want[0];

    kpi_problems *problems = NULL;
    assert_ok(kpi_validate(&problems, fx->plan));
    assert_non_null(problems);
    size_t n = kpi_problems_count(problems);
    int seen[sizeof want / sizeof want[0]] = {0};
    for (size_t i = 0; i < n; i++) {
        const char *object = kpi_problems_object_at(problems, i);
        const char *message = kpi_problems_message_at(problems, i);
        assert_non_null(object);
        assert_non_null(message);
        size_t k = 0;
        while (k < n_want && strcmp(want[k].code, object) != 0)
            k++;
        if (k == n_want) {
            char copy[512]; /* copied: the list is freed before failing */
            snprintf(copy, sizeof copy, "\"%s\": %s", object, message);
            kpi_problems_free(problems);
            fail_msg("unexpected problem %s", copy);
        }
        seen[k]++;
        assert_int_equal(kpi_problems_kind_at(problems, i), want[k].kind);
        char quoted[80];
        snprintf(quoted, sizeof quoted, "\"%s\"", want[k].code);
        assert_non_null(strstr(message, quoted)); /* the message names the object */
    }
    kpi_problems_free(problems);
    assert_int_equal(n, n_want);
    for (size_t k = 0; k < n_want; k++)
        assert_int_equal(seen[k], 1);
}

/* A clean plan has no problems, also with no measurements (validation does
 * not evaluate: NO_DATA and NOT_DUE are not problems). */
static void test_validate_clean_plan(void **state)
{
    fixture *fx = *state;
    kpi_problems *problems = NULL;
    assert_ok(kpi_validate(&problems, fx->plan)); /* the seed, with figures */
    assert_int_equal(kpi_problems_count(problems), 0);
    kpi_problems_free(problems);
    problems = NULL;

    kpi_goal *g = NULL;
    assert_ok(kpi_plan_new(&fx->other_plan, "clean"));
    assert_non_null(g = kpi_plan_add_goal(fx->other_plan, "G", NULL));
    add_target(g, "t", 10);
    kpi_target *ms = add_target(g, "ms", NAN);
    assert_ok(kpi_target_set_kind(ms, KPI_KIND_MILESTONE));
    kpi_target *dec = add_target(g, "dec", 5);
    assert_ok(kpi_target_set_direction(dec, KPI_DIRECTION_DECREASE));
    assert_ok(kpi_target_set_start_value(dec, 10));
    assert_ok(kpi_validate(&problems, fx->other_plan));
    assert_int_equal(kpi_problems_count(problems), 0);
    kpi_problems_free(problems);
}

/* ------------------------------------------------------------------------ */
/* Reason lines                                                              */
/* ------------------------------------------------------------------------ */

/* The spec's example line, exactly. */
static void test_reason_line_japanese(void **state)
{
    fixture *fx = *state;
    evaluate_as_of(fx, AS_OF);
    const kpi_result *r = result_of(fx, "3-2-a");
    assert_string_equal(kpi_result_unit(r), "件");
    assert_string_equal(kpi_result_reason(r, KPI_LANG_JA),
                        "32件 / 目標30件以上 (107%), 期待値15.0 (経過50%) → ◎");
    /* Goals carry a reason line ending in their rating too. */
    assert_non_null(strstr(kpi_result_reason(result_of(fx, "3"), KPI_LANG_JA), "→ △"));
}

/* The language asked for chooses the text (KPI_LANG_EN). */
static void test_reason_line_english(void **state)
{
    fixture *fx = *state;
    evaluate_as_of(fx, AS_OF);
    const char *reason = kpi_result_reason(result_of(fx, "3-2-a"), KPI_LANG_EN);
    assert_non_null(strstr(reason, "target"));
    assert_non_null(strstr(reason, "→ ◎"));
    assert_non_null(strstr(reason, "32"));
    assert_null(strstr(reason, "目標"));
    assert_null(strstr(reason, "期待値"));
}

/* An unrated result's line names its reason (kpi_unrated_label). */
static void test_reason_line_unrated(void **state)
{
    fixture *fx = *state;
    kpi_goal *empty = NULL;
    assert_non_null(empty = kpi_plan_add_goal(fx->plan, "empty", NULL));
    const struct {
        const char *code;
        kpi_unrated why;
    } cases[] = {
        {"3-3-b", KPI_UNRATED_NO_DATA},
        {"4-2-b", KPI_UNRATED_NOT_DUE},
        {"empty", KPI_UNRATED_NO_RATED_CHILDREN},
    };
    const kpi_lang langs[] = {KPI_LANG_JA, KPI_LANG_EN};
    evaluate_as_of(fx, AS_OF);
    for (size_t l = 0; l < 2; l++) {
        for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
            const kpi_result *r = result_of(fx, cases[i].code);
            const char *label = kpi_unrated_label(cases[i].why, langs[l]);
            assert_true(strlen(label) > 0);
            if (!strstr(kpi_result_reason(r, langs[l]), label))
                fail_msg("\"%s\": reason \"%s\" does not name \"%s\"", cases[i].code,
                         kpi_result_reason(r, langs[l]), label);
        }
    }
}

/* ------------------------------------------------------------------------ */
/* The evaluation as an object                                               */
/* ------------------------------------------------------------------------ */

/* An evaluation is a snapshot: later changes to the plan do not reach it,
 * and it stays readable after the plan is freed. */
static void test_evaluation_is_snapshot(void **state)
{
    fixture *fx = *state;
    evaluate_as_of(fx, AS_OF);

    kpi_target *t = NULL;
    kpi_goal *g3 = NULL;
    assert_non_null(t = kpi_plan_find_target(fx->plan, "3-2-a"));
    assert_non_null(g3 = kpi_plan_find_goal(fx->plan, "3"));
    measure(t, AS_OF, 40);
    assert_ok(kpi_target_set_label(t, "changed"));
    assert_non_null(kpi_goal_add_assessment(g3, AS_OF, KPI_RATING_AHEAD, NULL));
    assert_result_value(result_of(fx, "3-2-a"), actual, 32);
    assert_rated(result_of(fx, "3"), KPI_RATING_BEHIND);

    kpi_plan_free(fx->plan);
    fx->plan = NULL;

    size_t n = kpi_evaluation_result_count(fx->ev);
    assert_int_equal(n, 1 + 8 + N_SEED_TARGETS);
    size_t total = 0;
    for (size_t i = 0; i < n; i++) {
        const kpi_result *r = kpi_evaluation_result_at(fx->ev, i);
        assert_non_null(r);
        total += strlen(kpi_result_code(r)) + strlen(kpi_result_title(r)) +
                 strlen(kpi_result_reason(r, KPI_LANG_JA)) + strlen(kpi_result_unit(r));
        assert_true(strlen(kpi_result_code(r)) > 0);
        assert_true(strlen(kpi_result_reason(r, KPI_LANG_JA)) > 0);
    }
    assert_true(total > 0);
    const kpi_result *r = result_of(fx, "3-2-a");
    assert_string_equal(kpi_result_title(r), "物件登録件数");
    assert_string_equal(kpi_result_reason(r, KPI_LANG_JA),
                        "32件 / 目標30件以上 (107%), 期待値15.0 (経過50%) → ◎");
    r = result_of(fx, PLAN_ID);
    assert_string_equal(kpi_result_title(r), "平成29年度重点目標");
    assert_string_equal(kpi_result_title(result_of(fx, "3")),
                        "移住・定住推進による活力ある都市づくり");
    kpi_evaluation_free(fx->ev);
    fx->ev = NULL;
}

/* Evaluating twice gives identical results and does not change the plan. */
static void test_evaluation_is_repeatable(void **state)
{
    fixture *fx = *state;
    kpi_target *t = NULL;
    kpi_goal *g = NULL;
    assert_non_null(t = kpi_plan_find_target(fx->plan, "3-1-a"));
    assert_non_null(kpi_target_add_assessment(t, 20170915, KPI_RATING_ON_TRACK, NULL));
    assert_non_null(g = kpi_plan_find_goal(fx->plan, "3-3"));
    assert_non_null(kpi_goal_add_assessment(g, 20170915, KPI_RATING_BEHIND, NULL));

    size_t goals = kpi_plan_total_goal_count(fx->plan);
    size_t targets = kpi_plan_total_target_count(fx->plan);
    size_t measurements[N_SEED_TARGETS], assessments[N_SEED_TARGETS];
    for (size_t i = 0; i < N_SEED_TARGETS; i++) {
        assert_non_null(t = kpi_plan_find_target(fx->plan, seed_targets[i].code));
        measurements[i] = kpi_target_measurement_count(t);
        assessments[i] = kpi_target_assessment_count(t);
    }

    evaluate_as_of(fx, AS_OF);
    assert_ok(kpi_evaluate(&fx->other_ev, fx->plan, AS_OF, fx->policy));
    char why[512] = "";
    if (!same_results(fx->ev, fx->other_ev, why, sizeof why))
        fail_msg("two evaluations differ: %s", why);

    assert_int_equal(kpi_plan_total_goal_count(fx->plan), goals);
    assert_int_equal(kpi_plan_total_target_count(fx->plan), targets);
    assert_int_equal(kpi_goal_assessment_count(g), 1);
    for (size_t i = 0; i < N_SEED_TARGETS; i++) {
        const struct seed_target *s = &seed_targets[i];
        assert_non_null(t = kpi_plan_find_target(fx->plan, s->code));
        assert_int_equal(kpi_target_measurement_count(t), measurements[i]);
        assert_int_equal(kpi_target_assessment_count(t), assessments[i]);
        assert_int_equal(kpi_target_schedule(t), KPI_SCHEDULE_DEFAULT);
        assert_int_equal(kpi_target_start(t), 0);
        assert_int_equal(kpi_target_due(t), s->due);
        assert_true(isnan(kpi_target_start_value(t)));
        if (isnan(s->value))
            assert_true(isnan(kpi_target_value(t)));
        else
            assert_close(kpi_target_value(t), s->value);
    }
    assert_int_equal(kpi_plan_start(fx->plan), 20170401);
    assert_int_equal(kpi_plan_end(fx->plan), 20180331);
}

/* Results are a tree in plan order: the plan first (depth 0), then each
 * goal, its targets, then its child goals, depth first. */
static void test_result_tree(void **state)
{
    fixture *fx = *state;
    kpi_goal *sub = NULL, *h = NULL;
    kpi_target *t1 = add_target(fx->goal, "G-t1", 10);
    assert_non_null(sub = kpi_goal_add_goal(fx->goal, "G-1", "sub goal"));
    add_target(sub, "G-1-t", 10);
    add_target(fx->goal, "G-t2", 10); /* added after G-1, still listed before it */
    assert_non_null(h = kpi_plan_add_goal(fx->plan, "H", "goal H"));
    add_target(h, "H-t", 10);
    assert_ok(kpi_goal_set_weight(fx->goal, 2));
    assert_ok(kpi_target_set_weight(t1, 0.5));

    evaluate_as_of(fx, AS_OF);
    static const struct {
        const char *code;
        kpi_object kind;
        int32_t depth;
        const char *parent; /* NULL: none */
        size_t children;
    } want[] = {
        {PLAN_ID, KPI_OBJECT_PLAN, 0, NULL, 2}, {"G", KPI_OBJECT_GOAL, 1, PLAN_ID, 3},
        {"G-t1", KPI_OBJECT_TARGET, 2, "G", 0}, {"G-t2", KPI_OBJECT_TARGET, 2, "G", 0},
        {"G-1", KPI_OBJECT_GOAL, 2, "G", 1},    {"G-1-t", KPI_OBJECT_TARGET, 3, "G-1", 0},
        {"H", KPI_OBJECT_GOAL, 1, PLAN_ID, 1},  {"H-t", KPI_OBJECT_TARGET, 2, "H", 0},
    };
    const size_t n = sizeof want / sizeof want[0];
    assert_int_equal(kpi_evaluation_result_count(fx->ev), n);
    assert_null(kpi_evaluation_result_at(fx->ev, n));
    size_t child_total = 0;
    for (size_t i = 0; i < n; i++) {
        const kpi_result *r = kpi_evaluation_result_at(fx->ev, i);
        assert_non_null(r);
        assert_string_equal(kpi_result_code(r), want[i].code);
        assert_int_equal(kpi_result_object(r), want[i].kind);
        assert_int_equal(kpi_result_depth(r), want[i].depth);
        assert_int_equal(kpi_result_child_count(r), want[i].children);
        assert_null(kpi_result_child_at(r, want[i].children));
        const kpi_result *parent = kpi_result_parent(r);
        if (!want[i].parent) {
            assert_null(parent);
            continue;
        }
        assert_non_null(parent);
        assert_string_equal(kpi_result_code(parent), want[i].parent);
        assert_int_equal(kpi_result_depth(parent), want[i].depth - 1);
        int found = 0; /* the parent lists it among its children */
        for (size_t k = 0; k < kpi_result_child_count(parent); k++)
            found += kpi_result_child_at(parent, k) == r;
        assert_int_equal(found, 1);
        child_total += 1;
    }
    assert_int_equal(child_total, n - 1);

    /* Children of G: targets first, then goals. */
    const kpi_result *g = result_of(fx, "G");
    assert_string_equal(kpi_result_code(kpi_result_child_at(g, 0)), "G-t1");
    assert_string_equal(kpi_result_code(kpi_result_child_at(g, 1)), "G-t2");
    assert_string_equal(kpi_result_code(kpi_result_child_at(g, 2)), "G-1");
    assert_ptr_equal(kpi_evaluation_result_at(fx->ev, 0), result_of(fx, PLAN_ID));
    assert_result_value(g, weight, 2);
    assert_result_value(result_of(fx, "G-t1"), weight, 0.5);
    assert_result_value(kpi_evaluation_result_at(fx->ev, 0), weight, 1);
    assert_string_equal(kpi_result_title(result_of(fx, "G-1")), "sub goal");
}

/* kpi_evaluation_find: goals, targets and the plan id; NOT_FOUND otherwise. */
static void test_find_by_code(void **state)
{
    fixture *fx = *state;
    evaluate_as_of(fx, AS_OF);
    for (size_t i = 0; i < kpi_evaluation_result_count(fx->ev); i++) {
        const kpi_result *r = kpi_evaluation_result_at(fx->ev, i);
        const kpi_result *found = NULL;
        assert_non_null(found = kpi_evaluation_find(fx->ev, kpi_result_code(r)));
        assert_ptr_equal(found, r);
    }
    assert_int_equal(kpi_result_object(result_of(fx, PLAN_ID)), KPI_OBJECT_PLAN);
    assert_int_equal(kpi_result_object(result_of(fx, "3-1")), KPI_OBJECT_GOAL);
    assert_int_equal(kpi_result_object(result_of(fx, "3-1-b")), KPI_OBJECT_TARGET);
    assert_string_equal(kpi_result_title(result_of(fx, "3-1-b")),
                        "大都市部で相談窓口を定期開催");

    const kpi_result *found = kpi_evaluation_result_at(fx->ev, 0);
    REFUSED_NULL(KPI_ERR_NOT_FOUND, found = kpi_evaluation_find(fx->ev, "9-9"));
    assert_null(found);
    REFUSED_NULL(KPI_ERR_NOT_FOUND, found = kpi_evaluation_find(fx->ev, ""));
    REFUSED_NULL(KPI_ERR_NOT_FOUND, found = kpi_evaluation_find(fx->ev, "3-2-A"));
    REFUSED_NULL(KPI_ERR_ARGUMENT, found = kpi_evaluation_find(fx->ev, NULL));
}

/* ------------------------------------------------------------------------ */
/* Threads                                                                   */
/* ------------------------------------------------------------------------ */

#define N_THREADS 8
#define N_ROUNDS 20

struct thread_job {
    const kpi_plan *plan;
    const kpi_policy *policy;
    const kpi_evaluation *reference;
    pthread_barrier_t *start;
    kpi_evaluation *last; /* the last evaluation, for the main thread */
    int rc;
    int differences;
    char why[512];
};

/* Evaluates N_ROUNDS times and compares each with the reference; no cmocka
 * assertion here (they are not thread-safe). */
static void *evaluate_job(void *arg)
{
    struct thread_job *job = arg;
    pthread_barrier_wait(job->start);
    for (int round = 0; round < N_ROUNDS; round++) {
        kpi_evaluation_free(job->last);
        job->last = NULL;
        job->rc = kpi_evaluate(&job->last, job->plan, AS_OF, job->policy);
        if (job->rc != KPI_OK)
            return NULL;
        if (!same_results(job->last, job->reference, job->why, sizeof job->why))
            job->differences++;
    }
    return NULL;
}

/* Several threads may evaluate one plan at once, and share a policy. */
static void test_concurrent_evaluations(void **state)
{
    fixture *fx = *state;
    kpi_target *t = NULL;
    assert_non_null(t = kpi_plan_find_target(fx->plan, "3-1-c"));
    assert_non_null(kpi_target_add_assessment(t, 20170915, KPI_RATING_AHEAD, NULL));
    evaluate_as_of(fx, AS_OF); /* the reference */

    pthread_barrier_t start;
    assert_int_equal(pthread_barrier_init(&start, NULL, N_THREADS), 0);
    struct thread_job jobs[N_THREADS];
    pthread_t threads[N_THREADS];
    memset(jobs, 0, sizeof jobs);
    size_t started = 0;
    for (size_t i = 0; i < N_THREADS; i++) {
        jobs[i].plan = fx->plan;
        jobs[i].policy = fx->policy;
        jobs[i].reference = fx->ev;
        jobs[i].start = &start;
        if (pthread_create(&threads[i], NULL, evaluate_job, &jobs[i]) != 0)
            break;
        started++;
    }
    assert_int_equal(started, N_THREADS); /* else the barrier would never open */
    for (size_t i = 0; i < started; i++)
        pthread_join(threads[i], NULL);
    pthread_barrier_destroy(&start);

    int failed = 0;
    char why[600] = "";
    for (size_t i = 0; i < N_THREADS; i++) {
        if (jobs[i].rc != KPI_OK || jobs[i].differences || !jobs[i].last) {
            if (!failed)
                snprintf(why, sizeof why, "thread %zu: rc %d, %d differences: %s", i,
                         jobs[i].rc, jobs[i].differences, jobs[i].why);
            failed = 1;
            continue;
        }
        /* Every thread's ratings equal the reference's, result by result. */
        for (size_t k = 0; k < kpi_evaluation_result_count(fx->ev); k++) {
            const kpi_result *a = kpi_evaluation_result_at(fx->ev, k);
            const kpi_result *b = kpi_evaluation_result_at(jobs[i].last, k);
            if (!b || kpi_result_rating(a) != kpi_result_rating(b) ||
                kpi_result_computed_rating(a) != kpi_result_computed_rating(b) ||
                kpi_result_unrated(a) != kpi_result_unrated(b)) {
                failed = 1;
                snprintf(why, sizeof why, "thread %zu: result %zu differs", i, k);
            }
        }
    }
    for (size_t i = 0; i < N_THREADS; i++)
        kpi_evaluation_free(jobs[i].last);
    if (failed)
        fail_msg("concurrent evaluations differ: %s", why);
    assert_rating(result_of(fx, "3-1-c"), KPI_RATING_AHEAD);
    assert_rated(result_of(fx, "3-2"), KPI_RATING_AHEAD);
}

/* ------------------------------------------------------------------------ */

#define PLAN_TEST(f) cmocka_unit_test_setup_teardown(f, setup_plan, teardown)
#define SEED_TEST(f) cmocka_unit_test_setup_teardown(f, setup_seed, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        SEED_TEST(test_worked_examples_targets),
        SEED_TEST(test_worked_examples_rollup),
        PLAN_TEST(test_elapsed_both_ends_inclusive),
        PLAN_TEST(test_elapsed_clamped),
        PLAN_TEST(test_elapsed_target_dates_override_plan),
        PLAN_TEST(test_elapsed_plan_period),
        PLAN_TEST(test_thresholds_default),
        PLAN_TEST(test_thresholds_custom),
        PLAN_TEST(test_schedule_linear),
        PLAN_TEST(test_schedule_step),
        PLAN_TEST(test_schedule_level),
        PLAN_TEST(test_schedule_defaults),
        PLAN_TEST(test_nothing_expected_yet),
        PLAN_TEST(test_accumulate_latest),
        PLAN_TEST(test_accumulate_sum),
        PLAN_TEST(test_decrease_targets),
        PLAN_TEST(test_relative_targets),
        PLAN_TEST(test_achievement),
        PLAN_TEST(test_unrated_qualitative),
        PLAN_TEST(test_unrated_incomplete),
        PLAN_TEST(test_unrated_invalid),
        PLAN_TEST(test_unrated_no_data),
        PLAN_TEST(test_unrated_not_due),
        PLAN_TEST(test_unrated_precedence),
        PLAN_TEST(test_recording_refuses_bad_values),
        PLAN_TEST(test_assessment_overrides_computed),
        PLAN_TEST(test_assessment_latest_and_same_date),
        PLAN_TEST(test_assessment_after_as_of_ignored),
        PLAN_TEST(test_assessment_ignored_by_policy),
        PLAN_TEST(test_assessment_rates_qualitative),
        PLAN_TEST(test_goal_assessment_overrides_rollup),
        PLAN_TEST(test_rollup_criteria),
        PLAN_TEST(test_rollup_worst),
        PLAN_TEST(test_rollup_weighted),
        PLAN_TEST(test_rollup_unrated_children_counted),
        PLAN_TEST(test_rollup_no_rated_children),
        PLAN_TEST(test_plan_rating_rolls_up_top_level_goals),
        PLAN_TEST(test_rollup_nested_deeply),
        PLAN_TEST(test_validate_lists_problems),
        SEED_TEST(test_validate_clean_plan),
        SEED_TEST(test_reason_line_japanese),
        SEED_TEST(test_reason_line_english),
        SEED_TEST(test_reason_line_unrated),
        SEED_TEST(test_evaluation_is_snapshot),
        SEED_TEST(test_evaluation_is_repeatable),
        PLAN_TEST(test_result_tree),
        SEED_TEST(test_find_by_code),
        SEED_TEST(test_concurrent_evaluations),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
