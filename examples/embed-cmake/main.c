/* Embedding libkpi from CMake: build one target in code, record a figure,
 * and print its rating as of 2017-09-30. */
#include <kpi.h>
#include <stdio.h>

#include "city_csv.h"

int main(void)
{
    kpi_plan *plan = NULL;
    kpi_goal *goal = NULL;
    kpi_target *target = NULL;
    kpi_evaluation *ev = NULL;
    const kpi_result *result = NULL;
    if (kpi_version_number() / 10000 != KPI_VERSION_MAJOR) {
        fprintf(stderr, "embed-cmake: built for libkpi %s, running %s\n",
                KPI_VERSION_STRING, kpi_version());
        return 1;
    }
    int rc = kpi_plan_new(&plan, "embed");
    if (rc == KPI_OK)
        rc = kpi_plan_set_fiscal_year(plan, 2017);
    if (rc == KPI_OK)
        rc = (goal = kpi_plan_add_goal(plan, "3-2", "信州うえだ空き家バンク制度の推進"))
                 ? KPI_OK
                 : kpi_error_code();
    if (rc == KPI_OK)
        rc = (target = kpi_goal_add_target(goal, "3-2-a", "物件登録件数"))
                 ? KPI_OK
                 : kpi_error_code();
    if (rc == KPI_OK)
        rc = kpi_target_set_value(target, 30);
    if (rc == KPI_OK)
        rc = (kpi_target_add_measurement(target, 20170930, 32, NULL)) ? KPI_OK
                                                                      : kpi_error_code();
    if (rc == KPI_OK)
        rc = kpi_evaluate(&ev, plan, 20170930, NULL);
    if (rc == KPI_OK)
        rc = (result = kpi_evaluation_find(ev, "3-2-a")) ? KPI_OK : kpi_error_code();
    if (rc == KPI_OK)
        printf("libkpi %s: 3-2-a%s%s\n", kpi_version(), city_csv_separator(),
               kpi_rating_symbol(kpi_result_rating(result)));
    else
        fprintf(stderr, "embed-cmake: %s\n", kpi_error_message());
    kpi_evaluation_free(ev);
    kpi_plan_free(plan);
    return rc == KPI_OK ? 0 : 1;
}
