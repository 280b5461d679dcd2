/* The display layer of the reports: the words every format uses and the
 * forms made of a result's values (its symbol, target, quantities, dates),
 * so that the five formats and the reason lines show the same thing the
 * same way. Numbers, dates and names themselves are formatted below, in
 * util/number.c, util/date.c and model/names.c. */
#include "report/display.h"

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
    [KPI__W_NOTES] = {"市長指示事項・備考", "Notes"},
    [KPI__W_ROLLUP] = {"集計方法", "Roll-up"},
    [KPI__W_INFERRED] = {"期限・数値目標等の文言から読み取った目標",
                         "target read from its wording"},
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
    if (result->target_kind == KPI_KIND_NUMERIC && (int)result->direction >= 0 &&
        result->direction <= KPI_DIRECTION_DECREASE)
        kpi__strbuf_append(b, comparisons[result->direction][lang == KPI_LANG_EN]);
}

void kpi__display_due(char buf[KPI__DUE_SIZE], int32_t date, kpi_lang lang)
{
    char iso[KPI__DATE_ISO_SIZE];
    kpi__date_iso(iso, date);
    snprintf(buf, KPI__DUE_SIZE, "%s%s", lang == KPI_LANG_EN ? "due " : "期限", iso);
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
    for (size_t i = 0; i < goal->child_count; i++)
        if (kpi_result_child_at(goal, i)->kind == KPI_OBJECT_TARGET)
            return 1;
    return 0;
}
