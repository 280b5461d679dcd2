/* kpi_evaluation_render(): argument checks and the choice of format. The
 * formats themselves are render_*.c; what they share is display.c. */
#include "report/render.h"
#include "kpi/csv.h"
#include "util/error.h"
#include "util/alloc.h"
#include "util/file_replace.h"
#include "util/number.h"

#include <stdint.h>
#include <string.h>

static const char *const format_names[] = {"text", "markdown", "json",
                                           "csv",  "html",     "xlsx"};

const char *kpi_format_name(kpi_format format)
{
    if ((int)format < 0 || format > KPI_FORMAT_XLSX)
        return "";
    return format_names[format];
}

int kpi_format_parse(kpi_format *out, const char *name)
{
    if (!out)
        return kpi__error_null("kpi_format_parse", "out");
    if (!name)
        return kpi__error_null("kpi_format_parse", "name");
    for (int f = KPI_FORMAT_TEXT; f <= KPI_FORMAT_XLSX; f++) {
        if (strcmp(name, format_names[f]) == 0) {
            *out = (kpi_format)f;
            return KPI_OK;
        }
    }
    if (strcmp(name, "md") == 0) {
        *out = KPI_FORMAT_MARKDOWN;
        return KPI_OK;
    }
    char quoted[KPI__CLIP_SIZE];
    return kpi__error(
        KPI_ERR_VALUE,
        "\"%s\" is not a format: expected text, markdown, json, csv, html or xlsx",
        kpi__clip(quoted, name));
}

/* The arguments every entry point shares; function names it in messages. */
static int check_render(const char *function, const kpi_evaluation *ev, kpi_format format,
                        kpi_lang lang, int32_t width)
{
    if (!ev)
        return kpi__error_null(function, "evaluation");
    if ((int)format < 0 || format > KPI_FORMAT_XLSX)
        return kpi__error(KPI_ERR_VALUE, "render: format must be 0..5, got %d",
                          (int)format);
    if ((int)lang < 0 || lang > KPI_LANG_EN)
        return kpi__error(KPI_ERR_VALUE,
                          "render: language must be 0 (ja) or 1 (en), got %d", (int)lang);
    if (width != 0 && width < 40)
        return kpi__error(KPI_ERR_VALUE, "render: width must be 0 or at least 40, got %d",
                          (int)width);
    return KPI_OK;
}

/* About what a result takes in the formats for programs, a little more
 * than the benchmark's plans need (1,750 and 410 bytes): reserved at once,
 * the report of a million results grows without a copy, and what is not
 * written is never touched, so costs no memory. */
enum { JSON_RESULT_BYTES = 2048, CSV_RESULT_BYTES = 512, HEADER_BYTES = 65536 };

static void reserve(kpi__strbuf *b, const kpi_evaluation *ev, size_t per_result)
{
    size_t results = ev->count + ev->directive_count;
    if (b->drain) /* written out as it goes: a few MiB at a time */
        kpi__strbuf_reserve(b, KPI__STRBUF_DRAIN_BYTES + 65536);
    else if (results < (SIZE_MAX - HEADER_BYTES) / per_result)
        kpi__strbuf_reserve(b, HEADER_BYTES + results * per_result);
}

/* The options of one format: the text report's width, the CSV report's
 * flags (KPI_WRITE_RAW, KPI_WRITE_NO_BOM). */
struct options {
    int32_t width;
    uint32_t flags;
};

static void dispatch(kpi__strbuf *b, const kpi_evaluation *ev, kpi_format format,
                     kpi_lang lang, struct options o)
{
    switch (format) {
    case KPI_FORMAT_TEXT:
        kpi__render_text(b, ev, lang, o.width ? o.width : 100);
        break;
    case KPI_FORMAT_MARKDOWN:
        kpi__render_markdown(b, ev, lang);
        break;
    case KPI_FORMAT_JSON:
        reserve(b, ev, JSON_RESULT_BYTES);
        kpi__render_json(b, ev, lang);
        break;
    case KPI_FORMAT_CSV:
        reserve(b, ev, CSV_RESULT_BYTES);
        kpi__render_csv(b, ev, lang, o.flags);
        break;
    case KPI_FORMAT_HTML:
        kpi__render_html(b, ev, lang);
        break;
    case KPI_FORMAT_XLSX: /* made whole by libxlsxwriter: see render() */
        break;
    }
}

/* Every render entry point: the text format's width and the CSV report's
 * flags are their own options. */
static int render(char **out, size_t *size, const kpi_evaluation *ev, kpi_format format,
                  kpi_lang lang, struct options o)
{
    if (!out)
        return kpi__error_null("kpi_evaluation_render", "out");
    *out = NULL;
    int rc = check_render("kpi_evaluation_render", ev, format, lang, o.width);
    if (rc == KPI_OK && format == KPI_FORMAT_XLSX && !size)
        rc = kpi__error_null("kpi_evaluation_render", "size");
    if (rc != KPI_OK)
        return rc;
    if (format == KPI_FORMAT_XLSX)
        return kpi__render_xlsx(out, size, ev, lang);
    kpi__strbuf b = {0};
    kpi__c_numeric locale;
    kpi__c_numeric_enter(&locale);
    dispatch(&b, ev, format, lang, o);
    kpi__c_numeric_leave(&locale);
    return kpi__strbuf_hand_over(&b, out, size);
}

int kpi_evaluation_render(char **out, size_t *size, const kpi_evaluation *ev,
                          kpi_format format, kpi_lang lang)
{
    return render(out, size, ev, format, lang, (struct options){0, 0});
}

int kpi_evaluation_render_text(char **out, size_t *size, const kpi_evaluation *ev,
                               kpi_lang lang, int32_t width)
{
    return render(out, size, ev, KPI_FORMAT_TEXT, lang, (struct options){width, 0});
}

/* The CSV report's flags: KPI_WRITE_RAW and KPI_WRITE_NO_BOM (its lines
 * end in CRLF anyway, so KPI_WRITE_CRLF changes nothing). */
static int check_csv_flags(const char *function, uint32_t flags)
{
    if (flags & ~(uint32_t)(KPI_WRITE_NO_BOM | KPI_WRITE_CRLF | KPI_WRITE_RAW))
        return kpi__error(KPI_ERR_VALUE, "%s: flags 0x%x are no kpi_write_flags",
                          function, (unsigned)flags);
    return KPI_OK;
}

int kpi_evaluation_render_csv(char **out, size_t *size, const kpi_evaluation *ev,
                              kpi_lang lang, uint32_t flags)
{
    if (out)
        *out = NULL;
    int rc = check_csv_flags("kpi_evaluation_render_csv", flags);
    return rc != KPI_OK
               ? rc
               : render(out, size, ev, KPI_FORMAT_CSV, lang, (struct options){0, flags});
}

static int drain_to_file(void *context, const char *data, size_t n)
{
    return kpi__file_replace_write(context, data, n);
}

/* A workbook is made whole, then written into its file as the other
 * formats are. */
static int write_workbook(const kpi_evaluation *ev, const char *path, kpi_lang lang)
{
    char *bytes = NULL;
    size_t size = 0;
    int rc = kpi__render_xlsx(&bytes, &size, ev, lang);
    kpi__file_replace file;
    if (rc == KPI_OK && (rc = kpi__file_replace_begin(&file, path)) == KPI_OK) {
        kpi__file_replace_write(&file, bytes, size);
        rc = kpi__file_replace_end(&file, 1);
    }
    kpi__free(bytes);
    return rc;
}

/* The JSON and CSV renderers hand their text over between records
 * (kpi__strbuf_drain_point()), so a report of a million results is
 * written through a buffer of a few MiB rather than held whole; the
 * others are small and written at the end. */
static int write_report(const char *function, const kpi_evaluation *ev, const char *path,
                        kpi_format format, kpi_lang lang, struct options o)
{
    int rc = check_render(function, ev, format, lang, 0);
    if (rc == KPI_OK && !path)
        rc = kpi__error_null(function, "path");
    if (rc != KPI_OK)
        return rc;
    if (format == KPI_FORMAT_XLSX)
        return write_workbook(ev, path, lang);
    kpi__file_replace file;
    if ((rc = kpi__file_replace_begin(&file, path)) != KPI_OK)
        return rc;
    kpi__strbuf b = {.drain = drain_to_file, .drain_context = &file};
    kpi__c_numeric locale;
    kpi__c_numeric_enter(&locale);
    dispatch(&b, ev, format, lang, o);
    kpi__c_numeric_leave(&locale);
    int whole = kpi__strbuf_drain_all(&b);
    kpi__strbuf_free(&b);
    /* A failed drain is a failed write, which ending the file reports
     * (ok then); otherwise the buffer failed for memory. */
    int write_failed = file.write_errno != 0;
    rc = kpi__file_replace_end(&file, whole || write_failed);
    if (!whole && !write_failed)
        return kpi__error_nomem();
    return rc;
}

int kpi_evaluation_write(const kpi_evaluation *ev, const char *path, kpi_format format,
                         kpi_lang lang)
{
    return write_report("kpi_evaluation_write", ev, path, format, lang,
                        (struct options){0, 0});
}

int kpi_evaluation_write_csv(const kpi_evaluation *ev, const char *path, kpi_lang lang,
                             uint32_t flags)
{
    int rc = check_csv_flags("kpi_evaluation_write_csv", flags);
    return rc != KPI_OK ? rc
                        : write_report("kpi_evaluation_write_csv", ev, path,
                                       KPI_FORMAT_CSV, lang, (struct options){0, flags});
}
