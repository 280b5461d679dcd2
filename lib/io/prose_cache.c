/* The readings of progress texts, kept by text: a table of slots, one per
 * hash of a text and its fiscal year (direct-mapped: a text that maps to
 * a taken slot takes it over). Texts repeat in runs of status words, which
 * stay; texts that never repeat pass through. In the benchmark's national
 * file 4,096 slots keep about 60% of the readings from being made again.
 *
 * A batch of jobs is read in three steps: each job is matched with its
 * slot (a reading kept, a text already to be read in this batch, or a new
 * read, which takes the slot over unless a job of this batch uses it);
 * the new reads run on the threads; their readings go to the slots that
 * wait for them. A reading no slot keeps is freed when the batch ends. */
#include "io/prose_cache.h"
#include "util/alloc.h"
#include "util/hash.h"

#include <string.h>

#define SLOTS 4096 /* a power of two */
#define CACHED UINT32_MAX

struct slot {
    const char *text; /* NULL: empty */
    uint32_t hash;
    int32_t fiscal_year;
    kpi_prose *prose; /* the reading, once made */
    int rc;           /* kpi_prose_read()'s result */
    int pending;      /* to be read in this batch, as reads[read] */
    uint32_t read;
    size_t used_in; /* the batch that last took or read it */
};

struct kpi__prose_cache {
    struct slot slots[SLOTS];
    size_t batch; /* counts batches, from 1 */
    struct kpi__prose_job reads[KPI__PROSE_BATCH];
    struct slot *read_slot[KPI__PROSE_BATCH]; /* the slot a read fills, or NULL */
    size_t read_count;
};

kpi__prose_cache *kpi__prose_cache_new(void)
{
    return kpi__calloc(1, sizeof(kpi__prose_cache));
}

void kpi__prose_cache_free(kpi__prose_cache *cache)
{
    if (!cache)
        return;
    for (size_t i = 0; i < SLOTS; i++)
        kpi_prose_free(cache->slots[i].prose);
    kpi__free(cache);
}

static uint32_t hash_of(const char *text, int32_t fiscal_year)
{
    return kpi__hash_string(text) ^ (uint32_t)fiscal_year;
}

static int holds(const struct slot *s, const char *text, uint32_t hash,
                 int32_t fiscal_year)
{
    return s->text && s->hash == hash && s->fiscal_year == fiscal_year &&
           (s->text == text || strcmp(s->text, text) == 0);
}

/* A new read of job's text; it takes slot s over unless a job of this
 * batch uses what s holds. Returns the read's index. */
static uint32_t add_read(kpi__prose_cache *c, const struct kpi__prose_job *job,
                         struct slot *s, uint32_t hash)
{
    uint32_t r = (uint32_t)c->read_count++;
    c->reads[r] = (struct kpi__prose_job){job->text, job->fiscal_year, NULL, KPI_OK};
    c->read_slot[r] = NULL;
    if (s->used_in == c->batch)
        return r;
    kpi_prose_free(s->prose);
    *s = (struct slot){job->text, hash, job->fiscal_year, NULL, KPI_OK, 1, r, c->batch};
    c->read_slot[r] = s;
    return r;
}

/* Which read gives job its reading, or CACHED when its slot holds it (then
 * given to job at once). */
static uint32_t match(kpi__prose_cache *c, struct kpi__prose_job *job)
{
    uint32_t hash = hash_of(job->text, job->fiscal_year);
    struct slot *s = &c->slots[hash & (SLOTS - 1)];
    if (!holds(s, job->text, hash, job->fiscal_year))
        return add_read(c, job, s, hash);
    s->used_in = c->batch;
    if (s->pending)
        return s->read;
    job->prose = s->prose;
    job->rc = s->rc;
    return CACHED;
}

void kpi__prose_cache_read(kpi__prose_cache *c, struct kpi__prose_job *jobs, size_t count,
                           int32_t threads)
{
    uint32_t from[KPI__PROSE_BATCH];
    c->batch++;
    c->read_count = 0;
    for (size_t i = 0; i < count; i++)
        from[i] = match(c, &jobs[i]);
    kpi__prose_jobs_run(c->reads, c->read_count, threads);
    for (size_t r = 0; r < c->read_count; r++) {
        struct slot *s = c->read_slot[r];
        if (!s)
            continue;
        s->pending = 0;
        s->prose = c->reads[r].prose;
        s->rc = c->reads[r].rc;
        if (s->rc == KPI_ERR_NOMEM) { /* not the text's reading: not kept */
            s->text = NULL;
            s->prose = NULL;
            c->read_slot[r] = NULL;
        }
    }
    for (size_t i = 0; i < count; i++) {
        if (from[i] != CACHED) {
            jobs[i].prose = c->reads[from[i]].prose;
            jobs[i].rc = c->reads[from[i]].rc;
        }
    }
}

void kpi__prose_cache_batch_end(kpi__prose_cache *c)
{
    for (size_t r = 0; r < c->read_count; r++)
        if (!c->read_slot[r])
            kpi_prose_free(c->reads[r].prose);
    c->read_count = 0;
}
