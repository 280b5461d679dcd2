/* Tests of plan files (the csv-format contract and kpi/csv.h): reading the
 * seed plan, round trips (fixed and property-based), numbers, encodings,
 * CSV syntax and line numbers, every structure and progress error, atomic
 * loading, warnings, Japanese headers, date forms, writing to paths and
 * NULL arguments.
 *
 * Inputs are built in memory where the bytes need not be real files; the
 * fixtures under tests/data/csv/ hold what needs real bytes (BOM, CRLF,
 * CP932, quoted newlines). Paths are relative to the source tree root,
 * where ctest runs this program. */
#define _POSIX_C_SOURCE 200809L /* mkdtemp, opendir, chmod, geteuid */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <float.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kpi.h"
#include "seed.h"

/* ---- Fixtures and in-memory bases ---------------------------------------- */

#define FIXTURE(name) "tests/data/csv/" name

/* A small structure file for the error tests. Its columns are at these
 * positions: type 1, code 2, parent 3, title 4, unit 5, kind 6,
 * direction 7, value 8, weight 9, start 10, due 11, schedule 12,
 * accumulate 13. S_BASE has 5 lines, so a row appended to it is line 6. */
#define S_HEADER                                                                         \
    "type,code,parent,title,unit,kind,direction,value,weight,start,due,schedule,"        \
    "accumulate\n"
#define S_BASE                                                                           \
    S_HEADER "plan,p,,Plan\n"                                                            \
             "goal,g,,Goal\n"                                                            \
             "target,t,g,Target,件,numeric,increase,10\n"                               \
             "target,m,g,Milestone,,milestone\n"

/* A progress file for S_BASE; columns: code 1, date 2, value 3, rating 4,
 * note 5, author 6. A row appended to P_BASE is line 3. */
#define P_HEADER "code,date,value,rating,note,author\n"
#define P_BASE P_HEADER "t,2017-09-30,5\n"

/* ---- Helpers: text buffers ------------------------------------------------- */

/* A growing byte buffer for CSV text built at run time. */
typedef struct text {
    char *data;
    size_t size;
    size_t capacity;
} text;

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

static void text_add(text *t, const char *s)
{
    text_add_n(t, s, strlen(s));
}

/* Appends n copies of c. */
static void text_add_repeat(text *t, char c, size_t n)
{
    char chunk[4096];
    memset(chunk, c, sizeof chunk);
    while (n > 0) {
        size_t step = n < sizeof chunk ? n : sizeof chunk;
        text_add_n(t, chunk, step);
        n -= step;
    }
}

static void text_free(text *t)
{
    free(t->data);
    t->data = NULL;
    t->size = t->capacity = 0;
}

/* The text with every LF turned into CRLF (caller frees). */
static char *to_crlf(const char *lf)
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
static char *read_whole_file(const char *path, size_t *size)
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
static void assert_contains(const char *haystack, const char *needle)
{
    if (!strstr(haystack, needle)) {
        print_error("expected \"%s\" in \"%s\"\n", needle, haystack);
        fail();
    }
}

/* ---- Helpers: reading and writing ------------------------------------------ */

static kpi_reader *new_reader(void)
{
    kpi_reader *reader = NULL;
    assert_int_equal(kpi_reader_new(&reader), KPI_OK);
    assert_non_null(reader);
    return reader;
}

/* A plan pointer that is not NULL and not a plan: a reader must overwrite
 * it with NULL on error. */
static max_align_t sentinel_object;
#define SENTINEL_PLAN ((kpi_plan *)(void *)&sentinel_object)

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
static kpi_plan *read_ok_with(kpi_reader *reader, const char *structure,
                              const char *progress)
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

static kpi_plan *read_ok(const char *structure, const char *progress)
{
    return read_ok_with(NULL, structure, progress);
}

static kpi_plan *read_files_ok(kpi_reader *reader, const char *structure_path,
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

/* Both files of a plan as written into memory. */
typedef struct written {
    char *structure;
    size_t structure_size;
    char *progress;
    size_t progress_size;
} written;

static written write_ok(kpi_plan *plan, uint32_t flags)
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

static void written_free(written *w)
{
    kpi_free(w->structure);
    kpi_free(w->progress);
    w->structure = w->progress = NULL;
}

static kpi_plan *read_written(kpi_reader *reader, const written *w)
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

static void assert_bytes_equal(const char *what, const char *a, size_t a_size,
                               const char *b, size_t b_size)
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

static void assert_written_equal(const written *a, const written *b)
{
    assert_bytes_equal("structure files", a->structure, a->structure_size, b->structure,
                       b->structure_size);
    assert_bytes_equal("progress files", a->progress, a->progress_size, b->progress,
                       b->progress_size);
}

static kpi_target *find_target(kpi_plan *plan, const char *code)
{
    kpi_target *target = NULL;
    if ((target = kpi_plan_find_target(plan, code)) == NULL) {
        print_error("no target \"%s\"\n", code);
        fail();
    }
    return target;
}

static kpi_goal *find_goal(kpi_plan *plan, const char *code)
{
    kpi_goal *goal = NULL;
    if ((goal = kpi_plan_find_goal(plan, code)) == NULL) {
        print_error("no goal \"%s\"\n", code);
        fail();
    }
    return goal;
}

/* ---- Helpers: asserting read errors ---------------------------------------- */

/* What a failed read must report. column is the column name the message
 * must quote (NULL: none) and position its 1-based place that
 * kpi_error_column() gives (-1: not checked); text is what else the
 * message must contain (the offending text; NULL: nothing). */
typedef struct expected {
    int code;
    const char *source;
    int32_t line;
    const char *column;
    int32_t position;
    const char *text;
} expected;

/* Reads with reader (when NULL, a fresh one expecting encoding) and checks
 * the error: the
 * return code, the last error's code, source, line and column, the
 * message naming "source:line:", the column and the text, no plan in *out,
 * and no warnings left in the reader. */
static void check_read_error(kpi_reader *reader, kpi_encoding encoding,
                             const char *structure, size_t structure_size,
                             const char *progress, size_t progress_size, expected e)
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
static void structure_error(const char *structure, expected e)
{
    e.source = "structure";
    check_read_error(NULL, KPI_ENCODING_AUTO, structure, strlen(structure), NULL, 0, e);
}

/* A progress file for S_BASE that must fail as e says. */
static void progress_error(const char *progress, expected e)
{
    e.source = "progress";
    check_read_error(NULL, KPI_ENCODING_AUTO, S_BASE, strlen(S_BASE), progress,
                     strlen(progress), e);
}

/* ---- Helpers: comparing plans field by field -------------------------------- */

/* The name of the comparison under way, shown with any difference. */
static char compare_context[96];

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

static void same_double(const char *owner, const char *field, double a, double b)
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
static void assert_plans_equal(kpi_plan *a, kpi_plan *b)
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
static void assert_round_trip(kpi_plan *plan, uint32_t flags)
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

/* ---- Seed plan --------------------------------------------------------------- */

static size_t count_measurements(kpi_goal *goal)
{
    size_t n = 0;
    for (size_t i = 0; i < kpi_goal_target_count(goal); i++)
        n += kpi_target_measurement_count(kpi_goal_target_at(goal, i));
    for (size_t i = 0; i < kpi_goal_goal_count(goal); i++)
        n += count_measurements(kpi_goal_goal_at(goal, i));
    return n;
}

/* The seed's two files load: plan fields, 5 top-level goals, 23 goals,
 * 46 targets, 6 notes, 35 measurements, and the columns of a few rows. */
static void seed_files_load(void **state)
{
    (void)state;
    kpi_reader *reader = new_reader();
    kpi_plan *plan = read_files_ok(reader, SEED_STRUCTURE, SEED_PROGRESS);
    /* The seed leaves what its phrases say to the phrase parser: one
     * warning per target read from its text, naming it (all but 5-5-b
     * パートナーズの獲得, whose text gives no number and no other kind). */
    assert_int_equal(kpi_reader_warning_count(reader), 45);
    for (size_t i = 0; i < kpi_reader_warning_count(reader); i++)
        assert_non_null(strstr(kpi_reader_warning_at(reader, i), "read from its text"));
    assert_int_equal(kpi_reader_detected_encoding(reader), KPI_ENCODING_UTF8);

    assert_string_equal(kpi_plan_id(plan), "ueda-2017");
    assert_string_equal(kpi_plan_title(plan),
                        "平成29年度 重点目標一覧表（中間報告調書）");
    assert_string_equal(kpi_plan_organization(plan), "上田市");
    assert_string_equal(kpi_plan_department(plan), "政策企画部");
    assert_int_equal(kpi_plan_start(plan), 20170401);
    assert_int_equal(kpi_plan_end(plan), 20180331);
    assert_int_equal(kpi_plan_goal_count(plan), 5);
    assert_int_equal(kpi_plan_total_goal_count(plan), 23);
    assert_int_equal(kpi_plan_total_target_count(plan), 46);
    assert_int_equal(kpi_plan_note_count(plan), 6);
    assert_string_equal(kpi_plan_note_code_at(plan, 0), "note-1");
    assert_contains(kpi_plan_note_at(plan, 0), "[◎：目標を上回る進捗]");
    assert_string_equal(kpi_plan_note_at(plan, 5),
                        "サントミュージゼは、パートナーズの獲得を図ること。");

    size_t measurements = 0;
    for (size_t i = 0; i < kpi_plan_goal_count(plan); i++)
        measurements += count_measurements(kpi_plan_goal_at(plan, i));
    assert_int_equal(measurements, 35);

    kpi_goal *goal = find_goal(plan, "3-2");
    assert_string_equal(kpi_goal_title(goal), "信州うえだ空き家バンク制度の推進");
    assert_string_equal(kpi_goal_code(kpi_goal_parent(goal)), "3");
    assert_int_equal(kpi_goal_depth(goal), 2);
    assert_true(kpi_goal_weight(goal) == 1.0);

    kpi_target *t = find_target(plan, "3-2-a");
    assert_string_equal(kpi_target_label(t), "物件登録件数");
    assert_string_equal(kpi_target_unit(t), "件");
    assert_string_equal(kpi_target_text(t), "物件登録件数30件以上");
    assert_int_equal(kpi_target_kind(t), KPI_KIND_NUMERIC);
    assert_int_equal(kpi_target_direction(t), KPI_DIRECTION_INCREASE);
    assert_int_equal(kpi_target_schedule(t), KPI_SCHEDULE_DEFAULT);
    assert_true(kpi_target_value(t) == 30.0);
    assert_true(isnan(kpi_target_start_value(t)));
    assert_true(kpi_target_weight(t) == 1.0);
    assert_int_equal(kpi_target_start(t), 0);
    assert_int_equal(kpi_target_due(t), 0);
    assert_int_equal(kpi_target_measurement_count(t), 1);
    kpi_measurement *m = kpi_target_measurement_at(t, 0);
    assert_int_equal(kpi_measurement_date(m), 20170930);
    assert_true(kpi_measurement_value(m) == 32.0);
    assert_string_equal(kpi_measurement_note(m), "物件登録件数：32件");
    assert_string_equal(kpi_measurement_author(m), "");

    t = find_target(plan, "1-2-b"); /* relative: 前年度比10%増 */
    assert_true(isnan(kpi_target_value(t)));
    assert_true(kpi_target_change_pct(t) == 10.0);
    assert_true(isnan(kpi_target_reference(t)));
    t = find_target(plan, "4-2-a");
    assert_int_equal(kpi_target_kind(t), KPI_KIND_MILESTONE);
    assert_int_equal(kpi_target_due(t), 20170831);
    assert_int_equal(kpi_measurement_date(kpi_target_measurement_at(t, 0)), 20170831);
    assert_int_equal(kpi_target_kind(find_target(plan, "5-2-a")), KPI_KIND_QUALITATIVE);

    kpi_plan_free(plan);
    kpi_reader_free(reader);
}

static const kpi_result *find_result(const kpi_evaluation *evaluation, const char *code)
{
    const kpi_result *result = NULL;
    if ((result = kpi_evaluation_find(evaluation, code)) == NULL) {
        print_error("no result for \"%s\"\n", code);
        fail();
    }
    return result;
}

static void check_rating(const kpi_evaluation *evaluation, const char *code,
                         kpi_rating rating, kpi_unrated reason)
{
    const kpi_result *result = find_result(evaluation, code);
    if (kpi_result_rating(result) != rating || kpi_result_unrated(result) != reason) {
        print_error("\"%s\": expected rating %d (%s), got %d (%s): %s\n", code,
                    (int)rating, kpi_unrated_name(reason), (int)kpi_result_rating(result),
                    kpi_unrated_name(kpi_result_unrated(result)),
                    kpi_result_reason(result, KPI_LANG_JA));
        fail();
    }
}

/* The seed read from its files evaluates as of 2017-09-30 to the worked
 * examples of evaluation.md. */
static void seed_evaluates_worked_examples(void **state)
{
    (void)state;
    kpi_plan *plan = read_files_ok(NULL, SEED_STRUCTURE, SEED_PROGRESS);
    kpi_evaluation *evaluation = NULL;
    assert_int_equal(kpi_evaluate(&evaluation, plan, 20170930, NULL), KPI_OK);

    check_rating(evaluation, "3-2-a", KPI_RATING_AHEAD, KPI_UNRATED_NONE);
    assert_true(kpi_result_actual(find_result(evaluation, "3-2-a")) == 32.0);
    assert_true(kpi_result_value(find_result(evaluation, "3-2-a")) == 30.0);
    check_rating(evaluation, "3-2-b", KPI_RATING_AHEAD, KPI_UNRATED_NONE);
    check_rating(evaluation, "3-2-c", KPI_RATING_AHEAD, KPI_UNRATED_NONE);
    check_rating(evaluation, "3-1-a", KPI_RATING_AHEAD, KPI_UNRATED_NONE);
    check_rating(evaluation, "3-1-b", KPI_RATING_ON_TRACK, KPI_UNRATED_NONE);
    check_rating(evaluation, "3-1-c", KPI_RATING_ON_TRACK, KPI_UNRATED_NONE);
    check_rating(evaluation, "3-3-b", KPI_RATING_NOT_PROGRESSED, KPI_UNRATED_NONE);
    check_rating(evaluation, "5-3-b", KPI_RATING_BEHIND, KPI_UNRATED_NONE);
    check_rating(evaluation, "4-2-a", KPI_RATING_ON_TRACK, KPI_UNRATED_NONE);
    check_rating(evaluation, "4-2-b", KPI_RATING_NONE, KPI_UNRATED_NOT_DUE);
    check_rating(evaluation, "3-3-c", KPI_RATING_NONE, KPI_UNRATED_NO_DATA);
    check_rating(evaluation, "3-2", KPI_RATING_AHEAD, KPI_UNRATED_NONE);
    check_rating(evaluation, "3-1", KPI_RATING_ON_TRACK, KPI_UNRATED_NONE);
    check_rating(evaluation, "3-3", KPI_RATING_NOT_PROGRESSED, KPI_UNRATED_NONE);
    check_rating(evaluation, "3", KPI_RATING_BEHIND, KPI_UNRATED_NONE);

    kpi_evaluation_free(evaluation);
    kpi_plan_free(plan);
}

/* ---- Round trips ------------------------------------------------------------- */

/* Seed -> write (memory) -> read -> write: the plans agree field by field
 * and the second writing is byte for byte the first, for every flag. */
static void round_trip_memory_seed(void **state)
{
    (void)state;
    kpi_plan *plan = read_files_ok(NULL, SEED_STRUCTURE, SEED_PROGRESS);
    for (uint32_t flags = 0; flags <= (KPI_WRITE_NO_BOM | KPI_WRITE_CRLF); flags++)
        assert_round_trip(plan, flags);
    kpi_plan_free(plan);
}

static char *make_temp_dir(void)
{
    char template[] = "/tmp/kpi-test-csv-XXXXXX";
    assert_non_null(mkdtemp(template));
    char *dir = malloc(sizeof template);
    assert_non_null(dir);
    memcpy(dir, template, sizeof template);
    return dir;
}

static char *path_in(const char *dir, const char *name)
{
    size_t size = strlen(dir) + strlen(name) + 2;
    char *path = malloc(size);
    assert_non_null(path);
    snprintf(path, size, "%s/%s", dir, name);
    return path;
}

/* The names in dir other than . and .., sorted, joined with "|". */
static char *list_dir(const char *dir)
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
static void remove_dir(const char *dir)
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

/* Seed -> kpi_plan_write_files (temp dir) -> kpi_reader_read_files: the
 * same plan, and the files hold exactly what the memory writers give. */
static void round_trip_files_seed(void **state)
{
    (void)state;
    kpi_plan *plan = read_files_ok(NULL, SEED_STRUCTURE, SEED_PROGRESS);
    char *dir = make_temp_dir();
    char *structure = path_in(dir, "structure.csv");
    char *progress = path_in(dir, "progress.csv");
    for (uint32_t flags = 0; flags <= (KPI_WRITE_NO_BOM | KPI_WRITE_CRLF); flags++) {
        assert_int_equal(kpi_plan_write_files(plan, structure, progress, flags), KPI_OK);
        kpi_plan *copy = read_files_ok(NULL, structure, progress);
        assert_plans_equal(plan, copy);

        written memory = write_ok(plan, flags);
        written files = {NULL, 0, NULL, 0};
        files.structure = read_whole_file(structure, &files.structure_size);
        files.progress = read_whole_file(progress, &files.progress_size);
        assert_written_equal(&memory, &files);
        written_free(&memory);
        free(files.structure);
        free(files.progress);

        /* And the copy read from the files writes the same files again. */
        assert_int_equal(kpi_plan_write_files(copy, structure, progress, flags), KPI_OK);
        written again = write_ok(plan, flags);
        files.structure = read_whole_file(structure, &files.structure_size);
        files.progress = read_whole_file(progress, &files.progress_size);
        assert_written_equal(&again, &files);
        written_free(&again);
        free(files.structure);
        free(files.progress);
        kpi_plan_free(copy);
    }
    remove_dir(dir);
    free(structure);
    free(progress);
    free(dir);
    kpi_plan_free(plan);
}

/* ---- Property test: random plans round-trip -------------------------------- */

static uint64_t rng_state;

/* xorshift64*: small, fast and the same everywhere. */
static uint64_t rng_next(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * UINT64_C(0x2545F4914F6CDD1D);
}

static unsigned rng_below(unsigned n)
{
    return (unsigned)(rng_next() % n);
}

static int rng_percent(unsigned percent)
{
    return rng_below(100) < percent;
}

/* Pieces of awkward text: CSV specials, line breaks, blanks at the ends,
 * Japanese, things that look like numbers or dates. */
static const char *const awkward_pieces[] = {
    "plain",
    "a,b",
    "say \"hi\"",
    "\"",
    ",",
    "\"\"",
    "line1\nline2",
    "cr\ronly",
    "crlf\r\nline",
    "\n",
    "\r\n",
    "  lead",
    "trail  ",
    " ",
    " both ",
    "平成29年度 重点目標一覧表（中間報告調書）",
    "◎○△×",
    "３０件",
    "ｶﾀｶﾅ",
    "①～－髙",
    "=1+2",
    "#",
    "'q'",
    "1,234",
    "-0",
    "nan",
    "a\tb",
    "\tTAB",
    "tab\t",
    "\u3000全角\u3000",
    "2017-09-30",
    "type,code,parent",
    "\xF0\x9F\x98\x80",
};

/* Random text into buf, or NULL (unset) now and then. */
static const char *random_text(char *buf, size_t size, unsigned unset_percent)
{
    if (rng_percent(unset_percent))
        return NULL;
    buf[0] = '\0';
    unsigned pieces = 1 + rng_below(3);
    for (unsigned i = 0; i < pieces; i++) {
        const char *piece =
            awkward_pieces[rng_below(sizeof awkward_pieces / sizeof *awkward_pieces)];
        if (strlen(buf) + strlen(piece) < size)
            strcat(buf, piece);
    }
    return buf;
}

/* Any finite double: special ones often, random bit patterns sometimes. */
static double random_number(void)
{
    static const double numbers[] = {
        0.1,
        1e-7,
        123456789.123,
        -0.0,
        1e300,
        10,
        1.0 / 3,
        0,
        -5,
        30,
        1234.5,
        5e-324,
        DBL_MAX,
        -DBL_MAX,
        2.5,
        1e16,
        1e-300,
        100,
        1e15,
        0.000012345678901234567,
        6.02214076e23,
        -123.456,
        2.2250738585072014e-308,
        9007199254740993.0,
    };
    if (rng_percent(20)) {
        for (;;) {
            uint64_t bits = rng_next();
            double value;
            memcpy(&value, &bits, sizeof value);
            if (isfinite(value))
                return value;
        }
    }
    return numbers[rng_below(sizeof numbers / sizeof *numbers)];
}

static double random_optional_number(void)
{
    return rng_percent(40) ? (double)NAN : random_number();
}

/* A weight: finite and > 0. */
static double random_weight(void)
{
    static const double weights[] = {
        1, 2, 0.5, 0.1, 1.0 / 3, 1e300, 123456789.123, 5e-324, 1e-7, 3, DBL_MAX};
    return weights[rng_below(sizeof weights / sizeof *weights)];
}

static int32_t random_date(void)
{
    if (rng_percent(3))
        return rng_percent(50) ? 10101 : 99991231;
    int32_t date = 0;
    assert_int_equal(kpi_date_add_days(&date, 20170401, (int32_t)rng_below(4000) - 2000),
                     KPI_OK);
    return date;
}

/* Dates that repeat often, so that measurements share dates. */
static int32_t random_event_date(void)
{
    static const int32_t dates[] = {20170930, 20170930, 20170430, 20180331};
    return rng_percent(30) ? random_date() : dates[rng_below(4)];
}

static unsigned code_counter;

/* A code no other object of the plan has: awkward prefixes, a counter. */
static const char *random_code(char *buf, size_t size)
{
    static const char *const prefixes[] = {"",     "g-", "目標", "a,b",
                                           "x\"y", "Ｋ", "3-2-", "line\nbreak"};
    snprintf(buf, size, "%s%u", prefixes[rng_below(sizeof prefixes / sizeof *prefixes)],
             code_counter++);
    return buf;
}

static void random_notes(kpi_plan *plan, kpi_goal *goal)
{
    unsigned count = rng_percent(50) ? rng_below(4) : 0;
    for (unsigned i = 0; i < count; i++) {
        char code[64], buf[256];
        const char *note_code = rng_percent(50) ? random_code(code, sizeof code) : NULL;
        const char *note = random_text(buf, sizeof buf, 0);
        int rc = goal ? kpi_goal_add_note(goal, note_code, note)
                      : kpi_plan_add_note(plan, note_code, note);
        assert_int_equal(rc, KPI_OK);
    }
}

static void random_assessments(kpi_goal *goal, kpi_target *target)
{
    unsigned count = rng_percent(40) ? 1 + rng_below(3) : 0;
    for (unsigned i = 0; i < count; i++) {
        char buf[256], author[256];
        kpi_rating rating = (kpi_rating)(KPI_RATING_NOT_PROGRESSED + (int)rng_below(4));
        const char *comment = random_text(buf, sizeof buf, 40);
        int32_t date = random_event_date();
        kpi_assessment *a =
            goal ? kpi_goal_add_assessment(goal, date, rating, comment)
                 : kpi_target_add_assessment(target, date, rating, comment);
        assert_non_null(a);
        assert_int_equal(
            kpi_assessment_set_author(a, random_text(author, sizeof author, 60)), KPI_OK);
    }
}

static void random_target(kpi_goal *goal)
{
    char code[64], buf[256];
    kpi_target *t = NULL;
    assert_non_null(t = kpi_goal_add_target(goal, random_code(code, sizeof code),
                                            random_text(buf, sizeof buf, 25)));
    kpi_kind kind = (kpi_kind)rng_below(3);
    assert_int_equal(kpi_target_set_kind(t, kind), KPI_OK);
    assert_int_equal(kpi_target_set_direction(t, (kpi_direction)rng_below(2)), KPI_OK);
    assert_int_equal(kpi_target_set_schedule(t, (kpi_schedule)rng_below(4)), KPI_OK);
    assert_int_equal(kpi_target_set_accumulate(t, (kpi_accumulate)rng_below(2)), KPI_OK);
    assert_int_equal(kpi_target_set_unit(t, random_text(buf, sizeof buf, 50)), KPI_OK);
    assert_int_equal(kpi_target_set_text(t, random_text(buf, sizeof buf, 40)), KPI_OK);
    assert_int_equal(kpi_target_set_value(t, random_optional_number()), KPI_OK);
    assert_int_equal(kpi_target_set_start_value(t, random_optional_number()), KPI_OK);
    assert_int_equal(kpi_target_set_reference(t, random_optional_number()), KPI_OK);
    assert_int_equal(kpi_target_set_change_pct(t, random_optional_number()), KPI_OK);
    if (rng_percent(40))
        assert_int_equal(kpi_target_set_weight(t, random_weight()), KPI_OK);
    if (rng_percent(40))
        assert_int_equal(kpi_target_set_start(t, random_date()), KPI_OK);
    if (rng_percent(40))
        assert_int_equal(kpi_target_set_due(t, random_date()), KPI_OK);

    static const double progress[] = {0, 1, 0.5, 1.0 / 3, -0.0, 1e-7, 0.1, 5e-324};
    unsigned count = rng_percent(70) ? rng_below(5) : 0;
    for (unsigned i = 0; i < count; i++) {
        double value = kind == KPI_KIND_MILESTONE
                           ? progress[rng_below(sizeof progress / sizeof *progress)]
                           : random_number();
        kpi_measurement *m = NULL;
        char author[256];
        assert_non_null(m = kpi_target_add_measurement(t, random_event_date(), value,
                                                       random_text(buf, sizeof buf, 40)));
        assert_int_equal(
            kpi_measurement_set_author(m, random_text(author, sizeof author, 60)),
            KPI_OK);
    }
    random_assessments(NULL, t);
}

static void random_goal(kpi_goal *goal, int depth)
{
    if (rng_percent(30))
        assert_int_equal(kpi_goal_set_weight(goal, random_weight()), KPI_OK);
    random_notes(NULL, goal);
    random_assessments(goal, NULL);
    unsigned targets = rng_below(4);
    for (unsigned i = 0; i < targets; i++)
        random_target(goal);
    unsigned children = depth < 4 ? rng_below(depth == 1 ? 4 : 3) : 0;
    for (unsigned i = 0; i < children; i++) {
        char code[64], buf[256];
        kpi_goal *child = NULL;
        assert_non_null(child = kpi_goal_add_goal(goal, random_code(code, sizeof code),
                                                  random_text(buf, sizeof buf, 25)));
        random_goal(child, depth + 1);
    }
}

static kpi_plan *random_plan(unsigned index)
{
    static const char *const ids[] = {"plan-", "計画,", "p\"lan ", "ueda-2017-"};
    char id[64], buf[256];
    snprintf(id, sizeof id, "%s%u", ids[rng_below(4)], index);
    kpi_plan *plan = NULL;
    assert_int_equal(kpi_plan_new(&plan, id), KPI_OK);
    assert_int_equal(kpi_plan_set_title(plan, random_text(buf, sizeof buf, 25)), KPI_OK);
    assert_int_equal(kpi_plan_set_organization(plan, random_text(buf, sizeof buf, 40)),
                     KPI_OK);
    assert_int_equal(kpi_plan_set_department(plan, random_text(buf, sizeof buf, 40)),
                     KPI_OK);
    if (rng_percent(50)) {
        int32_t start = random_date(), end;
        if (kpi_date_add_days(&end, start, (int32_t)rng_below(800)) != KPI_OK)
            end = start;
        assert_int_equal(kpi_plan_set_period(plan, start, end), KPI_OK);
    }
    random_notes(plan, NULL);
    unsigned goals = rng_below(4);
    for (unsigned i = 0; i < goals; i++) {
        char code[64];
        kpi_goal *goal = NULL;
        assert_non_null(goal = kpi_plan_add_goal(plan, random_code(code, sizeof code),
                                                 random_text(buf, sizeof buf, 25)));
        random_goal(goal, 1);
    }
    return plan;
}

/* 200 random plans (goals to depth 4, every field set or not, awkward
 * strings and numbers, same-date measurements, assessments on targets and
 * goals, notes on plan and goals), each with random write flags: written,
 * read back and compared field by field, and written again identically. */
static void round_trip_property(void **state)
{
    (void)state;
    const uint64_t seed = UINT64_C(0x20170930C5F1A2B3);
    print_message("round_trip_property: xorshift64* seed 0x%016" PRIx64 "\n", seed);
    rng_state = seed;
    size_t goals = 0, targets = 0;
    for (unsigned i = 0; i < 200; i++) {
        code_counter = 0;
        kpi_plan *plan = random_plan(i);
        uint32_t flags = rng_below(4);
        snprintf(compare_context, sizeof compare_context, "random plan %u (flags %u)", i,
                 (unsigned)flags);
        goals += kpi_plan_total_goal_count(plan);
        targets += kpi_plan_total_target_count(plan);
        assert_round_trip(plan, flags);
        kpi_plan_free(plan);
    }
    compare_context[0] = '\0';
    print_message("round_trip_property: %zu goals, %zu targets\n", goals, targets);
}

/* Text with tabs or full-width blanks at either end round-trips like any
 * other (the contract: files round-trip without loss). */
static void round_trip_blank_edges(void **state)
{
    (void)state;
    static const char *const texts[] = {"\tindented", "trailing\t", "\t",
                                        "\u3000全角\u3000", " \t mixed \t "};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        kpi_plan *plan = NULL;
        kpi_goal *goal = NULL;
        kpi_target *t = NULL;
        kpi_measurement *m = NULL;
        assert_int_equal(kpi_plan_new(&plan, "p"), KPI_OK);
        assert_int_equal(kpi_plan_set_title(plan, texts[i]), KPI_OK);
        assert_non_null(goal = kpi_plan_add_goal(plan, "g", texts[i]));
        assert_non_null(t = kpi_goal_add_target(goal, "t", texts[i]));
        assert_int_equal(kpi_target_set_unit(t, texts[i]), KPI_OK);
        assert_non_null(m = kpi_target_add_measurement(t, 20170930, 1, texts[i]));
        assert_int_equal(kpi_plan_add_note(plan, NULL, texts[i]), KPI_OK);
        snprintf(compare_context, sizeof compare_context, "blank edges %zu", i);
        assert_round_trip(plan, KPI_WRITE_DEFAULT);
        kpi_plan_free(plan);
    }
    compare_context[0] = '\0';
}

/* ---- Numbers ----------------------------------------------------------------- */

/* Numbers are written in the shortest form that reads back: 10 as "10",
 * 0.1 as "0.1", and 1/3 reads back bitwise equal. */
static void numbers_written_shortest(void **state)
{
    (void)state;
    static const struct {
        double value;
        const char *written;
    } cases[] = {
        {10, "10"},
        {0.1, "0.1"},
        {30, "30"},
        {100, "100"},
        {1234.5, "1234.5"},
        {-5, "-5"},
        {123456789.123, "123456789.123"},
        {0, "0"},
        {2.5, "2.5"},
        {-0.0, "-0"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        kpi_plan *plan = NULL;
        kpi_goal *goal = NULL;
        kpi_target *t = NULL;
        assert_int_equal(kpi_plan_new(&plan, "p"), KPI_OK);
        assert_non_null(goal = kpi_plan_add_goal(plan, "g", NULL));
        assert_non_null(t = kpi_goal_add_target(goal, "t", NULL));
        assert_int_equal(kpi_target_set_value(t, cases[i].value), KPI_OK);
        assert_non_null(kpi_target_add_measurement(t, 20170930, cases[i].value, NULL));
        written w = write_ok(plan, KPI_WRITE_NO_BOM);
        char row[128];
        /* type,code,parent,title,unit,kind,direction,value */
        snprintf(row, sizeof row, "\ntarget,t,g,,,numeric,increase,%s,",
                 cases[i].written);
        assert_contains(w.structure, row);
        snprintf(row, sizeof row, "\nt,2017-09-30,%s,", cases[i].written);
        assert_contains(w.progress, row);
        written_free(&w);
        kpi_plan_free(plan);
    }

    /* Values that need all 17 digits, or tiny and huge ones, read back
     * bitwise equal. */
    static const double exact[] = {
        1.0 / 3, 2.0 / 3,  0.1 + 0.2,          1e-7, 1e300, -0.0, 5e-324,
        DBL_MAX, -DBL_MAX, 9007199254740993.0, 1e16, 1e-5};
    kpi_plan *plan = NULL;
    kpi_goal *goal = NULL;
    assert_int_equal(kpi_plan_new(&plan, "p"), KPI_OK);
    assert_non_null(goal = kpi_plan_add_goal(plan, "g", NULL));
    for (size_t i = 0; i < sizeof exact / sizeof *exact; i++) {
        char code[16];
        kpi_target *t = NULL;
        snprintf(code, sizeof code, "t%zu", i);
        assert_non_null(t = kpi_goal_add_target(goal, code, NULL));
        assert_int_equal(kpi_target_set_value(t, exact[i]), KPI_OK);
        assert_int_equal(kpi_target_set_start_value(t, exact[i]), KPI_OK);
        assert_non_null(kpi_target_add_measurement(t, 20170930, exact[i], NULL));
    }
    written w = write_ok(plan, KPI_WRITE_NO_BOM);
    assert_contains(w.structure, "\ntarget,t0,g,,,numeric,increase,0.3333333333333333,");
    kpi_reader *reader = new_reader();
    kpi_plan *copy = read_written(reader, &w);
    for (size_t i = 0; i < sizeof exact / sizeof *exact; i++) {
        char code[16];
        snprintf(code, sizeof code, "t%zu", i);
        kpi_target *t = find_target(copy, code);
        snprintf(compare_context, sizeof compare_context, "exact number %zu", i);
        same_double(code, "value", exact[i], kpi_target_value(t));
        same_double(code, "start_value", exact[i], kpi_target_start_value(t));
        same_double(code, "measurement", exact[i],
                    kpi_measurement_value(kpi_target_measurement_at(t, 0)));
    }
    compare_context[0] = '\0';
    written_free(&w);
    kpi_plan_free(copy);
    kpi_plan_free(plan);
    kpi_reader_free(reader);
}

/* Full-width digits and thousands separators (inside quotes) are read:
 * "３０" is 30 and "1,234" is 1234, in both files. */
static void numbers_read_fullwidth_and_separators(void **state)
{
    (void)state;
    kpi_plan *plan = read_ok(S_HEADER "plan,p,,P\n"
                                      "goal,g,,G\n"
                                      "target,a,g,A,,,,３０\n"
                                      "target,b,g,B,,,,\"1,234\"\n"
                                      "target,c,g,C,,,,\"12,345,678.5\"\n"
                                      "target,d,g,D,,,,\"-1,000\"\n"
                                      "target,e,g,E,,,,１２．５\n"
                                      "target,f,g,F,,,,\" 42 \",２\n",
                             P_HEADER "a,2017-09-30,３０\n"
                                      "b,2017-09-30,\"1,234\"\n"
                                      "c,2017-09-30,1.5e3\n");
    assert_true(kpi_target_value(find_target(plan, "a")) == 30.0);
    assert_true(kpi_target_value(find_target(plan, "b")) == 1234.0);
    assert_true(kpi_target_value(find_target(plan, "c")) == 12345678.5);
    assert_true(kpi_target_value(find_target(plan, "d")) == -1000.0);
    assert_true(kpi_target_value(find_target(plan, "e")) == 12.5);
    assert_true(kpi_target_value(find_target(plan, "f")) == 42.0);
    assert_true(kpi_target_weight(find_target(plan, "f")) == 2.0);
    assert_true(kpi_measurement_value(
                    kpi_target_measurement_at(find_target(plan, "a"), 0)) == 30.0);
    assert_true(kpi_measurement_value(
                    kpi_target_measurement_at(find_target(plan, "b"), 0)) == 1234.0);
    assert_true(kpi_measurement_value(
                    kpi_target_measurement_at(find_target(plan, "c"), 0)) == 1500.0);
    kpi_plan_free(plan);
}

/* Texts that are no number, or a number too large for a double, are
 * KPI_ERR_VALUE naming the line, column and text; an empty value on a
 * measurement row (where the number is required) is refused. */
static void numbers_refused(void **state)
{
    (void)state;
    static const struct {
        const char *cell;
        const char *shown;
    } bad[] = {
        {"\"1,23\"", "\"1,23\""}, {"\"12,34,567\"", "\"12,34,567\""},
        {"\",123\"", "\",123\""}, {"\"1234,567\"", "\"1234,567\""},
        {"nan", "\"nan\""},       {"NaN", "\"NaN\""},
        {"inf", "\"inf\""},       {"-infinity", "\"-infinity\""},
        {"0x10", "\"0x10\""},     {"1e", "\"1e\""},
        {"abc", "\"abc\""},       {"10件", "\"10件\""},
        {"1.2.3", "\"1.2.3\""},   {"\" \"", "\" \""},
        {"+", "\"+\""},           {".", "\".\""},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        text s = {0};
        text_add(&s, S_BASE "target,x,g,X,,,,");
        text_add(&s, bad[i].cell);
        text_add(&s, "\n");
        structure_error(s.data,
                        (expected){KPI_ERR_VALUE, NULL, 6, "value", 8, bad[i].shown});
        text_free(&s);

        text p = {0};
        text_add(&p, P_BASE "t,2017-09-30,");
        text_add(&p, bad[i].cell);
        text_add(&p, "\n");
        progress_error(p.data,
                       (expected){KPI_ERR_VALUE, NULL, 3, "value", 3, bad[i].shown});
        text_free(&p);
    }

    /* Too large for a double: refused, not read as infinity. */
    structure_error(S_BASE "target,x,g,X,,,,1e400\n",
                    (expected){KPI_ERR_VALUE, NULL, 6, "value", 8, "\"1e400\""});
    assert_contains(kpi_error_message(), "too large");
    progress_error(P_BASE "t,2017-09-30,-1e400\n",
                   (expected){KPI_ERR_VALUE, NULL, 3, "value", 3, "\"-1e400\""});
    assert_contains(kpi_error_message(), "too large");

    /* The value of a measurement row is required: empty with no rating is
     * an error, whatever the other cells hold. */
    progress_error(P_BASE "t,2017-09-30,,,just a note\n",
                   (expected){KPI_ERR_PARSE, NULL, 3, NULL, -1, "value"});
    assert_contains(kpi_error_message(), "rating");
}

/* ---- Writers ----------------------------------------------------------------- */

static int starts_with(const char *s, size_t size, const char *prefix)
{
    return size >= strlen(prefix) && memcmp(s, prefix, strlen(prefix)) == 0;
}

/* Both writers put a UTF-8 BOM first by default and none with
 * KPI_WRITE_NO_BOM; both forms read back to the same plan. */
static void writer_bom_default_and_no_bom(void **state)
{
    (void)state;
    kpi_plan *plan = read_files_ok(NULL, SEED_STRUCTURE, SEED_PROGRESS);
    written with = write_ok(plan, KPI_WRITE_DEFAULT);
    assert_true(starts_with(with.structure, with.structure_size, "\xEF\xBB\xBFtype,"));
    assert_true(starts_with(with.progress, with.progress_size,
                            "\xEF\xBB\xBF"
                            "code,"));
    written without = write_ok(plan, KPI_WRITE_NO_BOM);
    assert_true(starts_with(without.structure, without.structure_size, "type,code,"));
    assert_true(starts_with(without.progress, without.progress_size, "code,date,"));
    /* The BOM is the only difference. */
    assert_bytes_equal("structure", with.structure + 3, with.structure_size - 3,
                       without.structure, without.structure_size);
    assert_bytes_equal("progress", with.progress + 3, with.progress_size - 3,
                       without.progress, without.progress_size);
    /* LF only unless asked. */
    assert_null(memchr(with.structure, '\r', with.structure_size));

    kpi_reader *reader = new_reader();
    kpi_plan *a = read_written(reader, &with);
    assert_int_equal(kpi_reader_detected_encoding(reader), KPI_ENCODING_UTF8);
    kpi_plan *b = read_written(reader, &without);
    assert_plans_equal(plan, a);
    assert_plans_equal(plan, b);
    kpi_plan_free(a);
    kpi_plan_free(b);
    kpi_reader_free(reader);
    written_free(&with);
    written_free(&without);
    kpi_plan_free(plan);
}

/* Every line ends CRLF. */
static void assert_all_crlf(const char *s, size_t size)
{
    size_t lines = 0;
    for (size_t i = 0; i < size; i++) {
        if (s[i] == '\n') {
            assert_true(i > 0 && s[i - 1] == '\r');
            lines++;
        } else if (s[i] == '\r') {
            assert_true(i + 1 < size && s[i + 1] == '\n');
        }
    }
    assert_true(lines > 1);
    assert_true(size >= 2 && s[size - 2] == '\r' && s[size - 1] == '\n');
}

/* KPI_WRITE_CRLF ends every row CRLF (with or without the BOM), and the
 * files read back to the same plan. */
static void writer_crlf(void **state)
{
    (void)state;
    kpi_plan *plan = read_files_ok(NULL, SEED_STRUCTURE, SEED_PROGRESS);
    written lf = write_ok(plan, KPI_WRITE_NO_BOM);
    written crlf = write_ok(plan, KPI_WRITE_CRLF | KPI_WRITE_NO_BOM);
    written both = write_ok(plan, KPI_WRITE_CRLF);
    assert_all_crlf(crlf.structure, crlf.structure_size);
    assert_all_crlf(crlf.progress, crlf.progress_size);
    assert_true(starts_with(both.structure, both.structure_size, "\xEF\xBB\xBFtype,"));
    assert_all_crlf(both.structure + 3, both.structure_size - 3);
    /* The same rows, only the line ends differ. */
    char *expected_structure = to_crlf(lf.structure);
    assert_string_equal(crlf.structure, expected_structure);
    free(expected_structure);

    kpi_reader *reader = new_reader();
    kpi_plan *a = read_written(reader, &crlf);
    kpi_plan *b = read_written(reader, &both);
    assert_plans_equal(plan, a);
    assert_plans_equal(plan, b);
    kpi_plan_free(a);
    kpi_plan_free(b);
    kpi_reader_free(reader);
    written_free(&lf);
    written_free(&crlf);
    written_free(&both);
    kpi_plan_free(plan);
}

/* ---- Encodings --------------------------------------------------------------- */

/* The fixture plan (utf8-structure.csv / utf8-progress.csv) as expected. */
static void check_fixture_plan(kpi_plan *plan)
{
    assert_string_equal(kpi_plan_id(plan), "ueda-2017");
    assert_string_equal(kpi_plan_title(plan),
                        "平成29年度 重点目標一覧表（中間報告調書）");
    assert_string_equal(kpi_plan_organization(plan), "上田市");
    assert_string_equal(kpi_plan_department(plan), "政策企画部\u3000髙橋課");
    kpi_target *a = find_target(plan, "3-2-a");
    assert_string_equal(kpi_target_text(a), "①物件登録件数30件以上～");
    assert_int_equal(kpi_target_direction(a), KPI_DIRECTION_INCREASE); /* 以上 */
    assert_true(kpi_target_value(a) == 30.0);
    assert_string_equal(kpi_measurement_author(kpi_target_measurement_at(a, 0)), "髙橋");
    kpi_target *b = find_target(plan, "3-2-b");
    assert_true(kpi_target_value(b) == 15.0); /* １５ */
    assert_int_equal(kpi_target_due(b), 20170930);
    assert_string_equal(kpi_target_text(b), "成約件数15件以上（－）");
    assert_int_equal(kpi_measurement_date(kpi_target_measurement_at(b, 0)), 20170930);
    kpi_goal *goal = find_goal(plan, "3-2");
    assert_int_equal(kpi_goal_assessment_count(goal), 1);
    assert_int_equal(kpi_assessment_rating(kpi_goal_assessment_at(goal, 0)),
                     KPI_RATING_AHEAD);
    assert_string_equal(kpi_assessment_author(kpi_goal_assessment_at(goal, 0)), "髙橋");
    assert_int_equal(kpi_plan_note_count(plan), 1);
    assert_contains(kpi_plan_note_at(plan, 0), "[×：全て目標未進捗]");
}

/* UTF-8 without a BOM, with the default (AUTO) and with UTF8. */
static void encoding_utf8_without_bom(void **state)
{
    (void)state;
    for (int encoding = KPI_ENCODING_AUTO; encoding <= KPI_ENCODING_UTF8; encoding++) {
        kpi_reader *reader = new_reader();
        assert_int_equal(kpi_reader_set_encoding(reader, (kpi_encoding)encoding), KPI_OK);
        kpi_plan *plan = read_files_ok(reader, FIXTURE("utf8-structure.csv"),
                                       FIXTURE("utf8-progress.csv"));
        assert_int_equal(kpi_reader_detected_encoding(reader), KPI_ENCODING_UTF8);
        check_fixture_plan(plan);
        kpi_plan_free(plan);
        kpi_reader_free(reader);
    }
}

/* UTF-8 with a BOM reads as its twin without one, whatever the reader
 * expects (a BOM says UTF-8). */
static void encoding_utf8_with_bom(void **state)
{
    (void)state;
    kpi_plan *twin =
        read_files_ok(NULL, FIXTURE("utf8-structure.csv"), FIXTURE("utf8-progress.csv"));
    for (int encoding = KPI_ENCODING_AUTO; encoding <= KPI_ENCODING_CP932; encoding++) {
        kpi_reader *reader = new_reader();
        assert_int_equal(kpi_reader_set_encoding(reader, (kpi_encoding)encoding), KPI_OK);
        kpi_plan *plan = read_files_ok(reader, FIXTURE("bom-structure.csv"),
                                       FIXTURE("bom-progress.csv"));
        assert_int_equal(kpi_reader_detected_encoding(reader), KPI_ENCODING_UTF8);
        snprintf(compare_context, sizeof compare_context, "BOM, encoding %d", encoding);
        assert_plans_equal(twin, plan);
        kpi_plan_free(plan);
        kpi_reader_free(reader);
    }
    compare_context[0] = '\0';
    kpi_plan_free(twin);
}

/* CP932 read with the encoding given gives the same plan as its UTF-8 twin
 * (including NEC and IBM extension characters ① 髙 and ～ －). */
static void encoding_cp932_explicit(void **state)
{
    (void)state;
    kpi_plan *twin =
        read_files_ok(NULL, FIXTURE("utf8-structure.csv"), FIXTURE("utf8-progress.csv"));
    kpi_reader *reader = new_reader();
    assert_int_equal(kpi_reader_set_encoding(reader, KPI_ENCODING_CP932), KPI_OK);
    assert_int_equal(kpi_reader_encoding(reader), KPI_ENCODING_CP932);
    kpi_plan *plan = read_files_ok(reader, FIXTURE("cp932-structure.csv"),
                                   FIXTURE("cp932-progress.csv"));
    assert_int_equal(kpi_reader_detected_encoding(reader), KPI_ENCODING_CP932);
    check_fixture_plan(plan);
    snprintf(compare_context, sizeof compare_context, "CP932");
    assert_plans_equal(twin, plan);
    compare_context[0] = '\0';
    kpi_plan_free(plan);
    kpi_plan_free(twin);
    kpi_reader_free(reader);
}

/* With AUTO (the default), bytes that are not UTF-8 are read as CP932 and
 * kpi_reader_detected_encoding() says so. */
static void encoding_cp932_auto(void **state)
{
    (void)state;
    kpi_plan *twin =
        read_files_ok(NULL, FIXTURE("utf8-structure.csv"), FIXTURE("utf8-progress.csv"));
    kpi_reader *reader = new_reader();
    assert_int_equal(kpi_reader_encoding(reader), KPI_ENCODING_AUTO);
    kpi_plan *plan = read_files_ok(reader, FIXTURE("cp932-structure.csv"),
                                   FIXTURE("cp932-progress.csv"));
    assert_int_equal(kpi_reader_detected_encoding(reader), KPI_ENCODING_CP932);
    snprintf(compare_context, sizeof compare_context, "CP932 (auto)");
    assert_plans_equal(twin, plan);
    compare_context[0] = '\0';
    kpi_plan_free(plan);

    /* The next read finds UTF-8 again. */
    plan = read_files_ok(reader, FIXTURE("utf8-structure.csv"), NULL);
    assert_int_equal(kpi_reader_detected_encoding(reader), KPI_ENCODING_UTF8);
    kpi_plan_free(plan);
    kpi_plan_free(twin);
    kpi_reader_free(reader);
}

/* Reading with encoding fails with KPI_ERR_ENCODING at source:line, the
 * message naming the offending byte. */
static void check_encoding_error(kpi_encoding encoding, const char *structure,
                                 size_t structure_size, const char *progress,
                                 size_t progress_size, const char *source, int32_t line,
                                 const char *byte)
{
    check_read_error(NULL, encoding, structure, structure_size, progress, progress_size,
                     (expected){KPI_ERR_ENCODING, source, line, NULL, -1, byte});
}

/* Bytes that are not UTF-8, when the reader expects UTF-8, are
 * KPI_ERR_ENCODING at the line of the bad byte (never dropped). */
static void encoding_invalid_utf8(void **state)
{
    (void)state;
    static const char bad_ff[] = "type,code,parent,title\nplan,p,,P\ngoal,g,,bad\xFF\n";
    check_encoding_error(KPI_ENCODING_UTF8, bad_ff, sizeof bad_ff - 1, NULL, 0,
                         "structure", 3, "0xFF");
    /* Overlong "/" and a UTF-16 surrogate are not UTF-8 either. */
    static const char overlong[] =
        "type,code,parent,title\nplan,p,,P\n\ngoal,g,,\xC0\xAF\n";
    check_encoding_error(KPI_ENCODING_UTF8, overlong, sizeof overlong - 1, NULL, 0,
                         "structure", 4, "0xC0");
    static const char surrogate[] = "type,code,parent,title\nplan,p,,\xED\xA0\x80\n";
    check_encoding_error(KPI_ENCODING_UTF8, surrogate, sizeof surrogate - 1, NULL, 0,
                         "structure", 2, "0xED");
    /* Cut in the middle of a 3-byte character at the end of the file. */
    static const char cut[] = "type,code,parent,title\nplan,p,,P\ngoal,g,,\xE6\x97";
    check_encoding_error(KPI_ENCODING_UTF8, cut, sizeof cut - 1, NULL, 0, "structure", 3,
                         "0xE6");
    /* In the progress file, the source is "progress"; after a BOM too. */
    static const char progress[] = "\xEF\xBB\xBF" P_HEADER "t,2017-09-30,5,,ok\n"
                                   "t,2017-09-30,6,,\x82\xA0\n";
    check_encoding_error(KPI_ENCODING_UTF8, S_BASE, strlen(S_BASE), progress,
                         sizeof progress - 1, "progress", 3, "0x82");
    /* A BOM says UTF-8, so even AUTO does not fall back to CP932. */
    check_encoding_error(KPI_ENCODING_AUTO, S_BASE, strlen(S_BASE), progress,
                         sizeof progress - 1, "progress", 3, "0x82");
    /* CP932 bytes read as UTF-8: the first Japanese byte is on line 2. */
    size_t size;
    char *cp932 = read_whole_file(FIXTURE("cp932-structure.csv"), &size);
    check_encoding_error(KPI_ENCODING_UTF8, cp932, size, NULL, 0, "structure", 2,
                         "0x95"); /* 平 is 95 BD */
    free(cp932);
}

/* CP932 text cut in the middle of a double-byte character at the end of
 * the file is KPI_ERR_ENCODING at that line, with CP932 and with AUTO. */
static void encoding_cp932_cut(void **state)
{
    (void)state;
    size_t size;
    char *bytes = read_whole_file(FIXTURE("cp932-cut.csv"), &size);
    check_encoding_error(KPI_ENCODING_CP932, bytes, size, NULL, 0, "structure", 4,
                         "0x90");
    check_encoding_error(KPI_ENCODING_AUTO, bytes, size, NULL, 0, "structure", 4, "0x90");

    /* Through the file reader, the source is the path. */
    kpi_reader *reader = new_reader();
    assert_int_equal(kpi_reader_set_encoding(reader, KPI_ENCODING_CP932), KPI_OK);
    kpi_plan *plan = SENTINEL_PLAN;
    assert_int_equal(kpi_reader_read_files(&plan, reader, FIXTURE("cp932-cut.csv"), NULL),
                     KPI_ERR_ENCODING);
    assert_null(plan);
    assert_string_equal(kpi_error_source(), FIXTURE("cp932-cut.csv"));
    assert_int_equal(kpi_error_line(), 4);
    assert_contains(kpi_error_message(), FIXTURE("cp932-cut.csv") ":4:");
    kpi_reader_free(reader);
    free(bytes);
}

/* A NUL byte is KPI_ERR_ENCODING at its line, in UTF-8 and in CP932. */
static void encoding_nul_byte(void **state)
{
    (void)state;
    static const char nul[] =
        "type,code,parent,title\nplan,p,,P\ngoal,g,,G\ngoal,h,,a\0b\n";
    for (int encoding = KPI_ENCODING_AUTO; encoding <= KPI_ENCODING_CP932; encoding++)
        check_encoding_error((kpi_encoding)encoding, nul, sizeof nul - 1, NULL, 0,
                             "structure", 4, "NUL");
    static const char progress[] = P_HEADER "t,2017-09-30,5\n\n"
                                            "t,2017-09-30,6,,\0\n";
    check_encoding_error(KPI_ENCODING_AUTO, S_BASE, strlen(S_BASE), progress,
                         sizeof progress - 1, "progress", 4, "NUL");
}

/* ---- CSV syntax and line numbers --------------------------------------------- */

/* A CRLF file with quoted fields holding commas, doubled quotes and an
 * embedded line break, blank lines and ",,,," rows: every value comes
 * through verbatim. */
static void csv_crlf_quoting_fixture(void **state)
{
    (void)state;
    kpi_reader *reader = new_reader();
    kpi_plan *plan = read_files_ok(reader, FIXTURE("crlf-structure.csv"),
                                   FIXTURE("crlf-progress.csv"));
    assert_int_equal(kpi_reader_warning_count(reader), 0);
    assert_string_equal(kpi_plan_id(plan), "p");
    assert_string_equal(kpi_plan_title(plan), "Plan, with comma");
    assert_string_equal(kpi_goal_title(find_goal(plan, "g")), "He said \"hi\"");
    kpi_target *t = find_target(plan, "t");
    assert_string_equal(kpi_target_label(t), "line1\r\nline2");
    assert_string_equal(kpi_target_unit(t), "件");
    assert_true(kpi_target_value(t) == 1234.0);
    assert_string_equal(kpi_target_text(t), "a \"quoted\", text");
    kpi_target *u = find_target(plan, "u");
    assert_string_equal(kpi_target_label(u), "plain");
    assert_string_equal(kpi_target_unit(u), "");
    assert_true(kpi_target_value(u) == 30.0);
    assert_int_equal(kpi_plan_total_goal_count(plan), 1);
    assert_int_equal(kpi_plan_total_target_count(plan), 2);
    assert_int_equal(kpi_target_measurement_count(t), 1);
    assert_string_equal(kpi_measurement_note(kpi_target_measurement_at(t, 0)),
                        "note\r\nwith break");
    assert_int_equal(kpi_target_assessment_count(u), 1);
    assert_int_equal(kpi_assessment_rating(kpi_target_assessment_at(u, 0)),
                     KPI_RATING_ON_TRACK);
    assert_string_equal(kpi_assessment_comment(kpi_target_assessment_at(u, 0)), "a, b");
    /* And it writes and reads back without loss. */
    assert_round_trip(plan, KPI_WRITE_CRLF);
    kpi_plan_free(plan);
    kpi_reader_free(reader);
}

/* Errors on rows after a multi-line quoted field name the physical line:
 * in the fixture, lines 4-5 are one field and the error is on line 7. */
static void csv_line_after_multiline_field(void **state)
{
    (void)state;
    kpi_reader *reader = new_reader();
    kpi_plan *plan = SENTINEL_PLAN;
    const char *path = FIXTURE("multiline-error.csv");
    assert_int_equal(kpi_reader_read_files(&plan, reader, path, NULL), KPI_ERR_VALUE);
    assert_null(plan);
    assert_string_equal(kpi_error_source(), path);
    assert_int_equal(kpi_error_line(), 7);
    assert_int_equal(kpi_error_column(), 5);
    assert_contains(kpi_error_message(), FIXTURE("multiline-error.csv") ":7:");
    assert_contains(kpi_error_message(), "column \"value\"");
    assert_contains(kpi_error_message(), "\"abc\"");
    kpi_reader_free(reader);

    /* In memory, LF and CRLF: a field of three lines in the middle of a
     * row (with an empty line inside), then a blank line, a field of two
     * lines, then the error. */
#define MULTILINE_ROWS                                                                   \
    "type,code,parent,title,value,unit\n"                          /* 1 */               \
    "plan,p,,P\n"                                                  /* 2 */               \
    "goal,g,,\"a\n"                                                /* 3 */               \
    "\n"                                                           /* 4 */               \
    "b\",,回\n"                                                    /* 5 */               \
    "\n"                                                           /* 6 */               \
    "target,t,g,\"x,\n"                                            /* 7 */               \
    "\"\"y\"\"\",1\n"                                              /* 8 */
    static const char lf[] = MULTILINE_ROWS "target,u,g,U,oops\n"; /* 9 */
    structure_error(lf, (expected){KPI_ERR_VALUE, NULL, 9, "value", 5, "\"oops\""});
    char *crlf = to_crlf(lf);
    structure_error(crlf, (expected){KPI_ERR_VALUE, NULL, 9, "value", 5, "\"oops\""});
    free(crlf);

    /* The same in the progress file. */
    static const char progress[] = P_HEADER          /* 1 */
        "t,2017-09-30,1,,\"first\nsecond\nthird\"\n" /* 2-4 */
        "t,2017-09-30,2,,\"one\r\ntwo\"\n"           /* 5-6 */
        "zz,2017-09-30,3\n";                         /* 7 */
    progress_error(progress, (expected){KPI_ERR_NOT_FOUND, NULL, 7, "code", 1, "\"zz\""});

    /* The multi-line texts themselves came through. */
    plan = read_ok(MULTILINE_ROWS, NULL);
    assert_string_equal(kpi_goal_title(find_goal(plan, "g")), "a\n\nb");
    assert_string_equal(kpi_target_label(find_target(plan, "t")), "x,\n\"y\"");
    kpi_plan_free(plan);
#undef MULTILINE_ROWS
}

/* Blank lines and rows of empty cells (",,,,") are skipped, and the lines
 * after them are still counted right, with LF and with CRLF. */
static void csv_blank_rows_skipped(void **state)
{
    (void)state;
    static const char lf[] = S_HEADER /* 1 */
        "plan,p,,Plan\n"              /* 2 */
        "\n"                          /* 3 */
        ",,,,\n"                      /* 4 */
        "goal,g,,Goal\n"              /* 5 */
        ",,,,,,,,,,,,\n"              /* 6 */
        "\n"                          /* 7 */
        "\"\",\"\",,\n"               /* 8 */
        "target,t,g,T,,,,１０\n"      /* 9 */
        "\n";                         /* 10 */
    kpi_plan *plan = read_ok(lf, NULL);
    assert_int_equal(kpi_plan_total_goal_count(plan), 1);
    assert_int_equal(kpi_plan_total_target_count(plan), 1);
    assert_true(kpi_target_value(find_target(plan, "t")) == 10.0);
    kpi_plan_free(plan);

    static const char bad[] =
        S_HEADER "plan,p,,Plan\n\n,,,,\ngoal,g,,Goal\n,,,,,,,,,,,,\n\n"
                 "\"\",\"\",,\n"
                 "target,t,g,T,,,,ten\n";
    structure_error(bad, (expected){KPI_ERR_VALUE, NULL, 9, "value", 8, "\"ten\""});
    char *crlf = to_crlf(bad);
    structure_error(crlf, (expected){KPI_ERR_VALUE, NULL, 9, "value", 8, "\"ten\""});
    free(crlf);

    /* Blank lines before the header: the header is the first non-blank row. */
    plan = read_ok("\n,,,\n" S_HEADER "plan,p,,Plan\n", "\n" P_HEADER "\n");
    assert_string_equal(kpi_plan_id(plan), "p");
    kpi_plan_free(plan);
    structure_error("\n\n" S_HEADER "plan,p,,Plan\ngoal,g,zz,G\n",
                    (expected){KPI_ERR_NOT_FOUND, NULL, 5, "parent", 3, "\"zz\""});
}

/* Text after a closing quote (a,"b"c) or a quote inside an unquoted field
 * is KPI_ERR_PARSE at its line. */
static void csv_malformed_quote(void **state)
{
    (void)state;
    structure_error(S_BASE "goal,h,,\"b\"c\n",
                    (expected){KPI_ERR_PARSE, NULL, 6, NULL, -1, "quot"});
    structure_error(S_BASE "goal,h,,a\"b\"\n",
                    (expected){KPI_ERR_PARSE, NULL, 6, NULL, -1, "quot"});
    /* After a multi-line quoted field, the line is still right. */
    structure_error(S_BASE "goal,h,,\"two\nlines\"\ngoal,i,,\"x\"y\n",
                    (expected){KPI_ERR_PARSE, NULL, 8, NULL, -1, "quot"});
    progress_error(P_BASE "t,2017-09-30,1,,\"ok\"\"\" trailing\n",
                   (expected){KPI_ERR_PARSE, NULL, 3, NULL, -1, "quot"});
}

/* A quote never closed is KPI_ERR_PARSE at the line where it opened. */
static void csv_unclosed_quote(void **state)
{
    (void)state;
    structure_error(S_BASE "goal,h,,\"never closed\ngoal,i,,I\ngoal,j,,J\n",
                    (expected){KPI_ERR_PARSE, NULL, 6, NULL, -1, "quot"});
    /* In the first field of a row, and without a final line feed. */
    structure_error(S_BASE "\"goal,h,,H\ngoal,i,,I",
                    (expected){KPI_ERR_PARSE, NULL, 6, NULL, -1, "quot"});
    progress_error(P_BASE "\nt,2017-09-30,1,,\"open\n\n",
                   (expected){KPI_ERR_PARSE, NULL, 4, NULL, -1, "quot"});
}

/* The large texts of the limit tests, freed by free_big_text() even when a
 * check fails. */
static text big_text;

static int free_big_text(void **state)
{
    (void)state;
    text_free(&big_text);
    return 0;
}

/* A field longer than KPI_MAX_FIELD bytes is KPI_ERR_LIMIT at its line; a
 * field of exactly KPI_MAX_FIELD bytes is read. */
static void csv_field_limit(void **state)
{
    (void)state;
    text *s = &big_text;
    /* Twice the limit: refused at the field's line. */
    text_add(s, S_BASE "goal,h,,");
    text_add_repeat(s, 'z', (size_t)KPI_MAX_FIELD * 2);
    text_add(s, "\ngoal,i,,I\n");
    structure_error(s->data, (expected){KPI_ERR_LIMIT, NULL, 6, NULL, -1, NULL});
    text_free(s);

    /* Exactly at the limit: accepted, every byte kept. */
    text_add(s, S_BASE "goal,h,,");
    text_add_repeat(s, 'x', KPI_MAX_FIELD);
    text_add(s, "\n");
    kpi_plan *plan = read_ok(s->data, NULL);
    size_t length = strlen(kpi_goal_title(find_goal(plan, "h")));
    kpi_plan_free(plan);
    assert_int_equal(length, KPI_MAX_FIELD);
    text_free(s);

    /* One byte more: refused. */
    text_add(s, S_BASE "goal,h,,");
    text_add_repeat(s, 'x', (size_t)KPI_MAX_FIELD + 1);
    text_add(s, "\n");
    structure_error(s->data, (expected){KPI_ERR_LIMIT, NULL, 6, NULL, -1, NULL});
}

/* A quoted field over the limit that spans lines is reported at the line
 * the field (and its row) starts on, as every other error in a row is. */
static void csv_field_limit_multiline(void **state)
{
    (void)state;
    text *s = &big_text;
    text_add(s, S_BASE "goal,h,,\"");
    for (int i = 0; i < 4; i++) {
        text_add_repeat(s, 'y', KPI_MAX_FIELD / 2);
        text_add(s, "\n");
    }
    text_add(s, "\"\n");
    structure_error(s->data, (expected){KPI_ERR_LIMIT, NULL, 6, NULL, -1, NULL});
}

/* ---- Structure file errors ------------------------------------------------------ */

/* A header without type or code is KPI_ERR_PARSE at line 1, naming it. */
static void structure_missing_required_column(void **state)
{
    (void)state;
    structure_error("code,parent,title\np,,P\n",
                    (expected){KPI_ERR_PARSE, NULL, 1, "type", -1, NULL});
    structure_error("type,parent,title\nplan,,P\n",
                    (expected){KPI_ERR_PARSE, NULL, 1, "code", -1, NULL});
    /* The progress file needs code and date. */
    progress_error("date,value\n2017-09-30,1\n",
                   (expected){KPI_ERR_PARSE, NULL, 1, "code", -1, NULL});
    progress_error("code,value\nt,1\n",
                   (expected){KPI_ERR_PARSE, NULL, 1, "date", -1, NULL});
}

/* A column named twice (also once in English and once by its alias) is
 * KPI_ERR_PARSE at line 1, naming it. */
static void structure_column_twice(void **state)
{
    (void)state;
    structure_error("type,code,title,code\nplan,p,P,p\n",
                    (expected){KPI_ERR_PARSE, NULL, 1, "code", 4, NULL});
    structure_error("type,code,due,期限\nplan,p,,\n",
                    (expected){KPI_ERR_PARSE, NULL, 1, "due", 4, NULL});
    progress_error("code,date,value,Value\nt,2017-09-30,1,1\n",
                   (expected){KPI_ERR_PARSE, NULL, 1, "value", 4, NULL});
}

/* A type that is none of plan, goal, target, note is an error naming the
 * column and the text. */
static void structure_unknown_type(void **state)
{
    (void)state;
    structure_error(S_BASE "project,x,,X\n",
                    (expected){KPI_ERR_VALUE, NULL, 6, "type", 1, "\"project\""});
    structure_error(S_BASE "targets,x,g,X\n",
                    (expected){KPI_ERR_VALUE, NULL, 6, "type", 1, "\"targets\""});
}

/* The first row after the header must be the plan row. */
static void structure_first_row_not_plan(void **state)
{
    (void)state;
    structure_error(S_HEADER "goal,g,,Goal\nplan,p,,Plan\n",
                    (expected){KPI_ERR_PARSE, NULL, 2, "type", 1, NULL});
    structure_error(S_HEADER "\nnote,n,,text\n",
                    (expected){KPI_ERR_PARSE, NULL, 3, "type", 1, NULL});
    /* A header alone: no plan row. */
    structure_error(S_HEADER, (expected){KPI_ERR_PARSE, NULL, 2, NULL, -1, "plan"});
}

/* A second plan row is refused: a file holds one plan. The contract's
 * codes: KPI_ERR_PARSE is "a file that does not follow its format";
 * KPI_ERR_DUPLICATE is only "the code is already used in the plan". */
static void structure_second_plan_row(void **state)
{
    (void)state;
    structure_error(S_BASE "plan,q,,Other\n",
                    (expected){KPI_ERR_PARSE, NULL, 6, "type", 1, NULL});
}

/* A parent that names no goal defined on an earlier row is
 * KPI_ERR_NOT_FOUND: unknown, defined later, or a target's code. */
static void structure_unknown_parent(void **state)
{
    (void)state;
    structure_error(S_BASE "goal,h,zz,H\n",
                    (expected){KPI_ERR_NOT_FOUND, NULL, 6, "parent", 3, "\"zz\""});
    structure_error(S_BASE "goal,h,later,H\ngoal,later,,L\n",
                    (expected){KPI_ERR_NOT_FOUND, NULL, 6, "parent", 3, "\"later\""});
    structure_error(S_BASE "target,x,later,X\ngoal,later,,L\n",
                    (expected){KPI_ERR_NOT_FOUND, NULL, 6, "parent", 3, "\"later\""});
    structure_error(S_BASE "target,x,t,X\n",
                    (expected){KPI_ERR_NOT_FOUND, NULL, 6, "parent", 3, "\"t\""});
    structure_error(S_BASE "note,n,zz,Text\n",
                    (expected){KPI_ERR_NOT_FOUND, NULL, 6, "parent", 3, "\"zz\""});
}

/* A target needs a goal as parent: none, or the plan id, is an error. */
static void structure_target_without_parent(void **state)
{
    (void)state;
    structure_error(S_BASE "target,x,,X\n",
                    (expected){KPI_ERR_VALUE, NULL, 6, "parent", 3, NULL});
    structure_error(S_BASE "target,x,p,X\n",
                    (expected){KPI_ERR_VALUE, NULL, 6, "parent", 3, NULL});
}

/* A code used twice among goals and targets is KPI_ERR_DUPLICATE naming
 * the code column and the code. */
static void structure_duplicate_code(void **state)
{
    (void)state;
    structure_error(S_BASE "goal,g,,Again\n",
                    (expected){KPI_ERR_DUPLICATE, NULL, 6, "code", 2, "\"g\""});
    structure_error(S_BASE "goal,t,,Like a target\n",
                    (expected){KPI_ERR_DUPLICATE, NULL, 6, "code", 2, "\"t\""});
    structure_error(S_BASE "target,g,g,Like a goal\n",
                    (expected){KPI_ERR_DUPLICATE, NULL, 6, "code", 2, "\"g\""});
    /* Codes are compared without surrounding blanks. */
    structure_error(S_BASE "target,\" t \",g,Blank\n",
                    (expected){KPI_ERR_DUPLICATE, NULL, 6, "code", 2, "\"t\""});
}

/* A due date that is not a date: KPI_ERR_DATE with
 * `structure:N: column "due": "2017-13-01" is not a date...`. */
static void structure_bad_due_date(void **state)
{
    (void)state;
    structure_error(
        S_BASE "target,x,g,X,,,,,,,2017-13-01\n",
        (expected){KPI_ERR_DATE, NULL, 6, "due", 11,
                   "structure:6: column \"due\": \"2017-13-01\" is not a date"});
    structure_error(S_BASE "target,x,g,X,,,,,,,soon\n",
                    (expected){KPI_ERR_DATE, NULL, 6, "due", 11, "\"soon\""});
    /* The plan row's period too. */
    structure_error(S_HEADER "plan,p,,Plan,,,,,,2017-04-01,2018-3-32\n",
                    (expected){KPI_ERR_DATE, NULL, 2, "due", 11, "\"2018-3-32\""});
}

/* An impossible calendar date (2017-02-30) is KPI_ERR_DATE. */
static void structure_impossible_date(void **state)
{
    (void)state;
    structure_error(S_BASE "target,x,g,X,,,,,,2017-02-30\n",
                    (expected){KPI_ERR_DATE, NULL, 6, "start", 10, "\"2017-02-30\""});
    structure_error(S_BASE "target,x,g,X,,,,,,,2018-02-29\n",
                    (expected){KPI_ERR_DATE, NULL, 6, "due", 11, "\"2018-02-29\""});
    structure_error(S_BASE "target,x,g,X,,,,,,,平成29年2月30日\n",
                    (expected){KPI_ERR_DATE, NULL, 6, "due", 11, "平成29年2月30日"});
}

/* A number column holding no number is KPI_ERR_VALUE. */
static void structure_value_not_number(void **state)
{
    (void)state;
    structure_error(S_BASE "target,x,g,X,,,,abc\n",
                    (expected){KPI_ERR_VALUE, NULL, 6, "value", 8, "\"abc\""});
    structure_error("type,code,parent,title,start_value,reference,change_pct\n"
                    "plan,p,,P\ngoal,g,,G\ntarget,x,g,X,1,2,10%\n",
                    (expected){KPI_ERR_VALUE, NULL, 4, "change_pct", 7, "\"10%\""});
    structure_error("type,code,parent,title,start_value\nplan,p,,P\ngoal,g,,G\n"
                    "target,x,g,X,三十\n",
                    (expected){KPI_ERR_VALUE, NULL, 4, "start_value", 5, "\"三十\""});
}

/* A weight of -1 (or 0) is KPI_ERR_VALUE, on targets and goals. */
static void structure_negative_weight(void **state)
{
    (void)state;
    structure_error(S_BASE "target,x,g,X,,,,,-1\n",
                    (expected){KPI_ERR_VALUE, NULL, 6, "weight", 9, "-1"});
    structure_error(S_BASE "goal,h,,H,,,,,0\n",
                    (expected){KPI_ERR_VALUE, NULL, 6, "weight", 9, "got 0"});
}

/* Words outside their lists (kind, direction, schedule, accumulate) are
 * KPI_ERR_VALUE naming the column and the text. */
static void structure_bad_words(void **state)
{
    (void)state;
    structure_error(S_BASE "target,x,g,X,,big\n",
                    (expected){KPI_ERR_VALUE, NULL, 6, "kind", 6, "\"big\""});
    structure_error(S_BASE "target,x,g,X,,,up\n",
                    (expected){KPI_ERR_VALUE, NULL, 6, "direction", 7, "\"up\""});
    structure_error(S_BASE "target,x,g,X,,,,,,,,fast\n",
                    (expected){KPI_ERR_VALUE, NULL, 6, "schedule", 12, "\"fast\""});
    structure_error(S_BASE "target,x,g,X,,,,,,,,,total\n",
                    (expected){KPI_ERR_VALUE, NULL, 6, "accumulate", 13, "\"total\""});
    /* The accepted spellings. */
    kpi_plan *plan = read_ok(S_BASE "target,a,g,A,,milestone,decrease,,,,,step,sum\n"
                                    "target,b,g,B,,qualitative,<=,,,,,level,latest\n"
                                    "target,c,g,C,,numeric,以下,,,,,linear\n"
                                    "target,d,g,D,,,>=\n",
                             NULL);
    kpi_target *a = find_target(plan, "a");
    assert_int_equal(kpi_target_kind(a), KPI_KIND_MILESTONE);
    assert_int_equal(kpi_target_direction(a), KPI_DIRECTION_DECREASE);
    assert_int_equal(kpi_target_schedule(a), KPI_SCHEDULE_STEP);
    assert_int_equal(kpi_target_accumulate(a), KPI_ACCUMULATE_SUM);
    kpi_target *b = find_target(plan, "b");
    assert_int_equal(kpi_target_kind(b), KPI_KIND_QUALITATIVE);
    assert_int_equal(kpi_target_direction(b), KPI_DIRECTION_DECREASE);
    assert_int_equal(kpi_target_schedule(b), KPI_SCHEDULE_LEVEL);
    assert_int_equal(kpi_target_accumulate(b), KPI_ACCUMULATE_LATEST);
    kpi_target *c = find_target(plan, "c");
    assert_int_equal(kpi_target_kind(c), KPI_KIND_NUMERIC);
    assert_int_equal(kpi_target_direction(c), KPI_DIRECTION_DECREASE);
    assert_int_equal(kpi_target_schedule(c), KPI_SCHEDULE_LINEAR);
    kpi_target *d = find_target(plan, "d");
    assert_int_equal(kpi_target_kind(d), KPI_KIND_NUMERIC);
    assert_int_equal(kpi_target_direction(d), KPI_DIRECTION_INCREASE);
    assert_int_equal(kpi_target_schedule(d), KPI_SCHEDULE_DEFAULT);
    kpi_plan_free(plan);
}

/* A note needs its text (in the title column). */
static void structure_note_without_text(void **state)
{
    (void)state;
    structure_error(S_BASE "note,n1,p,\n",
                    (expected){KPI_ERR_VALUE, NULL, 6, "title", 4, NULL});
    structure_error(S_BASE "note,n1,g\n",
                    (expected){KPI_ERR_VALUE, NULL, 6, "title", 4, NULL});
}

/* A row wider than the header is KPI_ERR_PARSE when the extra cells hold
 * text; extra empty cells (as spreadsheets leave) are fine. */
static void structure_row_wider_than_header(void **state)
{
    (void)state;
    structure_error(S_BASE "goal,h,,H,,,,,,,,,,extra\n",
                    (expected){KPI_ERR_PARSE, NULL, 6, NULL, 14, "14"});
    progress_error(P_BASE "t,2017-09-30,1,,,,more\n",
                   (expected){KPI_ERR_PARSE, NULL, 3, NULL, 7, "7"});
    kpi_plan *plan =
        read_ok(S_BASE "goal,h,,H,,,,,,,,,,,,,\n", P_BASE "t,2017-09-30,1,,,,,\n");
    assert_string_equal(kpi_goal_title(find_goal(plan, "h")), "H");
    kpi_plan_free(plan);
}

/* An empty file (or only a BOM, or only blank rows) is KPI_ERR_PARSE. */
static void structure_empty_file(void **state)
{
    (void)state;
    structure_error("", (expected){KPI_ERR_PARSE, NULL, 1, NULL, -1, NULL});
    structure_error("\xEF\xBB\xBF", (expected){KPI_ERR_PARSE, NULL, 1, NULL, -1, NULL});
    structure_error("\n\n,,,\n", (expected){KPI_ERR_PARSE, NULL, 1, NULL, -1, NULL});
    /* An empty progress file given is an error too. */
    progress_error("", (expected){KPI_ERR_PARSE, NULL, 1, NULL, -1, NULL});
}

/* ---- Progress file errors -------------------------------------------------- */

/* A code that is no target or goal is KPI_ERR_NOT_FOUND. */
static void progress_unknown_code(void **state)
{
    (void)state;
    progress_error(P_BASE "zz,2017-09-30,1\n",
                   (expected){KPI_ERR_NOT_FOUND, NULL, 3, "code", 1, "\"zz\""});
    /* The plan id is not a target. */
    progress_error(P_BASE "p,2017-09-30,1\n",
                   (expected){KPI_ERR_NOT_FOUND, NULL, 3, "code", 1, "\"p\""});
}

/* A value that is no number is KPI_ERR_VALUE. */
static void progress_value_not_number(void **state)
{
    (void)state;
    progress_error(P_BASE "t,2017-09-30,abc\n",
                   (expected){KPI_ERR_VALUE, NULL, 3, "value", 3, "\"abc\""});
    progress_error(P_BASE "t,2017-09-30,32件\n",
                   (expected){KPI_ERR_VALUE, NULL, 3, "value", 3, "\"32件\""});
}

/* All eight spellings of a rating are accepted, on targets and goals. */
static void progress_rating_spellings(void **state)
{
    (void)state;
    kpi_plan *plan = read_ok(S_BASE, P_HEADER "t,2017-09-01,,◎\n"
                                              "t,2017-09-02,,○\n"
                                              "t,2017-09-03,,△\n"
                                              "t,2017-09-04,,×\n"
                                              "t,2017-09-05,,ahead\n"
                                              "t,2017-09-06,,on_track\n"
                                              "t,2017-09-07,,behind\n"
                                              "t,2017-09-08,,not_progressed\n"
                                              "g,2017-09-09,,\" ◎ \",comment,author\n");
    static const kpi_rating expected_ratings[] = {
        KPI_RATING_AHEAD,          KPI_RATING_ON_TRACK,       KPI_RATING_BEHIND,
        KPI_RATING_NOT_PROGRESSED, KPI_RATING_AHEAD,          KPI_RATING_ON_TRACK,
        KPI_RATING_BEHIND,         KPI_RATING_NOT_PROGRESSED,
    };
    kpi_target *t = find_target(plan, "t");
    assert_int_equal(kpi_target_assessment_count(t), 8);
    assert_int_equal(kpi_target_measurement_count(t), 0);
    for (size_t i = 0; i < 8; i++) {
        kpi_assessment *a = kpi_target_assessment_at(t, i);
        assert_int_equal(kpi_assessment_rating(a), expected_ratings[i]);
        assert_int_equal(kpi_assessment_date(a), 20170901 + (int32_t)i);
    }
    kpi_goal *g = find_goal(plan, "g");
    assert_int_equal(kpi_goal_assessment_count(g), 1);
    assert_int_equal(kpi_assessment_rating(kpi_goal_assessment_at(g, 0)),
                     KPI_RATING_AHEAD);
    assert_string_equal(kpi_assessment_comment(kpi_goal_assessment_at(g, 0)), "comment");
    assert_string_equal(kpi_assessment_author(kpi_goal_assessment_at(g, 0)), "author");
    kpi_plan_free(plan);
}

/* Any other rating ("good", "◯" U+25EF, "0", "Ahead?") is KPI_ERR_VALUE. */
static void progress_rating_refused(void **state)
{
    (void)state;
    progress_error(P_BASE "t,2017-09-30,,good\n",
                   (expected){KPI_ERR_VALUE, NULL, 3, "rating", 4, "\"good\""});
    progress_error(P_BASE "t,2017-09-30,,◯\n",
                   (expected){KPI_ERR_VALUE, NULL, 3, "rating", 4, "\"◯\""});
    progress_error(P_BASE "g,2017-09-30,,◎◎\n",
                   (expected){KPI_ERR_VALUE, NULL, 3, "rating", 4, "\"◎◎\""});
    progress_error(
        P_BASE "t,2017-09-30,,ahead of target\n",
        (expected){KPI_ERR_VALUE, NULL, 3, "rating", 4, "\"ahead of target\""});
}

/* A row with both a value and a rating is KPI_ERR_PARSE. */
static void progress_value_and_rating(void **state)
{
    (void)state;
    progress_error(P_BASE "t,2017-09-30,5,○\n",
                   (expected){KPI_ERR_PARSE, NULL, 3, NULL, -1, "value"});
    assert_contains(kpi_error_message(), "rating");
}

/* A row with neither a value nor a rating is KPI_ERR_PARSE. */
static void progress_neither_value_nor_rating(void **state)
{
    (void)state;
    progress_error(P_BASE "t,2017-09-30\n",
                   (expected){KPI_ERR_PARSE, NULL, 3, NULL, -1, "value"});
    assert_contains(kpi_error_message(), "rating");
    progress_error(P_BASE "g,2017-09-30,,,comment\n",
                   (expected){KPI_ERR_PARSE, NULL, 3, NULL, -1, "value"});
}

/* Goals take ratings, not values: a value on a goal code is KPI_ERR_VALUE. */
static void progress_value_on_goal(void **state)
{
    (void)state;
    progress_error(P_BASE "g,2017-09-30,5\n",
                   (expected){KPI_ERR_VALUE, NULL, 3, "value", 3, "\"g\""});
}

/* A milestone's progress is 0..1: a value of 2 is KPI_ERR_VALUE. */
static void progress_milestone_out_of_range(void **state)
{
    (void)state;
    progress_error(P_BASE "m,2017-09-30,2\n",
                   (expected){KPI_ERR_VALUE, NULL, 3, "value", 3, "got 2"});
    progress_error(P_BASE "m,2017-09-30,-0.5\n",
                   (expected){KPI_ERR_VALUE, NULL, 3, "value", 3, "-0.5"});
    kpi_plan *plan =
        read_ok(S_BASE, P_BASE "m,2017-09-30,0\nm,2017-09-30,0.5\nm,2017-09-30,1\n");
    assert_int_equal(kpi_target_measurement_count(find_target(plan, "m")), 3);
    kpi_plan_free(plan);
}

/* A row without a date is KPI_ERR_DATE naming the date column. */
static void progress_missing_date(void **state)
{
    (void)state;
    progress_error(P_BASE "t,,5\n", (expected){KPI_ERR_DATE, NULL, 3, "date", 2, NULL});
    progress_error(P_BASE "g,\" \",,○\n",
                   (expected){KPI_ERR_DATE, NULL, 3, "date", 2, NULL});
}

/* A date that is not one is KPI_ERR_DATE quoting it. */
static void progress_bad_date(void **state)
{
    (void)state;
    progress_error(P_BASE "t,2017-02-30,5\n",
                   (expected){KPI_ERR_DATE, NULL, 3, "date", 2, "\"2017-02-30\""});
    progress_error(P_BASE "t,yesterday,5\n",
                   (expected){KPI_ERR_DATE, NULL, 3, "date", 2, "\"yesterday\""});
    progress_error(P_BASE "t,2017-09-30x,5\n",
                   (expected){KPI_ERR_DATE, NULL, 3, "date", 2, "\"2017-09-30x\""});
}

/* ---- Atomic loading ---------------------------------------------------------- */

/* After a failed read *out is NULL, and a plan the caller already holds is
 * untouched: written before and after, the bytes are the same. Errors late
 * in the progress file leave nothing behind either. */
static void atomic_failed_read_leaves_plan_alone(void **state)
{
    (void)state;
    kpi_reader *reader = new_reader();
    kpi_plan *held = read_files_ok(reader, SEED_STRUCTURE, SEED_PROGRESS);
    written before = write_ok(held, KPI_WRITE_DEFAULT);

    /* An error in the structure file, and one in the last row of the
     * progress file, after every other row was loaded. */
    static const char late[] = P_BASE "t,2017-10-31,6\nm,2017-09-30,1\nt,2017-11-30,x\n";
    check_read_error(reader, KPI_ENCODING_AUTO, S_BASE "goal,h,zz,H\n",
                     strlen(S_BASE "goal,h,zz,H\n"), NULL, 0,
                     (expected){KPI_ERR_NOT_FOUND, "structure", 6, "parent", 3, NULL});
    check_read_error(reader, KPI_ENCODING_AUTO, S_BASE, strlen(S_BASE), late,
                     strlen(late),
                     (expected){KPI_ERR_VALUE, "progress", 5, "value", 3, "\"x\""});
    /* The caller's own plan variable passed as out is set to NULL, not
     * half-filled. */
    kpi_plan *out = held;
    assert_int_equal(kpi_reader_read_buffers(&out, reader, "", 0, NULL, 0),
                     KPI_ERR_PARSE);
    assert_null(out);
    out = SENTINEL_PLAN;
    assert_int_equal(
        kpi_reader_read_files(&out, reader, "tests/data/csv/no-such-file.csv", NULL),
        KPI_ERR_IO);
    assert_null(out);
    out = SENTINEL_PLAN;
    assert_int_equal(kpi_reader_read_files(&out, reader, SEED_STRUCTURE,
                                           "tests/data/csv/no-such-file.csv"),
                     KPI_ERR_IO);
    assert_null(out);

    written after = write_ok(held, KPI_WRITE_DEFAULT);
    assert_written_equal(&before, &after);
    written_free(&before);
    written_free(&after);
    kpi_plan_free(held);
    kpi_reader_free(reader);
}

/* A failed read clears the reader's warnings: none of the failed read's,
 * and none left from the read before. */
static void atomic_warnings_cleared(void **state)
{
    (void)state;
    kpi_reader *reader = new_reader();
    kpi_plan *plan =
        read_ok_with(reader, "type,code,parent,title,memo\nplan,p,,P,x\n", NULL);
    assert_int_equal(kpi_reader_warning_count(reader), 1);
    kpi_plan_free(plan);
    /* This read would warn about "memo" too, but fails on line 3. */
    static const char bad[] = "type,code,parent,title,memo\nplan,p,,P\ngoal,g,zz,G\n";
    check_read_error(
        reader, KPI_ENCODING_AUTO, bad, strlen(bad), NULL, 0,
        (expected){KPI_ERR_NOT_FOUND, "structure", 3, "parent", 3, "\"zz\""});
    assert_int_equal(kpi_reader_warning_count(reader), 0);
    assert_null(kpi_reader_warning_at(reader, 0));
    kpi_reader_free(reader);
}

/* ---- Warnings ------------------------------------------------------------------ */

/* An unknown column is a warning naming it, at line 1, in either file. */
static void warnings_unknown_column(void **state)
{
    (void)state;
    kpi_reader *reader = new_reader();
    kpi_plan *plan = read_ok_with(reader, "type,code,memo,parent,title\nplan,p,x,,P\n",
                                  "code,date,value,checked by\n");
    assert_string_equal(kpi_plan_title(plan), "P");
    assert_int_equal(kpi_reader_warning_count(reader), 2);
    assert_int_equal(kpi_reader_warning_line_at(reader, 0), 1);
    assert_contains(kpi_reader_warning_at(reader, 0), "structure:1:");
    assert_contains(kpi_reader_warning_at(reader, 0), "\"memo\"");
    assert_int_equal(kpi_reader_warning_line_at(reader, 1), 1);
    assert_contains(kpi_reader_warning_at(reader, 1), "progress:1:");
    assert_contains(kpi_reader_warning_at(reader, 1), "\"checked by\"");
    /* Out of range: NULL and 0. */
    assert_null(kpi_reader_warning_at(reader, 2));
    assert_int_equal(kpi_reader_warning_line_at(reader, 2), 0);
    kpi_plan_free(plan);
    kpi_reader_free(reader);
}

/* Text in a column that means nothing for the row's type (unit on a goal,
 * value on the plan, department on a target) is a warning at its line. */
static void warnings_unused_column(void **state)
{
    (void)state;
    kpi_reader *reader = new_reader();
    kpi_plan *plan = read_ok_with(reader,
                                  "type,code,parent,title,unit,value,department\n"
                                  "plan,p,,P,,5\n"
                                  "goal,g,,G,件\n"
                                  "target,t,g,T,件,3,政策企画部\n"
                                  "note,n,g,Note,,7\n",
                                  NULL);
    assert_int_equal(kpi_reader_warning_count(reader), 4);
    static const struct {
        int32_t line;
        const char *column;
    } warned[] = {
        {2, "\"value\""}, {3, "\"unit\""}, {4, "\"department\""}, {5, "\"value\""}};
    for (size_t i = 0; i < 4; i++) {
        char where[32];
        snprintf(where, sizeof where, "structure:%d:", (int)warned[i].line);
        assert_int_equal(kpi_reader_warning_line_at(reader, i), warned[i].line);
        assert_contains(kpi_reader_warning_at(reader, i), where);
        assert_contains(kpi_reader_warning_at(reader, i), warned[i].column);
    }
    /* The target's own columns were read. */
    assert_string_equal(kpi_target_unit(find_target(plan, "t")), "件");
    assert_string_equal(kpi_plan_department(plan), "");
    kpi_plan_free(plan);
    kpi_reader_free(reader);
}

/* Each read replaces the warnings of the one before. */
static void warnings_replaced_by_next_read(void **state)
{
    (void)state;
    kpi_reader *reader = new_reader();
    kpi_plan *plan = read_ok_with(reader, "type,code,a,b\nplan,p\n", NULL);
    assert_int_equal(kpi_reader_warning_count(reader), 2);
    kpi_plan_free(plan);
    plan = read_ok_with(reader, "type,code,c\nplan,p\n", NULL);
    assert_int_equal(kpi_reader_warning_count(reader), 1);
    assert_contains(kpi_reader_warning_at(reader, 0), "\"c\"");
    kpi_plan_free(plan);
    plan = read_ok_with(reader, "type,code\nplan,p\n", NULL);
    assert_int_equal(kpi_reader_warning_count(reader), 0);
    kpi_plan_free(plan);
    kpi_reader_free(reader);
}

/* ---- Headers ---------------------------------------------------------------- */

static const char english_structure[] =
    "type,code,parent,title,unit,value,due,text\n"
    "plan,p,,計画\n"
    "goal,g,,目標\n"
    "target,t,g,物件登録件数,件,30,2017-09,30件以上\n";
static const char english_progress[] = "code,date,value,rating,note\n"
                                       "t,2017-09-30,32,,32件\n"
                                       "g,2017-09-30,,◎,順調\n";

/* Headers in Japanese (the contract's aliases) read the same as English. */
static void headers_japanese_aliases(void **state)
{
    (void)state;
    kpi_plan *english = read_ok(english_structure, english_progress);
    kpi_reader *reader = new_reader();
    kpi_plan *japanese = read_ok_with(reader,
                                      "種別,コード,親,名称,単位,目標値,期限,原文\n"
                                      "plan,p,,計画\n"
                                      "goal,g,,目標\n"
                                      "target,t,g,物件登録件数,件,30,2017-09,30件以上\n",
                                      "コード,日付,実績,評価,備考\n"
                                      "t,2017-09-30,32,,32件\n"
                                      "g,2017-09-30,,◎,順調\n");
    assert_int_equal(kpi_reader_warning_count(reader), 0);
    snprintf(compare_context, sizeof compare_context, "Japanese headers");
    assert_plans_equal(english, japanese);
    kpi_plan_free(japanese);

    /* The other aliases the contract suggests. */
    japanese = read_ok_with(reader,
                            "種別,コード,親,名称,基準値,前年度実績,期限\n"
                            "plan,p,,P\ngoal,g,,G\ntarget,t,g,T,5,100,2018-03-31\n",
                            NULL);
    assert_int_equal(kpi_reader_warning_count(reader), 0);
    kpi_target *t = find_target(japanese, "t");
    assert_true(kpi_target_start_value(t) == 5.0);
    assert_true(kpi_target_reference(t) == 100.0);
    assert_int_equal(kpi_target_due(t), 20180331);
    compare_context[0] = '\0';
    kpi_plan_free(japanese);
    kpi_plan_free(english);
    kpi_reader_free(reader);
}

/* Header names are matched without regard to ASCII case and surrounding
 * blanks, quoted or not. */
static void headers_case_and_blanks(void **state)
{
    (void)state;
    kpi_plan *english = read_ok(english_structure, english_progress);
    kpi_reader *reader = new_reader();
    kpi_plan *other =
        read_ok_with(reader,
                     "TYPE, Code ,\" Parent \",Title,\"UNIT\t\",Value,DUE,Text\n"
                     "plan,p,,計画\n"
                     "goal,g,,目標\n"
                     "target,t,g,物件登録件数,件,30,2017-09,30件以上\n",
                     "\" CODE\",Date,VALUE ,Rating,Note\n"
                     "t,2017-09-30,32,,32件\n"
                     "g,2017-09-30,,◎,順調\n");
    assert_int_equal(kpi_reader_warning_count(reader), 0);
    snprintf(compare_context, sizeof compare_context, "header case and blanks");
    assert_plans_equal(english, other);
    compare_context[0] = '\0';
    kpi_plan_free(other);
    kpi_plan_free(english);
    kpi_reader_free(reader);
}

/* ---- Dates in files ---------------------------------------------------------- */

/* Era, fiscal-year, month and full-width forms: a start takes the first
 * day of what the text names, a due date the last. */
static void dates_era_fiscal_month_fullwidth(void **state)
{
    (void)state;
    kpi_plan *plan = read_ok("type,code,parent,title,start,due\n"
                             "plan,p,,P,平成29年度,平成29年度\n"
                             "goal,g,,G\n"
                             "target,a,g,A,,2017-09\n"
                             "target,b,g,B,2017-09,２０１８－０３\n"
                             "target,c,g,C,H29.4.1,令和元年5月1日\n"
                             "target,d,g,D,FY2017,FY2017\n"
                             "target,e,g,E,,平成32年度\n"
                             "target,f,g,F,２０１７年１０月１日,Ｈ３０．３．３１\n",
                             "code,date,value\n"
                             "a,H29.9.30,1\n"
                             "b,２０１７－０９－３０,2\n"
                             "c,平成29年9月30日,3\n"
                             "d,2017/9/30,4\n");
    assert_int_equal(kpi_plan_start(plan), 20170401);
    assert_int_equal(kpi_plan_end(plan), 20180331);
    static const struct {
        const char *code;
        int32_t start, due;
    } dates[] = {
        {"a", 0, 20170930},        {"b", 20170901, 20180331}, {"c", 20170401, 20190501},
        {"d", 20170401, 20180331}, {"e", 0, 20210331},        {"f", 20171001, 20180331},
    };
    for (size_t i = 0; i < sizeof dates / sizeof *dates; i++) {
        kpi_target *t = find_target(plan, dates[i].code);
        assert_int_equal(kpi_target_start(t), dates[i].start);
        assert_int_equal(kpi_target_due(t), dates[i].due);
    }
    for (size_t i = 0; i < 4; i++) {
        kpi_target *t = find_target(plan, dates[i].code);
        assert_int_equal(kpi_measurement_date(kpi_target_measurement_at(t, 0)), 20170930);
    }
    /* Written back in ISO form. */
    written w = write_ok(plan, KPI_WRITE_NO_BOM);
    assert_contains(w.structure, "\nplan,p,,P,,,,,,,,2017-04-01,2018-03-31,");
    assert_contains(w.progress, "\na,2017-09-30,1,");
    written_free(&w);
    kpi_plan_free(plan);
}

/* ---- Writing to paths --------------------------------------------------------- */

/* kpi_plan_write_files leaves exactly the two files, no temporary one, on
 * a first write and when replacing; the files read back to the plan. */
static void write_files_no_temporary_left(void **state)
{
    (void)state;
    kpi_plan *plan = read_files_ok(NULL, SEED_STRUCTURE, SEED_PROGRESS);
    char *dir = make_temp_dir();
    char *structure = path_in(dir, "s.csv");
    char *progress = path_in(dir, "p.csv");
    for (int round = 0; round < 2; round++) {
        assert_int_equal(
            kpi_plan_write_files(plan, structure, progress, KPI_WRITE_DEFAULT), KPI_OK);
        char *names = list_dir(dir);
        assert_string_equal(names, "p.csv|s.csv");
        free(names);
    }
    /* Without a progress path only the structure file is written. */
    char *only = path_in(dir, "only.csv");
    assert_int_equal(kpi_plan_write_files(plan, only, NULL, KPI_WRITE_NO_BOM), KPI_OK);
    char *names = list_dir(dir);
    assert_string_equal(names, "only.csv|p.csv|s.csv");
    free(names);
    kpi_plan *copy = read_files_ok(NULL, structure, progress);
    assert_plans_equal(plan, copy);
    kpi_plan_free(copy);
    remove_dir(dir);
    free(only);
    free(structure);
    free(progress);
    free(dir);
    kpi_plan_free(plan);
}

/* A destination that cannot be written (its directory does not exist) is
 * KPI_ERR_IO with the path in the message. */
static void write_files_unwritable_destination(void **state)
{
    (void)state;
    kpi_plan *plan = read_files_ok(NULL, SEED_STRUCTURE, SEED_PROGRESS);
    char *dir = make_temp_dir();
    char *missing = path_in(dir, "missing/structure.csv");
    char *structure = path_in(dir, "s.csv");
    kpi_error_clear();
    assert_int_equal(kpi_plan_write_files(plan, missing, NULL, KPI_WRITE_DEFAULT),
                     KPI_ERR_IO);
    assert_int_equal(kpi_error_code(), KPI_ERR_IO);
    assert_contains(kpi_error_message(), missing);
    /* The progress path failing is reported the same way. */
    assert_int_equal(kpi_plan_write_files(plan, structure, missing, KPI_WRITE_DEFAULT),
                     KPI_ERR_IO);
    assert_contains(kpi_error_message(), missing);
    char *names = list_dir(dir);
    assert_string_equal(names, "s.csv");
    free(names);
    remove_dir(dir);
    free(missing);
    free(structure);
    free(dir);
    kpi_plan_free(plan);
}

/* A failed write keeps the previous file intact and leaves no temporary
 * file: into a read-only directory (not checkable as root, who may write
 * anywhere), and onto a path that is a directory. */
static void write_files_failure_keeps_previous(void **state)
{
    (void)state;
    kpi_plan *plan = read_files_ok(NULL, SEED_STRUCTURE, SEED_PROGRESS);
    kpi_plan *small = read_ok(S_BASE, P_BASE);
    char *dir = make_temp_dir();
    char *structure = path_in(dir, "s.csv");
    char *progress = path_in(dir, "p.csv");
    assert_int_equal(kpi_plan_write_files(small, structure, progress, KPI_WRITE_DEFAULT),
                     KPI_OK);
    size_t before_size, after_size;
    char *before = read_whole_file(structure, &before_size);

    if (geteuid() != 0) {
        assert_int_equal(chmod(dir, 0555), 0);
        assert_int_equal(
            kpi_plan_write_files(plan, structure, progress, KPI_WRITE_DEFAULT),
            KPI_ERR_IO);
        assert_contains(kpi_error_message(), structure);
        assert_int_equal(chmod(dir, 0755), 0);
        char *after = read_whole_file(structure, &after_size);
        assert_bytes_equal("structure file", before, before_size, after, after_size);
        free(after);
        char *names = list_dir(dir);
        assert_string_equal(names, "p.csv|s.csv");
        free(names);
    } else {
        /* Running as root: a read-only directory does not stop root, so
         * only this sub-check is skipped. */
        print_message(
            "write_files_failure_keeps_previous: root, read-only check skipped\n");
    }

    /* A destination that is a directory cannot be replaced by a file. */
    char *sub = path_in(dir, "sub");
    assert_int_equal(mkdir(sub, 0755), 0);
    assert_int_equal(kpi_plan_write_files(plan, sub, NULL, KPI_WRITE_DEFAULT),
                     KPI_ERR_IO);
    assert_contains(kpi_error_message(), sub);
    char *names = list_dir(dir);
    assert_string_equal(names, "p.csv|s.csv|sub");
    free(names);
    assert_int_equal(rmdir(sub), 0);
    free(sub);

    /* The structure file written before is intact and still reads. */
    char *after = read_whole_file(structure, &after_size);
    assert_bytes_equal("structure file", before, before_size, after, after_size);
    free(after);
    kpi_plan *copy = read_files_ok(NULL, structure, progress);
    assert_plans_equal(small, copy);
    kpi_plan_free(copy);

    free(before);
    remove_dir(dir);
    free(structure);
    free(progress);
    free(dir);
    kpi_plan_free(small);
    kpi_plan_free(plan);
}

/* A file that cannot be opened is KPI_ERR_IO naming its path. */
static void read_files_missing_file(void **state)
{
    (void)state;
    kpi_reader *reader = new_reader();
    kpi_plan *plan = SENTINEL_PLAN;
    const char *missing = "tests/data/csv/no-such-file.csv";
    assert_int_equal(kpi_reader_read_files(&plan, reader, missing, NULL), KPI_ERR_IO);
    assert_null(plan);
    assert_int_equal(kpi_error_code(), KPI_ERR_IO);
    assert_contains(kpi_error_message(), missing);
    assert_string_equal(kpi_error_source(), missing);
    plan = SENTINEL_PLAN;
    assert_int_equal(kpi_reader_read_files(&plan, reader, SEED_STRUCTURE, missing),
                     KPI_ERR_IO);
    assert_null(plan);
    assert_contains(kpi_error_message(), missing);
    /* A directory is no file either. */
    plan = SENTINEL_PLAN;
    assert_int_equal(kpi_reader_read_files(&plan, reader, "tests/data/csv", NULL),
                     KPI_ERR_IO);
    assert_null(plan);
    assert_contains(kpi_error_message(), "tests/data/csv");
    kpi_reader_free(reader);
}

/* ---- Arguments ----------------------------------------------------------------- */

/* NULL for any handle or pointer of the reader functions is
 * KPI_ERR_ARGUMENT (getters: an empty value and the error recorded),
 * never a crash; kpi_reader_free(NULL) does nothing. */
static void null_arguments_reader(void **state)
{
    (void)state;
    kpi_reader *reader = new_reader();
    kpi_plan *plan = SENTINEL_PLAN;

    kpi_reader_free(NULL);
    assert_int_equal(kpi_reader_new(NULL), KPI_ERR_ARGUMENT);
    assert_int_equal(kpi_error_code(), KPI_ERR_ARGUMENT);

    kpi_error_clear();
    assert_int_equal(kpi_reader_encoding(NULL), KPI_ENCODING_AUTO);
    assert_int_equal(kpi_error_code(), KPI_ERR_ARGUMENT);
    assert_int_equal(kpi_reader_set_encoding(NULL, KPI_ENCODING_UTF8), KPI_ERR_ARGUMENT);
    kpi_error_clear();
    (void)kpi_reader_detected_encoding(NULL);
    assert_int_equal(kpi_error_code(), KPI_ERR_ARGUMENT);
    kpi_error_clear();
    assert_int_equal(kpi_reader_warning_count(NULL), 0);
    assert_int_equal(kpi_error_code(), KPI_ERR_ARGUMENT);
    kpi_error_clear();
    assert_null(kpi_reader_warning_at(NULL, 0));
    assert_int_equal(kpi_error_code(), KPI_ERR_ARGUMENT);
    kpi_error_clear();
    assert_int_equal(kpi_reader_warning_line_at(NULL, 0), 0);
    assert_int_equal(kpi_error_code(), KPI_ERR_ARGUMENT);

    assert_int_equal(
        kpi_reader_read_buffers(NULL, reader, "type,code\nplan,p\n", 17, NULL, 0),
        KPI_ERR_ARGUMENT);
    assert_int_equal(
        kpi_reader_read_buffers(&plan, NULL, "type,code\nplan,p\n", 17, NULL, 0),
        KPI_ERR_ARGUMENT);
    assert_null(plan);
    plan = SENTINEL_PLAN;
    assert_int_equal(kpi_reader_read_buffers(&plan, reader, NULL, 0, NULL, 0),
                     KPI_ERR_ARGUMENT);
    assert_null(plan);
    assert_int_equal(kpi_error_code(), KPI_ERR_ARGUMENT);

    assert_int_equal(kpi_reader_read_files(NULL, reader, SEED_STRUCTURE, NULL),
                     KPI_ERR_ARGUMENT);
    plan = SENTINEL_PLAN;
    assert_int_equal(kpi_reader_read_files(&plan, NULL, SEED_STRUCTURE, NULL),
                     KPI_ERR_ARGUMENT);
    assert_null(plan);
    plan = SENTINEL_PLAN;
    assert_int_equal(kpi_reader_read_files(&plan, reader, NULL, SEED_PROGRESS),
                     KPI_ERR_ARGUMENT);
    assert_null(plan);
    assert_int_equal(kpi_error_code(), KPI_ERR_ARGUMENT);

    /* NULL progress means none: the plan without measurements. */
    plan = read_files_ok(reader, SEED_STRUCTURE, NULL);
    assert_int_equal(kpi_target_measurement_count(find_target(plan, "3-2-a")), 0);
    kpi_plan_free(plan);
    kpi_reader_free(reader);
}

/* NULL for any pointer of the writers is KPI_ERR_ARGUMENT; the size
 * pointer alone may be NULL, and so may the progress path. */
static void null_arguments_writers(void **state)
{
    (void)state;
    kpi_plan *plan = read_ok(S_BASE, P_BASE);
    char *out = (char *)(void *)&sentinel_object;
    size_t size = 99;

    assert_int_equal(kpi_plan_write_structure(NULL, &size, plan, 0), KPI_ERR_ARGUMENT);
    assert_int_equal(kpi_plan_write_structure(&out, &size, NULL, 0), KPI_ERR_ARGUMENT);
    assert_null(out);
    assert_int_equal(kpi_error_code(), KPI_ERR_ARGUMENT);
    out = (char *)(void *)&sentinel_object;
    assert_int_equal(kpi_plan_write_progress(NULL, &size, plan, 0), KPI_ERR_ARGUMENT);
    assert_int_equal(kpi_plan_write_progress(&out, &size, NULL, 0), KPI_ERR_ARGUMENT);
    assert_null(out);
    assert_int_equal(kpi_plan_write_files(NULL, "/tmp/x.csv", NULL, 0), KPI_ERR_ARGUMENT);
    assert_int_equal(kpi_plan_write_files(plan, NULL, "/tmp/y.csv", 0), KPI_ERR_ARGUMENT);
    assert_int_equal(kpi_error_code(), KPI_ERR_ARGUMENT);

    /* size may be NULL. */
    assert_int_equal(kpi_plan_write_structure(&out, NULL, plan, 0), KPI_OK);
    assert_non_null(out);
    kpi_free(out);
    assert_int_equal(kpi_plan_write_progress(&out, NULL, plan, 0), KPI_OK);
    assert_non_null(out);
    kpi_free(out);
    kpi_free(NULL);
    kpi_plan_free(plan);
}

/* The reader's encoding: AUTO by default, each of the three settable, any
 * other value refused with KPI_ERR_VALUE and the setting kept. */
static void reader_encoding_setting(void **state)
{
    (void)state;
    kpi_reader *reader = new_reader();
    assert_int_equal(kpi_reader_encoding(reader), KPI_ENCODING_AUTO);
    for (int encoding = KPI_ENCODING_AUTO; encoding <= KPI_ENCODING_CP932; encoding++) {
        assert_int_equal(kpi_reader_set_encoding(reader, (kpi_encoding)encoding), KPI_OK);
        assert_int_equal(kpi_reader_encoding(reader), encoding);
    }
    assert_int_equal(kpi_reader_set_encoding(reader, (kpi_encoding)3), KPI_ERR_VALUE);
    assert_int_equal(kpi_error_code(), KPI_ERR_VALUE);
    assert_int_equal(kpi_reader_set_encoding(reader, (kpi_encoding)-1), KPI_ERR_VALUE);
    assert_int_equal(kpi_reader_encoding(reader), KPI_ENCODING_CP932);
    kpi_reader_free(reader);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(seed_files_load),
        cmocka_unit_test(seed_evaluates_worked_examples),
        cmocka_unit_test(round_trip_memory_seed),
        cmocka_unit_test(round_trip_files_seed),
        cmocka_unit_test(round_trip_property),
        cmocka_unit_test(round_trip_blank_edges),
        cmocka_unit_test(numbers_written_shortest),
        cmocka_unit_test(numbers_read_fullwidth_and_separators),
        cmocka_unit_test(numbers_refused),
        cmocka_unit_test(writer_bom_default_and_no_bom),
        cmocka_unit_test(writer_crlf),
        cmocka_unit_test(encoding_utf8_without_bom),
        cmocka_unit_test(encoding_utf8_with_bom),
        cmocka_unit_test(encoding_cp932_explicit),
        cmocka_unit_test(encoding_cp932_auto),
        cmocka_unit_test(encoding_invalid_utf8),
        cmocka_unit_test(encoding_cp932_cut),
        cmocka_unit_test(encoding_nul_byte),
        cmocka_unit_test(csv_crlf_quoting_fixture),
        cmocka_unit_test(csv_line_after_multiline_field),
        cmocka_unit_test(csv_blank_rows_skipped),
        cmocka_unit_test(csv_malformed_quote),
        cmocka_unit_test(csv_unclosed_quote),
        cmocka_unit_test_teardown(csv_field_limit, free_big_text),
        cmocka_unit_test_teardown(csv_field_limit_multiline, free_big_text),
        cmocka_unit_test(structure_missing_required_column),
        cmocka_unit_test(structure_column_twice),
        cmocka_unit_test(structure_unknown_type),
        cmocka_unit_test(structure_first_row_not_plan),
        cmocka_unit_test(structure_second_plan_row),
        cmocka_unit_test(structure_unknown_parent),
        cmocka_unit_test(structure_target_without_parent),
        cmocka_unit_test(structure_duplicate_code),
        cmocka_unit_test(structure_bad_due_date),
        cmocka_unit_test(structure_impossible_date),
        cmocka_unit_test(structure_value_not_number),
        cmocka_unit_test(structure_negative_weight),
        cmocka_unit_test(structure_bad_words),
        cmocka_unit_test(structure_note_without_text),
        cmocka_unit_test(structure_row_wider_than_header),
        cmocka_unit_test(structure_empty_file),
        cmocka_unit_test(progress_unknown_code),
        cmocka_unit_test(progress_value_not_number),
        cmocka_unit_test(progress_rating_spellings),
        cmocka_unit_test(progress_rating_refused),
        cmocka_unit_test(progress_value_and_rating),
        cmocka_unit_test(progress_neither_value_nor_rating),
        cmocka_unit_test(progress_value_on_goal),
        cmocka_unit_test(progress_milestone_out_of_range),
        cmocka_unit_test(progress_missing_date),
        cmocka_unit_test(progress_bad_date),
        cmocka_unit_test(atomic_failed_read_leaves_plan_alone),
        cmocka_unit_test(atomic_warnings_cleared),
        cmocka_unit_test(warnings_unknown_column),
        cmocka_unit_test(warnings_unused_column),
        cmocka_unit_test(warnings_replaced_by_next_read),
        cmocka_unit_test(headers_japanese_aliases),
        cmocka_unit_test(headers_case_and_blanks),
        cmocka_unit_test(dates_era_fiscal_month_fullwidth),
        cmocka_unit_test(write_files_no_temporary_left),
        cmocka_unit_test(write_files_unwritable_destination),
        cmocka_unit_test(write_files_failure_keeps_previous),
        cmocka_unit_test(read_files_missing_file),
        cmocka_unit_test(null_arguments_reader),
        cmocka_unit_test(null_arguments_writers),
        cmocka_unit_test(reader_encoding_setting),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
