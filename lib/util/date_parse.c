/* Reading dates from text: ISO forms, Japanese era forms (平成29年9月30日,
 * H29.9.30, 令和元年), months, years and fiscal years (平成29年度, FY2017),
 * in full-width characters too.
 *
 * The parser works on Unicode code points decoded from the UTF-8 text, so
 * that full-width digits, letters and separators are simply more code
 * points to accept, and invalid UTF-8 can never be half-matched. */
#include "util/date.h"
#include "util/date_scan.h"
#include "util/error.h"

#include <inttypes.h>
#include <string.h>

#define MAX_UNEXPECTED 24

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
static int read_digits(struct kpi__scanner *s, int32_t *value, const char **start)
{
    int count = 0;
    int digit;
    *value = 0;
    *start = s->p;
    while ((digit = kpi__scan_accept_digit(s)) >= 0) {
        if (count < 9)
            *value = *value * 10 + digit;
        count++;
    }
    return count;
}

/* Reads a month or day number of 1 or 2 digits; its range is checked once
 * the whole date is known. */
static int read_small_number(struct kpi__scanner *s, const char *what, int32_t *value)
{
    const char *start;
    int count = read_digits(s, value, &start);
    if (count == 0)
        return kpi__scan_fail(s, "expected the %s as a number", what);
    if (count > 2)
        return kpi__scan_fail(s, "%s %.*s has more than 2 digits", what,
                              kpi__scan_clip_utf8(start, s->p - start, MAX_UNEXPECTED),
                              start);
    return KPI_OK;
}

/* Reads a Western year: exactly four digits, as in ISO 8601, so that
 * "17-9-30" is not silently taken for the year 17. */
static int read_western_year(struct kpi__scanner *s, int32_t *year)
{
    const char *start;
    int count = read_digits(s, year, &start);
    int shown = kpi__scan_clip_utf8(start, s->p - start, MAX_UNEXPECTED);
    if (count > 4)
        return kpi__scan_fail(s, "year %.*s has more than 4 digits (years are 1..9999)",
                              shown, start);
    if (count < 4)
        return kpi__scan_fail(s, "year %.*s must have 4 digits", shown, start);
    return KPI_OK;
}

/* Whether an era year, digits or 元, comes next. */
static int at_era_year(const struct kpi__scanner *s)
{
    struct kpi__scanner copy = *s;
    return kpi__scan_at_digit(s) || kpi__scan_accept(&copy, CP_GAN);
}

/* Whether the text is eight digits alone, a YYYYMMDD date: the API's own
 * form, but in a text it is too easily a number, so it gets a hint. */
static int is_compact_date(const struct kpi__scanner *s)
{
    struct kpi__scanner copy = *s;
    int32_t value;
    const char *start;
    return read_digits(&copy, &value, &start) == 8 && copy.p == copy.end;
}

/* The era whose kanji name or initial starts the text, consumed; NULL (and
 * nothing consumed) when there is none. An initial counts only when the
 * era year follows it, so that words such as "Hello" are not misread. */
static const struct era *accept_era(struct kpi__scanner *s)
{
    const char *mark = s->p;
    for (size_t i = 0; i < ERA_COUNT; i++) {
        if (kpi__scan_accept(s, eras[i].name[0]) &&
            kpi__scan_accept(s, eras[i].name[1])) {
            kpi__scan_skip_inner_blanks(s);
            return &eras[i];
        }
        s->p = mark;
    }
    char letter = kpi__scan_accept_letter(s);
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
static int read_era_year(struct kpi__scanner *s, const struct era *era, int32_t *year)
{
    int32_t number = 1;
    if (!kpi__scan_accept(s, CP_GAN)) {
        const char *start;
        int count = read_digits(s, &number, &start);
        if (count == 0)
            return kpi__scan_fail(s, "expected the era year");
        if (count > 4)
            return kpi__scan_fail(
                s, "era year %.*s has more than 4 digits",
                kpi__scan_clip_utf8(start, s->p - start, MAX_UNEXPECTED), start);
        if (number < 1)
            return kpi__scan_fail(
                s, "era year %" PRId32 " is not 1 or more (the first is 元年)", number);
    }
    *year = era->offset + number;
    return KPI_OK;
}

/* After 年: 度 (a fiscal year), a month with 月 and maybe a day with 日, or
 * nothing (the calendar year). */
static int parse_kanji_tail(struct kpi__scanner *s, struct period *out)
{
    int rc;
    if (kpi__scan_accept(s, CP_DO)) {
        out->kind = PERIOD_FISCAL_YEAR;
        return KPI_OK;
    }
    kpi__scan_skip_inner_blanks(s);
    out->kind = PERIOD_YEAR;
    if (!kpi__scan_at_digit(s))
        return KPI_OK; /* the caller refuses anything left over */
    if ((rc = read_small_number(s, "month", &out->month)) != KPI_OK)
        return rc;
    if (!kpi__scan_accept(s, CP_GATSU))
        return kpi__scan_fail(s, "expected \xe6\x9c\x88 after the month");
    kpi__scan_skip_inner_blanks(s);
    out->kind = PERIOD_MONTH;
    if (!kpi__scan_at_digit(s))
        return KPI_OK;
    if ((rc = read_small_number(s, "day", &out->day)) != KPI_OK)
        return rc;
    if (!kpi__scan_accept(s, CP_NICHI))
        return kpi__scan_fail(s, "expected \xe6\x97\xa5 after the day");
    out->kind = PERIOD_DAY;
    return KPI_OK;
}

/* After the year and a first separator: the month, then maybe the same
 * separator and the day. */
static int parse_separated_tail(struct kpi__scanner *s, char separator,
                                struct period *out)
{
    int rc = read_small_number(s, "month", &out->month);
    if (rc != KPI_OK)
        return rc;
    out->kind = PERIOD_MONTH;
    const char *mark = s->p;
    char second = kpi__scan_accept_separator(s);
    if (!second)
        return KPI_OK;
    if (second != separator) {
        s->p = mark;
        return kpi__scan_fail(s, "the separators \"%c\" and \"%c\" differ", separator,
                              second);
    }
    if ((rc = read_small_number(s, "day", &out->day)) != KPI_OK)
        return rc;
    out->kind = PERIOD_DAY;
    return KPI_OK;
}

/* What follows a year: 年 and the kanji forms, or a separator and the
 * numeric forms. */
static int parse_after_year(struct kpi__scanner *s, struct period *out)
{
    if (kpi__scan_accept(s, CP_NEN))
        return parse_kanji_tail(s, out);
    char separator = kpi__scan_accept_separator(s);
    if (separator)
        return parse_separated_tail(s, separator, out);
    return kpi__scan_fail(s,
                          "expected \"-\", \"/\", \".\" or \xe5\xb9\xb4 after the year");
}

/* "FY" and a Western year, after the letters have been read. */
static int parse_fy(struct kpi__scanner *s, struct period *out)
{
    if (!kpi__scan_at_digit(s))
        return kpi__scan_fail(s, "expected a 4-digit year after FY");
    out->kind = PERIOD_FISCAL_YEAR;
    return read_western_year(s, &out->year);
}

/* Whether the text starts with the letters FY, consumed if so. */
static int accept_fy(struct kpi__scanner *s)
{
    const char *mark = s->p;
    if (kpi__scan_accept_letter(s) == 'F' && kpi__scan_accept_letter(s) == 'Y')
        return 1;
    s->p = mark;
    return 0;
}

/* The structure of the text: which form it is and its numbers, unchecked. */
static int parse_structure(struct kpi__scanner *s, struct period *out)
{
    int rc;
    const struct era *era;
    if (s->p == s->end)
        return kpi__scan_fail(s, "the text is empty");
    if (accept_fy(s))
        rc = parse_fy(s, out);
    else if ((era = accept_era(s)) != NULL)
        rc = read_era_year(s, era, &out->year);
    else if (is_compact_date(s))
        return kpi__scan_fail(s, "write the day with separators, e.g. 2017-09-30");
    else if (kpi__scan_at_digit(s))
        rc = read_western_year(s, &out->year);
    else
        return kpi__scan_fail(s, "expected a date such as 2017-09-30, 2017-09, H29.9.30, "
                                 "\xe5\xb9\xb3\xe6\x88\x90"
                                 "29\xe5\xb9\xb4"
                                 "9\xe6\x9c\x88"
                                 "30\xe6\x97\xa5 or FY2017");
    if (rc == KPI_OK && out->kind != PERIOD_FISCAL_YEAR)
        rc = parse_after_year(s, out);
    if (rc == KPI_OK && s->p != s->end)
        return kpi__scan_fail(s, "unexpected \"%.*s\" after the date",
                              kpi__scan_clip_utf8(s->p, s->end - s->p, MAX_UNEXPECTED),
                              s->p);
    return rc;
}

/* Checks the numbers of a well-formed text against the calendar. */
static int check_period(const struct kpi__scanner *s, const struct period *period)
{
    char reason[128];
    if (kpi__date_problem(reason, sizeof reason, period->year, period->month,
                          period->day))
        return kpi__scan_fail(s, "%s", reason);
    if (period->kind == PERIOD_FISCAL_YEAR && period->year > (KPI__DATE_MAX_YEAR - 1))
        return kpi__scan_fail(
            s, "fiscal year %" PRId32 " is not 1..9998 (it ends in %" PRId32 ")",
            period->year, period->year + 1);
    return KPI_OK;
}

/* Reads any accepted form of text into *out. */
static int parse_period(struct period *out, const char *text)
{
    struct kpi__scanner s = kpi__scan_over(text);
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
        *first = *last = kpi__date_make(y, period->month, period->day);
        break;
    case PERIOD_MONTH:
        *first = kpi__date_make(y, period->month, 1);
        *last =
            kpi__date_make(y, period->month, kpi__date_days_in_month(y, period->month));
        break;
    case PERIOD_YEAR:
        *first = kpi__date_make(y, 1, 1);
        *last = kpi__date_make(y, 12, 31);
        break;
    case PERIOD_FISCAL_YEAR:
        *first = kpi__date_make(y, 4, 1);
        *last = kpi__date_make(y + 1, 3, 31);
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
        struct kpi__scanner s = kpi__scan_over(text);
        char from[KPI__DATE_ISO_SIZE], to[KPI__DATE_ISO_SIZE];
        kpi__date_iso(from, first);
        kpi__date_iso(to, last);
        return kpi__scan_fail_not_a_day(&s, "%s, %s..%s", period_name(period.kind), from,
                                        to);
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
