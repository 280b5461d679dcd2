#include "util/vec.h"
#include "util/alloc.h"
#include "kpi/error.h"

#include <stdint.h>
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

/* The index of the highest bit set in n (> 0). */
static unsigned top_bit(size_t n)
{
#if defined(__GNUC__) || defined(__clang__)
    return (unsigned)(sizeof(unsigned long long) * 8 - 1) -
           (unsigned)__builtin_clzll((unsigned long long)n);
#else
    unsigned k = 0;
    while (n >>= 1)
        k++;
    return k;
#endif
}

/* Segment k starts at index first * (2^k - 1): index i is in segment
 * floor(log2(i / first + 1)). (first is a power of two.) */
static size_t segment_of(size_t index, size_t elem_size, size_t *offset)
{
    size_t first = first_segment(elem_size);
    size_t k = top_bit(index / first + 1);
    *offset = index - first * (((size_t)1 << k) - 1);
    return k;
}

void *kpi__segvec_at(const kpi__segvec *vec, size_t index, size_t elem_size)
{
    size_t offset;
    size_t k = segment_of(index, elem_size, &offset);
    return (char *)vec->segments[k] + offset * elem_size;
}

static int add_segment(kpi__segvec *vec, size_t elem_size, kpi__arena *arena)
{
    size_t k = vec->segment_count;
    if (k >= 40)
        return KPI_ERR_NOMEM; /* 1 << 40 elements: unreachable in practice */
    /* The list of segments doubles when it is full (its size is the
     * power of two at or above the count, at least 2): k is the count. */
    if (k == 0 || (k >= 2 && (k & (k - 1)) == 0)) {
        /* (The list it replaces stays in the arena: at most as large as
         * the new one, in all.) */
        size_t capacity = k == 0 ? 2 : 2 * k;
        void **segments = kpi__arena_calloc(arena, capacity * sizeof *segments);
        if (!segments)
            return KPI_ERR_NOMEM;
        if (k)
            memcpy(segments, vec->segments, k * sizeof *segments);
        vec->segments = segments;
    }
    size_t count = first_segment(elem_size) << k;
    void *segment = count <= SIZE_MAX / elem_size
                        ? kpi__arena_calloc(arena, count * elem_size)
                        : NULL;
    if (!segment)
        return KPI_ERR_NOMEM;
    vec->segments[k] = segment;
    vec->segment_count++;
    return KPI_OK;
}

void *kpi__segvec_append(kpi__segvec *vec, size_t elem_size, kpi__arena *arena)
{
    size_t offset;
    size_t k = segment_of(vec->count, elem_size, &offset);
    if (k >= vec->segment_count && add_segment(vec, elem_size, arena) != KPI_OK)
        return NULL;
    void *elem = (char *)vec->segments[k] + offset * elem_size;
    memset(elem, 0, elem_size);
    vec->count++;
    return elem;
}
