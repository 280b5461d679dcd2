/* Internal: why a target cannot be rated whatever its figures say, decided
 * from the target alone (step 7 of the evaluation contract without NO_DATA
 * and NOT_DUE, which depend on the measurements and the pace).
 * kpi_evaluate() rates by it (rate.c) and kpi_validate() lists it
 * (validate.c), so that the two cannot disagree. */
#ifndef KPI_LIB_TARGET_REASON_H
#define KPI_LIB_TARGET_REASON_H

#include "kpi.h"

/* What makes a target INCOMPLETE or INVALID, one bit each. */
typedef enum kpi__cause {
    KPI__CAUSE_NO_TARGET = 1u << 0,        /* INCOMPLETE: no T */
    KPI__CAUSE_NO_REFERENCE = 1u << 1,     /* INCOMPLETE: a relative target without R */
    KPI__CAUSE_NO_START = 1u << 2,         /* INCOMPLETE: a DECREASE target without S */
    KPI__CAUSE_NO_GAIN = 1u << 3,          /* INVALID: g(T) <= 0 */
    KPI__CAUSE_GAIN_OVERFLOW = 1u << 4,    /* INVALID: g(T) is no finite number */
    KPI__CAUSE_DUE_BEFORE_START = 1u << 5, /* INVALID: D1 < D0 */
    KPI__CAUSE_LAST = KPI__CAUSE_DUE_BEFORE_START
} kpi__cause;

/* The target's values in effect, and what is wrong with them. */
typedef struct kpi__target_facts {
    /* kpi__cause bits of the reason returned: for INCOMPLETE the first
     * thing missing (T or R, then S), for INVALID every contradiction;
     * 0 for the other reasons. */
    unsigned causes;
    double target;      /* T in effect; NaN when missing */
    double start_value; /* S in effect; NaN when missing */
    int32_t start;      /* D0: the target's, else the period's; 0 when neither */
    int32_t due;        /* D1 likewise */
} kpi__target_facts;

/* The first of QUALITATIVE, INCOMPLETE and INVALID that applies to t, or
 * KPI_UNRATED_NONE, with the facts it was decided on in *facts. The period
 * gives the dates the target leaves unset; with a period of 0 (a plan
 * without one, before an as-of date chooses its fiscal year) a date the
 * target leaves unset is unknown and due before start is not checked. */
kpi_unrated kpi__target_reason(kpi__target_facts *facts, const kpi_target *t,
                               int32_t period_start, int32_t period_end);

/* The gain g(x): progress from S in the good direction. */
double kpi__gain(kpi_direction direction, double start_value, double x);

#endif
