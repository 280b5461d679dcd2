/* Internal: the renderers of kpi/render.h. Each format lives in its own
 * file (render_text.c, render_markdown.c, render_json.c, render_csv.c,
 * render_html.c) and writes into a strbuf, but the workbook (render_xlsx.c),
 * which libxlsxwriter makes whole; render.c checks the arguments
 * and picks the format; what the formats share is display.h. */
#ifndef KPI_LIB_RENDER_H
#define KPI_LIB_RENDER_H

#include "rules/evaluation.h"
#include "util/strbuf.h"
#include "util/utf8.h"

/* The renderers. They append to out and return KPI_OK, or KPI_ERR_NOMEM
 * when out failed (checking out->failed once at the end is enough). */
int kpi__render_text(kpi__strbuf *out, const kpi_evaluation *ev, kpi_lang lang,
                     int32_t width);
int kpi__render_markdown(kpi__strbuf *out, const kpi_evaluation *ev, kpi_lang lang);
int kpi__render_json(kpi__strbuf *out, const kpi_evaluation *ev, kpi_lang lang);
/* flags: KPI_WRITE_RAW (no apostrophe before formula-like text),
 * KPI_WRITE_NO_BOM; 0 for the report kpi_evaluation_render() gives. */
int kpi__render_csv(kpi__strbuf *out, const kpi_evaluation *ev, kpi_lang lang,
                    uint32_t flags);
int kpi__render_html(kpi__strbuf *out, const kpi_evaluation *ev, kpi_lang lang);
/* The workbook (render_xlsx.c), made whole and handed over as bytes in
 * *out (kpi__free(); NUL-terminated) and *size: KPI_OK, or KPI_ERR_LIMIT,
 * KPI_ERR_IO or KPI_ERR_NOMEM, recorded. */
int kpi__render_xlsx(char **out, size_t *size, const kpi_evaluation *ev, kpi_lang lang);

/* The length of the valid UTF-8 character that starts at s (a byte of at
 * least 0x80 in NUL-terminated text), or 0 when none does: what the JSON
 * and CSV reports ask of every character they copy, in the same pass as
 * the copy. Japanese is almost all three-byte characters, checked here;
 * every other case is decided by kpi__utf8_decode(), the one decoder. */
static inline size_t kpi__render_utf8_at(const unsigned char *s)
{
    if (s[0] >= 0xE1 && s[0] <= 0xEF && s[0] != 0xED && (s[1] & 0xC0) == 0x80 &&
        (s[2] & 0xC0) == 0x80)
        return 3;
    uint32_t cp;
    /* A NUL ends the sequence as any non-continuation byte does, so no
     * byte past the text is read. */
    return kpi__utf8_decode((const char *)s, 4, &cp);
}

#endif
