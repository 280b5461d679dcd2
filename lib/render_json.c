/* Placeholder: the json renderer is being written. */
#include "render.h"

int kpi__render_json(kpi__strbuf *out, const kpi_evaluation *ev, kpi_lang lang)
{
    (void)ev;
    (void)lang;

    kpi__strbuf_append(out, "");
    return out->failed ? KPI_ERR_NOMEM : KPI_OK;
}
