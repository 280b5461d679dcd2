/* Writing the progress file: for each object, its measurements, updates and
 * assessments as rows in the order they were added (their row order,
 * seq), so that a file read and written again keeps its rows in place and
 * the later row on a date stays the later one. An update read from a
 * measurement's row is written back on that row. What the reader read from
 * a text (an inferred figure or status) is not written: the file keeps what
 * the city wrote. */
#include "io/csv_write.h"
#include "model/model.h"

#include <math.h>
#include <stdint.h>

/* The columns every progress file has, then the status columns a plan
 * with statuses needs. */
static const char *const progress_header[] = {"code", "date",   "value",  "rating",
                                              "note", "author", "status", "planned"};

#define BASE_COLUMNS 6
#define STATUS_COLUMNS 2

/* The next of an object's entries, by row order: the cursors of its three
 * lists. */
struct rows {
    const kpi__segvec *measurements, *updates, *assessments;
    size_t m, u, a;
};

static uint32_t next_measurement(const struct rows *r)
{
    if (!r->measurements || r->m >= r->measurements->count)
        return UINT32_MAX;
    const kpi_measurement *x = kpi__segvec_at(r->measurements, r->m, sizeof *x);
    return x->seq & KPI__SEQ_MASK;
}

static uint32_t next_update(const struct rows *r)
{
    if (!r->updates || r->u >= r->updates->count)
        return UINT32_MAX;
    const kpi_update *x = kpi__segvec_at(r->updates, r->u, sizeof *x);
    return x->seq;
}

static uint32_t next_assessment(const struct rows *r)
{
    if (!r->assessments || r->a >= r->assessments->count)
        return UINT32_MAX;
    const kpi_assessment *x = kpi__segvec_at(r->assessments, r->a, sizeof *x);
    return x->seq;
}

/* The status columns, empty where the reader inferred them. */
static void status_fields(kpi__writer *w, const kpi_update *u)
{
    if (!w->extended)
        return;
    if (!u) {
        kpi__write_empty(w, STATUS_COLUMNS);
        return;
    }
    kpi__write_field(w, u->inferred & KPI_FIELD_STATUS ? "" : kpi_status_name(u->status));
    kpi__write_date(w, u->inferred & KPI_FIELD_PLANNED ? 0 : u->planned);
}

static void measurement_row(kpi__writer *w, const char *code, const kpi_measurement *m,
                            const kpi_update *linked)
{
    kpi__write_field(w, code);
    kpi__write_date(w, m->date);
    kpi__write_number(w, m->value);
    kpi__write_field(w, "");
    kpi__write_field(w, kpi_measurement_note(m));
    kpi__write_field(w, kpi_measurement_author(m));
    status_fields(w, linked);
    kpi__write_end_row(w);
}

/* Whether the update holds anything a row of the file can: its text, or a
 * status or planned date the city wrote. A row with none of them could not
 * be read back (a row needs a value, a rating, a note or a status), so an
 * update without them is not written. */
static int update_has_row(const kpi_update *u)
{
    return *kpi_update_text(u) || (u->status && !(u->inferred & KPI_FIELD_STATUS)) ||
           (u->planned && !(u->inferred & KPI_FIELD_PLANNED));
}

static void update_row(kpi__writer *w, const char *code, const kpi_update *u)
{
    if (!update_has_row(u))
        return;
    kpi__write_field(w, code);
    kpi__write_date(w, u->date);
    kpi__write_empty(w, 2);
    kpi__write_field(w, kpi_update_text(u));
    kpi__write_field(w, kpi_update_author(u));
    status_fields(w, u);
    kpi__write_end_row(w);
}

static void assessment_row(kpi__writer *w, const char *code, const kpi_assessment *a)
{
    kpi__write_field(w, code);
    kpi__write_date(w, a->date);
    kpi__write_field(w, "");
    /* The level the person named, when there is one: it reads back so. */
    kpi__write_field(w, a->level ? a->level : kpi_rating_symbol(a->rating));
    kpi__write_field(w, a->comment);
    kpi__write_field(w, a->author);
    status_fields(w, NULL);
    kpi__write_end_row(w);
}

/* Writes the rows of one object in row order. */
static void object_rows(kpi__writer *w, const char *code, struct rows *r)
{
    for (;;) {
        uint32_t m = next_measurement(r), u = next_update(r), a = next_assessment(r);
        if (m == UINT32_MAX && u == UINT32_MAX && a == UINT32_MAX)
            return;
        if (m <= u && m <= a) {
            const kpi_measurement *x = kpi__segvec_at(r->measurements, r->m++, sizeof *x);
            const kpi_update *linked = NULL;
            if (u == m)
                linked = kpi__segvec_at(r->updates, r->u++, sizeof *linked);
            if (!(x->seq & KPI__SEQ_INFERRED))
                measurement_row(w, code, x, linked);
        } else if (u <= a) {
            update_row(w, code, kpi__segvec_at(r->updates, r->u++, sizeof(kpi_update)));
        } else {
            assessment_row(
                w, code, kpi__segvec_at(r->assessments, r->a++, sizeof(kpi_assessment)));
        }
    }
}

static void target_rows(kpi__writer *w, const kpi_target *t)
{
    struct rows r = {&t->measurements, &t->updates, &t->assessments, 0, 0, 0};
    object_rows(w, t->code, &r);
}

static void goal_rows(kpi__writer *w, const kpi_goal *g)
{
    struct rows r = {NULL, &g->updates, &g->assessments, 0, 0, 0};
    object_rows(w, g->code, &r);
    for (size_t i = 0; i < g->targets.count; i++)
        target_rows(w, g->targets.items[i]);
    for (size_t i = 0; i < g->goals.count; i++)
        goal_rows(w, g->goals.items[i]);
}

/* Whether any update of the list has a status or a planned date the city
 * wrote, so that the file needs the status columns. */
static int list_has_status(const kpi__segvec *updates)
{
    for (size_t i = 0; i < updates->count; i++) {
        const kpi_update *u = kpi__segvec_at(updates, i, sizeof *u);
        if ((u->status && !(u->inferred & KPI_FIELD_STATUS)) ||
            (u->planned && !(u->inferred & KPI_FIELD_PLANNED)))
            return 1;
    }
    return 0;
}

static int goal_has_status(const kpi_goal *g)
{
    if (list_has_status(&g->updates))
        return 1;
    for (size_t i = 0; i < g->targets.count; i++)
        if (list_has_status(&((const kpi_target *)g->targets.items[i])->updates))
            return 1;
    for (size_t i = 0; i < g->goals.count; i++)
        if (goal_has_status(g->goals.items[i]))
            return 1;
    return 0;
}

static int plan_has_status(const kpi_plan *plan)
{
    for (size_t i = 0; i < plan->goals.count; i++)
        if (goal_has_status(plan->goals.items[i]))
            return 1;
    for (size_t i = 0; i < plan->directives.count; i++)
        if (list_has_status(&((const kpi_directive *)plan->directives.items[i])->updates))
            return 1;
    return 0;
}

void kpi__write_progress(kpi__writer *w, const kpi_plan *plan)
{
    w->extended = plan_has_status(plan);
    kpi__write_header(w, progress_header,
                      BASE_COLUMNS + (w->extended ? STATUS_COLUMNS : 0));
    for (size_t i = 0; i < plan->goals.count; i++)
        goal_rows(w, plan->goals.items[i]);
    for (size_t i = 0; i < plan->directives.count; i++) {
        const kpi_directive *d = plan->directives.items[i];
        struct rows r = {NULL, &d->updates, NULL, 0, 0, 0};
        object_rows(w, d->code, &r);
    }
}
