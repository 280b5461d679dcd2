/* The helpers of model_support.h, shared by the test_model_*.c programs. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "model_support.h"

/* A string that is "" and not NULL. */
void assert_empty(const char *s)
{
    assert_non_null(s);
    assert_string_equal(s, "");
}

void assert_nan(double x)
{
    if (!isnan(x)) {
        print_error("expected NaN, got %.17g\n", x);
        fail();
    }
}

/* Exactly want (which is not NaN). */
void assert_double_is(double got, double want)
{
    if (!(got == want)) {
        print_error("expected %.17g, got %.17g\n", want, got);
        fail();
    }
}

/* A code of n bytes, all 'c'; the caller frees it. */
char *make_code(size_t n)
{
    char *code = test_malloc(n + 1);
    memset(code, 'c', n);
    code[n] = '\0';
    return code;
}

int model_setup(void **state)
{
    struct fixture *f = test_calloc(1, sizeof *f);
    if (!f)
        return -1;
    kpi_error_clear();
    if (kpi_plan_new(&f->plan, "P") != KPI_OK ||
        (f->goal = kpi_plan_add_goal(f->plan, "3", "地域経済の活性化")) == NULL ||
        (f->sub = kpi_goal_add_goal(f->goal, "3-2", "空き家対策")) == NULL ||
        (f->target = kpi_goal_add_target(f->sub, "3-2-a", "物件登録件数")) == NULL) {
        kpi_plan_free(f->plan);
        test_free(f);
        return -1;
    }
    *state = f;
    return 0;
}

int model_teardown(void **state)
{
    struct fixture *f = *state;
    kpi_plan_free(f->plan);
    test_free(f);
    kpi_error_clear();
    return 0;
}

struct counts count_all(const struct fixture *f)
{
    struct counts c = {
        kpi_plan_goal_count(f->plan),         kpi_plan_total_goal_count(f->plan),
        kpi_plan_total_target_count(f->plan), kpi_goal_goal_count(f->goal),
        kpi_goal_goal_count(f->sub),          kpi_goal_target_count(f->sub),
    };
    return c;
}

void assert_counts_equal(struct counts a, struct counts b)
{
    assert_int_equal(a.plan_goals, b.plan_goals);
    assert_int_equal(a.total_goals, b.total_goals);
    assert_int_equal(a.total_targets, b.total_targets);
    assert_int_equal(a.goal_goals, b.goal_goals);
    assert_int_equal(a.sub_goals, b.sub_goals);
    assert_int_equal(a.sub_targets, b.sub_targets);
}
