/* Internal: the structures behind kpi_evaluation and kpi_result. An
 * evaluation is a self-contained snapshot: it copies every string it
 * reports, so it outlives the plan it was made from. The copies live in the
 * evaluation's arenas (one per thread that evaluated), never one
 * allocation per string: results only point into them. */
#ifndef KPI_LIB_EVALUATION_H
#define KPI_LIB_EVALUATION_H

#include "kpi.h"
#include "rules/policy.h"
#include "util/arena.h"
#include "util/strmap.h"
#include "util/vec.h"

#include <stdatomic.h>

#define KPI__NO_PARENT ((size_t)-1)

/* The languages of kpi_lang and the values of kpi_unrated, for tables
 * indexed by them. Internal: a new value in a minor release must not break
 * a program that sized an array with a public constant. */
#define KPI__LANG_COUNT 2
#define KPI__UNRATED_COUNT 8

/* Fields are grouped by width (pointers, sizes and doubles, then 4-byte
 * ones) so that a result has no padding: a national evaluation holds a
 * million of them, each written once on fresh memory. */
struct kpi_result {
    const kpi_evaluation *evaluation;
    char *code;
    char *title;
    char *unit; /* targets only; NULL otherwise */
    char *text; /* targets only: the original wording; NULL otherwise */
    /* The one-line reason in each language, built on first request by
     * kpi_result_reason() (report/reason.c) and kept until the evaluation
     * is freed. Atomic, so that threads sharing a const evaluation may ask
     * at once: each builds, one wins, the others free theirs. */
    _Atomic(char *) reasons[KPI__LANG_COUNT];
    size_t parent;      /* index of the parent result, KPI__NO_PARENT for the plan */
    size_t first_child; /* into kpi_evaluation.children */
    size_t child_count;
    double weight;
    kpi_object kind;
    int32_t depth;

    kpi_rating rating;   /* effective */
    kpi_rating computed; /* by the rules */
    int assessed;
    int mismatch;
    kpi_unrated unrated;          /* why the effective rating is missing */
    kpi_unrated computed_unrated; /* why the computed rating is missing */
    int32_t assessment_date;

    /* Targets only; NaN or 0 where not computed. */
    kpi_kind target_kind;
    double actual;
    double expected;
    double target;
    double start_value;
    double elapsed;
    double pace;
    double achievement;
    kpi_direction direction;
    uint32_t inferred; /* kpi_field bits read from the target's text */
    int32_t measured;
    int32_t start;
    int32_t due;

    /* Progress (updates dated on or before d): the status the rating rests
     * on, from the latest update that gives one, and the latest update of
     * all, as reports show it. */
    kpi_status status;
    int32_t planned;
    int32_t status_date; /* 0: no update gives a status */
    int status_inferred; /* that status was read from the update's text */
    int32_t update_date; /* 0: no update */
    kpi_status update_status;
    int32_t update_planned;
    char *update_text;   /* NULL when no update */
    int figure_inferred; /* A's latest figure was read from a progress text */

    /* Goals and the plan: effective ratings (rating_counts[rating], of
     * KPI_RATING_AHEAD + 1) and unrated reasons (unrated_counts[reason],
     * of KPI__UNRATED_COUNT) of direct children, in the arena; the
     * weighted mean score when the rule is WEIGHTED. Other results point
     * both at the evaluation's zeros. */
    size_t *rating_counts;
    size_t *unrated_counts;
    double mean_score;

    /* Directives only. */
    char *issuer;
    char **goals; /* codes of the goals addressed */
    size_t goal_count;
    int32_t issued; /* 0 when unknown */
    int open;
    int32_t days_open; /* -1 when the date is unknown or it is closed */
    int overdue;       /* open, unanswered, older than the policy allows */
};

struct kpi_evaluation {
    int32_t as_of;
    int32_t as_of_days; /* kpi__date_to_days(as_of), for every target's f */
    int32_t start;      /* the period used */
    int32_t end;
    kpi_policy policy; /* a copy: the caller's policy is not needed afterwards */
    char *organization;
    char *department;
    char **notes; /* the plan's notes' texts */
    size_t note_count;
    kpi_result *results; /* count tree results (plan, goals, targets), then the
                            directive_count directives */
    size_t count;
    size_t directive_count;
    size_t *children; /* children of result i: children[first_child .. +child_count] */
    kpi__strmap by_code;
    kpi__arena *arenas; /* every string and goal list of the results, notes, ... */
    size_t arena_count; /* one per thread of kpi_evaluate() */
    int complete;       /* every result filled: until then, none holds a reason */
    size_t no_counts[KPI__UNRATED_COUNT]; /* the counts of a target or directive */
};

/* The rating rules for one target and for one goal's roll-up. */
void kpi__rate_target(kpi_result *result, const kpi_target *target,
                      const kpi_evaluation *evaluation);
void kpi__rate_goal(kpi_result *result, const kpi__segvec *assessments,
                    const kpi_evaluation *evaluation);

/* Progress (rules/progress.c). kpi__result_progress() reads the updates
 * dated on or before the as-of date into the result's progress fields
 * (copying the latest text into arena: KPI_ERR_NOMEM when it cannot).
 * kpi__under_way() says whether the status reports work under way, the
 * contract's evidence that counts like progress. kpi__rate_by_status()
 * rates a target that has no figure (rule 3); kpi__cap_by_status() turns
 * ◎ or ○ into △ when the status says the deadline will be missed. */
int kpi__result_progress(kpi_result *result, const kpi__segvec *updates, int32_t as_of,
                         kpi__arena *arena);
int kpi__under_way(const kpi_result *result, int32_t as_of);
void kpi__rate_by_status(kpi_result *result, int nothing_expected, int32_t as_of);
void kpi__cap_by_status(kpi_result *result);
/* The one rule of an unanswered directive, for kpi_evaluate() and
 * kpi_validate() alike: issued on or before as_of, no response dated on or
 * before it (responded is the latest one's date, 0 for none), and at least
 * `days` days old. */
int kpi__directive_overdue(int32_t issued, int32_t responded, int32_t as_of,
                           int32_t days);
/* A directive's state as of the evaluation's date (open, days open,
 * overdue), from its responses (the latest already read into result). */
void kpi__directive_state(kpi_result *result, const kpi__segvec *updates,
                          const kpi_evaluation *evaluation);

#endif
