/* The evaluation's index of results by code (kpi_evaluation_find(), the
 * directives' goals in reports), made on the first request rather than by
 * kpi_evaluate(): a program that only walks the results, as most do, never
 * pays for it. */
#include "rules/evaluation.h"
#include "util/alloc.h"
#include "util/error.h"

/* A new index of every result, in result order: goals and targets come
 * after the plan, so they replace its id on a clash. */
static kpi__strmap *build(const kpi_evaluation *ev)
{
    kpi__strmap *index = kpi__calloc(1, sizeof *index);
    size_t all = ev->count + ev->directive_count;
    if (!index || kpi__strmap_reserve(index, all) != KPI_OK) {
        if (index)
            kpi__strmap_free(index);
        kpi__free(index);
        return NULL;
    }
    for (size_t i = 0; i < all; i++) {
        /* The slots are random: ask for the one of a later code first. */
        if (i + 8 < all)
            kpi__strmap_prefetch(index, ev->results[i + 8].code);
        kpi__strmap_put(index, ev->results[i].code, &ev->results[i]);
    }
    return index;
}

const kpi__strmap *kpi__evaluation_index(const kpi_evaluation *evaluation)
{
    /* The caller shares the evaluation as const: the index is the same
     * whoever builds it, so building it is no change anyone can see. */
    kpi_evaluation *ev = (kpi_evaluation *)evaluation;
    kpi__strmap *index = atomic_load(&ev->by_code);
    if (index)
        return index;
    kpi__strmap *fresh = build(ev);
    if (!fresh) {
        kpi__error_nomem();
        return NULL;
    }
    if (atomic_compare_exchange_strong(&ev->by_code, &index, fresh))
        return fresh;
    kpi__strmap_free(fresh); /* another thread was first: index is its */
    kpi__free(fresh);
    return index;
}
