/* The plan files parsed ahead on a second thread. Loading a plan is two
 * kinds of work of about the same size: libcsv splitting the bytes into
 * rows, and the model checking and storing each row. The thread here does
 * the first for both files, one after the other, while the reader's thread
 * does the second with the rows already split; so the two cores work at
 * once from the first row to the last, and only a few batches of rows wait
 * in between (the limit below), whatever the size of the files.
 *
 * The rows replayed are the rows the reader's own parse would give (the
 * same code, io/read_stream.c, splits them), in the same order, so the plan
 * is the same. They are checked as UTF-8 here, on the reader's thread, as
 * they are replayed (KPI__CHECK_ROWS): that halves the parsing thread's
 * share of the work beyond libcsv's. Errors stay those of one thread:
 * anything that goes wrong on the parsing thread (a bad byte, broken
 * quoting, a file to be read whole) makes the read start over with the
 * files read whole on the reader's thread, which words the error as
 * always; an error of a row is the reader's own, met in order. */
#include "io/read_ahead.h"
#include "io/read_stream.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/utf8.h"
#include "kpi/error.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>

/* Parsed rows are passed in batches of about this many bytes, and the
 * thread waits while this many wait to be replayed: enough to keep both
 * cores busy through the uneven rows of a file, little beside a plan. */
#define BATCH_BYTES (256 * 1024)
#define QUEUED_BYTES (4 * 1024 * 1024)

static size_t batch_bytes = BATCH_BYTES, queued_limit = QUEUED_BYTES;

void kpi__read_ahead_set_sizes(size_t batch, size_t queued)
{
    batch_bytes = batch ? batch : BATCH_BYTES;
    queued_limit = queued ? queued : QUEUED_BYTES;
}

/* A batch holds rows as keep_row() writes them. The last batch of a file
 * carries how its parse ended. */
typedef struct batch {
    struct batch *next;
    size_t used, capacity;
    int end;             /* the last batch of its file */
    int rc;              /* at the end: the parse's result */
    kpi_encoding found;  /* at the end: the encoding read */
    unsigned char *data; /* capacity bytes, after the struct */
} batch;

struct kpi__read_ahead {
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t changed;
    batch *head, *tail; /* parsed, waiting to be replayed */
    size_t queued;      /* bytes in them */
    int cancelled;      /* the reader stopped: the thread ends soon */
    /* The thread's own: */
    const char *const *paths;
    size_t count;
    kpi_encoding wanted;
    size_t batch_bytes, queued_limit;
    batch *filling;
};

static batch *batch_new(size_t capacity)
{
    batch *b = kpi__malloc(sizeof *b + capacity);
    if (b)
        *b = (batch){.capacity = capacity, .data = (unsigned char *)(b + 1)};
    return b;
}

/* Hands b to the reader, waiting while too much waits already. Returns 0
 * when the reader has stopped. */
static int push(kpi__read_ahead *a, batch *b)
{
    pthread_mutex_lock(&a->lock);
    while (!a->cancelled && !b->end && a->queued >= a->queued_limit)
        pthread_cond_wait(&a->changed, &a->lock);
    int go_on = !a->cancelled;
    if (a->tail)
        a->tail->next = b;
    else
        a->head = b;
    a->tail = b;
    a->queued += b->used;
    pthread_cond_broadcast(&a->changed);
    pthread_mutex_unlock(&a->lock);
    return go_on;
}

static void put_u32(unsigned char *p, uint32_t v)
{
    memcpy(p, &v, sizeof v);
}

/* The thread's row callback: copies the row into the batch being filled,
 * as int32 line, uint32 field count, uint32 bytes, the fields' starts and
 * their bytes (io/csv_read.h). */
static int keep_row(void *context, const kpi__csv_row *row)
{
    kpi__read_ahead *a = context;
    size_t starts = row->count * sizeof *row->starts;
    size_t need = 12 + starts + row->used;
    need = (need + 3) & ~(size_t)3; /* the next row's header aligned */
    if (a->filling && a->filling->capacity - a->filling->used < need) {
        int go_on = push(a, a->filling);
        a->filling = NULL;
        if (!go_on)
            return KPI__READ_WHOLE; /* stopped: any code ends the parse */
    }
    if (!a->filling &&
        !(a->filling = batch_new(need > a->batch_bytes ? need : a->batch_bytes)))
        return KPI_ERR_NOMEM;
    unsigned char *p = a->filling->data + a->filling->used;
    put_u32(p, (uint32_t)row->line);
    put_u32(p + 4, (uint32_t)row->count);
    put_u32(p + 8, (uint32_t)row->used);
    memcpy(p + 12, row->starts, starts);
    memcpy(p + 12 + starts, row->bytes, row->used);
    a->filling->used += need;
    return KPI_OK;
}

/* Ends a file: what is filled, then a last batch with the parse's result
 * (on a failed allocation, the result rides on the batch filled). */
static int end_file(kpi__read_ahead *a, int rc, kpi_encoding found)
{
    batch *last = a->filling ? a->filling : batch_new(0);
    a->filling = NULL;
    if (!last)
        return 0; /* the reader sees the thread end without it: NOMEM */
    last->end = 1;
    last->rc = rc;
    last->found = found;
    return push(a, last) && rc == KPI_OK;
}

static void *parse_files(void *arg)
{
    kpi__read_ahead *a = arg;
    for (size_t i = 0; i < a->count; i++) {
        kpi_encoding found = KPI_ENCODING_AUTO;
        int rc = kpi__read_stream(a->paths[i], a->wanted, KPI__CHECK_ROWS, &found,
                                  keep_row, a);
        if (a->filling && rc != KPI_OK) {
            kpi__free(a->filling); /* rows of a failed parse are never replayed */
            a->filling = NULL;
        }
        if (!end_file(a, rc, found))
            break;
    }
    pthread_mutex_lock(&a->lock);
    a->count = 0; /* done: no more batches */
    pthread_cond_broadcast(&a->changed);
    pthread_mutex_unlock(&a->lock);
    return NULL;
}

int kpi__read_ahead_start(kpi__read_ahead **out, const char *const *paths, size_t count,
                          kpi_encoding wanted)
{
    *out = NULL;
    kpi__read_ahead *a = kpi__calloc(1, sizeof *a);
    if (!a)
        return KPI_ERR_NOMEM;
    a->paths = paths;
    a->count = count;
    a->wanted = wanted;
    a->batch_bytes = batch_bytes;
    a->queued_limit = queued_limit;
    if (pthread_mutex_init(&a->lock, NULL) != 0) {
        kpi__free(a);
        return KPI_OK;
    }
    if (pthread_cond_init(&a->changed, NULL) != 0) {
        pthread_mutex_destroy(&a->lock);
        kpi__free(a);
        return KPI_OK;
    }
    if (pthread_create(&a->thread, NULL, parse_files, a) != 0) {
        pthread_cond_destroy(&a->changed);
        pthread_mutex_destroy(&a->lock);
        kpi__free(a);
        return KPI_OK;
    }
    *out = a;
    return KPI_OK;
}

/* The next batch, waiting for it; NULL when the thread ended without one. */
static batch *pop(kpi__read_ahead *a)
{
    pthread_mutex_lock(&a->lock);
    while (!a->head && a->count > 0)
        pthread_cond_wait(&a->changed, &a->lock);
    batch *b = a->head;
    if (b) {
        a->head = b->next;
        if (!a->head)
            a->tail = NULL;
        a->queued -= b->used;
        pthread_cond_broadcast(&a->changed);
    }
    pthread_mutex_unlock(&a->lock);
    return b;
}

static uint32_t get_u32(const unsigned char *p)
{
    uint32_t v;
    memcpy(&v, p, sizeof v);
    return v;
}

/* A cursor over the rows of a batch, with its own field pointers. */
struct cursor {
    const unsigned char *at, *end;
    kpi__csv_row row;
    size_t capacity; /* of row.fields */
};

static void cursor_free(struct cursor *c)
{
    kpi__free(c->row.fields);
}

/* Reads the next row into c->row: 1, 0 at the end of the batch, or
 * KPI_ERR_NOMEM; KPI__READ_WHOLE when the row is not UTF-8 (checked only
 * when check is set: the look-ahead cursor leaves it to the replay). */
static int cursor_next(struct cursor *c, int check)
{
    if (c->at >= c->end)
        return 0;
    const unsigned char *p = c->at;
    c->row.line = (int32_t)get_u32(p);
    c->row.count = get_u32(p + 4);
    size_t bytes = get_u32(p + 8), starts = c->row.count * sizeof(uint32_t);
    if (c->row.count > c->capacity) {
        char **grown = kpi__reallocarray(c->row.fields, c->row.count, sizeof *grown);
        if (!grown)
            return KPI_ERR_NOMEM;
        c->row.fields = grown;
        c->capacity = c->row.count;
    }
    char *base = (char *)p + 12 + starts;
    if (check && kpi__utf8_valid_prefix(base, bytes) != bytes)
        return KPI__READ_WHOLE; /* the whole file words it */
    for (size_t i = 0; i < c->row.count; i++)
        c->row.fields[i] = base + get_u32(p + 12 + 4 * i);
    c->at = p + ((12 + starts + bytes + 3) & ~(size_t)3);
    return 1;
}

/* How many rows ahead of the one replayed prefetch() is shown: far enough
 * for the memory it asks for to arrive, near enough to stay in cache. */
#define LOOK_AHEAD 8

/* Replays the rows of one batch, showing prefetch (when set) each row
 * LOOK_AHEAD rows before on_row takes it. */
static int replay_batch(struct cursor *replay, struct cursor *ahead, const batch *b,
                        const kpi__read_ahead_calls *calls)
{
    replay->at = ahead->at = b->data;
    replay->end = ahead->end = b->data + b->used;
    int more = 1;
    for (int i = 0; calls->prefetch && i < LOOK_AHEAD && more == 1; i++)
        if ((more = cursor_next(ahead, 0)) == 1)
            calls->prefetch(calls->context, &ahead->row);
    int rc;
    while ((rc = cursor_next(replay, 1)) == 1) {
        if (calls->prefetch && more == 1 && (more = cursor_next(ahead, 0)) == 1)
            calls->prefetch(calls->context, &ahead->row);
        if ((rc = calls->on_row(calls->context, &replay->row)) != KPI_OK)
            return rc;
    }
    if (rc != 0)
        return rc; /* KPI_ERR_NOMEM, or KPI__READ_WHOLE */
    return more < 0 ? more : KPI_OK;
}

int kpi__read_ahead_replay(kpi__read_ahead *a, const kpi__read_ahead_calls *calls,
                           kpi_encoding *found)
{
    struct cursor replay = {0}, ahead = {0};
    int rc;
    for (;;) {
        batch *b = pop(a);
        if (!b) {
            rc = kpi__error_nomem(); /* the thread could not end the file */
            break;
        }
        rc = b->end && b->rc != KPI_OK ? KPI__READ_WHOLE
                                       : replay_batch(&replay, &ahead, b, calls);
        int end = b->end;
        if (end && rc == KPI_OK)
            *found = b->found;
        kpi__free(b);
        if (rc != KPI_OK || end)
            break;
    }
    cursor_free(&replay);
    cursor_free(&ahead);
    return rc;
}

void kpi__read_ahead_free(kpi__read_ahead *a)
{
    if (!a)
        return;
    pthread_mutex_lock(&a->lock);
    a->cancelled = 1;
    pthread_cond_broadcast(&a->changed);
    pthread_mutex_unlock(&a->lock);
    pthread_join(a->thread, NULL);
    for (batch *b = a->head, *next; b; b = next) {
        next = b->next;
        kpi__free(b);
    }
    kpi__free(a->filling);
    pthread_cond_destroy(&a->changed);
    pthread_mutex_destroy(&a->lock);
    kpi__free(a);
}
