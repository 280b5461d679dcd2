/* The HTML report: one self-contained page laid out as the interim report
 * (重点目標一覧表（中間報告調書）) is, made easier to read: a header with
 * the overall rating, the 評価基準 legend, an overview of the top-level
 * goals, then each goal folded by level (<details open>) with its latest
 * update, the directives addressed to it and a table per initiative whose
 * rows carry a bar of the actual against the expected value and the target
 * (html_targets.c); then the directives (市長指示事項) with their
 * follow-up, the cancelled targets (html_progress.c) and the plan's notes.
 *
 * The page needs nothing but itself: the style is inline, there is no
 * script, no image, no web font, so it can be mailed, archived or opened
 * offline and still look the same. It prints on A4 landscape. */
#include "report/html.h"
#include "report/render.h"
#include "util/alloc.h"

#include <math.h>
#include <string.h>

/* The stylesheet, report.css, built in as bytes (see lib/CMakeLists.txt). */
extern const unsigned char kpi__report_css[];
extern const size_t kpi__report_css_size;

static void put_head(kpi__strbuf *out, const kpi_evaluation *ev, kpi_lang lang)
{
    const char *title = ev->results[0].title;
    kpi__strbuf_printf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n",
                       kpi_lang_name(lang));
    /* The page needs no script and nothing from elsewhere: its style is
     * inline and its texts are the plan's, written by many hands. The
     * policy forbids scripts, remote loads, forms and a base URL, so that
     * a text that slipped past the escaping still could not run. */
    kpi__strbuf_append(out, "<meta charset=\"utf-8\">\n"
                            "<meta http-equiv=\"Content-Security-Policy\" "
                            "content=\"default-src 'none'; style-src 'unsafe-inline'; "
                            "base-uri 'none'; form-action 'none'\">\n"
                            "<meta name=\"viewport\" "
                            "content=\"width=device-width, initial-scale=1\">\n<title>");
    kpi__html_text(out, *title ? title : kpi__word(KPI__W_REPORT_TITLE, lang));
    if (ev->department && *ev->department) {
        kpi__strbuf_append(out, " — ");
        kpi__html_text(out, ev->department);
    }
    kpi__strbuf_append(out, "</title>\n<style>\n");
    kpi__strbuf_append_n(out, (const char *)kpi__report_css, kpi__report_css_size);
    kpi__strbuf_append(out, "</style>\n</head>\n<body>\n<div class=\"page\">\n");
}

/* Counts by level, the last bucket for unrated targets. */
#define BUCKETS (KPI_SCALE_MAX_LEVELS + 1)
#define UNRATED_BUCKET KPI_SCALE_MAX_LEVELS

/* The targets under a goal at any depth (or the whole plan), by effective
 * level; cancelled ones are no longer targets and are left out. Results
 * are in plan order, depth first, so a goal's descendants are the results
 * after it that lie deeper. */
static size_t count_targets(const kpi_evaluation *ev, size_t goal, size_t counts[BUCKETS])
{
    size_t total = 0;
    memset(counts, 0, sizeof(size_t) * BUCKETS);
    for (size_t i = goal + 1;
         i < ev->count && ev->results[i].depth > ev->results[goal].depth; i++) {
        const kpi_result *r = &ev->results[i];
        if (r->kind != KPI_OBJECT_TARGET || kpi__is_cancelled(r))
            continue;
        counts[r->level < 0 ? UNRATED_BUCKET : (size_t)r->level]++;
        total++;
    }
    return total;
}

/* The colour class of a bucket. */
static const char *bucket_class(const kpi_evaluation *ev, size_t bucket)
{
    if (bucket == UNRATED_BUCKET)
        return kpi__html_rating_class(KPI_RATING_NONE);
    return kpi__html_rating_class(kpi__level_colour(ev, (int32_t)bucket));
}

/* A stacked bar of the target levels, best first, unrated last. */
static void put_dist_bar(kpi__strbuf *out, const kpi_evaluation *ev,
                         const size_t counts[BUCKETS], size_t total)
{
    size_t levels = kpi_scale_level_count(ev->scale);
    kpi__strbuf_append(out, "<span class=\"dist\">");
    for (size_t b = 0; total && b <= levels; b++) {
        size_t bucket = b == levels ? UNRATED_BUCKET : b;
        if (counts[bucket])
            kpi__strbuf_printf(out, "<span class=\"r-%s\" style=\"width:%.1f%%\"></span>",
                               bucket_class(ev, bucket),
                               100.0 * (double)counts[bucket] / (double)total);
    }
    kpi__strbuf_append(out, "</span>");
}

/* The counts in symbols and words, so that a black-and-white print still
 * tells what the coloured bar shows. */
static void put_counts(kpi__strbuf *out, const kpi_evaluation *ev,
                       const size_t counts[BUCKETS], kpi_lang lang)
{
    kpi__strbuf_append(out, "<span class=\"counts\">");
    for (size_t level = 0; level < kpi_scale_level_count(ev->scale); level++) {
        kpi__strbuf_printf(out, "<span class=\"r-%s\"><b>", bucket_class(ev, level));
        kpi__html_text(out, kpi_scale_level_symbol(ev->scale, level));
        kpi__strbuf_printf(out, "</b>%zu</span> ", counts[level]);
    }
    kpi__strbuf_printf(out, "<span class=\"r-none\">%s %zu</span></span>",
                       kpi__word(KPI__W_UNRATED, lang), counts[UNRATED_BUCKET]);
}

/* Under the title: how the plan's targets stand, all of them at a glance. */
static void put_totals(kpi__strbuf *out, const kpi_evaluation *ev, kpi_lang lang)
{
    size_t counts[BUCKETS];
    size_t total = count_targets(ev, 0, counts);
    if (!total)
        return;
    kpi__strbuf_append(out, "<p class=\"totals\"><span class=\"what\">");
    kpi__html_text(out, kpi__html_words(lang)->breakdown);
    kpi__strbuf_printf(out, "%s%zu%s", kpi__html_words(lang)->total_before, total,
                       kpi__html_words(lang)->total_after);
    kpi__strbuf_append(out, "</span>");
    put_dist_bar(out, ev, counts, total);
    put_counts(out, ev, counts, lang);
    kpi__strbuf_append(out, "</p>\n");
}

static void put_meta_item(kpi__strbuf *out, kpi__word_id word, const char *value,
                          kpi_lang lang)
{
    if (!value || !*value)
        return;
    kpi__strbuf_append(out, "<div><dt>");
    kpi__html_text(out, kpi__word(word, lang));
    kpi__strbuf_append(out, "</dt><dd>");
    kpi__html_text(out, value);
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
                       kpi__html_rating_class(kpi__display_colour(plan)));
    kpi__html_text(out, kpi__word(KPI__W_PLAN_RATING, lang));
    kpi__strbuf_append(out, "</div>");
    kpi__html_symbol(out, plan, lang);
    kpi__strbuf_append(out, "<div class=\"label\">");
    kpi__html_text(out, kpi__display_level_label(plan, lang));
    kpi__strbuf_append(out, "</div><div class=\"reason\">");
    kpi__html_reason(out, plan, lang);
    kpi__strbuf_append(out, "</div></div>\n");
}

static void put_header(kpi__strbuf *out, const kpi_evaluation *ev, kpi_lang lang)
{
    const char *title = ev->results[0].title;
    kpi__strbuf_append(out, "<header class=\"report\">\n<div class=\"head-main\">\n"
                            "<p class=\"kicker\">");
    kpi__html_text(out, kpi__word(KPI__W_REPORT_TITLE, lang));
    kpi__strbuf_append(out, "</p>\n<h1>");
    kpi__html_text(out, *title ? title : kpi__word(KPI__W_REPORT_TITLE, lang));
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
    const struct kpi__html_words *w = kpi__html_words(lang);
    kpi__strbuf_append(out, "<div class=\"keys\"><span class=\"key r-on_track\">"
                            "<span class=\"bar\"><span class=\"fill\" "
                            "style=\"width:45%\"></span><span class=\"tick\" "
                            "style=\"left:55%\"></span></span>");
    kpi__html_text(out, w->bar_fill);
    kpi__html_text(out, w->key_sep);
    kpi__html_text(out, w->bar_tick);
    kpi__strbuf_append(out, "</span>");
    kpi__strbuf_append(out, "<span class=\"key r-ahead\"><span class=\"bar\">"
                            "<span class=\"fill\" style=\"width:100%\"></span>"
                            "<span class=\"over\"></span></span>");
    kpi__html_text(out, w->bar_over);
    kpi__strbuf_append(out, "</span><span class=\"key\">");
    kpi__html_text(out, kpi__display_mark(lang));
    kpi__strbuf_append(out, " ");
    kpi__html_text(out, kpi__word(KPI__W_INFERRED, lang));
    kpi__strbuf_append(out, "</span></div>");
}

static void put_legend_entry(kpi__strbuf *out, kpi_rating colour, const char *symbol,
                             const char *label)
{
    kpi__strbuf_printf(out, "<li><span class=\"sym r-%s\">",
                       kpi__html_rating_class(colour));
    kpi__html_text(out, symbol);
    kpi__strbuf_append(out, "</span>");
    kpi__html_text(out, label);
    kpi__strbuf_append(out, "</li>");
}

/* The scale's levels best first, coloured, then how unrated results show. */
static void put_legend(kpi__strbuf *out, const kpi_evaluation *ev, kpi_lang lang)
{
    const kpi_scale *s = ev->scale;
    kpi__strbuf_append(out, "<section class=\"legend\">\n<h2>");
    kpi__html_text(out, kpi__word(KPI__W_LEGEND, lang));
    kpi__strbuf_append(out, "</h2>\n<ul>");
    for (size_t level = 0; level < kpi_scale_level_count(s); level++)
        put_legend_entry(out, kpi__level_colour(ev, (int32_t)level),
                         kpi_scale_level_symbol(s, level),
                         kpi_scale_level_label(s, level, lang));
    kpi_unrated shown[KPI__UNRATED_COUNT];
    size_t n = kpi__legend_unrated(ev, shown);
    for (size_t i = 0; i < n; i++)
        put_legend_entry(out, KPI_RATING_NONE, kpi_scale_unrated_symbol(s, shown[i]),
                         kpi_scale_unrated_label(s, shown[i], lang));
    if (n == 0)
        put_legend_entry(out, KPI_RATING_NONE, kpi__display_symbol(KPI_RATING_NONE),
                         kpi__display_rating_label(KPI_RATING_NONE, lang));
    kpi__strbuf_append(out, "</ul>\n");
    put_legend_keys(out, lang);
    kpi__strbuf_append(out, "\n</section>\n");
}

static void put_overview_row(kpi__strbuf *out, const kpi_evaluation *ev,
                             const kpi_result *goal, kpi_lang lang)
{
    size_t index = kpi__html_index(ev, goal);
    kpi__strbuf_append(out, "<tr><td>");
    kpi__html_symbol(out, goal, lang);
    kpi__strbuf_append(out, "</td><td class=\"code\">");
    kpi__html_text(out, goal->code);
    kpi__strbuf_printf(out, "</td><td class=\"title\"><a href=\"#r%zu\">", index);
    kpi__html_text(out, goal->title);
    kpi__strbuf_append(out, "</a></td>");
    size_t counts[BUCKETS];
    size_t total = count_targets(ev, index, counts);
    kpi__strbuf_append(out, "<td>");
    put_dist_bar(out, ev, counts, total);
    kpi__strbuf_append(out, "</td><td>");
    put_counts(out, ev, counts, lang);
    kpi__strbuf_append(out, "</td>");
    kpi__strbuf_append(out, "</tr>\n");
}

static void put_overview(kpi__strbuf *out, const kpi_evaluation *ev, kpi_lang lang)
{
    const kpi_result *plan = &ev->results[0];
    if (!plan->child_count)
        return;
    kpi__strbuf_append(out, "<section class=\"overview\">\n<h2>");
    kpi__html_text(out, kpi__html_words(lang)->overview);
    kpi__strbuf_append(out, "</h2>\n<table>\n<thead><tr><th class=\"c-sym\">");
    kpi__html_text(out, kpi__word(KPI__W_RATING, lang));
    kpi__strbuf_append(out, "</th><th class=\"c-code\">");
    kpi__html_text(out, kpi__word(KPI__W_CODE, lang));
    kpi__strbuf_append(out, "</th><th>");
    kpi__html_text(out, kpi__word(KPI__W_GOAL, lang));
    kpi__strbuf_append(out, "</th><th colspan=\"2\">");
    kpi__html_text(out, kpi__html_words(lang)->breakdown);
    kpi__strbuf_append(out, "</th></tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < plan->child_count; i++)
        put_overview_row(out, ev, kpi_result_child_at(plan, i), lang);
    kpi__strbuf_append(out, "</tbody>\n</table>\n</section>\n");
}

static void put_goal_summary(kpi__strbuf *out, const kpi_result *g, kpi_lang lang)
{
    kpi__strbuf_append(out, "<summary>");
    kpi__html_symbol(out, g, lang);
    kpi__strbuf_append(out, "<span class=\"head\"><span class=\"kind\">");
    kpi__html_text(out, kpi__word(g->depth == 1 ? KPI__W_GOAL : KPI__W_INITIATIVE, lang));
    if (g->assessed) {
        kpi__strbuf_append(out, "<span class=\"tag\">");
        kpi__html_text(out, kpi__word(KPI__W_ASSESSED, lang));
        kpi__strbuf_append(out, "</span>");
    }
    kpi__strbuf_append(out, "</span><span class=\"title\"><span class=\"code\">");
    kpi__html_text(out, g->code);
    kpi__strbuf_append(out, "</span>");
    kpi__html_text(out, g->title);
    kpi__strbuf_append(out, "</span><span class=\"reason\">");
    kpi__html_reason(out, g, lang);
    kpi__strbuf_append(out, "</span></span></summary>\n");
}

/* A goal and, nested inside, its targets and child goals. The depth is
 * bounded by KPI_MAX_DEPTH, so the recursion is too. */
static void put_goal(kpi__strbuf *out, const kpi__directive_refs *refs,
                     const kpi_result *g, kpi_lang lang)
{
    const kpi_evaluation *ev = refs->ev;
    kpi__strbuf_printf(out, "<details open class=\"goal depth-%d r-%s\" id=\"r%zu\">\n",
                       g->depth > 1 ? 2 : 1,
                       kpi__html_rating_class(kpi__display_colour(g)),
                       kpi__html_index(ev, g));
    put_goal_summary(out, g, lang);
    kpi__html_goal_progress(out, refs, g, lang);
    kpi__html_targets(out, ev, g, lang);
    for (size_t i = 0; i < g->child_count; i++) {
        const kpi_result *child = kpi_result_child_at(g, i);
        if (child->kind == KPI_OBJECT_GOAL)
            put_goal(out, refs, child, lang);
    }
    kpi__strbuf_append(out, "</details>\n");
}

static void put_goals(kpi__strbuf *out, const kpi_evaluation *ev, kpi_lang lang)
{
    const kpi_result *plan = &ev->results[0];
    kpi__directive_refs refs;
    kpi__directive_refs_init(&refs, out, ev);
    kpi__strbuf_append(out, "<main>\n");
    for (size_t i = 0; i < plan->child_count; i++)
        put_goal(out, &refs, kpi_result_child_at(plan, i), lang);
    kpi__strbuf_append(out, "</main>\n");
    kpi__directive_refs_free(&refs);
}

static void put_notes(kpi__strbuf *out, const kpi_evaluation *ev, kpi_lang lang)
{
    if (!ev->note_count)
        return;
    kpi__strbuf_append(out, "<section class=\"notes\">\n<h2>");
    kpi__html_text(out, kpi__word(KPI__W_NOTES, lang));
    kpi__strbuf_append(out, "</h2>\n<ul>\n");
    for (size_t i = 0; i < ev->note_count; i++) {
        kpi__strbuf_append(out, "<li>");
        kpi__html_text(out, ev->notes[i]);
        kpi__strbuf_append(out, "</li>\n");
    }
    kpi__strbuf_append(out, "</ul>\n</section>\n");
}

int kpi__render_html(kpi__strbuf *out, const kpi_evaluation *ev, kpi_lang lang)
{
    put_head(out, ev, lang);
    put_header(out, ev, lang);
    put_legend(out, ev, lang);
    put_overview(out, ev, lang);
    put_goals(out, ev, lang);
    kpi__html_directives(out, ev, lang);
    kpi__html_cancelled(out, ev, lang);
    put_notes(out, ev, lang);
    kpi__strbuf_append(out, "</div>\n</body>\n</html>\n");
    return out->failed ? KPI_ERR_NOMEM : KPI_OK;
}
