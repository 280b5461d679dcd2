/* What the report tests share: a small synthetic plan with progress
 * (updates, statuses, planned dates, a cancelled target, directives), built
 * through the public API so that it stands apart from the seed, and its
 * renders. Linked by every test_render_*.c program (tests/unit.cmake). */
#ifndef KPI_TESTS_RENDER_SUPPORT_H
#define KPI_TESTS_RENDER_SUPPORT_H

#include "kpi.h"

#define PROGRESS_AS_OF 20170930

/* The plan, as of PROGRESS_AS_OF with the default policy (90 days for a
 * directive):
 *   goal 1 まちづくりの推進
 *     goal 1-1 地域活性化の取組: update 2017-09-15 実施中, two lines
 *       1-1-a 子ども文化講座 (1回): 予定 2017-09-30, planned 2017-10-31,
 *             two lines, no figure → ○
 *       1-1-b 企業版ふるさと納税新規計画 (1件): 準備中 2017-09-30, no
 *             figure → △
 *       1-1-c 空き家見学会 (4回): 中止 2017-08-31 → cancelled
 *     goal 1-2 情報発信の強化
 *       1-2-a SNS投稿数 (100件以上): 60件 on 2017-09-30
 *   directive D-1 (市長, 2017-05-10) to 1-1 and 1-2: answered 完了
 *             2017-09-20 → closed
 *   directive D-2 (市長, 2017-04-20) to 1-2: no response → open 163 days,
 *             overdue */
kpi_plan *progress_plan(void);

/* plan evaluated as of PROGRESS_AS_OF with the default policy; the plan
 * is freed. For variants of progress_plan(). */
kpi_evaluation *progress_evaluate(kpi_plan *plan);

/* progress_plan() evaluated as of PROGRESS_AS_OF; the plan is freed. */
kpi_evaluation *progress_evaluation(void);

/* The evaluation rendered; the caller frees it with kpi_free(). Fails the
 * test when the render fails. */
char *progress_render(const kpi_evaluation *ev, kpi_format format, kpi_lang lang);

/* The text report at width (kpi_evaluation_render_text()), likewise. */
char *progress_render_text(const kpi_evaluation *ev, kpi_lang lang, int32_t width);

/* The texts of the fixture, for tests to look for verbatim. */
#define TEXT_SCHEDULED "子ども文化講座を10月に開催予定。\n会場は市民会館。"
#define TEXT_PREPARING "対象事業を検討中"
#define TEXT_CANCELLED "計画中止（会場閉鎖のため）"
#define TEXT_GOAL "地域説明会を実施中。\n次回は11月。"
#define TEXT_D1 "総合戦略の推進については、成果が出せるよう取り組むこと。"
#define TEXT_D1_RESPONSE "推進本部を設置し、各課の事業を検証した。"
#define TEXT_D2 "情報発信は市民目線で行うこと。"

/* How many times needle occurs in text. */
size_t count_of(const char *text, const char *needle);

/* Fails the test unless needle occurs in text, showing both. */
void assert_contains(const char *text, const char *needle);

/* Fails the test if needle occurs in text. */
void assert_lacks(const char *text, const char *needle);

/* Fails the test unless a occurs in text and b after it. */
void assert_before(const char *text, const char *a, const char *b);

/* A CSV report read back with libcsv (its BOM checked and skipped): every
 * cell, row-major, the header first; every row as wide as the header. */
struct csv_table {
    char **cells;
    size_t rows, columns, count, capacity;
};
struct csv_table read_csv_report(const char *text);
/* Parses a CSV report strictly with libcsv, after checking and skipping
 * its BOM, calling cell and row as csv_parse() does. */
void csv_parse_report(const char *text, void (*cell)(void *, size_t, void *),
                      void (*row)(int, void *), void *data);
void free_csv_report(struct csv_table *t);

#endif
