/* Tests of the encodings of plan files: UTF-8 with and without a BOM,
 * CP932 given or detected (AUTO), bytes that are not UTF-8, CP932 cut in a
 * character, NUL bytes, each an error at its line; and the reader's encoding
 * setting.
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

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kpi.h"
#include "csv_support.h"

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

/* ---- The reader's setting ------------------------------------------------ */

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

/* ---- Main ---------------------------------------------------------------- */

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(encoding_utf8_without_bom),
        cmocka_unit_test(encoding_utf8_with_bom),
        cmocka_unit_test(encoding_cp932_explicit),
        cmocka_unit_test(encoding_cp932_auto),
        cmocka_unit_test(encoding_invalid_utf8),
        cmocka_unit_test(encoding_cp932_cut),
        cmocka_unit_test(encoding_nul_byte),
        cmocka_unit_test(reader_encoding_setting),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
