/* The text report: the interim report (中間報告調書) as aligned plain text
 * for a terminal or a printer.
 *
 * Layout, top to bottom: the report title and the plan's title; the
 * organization, department, period, as-of date and roll-up rule; then per
 * goal (depth first) its heading line with rating symbol, its reason line,
 * and a table of its targets; after the goals the plan's overall rating,
 * the legend (評価基準) and the notes (市長指示事項).
 *
 * Every line fits the width in terminal cells as width.c counts them (East
 * Asian wide and ambiguous characters as two). Long text wraps at cell
 * boundaries (at a blank or the start of an ASCII word when there is one,
 * never before closing punctuation such as 、。」); a cell of a fixed
 * column that is too long is cut and ends in "…". Both work on whole
 * characters, so no UTF-8 sequence is ever split. A table whose wording
 * column would be too narrow to read turns into a list, one target per
 * block. Lines carry no trailing blanks. */
#include "report/display.h"
#include "report/render.h"
#include "util/alloc.h"
#include "report/width.h"

#include <string.h>

enum {
    PAGE_MAX = 160,   /* wider terminals get this: longer lines only read worse */
    GAP = 2,          /* blanks between table columns */
    WORDING_MIN = 16, /* a narrower wording column gives a list instead of a table */
    CODE_MAX = 12,    /* longer codes are cut with … */
    VALUE_MAX = 16,   /* longer numbers or units are cut with … */
    INDENT_STEP = 2,  /* per level of goals */
    INDENT_MAX = 8,   /* deeper goals indent no further, to keep room for text */
    REASON_STEP = 2   /* a reason line sits this far right of what it explains */
};

/* Shown where an unrated result's symbol would be. U+2015 is ambiguous
 * width like ◎○△× (see width.c), so every table row starts with one
 * character of the same class and rows align in any terminal. */
static const char UNRATED_MARK[] = "―";
static const char ELLIPSIS[] = "…";

enum column {
    COL_RATING,
    COL_CODE,
    COL_WORDING,
    COL_ACTUAL,
    COL_EXPECTED,
    COL_TARGET,
    COL_ACHIEVEMENT,
    COL_PACE,
    COLUMN_COUNT
};

static const kpi__word_id column_words[COLUMN_COUNT] = {
    KPI__W_RATING,   KPI__W_CODE,         KPI__W_TARGET,      KPI__W_ACTUAL,
    KPI__W_EXPECTED, KPI__W_TARGET_VALUE, KPI__W_ACHIEVEMENT, KPI__W_PACE,
};

struct layout {
    kpi__strbuf *out;
    const kpi_evaluation *ev;
    kpi_lang lang;
    size_t page;               /* cells per line */
    size_t cols[COLUMN_COUNT]; /* table column widths; COL_WORDING unused */
    size_t wording_max;        /* the widest target wording, unwrapped */
};

/* One target's cells, as plain text (see plain()). */
struct row {
    const char *cells[COLUMN_COUNT];
    char *code;
    char *wording;
    char *target; /* number and unit */
    char numbers[4][32];
};

/* ------------------------------------------------------------------------ */
/* Text pieces                                                              */
/* ------------------------------------------------------------------------ */

/* A copy of s that the layout can measure: controls (newlines, tabs)
 * become blanks so that they cannot break the alignment, and each byte
 * that is not UTF-8 becomes U+FFFD, as in the other formats. NULL when
 * memory ran out (out is then marked failed, so the render reports
 * KPI_ERR_NOMEM). */
static char *plain(kpi__strbuf *out, const char *s)
{
    kpi__strbuf copy = {0};
    kpi__strbuf_append(&copy, ""); /* terminated even when s is empty */
    size_t n = s ? strlen(s) : 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t len = kpi__utf8_next(s + i, n - i, &cp);
        if (cp == 0xFFFD && len == 1)
            kpi__strbuf_append(&copy, "\xEF\xBF\xBD");
        else if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
            kpi__strbuf_append(&copy, " ");
        else
            kpi__strbuf_append_n(&copy, s + i, len);
        i += len;
    }
    char *text = kpi__strbuf_finish(&copy);
    if (!text)
        out->failed = 1;
    return text;
}

/* A number as every format shows it. kpi__display_number() leaves "1." for
 * values such as 0.997 that round to a whole number at two decimals; the
 * dot is dropped here so that the report never shows it. */
static void number(char *buf, double value)
{
    kpi__display_number(buf, value);
    size_t n = strlen(buf);
    if (n > 0 && buf[n - 1] == '.')
        buf[n - 1] = '\0';
}

static const char *symbol_or_mark(kpi_rating rating)
{
    return rating == KPI_RATING_NONE ? UNRATED_MARK : kpi_rating_symbol(rating);
}

/* ------------------------------------------------------------------------ */
/* Lines                                                                    */
/* ------------------------------------------------------------------------ */

static void pad(kpi__strbuf *out, size_t cells)
{
    static const char blanks[] = "                                ";
    while (cells > 0) {
        size_t n = cells < sizeof blanks - 1 ? cells : sizeof blanks - 1;
        kpi__strbuf_append_n(out, blanks, n);
        cells -= n;
    }
}

/* Ends the line, dropping the blanks that padding left at its end. */
static void end_line(kpi__strbuf *out)
{
    while (!out->failed && out->length > 0 && out->data[out->length - 1] == ' ')
        out->data[--out->length] = '\0';
    kpi__strbuf_append(out, "\n");
}

/* One empty line, unless the text already ends in one (or is empty). */
static void blank_line(kpi__strbuf *out)
{
    if (out->failed || out->length == 0)
        return;
    if (out->length >= 2 && out->data[out->length - 1] == '\n' &&
        out->data[out->length - 2] == '\n')
        return;
    kpi__strbuf_append(out, "\n");
}

static void rule(const struct layout *L, size_t indent, size_t cells, char c)
{
    pad(L->out, indent);
    for (size_t i = 0; i < cells; i++)
        kpi__strbuf_append_n(L->out, &c, 1);
    end_line(L->out);
}

/* Appends s cut to at most max cells: whole when it fits, else the longest
 * prefix of whole characters that leaves room for "…", then "…". Returns
 * the cells written. */
static size_t put_clipped(kpi__strbuf *out, const char *s, size_t max)
{
    size_t n = strlen(s), cells = kpi__width_n(s, n);
    if (cells <= max) {
        kpi__strbuf_append_n(out, s, n);
        return cells;
    }
    size_t mark = kpi__width(ELLIPSIS);
    if (max < mark)
        return 0;
    size_t keep = kpi__width_fit(s, n, max - mark, &cells);
    kpi__strbuf_append_n(out, s, keep);
    kpi__strbuf_append(out, ELLIPSIS);
    return cells + mark;
}

enum align { LEFT, CENTER, RIGHT };

/* A cell of a table row: clipped to width and padded to it. */
static void put_cell(kpi__strbuf *out, const char *s, size_t width, enum align align)
{
    size_t cells = kpi__width(s), before = 0;
    if (cells < width)
        before = align == RIGHT    ? width - cells
                 : align == CENTER ? (width - cells) / 2
                                   : 0;
    pad(out, before);
    cells = before + put_clipped(out, s, width - before);
    pad(out, width - cells);
}

/* ------------------------------------------------------------------------ */
/* Wrapping                                                                 */
/* ------------------------------------------------------------------------ */

static int is_blank(char c)
{
    return c == ' ';
}

static int is_ascii_word(char c)
{
    return c > ' ' && c < 0x7F;
}

/* The start of the last visible character that begins before pos (zero
 * width marks belong to the character before them); 0 when none. */
static size_t previous_start(const char *s, size_t pos)
{
    size_t last = 0;
    for (size_t i = 0; i < pos;) {
        uint32_t cp;
        size_t len = kpi__utf8_next(s + i, pos - i, &cp);
        if (kpi__width_of(cp) > 0)
            last = i;
        i += len;
    }
    return last;
}

/* Moves a break that falls inside an ASCII word ("30" of 物件登録件数30件)
 * back to the word's start, unless the word fills the whole line. */
static size_t word_break(const char *s, size_t cut)
{
    if (!is_ascii_word(s[cut]) || !is_ascii_word(s[cut - 1]))
        return cut;
    size_t start = cut;
    while (start > 0 && is_ascii_word(s[start - 1]))
        start--;
    return start > 0 ? start : cut;
}

/* Moves a break back to a blank in the last quarter of the line (of max
 * cells): text with blanks ("→ ○ [評価基準]") reads better broken there,
 * while Japanese prose, which has none, still breaks anywhere. */
static size_t blank_break(const char *s, size_t cut, size_t max)
{
    size_t blank = cut;
    while (blank > 0 && !is_blank(s[blank - 1]))
        blank--;
    if (blank == 0 || kpi__width_n(s + blank, cut - blank) > max / 4)
        return cut;
    return blank;
}

/* Opening brackets, which must not end a line (行末禁則), and the arrow of
 * a reason line, which belongs with the rating after it. */
static int no_line_end(uint32_t cp)
{
    static const uint32_t marks[] = {'(',    '[',    '{',    0x2192, 0x3008,
                                     0x300A, 0x300C, 0x300E, 0x3010, 0x3014,
                                     0xFF08, 0xFF3B, 0xFF5B};
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
        if (marks[i] == cp)
            return 1;
    return 0;
}

/* Characters a line must not begin with (行頭禁則): closing brackets and
 * punctuation, the prolonged sound mark and small kana. */
static int no_line_start(uint32_t cp)
{
    static const uint32_t marks[] = {
        ',',    '.',    ')',    ']',    '}',    ':',    ';',    '!',    '?',    '%',
        0x3001, 0x3002, 0x3009, 0x300B, 0x300D, 0x300F, 0x3011, 0x3015, 0x3005, 0x3041,
        0x3043, 0x3045, 0x3047, 0x3049, 0x3063, 0x3083, 0x3085, 0x3087, 0x30A1, 0x30A3,
        0x30A5, 0x30A7, 0x30A9, 0x30C3, 0x30E3, 0x30E5, 0x30E7, 0x30FB, 0x30FC, 0xFF01,
        0xFF09, 0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B, 0xFF1F, 0xFF3D, 0xFF5D,
    };
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
        if (marks[i] == cp)
            return 1;
    return 0;
}

/* Whether a break leaves closing punctuation at the start of the next line
 * (the character at cut) or an opening bracket or an arrow at the end of
 * this one (the character at back, ending at end). */
static int bad_break(const char *s, size_t n, size_t cut, size_t back, size_t end)
{
    uint32_t next, last;
    kpi__utf8_next(s + cut, n - cut, &next);
    kpi__utf8_next(s + back, end - back, &last);
    return no_line_start(next) || no_line_end(last);
}

/* Moves a bad break back a few characters, keeping at least one character
 * on the line. */
static size_t kinsoku(const char *s, size_t n, size_t cut)
{
    for (int step = 0; step < 4 && cut < n; step++) {
        size_t end = cut;
        while (end > 0 && is_blank(s[end - 1]))
            end--;
        size_t back = previous_start(s, end);
        if (back == 0 || !bad_break(s, n, cut, back, end))
            break;
        cut = back;
    }
    return cut;
}

/* The cells of the character that starts at s[i] (i < n). */
static int cells_at(const char *s, size_t n, size_t i)
{
    uint32_t cp;
    kpi__utf8_next(s + i, n - i, &cp);
    return kpi__width_of(cp);
}

/* Moves a break between wide characters back by one when it would leave a
 * single wide character alone on the last line (開\n始 becomes \n開始). */
static size_t widow(const char *s, size_t n, size_t cut)
{
    if (cut >= n || kpi__width_n(s + cut, n - cut) > 2 || cells_at(s, n, cut) != 2)
        return cut;
    size_t back = previous_start(s, cut);
    if (back == 0 || cells_at(s, n, back) != 2)
        return cut;
    return back;
}

/* The bytes of s[0..n) that go on a line of max cells (without trailing
 * blanks); *next receives where the next line's text starts. */
static size_t take_line(const char *s, size_t n, size_t max, size_t *next)
{
    if (n == 0) {
        *next = 0;
        return 0;
    }
    size_t cut = kpi__width_fit(s, n, max, NULL);
    if (cut == 0) { /* a character wider than the line: it goes alone */
        uint32_t cp;
        cut = kpi__utf8_next(s, n, &cp);
        cut += kpi__width_fit(s + cut, n - cut, 0, NULL);
    }
    if (cut < n && !is_blank(s[cut]))
        cut = widow(s, n, blank_break(s, word_break(s, cut), max));
    cut = kinsoku(s, n, cut);
    size_t end = cut;
    while (end > 0 && is_blank(s[end - 1]))
        end--;
    while (cut < n && is_blank(s[cut]))
        cut++;
    *next = cut;
    return end;
}

/* Writes text wrapped to the page. The current line already holds col
 * cells; later lines start at next_col. Ends the last line. */
static void put_wrapped(const struct layout *L, size_t col, size_t next_col,
                        const char *text)
{
    size_t n = strlen(text), at = 0;
    while (at < n && is_blank(text[at]))
        at++;
    do {
        size_t room = L->page > col + 2 ? L->page - col : 2;
        size_t next, len = take_line(text + at, n - at, room, &next);
        kpi__strbuf_append_n(L->out, text + at, len);
        end_line(L->out);
        at += next;
        col = next_col;
        if (at < n)
            pad(L->out, col);
    } while (at < n);
}

/* As put_wrapped() for any text, made plain() first (no control
 * characters, one line); NULL means the text could not be had. */
static void put_plain(const struct layout *L, size_t col, size_t next_col,
                      const char *text)
{
    if (!text) {
        L->out->failed = 1;
        return;
    }
    char *clean = plain(L->out, text);
    if (clean)
        put_wrapped(L, col, next_col, clean);
    kpi__free(clean);
}

/* A result's reason line in the report's language, from column col. */
static void put_reason(const struct layout *L, const kpi_result *r, size_t col)
{
    pad(L->out, col);
    put_plain(L, col, col, kpi_result_reason(r, L->lang));
}

/* ------------------------------------------------------------------------ */
/* Target rows                                                              */
/* ------------------------------------------------------------------------ */

static const kpi_result *child_of(const kpi_result *r, size_t i)
{
    const kpi_evaluation *ev = r->evaluation;
    return &ev->results[ev->children[r->first_child + i]];
}

static void row_free(struct row *row)
{
    kpi__free(row->code);
    kpi__free(row->wording);
    kpi__free(row->target);
}

/* The target value with its unit, as the reason line writes it ("30件",
 * "30 件" in English); a milestone's is "100%". */
static char *target_value(kpi__strbuf *out, const kpi_result *r, kpi_lang lang)
{
    char buf[32];
    if (r->target_kind == KPI_KIND_MILESTONE) {
        kpi__display_percent(buf, r->target);
        return plain(out, buf);
    }
    number(buf, r->target);
    kpi__strbuf value = {0};
    kpi__strbuf_append(&value, buf);
    if (buf[0] && r->unit && *r->unit) {
        kpi__strbuf_append(&value, lang == KPI_LANG_EN ? " " : "");
        kpi__strbuf_append(&value, r->unit);
    }
    char *text = kpi__strbuf_finish(&value);
    char *clean = text ? plain(out, text) : NULL;
    if (!text)
        out->failed = 1;
    kpi__free(text);
    return clean;
}

/* Fills a row; 0 when memory ran out (the row is then freed). A
 * milestone's progress reads as a percent, other figures as numbers. */
static int row_init(struct row *row, kpi__strbuf *out, const kpi_result *r, kpi_lang lang)
{
    memset(row, 0, sizeof *row);
    const char *wording = r->text && *r->text ? r->text : r->title;
    kpi__strbuf marked = {0};
    kpi__strbuf_append(&marked, kpi__inferred_mark(r, lang));
    kpi__strbuf_append(&marked, wording);
    char *mark_and_wording = kpi__strbuf_finish(&marked);
    if (!mark_and_wording)
        out->failed = 1;
    row->code = plain(out, r->code);
    row->wording = mark_and_wording ? plain(out, mark_and_wording) : NULL;
    kpi__free(mark_and_wording);
    row->target = target_value(out, r, lang);
    if (!row->code || !row->wording || !row->target) {
        row_free(row);
        return 0;
    }
    void (*figure)(char *, double) =
        r->target_kind == KPI_KIND_MILESTONE ? kpi__display_percent : number;
    figure(row->numbers[0], r->actual);
    figure(row->numbers[1], r->expected);
    kpi__display_percent(row->numbers[2], r->achievement);
    kpi__display_percent(row->numbers[3], r->pace);
    row->cells[COL_RATING] = symbol_or_mark(r->rating);
    row->cells[COL_CODE] = row->code;
    row->cells[COL_WORDING] = row->wording;
    row->cells[COL_ACTUAL] = row->numbers[0];
    row->cells[COL_EXPECTED] = row->numbers[1];
    row->cells[COL_TARGET] = row->target;
    row->cells[COL_ACHIEVEMENT] = row->numbers[2];
    row->cells[COL_PACE] = row->numbers[3];
    return 1;
}

static size_t min_size(size_t a, size_t b)
{
    return a < b ? a : b;
}

static size_t max_size(size_t a, size_t b)
{
    return a > b ? a : b;
}

/* Widens the columns to hold one row, up to their caps. */
static void measure_row(struct layout *L, const struct row *row)
{
    for (int c = 0; c < COLUMN_COUNT; c++) {
        size_t cells = kpi__width(row->cells[c]);
        if (c == COL_WORDING)
            L->wording_max = max_size(L->wording_max, cells);
        else
            L->cols[c] = max_size(L->cols[c],
                                  min_size(cells, c == COL_CODE ? CODE_MAX : VALUE_MAX));
    }
}

/* The column widths, the same for every table of the report so that the
 * tables line up: each column fits its heading and its widest cell. */
static void measure_columns(struct layout *L)
{
    for (int c = 0; c < COLUMN_COUNT; c++)
        L->cols[c] = kpi__width(kpi__word(column_words[c], L->lang));
    L->wording_max = L->cols[COL_WORDING];
    for (size_t i = 0; i < L->ev->count; i++) {
        const kpi_result *r = &L->ev->results[i];
        struct row row;
        if (r->kind != KPI_OBJECT_TARGET || !row_init(&row, L->out, r, L->lang))
            continue;
        measure_row(L, &row);
        row_free(&row);
    }
}

/* Cells taken by every column but the wording, with the gaps. */
static size_t fixed_cells(const struct layout *L)
{
    size_t cells = GAP * (COLUMN_COUNT - 1);
    for (int c = 0; c < COLUMN_COUNT; c++)
        if (c != COL_WORDING)
            cells += L->cols[c];
    return cells;
}

/* Where the wording column starts, from the table's indent. */
static size_t wording_col(const struct layout *L, size_t indent)
{
    return indent + L->cols[COL_RATING] + GAP + L->cols[COL_CODE] + GAP;
}

/* Writes the cells after the wording column, from the gap that precedes
 * them. */
static void put_figures(const struct layout *L, const char *const *cells)
{
    for (int c = COL_ACTUAL; c < COLUMN_COUNT; c++) {
        pad(L->out, GAP);
        put_cell(L->out, cells[c], L->cols[c], RIGHT);
    }
}

/* One table line: rating, code, a piece of wording and the figures. */
static void put_table_line(const struct layout *L, size_t indent, size_t wording,
                           const char *const *cells, const char *text, size_t len)
{
    pad(L->out, indent);
    put_cell(L->out, cells[COL_RATING], L->cols[COL_RATING], CENTER);
    pad(L->out, GAP);
    put_cell(L->out, cells[COL_CODE], L->cols[COL_CODE], LEFT);
    pad(L->out, GAP);
    size_t used = kpi__width_n(text, len);
    kpi__strbuf_append_n(L->out, text, len);
    pad(L->out, wording > used ? wording - used : 0);
    put_figures(L, cells);
    end_line(L->out);
}

/* A target's row: its wording wrapped in its column, the first line with
 * the other cells, then its reason line. */
static void put_row(const struct layout *L, const kpi_result *r, size_t indent,
                    size_t wording)
{
    struct row row;
    if (!row_init(&row, L->out, r, L->lang))
        return;
    const char *text = row.wording;
    size_t n = strlen(text), next, at = 0;
    size_t len = take_line(text, n, wording, &next);
    put_table_line(L, indent, wording, row.cells, text, len);
    for (at = next; at < n; at += next) {
        len = take_line(text + at, n - at, wording, &next);
        pad(L->out, wording_col(L, indent));
        kpi__strbuf_append_n(L->out, text + at, len);
        end_line(L->out);
    }
    put_reason(L, r, wording_col(L, indent) + REASON_STEP);
    row_free(&row);
}

static void put_table(const struct layout *L, const kpi_result *goal, size_t indent,
                      size_t wording)
{
    const char *headings[COLUMN_COUNT];
    for (int c = 0; c < COLUMN_COUNT; c++)
        headings[c] = kpi__word(column_words[c], L->lang);
    const char *title = headings[COL_WORDING];
    put_table_line(L, indent, wording, headings, title, strlen(title));
    rule(L, indent, fixed_cells(L) + wording, '-');
    for (size_t i = 0; i < goal->child_count; i++) {
        const kpi_result *r = child_of(goal, i);
        if (r->kind == KPI_OBJECT_TARGET)
            put_row(L, r, indent, wording);
    }
}

/* ------------------------------------------------------------------------ */
/* Target lists, for narrow pages                                           */
/* ------------------------------------------------------------------------ */

/* "実績 32  期待値 15.04 ...": the non-empty figures with their headings,
 * wrapped between figures. */
static void put_figure_items(const struct layout *L, const struct row *row, size_t col)
{
    size_t used = 0;
    for (int c = COL_ACTUAL; c < COLUMN_COUNT; c++) {
        const char *value = row->cells[c];
        if (!*value)
            continue;
        const char *heading = kpi__word(column_words[c], L->lang);
        size_t cells = kpi__width(heading) + 1 + min_size(kpi__width(value), VALUE_MAX);
        if (used > 0 && used + GAP + cells > L->page) {
            end_line(L->out);
            used = 0;
        }
        if (used == 0) {
            pad(L->out, col);
            used = col;
        } else {
            pad(L->out, GAP);
            used += GAP;
        }
        kpi__strbuf_printf(L->out, "%s ", heading);
        put_clipped(L->out, value, VALUE_MAX);
        used += cells;
    }
    if (used > 0)
        end_line(L->out);
}

/* A target as a block: symbol, code and wording; its figures; its reason. */
static void put_item(const struct layout *L, const kpi_result *r, size_t indent)
{
    struct row row;
    if (!row_init(&row, L->out, r, L->lang))
        return;
    pad(L->out, indent);
    size_t col = indent + put_clipped(L->out, row.cells[COL_RATING], 2) + 1;
    pad(L->out, 1);
    col += put_clipped(L->out, row.code, CODE_MAX) + GAP;
    pad(L->out, GAP);
    put_wrapped(L, col, indent + 4, row.wording);
    put_figure_items(L, &row, indent + 4);
    put_reason(L, r, indent + 4);
    row_free(&row);
}

static void put_list(const struct layout *L, const kpi_result *goal, size_t indent)
{
    for (size_t i = 0; i < goal->child_count; i++) {
        const kpi_result *r = child_of(goal, i);
        if (r->kind == KPI_OBJECT_TARGET)
            put_item(L, r, indent);
    }
}

/* A goal's targets: a table when the wording column has room enough. */
static void put_targets(const struct layout *L, const kpi_result *goal, size_t indent)
{
    size_t used = indent + fixed_cells(L);
    size_t room = L->page > used ? L->page - used : 0;
    size_t wording = min_size(room, L->wording_max);
    if (wording < WORDING_MIN)
        put_list(L, goal, indent);
    else
        put_table(L, goal, indent, wording);
}

/* ------------------------------------------------------------------------ */
/* Goals                                                                    */
/* ------------------------------------------------------------------------ */

static size_t goal_indent(int32_t depth)
{
    size_t indent = depth > 1 ? (size_t)(depth - 1) * INDENT_STEP : 0;
    return indent < INDENT_MAX ? indent : INDENT_MAX;
}

static int has_targets(const kpi_result *goal)
{
    for (size_t i = 0; i < goal->child_count; i++)
        if (child_of(goal, i)->kind == KPI_OBJECT_TARGET)
            return 1;
    return 0;
}

/* "△ 重点目標 1  title": top-level goals are 重点目標, deeper ones 取組項目.
 * The title wraps under itself, or under the symbol when that would leave
 * it too little room. */
static void put_goal_heading(const struct layout *L, const kpi_result *g, size_t indent)
{
    kpi__word_id word = g->depth <= 1 ? KPI__W_GOAL : KPI__W_INITIATIVE;
    char *code = plain(L->out, g->code);
    if (!code)
        return;
    pad(L->out, indent);
    size_t col = indent + kpi__width(symbol_or_mark(g->rating)) + 1;
    kpi__strbuf_printf(L->out, "%s %s ", symbol_or_mark(g->rating),
                       kpi__word(word, L->lang));
    col += kpi__width(kpi__word(word, L->lang)) + 1;
    col += put_clipped(L->out, code, CODE_MAX) + GAP;
    pad(L->out, GAP);
    kpi__free(code);
    size_t hang = col <= L->page / 2 ? col : indent + 4;
    put_plain(L, col, hang, g->title ? g->title : "");
}

static void put_goal(const struct layout *L, const kpi_result *g)
{
    size_t indent = goal_indent(g->depth);
    blank_line(L->out);
    if (g->depth <= 1)
        rule(L, 0, L->page, '=');
    put_goal_heading(L, g, indent);
    put_reason(L, g, indent + REASON_STEP);
    if (has_targets(g)) {
        blank_line(L->out);
        put_targets(L, g, indent + REASON_STEP);
    }
    for (size_t i = 0; i < g->child_count; i++) {
        const kpi_result *c = child_of(g, i);
        if (c->kind == KPI_OBJECT_GOAL)
            put_goal(L, c);
    }
}

/* ------------------------------------------------------------------------ */
/* Header and closing sections                                              */
/* ------------------------------------------------------------------------ */

struct field {
    kpi__word_id word;
    kpi__strbuf value;
};

static void put_fields(const struct layout *L, struct field *fields, size_t count)
{
    size_t label = 0;
    for (size_t i = 0; i < count; i++)
        label = max_size(label, kpi__width(kpi__word(fields[i].word, L->lang)));
    for (size_t i = 0; i < count; i++) {
        char *value = kpi__strbuf_finish(&fields[i].value);
        if (!value) {
            L->out->failed = 1;
            continue;
        }
        if (*value) {
            const char *word = kpi__word(fields[i].word, L->lang);
            kpi__strbuf_append(L->out, word);
            pad(L->out, label - kpi__width(word) + GAP);
            put_plain(L, label + GAP, label + GAP, value);
        }
        kpi__free(value);
    }
}

/* Organization, department, period, as-of date and roll-up rule, with
 * their labels in one column. Empty ones are left out. */
static void put_header_fields(const struct layout *L)
{
    const kpi_evaluation *ev = L->ev;
    struct field fields[5] = {
        {KPI__W_ORGANIZATION, {0}}, {KPI__W_DEPARTMENT, {0}}, {KPI__W_PERIOD, {0}},
        {KPI__W_AS_OF, {0}},        {KPI__W_ROLLUP, {0}},
    };
    char start[16], end[16], as_of[16];
    kpi__display_date(start, ev->start);
    kpi__display_date(end, ev->end);
    kpi__display_date(as_of, ev->as_of);
    kpi__strbuf_append(&fields[0].value, ev->organization ? ev->organization : "");
    kpi__strbuf_append(&fields[1].value, ev->department ? ev->department : "");
    kpi__strbuf_printf(&fields[2].value, "%s %s %s", start,
                       L->lang == KPI_LANG_JA ? "～" : "to", end);
    kpi__strbuf_append(&fields[3].value, as_of);
    kpi__strbuf_append(&fields[4].value, kpi__rollup_label(ev->policy.rollup, L->lang));
    put_fields(L, fields, sizeof fields / sizeof fields[0]);
}

static void put_header(const struct layout *L)
{
    const kpi_result *plan = &L->ev->results[0];
    put_wrapped(L, 0, 0, kpi__word(KPI__W_REPORT_TITLE, L->lang));
    if (plan->title && *plan->title)
        put_plain(L, 0, 0, plan->title);
    rule(L, 0, L->page, '=');
    put_header_fields(L);
}

/* "全体評価  △ 未進捗の部分あり" and the plan's reason line under it. */
static void put_overall(const struct layout *L)
{
    const kpi_result *plan = &L->ev->results[0];
    const char *word = kpi__word(KPI__W_PLAN_RATING, L->lang);
    const char *label = plan->rating == KPI_RATING_NONE
                            ? kpi__word(KPI__W_UNRATED, L->lang)
                            : kpi_rating_label(plan->rating, L->lang);
    size_t col = kpi__width(word) + GAP;
    blank_line(L->out);
    rule(L, 0, L->page, '=');
    kpi__strbuf_append(L->out, word);
    pad(L->out, GAP);
    kpi__strbuf_printf(L->out, "%s %s", symbol_or_mark(plan->rating), label);
    end_line(L->out);
    put_reason(L, plan, col);
}

static void put_legend(const struct layout *L)
{
    blank_line(L->out);
    put_wrapped(L, 0, 0, kpi__word(KPI__W_LEGEND, L->lang));
    for (int rating = KPI_RATING_AHEAD; rating >= KPI_RATING_NOT_PROGRESSED; rating--) {
        pad(L->out, 2);
        kpi__strbuf_printf(L->out, "%s ", kpi_rating_symbol((kpi_rating)rating));
        put_wrapped(L, 5, 5, kpi_rating_label((kpi_rating)rating, L->lang));
    }
    pad(L->out, 2);
    kpi__strbuf_printf(L->out, "%s ", L->lang == KPI_LANG_EN ? "* " : "＊");
    put_wrapped(L, 5, 5, kpi__word(KPI__W_INFERRED, L->lang));
}

/* The plan's notes (市長指示事項), one bullet each, wrapped under its text. */
static void put_notes(const struct layout *L)
{
    if (L->ev->note_count == 0)
        return;
    const char *bullet = L->lang == KPI_LANG_JA ? "・" : "-";
    size_t col = 2 + kpi__width(bullet) + (L->lang == KPI_LANG_JA ? 0 : 1);
    blank_line(L->out);
    put_wrapped(L, 0, 0, kpi__word(KPI__W_NOTES, L->lang));
    for (size_t i = 0; i < L->ev->note_count; i++) {
        pad(L->out, 2);
        kpi__strbuf_append(L->out, bullet);
        pad(L->out, col - 2 - kpi__width(bullet));
        put_plain(L, col, col, L->ev->notes[i]);
    }
}

int kpi__render_text(kpi__strbuf *out, const kpi_evaluation *ev, kpi_lang lang,
                     int32_t width)
{
    struct layout L = {.out = out, .ev = ev, .lang = lang};
    L.page = width > PAGE_MAX ? PAGE_MAX : (size_t)width;
    measure_columns(&L);
    put_header(&L);
    const kpi_result *plan = &ev->results[0];
    for (size_t i = 0; i < plan->child_count; i++) {
        const kpi_result *g = child_of(plan, i);
        if (g->kind == KPI_OBJECT_GOAL)
            put_goal(&L, g);
    }
    put_overall(&L);
    put_legend(&L);
    put_notes(&L);
    return out->failed ? KPI_ERR_NOMEM : KPI_OK;
}
