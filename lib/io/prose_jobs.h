/* Internal: reading many progress texts with kpi_prose_read(), on several
 * threads when the reader is given them (kpi_reader_set_threads()). */
#ifndef KPI_LIB_IO_PROSE_JOBS_H
#define KPI_LIB_IO_PROSE_JOBS_H

#include "kpi.h"

/* One text to read: its reading (or NULL) and kpi_prose_read()'s result
 * come back in prose and rc. */
struct kpi__prose_job {
    const char *text;
    int32_t fiscal_year;
    kpi_prose *prose;
    int rc;
};

/* Reads every job's text, on up to threads threads (the caller's among
 * them; 0 or 1: only the caller's). The readings depend on nothing but
 * their job, so they are the same whatever the number of threads; a thread
 * that cannot be started leaves its share to the others. */
void kpi__prose_jobs_run(struct kpi__prose_job *jobs, size_t count, int32_t threads);

#endif
