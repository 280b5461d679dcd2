/* The synthetic plan with progress that the report tests share (see
 * render_support.h for its contents). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "render_support.h"

#define assert_ok(call) assert_int_equal((call), KPI_OK)

static kpi_target *add_target(kpi_goal *goal, const char *code, const char *label,
                              const char *unit, double value)
{
    kpi_target *t = kpi_goal_add_target(goal, code, label);
    assert_non_null(t);
    assert_ok(kpi_target_set_unit(t, unit));
    assert_ok(kpi_target_set_value(t, value));
    return t;
}

static void add_update(kpi_update *u, kpi_status status, int32_t planned)
{
    assert_non_null(u);
    assert_ok(kpi_update_set_status(u, status, planned));
}

static void add_initiative_1_1(kpi_goal *g1)
{
    kpi_goal *g = kpi_goal_add_goal(g1, "1-1", "地域活性化の取組");
    assert_non_null(g);
    add_update(kpi_goal_add_update(g, 20170915, TEXT_GOAL), KPI_STATUS_IN_PROGRESS, 0);
    kpi_target *t = add_target(g, "1-1-a", "子ども文化講座", "回", 1);
    add_update(kpi_target_add_update(t, 20170930, TEXT_SCHEDULED), KPI_STATUS_SCHEDULED,
               20171031);
    t = add_target(g, "1-1-b", "企業版ふるさと納税新規計画", "件", 1);
    add_update(kpi_target_add_update(t, 20170930, TEXT_PREPARING), KPI_STATUS_PREPARING,
               0);
    t = add_target(g, "1-1-c", "空き家見学会", "回", 4);
    assert_non_null(kpi_target_add_measurement(t, 20170630, 1, NULL));
    add_update(kpi_target_add_update(t, 20170831, TEXT_CANCELLED), KPI_STATUS_CANCELLED,
               0);
}

static void add_directives(kpi_plan *plan)
{
    kpi_directive *d = kpi_plan_add_directive(plan, "D-1", TEXT_D1);
    assert_non_null(d);
    assert_ok(kpi_directive_set_date(d, 20170510));
    assert_ok(kpi_directive_add_goal(d, kpi_plan_find_goal(plan, "1-1")));
    assert_ok(kpi_directive_add_goal(d, kpi_plan_find_goal(plan, "1-2")));
    add_update(kpi_directive_add_update(d, 20170920, TEXT_D1_RESPONSE), KPI_STATUS_DONE,
               0);
    d = kpi_plan_add_directive(plan, "D-2", TEXT_D2);
    assert_non_null(d);
    assert_ok(kpi_directive_set_date(d, 20170420));
    assert_ok(kpi_directive_add_goal(d, kpi_plan_find_goal(plan, "1-2")));
}

kpi_plan *progress_plan(void)
{
    kpi_plan *plan = NULL;
    assert_ok(kpi_plan_new(&plan, "progress-2017"));
    assert_ok(kpi_plan_set_fiscal_year(plan, 2017));
    assert_ok(kpi_plan_set_title(plan, "進捗テスト計画"));
    assert_ok(kpi_plan_set_organization(plan, "テスト市"));
    assert_ok(kpi_plan_set_department(plan, "企画課"));
    kpi_goal *g1 = kpi_plan_add_goal(plan, "1", "まちづくりの推進");
    assert_non_null(g1);
    add_initiative_1_1(g1);
    kpi_goal *g12 = kpi_goal_add_goal(g1, "1-2", "情報発信の強化");
    assert_non_null(g12);
    kpi_target *t = add_target(g12, "1-2-a", "SNS投稿数", "件", 100);
    assert_non_null(kpi_target_add_measurement(t, 20170930, 60, NULL));
    add_directives(plan);
    return plan;
}

kpi_evaluation *progress_evaluate(kpi_plan *plan)
{
    kpi_evaluation *ev = NULL;
    assert_ok(kpi_evaluate(&ev, plan, PROGRESS_AS_OF, NULL));
    kpi_plan_free(plan);
    return ev;
}

kpi_evaluation *progress_evaluation(void)
{
    return progress_evaluate(progress_plan());
}

char *progress_render(const kpi_evaluation *ev, kpi_format format, kpi_lang lang)
{
    char *out = NULL;
    size_t size = 0;
    if (kpi_evaluation_render(&out, &size, ev, format, lang) != KPI_OK)
        fail_msg("render %s: %s", kpi_format_name(format), kpi_error_message());
    assert_non_null(out);
    assert_int_equal(size, strlen(out));
    return out;
}

char *progress_render_text(const kpi_evaluation *ev, kpi_lang lang, int32_t width)
{
    char *out = NULL;
    if (kpi_evaluation_render_text(&out, NULL, ev, lang, width) != KPI_OK)
        fail_msg("render text: %s", kpi_error_message());
    assert_non_null(out);
    return out;
}

size_t count_of(const char *text, const char *needle)
{
    size_t n = 0, len = strlen(needle);
    for (const char *p = text; (p = strstr(p, needle)) != NULL; p += len)
        n++;
    return n;
}

void assert_contains(const char *text, const char *needle)
{
    if (!strstr(text, needle))
        fail_msg("missing \"%s\" in:\n%s", needle, text);
}

void assert_lacks(const char *text, const char *needle)
{
    const char *at = strstr(text, needle);
    if (at)
        fail_msg("unexpected \"%s\" at offset %zu", needle, (size_t)(at - text));
}

void assert_before(const char *text, const char *a, const char *b)
{
    const char *at = strstr(text, a);
    if (!at)
        fail_msg("missing \"%s\"", a);
    if (!strstr(at + strlen(a), b))
        fail_msg("\"%s\" does not follow \"%s\"", b, a);
}

/* ---- Reading a CSV report back ----------------------------------------- */

static void on_cell(void *data, size_t size, void *p)
{
    struct csv_table *t = p;
    if (t->count == t->capacity) {
        t->capacity = t->capacity ? t->capacity * 2 : 256;
        t->cells = realloc(t->cells, t->capacity * sizeof *t->cells);
        assert_non_null(t->cells);
    }
    char *cell = malloc(size + 1);
    assert_non_null(cell);
    memcpy(cell, data, size);
    cell[size] = '\0';
    t->cells[t->count++] = cell;
}

static void on_row(int terminator, void *p)
{
    (void)terminator;
    struct csv_table *t = p;
    t->rows++;
    if (t->rows == 1)
        t->columns = t->count;
    if (t->count != t->rows * t->columns)
        fail_msg("row %zu is not as wide as the header (%zu)", t->rows, t->columns);
}

void csv_parse_report(const char *text, void (*cell)(void *, size_t, void *),
                      void (*row)(int, void *), void *data)
{
    struct csv_parser parser;
    assert_memory_equal(text, "\xEF\xBB\xBF", 3);
    text += 3;
    assert_int_equal(csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL),
                     0);
    size_t n = strlen(text);
    assert_int_equal(csv_parse(&parser, text, n, cell, row, data), n);
    assert_int_equal(csv_fini(&parser, cell, row, data), 0);
    csv_free(&parser);
}

struct csv_table read_csv_report(const char *text)
{
    struct csv_table t = {0};
    csv_parse_report(text, on_cell, on_row, &t);
    return t;
}

void free_csv_report(struct csv_table *t)
{
    for (size_t i = 0; i < t->count; i++)
        free(t->cells[i]);
    free(t->cells);
}
