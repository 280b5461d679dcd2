/**
 * @file kpi/render.h
 * @brief Reports people read: an evaluation rendered as text, Markdown,
 *        JSON, CSV, HTML or an Excel workbook.
 *
 * Every format lays the plan out as the interim report (中間報告調書) does:
 * goal → initiative → target, each target with its wording, actual,
 * expected, achievement (達成率), pace and rating, the unrated reason in
 * words, the goal and plan ratings, the 評価基準 legend and the plan's notes
 * (市長指示事項). The output is UTF-8, built from the evaluation alone, so a
 * report can be rendered after the plan is freed.
 */
#ifndef KPI_RENDER_H
#define KPI_RENDER_H

#include "csv.h"
#include "evaluate.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief The formats of kpi_evaluation_render(). */
typedef enum kpi_format {
    KPI_FORMAT_TEXT = 0,     /**< aligned plain text for a terminal or a printer */
    KPI_FORMAT_MARKDOWN = 1, /**< Markdown tables, one per goal */
    KPI_FORMAT_JSON = 2, /**< one JSON object: the plan with nested goals and targets */
    /** one row per target and goal with every result field; a text a
     *  spreadsheet would take for a formula has an apostrophe before it
     *  (kpi_evaluation_render_csv()) */
    KPI_FORMAT_CSV = 3,
    KPI_FORMAT_HTML = 4, /**< one self-contained, print-friendly page */
    /** an Excel workbook (.xlsx): the 調書 laid out for A4 landscape, and a
     *  sheet of one row per target and goal with figures as numbers, dates
     *  as dates and the reason line (bytes, not text: see
     *  kpi_evaluation_render()) */
    KPI_FORMAT_XLSX = 5
} kpi_format;

/**
 * @brief Renders an evaluation.
 * @param out receives the report, NUL-terminated, which the caller frees
 *        with kpi_free(); NULL on failure. Not NULL. A workbook
 *        (#KPI_FORMAT_XLSX) is binary: its bytes hold NULs, so only
 *        @p size tells its length.
 * @param size receives its length in bytes without the NUL (may be NULL,
 *        except for #KPI_FORMAT_XLSX).
 * @param evaluation the evaluation; only read. Not NULL.
 * @param format one of #kpi_format. #KPI_FORMAT_TEXT fits 100 terminal
 *        cells; kpi_evaluation_render_text() chooses another width.
 * @param lang the language of headings, words and reason lines (one of
 *        #kpi_lang).
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p out or @p evaluation is NULL,
 *         or @p size is NULL for #KPI_FORMAT_XLSX; #KPI_ERR_VALUE for an
 *         unknown format or language; #KPI_ERR_LIMIT for a workbook past
 *         Excel's limits (1,048,576 rows a sheet, 32,767 characters a
 *         cell); #KPI_ERR_IO when the temporary file a workbook is made in
 *         (in `$TMPDIR`, else `/tmp`) cannot be written; #KPI_ERR_NOMEM.
 */
KPI_EXTERN int kpi_evaluation_render(char **out, size_t *size,
                                     const kpi_evaluation *evaluation, kpi_format format,
                                     kpi_lang lang);

/**
 * @brief Renders an evaluation into a file, replacing it only once the
 *        report is whole (as kpi_file_write() does).
 *
 * The same bytes as kpi_evaluation_render() gives, written as they are
 * rendered: a JSON or CSV report of a million results goes through a
 * buffer of a few MiB instead of being held whole (gigabytes).
 * @param evaluation the evaluation; only read. Not NULL.
 * @param path the file to write. Not NULL. It is either left untouched
 *        (on any error) or replaced by the whole report, synced to disk.
 * @param format one of #kpi_format (#KPI_FORMAT_TEXT at its default width).
 * @param lang the language of headings, words and reason lines (one of
 *        #kpi_lang).
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p evaluation or @p path is NULL;
 *         #KPI_ERR_VALUE for an unknown format or language; #KPI_ERR_LIMIT
 *         for a workbook past Excel's limits; #KPI_ERR_IO
 *         when the file cannot be created, written, synced or renamed (the
 *         message names @p path and why); #KPI_ERR_NOMEM.
 */
KPI_EXTERN int kpi_evaluation_write(const kpi_evaluation *evaluation, const char *path,
                                    kpi_format format, kpi_lang lang);

/**
 * @brief Renders an evaluation as aligned plain text of a given width: the
 *        text format with its one option.
 * @param out receives the report, NUL-terminated, which the caller frees
 *        with kpi_free(); NULL on failure. Not NULL.
 * @param size receives its length in bytes without the NUL (may be NULL).
 * @param evaluation the evaluation; only read. Not NULL.
 * @param lang the language of headings, words and reason lines (one of
 *        #kpi_lang).
 * @param width the width in terminal cells to fit, at least 40 (East Asian
 *        wide characters count as two); 0 for the default of 100. Lines are
 *        never wider than 160 cells, whatever the width.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p out or @p evaluation is NULL;
 *         #KPI_ERR_VALUE for an unknown language or a width other than 0
 *         below 40 (negative included); #KPI_ERR_NOMEM.
 */
KPI_EXTERN int kpi_evaluation_render_text(char **out, size_t *size,
                                          const kpi_evaluation *evaluation, kpi_lang lang,
                                          int32_t width);

/**
 * @brief Renders the CSV report with its options: the report
 *        kpi_evaluation_render() gives with #KPI_FORMAT_CSV is this with
 *        flags 0.
 *
 * By default a text a spreadsheet would take for a formula (one that
 * begins with = + - @, a tab or a carriage return: a title such as
 * `=HYPERLINK("http://…")`) is written with an apostrophe before it, which
 * Excel and LibreOffice show as text and never run (CSV injection,
 * CWE-1236); figures stay numbers (a negative figure is a number, not
 * text). A program that reads the report as data may ask for the texts as
 * they are.
 * @param out receives the report, NUL-terminated, which the caller frees
 *        with kpi_free(); NULL on failure. Not NULL.
 * @param size receives its length in bytes without the NUL (may be NULL).
 * @param evaluation the evaluation; only read. Not NULL.
 * @param lang the language of the labels and reason lines (one of
 *        #kpi_lang).
 * @param flags #KPI_WRITE_RAW for the texts as they are, #KPI_WRITE_NO_BOM
 *        for no byte order mark, combined with `|`; 0 for the defaults
 *        (#KPI_WRITE_CRLF is accepted and changes nothing: the report's
 *        lines end in CRLF).
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p out or @p evaluation is NULL;
 *         #KPI_ERR_VALUE for an unknown language or a flag that is no
 *         #kpi_write_flags; #KPI_ERR_NOMEM.
 */
KPI_EXTERN int kpi_evaluation_render_csv(char **out, size_t *size,
                                         const kpi_evaluation *evaluation, kpi_lang lang,
                                         uint32_t flags);
/**
 * @brief Writes the CSV report with its options into a file, as
 *        kpi_evaluation_write() writes it (a buffer of a few MiB at a time,
 *        the file replaced only once whole).
 * @param evaluation the evaluation; only read. Not NULL.
 * @param path the file to write. Not NULL. It is either left untouched
 *        (on any error) or replaced by the whole report, synced to disk.
 * @param lang the language of the labels and reason lines (one of
 *        #kpi_lang).
 * @param flags as kpi_evaluation_render_csv() takes them.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p evaluation or @p path is NULL;
 *         #KPI_ERR_VALUE for an unknown language or a flag that is no
 *         #kpi_write_flags; #KPI_ERR_IO when the file cannot be created,
 *         written, synced or renamed; #KPI_ERR_NOMEM.
 */
KPI_EXTERN int kpi_evaluation_write_csv(const kpi_evaluation *evaluation, const char *path,
                                        kpi_lang lang, uint32_t flags);
/**
 * @brief Reads a format name: "text", "markdown" (or "md"), "json", "csv",
 *        "html", "xlsx".
 * @param out receives the format; unchanged on failure. Not NULL.
 * @param name the name, lower case exactly as listed. Not NULL.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p out or @p name is NULL;
 *         #KPI_ERR_VALUE for any other name (the message lists the
 *         accepted ones).
 */
KPI_EXTERN int kpi_format_parse(kpi_format *out, const char *name);

/**
 * @brief The format's name as kpi_format_parse() reads it; "" for unknown
 *        values.
 * @param format any value.
 * @return a static string, never freed; never NULL.
 */
KPI_EXTERN const char *kpi_format_name(kpi_format format);

#ifdef __cplusplus
}
#endif

#endif /* KPI_RENDER_H */
