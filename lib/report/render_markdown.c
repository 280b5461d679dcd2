/* The Markdown report: the interim report (中間報告調書) as GitHub-flavoured
 * Markdown, for a wiki, an issue or a pull request.
 *
 * The same content as the text report, in the same order: the title and a
 * list of the organization, department, period, as-of date and roll-up
 * rule; a heading per goal (##) and initiative (###, deeper goals one level
 * more, down to ######) with its rating symbol, its reason line as a
 * paragraph and a table of its targets; then the overall rating, the
 * legend and the notes as lists.
 *
 * Text from the plan is escaped so that it can never change the document's
 * structure: Markdown's punctuation gets a backslash, a line break inside a
 * table cell becomes <br> (a table row is one line), elsewhere a blank.
 * Bytes that are not UTF-8 become U+FFFD, so the output is always UTF-8. */
#include "report/display.h"
#include "report/render.h"
#include "report/width.h"
#include "util/alloc.h"

#include <string.h>

enum context {
    INLINE, /* a heading, a paragraph or a list item: breaks become blanks */
    CELL    /* a table cell: breaks become <br> */
};

static const kpi__word_id column_words[] = {
    KPI__W_RATING,      KPI__W_CODE,     KPI__W_TARGET,
    KPI__W_ACTUAL,      KPI__W_EXPECTED, KPI__W_TARGET_VALUE,
    KPI__W_ACHIEVEMENT, KPI__W_PACE,     KPI__W_REASON,
};
#define COLUMN_COUNT (sizeof column_words / sizeof column_words[0])

/* The delimiter row: the symbol centred, figures to the right. */
static const char DELIMITER_ROW[] = "|:-:|---|---|--:|--:|--:|--:|--:|---|\n";

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
        else if (is_markdown_punctuation(s[i]))
            kpi__strbuf_printf(out, "\\%c", s[i]);
        else
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
    kpi__strbuf_printf(out, "| %s | ", kpi__display_symbol(r->rating));
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
        if (r->kind == KPI_OBJECT_TARGET)
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
    kpi__strbuf_printf(out, "%.*s %s %s ", level, "######",
                       kpi__display_symbol(g->rating), kpi__word(word, lang));
    put_text(out, g->code, INLINE);
    if (g->title && *g->title) {
        kpi__strbuf_append(out, " ");
        put_text(out, g->title, INLINE);
    }
    kpi__strbuf_append(out, "\n\n");
}

static void put_goal(kpi__strbuf *out, const kpi_result *g, kpi_lang lang)
{
    put_goal_heading(out, g, lang);
    put_reason(out, g, lang, INLINE);
    kpi__strbuf_append(out, "\n\n");
    if (kpi__has_targets(g))
        put_table(out, g, lang);
    for (size_t i = 0; i < g->child_count; i++) {
        const kpi_result *c = kpi_result_child_at(g, i);
        if (c->kind == KPI_OBJECT_GOAL)
            put_goal(out, c, lang);
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
                       kpi__display_symbol(plan->rating),
                       kpi__display_rating_label(plan->rating, lang));
    put_reason(out, plan, lang, INLINE);
    kpi__strbuf_append(out, "\n\n");
}

static void put_legend(kpi__strbuf *out, kpi_lang lang)
{
    kpi__strbuf_printf(out, "## %s\n\n", kpi__word(KPI__W_LEGEND, lang));
    for (int rating = KPI_RATING_AHEAD; rating >= KPI_RATING_NOT_PROGRESSED; rating--)
        kpi__strbuf_printf(out, "- %s %s\n", kpi_rating_symbol((kpi_rating)rating),
                           kpi_rating_label((kpi_rating)rating, lang));
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
    put_header(out, ev, lang);
    const kpi_result *plan = &ev->results[0];
    for (size_t i = 0; i < plan->child_count; i++) {
        const kpi_result *g = kpi_result_child_at(plan, i);
        if (g->kind == KPI_OBJECT_GOAL)
            put_goal(out, g, lang);
    }
    put_overall(out, ev, lang);
    put_legend(out, lang);
    put_notes(out, ev, lang);
    return out->failed ? KPI_ERR_NOMEM : KPI_OK;
}
