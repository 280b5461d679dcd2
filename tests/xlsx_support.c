/* Taking workbooks apart and putting them together for the tests
 * (xlsx_support.h). minizip reads and writes files, so the bytes pass
 * through a temporary file. */
#define _POSIX_C_SOURCE 200809L /* mkstemp */

#include "xlsx_support.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <unzip.h>
#include <zip.h>

/* A new temporary file's name, in a buffer the caller frees. */
static char *temporary_name(void)
{
    const char *dir = getenv("TMPDIR");
    char *name = malloc(4096);
    assert_non_null(name);
    snprintf(name, 4096, "%s/kpi-test-XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = mkstemp(name);
    assert_true(fd >= 0);
    close(fd);
    return name;
}

char *xlsx_part(const char *bytes, size_t size, const char *name)
{
    char *path = temporary_name();
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(bytes, 1, size, f), size);
    assert_int_equal(fclose(f), 0);
    unzFile zip = unzOpen64(path);
    assert_non_null(zip);
    char *text = NULL;
    if (unzLocateFile(zip, name, 1) == UNZ_OK) {
        unz_file_info64 info;
        assert_int_equal(unzGetCurrentFileInfo64(zip, &info, NULL, 0, NULL, 0, NULL, 0),
                         UNZ_OK);
        assert_int_equal(unzOpenCurrentFile(zip), UNZ_OK);
        text = malloc((size_t)info.uncompressed_size + 1);
        assert_non_null(text);
        int n = unzReadCurrentFile(zip, text, (unsigned)info.uncompressed_size);
        assert_int_equal(n, (int)info.uncompressed_size);
        text[n] = '\0';
        assert_int_equal(unzCloseCurrentFile(zip), UNZ_OK);
    }
    unzClose(zip);
    remove(path);
    free(path);
    return text;
}

char *xlsx_zip(const xlsx_file *parts, size_t count, size_t *size)
{
    char *path = temporary_name();
    zipFile zip = zipOpen64(path, APPEND_STATUS_CREATE);
    assert_non_null(zip);
    for (size_t i = 0; i < count; i++) {
        zip_fileinfo info = {0};
        assert_int_equal(zipOpenNewFileInZip64(zip, parts[i].name, &info, NULL, 0, NULL,
                                               0, NULL, Z_DEFLATED, Z_DEFAULT_COMPRESSION,
                                               0),
                         ZIP_OK);
        size_t n = strlen(parts[i].text);
        assert_int_equal(zipWriteInFileInZip(zip, parts[i].text, (unsigned)n), ZIP_OK);
        assert_int_equal(zipCloseFileInZip(zip), ZIP_OK);
    }
    assert_int_equal(zipClose(zip, NULL), ZIP_OK);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    long length = ftell(f);
    assert_true(length > 0);
    rewind(f);
    char *bytes = malloc((size_t)length);
    assert_non_null(bytes);
    assert_int_equal(fread(bytes, 1, (size_t)length, f), (size_t)length);
    fclose(f);
    remove(path);
    free(path);
    *size = (size_t)length;
    return bytes;
}

static const char content_types[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" "
    "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/xl/workbook.xml\" "
    "ContentType=\"application/"
    "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
    "<Override PartName=\"/xl/worksheets/sheet1.xml\" "
    "ContentType=\"application/"
    "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
    "<Override PartName=\"/xl/worksheets/sheet2.xml\" "
    "ContentType=\"application/"
    "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
    "<Override PartName=\"/xl/sharedStrings.xml\" "
    "ContentType=\"application/"
    "vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
    "</Types>";

static const char package_rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships "
    "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    "officeDocument\" "
    "Target=\"xl/workbook.xml\"/></Relationships>";

static const char workbook_one[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
    "<sheets><sheet name=\"計画\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";

static const char workbook_two[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
    "<sheets><sheet name=\"計画\" sheetId=\"1\" r:id=\"rId1\"/>"
    "<sheet name=\"進捗\" sheetId=\"2\" r:id=\"rId2\"/></sheets></workbook>";

static const char workbook_rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships "
    "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    "worksheet\" "
    "Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    "worksheet\" "
    "Target=\"worksheets/sheet2.xml\"/>"
    "<Relationship Id=\"rId3\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    "sharedStrings\" "
    "Target=\"sharedStrings.xml\"/></Relationships>";

char *xlsx_workbook(const char *structure_sheet, const char *progress_sheet,
                    const char *shared_strings, size_t *size)
{
    xlsx_file parts[7] = {
        {"[Content_Types].xml", content_types},
        {"_rels/.rels", package_rels},
        {"xl/workbook.xml", progress_sheet ? workbook_two : workbook_one},
        {"xl/_rels/workbook.xml.rels", workbook_rels},
        {"xl/worksheets/sheet1.xml", structure_sheet},
    };
    size_t count = 5;
    if (progress_sheet)
        parts[count++] = (xlsx_file){"xl/worksheets/sheet2.xml", progress_sheet};
    if (shared_strings)
        parts[count++] = (xlsx_file){"xl/sharedStrings.xml", shared_strings};
    return xlsx_zip(parts, count, size);
}

const char xlsx_date_styles[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
    "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"yyyy\\-mm\\-dd\"/>"
    "<numFmt numFmtId=\"165\" formatCode=\"[Red]0.00;&quot;d&quot;0\"/></numFmts>"
    "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
    "<cellXfs count=\"4\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\" "
    "applyNumberFormat=\"1\"/>"
    "<xf numFmtId=\"164\"/><xf numFmtId=\"165\"/></cellXfs></styleSheet>";

static const char workbook_styled[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
    "<workbookPr%s/><sheets><sheet name=\"計画\" sheetId=\"1\" r:id=\"rId1\"/>%s</sheets>"
    "</workbook>";

static const char styles_rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships "
    "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    "worksheet\" "
    "Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    "worksheet\" "
    "Target=\"/xl/worksheets/sheet2.xml\"/>"
    "<Relationship Id=\"rId3\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    "sharedStrings\" "
    "Target=\"sharedStrings.xml\"/>"
    "<Relationship Id=\"rId4\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
    "Target=\"styles.xml\"/></Relationships>";

char *xlsx_workbook_styled(const char *structure_sheet, const char *progress_sheet,
                           const char *shared_strings, const char *styles, int date1904,
                           size_t *size)
{
    char workbook[2048];
    snprintf(workbook, sizeof workbook, workbook_styled,
             date1904 ? " date1904=\"1\"" : "",
             progress_sheet ? "<sheet name=\"進捗\" sheetId=\"2\" r:id=\"rId2\"/>" : "");
    xlsx_file parts[8] = {
        {"[Content_Types].xml", content_types},
        {"_rels/.rels", package_rels},
        {"xl/workbook.xml", workbook},
        {"xl/_rels/workbook.xml.rels", styles_rels},
        {"xl/worksheets/sheet1.xml", structure_sheet},
    };
    size_t count = 5;
    if (progress_sheet)
        parts[count++] = (xlsx_file){"xl/worksheets/sheet2.xml", progress_sheet};
    if (shared_strings)
        parts[count++] = (xlsx_file){"xl/sharedStrings.xml", shared_strings};
    if (styles)
        parts[count++] = (xlsx_file){"xl/styles.xml", styles};
    return xlsx_zip(parts, count, size);
}

/* A growing text for the sheets made from CSV. */
struct sheet_text {
    char *data;
    size_t size, capacity;
};

static void sheet_add(struct sheet_text *t, const char *s, size_t n)
{
    if (t->size + n + 1 > t->capacity) {
        t->capacity = (t->size + n + 1) * 2;
        t->data = realloc(t->data, t->capacity);
        assert_non_null(t->data);
    }
    memcpy(t->data + t->size, s, n);
    t->size += n;
    t->data[t->size] = '\0';
}

static void sheet_put(struct sheet_text *t, const char *s)
{
    sheet_add(t, s, strlen(s));
}

/* The serial of an ISO date in the 1900 system (from 1900-03-01 on), or 0
 * when the text is no such date. */
static long serial_of(const char *text)
{
    int y, m, d;
    char end;
    if (strlen(text) != 10 || sscanf(text, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3 ||
        y < 1901 || m < 1 || m > 12 || d < 1 ||
        d > (m == 2 ? (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) ? 29 : 28)
                    : 30 + ((m + (m > 7)) & 1)))
        return 0;
    /* days from civil (Howard Hinnant), 1970-01-01 = 0 = serial 25569 */
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468 + 25569;
}

/* Whether text is a number written as its shortest form. */
static int plain_number(const char *text)
{
    char *end, again[64];
    if (!*text || strlen(text) > 20)
        return 0;
    double v = strtod(text, &end);
    if (*end)
        return 0;
    for (int precision = 1; precision <= 17; precision++) {
        snprintf(again, sizeof again, "%.*g", precision, v);
        if (strtod(again, NULL) == v)
            return strcmp(again, text) == 0;
    }
    return 0;
}

static void sheet_cell(struct sheet_text *t, const char *field, size_t n, int row,
                       int col)
{
    char ref[32], *text = strndup(field, n);
    assert_non_null(text);
    snprintf(ref, sizeof ref, "%c%d", 'A' + col % 26, row);
    if (col >= 26)
        snprintf(ref, sizeof ref, "%c%c%d", 'A' + col / 26 - 1, 'A' + col % 26, row);
    char head[96];
    long serial = serial_of(text);
    if (serial) {
        snprintf(head, sizeof head, "<c r=\"%s\" s=\"1\"><v>%ld</v></c>", ref, serial);
        sheet_put(t, head);
    } else if (plain_number(text)) {
        snprintf(head, sizeof head, "<c r=\"%s\"><v>%s</v></c>", ref, text);
        sheet_put(t, head);
    } else {
        snprintf(head, sizeof head,
                 "<c r=\"%s\" t=\"inlineStr\"><is><t xml:space=\"preserve\">", ref);
        sheet_put(t, head);
        for (const char *p = text; *p; p++) {
            const char *escaped = *p == '&'   ? "&amp;"
                                  : *p == '<' ? "&lt;"
                                  : *p == '>' ? "&gt;"
                                              : NULL;
            if (escaped)
                sheet_put(t, escaped);
            else
                sheet_add(t, p, 1);
        }
        sheet_put(t, "</t></is></c>");
    }
    free(text);
}

char *xlsx_sheet_from_csv(const char *csv)
{
    struct sheet_text t = {0};
    sheet_put(
        &t,
        "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        "<sheetData>");
    int row = 0;
    const char *p = csv;
    while (*p) {
        char head[32];
        snprintf(head, sizeof head, "<row r=\"%d\">", ++row);
        sheet_put(&t, head);
        for (int col = 0;; col++) {
            /* One field, quoted (doubled quotes kept as one) or not. */
            char *field = malloc(strlen(p) + 1);
            size_t n = 0;
            assert_non_null(field);
            if (*p == '"') {
                for (p++; *p && !(*p == '"' && p[1] != '"'); p++)
                    field[n++] = *p == '"' ? *p++ : *p;
                if (*p == '"')
                    p++;
            } else {
                for (; *p && *p != ',' && *p != '\n' && *p != '\r'; p++)
                    field[n++] = *p;
            }
            if (n)
                sheet_cell(&t, field, n, row, col);
            free(field);
            if (*p != ',')
                break;
            p++;
        }
        if (*p == '\r')
            p++;
        if (*p == '\n')
            p++;
        sheet_put(&t, "</row>");
    }
    sheet_put(&t, "</sheetData></worksheet>");
    return t.data;
}
