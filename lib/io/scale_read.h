/* Internal: the state of reading a scale file, shared by the reader
 * (io/scale_read.c), the condition parser (io/scale_when.c), the checks
 * made once every row is read (io/scale_check.c) and the built-in scales
 * (io/scale_builtin.c). */
#ifndef KPI_LIB_IO_SCALE_READ_H
#define KPI_LIB_IO_SCALE_READ_H

#include "io/columns.h"
#include "io/csv_read.h"
#include "io/warnings.h"
#include "model/scale.h"

enum scale_column {
    C_TYPE,
    C_ID,
    C_LABEL_JA,
    C_LABEL_EN,
    C_BASIS,
    C_ROLLUP,
    C_AHEAD,
    C_ON_TRACK,
    C_SYMBOL,
    C_NAME,
    C_CLASS,
    C_WHEN,
    C_SCORE,
    C_GOAL_MIN,
    C_QUANTIFIER,
    C_LEVELS,
    C_RESULT,
    C_STATUS,
    C_REASON,
    C_NOTE,
    C_COLUMN_COUNT
};

/* The columns and their Japanese aliases, indexed by scale_column. */
extern const kpi__column_spec kpi__scale_columns[C_COLUMN_COUNT];

/* A rule or status row as written: its first cell (the quantifier or the
 * status), the levels it names and its result, resolved by symbol once
 * every level is read. */
typedef struct kpi__scale_pending {
    const char *first;
    const char *levels;
    const char *result;
    int32_t line;
} kpi__scale_pending;

typedef struct kpi__scale_read {
    const char *source;
    kpi_scale *scale;
    kpi__columns columns;
    kpi__warnings warnings;
    int have_header;
    int32_t scale_line; /* of the scale row, 0 before it */
    kpi__scale_pending rules[KPI_SCALE_MAX_RULES];
    size_t rule_count;
    kpi__scale_pending statuses[KPI__SCALE_STATUSES * 2];
    size_t status_count;
} kpi__scale_read;

/* A scale from the bytes of a scale file named source (UTF-8 or CP932). */
int kpi__scale_read_bytes(kpi_scale **out, const char *bytes, size_t size,
                          const char *source);
/* The scale a plan file names: a built-in id, else a scale file at name,
 * relative to the directory of base (the plan file's path; NULL: the
 * current directory). */
int kpi__scale_open(kpi_scale **out, const char *name, const char *base);
/* The cell of a column in row ("" when absent), and the column's 1-based
 * position in the file (0 when absent). */
const char *kpi__scale_cell(const kpi__scale_read *r, const kpi__csv_row *row,
                            int column);
int32_t kpi__scale_column(const kpi__scale_read *r, int column);
/* Records KPI_ERR_VALUE as "file:line: column "name": message" (column -1:
 * none) and returns it. */
int kpi__scale_fail(const kpi__scale_read *r, int32_t line, int column, const char *fmt,
                    ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
/* Reads level->when into level->terms (io/scale_when.c). */
int kpi__scale_when(const kpi__scale_read *r, int32_t line, kpi__level *level);
/* The checks of a whole scale, and the rules and statuses resolved
 * (io/scale_check.c): errors and warnings with file:line. */
int kpi__scale_check(kpi__scale_read *r);

#endif
