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

/**
 * @brief The encoding's stable name, as kpi-report's `--encoding` reads
 *        it: "auto", "utf-8", "cp932"; "" for a value that is no
 *        #kpi_encoding.
 * @param encoding any value.
 * @return a static string, never freed; never NULL.
 */
KPI_EXTERN const char *kpi_encoding_name(kpi_encoding encoding);

/** @brief Flags for the writers; combine with `|`. */
typedef enum kpi_write_flags {
    /** UTF-8 with a BOM, LF line ends, and a text a spreadsheet would take
     *  for a formula (it begins with = + - @, a tab or a carriage return)
     *  written with an apostrophe before it, which spreadsheets show as text
     *  and the reader takes away again (docs/csv-format.md) */
    KPI_WRITE_DEFAULT = 0,
    KPI_WRITE_NO_BOM = 1, /**< no byte order mark */
    KPI_WRITE_CRLF = 2,   /**< CRLF line ends */
    /** texts as they are, for programs: no apostrophe before formula-like
     *  text (a file for a spreadsheet should not have this); but a text
     *  that itself begins with an apostrophe before = + - @, a tab or a
     *  carriage return still gets one, so that the reader gives it back
     *  as it was */
    KPI_WRITE_RAW = 4
} kpi_write_flags;

/** @brief The largest file a reader accepts, in bytes (1 GiB). */
#define KPI_MAX_FILE (1024 * 1024 * 1024)

/** @brief Reads plan files; holds options and the warnings of the last read. */
typedef struct kpi_reader kpi_reader;

/**
 * @brief Creates a reader with the defaults: #KPI_ENCODING_AUTO, targets'
 *        empty columns read from their text.
 * @param out receives the reader, which the caller frees with
 *        kpi_reader_free(); NULL on failure. Not NULL.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p out is NULL; #KPI_ERR_NOMEM.
 */
KPI_EXTERN int kpi_reader_new(kpi_reader **out);
/**
 * @brief Frees a reader and its warnings. Does nothing for NULL.
 * @param reader the reader, or NULL. Its warning strings become invalid;
 *        plans it read are the caller's and stay valid.
 */
KPI_EXTERN void kpi_reader_free(kpi_reader *reader);
/**
 * @brief Whether the reader fills a target's empty structured columns
 *        (unit, kind, direction, value, change_pct, due, and the title)
 *        from its `text` with kpi_phrase_parse(), and what a progress
 *        row left empty from its text (kpi_reader_prose_confidence()):
 *        1 (the default) or 0. Columns given in the file always win;
 *        each field filled is marked (kpi_target_inferred()) and reported
 *        as a warning.
 * @param reader the reader; NULL gives 0 (and records #KPI_ERR_ARGUMENT).
 * @return 1 or 0: a truth value, not a status code.
 */
KPI_EXTERN int kpi_reader_infer(const kpi_reader *reader);
/**
 * @brief Sets whether empty columns are read from a target's text.
 * @param reader the reader. Not NULL.
 * @param infer any non-zero value for yes, 0 for no.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p reader is NULL.
 */
KPI_EXTERN int kpi_reader_set_infer(kpi_reader *reader, int infer);
/**
 * @brief How certain a reading of a progress text must be to fill what its
 *        row left empty.
 *
 * When the reader reads texts (kpi_reader_infer()), each progress row on a
 * target or a goal with a text is read with kpi_prose_read(): a target
 * row's empty status (with its planned date) is filled from the statement
 * about the target, and a NUMERIC target with no figure on the row's date
 * gets the one figure of its own row's text, or of its initiative's,
 * whose label the target names and whose unit is the target's. Only
 * readings with at least this confidence fill anything; each fill is
 * marked (kpi_update_inferred(), kpi_measurement_inferred()), left out by
 * the writers and reported as a #KPI_WARNING_INFERRED warning at its line.
 * docs/progress.md has the rules.
 * @param reader the reader; NULL gives 0 (and records #KPI_ERR_ARGUMENT).
 * @return the least confidence, 1 (only certain readings) by default.
 */
KPI_EXTERN double kpi_reader_prose_confidence(const kpi_reader *reader);
/**
 * @brief Lowers (or restores) the bar of kpi_reader_prose_confidence().
 * @param reader the reader. Not NULL.
 * @param confidence more than 0, at most 1.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p reader is NULL; #KPI_ERR_VALUE
 *         for a confidence outside (0, 1] or NaN. On error nothing changes.
 */
KPI_EXTERN int kpi_reader_set_prose_confidence(kpi_reader *reader, double confidence);
/** @brief The most threads kpi_reader_set_threads() takes. */
#define KPI_READER_MAX_THREADS 64
/**
 * @brief How many threads a read may use; 0 (the default) or 1: only the
 *        calling thread.
 *
 * With more, kpi_reader_read_files() parses the files on a second thread
 * while the calling thread builds the plan from the rows already parsed
 * (about half the time of a large read on two cores), and the texts of the
 * progress file (kpi_reader_prose_confidence()) are read on that many
 * threads, the calling thread among them; all are started and joined
 * within each read. The plan, its warnings and a failure's error (with its
 * file and line) are the same as with one thread. The allocator of
 * kpi_set_allocator() is then called from those threads too.
 * @param reader the reader; NULL gives 0 (and records #KPI_ERR_ARGUMENT).
 * @return the number set, 0 by default.
 */
KPI_EXTERN int32_t kpi_reader_threads(const kpi_reader *reader);
/**
 * @brief Sets how many threads a read may use (kpi_reader_threads()).
 * @param reader the reader. Not NULL.
 * @param threads 0 to #KPI_READER_MAX_THREADS; 0 and 1 both mean only the
 *        calling thread. A program usually gives the machine's cores.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p reader is NULL; #KPI_ERR_VALUE
 *         for a number outside 0..#KPI_READER_MAX_THREADS. On error nothing
 *         changes.
 */
KPI_EXTERN int kpi_reader_set_threads(kpi_reader *reader, int32_t threads);
/**
 * @brief The encoding the reader expects.
 * @param reader the reader; NULL gives #KPI_ENCODING_AUTO (and records
 *        #KPI_ERR_ARGUMENT).
 * @return the encoding.
 */
KPI_EXTERN kpi_encoding kpi_reader_encoding(const kpi_reader *reader);
/**
 * @brief Sets the encoding to expect.
 * @param reader the reader. Not NULL.
 * @param encoding one of #kpi_encoding.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p reader is NULL;
 *         #KPI_ERR_VALUE for a value that is no #kpi_encoding.
 */
KPI_EXTERN int kpi_reader_set_encoding(kpi_reader *reader, kpi_encoding encoding);

/**
 * @brief Reads a plan from its structure file and, optionally, its
 *        progress file.
 * @param out receives a new plan the caller frees with kpi_plan_free();
 *        NULL on error. Not NULL.
 * @param reader the reader. Not NULL. Its warnings are replaced by this
 *        read's; after a failed read it has none.
 * @param structure_path the structure file. Not NULL.
 * @param progress_path the progress file, or NULL for none.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p out, @p reader or
 *         @p structure_path is NULL; #KPI_ERR_IO when a file cannot be
 *         read; #KPI_ERR_LIMIT for a file over #KPI_MAX_FILE bytes, a field
 *         over #KPI_MAX_FIELD, or a plan past #KPI_MAX_OBJECTS,
 *         #KPI_MAX_DEPTH or #KPI_MAX_RECORDS;
 *         #KPI_ERR_ENCODING for bytes invalid in the encoding or a NUL
 *         byte; #KPI_ERR_PARSE for a file that is not the CSV expected
 *         (bad quoting, no header, a missing or repeated column, a row
 *         longer than the header, no plan row first, ...); #KPI_ERR_DATE,
 *         #KPI_ERR_VALUE, #KPI_ERR_DUPLICATE or #KPI_ERR_NOT_FOUND for a
 *         cell the model refuses (a bad date, number or word, a code used
 *         twice, an unknown parent or code); #KPI_ERR_NOMEM.
 */
KPI_EXTERN int kpi_reader_read_files(kpi_plan **out, kpi_reader *reader,
                                     const char *structure_path,
                                     const char *progress_path);

/**
 * @brief Reads a plan from the bytes of its two files in memory.
 * @param out receives a new plan the caller frees with kpi_plan_free();
 *        NULL on error. Not NULL.
 * @param reader the reader. Not NULL. Its warnings are replaced by this
 *        read's; after a failed read it has none.
 * @param structure the structure file's bytes (need not end in NUL); only
 *        read during the call. Not NULL.
 * @param structure_size their number, at most #KPI_MAX_FILE.
 * @param progress the progress file's bytes, or NULL for none.
 * @param progress_size their number, at most #KPI_MAX_FILE.
 * @return as kpi_reader_read_files() but never #KPI_ERR_IO: #KPI_OK;
 *         #KPI_ERR_ARGUMENT when @p out, @p reader or @p structure is
 *         NULL; #KPI_ERR_LIMIT, #KPI_ERR_ENCODING, #KPI_ERR_PARSE,
 *         #KPI_ERR_DATE, #KPI_ERR_VALUE, #KPI_ERR_DUPLICATE,
 *         #KPI_ERR_NOT_FOUND or #KPI_ERR_NOMEM. Messages name the sources
 *         "structure" and "progress".
 */
KPI_EXTERN int kpi_reader_read_buffers(kpi_plan **out, kpi_reader *reader,
                                       const char *structure, size_t structure_size,
                                       const char *progress, size_t progress_size);

/** @brief What a reader's warning is about. */
typedef enum kpi_warning {
    /** something in the file was not used (an unknown column, ...) */
    KPI_WARNING_IGNORED = 0,
    /** fields were read from a target's text, or could not be */
    KPI_WARNING_INFERRED = 1
} kpi_warning;

/**
 * @brief The warning kind's stable name: "ignored", "inferred"; "" for a
 *        value that is no #kpi_warning.
 * @param warning any value.
 * @return a static string, never freed; never NULL.
 */
KPI_EXTERN const char *kpi_warning_name(kpi_warning warning);

/**
 * @brief The code of the reader's last failed read, kept on the reader as
 *        SQLite keeps an error on its connection, so that a caller whose
 *        thread may change between the call and the check (a goroutine, an
 *        async task) still finds it; #KPI_OK after a successful read.
 * @param reader the reader; NULL gives #KPI_ERR_ARGUMENT.
 * @return #KPI_OK, or the #kpi_error code the last read failed with
 *         (#KPI_ERR_IO, #KPI_ERR_PARSE, #KPI_ERR_ENCODING, #KPI_ERR_DATE,
 *         #KPI_ERR_VALUE, #KPI_ERR_LIMIT, #KPI_ERR_NOMEM, ...).
 */
KPI_EXTERN int kpi_reader_error_code(const kpi_reader *reader);
/**
 * @brief The message of the reader's last failed read, e.g.
 *        `progress.csv:3: column "date": "2017-13-01": month 13 is not 1..12`.
 * @param reader the reader; NULL gives "".
 * @return borrowed from the reader: valid until its next read or until it
 *         is freed; "" after a successful read.
 */
KPI_EXTERN const char *kpi_reader_error_message(const kpi_reader *reader);
/**
 * @brief The file (or buffer name) the reader's last failed read blames.
 * @param reader the reader; NULL gives "".
 * @return borrowed from the reader: valid until its next read or until it
 *         is freed; "" when the error names no file.
 */
KPI_EXTERN const char *kpi_reader_error_source(const kpi_reader *reader);
/**
 * @brief The 1-based line of the reader's last failed read.
 * @param reader the reader; NULL gives 0.
 * @return the line; 0 when the error names no line.
 */
KPI_EXTERN int32_t kpi_reader_error_line(const kpi_reader *reader);
/**
 * @brief The 1-based column (a CSV field's position) of the reader's last
 *        failed read.
 * @param reader the reader; NULL gives 0.
 * @return the column; 0 when the error names no column.
 */
KPI_EXTERN int32_t kpi_reader_error_column(const kpi_reader *reader);

/**
 * @brief Number of warnings of the last read.
 * @param reader the reader; NULL gives 0 (and records #KPI_ERR_ARGUMENT).
 * @return the count; 0 before the first read and after a failed one.
 */
KPI_EXTERN size_t kpi_reader_warning_count(const kpi_reader *reader);
/**
 * @brief The warning at @p index, e.g. `structure.csv:1: column "memo" is
 *        not known and was ignored`.
 * @param reader the reader; NULL gives NULL (and records #KPI_ERR_ARGUMENT).
 * @param index 0 to kpi_reader_warning_count() - 1.
 * @return borrowed from the reader; valid until its next read or until it
 *         is freed; NULL (and the last error #KPI_ERR_RANGE) when out of
 *         range.
 */
KPI_EXTERN const char *kpi_reader_warning_at(const kpi_reader *reader, size_t index);
/**
 * @brief What the warning at @p index is about.
 * @param reader the reader; NULL gives #KPI_WARNING_IGNORED (and records
 *        #KPI_ERR_ARGUMENT).
 * @param index 0 to kpi_reader_warning_count() - 1.
 * @return the kind; #KPI_WARNING_IGNORED (and the last error
 *         #KPI_ERR_RANGE) when out of range.
 */
KPI_EXTERN kpi_warning kpi_reader_warning_kind_at(const kpi_reader *reader, size_t index);
/**
 * @brief The line the warning at @p index refers to.
 * @param reader the reader; NULL gives 0 (and records #KPI_ERR_ARGUMENT).
 * @param index 0 to kpi_reader_warning_count() - 1.
 * @return the 1-based line in the file the warning names; 0 when out of
 *         range (with the last error #KPI_ERR_RANGE).
 */
KPI_EXTERN int32_t kpi_reader_warning_line_at(const kpi_reader *reader, size_t index);
/**
 * @brief The encoding the last read found (#KPI_ENCODING_UTF8 or
 *        #KPI_ENCODING_CP932): that of the last file it decoded, so the
 *        progress file's when a read had two.
 * @param reader the reader; NULL gives #KPI_ENCODING_AUTO (and records
 *        #KPI_ERR_ARGUMENT).
 * @return the encoding; #KPI_ENCODING_AUTO before the first file was
 *         decoded.
 */
KPI_EXTERN kpi_encoding kpi_reader_detected_encoding(const kpi_reader *reader);

/**
 * @brief Writes the structure file of a plan into memory.
 * @param out receives the bytes (NUL-terminated for convenience), which
 *        the caller frees with kpi_free(); NULL on failure. Not NULL.
 * @param size receives the number of bytes, without the NUL (may be NULL).
 * @param plan the plan; only read. Not NULL.
 * @param flags #kpi_write_flags combined with `|`; other bits are ignored.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p out or @p plan is NULL;
 *         #KPI_ERR_NOMEM.
 */
KPI_EXTERN int kpi_plan_write_structure(char **out, size_t *size, const kpi_plan *plan,
                                        uint32_t flags);

/**
 * @brief Writes the progress file of a plan into memory.
 * @param out receives the bytes (NUL-terminated for convenience), which
 *        the caller frees with kpi_free(); NULL on failure. Not NULL.
 * @param size receives the number of bytes, without the NUL (may be NULL).
 * @param plan the plan; only read. Not NULL.
 * @param flags #kpi_write_flags combined with `|`; other bits are ignored.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p out or @p plan is NULL;
 *         #KPI_ERR_NOMEM.
 */
KPI_EXTERN int kpi_plan_write_progress(char **out, size_t *size, const kpi_plan *plan,
                                       uint32_t flags);

/**
 * @brief Writes both files of a plan. Each file is written to a temporary
 *        file beside it and renamed over the destination only when
 *        complete, so a failure never leaves a half-written file. The two
 *        are replaced one after the other, not together: when the progress
 *        file fails, the structure file has already been replaced.
 * @param plan the plan; only read. Not NULL.
 * @param structure_path the structure file to write. Not NULL.
 * @param progress_path the progress file to write, or NULL to skip it.
 * @param flags #kpi_write_flags combined with `|`; other bits are ignored.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p plan or @p structure_path is
 *         NULL, or when the two paths name the same file (the same name
 *         in the same directory, however spelt), checked before anything
 *         is written; #KPI_ERR_IO when a file cannot be created, written
 *         or renamed (kpi_error_system_errno() tells why); #KPI_ERR_NOMEM.
 */
KPI_EXTERN int kpi_plan_write_files(const kpi_plan *plan, const char *structure_path,
                                    const char *progress_path, uint32_t flags);

#ifdef __cplusplus
}
#endif

#endif /* KPI_CSV_H */
