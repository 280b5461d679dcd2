/* The latest given status of each target, kept in a table that doubles
 * when half full. */
#include "io/given_status.h"
#include "util/alloc.h"
#include "util/hash.h"

#include <stdint.h>

struct kpi__given_entry {
    const kpi_target *target; /* NULL: free */
    int32_t latest;
};

static size_t slot_of(const kpi__given_status *g, const kpi_target *t)
{
    return (size_t)(kpi__hash_pointer(t) >> 32) & (g->capacity - 1);
}

static struct kpi__given_entry *find(const kpi__given_status *g, const kpi_target *t)
{
    size_t i = slot_of(g, t);
    while (g->entries[i].target && g->entries[i].target != t)
        i = (i + 1) & (g->capacity - 1);
    return &g->entries[i];
}

static int grow(kpi__given_status *g)
{
    size_t capacity = g->capacity ? 2 * g->capacity : 256;
    struct kpi__given_entry *entries = kpi__calloc(capacity, sizeof *entries);
    if (!entries)
        return KPI_ERR_NOMEM;
    kpi__given_status bigger = {entries, capacity, g->count};
    for (size_t i = 0; i < g->capacity; i++)
        if (g->entries[i].target)
            *find(&bigger, g->entries[i].target) = g->entries[i];
    kpi__free(g->entries);
    *g = bigger;
    return KPI_OK;
}

/* One pass over the target's updates. */
static int32_t latest_given(const kpi_target *t)
{
    int32_t latest = 0;
    for (size_t i = 0; i < t->updates.count; i++) {
        const kpi_update *u = kpi__update_at(&t->updates, i);
        if (u->status != KPI_STATUS_NONE && !(u->inferred & KPI_FIELD_STATUS) &&
            u->date > latest)
            latest = u->date;
    }
    return latest;
}

int kpi__given_status_latest(kpi__given_status *g, const kpi_target *t, int32_t *latest)
{
    if (g->capacity) {
        const struct kpi__given_entry *e = find(g, t);
        if (e->target) {
            *latest = e->latest;
            return KPI_OK;
        }
    }
    if (2 * (g->count + 1) > g->capacity && grow(g) != KPI_OK)
        return KPI_ERR_NOMEM;
    struct kpi__given_entry *e = find(g, t);
    *e = (struct kpi__given_entry){t, latest_given(t)};
    g->count++;
    *latest = e->latest;
    return KPI_OK;
}

void kpi__given_status_free(kpi__given_status *g)
{
    kpi__free(g->entries);
    *g = (kpi__given_status){0};
}
