/* Dates as int32_t YYYYMMDD: validation, day arithmetic, fiscal years and
 * the text parser for ISO, era and fiscal-year forms.
 *
 * Day numbers count from 0001-01-01 (day 0) in the proleptic Gregorian
 * calendar and are computed arithmetically, never with libc time functions:
 * time_t and struct tm differ between platforms and cannot reach year 1.
 *
 * The parser works on Unicode code points decoded from the UTF-8 text, so
 * that full-width digits, letters and separators are simply more code
 * points to accept, and invalid UTF-8 can never be half-matched. */
#include "util/date.h"

#include "util/alloc.h"
#include "util/error.h"
#include "util/utf8.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define MIN_YEAR 1
#define MAX_YEAR 9999
/* A fiscal year ends on March 31 of the next year, which must exist. */
#define MAX_FISCAL_YEAR (MAX_YEAR - 1)
/* kpi__date_to_days(99991231). */
#define MAX_DAY_NUMBER 3652058
/* Days in 400, 100 and 4 Gregorian years, the periods the calendar repeats. */
#define DAYS_PER_400_YEARS 146097
#define DAYS_PER_100_YEARS 36524
#define DAYS_PER_4_YEARS 1461
/* "YYYY-MM-DD" and its terminator. */
#define ISO_SIZE 11
/* How much of a text a message quotes, so that a long cell cannot push the
 * reason out of the fixed-size message buffer. */
#define MAX_QUOTED 64
#define MAX_UNEXPECTED 24

/* ---- Calendar rules ---------------------------------------------------- */

static int is_leap_year(int32_t year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

/* Month is 1..12. */
static int32_t days_in_month(int32_t year, int32_t month)
{
    static const int32_t days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap_year(year) ? 29 : days[month - 1];
}

/* Days of the year before the first of month 1..12. */
static int32_t days_before_month(int32_t year, int32_t month)
{
    static const int32_t before[12] = {0,   31,  59,  90,  120, 151,
                                       181, 212, 243, 273, 304, 334};
    return before[month - 1] + (month > 2 && is_leap_year(year));
}

static int32_t year_of(int32_t date)
{
    return date / 10000;
}

static int32_t month_of(int32_t date)
{
    return date / 100 % 100;
}

static int32_t day_of(int32_t date)
{
    return date % 100;
}

/* Why year-month-day is no real date. Returns 0 when it is one; otherwise
 * nonzero, with the reason written into reason when reason is not NULL.
 * The one place that decides validity, so that kpi_date_is_valid(), the
 * constructors and the parser can never disagree. */
static int date_problem(char *reason, size_t size, int32_t year, int32_t month,
                        int32_t day)
{
    if (year < MIN_YEAR || year > MAX_YEAR) {
        if (reason)
            snprintf(reason, size, "year %" PRId32 " is not 1..9999", year);
        return 1;
    }
    if (month < 1 || month > 12) {
        if (reason)
            snprintf(reason, size, "month %" PRId32 " is not 1..12", month);
        return 1;
    }
    int32_t last = days_in_month(year, month);
    if (day < 1 || day > last) {
        if (reason)
            snprintf(reason, size,
                     "day %" PRId32 " is not 1..%" PRId32 " in %04" PRId32 "-%02" PRId32
                     "%s",
                     day, last, year, month,
                     month == 2 && day == 29 ? " (not a leap year)" : "");
        return 1;
    }
    return 0;
}

static int32_t make_date(int32_t year, int32_t month, int32_t day)
{
    return year * 10000 + month * 100 + day;
}

/* Writes "YYYY-MM-DD" of a valid date: the eight digits of YYYYMMDD fill
 * the template from the right. Done by hand because a valid date has a
 * known width, which snprintf's truncation checks cannot see. */
static void write_iso(char out[ISO_SIZE], int32_t date)
{
    memcpy(out, "0000-00-00", ISO_SIZE);
    for (int i = ISO_SIZE - 2; i >= 0; i--) {
        if (out[i] != '-') {
            out[i] = (char)('0' + date % 10);
            date /= 10;
        }
    }
}

/* ---- Public helpers on YYYYMMDD values -------------------------------- */

int kpi_date_is_valid(int32_t date)
{
    if (date <= 0)
        return 0; /* 0 is "no date"; negative values are none either */
    return !date_problem(NULL, 0, year_of(date), month_of(date), day_of(date));
}

int kpi_date_make(int32_t *out, int32_t year, int32_t month, int32_t day)
{
    char reason[128];
    if (!out)
        return kpi__error_null("kpi_date_make", "out");
    if (date_problem(reason, sizeof reason, year, month, day))
        return kpi__error(KPI_ERR_DATE,
                          "year %" PRId32 ", month %" PRId32 ", day %" PRId32
                          " is not a date: %s",
                          year, month, day, reason);
    *out = make_date(year, month, day);
    return KPI_OK;
}

int kpi_date_format(char **out, int32_t date)
{
    if (!out)
        return kpi__error_null("kpi_date_format", "out");
    *out = NULL;
    int rc = kpi__date_check(date, 0, "kpi_date_format");
    if (rc != KPI_OK)
        return rc;
    char *text = kpi__malloc(ISO_SIZE);
    if (!text)
        return KPI_ERR_NOMEM;
    write_iso(text, date);
    *out = text;
    return KPI_OK;
}

int32_t kpi_date_fiscal_year(int32_t date)
{
    if (!kpi_date_is_valid(date))
        return 0;
    /* The Japanese fiscal year starts on April 1: January to March belong
     * to the year that started the previous April. */
    return month_of(date) >= 4 ? year_of(date) : year_of(date) - 1;
}

int kpi_date_fiscal_range(int32_t *first, int32_t *last, int32_t fiscal_year)
{
    if (fiscal_year < MIN_YEAR || fiscal_year > MAX_FISCAL_YEAR)
        return kpi__error(KPI_ERR_DATE,
                          "fiscal year %" PRId32 " is not 1..9998 (it ends in March of "
                          "the next year, which must be at most 9999)",
                          fiscal_year);
    if (first)
        *first = make_date(fiscal_year, 4, 1);
    if (last)
        *last = make_date(fiscal_year + 1, 3, 31);
    return KPI_OK;
}

int kpi_date_diff(int32_t *out, int32_t from, int32_t to)
{
    if (!out)
        return kpi__error_null("kpi_date_diff", "out");
    int rc = kpi__date_check(from, 0, "kpi_date_diff: from");
    if (rc == KPI_OK)
        rc = kpi__date_check(to, 0, "kpi_date_diff: to");
    if (rc != KPI_OK)
        return rc;
    *out = kpi__date_to_days(to) - kpi__date_to_days(from);
    return KPI_OK;
}

int kpi_date_add_days(int32_t *out, int32_t date, int32_t days)
{
    if (!out)
        return kpi__error_null("kpi_date_add_days", "out");
    int rc = kpi__date_check(date, 0, "kpi_date_add_days");
    if (rc != KPI_OK)
        return rc;
    /* In 64 bits: days may be anywhere in int32_t, and the sum must be
     * compared with the calendar's ends before it is narrowed. */
    int64_t result = (int64_t)kpi__date_to_days(date) + days;
    if (result < 0 || result > MAX_DAY_NUMBER)
        return kpi__error(KPI_ERR_DATE,
                          "kpi_date_add_days: %" PRId32 " + %" PRId32
                          " days leaves the years 1..9999",
                          date, days);
    *out = kpi__date_from_days((int32_t)result);
    return KPI_OK;
}

/* ---- Internal day arithmetic ------------------------------------------- */

int32_t kpi__date_to_days(int32_t date)
{
    /* The precondition is a valid date; an invalid one would index the
     * month tables out of bounds, so answer -1 instead of reading memory. */
    if (!kpi_date_is_valid(date))
        return -1;
    int32_t year = year_of(date);
    int32_t before = year - 1; /* whole years since 0001-01-01 */
    int32_t leap_days = before / 4 - before / 100 + before / 400;
    return before * 365 + leap_days + days_before_month(year, month_of(date)) +
           day_of(date) - 1;
}

int32_t kpi__date_from_days(int32_t days)
{
    if (days < 0 || days > MAX_DAY_NUMBER)
        return 0; /* no date: outside the years 1..9999 */
    /* Peel off whole 400-, 100-, 4- and 1-year periods. The 100- and
     * 1-year periods can come out as 4 only on the last day of a 400- or
     * 4-year period (its leap day makes it one day longer), which is
     * December 31 of the year before. */
    int32_t n400 = days / DAYS_PER_400_YEARS;
    int32_t rest = days % DAYS_PER_400_YEARS;
    int32_t n100 = rest / DAYS_PER_100_YEARS;
    rest %= DAYS_PER_100_YEARS;
    int32_t n4 = rest / DAYS_PER_4_YEARS;
    rest %= DAYS_PER_4_YEARS;
    int32_t n1 = rest / 365;
    rest %= 365;
    int32_t year = n400 * 400 + n100 * 100 + n4 * 4 + n1 + 1;
    if (n100 == 4 || n1 == 4)
        return make_date(year - 1, 12, 31);
    /* rest is the 0-based day of the year, 0..365. Months are 28 to 31
     * days, so (rest + 50) / 32, which is 1..12, is the month or the one
     * after it. */
    int32_t month = (rest + 50) / 32;
    if (days_before_month(year, month) > rest)
        month--;
    return make_date(year, month, rest - days_before_month(year, month) + 1);
}

int kpi__date_check(int32_t date, int allow_unset, const char *what)
{
    if (!what)
        what = "date";
    if (date == 0 && allow_unset)
        return KPI_OK;
    if (date == 0)
        return kpi__error(KPI_ERR_DATE, "%s: a date is required (0 means no date)", what);
    if (!kpi_date_is_valid(date))
        return kpi__error(KPI_ERR_DATE, "%s: %" PRId32 " is not a valid date (YYYYMMDD)",
                          what, date);
    return KPI_OK;
}

/* ---- Reading code points ---------------------------------------------- */

/* Code points the parser knows. */
enum {
    CP_IDEOGRAPHIC_SPACE = 0x3000,
    CP_FULLWIDTH_HYPHEN = 0xFF0D,
    CP_FULLWIDTH_FULL_STOP = 0xFF0E,
    CP_FULLWIDTH_SOLIDUS = 0xFF0F,
    CP_FULLWIDTH_ZERO = 0xFF10,
    CP_FULLWIDTH_NINE = 0xFF19,
    CP_FULLWIDTH_A = 0xFF21,
    CP_FULLWIDTH_Z = 0xFF3A,
    CP_FULLWIDTH_SMALL_A = 0xFF41,
    CP_FULLWIDTH_SMALL_Z = 0xFF5A,
    CP_NEN = 0x5E74,   /* 年 year */
    CP_GATSU = 0x6708, /* 月 month */
    CP_NICHI = 0x65E5, /* 日 day */
    CP_DO = 0x5EA6,    /* 度, in 年度: fiscal year */
    CP_GAN = 0x5143    /* 元, in 元年: the first year of an era */
};

/* The code point at p, with its length in *len, or -1 (length 1) for a
 * byte that starts no valid UTF-8 sequence (see kpi__utf8_decode()). */
static int32_t decode_utf8(const char *p, const char *end, int *len)
{
    uint32_t cp;
    size_t n = kpi__utf8_decode(p, (size_t)(end - p), &cp);
    *len = n ? (int)n : 1;
    return n ? (int32_t)cp : -1;
}

/* The text being parsed, already trimmed. */
struct scanner {
    const char *text; /* the trimmed text, quoted in messages */
    const char *p;    /* the next byte to read */
    const char *end;  /* one past the trimmed text */
};

/* The next code point without consuming it; -1 at the end. */
static int32_t peek(const struct scanner *s, int *len)
{
    *len = 0;
    return s->p < s->end ? decode_utf8(s->p, s->end, len) : -1;
}

/* Consumes the next code point when it is cp. */
static int accept(struct scanner *s, int32_t cp)
{
    int len;
    if (peek(s, &len) != cp)
        return 0;
    s->p += len;
    return 1;
}

/* Consumes a digit, ASCII or full-width, and returns its value; -1 when
 * the next code point is no digit. */
static int accept_digit(struct scanner *s)
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
static char accept_letter(struct scanner *s)
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
static char accept_separator(struct scanner *s)
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
static int at_digit(const struct scanner *s)
{
    struct scanner copy = *s;
    return accept_digit(&copy) >= 0;
}

static int is_inner_blank(int32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == CP_IDEOGRAPHIC_SPACE;
}

/* Japanese documents pad single-digit numbers for alignment
 * ("平成29年 9月 1日"), so blanks may follow 年, 月 and an era name. */
static void skip_inner_blanks(struct scanner *s)
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
static struct scanner scanner_over(const char *text)
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
    struct scanner s = {start, start, end};
    return s;
}

/* ---- Error messages ----------------------------------------------------- */

/* How many bytes of p (n long) to show: at most max, cut before a UTF-8
 * continuation byte so that no character is split. */
static int clip_utf8(const char *p, ptrdiff_t n, int max)
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
static int vreport(const struct scanner *s, const char *verdict, const char *fmt,
                   va_list ap)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 0)))
#endif
    ;

static int vreport(const struct scanner *s, const char *verdict, const char *fmt,
                   va_list ap)
{
    char reason[256];
    vsnprintf(reason, sizeof reason, fmt, ap);
    ptrdiff_t length = s->end - s->text;
    int shown = clip_utf8(s->text, length, MAX_QUOTED);
    return kpi__error(KPI_ERR_DATE, "\"%.*s%s\" %s%s", shown, s->text,
                      shown < length ? "..." : "", verdict, reason);
}

/* Records KPI_ERR_DATE as `"<text>" is not a date: <reason>`. */
static int fail(const struct scanner *s, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static int fail(const struct scanner *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = vreport(s, "is not a date: ", fmt, ap);
    va_end(ap);
    return rc;
}

/* Records KPI_ERR_DATE as `"<text>" names a period, not a day: <what>`. */
static int fail_not_a_day(const struct scanner *s, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static int fail_not_a_day(const struct scanner *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = vreport(s, "names a period, not a day: ", fmt, ap);
    va_end(ap);
    return rc;
}

/* ---- Parsing ------------------------------------------------------------ */

/* What a text names: one day, or a month, calendar year or fiscal year. */
enum period_kind { PERIOD_DAY, PERIOD_MONTH, PERIOD_YEAR, PERIOD_FISCAL_YEAR };

struct period {
    enum period_kind kind;
    int32_t year; /* the fiscal year for PERIOD_FISCAL_YEAR */
    int32_t month;
    int32_t day;
};

/* A Japanese era: 平成29年 is year 1988 + 29. */
struct era {
    int32_t name[2]; /* the two kanji */
    char letter;     /* the initial used in H29.9.30 */
    int32_t offset;
};

static const struct era eras[] = {
    {{0x660E, 0x6CBB}, 'M', 1867}, /* 明治 Meiji */
    {{0x5927, 0x6B63}, 'T', 1911}, /* 大正 Taisho */
    {{0x662D, 0x548C}, 'S', 1925}, /* 昭和 Showa */
    {{0x5E73, 0x6210}, 'H', 1988}, /* 平成 Heisei */
    {{0x4EE4, 0x548C}, 'R', 2018}, /* 令和 Reiwa */
};

#define ERA_COUNT (sizeof eras / sizeof eras[0])

/* Reads a run of digits: its value in *value and its start in *start.
 * Returns how many digits there were. Only the first 9 count towards the
 * value, which then fits int32_t whatever the text holds; callers refuse
 * runs that long anyway. */
static int read_digits(struct scanner *s, int32_t *value, const char **start)
{
    int count = 0;
    int digit;
    *value = 0;
    *start = s->p;
    while ((digit = accept_digit(s)) >= 0) {
        if (count < 9)
            *value = *value * 10 + digit;
        count++;
    }
    return count;
}

/* Reads a month or day number of 1 or 2 digits; its range is checked once
 * the whole date is known. */
static int read_small_number(struct scanner *s, const char *what, int32_t *value)
{
    const char *start;
    int count = read_digits(s, value, &start);
    if (count == 0)
        return fail(s, "expected the %s as a number", what);
    if (count > 2)
        return fail(s, "%s %.*s has more than 2 digits", what,
                    clip_utf8(start, s->p - start, MAX_UNEXPECTED), start);
    return KPI_OK;
}

/* Reads a Western year: exactly four digits, as in ISO 8601, so that
 * "17-9-30" is not silently taken for the year 17. */
static int read_western_year(struct scanner *s, int32_t *year)
{
    const char *start;
    int count = read_digits(s, year, &start);
    int shown = clip_utf8(start, s->p - start, MAX_UNEXPECTED);
    if (count > 4)
        return fail(s, "year %.*s has more than 4 digits (years are 1..9999)", shown,
                    start);
    if (count < 4)
        return fail(s, "year %.*s must have 4 digits", shown, start);
    return KPI_OK;
}

/* Whether an era year, digits or 元, comes next. */
static int at_era_year(const struct scanner *s)
{
    struct scanner copy = *s;
    return at_digit(s) || accept(&copy, CP_GAN);
}

/* Whether the text is eight digits alone, a YYYYMMDD date: the API's own
 * form, but in a text it is too easily a number, so it gets a hint. */
static int is_compact_date(const struct scanner *s)
{
    struct scanner copy = *s;
    int32_t value;
    const char *start;
    return read_digits(&copy, &value, &start) == 8 && copy.p == copy.end;
}

/* The era whose kanji name or initial starts the text, consumed; NULL (and
 * nothing consumed) when there is none. An initial counts only when the
 * era year follows it, so that words such as "Hello" are not misread. */
static const struct era *accept_era(struct scanner *s)
{
    const char *mark = s->p;
    for (size_t i = 0; i < ERA_COUNT; i++) {
        if (accept(s, eras[i].name[0]) && accept(s, eras[i].name[1])) {
            skip_inner_blanks(s);
            return &eras[i];
        }
        s->p = mark;
    }
    char letter = accept_letter(s);
    if (letter && at_era_year(s)) {
        for (size_t i = 0; i < ERA_COUNT; i++) {
            if (eras[i].letter == letter)
                return &eras[i];
        }
    }
    s->p = mark;
    return NULL;
}

/* Reads the year of an era, digits or 元 (the first year), as a Western
 * year. Era years are mapped without checking the era's end: plans written
 * before 2019 use 平成32年 for 2020. */
static int read_era_year(struct scanner *s, const struct era *era, int32_t *year)
{
    int32_t number = 1;
    if (!accept(s, CP_GAN)) {
        const char *start;
        int count = read_digits(s, &number, &start);
        if (count == 0)
            return fail(s, "expected the era year");
        if (count > 4)
            return fail(s, "era year %.*s has more than 4 digits",
                        clip_utf8(start, s->p - start, MAX_UNEXPECTED), start);
        if (number < 1)
            return fail(s, "era year %" PRId32 " is not 1 or more (the first is 元年)",
                        number);
    }
    *year = era->offset + number;
    return KPI_OK;
}

/* After 年: 度 (a fiscal year), a month with 月 and maybe a day with 日, or
 * nothing (the calendar year). */
static int parse_kanji_tail(struct scanner *s, struct period *out)
{
    int rc;
    if (accept(s, CP_DO)) {
        out->kind = PERIOD_FISCAL_YEAR;
        return KPI_OK;
    }
    skip_inner_blanks(s);
    out->kind = PERIOD_YEAR;
    if (!at_digit(s))
        return KPI_OK; /* the caller refuses anything left over */
    if ((rc = read_small_number(s, "month", &out->month)) != KPI_OK)
        return rc;
    if (!accept(s, CP_GATSU))
        return fail(s, "expected \xe6\x9c\x88 after the month");
    skip_inner_blanks(s);
    out->kind = PERIOD_MONTH;
    if (!at_digit(s))
        return KPI_OK;
    if ((rc = read_small_number(s, "day", &out->day)) != KPI_OK)
        return rc;
    if (!accept(s, CP_NICHI))
        return fail(s, "expected \xe6\x97\xa5 after the day");
    out->kind = PERIOD_DAY;
    return KPI_OK;
}

/* After the year and a first separator: the month, then maybe the same
 * separator and the day. */
static int parse_separated_tail(struct scanner *s, char separator, struct period *out)
{
    int rc = read_small_number(s, "month", &out->month);
    if (rc != KPI_OK)
        return rc;
    out->kind = PERIOD_MONTH;
    const char *mark = s->p;
    char second = accept_separator(s);
    if (!second)
        return KPI_OK;
    if (second != separator) {
        s->p = mark;
        return fail(s, "the separators \"%c\" and \"%c\" differ", separator, second);
    }
    if ((rc = read_small_number(s, "day", &out->day)) != KPI_OK)
        return rc;
    out->kind = PERIOD_DAY;
    return KPI_OK;
}

/* What follows a year: 年 and the kanji forms, or a separator and the
 * numeric forms. */
static int parse_after_year(struct scanner *s, struct period *out)
{
    if (accept(s, CP_NEN))
        return parse_kanji_tail(s, out);
    char separator = accept_separator(s);
    if (separator)
        return parse_separated_tail(s, separator, out);
    return fail(s, "expected \"-\", \"/\", \".\" or \xe5\xb9\xb4 after the year");
}

/* "FY" and a Western year, after the letters have been read. */
static int parse_fy(struct scanner *s, struct period *out)
{
    if (!at_digit(s))
        return fail(s, "expected a 4-digit year after FY");
    out->kind = PERIOD_FISCAL_YEAR;
    return read_western_year(s, &out->year);
}

/* Whether the text starts with the letters FY, consumed if so. */
static int accept_fy(struct scanner *s)
{
    const char *mark = s->p;
    if (accept_letter(s) == 'F' && accept_letter(s) == 'Y')
        return 1;
    s->p = mark;
    return 0;
}

/* The structure of the text: which form it is and its numbers, unchecked. */
static int parse_structure(struct scanner *s, struct period *out)
{
    int rc;
    const struct era *era;
    if (s->p == s->end)
        return fail(s, "the text is empty");
    if (accept_fy(s))
        rc = parse_fy(s, out);
    else if ((era = accept_era(s)) != NULL)
        rc = read_era_year(s, era, &out->year);
    else if (is_compact_date(s))
        return fail(s, "write the day with separators, e.g. 2017-09-30");
    else if (at_digit(s))
        rc = read_western_year(s, &out->year);
    else
        return fail(s, "expected a date such as 2017-09-30, 2017-09, H29.9.30, "
                       "\xe5\xb9\xb3\xe6\x88\x90"
                       "29\xe5\xb9\xb4"
                       "9\xe6\x9c\x88"
                       "30\xe6\x97\xa5 or FY2017");
    if (rc == KPI_OK && out->kind != PERIOD_FISCAL_YEAR)
        rc = parse_after_year(s, out);
    if (rc == KPI_OK && s->p != s->end)
        return fail(s, "unexpected \"%.*s\" after the date",
                    clip_utf8(s->p, s->end - s->p, MAX_UNEXPECTED), s->p);
    return rc;
}

/* Checks the numbers of a well-formed text against the calendar. */
static int check_period(const struct scanner *s, const struct period *period)
{
    char reason[128];
    if (date_problem(reason, sizeof reason, period->year, period->month, period->day))
        return fail(s, "%s", reason);
    if (period->kind == PERIOD_FISCAL_YEAR && period->year > MAX_FISCAL_YEAR)
        return fail(s, "fiscal year %" PRId32 " is not 1..9998 (it ends in %" PRId32 ")",
                    period->year, period->year + 1);
    return KPI_OK;
}

/* Reads any accepted form of text into *out. */
static int parse_period(struct period *out, const char *text)
{
    struct scanner s = scanner_over(text);
    /* Parts a form leaves out are the first ones, so that a month or a
     * year checks as its first day. */
    out->kind = PERIOD_DAY;
    out->year = 0;
    out->month = 1;
    out->day = 1;
    int rc = parse_structure(&s, out);
    if (rc == KPI_OK)
        rc = check_period(&s, out);
    return rc;
}

/* The first and last day of a checked period. */
static void period_bounds(const struct period *period, int32_t *first, int32_t *last)
{
    int32_t y = period->year;
    switch (period->kind) {
    case PERIOD_DAY:
        *first = *last = make_date(y, period->month, period->day);
        break;
    case PERIOD_MONTH:
        *first = make_date(y, period->month, 1);
        *last = make_date(y, period->month, days_in_month(y, period->month));
        break;
    case PERIOD_YEAR:
        *first = make_date(y, 1, 1);
        *last = make_date(y, 12, 31);
        break;
    case PERIOD_FISCAL_YEAR:
        *first = make_date(y, 4, 1);
        *last = make_date(y + 1, 3, 31);
        break;
    }
}

static const char *period_name(enum period_kind kind)
{
    switch (kind) {
    case PERIOD_MONTH:
        return "a month";
    case PERIOD_YEAR:
        return "a year";
    case PERIOD_FISCAL_YEAR:
        return "a fiscal year";
    case PERIOD_DAY:
        break;
    }
    return "a day";
}

int kpi_date_parse(int32_t *out, const char *text)
{
    struct period period;
    int32_t first = 0, last = 0;
    if (!out)
        return kpi__error_null("kpi_date_parse", "out");
    if (!text)
        return kpi__error_null("kpi_date_parse", "text");
    int rc = parse_period(&period, text);
    if (rc != KPI_OK)
        return rc;
    period_bounds(&period, &first, &last);
    if (period.kind != PERIOD_DAY) {
        /* Taking the first or the last day would each be right for some
         * fields; the caller who wants a period says so with
         * kpi_date_parse_range(). */
        struct scanner s = scanner_over(text);
        char from[ISO_SIZE], to[ISO_SIZE];
        write_iso(from, first);
        write_iso(to, last);
        return fail_not_a_day(&s, "%s, %s..%s", period_name(period.kind), from, to);
    }
    *out = first;
    return KPI_OK;
}

/* "YYYY-MM-DD" and nothing else: the form files written by libkpi use, read
 * here without the general parser because a national plan holds millions
 * of them. Returns the date, or 0 when the text is anything else (the
 * general parser then decides, and gives the message). */
static int32_t plain_iso(const char *s)
{
    for (int i = 0; i < 10; i++) {
        int dash = i == 4 || i == 7;
        if (dash ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
            return 0;
    }
    if (s[10] != '\0')
        return 0;
    int32_t date = (int32_t)(s[0] - '0') * 10000000 + (s[1] - '0') * 1000000 +
                   (s[2] - '0') * 100000 + (s[3] - '0') * 10000 + (s[5] - '0') * 1000 +
                   (s[6] - '0') * 100 + (s[8] - '0') * 10 + (s[9] - '0');
    return kpi_date_is_valid(date) ? date : 0;
}

int kpi_date_parse_range(int32_t *first, int32_t *last, const char *text)
{
    struct period period;
    int32_t from = 0, to = 0;
    if (!text)
        return kpi__error_null("kpi_date_parse_range", "text");
    int32_t iso = plain_iso(text);
    if (iso) {
        if (first)
            *first = iso;
        if (last)
            *last = iso;
        return KPI_OK;
    }
    int rc = parse_period(&period, text);
    if (rc != KPI_OK)
        return rc;
    period_bounds(&period, &from, &to);
    if (first)
        *first = from;
    if (last)
        *last = to;
    return KPI_OK;
}
