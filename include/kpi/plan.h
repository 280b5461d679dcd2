/**
 * @file kpi/plan.h
 * @brief The plan: the root object that owns goals, targets, measurements,
 *        assessments and notes.
 *
 * Ownership: a plan is created with kpi_plan_new() and released with
 * kpi_plan_free(), which releases everything inside it. Every goal, target,
 * measurement and assessment pointer obtained from a plan is borrowed: it
 * stays valid, at the same address, until the plan is freed. Every
 * `const char *` a getter returns stays valid until the same field is set
 * again or the plan is freed.
 *
 * Codes: goals and targets share one namespace of codes per plan (`3`,
 * `3-2`, `3-2-a`); a code is unique among them and found in constant time.
 *
 * Navigation keeps constness: a goal, target, measurement or assessment is
 * reached from a mutable parent (kpi_plan_goal_at(), kpi_goal_target_at(),
 * ...) and is mutable; no function turns a const handle into a mutable one.
 *
 * Errors: a call that changes the plan or anything in it and fails records
 * its error both as the thread's last error (kpi/error.h) and on the plan
 * (kpi_plan_error_code(), kpi_plan_error_message()), where a caller whose
 * thread may change between the call and the check still finds it.
 *
 * Threads: a plan may be read (getters, kpi_evaluate(), kpi_validate()) by
 * any number of threads at once, as long as no thread changes it. Changing
 * a plan while another thread reads it is not allowed. Different plans are
 * independent.
 */
#ifndef KPI_PLAN_H
#define KPI_PLAN_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief A plan (重点目標一覧): the root of the model. */
typedef struct kpi_plan kpi_plan;
/** @brief A goal (重点目標, 取組項目, ...), nested to any depth up to #KPI_MAX_DEPTH. */
typedef struct kpi_goal kpi_goal;
/** @brief A target (期限・数値目標) of a goal. */
typedef struct kpi_target kpi_target;
/** @brief One reported figure (進捗状況) of a target. */
typedef struct kpi_measurement kpi_measurement;
/** @brief A person's rating (進捗度) of a target or a goal. */
typedef struct kpi_assessment kpi_assessment;

/** @brief The deepest goal nesting accepted: a top-level goal is at depth 1. */
#define KPI_MAX_DEPTH 32

/** @brief The longest code accepted, in bytes. */
#define KPI_MAX_CODE 256

/**
 * @brief The longest text accepted in one field, in bytes (1 MiB): by
 *        every setter, and by the readers for one cell of a file, so that
 *        whatever a plan holds can be written and read back.
 */
#define KPI_MAX_FIELD (1024 * 1024)

/** @brief The most goals and targets one plan holds, together (2^24). */
#define KPI_MAX_OBJECTS 16777216

/** @brief The most measurements, or assessments, one target or goal holds (2^20). */
#define KPI_MAX_RECORDS 1048576

/**
 * @brief Creates an empty plan.
 * @param out receives the plan, which the caller frees with kpi_plan_free();
 *        NULL on failure. Not NULL.
 * @param id the plan's id (its code), copied: non-empty, at most
 *        #KPI_MAX_CODE bytes, UTF-8. Not NULL.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p out or @p id is NULL;
 *         #KPI_ERR_VALUE for an empty @p id or one with a blank at either end;
 *         #KPI_ERR_LIMIT for one over #KPI_MAX_CODE bytes; #KPI_ERR_ENCODING
 *         when @p id is not valid UTF-8; #KPI_ERR_NOMEM.
 */
KPI_EXTERN int kpi_plan_new(kpi_plan **out, const char *id);

/**
 * @brief Frees a plan and everything it owns. Does nothing for NULL.
 * @param plan the plan, or NULL. Every goal, target, measurement,
 *        assessment and string borrowed from it becomes invalid.
 */
KPI_EXTERN void kpi_plan_free(kpi_plan *plan);

/**
 * @brief The code of the last failed call that was to change the plan or
 *        anything in it (a setter, an add_ function), as SQLite keeps an
 *        error on its connection. Calls that only read a plan never change
 *        it, so that threads may share a plan they only read.
 * @param plan the plan; NULL gives #KPI_ERR_ARGUMENT.
 * @return #KPI_OK when no such call has failed since the plan was made (or
 *         read), or the #kpi_error code of the last that did
 *         (#KPI_ERR_VALUE, #KPI_ERR_DUPLICATE, #KPI_ERR_ENCODING,
 *         #KPI_ERR_NOMEM, ...).
 */
KPI_EXTERN int kpi_plan_error_code(const kpi_plan *plan);
/**
 * @brief The message of the last failed call that was to change the plan
 *        (see kpi_plan_error_code()).
 * @param plan the plan; NULL gives "".
 * @return borrowed from the plan: valid until the next failed change or
 *         until the plan is freed; "" when none has failed.
 */
KPI_EXTERN const char *kpi_plan_error_message(const kpi_plan *plan);

/**
 * @brief The plan's id.
 * @param plan the plan; NULL gives "" (and records #KPI_ERR_ARGUMENT).
 * @return borrowed from the plan; valid until the id is set again or the
 *         plan is freed.
 */
KPI_EXTERN const char *kpi_plan_id(const kpi_plan *plan);
/**
 * @brief Sets the plan's id. The id is not one of the codes of goals and
 *        targets: a target or a directive may have the same code, but no
 *        goal, since a plan file's parent column reads the id as the plan.
 * @param plan the plan. Not NULL.
 * @param id the new id, copied: non-empty, at most #KPI_MAX_CODE bytes,
 *        UTF-8. Not NULL.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p plan or @p id is NULL;
 *         #KPI_ERR_VALUE for an empty @p id or one with a blank at either end;
 *         #KPI_ERR_LIMIT for one over #KPI_MAX_CODE bytes; #KPI_ERR_ENCODING
 *         when it is not valid UTF-8; #KPI_ERR_DUPLICATE when a goal has
 *         @p id as its code; #KPI_ERR_NOMEM. On error the id is unchanged.
 */
KPI_EXTERN int kpi_plan_set_id(kpi_plan *plan, const char *id);
/**
 * @brief The plan's title; "" when not set.
 * @param plan the plan; NULL gives "" (and records #KPI_ERR_ARGUMENT).
 * @return borrowed from the plan; valid until the title is set again or
 *         the plan is freed.
 */
KPI_EXTERN const char *kpi_plan_title(const kpi_plan *plan);
/**
 * @brief Sets the plan's title; NULL or "" clears it.
 * @param plan the plan. Not NULL.
 * @param title the title, UTF-8, copied; NULL or "" for none.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p plan is NULL;
 *         #KPI_ERR_ENCODING when @p title is not valid UTF-8; #KPI_ERR_LIMIT when
 *         @p title is over #KPI_MAX_FIELD bytes;
 *         #KPI_ERR_NOMEM. On error the title is unchanged.
 */
KPI_EXTERN int kpi_plan_set_title(kpi_plan *plan, const char *title);
/**
 * @brief The organization (e.g. 上田市); "" when not set.
 * @param plan the plan; NULL gives "" (and records #KPI_ERR_ARGUMENT).
 * @return borrowed from the plan; valid until the organization is set
 *         again or the plan is freed.
 */
KPI_EXTERN const char *kpi_plan_organization(const kpi_plan *plan);
/**
 * @brief Sets the organization; NULL or "" clears it.
 * @param plan the plan. Not NULL.
 * @param organization the organization, UTF-8, copied; NULL or "" for none.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p plan is NULL;
 *         #KPI_ERR_ENCODING when @p organization is not valid UTF-8; #KPI_ERR_LIMIT when
 *         @p organization is over #KPI_MAX_FIELD bytes;
 *         #KPI_ERR_NOMEM. On error the organization is unchanged.
 */
KPI_EXTERN int kpi_plan_set_organization(kpi_plan *plan, const char *organization);
/**
 * @brief The department (担当部局名, e.g. 政策企画部); "" when not set.
 * @param plan the plan; NULL gives "" (and records #KPI_ERR_ARGUMENT).
 * @return borrowed from the plan; valid until the department is set again
 *         or the plan is freed.
 */
KPI_EXTERN const char *kpi_plan_department(const kpi_plan *plan);
/**
 * @brief Sets the department; NULL or "" clears it.
 * @param plan the plan. Not NULL.
 * @param department the department, UTF-8, copied; NULL or "" for none.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p plan is NULL;
 *         #KPI_ERR_ENCODING when @p department is not valid UTF-8; #KPI_ERR_LIMIT when
 *         @p department is over #KPI_MAX_FIELD bytes;
 *         #KPI_ERR_NOMEM. On error the department is unchanged.
 */
KPI_EXTERN int kpi_plan_set_department(kpi_plan *plan, const char *department);

/**
 * @brief The first day of the plan's period as set, or 0 when not set.
 *        An unset period means the Japanese fiscal year containing the
 *        as-of date of each evaluation.
 * @param plan the plan; NULL gives 0 (and records #KPI_ERR_ARGUMENT).
 * @return the date, YYYYMMDD, or 0.
 */
KPI_EXTERN int32_t kpi_plan_start(const kpi_plan *plan);
/**
 * @brief The last day of the plan's period as set, or 0 when not set.
 * @param plan the plan; NULL gives 0 (and records #KPI_ERR_ARGUMENT).
 * @return the date, YYYYMMDD, or 0.
 */
KPI_EXTERN int32_t kpi_plan_end(const kpi_plan *plan);
/**
 * @brief Sets the plan's period. Both 0 clears it.
 * @param plan the plan. Not NULL.
 * @param start the first day, YYYYMMDD.
 * @param end the last day, YYYYMMDD, on or after @p start.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p plan is NULL; #KPI_ERR_DATE
 *         for an invalid date or only one of the two set; #KPI_ERR_VALUE
 *         when @p end is before @p start. On error the period is unchanged.
 */
KPI_EXTERN int kpi_plan_set_period(kpi_plan *plan, int32_t start, int32_t end);
/**
 * @brief Sets the period to Japanese fiscal year @p fiscal_year
 *        (2017: 2017-04-01 to 2018-03-31).
 * @param plan the plan. Not NULL.
 * @param fiscal_year the fiscal year, 1..9998, named by the calendar year
 *        it starts in.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p plan is NULL; #KPI_ERR_DATE
 *         when @p fiscal_year is outside 1..9998.
 */
KPI_EXTERN int kpi_plan_set_fiscal_year(kpi_plan *plan, int32_t fiscal_year);

/**
 * @brief Number of top-level goals.
 * @param plan the plan; NULL gives 0 (and records #KPI_ERR_ARGUMENT).
 * @return the count.
 */
KPI_EXTERN size_t kpi_plan_goal_count(const kpi_plan *plan);
/**
 * @brief The top-level goal at @p index (0-based, in the order added).
 * @param plan the plan; NULL gives NULL (and records #KPI_ERR_ARGUMENT).
 * @param index 0 to kpi_plan_goal_count() - 1.
 * @return the goal, borrowed: valid, at the same address, until the plan
 *         is freed; NULL (and the last error #KPI_ERR_RANGE) when out of
 *         range.
 */
KPI_EXTERN kpi_goal *kpi_plan_goal_at(kpi_plan *plan, size_t index);

/**
 * @brief Adds a top-level goal at the end.
 * @param plan the plan to add to. Not NULL.
 * @param code a code unused by any goal or target of the plan, copied:
 *        non-empty, at most #KPI_MAX_CODE bytes, UTF-8. Not NULL.
 * @param title the goal's title, UTF-8, copied; NULL or "" for none.
 * @return the new goal, borrowed: valid until the plan is freed. NULL on
 *         error, with the last error (and the plan's, kpi_plan_error_code())
 *         #KPI_ERR_ARGUMENT when @p plan or @p code is NULL; #KPI_ERR_VALUE
 *         for an empty code or one with a blank at either end; #KPI_ERR_LIMIT for a code
 *         over #KPI_MAX_CODE bytes; #KPI_ERR_ENCODING when @p code or
 *         @p title is not valid UTF-8; #KPI_ERR_LIMIT when @p title is over
 *         #KPI_MAX_FIELD bytes or the plan already holds #KPI_MAX_OBJECTS
 *         goals and targets; #KPI_ERR_DUPLICATE when a goal or target has
 *         @p code, or it is the plan's id; #KPI_ERR_NOMEM. On error the plan
 *         is unchanged.
 */
KPI_EXTERN kpi_goal *kpi_plan_add_goal(kpi_plan *plan, const char *code,
                                       const char *title);

/**
 * @brief Finds a goal of any depth by code, in constant time.
 * @param plan the plan to search. Not NULL.
 * @param code the goal's code. Not NULL.
 * @return the goal, borrowed: valid until the plan is freed. NULL when
 *         there is none, with the last error #KPI_ERR_NOT_FOUND (a target's
 *         code is not found either), or #KPI_ERR_ARGUMENT when an argument
 *         is NULL.
 */
KPI_EXTERN kpi_goal *kpi_plan_find_goal(kpi_plan *plan, const char *code);

/**
 * @brief Finds a target by code, in constant time.
 * @param plan the plan to search. Not NULL.
 * @param code the target's code. Not NULL.
 * @return the target, borrowed: valid until the plan is freed. NULL when
 *         there is none, with the last error #KPI_ERR_NOT_FOUND (a goal's
 *         code is not found either), or #KPI_ERR_ARGUMENT when an argument
 *         is NULL.
 */
KPI_EXTERN kpi_target *kpi_plan_find_target(kpi_plan *plan, const char *code);

/**
 * @brief Number of goals of every depth in the plan.
 * @param plan the plan; NULL gives 0 (and records #KPI_ERR_ARGUMENT).
 * @return the count.
 */
KPI_EXTERN size_t kpi_plan_total_goal_count(const kpi_plan *plan);
/**
 * @brief Number of targets in the plan.
 * @param plan the plan; NULL gives 0 (and records #KPI_ERR_ARGUMENT).
 * @return the count.
 */
KPI_EXTERN size_t kpi_plan_total_target_count(const kpi_plan *plan);

/**
 * @brief Number of notes (市長指示事項, 評価基準, ...) attached to the plan.
 * @param plan the plan; NULL gives 0 (and records #KPI_ERR_ARGUMENT).
 * @return the count.
 */
KPI_EXTERN size_t kpi_plan_note_count(const kpi_plan *plan);
/**
 * @brief The text of the plan's note at @p index.
 * @param plan the plan; NULL gives NULL (and records #KPI_ERR_ARGUMENT).
 * @param index 0 to kpi_plan_note_count() - 1, in the order added.
 * @return a string borrowed from the plan, valid until the plan is freed
 *         (notes are never changed or removed); NULL (and the last error
 *         #KPI_ERR_RANGE) when out of range.
 */
KPI_EXTERN const char *kpi_plan_note_at(const kpi_plan *plan, size_t index);
/**
 * @brief The code of the plan's note at @p index ("" when it has none).
 * @param plan the plan; NULL gives NULL (and records #KPI_ERR_ARGUMENT).
 * @param index 0 to kpi_plan_note_count() - 1.
 * @return a string borrowed from the plan, valid until the plan is freed;
 *         NULL (and the last error #KPI_ERR_RANGE) when out of range.
 */
KPI_EXTERN const char *kpi_plan_note_code_at(const kpi_plan *plan, size_t index);
/**
 * @brief Appends a note to the plan.
 * @param plan the plan. Not NULL.
 * @param code an optional code for the note (NULL or ""), kept for files;
 *        UTF-8, copied.
 * @param text the note's text: non-empty UTF-8, copied.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p plan is NULL; #KPI_ERR_VALUE
 *         when @p text is NULL or "" or @p code has a blank at either end;
 *         #KPI_ERR_ENCODING when @p text or @p code is not valid UTF-8;
 *         #KPI_ERR_LIMIT when @p text is over #KPI_MAX_FIELD bytes, @p code
 *         over #KPI_MAX_CODE, or the plan has #KPI_MAX_RECORDS notes;
 *         #KPI_ERR_NOMEM. On error the plan is unchanged.
 */
KPI_EXTERN int kpi_plan_add_note(kpi_plan *plan, const char *code, const char *text);

#ifdef __cplusplus
}
#endif

#endif /* KPI_PLAN_H */
