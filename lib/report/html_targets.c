/* The HTML report's tables of targets: per goal one table whose rows carry
 * the figures, a bar of the actual against the expected value and the
 * target, and under the wording the latest update. Cancelled targets are
 * listed apart (html_progress.c). */
#include "report/html.h"
#include "util/alloc.h"

#include <math.h>
#include <string.h>

/* The unit goes with the target value, or with the actual when there is
 * no target value to show. */
static int shows_target_value(const kpi_result *r)
{
    return !isnan(r->target) && r->target_kind != KPI_KIND_QUALITATIVE;
}

/* Actual and expected as every format shows them; "—" when missing. */
static void put_value_cell(kpi__strbuf *out, const kpi_result *r, double value,
                           int with_unit, kpi_lang lang)
{
    char figure[KPI__NUMBER_SIZE];
    kpi__strbuf quantity = {0};
    kpi__display_figure(figure, r, value);
    if (with_unit)
        kpi__display_quantity(&quantity, r, value, lang);
    else
        kpi__strbuf_append(&quantity, figure);
    kpi__strbuf_append(out, "<td class=\"num\">");
    if (!*figure)
        kpi__strbuf_append(out, KPI__HTML_NO_VALUE);
    kpi__html_built(out, &quantity);
    kpi__strbuf_append(out, "</td>");
}

/* The target with its unit and comparison, and the due date when it is
 * not the end of the period. */
static void put_target_value_cell(kpi__strbuf *out, const kpi_evaluation *ev,
                                  const kpi_result *r, kpi_lang lang)
{
    kpi__strbuf target = {0};
    char due[KPI__DUE_SIZE];
    kpi__strbuf_append(out, "<td class=\"num\">");
    if (!shows_target_value(r))
        kpi__strbuf_append(out, KPI__HTML_NO_VALUE);
    kpi__display_target(&target, r, lang);
    kpi__html_built(out, &target);
    if (r->due && r->due != ev->end) {
        kpi__display_due(due, r->due, lang);
        kpi__strbuf_printf(out, "<span class=\"sub\">%s</span>", due);
    }
    kpi__strbuf_append(out, "</td>");
}

static void put_percent_cell(kpi__strbuf *out, double fraction)
{
    char percent[KPI__NUMBER_SIZE];
    kpi__number_percent(percent, fraction);
    kpi__strbuf_printf(out, "<td class=\"num\">%s</td>",
                       *percent ? percent : KPI__HTML_NO_VALUE);
}

/* Progress in the good direction from the start value, as in the rules. */
static double gain(const kpi_result *r, double x)
{
    return r->direction == KPI_DIRECTION_DECREASE ? r->start_value - x
                                                  : x - r->start_value;
}

/* x as a share of the way from start to target; NaN when there is no way. */
static double share_of_target(const kpi_result *r, double x)
{
    double way = gain(r, r->target);
    if (isnan(x) || isnan(way) || !(way > 0))
        return NAN;
    return gain(r, x) / way;
}

static double clamp01(double x)
{
    return x < 0 ? 0 : x > 1 ? 1 : x;
}

static void put_bar(kpi__strbuf *out, const kpi_result *r, double done, kpi_lang lang)
{
    double expected = share_of_target(r, r->expected);
    kpi__strbuf_printf(out,
                       "<div class=\"bar\"><div class=\"fill\" style=\"width:%.1f%%\">"
                       "</div>",
                       100 * clamp01(done));
    /* No tick while nothing is expected yet: it would only look like the
     * edge of the bar. */
    if (expected > 0)
        kpi__strbuf_printf(out, "<div class=\"tick\" style=\"left:%.1f%%\"></div>",
                           100 * clamp01(expected));
    if (done > 1 + 1e-9) {
        kpi__strbuf_append(out, "<div class=\"over\" title=\"");
        kpi__html_text(out, kpi__html_words(lang)->bar_over);
        kpi__strbuf_append(out, "\"></div>");
    }
    kpi__strbuf_append(out, "</div>");
}

/* The bar when there is one; otherwise the reason in words. */
static void put_bar_cell(kpi__strbuf *out, const kpi_result *r, kpi_lang lang)
{
    double done = share_of_target(r, r->actual);
    kpi__strbuf_append(out, "<td>");
    if (r->rating == KPI_RATING_NONE) {
        kpi__strbuf why = {0};
        kpi__strbuf_append(out, "<span class=\"unrated\">");
        kpi__display_unrated(&why, r->unrated, lang);
        kpi__html_built(out, &why);
        kpi__strbuf_append(out, "</span>");
    } else if (r->target_kind != KPI_KIND_QUALITATIVE && !isnan(done)) {
        put_bar(out, r, done, lang);
    } else {
        kpi__strbuf_append(out, "<span class=\"note-line\">");
        kpi__html_reason(out, r, lang);
        kpi__strbuf_append(out, "</span>");
    }
    kpi__strbuf_append(out, "</td>");
}

/* The wording as written in the plan, with the label under it when the
 * two differ, whether a person set the rating, and the latest update. */
static void put_wording_cell(kpi__strbuf *out, const kpi_result *r, kpi_lang lang)
{
    const char *text = r->text && *r->text ? r->text : r->title;
    kpi__strbuf_append(out, "<td class=\"wording\">");
    kpi__html_text(out, kpi__inferred_mark(r, lang));
    kpi__html_text(out, text);
    if (r->assessed) {
        kpi__strbuf_append(out, "<span class=\"tag\">");
        kpi__html_text(out, kpi__word(KPI__W_ASSESSED, lang));
        if (r->mismatch) {
            kpi__strbuf_printf(out, " · %s %s", kpi__word(KPI__W_COMPUTED, lang),
                               kpi__display_computed_level(r));
        }
        kpi__strbuf_append(out, "</span>");
    }
    if (text != r->title && *r->title && strcmp(text, r->title) != 0) {
        kpi__strbuf_append(out, "<span class=\"sub\">");
        kpi__html_text(out, r->title);
        kpi__strbuf_append(out, "</span>");
    }
    kpi__html_update(out, r, lang);
    kpi__strbuf_append(out, "</td>");
}

static void put_target_row(kpi__strbuf *out, const kpi_evaluation *ev,
                           const kpi_result *r, kpi_lang lang)
{
    kpi__strbuf_printf(out, "<tr class=\"r-%s\" data-code=\"",
                       kpi__html_rating_class(kpi__display_colour(r)));
    kpi__html_text(out, r->code);
    kpi__strbuf_append(out, "\"><td>");
    kpi__html_symbol(out, r, lang);
    kpi__strbuf_append(out, "</td><td class=\"code\">");
    kpi__html_text(out, r->code);
    kpi__strbuf_append(out, "</td>");
    put_wording_cell(out, r, lang);
    put_value_cell(out, r, r->actual, !shows_target_value(r), lang);
    put_value_cell(out, r, r->expected, 0, lang);
    put_target_value_cell(out, ev, r, lang);
    put_percent_cell(out, r->achievement);
    put_percent_cell(out, r->pace);
    put_bar_cell(out, r, lang);
    kpi__strbuf_append(out, "</tr>\n");
}

static void put_targets_head(kpi__strbuf *out, kpi_lang lang)
{
    kpi__strbuf_append(out, "<table>\n<thead><tr>");
    kpi__html_th(out, "c-sym", kpi__word(KPI__W_RATING, lang));
    kpi__html_th(out, "c-code", kpi__word(KPI__W_CODE, lang));
    kpi__html_th(out, "c-what", kpi__word(KPI__W_TARGET, lang));
    kpi__html_th(out, "c-num num", kpi__word(KPI__W_ACTUAL, lang));
    kpi__html_th(out, "c-num num", kpi__word(KPI__W_EXPECTED, lang));
    kpi__html_th(out, "c-tv num", kpi__word(KPI__W_TARGET_VALUE, lang));
    kpi__html_th(out, "c-num num", kpi__word(KPI__W_ACHIEVEMENT, lang));
    kpi__html_th(out, "c-num num", kpi__word(KPI__W_PACE, lang));
    kpi__html_th(out, "c-bar", kpi__html_words(lang)->bar_head);
    kpi__strbuf_append(out, "</tr></thead>\n<tbody>\n");
}

/* Children come targets first, then goals: the targets make one table,
 * without the cancelled ones. */
void kpi__html_targets(kpi__strbuf *out, const kpi_evaluation *ev, const kpi_result *g,
                       kpi_lang lang)
{
    if (!kpi__has_targets(g))
        return;
    put_targets_head(out, lang);
    for (size_t i = 0; i < g->child_count; i++) {
        const kpi_result *r = kpi_result_child_at(g, i);
        if (r->kind == KPI_OBJECT_TARGET && !kpi__is_cancelled(r))
            put_target_row(out, ev, r, lang);
    }
    kpi__strbuf_append(out, "</tbody>\n</table>\n");
}
