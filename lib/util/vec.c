#include "util/vec.h"
#include "util/alloc.h"
#include "kpi/error.h"

#include <string.h>

/* The first segment's size: 4 small elements (a target's figures come by
 * the dozen), but 1 large one (most targets and goals have one update or
 * none; 4 would be 300 bytes a target, a fifth of a national plan). */
static size_t first_segment(size_t elem_size)
{
    return elem_size > 32 ? 1 : 4;
}

int kpi__ptrvec_reserve(kpi__ptrvec *vec)
{
    if (vec->count < vec->capacity)
        return KPI_OK;
    size_t capacity = vec->capacity ? vec->capacity * 2 : 4;
    void **items = kpi__reallocarray(vec->items, capacity, sizeof *items);
    if (!items)
        return KPI_ERR_NOMEM;
    vec->items = items;
    vec->capacity = capacity;
    return KPI_OK;
}

void kpi__ptrvec_push_reserved(kpi__ptrvec *vec, void *item)
{
    vec->items[vec->count++] = item;
}

void kpi__ptrvec_free(kpi__ptrvec *vec)
{
    kpi__free(vec->items);
    memset(vec, 0, sizeof *vec);
}

/* Segment k starts at index first * (2^k - 1). */
static size_t segment_of(size_t index, size_t elem_size, size_t *offset)
{
    size_t k = 0;
    size_t start = 0;
    size_t size = first_segment(elem_size);
    while (index >= start + size) {
        start += size;
        size *= 2;
        k++;
    }
    *offset = index - start;
    return k;
}

void *kpi__segvec_at(const kpi__segvec *vec, size_t index, size_t elem_size)
{
    size_t offset;
    size_t k = segment_of(index, elem_size, &offset);
    return (char *)vec->segments[k] + offset * elem_size;
}

static int add_segment(kpi__segvec *vec, size_t elem_size)
{
    size_t k = vec->segment_count;
    if (k >= 40)
        return KPI_ERR_NOMEM; /* 1 << 40 elements: unreachable in practice */
    void **segments = kpi__reallocarray(vec->segments, k + 1, sizeof *segments);
    if (!segments)
        return KPI_ERR_NOMEM;
    vec->segments = segments;
    void *segment = kpi__calloc(first_segment(elem_size) << k, elem_size);
    if (!segment)
        return KPI_ERR_NOMEM;
    segments[k] = segment;
    vec->segment_count++;
    return KPI_OK;
}

void *kpi__segvec_append(kpi__segvec *vec, size_t elem_size)
{
    size_t offset;
    size_t k = segment_of(vec->count, elem_size, &offset);
    if (k >= vec->segment_count && add_segment(vec, elem_size) != KPI_OK)
        return NULL;
    void *elem = (char *)vec->segments[k] + offset * elem_size;
    memset(elem, 0, elem_size);
    vec->count++;
    return elem;
}

void kpi__segvec_free(kpi__segvec *vec)
{
    for (size_t k = 0; k < vec->segment_count; k++)
        kpi__free(vec->segments[k]);
    kpi__free(vec->segments);
    memset(vec, 0, sizeof *vec);
}
