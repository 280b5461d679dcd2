/*
 * test_render_columns.c: kpi/columns.h, an evaluation's rows a column at a
 * time. Every cell of every column says what the CSV report's cell says,
 * on the seed and on the progress fixture (statuses, a cancelled target,
 * directives), in both languages; the names are the report's header; and
 * each argument error, with nothing written.
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

#include "render_support.h"
#include "seed.h"

/* The report's cell of a number column, as the column's double says it. */
static void number_as_cell(char *buf, size_t size, kpi_column column, double value)
{
    if (isnan(value)) {
        buf[0] = '\0';
        return;
    }
    int v = (int)value;
    switch (column) {
    case KPI_COLUMN_KIND:
        snprintf(buf, size, "%s", kpi_object_name((kpi_object)v));
        return;
    case KPI_COLUMN_RATING:
    case KPI_COLUMN_COMPUTED_RATING:
        snprintf(buf, size, "%s", kpi_rating_symbol((kpi_rating)v));
        return;
    case KPI_COLUMN_RATING_NAME:
        snprintf(buf, size, "%s", kpi_rating_name((kpi_rating)v));
        return;
    case KPI_COLUMN_UNRATED_REASON:
        snprintf(buf, size, "%s", kpi_unrated_name((kpi_unrated)v));
        return;
    case KPI_COLUMN_TARGET_KIND:
        snprintf(buf, size, "%s", kpi_kind_name((kpi_kind)v));
        return;
    case KPI_COLUMN_DIRECTION:
        snprintf(buf, size, "%s", kpi_direction_name((kpi_direction)v));
        return;
    case KPI_COLUMN_STATUS:
    case KPI_COLUMN_UPDATE_STATUS:
        snprintf(buf, size, "%s", kpi_status_name((kpi_status)v));
        return;
    case KPI_COLUMN_ASSESSED:
    case KPI_COLUMN_MISMATCH:
    case KPI_COLUMN_FIGURE_INFERRED:
    case KPI_COLUMN_CANCELLED:
    case KPI_COLUMN_OPEN:
    case KPI_COLUMN_OVERDUE:
        snprintf(buf, size, "%s", v ? "true" : "false");
        return;
    case KPI_COLUMN_ASSESSMENT_DATE:
    case KPI_COLUMN_MEASURED:
    case KPI_COLUMN_START:
    case KPI_COLUMN_DUE:
    case KPI_COLUMN_PLANNED:
    case KPI_COLUMN_STATUS_DATE:
    case KPI_COLUMN_UPDATE_DATE:
    case KPI_COLUMN_UPDATE_PLANNED:
    case KPI_COLUMN_ISSUED:
        snprintf(buf, size, "%04d-%02d-%02d", v / 10000, v / 100 % 100, v % 100);
        return;
    default:
        snprintf(buf, size, "%.17g", value);
        return;
    }
}

/* Whether a number cell of the report is the double (figures compared as
 * numbers: the report writes the shortest exact form). */
static int number_matches(const char *report, kpi_column column, double value)
{
    char buf[64];
    number_as_cell(buf, sizeof buf, column, value);
    if (strcmp(buf, report) == 0)
        return 1;
    char *end;
    double parsed = strtod(report, &end);
    return *report && !*end && !isnan(value) && parsed == value;
}

/* Every cell of every column against the CSV report of the same language. */
static void assert_columns_are_the_report(const kpi_evaluation *ev, kpi_lang lang)
{
    char *csv = NULL;
    assert_int_equal(kpi_evaluation_render(&csv, NULL, ev, KPI_FORMAT_CSV, lang), KPI_OK);
    struct csv_table t = read_csv_report(csv);
    size_t rows = kpi_evaluation_row_count(ev);
    assert_int_equal(rows, kpi_evaluation_result_count(ev) +
                               kpi_evaluation_directive_count(ev));
    assert_int_equal(t.rows, rows + 1);
    assert_int_equal(t.columns, (size_t)kpi_evaluation_column_count(ev));
    double *numbers = malloc(rows * sizeof *numbers);
    assert_non_null(numbers);
    for (int32_t c = 0; c < kpi_evaluation_column_count(ev); c++) {
        kpi_column column = (kpi_column)c;
        assert_string_equal(t.cells[c], kpi_column_name(column));
        if (kpi_column_is_text(column)) {
            char *texts = NULL;
            size_t size = 0;
            assert_int_equal(kpi_evaluation_column_texts(&texts, &size, ev, column, lang),
                             KPI_OK);
            const char *cell = texts;
            for (size_t r = 0; r < rows; r++) {
                assert_string_equal(cell, t.cells[(r + 1) * t.columns + (size_t)c]);
                cell += strlen(cell) + 1;
            }
            assert_int_equal((size_t)(cell - texts), size);
            kpi_free(texts);
            continue;
        }
        assert_int_equal(kpi_evaluation_column_numbers(ev, column, numbers, rows),
                         KPI_OK);
        for (size_t r = 0; r < rows; r++) {
            const char *report = t.cells[(r + 1) * t.columns + (size_t)c];
            if (!number_matches(report, column, numbers[r]))
                fail_msg("row %zu, column %s: the report has \"%s\", the column %.17g", r,
                         kpi_column_name(column), report, numbers[r]);
        }
    }
    free(numbers);
    free_csv_report(&t);
    kpi_free(csv);
}

static void columns_are_the_report(void **state)
{
    (void)state;
    kpi_evaluation *seed = seed_evaluation(20170930);
    kpi_evaluation *progress = progress_evaluation();
    kpi_plan *plan = seed_plan();
    kpi_evaluation *scaled = evaluation_on_scale(plan, "akiruno", 20170930);
    kpi_plan_free(plan);
    assert_non_null(scaled);
    assert_true(kpi_evaluation_directive_count(progress) > 0);
    /* The level columns are in the report on a scale only. */
    assert_int_equal(kpi_evaluation_column_count(seed), KPI_COLUMN_OVERDUE + 1);
    assert_int_equal(kpi_evaluation_column_count(scaled), kpi_column_count());
    for (int lang = KPI_LANG_JA; lang <= KPI_LANG_EN; lang++) {
        assert_columns_are_the_report(seed, (kpi_lang)lang);
        assert_columns_are_the_report(progress, (kpi_lang)lang);
        assert_columns_are_the_report(scaled, (kpi_lang)lang);
    }
    kpi_evaluation_free(seed);
    kpi_evaluation_free(progress);
    kpi_evaluation_free(scaled);
}

/* Wrong arguments are refused with the error named, and nothing is
 * written to out. */
static void column_errors(void **state)
{
    (void)state;
    kpi_evaluation *ev = progress_evaluation();
    size_t rows = kpi_evaluation_row_count(ev);
    double numbers[64];
    assert_true(rows < 64);
    for (size_t i = 0; i < rows; i++)
        numbers[i] = -7;
    assert_int_equal(
        kpi_evaluation_column_numbers(ev, KPI_COLUMN_ACTUAL, numbers, rows - 1),
        KPI_ERR_ARGUMENT);
    assert_non_null(strstr(kpi_error_message(), "count"));
    assert_int_equal(kpi_evaluation_column_numbers(ev, KPI_COLUMN_CODE, numbers, rows),
                     KPI_ERR_VALUE);
    assert_non_null(strstr(kpi_error_message(), "\"code\" is text"));
    assert_int_equal(
        kpi_evaluation_column_numbers(ev, (kpi_column)kpi_column_count(), numbers, rows),
        KPI_ERR_VALUE);
    assert_int_equal(kpi_evaluation_column_numbers(ev, (kpi_column)-1, numbers, rows),
                     KPI_ERR_VALUE);
    assert_int_equal(
        kpi_evaluation_column_numbers(NULL, KPI_COLUMN_ACTUAL, numbers, rows),
        KPI_ERR_ARGUMENT);
    assert_int_equal(kpi_evaluation_column_numbers(ev, KPI_COLUMN_ACTUAL, NULL, rows),
                     KPI_ERR_ARGUMENT);
    for (size_t i = 0; i < rows; i++)
        assert_true(numbers[i] == -7);

    char *texts = (char *)"untouched";
    size_t size = 99;
    assert_int_equal(
        kpi_evaluation_column_texts(&texts, &size, ev, KPI_COLUMN_ACTUAL, KPI_LANG_JA),
        KPI_ERR_VALUE);
    assert_null(texts);
    assert_int_equal(size, 0);
    assert_non_null(strstr(kpi_error_message(), "\"actual\" is numbers"));
    assert_int_equal(
        kpi_evaluation_column_texts(&texts, NULL, ev, KPI_COLUMN_REASON, (kpi_lang)2),
        KPI_ERR_VALUE);
    assert_int_equal(
        kpi_evaluation_column_texts(&texts, NULL, NULL, KPI_COLUMN_CODE, KPI_LANG_JA),
        KPI_ERR_ARGUMENT);
    assert_int_equal(
        kpi_evaluation_column_texts(NULL, NULL, ev, KPI_COLUMN_CODE, KPI_LANG_JA),
        KPI_ERR_ARGUMENT);
    assert_int_equal(kpi_evaluation_row_count(NULL), 0);
    assert_int_equal(kpi_error_code(), KPI_ERR_ARGUMENT);
    assert_string_equal(kpi_column_name((kpi_column)kpi_column_count()), "");
    assert_int_equal(kpi_evaluation_column_count(NULL), 0);
    assert_int_equal(kpi_column_is_text((kpi_column)-1), 0);
    kpi_evaluation_free(ev);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(columns_are_the_report),
        cmocka_unit_test(column_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
