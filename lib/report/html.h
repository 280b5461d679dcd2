/* Internal: the pieces of the HTML report: the page, its header, legend,
 * overview and goals (render_html.c), the tables of targets
 * (html_targets.c), progress: updates, directives, cancelled targets
 * (html_progress.c), and what they all use (html_text.c). Calls go one
 * way: render_html.c, then html_targets.c, then html_progress.c, then
 * html_text.c. */
#ifndef KPI_LIB_REPORT_HTML_H
#define KPI_LIB_REPORT_HTML_H

#include "report/display.h"
#include "util/strbuf.h"

/* html_text.c ----------------------------------------------------------- */

/* Words only the page uses; every other word and form comes from the
 * display layer (display.h), as in the other formats. */
struct kpi__html_words {
    const char *overview, *breakdown, *total_before, *total_after;
    const char *bar_fill, *key_sep, *bar_tick, *bar_over, *bar_head;
};
const struct kpi__html_words *kpi__html_words(kpi_lang lang);

/* Shown for a missing value, so that an empty cell never looks like 0. */
extern const char KPI__HTML_NO_VALUE[];

/* Text in element content and attribute values alike, escaped; nothing
 * for NULL. Line breaks stay: where they matter the stylesheet keeps them
 * (white-space: pre-line), so the city's text is shown as written. */
void kpi__html_text(kpi__strbuf *out, const char *text);

/* A display form built apart (display.h), then escaped onto the page. */
void kpi__html_built(kpi__strbuf *out, kpi__strbuf *built);

/* The rating's CSS class: r-ahead, r-on_track, ..., r-none. */
const char *kpi__html_rating_class(kpi_rating rating);

/* A coloured badge; unrated shows a dash and names why in its title. */
void kpi__html_symbol(kpi__strbuf *out, const kpi_result *r, kpi_lang lang);

void kpi__html_reason(kpi__strbuf *out, const kpi_result *r, kpi_lang lang);

/* The result's index, which names its anchor (id="r12"). */
size_t kpi__html_index(const kpi_evaluation *ev, const kpi_result *r);

/* A table heading cell. */
void kpi__html_th(kpi__strbuf *out, const char *css_class, const char *text);

/* html_targets.c -------------------------------------------------------- */

/* A goal's targets as one table; nothing when it has none to rate. */
void kpi__html_targets(kpi__strbuf *out, const kpi_evaluation *ev, const kpi_result *g,
                       kpi_lang lang);

/* html_progress.c ------------------------------------------------------- */

/* The result's latest update as a block: its heading (status, date) and
 * its text; nothing when it has none. */
void kpi__html_update(kpi__strbuf *out, const kpi_result *r, kpi_lang lang);

/* Under a goal's heading: its latest update, the directives addressed to
 * it (linked to the directives section) and its cancelled targets. */
void kpi__html_goal_progress(kpi__strbuf *out, const kpi__directive_refs *refs,
                             const kpi_result *g, kpi_lang lang);

/* The sections after the goals: the directives with their follow-up, and
 * the cancelled targets and goals. Nothing when there are none. */
void kpi__html_directives(kpi__strbuf *out, const kpi_evaluation *ev, kpi_lang lang);
void kpi__html_cancelled(kpi__strbuf *out, const kpi_evaluation *ev, kpi_lang lang);

#endif
