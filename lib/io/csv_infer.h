/* Internal: filling a target's empty structure-file columns from its text
 * with the phrase parser (kpi/phrase.h). */
#ifndef KPI_LIB_CSV_INFER_H
#define KPI_LIB_CSV_INFER_H

#include "io/load.h"

/* Fills the fields in wanted (kpi_field bits) that the target's text gives,
 * marks them inferred, and adds a warning at line saying what was read.
 * Text that cannot be read, or holds several targets, gives a warning and
 * fills nothing. Returns KPI_OK, or KPI_ERR_NOMEM. */
int kpi__infer_target(kpi__load *load, int32_t line, kpi_target *target, uint32_t wanted);

#endif
