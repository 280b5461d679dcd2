/* The HTML report: one self-contained page laid out as the interim report
 * (重点目標一覧表（中間報告調書）) is, made easier to read: a header with
 * the overall rating, the 評価基準 legend, an overview of the top-level
 * goals, then each goal folded by level (<details open>) with a table per
 * initiative whose rows carry a bar of the actual against the expected
 * value and the target, and the plan's notes at the end.
 *
 * The page needs nothing but itself: the style is inline, there is no
 * script, no image, no web font, so it can be mailed, archived or opened
 * offline and still look the same. It prints on A4 landscape. */
#include "report/display.h"
#include "report/render.h"
#include "util/alloc.h"

#include <math.h>
#include <string.h>

/* Words only this page uses, indexed by kpi_lang; every other word and
 * form comes from the display layer (display.h), as in the other formats. */
struct html_words {
    const char *overview, *breakdown, *total_before, *total_after;
    const char *bar_fill, *key_sep, *bar_tick, *bar_over, *bar_head;
};

static const struct html_words html_words[] = {
    {"重点目標一覧", "目標の内訳", "（全", "件）", "棒：目標値に対する実績", " ／ ",
     "縦線：基準日の期待値", "目標値を超過", "実績 ／ 目標値"},
    {"Goals at a glance", "Targets by rating", " (", " in all)",
     "bar: actual against the target value", "; ", "tick: expected as of the date",
     "above the target value", "Actual / target value"},
};

/* Shown for a missing value, so that an empty cell never looks like 0. */
static const char NO_VALUE[] = "<span class=\"nil\">—</span>";

/* The stylesheet, report.css, built in as bytes (see lib/CMakeLists.txt). */
extern const unsigned char kpi__report_css[];
extern const size_t kpi__report_css_size;

/* Text in element content and attribute values alike; nothing for NULL. */
static void put_text(kpi__strbuf *out, const char *text)
{
    if (!text)
        return;
    const char *run = text;
    for (const char *p = text; *p; p++) {
        const char *entity = NULL;
        switch (*p) {
        case '&':
            entity = "&amp;";
            break;
        case '<':
            entity = "&lt;";
            break;
        case '>':
            entity = "&gt;";
            break;
        case '"':
            entity = "&quot;";
            break;
        case '\'':
            entity = "&#39;";
            break;
        default:
            continue;
        }
        kpi__strbuf_append_n(out, run, (size_t)(p - run));
        kpi__strbuf_append(out, entity);
        run = p + 1;
    }
    kpi__strbuf_append(out, run);
}

/* A display form built apart (display.h), then escaped onto the page. */
static void put_built(kpi__strbuf *out, kpi__strbuf *built)
{
    char *text = kpi__display_finish(out, built);
    put_text(out, text);
    kpi__free(text);
}

/* The rating's CSS class: r-ahead, r-on_track, ..., r-none. */
static const char *rating_class(kpi_rating rating)
{
    const char *name = kpi_rating_name(rating);
    return *name ? name : "none";
}

/* A coloured badge; unrated shows a dash and names why in its title. */
static void put_symbol(kpi__strbuf *out, const kpi_result *r, kpi_lang lang)
{
    kpi__strbuf why = {0};
    kpi__strbuf_printf(out, "<span class=\"sym r-%s\" title=\"", rating_class(r->rating));
    if (r->rating == KPI_RATING_NONE)
        kpi__display_unrated(&why, r->unrated, lang);
    else
        kpi__strbuf_append(&why, kpi_rating_label(r->rating, lang));
    put_built(out, &why);
    kpi__strbuf_printf(out, "\">%s</span>", kpi__display_symbol(r->rating));
}

static void put_reason(kpi__strbuf *out, const kpi_result *r, kpi_lang lang)
{
    put_text(out, kpi__display_reason(out, r, lang));
}

static size_t result_index(const kpi_evaluation *ev, const kpi_result *r)
{
    return (size_t)(r - ev->results);
}

static void put_head(kpi__strbuf *out, const kpi_evaluation *ev, kpi_lang lang)
{
    const char *title = ev->results[0].title;
    kpi__strbuf_printf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n",
                       kpi_lang_name(lang));
    kpi__strbuf_append(out, "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
                            "content=\"width=device-width, initial-scale=1\">\n<title>");
    put_text(out, *title ? title : kpi__word(KPI__W_REPORT_TITLE, lang));
    if (ev->department && *ev->department) {
        kpi__strbuf_append(out, " — ");
        put_text(out, ev->department);
    }
    kpi__strbuf_append(out, "</title>\n<style>\n");
    kpi__strbuf_append_n(out, (const char *)kpi__report_css, kpi__report_css_size);
    kpi__strbuf_append(out, "</style>\n</head>\n<body>\n<div class=\"page\">\n");
}

/* The targets under a goal at any depth (or the whole plan), by effective
 * rating. Results are in plan order, depth first, so a goal's descendants
 * are the results after it that lie deeper. */
static size_t count_targets(const kpi_evaluation *ev, size_t goal,
                            size_t counts[KPI_RATING_AHEAD + 1])
{
    size_t total = 0;
    memset(counts, 0, sizeof(size_t) * (KPI_RATING_AHEAD + 1));
    for (size_t i = goal + 1;
         i < ev->count && ev->results[i].depth > ev->results[goal].depth; i++) {
        const kpi_result *r = &ev->results[i];
        if (r->kind != KPI_OBJECT_TARGET)
            continue;
        counts[r->rating]++;
        total++;
    }
    return total;
}

/* A stacked bar of the target ratings. */
static void put_dist_bar(kpi__strbuf *out, const size_t counts[KPI_RATING_AHEAD + 1],
                         size_t total)
{
    kpi__strbuf_append(out, "<span class=\"dist\">");
    for (int rating = KPI_RATING_AHEAD; total && rating >= KPI_RATING_NONE; rating--) {
        if (counts[rating])
            kpi__strbuf_printf(out, "<span class=\"r-%s\" style=\"width:%.1f%%\"></span>",
                               rating_class((kpi_rating)rating),
                               100.0 * (double)counts[rating] / (double)total);
    }
    kpi__strbuf_append(out, "</span>");
}

/* The counts in symbols and words, so that a black-and-white print still
 * tells what the coloured bar shows. */
static void put_counts(kpi__strbuf *out, const size_t counts[KPI_RATING_AHEAD + 1],
                       kpi_lang lang)
{
    kpi__strbuf_append(out, "<span class=\"counts\">");
    for (int rating = KPI_RATING_AHEAD; rating >= KPI_RATING_NOT_PROGRESSED; rating--)
        kpi__strbuf_printf(out, "<span class=\"r-%s\"><b>%s</b>%zu</span> ",
                           rating_class((kpi_rating)rating),
                           kpi_rating_symbol((kpi_rating)rating), counts[rating]);
    kpi__strbuf_printf(out, "<span class=\"r-none\">%s %zu</span></span>",
                       kpi__word(KPI__W_UNRATED, lang), counts[KPI_RATING_NONE]);
}

/* Under the title: how the plan's targets stand, all of them at a glance. */
static void put_totals(kpi__strbuf *out, const kpi_evaluation *ev, kpi_lang lang)
{
    size_t counts[KPI_RATING_AHEAD + 1];
    size_t total = count_targets(ev, 0, counts);
    if (!total)
        return;
    kpi__strbuf_append(out, "<p class=\"totals\"><span class=\"what\">");
    put_text(out, html_words[lang].breakdown);
    kpi__strbuf_printf(out, "%s%zu%s", html_words[lang].total_before, total,
                       html_words[lang].total_after);
    kpi__strbuf_append(out, "</span>");
    put_dist_bar(out, counts, total);
    put_counts(out, counts, lang);
    kpi__strbuf_append(out, "</p>\n");
}

static void put_meta_item(kpi__strbuf *out, kpi__word_id word, const char *value,
                          kpi_lang lang)
{
    if (!value || !*value)
        return;
    kpi__strbuf_append(out, "<div><dt>");
    put_text(out, kpi__word(word, lang));
    kpi__strbuf_append(out, "</dt><dd>");
    put_text(out, value);
    kpi__strbuf_append(out, "</dd></div>");
}

static void put_meta(kpi__strbuf *out, const kpi_evaluation *ev, kpi_lang lang)
{
    kpi__header header;
    kpi__display_header(&header, ev, lang);
    kpi__strbuf_append(out, "<dl class=\"meta\">");
    for (int i = 0; i < KPI__HEADER_FIELDS; i++)
        put_meta_item(out, header.words[i], header.values[i], lang);
    kpi__strbuf_append(out, "</dl>\n");
}

static void put_overall(kpi__strbuf *out, const kpi_evaluation *ev, kpi_lang lang)
{
    const kpi_result *plan = &ev->results[0];
    kpi__strbuf_printf(out, "<div class=\"overall r-%s\"><div class=\"what\">",
                       rating_class(plan->rating));
    put_text(out, kpi__word(KPI__W_PLAN_RATING, lang));
    kpi__strbuf_append(out, "</div>");
    put_symbol(out, plan, lang);
    kpi__strbuf_append(out, "<div class=\"label\">");
    put_text(out, kpi__display_rating_label(plan->rating, lang));
    kpi__strbuf_append(out, "</div><div class=\"reason\">");
    put_reason(out, plan, lang);
    kpi__strbuf_append(out, "</div></div>\n");
}

static void put_header(kpi__strbuf *out, const kpi_evaluation *ev, kpi_lang lang)
{
    const char *title = ev->results[0].title;
    kpi__strbuf_append(out, "<header class=\"report\">\n<div class=\"head-main\">\n"
                            "<p class=\"kicker\">");
    put_text(out, kpi__word(KPI__W_REPORT_TITLE, lang));
    kpi__strbuf_append(out, "</p>\n<h1>");
    put_text(out, *title ? title : kpi__word(KPI__W_REPORT_TITLE, lang));
    kpi__strbuf_append(out, "</h1>\n");
    put_meta(out, ev, lang);
    put_totals(out, ev, lang);
    kpi__strbuf_append(out, "</div>\n");
    put_overall(out, ev, lang);
    kpi__strbuf_append(out, "</header>\n");
}

/* Sample bars for the legend: one half done and a little behind its
 * tick, one beyond its target. */
static void put_legend_keys(kpi__strbuf *out, kpi_lang lang)
{
    const struct html_words *w = &html_words[lang];
    kpi__strbuf_append(out, "<div class=\"keys\"><span class=\"key r-on_track\">"
                            "<span class=\"bar\"><span class=\"fill\" "
                            "style=\"width:45%\"></span><span class=\"tick\" "
                            "style=\"left:55%\"></span></span>");
    put_text(out, w->bar_fill);
    put_text(out, w->key_sep);
    put_text(out, w->bar_tick);
    kpi__strbuf_append(out, "</span>");
    kpi__strbuf_append(out, "<span class=\"key r-ahead\"><span class=\"bar\">"
                            "<span class=\"fill\" style=\"width:100%\"></span>"
                            "<span class=\"over\"></span></span>");
    put_text(out, w->bar_over);
    kpi__strbuf_append(out, "</span><span class=\"key\">");
    put_text(out, kpi__display_mark(lang));
    kpi__strbuf_append(out, " ");
    put_text(out, kpi__word(KPI__W_INFERRED, lang));
    kpi__strbuf_append(out, "</span></div>");
}

static void put_legend(kpi__strbuf *out, kpi_lang lang)
{
    kpi__strbuf_append(out, "<section class=\"legend\">\n<h2>");
    put_text(out, kpi__word(KPI__W_LEGEND, lang));
    kpi__strbuf_append(out, "</h2>\n<ul>");
    for (int rating = KPI_RATING_AHEAD; rating >= KPI_RATING_NONE; rating--) {
        const kpi_rating r = (kpi_rating)rating;
        kpi__strbuf_printf(out, "<li><span class=\"sym r-%s\">%s</span>", rating_class(r),
                           kpi__display_symbol(r));
        put_text(out, kpi__display_rating_label(r, lang));
        kpi__strbuf_append(out, "</li>");
    }
    kpi__strbuf_append(out, "</ul>\n");
    put_legend_keys(out, lang);
    kpi__strbuf_append(out, "\n</section>\n");
}

static void put_overview_row(kpi__strbuf *out, const kpi_evaluation *ev,
                             const kpi_result *goal, kpi_lang lang)
{
    size_t index = result_index(ev, goal);
    kpi__strbuf_append(out, "<tr><td>");
    put_symbol(out, goal, lang);
    kpi__strbuf_append(out, "</td><td class=\"code\">");
    put_text(out, goal->code);
    kpi__strbuf_printf(out, "</td><td class=\"title\"><a href=\"#r%zu\">", index);
    put_text(out, goal->title);
    kpi__strbuf_append(out, "</a></td>");
    size_t counts[KPI_RATING_AHEAD + 1];
    size_t total = count_targets(ev, index, counts);
    kpi__strbuf_append(out, "<td>");
    put_dist_bar(out, counts, total);
    kpi__strbuf_append(out, "</td><td>");
    put_counts(out, counts, lang);
    kpi__strbuf_append(out, "</td>");
    kpi__strbuf_append(out, "</tr>\n");
}

static void put_overview(kpi__strbuf *out, const kpi_evaluation *ev, kpi_lang lang)
{
    const kpi_result *plan = &ev->results[0];
    if (!plan->child_count)
        return;
    kpi__strbuf_append(out, "<section class=\"overview\">\n<h2>");
    put_text(out, html_words[lang].overview);
    kpi__strbuf_append(out, "</h2>\n<table>\n<thead><tr><th class=\"c-sym\">");
    put_text(out, kpi__word(KPI__W_RATING, lang));
    kpi__strbuf_append(out, "</th><th class=\"c-code\">");
    put_text(out, kpi__word(KPI__W_CODE, lang));
    kpi__strbuf_append(out, "</th><th>");
    put_text(out, kpi__word(KPI__W_GOAL, lang));
    kpi__strbuf_append(out, "</th><th colspan=\"2\">");
    put_text(out, html_words[lang].breakdown);
    kpi__strbuf_append(out, "</th></tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < plan->child_count; i++)
        put_overview_row(out, ev, kpi_result_child_at(plan, i), lang);
    kpi__strbuf_append(out, "</tbody>\n</table>\n</section>\n");
}

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
        kpi__strbuf_append(out, NO_VALUE);
    put_built(out, &quantity);
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
        kpi__strbuf_append(out, NO_VALUE);
    kpi__display_target(&target, r, lang);
    put_built(out, &target);
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
    kpi__strbuf_printf(out, "<td class=\"num\">%s</td>", *percent ? percent : NO_VALUE);
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
        put_text(out, html_words[lang].bar_over);
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
        put_built(out, &why);
        kpi__strbuf_append(out, "</span>");
    } else if (r->target_kind != KPI_KIND_QUALITATIVE && !isnan(done)) {
        put_bar(out, r, done, lang);
    } else {
        kpi__strbuf_append(out, "<span class=\"note-line\">");
        put_reason(out, r, lang);
        kpi__strbuf_append(out, "</span>");
    }
    kpi__strbuf_append(out, "</td>");
}

/* The wording as written in the plan, with the label under it when the
 * two differ, and whether a person set the rating. */
static void put_wording_cell(kpi__strbuf *out, const kpi_result *r, kpi_lang lang)
{
    const char *text = r->text && *r->text ? r->text : r->title;
    kpi__strbuf_append(out, "<td class=\"wording\">");
    put_text(out, kpi__inferred_mark(r, lang));
    put_text(out, text);
    if (r->assessed) {
        kpi__strbuf_append(out, "<span class=\"tag\">");
        put_text(out, kpi__word(KPI__W_ASSESSED, lang));
        if (r->mismatch) {
            kpi__strbuf_printf(out, " · %s %s", kpi__word(KPI__W_COMPUTED, lang),
                               kpi__display_symbol(r->computed));
        }
        kpi__strbuf_append(out, "</span>");
    }
    if (text != r->title && *r->title && strcmp(text, r->title) != 0) {
        kpi__strbuf_append(out, "<span class=\"sub\">");
        put_text(out, r->title);
        kpi__strbuf_append(out, "</span>");
    }
    kpi__strbuf_append(out, "</td>");
}

static void put_target_row(kpi__strbuf *out, const kpi_evaluation *ev,
                           const kpi_result *r, kpi_lang lang)
{
    kpi__strbuf_printf(out, "<tr class=\"r-%s\" data-code=\"", rating_class(r->rating));
    put_text(out, r->code);
    kpi__strbuf_append(out, "\"><td>");
    put_symbol(out, r, lang);
    kpi__strbuf_append(out, "</td><td class=\"code\">");
    put_text(out, r->code);
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

static void put_th(kpi__strbuf *out, const char *css_class, const char *text)
{
    kpi__strbuf_printf(out, "<th class=\"%s\">", css_class);
    put_text(out, text);
    kpi__strbuf_append(out, "</th>");
}

static void put_targets_head(kpi__strbuf *out, kpi_lang lang)
{
    kpi__strbuf_append(out, "<table>\n<thead><tr>");
    put_th(out, "c-sym", kpi__word(KPI__W_RATING, lang));
    put_th(out, "c-code", kpi__word(KPI__W_CODE, lang));
    put_th(out, "c-what", kpi__word(KPI__W_TARGET, lang));
    put_th(out, "c-num num", kpi__word(KPI__W_ACTUAL, lang));
    put_th(out, "c-num num", kpi__word(KPI__W_EXPECTED, lang));
    put_th(out, "c-tv num", kpi__word(KPI__W_TARGET_VALUE, lang));
    put_th(out, "c-num num", kpi__word(KPI__W_ACHIEVEMENT, lang));
    put_th(out, "c-num num", kpi__word(KPI__W_PACE, lang));
    put_th(out, "c-bar", html_words[lang].bar_head);
    kpi__strbuf_append(out, "</tr></thead>\n<tbody>\n");
}

/* Children come targets first, then goals: the targets make one table. */
static void put_targets(kpi__strbuf *out, const kpi_evaluation *ev, const kpi_result *g,
                        kpi_lang lang)
{
    size_t n = 0;
    while (n < g->child_count && kpi_result_child_at(g, n)->kind == KPI_OBJECT_TARGET)
        n++;
    if (!n)
        return;
    put_targets_head(out, lang);
    for (size_t i = 0; i < n; i++)
        put_target_row(out, ev, kpi_result_child_at(g, i), lang);
    kpi__strbuf_append(out, "</tbody>\n</table>\n");
}

static void put_goal_summary(kpi__strbuf *out, const kpi_result *g, kpi_lang lang)
{
    kpi__strbuf_append(out, "<summary>");
    put_symbol(out, g, lang);
    kpi__strbuf_append(out, "<span class=\"head\"><span class=\"kind\">");
    put_text(out, kpi__word(g->depth == 1 ? KPI__W_GOAL : KPI__W_INITIATIVE, lang));
    if (g->assessed) {
        kpi__strbuf_append(out, "<span class=\"tag\">");
        put_text(out, kpi__word(KPI__W_ASSESSED, lang));
        kpi__strbuf_append(out, "</span>");
    }
    kpi__strbuf_append(out, "</span><span class=\"title\"><span class=\"code\">");
    put_text(out, g->code);
    kpi__strbuf_append(out, "</span>");
    put_text(out, g->title);
    kpi__strbuf_append(out, "</span><span class=\"reason\">");
    put_reason(out, g, lang);
    kpi__strbuf_append(out, "</span></span></summary>\n");
}

/* A goal and, nested inside, its targets and child goals. The depth is
 * bounded by KPI_MAX_DEPTH, so the recursion is too. */
static void put_goal(kpi__strbuf *out, const kpi_evaluation *ev, const kpi_result *g,
                     kpi_lang lang)
{
    kpi__strbuf_printf(out, "<details open class=\"goal depth-%d r-%s\" id=\"r%zu\">\n",
                       g->depth > 1 ? 2 : 1, rating_class(g->rating),
                       result_index(ev, g));
    put_goal_summary(out, g, lang);
    put_targets(out, ev, g, lang);
    for (size_t i = 0; i < g->child_count; i++) {
        const kpi_result *child = kpi_result_child_at(g, i);
        if (child->kind == KPI_OBJECT_GOAL)
            put_goal(out, ev, child, lang);
    }
    kpi__strbuf_append(out, "</details>\n");
}

static void put_goals(kpi__strbuf *out, const kpi_evaluation *ev, kpi_lang lang)
{
    const kpi_result *plan = &ev->results[0];
    kpi__strbuf_append(out, "<main>\n");
    for (size_t i = 0; i < plan->child_count; i++)
        put_goal(out, ev, kpi_result_child_at(plan, i), lang);
    kpi__strbuf_append(out, "</main>\n");
}

static void put_notes(kpi__strbuf *out, const kpi_evaluation *ev, kpi_lang lang)
{
    if (!ev->note_count)
        return;
    kpi__strbuf_append(out, "<section class=\"notes\">\n<h2>");
    put_text(out, kpi__word(KPI__W_NOTES, lang));
    kpi__strbuf_append(out, "</h2>\n<ul>\n");
    for (size_t i = 0; i < ev->note_count; i++) {
        kpi__strbuf_append(out, "<li>");
        put_text(out, ev->notes[i]);
        kpi__strbuf_append(out, "</li>\n");
    }
    kpi__strbuf_append(out, "</ul>\n</section>\n");
}

int kpi__render_html(kpi__strbuf *out, const kpi_evaluation *ev, kpi_lang lang)
{
    put_head(out, ev, lang);
    put_header(out, ev, lang);
    put_legend(out, lang);
    put_overview(out, ev, lang);
    put_goals(out, ev, lang);
    put_notes(out, ev, lang);
    kpi__strbuf_append(out, "</div>\n</body>\n</html>\n");
    return out->failed ? KPI_ERR_NOMEM : KPI_OK;
}
