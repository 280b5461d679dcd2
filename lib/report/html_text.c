/* The HTML report's building blocks, shared by the page (render_html.c),
 * its tables of targets (html_targets.c) and its progress
 * (html_progress.c): the page's own words, escaping, the rating badge,
 * heading cells. */
#include "report/html.h"
#include "util/alloc.h"

/* Words only this page uses, indexed by kpi_lang; every other word and
 * form comes from the display layer (display.h), as in the other formats. */
static const struct kpi__html_words html_words[] = {
    {"重点目標一覧", "目標の内訳", "（全", "件）", "棒：目標値に対する実績", " ／ ",
     "縦線：基準日の期待値", "目標値を超過", "実績 ／ 目標値"},
    {"Goals at a glance", "Targets by rating", " (", " in all)",
     "bar: actual against the target value", "; ", "tick: expected as of the date",
     "above the target value", "Actual / target value"},
};

const struct kpi__html_words *kpi__html_words(kpi_lang lang)
{
    return &html_words[lang];
}

/* Escaped as HTML needs it everywhere: & < > and both quotes. */
void kpi__html_text(kpi__strbuf *out, const char *text)
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
void kpi__html_built(kpi__strbuf *out, kpi__strbuf *built)
{
    char *text = kpi__display_finish(out, built);
    kpi__html_text(out, text);
    kpi__free(text);
}

/* The rating's CSS class: r-ahead, r-on_track, ..., r-none. */
const char *kpi__html_rating_class(kpi_rating rating)
{
    const char *name = kpi_rating_name(rating);
    return *name ? name : "none";
}

/* A coloured badge; unrated shows a dash and names why in its title. */
void kpi__html_symbol(kpi__strbuf *out, const kpi_result *r, kpi_lang lang)
{
    kpi__strbuf why = {0};
    kpi__strbuf_printf(out, "<span class=\"sym r-%s\" title=\"",
                       kpi__html_rating_class(kpi__display_colour(r)));
    if (r->level < 0)
        kpi__display_unrated(&why, r->unrated, lang);
    else
        kpi__strbuf_append(&why, kpi__display_level_label(r, lang));
    kpi__html_built(out, &why);
    kpi__strbuf_append(out, "\">");
    kpi__html_text(out, kpi__display_level(r));
    kpi__strbuf_append(out, "</span>");
}

void kpi__html_reason(kpi__strbuf *out, const kpi_result *r, kpi_lang lang)
{
    kpi__html_text(out, kpi__display_reason(out, r, lang));
}

size_t kpi__html_index(const kpi_evaluation *ev, const kpi_result *r)
{
    return (size_t)(r - ev->results);
}

void kpi__html_th(kpi__strbuf *out, const char *css_class, const char *text)
{
    kpi__strbuf_printf(out, "<th class=\"%s\">", css_class);
    kpi__html_text(out, text);
    kpi__strbuf_append(out, "</th>");
}

/* Shown for a missing value, so that an empty cell never looks like 0. */
const char KPI__HTML_NO_VALUE[] = "<span class=\"nil\">—</span>";
