/* Tests of codes and their index: a code is unique among the plan's goals
 * and targets (KPI_ERR_DUPLICATE), not empty and at most KPI_MAX_CODE bytes,
 * copied from the caller; goals and targets are found by code at any depth,
 * and renaming re-indexes them (also 20,000 targets, half renamed).
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

#define HIRAGANA_A "\xe3\x81\x82" /* あ: three bytes */

/* ---- Codes --------------------------------------------------------------- */

static void test_code_duplicate_goal_goal(void **state)
{
    struct fixture *f = *state;
    struct counts before = count_all(f);
    kpi_goal *goal = NULL;
    REFUSED_NULL(KPI_ERR_DUPLICATE, goal = kpi_plan_add_goal(f->plan, "3", NULL));
    REFUSED_NULL(KPI_ERR_DUPLICATE, goal = kpi_plan_add_goal(f->plan, "3-2", NULL));
    REFUSED_NULL(KPI_ERR_DUPLICATE, goal = kpi_goal_add_goal(f->sub, "3", NULL));
    REFUSED_NULL(KPI_ERR_DUPLICATE, goal = kpi_goal_add_goal(f->goal, "3-2", NULL));
    assert_counts_equal(count_all(f), before);
    assert_non_null(goal = kpi_plan_find_goal(f->plan, "3-2"));
    assert_ptr_equal(goal, f->sub);
}

static void test_code_duplicate_goal_target(void **state)
{
    struct fixture *f = *state;
    struct counts before = count_all(f);
    kpi_goal *goal = NULL;
    kpi_target *target = NULL;
    /* A target may not take a goal's code... */
    REFUSED_NULL(KPI_ERR_DUPLICATE, target = kpi_goal_add_target(f->sub, "3", NULL));
    REFUSED_NULL(KPI_ERR_DUPLICATE, target = kpi_goal_add_target(f->goal, "3-2", NULL));
    /* ...nor a goal a target's. */
    REFUSED_NULL(KPI_ERR_DUPLICATE, goal = kpi_plan_add_goal(f->plan, "3-2-a", NULL));
    REFUSED_NULL(KPI_ERR_DUPLICATE, goal = kpi_goal_add_goal(f->sub, "3-2-a", NULL));
    assert_counts_equal(count_all(f), before);
    REFUSED_NULL(KPI_ERR_NOT_FOUND, target = kpi_plan_find_target(f->plan, "3"));
    REFUSED_NULL(KPI_ERR_NOT_FOUND, goal = kpi_plan_find_goal(f->plan, "3-2-a"));
}

static void test_code_duplicate_target_target(void **state)
{
    struct fixture *f = *state;
    kpi_goal *other;
    kpi_target *target = NULL;
    assert_non_null(other = kpi_plan_add_goal(f->plan, "4", NULL));
    struct counts before = count_all(f);
    REFUSED_NULL(KPI_ERR_DUPLICATE, target = kpi_goal_add_target(f->sub, "3-2-a", NULL));
    REFUSED_NULL(KPI_ERR_DUPLICATE, target = kpi_goal_add_target(other, "3-2-a", NULL));
    assert_counts_equal(count_all(f), before);
    assert_int_equal(kpi_goal_target_count(other), 0);
    assert_non_null(target = kpi_plan_find_target(f->plan, "3-2-a"));
    assert_ptr_equal(target, f->target);
}

/* An empty code is a value error wherever a code is given. */
static void test_code_empty(void **state)
{
    struct fixture *f = *state;
    struct counts before = count_all(f);
    kpi_plan *plan = NULL;
    REFUSED_NULL(KPI_ERR_VALUE, kpi_plan_add_goal(f->plan, "", NULL));
    REFUSED_NULL(KPI_ERR_VALUE, kpi_goal_add_goal(f->goal, "", NULL));
    REFUSED_NULL(KPI_ERR_VALUE, kpi_goal_add_target(f->sub, "", NULL));
    REFUSED(KPI_ERR_VALUE, kpi_goal_set_code(f->sub, ""));
    REFUSED(KPI_ERR_VALUE, kpi_target_set_code(f->target, ""));
    REFUSED(KPI_ERR_VALUE, kpi_plan_set_id(f->plan, ""));
    REFUSED(KPI_ERR_VALUE, kpi_plan_new(&plan, ""));
    assert_counts_equal(count_all(f), before);
    assert_string_equal(kpi_goal_code(f->sub), "3-2");
    assert_string_equal(kpi_target_code(f->target), "3-2-a");
    assert_string_equal(kpi_plan_id(f->plan), "P");
}

/* Codes are limited to KPI_MAX_CODE bytes (not characters): a size
 * limit, KPI_ERR_LIMIT. */
static void test_code_too_long(void **state)
{
    struct fixture *f = *state;
    char *longest = make_code(KPI_MAX_CODE);
    char *too_long = make_code(KPI_MAX_CODE + 1);
    /* 86 three-byte characters: only 86 characters, but 258 bytes. */
    char wide[86 * 3 + 1] = "";
    for (int i = 0; i < 86; i++)
        strcat(wide, HIRAGANA_A);

    struct counts before = count_all(f);
    REFUSED_NULL(KPI_ERR_LIMIT, kpi_plan_add_goal(f->plan, too_long, NULL));
    REFUSED_NULL(KPI_ERR_LIMIT, kpi_plan_add_goal(f->plan, wide, NULL));
    REFUSED_NULL(KPI_ERR_LIMIT, kpi_goal_add_goal(f->goal, too_long, NULL));
    REFUSED_NULL(KPI_ERR_LIMIT, kpi_goal_add_target(f->sub, too_long, NULL));
    REFUSED_NULL(KPI_ERR_LIMIT, kpi_goal_add_target(f->sub, wide, NULL));
    REFUSED(KPI_ERR_LIMIT, kpi_goal_set_code(f->sub, too_long));
    REFUSED(KPI_ERR_LIMIT, kpi_target_set_code(f->target, too_long));
    REFUSED(KPI_ERR_LIMIT, kpi_plan_set_id(f->plan, too_long));
    assert_counts_equal(count_all(f), before);
    assert_string_equal(kpi_goal_code(f->sub), "3-2");
    assert_string_equal(kpi_target_code(f->target), "3-2-a");
    assert_string_equal(kpi_plan_id(f->plan), "P");

    /* Exactly KPI_MAX_CODE bytes is accepted. */
    kpi_goal *goal, *found;
    kpi_target *target, *found_target;
    assert_non_null(goal = kpi_plan_add_goal(f->plan, longest, NULL));
    assert_non_null(found = kpi_plan_find_goal(f->plan, longest));
    assert_ptr_equal(found, goal);
    longest[0] = 'd';
    assert_non_null(target = kpi_goal_add_target(goal, longest, NULL));
    assert_non_null(found_target = kpi_plan_find_target(f->plan, longest));
    assert_ptr_equal(found_target, target);
    OK(kpi_plan_set_id(f->plan, longest));
    assert_string_equal(kpi_plan_id(f->plan), longest);
    test_free(longest);
    test_free(too_long);
}

/* A code is copied: changing the caller's buffer changes neither the code
 * nor what it finds. */
static void test_code_copied(void **state)
{
    struct fixture *f = *state;
    char code[] = "5";
    kpi_goal *goal, *found;
    kpi_target *target, *found_target;
    assert_non_null(goal = kpi_plan_add_goal(f->plan, code, NULL));
    code[0] = '6';
    assert_string_equal(kpi_goal_code(goal), "5");
    assert_non_null(found = kpi_plan_find_goal(f->plan, "5"));
    assert_ptr_equal(found, goal);
    REFUSED_NULL(KPI_ERR_NOT_FOUND, found = kpi_plan_find_goal(f->plan, "6"));

    char tcode[] = "5-a";
    assert_non_null(target = kpi_goal_add_target(goal, tcode, NULL));
    tcode[2] = 'b';
    assert_string_equal(kpi_target_code(target), "5-a");
    assert_non_null(found_target = kpi_plan_find_target(f->plan, "5-a"));
    assert_ptr_equal(found_target, target);

    char renamed[] = "7";
    OK(kpi_goal_set_code(goal, renamed));
    renamed[0] = '8';
    assert_non_null(found = kpi_plan_find_goal(f->plan, "7"));
    assert_ptr_equal(found, goal);
    REFUSED_NULL(KPI_ERR_NOT_FOUND, found = kpi_plan_find_goal(f->plan, "8"));
}

/* Goals and targets are found by code at any depth. */
static void test_find_by_code(void **state)
{
    struct fixture *f = *state;
    kpi_goal *deep, *found;
    kpi_target *top_target, *deep_target, *found_target;
    assert_non_null(deep = kpi_goal_add_goal(f->sub, "3-2-1", NULL));
    assert_non_null(deep_target = kpi_goal_add_target(deep, "3-2-1-a", NULL));
    assert_non_null(top_target = kpi_goal_add_target(f->goal, "3-a", NULL));

    kpi_goal *goals[] = {f->goal, f->sub, deep};
    for (size_t i = 0; i < 3; i++) {
        found = NULL;
        assert_non_null(found = kpi_plan_find_goal(f->plan, kpi_goal_code(goals[i])));
        assert_ptr_equal(found, goals[i]);
    }
    kpi_target *targets[] = {top_target, f->target, deep_target};
    for (size_t i = 0; i < 3; i++) {
        found_target = NULL;
        assert_non_null(found_target =
                            kpi_plan_find_target(f->plan, kpi_target_code(targets[i])));
        assert_ptr_equal(found_target, targets[i]);
    }
}

static void test_find_not_found(void **state)
{
    struct fixture *f = *state;
    kpi_goal *goal;
    kpi_target *target;
    REFUSED_NULL(KPI_ERR_NOT_FOUND, goal = kpi_plan_find_goal(f->plan, "9"));
    REFUSED_NULL(KPI_ERR_NOT_FOUND, goal = kpi_plan_find_goal(f->plan, "3-"));
    REFUSED_NULL(KPI_ERR_NOT_FOUND,
                 goal = kpi_plan_find_goal(f->plan, "3-2-a")); /* a target */
    REFUSED_NULL(KPI_ERR_NOT_FOUND, target = kpi_plan_find_target(f->plan, "3-2-b"));
    REFUSED_NULL(KPI_ERR_NOT_FOUND,
                 target = kpi_plan_find_target(f->plan, "3-2")); /* a goal */
    REFUSED_NULL(KPI_ERR_NOT_FOUND,
                 target = kpi_plan_find_target(f->plan, "P")); /* the plan */
}

static void test_goal_set_code_reindexes(void **state)
{
    struct fixture *f = *state;
    kpi_goal *found;
    kpi_target *found_target;
    OK(kpi_goal_set_code(f->sub, "3-9"));
    assert_string_equal(kpi_goal_code(f->sub), "3-9");
    REFUSED_NULL(KPI_ERR_NOT_FOUND, found = kpi_plan_find_goal(f->plan, "3-2"));
    assert_non_null(found = kpi_plan_find_goal(f->plan, "3-9"));
    assert_ptr_equal(found, f->sub);
    /* The goal keeps its place and its target. */
    assert_ptr_equal(kpi_goal_goal_at(f->goal, 0), f->sub);
    assert_non_null(found_target = kpi_plan_find_target(f->plan, "3-2-a"));
    assert_ptr_equal(found_target, f->target);
    assert_int_equal(kpi_plan_total_goal_count(f->plan), 2);
    /* Setting the code a goal already has is no conflict. */
    OK(kpi_goal_set_code(f->sub, "3-9"));
    assert_string_equal(kpi_goal_code(f->sub), "3-9");
    /* The old code is free again. */
    kpi_goal *again;
    assert_non_null(again = kpi_goal_add_goal(f->goal, "3-2", NULL));
    assert_non_null(found = kpi_plan_find_goal(f->plan, "3-2"));
    assert_ptr_equal(found, again);
}

static void test_target_set_code_reindexes(void **state)
{
    struct fixture *f = *state;
    kpi_target *found;
    OK(kpi_target_set_code(f->target, "3-2-z"));
    assert_string_equal(kpi_target_code(f->target), "3-2-z");
    REFUSED_NULL(KPI_ERR_NOT_FOUND, found = kpi_plan_find_target(f->plan, "3-2-a"));
    assert_non_null(found = kpi_plan_find_target(f->plan, "3-2-z"));
    assert_ptr_equal(found, f->target);
    assert_ptr_equal(kpi_goal_target_at(f->sub, 0), f->target);
    assert_int_equal(kpi_plan_total_target_count(f->plan), 1);
    OK(kpi_target_set_code(f->target, "3-2-z"));
    kpi_target *again;
    assert_non_null(again = kpi_goal_add_target(f->sub, "3-2-a", NULL));
    assert_non_null(found = kpi_plan_find_target(f->plan, "3-2-a"));
    assert_ptr_equal(found, again);
}

/* Renaming to a code another goal or target has is refused, changing
 * nothing. */
static void test_set_code_refuses_taken(void **state)
{
    struct fixture *f = *state;
    kpi_target *other_target;
    kpi_goal *found;
    kpi_target *found_target;
    assert_non_null(other_target = kpi_goal_add_target(f->sub, "3-2-b", NULL));
    REFUSED(KPI_ERR_DUPLICATE, kpi_goal_set_code(f->sub, "3"));
    REFUSED(KPI_ERR_DUPLICATE, kpi_goal_set_code(f->sub, "3-2-a"));
    REFUSED(KPI_ERR_DUPLICATE, kpi_target_set_code(f->target, "3-2-b"));
    REFUSED(KPI_ERR_DUPLICATE, kpi_target_set_code(f->target, "3-2"));
    assert_string_equal(kpi_goal_code(f->sub), "3-2");
    assert_string_equal(kpi_target_code(f->target), "3-2-a");
    assert_non_null(found = kpi_plan_find_goal(f->plan, "3-2"));
    assert_ptr_equal(found, f->sub);
    assert_non_null(found = kpi_plan_find_goal(f->plan, "3"));
    assert_ptr_equal(found, f->goal);
    assert_non_null(found_target = kpi_plan_find_target(f->plan, "3-2-a"));
    assert_ptr_equal(found_target, f->target);
    assert_non_null(found_target = kpi_plan_find_target(f->plan, "3-2-b"));
    assert_ptr_equal(found_target, other_target);
    assert_int_equal(kpi_plan_total_goal_count(f->plan), 2);
    assert_int_equal(kpi_plan_total_target_count(f->plan), 2);
}

/* 20,000 targets, half of them renamed: every lookup still finds the right
 * target and no old code lingers (this exercises deletion in the index). */
static void test_code_lookup_stress(void **state)
{
    struct fixture *f = *state;
    enum { N = 20000 };
    char code[32];
    for (int i = 0; i < N; i++) {
        snprintf(code, sizeof code, "t%05d", i);
        assert_non_null(kpi_goal_add_target(f->goal, code, NULL));
    }
    for (int i = 0; i < N; i += 2) {
        snprintf(code, sizeof code, "r%05d", i);
        OK(kpi_target_set_code(kpi_goal_target_at(f->goal, (size_t)i), code));
    }
    assert_int_equal(kpi_goal_target_count(f->goal), N);
    assert_int_equal(kpi_plan_total_target_count(f->plan), N + 1);
    for (int i = 0; i < N; i++) {
        kpi_target *expected = kpi_goal_target_at(f->goal, (size_t)i);
        kpi_target *found = NULL;
        snprintf(code, sizeof code, "%c%05d", i % 2 ? 't' : 'r', i);
        assert_string_equal(kpi_target_code(expected), code);
        assert_non_null(found = kpi_plan_find_target(f->plan, code));
        assert_ptr_equal(found, expected);
        if (i % 2 == 0) {
            snprintf(code, sizeof code, "t%05d", i);
            REFUSED_NULL(KPI_ERR_NOT_FOUND, found = kpi_plan_find_target(f->plan, code));
        }
    }
    kpi_target *found;
    assert_non_null(found = kpi_plan_find_target(f->plan, "3-2-a"));
    assert_ptr_equal(found, f->target);
}

/* ---- Main ---------------------------------------------------------------- */

int main(void)
{
    const struct CMUnitTest tests[] = {
        FIXTURE_TEST(test_code_duplicate_goal_goal),
        FIXTURE_TEST(test_code_duplicate_goal_target),
        FIXTURE_TEST(test_code_duplicate_target_target),
        FIXTURE_TEST(test_code_empty),
        FIXTURE_TEST(test_code_too_long),
        FIXTURE_TEST(test_code_copied),
        FIXTURE_TEST(test_find_by_code),
        FIXTURE_TEST(test_find_not_found),
        FIXTURE_TEST(test_goal_set_code_reindexes),
        FIXTURE_TEST(test_target_set_code_reindexes),
        FIXTURE_TEST(test_set_code_refuses_taken),
        FIXTURE_TEST(test_code_lookup_stress),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
