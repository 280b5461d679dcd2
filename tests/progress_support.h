/* What the test_progress_*.c programs share, on top of evaluate_support.h
 * (its fixture, FY2017 plan with goal "G", and its assertions on results):
 * building targets and giving them updates with a status. Include after
 * cmocka.h. */
#ifndef KPI_TESTS_PROGRESS_SUPPORT_H
#define KPI_TESTS_PROGRESS_SUPPORT_H

#include "evaluate_support.h"

/* Dates around the as-of date AS_OF (2017-09-30) and the FY2017 plan end. */
#define BEFORE 20170915    /* an update or measurement date before AS_OF */
#define DAY_AFTER 20171001 /* the day after AS_OF */
#define PLAN_END 20180331  /* D1 of a target that keeps the plan's period */
#define PAST_END 20180415  /* after the plan's end */

/* An update on t dated date, with text (NULL: none) and, unless status is
 * KPI_STATUS_NONE, that status and planned date. */
kpi_update *report(kpi_target *t, int32_t date, kpi_status status, int32_t planned,
                   const char *text);

/* The same on a goal. */
kpi_update *report_goal(kpi_goal *g, int32_t date, kpi_status status, int32_t planned,
                        const char *text);

/* A NUMERIC, LINEAR target T whose period starts after AS_OF (D0 =
 * DAY_AFTER): as of AS_OF nothing is expected yet (f = 0, E = S = 0). */
kpi_target *add_not_yet(kpi_goal *goal, const char *code, double value);

/* A MILESTONE target due on `due` (STEP: E = 0 before it, 1 from it on). */
kpi_target *add_milestone(kpi_goal *goal, const char *code, int32_t due);

/* The status, planned date and status date the result rests on. */
#define assert_status(result, s, p, date)                                                \
    do {                                                                                 \
        assert_int_equal(kpi_result_status(result), (s));                                \
        assert_int_equal(kpi_result_planned(result), (p));                               \
        assert_int_equal(kpi_result_status_date(result), (date));                        \
    } while (0)

#endif
