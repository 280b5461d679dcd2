/* Internal: reading a plan workbook (.xlsx). The package is a zip read
 * from memory with minizip (xlsx_zip.c), its parts XML parsed with expat
 * as they are inflated (xlsx_xml.c); the workbook, its relationships,
 * shared strings and styles are read first (xlsx_book.c, xlsx_styles.c),
 * then each sheet's rows are handed to the CSV reader's row handlers
 * (xlsx_sheet.c, through io/reader_rows.h), their cells made the texts a
 * CSV file would hold (xlsx_cell.c). */
#ifndef KPI_LIB_XLSX_READ_H
#define KPI_LIB_XLSX_READ_H

#include "io/csv_read.h"

#include <stddef.h>
#include <stdint.h>

/* ---- The zip (xlsx_zip.c) ------------------------------------------------ */

typedef struct kpi__xlsx_zip {
    void *unz;         /* minizip's unzFile */
    const char *file;  /* the workbook's name in messages */
    const char *bytes; /* the workbook's bytes */
    size_t size;
    uint64_t position; /* of the memory stream minizip reads */
    uint64_t budget;   /* bytes that may still be inflated, all parts together */
    uint64_t limit;    /* the budget at the start, for messages */
} kpi__xlsx_zip;

/* Opens the bytes as a zip; KPI_ERR_PARSE naming file when they are none.
 * limit bounds the bytes inflated from all parts together. Close it also
 * after an error. */
int kpi__xlsx_zip_open(kpi__xlsx_zip *zip, const char *file, const char *bytes,
                       size_t size, uint64_t limit);
void kpi__xlsx_zip_close(kpi__xlsx_zip *zip);
/* Whether the zip has the part (an exact name, "xl/workbook.xml"). */
int kpi__xlsx_zip_has(kpi__xlsx_zip *zip, const char *part);

/* Takes a part's bytes as they are inflated; last is 1 once, after them. */
typedef int (*kpi__xlsx_sink)(void *context, const char *bytes, size_t size, int last);
/* Inflates the part chunk by chunk into sink, counting every byte against
 * the budget (KPI_ERR_LIMIT past it); a missing or damaged part is
 * KPI_ERR_PARSE naming the file and the part. */
int kpi__xlsx_zip_read(kpi__xlsx_zip *zip, const char *part, kpi__xlsx_sink sink,
                       void *context);

/* ---- XML (xlsx_xml.c) ---------------------------------------------------- */

typedef struct kpi__xlsx_xml kpi__xlsx_xml;

/* What a part's parse calls: element names and attribute names without
 * their namespace prefix ("x:c" is "c"); attributes as expat gives them,
 * name and value pairs ending with NULL. A handler that fails calls
 * kpi__xlsx_xml_stop(). */
typedef struct kpi__xlsx_xml_calls {
    void (*start)(kpi__xlsx_xml *xml, void *context, const char *name,
                  const char **attributes);
    void (*end)(kpi__xlsx_xml *xml, void *context, const char *name);
    void (*text)(kpi__xlsx_xml *xml, void *context, const char *text, size_t size);
} kpi__xlsx_xml_calls;

/* Parses the part with expat (libkpi's allocator; a DOCTYPE refused, as no
 * workbook has one and entities could be a billion laughs). Broken XML is
 * KPI_ERR_PARSE "file: part:line:column: what"; a handler's error is
 * returned as it stopped the parse. */
int kpi__xlsx_xml_parse(kpi__xlsx_zip *zip, const char *part,
                        const kpi__xlsx_xml_calls *calls, void *context);
/* Stops the parse with the error rc (already recorded); the first wins. */
void kpi__xlsx_xml_stop(kpi__xlsx_xml *xml, int rc);
/* The value of the attribute called name (without prefix), or NULL. */
const char *kpi__xlsx_attribute(const char **attributes, const char *name);

/* A text being collected from character data, at most KPI_MAX_FIELD
 * bytes (else *over is set and the rest dropped). */
typedef struct kpi__xlsx_text {
    char *data; /* NUL-terminated once anything was added */
    size_t size, capacity;
    int over;
} kpi__xlsx_text;
int kpi__xlsx_text_add(kpi__xlsx_text *text, const char *bytes, size_t size);
void kpi__xlsx_text_free(kpi__xlsx_text *text);

/* ---- Cells (xlsx_cell.c) ------------------------------------------------- */

#define KPI__XLSX_MAX_ROW 1048576
#define KPI__XLSX_MAX_COLUMN 16384 /* XFD */

/* Reads a cell reference ("C14") into its 1-based row and column. Returns
 * 0, or why not: 1 not a reference, 2 a column beyond XFD, 3 a row beyond
 * 1048576. */
int kpi__xlsx_cell_ref(const char *ref, int32_t *row, int32_t *column);
/* Whether built-in number format id shows a date. */
int kpi__xlsx_builtin_date(uint32_t id);
/* Whether a custom number format code shows a date: d, m or y outside
 * quotes, brackets and escapes. */
int kpi__xlsx_code_is_date(const char *code);
/* The date of an Excel serial (its day; a time is dropped) as ISO text,
 * Excel's 1900-02-29 (serial 60) and 1900-01-00 (0) as Excel shows them,
 * so that the loader refuses them by name. 0, or -1 outside 0 (1 in the
 * 1904 system) .. 9999-12-31. */
int kpi__xlsx_serial_date(char out[11], double serial, int date1904);
/* Replaces OOXML's escapes "_x000D_" by the character in place (a valid
 * character other than NUL only); returns the new length. */
size_t kpi__xlsx_unescape(char *text, size_t size);

/* ---- The workbook (xlsx_book.c, xlsx_styles.c) -------------------------- */

typedef struct kpi__xlsx_book {
    kpi__xlsx_zip zip;
    const char *file;    /* the path, or "workbook" */
    uint64_t max_cells;  /* cells and shared strings allowed */
    uint64_t cells;      /* read so far, both sheets together */
    uint64_t text;       /* bytes of cell text handed over so far */
    int date1904;        /* workbookPr date1904 */
    char *sheet_part[2]; /* the sheets' parts (NULL: none) */
    char *sheet_name[2]; /* "file: sheet 計画", for messages */
    char *strings_part;  /* NULL: no shared strings */
    char *styles_part;   /* NULL: no styles */
    /* The shared strings, NUL-terminated one after the other. */
    char *strings;
    size_t strings_size, strings_capacity;
    uint32_t *string_start;
    size_t string_count, string_capacity;
    /* For each cell style (cellXfs), whether it shows numbers as dates. */
    unsigned char *xf_date;
    size_t xf_count;
} kpi__xlsx_book;

/* Reads the workbook's package: its parts, sheets, shared strings and
 * styles (book->zip open, book->file and book->max_cells set). */
int kpi__xlsx_book_read(kpi__xlsx_book *book);
void kpi__xlsx_book_free(kpi__xlsx_book *book);
/* The shared strings and the styles (xlsx_styles.c). */
int kpi__xlsx_strings_read(kpi__xlsx_book *book);
int kpi__xlsx_styles_read(kpi__xlsx_book *book);

/* ---- The sheets (xlsx_sheet.c) ------------------------------------------ */

/* Calls on_row for each row of sheet (0: structure, 1: progress) that has
 * a cell with text, field i being column i (A = 0). */
int kpi__xlsx_sheet_rows(kpi__xlsx_book *book, int sheet, kpi__csv_row_fn on_row,
                         void *context);

/* ---- For the tests (xlsx_read.c) ----------------------------------------- */

/* Lower limits than KPI_XLSX_MAX_UNCOMPRESSED and KPI_XLSX_MAX_CELLS, so
 * that a test reaches them quickly; 0 restores a default. Not thread-safe:
 * only for tests. */
void kpi__xlsx_set_limits(uint64_t uncompressed, uint64_t cells);

#endif
