/* Internal: a growable string for building text. After the first failed
 * allocation the buffer is marked failed and further appends do nothing,
 * so that callers check once, at the end. The text is NUL-terminated after
 * every append. Appends that fit are inline: reports of a million results
 * make tens of millions of them. */
#ifndef KPI_LIB_STRBUF_H
#define KPI_LIB_STRBUF_H

#include <stddef.h>
#include <string.h>

/* Where a buffer that is written out as it grows sends its text: n bytes
 * at data; returns 0 when they could not be taken (the buffer then fails). */
typedef int (*kpi__strbuf_drain_fn)(void *context, const char *data, size_t n);

typedef struct kpi__strbuf {
    char *data;
    size_t length;
    size_t capacity;
    int failed;
    /* When set, kpi__strbuf_drain_point() hands the text over once there
     * is at least KPI__STRBUF_DRAIN_BYTES of it and starts again empty. */
    kpi__strbuf_drain_fn drain;
    void *drain_context;
} kpi__strbuf;

#define KPI__STRBUF_DRAIN_BYTES ((size_t)4 << 20)

/* A point where the text so far is final (a writer that only appends
 * calls it between rows or records): with a drain, the text goes out once
 * there is enough of it, so that a report of any size is written through
 * a few MiB. */
void kpi__strbuf_drain_point(kpi__strbuf *buf);

/* Hands over what is left (with a drain); returns 0 when the buffer has
 * failed or the drain did not take it. */
int kpi__strbuf_drain_all(kpi__strbuf *buf);

/* Makes room for n more bytes and the NUL (the slow path of the appends).
 * Returns 0 when the buffer is or becomes failed. */
int kpi__strbuf_grow(kpi__strbuf *buf, size_t n);

/* Makes room for total bytes of text in all, at once: a writer that can
 * tell how long its text will be spares the growth its copies (a block of
 * hundreds of megabytes copied on each doubling). Same failure as the
 * appends. */
void kpi__strbuf_reserve(kpi__strbuf *buf, size_t total);

/* Where n more bytes may be written (with room for the NUL after them),
 * or NULL when memory ran out (buf is then failed). Writing there and then
 * calling kpi__strbuf_commit() with the count written appends them, with
 * no copy through a temporary. */
static inline char *kpi__strbuf_room(kpi__strbuf *buf, size_t n)
{
    if (buf->capacity - buf->length <= n && !kpi__strbuf_grow(buf, n))
        return NULL;
    return buf->data + buf->length;
}

/* Appends the n bytes written at kpi__strbuf_room() (n at most what was
 * asked for there). */
static inline void kpi__strbuf_commit(kpi__strbuf *buf, size_t n)
{
    buf->length += n;
    buf->data[buf->length] = '\0';
}

static inline void kpi__strbuf_append_n(kpi__strbuf *buf, const char *text, size_t n)
{
    char *p = kpi__strbuf_room(buf, n);
    if (!p)
        return;
    memcpy(p, text, n);
    kpi__strbuf_commit(buf, n);
}

static inline void kpi__strbuf_append(kpi__strbuf *buf, const char *text)
{
    kpi__strbuf_append_n(buf, text, strlen(text));
}

/* A string literal, measured by the compiler. */
#define KPI__STRBUF_LITERAL(buf, literal)                                                \
    kpi__strbuf_append_n((buf), "" literal, sizeof(literal) - 1)

void kpi__strbuf_printf(kpi__strbuf *buf, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Hands over the text (never NULL unless failed) and resets buf; on
 * failure frees everything and returns NULL. */
char *kpi__strbuf_finish(kpi__strbuf *buf);
/* Hands the text over to a public function's caller: *out receives it (to
 * be freed with kpi_free()) and *size, when size is not NULL, its length;
 * returns KPI_OK, or KPI_ERR_NOMEM (recorded) with *out NULL when the
 * buffer failed. */
int kpi__strbuf_hand_over(kpi__strbuf *buf, char **out, size_t *size);
void kpi__strbuf_free(kpi__strbuf *buf);

#endif
