/* The city system's own CSV helper, named like libcsv on purpose: libkpi
 * must link the real libcsv, not this. */
#include "city_csv.h"

const char *city_csv_separator(void)
{
    return ",";
}
