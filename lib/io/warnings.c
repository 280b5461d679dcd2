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

void kpi__warnings_clear(kpi__warnings *list)
{
    for (size_t i = 0; i < list->count; i++)
        kpi__free(list->items[i].message);
    kpi__free(list->items);
    list->items = NULL;
    list->count = list->capacity = 0;
}
