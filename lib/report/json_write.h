/* Internal: the pieces of the JSON report, written straight into the
 * output: separators and indentation, keys, strings escaped as they are
 * copied, numbers and dates formatted in place. render_json.c says what
 * the document holds; this says how each piece is spelt. */
#ifndef KPI_LIB_REPORT_JSON_WRITE_H
#define KPI_LIB_REPORT_JSON_WRITE_H

#include "kpi.h"
#include "util/strbuf.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* How deep containers nest: the document, the plan and, for each of the
 * KPI_MAX_DEPTH levels of goals, a result and its children, and the few
 * levels of a target's members. */
#define KPI__JSON_MAX_NEST (2 * KPI_MAX_DEPTH + 8)

/* A writer for one document. first is 1 while the innermost open container
 * has no member yet: after a container closes, its parent has one, so a
 * single flag is enough. flat[level] says whether the members of the
 * container open at that level go on one line ("a": 1, "b": 2) or one a
 * line, indented: a report is one result a line, which keeps a national
 * report to two thirds of the bytes and lets grep find a target's line. */
typedef struct kpi__json {
    kpi__strbuf *out;
    int indent;
    int first;
    unsigned char flat[KPI__JSON_MAX_NEST];
} kpi__json;

/* Starts the next member of an array: the separator and the indentation. */
void kpi__json_item(kpi__json *j);

/* Whether the innermost open container is laid out on one line; deeper
 * than flat[] reaches (the model's depth limit keeps a report within it),
 * everything is. */
static inline int kpi__json_flat(const kpi__json *j)
{
    return j->indent >= KPI__JSON_MAX_NEST || j->flat[j->indent];
}

/* Starts a member on the line of the previous one: ", " and the key. */
static inline void kpi__json_key_flat(kpi__json *j, const char *quoted, size_t n)
{
    char *p = kpi__strbuf_room(j->out, 2 + n);
    if (!p)
        return;
    char *start = p;
    memcpy(p, ", ", 2);
    p += j->first ? 0 : 2;
    memcpy(p, quoted, n);
    kpi__strbuf_commit(j->out, (size_t)(p + n - start));
    j->first = 0;
}

/* Starts a member on a line of its own, indented to the nesting level:
 * the comma after the previous member (none before the first), the line
 * break, the blanks, the key. */
static inline void kpi__json_key_line(kpi__json *j, const char *quoted, size_t n)
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

/* Starts the next member of an object with its key, given already quoted
 * and followed by ": " (KPI__JSON_KEY() spells it from a plain name), as
 * the container lays its members out. Inline, so that the key's length is
 * known where it is copied: a report of a million targets writes fifty
 * million keys. */
static inline void kpi__json_key_n(kpi__json *j, const char *quoted, size_t n)
{
    if (kpi__json_flat(j))
        kpi__json_key_flat(j, quoted, n);
    else
        kpi__json_key_line(j, quoted, n);
}
#define KPI__JSON_KEY(j, name)                                                           \
    kpi__json_key_n((j), "\"" name "\": ", sizeof("\"" name "\": ") - 1)

/* Opens and closes an object or an array ('{', '}', '[', ']'); an empty
 * one stays on one line: "[]". kpi__json_begin() lays the members out as
 * its parent's are; kpi__json_begin_flat() puts them on one line and
 * kpi__json_begin_lines() one a line, whatever the parent does. */
void kpi__json_begin(kpi__json *j, char bracket);
void kpi__json_begin_flat(kpi__json *j, char bracket);
void kpi__json_begin_lines(kpi__json *j, char bracket);
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
