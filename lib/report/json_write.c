/* The pieces of the JSON report (json_write.h). A report of a million
 * targets is some hundred megabytes, almost all of it keys, indentation
 * and numbers: each piece is written in place into room made once for it,
 * never formatted into a temporary and measured again, and text is
 * escaped and checked as UTF-8 in the one pass that copies it. */
#include "report/json_write.h"
#include "report/render.h"
#include "util/date.h"
#include "util/number.h"

#include <math.h>

void kpi__json_item(kpi__json *j)
{
    kpi__json_key_n(j, "", 0);
}

void kpi__json_begin(kpi__json *j, char bracket)
{
    kpi__strbuf_append_n(j->out, &bracket, 1);
    int flat = kpi__json_flat(j);
    j->indent++;
    if (j->indent < KPI__JSON_MAX_NEST)
        j->flat[j->indent] = (unsigned char)flat;
    j->first = 1;
}

void kpi__json_begin_flat(kpi__json *j, char bracket)
{
    kpi__json_begin(j, bracket);
    if (j->indent < KPI__JSON_MAX_NEST)
        j->flat[j->indent] = 1;
}

void kpi__json_begin_lines(kpi__json *j, char bracket)
{
    kpi__json_begin(j, bracket);
    if (j->indent < KPI__JSON_MAX_NEST)
        j->flat[j->indent] = 0;
}

void kpi__json_end(kpi__json *j, char bracket)
{
    int flat = kpi__json_flat(j);
    j->indent--;
    if (!j->first && !flat) {
        j->first = 1; /* no ',' before the bracket's line */
        kpi__json_key_line(j, "", 0);
    }
    kpi__strbuf_append_n(j->out, &bracket, 1);
    j->first = 0;
}

/* What each byte asks of the copy: nothing (0), an escape (1: a control
 * character, a quote, a backslash), the end (2: NUL), a UTF-8 check (3). */
/* clang-format off */
static const unsigned char byte_class[256] = {
    2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 00 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 10 */
    0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 20 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 30 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 40 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, /* 50 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 60 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 70 */
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, /* 80 */
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, /* 90 */
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, /* A0 */
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, /* B0 */
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, /* C0 */
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, /* D0 */
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, /* E0 */
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, /* F0 */
};
/* clang-format on */

/* Writes the escape of c at p; returns the end. */
static char *escape_char(char *p, unsigned char c)
{
    static const char shorts[] = {
        ['\b'] = 'b', ['\t'] = 't', ['\n'] = 'n', ['\f'] = 'f', ['\r'] = 'r'};
    static const char hex[] = "0123456789abcdef";
    *p++ = '\\';
    if (c == '"' || c == '\\' || (c < sizeof shorts && shorts[c])) {
        *p++ = c == '"' || c == '\\' ? (char)c : shorts[c];
        return p;
    }
    memcpy(p, "u00", 3);
    p[3] = hex[c >> 4];
    p[4] = hex[c & 15];
    return p + 5;
}

/* Text is copied a byte at a time as it is classified, into room made for
 * CHUNK bytes of it at once (each may take six: "\u001f", "\ufffd"). */
enum { CHUNK = 64, WORST = 6 };

/* Copies at most CHUNK bytes of *text (and the closing quote when the
 * text ends) to p; returns the end, and *text where the copy stopped, or
 * NULL when the text is done. */
static char *copy_chunk(char *p, const unsigned char **text)
{
    const unsigned char *s = *text, *stop = s + CHUNK;
    while (s < stop) {
        unsigned char c = *s;
        if (byte_class[c] == 0) { /* most bytes: ASCII, copied */
            *p++ = (char)c;
            s++;
            continue;
        }
        if (c >= 0xE1 && c <= 0xEF && c != 0xED && (s[1] & 0xC0) == 0x80 &&
            (s[2] & 0xC0) == 0x80) { /* the rest: Japanese, valid as it is */
            p[0] = (char)c;
            p[1] = (char)s[1];
            p[2] = (char)s[2];
            p += 3;
            s += 3;
            continue;
        }
        switch (byte_class[c]) {
        case 0:
            *p++ = (char)c;
            s++;
            break;
        case 1:
            p = escape_char(p, c);
            s++;
            break;
        case 2:
            *p++ = '"';
            *text = NULL;
            return p;
        default: {
            size_t len = kpi__render_utf8_at(s);
            if (len) { /* no byte past the character is read */
                p[0] = (char)s[0];
                p[1] = (char)s[1];
                if (len > 2)
                    p[2] = (char)s[2];
                if (len > 3)
                    p[3] = (char)s[3];
                p += len;
                s += len;
            } else {
                memcpy(p, "\\ufffd", WORST);
                p += WORST;
                s++;
            }
        }
        }
    }
    *text = s;
    return p;
}

void kpi__json_string(kpi__strbuf *out, const char *text)
{
    const unsigned char *s = (const unsigned char *)text;
    KPI__STRBUF_LITERAL(out, "\"");
    while (s) {
        /* A character started at the chunk's end may run three bytes on. */
        char *p = kpi__strbuf_room(out, (CHUNK + 3) * WORST + 1);
        if (!p)
            return;
        kpi__strbuf_commit(out, (size_t)(copy_chunk(p, &s) - p));
    }
}

void kpi__json_null(kpi__strbuf *out)
{
    KPI__STRBUF_LITERAL(out, "null");
}

void kpi__json_number(kpi__strbuf *out, double value)
{
    if (!isfinite(value)) {
        kpi__json_null(out);
        return;
    }
    char *p = kpi__strbuf_room(out, KPI__NUMBER_SIZE);
    if (p)
        kpi__strbuf_commit(out, kpi__number_format(p, value));
}

void kpi__json_count(kpi__strbuf *out, uint64_t value)
{
    char *p = kpi__strbuf_room(out, KPI__NUMBER_SIZE);
    if (p)
        kpi__strbuf_commit(out, kpi__number_count(p, value));
}

void kpi__json_date(kpi__strbuf *out, int32_t date)
{
    if (date <= 0) { /* as kpi__date_iso(): no date */
        kpi__json_null(out);
        return;
    }
    char *p = kpi__strbuf_room(out, KPI__DATE_ISO_SIZE + 1);
    if (!p)
        return;
    p[0] = '"';
    kpi__date_iso(p + 1, date); /* ten characters and a NUL */
    p[KPI__DATE_ISO_SIZE] = '"';
    kpi__strbuf_commit(out, KPI__DATE_ISO_SIZE + 1);
}

void kpi__json_bool(kpi__strbuf *out, int value)
{
    if (value)
        KPI__STRBUF_LITERAL(out, "true");
    else
        KPI__STRBUF_LITERAL(out, "false");
}
