/* Internal: the pieces of the JSON report, written straight into the
 * output: separators and indentation, keys, strings escaped as they are
 * copied, numbers and dates formatted in place. render_json.c says what
 * the document holds; this says how each piece is spelt. */
#ifndef KPI_LIB_REPORT_JSON_WRITE_H
#define KPI_LIB_REPORT_JSON_WRITE_H

#include "util/strbuf.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* A writer for one document. first is 1 while the innermost open container
 * has no member yet: after a container closes, its parent has one, so a
 * single flag is enough. */
typedef struct kpi__json {
    kpi__strbuf *out;
    int indent;
    int first;
} kpi__json;

/* Starts the next member of an array: the separator and the indentation. */
void kpi__json_item(kpi__json *j);

/* Starts the next member of an object with its key, given already quoted
 * and followed by ": " (KPI__JSON_KEY() spells it from a plain name).
 * Inline, so that the key's length is known where it is copied: a report
 * of a million targets writes fifty million keys. */
static inline void kpi__json_key_n(kpi__json *j, const char *quoted, size_t n)
{
    static const char blanks[] = "                ";
    size_t spaces = 2 * (size_t)j->indent;
    /* Blanks go sixteen at a time, the last lot partly over what follows. */
    char *p = kpi__strbuf_room(j->out, 2 + spaces + sizeof blanks + n);
    if (!p)
        return;
    char *start = p;
    *p = ',';
    p += !j->first;
    *p++ = '\n';
    for (size_t i = 0; i < spaces; i += sizeof blanks - 1)
        memcpy(p + i, blanks, sizeof blanks - 1);
    p += spaces;
    memcpy(p, quoted, n);
    kpi__strbuf_commit(j->out, (size_t)(p + n - start));
    j->first = 0;
}
#define KPI__JSON_KEY(j, name)                                                           \
    kpi__json_key_n((j), "\"" name "\": ", sizeof("\"" name "\": ") - 1)

/* Opens and closes an object or an array ('{', '}', '[', ']'); an empty
 * one stays on one line: "[]". */
void kpi__json_begin(kpi__json *j, char bracket);
void kpi__json_end(kpi__json *j, char bracket);

/* A JSON string of NUL-terminated text: quotes,
 * backslashes and control characters escaped (JSON's short forms where it
 * has them), every byte that is not part of valid UTF-8 written as
 * U+FFFD (the setters take text as given, and one stray byte would make
 * the whole document invalid), everything else copied as it is. */
void kpi__json_string(kpi__strbuf *out, const char *text);

void kpi__json_null(kpi__strbuf *out);

/* The exact number (kpi__number_format()), or null for NaN and the
 * infinities, which JSON cannot write. */
void kpi__json_number(kpi__strbuf *out, double value);

/* A count, in decimal. */
void kpi__json_count(kpi__strbuf *out, uint64_t value);

/* "YYYY-MM-DD", or null for no date (0). */
void kpi__json_date(kpi__strbuf *out, int32_t date);

void kpi__json_bool(kpi__strbuf *out, int value);

#endif
