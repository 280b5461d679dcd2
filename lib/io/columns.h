/* Internal: finding a file's columns by header name, in English or by
 * their Japanese aliases, whatever their order. */
#ifndef KPI_LIB_COLUMNS_H
#define KPI_LIB_COLUMNS_H

#include "io/csv_read.h"
#include "io/warnings.h"

#define KPI__MAX_COLUMN_IDS 32
#define KPI__MAX_ALIASES 4

/* One known column: its id (0..KPI__MAX_COLUMN_IDS-1), canonical name,
 * Japanese aliases, and whether a file must have it. */
typedef struct kpi__column_spec {
    int id;
    const char *name;
    const char *aliases[KPI__MAX_ALIASES];
    int required;
} kpi__column_spec;

typedef struct kpi__columns {
    const kpi__column_spec *specs;
    size_t spec_count;
    int field_of[KPI__MAX_COLUMN_IDS]; /* field index for each id, -1 when absent */
    size_t width;                      /* number of header fields */
    int cells; /* positions are a workbook's cells (the warnings' flag) */
} kpi__columns;

/* Reads the header row: known columns are mapped, unknown ones become
 * warnings, a missing required column or a column named twice is an
 * error naming source and line. */
int kpi__columns_read(kpi__columns *columns, const kpi__column_spec *specs,
                      size_t spec_count, const kpi__csv_row *header, const char *source,
                      kpi__warnings *warnings);

/* The cell of column id in row: "" when the file has no such column or the
 * row stops short of it. (Inline: a national plan's load asks it ten
 * million times.) */
static inline const char *kpi__columns_cell(const kpi__columns *columns,
                                            const kpi__csv_row *row, int id)
{
    int field = columns->field_of[id];
    if (field < 0 || (size_t)field >= row->count)
        return "";
    return row->fields[field];
}

/* The 1-based position of column id in the file (0 when absent). */
int32_t kpi__columns_position(const kpi__columns *columns, int id);

/* The canonical name of column id. */
const char *kpi__columns_name(const kpi__columns *columns, int id);

/* Checks that a data row is no wider than the header. */
int kpi__columns_check_width(const kpi__columns *columns, const kpi__csv_row *row,
                             const char *source);

#endif
