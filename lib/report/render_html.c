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

/* Words only this page uses, indexed by kpi_lang. */
struct html_words {
    const char *overview, *breakdown, *total_before, *total_after;
    const char *bar_fill, *key_sep, *bar_tick, *bar_over;
    const char *due, *or_less, *period_sep, *label_sep, *no_value, *bar_head;
};

static const struct html_words html_words[] = {
    {"重点目標一覧", "目標の内訳", "（全", "件）", "棒：目標値に対する実績", " ／ ",
     "縦線：基準日の期待値", "目標値を超過", "期限", "以下", " 〜 ", "：", "—",
     "実績 ／ 目標値"},
    {"Goals at a glance", "Targets by rating", " (", " in all)",
     "bar: actual against the target value", "; ", "tick: expected as of the date",
     "above the target value", "due", "or less", " – ", ": ", "—",
     "Actual / target value"},
};

/* Constants so that the page carries its whole look with it, in parts
 * because ISO C compilers need only take 4095-byte string literals.
 * Colours follow the legend: ◎ green, ○ blue, △ amber, × red, unrated
 * grey; the symbols themselves keep the ratings apart without colour. */
static const char *const css[] = {
    ":root{--ahead:#1e7b3c;--on_track:#1f5fae;--behind:#b86e00;--not_progressed:#c23a2e;"
    "--none:#8b919b;--ink:#1f2430;--muted:#5f6775;--line:#cfd5de;--soft:#eef1f5;"
    "--band:#f5f7fa}\n"
    "*{box-sizing:border-box}\n"
    "html{-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
    "body{margin:0;background:#e9ecf0;color:var(--ink);font-family:\"Noto Sans CJK JP\","
    "\"Noto Sans JP\",\"Hiragino Sans\",\"Hiragino Kaku Gothic ProN\",\"Yu Gothic\","
    "YuGothic,Meiryo,sans-serif;font-size:14px;line-height:1.55}\n"
    ".page{max-width:1320px;margin:0 auto;padding:26px 32px 36px;background:#fff}\n"
    "h2{font-size:15px;margin:0 0 8px;padding-left:8px;border-left:4px solid "
    "var(--ink)}\n"
    "section{margin:18px 0}\n"
    ".r-ahead{--c:var(--ahead)}.r-on_track{--c:var(--on_track)}"
    ".r-behind{--c:var(--behind)}.r-not_progressed{--c:var(--not_progressed)}"
    ".r-none{--c:var(--none)}\n"
    ".sym{display:inline-block;flex:none;width:1.8em;height:1.8em;line-height:1.8em;"
    "text-align:center;border-radius:5px;background:var(--c);color:#fff;font-weight:700;"
    "font-size:15px}\n",
    /* The header: the document's own title block, the overall rating beside it. */
    "header.report{display:flex;gap:28px;align-items:stretch;padding-bottom:16px;"
    "border-bottom:3px double var(--ink)}\n"
    ".head-main{flex:1;min-width:0}\n"
    ".kicker{margin:0;color:var(--muted);font-size:13px;letter-spacing:.06em}\n"
    "h1{margin:2px 0 12px;font-size:25px;line-height:1.3;letter-spacing:.02em}\n"
    "dl.meta{display:flex;flex-wrap:wrap;gap:6px;margin:0}\n"
    "dl.meta div{display:flex;border:1px solid var(--line);border-radius:4px;"
    "overflow:hidden;font-size:13px}\n"
    "dl.meta dt{background:var(--soft);color:var(--muted);padding:3px 9px}\n"
    "dl.meta dd{margin:0;padding:3px 10px;font-weight:600}\n"
    ".overall{flex:none;align-self:flex-start;display:grid;"
    "grid-template-columns:auto 1fr;column-gap:14px;align-items:center;min-width:300px;"
    "max-width:380px;border:2px solid var(--c);border-radius:8px;padding:12px 16px;"
    "background:var(--band)}\n"
    ".overall .sym{grid-column:1;grid-row:1/4;font-size:38px;width:1.5em;height:1.5em;"
    "line-height:1.5em;border-radius:10px}\n"
    ".overall .what,.overall .label,.overall .reason{grid-column:2}\n"
    ".overall .what{font-size:12px;color:var(--muted);letter-spacing:.08em}\n"
    ".overall .label{font-size:17px;font-weight:700;color:var(--c);line-height:1.3}\n"
    ".overall .reason{font-size:12px;color:var(--muted);margin-top:2px}\n"
    /* The legend, as the seed's ※ 評価基準 line. */
    ".legend{display:flex;flex-wrap:wrap;align-items:center;gap:8px 22px;"
    "padding:10px 14px;background:var(--band);border:1px solid var(--line);"
    "border-radius:6px}\n"
    ".legend h2{margin:0}\n"
    ".legend ul{display:flex;flex-wrap:wrap;gap:6px 18px;margin:0;padding:0;"
    "list-style:none}\n"
    ".legend li{display:flex;align-items:center;gap:6px;font-size:13px}\n"
    ".legend .sym{font-size:13px}\n"
    ".legend .keys{display:flex;flex-wrap:wrap;gap:6px 28px;flex-basis:100%;"
    "padding-top:6px;border-top:1px dashed var(--line)}\n"
    ".legend .key{display:flex;align-items:center;gap:8px;font-size:12px;"
    "color:var(--muted)}\n"
    ".legend .key .bar{width:90px}\n"
    ".totals{display:flex;align-items:center;gap:12px;margin:12px 0 0;font-size:13px}\n"
    ".totals .what{color:var(--muted)}\n",
    /* The overview: one line per top-level goal. */
    "table{border-collapse:collapse;width:100%}\n"
    "th{font-size:11.5px;font-weight:600;color:var(--muted);text-align:left;"
    "padding:5px 8px;border-bottom:1.5px solid var(--line);white-space:nowrap}\n"
    "td{padding:6px 8px;border-bottom:1px solid var(--soft);vertical-align:middle}\n"
    "tr{break-inside:avoid;page-break-inside:avoid}\n"
    ".num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}\n"
    ".code{white-space:nowrap;color:var(--muted);font-variant-numeric:tabular-nums}\n"
    ".overview a{color:inherit;text-decoration:none}\n"
    ".overview .title{font-weight:600}\n"
    ".dist{display:inline-flex;vertical-align:middle;width:220px;height:12px;border-"
    "radius:3px;overflow:hidden;"
    "background:var(--soft)}\n"
    ".dist span{display:block;height:100%;background:var(--c)}\n"
    ".counts{font-size:12px;color:var(--muted);white-space:nowrap}\n"
    ".counts b{color:var(--c);font-weight:700}\n",
    /* Goals folded by level. */
    "details.goal{margin:16px 0;border:1px solid var(--line);border-radius:7px;"
    "background:#fff}\n"
    "details.goal details.goal{margin:12px 14px;border-color:var(--soft)}\n"
    "summary{display:flex;gap:12px;align-items:flex-start;padding:10px 14px;"
    "cursor:pointer;list-style:none;border-left:6px solid var(--c);"
    "border-radius:7px 7px 0 0}\n"
    "summary::-webkit-details-marker{display:none}\n"
    "summary::after{content:\"\\25BE\";margin-left:auto;color:var(--muted)}\n"
    "details:not([open])>summary::after{content:\"\\25B8\"}\n"
    ".depth-1>summary{background:var(--band)}\n"
    "summary .head{display:block;min-width:0}\n"
    "summary .kind{display:block;font-size:11.5px;color:var(--muted);"
    "letter-spacing:.06em}\n"
    "summary .title{font-weight:700}\n"
    ".depth-1>summary .title{font-size:17px}\n"
    ".depth-1>summary .sym{font-size:18px}\n"
    "summary .code{margin-right:.6em}\n"
    "summary .reason{display:block;font-size:12px;color:var(--muted)}\n"
    ".goal table{margin:4px 0 6px}\n"
    ".goal td:first-child,.goal th:first-child{padding-left:14px}\n"
    ".goal table{table-layout:fixed}\n"
    ".c-sym{width:52px}.c-code{width:68px}.c-num{width:76px}.c-tv{width:112px}"
    ".c-bar{width:236px}\n"
    ".wording{font-weight:500}\n"
    ".sub{display:block;font-size:11.5px;color:var(--muted);font-weight:400}\n"
    ".tag{display:inline-block;margin-left:6px;padding:0 6px;border:1px solid "
    "var(--line);"
    "border-radius:3px;font-size:11px;color:var(--muted);font-weight:400}\n"
    ".nil{color:#a3a9b2}\n",
    /* The bar: the track is the way to the target value, the fill the
     * actual, the tick the expected value; an arrow marks an overshoot. */
    ".bar{position:relative;display:block;height:12px;margin-right:12px;"
    "background:var(--soft);border-right:2px solid #9aa2ad}\n"
    ".bar .fill{position:absolute;left:0;top:0;bottom:0;background:var(--c)}\n"
    ".bar .tick{position:absolute;top:-4px;bottom:-4px;width:2px;margin-left:-1px;"
    "background:var(--ink)}\n"
    ".bar .over{position:absolute;left:100%;top:-2px;margin-left:1px;width:0;height:0;"
    "border-top:8px solid transparent;border-bottom:8px solid transparent;"
    "border-left:9px solid var(--c)}\n"
    ".unrated{display:inline-block;padding:1px 8px;border-radius:4px;font-size:12px;"
    "color:var(--muted);background:var(--soft)}\n"
    ".note-line{font-size:12px;color:var(--muted)}\n"
    /* Notes (市長指示事項). */
    ".notes ul{margin:0;padding:10px 14px 10px 32px;border:1px solid var(--line);"
    "border-radius:6px}\n"
    ".notes li{margin:3px 0}\n",
    "@media print{\n"
    "@page{size:A4 landscape;margin:12mm}\n"
    "body{background:#fff;font-size:9pt;line-height:1.4}\n"
    ".page{max-width:none;padding:0}\n"
    "h1{font-size:16pt;margin-bottom:8px}\n"
    "section{margin:10px 0}\n"
    ".overall{min-width:240px;padding:8px 12px}\n"
    ".overall .sym{font-size:28px}\n"
    ".legend{padding:6px 10px}\n"
    "th{padding:3px 6px}td{padding:3px 6px}\n"
    ".sym{font-size:12px}\n"
    "details.goal{margin:8px 0;border-radius:0}\n"
    "details.goal details.goal{margin:6px 8px}\n"
    /* Closed or open on screen, every goal prints open. */
    "details::details-content{content-visibility:visible}\n"
    "summary{padding:6px 10px;cursor:auto;break-after:avoid;page-break-after:avoid}\n"
    "summary::after{content:none!important}\n"
    ".depth-1>summary .title{font-size:13pt}\n"
    ".depth-1>summary .sym{font-size:14px}\n"
    "header.report,.legend,h2{break-inside:avoid;page-break-inside:avoid}\n"
    ".goal td:first-child,.goal th:first-child{padding-left:10px}\n"
    ".c-sym{width:50px}.c-code{width:56px}.c-num{width:60px}.c-tv{width:96px}"
    ".c-bar{width:180px}\n"
    ".unrated{font-size:10.5px;padding:0 6px}\n"
    "}\n",
};

/* Text in element content and attribute values alike. */
static void put_text(kpi__strbuf *out, const char *text)
{
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

static void put_number(kpi__strbuf *out, double value)
{
    char buf[32];
    kpi__display_number(buf, value);
    /* kpi__display_number leaves "1." for 1.0027; show the whole number. */
    size_t n = strlen(buf);
    if (n > 0 && buf[n - 1] == '.')
        buf[n - 1] = '\0';
    kpi__strbuf_append(out, buf);
}

static void put_percent(kpi__strbuf *out, double fraction)
{
    char buf[32];
    kpi__display_percent(buf, fraction);
    kpi__strbuf_append(out, buf);
}

static void put_date(kpi__strbuf *out, int32_t date)
{
    char buf[16];
    kpi__display_date(buf, date);
    kpi__strbuf_append(out, buf);
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
    kpi__strbuf_printf(out, "<span class=\"sym r-%s\" title=\"", rating_class(r->rating));
    if (r->rating == KPI_RATING_NONE) {
        put_text(out, kpi__word(KPI__W_UNRATED, lang));
        put_text(out, html_words[lang].label_sep);
        put_text(out, kpi_unrated_label(r->unrated, lang));
        kpi__strbuf_append(out, "\">–</span>");
        return;
    }
    put_text(out, kpi_rating_label(r->rating, lang));
    kpi__strbuf_printf(out, "\">%s</span>", kpi_rating_symbol(r->rating));
}

/* The result's reason line, escaped; a failed allocation fails the page. */
static void put_reason(kpi__strbuf *out, const kpi_result *r, kpi_lang lang)
{
    const char *reason = kpi_result_reason(r, lang);
    if (!reason) {
        out->failed = 1;
        return;
    }
    put_text(out, reason);
}

static const kpi_result *child_at(const kpi_evaluation *ev, const kpi_result *r, size_t i)
{
    return &ev->results[ev->children[r->first_child + i]];
}

static size_t result_index(const kpi_evaluation *ev, const kpi_result *r)
{
    return (size_t)(r - ev->results);
}

static void put_head(kpi__strbuf *out, const kpi_evaluation *ev, kpi_lang lang)
{
    const char *title = ev->results[0].title;
    kpi__strbuf_printf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n",
                       lang == KPI_LANG_EN ? "en" : "ja");
    kpi__strbuf_append(out, "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
                            "content=\"width=device-width, initial-scale=1\">\n<title>");
    put_text(out, *title ? title : kpi__word(KPI__W_REPORT_TITLE, lang));
    if (ev->department && *ev->department) {
        kpi__strbuf_append(out, " — ");
        put_text(out, ev->department);
    }
    kpi__strbuf_append(out, "</title>\n<style>\n");
    for (size_t i = 0; i < sizeof css / sizeof css[0]; i++)
        kpi__strbuf_append(out, css[i]);
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
    char from[16], to[16], as_of[16];
    kpi__display_date(from, ev->start);
    kpi__display_date(to, ev->end);
    kpi__display_date(as_of, ev->as_of);
    kpi__strbuf_append(out, "<dl class=\"meta\">");
    put_meta_item(out, KPI__W_ORGANIZATION, ev->organization, lang);
    put_meta_item(out, KPI__W_DEPARTMENT, ev->department, lang);
    kpi__strbuf_append(out, "<div><dt>");
    put_text(out, kpi__word(KPI__W_PERIOD, lang));
    kpi__strbuf_printf(out, "</dt><dd>%s%s%s</dd></div>", from,
                       html_words[lang].period_sep, to);
    put_meta_item(out, KPI__W_AS_OF, as_of, lang);
    put_meta_item(out, KPI__W_ROLLUP, kpi__rollup_label(ev->policy.rollup, lang), lang);
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
    if (plan->rating == KPI_RATING_NONE)
        put_text(out, kpi__word(KPI__W_UNRATED, lang));
    else
        put_text(out, kpi_rating_label(plan->rating, lang));
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
    put_text(out, lang == KPI_LANG_EN ? "* " : "＊ ");
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
                           r == KPI_RATING_NONE ? "–" : kpi_rating_symbol(r));
        put_text(out, r == KPI_RATING_NONE ? kpi__word(KPI__W_UNRATED, lang)
                                           : kpi_rating_label(r, lang));
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
        put_overview_row(out, ev, child_at(ev, plan, i), lang);
    kpi__strbuf_append(out, "</tbody>\n</table>\n</section>\n");
}

/* "—" for a missing value, so that an empty cell never looks like a zero. */
static void put_missing(kpi__strbuf *out, kpi_lang lang)
{
    kpi__strbuf_printf(out, "<span class=\"nil\">%s</span>", html_words[lang].no_value);
}

/* The unit goes with the target value, or with the actual when there is
 * no target value to show. */
static int shows_target_value(const kpi_result *r)
{
    return !isnan(r->target) && r->target_kind != KPI_KIND_QUALITATIVE;
}

/* Actual and expected: a milestone's are progress from 0 to 1, so they
 * read as percents; a number reads as itself. */
static void put_value_cell(kpi__strbuf *out, const kpi_result *r, double value,
                           int with_unit, kpi_lang lang)
{
    kpi__strbuf_append(out, "<td class=\"num\">");
    if (isnan(value))
        put_missing(out, lang);
    else if (r->target_kind == KPI_KIND_MILESTONE)
        put_percent(out, value);
    else
        put_number(out, value);
    if (!isnan(value) && with_unit)
        put_text(out, r->unit ? r->unit : "");
    kpi__strbuf_append(out, "</td>");
}

static void put_target_value_cell(kpi__strbuf *out, const kpi_evaluation *ev,
                                  const kpi_result *r, kpi_lang lang)
{
    kpi__strbuf_append(out, "<td class=\"num\">");
    if (!shows_target_value(r)) {
        put_missing(out, lang);
    } else if (r->target_kind == KPI_KIND_MILESTONE) {
        put_percent(out, r->target);
    } else {
        put_number(out, r->target);
        put_text(out, r->unit ? r->unit : "");
        if (r->direction == KPI_DIRECTION_DECREASE)
            kpi__strbuf_printf(out, " %s", html_words[lang].or_less);
    }
    /* The due date matters only when it is not the end of the period. */
    if (r->due && r->due != ev->end) {
        kpi__strbuf_printf(out, "<span class=\"sub\">%s ", html_words[lang].due);
        put_date(out, r->due);
        kpi__strbuf_append(out, "</span>");
    }
    kpi__strbuf_append(out, "</td>");
}

static void put_percent_cell(kpi__strbuf *out, double fraction, kpi_lang lang)
{
    kpi__strbuf_append(out, "<td class=\"num\">");
    if (isnan(fraction))
        put_missing(out, lang);
    else
        put_percent(out, fraction);
    kpi__strbuf_append(out, "</td>");
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
        kpi__strbuf_append(out, "<span class=\"unrated\">");
        put_text(out, kpi__word(KPI__W_UNRATED, lang));
        put_text(out, html_words[lang].label_sep);
        put_text(out, kpi_unrated_label(r->unrated, lang));
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
            kpi__strbuf_printf(out, " · %s ", kpi__word(KPI__W_COMPUTED, lang));
            kpi__strbuf_append(out, r->computed == KPI_RATING_NONE
                                        ? "–"
                                        : kpi_rating_symbol(r->computed));
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
    put_percent_cell(out, r->achievement, lang);
    put_percent_cell(out, r->pace, lang);
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
    while (n < g->child_count && child_at(ev, g, n)->kind == KPI_OBJECT_TARGET)
        n++;
    if (!n)
        return;
    put_targets_head(out, lang);
    for (size_t i = 0; i < n; i++)
        put_target_row(out, ev, child_at(ev, g, i), lang);
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
        const kpi_result *child = child_at(ev, g, i);
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
        put_goal(out, ev, child_at(ev, plan, i), lang);
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
