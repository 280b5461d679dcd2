/* The property the model's limits exist for (test_model_limits.c): a plan
 * the API accepts can always be written and read back. Plans are built at
 * random through the public calls from edge values (fields of KPI_MAX_FIELD
 * bytes, line breaks of every kind, blanks at the ends, quotes, commas, a
 * BOM, "=" first, Japanese and symbols in codes, numbers such as 1e308,
 * -0 and denormals, the first and last dates, the deepest nesting); a call
 * the API refuses is simply not part of the plan. Each plan is written with
 * random flags, read back and compared in every field (updates, directives
 * and the report date too), and written again to the same bytes. The seed
 * is printed; KPI_TEST_SEED replays one. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kpi.h"
#include "csv_support.h"
#include "model/model.h" /* whether an update was read from a figure's row */

#define PLANS 40
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ---- Random values ---------------------------------------------------------- */

static uint64_t rng_state;

static uint64_t next(void)
{
    /* xorshift64*: the same sequence on every platform, for replays. */
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545F4914F6CDD1DULL;
}

static int below(int n)
{
    return (int)(next() % (uint64_t)n);
}

static const char *const pieces[] = {
    "x",
    "a\nb",
    "a\r\nb",
    "\r",
    "a\rb",
    "\n",
    " lead",
    "trail ",
    "\t",
    "  ",
    "\"quoted\"",
    "\"",
    "a,b",
    ",",
    "\xEF\xBB\xBF",
    ("\xEF\xBB\xBF"
     "bom"),
    "=SUM(A1)",
    "+1",
    "-1",
    "@x",
    "'0123",
    "信州うえだ空き家バンク",
    "　全角　",
    "①②",
    "😀",
    "\\",
    "\x01\x1f\x7f",
    "\f\v",
    "#",
    ";",
    "a;b",
    "1,234",
    "30件以上",
    "NaN",
    "plan",
    "type,code,parent",
    "\r\n",
    "\n\n",
    "é",
    "10月に開催予定",
    "物件登録件数：32件",
};

/* Texts of KPI_MAX_FIELD bytes, made once: plain, all quotes, all line
 * breaks, three-byte characters. */
static char *longest[4];

static char *fill(const char *unit, size_t unit_size)
{
    char *s = malloc(KPI_MAX_FIELD + 1);
    assert_non_null(s);
    size_t n = 0;
    while (n + unit_size <= KPI_MAX_FIELD) {
        memcpy(s + n, unit, unit_size);
        n += unit_size;
    }
    memset(s + n, 'x', KPI_MAX_FIELD - n);
    s[KPI_MAX_FIELD] = '\0';
    return s;
}

/* A random text: empty, one to three pieces, or (rarely) the longest. */
static const char *any_text(char *buf, size_t size)
{
    int pick = below(200);
    if (pick < 3)
        return longest[pick + below(2)];
    if (pick < 30)
        return pick < 15 ? "" : NULL;
    buf[0] = '\0';
    for (int n = 1 + below(3); n > 0; n--)
        strncat(buf, pieces[below(COUNT(pieces))], size - strlen(buf) - 1);
    return buf;
}

static const char *const code_pieces[] = {
    "3-2-a",        "目標", "Ａ１", "#", "=1",  "\"q\"", "a,b", "x;y",
    "a\nb",         "a　b", "'",    "😀", "a b", "+",     "@",   "①",
    "\xEF\xBB\xBF", "\\",   "P",    " ", "\t",  "　",
};

static int code_counter;

/* A code, unique but for a rare repeat or the plan's id; sometimes of
 * KPI_MAX_CODE bytes, sometimes with a blank at an end (refused). */
static const char *code(char buf[KPI_MAX_CODE + 1])
{
    if (below(40) == 0)
        return "P";
    snprintf(buf, KPI_MAX_CODE + 1, "%s%d%s", code_pieces[below(COUNT(code_pieces))],
             code_counter++, code_pieces[below(COUNT(code_pieces))]);
    if (below(10) == 0) {
        size_t n = strlen(buf);
        memset(buf + n, 'z', KPI_MAX_CODE - n);
        buf[KPI_MAX_CODE] = '\0';
    }
    return buf;
}

static double number(void)
{
    static const double edges[] = {
        0.0,
        -0.0,
        1,
        -1,
        0.1,
        1.0 / 3,
        1e308,
        -1e308,
        DBL_MAX,
        -DBL_MAX,
        DBL_MIN,
        5e-324,
        -5e-324,
        2.2250738585072009e-308,
        123456789012345678.0,
        9007199254740993.0,
        1e15,
        1e16,
        1e-5,
        1e-7,
        30,
        0.5,
        NAN,
        INFINITY,
    };
    if (below(4))
        return edges[below(COUNT(edges))];
    uint64_t bits = next();
    double x;
    memcpy(&x, &bits, sizeof x);
    return isfinite(x) ? x : 0.25;
}

static int32_t date(void)
{
    static const int32_t edges[] = {10101, 99991231, 20000229, 20170930, 20180331, 0};
    if (below(2))
        return edges[below(COUNT(edges))];
    return (1 + below(9999)) * 10000 + (1 + below(12)) * 100 + 1 + below(28);
}

/* ---- Random plans ------------------------------------------------------------ */

/* What a plan under construction offers to address. */
struct build {
    kpi_plan *plan;
    kpi_goal *goals[64];
    size_t goal_count;
};

static void fill_update(kpi_update *u)
{
    char buf[256];
    if (!u)
        return;
    kpi_update_set_author(u, any_text(buf, sizeof buf));
    if (below(2))
        kpi_update_set_status(u, (kpi_status)below(8), below(2) ? date() : 0);
}

static void fill_target(kpi_target *t)
{
    char buf[256];
    kpi_target_set_unit(t, any_text(buf, sizeof buf));
    kpi_target_set_text(t, any_text(buf, sizeof buf));
    kpi_target_set_kind(t, (kpi_kind)below(3));
    kpi_target_set_direction(t, (kpi_direction)below(2));
    kpi_target_set_schedule(t, (kpi_schedule)below(4));
    kpi_target_set_accumulate(t, (kpi_accumulate)below(2));
    kpi_target_set_value(t, number());
    kpi_target_set_start_value(t, number());
    kpi_target_set_reference(t, number());
    kpi_target_set_change_pct(t, number());
    kpi_target_set_weight(t, number());
    kpi_target_set_start(t, date());
    kpi_target_set_due(t, date());
    for (int n = below(4); n > 0; n--) {
        kpi_measurement *m =
            kpi_target_add_measurement(t, date(), number(), any_text(buf, sizeof buf));
        if (m)
            kpi_measurement_set_author(m, any_text(buf, sizeof buf));
    }
    for (int n = below(3); n > 0; n--) {
        kpi_assessment *a = kpi_target_add_assessment(
            t, date(), (kpi_rating)(1 + below(4)), any_text(buf, sizeof buf));
        if (a)
            kpi_assessment_set_author(a, any_text(buf, sizeof buf));
    }
    for (int n = below(3); n > 0; n--)
        fill_update(kpi_target_add_update(t, date(), any_text(buf, sizeof buf)));
}

static void fill_goal(struct build *b, kpi_goal *g, int depth)
{
    char buf[256], c[KPI_MAX_CODE + 1];
    if (b->goal_count < COUNT(b->goals))
        b->goals[b->goal_count++] = g;
    kpi_goal_set_weight(g, number());
    for (int n = below(3); n > 0; n--)
        kpi_goal_add_note(g, below(2) ? code(c) : NULL, any_text(buf, sizeof buf));
    for (int n = below(3); n > 0; n--) {
        kpi_target *t = kpi_goal_add_target(g, code(c), any_text(buf, sizeof buf));
        if (t)
            fill_target(t);
    }
    for (int n = below(2); n > 0; n--)
        kpi_goal_add_assessment(g, date(), (kpi_rating)(1 + below(4)),
                                any_text(buf, sizeof buf));
    for (int n = below(2); n > 0; n--)
        fill_update(kpi_goal_add_update(g, date(), any_text(buf, sizeof buf)));
    /* Now and then a chain to the deepest level and one past it. */
    int children = depth < 3 ? below(3) : 0;
    if (depth == 1 && below(8) == 0)
        children = KPI_MAX_DEPTH;
    for (int n = 0; n < children; n++) {
        kpi_goal *child = kpi_goal_add_goal(g, code(c), any_text(buf, sizeof buf));
        if (!child)
            continue;
        fill_goal(b, child, depth + 1);
        if (children == KPI_MAX_DEPTH)
            g = child; /* the chain goes on below */
    }
}

static void add_directive(struct build *b)
{
    char buf[256], c[KPI_MAX_CODE + 1];
    kpi_directive *d =
        kpi_plan_add_directive(b->plan, code(c), any_text(buf, sizeof buf));
    if (!d)
        return;
    kpi_directive_set_issuer(d, any_text(buf, sizeof buf));
    kpi_directive_set_date(d, date());
    for (int n = b->goal_count ? below(4) : 0; n > 0; n--)
        kpi_directive_add_goal(d, b->goals[below((int)b->goal_count)]);
    for (int n = below(3); n > 0; n--)
        fill_update(kpi_directive_add_update(d, date(), any_text(buf, sizeof buf)));
}

static kpi_plan *random_plan(void)
{
    char buf[256], c[KPI_MAX_CODE + 1];
    struct build b = {NULL, {NULL}, 0};
    assert_int_equal(kpi_plan_new(&b.plan, "P"), KPI_OK);
    kpi_plan_set_title(b.plan, any_text(buf, sizeof buf));
    kpi_plan_set_organization(b.plan, any_text(buf, sizeof buf));
    kpi_plan_set_department(b.plan, any_text(buf, sizeof buf));
    if (below(2))
        kpi_plan_set_period(b.plan, date(), date());
    if (below(2))
        kpi_plan_set_report_date(b.plan, date());
    for (int n = 1 + below(4); n > 0; n--) {
        kpi_goal *g = kpi_plan_add_goal(b.plan, code(c), any_text(buf, sizeof buf));
        if (g)
            fill_goal(&b, g, 1);
    }
    for (int n = below(3); n > 0; n--)
        add_directive(&b);
    for (int n = below(3); n > 0; n--)
        kpi_plan_add_note(b.plan, below(2) ? code(c) : NULL, any_text(buf, sizeof buf));
    if (below(3) == 0)
        kpi_plan_set_id(b.plan, code(c));
    return b.plan;
}

/* ---- Comparing what assert_plans_equal() leaves out ---------------------------- */

/* An update with no text, status or planned date has no row to be written
 * on (kpi_plan_write_progress()); one read from a figure's row is the
 * figure's note, compared with the figure. */
static int has_row(const kpi_update *u)
{
    return *kpi_update_text(u) || kpi_update_status(u) || kpi_update_planned(u);
}

typedef kpi_update *(*update_at)(void *, size_t);

static kpi_update *target_update(void *o, size_t i)
{
    return kpi_target_update_at(o, i);
}
static kpi_update *goal_update(void *o, size_t i)
{
    return kpi_goal_update_at(o, i);
}
static kpi_update *directive_update(void *o, size_t i)
{
    return kpi_directive_update_at(o, i);
}

static void same_updates(const char *owner, update_at at, void *a, size_t na, void *b,
                         size_t nb)
{
    size_t j = 0;
    for (size_t i = 0; i < na; i++) {
        kpi_update *x = at(a, i), *y = NULL;
        if (!has_row(x))
            continue;
        while (j < nb && (y = at(b, j++))->measurement)
            y = NULL;
        if (!y || kpi_update_date(x) != kpi_update_date(y) ||
            kpi_update_status(x) != kpi_update_status(y) ||
            kpi_update_planned(x) != kpi_update_planned(y) ||
            strcmp(kpi_update_text(x), kpi_update_text(y)) != 0 ||
            strcmp(kpi_update_author(x), kpi_update_author(y)) != 0) {
            print_error("%s: %s: update %zu differs or is missing\n", compare_context,
                        owner, i);
            fail();
        }
    }
    while (j < nb)
        assert_non_null(at(b, j++)->measurement);
}

static void same_goal_updates(kpi_goal *a, kpi_goal *b)
{
    same_updates(kpi_goal_code(a), goal_update, a, kpi_goal_update_count(a), b,
                 kpi_goal_update_count(b));
    for (size_t i = 0; i < kpi_goal_target_count(a); i++) {
        kpi_target *x = kpi_goal_target_at(a, i), *y = kpi_goal_target_at(b, i);
        same_updates(kpi_target_code(x), target_update, x, kpi_target_update_count(x), y,
                     kpi_target_update_count(y));
    }
    for (size_t i = 0; i < kpi_goal_goal_count(a); i++)
        same_goal_updates(kpi_goal_goal_at(a, i), kpi_goal_goal_at(b, i));
}

static void same_directive(kpi_directive *a, kpi_directive *b)
{
    assert_string_equal(kpi_directive_code(a), kpi_directive_code(b));
    assert_string_equal(kpi_directive_text(a), kpi_directive_text(b));
    assert_string_equal(kpi_directive_issuer(a), kpi_directive_issuer(b));
    assert_int_equal(kpi_directive_date(a), kpi_directive_date(b));
    assert_int_equal(kpi_directive_goal_count(a), kpi_directive_goal_count(b));
    for (size_t i = 0; i < kpi_directive_goal_count(a); i++)
        assert_string_equal(kpi_goal_code(kpi_directive_goal_at(a, i)),
                            kpi_goal_code(kpi_directive_goal_at(b, i)));
    same_updates(kpi_directive_code(a), directive_update, a,
                 kpi_directive_update_count(a), b, kpi_directive_update_count(b));
}

static void assert_same_plans(kpi_plan *a, kpi_plan *b)
{
    assert_plans_equal(a, b);
    assert_int_equal(kpi_plan_report_date(a), kpi_plan_report_date(b));
    for (size_t i = 0; i < kpi_plan_goal_count(a); i++)
        same_goal_updates(kpi_plan_goal_at(a, i), kpi_plan_goal_at(b, i));
    assert_int_equal(kpi_plan_directive_count(a), kpi_plan_directive_count(b));
    for (size_t i = 0; i < kpi_plan_directive_count(a); i++)
        same_directive(kpi_plan_directive_at(a, i), kpi_plan_directive_at(b, i));
}

/* ---- The property ---------------------------------------------------------------- */

/* Written with flags and read back without reading texts: the same plan,
 * and written again the same bytes; read as a default reader reads (texts
 * read, what they fill marked inferred and left out of the files): written
 * again, the same bytes too. */
static void check_round_trip(kpi_plan *plan, uint32_t flags)
{
    kpi_reader *plain = new_reader(), *reading = new_reader();
    assert_int_equal(kpi_reader_set_infer(plain, 0), KPI_OK);
    written first = write_ok(plan, flags);
    kpi_plan *copy = read_written(plain, &first);
    assert_same_plans(plan, copy);
    written second = write_ok(copy, flags);
    assert_written_equal(&first, &second);
    kpi_plan *inferred = read_written(reading, &first);
    written third = write_ok(inferred, flags);
    assert_written_equal(&first, &third);
    written_free(&first);
    written_free(&second);
    written_free(&third);
    kpi_plan_free(copy);
    kpi_plan_free(inferred);
    kpi_reader_free(plain);
    kpi_reader_free(reading);
}

static void test_random_plans_round_trip(void **state)
{
    (void)state;
    const char *replay = getenv("KPI_TEST_SEED");
    uint64_t seed = replay ? strtoull(replay, NULL, 0) : 0x6B70692D6C696D73ULL;
    static const uint32_t flag_sets[] = {KPI_WRITE_DEFAULT, KPI_WRITE_NO_BOM,
                                         KPI_WRITE_CRLF,
                                         KPI_WRITE_NO_BOM | KPI_WRITE_CRLF};
    longest[0] = fill("x", 1);
    longest[1] = fill("\"", 1);
    longest[2] = fill("\r\n", 2);
    longest[3] = fill("あ", 3);
    for (int i = 0; i < PLANS; i++) {
        rng_state = seed + (uint64_t)i * 0x9E3779B97F4A7C15ULL;
        snprintf(compare_context, sizeof compare_context, "KPI_TEST_SEED=%llu, plan %d",
                 (unsigned long long)seed, i);
        kpi_plan *plan = random_plan();
        check_round_trip(plan, flag_sets[below(4)]);
        kpi_plan_free(plan);
    }
    for (size_t i = 0; i < COUNT(longest); i++)
        free(longest[i]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_random_plans_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
