/* Internal: the evaluation workbook (KPI_FORMAT_XLSX). render_xlsx.c makes
 * the workbook, its properties and its formats and has the sheets filled:
 * the 調書 laid out as the city's interim report (xlsx_chosho.c, with the
 * sections under it, the legend, directives, cancelled targets and notes,
 * in xlsx_sections.c) and one row per result with typed cells
 * (xlsx_table.c). Every cell goes through xlsx_cells.c, which checks
 * Excel's limits before libxlsxwriter sees a value (libxlsxwriter prints to
 * stderr on some refusals; the library must never print) and writes every
 * text as a string cell, never as a formula. Calls go one way:
 * render_xlsx.c, then xlsx_chosho.c and xlsx_table.c, then
 * xlsx_sections.c, then xlsx_cells.c.
 *
 * A failure is kept in kpi__xlsx.rc (recorded with kpi__error() when it
 * happens) and every later write does nothing, so that the sheets check
 * once, at the end, as the strbuf renderers do. */
#ifndef KPI_LIB_REPORT_XLSX_H
#define KPI_LIB_REPORT_XLSX_H

#include "report/display.h"
#include "util/strbuf.h"
#include "util/workbook.h"

/* The colour classes a level takes (kpi__display_colour()), indexed by
 * kpi_rating: KPI_RATING_NONE (grey) to KPI_RATING_AHEAD. */
#define KPI__XLSX_CLASSES (KPI_RATING_AHEAD + 1)

typedef struct kpi__xlsx_formats {
    lxw_format *title, *meta, *head, *goal, *initiative, *cell, *section, *note;
    lxw_format *badge[KPI__XLSX_CLASSES];  /* a level's symbol: white on its colour */
    lxw_format *legend[KPI__XLSX_CLASSES]; /* a legend entry, in its level's colour */
    lxw_format *overdue;                   /* an overdue directive's state, in red */
    /* The table: its heading, and typed cells. */
    lxw_format *t_head, *t_text, *t_number, *t_percent, *t_date;
    lxw_format *t_level[KPI__XLSX_CLASSES]; /* a symbol in its level's colour */
} kpi__xlsx_formats;

typedef struct kpi__xlsx {
    lxw_workbook *book;
    const kpi_evaluation *ev;
    kpi_lang lang;
    kpi__xlsx_formats f;
    int rc;            /* KPI_OK, or the first failure (recorded) */
    kpi__strbuf clean; /* a text made fit for a cell (xlsx_cells.c) */
} kpi__xlsx;

typedef struct kpi__xlsx_sheet {
    kpi__xlsx *x;
    lxw_worksheet *ws;
    const char *name;
    double *heights; /* each row's height in points, 0: Excel's own */
    size_t room;     /* of heights */
} kpi__xlsx_sheet;

/* Words only the workbook uses; every other word and form comes from the
 * display layer (display.h), as in the other formats. */
struct kpi__xlsx_words {
    const char *chosho, *table; /* the sheets' names */
    const char *initiatives;    /* the 調書's second column */
    const char *note_mark;      /* before the legend's heading: "※ " */
    const char *separator;      /* between two words of one heading */
    const char *label_end;      /* after a field's word: "団体：上田市" */
    const char *item_gap;       /* between the header's fields */
};
const struct kpi__xlsx_words *kpi__xlsx_words(kpi_lang lang);

/* render_xlsx.c calls these. */
void kpi__xlsx_chosho(kpi__xlsx_sheet *s);
void kpi__xlsx_table(kpi__xlsx_sheet *s);

/* xlsx_sections.c: under the 調書's goals, from row on; returns the row
 * after them. */
uint32_t kpi__xlsx_sections(kpi__xlsx_sheet *s, uint32_t row);

/* xlsx_cells.c ----------------------------------------------------------- */

/* The 調書's columns and their widths (in Excel's units, about one digit
 * of the default font; a Japanese character takes two). */
enum {
    KPI__XLSX_GOAL,
    KPI__XLSX_INITIATIVE,
    KPI__XLSX_TARGET,
    KPI__XLSX_PROGRESS,
    KPI__XLSX_RATING,
    KPI__XLSX_COLUMNS,
    KPI__XLSX_LAST_COLUMN = KPI__XLSX_COLUMNS - 1
};
extern const double kpi__xlsx_widths[KPI__XLSX_COLUMNS];

/* Records a libxlsxwriter failure of what (kpi__workbook_error()) unless
 * one is kept already. */
void kpi__xlsx_fail(kpi__xlsx *x, lxw_error error, const char *what);

/* Fails with KPI_ERR_LIMIT when a sheet would need more rows than Excel's
 * (rows counted from 1). */
void kpi__xlsx_rows(kpi__xlsx_sheet *s, size_t rows);

/* Fails with KPI_ERR_LIMIT, naming owner's code and field, when text is
 * longer than a cell holds; for fields that go into a cell with others
 * (which the cell's own check would not name). owner may be NULL. */
void kpi__xlsx_field(kpi__xlsx_sheet *s, const kpi_result *owner, const char *field,
                     const char *text);

/* A copy of text fit for the workbook's XML as kpi__workbook_text() makes
 * a cell's (for the properties), which the caller frees with kpi__free(); NULL when
 * memory ran out (recorded) or another failure is kept. */
char *kpi__xlsx_clean(kpi__xlsx *x, const char *text);

/* Cells. A text is written as a string cell whatever it starts with, after
 * the checks; owner (may be NULL) and field name it in the error. A number
 * that is NaN or infinite, a date of 0 leave the cell empty (but
 * formatted). */
void kpi__xlsx_text(kpi__xlsx_sheet *s, uint32_t row, uint16_t col, const char *text,
                    lxw_format *format, const kpi_result *owner, const char *field);
/* A text over merged cells (a single cell is not merged). */
void kpi__xlsx_merged(kpi__xlsx_sheet *s, uint32_t first_row, uint16_t first_col,
                      uint32_t last_row, uint16_t last_col, const char *text,
                      lxw_format *format, const kpi_result *owner, const char *field);
void kpi__xlsx_number(kpi__xlsx_sheet *s, uint32_t row, uint16_t col, double value,
                      lxw_format *format);
/* An Excel date (a day number formatted as a date); a date before
 * 1900-03-01, which Excel's calendar gets wrong, as its ISO text. */
void kpi__xlsx_date(kpi__xlsx_sheet *s, uint32_t row, uint16_t col, int32_t date,
                    lxw_format *format);
void kpi__xlsx_boolean(kpi__xlsx_sheet *s, uint32_t row, uint16_t col, int value,
                       lxw_format *format);
/* Ends a text built in a strbuf (its NUL): 1 when it is whole, else 0
 * with KPI_ERR_NOMEM kept as the workbook's failure, so that no cell is
 * written short. */
int kpi__xlsx_whole(kpi__xlsx *x, kpi__strbuf *built);

/* A display form built apart, as a text cell; built is freed. */
void kpi__xlsx_built(kpi__xlsx_sheet *s, uint32_t row, uint16_t col, kpi__strbuf *built,
                     lxw_format *format, const kpi_result *owner, const char *field);

/* Row heights. Excel and LibreOffice fit a row to its wrapped text but not
 * to merged cells, so the 調書 sets every height itself: kpi__xlsx_fit()
 * makes row tall enough for text in a column width wide, and
 * kpi__xlsx_fit_rows() the rows first..last together for text over them
 * (the last row grows), once their own heights are set. */
void kpi__xlsx_fit(kpi__xlsx_sheet *s, uint32_t row, double width, const char *text);
void kpi__xlsx_fit_rows(kpi__xlsx_sheet *s, uint32_t first, uint32_t last, double width,
                        const char *text);
/* Sets the heights found (and frees them). */
void kpi__xlsx_set_heights(kpi__xlsx_sheet *s);

#endif
