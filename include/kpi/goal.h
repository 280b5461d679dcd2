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

/** @brief The goal's code; "" for NULL. Valid until set again or the plan is freed. */
KPI_EXTERN const char *kpi_goal_code(const kpi_goal *goal);
/**
 * @brief Changes the goal's code.
 * @return #KPI_OK, #KPI_ERR_VALUE (empty or too long), #KPI_ERR_DUPLICATE
 *         when another goal or target has it, or #KPI_ERR_NOMEM.
 */
KPI_EXTERN int kpi_goal_set_code(kpi_goal *goal, const char *code);
/** @brief The goal's title; "" when not set. */
KPI_EXTERN const char *kpi_goal_title(const kpi_goal *goal);
/** @brief Sets the title; NULL or "" clears it. */
KPI_EXTERN int kpi_goal_set_title(kpi_goal *goal, const char *title);
/** @brief The goal's weight in its parent's roll-up (default 1); NaN for NULL. */
KPI_EXTERN double kpi_goal_weight(const kpi_goal *goal);
/**
 * @brief Sets the weight.
 * @return #KPI_OK, or #KPI_ERR_VALUE unless @p weight is finite and > 0.
 */
KPI_EXTERN int kpi_goal_set_weight(kpi_goal *goal, double weight);

/** @brief The plan that owns the goal. */
KPI_EXTERN kpi_plan *kpi_goal_plan(const kpi_goal *goal);
/** @brief The parent goal, or NULL for a top-level goal. */
KPI_EXTERN kpi_goal *kpi_goal_parent(const kpi_goal *goal);
/** @brief The nesting depth: 1 for a top-level goal; 0 for NULL. */
KPI_EXTERN int32_t kpi_goal_depth(const kpi_goal *goal);

/** @brief Number of child goals. */
KPI_EXTERN size_t kpi_goal_goal_count(const kpi_goal *goal);
/** @brief The child goal at @p index, or NULL when out of range. */
KPI_EXTERN kpi_goal *kpi_goal_goal_at(const kpi_goal *goal, size_t index);
/**
 * @brief Adds a child goal at the end.
 * @param out receives the new goal, borrowed until the plan is freed (may be NULL).
 * @param parent the goal to add to.
 * @param code a code unused by any goal or target of the plan.
 * @param title the goal's title (may be NULL).
 * @return as kpi_plan_add_goal(), plus #KPI_ERR_LIMIT past #KPI_MAX_DEPTH.
 */
KPI_EXTERN int kpi_goal_add_goal(kpi_goal **out, kpi_goal *parent, const char *code,
                                 const char *title);

/** @brief Number of targets of this goal (not of its children). */
KPI_EXTERN size_t kpi_goal_target_count(const kpi_goal *goal);
/** @brief The target at @p index, or NULL when out of range. */
KPI_EXTERN kpi_target *kpi_goal_target_at(const kpi_goal *goal, size_t index);
/**
 * @brief Adds a NUMERIC, INCREASE target with nothing else set.
 * @param out receives the target, borrowed until the plan is freed (may be NULL).
 * @param goal the goal to add to.
 * @param code a code unused by any goal or target of the plan.
 * @param label what is counted, e.g. 物件登録件数 (may be NULL).
 * @return #KPI_OK, #KPI_ERR_ARGUMENT, #KPI_ERR_VALUE, #KPI_ERR_DUPLICATE or
 *         #KPI_ERR_NOMEM; on error the plan is unchanged.
 */
KPI_EXTERN int kpi_goal_add_target(kpi_target **out, kpi_goal *goal, const char *code,
                                   const char *label);

/** @brief Number of assessments of the goal, in the order added. */
KPI_EXTERN size_t kpi_goal_assessment_count(const kpi_goal *goal);
/** @brief The assessment at @p index, or NULL when out of range. */
KPI_EXTERN kpi_assessment *kpi_goal_assessment_at(const kpi_goal *goal, size_t index);
/**
 * @brief Records a person's rating of the goal.
 * @param out receives the assessment, borrowed until the plan is freed (may be NULL).
 * @param goal the goal rated.
 * @param date the date the rating is as of (valid YYYYMMDD).
 * @param rating one of the four ratings (not #KPI_RATING_NONE).
 * @param comment optional text (NULL or "").
 * @return #KPI_OK, #KPI_ERR_DATE, #KPI_ERR_VALUE or #KPI_ERR_NOMEM.
 */
KPI_EXTERN int kpi_goal_add_assessment(kpi_assessment **out, kpi_goal *goal, int32_t date,
                                       kpi_rating rating, const char *comment);

/** @brief Number of notes attached to the goal. */
KPI_EXTERN size_t kpi_goal_note_count(const kpi_goal *goal);
/** @brief The text of the note at @p index, or NULL when out of range. */
KPI_EXTERN const char *kpi_goal_note_at(const kpi_goal *goal, size_t index);
/** @brief The code of the note at @p index ("" when none), or NULL when out of range. */
KPI_EXTERN const char *kpi_goal_note_code_at(const kpi_goal *goal, size_t index);
/** @brief Appends a note (non-empty @p text, optional @p code) to the goal. */
KPI_EXTERN int kpi_goal_add_note(kpi_goal *goal, const char *code, const char *text);

#ifdef __cplusplus
}
#endif

#endif /* KPI_GOAL_H */
