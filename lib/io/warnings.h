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
} kpi__warnings;

/* Appends "source:line: message" of a kind (kpi_warning). Returns KPI_OK
 * or KPI_ERR_NOMEM. */
int kpi__warnings_add(kpi__warnings *list, int kind, const char *source, int32_t line,
                      const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;
void kpi__warnings_clear(kpi__warnings *list);

#endif
