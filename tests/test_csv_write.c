/* Tests of writing plan files: the BOM by default and KPI_WRITE_NO_BOM,
 * KPI_WRITE_CRLF; kpi_plan_write_files leaving no temporary file, reporting
 * a destination it cannot write (with the system's errno) and keeping the
 * previous file when it fails, refusing two paths of one file; and the
 * writers given NULL.
 *
 * Inputs are built in memory where the bytes need not be real files; the
 * fixtures under tests/data/csv/ hold what needs real bytes (BOM, CRLF,
 * CP932, quoted newlines). Paths are relative to the source tree root,
 * where ctest runs this program. */
#define _POSIX_C_SOURCE 200809L /* mkdir, setrlimit */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kpi.h"
#include "seed.h"
#include "csv_support.h"

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
    assert_int_equal(kpi_error_system_errno(), ENOENT);
    assert_contains(kpi_error_message(), missing);
    /* An error that is not the system's has no errno. */
    assert_int_equal(kpi_plan_write_files(NULL, structure, NULL, 0), KPI_ERR_ARGUMENT);
    assert_int_equal(kpi_error_system_errno(), 0);
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

    /* A write that fails half-way (here the file size limit, which stops
     * root too): the old files stay as they were, no temporary file stays. */
    struct rlimit limit, small_limit;
    assert_int_equal(getrlimit(RLIMIT_FSIZE, &limit), 0);
    small_limit = limit;
    small_limit.rlim_cur = before_size + 16; /* the seed's files are far larger */
    void (*old_handler)(int) = signal(SIGXFSZ, SIG_IGN);
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &small_limit), 0);
    int rc = kpi_plan_write_files(plan, structure, progress, KPI_WRITE_DEFAULT);
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &limit), 0);
    signal(SIGXFSZ, old_handler);
    assert_int_equal(rc, KPI_ERR_IO);
    assert_contains(kpi_error_message(), structure);
    char *after_limit = read_whole_file(structure, &after_size);
    assert_bytes_equal("structure file", before, before_size, after_limit, after_size);
    free(after_limit);
    char *listed = list_dir(dir);
    assert_string_equal(listed, "p.csv|s.csv");
    free(listed);

    /* A destination that is a directory cannot be replaced by a file. */
    char *sub = path_in(dir, "sub");
    assert_int_equal(mkdir(sub, 0755), 0);
    assert_int_equal(kpi_plan_write_files(plan, sub, NULL, KPI_WRITE_DEFAULT),
                     KPI_ERR_IO);
    assert_int_equal(kpi_error_system_errno(), EISDIR);
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

/* The two paths naming one file, however spelt, are refused before
 * anything is written: the progress file would replace the structure file
 * just written (the same name through "./", "..", an absolute path, or a
 * second name of the directory). Two names in one directory, or one name
 * in two directories, are two files. */
static void write_files_same_file_refused(void **state)
{
    (void)state;
    kpi_plan *plan = read_files_ok(NULL, SEED_STRUCTURE, SEED_PROGRESS);
    char *dir = make_temp_dir();
    char *sub = path_in(dir, "sub");
    assert_int_equal(mkdir(sub, 0755), 0);
    char *link = path_in(dir, "link");
    assert_int_equal(symlink("sub", link), 0);
    char *plain = path_in(dir, "sub/plan.csv");
    char cwd[4096];
    assert_non_null(getcwd(cwd, sizeof cwd));
    assert_int_equal(chdir(sub), 0);
    const char *same[][2] = {
        {"plan.csv", "plan.csv"},         {"plan.csv", "./plan.csv"},
        {"plan.csv", "../sub/plan.csv"},  {"plan.csv", plain},
        {"../link/plan.csv", "plan.csv"},
    };
    for (size_t i = 0; i < sizeof same / sizeof same[0]; i++) {
        kpi_error_clear();
        assert_int_equal(kpi_plan_write_files(plan, same[i][0], same[i][1], 0),
                         KPI_ERR_ARGUMENT);
        assert_contains(kpi_error_message(), "the same file");
        assert_string_equal(kpi_error_source(), same[i][1]);
        char *names = list_dir(".");
        assert_string_equal(names, "");
        free(names);
    }
    assert_int_equal(kpi_plan_write_files(plan, "plan.csv", "plan2.csv", 0), KPI_OK);
    assert_int_equal(kpi_plan_write_files(plan, "plan.csv", "../plan.csv", 0), KPI_OK);
    char *names = list_dir(".");
    assert_string_equal(names, "plan.csv|plan2.csv");
    free(names);
    kpi_plan *copy = read_files_ok(NULL, "plan.csv", "plan2.csv");
    assert_plans_equal(plan, copy);
    kpi_plan_free(copy);
    assert_int_equal(unlink("plan.csv"), 0);
    assert_int_equal(unlink("plan2.csv"), 0);
    assert_int_equal(chdir(cwd), 0);
    assert_int_equal(unlink(link), 0);
    remove_dir(dir);
    free(plain);
    free(link);
    free(sub);
    free(dir);
    kpi_plan_free(plan);
}

/* ---- Arguments ----------------------------------------------------------- */

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

/* ---- Main ---------------------------------------------------------------- */

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(writer_bom_default_and_no_bom),
        cmocka_unit_test(writer_crlf),
        cmocka_unit_test(write_files_no_temporary_left),
        cmocka_unit_test(write_files_unwritable_destination),
        cmocka_unit_test(write_files_failure_keeps_previous),
        cmocka_unit_test(write_files_same_file_refused),
        cmocka_unit_test(null_arguments_writers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
