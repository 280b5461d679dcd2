/* Text decoding for plan files: UTF-8 (BOM optional) or CP932, never a
 * silent replacement of bad bytes. CP932 goes through glibc's iconv. */
#include "text.h"
#include "alloc.h"
#include "error.h"

#include <errno.h>
#include <iconv.h>
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

size_t kpi__utf8_valid_prefix(const char *bytes, size_t size)
{
    const unsigned char *s = (const unsigned char *)bytes;
    size_t i = 0;
    while (i < size) {
        /* Fast path: plain ASCII. */
        if (s[i] < 0x80) {
            i++;
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

static int encoding_error(const char *source, const char *text, size_t offset,
                          const char *what)
{
    int32_t line = kpi__text_line_of(text, offset);
    return kpi__error_at(KPI_ERR_ENCODING, source, line, 0, "%s:%d: %s (byte 0x%02X)",
                         source, (int)line, what, (unsigned)(unsigned char)text[offset]);
}

/* CP932 to UTF-8: a CP932 character takes at most 3 bytes in UTF-8. */
static int convert_cp932(char **out, size_t *out_size, const char *bytes, size_t size,
                         const char *source)
{
    iconv_t cd = iconv_open("UTF-8", "CP932");
    if (cd == (iconv_t)-1)
        return kpi__error(KPI_ERR_ENCODING, "%s: this system's iconv has no CP932",
                          source);
    size_t capacity = size * 3 + 1;
    char *text = kpi__malloc(capacity);
    if (!text) {
        iconv_close(cd);
        return KPI_ERR_NOMEM;
    }
    char *in = (char *)bytes, *dest = text;
    size_t in_left = size, out_left = capacity - 1;
    size_t rc = iconv(cd, &in, &in_left, &dest, &out_left);
    iconv_close(cd);
    if (rc == (size_t)-1) {
        kpi__free(text);
        return encoding_error(source, bytes, (size_t)(in - bytes),
                              errno == EINVAL
                                  ? "CP932 text cut in the middle of a character"
                                  : "bytes that are not valid CP932");
    }
    *dest = '\0';
    *out = text;
    *out_size = (size_t)(dest - text);
    return KPI_OK;
}

/* NUL is valid in both encodings but never in a plan file: it would cut
 * every string the library hands out. */
static int check_no_nul(const char *text, size_t size, const char *source)
{
    const char *nul = memchr(text, '\0', size);
    if (!nul)
        return KPI_OK;
    return encoding_error(source, text, (size_t)(nul - text), "a NUL byte in the text");
}

static int decode(const char **text, char **owned, size_t *text_size, kpi_encoding *found,
                  const char *bytes, size_t size, kpi_encoding wanted, const char *source)
{
    static const char bom[] = "\xEF\xBB\xBF";
    int has_bom = size >= 3 && memcmp(bytes, bom, 3) == 0;
    if (!(wanted == KPI_ENCODING_CP932 && !has_bom)) {
        const char *start = has_bom ? bytes + 3 : bytes;
        size_t length = has_bom ? size - 3 : size;
        size_t valid = kpi__utf8_valid_prefix(start, length);
        if (valid == length) {
            *found = KPI_ENCODING_UTF8;
            *text = start;
            *text_size = length;
            return KPI_OK;
        }
        if (wanted != KPI_ENCODING_AUTO || has_bom)
            return encoding_error(source, start, valid, "bytes that are not valid UTF-8");
    }
    *found = KPI_ENCODING_CP932;
    int rc = convert_cp932(owned, text_size, bytes, size, source);
    *text = *owned;
    return rc;
}

int kpi__text_decode(const char **text, char **owned, size_t *text_size,
                     kpi_encoding *found, const char *bytes, size_t size,
                     kpi_encoding wanted, const char *source)
{
    *text = NULL;
    *owned = NULL;
    int rc = decode(text, owned, text_size, found, bytes, size, wanted, source);
    if (rc == KPI_OK)
        rc = check_no_nul(*text, *text_size, source);
    if (rc != KPI_OK) {
        kpi__free(*owned);
        *owned = NULL;
        *text = NULL;
    }
    return rc;
}
