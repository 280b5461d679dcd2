/**
 * @file kpi/date.h
 * @brief Dates as `int32_t` YYYYMMDD, with parsing and formatting helpers.
 *
 * libkpi passes every date as one `int32_t` holding YYYYMMDD in decimal:
 * 2017-09-30 is `20170930`. It reads well in every language, sorts as
 * dates do, and needs no struct. 0 means "no date". Valid dates lie in the
 * years 1 to 9999 of the proleptic Gregorian calendar.
 *
 * Texts accepted by the parsers, after surrounding ASCII white space and
 * full-width spaces (U+3000) are dropped:
 * - ISO `2017-09-30`; also `2017/09/30` and `2017.9.30` (the month and the
 *   day may have 1 or 2 digits; the year always has 4; both separators are
 *   the same);
 * - a month, `2017-09` or `2017/9`, meaning the days 2017-09-01 to
 *   2017-09-30;
 * - Western kanji dates `2017年9月30日`, months `2017年9月` and years `2017年`
 *   (January 1 to December 31);
 * - Japanese era dates `平成29年9月30日`, `H29.9.30` (also `H29/9/30`,
 *   `H29-9-30`, `h29.9.30`), `令和元年5月1日`, `R5.4.1`, `昭和64年1月7日`
 *   (also 大正/T and 明治/M), with era years mapped arithmetically:
 *   平成N = 1988+N, 令和N = 2018+N, 昭和N = 1925+N, 大正N = 1911+N,
 *   明治N = 1867+N, 元年 = 1 (so 平成32年 is 2020: era ends are not checked,
 *   and era year 0 is refused);
 * - an era month `平成29年9月` or `H29.9`, an era year `平成29年`; in every
 *   era form the era may be written by name or by initial (`H29年9月30日`,
 *   `平成29.9.30`);
 * - a fiscal year `平成29年度`, `H29年度`, `令和元年度`, `2017年度` or `FY2017`,
 *   meaning the Japanese fiscal year 2017-04-01 to 2018-03-31.
 *
 * Full-width digits (０-９), separators (－／．) and Latin letters (Ｈ, ＦＹ)
 * are accepted wherever their ASCII forms are. In the kanji forms, blanks
 * may follow the era name, 年 and 月 (`平成29年 9月 1日`, as documents pad
 * numbers for alignment). Anything else, including text after the date, is
 * #KPI_ERR_DATE, with a message that quotes the text and says what is
 * wrong: `"2017-13-01" is not a date: month 13 is not 1..12`.
 */
#ifndef KPI_DATE_H
#define KPI_DATE_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief Whether @p date is a real calendar date (no 2017-02-30, no
 *        month 13).
 * @param date any value; 0 ("no date") and negative values are not dates.
 * @return 1 if it is, 0 if not: a truth value, not a status code.
 */
KPI_EXTERN int kpi_date_is_valid(int32_t date);

/**
 * @brief Builds a date from its parts.
 * @param out receives YYYYMMDD; unchanged on failure. Not NULL.
 * @param year the year, 1..9999.
 * @param month the month, 1..12.
 * @param day the day of the month, 1..31 (within the month's length).
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p out is NULL; #KPI_ERR_DATE
 *         when the parts make no real date.
 */
KPI_EXTERN int kpi_date_make(int32_t *out, int32_t year, int32_t month, int32_t day);

/**
 * @brief Reads a text naming one exact day (ISO or era form).
 * @param out receives YYYYMMDD; left unchanged on failure. Not NULL.
 * @param text UTF-8 text; surrounding ASCII and full-width blanks are
 *        ignored. Not NULL.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p out or @p text is NULL;
 *         #KPI_ERR_DATE when the text is not a date (invalid UTF-8
 *         included) or names a month, a year or a fiscal year instead of a
 *         day (the message then says which days it names).
 */
KPI_EXTERN int kpi_date_parse(int32_t *out, const char *text);

/**
 * @brief Reads a text naming a day, a month, a year or a fiscal year and
 *        gives its first and last day. Use @p first for a start date and
 *        @p last for a due date: `2017-09` as a due date is 2017-09-30.
 * @param first receives the first day (may be NULL); unchanged on failure.
 * @param last receives the last day (may be NULL); unchanged on failure.
 * @param text UTF-8 text; surrounding ASCII and full-width blanks are
 *        ignored. Not NULL.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p text is NULL; #KPI_ERR_DATE
 *         when it names no day or period (invalid UTF-8 included).
 */
KPI_EXTERN int kpi_date_parse_range(int32_t *first, int32_t *last, const char *text);

/**
 * @brief Writes a date in ISO form, "2017-09-30".
 * @param out receives a string the caller frees with kpi_free(), or NULL
 *            on failure. Not NULL.
 * @param date the date, YYYYMMDD.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p out is NULL; #KPI_ERR_DATE
 *         when @p date is 0 or invalid; #KPI_ERR_NOMEM.
 */
KPI_EXTERN int kpi_date_format(char **out, int32_t date);

/**
 * @brief The Japanese fiscal year (April to March) a date falls in:
 *        2018-03-31 is in fiscal year 2017.
 * @param date the date, YYYYMMDD.
 * @return the fiscal year, or 0 for an invalid date (0 is also the fiscal
 *         year of 0001-01-01 to 0001-03-31, the only valid dates before
 *         fiscal year 1).
 */
KPI_EXTERN int32_t kpi_date_fiscal_year(int32_t date);

/**
 * @brief The first and last day of Japanese fiscal year @p fiscal_year:
 *        2017 gives 20170401 and 20180331.
 * @param first receives the first day (may be NULL); unchanged on failure.
 * @param last receives the last day (may be NULL); unchanged on failure.
 * @param fiscal_year the fiscal year, named by the calendar year it starts in.
 * @return #KPI_OK, or #KPI_ERR_DATE when the year is outside 1..9998.
 */
KPI_EXTERN int kpi_date_fiscal_range(int32_t *first, int32_t *last, int32_t fiscal_year);

/**
 * @brief Days from @p from to @p to (negative when @p to is earlier):
 *        kpi_date_diff(&n, 20170401, 20170930) gives 182.
 * @param out receives the number of days; unchanged on failure. Not NULL.
 * @param from the first date, YYYYMMDD.
 * @param to the second date, YYYYMMDD.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p out is NULL; #KPI_ERR_DATE
 *         when either date is 0 or invalid.
 */
KPI_EXTERN int kpi_date_diff(int32_t *out, int32_t from, int32_t to);

/**
 * @brief The date @p days days after @p date (before it when negative).
 * @param out receives the date, YYYYMMDD; unchanged on failure. Not NULL.
 * @param date the date to start from, YYYYMMDD.
 * @param days the number of days to add; negative goes back.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p out is NULL; #KPI_ERR_DATE
 *         when @p date is 0 or invalid, or the result leaves the years
 *         1..9999.
 */
KPI_EXTERN int kpi_date_add_days(int32_t *out, int32_t date, int32_t days);

#ifdef __cplusplus
}
#endif

#endif /* KPI_DATE_H */
