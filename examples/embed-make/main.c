/* Embedding libkpi with pkg-config: read a plan's two CSV files and print
 * the overall rating and each top-level goal's as of 2017-09-30. */
#include <kpi.h>
#include <stdio.h>

static int print_goals(const kpi_evaluation *ev)
{
    const kpi_result *plan = kpi_evaluation_result_at(ev, 0);
    printf("%s %s\n", kpi_rating_symbol(kpi_result_rating(plan)), kpi_result_title(plan));
    for (size_t i = 0; i < kpi_result_child_count(plan); i++) {
        const kpi_result *goal = kpi_result_child_at(plan, i);
        printf("  %s %s %s\n", kpi_rating_symbol(kpi_result_rating(goal)),
               kpi_result_code(goal), kpi_result_title(goal));
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: embed-make STRUCTURE.csv PROGRESS.csv\n");
        return 2;
    }
    kpi_reader *reader = NULL;
    kpi_plan *plan = NULL;
    kpi_evaluation *ev = NULL;
    int rc = kpi_reader_new(&reader);
    if (rc == KPI_OK)
        rc = kpi_reader_read_files(&plan, reader, argv[1], argv[2]);
    if (rc == KPI_OK)
        rc = kpi_evaluate(&ev, plan, 20170930, NULL);
    if (rc == KPI_OK)
        print_goals(ev);
    else
        fprintf(stderr, "embed-make: %s\n", kpi_error_message());
    kpi_evaluation_free(ev);
    kpi_plan_free(plan);
    kpi_reader_free(reader);
    return rc == KPI_OK ? 0 : 1;
}
