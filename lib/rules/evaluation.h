/* Internal: the structures behind kpi_evaluation and kpi_result. An
 * evaluation is a snapshot that outlives the plan it was made from: it
 * points at the strings of targets and figures that live in the plan's
 * shared string arena, which it keeps alive (never changed, freed only with
 * the last holder), and copies every other string it reports into its own
 * arenas (one per thread that evaluated), never one allocation per string:
 * results only point into them. */
#ifndef KPI_LIB_EVALUATION_H
#define KPI_LIB_EVALUATION_H

#include "kpi.h"
#include "rules/policy.h"
#include "model/scale.h"
#include "util/arena.h"
#include "util/strmap.h"
#include "util/vec.h"

#include <stdatomic.h>

#define KPI__NO_PARENT UINT32_MAX

/* The languages of kpi_lang and the values of kpi_unrated, for tables
 * indexed by them. Internal: a new value in a minor release must not break
 * a program that sized an array with a public constant. */
#define KPI__LANG_COUNT 2
#define KPI__UNRATED_COUNT 8

/* A national evaluation holds a million results, each written once on
 * fresh memory, so a result is kept small: indexes are 32 bits, the enums
 * (named beside each field) and flags one byte each, the reason lines in
 * the evaluation's side tables (built only when asked for), and fields are
 * grouped by width so that there is no padding. */
/* The part of a result that only goals, the plan and directives have: one
 * block in the evaluation's arena each; every target's result points at
 * the evaluation's no_extra, which nothing writes to. */
typedef struct kpi__result_extra {
    /* Goals and the plan: effective ratings (rating_counts[rating], of
     * KPI_RATING_AHEAD + 1) and unrated reasons (unrated_counts[reason],
     * of KPI__UNRATED_COUNT) of direct children, in the arena; the
     * weighted mean score when the rule is WEIGHTED. Directives (and
     * no_extra) point both at the evaluation's zeros. */
    size_t *rating_counts;
    size_t *unrated_counts;
    double mean_score;
    /* Directives only. */
    const char *issuer;
    char **goals; /* codes of the goals addressed */
    uint32_t goal_count;
    int32_t issued;    /* 0 when unknown */
    int32_t days_open; /* -1 when the date is unknown or it is closed */
} kpi__result_extra;

struct kpi_result {
    const kpi_evaluation *evaluation;
    const char *code;
    const char *title;
    const char *unit;        /* targets only; NULL otherwise */
    const char *text;        /* targets only: the original wording; NULL otherwise */
    const char *update_text; /* NULL when no update */
    double weight;

    /* Targets only; NaN where not computed. */
    double actual;
    double expected;
    double target;
    double start_value;
    double elapsed;
    double pace;
    double achievement;

    /* What only goals, the plan and directives have, kept beside the
     * result: a target's points at the evaluation's shared one (most
     * results of a national plan are targets'). */
    kpi__result_extra *extra;

    uint32_t parent;      /* index of the parent result, KPI__NO_PARENT for the plan */
    uint32_t first_child; /* into kpi_evaluation.children */
    uint32_t child_count;
    int32_t depth;
    int32_t assessment_date;

    /* Targets only; 0 where not set. */
    uint32_t inferred; /* kpi_field bits read from the target's text */
    int32_t measured;
    int32_t start;
    int32_t due;

    /* Progress (updates dated on or before d): the status the rating rests
     * on, from the latest update that gives one, and the latest update of
     * all, as reports show it. */
    int32_t planned;
    int32_t status_date; /* 0: no update gives a status */
    int32_t update_date; /* 0: no update */
    int32_t update_planned;

    uint8_t kind;             /* kpi_object */
    uint8_t rating;           /* kpi_rating: effective */
    uint8_t computed;         /* kpi_rating: by the rules */
    uint8_t unrated;          /* kpi_unrated: why the effective rating is missing */
    uint8_t computed_unrated; /* kpi_unrated: why the computed rating is missing */
    uint8_t assessed;
    uint8_t mismatch;
    uint8_t target_kind;     /* kpi_kind */
    uint8_t direction;       /* kpi_direction */
    uint8_t status;          /* kpi_status */
    uint8_t update_status;   /* kpi_status */
    uint8_t status_inferred; /* that status was read from the update's text */
    uint8_t figure_inferred; /* A's latest figure was read from a progress text */
    uint8_t open;            /* directives */
    uint8_t overdue;         /* open, unanswered, older than the policy allows */
    /* The levels on the evaluation's scale (rules/scale_rate.c): indexes
     * of its levels, -1 for none, and why (kpi_level_cause). */
    int8_t level;
    int8_t computed_level;
    int8_t assessed_level; /* the level the assessment used names, -1: none */
    uint8_t level_cause;
    uint8_t computed_level_cause;
};

/* The counts a goal or the plan keeps in one block of its arena: by
 * rating, by unrated reason, by level (KPI__COUNTS in all). Targets and
 * directives point at the evaluation's zeros, which hold no level counts. */
#define KPI__COUNTS (KPI_RATING_AHEAD + 1 + KPI__UNRATED_COUNT + KPI_SCALE_MAX_LEVELS)
#define KPI__LEVEL_COUNTS(result)                                                        \
    ((result)->extra->rating_counts + KPI_RATING_AHEAD + 1 + KPI__UNRATED_COUNT)

struct kpi_evaluation {
    int32_t as_of;
    int32_t as_of_days; /* kpi__date_to_days(as_of), for every target's f */
    int32_t start;      /* the period used */
    int32_t end;
    kpi_policy policy; /* a copy: the caller's policy is not needed afterwards */
    kpi_scale *scale;  /* a reference: the policy's, or the default */
    int default_scale; /* every level is its rating's (the policy set none) */
    char *organization;
    char *department;
    char **notes;      /* the plan's notes' texts */
    char **note_codes; /* and their codes, "" for none */
    size_t note_count;
    kpi_result *results; /* count tree results (plan, goals, targets), then the
                            directive_count directives */
    size_t count;
    size_t directive_count;
    uint32_t *children; /* children of result i: children[first_child .. +child_count] */
    /* The index by code, made on the first request (kpi__evaluation_index()):
     * a program that only walks the results never pays for it (on a
     * national plan, 40 bytes a result and a cache miss each). Atomic like
     * the reasons below: threads that ask at once each build one, one wins,
     * the others free theirs. */
    _Atomic(kpi__strmap *) by_code;
    kpi__arena *arenas;       /* every string and goal list of the results, notes, ... */
    kpi__arena *plan_strings; /* the plan's, kept: targets' and figures' strings */
    /* The reason lines built on request (report/reason.c): for each
     * language, a table of count + directive_count slots made on the first
     * request, each slot set once. Atomic, so that threads sharing a const
     * evaluation may ask at once: each builds, one wins, the others free
     * theirs. */
    _Atomic(_Atomic(char *) *) reasons[KPI__LANG_COUNT];
    size_t arena_count;                   /* one per thread of kpi_evaluate() */
    size_t no_counts[KPI__UNRATED_COUNT]; /* the counts of a target or directive */
    kpi__result_extra
        no_extra; /* every target's; never written after kpi_evaluate() sets it */
};

/* The evaluation's index of results by code, made on the first call; NULL
 * (last error KPI_ERR_NOMEM) when it cannot be made. Goals and targets
 * replace the plan id on a clash, as documented. */
const kpi__strmap *kpi__evaluation_index(const kpi_evaluation *evaluation);

/* The rating rules for one target and for one goal's roll-up. */
void kpi__rate_target(kpi_result *result, const kpi_target *target,
                      const kpi_evaluation *evaluation);
void kpi__rate_goal(kpi_result *result, const kpi__segvec *assessments,
                    const kpi_evaluation *evaluation);

/* The class of a pace (rules 4 and 5) with thresholds ahead and on_track;
 * moved: the target progressed or work is under way (else it is ×). */
kpi_rating kpi__pace_class(double pace, double ahead, double on_track, int moved);
/* The levels of a target and of a goal on the evaluation's scale, from
 * their ratings and figures (rules/scale_rate.c). */
void kpi__level_target(kpi_result *result, const kpi_evaluation *evaluation);
void kpi__level_goal(kpi_result *result, const kpi_evaluation *evaluation);
/* A measure of docs/scales.md (pace, achievement, change) of a target's
 * result, as the bounds compare it and reason lines show it; NaN when
 * undefined. */
double kpi__scale_measure(const kpi_result *result, kpi__measure measure);

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
/* Whether the status says the deadline will be missed (rule 2's cap). */
int kpi__late(const kpi_result *result);
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
