/* Directives (指示事項, e.g. 市長指示事項): an instruction addressed to goals
 * of the plan, and the department's responses to it as updates. */
#include "model/model.h"
#include "util/alloc.h"
#include "util/date.h"
#include "util/error.h"

#include <stdio.h>
#include <string.h>

static int directive_null(const kpi_directive *directive, const char *function)
{
    if (directive)
        return 0;
    kpi__error_null(function, "directive");
    return 1;
}

static int check_text(const char *text, const char *code)
{
    if (!text || !*text)
        return kpi__error(KPI_ERR_VALUE, "directive \"%s\": the text must not be empty",
                          code);
    return kpi__check_text(text, "directive", code, "text");
}

/* The cell of a directive's goals is a field like any other: at most
 * KPI_MAX_FIELD bytes, or the reader would refuse it. */
static int check_goals_cell(const kpi_directive *d, size_t length)
{
    if (length <= KPI_MAX_FIELD)
        return KPI_OK;
    return kpi__error(KPI_ERR_LIMIT,
                      "directive \"%s\": goals (their codes separated by \";\") would be "
                      "%zu bytes; the limit is %d (KPI_MAX_FIELD)",
                      d->code, length, KPI_MAX_FIELD);
}

/* Whether d is addressed to goal. Each side keeps the other's list, so the
 * shorter one is searched: adding many goals to one directive, or one goal
 * to many directives, stays linear. */
static _Thread_local size_t address_work;

size_t kpi__directive_address_work(void)
{
    return address_work;
}

static int addresses(const kpi_directive *d, const kpi_goal *goal)
{
    if (d->goals.count <= goal->directives.count) {
        for (size_t i = 0; i < d->goals.count; i++, address_work++)
            if (d->goals.items[i] == goal)
                return 1;
        return 0;
    }
    for (size_t i = 0; i < goal->directives.count; i++, address_work++)
        if (goal->directives.items[i] == d)
            return 1;
    return 0;
}

int kpi__directives_check_code(const kpi_goal *goal, const char *code)
{
    if (!code || goal->directives.count == 0)
        return KPI_OK;
    if (strchr(code, ';'))
        return kpi__error(KPI_ERR_VALUE,
                          "goal \"%s\": a directive is addressed to it, so its code may "
                          "not hold \";\"",
                          goal->code);
    size_t old_length = strlen(goal->code), new_length = strlen(code);
    for (size_t i = 0; i < goal->directives.count; i++) {
        const kpi_directive *d = goal->directives.items[i];
        int rc = check_goals_cell(d, d->goals_cell - old_length + new_length);
        if (rc != KPI_OK)
            return rc;
    }
    return KPI_OK;
}

void kpi__directives_renamed(kpi_goal *goal, size_t old_length)
{
    size_t new_length = strlen(goal->code);
    for (size_t i = 0; i < goal->directives.count; i++) {
        kpi_directive *d = goal->directives.items[i];
        d->goals_cell = d->goals_cell - old_length + new_length;
    }
}

void kpi__directive_free(kpi_directive *directive)
{
    if (!directive)
        return;
    kpi__updates_free(&directive->updates);
    kpi__ptrvec_free(&directive->goals);
    kpi__free(directive->code);
    kpi__free(directive->text);
    kpi__free(directive->issuer);
    kpi__free(directive);
}

/* Creates the directive and registers its code; on error nothing changes. */
static int directive_create(kpi_directive **out, kpi_plan *plan, const char *code,
                            const char *text)
{
    int rc = kpi__check_code(code, "directive");
    if (rc == KPI_OK)
        rc = check_text(text, code);
    if (rc != KPI_OK)
        return rc;
    if (plan->goals_by_code.count + plan->targets_by_code.count +
            plan->directives_by_code.count >=
        KPI_MAX_OBJECTS)
        return kpi__error(
            KPI_ERR_LIMIT,
            "directive \"%s\": the plan already holds %d objects, the limit", code,
            KPI_MAX_OBJECTS);
    if (kpi__plan_code_taken(plan, code))
        return kpi__error(KPI_ERR_DUPLICATE,
                          "directive \"%s\": code is already used by another object",
                          code);
    if (kpi__ptrvec_reserve(&plan->directives) != KPI_OK ||
        kpi__strmap_reserve(&plan->directives_by_code, 1) != KPI_OK)
        return KPI_ERR_NOMEM;
    kpi_directive *d = kpi__calloc(1, sizeof *d);
    if (!d)
        return KPI_ERR_NOMEM;
    d->plan = plan;
    d->code = kpi__strdup(code);
    d->text = kpi__strdup(text);
    if (!d->code || !d->text) {
        kpi__directive_free(d);
        return KPI_ERR_NOMEM;
    }
    kpi__ptrvec_push_reserved(&plan->directives, d);
    kpi__strmap_put(&plan->directives_by_code, d->code, d);
    *out = d;
    return KPI_OK;
}

kpi_directive *kpi_plan_add_directive(kpi_plan *plan, const char *code, const char *text)
{
    if (!plan) {
        kpi__error_null("kpi_plan_add_directive", "plan");
        return NULL;
    }
    kpi_directive *d = NULL;
    int rc = directive_create(&d, plan, code, text);
    return kpi__model_done(plan, rc) == KPI_OK ? d : NULL;
}

size_t kpi_plan_directive_count(const kpi_plan *plan)
{
    if (!plan) {
        kpi__error_null("kpi_plan_directive_count", "plan");
        return 0;
    }
    return plan->directives.count;
}

kpi_directive *kpi_plan_directive_at(kpi_plan *plan, size_t index)
{
    if (!plan) {
        kpi__error_null("kpi_plan_directive_at", "plan");
        return NULL;
    }
    if (index >= plan->directives.count) {
        kpi__error(KPI_ERR_RANGE,
                   "plan \"%s\": directive index %zu is out of range (%zu)", plan->id,
                   index, plan->directives.count);
        return NULL;
    }
    return plan->directives.items[index];
}

kpi_directive *kpi_plan_find_directive(kpi_plan *plan, const char *code)
{
    if (!plan || !code) {
        kpi__error_null("kpi_plan_find_directive", plan ? "code" : "plan");
        return NULL;
    }
    kpi_directive *d = kpi__strmap_get(&plan->directives_by_code, code);
    if (!d)
        kpi__error(KPI_ERR_NOT_FOUND, "plan \"%s\": no directive with code \"%s\"",
                   plan->id, code);
    return d;
}

const char *kpi_directive_code(const kpi_directive *directive)
{
    return directive_null(directive, "kpi_directive_code") ? "" : directive->code;
}

const char *kpi_directive_text(const kpi_directive *directive)
{
    return directive_null(directive, "kpi_directive_text") ? "" : directive->text;
}

int kpi_directive_set_text(kpi_directive *directive, const char *text)
{
    if (directive_null(directive, "kpi_directive_set_text"))
        return KPI_ERR_ARGUMENT;
    int rc = check_text(text, directive->code);
    if (rc == KPI_OK)
        rc =
            kpi__set_string(&directive->text, text, "directive", directive->code, "text");
    return kpi__model_done(directive->plan, rc);
}

const char *kpi_directive_issuer(const kpi_directive *directive)
{
    if (directive_null(directive, "kpi_directive_issuer"))
        return "";
    return directive->issuer ? directive->issuer : "市長";
}

int kpi_directive_set_issuer(kpi_directive *directive, const char *issuer)
{
    if (directive_null(directive, "kpi_directive_set_issuer"))
        return KPI_ERR_ARGUMENT;
    return kpi__model_done(directive->plan,
                           kpi__set_string(&directive->issuer, issuer, "directive",
                                           directive->code, "issuer"));
}

int32_t kpi_directive_date(const kpi_directive *directive)
{
    return directive_null(directive, "kpi_directive_date") ? 0 : directive->date;
}

int kpi_directive_set_date(kpi_directive *directive, int32_t date)
{
    if (directive_null(directive, "kpi_directive_set_date"))
        return KPI_ERR_ARGUMENT;
    int rc = kpi__date_check(date, 1, "directive: date");
    if (rc == KPI_OK)
        directive->date = date;
    return kpi__model_done(directive->plan, rc);
}

/* A goal may be addressed once, and only a goal of the directive's plan. */
static int check_goal(const kpi_directive *d, const kpi_goal *goal)
{
    if (!goal)
        return kpi__error_null("kpi_directive_add_goal", "goal");
    if (goal->plan != d->plan)
        return kpi__error(KPI_ERR_ARGUMENT,
                          "directive \"%s\": goal \"%s\" belongs to another plan",
                          d->code, goal->code);
    /* The structure file lists a directive's goals in one cell separated by
     * ";": a code holding one could not be written and read back. */
    if (strchr(goal->code, ';'))
        return kpi__error(KPI_ERR_VALUE,
                          "directive \"%s\": goal \"%s\" has \";\" in its code, which "
                          "separates a directive's goals in the plan file",
                          d->code, goal->code);
    if (addresses(d, goal))
        return kpi__error(KPI_ERR_DUPLICATE,
                          "directive \"%s\": goal \"%s\" is addressed already", d->code,
                          goal->code);
    return check_goals_cell(d, d->goals_cell + (d->goals.count > 0) + strlen(goal->code));
}

int kpi_directive_add_goal(kpi_directive *directive, kpi_goal *goal)
{
    if (directive_null(directive, "kpi_directive_add_goal"))
        return KPI_ERR_ARGUMENT;
    int rc = check_goal(directive, goal);
    if (rc == KPI_OK && (kpi__ptrvec_reserve(&directive->goals) != KPI_OK ||
                         kpi__ptrvec_reserve(&goal->directives) != KPI_OK))
        rc = KPI_ERR_NOMEM;
    if (rc == KPI_OK) {
        directive->goals_cell += (directive->goals.count > 0) + strlen(goal->code);
        kpi__ptrvec_push_reserved(&directive->goals, goal);
        kpi__ptrvec_push_reserved(&goal->directives, directive);
    }
    return kpi__model_done(directive->plan, rc);
}

size_t kpi_directive_goal_count(const kpi_directive *directive)
{
    return directive_null(directive, "kpi_directive_goal_count") ? 0
                                                                 : directive->goals.count;
}

kpi_goal *kpi_directive_goal_at(kpi_directive *directive, size_t index)
{
    if (directive_null(directive, "kpi_directive_goal_at"))
        return NULL;
    if (index >= directive->goals.count) {
        kpi__error(KPI_ERR_RANGE,
                   "directive \"%s\": goal index %zu is out of range (%zu)",
                   directive->code, index, directive->goals.count);
        return NULL;
    }
    return directive->goals.items[index];
}

kpi_update *kpi_directive_add_update(kpi_directive *directive, int32_t date,
                                     const char *text)
{
    if (directive_null(directive, "kpi_directive_add_update"))
        return NULL;
    kpi__owner owner = {"directive", &directive->code};
    kpi_update *u = NULL;
    int rc = kpi__update_add(&u, directive->plan, &directive->updates, date, text, owner);
    return kpi__model_done(directive->plan, rc) == KPI_OK ? u : NULL;
}

size_t kpi_directive_update_count(const kpi_directive *directive)
{
    return directive_null(directive, "kpi_directive_update_count")
               ? 0
               : directive->updates.count;
}

kpi_update *kpi_directive_update_at(kpi_directive *directive, size_t index)
{
    if (directive_null(directive, "kpi_directive_update_at"))
        return NULL;
    return kpi__update_at(&directive->updates, index);
}
