/* One unit of kpi_evaluate(): a subtree walked depth first, targets rated
 * before the goals that roll them up, a run of one goal's targets, or a run
 * of directives. A result points at its target's strings in the plan's
 * shared arena (rules/evaluation.h) and has every other string it reports
 * copied into the unit's arena, so that it costs no allocation of its own. */
#include "rules/eval_work.h"
#include "model/model.h"

#include <math.h>
#include <string.h>

/* Where a subtree's walk writes next: results in plan order, and each
 * parent's children in one run of the children index array. */
struct walk {
    kpi_evaluation *ev;
    kpi__arena *arena;
    size_t next_result;
    size_t next_child;
};

static char *copy(kpi__arena *arena, const char *s)
{
    return kpi__arena_strndup(arena, s, strlen(s));
}

/* Units repeat (件, 回, %) and empty texts are many: one copy each. */
static char *intern(kpi__arena *arena, const char *s)
{
    return (char *)kpi__arena_intern(arena, s, strlen(s));
}

/* A result's own extra part (goals, the plan and directives), from arena,
 * starting as the evaluation's shared one; a goal's and the plan's with
 * room for their counts. NULL when memory ran out. */
static kpi__result_extra *own_extra(kpi_result *r, kpi_evaluation *ev, kpi__arena *arena,
                                    int counted)
{
    kpi__result_extra *extra = kpi__arena_calloc(arena, sizeof *extra);
    size_t *counts =
        counted ? kpi__arena_calloc(arena, KPI__COUNTS * sizeof *counts) : ev->no_counts;
    if (!extra || !counts)
        return NULL;
    *extra = ev->no_extra;
    extra->rating_counts = counts;
    extra->unrated_counts = counted ? counts + KPI_RATING_AHEAD + 1 : counts;
    r->extra = extra;
    return extra;
}

/* Results are not zeroed beforehand (evaluate.c): each starts here. */
static void result_init(kpi_result *r, kpi_evaluation *ev, kpi_object kind)
{
    memset(r, 0, sizeof *r);
    r->evaluation = ev;
    r->extra = &ev->no_extra;
    r->kind = (uint8_t)kind;
    r->parent = KPI__NO_PARENT;
    r->weight = 1.0;
    r->actual = r->expected = r->target = r->start_value = NAN;
    r->elapsed = r->pace = r->achievement = NAN;
    r->level = r->computed_level = r->assessed_level = -1;
}

kpi_result *kpi__eval_take(kpi_evaluation *ev, kpi__arena *arena, size_t index,
                           kpi_object kind, size_t parent, size_t slot, const char *code,
                           const char *title)
{
    kpi_result *r = &ev->results[index];
    result_init(r, ev, kind);
    if (parent != KPI__NO_PARENT) {
        const kpi_result *p = &ev->results[parent];
        ev->children[p->first_child + slot] = index;
        r->parent = parent;
        r->depth = p->depth + 1;
    }
    if (code) {
        r->code = copy(arena, code);
        r->title = title && *title ? copy(arena, title) : intern(arena, "");
        if (!r->code || !r->title)
            return NULL;
    }
    if (kind == KPI_OBJECT_TARGET)
        return r;
    return own_extra(r, ev, arena, 1) ? r : NULL;
}

/* A string of target t: shared while it is the first value it was given,
 * copied when a setter replaced it (model/model.h). */
static const char *target_string(struct walk *w, const kpi_target *t, const char *field,
                                 uint32_t bit)
{
    const char *shared = kpi__target_string_shared(t, field, bit);
    return shared ? shared : copy(w->arena, field);
}

static int target_at(struct walk *w, const kpi_target *t, size_t index, size_t parent,
                     size_t slot)
{
    kpi_evaluation *ev = w->ev;
    kpi_result *r =
        kpi__eval_take(ev, w->arena, index, KPI_OBJECT_TARGET, parent, slot, NULL, NULL);
    if (!r || !(r->code = target_string(w, t, t->code, KPI__OWN_CODE)) ||
        !(r->title = target_string(w, t, t->label, KPI__OWN_LABEL)) ||
        !(r->unit = target_string(w, t, t->unit, KPI__OWN_UNIT)) ||
        !(r->text = target_string(w, t, t->text, KPI__OWN_TEXT)) ||
        kpi__result_progress(r, &t->updates, ev->as_of, w->arena) != KPI_OK)
        return KPI_ERR_NOMEM;
    kpi__rate_target(r, t, ev);
    return KPI_OK;
}

/* Results are addressed by index, not pointer, across the recursion: the
 * array does not move, but indexes keep the parent/child links plain. */
static int walk_goal(struct walk *w, const kpi_goal *goal, size_t parent, size_t slot)
{
    kpi_evaluation *ev = w->ev;
    size_t index = w->next_result++;
    kpi_result *r = kpi__eval_take(ev, w->arena, index, KPI_OBJECT_GOAL, parent, slot,
                                   goal->code, goal->title);
    if (!r)
        return KPI_ERR_NOMEM;
    r->weight = goal->weight;
    if (kpi__result_progress(r, &goal->updates, ev->as_of, w->arena) != KPI_OK)
        return KPI_ERR_NOMEM;
    r->first_child = w->next_child;
    r->child_count = goal->targets.count + goal->goals.count;
    w->next_child += r->child_count;
    for (size_t i = 0; i < goal->targets.count; i++)
        if (target_at(w, goal->targets.items[i], w->next_result++, index, i) != KPI_OK)
            return KPI_ERR_NOMEM;
    for (size_t i = 0; i < goal->goals.count; i++)
        if (walk_goal(w, goal->goals.items[i], index, goal->targets.count + i) != KPI_OK)
            return KPI_ERR_NOMEM;
    kpi__rate_goal(&ev->results[index], &goal->assessments, ev);
    return KPI_OK;
}

/* A directive's result: what reports show of it and its follow-up, after
 * the tree's results. */
static int directive_at(kpi_evaluation *ev, kpi__arena *arena, const kpi_directive *d,
                        size_t index)
{
    kpi_result *r = &ev->results[index];
    result_init(r, ev, KPI_OBJECT_DIRECTIVE);
    if (!own_extra(r, ev, arena, 0))
        return KPI_ERR_NOMEM;
    r->code = copy(arena, d->code);
    r->title = copy(arena, d->text);
    r->extra->issuer = intern(arena, kpi_directive_issuer(d));
    r->extra->goals =
        d->goals.count
            ? kpi__arena_calloc(arena, d->goals.count * sizeof *r->extra->goals)
            : NULL;
    if (!r->code || !r->title || !r->extra->issuer ||
        (d->goals.count && !r->extra->goals))
        return KPI_ERR_NOMEM;
    for (; r->extra->goal_count < d->goals.count; r->extra->goal_count++) {
        const kpi_goal *g = d->goals.items[r->extra->goal_count];
        if (!(r->extra->goals[r->extra->goal_count] = copy(arena, g->code)))
            return KPI_ERR_NOMEM;
    }
    r->extra->issued = d->date;
    if (kpi__result_progress(r, &d->updates, ev->as_of, arena) != KPI_OK)
        return KPI_ERR_NOMEM;
    kpi__directive_state(r, &d->updates, ev);
    return KPI_OK;
}

int kpi__eval_unit_run(const kpi__eval_work *work, const kpi__eval_unit *unit,
                       kpi_evaluation *ev, kpi__arena *arena)
{
    struct walk w = {.ev = ev,
                     .arena = arena,
                     .next_result = unit->index,
                     .next_child = unit->first_child};
    if (unit->kind == KPI__UNIT_SUBTREE)
        return walk_goal(&w, unit->goal, unit->parent, unit->slot);
    for (size_t i = unit->begin; i < unit->end; i++) {
        int rc;
        if (unit->kind == KPI__UNIT_TARGETS)
            rc = target_at(&w, unit->goal->targets.items[i], unit->index + 1 + i,
                           unit->index, i);
        else
            rc = directive_at(ev, arena, work->plan->directives.items[i], ev->count + i);
        if (rc != KPI_OK)
            return rc;
    }
    return KPI_OK;
}
