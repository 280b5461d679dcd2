/* kpi-conformance: libkpi's own implementation of the conformance suite's
 * contract (a case in, its result out) and a checker of cases against it,
 * in C with jansson, for vendors who build it against an installed libkpi
 * (README.md of the suite). */
#ifndef KPI_CONFORMANCE_H
#define KPI_CONFORMANCE_H

#include <jansson.h>
#include <stddef.h>

/* The case file at path read, with the bytes of its plan files (inline, or
 * named relative to the suite's folder, the one holding cases/). NULL
 * with a message on stderr when the file is no case. */
json_t *case_load(const char *path, char **structure, size_t *structure_size,
                  char **progress, size_t *progress_size);

/* The result of the case through libkpi: {"results": {code: record}} or
 * {"error": {...}}; NULL with a message on stderr when the case asks for
 * what libkpi has no setting for. The plan's bytes are only read. */
json_t *case_result(const json_t *c, const char *structure, size_t structure_size,
                    const char *progress, size_t progress_size);

/* Prints each difference between what the case expects and the result,
 * after a "FAIL id [rules]" line; returns how many there are. */
size_t case_compare(const json_t *c, const json_t *result);

#endif
