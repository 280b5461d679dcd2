/* The display layer of the reports: the words every format uses and the
 * forms made of a result's values (its symbol, target, quantities, dates),
 * so that the five formats and the reason lines show the same thing the
 * same way. Numbers, dates and names themselves are formatted below, in
 * util/number.c, util/date.c and model/names.c. */
#include "report/display.h"
#include "report/width.h"
#include "util/alloc.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const char *const words[KPI__W_COUNT][2] = {
    [KPI__W_REPORT_TITLE] = {"重点目標 進捗状況", "Progress of priority goals"},
    [KPI__W_ORGANIZATION] = {"団体", "Organization"},
    [KPI__W_DEPARTMENT] = {"担当部局", "Department"},
    [KPI__W_PERIOD] = {"期間", "Period"},
    [KPI__W_AS_OF] = {"基準日", "As of"},
    [KPI__W_CODE] = {"番号", "Code"},
    [KPI__W_GOAL] = {"重点目標", "Goal"},
    [KPI__W_INITIATIVE] = {"取組項目", "Initiative"},
    [KPI__W_TARGET] = {"期限・数値目標等", "Target"},
    [KPI__W_ACTUAL] = {"実績", "Actual"},
    [KPI__W_EXPECTED] = {"期待値", "Expected"},
    [KPI__W_TARGET_VALUE] = {"目標値", "Target value"},
    [KPI__W_ACHIEVEMENT] = {"達成率", "Achievement"},
    [KPI__W_PACE] = {"進捗率", "Pace"},
    [KPI__W_ELAPSED] = {"経過", "Elapsed"},
    [KPI__W_RATING] = {"進捗度", "Rating"},
    [KPI__W_REASON] = {"理由", "Reason"},
    [KPI__W_UNRATED] = {"未評価", "Unrated"},
    [KPI__W_ASSESSED] = {"担当者評価", "Assessed"},
    [KPI__W_COMPUTED] = {"計算値", "Computed"},
    [KPI__W_PLAN_RATING] = {"全体評価", "Overall rating"},
    [KPI__W_LEGEND] = {"評価基準", "Rating scale"},
    [KPI__W_NOTES] = {"備考", "Notes"},
    [KPI__W_ROLLUP] = {"集計方法", "Roll-up"},
    [KPI__W_INFERRED] = {"期限・数値目標等の文言から読み取った目標",
                         "target read from its wording"},
    [KPI__W_UPDATE] = {"進捗状況", "Progress"},
    [KPI__W_DIRECTIVES] = {"指示事項", "Directives"},
    [KPI__W_DIRECTIVE] = {"指示", "Directive"},
    [KPI__W_ISSUED] = {"指示者・指示日", "Issued by"},
    [KPI__W_ADDRESSED] = {"対象", "Goals"},
    [KPI__W_RESPONSE] = {"対応", "Response"},
    [KPI__W_STATE] = {"状況", "State"},
    [KPI__W_CANCELLED] = {"中止した目標", "Cancelled targets"},
};

const char *kpi__word(kpi__word_id id, kpi_lang lang)
{
    return words[id][lang == KPI_LANG_EN];
}

/* Shown where an unrated result's symbol would be. U+2015 is ambiguous
 * width like ◎○△× (see width.c), so that in the text report every table
 * row starts with one character of the same class and rows align in any
 * terminal. */
static const char UNRATED_MARK[] = "―";

const char *kpi__display_symbol(kpi_rating rating)
{
    return rating == KPI_RATING_NONE ? UNRATED_MARK : kpi_rating_symbol(rating);
}

const char *kpi__display_rating_label(kpi_rating rating, kpi_lang lang)
{
    return rating == KPI_RATING_NONE ? kpi__word(KPI__W_UNRATED, lang)
                                     : kpi_rating_label(rating, lang);
}

void kpi__display_unrated(kpi__strbuf *b, kpi_unrated reason, kpi_lang lang)
{
    kpi__strbuf_append(b, lang == KPI_LANG_EN ? "unrated: " : "未評価: ");
    kpi__strbuf_append(b, kpi_unrated_label(reason, lang));
}

const char *kpi__display_mark(kpi_lang lang)
{
    return lang == KPI_LANG_EN ? "*" : "＊";
}

const char *kpi__inferred_mark(const kpi_result *result, kpi_lang lang)
{
    return result->inferred ? kpi__display_mark(lang) : "";
}

void kpi__display_figure(char *buf, const kpi_result *result, double value)
{
    if (result->target_kind == KPI_KIND_MILESTONE)
        kpi__number_percent(buf, value);
    else
        kpi__number_display(buf, value);
}

void kpi__display_quantity(kpi__strbuf *b, const kpi_result *result, double value,
                           kpi_lang lang)
{
    char figure[KPI__NUMBER_SIZE];
    kpi__display_figure(figure, result, value);
    if (!*figure)
        return;
    kpi__strbuf_append(b, figure);
    if (result->target_kind != KPI_KIND_MILESTONE && result->unit && *result->unit) {
        kpi__strbuf_append(b, lang == KPI_LANG_EN ? " " : "");
        kpi__strbuf_append(b, result->unit);
    }
}

void kpi__display_target(kpi__strbuf *b, const kpi_result *result, kpi_lang lang)
{
    static const char *const comparisons[][2] = {
        [KPI_DIRECTION_INCREASE] = {"以上", " or more"},
        [KPI_DIRECTION_DECREASE] = {"以下", " or less"},
    };
    if (result->target_kind == KPI_KIND_QUALITATIVE || isnan(result->target))
        return;
    kpi__display_quantity(b, result, result->target, lang);
    if (result->target_kind == KPI_KIND_NUMERIC &&
        result->direction <= KPI_DIRECTION_DECREASE) /* (unsigned: never below) */
        kpi__strbuf_append(b, comparisons[result->direction][lang == KPI_LANG_EN]);
}

void kpi__display_due(char buf[KPI__DUE_SIZE], int32_t date, kpi_lang lang)
{
    const char *word = lang == KPI_LANG_EN ? "due " : "期限";
    size_t n = strlen(word);
    memcpy(buf, word, n);
    kpi__date_iso(buf + n, date);
}

void kpi__display_period(char buf[KPI__PERIOD_SIZE], int32_t start, int32_t end,
                         kpi_lang lang)
{
    char from[KPI__DATE_ISO_SIZE], to[KPI__DATE_ISO_SIZE];
    kpi__date_iso(from, start);
    kpi__date_iso(to, end);
    snprintf(buf, KPI__PERIOD_SIZE, "%s %s %s", from, lang == KPI_LANG_EN ? "to" : "～",
             to);
}

void kpi__display_header(kpi__header *header, const kpi_evaluation *ev, kpi_lang lang)
{
    static const kpi__word_id header_words[KPI__HEADER_FIELDS] = {
        KPI__W_ORGANIZATION, KPI__W_DEPARTMENT, KPI__W_PERIOD,
        KPI__W_AS_OF,        KPI__W_ROLLUP,
    };
    kpi__display_period(header->period, ev->start, ev->end, lang);
    kpi__date_iso(header->as_of, ev->as_of);
    memcpy(header->words, header_words, sizeof header_words);
    header->values[0] = ev->organization ? ev->organization : "";
    header->values[1] = ev->department ? ev->department : "";
    header->values[2] = header->period;
    header->values[3] = header->as_of;
    header->values[4] = kpi_rollup_label(ev->policy.rollup, lang);
}

char *kpi__display_finish(kpi__strbuf *out, kpi__strbuf *built)
{
    kpi__strbuf_append(built, ""); /* a string even when nothing was built */
    char *text = kpi__strbuf_finish(built);
    if (!text)
        out->failed = 1;
    return text;
}

int kpi__has_targets(const kpi_result *goal)
{
    for (size_t i = 0; i < goal->child_count; i++) {
        const kpi_result *c = kpi_result_child_at(goal, i);
        if (c->kind == KPI_OBJECT_TARGET && !kpi__is_cancelled(c))
            return 1;
    }
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Progress: updates and cancelled targets                                  */
/* ------------------------------------------------------------------------ */

static void append_date(kpi__strbuf *b, int32_t date)
{
    char iso[KPI__DATE_ISO_SIZE];
    kpi__date_iso(iso, date);
    kpi__strbuf_append(b, iso);
}

/* Between items of a list of codes, as each language writes it. */
static const char *list_separator(kpi_lang lang)
{
    return lang == KPI_LANG_EN ? ", " : "、";
}

int kpi__has_update(const kpi_result *result)
{
    return result->update_date != 0;
}

void kpi__display_status_head(kpi__strbuf *b, kpi_status status, int32_t date,
                              int32_t planned, int32_t due, kpi_lang lang)
{
    int en = lang == KPI_LANG_EN;
    const char *label = kpi_status_label(status, lang);
    if (*label) {
        kpi__strbuf_append(b, label);
        KPI__STRBUF_LITERAL(b, " ");
    }
    append_date(b, date);
    if (!planned && !due)
        return;
    kpi__strbuf_append(b, en ? " (" : "（");
    if (planned) {
        kpi__strbuf_append(b, en ? "planned " : "予定日 ");
        append_date(b, planned);
    }
    if (due) {
        char text[KPI__DUE_SIZE];
        kpi__display_due(text, due, lang);
        if (planned)
            kpi__strbuf_append(b, list_separator(lang));
        kpi__strbuf_append(b, text);
    }
    kpi__strbuf_append(b, en ? ")" : "）");
}

void kpi__display_update_head(kpi__strbuf *b, const kpi_result *result, kpi_lang lang)
{
    if (kpi__has_update(result))
        kpi__display_status_head(b, result->update_status, result->update_date,
                                 result->update_planned, 0, lang);
}

int kpi__is_cancelled(const kpi_result *result)
{
    return (result->kind == KPI_OBJECT_TARGET || result->kind == KPI_OBJECT_GOAL) &&
           result->unrated == KPI_UNRATED_CANCELLED;
}

void kpi__display_cancel(kpi__strbuf *b, const kpi_result *result, kpi_lang lang)
{
    kpi__strbuf_append(b, kpi_status_label(KPI_STATUS_CANCELLED, lang));
    KPI__STRBUF_LITERAL(b, " ");
    append_date(b, result->status_date);
}

size_t kpi__display_cancelled_children(kpi__strbuf *b, const kpi_result *goal,
                                       kpi_lang lang)
{
    size_t count = 0;
    for (size_t i = 0; i < goal->child_count; i++) {
        const kpi_result *c = kpi_result_child_at(goal, i);
        if (!kpi__is_cancelled(c))
            continue;
        if (count++ == 0)
            kpi__strbuf_printf(b, "%s: ", kpi__word(KPI__W_CANCELLED, lang));
        else
            kpi__strbuf_append(b, list_separator(lang));
        kpi__strbuf_append(b, c->code);
    }
    return count;
}

size_t kpi__cancelled_count(const kpi_evaluation *ev)
{
    size_t count = 0;
    for (size_t i = 0; i < ev->count; i++)
        count += kpi__is_cancelled(&ev->results[i]) != 0;
    return count;
}

/* ------------------------------------------------------------------------ */
/* Directives                                                               */
/* ------------------------------------------------------------------------ */

/* How much of a directive's text a goal shows: enough to recognise it, the
 * whole stays in the directives section. */
enum { REF_CHARS = 24 };

const kpi_result *kpi__directive(const kpi_evaluation *ev, size_t index)
{
    return &ev->results[ev->count + index]; /* directives follow the tree */
}

/* The index of the goal a directive names, or ev->count when the
 * evaluation has no such goal. Codes are unique among goals, and a goal
 * wins over the plan's id in the code index. */
static size_t goal_index(const kpi_evaluation *ev, const kpi__strmap *index,
                         const char *code)
{
    const kpi_result *r = kpi__strmap_get(index, code);
    if (!r || r->kind != KPI_OBJECT_GOAL)
        return ev->count;
    return (size_t)(r - ev->results);
}

/* A counting sort of the (goal, directive) pairs by goal: count each
 * goal's directives one slot ahead, sum, then fill in directive order
 * with first[] as the cursors, which leaves each goal's start one slot
 * ahead again; shifting back restores them. */
static void sort_refs(kpi__directive_refs *refs, const kpi_evaluation *ev,
                      const kpi__strmap *index)
{
    size_t *first = refs->first;
    for (size_t d = 0; d < ev->directive_count; d++) {
        const kpi_result *r = kpi__directive(ev, d);
        for (size_t i = 0; i < r->extra->goal_count; i++)
            first[goal_index(ev, index, r->extra->goals[i]) + 1]++;
    }
    for (size_t g = 0; g < ev->count; g++)
        first[g + 1] += first[g];
    for (size_t d = 0; d < ev->directive_count; d++) {
        const kpi_result *r = kpi__directive(ev, d);
        for (size_t i = 0; i < r->extra->goal_count; i++) {
            size_t g = goal_index(ev, index, r->extra->goals[i]);
            if (g < ev->count)
                refs->at[first[g]++] = d;
        }
    }
    for (size_t g = ev->count; g > 0; g--)
        first[g] = first[g - 1];
    first[0] = 0;
}

void kpi__directive_refs_init(kpi__directive_refs *refs, kpi__strbuf *out,
                              const kpi_evaluation *ev)
{
    memset(refs, 0, sizeof *refs);
    refs->ev = ev;
    if (ev->directive_count == 0)
        return;
    size_t pairs = 0;
    for (size_t d = 0; d < ev->directive_count; d++)
        pairs += kpi__directive(ev, d)->extra->goal_count;
    /* One slot past the goals, where the unknown codes are counted. */
    const kpi__strmap *index = kpi__evaluation_index(ev);
    refs->first = kpi__calloc(ev->count + 2, sizeof *refs->first);
    refs->at = kpi__calloc(pairs + 1, sizeof *refs->at);
    if (!index || !refs->first || !refs->at) {
        kpi__directive_refs_free(refs);
        out->failed = 1;
        return;
    }
    sort_refs(refs, ev, index);
}

void kpi__directive_refs_free(kpi__directive_refs *refs)
{
    kpi__free(refs->first);
    kpi__free(refs->at);
    refs->first = refs->at = NULL;
}

size_t kpi__directive_refs_count(const kpi__directive_refs *refs, const kpi_result *goal)
{
    if (!refs->first)
        return 0;
    size_t g = (size_t)(goal - refs->ev->results);
    return refs->first[g + 1] - refs->first[g];
}

size_t kpi__directive_ref(const kpi__directive_refs *refs, const kpi_result *goal,
                          size_t k)
{
    return refs->at[refs->first[goal - refs->ev->results] + k];
}

/* The issuer every directive shares, or NULL when they differ. */
static const char *common_issuer(const kpi_evaluation *ev)
{
    const char *issuer = NULL;
    for (size_t i = 0; i < ev->directive_count; i++) {
        const char *next = kpi__directive(ev, i)->extra->issuer;
        if (issuer && strcmp(issuer, next) != 0)
            return NULL;
        issuer = next;
    }
    return issuer;
}

/* In Japanese the section is named after who gave the directives, as the
 * city's own report is (市長指示事項); English has no such compound. */
void kpi__display_directives_heading(kpi__strbuf *b, const kpi_evaluation *ev,
                                     kpi_lang lang)
{
    const char *issuer = common_issuer(ev);
    if (lang == KPI_LANG_JA && issuer)
        kpi__strbuf_append(b, issuer);
    kpi__strbuf_append(b, kpi__word(KPI__W_DIRECTIVES, lang));
}

void kpi__display_issued(kpi__strbuf *b, const kpi_result *directive)
{
    kpi__strbuf_append(b, directive->extra->issuer ? directive->extra->issuer : "");
    if (!directive->extra->issued)
        return;
    kpi__strbuf_append(b, " ");
    append_date(b, directive->extra->issued);
}

void kpi__display_addressed(kpi__strbuf *b, const kpi_result *directive, kpi_lang lang)
{
    if (directive->extra->goal_count == 0) {
        kpi__strbuf_append(b, lang == KPI_LANG_EN ? "whole plan" : "計画全体");
        return;
    }
    for (size_t i = 0; i < directive->extra->goal_count; i++) {
        if (i)
            kpi__strbuf_append(b, list_separator(lang));
        kpi__strbuf_append(b, directive->extra->goals[i]);
    }
}

const char *kpi__display_overdue_mark(kpi_lang lang)
{
    return lang == KPI_LANG_EN ? "[OVERDUE]" : "【期限超過】";
}

void kpi__display_directive_state(kpi__strbuf *b, const kpi_result *directive,
                                  kpi_lang lang)
{
    int en = lang == KPI_LANG_EN;
    if (!directive->open)
        kpi__strbuf_append(b, en ? "closed" : "対応済");
    else if (!kpi__has_update(directive))
        kpi__strbuf_append(b, en ? "unanswered" : "未回答");
    else
        kpi__strbuf_append(b, en ? "open" : "対応中");
    if (directive->open && directive->extra->days_open >= 0) {
        char days[KPI__NUMBER_SIZE];
        kpi__number_count(days, (unsigned long long)directive->extra->days_open);
        kpi__strbuf_append(b, en ? ", " : "（");
        kpi__strbuf_append(b, days);
        kpi__strbuf_append(b, en ? " days" : "日経過）");
    }
    if (directive->overdue) {
        kpi__strbuf_append(b, en ? " " : "");
        kpi__strbuf_append(b, kpi__display_overdue_mark(lang));
    }
}

void kpi__display_response_head(kpi__strbuf *b, const kpi_result *directive,
                                kpi_lang lang)
{
    if (kpi__has_update(directive))
        kpi__display_update_head(b, directive, lang);
    else
        kpi__strbuf_append(b, lang == KPI_LANG_EN ? "no response" : "回答なし");
}

/* The first line of text, cut after max characters with "…"; blanks for
 * control characters, so that the reference stays one line. Only what is
 * shown is read: a directive's text may be long and every goal it
 * addresses shows it, so measuring it whole each time would cost its
 * length times its goals. */
static void append_short(kpi__strbuf *b, const char *text, size_t max)
{
    /* A character takes at most 4 bytes; one more tells whether it goes on. */
    size_t n = 0, chars = 0;
    while (n < 4 * (max + 1) && text[n])
        n++;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t len = kpi__utf8_next(text + i, n - i, &cp);
        if (cp == '\n' || cp == '\r' || chars == max) {
            kpi__strbuf_append(b, "…");
            return;
        }
        if (cp < 0x20)
            kpi__strbuf_append(b, " ");
        else
            kpi__strbuf_append_n(b, text + i, len);
        i += len;
        chars++;
    }
}

void kpi__display_directive_ref(kpi__strbuf *b, const kpi_result *directive,
                                kpi_lang lang)
{
    const char *text = directive->title ? directive->title : "";
    const char *issuer = directive->extra->issuer ? directive->extra->issuer : "";
    if (lang == KPI_LANG_EN)
        kpi__strbuf_printf(b, "%s %s (%s) ", kpi__word(KPI__W_DIRECTIVE, lang),
                           directive->code, issuer);
    else
        kpi__strbuf_printf(b, "%s%s %s ", issuer, kpi__word(KPI__W_DIRECTIVE, lang),
                           directive->code);
    /* The state before the text, so that the overdue mark stands out and
     * is not split when the line wraps. */
    kpi__display_directive_state(b, directive, lang);
    kpi__strbuf_append(b, lang == KPI_LANG_EN ? ": " : "「");
    append_short(b, text, REF_CHARS);
    kpi__strbuf_append(b, lang == KPI_LANG_EN ? "" : "」");
}

void kpi__display_goal_codes(kpi__strbuf *built, const kpi_result *directive)
{
    built->length = 0;
    KPI__STRBUF_LITERAL(built, "");
    for (size_t i = 0; i < directive->extra->goal_count; i++) {
        if (i)
            KPI__STRBUF_LITERAL(built, ";");
        kpi__strbuf_append(built, directive->extra->goals[i]);
    }
}
