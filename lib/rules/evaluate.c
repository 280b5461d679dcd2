/* kpi_evaluate(): walks the plan once, depth first, copying what each
 * result reports and rating targets before the goals that roll them up. */
#include "rules/evaluation.h"
#include "model/model.h"
#include "util/alloc.h"
#include "util/date.h"
#include "util/error.h"

#include <math.h>
#include <string.h>

/* Where the walk writes next: results are in plan order, and each parent's
 * children occupy one reserved run of the children index array. */
struct walk {
    kpi_evaluation *ev;
    size_t next_result;
    size_t next_child;
};

static void result_init(kpi_result *r, const kpi_evaluation *ev, kpi_object kind)
{
    r->evaluation = ev;
    r->kind = kind;
    r->parent = KPI__NO_PARENT;
    r->weight = 1.0;
    r->days_open = -1; /* kpi_result_days_open(): -1 for all but open directives */
    r->actual = r->expected = r->target = r->start_value = NAN;
    r->elapsed = r->pace = r->achievement = r->mean_score = NAN;
}

/* Takes the next result slot, links it to its parent and copies its
 * strings. Returns NULL when memory ran out. */
static kpi_result *take_result(struct walk *w, kpi_object kind, size_t parent,
                               const char *code, const char *title, const char *unit)
{
    kpi_evaluation *ev = w->ev;
    size_t index = w->next_result++;
    kpi_result *r = &ev->results[index];
    result_init(r, ev, kind);
    if (parent != KPI__NO_PARENT) {
        kpi_result *p = &ev->results[parent];
        ev->children[p->first_child + p->child_count++] = index;
        r->parent = parent;
        r->depth = p->depth + 1;
    }
    r->code = kpi__strdup(code);
    r->title = kpi__strdup(title ? title : "");
    r->unit = unit ? kpi__strdup(unit) : NULL;
    if (!r->code || !r->title || (unit && !r->unit))
        return NULL;
    return r;
}

static void reserve_children(struct walk *w, kpi_result *r, size_t count)
{
    r->first_child = w->next_child;
    w->next_child += count;
}

static int walk_goal(struct walk *w, const kpi_goal *goal, size_t parent);

static int walk_target(struct walk *w, const kpi_target *t, size_t parent)
{
    kpi_result *r = take_result(w, KPI_OBJECT_TARGET, parent, t->code, t->label,
                                kpi__string_or_empty(t->unit));
    if (!r)
        return KPI_ERR_NOMEM;
    r->text = kpi__strdup(kpi__string_or_empty(t->text));
    if (!r->text || kpi__result_progress(r, &t->updates, w->ev->as_of) != KPI_OK)
        return KPI_ERR_NOMEM;
    kpi__rate_target(r, t, w->ev);
    return KPI_OK;
}

/* Results are addressed by index, not pointer, across the recursion: the
 * array does not move, but indexes keep the parent/child links plain. */
static int walk_goal(struct walk *w, const kpi_goal *goal, size_t parent)
{
    size_t index = w->next_result;
    kpi_result *r =
        take_result(w, KPI_OBJECT_GOAL, parent, goal->code, goal->title, NULL);
    if (!r)
        return KPI_ERR_NOMEM;
    r->weight = goal->weight;
    if (kpi__result_progress(r, &goal->updates, w->ev->as_of) != KPI_OK)
        return KPI_ERR_NOMEM;
    reserve_children(w, r, goal->targets.count + goal->goals.count);
    for (size_t i = 0; i < goal->targets.count; i++)
        if (walk_target(w, goal->targets.items[i], index) != KPI_OK)
            return KPI_ERR_NOMEM;
    for (size_t i = 0; i < goal->goals.count; i++)
        if (walk_goal(w, goal->goals.items[i], index) != KPI_OK)
            return KPI_ERR_NOMEM;
    r = &w->ev->results[index];
    kpi__rate_goal(r, &goal->assessments, w->ev);
    return KPI_OK;
}

static int walk_plan(struct walk *w, const kpi_plan *plan)
{
    kpi_result *r =
        take_result(w, KPI_OBJECT_PLAN, KPI__NO_PARENT, plan->id, plan->title, NULL);
    if (!r)
        return KPI_ERR_NOMEM;
    reserve_children(w, r, plan->goals.count);
    for (size_t i = 0; i < plan->goals.count; i++)
        if (walk_goal(w, plan->goals.items[i], 0) != KPI_OK)
            return KPI_ERR_NOMEM;
    r = &w->ev->results[0];
    kpi__rate_goal(r, NULL, w->ev);
    return KPI_OK;
}

/* A directive's result: what reports show of it and its follow-up, after
 * the tree's results. */
static int walk_directive(struct walk *w, const kpi_directive *d)
{
    kpi_evaluation *ev = w->ev;
    kpi_result *r = &ev->results[w->next_result++];
    result_init(r, ev, KPI_OBJECT_DIRECTIVE);
    r->code = kpi__strdup(d->code);
    r->title = kpi__strdup(d->text);
    r->issuer = kpi__strdup(kpi_directive_issuer(d));
    r->goals = d->goals.count ? kpi__calloc(d->goals.count, sizeof *r->goals) : NULL;
    if (!r->code || !r->title || !r->issuer || (d->goals.count && !r->goals))
        return KPI_ERR_NOMEM;
    for (; r->goal_count < d->goals.count; r->goal_count++) {
        const kpi_goal *g = d->goals.items[r->goal_count];
        if (!(r->goals[r->goal_count] = kpi__strdup(g->code)))
            return KPI_ERR_NOMEM;
    }
    r->issued = d->date;
    if (kpi__result_progress(r, &d->updates, ev->as_of) != KPI_OK)
        return KPI_ERR_NOMEM;
    kpi__directive_state(r, &d->updates, ev);
    return KPI_OK;
}

static int walk_directives(struct walk *w, const kpi_plan *plan)
{
    for (size_t i = 0; i < plan->directives.count; i++)
        if (walk_directive(w, plan->directives.items[i]) != KPI_OK)
            return KPI_ERR_NOMEM;
    return KPI_OK;
}

/* What a report needs of the plan besides its results. */
static int copy_plan_texts(kpi_evaluation *ev, const kpi_plan *plan)
{
    ev->organization = kpi__strdup(kpi__string_or_empty(plan->organization));
    ev->department = kpi__strdup(kpi__string_or_empty(plan->department));
    if (!ev->organization || !ev->department)
        return KPI_ERR_NOMEM;
    if (!plan->notes.count)
        return KPI_OK;
    ev->notes = kpi__calloc(plan->notes.count, sizeof *ev->notes);
    if (!ev->notes)
        return KPI_ERR_NOMEM;
    for (; ev->note_count < plan->notes.count; ev->note_count++) {
        ev->notes[ev->note_count] = kpi__strdup(plan->notes.items[ev->note_count].text);
        if (!ev->notes[ev->note_count])
            return KPI_ERR_NOMEM;
    }
    return KPI_OK;
}

/* Goals and targets replace the plan id on a clash, as documented. */
static int index_codes(kpi_evaluation *ev)
{
    size_t all = ev->count + ev->directive_count;
    if (kpi__strmap_reserve(&ev->by_code, all) != KPI_OK)
        return KPI_ERR_NOMEM;
    for (size_t i = 0; i < all; i++)
        kpi__strmap_put(&ev->by_code, ev->results[i].code, &ev->results[i]);
    return KPI_OK;
}

/* The period: the plan's, or the fiscal year of the as-of date. */
static void choose_period(kpi_evaluation *ev, const kpi_plan *plan)
{
    if (plan->start && plan->end) {
        ev->start = plan->start;
        ev->end = plan->end;
        return;
    }
    kpi_date_fiscal_range(&ev->start, &ev->end, kpi_date_fiscal_year(ev->as_of));
}

/* The as-of date: the one given, else the plan's report date (基準日). */
static int check_args(kpi_evaluation **out, const kpi_plan *plan, int32_t *as_of)
{
    if (!out)
        return kpi__error_null("kpi_evaluate", "out");
    *out = NULL;
    if (!plan)
        return kpi__error_null("kpi_evaluate", "plan");
    if (*as_of == 0 && plan->report_date)
        *as_of = plan->report_date;
    if (*as_of == 0)
        return kpi__error(KPI_ERR_DATE, "kpi_evaluate: no as-of date given and the plan "
                                        "has no report date (基準日)");
    return kpi__date_check(*as_of, 0, "kpi_evaluate: as_of");
}

static kpi_evaluation *evaluation_alloc(const kpi_plan *plan)
{
    kpi_evaluation *ev = kpi__calloc(1, sizeof *ev);
    if (!ev)
        return NULL;
    ev->count = 1 + plan->goals_by_code.count + plan->targets_by_code.count;
    ev->directive_count = plan->directives.count;
    ev->results = kpi__calloc(ev->count + ev->directive_count, sizeof *ev->results);
    ev->children = kpi__calloc(ev->count, sizeof *ev->children);
    if (!ev->results || !ev->children) {
        kpi_evaluation_free(ev);
        return NULL;
    }
    return ev;
}

int kpi_evaluate(kpi_evaluation **out, const kpi_plan *plan, int32_t as_of,
                 const kpi_policy *policy)
{
    int rc = check_args(out, plan, &as_of);
    if (rc != KPI_OK)
        return rc;
    kpi_evaluation *ev = evaluation_alloc(plan);
    if (!ev)
        return KPI_ERR_NOMEM;
    ev->as_of = as_of;
    if (policy)
        ev->policy = *policy;
    else
        kpi__policy_defaults(&ev->policy);
    choose_period(ev, plan);
    struct walk w = {ev, 0, 0};
    rc = walk_plan(&w, plan);
    if (rc == KPI_OK)
        rc = walk_directives(&w, plan);
    if (rc == KPI_OK)
        rc = index_codes(ev);
    if (rc == KPI_OK)
        rc = copy_plan_texts(ev, plan);
    if (rc != KPI_OK) {
        kpi_evaluation_free(ev);
        return kpi__error_nomem();
    }
    *out = ev;
    return KPI_OK;
}

static void result_free(kpi_result *r)
{
    kpi__free(r->code);
    kpi__free(r->title);
    kpi__free(r->unit);
    kpi__free(r->text);
    kpi__free(r->update_text);
    kpi__free(r->issuer);
    for (size_t g = 0; g < r->goal_count; g++)
        kpi__free(r->goals[g]);
    kpi__free(r->goals);
    for (int lang = 0; lang < KPI__LANG_COUNT; lang++)
        kpi__free(atomic_load(&r->reasons[lang]));
}

void kpi_evaluation_free(kpi_evaluation *ev)
{
    if (!ev)
        return;
    for (size_t i = 0; ev->results && i < ev->count + ev->directive_count; i++)
        result_free(&ev->results[i]);
    for (size_t i = 0; i < ev->note_count; i++)
        kpi__free(ev->notes[i]);
    kpi__free(ev->notes);
    kpi__free(ev->organization);
    kpi__free(ev->department);
    kpi__free(ev->results);
    kpi__free(ev->children);
    kpi__strmap_free(&ev->by_code);
    kpi__free(ev);
}
