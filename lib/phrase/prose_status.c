/* A statement's status, dates and confidence, from its last predicate
 * (prose_pred.c; Japanese puts the verb last, and a later state in
 * brackets, 契約完了（開催日等調整中）, is the current one) or, for a clause
 * with no verb of its own, the next clause's:
 *   - a status word gives its status (検討中 preparing, 開催予定 scheduled,
 *     中止 cancelled, 決定済 done);
 *   - an act (開催, 実施, 締結 ...) reports something done: done, dated by
 *     the last date named; with none, when it was done is a guess;
 *   - an aim (推進, 注視, 情報発信) reports ongoing work: in progress;
 *   - 実施していない: not started.
 * A scheduled statement's planned date is the last date named. A status an
 * organisation decided (新潟薬科大学が…中止を決定) is not surely the city's. */
#include "phrase/prose.h"
#include "util/alloc.h"
#include "util/error.h"

#include <stdarg.h>
#include <stdio.h>

/* An issue of the statement: it lowers the confidence by its factor, and
 * the first eight are kept in words (here, as statuses have most). */
void kpi__prose_add_issue(kpi__pread *r, double factor, const char *fmt, ...)
{
    va_list ap;
    kpi__pstatement *out = r->out;
    out->confidence *= factor;
    va_start(ap, fmt);
    if (!kpi__issue_vappend(out->issues, &out->issue_count, KPI__PROSE_MAX_ISSUES, fmt, ap))
        r->failed = 1;
    va_end(ap);
}

static void read_date(kpi__pread *r, const kpi__ppred *p)
{
    kpi__pstatement *out = r->out;
    const kpi__pdate *d = r->date;
    int bad = 0;
    int32_t date = d ? kpi__prose_date_value(r->s, d, &bad) : 0;
    int uses = out->status == KPI_STATUS_SCHEDULED || out->status == KPI_STATUS_DONE ||
               out->status == KPI_STATUS_POSTPONED;
    if (!uses)
        return;
    if (out->status == KPI_STATUS_DONE)
        out->done = date;
    else
        out->planned = date;
    /* 18日に: a day of a month not named is no date. */
    if (d && d->month == 0)
        d = NULL;
    if (!d && out->status == KPI_STATUS_SCHEDULED)
        kpi__prose_add_issue(r, PDOUBT_NO_DATE, "scheduled, but no date is given");
    if (!d && out->status == KPI_STATUS_DONE && p->kind == KPI__PRED_ACT)
        kpi__prose_add_issue(r, PDOUBT_UNDATED, "done, but when is not stated");
    if (!d)
        return;
    if (bad)
        kpi__prose_add_issue(r, PDOUBT_BAD_DAY,
                             "%d月%d日 is no date: read as the end of the month",
                             (int)d->month, (int)d->day);
    if (d->next_year && date)
        kpi__prose_add_issue(r, PDOUBT_NEXT_YEAR,
                             "the next fiscal year is read as its end, %d", (int)date);
    if (d->era_guess)
        kpi__prose_add_issue(r, PDOUBT_ERA,
                             "the era of the year is not written: read as %d",
                             (int)d->year);
}

/* The text [b, e) verbatim into *out. */
static void copy_text(kpi__pread *r, size_t b, size_t e, char **out)
{
    size_t from = r->s->t->off[b];
    *out = kpi__strndup(r->s->text + from, r->s->t->off[e] - from);
    r->failed |= *out == NULL;
}

void kpi__prose_read_status(kpi__pread *r)
{
    const kpi__ppred *p = r->pred ? r->pred : r->borrowed;
    kpi__pstatement *out = r->out;
    if (!p) {
        out->status = KPI_STATUS_NONE;
        out->word = kpi__strdup("");
        r->failed |= out->word == NULL;
        if (out->figure_count == 0)
            kpi__prose_add_issue(r, PDOUBT_NOTHING, "no status word, act or figure read");
        return;
    }
    out->status = p->status;
    copy_text(r, p->start, p->end, &out->word);
    read_date(r, p);
    if (r->agent_e > r->agent_b && p->kind != KPI__PRED_AIM && out->word) {
        char *agent = NULL;
        copy_text(r, r->agent_b, r->agent_e, &agent);
        if (agent)
            kpi__prose_add_issue(
                r, PDOUBT_OTHER_ACTOR,
                "\"%s\" is what %s, another organisation, decided or did: "
                "not surely the city's own work",
                out->word, agent);
        kpi__free(agent);
    }
}
