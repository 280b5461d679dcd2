/**
 * @file kpi/error.h
 * @brief Error codes and the thread-local last error.
 *
 * Every fallible call returns #KPI_OK (0) or one of the negative codes
 * below. When a call fails it also records the *last error* of the calling
 * thread: the code, a message in English that names the object, the field
 * and the value (`target "3-2-a": weight must be > 0, got -1`), and, for
 * errors found in a file or text, the source name, line and column.
 *
 * The last error is kept per thread, so one thread never sees another's.
 * It stays until the next failing call on the same thread or
 * kpi_error_clear(). Successful calls do not clear it, and a few record a
 * problem they then work around (a plan-file read turns a target text it
 * cannot parse into a warning), so check the return code first and read
 * the last error only right after a failure.
 *
 * The codes are stable: they keep their values in every 0.x and later
 * release.
 */
#ifndef KPI_ERROR_H
#define KPI_ERROR_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Result codes of fallible calls. */
typedef enum kpi_error {
    KPI_OK = 0,             /**< success */
    KPI_ERR_NOMEM = -1,     /**< an allocation failed; nothing was changed */
    KPI_ERR_ARGUMENT = -2,  /**< a NULL handle or an argument out of its domain */
    KPI_ERR_RANGE = -3,     /**< an index past the end of a collection */
    KPI_ERR_NOT_FOUND = -4, /**< no object with that code */
    KPI_ERR_DUPLICATE = -5, /**< the code is already used in the plan */
    KPI_ERR_VALUE = -6, /**< a value the model refuses (non-finite, weight <= 0, ...) */
    KPI_ERR_DATE = -7,  /**< not a date, or an impossible one */
    KPI_ERR_PARSE = -8, /**< a file or text that does not follow its format */
    KPI_ERR_IO = -9,    /**< a file could not be read or written */
    KPI_ERR_ENCODING = -10, /**< bytes that are not valid in the expected encoding */
    KPI_ERR_LIMIT = -11,    /**< a documented size or depth limit was exceeded */
    KPI_ERR_MISUSE = -12    /**< a call made when it is not allowed (e.g. changing the
                                 allocator while its memory is in use) */
} kpi_error;

/**
 * @brief The code of the calling thread's last error, or #KPI_OK when
 *        there has been none since the thread started or the last
 *        kpi_error_clear().
 * @return #KPI_OK, or the #kpi_error code last recorded (#KPI_ERR_NOMEM,
 *         #KPI_ERR_ARGUMENT, ...).
 */
KPI_EXTERN int kpi_error_code(void);

/**
 * @brief The message of the calling thread's last error, in English.
 * @return a string owned by libkpi (a thread-local buffer, never freed),
 *         valid until the next libkpi call on this thread, which may
 *         overwrite it: copy it to keep it. "" when there is no error.
 *         Never NULL.
 */
KPI_EXTERN const char *kpi_error_message(void);

/**
 * @brief The file or source name the last error was found in (e.g.
 *        "structure.csv"), or "" when it did not come from a file.
 * @return a string owned by libkpi (a thread-local buffer, never freed),
 *         valid until the next libkpi call on this thread. Never NULL.
 */
KPI_EXTERN const char *kpi_error_source(void);

/**
 * @brief The 1-based line of the last error in its source, or 0 when the
 *        error has no position.
 * @return the line, or 0.
 */
KPI_EXTERN int32_t kpi_error_line(void);

/**
 * @brief The 1-based column of the last error in its source, or 0 when
 *        the error has no column.
 * @return the column, or 0.
 */
KPI_EXTERN int32_t kpi_error_column(void);

/**
 * @brief The operating system's error number (errno: ENOENT, EACCES,
 *        EISDIR, ...) behind the calling thread's last error, when that
 *        error is #KPI_ERR_IO from a call to the system; 0 otherwise, so
 *        that a binding can raise its language's own "file not found" or
 *        "permission denied" (as SQLite's sqlite3_system_errno()).
 * @return the errno value, or 0 (not a status).
 */
KPI_EXTERN int kpi_error_system_errno(void);

/** @brief Forgets the calling thread's last error. */
KPI_EXTERN void kpi_error_clear(void);

/**
 * @brief The stable name of an error code, e.g. "KPI_ERR_NOMEM"; "KPI_OK"
 *        for 0 and "KPI_ERR_UNKNOWN" for codes libkpi never returns.
 * @param code any value, typically a return code or kpi_error_code().
 * @return a static string, never freed; never NULL.
 */
KPI_EXTERN const char *kpi_error_name(int code);

#ifdef __cplusplus
}
#endif

#endif /* KPI_ERROR_H */
