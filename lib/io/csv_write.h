/* Internal: the rows of the two plan files, for the CSV writers
 * (csv_write.c) and the plan workbook (xlsx_write.c). */
#ifndef KPI_LIB_IO_CSV_WRITE_H
#define KPI_LIB_IO_CSV_WRITE_H

#include "io/write_row.h"
#include "kpi/plan.h"

/* Writes the structure file (csv_write.c): the header, the plan row, each
 * goal with its notes and targets, directives, the plan's notes. */
void kpi__write_structure(kpi__writer *w, const kpi_plan *plan);

/* Writes the progress file: the header and every object's rows in the
 * order they were added. */
void kpi__write_progress(kpi__writer *w, const kpi_plan *plan);

#endif
