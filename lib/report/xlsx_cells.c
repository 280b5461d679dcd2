/* The workbook's cells (xlsx.h): every value goes through here, so that
 * Excel's limits are checked in one place before libxlsxwriter sees a
 * value (it prints to stderr on some refusals), every text is written as a
 * string cell (never a formula, whatever it starts with: "=HYPERLINK(...)"
 * stays text) and made fit for one, and every failure is recorded once. */
#include "report/linebreak.h"
#include "report/width.h"
#include "report/xlsx.h"
#include "util/alloc.h"
#include "util/date.h"
#include "util/error.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const struct kpi__xlsx_words words[2] = {
    {"調書", "一覧", "具体的な重点取組項目", "※ ", "・", "：", "　"},
    {"Report", "Targets", "Initiatives", "* ", " / ", ": ", "    "},
};

const struct kpi__xlsx_words *kpi__xlsx_words(kpi_lang lang)
{
    return &words[lang == KPI_LANG_EN];
}

/* Wide enough for a goal's title in a few lines, the progress prose in
 * the widest column and the symbol alone in the last, and together about
 * the width of an A4 landscape page (fitted to it when printed). */
const double kpi__xlsx_widths[KPI__XLSX_COLUMNS] = {22, 26, 32, 58, 10};

void kpi__xlsx_fail(kpi__xlsx *x, lxw_error error, const char *what)
{
    if (error != LXW_NO_ERROR && x->rc == KPI_OK)
        x->rc = kpi__workbook_error(error, what);
}

/* "sheet 調書, cell D12", for messages. */
static void where(char *buf, size_t size, const kpi__xlsx_sheet *s, uint32_t row,
                  uint16_t col)
{
    char cell[LXW_MAX_CELL_NAME_LENGTH];
    lxw_rowcol_to_cell(cell, row, col);
    snprintf(buf, size, "sheet %s, cell %s", s->name, cell);
}

/* Whether row is one the sheet holds; else fails with KPI_ERR_LIMIT. */
static int row_fits(kpi__xlsx_sheet *s, uint32_t row)
{
    if (row < KPI__XLSX_MAX_ROWS)
        return 1;
    kpi__xlsx_rows(s, (size_t)row + 1);
    return 0;
}

void kpi__xlsx_rows(kpi__xlsx_sheet *s, size_t rows)
{
    if (rows <= KPI__XLSX_MAX_ROWS || s->x->rc != KPI_OK)
        return;
    s->x->rc = kpi__error(KPI_ERR_LIMIT,
                          "workbook: sheet %s needs %zu rows, more than the %d an Excel "
                          "sheet holds",
                          s->name, rows, KPI__XLSX_MAX_ROWS);
}

/* Records KPI_ERR_LIMIT for a text past a cell's length, naming owner and
 * field, and where when given. */
static void too_long(kpi__xlsx *x, const kpi_result *owner, const char *field,
                     const char *place)
{
    char code[KPI__CLIP_SIZE];
    if (x->rc != KPI_OK)
        return;
    if (owner)
        x->rc = kpi__error(KPI_ERR_LIMIT,
                           "workbook: %s \"%s\": %s is longer than the %d characters an "
                           "Excel cell holds%s%s",
                           kpi_object_name((kpi_object)owner->kind),
                           kpi__clip(code, owner->code), field, KPI__XLSX_MAX_TEXT,
                           *place ? " in " : "", place);
    else
        x->rc = kpi__error(KPI_ERR_LIMIT,
                           "workbook: %s is longer than the %d characters an Excel cell "
                           "holds%s%s",
                           field, KPI__XLSX_MAX_TEXT, *place ? " in " : "", place);
}

void kpi__xlsx_field(kpi__xlsx_sheet *s, const kpi_result *owner, const char *field,
                     const char *text)
{
    if (text && kpi__workbook_text_units(text) > KPI__XLSX_MAX_TEXT)
        too_long(s->x, owner, field, "");
}

/* ---- Text fit for a cell ------------------------------------------------- */

char *kpi__xlsx_clean(kpi__xlsx *x, const char *text)
{
    if (x->rc != KPI_OK)
        return NULL;
    const char *fit = kpi__workbook_text(&x->clean, text ? text : "");
    char *copy = fit ? kpi__strdup(fit) : NULL;
    if (!copy)
        x->rc = kpi__error_nomem();
    return copy;
}

/* The checks and the text to write, or NULL after recording why not. */
static const char *checked(kpi__xlsx_sheet *s, uint32_t row, uint16_t col,
                           const char *text, const kpi_result *owner, const char *field)
{
    kpi__xlsx *x = s->x;
    if (x->rc != KPI_OK || !row_fits(s, row))
        return NULL;
    if (kpi__workbook_text_units(text) > KPI__XLSX_MAX_TEXT) {
        char place[64];
        where(place, sizeof place, s, row, col);
        too_long(x, owner, field, place);
        return NULL;
    }
    const char *fit = kpi__workbook_text(&x->clean, text);
    if (!fit)
        x->rc = kpi__error_nomem();
    return fit;
}

void kpi__xlsx_text(kpi__xlsx_sheet *s, uint32_t row, uint16_t col, const char *text,
                    lxw_format *format, const kpi_result *owner, const char *field)
{
    const char *fit = checked(s, row, col, text ? text : "", owner, field);
    if (fit)
        kpi__xlsx_fail(s->x, worksheet_write_string(s->ws, row, col, fit, format),
                       "writing a text");
}

void kpi__xlsx_merged(kpi__xlsx_sheet *s, uint32_t first_row, uint16_t first_col,
                      uint32_t last_row, uint16_t last_col, const char *text,
                      lxw_format *format, const kpi_result *owner, const char *field)
{
    if (first_row == last_row && first_col == last_col) {
        kpi__xlsx_text(s, first_row, first_col, text, format, owner, field);
        return;
    }
    const char *fit = checked(s, last_row, first_col, text ? text : "", owner, field);
    if (!fit)
        return;
    /* libxlsxwriter's merge ignores how writing its text went: the range
     * is merged blank, then the text written over its first cell. */
    kpi__xlsx_fail(s->x,
                   worksheet_merge_range(s->ws, first_row, first_col, last_row, last_col,
                                         "", format),
                   "merging cells");
    if (s->x->rc == KPI_OK)
        kpi__xlsx_fail(s->x,
                       worksheet_write_string(s->ws, first_row, first_col, fit, format),
                       "writing a text");
}

int kpi__xlsx_whole(kpi__xlsx *x, kpi__strbuf *built)
{
    kpi__strbuf_append(built, "");
    if (!built->failed)
        return 1;
    if (x->rc == KPI_OK)
        x->rc = kpi__error_nomem();
    return 0;
}

void kpi__xlsx_built(kpi__xlsx_sheet *s, uint32_t row, uint16_t col, kpi__strbuf *built,
                     lxw_format *format, const kpi_result *owner, const char *field)
{
    kpi__strbuf_append(built, "");
    if (built->failed && s->x->rc == KPI_OK)
        s->x->rc = kpi__error_nomem();
    else
        kpi__xlsx_text(s, row, col, built->data, format, owner, field);
    kpi__strbuf_free(built);
}

/* An empty cell keeps its format (borders, fill). */
static void blank(kpi__xlsx_sheet *s, uint32_t row, uint16_t col, lxw_format *format)
{
    if (format)
        kpi__xlsx_fail(s->x, worksheet_write_blank(s->ws, row, col, format),
                       "writing a blank cell");
}

void kpi__xlsx_number(kpi__xlsx_sheet *s, uint32_t row, uint16_t col, double value,
                      lxw_format *format)
{
    if (s->x->rc != KPI_OK || !row_fits(s, row))
        return;
    if (!isfinite(value)) /* libxlsxwriter would print "nan" into the sheet */
        blank(s, row, col, format);
    else
        kpi__xlsx_fail(s->x, worksheet_write_number(s->ws, row, col, value, format),
                       "writing a number");
}

void kpi__xlsx_date(kpi__xlsx_sheet *s, uint32_t row, uint16_t col, int32_t date,
                    lxw_format *format)
{
    lxw_datetime when;
    if (date <= 0) {
        kpi__xlsx_number(s, row, col, NAN, format);
    } else if (!kpi__workbook_datetime(&when, date)) {
        char iso[KPI__DATE_ISO_SIZE];
        kpi__date_iso(iso, date);
        kpi__xlsx_text(s, row, col, iso, format, NULL, "date");
    } else {
        kpi__xlsx_number(s, row, col, lxw_datetime_to_excel_datetime(&when), format);
    }
}

void kpi__xlsx_boolean(kpi__xlsx_sheet *s, uint32_t row, uint16_t col, int value,
                       lxw_format *format)
{
    if (s->x->rc == KPI_OK && row_fits(s, row))
        kpi__xlsx_fail(s->x, worksheet_write_boolean(s->ws, row, col, value, format),
                       "writing a truth value");
}

/* ---- Row heights ----------------------------------------------------------- */

/* Points per line of the body's 10-point text (Japanese fonts draw taller
 * lines than Latin ones), what a cell adds around its lines, Excel's
 * default height and its largest. */
#define LINE_POINTS 13.5
#define PAD_POINTS 5.0
#define DEFAULT_POINTS 15.0
#define MAX_POINTS 409.0

/* The lines text takes in a column width wide, broken as the text report
 * breaks lines (Japanese characters count as two cells, as in Excel's
 * column widths; the 10-point text gets a little more than its column's
 * 11-point digits). */
static double lines_of(const char *text, double width)
{
    size_t cells = (size_t)((width - 1) * 1.1), lines = 0;
    for (const char *p = text;;) {
        const char *end = strchr(p, '\n');
        size_t n = end ? (size_t)(end - p) : strlen(p), at = 0, next;
        size_t before = lines;
        while (at < n && lines < 1000) {
            kpi__line_take(p + at, n - at, cells, &next);
            lines++;
            if (!next)
                break;
            at += next;
        }
        if (lines == before)
            lines++; /* an empty line still takes one */
        if (!end || lines >= 1000)
            break;
        p = end + 1;
    }
    return (double)lines;
}

/* Makes room for row in the heights; 0 when memory ran out (recorded). */
static int height_room(kpi__xlsx_sheet *s, uint32_t row)
{
    if (row < s->room)
        return 1;
    size_t room = s->room ? s->room : 256;
    while (room <= row)
        room *= 2;
    double *grown = kpi__realloc(s->heights, room * sizeof *grown);
    if (!grown) {
        if (s->x->rc == KPI_OK)
            s->x->rc = kpi__error_nomem();
        return 0;
    }
    memset(grown + s->room, 0, (room - s->room) * sizeof *grown);
    s->heights = grown;
    s->room = room;
    return 1;
}

static double points_of(const char *text, double width)
{
    return lines_of(text, width) * LINE_POINTS + PAD_POINTS;
}

void kpi__xlsx_fit(kpi__xlsx_sheet *s, uint32_t row, double width, const char *text)
{
    if (s->x->rc != KPI_OK || !text || !height_room(s, row))
        return;
    double points = points_of(text, width);
    if (points > s->heights[row])
        s->heights[row] = points;
}

void kpi__xlsx_fit_rows(kpi__xlsx_sheet *s, uint32_t first, uint32_t last, double width,
                        const char *text)
{
    if (s->x->rc != KPI_OK || !text || !height_room(s, last))
        return;
    double have = 0;
    for (uint32_t row = first; row <= last; row++)
        have += s->heights[row] > 0 ? s->heights[row] : DEFAULT_POINTS;
    double need = points_of(text, width);
    if (need > have) {
        double *h = &s->heights[last];
        *h = (*h > 0 ? *h : DEFAULT_POINTS) + need - have;
    }
}

void kpi__xlsx_set_heights(kpi__xlsx_sheet *s)
{
    for (size_t row = 0; row < s->room && s->x->rc == KPI_OK; row++) {
        double h = s->heights[row];
        if (h > 0)
            kpi__xlsx_fail(s->x,
                           worksheet_set_row(s->ws, (lxw_row_t)row,
                                             h < MAX_POINTS ? h : MAX_POINTS, NULL),
                           "setting a row's height");
    }
    kpi__free(s->heights);
    s->heights = NULL;
    s->room = 0;
}
