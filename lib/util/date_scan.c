/* The date parser's scanner: reading code points, full-width forms as
 * their ASCII twins, and the messages of a date that cannot be read. */
#include "util/date_scan.h"
#include "util/error.h"
#include "util/utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* How much of a text a message quotes, so that a long cell cannot push the
 * reason out of the fixed-size message buffer. */
#define MAX_QUOTED 64

/* ---- Reading code points ---------------------------------------------- */

/* The code point at p, with its length in *len, or -1 (length 1) for a
 * byte that starts no valid UTF-8 sequence (see kpi__utf8_decode()). */
static int32_t decode_utf8(const char *p, const char *end, int *len)
{
    uint32_t cp;
    size_t n = kpi__utf8_decode(p, (size_t)(end - p), &cp);
    *len = n ? (int)n : 1;
    return n ? (int32_t)cp : -1;
}

/* The next code point without consuming it; -1 at the end. */
static int32_t peek(const struct kpi__scanner *s, int *len)
{
    *len = 0;
    return s->p < s->end ? decode_utf8(s->p, s->end, len) : -1;
}

/* Consumes the next code point when it is cp. */
int kpi__scan_accept(struct kpi__scanner *s, int32_t cp)
{
    int len;
    if (peek(s, &len) != cp)
        return 0;
    s->p += len;
    return 1;
}

/* Consumes a digit, ASCII or full-width, and returns its value; -1 when
 * the next code point is no digit. */
int kpi__scan_accept_digit(struct kpi__scanner *s)
{
    int len;
    int32_t cp = peek(s, &len);
    int digit = -1;
    if (cp >= '0' && cp <= '9')
        digit = (int)(cp - '0');
    else if (cp >= CP_FULLWIDTH_ZERO && cp <= CP_FULLWIDTH_NINE)
        digit = (int)(cp - CP_FULLWIDTH_ZERO);
    if (digit >= 0)
        s->p += len;
    return digit;
}

/* Consumes a Latin letter, ASCII or full-width, and returns it in ASCII
 * upper case; 0 when the next code point is no letter. */
char kpi__scan_accept_letter(struct kpi__scanner *s)
{
    int len;
    int32_t cp = peek(s, &len);
    int32_t upper = 0;
    if (cp >= 'A' && cp <= 'Z')
        upper = cp;
    else if (cp >= 'a' && cp <= 'z')
        upper = cp - 'a' + 'A';
    else if (cp >= CP_FULLWIDTH_A && cp <= CP_FULLWIDTH_Z)
        upper = cp - CP_FULLWIDTH_A + 'A';
    else if (cp >= CP_FULLWIDTH_SMALL_A && cp <= CP_FULLWIDTH_SMALL_Z)
        upper = cp - CP_FULLWIDTH_SMALL_A + 'A';
    if (upper)
        s->p += len;
    return (char)upper;
}

/* Consumes a date separator and returns it as ASCII '-', '/' or '.'
 * (full-width ones count as their ASCII twins); 0 when there is none. */
char kpi__scan_accept_separator(struct kpi__scanner *s)
{
    int len;
    int32_t cp = peek(s, &len);
    char sep = 0;
    if (cp == '-' || cp == CP_FULLWIDTH_HYPHEN)
        sep = '-';
    else if (cp == '/' || cp == CP_FULLWIDTH_SOLIDUS)
        sep = '/';
    else if (cp == '.' || cp == CP_FULLWIDTH_FULL_STOP)
        sep = '.';
    if (sep)
        s->p += len;
    return sep;
}

/* Whether the next code point is a digit, without consuming it. */
int kpi__scan_at_digit(const struct kpi__scanner *s)
{
    struct kpi__scanner copy = *s;
    return kpi__scan_accept_digit(&copy) >= 0;
}

static int is_inner_blank(int32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == CP_IDEOGRAPHIC_SPACE;
}

/* Japanese documents pad single-digit numbers for alignment
 * ("平成29年 9月 1日"), so blanks may follow 年, 月 and an era name. */
void kpi__scan_skip_inner_blanks(struct kpi__scanner *s)
{
    int len;
    while (is_inner_blank(peek(s, &len)))
        s->p += len;
}

/* The length of the blank (ASCII white space or U+3000) starting at p, or
 * 0 when there is none. */
static int blank_length(const char *p, const char *end)
{
    if (*p == ' ' || (*p >= '\t' && *p <= '\r'))
        return 1;
    int len;
    return decode_utf8(p, end, &len) == CP_IDEOGRAPHIC_SPACE ? len : 0;
}

/* A scanner over text without its leading and trailing blanks. */
struct kpi__scanner kpi__scan_over(const char *text)
{
    const char *start = text;
    const char *end = text + strlen(text);
    int len;
    while (start < end && (len = blank_length(start, end)) > 0)
        start += len;
    /* U+3000 is three bytes, so look for it before the last three; an
     * ASCII blank is always the last byte alone. */
    for (;;) {
        if (end > start && blank_length(end - 1, end) == 1)
            end--;
        else if (end - start >= 3 && blank_length(end - 3, end) == 3)
            end -= 3;
        else
            break;
    }
    struct kpi__scanner s = {start, start, end};
    return s;
}

/* ---- Error messages ----------------------------------------------------- */

/* How many bytes of p (n long) to show: at most max, cut before a UTF-8
 * continuation byte so that no character is split. */
int kpi__scan_clip_utf8(const char *p, ptrdiff_t n, int max)
{
    if (n <= max)
        return (int)n;
    int cut = max;
    while (cut > 0 && ((unsigned char)p[cut] & 0xC0) == 0x80)
        cut--;
    return cut;
}

/* Records KPI_ERR_DATE as `"<text>" <verdict><reason>`, quoting at most
 * MAX_QUOTED bytes of the text. */
static int vreport(const struct kpi__scanner *s, const char *verdict, const char *fmt,
                   va_list ap)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 0)))
#endif
    ;

static int vreport(const struct kpi__scanner *s, const char *verdict, const char *fmt,
                   va_list ap)
{
    char reason[256];
    vsnprintf(reason, sizeof reason, fmt, ap);
    ptrdiff_t length = s->end - s->text;
    int shown = kpi__scan_clip_utf8(s->text, length, MAX_QUOTED);
    return kpi__error(KPI_ERR_DATE, "\"%.*s%s\" %s%s", shown, s->text,
                      shown < length ? "..." : "", verdict, reason);
}

int kpi__scan_fail(const struct kpi__scanner *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = vreport(s, "is not a date: ", fmt, ap);
    va_end(ap);
    return rc;
}

int kpi__scan_fail_not_a_day(const struct kpi__scanner *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = vreport(s, "names a period, not a day: ", fmt, ap);
    va_end(ap);
    return rc;
}
