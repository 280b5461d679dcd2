/**
 * @file kpi/progress.h
 * @brief Progress as the city reports it: updates (進捗状況) with their
 *        status and planned date, and directives (市長指示事項) with their
 *        follow-up.
 *
 * An **update** is one dated report on a target, a goal or a directive:
 * its text, kept verbatim (「10月に開催予定」), the state of the work it
 * reports (#kpi_status) and, for #KPI_STATUS_SCHEDULED, when the work is
 * planned. A target's figures stay measurements and a person's ratings
 * stay assessments: an update is the narrative and the state of the work.
 * Updates are rated as evidence (docs/evaluation.md, "Rating with
 * updates"): a target under way with no figure yet is ○ or △, not ×; a
 * cancelled one is unrated and left out of roll-ups.
 *
 * A **directive** (指示事項, e.g. of the mayor) has a code in the plan's
 * namespace of codes, its text, the issuer (市長 by default), the date it
 * was given, and the goals it is addressed to (none: the whole plan). Its
 * updates are the department's responses; it is open until one has status
 * #KPI_STATUS_DONE or #KPI_STATUS_CANCELLED.
 *
 * Ownership: updates and directives belong to their plan, like goals and
 * targets: borrowed, valid at the same address until the plan is freed.
 */
#ifndef KPI_PROGRESS_H
#define KPI_PROGRESS_H

#include "plan.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief One dated report (進捗状況) on a target, a goal or a directive. */
typedef struct kpi_update kpi_update;
/** @brief An instruction (指示事項) addressed to goals, and its follow-up. */
typedef struct kpi_directive kpi_directive;

/**
 * @brief Appends an update to a target.
 * @param target the target. Not NULL.
 * @param date the date the update is as of (valid YYYYMMDD, not 0).
 * @param text what the department wrote, verbatim, UTF-8, copied; NULL or
 *        "" for none (an update may carry only a status).
 * @return the update, borrowed: valid until the plan is freed. NULL on
 *         error, with the last error (kept also on the plan:
 *         kpi_plan_error_code()) #KPI_ERR_ARGUMENT when @p target is NULL;
 *         #KPI_ERR_DATE for an invalid or 0 @p date; #KPI_ERR_ENCODING when
 *         @p text is not valid UTF-8; #KPI_ERR_LIMIT when the target already
 *         has #KPI_MAX_RECORDS updates; #KPI_ERR_NOMEM. On error the target
 *         is unchanged.
 */
KPI_EXTERN kpi_update *kpi_target_add_update(kpi_target *target, int32_t date,
                                             const char *text);
/**
 * @brief Number of the target's updates, in the order added.
 * @param target the target; NULL gives 0 (and records #KPI_ERR_ARGUMENT).
 * @return the count.
 */
KPI_EXTERN size_t kpi_target_update_count(const kpi_target *target);
/**
 * @brief The target's update at @p index, in the order added.
 * @param target the target; NULL gives NULL (and records #KPI_ERR_ARGUMENT).
 * @param index 0 to kpi_target_update_count() - 1.
 * @return the update, borrowed: valid until the plan is freed; NULL (and
 *         the last error #KPI_ERR_RANGE) when out of range.
 */
KPI_EXTERN kpi_update *kpi_target_update_at(kpi_target *target, size_t index);

/**
 * @brief Appends an update to a goal (an initiative's 進捗状況).
 * @param goal the goal. Not NULL.
 * @param date the date the update is as of (valid YYYYMMDD, not 0).
 * @param text what the department wrote, verbatim, UTF-8, copied; NULL or
 *        "" for none.
 * @return the update, borrowed: valid until the plan is freed. NULL on
 *         error, with the last error (kept also on the plan:
 *         kpi_plan_error_code()) #KPI_ERR_ARGUMENT when @p goal is NULL;
 *         #KPI_ERR_DATE for an invalid or 0 @p date; #KPI_ERR_ENCODING when
 *         @p text is not valid UTF-8; #KPI_ERR_LIMIT when the goal already
 *         has #KPI_MAX_RECORDS updates; #KPI_ERR_NOMEM. On error the goal is
 *         unchanged.
 */
KPI_EXTERN kpi_update *kpi_goal_add_update(kpi_goal *goal, int32_t date,
                                           const char *text);
/**
 * @brief Number of the goal's updates, in the order added.
 * @param goal the goal; NULL gives 0 (and records #KPI_ERR_ARGUMENT).
 * @return the count.
 */
KPI_EXTERN size_t kpi_goal_update_count(const kpi_goal *goal);
/**
 * @brief The goal's update at @p index, in the order added.
 * @param goal the goal; NULL gives NULL (and records #KPI_ERR_ARGUMENT).
 * @param index 0 to kpi_goal_update_count() - 1.
 * @return the update, borrowed: valid until the plan is freed; NULL (and
 *         the last error #KPI_ERR_RANGE) when out of range.
 */
KPI_EXTERN kpi_update *kpi_goal_update_at(kpi_goal *goal, size_t index);

/**
 * @brief The update's date.
 * @param update the update; NULL gives 0 (and records #KPI_ERR_ARGUMENT).
 * @return YYYYMMDD.
 */
KPI_EXTERN int32_t kpi_update_date(const kpi_update *update);
/**
 * @brief Corrects the update's date.
 * @param update the update. Not NULL.
 * @param date a valid YYYYMMDD date, not 0.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p update is NULL; #KPI_ERR_DATE
 *         for an invalid or 0 @p date. On error nothing changes.
 */
KPI_EXTERN int kpi_update_set_date(kpi_update *update, int32_t date);
/**
 * @brief The update's text, verbatim.
 * @param update the update; NULL gives "" (and records #KPI_ERR_ARGUMENT).
 * @return borrowed from the plan: valid until the text is set again or the
 *         plan is freed; "" when none.
 */
KPI_EXTERN const char *kpi_update_text(const kpi_update *update);
/**
 * @brief Replaces the update's text.
 * @param update the update. Not NULL.
 * @param text UTF-8, copied; NULL or "" for none.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p update is NULL;
 *         #KPI_ERR_ENCODING when @p text is not valid UTF-8; #KPI_ERR_LIMIT when @p text
 *         is over #KPI_MAX_FIELD bytes; #KPI_ERR_NOMEM.
 *         On error nothing changes.
 */
KPI_EXTERN int kpi_update_set_text(kpi_update *update, const char *text);
/**
 * @brief The state of the work the update reports.
 * @param update the update; NULL gives #KPI_STATUS_NONE (and records
 *        #KPI_ERR_ARGUMENT).
 * @return the status.
 */
KPI_EXTERN kpi_status kpi_update_status(const kpi_update *update);
/**
 * @brief Sets the status and, for #KPI_STATUS_SCHEDULED, the planned date
 *        together, so that an update is never scheduled for no date.
 * @param update the update. Not NULL.
 * @param status one of #kpi_status.
 * @param planned when the remaining work is planned (YYYYMMDD; a month
 *        means its last day): required for #KPI_STATUS_SCHEDULED, allowed
 *        with any status (a plan given with 検討中, say), 0 for none.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p update is NULL; #KPI_ERR_VALUE
 *         for a @p status that is no #kpi_status, or #KPI_STATUS_SCHEDULED
 *         with @p planned 0; #KPI_ERR_DATE for an invalid @p planned. On
 *         error nothing changes.
 */
KPI_EXTERN int kpi_update_set_status(kpi_update *update, kpi_status status,
                                     int32_t planned);
/**
 * @brief When the remaining work is planned.
 * @param update the update; NULL gives 0 (and records #KPI_ERR_ARGUMENT).
 * @return YYYYMMDD, or 0 when none was given.
 */
KPI_EXTERN int32_t kpi_update_planned(const kpi_update *update);
/**
 * @brief Who reported it.
 * @param update the update; NULL gives "" (and records #KPI_ERR_ARGUMENT).
 * @return borrowed from the plan: valid until the author is set again or
 *         the plan is freed; "" when none.
 */
KPI_EXTERN const char *kpi_update_author(const kpi_update *update);
/**
 * @brief Sets who reported it.
 * @param update the update. Not NULL.
 * @param author UTF-8, copied; NULL or "" for none.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p update is NULL;
 *         #KPI_ERR_ENCODING when @p author is not valid UTF-8; #KPI_ERR_LIMIT when
 *         @p author is over #KPI_MAX_FIELD bytes;
 *         #KPI_ERR_NOMEM. On error nothing changes.
 */
KPI_EXTERN int kpi_update_set_author(kpi_update *update, const char *author);
/**
 * @brief The #kpi_field bits among #KPI_FIELD_STATUS that were read from the
 *        update's text by the reader rather than written by the city.
 * @param update the update; NULL gives 0 (and records #KPI_ERR_ARGUMENT).
 * @return the bits; 0 when everything was written.
 */
KPI_EXTERN uint32_t kpi_update_inferred(const kpi_update *update);

/**
 * @brief Adds a directive (指示事項) to the plan.
 * @param plan the plan. Not NULL.
 * @param code a code unused by any goal, target or directive of the plan,
 *        copied: non-empty, at most #KPI_MAX_CODE bytes, UTF-8. Not NULL.
 * @param text the instruction, verbatim, UTF-8, copied. Not NULL or "".
 * @return the directive, borrowed: valid until the plan is freed. NULL on
 *         error, with the last error (kept also on the plan:
 *         kpi_plan_error_code()) #KPI_ERR_ARGUMENT when @p plan or @p code
 *         is NULL; #KPI_ERR_VALUE for an empty text, an empty code or one
 *         with a blank at either end; #KPI_ERR_LIMIT for a code over
 *         #KPI_MAX_CODE bytes or a text over #KPI_MAX_FIELD;
 *         #KPI_ERR_ENCODING when @p code or @p text is not valid UTF-8;
 *         #KPI_ERR_DUPLICATE when something has @p code;
 *         #KPI_ERR_LIMIT when the plan already holds #KPI_MAX_OBJECTS
 *         objects; #KPI_ERR_NOMEM. On error the plan is unchanged.
 */
KPI_EXTERN kpi_directive *kpi_plan_add_directive(kpi_plan *plan, const char *code,
                                                 const char *text);
/**
 * @brief Number of the plan's directives, in the order added.
 * @param plan the plan; NULL gives 0 (and records #KPI_ERR_ARGUMENT).
 * @return the count.
 */
KPI_EXTERN size_t kpi_plan_directive_count(const kpi_plan *plan);
/**
 * @brief The plan's directive at @p index, in the order added.
 * @param plan the plan; NULL gives NULL (and records #KPI_ERR_ARGUMENT).
 * @param index 0 to kpi_plan_directive_count() - 1.
 * @return the directive, borrowed: valid until the plan is freed; NULL (and
 *         the last error #KPI_ERR_RANGE) when out of range.
 */
KPI_EXTERN kpi_directive *kpi_plan_directive_at(kpi_plan *plan, size_t index);
/**
 * @brief Finds a directive by code, in constant time.
 * @param plan the plan to search. Not NULL.
 * @param code the directive's code. Not NULL.
 * @return the directive, borrowed: valid until the plan is freed. NULL when
 *         there is none, with the last error #KPI_ERR_NOT_FOUND, or
 *         #KPI_ERR_ARGUMENT when an argument is NULL.
 */
KPI_EXTERN kpi_directive *kpi_plan_find_directive(kpi_plan *plan, const char *code);

/**
 * @brief The directive's code.
 * @param directive the directive; NULL gives "" (and records
 *        #KPI_ERR_ARGUMENT).
 * @return borrowed from the plan: valid until the plan is freed.
 */
KPI_EXTERN const char *kpi_directive_code(const kpi_directive *directive);
/**
 * @brief The instruction, verbatim.
 * @param directive the directive; NULL gives "" (and records
 *        #KPI_ERR_ARGUMENT).
 * @return borrowed from the plan: valid until the text is set again or the
 *         plan is freed.
 */
KPI_EXTERN const char *kpi_directive_text(const kpi_directive *directive);
/**
 * @brief Replaces the instruction's text.
 * @param directive the directive. Not NULL.
 * @param text UTF-8, copied. Not NULL or "".
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p directive is NULL;
 *         #KPI_ERR_VALUE for a NULL or empty text; #KPI_ERR_ENCODING when
 *         @p text is not valid UTF-8; #KPI_ERR_NOMEM. On error nothing
 *         changes.
 */
KPI_EXTERN int kpi_directive_set_text(kpi_directive *directive, const char *text);
/**
 * @brief Who gave the instruction.
 * @param directive the directive; NULL gives "" (and records
 *        #KPI_ERR_ARGUMENT).
 * @return borrowed from the plan: valid until the issuer is set again or
 *         the plan is freed; "市長" when none was set.
 */
KPI_EXTERN const char *kpi_directive_issuer(const kpi_directive *directive);
/**
 * @brief Sets who gave the instruction.
 * @param directive the directive. Not NULL.
 * @param issuer UTF-8, copied; NULL or "" for the default, 市長.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p directive is NULL;
 *         #KPI_ERR_ENCODING when @p issuer is not valid UTF-8; #KPI_ERR_LIMIT when
 *         @p issuer is over #KPI_MAX_FIELD bytes;
 *         #KPI_ERR_NOMEM. On error nothing changes.
 */
KPI_EXTERN int kpi_directive_set_issuer(kpi_directive *directive, const char *issuer);
/**
 * @brief When the instruction was given.
 * @param directive the directive; NULL gives 0 (and records
 *        #KPI_ERR_ARGUMENT).
 * @return YYYYMMDD, or 0 when unknown.
 */
KPI_EXTERN int32_t kpi_directive_date(const kpi_directive *directive);
/**
 * @brief Sets when the instruction was given.
 * @param directive the directive. Not NULL.
 * @param date a valid YYYYMMDD date, or 0 for unknown.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p directive is NULL;
 *         #KPI_ERR_DATE for an invalid date. On error nothing changes.
 */
KPI_EXTERN int kpi_directive_set_date(kpi_directive *directive, int32_t date);
/**
 * @brief Addresses the directive to one more goal of its plan.
 * @param directive the directive. Not NULL.
 * @param goal a goal of the same plan, not yet addressed. Not NULL.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when an argument is NULL or @p goal
 *         belongs to another plan; #KPI_ERR_VALUE when the goal's code
 *         holds ";" (which separates a directive's goals in the plan file);
 *         #KPI_ERR_DUPLICATE when the goal is addressed already;
 *         #KPI_ERR_LIMIT when the goals' codes, with the ";" between them,
 *         would take more than #KPI_MAX_FIELD bytes (one cell of the file);
 *         #KPI_ERR_NOMEM. On error nothing changes.
 */
KPI_EXTERN int kpi_directive_add_goal(kpi_directive *directive, kpi_goal *goal);
/**
 * @brief Number of goals the directive is addressed to (0: the whole plan).
 * @param directive the directive; NULL gives 0 (and records
 *        #KPI_ERR_ARGUMENT).
 * @return the count.
 */
KPI_EXTERN size_t kpi_directive_goal_count(const kpi_directive *directive);
/**
 * @brief The goal at @p index, in the order added.
 * @param directive the directive; NULL gives NULL (and records
 *        #KPI_ERR_ARGUMENT).
 * @param index 0 to kpi_directive_goal_count() - 1.
 * @return the goal, borrowed: valid until the plan is freed; NULL (and the
 *         last error #KPI_ERR_RANGE) when out of range.
 */
KPI_EXTERN kpi_goal *kpi_directive_goal_at(kpi_directive *directive, size_t index);
/**
 * @brief Appends a response to the directive.
 * @param directive the directive. Not NULL.
 * @param date the date of the response (valid YYYYMMDD, not 0).
 * @param text the response, verbatim, UTF-8, copied; NULL or "" for none.
 * @return the update, borrowed: valid until the plan is freed. NULL on
 *         error, with the last error (kept also on the plan:
 *         kpi_plan_error_code()) #KPI_ERR_ARGUMENT when @p directive is
 *         NULL; #KPI_ERR_DATE for an invalid or 0 @p date;
 *         #KPI_ERR_ENCODING when @p text is not valid UTF-8; #KPI_ERR_LIMIT when @p text
 *         is over #KPI_MAX_FIELD bytes; #KPI_ERR_LIMIT
 *         at #KPI_MAX_RECORDS updates; #KPI_ERR_NOMEM.
 */
KPI_EXTERN kpi_update *kpi_directive_add_update(kpi_directive *directive, int32_t date,
                                                const char *text);
/**
 * @brief Number of the directive's responses, in the order added.
 * @param directive the directive; NULL gives 0 (and records
 *        #KPI_ERR_ARGUMENT).
 * @return the count.
 */
KPI_EXTERN size_t kpi_directive_update_count(const kpi_directive *directive);
/**
 * @brief The directive's response at @p index, in the order added.
 * @param directive the directive; NULL gives NULL (and records
 *        #KPI_ERR_ARGUMENT).
 * @param index 0 to kpi_directive_update_count() - 1.
 * @return the update, borrowed: valid until the plan is freed; NULL (and
 *         the last error #KPI_ERR_RANGE) when out of range.
 */
KPI_EXTERN kpi_update *kpi_directive_update_at(kpi_directive *directive, size_t index);

/**
 * @brief The plan's report date (基準日): the as-of date reports use when
 *        none is given.
 * @param plan the plan; NULL gives 0 (and records #KPI_ERR_ARGUMENT).
 * @return YYYYMMDD, or 0 when none is set.
 */
KPI_EXTERN int32_t kpi_plan_report_date(const kpi_plan *plan);
/**
 * @brief Sets the plan's report date (基準日).
 * @param plan the plan. Not NULL.
 * @param date a valid YYYYMMDD date, or 0 for none.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p plan is NULL; #KPI_ERR_DATE
 *         for an invalid date. On error nothing changes.
 */
KPI_EXTERN int kpi_plan_set_report_date(kpi_plan *plan, int32_t date);

#ifdef __cplusplus
}
#endif

#endif /* KPI_PROGRESS_H */
