/* Internal: the structures behind kpi_evaluation and kpi_result. An
 * evaluation is a self-contained snapshot: it copies every string it
 * reports, so it outlives the plan it was made from. */
#ifndef KPI_LIB_EVALUATION_H
#define KPI_LIB_EVALUATION_H

#include "kpi.h"
#include "rules/policy.h"
#include "util/strmap.h"
#include "util/vec.h"

#include <stdatomic.h>

#define KPI__NO_PARENT ((size_t)-1)

/* The languages of kpi_lang and the values of kpi_unrated, for tables
 * indexed by them. Internal: a new value in a minor release must not break
 * a program that sized an array with a public constant. */
#define KPI__LANG_COUNT 2
#define KPI__UNRATED_COUNT 7

struct kpi_result {
    const kpi_evaluation *evaluation;
    kpi_object kind;
    char *code;
    char *title;
    char *unit; /* targets only; NULL otherwise */
    char *text; /* targets only: the original wording; NULL otherwise */
    /* The one-line reason in each language, built on first request by
     * kpi_result_reason() (report/reason.c) and kept until the evaluation
     * is freed. Atomic, so that threads sharing a const evaluation may ask
     * at once: each builds, one wins, the others free theirs. */
    _Atomic(char *) reasons[KPI__LANG_COUNT];
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
    size_t unrated_counts[KPI__UNRATED_COUNT];
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

#endif
