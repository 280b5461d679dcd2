/* The string arena: blocks that grow with the plan (so a seed plan takes
 * a few KiB and a national one a few hundred blocks), strings copied one
 * after another, and a small hash set of the interned ones. */
#include "util/arena.h"
#include "util/alloc.h"
#include "util/hash.h"
#include "util/error.h"
#include "util/pages.h"
#include "kpi/error.h"

#include <stdalign.h>
#include <stdatomic.h>
#include <stddef.h>
#include <string.h>

struct kpi__arena_block {
    kpi__arena_block *next;
    alignas(max_align_t) char data[];
};

struct kpi__arena_interned {
    const char *string; /* NULL: an empty slot */
    uint32_t hash;
    uint32_t length;
};

#define FIRST_BLOCK 4096
#define LARGEST_BLOCK (8 * 1024 * 1024)

/* Blocks double up to 8 MiB (a national plan's targets and figures fill
 * hundreds of MiB; large blocks take huge pages, below); a string larger
 * than a quarter of a block has a block of its own, so that it wastes no
 * partly used block. */
static size_t block_size(const kpi__arena *arena, size_t need)
{
    size_t size = FIRST_BLOCK;
    for (const kpi__arena_block *b = arena->blocks; b && size < LARGEST_BLOCK;
         b = b->next)
        size *= 2;
    return need > size / 4 ? need : size;
}

/* A new block for need bytes: the current one from now on, or, for a
 * string with a block of its own, one behind the current (which stays in
 * use). NULL when memory runs out. */
static kpi__arena_block *add_block(kpi__arena *arena, size_t need)
{
    size_t size = block_size(arena, need);
    kpi__arena_block *block =
        size <= SIZE_MAX - sizeof *block ? kpi__malloc(sizeof *block + size) : NULL;
    if (!block)
        return NULL;
    /* Filled front to back, as a plan is read: one page fault per 2 MiB
     * rather than per 4 KiB, where the system allows. */
    if (size >= LARGEST_BLOCK / 2)
        kpi__pages_advise_huge(block->data, size);
    if (size == need && arena->blocks) {
        block->next = arena->blocks->next;
        arena->blocks->next = block;
        return block;
    }
    block->next = arena->blocks;
    arena->blocks = block;
    arena->next = block->data;
    arena->left = size;
    return block;
}

/* need bytes at the given alignment (a power of two; a block's start has
 * every alignment). */
static void *take(kpi__arena *arena, size_t need, size_t align)
{
    size_t pad = (size_t)(-(uintptr_t)arena->next) & (align - 1);
    if (!arena->next || need > arena->left || pad > arena->left - need) {
        kpi__arena_block *block = add_block(arena, need);
        if (!block)
            return NULL;
        if (block != arena->blocks)
            return block->data;
        pad = 0;
    }
    char *p = arena->next + pad;
    arena->next = p + need;
    arena->left -= pad + need;
    return p;
}

char *kpi__arena_strndup(kpi__arena *arena, const char *s, size_t n)
{
    char *copy = take(arena, n + 1, 1);
    if (!copy)
        return NULL;
    memcpy(copy, s, n);
    copy[n] = '\0';
    return copy;
}

void *kpi__arena_calloc(kpi__arena *arena, size_t size)
{
    void *p = take(arena, size, alignof(max_align_t));
    if (p)
        memset(p, 0, size);
    return p;
}

static struct kpi__arena_interned *slot_of(struct kpi__arena_interned *slots,
                                           uint32_t capacity, const char *s, size_t n,
                                           uint32_t hash)
{
    uint32_t mask = capacity - 1;
    for (uint32_t i = hash & mask;; i = (i + 1) & mask) {
        struct kpi__arena_interned *slot = &slots[i];
        if (!slot->string ||
            (slot->hash == hash && slot->length == n && memcmp(slot->string, s, n) == 0))
            return slot;
    }
}

/* Keeps the set at most half full. */
static int grow_interned(kpi__arena *arena)
{
    if ((arena->interned_count + 1) * 2 <= arena->interned_capacity)
        return KPI_OK;
    uint32_t capacity = arena->interned_capacity ? arena->interned_capacity * 2 : 64;
    if (capacity == 0)
        return kpi__error_nomem();
    struct kpi__arena_interned *slots = kpi__calloc(capacity, sizeof *slots);
    if (!slots)
        return KPI_ERR_NOMEM;
    for (uint32_t i = 0; i < arena->interned_capacity; i++) {
        const struct kpi__arena_interned *old = &arena->interned[i];
        if (old->string)
            *slot_of(slots, capacity, old->string, old->length, old->hash) = *old;
    }
    kpi__free(arena->interned);
    arena->interned = slots;
    arena->interned_capacity = capacity;
    return KPI_OK;
}

const char *kpi__arena_intern(kpi__arena *arena, const char *s, size_t n)
{
    uint32_t hash = kpi__hash_bytes(s, n);
    if (arena->interned_capacity) {
        struct kpi__arena_interned *slot =
            slot_of(arena->interned, arena->interned_capacity, s, n, hash);
        if (slot->string)
            return slot->string;
    }
    if (n > UINT32_MAX) /* beyond any field: kept, not interned */
        return kpi__arena_strndup(arena, s, n);
    if (grow_interned(arena) != KPI_OK)
        return NULL;
    char *copy = kpi__arena_strndup(arena, s, n);
    if (!copy)
        return NULL;
    *slot_of(arena->interned, arena->interned_capacity, s, n, hash) =
        (struct kpi__arena_interned){copy, hash, (uint32_t)n};
    arena->interned_count++;
    return copy;
}

size_t kpi__arena_block_count(const kpi__arena *arena)
{
    size_t n = 0;
    for (const kpi__arena_block *b = arena->blocks; b; b = b->next)
        n++;
    return n;
}

void kpi__arena_free(kpi__arena *arena)
{
    kpi__arena_block *b = arena->blocks;
    while (b) {
        kpi__arena_block *next = b->next;
        kpi__free(b);
        b = next;
    }
    kpi__free(arena->interned);
    memset(arena, 0, sizeof *arena);
}

/* The arena first, so that the arena's address is the whole's. */
typedef struct shared_arena {
    kpi__arena arena;
    atomic_size_t owners;
} shared_arena;

kpi__arena *kpi__arena_shared_new(void)
{
    shared_arena *shared = kpi__calloc(1, sizeof *shared);
    if (!shared)
        return NULL;
    atomic_init(&shared->owners, 1);
    return &shared->arena;
}

kpi__arena *kpi__arena_shared_keep(kpi__arena *arena)
{
    atomic_fetch_add_explicit(&((shared_arena *)arena)->owners, 1, memory_order_relaxed);
    return arena;
}

void kpi__arena_shared_drop(kpi__arena *arena)
{
    if (!arena)
        return;
    shared_arena *shared = (shared_arena *)arena;
    /* Release, then acquire by the last owner: what the others wrote into
     * the arena happens before it is freed. */
    if (atomic_fetch_sub_explicit(&shared->owners, 1, memory_order_acq_rel) != 1)
        return;
    kpi__arena_free(&shared->arena);
    kpi__free(shared);
}
