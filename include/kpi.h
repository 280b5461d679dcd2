/**
 * @file kpi.h
 * @brief libkpi: plans, goals, targets and measurements, rated by rule.
 *
 * Include this one header. The API is split by concept:
 * - kpi/common.h   version, kpi_free(), shared enumerations, ratings
 * - kpi/error.h    error codes and the thread-local last error
 * - kpi/date.h     dates as int32_t YYYYMMDD, parsing and fiscal years
 * - kpi/plan.h     the plan, the root that owns everything
 * - kpi/goal.h     goals nested to any depth
 * - kpi/target.h   targets, measurements and assessments
 * - kpi/evaluate.h policy, evaluation, results and validation
 */
#ifndef KPI_H
#define KPI_H

#include "kpi/common.h"
#include "kpi/error.h"
#include "kpi/date.h"
#include "kpi/plan.h"
#include "kpi/goal.h"
#include "kpi/target.h"
#include "kpi/progress.h"
#include "kpi/evaluate.h"
#include "kpi/csv.h"
#include "kpi/xlsx.h"
#include "kpi/file.h"
#include "kpi/render.h"
#include "kpi/columns.h"
#include "kpi/phrase.h"
#include "kpi/prose.h"
#include "kpi/scale.h"

#endif /* KPI_H */
