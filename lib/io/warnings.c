#include "io/warnings.h"
#include "util/alloc.h"
#include "util/strbuf.h"
#include "util/error.h"

#include <stdarg.h>
#include <stdio.h>

int kpi__warnings_add(kpi__warnings *list, int kind, const char *source, int32_t line,
                      const char *fmt, ...)
{
    if (list->count == list->capacity) {
        size_t capacity = list->capacity ? list->capacity * 2 : 8;
        kpi__warning *items = kpi__reallocarray(list->items, capacity, sizeof *items);
        if (!items)
            return KPI_ERR_NOMEM;
        list->items = items;
        list->capacity = capacity;
    }
    char detail[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(detail, sizeof detail, fmt, ap);
    va_end(ap);
    kpi__utf8_trim_end(detail);
    kpi__strbuf b = {0};
    if (list->cells)
        kpi__strbuf_printf(&b, "%s: row %d: %s", source, (int)line, detail);
    else
        kpi__strbuf_printf(&b, "%s:%d: %s", source, (int)line, detail);
    char *message = kpi__strbuf_finish(&b);
    if (!message)
        return KPI_ERR_NOMEM;
    list->items[list->count].message = message;
    list->items[list->count].line = line;
    list->items[list->count].kind = kind;
    list->count++;
    return KPI_OK;
}

void kpi__column_letters(char out[4], int32_t column)
{
    char letters[4];
    int n = 0;
    if (column < 1 || column > 18278) { /* ZZZ */
        out[0] = '?', out[1] = '\0';
        return;
    }
    /* Bijective base 26: A..Z, AA..ZZ, AAA..ZZZ. */
    for (int32_t c = column; c > 0; c = (c - 1) / 26)
        letters[n++] = (char)('A' + (c - 1) % 26);
    for (int i = 0; i < n; i++)
        out[i] = letters[n - 1 - i];
    out[n] = '\0';
}

void kpi__position_format(char *buf, size_t size, const char *source, int cells,
                          int32_t line, int32_t column)
{
    char letters[4];
    if (!cells) {
        snprintf(buf, size, "%s:%d: ", source, (int)line);
    } else if (column > 0) {
        kpi__column_letters(letters, column);
        snprintf(buf, size, "%s: %s%d: ", source, letters, (int)line);
    } else {
        snprintf(buf, size, "%s: row %d: ", source, (int)line);
    }
}

void kpi__warnings_clear(kpi__warnings *list)
{
    for (size_t i = 0; i < list->count; i++)
        kpi__free(list->items[i].message);
    kpi__free(list->items);
    list->items = NULL;
    list->count = list->capacity = 0;
}
