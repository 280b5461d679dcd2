/**
 * @file kpi/goal.h
 * @brief Goals: 重点目標 and their 取組項目, nested to any depth up to
 *        #KPI_MAX_DEPTH.
 *
 * A goal is created inside a plan (kpi_plan_add_goal()) or inside another
 * goal (kpi_goal_add_goal()) and belongs to the plan: every pointer below
 * is borrowed and stays valid until the plan is freed. A goal has child
 * goals, targets, assessments and notes, each reached by count + index.
 */
#ifndef KPI_GOAL_H
#define KPI_GOAL_H

#include "plan.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief The goal's code.
 * @param goal the goal; NULL gives "" (and records #KPI_ERR_ARGUMENT).
 * @return borrowed from the plan; valid until the code is set again or the
 *         plan is freed.
 */
KPI_EXTERN const char *kpi_goal_code(const kpi_goal *goal);
/**
 * @brief Changes the goal's code; giving the code it has already changes
 *        nothing.
 * @param goal the goal. Not NULL.
 * @param code the new code, copied: non-empty, at most #KPI_MAX_CODE
 *        bytes, UTF-8, unused by the plan's other goals and targets. Not
 *        NULL.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p goal or @p code is NULL;
 *         #KPI_ERR_VALUE for an empty code or one with a blank at either end;
 *         #KPI_ERR_LIMIT for a code over #KPI_MAX_CODE bytes; #KPI_ERR_ENCODING
 *         when it is not valid UTF-8; #KPI_ERR_DUPLICATE when another goal
 *         or target has it or it is the plan's id; #KPI_ERR_VALUE or
 *         #KPI_ERR_LIMIT when a directive addressed to the goal could not
 *         list it (kpi_directive_add_goal()); #KPI_ERR_NOMEM. On error the
 *         code is unchanged.
 */
KPI_EXTERN int kpi_goal_set_code(kpi_goal *goal, const char *code);
/**
 * @brief The goal's title; "" when not set.
 * @param goal the goal; NULL gives "" (and records #KPI_ERR_ARGUMENT).
 * @return borrowed from the plan; valid until the title is set again or
 *         the plan is freed.
 */
KPI_EXTERN const char *kpi_goal_title(const kpi_goal *goal);
/**
 * @brief Sets the title; NULL or "" clears it.
 * @param goal the goal. Not NULL.
 * @param title the title, UTF-8, copied; NULL or "" for none.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p goal is NULL;
 *         #KPI_ERR_ENCODING when @p title is not valid UTF-8; #KPI_ERR_LIMIT when
 *         @p title is over #KPI_MAX_FIELD bytes;
 *         #KPI_ERR_NOMEM. On error the title is unchanged.
 */
KPI_EXTERN int kpi_goal_set_title(kpi_goal *goal, const char *title);
/**
 * @brief The goal's weight in its parent's roll-up (default 1).
 * @param goal the goal; NULL gives NaN (and records #KPI_ERR_ARGUMENT).
 * @return the weight.
 */
KPI_EXTERN double kpi_goal_weight(const kpi_goal *goal);
/**
 * @brief Sets the weight.
 * @param goal the goal. Not NULL.
 * @param weight the weight: finite and > 0.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p goal is NULL; #KPI_ERR_VALUE
 *         unless @p weight is finite and > 0.
 */
KPI_EXTERN int kpi_goal_set_weight(kpi_goal *goal, double weight);

/**
 * @brief The plan that owns the goal.
 * @param goal the goal; NULL gives NULL (and records #KPI_ERR_ARGUMENT).
 * @return the plan, borrowed: the caller's own plan, valid until it is
 *         freed.
 */
KPI_EXTERN kpi_plan *kpi_goal_plan(kpi_goal *goal);
/**
 * @brief The parent goal.
 * @param goal the goal; NULL gives NULL (and records #KPI_ERR_ARGUMENT).
 * @return the parent, borrowed: valid until the plan is freed; NULL for a
 *         top-level goal.
 */
KPI_EXTERN kpi_goal *kpi_goal_parent(kpi_goal *goal);
/**
 * @brief The nesting depth: 1 for a top-level goal.
 * @param goal the goal; NULL gives 0 (and records #KPI_ERR_ARGUMENT).
 * @return the depth, 1..#KPI_MAX_DEPTH.
 */
KPI_EXTERN int32_t kpi_goal_depth(const kpi_goal *goal);

/**
 * @brief Number of child goals.
 * @param goal the goal; NULL gives 0 (and records #KPI_ERR_ARGUMENT).
 * @return the count.
 */
KPI_EXTERN size_t kpi_goal_goal_count(const kpi_goal *goal);
/**
 * @brief The child goal at @p index, in the order added.
 * @param goal the goal; NULL gives NULL (and records #KPI_ERR_ARGUMENT).
 * @param index 0 to kpi_goal_goal_count() - 1.
 * @return the child, borrowed: valid until the plan is freed; NULL (and
 *         the last error #KPI_ERR_RANGE) when out of range.
 */
KPI_EXTERN kpi_goal *kpi_goal_goal_at(kpi_goal *goal, size_t index);
/**
 * @brief Adds a child goal at the end.
 * @param parent the goal to add to. Not NULL.
 * @param code a code unused by any goal or target of the plan, copied:
 *        non-empty, at most #KPI_MAX_CODE bytes, UTF-8. Not NULL.
 * @param title the goal's title, UTF-8, copied; NULL or "" for none.
 * @return the new goal, borrowed: valid until the plan is freed. NULL on error, with the
 * last error (kept also on the plan: kpi_plan_error_code()) #KPI_ERR_ARGUMENT when @p
 * parent or @p code is NULL; #KPI_ERR_VALUE for an empty code or one with a blank at
 * either end; #KPI_ERR_LIMIT for a code over #KPI_MAX_CODE bytes;
 * #KPI_ERR_ENCODING when @p code or @p title is not valid UTF-8; #KPI_ERR_LIMIT when
 * @p title is over #KPI_MAX_FIELD bytes; #KPI_ERR_DUPLICATE when
 * a goal or target has @p code or it is the plan's id; #KPI_ERR_LIMIT when the new
 * goal would be deeper than #KPI_MAX_DEPTH or the plan already holds #KPI_MAX_OBJECTS
 * goals and targets; #KPI_ERR_NOMEM. On error the plan is unchanged.
 */
KPI_EXTERN kpi_goal *kpi_goal_add_goal(kpi_goal *parent, const char *code,
                                       const char *title);

/**
 * @brief Number of targets of this goal (not of its children).
 * @param goal the goal; NULL gives 0 (and records #KPI_ERR_ARGUMENT).
 * @return the count.
 */
KPI_EXTERN size_t kpi_goal_target_count(const kpi_goal *goal);
/**
 * @brief The target at @p index, in the order added.
 * @param goal the goal; NULL gives NULL (and records #KPI_ERR_ARGUMENT).
 * @param index 0 to kpi_goal_target_count() - 1.
 * @return the target, borrowed: valid until the plan is freed; NULL (and
 *         the last error #KPI_ERR_RANGE) when out of range.
 */
KPI_EXTERN kpi_target *kpi_goal_target_at(kpi_goal *goal, size_t index);
/**
 * @brief Adds a NUMERIC, INCREASE target with nothing else set.
 * @param goal the goal to add to. Not NULL.
 * @param code a code unused by any goal or target of the plan, copied:
 *        non-empty, at most #KPI_MAX_CODE bytes, UTF-8. Not NULL.
 * @param label what is counted, e.g. 物件登録件数, UTF-8, copied; NULL or
 *        "" for none.
 * @return the new target, borrowed: valid until the plan is freed. NULL on error, with
 * the last error (kept also on the plan: kpi_plan_error_code()) #KPI_ERR_ARGUMENT when @p
 * goal or @p code is NULL; #KPI_ERR_VALUE for an empty code or one with a blank at either
 * end; #KPI_ERR_LIMIT for a code over #KPI_MAX_CODE bytes;
 * #KPI_ERR_ENCODING when @p code or @p label is not valid UTF-8; #KPI_ERR_LIMIT when
 * @p label is over #KPI_MAX_FIELD bytes; #KPI_ERR_LIMIT when the
 * plan already holds #KPI_MAX_OBJECTS goals and targets; #KPI_ERR_DUPLICATE when a goal
 * or target has @p code; #KPI_ERR_NOMEM. On error the plan is unchanged.
 */
KPI_EXTERN kpi_target *kpi_goal_add_target(kpi_goal *goal, const char *code,
                                           const char *label);

/**
 * @brief Number of assessments of the goal, in the order added.
 * @param goal the goal; NULL gives 0 (and records #KPI_ERR_ARGUMENT).
 * @return the count.
 */
KPI_EXTERN size_t kpi_goal_assessment_count(const kpi_goal *goal);
/**
 * @brief The assessment at @p index, in the order added.
 * @param goal the goal; NULL gives NULL (and records #KPI_ERR_ARGUMENT).
 * @param index 0 to kpi_goal_assessment_count() - 1.
 * @return the assessment, borrowed: valid, at the same address, until the
 *         plan is freed; NULL (and the last error #KPI_ERR_RANGE) when out
 *         of range.
 */
KPI_EXTERN kpi_assessment *kpi_goal_assessment_at(kpi_goal *goal, size_t index);
/**
 * @brief Records a person's rating of the goal.
 * @param goal the goal rated. Not NULL.
 * @param date the date the rating is as of (valid YYYYMMDD, not 0).
 * @param rating one of the four ratings (not #KPI_RATING_NONE).
 * @param comment optional text, UTF-8, copied (NULL or "" for none).
 * @return the new assessment, borrowed: valid until the plan is freed. NULL on error,
 * with the last error (kept also on the plan: kpi_plan_error_code()) #KPI_ERR_ARGUMENT
 * when @p goal is NULL; #KPI_ERR_DATE for an invalid or 0 @p date; #KPI_ERR_VALUE for a
 * @p rating that is none of the four; #KPI_ERR_LIMIT when the goal already has
 * #KPI_MAX_RECORDS assessments; #KPI_ERR_ENCODING when
 *         @p comment is not valid UTF-8; #KPI_ERR_NOMEM. On error the
 *         goal is unchanged.
 */
KPI_EXTERN kpi_assessment *kpi_goal_add_assessment(kpi_goal *goal, int32_t date,
                                                   kpi_rating rating,
                                                   const char *comment);

/**
 * @brief Number of notes attached to the goal.
 * @param goal the goal; NULL gives 0 (and records #KPI_ERR_ARGUMENT).
 * @return the count.
 */
KPI_EXTERN size_t kpi_goal_note_count(const kpi_goal *goal);
/**
 * @brief The text of the note at @p index, in the order added.
 * @param goal the goal; NULL gives NULL (and records #KPI_ERR_ARGUMENT).
 * @param index 0 to kpi_goal_note_count() - 1.
 * @return a string borrowed from the plan, valid until the plan is freed
 *         (notes are never changed or removed); NULL (and the last error
 *         #KPI_ERR_RANGE) when out of range.
 */
KPI_EXTERN const char *kpi_goal_note_at(const kpi_goal *goal, size_t index);
/**
 * @brief The code of the note at @p index ("" when none).
 * @param goal the goal; NULL gives NULL (and records #KPI_ERR_ARGUMENT).
 * @param index 0 to kpi_goal_note_count() - 1.
 * @return a string borrowed from the plan, valid until the plan is freed;
 *         NULL (and the last error #KPI_ERR_RANGE) when out of range.
 */
KPI_EXTERN const char *kpi_goal_note_code_at(const kpi_goal *goal, size_t index);
/**
 * @brief Appends a note to the goal.
 * @param goal the goal. Not NULL.
 * @param code an optional code for the note (NULL or ""), kept for files;
 *        UTF-8, copied.
 * @param text the note's text: non-empty UTF-8, copied.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p goal is NULL; #KPI_ERR_VALUE
 *         when @p text is NULL or "" or @p code has a blank at either end;
 *         #KPI_ERR_ENCODING when @p text or @p code is not valid UTF-8;
 *         #KPI_ERR_LIMIT when @p text is over #KPI_MAX_FIELD bytes, @p code
 *         over #KPI_MAX_CODE, or the goal has #KPI_MAX_RECORDS notes;
 *         #KPI_ERR_NOMEM. On error the goal is unchanged.
 */
KPI_EXTERN int kpi_goal_add_note(kpi_goal *goal, const char *code, const char *text);

#ifdef __cplusplus
}
#endif

#endif /* KPI_GOAL_H */
