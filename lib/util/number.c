#define _POSIX_C_SOURCE 200809L /* newlocale, uselocale */

/* Numbers in plan files: parsing what people type into spreadsheets, and
 * printing values so that they read back exactly. */
#include "util/number.h"
#include "util/error.h"
#include "kpi/error.h"

#include <float.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Longest number text accepted: far beyond any real figure, and it keeps
 * the normalised copy on the stack. */
#define MAX_NUMBER_TEXT 64

/* Maps one full-width ASCII character (U+FF01..U+FF5E, three bytes in
 * UTF-8: EF BC 81 .. EF BD 9E) to its ASCII twin; returns 0 otherwise. */
static char fullwidth_ascii(const unsigned char *s)
{
    if (s[0] != 0xEF)
        return 0;
    if (s[1] == 0xBC && s[2] >= 0x81 && s[2] <= 0xBF)
        return (char)(s[2] - 0x81 + 0x21);
    if (s[1] == 0xBD && s[2] >= 0x80 && s[2] <= 0x9E)
        return (char)(s[2] - 0x80 + 0x60);
    return 0;
}

/* Copies text into ASCII, full-width characters folded and blanks dropped
 * at both ends. Returns 0 when the text is too long or has other bytes. */
static int normalise(char *ascii, size_t size, const char *text)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t n = 0;
    while (*s) {
        char c;
        if (s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80) { /* U+3000 blank */
            c = ' ';
            s += 3;
        } else if ((c = fullwidth_ascii(s)) != 0) {
            s += 3;
        } else if (*s < 0x80) {
            c = (char)*s++;
        } else {
            return 0;
        }
        if (n + 1 >= size)
            return 0;
        ascii[n++] = c;
    }
    while (n > 0 && (ascii[n - 1] == ' ' || ascii[n - 1] == '\t'))
        n--;
    ascii[n] = '\0';
    size_t lead = strspn(ascii, " \t");
    memmove(ascii, ascii + lead, n - lead + 1);
    return 1;
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Removes thousands separators from the integer part when they group it by
 * threes ("12,345,678"); any other comma makes the text no number. */
static int drop_separators(char *s)
{
    char *p = s + (*s == '+' || *s == '-');
    size_t digits = strspn(p, "0123456789,");
    if (!memchr(p, ',', digits))
        return 1;
    size_t group = 0;
    int seen_comma = 0;
    for (size_t i = 0; i < digits; i++) {
        if (p[i] != ',') {
            group++;
            continue;
        }
        if (group == 0 || group > 3 || (seen_comma && group != 3))
            return 0;
        seen_comma = 1;
        group = 0;
    }
    if (group != 3)
        return 0;
    /* Only the integer part's commas go; any later one is left for
     * is_decimal() to refuse. */
    size_t length = strlen(p);
    char *w = p;
    for (size_t i = 0; i <= length; i++)
        if (i >= digits || p[i] != ',')
            *w++ = p[i];
    return 1;
}

/* sign? digits ('.' digits)? ([eE] sign? digits)? — nothing else, so that
 * strtod's "nan", "inf" and hexadecimal forms never get through. */
static int is_decimal(const char *s)
{
    s += (*s == '+' || *s == '-');
    size_t whole = strspn(s, "0123456789");
    s += whole;
    size_t fraction = 0;
    if (*s == '.') {
        fraction = strspn(s + 1, "0123456789");
        s += 1 + fraction;
    }
    if (whole + fraction == 0)
        return 0;
    if (*s == 'e' || *s == 'E') {
        s++;
        s += (*s == '+' || *s == '-');
        if (!is_digit(*s))
            return 0;
        s += strspn(s, "0123456789");
    }
    return *s == '\0';
}

/* Clinger's fast path for the figures plan files are made of ("1887",
 * "12.5", "-0.25"): a decimal of at most 15 significant digits and no
 * exponent is m / 10^k with m and 10^k both exact doubles, so one correctly
 * rounded division gives exactly what strtod gives, at a fraction of its
 * cost. It takes only sign? digits ('.' digits)? in ASCII, a subset of what
 * the full path reads, and is tried first. Returns 0 (take the full path)
 * otherwise, and where doubles are evaluated in a wider format (x87), which
 * would round twice. */
static int exact_decimal(double *out, const char *s)
{
#if defined(FLT_EVAL_METHOD) && FLT_EVAL_METHOD == 0
    static const double powers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                    1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                    1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    const char *start = s;
    int negative = *s == '-';
    s += (*s == '+' || *s == '-');
    unsigned long long m = 0;
    int digits = 0, significant = 0, fraction = 0, after_point = 0;
    for (; *s; s++) {
        if (*s == '.' && !after_point) {
            after_point = 1;
            continue;
        }
        if (!is_digit(*s) || (significant += (significant || *s != '0')) > 15)
            return 0; /* anything else, or too many digits for m to be exact */
        m = m * 10 + (unsigned long long)(*s - '0');
        fraction += after_point;
        digits++;
    }
    /* (A text longer than the full path takes is refused there.) */
    if (digits == 0 || fraction >= (int)(sizeof powers / sizeof *powers) ||
        s - start >= MAX_NUMBER_TEXT - 1)
        return 0;
    double value = (double)m / powers[fraction];
    *out = negative ? -value : value;
    return 1;
#else
    (void)out;
    (void)s;
    return 0;
#endif
}

void kpi__c_numeric_enter(kpi__c_numeric *state)
{
    locale_t c = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
    state->c = c;
    state->previous = c ? uselocale(c) : (locale_t)0;
}

void kpi__c_numeric_leave(kpi__c_numeric *state)
{
    if (!state->c)
        return;
    uselocale((locale_t)state->previous);
    freelocale((locale_t)state->c);
    state->c = NULL;
}

int kpi__number_parse(double *out, const char *text)
{
    double value;
    if (exact_decimal(&value, text)) {
        *out = value;
        return KPI_OK;
    }
    char ascii[MAX_NUMBER_TEXT], quoted[KPI__CLIP_SIZE];
    if (!normalise(ascii, sizeof ascii, text) || !drop_separators(ascii) ||
        !is_decimal(ascii))
        return kpi__error(KPI_ERR_VALUE, "\"%s\" is not a number",
                          kpi__clip(quoted, text));
    if (exact_decimal(&value, ascii)) { /* e.g. full-width digits */
        *out = value;
        return KPI_OK;
    }
    value = strtod(ascii, NULL);
    if (!isfinite(value))
        return kpi__error(KPI_ERR_VALUE, "\"%s\" is too large a number",
                          kpi__clip(quoted, text));
    *out = value;
    return KPI_OK;
}

/* Digits of n, most significant first, at least min_digits of them. */
static char *put_digits(char *p, unsigned long long n, int min_digits)
{
    char tmp[24];
    int len = 0;
    do {
        tmp[len++] = (char)('0' + n % 10);
        n /= 10;
    } while (n || len < min_digits);
    while (len)
        *p++ = tmp[--len];
    return p;
}

size_t kpi__number_count(char *buf, unsigned long long value)
{
    size_t n = (size_t)(put_digits(buf, value, 1) - buf);
    buf[n] = '\0';
    return n;
}

void kpi__number_fixed(char *buf, double value, int decimals)
{
    static const double scales[] = {1, 10, 100, 1000};
    static const unsigned long long units[] = {1, 10, 100, 1000};
    if (decimals < 0 || decimals > 3)
        decimals = 0;
    /* Beyond everyday magnitudes "%f" would not fit the buffer (1e300 has
     * 301 digits): such values are shown in exponent form. */
    if (!(fabs(value) < 1e15)) {
        snprintf(buf, KPI__NUMBER_SIZE, "%.6g", value);
        return;
    }
    /* printf rounds the exact binary value; rounding the scaled double is
     * the same but for values within an ulp of a half, where either digit
     * is as right for a person. */
    double scaled = fabs(value) * scales[decimals];
    unsigned long long n = (unsigned long long)llround(scaled);
    char *p = buf;
    if (signbit(value))
        *p++ = '-'; /* as printf: "-0.0" for a small negative value */
    p = put_digits(p, n / units[decimals], 1);
    if (decimals) {
        *p++ = '.';
        p = put_digits(p, n % units[decimals], decimals);
    }
    *p = '\0';
}

void kpi__number_display(char *buf, double value)
{
    buf[0] = '\0';
    if (isnan(value))
        return;
    /* Beyond everyday magnitudes, fixed notation would not fit the buffer. */
    if (fabs(value) >= 1e15) {
        snprintf(buf, KPI__NUMBER_SIZE, "%.6g", value);
        return;
    }
    kpi__number_fixed(buf, value, 2);
    size_t n = strlen(buf);
    while (n > 0 && buf[n - 1] == '0')
        buf[--n] = '\0';
    if (n > 0 && buf[n - 1] == '.')
        buf[--n] = '\0';
    if (strcmp(buf, "-0") == 0)
        strcpy(buf, "0");
}

void kpi__number_percent(char *buf, double fraction)
{
    buf[0] = '\0';
    if (isnan(fraction))
        return;
    /* Cut to 30 characters before the %, so that it fits whatever the
     * value (the fuzzer found 1e300 overflowing a report's buffer). */
    kpi__number_fixed(buf, fraction * 100, 0);
    size_t n = strnlen(buf, 30);
    buf[n] = '%';
    buf[n + 1] = '\0';
}

/* "%g" switches to an exponent as soon as the precision is shorter than
 * the integer part (10 at precision 1 is "1e+01"); people write 10, so
 * numbers of ordinary size are printed positionally with the same digits. */
static void positional(char *buf, double value, int precision)
{
    int exponent = (int)floor(log10(fabs(value)));
    if (exponent < -5 || exponent >= 16)
        return;
    int decimals = precision - 1 - exponent;
    char fixed[KPI__NUMBER_SIZE + 8];
    snprintf(fixed, sizeof fixed, "%.*f", decimals < 0 ? 0 : decimals, value);
    if (strlen(fixed) < KPI__NUMBER_SIZE && strtod(fixed, NULL) == value)
        memcpy(buf, fixed, strlen(fixed) + 1);
}

/* Any decimal of at most 15 significant digits reads back to the double
 * nearest it (DBL_DIG), so when "%.15g" reads back it is also the shortest
 * form ("%g" drops trailing zeros); only other values need 16 or 17. */
static size_t format_printf(char *buf, double value)
{
    for (int precision = 15; precision <= 17; precision++) {
        snprintf(buf, KPI__NUMBER_SIZE, "%.*g", precision, value);
        if (strtod(buf, NULL) != value)
            continue;
        if (strchr(buf, 'e'))
            positional(buf, value, precision);
        break;
    }
    return strlen(buf);
}

size_t kpi__number_format(char *buf, double value)
{
    size_t n = kpi__number_shortest(buf, value);
    return n ? n : format_printf(buf, value);
}
