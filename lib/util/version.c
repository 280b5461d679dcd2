#include "kpi/common.h"

const char *kpi_version(void)
{
    return KPI_VERSION_STRING;
}

int32_t kpi_version_number(void)
{
    return KPI_VERSION_NUMBER;
}
