/* Texts a spreadsheet would run as a formula (CSV injection, CWE-1236): a
 * cell that begins with = + - @, a tab or a carriage return is written
 * with an apostrophe before it, by the plan files' writer and by the CSV
 * report, unless the caller asks for raw text; the plan reader takes
 * exactly that apostrophe away again, so the files still round-trip byte
 * for byte; figures stay numbers (a negative one too). */
#define _POSIX_C_SOURCE 200809L /* mkstemp */

#include "kpi.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#define FORMULA "=HYPERLINK(\"http://x\",\"y\")"

/* A plan whose texts begin with each trigger, and one that begins with an
 * apostrophe of its own; its start value and a figure are negative. */
static kpi_plan *hostile_plan(void)
{
    kpi_plan *plan = NULL;
    assert_int_equal(kpi_plan_new(&plan, "p"), KPI_OK);
    assert_int_equal(kpi_plan_set_title(plan, "@SUM(A1:A9)"), KPI_OK);
    kpi_goal *g = kpi_plan_add_goal(plan, "1", "+1 goal");
    assert_non_null(g);
    kpi_target *t = kpi_goal_add_target(g, "1-a", FORMULA);
    assert_non_null(t);
    assert_int_equal(kpi_target_set_text(t, "\tTab first"), KPI_OK);
    assert_int_equal(kpi_target_set_unit(t, "-"), KPI_OK);
    assert_int_equal(kpi_target_set_start_value(t, -10), KPI_OK);
    assert_int_equal(kpi_target_set_value(t, 10), KPI_OK);
    assert_non_null(kpi_target_add_measurement(t, 20170930, -5, "=cmd|' /C calc'!A0"));
    kpi_target *own = kpi_goal_add_target(g, "1-b", "'=already quoted");
    assert_non_null(own);
    assert_non_null(kpi_target_add_update(own, 20170930, "'plain apostrophe"));
    assert_int_equal(kpi_plan_add_note(plan, "n1", "\rCR first"), KPI_OK);
    return plan;
}

static char *structure_of(const kpi_plan *plan, uint32_t flags, size_t *size)
{
    char *out = NULL;
    assert_int_equal(kpi_plan_write_structure(&out, size, plan, flags), KPI_OK);
    return out;
}

static char *progress_of(const kpi_plan *plan, uint32_t flags, size_t *size)
{
    char *out = NULL;
    assert_int_equal(kpi_plan_write_progress(&out, size, plan, flags), KPI_OK);
    return out;
}

static void plan_files_protect_formula_texts(void **state)
{
    (void)state;
    kpi_plan *plan = hostile_plan();
    size_t n;
    char *s = structure_of(plan, KPI_WRITE_NO_BOM, &n);
    assert_non_null(strstr(s, "\n"
                              "plan,p,,'@SUM(A1:A9),"));
    assert_non_null(strstr(s, "\n"
                              "goal,1,,'+1 goal,"));
    assert_non_null(strstr(s, ",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","));
    assert_non_null(strstr(s, ",'-,")); /* the unit */
    assert_non_null(strstr(s, ",'\tTab first,"));
    assert_non_null(strstr(s, ",10,-10,")); /* figures stay numbers */
    assert_non_null(strstr(s, ",''=already quoted,"));
    assert_non_null(strstr(s, "\"'\rCR first\""));
    char *p = progress_of(plan, KPI_WRITE_NO_BOM, &n);
    assert_non_null(strstr(p, "\n1-a,2017-09-30,-5,,'=cmd|' /C calc'!A0,"));
    assert_non_null(strstr(p, ",'plain apostrophe,")); /* nothing to protect */
    kpi_free(s);
    kpi_free(p);
    kpi_plan_free(plan);
}

static void raw_files_keep_texts_as_they_are(void **state)
{
    (void)state;
    kpi_plan *plan = hostile_plan();
    size_t n;
    char *s = structure_of(plan, KPI_WRITE_NO_BOM | KPI_WRITE_RAW, &n);
    assert_non_null(strstr(s, "\nplan,p,,@SUM(A1:A9),"));
    assert_non_null(strstr(s, ",\"=HYPERLINK("));
    /* a text of the city's own that begins with an apostrophe before a
     * formula's first character keeps its protection, so that the reader,
     * which cannot tell a raw file from another, gives it back as it was */
    assert_non_null(strstr(s, ",''=already quoted,"));
    kpi_free(s);
    kpi_plan_free(plan);
}

/* Written, read and written again: the same texts, the same bytes, with
 * and without the protection. */
static void plan_files_round_trip(void **state)
{
    (void)state;
    static const uint32_t flags[] = {KPI_WRITE_DEFAULT, KPI_WRITE_RAW};
    for (size_t i = 0; i < 2; i++) {
        kpi_plan *plan = hostile_plan();
        size_t sn, pn, sn2, pn2;
        char *s = structure_of(plan, flags[i], &sn),
             *p = progress_of(plan, flags[i], &pn);
        kpi_reader *reader = NULL;
        kpi_plan *back = NULL;
        assert_int_equal(kpi_reader_new(&reader), KPI_OK);
        assert_int_equal(kpi_reader_set_infer(reader, 0), KPI_OK);
        assert_int_equal(kpi_reader_read_buffers(&back, reader, s, sn, p, pn), KPI_OK);
        assert_string_equal(kpi_plan_title(back), "@SUM(A1:A9)");
        kpi_target *t = kpi_plan_find_target(back, "1-a");
        assert_string_equal(kpi_target_label(t), FORMULA);
        assert_string_equal(kpi_target_text(t), "\tTab first");
        assert_string_equal(kpi_target_unit(t), "-");
        assert_string_equal(kpi_target_label(kpi_plan_find_target(back, "1-b")),
                            "'=already quoted");
        char *s2 = structure_of(back, flags[i], &sn2),
             *p2 = progress_of(back, flags[i], &pn2);
        assert_string_equal(s2, s);
        assert_string_equal(p2, p);
        kpi_free(s), kpi_free(p), kpi_free(s2), kpi_free(p2);
        kpi_plan_free(back);
        kpi_plan_free(plan);
        kpi_reader_free(reader);
    }
}

/* What the reader takes away: one apostrophe before formula-like text,
 * nothing else. */
static void reader_takes_only_the_protection(void **state)
{
    (void)state;
    static const char structure[] = "type,code,parent,title\n"
                                    "plan,p,,'=one\n"
                                    "goal,1,,''=two\n"
                                    "goal,2,,'plain\n"
                                    "goal,3,,'\n"
                                    "goal,4,,=bare\n";
    kpi_reader *reader = NULL;
    kpi_plan *plan = NULL;
    assert_int_equal(kpi_reader_new(&reader), KPI_OK);
    assert_int_equal(
        kpi_reader_read_buffers(&plan, reader, structure, strlen(structure), NULL, 0),
        KPI_OK);
    assert_string_equal(kpi_plan_title(plan), "=one");
    assert_string_equal(kpi_goal_title(kpi_plan_find_goal(plan, "1")), "'=two");
    assert_string_equal(kpi_goal_title(kpi_plan_find_goal(plan, "2")), "'plain");
    assert_string_equal(kpi_goal_title(kpi_plan_find_goal(plan, "3")), "'");
    assert_string_equal(kpi_goal_title(kpi_plan_find_goal(plan, "4")), "=bare");
    kpi_plan_free(plan);
    kpi_reader_free(reader);
}

static kpi_evaluation *hostile_evaluation(void)
{
    kpi_plan *plan = hostile_plan();
    kpi_evaluation *ev = NULL;
    assert_int_equal(kpi_evaluate(&ev, plan, 20170930, NULL), KPI_OK);
    kpi_plan_free(plan);
    return ev;
}

static void report_protects_formula_texts(void **state)
{
    (void)state;
    kpi_evaluation *ev = hostile_evaluation();
    char *csv = NULL;
    assert_int_equal(kpi_evaluation_render(&csv, NULL, ev, KPI_FORMAT_CSV, KPI_LANG_JA),
                     KPI_OK);
    assert_non_null(strstr(csv, ",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","));
    assert_non_null(strstr(csv, ",'@SUM(A1:A9),"));
    assert_non_null(strstr(csv, ",'+1 goal,"));
    assert_non_null(strstr(csv, ",-5,")); /* the actual, a negative number */
    /* the reason line, a text that begins with a minus, is protected */
    assert_non_null(strstr(csv, ",\"'-5"));
    assert_null(strstr(csv, ",=")); /* no cell begins with = */
    char *same = NULL;
    assert_int_equal(kpi_evaluation_render_csv(&same, NULL, ev, KPI_LANG_JA, 0), KPI_OK);
    assert_string_equal(same, csv);
    kpi_free(same);
    kpi_free(csv);
    kpi_evaluation_free(ev);
}

static void report_raw_and_no_bom(void **state)
{
    (void)state;
    kpi_evaluation *ev = hostile_evaluation();
    char *csv = NULL;
    assert_int_equal(kpi_evaluation_render_csv(&csv, NULL, ev, KPI_LANG_JA,
                                               KPI_WRITE_RAW | KPI_WRITE_NO_BOM),
                     KPI_OK);
    assert_true(strncmp(csv, "kind,", 5) == 0); /* no BOM */
    assert_non_null(strstr(csv, ",\"=HYPERLINK("));
    assert_non_null(strstr(csv, ",@SUM(A1:A9),"));
    kpi_free(csv);
    /* the file gets the same bytes */
    char path[] = "/tmp/kpi-formulas-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(kpi_evaluation_write_csv(ev, path, KPI_LANG_EN, KPI_WRITE_RAW),
                     KPI_OK);
    assert_int_equal(
        kpi_evaluation_render_csv(&csv, NULL, ev, KPI_LANG_EN, KPI_WRITE_RAW), KPI_OK);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *written = calloc(1, strlen(csv) + 2);
    assert_non_null(written);
    assert_int_equal(fread(written, 1, strlen(csv) + 1, f), strlen(csv));
    fclose(f);
    remove(path);
    assert_string_equal(written, csv);
    free(written);
    kpi_free(csv);
    kpi_evaluation_free(ev);
}

static void report_flag_errors(void **state)
{
    (void)state;
    kpi_evaluation *ev = hostile_evaluation();
    char *csv = (char *)"untouched";
    assert_int_equal(kpi_evaluation_render_csv(&csv, NULL, ev, KPI_LANG_JA, 8),
                     KPI_ERR_VALUE);
    assert_null(csv);
    assert_string_equal(kpi_error_message(),
                        "kpi_evaluation_render_csv: flags 0x8 are no kpi_write_flags");
    assert_int_equal(kpi_evaluation_render_csv(NULL, NULL, ev, KPI_LANG_JA, 0),
                     KPI_ERR_ARGUMENT);
    assert_int_equal(kpi_evaluation_render_csv(&csv, NULL, NULL, KPI_LANG_JA, 0),
                     KPI_ERR_ARGUMENT);
    assert_int_equal(kpi_evaluation_render_csv(&csv, NULL, ev, (kpi_lang)7, 0),
                     KPI_ERR_VALUE);
    assert_int_equal(kpi_evaluation_write_csv(ev, NULL, KPI_LANG_JA, 0),
                     KPI_ERR_ARGUMENT);
    assert_int_equal(kpi_evaluation_write_csv(NULL, "x.csv", KPI_LANG_JA, 0),
                     KPI_ERR_ARGUMENT);
    assert_int_equal(kpi_evaluation_write_csv(ev, "never.csv", KPI_LANG_JA, 16),
                     KPI_ERR_VALUE);
    assert_int_equal(
        kpi_evaluation_write_csv(ev, "no-such-directory/r.csv", KPI_LANG_JA, 0),
        KPI_ERR_IO);
    assert_non_null(strstr(kpi_error_message(), "no-such-directory/r.csv"));
    kpi_evaluation_free(ev);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(plan_files_protect_formula_texts),
        cmocka_unit_test(raw_files_keep_texts_as_they_are),
        cmocka_unit_test(plan_files_round_trip),
        cmocka_unit_test(reader_takes_only_the_protection),
        cmocka_unit_test(report_protects_formula_texts),
        cmocka_unit_test(report_raw_and_no_bom),
        cmocka_unit_test(report_flag_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
