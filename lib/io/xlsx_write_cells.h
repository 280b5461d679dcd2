/* Internal: the sheets of a plan workbook (xlsx_write.c): the writer's
 * cells typed into a libxlsxwriter worksheet (xlsx_write_cells.c), and what
 * staff need to fill a sheet in: drop-down lists and date checks on the
 * columns that take them (xlsx_write_lists.c). */
#ifndef KPI_LIB_IO_XLSX_WRITE_CELLS_H
#define KPI_LIB_IO_XLSX_WRITE_CELLS_H

#include "io/write_row.h"
#include "util/workbook.h"
#include "kpi/scale.h"

/* The most columns a plan file has (the structure file's 24). */
#define KPI__XLSX_SHEET_COLUMNS 32

/* The cells of one sheet: a kpi__cells (first, so that the writer's
 * pointer is this) writing into sheet. */
typedef struct kpi__sheet_cells {
    kpi__cells cells;
    lxw_worksheet *sheet;
    const char *name; /* the sheet's, for messages */
    lxw_format *header_format, *date_format;
    uint32_t row;                                /* the row being written, 0 the header */
    int code_column;                             /* the field holding the row's code */
    const char *code;                            /* the current row's, for messages */
    const char *header[KPI__XLSX_SHEET_COLUMNS]; /* the header row's names */
    int columns;                                 /* how many */
    kpi__strbuf scratch; /* a text made fit for a cell (kpi__workbook_text()) */
    int rc;              /* the first failure, KPI_OK while none */
} kpi__sheet_cells;

/* Starts the cells of sheet; code_column is the field of each row's code.
 * The formats belong to the workbook. */
void kpi__sheet_cells_init(kpi__sheet_cells *c, lxw_worksheet *sheet, const char *name,
                           int code_column, lxw_format *header_format,
                           lxw_format *date_format);

/* Frees what the cells hold (not the sheet, the workbook's). */
void kpi__sheet_cells_free(kpi__sheet_cells *c);

/* Once its rows are written: the sheet's header frozen and filtered, its
 * columns sized, and a drop-down list or a date check on each column that
 * takes one; scale (NULL: ◎○△×) gives the ratings' list. KPI_OK or the
 * error, recorded. */
int kpi__sheet_finish(kpi__sheet_cells *c, const kpi_scale *scale);

#endif
