/* Internal: the display layer of the reports, shared by every format and
 * by the reason lines. */
#ifndef KPI_LIB_REPORT_DISPLAY_H
#define KPI_LIB_REPORT_DISPLAY_H

#include "rules/evaluation.h"
#include "util/date.h"
#include "util/number.h"
#include "util/strbuf.h"

/* Words every format uses, so that the reports agree with each other. */
typedef enum kpi__word_id {
    KPI__W_REPORT_TITLE, /* 重点目標 進捗状況 / Progress of priority goals */
    KPI__W_ORGANIZATION, /* 団体 / Organization */
    KPI__W_DEPARTMENT,   /* 担当部局 / Department */
    KPI__W_PERIOD,       /* 期間 / Period */
    KPI__W_AS_OF,        /* 基準日 / As of */
    KPI__W_CODE,         /* 番号 / Code */
    KPI__W_GOAL,         /* 重点目標 / Goal */
    KPI__W_INITIATIVE,   /* 取組項目 / Initiative */
    KPI__W_TARGET,       /* 期限・数値目標等 / Target */
    KPI__W_ACTUAL,       /* 実績 / Actual */
    KPI__W_EXPECTED,     /* 期待値 / Expected */
    KPI__W_TARGET_VALUE, /* 目標値 / Target value */
    KPI__W_ACHIEVEMENT,  /* 達成率 / Achievement */
    KPI__W_PACE,         /* 進捗率 / Pace */
    KPI__W_ELAPSED,      /* 経過 / Elapsed */
    KPI__W_RATING,       /* 進捗度 / Rating */
    KPI__W_REASON,       /* 理由 / Reason */
    KPI__W_UNRATED,      /* 未評価 / Unrated */
    KPI__W_ASSESSED,     /* 担当者評価 / Assessed */
    KPI__W_COMPUTED,     /* 計算値 / Computed */
    KPI__W_PLAN_RATING,  /* 全体評価 / Overall rating */
    KPI__W_LEGEND,       /* 評価基準 / Rating scale */
    KPI__W_NOTES,        /* 備考 / Notes (directives have their own section) */
    KPI__W_ROLLUP,       /* 集計方法 / Roll-up */
    KPI__W_INFERRED,     /* the mark's meaning: read from the wording */
    KPI__W_UPDATE,       /* 進捗状況 / Progress: the latest update */
    KPI__W_DIRECTIVES,   /* 指示事項 / Directives: when issuers differ */
    KPI__W_DIRECTIVE,    /* 指示 / Directive: before one directive's code */
    KPI__W_ISSUED,       /* 指示日 / Issued */
    KPI__W_ADDRESSED,    /* 対象 / Goals: the goals a directive is addressed to */
    KPI__W_RESPONSE,     /* 対応 / Response: a directive's latest update */
    KPI__W_STATE,        /* 状況 / State: open or closed */
    KPI__W_CANCELLED,    /* 中止した目標 / Cancelled targets */
    KPI__W_COUNT
} kpi__word_id;

const char *kpi__word(kpi__word_id id, kpi_lang lang);

/* ---- The forms every format and the reason lines show ------------------
 * The pure forms live below the reports, where the plan-file writers reach
 * them too: numbers kpi__number_display() ("15.04") and
 * kpi__number_percent() ("107%"), exact numbers kpi__number_format()
 * (util/number.h); dates kpi__date_iso() ("2017-09-30", util/date.h); the
 * stable names and the words of the enumerations kpi_rating_symbol(),
 * kpi_rating_label(), kpi_unrated_label(), kpi_rollup_label(), ...
 * (model/names.c). What is made of them for a result is here. */

/* The rating's symbol, or the unrated mark "―" for KPI_RATING_NONE. */
const char *kpi__display_symbol(kpi_rating rating);

/* The rating's label ("目標を上回る進捗"), or "未評価" / "Unrated" for
 * KPI_RATING_NONE. */
const char *kpi__display_rating_label(kpi_rating rating, kpi_lang lang);

/* Why a result is unrated, in words: "未評価: 実績なし", "unrated: no
 * figure reported". Appended to b. */
void kpi__display_unrated(kpi__strbuf *b, kpi_unrated reason, kpi_lang lang);

/* A result's level as reports show it (report/display_level.c): its
 * symbol on the evaluation's scale (or how the scale shows its unrated
 * reason), the computed level's symbol, the label in lang, and the class
 * whose colour it takes (a level's own, or the nearest tagged level's).
 * On the default scale each is the rating's display above. */
const char *kpi__display_level(const kpi_result *result);
const char *kpi__display_computed_level(const kpi_result *result);
const char *kpi__display_level_label(const kpi_result *result, kpi_lang lang);
kpi_rating kpi__display_colour(const kpi_result *result);
kpi_rating kpi__level_colour(const kpi_evaluation *evaluation, int32_t level);
/* The unrated reasons a scale shows with a symbol of their own, each
 * symbol once (the legend lists them after the levels); none on the
 * default scale. Returns how many were put in shown. */
size_t kpi__legend_unrated(const kpi_evaluation *evaluation,
                           kpi_unrated shown[KPI__UNRATED_COUNT]);

/* The mark of fields read from a target's wording: "＊", "*". */
const char *kpi__display_mark(kpi_lang lang);

/* The mark in front of a target whose fields were read from its wording
 * by the phrase parser (kpi__display_mark()); "" when none were. */
const char *kpi__inferred_mark(const kpi_result *result, kpi_lang lang);

/* A figure of a result (actual, expected, target): a milestone's as a
 * percent of done ("50%"), any other as a number ("15.04"); "" for NaN.
 * buf holds KPI__NUMBER_SIZE bytes. */
void kpi__display_figure(char *buf, const kpi_result *result, double value);

/* A figure with the target's unit: "32件" in Japanese, "32 件" in English;
 * a milestone's percent has none. Nothing for NaN. Appended to b. */
void kpi__display_quantity(kpi__strbuf *b, const kpi_result *result, double value,
                           kpi_lang lang);

/* The target with its unit and comparison: "30件以上", "80t以下", "30 件 or
 * more", "80 t or less"; a milestone's is "100%". Nothing for a
 * qualitative target or one without a target value. Appended to b. */
void kpi__display_target(kpi__strbuf *b, const kpi_result *result, kpi_lang lang);

/* A due date: "期限2018-03-31", "due 2018-03-31". */
#define KPI__DUE_SIZE 24
void kpi__display_due(char buf[KPI__DUE_SIZE], int32_t date, kpi_lang lang);

/* A period: "2017-04-01 ～ 2018-03-31", "2017-04-01 to 2018-03-31". */
#define KPI__PERIOD_SIZE 32
void kpi__display_period(char buf[KPI__PERIOD_SIZE], int32_t start, int32_t end,
                         kpi_lang lang);

/* The report header's fields, in order: organization, department,
 * period, as-of date and roll-up rule, each with its word and its value
 * ("" when not set). The values may point into the struct. */
#define KPI__HEADER_FIELDS 5
typedef struct kpi__header {
    kpi__word_id words[KPI__HEADER_FIELDS];
    const char *values[KPI__HEADER_FIELDS];
    char period[KPI__PERIOD_SIZE];
    char as_of[KPI__DATE_ISO_SIZE];
} kpi__header;
void kpi__display_header(kpi__header *header, const kpi_evaluation *ev, kpi_lang lang);

/* ---- Progress: updates, directives, cancelled targets -------------------
 * What the progress contract asks every format to show beside the ratings
 * (docs/progress.md). The texts themselves (an update's, a directive's)
 * are the city's, verbatim and possibly multi-line: each format escapes or
 * wraps them; the forms around them are made here. */

/* A reported status and its dates, the one form reports and reason lines
 * share: the status in words when there is one, the date reported, then
 * in brackets the planned date and the deadline when given (0: none):
 * "予定 2017-09-30（予定日 2017-10-31、期限2018-03-31）", "scheduled
 * 2017-09-30 (planned 2017-10-31)", "準備中 2017-09-30", "2017-09-30".
 * Appended to b. */
void kpi__display_status_head(kpi__strbuf *b, kpi_status status, int32_t date,
                              int32_t planned, int32_t due, kpi_lang lang);

/* The latest update's heading (kpi__display_status_head() of its status,
 * date and planned date). Nothing when the result has no update. Appended
 * to b. */
void kpi__display_update_head(kpi__strbuf *b, const kpi_result *result, kpi_lang lang);

/* Whether the result has an update (on or before the as-of date). */
int kpi__has_update(const kpi_result *result);

/* A target or goal the latest status cancelled (reason CANCELLED): listed
 * apart from the ratings, in the cancelled section. */
int kpi__is_cancelled(const kpi_result *result);

/* A cancelled result's line in the cancelled section: "中止 2017-09-30",
 * "cancelled 2017-09-30", with the date of the update that cancelled it.
 * Appended to b. */
void kpi__display_cancel(kpi__strbuf *b, const kpi_result *result, kpi_lang lang);

/* The codes of a goal's cancelled children, for the goal's reference to
 * the cancelled section: "中止した目標: 1-1-c、1-1-d", "Cancelled targets:
 * 1-1-c, 1-1-d". Nothing (and 0) when it has none; else the count. */
size_t kpi__display_cancelled_children(kpi__strbuf *b, const kpi_result *goal,
                                       kpi_lang lang);

/* The number of results in the cancelled section (any depth). */
size_t kpi__cancelled_count(const kpi_evaluation *ev);

/* The directive at index, 0 to ev->directive_count - 1. */
const kpi_result *kpi__directive(const kpi_evaluation *ev, size_t index);

/* The directives addressed to each goal, in the order of the directives,
 * found once per report: asking every directive about every goal made a
 * report quadratic in a plan of many goals and directives. */
typedef struct kpi__directive_refs {
    const kpi_evaluation *ev;
    size_t *first; /* goal i's directives are at[first[i] .. first[i + 1]) */
    size_t *at;    /* indices of directives */
} kpi__directive_refs;

/* Finds them; when memory runs out, out is marked failed (the render then
 * reports KPI_ERR_NOMEM) and no goal has any. Free with
 * kpi__directive_refs_free(). */
void kpi__directive_refs_init(kpi__directive_refs *refs, kpi__strbuf *out,
                              const kpi_evaluation *ev);
void kpi__directive_refs_free(kpi__directive_refs *refs);

/* The number of directives addressed to goal, and the index of the k-th
 * of them (for kpi__directive()). */
size_t kpi__directive_refs_count(const kpi__directive_refs *refs, const kpi_result *goal);
size_t kpi__directive_ref(const kpi__directive_refs *refs, const kpi_result *goal,
                          size_t k);

/* The directives section's heading, after the issuer: "市長指示事項" when
 * every directive is the 市長's, "指示事項" when issuers differ;
 * "Directives" in English. Appended to b. */
void kpi__display_directives_heading(kpi__strbuf *b, const kpi_evaluation *ev,
                                     kpi_lang lang);

/* Who gave a directive and when: "市長 2017-06-01", "市長" without a date.
 * Appended to b. */
void kpi__display_issued(kpi__strbuf *b, const kpi_result *directive);

/* The goals a directive is addressed to: "1-1、3-2", "1-1, 3-2"; "計画全体",
 * "whole plan" for none. Appended to b. */
void kpi__display_addressed(kpi__strbuf *b, const kpi_result *directive, kpi_lang lang);

/* Open (answered or not) or closed, the days open and the overdue mark:
 * "未回答（120日経過）【期限超過】", "unanswered, 120 days [OVERDUE]",
 * "対応中（120日経過）", "対応済", "closed". Appended to b. */
void kpi__display_directive_state(kpi__strbuf *b, const kpi_result *directive,
                                  kpi_lang lang);

/* The mark of an overdue directive: "【期限超過】", "[OVERDUE]". */
const char *kpi__display_overdue_mark(kpi_lang lang);

/* The latest response's heading (kpi__display_update_head()), or "回答なし",
 * "no response". Appended to b. */
void kpi__display_response_head(kpi__strbuf *b, const kpi_result *directive,
                                kpi_lang lang);

/* A directive as a goal shows it: its issuer, code, state and the first
 * line of its text cut short: "市長指示 D-2 対応中（163日経過）【期限超過】
 * 「情報発信は市民目線で行うこと。」", "Directive D-2 (市長) open, 163 days
 * [OVERDUE]: 情報発信は市民目線で行うこと。". Appended to b. */
void kpi__display_directive_ref(kpi__strbuf *b, const kpi_result *directive,
                                kpi_lang lang);

/* ---- What the formats share besides ------------------------------------ */

/* The result's reason line (kpi_result_reason(); defined in reason.c, which
 * builds it from the forms above); "" when memory ran out, with out then
 * marked failed, so that the render reports KPI_ERR_NOMEM. */
const char *kpi__display_reason(kpi__strbuf *out, const kpi_result *result,
                                kpi_lang lang);

/* The same line for a report that writes every result's: the line
 * kpi_result_reason() keeps when a caller asked for it before, else built
 * into scratch (emptied first, and kept by the caller from one result to
 * the next), so that a report of a million results neither allocates a
 * line per result nor keeps them all. Valid until the next call with the
 * same scratch; "" when memory ran out, with out then marked failed. */
const char *kpi__display_reason_scratch(kpi__strbuf *scratch, kpi__strbuf *out,
                                        const kpi_result *result, kpi_lang lang);

/* What a form built into built holds, as a string the caller frees with
 * kpi__free() ("" when nothing was built), for a format to escape; NULL
 * when memory ran out, with out then marked failed. */
char *kpi__display_finish(kpi__strbuf *out, kpi__strbuf *built);

/* A directive's goals as the reports write them, their codes separated by
 * ";" (as the structure file's parent column has them), into built
 * (emptied first); built is marked failed when memory ran out. */
void kpi__display_goal_codes(kpi__strbuf *built, const kpi_result *directive);

/* Whether a goal (or the plan) has targets among its children that are
 * rated or could be: cancelled ones are listed apart. */
int kpi__has_targets(const kpi_result *goal);

#endif
