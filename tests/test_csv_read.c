/* Tests of reading plan files (the csv-format contract and kpi/csv.h) (the
 * seed's own files: test_csv_seed.c): header names in English and Japanese, in any case, with blanks;
 * warnings for unknown and unused columns; a failed read leaves nothing
 * behind (atomic loading); files that cannot be opened; and the reader's
 * functions given NULL.
 *
 * Inputs are built in memory where the bytes need not be real files; the
 * fixtures under tests/data/csv/ hold what needs real bytes (BOM, CRLF,
 * CP932, quoted newlines). Paths are relative to the source tree root,
 * where ctest runs this program. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "kpi.h"
#include "seed.h"
#include "csv_support.h"

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

/* ---- Files that cannot be read ------------------------------------------- */

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

/* ---- Main ---------------------------------------------------------------- */

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(headers_japanese_aliases),
        cmocka_unit_test(headers_case_and_blanks),
        cmocka_unit_test(warnings_unknown_column),
        cmocka_unit_test(warnings_unused_column),
        cmocka_unit_test(warnings_replaced_by_next_read),
        cmocka_unit_test(atomic_failed_read_leaves_plan_alone),
        cmocka_unit_test(atomic_warnings_cleared),
        cmocka_unit_test(read_files_missing_file),
        cmocka_unit_test(null_arguments_reader),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
