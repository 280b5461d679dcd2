/*
 * test_render_progress_data.c: progress in the JSON and CSV reports, on
 * the synthetic plan of render_support.h (not the seed):
 * - JSON: format_version 3; per node status, status_label, planned,
 *   status_date, update {date, status, planned, text} (text escaped),
 *   cancelled, and figure_inferred for targets; the top-level
 *   "directives" and "cancelled" arrays; brackets balanced outside strings
 *   and no raw control character inside them;
 * - CSV: the progress and directive columns of every row, a row per
 *   directive, multi-line text kept inside its quoted cell, every row as
 *   wide as the header (read back with libcsv).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "render_support.h"

/* ------------------------------------------------------------------------ */
/* JSON                                                                     */
/* ------------------------------------------------------------------------ */

/* The members of the node or directive whose code is code, up to the next
 * object's code (a node's own members come before its children). */
static char *object_of(const char *json, const char *code)
{
    char needle[64];
    snprintf(needle, sizeof needle, "\"code\": \"%s\",", code);
    const char *at = strstr(json, needle);
    if (!at)
        fail_msg("no object with code %s", code);
    const char *end = strstr(at + 1, "\"code\": ");
    size_t n = end ? (size_t)(end - at) : strlen(at);
    char *text = malloc(n + 1);
    assert_non_null(text);
    memcpy(text, at, n);
    text[n] = '\0';
    return text;
}

static void assert_member(const char *json, const char *code, const char *member)
{
    char *object = object_of(json, code);
    if (!strstr(object, member))
        fail_msg("%s lacks %s:\n%s", code, member, object);
    free(object);
}

/* Brackets balance outside strings, and strings hold no raw control
 * character (a line break must be \n). */
static void assert_well_formed(const char *json)
{
    int depth = 0, in_string = 0;
    for (const char *p = json; *p; p++) {
        if (in_string) {
            if ((unsigned char)*p < 0x20)
                fail_msg("raw control character in a string at %zu", (size_t)(p - json));
            if (*p == '\\')
                p++;
            else if (*p == '"')
                in_string = 0;
        } else if (*p == '"') {
            in_string = 1;
        } else if (*p == '{' || *p == '[') {
            depth++;
        } else if (*p == '}' || *p == ']') {
            assert_true(--depth >= 0);
        }
    }
    assert_int_equal(depth, 0);
    assert_false(in_string);
}

static void json_top_level(void **state)
{
    (void)state;
    kpi_evaluation *ev = progress_evaluation();
    char *json = progress_render(ev, KPI_FORMAT_JSON, KPI_LANG_JA);
    assert_well_formed(json);
    assert_contains(json, "{\n  \"format_version\": 3,\n");
    assert_before(json, "\"notes\": []", "\"directives\": [");
    assert_before(json, "\"directives\": [",
                  "\"cancelled\": [\n    \"1-1-c\"\n  ],\n  \"plan\"");
    kpi_free(json);
    kpi_evaluation_free(ev);
}

static void json_directives(void **state)
{
    (void)state;
    kpi_evaluation *ev = progress_evaluation();
    char *json = progress_render(ev, KPI_FORMAT_JSON, KPI_LANG_JA);
    /* A directive is one line: its members separated by ", ". */
    assert_member(json, "D-1",
                  "\"issuer\": \"市長\", \"issued\": \"2017-05-10\", "
                  "\"text\": \"" TEXT_D1 "\", ");
    assert_member(json, "D-1", "\"goals\": [\"1-1\", \"1-2\"], ");
    assert_member(json, "D-1",
                  "\"open\": false, \"days_open\": null, \"overdue\": false, "
                  "\"status\": \"done\", ");
    assert_member(json, "D-1",
                  "\"update\": {\"date\": \"2017-09-20\", \"status\": \"done\", "
                  "\"planned\": null, \"text\": \"" TEXT_D1_RESPONSE "\"}}");
    assert_member(json, "D-2", "\"goals\": [\"1-2\"], ");
    assert_member(json, "D-2",
                  "\"open\": true, \"days_open\": 163, \"overdue\": true, "
                  "\"status\": null, ");
    assert_member(json, "D-2", "\"update\": null");
    kpi_free(json);
    kpi_evaluation_free(ev);
}

static void json_nodes(void **state)
{
    (void)state;
    kpi_evaluation *ev = progress_evaluation();
    char *json = progress_render(ev, KPI_FORMAT_JSON, KPI_LANG_EN);
    /* Scheduled, with a planned date; the text's line break escaped. */
    assert_member(json, "1-1-a", "\"status\": \"scheduled\", ");
    assert_member(json, "1-1-a", "\"status_label\": \"scheduled\", ");
    assert_member(json, "1-1-a", "\"planned\": \"2017-10-31\", ");
    assert_member(json, "1-1-a", "\"status_date\": \"2017-09-30\", ");
    assert_member(json, "1-1-a",
                  "\"text\": \"子ども文化講座を10月に開催予定。\\n会場は市民会館。\"");
    assert_member(json, "1-1-a", "\"cancelled\": false,");
    assert_member(json, "1-1-a", "\"figure_inferred\": false,");
    /* Preparing with no figure: rated by its status, no actual. */
    assert_member(json, "1-1-b", "\"rating\": \"△\",");
    assert_member(json, "1-1-b", "\"actual\": null,");
    assert_member(json, "1-1-b", "\"status\": \"preparing\",");
    /* Cancelled: flagged, unrated, out of its goal's counts. */
    assert_member(json, "1-1-c", "\"cancelled\": true,");
    assert_member(json, "1-1-c", "\"unrated_reason\": \"CANCELLED\",");
    assert_member(json, "1-1-c", "\"status_date\": \"2017-08-31\",");
    assert_member(json, "1-1", "\"CANCELLED\": 1}");
    assert_member(json, "1-1", "\"on_track\": 1, ");
    assert_member(json, "1-1", "\"behind\": 1, ");
    /* A goal's update; a node with none has null. */
    assert_member(json, "1-1", "\"status\": \"in_progress\",");
    assert_member(json, "1-1", "\"text\": \"地域説明会を実施中。\\n次回は11月。\"");
    assert_member(json, "1-2", "\"update\": null,");
    assert_member(json, "1-2-a", "\"update\": null,");
    assert_member(json, "1-2-a", "\"status\": null,");
    kpi_free(json);
    kpi_evaluation_free(ev);
}

/* ------------------------------------------------------------------------ */
/* CSV                                                                      */
/* ------------------------------------------------------------------------ */

/* The cell of column name in the row whose code is code. */
static const char *cell(const struct csv_table *t, const char *code, const char *name)
{
    size_t column = 0;
    while (column < t->columns && strcmp(t->cells[column], name) != 0)
        column++;
    if (column == t->columns)
        fail_msg("no column %s", name);
    for (size_t r = 1; r < t->rows; r++)
        if (strcmp(t->cells[r * t->columns + 1], code) == 0)
            return t->cells[r * t->columns + column];
    fail_msg("no row %s", code);
    return NULL;
}

static void csv_progress_columns(void **state)
{
    (void)state;
    kpi_evaluation *ev = progress_evaluation();
    char *csv = progress_render(ev, KPI_FORMAT_CSV, KPI_LANG_JA);
    assert_contains(csv, ",reason,inferred,status,status_label,planned,status_date,"
                         "update_date,update_status,update_planned,update_text,"
                         "figure_inferred,cancelled,issuer,issued,goals,open,days_open,"
                         "overdue\r\n");
    struct csv_table t = read_csv_report(csv);
    assert_string_equal(cell(&t, "1-1-a", "status"), "scheduled");
    assert_string_equal(cell(&t, "1-1-a", "status_label"), "予定");
    assert_string_equal(cell(&t, "1-1-a", "planned"), "2017-10-31");
    assert_string_equal(cell(&t, "1-1-a", "update_date"), "2017-09-30");
    assert_string_equal(cell(&t, "1-1-a", "update_planned"), "2017-10-31");
    assert_string_equal(cell(&t, "1-1-a", "update_text"), TEXT_SCHEDULED);
    assert_string_equal(cell(&t, "1-1-a", "figure_inferred"), "false");
    assert_string_equal(cell(&t, "1-1-a", "cancelled"), "false");
    assert_string_equal(cell(&t, "1-1-a", "issuer"), "");
    assert_string_equal(cell(&t, "1-1-b", "status"), "preparing");
    assert_string_equal(cell(&t, "1-1-b", "actual"), "");
    assert_string_equal(cell(&t, "1-1-b", "rating"), "△");
    assert_string_equal(cell(&t, "1-1-c", "cancelled"), "true");
    assert_string_equal(cell(&t, "1-1-c", "unrated_reason"), "CANCELLED");
    assert_string_equal(cell(&t, "1-1-c", "update_status"), "cancelled");
    assert_string_equal(cell(&t, "1-1-c", "update_text"), TEXT_CANCELLED);
    assert_string_equal(cell(&t, "1-1", "update_text"), TEXT_GOAL);
    assert_string_equal(cell(&t, "1-1", "status"), "in_progress");
    assert_string_equal(cell(&t, "1-1", "figure_inferred"), "");
    assert_string_equal(cell(&t, "1-2-a", "update_date"), "");
    assert_string_equal(cell(&t, "1-2-a", "status"), "");
    /* The multi-line text stays in one quoted cell. */
    assert_contains(csv, ",\"子ども文化講座を10月に開催予定。\n会場は市民会館。\",");
    free_csv_report(&t);
    kpi_free(csv);
    kpi_evaluation_free(ev);
}

static void csv_directive_rows(void **state)
{
    (void)state;
    kpi_evaluation *ev = progress_evaluation();
    char *csv = progress_render(ev, KPI_FORMAT_CSV, KPI_LANG_EN);
    struct csv_table t = read_csv_report(csv);
    /* The header, the plan's eight results, then the two directives. */
    assert_int_equal(kpi_evaluation_result_count(ev), 8);
    assert_int_equal(t.rows, 1 + 8 + 2);
    assert_string_equal(cell(&t, "D-1", "kind"), "directive");
    assert_string_equal(cell(&t, "D-1", "title"), TEXT_D1);
    assert_string_equal(cell(&t, "D-1", "parent"), "");
    assert_string_equal(cell(&t, "D-1", "depth"), "");
    assert_string_equal(cell(&t, "D-1", "weight"), "");
    assert_string_equal(cell(&t, "D-1", "reason"), "");
    assert_string_equal(cell(&t, "D-1", "issuer"), "市長");
    assert_string_equal(cell(&t, "D-1", "issued"), "2017-05-10");
    assert_string_equal(cell(&t, "D-1", "goals"), "1-1;1-2");
    assert_string_equal(cell(&t, "D-1", "open"), "false");
    assert_string_equal(cell(&t, "D-1", "days_open"), "");
    assert_string_equal(cell(&t, "D-1", "overdue"), "false");
    assert_string_equal(cell(&t, "D-1", "status_label"), "done");
    assert_string_equal(cell(&t, "D-1", "update_text"), TEXT_D1_RESPONSE);
    assert_string_equal(cell(&t, "D-1", "cancelled"), "");
    assert_string_equal(cell(&t, "D-2", "goals"), "1-2");
    assert_string_equal(cell(&t, "D-2", "open"), "true");
    assert_string_equal(cell(&t, "D-2", "days_open"), "163");
    assert_string_equal(cell(&t, "D-2", "overdue"), "true");
    assert_string_equal(cell(&t, "D-2", "update_date"), "");
    assert_string_equal(cell(&t, "1", "issuer"), "");
    assert_string_equal(cell(&t, "1", "open"), "");
    free_csv_report(&t);
    kpi_free(csv);
    kpi_evaluation_free(ev);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(json_top_level),     cmocka_unit_test(json_directives),
        cmocka_unit_test(json_nodes),         cmocka_unit_test(csv_progress_columns),
        cmocka_unit_test(csv_directive_rows),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
