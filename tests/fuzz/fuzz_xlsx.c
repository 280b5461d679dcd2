/* Fuzz target: the plan workbook reader. The first byte picks the form of
 * the rest: even, the bytes are the workbook (a zip, as a file holds it);
 * odd, they are the texts of its parts, split at form feeds (the workbook
 * part, the sheets 計画 and 進捗, the shared strings, the styles), stored
 * in a zip made here, so that the fuzzer reaches the XML and the cells
 * rather than the checksums of deflated bytes. Whatever the bytes, a read
 * either gives a plan that writes and reads back to the same bytes, as CSV
 * files and as a plan workbook, or an error with no plan. */
#include <kpi.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <zip.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* ---- A stored zip (no compression), made in memory with minizip ------- */

/* The memory minizip writes the zip into: a growing buffer, written at a
 * position it may seek back to (to fill in a local header's sizes). */
struct zip {
    uint8_t *bytes;
    size_t size, capacity, position;
};

static voidpf zip_open(voidpf opaque, const void *name, int mode)
{
    (void)name, (void)mode;
    return opaque;
}

static uLong zip_read(voidpf opaque, voidpf stream, void *buf, uLong n)
{
    (void)opaque, (void)stream, (void)buf, (void)n;
    return 0; /* only written */
}

static uLong zip_write(voidpf opaque, voidpf stream, const void *buf, uLong n)
{
    (void)opaque;
    struct zip *z = stream;
    size_t end = z->position + n;
    if (end > z->capacity) {
        size_t capacity = end * 2 + 4096;
        uint8_t *grown = realloc(z->bytes, capacity);
        if (!grown)
            abort();
        z->bytes = grown;
        z->capacity = capacity;
    }
    memcpy(z->bytes + z->position, buf, n);
    z->position = end;
    if (end > z->size)
        z->size = end;
    return n;
}

static ZPOS64_T zip_tell(voidpf opaque, voidpf stream)
{
    (void)opaque;
    return ((struct zip *)stream)->position;
}

static long zip_seek(voidpf opaque, voidpf stream, ZPOS64_T offset, int origin)
{
    (void)opaque;
    struct zip *z = stream;
    ZPOS64_T base = origin == ZLIB_FILEFUNC_SEEK_CUR   ? z->position
                    : origin == ZLIB_FILEFUNC_SEEK_END ? z->size
                                                       : 0;
    if (base + offset > z->size)
        return -1;
    z->position = (size_t)(base + offset);
    return 0;
}

static int zip_close(voidpf opaque, voidpf stream)
{
    (void)opaque, (void)stream;
    return 0;
}

static int zip_error(voidpf opaque, voidpf stream)
{
    (void)opaque, (void)stream;
    return 0;
}

static void add_part(zipFile zip, const char *name, const void *text, size_t n)
{
    zip_fileinfo info = {0};
    if (zipOpenNewFileInZip64(zip, name, &info, NULL, 0, NULL, 0, NULL, 0, 0, 0) !=
            ZIP_OK ||
        zipWriteInFileInZip(zip, text, (unsigned)n) != ZIP_OK ||
        zipCloseFileInZip(zip) != ZIP_OK)
        abort();
}

static const char rels[] =
    "<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\" "
    "Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"x/worksheet\" "
    "Target=\"worksheets/sheet2.xml\"/><Relationship Id=\"rId3\" "
    "Type=\"x/sharedStrings\" "
    "Target=\"sharedStrings.xml\"/><Relationship Id=\"rId4\" Type=\"x/styles\" "
    "Target=\"styles.xml\"/></Relationships>";

/* The parts split at form feeds, in a zip with the relationships that
 * name them. */
static struct zip make_zip(const uint8_t *data, size_t size)
{
    static const char *const names[] = {"xl/workbook.xml", "xl/worksheets/sheet1.xml",
                                        "xl/worksheets/sheet2.xml",
                                        "xl/sharedStrings.xml", "xl/styles.xml"};
    struct zip z = {0};
    zlib_filefunc64_def memory = {zip_open, zip_read,  zip_write, zip_tell,
                                  zip_seek, zip_close, zip_error, &z};
    zipFile zip = zipOpen2_64("memory", APPEND_STATUS_CREATE, NULL, &memory);
    if (!zip)
        abort();
    add_part(zip, "[Content_Types].xml", "<Types/>", 8);
    add_part(zip, "xl/_rels/workbook.xml.rels", rels, sizeof rels - 1);
    for (size_t i = 0; i < 5 && data; i++) {
        const uint8_t *end = memchr(data, '\f', size);
        size_t n = end ? (size_t)(end - data) : size;
        add_part(zip, names[i], data, n);
        data = end ? end + 1 : NULL;
        size = end ? size - n - 1 : 0;
    }
    if (zipClose(zip, NULL) != ZIP_OK)
        abort();
    return z;
}

/* ---- The read ----------------------------------------------------------- */

static void check_round_trip(kpi_plan *plan)
{
    char *structure = NULL, *progress = NULL, *again = NULL;
    size_t s = 0, p = 0, a = 0;
    if (kpi_plan_write_structure(&structure, &s, plan, 0) != KPI_OK ||
        kpi_plan_write_progress(&progress, &p, plan, 0) != KPI_OK)
        abort();
    kpi_reader *reader = NULL;
    kpi_plan *copy = NULL;
    if (kpi_reader_new(&reader) != KPI_OK ||
        kpi_reader_read_buffers(&copy, reader, structure, s, progress, p) != KPI_OK ||
        kpi_plan_write_structure(&again, &a, copy, 0) != KPI_OK || a != s ||
        memcmp(again, structure, s) != 0)
        abort();
    /* and through the plan workbook: the same files again */
    char *book = NULL, *book_structure = NULL, *book_progress = NULL;
    size_t b = 0, bs = 0, bp = 0;
    kpi_plan *read_back = NULL;
    if (kpi_plan_render_xlsx(&book, &b, plan) != KPI_OK ||
        kpi_reader_read_xlsx_buffer(&read_back, reader, book, b) != KPI_OK ||
        kpi_plan_write_structure(&book_structure, &bs, read_back, 0) != KPI_OK ||
        kpi_plan_write_progress(&book_progress, &bp, read_back, 0) != KPI_OK || bs != s ||
        memcmp(book_structure, structure, s) != 0 || bp != p ||
        memcmp(book_progress, progress, p) != 0)
        abort();
    kpi_free(book);
    kpi_free(book_structure);
    kpi_free(book_progress);
    kpi_plan_free(read_back);
    kpi_free(structure);
    kpi_free(progress);
    kpi_free(again);
    kpi_plan_free(copy);
    kpi_reader_free(reader);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    int parts = data[0] & 1;
    struct zip z = {0};
    const char *bytes = (const char *)data + 1;
    size_t n = size - 1;
    if (parts) {
        z = make_zip(data + 1, size - 1);
        bytes = (const char *)z.bytes;
        n = z.size;
    }
    kpi_reader *reader = NULL;
    kpi_plan *plan = NULL;
    if (kpi_reader_new(&reader) != KPI_OK)
        abort();
    int rc = kpi_reader_read_xlsx_buffer(&plan, reader, bytes, n);
    if (rc != KPI_OK &&
        (plan || kpi_reader_warning_count(reader) != 0 ||
         kpi_reader_error_code(reader) != rc || !*kpi_reader_error_message(reader)))
        abort(); /* an error must leave no plan and no warnings */
    if (rc == KPI_OK)
        check_round_trip(plan);
    kpi_plan_free(plan);
    kpi_reader_free(reader);
    free(z.bytes);
    return 0;
}
