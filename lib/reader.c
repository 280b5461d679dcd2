#define _POSIX_C_SOURCE 200809L /* fileno, fstat */

/* kpi_reader: reads a plan from its two files, atomically: the plan is
 * built aside and handed over only when both files were read without
 * error. */
#include "alloc.h"
#include "csv_read.h"
#include "error.h"
#include "load.h"
#include "number.h"
#include "text.h"
#include "warnings.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

struct kpi_reader {
    int keep_explicit_only; /* 0: read empty target columns from the text */
    kpi_encoding encoding;
    kpi_encoding detected;
    kpi__warnings warnings;
};

int kpi_reader_new(kpi_reader **out)
{
    if (!out)
        return kpi__error_null("kpi_reader_new", "out");
    *out = kpi__calloc(1, sizeof **out);
    return *out ? KPI_OK : KPI_ERR_NOMEM;
}

void kpi_reader_free(kpi_reader *reader)
{
    if (!reader)
        return;
    kpi__warnings_clear(&reader->warnings);
    kpi__free(reader);
}

static int reader_null(const kpi_reader *reader, const char *function)
{
    if (reader)
        return 0;
    kpi__error_null(function, "reader");
    return 1;
}

int kpi_reader_infer(const kpi_reader *reader)
{
    return reader_null(reader, "kpi_reader_infer") ? 0 : !reader->keep_explicit_only;
}

int kpi_reader_set_infer(kpi_reader *reader, int infer)
{
    if (reader_null(reader, "kpi_reader_set_infer"))
        return KPI_ERR_ARGUMENT;
    reader->keep_explicit_only = !infer;
    return KPI_OK;
}

kpi_encoding kpi_reader_encoding(const kpi_reader *reader)
{
    return reader_null(reader, "kpi_reader_encoding") ? KPI_ENCODING_AUTO
                                                      : reader->encoding;
}

int kpi_reader_set_encoding(kpi_reader *reader, kpi_encoding encoding)
{
    if (reader_null(reader, "kpi_reader_set_encoding"))
        return KPI_ERR_ARGUMENT;
    if ((int)encoding < KPI_ENCODING_AUTO || encoding > KPI_ENCODING_CP932)
        return kpi__error(KPI_ERR_VALUE, "reader: encoding must be 0..2, got %d",
                          (int)encoding);
    reader->encoding = encoding;
    return KPI_OK;
}

kpi_encoding kpi_reader_detected_encoding(const kpi_reader *reader)
{
    return reader_null(reader, "kpi_reader_detected_encoding") ? KPI_ENCODING_AUTO
                                                               : reader->detected;
}

size_t kpi_reader_warning_count(const kpi_reader *reader)
{
    return reader_null(reader, "kpi_reader_warning_count") ? 0 : reader->warnings.count;
}

static const kpi__warning *warning_at(const kpi_reader *reader, size_t index,
                                      const char *function)
{
    if (reader_null(reader, function))
        return NULL;
    if (index >= reader->warnings.count) {
        kpi__error(KPI_ERR_RANGE, "reader: warning index %zu is out of range (%zu)",
                   index, reader->warnings.count);
        return NULL;
    }
    return &reader->warnings.items[index];
}

const char *kpi_reader_warning_at(const kpi_reader *reader, size_t index)
{
    const kpi__warning *w = warning_at(reader, index, "kpi_reader_warning_at");
    return w ? w->message : NULL;
}

kpi_warning kpi_reader_warning_kind_at(const kpi_reader *reader, size_t index)
{
    const kpi__warning *w = warning_at(reader, index, "kpi_reader_warning_kind_at");
    return w ? (kpi_warning)w->kind : KPI_WARNING_IGNORED;
}

int32_t kpi_reader_warning_line_at(const kpi_reader *reader, size_t index)
{
    const kpi__warning *w = warning_at(reader, index, "kpi_reader_warning_line_at");
    return w ? w->line : 0;
}

/* Decodes and parses one file into load. */
static int load_file(kpi_reader *reader, kpi__load *load, const char *bytes, size_t size,
                     kpi__csv_row_fn on_row)
{
    char *text;
    size_t text_size;
    int rc = kpi__text_decode(&text, &text_size, &reader->detected, bytes, size,
                              reader->encoding, load->source);
    if (rc != KPI_OK)
        return rc;
    rc = kpi__csv_parse(text, text_size, load->source, on_row, load);
    kpi__free(text);
    if (rc == KPI_OK && !load->have_header)
        rc =
            kpi__error_at(KPI_ERR_PARSE, load->source, 1, 0,
                          "%s:1: the file is empty; expected a header row", load->source);
    return rc;
}

static int read_both(kpi_plan **out, kpi_reader *reader, const char *structure,
                     size_t structure_size, const char *structure_name,
                     const char *progress, size_t progress_size,
                     const char *progress_name)
{
    kpi__warnings_clear(&reader->warnings);
    kpi__c_numeric locale;
    kpi__c_numeric_enter(&locale);
    kpi__load load = {NULL, structure_name, &reader->warnings, {0}, 0,
                      !reader->keep_explicit_only};
    int rc = load_file(reader, &load, structure, structure_size, kpi__structure_row);
    if (rc == KPI_OK && !load.plan)
        rc =
            kpi__error_at(KPI_ERR_PARSE, structure_name, 2, 0,
                          "%s:2: no plan row; the first row after the header must be one",
                          structure_name);
    if (rc == KPI_OK && progress) {
        kpi__load progress_load = {load.plan, progress_name, &reader->warnings, {0}, 0, 0};
        rc =
            load_file(reader, &progress_load, progress, progress_size, kpi__progress_row);
    }
    kpi__c_numeric_leave(&locale);
    if (rc != KPI_OK) {
        kpi_plan_free(load.plan);
        kpi__warnings_clear(&reader->warnings);
        return rc;
    }
    *out = load.plan;
    return KPI_OK;
}

int kpi_reader_read_buffers(kpi_plan **out, kpi_reader *reader, const char *structure,
                            size_t structure_size, const char *progress,
                            size_t progress_size)
{
    if (!out)
        return kpi__error_null("kpi_reader_read_buffers", "out");
    *out = NULL;
    if (reader_null(reader, "kpi_reader_read_buffers"))
        return KPI_ERR_ARGUMENT;
    if (!structure)
        return kpi__error_null("kpi_reader_read_buffers", "structure");
    kpi__warnings_clear(&reader->warnings);
    if (structure_size > (size_t)KPI_MAX_FILE || progress_size > (size_t)KPI_MAX_FILE)
        return kpi__error_at(
            KPI_ERR_LIMIT,
            structure_size > (size_t)KPI_MAX_FILE ? "structure" : "progress", 0, 0,
            "%s: the file is larger than the limit of %d bytes",
            structure_size > (size_t)KPI_MAX_FILE ? "structure" : "progress",
            KPI_MAX_FILE);
    return read_both(out, reader, structure, structure_size, "structure", progress,
                     progress_size, "progress");
}

/* Reads a whole file, refusing one larger than KPI_MAX_FILE. */
static int too_large(const char *path)
{
    return kpi__error_at(KPI_ERR_LIMIT, path, 0, 0,
                         "%s: the file is larger than the limit of %d bytes", path,
                         KPI_MAX_FILE);
}

static int slurp(char **out, size_t *size, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return kpi__error_at(KPI_ERR_IO, path, 0, 0, "%s: cannot open: %s", path,
                             strerror(errno));
    /* A regular file's size is known before reading: refuse a large one
     * without first allocating for it. (Pipes are bounded as they are read.) */
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > KPI_MAX_FILE) {
        fclose(f);
        return too_large(path);
    }
    char *data = NULL;
    size_t length = 0, capacity = 0;
    int rc = KPI_OK;
    for (;;) {
        /* One byte past the limit is enough to know a file is too large. */
        if (length == capacity) {
            if (length > (size_t)KPI_MAX_FILE) {
                rc = too_large(path);
                break;
            }
            capacity = capacity ? capacity * 2 : 65536;
            if (capacity > (size_t)KPI_MAX_FILE + 1)
                capacity = (size_t)KPI_MAX_FILE + 1;
            char *grown = kpi__realloc(data, capacity + 1);
            if (!grown) {
                rc = KPI_ERR_NOMEM;
                break;
            }
            data = grown;
        }
        size_t n = fread(data + length, 1, capacity - length, f);
        length += n;
        if (n == 0) {
            if (ferror(f))
                rc = kpi__error_at(KPI_ERR_IO, path, 0, 0, "%s: read error", path);
            break;
        }
    }
    if (rc == KPI_OK && length > (size_t)KPI_MAX_FILE)
        rc = too_large(path);
    fclose(f);
    if (rc != KPI_OK) {
        kpi__free(data);
        return rc;
    }
    *out = data;
    *size = length;
    return KPI_OK;
}

int kpi_reader_read_files(kpi_plan **out, kpi_reader *reader, const char *structure_path,
                          const char *progress_path)
{
    if (!out)
        return kpi__error_null("kpi_reader_read_files", "out");
    *out = NULL;
    if (reader_null(reader, "kpi_reader_read_files"))
        return KPI_ERR_ARGUMENT;
    if (!structure_path)
        return kpi__error_null("kpi_reader_read_files", "structure_path");
    kpi__warnings_clear(&reader->warnings);
    char *structure = NULL, *progress = NULL;
    size_t structure_size = 0, progress_size = 0;
    int rc = slurp(&structure, &structure_size, structure_path);
    if (rc == KPI_OK && progress_path)
        rc = slurp(&progress, &progress_size, progress_path);
    if (rc == KPI_OK)
        rc = read_both(out, reader, structure, structure_size, structure_path, progress,
                       progress_size, progress_path);
    kpi__free(structure);
    kpi__free(progress);
    return rc;
}
