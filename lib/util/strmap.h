/* Internal: a hash map from borrowed string keys to pointers, for O(1)
 * lookup of goals, targets and results by code. Compact, for plans of
 * millions: the keys and values sit in a dense array, and the table holds
 * for each only a 32-bit hash and a 32-bit position in it (8 bytes a slot,
 * at most half full), so that a lookup compares hashes in the table and
 * reads one key. Open addressing with linear probing and backward-shift
 * deletion (no tombstones). Keys are not copied: each key must stay valid
 * while it is in the map (it is the object's own code string). */
#ifndef KPI_LIB_STRMAP_H
#define KPI_LIB_STRMAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct kpi__strmap_slot {
    uint32_t hash;
    uint32_t position; /* in entries, + 1; 0: an empty slot */
} kpi__strmap_slot;

typedef struct kpi__strmap_entry {
    const char *key;
    void *value;
} kpi__strmap_entry;

typedef struct kpi__strmap {
    kpi__strmap_slot *slots;
    size_t capacity; /* slots: a power of two, or 0 */
    size_t count;
    kpi__strmap_entry *entries; /* count of them, room for entry_capacity */
    size_t entry_capacity;
} kpi__strmap;

/* The value for key, or NULL. */
void *kpi__strmap_get(const kpi__strmap *map, const char *key);
/* Asks the processor to bring key's first slot into its cache, so that a
 * kpi__strmap_get() of it a little later finds it there. */
void kpi__strmap_prefetch(const kpi__strmap *map, const char *key);
/* Makes sure extra more keys fit without growing, so that a later
 * kpi__strmap_put cannot fail. Returns KPI_OK or KPI_ERR_NOMEM. */
int kpi__strmap_reserve(kpi__strmap *map, size_t extra);
/* Inserts or replaces key after a successful reserve; never fails. */
void kpi__strmap_put(kpi__strmap *map, const char *key, void *value);
/* Removes key if present. */
void kpi__strmap_remove(kpi__strmap *map, const char *key);
void kpi__strmap_free(kpi__strmap *map);

#endif
