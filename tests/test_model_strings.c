/*
 * Where the model keeps its strings (util/arena.h, KPI__OWN_*): a plan's
 * targets and their first strings live in its arena, units and labels
 * interned; a setter that replaces a string allocates it on its own, so
 * that editing a field many times does not grow the arena; a string
 * larger than a block gets a block of its own, and every arena object is
 * aligned. And the one UTF-8 check every string passes: its short cuts
 * (eight ASCII bytes at a time, the usual three-byte characters) accept
 * exactly what the decoder accepts.
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
#include "util/utf8.h"

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

/* The blocks of both the plan's arenas: its strings and its objects. */
static size_t arena_blocks(const kpi_plan *plan)
{
    return kpi__arena_block_count(plan->strings) + kpi__arena_block_count(&plan->objects);
}

static void editing_does_not_grow_the_arena(void **state)
{
    (void)state;
    kpi_goal *goal;
    kpi_plan *plan = plan_with_goal(&goal);
    kpi_target *t = kpi_goal_add_target(goal, "t", "label");
    kpi_measurement *m = kpi_target_add_measurement(t, 20170930, 1, "note");
    assert_non_null(m);
    size_t blocks = arena_blocks(plan);
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
    assert_int_equal(arena_blocks(plan), blocks);
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

/* The valid prefix as the decoder alone finds it, one character at a time. */
static size_t decoded_prefix(const char *bytes, size_t size)
{
    size_t i = 0;
    uint32_t cp;
    while (i < size) {
        size_t length = kpi__utf8_decode(bytes + i, size - i, &cp);
        if (length == 0)
            return i;
        i += length;
    }
    return size;
}

static void expect_same_prefix(const unsigned char *sequence, size_t length)
{
    /* ASCII on both sides, so that the eight-byte path runs into the
     * sequence and on after it; and the sequence at the very end. */
    char buf[32] = "abcdefghij";
    memcpy(buf + 10, sequence, length);
    memcpy(buf + 10 + length, "klmnopqrst", 10);
    for (size_t size = 10 + length; size <= 20 + length; size += 10) {
        size_t expected = decoded_prefix(buf, size);
        size_t got = kpi__utf8_valid_prefix(buf, size);
        if (got != expected)
            fail_msg("%02x %02x %02x %02x (%zu bytes) in %zu: valid prefix %zu, the "
                     "decoder says %zu",
                     sequence[0], length > 1 ? sequence[1] : 0,
                     length > 2 ? sequence[2] : 0, length > 3 ? sequence[3] : 0, length,
                     size, got, expected);
    }
}

/* Every lead byte from 0x80 with every second byte and a third at the
 * edges of the ranges, every four-byte lead with every second and third and three kinds
 * of fourth, and sequences cut short. */
static void utf8_check_agrees_with_the_decoder(void **state)
{
    (void)state;
    /* The third byte only at the edges of the ranges that matter. */
    static const unsigned char third[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90,
                                          0x9F, 0xA0, 0xBF, 0xC0, 0xFF};
    unsigned char seq[4];
    for (unsigned lead = 0x80; lead <= 0xFF; lead++)
        for (unsigned b1 = 0; b1 <= 0xFF; b1++)
            for (size_t k = 0; k < sizeof third; k++) {
                seq[0] = (unsigned char)lead;
                seq[1] = (unsigned char)b1;
                seq[2] = third[k];
                expect_same_prefix(seq, 3);
                if (k == 0)
                    expect_same_prefix(seq, 2);
                if (b1 == 0 && k == 0)
                    expect_same_prefix(seq, 1);
            }
    static const unsigned char fourth[] = {0x41, 0x80, 0xBF};
    for (unsigned lead = 0xF0; lead <= 0xF7; lead++)
        for (unsigned b1 = 0x70; b1 <= 0xCF; b1++)
            for (unsigned b2 = 0x70; b2 <= 0xCF; b2++)
                for (size_t k = 0; k < sizeof fourth; k++) {
                    unsigned char four[4] = {(unsigned char)lead, (unsigned char)b1,
                                             (unsigned char)b2, fourth[k]};
                    expect_same_prefix(four, 4);
                }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(units_and_labels_interned),
        cmocka_unit_test(editing_does_not_grow_the_arena),
        cmocka_unit_test(large_strings_and_alignment),
        cmocka_unit_test(utf8_check_agrees_with_the_decoder),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
