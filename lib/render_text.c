/* Placeholder: the text renderer is being written. */
#include "render.h"

int kpi__render_text(kpi__strbuf *out, const kpi_evaluation *ev, kpi_lang lang, int32_t width)
{
    (void)ev;
    (void)lang;
    (void)width;
    kpi__strbuf_append(out, "");
    return out->failed ? KPI_ERR_NOMEM : KPI_OK;
}
