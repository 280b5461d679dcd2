/**
 * @file kpi/columns.h
 * @brief An evaluation's rows a whole column at a time, for data frames and
 *        other columnar consumers (pandas, R, Arrow, a database's bulk
 *        load): one call per column instead of one per cell.
 *
 * The rows are an evaluation's results in plan order (kpi_evaluation_result_at())
 * followed by its directives (kpi_evaluation_directive_at()); the columns
 * are the CSV report's, in its order (docs/report-formats.md), and each
 * cell says what the report's cell says. Every column is either a number
 * column, read with kpi_evaluation_column_numbers() into an array of
 * doubles, or a text column, read with kpi_evaluation_column_texts() into
 * one buffer of NUL-terminated strings.
 */
#ifndef KPI_COLUMNS_H
#define KPI_COLUMNS_H

#include "kpi/common.h"
#include "kpi/evaluate.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief The columns of an evaluation's rows, in the CSV report's order. */
typedef enum kpi_column {
    KPI_COLUMN_KIND = 0,   /**< number: the #kpi_object */
    KPI_COLUMN_CODE = 1,   /**< text */
    KPI_COLUMN_PARENT = 2, /**< text: the parent's code, "" for none */
    KPI_COLUMN_DEPTH = 3,  /**< number; none for directives */
    KPI_COLUMN_TITLE = 4,  /**< text */
    KPI_COLUMN_TEXT = 5,   /**< text: a target's wording */
    KPI_COLUMN_UNIT = 6,   /**< text */
    KPI_COLUMN_RATING = 7, /**< number: the effective #kpi_rating; none when unrated */
    KPI_COLUMN_RATING_NAME =
        8, /**< number: the same rating (the report writes its name) */
    KPI_COLUMN_COMPUTED_RATING =
        9, /**< number: the #kpi_rating by the rules; none when unrated */
    KPI_COLUMN_ASSESSED = 10,        /**< number: 1 or 0 */
    KPI_COLUMN_MISMATCH = 11,        /**< number: 1 or 0 */
    KPI_COLUMN_ASSESSMENT_DATE = 12, /**< number: a date; none when none */
    KPI_COLUMN_UNRATED_REASON = 13,  /**< number: the #kpi_unrated; none when rated */
    KPI_COLUMN_UNRATED_LABEL = 14,   /**< text: its label in the language asked for */
    KPI_COLUMN_TARGET_KIND = 15,     /**< number: the #kpi_kind; targets only */
    KPI_COLUMN_DIRECTION = 16,       /**< number: the #kpi_direction; targets only */
    KPI_COLUMN_ACTUAL = 17,          /**< number: A */
    KPI_COLUMN_EXPECTED = 18,        /**< number: E */
    KPI_COLUMN_TARGET = 19,          /**< number: T */
    KPI_COLUMN_START_VALUE = 20,     /**< number: S */
    KPI_COLUMN_ELAPSED = 21,         /**< number: f */
    KPI_COLUMN_PACE = 22,            /**< number: r */
    KPI_COLUMN_ACHIEVEMENT = 23,     /**< number: 達成率 */
    KPI_COLUMN_MEASURED = 24,        /**< number: a date */
    KPI_COLUMN_START = 25,           /**< number: a date */
    KPI_COLUMN_DUE = 26,             /**< number: a date */
    KPI_COLUMN_WEIGHT = 27,          /**< number; none for directives */
    KPI_COLUMN_COUNT_AHEAD = 28,     /**< number: goals and the plan only */
    KPI_COLUMN_COUNT_ON_TRACK = 29,  /**< number: goals and the plan only */
    KPI_COLUMN_COUNT_BEHIND = 30,    /**< number: goals and the plan only */
    KPI_COLUMN_COUNT_NOT_PROGRESSED = 31, /**< number: goals and the plan only */
    KPI_COLUMN_COUNT_UNRATED = 32,        /**< number: goals and the plan only */
    KPI_COLUMN_REASON = 33,               /**< text: the reason line; "" for directives */
    KPI_COLUMN_INFERRED = 34,             /**< text: the fields read from the wording */
    KPI_COLUMN_STATUS = 35,          /**< number: the #kpi_status the rating rests on */
    KPI_COLUMN_STATUS_LABEL = 36,    /**< text: its label in the language asked for */
    KPI_COLUMN_PLANNED = 37,         /**< number: a date */
    KPI_COLUMN_STATUS_DATE = 38,     /**< number: a date */
    KPI_COLUMN_UPDATE_DATE = 39,     /**< number: a date */
    KPI_COLUMN_UPDATE_STATUS = 40,   /**< number: the latest update's #kpi_status */
    KPI_COLUMN_UPDATE_PLANNED = 41,  /**< number: a date */
    KPI_COLUMN_UPDATE_TEXT = 42,     /**< text */
    KPI_COLUMN_FIGURE_INFERRED = 43, /**< number: 1 or 0; targets only */
    KPI_COLUMN_CANCELLED = 44,       /**< number: 1 or 0; none for directives */
    KPI_COLUMN_ISSUER = 45,          /**< text: directives only */
    KPI_COLUMN_ISSUED = 46,          /**< number: a date; directives only */
    KPI_COLUMN_GOALS = 47,           /**< text: the goals' codes separated by ";" */
    KPI_COLUMN_OPEN = 48,            /**< number: 1 or 0; directives only */
    KPI_COLUMN_DAYS_OPEN = 49,       /**< number: directives only */
    KPI_COLUMN_OVERDUE = 50,         /**< number: 1 or 0; directives only */
    KPI_COLUMN_LEVEL = 51,     /**< text: the level's symbol on the evaluation's scale
                                    (kpi/scale.h), "" when none; in the CSV report only
                                    on a scale other than the default */
    KPI_COLUMN_LEVEL_NAME = 52 /**< text: the level's stable name, "" when none; as
                                    #KPI_COLUMN_LEVEL */
} kpi_column;

/**
 * @brief How many columns there are (#KPI_COLUMN_LEVEL_NAME + 1 in this
 *        version; a later minor version may add columns at the end).
 * @return the count (not a status).
 */
KPI_EXTERN int32_t kpi_column_count(void);

/**
 * @brief How many columns an evaluation's CSV report has: the first
 *        kpi_column_count() columns on a scale other than the default, the
 *        first #KPI_COLUMN_OVERDUE + 1 (no level columns) on the default
 *        scale, whose levels are its ratings.
 * @param evaluation the evaluation; NULL gives 0 (and records
 *        #KPI_ERR_ARGUMENT).
 * @return the count (not a status).
 */
KPI_EXTERN int32_t kpi_evaluation_column_count(const kpi_evaluation *evaluation);

/**
 * @brief The column's name, the CSV report's header ("actual").
 * @param column one of #kpi_column.
 * @return a static string; "" for a value that is no column. Never NULL.
 */
KPI_EXTERN const char *kpi_column_name(kpi_column column);

/**
 * @brief Whether a column is text (read with kpi_evaluation_column_texts())
 *        rather than numbers.
 * @param column one of #kpi_column.
 * @return 1 for a text column, 0 for a number column or a value that is no
 *         column: a truth value, not a status code.
 */
KPI_EXTERN int kpi_column_is_text(kpi_column column);

/**
 * @brief Number of rows: kpi_evaluation_result_count() +
 *        kpi_evaluation_directive_count().
 * @param evaluation the evaluation; NULL gives 0 (and records
 *        #KPI_ERR_ARGUMENT).
 * @return the count.
 */
KPI_EXTERN size_t kpi_evaluation_row_count(const kpi_evaluation *evaluation);

/**
 * @brief Reads a number column of every row into @p out: figures as they
 *        are, dates as YYYYMMDD, counts as counts, flags as 1 or 0, the
 *        enumerations (kind, ratings, unrated reason, target kind,
 *        direction, statuses) as their value; NaN where the CSV report's
 *        cell is empty (no figure, no date, unrated, a count of a target).
 * @param evaluation the evaluation; only read. Not NULL.
 * @param column a number column (kpi_column_is_text() is 0).
 * @param out receives kpi_evaluation_row_count() doubles. Not NULL.
 * @param count the room in @p out: exactly kpi_evaluation_row_count().
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p evaluation or @p out is NULL
 *         or @p count is not the row count; #KPI_ERR_VALUE for a text
 *         column or a value that is no column. Nothing is written on error.
 */
KPI_EXTERN int kpi_evaluation_column_numbers(const kpi_evaluation *evaluation,
                                             kpi_column column, double *out,
                                             size_t count);

/**
 * @brief Reads a text column of every row: the cells as the CSV report
 *        writes them (unquoted), each followed by a NUL, in row order.
 * @param out receives the buffer, which the caller frees with kpi_free();
 *        NULL on failure. Not NULL.
 * @param size receives its length in bytes, the last NUL included (may be
 *        NULL).
 * @param evaluation the evaluation; only read. Not NULL.
 * @param column a text column (kpi_column_is_text() is 1).
 * @param lang the language of the reason line and the labels (one of
 *        #kpi_lang); the other columns have none.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p out or @p evaluation is NULL;
 *         #KPI_ERR_VALUE for a number column, a value that is no column or
 *         an unknown language; #KPI_ERR_NOMEM.
 */
KPI_EXTERN int kpi_evaluation_column_texts(char **out, size_t *size,
                                           const kpi_evaluation *evaluation,
                                           kpi_column column, kpi_lang lang);

#ifdef __cplusplus
}
#endif

#endif /* KPI_COLUMNS_H */
