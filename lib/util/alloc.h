/* Internal: every allocation of libkpi goes through these functions, so
 * that one place decides how memory is obtained (and, in tests, can make
 * the N-th allocation fail). They record KPI_ERR_NOMEM as the last error
 * when they fail. */
#ifndef KPI_LIB_ALLOC_H
#define KPI_LIB_ALLOC_H

#include <stddef.h>

void *kpi__malloc(size_t size);
void *kpi__calloc(size_t count, size_t size);
void *kpi__realloc(void *ptr, size_t size);
/* Like realloc for an array of count elements of size bytes, refusing
 * sizes that overflow. */
void *kpi__reallocarray(void *ptr, size_t count, size_t size);
void kpi__free(void *ptr);
/* A copy of s, or NULL when s is NULL or memory ran out (check with the
 * caller's knowledge of s). */
char *kpi__strdup(const char *s);
char *kpi__strndup(const char *s, size_t n);

#endif
