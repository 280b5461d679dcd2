/* kpi_validate(): the problems that keep targets from being rated
 * (INCOMPLETE) or make their values contradict each other (INVALID), found
 * without evaluating, with a message that says what to fix. */
#include "model/model.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/strbuf.h"

#include <math.h>
#include <stdio.h>

typedef struct kpi__problem {
    kpi_unrated kind;
    char *object;
    char *message;
} kpi__problem;

struct kpi_problems {
    kpi__problem *items;
    size_t count;
    size_t capacity;
};

/* Appends a problem with its message: `target "CODE": ` + detail. */
static int add_problem(kpi_problems *list, kpi_unrated kind, const kpi_target *t,
                       const char *detail)
{
    if (list->count == list->capacity) {
        size_t capacity = list->capacity ? list->capacity * 2 : 8;
        kpi__problem *items = kpi__reallocarray(list->items, capacity, sizeof *items);
        if (!items)
            return KPI_ERR_NOMEM;
        list->items = items;
        list->capacity = capacity;
    }
    kpi__strbuf b = {0};
    kpi__strbuf_printf(&b, "target \"%s\": %s", t->code, detail);
    kpi__problem p = {kind, kpi__strdup(t->code), kpi__strbuf_finish(&b)};
    if (!p.object || !p.message) {
        kpi__free(p.object);
        kpi__free(p.message);
        return KPI_ERR_NOMEM;
    }
    list->items[list->count++] = p;
    return KPI_OK;
}

/* What a numeric or milestone target needs before it can be rated, in the
 * order the evaluator checks it. */
static int check_complete(kpi_problems *list, const kpi_target *t)
{
    if (t->kind == KPI_KIND_NUMERIC && isnan(t->change_pct) && isnan(t->value))
        return add_problem(list, KPI_UNRATED_INCOMPLETE, t, "no target value (T) is set");
    if (t->kind == KPI_KIND_NUMERIC && !isnan(t->change_pct) && isnan(t->reference))
        return add_problem(list, KPI_UNRATED_INCOMPLETE, t,
                           "a relative target needs its reference value (R)");
    if (t->direction == KPI_DIRECTION_DECREASE && isnan(t->start_value))
        return add_problem(list, KPI_UNRATED_INCOMPLETE, t,
                           "a DECREASE target needs its start value (S)");
    return KPI_OK;
}

/* Values that contradict each other: no progress is possible from S to T
 * in the target's direction, or the due date is before the start. */
static int check_consistent(kpi_problems *list, const kpi_target *t, const kpi_plan *plan)
{
    char detail[160];
    double target = kpi__target_effective_value(t);
    double start = kpi__target_effective_start(t);
    double gain =
        t->direction == KPI_DIRECTION_INCREASE ? target - start : start - target;
    if (gain <= 0) {
        snprintf(detail, sizeof detail, "target value %g is not %s the start value %g",
                 target, t->direction == KPI_DIRECTION_INCREASE ? "above" : "below",
                 start);
        int rc = add_problem(list, KPI_UNRATED_INVALID, t, detail);
        if (rc != KPI_OK)
            return rc;
    }
    int32_t d0 = t->start ? t->start : plan->start;
    int32_t d1 = t->due ? t->due : plan->end;
    if (d0 && d1 && d1 < d0) {
        snprintf(detail, sizeof detail, "due date %d is before the start date %d",
                 (int)d1, (int)d0);
        return add_problem(list, KPI_UNRATED_INVALID, t, detail);
    }
    return KPI_OK;
}

static int validate_goal(kpi_problems *list, const kpi_goal *goal)
{
    for (size_t i = 0; i < goal->targets.count; i++) {
        const kpi_target *t = goal->targets.items[i];
        if (t->kind == KPI_KIND_QUALITATIVE)
            continue;
        size_t before = list->count;
        int rc = check_complete(list, t);
        if (rc == KPI_OK && list->count == before)
            rc = check_consistent(list, t, goal->plan);
        if (rc != KPI_OK)
            return rc;
    }
    for (size_t i = 0; i < goal->goals.count; i++) {
        int rc = validate_goal(list, goal->goals.items[i]);
        if (rc != KPI_OK)
            return rc;
    }
    return KPI_OK;
}

int kpi_validate(kpi_problems **out, const kpi_plan *plan)
{
    if (!out)
        return kpi__error_null("kpi_validate", "out");
    *out = NULL;
    if (!plan)
        return kpi__error_null("kpi_validate", "plan");
    kpi_problems *list = kpi__calloc(1, sizeof *list);
    if (!list)
        return KPI_ERR_NOMEM;
    for (size_t i = 0; i < plan->goals.count; i++) {
        if (validate_goal(list, plan->goals.items[i]) != KPI_OK) {
            kpi_problems_free(list);
            return kpi__error_nomem();
        }
    }
    *out = list;
    return KPI_OK;
}

void kpi_problems_free(kpi_problems *problems)
{
    if (!problems)
        return;
    for (size_t i = 0; i < problems->count; i++) {
        kpi__free(problems->items[i].object);
        kpi__free(problems->items[i].message);
    }
    kpi__free(problems->items);
    kpi__free(problems);
}

size_t kpi_problems_count(const kpi_problems *problems)
{
    if (!problems) {
        kpi__error_null("kpi_problems_count", "problems");
        return 0;
    }
    return problems->count;
}

static const kpi__problem *problem_at(const kpi_problems *problems, size_t index,
                                      const char *function)
{
    if (!problems) {
        kpi__error_null(function, "problems");
        return NULL;
    }
    if (index >= problems->count) {
        kpi__error(KPI_ERR_RANGE, "problems: index %zu is out of range (%zu)", index,
                   problems->count);
        return NULL;
    }
    return &problems->items[index];
}

kpi_unrated kpi_problems_kind_at(const kpi_problems *problems, size_t index)
{
    const kpi__problem *p = problem_at(problems, index, "kpi_problems_kind_at");
    return p ? p->kind : KPI_UNRATED_NONE;
}

const char *kpi_problems_object_at(const kpi_problems *problems, size_t index)
{
    const kpi__problem *p = problem_at(problems, index, "kpi_problems_object_at");
    return p ? p->object : NULL;
}

const char *kpi_problems_message_at(const kpi_problems *problems, size_t index)
{
    const kpi__problem *p = problem_at(problems, index, "kpi_problems_message_at");
    return p ? p->message : NULL;
}
