/* Cutting kpi_evaluate() into units. A goal whose subtree holds at most
 * KPI__EVAL_GRAIN results is one unit, rolled up by the thread that walks
 * it; a larger goal is cut up here: its own result is filled at once, its
 * targets go in runs of at most KPI__EVAL_GRAIN, its child goals are cut
 * the same way, and its roll-up waits until every unit is done. Positions
 * are handed out in the order of the single-threaded walk (plan order,
 * depth first), so the results are where they always were. */
#include "rules/eval_work.h"
#include "model/model.h"
#include "util/alloc.h"

/* Where the cut hands out positions next. */
struct cut {
    kpi__eval_work *work;
    kpi_evaluation *ev;
    kpi__arena *arena;
    size_t next_result;
    size_t next_child;
};

/* Results of a goal's subtree: the goal, its targets, its child goals'. */
static size_t subtree_size(const kpi_goal *goal)
{
    size_t size = 1 + goal->targets.count;
    for (size_t i = 0; i < goal->goals.count; i++)
        size += subtree_size(goal->goals.items[i]);
    return size;
}

static int push_unit(kpi__eval_work *work, kpi__eval_unit unit)
{
    if (work->unit_count == work->unit_capacity) {
        size_t capacity = work->unit_capacity ? 2 * work->unit_capacity : 64;
        kpi__eval_unit *units =
            kpi__reallocarray(work->units, capacity, sizeof *work->units);
        if (!units)
            return KPI_ERR_NOMEM;
        work->units = units;
        work->unit_capacity = capacity;
    }
    work->units[work->unit_count++] = unit;
    return KPI_OK;
}

static int push_rollup(kpi__eval_work *work, const kpi_goal *goal, size_t index)
{
    if (work->rollup_count == work->rollup_capacity) {
        size_t capacity = work->rollup_capacity ? 2 * work->rollup_capacity : 16;
        kpi__eval_rollup *rollups =
            kpi__reallocarray(work->rollups, capacity, sizeof *work->rollups);
        if (!rollups)
            return KPI_ERR_NOMEM;
        work->rollups = rollups;
        work->rollup_capacity = capacity;
    }
    work->rollups[work->rollup_count++] = (kpi__eval_rollup){goal, index};
    return KPI_OK;
}

/* The children of the result at index take the next child_count places. */
static void reserve_children(struct cut *c, size_t index, size_t child_count)
{
    kpi_result *r = &c->ev->results[index];
    r->first_child = c->next_child;
    r->child_count = child_count;
    c->next_child += child_count;
}

static int cut_goal(struct cut *c, const kpi_goal *goal, size_t parent, size_t slot);

/* A goal too large for one unit: its result now, the rest as units. */
static int split_goal(struct cut *c, const kpi_goal *goal, size_t parent, size_t slot)
{
    kpi_evaluation *ev = c->ev;
    size_t index = c->next_result++;
    kpi_result *r = kpi__eval_take(ev, c->arena, index, KPI_OBJECT_GOAL, parent, slot,
                                   goal->code, goal->title);
    if (!r || kpi__result_progress(r, &goal->updates, ev->as_of, c->arena) != KPI_OK)
        return KPI_ERR_NOMEM;
    r->weight = goal->weight;
    reserve_children(c, index, goal->targets.count + goal->goals.count);
    for (size_t begin = 0; begin < goal->targets.count; begin += KPI__EVAL_GRAIN) {
        size_t end = goal->targets.count - begin > KPI__EVAL_GRAIN
                         ? begin + KPI__EVAL_GRAIN
                         : goal->targets.count;
        kpi__eval_unit unit = {.kind = KPI__UNIT_TARGETS,
                               .goal = goal,
                               .index = index,
                               .begin = begin,
                               .end = end};
        if (push_unit(c->work, unit) != KPI_OK)
            return KPI_ERR_NOMEM;
    }
    c->next_result += goal->targets.count;
    for (size_t i = 0; i < goal->goals.count; i++)
        if (cut_goal(c, goal->goals.items[i], index, goal->targets.count + i) != KPI_OK)
            return KPI_ERR_NOMEM;
    return push_rollup(c->work, goal, index);
}

static int cut_goal(struct cut *c, const kpi_goal *goal, size_t parent, size_t slot)
{
    size_t size = subtree_size(goal);
    if (size > KPI__EVAL_GRAIN)
        return split_goal(c, goal, parent, slot);
    kpi__eval_unit unit = {.kind = KPI__UNIT_SUBTREE,
                           .goal = goal,
                           .index = c->next_result,
                           .first_child = c->next_child,
                           .parent = parent,
                           .slot = slot};
    c->next_result += size;
    c->next_child += size - 1; /* every result of the subtree but its root */
    return push_unit(c->work, unit);
}

static int cut_directives(kpi__eval_work *work, size_t count)
{
    for (size_t begin = 0; begin < count; begin += KPI__EVAL_GRAIN) {
        size_t end = count - begin > KPI__EVAL_GRAIN ? begin + KPI__EVAL_GRAIN : count;
        kpi__eval_unit unit = {.kind = KPI__UNIT_DIRECTIVES, .begin = begin, .end = end};
        if (push_unit(work, unit) != KPI_OK)
            return KPI_ERR_NOMEM;
    }
    return KPI_OK;
}

int kpi__eval_cut(kpi__eval_work *work, kpi_evaluation *ev, kpi__arena *arena)
{
    const kpi_plan *plan = work->plan;
    struct cut c = {work, ev, arena, 1, 0};
    if (!kpi__eval_take(ev, arena, 0, KPI_OBJECT_PLAN, KPI__NO_PARENT, 0, plan->id,
                        plan->title))
        return KPI_ERR_NOMEM;
    reserve_children(&c, 0, plan->goals.count);
    for (size_t i = 0; i < plan->goals.count; i++)
        if (cut_goal(&c, plan->goals.items[i], 0, i) != KPI_OK)
            return KPI_ERR_NOMEM;
    return cut_directives(work, plan->directives.count);
}

void kpi__eval_rollups(const kpi__eval_work *work, kpi_evaluation *ev)
{
    for (size_t i = 0; i < work->rollup_count; i++) {
        const kpi__eval_rollup *g = &work->rollups[i];
        kpi__rate_goal(&ev->results[g->index], &g->goal->assessments, ev);
    }
    kpi__rate_goal(&ev->results[0], NULL, ev);
}

void kpi__eval_work_free(kpi__eval_work *work)
{
    kpi__free(work->units);
    kpi__free(work->rollups);
}
