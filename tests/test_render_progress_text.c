/*
 * test_render_progress_text.c: progress in the text report (Japanese and
 * English) and the Markdown report, on the synthetic plan of
 * render_support.h (not the seed):
 * - each target's and goal's latest update under its reason line: status
 *   in words, date, planned date, and the text verbatim, each of its lines
 *   wrapped under the first;
 * - the directives section (named after the issuer), every field of a
 *   directive, the overdue mark, and each directive under its goals;
 * - cancelled targets out of the goals' tables and listed apart;
 * - every line within the width, at every width, in both languages;
 * - in Markdown, the update's line breaks as <br>, text escaped, the
 *   directives and cancelled targets as tables.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render_support.h"
#include "report/width.h"

#define assert_ok(call) assert_int_equal((call), KPI_OK)

#define render_text progress_render_text

/* The line of text that holds needle, as a new string. */
static char *line_with(const char *text, const char *needle)
{
    const char *at = strstr(text, needle);
    if (!at)
        fail_msg("no line with \"%s\" in:\n%s", needle, text);
    const char *start = at;
    while (start > text && start[-1] != '\n')
        start--;
    size_t n = strcspn(start, "\n");
    char *line = malloc(n + 1);
    assert_non_null(line);
    memcpy(line, start, n);
    line[n] = '\0';
    return line;
}

/* The cells before needle on its line. */
static size_t column_of(const char *text, const char *needle)
{
    const char *at = strstr(text, needle);
    assert_non_null(at);
    const char *start = at;
    while (start > text && start[-1] != '\n')
        start--;
    return kpi__width_n(start, (size_t)(at - start));
}

/* Every line within width cells, none with a control character. */
static void assert_fits(const char *text, int32_t width)
{
    for (const char *line = text; *line;) {
        size_t n = strcspn(line, "\n");
        if (kpi__width_n(line, n) > (size_t)width)
            fail_msg("line wider than %d: %.*s", (int)width, (int)n, line);
        for (size_t i = 0; i < n; i++)
            if ((unsigned char)line[i] < 0x20)
                fail_msg("control character in: %.*s", (int)n, line);
        line += n + (line[n] == '\n');
    }
}

/* ------------------------------------------------------------------------ */
/* Text                                                                     */
/* ------------------------------------------------------------------------ */

static void text_shows_each_latest_update(void **state)
{
    (void)state;
    kpi_evaluation *ev = progress_evaluation();
    char *text = render_text(ev, KPI_LANG_JA, 80);
    assert_fits(text, 80);
    /* A scheduled target: status, date and planned date, then its text, one
     * line of the city's per line of the report, at the same column. */
    assert_contains(text, "予定 2017-09-30（予定日 2017-10-31）\n");
    assert_contains(text, "子ども文化講座を10月に開催予定。\n");
    assert_int_equal(column_of(text, "子ども文化講座を10月"),
                     column_of(text, "会場は市民会館"));
    assert_before(text, "子ども文化講座を10月に開催予定。", "会場は市民会館。");
    /* A preparing one with no figure: the text beside its heading. */
    assert_contains(text, "準備中 2017-09-30  対象事業を検討中\n");
    /* A goal: its update under its reason, the second line under the first. */
    assert_before(text, "取組項目 1-1", "実施中 2017-09-15  地域説明会を実施中。\n");
    assert_int_equal(column_of(text, "地域説明会"), column_of(text, "次回は11月。"));
    /* A target's update follows its own reason line, not another's. */
    assert_before(text, "→ ○\n", "予定 2017-09-30");
    kpi_free(text);
    kpi_evaluation_free(ev);
}

static void text_lists_directives(void **state)
{
    (void)state;
    kpi_evaluation *ev = progress_evaluation();
    char *text = render_text(ev, KPI_LANG_JA, 80);
    assert_before(text, "全体評価", "\n市長指示事項\n");
    const char *section = strstr(text, "\n市長指示事項\n");
    char *d1 = line_with(section, "  D-1  ");
    assert_string_equal(d1, "  D-1  市長 2017-05-10  対象 1-1、1-2  対応済");
    char *d2 = line_with(section, "  D-2  ");
    assert_string_equal(
        d2, "  D-2  市長 2017-04-20  対象 1-2  未回答（163日経過）【期限超過】");
    assert_before(section, "  D-1  ", "       " TEXT_D1 "\n");
    assert_before(section, TEXT_D1,
                  "       対応 完了 2017-09-20  " TEXT_D1_RESPONSE "\n");
    assert_before(section, "  D-2  ", "       " TEXT_D2 "\n       回答なし\n");
    free(d1);
    free(d2);
    kpi_free(text);
    kpi_evaluation_free(ev);
}

static void text_shows_directives_under_their_goals(void **state)
{
    (void)state;
    kpi_evaluation *ev = progress_evaluation();
    char *text = render_text(ev, KPI_LANG_JA, 100);
    const char *section = strstr(text, "\n市長指示事項\n");
    assert_non_null(section);
    /* D-1 under both its goals, D-2 under 1-2 only, before the section. */
    static const char d1[] =
        "    市長指示 D-1 対応済「総合戦略の推進については、成果が出せるよう"
        "取り組…」\n";
    static const char d2[] =
        "    市長指示 D-2 未回答（163日経過）【期限超過】「" TEXT_D2 "」\n";
    assert_int_equal(count_of(text, d1), 2);
    assert_int_equal(count_of(text, d2), 1);
    assert_before(text, "取組項目 1-1", d1);
    assert_before(text, "取組項目 1-2", d2);
    assert_true(strstr(text, d2) < section);
    kpi_free(text);
    kpi_evaluation_free(ev);
}

static void text_lists_cancelled_apart(void **state)
{
    (void)state;
    kpi_evaluation *ev = progress_evaluation();
    char *text = render_text(ev, KPI_LANG_JA, 80);
    /* Not a row of the goal's table: only named under the goal... */
    assert_int_equal(count_of(text, "1-1-c"), 2);
    assert_before(text, "取組項目 1-1", "    中止した目標: 1-1-c\n");
    assert_lacks(text, "―    1-1-c");
    /* ...and listed apart with the update that cancelled it. */
    assert_contains(text, "\n中止した目標\n  1-1-c  空き家見学会\n"
                          "         中止 2017-08-31  " TEXT_CANCELLED "\n");
    /* 1-1-a and 1-1-b are still rows of their table. */
    assert_contains(text, "  ○    1-1-a  ");
    assert_contains(text, "  △    1-1-b  ");
    kpi_free(text);
    kpi_evaluation_free(ev);
}

/* A goal the city cancelled is listed apart too, and named by its parent. */
static void text_lists_a_cancelled_goal(void **state)
{
    (void)state;
    kpi_plan *plan = progress_plan();
    kpi_update *u =
        kpi_goal_add_update(kpi_plan_find_goal(plan, "1-2"), 20170925, "廃止");
    assert_non_null(u);
    assert_ok(kpi_update_set_status(u, KPI_STATUS_CANCELLED, 0));
    kpi_evaluation *ev = progress_evaluate(plan);
    char *text = render_text(ev, KPI_LANG_JA, 80);
    assert_contains(text, "  中止した目標: 1-2\n");
    assert_contains(text, "\n中止した目標\n  1-1-c  空き家見学会\n"
                          "         中止 2017-08-31  " TEXT_CANCELLED "\n"
                          "  1-2    情報発信の強化\n"
                          "         中止 2017-09-25  廃止\n");
    kpi_free(text);
    kpi_evaluation_free(ev);
}

static void text_in_english(void **state)
{
    (void)state;
    kpi_evaluation *ev = progress_evaluation();
    char *text = render_text(ev, KPI_LANG_EN, 80);
    assert_fits(text, 80);
    assert_contains(text, "scheduled 2017-09-30 (planned 2017-10-31)\n");
    assert_contains(text, "preparing 2017-09-30  " TEXT_PREPARING "\n");
    assert_contains(text, "\nDirectives\n");
    assert_contains(
        text, "  D-2  市長 2017-04-20  Goals 1-2  unanswered, 163 days [OVERDUE]\n");
    assert_contains(text, "       Response done 2017-09-20  " TEXT_D1_RESPONSE "\n");
    assert_contains(text, "       no response\n");
    assert_contains(text, "Cancelled targets: 1-1-c\n");
    assert_contains(text, "\nCancelled targets\n  1-1-c  空き家見学会\n"
                          "         cancelled 2017-08-31  " TEXT_CANCELLED "\n");
    kpi_free(text);
    kpi_evaluation_free(ev);
}

/* The section is named after the issuer when all directives share one. */
static void text_heading_follows_the_issuers(void **state)
{
    (void)state;
    kpi_plan *plan = progress_plan();
    assert_ok(kpi_directive_set_issuer(kpi_plan_find_directive(plan, "D-2"), "副市長"));
    kpi_evaluation *ev = progress_evaluate(plan);
    char *text = render_text(ev, KPI_LANG_JA, 100);
    assert_contains(text, "\n指示事項\n");
    assert_lacks(text, "市長指示事項");
    assert_contains(text, "副市長指示 D-2 ");
    assert_contains(text, "  D-2  副市長 2017-04-20  ");
    kpi_free(text);
    kpi_evaluation_free(ev);
}

/* CR LF and a final line break: lines as written, no empty line added. */
static void text_breaks_lines_as_written(void **state)
{
    (void)state;
    kpi_plan *plan = progress_plan();
    kpi_target *t = kpi_plan_find_target(plan, "1-2-a");
    assert_non_null(kpi_target_add_update(t, 20170930, "一行目\r\n二行目\n"));
    kpi_evaluation *ev = progress_evaluate(plan);
    char *text = render_text(ev, KPI_LANG_JA, 80);
    assert_contains(text, "2017-09-30  一行目\n");
    assert_int_equal(column_of(text, "一行目"), column_of(text, "二行目"));
    char *after = line_with(text, "二行目");
    free(after);
    assert_contains(text, "二行目\n\n"); /* the goal's table ends there */
    assert_lacks(text, "\r");
    kpi_free(text);
    kpi_evaluation_free(ev);
}

static void text_fits_every_width(void **state)
{
    (void)state;
    static const int32_t widths[] = {40, 41, 50, 57, 64, 80, 100, 120, 160};
    kpi_evaluation *ev = progress_evaluation();
    for (size_t i = 0; i < sizeof widths / sizeof *widths; i++) {
        for (int lang = KPI_LANG_JA; lang <= KPI_LANG_EN; lang++) {
            char *text = render_text(ev, (kpi_lang)lang, widths[i]);
            assert_fits(text, widths[i]);
            /* Narrow or wide, nothing is lost: the texts are there whole
             * or wrapped, the sections always. */
            assert_contains(text, "1-1-c");
            assert_contains(text, "D-2");
            assert_contains(text, lang == KPI_LANG_JA ? "【期限超過】" : "[OVERDUE]");
            kpi_free(text);
        }
    }
    kpi_evaluation_free(ev);
}

/* ------------------------------------------------------------------------ */
/* Markdown                                                                 */
/* ------------------------------------------------------------------------ */

static void markdown_shows_updates(void **state)
{
    (void)state;
    kpi_evaluation *ev = progress_evaluation();
    char *md = progress_render(ev, KPI_FORMAT_MARKDOWN, KPI_LANG_JA);
    assert_contains(md,
                    "| 理由 | 進捗状況 |\n|:-:|---|---|--:|--:|--:|--:|--:|---|---|\n");
    char *row = line_with(md, "| 1-1-a |");
    assert_contains(row, " | 予定 2017-09-30（予定日 2017-10-31）<br>"
                         "子ども文化講座を10月に開催予定。<br>会場は市民会館。 |");
    free(row);
    row = line_with(md, "| 1-1-b |");
    assert_contains(row, " | 準備中 2017-09-30<br>" TEXT_PREPARING " |");
    free(row);
    assert_before(
        md, "### △ 取組項目 1-1",
        "\n**進捗状況** 実施中 2017-09-15<br>地域説明会を実施中。<br>次回は11月。\n\n");
    kpi_free(md);
    kpi_evaluation_free(ev);
}

static void markdown_lists_directives_and_cancelled(void **state)
{
    (void)state;
    kpi_evaluation *ev = progress_evaluation();
    char *md = progress_render(ev, KPI_FORMAT_MARKDOWN, KPI_LANG_JA);
    assert_contains(
        md, "## 市長指示事項\n\n| 番号 | 指示者・指示日 | 指示 | 対象 | 状況 | 対応 |\n");
    assert_contains(md,
                    "| D-1 | 市長 2017-05-10 | " TEXT_D1 " | 1-1、1-2 | 対応済 | 完了 "
                    "2017-09-20<br>" TEXT_D1_RESPONSE " |\n");
    assert_contains(md, "| D-2 | 市長 2017-04-20 | " TEXT_D2
                        " | 1-2 | 未回答（163日経過）【期限超過】 | 回答なし |\n");
    assert_int_equal(count_of(md, "- 市長指示 D-1 対応済「"), 2);
    assert_before(md, "### ◎ 取組項目 1-2",
                  "- 市長指示 D-2 未回答（163日経過）【期限超過】「");
    assert_contains(
        md, "## 中止した目標\n\n| 番号 | 期限・数値目標等 | 進捗状況 |\n|---|---|---|\n"
            "| 1-1-c | 空き家見学会 | 中止 2017-08-31<br>" TEXT_CANCELLED " |\n");
    assert_contains(md, "\n中止した目標: 1-1-c\n\n");
    assert_int_equal(count_of(md, "| 1-1-c |"), 1); /* not in the goal's table */
    kpi_free(md);
    kpi_evaluation_free(ev);
}

/* The city's text cannot change the document's structure. */
static void markdown_escapes_updates(void **state)
{
    (void)state;
    kpi_plan *plan = progress_plan();
    kpi_target *t = kpi_plan_find_target(plan, "1-2-a");
    assert_non_null(kpi_target_add_update(t, 20170930, "a|b *c*\n- d <br>"));
    kpi_goal *g = kpi_plan_find_goal(plan, "1-2");
    assert_non_null(kpi_goal_add_update(g, 20170930, "# e\n1. f"));
    kpi_evaluation *ev = progress_evaluate(plan);
    char *md = progress_render(ev, KPI_FORMAT_MARKDOWN, KPI_LANG_EN);
    assert_contains(md, " | 2017-09-30<br>a\\|b \\*c\\*<br>- d \\<br\\> |\n");
    assert_contains(md, "**Progress** 2017-09-30<br>\\# e<br>1. f\n\n");
    assert_contains(md, "## Directives\n");
    assert_contains(md, "| D-2 | 市長 2017-04-20 | " TEXT_D2
                        " | 1-2 | unanswered, 163 days \\[OVERDUE\\] | no response |\n");
    kpi_free(md);
    kpi_evaluation_free(ev);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(text_shows_each_latest_update),
        cmocka_unit_test(text_lists_directives),
        cmocka_unit_test(text_shows_directives_under_their_goals),
        cmocka_unit_test(text_lists_cancelled_apart),
        cmocka_unit_test(text_lists_a_cancelled_goal),
        cmocka_unit_test(text_in_english),
        cmocka_unit_test(text_heading_follows_the_issuers),
        cmocka_unit_test(text_breaks_lines_as_written),
        cmocka_unit_test(text_fits_every_width),
        cmocka_unit_test(markdown_shows_updates),
        cmocka_unit_test(markdown_lists_directives_and_cancelled),
        cmocka_unit_test(markdown_escapes_updates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
