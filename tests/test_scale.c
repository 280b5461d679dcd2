/*
 * No quadratic path: a plan of 100,000 targets in ONE goal (the worst
 * shape for anything that scans siblings) is built, looked up by code,
 * evaluated, validated, rendered, written and read back. ctest gives this
 * program a time limit of a minute; a quadratic step would take hours.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kpi.h"

#define TARGETS 100000

static void code_of(char *buf, size_t size, int i)
{
    snprintf(buf, size, "T%06d", i);
}

static kpi_plan *build(void)
{
    kpi_plan *plan = NULL;
    kpi_goal *goal = NULL;
    assert_int_equal(kpi_plan_new(&plan, "scale"), KPI_OK);
    assert_int_equal(kpi_plan_set_fiscal_year(plan, 2017), KPI_OK);
    assert_non_null(goal = kpi_plan_add_goal(plan, "G", "one goal"));
    for (int i = 0; i < TARGETS; i++) {
        char code[16];
        kpi_target *t = NULL;
        code_of(code, sizeof code, i);
        assert_non_null(t = kpi_goal_add_target(goal, code, "target"));
        assert_int_equal(kpi_target_set_value(t, 12), KPI_OK);
        assert_non_null(kpi_target_add_measurement(t, 20170930, i % 13, NULL));
    }
    return plan;
}

static void test_one_goal_of_100k_targets(void **state)
{
    (void)state;
    kpi_plan *plan = build();
    for (int i = 0; i < TARGETS; i += 7) {
        char code[16];
        kpi_target *t = NULL;
        code_of(code, sizeof code, i);
        assert_non_null(t = kpi_plan_find_target(plan, code));
        assert_string_equal(kpi_target_code(t), code);
    }
    kpi_evaluation *ev = NULL;
    assert_int_equal(kpi_evaluate(&ev, plan, 20170930, NULL), KPI_OK);
    assert_int_equal(kpi_evaluation_result_count(ev), TARGETS + 2);
    const kpi_result *goal = kpi_evaluation_result_at(ev, 1);
    assert_int_equal(kpi_result_child_count(goal), TARGETS);
    /* A (i % 13) figure against 12 × 183/365 ≈ 6.02 expected. */
    assert_int_equal(kpi_result_rating(goal), KPI_RATING_BEHIND);
    char *json = NULL;
    assert_int_equal(kpi_evaluation_render(&json, NULL, ev, KPI_FORMAT_JSON, KPI_LANG_EN),
                     KPI_OK);
    kpi_free(json);
    kpi_evaluation_free(ev);

    kpi_problems *problems = NULL;
    assert_int_equal(kpi_validate(&problems, plan, 0, NULL), KPI_OK);
    assert_int_equal(kpi_problems_count(problems), 0);
    kpi_problems_free(problems);

    char *structure = NULL, *progress = NULL;
    size_t s = 0, p = 0;
    assert_int_equal(kpi_plan_write_structure(&structure, &s, plan, 0), KPI_OK);
    assert_int_equal(kpi_plan_write_progress(&progress, &p, plan, 0), KPI_OK);
    kpi_reader *reader = NULL;
    kpi_plan *copy = NULL;
    assert_int_equal(kpi_reader_new(&reader), KPI_OK);
    assert_int_equal(kpi_reader_read_buffers(&copy, reader, structure, s, progress, p),
                     KPI_OK);
    assert_int_equal(kpi_plan_total_target_count(copy), TARGETS);
    kpi_reader_free(reader);
    kpi_plan_free(copy);
    kpi_free(structure);
    kpi_free(progress);
    kpi_plan_free(plan);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_one_goal_of_100k_targets)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
