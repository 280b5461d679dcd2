/* The one-line reasons of a result, in Japanese or English, e.g.
 *   32件 / 目標30件以上 (107%), 期待値15.0 (経過50%) → ◎
 *   32 件 / target 30 件 or more (107%), expected 15.0 (50% elapsed) → ◎
 * They are built from the result alone, so the evaluation needs nothing
 * else from the plan, and only when asked for: kpi_evaluate() does no text
 * formatting, and a program that reads only ratings never pays for them. */
#include "rules/evaluation.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/number.h"
#include "util/strbuf.h"

#include <math.h>
#include <stdio.h>

/* Words that differ by language, indexed by kpi_lang. */
struct words {
    const char *actual_none, *target_prefix, *more, *less, *target_none;
    const char *expected, *elapsed_before, *elapsed_after, *progress, *due, *unrated;
    const char *assessed, *computed, *computed_none, *unrated_children;
    const char *criteria, *worst, *weighted;
    const char *unit_space;
};

static const struct words words[] = {
    {"実績なし", " / 目標", "以上", "以下", " / 目標未設定", ", 期待値", "経過", "",
     "進捗", "期限", "未評価: ", "担当者評価", "計算では", "計算では未評価", "未評価",
     "評価基準", "最低評価", "加重平均", ""},
    {"no figure", " / target ", " or more", " or less", " / no target", ", expected ", "",
     " elapsed", "progress ", "due ", "unrated: ", "assessed", "computed",
     "computed: unrated", "unrated", "criteria", "worst", "weighted mean ", " "},
};

/* A fraction as a whole percent: "107%" for 1.0667. */
static void append_percent(kpi__strbuf *b, double fraction)
{
    char number[KPI__NUMBER_SIZE];
    kpi__number_fixed(number, fraction * 100, 0);
    kpi__strbuf_append(b, number);
    kpi__strbuf_append(b, "%");
}

static void append_number(kpi__strbuf *b, double x)
{
    char text[KPI__NUMBER_SIZE];
    kpi__number_display(text, x);
    kpi__strbuf_append(b, text);
}

static void append_quantity(kpi__strbuf *b, double x, const kpi_result *r,
                            const struct words *w)
{
    append_number(b, x);
    if (r->unit && *r->unit) {
        kpi__strbuf_append(b, w->unit_space);
        kpi__strbuf_append(b, r->unit);
    }
}

static void append_date(kpi__strbuf *b, int32_t date)
{
    kpi__strbuf_printf(b, "%04d-%02d-%02d", (int)(date / 10000), (int)(date / 100 % 100),
                       (int)(date % 100));
}

/* "→ ◎", "→ 未評価: 実績なし", "→ ○ (担当者評価 2017-09-30、計算では◎)". */
static void append_verdict(kpi__strbuf *b, const kpi_result *r, kpi_lang lang)
{
    const struct words *w = &words[lang];
    kpi__strbuf_append(b, " → ");
    if (r->rating == KPI_RATING_NONE) {
        kpi__strbuf_append(b, w->unrated);
        kpi__strbuf_append(b, kpi_unrated_label(r->unrated, lang));
        return;
    }
    kpi__strbuf_append(b, kpi_rating_symbol(r->rating));
    if (!r->assessed)
        return;
    kpi__strbuf_printf(b, " (%s ", w->assessed);
    append_date(b, r->assessment_date);
    kpi__strbuf_append(b, lang == KPI_LANG_JA ? "、" : "; ");
    if (r->computed == KPI_RATING_NONE)
        kpi__strbuf_append(b, w->computed_none);
    else
        kpi__strbuf_printf(b, "%s%s%s", w->computed, lang == KPI_LANG_JA ? "" : " ",
                           kpi_rating_symbol(r->computed));
    kpi__strbuf_append(b, ")");
}

static void append_expected(kpi__strbuf *b, const kpi_result *r, const struct words *w)
{
    if (isnan(r->expected))
        return;
    char number[KPI__NUMBER_SIZE];
    kpi__number_fixed(number, r->expected, 1);
    kpi__strbuf_append(b, w->expected);
    kpi__strbuf_append(b, number);
    if (isnan(r->elapsed))
        return;
    kpi__strbuf_append(b, " (");
    kpi__strbuf_append(b, w->elapsed_before);
    append_percent(b, r->elapsed);
    kpi__strbuf_append(b, w->elapsed_after);
    kpi__strbuf_append(b, ")");
}

static void append_numeric(kpi__strbuf *b, const kpi_result *r, const struct words *w)
{
    if (isnan(r->actual))
        kpi__strbuf_append(b, w->actual_none);
    else
        append_quantity(b, r->actual, r, w);
    if (isnan(r->target)) {
        kpi__strbuf_append(b, w->target_none);
    } else {
        kpi__strbuf_append(b, w->target_prefix);
        append_quantity(b, r->target, r, w);
        kpi__strbuf_append(b, r->direction == KPI_DIRECTION_INCREASE ? w->more : w->less);
    }
    if (!isnan(r->achievement)) {
        kpi__strbuf_append(b, " (");
        append_percent(b, r->achievement);
        kpi__strbuf_append(b, ")");
    }
    append_expected(b, r, w);
}

/* A milestone reads as progress against its due date. */
static void append_milestone(kpi__strbuf *b, const kpi_result *r, const struct words *w)
{
    if (isnan(r->actual))
        kpi__strbuf_append(b, w->actual_none);
    else {
        kpi__strbuf_append(b, w->progress);
        append_percent(b, r->actual);
    }
    kpi__strbuf_printf(b, " / %s", w->due);
    append_date(b, r->due);
}

static char *build_target(const kpi_result *r, kpi_lang lang)
{
    const struct words *w = &words[lang];
    kpi__strbuf b = {0};
    if (r->target_kind == KPI_KIND_MILESTONE)
        append_milestone(&b, r, w);
    else if (r->target_kind == KPI_KIND_NUMERIC)
        append_numeric(&b, r, w);
    else if (!isnan(r->actual))
        append_quantity(&b, r->actual, r, w);
    else
        kpi__strbuf_append(&b, w->actual_none);
    append_verdict(&b, r, lang);
    return kpi__strbuf_finish(&b);
}

static void append_counts(kpi__strbuf *b, const kpi_result *r, kpi_lang lang)
{
    for (int rating = KPI_RATING_AHEAD; rating >= KPI_RATING_NOT_PROGRESSED; rating--)
        kpi__strbuf_printf(b, "%s%s%zu", rating == KPI_RATING_AHEAD ? "" : " ",
                           kpi_rating_symbol((kpi_rating)rating),
                           r->rating_counts[rating]);
    size_t unrated = 0;
    for (int reason = 1; reason < KPI__UNRATED_COUNT; reason++)
        unrated += r->unrated_counts[reason];
    if (!unrated)
        return;
    kpi__strbuf_printf(b, " / %s%s%zu (", words[lang].unrated_children,
                       lang == KPI_LANG_JA ? "" : " ", unrated);
    const char *separator = "";
    for (int reason = 1; reason < KPI__UNRATED_COUNT; reason++) {
        if (!r->unrated_counts[reason])
            continue;
        kpi__strbuf_printf(b, "%s%s%s%zu", separator,
                           kpi_unrated_label((kpi_unrated)reason, lang),
                           lang == KPI_LANG_JA ? "" : " ", r->unrated_counts[reason]);
        separator = ", ";
    }
    kpi__strbuf_append(b, ")");
}

static void append_rule(kpi__strbuf *b, const kpi_result *r, kpi_rollup rollup,
                        const struct words *w)
{
    if (r->computed == KPI_RATING_NONE)
        return;
    if (rollup == KPI_ROLLUP_WEIGHTED)
        kpi__strbuf_printf(b, " [%s%.2f]", w->weighted, r->mean_score);
    else
        kpi__strbuf_printf(b, " [%s]",
                           rollup == KPI_ROLLUP_WORST ? w->worst : w->criteria);
}

static char *build_goal(const kpi_result *r, kpi_rollup rollup, kpi_lang lang)
{
    kpi__strbuf b = {0};
    append_counts(&b, r, lang);
    append_verdict(&b, r, lang);
    append_rule(&b, r, rollup, &words[lang]);
    return kpi__strbuf_finish(&b);
}

const char *kpi_result_reason(const kpi_result *result, kpi_lang lang)
{
    if (!result) {
        kpi__error_null("kpi_result_reason", "result");
        return NULL;
    }
    if ((int)lang < 0 || (int)lang >= KPI__LANG_COUNT) {
        kpi__error(KPI_ERR_VALUE, "kpi_result_reason: %d is no language", (int)lang);
        return NULL;
    }
    /* The cache belongs to the evaluation, which the caller shares as
     * const: the line is the same whoever builds it, so building it is not
     * a change anyone can see, and the slot is atomic. */
    _Atomic(char *) *slot = (_Atomic(char *) *)&result->reasons[lang];
    char *line = atomic_load(slot);
    if (line)
        return line;
    line = result->kind == KPI_OBJECT_TARGET
               ? build_target(result, lang)
               : build_goal(result, result->evaluation->policy.rollup, lang);
    if (!line) {
        kpi__error_nomem();
        return NULL;
    }
    char *expected = NULL;
    if (!atomic_compare_exchange_strong(slot, &expected, line)) {
        kpi__free(line); /* another thread was first: use its line */
        line = expected;
    }
    return line;
}
