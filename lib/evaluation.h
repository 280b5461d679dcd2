/* Internal: the structures behind kpi_evaluation and kpi_result. An
 * evaluation is a self-contained snapshot: it copies every string it
 * reports, so it outlives the plan it was made from. */
#ifndef KPI_LIB_EVALUATION_H
#define KPI_LIB_EVALUATION_H

#include "kpi.h"
#include "policy.h"
#include "strmap.h"
#include "vec.h"

#define KPI__NO_PARENT ((size_t)-1)

struct kpi_result {
    const kpi_evaluation *evaluation;
    kpi_result_kind kind;
    char *code;
    char *title;
    char *unit;   /* targets only; NULL otherwise */
    char *text;   /* targets only: the original wording; NULL otherwise */
    char *reason; /* the one-line reason */
    int32_t depth;
    size_t parent;      /* index of the parent result, KPI__NO_PARENT for the plan */
    size_t first_child; /* into kpi_evaluation.children */
    size_t child_count;
    double weight;

    kpi_rating rating;   /* effective */
    kpi_rating computed; /* by the rules */
    int assessed;
    int mismatch;
    kpi_unrated unrated;          /* why the effective rating is missing */
    kpi_unrated computed_unrated; /* why the computed rating is missing */
    int32_t assessment_date;

    /* Targets only; NaN or 0 where not computed. */
    kpi_kind target_kind;
    kpi_direction direction;
    uint32_t inferred; /* kpi_field bits read from the target's text */
    double actual;
    double expected;
    double target;
    double start_value;
    double elapsed;
    double pace;
    double achievement;
    int32_t measured;
    int32_t start;
    int32_t due;

    /* Goals and the plan: effective ratings and unrated reasons of direct
     * children, and the weighted mean score when the rule is WEIGHTED. */
    size_t rating_counts[KPI_RATING_AHEAD + 1];
    size_t unrated_counts[KPI_UNRATED_COUNT];
    double mean_score;
};

struct kpi_evaluation {
    int32_t as_of;
    int32_t start; /* the period used */
    int32_t end;
    kpi_policy policy; /* a copy: the caller's policy is not needed afterwards */
    char *organization;
    char *department;
    char **notes; /* the plan's notes' texts */
    size_t note_count;
    kpi_result *results;
    size_t count;
    size_t *children; /* children of result i: children[first_child .. +child_count] */
    kpi__strmap by_code;
};

/* The rating rules for one target and for one goal's roll-up. */
void kpi__rate_target(kpi_result *result, const kpi_target *target,
                      const kpi_evaluation *evaluation);
void kpi__rate_goal(kpi_result *result, const kpi__segvec *assessments,
                    const kpi_evaluation *evaluation);

/* The one-line reasons; NULL when memory ran out. */
char *kpi__reason_target(const kpi_result *result, kpi_lang lang);
char *kpi__reason_goal(const kpi_result *result, kpi_rollup rollup, kpi_lang lang);

#endif
