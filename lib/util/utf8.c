/* UTF-8: the one decoder of libkpi, used by every parser and by the
 * checks that strings handed to the API are valid. */
#include "util/utf8.h"

#include <stdint.h>
#include <string.h>

int32_t kpi__text_line_of(const char *text, size_t offset)
{
    int32_t line = 1;
    for (size_t i = 0; i < offset; i++)
        line += text[i] == '\n';
    return line;
}

size_t kpi__utf8_decode(const char *s, size_t n, uint32_t *cp)
{
    static const uint32_t min_value[5] = {0, 0, 0x80, 0x800, 0x10000};
    const unsigned char *u = (const unsigned char *)s;
    size_t count = u[0] < 0x80                   ? 1
                   : u[0] >= 0xC2 && u[0] < 0xE0 ? 2
                   : u[0] >= 0xE0 && u[0] < 0xF0 ? 3
                   : u[0] >= 0xF0 && u[0] < 0xF5 ? 4
                                                 : 0;
    if (count == 0 || count > n)
        return 0;
    uint32_t value = count == 1 ? u[0] : u[0] & (0x7Fu >> count);
    for (size_t i = 1; i < count; i++) {
        if ((u[i] & 0xC0) != 0x80)
            return 0;
        value = (value << 6) | (u[i] & 0x3Fu);
    }
    /* Overlong forms, surrogates and values past U+10FFFF are refused, as
     * RFC 3629 says: no disguised "0" or "-" is ever read as one. */
    if (value < min_value[count] || value > 0x10FFFF ||
        (value >= 0xD800 && value <= 0xDFFF))
        return 0;
    *cp = value;
    return count;
}

size_t kpi__utf8_encode(uint32_t c, char out[4])
{
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xC0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xE0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (c >> 18));
    out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

size_t kpi__utf8_valid_prefix(const char *bytes, size_t size)
{
    const unsigned char *s = (const unsigned char *)bytes;
    size_t i = 0;
    while (i < size) {
        /* Plain ASCII, eight bytes at a time: codes, dates and figures. */
        uint64_t word;
        if (size - i >= 8 && (memcpy(&word, s + i, 8), !(word & 0x8080808080808080u))) {
            i += 8;
            continue;
        }
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        /* Most Japanese text: a lead byte E1..EC or EE..EF takes any two
         * continuation bytes (E0 and ED have narrower ranges, below). */
        if (size - i >= 3 && s[i] >= 0xE1 && s[i] != 0xED && (s[i + 1] & 0xC0) == 0x80 &&
            (s[i + 2] & 0xC0) == 0x80 && s[i] <= 0xEF) {
            i += 3;
            continue;
        }
        uint32_t cp;
        size_t len = kpi__utf8_decode(bytes + i, size - i, &cp);
        if (len == 0)
            return i;
        i += len;
    }
    return size;
}

size_t kpi__blank_at(const char *s)
{
    if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
        return 1;
    if ((unsigned char)s[0] == 0xE3 && (unsigned char)s[1] == 0x80 &&
        (unsigned char)s[2] == 0x80)
        return 3;
    return 0;
}

size_t kpi__blank_before(const char *s, size_t n)
{
    if (n >= 1 && kpi__blank_at(s + n - 1) == 1)
        return 1;
    return n >= 3 && kpi__blank_at(s + n - 3) == 3 ? 3 : 0;
}
