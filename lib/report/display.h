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
    KPI__W_NOTES,        /* 市長指示事項・備考 / Notes */
    KPI__W_ROLLUP,       /* 集計方法 / Roll-up */
    KPI__W_INFERRED,     /* the mark's meaning: read from the wording */
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

/* ---- What the formats share besides ------------------------------------ */

/* The result's reason line (kpi_result_reason(); defined in reason.c, which
 * builds it from the forms above); "" when memory ran out, with out then
 * marked failed, so that the render reports KPI_ERR_NOMEM. */
const char *kpi__display_reason(kpi__strbuf *out, const kpi_result *result,
                                kpi_lang lang);

/* What a form built into built holds, as a string the caller frees with
 * kpi__free() ("" when nothing was built), for a format to escape; NULL
 * when memory ran out, with out then marked failed. */
char *kpi__display_finish(kpi__strbuf *out, kpi__strbuf *built);

/* Whether a goal (or the plan) has targets among its children. */
int kpi__has_targets(const kpi_result *goal);

#endif
