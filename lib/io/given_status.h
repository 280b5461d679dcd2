/* Internal: the latest date on which the progress file gives a target a
 * status of its own (not one read from a text), for each target whose
 * text rows may be filled. A text never fills a status over one the city
 * gave on the same date or later (io/progress_infer.c); looking that up
 * once a target, rather than once a row among all its updates, keeps a
 * target with thousands of text rows linear. */
#ifndef KPI_LIB_IO_GIVEN_STATUS_H
#define KPI_LIB_IO_GIVEN_STATUS_H

#include "model/model.h"

typedef struct kpi__given_status {
    struct kpi__given_entry *entries; /* open addressing on the target's address */
    size_t capacity;                  /* a power of two, or 0 */
    size_t count;
} kpi__given_status;

/* The latest date of a status the file gives target t (0: none), found by
 * one pass over t's updates the first time t is asked for. Statuses a text
 * filled are not counted, so the answer stays the same while texts fill
 * others. Returns KPI_OK, or KPI_ERR_NOMEM (recorded). */
int kpi__given_status_latest(kpi__given_status *given, const kpi_target *t,
                             int32_t *latest);

void kpi__given_status_free(kpi__given_status *given);

#endif
