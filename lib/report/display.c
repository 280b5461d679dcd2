/* The display layer of the reports: the words every format uses and the
 * forms of numbers, percents and dates, so that the five formats and the
 * reason lines show the same thing the same way. */
#include "report/display.h"
#include "util/number.h"

#include <math.h>
#include <stdio.h>

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

const char *kpi__object_name(kpi_object kind)
{
    static const char *const names[] = {"plan", "goal", "target"};
    return (int)kind >= 0 && kind <= KPI_OBJECT_TARGET ? names[kind] : "";
}

const char *kpi__inferred_mark(const kpi_result *result, kpi_lang lang)
{
    if (!result->inferred)
        return "";
    return lang == KPI_LANG_EN ? "*" : "＊";
}

const char *kpi__rollup_label(kpi_rollup rollup, kpi_lang lang)
{
    static const char *const labels[][2] = {
        {"評価基準どおり", "criteria"},
        {"最低評価", "worst"},
        {"加重平均", "weighted mean"},
    };
    if ((int)rollup < 0 || rollup > KPI_ROLLUP_WEIGHTED)
        return "";
    return labels[rollup][lang == KPI_LANG_EN];
}

void kpi__display_number(char *buf, double value)
{
    kpi__number_display(buf, value);
}

void kpi__display_percent(char *buf, double fraction)
{
    buf[0] = '\0';
    if (isnan(fraction))
        return;
    /* Written into a number buffer and cut to 30 characters before the %,
     * so that it fits buf's 32 bytes whatever the value (the fuzzer found
     * 1e300 overflowing it). */
    char number[KPI__NUMBER_SIZE];
    kpi__number_fixed(number, fraction * 100, 0);
    snprintf(buf, 32, "%.30s%%", number);
}

void kpi__display_date(char *buf, int32_t date)
{
    buf[0] = '\0';
    if (date)
        snprintf(buf, 16, "%04d-%02d-%02d", (int)(date / 10000), (int)(date / 100 % 100),
                 (int)(date % 100));
}
