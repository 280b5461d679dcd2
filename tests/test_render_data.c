/*
 * test_render_data.c: the JSON and CSV reports of kpi_evaluation_render().
 *
 * - Golden files: the seed (examples/data) rated as of 2017-09-30 with the
 *   default policy, rendered as JSON in Japanese and English and as CSV,
 *   must equal tests/data/golden/seed.json, seed-en.json and seed.csv.
 *   KPI_UPDATE_GOLDEN=1 rewrites them and fails, so that a rewrite is never
 *   mistaken for a pass: check the new files by eye, then run again.
 * - JSON validity: every document is read back by a strict recursive
 *   descent parser written here (structure, strings, escapes, UTF-8,
 *   numbers), which also decodes strings so that titles with quotes,
 *   backslashes, control characters, Japanese and emoji must come back
 *   byte for byte.
 * - CSV: read back with libcsv, every row as wide as the header, values of
 *   the worked example 3-2-a, awkward titles surviving.
 * Run from the repository root (ctest does).
 */
#define _POSIX_C_SOURCE 200809L

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <csv.h>
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "kpi.h"
#include "check.h"
#include "render_support.h"
#include "seed.h"

#define AS_OF 20170930
#define GOLDEN_DIR "tests/data/golden/"
#define CSV_COLUMNS 51
#define BOM "\xEF\xBB\xBF"

/* ------------------------------------------------------------------------ */
/* Evaluations and renders                                                  */
/* ------------------------------------------------------------------------ */

static kpi_evaluation *evaluate_seed(void)
{
    kpi_evaluation *ev = seed_evaluation(AS_OF);
    assert_non_null(ev);
    return ev;
}

static char *render(const kpi_evaluation *ev, kpi_format format, kpi_lang lang)
{
    char *out = NULL;
    size_t size = 0;
    int rc = kpi_evaluation_render(&out, &size, ev, format, lang);
    if (rc != KPI_OK)
        fail_msg("render %s: %s", kpi_format_name(format), kpi_error_message());
    assert_non_null(out);
    assert_int_equal(size, strlen(out));
    return out;
}

/* ------------------------------------------------------------------------ */
/* A strict JSON reader (RFC 8259)                                          */
/* ------------------------------------------------------------------------ */

struct json_reader {
    const char *s;
    size_t n, i;
    int depth;
    const char *find; /* a string to look for among the decoded ones */
    int found;
    char *text; /* the string being decoded */
    size_t length, capacity;
};

static int json_value(struct json_reader *p);

static void json_space(struct json_reader *p)
{
    while (p->i < p->n && strchr(" \t\n\r", p->s[p->i]) && p->s[p->i])
        p->i++;
}

static int json_eat(struct json_reader *p, char c)
{
    json_space(p);
    if (p->i < p->n && p->s[p->i] == c) {
        p->i++;
        return 1;
    }
    return 0;
}

static void json_put(struct json_reader *p, unsigned char c)
{
    if (p->length + 2 > p->capacity) {
        p->capacity = p->capacity ? p->capacity * 2 : 64;
        p->text = realloc(p->text, p->capacity);
        assert_non_null(p->text);
    }
    p->text[p->length++] = (char)c;
    p->text[p->length] = '\0';
}

static void json_put_code_point(struct json_reader *p, unsigned long cp)
{
    if (cp < 0x80) {
        json_put(p, (unsigned char)cp);
    } else if (cp < 0x800) {
        json_put(p, (unsigned char)(0xC0 | cp >> 6));
        json_put(p, (unsigned char)(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        json_put(p, (unsigned char)(0xE0 | cp >> 12));
        json_put(p, (unsigned char)(0x80 | (cp >> 6 & 0x3F)));
        json_put(p, (unsigned char)(0x80 | (cp & 0x3F)));
    } else {
        json_put(p, (unsigned char)(0xF0 | cp >> 18));
        json_put(p, (unsigned char)(0x80 | (cp >> 12 & 0x3F)));
        json_put(p, (unsigned char)(0x80 | (cp >> 6 & 0x3F)));
        json_put(p, (unsigned char)(0x80 | (cp & 0x3F)));
    }
}

static int json_hex4(struct json_reader *p, unsigned long *cp)
{
    *cp = 0;
    for (int k = 0; k < 4; k++, p->i++) {
        if (p->i >= p->n || !isxdigit((unsigned char)p->s[p->i]))
            return 0;
        char digit[2] = {p->s[p->i], '\0'};
        *cp = *cp * 16 + strtoul(digit, NULL, 16);
    }
    return 1;
}

/* \uXXXX, with a surrogate pair read as one code point. */
static int json_unicode(struct json_reader *p)
{
    unsigned long cp, low;
    if (!json_hex4(p, &cp) || (cp >= 0xDC00 && cp <= 0xDFFF))
        return 0;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
        if (p->i + 2 > p->n || p->s[p->i] != '\\' || p->s[p->i + 1] != 'u')
            return 0;
        p->i += 2;
        if (!json_hex4(p, &low) || low < 0xDC00 || low > 0xDFFF)
            return 0;
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    json_put_code_point(p, cp);
    return 1;
}

static int json_escape(struct json_reader *p)
{
    static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
    if (p->i >= p->n)
        return 0;
    char c = p->s[p->i++];
    if (c == 'u')
        return json_unicode(p);
    const char *at = strchr(from, c);
    if (!at || !c)
        return 0;
    json_put(p, (unsigned char)to[at - from]);
    return 1;
}

/* One raw UTF-8 character (RFC 3629: no overlong forms, no surrogates). */
static int json_utf8(struct json_reader *p)
{
    const unsigned char *u = (const unsigned char *)p->s + p->i;
    size_t len = u[0] >= 0xF0 ? 4 : u[0] >= 0xE0 ? 3 : u[0] >= 0xC2 ? 2 : 0;
    if (len == 0 || u[0] > 0xF4 || p->i + len > p->n)
        return 0;
    for (size_t k = 1; k < len; k++)
        if ((u[k] & 0xC0) != 0x80)
            return 0;
    if ((u[0] == 0xE0 && u[1] < 0xA0) || (u[0] == 0xED && u[1] >= 0xA0) ||
        (u[0] == 0xF0 && u[1] < 0x90) || (u[0] == 0xF4 && u[1] >= 0x90))
        return 0;
    for (size_t k = 0; k < len; k++)
        json_put(p, u[k]);
    p->i += len;
    return 1;
}

static int json_string(struct json_reader *p)
{
    if (!json_eat(p, '"'))
        return 0;
    p->length = 0;
    json_put(p, 0); /* text is "" from here on, even for an empty string */
    p->length = 0;
    while (p->i < p->n) {
        unsigned char c = (unsigned char)p->s[p->i];
        if (c == '"') {
            p->i++;
            p->found += p->find && strcmp(p->text, p->find) == 0;
            return 1;
        }
        if (c < 0x20)
            return 0;
        if (c == '\\') {
            p->i++;
            if (!json_escape(p))
                return 0;
        } else if (c < 0x80) {
            json_put(p, c);
            p->i++;
        } else if (!json_utf8(p)) {
            return 0;
        }
    }
    return 0;
}

static size_t json_digits(struct json_reader *p)
{
    size_t start = p->i;
    while (p->i < p->n && isdigit((unsigned char)p->s[p->i]))
        p->i++;
    return p->i - start;
}

/* -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
static int json_number(struct json_reader *p)
{
    p->i += p->i < p->n && p->s[p->i] == '-';
    if (p->i < p->n && p->s[p->i] == '0')
        p->i++;
    else if (json_digits(p) == 0)
        return 0;
    if (p->i < p->n && p->s[p->i] == '.') {
        p->i++;
        if (json_digits(p) == 0)
            return 0;
    }
    if (p->i < p->n && (p->s[p->i] == 'e' || p->s[p->i] == 'E')) {
        p->i++;
        p->i += p->i < p->n && (p->s[p->i] == '+' || p->s[p->i] == '-');
        if (json_digits(p) == 0)
            return 0;
    }
    return 1;
}

static int json_literal(struct json_reader *p, const char *word)
{
    size_t len = strlen(word);
    if (p->i + len > p->n || strncmp(p->s + p->i, word, len) != 0)
        return 0;
    p->i += len;
    return 1;
}

static int json_array(struct json_reader *p)
{
    if (json_eat(p, ']'))
        return 1;
    do {
        if (!json_value(p))
            return 0;
    } while (json_eat(p, ','));
    return json_eat(p, ']');
}

static int json_object(struct json_reader *p)
{
    if (json_eat(p, '}'))
        return 1;
    do {
        if (!json_string(p) || !json_eat(p, ':') || !json_value(p))
            return 0;
    } while (json_eat(p, ','));
    return json_eat(p, '}');
}

static int json_value(struct json_reader *p)
{
    json_space(p);
    if (p->i >= p->n || p->depth > 64)
        return 0;
    char c = p->s[p->i];
    if (c == '"')
        return json_string(p);
    if (c == '{' || c == '[') {
        p->i++;
        p->depth++;
        int ok = c == '{' ? json_object(p) : json_array(p);
        p->depth--;
        return ok;
    }
    if (c == '-' || isdigit((unsigned char)c))
        return json_number(p);
    return json_literal(p, "true") || json_literal(p, "false") || json_literal(p, "null");
}

/* Fails unless text is one valid JSON value; returns how many of its
 * strings (keys included) decode to find. */
static int json_check(const char *text, const char *find)
{
    struct json_reader p = {text, strlen(text), 0, 0, find, 0, NULL, 0, 0};
    int ok = json_value(&p);
    json_space(&p);
    free(p.text);
    if (!ok || p.i != p.n)
        fail_msg("invalid JSON at byte %zu: \"%.40s\"", p.i, text + p.i);
    return p.found;
}

/* ------------------------------------------------------------------------ */
/* CSV read back with libcsv                                                */
/* ------------------------------------------------------------------------ */

struct csv_row {
    char **cells;
    size_t count;
};

struct data_table {
    struct csv_row *rows;
    size_t count;
    struct csv_row current;
};

static void on_cell(void *data, size_t size, void *table)
{
    struct csv_row *row = &((struct data_table *)table)->current;
    row->cells = realloc(row->cells, (row->count + 1) * sizeof *row->cells);
    assert_non_null(row->cells);
    char *cell = malloc(size + 1);
    assert_non_null(cell);
    memcpy(cell, data ? data : "", size);
    cell[size] = '\0';
    row->cells[row->count++] = cell;
}

static void on_row(int terminator, void *data)
{
    (void)terminator;
    struct data_table *t = data;
    t->rows = realloc(t->rows, (t->count + 1) * sizeof *t->rows);
    assert_non_null(t->rows);
    t->rows[t->count++] = t->current;
    t->current.cells = NULL;
    t->current.count = 0;
}

static void csv_table_free(struct data_table *t)
{
    for (size_t r = 0; r < t->count; r++) {
        for (size_t c = 0; c < t->rows[r].count; c++)
            free(t->rows[r].cells[c]);
        free(t->rows[r].cells);
    }
    free(t->rows);
}

/* Checks the BOM and the CRLF after the header, then parses strictly. */
static struct data_table csv_read_back(const char *text)
{
    struct data_table t = {NULL, 0, {NULL, 0}};
    assert_non_null(strstr(text, "open,days_open,overdue\r\n"));
    assert_int_equal(text[strlen(text) - 2], '\r');
    csv_parse_report(text, on_cell, on_row, &t);
    return t;
}

static size_t column_of(const struct data_table *t, const char *name)
{
    for (size_t c = 0; c < t->rows[0].count; c++)
        if (strcmp(t->rows[0].cells[c], name) == 0)
            return c;
    fail_msg("no column %s", name);
    return 0;
}

static const struct csv_row *row_of(const struct data_table *t, const char *code)
{
    for (size_t r = 1; r < t->count; r++)
        if (strcmp(t->rows[r].cells[1], code) == 0)
            return &t->rows[r];
    fail_msg("no row %s", code);
    return NULL;
}

static const char *cell_of(const struct data_table *t, const char *code, const char *name)
{
    return row_of(t, code)->cells[column_of(t, name)];
}

/* ------------------------------------------------------------------------ */
/* Golden files                                                             */
/* ------------------------------------------------------------------------ */

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *data = NULL;
    size_t size = 0, capacity = 0, got;
    do {
        capacity += 65536;
        data = realloc(data, capacity + 1);
        assert_non_null(data);
        got = fread(data + size, 1, capacity - size, f);
        size += got;
    } while (size == capacity);
    fclose(f);
    data[size] = '\0';
    return data;
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
    assert_int_equal(fclose(f), 0);
}

/* The first line where got and want differ, for the failure message. */
static size_t first_difference(const char *got, const char *want, size_t *line)
{
    size_t i = 0;
    *line = 1;
    while (got[i] && got[i] == want[i])
        *line += got[i++] == '\n';
    while (i > 0 && got[i - 1] != '\n')
        i--;
    return i;
}

/* Frees got. */
static void check_golden(const char *name, char *got)
{
    char path[256];
    snprintf(path, sizeof path, GOLDEN_DIR "%s", name);
    const char *update = getenv("KPI_UPDATE_GOLDEN");
    if (update && strcmp(update, "1") == 0) {
        write_file(path, got);
        kpi_free(got);
        fail_msg("%s rewritten because KPI_UPDATE_GOLDEN=1: check it by eye against "
                 "the spec's worked examples, then run again without the variable",
                 path);
    }
    char *want = read_file(path);
    if (!want) {
        kpi_free(got);
        fail_msg("%s is missing: run with KPI_UPDATE_GOLDEN=1 to write it", path);
    }
    int same = strcmp(got, want) == 0;
    size_t line = 0;
    size_t at = same ? 0 : first_difference(got, want, &line);
    char got_line[160], want_line[160];
    snprintf(got_line, sizeof got_line, "%.*s", (int)strcspn(got + at, "\n"), got + at);
    snprintf(want_line, sizeof want_line, "%.*s", (int)strcspn(want + at, "\n"),
             want + at);
    kpi_free(got);
    free(want);
    if (!same)
        fail_msg("differs from %s at line %zu:\n got: %s\nwant: %s\n(KPI_UPDATE_GOLDEN=1 "
                 "rewrites it)",
                 path, line, got_line, want_line);
}

/* ------------------------------------------------------------------------ */
/* JSON snippets                                                            */
/* ------------------------------------------------------------------------ */

/* The text of one node's own members: from its "code" to the next node's. */
static char *node_text(const char *json, const char *code)
{
    char key[64];
    snprintf(key, sizeof key, "\"code\": \"%s\",", code);
    const char *start = strstr(json, key);
    if (!start)
        fail_msg("no node %s", code);
    const char *end = strstr(start + 1, "\"code\": ");
    size_t n = end ? (size_t)(end - start) : strlen(start);
    char *text = malloc(n + 1);
    assert_non_null(text);
    memcpy(text, start, n);
    text[n] = '\0';
    return text;
}

static void assert_member(const char *json, const char *code, const char *member)
{
    char *text = node_text(json, code);
    int found = strstr(text, member) != NULL;
    free(text);
    if (!found)
        fail_msg("node %s lacks %s", code, member);
}

/* The number a node's member holds, as strtod reads the text. */
static double json_number_of(const char *json, const char *code, const char *name)
{
    char key[64];
    snprintf(key, sizeof key, "\"%s\": ", name);
    char *text = node_text(json, code);
    const char *at = strstr(text, key);
    char *end = NULL;
    double value = at ? strtod(at + strlen(key), &end) : 0;
    int ok = at && end != at + strlen(key) && *end == ',';
    free(text);
    if (!ok)
        fail_msg("node %s has no number %s", code, name);
    return value;
}

/* Every number of result code in the JSON is exactly the evaluation's. */
static void assert_numbers_exact(const char *json, const kpi_evaluation *ev,
                                 const char *code)
{
    const kpi_result *r;
    assert_non_null(r = kpi_evaluation_find(ev, code));
    assert_true(json_number_of(json, code, "actual") == kpi_result_actual(r));
    assert_true(json_number_of(json, code, "expected") == kpi_result_expected(r));
    assert_true(json_number_of(json, code, "target") == kpi_result_value(r));
    assert_true(json_number_of(json, code, "start_value") == kpi_result_start_value(r));
    assert_true(json_number_of(json, code, "elapsed") == kpi_result_elapsed(r));
    assert_true(json_number_of(json, code, "pace") == kpi_result_pace(r));
    assert_true(json_number_of(json, code, "achievement") == kpi_result_achievement(r));
}

/* A copy of json with the contents of its strings left out, so that what
 * remains is punctuation, keys' quotes, numbers and literals. */
static char *outside_strings(const char *json)
{
    char *copy = malloc(strlen(json) + 1), *w = copy;
    assert_non_null(copy);
    int in_string = 0;
    for (const char *s = json; *s; s++) {
        if (in_string && *s == '\\' && s[1]) {
            s++;
            continue;
        }
        if (*s == '"')
            in_string = !in_string;
        if (!in_string || *s == '"')
            *w++ = *s;
    }
    *w = '\0';
    return copy;
}

static int contains_nocase(const char *text, const char *word)
{
    size_t n = strlen(word);
    for (; *text; text++)
        if (strncasecmp(text, word, n) == 0)
            return 1;
    return 0;
}

/* No number in the document is NaN or infinite: neither as a bare token
 * (which json_check refuses anyway) nor in any spelling. */
static void assert_json_finite(const char *json)
{
    char *bare = outside_strings(json);
    int bad = contains_nocase(bare, "nan") || contains_nocase(bare, "inf");
    free(bare);
    if (bad)
        fail_msg("a NaN or an infinity outside strings");
}

/* Every numeric cell is empty or a finite number, read in full. */
static void assert_csv_finite(const struct data_table *t)
{
    static const char *const columns[] = {"actual",      "expected", "target",
                                          "start_value", "elapsed",  "pace",
                                          "achievement", "weight"};
    for (size_t r = 1; r < t->count; r++) {
        for (size_t k = 0; k < sizeof columns / sizeof *columns; k++) {
            const char *cell = t->rows[r].cells[column_of(t, columns[k])];
            char *end;
            double value = strtod(cell, &end);
            if (*cell && (*end || !isfinite(value)))
                fail_msg("row %zu: %s is \"%s\"", r, columns[k], cell);
        }
    }
}

/* ------------------------------------------------------------------------ */
/* Hand-built plans                                                         */
/* ------------------------------------------------------------------------ */

/* Titles that JSON must escape and CSV must quote. */
#define TITLE_QUOTES "say \"hi\" \\ back\\slash"
#define TITLE_CONTROL "ctl\x01 tab\t nl\n cr\r bs\b ff\f us\x1f del\x7f"
#define TITLE_UNICODE "移住・定住 😀 ◎○△× é"
#define TITLE_CSV "a, \"b\"\nc, end "

static kpi_evaluation *evaluate_tricky(void)
{
    kpi_plan *plan;
    kpi_goal *goal;
    kpi_target *t;
    kpi_evaluation *ev;
    assert_int_equal(kpi_plan_new(&plan, "tricky"), KPI_OK);
    assert_int_equal(kpi_plan_set_fiscal_year(plan, 2017), KPI_OK);
    assert_int_equal(kpi_plan_set_title(plan, TITLE_UNICODE), KPI_OK);
    assert_int_equal(kpi_plan_add_note(plan, NULL, TITLE_CONTROL), KPI_OK);
    assert_non_null(goal = kpi_plan_add_goal(plan, "g", TITLE_QUOTES));
    assert_non_null(t = kpi_goal_add_target(goal, "t1", TITLE_CONTROL));
    assert_int_equal(kpi_target_set_value(t, 10), KPI_OK);
    assert_int_equal(kpi_target_set_unit(t, "件\"'"), KPI_OK);
    assert_non_null(kpi_target_add_measurement(t, AS_OF, 7, NULL));
    assert_non_null(t = kpi_goal_add_target(goal, "t2", TITLE_CSV));
    assert_int_equal(kpi_target_set_text(t, TITLE_UNICODE), KPI_OK);
    assert_int_equal(kpi_evaluate(&ev, plan, AS_OF, NULL), KPI_OK);
    kpi_plan_free(plan);
    return ev;
}

/* Every way a value can be missing: no figure, no target value, a
 * qualitative target, nothing due yet, and values so large that the
 * arithmetic overflows. */
static kpi_evaluation *evaluate_missing(void)
{
    kpi_plan *plan;
    kpi_goal *goal;
    kpi_target *t;
    kpi_evaluation *ev;
    assert_int_equal(kpi_plan_new(&plan, "missing"), KPI_OK);
    assert_int_equal(kpi_plan_set_fiscal_year(plan, 2017), KPI_OK);
    assert_non_null(goal = kpi_plan_add_goal(plan, "g", "goal"));
    assert_non_null(t = kpi_goal_add_target(goal, "no-data", "x"));
    assert_int_equal(kpi_target_set_value(t, 8), KPI_OK);
    assert_non_null(t = kpi_goal_add_target(goal, "incomplete", "x"));
    assert_non_null(kpi_target_add_measurement(t, AS_OF, 3, NULL));
    assert_non_null(t = kpi_goal_add_target(goal, "qualitative", "x"));
    assert_int_equal(kpi_target_set_kind(t, KPI_KIND_QUALITATIVE), KPI_OK);
    assert_non_null(t = kpi_goal_add_target(goal, "not-due", "x"));
    assert_int_equal(kpi_target_set_kind(t, KPI_KIND_MILESTONE), KPI_OK);
    assert_int_equal(kpi_target_set_due(t, 20171130), KPI_OK);
    assert_non_null(kpi_target_add_measurement(t, AS_OF, 0, NULL));
    assert_non_null(t = kpi_goal_add_target(goal, "huge", "x"));
    assert_int_equal(kpi_target_set_start_value(t, -1.7e308), KPI_OK);
    assert_int_equal(kpi_target_set_value(t, 1.7e308), KPI_OK);
    assert_non_null(kpi_target_add_measurement(t, AS_OF, 1.7e308, NULL));
    assert_non_null(goal = kpi_plan_add_goal(plan, "empty", "goal"));
    assert_int_equal(kpi_evaluate(&ev, plan, AS_OF, NULL), KPI_OK);
    kpi_plan_free(plan);
    return ev;
}

/* ------------------------------------------------------------------------ */
/* Tests: golden files                                                      */
/* ------------------------------------------------------------------------ */

static void json_seed_ja_golden(void **state)
{
    (void)state;
    kpi_evaluation *ev = evaluate_seed();
    char *json = render(ev, KPI_FORMAT_JSON, KPI_LANG_JA);
    kpi_evaluation_free(ev);
    json_check(json, NULL);
    check_golden("seed.json", json);
}

static void json_seed_en_golden(void **state)
{
    (void)state;
    kpi_evaluation *ev = evaluate_seed();
    char *json = render(ev, KPI_FORMAT_JSON, KPI_LANG_EN);
    kpi_evaluation_free(ev);
    json_check(json, NULL);
    check_golden("seed-en.json", json);
}

static void csv_seed_golden(void **state)
{
    (void)state;
    kpi_evaluation *ev = evaluate_seed();
    char *csv = render(ev, KPI_FORMAT_CSV, KPI_LANG_JA);
    kpi_evaluation_free(ev);
    check_golden("seed.csv", csv);
}

/* ------------------------------------------------------------------------ */
/* Tests: JSON                                                              */
/* ------------------------------------------------------------------------ */

/* The spec's worked examples, as the JSON states them. */
static void json_seed_worked_examples(void **state)
{
    (void)state;
    kpi_evaluation *ev = evaluate_seed();
    char *json = render(ev, KPI_FORMAT_JSON, KPI_LANG_JA);
    assert_numbers_exact(json, ev, "3-2-a");
    assert_numbers_exact(json, ev, "3-1-b");
    assert_numbers_exact(json, ev, "4-2-a");
    kpi_evaluation_free(ev);
    assert_non_null(strstr(json, "{\n  \"format_version\": 3,\n"));
    assert_non_null(strstr(json, "\"as_of\": \"2017-09-30\""));
    assert_member(json, "3-2-a", "\"rating\": \"◎\",");
    assert_member(json, "3-2-a", "\"rating_name\": \"ahead\",");
    assert_member(json, "3-2-a", "\"actual\": 32,");
    /* E = 30 * 183/365 = 15.04109589041096, give or take the last bit. */
    assert_true(fabs(json_number_of(json, "3-2-a", "expected") - 5490.0 / 365) < 1e-12);
    assert_member(json, "3-2-a", "\"pace\": 2.127");
    assert_member(json, "3-2-a", "\"achievement\": 1.0666666666666667,");
    assert_member(json, "3-2-a", "\"unrated_reason\": null,");
    assert_member(json, "3-2-a",
                  "\"reason\": \"32件 / 目標30件以上 (107%), 期待値15.0 "
                  "(経過50%) → ◎\",");
    assert_member(json, "3-3-c", "\"rating\": null,");
    assert_member(json, "3-3-c", "\"unrated_reason\": \"NO_DATA\",");
    assert_member(json, "3-3-c", "\"unrated_label\": \"実績なし\",");
    assert_member(json, "3-3-c", "\"actual\": null,");
    /* 3-3-b reports 準備中 (contract v2): △, no longer the × of an invented 0. */
    assert_member(json, "3-3", "\"rating\": \"△\",");
    assert_member(json, "3", "\"rating\": \"△\",");
    assert_member(json, "3", "\"kind\": \"goal\",");
    assert_member(json, "ueda-2017", "\"kind\": \"plan\",");
    kpi_free(json);
}

static void json_escapes_and_round_trips(void **state)
{
    (void)state;
    kpi_evaluation *ev = evaluate_tricky();
    for (int lang = KPI_LANG_JA; lang <= KPI_LANG_EN; lang++) {
        char *json = render(ev, KPI_FORMAT_JSON, (kpi_lang)lang);
        assert_int_equal(json_check(json, TITLE_QUOTES), 1);
        assert_int_equal(json_check(json, TITLE_CONTROL), 2); /* note and t1 */
        assert_int_equal(json_check(json, TITLE_UNICODE), 2); /* plan and t2's text */
        assert_int_equal(json_check(json, TITLE_CSV), 1);
        assert_non_null(strstr(json, "\"title\": \"say \\\"hi\\\" \\\\ back\\\\slash\""));
        assert_non_null(strstr(json, "\"ctl\\u0001 tab\\t nl\\n cr\\r bs\\b ff\\f "
                                     "us\\u001f del\x7f\""));
        assert_non_null(strstr(json, "\"title\": \"" TITLE_UNICODE "\""));
        assert_non_null(strstr(json, "\"unit\": \"件\\\"'\""));
        kpi_free(json);
    }
    kpi_evaluation_free(ev);
}

/* Text that is not UTF-8 never gets into a plan (the setters refuse it),
 * so no report can be made invalid by it. */
static void json_invalid_utf8_refused(void **state)
{
    (void)state;
    kpi_plan *plan;
    kpi_goal *goal = NULL;
    assert_int_equal(kpi_plan_new(&plan, "bad"), KPI_OK);
    REFUSED_NULL(KPI_ERR_ENCODING, goal = kpi_plan_add_goal(plan, "g",
                                                            "a\xff"
                                                            "b\xc3(\xe6\x97"
                                                            "c\xed\xa0\x80"));
    assert_null(goal);
    assert_int_equal(kpi_plan_goal_count(plan), 0);
    assert_non_null(goal = kpi_plan_add_goal(plan, "g", "ok"));
    assert_int_equal(kpi_goal_set_title(goal, "\xed\xa0\x80"), KPI_ERR_ENCODING);
    assert_string_equal(kpi_goal_title(goal), "ok");
    kpi_plan_free(plan);
}

/* NaN and infinities have no JSON form: null, and an empty CSV cell. */
static void no_nan_or_inf(void **state)
{
    (void)state;
    kpi_evaluation *ev = evaluate_missing();
    static const char *const unrated[][2] = {
        {"no-data", "NO_DATA"},
        {"incomplete", "INCOMPLETE"},
        {"qualitative", "QUALITATIVE"},
        {"not-due", "NOT_DUE"},
    };
    for (int lang = KPI_LANG_JA; lang <= KPI_LANG_EN; lang++) {
        char *json = render(ev, KPI_FORMAT_JSON, (kpi_lang)lang);
        char *csv = render(ev, KPI_FORMAT_CSV, (kpi_lang)lang);
        json_check(json, NULL);
        assert_json_finite(json);
        for (size_t i = 0; i < 4; i++) {
            char member[64];
            snprintf(member, sizeof member, "\"unrated_reason\": \"%s\",", unrated[i][1]);
            assert_member(json, unrated[i][0], member);
            assert_member(json, unrated[i][0], "\"pace\": null,");
            assert_member(json, unrated[i][0], "\"achievement\": null,");
        }
        assert_member(json, "no-data", "\"actual\": null,");
        assert_member(json, "qualitative", "\"target\": null,");
        assert_member(json, "empty", "\"unrated_reason\": \"NO_RATED_CHILDREN\",");
        assert_member(json, "empty", "\"children\": []");
        assert_member(json, "huge", "\"expected\": null,"); /* infinite */
        struct data_table t = csv_read_back(csv);
        assert_csv_finite(&t);
        assert_string_equal(cell_of(&t, "huge", "expected"), "");
        assert_string_equal(cell_of(&t, "no-data", "actual"), "");
        assert_string_equal(cell_of(&t, "no-data", "rating"), "");
        assert_string_equal(cell_of(&t, "no-data", "unrated_reason"), "NO_DATA");
        assert_string_equal(cell_of(&t, "qualitative", "target"), "");
        csv_table_free(&t);
        kpi_free(json);
        kpi_free(csv);
    }
    kpi_evaluation_free(ev);
}

/* ------------------------------------------------------------------------ */
/* Tests: CSV                                                               */
/* ------------------------------------------------------------------------ */

static void csv_seed_read_back(void **state)
{
    (void)state;
    kpi_evaluation *ev = evaluate_seed();
    char *csv = render(ev, KPI_FORMAT_CSV, KPI_LANG_JA);
    /* A row per result, then one per directive. */
    size_t results = kpi_evaluation_result_count(ev) + kpi_evaluation_directive_count(ev);
    kpi_evaluation_free(ev);
    struct data_table t = csv_read_back(csv);
    kpi_free(csv);
    assert_int_equal(t.count, results + 1);
    assert_int_equal(t.rows[0].count, CSV_COLUMNS);
    for (size_t r = 1; r < t.count; r++)
        if (t.rows[r].count != t.rows[0].count)
            fail_msg("row %zu has %zu cells, the header %zu", r, t.rows[r].count,
                     t.rows[0].count);
    assert_string_equal(t.rows[1].cells[0], "plan");
    assert_string_equal(t.rows[1].cells[1], "ueda-2017");
    assert_string_equal(cell_of(&t, "3-2-a", "actual"), "32");
    assert_string_equal(cell_of(&t, "3-2-a", "rating"), "◎");
    assert_string_equal(cell_of(&t, "3-2-a", "achievement"), "1.0666666666666667");
    assert_true(fabs(strtod(cell_of(&t, "3-2-a", "expected"), NULL) - 5490.0 / 365) <
                1e-12);
    assert_string_equal(cell_of(&t, "3-2-a", "pace"), "2.1275045537340618");
    assert_string_equal(cell_of(&t, "3-2-a", "parent"), "3-2");
    assert_string_equal(cell_of(&t, "3-2-a", "count_ahead"), "");
    assert_string_equal(cell_of(&t, "3-3-c", "unrated_reason"), "NO_DATA");
    assert_string_equal(cell_of(&t, "3-3-c", "actual"), "");
    assert_string_equal(cell_of(&t, "3", "rating"), "△");
    assert_string_equal(cell_of(&t, "3", "count_on_track"), "1");
    assert_string_equal(cell_of(&t, "3", "target_kind"), "");
    csv_table_free(&t);
}

/* The header is English in every language; the words in the cells are not. */
static void csv_header_is_english(void **state)
{
    (void)state;
    static const char header[] =
        BOM "kind,code,parent,depth,title,text,unit,rating,rating_name,computed_rating,"
            "assessed,mismatch,assessment_date,unrated_reason,unrated_label,target_kind,"
            "direction,actual,expected,target,start_value,elapsed,pace,achievement,"
            "measured,start,due,weight,count_ahead,count_on_track,count_behind,"
            "count_not_progressed,count_unrated,reason,inferred,status,status_label,"
            "planned,status_date,update_date,update_status,update_planned,update_text,"
            "figure_inferred,cancelled,issuer,issued,goals,open,days_open,overdue\r\n";
    kpi_evaluation *ev = evaluate_seed();
    for (int lang = KPI_LANG_JA; lang <= KPI_LANG_EN; lang++) {
        char *csv = render(ev, KPI_FORMAT_CSV, (kpi_lang)lang);
        assert_memory_equal(csv, header, sizeof header - 1);
        struct data_table t = csv_read_back(csv);
        assert_string_equal(cell_of(&t, "3-3-c", "unrated_label"),
                            lang == KPI_LANG_JA ? "実績なし" : "no figure reported");
        csv_table_free(&t);
        kpi_free(csv);
    }
    kpi_evaluation_free(ev);
}

static void csv_awkward_titles_survive(void **state)
{
    (void)state;
    kpi_evaluation *ev = evaluate_tricky();
    char *csv = render(ev, KPI_FORMAT_CSV, KPI_LANG_JA);
    kpi_evaluation_free(ev);
    struct data_table t = csv_read_back(csv);
    kpi_free(csv);
    assert_int_equal(t.count, 5); /* header, plan, goal, two targets */
    for (size_t r = 0; r < t.count; r++)
        assert_int_equal(t.rows[r].count, CSV_COLUMNS);
    assert_string_equal(cell_of(&t, "t2", "title"), TITLE_CSV);
    assert_string_equal(cell_of(&t, "t2", "text"), TITLE_UNICODE);
    assert_string_equal(cell_of(&t, "t1", "title"), TITLE_CONTROL);
    assert_string_equal(cell_of(&t, "g", "title"), TITLE_QUOTES);
    assert_string_equal(cell_of(&t, "t1", "unit"), "件\"'");
    assert_string_equal(cell_of(&t, "tricky", "title"), TITLE_UNICODE);
    assert_string_equal(cell_of(&t, "t1", "parent"), "g");
    assert_string_equal(cell_of(&t, "g", "parent"), "tricky");
    csv_table_free(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(json_seed_ja_golden),
        cmocka_unit_test(json_seed_en_golden),
        cmocka_unit_test(csv_seed_golden),
        cmocka_unit_test(json_seed_worked_examples),
        cmocka_unit_test(json_escapes_and_round_trips),
        cmocka_unit_test(json_invalid_utf8_refused),
        cmocka_unit_test(no_nan_or_inf),
        cmocka_unit_test(csv_seed_read_back),
        cmocka_unit_test(csv_header_is_english),
        cmocka_unit_test(csv_awkward_titles_survive),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
