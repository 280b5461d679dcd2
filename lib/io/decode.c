/* Turning a plan file's bytes into the UTF-8 text the parsers read: UTF-8
 * (BOM optional) or CP932, never a silent replacement of bad bytes. CP932
 * goes through glibc's iconv. */
#include "io/decode.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/utf8.h"

#include <errno.h>
#include <iconv.h>
#include <string.h>

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
