/* Internal: the hash functions of libkpi's tables, one of each kind, so
 * that the code index, the arena's interned strings, the prose reader's
 * caches and the per-target lookups hash alike. Inline: the code index
 * hashes every row of a national progress file. */
#ifndef KPI_LIB_HASH_H
#define KPI_LIB_HASH_H

#include <stddef.h>
#include <stdint.h>

/* FNV-1a over n bytes: short, good enough for codes and texts, no seed to
 * keep. */
static inline uint32_t kpi__hash_bytes(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

/* FNV-1a over a NUL-terminated string. */
static inline uint32_t kpi__hash_string(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

/* An address spread over 64 bits (Fibonacci hashing): take the high bits. */
static inline uint64_t kpi__hash_pointer(const void *p)
{
    return (uint64_t)(uintptr_t)p * 0x9E3779B97F4A7C15u;
}

#endif
