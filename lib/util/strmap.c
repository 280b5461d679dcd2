#include "util/strmap.h"
#include "util/alloc.h"
#include "kpi/error.h"

#include <stdint.h>
#include <string.h>

/* FNV-1a: short, good enough for codes, no seed to keep. */
static size_t hash_string(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    return (size_t)h;
}

static size_t find_slot(const kpi__strmap *map, const char *key, size_t hash)
{
    size_t mask = map->capacity - 1;
    size_t i = hash & mask;
    while (map->slots[i].key &&
           (map->slots[i].hash != hash || strcmp(map->slots[i].key, key) != 0))
        i = (i + 1) & mask;
    return i;
}

void *kpi__strmap_get(const kpi__strmap *map, const char *key)
{
    if (!map->capacity)
        return NULL;
    size_t i = find_slot(map, key, hash_string(key));
    return map->slots[i].key ? map->slots[i].value : NULL;
}

static void insert_slot(kpi__strmap *map, kpi__strmap_slot slot)
{
    size_t i = find_slot(map, slot.key, slot.hash);
    if (!map->slots[i].key)
        map->count++;
    map->slots[i] = slot;
}

/* Keeps the load factor at or below 1/2 so that probes stay short. */
int kpi__strmap_reserve(kpi__strmap *map, size_t extra)
{
    size_t needed = map->count + extra;
    if (needed * 2 <= map->capacity)
        return KPI_OK;
    size_t capacity = map->capacity ? map->capacity : 16;
    while (needed * 2 > capacity) {
        if (capacity > SIZE_MAX / 4)
            return KPI_ERR_NOMEM;
        capacity *= 2;
    }
    kpi__strmap_slot *slots = kpi__calloc(capacity, sizeof *slots);
    if (!slots)
        return KPI_ERR_NOMEM;
    kpi__strmap old = *map;
    map->slots = slots;
    map->capacity = capacity;
    map->count = 0;
    for (size_t i = 0; i < old.capacity; i++)
        if (old.slots[i].key)
            insert_slot(map, old.slots[i]);
    kpi__free(old.slots);
    return KPI_OK;
}

void kpi__strmap_put(kpi__strmap *map, const char *key, void *value)
{
    kpi__strmap_slot slot = {key, value, hash_string(key)};
    insert_slot(map, slot);
}

/* Backward-shift deletion: move later members of the probe run into the
 * hole so that lookups never stop early at it. */
void kpi__strmap_remove(kpi__strmap *map, const char *key)
{
    if (!map->capacity)
        return;
    size_t mask = map->capacity - 1;
    size_t hole = find_slot(map, key, hash_string(key));
    if (!map->slots[hole].key)
        return;
    map->slots[hole].key = NULL;
    map->count--;
    for (size_t i = (hole + 1) & mask; map->slots[i].key; i = (i + 1) & mask) {
        size_t home = map->slots[i].hash & mask;
        /* The entry may fill the hole unless its home lies cyclically in (hole, i]. */
        int home_after_hole =
            hole <= i ? (home > hole && home <= i) : (home > hole || home <= i);
        if (!home_after_hole) {
            map->slots[hole] = map->slots[i];
            map->slots[i].key = NULL;
            hole = i;
        }
    }
}

void kpi__strmap_free(kpi__strmap *map)
{
    kpi__free(map->slots);
    memset(map, 0, sizeof *map);
}
