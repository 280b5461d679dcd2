/* Internal: reading a plan file piece by piece, so that a national plan's
 * files are never in memory whole. */
#ifndef KPI_LIB_IO_READ_STREAM_H
#define KPI_LIB_IO_READ_STREAM_H

#include "io/csv_read.h"
#include "kpi/csv.h"

/* What kpi__read_stream() returns for a file it leaves to the whole-file
 * path (io/decode.c): not a regular file, not UTF-8 throughout (CP932, a
 * bad byte or a NUL, whose errors and auto-detection need the whole file),
 * or larger than the limit. Nothing has been read into the plan when the
 * first chunk decides it; when a later one does, the caller starts over. */
#define KPI__READ_WHOLE 1000

/* How kpi__read_stream() checks the text is UTF-8: chunk by chunk before
 * libcsv sees it, or not at all, the caller checking each row's bytes
 * instead (every byte that is not ASCII ends up in a field, so the rows
 * are valid exactly when the file is; io/read_ahead.c). */
typedef enum kpi__stream_check { KPI__CHECK_CHUNKS, KPI__CHECK_ROWS } kpi__stream_check;

/* Parses the file at path with on_row(context, row), in chunks of 1 MiB,
 * as the whole-file path would parse its decoded text: a UTF-8 BOM is
 * skipped, and a chunk with a NUL goes to the whole-file path, as does one
 * that is not UTF-8 when check is KPI__CHECK_CHUNKS (a character may be cut
 * between chunks). *found receives KPI_ENCODING_UTF8. Returns KPI_OK,
 * KPI__READ_WHOLE, or the error of the parse or of a row (recorded). */
int kpi__read_stream(const char *path, kpi_encoding wanted, kpi__stream_check check,
                     kpi_encoding *found, kpi__csv_row_fn on_row, void *context);

#endif
