/* Progress texts read in parallel. Reading a text is the costly part of
 * loading a progress file full of prose (a third of it in the benchmark),
 * and it is independent of everything else: threads claim the next job
 * from a shared counter and write only that job's reading. What is filled
 * from the readings is decided afterwards on the reader's thread, in the
 * rows' order (io/progress_infer.c), so the plan and its warnings are the
 * same with any number of threads. */
#include "io/prose_jobs.h"
#include "util/alloc.h"

#include <pthread.h>
#include <stdatomic.h>

struct shared {
    struct kpi__prose_job *jobs;
    size_t count;
    atomic_size_t next; /* the next job to claim */
};

static void *work(void *arg)
{
    struct shared *s = arg;
    for (;;) {
        size_t i = atomic_fetch_add_explicit(&s->next, 1, memory_order_relaxed);
        if (i >= s->count)
            return NULL;
        struct kpi__prose_job *job = &s->jobs[i];
        job->rc = kpi_prose_read(&job->prose, job->text, job->fiscal_year);
    }
}

/* The started threads are at most this many; more cores than this give a
 * load little. */
#define MAX_STARTED 63

void kpi__prose_jobs_run(struct kpi__prose_job *jobs, size_t count, int32_t threads)
{
    struct shared s = {jobs, count, 0};
    pthread_t started[MAX_STARTED];
    size_t want = threads > 1 ? (size_t)threads - 1 : 0, n = 0;
    if (want > MAX_STARTED)
        want = MAX_STARTED;
    if (want > count)
        want = count;
    while (n < want && pthread_create(&started[n], NULL, work, &s) == 0)
        n++;
    work(&s);
    for (size_t i = 0; i < n; i++)
        pthread_join(started[i], NULL);
}
