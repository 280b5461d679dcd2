/* Internal: a plan's string arena. A national plan holds millions of
 * short strings (codes, labels, units, notes); one allocation each cost
 * more in malloc's headers and time than the strings themselves. An arena
 * hands out copies from large blocks and frees them all at once, and
 * interns the strings that repeat (units, labels), keeping one copy. */
#ifndef KPI_LIB_ARENA_H
#define KPI_LIB_ARENA_H

#include <stddef.h>
#include <stdint.h>

typedef struct kpi__arena_block kpi__arena_block;

typedef struct kpi__arena {
    kpi__arena_block *blocks; /* the newest first */
    char *next;               /* free space in the newest block */
    size_t left;
    /* The interned strings: open addressing on (hash, string), no removal. */
    struct kpi__arena_interned *interned;
    uint32_t interned_count;
    uint32_t interned_capacity; /* a power of two, or 0 */
} kpi__arena;

/* A copy of the n bytes at s, NUL-terminated, that lives until
 * kpi__arena_free(); NULL (KPI_ERR_NOMEM recorded) with the arena unchanged
 * for its callers (a failed copy takes nothing they can see). */
char *kpi__arena_strndup(kpi__arena *arena, const char *s, size_t n);

/* The arena's one copy of s, made on first request: a string that repeats
 * (the unit 件, a label of a national template) is stored once. NULL
 * (KPI_ERR_NOMEM recorded) when memory runs out. */
const char *kpi__arena_intern(kpi__arena *arena, const char *s, size_t n);

/* Zeroed, aligned memory for a small object that lives as long as the
 * arena; NULL (KPI_ERR_NOMEM recorded) when memory runs out. */
void *kpi__arena_calloc(kpi__arena *arena, size_t size);

/* How many blocks the arena holds; read by the tests, which check that
 * editing a plan does not grow it. */
size_t kpi__arena_block_count(const kpi__arena *arena);

/* Frees every block: every string and object handed out becomes invalid. */
void kpi__arena_free(kpi__arena *arena);

/* A shared arena: one that several owners keep alive (a plan and the
 * evaluations that point at its strings instead of copying them), freed
 * when the last lets go. kpi__arena_shared_new() gives it with one owner
 * (NULL, KPI_ERR_NOMEM recorded, when memory runs out);
 * kpi__arena_shared_keep() adds one and returns the arena;
 * kpi__arena_shared_drop() removes one (NULL does nothing). Owners may keep
 * and drop on any thread; only the strings' writer adds to the arena. */
kpi__arena *kpi__arena_shared_new(void);
kpi__arena *kpi__arena_shared_keep(kpi__arena *arena);
void kpi__arena_shared_drop(kpi__arena *arena);

#endif
