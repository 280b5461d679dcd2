/* kpi_evaluate(): cuts the plan into units (eval_units.c), does them on
 * the policy's threads (eval_threads.c, eval_walk.c) and rolls up the
 * goals that were cut up. The index by code is made on the first request
 * (eval_index.c). */
#include "rules/eval_work.h"
#include "util/pages.h"
#include "model/model.h"
#include "util/alloc.h"
#include "util/date.h"
#include "util/error.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

static char *copy(kpi__arena *arena, const char *s)
{
    return kpi__arena_strndup(arena, s, strlen(s));
}

/* What a report needs of the plan besides its results. */
static int copy_plan_texts(kpi_evaluation *ev, const kpi_plan *plan)
{
    kpi__arena *arena = &ev->arenas[0];
    ev->organization = copy(arena, kpi__string_or_empty(plan->organization));
    ev->department = copy(arena, kpi__string_or_empty(plan->department));
    if (!ev->organization || !ev->department)
        return KPI_ERR_NOMEM;
    if (!plan->notes.count)
        return KPI_OK;
    ev->notes = kpi__arena_calloc(arena, plan->notes.count * sizeof *ev->notes);
    ev->note_codes = kpi__arena_calloc(arena, plan->notes.count * sizeof *ev->note_codes);
    if (!ev->notes || !ev->note_codes)
        return KPI_ERR_NOMEM;
    for (; ev->note_count < plan->notes.count; ev->note_count++) {
        const kpi__note *note = &plan->notes.items[ev->note_count];
        ev->notes[ev->note_count] = copy(arena, note->text);
        ev->note_codes[ev->note_count] = copy(arena, kpi__string_or_empty(note->code));
        if (!ev->notes[ev->note_count] || !ev->note_codes[ev->note_count])
            return KPI_ERR_NOMEM;
    }
    return KPI_OK;
}

/* The period: the plan's, or the fiscal year of the as-of date. */
static void choose_period(kpi_evaluation *ev, const kpi_plan *plan)
{
    if (plan->start && plan->end) {
        ev->start = plan->start;
        ev->end = plan->end;
        return;
    }
    kpi_date_fiscal_range(&ev->start, &ev->end, kpi_date_fiscal_year(ev->as_of));
}

/* The as-of date: the one given, else the plan's report date (基準日). */
static int check_args(kpi_evaluation **out, const kpi_plan *plan, int32_t *as_of)
{
    if (!out)
        return kpi__error_null("kpi_evaluate", "out");
    *out = NULL;
    if (!plan)
        return kpi__error_null("kpi_evaluate", "plan");
    if (*as_of == 0 && plan->report_date)
        *as_of = plan->report_date;
    if (*as_of == 0)
        return kpi__error(KPI_ERR_DATE, "kpi_evaluate: no as-of date given and the plan "
                                        "has no report date (基準日)");
    return kpi__date_check(*as_of, 0, "kpi_evaluate: as_of");
}

/* Results and the children index are written once each by the unit that
 * owns them, so they are not zeroed here: zeroing would touch every page
 * once more, and first touches of fresh pages are most of the cost of a
 * large evaluation. The kernel is asked for huge pages for the same
 * reason (a hint, ignored where there is none). One arena for each thread
 * that may evaluate. */
static kpi_evaluation *evaluation_alloc(const kpi_plan *plan, int32_t threads)
{
    kpi_evaluation *ev = kpi__calloc(1, sizeof *ev);
    if (!ev)
        return NULL;
    ev->count = 1 + plan->goals_by_code.count + plan->targets_by_code.count;
    ev->directive_count = plan->directives.count;
    size_t all = ev->count + ev->directive_count;
    /* (Results are indexed in 32 bits: 4 billion objects would not fit in
     * memory anyway.) */
    ev->results = all < KPI__NO_PARENT && all <= SIZE_MAX / sizeof *ev->results
                      ? kpi__malloc(all * sizeof *ev->results)
                      : NULL;
    ev->children = kpi__malloc(ev->count * sizeof *ev->children);
    if (ev->results)
        kpi__pages_advise_huge(ev->results, all * sizeof *ev->results);
    for (int lang = 0; lang < KPI__LANG_COUNT; lang++)
        atomic_init(&ev->reasons[lang], NULL);
    /* What a target's result says of the fields only goals, the plan and
     * directives have (each of those starts from a copy). */
    ev->no_extra = (kpi__result_extra){.rating_counts = ev->no_counts,
                                       .unrated_counts = ev->no_counts,
                                       .mean_score = NAN,
                                       .days_open = -1};
    ev->plan_strings = kpi__arena_shared_keep(plan->strings);
    ev->arena_count = threads > 1 ? (size_t)threads : 1;
    ev->arenas = kpi__calloc(ev->arena_count, sizeof *ev->arenas);
    if (!ev->results || !ev->children || !ev->arenas) {
        kpi_evaluation_free(ev);
        return NULL;
    }
    return ev;
}

int kpi_evaluate(kpi_evaluation **out, const kpi_plan *plan, int32_t as_of,
                 const kpi_policy *policy)
{
    int rc = check_args(out, plan, &as_of);
    if (rc != KPI_OK)
        return rc;
    kpi_policy chosen;
    if (policy)
        chosen = *policy;
    else
        kpi__policy_defaults(&chosen);
    kpi_evaluation *ev = evaluation_alloc(plan, chosen.threads);
    if (!ev)
        return kpi__error_nomem();
    ev->as_of = as_of;
    ev->as_of_days = kpi__date_to_days(as_of);
    ev->policy = chosen;
    /* The policy's scale, else the plan's, else the default. */
    const kpi_scale *scale = chosen.scale ? chosen.scale : plan->scale;
    ev->default_scale = scale == NULL;
    ev->scale = scale ? kpi__scale_keep(scale) : kpi__scale_default();
    if (!ev->scale) {
        kpi_evaluation_free(ev);
        return kpi__error_nomem();
    }
    choose_period(ev, plan);
    kpi__eval_work work = {.plan = plan};
    rc = kpi__eval_cut(&work, ev, &ev->arenas[0]);
    if (rc == KPI_OK)
        rc = kpi__eval_run(&work, ev, chosen.threads);
    if (rc == KPI_OK)
        kpi__eval_rollups(&work, ev);
    kpi__eval_work_free(&work);
    if (rc == KPI_OK)
        rc = copy_plan_texts(ev, plan);
    if (rc != KPI_OK) {
        kpi_evaluation_free(ev);
        return kpi__error_nomem();
    }
    *out = ev;
    return KPI_OK;
}

/* The reason lines built on request, and their tables: the only
 * allocations of one result each. */
static void reasons_free(kpi_evaluation *ev)
{
    size_t all = ev->count + ev->directive_count;
    for (int lang = 0; lang < KPI__LANG_COUNT; lang++) {
        _Atomic(char *) *table =
            atomic_load_explicit(&ev->reasons[lang], memory_order_acquire);
        for (size_t i = 0; table && i < all; i++)
            kpi__free(atomic_load_explicit(&table[i], memory_order_acquire));
        kpi__free(table);
    }
}

void kpi_evaluation_free(kpi_evaluation *ev)
{
    if (!ev)
        return;
    reasons_free(ev);
    for (size_t i = 0; ev->arenas && i < ev->arena_count; i++)
        kpi__arena_free(&ev->arenas[i]);
    kpi__free(ev->arenas);
    kpi__arena_shared_drop(ev->plan_strings);
    kpi__free(ev->results);
    kpi__free(ev->children);
    kpi__strmap *index = atomic_load(&ev->by_code);
    if (index) {
        kpi__strmap_free(index);
        kpi__free(index);
    }
    kpi_scale_free(ev->scale);
    kpi__free(ev);
}
