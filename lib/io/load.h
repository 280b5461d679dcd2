/* Internal: the state shared by the structure and progress loaders, and
 * the helpers that put a file position on every error. */
#ifndef KPI_LIB_LOAD_H
#define KPI_LIB_LOAD_H

#include "io/columns.h"
#include "model/model.h"

typedef struct kpi__load {
    kpi_plan *plan; /* being built (structure) or filled (progress) */
    const char *source;
    const char *path; /* the file read, NULL for bytes: where a scale is found */
    kpi__warnings *warnings;
    kpi__columns columns;
    int have_header;
    int infer; /* fill empty target columns from the text (kpi_reader_set_infer) */
    /* The progress file lists a target's rows together: the last code
     * looked up is remembered to skip the hash lookup for the next row. */
    char last_code[KPI_MAX_CODE + 2];
    kpi_target *last_target;
    kpi_goal *last_goal;
    kpi_directive *last_directive;
    /* The progress rows with a text, for reading what they left empty
     * (io/progress_infer.h) once the whole file is in. */
    struct kpi__prose_row *prose_rows;
    size_t prose_count, prose_capacity;
} kpi__load;

/* The row handlers given to kpi__csv_parse(); context is a kpi__load. */
int kpi__structure_row(void *context, const kpi__csv_row *row);
int kpi__progress_row(void *context, const kpi__csv_row *row);
/* Asks for the memory kpi__progress_row() will read for row (its code's
 * slot in the index), changing nothing: shown each row a few rows ahead
 * when the file is parsed on a second thread (io/read_ahead.h). */
int kpi__progress_prefetch(void *context, const kpi__csv_row *row);

/* Reads the header row into load->columns on the first call and returns 1;
 * returns 0 for data rows. *rc receives any error. */
int kpi__load_header(kpi__load *load, const kpi__csv_row *row,
                     const kpi__column_spec *specs, size_t spec_count, int *rc);

/* A cell with surrounding ASCII and full-width blanks removed: the cell
 * itself when it has none and is shorter than size, else a copy in buf
 * (size bytes, truncated if longer). */
const char *kpi__load_trimmed(const kpi__load *load, const kpi__csv_row *row, int column,
                              char *buf, size_t size);

/* Records an error at the row's line in column (0: no particular column):
 * "source:line: column \"name\": message". */
int kpi__load_error(const kpi__load *load, const kpi__csv_row *row, int column, int code,
                    const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

/* Re-records the last error (of a parser or a setter that just failed with
 * rc) with the row's position in front of its message. Returns rc. */
int kpi__load_wrap(const kpi__load *load, const kpi__csv_row *row, int column, int rc);

/* Reads an optional number / date cell: empty leaves *out as it is. The
 * date is the first or last day of what the text names (see
 * kpi_date_parse_range()). Errors carry the position. */
int kpi__load_number(const kpi__load *load, const kpi__csv_row *row, int column,
                     double *out);
int kpi__load_date(const kpi__load *load, const kpi__csv_row *row, int column, int last,
                   int32_t *out);

/* One accepted spelling of an enumeration value. */
typedef struct kpi__spelling {
    const char *word;
    int value;
} kpi__spelling;

/* Reads an optional enumeration cell (ASCII case ignored): empty leaves
 * *out as it is; anything not in words is an error listing expected. */
int kpi__load_word(const kpi__load *load, const kpi__csv_row *row, int column,
                   const kpi__spelling *words, size_t word_count, const char *expected,
                   int *out);

#endif
