/* Goals: nested to any depth up to KPI_MAX_DEPTH, each owning child goals,
 * targets, assessments and notes. */
#include "model/model.h"
#include "util/alloc.h"
#include "util/error.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* A goal with its strings allocated, not yet linked into the plan. */
static kpi_goal *goal_alloc(kpi_plan *plan, kpi_goal *parent, const char *code,
                            const char *title)
{
    kpi_goal *goal = kpi__calloc(1, sizeof *goal);
    if (!goal)
        return NULL;
    goal->plan = plan;
    goal->parent = parent;
    goal->depth = parent ? parent->depth + 1 : 1;
    goal->weight = 1.0;
    goal->code = kpi__strdup(code);
    if (!goal->code ||
        kpi__set_string(&goal->title, title, "goal", code, "title") != KPI_OK) {
        kpi__free(goal->code);
        kpi__free(goal);
        return NULL;
    }
    return goal;
}

static int check_new_code(const kpi_plan *plan, const char *code, const char *what)
{
    int rc = kpi__check_code(code, what);
    if (rc != KPI_OK)
        return rc;
    if (plan->goals_by_code.count + plan->targets_by_code.count >= KPI_MAX_OBJECTS)
        return kpi__error(
            KPI_ERR_LIMIT,
            "%s \"%s\": the plan already holds %d goals and targets, the limit", what,
            code, KPI_MAX_OBJECTS);
    if (kpi__plan_code_taken(plan, code))
        return kpi__error(KPI_ERR_DUPLICATE,
                          "%s \"%s\": code is already used by another goal or target",
                          what, code);
    return KPI_OK;
}

int kpi__goal_create(kpi_goal **out, kpi_plan *plan, kpi_goal *parent, kpi__ptrvec *list,
                     const char *code, const char *title)
{
    int rc = check_new_code(plan, code, "goal");
    if (rc == KPI_OK)
        rc = kpi__plan_id_clash(plan, code, "goal");
    if (rc == KPI_OK)
        rc = kpi__check_text(title, "goal", code, "title");
    if (rc != KPI_OK)
        return rc;
    if (parent && parent->depth >= KPI_MAX_DEPTH)
        return kpi__error(KPI_ERR_LIMIT,
                          "goal \"%s\": nesting deeper than %d levels under \"%s\"", code,
                          KPI_MAX_DEPTH, parent->code);
    /* Reserve every slot before linking, so that a failure leaves the plan
     * exactly as it was. */
    if (kpi__ptrvec_reserve(list) != KPI_OK ||
        kpi__strmap_reserve(&plan->goals_by_code, 1) != KPI_OK)
        return KPI_ERR_NOMEM;
    kpi_goal *goal = goal_alloc(plan, parent, code, title);
    if (!goal)
        return KPI_ERR_NOMEM;
    kpi__ptrvec_push_reserved(list, goal);
    kpi__strmap_put(&plan->goals_by_code, goal->code, goal);
    if (out)
        *out = goal;
    return KPI_OK;
}

void kpi__goal_free(kpi_goal *goal)
{
    for (size_t i = 0; i < goal->goals.count; i++)
        kpi__goal_free(goal->goals.items[i]);
    for (size_t i = 0; i < goal->targets.count; i++)
        kpi__target_free(goal->targets.items[i]);
    kpi__ptrvec_free(&goal->goals);
    kpi__ptrvec_free(&goal->targets);
    kpi__ptrvec_free(&goal->directives);
    kpi__assessments_free(&goal->assessments);
    kpi__updates_free(&goal->updates);
    kpi__notes_free(&goal->notes);
    kpi__free(goal->code);
    kpi__free(goal->title);
    kpi__free(goal);
}

static int goal_null(const kpi_goal *goal, const char *function)
{
    if (goal)
        return 0;
    kpi__error_null(function, "goal");
    return 1;
}

const char *kpi_goal_code(const kpi_goal *goal)
{
    return goal_null(goal, "kpi_goal_code") ? "" : goal->code;
}

int kpi_goal_set_code(kpi_goal *goal, const char *code)
{
    if (goal_null(goal, "kpi_goal_set_code"))
        return KPI_ERR_ARGUMENT;
    int rc = kpi__directives_check_code(goal, code);
    if (rc == KPI_OK)
        rc = kpi__plan_id_clash(goal->plan, code, "goal");
    size_t old_length = strlen(goal->code);
    if (rc == KPI_OK)
        rc = kpi__plan_rename(goal->plan, &goal->plan->goals_by_code, &goal->code, NULL,
                              code, goal, "goal");
    if (rc == KPI_OK)
        kpi__directives_renamed(goal, old_length);
    return kpi__model_done(goal->plan, rc);
}

const char *kpi_goal_title(const kpi_goal *goal)
{
    return goal_null(goal, "kpi_goal_title") ? "" : kpi__string_or_empty(goal->title);
}

int kpi_goal_set_title(kpi_goal *goal, const char *title)
{
    if (goal_null(goal, "kpi_goal_set_title"))
        return KPI_ERR_ARGUMENT;
    return kpi__model_done(
        goal->plan, kpi__set_string(&goal->title, title, "goal", goal->code, "title"));
}

double kpi_goal_weight(const kpi_goal *goal)
{
    return goal_null(goal, "kpi_goal_weight") ? (double)NAN : goal->weight;
}

int kpi_goal_set_weight(kpi_goal *goal, double weight)
{
    if (goal_null(goal, "kpi_goal_set_weight"))
        return KPI_ERR_ARGUMENT;
    int rc = kpi__check_weight(weight, "goal", goal->code);
    if (rc == KPI_OK)
        goal->weight = weight;
    return kpi__model_done(goal->plan, rc);
}

kpi_plan *kpi_goal_plan(kpi_goal *goal)
{
    return goal_null(goal, "kpi_goal_plan") ? NULL : goal->plan;
}

kpi_goal *kpi_goal_parent(kpi_goal *goal)
{
    return goal_null(goal, "kpi_goal_parent") ? NULL : goal->parent;
}

int32_t kpi_goal_depth(const kpi_goal *goal)
{
    return goal_null(goal, "kpi_goal_depth") ? 0 : goal->depth;
}

size_t kpi_goal_goal_count(const kpi_goal *goal)
{
    return goal_null(goal, "kpi_goal_goal_count") ? 0 : goal->goals.count;
}

static void *item_at(const kpi__ptrvec *vec, size_t index, const kpi_goal *goal,
                     const char *what)
{
    if (index < vec->count)
        return vec->items[index];
    kpi__error(KPI_ERR_RANGE, "goal \"%s\": %s index %zu is out of range (%zu)",
               goal->code, what, index, vec->count);
    return NULL;
}

kpi_goal *kpi_goal_goal_at(kpi_goal *goal, size_t index)
{
    if (goal_null(goal, "kpi_goal_goal_at"))
        return NULL;
    return item_at(&goal->goals, index, goal, "child goal");
}

kpi_goal *kpi_goal_add_goal(kpi_goal *parent, const char *code, const char *title)
{
    if (!parent) {
        kpi__error_null("kpi_goal_add_goal", "parent");
        return NULL;
    }
    kpi_goal *goal = NULL;
    int rc = kpi__goal_create(&goal, parent->plan, parent, &parent->goals, code, title);
    return kpi__model_done(parent->plan, rc) == KPI_OK ? goal : NULL;
}

size_t kpi_goal_target_count(const kpi_goal *goal)
{
    return goal_null(goal, "kpi_goal_target_count") ? 0 : goal->targets.count;
}

kpi_target *kpi_goal_target_at(kpi_goal *goal, size_t index)
{
    if (goal_null(goal, "kpi_goal_target_at"))
        return NULL;
    return item_at(&goal->targets, index, goal, "target");
}

/* A target in the plan's arena, with its code and label; NULL when memory
 * runs out (what the arena took then is not reachable, and goes with the
 * plan). */
static kpi_target *target_alloc(kpi_goal *goal, const char *code, const char *label)
{
    kpi_target *target = kpi__arena_calloc(&goal->plan->objects, sizeof *target);
    if (!target)
        return NULL;
    target->goal = goal;
    target->value = target->start_value = NAN;
    target->reference = target->change_pct = NAN;
    target->weight = 1.0;
    target->code = kpi__arena_strndup(goal->plan->strings, code, strlen(code));
    if (!target->code ||
        kpi__set_arena_string(goal->plan, &target->label, &target->owned, KPI__OWN_LABEL,
                              1, label, "target", code, "label") != KPI_OK)
        return NULL;
    return target;
}

/* Creates the target and registers its code; on error nothing changes. */
static int target_create(kpi_target **out, kpi_goal *goal, const char *code,
                         const char *label)
{
    kpi_plan *plan = goal->plan;
    int rc = check_new_code(plan, code, "target");
    if (rc == KPI_OK)
        rc = kpi__check_text(label, "target", code, "label");
    if (rc != KPI_OK)
        return rc;
    if (kpi__ptrvec_reserve(&goal->targets) != KPI_OK ||
        kpi__strmap_reserve(&plan->targets_by_code, 1) != KPI_OK)
        return KPI_ERR_NOMEM;
    kpi_target *target = target_alloc(goal, code, label);
    if (!target)
        return KPI_ERR_NOMEM;
    kpi__ptrvec_push_reserved(&goal->targets, target);
    kpi__strmap_put(&plan->targets_by_code, target->code, target);
    *out = target;
    return KPI_OK;
}

kpi_target *kpi_goal_add_target(kpi_goal *goal, const char *code, const char *label)
{
    if (goal_null(goal, "kpi_goal_add_target"))
        return NULL;
    kpi_target *target = NULL;
    int rc = target_create(&target, goal, code, label);
    return kpi__model_done(goal->plan, rc) == KPI_OK ? target : NULL;
}

size_t kpi_goal_assessment_count(const kpi_goal *goal)
{
    return goal_null(goal, "kpi_goal_assessment_count") ? 0 : goal->assessments.count;
}

kpi_assessment *kpi_goal_assessment_at(kpi_goal *goal, size_t index)
{
    if (goal_null(goal, "kpi_goal_assessment_at"))
        return NULL;
    return kpi__assessment_at(&goal->assessments, index);
}

kpi_assessment *kpi_goal_add_assessment(kpi_goal *goal, int32_t date, kpi_rating rating,
                                        const char *comment)
{
    if (goal_null(goal, "kpi_goal_add_assessment"))
        return NULL;
    kpi__owner owner = {"goal", &goal->code};
    kpi_assessment *a = NULL;
    int rc = kpi__assessment_add(&a, goal->plan, &goal->assessments, date, rating,
                                 comment, owner);
    return kpi__model_done(goal->plan, rc) == KPI_OK ? a : NULL;
}

size_t kpi_goal_note_count(const kpi_goal *goal)
{
    return goal_null(goal, "kpi_goal_note_count") ? 0 : goal->notes.count;
}

const char *kpi_goal_note_at(const kpi_goal *goal, size_t index)
{
    if (goal_null(goal, "kpi_goal_note_at"))
        return NULL;
    return kpi__notes_text_at(&goal->notes, index, goal->code);
}

const char *kpi_goal_note_code_at(const kpi_goal *goal, size_t index)
{
    if (goal_null(goal, "kpi_goal_note_code_at"))
        return NULL;
    return kpi__notes_code_at(&goal->notes, index, goal->code);
}

int kpi_goal_add_note(kpi_goal *goal, const char *code, const char *text)
{
    if (goal_null(goal, "kpi_goal_add_note"))
        return KPI_ERR_ARGUMENT;
    return kpi__model_done(goal->plan,
                           kpi__notes_add(&goal->notes, code, text, "goal", goal->code));
}

kpi_update *kpi_goal_add_update(kpi_goal *goal, int32_t date, const char *text)
{
    if (goal_null(goal, "kpi_goal_add_update"))
        return NULL;
    kpi__owner owner = {"goal", &goal->code};
    kpi_update *u = NULL;
    int rc = kpi__update_add(&u, goal->plan, &goal->updates, date, text, owner);
    return kpi__model_done(goal->plan, rc) == KPI_OK ? u : NULL;
}

size_t kpi_goal_update_count(const kpi_goal *goal)
{
    return goal_null(goal, "kpi_goal_update_count") ? 0 : goal->updates.count;
}

kpi_update *kpi_goal_update_at(kpi_goal *goal, size_t index)
{
    if (goal_null(goal, "kpi_goal_update_at"))
        return NULL;
    return kpi__update_at(&goal->updates, index);
}
