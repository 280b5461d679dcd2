/* The two tables a sheet's cells refer to: the shared strings (each cell
 * of type "s" holds an index) and the cell styles (a cell's s="N"), of
 * which only one thing matters here: whether a style shows a number as a
 * date. Both are read in one pass into flat arrays that grow by doubling,
 * so that a table of a million strings reads in linear time. */
#include "io/xlsx_read.h"
#include "util/alloc.h"
#include "util/error.h"
#include "kpi/xlsx.h"

#include <stdlib.h>
#include <string.h>

/* ---- Shared strings ----------------------------------------------------- */

struct strings_state {
    kpi__xlsx_book *book;
    kpi__xlsx_text text; /* the current <si>'s text */
    int in_si, in_t;
    int phonetic; /* inside <rPh>: a reading (furigana), not the text */
};

static int add_string(kpi__xlsx_book *book, const kpi__xlsx_text *text)
{
    if (book->string_count == book->string_capacity) {
        size_t capacity = book->string_capacity ? book->string_capacity * 2 : 64;
        uint32_t *starts =
            kpi__reallocarray(book->string_start, capacity, sizeof *starts);
        if (!starts)
            return kpi__error_nomem();
        book->string_start = starts;
        book->string_capacity = capacity;
    }
    size_t need = text->size + 1;
    if (book->strings_capacity - book->strings_size < need) {
        size_t capacity = book->strings_capacity ? book->strings_capacity : 4096;
        while (capacity - book->strings_size < need)
            capacity *= 2;
        char *strings = kpi__realloc(book->strings, capacity);
        if (!strings)
            return kpi__error_nomem();
        book->strings = strings;
        book->strings_capacity = capacity;
    }
    char *at = book->strings + book->strings_size;
    if (text->size)
        memcpy(at, text->data, text->size);
    at[text->size] = '\0';
    size_t size = kpi__xlsx_unescape(at, text->size);
    /* The part is at most KPI_XLSX_MAX_UNCOMPRESSED bytes: offsets fit. */
    book->string_start[book->string_count++] = (uint32_t)book->strings_size;
    book->strings_size += size + 1;
    return KPI_OK;
}

static int string_done(struct strings_state *st)
{
    kpi__xlsx_book *book = st->book;
    if (st->text.over)
        return kpi__error_at(KPI_ERR_LIMIT, book->file, 0, 0,
                             "%s: %s: shared string %zu is longer than the limit of %d "
                             "bytes",
                             book->file, book->strings_part, book->string_count,
                             KPI_MAX_FIELD);
    if (book->string_count >= book->max_cells)
        return kpi__error_at(KPI_ERR_LIMIT, book->file, 0, 0,
                             "%s: %s: more shared strings than the limit of %llu",
                             book->file, book->strings_part,
                             (unsigned long long)book->max_cells);
    return add_string(book, &st->text);
}

static void strings_start(kpi__xlsx_xml *xml, void *context, const char *name,
                          const char **attributes)
{
    (void)xml, (void)attributes;
    struct strings_state *st = context;
    if (strcmp(name, "si") == 0) {
        st->in_si = 1;
        st->text.size = 0;
        st->text.over = 0;
        if (st->text.data)
            st->text.data[0] = '\0';
    } else if (strcmp(name, "rPh") == 0) {
        st->phonetic = 1;
    } else if (strcmp(name, "t") == 0) {
        st->in_t = st->in_si && !st->phonetic;
    }
}

static void strings_end(kpi__xlsx_xml *xml, void *context, const char *name)
{
    struct strings_state *st = context;
    if (strcmp(name, "t") == 0) {
        st->in_t = 0;
    } else if (strcmp(name, "rPh") == 0) {
        st->phonetic = 0;
    } else if (strcmp(name, "si") == 0 && st->in_si) {
        st->in_si = 0;
        int rc = string_done(st);
        if (rc != KPI_OK)
            kpi__xlsx_xml_stop(xml, rc);
    }
}

static void strings_text(kpi__xlsx_xml *xml, void *context, const char *text, size_t size)
{
    struct strings_state *st = context;
    if (st->in_t && kpi__xlsx_text_add(&st->text, text, size) != KPI_OK)
        kpi__xlsx_xml_stop(xml, KPI_ERR_NOMEM);
}

int kpi__xlsx_strings_read(kpi__xlsx_book *book)
{
    if (!book->strings_part)
        return KPI_OK;
    static const kpi__xlsx_xml_calls calls = {strings_start, strings_end, strings_text};
    struct strings_state st = {.book = book};
    int rc = kpi__xlsx_xml_parse(&book->zip, book->strings_part, &calls, &st);
    kpi__xlsx_text_free(&st.text);
    return rc;
}

/* ---- Styles ------------------------------------------------------------- */

/* A custom number format: its id and whether it shows a date. */
struct format {
    uint32_t id;
    int date;
};

struct styles_state {
    kpi__xlsx_book *book;
    struct format *formats; /* custom formats, sorted once read */
    size_t format_count, format_capacity;
    uint32_t *xf_format; /* each cell style's number format id */
    size_t xf_count, xf_capacity;
    int in_cell_xfs;
};

/* An id as written, or 0 (General) when it is no number. */
static uint32_t read_id(const char *text)
{
    if (!text)
        return 0;
    char *end;
    unsigned long id = strtoul(text, &end, 10);
    return *end || end == text || id > UINT32_MAX ? 0 : (uint32_t)id;
}

static int grow(void **items, size_t *capacity, size_t count, size_t size)
{
    if (count < *capacity)
        return KPI_OK;
    size_t more = *capacity ? *capacity * 2 : 16;
    void *grown = kpi__reallocarray(*items, more, size);
    if (!grown)
        return kpi__error_nomem();
    *items = grown;
    *capacity = more;
    return KPI_OK;
}

static int add_format(struct styles_state *st, const char **attributes)
{
    const char *code = kpi__xlsx_attribute(attributes, "formatCode");
    int rc = grow((void **)&st->formats, &st->format_capacity, st->format_count,
                  sizeof *st->formats);
    if (rc == KPI_OK)
        st->formats[st->format_count++] =
            (struct format){read_id(kpi__xlsx_attribute(attributes, "numFmtId")),
                            code && kpi__xlsx_code_is_date(code)};
    return rc;
}

static int add_xf(struct styles_state *st, const char **attributes)
{
    int rc = grow((void **)&st->xf_format, &st->xf_capacity, st->xf_count,
                  sizeof *st->xf_format);
    if (rc == KPI_OK)
        st->xf_format[st->xf_count++] =
            read_id(kpi__xlsx_attribute(attributes, "numFmtId"));
    return rc;
}

static void styles_start(kpi__xlsx_xml *xml, void *context, const char *name,
                         const char **attributes)
{
    struct styles_state *st = context;
    int rc = KPI_OK;
    if (strcmp(name, "numFmt") == 0)
        rc = add_format(st, attributes);
    else if (strcmp(name, "cellXfs") == 0)
        st->in_cell_xfs = 1;
    else if (strcmp(name, "xf") == 0 && st->in_cell_xfs)
        rc = add_xf(st, attributes);
    if (rc != KPI_OK)
        kpi__xlsx_xml_stop(xml, rc);
}

static void styles_end(kpi__xlsx_xml *xml, void *context, const char *name)
{
    (void)xml;
    struct styles_state *st = context;
    if (strcmp(name, "cellXfs") == 0)
        st->in_cell_xfs = 0;
}

static int by_id(const void *a, const void *b)
{
    uint32_t x = ((const struct format *)a)->id, y = ((const struct format *)b)->id;
    return (x > y) - (x < y);
}

/* Whether format id shows a date: a custom format of that id decides (a
 * file may redefine a built-in id), else the built-in one. */
static int format_is_date(const struct styles_state *st, uint32_t id)
{
    struct format key = {id, 0};
    const struct format *f =
        st->format_count ? bsearch(&key, st->formats, st->format_count, sizeof key, by_id)
                         : NULL;
    return f ? f->date : kpi__xlsx_builtin_date(id);
}

/* Each style's answer, once both lists are in (their order in the file
 * does not matter): n log n, however many styles and formats. */
static int resolve_styles(kpi__xlsx_book *book, struct styles_state *st)
{
    if (st->format_count)
        qsort(st->formats, st->format_count, sizeof *st->formats, by_id);
    book->xf_date = kpi__malloc(st->xf_count ? st->xf_count : 1);
    if (!book->xf_date)
        return kpi__error_nomem();
    for (size_t i = 0; i < st->xf_count; i++)
        book->xf_date[i] = (unsigned char)format_is_date(st, st->xf_format[i]);
    book->xf_count = st->xf_count;
    return KPI_OK;
}

int kpi__xlsx_styles_read(kpi__xlsx_book *book)
{
    if (!book->styles_part)
        return KPI_OK;
    static const kpi__xlsx_xml_calls calls = {styles_start, styles_end, NULL};
    struct styles_state st = {.book = book};
    int rc = kpi__xlsx_xml_parse(&book->zip, book->styles_part, &calls, &st);
    if (rc == KPI_OK)
        rc = resolve_styles(book, &st);
    kpi__free(st.formats);
    kpi__free(st.xf_format);
    return rc;
}
