/* Internal: the model's vocabulary beyond the public name functions. */
#ifndef KPI_LIB_MODEL_NAMES_H
#define KPI_LIB_MODEL_NAMES_H

#include "kpi.h"

/* The `inferred` column and report field: kpi_field bits as their names
 * separated by spaces ("value unit"), and back. Parsing fails with
 * KPI_ERR_VALUE naming an unknown word. */
int kpi__field_names_parse(uint32_t *out, const char *text);
void kpi__field_names_format(char *buf, size_t size, uint32_t bits);

#endif
