/**
 * @file kpi/xlsx.h
 * @brief Plan workbooks: a plan and its progress log as two sheets of one
 *        Excel workbook (.xlsx), written for staff to fill in and read
 *        back.
 *
 * A plan workbook holds the two plan files of docs/csv-format.md as two
 * sheets: `計画` (the structure file) and `進捗` (the progress file), each
 * with the file's header row and its rows, figures as numbers and dates as
 * Excel dates. The writer adds drop-down lists for the columns that take a
 * word (kind, direction, schedule, status, rating) and date validation, so
 * that a workbook filled in by staff reads back without surprises.
 *
 * Reading takes the two sheets (also named `structure` and `progress`) and
 * applies the CSV reader's rules, inference, warnings and errors to their
 * cells: a workbook and the two CSV files saved from it read to the same
 * plan. Errors name the sheet and the cell, e.g.
 * `plan.xlsx: sheet 進捗: C14: column "date": "2017-13-01" is not a date:
 * month 13 is not 1..12`
 * (kpi_reader_error_source() gives `plan.xlsx: sheet 進捗`,
 * kpi_reader_error_line() the row and kpi_reader_error_column() the
 * column, 1 for A). Reading is atomic, as the CSV reader's is. The report
 * of an evaluation as a workbook is kpi_evaluation_render() with
 * #KPI_FORMAT_XLSX.
 *
 * Workbooks are written with libxlsxwriter, which allocates with the C
 * library's malloc() (not the allocator of kpi_set_allocator()) and writes
 * temporary files in `$TMPDIR` (else `/tmp`); they are read with minizip
 * and expat.
 */
#ifndef KPI_XLSX_H
#define KPI_XLSX_H

#include "csv.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief The most bytes a workbook's parts may hold once uncompressed,
 *         all together (256 MiB), against zip bombs: the bytes actually
 *         inflated are counted, not the sizes the zip declares. It also
 *         bounds the text the sheets' cells hand to the reader. */
#define KPI_XLSX_MAX_UNCOMPRESSED (256 * 1024 * 1024)
/** @brief The most cells (values and empty cells the file lists) a
 *         workbook's two sheets may hold together; also the most shared
 *         strings. */
#define KPI_XLSX_MAX_CELLS (32 * 1024 * 1024)

/**
 * @brief Writes a plan as a plan workbook (the two sheets `計画` and
 *        `進捗`), replacing @p path only once the workbook is whole.
 *
 * The cells are those kpi_plan_write_files() writes, so that
 * CSV → workbook → CSV gives the same bytes: texts as text cells (never a
 * formula), figures as numbers, dates as Excel dates shown as
 * `yyyy-mm-dd`. A figure a number cell cannot hold exactly (Excel keeps 16
 * significant digits) is written as its text.
 * @param plan the plan; only read. Not NULL.
 * @param path the file to write. Not NULL.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p plan or @p path is NULL;
 *         #KPI_ERR_LIMIT for a text longer than a cell holds (32,767
 *         characters) or more rows than a sheet holds (1,048,576), the
 *         message naming the object and field; #KPI_ERR_IO when the file
 *         (or the temporary file the workbook is made in) cannot be
 *         written; #KPI_ERR_NOMEM.
 */
KPI_EXTERN int kpi_plan_write_xlsx(const kpi_plan *plan, const char *path);

/**
 * @brief Makes a plan workbook in memory: the bytes kpi_plan_write_xlsx()
 *        writes.
 * @param out receives the workbook's bytes, which the caller frees with
 *        kpi_free(); NULL on failure. Not NULL.
 * @param size receives their number. Not NULL.
 * @param plan the plan; only read. Not NULL.
 * @return as kpi_plan_write_xlsx(): #KPI_OK; #KPI_ERR_ARGUMENT when @p out,
 *         @p size or @p plan is NULL; #KPI_ERR_LIMIT; #KPI_ERR_IO (the
 *         temporary file); #KPI_ERR_NOMEM.
 */
KPI_EXTERN int kpi_plan_render_xlsx(char **out, size_t *size, const kpi_plan *plan);

/**
 * @brief Reads a plan from a plan workbook.
 *
 * The sheet `計画` (or `structure`) is read as the structure file and
 * `進捗` (or `progress`) as the progress file (none: no progress), field
 * i of a row being column i (A first), its line the row's number. Cells
 * give the texts a CSV file saved from the sheet would hold: texts (rich
 * text without its phonetic readings), numbers in their shortest form,
 * numbers whose style shows a date as `yyyy-mm-dd` (the 1900 and the 1904
 * date systems), booleans as `TRUE`/`FALSE`, formulas by their cached
 * value; an error cell is an error. docs/csv-format.md tells more.
 * @param out receives a new plan the caller frees with kpi_plan_free();
 *        NULL on error. Not NULL.
 * @param reader the reader (its options as for CSV files; the encoding
 *        does not apply). Not NULL. Its warnings are replaced by this
 *        read's (`plan.xlsx: sheet 計画: row 5: ...`); after a failed read
 *        it has none, and the error is kept (kpi_reader_error_code(),
 *        kpi_reader_error_source() `plan.xlsx: sheet 進捗` or, for the
 *        whole file, `plan.xlsx`).
 * @param path the workbook, also where a scale file the plan names is
 *        found from. Not NULL.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p out, @p reader or @p path is
 *         NULL; #KPI_ERR_IO when the file cannot be read; #KPI_ERR_PARSE
 *         for a file that is no workbook (not a zip or a damaged one, a
 *         part missing, broken XML or a DOCTYPE, with the part's line and
 *         column, no sheet `計画`: the message lists the sheets), for what
 *         no spreadsheet writes (a cell reference beyond XFD1048576, rows
 *         or cells out of order, a shared string index out of range, an
 *         unknown cell type), naming the cell, and for what the CSV reader
 *         refuses as such; #KPI_ERR_LIMIT for a file over #KPI_MAX_FILE
 *         bytes, parts over #KPI_XLSX_MAX_UNCOMPRESSED bytes, sheets over
 *         #KPI_XLSX_MAX_CELLS cells or shared strings, a cell's text over
 *         #KPI_MAX_FIELD bytes, and the CSV reader's limits; #KPI_ERR_VALUE
 *         for an error cell (`#DIV/0!`) and a number or boolean cell that
 *         holds none; #KPI_ERR_DATE for a date serial beyond 9999-12-31;
 *         the CSV reader's #KPI_ERR_DATE, #KPI_ERR_VALUE,
 *         #KPI_ERR_DUPLICATE and #KPI_ERR_NOT_FOUND for a cell the model
 *         refuses; #KPI_ERR_NOMEM.
 */
KPI_EXTERN int kpi_reader_read_xlsx(kpi_plan **out, kpi_reader *reader, const char *path);

/**
 * @brief Reads a plan from a plan workbook's bytes in memory.
 * @param out receives a new plan the caller frees with kpi_plan_free();
 *        NULL on error. Not NULL.
 * @param reader the reader. Not NULL. Its warnings are replaced by this
 *        read's; after a failed read it has none.
 * @param bytes the workbook's bytes; only read during the call. Not NULL.
 * @param size their number, at most #KPI_MAX_FILE.
 * @return #KPI_OK, or an error as kpi_reader_read_xlsx() gives it but
 *         never #KPI_ERR_IO; messages name
 *         the source "workbook" (`workbook: sheet 計画: C5: ...`); a
 *         scale file the plan names is found from the current directory.
 */
KPI_EXTERN int kpi_reader_read_xlsx_buffer(kpi_plan **out, kpi_reader *reader,
                                           const char *bytes, size_t size);

#ifdef __cplusplus
}
#endif

#endif /* KPI_XLSX_H */
