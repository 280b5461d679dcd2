/*
 * test_evaluate_threads.c: kpi_evaluate() on several threads
 * (kpi_policy_set_threads()) gives the evaluation one thread gives.
 * - the policy's thread count: default, range, errors, copied into the
 *   evaluation;
 * - the seed and a synthetic plan large enough to be cut into many units
 *   (a goal of thousands of targets cut into runs, goals whose subtrees
 *   are cut, small subtrees, thousands of directives), evaluated with 1, 2
 *   and 8 threads: every field of every result and every reason line is
 *   the same, and every format renders to the same bytes in both
 *   languages, with each roll-up rule;
 * - several callers evaluating the same plan at once, each on threads.
 * Also built under ThreadSanitizer by tests/run.sh.
 * Run from the repository root (ctest does).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "kpi.h"
#include "seed.h"

#define AS_OF 20170930
#define CALLERS 3

/* ---- A plan of every shape the cut knows ------------------------------ */

/* Target i of a goal: one of the kinds a national plan holds, with
 * figures, updates and assessments on some. */
static void fill_target(kpi_target *t, int i)
{
    static const char *const units[] = {"件", "回", "%", "人", ""};
    assert_int_equal(kpi_target_set_unit(t, units[i % 5]), KPI_OK);
    if (i % 3 == 0)
        assert_int_equal(kpi_target_set_text(t, "物件登録件数30件以上"), KPI_OK);
    switch (i % 7) {
    case 0: /* numeric, increasing */
    case 1:
        assert_int_equal(kpi_target_set_value(t, 30 + i % 11), KPI_OK);
        break;
    case 2: /* decreasing from a start value */
        assert_int_equal(kpi_target_set_direction(t, KPI_DIRECTION_DECREASE), KPI_OK);
        assert_int_equal(kpi_target_set_start_value(t, 100), KPI_OK);
        assert_int_equal(kpi_target_set_value(t, 60), KPI_OK);
        break;
    case 3: /* a milestone */
        assert_int_equal(kpi_target_set_kind(t, KPI_KIND_MILESTONE), KPI_OK);
        break;
    case 4: /* qualitative: never rated */
        assert_int_equal(kpi_target_set_kind(t, KPI_KIND_QUALITATIVE), KPI_OK);
        break;
    case 5: /* a running total */
        assert_int_equal(kpi_target_set_accumulate(t, KPI_ACCUMULATE_SUM), KPI_OK);
        assert_int_equal(kpi_target_set_start_value(t, 0), KPI_OK);
        assert_int_equal(kpi_target_set_value(t, 120), KPI_OK);
        break;
    default: /* incomplete: no value */
        break;
    }
    assert_int_equal(kpi_target_set_weight(t, 1 + i % 3), KPI_OK);
    int numeric = i % 7 != 3 && i % 7 != 4;
    for (int month = 4; month <= 9 && numeric && i % 4 != 1; month += 1 + i % 3)
        assert_non_null(kpi_target_add_measurement(t, 20170000 + month * 100 + 28,
                                                   i % 13 + month, NULL));
    if (i % 5 == 2) {
        kpi_update *u = kpi_target_add_update(t, 20170915, "10月に開催予定");
        assert_non_null(u);
        assert_int_equal(kpi_update_set_status(u, KPI_STATUS_SCHEDULED, 20171015),
                         KPI_OK);
    }
    if (i % 9 == 4)
        assert_non_null(kpi_target_add_assessment(t, 20170920, KPI_RATING_BEHIND, NULL));
}

static void add_targets(kpi_goal *goal, const char *prefix, int count)
{
    for (int i = 0; i < count; i++) {
        char code[64];
        snprintf(code, sizeof code, "%s-%d", prefix, i);
        kpi_target *t = kpi_goal_add_target(goal, code, code + 1);
        assert_non_null(t);
        fill_target(t, i);
    }
}

static kpi_goal *add_goal(kpi_plan *plan, kpi_goal *parent, const char *code)
{
    kpi_goal *g = parent ? kpi_goal_add_goal(parent, code, "施策の方向")
                         : kpi_plan_add_goal(plan, code, "重点目標");
    assert_non_null(g);
    return g;
}

/* One goal of 4,500 targets (cut into runs), two goals whose subtrees
 * exceed a unit (cut, their child goals whole), twenty small goals, an
 * empty one, and 2,100 directives (more than one unit of them). */
static kpi_plan *large_plan(void)
{
    kpi_plan *plan = NULL;
    assert_int_equal(kpi_plan_new(&plan, "threads"), KPI_OK);
    assert_int_equal(kpi_plan_set_fiscal_year(plan, 2017), KPI_OK);
    assert_int_equal(kpi_plan_set_report_date(plan, AS_OF), KPI_OK);
    assert_int_equal(kpi_plan_add_note(plan, NULL, "評価基準: ◎ ○ △ ×"), KPI_OK);
    kpi_goal *big = add_goal(plan, NULL, "A");
    add_targets(big, "A", 4500);
    for (int j = 0; j < 2; j++) {
        char code[16];
        snprintf(code, sizeof code, "A-%d", j + 9000);
        add_targets(add_goal(plan, big, code), code, 30);
    }
    for (int b = 0; b < 2; b++) {
        char code[16];
        snprintf(code, sizeof code, "B%d", b);
        kpi_goal *g = add_goal(plan, NULL, code);
        assert_int_equal(kpi_goal_set_weight(g, 2), KPI_OK);
        for (int j = 0; j < 3; j++) {
            char sub[16];
            snprintf(sub, sizeof sub, "B%d-%d", b, j);
            add_targets(add_goal(plan, g, sub), sub, 700);
        }
    }
    for (int c = 0; c < 20; c++) {
        char code[16];
        snprintf(code, sizeof code, "C%d", c);
        add_targets(add_goal(plan, NULL, code), code, 10);
    }
    add_goal(plan, NULL, "E");
    for (int d = 0; d < 2100; d++) {
        char code[16];
        snprintf(code, sizeof code, "D%d", d);
        kpi_directive *dir = kpi_plan_add_directive(plan, code, "早期に着手すること");
        assert_non_null(dir);
        assert_int_equal(kpi_directive_set_date(dir, 20170401 + (d % 5) * 100), KPI_OK);
        assert_int_equal(kpi_directive_add_goal(dir, kpi_plan_find_goal(plan, "C3")),
                         KPI_OK);
        if (d % 4 == 0)
            assert_non_null(kpi_directive_add_update(dir, 20170901, "対応済み"));
    }
    return plan;
}

/* ---- Comparing evaluations -------------------------------------------- */

static void same_string(const char *a, const char *b, const char *code, const char *what)
{
    if (strcmp(a, b) != 0)
        fail_msg("\"%s\": %s differs: \"%s\" / \"%s\"", code, what, a, b);
}

/* Doubles compared bit for bit: NaN equals NaN, and the last digit counts. */
static void same_double(double a, double b, const char *code, const char *what)
{
    if (memcmp(&a, &b, sizeof a) != 0)
        fail_msg("\"%s\": %s differs: %.17g / %.17g", code, what, a, b);
}

static void same_numbers(const kpi_result *a, const kpi_result *b)
{
    const char *code = kpi_result_code(a);
    double (*const doubles[])(const kpi_result *) = {
        kpi_result_weight, kpi_result_actual,      kpi_result_expected,
        kpi_result_value,  kpi_result_start_value, kpi_result_elapsed,
        kpi_result_pace,   kpi_result_achievement};
    for (size_t i = 0; i < sizeof doubles / sizeof *doubles; i++)
        same_double(doubles[i](a), doubles[i](b), code, "a number");
    int32_t (*const dates[])(const kpi_result *) = {kpi_result_depth,
                                                    kpi_result_assessment_date,
                                                    kpi_result_measured,
                                                    kpi_result_start,
                                                    kpi_result_due,
                                                    kpi_result_planned,
                                                    kpi_result_status_date,
                                                    kpi_result_update_date,
                                                    kpi_result_update_planned,
                                                    kpi_result_issued,
                                                    kpi_result_days_open};
    for (size_t i = 0; i < sizeof dates / sizeof *dates; i++)
        assert_int_equal(dates[i](a), dates[i](b));
    int (*const flags[])(const kpi_result *) = {
        kpi_result_assessed, kpi_result_mismatch,        kpi_result_figure_inferred,
        kpi_result_open,     kpi_result_status_inferred, kpi_result_overdue};
    for (size_t i = 0; i < sizeof flags / sizeof *flags; i++)
        assert_int_equal(flags[i](a), flags[i](b));
}

static void same_kinds(const kpi_result *a, const kpi_result *b)
{
    assert_int_equal(kpi_result_object(a), kpi_result_object(b));
    assert_int_equal(kpi_result_rating(a), kpi_result_rating(b));
    assert_int_equal(kpi_result_computed_rating(a), kpi_result_computed_rating(b));
    assert_int_equal(kpi_result_unrated(a), kpi_result_unrated(b));
    assert_int_equal(kpi_result_computed_unrated(a), kpi_result_computed_unrated(b));
    assert_int_equal(kpi_result_target_kind(a), kpi_result_target_kind(b));
    assert_int_equal(kpi_result_direction(a), kpi_result_direction(b));
    assert_int_equal(kpi_result_inferred(a), kpi_result_inferred(b));
    assert_int_equal(kpi_result_status(a), kpi_result_status(b));
    assert_int_equal(kpi_result_update_status(a), kpi_result_update_status(b));
    for (int r = KPI_RATING_NOT_PROGRESSED; r <= KPI_RATING_AHEAD; r++)
        assert_int_equal(kpi_result_count_rating(a, (kpi_rating)r),
                         kpi_result_count_rating(b, (kpi_rating)r));
    for (int u = KPI_UNRATED_NONE + 1; u <= KPI_UNRATED_CANCELLED; u++)
        assert_int_equal(kpi_result_count_unrated(a, (kpi_unrated)u),
                         kpi_result_count_unrated(b, (kpi_unrated)u));
}

/* The code of a related result, "" for none. */
static const char *code_of(const kpi_result *r)
{
    return r ? kpi_result_code(r) : "";
}

static void same_links(const kpi_result *a, const kpi_result *b)
{
    const char *code = kpi_result_code(a);
    same_string(code_of(kpi_result_parent(a)), code_of(kpi_result_parent(b)), code,
                "parent");
    assert_int_equal(kpi_result_child_count(a), kpi_result_child_count(b));
    for (size_t i = 0; i < kpi_result_child_count(a); i++)
        same_string(code_of(kpi_result_child_at(a, i)),
                    code_of(kpi_result_child_at(b, i)), code, "child");
    assert_int_equal(kpi_result_goal_count(a), kpi_result_goal_count(b));
    for (size_t i = 0; i < kpi_result_goal_count(a); i++)
        same_string(kpi_result_goal_code_at(a, i), kpi_result_goal_code_at(b, i), code,
                    "goal addressed");
}

/* a of evaluation ea against b of eb. */
static void same_result(const kpi_evaluation *ea, const kpi_result *a,
                        const kpi_evaluation *eb, const kpi_result *b)
{
    const char *code = kpi_result_code(a);
    same_string(code, kpi_result_code(b), code, "code");
    same_string(kpi_result_title(a), kpi_result_title(b), code, "title");
    same_string(kpi_result_unit(a), kpi_result_unit(b), code, "unit");
    same_string(kpi_result_text(a), kpi_result_text(b), code, "text");
    same_string(kpi_result_update_text(a), kpi_result_update_text(b), code, "update");
    same_string(kpi_result_issuer(a), kpi_result_issuer(b), code, "issuer");
    same_kinds(a, b);
    same_numbers(a, b);
    same_links(a, b);
    for (int lang = KPI_LANG_JA; lang <= KPI_LANG_EN; lang++)
        same_string(kpi_result_reason(a, (kpi_lang)lang),
                    kpi_result_reason(b, (kpi_lang)lang), code, "reason");
    /* The index by code: the same result found, or the same one hidden. */
    assert_int_equal(kpi_evaluation_find(ea, code) == a,
                     kpi_evaluation_find(eb, code) == b);
}

static void same_renders(const kpi_evaluation *a, const kpi_evaluation *b)
{
    for (int format = KPI_FORMAT_TEXT; format <= KPI_FORMAT_HTML; format++)
        for (int lang = KPI_LANG_JA; lang <= KPI_LANG_EN; lang++) {
            char *x = NULL, *y = NULL;
            size_t nx = 0, ny = 0;
            assert_int_equal(
                kpi_evaluation_render(&x, &nx, a, (kpi_format)format, (kpi_lang)lang),
                KPI_OK);
            assert_int_equal(
                kpi_evaluation_render(&y, &ny, b, (kpi_format)format, (kpi_lang)lang),
                KPI_OK);
            if (nx != ny || memcmp(x, y, nx) != 0)
                fail_msg("format %s, language %d: the renders differ",
                         kpi_format_name((kpi_format)format), lang);
            kpi_free(x);
            kpi_free(y);
        }
}

static void same_evaluation(const kpi_evaluation *a, const kpi_evaluation *b)
{
    assert_int_equal(kpi_evaluation_as_of(a), kpi_evaluation_as_of(b));
    assert_int_equal(kpi_evaluation_start(a), kpi_evaluation_start(b));
    assert_int_equal(kpi_evaluation_end(a), kpi_evaluation_end(b));
    assert_string_equal(kpi_evaluation_organization(a), kpi_evaluation_organization(b));
    assert_string_equal(kpi_evaluation_department(a), kpi_evaluation_department(b));
    assert_int_equal(kpi_evaluation_note_count(a), kpi_evaluation_note_count(b));
    for (size_t i = 0; i < kpi_evaluation_note_count(a); i++)
        assert_string_equal(kpi_evaluation_note_at(a, i), kpi_evaluation_note_at(b, i));
    assert_int_equal(kpi_evaluation_result_count(a), kpi_evaluation_result_count(b));
    for (size_t i = 0; i < kpi_evaluation_result_count(a); i++)
        same_result(a, kpi_evaluation_result_at(a, i), b, kpi_evaluation_result_at(b, i));
    assert_int_equal(kpi_evaluation_directive_count(a),
                     kpi_evaluation_directive_count(b));
    for (size_t i = 0; i < kpi_evaluation_directive_count(a); i++)
        same_result(a, kpi_evaluation_directive_at(a, i), b,
                    kpi_evaluation_directive_at(b, i));
}

static kpi_evaluation *evaluate(const kpi_plan *plan, kpi_rollup rollup, int32_t threads)
{
    kpi_policy *policy = NULL;
    assert_int_equal(kpi_policy_new(&policy), KPI_OK);
    assert_int_equal(kpi_policy_set_rollup(policy, rollup), KPI_OK);
    assert_int_equal(kpi_policy_set_threads(policy, threads), KPI_OK);
    kpi_evaluation *ev = NULL;
    assert_int_equal(kpi_evaluate(&ev, plan, AS_OF, policy), KPI_OK);
    kpi_policy_free(policy);
    assert_int_equal(kpi_policy_threads(kpi_evaluation_policy(ev)), threads);
    return ev;
}

/* 2 and 8 threads against 1, with each roll-up rule; renders with one. */
static void same_on_threads(const kpi_plan *plan)
{
    static const int32_t counts[] = {2, 8};
    for (int rollup = KPI_ROLLUP_CRITERIA; rollup <= KPI_ROLLUP_WEIGHTED; rollup++) {
        kpi_evaluation *one = evaluate(plan, (kpi_rollup)rollup, 1);
        for (size_t i = 0; i < sizeof counts / sizeof *counts; i++) {
            kpi_evaluation *many = evaluate(plan, (kpi_rollup)rollup, counts[i]);
            same_evaluation(one, many);
            if (rollup == KPI_ROLLUP_CRITERIA)
                same_renders(one, many);
            kpi_evaluation_free(many);
        }
        kpi_evaluation_free(one);
    }
}

/* ---- Tests ------------------------------------------------------------ */

static void test_policy_threads(void **state)
{
    (void)state;
    kpi_policy *policy = NULL;
    assert_int_equal(kpi_policy_new(&policy), KPI_OK);
    assert_int_equal(kpi_policy_threads(policy), 0);
    assert_int_equal(kpi_policy_set_threads(policy, 1), KPI_OK);
    assert_int_equal(kpi_policy_set_threads(policy, KPI_POLICY_MAX_THREADS), KPI_OK);
    assert_int_equal(kpi_policy_threads(policy), KPI_POLICY_MAX_THREADS);
    assert_int_equal(kpi_policy_set_threads(policy, -1), KPI_ERR_VALUE);
    assert_int_equal(kpi_policy_set_threads(policy, KPI_POLICY_MAX_THREADS + 1),
                     KPI_ERR_VALUE);
    assert_int_equal(kpi_policy_threads(policy), KPI_POLICY_MAX_THREADS); /* unchanged */
    assert_int_equal(kpi_policy_set_threads(policy, 0), KPI_OK);
    assert_int_equal(kpi_policy_threads(policy), 0);
    assert_int_equal(kpi_policy_set_threads(NULL, 2), KPI_ERR_ARGUMENT);
    assert_int_equal(kpi_policy_threads(NULL), 0);
    assert_int_equal(kpi_error_code(), KPI_ERR_ARGUMENT);
    kpi_policy_free(policy);
}

static void test_seed_on_threads(void **state)
{
    (void)state;
    kpi_plan *plan = seed_plan();
    same_on_threads(plan);
    kpi_plan_free(plan);
}

static void test_large_plan_on_threads(void **state)
{
    (void)state;
    kpi_plan *plan = large_plan();
    same_on_threads(plan);
    kpi_plan_free(plan);
}

/* Threads that each evaluate the same plan with the same policy, each on
 * threads of its own. */
struct caller {
    const kpi_plan *plan;
    const kpi_policy *policy;
    kpi_evaluation *ev;
    int rc;
};

static void *call_evaluate(void *arg)
{
    struct caller *c = arg;
    c->rc = kpi_evaluate(&c->ev, c->plan, AS_OF, c->policy);
    return NULL;
}

static void test_callers_at_once(void **state)
{
    (void)state;
    kpi_plan *plan = large_plan();
    kpi_policy *policy = NULL;
    assert_int_equal(kpi_policy_new(&policy), KPI_OK);
    assert_int_equal(kpi_policy_set_threads(policy, 2), KPI_OK);
    struct caller callers[CALLERS];
    pthread_t threads[CALLERS];
    for (int i = 0; i < CALLERS; i++) {
        callers[i] = (struct caller){plan, policy, NULL, -1};
        assert_int_equal(pthread_create(&threads[i], NULL, call_evaluate, &callers[i]),
                         0);
    }
    for (int i = 0; i < CALLERS; i++)
        assert_int_equal(pthread_join(threads[i], NULL), 0);
    kpi_evaluation *one = evaluate(plan, KPI_ROLLUP_CRITERIA, 0);
    for (int i = 0; i < CALLERS; i++) {
        assert_int_equal(callers[i].rc, KPI_OK);
        same_evaluation(one, callers[i].ev);
        kpi_evaluation_free(callers[i].ev);
    }
    kpi_evaluation_free(one);
    kpi_policy_free(policy);
    kpi_plan_free(plan);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_policy_threads),
        cmocka_unit_test(test_seed_on_threads),
        cmocka_unit_test(test_large_plan_on_threads),
        cmocka_unit_test(test_callers_at_once),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
