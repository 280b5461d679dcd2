/* Internal: the progress file's rows (csv_write_progress.c), for the
 * writers of csv_write.c. */
#ifndef KPI_LIB_IO_CSV_WRITE_H
#define KPI_LIB_IO_CSV_WRITE_H

#include "io/write_row.h"
#include "kpi/plan.h"

/* Writes the progress file: the header and every object's rows in the
 * order they were added. */
void kpi__write_progress(kpi__writer *w, const kpi_plan *plan);

#endif
