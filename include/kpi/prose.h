/**
 * @file kpi/prose.h
 * @brief Reading progress as the city writes it: 「上田城跡能を8月に開催。
 *        うえだ城下町映画祭は11月18、19日に開催予定。」 becomes two
 *        statements, one done in August, one scheduled for 11月19日.
 *
 * kpi_prose_read() reads the text of a 進捗状況 cell (an update) into
 * **statements**, one per thing reported. Each has its text verbatim, what
 * it is about (its subject, for matching to a target's label or wording),
 * the state of the work it reports (#kpi_status, from the status words of
 * kpi_status_parse() and from verbs: 開催 of a month is done, 開催予定
 * scheduled), the planned or done date, and the **figures** it states, each
 * with a label, a value and a unit (「物件登録件数：32件」 gives 物件登録件数,
 * 32, 件). A date, a year, a time of day, an edition (10回記念) or a rate
 * (毎月1回) is never a figure.
 *
 * It never presents a guess as certain: a statement's confidence is 1
 * exactly when nothing about its status, dates or subject was guessed, and
 * each figure has a confidence of its own. What lowered a confidence is
 * said in English, in the issues. The rules, the word lists and the limits
 * are in docs/phrases.md ("Progress prose").
 *
 * Examples (fiscal year 2017):
 * | text | statements |
 * |---|---|
 * | 上田城跡能を8月に開催 | DONE, done 2017-08-31, subject 上田城跡能 |
 * | 子ども文化講座を10月、子ども文化祭を2月に開催予定 | SCHEDULED 2017-10-31; SCHEDULED
 * 2018-02-28 | | 対象事業を検討中 | PREPARING | | 物件登録件数：32件、利用者登録数：51件
 * | two, each with one figure | | 交付金事業の評価を実施 | DONE, no date: confidence
 * below 1 |
 */
#ifndef KPI_PROSE_H
#define KPI_PROSE_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief The statements read from one progress text. */
typedef struct kpi_prose kpi_prose;

/** @brief The longest text kpi_prose_read() reads, in bytes. */
#define KPI_PROSE_MAX_BYTES 65536

/**
 * @brief What a figure's wording says besides its value, as bits of
 *        kpi_prose_figure_flags_at(). A figure may have several.
 */
typedef enum kpi_prose_flag {
    KPI_PROSE_CUMULATIVE = 1, /**< 延べ, 累計, 通算: a count of attendances, not people */
    KPI_PROSE_APPROXIMATE = 2, /**< 約, 程度, 前後 */
    KPI_PROSE_TOTAL = 4,       /**< 合計, 計, 総数: a sum of other counts */
    KPI_PROSE_PART = 8, /**< included in another figure: the 4名 of 新規4名を含む31名,
                             うち3件 */
    KPI_PROSE_CHANGE = 16 /**< a change, not a level: 前年度比10%増, 10件増 */
} kpi_prose_flag;

/**
 * @brief Reads a progress text into statements.
 * @param out receives the reading, which the caller frees with
 *        kpi_prose_free(); NULL on failure. Not NULL. A text with nothing
 *        recognised still gives a reading (a statement with status
 *        #KPI_STATUS_NONE, an issue and a confidence below 1).
 * @param text the text, UTF-8, as the department wrote it (several
 *        sentences, bullets ・ and ①, line breaks and full-width digits are
 *        accepted). Only read during the call. Not NULL.
 * @param fiscal_year the fiscal year of the report (2017 for FY2017, April
 *        2017 to March 2018): a month such as 10月 is then 2017-10-31, and
 *        January to March fall in 2018. 0 when unknown: months then give no
 *        dates (a date whose year is written, H29.9 or 2017年9月, still does).
 * @return #KPI_OK; #KPI_ERR_ARGUMENT for a NULL @p out or @p text or a
 *         fiscal year outside 0..9998; #KPI_ERR_VALUE for an empty text, one
 *         of only blanks and list markers, or invalid UTF-8 (the message
 *         names the byte offset); #KPI_ERR_LIMIT for a text over
 *         #KPI_PROSE_MAX_BYTES bytes; or #KPI_ERR_NOMEM.
 */
KPI_EXTERN int kpi_prose_read(kpi_prose **out, const char *text, int32_t fiscal_year);

/**
 * @brief Frees a reading. Does nothing for NULL.
 * @param prose the reading, or NULL. Every string borrowed from it becomes
 *        invalid.
 */
KPI_EXTERN void kpi_prose_free(kpi_prose *prose);

/**
 * @brief Number of statements: one per thing reported (「上田城跡能を8月に
 *        開催。うえだ城下町映画祭は11月18、19日に開催予定。」 is two).
 * @param prose the reading; NULL gives 0 (and records #KPI_ERR_ARGUMENT).
 * @return the count: at least 1 after a successful read.
 */
KPI_EXTERN size_t kpi_prose_count(const kpi_prose *prose);

/**
 * @brief The part of the text statement @p index was read from, verbatim,
 *        without the list markers (・, ①) and blanks around it and the 。
 *        or 、 after it.
 * @param prose the reading; NULL gives NULL (and records #KPI_ERR_ARGUMENT).
 * @param index 0 to kpi_prose_count() - 1.
 * @return borrowed until the reading is freed; NULL when out of range
 *         (#KPI_ERR_RANGE) or for NULL (#KPI_ERR_ARGUMENT). The other
 *         accessors likewise give NULL, NaN or 0 in those cases.
 */
KPI_EXTERN const char *kpi_prose_text_at(const kpi_prose *prose, size_t index);
/**
 * @brief What the statement is about, for matching it to a target: the
 *        topic (うえだ城下町映画祭 of 「うえだ城下町映画祭は…開催予定」), else the
 *        object (上田城跡能 of 「上田城跡能を8月に開催」), else the label of its
 *        first figure; without dates, figures and particles at either end.
 *        "" when it names none (「5月、6月、9月に開催」).
 * @param prose the reading; NULL records #KPI_ERR_ARGUMENT.
 * @param index 0 to kpi_prose_count() - 1.
 * @return borrowed until the reading is freed; NULL when out of range or
 *         for NULL.
 */
KPI_EXTERN const char *kpi_prose_subject_at(const kpi_prose *prose, size_t index);
/**
 * @brief The state of the work the statement reports.
 * @param prose the reading; NULL records #KPI_ERR_ARGUMENT.
 * @param index 0 to kpi_prose_count() - 1.
 * @return the status; #KPI_STATUS_NONE when the statement states none (a
 *         figure alone), when out of range or for NULL.
 */
KPI_EXTERN kpi_status kpi_prose_status_at(const kpi_prose *prose, size_t index);
/**
 * @brief The words the status was read from, as written: 開催予定, 検討中,
 *        開催, 中止を決定, 協議を継続中. For a clause that shares its verb with
 *        the next (「子ども文化講座を10月、子ども文化祭を2月に開催予定」), that
 *        verb.
 * @param prose the reading; NULL records #KPI_ERR_ARGUMENT.
 * @param index 0 to kpi_prose_count() - 1.
 * @return borrowed until the reading is freed; "" when the status is
 *         #KPI_STATUS_NONE; NULL when out of range or for NULL.
 */
KPI_EXTERN const char *kpi_prose_status_word_at(const kpi_prose *prose, size_t index);
/**
 * @brief When the work is planned, for #KPI_STATUS_SCHEDULED (and a
 *        #KPI_STATUS_POSTPONED statement that names the new date): the last
 *        date named. 「10月に開催予定」 gives 2017-10-31 in fiscal year 2017 (a
 *        month is its last day), 「11月18、19日」 2017-11-19.
 * @param prose the reading; NULL records #KPI_ERR_ARGUMENT.
 * @param index 0 to kpi_prose_count() - 1.
 * @return YYYYMMDD, or 0 when none.
 */
KPI_EXTERN int32_t kpi_prose_planned_at(const kpi_prose *prose, size_t index);
/**
 * @brief When the work was done, for #KPI_STATUS_DONE, if stated: the last
 *        date named (「上田城跡能を8月に開催」 gives 2017-08-31; 「5月、6月、
 *        9月に開催」 2017-09-30).
 * @param prose the reading; NULL records #KPI_ERR_ARGUMENT.
 * @param index 0 to kpi_prose_count() - 1.
 * @return YYYYMMDD, or 0 when none.
 */
KPI_EXTERN int32_t kpi_prose_done_at(const kpi_prose *prose, size_t index);
/**
 * @brief How sure the reading of the statement's status, dates and subject
 *        is, 0..1: 1 exactly when nothing was guessed. Each issue multiplies
 *        it by its own factor (docs/phrases.md): 「…を実施」 with no date is
 *        done, but when is a guess (0.8); 中止 decided by another
 *        organisation (「新潟薬科大学が…中止を決定」) is not surely the city's
 *        (0.5).
 * @param prose the reading; NULL records #KPI_ERR_ARGUMENT.
 * @param index 0 to kpi_prose_count() - 1.
 * @return the confidence; NaN when out of range or for NULL.
 */
KPI_EXTERN double kpi_prose_confidence_at(const kpi_prose *prose, size_t index);
/**
 * @brief Number of things about statement @p index the reader guessed or
 *        could not read.
 * @param prose the reading; NULL records #KPI_ERR_ARGUMENT.
 * @param index 0 to kpi_prose_count() - 1.
 * @return the count, at most 8 (only the first 8 issues are kept; later
 *         ones still lower the confidence).
 */
KPI_EXTERN size_t kpi_prose_issue_count_at(const kpi_prose *prose, size_t index);
/**
 * @brief An issue, in English, e.g. `done, but when is not stated`.
 * @param prose the reading; NULL records #KPI_ERR_ARGUMENT.
 * @param index 0 to kpi_prose_count() - 1.
 * @param issue 0 to kpi_prose_issue_count_at() - 1.
 * @return borrowed until the reading is freed; NULL when either index is
 *         out of range (#KPI_ERR_RANGE) or for NULL.
 */
KPI_EXTERN const char *kpi_prose_issue_at(const kpi_prose *prose, size_t index,
                                          size_t issue);

/**
 * @brief Number of figures statement @p index states, in the order
 *        written. Figures of a list (8校…、2校…) are separate, never summed.
 * @param prose the reading; NULL records #KPI_ERR_ARGUMENT.
 * @param index 0 to kpi_prose_count() - 1.
 * @return the count; 0 when out of range or for NULL.
 */
KPI_EXTERN size_t kpi_prose_figure_count_at(const kpi_prose *prose, size_t index);
/**
 * @brief The figure as written, verbatim (延べ69人, 32件).
 * @param prose the reading; NULL records #KPI_ERR_ARGUMENT.
 * @param index 0 to kpi_prose_count() - 1.
 * @param figure 0 to kpi_prose_figure_count_at() - 1.
 * @return borrowed until the reading is freed; NULL when either index is
 *         out of range (#KPI_ERR_RANGE) or for NULL. The other figure
 *         accessors likewise give NULL, NaN or 0 in those cases.
 */
KPI_EXTERN const char *kpi_prose_figure_text_at(const kpi_prose *prose, size_t index,
                                                size_t figure);
/**
 * @brief What the figure counts: the words before 「：」 (物件登録件数 of
 *        「物件登録件数：32件」), the noun the count is linked to (展覧会 of
 *        「3回の展覧会」), or the words right before the number (前期講座開催数
 *        of 「前期講座開催数 13」); "" when none is written (then the
 *        statement's subject is what it is about).
 * @param prose the reading; NULL records #KPI_ERR_ARGUMENT.
 * @param index 0 to kpi_prose_count() - 1.
 * @param figure 0 to kpi_prose_figure_count_at() - 1.
 * @return borrowed until the reading is freed; NULL when out of range or
 *         for NULL.
 */
KPI_EXTERN const char *kpi_prose_figure_label_at(const kpi_prose *prose, size_t index,
                                                 size_t figure);
/**
 * @brief The figure's value (1.5万人 is 15000; the lower end of a range).
 * @param prose the reading; NULL records #KPI_ERR_ARGUMENT.
 * @param index 0 to kpi_prose_count() - 1.
 * @param figure 0 to kpi_prose_figure_count_at() - 1.
 * @return the value; NaN when out of range or for NULL.
 */
KPI_EXTERN double kpi_prose_figure_value_at(const kpi_prose *prose, size_t index,
                                            size_t figure);
/**
 * @brief The unit (件, 回, 人, アカウント ...), normalised as in
 *        kpi_phrase_unit_at(); "" when none. When none follows the number it
 *        may come from the label (前期講座開催数 13: 回), with an issue.
 * @param prose the reading; NULL records #KPI_ERR_ARGUMENT.
 * @param index 0 to kpi_prose_count() - 1.
 * @param figure 0 to kpi_prose_figure_count_at() - 1.
 * @return borrowed until the reading is freed; NULL when out of range or
 *         for NULL.
 */
KPI_EXTERN const char *kpi_prose_figure_unit_at(const kpi_prose *prose, size_t index,
                                                size_t figure);
/**
 * @brief What the wording says of the figure besides its value: a sum of
 *        #kpi_prose_flag bits.
 * @param prose the reading; NULL records #KPI_ERR_ARGUMENT.
 * @param index 0 to kpi_prose_count() - 1.
 * @param figure 0 to kpi_prose_figure_count_at() - 1.
 * @return the flags; 0 when none, out of range or for NULL.
 */
KPI_EXTERN uint32_t kpi_prose_figure_flags_at(const kpi_prose *prose, size_t index,
                                              size_t figure);
/**
 * @brief The date the figure is given for, when a date stands right before
 *        it (「H29.9に175品目」 gives 2017-09-30; a month is its last day).
 * @param prose the reading; NULL records #KPI_ERR_ARGUMENT.
 * @param index 0 to kpi_prose_count() - 1.
 * @param figure 0 to kpi_prose_figure_count_at() - 1.
 * @return YYYYMMDD, or 0 when none.
 */
KPI_EXTERN int32_t kpi_prose_figure_date_at(const kpi_prose *prose, size_t index,
                                            size_t figure);
/**
 * @brief How sure the reading of the figure is, 0..1: 1 exactly when its
 *        label, value and unit were all written (kpi_prose_figure_issue_at()
 *        is then "").
 * @param prose the reading; NULL records #KPI_ERR_ARGUMENT.
 * @param index 0 to kpi_prose_count() - 1.
 * @param figure 0 to kpi_prose_figure_count_at() - 1.
 * @return the confidence; NaN when out of range or for NULL.
 */
KPI_EXTERN double kpi_prose_figure_confidence_at(const kpi_prose *prose, size_t index,
                                                 size_t figure);
/**
 * @brief Why the figure's confidence is below 1, in English (several
 *        reasons are joined by "; "), e.g. `no unit after the number: "回"
 *        read from the label`.
 * @param prose the reading; NULL records #KPI_ERR_ARGUMENT.
 * @param index 0 to kpi_prose_count() - 1.
 * @param figure 0 to kpi_prose_figure_count_at() - 1.
 * @return borrowed until the reading is freed; "" when the confidence is 1;
 *         NULL when out of range or for NULL.
 */
KPI_EXTERN const char *kpi_prose_figure_issue_at(const kpi_prose *prose, size_t index,
                                                 size_t figure);

#ifdef __cplusplus
}
#endif

#endif /* KPI_PROSE_H */
