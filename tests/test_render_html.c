/* The HTML report (KPI_FORMAT_HTML).
 *
 * - Golden file: the seed (examples/data/ueda-2017-*.csv) rated as of
 *   2017-09-30 renders exactly as tests/data/golden/seed.html.
 *   KPI_UPDATE_GOLDEN=1 rewrites the file and fails, so that a rewrite is
 *   never mistaken for a pass: look at the page in a browser, then run
 *   again without the variable.
 * - Structure: one self-contained page (no script, nothing fetched), the
 *   elements balanced, every target of the seed present, the bar of 3-2-a
 *   capped at 100% with its overflow marker and its tick at the expected
 *   value, unrated targets explained in words.
 * - Escaping of every text that comes from the plan, and the English page.
 *
 * Run from the repository root (ctest does), where the fixtures are. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <kpi.h>

#include "seed.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define GOLDEN "tests/data/golden/seed.html"
#define AS_OF 20170930

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

static kpi_evaluation *evaluate_seed(void)
{
    kpi_evaluation *ev = seed_evaluation(AS_OF);
    assert_non_null(ev);
    return ev;
}

static char *render(const kpi_evaluation *ev, kpi_lang lang)
{
    char *html = NULL;
    size_t size = 0;
    assert_int_equal(kpi_evaluation_render(&html, &size, ev, KPI_FORMAT_HTML, lang),
                     KPI_OK);
    assert_non_null(html);
    assert_int_equal(strlen(html), size);
    return html;
}

static char *render_seed(kpi_lang lang)
{
    kpi_evaluation *ev = evaluate_seed();
    char *html = render(ev, lang);
    kpi_evaluation_free(ev);
    return html;
}

static size_t count(const char *text, const char *needle)
{
    size_t n = 0;
    /* (written so that gcc 12's -Wdangling-pointer does not misfire) */
    for (const char *p = text; (p = strstr(p, needle)) != NULL; p++)
        n++;
    return n;
}

static int starts_with(const char *text, const char *prefix)
{
    return strncmp(text, prefix, strlen(prefix)) == 0;
}

/* The text of the table row of a target, from its <tr to its </tr>. */
static char *target_row(const char *html, const char *code)
{
    char key[128];
    snprintf(key, sizeof key, "data-code=\"%s\"", code);
    const char *at = strstr(html, key);
    if (!at)
        fail_msg("no row for target %s", code);
    const char *begin = at;
    while (begin > html && strncmp(begin, "<tr", 3) != 0)
        begin--;
    const char *end = strstr(at, "</tr>");
    assert_non_null(end);
    size_t n = (size_t)(end - begin);
    char *row = malloc(n + 1);
    assert_non_null(row);
    memcpy(row, begin, n);
    row[n] = '\0';
    return row;
}

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t capacity = 1 << 16, length = 0;
    char *data = malloc(capacity);
    assert_non_null(data);
    size_t n;
    while ((n = fread(data + length, 1, capacity - length - 1, f)) > 0) {
        length += n;
        if (capacity - length < 2) {
            capacity *= 2;
            data = realloc(data, capacity);
            assert_non_null(data);
        }
    }
    fclose(f);
    data[length] = '\0';
    return data;
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        fail_msg("cannot write %s", path);
    size_t n = strlen(text);
    int bad = fwrite(text, 1, n, f) != n;
    bad |= fclose(f) != 0;
    if (bad)
        fail_msg("cannot write %s", path);
}

/* Copies the line of text that holds offset at into buf (cut to fit). */
static void line_at(char *buf, size_t size, const char *text, size_t at)
{
    const char *begin = text + at;
    while (begin > text && begin[-1] != '\n')
        begin--;
    size_t n = strcspn(begin, "\n");
    if (n >= size)
        n = size - 1;
    memcpy(buf, begin, n);
    buf[n] = '\0';
}

/* Fails naming the first line where got and want part. */
static void assert_same_text(const char *got, const char *want, const char *path)
{
    size_t at = 0, line = 1;
    while (got[at] && got[at] == want[at]) {
        if (got[at] == '\n')
            line++;
        at++;
    }
    if (!got[at] && !want[at])
        return;
    char got_line[200], want_line[200];
    line_at(got_line, sizeof got_line, got, at);
    line_at(want_line, sizeof want_line, want, at);
    fail_msg("the page differs from %s at line %zu:\n got: %s\nwant: %s\n"
             "(KPI_UPDATE_GOLDEN=1 rewrites it)",
             path, line, got_line, want_line);
}

/* ------------------------------------------------------------------------ */
/* Tests                                                                    */
/* ------------------------------------------------------------------------ */

static void test_golden_seed(void **state)
{
    (void)state;
    char *got = render_seed(KPI_LANG_JA);
    const char *update = getenv("KPI_UPDATE_GOLDEN");
    if (update && strcmp(update, "1") == 0) {
        write_file(GOLDEN, got);
        kpi_free(got);
        fail_msg(GOLDEN " rewritten because KPI_UPDATE_GOLDEN=1: look at it in a "
                        "browser, then run again without the variable");
    }
    char *want = read_file(GOLDEN);
    if (!want) {
        kpi_free(got);
        fail_msg(GOLDEN " is missing: run with KPI_UPDATE_GOLDEN=1 to write it");
    }
    assert_same_text(got, want, GOLDEN);
    free(want);
    kpi_free(got);
}

static void test_page_head(void **state)
{
    (void)state;
    char *html = render_seed(KPI_LANG_JA);
    assert_true(starts_with(html, "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n"));
    assert_non_null(strstr(html, "<meta charset=\"utf-8\">"));
    assert_int_equal(count(html, "<style>"), 1);
    assert_non_null(strstr(html, "\"Noto Sans CJK JP\""));
    assert_non_null(strstr(html, "@media print{"));
    assert_non_null(strstr(html, "@page{size:A4 landscape;margin:12mm}"));
    assert_non_null(strstr(html, "<h1>平成29年度 重点目標一覧表（中間報告調書）</h1>"));
    assert_non_null(strstr(html, "<dd>政策企画部</dd>"));
    assert_non_null(strstr(html, "<dd>2017-09-30</dd>"));
    assert_non_null(strstr(html, "目標を上回る進捗"));
    assert_non_null(strstr(html, "全て目標未進捗"));
    assert_int_equal(strcmp(html + strlen(html) - 8, "</html>\n"), 0);
    kpi_free(html);
}

/* Nothing is fetched and nothing runs: the page reads the same offline. */
static void test_self_contained(void **state)
{
    (void)state;
    char *html = render_seed(KPI_LANG_JA);
    assert_null(strstr(html, "<script"));
    assert_null(strstr(html, "http://"));
    assert_null(strstr(html, "https://"));
    assert_null(strstr(html, "src="));
    assert_null(strstr(html, "<link"));
    assert_null(strstr(html, "@import"));
    assert_null(strstr(html, "url("));
    /* Links stay inside the page. */
    for (const char *p = html; (p = strstr(p, "href=\"")) != NULL; p++)
        assert_int_equal(p[6], '#');
    kpi_free(html);
}

static void test_balanced(void **state)
{
    (void)state;
    char *html = render_seed(KPI_LANG_JA);
    kpi_evaluation *ev = evaluate_seed();
    size_t goals = 0;
    for (size_t i = 0; i < kpi_evaluation_result_count(ev); i++)
        goals += kpi_result_object(kpi_evaluation_result_at(ev, i)) == KPI_OBJECT_GOAL;
    /* Every goal folds, and opens by default. */
    assert_int_equal(count(html, "<details open"), goals);
    assert_int_equal(count(html, "<details"), count(html, "</details>"));
    assert_int_equal(count(html, "<summary>"), count(html, "</summary>"));
    assert_int_equal(count(html, "<table"), count(html, "</table>"));
    assert_int_equal(count(html, "<tr"), count(html, "</tr>"));
    assert_int_equal(count(html, "<td"), count(html, "</td>"));
    assert_int_equal(count(html, "<div"), count(html, "</div>"));
    assert_int_equal(count(html, "<span"), count(html, "</span>"));
    assert_int_equal(count(html, "<section"), count(html, "</section>"));
    kpi_evaluation_free(ev);
    kpi_free(html);
}

static void test_every_target(void **state)
{
    (void)state;
    kpi_evaluation *ev = evaluate_seed();
    char *html = render(ev, KPI_LANG_JA);
    size_t targets = 0;
    for (size_t i = 0; i < kpi_evaluation_result_count(ev); i++) {
        const kpi_result *r = kpi_evaluation_result_at(ev, i);
        if (kpi_result_object(r) != KPI_OBJECT_TARGET)
            continue;
        targets++;
        char *row = target_row(html, kpi_result_code(r));
        assert_non_null(strstr(row, kpi_result_code(r)));
        free(row);
    }
    assert_int_equal(targets, 46);
    assert_int_equal(count(html, "data-code=\""), targets);
    kpi_evaluation_free(ev);
    kpi_free(html);
}

/* 32 of 30: the bar is full, an arrow says it went beyond, and the tick
 * stands at the expected 15.04 of 30. */
static void test_bar_overflow(void **state)
{
    (void)state;
    char *html = render_seed(KPI_LANG_JA);
    char *row = target_row(html, "3-2-a");
    assert_non_null(
        strstr(row, "<span class=\"sym r-ahead\" title=\"目標を上回る進捗\">◎"));
    assert_non_null(strstr(row, "物件登録件数30件以上"));
    assert_non_null(strstr(row, "<td class=\"num\">32</td>"));
    assert_non_null(strstr(row, "<td class=\"num\">15.04</td>"));
    assert_non_null(strstr(row, "<td class=\"num\">30件以上</td>"));
    assert_non_null(strstr(row, "<td class=\"num\">107%</td>"));
    assert_non_null(strstr(row, "<td class=\"num\">213%</td>"));
    assert_non_null(strstr(row, "class=\"fill\" style=\"width:100.0%\""));
    assert_non_null(strstr(row, "class=\"over\""));
    assert_non_null(strstr(row, "class=\"tick\" style=\"left:50.1%\""));
    free(row);
    /* 51 of 60: no overflow marker. */
    row = target_row(html, "3-2-b");
    assert_non_null(strstr(row, "class=\"fill\" style=\"width:85.0%\""));
    assert_null(strstr(row, "class=\"over\""));
    free(row);
    kpi_free(html);
}

/* No figure, no bar: the reason in words instead. */
static void test_unrated_in_words(void **state)
{
    (void)state;
    char *html = render_seed(KPI_LANG_JA);
    char *row = target_row(html, "3-3-c");
    assert_null(strstr(row, "class=\"bar\""));
    assert_non_null(strstr(row, "<span class=\"unrated\">未評価: 実績なし</span>"));
    assert_non_null(strstr(row, "class=\"sym r-none\""));
    free(row);
    row = target_row(html, "1-2-d");
    assert_non_null(strstr(row, "定性目標で評価なし"));
    free(row);
    kpi_free(html);
}

static void test_english(void **state)
{
    (void)state;
    char *html = render_seed(KPI_LANG_EN);
    assert_true(starts_with(html, "<!DOCTYPE html>\n<html lang=\"en\">\n"));
    assert_non_null(strstr(html, "Rating scale"));
    assert_non_null(strstr(html, "ahead of target"));
    assert_non_null(strstr(html, "Overall rating"));
    assert_non_null(strstr(html, "<th class=\"c-num num\">Achievement</th>"));
    assert_non_null(strstr(html, "unrated: no figure reported"));
    assert_null(strstr(html, "達成率"));
    char *row = target_row(html, "3-2-a");
    assert_non_null(strstr(row, "class=\"tick\" style=\"left:50.1%\""));
    free(row);
    kpi_free(html);
}

#define NASTY "<script>alert(\"x\")&'</script>"
#define NASTY_ESCAPED "&lt;script&gt;alert(&quot;x&quot;)&amp;&#39;&lt;/script&gt;"

/* Whatever a plan says is text on the page, never markup. */
static void test_escaping(void **state)
{
    (void)state;
    kpi_plan *plan = NULL;
    kpi_goal *goal = NULL;
    kpi_target *target = NULL;
    kpi_evaluation *ev = NULL;
    assert_int_equal(kpi_plan_new(&plan, "p"), KPI_OK);
    assert_int_equal(kpi_plan_set_title(plan, "title " NASTY), KPI_OK);
    assert_int_equal(kpi_plan_set_organization(plan, "org " NASTY), KPI_OK);
    assert_int_equal(kpi_plan_set_department(plan, "dept " NASTY), KPI_OK);
    assert_int_equal(kpi_plan_set_fiscal_year(plan, 2017), KPI_OK);
    assert_non_null(goal = kpi_plan_add_goal(plan, "g<1>", "goal " NASTY));
    assert_non_null(target = kpi_goal_add_target(goal, "t\"1\"", "label " NASTY));
    assert_int_equal(kpi_target_set_unit(target, "u<&>"), KPI_OK);
    assert_int_equal(kpi_target_set_text(target, "text " NASTY), KPI_OK);
    assert_int_equal(kpi_target_set_value(target, 10), KPI_OK);
    assert_non_null(kpi_target_add_measurement(target, AS_OF, 5, NULL));
    assert_int_equal(kpi_plan_add_note(plan, NULL, "note " NASTY), KPI_OK);
    assert_int_equal(kpi_evaluate(&ev, plan, AS_OF, NULL), KPI_OK);
    kpi_plan_free(plan);
    char *html = render(ev, KPI_LANG_JA);
    assert_null(strstr(html, "<script"));
    assert_null(strstr(html, "alert(\""));
    assert_non_null(strstr(html, "<title>title " NASTY_ESCAPED " — dept " NASTY_ESCAPED));
    assert_non_null(strstr(html, "<h1>title " NASTY_ESCAPED "</h1>"));
    assert_non_null(strstr(html, "<dd>org " NASTY_ESCAPED "</dd>"));
    assert_non_null(strstr(html, "goal " NASTY_ESCAPED));
    assert_non_null(strstr(html, "text " NASTY_ESCAPED));
    assert_non_null(strstr(html, "label " NASTY_ESCAPED));
    assert_non_null(strstr(html, "<li>note " NASTY_ESCAPED "</li>"));
    assert_non_null(strstr(html, "g&lt;1&gt;"));
    assert_non_null(strstr(html, "data-code=\"t&quot;1&quot;\""));
    assert_non_null(strstr(html, "10u&lt;&amp;&gt;"));
    kpi_evaluation_free(ev);
    kpi_free(html);
}

/* A plan with nothing in it still makes a whole page. */
static void test_empty_plan(void **state)
{
    (void)state;
    kpi_plan *plan = NULL;
    kpi_evaluation *ev = NULL;
    assert_int_equal(kpi_plan_new(&plan, "empty"), KPI_OK);
    assert_int_equal(kpi_evaluate(&ev, plan, AS_OF, NULL), KPI_OK);
    kpi_plan_free(plan);
    char *html = render(ev, KPI_LANG_EN);
    assert_non_null(strstr(html, "<h1>Progress of priority goals</h1>"));
    assert_null(strstr(html, "<details"));
    assert_null(strstr(html, "class=\"notes\""));
    assert_int_equal(strcmp(html + strlen(html) - 8, "</html>\n"), 0);
    kpi_evaluation_free(ev);
    kpi_free(html);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_golden_seed),      cmocka_unit_test(test_page_head),
        cmocka_unit_test(test_self_contained),   cmocka_unit_test(test_balanced),
        cmocka_unit_test(test_every_target),     cmocka_unit_test(test_bar_overflow),
        cmocka_unit_test(test_unrated_in_words), cmocka_unit_test(test_english),
        cmocka_unit_test(test_escaping),         cmocka_unit_test(test_empty_plan),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
