/**
 * @file kpi/common.h
 * @brief Version, export macro, memory release and the enumerations shared
 *        by every part of libkpi.
 *
 * Conventions used throughout the API:
 * - Every function starts with `kpi_`, every constant with `KPI_`.
 * - Fallible functions return `int`: #KPI_OK (0) on success or a negative
 *   #kpi_error code; details are in the thread-local last error
 *   (see kpi/error.h).
 * - Out-parameters come first: `int kpi_plan_new(kpi_plan **out, ...)`.
 * - Every `*_free(NULL)` does nothing.
 * - Strings are UTF-8 `const char *`. Strings passed in are copied.
 *   Strings returned as `const char *` are borrowed: the function's
 *   documentation says until when they stay valid. Strings returned through
 *   a `char **out` parameter belong to the caller, who releases them with
 *   kpi_free().
 * - Values are `double`; "not set" is NaN for values and 0 for dates.
 * - Dates are `int32_t` in the form YYYYMMDD (2017-09-30 is 20170930);
 *   see kpi/date.h.
 */
#ifndef KPI_COMMON_H
#define KPI_COMMON_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Major version: changes when the ABI breaks. */
#define KPI_VERSION_MAJOR 0
/** @brief Minor version: changes when functions are added. */
#define KPI_VERSION_MINOR 1
/** @brief Patch version: changes for fixes only. */
#define KPI_VERSION_PATCH 0
/** @brief The version as a string, "MAJOR.MINOR.PATCH". */
#define KPI_VERSION_STRING "0.1.0"
/** @brief The version as one number: MAJOR * 10000 + MINOR * 100 + PATCH. */
#define KPI_VERSION_NUMBER                                                               \
    (KPI_VERSION_MAJOR * 10000 + KPI_VERSION_MINOR * 100 + KPI_VERSION_PATCH)

/**
 * @def KPI_EXTERN
 * @brief Marks a function exported by the shared library. Define
 *        `KPI_STATIC` when linking the static library on Windows.
 */
#if defined(_WIN32) && !defined(KPI_STATIC)
#ifdef KPI_BUILDING
#define KPI_EXTERN __declspec(dllexport)
#else
#define KPI_EXTERN __declspec(dllimport)
#endif
#elif defined(__GNUC__)
#define KPI_EXTERN __attribute__((visibility("default")))
#else
#define KPI_EXTERN
#endif

/**
 * @brief The version of the library actually linked, "MAJOR.MINOR.PATCH".
 * @return a static string, never freed; never NULL.
 */
KPI_EXTERN const char *kpi_version(void);

/**
 * @brief The version of the library actually linked as one number
 *        (see #KPI_VERSION_NUMBER). Compare it with the macro to detect a
 *        header/library mismatch.
 * @return MAJOR * 10000 + MINOR * 100 + PATCH of the linked library.
 */
KPI_EXTERN int32_t kpi_version_number(void);

/**
 * @brief Releases a string or buffer that libkpi handed to the caller
 *        through a `char **out` parameter. Does nothing for NULL.
 * @param ptr what kpi_date_format(), kpi_plan_write_structure(),
 *        kpi_plan_write_progress() or kpi_evaluation_render() gave, or NULL.
 *        Never a handle (each has its own `*_free()`, which also releases
 *        what it owns) nor a borrowed `const char *`.
 */
KPI_EXTERN void kpi_free(void *ptr);

/**
 * @brief A host's allocation function.
 * @param context the pointer given to kpi_set_allocator(), passed back
 *        unchanged.
 * @param size the number of bytes wanted (never 0).
 * @return memory aligned for any type, as malloc()'s is, or NULL when there
 *         is none; libkpi then fails the call with #KPI_ERR_NOMEM.
 */
typedef void *(*kpi_alloc_fn)(void *context, size_t size);

/**
 * @brief A host's release function.
 * @param context the pointer given to kpi_set_allocator().
 * @param ptr a block the matching #kpi_alloc_fn returned; never NULL.
 * @param size the size that was asked of #kpi_alloc_fn for this block, so
 *        that an arena or a counting allocator needs no table of its own.
 */
typedef void (*kpi_free_fn)(void *context, void *ptr, size_t size);

/**
 * @brief Makes libkpi obtain and release all its memory through a host's
 *        functions: for a host with its own arena, one that counts what
 *        libkpi uses, or a test that makes allocations fail.
 *
 * Like zstd's `ZSTD_customMem`: each call receives @p context, and the
 * release function also receives the block's size. libkpi asks for a few
 * bytes more than it stores (a small header holding the size); it never
 * asks to resize a block, copying into a new one instead. Every string
 * libkpi hands out and kpi_free() releases goes through the same functions.
 *
 * This is the one process-wide setting of libkpi. Set it before other
 * threads use libkpi; it can only be changed while no memory from the
 * current allocator is in use (every object and string freed), so that a
 * block is always released by the allocator that gave it out.
 *
 * @param alloc_fn the allocation function, or NULL with @p free_fn NULL to
 *        restore C's malloc() and free().
 * @param free_fn the release function, or NULL with @p alloc_fn NULL.
 * @param context passed to both functions on every call; may be NULL. libkpi
 *        keeps the pointer, not what it points to.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when only one function is NULL;
 *         #KPI_ERR_MISUSE while memory from the current allocator is still
 *         in use (the message says how many blocks). Nothing changes on error.
 */
KPI_EXTERN int kpi_set_allocator(kpi_alloc_fn alloc_fn, kpi_free_fn free_fn,
                                 void *context);

/** @brief The rating scale of the seed's 評価基準, worst to best. */
typedef enum kpi_rating {
    KPI_RATING_NONE = 0,           /**< unrated */
    KPI_RATING_NOT_PROGRESSED = 1, /**< × 全て目標未進捗 */
    KPI_RATING_BEHIND = 2,         /**< △ 未進捗の部分あり */
    KPI_RATING_ON_TRACK = 3,       /**< ○ 目標どおり進捗 */
    KPI_RATING_AHEAD = 4           /**< ◎ 目標を上回る進捗 */
} kpi_rating;

/** @brief Why a target, goal or plan carries no rating. */
typedef enum kpi_unrated {
    KPI_UNRATED_NONE = 0,        /**< it is rated */
    KPI_UNRATED_QUALITATIVE = 1, /**< qualitative and no assessment */
    KPI_UNRATED_INCOMPLETE =
        2,                   /**< no T, no R for a relative target, no S for DECREASE */
    KPI_UNRATED_INVALID = 3, /**< values contradict: g(T) <= 0 or due before start */
    KPI_UNRATED_NO_DATA = 4, /**< no measurement dated on or before the as-of date */
    KPI_UNRATED_NOT_DUE = 5, /**< nothing expected yet and nothing achieved */
    KPI_UNRATED_NO_RATED_CHILDREN = 6, /**< a goal none of whose children is rated */
    KPI_UNRATED_CANCELLED = 7 /**< the latest status says 中止: no longer a target, left
                                   out of roll-ups */
} kpi_unrated;

/**
 * @brief The state of the work an update reports (進捗状況), as the city
 *        words it: 検討中 is #KPI_STATUS_PREPARING, 開催予定 #KPI_STATUS_SCHEDULED.
 *        kpi_status_parse() reads the stable names and the Japanese words.
 */
typedef enum kpi_status {
    KPI_STATUS_NONE = 0,        /**< the update says nothing of the state */
    KPI_STATUS_NOT_STARTED = 1, /**< nothing done yet (未着手) */
    KPI_STATUS_PREPARING = 2,   /**< work toward it under way, nothing delivered (検討中,
                                     準備中, 調整中, 策定中, 協議中, 計画中) */
    KPI_STATUS_IN_PROGRESS = 3, /**< delivering (実施中, 推進中, 継続中, 取組中) */
    KPI_STATUS_SCHEDULED = 4,   /**< planned for a date, which the update gives (予定,
                                     開催予定, 実施予定) */
    KPI_STATUS_DONE = 5,        /**< finished (完了, 実施済, 開催済, 策定済, 達成) */
    KPI_STATUS_POSTPONED = 6,   /**< will not happen within the period (延期, 見送り, 休止) */
    KPI_STATUS_CANCELLED = 7    /**< dropped: no longer a target (中止, 取りやめ, 廃止) */
} kpi_status;

/** @brief The objects of a plan that are rated: the plan itself, its goals
 *  and its targets. */
typedef enum kpi_object {
    KPI_OBJECT_PLAN = 0,  /**< the plan: the roll-up of its top-level goals */
    KPI_OBJECT_GOAL = 1,     /**< a goal at any depth */
    KPI_OBJECT_TARGET = 2,   /**< a target */
    KPI_OBJECT_DIRECTIVE = 3 /**< a directive (指示事項), which is followed up, not rated */
} kpi_object;

/** @brief What a target measures. */
typedef enum kpi_kind {
    KPI_KIND_NUMERIC = 0,    /**< a count or amount */
    KPI_KIND_MILESTONE = 1,  /**< done / not done; progress 0..1, T = 1 */
    KPI_KIND_QUALITATIVE = 2 /**< no number; only an assessment rates it */
} kpi_kind;

/** @brief Which way is better. */
typedef enum kpi_direction {
    KPI_DIRECTION_INCREASE = 0, /**< higher is better (以上) */
    KPI_DIRECTION_DECREASE = 1  /**< lower is better (以下) */
} kpi_direction;

/** @brief How the expected value grows over the target's period. */
typedef enum kpi_schedule {
    KPI_SCHEDULE_DEFAULT = 0, /**< LINEAR for numeric, STEP for milestone */
    KPI_SCHEDULE_LINEAR = 1,  /**< E = S + (T - S) * f */
    KPI_SCHEDULE_STEP = 2,    /**< E = S before the due date, T from it on */
    KPI_SCHEDULE_LEVEL = 3    /**< E = T at every date: a level to hold */
} kpi_schedule;

/** @brief How measurements add up to the actual value. */
typedef enum kpi_accumulate {
    KPI_ACCUMULATE_LATEST = 0, /**< each measurement is the figure to date */
    KPI_ACCUMULATE_SUM = 1     /**< each measurement is an increment: A = S + sum */
} kpi_accumulate;

/** @brief How a goal's rating is made from its children's. */
typedef enum kpi_rollup {
    KPI_ROLLUP_CRITERIA = 0, /**< the seed's 評価基準 read literally (default) */
    KPI_ROLLUP_WORST = 1,    /**< the lowest child rating */
    KPI_ROLLUP_WEIGHTED = 2  /**< weighted mean of scores ◎3 ○2 △1 ×0 */
} kpi_rollup;

/** @brief Language of human-readable text. */
typedef enum kpi_lang {
    KPI_LANG_JA = 0, /**< Japanese (default) */
    KPI_LANG_EN = 1  /**< English */
} kpi_lang;

/**
 * @brief The rating's symbol: "◎", "○", "△", "×", or "" for
 *        #KPI_RATING_NONE and unknown values.
 * @param rating any value.
 * @return a static UTF-8 string, never freed; never NULL.
 */
KPI_EXTERN const char *kpi_rating_symbol(kpi_rating rating);

/**
 * @brief The rating's label in a language, e.g. "目標を上回る進捗" or
 *        "ahead of target"; "" for #KPI_RATING_NONE and unknown values.
 * @param rating any value.
 * @param lang #KPI_LANG_EN for English; any other value gives Japanese.
 * @return a static UTF-8 string, never freed; never NULL.
 */
KPI_EXTERN const char *kpi_rating_label(kpi_rating rating, kpi_lang lang);

/**
 * @brief The rating's stable name: "ahead", "on_track", "behind",
 *        "not_progressed", or "" for #KPI_RATING_NONE and unknown values.
 * @param rating any value.
 * @return a static string, never freed; never NULL.
 */
KPI_EXTERN const char *kpi_rating_name(kpi_rating rating);

/**
 * @brief Reads a rating written as a symbol (◎ ○ △ ×) or a name (ahead,
 *        on_track, behind, not_progressed). Surrounding ASCII blanks are
 *        ignored.
 * @param out receives the rating; #KPI_RATING_NONE on failure. Not NULL.
 * @param text the text to read, UTF-8; names are case-sensitive. Not NULL.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p out or @p text is NULL;
 *         #KPI_ERR_VALUE when @p text is none of the eight.
 */
KPI_EXTERN int kpi_rating_parse(kpi_rating *out, const char *text);

/**
 * @brief The object's stable name, as the JSON and CSV reports write it
 *        (their `kind`) and the structure file names its rows: "plan",
 *        "goal", "target", "directive"; "" for a value that is no #kpi_object.
 * @param object any value.
 * @return a static string, never freed; never NULL.
 */
KPI_EXTERN const char *kpi_object_name(kpi_object object);

/**
 * @brief The kind's stable name, as plan files write it: "numeric",
 *        "milestone", "qualitative"; "" for unknown values.
 * @param kind any value.
 * @return a static string, never freed; never NULL.
 */
KPI_EXTERN const char *kpi_kind_name(kpi_kind kind);

/**
 * @brief The direction's stable name, as plan files write it: "increase",
 *        "decrease"; "" for unknown values.
 * @param direction any value.
 * @return a static string, never freed; never NULL.
 */
KPI_EXTERN const char *kpi_direction_name(kpi_direction direction);

/**
 * @brief The schedule's stable name, as plan files write it: "default",
 *        "linear", "step", "level"; "" for a value that is no
 *        #kpi_schedule. (The writers leave #KPI_SCHEDULE_DEFAULT's cell
 *        empty; the reader takes "default" too.)
 * @param schedule any value.
 * @return a static string, never freed; never NULL.
 */
KPI_EXTERN const char *kpi_schedule_name(kpi_schedule schedule);

/**
 * @brief The accumulation's stable name, as plan files write it:
 *        "latest", "sum"; "" for a value that is no #kpi_accumulate.
 * @param accumulate any value.
 * @return a static string, never freed; never NULL.
 */
KPI_EXTERN const char *kpi_accumulate_name(kpi_accumulate accumulate);

/**
 * @brief The roll-up rule's stable name, as the JSON report's policy
 *        writes it: "criteria", "worst", "weighted"; "" for a value that is
 *        no #kpi_rollup.
 * @param rollup any value.
 * @return a static string, never freed; never NULL.
 */
KPI_EXTERN const char *kpi_rollup_name(kpi_rollup rollup);

/**
 * @brief The roll-up rule in words, as the reports show it in their header
 *        and in the goals' reason lines: "評価基準", "最低評価", "加重平均"
 *        or "criteria", "worst", "weighted mean"; "" for a value that is no
 *        #kpi_rollup.
 * @param rollup any value.
 * @param lang #KPI_LANG_EN for English; any other value gives Japanese.
 * @return a static UTF-8 string, never freed; never NULL.
 */
KPI_EXTERN const char *kpi_rollup_label(kpi_rollup rollup, kpi_lang lang);

/**
 * @brief The language's stable name, as the JSON report's `lang` and the
 *        HTML report's `lang` attribute write it: "ja", "en"; "" for a
 *        value that is no #kpi_lang.
 * @param lang any value.
 * @return a static string, never freed; never NULL.
 */
KPI_EXTERN const char *kpi_lang_name(kpi_lang lang);

/**
 * @brief The reason's stable name: "NO_DATA", "NOT_DUE", ..., or "" for
 *        #KPI_UNRATED_NONE and unknown values.
 * @param reason any value.
 * @return a static string, never freed; never NULL.
 */
KPI_EXTERN const char *kpi_unrated_name(kpi_unrated reason);

/**
 * @brief The reason in words, e.g. "実績なし" or "no figure reported";
 *        "" for #KPI_UNRATED_NONE and unknown values.
 * @param reason any value.
 * @param lang #KPI_LANG_EN for English; any other value gives Japanese.
 * @return a static UTF-8 string, never freed; never NULL.
 */
KPI_EXTERN const char *kpi_unrated_label(kpi_unrated reason, kpi_lang lang);

/**
 * @brief The status's stable name, as the progress file's `status` column
 *        writes it: "not_started", "preparing", "in_progress", "scheduled",
 *        "done", "postponed", "cancelled"; "" for #KPI_STATUS_NONE and
 *        values that are no #kpi_status.
 * @param status any value.
 * @return a static string, never freed; never NULL.
 */
KPI_EXTERN const char *kpi_status_name(kpi_status status);

/**
 * @brief The status in words, e.g. "検討中" or "preparing", as reports and
 *        reason lines show it; "" for #KPI_STATUS_NONE and unknown values.
 * @param status any value.
 * @param lang #KPI_LANG_EN for English; any other value gives Japanese.
 * @return a static UTF-8 string, never freed; never NULL.
 */
KPI_EXTERN const char *kpi_status_label(kpi_status status, kpi_lang lang);

/**
 * @brief Reads a status: its stable name ("preparing", any case) or one of
 *        the Japanese words a city writes for it (検討中, 準備中, 調整中,
 *        策定中, 協議中, 計画中, 実施中, 予定, 開催予定, 完了, 実施済,
 *        延期, 中止, ...; docs/progress.md lists them all), blanks around
 *        it ignored.
 * @param out receives the status; unchanged on failure. Not NULL.
 * @param text the word. Not NULL.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p out or @p text is NULL;
 *         #KPI_ERR_VALUE for a word that names no status (the message
 *         quotes it and lists the stable names).
 */
KPI_EXTERN int kpi_status_parse(kpi_status *out, const char *text);

#ifdef __cplusplus
}
#endif

#endif /* KPI_COMMON_H */
