/* Fuzz target: the plan-file readers. The first byte picks the encoding
 * (auto, UTF-8, CP932) and where the input splits into the structure and
 * the progress file; whatever the bytes, a read either gives a plan that
 * writes and reads back to the same bytes, or an error with no plan. */
#include <kpi.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_round_trip(kpi_plan *plan)
{
    char *structure = NULL, *progress = NULL, *again = NULL;
    size_t s = 0, p = 0, a = 0;
    if (kpi_plan_write_structure(&structure, &s, plan, 0) != KPI_OK ||
        kpi_plan_write_progress(&progress, &p, plan, 0) != KPI_OK)
        abort();
    kpi_reader *reader = NULL;
    kpi_plan *copy = NULL;
    if (kpi_reader_new(&reader) != KPI_OK ||
        kpi_reader_read_buffers(&copy, reader, structure, s, progress, p) != KPI_OK ||
        kpi_plan_write_structure(&again, &a, copy, 0) != KPI_OK || a != s ||
        memcmp(again, structure, s) != 0)
        abort();
    kpi_free(structure);
    kpi_free(progress);
    kpi_free(again);
    kpi_plan_free(copy);
    kpi_reader_free(reader);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    kpi_encoding encoding = (kpi_encoding)(data[0] % 3);
    data++;
    size--;
    /* The progress file starts after the first form feed, if any. */
    const uint8_t *split = memchr(data, '\f', size);
    size_t structure_size = split ? (size_t)(split - data) : size;
    const char *progress = split ? (const char *)split + 1 : NULL;
    size_t progress_size = split ? size - structure_size - 1 : 0;

    kpi_reader *reader = NULL;
    kpi_plan *plan = NULL;
    if (kpi_reader_new(&reader) != KPI_OK)
        return 0;
    kpi_reader_set_encoding(reader, encoding);
    int rc = kpi_reader_read_buffers(&plan, reader, (const char *)data, structure_size,
                                     progress, progress_size);
    if (rc != KPI_OK && plan)
        abort(); /* an error must leave no plan */
    if (rc == KPI_OK) {
        check_round_trip(plan);
        kpi_evaluation *ev = NULL;
        if (kpi_evaluate(&ev, plan, 20170930, NULL) != KPI_OK)
            abort();
        kpi_evaluation_free(ev);
    }
    kpi_plan_free(plan);
    kpi_reader_free(reader);
    return 0;
}
