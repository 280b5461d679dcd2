#include "util/strbuf.h"
#include "util/alloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int grow(kpi__strbuf *buf, size_t extra)
{
    if (buf->failed)
        return 0;
    size_t needed = buf->length + extra + 1;
    if (needed <= buf->capacity)
        return 1;
    size_t capacity = buf->capacity ? buf->capacity : 64;
    while (capacity < needed)
        capacity *= 2;
    char *data = kpi__realloc(buf->data, capacity);
    if (!data) {
        buf->failed = 1;
        return 0;
    }
    buf->data = data;
    buf->capacity = capacity;
    return 1;
}

void kpi__strbuf_append_n(kpi__strbuf *buf, const char *text, size_t n)
{
    if (!grow(buf, n))
        return;
    memcpy(buf->data + buf->length, text, n);
    buf->length += n;
    buf->data[buf->length] = '\0';
}

void kpi__strbuf_append(kpi__strbuf *buf, const char *text)
{
    kpi__strbuf_append_n(buf, text, strlen(text));
}

void kpi__strbuf_printf(kpi__strbuf *buf, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || !grow(buf, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(buf->data + buf->length, (size_t)n + 1, fmt, ap);
    va_end(ap);
    buf->length += (size_t)n;
}

char *kpi__strbuf_finish(kpi__strbuf *buf)
{
    if (buf->failed || !grow(buf, 0)) {
        kpi__strbuf_free(buf);
        return NULL;
    }
    char *data = buf->data;
    data[buf->length] = '\0'; /* also when nothing was appended */
    memset(buf, 0, sizeof *buf);
    return data;
}

void kpi__strbuf_free(kpi__strbuf *buf)
{
    kpi__free(buf->data);
    memset(buf, 0, sizeof *buf);
}
