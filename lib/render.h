/* Internal: what the renderers of kpi/render.h share. Each format lives in
 * its own file (render_text.c, render_markdown.c, render_json.c,
 * render_csv.c, render_html.c) and writes into a strbuf; render.c checks
 * the arguments and picks the format. */
#ifndef KPI_LIB_RENDER_H
#define KPI_LIB_RENDER_H

#include "evaluation.h"
#include "strbuf.h"

/* The renderers. They append to out and return KPI_OK, or KPI_ERR_NOMEM
 * when out failed (checking out->failed once at the end is enough). */
int kpi__render_text(kpi__strbuf *out, const kpi_evaluation *ev, kpi_lang lang,
                     int32_t width);
int kpi__render_markdown(kpi__strbuf *out, const kpi_evaluation *ev, kpi_lang lang);
int kpi__render_json(kpi__strbuf *out, const kpi_evaluation *ev, kpi_lang lang);
int kpi__render_csv(kpi__strbuf *out, const kpi_evaluation *ev, kpi_lang lang);
int kpi__render_html(kpi__strbuf *out, const kpi_evaluation *ev, kpi_lang lang);

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
const char *kpi__result_kind_name(kpi_result_kind kind);

/* The mark of a target whose fields were read from its wording by the
 * phrase parser ("＊" in Japanese, "*" in English); "" when none were. */
const char *kpi__inferred_mark(const kpi_result *result, kpi_lang lang);

/* The name of a roll-up rule in words: 評価基準どおり / criteria, ... */
const char *kpi__rollup_label(kpi_rollup rollup, kpi_lang lang);

/* The result's reason line in lang (the evaluation's lines are in the
 * policy's language). Returns a new string, or NULL when memory ran out. */
char *kpi__render_reason(const kpi_result *result, kpi_lang lang);

/* A value for display: whole numbers without decimals, others with up to
 * two ("15.04"); "" for NaN. buf holds at least 32 bytes. */
void kpi__render_number(char *buf, double value);

/* A fraction as a whole percent ("107%"); "" for NaN. buf: 32 bytes. */
void kpi__render_percent(char *buf, double fraction);

/* A date as "2017-09-30"; "" for 0. buf: 16 bytes. */
void kpi__render_date(char *buf, int32_t date);

#endif
