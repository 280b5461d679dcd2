/*
 * Where the model keeps its strings (util/arena.h, KPI__OWN_*): a plan's
 * targets and their first strings live in its arena, units and labels
 * interned; a setter that replaces a string allocates it on its own, so
 * that editing a field many times does not grow the arena; a string
 * larger than a block gets a block of its own, and every arena object is
 * aligned.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "kpi.h"
#include "model/model.h"
#include "util/arena.h"

static kpi_plan *plan_with_goal(kpi_goal **goal)
{
    kpi_plan *plan = NULL;
    assert_int_equal(kpi_plan_new(&plan, "p"), KPI_OK);
    *goal = kpi_plan_add_goal(plan, "g", "Goal");
    assert_non_null(*goal);
    return plan;
}

static void units_and_labels_interned(void **state)
{
    (void)state;
    kpi_goal *goal;
    kpi_plan *plan = plan_with_goal(&goal);
    kpi_target *a = kpi_goal_add_target(goal, "a", "物件登録件数");
    kpi_target *b = kpi_goal_add_target(goal, "b", "物件登録件数");
    assert_int_equal(kpi_target_set_unit(a, "件"), KPI_OK);
    assert_int_equal(kpi_target_set_unit(b, "件"), KPI_OK);
    assert_ptr_equal(kpi_target_unit(a), kpi_target_unit(b));
    assert_ptr_equal(kpi_target_label(a), kpi_target_label(b));
    /* Replacing one leaves the other as it was. */
    assert_int_equal(kpi_target_set_unit(a, "回"), KPI_OK);
    assert_string_equal(kpi_target_unit(a), "回");
    assert_string_equal(kpi_target_unit(b), "件");
    kpi_plan_free(plan);
}

static void editing_does_not_grow_the_arena(void **state)
{
    (void)state;
    kpi_goal *goal;
    kpi_plan *plan = plan_with_goal(&goal);
    kpi_target *t = kpi_goal_add_target(goal, "t", "label");
    kpi_measurement *m = kpi_target_add_measurement(t, 20170930, 1, "note");
    assert_non_null(m);
    size_t blocks = kpi__arena_block_count(&plan->strings);
    char value[64];
    for (int i = 0; i < 20000; i++) {
        snprintf(value, sizeof value, "text number %d, long enough to fill blocks", i);
        assert_int_equal(kpi_target_set_label(t, value), KPI_OK);
        assert_int_equal(kpi_target_set_text(t, i % 2 ? value : NULL), KPI_OK);
        assert_int_equal(kpi_measurement_set_note(m, value), KPI_OK);
        assert_int_equal(kpi_measurement_set_author(m, i % 3 ? value : ""), KPI_OK);
        assert_string_equal(kpi_target_label(t), value);
        assert_string_equal(kpi_measurement_note(m), value);
    }
    snprintf(value, sizeof value, "c%d", 7);
    assert_int_equal(kpi_target_set_code(t, value), KPI_OK);
    assert_int_equal(kpi_target_set_code(t, "t2"), KPI_OK);
    assert_ptr_equal(kpi_plan_find_target(plan, "t2"), t);
    assert_int_equal(kpi__arena_block_count(&plan->strings), blocks);
    kpi_plan_free(plan); /* valgrind: every string replaced alone is freed */
}

static void large_strings_and_alignment(void **state)
{
    (void)state;
    kpi__arena arena = {0};
    static char big[300000];
    memset(big, 'x', sizeof big - 1);
    const char *small = kpi__arena_strndup(&arena, "abc", 3);
    const char *copy = kpi__arena_strndup(&arena, big, sizeof big - 1);
    const char *after = kpi__arena_strndup(&arena, "def", 3);
    assert_string_equal(small, "abc");
    assert_string_equal(copy, big);
    assert_string_equal(after, "def");
    /* The big one has its own block; the small ones share the current one. */
    assert_int_equal(kpi__arena_block_count(&arena), 2);
    for (int i = 0; i < 100; i++) {
        kpi__arena_strndup(&arena, "xxxxxxx", (size_t)(i % 7));
        void *p = kpi__arena_calloc(&arena, 24);
        assert_int_equal((uintptr_t)p % _Alignof(max_align_t), 0);
    }
    assert_ptr_equal(kpi__arena_intern(&arena, "件", strlen("件")),
                     kpi__arena_intern(&arena, "件", strlen("件")));
    kpi__arena_free(&arena);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(units_and_labels_interned),
        cmocka_unit_test(editing_does_not_grow_the_arena),
        cmocka_unit_test(large_strings_and_alignment),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
