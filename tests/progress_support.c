/* The helpers of progress_support.h, shared by the test_progress_*.c
 * programs. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "kpi.h"
#include "progress_support.h"

static void give_status(kpi_update *u, kpi_status status, int32_t planned)
{
    assert_non_null(u);
    if (status != KPI_STATUS_NONE || planned)
        assert_ok(kpi_update_set_status(u, status, planned));
    assert_int_equal(kpi_update_status(u), status);
    assert_int_equal(kpi_update_planned(u), planned);
}

kpi_update *report(kpi_target *t, int32_t date, kpi_status status, int32_t planned,
                   const char *text)
{
    kpi_update *u = kpi_target_add_update(t, date, text);
    give_status(u, status, planned);
    return u;
}

kpi_update *report_goal(kpi_goal *g, int32_t date, kpi_status status, int32_t planned,
                        const char *text)
{
    kpi_update *u = kpi_goal_add_update(g, date, text);
    give_status(u, status, planned);
    return u;
}

kpi_target *add_not_yet(kpi_goal *goal, const char *code, double value)
{
    kpi_target *t = add_target(goal, code, value);
    assert_ok(kpi_target_set_start(t, DAY_AFTER));
    return t;
}

kpi_target *add_milestone(kpi_goal *goal, const char *code, int32_t due)
{
    kpi_target *t = add_target(goal, code, NAN);
    assert_ok(kpi_target_set_kind(t, KPI_KIND_MILESTONE));
    assert_ok(kpi_target_set_due(t, due));
    return t;
}
