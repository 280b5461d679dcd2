/* A case through libkpi: its plan read, rated as of its date under its
 * policy, and every row of the evaluation as a record whose fields and
 * values are those of libkpi's CSV report and of the Python package's
 * records (conformance.h). */
#include "conformance.h"

#include <kpi.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Reading and rating ------------------------------------------------ */

static json_t *error_result(int code, const kpi_reader *reader)
{
    return json_pack(
        "{s:{s:s,s:s,s:s,s:i,s:i}}", "error", "code", kpi_error_name(code), "message",
        reader ? kpi_reader_error_message(reader) : kpi_error_message(), "source",
        reader ? kpi_reader_error_source(reader) : kpi_error_source(), "line",
        (int)(reader ? kpi_reader_error_line(reader) : kpi_error_line()), "column",
        (int)(reader ? kpi_reader_error_column(reader) : kpi_error_column()));
}

/* A name among those a kpi_*_name() function gives for 0..count-1; -1
 * when none. */
static int name_index(const char *name, const char *(*name_of)(int), int count)
{
    for (int i = 0; i < count; i++)
        if (strcmp(name, name_of(i)) == 0)
            return i;
    return -1;
}

static const char *encoding_name(int e)
{
    return kpi_encoding_name((kpi_encoding)e);
}

static const char *rollup_name(int r)
{
    return kpi_rollup_name((kpi_rollup)r);
}

static int configure_reader(kpi_reader *reader, const json_t *options)
{
    const json_t *encoding = json_object_get(options, "encoding");
    const json_t *infer = json_object_get(options, "infer");
    const json_t *confidence = json_object_get(options, "prose_confidence");
    int e =
        encoding
            ? name_index(json_string_value(encoding) ? json_string_value(encoding) : "",
                         encoding_name, 3)
            : KPI_ENCODING_AUTO;
    if (e < 0)
        return KPI_ERR_VALUE;
    int rc = kpi_reader_set_encoding(reader, (kpi_encoding)e);
    if (rc == KPI_OK && infer)
        rc = kpi_reader_set_infer(reader, json_is_true(infer));
    if (rc == KPI_OK && confidence)
        rc = kpi_reader_set_prose_confidence(reader, json_number_value(confidence));
    return rc;
}

/* The policy's settings; the scale by a built-in id. */
static int configure_policy(kpi_policy *policy, const json_t *settings)
{
    const json_t *ahead = json_object_get(settings, "ahead");
    const json_t *on_track = json_object_get(settings, "on_track");
    int rc = kpi_policy_set_thresholds(
        policy, ahead ? json_number_value(ahead) : kpi_policy_ahead(policy),
        on_track ? json_number_value(on_track) : kpi_policy_on_track(policy));
    const char *rollup = json_string_value(json_object_get(settings, "rollup"));
    if (rc == KPI_OK && rollup) {
        int r = name_index(rollup, rollup_name, 3);
        rc = r < 0 ? KPI_ERR_VALUE : kpi_policy_set_rollup(policy, (kpi_rollup)r);
    }
    const json_t *use = json_object_get(settings, "use_assessments");
    if (rc == KPI_OK && use)
        rc = kpi_policy_set_use_assessments(policy, json_is_true(use));
    const json_t *days = json_object_get(settings, "directive_days");
    if (rc == KPI_OK && days)
        rc = kpi_policy_set_directive_days(policy, (int32_t)json_integer_value(days));
    const char *id = json_string_value(json_object_get(settings, "scale"));
    if (rc == KPI_OK && id) {
        kpi_scale *scale = NULL;
        rc = kpi_scale_builtin(&scale, id);
        if (rc == KPI_OK)
            rc = kpi_policy_set_scale(policy, scale);
        kpi_scale_free(scale);
    }
    return rc;
}

/* ---- Records --------------------------------------------------------- */

/* How a number column's value is given, as the records give it. */
typedef json_t *(*number_form)(double value);

static json_t *as_number(double v)
{
    return json_real(v);
}

static json_t *as_integer(double v)
{
    return json_integer((json_int_t)v);
}

static json_t *as_boolean(double v)
{
    return json_boolean(v != 0);
}

static json_t *as_date(double v)
{
    char iso[16];
    int32_t ymd = (int32_t)v;
    snprintf(iso, sizeof iso, "%04d-%02d-%02d", (int)(ymd / 10000),
             (int)(ymd / 100 % 100), (int)(ymd % 100));
    return json_string(iso);
}

#define NAMED(fn, type)                                                                  \
    static json_t *as_##fn(double v)                                                     \
    {                                                                                    \
        const char *name = kpi_##fn((type)(int)v);                                       \
        return *name ? json_string(name) : json_null();                                  \
    }
NAMED(object_name, kpi_object)
NAMED(rating_symbol, kpi_rating)
NAMED(rating_name, kpi_rating)
NAMED(unrated_name, kpi_unrated)
NAMED(kind_name, kpi_kind)
NAMED(direction_name, kpi_direction)
NAMED(status_name, kpi_status)

static const struct {
    const char *column;
    number_form form;
} forms[] = {
    {"kind", as_object_name},
    {"depth", as_integer},
    {"rating", as_rating_symbol},
    {"rating_name", as_rating_name},
    {"computed_rating", as_rating_symbol},
    {"assessed", as_boolean},
    {"mismatch", as_boolean},
    {"unrated_reason", as_unrated_name},
    {"target_kind", as_kind_name},
    {"direction", as_direction_name},
    {"count_ahead", as_integer},
    {"count_on_track", as_integer},
    {"count_behind", as_integer},
    {"count_not_progressed", as_integer},
    {"count_unrated", as_integer},
    {"status", as_status_name},
    {"update_status", as_status_name},
    {"figure_inferred", as_boolean},
    {"cancelled", as_boolean},
    {"open", as_boolean},
    {"overdue", as_boolean},
    {"days_open", as_integer},
    {"assessment_date", as_date},
    {"measured", as_date},
    {"start", as_date},
    {"due", as_date},
    {"planned", as_date},
    {"status_date", as_date},
    {"update_date", as_date},
    {"update_planned", as_date},
    {"issued", as_date},
};

static number_form form_of(const char *column)
{
    for (size_t i = 0; i < sizeof forms / sizeof *forms; i++)
        if (strcmp(forms[i].column, column) == 0)
            return forms[i].form;
    return as_number;
}

/* A text cell: some columns are null where empty; a directive's goals a
 * list of codes, null on other rows; its issuer null on other rows. */
static json_t *text_value(const char *column, const char *cell, int directive)
{
    static const char *const null_when_empty[] = {"parent", "unrated_label",
                                                  "status_label", "level", "level_name"};
    for (size_t i = 0; i < sizeof null_when_empty / sizeof *null_when_empty; i++)
        if (strcmp(column, null_when_empty[i]) == 0)
            return *cell ? json_string(cell) : json_null();
    if (strcmp(column, "issuer") == 0)
        return directive ? json_string(cell) : json_null();
    if (strcmp(column, "goals") != 0)
        return json_string(cell);
    if (!directive)
        return json_null();
    json_t *codes = json_array();
    for (const char *at = cell; *at;) {
        size_t n = strcspn(at, ";");
        json_array_append_new(codes, json_stringn(at, n));
        at += n + (at[n] == ';');
    }
    return codes;
}

/* Every row's field of the column, added to the records. */
static int add_column(json_t **records, size_t rows, const kpi_evaluation *ev, int column,
                      kpi_lang lang, const double *kinds)
{
    const char *name = kpi_column_name((kpi_column)column);
    if (kpi_column_is_text((kpi_column)column)) {
        char *texts = NULL;
        int rc = kpi_evaluation_column_texts(&texts, NULL, ev, (kpi_column)column, lang);
        const char *cell = texts;
        for (size_t i = 0; rc == KPI_OK && i < rows; i++, cell += strlen(cell) + 1)
            json_object_set_new(records[i], name,
                                text_value(name, cell, kinds[i] == KPI_OBJECT_DIRECTIVE));
        kpi_free(texts);
        return rc;
    }
    double *values = malloc(rows * sizeof *values);
    if (!values)
        return KPI_ERR_NOMEM;
    int rc = kpi_evaluation_column_numbers(ev, (kpi_column)column, values, rows);
    number_form form = form_of(name);
    for (size_t i = 0; rc == KPI_OK && i < rows; i++)
        json_object_set_new(records[i], name,
                            isnan(values[i]) ? json_null() : form(values[i]));
    free(values);
    return rc;
}

static json_t *records_of(const kpi_evaluation *ev, kpi_lang lang)
{
    size_t rows = kpi_evaluation_row_count(ev);
    json_t **records = calloc(rows ? rows : 1, sizeof *records);
    double *kinds = malloc((rows ? rows : 1) * sizeof *kinds);
    json_t *results = json_object();
    int rc = records && kinds
                 ? kpi_evaluation_column_numbers(ev, KPI_COLUMN_KIND, kinds, rows)
                 : KPI_ERR_NOMEM;
    for (size_t i = 0; rc == KPI_OK && i < rows; i++)
        records[i] = json_object();
    for (int c = 0; rc == KPI_OK && c < kpi_evaluation_column_count(ev); c++)
        rc = add_column(records, rows, ev, c, lang, kinds);
    for (size_t i = 0; records && i < rows; i++) {
        const char *code = json_string_value(json_object_get(records[i], "code"));
        if (rc == KPI_OK && code)
            json_object_set(results, code, records[i]);
        json_decref(records[i]);
    }
    free(records);
    free(kinds);
    if (rc != KPI_OK) {
        json_decref(results);
        return error_result(rc, NULL);
    }
    return json_pack("{s:o}", "results", results);
}

/* ---- The case ---------------------------------------------------------- */

static int as_of_of(const json_t *c, int32_t *as_of)
{
    const char *text = json_string_value(json_object_get(c, "as_of"));
    *as_of = 0;
    return text ? kpi_date_parse(as_of, text) : KPI_OK;
}

static int lang_of(const json_t *c, kpi_lang *lang)
{
    const char *name = json_string_value(json_object_get(c, "lang"));
    *lang = KPI_LANG_JA;
    if (!name || strcmp(name, "ja") == 0)
        return KPI_OK;
    *lang = KPI_LANG_EN;
    return strcmp(name, "en") == 0 ? KPI_OK : KPI_ERR_VALUE;
}

/* The evaluation's records, or the error of the step that failed. */
static json_t *rate(const json_t *c, const kpi_plan *plan)
{
    kpi_policy *policy = NULL;
    kpi_evaluation *ev = NULL;
    int32_t as_of;
    kpi_lang lang;
    int rc = kpi_policy_new(&policy);
    if (rc == KPI_OK)
        rc = configure_policy(policy, json_object_get(c, "policy"));
    if (rc == KPI_OK && (rc = as_of_of(c, &as_of)) == KPI_OK &&
        (rc = lang_of(c, &lang)) == KPI_OK)
        rc = kpi_evaluate(&ev, plan, as_of, policy);
    json_t *result = rc == KPI_OK ? records_of(ev, lang) : NULL;
    if (rc != KPI_OK)
        fprintf(stderr, "%s: %s\n", json_string_value(json_object_get(c, "id")),
                kpi_error_message());
    kpi_evaluation_free(ev);
    kpi_policy_free(policy);
    return result;
}

json_t *case_result(const json_t *c, const char *structure, size_t structure_size,
                    const char *progress, size_t progress_size)
{
    kpi_reader *reader = NULL;
    kpi_plan *plan = NULL;
    json_t *result = NULL;
    int rc = kpi_reader_new(&reader);
    if (rc == KPI_OK &&
        (rc = configure_reader(reader, json_object_get(c, "reader"))) != KPI_OK)
        fprintf(stderr, "%s: reader: %s\n", json_string_value(json_object_get(c, "id")),
                kpi_error_message());
    else if (rc == KPI_OK)
        rc = kpi_reader_read_buffers(&plan, reader, structure, structure_size, progress,
                                     progress_size);
    if (plan)
        result = rate(c, plan);
    else if (rc != KPI_OK && kpi_reader_error_code(reader) == rc)
        result = error_result(rc, reader);
    kpi_plan_free(plan);
    kpi_reader_free(reader);
    return result;
}
