/**
 * @file kpi/evaluate.h
 * @brief Rating a plan: policy, evaluation, results and validation.
 *
 * kpi_evaluate() rates every target, goal and the plan as of a date, by
 * the rules of the evaluation contract, and returns an evaluation: a flat
 * list of results in plan order (the plan first, then each goal followed by
 * its targets and then its child goals, depth first). The evaluation is a
 * snapshot: every code, title and number it reports stays as it was when it
 * was made, valid after the plan is changed or freed, and it must be freed
 * with kpi_evaluation_free(). Results and their strings are borrowed from the
 * evaluation until it is freed. (To save memory, the strings of targets and
 * figures are shared with the plan, which never changes them in place: the
 * plan's memory for them is released when the plan and the last evaluation
 * made from it are both freed.)
 *
 * Evaluating never changes the plan and never fails because of the data:
 * what cannot be rated is reported unrated with a reason. It fails only on
 * bad arguments or lack of memory.
 *
 * Threads: several threads may evaluate the same plan at once, and read one
 * evaluation at once, as long as no thread changes the plan meanwhile. A
 * policy is read-only during kpi_evaluate() and may be shared likewise.
 * kpi_evaluate() itself uses the calling thread only, unless the policy
 * asks for more (kpi_policy_set_threads()).
 */
#ifndef KPI_EVALUATE_H
#define KPI_EVALUATE_H

#include "plan.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief How to rate: thresholds, roll-up rule, assessments. */
typedef struct kpi_policy kpi_policy;
/** @brief The ratings of a whole plan as of one date. */
typedef struct kpi_evaluation kpi_evaluation;
/** @brief The rating of one target, goal or the plan inside an evaluation. */
typedef struct kpi_result kpi_result;
/** @brief The problems kpi_validate() found. */
typedef struct kpi_problems kpi_problems;

/** @brief The kinds of problem kpi_validate() reports. */
typedef enum kpi_problem {
    KPI_PROBLEM_NONE = 0,       /**< no problem (returned on error) */
    KPI_PROBLEM_INCOMPLETE = 1, /**< a target lacks a value its kind needs:
                                     it would be #KPI_UNRATED_INCOMPLETE */
    KPI_PROBLEM_INVALID = 2,    /**< a target's values contradict each other:
                                     it would be #KPI_UNRATED_INVALID */
    KPI_PROBLEM_UNANSWERED = 3  /**< a directive has had no response for the
                                     policy's number of days */
} kpi_problem;

/**
 * @brief The stable name of a problem kind: "incomplete", "invalid",
 *        "unanswered".
 * @param problem the kind.
 * @return a static string; "" for #KPI_PROBLEM_NONE and unknown values.
 */
KPI_EXTERN const char *kpi_problem_name(kpi_problem problem);

/**
 * @brief Creates a policy with the defaults: ahead 1.10, on-track 0.95,
 *        #KPI_ROLLUP_CRITERIA, assessments used, #KPI_LANG_JA.
 * @param out receives the policy, which the caller frees with
 *        kpi_policy_free(); NULL on failure. Not NULL.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p out is NULL; #KPI_ERR_NOMEM.
 */
KPI_EXTERN int kpi_policy_new(kpi_policy **out);
/**
 * @brief Frees a policy. Does nothing for NULL.
 * @param policy a policy from kpi_policy_new(), or NULL; never the one
 *        kpi_evaluation_policy() returns.
 */
KPI_EXTERN void kpi_policy_free(kpi_policy *policy);
/**
 * @brief The pace from which a target is ◎ (default 1.10).
 * @param policy the policy; NULL gives NaN (and records #KPI_ERR_ARGUMENT).
 * @return the threshold.
 */
KPI_EXTERN double kpi_policy_ahead(const kpi_policy *policy);
/**
 * @brief The pace from which a target is ○ (default 0.95).
 * @param policy the policy; NULL gives NaN (and records #KPI_ERR_ARGUMENT).
 * @return the threshold.
 */
KPI_EXTERN double kpi_policy_on_track(const kpi_policy *policy);
/**
 * @brief Sets both thresholds.
 * @param policy the policy. Not NULL.
 * @param ahead the pace from which a target is ◎.
 * @param on_track the pace from which a target is ○.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p policy is NULL;
 *         #KPI_ERR_VALUE unless 0 < @p on_track <= @p ahead, both finite.
 */
KPI_EXTERN int kpi_policy_set_thresholds(kpi_policy *policy, double ahead,
                                         double on_track);
/**
 * @brief The roll-up rule.
 * @param policy the policy; NULL gives #KPI_ROLLUP_CRITERIA (and records
 *        #KPI_ERR_ARGUMENT).
 * @return the rule.
 */
KPI_EXTERN kpi_rollup kpi_policy_rollup(const kpi_policy *policy);
/**
 * @brief Sets the roll-up rule.
 * @param policy the policy. Not NULL.
 * @param rollup one of #kpi_rollup.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p policy is NULL;
 *         #KPI_ERR_VALUE for a value that is no #kpi_rollup.
 */
KPI_EXTERN int kpi_policy_set_rollup(kpi_policy *policy, kpi_rollup rollup);
/**
 * @brief Whether assessments override computed ratings (the default).
 * @param policy the policy; NULL gives 0 (and records #KPI_ERR_ARGUMENT).
 * @return 1 or 0: a truth value, not a status code.
 */
KPI_EXTERN int kpi_policy_use_assessments(const kpi_policy *policy);
/**
 * @brief Sets whether assessments are used.
 * @param policy the policy. Not NULL.
 * @param use any non-zero value for yes, 0 for no.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p policy is NULL.
 */
KPI_EXTERN int kpi_policy_set_use_assessments(kpi_policy *policy, int use);
/**
 * @brief After how many days an unanswered directive is overdue.
 * @param policy the policy; NULL gives 0 (and records #KPI_ERR_ARGUMENT).
 * @return the days (90 by default).
 */
KPI_EXTERN int32_t kpi_policy_directive_days(const kpi_policy *policy);
/**
 * @brief Sets after how many days an unanswered directive is overdue
 *        (kpi_result_overdue(), kpi_validate()).
 * @param policy the policy. Not NULL.
 * @param days 1 to 36500.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p policy is NULL; #KPI_ERR_VALUE
 *         for a number of days out of range. On error nothing changes.
 */
KPI_EXTERN int kpi_policy_set_directive_days(kpi_policy *policy, int32_t days);
/** @brief The most threads kpi_policy_set_threads() accepts. */
#define KPI_POLICY_MAX_THREADS 64
/**
 * @brief How many threads kpi_evaluate() may use (0 by default).
 * @param policy the policy; NULL gives 0 (and records #KPI_ERR_ARGUMENT).
 * @return the number set with kpi_policy_set_threads(); 0 or 1: the calling
 *         thread only.
 */
KPI_EXTERN int32_t kpi_policy_threads(const kpi_policy *policy);
/**
 * @brief Lets kpi_evaluate() rate independent parts of the plan (goals'
 *        subtrees, runs of a large goal's targets, directives) on up to
 *        @p threads threads, the calling thread among them. Off by
 *        default, so that a program embedding libkpi gets no threads unless
 *        it asks. The evaluation is the same whatever the number: the same
 *        results in the same order, the same bytes in every render.
 *
 * kpi_evaluate() starts the threads and joins them before it returns; a
 * thread the system refuses to start is no error (the others do its
 * share). With more than one thread, an allocator set with
 * kpi_set_allocator() is called from several threads at once.
 * @param policy the policy. Not NULL.
 * @param threads 0 or 1 for the calling thread only, up to
 *        #KPI_POLICY_MAX_THREADS.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p policy is NULL; #KPI_ERR_VALUE
 *         when @p threads is negative or above #KPI_POLICY_MAX_THREADS. On error
 *         nothing changes.
 */
KPI_EXTERN int kpi_policy_set_threads(kpi_policy *policy, int32_t threads);
/**
 * @brief Rates the plan as of @p as_of.
 * @param out receives the evaluation, which the caller frees with
 *        kpi_evaluation_free(); NULL on failure. Not NULL.
 * @param plan the plan; only read, and not needed after the call. Not NULL.
 * @param as_of the date d (valid YYYYMMDD); 0 for the plan's report date
 *        (kpi_plan_report_date()).
 * @param policy the policy, or NULL for the defaults; only read (copied),
 *        and not needed after the call.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p out or @p plan is NULL;
 *         #KPI_ERR_DATE for an invalid @p as_of, or 0 when the plan has no
 *         report date; #KPI_ERR_NOMEM.
 */
KPI_EXTERN int kpi_evaluate(kpi_evaluation **out, const kpi_plan *plan, int32_t as_of,
                            const kpi_policy *policy);
/**
 * @brief Frees an evaluation and its results. Does nothing for NULL.
 * @param evaluation the evaluation, or NULL. Every result and string
 *        borrowed from it becomes invalid.
 */
KPI_EXTERN void kpi_evaluation_free(kpi_evaluation *evaluation);
/**
 * @brief The as-of date.
 * @param evaluation the evaluation; NULL gives 0 (and records
 *        #KPI_ERR_ARGUMENT).
 * @return the date, YYYYMMDD.
 */
KPI_EXTERN int32_t kpi_evaluation_as_of(const kpi_evaluation *evaluation);
/**
 * @brief The first day of the period used (the plan's, or the fiscal year
 *        of the as-of date).
 * @param evaluation the evaluation; NULL gives 0 (and records
 *        #KPI_ERR_ARGUMENT).
 * @return the date, YYYYMMDD.
 */
KPI_EXTERN int32_t kpi_evaluation_start(const kpi_evaluation *evaluation);
/**
 * @brief The last day of the period used.
 * @param evaluation the evaluation; NULL gives 0 (and records
 *        #KPI_ERR_ARGUMENT).
 * @return the date, YYYYMMDD.
 */
KPI_EXTERN int32_t kpi_evaluation_end(const kpi_evaluation *evaluation);
/**
 * @brief The policy the evaluation was made with (a copy owned by the
 *        evaluation): read it with the kpi_policy_ getters.
 * @param evaluation the evaluation; NULL gives NULL (and records
 *        #KPI_ERR_ARGUMENT).
 * @return borrowed until the evaluation is freed; never to be given to
 *         kpi_policy_free().
 */
KPI_EXTERN const kpi_policy *kpi_evaluation_policy(const kpi_evaluation *evaluation);
/**
 * @brief The plan's organization, copied; "" when not set.
 * @param evaluation the evaluation; NULL gives "" (and records
 *        #KPI_ERR_ARGUMENT).
 * @return borrowed from the evaluation; valid until it is freed, whatever
 *         becomes of the plan.
 */
KPI_EXTERN const char *kpi_evaluation_organization(const kpi_evaluation *evaluation);
/**
 * @brief The plan's department, copied; "" when not set.
 * @param evaluation the evaluation; NULL gives "" (and records
 *        #KPI_ERR_ARGUMENT).
 * @return borrowed from the evaluation; valid until it is freed, whatever
 *         becomes of the plan.
 */
KPI_EXTERN const char *kpi_evaluation_department(const kpi_evaluation *evaluation);
/**
 * @brief Number of the plan's notes, copied into the evaluation.
 * @param evaluation the evaluation; NULL gives 0 (and records
 *        #KPI_ERR_ARGUMENT).
 * @return the count.
 */
KPI_EXTERN size_t kpi_evaluation_note_count(const kpi_evaluation *evaluation);
/**
 * @brief The text of the plan's note at @p index.
 * @param evaluation the evaluation; NULL gives NULL (and records
 *        #KPI_ERR_ARGUMENT).
 * @param index 0 to kpi_evaluation_note_count() - 1.
 * @return borrowed until the evaluation is freed; NULL (and the last error
 *         #KPI_ERR_RANGE) when out of range.
 */
KPI_EXTERN const char *kpi_evaluation_note_at(const kpi_evaluation *evaluation,
                                              size_t index);
/**
 * @brief The code of the plan's note at @p index, as
 *        kpi_plan_note_code_at() had it ("" when it has none).
 * @param evaluation the evaluation; NULL gives NULL (and records
 *        #KPI_ERR_ARGUMENT).
 * @param index 0 to kpi_evaluation_note_count() - 1.
 * @return borrowed until the evaluation is freed; NULL (and the last error
 *         #KPI_ERR_RANGE) when out of range.
 */
KPI_EXTERN const char *kpi_evaluation_note_code_at(const kpi_evaluation *evaluation,
                                                   size_t index);
/**
 * @brief Number of results: 1 (the plan) + goals + targets.
 * @param evaluation the evaluation; NULL gives 0 (and records
 *        #KPI_ERR_ARGUMENT).
 * @return the count.
 */
KPI_EXTERN size_t kpi_evaluation_result_count(const kpi_evaluation *evaluation);
/**
 * @brief The result at @p index in plan order; index 0 is the plan.
 * @param evaluation the evaluation; NULL gives NULL (and records
 *        #KPI_ERR_ARGUMENT).
 * @param index 0 to kpi_evaluation_result_count() - 1.
 * @return borrowed until the evaluation is freed; NULL (and the last error
 *         #KPI_ERR_RANGE) when out of range.
 */
KPI_EXTERN const kpi_result *kpi_evaluation_result_at(const kpi_evaluation *evaluation,
                                                      size_t index);
/**
 * @brief The result of the goal or target with @p code, or of the plan
 *        when @p code is the plan id, in constant time. When a goal or
 *        target has the plan id as its code, its result is the one found.
 *
 * The first call makes the evaluation's index of codes (time and memory in
 * proportion to its results; kpi_evaluate() does not, so that a program
 * that only walks the results never pays for it), later calls use it;
 * threads reading one evaluation may call this at once.
 * @param evaluation the evaluation to search. Not NULL.
 * @param code the code of a goal or target, or the plan id. Not NULL.
 * @return the result, borrowed until the evaluation is freed. NULL when
 *         nothing has @p code (the last error #KPI_ERR_NOT_FOUND),
 *         #KPI_ERR_NOMEM when the index cannot be made (a later call tries
 *         again), or #KPI_ERR_ARGUMENT when an argument is NULL.
 */
KPI_EXTERN const kpi_result *kpi_evaluation_find(const kpi_evaluation *evaluation,
                                                 const char *code);

/**
 * @brief What the result rates: the plan, a goal or a target.
 * @param result the result; NULL gives #KPI_OBJECT_PLAN (and records
 *        #KPI_ERR_ARGUMENT).
 * @return the kind of object.
 */
KPI_EXTERN kpi_object kpi_result_object(const kpi_result *result);
/**
 * @brief The code (the plan id for the plan).
 * @param result the result; NULL gives "" (and records #KPI_ERR_ARGUMENT).
 * @return borrowed from the evaluation; valid until it is freed.
 */
KPI_EXTERN const char *kpi_result_code(const kpi_result *result);
/**
 * @brief The title (goal title, target label, plan title); "" when none.
 * @param result the result; NULL gives "" (and records #KPI_ERR_ARGUMENT).
 * @return borrowed from the evaluation; valid until it is freed.
 */
KPI_EXTERN const char *kpi_result_title(const kpi_result *result);
/**
 * @brief Depth: 0 for the plan, 1 for a top-level goal, parent + 1
 *        otherwise.
 * @param result the result; NULL gives 0 (and records #KPI_ERR_ARGUMENT).
 * @return the depth.
 */
KPI_EXTERN int32_t kpi_result_depth(const kpi_result *result);
/**
 * @brief The parent's result.
 * @param result the result; NULL gives NULL (and records #KPI_ERR_ARGUMENT).
 * @return borrowed from the evaluation, valid until it is freed; NULL for
 *         the plan.
 */
KPI_EXTERN const kpi_result *kpi_result_parent(const kpi_result *result);
/**
 * @brief Number of direct children (targets first, then goals).
 * @param result the result; NULL gives 0 (and records #KPI_ERR_ARGUMENT).
 * @return the count; 0 for a target.
 */
KPI_EXTERN size_t kpi_result_child_count(const kpi_result *result);
/**
 * @brief The direct child at @p index (targets first, then goals).
 * @param result the result; NULL gives NULL (and records #KPI_ERR_ARGUMENT).
 * @param index 0 to kpi_result_child_count() - 1.
 * @return borrowed from the evaluation, valid until it is freed; NULL (and
 *         the last error #KPI_ERR_RANGE) when out of range.
 */
KPI_EXTERN const kpi_result *kpi_result_child_at(const kpi_result *result, size_t index);
/**
 * @brief The weight used in the parent's roll-up (1 for the plan).
 * @param result the result; NULL gives NaN (and records #KPI_ERR_ARGUMENT).
 * @return the weight.
 */
KPI_EXTERN double kpi_result_weight(const kpi_result *result);

/**
 * @brief The effective rating: the assessment's when one applies, else the
 *        computed one.
 * @param result the result; NULL gives #KPI_RATING_NONE (and records
 *        #KPI_ERR_ARGUMENT).
 * @return the rating; #KPI_RATING_NONE when unrated.
 */
KPI_EXTERN kpi_rating kpi_result_rating(const kpi_result *result);
/**
 * @brief The rating computed by the rules, whatever any assessment says.
 * @param result the result; NULL gives #KPI_RATING_NONE (and records
 *        #KPI_ERR_ARGUMENT).
 * @return the rating; #KPI_RATING_NONE when not computed.
 */
KPI_EXTERN kpi_rating kpi_result_computed_rating(const kpi_result *result);
/**
 * @brief Whether an assessment set the effective rating.
 * @param result the result; NULL gives 0 (and records #KPI_ERR_ARGUMENT).
 * @return 1 or 0: a truth value, not a status code.
 */
KPI_EXTERN int kpi_result_assessed(const kpi_result *result);
/**
 * @brief Whether an assessment set the rating and the computed rating
 *        differs from it.
 * @param result the result; NULL gives 0 (and records #KPI_ERR_ARGUMENT).
 * @return 1 or 0: a truth value, not a status code.
 */
KPI_EXTERN int kpi_result_mismatch(const kpi_result *result);
/**
 * @brief Why the effective rating is missing.
 * @param result the result; NULL gives #KPI_UNRATED_NONE (and records
 *        #KPI_ERR_ARGUMENT).
 * @return the reason; #KPI_UNRATED_NONE when rated.
 */
KPI_EXTERN kpi_unrated kpi_result_unrated(const kpi_result *result);
/**
 * @brief Why the computed rating is missing.
 * @param result the result; NULL gives #KPI_UNRATED_NONE (and records
 *        #KPI_ERR_ARGUMENT).
 * @return the reason; #KPI_UNRATED_NONE when computed.
 */
KPI_EXTERN kpi_unrated kpi_result_computed_unrated(const kpi_result *result);
/**
 * @brief The date of the assessment used.
 * @param result the result; NULL gives 0 (and records #KPI_ERR_ARGUMENT).
 * @return the date, YYYYMMDD, or 0 when none was used.
 */
KPI_EXTERN int32_t kpi_result_assessment_date(const kpi_result *result);

/**
 * @brief Actual A.
 * @param result the result; NULL gives NaN (and records #KPI_ERR_ARGUMENT).
 * @return A; NaN when there is none (no data, or not a target).
 */
KPI_EXTERN double kpi_result_actual(const kpi_result *result);
/**
 * @brief Expected E at the as-of date.
 * @param result the result; NULL gives NaN (and records #KPI_ERR_ARGUMENT).
 * @return E; NaN when not computed.
 */
KPI_EXTERN double kpi_result_expected(const kpi_result *result);
/**
 * @brief Target value T in effect (relative targets computed), as
 *        kpi_target_value() is the value set.
 * @param result the result; NULL gives NaN (and records #KPI_ERR_ARGUMENT).
 * @return T; NaN when missing.
 */
KPI_EXTERN double kpi_result_value(const kpi_result *result);
/**
 * @brief Start value S in effect.
 * @param result the result; NULL gives NaN (and records #KPI_ERR_ARGUMENT).
 * @return S; NaN when missing.
 */
KPI_EXTERN double kpi_result_start_value(const kpi_result *result);
/**
 * @brief Elapsed fraction f of the target's period.
 * @param result the result; NULL gives NaN (and records #KPI_ERR_ARGUMENT).
 * @return f in 0..1; NaN when not computed.
 */
KPI_EXTERN double kpi_result_elapsed(const kpi_result *result);
/**
 * @brief Pace r = g(A) / g(E).
 * @param result the result; NULL gives NaN (and records #KPI_ERR_ARGUMENT).
 * @return r; NaN when nothing was expected yet or not computed.
 */
KPI_EXTERN double kpi_result_pace(const kpi_result *result);
/**
 * @brief Achievement (達成率) g(A) / g(T), also above 1.
 * @param result the result; NULL gives NaN (and records #KPI_ERR_ARGUMENT).
 * @return the achievement; NaN unless computed-rated.
 */
KPI_EXTERN double kpi_result_achievement(const kpi_result *result);
/**
 * @brief The date of the last measurement used.
 * @param result the result; NULL gives 0 (and records #KPI_ERR_ARGUMENT).
 * @return the date, YYYYMMDD, or 0.
 */
KPI_EXTERN int32_t kpi_result_measured(const kpi_result *result);
/**
 * @brief The start date D0 in effect for a target.
 * @param result the result; NULL gives 0 (and records #KPI_ERR_ARGUMENT).
 * @return the date, YYYYMMDD; 0 for goals and the plan.
 */
KPI_EXTERN int32_t kpi_result_start(const kpi_result *result);
/**
 * @brief The due date D1 in effect for a target.
 * @param result the result; NULL gives 0 (and records #KPI_ERR_ARGUMENT).
 * @return the date, YYYYMMDD; 0 for goals and the plan.
 */
KPI_EXTERN int32_t kpi_result_due(const kpi_result *result);
/**
 * @brief The unit of a target; "" otherwise.
 * @param result the result; NULL gives "" (and records #KPI_ERR_ARGUMENT).
 * @return borrowed from the evaluation; valid until it is freed.
 */
KPI_EXTERN const char *kpi_result_unit(const kpi_result *result);
/**
 * @brief The target as originally written (期限・数値目標); "" otherwise.
 * @param result the result; NULL gives "" (and records #KPI_ERR_ARGUMENT).
 * @return borrowed from the evaluation; valid until it is freed.
 */
KPI_EXTERN const char *kpi_result_text(const kpi_result *result);
/**
 * @brief For a target, the fields read from its text rather than given
 *        (#kpi_field bits, see kpi_target_inferred()); 0 otherwise.
 * @param result the result; NULL gives 0 (and records #KPI_ERR_ARGUMENT).
 * @return the #kpi_field bits.
 */
KPI_EXTERN uint32_t kpi_result_inferred(const kpi_result *result);
/**
 * @brief The kind of a target (#KPI_KIND_NUMERIC for goals and the plan).
 * @param result the result; NULL gives #KPI_KIND_NUMERIC (and records
 *        #KPI_ERR_ARGUMENT).
 * @return the kind.
 */
KPI_EXTERN kpi_kind kpi_result_target_kind(const kpi_result *result);
/**
 * @brief The direction of a target (#KPI_DIRECTION_INCREASE otherwise).
 * @param result the result; NULL gives #KPI_DIRECTION_INCREASE (and
 *        records #KPI_ERR_ARGUMENT).
 * @return the direction.
 */
KPI_EXTERN kpi_direction kpi_result_direction(const kpi_result *result);

/**
 * @brief For a goal or the plan: how many direct children have effective
 *        @p rating.
 * @param result the result; NULL gives 0 (and records #KPI_ERR_ARGUMENT).
 * @param rating one of the four ratings; #KPI_RATING_NONE and unknown
 *        values give 0 (count unrated children with
 *        kpi_result_count_unrated()).
 * @return the count; 0 for a target.
 */
KPI_EXTERN size_t kpi_result_count_rating(const kpi_result *result, kpi_rating rating);
/**
 * @brief For a goal or the plan: how many direct children are unrated for
 *        @p reason.
 * @param result the result; NULL gives 0 (and records #KPI_ERR_ARGUMENT).
 * @param reason a reason other than #KPI_UNRATED_NONE, which gives 0, as
 *        unknown values do.
 * @return the count; 0 for a target.
 */
KPI_EXTERN size_t kpi_result_count_unrated(const kpi_result *result, kpi_unrated reason);

/**
 * @brief The status the rating rests on: that of the latest update dated
 *        on or before the as-of date that gives one (kpi/progress.h).
 * @param result the result; NULL gives #KPI_STATUS_NONE (and records
 *        #KPI_ERR_ARGUMENT).
 * @return the status; #KPI_STATUS_NONE when no update gives one.
 */
KPI_EXTERN kpi_status kpi_result_status(const kpi_result *result);
/**
 * @brief The planned date given with that status.
 * @param result the result; NULL gives 0 (and records #KPI_ERR_ARGUMENT).
 * @return YYYYMMDD, or 0.
 */
KPI_EXTERN int32_t kpi_result_planned(const kpi_result *result);
/**
 * @brief The date of the update that gave that status.
 * @param result the result; NULL gives 0 (and records #KPI_ERR_ARGUMENT).
 * @return YYYYMMDD, or 0 when no update gives a status.
 */
KPI_EXTERN int32_t kpi_result_status_date(const kpi_result *result);
/**
 * @brief The date of the latest update on or before the as-of date, as
 *        reports show beside the rating.
 * @param result the result; NULL gives 0 (and records #KPI_ERR_ARGUMENT).
 * @return YYYYMMDD, or 0 when there is none.
 */
KPI_EXTERN int32_t kpi_result_update_date(const kpi_result *result);
/**
 * @brief The text of that latest update, verbatim.
 * @param result the result; NULL gives "" (and records #KPI_ERR_ARGUMENT).
 * @return borrowed from the evaluation: valid until it is freed; "" when
 *         there is none.
 */
KPI_EXTERN const char *kpi_result_update_text(const kpi_result *result);
/**
 * @brief The status of that latest update (which may give none).
 * @param result the result; NULL gives #KPI_STATUS_NONE (and records
 *        #KPI_ERR_ARGUMENT).
 * @return the status.
 */
KPI_EXTERN kpi_status kpi_result_update_status(const kpi_result *result);
/**
 * @brief The planned date of that latest update (#KPI_STATUS_SCHEDULED).
 * @param result the result; NULL gives 0 (and records #KPI_ERR_ARGUMENT).
 * @return YYYYMMDD, or 0 when it gives none.
 */
KPI_EXTERN int32_t kpi_result_update_planned(const kpi_result *result);
/**
 * @brief Whether the latest figure (A) was read from a progress text by the
 *        reader rather than written by the city.
 * @param result the result; NULL gives 0 (and records #KPI_ERR_ARGUMENT).
 * @return 1 or 0: a truth value, not a status code.
 */
KPI_EXTERN int kpi_result_figure_inferred(const kpi_result *result);
/**
 * @brief Whether the status (kpi_result_status()) was read from its
 *        update's text by the reader rather than written by the city
 *        (kpi_reader_prose_confidence()).
 * @param result the result; NULL gives 0 (and records #KPI_ERR_ARGUMENT).
 * @return 1 or 0: a truth value, not a status code.
 */
KPI_EXTERN int kpi_result_status_inferred(const kpi_result *result);

/**
 * @brief Number of directives (指示事項) in the evaluation, in the plan's
 *        order. They are results of kind #KPI_OBJECT_DIRECTIVE, apart from
 *        the tree of kpi_evaluation_result_at().
 * @param evaluation the evaluation; NULL gives 0 (and records
 *        #KPI_ERR_ARGUMENT).
 * @return the count.
 */
KPI_EXTERN size_t kpi_evaluation_directive_count(const kpi_evaluation *evaluation);
/**
 * @brief The directive at @p index.
 * @param evaluation the evaluation; NULL gives NULL (and records
 *        #KPI_ERR_ARGUMENT).
 * @param index 0 to kpi_evaluation_directive_count() - 1.
 * @return the result, borrowed until the evaluation is freed; NULL (and the
 *         last error #KPI_ERR_RANGE) when out of range.
 */
KPI_EXTERN const kpi_result *kpi_evaluation_directive_at(const kpi_evaluation *evaluation,
                                                         size_t index);
/**
 * @brief Who gave a directive (市長 by default).
 * @param result a directive's result; NULL gives "" (and records
 *        #KPI_ERR_ARGUMENT).
 * @return borrowed from the evaluation: valid until it is freed; "" for
 *         other results.
 */
KPI_EXTERN const char *kpi_result_issuer(const kpi_result *result);
/**
 * @brief When a directive was given.
 * @param result a directive's result; NULL gives 0 (and records
 *        #KPI_ERR_ARGUMENT).
 * @return YYYYMMDD, or 0 when unknown (and for other results).
 */
KPI_EXTERN int32_t kpi_result_issued(const kpi_result *result);
/**
 * @brief Whether a directive is still open: no response on or before the
 *        as-of date says #KPI_STATUS_DONE or #KPI_STATUS_CANCELLED.
 * @param result a directive's result; NULL gives 0 (and records
 *        #KPI_ERR_ARGUMENT).
 * @return 1 or 0: a truth value, not a status code (0 for other results).
 */
KPI_EXTERN int kpi_result_open(const kpi_result *result);
/**
 * @brief How many days an open directive has been open as of the as-of
 *        date.
 * @param result a directive's result; NULL gives -1 (and records
 *        #KPI_ERR_ARGUMENT).
 * @return the days; -1 when it is closed, its date is unknown or later
 *         than the as-of date (and for other results).
 */
KPI_EXTERN int32_t kpi_result_days_open(const kpi_result *result);
/**
 * @brief Whether a directive is open, has no response and is older than
 *        the policy allows (kpi_policy_set_directive_days()).
 * @param result a directive's result; NULL gives 0 (and records
 *        #KPI_ERR_ARGUMENT).
 * @return 1 or 0: a truth value, not a status code.
 */
KPI_EXTERN int kpi_result_overdue(const kpi_result *result);
/**
 * @brief Number of goals a directive is addressed to (0: the whole plan).
 * @param result a directive's result; NULL gives 0 (and records
 *        #KPI_ERR_ARGUMENT).
 * @return the count (0 for other results).
 */
KPI_EXTERN size_t kpi_result_goal_count(const kpi_result *result);
/**
 * @brief The code of the goal at @p index a directive is addressed to.
 * @param result a directive's result; NULL gives NULL (and records
 *        #KPI_ERR_ARGUMENT).
 * @param index 0 to kpi_result_goal_count() - 1.
 * @return borrowed from the evaluation: valid until it is freed; NULL (and
 *         the last error #KPI_ERR_RANGE) when out of range.
 */
KPI_EXTERN const char *kpi_result_goal_code_at(const kpi_result *result, size_t index);

/**
 * @brief The one-line reason a person can read, in the language asked,
 *        e.g. `32件 / 目標30件以上 (107%), 期待値15.0 (経過50%) → ◎` or
 *        `32 件 / target 30 件 or more (107%), expected 15.0 (50% elapsed) → ◎`.
 *
 * When an update gives the target a status, the line begins with it, the
 * update's date and the planned date: `予定 2017-09-30（予定日 2017-10-31、
 * 期限2018-03-31）, 実績なし / 目標1回以上, ... → ○`, `中止 2017-09-30 →
 * 未評価: 中止`. A directive's line is its follow-up: `未回答（121日経過）
 * 【期限超過】`, `closed: done 2017-09-15`.
 *
 * Built on the first request for each language and kept with the
 * evaluation, so that kpi_evaluate() does no text formatting. Threads
 * sharing an evaluation may ask at the same time.
 * @param result the result. Not NULL.
 * @param lang the language, one of #kpi_lang.
 * @return the line, borrowed: valid until the evaluation is freed; NULL
 *         with #KPI_ERR_ARGUMENT when @p result is NULL, #KPI_ERR_VALUE for
 *         a @p lang that is no #kpi_lang, #KPI_ERR_NOMEM when the line
 *         cannot be built.
 */
KPI_EXTERN const char *kpi_result_reason(const kpi_result *result, kpi_lang lang);

/**
 * @brief Lists what keeps targets from being rated or makes their values
 *        contradict each other, and the directives left without a response
 *        for longer than the policy allows, without evaluating. Qualitative
 *        targets and goals are not checked.
 * @param out receives the list (possibly empty), which the caller frees
 *        with kpi_problems_free(); NULL on failure. Not NULL.
 * @param plan the plan; only read, and not needed after the call. Not NULL.
 * @param as_of the date directives are checked as of (valid YYYYMMDD); 0
 *        for the plan's report date (kpi_plan_report_date()), and when the
 *        plan has none, directives are not checked.
 * @param policy the policy (its kpi_policy_directive_days()), or NULL for
 *        the defaults; only read.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p out or @p plan is NULL;
 *         #KPI_ERR_DATE for an invalid @p as_of; #KPI_ERR_NOMEM.
 */
KPI_EXTERN int kpi_validate(kpi_problems **out, const kpi_plan *plan, int32_t as_of,
                            const kpi_policy *policy);
/**
 * @brief Frees a problem list. Does nothing for NULL.
 * @param problems the list, or NULL. Every string borrowed from it becomes
 *        invalid.
 */
KPI_EXTERN void kpi_problems_free(kpi_problems *problems);
/**
 * @brief Number of problems.
 * @param problems the list; NULL gives 0 (and records #KPI_ERR_ARGUMENT).
 * @return the count.
 */
KPI_EXTERN size_t kpi_problems_count(const kpi_problems *problems);
/**
 * @brief The kind of problem @p index.
 * @param problems the list; NULL gives #KPI_PROBLEM_NONE (and records
 *        #KPI_ERR_ARGUMENT).
 * @param index 0 to kpi_problems_count() - 1.
 * @return the kind; #KPI_PROBLEM_NONE (and the last error #KPI_ERR_RANGE)
 *         when out of range.
 */
KPI_EXTERN kpi_problem kpi_problems_kind_at(const kpi_problems *problems, size_t index);
/**
 * @brief The code of the target or directive concerned.
 * @param problems the list; NULL gives NULL (and records #KPI_ERR_ARGUMENT).
 * @param index 0 to kpi_problems_count() - 1.
 * @return borrowed until the list is freed; NULL (and the last error
 *         #KPI_ERR_RANGE) when out of range.
 */
KPI_EXTERN const char *kpi_problems_object_at(const kpi_problems *problems, size_t index);
/**
 * @brief The message, e.g. `target "3-3-c": a DECREASE target needs its
 *        start value (S)`, `directive "D1": no response since it was given
 *        on 2017-06-01 (121 days)`.
 * @param problems the list; NULL gives NULL (and records #KPI_ERR_ARGUMENT).
 * @param index 0 to kpi_problems_count() - 1.
 * @return borrowed until the list is freed; NULL (and the last error
 *         #KPI_ERR_RANGE) when out of range.
 */
KPI_EXTERN const char *kpi_problems_message_at(const kpi_problems *problems,
                                               size_t index);

#ifdef __cplusplus
}
#endif

#endif /* KPI_EVALUATE_H */
