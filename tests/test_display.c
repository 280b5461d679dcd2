/*
 * test_display.c: the reports show every piece the same way.
 *
 * Each form a report shows has one function: numbers kpi__number_display()
 * and kpi__number_percent(), exact numbers kpi__number_format(), dates
 * kpi__date_iso(), names kpi_kind_name() and the others, and, made of
 * them, the display layer of lib/report/display.h (the target with its
 * unit and comparison, figures, quantities, due dates, periods, the rating
 * symbol and label, the unrated label). Here targets of every shape
 * (numeric up and down, with an ASCII, a Japanese or no unit, relative,
 * milestone, qualitative, with and without figures, assessed, NaN and huge
 * values) are rendered in the five formats and both languages, and every
 * piece found in each format must be what those functions give and what
 * the reason line says. Also: the stable names of every enumeration, and
 * the plan files reading back what they write.
 * Run from the repository root (ctest does).
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
#include "check.h"
#include "model/names.h"
#include "report/display.h"
#include "report/width.h"
#include "util/alloc.h"

#define AS_OF 20170930
#define TEXT_WIDTH 160
#define VALUE_CELLS 16  /* the text report cuts longer values with … */
#define TARGET_CELLS 24 /* and longer targets */

/* ------------------------------------------------------------------------ */
/* Plans of every shape                                                     */
/* ------------------------------------------------------------------------ */

/* One target: what is set on it. NaN leaves a value unset; a measurement
 * of NaN is none. */
struct shape {
    const char *code;
    kpi_kind kind;
    kpi_direction direction;
    const char *unit;
    double value, start_value, reference, change_pct;
    double measured;     /* the figure as of AS_OF */
    int32_t due;         /* 0: the end of the period */
    kpi_rating assessed; /* NONE: no assessment */
};

#define N NAN
#define INC KPI_DIRECTION_INCREASE
#define DEC KPI_DIRECTION_DECREASE
#define NUMERIC KPI_KIND_NUMERIC
#define MILESTONE KPI_KIND_MILESTONE
#define QUALITATIVE KPI_KIND_QUALITATIVE
#define NONE KPI_RATING_NONE

static const struct shape shapes[] = {
    {"inc-ja", NUMERIC, INC, "件", 30, N, N, N, 32, 0, NONE},
    {"dec-t", NUMERIC, DEC, "t", 80, 100, N, N, 90, 0, NONE},
    {"inc-bare", NUMERIC, INC, "", 12.5, N, N, N, 3.25, 0, NONE},
    {"dec-bare", NUMERIC, DEC, "", 0.5, 2, N, N, 1.997, 0, NONE},
    {"inc-katakana", NUMERIC, INC, "アカウント", 1, N, N, N, 4, 0, NONE},
    {"rel-inc", NUMERIC, INC, "人", N, 100, 100, 10, 104, 0, NONE},
    {"rel-dec", NUMERIC, DEC, "kg", N, 200, 200, 5, 196, 0, NONE},
    {"no-figure", NUMERIC, INC, "回", 6, N, N, N, N, 0, NONE},
    {"no-target", NUMERIC, INC, "回", N, N, N, N, 13, 0, NONE},
    {"huge", NUMERIC, INC, "t", 1e300, N, N, N, 5e299, 0, NONE},
    {"huge-dec", NUMERIC, DEC, "t", 1e15, 1e16, N, N, 2e15, 0, NONE},
    {"long-unit", NUMERIC, DEC, "million yen", 1.5e9, 2e9, N, N, 1.8e9, 0, NONE},
    {"assessed", NUMERIC, INC, "件", 10, N, N, N, 9, 0, KPI_RATING_BEHIND},
    {"ms-half", MILESTONE, INC, "", N, N, N, N, 0.5, 20171130, NONE},
    {"ms-none", MILESTONE, INC, "", N, N, N, N, N, 0, NONE},
    {"ms-not-due", MILESTONE, INC, "", N, N, N, N, 0, 0, NONE},
    {"q-rated", QUALITATIVE, INC, "", N, N, N, N, N, 0, KPI_RATING_ON_TRACK},
    {"q-none", QUALITATIVE, INC, "", N, N, N, N, N, 0, NONE},
    {"q-figure", QUALITATIVE, INC, "件", 5, N, N, N, 3, 0, NONE},
};
#define SHAPE_COUNT (sizeof shapes / sizeof shapes[0])

static void add_shape(kpi_goal *goal, const struct shape *s)
{
    kpi_target *t = kpi_goal_add_target(goal, s->code, "wording of the target");
    assert_non_null(t);
    assert_int_equal(kpi_target_set_kind(t, s->kind), KPI_OK);
    assert_int_equal(kpi_target_set_direction(t, s->direction), KPI_OK);
    assert_int_equal(kpi_target_set_unit(t, s->unit), KPI_OK);
    assert_int_equal(kpi_target_set_value(t, s->value), KPI_OK);
    assert_int_equal(kpi_target_set_start_value(t, s->start_value), KPI_OK);
    assert_int_equal(kpi_target_set_reference(t, s->reference), KPI_OK);
    assert_int_equal(kpi_target_set_change_pct(t, s->change_pct), KPI_OK);
    if (s->due)
        assert_int_equal(kpi_target_set_due(t, s->due), KPI_OK);
    if (!isnan(s->measured))
        assert_non_null(kpi_target_add_measurement(t, AS_OF, s->measured, NULL));
    if (s->assessed != KPI_RATING_NONE)
        assert_non_null(kpi_target_add_assessment(t, AS_OF, s->assessed, NULL));
}

static kpi_evaluation *evaluate_shapes(kpi_rollup rollup)
{
    kpi_plan *plan;
    kpi_policy *policy;
    kpi_evaluation *ev;
    assert_int_equal(kpi_plan_new(&plan, "shapes"), KPI_OK);
    assert_int_equal(kpi_plan_set_fiscal_year(plan, 2017), KPI_OK);
    assert_int_equal(kpi_plan_set_organization(plan, "Ueda"), KPI_OK);
    assert_int_equal(kpi_plan_set_department(plan, "Planning"), KPI_OK);
    kpi_goal *goal = kpi_plan_add_goal(plan, "g", "every shape");
    assert_non_null(goal);
    for (size_t i = 0; i < SHAPE_COUNT; i++)
        add_shape(goal, &shapes[i]);
    assert_int_equal(kpi_policy_new(&policy), KPI_OK);
    assert_int_equal(kpi_policy_set_rollup(policy, rollup), KPI_OK);
    assert_int_equal(kpi_evaluate(&ev, plan, AS_OF, policy), KPI_OK);
    kpi_policy_free(policy);
    kpi_plan_free(plan);
    return ev;
}

static char *render(const kpi_evaluation *ev, kpi_format format, kpi_lang lang)
{
    char *out = NULL;
    size_t size = 0;
    int rc = format == KPI_FORMAT_TEXT
                 ? kpi_evaluation_render_text(&out, &size, ev, lang, TEXT_WIDTH)
                 : kpi_evaluation_render(&out, &size, ev, format, lang);
    if (rc != KPI_OK)
        fail_msg("render %s: %s", kpi_format_name(format), kpi_error_message());
    assert_non_null(out);
    assert_int_equal(size, strlen(out));
    return out;
}

/* ------------------------------------------------------------------------ */
/* The pieces, as the display functions make them                          */
/* ------------------------------------------------------------------------ */

struct pieces {
    char symbol[16];
    char label[256];  /* the rating's label, or the unrated label */
    char target[256]; /* kpi__display_target() */
    char actual[KPI__NUMBER_SIZE], expected[KPI__NUMBER_SIZE];
    char actual_with_unit[256]; /* kpi__display_quantity() */
    char achievement[KPI__NUMBER_SIZE], pace[KPI__NUMBER_SIZE];
    char due[KPI__DUE_SIZE], due_iso[KPI__DATE_ISO_SIZE];
    char measured[KPI__DATE_ISO_SIZE];
    const char *reason;
};

typedef void (*built_form)(kpi__strbuf *, const kpi_result *, kpi_lang);

static void quantity_of_actual(kpi__strbuf *b, const kpi_result *r, kpi_lang lang)
{
    kpi__display_quantity(b, r, kpi_result_actual(r), lang);
}

static void unrated_of(kpi__strbuf *b, const kpi_result *r, kpi_lang lang)
{
    kpi__display_unrated(b, kpi_result_unrated(r), lang);
}

static void build(char *buf, size_t size, built_form form, const kpi_result *r,
                  kpi_lang lang)
{
    kpi__strbuf b = {0};
    kpi__strbuf_append(&b, "");
    form(&b, r, lang);
    assert_false(b.failed);
    assert_true(b.length < size);
    memcpy(buf, b.data, b.length + 1);
    kpi__strbuf_free(&b);
}

static void pieces_of(struct pieces *p, const kpi_result *r, kpi_lang lang)
{
    kpi_rating rating = kpi_result_rating(r);
    snprintf(p->symbol, sizeof p->symbol, "%s", kpi__display_symbol(rating));
    if (rating == KPI_RATING_NONE)
        build(p->label, sizeof p->label, unrated_of, r, lang);
    else
        snprintf(p->label, sizeof p->label, "%s", kpi_rating_label(rating, lang));
    build(p->target, sizeof p->target, kpi__display_target, r, lang);
    build(p->actual_with_unit, sizeof p->actual_with_unit, quantity_of_actual, r, lang);
    kpi__display_figure(p->actual, r, kpi_result_actual(r));
    kpi__display_figure(p->expected, r, kpi_result_expected(r));
    kpi__number_percent(p->achievement, kpi_result_achievement(r));
    kpi__number_percent(p->pace, kpi_result_pace(r));
    kpi__display_due(p->due, kpi_result_due(r), lang);
    kpi__date_iso(p->due_iso, kpi_result_due(r));
    kpi__date_iso(p->measured, kpi_result_measured(r));
    p->reason = kpi_result_reason(r, lang);
    assert_non_null(p->reason);
}

/* ------------------------------------------------------------------------ */
/* Reading the formats back                                                 */
/* ------------------------------------------------------------------------ */

static int starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* The line of text holding needle (a copy the caller frees). */
static char *line_with(const char *text, const char *needle)
{
    const char *at = strstr(text, needle);
    if (!at)
        fail_msg("no line holds \"%s\"", needle);
    const char *start = at;
    while (start > text && start[-1] != '\n')
        start--;
    const char *end = strchr(at, '\n');
    size_t n = end ? (size_t)(end - start) : strlen(start);
    char *line = malloc(n + 1);
    assert_non_null(line);
    memcpy(line, start, n);
    line[n] = '\0';
    if (n && line[n - 1] == '\r')
        line[n - 1] = '\0';
    return line;
}

/* Splits line into cells at each separator not escaped by a backslash;
 * returns how many. The cells point into line, which is changed. */
static size_t split(char *line, char separator, char **cells, size_t max)
{
    size_t count = 0;
    char *start = line;
    for (char *p = line;; p++) {
        if (*p == '\\' && p[1]) {
            p++;
            continue;
        }
        if (*p != separator && *p)
            continue;
        int last = *p == '\0';
        *p = '\0';
        if (count < max)
            cells[count++] = start;
        start = p + 1;
        if (last)
            return count;
    }
}

/* A Markdown cell as plain text: trimmed, backslash escapes undone. */
static void markdown_plain(char *s)
{
    while (*s == ' ')
        memmove(s, s + 1, strlen(s));
    size_t n = strlen(s);
    while (n && s[n - 1] == ' ')
        s[--n] = '\0';
    for (char *p = s; *p; p++)
        if (*p == '\\' && p[1])
            memmove(p, p + 1, strlen(p));
}

/* text with HTML's escapes, as the page writes it. */
static void html_escaped(char *buf, size_t size, const char *text)
{
    size_t n = 0;
    for (const char *p = text; *p; p++) {
        const char *put = *p == '&'    ? "&amp;"
                          : *p == '<'  ? "&lt;"
                          : *p == '>'  ? "&gt;"
                          : *p == '"'  ? "&quot;"
                          : *p == '\'' ? "&#39;"
                                       : NULL;
        size_t len = put ? strlen(put) : 1;
        assert_true(n + len < size);
        memcpy(buf + n, put ? put : p, len);
        n += len;
    }
    buf[n] = '\0';
}

/* The text report cuts a value wider than max cells and ends it in …. */
static void text_cell(char *buf, size_t size, const char *value, size_t max)
{
    size_t cells = kpi__width(value);
    if (cells <= max) {
        snprintf(buf, size, "%s", value);
        return;
    }
    size_t keep = kpi__width_fit(value, strlen(value), max - kpi__width("…"), NULL);
    snprintf(buf, size, "%.*s…", (int)keep, value);
}

/* ------------------------------------------------------------------------ */
/* Each format against the pieces                                           */
/* ------------------------------------------------------------------------ */

/* The row: symbol, code, wording, then the figures in order, each after a
 * blank; the reason line under it, whole. */
static void check_text(const char *text, const struct pieces *p, const char *code)
{
    char needle[64];
    snprintf(needle, sizeof needle, "  %s  ", code);
    char *line = line_with(text, needle);
    const char *at = line;
    while (*at == ' ')
        at++;
    if (!starts_with(at, p->symbol))
        fail_msg("%s: the text row starts with no %s: %s", code, p->symbol, line);
    at = strstr(line, "wording of the target");
    assert_non_null(at);
    const char *figures[] = {p->actual, p->expected, p->target, p->achievement, p->pace};
    for (size_t i = 0; i < 5; i++) {
        char cell[300], spaced[310];
        if (!*figures[i])
            continue;
        text_cell(cell, sizeof cell, figures[i], i == 2 ? TARGET_CELLS : VALUE_CELLS);
        snprintf(spaced, sizeof spaced, " %s", cell);
        const char *found = strstr(at, spaced);
        if (!found)
            fail_msg("%s: the text row lacks \"%s\" in its place: %s", code, cell, line);
        at = found + strlen(spaced);
        assert_true(*at == ' ' || *at == '\0');
    }
    free(line);
    if (!strstr(text, p->reason))
        fail_msg("%s: the text report lacks the reason \"%s\"", code, p->reason);
}

static void check_markdown(const char *md, const struct pieces *p, const char *code)
{
    char needle[64];
    snprintf(needle, sizeof needle, " | %s | ", code);
    char *line = line_with(md, needle);
    char *cells[16];
    size_t count = split(line, '|', cells, 16);
    assert_int_equal(count, 12); /* ten cells between eleven borders */
    for (size_t i = 1; i < 11; i++)
        markdown_plain(cells[i]);
    assert_string_equal(cells[1], p->symbol);
    assert_string_equal(cells[2], code);
    assert_string_equal(cells[4], p->actual);
    assert_string_equal(cells[5], p->expected);
    assert_string_equal(cells[6], p->target);
    assert_string_equal(cells[7], p->achievement);
    assert_string_equal(cells[8], p->pace);
    assert_string_equal(cells[9], p->reason);
    free(line);
}

#define NIL "<span class=\"nil\">—</span>"

/* The inside of the row's i-th cell. */
static void html_cell(char *buf, size_t size, const char *row, size_t i)
{
    const char *at = row;
    for (size_t n = 0; n <= i; n++) {
        at = strstr(at, "<td");
        assert_non_null(at);
        at = strchr(at, '>') + 1;
    }
    const char *end = strstr(at, "</td>");
    assert_non_null(end);
    snprintf(buf, size, "%.*s", (int)(end - at), at);
}

static void expect_html_value(const char *row, size_t i, const char *value,
                              const char *code)
{
    char cell[1400], want[1400];
    html_cell(cell, sizeof cell, row, i);
    html_escaped(want, sizeof want, value);
    if (!*value)
        snprintf(want, sizeof want, "%s", NIL);
    if (strcmp(cell, want) != 0)
        fail_msg("%s: HTML cell %zu is \"%s\", not \"%s\"", code, i, cell, want);
}

static void check_html(const char *html, const kpi_result *r, const struct pieces *p,
                       int32_t period_end)
{
    const char *code = kpi_result_code(r);
    char needle[64], cell[1400], want[1400], label[600];
    snprintf(needle, sizeof needle, "data-code=\"%s\"", code);
    char *row = line_with(html, needle);
    html_escaped(label, sizeof label, p->label);
    snprintf(want, sizeof want, " title=\"%s\">%s</span>", label, p->symbol);
    html_cell(cell, sizeof cell, row, 0);
    if (!strstr(cell, want))
        fail_msg("%s: the HTML badge is %s, not ...%s", code, cell, want);
    /* The unit goes with the actual when there is no target value. */
    expect_html_value(row, 3, *p->target ? p->actual : p->actual_with_unit, code);
    expect_html_value(row, 4, p->expected, code);
    html_escaped(want, sizeof want, p->target);
    if (!*p->target)
        snprintf(want, sizeof want, "%s", NIL);
    html_cell(cell, sizeof cell, row, 5);
    if (!starts_with(cell, want))
        fail_msg("%s: the HTML target is \"%s\", not \"%s\"", code, cell, want);
    /* The due date, when it is not the end of the period. */
    const char *sub = cell + strlen(want);
    if (kpi_result_due(r) && kpi_result_due(r) != period_end) {
        snprintf(want, sizeof want, "<span class=\"sub\">%s</span>", p->due);
        assert_string_equal(sub, want);
    } else {
        assert_string_equal(sub, "");
    }
    expect_html_value(row, 6, p->achievement, code);
    expect_html_value(row, 7, p->pace, code);
    if (!strcmp(p->symbol, kpi__display_symbol(KPI_RATING_NONE))) {
        snprintf(want, sizeof want, "<span class=\"unrated\">%s</span>", label);
        html_cell(cell, sizeof cell, row, 8);
        assert_string_equal(cell, want);
    }
    free(row);
}

/* The JSON node of a result, from its code to the next node. */
static char *json_node(const char *json, const char *code)
{
    char needle[64];
    snprintf(needle, sizeof needle, "\"code\": \"%s\",", code);
    const char *at = strstr(json, needle);
    assert_non_null(at);
    const char *end = strstr(at + 1, "\"code\": ");
    size_t n = end ? (size_t)(end - at) : strlen(at);
    char *node = malloc(n + 1);
    assert_non_null(node);
    memcpy(node, at, n);
    node[n] = '\0';
    return node;
}

static void expect_json(const char *node, const char *key, const char *value, int quoted,
                        const char *code)
{
    char want[600];
    if (!value || !*value)
        snprintf(want, sizeof want, "\"%s\": null", key);
    else if (quoted)
        snprintf(want, sizeof want, "\"%s\": \"%s\"", key, value);
    else
        snprintf(want, sizeof want, "\"%s\": %s", key, value);
    if (!strstr(node, want))
        fail_msg("%s: the JSON node lacks %s", code, want);
}

/* The exact number JSON and CSV write; "" for NaN and infinities. */
static void exact(char *buf, double value)
{
    buf[0] = '\0';
    if (isfinite(value))
        kpi__number_format(buf, value);
}

static void check_json(const char *json, const kpi_result *r, const struct pieces *p,
                       kpi_lang lang)
{
    const char *code = kpi_result_code(r);
    char *node = json_node(json, code);
    char number[KPI__NUMBER_SIZE];
    kpi_rating rating = kpi_result_rating(r);
    expect_json(node, "kind", kpi_object_name(KPI_OBJECT_TARGET), 1, code);
    expect_json(node, "rating", kpi_rating_symbol(rating), 1, code);
    expect_json(node, "rating_name", kpi_rating_name(rating), 1, code);
    expect_json(node, "rating_label", kpi_rating_label(rating, lang), 1, code);
    expect_json(node, "unrated_label", kpi_unrated_label(kpi_result_unrated(r), lang), 1,
                code);
    expect_json(node, "reason", p->reason, 1, code);
    expect_json(node, "target_kind", kpi_kind_name(kpi_result_target_kind(r)), 1, code);
    expect_json(node, "direction", kpi_direction_name(kpi_result_direction(r)), 1, code);
    exact(number, kpi_result_actual(r));
    expect_json(node, "actual", number, 0, code);
    exact(number, kpi_result_value(r));
    expect_json(node, "target", number, 0, code);
    expect_json(node, "measured", p->measured, 1, code);
    expect_json(node, "due", p->due_iso, 1, code);
    free(node);
}

/* The CSV row of a result, cells by the header's names. */
static void check_csv(const char *csv, const kpi_result *r, const struct pieces *p,
                      kpi_lang lang)
{
    const char *code = kpi_result_code(r);
    char *header = line_with(csv, "kind,code,");
    char needle[64];
    snprintf(needle, sizeof needle, "\r\n%s,%s,", kpi_object_name(KPI_OBJECT_TARGET),
             code);
    char *row = line_with(csv, needle + 2);
    /* No cell of these plans needs quotes but the reason, which is last
     * but one; it is checked whole below. */
    char *names[40], *cells[40];
    size_t count = split(header, ',', names, 40);
    assert_int_equal(split(row, ',', cells, 40) >= count, 1);
    char number[KPI__NUMBER_SIZE];
    kpi_rating rating = kpi_result_rating(r);
    for (size_t i = 0; i < count; i++) {
        const char *want = NULL;
        if (!strcmp(names[i], "kind"))
            want = kpi_object_name(KPI_OBJECT_TARGET);
        else if (!strcmp(names[i], "rating"))
            want = kpi_rating_symbol(rating);
        else if (!strcmp(names[i], "rating_name"))
            want = kpi_rating_name(rating);
        else if (!strcmp(names[i], "unrated_label"))
            want = kpi_unrated_label(kpi_result_unrated(r), lang);
        else if (!strcmp(names[i], "target_kind"))
            want = kpi_kind_name(kpi_result_target_kind(r));
        else if (!strcmp(names[i], "direction"))
            want = kpi_direction_name(kpi_result_direction(r));
        else if (!strcmp(names[i], "measured"))
            want = p->measured;
        else if (!strcmp(names[i], "due"))
            want = p->due_iso;
        else if (!strcmp(names[i], "actual"))
            exact(number, kpi_result_actual(r)), want = number;
        else if (!strcmp(names[i], "target"))
            exact(number, kpi_result_value(r)), want = number;
        if (want && strcmp(cells[i], want) != 0)
            fail_msg("%s: CSV %s is \"%s\", not \"%s\"", code, names[i], cells[i], want);
    }
    free(header);
    free(row);
    if (!strstr(csv, p->reason))
        fail_msg("%s: the CSV report lacks the reason \"%s\"", code, p->reason);
}

/* The reason line says what the columns show. */
static void check_reason(const kpi_result *r, const struct pieces *p, kpi_lang lang)
{
    const char *code = kpi_result_code(r);
    kpi_kind kind = kpi_result_target_kind(r);
    char want[600];
    if (*p->actual && kind != KPI_KIND_MILESTONE &&
        !starts_with(p->reason, p->actual_with_unit))
        fail_msg("%s: the reason \"%s\" starts with no \"%s\"", code, p->reason,
                 p->actual_with_unit);
    if (kind == KPI_KIND_NUMERIC && *p->target) {
        snprintf(want, sizeof want, "%s%s",
                 lang == KPI_LANG_EN ? " / target " : " / 目標", p->target);
        if (!strstr(p->reason, want))
            fail_msg("%s: the reason \"%s\" lacks \"%s\"", code, p->reason, want);
    }
    if (kind == KPI_KIND_NUMERIC && *p->achievement) {
        snprintf(want, sizeof want, " (%s)", p->achievement);
        assert_non_null(strstr(p->reason, want));
    }
    if (kind == KPI_KIND_MILESTONE) {
        snprintf(want, sizeof want, " / %s", p->due);
        assert_non_null(strstr(p->reason, want));
        if (*p->actual)
            assert_non_null(strstr(p->reason, p->actual));
    }
    if (kpi_result_rating(r) == KPI_RATING_NONE) {
        snprintf(want, sizeof want, " → %s", p->label);
        assert_non_null(strstr(p->reason, want));
    } else {
        snprintf(want, sizeof want, " → %s", p->symbol);
        assert_non_null(strstr(p->reason, want));
    }
    if (kpi_result_assessed(r)) {
        char date[KPI__DATE_ISO_SIZE];
        kpi__date_iso(date, kpi_result_assessment_date(r));
        assert_non_null(strstr(p->reason, date));
    }
}

/* ------------------------------------------------------------------------ */
/* Tests: every shape, every format, both languages                         */
/* ------------------------------------------------------------------------ */

static void every_target_agrees(void **state)
{
    (void)state;
    kpi_evaluation *ev = evaluate_shapes(KPI_ROLLUP_CRITERIA);
    for (int l = KPI_LANG_JA; l <= KPI_LANG_EN; l++) {
        kpi_lang lang = (kpi_lang)l;
        char *text = render(ev, KPI_FORMAT_TEXT, lang);
        char *md = render(ev, KPI_FORMAT_MARKDOWN, lang);
        char *html = render(ev, KPI_FORMAT_HTML, lang);
        char *json = render(ev, KPI_FORMAT_JSON, lang);
        char *csv = render(ev, KPI_FORMAT_CSV, lang);
        for (size_t i = 0; i < SHAPE_COUNT; i++) {
            const kpi_result *r = kpi_evaluation_find(ev, shapes[i].code);
            assert_non_null(r);
            struct pieces p;
            pieces_of(&p, r, lang);
            check_reason(r, &p, lang);
            check_text(text, &p, shapes[i].code);
            check_markdown(md, &p, shapes[i].code);
            check_html(html, r, &p, kpi_evaluation_end(ev));
            check_json(json, r, &p, lang);
            check_csv(csv, r, &p, lang);
        }
        kpi_free(text);
        kpi_free(md);
        kpi_free(html);
        kpi_free(json);
        kpi_free(csv);
    }
    kpi_evaluation_free(ev);
}

/* The shapes give the forms they should: the comparison per language,
 * the unit's blank in English only, a milestone's percent, nothing for a
 * qualitative target or a missing value. */
static void the_forms_themselves(void **state)
{
    (void)state;
    static const struct {
        const char *code, *ja, *en;
    } targets[] = {
        {"inc-ja", "30件以上", "30 件 or more"},
        {"dec-t", "80t以下", "80 t or less"},
        {"inc-bare", "12.5以上", "12.5 or more"},
        {"dec-bare", "0.5以下", "0.5 or less"},
        {"rel-inc", "110人以上", "110 人 or more"},
        {"rel-dec", "190kg以下", "190 kg or less"},
        {"no-target", "", ""},
        {"huge", "1e+300t以上", "1e+300 t or more"},
        {"huge-dec", "1e+15t以下", "1e+15 t or less"},
        {"long-unit", "1500000000million yen以下", "1500000000 million yen or less"},
        {"ms-half", "100%", "100%"},
        {"q-rated", "", ""},
        {"q-figure", "", ""},
    };
    kpi_evaluation *ev = evaluate_shapes(KPI_ROLLUP_CRITERIA);
    for (size_t i = 0; i < sizeof targets / sizeof targets[0]; i++) {
        const kpi_result *r = kpi_evaluation_find(ev, targets[i].code);
        struct pieces ja, en;
        pieces_of(&ja, r, KPI_LANG_JA);
        pieces_of(&en, r, KPI_LANG_EN);
        assert_string_equal(ja.target, targets[i].ja);
        assert_string_equal(en.target, targets[i].en);
    }
    struct pieces p;
    pieces_of(&p, kpi_evaluation_find(ev, "dec-bare"), KPI_LANG_JA);
    assert_string_equal(p.actual, "2"); /* 1.997 at two decimals, never "2." */
    pieces_of(&p, kpi_evaluation_find(ev, "ms-half"), KPI_LANG_EN);
    assert_string_equal(p.actual, "50%");
    assert_string_equal(p.due, "due 2017-11-30");
    pieces_of(&p, kpi_evaluation_find(ev, "ms-half"), KPI_LANG_JA);
    assert_string_equal(p.due, "期限2017-11-30");
    pieces_of(&p, kpi_evaluation_find(ev, "no-figure"), KPI_LANG_JA);
    assert_string_equal(p.actual, "");
    assert_string_equal(p.symbol, "―");
    assert_string_equal(p.label, "未評価: 実績なし");
    assert_string_equal(p.measured, "");
    pieces_of(&p, kpi_evaluation_find(ev, "no-figure"), KPI_LANG_EN);
    assert_string_equal(p.label, "unrated: no figure reported");
    pieces_of(&p, kpi_evaluation_find(ev, "q-figure"), KPI_LANG_EN);
    assert_string_equal(p.actual_with_unit, "3 件");
    pieces_of(&p, kpi_evaluation_find(ev, "q-figure"), KPI_LANG_JA);
    assert_string_equal(p.actual_with_unit, "3件");
    kpi_evaluation_free(ev);
}

/* The regression of "The shape of 1.0": an English DECREASE target of
 * 80 t read "80t or less" in HTML and "80 t" in Markdown. */
static void decrease_target_reads_the_same_everywhere(void **state)
{
    (void)state;
    kpi_evaluation *ev = evaluate_shapes(KPI_ROLLUP_CRITERIA);
    const kpi_result *r = kpi_evaluation_find(ev, "dec-t");
    char *html = render(ev, KPI_FORMAT_HTML, KPI_LANG_EN);
    char *md = render(ev, KPI_FORMAT_MARKDOWN, KPI_LANG_EN);
    char *text = render(ev, KPI_FORMAT_TEXT, KPI_LANG_EN);
    char *row = line_with(html, "data-code=\"dec-t\"");
    assert_non_null(strstr(row, "<td class=\"num\">80 t or less</td>"));
    free(row);
    row = line_with(md, " | dec-t | ");
    assert_non_null(strstr(row, " | 80 t or less | "));
    free(row);
    row = line_with(text, "  dec-t  ");
    assert_non_null(strstr(row, " 80 t or less "));
    free(row);
    assert_non_null(strstr(kpi_result_reason(r, KPI_LANG_EN), "target 80 t or less"));
    kpi_free(html);
    kpi_free(md);
    kpi_free(text);
    html = render(ev, KPI_FORMAT_HTML, KPI_LANG_JA);
    md = render(ev, KPI_FORMAT_MARKDOWN, KPI_LANG_JA);
    row = line_with(html, "data-code=\"dec-t\"");
    assert_non_null(strstr(row, "<td class=\"num\">80t以下</td>"));
    free(row);
    row = line_with(md, " | dec-t | ");
    assert_non_null(strstr(row, " | 80t以下 | "));
    free(row);
    assert_non_null(strstr(kpi_result_reason(r, KPI_LANG_JA), "目標80t以下"));
    kpi_free(html);
    kpi_free(md);
    kpi_evaluation_free(ev);
}

/* The header (period, as-of date, roll-up rule), the overall rating and
 * the goals' reason lines, in every format. */
static void header_and_goals_agree(void **state)
{
    (void)state;
    for (int rollup = KPI_ROLLUP_CRITERIA; rollup <= KPI_ROLLUP_WEIGHTED; rollup++) {
        kpi_evaluation *ev = evaluate_shapes((kpi_rollup)rollup);
        const kpi_result *plan = kpi_evaluation_result_at(ev, 0);
        const kpi_result *goal = kpi_evaluation_find(ev, "g");
        for (int l = KPI_LANG_JA; l <= KPI_LANG_EN; l++) {
            kpi_lang lang = (kpi_lang)l;
            kpi__header header;
            char want[600];
            kpi__display_header(&header, ev, lang);
            assert_string_equal(header.values[2], lang == KPI_LANG_EN
                                                      ? "2017-04-01 to 2018-03-31"
                                                      : "2017-04-01 ～ 2018-03-31");
            assert_string_equal(header.values[3], "2017-09-30");
            assert_string_equal(header.values[4],
                                kpi_rollup_label((kpi_rollup)rollup, lang));
            char *text = render(ev, KPI_FORMAT_TEXT, lang);
            char *md = render(ev, KPI_FORMAT_MARKDOWN, lang);
            char *html = render(ev, KPI_FORMAT_HTML, lang);
            char *json = render(ev, KPI_FORMAT_JSON, lang);
            for (int i = 0; i < KPI__HEADER_FIELDS; i++) {
                const char *word = kpi__word(header.words[i], lang);
                char *line = line_with(text, word);
                assert_true(strlen(line) > strlen(header.values[i]));
                assert_string_equal(line + strlen(line) - strlen(header.values[i]),
                                    header.values[i]);
                free(line);
                snprintf(want, sizeof want, "- **%s**: %s\n", word, header.values[i]);
                assert_non_null(strstr(md, want));
                snprintf(want, sizeof want, "<dt>%s</dt><dd>%s</dd>", word,
                         header.values[i]);
                assert_non_null(strstr(html, want));
            }
            snprintf(want, sizeof want, "\"as_of\": \"%s\"", header.as_of);
            assert_non_null(strstr(json, want));
            snprintf(want, sizeof want, "\"lang\": \"%s\"", kpi_lang_name(lang));
            assert_non_null(strstr(json, want));
            snprintf(want, sizeof want, "\"rollup\": \"%s\"",
                     kpi_rollup_name((kpi_rollup)rollup));
            assert_non_null(strstr(json, want));
            snprintf(want, sizeof want, "<html lang=\"%s\">", kpi_lang_name(lang));
            assert_non_null(strstr(html, want));
            /* The rule that rated the goal, in the words of the header. */
            snprintf(want, sizeof want, " [%s",
                     kpi_rollup_label((kpi_rollup)rollup, lang));
            assert_non_null(strstr(kpi_result_reason(goal, lang), want));
            /* The overall rating: symbol and label. */
            const char *symbol = kpi__display_symbol(kpi_result_rating(plan));
            const char *label = kpi__display_rating_label(kpi_result_rating(plan), lang);
            snprintf(want, sizeof want, "%s %s\n", symbol, label);
            assert_non_null(strstr(text, want));
            snprintf(want, sizeof want, "**%s %s**", symbol, label);
            assert_non_null(strstr(md, want));
            snprintf(want, sizeof want, "<div class=\"label\">%s</div>", label);
            assert_non_null(strstr(html, want));
            kpi_free(text);
            kpi_free(md);
            kpi_free(html);
            kpi_free(json);
        }
        kpi_evaluation_free(ev);
    }
}

/* ------------------------------------------------------------------------ */
/* Tests: names                                                             */
/* ------------------------------------------------------------------------ */

typedef const char *(*name_fn)(int);

static const char *object_name(int v)
{
    return kpi_object_name((kpi_object)v);
}
static const char *kind_name(int v)
{
    return kpi_kind_name((kpi_kind)v);
}
static const char *direction_name(int v)
{
    return kpi_direction_name((kpi_direction)v);
}
static const char *schedule_name(int v)
{
    return kpi_schedule_name((kpi_schedule)v);
}
static const char *accumulate_name(int v)
{
    return kpi_accumulate_name((kpi_accumulate)v);
}
static const char *rollup_name(int v)
{
    return kpi_rollup_name((kpi_rollup)v);
}
static const char *lang_name(int v)
{
    return kpi_lang_name((kpi_lang)v);
}
static const char *encoding_name(int v)
{
    return kpi_encoding_name((kpi_encoding)v);
}
static const char *warning_name(int v)
{
    return kpi_warning_name((kpi_warning)v);
}

/* Every value has its name, read back by the readers' parser; a value that
 * is none of the enumeration's has "". */
static void every_enumeration_has_names(void **state)
{
    (void)state;
    static const struct {
        kpi__names set;
        name_fn name;
        const char *names[5];
    } sets[] = {
        {KPI__NAMES_OBJECT, object_name, {"plan", "goal", "target", "directive"}},
        {KPI__NAMES_KIND, kind_name, {"numeric", "milestone", "qualitative"}},
        {KPI__NAMES_DIRECTION, direction_name, {"increase", "decrease"}},
        {KPI__NAMES_SCHEDULE, schedule_name, {"default", "linear", "step", "level"}},
        {KPI__NAMES_ACCUMULATE, accumulate_name, {"latest", "sum"}},
        {KPI__NAMES_ROLLUP, rollup_name, {"criteria", "worst", "weighted"}},
        {KPI__NAMES_LANG, lang_name, {"ja", "en"}},
        {KPI__NAMES_ENCODING, encoding_name, {"auto", "utf-8", "cp932"}},
        {KPI__NAMES_WARNING, warning_name, {"ignored", "inferred"}},
    };
    for (size_t s = 0; s < sizeof sets / sizeof sets[0]; s++) {
        int v = 0;
        for (; sets[s].names[v]; v++) {
            assert_string_equal(sets[s].name(v), sets[s].names[v]);
            assert_int_equal(kpi__name_parse(sets[s].set, sets[s].names[v]), v);
            char upper[32];
            snprintf(upper, sizeof upper, "%s", sets[s].names[v]);
            for (char *c = upper; *c; c++)
                if (*c >= 'a' && *c <= 'z')
                    *c = (char)(*c - 'a' + 'A');
            assert_int_equal(kpi__name_parse(sets[s].set, upper), v);
        }
        assert_string_equal(sets[s].name(v), "");
        assert_string_equal(sets[s].name(-1), "");
        assert_int_equal(kpi__name_parse(sets[s].set, ""), -1);
        assert_int_equal(kpi__name_parse(sets[s].set, NULL), -1);
        assert_int_equal(kpi__name_parse(sets[s].set, "nonsense"), -1);
    }
    assert_string_equal(kpi_rollup_label(KPI_ROLLUP_CRITERIA, KPI_LANG_JA), "評価基準");
    assert_string_equal(kpi_rollup_label(KPI_ROLLUP_WEIGHTED, KPI_LANG_EN),
                        "weighted mean");
    assert_string_equal(kpi_rollup_label((kpi_rollup)3, KPI_LANG_EN), "");
    static const char *const fields[] = {"label", "unit",       "kind", "direction", "value",
                                         "change_pct", "due", "status", "planned"};
    for (int bit = 0; bit < 9; bit++)
        assert_string_equal(kpi_field_name((kpi_field)(1 << bit)), fields[bit]);
    assert_string_equal(kpi_field_name((kpi_field)0), "");
    assert_string_equal(kpi_field_name((kpi_field)3), "");
    assert_string_equal(kpi_field_name((kpi_field)512), "");
}

/* A plan file holds the names the writers take from the name functions,
 * and reads back to the same values: no name is written one way and read
 * another. "default" reads too, though the writers leave it empty. */
static void plan_files_read_what_they_write(void **state)
{
    (void)state;
    kpi_plan *plan, *back;
    kpi_reader *reader;
    assert_int_equal(kpi_plan_new(&plan, "names"), KPI_OK);
    assert_int_equal(kpi_plan_set_fiscal_year(plan, 2017), KPI_OK);
    kpi_goal *goal = kpi_plan_add_goal(plan, "g", "goal");
    assert_non_null(goal);
    char code[16];
    for (int s = KPI_SCHEDULE_DEFAULT; s <= KPI_SCHEDULE_LEVEL; s++) {
        for (int a = KPI_ACCUMULATE_LATEST; a <= KPI_ACCUMULATE_SUM; a++) {
            for (int d = KPI_DIRECTION_INCREASE; d <= KPI_DIRECTION_DECREASE; d++) {
                snprintf(code, sizeof code, "t%d%d%d", s, a, d);
                kpi_target *t = kpi_goal_add_target(goal, code, "x");
                assert_non_null(t);
                assert_int_equal(kpi_target_set_value(t, 5), KPI_OK);
                assert_int_equal(kpi_target_set_start_value(t, 10), KPI_OK);
                assert_int_equal(kpi_target_set_schedule(t, (kpi_schedule)s), KPI_OK);
                assert_int_equal(kpi_target_set_accumulate(t, (kpi_accumulate)a), KPI_OK);
                assert_int_equal(kpi_target_set_direction(t, (kpi_direction)d), KPI_OK);
            }
        }
    }
    char *structure = NULL;
    size_t size = 0;
    assert_int_equal(kpi_plan_write_structure(&structure, &size, plan, KPI_WRITE_NO_BOM),
                     KPI_OK);
    assert_non_null(strstr(structure, "\nplan,names,"));
    assert_non_null(strstr(structure, "\ngoal,g,"));
    assert_non_null(strstr(structure, ",step,sum,"));
    assert_non_null(strstr(structure, ",decrease,"));
    assert_null(strstr(structure, "default"));
    assert_int_equal(kpi_reader_new(&reader), KPI_OK);
    assert_int_equal(kpi_reader_read_buffers(&back, reader, structure, size, NULL, 0),
                     KPI_OK);
    for (int s = KPI_SCHEDULE_DEFAULT; s <= KPI_SCHEDULE_LEVEL; s++) {
        for (int a = KPI_ACCUMULATE_LATEST; a <= KPI_ACCUMULATE_SUM; a++) {
            for (int d = KPI_DIRECTION_INCREASE; d <= KPI_DIRECTION_DECREASE; d++) {
                snprintf(code, sizeof code, "t%d%d%d", s, a, d);
                kpi_target *t = kpi_plan_find_target(back, code);
                assert_non_null(t);
                assert_int_equal(kpi_target_schedule(t), s);
                assert_int_equal(kpi_target_accumulate(t), a);
                assert_int_equal(kpi_target_direction(t), d);
            }
        }
    }
    kpi_plan_free(back);
    kpi_free(structure);
    static const char by_name[] = "type,code,parent,title,kind,direction,schedule,value\n"
                                  "Plan,p,,,,,,\n"
                                  "GOAL,g,,goal,,,,\n"
                                  "target,a,g,x,Milestone,,default,\n"
                                  "target,b,g,x,numeric,Decrease,Level,3\n";
    assert_int_equal(
        kpi_reader_read_buffers(&back, reader, by_name, strlen(by_name), NULL, 0),
        KPI_OK);
    kpi_target *a = kpi_plan_find_target(back, "a");
    kpi_target *b = kpi_plan_find_target(back, "b");
    assert_int_equal(kpi_target_kind(a), KPI_KIND_MILESTONE);
    assert_int_equal(kpi_target_schedule(a), KPI_SCHEDULE_DEFAULT);
    assert_int_equal(kpi_target_direction(b), KPI_DIRECTION_DECREASE);
    assert_int_equal(kpi_target_schedule(b), KPI_SCHEDULE_LEVEL);
    kpi_plan_free(back);
    kpi_reader_free(reader);
    kpi_plan_free(plan);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_target_agrees),
        cmocka_unit_test(the_forms_themselves),
        cmocka_unit_test(decrease_target_reads_the_same_everywhere),
        cmocka_unit_test(header_and_goals_agree),
        cmocka_unit_test(every_enumeration_has_names),
        cmocka_unit_test(plan_files_read_what_they_write),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
