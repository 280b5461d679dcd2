/* Plan files with the progress contract's data round-trip byte for byte:
 * the fixture pair tests/data/csv/progress-structure.csv and
 * progress-progress.csv (updates with statuses, planned dates, multi-line
 * notes, a figure and its status on one row, several updates on a date,
 * directives addressed to several goals, with issuers, dates and
 * responses, the plan's report date) is read and written again to the very
 * same bytes, and read back to the same plan; plans built with the API
 * round-trip with every write flag; plans without the new data keep the
 * columns they always had. The reading of each row is in
 * test_csv_progress.c. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "kpi.h"
#include "csv_support.h"

#define P_STRUCTURE FIXTURE("progress-structure.csv")
#define P_PROGRESS FIXTURE("progress-progress.csv")

/* ---- Comparing what the contract added ------------------------------------ */

static void same_updates(const char *owner, size_t n, size_t m,
                         kpi_update *(*at)(void *, size_t), void *a, void *b)
{
    if (n != m) {
        print_error("%s: %zu updates, then %zu\n", owner, n, m);
        fail();
    }
    for (size_t i = 0; i < n; i++) {
        kpi_update *x = at(a, i), *y = at(b, i);
        assert_non_null(x);
        assert_non_null(y);
        if (kpi_update_date(x) != kpi_update_date(y) ||
            kpi_update_status(x) != kpi_update_status(y) ||
            kpi_update_planned(x) != kpi_update_planned(y) ||
            strcmp(kpi_update_text(x), kpi_update_text(y)) != 0 ||
            strcmp(kpi_update_author(x), kpi_update_author(y)) != 0) {
            print_error(
                "%s: update %zu differs: %d %s %d \"%s\" \"%s\" / %d %s %d \"%s\" "
                "\"%s\"\n",
                owner, i, (int)kpi_update_date(x), kpi_status_name(kpi_update_status(x)),
                (int)kpi_update_planned(x), kpi_update_text(x), kpi_update_author(x),
                (int)kpi_update_date(y), kpi_status_name(kpi_update_status(y)),
                (int)kpi_update_planned(y), kpi_update_text(y), kpi_update_author(y));
            fail();
        }
    }
}

static kpi_update *target_update(void *t, size_t i)
{
    return kpi_target_update_at(t, i);
}

static kpi_update *goal_update(void *g, size_t i)
{
    return kpi_goal_update_at(g, i);
}

static kpi_update *directive_update(void *d, size_t i)
{
    return kpi_directive_update_at(d, i);
}

static void same_goal_updates(kpi_goal *a, kpi_goal *b)
{
    same_updates(kpi_goal_code(a), kpi_goal_update_count(a), kpi_goal_update_count(b),
                 goal_update, a, b);
    for (size_t i = 0; i < kpi_goal_target_count(a); i++) {
        kpi_target *x = kpi_goal_target_at(a, i), *y = kpi_goal_target_at(b, i);
        same_updates(kpi_target_code(x), kpi_target_update_count(x),
                     kpi_target_update_count(y), target_update, x, y);
    }
    for (size_t i = 0; i < kpi_goal_goal_count(a); i++)
        same_goal_updates(kpi_goal_goal_at(a, i), kpi_goal_goal_at(b, i));
}

/* The plans agree in what the progress contract added: the report date,
 * every update of every target and goal, every directive with its fields,
 * goals and responses (assert_plans_equal() checks the rest). */
static void assert_progress_equal(kpi_plan *a, kpi_plan *b)
{
    assert_int_equal(kpi_plan_report_date(a), kpi_plan_report_date(b));
    assert_int_equal(kpi_plan_goal_count(a), kpi_plan_goal_count(b));
    for (size_t i = 0; i < kpi_plan_goal_count(a); i++)
        same_goal_updates(kpi_plan_goal_at(a, i), kpi_plan_goal_at(b, i));
    size_t n = kpi_plan_directive_count(a);
    assert_int_equal(n, kpi_plan_directive_count(b));
    for (size_t i = 0; i < n; i++) {
        kpi_directive *x = kpi_plan_directive_at(a, i), *y = kpi_plan_directive_at(b, i);
        assert_string_equal(kpi_directive_code(x), kpi_directive_code(y));
        assert_string_equal(kpi_directive_text(x), kpi_directive_text(y));
        assert_string_equal(kpi_directive_issuer(x), kpi_directive_issuer(y));
        assert_int_equal(kpi_directive_date(x), kpi_directive_date(y));
        assert_int_equal(kpi_directive_goal_count(x), kpi_directive_goal_count(y));
        for (size_t g = 0; g < kpi_directive_goal_count(x); g++)
            assert_string_equal(kpi_goal_code(kpi_directive_goal_at(x, g)),
                                kpi_goal_code(kpi_directive_goal_at(y, g)));
        same_updates(kpi_directive_code(x), kpi_directive_update_count(x),
                     kpi_directive_update_count(y), directive_update, x, y);
    }
}

/* assert_round_trip() and the progress data compared as well. */
static void assert_progress_round_trip(kpi_plan *plan, uint32_t flags)
{
    assert_round_trip(plan, flags);
    written w = write_ok(plan, flags);
    kpi_reader *reader = new_reader();
    kpi_plan *copy = read_written(reader, &w);
    assert_progress_equal(plan, copy);
    assert_int_equal(kpi_reader_warning_count(reader), 0);
    kpi_plan_free(copy);
    kpi_reader_free(reader);
    written_free(&w);
}

/* ---- The fixture pair --------------------------------------------------------- */

/* Read and written again: the same bytes, file by file. */
static void fixture_same_bytes(void **state)
{
    (void)state;
    kpi_reader *reader = new_reader();
    kpi_plan *plan = read_files_ok(reader, P_STRUCTURE, P_PROGRESS);
    assert_int_equal(kpi_reader_warning_count(reader), 0);
    written fixture = {NULL, 0, NULL, 0};
    fixture.structure = read_whole_file(P_STRUCTURE, &fixture.structure_size);
    fixture.progress = read_whole_file(P_PROGRESS, &fixture.progress_size);
    written again = write_ok(plan, KPI_WRITE_DEFAULT);
    assert_written_equal(&fixture, &again);
    written_free(&again);

    /* Through files as well. */
    char *dir = make_temp_dir();
    char *structure = path_in(dir, "structure.csv");
    char *progress = path_in(dir, "progress.csv");
    assert_int_equal(kpi_plan_write_files(plan, structure, progress, 0), KPI_OK);
    written files = {NULL, 0, NULL, 0};
    files.structure = read_whole_file(structure, &files.structure_size);
    files.progress = read_whole_file(progress, &files.progress_size);
    assert_written_equal(&fixture, &files);
    kpi_plan *copy = read_files_ok(NULL, structure, progress);
    assert_plans_equal(plan, copy);
    assert_progress_equal(plan, copy);
    kpi_plan_free(copy);
    free(files.structure);
    free(files.progress);
    free(fixture.structure);
    free(fixture.progress);
    remove_dir(dir);
    free(structure);
    free(progress);
    free(dir);
    kpi_plan_free(plan);
    kpi_reader_free(reader);
}

/* What the fixture holds, read: so that a reader and a writer that lost the
 * same thing could not pass the byte comparison together. */
static void fixture_content(void **state)
{
    (void)state;
    kpi_plan *plan = read_files_ok(NULL, P_STRUCTURE, P_PROGRESS);
    assert_int_equal(kpi_plan_report_date(plan), 20170930);
    assert_int_equal(kpi_plan_directive_count(plan), 3);
    kpi_directive *d = kpi_plan_directive_at(plan, 0);
    assert_string_equal(kpi_directive_code(d), "市長-1");
    assert_string_equal(kpi_directive_text(d),
                        "空き家の活用と文化事業の連携を\n検討すること");
    assert_int_equal(kpi_directive_date(d), 20170601);
    assert_int_equal(kpi_directive_goal_count(d), 2);
    assert_string_equal(kpi_goal_code(kpi_directive_goal_at(d, 1)), "4-2");
    assert_int_equal(kpi_directive_update_count(d), 2);
    kpi_update *u = kpi_directive_update_at(d, 0);
    assert_int_equal(kpi_update_status(u), KPI_STATUS_PREPARING);
    assert_int_equal(kpi_update_planned(u), 20171231);
    assert_string_equal(kpi_update_author(u), "政策企画課");
    assert_string_equal(kpi_update_text(kpi_directive_update_at(d, 1)),
                        "協議結果を\n取りまとめ");
    d = kpi_plan_directive_at(plan, 1);
    assert_string_equal(kpi_directive_issuer(d), "副市長");
    assert_int_equal(kpi_directive_goal_count(d), 0);
    d = kpi_plan_directive_at(plan, 2);
    assert_string_equal(kpi_directive_text(d),
                        "企業との連携を強化すること（\"稼ぐ力\"）");
    assert_string_equal(kpi_directive_issuer(d), "市長");

    kpi_target *t = find_target(plan, "3-2-a");
    assert_int_equal(kpi_target_measurement_count(t), 2);
    assert_int_equal(kpi_target_update_count(t), 2); /* each figure's note */
    u = kpi_target_update_at(t, 0);
    assert_int_equal(kpi_update_status(u), KPI_STATUS_NONE);
    assert_string_equal(kpi_update_text(u), "物件登録件数：12件");
    u = kpi_target_update_at(t, 1);
    assert_int_equal(kpi_update_status(u), KPI_STATUS_IN_PROGRESS);
    assert_string_equal(kpi_update_text(u), "物件登録件数：32件");
    t = find_target(plan, "4-2-e");
    assert_int_equal(kpi_target_update_count(t), 2);
    assert_int_equal(kpi_update_planned(kpi_target_update_at(t, 0)), 20171031);
    assert_string_equal(kpi_update_text(kpi_target_update_at(t, 1)), "講師と調整中");
    assert_int_equal(kpi_goal_update_count(find_goal(plan, "1-1")), 1);
    assert_int_equal(kpi_plan_note_count(plan), 1);

    /* And it rates as the contract says (default as-of: the report date). */
    kpi_evaluation *ev = NULL;
    assert_int_equal(kpi_evaluate(&ev, plan, 0, NULL), KPI_OK);
    static const struct {
        const char *code;
        kpi_rating rating;
        kpi_unrated reason;
    } want[] = {
        {"1-1-c", KPI_RATING_BEHIND, KPI_UNRATED_NONE},
        {"1-1-d", KPI_RATING_NONE, KPI_UNRATED_CANCELLED},
        {"1-1", KPI_RATING_BEHIND, KPI_UNRATED_NONE},
        {"3-2-a", KPI_RATING_AHEAD, KPI_UNRATED_NONE},
        {"4-2-a", KPI_RATING_ON_TRACK, KPI_UNRATED_NONE},
        {"4-2-b", KPI_RATING_ON_TRACK, KPI_UNRATED_NONE},
        {"4-2-e", KPI_RATING_ON_TRACK, KPI_UNRATED_NONE},
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        const kpi_result *r = kpi_evaluation_find(ev, want[i].code);
        assert_non_null(r);
        assert_int_equal(kpi_result_rating(r), want[i].rating);
        assert_int_equal(kpi_result_unrated(r), want[i].reason);
    }
    const kpi_result *r = kpi_evaluation_find(ev, "市長-1");
    assert_int_equal(kpi_result_open(r), 1);
    assert_int_equal(kpi_result_days_open(r), 121);
    assert_int_equal(kpi_result_open(kpi_evaluation_find(ev, "副市長-1")), 0);
    kpi_evaluation_free(ev);
    kpi_plan_free(plan);
}

/* Every write flag (no BOM, CRLF): read back the same, written the same. */
static void fixture_every_flag(void **state)
{
    (void)state;
    kpi_plan *plan = read_files_ok(NULL, P_STRUCTURE, P_PROGRESS);
    for (uint32_t flags = 0; flags <= (KPI_WRITE_NO_BOM | KPI_WRITE_CRLF); flags++)
        assert_progress_round_trip(plan, flags);
    kpi_plan_free(plan);
}

/* ---- Plans built with the API ------------------------------------------------- */

/* Awkward texts, statuses with and without planned dates, figures and
 * updates on one date, responses, a report date: they round-trip. */
static void api_plan_round_trip(void **state)
{
    (void)state;
    kpi_plan *plan = NULL;
    assert_int_equal(kpi_plan_new(&plan, "p,\"1\""), KPI_OK);
    assert_int_equal(kpi_plan_set_report_date(plan, 20180331), KPI_OK);
    kpi_goal *g = kpi_plan_add_goal(plan, "g", "Goal");
    kpi_goal *h = kpi_goal_add_goal(g, "h,x", "Child with , in its code");
    assert_non_null(h);
    kpi_target *t = kpi_goal_add_target(h, "t", "Target");
    assert_non_null(t);
    assert_int_equal(kpi_target_set_value(t, 10), KPI_OK);
    static const char *const texts[] = {
        "a,b",          "say \"hi\"", "line1\nline2", " blanks ",
        "crlf\r\nline", "◎○△×",       "=1+2",         NULL};
    for (int s = KPI_STATUS_NONE; s <= KPI_STATUS_CANCELLED; s++) {
        kpi_update *u = kpi_target_add_update(t, 20170901 + s, texts[s]);
        assert_non_null(u);
        int32_t planned =
            s == KPI_STATUS_SCHEDULED || s == KPI_STATUS_NOT_STARTED ? 20171031 : 0;
        assert_int_equal(kpi_update_set_status(u, (kpi_status)s, planned ? planned : 0),
                         KPI_OK);
        if (s % 2)
            assert_int_equal(kpi_update_set_author(u, "担当, 課"), KPI_OK);
        /* A figure and an update added apart on one date stay two rows (a
         * figure without a note: with one, its row reads back as an update
         * too, see figure_note_is_update). */
        assert_non_null(kpi_target_add_measurement(t, 20170901 + s, s, NULL));
    }
    kpi_update *none_planned = kpi_goal_add_update(g, 20170930, "予定のみ");
    assert_int_equal(kpi_update_set_status(none_planned, KPI_STATUS_NONE, 20171130),
                     KPI_OK);
    assert_non_null(kpi_goal_add_assessment(g, 20170930, KPI_RATING_ON_TRACK, "x"));
    kpi_directive *d = kpi_plan_add_directive(plan, "D,1", "指示\n二行目");
    assert_non_null(d);
    assert_int_equal(kpi_directive_add_goal(d, h), KPI_OK);
    assert_int_equal(kpi_directive_add_goal(d, g), KPI_OK);
    assert_int_equal(kpi_directive_set_issuer(d, "副市長"), KPI_OK);
    assert_int_equal(kpi_directive_set_date(d, 20170601), KPI_OK);
    kpi_update *r = kpi_directive_add_update(d, 20170701, "回答\n続き");
    assert_int_equal(kpi_update_set_status(r, KPI_STATUS_SCHEDULED, 20171231), KPI_OK);
    assert_non_null(kpi_plan_add_directive(plan, "E", "no date, no goals"));
    for (uint32_t flags = 0; flags <= (KPI_WRITE_NO_BOM | KPI_WRITE_CRLF); flags++)
        assert_progress_round_trip(plan, flags);
    kpi_plan_free(plan);
}

/* A plan with nothing of the progress contract keeps the columns it always
 * had; updates with texts only add no status columns; a report date alone
 * adds the structure's new columns. */
static void old_columns_kept(void **state)
{
    (void)state;
    kpi_plan *plan = read_ok(S_BASE, P_BASE);
    written w = write_ok(plan, KPI_WRITE_NO_BOM);
    assert_true(strncmp(w.progress, "code,date,value,rating,note,author\n", 35) == 0);
    assert_true(strncmp(w.structure, "type,code,parent,title,unit,kind,direction,value,",
                        49) == 0);
    assert_non_null(strstr(w.structure, "department,inferred\n"));
    assert_null(strstr(w.structure, "issuer"));
    written_free(&w);

    assert_non_null(kpi_target_add_update(find_target(plan, "t"), 20170930, "経過のみ"));
    w = write_ok(plan, KPI_WRITE_NO_BOM);
    assert_true(strncmp(w.progress, "code,date,value,rating,note,author\n", 35) == 0);
    assert_non_null(strstr(w.progress, "t,2017-09-30,,,経過のみ,\n"));
    written_free(&w);
    assert_progress_round_trip(plan, KPI_WRITE_NO_BOM);

    assert_int_equal(kpi_plan_set_report_date(plan, 20170930), KPI_OK);
    w = write_ok(plan, KPI_WRITE_NO_BOM);
    assert_non_null(strstr(w.structure, "inferred,issuer,date,report_date\n"));
    assert_non_null(strstr(w.structure, ",2017-09-30\n"));
    written_free(&w);
    assert_progress_round_trip(plan, KPI_WRITE_NO_BOM);
    kpi_plan_free(plan);
}

/* A figure's note is an update's text in the file: a measurement with a
 * note, written, reads back as the measurement and an update with that
 * text (and no status), which then round-trips as it is. */
static void figure_note_is_update(void **state)
{
    (void)state;
    kpi_plan *plan = read_ok(S_BASE, P_BASE);
    kpi_target *t = find_target(plan, "t");
    assert_non_null(kpi_target_add_measurement(t, 20170601, 2, "実績2件"));
    assert_int_equal(kpi_target_update_count(t), 0);
    written w = write_ok(plan, KPI_WRITE_NO_BOM);
    assert_non_null(strstr(w.progress, "t,2017-06-01,2,,実績2件,\n"));
    kpi_reader *reader = new_reader();
    kpi_plan *copy = read_written(reader, &w);
    t = find_target(copy, "t");
    assert_int_equal(kpi_target_measurement_count(t), 2);
    assert_int_equal(kpi_target_update_count(t), 1);
    kpi_update *u = kpi_target_update_at(t, 0);
    assert_string_equal(kpi_update_text(u), "実績2件");
    assert_int_equal(kpi_update_date(u), 20170601);
    assert_int_equal(kpi_update_status(u), KPI_STATUS_NONE);
    written again = write_ok(copy, KPI_WRITE_NO_BOM);
    assert_written_equal(&w, &again);
    assert_progress_round_trip(copy, KPI_WRITE_NO_BOM);
    written_free(&again);
    written_free(&w);
    kpi_plan_free(copy);
    kpi_reader_free(reader);
    kpi_plan_free(plan);
}

/* An update that carries nothing a row can hold (no text, status or
 * planned date: an author alone is no row, test_csv_errors.c) is not
 * written, so that the files stay readable; the others are. */
static void empty_update_not_written(void **state)
{
    (void)state;
    kpi_plan *plan = read_ok(S_BASE, P_BASE);
    kpi_target *t = find_target(plan, "t");
    assert_non_null(kpi_target_add_update(t, 20170901, NULL));
    kpi_update *u = kpi_target_add_update(t, 20170902, "");
    assert_int_equal(kpi_update_set_author(u, "someone"), KPI_OK);
    assert_non_null(kpi_target_add_update(t, 20170903, "kept"));
    written w = write_ok(plan, KPI_WRITE_NO_BOM);
    kpi_reader *reader = new_reader();
    kpi_plan *copy = read_written(reader, &w);
    kpi_reader_free(reader);
    t = find_target(copy, "t");
    assert_int_equal(kpi_target_update_count(t), 1);
    assert_string_equal(kpi_update_text(kpi_target_update_at(t, 0)), "kept");
    kpi_plan_free(copy);
    written_free(&w);
    kpi_plan_free(plan);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fixture_same_bytes),
        cmocka_unit_test(fixture_content),
        cmocka_unit_test(fixture_every_flag),
        cmocka_unit_test(api_plan_round_trip),
        cmocka_unit_test(old_columns_kept),
        cmocka_unit_test(figure_note_is_update),
        cmocka_unit_test(empty_update_not_written),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
