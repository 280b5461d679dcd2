/* Internal: the two growable containers of the model.
 *
 * kpi__ptrvec is a plain array of pointers (children of a plan or goal).
 * kpi__segvec stores fixed-size elements in segments that never move, so
 * that a kpi_measurement * handed to the caller stays valid while more
 * measurements are added: segment k holds first << k elements, first
 * being 4 for elements of up to 32 bytes and 1 for larger ones. The
 * segments come from an arena (the plan's: nothing of a plan is removed
 * before the plan is), so a plan of millions of figures is not hundreds
 * of thousands of allocations to make and to free. */
#ifndef KPI_LIB_VEC_H
#define KPI_LIB_VEC_H

#include "util/arena.h"

#include <stddef.h>
#include <stdint.h>

typedef struct kpi__ptrvec {
    void **items;
    size_t count;
    size_t capacity;
} kpi__ptrvec;

/* Makes room for one more item without adding it, so that a later push
 * cannot fail. Returns KPI_OK or KPI_ERR_NOMEM. */
int kpi__ptrvec_reserve(kpi__ptrvec *vec);
/* Appends after a successful reserve; never fails. */
void kpi__ptrvec_push_reserved(kpi__ptrvec *vec, void *item);
void kpi__ptrvec_free(kpi__ptrvec *vec);

/* 16 bytes: a target holds three (measurements, assessments, updates), and
 * a national plan a million targets. Its count is 32 bits: the model
 * stops every list at KPI_MAX_RECORDS first (model/model.h checks). */
typedef struct kpi__segvec {
    void **segments;
    uint32_t count;
    unsigned char segment_count;
} kpi__segvec;

/* The element at index (< count). */
void *kpi__segvec_at(const kpi__segvec *vec, size_t index, size_t elem_size);
/* A new zeroed element at the end, its segment taken from arena, or NULL
 * (last error KPI_ERR_NOMEM) with the vector unchanged. Every append to a
 * vector takes the same arena, and the elements live as long as it. */
void *kpi__segvec_append(kpi__segvec *vec, size_t elem_size, kpi__arena *arena);

#endif
