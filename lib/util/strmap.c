#include "util/strmap.h"
#include "util/alloc.h"
#include "util/hash.h"
#include "kpi/error.h"

#include <stdint.h>
#include <string.h>

/* The slot of key: the one holding it, or the empty one ending its run. */
static size_t find_slot(const kpi__strmap *map, const char *key, uint32_t hash)
{
    size_t mask = map->capacity - 1;
    size_t i = hash & mask;
    for (;; i = (i + 1) & mask) {
        const kpi__strmap_slot *slot = &map->slots[i];
        if (!slot->position || (slot->hash == hash &&
                                strcmp(map->entries[slot->position - 1].key, key) == 0))
            return i;
    }
}

void *kpi__strmap_get(const kpi__strmap *map, const char *key)
{
    if (!map->capacity)
        return NULL;
    const kpi__strmap_slot *slot =
        &map->slots[find_slot(map, key, kpi__hash_string(key))];
    return slot->position ? map->entries[slot->position - 1].value : NULL;
}

void kpi__strmap_prefetch(const kpi__strmap *map, const char *key)
{
#if defined(__GNUC__) || defined(__clang__)
    if (map->capacity)
        __builtin_prefetch(&map->slots[kpi__hash_string(key) & (map->capacity - 1)]);
#else
    (void)map;
    (void)key;
#endif
}

/* The empty slot where an entry of hash goes in slots (capacity slots). */
static size_t free_slot(const kpi__strmap_slot *slots, size_t capacity, uint32_t hash)
{
    size_t i = hash & (capacity - 1);
    while (slots[i].position)
        i = (i + 1) & (capacity - 1);
    return i;
}

static int reserve_entries(kpi__strmap *map, size_t needed)
{
    if (needed <= map->entry_capacity)
        return KPI_OK;
    size_t capacity = map->entry_capacity ? map->entry_capacity : 8;
    while (capacity < needed)
        capacity *= 2;
    kpi__strmap_entry *entries =
        kpi__reallocarray(map->entries, capacity, sizeof *entries);
    if (!entries)
        return KPI_ERR_NOMEM;
    map->entries = entries;
    map->entry_capacity = capacity;
    return KPI_OK;
}

/* Keeps the table at most half full so that probes stay short, and
 * positions within 32 bits. */
int kpi__strmap_reserve(kpi__strmap *map, size_t extra)
{
    size_t needed = map->count + extra;
    if (needed >= UINT32_MAX || reserve_entries(map, needed) != KPI_OK)
        return KPI_ERR_NOMEM;
    if (needed * 2 <= map->capacity)
        return KPI_OK;
    size_t capacity = map->capacity ? map->capacity : 16;
    while (needed * 2 > capacity)
        capacity *= 2;
    kpi__strmap_slot *slots = kpi__calloc(capacity, sizeof *slots);
    if (!slots)
        return KPI_ERR_NOMEM;
    for (size_t i = 0; i < map->capacity; i++)
        if (map->slots[i].position)
            slots[free_slot(slots, capacity, map->slots[i].hash)] = map->slots[i];
    kpi__free(map->slots);
    map->slots = slots;
    map->capacity = capacity;
    return KPI_OK;
}

void kpi__strmap_put(kpi__strmap *map, const char *key, void *value)
{
    uint32_t hash = kpi__hash_string(key);
    kpi__strmap_slot *slot = &map->slots[find_slot(map, key, hash)];
    if (!slot->position) {
        *slot = (kpi__strmap_slot){hash, (uint32_t)map->count + 1};
        map->count++;
    }
    map->entries[slot->position - 1] = (kpi__strmap_entry){key, value};
}

/* Moves the last entry into position (1-based), which is being freed,
 * pointing its slot there. */
static void fill_position(kpi__strmap *map, uint32_t position)
{
    uint32_t last = (uint32_t)map->count;
    if (position == last)
        return;
    const kpi__strmap_entry *moved = &map->entries[last - 1];
    size_t mask = map->capacity - 1;
    size_t i = kpi__hash_string(moved->key) & mask;
    while (map->slots[i].position != last)
        i = (i + 1) & mask;
    map->slots[i].position = position;
    map->entries[position - 1] = *moved;
}

/* Backward-shift deletion: move later members of the probe run into the
 * hole so that lookups never stop early at it. */
void kpi__strmap_remove(kpi__strmap *map, const char *key)
{
    if (!map->capacity)
        return;
    size_t mask = map->capacity - 1;
    size_t hole = find_slot(map, key, kpi__hash_string(key));
    if (!map->slots[hole].position)
        return;
    fill_position(map, map->slots[hole].position);
    map->slots[hole].position = 0;
    map->count--;
    for (size_t i = (hole + 1) & mask; map->slots[i].position; i = (i + 1) & mask) {
        size_t home = map->slots[i].hash & mask;
        /* The entry may fill the hole unless its home lies cyclically in (hole, i]. */
        int home_after_hole =
            hole <= i ? (home > hole && home <= i) : (home > hole || home <= i);
        if (!home_after_hole) {
            map->slots[hole] = map->slots[i];
            map->slots[i].position = 0;
            hole = i;
        }
    }
}

void kpi__strmap_free(kpi__strmap *map)
{
    kpi__free(map->slots);
    kpi__free(map->entries);
    memset(map, 0, sizeof *map);
}
