/* Internal: splitting decoded text into rows with libcsv, each row with
 * the line it starts on. */
#ifndef KPI_LIB_CSV_READ_H
#define KPI_LIB_CSV_READ_H

#include <stddef.h>
#include <stdint.h>

typedef struct kpi__csv_row {
    char **fields; /* NUL-terminated copies, count of them */
    size_t count;
    int32_t line; /* 1-based line the row starts on */
    /* The buffers behind fields are kept from row to row, so that a file of
     * millions of cells is not a million allocations: buffer i holds
     * sizes[i] bytes, for the first `buffers` of capacity slots. */
    size_t *sizes;
    size_t buffers;
    size_t capacity;
} kpi__csv_row;

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
