/* Progress as evidence (the progress contract, "Rating a target with
 * updates"): the status of the latest update that gives one counts as
 * work under way, sets what is expected when the work is scheduled, and
 * rates a target that has no figure by what was reported instead of by an
 * invented zero. */
#include "model/model.h"
#include "rules/evaluation.h"
#include "util/date.h"

#include <string.h>

/* The later of two updates: by date, and of equal dates the one added
 * later (the later row of the progress file). */
static int later(const kpi_update *a, const kpi_update *b)
{
    return !b || a->date > b->date || (a->date == b->date && a->seq > b->seq);
}

int kpi__result_progress(kpi_result *r, const kpi__segvec *updates, int32_t as_of,
                         kpi__arena *arena)
{
    const kpi_update *latest = NULL, *with_status = NULL;
    for (size_t i = 0; i < updates->count; i++) {
        const kpi_update *u = kpi__segvec_at(updates, i, sizeof *u);
        if (u->date > as_of)
            continue;
        if (later(u, latest))
            latest = u;
        if (u->status != KPI_STATUS_NONE && later(u, with_status))
            with_status = u;
    }
    if (with_status) {
        r->status = with_status->status;
        r->planned = with_status->planned;
        r->status_date = with_status->date;
        r->status_inferred = (with_status->inferred & KPI_FIELD_STATUS) != 0;
    }
    if (!latest)
        return KPI_OK;
    r->update_date = latest->date;
    r->update_status = latest->status;
    r->update_planned = latest->planned;
    r->update_text = kpi__update_text_shared(latest);
    if (!r->update_text) {
        const char *text = kpi_update_text(latest);
        r->update_text = kpi__arena_strndup(arena, text, strlen(text));
    }
    return r->update_text ? KPI_OK : KPI_ERR_NOMEM;
}

/* Scheduled for a date still ahead and within the period (d < p <= D1). */
static int scheduled_ahead(const kpi_result *r, int32_t as_of)
{
    return r->status == KPI_STATUS_SCHEDULED && as_of < r->planned &&
           r->planned <= r->due;
}

int kpi__under_way(const kpi_result *r, int32_t as_of)
{
    return r->status == KPI_STATUS_PREPARING || r->status == KPI_STATUS_IN_PROGRESS ||
           scheduled_ahead(r, as_of);
}

/* Rule 3: the rating of a target with no figure, by status; nothing_expected
 * is g(E) <= 0. */
void kpi__rate_by_status(kpi_result *r, int nothing_expected, int32_t as_of)
{
    switch (r->status) {
    case KPI_STATUS_NONE:
        r->computed_unrated = KPI_UNRATED_NO_DATA;
        break;
    case KPI_STATUS_NOT_STARTED:
        if (nothing_expected)
            r->computed_unrated = KPI_UNRATED_NOT_DUE;
        else
            r->computed = KPI_RATING_NOT_PROGRESSED;
        break;
    case KPI_STATUS_PREPARING:
        r->computed = nothing_expected ? KPI_RATING_ON_TRACK : KPI_RATING_BEHIND;
        break;
    case KPI_STATUS_IN_PROGRESS:
    case KPI_STATUS_DONE:
        r->computed = KPI_RATING_ON_TRACK;
        break;
    case KPI_STATUS_SCHEDULED:
        r->computed = scheduled_ahead(r, as_of) ? KPI_RATING_ON_TRACK : KPI_RATING_BEHIND;
        break;
    case KPI_STATUS_POSTPONED:
        r->computed = KPI_RATING_NOT_PROGRESSED;
        break;
    case KPI_STATUS_CANCELLED:
        r->computed_unrated = KPI_UNRATED_CANCELLED;
        break;
    }
}

/* Rule 2's cap: postponed, or scheduled past the deadline, is at best △. */
int kpi__late(const kpi_result *r)
{
    return r->status == KPI_STATUS_POSTPONED ||
           (r->status == KPI_STATUS_SCHEDULED && r->planned > r->due);
}

void kpi__cap_by_status(kpi_result *r)
{
    if (kpi__late(r) && r->computed > KPI_RATING_BEHIND)
        r->computed = KPI_RATING_BEHIND;
}

int kpi__directive_overdue(int32_t issued, int32_t responded, int32_t as_of, int32_t days)
{
    if (!issued || issued > as_of || responded)
        return 0;
    return kpi__date_to_days(as_of) - kpi__date_to_days(issued) >= days;
}

/* Closed by a response dated on or before as_of that says done or
 * cancelled; a later response with another status does not reopen it. */
static int closed(const kpi__segvec *updates, int32_t as_of)
{
    for (size_t i = 0; i < updates->count; i++) {
        const kpi_update *u = kpi__segvec_at(updates, i, sizeof *u);
        if (u->date <= as_of &&
            (u->status == KPI_STATUS_DONE || u->status == KPI_STATUS_CANCELLED))
            return 1;
    }
    return 0;
}

void kpi__directive_state(kpi_result *r, const kpi__segvec *updates,
                          const kpi_evaluation *ev)
{
    r->open = !closed(updates, ev->as_of);
    r->extra->days_open = -1;
    if (!r->open || !r->extra->issued || r->extra->issued > ev->as_of)
        return;
    r->extra->days_open =
        kpi__date_to_days(ev->as_of) - kpi__date_to_days(r->extra->issued);
    r->overdue = kpi__directive_overdue(r->extra->issued, r->update_date, ev->as_of,
                                        ev->policy.directive_days);
}
