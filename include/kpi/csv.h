/**
 * @file kpi/csv.h
 * @brief Plan files: a plan and its progress log as two CSV files.
 *
 * A plan is kept in two CSV files that open in a spreadsheet as two sheets
 * (the format is described in docs/csv-format.md):
 * - the *structure* file: one row per plan, goal, target or note;
 * - the *progress* file: one row per measurement or assessment.
 *
 * Reading is done through a reader (kpi_reader_new()), which holds the
 * options and, after a read, the warnings (unknown columns, ...). Loading
 * is atomic: on any error the caller gets the error, with the file, line
 * and column name in the message and in kpi_error_source(),
 * kpi_error_line() and kpi_error_column(), and no plan.
 *
 * Writing produces UTF-8 with a BOM by default (so that Excel opens it
 * right), numbers in the shortest form that reads back to the same double,
 * and dates in ISO form. Writing to a path replaces the file only once the
 * whole new file has been written.
 *
 * Threads: a reader is used by one thread at a time; different readers and
 * writes of the same (unchanging) plan may run in parallel.
 */
#ifndef KPI_CSV_H
#define KPI_CSV_H

#include "plan.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief The encoding of a file to read. */
typedef enum kpi_encoding {
    KPI_ENCODING_AUTO = 0, /**< UTF-8 when the bytes are valid UTF-8, else CP932 */
    KPI_ENCODING_UTF8 = 1, /**< UTF-8, with or without a BOM */
    KPI_ENCODING_CP932 = 2 /**< CP932: Shift_JIS as Excel saves it */
} kpi_encoding;

/** @brief Flags for the writers; combine with `|`. */
typedef enum kpi_write_flags {
    KPI_WRITE_DEFAULT = 0, /**< UTF-8 with a BOM, LF line ends */
    KPI_WRITE_NO_BOM = 1,  /**< no byte order mark */
    KPI_WRITE_CRLF = 2     /**< CRLF line ends */
} kpi_write_flags;

/** @brief The largest field a reader accepts, in bytes (1 MiB). */
#define KPI_MAX_FIELD (1024 * 1024)
/** @brief The largest file a reader accepts, in bytes (1 GiB). */
#define KPI_MAX_FILE (1024 * 1024 * 1024)

/** @brief Reads plan files; holds options and the warnings of the last read. */
typedef struct kpi_reader kpi_reader;

/**
 * @brief Creates a reader with the defaults: #KPI_ENCODING_AUTO.
 * @param out receives the reader; free it with kpi_reader_free().
 * @return #KPI_OK, #KPI_ERR_ARGUMENT or #KPI_ERR_NOMEM.
 */
KPI_EXTERN int kpi_reader_new(kpi_reader **out);
/** @brief Frees a reader and its warnings. Does nothing for NULL. */
KPI_EXTERN void kpi_reader_free(kpi_reader *reader);
/**
 * @brief Whether the reader fills a target's empty structured columns
 *        (unit, kind, direction, value, change_pct, due, and the title)
 *        from its `text` with kpi_phrase_parse(): 1 (the default) or 0.
 *        Columns given in the file always win; each field filled is
 *        marked (kpi_target_inferred()) and reported as a warning.
 */
KPI_EXTERN int kpi_reader_infer(const kpi_reader *reader);
/** @brief Sets whether empty columns are read from a target's text (any non-zero: yes). */
KPI_EXTERN int kpi_reader_set_infer(kpi_reader *reader, int infer);
/** @brief The encoding the reader expects. */
KPI_EXTERN kpi_encoding kpi_reader_encoding(const kpi_reader *reader);
/** @brief Sets the encoding to expect; #KPI_ERR_VALUE for an unknown one. */
KPI_EXTERN int kpi_reader_set_encoding(kpi_reader *reader, kpi_encoding encoding);

/**
 * @brief Reads a plan from its structure file and, optionally, its
 *        progress file.
 * @param out receives a new plan the caller frees with kpi_plan_free(); NULL on error.
 * @param reader the reader; its warnings are replaced by this read's.
 * @param structure_path the structure file.
 * @param progress_path the progress file, or NULL for none.
 * @return #KPI_OK, #KPI_ERR_ARGUMENT, #KPI_ERR_IO, #KPI_ERR_ENCODING,
 *         #KPI_ERR_PARSE, #KPI_ERR_DATE, #KPI_ERR_VALUE, #KPI_ERR_DUPLICATE,
 *         #KPI_ERR_NOT_FOUND, #KPI_ERR_LIMIT or #KPI_ERR_NOMEM.
 */
KPI_EXTERN int kpi_reader_read_files(kpi_plan **out, kpi_reader *reader,
                                     const char *structure_path,
                                     const char *progress_path);

/**
 * @brief Reads a plan from the bytes of its two files in memory.
 * @param out receives a new plan the caller frees with kpi_plan_free(); NULL on error.
 * @param reader the reader; its warnings are replaced by this read's.
 * @param structure the structure file's bytes (need not end in NUL).
 * @param structure_size their number.
 * @param progress the progress file's bytes, or NULL for none.
 * @param progress_size their number.
 * @return as kpi_reader_read_files(). Messages name the sources
 *         "structure" and "progress".
 */
KPI_EXTERN int kpi_reader_read_buffers(kpi_plan **out, kpi_reader *reader,
                                       const char *structure, size_t structure_size,
                                       const char *progress, size_t progress_size);

/** @brief What a reader's warning is about. */
typedef enum kpi_warning {
    KPI_WARNING_IGNORED = 0, /**< something in the file was not used (an unknown column, ...) */
    KPI_WARNING_INFERRED = 1 /**< fields were read from a target's text, or could not be */
} kpi_warning;

/** @brief Number of warnings of the last read. */
KPI_EXTERN size_t kpi_reader_warning_count(const kpi_reader *reader);
/**
 * @brief The warning at @p index, e.g. `structure.csv:1: column "memo" is
 *        not known and was ignored`.
 * @return borrowed until the next read or the reader is freed; NULL when
 *         out of range.
 */
KPI_EXTERN const char *kpi_reader_warning_at(const kpi_reader *reader, size_t index);
/** @brief What the warning at @p index is about (#KPI_WARNING_IGNORED for out of range). */
KPI_EXTERN kpi_warning kpi_reader_warning_kind_at(const kpi_reader *reader, size_t index);
/** @brief The line the warning at @p index refers to (0 when none). */
KPI_EXTERN int32_t kpi_reader_warning_line_at(const kpi_reader *reader, size_t index);
/** @brief The encoding the last read found (#KPI_ENCODING_UTF8 or #KPI_ENCODING_CP932).
 */
KPI_EXTERN kpi_encoding kpi_reader_detected_encoding(const kpi_reader *reader);

/**
 * @brief Writes the structure file of a plan into memory.
 * @param out receives the bytes (NUL-terminated for convenience); the
 *        caller frees them with kpi_free().
 * @param size receives the number of bytes, without the NUL (may be NULL).
 * @param plan the plan; only read.
 * @param flags #kpi_write_flags combined with `|`.
 * @return #KPI_OK, #KPI_ERR_ARGUMENT or #KPI_ERR_NOMEM.
 */
KPI_EXTERN int kpi_plan_write_structure(char **out, size_t *size, const kpi_plan *plan,
                                        uint32_t flags);

/**
 * @brief Writes the progress file of a plan into memory (see
 *        kpi_plan_write_structure()).
 */
KPI_EXTERN int kpi_plan_write_progress(char **out, size_t *size, const kpi_plan *plan,
                                       uint32_t flags);

/**
 * @brief Writes both files of a plan. Each file is written to a temporary
 *        file beside it and renamed over the destination only when
 *        complete, so a failure never leaves a half-written file.
 * @param plan the plan; only read.
 * @param structure_path the structure file to write.
 * @param progress_path the progress file to write, or NULL to skip it.
 * @param flags #kpi_write_flags combined with `|`.
 * @return #KPI_OK, #KPI_ERR_ARGUMENT, #KPI_ERR_IO or #KPI_ERR_NOMEM.
 */
KPI_EXTERN int kpi_plan_write_files(const kpi_plan *plan, const char *structure_path,
                                    const char *progress_path, uint32_t flags);

/**
 * @brief Writes bytes to a file the way the plan-file writers do: into a
 *        new file beside @p path, renamed over it only once complete, so
 *        that @p path is either untouched or whole (for a rendered report,
 *        say).
 * @param path the file to write.
 * @param data the bytes.
 * @param size their number.
 * @return #KPI_OK, #KPI_ERR_ARGUMENT, #KPI_ERR_IO or #KPI_ERR_NOMEM.
 */
KPI_EXTERN int kpi_file_write(const char *path, const void *data, size_t size);

#ifdef __cplusplus
}
#endif

#endif /* KPI_CSV_H */
