/* Internal: warnings a read collects (unknown columns, ignored cells):
 * things a person should know that do not stop the read. */
#ifndef KPI_LIB_WARNINGS_H
#define KPI_LIB_WARNINGS_H

#include <stddef.h>
#include <stdint.h>

#include "kpi/csv.h"

typedef struct kpi__warning {
    char *message;
    int32_t line;
    int kind; /* kpi_warning */
} kpi__warning;

typedef struct kpi__warnings {
    kpi__warning *items;
    size_t count;
    size_t capacity;
    /* The read's positions are a workbook sheet's cells and rows
     * (io/xlsx_read.h), not a file's lines: "source: row 5: " and
     * "source: C14: " instead of "source:5: ". */
    int cells;
} kpi__warnings;

/* The position in front of a message, written into buf (size bytes):
 * "source:line: " in a file; with cells, "source: C14: " for the 1-based
 * column (A = 1) of row line, or "source: row 14: " when column is 0. */
void kpi__position_format(char *buf, size_t size, const char *source, int cells,
                          int32_t line, int32_t column);

/* The letters of a 1-based column, "A" .. "XFD" ("?" beyond 18278). */
void kpi__column_letters(char out[4], int32_t column);

/* Appends "source:line: message" (with cells, "source: row line: message") of a kind
 * (kpi_warning). Returns KPI_OK or KPI_ERR_NOMEM. */
int kpi__warnings_add(kpi__warnings *list, int kind, const char *source, int32_t line,
                      const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;
void kpi__warnings_clear(kpi__warnings *list);

#endif
