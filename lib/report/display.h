/* Internal: the display layer of the reports, shared by every format and
 * by the reason lines. */
#ifndef KPI_LIB_REPORT_DISPLAY_H
#define KPI_LIB_REPORT_DISPLAY_H

#include "rules/evaluation.h"

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

/* "plan", "goal" or "target", as the JSON and CSV reports name them. */
const char *kpi__object_name(kpi_object kind);

/* The mark of a target whose fields were read from its wording by the
 * phrase parser ("＊" in Japanese, "*" in English); "" when none were. */
const char *kpi__inferred_mark(const kpi_result *result, kpi_lang lang);

/* The name of a roll-up rule in words: 評価基準どおり / criteria, ... */
const char *kpi__rollup_label(kpi_rollup rollup, kpi_lang lang);

/* A value for display: whole numbers without decimals, others with up to
 * two ("15.04"); "" for NaN. buf holds at least 32 bytes. */
void kpi__display_number(char *buf, double value);

/* A fraction as a whole percent ("107%"); "" for NaN. buf: 32 bytes. */
void kpi__display_percent(char *buf, double fraction);

/* A date as "2017-09-30"; "" for 0. buf: 16 bytes. */
void kpi__display_date(char *buf, int32_t date);

#endif
