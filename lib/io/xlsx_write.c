/* Plan workbooks (kpi/xlsx.h): the plan's two files as the sheets 計画
 * and 進捗 of one workbook, written by the CSV writers' own row functions
 * (csv_write.c, csv_write_progress.c) into typed cells (xlsx_write_cells.c),
 * with the lists and checks staff fill them in with (xlsx_write_lists.c). */
#include "io/csv_write.h"
#include "io/xlsx_sheets.h"
#include "io/xlsx_write_cells.h"
#include "model/model.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/number.h"
#include "kpi/file.h"
#include "kpi/xlsx.h"

typedef void (*rows_fn)(kpi__writer *, const kpi_plan *);

typedef struct formats {
    lxw_format *header, *date;
} formats;

static int make_formats(lxw_workbook *book, formats *f)
{
    f->header = workbook_add_format(book);
    f->date = workbook_add_format(book);
    if (!f->header || !f->date)
        return kpi__error_nomem();
    format_set_bold(f->header);
    format_set_bg_color(f->header, 0xDDEBF7);
    format_set_num_format(f->date, "yyyy-mm-dd");
    return KPI_OK;
}

/* One sheet: its rows from rows(), then its lists and checks. */
static int write_sheet(lxw_workbook *book, const char *name, int code_column,
                       rows_fn rows, const kpi_plan *plan, const formats *f)
{
    lxw_worksheet *sheet = workbook_add_worksheet(book, name);
    if (!sheet)
        return kpi__error_nomem();
    kpi__sheet_cells cells;
    kpi__sheet_cells_init(&cells, sheet, name, code_column, f->header, f->date);
    kpi__writer w = {.cells = &cells.cells};
    rows(&w, plan);
    if (w.out.failed && cells.rc == KPI_OK)
        cells.rc = kpi__error_nomem();
    kpi__strbuf_free(&w.out);
    int rc = kpi__sheet_finish(&cells, plan->scale);
    kpi__sheet_cells_free(&cells);
    return rc;
}

/* Title, organization (the company field) and department (the manager
 * field: where Excel shows an owner), and the report date. */
static int set_properties(lxw_workbook *book, const kpi_plan *plan)
{
    lxw_doc_properties properties = {
        .title = plan->title,
        .company = plan->organization,
        .manager = plan->department,
        .comments =
            (char *)"libkpi plan workbook: sheets 計画 (structure) and 進捗 (progress)",
        /* dated by the plan (its report date, else its start), not the clock */
        .created =
            kpi__workbook_created(plan->report_date ? plan->report_date : plan->start),
    };
    lxw_error e = workbook_set_properties(book, &properties);
    lxw_datetime report_date;
    if (e == LXW_NO_ERROR && kpi__workbook_datetime(&report_date, plan->report_date))
        e = workbook_set_custom_property_datetime(book, "report_date", &report_date);
    return e == LXW_NO_ERROR ? KPI_OK : kpi__workbook_error(e, "setting its properties");
}

static int fill(lxw_workbook *book, const kpi_plan *plan)
{
    formats f;
    int rc = make_formats(book, &f);
    if (rc == KPI_OK)
        rc = set_properties(book, plan);
    if (rc == KPI_OK)
        rc = write_sheet(book, KPI__XLSX_SHEET_STRUCTURE, 1, kpi__write_structure, plan,
                         &f);
    if (rc == KPI_OK)
        rc =
            write_sheet(book, KPI__XLSX_SHEET_PROGRESS, 0, kpi__write_progress, plan, &f);
    return rc;
}

static int render(char **out, size_t *size, const kpi_plan *plan)
{
    kpi__workbook book;
    int rc = kpi__workbook_new(&book);
    if (rc != KPI_OK)
        return rc;
    kpi__c_numeric locale;
    kpi__c_numeric_enter(&locale);
    rc = fill(book.book, plan);
    kpi__c_numeric_leave(&locale);
    int closed = kpi__workbook_close(&book, rc == KPI_OK, out, size);
    return rc != KPI_OK ? rc : closed;
}

int kpi_plan_render_xlsx(char **out, size_t *size, const kpi_plan *plan)
{
    if (!out)
        return kpi__error_null("kpi_plan_render_xlsx", "out");
    *out = NULL;
    if (!size)
        return kpi__error_null("kpi_plan_render_xlsx", "size");
    if (!plan)
        return kpi__error_null("kpi_plan_render_xlsx", "plan");
    return render(out, size, plan);
}

int kpi_plan_write_xlsx(const kpi_plan *plan, const char *path)
{
    if (!plan)
        return kpi__error_null("kpi_plan_write_xlsx", "plan");
    if (!path)
        return kpi__error_null("kpi_plan_write_xlsx", "path");
    char *bytes = NULL;
    size_t size = 0;
    int rc = render(&bytes, &size, plan);
    if (rc == KPI_OK)
        rc = kpi_file_write(path, bytes, size);
    kpi__free(bytes);
    return rc;
}
