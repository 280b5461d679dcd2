/* Internal: the calendar (date.c) shared by the parser (date_parse.c),
 * the model, the evaluator and every display of a date. */
#ifndef KPI_LIB_DATE_H
#define KPI_LIB_DATE_H

#include "kpi/date.h"

#include <stddef.h>

#define KPI__DATE_MAX_YEAR 9999
/* "YYYY-MM-DD" and its terminator. */
#define KPI__DATE_ISO_SIZE 11

/* The date's ISO form "2017-09-30", the one way libkpi shows a date, in
 * reports, reason lines, plan files and messages; "" for 0 ("not set") and
 * any other value below 1. */
void kpi__date_iso(char out[KPI__DATE_ISO_SIZE], int32_t date);

/* YYYYMMDD of year, month and day, unchecked. */
int32_t kpi__date_make(int32_t year, int32_t month, int32_t day);

/* Days in month 1..12 of year: the one place of the leap-year rule. */
int32_t kpi__date_days_in_month(int32_t year, int32_t month);

/* Why year-month-day is no real date: 0 when it is one; otherwise nonzero,
 * with the reason written into reason (of size bytes) when not NULL. The
 * one place that decides validity, so that kpi_date_is_valid(), the
 * constructors and the parser can never disagree. */
int kpi__date_problem(char *reason, size_t size, int32_t year, int32_t month,
                      int32_t day);

/* Days since 0001-01-01 (day 0) of a valid YYYYMMDD date. The caller has
 * checked the date with kpi_date_is_valid(). */
int32_t kpi__date_to_days(int32_t date);

/* The YYYYMMDD date of a day number from kpi__date_to_days(). */
int32_t kpi__date_from_days(int32_t days);

/* Checks a date argument of the API: 0 is accepted only when allow_unset;
 * otherwise records KPI_ERR_DATE naming what (e.g. "target \"3-2-a\": due")
 * and returns it. */
int kpi__date_check(int32_t date, int allow_unset, const char *what);

#endif
