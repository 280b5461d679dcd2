/*
 * kpi-report --explain-parse: how each text of a plan reads, so that a
 * person can check every field the reader filled against the words it came
 * from. For each target: its wording (期限・数値目標等) as the phrase parser
 * reads it (kpi_phrase_parse()) and which fields came from it; then each
 * progress text (進捗状況) of the target, of each initiative and of each
 * directive as the prose reader reads it (kpi_prose_read()), and what the
 * reader filled from it (a status, a figure).
 */
#define _POSIX_C_SOURCE 200809L /* open_memstream */

#include "kpi-report-explain.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* ---- Target wording ------------------------------------------------------ */

/* One reading of a phrase, as fields a person can check against it. */
static void explain_reading(FILE *f, const kpi_phrase *p, size_t i)
{
    fprintf(f, "    read:   %s", kpi_kind_name(kpi_phrase_kind_at(p, i)));
    if (*kpi_phrase_label_at(p, i))
        fprintf(f, ", label %s", kpi_phrase_label_at(p, i));
    if (!isnan(kpi_phrase_value_at(p, i)))
        fprintf(f, ", value %g", kpi_phrase_value_at(p, i));
    if (*kpi_phrase_unit_at(p, i))
        fprintf(f, ", unit %s", kpi_phrase_unit_at(p, i));
    if (!isnan(kpi_phrase_change_pct_at(p, i)))
        fprintf(f, ", %+g%% on last year",
                kpi_phrase_change_pct_at(p, i) *
                    (kpi_phrase_direction_at(p, i) == KPI_DIRECTION_DECREASE ? -1 : 1));
    else if (kpi_phrase_direction_at(p, i) == KPI_DIRECTION_DECREASE)
        fprintf(f, ", decrease");
    if (kpi_phrase_due_at(p, i))
        fprintf(f, ", due %d", (int)kpi_phrase_due_at(p, i));
    fprintf(f, " (confidence %.0f%%)\n", kpi_phrase_confidence_at(p, i) * 100);
    for (size_t k = 0; k < kpi_phrase_issue_count_at(p, i); k++)
        fprintf(f, "    unsure: %s\n", kpi_phrase_issue_at(p, i, k));
}

/* The fields filled from a text, by their stable names. */
static void explain_fields(FILE *f, const char *heading, uint32_t inferred)
{
    fprintf(f, "%s", heading);
    if (!inferred)
        fprintf(f, " nothing (the file gives every field)");
    for (uint32_t bit = 1; bit && bit <= inferred; bit <<= 1)
        if (inferred & bit)
            fprintf(f, " %s", kpi_field_name((kpi_field)bit));
    fprintf(f, "\n");
}

static int explain_wording(FILE *f, const kpi_target *t, int32_t fiscal_year)
{
    const char *text = kpi_target_text(t);
    fprintf(f, "%s  %s\n", kpi_target_code(t), *text ? text : "(no text)");
    if (!*text)
        return KPI_OK;
    kpi_phrase *p = NULL;
    if (kpi_phrase_parse(&p, text, fiscal_year) != KPI_OK) {
        fprintf(f, "    not read: %s\n", kpi_error_message());
        return kpi_error_code() == KPI_ERR_NOMEM ? KPI_ERR_NOMEM : KPI_OK;
    }
    for (size_t i = 0; i < kpi_phrase_count(p); i++)
        explain_reading(f, p, i);
    explain_fields(f, "    used:  ", kpi_target_inferred(t));
    kpi_phrase_free(p);
    return KPI_OK;
}

/* ---- Progress texts ------------------------------------------------------ */

static void explain_statement(FILE *f, const kpi_prose *p, size_t i)
{
    fprintf(f, "      「%s」", kpi_prose_text_at(p, i));
    if (*kpi_prose_subject_at(p, i))
        fprintf(f, " about %s", kpi_prose_subject_at(p, i));
    if (kpi_prose_status_at(p, i) != KPI_STATUS_NONE)
        fprintf(f, ": %s", kpi_status_name(kpi_prose_status_at(p, i)));
    if (kpi_prose_planned_at(p, i))
        fprintf(f, " for %d", (int)kpi_prose_planned_at(p, i));
    if (kpi_prose_done_at(p, i))
        fprintf(f, " on %d", (int)kpi_prose_done_at(p, i));
    fprintf(f, " (confidence %.0f%%)\n", kpi_prose_confidence_at(p, i) * 100);
    for (size_t k = 0; k < kpi_prose_issue_count_at(p, i); k++)
        fprintf(f, "        unsure: %s\n", kpi_prose_issue_at(p, i, k));
    for (size_t k = 0; k < kpi_prose_figure_count_at(p, i); k++) {
        fprintf(f, "        figure: %s%s%g %s (confidence %.0f%%)\n",
                kpi_prose_figure_label_at(p, i, k),
                *kpi_prose_figure_label_at(p, i, k) ? " " : "",
                kpi_prose_figure_value_at(p, i, k), kpi_prose_figure_unit_at(p, i, k),
                kpi_prose_figure_confidence_at(p, i, k) * 100);
        if (*kpi_prose_figure_issue_at(p, i, k))
            fprintf(f, "        unsure: %s\n", kpi_prose_figure_issue_at(p, i, k));
    }
}

/* One update's text read, and the status the reader filled on it. */
static int explain_update(FILE *f, const kpi_update *u, int32_t fiscal_year)
{
    const char *text = kpi_update_text(u);
    if (!*text)
        return KPI_OK;
    fprintf(f, "    progress %d:\n", (int)kpi_update_date(u));
    kpi_prose *p = NULL;
    if (kpi_prose_read(&p, text, fiscal_year) != KPI_OK) {
        fprintf(f, "      not read: %s\n", kpi_error_message());
        return kpi_error_code() == KPI_ERR_NOMEM ? KPI_ERR_NOMEM : KPI_OK;
    }
    for (size_t i = 0; i < kpi_prose_count(p); i++)
        explain_statement(f, p, i);
    kpi_prose_free(p);
    if (kpi_update_inferred(u))
        fprintf(f, "      filled: status %s\n", kpi_status_name(kpi_update_status(u)));
    return KPI_OK;
}

/* The figures the reader filled on a target, from its texts or its
 * initiative's. */
static void explain_figures(FILE *f, kpi_target *t)
{
    for (size_t i = 0; i < kpi_target_measurement_count(t); i++) {
        kpi_measurement *m = kpi_target_measurement_at(t, i);
        if (kpi_measurement_inferred(m))
            fprintf(f, "    filled: figure %g %s on %d\n", kpi_measurement_value(m),
                    kpi_target_unit(t), (int)kpi_measurement_date(m));
    }
}

static int explain_target(FILE *f, kpi_target *t, int32_t fiscal_year)
{
    int rc = explain_wording(f, t, fiscal_year);
    for (size_t i = 0; rc == KPI_OK && i < kpi_target_update_count(t); i++)
        rc = explain_update(f, kpi_target_update_at(t, i), fiscal_year);
    explain_figures(f, t);
    return rc;
}

static int explain_goal(FILE *f, kpi_goal *g, int32_t fiscal_year)
{
    int rc = KPI_OK;
    if (kpi_goal_update_count(g))
        fprintf(f, "%s  (initiative)\n", kpi_goal_code(g));
    for (size_t i = 0; rc == KPI_OK && i < kpi_goal_update_count(g); i++)
        rc = explain_update(f, kpi_goal_update_at(g, i), fiscal_year);
    for (size_t i = 0; rc == KPI_OK && i < kpi_goal_target_count(g); i++)
        rc = explain_target(f, kpi_goal_target_at(g, i), fiscal_year);
    for (size_t i = 0; rc == KPI_OK && i < kpi_goal_goal_count(g); i++)
        rc = explain_goal(f, kpi_goal_goal_at(g, i), fiscal_year);
    return rc;
}

static int explain_directives(FILE *f, kpi_plan *plan, int32_t fiscal_year)
{
    int rc = KPI_OK;
    for (size_t i = 0; rc == KPI_OK && i < kpi_plan_directive_count(plan); i++) {
        kpi_directive *d = kpi_plan_directive_at(plan, i);
        if (!kpi_directive_update_count(d))
            continue;
        fprintf(f, "%s  (directive)\n", kpi_directive_code(d));
        for (size_t k = 0; rc == KPI_OK && k < kpi_directive_update_count(d); k++)
            rc = explain_update(f, kpi_directive_update_at(d, k), fiscal_year);
    }
    return rc;
}

/* Built in memory, like a report, so that nothing is printed if anything
 * fails. */
int kpi_report_explain(char **out, size_t *size, kpi_plan *plan)
{
    *out = NULL;
    FILE *f = open_memstream(out, size);
    if (!f)
        return KPI_ERR_NOMEM;
    int32_t start = kpi_plan_start(plan);
    int32_t report = kpi_plan_report_date(plan);
    int32_t fiscal_year = start    ? kpi_date_fiscal_year(start)
                          : report ? kpi_date_fiscal_year(report)
                                   : 0;
    int rc = KPI_OK;
    for (size_t i = 0; rc == KPI_OK && i < kpi_plan_goal_count(plan); i++)
        rc = explain_goal(f, kpi_plan_goal_at(plan, i), fiscal_year);
    if (rc == KPI_OK)
        rc = explain_directives(f, plan, fiscal_year);
    if (fclose(f) != 0 && rc == KPI_OK)
        rc = KPI_ERR_NOMEM;
    if (rc != KPI_OK) {
        free(*out);
        *out = NULL;
    }
    return rc;
}
