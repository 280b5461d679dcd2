/* Internal: a growable string for building text. After the first failed
 * allocation the buffer is marked failed and further appends do nothing,
 * so that callers check once, at the end. */
#ifndef KPI_LIB_STRBUF_H
#define KPI_LIB_STRBUF_H

#include <stddef.h>

typedef struct kpi__strbuf {
    char *data;
    size_t length;
    size_t capacity;
    int failed;
} kpi__strbuf;

void kpi__strbuf_append(kpi__strbuf *buf, const char *text);
void kpi__strbuf_append_n(kpi__strbuf *buf, const char *text, size_t n);
void kpi__strbuf_printf(kpi__strbuf *buf, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Hands over the text (never NULL unless failed) and resets buf; on
 * failure frees everything and returns NULL. */
char *kpi__strbuf_finish(kpi__strbuf *buf);
void kpi__strbuf_free(kpi__strbuf *buf);

#endif
