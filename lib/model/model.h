/* Internal: the structures behind the opaque handles of kpi/plan.h,
 * kpi/goal.h, kpi/target.h and kpi/progress.h, and helpers shared by their
 * sources. */
#ifndef KPI_LIB_MODEL_H
#define KPI_LIB_MODEL_H

#include "kpi.h"
#include "model/scale.h"
#include "util/arena.h"
#include "util/error.h"
#include "util/strmap.h"
#include "util/vec.h"

/* Every list of measurements, assessments and updates is a kpi__segvec,
 * whose count is 32 bits; the model refuses a record past the limit. */
_Static_assert(KPI_MAX_RECORDS < UINT32_MAX, "a record list's count must fit 32 bits");

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
    kpi__ptrvec directives; /* kpi_directive *, in the order added */
    kpi__strmap directives_by_code;
    int32_t report_date; /* 基準日; 0 when unset */
    kpi_scale *scale;    /* the scale the plan names (a reference), or NULL */
    char *scale_name;    /* as its file named it (an id or a path); NULL with it */
    /* The order of progress entries (measurements, assessments, updates)
     * as they were added: the order of the rows of the progress file, kept
     * so that writing gives the rows back in it (and "the later row" on the
     * same date stays the later row). */
    uint32_t next_seq;
    /* Every target, its lists' segments and its figures' texts (objects),
     * and the strings first given to targets and measurements (strings):
     * a national plan is millions of them (util/arena.h). The strings are
     * shared with the evaluations of the plan, which point at them rather
     * than copy them, and outlive the plan while one of those does. */
    kpi__arena objects;
    kpi__arena *strings;
    kpi__error_record error; /* the last failed change (kpi_plan_error_code()) */
};

struct kpi_goal {
    kpi_plan *plan;
    kpi_goal *parent; /* NULL at top level */
    int32_t depth;    /* 1 at top level */
    char *code;
    char *title;
    double weight;
    kpi__ptrvec goals;      /* child kpi_goal * */
    kpi__ptrvec targets;    /* kpi_target * */
    kpi__ptrvec directives; /* kpi_directive * addressed to the goal */
    kpi__segvec assessments;
    kpi__segvec updates; /* kpi_update */
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
    uint32_t owned;    /* KPI__OWN_* bits: which strings are allocated on their own */
    kpi__segvec measurements;
    kpi__segvec assessments;
    kpi__segvec updates; /* kpi_update */
};

/* The strings a measurement may have, allocated only when one is set, so
 * that a plain figure takes 24 bytes (a national plan holds millions); they
 * name the measurement's target in its stead (struct kpi_measurement). */
typedef struct kpi__measurement_texts {
    kpi_target *target;
    char *note;
    char *author;
    uint32_t owned; /* KPI__OWN_NOTE, KPI__OWN_AUTHOR */
} kpi__measurement_texts;

/* Strings of targets and measurements are first copied into the plan's
 * arena (freed with the plan); a setter that replaces one allocates the new
 * string on its own and marks it here, so that editing a string many times
 * frees each old copy instead of growing the arena (bit << 16 marks that a
 * field had its first value). */
#define KPI__OWN_CODE 1u
#define KPI__OWN_LABEL 2u
#define KPI__OWN_UNIT 4u
#define KPI__OWN_TEXT 8u
/* On a target: a measurement of it has a note or author of its own. */
#define KPI__OWN_FIGURE_TEXTS 0x80000000u
#define KPI__OWN_NOTE 1u
#define KPI__OWN_AUTHOR 2u

/* The seq field of a measurement keeps in its top bit whether the figure
 * was read from a progress text by the reader (kpi_measurement_inferred())
 * rather than written by the city; the rest is its row order. */
#define KPI__SEQ_INFERRED 0x80000000u
#define KPI__SEQ_MASK 0x7FFFFFFFu

/* link is the target (to check a milestone's 0..1 range on correction and
 * to name it in messages), or, with its lowest bit set, the measurement's
 * texts, which hold the target: one word for both, as most figures have no
 * note. Only model/measurement.c reads it. */
#define KPI__LINK_TEXTS ((uintptr_t)1)

struct kpi_measurement {
    uintptr_t link;
    double value;
    int32_t date;
    uint32_t seq; /* row order (and KPI__SEQ_INFERRED); fits the padding: 24 bytes */
};

/* Frees what a measurement owns. */
void kpi__measurement_clear(kpi_measurement *measurement);

/* The goal, target or directive an assessment or update belongs to, for
 * messages: its kind and its code field (which follows a rename). */
typedef struct kpi__owner {
    const char *kind; /* "goal", "target", "directive" */
    char *const *code;
} kpi__owner;

struct kpi_assessment {
    kpi_plan *plan; /* whose error a failed change is kept as */
    kpi__owner owner;
    char *comment;
    char *author;
    int32_t date;
    kpi_rating rating;
    uint32_t seq; /* row order */
    char *level;  /* a level of a scale, as given (its symbol or name); NULL: none */
};

struct kpi_update {
    kpi_plan *plan;
    kpi__owner owner;
    char *text; /* NULL when none, or when the text is its measurement's note */
    char *author;
    int32_t date;
    int32_t planned; /* 0 when none */
    kpi_status status;
    uint32_t inferred; /* KPI_FIELD_STATUS, KPI_FIELD_PLANNED read from the text */
    uint32_t seq;      /* row order; the same as its measurement's when it has one */
    /* The figure reported on the same row of the progress file, whose note
     * is then this update's text: one row, read and written as one. */
    kpi_measurement *measurement;
};

struct kpi_directive {
    kpi_plan *plan;
    char *code;
    char *text;
    char *issuer;        /* NULL: 市長 */
    int32_t date;        /* 0 when unknown */
    kpi__ptrvec goals;   /* kpi_goal * addressed; none: the whole plan */
    size_t goals_cell;   /* bytes of the plan file's cell listing goals' codes */
    kpi__segvec updates; /* kpi_update: the responses */
};

/* The next row order number of plan's progress entries. */
uint32_t kpi__plan_next_seq(kpi_plan *plan);

/* Updates, shared by targets, goals and directives, whose owner names
 * them in messages. */
int kpi__update_add(kpi_update **out, kpi_plan *plan, kpi__segvec *list, int32_t date,
                    const char *text, kpi__owner owner);
kpi_update *kpi__update_at(const kpi__segvec *list, size_t index);
void kpi__updates_free(kpi__segvec *list);
/* Reads an update into its figure's row: the update takes the
 * measurement's row order and its text is the measurement's note. */
void kpi__update_link(kpi_update *update, kpi_measurement *measurement);
/* Marks fields (KPI_FIELD_STATUS, KPI_FIELD_PLANNED) as read from the text;
 * and a measurement's figure likewise. */
void kpi__update_set_inferred(kpi_update *update, uint32_t fields);
void kpi__measurement_set_inferred(kpi_measurement *measurement);

/* What an evaluation may point at instead of copying (rules/eval_walk.c):
 * a string given first to a target or measurement lives in the plan's
 * shared string arena until the last evaluation holding it lets go, while
 * one that replaced another is allocated alone and freed on the next
 * change. These return the text when it may be shared (the empty string
 * when there is none), NULL when it must be copied. */
const char *kpi__target_string_shared(const kpi_target *target, const char *field,
                                      uint32_t bit);
const char *kpi__update_text_shared(const kpi_update *update);
const char *kpi__measurement_note_shared(const kpi_measurement *measurement);

/* Whether goal may take code with the directives addressed to it: a plan
 * file lists a directive's goals in one cell, separated by ";", so the
 * code may not hold one, and the cell must stay within KPI_MAX_FIELD.
 * KPI_ERR_VALUE or KPI_ERR_LIMIT otherwise. */
int kpi__directives_check_code(const kpi_goal *goal, const char *code);
/* How many (directive, goal) pairs this thread has compared to find
 * whether a directive already addresses a goal; read by the tests, which
 * bound it (adding n goals to one directive, or one goal to n directives,
 * compares at most about n pairs, not n^2 / 2). */
size_t kpi__directive_address_work(void);
/* Keeps the goals cells of goal's directives in step once goal's code,
 * old_length bytes before, is renamed. */
void kpi__directives_renamed(kpi_goal *goal, size_t old_length);

/* Frees a directive and what it owns (not its entry in the plan's map). */
void kpi__directive_free(kpi_directive *directive);

/* Ends a public call that was to change plan (or anything in it): keeps a
 * failure on the plan as well as the thread's last error, and returns rc. */
int kpi__model_done(kpi_plan *plan, int rc);
/* Sets the scale a plan names and the name its file gives it (an id or a
 * path; NULL: the scale's id); scale NULL clears both (model/plan_scale.c). */
int kpi__plan_set_scale_named(kpi_plan *plan, const kpi_scale *scale, const char *name);
/* Drops the plan's scale and its name (kpi_plan_free()). */
void kpi__plan_scale_free(kpi_plan *plan);

/* Checks that value is valid UTF-8, as every string of the API must be;
 * KPI_ERR_ENCODING naming what otherwise. */
int kpi__check_utf8(const char *value, const char *what);

/* Checks a text for a field (NULL passes): at most KPI_MAX_FIELD bytes
 * (KPI_ERR_LIMIT) and UTF-8 (KPI_ERR_ENCODING), the message naming the
 * object by kind and code and the field, e.g.
 * `goal "3-2": title is 10000000 bytes; the limit is 1048576 (KPI_MAX_FIELD)`. */
int kpi__check_text(const char *value, const char *object, const char *code,
                    const char *field);

/* Replaces *field with a copy of value (NULL or "" clears it) once
 * kpi__check_text() passes it, naming the field as it does. Returns
 * KPI_OK, its error, or KPI_ERR_NOMEM, with *field unchanged on error. */
int kpi__set_string(char **field, const char *value, const char *object, const char *code,
                    const char *name);

/* Like kpi__set_string() for a string kept in plan's arena: the first
 * value of the field is copied into the arena (interned when intern is
 * set: units, labels, wordings repeat), a later one allocated on its own
 * and marked with bit in *owned; the old one is freed when it was so
 * marked. */
int kpi__set_arena_string(kpi_plan *plan, char **field, uint32_t *owned, uint32_t bit,
                          int intern, const char *value, const char *object,
                          const char *code, const char *name);

/* While the reader loads a file it has decoded and validated as UTF-8,
 * the checks of text and codes on this thread skip the repeat UTF-8 check
 * (every length limit still applies): on, then off when the load ends. */
void kpi__model_text_validated(int on);

/* The field's string, "" when unset. */
const char *kpi__string_or_empty(const char *field);

/* Checks that code is a usable code: non-empty, at most KPI_MAX_CODE bytes
 * (KPI_ERR_LIMIT), UTF-8, no blank at either end (the readers trim them);
 * what names the object for the message. kpi__check_code_text() is the
 * same for a code that may be empty (a note's). */
int kpi__check_code(const char *code, const char *what);
int kpi__check_code_text(const char *code, const char *what);

/* Whether a goal, target or directive of the plan already has code. */
int kpi__plan_code_taken(const kpi_plan *plan, const char *code);

/* A goal may not have the plan's id as its code: a plan file names a
 * goal's parent, and a directive's goals, by code, and reads the plan's id
 * there as the plan. KPI_ERR_DUPLICATE naming what (e.g. "goal") when
 * code is the id. */
int kpi__plan_id_clash(const kpi_plan *plan, const char *code, const char *what);

/* Gives the goal or target object registered in map under *code the code
 * new_code, keeping the map in step; what ("goal", "target") names it in
 * messages. owned: the object's KPI__OWN_* bits when its code may be in the
 * plan's arena, NULL when it is always allocated on its own. On error
 * nothing changes. */
int kpi__plan_rename(kpi_plan *plan, kpi__strmap *map, char **code, uint32_t *owned,
                     const char *new_code, void *object, const char *what);

/* Checks a date for a field: valid (or 0 when allow_unset), the message
 * naming the object by kind and code and the field, e.g.
 * `target "1-1": due: 20171301 is not a valid date (YYYYMMDD)`. The name is
 * formatted only for a date that fails: millions of rows pass here. */
int kpi__check_date_field(int32_t date, int allow_unset, const char *object,
                          const char *code, const char *field);

/* Checks a weight argument: finite and > 0. */
int kpi__check_weight(double weight, const char *what, const char *code);

/* Notes of a plan or goal: object ("plan", "goal") and owner_code name
 * the owner in messages. */
int kpi__notes_add(kpi__notes *notes, const char *code, const char *text,
                   const char *object, const char *owner_code);
void kpi__notes_free(kpi__notes *notes);
/* The text or code ("" when none) of note index, or NULL with
 * KPI_ERR_RANGE recorded. */
const char *kpi__notes_text_at(const kpi__notes *notes, size_t index, const char *owner);
const char *kpi__notes_code_at(const kpi__notes *notes, size_t index, const char *owner);

/* Assessments, shared by goals and targets, whose owner names them in
 * messages. */
int kpi__assessment_add(kpi_assessment **out, kpi_plan *plan, kpi__segvec *list,
                        int32_t date, kpi_rating rating, const char *comment,
                        kpi__owner owner);
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
