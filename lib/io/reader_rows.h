/* Internal: a plan read from rows that are not CSV text (a plan workbook's
 * two sheets, io/xlsx_read.h) by the reader's one path: the same row
 * handlers, progress inference, warnings and atomicity as the CSV files,
 * with positions given as a sheet's cells and rows. */
#ifndef KPI_LIB_READER_ROWS_H
#define KPI_LIB_READER_ROWS_H

#include "io/csv_read.h"
#include "kpi/csv.h"

/* The two sheets of a row source. */
enum { KPI__ROWS_STRUCTURE = 0, KPI__ROWS_PROGRESS = 1 };

typedef struct kpi__row_source {
    void *self; /* passed to each call below */
    /* Prepares the rows (a workbook: its package, strings and styles);
     * called once, before the others. Returns KPI_OK or the error. */
    int (*open)(void *self);
    /* The name messages give the sheet ("plan.xlsx: sheet 計画"), or NULL
     * when the source has no such sheet (no progress: none is read). */
    const char *(*name)(void *self, int sheet);
    /* Calls on_row(context, row) for each row of the sheet that has a
     * cell with text, in order, row->line being the row's number; stops at
     * the first error, which it returns. */
    int (*rows)(void *self, int sheet, kpi__csv_row_fn on_row, void *context);
    /* The plan file's path, against which a scale file the plan names is
     * found; NULL for bytes. */
    const char *path;
} kpi__row_source;

/* Reads a plan from source as kpi_reader_read_files() reads the files:
 * *out the plan or NULL, the reader's warnings replaced by this read's,
 * and its error kept (kpi_reader_error_code()); function names the public
 * call in messages about NULL arguments. */
int kpi__reader_read_rows(kpi_plan **out, kpi_reader *reader,
                          const kpi__row_source *source, const char *function);

#endif
