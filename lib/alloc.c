/* The single place where libkpi obtains and releases memory, so that a
 * host can supply its own allocator and tests can make any allocation
 * fail. */
#include "alloc.h"
#include "error.h"
#include "kpi/common.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The process-wide allocator: libkpi's only global setting, written by
 * kpi_set_allocator() before any other use, as its documentation requires,
 * and only read afterwards. */
static struct {
    kpi_malloc_fn malloc_fn;
    kpi_realloc_fn realloc_fn;
    kpi_free_fn free_fn;
} allocator = {malloc, realloc, free};

int kpi_set_allocator(kpi_malloc_fn malloc_fn, kpi_realloc_fn realloc_fn,
                      kpi_free_fn free_fn)
{
    if (!malloc_fn && !realloc_fn && !free_fn) {
        allocator.malloc_fn = malloc;
        allocator.realloc_fn = realloc;
        allocator.free_fn = free;
        return KPI_OK;
    }
    if (!malloc_fn || !realloc_fn || !free_fn)
        return kpi__error(KPI_ERR_ARGUMENT,
                          "kpi_set_allocator: give all three functions, or three NULLs");
    allocator.malloc_fn = malloc_fn;
    allocator.realloc_fn = realloc_fn;
    allocator.free_fn = free_fn;
    return KPI_OK;
}

void *kpi__malloc(size_t size)
{
    void *p = allocator.malloc_fn(size ? size : 1);
    if (!p)
        kpi__error_nomem();
    return p;
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

void *kpi__realloc(void *ptr, size_t size)
{
    void *p = allocator.realloc_fn(ptr, size ? size : 1);
    if (!p)
        kpi__error_nomem();
    return p;
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
    if (ptr)
        allocator.free_fn(ptr);
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
