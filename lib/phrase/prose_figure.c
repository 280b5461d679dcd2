/* The figures of a statement (the groups prose_scan.c marks as figures),
 * each with what it counts:
 *   1. the words before a colon: 物件登録件数：32件, （相談件数：73件）;
 *   2. the noun a count is linked to: 3回の展覧会, 8校でのクラスコンサート,
 *      延べ69人の参加者;
 *   3. the words right before the number, back to a particle, a 、 that
 *      ends a part, a bracket or another figure: 前期講座開催数 13,
 *      子どもアトリエでの講座等41回開催, 民間企業1社と;
 *   4. in a list with no label of its own (参加者数：7組、14名), the label
 *      before;
 * else none. Labels are cleaned as subjects are (prose_subject.c). Its unit
 * is the one written, else one the label names (開催数: 回), with an issue;
 * its date the one standing right before it (H29.9に175品目). */
#include "phrase/prose.h"
#include "util/alloc.h"
#include "util/error.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* ---- Labels --------------------------------------------------------------------- */

/* Whether the label of figure own, read backwards, stops before i. */
static int stops_before(const kpi__pscan *s, size_t b, size_t i, uint32_t own,
                        int at_particles)
{
    const uint32_t *cp = s->t->cp;
    uint32_t c = cp[i - 1], k = s->gi[i - 1];
    if (c == 0x3002 || c == ':' || c == '(' || c == ')' || c == 0x300C ||
        s->di[i - 1] != KPI__NO ||
        (k != KPI__NO && k != own && s->groups[k].role != KPI__ROLE_NAME &&
         s->groups[k].role != KPI__ROLE_EDITION))
        return 1;
    if ((c == 0x3001 || c == ',') && kpi__prose_comma_cuts(s, b, i - 1))
        return 1;
    return at_particles && (kpi__prose_particle(cp, b, s->t->n, i - 1) ||
                            (s->pi[i - 1] != KPI__NO && s->preds[s->pi[i - 1]].end == i));
}

static size_t skip_back_blanks(const uint32_t *cp, size_t b, size_t i)
{
    while (i > b && cp[i - 1] == ' ')
        i--;
    return i;
}

/* The "(" of the ")" at i - 1, or i when there is none after b. */
static size_t bracket_start(const uint32_t *cp, size_t b, size_t i)
{
    for (size_t k = i - 1; k > b; k--)
        if (cp[k - 1] == '(')
            return k - 1;
    return i;
}

/* 物件登録件数：32件, 成約件数（前期）：7件: the label before the colon, its
 * bracketed qualifier included, or NOT_FOUND. */
static int label_before_colon(const kpi__pscan *s, size_t b, size_t at, uint32_t own,
                              size_t *lb, size_t *le)
{
    const uint32_t *cp = s->t->cp;
    size_t i = skip_back_blanks(cp, b, at);
    if (i <= b || cp[i - 1] != ':')
        return 0;
    *le = i = skip_back_blanks(cp, b, i - 1);
    if (i > b && cp[i - 1] == ')')
        i = bracket_start(cp, b, i);
    while (i > b && !stops_before(s, b, i, own, 0))
        i--;
    *lb = i;
    return *le > *lb;
}

/* 3回の展覧会を実施: the noun after the count, up to a particle. */
static void label_after(const kpi__pscan *s, size_t e, size_t from, size_t *lb,
                        size_t *le)
{
    const uint32_t *cp = s->t->cp;
    size_t i = from;
    while (i < e && cp[i] != ' ' && cp[i] != 0x3001 && cp[i] != 0x3002 && cp[i] != '(' &&
           cp[i] != ')' && cp[i] != ':' && s->gi[i] == KPI__NO && s->di[i] == KPI__NO &&
           s->pi[i] == KPI__NO && !(i > from && kpi__prose_particle(cp, from, e, i)))
        i++;
    *lb = from;
    *le = i;
}

/* 前期講座開催数 13: the words right before the number; across one を, が,
 * は or も right before it (研修会を3回開催, 参加者は延べ120人). */
static void label_before(const kpi__pscan *s, size_t b, size_t at, uint32_t own,
                         size_t *lb, size_t *le)
{
    const uint32_t *cp = s->t->cp;
    size_t i = skip_back_blanks(cp, b, at);
    if (i > b + 1 &&
        (cp[i - 1] == 0x3092 || cp[i - 1] == 0x304C || cp[i - 1] == 0x306F ||
         cp[i - 1] == 0x3082) &&
        kpi__prose_particle(cp, b, s->t->n, i - 1))
        i--;
    *le = i;
    while (i > b && !stops_before(s, b, i, own, 1))
        i--;
    *lb = i;
}

/* ---- One figure ---------------------------------------------------------------------
 */

/* Collects the reasons a figure is not sure, joined by "; ". */
typedef struct doubts {
    char text[256];
    double confidence;
} doubts;

static void doubt(doubts *d, double factor, const char *what)
{
    size_t len = strlen(d->text);
    d->confidence *= factor;
    snprintf(d->text + len, sizeof d->text - len, "%s%s", len ? "; " : "", what);
    kpi__utf8_trim_end(d->text);
}

/* The date standing right before the figure at at: H29.9に175品目. */
static int32_t date_before(const kpi__pscan *s, size_t b, size_t at)
{
    static const char *const fillers[] = {"時点で", "時点", "現在", "までに", "まで",
                                          "に",     "で",   "は",   NULL};
    const uint32_t *cp = s->t->cp;
    size_t i = at;
    while (i > b && (cp[i - 1] == ' ' || cp[i - 1] == ':' || cp[i - 1] == 0x3001))
        i--;
    for (int words = 0; words < 3; words++) /* 9月末現在で */
        i -= kpi__pt_match_end_table(cp, b, i, fillers, NULL);
    int bad = 0;
    if (i <= b || s->di[i - 1] == KPI__NO)
        return 0;
    return kpi__prose_date_value(s, &s->dates[s->di[i - 1]], &bad);
}

static void read_unit(kpi__pread *r, const kpi__pgroup *g, size_t lb, size_t le,
                      kpi__pfigure *f, doubts *d)
{
    char what[160];
    if (g->unit_end > g->unit_start) {
        f->unit = kpi__pt_encode(r->s->t->cp, g->unit_start, g->unit_end);
        return;
    }
    size_t start = 0;
    const char *fixed = NULL;
    size_t len = kpi__phrase_unit_from_label(r->scratch, lb, le, &start, &fixed);
    if (len == 0) {
        f->unit = kpi__strdup("");
        if (!g->zero_word) /* 事故ゼロ counts 事故 */
            doubt(d, PDOUBT_NO_UNIT, "no unit: what the number counts is not written");
        return;
    }
    f->unit = fixed ? kpi__strdup(fixed) : kpi__pt_encode(r->scratch, start, start + len);
    if (f->unit) {
        snprintf(what, sizeof what,
                 "no unit after the number: \"%s\" read from the label", f->unit);
        doubt(d, PDOUBT_UNIT_LABEL, what);
    }
}

static void read_label(kpi__pread *r, size_t k, const kpi__pfigure *previous,
                       kpi__pfigure *f, size_t *clean_b, size_t *clean_e)
{
    const kpi__pscan *s = r->s;
    const kpi__pgfig *gf = &s->gfig[k];
    size_t lb = 0, le = 0;
    if (!label_before_colon(s, r->b, gf->text_start, (uint32_t)k, &lb, &le)) {
        if (gf->link_end)
            label_after(s, r->e, gf->link_end, &lb, &le);
        else
            label_before(s, r->b, gf->text_start, (uint32_t)k, &lb, &le);
    }
    if (kpi__pt_match(s->t->cp, lb, le, "うち")) {
        f->flags |= KPI_PROSE_PART; /* (うち新規2件) */
        lb += 2;
    }
    *clean_e = kpi__prose_clean_span(r, lb, le, (uint32_t)k, clean_b);
    if (*clean_e > *clean_b || !previous || !previous->label)
        return;
    /* 7組、14名: a second unit of the figure before. */
    size_t i = skip_back_blanks(s->t->cp, r->b, gf->text_start);
    if (i >= r->b + 2 && (s->t->cp[i - 1] == 0x3001 || s->t->cp[i - 1] == 0x30FB) &&
        s->gi[i - 2] != KPI__NO && s->gfig[s->gi[i - 2]].figure) {
        f->label = kpi__strdup(previous->label);
        r->failed |= f->label == NULL;
    }
}

static void read_figure(kpi__pread *r, size_t k, const kpi__pfigure *previous,
                        kpi__pfigure *f)
{
    const kpi__pscan *s = r->s;
    const kpi__pgroup *g = &s->groups[k];
    const kpi__pgfig *gf = &s->gfig[k];
    doubts d = {"", 1};
    size_t lb = 0, le = 0;
    f->flags = gf->flags;
    f->value = g->value;
    read_label(r, k, previous, f, &lb, &le);
    if (!f->label)
        f->label = kpi__pt_encode(r->scratch, lb, le);
    read_unit(r, g, lb, le, f, &d);
    if (g->approx)
        doubt(&d, PDOUBT_APPROXIMATE, "approximate figure (約, 程度)");
    if (!isnan(g->upper)) {
        char what[96];
        snprintf(what, sizeof what, "range %g〜%g: the lower end is read", g->value,
                 g->upper);
        doubt(&d, PDOUBT_RANGE, what);
    }
    f->confidence = d.confidence;
    f->issue = kpi__strdup(d.text);
    size_t from = s->t->off[gf->text_start];
    f->text = kpi__strndup(s->text + from, s->t->off[gf->text_end] - from);
    f->date = date_before(s, r->b, gf->text_start);
    if (!f->label || !f->unit || !f->issue || !f->text)
        r->failed = 1;
}

/* The first group starting at or after b (groups are sorted). */
static size_t first_group(const kpi__pscan *s, size_t b)
{
    size_t lo = 0, hi = s->group_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->gfig[mid].span_start < b)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

void kpi__prose_read_figures(kpi__pread *r)
{
    const kpi__pscan *s = r->s;
    size_t first = first_group(s, r->b), count = 0, k;
    for (k = first; k < s->group_count && s->groups[k].start < r->e; k++)
        count += s->gfig[k].figure;
    if (count == 0)
        return;
    r->out->figures = kpi__calloc(count, sizeof *r->out->figures);
    if (!r->out->figures) {
        r->failed = 1;
        return;
    }
    for (k = first; k < s->group_count && s->groups[k].start < r->e && !r->failed; k++) {
        if (!s->gfig[k].figure)
            continue;
        kpi__pfigure *f = &r->out->figures[r->out->figure_count];
        const kpi__pfigure *previous = r->out->figure_count ? f - 1 : NULL;
        r->out->figure_count++;
        read_figure(r, k, previous, f);
        if (!r->first_label && f->label && f->label[0])
            r->first_label = f->label;
    }
}
