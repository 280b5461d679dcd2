/* Rules 4 and 5: the class of a pace, for the rating rules (rules/rate.c)
 * and for a scale's own thresholds (rules/scale_rate.c). */
#include "rules/evaluation.h"

/* Thresholds are compared with this tolerance, so that a pace that is
 * exactly on a threshold in decimal is not pushed below it by rounding. */
#define TOLERANCE 1e-9

kpi_rating kpi__pace_class(double pace, double ahead, double on_track, int moved)
{
    if (pace >= ahead - TOLERANCE)
        return KPI_RATING_AHEAD;
    if (pace >= on_track - TOLERANCE)
        return KPI_RATING_ON_TRACK;
    return moved ? KPI_RATING_BEHIND : KPI_RATING_NOT_PROGRESSED;
}
