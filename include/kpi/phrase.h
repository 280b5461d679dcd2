/**
 * @file kpi/phrase.h
 * @brief Reading targets as the city writes them: 「物件登録件数30件以上」
 *        becomes a label, a value, a unit and a direction.
 *
 * kpi_phrase_parse() reads one cell of a plan's 期限・数値目標等 column and
 * returns the targets it finds (one cell may hold several, separated by
 * `・`, line breaks, spaces, 、 after a count, or と between two targets).
 * For each it gives what it could read and a list of what it could not; it
 * never presents a guess as certain: a reading it is unsure of has a
 * confidence below 1 and says why. Confidence is 1 exactly when a reading
 * has no issue. The rules, the tables and the limits are in
 * docs/phrases.md.
 *
 * Examples:
 * | text | reading |
 * |---|---|
 * | 物件登録件数30件以上 | NUMERIC, 物件登録件数, 30 件, INCREASE |
 * | 講座開催数 前年度比10%増 | NUMERIC, relative: +10% of last year's figure |
 * | 職員研修1回実施 | NUMERIC, 職員研修, 1 回 |
 * | 上田城跡能(8月) | MILESTONE, due in August |
 * | 指針の策定 | MILESTONE |
 * | 謝意を込めた魅力ある返礼品の充実 | QUALITATIVE |
 */
#ifndef KPI_PHRASE_H
#define KPI_PHRASE_H

#include "plan.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief The targets read from one phrase. */
typedef struct kpi_phrase kpi_phrase;

/** @brief The longest phrase kpi_phrase_parse() reads, in bytes. */
#define KPI_PHRASE_MAX_BYTES 4096

/**
 * @brief Reads a target phrase.
 * @param out receives the reading, which the caller frees with
 *        kpi_phrase_free(); NULL on failure. Not NULL. Even a phrase with
 *        nothing numeric gives a reading (one QUALITATIVE target).
 * @param text the phrase, UTF-8; full-width digits and symbols are
 *        accepted. Only read during the call. Not NULL.
 * @param fiscal_year the fiscal year the plan covers (2017 for 平成29年度),
 *        used to turn a month such as (8月) into a due date (2017-08-31;
 *        January to March fall in the next calendar year); 0 when unknown,
 *        and then no due date is given, only the month.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT for a NULL argument or a fiscal year
 *         outside 0..9998; #KPI_ERR_VALUE for an empty phrase, one of only
 *         blanks and list markers, or invalid UTF-8 (the message names the
 *         byte offset; not #KPI_ERR_ENCODING); #KPI_ERR_LIMIT for a phrase
 *         over #KPI_PHRASE_MAX_BYTES bytes; or #KPI_ERR_NOMEM.
 */
KPI_EXTERN int kpi_phrase_parse(kpi_phrase **out, const char *text, int32_t fiscal_year);

/**
 * @brief Frees a reading. Does nothing for NULL.
 * @param phrase the reading, or NULL. Every string borrowed from it becomes
 *        invalid.
 */
KPI_EXTERN void kpi_phrase_free(kpi_phrase *phrase);

/**
 * @brief Number of targets found.
 * @param phrase the reading; NULL gives 0 (and records #KPI_ERR_ARGUMENT).
 * @return the count: at least 1 after a successful parse.
 */
KPI_EXTERN size_t kpi_phrase_count(const kpi_phrase *phrase);

/**
 * @brief The part of the phrase target @p index was read from, verbatim
 *        (e.g. 物件登録件数30件以上), without the list markers (・, ①) and
 *        blanks around it.
 * @param phrase the reading; NULL gives NULL (and records
 *        #KPI_ERR_ARGUMENT).
 * @param index 0 to kpi_phrase_count() - 1.
 * @return borrowed until the reading is freed; NULL when out of range
 *         (#KPI_ERR_RANGE) or for NULL (#KPI_ERR_ARGUMENT). The other
 *         accessors likewise give NULL, NaN or 0 in those cases.
 */
KPI_EXTERN const char *kpi_phrase_text_at(const kpi_phrase *phrase, size_t index);
/**
 * @brief What is counted (物件登録件数, 職員研修): the phrase without the
 *        number, its unit and comparison, and any month, trimmed of
 *        particles; the whole phrase for a milestone or a qualitative
 *        target. "" when nothing is left (約30件).
 * @param phrase the reading; NULL records #KPI_ERR_ARGUMENT.
 * @param index 0 to kpi_phrase_count() - 1.
 * @return borrowed until the reading is freed; NULL when out of range or
 *         for NULL.
 */
KPI_EXTERN const char *kpi_phrase_label_at(const kpi_phrase *phrase, size_t index);
/**
 * @brief The unit (件, 回, 校, %...); "" when none. When the phrase writes
 *        none after the number, it may come from the label (推進交付金新規事業 2:
 *        事業), and an issue says so.
 * @param phrase the reading; NULL records #KPI_ERR_ARGUMENT.
 * @param index 0 to kpi_phrase_count() - 1.
 * @return borrowed until the reading is freed; NULL when out of range or
 *         for NULL.
 */
KPI_EXTERN const char *kpi_phrase_unit_at(const kpi_phrase *phrase, size_t index);
/**
 * @brief The kind read: NUMERIC with a count, MILESTONE for something done
 *        once (…の策定, 上田城跡能(8月)), QUALITATIVE for an aim (…の充実).
 * @param phrase the reading; NULL records #KPI_ERR_ARGUMENT.
 * @param index 0 to kpi_phrase_count() - 1.
 * @return the kind; #KPI_KIND_NUMERIC when out of range or for NULL.
 */
KPI_EXTERN kpi_kind kpi_phrase_kind_at(const kpi_phrase *phrase, size_t index);
/**
 * @brief The direction read (以上/増/超 INCREASE, 以下/減/未満 DECREASE).
 * @param phrase the reading; NULL records #KPI_ERR_ARGUMENT.
 * @param index 0 to kpi_phrase_count() - 1.
 * @return the direction; #KPI_DIRECTION_INCREASE when out of range or for
 *         NULL.
 */
KPI_EXTERN kpi_direction kpi_phrase_direction_at(const kpi_phrase *phrase, size_t index);
/**
 * @brief The target value T.
 * @param phrase the reading; NULL records #KPI_ERR_ARGUMENT.
 * @param index 0 to kpi_phrase_count() - 1.
 * @return T; NaN when none (relative targets, milestones, qualitative), out
 *         of range or for NULL.
 */
KPI_EXTERN double kpi_phrase_value_at(const kpi_phrase *phrase, size_t index);
/**
 * @brief The percent p of a relative target (10 for 前年度比10%増).
 * @param phrase the reading; NULL records #KPI_ERR_ARGUMENT.
 * @param index 0 to kpi_phrase_count() - 1.
 * @return p; NaN when not relative, out of range or for NULL.
 */
KPI_EXTERN double kpi_phrase_change_pct_at(const kpi_phrase *phrase, size_t index);
/**
 * @brief The month named in the phrase ((8月) gives 8).
 * @param phrase the reading; NULL records #KPI_ERR_ARGUMENT.
 * @param index 0 to kpi_phrase_count() - 1.
 * @return the month, 1..12, or 0.
 */
KPI_EXTERN int32_t kpi_phrase_due_month_at(const kpi_phrase *phrase, size_t index);
/**
 * @brief The due date from the month and the fiscal year.
 * @param phrase the reading; NULL records #KPI_ERR_ARGUMENT.
 * @param index 0 to kpi_phrase_count() - 1.
 * @return the date, YYYYMMDD (the month's last day), or 0 when there is no
 *         month or the fiscal year was 0.
 */
KPI_EXTERN int32_t kpi_phrase_due_at(const kpi_phrase *phrase, size_t index);
/**
 * @brief How sure the reading is, 0..1: 1 when every part of the phrase
 *        was understood, lower when something was left over or guessed.
 *        Each issue multiplies it by its own factor (docs/phrases.md), so
 *        it is 1 exactly when there is no issue.
 * @param phrase the reading; NULL records #KPI_ERR_ARGUMENT.
 * @param index 0 to kpi_phrase_count() - 1.
 * @return the confidence; NaN when out of range or for NULL.
 */
KPI_EXTERN double kpi_phrase_confidence_at(const kpi_phrase *phrase, size_t index);
/**
 * @brief Number of things the parser could not read in target @p index.
 * @param phrase the reading; NULL records #KPI_ERR_ARGUMENT.
 * @param index 0 to kpi_phrase_count() - 1.
 * @return the count, at most 8 (only the first 8 issues are kept).
 */
KPI_EXTERN size_t kpi_phrase_issue_count_at(const kpi_phrase *phrase, size_t index);
/**
 * @brief What the parser could not read, in English, e.g.
 *        `relative target: last year's figure is not in the phrase`.
 * @param phrase the reading; NULL records #KPI_ERR_ARGUMENT.
 * @param index 0 to kpi_phrase_count() - 1.
 * @param issue 0 to kpi_phrase_issue_count_at() - 1.
 * @return borrowed until the reading is freed; NULL when either index is
 *         out of range (#KPI_ERR_RANGE) or for NULL.
 */
KPI_EXTERN const char *kpi_phrase_issue_at(const kpi_phrase *phrase, size_t index,
                                           size_t issue);

#ifdef __cplusplus
}
#endif

#endif /* KPI_PHRASE_H */
