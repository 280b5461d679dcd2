/* Reading a NUMERIC target: which number group is the target, its unit
 * (after the number, or from the label), relative targets (前年度比10%増)
 * and counts, and doubts about what is left over. */
#include "phrase/reading.h"
#include "util/alloc.h"
#include "util/error.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* ---- Numeric targets --------------------------------------------------------------- */

/* How strongly a group reads as the target: 前年度比10%増 over 30件以上 over
 * 12回 over a bare 2. The first of the strongest wins. */
static int strength(const kpi__pgroup *g)
{
    if (g->role == KPI__ROLE_RELATIVE)
        return 5;
    if (g->role == KPI__ROLE_CHANGE)
        return 2;
    if (g->cmp != KPI__CMP_NONE)
        return 4;
    return g->bare ? 1 : 3;
}

const kpi__pgroup *kpi__pr_select_target(const kpi__preader *r, size_t *candidates)
{
    const kpi__pgroup *best = NULL;
    *candidates = 0;
    for (size_t k = 0; k < r->count; k++) {
        const kpi__pgroup *g = &r->groups[k];
        if (!kpi__pgroup_is_target(g))
            continue;
        ++*candidates;
        if (!best || strength(g) > strength(best))
            best = g;
    }
    return best;
}

/* The unit a label names when the number has none: the end of
 * 推進交付金新規事業 (事業), or the X of X数 (物件登録件数: 件; 開催数: 回;
 * 利用者数: 人). Returns the unit's length in scratch, or 0; *fixed
 * receives a unit that is not in the label. */
size_t kpi__phrase_unit_from_label(const uint32_t *cp, size_t b, size_t e, size_t *start,
                                   const char **fixed)
{
    /* X数 where X is no unit but names one: 開催数 counts 回, 来場者数 人. */
    static const char *const counted[] = {"開催", "実施", "者", "客", "員", NULL};
    static const char *const counted_units[] = {"回", "回", "人", "人", "人"};
    *fixed = NULL;
    if (e > b + 1 && cp[e - 1] == 0x6570 /* 数 */) {
        size_t which = 0;
        if (kpi__pt_match_end_table(cp, b, e - 1, counted, &which))
            *fixed = counted_units[which];
        size_t len = kpi__pt_match_end_table(cp, b, e - 1, kpi__phrase_units, NULL);
        *start = e - 1 - len;
        return *fixed ? 1 : len;
    }
    size_t len = kpi__pt_match_end_table(cp, b, e, kpi__phrase_units, NULL);
    *start = e - len;
    return len >= 2 ? len : 0; /* a one-character end (…人) is too often no unit */
}

static void read_unit(kpi__preader *r, const kpi__pgroup *g, size_t lb, size_t le)
{
    char buf[QUOTE_SIZE];
    if (g->unit_end > g->unit_start) {
        r->out->unit = kpi__pr_encode(r, r->t->cp, g->unit_start, g->unit_end);
        if (g->unit_unknown)
            kpi__pr_add_issue(r, DOUBT_UNKNOWN_UNIT,
                              "unit \"%s\" is not in the unit table",
                              kpi__pr_quote(r, g->unit_start, g->unit_end, buf));
        return;
    }
    size_t start = 0;
    const char *fixed = NULL;
    size_t len = kpi__phrase_unit_from_label(r->scratch, lb, le, &start, &fixed);
    if (len == 0)
        return;
    r->out->unit =
        fixed ? kpi__strdup(fixed) : kpi__pr_encode(r, r->scratch, start, start + len);
    if (!r->out->unit) {
        r->failed = 1;
        return;
    }
    kpi__pr_add_issue(r, DOUBT_UNIT_FROM_LABEL,
                      "no unit after the number: \"%s\" read from the label",
                      r->out->unit);
}

/* 8回の展覧会を実施: when the count comes first, what follows it is what
 * is counted (展覧会), and the 実施 or 開催 at its end only says the events
 * take place. */
static size_t strip_event_verb(const uint32_t *cp, size_t b, size_t e)
{
    static const char *const events[] = {"を実施", "の実施", "を開催",
                                         "の開催", "で開催", NULL};
    size_t len = kpi__pt_match_end_table(cp, b, e, events, NULL);
    return len < e - b ? e - len : e;
}

/* 前年度比10%増: T is last year's figure R times (1 + p/100), and R is not
 * in the phrase. */
static void read_relative(kpi__preader *r, const kpi__pgroup *g)
{
    double pct = g->value;
    r->out->value = NAN;
    if (g->ratio) {
        /* 前年度比110% is last year's figure times 1.1: +10%. */
        int up = g->value >= 100;
        pct = up ? g->value - 100 : 100 - g->value;
        r->out->direction = up ? KPI_DIRECTION_INCREASE : KPI_DIRECTION_DECREASE;
        kpi__pr_add_issue(r, DOUBT_RATIO,
                          "ratio %g%% of last year read as a change of %s%g%%", g->value,
                          up ? "+" : "-", pct);
    }
    r->out->change_pct = pct;
    if (!g->baseline)
        kpi__pr_add_issue(
            r, DOUBT_BASELINE,
            "relative target: the base of the change is not named; read as last "
            "year's figure");
    kpi__pr_add_issue(r, DOUBT_MISSING_FIGURE,
                      "relative target: last year's figure is not in the phrase");
}

static void read_count(kpi__preader *r, const kpi__pgroup *g)
{
    char buf[QUOTE_SIZE];
    r->out->value = g->value;
    if (g->cmp == KPI__CMP_LT || g->cmp == KPI__CMP_GT)
        kpi__pr_add_issue(r, DOUBT_STRICT,
                          "strict bound read as inclusive: \"%s\" taken as %s",
                          kpi__pr_quote(r, g->cmp_start, g->cmp_end, buf),
                          g->cmp == KPI__CMP_LT ? "at most (以下)" : "at least (以上)");
    if (!isnan(g->upper))
        kpi__pr_add_issue(r, DOUBT_RANGE,
                          "range %g〜%g: the lower end is read as the target", g->value,
                          g->upper);
    if (g->approx)
        kpi__pr_add_issue(r, DOUBT_APPROXIMATE,
                          "approximate figure (約, 程度): read as %g", g->value);
}

/* Text after the target's group that nothing explains: 5回以上行う is
 * fine (an ending), 5回以上 and then a clause is not. */
static void check_leftover(kpi__preader *r, const kpi__pgroup *g)
{
    char buf[QUOTE_SIZE];
    size_t b = g->end, e = r->e;
    for (size_t k = 0; k < r->count; k++)
        if (r->groups[k].role == KPI__ROLE_MONTH && r->groups[k].start >= b &&
            r->groups[k].start < e)
            e = r->groups[k].start; /* a month after the count is read */
    kpi__pr_trim_label(r->t->cp, &b, &e);
    e = kpi__phrase_core_end(r->t->cp, b, e);
    if (b >= e || kpi__pt_match_table(r->t->cp, b, e, kpi__phrase_endings, NULL) == e - b)
        return;
    size_t verb = kpi__pt_match_table(r->t->cp, b, e, kpi__phrase_verbs, NULL);
    size_t done = kpi__pt_match_table(r->t->cp, b, e, kpi__phrase_milestones, NULL);
    if (verb == e - b || done == e - b)
        return;
    kpi__pr_add_issue(r, DOUBT_LEFTOVER, "text after the number not read: \"%s\"",
                      kpi__pr_quote(r, b, e, buf));
}

/* The other numbers a kpi__preader could take for the target. */
static void check_others(kpi__preader *r, const kpi__pgroup *target, size_t candidates)
{
    char buf[QUOTE_SIZE], other[QUOTE_SIZE];
    if (candidates < 2)
        return;
    for (size_t k = 0; k < r->count; k++) {
        const kpi__pgroup *g = &r->groups[k];
        if (g == target || !kpi__pgroup_is_target(g))
            continue;
        kpi__pr_add_issue(
            r, DOUBT_SEVERAL,
            "more than one number: \"%s\" read as the target, \"%s\" is also "
            "in the phrase",
            kpi__pr_quote(r, target->num_start, target->inner_end, buf),
            kpi__pr_quote(r, g->num_start, g->inner_end, other));
        return;
    }
}

void kpi__pr_read_numeric(kpi__preader *r, const kpi__pgroup *g, size_t candidates)
{
    char buf[QUOTE_SIZE];
    r->out->kind = KPI_KIND_NUMERIC;
    r->out->direction = g->decrease ? KPI_DIRECTION_DECREASE : KPI_DIRECTION_INCREASE;
    size_t lb = 0, le = kpi__pr_build_label(r, g, &lb);
    /* 研修会を5回以上行う: what is counted is 研修会, not 研修会を行う. */
    le = kpi__phrase_core_end(r->scratch, lb, le);
    if (g->linked)
        le = strip_event_verb(r->scratch, lb, le);
    kpi__pr_trim_label(r->scratch, &lb, &le);
    r->out->label = kpi__pr_encode(r, r->scratch, lb, le);
    if (g->role == KPI__ROLE_RELATIVE) {
        read_relative(r, g);
    } else if (g->role == KPI__ROLE_CHANGE) {
        r->out->value = NAN;
        kpi__pr_add_issue(
            r, DOUBT_CHANGE,
            "\"%s\" is a change from a figure the phrase does not give; no target value",
            kpi__pr_quote(r, g->num_start, g->inner_end, buf));
    } else {
        read_count(r, g);
    }
    if (g->role == KPI__ROLE_RELATIVE && g->unit_end == g->unit_start + 1) {
        kpi__pgroup no_unit = *g; /* the % is the change's, not the target's */
        no_unit.unit_start = no_unit.unit_end;
        read_unit(r, &no_unit, lb, le);
    } else {
        read_unit(r, g, lb, le);
    }
    check_others(r, g, candidates);
    if (!g->linked && candidates == 1)
        check_leftover(r, g);
}
