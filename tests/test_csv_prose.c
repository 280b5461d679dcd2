/*
 * test_csv_prose.c: the reader fills what a progress row left empty from
 * its text (docs/progress.md, "Reading figures and statuses from the
 * prose"; kpi_reader_prose_confidence()):
 *
 * - a target row's empty status (and planned date), from the statement
 *   about the target, only when the reading is certain (or the caller
 *   lowered the bar);
 * - a NUMERIC target's missing figure, from its own row's text or its
 *   initiative's, matched by label and unit; never a part, a change, a
 *   count of attendances, an edition (10回記念), or one of two candidates;
 * - marked inferred, warned about at the row's line, rated and explained
 *   as read from the text, and left out by the writers (the file keeps
 *   what the city wrote); a figure or status the file gives always wins;
 * - nothing when the reader does not read texts;
 * - a text that repeats is read once (io/prose_cache.h) and gives every
 *   row the reading it would give alone, in its own fiscal year.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "kpi.h"
#include "csv_support.h"

/* FY2017: initiative 3-2 with three counted targets, initiative 4-2 with
 * two events and a milestone, and a target whose text names an edition. */
static const char structure[] =
    "type,code,parent,title,unit,kind,value,due,text\n"
    "plan,p,,Plan,,,,,\n"
    "goal,3-2,,信州うえだ空き家バンク制度の推進\n"
    "target,3-2-a,3-2,物件登録件数,件,,30,,物件登録件数30件以上\n"
    "target,3-2-b,3-2,利用者登録数,件,,60,,利用者登録数60件以上\n"
    "target,3-2-c,3-2,成約件数,件,,15,,成約件数15件以上\n"
    "goal,4-2,,文化事業の推進\n"
    "target,4-2-e,4-2,子ども文化講座の開催回数,回,,1,,子ども文化講座(1回)\n"
    "target,4-2-f,4-2,子ども文化祭の開催回数,回,,1,,子ども文化祭(1回)の開催\n"
    "target,4-2-a,4-2,上田城跡能の開催,,milestone,,2017-08,上田城跡能(8月)\n"
    "target,4-2-c,4-2,シリーズ文化講演会の開催回数,回,,1,,シリーズ文化講演会\n";

#define HEADER "code,date,value,rating,note,author,status,planned\n"

static kpi_reader *reader_at(double confidence)
{
    kpi_reader *reader = new_reader();
    assert_int_equal(kpi_reader_set_prose_confidence(reader, confidence), KPI_OK);
    return reader;
}

/* The warnings of kind INFERRED about progress texts, "line:message|...". */
static void assert_prose_warnings(const kpi_reader *reader, const char *want)
{
    char got[2048] = "";
    for (size_t i = 0; i < kpi_reader_warning_count(reader); i++) {
        const char *w = kpi_reader_warning_at(reader, i);
        if (kpi_reader_warning_kind_at(reader, i) != KPI_WARNING_INFERRED ||
            !strstr(w, "progress text"))
            continue;
        size_t used = strlen(got);
        snprintf(got + used, sizeof got - used, "%s%s", used ? "|" : "", w);
    }
    assert_string_equal(got, want);
}

static const kpi_result *rated(kpi_evaluation **ev, kpi_plan *plan, const char *code)
{
    if (!*ev)
        assert_int_equal(kpi_evaluate(ev, plan, 20170930, NULL), KPI_OK);
    const kpi_result *r = kpi_evaluation_find(*ev, code);
    assert_non_null(r);
    return r;
}

/* 「子ども文化講座を10月、子ども文化祭を2月に開催予定。」 on each event's row:
 * each takes the statement about itself, scheduled on its own date. */
static void status_from_own_row(void **state)
{
    (void)state;
    kpi_reader *reader = new_reader();
    kpi_plan *plan =
        read_ok_with(reader, structure,
                     HEADER "4-2-e,2017-09-30,,,子ども文化講座を10月、子ども文化祭を2月に"
                            "開催予定。,,,\n"
                            "4-2-f,2017-09-30,,,子ども文化講座を10月、子ども文化祭を2月に"
                            "開催予定。,,,\n");
    kpi_update *u = kpi_target_update_at(find_target(plan, "4-2-e"), 0);
    assert_int_equal(kpi_update_status(u), KPI_STATUS_SCHEDULED);
    assert_int_equal(kpi_update_planned(u), 20171031);
    assert_int_equal(kpi_update_inferred(u), KPI_FIELD_STATUS | KPI_FIELD_PLANNED);
    u = kpi_target_update_at(find_target(plan, "4-2-f"), 0);
    assert_int_equal(kpi_update_status(u), KPI_STATUS_SCHEDULED);
    assert_int_equal(kpi_update_planned(u), 20180228);
    assert_prose_warnings(
        reader,
        "progress:2: target \"4-2-e\": status scheduled 2017-10-31 read from its "
        "progress text \"子ども文化講座を10月\"|progress:3: target \"4-2-f\": status "
        "scheduled 2018-02-28 read from its progress text "
        "\"子ども文化祭を2月に開催予定\"");

    kpi_evaluation *ev = NULL;
    const kpi_result *r = rated(&ev, plan, "4-2-e");
    assert_int_equal(kpi_result_rating(r), KPI_RATING_ON_TRACK);
    assert_true(kpi_result_status_inferred(r));
    assert_string_equal(
        kpi_result_reason(r, KPI_LANG_JA),
        "予定 2017-09-30（予定日 2017-10-31、期限2018-03-31）（進捗状況から読取）, "
        "実績なし / 目標1回以上, 期待値0.5 (経過50%) → ○");
    kpi_evaluation_free(ev);
    kpi_plan_free(plan);
    kpi_reader_free(reader);
}

/* An initiative's 「物件登録件数：32件、利用者登録数：51件、成約件数：13件」 gives
 * each target its figure; a figure the file gives (3-2-c) wins. */
static void figures_from_initiative(void **state)
{
    (void)state;
    kpi_reader *reader = new_reader();
    kpi_plan *plan = read_ok_with(
        reader, structure,
        HEADER
        "3-2,2017-09-30,,,物件登録件数：32件、利用者登録数：51件、成約件数：13件,,,\n"
        "3-2-c,2017-09-30,12,,訂正後の成約件数,,,\n");
    kpi_measurement *m = kpi_target_measurement_at(find_target(plan, "3-2-a"), 0);
    assert_non_null(m);
    assert_true(kpi_measurement_value(m) == 32);
    assert_int_equal(kpi_measurement_date(m), 20170930);
    assert_int_equal(kpi_measurement_inferred(m), KPI_FIELD_VALUE);
    assert_string_equal(kpi_measurement_note(m), "");
    assert_true(kpi_measurement_value(
                    kpi_target_measurement_at(find_target(plan, "3-2-b"), 0)) == 51);
    kpi_target *c = find_target(plan, "3-2-c");
    assert_int_equal(kpi_target_measurement_count(c), 1); /* the file's 12 only */
    assert_true(kpi_measurement_value(kpi_target_measurement_at(c, 0)) == 12);
    assert_int_equal(kpi_measurement_inferred(kpi_target_measurement_at(c, 0)), 0);
    assert_prose_warnings(
        reader, "progress:2: target \"3-2-a\": figure 32 件 read from the progress "
                "text of goal \"3-2\": \"物件登録件数：32件\"|progress:2: target "
                "\"3-2-b\": figure 51 件 read from the progress text of goal \"3-2\": "
                "\"利用者登録数：51件\"");

    kpi_evaluation *ev = NULL;
    const kpi_result *r = rated(&ev, plan, "3-2-a");
    assert_int_equal(kpi_result_rating(r), KPI_RATING_AHEAD);
    assert_true(kpi_result_figure_inferred(r));
    assert_string_equal(
        kpi_result_reason(r, KPI_LANG_EN),
        "32 件 (read from the text) / target 30 件 or more (107%), expected "
        "15.0 (50% elapsed) → ◎");
    assert_false(kpi_result_figure_inferred(rated(&ev, plan, "3-2-c")));
    kpi_evaluation_free(ev);
    kpi_plan_free(plan);
    kpi_reader_free(reader);
}

/* No figure from what is not a level of the target's count: an edition
 * (10回記念), a part (うち), a change (10件増), attendances (延べ), a count of
 * something else (件数 of 相談), two candidates, a milestone. */
static void figures_not_taken(void **state)
{
    (void)state;
    kpi_reader *reader = new_reader();
    kpi_plan *plan = read_ok_with(
        reader, structure,
        HEADER "4-2-c,2017-09-30,,,シリーズ文化講演会は10回記念として2月に開催予定。,,,\n"
               "3-2-a,2017-09-30,,,物件登録件数は前年度比10件増,,,\n"
               "3-2-b,2017-09-30,,,利用者登録数：延べ51件,,,\n"
               "3-2-c,2017-09-30,,,成約件数：13件、成約件数（前期）：7件,,,\n" /* two */
               "4-2-e,2017-09-30,,,子ども文化講座の相談件数：14件,,,\n"
               "4-2-a,2017-08-31,,,上田城跡能を8月に開催。1回,,,\n");
    static const char *const codes[] = {"4-2-c", "3-2-a", "3-2-b",
                                        "3-2-c", "4-2-e", "4-2-a"};
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
        assert_int_equal(kpi_target_measurement_count(find_target(plan, codes[i])), 0);
    kpi_plan_free(plan);
    kpi_reader_free(reader);
}

/* A status the file gives wins; an uncertain reading fills nothing unless
 * the caller lowers the bar; without reading texts nothing is filled. */
static void the_bar(void **state)
{
    (void)state;
    static const char progress[] =
        HEADER "4-2-e,2017-09-30,,,子ども文化講座を開催。,,,\n" /* done, no date */
               "4-2-f,2017-09-30,,,子ども文化祭を2月に開催予定。,,preparing,\n";
    kpi_reader *reader = new_reader();
    kpi_plan *plan = read_ok_with(reader, structure, progress);
    assert_int_equal(
        kpi_update_status(kpi_target_update_at(find_target(plan, "4-2-e"), 0)),
        KPI_STATUS_NONE);
    kpi_update *f = kpi_target_update_at(find_target(plan, "4-2-f"), 0);
    assert_int_equal(kpi_update_status(f), KPI_STATUS_PREPARING);
    assert_int_equal(kpi_update_inferred(f), 0);
    assert_prose_warnings(reader, "");
    kpi_plan_free(plan);
    kpi_reader_free(reader);

    reader = reader_at(0.8);
    plan = read_ok_with(reader, structure, progress);
    kpi_update *e = kpi_target_update_at(find_target(plan, "4-2-e"), 0);
    assert_int_equal(kpi_update_status(e), KPI_STATUS_DONE);
    assert_int_equal(kpi_update_inferred(e), KPI_FIELD_STATUS);
    kpi_plan_free(plan);
    kpi_reader_free(reader);

    reader = new_reader();
    assert_int_equal(kpi_reader_set_infer(reader, 0), KPI_OK);
    plan = read_ok_with(reader, structure,
                        HEADER "3-2,2017-09-30,,,物件登録件数：32件,,,\n"
                               "4-2-f,2017-09-30,,,子ども文化祭を2月に開催予定。,,,\n");
    assert_int_equal(kpi_target_measurement_count(find_target(plan, "3-2-a")), 0);
    assert_int_equal(
        kpi_update_status(kpi_target_update_at(find_target(plan, "4-2-f"), 0)),
        KPI_STATUS_NONE);
    assert_int_equal(kpi_reader_warning_count(reader), 0);
    kpi_plan_free(plan);
    kpi_reader_free(reader);
}

/* The writers write what the city wrote: a file read with inferences and
 * written again is the same file. */
static void writers_leave_inferences_out(void **state)
{
    (void)state;
    static const char progress[] =
        "code,date,value,rating,note,author\n"
        "3-2,2017-09-30,,,物件登録件数：32件、利用者登録数：51件,\n"
        "4-2-e,2017-09-30,,,子ども文化講座を10月に開催予定。,\n";
    kpi_plan *plan = read_ok(structure, progress);
    assert_int_equal(kpi_target_measurement_count(find_target(plan, "3-2-a")), 1);
    char *out = NULL;
    size_t size = 0;
    assert_int_equal(kpi_plan_write_progress(&out, &size, plan, KPI_WRITE_NO_BOM),
                     KPI_OK);
    assert_bytes_equal("progress", out, size, progress, strlen(progress));
    kpi_free(out);
    kpi_plan_free(plan);
}

/* A status the file gives on a row dated as late or later stands: a note
 * beside a scheduled event (「講師と調整中」) does not replace it; a note
 * dated after it may. */
static void given_status_stands(void **state)
{
    (void)state;
    kpi_plan *plan = read_ok(
        structure, HEADER "4-2-e,2017-09-30,,,子ども文化講座を10月に開催予定,,scheduled,"
                          "2017-10-31\n"
                          "4-2-e,2017-09-30,,,講師と調整中,,,\n"
                          "4-2-f,2017-08-31,,,子ども文化祭を2月に開催予定,,scheduled,"
                          "2018-02-28\n"
                          "4-2-f,2017-09-30,,,会場と調整中,,,\n");
    kpi_target *e = find_target(plan, "4-2-e");
    assert_int_equal(kpi_update_status(kpi_target_update_at(e, 1)), KPI_STATUS_NONE);
    kpi_target *f = find_target(plan, "4-2-f");
    assert_int_equal(kpi_update_status(kpi_target_update_at(f, 1)), KPI_STATUS_PREPARING);
    assert_int_equal(kpi_update_inferred(kpi_target_update_at(f, 1)), KPI_FIELD_STATUS);
    kpi_plan_free(plan);
}

static void confidence_setting(void **state)
{
    (void)state;
    kpi_reader *reader = new_reader();
    assert_true(kpi_reader_prose_confidence(reader) == 1.0);
    assert_int_equal(kpi_reader_set_prose_confidence(reader, 0.5), KPI_OK);
    assert_true(kpi_reader_prose_confidence(reader) == 0.5);
    const double refused[] = {0, -0.1, 1.0000001, NAN, INFINITY};
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        assert_int_equal(kpi_reader_set_prose_confidence(reader, refused[i]),
                         KPI_ERR_VALUE);
        assert_true(kpi_reader_prose_confidence(reader) == 0.5);
    }
    assert_int_equal(kpi_reader_set_prose_confidence(NULL, 1), KPI_ERR_ARGUMENT);
    assert_true(kpi_reader_prose_confidence(NULL) == 0);
    assert_int_equal(kpi_error_code(), KPI_ERR_ARGUMENT);
    kpi_reader_free(reader);
}

/* Rows of many distinct texts (more than the cache keeps, over many
 * batches) among texts that repeat, the same text in two fiscal years: each
 * row is filled as its text says, on one thread and on two. */
#define DISTINCT 6000

static void repeated_texts(void **state)
{
    (void)state;
    static const char plan_file[] =
        "type,code,parent,title,unit,kind,value,due,text\n"
        "plan,p,,Plan,,,,,\n" /* no period: a row's text is read in its date's year */
        "goal,g,,目標\n"
        "target,a,g,説明会の開催,,milestone,,2019-03-31,説明会の開催\n";
    text progress = {0};
    text_add(&progress, HEADER);
    char row[256];
    for (int k = 0; k < DISTINCT; k++) {
        snprintf(row, sizeof row,
                 "a,2017-04-01,,,第%d回説明会を%d月%d日に開催予定,,,\n"
                 "a,%d-05-01,,,10月に開催予定,,,\n"
                 "a,2017-06-01,,,順調に推移,,,\n",
                 k, 4 + k % 9, 1 + k % 28, k % 2 ? 2018 : 2017);
        text_add(&progress, row);
    }
    for (int32_t threads = 1; threads <= 2; threads++) {
        kpi_reader *reader = new_reader();
        assert_int_equal(kpi_reader_set_threads(reader, threads), KPI_OK);
        kpi_plan *plan = read_ok_with(reader, plan_file, progress.data);
        kpi_target *a = find_target(plan, "a");
        assert_int_equal(kpi_target_update_count(a), 3 * DISTINCT);
        for (int k = 0; k < DISTINCT; k++) {
            kpi_update *own = kpi_target_update_at(a, 3 * (size_t)k);
            kpi_update *repeated = kpi_target_update_at(a, 3 * (size_t)k + 1);
            kpi_update *vague = kpi_target_update_at(a, 3 * (size_t)k + 2);
            assert_int_equal(kpi_update_status(own), KPI_STATUS_SCHEDULED);
            assert_int_equal(kpi_update_planned(own),
                             20170000 + (4 + k % 9) * 100 + 1 + k % 28);
            assert_int_equal(kpi_update_status(repeated), KPI_STATUS_SCHEDULED);
            assert_int_equal(kpi_update_planned(repeated), k % 2 ? 20181031 : 20171031);
            assert_int_equal(kpi_update_status(vague), KPI_STATUS_NONE);
        }
        kpi_plan_free(plan);
        kpi_reader_free(reader);
    }
    text_free(&progress);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(status_from_own_row),
        cmocka_unit_test(figures_from_initiative),
        cmocka_unit_test(figures_not_taken),
        cmocka_unit_test(the_bar),
        cmocka_unit_test(writers_leave_inferences_out),
        cmocka_unit_test(given_status_stands),
        cmocka_unit_test(confidence_setting),
        cmocka_unit_test(repeated_texts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
