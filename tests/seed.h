/* The seed report (examples/data/) for the tests, read the one way every
 * test program needs it. Paths are relative to the source tree, which ctest
 * makes the working directory. */
#ifndef KPI_TESTS_SEED_H
#define KPI_TESTS_SEED_H

#include "kpi.h"

#define SEED_STRUCTURE "examples/data/ueda-2017-structure.csv"
#define SEED_PROGRESS "examples/data/ueda-2017-progress.csv"

/* The seed plan, or NULL with libkpi's message printed on stderr. */
kpi_plan *seed_plan(void);

/* The seed evaluated as of as_of with the default policy (the plan is
 * freed: the evaluation outlives it), or NULL with the message on stderr. */
kpi_evaluation *seed_evaluation(int32_t as_of);

/* A plan (the seed or another) evaluated as of as_of on a built-in scale
 * set on the policy (docs/scales.md), or NULL with the message on stderr. */
kpi_evaluation *evaluation_on_scale(const kpi_plan *plan, const char *id, int32_t as_of);

#endif
