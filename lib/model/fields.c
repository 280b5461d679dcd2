/* Checks and copies shared by every model object's setters: text must be
 * UTF-8 and at most KPI_MAX_FIELD bytes, codes non-empty, bounded and
 * without blanks at either end, weights positive. They are the reader's
 * own limits, checked here once so that a plan the API accepts can always
 * be written and read back. */
#include "model/model.h"
#include "util/alloc.h"
#include "util/date.h"
#include "util/error.h"
#include "util/utf8.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Set by the reader on its own thread while it loads text it validated. */
static _Thread_local int text_validated;

void kpi__model_text_validated(int on)
{
    text_validated = on;
}

/* Whether value (n bytes) is UTF-8, or comes from a validated file. */
static int valid_utf8(const char *value, size_t n)
{
    return text_validated || kpi__utf8_valid_prefix(value, n) == n;
}

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

int kpi__check_date_field(int32_t date, int allow_unset, const char *object,
                          const char *code, const char *field)
{
    if (kpi_date_is_valid(date) || (allow_unset && date == 0))
        return KPI_OK;
    char what[KPI_MAX_CODE + 64];
    snprintf(what, sizeof what, "%s \"%s\": %s", object, code, field);
    return kpi__date_check(date, allow_unset, what);
}

int kpi__check_text(const char *value, const char *object, const char *code,
                    const char *field)
{
    if (!value)
        return KPI_OK;
    /* The length first: a text over the limit is refused without reading
     * it through for UTF-8. */
    size_t n = strlen(value);
    if (n > KPI_MAX_FIELD)
        return kpi__error(KPI_ERR_LIMIT,
                          "%s \"%s\": %s is %zu bytes; the limit is %d (KPI_MAX_FIELD)",
                          object, code, field, n, KPI_MAX_FIELD);
    if (valid_utf8(value, n))
        return KPI_OK;
    char what[KPI_MAX_CODE + 64];
    snprintf(what, sizeof what, "%s \"%s\": %s", object, code, field);
    return kpi__check_utf8(value, what);
}

int kpi__set_string(char **field, const char *value, const char *object, const char *code,
                    const char *name)
{
    char *copy = NULL;
    int rc = kpi__check_text(value, object, code, name);
    if (rc != KPI_OK)
        return rc;
    if (value && *value) {
        copy = kpi__strdup(value);
        if (!copy)
            return KPI_ERR_NOMEM;
    }
    kpi__free(*field);
    *field = copy;
    return KPI_OK;
}

int kpi__set_arena_string(kpi_plan *plan, char **field, uint32_t *owned, uint32_t bit,
                          int intern, const char *value, const char *object,
                          const char *code, const char *name)
{
    int rc = kpi__check_text(value, object, code, name);
    if (rc != KPI_OK)
        return rc;
    char *copy = NULL;
    size_t n = value ? strlen(value) : 0;
    /* A replacement (of a value, or of one cleared since) is allocated
     * alone: see KPI__OWN_CODE. The bit << 16 remembers a first value. */
    int alone = *field != NULL || (*owned & (bit << 16));
    if (n) {
        if (alone)
            copy = kpi__strndup(value, n);
        else if (intern)
            copy = (char *)kpi__arena_intern(plan->strings, value, n);
        else
            copy = kpi__arena_strndup(plan->strings, value, n);
        if (!copy)
            return KPI_ERR_NOMEM;
    }
    if (*owned & bit)
        kpi__free(*field);
    *field = copy;
    *owned = alone && copy ? *owned | bit : *owned & ~bit;
    if (copy && !alone)
        *owned |= bit << 16;
    return KPI_OK;
}

const char *kpi__target_string_shared(const kpi_target *target, const char *field,
                                      uint32_t bit)
{
    if (!field)
        return "";
    return target->owned & bit ? NULL : field;
}

const char *kpi__string_or_empty(const char *field)
{
    return field ? field : "";
}

/* The readers trim blanks around a code (util/utf8.c): a code with one at
 * either end would come back as another code. */
static int check_code_blanks(const char *code, size_t len, const char *what)
{
    if (!kpi__blank_at(code) && !kpi__blank_before(code, len))
        return KPI_OK;
    return kpi__error(KPI_ERR_VALUE,
                      "%s \"%s\": code has a blank at its start or end, which a plan "
                      "file does not keep",
                      what, code);
}

int kpi__check_code_text(const char *code, const char *what)
{
    size_t len = strlen(code);
    if (len > KPI_MAX_CODE)
        return kpi__error(KPI_ERR_LIMIT,
                          "%s: code is %zu bytes; the limit is %d (KPI_MAX_CODE)", what,
                          len, KPI_MAX_CODE);
    int rc = valid_utf8(code, len) ? KPI_OK : kpi__check_utf8(code, what);
    return rc == KPI_OK ? check_code_blanks(code, len, what) : rc;
}

int kpi__check_code(const char *code, const char *what)
{
    if (!code)
        return kpi__error(KPI_ERR_ARGUMENT, "%s: code must not be NULL", what);
    if (!*code)
        return kpi__error(KPI_ERR_VALUE, "%s: code must not be empty", what);
    return kpi__check_code_text(code, what);
}

int kpi__check_weight(double weight, const char *what, const char *code)
{
    if (!isfinite(weight) || weight <= 0)
        return kpi__error(KPI_ERR_VALUE, "%s \"%s\": weight must be > 0, got %g", what,
                          code, weight);
    return KPI_OK;
}
