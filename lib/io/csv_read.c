/* Driving libcsv. libcsv reports no positions, so lines are counted in its
 * callbacks: with CSV_REPALL_NL every line feed outside a record reaches
 * the end-of-row callback, and line feeds inside quoted fields are counted
 * in the row's bytes when it ends. A row starts on the line current when
 * its first field arrives.
 * The text may come in chunks (a file read piece by piece): libcsv keeps
 * a row cut between two chunks, and the lines go on counting. */
#include "io/csv_read.h"
#include "util/alloc.h"
#include "util/csv_cell.h"
#include "util/error.h"
#include "util/utf8.h"
#include "kpi/csv.h"

#include <csv.h>
#include <stdint.h>
#include <string.h>

struct parse_state {
    const char *source;
    kpi__csv_row row;
    int32_t line;
    kpi__csv_row_fn on_row;
    void *context;
    int rc; /* the first error; once set, callbacks do nothing */
};

static void clear_row(kpi__csv_row *row)
{
    row->count = 0;
    row->used = 0;
}

static void free_row(kpi__csv_row *row)
{
    kpi__free(row->fields);
    kpi__free(row->starts);
    kpi__free(row->bytes);
}

static int grow_slots(kpi__csv_row *row)
{
    size_t capacity = row->capacity ? row->capacity * 2 : 16;
    char **fields = kpi__reallocarray(row->fields, capacity, sizeof *fields);
    if (!fields)
        return KPI_ERR_NOMEM;
    row->fields = fields;
    uint32_t *starts = kpi__reallocarray(row->starts, capacity, sizeof *starts);
    if (!starts)
        return KPI_ERR_NOMEM;
    row->starts = starts;
    row->capacity = capacity;
    return KPI_OK;
}

static int count_newlines(const char *s, size_t n)
{
    int count = 0;
    for (const char *p = s; (p = memchr(p, '\n', n - (size_t)(p - s))) != NULL; p++)
        count++;
    return count;
}

/* A row's bytes are at most its file's (KPI_MAX_FILE) and one NUL for
 * each field (at most one per byte): the offsets of starts fit 32 bits. */
_Static_assert(2ull * KPI_MAX_FILE + 2 < UINT32_MAX, "row offsets must fit 32 bits");

/* Makes the row's bytes hold need more. */
static int reserve_bytes(kpi__csv_row *row, size_t need)
{
    if (row->size - row->used >= need)
        return KPI_OK;
    size_t size = row->size ? row->size : 256;
    while (size - row->used < need)
        size *= 2;
    char *bytes = kpi__realloc(row->bytes, size);
    if (!bytes)
        return KPI_ERR_NOMEM;
    row->bytes = bytes;
    row->size = size;
    return KPI_OK;
}

int kpi__csv_row_add(kpi__csv_row *row, const char *data, size_t size)
{
    if (row->count == row->capacity && grow_slots(row) != KPI_OK)
        return KPI_ERR_NOMEM;
    if (!data)
        size = 0;
    if (reserve_bytes(row, size + 1) != KPI_OK)
        return KPI_ERR_NOMEM;
    char *at = row->bytes + row->used;
    if (size)
        memcpy(at, data, size);
    at[size] = '\0';
    row->starts[row->count++] = (uint32_t)row->used;
    row->used += size + 1;
    return KPI_OK;
}

/* The field pointers, once the row's bytes no longer move. */
void kpi__csv_row_point(kpi__csv_row *row)
{
    for (size_t i = 0; i < row->count; i++)
        row->fields[i] = row->bytes + row->starts[i];
}

static void on_field(void *data, size_t size, void *context)
{
    struct parse_state *st = context;
    if (st->rc != KPI_OK)
        return;
    if (st->row.count == 0)
        st->row.line = st->line;
    /* The apostrophe a writer put before formula-like text (so that no
     * spreadsheet runs it) is not part of the text, nor of its length. */
    size_t protection = data ? kpi__csv_protection((const char *)data, size) : 0;
    size -= protection;
    /* libcsv's buffer may hold a little more than the limit (see
     * bounded_realloc); the limit itself is checked here, exactly. */
    if (size > KPI_MAX_FIELD) {
        st->rc = kpi__error_at(KPI_ERR_LIMIT, st->source, st->row.line, 0,
                               "%s:%d: a field is longer than the limit of %d bytes",
                               st->source, (int)st->row.line, KPI_MAX_FIELD);
        return;
    }
    /* Its line feeds are counted with the row's, at its end. */
    st->rc = kpi__csv_row_add(&st->row, (const char *)data + protection, size);
}

/* A row of empty fields (",,,," from a spreadsheet) is blank too. */
static int row_is_blank(const kpi__csv_row *row)
{
    for (size_t i = 0; i < row->count; i++)
        if (row->fields[i][0] != '\0')
            return 0;
    return 1;
}

static void on_row_end(int terminator, void *context)
{
    struct parse_state *st = context;
    /* The line feeds inside the row's quoted fields, counted once for the
     * row rather than field by field; the row itself started before them. */
    if (st->row.used)
        st->line += count_newlines(st->row.bytes, st->row.used);
    if (st->rc == KPI_OK && st->row.count > 0) {
        kpi__csv_row_point(&st->row);
        if (!row_is_blank(&st->row))
            st->rc = st->on_row(st->context, &st->row);
    }
    clear_row(&st->row);
    if (terminator == '\n')
        st->line++;
}

/* libcsv grows a field's buffer as the field grows; refusing to grow past
 * the limit bounds the memory one bad field can take. */
static void *bounded_realloc(void *ptr, size_t size)
{
    if (size > (size_t)KPI_MAX_FIELD + 1024)
        return NULL;
    return kpi__realloc(ptr, size);
}

/* line is where libcsv stopped; row_line where the row it was reading
 * began, which is where a field too long for the limit is reported. */
static int libcsv_error(struct csv_parser *p, int32_t line, int32_t row_line,
                        const char *source)
{
    if (csv_error(p) == CSV_ENOMEM && csv_get_buffer_size(p) + 1024 > KPI_MAX_FIELD)
        return kpi__error_at(KPI_ERR_LIMIT, source, row_line, 0,
                             "%s:%d: a field is longer than the limit of %d bytes",
                             source, (int)row_line, KPI_MAX_FIELD);
    if (csv_error(p) == CSV_ENOMEM)
        return kpi__error_nomem();
    return kpi__error_at(
        KPI_ERR_PARSE, source, line, 0,
        "%s:%d: malformed CSV quoting: a quote inside an unquoted field, "
        "text after a closing quote, or a quote never closed",
        source, (int)line);
}

/* The line the row being read began on: that of its first field, or, when
 * no field has arrived yet, the current line (nothing of the row has been
 * counted yet). */
static int32_t row_line(const struct parse_state *st)
{
    return st->row.count ? st->row.line : st->line;
}

struct kpi__csv_stream {
    struct csv_parser parser;
    struct parse_state st;
    int32_t lines_before; /* line feeds in the text fed before */
};

int kpi__csv_stream_new(kpi__csv_stream **out, const char *source, kpi__csv_row_fn on_row,
                        void *context)
{
    kpi__csv_stream *s = kpi__calloc(1, sizeof *s);
    if (!s)
        return KPI_ERR_NOMEM;
    if (csv_init(&s->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0) {
        kpi__free(s);
        return kpi__error_nomem();
    }
    csv_set_realloc_func(&s->parser, bounded_realloc);
    /* libcsv grows a field's buffer by this much at a time; its default of
     * 128 bytes makes a long field cost thousands of reallocations. */
    csv_set_blk_size(&s->parser, 16384);
    csv_set_free_func(&s->parser, kpi__free);
    s->st = (struct parse_state){source, {.line = 1}, 1, on_row, context, KPI_OK};
    *out = s;
    return KPI_OK;
}

int kpi__csv_stream_feed(kpi__csv_stream *s, const char *text, size_t size)
{
    struct parse_state *st = &s->st;
    size_t parsed = csv_parse(&s->parser, text, size, on_field, on_row_end, st);
    int rc = st->rc;
    if (rc == KPI_OK && parsed != size)
        rc = libcsv_error(&s->parser, s->lines_before + kpi__text_line_of(text, parsed),
                          row_line(st), st->source);
    s->lines_before += count_newlines(text, size);
    return rc;
}

int kpi__csv_stream_end(kpi__csv_stream *s)
{
    struct parse_state *st = &s->st;
    /* A quote never closed is found only here; it opened on the line the
     * unfinished row started on. */
    if (csv_fini(&s->parser, on_field, on_row_end, st) != 0)
        return libcsv_error(&s->parser, row_line(st), row_line(st), st->source);
    return st->rc;
}

void kpi__csv_stream_free(kpi__csv_stream *s)
{
    if (!s)
        return;
    free_row(&s->st.row);
    csv_free(&s->parser);
    kpi__free(s);
}

int kpi__csv_parse(const char *text, size_t size, const char *source,
                   kpi__csv_row_fn on_row, void *context)
{
    kpi__csv_stream *s = NULL;
    int rc = kpi__csv_stream_new(&s, source, on_row, context);
    if (rc != KPI_OK)
        return rc;
    rc = kpi__csv_stream_feed(s, text, size);
    if (rc == KPI_OK)
        rc = kpi__csv_stream_end(s);
    kpi__csv_stream_free(s);
    return rc;
}
