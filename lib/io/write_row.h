/* Internal: writing the rows of a plan file, shared by the structure
 * (csv_write.c) and progress (csv_write_progress.c) writers. */
#ifndef KPI_LIB_IO_WRITE_ROW_H
#define KPI_LIB_IO_WRITE_ROW_H

#include "util/strbuf.h"

#include <stddef.h>
#include <stdint.h>

/* Where a writer's cells go instead of CSV text: a sheet of a plan
 * workbook (io/xlsx_write.c), which keeps each cell's type. column is the
 * 0-based field of the row; empty fields are not passed on; end_row ends
 * each row, the header's included. A sink that fails keeps its own error
 * and ignores what follows. */
typedef struct kpi__cells {
    void (*text)(struct kpi__cells *cells, int column, const char *text);
    void (*number)(struct kpi__cells *cells, int column, double value);
    void (*date)(struct kpi__cells *cells, int column, int32_t date);
    void (*end_row)(struct kpi__cells *cells);
} kpi__cells;

typedef struct kpi__writer {
    kpi__strbuf out;   /* the CSV text, when cells is NULL */
    uint32_t flags;    /* kpi_write_flags */
    int fields;        /* fields written on the current row */
    int extended;      /* the file has the columns only some plans need */
    int scaled;        /* ... and the structure file the scale column */
    kpi__cells *cells; /* NULL for CSV text; else where the cells go */
} kpi__writer;

/* One field: text quoted as needed; a number in the shortest form that
 * reads back to the same double (empty for NaN); a date in ISO form
 * (empty for 0); empty fields. */
void kpi__write_field(kpi__writer *w, const char *text);
void kpi__write_number(kpi__writer *w, double value);
void kpi__write_date(kpi__writer *w, int32_t date);
void kpi__write_empty(kpi__writer *w, int count);
/* Ends the row (LF, or CRLF with KPI_WRITE_CRLF). */
void kpi__write_end_row(kpi__writer *w);
/* The header row, after the BOM unless KPI_WRITE_NO_BOM (CSV only). */
void kpi__write_header(kpi__writer *w, const char *const *names, size_t count);

#endif
