/* A case's expectations against a result (conformance.h): texts, booleans
 * and nulls equal, numbers within a relative 1e-9 or within the case's
 * {"approx": x, "within": d}, as the suite's check.py compares. */
#include "conformance.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TOLERANCE 1e-9

static int same_value(const json_t *expected, const json_t *got)
{
    const json_t *approx = json_object_get(expected, "approx");
    if (json_is_object(expected) && approx)
        return json_is_number(got) &&
               fabs(json_number_value(got) - json_number_value(approx)) <=
                   json_number_value(json_object_get(expected, "within"));
    if (json_is_number(expected) && json_is_number(got)) {
        double e = json_number_value(expected), g = json_number_value(got);
        return fabs(g - e) <= TOLERANCE * fmax(1.0, fabs(e));
    }
    return json_equal(expected, got);
}

/* The "FAIL id [rules]" line, once, before the first difference. */
static void fail_line(const json_t *c, size_t *count)
{
    if ((*count)++)
        return;
    printf("FAIL %s [", json_string_value(json_object_get(c, "id")));
    size_t i;
    json_t *rule;
    json_array_foreach(json_object_get(c, "rules"), i, rule)
        printf("%s%s", i ? ", " : "", json_string_value(rule));
    printf("]\n");
}

static void show(const char *where, const char *field, const json_t *expected,
                 const json_t *got)
{
    char *e = json_dumps(expected, JSON_ENCODE_ANY | JSON_COMPACT);
    char *g = got ? json_dumps(got, JSON_ENCODE_ANY | JSON_COMPACT) : NULL;
    printf("  %s%s%s: expected %s, got %s\n", where, *field ? "." : "", field,
           e ? e : "?", g ? g : "nothing");
    free(e);
    free(g);
}

static void compare_error(const json_t *c, const json_t *expected, const json_t *got,
                          size_t *count)
{
    if (!json_is_object(got)) {
        fail_line(c, count);
        show("error", "", expected, NULL);
        return;
    }
    const char *field;
    json_t *value;
    json_object_foreach((json_t *)expected, field, value)
    {
        const json_t *have = json_object_get(
            got, strcmp(field, "message_contains") == 0 ? "message" : field);
        int same = strcmp(field, "message_contains") == 0
                       ? json_is_string(have) &&
                             strstr(json_string_value(have), json_string_value(value))
                       : same_value(value, have);
        if (!same) {
            fail_line(c, count);
            show("error", field, value, have);
        }
    }
}

static void compare_results(const json_t *c, const json_t *expected, const json_t *got,
                            size_t *count)
{
    const char *code, *field;
    json_t *fields, *value;
    json_object_foreach((json_t *)expected, code, fields)
    {
        const json_t *record = json_object_get(got, code);
        if (!record) {
            fail_line(c, count);
            printf("  %s: expected a result, got none\n", code);
            continue;
        }
        json_object_foreach(fields, field, value)
        {
            const json_t *have = json_object_get(record, field);
            if (!have || !same_value(value, have)) {
                fail_line(c, count);
                show(code, field, value, have);
            }
        }
    }
}

size_t case_compare(const json_t *c, const json_t *result)
{
    const json_t *expect = json_object_get(c, "expect");
    const json_t *error = json_object_get(result, "error");
    size_t count = 0;
    if (json_object_get(expect, "error")) {
        compare_error(c, json_object_get(expect, "error"), error, &count);
    } else if (error) {
        fail_line(c, &count);
        show("error", "", json_null(), error);
    } else {
        compare_results(c, json_object_get(expect, "results"),
                        json_object_get(result, "results"), &count);
    }
    return count;
}
