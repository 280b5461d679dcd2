/* kpi_reader_read_xlsx(): a plan workbook read as a row source of the
 * reader (io/reader_rows.h), so that its two sheets go through the same
 * row handlers, inference, warnings and atomicity as the two CSV files.
 * The package is read when the reader opens the source; the sheets as the
 * reader asks for their rows. */
#include "io/xlsx_read.h"
#include "io/reader_rows.h"
#include "io/slurp.h"
#include "util/alloc.h"
#include "util/error.h"
#include "kpi/xlsx.h"

#include <stdatomic.h>

/* The limits. Tests lower them (kpi__xlsx_set_limits()) to reach them
 * with small files; atomic, so that reads on other threads see one value
 * or the other, never a torn one. Nothing else ever changes them. */
static _Atomic uint64_t max_uncompressed = KPI_XLSX_MAX_UNCOMPRESSED;
static _Atomic uint64_t max_cells = KPI_XLSX_MAX_CELLS;

void kpi__xlsx_set_limits(uint64_t uncompressed, uint64_t cells)
{
    atomic_store(&max_uncompressed,
                 uncompressed ? uncompressed : KPI_XLSX_MAX_UNCOMPRESSED);
    atomic_store(&max_cells, cells ? cells : KPI_XLSX_MAX_CELLS);
}

/* A read in progress: the workbook's bytes (read from path, or given) and
 * the package once open. */
struct workbook {
    const char *function; /* the public call, for messages */
    int from_file;        /* kpi_reader_read_xlsx(), else bytes */
    const char *path;     /* the file (from_file) */
    const char *bytes;
    size_t size;
    char *owned; /* the bytes read from path */
    kpi__xlsx_book book;
};

static int workbook_open(void *self)
{
    struct workbook *w = self;
    if (w->from_file && !w->path) {
        return kpi__error_null(w->function, "path");
    } else if (w->from_file) {
        int rc = kpi__slurp(&w->owned, &w->size, w->path);
        if (rc != KPI_OK)
            return rc;
        w->bytes = w->owned;
    } else if (!w->bytes) {
        return kpi__error_null(w->function, "bytes");
    } else if (w->size > (size_t)KPI_MAX_FILE) {
        return kpi__error_at(KPI_ERR_LIMIT, w->book.file, 0, 0,
                             "%s: the file is larger than the limit of %d bytes",
                             w->book.file, KPI_MAX_FILE);
    }
    int rc = kpi__xlsx_zip_open(&w->book.zip, w->book.file, w->bytes, w->size,
                                atomic_load(&max_uncompressed));
    return rc == KPI_OK ? kpi__xlsx_book_read(&w->book) : rc;
}

static const char *workbook_name(void *self, int sheet)
{
    struct workbook *w = self;
    return w->book.sheet_name[sheet];
}

static int workbook_rows(void *self, int sheet, kpi__csv_row_fn on_row, void *context)
{
    struct workbook *w = self;
    return kpi__xlsx_sheet_rows(&w->book, sheet, on_row, context);
}

static int read_workbook(kpi_plan **out, kpi_reader *reader, struct workbook *w)
{
    w->book.file = w->path ? w->path : w->from_file ? "(null)" : "workbook";
    w->book.max_cells = atomic_load(&max_cells);
    kpi__row_source source = {w, workbook_open, workbook_name, workbook_rows, w->path};
    int rc = kpi__reader_read_rows(out, reader, &source, w->function);
    kpi__xlsx_book_free(&w->book);
    kpi__free(w->owned);
    return rc;
}

int kpi_reader_read_xlsx(kpi_plan **out, kpi_reader *reader, const char *path)
{
    struct workbook w = {
        .function = "kpi_reader_read_xlsx", .from_file = 1, .path = path};
    return read_workbook(out, reader, &w);
}

int kpi_reader_read_xlsx_buffer(kpi_plan **out, kpi_reader *reader, const char *bytes,
                                size_t size)
{
    struct workbook w = {
        .function = "kpi_reader_read_xlsx_buffer", .bytes = bytes, .size = size};
    return read_workbook(out, reader, &w);
}
