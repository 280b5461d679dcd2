/* Turning a plan file's bytes into the UTF-8 text the parsers read: UTF-8
 * (BOM optional) or CP932, never a silent replacement of bad bytes. CP932
 * goes through glibc's iconv. */
#include "io/decode.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/utf8.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <string.h>

/* "source:line: what (byte 0xNN)" and, after auto-detection, which
 * encodings were tried (tried: "" for none). */
static int encoding_error_tried(const char *source, const char *text, size_t offset,
                                const char *what, const char *tried)
{
    int32_t line = kpi__text_line_of(text, offset);
    return kpi__error_at(KPI_ERR_ENCODING, source, line, 0, "%s:%d: %s (byte 0x%02X)%s",
                         source, (int)line, what, (unsigned)(unsigned char)text[offset],
                         tried);
}

static int encoding_error(const char *source, const char *text, size_t offset,
                          const char *what)
{
    return encoding_error_tried(source, text, offset, what, "");
}

/* A result of convert_cp932(): bytes that are not CP932, for the caller
 * to word (no error recorded yet). */
enum { NOT_CP932 = 1 };

/* CP932 to UTF-8 (a CP932 character takes at most 3 bytes in UTF-8).
 * KPI_OK; NOT_CP932 with *bad the offset of the first byte that is not
 * CP932 and *cut set when the text ends inside a character; or an error
 * (recorded). */
static int convert_cp932(char **out, size_t *out_size, const char *bytes, size_t size,
                         const char *source, size_t *bad, int *cut)
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
        *bad = (size_t)(in - bytes);
        *cut = errno == EINVAL;
        return NOT_CP932;
    }
    *dest = '\0';
    *out = text;
    *out_size = (size_t)(dest - text);
    return KPI_OK;
}

static const char *cp932_problem(int cut)
{
    return cut ? "CP932 text cut in the middle of a character"
               : "bytes that are not valid CP932";
}

/* Whether the text before the first byte that is not UTF-8 is UTF-8 of its
 * own: two characters of several bytes, which CP932 text almost never
 * forms (its lead bytes are UTF-8 continuation bytes, or lead sequences
 * its trail bytes break). */
static int reads_as_utf8(const char *start, size_t valid)
{
    int multibyte = 0;
    for (size_t i = 0; i < valid && multibyte < 2; i++)
        multibyte += (unsigned char)start[i] >= 0xC2;
    return multibyte >= 2;
}

/* Both encodings fail (or UTF-8 explains the text up to its bad byte):
 * the error blames the encoding that explains the file further, at the
 * first byte that breaks it, and says which encodings were tried. */
static int blame(const char *source, const char *start, size_t utf8_valid, int utf8_text,
                 const char *bytes, size_t cp932_bad, int cp932_cut)
{
    if (utf8_text)
        return encoding_error_tried(source, start, utf8_valid,
                                    "bytes that are not valid UTF-8",
                                    ", in a file that is UTF-8 before them (so it is not "
                                    "read as CP932)");
    size_t utf8_bad = (size_t)(start - bytes) + utf8_valid;
    char tried[128];
    if (utf8_bad > cp932_bad) {
        snprintf(tried, sizeof tried,
                 "; tried CP932 too, which fails earlier, on line %d",
                 (int)kpi__text_line_of(bytes, cp932_bad));
        return encoding_error_tried(source, start, utf8_valid,
                                    "bytes that are not valid UTF-8", tried);
    }
    if (utf8_bad == cp932_bad)
        snprintf(tried, sizeof tried,
                 "; tried UTF-8 first, which fails at the same byte");
    else
        snprintf(tried, sizeof tried,
                 "; tried UTF-8 first, which fails earlier, on line %d",
                 (int)kpi__text_line_of(start, utf8_valid));
    return encoding_error_tried(source, bytes, cp932_bad, cp932_problem(cp932_cut),
                                tried);
}

/* The wanted encoding: CP932 when told, or (auto) when the bytes are not
 * UTF-8 and do not read as UTF-8 up to the bad byte. */
static int decode_cp932(const char **text, char **owned, size_t *text_size,
                        const char *bytes, size_t size, const char *source,
                        const char *utf8_start, size_t utf8_valid)
{
    size_t bad = 0;
    int cut = 0;
    int rc = convert_cp932(owned, text_size, bytes, size, source, &bad, &cut);
    *text = *owned;
    if (rc != NOT_CP932)
        return rc;
    if (!utf8_start)
        return encoding_error(source, bytes, bad, cp932_problem(cut));
    return blame(source, utf8_start, utf8_valid, 0, bytes, bad, cut);
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
    *found = KPI_ENCODING_CP932;
    if (wanted == KPI_ENCODING_CP932 && !has_bom)
        return decode_cp932(text, owned, text_size, bytes, size, source, NULL, 0);
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
    if (reads_as_utf8(start, valid))
        return blame(source, start, valid, 1, bytes, 0, 0);
    return decode_cp932(text, owned, text_size, bytes, size, source, start, valid);
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
