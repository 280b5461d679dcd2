/* The fixture and helpers of evaluate_support.h, shared by the
 * test_evaluate_*.c programs. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kpi.h"
#include "check.h"
#include "evaluate_support.h"

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

const struct seed_target seed_targets[] = {
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
int setup_plan(void **state)
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
int setup_seed(void **state)
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

int fixture_teardown(void **state)
{
    fixture_free(*state);
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Building and evaluating                                                   */
/* ------------------------------------------------------------------------ */

/* Evaluates fx->plan with fx->policy; earlier results become invalid. */
void evaluate_as_of(fixture *fx, int32_t as_of)
{
    kpi_evaluation_free(fx->ev);
    fx->ev = NULL;
    assert_ok(kpi_evaluate(&fx->ev, fx->plan, as_of, fx->policy));
    assert_non_null(fx->ev);
    assert_int_equal(kpi_evaluation_as_of(fx->ev), as_of);
}

const kpi_result *find_in(const kpi_evaluation *ev, const char *code)
{
    const kpi_result *r = NULL;
    int rc = (r = kpi_evaluation_find(ev, code)) ? KPI_OK : kpi_error_code();
    if (rc != KPI_OK || !r)
        fail_msg("no result for \"%s\": %s", code, kpi_error_name(rc));
    return r;
}

const kpi_result *result_of(const fixture *fx, const char *code)
{
    return find_in(fx->ev, code);
}

/* A NUMERIC, INCREASE target with T (NaN: none). */
kpi_target *add_target(kpi_goal *goal, const char *code, double value)
{
    kpi_target *t = NULL;
    assert_non_null(t = kpi_goal_add_target(goal, code, code));
    if (!isnan(value))
        assert_ok(kpi_target_set_value(t, value));
    return t;
}

void measure(kpi_target *t, int32_t date, double value)
{
    assert_non_null(kpi_target_add_measurement(t, date, value, NULL));
}

/* A LEVEL target (E = T at every date, so r = g(A)/g(T)) with one figure A
 * dated AS_OF. */
kpi_target *add_level(kpi_goal *goal, const char *code, double value, double actual)
{
    kpi_target *t = add_target(goal, code, value);
    assert_ok(kpi_target_set_schedule(t, KPI_SCHEDULE_LEVEL));
    measure(t, AS_OF, actual);
    return t;
}

/* A LEVEL target T = 100 whose figure gives it `rating`: ◎ 120 (r 1.2),
 * ○ 100 (r 1), △ 50, × 0; KPI_RATING_NONE: no figure at all (NO_DATA). */
kpi_target *add_rated(kpi_goal *goal, const char *code, kpi_rating rating, double weight)
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
kpi_goal *add_rated_goal(kpi_plan *plan, kpi_goal *parent, const char *code,
                         const kpi_rating *ratings, const double *weights, size_t n)
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
