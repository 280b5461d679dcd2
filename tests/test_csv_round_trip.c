/* Tests that plan files round-trip without loss: the seed written to memory
 * and to files with every write flag, read back equal field by field and
 * written again byte for byte; 200 random plans (a property test with a
 * fixed seed) with awkward texts, numbers and dates; and texts with tabs or
 * full-width blanks at either end.
 *
 * Inputs are built in memory where the bytes need not be real files; the
 * fixtures under tests/data/csv/ hold what needs real bytes (BOM, CRLF,
 * CP932, quoted newlines). Paths are relative to the source tree root,
 * where ctest runs this program. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <float.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kpi.h"
#include "seed.h"
#include "csv_support.h"

/* ---- Round trips ------------------------------------------------------------- */

/* Seed -> write (memory) -> read -> write: the plans agree field by field
 * and the second writing is byte for byte the first, for every flag. */
static void round_trip_memory_seed(void **state)
{
    (void)state;
    kpi_plan *plan = read_files_ok(NULL, SEED_STRUCTURE, SEED_PROGRESS);
    for (uint32_t flags = 0; flags <= (KPI_WRITE_NO_BOM | KPI_WRITE_CRLF); flags++)
        assert_round_trip(plan, flags);
    kpi_plan_free(plan);
}

/* Seed -> kpi_plan_write_files (temp dir) -> kpi_reader_read_files: the
 * same plan, and the files hold exactly what the memory writers give. */
static void round_trip_files_seed(void **state)
{
    (void)state;
    kpi_plan *plan = read_files_ok(NULL, SEED_STRUCTURE, SEED_PROGRESS);
    char *dir = make_temp_dir();
    char *structure = path_in(dir, "structure.csv");
    char *progress = path_in(dir, "progress.csv");
    for (uint32_t flags = 0; flags <= (KPI_WRITE_NO_BOM | KPI_WRITE_CRLF); flags++) {
        assert_int_equal(kpi_plan_write_files(plan, structure, progress, flags), KPI_OK);
        kpi_plan *copy = read_files_ok(NULL, structure, progress);
        assert_plans_equal(plan, copy);

        written memory = write_ok(plan, flags);
        written files = {NULL, 0, NULL, 0};
        files.structure = read_whole_file(structure, &files.structure_size);
        files.progress = read_whole_file(progress, &files.progress_size);
        assert_written_equal(&memory, &files);
        written_free(&memory);
        free(files.structure);
        free(files.progress);

        /* And the copy read from the files writes the same files again. */
        assert_int_equal(kpi_plan_write_files(copy, structure, progress, flags), KPI_OK);
        written again = write_ok(plan, flags);
        files.structure = read_whole_file(structure, &files.structure_size);
        files.progress = read_whole_file(progress, &files.progress_size);
        assert_written_equal(&again, &files);
        written_free(&again);
        free(files.structure);
        free(files.progress);
        kpi_plan_free(copy);
    }
    remove_dir(dir);
    free(structure);
    free(progress);
    free(dir);
    kpi_plan_free(plan);
}

/* ---- Property test: random plans round-trip -------------------------------- */

static uint64_t rng_state;

/* xorshift64*: small, fast and the same everywhere. */
static uint64_t rng_next(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * UINT64_C(0x2545F4914F6CDD1D);
}

static unsigned rng_below(unsigned n)
{
    return (unsigned)(rng_next() % n);
}

static int rng_percent(unsigned percent)
{
    return rng_below(100) < percent;
}

/* Pieces of awkward text: CSV specials, line breaks, blanks at the ends,
 * Japanese, things that look like numbers or dates. */
static const char *const awkward_pieces[] = {
    "plain",
    "a,b",
    "say \"hi\"",
    "\"",
    ",",
    "\"\"",
    "line1\nline2",
    "cr\ronly",
    "crlf\r\nline",
    "\n",
    "\r\n",
    "  lead",
    "trail  ",
    " ",
    " both ",
    "平成29年度 重点目標一覧表（中間報告調書）",
    "◎○△×",
    "３０件",
    "ｶﾀｶﾅ",
    "①～－髙",
    "=1+2",
    "#",
    "'q'",
    "1,234",
    "-0",
    "nan",
    "a\tb",
    "\tTAB",
    "tab\t",
    "\u3000全角\u3000",
    "2017-09-30",
    "type,code,parent",
    "\xF0\x9F\x98\x80",
};

/* Random text into buf, or NULL (unset) now and then. */
static const char *random_text(char *buf, size_t size, unsigned unset_percent)
{
    if (rng_percent(unset_percent))
        return NULL;
    buf[0] = '\0';
    unsigned pieces = 1 + rng_below(3);
    for (unsigned i = 0; i < pieces; i++) {
        const char *piece =
            awkward_pieces[rng_below(sizeof awkward_pieces / sizeof *awkward_pieces)];
        if (strlen(buf) + strlen(piece) < size)
            strcat(buf, piece);
    }
    return buf;
}

/* Any finite double: special ones often, random bit patterns sometimes. */
static double random_number(void)
{
    static const double numbers[] = {
        0.1,
        1e-7,
        123456789.123,
        -0.0,
        1e300,
        10,
        1.0 / 3,
        0,
        -5,
        30,
        1234.5,
        5e-324,
        DBL_MAX,
        -DBL_MAX,
        2.5,
        1e16,
        1e-300,
        100,
        1e15,
        0.000012345678901234567,
        6.02214076e23,
        -123.456,
        2.2250738585072014e-308,
        9007199254740993.0,
    };
    if (rng_percent(20)) {
        for (;;) {
            uint64_t bits = rng_next();
            double value;
            memcpy(&value, &bits, sizeof value);
            if (isfinite(value))
                return value;
        }
    }
    return numbers[rng_below(sizeof numbers / sizeof *numbers)];
}

static double random_optional_number(void)
{
    return rng_percent(40) ? (double)NAN : random_number();
}

/* A weight: finite and > 0. */
static double random_weight(void)
{
    static const double weights[] = {
        1, 2, 0.5, 0.1, 1.0 / 3, 1e300, 123456789.123, 5e-324, 1e-7, 3, DBL_MAX};
    return weights[rng_below(sizeof weights / sizeof *weights)];
}

static int32_t random_date(void)
{
    if (rng_percent(3))
        return rng_percent(50) ? 10101 : 99991231;
    int32_t date = 0;
    assert_int_equal(kpi_date_add_days(&date, 20170401, (int32_t)rng_below(4000) - 2000),
                     KPI_OK);
    return date;
}

/* Dates that repeat often, so that measurements share dates. */
static int32_t random_event_date(void)
{
    static const int32_t dates[] = {20170930, 20170930, 20170430, 20180331};
    return rng_percent(30) ? random_date() : dates[rng_below(4)];
}

static unsigned code_counter;

/* A code no other object of the plan has: awkward prefixes, a counter. */
static const char *random_code(char *buf, size_t size)
{
    static const char *const prefixes[] = {"",     "g-", "目標", "a,b",
                                           "x\"y", "Ｋ", "3-2-", "line\nbreak"};
    snprintf(buf, size, "%s%u", prefixes[rng_below(sizeof prefixes / sizeof *prefixes)],
             code_counter++);
    return buf;
}

static void random_notes(kpi_plan *plan, kpi_goal *goal)
{
    unsigned count = rng_percent(50) ? rng_below(4) : 0;
    for (unsigned i = 0; i < count; i++) {
        char code[64], buf[256];
        const char *note_code = rng_percent(50) ? random_code(code, sizeof code) : NULL;
        const char *note = random_text(buf, sizeof buf, 0);
        int rc = goal ? kpi_goal_add_note(goal, note_code, note)
                      : kpi_plan_add_note(plan, note_code, note);
        assert_int_equal(rc, KPI_OK);
    }
}

static void random_assessments(kpi_goal *goal, kpi_target *target)
{
    unsigned count = rng_percent(40) ? 1 + rng_below(3) : 0;
    for (unsigned i = 0; i < count; i++) {
        char buf[256], author[256];
        kpi_rating rating = (kpi_rating)(KPI_RATING_NOT_PROGRESSED + (int)rng_below(4));
        const char *comment = random_text(buf, sizeof buf, 40);
        int32_t date = random_event_date();
        kpi_assessment *a =
            goal ? kpi_goal_add_assessment(goal, date, rating, comment)
                 : kpi_target_add_assessment(target, date, rating, comment);
        assert_non_null(a);
        assert_int_equal(
            kpi_assessment_set_author(a, random_text(author, sizeof author, 60)), KPI_OK);
    }
}

static void random_target(kpi_goal *goal)
{
    char code[64], buf[256];
    kpi_target *t = NULL;
    assert_non_null(t = kpi_goal_add_target(goal, random_code(code, sizeof code),
                                            random_text(buf, sizeof buf, 25)));
    kpi_kind kind = (kpi_kind)rng_below(3);
    assert_int_equal(kpi_target_set_kind(t, kind), KPI_OK);
    assert_int_equal(kpi_target_set_direction(t, (kpi_direction)rng_below(2)), KPI_OK);
    assert_int_equal(kpi_target_set_schedule(t, (kpi_schedule)rng_below(4)), KPI_OK);
    assert_int_equal(kpi_target_set_accumulate(t, (kpi_accumulate)rng_below(2)), KPI_OK);
    assert_int_equal(kpi_target_set_unit(t, random_text(buf, sizeof buf, 50)), KPI_OK);
    assert_int_equal(kpi_target_set_text(t, random_text(buf, sizeof buf, 40)), KPI_OK);
    assert_int_equal(kpi_target_set_value(t, random_optional_number()), KPI_OK);
    assert_int_equal(kpi_target_set_start_value(t, random_optional_number()), KPI_OK);
    assert_int_equal(kpi_target_set_reference(t, random_optional_number()), KPI_OK);
    assert_int_equal(kpi_target_set_change_pct(t, random_optional_number()), KPI_OK);
    if (rng_percent(40))
        assert_int_equal(kpi_target_set_weight(t, random_weight()), KPI_OK);
    if (rng_percent(40))
        assert_int_equal(kpi_target_set_start(t, random_date()), KPI_OK);
    if (rng_percent(40))
        assert_int_equal(kpi_target_set_due(t, random_date()), KPI_OK);

    static const double progress[] = {0, 1, 0.5, 1.0 / 3, -0.0, 1e-7, 0.1, 5e-324};
    unsigned count = rng_percent(70) ? rng_below(5) : 0;
    for (unsigned i = 0; i < count; i++) {
        double value = kind == KPI_KIND_MILESTONE
                           ? progress[rng_below(sizeof progress / sizeof *progress)]
                           : random_number();
        kpi_measurement *m = NULL;
        char author[256];
        assert_non_null(m = kpi_target_add_measurement(t, random_event_date(), value,
                                                       random_text(buf, sizeof buf, 40)));
        assert_int_equal(
            kpi_measurement_set_author(m, random_text(author, sizeof author, 60)),
            KPI_OK);
    }
    random_assessments(NULL, t);
}

static void random_goal(kpi_goal *goal, int depth)
{
    if (rng_percent(30))
        assert_int_equal(kpi_goal_set_weight(goal, random_weight()), KPI_OK);
    random_notes(NULL, goal);
    random_assessments(goal, NULL);
    unsigned targets = rng_below(4);
    for (unsigned i = 0; i < targets; i++)
        random_target(goal);
    unsigned children = depth < 4 ? rng_below(depth == 1 ? 4 : 3) : 0;
    for (unsigned i = 0; i < children; i++) {
        char code[64], buf[256];
        kpi_goal *child = NULL;
        assert_non_null(child = kpi_goal_add_goal(goal, random_code(code, sizeof code),
                                                  random_text(buf, sizeof buf, 25)));
        random_goal(child, depth + 1);
    }
}

static kpi_plan *random_plan(unsigned index)
{
    static const char *const ids[] = {"plan-", "計画,", "p\"lan ", "ueda-2017-"};
    char id[64], buf[256];
    snprintf(id, sizeof id, "%s%u", ids[rng_below(4)], index);
    kpi_plan *plan = NULL;
    assert_int_equal(kpi_plan_new(&plan, id), KPI_OK);
    assert_int_equal(kpi_plan_set_title(plan, random_text(buf, sizeof buf, 25)), KPI_OK);
    assert_int_equal(kpi_plan_set_organization(plan, random_text(buf, sizeof buf, 40)),
                     KPI_OK);
    assert_int_equal(kpi_plan_set_department(plan, random_text(buf, sizeof buf, 40)),
                     KPI_OK);
    if (rng_percent(50)) {
        int32_t start = random_date(), end;
        if (kpi_date_add_days(&end, start, (int32_t)rng_below(800)) != KPI_OK)
            end = start;
        assert_int_equal(kpi_plan_set_period(plan, start, end), KPI_OK);
    }
    random_notes(plan, NULL);
    unsigned goals = rng_below(4);
    for (unsigned i = 0; i < goals; i++) {
        char code[64];
        kpi_goal *goal = NULL;
        assert_non_null(goal = kpi_plan_add_goal(plan, random_code(code, sizeof code),
                                                 random_text(buf, sizeof buf, 25)));
        random_goal(goal, 1);
    }
    return plan;
}

/* 200 random plans (goals to depth 4, every field set or not, awkward
 * strings and numbers, same-date measurements, assessments on targets and
 * goals, notes on plan and goals), each with random write flags: written,
 * read back and compared field by field, and written again identically. */
static void round_trip_property(void **state)
{
    (void)state;
    const uint64_t seed = UINT64_C(0x20170930C5F1A2B3);
    print_message("round_trip_property: xorshift64* seed 0x%016" PRIx64 "\n", seed);
    rng_state = seed;
    size_t goals = 0, targets = 0;
    for (unsigned i = 0; i < 200; i++) {
        code_counter = 0;
        kpi_plan *plan = random_plan(i);
        uint32_t flags = rng_below(4);
        snprintf(compare_context, sizeof compare_context, "random plan %u (flags %u)", i,
                 (unsigned)flags);
        goals += kpi_plan_total_goal_count(plan);
        targets += kpi_plan_total_target_count(plan);
        assert_round_trip(plan, flags);
        kpi_plan_free(plan);
    }
    compare_context[0] = '\0';
    print_message("round_trip_property: %zu goals, %zu targets\n", goals, targets);
}

/* Text with tabs or full-width blanks at either end round-trips like any
 * other (the contract: files round-trip without loss). */
static void round_trip_blank_edges(void **state)
{
    (void)state;
    static const char *const texts[] = {"\tindented", "trailing\t", "\t",
                                        "\u3000全角\u3000", " \t mixed \t "};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        kpi_plan *plan = NULL;
        kpi_goal *goal = NULL;
        kpi_target *t = NULL;
        kpi_measurement *m = NULL;
        assert_int_equal(kpi_plan_new(&plan, "p"), KPI_OK);
        assert_int_equal(kpi_plan_set_title(plan, texts[i]), KPI_OK);
        assert_non_null(goal = kpi_plan_add_goal(plan, "g", texts[i]));
        assert_non_null(t = kpi_goal_add_target(goal, "t", texts[i]));
        assert_int_equal(kpi_target_set_unit(t, texts[i]), KPI_OK);
        assert_non_null(m = kpi_target_add_measurement(t, 20170930, 1, texts[i]));
        assert_int_equal(kpi_plan_add_note(plan, NULL, texts[i]), KPI_OK);
        snprintf(compare_context, sizeof compare_context, "blank edges %zu", i);
        assert_round_trip(plan, KPI_WRITE_DEFAULT);
        kpi_plan_free(plan);
    }
    compare_context[0] = '\0';
}

/* ---- Main ---------------------------------------------------------------- */

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(round_trip_memory_seed),
        cmocka_unit_test(round_trip_files_seed),
        cmocka_unit_test(round_trip_property),
        cmocka_unit_test(round_trip_blank_edges),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
