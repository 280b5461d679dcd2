/* What the test_csv_*.c programs share: the in-memory plan files the
 * error tests build on, text buffers, reading and writing plans with the
 * checks every test wants, asserting a read error, comparing two plans field
 * by field (and the round trip built on it), and temporary directories.
 * Include after cmocka.h. */
#ifndef KPI_TESTS_CSV_SUPPORT_H
#define KPI_TESTS_CSV_SUPPORT_H

#include <stddef.h>
#include <stdint.h>

#include "kpi.h"

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

/* ---- Text buffers -------------------------------------------------------- */

/* A growing byte buffer for CSV text built at run time. */
typedef struct text {
    char *data;
    size_t size;
    size_t capacity;
} text;

void text_add(text *t, const char *s);

/* Appends n copies of c. */
void text_add_repeat(text *t, char c, size_t n);

void text_free(text *t);

/* The text with every LF turned into CRLF (caller frees). */
char *to_crlf(const char *lf);

/* Reads a whole file; fails the test when it cannot. */
char *read_whole_file(const char *path, size_t *size);

/* Fails, showing both strings, unless needle occurs in haystack. */
void assert_contains(const char *haystack, const char *needle);

/* ---- Reading and writing ------------------------------------------------- */

kpi_reader *new_reader(void);

/* A plan pointer that is not NULL and not a plan: a reader must overwrite
 * it with NULL on error. */
extern max_align_t sentinel_object;
#define SENTINEL_PLAN ((kpi_plan *)(void *)&sentinel_object)

/* Reads NUL-terminated texts with reader (a fresh one when NULL) and
 * fails the test, showing the error, unless the read succeeds. */
kpi_plan *read_ok_with(kpi_reader *reader, const char *structure, const char *progress);
kpi_plan *read_ok(const char *structure, const char *progress);
kpi_plan *read_files_ok(kpi_reader *reader, const char *structure_path,
                        const char *progress_path);

/* Both files of a plan as written into memory. */
typedef struct written {
    char *structure;
    size_t structure_size;
    char *progress;
    size_t progress_size;
} written;

/* Writes both files into memory, checking the sizes and the final NUL. */
written write_ok(kpi_plan *plan, uint32_t flags);
void written_free(written *w);

/* Reads both files back, failing with their text shown when it cannot. */
kpi_plan *read_written(kpi_reader *reader, const written *w);

void assert_bytes_equal(const char *what, const char *a, size_t a_size, const char *b,
                        size_t b_size);
void assert_written_equal(const written *a, const written *b);

/* The goal or target with that code; fails the test when there is none. */
kpi_target *find_target(kpi_plan *plan, const char *code);
kpi_goal *find_goal(kpi_plan *plan, const char *code);

/* ---- Asserting read errors ----------------------------------------------- */

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
 * the error as e says, and that no plan and no warning is left. */
void check_read_error(kpi_reader *reader, kpi_encoding encoding, const char *structure,
                      size_t structure_size, const char *progress, size_t progress_size,
                      expected e);

/* A structure file (NUL-terminated) that must fail as e says. */
void structure_error(const char *structure, expected e);

/* A progress file for S_BASE that must fail as e says. */
void progress_error(const char *progress, expected e);

/* ---- Comparing plans field by field -------------------------------------- */

/* The name of the comparison under way, shown with any difference. */
extern char compare_context[96];

/* Fails unless a and b are the same double bitwise (or both NaN). */
void same_double(const char *owner, const char *field, double a, double b);

/* Fails unless the two plans agree in every field the public getters show. */
void assert_plans_equal(kpi_plan *a, kpi_plan *b);

/* Writes plan with flags, reads it back and compares it field by field,
 * then writes the copy and compares the bytes with the first writing. */
void assert_round_trip(kpi_plan *plan, uint32_t flags);

/* ---- Temporary directories ----------------------------------------------- */

/* A new directory under /tmp (caller frees the name). */
char *make_temp_dir(void);

/* dir/name (caller frees). */
char *path_in(const char *dir, const char *name);

/* The names in dir other than . and .., sorted, joined with "|". */
char *list_dir(const char *dir);

/* Removes dir and the plain files and empty directories in it. */
void remove_dir(const char *dir);

#endif
