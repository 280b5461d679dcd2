/* Doing kpi_evaluate()'s units on several threads. Each thread claims the
 * next unit until none is left, writing only that unit's results and
 * copying strings into its own arena, so that threads share nothing they
 * write but the counter. The calling thread works too: n threads means
 * n - 1 started. A failure in one thread stops the others at their next
 * unit; whatever any of them copied belongs to the evaluation's arenas and
 * goes with it. */
#include "rules/eval_work.h"
#include "util/alloc.h"

#include <pthread.h>
#include <stdatomic.h>

struct shared {
    const kpi__eval_work *work;
    kpi_evaluation *ev;
    atomic_size_t next; /* the next unit to claim */
    atomic_int failed;
};

struct worker {
    struct shared *shared;
    kpi__arena *arena;
    pthread_t thread;
};

static void work_units(struct shared *s, kpi__arena *arena)
{
    while (!atomic_load_explicit(&s->failed, memory_order_relaxed)) {
        size_t i = atomic_fetch_add_explicit(&s->next, 1, memory_order_relaxed);
        if (i >= s->work->unit_count)
            return;
        if (kpi__eval_unit_run(s->work, &s->work->units[i], s->ev, arena) != KPI_OK) {
            atomic_store_explicit(&s->failed, 1, memory_order_relaxed);
            return;
        }
    }
}

static void *worker_main(void *arg)
{
    struct worker *w = arg;
    work_units(w->shared, w->arena);
    return NULL;
}

/* Threads beyond the units would have nothing to do. */
static size_t thread_count(const kpi__eval_work *work, const kpi_evaluation *ev,
                           int32_t threads)
{
    size_t n = threads > 1 ? (size_t)threads : 1;
    if (n > ev->arena_count)
        n = ev->arena_count;
    if (n > work->unit_count)
        n = work->unit_count ? work->unit_count : 1;
    return n;
}

int kpi__eval_run(const kpi__eval_work *work, kpi_evaluation *ev, int32_t threads)
{
    struct shared s = {.work = work, .ev = ev};
    atomic_init(&s.next, 0);
    atomic_init(&s.failed, 0);
    size_t n = thread_count(work, ev, threads);
    if (n == 1) {
        work_units(&s, &ev->arenas[0]);
        return atomic_load(&s.failed) ? KPI_ERR_NOMEM : KPI_OK;
    }
    struct worker *workers = kpi__calloc(n - 1, sizeof *workers);
    if (!workers)
        return KPI_ERR_NOMEM;
    /* A thread the system refuses is no error: the others do its share. */
    size_t started = 0;
    for (size_t i = 0; i < n - 1; i++) {
        workers[started].shared = &s;
        workers[started].arena = &ev->arenas[started + 1];
        if (pthread_create(&workers[started].thread, NULL, worker_main,
                           &workers[started]) == 0)
            started++;
    }
    work_units(&s, &ev->arenas[0]);
    for (size_t i = 0; i < started; i++)
        pthread_join(workers[i].thread, NULL);
    kpi__free(workers);
    return atomic_load(&s.failed) ? KPI_ERR_NOMEM : KPI_OK;
}
