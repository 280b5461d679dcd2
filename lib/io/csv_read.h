/* Internal: splitting decoded text into rows with libcsv, each row with
 * the line it starts on. */
#ifndef KPI_LIB_CSV_READ_H
#define KPI_LIB_CSV_READ_H

#include <stddef.h>
#include <stdint.h>

typedef struct kpi__csv_row {
    char **fields; /* count NUL-terminated fields, pointing into bytes */
    size_t count;
    int32_t line; /* 1-based line the row starts on */
    /* The storage behind fields, kept from row to row so that a file of
     * millions of cells is not a million allocations: the fields' bytes one
     * after the other, each with its NUL (used of size bytes), and where
     * each starts (count of capacity slots, as fields). One block, so that
     * a row is copied whole in two moves (io/read_ahead.c). */
    char *bytes;
    size_t used, size;
    uint32_t *starts;
    size_t capacity;
} kpi__csv_row;

/* Appends a field of size bytes (data NULL: empty) to row, growing its
 * storage: KPI_OK or KPI_ERR_NOMEM (not recorded). The field pointers are
 * set by kpi__csv_row_point() once the row is whole, as its bytes may move
 * until then. Shared with the workbook reader (io/xlsx_sheet.c). */
int kpi__csv_row_add(kpi__csv_row *row, const char *data, size_t size);
void kpi__csv_row_point(kpi__csv_row *row);

/* Called for each row; returns KPI_OK to go on, or an error code (with the
 * last error recorded) to stop the parse. */
typedef int (*kpi__csv_row_fn)(void *context, const kpi__csv_row *row);

/* Parses text (size bytes, UTF-8) as RFC 4180 CSV and calls on_row for
 * every non-blank row. Malformed quoting is KPI_ERR_PARSE and a field
 * longer than KPI_MAX_FIELD is KPI_ERR_LIMIT, both naming source and line. */
int kpi__csv_parse(const char *text, size_t size, const char *source,
                   kpi__csv_row_fn on_row, void *context);

/* The same, for text that comes in chunks (cut anywhere, even inside a
 * row or a character): new, feed each chunk in order, end once after the
 * last, and free (also after an error). Each returns KPI_OK or the error,
 * as kpi__csv_parse() would for the whole text; after an error, only free. */
typedef struct kpi__csv_stream kpi__csv_stream;
int kpi__csv_stream_new(kpi__csv_stream **out, const char *source, kpi__csv_row_fn on_row,
                        void *context);
int kpi__csv_stream_feed(kpi__csv_stream *stream, const char *text, size_t size);
int kpi__csv_stream_end(kpi__csv_stream *stream);
void kpi__csv_stream_free(kpi__csv_stream *stream);

#endif
