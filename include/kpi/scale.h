/**
 * @file kpi/scale.h
 * @brief Rating scales as data (docs/scales.md): S/A/B/C, A–D bands,
 *        順調/遅れ, F…Z, points; the seed's ◎○△× the default.
 *
 * A scale is a list of levels, best first, each standing for one or more
 * of the four classes of #kpi_rating (its `class` tags), with the rule that
 * chooses a target's level (its basis: the class computed with the
 * scale's thresholds, or the first level whose condition on pace,
 * achievement and change holds), statuses that name a level outright, how
 * unrated results are shown, and how a goal's level follows from its
 * children's (worst, weighted mean of scores, or ordered rules).
 *
 * A scale is read from a scale file (kpi_scale_read_file()) or taken from
 * the scales built into libkpi (kpi_scale_builtin(): "ueda", "akiruno",
 * "nagayo", ...), set on a policy (kpi_policy_set_scale()), and an
 * evaluation then gives every result a level (kpi_result_level()) beside
 * its #kpi_rating, which stays as it was: a program written for ◎○△×
 * works on any scale. A scale never changes once read; it is the caller's
 * to free with kpi_scale_free().
 */
#ifndef KPI_SCALE_H
#define KPI_SCALE_H

#include "kpi/common.h"
#include "kpi/evaluate.h"
#include "kpi/plan.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief A rating scale: levels and the rules that choose among them. */
typedef struct kpi_scale kpi_scale;

/** @brief The most levels a scale has. */
#define KPI_SCALE_MAX_LEVELS 16
/** @brief The most goal roll-up rules a scale has. */
#define KPI_SCALE_MAX_RULES 32

/** @brief How a scale chooses a target's level. */
typedef enum kpi_basis {
    KPI_BASIS_CLASS = 0, /**< the level tagged with the target's class, the
                              class computed with the scale's thresholds */
    KPI_BASIS_BOUNDS = 1 /**< the first level whose condition holds (pace,
                              achievement, change); else by class */
} kpi_basis;

/** @brief How a scale rates a goal from its children's levels. */
typedef enum kpi_level_rollup {
    KPI_LEVEL_ROLLUP_WORST = 0,    /**< the lowest level among rated children */
    KPI_LEVEL_ROLLUP_WEIGHTED = 1, /**< the first level whose goal_min is at most
                                        the children's weighted mean score */
    KPI_LEVEL_ROLLUP_RULES = 2     /**< the first of the scale's rules that holds */
} kpi_level_rollup;

/** @brief The quantifier of a goal roll-up rule. */
typedef enum kpi_quantifier {
    KPI_QUANTIFIER_ALL = 0,      /**< every rated child has one of the rule's levels */
    KPI_QUANTIFIER_ANY = 1,      /**< some rated child has one of them */
    KPI_QUANTIFIER_OTHERWISE = 2 /**< always */
} kpi_quantifier;

/** @brief Why a result has the level it has (kpi_result_level_cause()). */
typedef enum kpi_level_cause {
    KPI_LEVEL_CAUSE_NONE = 0,       /**< no level: unrated, or a directive */
    KPI_LEVEL_CAUSE_CLASS = 1,      /**< the level tagged with its class */
    KPI_LEVEL_CAUSE_CONDITION = 2,  /**< the level's condition held (bounds) */
    KPI_LEVEL_CAUSE_STATUS = 3,     /**< the scale maps its status to the level */
    KPI_LEVEL_CAUSE_ROLLUP = 4,     /**< a goal: the scale's roll-up */
    KPI_LEVEL_CAUSE_ASSESSMENT = 5, /**< an assessment's rating */
    KPI_LEVEL_CAUSE_DEFAULT = 6     /**< the default scale: the level of its rating */
} kpi_level_cause;

/**
 * @brief Reads a scale file (docs/scales.md: a CSV file, UTF-8 or CP932,
 *        one row per item, columns found by name).
 * @param out receives the scale, which the caller frees with
 *        kpi_scale_free(); NULL on error. Not NULL.
 * @param path the file. Not NULL.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT for a NULL argument; #KPI_ERR_IO when
 *         the file cannot be read; #KPI_ERR_ENCODING, #KPI_ERR_PARSE or
 *         #KPI_ERR_VALUE naming the file, line and column of the mistake
 *         (an unknown measure or operator, a class tagged twice or never,
 *         a rule naming an unknown symbol, a weighted scale without
 *         scores, ...); #KPI_ERR_NOMEM.
 */
KPI_EXTERN int kpi_scale_read_file(kpi_scale **out, const char *path);
/**
 * @brief Reads a scale from the bytes of a scale file.
 * @param out receives the scale, which the caller frees with
 *        kpi_scale_free(); NULL on error. Not NULL.
 * @param data the bytes; may hold NUL only where the file would. Not NULL
 *        unless @p size is 0.
 * @param size the number of bytes.
 * @param source the name messages give the bytes (a file name), or NULL
 *        for "scale".
 * @return #KPI_OK; otherwise as kpi_scale_read_file(), without #KPI_ERR_IO.
 */
KPI_EXTERN int kpi_scale_read_buffer(kpi_scale **out, const char *data, size_t size,
                                     const char *source);
/**
 * @brief A scale built into libkpi, by id: "ueda" (◎○△×, the default),
 *        "akiruno", "nagayo", "manifesto-abcd", "sano-points",
 *        "chiho-sosei", "fukuoka", "kakamigahara", "seisaku-hyoka".
 * @param out receives the scale, which the caller frees with
 *        kpi_scale_free(); NULL on error. Not NULL.
 * @param id the id. Not NULL.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT for a NULL argument; #KPI_ERR_NOT_FOUND
 *         for an id that is none of kpi_scale_builtin_id_at()'s; #KPI_ERR_NOMEM.
 */
KPI_EXTERN int kpi_scale_builtin(kpi_scale **out, const char *id);
/**
 * @brief The number of built-in scales.
 * @return the count, not a status code.
 */
KPI_EXTERN size_t kpi_scale_builtin_count(void);
/**
 * @brief The id of a built-in scale, in the order of the contract's table.
 * @param index 0 to kpi_scale_builtin_count() - 1.
 * @return a static string; "" for an index out of range.
 */
KPI_EXTERN const char *kpi_scale_builtin_id_at(size_t index);
/**
 * @brief Another handle on the same scale (a scale never changes, so it is
 *        shared, not copied): for keeping the scale of a policy, a plan or
 *        an evaluation beyond the life of its holder.
 * @param out receives the scale, which the caller frees with
 *        kpi_scale_free(); NULL on error. Not NULL.
 * @param scale the scale. Not NULL.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT for a NULL argument.
 */
KPI_EXTERN int kpi_scale_dup(kpi_scale **out, const kpi_scale *scale);
/**
 * @brief Frees a scale. Policies and evaluations that use it keep their
 *        own reference, so it may be freed as soon as it is set.
 * @param scale the scale; NULL does nothing.
 */
KPI_EXTERN void kpi_scale_free(kpi_scale *scale);
/**
 * @brief The stable name of a basis: "class", "bounds"; "" for other values.
 * @param basis any value.
 * @return a static string, never NULL.
 */
KPI_EXTERN const char *kpi_basis_name(kpi_basis basis);
/**
 * @brief The stable name of a level roll-up: "worst", "weighted", "rules";
 *        "" for other values.
 * @param rollup any value.
 * @return a static string, never NULL.
 */
KPI_EXTERN const char *kpi_level_rollup_name(kpi_level_rollup rollup);
/**
 * @brief The stable name of a quantifier: "all", "any", "otherwise"; ""
 *        for other values.
 * @param quantifier any value.
 * @return a static string, never NULL.
 */
KPI_EXTERN const char *kpi_quantifier_name(kpi_quantifier quantifier);
/**
 * @brief The stable name of a level cause: "class", "condition", "status",
 *        "rollup", "assessment", "default"; "" for #KPI_LEVEL_CAUSE_NONE and
 *        other values.
 * @param cause any value.
 * @return a static string, never NULL.
 */
KPI_EXTERN const char *kpi_level_cause_name(kpi_level_cause cause);

/**
 * @brief The scale's id ("nagayo"), as its file gives it.
 * @param scale the scale; NULL gives "".
 * @return a string owned by the scale, valid until it is freed.
 */
KPI_EXTERN const char *kpi_scale_id(const kpi_scale *scale);
/**
 * @brief The scale's title in a language ("" when the file gives none).
 * @param scale the scale; NULL gives "".
 * @param lang #KPI_LANG_EN for English; any other value gives Japanese.
 * @return a string owned by the scale, valid until it is freed.
 */
KPI_EXTERN const char *kpi_scale_title(const kpi_scale *scale, kpi_lang lang);
/**
 * @brief How the scale chooses a target's level.
 * @param scale the scale; NULL gives #KPI_BASIS_CLASS.
 * @return the basis.
 */
KPI_EXTERN kpi_basis kpi_scale_basis(const kpi_scale *scale);
/**
 * @brief How the scale rates a goal from its children's levels.
 * @param scale the scale; NULL gives #KPI_LEVEL_ROLLUP_WORST.
 * @return the roll-up.
 */
KPI_EXTERN kpi_level_rollup kpi_scale_rollup(const kpi_scale *scale);
/**
 * @brief The pace from which a target's class is ahead on this scale; NaN
 *        when the scale leaves it to the policy (kpi_policy_ahead()).
 * @param scale the scale; NULL gives NaN.
 * @return the threshold, or NaN: a number, not a status code.
 */
KPI_EXTERN double kpi_scale_ahead(const kpi_scale *scale);
/**
 * @brief The pace from which a target's class is on track on this scale;
 *        NaN when the scale leaves it to the policy.
 * @param scale the scale; NULL gives NaN.
 * @return the threshold, or NaN: a number, not a status code.
 */
KPI_EXTERN double kpi_scale_on_track(const kpi_scale *scale);
/**
 * @brief The number of levels, at most #KPI_SCALE_MAX_LEVELS.
 * @param scale the scale; NULL gives 0.
 * @return the count, not a status code.
 */
KPI_EXTERN size_t kpi_scale_level_count(const kpi_scale *scale);
/**
 * @brief A level's symbol ("◎", "S", "7"), best level first.
 * @param scale the scale; NULL gives "".
 * @param level 0 to kpi_scale_level_count() - 1; out of range gives "".
 * @return a string owned by the scale, valid until it is freed.
 */
KPI_EXTERN const char *kpi_scale_level_symbol(const kpi_scale *scale, size_t level);
/**
 * @brief A level's stable name ("ahead", "s").
 * @param scale the scale; NULL gives "".
 * @param level the level's index; out of range gives "".
 * @return a string owned by the scale, valid until it is freed.
 */
KPI_EXTERN const char *kpi_scale_level_name(const kpi_scale *scale, size_t level);
/**
 * @brief A level's label in a language ("目標値以上"; "" when none).
 * @param scale the scale; NULL gives "".
 * @param level the level's index; out of range gives "".
 * @param lang #KPI_LANG_EN for English; any other value gives Japanese.
 * @return a string owned by the scale, valid until it is freed.
 */
KPI_EXTERN const char *kpi_scale_level_label(const kpi_scale *scale, size_t level,
                                             kpi_lang lang);
/**
 * @brief Whether a level stands for a class of #kpi_rating (its `class`
 *        tags: each class is tagged on exactly one level).
 * @param scale the scale; NULL gives 0.
 * @param level the level's index; out of range gives 0.
 * @param rating a class (#KPI_RATING_NOT_PROGRESSED to #KPI_RATING_AHEAD).
 * @return 1 or 0: a truth value, not a status code.
 */
KPI_EXTERN int kpi_scale_level_has_class(const kpi_scale *scale, size_t level,
                                         kpi_rating rating);
/**
 * @brief A level's condition as the file wrote it ("achievement >= 0.9");
 *        "" for "otherwise" and on class scales.
 * @param scale the scale; NULL gives "".
 * @param level the level's index; out of range gives "".
 * @return a string owned by the scale, valid until it is freed.
 */
KPI_EXTERN const char *kpi_scale_level_when(const kpi_scale *scale, size_t level);
/**
 * @brief A level's score in a weighted roll-up; NaN when it has none.
 * @param scale the scale; NULL gives NaN.
 * @param level the level's index; out of range gives NaN.
 * @return the score, or NaN: a number, not a status code.
 */
KPI_EXTERN double kpi_scale_level_score(const kpi_scale *scale, size_t level);
/**
 * @brief The lowest weighted mean score at which a goal gets this level;
 *        NaN when goals never get it by the mean.
 * @param scale the scale; NULL gives NaN.
 * @param level the level's index; out of range gives NaN.
 * @return the cut-off, or NaN: a number, not a status code.
 */
KPI_EXTERN double kpi_scale_level_goal_min(const kpi_scale *scale, size_t level);
/**
 * @brief The level that has a symbol or a stable name.
 * @param scale the scale; NULL gives -1.
 * @param text the symbol or name. Not NULL.
 * @return the level's index, or -1 when no level has it: an index, not a
 *         status code.
 */
KPI_EXTERN int32_t kpi_scale_level_find(const kpi_scale *scale, const char *text);
/**
 * @brief The level tagged with a class.
 * @param scale the scale; NULL gives -1.
 * @param rating a class (#KPI_RATING_NOT_PROGRESSED to #KPI_RATING_AHEAD).
 * @return the level's index, or -1 for #KPI_RATING_NONE and other values:
 *         an index, not a status code.
 */
KPI_EXTERN int32_t kpi_scale_level_of_class(const kpi_scale *scale, kpi_rating rating);
/**
 * @brief The level a status names outright (Akiruno: done → F), which wins
 *        over the basis; -1 when the status names none.
 * @param scale the scale; NULL gives -1.
 * @param status any #kpi_status.
 * @return the level's index, or -1: an index, not a status code.
 */
KPI_EXTERN int32_t kpi_scale_status_level(const kpi_scale *scale, kpi_status status);
/**
 * @brief How the scale shows a result unrated for a reason: its symbol
 *        ("−", "Z"); "" when the scale shows none.
 * @param scale the scale; NULL gives "".
 * @param reason any #kpi_unrated.
 * @return a string owned by the scale, valid until it is freed.
 */
KPI_EXTERN const char *kpi_scale_unrated_symbol(const kpi_scale *scale,
                                                kpi_unrated reason);
/**
 * @brief The label the scale gives results unrated for a reason ("評価困難");
 *        "" when none.
 * @param scale the scale; NULL gives "".
 * @param reason any #kpi_unrated.
 * @param lang #KPI_LANG_EN for English; any other value gives Japanese.
 * @return a string owned by the scale, valid until it is freed.
 */
KPI_EXTERN const char *kpi_scale_unrated_label(const kpi_scale *scale, kpi_unrated reason,
                                               kpi_lang lang);
/**
 * @brief The number of goal roll-up rules (#KPI_LEVEL_ROLLUP_RULES).
 * @param scale the scale; NULL gives 0.
 * @return the count, not a status code.
 */
KPI_EXTERN size_t kpi_scale_rule_count(const kpi_scale *scale);
/**
 * @brief A rule's quantifier.
 * @param scale the scale; NULL gives #KPI_QUANTIFIER_OTHERWISE.
 * @param rule 0 to kpi_scale_rule_count() - 1; out of range gives
 *        #KPI_QUANTIFIER_OTHERWISE.
 * @return the quantifier.
 */
KPI_EXTERN kpi_quantifier kpi_scale_rule_quantifier(const kpi_scale *scale, size_t rule);
/**
 * @brief Whether a rule names a level among those it quantifies over.
 * @param scale the scale; NULL gives 0.
 * @param rule the rule's index; out of range gives 0.
 * @param level the level's index.
 * @return 1 or 0: a truth value, not a status code.
 */
KPI_EXTERN int kpi_scale_rule_has_level(const kpi_scale *scale, size_t rule,
                                        size_t level);
/**
 * @brief The level a rule gives a goal.
 * @param scale the scale; NULL gives -1.
 * @param rule the rule's index; out of range gives -1.
 * @return the level's index, or -1: an index, not a status code.
 */
KPI_EXTERN int32_t kpi_scale_rule_result(const kpi_scale *scale, size_t rule);
/**
 * @brief The number of warnings reading the scale gave (a level that an
 *        earlier one always shadows, ...).
 * @param scale the scale; NULL gives 0.
 * @return the count, not a status code.
 */
KPI_EXTERN size_t kpi_scale_warning_count(const kpi_scale *scale);
/**
 * @brief A warning, "file:line: message".
 * @param scale the scale; NULL gives "".
 * @param index 0 to kpi_scale_warning_count() - 1; out of range gives "".
 * @return a string owned by the scale, valid until it is freed.
 */
KPI_EXTERN const char *kpi_scale_warning_at(const kpi_scale *scale, size_t index);

/**
 * @brief Sets the scale evaluations rate on; NULL returns to the default
 *        (the seed's ◎○△×, on which every level is its rating's).
 * @param policy the policy. Not NULL.
 * @param scale the scale, or NULL. The policy keeps a reference of its
 *        own: @p scale may be freed afterwards.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p policy is NULL.
 */
KPI_EXTERN int kpi_policy_set_scale(kpi_policy *policy, const kpi_scale *scale);
/**
 * @brief The scale set on a policy.
 * @param policy the policy; NULL gives NULL (and records #KPI_ERR_ARGUMENT).
 * @return the scale, owned by the policy and valid until the policy is
 *         freed or its scale set again; NULL for the default.
 */
KPI_EXTERN const kpi_scale *kpi_policy_scale(const kpi_policy *policy);

/**
 * @brief Sets the scale a plan names (its file's `scale` column on the plan
 *        row, written as the scale's id), which kpi_evaluate() rates on
 *        when the policy sets none; NULL: none (the default).
 * @param plan the plan. Not NULL.
 * @param scale the scale, or NULL. The plan keeps a reference of its own.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p plan is NULL; #KPI_ERR_NOMEM.
 */
KPI_EXTERN int kpi_plan_set_scale(kpi_plan *plan, const kpi_scale *scale);
/**
 * @brief The scale a plan names.
 * @param plan the plan; NULL gives NULL (and records #KPI_ERR_ARGUMENT).
 * @return the scale, owned by the plan and valid until the plan is freed or
 *         its scale set again; NULL when it names none.
 */
KPI_EXTERN const kpi_scale *kpi_plan_scale(const kpi_plan *plan);
/**
 * @brief The name the plan's file gives its scale: a built-in id
 *        ("nagayo") or a path, as written; "" when it names none.
 * @param plan the plan; NULL gives "" (and records #KPI_ERR_ARGUMENT).
 * @return a string owned by the plan, valid until it is freed or its scale
 *         set again.
 */
KPI_EXTERN const char *kpi_plan_scale_name(const kpi_plan *plan);

/**
 * @brief The level an assessment names, as written (a symbol or a name of
 *        a scale's level, e.g. "F"); "" when it names none and its rating
 *        alone applies.
 * @param assessment the assessment; NULL gives "" (and records
 *        #KPI_ERR_ARGUMENT).
 * @return a string owned by the assessment, valid until it is changed or
 *         its plan freed.
 */
KPI_EXTERN const char *kpi_assessment_level(const kpi_assessment *assessment);
/**
 * @brief Names the level an assessment gives, on the scale the plan is
 *        rated on: on a scale that has it, the result's effective level is
 *        that level; elsewhere (and on the default scale) the assessment's
 *        rating applies, which should be the level's class
 *        (kpi_scale_level_class()). The progress file's rating column takes
 *        a level of the plan's scale so.
 * @param assessment the assessment. Not NULL.
 * @param level the level's symbol or name; NULL or "": none.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p assessment is NULL;
 *         #KPI_ERR_ENCODING, #KPI_ERR_LIMIT for text the model refuses;
 *         #KPI_ERR_NOMEM.
 */
KPI_EXTERN int kpi_assessment_set_level(kpi_assessment *assessment, const char *level);
/**
 * @brief The class a level stands for: the best class it is tagged with,
 *        else that of the nearest tagged level below it, else above it
 *        (Akiruno's F stands for ahead); reports colour a level by it.
 * @param scale the scale; NULL gives #KPI_RATING_NONE.
 * @param level the level's index; out of range gives #KPI_RATING_NONE.
 * @return the class.
 */
KPI_EXTERN kpi_rating kpi_scale_level_class(const kpi_scale *scale, size_t level);

/**
 * @brief The scale an evaluation rated on.
 * @param evaluation the evaluation; NULL gives NULL.
 * @return the scale, owned by the evaluation and valid until it is freed:
 *         the policy's, else the plan's (kpi_plan_scale()), else the
 *         default, the seed's ◎○△× ("ueda"). Never NULL for an evaluation.
 */
KPI_EXTERN const kpi_scale *kpi_evaluation_scale(const kpi_evaluation *evaluation);
/**
 * @brief A result's effective level on the evaluation's scale (an
 *        assessment's when one applies).
 * @param result the result; NULL gives -1.
 * @return the level's index (kpi_scale_level_symbol() of
 *         kpi_evaluation_scale()), or -1 when unrated and for directives:
 *         an index, not a status code.
 */
KPI_EXTERN int32_t kpi_result_level(const kpi_result *result);
/**
 * @brief A result's level by the scale's rules, before assessments.
 * @param result the result; NULL gives -1.
 * @return the level's index, or -1: an index, not a status code.
 */
KPI_EXTERN int32_t kpi_result_computed_level(const kpi_result *result);
/**
 * @brief Why the result has its effective level.
 * @param result the result; NULL gives #KPI_LEVEL_CAUSE_NONE.
 * @return the cause.
 */
KPI_EXTERN kpi_level_cause kpi_result_level_cause(const kpi_result *result);
/**
 * @brief For a goal or the plan: how many direct children have a level.
 * @param result the result; NULL gives 0.
 * @param level the level's index; out of range gives 0.
 * @return the count, not a status code; 0 for targets and directives.
 */
KPI_EXTERN size_t kpi_result_count_level(const kpi_result *result, size_t level);

#ifdef __cplusplus
}
#endif

#endif
