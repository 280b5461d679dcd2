#define _POSIX_C_SOURCE 200809L /* fileno, fstat */

/* kpi_reader: reads a plan from its two files, atomically: the plan is
 * built aside and handed over only when both files were read without
 * error. */
#include "util/alloc.h"
#include "io/csv_read.h"
#include "util/error.h"
#include "io/load.h"
#include "util/number.h"
#include "io/decode.h"
#include "io/progress_infer.h"
#include "io/read_ahead.h"
#include "io/read_stream.h"
#include "io/reader_rows.h"
#include "io/slurp.h"
#include "io/warnings.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

struct kpi_reader {
    int keep_explicit_only;  /* 0: read empty target columns from the text */
    double prose_confidence; /* the least confidence a reading of prose fills at */
    kpi_encoding encoding;
    kpi_encoding detected;
    kpi__warnings warnings;
    kpi__error_record error; /* the last read's failure (kpi_reader_error_code()) */
    int whole; /* this read takes files whole, not in chunks (io/read_stream.h) */
    kpi__read_ahead *ahead; /* this read's files parsed on a thread, or NULL */
    int32_t threads;        /* kpi_reader_threads() */
};

int kpi_reader_new(kpi_reader **out)
{
    if (!out)
        return kpi__error_null("kpi_reader_new", "out");
    *out = kpi__calloc(1, sizeof **out);
    if (!*out)
        return KPI_ERR_NOMEM;
    (*out)->prose_confidence = 1.0; /* only what was certainly read */
    return KPI_OK;
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

double kpi_reader_prose_confidence(const kpi_reader *reader)
{
    return reader_null(reader, "kpi_reader_prose_confidence") ? 0
                                                              : reader->prose_confidence;
}

int kpi_reader_set_prose_confidence(kpi_reader *reader, double confidence)
{
    if (reader_null(reader, "kpi_reader_set_prose_confidence"))
        return KPI_ERR_ARGUMENT;
    if (!(confidence > 0 && confidence <= 1)) /* NaN too */
        return kpi__error(KPI_ERR_VALUE,
                          "kpi_reader_set_prose_confidence: %g is not in (0, 1]",
                          confidence);
    reader->prose_confidence = confidence;
    return KPI_OK;
}

int kpi_reader_set_infer(kpi_reader *reader, int infer)
{
    if (reader_null(reader, "kpi_reader_set_infer"))
        return KPI_ERR_ARGUMENT;
    reader->keep_explicit_only = !infer;
    return KPI_OK;
}

int32_t kpi_reader_threads(const kpi_reader *reader)
{
    return reader_null(reader, "kpi_reader_threads") ? 0 : reader->threads;
}

int kpi_reader_set_threads(kpi_reader *reader, int32_t threads)
{
    if (reader_null(reader, "kpi_reader_set_threads"))
        return KPI_ERR_ARGUMENT;
    if (threads < 0 || threads > KPI_READER_MAX_THREADS)
        return kpi__error(KPI_ERR_VALUE, "kpi_reader_set_threads: %d is not in 0..%d",
                          (int)threads, KPI_READER_MAX_THREADS);
    reader->threads = threads;
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

/* One of the two files: its bytes, or a path to read them from only when
 * they are needed (and to free right after), so that a national plan's
 * files are never all in memory at once; or a sheet of a row source
 * (io/reader_rows.h), then with neither path nor bytes. */
struct input {
    const char *name; /* for messages */
    const char *path; /* a file to read, or NULL */
    const char *bytes;
    size_t size;
    const kpi__row_source *rows; /* or NULL */
    int sheet;                   /* of rows */
};

/* Decodes and parses one file's bytes into load. */
static int load_bytes(kpi_reader *reader, kpi__load *load, const char *bytes, size_t size,
                      kpi__csv_row_fn on_row)
{
    const char *text;
    char *owned;
    size_t text_size;
    int rc = kpi__text_decode(&text, &owned, &text_size, &reader->detected, bytes, size,
                              reader->encoding, load->source);
    if (rc != KPI_OK)
        return rc;
    rc = kpi__csv_parse(text, text_size, load->source, on_row, load);
    kpi__free(owned);
    return rc;
}

/* A KPI_ERR_PARSE about a whole row of the load's file (or sheet). */
static int position_error(const kpi__load *load, int32_t line, const char *what)
{
    char prefix[4400];
    kpi__position_format(prefix, sizeof prefix, load->source, load->warnings->cells, line,
                         0);
    return kpi__error_at(KPI_ERR_PARSE, load->source, line, 0, "%s%s", prefix, what);
}

/* A file is read in chunks when it can be (a regular file, UTF-8
 * throughout), else whole, as are buffers. */
static int load_input(kpi_reader *reader, kpi__load *load, const struct input *in,
                      kpi__csv_row_fn on_row, kpi__csv_row_fn prefetch)
{
    int rc;
    if (in->rows) {
        rc = in->rows->rows(in->rows->self, in->sheet, on_row, load);
    } else if (!in->path) {
        rc = load_bytes(reader, load, in->bytes, in->size, on_row);
    } else if (reader->ahead) {
        kpi__read_ahead_calls calls = {on_row, prefetch, load};
        rc = kpi__read_ahead_replay(reader->ahead, &calls, &reader->detected);
    } else if (!reader->whole) {
        rc = kpi__read_stream(in->path, reader->encoding, KPI__CHECK_CHUNKS,
                              &reader->detected, on_row, load);
    } else {
        char *bytes = NULL;
        size_t size = 0;
        rc = kpi__slurp(&bytes, &size, in->path);
        if (rc == KPI_OK)
            rc = load_bytes(reader, load, bytes, size, on_row);
        kpi__free(bytes);
    }
    if (rc == KPI_OK && !load->have_header)
        rc = position_error(load, 1,
                            in->rows ? "the sheet is empty; expected a header row"
                                     : "the file is empty; expected a header row");
    return rc;
}

/* The progress file, then what its texts say that its rows left empty. */
static int read_progress(kpi_reader *reader, kpi_plan *plan, const struct input *progress)
{
    kpi__load load = {.plan = plan,
                      .source = progress->name,
                      .warnings = &reader->warnings,
                      .infer = !reader->keep_explicit_only};
    int rc =
        load_input(reader, &load, progress, kpi__progress_row, kpi__progress_prefetch);
    if (rc == KPI_OK)
        rc = kpi__infer_progress(&load, reader->prose_confidence, reader->threads);
    kpi__prose_rows_free(&load);
    return rc;
}

/* With threads, files read in chunks are parsed on a second thread while
 * this one builds the plan (io/read_ahead.h); reader->ahead is NULL when
 * they are not, or when the thread cannot be started. */
static int start_ahead(kpi_reader *reader, const char *const *paths,
                       const struct input *structure, const struct input *progress)
{
    reader->ahead = NULL;
    if (reader->whole || reader->threads < 2 || !structure->path || structure->rows ||
        (progress && !progress->path))
        return KPI_OK;
    return kpi__read_ahead_start(&reader->ahead, paths, progress ? 2 : 1,
                                 reader->encoding);
}

static int read_once(kpi_plan **out, kpi_reader *reader, const struct input *structure,
                     const struct input *progress)
{
    const char *paths[2] = {structure->path, progress ? progress->path : NULL};
    int rc = start_ahead(reader, paths, structure, progress);
    if (rc != KPI_OK)
        return rc;
    kpi__c_numeric locale;
    kpi__c_numeric_enter(&locale);
    /* Every cell comes from text decode.c has validated: the model need
     * not check it for UTF-8 again (its limits it still checks). */
    kpi__model_text_validated(1);
    kpi__load load = {.source = structure->name,
                      .path = structure->rows ? structure->rows->path : structure->path,
                      .warnings = &reader->warnings,
                      .infer = !reader->keep_explicit_only};
    rc = load_input(reader, &load, structure, kpi__structure_row, NULL);
    if (rc == KPI_OK && !load.plan)
        rc = position_error(&load, 2,
                            "no plan row; the first row after the header must be one");
    if (rc == KPI_OK && progress)
        rc = read_progress(reader, load.plan, progress);
    kpi__read_ahead_free(reader->ahead);
    reader->ahead = NULL;
    kpi__model_text_validated(0);
    kpi__c_numeric_leave(&locale);
    if (rc != KPI_OK) {
        kpi_plan_free(load.plan);
        kpi__warnings_clear(&reader->warnings);
        return rc;
    }
    *out = load.plan;
    return KPI_OK;
}

/* Files are read in chunks first. A file that must be read whole (see
 * KPI__READ_WHOLE), and any failure, make the read start over with files
 * read whole: the error is then the one the whole file gives (a bad byte
 * late in a file comes before a bad row early in it), with its message. */
static int read_both(kpi_plan **out, kpi_reader *reader, const struct input *structure,
                     const struct input *progress)
{
    reader->whole = 0;
    int rc = read_once(out, reader, structure, progress);
    if (rc != KPI_OK && rc != KPI_ERR_NOMEM &&
        (structure->path || (progress && progress->path))) {
        reader->whole = 1;
        rc = read_once(out, reader, structure, progress);
    }
    return rc;
}

/* Ends a read: its failure is kept on the reader, a success clears it. */
static int read_done(kpi_reader *reader, int rc)
{
    if (rc == KPI_OK)
        kpi__error_forget(&reader->error);
    return kpi__error_keep(&reader->error, rc);
}

static int read_buffers(kpi_plan **out, kpi_reader *reader, const char *structure,
                        size_t structure_size, const char *progress, size_t progress_size)
{
    if (!out)
        return kpi__error_null("kpi_reader_read_buffers", "out");
    *out = NULL;
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
    struct input s = {"structure", NULL, structure, structure_size, NULL, 0};
    struct input p = {"progress", NULL, progress, progress_size, NULL, 0};
    return read_both(out, reader, &s, progress ? &p : NULL);
}

int kpi_reader_read_buffers(kpi_plan **out, kpi_reader *reader, const char *structure,
                            size_t structure_size, const char *progress,
                            size_t progress_size)
{
    if (reader_null(reader, "kpi_reader_read_buffers")) {
        if (out)
            *out = NULL;
        return KPI_ERR_ARGUMENT;
    }
    return read_done(reader, read_buffers(out, reader, structure, structure_size,
                                          progress, progress_size));
}

static int read_files(kpi_plan **out, kpi_reader *reader, const char *structure_path,
                      const char *progress_path)
{
    if (!out)
        return kpi__error_null("kpi_reader_read_files", "out");
    *out = NULL;
    if (!structure_path)
        return kpi__error_null("kpi_reader_read_files", "structure_path");
    kpi__warnings_clear(&reader->warnings);
    struct input structure = {structure_path, structure_path, NULL, 0, NULL, 0};
    struct input progress = {progress_path, progress_path, NULL, 0, NULL, 0};
    return read_both(out, reader, &structure, progress_path ? &progress : NULL);
}

int kpi_reader_read_files(kpi_plan **out, kpi_reader *reader, const char *structure_path,
                          const char *progress_path)
{
    if (reader_null(reader, "kpi_reader_read_files")) {
        if (out)
            *out = NULL;
        return KPI_ERR_ARGUMENT;
    }
    return read_done(reader, read_files(out, reader, structure_path, progress_path));
}

/* A row source's sheets, with the positions of its messages as cells. */
static int read_rows(kpi_plan **out, kpi_reader *reader, const kpi__row_source *source)
{
    kpi__warnings_clear(&reader->warnings);
    int rc = source->open(source->self);
    if (rc != KPI_OK)
        return rc;
    struct input structure = {.name = source->name(source->self, KPI__ROWS_STRUCTURE),
                              .rows = source,
                              .sheet = KPI__ROWS_STRUCTURE};
    struct input progress = {.name = source->name(source->self, KPI__ROWS_PROGRESS),
                             .rows = source,
                             .sheet = KPI__ROWS_PROGRESS};
    reader->whole = 1;
    reader->warnings.cells = 1;
    rc = read_once(out, reader, &structure, progress.name ? &progress : NULL);
    reader->warnings.cells = 0;
    return rc;
}

int kpi__reader_read_rows(kpi_plan **out, kpi_reader *reader,
                          const kpi__row_source *source, const char *function)
{
    if (reader_null(reader, function)) {
        if (out)
            *out = NULL;
        return KPI_ERR_ARGUMENT;
    }
    if (!out)
        return read_done(reader, kpi__error_null(function, "out"));
    *out = NULL;
    return read_done(reader, read_rows(out, reader, source));
}

int kpi_reader_error_code(const kpi_reader *reader)
{
    return reader ? reader->error.code : KPI_ERR_ARGUMENT;
}

const char *kpi_reader_error_message(const kpi_reader *reader)
{
    return reader ? reader->error.message : "";
}

const char *kpi_reader_error_source(const kpi_reader *reader)
{
    return reader ? reader->error.source : "";
}

int32_t kpi_reader_error_line(const kpi_reader *reader)
{
    return reader ? reader->error.line : 0;
}

int32_t kpi_reader_error_column(const kpi_reader *reader)
{
    return reader ? reader->error.column : 0;
}
