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
#include "util/alloc.h"
#include "report/width.h"

#include <string.h>

/* Shown where an unrated result's symbol would be, as in the text report. */
static const char UNRATED_MARK[] = "―";

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
 * marker ("- ", "+ ", "1. ") or a setext underline ("="). */
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
    for (size_t i = escape_line_start(out, s); i < n;) {
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

/* A reason line, which the renderer owns and frees here. */
static void put_reason(kpi__strbuf *out, const kpi_result *r, kpi_lang lang,
                       enum context context)
{
    const char *reason = kpi_result_reason(r, lang);
    if (!reason) {
        out->failed = 1;
        return;
    }
    put_text(out, reason, context);
}

/* ------------------------------------------------------------------------ */
/* Values                                                                   */
/* ------------------------------------------------------------------------ */

static const char *symbol_or_mark(kpi_rating rating)
{
    return rating == KPI_RATING_NONE ? UNRATED_MARK : kpi_rating_symbol(rating);
}

/* A number as every format shows it, without the trailing dot that
 * kpi__display_number() leaves for values such as 0.997 ("1."). */
static void number(char *buf, double value)
{
    kpi__display_number(buf, value);
    size_t n = strlen(buf);
    if (n > 0 && buf[n - 1] == '.')
        buf[n - 1] = '\0';
}

/* A figure: a milestone's progress as a percent, others as numbers. */
static void figure(char *buf, const kpi_result *r, double value)
{
    if (r->target_kind == KPI_KIND_MILESTONE)
        kpi__display_percent(buf, value);
    else
        number(buf, value);
}

/* "30件" ("30 件" in English, as the reason line); "100%" for a milestone. */
static void put_target_value(kpi__strbuf *out, const kpi_result *r, kpi_lang lang)
{
    char buf[32];
    figure(buf, r, r->target);
    kpi__strbuf_append(out, buf);
    if (buf[0] && r->target_kind != KPI_KIND_MILESTONE && r->unit && *r->unit) {
        kpi__strbuf_append(out, lang == KPI_LANG_EN ? " " : "");
        put_text(out, r->unit, CELL);
    }
}

/* ------------------------------------------------------------------------ */
/* Tables of targets                                                        */
/* ------------------------------------------------------------------------ */

static const kpi_result *child_of(const kpi_result *r, size_t i)
{
    const kpi_evaluation *ev = r->evaluation;
    return &ev->results[ev->children[r->first_child + i]];
}

static void put_cell_number(kpi__strbuf *out, const char *buf)
{
    kpi__strbuf_printf(out, " %s |", buf);
}

static void put_row(kpi__strbuf *out, const kpi_result *r, kpi_lang lang)
{
    char buf[32];
    const char *wording = r->text && *r->text ? r->text : r->title;
    kpi__strbuf_printf(out, "| %s | ", symbol_or_mark(r->rating));
    put_text(out, r->code, CELL);
    kpi__strbuf_append(out, " | ");
    put_text(out, kpi__inferred_mark(r, lang), CELL);
    put_text(out, wording, CELL);
    kpi__strbuf_append(out, " |");
    figure(buf, r, r->actual);
    put_cell_number(out, buf);
    figure(buf, r, r->expected);
    put_cell_number(out, buf);
    kpi__strbuf_append(out, " ");
    put_target_value(out, r, lang);
    kpi__strbuf_append(out, " |");
    kpi__display_percent(buf, r->achievement);
    put_cell_number(out, buf);
    kpi__display_percent(buf, r->pace);
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
        const kpi_result *r = child_of(goal, i);
        if (r->kind == KPI_OBJECT_TARGET)
            put_row(out, r, lang);
    }
    kpi__strbuf_append(out, "\n");
}

/* ------------------------------------------------------------------------ */
/* Goals                                                                    */
/* ------------------------------------------------------------------------ */

static int has_targets(const kpi_result *goal)
{
    for (size_t i = 0; i < goal->child_count; i++)
        if (child_of(goal, i)->kind == KPI_OBJECT_TARGET)
            return 1;
    return 0;
}

/* "## △ 重点目標 1 title", one level deeper per level of goals. */
static void put_goal_heading(kpi__strbuf *out, const kpi_result *g, kpi_lang lang)
{
    int level = g->depth + 1 < 6 ? (int)g->depth + 1 : 6;
    kpi__word_id word = g->depth <= 1 ? KPI__W_GOAL : KPI__W_INITIATIVE;
    kpi__strbuf_printf(out, "%.*s %s %s ", level, "######", symbol_or_mark(g->rating),
                       kpi__word(word, lang));
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
    if (has_targets(g))
        put_table(out, g, lang);
    for (size_t i = 0; i < g->child_count; i++) {
        const kpi_result *c = child_of(g, i);
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
    char start[16], end[16], as_of[16];
    kpi__display_date(start, ev->start);
    kpi__display_date(end, ev->end);
    kpi__display_date(as_of, ev->as_of);
    kpi__strbuf_printf(out, "# %s\n\n", kpi__word(KPI__W_REPORT_TITLE, lang));
    if (plan->title && *plan->title) {
        put_text(out, plan->title, INLINE);
        kpi__strbuf_append(out, "\n\n");
    }
    put_field(out, KPI__W_ORGANIZATION, ev->organization, lang);
    put_field(out, KPI__W_DEPARTMENT, ev->department, lang);
    kpi__strbuf_printf(out, "- **%s**: %s %s %s\n", kpi__word(KPI__W_PERIOD, lang), start,
                       lang == KPI_LANG_JA ? "～" : "to", end);
    put_field(out, KPI__W_AS_OF, as_of, lang);
    put_field(out, KPI__W_ROLLUP, kpi__rollup_label(ev->policy.rollup, lang), lang);
    kpi__strbuf_append(out, "\n");
}

static void put_overall(kpi__strbuf *out, const kpi_evaluation *ev, kpi_lang lang)
{
    const kpi_result *plan = &ev->results[0];
    const char *label = plan->rating == KPI_RATING_NONE
                            ? kpi__word(KPI__W_UNRATED, lang)
                            : kpi_rating_label(plan->rating, lang);
    kpi__strbuf_printf(out, "## %s\n\n**%s %s**\n\n", kpi__word(KPI__W_PLAN_RATING, lang),
                       symbol_or_mark(plan->rating), label);
    put_reason(out, plan, lang, INLINE);
    kpi__strbuf_append(out, "\n\n");
}

static void put_legend(kpi__strbuf *out, kpi_lang lang)
{
    kpi__strbuf_printf(out, "## %s\n\n", kpi__word(KPI__W_LEGEND, lang));
    for (int rating = KPI_RATING_AHEAD; rating >= KPI_RATING_NOT_PROGRESSED; rating--)
        kpi__strbuf_printf(out, "- %s %s\n", kpi_rating_symbol((kpi_rating)rating),
                           kpi_rating_label((kpi_rating)rating, lang));
    kpi__strbuf_printf(out, "- %s %s\n", lang == KPI_LANG_EN ? "\\*" : "＊",
                       kpi__word(KPI__W_INFERRED, lang));
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
        const kpi_result *g = child_of(plan, i);
        if (g->kind == KPI_OBJECT_GOAL)
            put_goal(out, g, lang);
    }
    put_overall(out, ev, lang);
    put_legend(out, lang);
    put_notes(out, ev, lang);
    return out->failed ? KPI_ERR_NOMEM : KPI_OK;
}
