/* Internal: the renderers of kpi/render.h. Each format lives in its own
 * file (render_text.c, render_markdown.c, render_json.c, render_csv.c,
 * render_html.c) and writes into a strbuf; render.c checks the arguments
 * and picks the format; what the formats share is display.h. */
#ifndef KPI_LIB_RENDER_H
#define KPI_LIB_RENDER_H

#include "rules/evaluation.h"
#include "util/strbuf.h"

/* The renderers. They append to out and return KPI_OK, or KPI_ERR_NOMEM
 * when out failed (checking out->failed once at the end is enough). */
int kpi__render_text(kpi__strbuf *out, const kpi_evaluation *ev, kpi_lang lang,
                     int32_t width);
int kpi__render_markdown(kpi__strbuf *out, const kpi_evaluation *ev, kpi_lang lang);
int kpi__render_json(kpi__strbuf *out, const kpi_evaluation *ev, kpi_lang lang);
int kpi__render_csv(kpi__strbuf *out, const kpi_evaluation *ev, kpi_lang lang);
int kpi__render_html(kpi__strbuf *out, const kpi_evaluation *ev, kpi_lang lang);

#endif
