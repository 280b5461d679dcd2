/* Internal: the plan files parsed on a second thread while the reader's
 * thread builds the plan from the rows already parsed (a pipeline of two
 * stages, kpi_reader_set_threads() of 2 or more). */
#ifndef KPI_LIB_IO_READ_AHEAD_H
#define KPI_LIB_IO_READ_AHEAD_H

#include "io/csv_read.h"
#include "kpi/csv.h"

#include <stddef.h>

typedef struct kpi__read_ahead kpi__read_ahead;

/* Starts a thread that parses the files at paths[0..count) one after the
 * other, in chunks (io/read_stream.h), into rows kept until they are
 * replayed; wanted is the encoding asked for. *out is NULL when the thread
 * cannot be started (the caller then reads the files itself). Returns
 * KPI_OK, or KPI_ERR_NOMEM (recorded). */
int kpi__read_ahead_start(kpi__read_ahead **out, const char *const *paths, size_t count,
                          kpi_encoding wanted);

/* What the rows of a file are replayed to: on_row(context, row) takes
 * every row in order; prefetch(context, row), when not NULL, is shown each
 * row a few rows earlier, to ask for the memory on_row will need (its
 * result is ignored, and it must change nothing). */
typedef struct kpi__read_ahead_calls {
    kpi__csv_row_fn on_row;
    kpi__csv_row_fn prefetch;
    void *context;
} kpi__read_ahead_calls;

/* Replays every row of the next file to calls, waiting for the thread as
 * needed, and gives its encoding in *found. Returns KPI_OK, the first
 * error of on_row (recorded), KPI_ERR_NOMEM (recorded), or KPI__READ_WHOLE
 * when the thread could not parse the file in chunks or met any error
 * there, or a row is not UTF-8: the caller then starts over with the files
 * read whole, which words that error (io/reader.c). */
int kpi__read_ahead_replay(kpi__read_ahead *ahead, const kpi__read_ahead_calls *calls,
                           kpi_encoding *found);

/* Stops the thread (at once if it is still parsing) and frees everything;
 * NULL does nothing. */
void kpi__read_ahead_free(kpi__read_ahead *ahead);

/* For the tests: the bytes of rows one batch holds, and how many bytes of
 * parsed rows may wait before the thread waits in turn (0: the default). A
 * small limit makes the two stages take turns often. */
void kpi__read_ahead_set_sizes(size_t batch_bytes, size_t queued_bytes);

#endif
