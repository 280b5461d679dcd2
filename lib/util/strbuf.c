#include "util/strbuf.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/pages.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* From this size on a buffer asks for huge pages: a report of a million
 * results is hundreds of megabytes written once, front to back. */
#define HUGE_FROM ((size_t)8 << 20)

static void advise_huge(char *data, size_t capacity)
{
    if (capacity >= HUGE_FROM)
        kpi__pages_advise_huge(data, capacity);
}

/* No room left: every later append takes the slow path and stops. */
static int fail(kpi__strbuf *buf)
{
    buf->failed = 1;
    buf->capacity = buf->length;
    return 0;
}

static int resize(kpi__strbuf *buf, size_t capacity)
{
    char *data = kpi__realloc(buf->data, capacity);
    if (!data)
        return fail(buf);
    advise_huge(data, capacity);
    buf->data = data;
    buf->capacity = capacity;
    return 1;
}

int kpi__strbuf_grow(kpi__strbuf *buf, size_t n)
{
    if (buf->failed)
        return 0;
    size_t needed = buf->length + n + 1;
    if (needed < n) /* overflow */
        return fail(buf);
    if (needed <= buf->capacity)
        return 1;
    size_t capacity = buf->capacity ? buf->capacity : 64;
    while (capacity < needed)
        capacity = capacity * 2 > capacity ? capacity * 2 : needed;
    return resize(buf, capacity);
}

static void drain(kpi__strbuf *buf)
{
    if (buf->failed || !buf->length)
        return;
    if (!buf->drain(buf->drain_context, buf->data, buf->length)) {
        fail(buf);
        return;
    }
    buf->length = 0;
    buf->data[0] = '\0';
}

void kpi__strbuf_drain_point(kpi__strbuf *buf)
{
    if (buf->drain && buf->length >= KPI__STRBUF_DRAIN_BYTES)
        drain(buf);
}

int kpi__strbuf_drain_all(kpi__strbuf *buf)
{
    if (buf->drain)
        drain(buf);
    return !buf->failed;
}

void kpi__strbuf_reserve(kpi__strbuf *buf, size_t total)
{
    if (buf->failed || total < buf->capacity || total + 1 == 0)
        return;
    resize(buf, total + 1);
}

void kpi__strbuf_printf(kpi__strbuf *buf, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    char *p = kpi__strbuf_room(buf, (size_t)n);
    if (!p)
        return;
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    buf->length += (size_t)n;
}

char *kpi__strbuf_finish(kpi__strbuf *buf)
{
    if (buf->failed || !kpi__strbuf_grow(buf, 0)) {
        kpi__strbuf_free(buf);
        return NULL;
    }
    char *data = buf->data;
    data[buf->length] = '\0'; /* also when nothing was appended */
    memset(buf, 0, sizeof *buf);
    return data;
}

int kpi__strbuf_hand_over(kpi__strbuf *buf, char **out, size_t *size)
{
    size_t length = buf->length;
    *out = kpi__strbuf_finish(buf);
    if (!*out)
        return kpi__error_nomem();
    if (size)
        *size = length;
    return KPI_OK;
}

void kpi__strbuf_free(kpi__strbuf *buf)
{
    kpi__free(buf->data);
    memset(buf, 0, sizeof *buf);
}
