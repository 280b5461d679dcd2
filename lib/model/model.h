/* Internal: the structures behind the opaque handles of kpi/plan.h,
 * kpi/goal.h and kpi/target.h, and helpers shared by their sources. */
#ifndef KPI_LIB_MODEL_H
#define KPI_LIB_MODEL_H

#include "kpi.h"
#include "util/error.h"
#include "util/strmap.h"
#include "util/vec.h"

/* A note attached to a plan or a goal. */
typedef struct kpi__note {
    char *code; /* NULL when none */
    char *text;
} kpi__note;

typedef struct kpi__notes {
    kpi__note *items;
    size_t count;
    size_t capacity;
} kpi__notes;

struct kpi_plan {
    char *id;
    char *title;
    char *organization;
    char *department;
    int32_t start; /* 0 when unset */
    int32_t end;
    kpi__ptrvec goals; /* top-level kpi_goal * */
    kpi__notes notes;
    kpi__strmap goals_by_code;
    kpi__strmap targets_by_code;
    kpi__error_record error; /* the last failed change (kpi_plan_error_code()) */
};

struct kpi_goal {
    kpi_plan *plan;
    kpi_goal *parent; /* NULL at top level */
    int32_t depth;    /* 1 at top level */
    char *code;
    char *title;
    double weight;
    kpi__ptrvec goals;   /* child kpi_goal * */
    kpi__ptrvec targets; /* kpi_target * */
    kpi__segvec assessments;
    kpi__notes notes;
};

struct kpi_target {
    kpi_goal *goal;
    char *code;
    char *label;
    char *unit;
    char *text;
    kpi_kind kind;
    kpi_direction direction;
    kpi_schedule schedule;
    kpi_accumulate accumulate;
    double value; /* NaN when unset, likewise below */
    double start_value;
    double reference;
    double change_pct;
    double weight;
    int32_t start; /* 0 when unset */
    int32_t due;
    uint32_t inferred; /* kpi_field bits read from the text */
    kpi__segvec measurements;
    kpi__segvec assessments;
};

/* The strings a measurement may have, allocated only when one is set, so
 * that a plain figure takes 32 bytes (a national plan holds millions). */
typedef struct kpi__measurement_texts {
    char *note;
    char *author;
} kpi__measurement_texts;

struct kpi_measurement {
    kpi_target *target;            /* to check a milestone's 0..1 range on correction */
    kpi__measurement_texts *texts; /* NULL when neither is set */
    double value;
    int32_t date;
};

/* Frees what a measurement owns. */
void kpi__measurement_clear(kpi_measurement *measurement);

struct kpi_assessment {
    kpi_plan *plan; /* whose error a failed change is kept as */
    char *comment;
    char *author;
    int32_t date;
    kpi_rating rating;
};

/* Ends a public call that was to change plan (or anything in it): keeps a
 * failure on the plan as well as the thread's last error, and returns rc. */
int kpi__model_done(kpi_plan *plan, int rc);

/* Checks that value is valid UTF-8, as every string of the API must be;
 * KPI_ERR_ENCODING naming what otherwise. */
int kpi__check_utf8(const char *value, const char *what);

/* Replaces *field with a copy of value (NULL or "" clears it). Returns
 * KPI_OK, KPI_ERR_ENCODING for text that is not UTF-8, or KPI_ERR_NOMEM,
 * with *field unchanged on error. */
int kpi__set_string(char **field, const char *value);

/* The field's string, "" when unset. */
const char *kpi__string_or_empty(const char *field);

/* Checks that code is a usable code (non-empty, at most KPI_MAX_CODE
 * bytes); what names the object for the message. */
int kpi__check_code(const char *code, const char *what);

/* Whether a goal or target of the plan already has code. */
int kpi__plan_code_taken(const kpi_plan *plan, const char *code);

/* Gives the goal or target object registered in map under *code the code
 * new_code, keeping the map in step; what ("goal", "target") names it in
 * messages. On error nothing changes. */
int kpi__plan_rename(kpi_plan *plan, kpi__strmap *map, char **code, const char *new_code,
                     void *object, const char *what);

/* Checks a weight argument: finite and > 0. */
int kpi__check_weight(double weight, const char *what, const char *code);

/* Notes of a plan or goal. */
int kpi__notes_add(kpi__notes *notes, const char *code, const char *text,
                   const char *owner);
void kpi__notes_free(kpi__notes *notes);
/* The text or code ("" when none) of note index, or NULL with
 * KPI_ERR_RANGE recorded. */
const char *kpi__notes_text_at(const kpi__notes *notes, size_t index, const char *owner);
const char *kpi__notes_code_at(const kpi__notes *notes, size_t index, const char *owner);

/* Assessments, shared by goals and targets; owner describes the goal or
 * target for messages, e.g. `target "3-2-a"`. */
int kpi__assessment_add(kpi_assessment **out, kpi_plan *plan, kpi__segvec *list,
                        int32_t date, kpi_rating rating, const char *comment,
                        const char *owner);
void kpi__assessments_free(kpi__segvec *list);
kpi_assessment *kpi__assessment_at(const kpi__segvec *list, size_t index);

/* T in effect: 1 for a milestone, R(1 ± p/100) for a relative target,
 * otherwise the value set; NaN when what it needs is missing. */
double kpi__target_effective_value(const kpi_target *target);
/* S in effect: as set, else 0 for INCREASE; NaN for a DECREASE target
 * without one. */
double kpi__target_effective_start(const kpi_target *target);

/* Frees a target and what it owns (not its entry in the plan's map). */
void kpi__target_free(kpi_target *target);
/* Frees a goal, its children and targets (not their entries in the maps). */
void kpi__goal_free(kpi_goal *goal);
/* Creates a goal under plan (parent NULL) or parent, registering its code. */
int kpi__goal_create(kpi_goal **out, kpi_plan *plan, kpi_goal *parent, kpi__ptrvec *list,
                     const char *code, const char *title);

#endif
