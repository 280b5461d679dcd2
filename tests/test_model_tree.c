/* Tests of the goal tree: goals nested in goals with their targets, the
 * order children come back in, counts per level and totals, indexes past the
 * end (KPI_ERR_RANGE), the depth limit (KPI_MAX_DEPTH), and handles to
 * goals, targets, measurements and assessments that stay valid while their
 * collections grow.
 *
 * Every expectation comes from the header comments of include/kpi.h and
 * include/kpi/ and from the "Model" section of the evaluation contract, not
 * from the implementation. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "kpi.h"
#include "check.h"
#include "model_support.h"

/* ---- The goal tree ------------------------------------------------------- */

static void test_tree_nesting(void **state)
{
    (void)state;
    kpi_plan *plan;
    kpi_goal *level[5] = {NULL};
    kpi_target *target;
    OK(kpi_plan_new(&plan, "P"));
    assert_non_null(level[1] = kpi_plan_add_goal(plan, "1", "重点目標"));
    assert_non_null(level[2] = kpi_goal_add_goal(level[1], "1-1", "取組項目"));
    assert_non_null(level[3] = kpi_goal_add_goal(level[2], "1-1-1", "施策"));
    assert_non_null(level[4] = kpi_goal_add_goal(level[3], "1-1-1-1", "事業"));
    for (int d = 1; d <= 4; d++) {
        assert_non_null(level[d]);
        assert_int_equal(kpi_goal_depth(level[d]), d);
        assert_ptr_equal(kpi_goal_plan(level[d]), plan);
        assert_ptr_equal(kpi_goal_parent(level[d]), level[d - 1]);
        assert_int_equal(kpi_goal_goal_count(level[d]), d < 4 ? 1 : 0);
        if (d < 4)
            assert_ptr_equal(kpi_goal_goal_at(level[d], 0), level[d + 1]);
    }
    assert_string_equal(kpi_goal_title(level[3]), "施策");
    assert_non_null(target = kpi_goal_add_target(level[4], "1-1-1-1-a", NULL));
    assert_ptr_equal(kpi_target_goal(target), level[4]);
    assert_int_equal(kpi_plan_goal_count(plan), 1);
    assert_int_equal(kpi_plan_total_goal_count(plan), 4);
    assert_int_equal(kpi_plan_total_target_count(plan), 1);
    kpi_plan_free(plan);
}

/* Children, targets and assessments come back in the order added; counts
 * are per level, totals over the whole plan. */
static void test_tree_order_and_counts(void **state)
{
    (void)state;
    static const char *const tops[] = {"1", "2", "3"};
    static const char *const subs[] = {"1-3", "1-1", "1-2"}; /* not sorted */
    static const char *const targets[] = {"1-1-b", "1-1-a", "1-1-c", "1-1-d"};
    kpi_plan *plan;
    kpi_goal *goal, *sub = NULL;
    OK(kpi_plan_new(&plan, "P"));
    for (size_t i = 0; i < 3; i++)
        assert_non_null(kpi_plan_add_goal(plan, tops[i], NULL));
    goal = kpi_plan_goal_at(plan, 0);
    for (size_t i = 0; i < 3; i++) {
        kpi_goal *added = kpi_goal_add_goal(goal, subs[i], NULL);
        assert_non_null(added);
        if (i == 1)
            sub = added;
    }
    for (size_t i = 0; i < 4; i++)
        assert_non_null(kpi_goal_add_target(sub, targets[i], NULL));
    assert_non_null(kpi_goal_add_target(kpi_plan_goal_at(plan, 2), "3-a", NULL));
    for (int32_t r = KPI_RATING_NOT_PROGRESSED; r <= KPI_RATING_AHEAD; r++)
        assert_non_null(kpi_goal_add_assessment(goal, 20170901 + r, (kpi_rating)r, NULL));

    assert_int_equal(kpi_plan_goal_count(plan), 3);
    for (size_t i = 0; i < 3; i++)
        assert_string_equal(kpi_goal_code(kpi_plan_goal_at(plan, i)), tops[i]);
    assert_int_equal(kpi_goal_goal_count(goal), 3);
    for (size_t i = 0; i < 3; i++)
        assert_string_equal(kpi_goal_code(kpi_goal_goal_at(goal, i)), subs[i]);
    assert_int_equal(kpi_goal_target_count(sub), 4);
    for (size_t i = 0; i < 4; i++)
        assert_string_equal(kpi_target_code(kpi_goal_target_at(sub, i)), targets[i]);
    assert_int_equal(kpi_goal_assessment_count(goal), 4);
    for (size_t i = 0; i < 4; i++)
        assert_int_equal(kpi_assessment_rating(kpi_goal_assessment_at(goal, i)),
                         KPI_RATING_NOT_PROGRESSED + (int)i);

    /* A goal's targets are its own, not its children's. */
    assert_int_equal(kpi_goal_target_count(goal), 0);
    assert_int_equal(kpi_plan_total_goal_count(plan), 6);
    assert_int_equal(kpi_plan_total_target_count(plan), 5);
    kpi_plan_free(plan);
}

/* Every index access past the end gives NULL and KPI_ERR_RANGE. */
static void test_index_out_of_range(void **state)
{
    struct fixture *f = *state;
    assert_non_null(kpi_target_add_measurement(f->target, 20170930, 1, NULL));
    assert_non_null(
        kpi_target_add_assessment(f->target, 20170930, KPI_RATING_AHEAD, NULL));
    assert_non_null(kpi_goal_add_assessment(f->sub, 20170930, KPI_RATING_AHEAD, NULL));
    OK(kpi_plan_add_note(f->plan, NULL, "note"));
    OK(kpi_goal_add_note(f->sub, NULL, "note"));
    const size_t past[] = {1, 2, SIZE_MAX};
    for (size_t i = 0; i < 3; i++) {
        size_t n = past[i];
        OUT_OF_RANGE(kpi_plan_goal_at(f->plan, n));
        OUT_OF_RANGE(kpi_goal_goal_at(f->goal, n));
        OUT_OF_RANGE(kpi_goal_target_at(f->sub, n));
        OUT_OF_RANGE(kpi_goal_assessment_at(f->sub, n));
        OUT_OF_RANGE(kpi_goal_note_at(f->sub, n));
        OUT_OF_RANGE(kpi_goal_note_code_at(f->sub, n));
        OUT_OF_RANGE(kpi_plan_note_at(f->plan, n));
        OUT_OF_RANGE(kpi_plan_note_code_at(f->plan, n));
        OUT_OF_RANGE(kpi_target_measurement_at(f->target, n));
        OUT_OF_RANGE(kpi_target_assessment_at(f->target, n));
    }
    /* Empty collections: index 0 is already past the end. */
    OUT_OF_RANGE(kpi_goal_goal_at(f->sub, 0));
    OUT_OF_RANGE(kpi_goal_target_at(f->goal, 0));
    OUT_OF_RANGE(kpi_goal_assessment_at(f->goal, 0));
    OUT_OF_RANGE(kpi_goal_note_at(f->goal, 0));
}

/* ---- Depth limit --------------------------------------------------------- */

static void test_depth_limit(void **state)
{
    (void)state;
    kpi_plan *plan;
    kpi_goal *goal = NULL, *deeper = NULL;
    char code[16];
    OK(kpi_plan_new(&plan, "P"));
    for (int depth = 1; depth <= KPI_MAX_DEPTH; depth++) {
        snprintf(code, sizeof code, "d%d", depth);
        if (depth == 1)
            assert_non_null(goal = kpi_plan_add_goal(plan, code, NULL));
        else
            assert_non_null(goal = kpi_goal_add_goal(goal, code, NULL));
        assert_int_equal(kpi_goal_depth(goal), depth);
    }
    REFUSED_NULL(KPI_ERR_LIMIT, deeper = kpi_goal_add_goal(goal, "too-deep", NULL));
    assert_int_equal(kpi_goal_goal_count(goal), 0);
    assert_int_equal(kpi_plan_total_goal_count(plan), KPI_MAX_DEPTH);
    REFUSED_NULL(KPI_ERR_NOT_FOUND, deeper = kpi_plan_find_goal(plan, "too-deep"));
    /* The refused code was not taken. */
    assert_non_null(kpi_plan_add_goal(plan, "too-deep", NULL));
    kpi_plan_free(plan);
}

/* ---- Stable handles ------------------------------------------------------ */

static void test_measurement_handles_stable(void **state)
{
    struct fixture *f = *state;
    kpi_measurement *first = NULL;
    assert_non_null(first =
                        kpi_target_add_measurement(f->target, 20170430, 12.5, "first"));
    for (int i = 1; i <= 1000; i++)
        assert_non_null(kpi_target_add_measurement(f->target, 20170501, (double)i, NULL));
    assert_int_equal(kpi_target_measurement_count(f->target), 1001);
    assert_ptr_equal(kpi_target_measurement_at(f->target, 0), first);
    assert_int_equal(kpi_measurement_date(first), 20170430);
    assert_double_is(kpi_measurement_value(first), 12.5);
    assert_string_equal(kpi_measurement_note(first), "first");
    /* The order of addition is kept. */
    for (size_t i = 1; i <= 1000; i++)
        assert_double_is(kpi_measurement_value(kpi_target_measurement_at(f->target, i)),
                         (double)i);
}

static void test_assessment_handles_stable(void **state)
{
    struct fixture *f = *state;
    kpi_assessment *first_of_target = NULL, *first_of_goal = NULL;
    assert_non_null(first_of_target = kpi_target_add_assessment(f->target, 20170430,
                                                                KPI_RATING_BEHIND, "t"));
    assert_non_null(first_of_goal =
                        kpi_goal_add_assessment(f->sub, 20170430, KPI_RATING_AHEAD, "g"));
    for (int i = 0; i < 1000; i++) {
        assert_non_null(
            kpi_target_add_assessment(f->target, 20170501, KPI_RATING_ON_TRACK, NULL));
        assert_non_null(
            kpi_goal_add_assessment(f->sub, 20170501, KPI_RATING_ON_TRACK, NULL));
    }
    assert_ptr_equal(kpi_target_assessment_at(f->target, 0), first_of_target);
    assert_int_equal(kpi_assessment_rating(first_of_target), KPI_RATING_BEHIND);
    assert_string_equal(kpi_assessment_comment(first_of_target), "t");
    assert_ptr_equal(kpi_goal_assessment_at(f->sub, 0), first_of_goal);
    assert_int_equal(kpi_assessment_rating(first_of_goal), KPI_RATING_AHEAD);
    assert_string_equal(kpi_assessment_comment(first_of_goal), "g");
}

static void test_goal_target_handles_stable(void **state)
{
    struct fixture *f = *state;
    char code[32];
    for (int i = 0; i < 1000; i++) {
        snprintf(code, sizeof code, "g%d", i);
        assert_non_null(kpi_plan_add_goal(f->plan, code, "sibling"));
        snprintf(code, sizeof code, "3-x%d", i);
        assert_non_null(kpi_goal_add_goal(f->goal, code, "sibling"));
        snprintf(code, sizeof code, "3-2-t%d", i);
        assert_non_null(kpi_goal_add_target(f->sub, code, "sibling"));
    }
    assert_ptr_equal(kpi_plan_goal_at(f->plan, 0), f->goal);
    assert_ptr_equal(kpi_goal_goal_at(f->goal, 0), f->sub);
    assert_ptr_equal(kpi_goal_target_at(f->sub, 0), f->target);
    assert_string_equal(kpi_goal_code(f->goal), "3");
    assert_string_equal(kpi_goal_title(f->goal), "地域経済の活性化");
    assert_string_equal(kpi_goal_code(f->sub), "3-2");
    assert_ptr_equal(kpi_goal_parent(f->sub), f->goal);
    assert_string_equal(kpi_target_code(f->target), "3-2-a");
    assert_string_equal(kpi_target_label(f->target), "物件登録件数");
    assert_ptr_equal(kpi_target_goal(f->target), f->sub);
    kpi_goal *found;
    kpi_target *found_target;
    assert_non_null(found = kpi_plan_find_goal(f->plan, "3-2"));
    assert_ptr_equal(found, f->sub);
    assert_non_null(found_target = kpi_plan_find_target(f->plan, "3-2-a"));
    assert_ptr_equal(found_target, f->target);
}

/* ---- Main ---------------------------------------------------------------- */

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tree_nesting),
        cmocka_unit_test(test_tree_order_and_counts),
        FIXTURE_TEST(test_index_out_of_range),
        cmocka_unit_test(test_depth_limit),
        FIXTURE_TEST(test_measurement_handles_stable),
        FIXTURE_TEST(test_assessment_handles_stable),
        FIXTURE_TEST(test_goal_target_handles_stable),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
