/* Internal: kpi_evaluate()'s work, cut into units that threads may do in
 * any order. The cut depends on the plan alone, never on the number of
 * threads, and every unit writes only its own results at positions fixed
 * beforehand, so that any number of threads gives the same evaluation. */
#ifndef KPI_LIB_EVAL_WORK_H
#define KPI_LIB_EVAL_WORK_H

#include "rules/evaluation.h"

/* Results a unit holds at most, unless one goal's own part is larger: large
 * enough that claiming a unit costs nothing beside its work, small enough
 * that a plan of one big goal still spreads over every thread. */
#define KPI__EVAL_GRAIN 2048

typedef enum kpi__unit_kind {
    KPI__UNIT_SUBTREE,   /* a goal and everything below it, rolled up */
    KPI__UNIT_TARGETS,   /* targets[begin, end) of a goal cut up beforehand */
    KPI__UNIT_DIRECTIVES /* the plan's directives[begin, end) */
} kpi__unit_kind;

typedef struct kpi__eval_unit {
    kpi__unit_kind kind;
    const kpi_goal *goal; /* SUBTREE: its root; TARGETS: their goal */
    size_t index;         /* SUBTREE: the root's result; TARGETS: the goal's */
    size_t first_child;   /* SUBTREE: where its children's runs begin */
    size_t parent;        /* SUBTREE: the parent's result */
    size_t slot;          /* SUBTREE: the root's place among its parent's children */
    size_t begin, end;    /* TARGETS, DIRECTIVES: the range */
} kpi__eval_unit;

/* A goal cut up: its roll-up waits until its units are done. */
typedef struct kpi__eval_rollup {
    const kpi_goal *goal;
    size_t index;
} kpi__eval_rollup;

typedef struct kpi__eval_work {
    const kpi_plan *plan;
    kpi__eval_unit *units;
    size_t unit_count;
    size_t unit_capacity;
    kpi__eval_rollup *rollups; /* children before parents; the plan is not here */
    size_t rollup_count;
    size_t rollup_capacity;
} kpi__eval_work;

/* Cuts the evaluation into units (eval_units.c), filling the results of
 * the plan and of the goals it cuts up, their strings in arena. Returns
 * KPI_OK or KPI_ERR_NOMEM. */
int kpi__eval_cut(kpi__eval_work *work, kpi_evaluation *ev, kpi__arena *arena);
/* The roll-ups of the goals cut up and of the plan, once every unit is
 * done. */
void kpi__eval_rollups(const kpi__eval_work *work, kpi_evaluation *ev);
void kpi__eval_work_free(kpi__eval_work *work);

/* Does one unit (eval_walk.c), its strings in arena. Returns KPI_OK or
 * KPI_ERR_NOMEM. */
int kpi__eval_unit_run(const kpi__eval_work *work, const kpi__eval_unit *unit,
                       kpi_evaluation *ev, kpi__arena *arena);

/* The result of a goal, target or the plan at index, linked to its parent
 * (parent's child number slot) with its code and title copied (a NULL code:
 * the caller sets both), and room for a goal's or the plan's counts; NULL
 * when memory ran out. */
kpi_result *kpi__eval_take(kpi_evaluation *ev, kpi__arena *arena, size_t index,
                           kpi_object kind, size_t parent, size_t slot, const char *code,
                           const char *title);

/* Does every unit on up to threads threads (eval_threads.c), each with its
 * own arena of ev. Returns KPI_OK or KPI_ERR_NOMEM. */
int kpi__eval_run(const kpi__eval_work *work, kpi_evaluation *ev, int32_t threads);

#endif
