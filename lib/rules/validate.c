/* kpi_validate(): the problems that keep targets from being rated
 * (INCOMPLETE) or make their values contradict each other (INVALID), and
 * the directives left without a response too long (UNANSWERED), found
 * without evaluating, with a message that says what to fix. What is a
 * problem is decided by kpi__target_reason() and kpi__directive_overdue(),
 * which kpi_evaluate() rates by: this file only words it. */
#include "rules/evaluation.h"
#include "rules/policy.h"
#include "rules/target_reason.h"
#include "model/model.h"
#include "util/date.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/strbuf.h"

#include <math.h>
#include <stdio.h>

typedef struct kpi__problem {
    kpi_problem kind;
    char *object;
    char *message;
} kpi__problem;

struct kpi_problems {
    kpi__problem *items;
    size_t count;
    size_t capacity;
};

/* Appends a problem with its message: `OBJECT "CODE": ` + detail. */
static int add_problem(kpi_problems *list, kpi_problem kind, kpi_object object,
                       const char *code, const char *detail)
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
    kpi__strbuf_printf(&b, "%s \"%s\": %s", kpi_object_name(object), code, detail);
    kpi__problem p = {kind, kpi__strdup(code), kpi__strbuf_finish(&b)};
    if (!p.object || !p.message) {
        kpi__free(p.object);
        kpi__free(p.message);
        return KPI_ERR_NOMEM;
    }
    list->items[list->count++] = p;
    return KPI_OK;
}

/* The message for one cause: what to fix, with the values in effect. */
static void describe(char *detail, size_t size, kpi__cause cause, const kpi_target *t,
                     const kpi__target_facts *f)
{
    int up = t->direction == KPI_DIRECTION_INCREASE;
    switch (cause) {
    case KPI__CAUSE_NO_TARGET:
        snprintf(detail, size, "no target value (T) is set");
        break;
    case KPI__CAUSE_NO_REFERENCE:
        snprintf(detail, size, "a relative target needs its reference value (R)");
        break;
    case KPI__CAUSE_NO_START:
        snprintf(detail, size, "a DECREASE target needs its start value (S)");
        break;
    case KPI__CAUSE_NO_GAIN:
        snprintf(detail, size, "target value %g is not %s the start value %g", f->target,
                 up ? "above" : "below", f->start_value);
        break;
    case KPI__CAUSE_GAIN_OVERFLOW:
        snprintf(detail, size,
                 "target value %g is too far %s the start value %g: %s overflows",
                 f->target, up ? "above" : "below", f->start_value,
                 up ? "T - S" : "S - T");
        break;
    case KPI__CAUSE_DUE_BEFORE_START:
        snprintf(detail, size, "due date %d is before the start date %d", (int)f->due,
                 (int)f->start);
        break;
    }
}

/* One problem per cause of the target's reason, in the order of the
 * causes; nothing for a target that can be rated or is QUALITATIVE (only a
 * person's assessment rates it: that is no problem to fix). */
static int check_target(kpi_problems *list, const kpi_target *t, const kpi_plan *plan)
{
    kpi__target_facts facts;
    kpi_unrated reason = kpi__target_reason(&facts, t, plan->start, plan->end);
    if (reason != KPI_UNRATED_INCOMPLETE && reason != KPI_UNRATED_INVALID)
        return KPI_OK;
    for (unsigned cause = 1; cause <= KPI__CAUSE_LAST; cause <<= 1) {
        if (!(facts.causes & cause))
            continue;
        char detail[160];
        describe(detail, sizeof detail, (kpi__cause)cause, t, &facts);
        kpi_problem kind = reason == KPI_UNRATED_INCOMPLETE ? KPI_PROBLEM_INCOMPLETE
                                                            : KPI_PROBLEM_INVALID;
        int rc = add_problem(list, kind, KPI_OBJECT_TARGET, t->code, detail);
        if (rc != KPI_OK)
            return rc;
    }
    return KPI_OK;
}

static int validate_goal(kpi_problems *list, const kpi_goal *goal)
{
    for (size_t i = 0; i < goal->targets.count; i++) {
        int rc = check_target(list, goal->targets.items[i], goal->plan);
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

/* The date of a directive's latest response dated on or before as_of;
 * 0 for none. */
static int32_t responded(const kpi_directive *d, int32_t as_of)
{
    int32_t latest = 0;
    for (size_t i = 0; i < d->updates.count; i++) {
        const kpi_update *u = kpi__segvec_at(&d->updates, i, sizeof *u);
        if (u->date <= as_of && u->date > latest)
            latest = u->date;
    }
    return latest;
}

/* UNANSWERED: a directive with no response after the policy's days. */
static int check_directive(kpi_problems *list, const kpi_directive *d, int32_t as_of,
                           int32_t days)
{
    if (!kpi__directive_overdue(d->date, responded(d, as_of), as_of, days))
        return KPI_OK;
    char issued[KPI__DATE_ISO_SIZE], detail[160];
    kpi__date_iso(issued, d->date);
    snprintf(detail, sizeof detail, "no response since it was given on %s (%d days)",
             issued, (int)(kpi__date_to_days(as_of) - kpi__date_to_days(d->date)));
    return add_problem(list, KPI_PROBLEM_UNANSWERED, KPI_OBJECT_DIRECTIVE, d->code,
                       detail);
}

static int validate_plan(kpi_problems *list, const kpi_plan *plan, int32_t as_of,
                         int32_t days)
{
    for (size_t i = 0; i < plan->goals.count; i++) {
        if (validate_goal(list, plan->goals.items[i]) != KPI_OK)
            return KPI_ERR_NOMEM;
    }
    for (size_t i = 0; as_of && i < plan->directives.count; i++) {
        if (check_directive(list, plan->directives.items[i], as_of, days) != KPI_OK)
            return KPI_ERR_NOMEM;
    }
    return KPI_OK;
}

int kpi_validate(kpi_problems **out, const kpi_plan *plan, int32_t as_of,
                 const kpi_policy *policy)
{
    if (!out)
        return kpi__error_null("kpi_validate", "out");
    *out = NULL;
    if (!plan)
        return kpi__error_null("kpi_validate", "plan");
    if (as_of == 0)
        as_of = plan->report_date;
    if (as_of && kpi__date_check(as_of, 0, "kpi_validate: as_of") != KPI_OK)
        return KPI_ERR_DATE;
    kpi_policy defaults;
    kpi__policy_defaults(&defaults);
    int32_t days = (policy ? policy : &defaults)->directive_days;
    kpi_problems *list = kpi__calloc(1, sizeof *list);
    if (!list)
        return kpi__error_nomem();
    if (validate_plan(list, plan, as_of, days) != KPI_OK) {
        kpi_problems_free(list);
        return kpi__error_nomem();
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

kpi_problem kpi_problems_kind_at(const kpi_problems *problems, size_t index)
{
    const kpi__problem *p = problem_at(problems, index, "kpi_problems_kind_at");
    return p ? p->kind : KPI_PROBLEM_NONE;
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
