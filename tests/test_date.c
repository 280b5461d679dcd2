/* Tests of dates: validity, the text parser (every accepted form, full-width
 * input, every error), formatting, fiscal years and day arithmetic. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "kpi.h"
#include "util/date.h"

#include <string.h>

/* ---- Helpers ------------------------------------------------------------ */

/* Fails, showing both strings, unless needle occurs in haystack. */
static void assert_contains(const char *haystack, const char *needle)
{
    if (!strstr(haystack, needle)) {
        print_error("expected \"%s\" in \"%s\"\n", needle, haystack);
        fail();
    }
}

/* Checks that the last error is code and that its message contains both
 * fragments (NULL to skip one). */
static void assert_last_error(int code, const char *fragment1, const char *fragment2)
{
    assert_int_equal(kpi_error_code(), code);
    if (fragment1)
        assert_contains(kpi_error_message(), fragment1);
    if (fragment2)
        assert_contains(kpi_error_message(), fragment2);
}

/* A text naming one day: both parsers give that day. */
static void check_day(const char *text, int32_t expected)
{
    int32_t day = -1, first = -1, last = -1;
    int rc = kpi_date_parse(&day, text);
    if (rc != KPI_OK)
        print_error("kpi_date_parse(\"%s\"): %s\n", text, kpi_error_message());
    assert_int_equal(rc, KPI_OK);
    assert_int_equal(day, expected);
    assert_int_equal(kpi_date_parse_range(&first, &last, text), KPI_OK);
    assert_int_equal(first, expected);
    assert_int_equal(last, expected);
}

/* A text naming a period: kpi_date_parse_range() gives its ends and
 * kpi_date_parse() refuses it, leaving its output alone. */
static void check_period(const char *text, int32_t expected_first, int32_t expected_last)
{
    int32_t first = -1, last = -1, day = -1;
    int rc = kpi_date_parse_range(&first, &last, text);
    if (rc != KPI_OK)
        print_error("kpi_date_parse_range(\"%s\"): %s\n", text, kpi_error_message());
    assert_int_equal(rc, KPI_OK);
    assert_int_equal(first, expected_first);
    assert_int_equal(last, expected_last);

    kpi_error_clear();
    assert_int_equal(kpi_date_parse(&day, text), KPI_ERR_DATE);
    assert_last_error(KPI_ERR_DATE, "names a period, not a day", text);
    assert_int_equal(day, -1);
}

/* A text that is no date: both parsers fail with KPI_ERR_DATE, leave their
 * outputs alone and quote shown (the text without its surrounding blanks)
 * and name the reason. */
static void check_error(const char *text, const char *shown, const char *reason)
{
    int32_t day = -1, first = -1, last = -1;
    kpi_error_clear();
    int rc = kpi_date_parse(&day, text);
    if (rc != KPI_ERR_DATE)
        print_error("kpi_date_parse(\"%s\") gave %d (%d)\n", text, rc, (int)day);
    assert_int_equal(rc, KPI_ERR_DATE);
    assert_last_error(KPI_ERR_DATE, shown, reason);
    assert_int_equal(day, -1);

    kpi_error_clear();
    assert_int_equal(kpi_date_parse_range(&first, &last, text), KPI_ERR_DATE);
    assert_last_error(KPI_ERR_DATE, shown, reason);
    assert_int_equal(first, -1);
    assert_int_equal(last, -1);
}

/* The test's own calendar, written independently of the library. */
static int test_is_leap(int32_t year)
{
    if (year % 400 == 0)
        return 1;
    if (year % 100 == 0)
        return 0;
    return year % 4 == 0;
}

static int32_t test_next_day(int32_t date)
{
    static const int32_t month_days[13] = {0,  31, 28, 31, 30, 31, 30,
                                           31, 31, 30, 31, 30, 31};
    int32_t year = date / 10000, month = date / 100 % 100, day = date % 100;
    int32_t last = month == 2 && test_is_leap(year) ? 29 : month_days[month];
    if (day < last)
        return date + 1;
    if (month < 12)
        return year * 10000 + (month + 1) * 100 + 1;
    return (year + 1) * 10000 + 101;
}

/* ---- Validity ------------------------------------------------------------ */

static void test_is_valid(void **state)
{
    (void)state;
    assert_true(kpi_date_is_valid(20170930));
    assert_true(kpi_date_is_valid(10101));    /* 0001-01-01 */
    assert_true(kpi_date_is_valid(99991231)); /* 9999-12-31 */
    assert_true(kpi_date_is_valid(20170131));
    assert_true(kpi_date_is_valid(20170430));
    assert_false(kpi_date_is_valid(0));
    assert_false(kpi_date_is_valid(-20170930));
    assert_false(kpi_date_is_valid(20170230));
    assert_false(kpi_date_is_valid(20170431));
    assert_false(kpi_date_is_valid(20171301));
    assert_false(kpi_date_is_valid(20170001));
    assert_false(kpi_date_is_valid(20170100));
    assert_false(kpi_date_is_valid(20170132));
    assert_false(kpi_date_is_valid(1231)); /* year 0 */
    assert_false(kpi_date_is_valid(100000101));
    assert_false(kpi_date_is_valid(INT32_MAX));
    assert_false(kpi_date_is_valid(INT32_MIN));
}

static void test_leap_years(void **state)
{
    (void)state;
    assert_true(kpi_date_is_valid(20000229));  /* divisible by 400 */
    assert_false(kpi_date_is_valid(19000229)); /* by 100, not by 400 */
    assert_true(kpi_date_is_valid(20160229));  /* by 4 */
    assert_false(kpi_date_is_valid(20170229));
    assert_false(kpi_date_is_valid(21000229));
    assert_true(kpi_date_is_valid(24000229));
    assert_true(kpi_date_is_valid(40229)); /* 0004-02-29 */
    check_day("2000-02-29", 20000229);
    check_day("2016-02-29", 20160229);
    check_error("1900-02-29", "\"1900-02-29\"", "day 29 is not 1..28");
    check_error("2017-02-29", "\"2017-02-29\"", "not a leap year");
    check_period("2016-02", 20160201, 20160229);
    check_period("2000-02", 20000201, 20000229);
    check_period("1900-02", 19000201, 19000228);
}

static void test_make(void **state)
{
    (void)state;
    int32_t date = -1;
    assert_int_equal(kpi_date_make(&date, 2017, 9, 30), KPI_OK);
    assert_int_equal(date, 20170930);
    assert_int_equal(kpi_date_make(&date, 1, 1, 1), KPI_OK);
    assert_int_equal(date, 10101);
    assert_int_equal(kpi_date_make(&date, 2016, 2, 29), KPI_OK);
    assert_int_equal(date, 20160229);

    date = -1;
    kpi_error_clear();
    assert_int_equal(kpi_date_make(&date, 2017, 2, 29), KPI_ERR_DATE);
    assert_last_error(KPI_ERR_DATE, "day 29 is not 1..28", "2017");
    assert_int_equal(date, -1);
    assert_int_equal(kpi_date_make(&date, 2017, 13, 1), KPI_ERR_DATE);
    assert_last_error(KPI_ERR_DATE, "month 13 is not 1..12", NULL);
    assert_int_equal(kpi_date_make(&date, 0, 1, 1), KPI_ERR_DATE);
    assert_last_error(KPI_ERR_DATE, "year 0 is not 1..9999", NULL);
    assert_int_equal(kpi_date_make(&date, 10000, 1, 1), KPI_ERR_DATE);
    assert_last_error(KPI_ERR_DATE, "year 10000 is not 1..9999", NULL);
    assert_int_equal(kpi_date_make(&date, -5, 1, 1), KPI_ERR_DATE);
    assert_last_error(KPI_ERR_DATE, "year -5", NULL);
    assert_int_equal(kpi_date_make(&date, 2017, 4, 0), KPI_ERR_DATE);
    assert_last_error(KPI_ERR_DATE, "day 0 is not 1..30", NULL);
    assert_int_equal(kpi_date_make(&date, INT32_MAX, INT32_MAX, INT32_MAX), KPI_ERR_DATE);
    assert_int_equal(date, -1);

    kpi_error_clear();
    assert_int_equal(kpi_date_make(NULL, 2017, 9, 30), KPI_ERR_ARGUMENT);
    assert_last_error(KPI_ERR_ARGUMENT, "kpi_date_make", "out");
}

/* ---- Parsing: accepted forms -------------------------------------------- */

static void test_parse_iso(void **state)
{
    (void)state;
    check_day("2017-09-30", 20170930);
    check_day("2017/09/30", 20170930);
    check_day("2017.9.30", 20170930);
    check_day("2017/9/30", 20170930);
    check_day("2017-9-3", 20170903);
    check_day("2017.09.03", 20170903);
    check_day("0001-01-01", 10101);
    check_day("9999-12-31", 99991231);
    check_day("2017-12-31", 20171231);
    check_day("2018-01-01", 20180101);
}

static void test_parse_blanks(void **state)
{
    (void)state;
    check_day("  2017-09-30", 20170930);
    check_day("2017-09-30  ", 20170930);
    check_day("\t2017-09-30\r\n", 20170930);
    check_day("\xe3\x80\x80"
              "2017-09-30\xe3\x80\x80",
              20170930); /* U+3000 */
    check_day(" \xe3\x80\x80 2017-09-30 \xe3\x80\x80\xe3\x80\x80 ", 20170930);
    /* Japanese documents pad numbers for alignment. */
    check_day("平成29年 9月 1日", 20170901);
    check_day("平成29年　9月　1日", 20170901);
    check_day("平成 29年9月30日", 20170930);
    check_day("2017年 9月30日", 20170930);
}

static void test_parse_month(void **state)
{
    (void)state;
    check_period("2017-09", 20170901, 20170930);
    check_period("2017/9", 20170901, 20170930);
    check_period("2017.2", 20170201, 20170228);
    check_period("2017-12", 20171201, 20171231);
    check_period("9999-12", 99991201, 99991231);
    check_period("平成29年9月", 20170901, 20170930);
    check_period("令和元年5月", 20190501, 20190531);
    check_period("2017年9月", 20170901, 20170930);
    check_period("2017年 4月", 20170401, 20170430);
    check_period("H29.9", 20170901, 20170930);
}

static void test_parse_era(void **state)
{
    (void)state;
    check_day("平成29年9月30日", 20170930);
    check_day("H29.9.30", 20170930);
    check_day("H29/9/30", 20170930);
    check_day("H29-9-30", 20170930);
    check_day("h29.9.30", 20170930);
    check_day("H29.09.30", 20170930);
    check_day("H29年9月30日", 20170930);
    check_day("平成29.9.30", 20170930);
    check_day("平成元年1月8日", 19890108);
    check_day("H1.1.8", 19890108);
    check_day("令和元年5月1日", 20190501);
    check_day("令和1年5月1日", 20190501);
    check_day("R元.5.1", 20190501);
    check_day("R5.4.1", 20230401);
    check_day("r5.4.1", 20230401);
    check_day("昭和64年1月7日", 19890107);
    check_day("S64.1.7", 19890107);
    check_day("大正15年12月25日", 19261225);
    check_day("T15.12.25", 19261225);
    check_day("明治45年7月30日", 19120730);
    check_day("M45.7.30", 19120730);
    check_day("明治元年10月23日", 18681023);
    /* Era years are not checked against the era's end. */
    check_day("平成32年4月1日", 20200401);
    check_day("H31.5.1", 20190501);
    check_day("昭和100年1月1日", 20250101);
    check_day("2017年9月30日", 20170930);
}

static void test_parse_year(void **state)
{
    (void)state;
    check_period("平成29年", 20170101, 20171231);
    check_period("令和元年", 20190101, 20191231);
    check_period("H29年", 20170101, 20171231);
    check_period("2017年", 20170101, 20171231);
    check_period("平成12年", 20000101, 20001231);
}

static void test_parse_fiscal_year(void **state)
{
    (void)state;
    check_period("平成29年度", 20170401, 20180331);
    check_period("H29年度", 20170401, 20180331);
    check_period("h29年度", 20170401, 20180331);
    check_period("令和元年度", 20190401, 20200331);
    check_period("R2年度", 20200401, 20210331);
    check_period("FY2017", 20170401, 20180331);
    check_period("fy2017", 20170401, 20180331);
    check_period("2017年度", 20170401, 20180331);
    check_period("平成32年度", 20200401, 20210331); /* FY2020 */
    check_period("FY2015", 20150401, 20160331);
    check_period("FY9998", 99980401, 99990331);
    check_period("FY0001", 10401, 20331);
}

static void test_parse_fullwidth(void **state)
{
    (void)state;
    check_day("２０１７－０９－３０", 20170930);
    check_day("２０１７／９／３０", 20170930);
    check_day("２０１７．９．３０", 20170930);
    check_day("2017－09－30", 20170930);
    check_day("２０１７-09-３０", 20170930);
    check_day("平成２９年９月３０日", 20170930);
    check_day("令和元年５月１日", 20190501);
    check_day("Ｈ２９．９．３０", 20170930);
    check_day("ｈ２９／９／３０", 20170930);
    check_day("Ｒ５．４．１", 20230401);
    check_day("２０１７年９月３０日", 20170930);
    check_day("\xe3\x80\x80平成２９年　９月３０日\xe3\x80\x80", 20170930);
    check_period("２０１７－０９", 20170901, 20170930);
    check_period("平成２９年９月", 20170901, 20170930);
    check_period("平成２９年度", 20170401, 20180331);
    check_period("ＦＹ２０１７", 20170401, 20180331);
    check_period("ｆｙ２０１７", 20170401, 20180331);
    check_period("２０１７年度", 20170401, 20180331);
}

static void test_parse_null_range_outputs(void **state)
{
    (void)state;
    int32_t first = -1, last = -1;
    assert_int_equal(kpi_date_parse_range(NULL, &last, "2017-09"), KPI_OK);
    assert_int_equal(last, 20170930);
    assert_int_equal(kpi_date_parse_range(&first, NULL, "2017-09"), KPI_OK);
    assert_int_equal(first, 20170901);
    assert_int_equal(kpi_date_parse_range(NULL, NULL, "2017-09"), KPI_OK);
    kpi_error_clear();
    assert_int_equal(kpi_date_parse_range(NULL, NULL, "2017-13"), KPI_ERR_DATE);
    assert_last_error(KPI_ERR_DATE, "\"2017-13\"", "month 13 is not 1..12");
}

/* ---- Parsing: errors ----------------------------------------------------- */

static void test_parse_impossible_dates(void **state)
{
    (void)state;
    check_error("2017-13-01", "\"2017-13-01\" is not a date: month 13 is not 1..12",
                NULL);
    check_error("2017-00-10", "\"2017-00-10\"", "month 0 is not 1..12");
    check_error("2017-02-30", "\"2017-02-30\"", "day 30 is not 1..28 in 2017-02");
    check_error("2017-04-31", "\"2017-04-31\"", "day 31 is not 1..30");
    check_error("2017-09-00", "\"2017-09-00\"", "day 0 is not 1..30");
    check_error("2017-13", "\"2017-13\"", "month 13 is not 1..12");
    check_error("0000-01-01", "\"0000-01-01\"", "year 0 is not 1..9999");
    check_error("10000-01-01", "\"10000-01-01\"", "year 10000 has more than 4 digits");
    check_error("99999999999999999999-01-01", "\"99999999999999999999-01-01\"",
                "has more than 4 digits");
    check_error("2017-99999999999999999999-01", "\"2017-99999999999999999999-01\"",
                "month 99999999999999999999 has more than 2 digits");
    check_error("2017-09-3000", "\"2017-09-3000\"", "day 3000 has more than 2 digits");
    check_error("2017-009-30", "\"2017-009-30\"", "month 009 has more than 2 digits");
    check_error("平成29年13月1日", "\"平成29年13月1日\"", "month 13 is not 1..12");
    check_error("平成29年2月29日", "\"平成29年2月29日\"", "day 29 is not 1..28");
    check_error("H29.2.29", "\"H29.2.29\"", "day 29 is not 1..28");
    check_error("Ｈ２９．１３．１", "\"Ｈ２９．１３．１\"", "month 13 is not 1..12");
    check_error("２０１７－０２－３０", "\"２０１７－０２－３０\"",
                "day 30 is not 1..28");
    check_error("  2017-02-30  ", "\"2017-02-30\"", "day 30");
}

static void test_parse_era_errors(void **state)
{
    (void)state;
    check_error("平成0年1月1日", "\"平成0年1月1日\"", "era year 0 is not 1 or more");
    check_error("H0.1.1", "\"H0.1.1\"", "era year 0 is not 1 or more");
    check_error("平成0年度", "\"平成0年度\"", "era year 0");
    check_error("平成年1月1日", "\"平成年1月1日\"", "expected the era year");
    check_error("平成12345年", "\"平成12345年\"",
                "era year 12345 has more than 4 digits");
    check_error("明治9999年", "\"明治9999年\"", "year 11866 is not 1..9999");
    check_error("平成29年9月30", "\"平成29年9月30\"", "expected 日 after the day");
    check_error("平成29年9", "\"平成29年9\"", "expected 月 after the month");
    check_error("令和元", "\"令和元\"", "after the year");
    check_error("H29", "\"H29\"", "after the year");
    check_error("X29.9.30", "\"X29.9.30\"", "expected a date such as");
    check_error("H.9.30", "\"H.9.30\"", "expected a date such as");
    check_error("平成29年度度", "\"平成29年度度\"", "unexpected \"度\" after the date");
}

static void test_parse_fiscal_errors(void **state)
{
    (void)state;
    check_error("FY9999", "\"FY9999\"", "fiscal year 9999 is not 1..9998");
    check_error("9999年度", "\"9999年度\"", "fiscal year 9999 is not 1..9998");
    check_error("FY0000", "\"FY0000\"", "year 0 is not 1..9999");
    check_error("FY", "\"FY\"", "expected a 4-digit year after FY");
    check_error("FYI", "\"FYI\"", "expected a 4-digit year after FY");
    check_error("FY17", "\"FY17\"", "year 17 must have 4 digits");
    check_error("FY20170930", "\"FY20170930\"", "year 20170930 has more than 4 digits");
    check_error("FY2017x", "\"FY2017x\"", "unexpected \"x\" after the date");
    check_error("FY 2017", "\"FY 2017\"", "expected a 4-digit year after FY");
}

static void test_parse_malformed(void **state)
{
    (void)state;
    check_error("", "\"\"", "the text is empty");
    check_error("   \xe3\x80\x80 ", "\"\"", "the text is empty");
    check_error("abc", "\"abc\"", "expected a date such as");
    check_error("2017-09-30x", "\"2017-09-30x\"", "unexpected \"x\" after the date");
    check_error("2017-09-30 12:00", "\"2017-09-30 12:00\"", "unexpected \" 12:00\"");
    check_error("2017年9月30日x", "\"2017年9月30日x\"", "unexpected \"x\"");
    check_error("2017-09/30", "\"2017-09/30\"", "separators \"-\" and \"/\" differ");
    check_error("2017-", "\"2017-\"", "expected the month");
    check_error("2017-09-", "\"2017-09-\"", "expected the day");
    check_error("2017", "\"2017\"", "after the year");
    check_error("17-9-30", "\"17-9-30\"", "year 17 must have 4 digits");
    check_error("20170930", "\"20170930\"", "separators, e.g. 2017-09-30");
    check_error("-2017-09-30", "\"-2017-09-30\"", "expected a date such as");
    check_error("2017--09", "\"2017--09\"", "expected the month");
    check_error("2017_09_30", "\"2017_09_30\"", "after the year");
    /* Invalid and overlong UTF-8 is never read as a digit or a blank. */
    check_error("2017-09-30\xff", "\"2017-09-30\xff\"", "unexpected");
    check_error("2017-09-3\xc0\xb0", "\"2017-09-3\xc0\xb0\"", "unexpected");
    check_error("2017-09-3\xe0\x80\xb0", "\"2017-09-3\xe0\x80\xb0\"", "unexpected");
    check_error("2017-09-30\xef\xbc", "\"2017-09-30\xef\xbc\"", "unexpected");
    check_error("\xe3\x80 2017-09-30", "\"\xe3\x80 2017-09-30\"", "expected a date");
}

static void test_parse_long_text(void **state)
{
    (void)state;
    char text[301];
    memset(text, '1', 300);
    text[300] = '\0';
    kpi_error_clear();
    int32_t day = -1;
    assert_int_equal(kpi_date_parse(&day, text), KPI_ERR_DATE);
    assert_int_equal(kpi_error_code(), KPI_ERR_DATE);
    /* The quote is cut so that the reason still fits in the message. */
    assert_contains(kpi_error_message(), "\"1111111111");
    assert_contains(kpi_error_message(), "...\" is not a date");
    assert_contains(kpi_error_message(), "has more than 4 digits");
    assert_int_equal(day, -1);

    /* A cut never splits a multi-byte character. */
    char wide[3 * 100 + 1] = "";
    for (int i = 0; i < 100; i++)
        strcat(wide, "年");
    assert_int_equal(kpi_date_parse(&day, wide), KPI_ERR_DATE);
    assert_contains(kpi_error_message(), "年年...\" is not a date");
}

static void test_parse_names_period(void **state)
{
    (void)state;
    int32_t day = -1;
    kpi_error_clear();
    assert_int_equal(kpi_date_parse(&day, "2017-09"), KPI_ERR_DATE);
    assert_last_error(KPI_ERR_DATE, "\"2017-09\" names a period, not a day",
                      "a month, 2017-09-01..2017-09-30");
    assert_int_equal(kpi_date_parse(&day, "平成29年度"), KPI_ERR_DATE);
    assert_last_error(KPI_ERR_DATE, "\"平成29年度\"",
                      "a fiscal year, 2017-04-01..2018-03-31");
    assert_int_equal(kpi_date_parse(&day, " FY2017 "), KPI_ERR_DATE);
    assert_last_error(KPI_ERR_DATE, "\"FY2017\"", "a fiscal year");
    assert_int_equal(kpi_date_parse(&day, "平成29年"), KPI_ERR_DATE);
    assert_last_error(KPI_ERR_DATE, "\"平成29年\"", "a year, 2017-01-01..2017-12-31");
    assert_int_equal(day, -1);
}

static void test_parse_null(void **state)
{
    (void)state;
    int32_t day = -1, first = -1, last = -1;
    kpi_error_clear();
    assert_int_equal(kpi_date_parse(NULL, "2017-09-30"), KPI_ERR_ARGUMENT);
    assert_last_error(KPI_ERR_ARGUMENT, "kpi_date_parse", "out");
    kpi_error_clear();
    assert_int_equal(kpi_date_parse(&day, NULL), KPI_ERR_ARGUMENT);
    assert_last_error(KPI_ERR_ARGUMENT, "kpi_date_parse", "text");
    assert_int_equal(day, -1);
    kpi_error_clear();
    assert_int_equal(kpi_date_parse_range(&first, &last, NULL), KPI_ERR_ARGUMENT);
    assert_last_error(KPI_ERR_ARGUMENT, "kpi_date_parse_range", "text");
    assert_int_equal(first, -1);
    assert_int_equal(last, -1);
}

/* ---- Formatting ---------------------------------------------------------- */

static void check_format(int32_t date, const char *expected)
{
    char *text = NULL;
    assert_int_equal(kpi_date_format(&text, date), KPI_OK);
    assert_non_null(text);
    assert_string_equal(text, expected);
    kpi_free(text);
}

static void test_format(void **state)
{
    (void)state;
    check_format(20170930, "2017-09-30");
    check_format(10101, "0001-01-01");
    check_format(99991231, "9999-12-31");
    check_format(20000229, "2000-02-29");
    check_format(9870605, "0987-06-05");

    char *text = (char *)"sentinel";
    kpi_error_clear();
    assert_int_equal(kpi_date_format(&text, 20170230), KPI_ERR_DATE);
    assert_last_error(KPI_ERR_DATE, "20170230", "not a valid date");
    assert_null(text);
    kpi_error_clear();
    assert_int_equal(kpi_date_format(&text, 0), KPI_ERR_DATE);
    assert_last_error(KPI_ERR_DATE, "kpi_date_format", "a date is required");
    assert_null(text);
    kpi_error_clear();
    assert_int_equal(kpi_date_format(NULL, 20170930), KPI_ERR_ARGUMENT);
    assert_last_error(KPI_ERR_ARGUMENT, "kpi_date_format", "out");
}

/* Formatting and parsing are inverses. */
static void test_format_parse_round_trip(void **state)
{
    (void)state;
    const int32_t dates[] = {10101, 19890107, 20000229, 20170930, 20180331, 99991231};
    for (size_t i = 0; i < sizeof dates / sizeof dates[0]; i++) {
        char *text = NULL;
        int32_t back = -1;
        assert_int_equal(kpi_date_format(&text, dates[i]), KPI_OK);
        assert_int_equal(kpi_date_parse(&back, text), KPI_OK);
        assert_int_equal(back, dates[i]);
        kpi_free(text);
    }
}

/* ---- Fiscal years -------------------------------------------------------- */

static void test_fiscal_year(void **state)
{
    (void)state;
    assert_int_equal(kpi_date_fiscal_year(20180331), 2017);
    assert_int_equal(kpi_date_fiscal_year(20180401), 2018);
    assert_int_equal(kpi_date_fiscal_year(20170401), 2017);
    assert_int_equal(kpi_date_fiscal_year(20170930), 2017);
    assert_int_equal(kpi_date_fiscal_year(20171231), 2017);
    assert_int_equal(kpi_date_fiscal_year(20180101), 2017);
    assert_int_equal(kpi_date_fiscal_year(99991231), 9999);
    assert_int_equal(kpi_date_fiscal_year(20170230), 0);
    assert_int_equal(kpi_date_fiscal_year(0), 0);
}

static void test_fiscal_range(void **state)
{
    (void)state;
    int32_t first = -1, last = -1;
    assert_int_equal(kpi_date_fiscal_range(&first, &last, 2017), KPI_OK);
    assert_int_equal(first, 20170401);
    assert_int_equal(last, 20180331);
    assert_int_equal(kpi_date_fiscal_range(&first, &last, 2015), KPI_OK);
    assert_int_equal(first, 20150401);
    assert_int_equal(last, 20160331);
    assert_int_equal(kpi_date_fiscal_range(&first, &last, 9998), KPI_OK);
    assert_int_equal(first, 99980401);
    assert_int_equal(last, 99990331);
    assert_int_equal(kpi_date_fiscal_range(&first, &last, 1), KPI_OK);
    assert_int_equal(first, 10401);
    assert_int_equal(last, 20331);
    assert_int_equal(kpi_date_fiscal_range(NULL, &last, 2020), KPI_OK);
    assert_int_equal(last, 20210331);
    assert_int_equal(kpi_date_fiscal_range(&first, NULL, 2020), KPI_OK);
    assert_int_equal(first, 20200401);

    /* Every day of a fiscal year lies in it. */
    assert_int_equal(kpi_date_fiscal_year(first), 2020);
    assert_int_equal(kpi_date_fiscal_year(last), 2020);

    first = last = -1;
    kpi_error_clear();
    assert_int_equal(kpi_date_fiscal_range(&first, &last, 9999), KPI_ERR_DATE);
    assert_last_error(KPI_ERR_DATE, "fiscal year 9999 is not 1..9998", NULL);
    kpi_error_clear();
    assert_int_equal(kpi_date_fiscal_range(&first, &last, 0), KPI_ERR_DATE);
    assert_last_error(KPI_ERR_DATE, "fiscal year 0 is not 1..9998", NULL);
    kpi_error_clear();
    assert_int_equal(kpi_date_fiscal_range(&first, &last, INT32_MIN), KPI_ERR_DATE);
    assert_int_equal(kpi_error_code(), KPI_ERR_DATE);
    assert_int_equal(first, -1);
    assert_int_equal(last, -1);
}

/* ---- Day arithmetic ------------------------------------------------------ */

static void test_diff(void **state)
{
    (void)state;
    int32_t n = -1;
    assert_int_equal(kpi_date_diff(&n, 20170401, 20170930), KPI_OK);
    assert_int_equal(n, 182);
    assert_int_equal(kpi_date_diff(&n, 20170930, 20170401), KPI_OK);
    assert_int_equal(n, -182);
    assert_int_equal(kpi_date_diff(&n, 20170930, 20170930), KPI_OK);
    assert_int_equal(n, 0);
    assert_int_equal(kpi_date_diff(&n, 20160228, 20160301), KPI_OK);
    assert_int_equal(n, 2);
    assert_int_equal(kpi_date_diff(&n, 20170228, 20170301), KPI_OK);
    assert_int_equal(n, 1);
    assert_int_equal(kpi_date_diff(&n, 20171231, 20180101), KPI_OK);
    assert_int_equal(n, 1);
    assert_int_equal(kpi_date_diff(&n, 20000101, 20010101), KPI_OK);
    assert_int_equal(n, 366);
    assert_int_equal(kpi_date_diff(&n, 19000101, 19010101), KPI_OK);
    assert_int_equal(n, 365);
    assert_int_equal(kpi_date_diff(&n, 10101, 99991231), KPI_OK);
    assert_int_equal(n, 3652058);

    n = -1;
    kpi_error_clear();
    assert_int_equal(kpi_date_diff(&n, 20170230, 20170930), KPI_ERR_DATE);
    assert_last_error(KPI_ERR_DATE, "from", "20170230 is not a valid date");
    kpi_error_clear();
    assert_int_equal(kpi_date_diff(&n, 20170401, 20171301), KPI_ERR_DATE);
    assert_last_error(KPI_ERR_DATE, "to", "20171301 is not a valid date");
    kpi_error_clear();
    assert_int_equal(kpi_date_diff(&n, 0, 20170930), KPI_ERR_DATE);
    assert_last_error(KPI_ERR_DATE, "from", "a date is required");
    assert_int_equal(n, -1);
    kpi_error_clear();
    assert_int_equal(kpi_date_diff(NULL, 20170401, 20170930), KPI_ERR_ARGUMENT);
    assert_last_error(KPI_ERR_ARGUMENT, "kpi_date_diff", "out");
}

static void check_add(int32_t date, int32_t days, int32_t expected)
{
    int32_t out = -1;
    assert_int_equal(kpi_date_add_days(&out, date, days), KPI_OK);
    assert_int_equal(out, expected);
}

static void test_add_days(void **state)
{
    (void)state;
    check_add(20160228, 1, 20160229); /* onto the leap day */
    check_add(20160228, 2, 20160301); /* across it */
    check_add(20160301, -1, 20160229);
    check_add(20160301, -2, 20160228);
    check_add(20170228, 1, 20170301); /* no leap day in 2017 */
    check_add(19000228, 1, 19000301);
    check_add(20000228, 1, 20000229);
    check_add(20171231, 1, 20180101);
    check_add(20180101, -1, 20171231);
    check_add(20170930, 0, 20170930);
    check_add(20170401, 182, 20170930);
    check_add(20170401, 364, 20180331);
    check_add(10101, 3652058, 99991231);
    check_add(99991231, -3652058, 10101);

    int32_t out = -1;
    kpi_error_clear();
    assert_int_equal(kpi_date_add_days(&out, 99991231, 1), KPI_ERR_DATE);
    assert_last_error(KPI_ERR_DATE, "99991231", "leaves the years 1..9999");
    kpi_error_clear();
    assert_int_equal(kpi_date_add_days(&out, 10101, -1), KPI_ERR_DATE);
    assert_last_error(KPI_ERR_DATE, "10101", "leaves the years 1..9999");
    kpi_error_clear();
    assert_int_equal(kpi_date_add_days(&out, 20170930, INT32_MAX), KPI_ERR_DATE);
    assert_int_equal(kpi_error_code(), KPI_ERR_DATE);
    kpi_error_clear();
    assert_int_equal(kpi_date_add_days(&out, 20170930, INT32_MIN), KPI_ERR_DATE);
    assert_int_equal(kpi_error_code(), KPI_ERR_DATE);
    kpi_error_clear();
    assert_int_equal(kpi_date_add_days(&out, 20170230, 1), KPI_ERR_DATE);
    assert_last_error(KPI_ERR_DATE, "20170230", "not a valid date");
    assert_int_equal(out, -1);
    kpi_error_clear();
    assert_int_equal(kpi_date_add_days(NULL, 20170930, 1), KPI_ERR_ARGUMENT);
    assert_last_error(KPI_ERR_ARGUMENT, "kpi_date_add_days", "out");
}

/* evaluation.md: FY2017 as of 2017-09-30 gives f = 183/365, both ends
 * counted. */
static void test_spec_elapsed_fraction(void **state)
{
    (void)state;
    int32_t d0 = 0, d1 = 0, d = 0, elapsed = 0, total = 0;
    assert_int_equal(kpi_date_parse_range(&d0, &d1, "平成29年度"), KPI_OK);
    assert_int_equal(kpi_date_parse(&d, "2017-09-30"), KPI_OK);
    assert_int_equal(kpi_date_diff(&elapsed, d0, d), KPI_OK);
    assert_int_equal(kpi_date_diff(&total, d0, d1), KPI_OK);
    elapsed += 1;
    total += 1;
    assert_int_equal(elapsed, 183);
    assert_int_equal(total, 365);
    double f = (double)elapsed / (double)total;
    assert_true(f > 0.5013 && f < 0.5014);
}

/* Known day numbers, from Python's date.toordinal() - 1. */
static void test_day_numbers(void **state)
{
    (void)state;
    assert_int_equal(kpi__date_to_days(10101), 0);
    assert_int_equal(kpi__date_to_days(19700101), 719162);
    assert_int_equal(kpi__date_to_days(20000229), 730178);
    assert_int_equal(kpi__date_to_days(20170401), 736419);
    assert_int_equal(kpi__date_to_days(20170930), 736601);
    assert_int_equal(kpi__date_to_days(99991231), 3652058);
    assert_int_equal(kpi__date_from_days(0), 10101);
    assert_int_equal(kpi__date_from_days(719162), 19700101);
    assert_int_equal(kpi__date_from_days(730178), 20000229);
    assert_int_equal(kpi__date_from_days(736601), 20170930);
    assert_int_equal(kpi__date_from_days(3652058), 99991231);
    /* Out of range: "no date" rather than an invalid one. */
    assert_int_equal(kpi__date_from_days(-1), 0);
    assert_int_equal(kpi__date_from_days(3652059), 0);
    assert_int_equal(kpi__date_from_days(INT32_MIN), 0);
    assert_int_equal(kpi__date_to_days(20170230), -1);
    assert_int_equal(kpi__date_to_days(0), -1);
}

/* Walks consecutive days with the test's own calendar across century,
 * leap and year boundaries, checking both directions against a counter
 * that starts at a known day number. */
static void test_day_round_trips(void **state)
{
    (void)state;
    static const struct {
        int32_t start;
        int32_t day_number;
        int32_t count;
    } walks[] = {
        {10101, 0, 1500},
        {15991201, 583991, 1500},  /* 1600: leap, divisible by 400 */
        {16991201, 620516, 1500},  /* 1700: not leap */
        {17991201, 657040, 1500},  /* 1800 */
        {18991201, 693564, 1500},  /* 1900 */
        {19991201, 730088, 1500},  /* 2000 */
        {20161201, 736298, 1500},  /* FY2017 and around */
        {20991201, 766613, 1500},  /* 2100 */
        {23991201, 876185, 1500},  /* 2400 */
        {99950101, 3650233, 1826}, /* to 9999-12-31 */
    };
    int32_t checked = 0;
    for (size_t w = 0; w < sizeof walks / sizeof walks[0]; w++) {
        int32_t date = walks[w].start;
        int32_t number = walks[w].day_number;
        for (int32_t i = 0; i < walks[w].count; i++) {
            assert_true(kpi_date_is_valid(date));
            assert_int_equal(kpi__date_to_days(date), number);
            assert_int_equal(kpi__date_from_days(number), date);
            if (i + 1 < walks[w].count) {
                date = test_next_day(date);
                number++;
            }
            checked++;
        }
        if (w + 1 == sizeof walks / sizeof walks[0])
            assert_int_equal(date, 99991231);
    }
    assert_true(checked > 10000);

    /* A sparse sweep over the whole calendar: every day number maps to a
     * valid date that maps back, and dates only grow. */
    int32_t previous = 0;
    for (int32_t number = 0; number <= 3652058; number += 97) {
        int32_t date = kpi__date_from_days(number);
        assert_true(kpi_date_is_valid(date));
        assert_true(date > previous);
        assert_int_equal(kpi__date_to_days(date), number);
        previous = date;
    }
}

/* ---- kpi__date_check ---------------------------------------------------- */

static void test_date_check(void **state)
{
    (void)state;
    const char *what = "target \"3-2-a\": due";
    assert_int_equal(kpi__date_check(20170930, 0, what), KPI_OK);
    assert_int_equal(kpi__date_check(20170930, 1, what), KPI_OK);
    assert_int_equal(kpi__date_check(0, 1, what), KPI_OK);

    kpi_error_clear();
    assert_int_equal(kpi__date_check(20170230, 1, what), KPI_ERR_DATE);
    assert_int_equal(kpi_error_code(), KPI_ERR_DATE);
    assert_string_equal(kpi_error_message(),
                        "target \"3-2-a\": due: 20170230 is not a valid date (YYYYMMDD)");
    kpi_error_clear();
    assert_int_equal(kpi__date_check(0, 0, what), KPI_ERR_DATE);
    assert_last_error(KPI_ERR_DATE, "target \"3-2-a\": due", "a date is required");
    kpi_error_clear();
    assert_int_equal(kpi__date_check(-1, 1, what), KPI_ERR_DATE);
    assert_last_error(KPI_ERR_DATE, "due: -1 is not a valid date", NULL);
    kpi_error_clear();
    assert_int_equal(kpi__date_check(20171301, 0, NULL), KPI_ERR_DATE);
    assert_last_error(KPI_ERR_DATE, "20171301", NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_is_valid),
        cmocka_unit_test(test_leap_years),
        cmocka_unit_test(test_make),
        cmocka_unit_test(test_parse_iso),
        cmocka_unit_test(test_parse_blanks),
        cmocka_unit_test(test_parse_month),
        cmocka_unit_test(test_parse_era),
        cmocka_unit_test(test_parse_year),
        cmocka_unit_test(test_parse_fiscal_year),
        cmocka_unit_test(test_parse_fullwidth),
        cmocka_unit_test(test_parse_null_range_outputs),
        cmocka_unit_test(test_parse_impossible_dates),
        cmocka_unit_test(test_parse_era_errors),
        cmocka_unit_test(test_parse_fiscal_errors),
        cmocka_unit_test(test_parse_malformed),
        cmocka_unit_test(test_parse_long_text),
        cmocka_unit_test(test_parse_names_period),
        cmocka_unit_test(test_parse_null),
        cmocka_unit_test(test_format),
        cmocka_unit_test(test_format_parse_round_trip),
        cmocka_unit_test(test_fiscal_year),
        cmocka_unit_test(test_fiscal_range),
        cmocka_unit_test(test_diff),
        cmocka_unit_test(test_add_days),
        cmocka_unit_test(test_spec_elapsed_fraction),
        cmocka_unit_test(test_day_numbers),
        cmocka_unit_test(test_day_round_trips),
        cmocka_unit_test(test_date_check),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
