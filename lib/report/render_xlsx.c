/* The workbook report (KPI_FORMAT_XLSX): the 調書 laid out as the city's
 * interim report (xlsx_chosho.c) and one row per result with typed cells
 * (xlsx_table.c), made with libxlsxwriter in a temporary file and handed
 * over as bytes (util/workbook.c). Here: the workbook, its properties and
 * its formats. The colours are the HTML report's (report.css), so that a
 * level looks the same in both. */
#include "report/render.h"
#include "report/xlsx.h"
#include "util/alloc.h"
#include "util/date.h"
#include "util/error.h"

#include <stdlib.h>
#include <string.h>

/* The HTML report's stylesheet (report.css, built in as bytes): the one
 * place of the reports' colours, read here so that a level looks the
 * same in both. */
extern const unsigned char kpi__report_css[];
extern const size_t kpi__report_css_size;

/* The colour the stylesheet's :root gives the custom property name
 * ("--ahead:#1e7b3c"); black when it has none (a test checks each). */
static lxw_color_t css_colour(const char *name)
{
    const char *css = (const char *)kpi__report_css, *end = css + kpi__report_css_size;
    size_t n = strlen(name);
    for (const char *p = css; p + n + 8 <= end; p++) {
        if (p[0] != '-' || p[1] != '-' || memcmp(p + 2, name, n) != 0 ||
            p[2 + n] != ':' || p[3 + n] != '#')
            continue;
        unsigned long rgb = strtoul(p + 4 + n, NULL, 16);
        return (lxw_color_t)(rgb & 0xFFFFFF);
    }
    return 0;
}

/* The level classes' colours, indexed by kpi_rating, and the ink, muted
 * text, lines and soft fills of headings and goals. */
static const char *const class_colours[KPI__XLSX_CLASSES] = {
    [KPI_RATING_NONE] = "none",     [KPI_RATING_NOT_PROGRESSED] = "not_progressed",
    [KPI_RATING_BEHIND] = "behind", [KPI_RATING_ON_TRACK] = "on_track",
    [KPI_RATING_AHEAD] = "ahead",
};
#define level_colour(c) css_colour(class_colours[c])
#define INK css_colour("ink")
#define MUTED css_colour("muted")
#define LINE css_colour("line")
#define SOFT css_colour("soft")
#define BAND css_colour("band")

#define BODY_SIZE 10

/* A format of the body: 10 points, wrapped, at the top, ink coloured. */
static lxw_format *body(kpi__xlsx *x, int bordered)
{
    lxw_format *f = workbook_add_format(x->book);
    if (!f)
        return NULL;
    format_set_font_size(f, BODY_SIZE);
    format_set_font_color(f, INK);
    format_set_text_wrap(f);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    if (bordered) {
        format_set_border(f, LXW_BORDER_THIN);
        format_set_border_color(f, LINE);
    }
    return f;
}

/* The 調書's formats. */
static void chosho_formats(kpi__xlsx *x)
{
    kpi__xlsx_formats *f = &x->f;
    if ((f->title = body(x, 0))) {
        format_set_font_size(f->title, 13);
        format_set_bold(f->title);
    }
    if ((f->meta = body(x, 0)))
        format_set_font_color(f->meta, MUTED);
    if ((f->head = body(x, 1))) {
        format_set_bold(f->head);
        format_set_bg_color(f->head, SOFT);
        format_set_align(f->head, LXW_ALIGN_CENTER);
        format_set_align(f->head, LXW_ALIGN_VERTICAL_CENTER);
    }
    if ((f->goal = body(x, 1))) {
        format_set_bold(f->goal);
        format_set_bg_color(f->goal, BAND);
    }
    f->initiative = body(x, 1);
    f->cell = body(x, 1);
    if ((f->section = body(x, 0))) {
        format_set_font_size(f->section, 12);
        format_set_bold(f->section);
    }
    if ((f->note = body(x, 0)))
        format_set_font_color(f->note, MUTED);
    if ((f->overdue = body(x, 1))) {
        format_set_font_color(f->overdue, level_colour(KPI_RATING_NOT_PROGRESSED));
        format_set_bold(f->overdue);
    }
    for (int c = 0; c < KPI__XLSX_CLASSES; c++) {
        /* A level's symbol as the HTML report's badge: white on its colour. */
        if ((f->badge[c] = body(x, 1))) {
            format_set_font_size(f->badge[c], 16);
            format_set_bold(f->badge[c]);
            format_set_font_color(f->badge[c], LXW_COLOR_WHITE);
            format_set_bg_color(f->badge[c], level_colour(c));
            format_set_align(f->badge[c], LXW_ALIGN_CENTER);
            format_set_align(f->badge[c], LXW_ALIGN_VERTICAL_CENTER);
        }
        if ((f->legend[c] = body(x, 0))) {
            format_set_bold(f->legend[c]);
            format_set_font_color(f->legend[c], level_colour(c));
        }
    }
}

/* The table's formats: no wrapping (one line a row), dates as the display
 * layer writes them (2017-09-30), shares as whole percents (107%). */
static void table_formats(kpi__xlsx *x)
{
    kpi__xlsx_formats *f = &x->f;
    if ((f->t_head = workbook_add_format(x->book))) {
        format_set_bold(f->t_head);
        format_set_bg_color(f->t_head, SOFT);
        format_set_border(f->t_head, LXW_BORDER_THIN);
        format_set_border_color(f->t_head, LINE);
    }
    f->t_text = workbook_add_format(x->book);
    f->t_number = workbook_add_format(x->book);
    if ((f->t_percent = workbook_add_format(x->book)))
        format_set_num_format_index(f->t_percent, 9); /* Excel's own 0% */
    if ((f->t_date = workbook_add_format(x->book)))
        format_set_num_format(f->t_date, "yyyy-mm-dd");
    for (int c = 0; c < KPI__XLSX_CLASSES; c++)
        if ((f->t_level[c] = workbook_add_format(x->book))) {
            format_set_bold(f->t_level[c]);
            format_set_font_color(f->t_level[c], level_colour(c));
        }
}

/* Whether every format was made (libxlsxwriter returns NULL when memory
 * runs out). */
static int formats_made(const kpi__xlsx_formats *f)
{
    const lxw_format *const *all = (const lxw_format *const *)f;
    for (size_t i = 0; i < sizeof *f / sizeof *all; i++)
        if (!all[i])
            return 0;
    return 1;
}

/* ---- Properties ------------------------------------------------------------ */

/* Custom properties of text are limited to 255 characters by Excel (and
 * refused with a print by libxlsxwriter): a longer one is left out, the
 * 調書 holds it whole. */
static void custom_text(kpi__xlsx *x, const char *name, const char *value)
{
    if (x->rc != KPI_OK || !value || !*value || kpi__workbook_text_units(value) > 255)
        return;
    char *clean = kpi__xlsx_clean(x, value);
    if (clean)
        kpi__xlsx_fail(x, workbook_set_custom_property_string(x->book, name, clean),
                       "setting a property");
    kpi__free(clean);
}

/* Custom properties of dates, those an Excel date holds. */
static void custom_date(kpi__xlsx *x, const char *name, int32_t date)
{
    lxw_datetime datetime;
    if (kpi__workbook_datetime(&datetime, date))
        kpi__xlsx_fail(x, workbook_set_custom_property_datetime(x->book, name, &datetime),
                       "setting a property");
}

/* Title, subject, organization (the company) and department (the
 * manager's field, the closest Excel has), and as custom properties the
 * plan's code, organization, department, period and as-of date. The
 * workbook is dated its as-of date (midnight UTC), not the moment it was
 * made, so that the same evaluation always gives the same bytes. The
 * texts are cleaned as a cell's are: a byte that is no UTF-8 would break
 * the file. */
static void set_properties(kpi__xlsx *x)
{
    const kpi_evaluation *ev = x->ev;
    const kpi_result *plan = &ev->results[0];
    char *title = kpi__xlsx_clean(
        x, *plan->title ? plan->title : kpi__word(KPI__W_REPORT_TITLE, x->lang));
    char *organization = kpi__xlsx_clean(x, ev->organization);
    char *department = kpi__xlsx_clean(x, ev->department);
    lxw_doc_properties properties = {
        .title = title,
        .subject = (char *)kpi__word(KPI__W_REPORT_TITLE, x->lang),
        .company = organization,
        .manager = department,
        .category = (char *)kpi__xlsx_words(x->lang)->chosho,
        .created = kpi__workbook_created(ev->as_of),
    };
    if (x->rc == KPI_OK)
        kpi__xlsx_fail(x, workbook_set_properties(x->book, &properties),
                       "setting properties");
    custom_text(x, "plan", plan->code);
    custom_text(x, "organization", organization);
    custom_text(x, "department", department);
    custom_text(x, "language", kpi_lang_name(x->lang));
    custom_date(x, "period_start", ev->start);
    custom_date(x, "period_end", ev->end);
    custom_date(x, "as_of", ev->as_of);
    kpi__free(title);
    kpi__free(organization);
    kpi__free(department);
}

/* The two sheets, made first in their order (the 調書 first); the table
 * is filled first, since it checks its row count before writing anything
 * and a plan too large for a sheet fails at once. */
static void fill(kpi__xlsx *x)
{
    const struct kpi__xlsx_words *w = kpi__xlsx_words(x->lang);
    kpi__xlsx_sheet chosho = {x, workbook_add_worksheet(x->book, w->chosho), w->chosho,
                              NULL, 0};
    kpi__xlsx_sheet table = {x, workbook_add_worksheet(x->book, w->table), w->table, NULL,
                             0};
    if (!chosho.ws || !table.ws) {
        x->rc = kpi__error_nomem();
        return;
    }
    kpi__xlsx_table(&table);
    if (x->rc == KPI_OK)
        kpi__xlsx_chosho(&chosho);
}

int kpi__render_xlsx(char **out, size_t *size, const kpi_evaluation *ev, kpi_lang lang)
{
    kpi__workbook w;
    int rc = kpi__workbook_new(&w);
    if (rc != KPI_OK)
        return rc;
    kpi__xlsx x = {.book = w.book, .ev = ev, .lang = lang};
    chosho_formats(&x);
    table_formats(&x);
    if (!formats_made(&x.f))
        x.rc = kpi__error_nomem();
    if (x.rc == KPI_OK)
        set_properties(&x);
    if (x.rc == KPI_OK)
        fill(&x);
    kpi__strbuf_free(&x.clean);
    rc = kpi__workbook_close(&w, x.rc == KPI_OK, out, size);
    return x.rc != KPI_OK ? x.rc : rc;
}
