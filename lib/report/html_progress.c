/* The HTML report's progress: each object's latest update, the directives
 * a goal is addressed by (linked to their rows), and the sections that
 * list the directives (市長指示事項) with their follow-up and the cancelled
 * targets apart from the ratings. The city's texts keep their line breaks
 * through the stylesheet (.utext: white-space: pre-line), escaped as any
 * text. */
#include "report/html.h"

/* A heading made by the display layer over the city's text. */
static void put_head_and_text(kpi__strbuf *out, kpi__strbuf *head, const char *text)
{
    kpi__strbuf_append(out, "<span class=\"uhead\">");
    kpi__html_built(out, head);
    kpi__strbuf_append(out, "</span>");
    if (!text || !*text)
        return;
    kpi__strbuf_append(out, "<span class=\"utext\">");
    kpi__html_text(out, text);
    kpi__strbuf_append(out, "</span>");
}

void kpi__html_update(kpi__strbuf *out, const kpi_result *r, kpi_lang lang)
{
    if (!kpi__has_update(r))
        return;
    kpi__strbuf head = {0};
    kpi__display_update_head(&head, r, lang);
    kpi__strbuf_append(out, "<div class=\"update\">");
    put_head_and_text(out, &head, r->update_text);
    kpi__strbuf_append(out, "</div>");
}

/* The state's CSS class: an overdue directive stands out in red. */
static const char *state_class(const kpi_result *d)
{
    return d->overdue ? "overdue" : d->open ? "open" : "closed";
}

/* One line per directive addressed to the goal, cut short and linked to
 * its row in the directives section, where it is whole. */
static void put_directive_refs(kpi__strbuf *out, const kpi__directive_refs *refs,
                               const kpi_result *g, kpi_lang lang)
{
    size_t count = kpi__directive_refs_count(refs, g);
    if (!count)
        return;
    kpi__strbuf_append(out, "<ul class=\"drefs\">");
    for (size_t k = 0; k < count; k++) {
        size_t i = kpi__directive_ref(refs, g, k);
        const kpi_result *d = kpi__directive(refs->ev, i);
        kpi__strbuf ref = {0};
        kpi__display_directive_ref(&ref, d, lang);
        kpi__strbuf_printf(out, "<li class=\"%s\"><a href=\"#d%zu\">", state_class(d), i);
        kpi__html_built(out, &ref);
        kpi__strbuf_append(out, "</a></li>");
    }
    kpi__strbuf_append(out, "</ul>");
}

void kpi__html_goal_progress(kpi__strbuf *out, const kpi__directive_refs *refs,
                             const kpi_result *g, kpi_lang lang)
{
    kpi__strbuf cancelled = {0};
    size_t cancelled_count = kpi__display_cancelled_children(&cancelled, g, lang);
    if (!kpi__has_update(g) && !kpi__directive_refs_count(refs, g) && !cancelled_count) {
        kpi__strbuf_free(&cancelled);
        return;
    }
    kpi__strbuf_append(out, "<div class=\"progress\">");
    kpi__html_update(out, g, lang);
    put_directive_refs(out, refs, g, lang);
    if (cancelled_count) {
        kpi__strbuf_append(out, "<p class=\"cref\">");
        kpi__html_built(out, &cancelled);
        kpi__strbuf_append(out, "</p>");
    } else {
        kpi__strbuf_free(&cancelled);
    }
    kpi__strbuf_append(out, "</div>\n");
}

/* ------------------------------------------------------------------------ */
/* Sections                                                                 */
/* ------------------------------------------------------------------------ */

/* A cell holding a display form. */
static void put_built_cell(kpi__strbuf *out, const char *css_class, kpi__strbuf *built)
{
    kpi__strbuf_printf(out, "<td class=\"%s\">", css_class);
    kpi__html_built(out, built);
    kpi__strbuf_append(out, "</td>");
}

static void put_directive_row(kpi__strbuf *out, const kpi_result *d, size_t index,
                              kpi_lang lang)
{
    kpi__strbuf issued = {0}, addressed = {0}, state = {0}, response = {0};
    kpi__strbuf_printf(out, "<tr id=\"d%zu\" class=\"%s\"><td class=\"code\">", index,
                       state_class(d));
    kpi__html_text(out, d->code);
    kpi__strbuf_append(out, "</td>");
    kpi__display_issued(&issued, d);
    put_built_cell(out, "issued", &issued);
    kpi__strbuf_append(out, "<td class=\"utext\">");
    kpi__html_text(out, d->title);
    kpi__strbuf_append(out, "</td>");
    kpi__display_addressed(&addressed, d, lang);
    put_built_cell(out, "code", &addressed);
    kpi__display_directive_state(&state, d, lang);
    put_built_cell(out, "state", &state);
    kpi__strbuf_append(out, "<td class=\"response\">");
    kpi__display_response_head(&response, d, lang);
    put_head_and_text(out, &response, d->update_text);
    kpi__strbuf_append(out, "</td></tr>\n");
}

static void put_directives_head(kpi__strbuf *out, kpi_lang lang)
{
    kpi__strbuf_append(out, "<table>\n<thead><tr>");
    kpi__html_th(out, "c-code", kpi__word(KPI__W_CODE, lang));
    kpi__html_th(out, "c-issued", kpi__word(KPI__W_ISSUED, lang));
    kpi__html_th(out, "c-what", kpi__word(KPI__W_DIRECTIVE, lang));
    kpi__html_th(out, "c-goals", kpi__word(KPI__W_ADDRESSED, lang));
    kpi__html_th(out, "c-state", kpi__word(KPI__W_STATE, lang));
    kpi__html_th(out, "c-what", kpi__word(KPI__W_RESPONSE, lang));
    kpi__strbuf_append(out, "</tr></thead>\n<tbody>\n");
}

void kpi__html_directives(kpi__strbuf *out, const kpi_evaluation *ev, kpi_lang lang)
{
    if (!ev->directive_count)
        return;
    kpi__strbuf heading = {0};
    kpi__display_directives_heading(&heading, ev, lang);
    kpi__strbuf_append(out, "<section class=\"directives\">\n<h2>");
    kpi__html_built(out, &heading);
    kpi__strbuf_append(out, "</h2>\n");
    put_directives_head(out, lang);
    for (size_t i = 0; i < ev->directive_count; i++)
        put_directive_row(out, kpi__directive(ev, i), i, lang);
    kpi__strbuf_append(out, "</tbody>\n</table>\n</section>\n");
}

static void put_cancelled_row(kpi__strbuf *out, const kpi_result *r, kpi_lang lang)
{
    kpi__strbuf head = {0};
    kpi__strbuf_append(out, "<tr data-code=\"");
    kpi__html_text(out, r->code);
    kpi__strbuf_append(out, "\"><td class=\"code\">");
    kpi__html_text(out, r->code);
    kpi__strbuf_append(out, "</td><td class=\"wording\">");
    kpi__html_text(out, r->title);
    kpi__strbuf_append(out, "</td><td class=\"response\">");
    kpi__display_cancel(&head, r, lang);
    put_head_and_text(out, &head, r->update_text);
    kpi__strbuf_append(out, "</td></tr>\n");
}

void kpi__html_cancelled(kpi__strbuf *out, const kpi_evaluation *ev, kpi_lang lang)
{
    if (!kpi__cancelled_count(ev))
        return;
    kpi__strbuf_append(out, "<section class=\"cancelled\">\n<h2>");
    kpi__html_text(out, kpi__word(KPI__W_CANCELLED, lang));
    kpi__strbuf_append(out, "</h2>\n<table>\n<thead><tr>");
    kpi__html_th(out, "c-code", kpi__word(KPI__W_CODE, lang));
    kpi__html_th(out, "c-what", kpi__word(KPI__W_TARGET, lang));
    kpi__html_th(out, "c-what", kpi__word(KPI__W_UPDATE, lang));
    kpi__strbuf_append(out, "</tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < ev->count; i++)
        if (kpi__is_cancelled(&ev->results[i]))
            put_cancelled_row(out, &ev->results[i], lang);
    kpi__strbuf_append(out, "</tbody>\n</table>\n</section>\n");
}
