/* Dates as int32_t YYYYMMDD: validation, day arithmetic, fiscal years and
 * the ISO form. (Reading dates from text is date_parse.c.)
 *
 * Day numbers count from 0001-01-01 (day 0) in the proleptic Gregorian
 * calendar and are computed arithmetically, never with libc time functions:
 * time_t and struct tm differ between platforms and cannot reach year 1. */
#include "util/date.h"

#include "util/alloc.h"
#include "util/error.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#define MIN_YEAR 1
#define MAX_YEAR KPI__DATE_MAX_YEAR
/* A fiscal year ends on March 31 of the next year, which must exist. */
#define MAX_FISCAL_YEAR (MAX_YEAR - 1)
/* kpi__date_to_days(99991231). */
#define MAX_DAY_NUMBER 3652058
/* Days in 400, 100 and 4 Gregorian years, the periods the calendar repeats. */
#define DAYS_PER_400_YEARS 146097
#define DAYS_PER_100_YEARS 36524
#define DAYS_PER_4_YEARS 1461

/* ---- Calendar rules ---------------------------------------------------- */

static int is_leap_year(int32_t year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int32_t kpi__date_days_in_month(int32_t year, int32_t month)
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

int kpi__date_problem(char *reason, size_t size, int32_t year, int32_t month, int32_t day)
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
    int32_t last = kpi__date_days_in_month(year, month);
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

int32_t kpi__date_make(int32_t year, int32_t month, int32_t day)
{
    return year * 10000 + month * 100 + day;
}

/* The eight digits of YYYYMMDD fill the template from the right. Done by
 * hand because a valid date has a known width, which snprintf's truncation
 * checks cannot see. */
void kpi__date_iso(char out[KPI__DATE_ISO_SIZE], int32_t date)
{
    if (date <= 0) {
        out[0] = '\0';
        return;
    }
    memcpy(out, "0000-00-00", KPI__DATE_ISO_SIZE);
    for (int i = KPI__DATE_ISO_SIZE - 2; i >= 0; i--) {
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
    return !kpi__date_problem(NULL, 0, year_of(date), month_of(date), day_of(date));
}

int kpi_date_make(int32_t *out, int32_t year, int32_t month, int32_t day)
{
    char reason[128];
    if (!out)
        return kpi__error_null("kpi_date_make", "out");
    if (kpi__date_problem(reason, sizeof reason, year, month, day))
        return kpi__error(KPI_ERR_DATE,
                          "year %" PRId32 ", month %" PRId32 ", day %" PRId32
                          " is not a date: %s",
                          year, month, day, reason);
    *out = kpi__date_make(year, month, day);
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
    char *text = kpi__malloc(KPI__DATE_ISO_SIZE);
    if (!text)
        return KPI_ERR_NOMEM;
    kpi__date_iso(text, date);
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
        *first = kpi__date_make(fiscal_year, 4, 1);
    if (last)
        *last = kpi__date_make(fiscal_year + 1, 3, 31);
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
        return kpi__date_make(year - 1, 12, 31);
    /* rest is the 0-based day of the year, 0..365. Months are 28 to 31
     * days, so (rest + 50) / 32, which is 1..12, is the month or the one
     * after it. */
    int32_t month = (rest + 50) / 32;
    if (days_before_month(year, month) > rest)
        month--;
    return kpi__date_make(year, month, rest - days_before_month(year, month) + 1);
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
