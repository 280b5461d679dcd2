/*
 * test_render_scale.c: no input makes a report slow.
 *
 * A goal title of 1 MB of あ took half a minute to render as text: at
 * every line break the widow check measured the whole rest of the text.
 * Here the work is counted, not timed (a fast machine would hide a
 * quadratic step, a busy one would fail a linear one):
 * kpi__width_work() counts the characters the text layer decodes and the
 * bytes the line breaker steps over, and each test bounds it by a
 * constant times the input.
 * - one line break of a huge text reads about one line, at every width;
 * - breaking a whole text into lines reads each byte a bounded number of
 *   times, for every shape: wide, ASCII without spaces, blanks, combining
 *   marks after one base, invisible characters (U+200B, U+FEFF), closing
 *   and opening punctuation, line breaks;
 * - a whole report (text at several widths, Markdown) of such a text as a
 *   goal's title, a target's wording, an update's or a directive's text,
 *   in both languages;
 * - stepping back over UTF-8 agrees with reading forward, bad bytes too;
 * - a directive's reference under a goal reads only what it shows;
 * - the directives addressed to each goal are found once per report and
 *   agree with asking each directive;
 * - many targets in one goal cost in proportion to their number.
 * Run from the repository root (ctest does).
 */
#define _DEFAULT_SOURCE /* mmap's MAP_ANONYMOUS, for the unreadable page */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "kpi.h"
#include "report/display.h"
#include "report/linebreak.h"
#include "report/width.h"

#define AS_OF 20170930
#define HUGE_TEXT (1024 * 1024)
#define BIG_TEXT (128 * 1024)
#define REPORT_TEXT (48 * 1024)
/* Work per byte of input a linear pass may take: each byte is decoded a
 * few times (made plain, measured, fitted, looked back at). The old
 * quadratic widow check took hundreds per byte on these sizes. */
#define WORK_PER_BYTE 12

struct shape {
    const char *name;
    const char *prefix;
    const char *unit; /* repeated to fill the text */
};

static const struct shape shapes[] = {
    {"wide", "", "あ"},
    {"ASCII without blanks", "", "a"},
    {"blanks after a letter", "x", " "},
    {"words", "", "ab "},
    {"combining marks after one base", "e", "\xCC\x81"},
    {"zero-width spaces", "", "\xE2\x80\x8B"},
    {"BOMs", "", "\xEF\xBB\xBF"},
    {"wide and invisible", "", "あ\xE2\x80\x8B"},
    {"closing punctuation", "", "あ。"},
    {"closing only", "", "」"},
    {"opening brackets", "", "「"},
    {"arrows", "", "→"},
    {"small kana", "", "ッ"},
    {"line breaks", "", "あ\n"},
    {"one long word", "あ", "a"},
};
#define SHAPES (sizeof shapes / sizeof shapes[0])

/* The shape's unit repeated after its prefix up to size bytes (whole
 * units); free with free(). */
static char *fill(const struct shape *shape, size_t size)
{
    size_t unit = strlen(shape->unit), n = strlen(shape->prefix);
    char *text = malloc(size + 1);
    assert_non_null(text);
    memcpy(text, shape->prefix, n);
    for (; n + unit <= size; n += unit)
        memcpy(text + n, shape->unit, unit);
    text[n] = '\0';
    return text;
}

/* ------------------------------------------------------------------------ */
/* The line breaker                                                         */
/* ------------------------------------------------------------------------ */

/* The first line of 1 MB of text reads that line and a few characters
 * around it, not the megabyte, at every width a page can give. */
static void test_one_break_reads_one_line(void **state)
{
    (void)state;
    for (size_t s = 0; s < SHAPES; s++) {
        if (strchr(shapes[s].unit, ' ') || strchr(shapes[s].unit, '\n'))
            continue; /* the blanks after a line are skipped: read, rightly */
        char *text = fill(&shapes[s], HUGE_TEXT);
        size_t n = strlen(text);
        for (size_t max = 2; max <= 160; max++) {
            size_t next, before = kpi__width_work();
            kpi__line_take(text, n, max, &next);
            size_t work = kpi__width_work() - before;
            if (work > 8 * (next + max) + 64)
                fail_msg("%s, %zu cells: %zu steps for a line of %zu bytes",
                         shapes[s].name, max, work, next);
            if (next == n)
                break; /* marks of no width: one line at any width */
        }
        free(text);
    }
}

/* Breaking a whole text into lines of max cells; the work it took. */
static size_t break_all(const char *text, size_t n, size_t max)
{
    size_t before = kpi__width_work(), at = 0;
    while (at < n) {
        size_t next;
        kpi__line_take(text + at, n - at, max, &next);
        assert_true(next > 0); /* every line moves on */
        at += next;
    }
    return kpi__width_work() - before;
}

static void test_every_break_reads_a_bounded_amount(void **state)
{
    (void)state;
    static const size_t widths[] = {2, 3, 40, 97, 160};
    for (size_t s = 0; s < SHAPES; s++) {
        char *text = fill(&shapes[s], BIG_TEXT);
        size_t n = strlen(text);
        for (size_t w = 0; w < sizeof widths / sizeof widths[0]; w++) {
            size_t work = break_all(text, n, widths[w]);
            if (work > WORK_PER_BYTE * n)
                fail_msg("%s, %zu cells: %zu steps for %zu bytes", shapes[s].name,
                         widths[w], work, n);
        }
        free(text);
    }
}

/* From every character boundary of random bytes (valid or not),
 * kpi__utf8_prev() finds the boundary and the character that
 * kpi__utf8_next() found reading forward. */
static void test_stepping_back_agrees(void **state)
{
    (void)state;
    static const unsigned char alphabet[] = {'a',  ' ',  0x80, 0x81, 0xBF, 0xC2, 0xC3,
                                             0xDF, 0xE0, 0xE3, 0xED, 0xF0, 0xF4, 0xF5,
                                             0xA0, 0x9F, 0x90, 0x8F, 0xFF, 0xC0};
    unsigned seed = 12345;
    for (int round = 0; round < 2000; round++) {
        char s[24];
        size_t starts[25], count = 0;
        uint32_t cps[25];
        for (size_t i = 0; i < sizeof s; i++) {
            seed = seed * 1103515245u + 12345u;
            s[i] = (char)alphabet[(seed >> 16) % sizeof alphabet];
        }
        for (size_t i = 0; i < sizeof s; count++) {
            starts[count] = i;
            i += kpi__utf8_next(s + i, sizeof s - i, &cps[count]);
        }
        starts[count] = sizeof s;
        for (size_t k = count; k > 0; k--) {
            uint32_t cp;
            assert_int_equal(kpi__utf8_prev(s, starts[k], &cp), starts[k - 1]);
            assert_int_equal(cp, cps[k - 1]);
        }
    }
}

/* ------------------------------------------------------------------------ */
/* Whole reports                                                            */
/* ------------------------------------------------------------------------ */

enum place { GOAL_TITLE, TARGET_WORDING, UPDATE_TEXT, DIRECTIVE_TEXT, PLACES };

static const char *const place_names[PLACES] = {"goal title", "target wording",
                                                "update text", "directive text"};

/* A plan of one goal and one target, with text where asked. */
static kpi_evaluation *evaluate_with(enum place place, const char *text)
{
    kpi_plan *plan = NULL;
    kpi_evaluation *ev = NULL;
    assert_int_equal(kpi_plan_new(&plan, "scale"), KPI_OK);
    assert_int_equal(kpi_plan_set_fiscal_year(plan, 2017), KPI_OK);
    kpi_goal *goal = kpi_plan_add_goal(plan, "G", place == GOAL_TITLE ? text : "goal");
    assert_non_null(goal);
    kpi_target *target =
        kpi_goal_add_target(goal, "T", place == TARGET_WORDING ? text : "target");
    assert_non_null(target);
    assert_int_equal(kpi_target_set_value(target, 30), KPI_OK);
    assert_non_null(kpi_target_add_measurement(target, AS_OF, 10, NULL));
    if (place == UPDATE_TEXT)
        assert_non_null(kpi_target_add_update(target, AS_OF, text));
    if (place == DIRECTIVE_TEXT) {
        kpi_directive *d = kpi_plan_add_directive(plan, "D", text);
        assert_non_null(d);
        assert_int_equal(kpi_directive_add_goal(d, goal), KPI_OK);
    }
    assert_int_equal(kpi_evaluate(&ev, plan, AS_OF, NULL), KPI_OK);
    kpi_plan_free(plan);
    return ev;
}

/* The work of one render; width 0 renders Markdown. */
static size_t render_work(const kpi_evaluation *ev, kpi_lang lang, int32_t width)
{
    char *out = NULL;
    size_t before = kpi__width_work();
    if (width)
        assert_int_equal(kpi_evaluation_render_text(&out, NULL, ev, lang, width), KPI_OK);
    else
        assert_int_equal(kpi_evaluation_render(&out, NULL, ev, KPI_FORMAT_MARKDOWN, lang),
                         KPI_OK);
    kpi_free(out);
    return kpi__width_work() - before;
}

/* Markdown (0), the narrowest page, and a width past the widest page (160). */
static const int32_t report_widths[] = {0, 40, 100000};
#define REPORT_WIDTHS (sizeof report_widths / sizeof report_widths[0])

/* The report of text in place, beyond that of a one-letter text, against
 * the text's bytes. */
static void check_report(enum place place, const struct shape *shape,
                         const size_t base[2][REPORT_WIDTHS])
{
    char *text = fill(shape, REPORT_TEXT);
    size_t n = strlen(text);
    kpi_evaluation *ev = evaluate_with(place, text);
    for (int lang = 0; lang < 2; lang++)
        for (size_t w = 0; w < REPORT_WIDTHS; w++) {
            size_t work = render_work(ev, (kpi_lang)lang, report_widths[w]);
            if (work > base[lang][w] + WORK_PER_BYTE * n)
                fail_msg("%s of %s, %s, width %d: %zu steps for %zu bytes",
                         place_names[place], shape->name, lang ? "en" : "ja",
                         (int)report_widths[w], work - base[lang][w], n);
        }
    kpi_evaluation_free(ev);
    free(text);
}

static void test_reports_of_huge_cells(void **state)
{
    (void)state;
    for (int place = 0; place < PLACES; place++) {
        size_t base[2][REPORT_WIDTHS];
        kpi_evaluation *ev = evaluate_with((enum place)place, "x");
        for (int lang = 0; lang < 2; lang++)
            for (size_t w = 0; w < REPORT_WIDTHS; w++)
                base[lang][w] = render_work(ev, (kpi_lang)lang, report_widths[w]);
        kpi_evaluation_free(ev);
        for (size_t s = 0; s < SHAPES; s++)
            check_report((enum place)place, &shapes[s],
                         (const size_t(*)[REPORT_WIDTHS])base);
    }
}

/* A goal with count targets, one in three cancelled. */
static kpi_evaluation *evaluate_targets(int count)
{
    kpi_plan *plan = NULL;
    kpi_evaluation *ev = NULL;
    assert_int_equal(kpi_plan_new(&plan, "scale"), KPI_OK);
    assert_int_equal(kpi_plan_set_fiscal_year(plan, 2017), KPI_OK);
    kpi_goal *goal = kpi_plan_add_goal(plan, "G", "goal");
    assert_non_null(goal);
    for (int i = 0; i < count; i++) {
        char code[16];
        snprintf(code, sizeof code, "T%d", i);
        kpi_target *t = kpi_goal_add_target(goal, code, "物件登録件数30件以上");
        assert_non_null(t);
        assert_int_equal(kpi_target_set_value(t, 30), KPI_OK);
        assert_non_null(kpi_target_add_measurement(t, AS_OF, i % 40, NULL));
        if (i % 3 == 0) {
            kpi_update *u = kpi_target_add_update(t, AS_OF, "中止");
            assert_non_null(u);
            assert_int_equal(kpi_update_set_status(u, KPI_STATUS_CANCELLED, 0), KPI_OK);
        }
    }
    assert_int_equal(kpi_evaluate(&ev, plan, AS_OF, NULL), KPI_OK);
    kpi_plan_free(plan);
    return ev;
}

/* Five times the targets, about five times the work, in every width. */
static void test_many_targets(void **state)
{
    (void)state;
    kpi_evaluation *few = evaluate_targets(400), *many = evaluate_targets(2000);
    for (int lang = 0; lang < 2; lang++)
        for (size_t w = 0; w < REPORT_WIDTHS; w++) {
            size_t a = render_work(few, (kpi_lang)lang, report_widths[w]);
            size_t b = render_work(many, (kpi_lang)lang, report_widths[w]);
            if (b > 6 * a)
                fail_msg("width %d: %zu steps for 400 targets, %zu for 2000",
                         (int)report_widths[w], a, b);
        }
    kpi_evaluation_free(few);
    kpi_evaluation_free(many);
}

/* ------------------------------------------------------------------------ */
/* Directives under their goals                                             */
/* ------------------------------------------------------------------------ */

/* A directive's reference under a goal shows the start of its text, so it
 * reads no more: its text ends at an unreadable page, with no terminating
 * NUL, which measuring the whole text would run into. */
static void test_directive_reference_reads_what_it_shows(void **state)
{
    (void)state;
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    char *pages =
        mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    assert_true(pages != MAP_FAILED);
    assert_int_equal(mprotect(pages + page, page, PROT_NONE), 0);
    char *text = pages + page % 3; /* whole characters up to the guard */
    for (char *p = text; p < pages + page; p += 3)
        memcpy(p, "あ", 3);
    char code[] = "D-1", issuer[] = "市長";
    kpi_result d;
    kpi__result_extra extra;
    memset(&d, 0, sizeof d);
    memset(&extra, 0, sizeof extra);
    d.kind = KPI_OBJECT_DIRECTIVE;
    d.code = code;
    d.extra = &extra;
    extra.issuer = issuer;
    d.title = text;
    d.open = 1;
    extra.days_open = -1;
    kpi__strbuf ref = {0};
    kpi__display_directive_ref(&ref, &d, KPI_LANG_JA);
    assert_false(ref.failed);
    assert_string_equal(
        ref.data,
        "市長指示 D-1 未回答「ああああああああああああああああああああああああ…」");
    kpi__strbuf_free(&ref);
    munmap(pages, 2 * page);
}

#define GOALS 40
#define DIRECTIVES 60

/* GOALS goals (every fifth under the one before) and DIRECTIVES
 * directives addressed to goals in a scrambled order, some to none. */
static kpi_evaluation *evaluate_directives(void)
{
    kpi_plan *plan = NULL;
    kpi_evaluation *ev = NULL;
    kpi_goal *goals[GOALS];
    assert_int_equal(kpi_plan_new(&plan, "plan"), KPI_OK);
    assert_int_equal(kpi_plan_set_fiscal_year(plan, 2017), KPI_OK);
    for (int i = 0; i < GOALS; i++) {
        char code[16];
        snprintf(code, sizeof code, "G%d", i);
        goals[i] = i % 5 == 4 ? kpi_goal_add_goal(goals[i - 1], code, "sub")
                              : kpi_plan_add_goal(plan, code, "goal");
        assert_non_null(goals[i]);
    }
    for (int i = 0; i < DIRECTIVES; i++) {
        char code[16];
        snprintf(code, sizeof code, "D%d", i);
        kpi_directive *d = kpi_plan_add_directive(plan, code, "指示");
        assert_non_null(d);
        for (int k = 0; k < i % 7; k++)
            assert_int_equal(kpi_directive_add_goal(d, goals[(i * 13 + k * 7) % GOALS]),
                             KPI_OK);
    }
    assert_int_equal(kpi_evaluate(&ev, plan, AS_OF, NULL), KPI_OK);
    kpi_plan_free(plan);
    return ev;
}

/* Whether the directive names the goal's code, as the reports asked each
 * directive before. */
static int names_goal(const kpi_result *d, const kpi_result *g)
{
    for (size_t i = 0; i < d->extra->goal_count; i++)
        if (strcmp(d->extra->goals[i], g->code) == 0)
            return 1;
    return 0;
}

static void test_directives_found_once(void **state)
{
    (void)state;
    kpi_evaluation *ev = evaluate_directives();
    kpi__strbuf out = {0};
    kpi__directive_refs refs;
    kpi__directive_refs_init(&refs, &out, ev);
    assert_false(out.failed);
    size_t pairs = 0;
    for (size_t g = 0; g < ev->count; g++) {
        const kpi_result *goal = &ev->results[g];
        if (goal->kind != KPI_OBJECT_GOAL)
            continue;
        size_t k = 0;
        for (size_t d = 0; d < ev->directive_count; d++) {
            if (!names_goal(kpi__directive(ev, d), goal))
                continue;
            assert_true(k < kpi__directive_refs_count(&refs, goal));
            assert_int_equal(kpi__directive_ref(&refs, goal, k++), d);
        }
        assert_int_equal(kpi__directive_refs_count(&refs, goal), k);
        pairs += k;
    }
    assert_int_equal(kpi__directive_refs_count(&refs, &ev->results[0]), 0); /* the plan */
    assert_true(pairs > DIRECTIVES);
    kpi__directive_refs_free(&refs);
    kpi_evaluation_free(ev);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_one_break_reads_one_line),
        cmocka_unit_test(test_every_break_reads_a_bounded_amount),
        cmocka_unit_test(test_stepping_back_agrees),
        cmocka_unit_test(test_reports_of_huge_cells),
        cmocka_unit_test(test_many_targets),
        cmocka_unit_test(test_directive_reference_reads_what_it_shows),
        cmocka_unit_test(test_directives_found_once),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
