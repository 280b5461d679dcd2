/* The checks of a scale once every row is read (docs/scales.md, "Files"):
 * one scale row, levels with distinct symbols, every class tagged on
 * exactly one level, conditions only on bounds scales, scores for a
 * weighted roll-up, rules and statuses naming known levels (resolved
 * here). A level whose condition an earlier one always shadows, and rules
 * that may leave a goal without a level, are warnings. */
#include "io/scale_read.h"
#include "util/error.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static int check_levels(kpi__scale_read *r)
{
    const kpi_scale *s = r->scale;
    if (!s->level_count)
        return kpi__scale_fail(r, r->scale_line, -1, "the scale has no \"level\" rows");
    for (size_t i = 0; i < s->level_count; i++) {
        const kpi__level *l = &s->levels[i];
        for (size_t j = 0; j < i; j++)
            if (strcmp(s->levels[j].symbol, l->symbol) == 0 ||
                strcmp(s->levels[j].name, l->name) == 0)
                return kpi__scale_fail(
                    r, l->line, C_SYMBOL,
                    "level \"%s\" repeats the symbol or name of line %ld", l->symbol,
                    (long)s->levels[j].line);
        if (l->term_count && s->basis != KPI_BASIS_BOUNDS)
            return kpi__scale_fail(
                r, l->line, C_WHEN,
                "level \"%s\" has a condition, but the scale's basis is "
                "class (conditions need basis bounds)",
                l->symbol);
    }
    return KPI_OK;
}

/* Every class on exactly one level. */
static int check_classes(kpi__scale_read *r)
{
    const kpi_scale *s = r->scale;
    for (int rating = KPI_RATING_NOT_PROGRESSED; rating <= KPI_RATING_AHEAD; rating++) {
        const kpi__level *first = NULL;
        for (size_t i = 0; i < s->level_count; i++) {
            const kpi__level *l = &s->levels[i];
            if (!(l->classes & (1u << rating)))
                continue;
            if (first)
                return kpi__scale_fail(
                    r, l->line, C_CLASS,
                    "class %s is tagged twice (also on line %ld): each "
                    "class stands on exactly one level",
                    kpi_rating_name((kpi_rating)rating), (long)first->line);
            first = l;
        }
        if (!first)
            return kpi__scale_fail(r, r->scale_line, -1,
                                   "class %s is tagged on no level: each class stands on "
                                   "exactly one level",
                                   kpi_rating_name((kpi_rating)rating));
    }
    return KPI_OK;
}

static int check_thresholds(kpi__scale_read *r)
{
    const kpi_scale *s = r->scale;
    if (!isnan(s->ahead) && !(s->ahead > 0 && isfinite(s->ahead)))
        return kpi__scale_fail(r, r->scale_line, C_AHEAD,
                               "the threshold must be above 0");
    if (!isnan(s->on_track) && !(s->on_track > 0 && isfinite(s->on_track)))
        return kpi__scale_fail(r, r->scale_line, C_ON_TRACK,
                               "the threshold must be above 0");
    if (!isnan(s->ahead) && !isnan(s->on_track) && s->on_track > s->ahead)
        return kpi__scale_fail(r, r->scale_line, C_ON_TRACK,
                               "on_track (%g) is above ahead (%g)", s->on_track,
                               s->ahead);
    return KPI_OK;
}

static int check_weighted(kpi__scale_read *r)
{
    const kpi_scale *s = r->scale;
    if (s->rollup != KPI_LEVEL_ROLLUP_WEIGHTED)
        return KPI_OK;
    int any_min = 0;
    for (size_t i = 0; i < s->level_count; i++) {
        if (isnan(s->levels[i].score))
            return kpi__scale_fail(r, s->levels[i].line, C_SCORE,
                                   "level \"%s\" has no score, which a weighted roll-up "
                                   "needs of every level",
                                   s->levels[i].symbol);
        any_min |= !isnan(s->levels[i].goal_min);
    }
    if (!any_min)
        return kpi__scale_fail(r, r->scale_line, C_ROLLUP,
                               "a weighted roll-up needs goal_min on at least one level");
    return KPI_OK;
}

/* ---- shadowed conditions ------------------------------------------------ */

/* The values a condition admits of one measure: an interval. */
struct interval {
    double lo, hi;
    int lo_open, hi_open;
};

static void narrow(struct interval *in, const kpi__term *t)
{
    int low = t->op == KPI__OP_GE || t->op == KPI__OP_GT;
    int open = t->op == KPI__OP_GT || t->op == KPI__OP_LT;
    if (low && (t->number > in->lo || (t->number == in->lo && open))) {
        in->lo = t->number;
        in->lo_open = open;
    } else if (!low && (t->number < in->hi || (t->number == in->hi && open))) {
        in->hi = t->number;
        in->hi_open = open;
    }
}

static void intervals_of(const kpi__level *l, struct interval in[3], int constrained[3])
{
    for (int m = 0; m < 3; m++) {
        in[m] = (struct interval){-INFINITY, INFINITY, 0, 0};
        constrained[m] = 0;
    }
    for (size_t i = 0; i < l->term_count; i++) {
        narrow(&in[l->terms[i].measure], &l->terms[i]);
        constrained[l->terms[i].measure] = 1;
    }
}

static int inside(const struct interval *a, const struct interval *b)
{
    int lo = a->lo > b->lo || (a->lo == b->lo && (a->lo_open || !b->lo_open));
    int hi = a->hi < b->hi || (a->hi == b->hi && (a->hi_open || !b->hi_open));
    return lo && hi;
}

/* Whether every figure that meets later's condition meets earlier's. */
static int shadows(const kpi__level *earlier, const kpi__level *later)
{
    struct interval a[3], b[3];
    int ca[3], cb[3];
    intervals_of(later, a, ca);
    intervals_of(earlier, b, cb);
    for (int m = 0; m < 3; m++)
        if (cb[m] && (!ca[m] || !inside(&a[m], &b[m])))
            return 0;
    return 1;
}

static int warn_shadowed(kpi__scale_read *r)
{
    kpi_scale *s = r->scale;
    for (size_t j = 0; j < s->level_count && s->basis == KPI_BASIS_BOUNDS; j++) {
        const kpi__level *later = &s->levels[j];
        for (size_t i = 0; i < j && later->term_count; i++) {
            if (!shadows(&s->levels[i], later))
                continue;
            char message[400];
            snprintf(
                message, sizeof message,
                "%s:%ld: level \"%s\" is never reached by its condition: level \"%s\" "
                "(line %ld) comes first and holds whenever it does",
                r->source, (long)later->line, later->symbol, s->levels[i].symbol,
                (long)s->levels[i].line);
            if (kpi__scale_warn(s, message) != KPI_OK)
                return KPI_ERR_NOMEM;
            break;
        }
    }
    return KPI_OK;
}

/* ---- rules and statuses ------------------------------------------------- */

/* The level a symbol (or name) names, or an error naming the column. */
static int level_named(const kpi__scale_read *r, const char *text, size_t n, int32_t line,
                       int column, int32_t *out)
{
    char word[128];
    snprintf(word, sizeof word, "%.*s", (int)(n < 120 ? n : 120), text);
    *out = kpi_scale_level_find(r->scale, word);
    if (*out >= 0)
        return KPI_OK;
    return kpi__scale_fail(r, line, column, "\"%s\" names no level of the scale", word);
}

static int rule_levels(const kpi__scale_read *r, const kpi__scale_pending *p,
                       kpi__rule *rule)
{
    const char *text = p->levels;
    while (*(text += strspn(text, " \t"))) {
        size_t n = strcspn(text, " \t");
        int32_t level;
        int rc = level_named(r, text, n, p->line, C_LEVELS, &level);
        if (rc != KPI_OK)
            return rc;
        rule->levels |= 1u << level;
        text += n;
    }
    if (!rule->levels && rule->quantifier != KPI_QUANTIFIER_OTHERWISE)
        return kpi__scale_fail(r, p->line, C_LEVELS, "an \"%s\" rule names no level",
                               p->first);
    return KPI_OK;
}

static int resolve_rule(kpi__scale_read *r, const kpi__scale_pending *p, kpi__rule *rule)
{
    memset(rule, 0, sizeof *rule);
    rule->line = p->line;
    int q = KPI_QUANTIFIER_ALL;
    while (*kpi_quantifier_name((kpi_quantifier)q) &&
           strcmp(p->first, kpi_quantifier_name((kpi_quantifier)q)) != 0)
        q++;
    if (!*kpi_quantifier_name((kpi_quantifier)q))
        return kpi__scale_fail(r, p->line, C_QUANTIFIER,
                               "\"%s\" is no quantifier: expected all, any or otherwise",
                               p->first);
    rule->quantifier = (uint8_t)q;
    int rc = rule_levels(r, p, rule);
    if (rc == KPI_OK)
        rc = level_named(r, p->result, strlen(p->result), p->line, C_RESULT,
                         &rule->result);
    return rc;
}

static int resolve_rules(kpi__scale_read *r)
{
    kpi_scale *s = r->scale;
    if (s->rollup == KPI_LEVEL_ROLLUP_RULES && !r->rule_count)
        return kpi__scale_fail(r, r->scale_line, C_ROLLUP,
                               "a \"rules\" roll-up needs \"rule\" rows");
    for (size_t i = 0; i < r->rule_count; i++) {
        int rc = resolve_rule(r, &r->rules[i], &s->rules[i]);
        if (rc != KPI_OK)
            return rc;
        s->rule_count++;
    }
    if (s->rule_count &&
        s->rules[s->rule_count - 1].quantifier != KPI_QUANTIFIER_OTHERWISE) {
        char message[300];
        snprintf(message, sizeof message,
                 "%s:%ld: the last rule is not \"otherwise\": a goal no rule holds for "
                 "gets the worst level of its children",
                 r->source, (long)s->rules[s->rule_count - 1].line);
        return kpi__scale_warn(s, message);
    }
    return KPI_OK;
}

static int resolve_statuses(kpi__scale_read *r)
{
    kpi_scale *s = r->scale;
    for (size_t i = 0; i < r->status_count; i++) {
        const kpi__scale_pending *p = &r->statuses[i];
        kpi_status status;
        if (kpi_status_parse(&status, p->first) != KPI_OK || status == KPI_STATUS_NONE)
            return kpi__scale_fail(r, p->line, C_STATUS,
                                   "\"%s\" is no status: expected a name such as done, "
                                   "not_started or cancelled",
                                   p->first);
        if (s->status_level[status] >= 0)
            return kpi__scale_fail(r, p->line, C_STATUS, "status %s is mapped twice",
                                   kpi_status_name(status));
        int32_t level;
        int rc = level_named(r, p->result, strlen(p->result), p->line, C_RESULT, &level);
        if (rc != KPI_OK)
            return rc;
        s->status_level[status] = (int8_t)level;
    }
    return KPI_OK;
}

int kpi__scale_check(kpi__scale_read *r)
{
    if (!r->scale_line)
        return kpi__error_at(KPI_ERR_VALUE, r->source, 0, 0,
                             "%s: no \"scale\" row: a scale file has one, with its id",
                             r->source);
    int rc = check_levels(r);
    if (rc == KPI_OK)
        rc = check_classes(r);
    if (rc == KPI_OK)
        rc = check_thresholds(r);
    if (rc == KPI_OK)
        rc = check_weighted(r);
    if (rc == KPI_OK)
        rc = resolve_rules(r);
    if (rc == KPI_OK)
        rc = resolve_statuses(r);
    if (rc == KPI_OK)
        rc = warn_shadowed(r);
    return rc;
}
