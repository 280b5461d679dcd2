/* Internal: one CSV cell as both the plan files (io/csv_write.c) and the
 * CSV report (report/render_csv.c) write it. */
#ifndef KPI_LIB_UTIL_CSV_CELL_H
#define KPI_LIB_UTIL_CSV_CELL_H

#include "util/strbuf.h"

#include <stddef.h>

/* Appends text[0..n) as a CSV field: as it is, or in quotes (with inner
 * quotes doubled, by libcsv) when it holds a comma, a quote or a line
 * break, or begins or ends with a blank a reader might trim. Sets
 * out->failed when memory runs out. */
void kpi__csv_cell(kpi__strbuf *out, const char *text, size_t n);

#endif
