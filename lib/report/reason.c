/* The one-line reasons of a result, in Japanese or English, e.g.
 *   32件 / 目標30件以上 (107%), 期待値15.0 (経過50%) → ◎
 *   32 件 / target 30 件 or more (107%), expected 15.0 (50% elapsed) → ◎
 *   予定 2017-09-30（予定日 2017-10-31、期限2018-03-31）, 実績なし / ... → ○
 *   中止 2017-09-30 → 未評価: 中止
 * naming what was reported (status, planned date, the update's date) as
 * well as the figures, so that a rating never rests on anything unsaid.
 * They are built from the result alone, so the evaluation needs nothing
 * else from the plan, and only when asked for: kpi_evaluate() does no text
 * formatting, and a program that reads only ratings never pays for them. */
#include "report/display.h"
#include "util/alloc.h"
#include "util/error.h"

#include <math.h>

/* The reason's own words, indexed by kpi_lang; the forms of values come
 * from the display layer (display.h), as in every format. */
struct words {
    const char *actual_none, *target_prefix, *target_none;
    const char *expected, *elapsed_before, *elapsed_after, *progress;
    const char *assessed, *computed, *computed_none, *unrated_children;
    const char *inferred;
};

static const struct words words[] = {
    {"実績なし", " / 目標", " / 目標未設定", ", 期待値", "経過", "", "進捗", "担当者評価",
     "計算では", "計算では未評価", "未評価", "（進捗状況から読取）"},
    {"no figure", " / target ", " / no target", ", expected ", "", " elapsed",
     "progress ", "assessed", "computed", "computed: unrated", "unrated",
     " (read from the text)"},
};

/* A fraction as a whole percent: "107%" for 1.0667. */
static void append_percent(kpi__strbuf *b, double fraction)
{
    char percent[KPI__NUMBER_SIZE];
    kpi__number_percent(percent, fraction);
    kpi__strbuf_append(b, percent);
}

static void append_date(kpi__strbuf *b, int32_t date)
{
    char iso[KPI__DATE_ISO_SIZE];
    kpi__date_iso(iso, date);
    kpi__strbuf_append(b, iso);
}

/* "→ ◎", "→ 未評価: 実績なし", "→ ○ (担当者評価 2017-09-30、計算では◎)". */
static void append_verdict(kpi__strbuf *b, const kpi_result *r, kpi_lang lang)
{
    const struct words *w = &words[lang];
    kpi__strbuf_append(b, " → ");
    if (r->rating == KPI_RATING_NONE) {
        kpi__display_unrated(b, r->unrated, lang);
        return;
    }
    kpi__strbuf_append(b, kpi_rating_symbol(r->rating));
    if (!r->assessed)
        return;
    KPI__STRBUF_LITERAL(b, " (");
    kpi__strbuf_append(b, w->assessed);
    KPI__STRBUF_LITERAL(b, " ");
    append_date(b, r->assessment_date);
    kpi__strbuf_append(b, lang == KPI_LANG_JA ? "、" : "; ");
    if (r->computed == KPI_RATING_NONE)
        kpi__strbuf_append(b, w->computed_none);
    else {
        kpi__strbuf_append(b, w->computed);
        kpi__strbuf_append(b, lang == KPI_LANG_JA ? "" : " ");
        kpi__strbuf_append(b, kpi_rating_symbol(r->computed));
    }
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

static void append_actual(kpi__strbuf *b, const kpi_result *r, kpi_lang lang)
{
    if (isnan(r->actual)) {
        kpi__strbuf_append(b, words[lang].actual_none);
        return;
    }
    kpi__display_quantity(b, r, r->actual, lang);
    if (r->figure_inferred)
        kpi__strbuf_append(b, words[lang].inferred);
}

/* What was reported, the evidence the rating rests on besides figures,
 * in the form every report shows an update in: "準備中 2017-09-30",
 * "予定 2017-09-30（予定日 2017-10-31、期限2018-03-31）". The deadline is
 * named for a scheduled target that is not a milestone (a milestone's
 * line names it already): the planned date is weighed against it. */
static void append_status(kpi__strbuf *b, const kpi_result *r, kpi_lang lang)
{
    int weighed = r->status == KPI_STATUS_SCHEDULED && r->kind == KPI_OBJECT_TARGET &&
                  r->target_kind != KPI_KIND_MILESTONE;
    kpi__display_status_head(b, r->status, r->status_date, r->planned,
                             weighed ? r->due : 0, lang);
    if (r->status_inferred)
        kpi__strbuf_append(b, words[lang].inferred);
}

static void append_numeric(kpi__strbuf *b, const kpi_result *r, kpi_lang lang)
{
    const struct words *w = &words[lang];
    append_actual(b, r, lang);
    if (isnan(r->target)) {
        kpi__strbuf_append(b, w->target_none);
    } else {
        kpi__strbuf_append(b, w->target_prefix);
        kpi__display_target(b, r, lang);
    }
    if (!isnan(r->achievement)) {
        kpi__strbuf_append(b, " (");
        append_percent(b, r->achievement);
        kpi__strbuf_append(b, ")");
    }
    append_expected(b, r, w);
}

/* A milestone reads as progress against its due date. */
static void append_milestone(kpi__strbuf *b, const kpi_result *r, kpi_lang lang)
{
    if (!isnan(r->actual))
        kpi__strbuf_append(b, words[lang].progress);
    append_actual(b, r, lang);
    char due[KPI__DUE_SIZE];
    kpi__display_due(due, r->due, lang);
    kpi__strbuf_append(b, " / ");
    kpi__strbuf_append(b, due);
}

static void build_target(kpi__strbuf *b, const kpi_result *r, kpi_lang lang)
{
    if (r->status != KPI_STATUS_NONE) {
        append_status(b, r, lang);
        if (r->status == KPI_STATUS_CANCELLED) { /* no figure matters any more */
            append_verdict(b, r, lang);
            return;
        }
        KPI__STRBUF_LITERAL(b, ", ");
    }
    if (r->target_kind == KPI_KIND_MILESTONE)
        append_milestone(b, r, lang);
    else if (r->target_kind == KPI_KIND_NUMERIC)
        append_numeric(b, r, lang);
    else
        append_actual(b, r, lang);
    append_verdict(b, r, lang);
}

static void append_count(kpi__strbuf *b, size_t count)
{
    char *p = kpi__strbuf_room(b, KPI__NUMBER_SIZE);
    if (p)
        kpi__strbuf_commit(b, kpi__number_count(p, count));
}

/* " / 未評価 2 (実績なし 1, 期限前で実績なし 1)": the unrated children. */
static void append_unrated_counts(kpi__strbuf *b, const kpi_result *r, kpi_lang lang)
{
    const char *blank = lang == KPI_LANG_JA ? "" : " ";
    size_t unrated = 0;
    for (int reason = 1; reason < KPI__UNRATED_COUNT; reason++)
        unrated += r->extra->unrated_counts[reason];
    if (!unrated)
        return;
    KPI__STRBUF_LITERAL(b, " / ");
    kpi__strbuf_append(b, words[lang].unrated_children);
    kpi__strbuf_append(b, blank);
    append_count(b, unrated);
    KPI__STRBUF_LITERAL(b, " (");
    const char *separator = "";
    for (int reason = 1; reason < KPI__UNRATED_COUNT; reason++) {
        if (!r->extra->unrated_counts[reason])
            continue;
        kpi__strbuf_append(b, separator);
        kpi__strbuf_append(b, kpi_unrated_label((kpi_unrated)reason, lang));
        kpi__strbuf_append(b, blank);
        append_count(b, r->extra->unrated_counts[reason]);
        separator = ", ";
    }
    KPI__STRBUF_LITERAL(b, ")");
}

static void append_counts(kpi__strbuf *b, const kpi_result *r, kpi_lang lang)
{
    for (int rating = KPI_RATING_AHEAD; rating >= KPI_RATING_NOT_PROGRESSED; rating--) {
        if (rating != KPI_RATING_AHEAD)
            KPI__STRBUF_LITERAL(b, " ");
        kpi__strbuf_append(b, kpi_rating_symbol((kpi_rating)rating));
        append_count(b, r->extra->rating_counts[rating]);
    }
    append_unrated_counts(b, r, lang);
}

/* " [評価基準]", " [weighted mean 2.00]": the rule that rated the goal. */
static void append_rule(kpi__strbuf *b, const kpi_result *r, kpi_rollup rollup,
                        kpi_lang lang)
{
    if (r->computed == KPI_RATING_NONE)
        return;
    KPI__STRBUF_LITERAL(b, " [");
    kpi__strbuf_append(b, kpi_rollup_label(rollup, lang));
    if (rollup == KPI_ROLLUP_WEIGHTED) {
        char score[KPI__NUMBER_SIZE];
        kpi__number_fixed(score, r->extra->mean_score, 2);
        kpi__strbuf_append(b, lang == KPI_LANG_JA ? "" : " ");
        kpi__strbuf_append(b, score);
    }
    kpi__strbuf_append(b, "]");
}

static void build_goal(kpi__strbuf *b, const kpi_result *r, kpi_rollup rollup,
                       kpi_lang lang)
{
    if (r->status == KPI_STATUS_CANCELLED) {
        append_status(b, r, lang);
        append_verdict(b, r, lang);
        return;
    }
    append_counts(b, r, lang);
    append_verdict(b, r, lang);
    append_rule(b, r, rollup, lang);
}

/* A directive's follow-up, in the forms of the directives section:
 * "未回答（121日経過）【期限超過】", "対応済: 完了 2017-09-15",
 * "open, 121 days: preparing 2017-09-15". */
static void build_directive(kpi__strbuf *b, const kpi_result *r, kpi_lang lang)
{
    kpi__display_directive_state(b, r, lang);
    if (kpi__has_update(r)) {
        KPI__STRBUF_LITERAL(b, ": ");
        kpi__display_update_head(b, r, lang);
    }
}

/* ---- on a scale (docs/scales.md): what decided the level ---------------- */

struct level_words {
    const char *measures[3];                  /* by kpi__measure */
    const char *ops_before[4], *ops_after[4]; /* by kpi__op, around the bound */
    const char *otherwise, *worst, *weighted, *rules, *separator;
};

static const struct level_words level_words[] = {
    {{"進捗率", "達成率", "基準値比"},
     {"", "", "", ""},
     {"以上", "超", "以下", "未満"},
     "他の条件に当たらず",
     "最も低い水準",
     "加重平均",
     "尺度の規則",
     "、"},
    {{"pace ", "achievement ", "change "},
     {"", "over ", "", "under "},
     {" or more", "", " or less", ""},
     "no other condition held",
     "worst level",
     "weighted mean",
     "the scale's rules",
     "; "},
};

/* " → S" */
static void append_level_symbol(kpi__strbuf *b, const kpi_result *r)
{
    KPI__STRBUF_LITERAL(b, " → ");
    kpi__strbuf_append(b, kpi__display_level(r));
}

/* "達成率92% (90%以上)", "基準値比+12% (10%超)": a comparison that held. */
static void append_term(kpi__strbuf *b, const kpi__term *t, double value, kpi_lang lang)
{
    const struct level_words *w = &level_words[lang];
    kpi__strbuf_append(b, w->measures[t->measure]);
    if (t->measure == KPI__MEASURE_CHANGE && value > 0)
        KPI__STRBUF_LITERAL(b, "+");
    append_percent(b, value);
    KPI__STRBUF_LITERAL(b, " (");
    kpi__strbuf_append(b, w->ops_before[t->op]);
    append_percent(b, t->number);
    kpi__strbuf_append(b, w->ops_after[t->op]);
    KPI__STRBUF_LITERAL(b, ")");
}

/* After the rating's line: "、達成率92% (90%以上) → B", "、完了 → F", " → A". */
static void append_target_level(kpi__strbuf *b, const kpi_result *r, kpi_lang lang)
{
    const struct level_words *w = &level_words[lang];
    const kpi_scale *s = r->evaluation->scale;
    if (r->level < 0)
        return;
    if (r->level_cause == KPI_LEVEL_CAUSE_STATUS) {
        kpi__strbuf_append(b, w->separator);
        kpi__strbuf_append(b, kpi_status_label((kpi_status)r->status, lang));
    } else if (r->level_cause == KPI_LEVEL_CAUSE_CONDITION) {
        const kpi__level *l = &s->levels[r->level];
        kpi__strbuf_append(b, w->separator);
        for (size_t i = 0; i < l->term_count; i++) {
            if (i)
                kpi__strbuf_append(b, lang == KPI_LANG_JA ? "かつ" : " and ");
            append_term(b, &l->terms[i], kpi__scale_measure(r, l->terms[i].measure),
                        lang);
        }
        if (!l->term_count)
            kpi__strbuf_append(b, w->otherwise);
    }
    append_level_symbol(b, r);
}

static void append_level_counts(kpi__strbuf *b, const kpi_result *r, kpi_lang lang)
{
    const kpi_scale *s = r->evaluation->scale;
    for (size_t level = 0; level < kpi_scale_level_count(s); level++) {
        if (level)
            KPI__STRBUF_LITERAL(b, " ");
        kpi__strbuf_append(b, kpi_scale_level_symbol(s, level));
        append_count(b, kpi_result_count_level(r, level));
    }
    append_unrated_counts(b, r, lang);
}

/* The weighted mean of the children's level scores, as the roll-up took
 * it (rules/scale_rate.c); NaN when no child has a level. */
static double mean_level_score(const kpi_result *r)
{
    const kpi_evaluation *ev = r->evaluation;
    double weighted = 0, weights = 0;
    for (size_t i = 0; i < r->child_count; i++) {
        const kpi_result *c = &ev->results[ev->children[r->first_child + i]];
        if (c->level < 0)
            continue;
        weighted += c->weight * ev->scale->levels[c->level].score;
        weights += c->weight;
    }
    return weights > 0 ? weighted / weights : (double)NAN;
}

/* A goal on a scale: its children's levels, the level and the roll-up
 * that gave it: "S0 A3 B1 C0 → B [最も低い水準]". */
static void build_goal_level(kpi__strbuf *b, const kpi_result *r, kpi_lang lang)
{
    const struct level_words *w = &level_words[lang];
    const kpi_scale *s = r->evaluation->scale;
    if (r->level_cause == KPI_LEVEL_CAUSE_STATUS || r->status == KPI_STATUS_CANCELLED) {
        append_status(b, r, lang);
        if (r->level >= 0)
            append_level_symbol(b, r);
        else
            append_verdict(b, r, lang);
        return;
    }
    append_level_counts(b, r, lang);
    if (r->level < 0) {
        append_verdict(b, r, lang);
        return;
    }
    append_level_symbol(b, r);
    if (r->level_cause != KPI_LEVEL_CAUSE_ROLLUP)
        return;
    KPI__STRBUF_LITERAL(b, " [");
    double mean = mean_level_score(r);
    if (s->rollup == KPI_LEVEL_ROLLUP_WEIGHTED && !isnan(mean)) {
        char score[KPI__NUMBER_SIZE];
        kpi__number_fixed(score, mean, 2);
        kpi__strbuf_append(b, w->weighted);
        kpi__strbuf_append(b, lang == KPI_LANG_JA ? "" : " ");
        kpi__strbuf_append(b, score);
    } else {
        kpi__strbuf_append(b, s->rollup == KPI_LEVEL_ROLLUP_RULES ? w->rules : w->worst);
    }
    kpi__strbuf_append(b, "]");
}

/* Appends the line to b. */
static void build(kpi__strbuf *b, const kpi_result *r, kpi_lang lang)
{
    const kpi_policy *policy = &r->evaluation->policy;
    int on_scale = !r->evaluation->default_scale;
    switch (r->kind) {
    case KPI_OBJECT_TARGET:
        build_target(b, r, lang);
        if (on_scale)
            append_target_level(b, r, lang);
        break;
    case KPI_OBJECT_DIRECTIVE:
        build_directive(b, r, lang);
        break;
    default:
        if (on_scale)
            build_goal_level(b, r, lang);
        else
            build_goal(b, r, policy->rollup, lang);
        break;
    }
}

const char *kpi__display_reason(kpi__strbuf *out, const kpi_result *result, kpi_lang lang)
{
    const char *reason = kpi_result_reason(result, lang);
    if (!reason)
        out->failed = 1;
    return reason ? reason : "";
}

/* The slot of result's line in lang, in the evaluation's table for lang;
 * the table is made on the first request when make is set (NULL, and
 * KPI_ERR_NOMEM recorded, when it cannot be), else NULL while there is none.
 * The cache belongs to the evaluation, which the caller shares as const:
 * the line is the same whoever builds it, so building it is not a change
 * anyone can see, and tables and slots are atomic. */
static _Atomic(char *) *reason_slot(const kpi_result *result, kpi_lang lang, int make)
{
    kpi_evaluation *ev = (kpi_evaluation *)result->evaluation;
    _Atomic(char *) *table = atomic_load(&ev->reasons[lang]);
    if (!table && make) {
        _Atomic(char *) *fresh =
            kpi__calloc(ev->count + ev->directive_count, sizeof *fresh);
        if (!fresh)
            return NULL;
        /* (zeroed: every slot a null pointer) */
        if (atomic_compare_exchange_strong(&ev->reasons[lang], &table, fresh))
            table = fresh;
        else
            kpi__free(fresh); /* another thread was first: table is its */
    }
    return table ? &table[result - ev->results] : NULL;
}

const char *kpi__display_reason_scratch(kpi__strbuf *scratch, kpi__strbuf *out,
                                        const kpi_result *result, kpi_lang lang)
{
    _Atomic(char *) *slot = reason_slot(result, lang, 0);
    const char *cached = slot ? atomic_load(slot) : NULL;
    if (cached)
        return cached;
    scratch->length = 0;
    build(scratch, result, lang);
    if (!kpi__strbuf_room(scratch, 0)) { /* failed, or nothing built yet */
        out->failed = 1;
        return "";
    }
    return scratch->data;
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
    _Atomic(char *) *slot = reason_slot(result, lang, 1);
    if (!slot)
        return NULL;
    char *line = atomic_load(slot);
    if (line)
        return line;
    kpi__strbuf b = {0};
    build(&b, result, lang);
    line = kpi__strbuf_finish(&b);
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
