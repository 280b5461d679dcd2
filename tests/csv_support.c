/* The helpers of csv_support.h, shared by the test_csv_*.c programs. */
#define _POSIX_C_SOURCE 200809L /* mkdtemp, opendir */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kpi.h"
#include "csv_support.h"

/* ---- Text buffers -------------------------------------------------------- */

static void text_add_n(text *t, const char *bytes, size_t n)
{
    if (t->size + n + 1 > t->capacity) {
        size_t capacity = t->capacity ? t->capacity : 256;
        while (t->size + n + 1 > capacity)
            capacity *= 2;
        char *grown = realloc(t->data, capacity);
        assert_non_null(grown);
        t->data = grown;
        t->capacity = capacity;
    }
    memcpy(t->data + t->size, bytes, n);
    t->size += n;
    t->data[t->size] = '\0';
}

void text_add(text *t, const char *s)
{
    text_add_n(t, s, strlen(s));
}

/* Appends n copies of c. */
void text_add_repeat(text *t, char c, size_t n)
{
    char chunk[4096];
    memset(chunk, c, sizeof chunk);
    while (n > 0) {
        size_t step = n < sizeof chunk ? n : sizeof chunk;
        text_add_n(t, chunk, step);
        n -= step;
    }
}

void text_free(text *t)
{
    free(t->data);
    t->data = NULL;
    t->size = t->capacity = 0;
}

/* The text with every LF turned into CRLF (caller frees). */
char *to_crlf(const char *lf)
{
    text t = {0};
    for (const char *p = lf; *p; p++) {
        if (*p == '\n')
            text_add(&t, "\r\n");
        else
            text_add_n(&t, p, 1);
    }
    return t.data;
}

/* Reads a whole file; fails the test when it cannot. */
char *read_whole_file(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        print_error("cannot open %s\n", path);
        fail();
    }
    text t = {0};
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        text_add_n(&t, buf, n);
    fclose(f);
    if (!t.data)
        text_add(&t, "");
    *size = t.size;
    return t.data;
}

/* Fails, showing both strings, unless needle occurs in haystack. */
void assert_contains(const char *haystack, const char *needle)
{
    if (!strstr(haystack, needle)) {
        print_error("expected \"%s\" in \"%s\"\n", needle, haystack);
        fail();
    }
}

/* ---- Helpers: reading and writing ------------------------------------------ */

kpi_reader *new_reader(void)
{
    kpi_reader *reader = NULL;
    assert_int_equal(kpi_reader_new(&reader), KPI_OK);
    assert_non_null(reader);
    return reader;
}

/* What SENTINEL_PLAN points to. */
max_align_t sentinel_object;

/* Reads bytes through kpi_reader_read_buffers(), each file copied into a
 * buffer of exactly its size (no NUL after it, so that a reader that runs
 * past the end is caught by the sanitizers and valgrind). */
static int read_bytes(kpi_plan **out, kpi_reader *reader, const char *structure,
                      size_t structure_size, const char *progress, size_t progress_size)
{
    char *s = malloc(structure_size ? structure_size : 1);
    char *p = progress ? malloc(progress_size ? progress_size : 1) : NULL;
    assert_non_null(s);
    memcpy(s, structure, structure_size);
    if (progress) {
        assert_non_null(p);
        memcpy(p, progress, progress_size);
    }
    int rc = kpi_reader_read_buffers(out, reader, s, structure_size, p, progress_size);
    free(s);
    free(p);
    return rc;
}

/* Reads NUL-terminated texts with reader (a fresh one when NULL) and
 * fails the test, showing the error, unless the read succeeds. */
kpi_plan *read_ok_with(kpi_reader *reader, const char *structure, const char *progress)
{
    kpi_reader *own = reader ? NULL : new_reader();
    kpi_plan *plan = SENTINEL_PLAN;
    int rc = read_bytes(&plan, reader ? reader : own, structure, strlen(structure),
                        progress, progress ? strlen(progress) : 0);
    if (rc != KPI_OK) {
        print_error("read failed: %s (%s)\n", kpi_error_name(rc), kpi_error_message());
        fail();
    }
    assert_non_null(plan);
    assert_ptr_not_equal(plan, SENTINEL_PLAN);
    kpi_reader_free(own);
    return plan;
}

kpi_plan *read_ok(const char *structure, const char *progress)
{
    return read_ok_with(NULL, structure, progress);
}

kpi_plan *read_files_ok(kpi_reader *reader, const char *structure_path,
                        const char *progress_path)
{
    kpi_reader *own = reader ? NULL : new_reader();
    kpi_plan *plan = SENTINEL_PLAN;
    int rc = kpi_reader_read_files(&plan, reader ? reader : own, structure_path,
                                   progress_path);
    if (rc != KPI_OK) {
        print_error("reading %s failed: %s\n", structure_path, kpi_error_message());
        fail();
    }
    assert_non_null(plan);
    kpi_reader_free(own);
    return plan;
}

written write_ok(kpi_plan *plan, uint32_t flags)
{
    written w = {NULL, 0, NULL, 0};
    assert_int_equal(
        kpi_plan_write_structure(&w.structure, &w.structure_size, plan, flags), KPI_OK);
    assert_int_equal(kpi_plan_write_progress(&w.progress, &w.progress_size, plan, flags),
                     KPI_OK);
    assert_non_null(w.structure);
    assert_non_null(w.progress);
    /* The size excludes the NUL the writer adds for convenience. */
    assert_int_equal(strlen(w.structure), w.structure_size);
    assert_int_equal(w.structure[w.structure_size], '\0');
    assert_int_equal(w.progress[w.progress_size], '\0');
    return w;
}

void written_free(written *w)
{
    kpi_free(w->structure);
    kpi_free(w->progress);
    w->structure = w->progress = NULL;
}

kpi_plan *read_written(kpi_reader *reader, const written *w)
{
    kpi_plan *plan = SENTINEL_PLAN;
    int rc = read_bytes(&plan, reader, w->structure, w->structure_size, w->progress,
                        w->progress_size);
    if (rc != KPI_OK) {
        print_error(
            "reading back failed: %s\n--- structure ---\n%s\n--- progress ---\n%s\n",
            kpi_error_message(), w->structure, w->progress);
        fail();
    }
    return plan;
}

void assert_bytes_equal(const char *what, const char *a, size_t a_size, const char *b,
                        size_t b_size)
{
    if (a_size == b_size && memcmp(a, b, a_size) == 0)
        return;
    size_t at = 0;
    while (at < a_size && at < b_size && a[at] == b[at])
        at++;
    print_error("%s differ (sizes %zu and %zu) from byte %zu:\n--- first ---\n%s\n"
                "--- second ---\n%s\n",
                what, a_size, b_size, at, a + at, b + at);
    fail();
}

void assert_written_equal(const written *a, const written *b)
{
    assert_bytes_equal("structure files", a->structure, a->structure_size, b->structure,
                       b->structure_size);
    assert_bytes_equal("progress files", a->progress, a->progress_size, b->progress,
                       b->progress_size);
}

kpi_target *find_target(kpi_plan *plan, const char *code)
{
    kpi_target *target = NULL;
    if ((target = kpi_plan_find_target(plan, code)) == NULL) {
        print_error("no target \"%s\"\n", code);
        fail();
    }
    return target;
}

kpi_goal *find_goal(kpi_plan *plan, const char *code)
{
    kpi_goal *goal = NULL;
    if ((goal = kpi_plan_find_goal(plan, code)) == NULL) {
        print_error("no goal \"%s\"\n", code);
        fail();
    }
    return goal;
}

/* ---- Helpers: asserting read errors -------------------------------------- */

/* Reads with reader (when NULL, a fresh one expecting encoding) and checks
 * the error: the
 * return code, the last error's code, source, line and column, the
 * message naming "source:line:", the column and the text, no plan in *out,
 * and no warnings left in the reader. */
void check_read_error(kpi_reader *reader, kpi_encoding encoding, const char *structure,
                      size_t structure_size, const char *progress, size_t progress_size,
                      expected e)
{
    kpi_reader *own = reader ? NULL : new_reader();
    if (own)
        assert_int_equal(kpi_reader_set_encoding(own, encoding), KPI_OK);
    kpi_plan *plan = SENTINEL_PLAN;
    kpi_error_clear();
    int rc = read_bytes(&plan, reader ? reader : own, structure, structure_size, progress,
                        progress_size);
    /* Take what the error says, and free what the test holds, before any
     * assertion, so that a failing check leaks nothing. */
    int code = kpi_error_code();
    int32_t line = kpi_error_line();
    int32_t position = kpi_error_column();
    char source[300], message[600];
    snprintf(source, sizeof source, "%s", kpi_error_source());
    snprintf(message, sizeof message, "%s", kpi_error_message());
    size_t warnings = kpi_reader_warning_count(reader ? reader : own);
    kpi_reader_free(own);
    if (rc == KPI_OK && plan != SENTINEL_PLAN)
        kpi_plan_free(plan);

    if (rc != e.code) {
        print_error("expected %s, got %s: %s\n", kpi_error_name(e.code),
                    kpi_error_name(rc), rc ? message : "(no error)");
        fail();
    }
    assert_null(plan);
    assert_int_equal(code, e.code);
    assert_string_equal(source, e.source);
    if (line != e.line) {
        print_error("expected line %d, got %d: %s\n", (int)e.line, (int)line, message);
        fail();
    }
    if (e.position >= 0 && position != e.position) {
        print_error("expected column %d, got %d: %s\n", (int)e.position, (int)position,
                    message);
        fail();
    }
    char where[300];
    snprintf(where, sizeof where, "%s:%d:", e.source, (int)e.line);
    assert_contains(message, where);
    if (e.column) {
        char column[120];
        snprintf(column, sizeof column, "column \"%s\"", e.column);
        assert_contains(message, column);
    }
    if (e.text)
        assert_contains(message, e.text);
    assert_int_equal(warnings, 0);
}

/* A structure file (NUL-terminated) that must fail as e says. */
void structure_error(const char *structure, expected e)
{
    e.source = "structure";
    check_read_error(NULL, KPI_ENCODING_AUTO, structure, strlen(structure), NULL, 0, e);
}

/* A progress file for S_BASE that must fail as e says. */
void progress_error(const char *progress, expected e)
{
    e.source = "progress";
    check_read_error(NULL, KPI_ENCODING_AUTO, S_BASE, strlen(S_BASE), progress,
                     strlen(progress), e);
}

/* ---- Helpers: comparing plans field by field -------------------------------- */

/* The name of the comparison under way, shown with any difference. */
char compare_context[96];

static int doubles_same(double a, double b)
{
    if (isnan(a) || isnan(b))
        return isnan(a) && isnan(b);
    uint64_t x, y;
    memcpy(&x, &a, sizeof x);
    memcpy(&y, &b, sizeof y);
    return x == y;
}

static void same_string(const char *owner, const char *field, const char *a,
                        const char *b)
{
    assert_non_null(a);
    assert_non_null(b);
    if (strcmp(a, b) != 0) {
        print_error("%s: %s %s: \"%s\" != \"%s\"\n", compare_context, owner, field, a, b);
        fail();
    }
}

void same_double(const char *owner, const char *field, double a, double b)
{
    if (!doubles_same(a, b)) {
        print_error("%s: %s %s: %.17g != %.17g\n", compare_context, owner, field, a, b);
        fail();
    }
}

static void same_int(const char *owner, const char *field, long long a, long long b)
{
    if (a != b) {
        print_error("%s: %s %s: %lld != %lld\n", compare_context, owner, field, a, b);
        fail();
    }
}

static void compare_assessment(const char *owner, const kpi_assessment *a,
                               const kpi_assessment *b)
{
    assert_non_null(a);
    assert_non_null(b);
    same_int(owner, "assessment date", kpi_assessment_date(a), kpi_assessment_date(b));
    same_int(owner, "assessment rating", kpi_assessment_rating(a),
             kpi_assessment_rating(b));
    same_string(owner, "assessment comment", kpi_assessment_comment(a),
                kpi_assessment_comment(b));
    same_string(owner, "assessment author", kpi_assessment_author(a),
                kpi_assessment_author(b));
}

static void compare_measurement(const char *owner, const kpi_measurement *a,
                                const kpi_measurement *b)
{
    assert_non_null(a);
    assert_non_null(b);
    same_int(owner, "measurement date", kpi_measurement_date(a), kpi_measurement_date(b));
    same_double(owner, "measurement value", kpi_measurement_value(a),
                kpi_measurement_value(b));
    same_string(owner, "measurement note", kpi_measurement_note(a),
                kpi_measurement_note(b));
    same_string(owner, "measurement author", kpi_measurement_author(a),
                kpi_measurement_author(b));
}

static void compare_target(kpi_target *a, kpi_target *b)
{
    char owner[KPI_MAX_CODE + 16];
    snprintf(owner, sizeof owner, "target \"%s\"", kpi_target_code(a));
    same_string(owner, "code", kpi_target_code(a), kpi_target_code(b));
    same_string(owner, "goal", kpi_goal_code(kpi_target_goal(a)),
                kpi_goal_code(kpi_target_goal(b)));
    same_string(owner, "label", kpi_target_label(a), kpi_target_label(b));
    same_string(owner, "unit", kpi_target_unit(a), kpi_target_unit(b));
    same_string(owner, "text", kpi_target_text(a), kpi_target_text(b));
    same_int(owner, "kind", kpi_target_kind(a), kpi_target_kind(b));
    same_int(owner, "direction", kpi_target_direction(a), kpi_target_direction(b));
    same_int(owner, "schedule", kpi_target_schedule(a), kpi_target_schedule(b));
    same_int(owner, "accumulate", kpi_target_accumulate(a), kpi_target_accumulate(b));
    same_double(owner, "value", kpi_target_value(a), kpi_target_value(b));
    same_double(owner, "start_value", kpi_target_start_value(a),
                kpi_target_start_value(b));
    same_double(owner, "reference", kpi_target_reference(a), kpi_target_reference(b));
    same_double(owner, "change_pct", kpi_target_change_pct(a), kpi_target_change_pct(b));
    same_double(owner, "weight", kpi_target_weight(a), kpi_target_weight(b));
    same_int(owner, "start", kpi_target_start(a), kpi_target_start(b));
    same_int(owner, "due", kpi_target_due(a), kpi_target_due(b));
    size_t n = kpi_target_measurement_count(a);
    same_int(owner, "measurement count", (long long)n,
             (long long)kpi_target_measurement_count(b));
    for (size_t i = 0; i < n; i++)
        compare_measurement(owner, kpi_target_measurement_at(a, i),
                            kpi_target_measurement_at(b, i));
    n = kpi_target_assessment_count(a);
    same_int(owner, "assessment count", (long long)n,
             (long long)kpi_target_assessment_count(b));
    for (size_t i = 0; i < n; i++)
        compare_assessment(owner, kpi_target_assessment_at(a, i),
                           kpi_target_assessment_at(b, i));
}

static const char *parent_code(kpi_goal *goal)
{
    kpi_goal *parent = kpi_goal_parent(goal);
    return parent ? kpi_goal_code(parent) : "";
}

static void compare_goal(kpi_goal *a, kpi_goal *b)
{
    assert_non_null(a);
    assert_non_null(b);
    char owner[KPI_MAX_CODE + 16];
    snprintf(owner, sizeof owner, "goal \"%s\"", kpi_goal_code(a));
    same_string(owner, "code", kpi_goal_code(a), kpi_goal_code(b));
    same_string(owner, "parent", parent_code(a), parent_code(b));
    same_string(owner, "title", kpi_goal_title(a), kpi_goal_title(b));
    same_double(owner, "weight", kpi_goal_weight(a), kpi_goal_weight(b));
    same_int(owner, "depth", kpi_goal_depth(a), kpi_goal_depth(b));
    size_t n = kpi_goal_note_count(a);
    same_int(owner, "note count", (long long)n, (long long)kpi_goal_note_count(b));
    for (size_t i = 0; i < n; i++) {
        same_string(owner, "note", kpi_goal_note_at(a, i), kpi_goal_note_at(b, i));
        same_string(owner, "note code", kpi_goal_note_code_at(a, i),
                    kpi_goal_note_code_at(b, i));
    }
    n = kpi_goal_assessment_count(a);
    same_int(owner, "assessment count", (long long)n,
             (long long)kpi_goal_assessment_count(b));
    for (size_t i = 0; i < n; i++)
        compare_assessment(owner, kpi_goal_assessment_at(a, i),
                           kpi_goal_assessment_at(b, i));
    n = kpi_goal_target_count(a);
    same_int(owner, "target count", (long long)n, (long long)kpi_goal_target_count(b));
    for (size_t i = 0; i < n; i++) {
        assert_non_null(kpi_goal_target_at(a, i));
        assert_non_null(kpi_goal_target_at(b, i));
        compare_target(kpi_goal_target_at(a, i), kpi_goal_target_at(b, i));
    }
    n = kpi_goal_goal_count(a);
    same_int(owner, "child goal count", (long long)n, (long long)kpi_goal_goal_count(b));
    for (size_t i = 0; i < n; i++)
        compare_goal(kpi_goal_goal_at(a, i), kpi_goal_goal_at(b, i));
}

/* Fails unless the two plans agree in every field the public getters show:
 * plan, goals at every depth, targets, measurements, assessments and notes,
 * in order; doubles bitwise (or both NaN). */
void assert_plans_equal(kpi_plan *a, kpi_plan *b)
{
    assert_non_null(a);
    assert_non_null(b);
    const char *owner = "plan";
    same_string(owner, "id", kpi_plan_id(a), kpi_plan_id(b));
    same_string(owner, "title", kpi_plan_title(a), kpi_plan_title(b));
    same_string(owner, "organization", kpi_plan_organization(a),
                kpi_plan_organization(b));
    same_string(owner, "department", kpi_plan_department(a), kpi_plan_department(b));
    same_int(owner, "start", kpi_plan_start(a), kpi_plan_start(b));
    same_int(owner, "end", kpi_plan_end(a), kpi_plan_end(b));
    same_int(owner, "total goals", (long long)kpi_plan_total_goal_count(a),
             (long long)kpi_plan_total_goal_count(b));
    same_int(owner, "total targets", (long long)kpi_plan_total_target_count(a),
             (long long)kpi_plan_total_target_count(b));
    size_t n = kpi_plan_note_count(a);
    same_int(owner, "note count", (long long)n, (long long)kpi_plan_note_count(b));
    for (size_t i = 0; i < n; i++) {
        same_string(owner, "note", kpi_plan_note_at(a, i), kpi_plan_note_at(b, i));
        same_string(owner, "note code", kpi_plan_note_code_at(a, i),
                    kpi_plan_note_code_at(b, i));
    }
    n = kpi_plan_goal_count(a);
    same_int(owner, "goal count", (long long)n, (long long)kpi_plan_goal_count(b));
    for (size_t i = 0; i < n; i++)
        compare_goal(kpi_plan_goal_at(a, i), kpi_plan_goal_at(b, i));
}

/* Writes plan with flags, reads it back and compares it field by field,
 * then writes the copy and compares the bytes with the first writing. */
void assert_round_trip(kpi_plan *plan, uint32_t flags)
{
    kpi_reader *reader = new_reader();
    written first = write_ok(plan, flags);
    kpi_plan *copy = read_written(reader, &first);
    assert_plans_equal(plan, copy);
    written second = write_ok(copy, flags);
    assert_written_equal(&first, &second);
    written_free(&first);
    written_free(&second);
    kpi_plan_free(copy);
    kpi_reader_free(reader);
}

/* ---- Temporary directories ----------------------------------------------- */

char *make_temp_dir(void)
{
    char template[] = "/tmp/kpi-test-csv-XXXXXX";
    assert_non_null(mkdtemp(template));
    char *dir = malloc(sizeof template);
    assert_non_null(dir);
    memcpy(dir, template, sizeof template);
    return dir;
}

char *path_in(const char *dir, const char *name)
{
    size_t size = strlen(dir) + strlen(name) + 2;
    char *path = malloc(size);
    assert_non_null(path);
    snprintf(path, size, "%s/%s", dir, name);
    return path;
}

/* The names in dir other than . and .., sorted, joined with "|". */
char *list_dir(const char *dir)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    char *names[64];
    size_t count = 0;
    struct dirent *entry;
    while ((entry = readdir(d)) != NULL) {
        if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0)
            continue;
        assert_true(count < 64);
        names[count] = malloc(strlen(entry->d_name) + 1);
        assert_non_null(names[count]);
        strcpy(names[count++], entry->d_name);
    }
    closedir(d);
    for (size_t i = 1; i < count; i++)
        for (size_t j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
            char *swap = names[j];
            names[j] = names[j - 1];
            names[j - 1] = swap;
        }
    text t = {0};
    text_add(&t, "");
    for (size_t i = 0; i < count; i++) {
        if (i)
            text_add(&t, "|");
        text_add(&t, names[i]);
        free(names[i]);
    }
    return t.data;
}

/* Removes dir and the plain files and empty directories in it. */
void remove_dir(const char *dir)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    struct dirent *entry;
    while ((entry = readdir(d)) != NULL) {
        if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0)
            continue;
        char *path = path_in(dir, entry->d_name);
        if (remove(path) != 0)
            print_error("cannot remove %s\n", path);
        free(path);
    }
    closedir(d);
    assert_int_equal(rmdir(dir), 0);
}
