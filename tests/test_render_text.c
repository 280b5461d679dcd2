/*
 * test_render_text.c: the text and Markdown reports (kpi_evaluation_render()
 * with KPI_FORMAT_TEXT and KPI_FORMAT_MARKDOWN) and the East Asian width
 * function they are laid out with (lib/width.h).
 *
 * - Golden files: the seed (examples/data/ueda-2017-*.csv) rated as of
 *   2017-09-30 renders exactly as tests/data/golden/seed-ja.txt,
 *   seed-en.txt and seed.md. When a report differs, the test prints the
 *   differing lines, unified-diff style, and fails.
 *   To regenerate them after an intended change, run the test with
 *   KPI_UPDATE_GOLDEN=1 (from the repository root):
 *       KPI_UPDATE_GOLDEN=1 build/tests/test_render_text
 *   It then writes the files and fails, saying so, so that an update can
 *   never pass silently; read the new files (git diff) before committing.
 * - Width: ASCII 1 cell, kana and kanji 2, half-width katakana 1, combining
 *   marks 0, the rating symbols ◎○△× 2 (lib/width.c says why).
 * - Layout: for a plan of mixed Japanese and ASCII, at many widths and in
 *   both languages, every line fits the width, measured with width.h and
 *   with an independent, cruder measure; table rows line up with their
 *   heading; the output is valid UTF-8 even where the input is not, and
 *   text cut with … is cut between characters.
 * - Arguments of kpi_evaluation_render(), kpi_format_parse() and
 *   kpi_format_name().
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kpi.h"
#include "seed.h"
#include "rules/evaluation.h"
#include "report/width.h"

#define AS_OF 20170930 /* the seed's mid-year report date */
#define GOLDEN_DIR "tests/data/golden/"
#define DIFF_LINES 12 /* lines of each side shown when a golden differs */

#define assert_ok(call) assert_int_equal((call), KPI_OK)

/* ------------------------------------------------------------------------ */
/* Files                                                                    */
/* ------------------------------------------------------------------------ */

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *data = NULL;
    long size = fseek(f, 0, SEEK_END) == 0 ? ftell(f) : -1;
    if (size >= 0 && fseek(f, 0, SEEK_SET) == 0 && (data = malloc((size_t)size + 1))) {
        if (fread(data, 1, (size_t)size, f) != (size_t)size) {
            free(data);
            data = NULL;
        } else {
            data[size] = '\0';
        }
    }
    fclose(f);
    return data;
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        fail_msg("cannot write %s", path);
    fputs(text, f);
    if (fclose(f) != 0)
        fail_msg("cannot write %s", path);
}

/* ------------------------------------------------------------------------ */
/* Independent checks                                                       */
/* ------------------------------------------------------------------------ */

/* Whether s is valid UTF-8 (no overlong form, surrogate or value past
 * U+10FFFF), checked byte pattern by byte pattern. */
static int utf8_valid(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    while (*u) {
        if (u[0] < 0x80) {
            u++;
        } else if (u[0] >= 0xC2 && u[0] <= 0xDF) {
            if ((u[1] & 0xC0) != 0x80)
                return 0;
            u += 2;
        } else if (u[0] >= 0xE0 && u[0] <= 0xEF) {
            if ((u[1] & 0xC0) != 0x80 || (u[2] & 0xC0) != 0x80)
                return 0;
            if (u[0] == 0xE0 && u[1] < 0xA0)
                return 0; /* overlong */
            if (u[0] == 0xED && u[1] >= 0xA0)
                return 0; /* surrogate */
            u += 3;
        } else if (u[0] >= 0xF0 && u[0] <= 0xF4) {
            if ((u[1] & 0xC0) != 0x80 || (u[2] & 0xC0) != 0x80 || (u[3] & 0xC0) != 0x80)
                return 0;
            if ((u[0] == 0xF0 && u[1] < 0x90) || (u[0] == 0xF4 && u[1] >= 0x90))
                return 0;
            u += 4;
        } else {
            return 0;
        }
    }
    return 1;
}

/* A crude upper bound of a line's cells, independent of width.c: ASCII
 * is one cell, half-width katakana one, combining diacritics and kana
 * voicing marks none, every other character two. */
static size_t crude_cells(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t cells = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t len;
        if (u[i] < 0x80) {
            cp = u[i], len = 1;
        } else if (u[i] < 0xE0) {
            cp = ((u[i] & 0x1Fu) << 6) | (u[i + 1] & 0x3Fu), len = 2;
        } else if (u[i] < 0xF0) {
            cp = ((u[i] & 0x0Fu) << 12) | ((u[i + 1] & 0x3Fu) << 6) | (u[i + 2] & 0x3Fu);
            len = 3;
        } else {
            cp = 0x10000, len = 4;
        }
        if (cp < 0x80 || (cp >= 0xFF61 && cp <= 0xFF9F))
            cells += 1;
        else if (!((cp >= 0x300 && cp <= 0x36F) || cp == 0x3099 || cp == 0x309A))
            cells += 2;
        i += len;
    }
    return cells;
}

/* Every line of a text report: fits width by both measures, has no
 * trailing blank, no tab or CR; and the whole is valid UTF-8 ending in a
 * newline. */
static void check_lines(const char *report, int32_t width, const char *what)
{
    if (!utf8_valid(report))
        fail_msg("%s: not valid UTF-8", what);
    size_t length = strlen(report);
    assert_true(length > 0);
    assert_int_equal(report[length - 1], '\n');
    size_t number = 0;
    for (const char *line = report; *line;) {
        const char *end = strchr(line, '\n');
        size_t n = (size_t)(end - line);
        number++;
        size_t cells = kpi__width_n(line, n), crude = crude_cells(line, n);
        if (cells > (size_t)width || crude > (size_t)width)
            fail_msg("%s: line %zu is %zu cells (crude %zu), more than %d: %.*s", what,
                     number, cells, crude, (int)width, (int)n, line);
        if (n > 0 && line[n - 1] == ' ')
            fail_msg("%s: line %zu ends in a blank: \"%.*s\"", what, number, (int)n,
                     line);
        if (memchr(line, '\t', n) || memchr(line, '\r', n))
            fail_msg("%s: line %zu holds a tab or CR", what, number);
        line = end + 1;
    }
}

/* The cells before the first occurrence of word in line[0..n), or
 * (size_t)-1 when it is not there. */
static size_t cell_of(const char *line, size_t n, const char *word)
{
    size_t k = strlen(word);
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(line + i, word, k) == 0)
            return kpi__width_n(line, i);
    return (size_t)-1;
}

/* Where a table's columns are, read from its heading line. */
struct columns {
    size_t code;    /* cell where the code column starts */
    size_t figures; /* cell where the first figure heading starts */
    size_t ends[5]; /* cells where the figure columns end */
};

static int read_heading(struct columns *c, const char *line, size_t n,
                        const char *const *words)
{
    c->code = cell_of(line, n, words[0]);
    c->figures = cell_of(line, n, words[1]);
    if (c->code == (size_t)-1 || c->figures == (size_t)-1)
        return 0;
    for (int i = 0; i < 5; i++) {
        size_t at = cell_of(line, n, words[1 + i]);
        if (at == (size_t)-1)
            return 0;
        c->ends[i] = at + kpi__width(words[1 + i]);
    }
    return 1;
}

/* A row's first line: the code starts under the code heading, and the line
 * ends where a figure column ends (figures are right-aligned), or before
 * the figures when it has none. */
static void check_row(const struct columns *c, const char *line, size_t n,
                      const char *what)
{
    size_t i = 0;
    while (i < n && line[i] == ' ')
        i++;
    while (i < n && line[i] != ' ')
        i++; /* the rating symbol */
    while (i < n && line[i] == ' ')
        i++;
    size_t code = kpi__width_n(line, i), end = kpi__width_n(line, n);
    int ok = code == c->code && end < c->figures;
    for (int k = 0; k < 5; k++)
        ok = ok || (code == c->code && end == c->ends[k]);
    if (!ok)
        fail_msg("%s: row out of line (code at cell %zu, end at %zu; heading: code at "
                 "%zu, figures end at %zu %zu %zu %zu %zu): %.*s",
                 what, code, end, c->code, c->ends[0], c->ends[1], c->ends[2], c->ends[3],
                 c->ends[4], (int)n, line);
}

/* Table rows line up with their heading, whatever mix of wide and narrow
 * characters they hold. words: the code heading and the five figure
 * headings. Returns the number of rows checked. */
static size_t check_alignment(const char *report, const char *const *words,
                              const char *what)
{
    struct columns c = {0}, heading = {0};
    int in_table = 0;
    size_t checked = 0;
    for (const char *line = report; *line;) {
        const char *end = strchr(line, '\n');
        size_t n = (size_t)(end - line), lead = strspn(line, " ");
        if (n == 0)
            in_table = 0;
        else if (read_heading(&heading, line, n, words))
            c = heading, in_table = 1;
        else if (in_table && line[lead] != '-' && kpi__width_n(line, lead) < c.code) {
            check_row(&c, line, n, what);
            checked++;
        }
        line = end + 1;
    }
    return checked;
}

/* ------------------------------------------------------------------------ */
/* Golden files                                                             */
/* ------------------------------------------------------------------------ */

/* The n-th line of text (0-based) and its length; NULL past the end. */
static const char *nth_line(const char *text, size_t index, size_t *n)
{
    for (size_t i = 0; i < index && text; i++) {
        text = strchr(text, '\n');
        if (text)
            text++;
    }
    if (!text || !*text)
        return NULL;
    const char *end = strchr(text, '\n');
    *n = end ? (size_t)(end - text) : strlen(text);
    return text;
}

static size_t line_count(const char *text)
{
    size_t count = 0;
    for (; *text; text++)
        count += *text == '\n';
    return count;
}

static int same_line(const char *want, size_t i, const char *got, size_t j)
{
    size_t a = 0, b = 0;
    const char *la = nth_line(want, i, &a), *lb = nth_line(got, j, &b);
    return la && lb && a == b && memcmp(la, lb, a) == 0;
}

static void print_lines(char mark, const char *text, size_t from, size_t to)
{
    size_t n;
    const char *line;
    for (size_t i = from; i < to && i < from + DIFF_LINES; i++)
        if ((line = nth_line(text, i, &n)))
            print_message("%c%.*s\n", mark, (int)n, line);
    if (to > from + DIFF_LINES)
        print_message("%c... (%zu more lines)\n", mark, to - from - DIFF_LINES);
}

/* Prints the difference as one unified diff hunk: the lines between the
 * common beginning and the common end, golden file (-) against report (+),
 * with two lines of context before. */
static void print_diff(const char *path, const char *want, const char *got)
{
    size_t nw = line_count(want), ng = line_count(got), first = 0, last = 0;
    while (first < nw && first < ng && same_line(want, first, got, first))
        first++;
    while (last < nw - first && last < ng - first &&
           same_line(want, nw - 1 - last, got, ng - 1 - last))
        last++;
    size_t context = first >= 2 ? first - 2 : 0;
    print_message("--- %s\n+++ rendered\n@@ -%zu,%zu +%zu,%zu @@\n", path, context + 1,
                  nw - last - context, context + 1, ng - last - context);
    print_lines(' ', want, context, first);
    print_lines('-', want, first, nw - last);
    print_lines('+', got, first, ng - last);
}

/* Compares a report with its golden file, or rewrites the file (and fails)
 * when KPI_UPDATE_GOLDEN=1. */
static void check_golden(const char *name, const char *got)
{
    char path[256];
    snprintf(path, sizeof path, GOLDEN_DIR "%s", name);
    const char *update = getenv("KPI_UPDATE_GOLDEN");
    if (update && strcmp(update, "1") == 0) {
        write_file(path, got);
        fail_msg("%s rewritten because KPI_UPDATE_GOLDEN=1: read it (git diff) and run "
                 "the test again without the variable",
                 path);
    }
    char *want = read_file(path);
    if (!want)
        fail_msg("%s is missing: run with KPI_UPDATE_GOLDEN=1 to write it", path);
    int same = strcmp(want, got) == 0;
    if (!same)
        print_diff(path, want, got);
    free(want);
    if (!same)
        fail_msg("the report differs from %s (KPI_UPDATE_GOLDEN=1 rewrites it)", path);
}

/* ------------------------------------------------------------------------ */
/* Fixtures                                                                 */
/* ------------------------------------------------------------------------ */

static kpi_evaluation *evaluate_seed(void)
{
    kpi_evaluation *ev = seed_evaluation(AS_OF);
    assert_non_null(ev);
    return ev;
}

static char *render(const kpi_evaluation *ev, kpi_format format, kpi_lang lang,
                    int32_t width)
{
    char *out = NULL;
    size_t size = 0;
    int rc = format == KPI_FORMAT_TEXT
                 ? kpi_evaluation_render_text(&out, &size, ev, lang, width)
                 : kpi_evaluation_render(&out, &size, ev, format, lang);
    if (rc != KPI_OK)
        fail_msg("render: %s", kpi_error_message());
    assert_non_null(out);
    assert_int_equal(size, strlen(out));
    return out;
}

static kpi_target *add_numeric(kpi_goal *goal, const char *code, const char *label,
                               const char *unit, double value, double actual)
{
    kpi_target *t = NULL;
    assert_non_null(t = kpi_goal_add_target(goal, code, label));
    assert_ok(kpi_target_set_unit(t, unit));
    assert_ok(kpi_target_set_value(t, value));
    if (!isnan(actual))
        assert_non_null(kpi_target_add_measurement(t, AS_OF, actual, NULL));
    return t;
}

/* Goals three levels deep and a target right under a top-level goal;
 * labels that mix kanji, kana, half-width katakana, full-width letters,
 * ASCII words, long unbroken ASCII, combining marks and brackets; every
 * kind of target, a decrease, an assessment that overrides the rules. */
static kpi_plan *mixed_plan(void)
{
    kpi_plan *plan = NULL;
    kpi_goal *g1, *g2, *g21, *g211, *g3, *g4;
    kpi_target *t;
    assert_ok(kpi_plan_new(&plan, "mixed-2017"));
    assert_ok(kpi_plan_set_fiscal_year(plan, 2017));
    assert_ok(kpi_plan_set_title(plan, "Mixed 計画 ﾃｽﾄ: a plan whose title is long "
                                       "enough to wrap at forty cells（全角括弧）"));
    assert_ok(kpi_plan_set_organization(plan, "ﾃｽﾄ市 City of Test"));
    assert_ok(kpi_plan_set_department(plan, "DX推進課 Digital Transformation Office"));

    assert_non_null(g1 = kpi_plan_add_goal(plan, "G1",
                                           "Open data と AI の活用による行政サービス"
                                           "の向上 (Better services with open data)"));
    add_numeric(g1, "G1-a", "API公開数", "ｱｶｳﾝﾄ", 12, 7);
    t = add_numeric(g1, "G1-b", "Datasets published on the portal", "datasets", 40, 21);
    assert_ok(kpi_target_set_text(t,
                                  "オープンデータ 40 datasets 以上を portal.example.jp "
                                  "で公開する「データカタログ」の整備"));
    add_numeric(g1, "G1-c", "ＫＰＩ", "ポイントポイントポイントポイント", 1000000, 1);

    assert_non_null(g2 = kpi_plan_add_goal(plan, "G2", "市民協働"));
    assert_non_null(g21 = kpi_goal_add_goal(g2, "G2-1",
                                            "Supercalifragilisticexpialidocious-"
                                            "extra-long-token-without-any-blank"));
    t = add_numeric(g21, "G2-1-a", "待機児童数", "人", 10, 12);
    assert_ok(kpi_target_set_direction(t, KPI_DIRECTION_DECREASE));
    assert_ok(kpi_target_set_start_value(t, 30));
    assert_non_null(g211 =
                        kpi_goal_add_goal(g21, "G2-1-1", "か\xE3\x82\x99き（が）の調査"));
    assert_non_null(
        t = kpi_goal_add_target(g211, "G2-1-1-a-with-a-very-long-code", "調査の実施"));
    assert_ok(kpi_target_set_kind(t, KPI_KIND_MILESTONE));
    assert_non_null(kpi_target_add_measurement(t, AS_OF, 1, NULL));
    assert_non_null(t = kpi_goal_add_target(g211, "G2-1-1-b", "市民満足度の向上"));
    assert_ok(kpi_target_set_kind(t, KPI_KIND_QUALITATIVE));
    assert_non_null(kpi_target_add_assessment(t, AS_OF, KPI_RATING_ON_TRACK, "良好"));
    t = add_numeric(g211, "G2-1-1-c", "参加者", "名", 100, 80);
    assert_non_null(kpi_target_add_assessment(t, AS_OF, KPI_RATING_BEHIND, NULL));

    assert_non_null(g3 = kpi_plan_add_goal(plan, "G3", "Empty goal"));
    assert_non_null(g4 = kpi_plan_add_goal(plan, "G4", NULL));  /* no title */
    assert_non_null(t = kpi_goal_add_target(g4, "G4-a", NULL)); /* no label, no text */
    assert_ok(kpi_target_set_value(t, 5));
    assert_ok(kpi_plan_add_note(plan, NULL,
                                "Note: 「長い注記」は、句読点（、。）の前で"
                                "改行されないこと。Lorem ipsum dolor sit amet."));
    assert_ok(kpi_plan_add_note(plan, NULL, "x"));
    return plan;
}

static kpi_evaluation *evaluate_plan(kpi_plan *plan)
{
    kpi_evaluation *ev = NULL;
    assert_ok(kpi_evaluate(&ev, plan, AS_OF, NULL));
    return ev;
}

/* ------------------------------------------------------------------------ */
/* Tests: golden files                                                      */
/* ------------------------------------------------------------------------ */

static void golden_text_ja(void **state)
{
    (void)state;
    kpi_evaluation *ev = evaluate_seed();
    char *text = render(ev, KPI_FORMAT_TEXT, KPI_LANG_JA, 0);
    check_lines(text, 100, "seed ja");
    assert_non_null(strstr(text, "物件登録件数30件以上"));
    check_golden("seed-ja.txt", text);
    kpi_free(text);
    kpi_evaluation_free(ev);
}

static void golden_text_en(void **state)
{
    (void)state;
    kpi_evaluation *ev = evaluate_seed();
    char *text = render(ev, KPI_FORMAT_TEXT, KPI_LANG_EN, 100);
    check_lines(text, 100, "seed en");
    check_golden("seed-en.txt", text);
    kpi_free(text);
    kpi_evaluation_free(ev);
}

static void golden_markdown(void **state)
{
    (void)state;
    kpi_evaluation *ev = evaluate_seed();
    char *md = render(ev, KPI_FORMAT_MARKDOWN, KPI_LANG_JA, 0);
    assert_true(utf8_valid(md));
    check_golden("seed.md", md);
    kpi_free(md);
    kpi_evaluation_free(ev);
}

/* The worked examples of the evaluation contract, as the seed report
 * shows them: the 3-2-a row holds 32, 15.04, 30件, 107%, 213% and ◎. */
static void seed_rows_carry_the_worked_examples(void **state)
{
    (void)state;
    kpi_evaluation *ev = evaluate_seed();
    char *text = render(ev, KPI_FORMAT_TEXT, KPI_LANG_JA, 100);
    const char *row = strstr(text, "3-2-a");
    assert_non_null(row);
    const char *end = strchr(row, '\n');
    char line[512];
    snprintf(line, sizeof line, "%.*s", (int)(end - row), row);
    const char *parts[] = {"32", "15.04", "30件", "107%", "213%"};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
        if (!strstr(line, parts[i]))
            fail_msg("3-2-a row lacks %s: %s", parts[i], line);
    const char *start = row;
    while (start > text && start[-1] != '\n')
        start--;
    assert_memory_equal(start + 6, "◎", strlen("◎")); /* centred under 進捗度 */
    /* 3-3-c, no figure reported: unrated, the reason in words. */
    row = strstr(text, "3-3-c");
    assert_non_null(row);
    assert_non_null(strstr(row, "未評価: 実績なし"));
    kpi_free(text);
    kpi_evaluation_free(ev);
}

/* ------------------------------------------------------------------------ */
/* Tests: the width function                                                */
/* ------------------------------------------------------------------------ */

static void width_of_characters(void **state)
{
    (void)state;
    assert_int_equal(kpi__width_of('A'), 1);
    assert_int_equal(kpi__width_of(' '), 1);
    assert_int_equal(kpi__width_of(0x3042), 2);  /* あ */
    assert_int_equal(kpi__width_of(0x30A2), 2);  /* ア */
    assert_int_equal(kpi__width_of(0x6F22), 2);  /* 漢 */
    assert_int_equal(kpi__width_of(0x3001), 2);  /* 、 */
    assert_int_equal(kpi__width_of(0x3000), 2);  /* ideographic space */
    assert_int_equal(kpi__width_of(0xFF21), 2);  /* Ａ */
    assert_int_equal(kpi__width_of(0xFF71), 1);  /* ｱ half-width katakana */
    assert_int_equal(kpi__width_of(0xFF9F), 1);  /* ﾟ */
    assert_int_equal(kpi__width_of(0x0301), 0);  /* combining acute */
    assert_int_equal(kpi__width_of(0x3099), 0);  /* combining voiced mark */
    assert_int_equal(kpi__width_of(0x200B), 0);  /* zero-width space */
    assert_int_equal(kpi__width_of(0xFE0F), 0);  /* variation selector */
    assert_int_equal(kpi__width_of(0xE0100), 0); /* ideographic variation selector */
    assert_int_equal(kpi__width_of('\n'), 0);
    assert_int_equal(kpi__width_of(0x85), 0);    /* C1 control */
    assert_int_equal(kpi__width_of(0x25CE), 2);  /* ◎ ambiguous, counted wide */
    assert_int_equal(kpi__width_of(0x25CB), 2);  /* ○ */
    assert_int_equal(kpi__width_of(0x25B3), 2);  /* △ */
    assert_int_equal(kpi__width_of(0x00D7), 2);  /* × too, for a uniform column */
    assert_int_equal(kpi__width_of(0x2015), 2);  /* ― the unrated mark */
    assert_int_equal(kpi__width_of(0x2026), 2);  /* … */
    assert_int_equal(kpi__width_of(0x00E9), 1);  /* é */
    assert_int_equal(kpi__width_of(0x20000), 2); /* CJK extension B */
    assert_int_equal(kpi__width_of(0x1F600), 2); /* emoji */
}

static void width_of_texts(void **state)
{
    (void)state;
    assert_int_equal(kpi__width(""), 0);
    assert_int_equal(kpi__width("abc"), 3);
    assert_int_equal(kpi__width("かな"), 4);
    assert_int_equal(kpi__width("漢字"), 4);
    assert_int_equal(kpi__width("ｱｲｳ"), 3);
    assert_int_equal(kpi__width("物件登録件数30件以上"), 20);
    assert_int_equal(kpi__width("か\xE3\x82\x99"), 2); /* が, decomposed */
    assert_int_equal(kpi__width("e\xCC\x81"), 1);      /* é, decomposed */
    assert_int_equal(kpi__width("◎○△×"), 8);
    assert_int_equal(kpi__width_n("abcdef", 3), 3);
    /* Bytes that are not UTF-8 count as U+FFFD, one byte each. */
    assert_int_equal(kpi__width("\xE3\x81"), 4);
    assert_int_equal(kpi__width("\xFF"), 2);
}

static void utf8_decoding(void **state)
{
    (void)state;
    uint32_t cp;
    assert_int_equal(kpi__utf8_next("A", 1, &cp), 1);
    assert_int_equal(cp, 'A');
    assert_int_equal(kpi__utf8_next("漢", 3, &cp), 3);
    assert_int_equal(cp, 0x6F22);
    assert_int_equal(kpi__utf8_next("\xF0\xA0\x80\x80", 4, &cp), 4);
    assert_int_equal(cp, 0x20000);
    /* Invalid: one byte at a time, as U+FFFD. */
    const char *bad[] = {"\x80",         "\xC0\xAF",         "\xE0\x80\xAF",
                         "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE6\xBC",
                         "\xFE"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_int_equal(kpi__utf8_next(bad[i], strlen(bad[i]), &cp), 1);
        assert_int_equal(cp, 0xFFFD);
    }
    /* A sequence cut short by n, even if the bytes go on. */
    assert_int_equal(kpi__utf8_next("漢", 2, &cp), 1);
    assert_int_equal(cp, 0xFFFD);
}

static void fitting_cuts_between_characters(void **state)
{
    (void)state;
    size_t cells;
    const char *s = "あいう";
    assert_int_equal(kpi__width_fit(s, strlen(s), 3, &cells), 3); /* あ only */
    assert_int_equal(cells, 2);
    assert_int_equal(kpi__width_fit(s, strlen(s), 4, &cells), 6);
    assert_int_equal(cells, 4);
    assert_int_equal(kpi__width_fit(s, strlen(s), 1, &cells), 0);
    assert_int_equal(cells, 0);
    assert_int_equal(kpi__width_fit(s, strlen(s), 99, NULL), 9);
    /* A combining mark stays with the character before it. */
    const char *ga = "か\xE3\x82\x99き";
    assert_int_equal(kpi__width_fit(ga, strlen(ga), 2, &cells), 6);
    assert_int_equal(cells, 2);
    /* Every prefix that fits ends at a character boundary. */
    const char *mixed = "a物件ｱ30件\xE3\x82\x99以上";
    for (size_t max = 0; max < 16; max++) {
        size_t cut = kpi__width_fit(mixed, strlen(mixed), max, &cells);
        char prefix[64];
        snprintf(prefix, sizeof prefix, "%.*s", (int)cut, mixed);
        assert_true(utf8_valid(prefix));
        assert_true(cells <= max);
        assert_int_equal(kpi__width(prefix), cells);
    }
}

/* ------------------------------------------------------------------------ */
/* Tests: layout                                                            */
/* ------------------------------------------------------------------------ */

static const int32_t widths[] = {40, 41, 47, 57, 64, 80, 99, 100, 120, 160, 1000};

/* The mixed plan at every width, in both languages: every line fits. */
static void mixed_text_fits_every_width(void **state)
{
    (void)state;
    kpi_plan *plan = mixed_plan();
    kpi_evaluation *ev = evaluate_plan(plan);
    for (size_t i = 0; i < sizeof widths / sizeof widths[0]; i++) {
        for (int lang = KPI_LANG_JA; lang <= KPI_LANG_EN; lang++) {
            char what[64];
            snprintf(what, sizeof what, "mixed %s width %d", lang ? "en" : "ja",
                     (int)widths[i]);
            char *text = render(ev, KPI_FORMAT_TEXT, (kpi_lang)lang, widths[i]);
            check_lines(text, widths[i] < 160 ? widths[i] : 160, what);
            assert_non_null(strstr(text, "G2-1-1-c"));
            kpi_free(text);
        }
    }
    kpi_evaluation_free(ev);
    kpi_plan_free(plan);
}

/* The seed, too, fits every width. */
static void seed_text_fits_every_width(void **state)
{
    (void)state;
    kpi_evaluation *ev = evaluate_seed();
    for (size_t i = 0; i < sizeof widths / sizeof widths[0]; i++) {
        for (int lang = KPI_LANG_JA; lang <= KPI_LANG_EN; lang++) {
            char what[64];
            snprintf(what, sizeof what, "seed %s width %d", lang ? "en" : "ja",
                     (int)widths[i]);
            char *text = render(ev, KPI_FORMAT_TEXT, (kpi_lang)lang, widths[i]);
            check_lines(text, widths[i] < 160 ? widths[i] : 160, what);
            kpi_free(text);
        }
    }
    kpi_evaluation_free(ev);
}

/* Table rows end where their heading ends, whatever mix of wide and
 * narrow characters they hold. */
static void table_rows_line_up(void **state)
{
    (void)state;
    kpi_plan *plan = mixed_plan();
    kpi_evaluation *ev = evaluate_plan(plan);
    kpi_evaluation *seed = evaluate_seed();
    static const char *const ja[] = {"番号",   "実績",   "期待値",
                                     "目標値", "達成率", "進捗率"};
    static const char *const en[] = {"Code",         "Actual",      "Expected",
                                     "Target value", "Achievement", "Pace"};
    char *text = render(ev, KPI_FORMAT_TEXT, KPI_LANG_JA, 120);
    assert_int_equal(check_alignment(text, ja, "mixed ja 120"), 8);
    kpi_free(text);
    text = render(ev, KPI_FORMAT_TEXT, KPI_LANG_EN, 140);
    assert_int_equal(check_alignment(text, en, "mixed en 140"), 8);
    kpi_free(text);
    text = render(seed, KPI_FORMAT_TEXT, KPI_LANG_JA, 100);
    assert_int_equal(check_alignment(text, ja, "seed ja 100"), 46);
    kpi_free(text);
    text = render(seed, KPI_FORMAT_TEXT, KPI_LANG_EN, 100);
    assert_int_equal(check_alignment(text, en, "seed en 100"), 46);
    kpi_free(text);
    kpi_evaluation_free(seed);
    kpi_evaluation_free(ev);
    kpi_plan_free(plan);
}

/* A unit too long for its column is cut with … between characters, and
 * closing punctuation never starts a wrapped line. */
static void long_text_is_cut_between_characters(void **state)
{
    (void)state;
    kpi_plan *plan = mixed_plan();
    kpi_evaluation *ev = evaluate_plan(plan);
    char *text = render(ev, KPI_FORMAT_TEXT, KPI_LANG_JA, 100);
    assert_true(utf8_valid(text));
    const char *row = strstr(text, "G1-c");
    assert_non_null(row);
    const char *end = strchr(row, '\n');
    char line[512];
    snprintf(line, sizeof line, "%.*s", (int)(end - row), row);
    assert_non_null(strstr(line, "…"));                            /* cut ... */
    assert_null(strstr(line, "ポイントポイントポイントポイント")); /* ... in its cell */
    assert_true(utf8_valid(line));
    for (const char *l = text; *l; l = strchr(l, '\n') + 1) {
        const char *p = l;
        while (*p == ' ')
            p++;
        if (strncmp(p, "、", 3) == 0 || strncmp(p, "。", 3) == 0 ||
            strncmp(p, "）", 3) == 0 || strncmp(p, "」", 3) == 0)
            fail_msg("a line starts with closing punctuation: %.40s", p);
    }
    kpi_free(text);
    kpi_evaluation_free(ev);
    kpi_plan_free(plan);
}

/* The model refuses text that is not UTF-8, but the renderers do not rely
 * on it: bytes broken inside the evaluation's own copies (white box, through
 * lib/evaluation.h) still give a valid UTF-8 report, and tabs and line
 * breaks, which the model accepts, do not break the layout. */
static void broken_text_gives_valid_output(void **state)
{
    (void)state;
    kpi_plan *plan = NULL;
    kpi_goal *goal;
    assert_ok(kpi_plan_new(&plan, "bad"));
    assert_ok(kpi_plan_set_fiscal_year(plan, 2017));
    assert_non_null(
        goal = kpi_plan_add_goal(plan, "G", "title 漢字 with\ttab\nand newline 漢"));
    add_numeric(goal, "T", "label 漢字", "件", 10, 5);
    assert_ok(kpi_plan_add_note(plan, NULL, "note\r\nwith\vcontrols\x7f."));
    kpi_evaluation *ev = evaluate_plan(plan);
    kpi_plan_free(plan);
    /* (The target's strings are the plan's, which the evaluation keeps.) */
    char *title = (char *)ev->results[1].title;
    title[strlen(title) - 1] = '\0'; /* 漢 cut after two of its bytes */
    ((char *)ev->results[2].title)[6] = (char)0xFF;
    ((char *)ev->results[2].code)[0] = (char)0x80;
    for (int format = KPI_FORMAT_TEXT; format <= KPI_FORMAT_MARKDOWN; format++) {
        for (int32_t width = 40; width <= 100; width += 60) {
            char *out = render(ev, (kpi_format)format, KPI_LANG_JA, width);
            if (!utf8_valid(out))
                fail_msg("format %d: not valid UTF-8", format);
            if (format == KPI_FORMAT_TEXT)
                check_lines(out, width, "broken text");
            kpi_free(out);
        }
    }
    kpi_evaluation_free(ev);
}

/* An empty plan still has its header, overall rating and legend. */
static void empty_plan(void **state)
{
    (void)state;
    kpi_plan *plan = NULL;
    assert_ok(kpi_plan_new(&plan, "empty"));
    assert_ok(kpi_plan_set_fiscal_year(plan, 2017));
    kpi_evaluation *ev = evaluate_plan(plan);
    kpi_plan_free(plan);
    char *text = render(ev, KPI_FORMAT_TEXT, KPI_LANG_JA, 0);
    check_lines(text, 100, "empty");
    assert_non_null(strstr(text, "全体評価"));
    assert_non_null(strstr(text, "◎ 目標を上回る進捗"));
    assert_null(strstr(text, "市長指示事項")); /* no notes, no section */
    kpi_free(text);
    char *md = render(ev, KPI_FORMAT_MARKDOWN, KPI_LANG_EN, 0);
    assert_non_null(strstr(md, "## Overall rating"));
    assert_non_null(strstr(md, "- × not progressed"));
    kpi_free(md);
    kpi_evaluation_free(ev);
}

/* The report's language is the render's, whatever the policy's. */
static void language_comes_from_the_call(void **state)
{
    (void)state;
    kpi_evaluation *ev = evaluate_seed(); /* policy: Japanese */
    char *text = render(ev, KPI_FORMAT_TEXT, KPI_LANG_EN, 100);
    assert_non_null(strstr(text, "32 件 / target 30 件 or more (107%)"));
    assert_null(strstr(text, "期待値"));
    kpi_free(text);
    kpi_evaluation_free(ev);
}

/* ------------------------------------------------------------------------ */
/* Tests: Markdown                                                          */
/* ------------------------------------------------------------------------ */

/* Pipes not preceded by a backslash: the cell borders of a table row. */
static size_t unescaped_pipes(const char *line, size_t n)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++) {
        if (line[i] == '\\')
            i++;
        else if (line[i] == '|')
            count++;
    }
    return count;
}

static void markdown_escapes_cells(void **state)
{
    (void)state;
    kpi_plan *plan = NULL;
    kpi_goal *goal;
    assert_ok(kpi_plan_new(&plan, "md"));
    assert_ok(kpi_plan_set_fiscal_year(plan, 2017));
    assert_non_null(goal = kpi_plan_add_goal(plan, "G", "# not a heading *nor bold*"));
    add_numeric(goal, "T1", "a|b\nc [link](x) <b>", "件", 10, 5);
    assert_ok(kpi_plan_add_note(plan, NULL, "1. not a list\r\nsecond line"));
    kpi_evaluation *ev = evaluate_plan(plan);
    char *md = render(ev, KPI_FORMAT_MARKDOWN, KPI_LANG_JA, 0);
    assert_non_null(strstr(md, "a\\|b<br>c \\[link\\](x) \\<b\\>"));
    assert_non_null(strstr(md, "\\# not a heading \\*nor bold\\*"));
    assert_non_null(strstr(md, "- 1\\. not a list second line\n"));
    /* Every table line has the eleven borders of ten cells. */
    for (const char *line = md; *line;) {
        const char *end = strchr(line, '\n');
        size_t n = (size_t)(end - line);
        if (n > 0 && line[0] == '|' && unescaped_pipes(line, n) != 11)
            fail_msg("table line with %zu borders: %.*s", unescaped_pipes(line, n),
                     (int)n, line);
        line = end + 1;
    }
    kpi_free(md);
    kpi_evaluation_free(ev);
    kpi_plan_free(plan);
}

/* ------------------------------------------------------------------------ */
/* Tests: arguments                                                         */
/* ------------------------------------------------------------------------ */

static void render_arguments(void **state)
{
    (void)state;
    kpi_evaluation *ev = evaluate_seed();
    char *out = (char *)"untouched";
    size_t size = 7;
    assert_int_equal(kpi_evaluation_render(NULL, &size, ev, KPI_FORMAT_TEXT, KPI_LANG_JA),
                     KPI_ERR_ARGUMENT);
    assert_int_equal(
        kpi_evaluation_render(&out, &size, NULL, KPI_FORMAT_TEXT, KPI_LANG_JA),
        KPI_ERR_ARGUMENT);
    assert_null(out);
    assert_int_equal(kpi_error_code(), KPI_ERR_ARGUMENT);
    out = (char *)"untouched";
    assert_int_equal(kpi_evaluation_render(&out, &size, ev, (kpi_format)6, KPI_LANG_JA),
                     KPI_ERR_VALUE);
    assert_null(out);
    assert_int_equal(kpi_evaluation_render(&out, &size, ev, (kpi_format)-1, KPI_LANG_JA),
                     KPI_ERR_VALUE);
    assert_int_equal(kpi_evaluation_render(&out, &size, ev, KPI_FORMAT_TEXT, (kpi_lang)2),
                     KPI_ERR_VALUE);
    assert_int_equal(kpi_evaluation_render_text(&out, &size, ev, KPI_LANG_JA, 39),
                     KPI_ERR_VALUE);
    assert_non_null(strstr(kpi_error_message(), "39"));
    assert_int_equal(kpi_evaluation_render_text(&out, &size, ev, KPI_LANG_JA, -1),
                     KPI_ERR_VALUE);
    assert_null(out);
    assert_int_equal(size, 7); /* untouched on error */
    /* 40 is the narrowest; size may be NULL; 0 is the default of 100. */
    assert_ok(kpi_evaluation_render_text(&out, NULL, ev, KPI_LANG_JA, 40));
    check_lines(out, 40, "width 40");
    kpi_free(out);
    char *a = render(ev, KPI_FORMAT_TEXT, KPI_LANG_EN, 0);
    char *b = render(ev, KPI_FORMAT_TEXT, KPI_LANG_EN, 100);
    assert_string_equal(a, b);
    kpi_free(a);
    kpi_free(b);
    kpi_evaluation_free(ev);
}

static void format_names(void **state)
{
    (void)state;
    const char *names[] = {"text", "markdown", "json", "csv", "html", "xlsx"};
    for (int f = KPI_FORMAT_TEXT; f <= KPI_FORMAT_XLSX; f++) {
        kpi_format parsed = (kpi_format)-1;
        assert_string_equal(kpi_format_name((kpi_format)f), names[f]);
        assert_ok(kpi_format_parse(&parsed, names[f]));
        assert_int_equal(parsed, f);
    }
    kpi_format parsed = KPI_FORMAT_TEXT;
    assert_ok(kpi_format_parse(&parsed, "md"));
    assert_int_equal(parsed, KPI_FORMAT_MARKDOWN);
    assert_int_equal(kpi_format_parse(&parsed, "xml"), KPI_ERR_VALUE);
    assert_non_null(strstr(kpi_error_message(), "xml"));
    assert_non_null(strstr(kpi_error_message(), "markdown"));
    assert_int_equal(kpi_format_parse(&parsed, "Text"), KPI_ERR_VALUE);
    assert_int_equal(kpi_format_parse(&parsed, ""), KPI_ERR_VALUE);
    assert_int_equal(kpi_format_parse(NULL, "text"), KPI_ERR_ARGUMENT);
    assert_int_equal(kpi_format_parse(&parsed, NULL), KPI_ERR_ARGUMENT);
    assert_string_equal(kpi_format_name((kpi_format)6), "");
    assert_string_equal(kpi_format_name((kpi_format)-1), "");
}

/* Regression (found by fuzz_api, tests/fuzz/regressions/fuzz_api/
 * crash-huge-percent): an achievement of 1e300 overflowed the buffer of its
 * percent. Every format must render such figures, bounded, in exponent
 * form rather than with three hundred digits. */
static void huge_figures_render(void **state)
{
    (void)state;
    kpi_plan *plan = NULL;
    kpi_goal *goal = NULL;
    kpi_target *target = NULL;
    kpi_evaluation *ev = NULL;
    assert_ok(kpi_plan_new(&plan, "huge"));
    assert_ok(kpi_plan_set_fiscal_year(plan, 2017));
    assert_non_null(goal = kpi_plan_add_goal(plan, "1", "goal"));
    assert_non_null(target = kpi_goal_add_target(goal, "1-a", "target"));
    assert_ok(kpi_target_set_value(target, 1));
    assert_non_null(kpi_target_add_measurement(target, 20170930, 1e300, NULL));
    assert_ok(kpi_evaluate(&ev, plan, 20170930, NULL));
    kpi_plan_free(plan);
    for (int f = KPI_FORMAT_TEXT; f <= KPI_FORMAT_HTML; f++) {
        char *out = render(ev, (kpi_format)f, KPI_LANG_EN, 0);
        assert_non_null(strstr(out, "1e+302%"));
        kpi_free(out);
    }
    kpi_evaluation_free(ev);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(golden_text_ja),
        cmocka_unit_test(golden_text_en),
        cmocka_unit_test(golden_markdown),
        cmocka_unit_test(seed_rows_carry_the_worked_examples),
        cmocka_unit_test(width_of_characters),
        cmocka_unit_test(width_of_texts),
        cmocka_unit_test(utf8_decoding),
        cmocka_unit_test(fitting_cuts_between_characters),
        cmocka_unit_test(mixed_text_fits_every_width),
        cmocka_unit_test(seed_text_fits_every_width),
        cmocka_unit_test(table_rows_line_up),
        cmocka_unit_test(long_text_is_cut_between_characters),
        cmocka_unit_test(broken_text_gives_valid_output),
        cmocka_unit_test(empty_plan),
        cmocka_unit_test(language_comes_from_the_call),
        cmocka_unit_test(markdown_escapes_cells),
        cmocka_unit_test(render_arguments),
        cmocka_unit_test(format_names),
        cmocka_unit_test(huge_figures_render),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
