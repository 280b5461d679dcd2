/* Reading a target's empty columns from its text: the city writes
 * 「物件登録件数30件以上」 and leaves value, unit and direction empty; the
 * phrase parser fills them, each filled field is marked as inferred, and a
 * warning tells the reader what was read, so nothing is guessed silently. */
#include "io/csv_infer.h"
#include "model/names.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/strbuf.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Applies one field of the reading. A setter may refuse a value (a kind
 * the figures do not allow): the field is then simply not filled; only
 * running out of memory stops the read. */
static int apply(uint32_t *filled, uint32_t field, int rc)
{
    if (rc == KPI_OK)
        *filled |= field;
    return rc == KPI_ERR_NOMEM ? rc : KPI_OK;
}

static int fill_texts(kpi_target *t, const kpi_phrase *p, uint32_t wanted,
                      uint32_t *filled)
{
    const char *label = kpi_phrase_label_at(p, 0);
    const char *unit = kpi_phrase_unit_at(p, 0);
    int rc = KPI_OK;
    if ((wanted & KPI_FIELD_LABEL) && *label)
        rc = apply(filled, KPI_FIELD_LABEL, kpi_target_set_label(t, label));
    if (rc == KPI_OK && (wanted & KPI_FIELD_UNIT) && *unit)
        rc = apply(filled, KPI_FIELD_UNIT, kpi_target_set_unit(t, unit));
    return rc;
}

/* Kind and direction count as read only when the text says something
 * other than the defaults (NUMERIC, INCREASE). */
static int fill_kind(kpi_target *t, const kpi_phrase *p, uint32_t wanted,
                     uint32_t *filled)
{
    kpi_kind kind = kpi_phrase_kind_at(p, 0);
    kpi_direction direction = kpi_phrase_direction_at(p, 0);
    int rc = KPI_OK;
    if ((wanted & KPI_FIELD_KIND) && kind != KPI_KIND_NUMERIC)
        rc = apply(filled, KPI_FIELD_KIND, kpi_target_set_kind(t, kind));
    if (rc == KPI_OK && (wanted & KPI_FIELD_DIRECTION) &&
        direction != KPI_DIRECTION_INCREASE)
        rc = apply(filled, KPI_FIELD_DIRECTION, kpi_target_set_direction(t, direction));
    return rc;
}

static int fill_numbers(kpi_target *t, const kpi_phrase *p, uint32_t wanted,
                        uint32_t *filled)
{
    double value = kpi_phrase_value_at(p, 0);
    double percent = kpi_phrase_change_pct_at(p, 0);
    int32_t due = kpi_phrase_due_at(p, 0);
    int rc = KPI_OK;
    if ((wanted & KPI_FIELD_VALUE) && !isnan(value))
        rc = apply(filled, KPI_FIELD_VALUE, kpi_target_set_value(t, value));
    if (rc == KPI_OK && (wanted & KPI_FIELD_CHANGE_PCT) && !isnan(percent))
        rc = apply(filled, KPI_FIELD_CHANGE_PCT, kpi_target_set_change_pct(t, percent));
    if (rc == KPI_OK && (wanted & KPI_FIELD_DUE) && due)
        rc = apply(filled, KPI_FIELD_DUE, kpi_target_set_due(t, due));
    return rc;
}

/* The warning: what was read, and why the reading is unsure if it is. */
static int report(kpi__load *load, int32_t line, const kpi_target *t, const kpi_phrase *p,
                  uint32_t filled)
{
    char fields[128];
    kpi__field_names_format(fields, sizeof fields, filled);
    kpi__strbuf b = {0};
    kpi__strbuf_printf(&b, "target \"%s\": %s read from its text", kpi_target_code(t),
                       fields);
    if (kpi_phrase_confidence_at(p, 0) < 1) {
        kpi__strbuf_printf(&b, " (unsure, %.0f%%:", kpi_phrase_confidence_at(p, 0) * 100);
        for (size_t i = 0; i < kpi_phrase_issue_count_at(p, 0); i++)
            kpi__strbuf_printf(&b, "%s %s", i ? ";" : "", kpi_phrase_issue_at(p, 0, i));
        kpi__strbuf_append(&b, ")");
    }
    char *text = kpi__strbuf_finish(&b);
    if (!text)
        return KPI_ERR_NOMEM;
    int rc = kpi__warnings_add(load->warnings, KPI_WARNING_INFERRED, load->source, line,
                               "%s", text);
    kpi__free(text);
    return rc;
}

static int32_t plan_fiscal_year(const kpi_plan *plan)
{
    return kpi_plan_start(plan) ? kpi_date_fiscal_year(kpi_plan_start(plan)) : 0;
}

int kpi__infer_target(kpi__load *load, int32_t line, kpi_target *t, uint32_t wanted)
{
    const char *text = kpi_target_text(t);
    if (!wanted || !*text)
        return KPI_OK;
    kpi_phrase *p = NULL;
    int rc = kpi_phrase_parse(&p, text, plan_fiscal_year(load->plan));
    if (rc == KPI_ERR_NOMEM)
        return rc;
    if (rc != KPI_OK)
        return kpi__warnings_add(load->warnings, KPI_WARNING_INFERRED, load->source, line,
                                 "target \"%s\": its text was not read: %s",
                                 kpi_target_code(t), kpi_error_message());
    if (kpi_phrase_count(p) != 1) {
        rc = kpi__warnings_add(
            load->warnings, KPI_WARNING_INFERRED, load->source, line,
            "target \"%s\": its text holds %zu targets; give each its own "
            "row to have it read",
            kpi_target_code(t), kpi_phrase_count(p));
        kpi_phrase_free(p);
        return rc;
    }
    uint32_t filled = 0;
    rc = fill_texts(t, p, wanted, &filled);
    if (rc == KPI_OK)
        rc = fill_kind(t, p, wanted, &filled);
    if (rc == KPI_OK)
        rc = fill_numbers(t, p, wanted, &filled);
    kpi_target_set_inferred(t, filled);
    if (rc == KPI_OK && filled)
        rc = report(load, line, t, p, filled);
    kpi_phrase_free(p);
    return rc;
}
