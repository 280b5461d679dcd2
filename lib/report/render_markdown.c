/* The Markdown report: the interim report (中間報告調書) as GitHub-flavoured
 * Markdown, for a wiki, an issue or a pull request.
 *
 * The same content as the text report, in the same order: the title and a
 * list of the organization, department, period, as-of date and roll-up
 * rule; a heading per goal (##) and initiative (###, deeper goals one level
 * more, down to ######) with its rating symbol, its reason line as a
 * paragraph, its latest update, the directives addressed to it and a table
 * of its targets (each with its latest update); then the overall rating,
 * the directives (市長指示事項) and the cancelled targets as tables, the
 * legend and the notes as lists.
 *
 * Text from the plan is escaped so that it can never change the document's
 * structure: Markdown's punctuation gets a backslash, a line break inside a
 * table cell or an update's text becomes <br> (a table row is one line, and
 * the city's line breaks are kept), elsewhere a blank.
 * Bytes that are not UTF-8 become U+FFFD, so the output is always UTF-8. */
#include "report/display.h"
#include "report/render.h"
#include "report/width.h"
#include "util/alloc.h"

#include <string.h>

enum context {
    INLINE, /* a heading, a paragraph or a list item: breaks become blanks */
    CELL    /* a table cell, or text after a fixed start: breaks become <br> */
};

static const kpi__word_id column_words[] = {
    KPI__W_RATING,   KPI__W_CODE,         KPI__W_TARGET,      KPI__W_ACTUAL,
    KPI__W_EXPECTED, KPI__W_TARGET_VALUE, KPI__W_ACHIEVEMENT, KPI__W_PACE,
    KPI__W_REASON,   KPI__W_UPDATE,
};
#define COLUMN_COUNT (sizeof column_words / sizeof column_words[0])

/* The delimiter row: the symbol centred, figures to the right. */
static const char DELIMITER_ROW[] = "|:-:|---|---|--:|--:|--:|--:|--:|---|---|\n";

/* ------------------------------------------------------------------------ */
/* Escaping                                                                 */
/* ------------------------------------------------------------------------ */

static int is_markdown_punctuation(char c)
{
    return c != '\0' && strchr("\\`*_[]<>|~&#", c) != NULL;
}

/* Escapes what would start a block at the beginning of a line: a list
 * marker ("- ", "+ ", "1. ") or a setext underline ("="). A table cell is
 * inline content, where nothing starts a block, so that a value such as
 * "1.5 t" stays as it is. */
static size_t escape_line_start(kpi__strbuf *out, const char *s)
{
    if ((s[0] == '-' || s[0] == '+' || s[0] == '=')) {
        kpi__strbuf_append(out, "\\");
        kpi__strbuf_append_n(out, s, 1);
        return 1;
    }
    size_t digits = strspn(s, "0123456789");
    if (digits > 0 && (s[digits] == '.' || s[digits] == ')')) {
        kpi__strbuf_append_n(out, s, digits);
        kpi__strbuf_append(out, "\\");
        kpi__strbuf_append_n(out, s + digits, 1);
        return digits + 1;
    }
    return 0;
}

/* Appends text from the plan, escaped for where it goes. */
static void put_text(kpi__strbuf *out, const char *s, enum context context)
{
    if (!s)
        return;
    size_t n = strlen(s);
    for (size_t i = context == INLINE ? escape_line_start(out, s) : 0; i < n;) {
        uint32_t cp;
        size_t len = kpi__utf8_next(s + i, n - i, &cp);
        if (s[i] == '\r' && s[i + 1] == '\n') {
            i++; /* CR LF is one break */
            continue;
        }
        if (cp == '\n' || cp == '\r')
            kpi__strbuf_append(out, context == CELL ? "<br>" : " ");
        else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
            kpi__strbuf_append(out, " ");
        else if (cp == 0xFFFD && len == 1)
            kpi__strbuf_append(out, "\xEF\xBF\xBD");
        else if (is_markdown_punctuation(s[i])) {
            kpi__strbuf_append(out, "\\");
            kpi__strbuf_append_n(out, s + i, 1);
        } else
            kpi__strbuf_append_n(out, s + i, len);
        i += len;
    }
}

static void put_reason(kpi__strbuf *out, const kpi_result *r, kpi_lang lang,
                       enum context context)
{
    put_text(out, kpi__display_reason(out, r, lang), context);
}

/* ------------------------------------------------------------------------ */
/* Values                                                                   */
/* ------------------------------------------------------------------------ */

/* A display form built apart (display.h), then escaped for where it goes. */
static void put_built(kpi__strbuf *out, kpi__strbuf *built, enum context context)
{
    char *text = kpi__display_finish(out, built);
    put_text(out, text, context);
    kpi__free(text);
}

/* "head<br>text": a heading made by the display layer (an update's status
 * and date) over the city's text, its line breaks kept; in a cell or after
 * a fixed start of a paragraph. */
static void put_head_and_text(kpi__strbuf *out, kpi__strbuf *head, const char *text)
{
    put_built(out, head, CELL);
    if (text && *text) {
        kpi__strbuf_append(out, "<br>");
        put_text(out, text, CELL);
    }
}

/* The latest update: its status, date and text; nothing when none. */
static void put_update(kpi__strbuf *out, const kpi_result *r, kpi_lang lang)
{
    kpi__strbuf head = {0};
    kpi__display_update_head(&head, r, lang);
    put_head_and_text(out, &head, r->update_text);
}

/* ------------------------------------------------------------------------ */
/* Tables of targets                                                        */
/* ------------------------------------------------------------------------ */

static void put_cell_number(kpi__strbuf *out, const char *buf)
{
    kpi__strbuf_printf(out, " %s |", buf);
}

static void put_row(kpi__strbuf *out, const kpi_result *r, kpi_lang lang)
{
    char buf[KPI__NUMBER_SIZE];
    kpi__strbuf target = {0};
    const char *wording = r->text && *r->text ? r->text : r->title;
    kpi__strbuf_append(out, "| ");
    put_text(out, kpi__display_level(r), CELL);
    kpi__strbuf_append(out, " | ");
    put_text(out, r->code, CELL);
    kpi__strbuf_append(out, " | ");
    put_text(out, kpi__inferred_mark(r, lang), CELL);
    put_text(out, wording, CELL);
    kpi__strbuf_append(out, " |");
    kpi__display_figure(buf, r, r->actual);
    put_cell_number(out, buf);
    kpi__display_figure(buf, r, r->expected);
    put_cell_number(out, buf);
    kpi__strbuf_append(out, " ");
    kpi__display_target(&target, r, lang);
    put_built(out, &target, CELL);
    kpi__strbuf_append(out, " |");
    kpi__number_percent(buf, r->achievement);
    put_cell_number(out, buf);
    kpi__number_percent(buf, r->pace);
    put_cell_number(out, buf);
    kpi__strbuf_append(out, " ");
    put_reason(out, r, lang, CELL);
    kpi__strbuf_append(out, " | ");
    put_update(out, r, lang);
    kpi__strbuf_append(out, " |\n");
}

static void put_table(kpi__strbuf *out, const kpi_result *goal, kpi_lang lang)
{
    kpi__strbuf_append(out, "|");
    for (size_t c = 0; c < COLUMN_COUNT; c++)
        kpi__strbuf_printf(out, " %s |", kpi__word(column_words[c], lang));
    kpi__strbuf_append(out, "\n");
    kpi__strbuf_append(out, DELIMITER_ROW);
    for (size_t i = 0; i < goal->child_count; i++) {
        const kpi_result *r = kpi_result_child_at(goal, i);
        if (r->kind == KPI_OBJECT_TARGET && !kpi__is_cancelled(r))
            put_row(out, r, lang);
    }
    kpi__strbuf_append(out, "\n");
}

/* ------------------------------------------------------------------------ */
/* Goals                                                                    */
/* ------------------------------------------------------------------------ */

/* "## △ 重点目標 1 title", one level deeper per level of goals. */
static void put_goal_heading(kpi__strbuf *out, const kpi_result *g, kpi_lang lang)
{
    int level = g->depth + 1 < 6 ? (int)g->depth + 1 : 6;
    kpi__word_id word = g->depth <= 1 ? KPI__W_GOAL : KPI__W_INITIATIVE;
    kpi__strbuf_printf(out, "%.*s %s %s ", level, "######", kpi__display_level(g),
                       kpi__word(word, lang));
    put_text(out, g->code, INLINE);
    if (g->title && *g->title) {
        kpi__strbuf_append(out, " ");
        put_text(out, g->title, INLINE);
    }
    kpi__strbuf_append(out, "\n\n");
}

/* "**進捗状況** head<br>text", a list of the directives addressed to the
 * goal, and the codes of its cancelled targets: each a paragraph. */
static void put_goal_progress(kpi__strbuf *out, const kpi__directive_refs *refs,
                              const kpi_result *g, kpi_lang lang)
{
    if (kpi__has_update(g)) {
        kpi__strbuf_printf(out, "**%s** ", kpi__word(KPI__W_UPDATE, lang));
        put_update(out, g, lang);
        kpi__strbuf_append(out, "\n\n");
    }
    size_t count = kpi__directive_refs_count(refs, g);
    for (size_t i = 0; i < count; i++) {
        kpi__strbuf ref = {0};
        kpi__display_directive_ref(
            &ref, kpi__directive(refs->ev, kpi__directive_ref(refs, g, i)), lang);
        kpi__strbuf_append(out, "- ");
        put_built(out, &ref, INLINE);
        kpi__strbuf_append(out, "\n");
    }
    if (count)
        kpi__strbuf_append(out, "\n");
    kpi__strbuf cancelled = {0};
    if (kpi__display_cancelled_children(&cancelled, g, lang)) {
        put_built(out, &cancelled, INLINE);
        kpi__strbuf_append(out, "\n\n");
    } else {
        kpi__strbuf_free(&cancelled);
    }
}

static void put_goal(kpi__strbuf *out, const kpi__directive_refs *refs,
                     const kpi_result *g, kpi_lang lang)
{
    put_goal_heading(out, g, lang);
    put_reason(out, g, lang, INLINE);
    kpi__strbuf_append(out, "\n\n");
    put_goal_progress(out, refs, g, lang);
    if (kpi__has_targets(g))
        put_table(out, g, lang);
    for (size_t i = 0; i < g->child_count; i++) {
        const kpi_result *c = kpi_result_child_at(g, i);
        if (c->kind == KPI_OBJECT_GOAL)
            put_goal(out, refs, c, lang);
    }
}

/* ------------------------------------------------------------------------ */
/* Header and closing sections                                              */
/* ------------------------------------------------------------------------ */

static void put_field(kpi__strbuf *out, kpi__word_id word, const char *value,
                      kpi_lang lang)
{
    if (!value || !*value)
        return;
    kpi__strbuf_printf(out, "- **%s**: ", kpi__word(word, lang));
    put_text(out, value, INLINE);
    kpi__strbuf_append(out, "\n");
}

static void put_header(kpi__strbuf *out, const kpi_evaluation *ev, kpi_lang lang)
{
    const kpi_result *plan = &ev->results[0];
    kpi__header header;
    kpi__display_header(&header, ev, lang);
    kpi__strbuf_printf(out, "# %s\n\n", kpi__word(KPI__W_REPORT_TITLE, lang));
    if (plan->title && *plan->title) {
        put_text(out, plan->title, INLINE);
        kpi__strbuf_append(out, "\n\n");
    }
    for (int i = 0; i < KPI__HEADER_FIELDS; i++)
        put_field(out, header.words[i], header.values[i], lang);
    kpi__strbuf_append(out, "\n");
}

static void put_overall(kpi__strbuf *out, const kpi_evaluation *ev, kpi_lang lang)
{
    const kpi_result *plan = &ev->results[0];
    kpi__strbuf_printf(out, "## %s\n\n**%s %s**\n\n", kpi__word(KPI__W_PLAN_RATING, lang),
                       kpi__display_level(plan), kpi__display_level_label(plan, lang));
    put_reason(out, plan, lang, INLINE);
    kpi__strbuf_append(out, "\n\n");
}

/* A table's heading and delimiter rows, every column left-aligned. */
static void put_table_head(kpi__strbuf *out, const kpi__word_id *words, size_t count,
                           kpi_lang lang)
{
    kpi__strbuf_append(out, "|");
    for (size_t c = 0; c < count; c++)
        kpi__strbuf_printf(out, " %s |", kpi__word(words[c], lang));
    kpi__strbuf_append(out, "\n|");
    for (size_t c = 0; c < count; c++)
        kpi__strbuf_append(out, "---|");
    kpi__strbuf_append(out, "\n");
}

/* A cell holding a display form. */
static void put_built_cell(kpi__strbuf *out, kpi__strbuf *built)
{
    kpi__strbuf_append(out, " ");
    put_built(out, built, CELL);
    kpi__strbuf_append(out, " |");
}

static void put_directive_row(kpi__strbuf *out, const kpi_result *d, kpi_lang lang)
{
    kpi__strbuf issued = {0}, addressed = {0}, state = {0}, response = {0};
    kpi__strbuf_append(out, "| ");
    put_text(out, d->code, CELL);
    kpi__strbuf_append(out, " |");
    kpi__display_issued(&issued, d);
    put_built_cell(out, &issued);
    kpi__strbuf_append(out, " ");
    put_text(out, d->title, CELL);
    kpi__strbuf_append(out, " |");
    kpi__display_addressed(&addressed, d, lang);
    put_built_cell(out, &addressed);
    kpi__display_directive_state(&state, d, lang);
    put_built_cell(out, &state);
    kpi__strbuf_append(out, " ");
    kpi__display_response_head(&response, d, lang);
    put_head_and_text(out, &response, d->update_text);
    kpi__strbuf_append(out, " |\n");
}

/* The directives and their follow-up, one row each. */
static void put_directives(kpi__strbuf *out, const kpi_evaluation *ev, kpi_lang lang)
{
    static const kpi__word_id words[] = {KPI__W_CODE,      KPI__W_ISSUED,
                                         KPI__W_DIRECTIVE, KPI__W_ADDRESSED,
                                         KPI__W_STATE,     KPI__W_RESPONSE};
    if (ev->directive_count == 0)
        return;
    kpi__strbuf heading = {0};
    kpi__display_directives_heading(&heading, ev, lang);
    kpi__strbuf_append(out, "## ");
    put_built(out, &heading, INLINE);
    kpi__strbuf_append(out, "\n\n");
    put_table_head(out, words, sizeof words / sizeof *words, lang);
    for (size_t i = 0; i < ev->directive_count; i++)
        put_directive_row(out, kpi__directive(ev, i), lang);
    kpi__strbuf_append(out, "\n");
}

/* The cancelled targets and goals, apart from the ratings. */
static void put_cancelled(kpi__strbuf *out, const kpi_evaluation *ev, kpi_lang lang)
{
    static const kpi__word_id words[] = {KPI__W_CODE, KPI__W_TARGET, KPI__W_UPDATE};
    if (kpi__cancelled_count(ev) == 0)
        return;
    kpi__strbuf_printf(out, "## %s\n\n", kpi__word(KPI__W_CANCELLED, lang));
    put_table_head(out, words, sizeof words / sizeof *words, lang);
    for (size_t i = 0; i < ev->count; i++) {
        const kpi_result *r = &ev->results[i];
        if (!kpi__is_cancelled(r))
            continue;
        kpi__strbuf head = {0};
        kpi__strbuf_append(out, "| ");
        put_text(out, r->code, CELL);
        kpi__strbuf_append(out, " | ");
        put_text(out, r->title, CELL);
        kpi__strbuf_append(out, " | ");
        kpi__display_cancel(&head, r, lang);
        put_head_and_text(out, &head, r->update_text);
        kpi__strbuf_append(out, " |\n");
    }
    kpi__strbuf_append(out, "\n");
}

/* One entry of the legend: "- symbol label". */
static void put_legend_entry(kpi__strbuf *out, const char *symbol, const char *label)
{
    kpi__strbuf_append(out, "- ");
    put_text(out, symbol, INLINE);
    kpi__strbuf_append(out, " ");
    put_text(out, label, INLINE);
    kpi__strbuf_append(out, "\n");
}

static void put_legend(kpi__strbuf *out, const kpi_evaluation *ev, kpi_lang lang)
{
    const kpi_scale *s = ev->scale;
    kpi__strbuf_printf(out, "## %s\n\n", kpi__word(KPI__W_LEGEND, lang));
    for (size_t level = 0; level < kpi_scale_level_count(s); level++)
        put_legend_entry(out, kpi_scale_level_symbol(s, level),
                         kpi_scale_level_label(s, level, lang));
    kpi_unrated shown[KPI__UNRATED_COUNT];
    for (size_t i = 0, n = kpi__legend_unrated(ev, shown); i < n; i++)
        put_legend_entry(out, kpi_scale_unrated_symbol(s, shown[i]),
                         kpi_scale_unrated_label(s, shown[i], lang));
    kpi__strbuf_append(out, "- ");
    put_text(out, kpi__display_mark(lang), INLINE);
    kpi__strbuf_printf(out, " %s\n", kpi__word(KPI__W_INFERRED, lang));
}

static void put_notes(kpi__strbuf *out, const kpi_evaluation *ev, kpi_lang lang)
{
    if (ev->note_count == 0)
        return;
    kpi__strbuf_printf(out, "\n## %s\n\n", kpi__word(KPI__W_NOTES, lang));
    for (size_t i = 0; i < ev->note_count; i++) {
        kpi__strbuf_append(out, "- ");
        put_text(out, ev->notes[i], INLINE);
        kpi__strbuf_append(out, "\n");
    }
}

int kpi__render_markdown(kpi__strbuf *out, const kpi_evaluation *ev, kpi_lang lang)
{
    kpi__directive_refs refs;
    kpi__directive_refs_init(&refs, out, ev);
    put_header(out, ev, lang);
    const kpi_result *plan = &ev->results[0];
    for (size_t i = 0; i < plan->child_count; i++) {
        const kpi_result *g = kpi_result_child_at(plan, i);
        if (g->kind == KPI_OBJECT_GOAL)
            put_goal(out, &refs, g, lang);
    }
    kpi__directive_refs_free(&refs);
    put_overall(out, ev, lang);
    put_directives(out, ev, lang);
    put_cancelled(out, ev, lang);
    put_legend(out, ev, lang);
    put_notes(out, ev, lang);
    return out->failed ? KPI_ERR_NOMEM : KPI_OK;
}
