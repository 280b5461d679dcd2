/* Internal: readings of progress texts kept by their text, so that a text
 * that repeats is read once. A progress file repeats its words: in the
 * benchmark's national file, a quarter of the texts are distinct
 * (「順調に推移」, 「計画どおり進捗」, 「関係機関と調整中」 stand on
 * thousands of rows), and reading a text is most of what inference costs.
 * A reading depends only on its text and fiscal year (kpi_prose_read()),
 * so a reading kept is the one the text would give again. */
#ifndef KPI_LIB_IO_PROSE_CACHE_H
#define KPI_LIB_IO_PROSE_CACHE_H

#include "io/prose_jobs.h"

/* At most this many jobs are read at a time. */
#define KPI__PROSE_BATCH 1024

typedef struct kpi__prose_cache kpi__prose_cache;

/* A new, empty cache, or NULL (KPI_ERR_NOMEM recorded). */
kpi__prose_cache *kpi__prose_cache_new(void);

/* Frees the cache and every reading it keeps (NULL does nothing). */
void kpi__prose_cache_free(kpi__prose_cache *cache);

/* Gives each of the count (at most KPI__PROSE_BATCH) jobs the reading of
 * its text and fiscal year and kpi_prose_read()'s result, reading on up to
 * threads threads only the texts the cache does not hold (each once). The
 * texts must stay unchanged while the cache holds them (the cache keeps
 * their addresses); the readings are borrowed until
 * kpi__prose_cache_batch_end(), which must come before the next batch. */
void kpi__prose_cache_read(kpi__prose_cache *cache, struct kpi__prose_job *jobs,
                           size_t count, int32_t threads);
void kpi__prose_cache_batch_end(kpi__prose_cache *cache);

#endif
