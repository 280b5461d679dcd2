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

/* Parses the file at path with on_row(context, row), in chunks of 1 MiB,
 * as the whole-file path would parse its decoded text: a UTF-8 BOM is
 * skipped, and each chunk is checked as UTF-8 (a character may be cut
 * between chunks) before libcsv sees it. *found receives
 * KPI_ENCODING_UTF8. Returns KPI_OK, KPI__READ_WHOLE, or the error of the
 * parse or of a row (recorded). */
int kpi__read_stream(const char *path, kpi_encoding wanted, kpi_encoding *found,
                     kpi__csv_row_fn on_row, void *context);

#endif
