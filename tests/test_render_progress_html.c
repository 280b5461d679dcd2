/*
 * test_render_progress_html.c: progress in the HTML report, on the
 * synthetic plan of render_support.h (not the seed):
 * - each target's latest update in its row, under the wording, and each
 *   goal's under its heading: status and dates, then the text escaped, its
 *   line breaks kept by the stylesheet (white-space: pre-line);
 * - the directives section (named after the issuer) with every field, the
 *   overdue row marked, and each directive under its goals, linked;
 * - cancelled targets out of the goals' tables and the totals, listed in a
 *   section of their own;
 * - the page stays balanced and self-contained.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "render_support.h"

/* From the first "<tag" after from to its closing tag, as a new string. */
static char *element(const char *html, const char *from, const char *end_tag)
{
    const char *at = strstr(html, from);
    if (!at)
        fail_msg("no \"%s\"", from);
    const char *end = strstr(at, end_tag);
    assert_non_null(end);
    size_t n = (size_t)(end - at) + strlen(end_tag);
    char *text = malloc(n + 1);
    assert_non_null(text);
    memcpy(text, at, n);
    text[n] = '\0';
    return text;
}

static void updates_beside_the_ratings(void **state)
{
    (void)state;
    kpi_evaluation *ev = progress_evaluation();
    char *html = progress_render(ev, KPI_FORMAT_HTML, KPI_LANG_JA);
    char *row = element(html, "<tr class=\"r-on_track\" data-code=\"1-1-a\"", "</tr>");
    assert_contains(row,
                    "<td class=\"wording\">子ども文化講座<div class=\"update\">"
                    "<span class=\"uhead\">予定 2017-09-30（予定日 2017-10-31）</span>"
                    "<span class=\"utext\">" TEXT_SCHEDULED "</span></div></td>");
    free(row);
    row = element(html, "data-code=\"1-1-b\"", "</tr>");
    assert_contains(row, "<span class=\"uhead\">準備中 2017-09-30</span><span "
                         "class=\"utext\">" TEXT_PREPARING "</span>");
    free(row);
    char *goal = element(html, "id=\"r2\"", "<table>");
    assert_contains(goal, "</summary>\n<div class=\"progress\"><div class=\"update\">"
                          "<span class=\"uhead\">実施中 2017-09-15</span><span "
                          "class=\"utext\">" TEXT_GOAL "</span></div>");
    free(goal);
    /* The stylesheet keeps the city's line breaks. */
    assert_contains(html, ".utext{white-space:pre-line}");
    kpi_free(html);
    kpi_evaluation_free(ev);
}

static void directives_section(void **state)
{
    (void)state;
    kpi_evaluation *ev = progress_evaluation();
    char *html = progress_render(ev, KPI_FORMAT_HTML, KPI_LANG_JA);
    assert_before(html, "</main>",
                  "<section class=\"directives\">\n<h2>市長指示事項</h2>");
    char *d1 = element(html, "<tr id=\"d0\"", "</tr>");
    assert_string_equal(
        d1,
        "<tr id=\"d0\" class=\"closed\"><td class=\"code\">D-1</td>"
        "<td class=\"issued\">市長 2017-05-10</td><td class=\"utext\">" TEXT_D1
        "</td><td class=\"code\">1-1、1-2</td><td "
        "class=\"state\">対応済</td><td class=\"response\"><span "
        "class=\"uhead\">完了 2017-09-20</span><span class=\"utext\">" TEXT_D1_RESPONSE
        "</span></td></tr>");
    char *d2 = element(html, "<tr id=\"d1\"", "</tr>");
    assert_contains(d2, "class=\"overdue\"");
    assert_contains(d2, "<td class=\"state\">未回答（163日経過）【期限超過】</td>");
    assert_contains(d2, "<span class=\"uhead\">回答なし</span></td>");
    free(d1);
    free(d2);
    kpi_free(html);
    kpi_evaluation_free(ev);
}

static void directives_under_their_goals(void **state)
{
    (void)state;
    kpi_evaluation *ev = progress_evaluation();
    char *html = progress_render(ev, KPI_FORMAT_HTML, KPI_LANG_JA);
    const char *main_end = strstr(html, "</main>");
    assert_non_null(main_end);
    assert_int_equal(count_of(html, "<a href=\"#d0\">市長指示 D-1 対応済「"), 2);
    assert_int_equal(count_of(html, "<li class=\"overdue\"><a href=\"#d1\">市長指示 D-2 "
                                    "未回答（163日経過）【期限超過】「" TEXT_D2 "」</a>"),
                     1);
    char *goal = element(html, "id=\"r6\"", "</details>"); /* 1-2 */
    assert_contains(goal, "href=\"#d0\"");
    assert_contains(goal, "href=\"#d1\"");
    free(goal);
    assert_true(strstr(html, "href=\"#d1\"") < main_end);
    kpi_free(html);
    kpi_evaluation_free(ev);
}

static void cancelled_apart(void **state)
{
    (void)state;
    kpi_evaluation *ev = progress_evaluation();
    char *html = progress_render(ev, KPI_FORMAT_HTML, KPI_LANG_JA);
    /* One row, in its own section; the goal names it. */
    assert_int_equal(count_of(html, "data-code=\"1-1-c\""), 1);
    assert_before(
        html, "<section class=\"cancelled\">\n<h2>中止した目標</h2>",
        "<tr data-code=\"1-1-c\"><td class=\"code\">1-1-c</td><td "
        "class=\"wording\">空き家見学会</td><td class=\"response\"><span "
        "class=\"uhead\">中止 2017-08-31</span><span class=\"utext\">" TEXT_CANCELLED
        "</span></td></tr>");
    assert_contains(html, "<p class=\"cref\">中止した目標: 1-1-c</p>");
    /* Three targets in the totals, and none unrated. */
    assert_contains(html, "（全3件）");
    assert_contains(html, "<span class=\"r-none\">未評価 0</span>");
    kpi_free(html);
    kpi_evaluation_free(ev);
}

static void english_and_escaped(void **state)
{
    (void)state;
    kpi_plan *plan = progress_plan();
    kpi_target *t = kpi_plan_find_target(plan, "1-2-a");
    assert_non_null(kpi_target_add_update(t, 20170930, "<b>x</b> & \"y\"\n'z'"));
    kpi_evaluation *ev = progress_evaluate(plan);
    char *html = progress_render(ev, KPI_FORMAT_HTML, KPI_LANG_EN);
    assert_contains(html,
                    "<span class=\"utext\">&lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot;\n"
                    "&#39;z&#39;</span>");
    assert_lacks(html, "<b>x");
    assert_contains(html, "<h2>Directives</h2>");
    assert_contains(html, "<td class=\"state\">unanswered, 163 days [OVERDUE]</td>");
    assert_contains(html, "<span class=\"uhead\">no response</span>");
    assert_contains(html, "<h2>Cancelled targets</h2>");
    assert_contains(html, "scheduled 2017-09-30 (planned 2017-10-31)");
    kpi_free(html);
    kpi_evaluation_free(ev);
}

static void balanced_and_self_contained(void **state)
{
    (void)state;
    kpi_evaluation *ev = progress_evaluation();
    char *html = progress_render(ev, KPI_FORMAT_HTML, KPI_LANG_JA);
    static const char *const pairs[][2] = {
        {"<details", "</details>"},
        {"<table", "</table>"},
        {"<tr", "</tr>"},
        {"<td", "</td>"},
        {"<div", "</div>"},
        {"<span", "</span>"},
        {"<section", "</section>"},
        {"<ul", "</ul>"},
        {"<li", "</li>"},
        {"<a ", "</a>"},
        {"<p ", "</p>"},
    };
    for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++)
        if (count_of(html, pairs[i][0]) != count_of(html, pairs[i][1]))
            fail_msg("%s and %s do not pair", pairs[i][0], pairs[i][1]);
    assert_lacks(html, "<script");
    for (const char *p = html; (p = strstr(p, "href=\"")) != NULL; p++)
        assert_int_equal(p[6], '#');
    kpi_free(html);
    kpi_evaluation_free(ev);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(updates_beside_the_ratings),
        cmocka_unit_test(directives_section),
        cmocka_unit_test(directives_under_their_goals),
        cmocka_unit_test(cancelled_apart),
        cmocka_unit_test(english_and_escaped),
        cmocka_unit_test(balanced_and_self_contained),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
