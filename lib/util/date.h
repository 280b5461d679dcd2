/* Internal: day arithmetic shared by the model and the evaluator. */
#ifndef KPI_LIB_DATE_H
#define KPI_LIB_DATE_H

#include "kpi/date.h"

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
