/* The single place where libkpi obtains and releases memory. */
#include "alloc.h"
#include "error.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void *kpi__malloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (!p)
        kpi__error_nomem();
    return p;
}

void *kpi__calloc(size_t count, size_t size)
{
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (!p)
        kpi__error_nomem();
    return p;
}

void *kpi__realloc(void *ptr, size_t size)
{
    void *p = realloc(ptr, size ? size : 1);
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
    free(ptr);
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
