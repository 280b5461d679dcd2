/* What a cell's markup means: its reference, whether its number format
 * shows a date, the date of an Excel serial, and OOXML's escapes in text.
 * Kept apart from the XML so that each rule is one small function. */
#include "io/xlsx_read.h"
#include "util/date.h"
#include "util/utf8.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

int kpi__xlsx_cell_ref(const char *ref, int32_t *row, int32_t *column)
{
    int64_t c = 0, r = 0;
    const char *p = ref;
    /* Letters, then digits; counted past the limits only as far as to
     * know they are past (no overflow on a long reference). */
    for (; *p >= 'A' && *p <= 'Z'; p++)
        c = c > KPI__XLSX_MAX_COLUMN ? c : c * 26 + (*p - 'A' + 1);
    if (p == ref || *p < '1' || *p > '9')
        return 1;
    for (; *p >= '0' && *p <= '9'; p++)
        r = r > KPI__XLSX_MAX_ROW ? r : r * 10 + (*p - '0');
    if (*p)
        return 1;
    if (c > KPI__XLSX_MAX_COLUMN)
        return 2;
    if (r > KPI__XLSX_MAX_ROW)
        return 3;
    *row = (int32_t)r;
    *column = (int32_t)c;
    return 0;
}

/* The built-in formats that show dates (ECMA-376 18.8.30), with those of
 * the Japanese, Chinese and Korean editions (27-36, 50-58). */
int kpi__xlsx_builtin_date(uint32_t id)
{
    return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
           (id >= 50 && id <= 58);
}

/* The length of what starts at p and is not a part of the format that
 * shows a value: a quoted text, a [bracket] (a colour, a locale, an
 * elapsed time), an escaped character, _x (a space as wide as x) or *x (x
 * repeated); 0 when p starts none. */
static size_t literal_length(const char *p)
{
    const char *end;
    switch (*p) {
    case '"':
        end = strchr(p + 1, '"');
        return end ? (size_t)(end - p) + 1 : strlen(p);
    case '[':
        end = strchr(p + 1, ']');
        return end ? (size_t)(end - p) + 1 : strlen(p);
    case '\\':
    case '_':
    case '*':
        return p[1] ? 2 : 1;
    default:
        return 0;
    }
}

int kpi__xlsx_code_is_date(const char *code)
{
    for (const char *p = code; *p;) {
        size_t skip = literal_length(p);
        if (skip) {
            p += skip;
            continue;
        }
        char c = (char)(*p | 0x20); /* ASCII letters to lower case */
        if (c == 'd' || c == 'm' || c == 'y')
            return 1;
        p++;
    }
    return 0;
}

int kpi__xlsx_serial_date(char out[11], double serial, int date1904)
{
    /* Day 0 of the 1904 system is 1904-01-01; serial 1 of the 1900 system
     * is 1900-01-01, and Excel counts a 1900-02-29 (serial 60) that never
     * was, so that serials from 61 on are one day ahead of the calendar. */
    const double last = date1904 ? 2957003 : 2958465; /* 9999-12-31 */
    if (!(serial >= 0 && serial < last + 1))
        return -1;
    int32_t day = (int32_t)floor(serial);
    if (!date1904 && day == 60) {
        memcpy(out, "1900-02-29", 11);
        return 0;
    }
    if (!date1904 && day == 0) {
        memcpy(out, "1900-01-00", 11);
        return 0;
    }
    int32_t base = kpi__date_to_days(date1904 ? 19040101 : 19000101);
    int32_t offset = date1904 ? day : day < 60 ? day - 1 : day - 2;
    kpi__date_iso(out, kpi__date_from_days(base + offset));
    return 0;
}

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = (char)(c | 0x20);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* The character of "_xHHHH_" at p, or 0 when p starts no such escape of a
 * character text may hold (not NUL, not a surrogate half). */
static unsigned escaped_at(const char *p, size_t left)
{
    if (left < 7 || p[0] != '_' || p[1] != 'x' || p[6] != '_')
        return 0;
    unsigned value = 0;
    for (int i = 2; i < 6; i++) {
        int d = hex_digit(p[i]);
        if (d < 0)
            return 0;
        value = value * 16 + (unsigned)d;
    }
    return value >= 0xD800 && value <= 0xDFFF ? 0 : value;
}

size_t kpi__xlsx_unescape(char *text, size_t size)
{
    if (!memchr(text, '_', size))
        return size; /* the common case: nothing to do */
    size_t in = 0, out = 0;
    while (in < size) {
        unsigned c = escaped_at(text + in, size - in);
        if (c) {
            out += kpi__utf8_encode(c, text + out); /* 3 bytes at most, for 7 read */
            in += 7;
        } else {
            text[out++] = text[in++];
        }
    }
    text[out] = '\0';
    return out;
}
