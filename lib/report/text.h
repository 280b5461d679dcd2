/* Internal: the pieces of the text report (render_text.c), shared by
 * text_lines.c (measured text, padding, wrapping), text_targets.c (the
 * tables and lists of targets) and text_progress.c (updates, directives,
 * cancelled targets). */
#ifndef KPI_LIB_REPORT_TEXT_H
#define KPI_LIB_REPORT_TEXT_H

#include "report/display.h"
#include "util/strbuf.h"

enum {
    PAGE_MAX = 160,   /* wider terminals get this: longer lines only read worse */
    GAP = 2,          /* blanks between table columns */
    WORDING_MIN = 16, /* a narrower wording column gives a list instead of a table */
    CODE_MAX = 12,    /* longer codes are cut with … */
    VALUE_MAX = 16,   /* longer numbers or units are cut with … */
    TARGET_MAX = 24,  /* the same for a target, which has " or more" besides */
    INDENT_STEP = 2,  /* per level of goals */
    INDENT_MAX = 8,   /* deeper goals indent no further, to keep room for text */
    REASON_STEP = 2   /* a reason line sits this far right of what it explains */
};

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

struct layout {
    kpi__strbuf *out;
    const kpi_evaluation *ev;
    kpi_lang lang;
    size_t page;               /* cells per line */
    size_t cols[COLUMN_COUNT]; /* table column widths; COL_WORDING unused */
    size_t wording_max;        /* the widest target wording, unwrapped */
    kpi__directive_refs refs;  /* the directives addressed to each goal */
};

/* One target's cells, as plain text (see plain()). */
struct row {
    const char *cells[COLUMN_COUNT];
    char *code;
    char *wording;
    char *target; /* kpi__display_target() */
    char numbers[4][KPI__NUMBER_SIZE];
};

enum align { LEFT, CENTER, RIGHT };

/* A copy of s that the layout can measure: controls (newlines, tabs)
 * become blanks so that they cannot break the alignment, and each byte
 * that is not UTF-8 becomes U+FFFD, as in the other formats. NULL when
 * memory ran out (out is then marked failed, so the render reports
 * KPI_ERR_NOMEM). */
char *kpi__text_plain(kpi__strbuf *out, const char *s);

void kpi__text_pad(kpi__strbuf *out, size_t cells);

/* Ends the line, dropping the blanks that padding left at its end. */
void kpi__text_end_line(kpi__strbuf *out);

/* One empty line, unless the text already ends in one (or is empty). */
void kpi__text_blank_line(kpi__strbuf *out);

void kpi__text_rule(const struct layout *L, size_t indent, size_t cells, char c);

/* Appends s cut to at most max cells: whole when it fits, else the longest
 * prefix of whole characters that leaves room for "…", then "…". Returns
 * the cells written. */
size_t kpi__text_put_clipped(kpi__strbuf *out, const char *s, size_t max);

/* A cell of a table row: clipped to width and padded to it. */
void kpi__text_put_cell(kpi__strbuf *out, const char *s, size_t width, enum align align);

/* Writes text wrapped to the page. The current line already holds col
 * cells; later lines start at next_col. Ends the last line. */
void kpi__text_put_wrapped(const struct layout *L, size_t col, size_t next_col,
                           const char *text);

/* As kpi__text_put_wrapped() for any text, made kpi__text_plain() first (no control
 * characters, one line); NULL means the text could not be had. */
void kpi__text_put_plain(const struct layout *L, size_t col, size_t next_col,
                         const char *text);

/* A result's reason line in the report's language, from column col. */
void kpi__text_put_reason(const struct layout *L, const kpi_result *r, size_t col);

size_t kpi__text_max_size(size_t a, size_t b);

/* The column widths, the same for every table of the report so that the
 * tables line up: each column fits its heading and its widest cell. */
void kpi__text_measure_columns(struct layout *L);

/* A goal's targets: a table when the wording column has room enough.
 * Cancelled targets are left out: kpi__text_put_cancelled() lists them. */
void kpi__text_put_targets(const struct layout *L, const kpi_result *goal, size_t indent);

/* Text the city wrote, verbatim but for control characters: each of its
 * lines wrapped on its own (kpi__text_put_wrapped()), the first from col,
 * the others from next_col. Ends the last line. */
void kpi__text_put_lines(const struct layout *L, size_t col, size_t next_col,
                         const char *text);

/* The result's latest update from column col: its heading (status, date)
 * and its text. Nothing when it has none. */
void kpi__text_put_update(const struct layout *L, const kpi_result *r, size_t col);

/* Under a goal's reason, from column col: its latest update, the
 * directives addressed to it and the codes of its cancelled targets. */
void kpi__text_put_goal_progress(const struct layout *L, const kpi_result *g, size_t col);

/* The closing sections: the directives with their follow-up, and the
 * cancelled targets and goals. Nothing when there are none. */
void kpi__text_put_directives(const struct layout *L);
void kpi__text_put_cancelled(const struct layout *L);

#endif
