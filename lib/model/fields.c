/* Checks and copies shared by every model object's setters: text must be
 * UTF-8, codes non-empty and bounded, weights positive. */
#include "model/model.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/utf8.h"

#include <math.h>
#include <string.h>

int kpi__model_done(kpi_plan *plan, int rc)
{
    return kpi__error_keep(&plan->error, rc);
}

int kpi__check_utf8(const char *value, const char *what)
{
    size_t n = strlen(value);
    size_t valid = kpi__utf8_valid_prefix(value, n);
    if (valid == n)
        return KPI_OK;
    return kpi__error(KPI_ERR_ENCODING,
                      "%s: the text is not valid UTF-8 (byte %zu is 0x%02X)", what, valid,
                      (unsigned)(unsigned char)value[valid]);
}

int kpi__set_string(char **field, const char *value)
{
    char *copy = NULL;
    if (value && kpi__check_utf8(value, "text") != KPI_OK)
        return KPI_ERR_ENCODING;
    if (value && *value) {
        copy = kpi__strdup(value);
        if (!copy)
            return KPI_ERR_NOMEM;
    }
    kpi__free(*field);
    *field = copy;
    return KPI_OK;
}

const char *kpi__string_or_empty(const char *field)
{
    return field ? field : "";
}

int kpi__check_code(const char *code, const char *what)
{
    if (!code)
        return kpi__error(KPI_ERR_ARGUMENT, "%s: code must not be NULL", what);
    size_t len = strlen(code);
    if (len == 0)
        return kpi__error(KPI_ERR_VALUE, "%s: code must not be empty", what);
    if (len > KPI_MAX_CODE)
        return kpi__error(KPI_ERR_VALUE, "%s: code is %zu bytes long, the limit is %d",
                          what, len, KPI_MAX_CODE);
    return kpi__check_utf8(code, what);
}

int kpi__check_weight(double weight, const char *what, const char *code)
{
    if (!isfinite(weight) || weight <= 0)
        return kpi__error(KPI_ERR_VALUE, "%s \"%s\": weight must be > 0, got %g", what,
                          code, weight);
    return KPI_OK;
}
