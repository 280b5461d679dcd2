/*
 * Out of memory: every allocation of a realistic scenario is made to fail
 * in turn (building a plan call by call, loading the seed files,
 * validating, evaluating, rendering every format, writing plan files and
 * reports), and each time
 *  - the call reports KPI_ERR_NOMEM (or, where a library retries a
 *    smaller allocation, succeeds with the right result),
 *  - the plan the caller holds is unchanged (same bytes when written),
 *  - nothing is returned to the caller, and nothing leaks (the sanitizer
 *    and valgrind runs of this program check that).
 * The allocator is libkpi's own hook, kpi_set_allocator(); a first group
 * checks that hook itself: the host's context and block sizes, and the
 * refusals.
 */
#define _POSIX_C_SOURCE 200809L /* mkdtemp */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <math.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kpi.h"
#include "tmpdir.h"
#include "seed.h"

/* ---- A failing allocator ---------------------------------------------- */

/* Allocations left before the one that fails; negative: none fails. The
 * failure is one-shot, so that code which retries is also exercised.
 * Atomic, because kpi_evaluate() on threads allocates from each of them. */
static atomic_long countdown = -1;
static atomic_int refused;

static int take_one(void)
{
    long left = atomic_load(&countdown);
    while (left >= 0) {
        if (atomic_compare_exchange_weak(&countdown, &left, left - 1)) {
            if (left > 0)
                return 1;
            atomic_store(&refused, 1);
            return 0;
        }
    }
    return 1;
}

static void *failing_alloc(void *context, size_t size)
{
    (void)context;
    return take_one() ? malloc(size) : NULL;
}

static void release(void *context, void *ptr, size_t size)
{
    (void)context, (void)size;
    free(ptr);
}

static void arm(long n)
{
    countdown = n;
    refused = 0;
}

static void disarm(void)
{
    countdown = -1;
}

static int setup_allocator(void **state)
{
    (void)state;
    return kpi_set_allocator(failing_alloc, release, NULL);
}

static int restore_allocator(void **state)
{
    (void)state;
    return kpi_set_allocator(NULL, NULL, NULL);
}

/* ---- Helpers ---------------------------------------------------------- */

/* The plan as bytes: equal bytes, equal plan (the round-trip tests of
 * test_csv_round_trip show the files carry every field). */
static char *snapshot(const kpi_plan *plan)
{
    char *structure = NULL, *progress = NULL;
    size_t s = 0, p = 0;
    assert_int_equal(kpi_plan_write_structure(&structure, &s, plan, KPI_WRITE_NO_BOM),
                     KPI_OK);
    assert_int_equal(kpi_plan_write_progress(&progress, &p, plan, KPI_WRITE_NO_BOM),
                     KPI_OK);
    char *both = malloc(s + p + 1);
    assert_non_null(both);
    memcpy(both, structure, s);
    memcpy(both + s, progress, p + 1);
    kpi_free(structure);
    kpi_free(progress);
    return both;
}

static char *read_file(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *data = malloc((size_t)n + 1);
    assert_non_null(data);
    assert_int_equal(fread(data, 1, (size_t)n, f), (size_t)n);
    data[n] = '\0';
    fclose(f);
    *size = (size_t)n;
    return data;
}

static kpi_plan *load_seed(void)
{
    kpi_plan *plan = seed_plan();
    assert_non_null(plan);
    return plan;
}

/* ---- Building a plan call by call ------------------------------------- */

/* Each step changes a plan built by the steps before it. */
typedef int (*build_step)(kpi_plan *plan);

static int step_goal(kpi_plan *plan)
{
    return (kpi_plan_add_goal(plan, "3", "移住・定住推進による活力ある都市づくり"))
               ? KPI_OK
               : kpi_error_code();
}

static kpi_goal *goal3(kpi_plan *plan)
{
    kpi_goal *goal = NULL;
    goal = kpi_plan_find_goal(plan, "3");
    return goal;
}

static kpi_target *target_a(kpi_plan *plan)
{
    kpi_target *target = NULL;
    target = kpi_plan_find_target(plan, "3-2-a");
    return target;
}

static int step_child_goal(kpi_plan *plan)
{
    return (kpi_goal_add_goal(goal3(plan), "3-2", "空き家バンク")) ? KPI_OK
                                                                   : kpi_error_code();
}

static int step_target(kpi_plan *plan)
{
    kpi_goal *initiative = NULL;
    initiative = kpi_plan_find_goal(plan, "3-2");
    return (kpi_goal_add_target(initiative, "3-2-a", "物件登録件数")) ? KPI_OK
                                                                      : kpi_error_code();
}

static int step_strings(kpi_plan *plan)
{
    int rc = kpi_target_set_unit(target_a(plan), "件");
    return rc ? rc : kpi_target_set_text(target_a(plan), "物件登録件数30件以上");
}

static int step_plan_strings(kpi_plan *plan)
{
    int rc = kpi_plan_set_title(plan, "平成29年度 重点目標");
    return rc ? rc : kpi_plan_set_organization(plan, "上田市");
}

static int step_measurements(kpi_plan *plan)
{
    /* Enough to need a second block of measurement storage. */
    for (int i = 0; i < 6; i++) {
        int rc = (kpi_target_add_measurement(target_a(plan), 20170430 + i * 100,
                                             5.0 * (i + 1), "前期実績"))
                     ? KPI_OK
                     : kpi_error_code();
        if (rc)
            return rc;
    }
    return KPI_OK;
}

static int step_assessment(kpi_plan *plan)
{
    return (kpi_target_add_assessment(target_a(plan), 20170930, KPI_RATING_AHEAD, "順調"))
               ? KPI_OK
               : kpi_error_code();
}

static int step_goal_assessment(kpi_plan *plan)
{
    return (kpi_goal_add_assessment(goal3(plan), 20170930, KPI_RATING_BEHIND, "一部遅れ"))
               ? KPI_OK
               : kpi_error_code();
}

static int step_notes(kpi_plan *plan)
{
    int rc = kpi_plan_add_note(plan, "note-1", "市長指示事項");
    return rc ? rc
              : kpi_goal_add_note(goal3(plan), "note-2", "成果が出せるよう取り組むこと");
}

static int step_rename(kpi_plan *plan)
{
    return kpi_target_set_code(target_a(plan), "3-2-x");
}

static const build_step build_steps[] = {
    step_goal,         step_child_goal,   step_target,     step_strings,
    step_plan_strings, step_measurements, step_assessment, step_goal_assessment,
    step_notes,        step_rename,
};
#define STEP_COUNT (sizeof build_steps / sizeof build_steps[0])

static kpi_plan *build_until(size_t steps)
{
    kpi_plan *plan = NULL;
    assert_int_equal(kpi_plan_new(&plan, "ueda-2017"), KPI_OK);
    for (size_t i = 0; i < steps; i++)
        assert_int_equal(build_steps[i](plan), KPI_OK);
    return plan;
}

/* One step of a multi-call step (step_strings, step_measurements) may fail
 * after earlier calls of the same step succeeded; what must hold is that
 * the failing call itself changed nothing. So steps that make one call are
 * checked for "unchanged", and all steps for "NOMEM". */
static int single_call(size_t step)
{
    return build_steps[step] != step_strings && build_steps[step] != step_plan_strings &&
           build_steps[step] != step_measurements && build_steps[step] != step_notes;
}

static void oom_build_step(size_t step)
{
    for (long n = 0;; n++) {
        kpi_plan *plan = build_until(step);
        char *before = snapshot(plan);
        arm(n);
        int rc = build_steps[step](plan);
        disarm();
        if (!refused) {
            assert_int_equal(rc, KPI_OK);
            kpi_plan_free(plan);
            free(before);
            return;
        }
        if (rc != KPI_OK) {
            assert_int_equal(rc, KPI_ERR_NOMEM);
            assert_int_equal(kpi_error_code(), KPI_ERR_NOMEM);
            if (single_call(step)) {
                char *after = snapshot(plan);
                assert_string_equal(before, after);
                free(after);
            }
        }
        kpi_plan_free(plan);
        free(before);
    }
}

static void test_oom_building(void **state)
{
    (void)state;
    for (size_t step = 0; step < STEP_COUNT; step++)
        oom_build_step(step);
    /* kpi_plan_new itself. */
    for (long n = 0;; n++) {
        kpi_plan *plan = (kpi_plan *)1;
        arm(n);
        int rc = kpi_plan_new(&plan, "p");
        disarm();
        if (!refused) {
            kpi_plan_free(plan);
            break;
        }
        assert_int_equal(rc, KPI_ERR_NOMEM);
        assert_null(plan);
    }
}

/* ---- Loading, evaluating, rendering, writing --------------------------- */

/* What a read reads: a plan's two files as buffers or as files (on two
 * threads), or a plan workbook's bytes (book, when not NULL). */
struct seed_input {
    const char *structure, *progress; /* bytes, or paths when files */
    size_t s_size, p_size;
    int files;
    const char *book;
    size_t book_size;
};

static int read_input(kpi_plan **plan, kpi_reader *reader, const struct seed_input *in)
{
    if (in->book)
        return kpi_reader_read_xlsx_buffer(plan, reader, in->book, in->book_size);
    if (in->files)
        return kpi_reader_read_files(plan, reader, in->structure, in->progress);
    return kpi_reader_read_buffers(plan, reader, in->structure, in->s_size, in->progress,
                                   in->p_size);
}

/* Every allocation of the read refused in turn: KPI_ERR_NOMEM, with no
 * plan and no warnings, or (after a refused allocation that libcsv retried
 * smaller, or a read that started over) the plan whose snapshot() is
 * expected. */
static void read_refusing_each(kpi_reader *reader, const struct seed_input *in,
                               const char *expected)
{
    for (long n = 0;; n++) {
        kpi_plan *plan = (kpi_plan *)1;
        arm(n);
        int rc = read_input(&plan, reader, in);
        disarm();
        if (rc == KPI_OK) {
            char *got = snapshot(plan);
            assert_string_equal(got, expected);
            free(got);
            kpi_plan_free(plan);
            if (!refused)
                break;
            continue;
        }
        assert_int_equal(rc, KPI_ERR_NOMEM);
        assert_null(plan);
        assert_int_equal(kpi_reader_warning_count(reader), 0);
    }
}

/* read_refusing_each() of the seed, read from in. */
static void read_seed_refusing_each(kpi_reader *reader, const struct seed_input *in)
{
    kpi_plan *reference = load_seed();
    char *expected = snapshot(reference);
    kpi_plan_free(reference);
    read_refusing_each(reader, in, expected);
    free(expected);
}

static void test_oom_reading(void **state)
{
    (void)state;
    struct seed_input in = {0};
    char *structure = read_file("examples/data/ueda-2017-structure.csv", &in.s_size);
    char *progress = read_file("examples/data/ueda-2017-progress.csv", &in.p_size);
    in.structure = structure;
    in.progress = progress;
    kpi_reader *reader = NULL;
    assert_int_equal(kpi_reader_new(&reader), KPI_OK);
    read_seed_refusing_each(reader, &in);
    kpi_reader_free(reader);
    free(structure);
    free(progress);
}

/* Reading the files on two threads (the files parsed on a second thread,
 * io/read_ahead.h): an allocation refused on either thread is handled as
 * on one. */
static void test_oom_reading_files_threads(void **state)
{
    (void)state;
    struct seed_input in = {.structure = "examples/data/ueda-2017-structure.csv",
                            .progress = "examples/data/ueda-2017-progress.csv",
                            .files = 1};
    kpi_reader *reader = NULL;
    assert_int_equal(kpi_reader_new(&reader), KPI_OK);
    assert_int_equal(kpi_reader_set_threads(reader, 2), KPI_OK);
    read_seed_refusing_each(reader, &in);
    kpi_reader_free(reader);
}

/* A plan as a plan workbook (kpi_plan_render_xlsx()), read with every
 * allocation refused in turn, expat's included (minizip's and zlib's are
 * not libkpi's): KPI_ERR_NOMEM with no plan and no warnings, or the plan.
 * The plan has every kind of row (statuses, planned dates, directives,
 * notes) in a few of each, so that the test stays short under valgrind:
 * every allocation is a whole read again. */
static void test_oom_reading_workbook(void **state)
{
    (void)state;
    kpi_reader *files = NULL;
    kpi_plan *source = NULL;
    assert_int_equal(kpi_reader_new(&files), KPI_OK);
    assert_int_equal(kpi_reader_read_files(&source, files,
                                           "tests/data/csv/progress-structure.csv",
                                           "tests/data/csv/progress-progress.csv"),
                     KPI_OK);
    kpi_reader_free(files);
    char *book, *expected = snapshot(source);
    size_t size;
    assert_int_equal(kpi_plan_render_xlsx(&book, &size, source), KPI_OK);
    kpi_plan_free(source);
    kpi_reader *reader = NULL;
    assert_int_equal(kpi_reader_new(&reader), KPI_OK);
    struct seed_input in = {.book = book, .book_size = size};
    read_refusing_each(reader, &in, expected);
    kpi_reader_free(reader);
    kpi_free(book);
    free(expected);
}

static void test_oom_evaluating(void **state)
{
    (void)state;
    kpi_plan *plan = load_seed();
    char *before = snapshot(plan);
    for (long n = 0;; n++) {
        kpi_evaluation *ev = (kpi_evaluation *)1;
        arm(n);
        int rc = kpi_evaluate(&ev, plan, 20170930, NULL);
        disarm();
        if (!refused) {
            assert_int_equal(rc, KPI_OK);
            kpi_evaluation_free(ev);
            break;
        }
        assert_int_equal(rc, KPI_ERR_NOMEM);
        assert_null(ev);
    }
    char *after = snapshot(plan);
    assert_string_equal(before, after);
    free(before);
    free(after);
    kpi_plan_free(plan);
}

/* kpi_evaluation_find() makes the index of codes on its first call: when
 * that cannot be done the call says KPI_ERR_NOMEM (not "not found"), the
 * evaluation is unchanged, and a later call makes it. */
static void test_oom_finding(void **state)
{
    (void)state;
    kpi_plan *plan = load_seed();
    kpi_evaluation *ev = NULL;
    assert_int_equal(kpi_evaluate(&ev, plan, 20170930, NULL), KPI_OK);
    const kpi_result *wanted = kpi_evaluation_result_at(ev, 3);
    for (long n = 0;; n++) {
        arm(n);
        const kpi_result *r = kpi_evaluation_find(ev, kpi_result_code(wanted));
        disarm();
        if (!refused) {
            assert_ptr_equal(r, wanted);
            assert_true(n > 0); /* the first call allocated */
            break;
        }
        assert_null(r);
        assert_int_equal(kpi_error_code(), KPI_ERR_NOMEM);
    }
    /* Made once: the index stays, and later lookups allocate nothing. */
    arm(0);
    const kpi_result *again = kpi_evaluation_find(ev, kpi_result_code(wanted));
    disarm();
    assert_false(refused);
    assert_ptr_equal(again, wanted);
    kpi_evaluation_free(ev);
    kpi_plan_free(plan);
}

/* A plan cut into several units of work (a subtree per goal), each long
 * enough that the threads evaluating it all take part and allocate. Built
 * with the allocator disarmed. */
static kpi_plan *plan_of_units(void)
{
    kpi_plan *plan = NULL;
    assert_int_equal(kpi_plan_new(&plan, "units"), KPI_OK);
    assert_int_equal(kpi_plan_set_fiscal_year(plan, 2017), KPI_OK);
    for (int g = 0; g < 3; g++) {
        char code[32];
        snprintf(code, sizeof code, "G%d", g);
        kpi_goal *goal = kpi_plan_add_goal(plan, code, "重点目標");
        for (int i = 0; i < 300; i++) {
            snprintf(code, sizeof code, "G%d-%d", g, i);
            kpi_target *t = kpi_goal_add_target(goal, code, "物件登録件数");
            assert_int_equal(kpi_target_set_value(t, 30), KPI_OK);
            assert_non_null(kpi_target_add_measurement(t, 20170831, i % 40, NULL));
        }
    }
    return plan;
}

/* Any allocation failing, in the calling thread or in any other,
 * fails the whole evaluation, which leaks nothing. */
static void test_oom_evaluating_threads(void **state)
{
    (void)state;
    kpi_plan *plan = plan_of_units();
    kpi_policy *policy = NULL;
    assert_int_equal(kpi_policy_new(&policy), KPI_OK);
    assert_int_equal(kpi_policy_set_threads(policy, 4), KPI_OK);
    for (long n = 0;; n++) {
        kpi_evaluation *ev = (kpi_evaluation *)1;
        arm(n);
        int rc = kpi_evaluate(&ev, plan, 20170930, policy);
        disarm();
        if (!refused) {
            assert_int_equal(rc, KPI_OK);
            assert_int_equal(kpi_evaluation_result_count(ev), 1 + 3 + 900);
            kpi_evaluation_free(ev);
            break;
        }
        assert_int_equal(rc, KPI_ERR_NOMEM);
        assert_null(ev);
    }
    kpi_policy_free(policy);
    kpi_plan_free(plan);
}

static void test_oom_validating(void **state)
{
    (void)state;
    kpi_plan *plan = load_seed();
    for (long n = 0;; n++) {
        kpi_problems *problems = (kpi_problems *)1;
        arm(n);
        int rc = kpi_validate(&problems, plan, 0, NULL);
        disarm();
        if (!refused) {
            assert_int_equal(rc, KPI_OK);
            assert_true(kpi_problems_count(problems) > 0);
            kpi_problems_free(problems);
            break;
        }
        assert_int_equal(rc, KPI_ERR_NOMEM);
        assert_null(problems);
    }
    kpi_plan_free(plan);
}

static void oom_render(const kpi_evaluation *ev, kpi_format format)
{
    for (long n = 0;; n++) {
        char *out = (char *)1;
        size_t size; /* a workbook's length is its only end */
        arm(n);
        int rc = kpi_evaluation_render(&out, &size, ev, format, KPI_LANG_JA);
        disarm();
        if (!refused) {
            assert_int_equal(rc, KPI_OK);
            kpi_free(out);
            return;
        }
        assert_int_equal(rc, KPI_ERR_NOMEM);
        assert_null(out);
    }
}

static void test_oom_rendering(void **state)
{
    (void)state;
    kpi_plan *plan = load_seed();
    kpi_evaluation *ev = NULL;
    assert_int_equal(kpi_evaluate(&ev, plan, 20170930, NULL), KPI_OK);
    kpi_plan_free(plan);
    for (int format = KPI_FORMAT_TEXT; format <= KPI_FORMAT_XLSX; format++)
        oom_render(ev, (kpi_format)format);
    kpi_evaluation_free(ev);
}

/* Scales (kpi/scale.h): reading one (with rules, statuses, unrated shows
 * and a warning), a plan that names one, rating and rendering on one: any
 * allocation refused fails the call with KPI_ERR_NOMEM, nothing half made,
 * nothing leaked. */
static const char scale_text[] =
    "type,id,basis,rollup,symbol,class,when,score,goal_min,quantifier,levels,result,"
    "status,reason\n"
    "scale,t,bounds,rules,,,,,,,,,,\n"
    "level,,,,A,ahead,achievement >= 1,3,2.5,,,,,\n"
    "level,,,,B,on_track,achievement >= 0.9,2,1.5,,,,,\n"
    "level,,,,C,behind,achievement >= 0.95,1,0.5,,,,,\n"
    "level,,,,D,not_progressed,,0,0,,,,,\n"
    "rule,,,,,,,,,any,C D,C,,\nrule,,,,,,,,,otherwise,,A,,\n"
    "status,,,,,,,,,,,D,中止,\nunrated,,,,−,,,,,,,,,*\n";

static void test_oom_scales(void **state)
{
    (void)state;
    for (long n = 0;; n++) {
        kpi_scale *scale = (kpi_scale *)1;
        arm(n);
        int rc =
            kpi_scale_read_buffer(&scale, scale_text, sizeof scale_text - 1, "t.csv");
        disarm();
        /* OK after a refusal: libcsv retried a smaller block. */
        if (rc == KPI_OK) {
            assert_int_equal(kpi_scale_level_count(scale), 4);
            assert_int_equal(kpi_scale_warning_count(scale), 1);
            kpi_scale_free(scale);
            if (!refused)
                break;
            continue;
        }
        assert_int_equal(rc, KPI_ERR_NOMEM);
        assert_null(scale);
    }
    const char structure[] = "type,code,parent,title,value,start_value,scale\n"
                             "plan,P,,p,,,akiruno\ngoal,G,P,g,,\n"
                             "target,T,G,t,100,0,\n";
    const char progress[] = "code,date,value,rating\nT,2017-09-30,92,\nT,2017-09-30,,F\n";
    kpi_reader *reader = NULL;
    assert_int_equal(kpi_reader_new(&reader), KPI_OK);
    kpi_plan *plan = NULL;
    for (long n = 0;; n++) {
        arm(n);
        int rc = kpi_reader_read_buffers(&plan, reader, structure, sizeof structure - 1,
                                         progress, sizeof progress - 1);
        disarm();
        if (rc == KPI_OK) { /* after a refusal libcsv retried */
            assert_string_equal(kpi_plan_scale_name(plan), "akiruno");
            assert_string_equal(kpi_assessment_level(kpi_target_assessment_at(
                                    kpi_plan_find_target(plan, "T"), 0)),
                                "F");
            kpi_plan_free(plan);
            if (!refused)
                break;
            continue;
        }
        assert_int_equal(rc, KPI_ERR_NOMEM);
        assert_null(plan);
    }
    kpi_reader_free(reader);

    plan = load_seed();
    kpi_scale *scale = NULL;
    kpi_policy *policy = NULL;
    assert_int_equal(kpi_scale_builtin(&scale, "manifesto-abcd"), KPI_OK);
    assert_int_equal(kpi_policy_new(&policy), KPI_OK);
    assert_int_equal(kpi_policy_set_scale(policy, scale), KPI_OK);
    for (long n = 0;; n++) {
        arm(n);
        int rc = kpi_plan_set_scale(plan, scale);
        disarm();
        if (!refused) {
            assert_int_equal(rc, KPI_OK);
            break;
        }
        assert_int_equal(rc, KPI_ERR_NOMEM);
        assert_null(kpi_plan_scale(plan)); /* as it was */
    }
    kpi_scale_free(scale);
    kpi_evaluation *ev = NULL;
    for (long n = 0;; n++) {
        ev = (kpi_evaluation *)1;
        arm(n);
        int rc = kpi_evaluate(&ev, plan, 20170930, policy);
        disarm();
        if (!refused) {
            assert_int_equal(rc, KPI_OK);
            break;
        }
        assert_int_equal(rc, KPI_ERR_NOMEM);
        assert_null(ev);
    }
    kpi_policy_free(policy);
    kpi_plan_free(plan);
    for (int format = KPI_FORMAT_TEXT; format <= KPI_FORMAT_HTML; format++)
        oom_render(ev, (kpi_format)format);
    kpi_evaluation_free(ev);
}

/* Writing a report into a file: a refused allocation leaves the file as
 * it was and no new file beside it. */
static void oom_write_report(const kpi_evaluation *ev, kpi_format format,
                             const char *path, const char *dir)
{
    for (long n = 0;; n++) {
        arm(n);
        int rc = kpi_evaluation_write(ev, path, format, KPI_LANG_JA);
        disarm();
        if (!refused) {
            assert_int_equal(rc, KPI_OK);
            return;
        }
        assert_int_equal(rc, KPI_ERR_NOMEM);
        size_t size;
        char *kept = read_file(path, &size);
        assert_string_equal(kept, "old");
        free(kept);
        DIR *d = opendir(dir);
        assert_non_null(d);
        int files = 0;
        for (struct dirent *e; (e = readdir(d)) != NULL;)
            files += e->d_name[0] != '.';
        closedir(d);
        assert_int_equal(files, 1);
    }
}

static void test_oom_writing_reports(void **state)
{
    (void)state;
    kpi_plan *plan = load_seed();
    kpi_evaluation *ev = NULL;
    assert_int_equal(kpi_evaluate(&ev, plan, 20170930, NULL), KPI_OK);
    kpi_plan_free(plan);
    char dir[] = "/tmp/kpi-oom-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[64];
    snprintf(path, sizeof path, "%s/report", dir);
    /* Written whole (text) and handed over as rendered (JSON, CSV). */
    static const kpi_format formats[] = {KPI_FORMAT_TEXT, KPI_FORMAT_JSON,
                                         KPI_FORMAT_CSV};
    for (size_t i = 0; i < sizeof formats / sizeof *formats; i++) {
        FILE *f = fopen(path, "wb");
        assert_non_null(f);
        fputs("old", f);
        assert_int_equal(fclose(f), 0);
        oom_write_report(ev, formats[i], path, dir);
    }
    remove(path);
    rmdir(dir);
    kpi_evaluation_free(ev);
}

/* Calls call with each allocation refused in turn, then with none: every
 * refusal gives KPI_ERR_NOMEM and no text, the last call the text. */
static void text_until_allocations_suffice(int (*call)(char **out, const void *context),
                                           const void *context)
{
    for (long n = 0;; n++) {
        char *out = (char *)1;
        arm(n);
        int rc = call(&out, context);
        disarm();
        if (!refused) {
            assert_int_equal(rc, KPI_OK);
            kpi_free(out);
            return;
        }
        assert_int_equal(rc, KPI_ERR_NOMEM);
        assert_null(out);
    }
}

static int write_structure(char **out, const void *plan)
{
    return kpi_plan_write_structure(out, NULL, plan, 0);
}

static void test_oom_writing(void **state)
{
    (void)state;
    kpi_plan *plan = load_seed();
    text_until_allocations_suffice(write_structure, plan);
    kpi_plan_free(plan);
}

static int plan_workbook(char **out, const void *plan)
{
    size_t size;
    return kpi_plan_render_xlsx(out, &size, plan);
}

/* The plan workbook likewise, and no temporary file is left behind. */
static void test_oom_writing_workbook(void **state)
{
    (void)state;
    kpi_plan *plan = load_seed();
    char dir[] = "/tmp/kpi-oom-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char *saved = tmpdir_set(dir);
    text_until_allocations_suffice(plan_workbook, plan);
    DIR *d = opendir(dir);
    assert_non_null(d);
    for (struct dirent *e; (e = readdir(d)) != NULL;)
        assert_true(e->d_name[0] == '.');
    closedir(d);
    rmdir(dir);
    tmpdir_restore(saved);
    kpi_plan_free(plan);
}

static int reason_column(char **out, const void *ev)
{
    return kpi_evaluation_column_texts(out, NULL, ev, KPI_COLUMN_REASON, KPI_LANG_JA);
}

/* Two spellings of one file: with any allocation refused, nothing is
 * written and the call says KPI_ERR_NOMEM; once they all succeed, the
 * paths are refused as one file. Reading a text column likewise. */
static void test_oom_same_file_and_columns(void **state)
{
    (void)state;
    kpi_plan *plan = load_seed();
    char dir[] = "/tmp/kpi-oom-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char a[64], b[64];
    snprintf(a, sizeof a, "%s/s.csv", dir);
    snprintf(b, sizeof b, "%s/./s.csv", dir);
    for (long n = 0;; n++) {
        arm(n);
        int rc = kpi_plan_write_files(plan, a, b, 0);
        disarm();
        assert_int_equal(access(a, F_OK), -1);
        if (!refused) {
            assert_int_equal(rc, KPI_ERR_ARGUMENT);
            break;
        }
        assert_int_equal(rc, KPI_ERR_NOMEM);
    }
    rmdir(dir);
    kpi_evaluation *ev = NULL;
    assert_int_equal(kpi_evaluate(&ev, plan, 20170930, NULL), KPI_OK);
    text_until_allocations_suffice(reason_column, ev);
    kpi_evaluation_free(ev);
    kpi_plan_free(plan);
}

/* ---- The host allocator hook ------------------------------------------ */

/* A host that checks what libkpi tells it: the context it registered, and
 * on release the very size it was asked for (kept in a header of the
 * host's own, which is the host's business, not libkpi's). */
struct host {
    size_t allocations, releases, live_bytes;
    int wrong_context, wrong_size;
};

typedef union host_header {
    max_align_t align;
    size_t size;
} host_header;

static struct host host;

static void *host_alloc(void *context, size_t size)
{
    struct host *h = context;
    h->wrong_context += h != &host;
    host_header *block = malloc(sizeof *block + size);
    if (!block)
        return NULL;
    block->size = size;
    h->allocations++;
    h->live_bytes += size;
    return block + 1;
}

static void host_free(void *context, void *ptr, size_t size)
{
    struct host *h = context;
    h->wrong_context += h != &host;
    host_header *block = (host_header *)ptr - 1;
    h->wrong_size += block->size != size;
    h->releases++;
    h->live_bytes -= size;
    free(block);
}

/* The seed read, rated and rendered in every format. */
static char *seed_reports(void)
{
    kpi_evaluation *ev = seed_evaluation(20170930);
    assert_non_null(ev);
    size_t total = 0;
    char *all = NULL;
    for (int f = 0; f <= KPI_FORMAT_HTML; f++) {
        char *out = NULL;
        size_t size = 0;
        assert_int_equal(
            kpi_evaluation_render(&out, &size, ev, (kpi_format)f, KPI_LANG_JA), KPI_OK);
        all = realloc(all, total + size + 1);
        assert_non_null(all);
        memcpy(all + total, out, size + 1);
        total += size;
        kpi_free(out);
    }
    kpi_evaluation_free(ev);
    return all;
}

static void test_host_allocator(void **state)
{
    (void)state;
    char *expected = seed_reports();
    memset(&host, 0, sizeof host);
    assert_int_equal(kpi_set_allocator(host_alloc, host_free, &host), KPI_OK);
    char *got = seed_reports();
    assert_int_equal(kpi_set_allocator(NULL, NULL, NULL), KPI_OK);
    /* Every byte libkpi used came from the host and went back to it, with
     * the host's context and the block's size; growing buffers without a
     * realloc of the host's changed nothing in the output. */
    assert_true(host.allocations > 1000);
    assert_int_equal(host.releases, host.allocations);
    assert_int_equal(host.live_bytes, 0);
    assert_int_equal(host.wrong_context, 0);
    assert_int_equal(host.wrong_size, 0);
    assert_string_equal(got, expected);
    free(got);
    free(expected);
}

static void test_allocator_refusals(void **state)
{
    (void)state;
    memset(&host, 0, sizeof host);
    /* One function without the other. */
    assert_int_equal(kpi_set_allocator(host_alloc, NULL, &host), KPI_ERR_ARGUMENT);
    assert_int_equal(kpi_set_allocator(NULL, host_free, &host), KPI_ERR_ARGUMENT);
    /* Memory of the current allocator in use: nothing changes. */
    kpi_plan *plan = NULL;
    assert_int_equal(kpi_plan_new(&plan, "p"), KPI_OK);
    assert_int_equal(kpi_set_allocator(host_alloc, host_free, &host), KPI_ERR_MISUSE);
    assert_int_equal(kpi_error_code(), KPI_ERR_MISUSE);
    assert_non_null(strstr(kpi_error_message(), "still in use"));
    assert_non_null(kpi_plan_add_goal(plan, "g", "goal"));
    assert_int_equal(host.allocations, 0);
    kpi_plan_free(plan);
    /* Once it is all released, the switch is allowed, and back again. */
    assert_int_equal(kpi_set_allocator(host_alloc, host_free, &host), KPI_OK);
    assert_int_equal(kpi_plan_new(&plan, "p"), KPI_OK);
    assert_true(host.allocations > 0);
    assert_int_equal(kpi_set_allocator(NULL, NULL, NULL), KPI_ERR_MISUSE);
    kpi_plan_free(plan);
    assert_int_equal(host.live_bytes, 0);
    assert_int_equal(kpi_set_allocator(NULL, NULL, NULL), KPI_OK);
}

int main(void)
{
    const struct CMUnitTest hook_tests[] = {
        cmocka_unit_test(test_host_allocator),
        cmocka_unit_test(test_allocator_refusals),
    };
    if (cmocka_run_group_tests_name("allocator hook", hook_tests, NULL, NULL))
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_oom_building),
        cmocka_unit_test(test_oom_reading),
        cmocka_unit_test(test_oom_reading_files_threads),
        cmocka_unit_test(test_oom_reading_workbook),
        cmocka_unit_test(test_oom_evaluating),
        cmocka_unit_test(test_oom_finding),
        cmocka_unit_test(test_oom_evaluating_threads),
        cmocka_unit_test(test_oom_validating),
        cmocka_unit_test(test_oom_rendering),
        cmocka_unit_test(test_oom_scales),
        cmocka_unit_test(test_oom_writing),
        cmocka_unit_test(test_oom_writing_workbook),
        cmocka_unit_test(test_oom_writing_reports),
        cmocka_unit_test(test_oom_same_file_and_columns),
    };
    return cmocka_run_group_tests(tests, setup_allocator, restore_allocator);
}
