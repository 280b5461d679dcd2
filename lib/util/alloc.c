/* The single place where libkpi obtains and releases memory, so that a
 * host can supply its own allocator and tests can make any allocation
 * fail.
 *
 * Every block carries a small header holding its size. That is what lets
 * libkpi tell a host's free function how large the block was (as an arena
 * or a counting allocator needs) without the host keeping a side table,
 * and it lets realloc work on top of a host that has only alloc and free. */
#include "util/alloc.h"
#include "util/error.h"
#include "kpi/common.h"

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* As large as the strictest alignment, so that the payload after it stays
 * aligned for any type, as malloc's result is. */
typedef union header {
    max_align_t align;
    size_t size; /* the payload's size, header excluded */
} header;

/* The process-wide allocator: NULL functions mean C's malloc and free.
 * Written only by kpi_set_allocator() while no block is live. */
static struct {
    kpi_alloc_fn alloc_fn;
    kpi_free_fn free_fn;
    void *context;
} allocator;

/* Blocks obtained and not yet released, so that kpi_set_allocator() can
 * refuse to switch allocators under memory the old one gave out. */
static atomic_size_t live_blocks;

int kpi_set_allocator(kpi_alloc_fn alloc_fn, kpi_free_fn free_fn, void *context)
{
    if (!alloc_fn != !free_fn)
        return kpi__error(KPI_ERR_ARGUMENT,
                          "kpi_set_allocator: give both functions, or two NULLs");
    size_t live = atomic_load(&live_blocks);
    if (live)
        return kpi__error(KPI_ERR_MISUSE,
                          "kpi_set_allocator: %zu blocks from the current allocator are "
                          "still in use; free every libkpi object and string first",
                          live);
    allocator.alloc_fn = alloc_fn;
    allocator.free_fn = free_fn;
    allocator.context = alloc_fn ? context : NULL;
    return KPI_OK;
}

/* The host's (or C's) functions, on whole blocks: header included. */
static void *raw_alloc(size_t bytes)
{
    return allocator.alloc_fn ? allocator.alloc_fn(allocator.context, bytes)
                              : malloc(bytes);
}

static void raw_free(void *block, size_t bytes)
{
    if (allocator.free_fn)
        allocator.free_fn(allocator.context, block, bytes);
    else
        free(block);
}

static header *header_of(void *ptr)
{
    return (header *)ptr - 1;
}

/* The whole block's size for a payload of size bytes; 0 when it would
 * overflow. */
static size_t block_size(size_t size)
{
    return size > SIZE_MAX - sizeof(header) ? 0 : size + sizeof(header);
}

void *kpi__malloc(size_t size)
{
    size_t bytes = block_size(size);
    header *h = bytes ? raw_alloc(bytes) : NULL;
    if (!h) {
        kpi__error_nomem();
        return NULL;
    }
    h->size = size;
    atomic_fetch_add_explicit(&live_blocks, 1, memory_order_relaxed);
    return h + 1;
}

void *kpi__calloc(size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size) {
        kpi__error_nomem();
        return NULL;
    }
    size_t bytes = count * size;
    void *p = kpi__malloc(bytes);
    if (p)
        memset(p, 0, bytes);
    return p;
}

/* A host without realloc: a new block, the payload copied, the old block
 * released. The old block stays untouched when the new one cannot be had. */
static void *move_block(header *old, size_t size)
{
    void *p = kpi__malloc(size);
    if (p) {
        memcpy(p, old + 1, old->size < size ? old->size : size);
        kpi__free(old + 1);
    }
    return p;
}

void *kpi__realloc(void *ptr, size_t size)
{
    if (!ptr)
        return kpi__malloc(size);
    header *old = header_of(ptr);
    if (allocator.alloc_fn)
        return move_block(old, size);
    size_t bytes = block_size(size);
    header *h = bytes ? realloc(old, bytes) : NULL;
    if (!h) {
        kpi__error_nomem();
        return NULL;
    }
    h->size = size;
    return h + 1;
}

void *kpi__reallocarray(void *ptr, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size) {
        kpi__error_nomem();
        return NULL;
    }
    return kpi__realloc(ptr, count * size);
}

void kpi__free(void *ptr)
{
    if (!ptr)
        return;
    header *h = header_of(ptr);
    atomic_fetch_sub_explicit(&live_blocks, 1, memory_order_relaxed);
    raw_free(h, h->size + sizeof(header));
}

char *kpi__strndup(const char *s, size_t n)
{
    if (!s)
        return NULL;
    char *copy = kpi__malloc(n + 1);
    if (copy) {
        memcpy(copy, s, n);
        copy[n] = '\0';
    }
    return copy;
}

char *kpi__strdup(const char *s)
{
    return s ? kpi__strndup(s, strlen(s)) : NULL;
}

void kpi_free(void *ptr)
{
    kpi__free(ptr);
}
