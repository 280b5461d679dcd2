/* kpi_evaluation_render(): argument checks, the choice of format, and the
 * words and value forms every format shares. */
#include "render.h"
#include "error.h"
#include "number.h"

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

const char *kpi__result_kind_name(kpi_result_kind kind)
{
    static const char *const names[] = {"plan", "goal", "target"};
    return (int)kind >= 0 && kind <= KPI_RESULT_TARGET ? names[kind] : "";
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

char *kpi__render_reason(const kpi_result *r, kpi_lang lang)
{
    if (r->kind == KPI_RESULT_TARGET)
        return kpi__reason_target(r, lang);
    return kpi__reason_goal(r, r->evaluation->policy.rollup, lang);
}

void kpi__render_number(char *buf, double value)
{
    kpi__number_display(buf, value);
}

void kpi__render_percent(char *buf, double fraction)
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

void kpi__render_date(char *buf, int32_t date)
{
    buf[0] = '\0';
    if (date)
        snprintf(buf, 16, "%04d-%02d-%02d", (int)(date / 10000), (int)(date / 100 % 100),
                 (int)(date % 100));
}

static const char *const format_names[] = {"text", "markdown", "json", "csv", "html"};

const char *kpi_format_name(kpi_format format)
{
    if ((int)format < 0 || format > KPI_FORMAT_HTML)
        return "";
    return format_names[format];
}

int kpi_format_parse(kpi_format *out, const char *name)
{
    if (!out)
        return kpi__error_null("kpi_format_parse", "out");
    if (!name)
        return kpi__error_null("kpi_format_parse", "name");
    for (int f = KPI_FORMAT_TEXT; f <= KPI_FORMAT_HTML; f++) {
        if (strcmp(name, format_names[f]) == 0) {
            *out = (kpi_format)f;
            return KPI_OK;
        }
    }
    if (strcmp(name, "md") == 0) {
        *out = KPI_FORMAT_MARKDOWN;
        return KPI_OK;
    }
    char quoted[KPI__CLIP_SIZE];
    return kpi__error(
        KPI_ERR_VALUE,
        "\"%s\" is not a format: expected text, markdown, json, csv or html",
        kpi__clip(quoted, name));
}

static int check_render(char **out, const kpi_evaluation *ev, kpi_format format,
                        kpi_lang lang, int32_t width)
{
    if (!out)
        return kpi__error_null("kpi_evaluation_render", "out");
    *out = NULL;
    if (!ev)
        return kpi__error_null("kpi_evaluation_render", "evaluation");
    if ((int)format < 0 || format > KPI_FORMAT_HTML)
        return kpi__error(KPI_ERR_VALUE, "render: format must be 0..4, got %d",
                          (int)format);
    if ((int)lang < 0 || lang > KPI_LANG_EN)
        return kpi__error(KPI_ERR_VALUE,
                          "render: language must be 0 (ja) or 1 (en), got %d", (int)lang);
    if (width != 0 && width < 40)
        return kpi__error(KPI_ERR_VALUE, "render: width must be 0 or at least 40, got %d",
                          (int)width);
    return KPI_OK;
}

static void dispatch(kpi__strbuf *b, const kpi_evaluation *ev, kpi_format format,
                     kpi_lang lang, int32_t width)
{
    switch (format) {
    case KPI_FORMAT_TEXT:
        kpi__render_text(b, ev, lang, width ? width : 100);
        break;
    case KPI_FORMAT_MARKDOWN:
        kpi__render_markdown(b, ev, lang);
        break;
    case KPI_FORMAT_JSON:
        kpi__render_json(b, ev, lang);
        break;
    case KPI_FORMAT_CSV:
        kpi__render_csv(b, ev, lang);
        break;
    case KPI_FORMAT_HTML:
        kpi__render_html(b, ev, lang);
        break;
    }
}

int kpi_evaluation_render(char **out, size_t *size, const kpi_evaluation *ev,
                          kpi_format format, kpi_lang lang, int32_t width)
{
    int rc = check_render(out, ev, format, lang, width);
    if (rc != KPI_OK)
        return rc;
    kpi__strbuf b = {0};
    kpi__c_numeric locale;
    kpi__c_numeric_enter(&locale);
    dispatch(&b, ev, format, lang, width);
    kpi__c_numeric_leave(&locale);
    size_t length = b.length;
    *out = kpi__strbuf_finish(&b);
    if (!*out)
        return kpi__error_nomem();
    if (size)
        *size = length;
    return KPI_OK;
}
