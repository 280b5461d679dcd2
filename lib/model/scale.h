/* Internal: the structure behind kpi_scale (kpi/scale.h). A scale is
 * built once by its reader (io/scale_read.c) and never changes after: so
 * policies and evaluations share it by reference count instead of copying
 * it, on any thread. Its strings live in its own arena. */
#ifndef KPI_LIB_MODEL_SCALE_H
#define KPI_LIB_MODEL_SCALE_H

#include "kpi/scale.h"
#include "util/arena.h"

#include <stdatomic.h>

/* The statuses and unrated reasons, for the tables below (one more than
 * the largest value of kpi_status and kpi_unrated). */
#define KPI__SCALE_STATUSES 8
#define KPI__SCALE_REASONS 8
/* The comparisons a level's condition joins with `and`. */
#define KPI__SCALE_MAX_TERMS 4

/* What a condition compares (docs/scales.md): pace g(A)/g(E),
 * achievement g(A)/g(T), change g(A)/|S|. */
typedef enum kpi__measure {
    KPI__MEASURE_PACE = 0,
    KPI__MEASURE_ACHIEVEMENT = 1,
    KPI__MEASURE_CHANGE = 2
} kpi__measure;

typedef enum kpi__op {
    KPI__OP_GE = 0,
    KPI__OP_GT = 1,
    KPI__OP_LE = 2,
    KPI__OP_LT = 3
} kpi__op;

/* One comparison `MEASURE OP NUMBER`. */
typedef struct kpi__term {
    uint8_t measure; /* kpi__measure */
    uint8_t op;      /* kpi__op */
    double number;
} kpi__term;

typedef struct kpi__level {
    const char *symbol;
    const char *name;
    const char *label[2]; /* by kpi_lang */
    const char *when;     /* as written; "" for otherwise */
    uint32_t classes;     /* bit (1 << kpi_rating) for each class tagged */
    kpi__term terms[KPI__SCALE_MAX_TERMS];
    size_t term_count;
    double score;    /* NaN: none */
    double goal_min; /* NaN: none */
    int32_t line;    /* in the scale file */
} kpi__level;

typedef struct kpi__rule {
    uint8_t quantifier; /* kpi_quantifier */
    uint32_t levels;    /* bit (1 << level) for each level named */
    int32_t result;     /* the level a goal gets */
    int32_t line;
} kpi__rule;

struct kpi_scale {
    atomic_size_t refs;
    const char *id;
    const char *title[2];
    kpi_basis basis;
    kpi_level_rollup rollup;
    double ahead;    /* NaN: the policy's */
    double on_track; /* NaN: the policy's */
    kpi__level levels[KPI_SCALE_MAX_LEVELS];
    size_t level_count;
    kpi__rule rules[KPI_SCALE_MAX_RULES];
    size_t rule_count;
    int8_t status_level[KPI__SCALE_STATUSES]; /* -1: the status names none */
    const char *unrated_symbol[KPI__SCALE_REASONS];
    const char *unrated_label[KPI__SCALE_REASONS][2];
    char **warnings;
    size_t warning_count;
    kpi__arena strings;
};

/* A new empty scale with one reference (basis class, roll-up worst, no
 * thresholds, no levels); NULL (KPI_ERR_NOMEM recorded) when memory runs
 * out. Its builder fills it and then only reads it. */
kpi_scale *kpi__scale_new(void);
/* The default scale, the seed's ◎○△× (model/scale_default.c), with one
 * reference; NULL when memory runs out. */
kpi_scale *kpi__scale_default(void);
/* Another reference to scale (NULL gives NULL): kpi_scale_free() drops one. */
kpi_scale *kpi__scale_keep(const kpi_scale *scale);
/* A copy of n bytes of s in the scale's arena; "" for n == 0 without
 * copying. NULL (KPI_ERR_NOMEM recorded) when memory runs out. */
const char *kpi__scale_text(kpi_scale *scale, const char *s, size_t n);
/* Appends a warning (already formatted); KPI_OK or KPI_ERR_NOMEM. */
int kpi__scale_warn(kpi_scale *scale, const char *message);
/* The names of the measures and operators, as files write them. */
const char *kpi__measure_name(kpi__measure measure);
const char *kpi__op_text(kpi__op op);

#endif
