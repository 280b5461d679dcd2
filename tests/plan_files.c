/* plan_files: a plan read from its CSV files or its plan workbook, written
 * as its two CSV files, for the round-trip tests of tests/xlsx.cmake:
 *
 *   plan_files STRUCTURE_OUT PROGRESS_OUT PLAN.xlsx
 *   plan_files STRUCTURE_OUT PROGRESS_OUT STRUCTURE.csv [PROGRESS.csv]
 *
 * Exit status 0 when written, 1 with the reader's message on stderr. */
#include <kpi.h>

#include <stdio.h>
#include <string.h>

static int is_workbook(const char *path)
{
    size_t n = strlen(path);
    return n >= 5 && strcmp(path + n - 5, ".xlsx") == 0;
}

int main(int argc, char **argv)
{
    if (argc < 4 || argc > 5) {
        fprintf(stderr, "usage: plan_files STRUCTURE_OUT PROGRESS_OUT INPUT...\n");
        return 2;
    }
    kpi_reader *reader = NULL;
    kpi_plan *plan = NULL;
    int rc = kpi_reader_new(&reader);
    if (rc == KPI_OK)
        rc = is_workbook(argv[3]) ? kpi_reader_read_xlsx(&plan, reader, argv[3])
                                  : kpi_reader_read_files(&plan, reader, argv[3],
                                                          argc > 4 ? argv[4] : NULL);
    if (rc == KPI_OK)
        rc = kpi_plan_write_files(plan, argv[1], argv[2], KPI_WRITE_DEFAULT);
    if (rc != KPI_OK)
        fprintf(stderr, "plan_files: %s\n", kpi_error_message());
    kpi_plan_free(plan);
    kpi_reader_free(reader);
    return rc == KPI_OK ? 0 : 1;
}
