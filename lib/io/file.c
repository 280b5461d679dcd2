/* kpi_file_write(): bytes written whole or not at all (util/file_replace.h). */
#include "util/error.h"
#include "util/file_replace.h"
#include "kpi/file.h"

int kpi_file_write(const char *path, const void *data, size_t size)
{
    if (!path)
        return kpi__error_null("kpi_file_write", "path");
    if (!data && size)
        return kpi__error_null("kpi_file_write", "data");
    kpi__file_replace r;
    int rc = kpi__file_replace_begin(&r, path);
    if (rc != KPI_OK)
        return rc;
    kpi__file_replace_write(&r, data, size);
    return kpi__file_replace_end(&r, 1);
}
