/* kpi-report --explain-parse: how libkpi read the plan's texts. */
#ifndef KPI_REPORT_EXPLAIN_H
#define KPI_REPORT_EXPLAIN_H

#include <kpi.h>

/* Writes into *out (size bytes, the caller frees it with free()) how each
 * target's wording (期限・数値目標等) and each progress text (進捗状況) of the
 * plan reads, and what the reader filled from them. KPI_OK, or
 * KPI_ERR_NOMEM (then *out is NULL). */
int kpi_report_explain(char **out, size_t *size, kpi_plan *plan);

#endif
