/*
 * The bad-input corpus (tests/data/bad/, described by its MANIFEST.tsv) and
 * the limits of docs/limits.md.
 *
 * Every case of the manifest is a cmocka test of its own, named after its
 * file. It reads the file with kpi_reader_read_files() (a progress case
 * with tests/data/bad/valid.structure.csv as its structure file; a
 * workbook case, *.xlsx, with kpi_reader_read_xlsx()) and
 * asserts, from the contract in docs/csv-format.md and include/kpi/:
 *  - the exact return code, kpi_error_code() and kpi_error_line();
 *  - kpi_error_source() ends with the case's file name;
 *  - the message holds "FILE:LINE:", `column "NAME"` and the manifest's
 *    substring;
 *  - *out is NULL;
 *  - nothing else changed: a plan the caller already holds (the seed)
 *    writes to the same bytes, and the reader's warnings (of an earlier
 *    read) are gone.
 * The inputs too large to commit (a 50 MiB field, files past the size
 * limit, a million measurements) are made in memory, and so are the exact
 * limits (a field of 1 MiB, nesting 32, codes of 256 bytes) and every
 * spelling of a number that must be refused or accepted.
 *
 * All of libkpi's memory goes through a counting allocator
 * (kpi_set_allocator()), so that the tests can assert how much memory a
 * read took, and make allocations larger than a cap fail.
 */
#define _DEFAULT_SOURCE /* mmap's MAP_ANONYMOUS, mkdtemp, ftruncate */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kpi.h"

#define CORPUS "tests/data/bad"
#define MANIFEST CORPUS "/MANIFEST.tsv"
#define VALID_STRUCTURE_PATH CORPUS "/valid.structure.csv"
#define SEED_STRUCTURE "examples/data/ueda-2017-structure.csv"
#define SEED_PROGRESS "examples/data/ueda-2017-progress.csv"
#define MIB ((size_t)1024 * 1024)

/* The structure of valid.structure.csv, for the cases built in memory. */
static const char valid_structure[] = "type,code,parent,title,unit,kind,value,due\n"
                                      "plan,p,,Valid plan,,,,\n"
                                      "goal,g1,,Goal one,,,,\n"
                                      "target,t1,g1,Count,items,numeric,30,\n"
                                      "target,m1,g1,Milestone,,milestone,,2017-12-31\n"
                                      "goal,g2,g1,Sub goal,,,,\n";

/* ---- A counting allocator --------------------------------------------- */

/* The host's side of kpi_set_allocator(): libkpi passes each block's size
 * back on release, so counting needs no table of its own. */
struct counter {
    size_t live_bytes, peak_bytes;
    size_t cap; /* requests larger than this fail (SIZE_MAX: none does) */
};

static struct counter memory = {0, 0, SIZE_MAX};

static void *counting_alloc(void *context, size_t size)
{
    struct counter *c = context;
    void *p = size > c->cap ? NULL : malloc(size);
    if (p) {
        c->live_bytes += size;
        if (c->live_bytes > c->peak_bytes)
            c->peak_bytes = c->live_bytes;
    }
    return p;
}

static void counting_free(void *context, void *ptr, size_t size)
{
    struct counter *c = context;
    c->live_bytes -= size;
    free(ptr);
}

/* Starts measuring the peak from what is live now; returns that base. */
static size_t measure_from_here(void)
{
    memory.peak_bytes = memory.live_bytes;
    return memory.live_bytes;
}

/* ---- The manifest ------------------------------------------------------- */

struct bad_case {
    char file[96];
    int code;
    int progress; /* the case is a progress file */
    int xlsx;     /* the case is a plan workbook (line 0: about the whole file) */
    int32_t line;
    char column[32]; /* "" when the message names no column */
    char substring[128];
    kpi_encoding encoding;
};

static struct bad_case *cases;
static size_t case_count;

static int error_code_named(const char *name, int *code)
{
    for (int c = 0; strcmp(kpi_error_name(c), "KPI_ERR_UNKNOWN") != 0; c--) {
        if (strcmp(kpi_error_name(c), name) == 0) {
            *code = c;
            return 1;
        }
    }
    return 0;
}

static int encoding_named(const char *name, kpi_encoding *encoding)
{
    static const char *const names[] = {"auto", "utf8", "cp932"};
    for (int i = 0; i < 3; i++) {
        if (strcmp(name, names[i]) == 0) {
            *encoding = (kpi_encoding)i;
            return 1;
        }
    }
    return 0;
}

/* Copies field into dest (size bytes); 0 when it does not fit. */
static int copy_field(char *dest, size_t size, const char *field)
{
    return snprintf(dest, size, "%s", field) < (int)size;
}

/* Splits line (no line end) at its tabs into exactly n fields. */
static int split_tabs(char *line, char **fields, int n)
{
    int count = 0;
    for (char *p = line; count < n; count++) {
        fields[count] = p;
        char *tab = strchr(p, '\t');
        if (!tab)
            return count + 1 == n;
        *tab = '\0';
        p = tab + 1;
    }
    return 0;
}

/* file, error, source, line, column, substring, encoding. */
static int parse_case(char *line, struct bad_case *c)
{
    char *f[7];
    if (!split_tabs(line, f, 7))
        return 0;
    char *end;
    long number = strtol(f[3], &end, 10);
    c->line = (int32_t)number;
    c->progress = strcmp(f[2], "progress") == 0;
    c->xlsx = strcmp(f[2], "xlsx") == 0;
    return copy_field(c->file, sizeof c->file, f[0]) &&
           error_code_named(f[1], &c->code) &&
           (c->progress || c->xlsx || strcmp(f[2], "structure") == 0) && *end == '\0' &&
           (number > 0 || (c->xlsx && number == 0)) &&
           copy_field(c->column, sizeof c->column, f[4] + (f[4][0] == '-')) &&
           copy_field(c->substring, sizeof c->substring, f[5]) && f[5][0] != '\0' &&
           encoding_named(f[6], &c->encoding);
}

static int add_case(const struct bad_case *c)
{
    struct bad_case *grown = realloc(cases, (case_count + 1) * sizeof *cases);
    if (!grown)
        return 0;
    cases = grown;
    cases[case_count++] = *c;
    return 1;
}

/* Reads MANIFEST.tsv into cases; 0 (with a message) when it is malformed. */
static int read_manifest(void)
{
    FILE *f = fopen(MANIFEST, "r");
    if (!f) {
        fprintf(stderr, "%s: cannot open (run from the repository root)\n", MANIFEST);
        return 0;
    }
    char line[1024];
    int ok = 1;
    for (int number = 1; ok && fgets(line, sizeof line, f); number++) {
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0] == '#' || line[0] == '\0')
            continue;
        struct bad_case c = {0};
        ok = parse_case(line, &c) && add_case(&c);
        if (!ok)
            fprintf(stderr, "%s:%d: malformed case\n", MANIFEST, number);
    }
    fclose(f);
    return ok;
}

/* ---- The fixture: a plan the caller holds, and a reader ----------------- */

static kpi_reader *reader;
static kpi_plan *seed;
static char *seed_structure, *seed_progress;

static void write_plan(const kpi_plan *plan, char **structure, char **progress)
{
    assert_int_equal(kpi_plan_write_structure(structure, NULL, plan, KPI_WRITE_DEFAULT),
                     KPI_OK);
    assert_int_equal(kpi_plan_write_progress(progress, NULL, plan, KPI_WRITE_DEFAULT),
                     KPI_OK);
}

static int setup(void **state)
{
    (void)state;
    if (kpi_reader_new(&reader) != KPI_OK ||
        kpi_reader_read_files(&seed, reader, SEED_STRUCTURE, SEED_PROGRESS) != KPI_OK)
        return -1;
    write_plan(seed, &seed_structure, &seed_progress);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    kpi_free(seed_structure);
    kpi_free(seed_progress);
    kpi_plan_free(seed);
    kpi_reader_free(reader);
    return 0;
}

/* Gives the reader a warning, which the next (failing) read must drop. */
static void prime_warnings(void)
{
    static const char text[] = "type,code,memo\nplan,p,x\n";
    kpi_plan *plan = NULL;
    assert_int_equal(kpi_reader_set_encoding(reader, KPI_ENCODING_AUTO), KPI_OK);
    assert_int_equal(
        kpi_reader_read_buffers(&plan, reader, text, sizeof text - 1, NULL, 0), KPI_OK);
    assert_true(kpi_reader_warning_count(reader) > 0);
    kpi_plan_free(plan);
}

static void assert_seed_unchanged(void)
{
    char *structure, *progress;
    write_plan(seed, &structure, &progress);
    assert_string_equal(structure, seed_structure);
    assert_string_equal(progress, seed_progress);
    kpi_free(structure);
    kpi_free(progress);
}

/* ---- The one assertion ------------------------------------------------- */

/* A pointer that no read would return, to see that *out is set to NULL. */
static kpi_plan *not_null(void)
{
    static char sentinel;
    return (kpi_plan *)(void *)&sentinel;
}

struct expected {
    int code;
    const char *source; /* the path or buffer name given to the reader */
    int32_t line;       /* 0: the error is about the whole file */
    const char *column; /* NULL or "": the message names no column */
    const char *substring;
};

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* The first way the failed read differs from e, or NULL. */
static const char *mismatch(const struct expected *e, int rc, const kpi_plan *out)
{
    const char *message = kpi_error_message();
    const char *base = strrchr(e->source, '/');
    char position[512], column[64];
    if (e->line > 0)
        snprintf(position, sizeof position, "%s:%d:", e->source, (int)e->line);
    else /* an error about the whole file */
        snprintf(position, sizeof position, "%s: ", e->source);
    snprintf(column, sizeof column, "column \"%s\"", e->column ? e->column : "");
    if (rc != e->code)
        return "return code";
    if (kpi_error_code() != e->code)
        return "kpi_error_code()";
    if (kpi_error_line() != e->line)
        return "kpi_error_line()";
    if (!ends_with(kpi_error_source(), base ? base + 1 : e->source))
        return "kpi_error_source()";
    if (!strstr(message, position))
        return "\"FILE:LINE:\" in the message";
    if (e->column && *e->column && !strstr(message, column))
        return "column name in the message";
    if (!strstr(message, e->substring))
        return "substring of the message";
    if (out)
        return "*out, which is not NULL";
    if (kpi_reader_warning_count(reader) != 0)
        return "reader warnings, which are not empty";
    return NULL;
}

/* Whether a read failed exactly as e says and returned no plan; prints
 * how it differs when it did not (freeing a plan read by mistake). */
static int failed_as(const struct expected *e, int rc, kpi_plan *out)
{
    const char *what = mismatch(e, rc, out);
    if (!what)
        return 1;
    print_error("wrong %s\n"
                "  want %s, %s line %d, column \"%s\", message with \"%s\"\n",
                what, kpi_error_name(e->code), e->source, (int)e->line,
                e->column ? e->column : "", e->substring);
    if (rc == KPI_OK)
        print_error("  got  KPI_OK: the read succeeded\n");
    else
        print_error("  got  %s (rc %s), %s line %d: %s\n",
                    kpi_error_name(kpi_error_code()), kpi_error_name(rc),
                    kpi_error_source(), (int)kpi_error_line(), kpi_error_message());
    if (rc == KPI_OK && out != not_null())
        kpi_plan_free(out);
    return 0;
}

/* The one assertion on a failed read. */
#define assert_failed(e, rc, out) assert_true(failed_as((e), (rc), (out)))

/* ---- The manifest's cases ---------------------------------------------- */

static void test_manifest_case(void **state)
{
    const struct bad_case *c = *state;
    char path[256];
    snprintf(path, sizeof path, "%s/%s", CORPUS, c->file);
    prime_warnings();
    assert_int_equal(kpi_reader_set_encoding(reader, c->encoding), KPI_OK);
    kpi_plan *out = not_null();
    int rc = c->xlsx ? kpi_reader_read_xlsx(&out, reader, path)
             : c->progress
                 ? kpi_reader_read_files(&out, reader, VALID_STRUCTURE_PATH, path)
                 : kpi_reader_read_files(&out, reader, path, NULL);
    struct expected e = {c->code, path, c->line, c->column, c->substring};
    assert_failed(&e, rc, out);
    assert_seed_unchanged();
    assert_int_equal(kpi_reader_set_encoding(reader, KPI_ENCODING_AUTO), KPI_OK);
}

/* ---- Inputs built in memory -------------------------------------------- */

/* A growing text. */
struct text {
    char *data;
    size_t size;
    size_t capacity;
};

/* Makes room for n more bytes and a NUL; returns where they go. A large
 * request gets just what it needs, so that the 50 MiB field takes 50 MiB. */
static char *text_grow(struct text *t, size_t n)
{
    size_t needed = t->size + n + 1;
    if (needed > t->capacity) {
        size_t capacity = needed > 2 * t->capacity ? needed : 2 * t->capacity;
        t->data = realloc(t->data, capacity);
        assert_non_null(t->data);
        t->capacity = capacity;
    }
    return t->data + t->size;
}

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void
text_printf(struct text *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    assert_true(n >= 0);
    char *dest = text_grow(t, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(dest, (size_t)n + 1, fmt, ap);
    va_end(ap);
    t->size += (size_t)n;
}

/* Appends n copies of c. */
static void text_fill(struct text *t, char c, size_t n)
{
    memset(text_grow(t, n), c, n);
    t->size += n;
    t->data[t->size] = '\0';
}

/* Reads a structure text (and a progress text, or NULL) from memory. */
static int read_texts(kpi_plan **out, const struct text *structure,
                      const struct text *progress)
{
    prime_warnings();
    *out = not_null();
    return kpi_reader_read_buffers(out, reader, structure->data, structure->size,
                                   progress ? progress->data : NULL,
                                   progress ? progress->size : 0);
}

/* Reads a progress text against valid_structure. */
static int read_progress(kpi_plan **out, const struct text *progress)
{
    struct text structure = {(char *)valid_structure, sizeof valid_structure - 1, 0};
    return read_texts(out, &structure, progress);
}

/* A structure file whose goal g1 has a title of n bytes of c. */
static struct text long_title(size_t n, char c)
{
    struct text t = {0};
    text_grow(&t, n + 64); /* the whole file, in one block */
    text_printf(&t, "type,code,parent,title\nplan,p,,Plan\ngoal,g1,,");
    text_fill(&t, c, n);
    text_printf(&t, "\ngoal,g2,,after\n");
    return t;
}

static void test_field_of_50_mib(void **state)
{
    (void)state;
    struct text t = long_title(50 * MIB, 'x');
    kpi_plan *out;
    size_t base = measure_from_here();
    int rc = read_texts(&out, &t, NULL);
    struct expected e = {KPI_ERR_LIMIT, "structure", 3, NULL, "limit of 1048576 bytes"};
    assert_failed(&e, rc, out);
    /* One copy of the input, the field's buffer up to the limit, and rows. */
    size_t used = memory.peak_bytes - base;
    if (used > t.size + 2 * KPI_MAX_FIELD + MIB)
        fail_msg("a 50 MiB field took %zu bytes of library memory", used);
    free(t.data);
    assert_seed_unchanged();
}

static void test_field_of_exactly_1_mib(void **state)
{
    (void)state;
    struct text t = long_title(KPI_MAX_FIELD, 'y');
    kpi_plan *plan;
    assert_int_equal(read_texts(&plan, &t, NULL), KPI_OK);
    kpi_goal *goal;
    assert_non_null(goal = kpi_plan_find_goal(plan, "g1"));
    assert_int_equal(strlen(kpi_goal_title(goal)), KPI_MAX_FIELD);
    kpi_plan_free(plan);
    free(t.data);
}

static void test_field_one_byte_over_1_mib(void **state)
{
    (void)state;
    struct text t = long_title(KPI_MAX_FIELD + 1, 'y');
    kpi_plan *out;
    int rc = read_texts(&out, &t, NULL);
    struct expected e = {KPI_ERR_LIMIT, "structure", 3, NULL, "limit of 1048576 bytes"};
    assert_failed(&e, rc, out);
    free(t.data);
}

/* A quoted field over the limit, broken over many lines: the error is at
 * the line the field starts on, as for a quote never closed. */
static void test_multiline_field_over_limit(void **state)
{
    (void)state;
    struct text t = {0};
    text_printf(&t, "type,code,parent,title\nplan,p,,Plan\ngoal,g1,,\"");
    for (size_t i = 0; i < 2 * KPI_MAX_FIELD / 64; i++) {
        text_fill(&t, 'z', 63);
        text_printf(&t, "\n");
    }
    text_printf(&t, "\"\n");
    kpi_plan *out;
    int rc = read_texts(&out, &t, NULL);
    struct expected e = {KPI_ERR_LIMIT, "structure", 3, NULL, "limit of 1048576 bytes"};
    assert_failed(&e, rc, out);
    free(t.data);
}

/* A plan with goals nested depth levels deep: a1 > a2 > ... */
static struct text nested(int depth)
{
    struct text t = {0};
    text_printf(&t, "type,code,parent\nplan,p,\ngoal,a1,\n");
    for (int i = 2; i <= depth; i++)
        text_printf(&t, "goal,a%d,a%d\n", i, i - 1);
    return t;
}

static void test_nesting_32_accepted(void **state)
{
    (void)state;
    struct text t = nested(KPI_MAX_DEPTH);
    kpi_plan *plan;
    assert_int_equal(read_texts(&plan, &t, NULL), KPI_OK);
    kpi_goal *deepest;
    assert_non_null(deepest = kpi_plan_find_goal(plan, "a32"));
    assert_int_equal(kpi_goal_depth(deepest), KPI_MAX_DEPTH);
    kpi_plan_free(plan);
    free(t.data);
}

static void test_nesting_33_refused(void **state)
{
    (void)state;
    struct text t = nested(KPI_MAX_DEPTH + 1);
    kpi_plan *out;
    int rc = read_texts(&out, &t, NULL);
    /* Line 1 is the header, 2 the plan, so level n is on line n + 2. */
    struct expected e = {KPI_ERR_LIMIT, "structure", KPI_MAX_DEPTH + 3, "code",
                         "deeper than 32"};
    assert_failed(&e, rc, out);
    free(t.data);
    assert_seed_unchanged();
}

/* A structure file with a plan id, goal code and target code of n bytes,
 * each one of three letters so that they differ. */
static struct text long_codes(size_t n)
{
    struct text t = {0};
    text_printf(&t, "type,code,parent,title\nplan,");
    text_fill(&t, 'p', n);
    text_printf(&t, ",,Plan\ngoal,");
    text_fill(&t, 'g', n);
    text_printf(&t, ",,Goal\ntarget,");
    text_fill(&t, 't', n);
    text_printf(&t, ",");
    text_fill(&t, 'g', n);
    text_printf(&t, ",Target\n");
    return t;
}

static void test_codes_of_256_bytes_accepted(void **state)
{
    (void)state;
    struct text t = long_codes(KPI_MAX_CODE);
    kpi_plan *plan;
    assert_int_equal(read_texts(&plan, &t, NULL), KPI_OK);
    char code[KPI_MAX_CODE + 1];
    memset(code, 't', KPI_MAX_CODE);
    code[KPI_MAX_CODE] = '\0';
    kpi_target *target;
    assert_non_null(target = kpi_plan_find_target(plan, code));
    assert_int_equal(strlen(kpi_plan_id(plan)), KPI_MAX_CODE);
    kpi_plan_free(plan);
    free(t.data);
}

static void test_codes_of_257_bytes_refused(void **state)
{
    (void)state;
    struct text t = long_codes(KPI_MAX_CODE + 1);
    kpi_plan *out;
    int rc = read_texts(&out, &t, NULL);
    /* The plan row comes first, so its id is the one refused. */
    struct expected e = {KPI_ERR_LIMIT, "structure", 2, "code", "the limit is 256"};
    assert_failed(&e, rc, out);
    free(t.data);

    /* A goal code one byte too long, under a plan id of ordinary length. */
    t = (struct text){0};
    text_printf(&t, "type,code,parent,title\nplan,p,,Plan\ngoal,");
    text_fill(&t, 'g', KPI_MAX_CODE + 1);
    text_printf(&t, ",,Goal\n");
    rc = read_texts(&out, &t, NULL);
    e.line = 3;
    assert_failed(&e, rc, out);
    free(t.data);
}

/* Numbers of 63 characters are read, longer ones are not (docs/limits.md). */
#define ZEROS_10 "0000000000"
#define NUMBER_OF_63 "1." ZEROS_10 ZEROS_10 ZEROS_10 ZEROS_10 ZEROS_10 ZEROS_10 "0"
#define NUMBER_OF_64 NUMBER_OF_63 "0"

/* A spelling of a number and how reading it must fail. */
struct refusal {
    const char *cell; /* as written in the file, quotes included */
    int code;
    const char *substring;
};

static const struct refusal refused_values[] = {
    {"NaN", KPI_ERR_VALUE, "is not a number"},
    {"nan", KPI_ERR_VALUE, "is not a number"},
    {"inf", KPI_ERR_VALUE, "is not a number"},
    {"-inf", KPI_ERR_VALUE, "is not a number"},
    {"Infinity", KPI_ERR_VALUE, "is not a number"},
    {"1e400", KPI_ERR_VALUE, "too large"},
    {"-1e400", KPI_ERR_VALUE, "too large"},
    {"1e+400", KPI_ERR_VALUE, "too large"},
    {"0x10", KPI_ERR_VALUE, "is not a number"},
    {"1..2", KPI_ERR_VALUE, "is not a number"},
    {"\"1,23\"", KPI_ERR_VALUE, "is not a number"},
    {"\"1,2345\"", KPI_ERR_VALUE, "is not a number"},
    {"\"1,234.5,6\"", KPI_ERR_VALUE, "is not a number"},
    {"\" \"", KPI_ERR_VALUE, "is not a number"},
    {"1e", KPI_ERR_VALUE, "is not a number"},
    {".", KPI_ERR_VALUE, "is not a number"},
    {"+", KPI_ERR_VALUE, "is not a number"},
    {"--1", KPI_ERR_VALUE, "is not a number"},
    {"1 000", KPI_ERR_VALUE, "is not a number"},
    {"\xef\xbc\xae\xef\xbd\x81\xef\xbc\xae", KPI_ERR_VALUE,
     "is not a number"},                                  /* ＮａＮ */
    {"30\xe4\xbb\xb6", KPI_ERR_VALUE, "is not a number"}, /* 30件 */
    {NUMBER_OF_64, KPI_ERR_VALUE, "is not a number"},
    /* Empty is "not set", which leaves a progress row with neither a value
     * nor a rating; blanks around an unquoted cell are not part of it. */
    {"\"\"", KPI_ERR_PARSE, "needs one of them"},
    {" ", KPI_ERR_PARSE, "needs one of them"},
};

/* Whether cell is refused as a measurement in the progress file, and,
 * unless empty counts as "not set" there, as a target value T. */
static int value_refused(const struct refusal *r)
{
    struct text t = {0};
    text_printf(&t, "code,date,value,rating\nt1,2017-09-30,%s,\n", r->cell);
    kpi_plan *out;
    int rc = read_progress(&out, &t);
    struct expected e = {r->code, "progress", 2, "value", r->substring};
    int ok = failed_as(&e, rc, out);
    free(t.data);
    if (r->code == KPI_ERR_PARSE)
        return ok;
    t = (struct text){0};
    text_printf(&t, "type,code,parent,value\nplan,p,,\ngoal,g,,\ntarget,t,g,%s\n",
                r->cell);
    rc = read_texts(&out, &t, NULL);
    e = (struct expected){r->code, "structure", 4, "value", r->substring};
    ok &= failed_as(&e, rc, out);
    free(t.data);
    return ok;
}

static void test_value_spellings_refused(void **state)
{
    (void)state;
    int ok = 1;
    for (size_t i = 0; i < sizeof refused_values / sizeof refused_values[0]; i++) {
        if (!value_refused(&refused_values[i])) {
            print_error("  (value %s)\n", refused_values[i].cell);
            ok = 0;
        }
    }
    assert_true(ok);
    assert_seed_unchanged();
}

/* A spelling of a number that must be read, and its value. */
struct acceptance {
    const char *cell;
    double value;
};

static const struct acceptance accepted_values[] = {
    {"1e308", 1e308},
    {"-1e308", -1e308},
    {"-0", 0.0},
    {"\"1,234,567\"", 1234567.0},
    {"\"-1,234.5\"", -1234.5},
    {"\xef\xbc\x93\xef\xbc\x90", 30.0}, /* ３０ */
    {"0.1", 0.1},
    {" 5 ", 5.0},
    {"+2.5E-3", 2.5e-3},
    {NUMBER_OF_63, 1.0},
};

/* Whether cell reads as a as both a target value T and a measurement. */
static int value_accepted(const struct acceptance *a)
{
    struct text structure = {0}, progress = {0};
    text_printf(&structure, "type,code,parent,value\nplan,p,,\ngoal,g,,\ntarget,t,g,%s\n",
                a->cell);
    text_printf(&progress, "code,date,value\nt,2017-09-30,%s\n", a->cell);
    kpi_plan *plan;
    kpi_target *t = NULL;
    int rc = read_texts(&plan, &structure, &progress);
    if (rc == KPI_OK)
        t = kpi_plan_find_target(plan, "t");
    int ok = t && kpi_target_value(t) == a->value &&
             kpi_target_measurement_count(t) == 1 &&
             kpi_measurement_value(kpi_target_measurement_at(t, 0)) == a->value;
    if (!ok)
        print_error("value %s: want %.17g, got %s: %s\n", a->cell, a->value,
                    kpi_error_name(rc),
                    rc == KPI_OK ? "another value" : kpi_error_message());
    if (rc == KPI_OK)
        kpi_plan_free(plan);
    free(structure.data);
    free(progress.data);
    return ok;
}

static void test_value_edges_accepted(void **state)
{
    (void)state;
    int ok = 1;
    for (size_t i = 0; i < sizeof accepted_values / sizeof accepted_values[0]; i++)
        ok &= value_accepted(&accepted_values[i]);
    assert_true(ok);
}

/* One measurement more than a target may hold: KPI_ERR_LIMIT on the row
 * of the first one too many. */
static void test_measurements_over_limit(void **state)
{
    (void)state;
    struct text t = {0};
    static const char row[] = "t1,2017-09-30,1\n";
    text_printf(&t, "code,date,value\n");
    char *rows = text_grow(&t, (KPI_MAX_RECORDS + 1) * (sizeof row - 1));
    for (size_t i = 0; i <= KPI_MAX_RECORDS; i++)
        memcpy(rows + i * (sizeof row - 1), row, sizeof row - 1);
    t.size += (KPI_MAX_RECORDS + 1) * (sizeof row - 1);
    t.data[t.size] = '\0';
    kpi_plan *out;
    int rc = read_progress(&out, &t);
    struct expected e = {KPI_ERR_LIMIT, "progress", KPI_MAX_RECORDS + 2, "value",
                         "1048576 measurements"};
    assert_failed(&e, rc, out);
    free(t.data);
    assert_seed_unchanged();
}

/* A buffer one byte over KPI_MAX_FILE is refused for its size, before its
 * bytes are looked at (only its first page is ever touched). */
static void test_buffer_over_file_limit(void **state)
{
    (void)state;
    size_t size = (size_t)KPI_MAX_FILE + 1;
    char *bytes = mmap(NULL, size, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    assert_true(bytes != MAP_FAILED);
    bytes[0] = '\xff'; /* were the bytes decoded, they would be no UTF-8 */
    prime_warnings();
    assert_int_equal(kpi_reader_set_encoding(reader, KPI_ENCODING_UTF8), KPI_OK);
    kpi_plan *out = not_null();
    memory.cap = 64 * MIB;
    int rc = kpi_reader_read_buffers(&out, reader, bytes, size, NULL, 0);
    memory.cap = SIZE_MAX;
    munmap(bytes, size);
    struct expected e = {KPI_ERR_LIMIT, "structure", 0, NULL, "limit"};
    assert_failed(&e, rc, out);
    assert_int_equal(kpi_reader_set_encoding(reader, KPI_ENCODING_AUTO), KPI_OK);
}

/* Makes a new empty directory under /tmp; dir has room for 20 bytes. */
static void make_temp_dir(char *dir)
{
    strcpy(dir, "/tmp/kpi-bad-XXXXXX");
    assert_non_null(mkdtemp(dir));
}

/* A file one byte over KPI_MAX_FILE (sparse: it takes no disk) is refused
 * with KPI_ERR_LIMIT, and not with KPI_ERR_NOMEM on a machine that cannot
 * spare a gigabyte: no allocation over 64 MiB is granted here. */
static void test_file_over_file_limit(void **state)
{
    (void)state;
    char dir[32], path[64];
    make_temp_dir(dir);
    snprintf(path, sizeof path, "%s/huge.structure.csv", dir);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(ftruncate(fileno(f), (off_t)KPI_MAX_FILE + 1), 0);
    fclose(f);
    prime_warnings();
    kpi_plan *out = not_null();
    memory.cap = 64 * MIB;
    int rc = kpi_reader_read_files(&out, reader, path, NULL);
    memory.cap = SIZE_MAX;
    remove(path);
    rmdir(dir);
    struct expected e = {KPI_ERR_LIMIT, path, 0, NULL, "limit"};
    assert_failed(&e, rc, out);
}

/* A file that is not there: KPI_ERR_IO naming it, and, as after any other
 * failed read, no warnings of an earlier read left in the reader. */
static void test_missing_file(void **state)
{
    (void)state;
    static const char path[] = CORPUS "/no-such-file.progress.csv";
    prime_warnings();
    kpi_plan *out = not_null();
    int rc = kpi_reader_read_files(&out, reader, VALID_STRUCTURE_PATH, path);
    struct expected e = {KPI_ERR_IO, path, 0, NULL, "cannot open"};
    assert_int_equal(kpi_error_system_errno(), ENOENT);
    assert_failed(&e, rc, out);
}

/* A directory given as a plan file: KPI_ERR_IO that says so (EISDIR), not
 * a bare "read error". */
static void test_directory_as_file(void **state)
{
    (void)state;
    static const char path[] = CORPUS;
    prime_warnings();
    kpi_plan *out = not_null();
    int rc = kpi_reader_read_files(&out, reader, path, NULL);
    struct expected e = {KPI_ERR_IO, path, 0, NULL, "Is a directory"};
    assert_int_equal(kpi_error_system_errno(), EISDIR);
    assert_failed(&e, rc, out);
}

/* A long path (about 200 bytes, well within PATH_MAX) still gets the
 * whole "FILE:LINE: column "NAME": reason" message. */
static void test_long_path_in_message(void **state)
{
    (void)state;
    char dir[32], sub[200], path[256];
    make_temp_dir(dir);
    snprintf(sub, sizeof sub, "%s/%0160d", dir, 0);
    assert_int_equal(mkdir(sub, 0700), 0);
    snprintf(path, sizeof path, "%s/long.structure.csv", sub);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs("type,code,parent,due\nplan,p,,\ngoal,g,,\ntarget,t,g,2017-13-01\n", f);
    fclose(f);
    kpi_plan *out = not_null();
    prime_warnings();
    int rc = kpi_reader_read_files(&out, reader, path, NULL);
    struct expected e = {KPI_ERR_DATE, path, 4, "due", "month 13 is not 1..12"};
    remove(path);
    rmdir(sub);
    rmdir(dir);
    assert_failed(&e, rc, out);
}

/* ---- Running ------------------------------------------------------------ */

static const struct CMUnitTest memory_tests[] = {
    cmocka_unit_test(test_field_of_50_mib),
    cmocka_unit_test(test_field_of_exactly_1_mib),
    cmocka_unit_test(test_field_one_byte_over_1_mib),
    cmocka_unit_test(test_multiline_field_over_limit),
    cmocka_unit_test(test_nesting_32_accepted),
    cmocka_unit_test(test_nesting_33_refused),
    cmocka_unit_test(test_codes_of_256_bytes_accepted),
    cmocka_unit_test(test_codes_of_257_bytes_refused),
    cmocka_unit_test(test_value_spellings_refused),
    cmocka_unit_test(test_value_edges_accepted),
    cmocka_unit_test(test_measurements_over_limit),
    cmocka_unit_test(test_buffer_over_file_limit),
    cmocka_unit_test(test_file_over_file_limit),
    cmocka_unit_test(test_missing_file),
    cmocka_unit_test(test_directory_as_file),
    cmocka_unit_test(test_long_path_in_message),
};

int main(void)
{
    if (kpi_set_allocator(counting_alloc, counting_free, &memory) != KPI_OK ||
        !read_manifest())
        return 1;
    size_t memory_count = sizeof memory_tests / sizeof memory_tests[0];
    size_t count = case_count + memory_count;
    struct CMUnitTest *tests = calloc(count, sizeof *tests);
    if (!tests)
        return 1;
    for (size_t i = 0; i < case_count; i++)
        tests[i] =
            (struct CMUnitTest){cases[i].file, test_manifest_case, NULL, NULL, &cases[i]};
    memcpy(tests + case_count, memory_tests, sizeof memory_tests);
    int failed = _cmocka_run_group_tests("bad_inputs", tests, count, setup, teardown);
    free(tests);
    free(cases);
    return failed;
}
