/* Reading targets as the city writes them (kpi/phrase.h): each fragment of
 * a cell (see phrase_split.c) becomes one target, read from its number
 * groups (phrase_lex.c) and its last word.
 *
 * A fragment with a count is NUMERIC; one without is a MILESTONE when it
 * ends with a verb of something done once (策定, 締結, 実施, 開催 ...) or
 * names a month or an edition, QUALITATIVE when it ends with an aim
 * (充実, 推進, 活用 ...). Everything the kpi__preader is unsure of becomes an
 * issue, and each issue multiplies the confidence by its own factor below
 * 1: a reading with no issue, and only such a reading, has confidence 1. */
#include "phrase/reading.h"
#include "util/alloc.h"
#include "util/date.h"
#include "util/error.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* ---- Due month and date ---------------------------------------------------------- */

/* The due month from the fragment's months (the last when several), and
 * the due date in the plan's fiscal year: January to March fall in the
 * next calendar year. */
void kpi__pr_read_due(kpi__preader *r)
{
    const kpi__pgroup *last = NULL;
    size_t months = 0;
    for (size_t k = 0; k < r->count; k++) {
        if (r->groups[k].role == KPI__ROLE_MONTH) {
            last = &r->groups[k];
            months++;
        }
    }
    if (!last)
        return;
    if (months > 1)
        kpi__pr_add_issue(r, DOUBT_DATE,
                          "several months are named: the last, %d月, is read as due",
                          (int)last->month);
    r->out->due_month = last->month;
    if (r->fiscal_year == 0)
        return;
    int32_t year = last->month >= 4 ? r->fiscal_year : r->fiscal_year + 1;
    int32_t day = kpi__date_days_in_month(year, last->month);
    if (last->day > day)
        kpi__pr_add_issue(r, DOUBT_DATE,
                          "%d月%d日 is no date in %d: read as the end of the month",
                          (int)last->month, (int)last->day, (int)year);
    else if (last->day > 0)
        day = last->day;
    r->out->due = year * 10000 + last->month * 100 + day;
}

/* ---- Milestones and qualitative targets ------------------------------------------ */

/* Whether cp[b..e) ends with 情報提供を実施 and the like: ongoing work. */
static int ends_ongoing(const uint32_t *cp, size_t b, size_t e)
{
    size_t len = kpi__pt_match_end(cp, b, e, "実施");
    if (len == 0)
        return 0;
    e -= len;
    if (kpi__pt_match_end(cp, b, e, "を") || kpi__pt_match_end(cp, b, e, "の"))
        e--;
    return kpi__pt_match_end_table(cp, b, e, kpi__phrase_ongoing, NULL) > 0;
}

static int has_role(const kpi__preader *r, kpi__prole role)
{
    for (size_t k = 0; k < r->count; k++)
        if (r->groups[k].role == role)
            return 1;
    return 0;
}

/* A fragment with no count, read from its last word. */
void kpi__pr_read_other(kpi__preader *r)
{
    size_t lb = 0, le = kpi__pr_build_label(r, NULL, &lb);
    const uint32_t *cp = r->scratch;
    size_t end = kpi__phrase_core_end(cp, lb, le);
    r->out->label = kpi__pr_encode(r, cp, lb, le);
    if (ends_ongoing(cp, lb, end)) {
        r->out->kind = KPI_KIND_QUALITATIVE;
    } else if (kpi__pt_match_end_table(cp, lb, end, kpi__phrase_milestones, NULL)) {
        r->out->kind = KPI_KIND_MILESTONE;
    } else if (kpi__pt_match_end_table(cp, lb, end, kpi__phrase_aims, NULL)) {
        r->out->kind = KPI_KIND_QUALITATIVE;
    } else if (kpi__pt_match_end_table(cp, lb, end, kpi__phrase_raise, NULL) ||
               kpi__pt_match_end_table(cp, lb, end, kpi__phrase_lower, NULL)) {
        r->out->kind = KPI_KIND_NUMERIC;
        if (kpi__pt_match_end_table(cp, lb, end, kpi__phrase_lower, NULL))
            r->out->direction = KPI_DIRECTION_DECREASE;
        kpi__pr_add_issue(
            r, DOUBT_NO_NUMBER, "a count to %s, but the phrase gives no number",
            r->out->direction == KPI_DIRECTION_DECREASE ? "lower" : "raise");
    } else if (has_role(r, KPI__ROLE_MONTH) || has_role(r, KPI__ROLE_EDITION)) {
        r->out->kind = KPI_KIND_MILESTONE; /* a named event: 上田城跡能(8月) */
    } else {
        r->out->kind = KPI_KIND_QUALITATIVE;
        kpi__pr_add_issue(r, DOUBT_UNREAD,
                          "no number, milestone verb or aim word: read as qualitative");
    }
}

/* ---- One target -------------------------------------------------------------------- */

static void check_names(kpi__preader *r)
{
    char buf[QUOTE_SIZE];
    for (size_t k = 0; k < r->count; k++) {
        const kpi__pgroup *g = &r->groups[k];
        if (g->role == KPI__ROLE_EDITION)
            kpi__pr_add_issue(r, DOUBT_EDITION,
                              "\"%s\" read as the name of an edition, not a count",
                              kpi__pr_quote(r, g->num_start, g->inner_end, buf));
        else if (g->too_long)
            kpi__pr_add_issue(r, DOUBT_TOO_LONG, "number too long to read: \"%s\"",
                              kpi__pr_quote(r, g->num_start, g->num_end, buf));
    }
}

static void read_target(kpi__preader *r)
{
    kpi__ptarget *out = r->out;
    out->kind = KPI_KIND_QUALITATIVE;
    out->direction = KPI_DIRECTION_INCREASE;
    out->value = NAN;
    out->change_pct = NAN;
    out->confidence = 1;
    size_t from = r->t->off[r->b];
    out->text = kpi__strndup(r->text + from, r->t->off[r->e] - from);
    if (!out->text)
        r->failed = 1;
    size_t candidates = 0;
    const kpi__pgroup *g = kpi__pr_select_target(r, &candidates);
    if (g)
        kpi__pr_read_numeric(r, g, candidates);
    else
        kpi__pr_read_other(r);
    kpi__pr_read_due(r);
    check_names(r);
    if (!out->label || (!out->unit && !(out->unit = kpi__strdup(""))))
        r->failed = 1;
}

/* Points r at the groups lying wholly inside fragment [b, e). */
static void find_groups(kpi__preader *r, const kpi__pgroup *groups, size_t count,
                        const kpi__pspan *span)
{
    size_t k = 0;
    while (k < count && groups[k].start < span->b)
        k++;
    size_t first = k;
    while (k < count && groups[k].end <= span->e)
        k++;
    r->groups = groups + first;
    r->count = k - first;
    r->b = span->b;
    r->e = span->e;
}

/* ---- The reading ---------------------------------------------------------------- */

void kpi__pr_free_target(kpi__ptarget *t)
{
    kpi__free(t->text);
    kpi__free(t->label);
    kpi__free(t->unit);
    for (size_t k = 0; k < t->issue_count; k++)
        kpi__free(t->issues[k]);
}

void kpi_phrase_free(kpi_phrase *phrase)
{
    if (!phrase)
        return;
    for (size_t i = 0; i < phrase->count; i++)
        kpi__pr_free_target(&phrase->targets[i]);
    kpi__free(phrase->targets);
    kpi__free(phrase);
}

/* Reads every fragment into a new reading. */
static int read_all(kpi_phrase **out, const char *text, const kpi__ptext *t,
                    const kpi__pgroup *groups, size_t group_count,
                    const kpi__pspan *spans, size_t span_count, int32_t fiscal_year)
{
    kpi_phrase *phrase = kpi__calloc(1, sizeof *phrase);
    uint32_t *scratch = kpi__calloc(t->n + 1, sizeof *scratch);
    if (phrase)
        phrase->targets = kpi__calloc(span_count, sizeof *phrase->targets);
    if (!phrase || !scratch || !phrase->targets) {
        kpi__free(scratch);
        kpi_phrase_free(phrase);
        return KPI_ERR_NOMEM;
    }
    kpi__preader r;
    memset(&r, 0, sizeof r);
    r.text = text;
    r.t = t;
    r.fiscal_year = fiscal_year;
    r.scratch = scratch;
    for (size_t i = 0; i < span_count && !r.failed; i++) {
        find_groups(&r, groups, group_count, &spans[i]);
        r.out = &phrase->targets[i];
        phrase->count = i + 1;
        read_target(&r);
    }
    kpi__free(scratch);
    if (r.failed) {
        kpi_phrase_free(phrase);
        return kpi__error_nomem();
    }
    *out = phrase;
    return KPI_OK;
}

/* The length of text up to the limit and one byte more, without reading
 * past its end. */
static size_t bounded_length(const char *text)
{
    size_t n = 0;
    while (n <= KPI__PHRASE_MAX_BYTES && text[n])
        n++;
    return n;
}

static int check_arguments(kpi_phrase **out, const char *text, int32_t fiscal_year,
                           size_t *size)
{
    if (!out)
        return kpi__error_null("kpi_phrase_parse", "out");
    *out = NULL;
    if (!text)
        return kpi__error_null("kpi_phrase_parse", "text");
    if (fiscal_year < 0 || fiscal_year > 9998)
        return kpi__error(KPI_ERR_ARGUMENT,
                          "kpi_phrase_parse: fiscal_year must be 0 (unknown) or 1..9998, "
                          "got %" PRId32,
                          fiscal_year);
    *size = bounded_length(text);
    if (*size == 0)
        return kpi__error(KPI_ERR_VALUE, "phrase: the text is empty");
    if (*size > KPI__PHRASE_MAX_BYTES)
        return kpi__error(KPI_ERR_LIMIT, "phrase: longer than the limit of %d bytes",
                          KPI__PHRASE_MAX_BYTES);
    return KPI_OK;
}

int kpi_phrase_parse(kpi_phrase **out, const char *text, int32_t fiscal_year)
{
    size_t size = 0, group_count = 0, span_count = 0;
    int rc = check_arguments(out, text, fiscal_year, &size);
    if (rc != KPI_OK)
        return rc;
    kpi__ptext t;
    rc = kpi__ptext_decode(&t, text, size);
    if (rc != KPI_OK)
        return rc;
    kpi__pgroup *groups = kpi__calloc(kpi__pgroups_bound(&t) + 1, sizeof *groups);
    kpi__pspan *spans = NULL;
    if (!groups) {
        rc = KPI_ERR_NOMEM;
    } else {
        group_count = kpi__pgroups_scan(&t, groups, kpi__pgroups_bound(&t) + 1);
        rc = kpi__phrase_split(&t, groups, group_count, &spans, &span_count);
    }
    if (rc == KPI_OK && span_count == 0) {
        char buf[KPI__CLIP_SIZE];
        rc = kpi__error(KPI_ERR_VALUE,
                        "phrase \"%s\": nothing to read (only blanks and list markers)",
                        kpi__clip(buf, text));
    }
    if (rc == KPI_OK)
        rc = read_all(out, text, &t, groups, group_count, spans, span_count, fiscal_year);
    kpi__free(spans);
    kpi__free(groups);
    kpi__ptext_free(&t);
    return rc;
}
