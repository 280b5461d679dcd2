/*
 * test_evaluate_results.c: the evaluation as an object: a snapshot that
 * outlives later changes and the plan itself, repeatable without changing
 * the plan, its results a tree in plan order, kpi_evaluation_find, and
 * several threads evaluating one plan with one policy at once.
 *
 * Every test names the rule it checks. Plans are built for fiscal year 2017
 * (平成29年度, 2017-04-01..2018-03-31) and rated as of 2017-09-30, the date of
 * the seed's mid-year report, where the elapsed fraction is f = 183/365.
 * Expected numbers are computed here from the spec's formulas, never read
 * back from the library, so that every assertion fails if its rule breaks.
 */

/* pthread_barrier_t is POSIX: make it visible under -std=c11. */
#define _POSIX_C_SOURCE 200809L

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <pthread.h>

#include "kpi.h"
#include "check.h"
#include "evaluate_support.h"

/* ------------------------------------------------------------------------ */
/* Comparing evaluations                                                    */
/* ------------------------------------------------------------------------ */

/* NaN-aware exact equality: evaluations of one plan must be identical. */
static int same_double(double a, double b)
{
    return (isnan(a) && isnan(b)) || a == b;
}

/* 1 when two evaluations report the same results; else 0 with the first
 * difference described in `why`. Safe to call from any thread. */
static int same_results(const kpi_evaluation *a, const kpi_evaluation *b, char *why,
                        size_t why_size)
{
    size_t n = kpi_evaluation_result_count(a);
    if (n != kpi_evaluation_result_count(b)) {
        snprintf(why, why_size, "result counts %zu and %zu", n,
                 kpi_evaluation_result_count(b));
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        const kpi_result *x = kpi_evaluation_result_at(a, i);
        const kpi_result *y = kpi_evaluation_result_at(b, i);
        int same = strcmp(kpi_result_code(x), kpi_result_code(y)) == 0 &&
                   strcmp(kpi_result_title(x), kpi_result_title(y)) == 0 &&
                   strcmp(kpi_result_reason(x, KPI_LANG_JA),
                          kpi_result_reason(y, KPI_LANG_JA)) == 0 &&
                   kpi_result_object(x) == kpi_result_object(y) &&
                   kpi_result_depth(x) == kpi_result_depth(y) &&
                   kpi_result_rating(x) == kpi_result_rating(y) &&
                   kpi_result_computed_rating(x) == kpi_result_computed_rating(y) &&
                   kpi_result_unrated(x) == kpi_result_unrated(y) &&
                   kpi_result_computed_unrated(x) == kpi_result_computed_unrated(y) &&
                   kpi_result_assessed(x) == kpi_result_assessed(y) &&
                   kpi_result_mismatch(x) == kpi_result_mismatch(y) &&
                   kpi_result_measured(x) == kpi_result_measured(y) &&
                   kpi_result_child_count(x) == kpi_result_child_count(y) &&
                   same_double(kpi_result_actual(x), kpi_result_actual(y)) &&
                   same_double(kpi_result_expected(x), kpi_result_expected(y)) &&
                   same_double(kpi_result_value(x), kpi_result_value(y)) &&
                   same_double(kpi_result_start_value(x), kpi_result_start_value(y)) &&
                   same_double(kpi_result_elapsed(x), kpi_result_elapsed(y)) &&
                   same_double(kpi_result_pace(x), kpi_result_pace(y)) &&
                   same_double(kpi_result_achievement(x), kpi_result_achievement(y));
        for (int k = KPI_RATING_NOT_PROGRESSED; same && k <= KPI_RATING_AHEAD; k++)
            same = kpi_result_count_rating(x, (kpi_rating)k) ==
                   kpi_result_count_rating(y, (kpi_rating)k);
        for (int k = 1; same && *kpi_unrated_name((kpi_unrated)k); k++)
            same = kpi_result_count_unrated(x, (kpi_unrated)k) ==
                   kpi_result_count_unrated(y, (kpi_unrated)k);
        if (!same) {
            snprintf(why, why_size, "result %zu (\"%s\"): \"%s\" vs \"%s\"", i,
                     kpi_result_code(x), kpi_result_reason(x, KPI_LANG_JA),
                     kpi_result_reason(y, KPI_LANG_JA));
            return 0;
        }
    }
    return 1;
}

/* ------------------------------------------------------------------------ */
/* The evaluation as an object                                               */
/* ------------------------------------------------------------------------ */

/* An evaluation is a snapshot: later changes to the plan do not reach it,
 * and it stays readable after the plan is freed. */
static void test_evaluation_is_snapshot(void **state)
{
    fixture *fx = *state;
    evaluate_as_of(fx, AS_OF);

    kpi_target *t = NULL;
    kpi_goal *g3 = NULL;
    assert_non_null(t = kpi_plan_find_target(fx->plan, "3-2-a"));
    assert_non_null(g3 = kpi_plan_find_goal(fx->plan, "3"));
    measure(t, AS_OF, 40);
    assert_ok(kpi_target_set_label(t, "changed"));
    assert_non_null(kpi_goal_add_assessment(g3, AS_OF, KPI_RATING_AHEAD, NULL));
    assert_result_value(result_of(fx, "3-2-a"), actual, 32);
    assert_rated(result_of(fx, "3"), KPI_RATING_BEHIND);

    kpi_plan_free(fx->plan);
    fx->plan = NULL;

    size_t n = kpi_evaluation_result_count(fx->ev);
    assert_int_equal(n, 1 + 8 + N_SEED_TARGETS);
    size_t total = 0;
    for (size_t i = 0; i < n; i++) {
        const kpi_result *r = kpi_evaluation_result_at(fx->ev, i);
        assert_non_null(r);
        total += strlen(kpi_result_code(r)) + strlen(kpi_result_title(r)) +
                 strlen(kpi_result_reason(r, KPI_LANG_JA)) + strlen(kpi_result_unit(r));
        assert_true(strlen(kpi_result_code(r)) > 0);
        assert_true(strlen(kpi_result_reason(r, KPI_LANG_JA)) > 0);
    }
    assert_true(total > 0);
    const kpi_result *r = result_of(fx, "3-2-a");
    assert_string_equal(kpi_result_title(r), "物件登録件数");
    assert_string_equal(kpi_result_reason(r, KPI_LANG_JA),
                        "32件 / 目標30件以上 (107%), 期待値15.0 (経過50%) → ◎");
    r = result_of(fx, PLAN_ID);
    assert_string_equal(kpi_result_title(r), "平成29年度重点目標");
    assert_string_equal(kpi_result_title(result_of(fx, "3")),
                        "移住・定住推進による活力ある都市づくり");
    kpi_evaluation_free(fx->ev);
    fx->ev = NULL;
}

/* The plan's notes are copied with their codes ("" for none): a note added
 * later is not in the evaluation, and they outlive the plan. */
static void test_evaluation_keeps_notes(void **state)
{
    (void)state;
    kpi_plan *plan = NULL;
    assert_ok(kpi_plan_new(&plan, "p"));
    assert_ok(kpi_plan_add_note(plan, "mayor-1", "市長指示事項"));
    assert_ok(kpi_plan_add_note(plan, NULL, "評価基準"));
    kpi_evaluation *ev = NULL;
    assert_ok(kpi_evaluate(&ev, plan, AS_OF, NULL));
    assert_ok(kpi_plan_add_note(plan, "later", "後で"));
    kpi_plan_free(plan);
    assert_int_equal(kpi_evaluation_note_count(ev), 2);
    assert_string_equal(kpi_evaluation_note_at(ev, 0), "市長指示事項");
    assert_string_equal(kpi_evaluation_note_code_at(ev, 0), "mayor-1");
    assert_string_equal(kpi_evaluation_note_at(ev, 1), "評価基準");
    assert_string_equal(kpi_evaluation_note_code_at(ev, 1), "");
    assert_null(kpi_evaluation_note_code_at(ev, 2));
    assert_int_equal(kpi_error_code(), KPI_ERR_RANGE);
    assert_null(kpi_evaluation_note_at(ev, 2));
    assert_int_equal(kpi_error_code(), KPI_ERR_RANGE);
    assert_null(kpi_evaluation_note_code_at(NULL, 0));
    assert_int_equal(kpi_error_code(), KPI_ERR_ARGUMENT);
    kpi_evaluation_free(ev);
}

/* An evaluation shares the strings a target and a figure were first given
 * (in the plan's string arena) and copies those a setter replaced (freed on
 * the next change): either way, what it reports stays what the plan said
 * when it was made, through later changes and after the plan and another
 * evaluation are freed. A progress row's note is both its figure's note
 * and its update's text, as the reader links them. */
static void test_evaluation_keeps_first_and_replaced_strings(void **state)
{
    (void)state;
    static const char structure[] =
        "type,code,parent,title,unit,kind,direction,value,start,due,text\n"
        "plan,p,,Plan,,,,,FY2017,FY2017,\n"
        "goal,g,,Goal,,,,,,,\n"
        "target,a,g,件数,件,numeric,increase,30,,2018-03-31,件数30件以上\n"
        "target,b,g,回数,回,numeric,increase,10,,2018-03-31,回数10回以上\n";
    static const char progress[] = "code,date,value,note\n"
                                   "a,2017-09-30,12,first note\n"
                                   "b,2017-09-30,3,draft\n";
    kpi_reader *reader = NULL;
    kpi_plan *plan = NULL;
    assert_ok(kpi_reader_new(&reader));
    assert_ok(kpi_reader_read_buffers(&plan, reader, structure, strlen(structure),
                                      progress, strlen(progress)));
    kpi_reader_free(reader);
    kpi_target *shared = kpi_plan_find_target(plan, "a");
    kpi_target *replaced = kpi_plan_find_target(plan, "b");
    assert_non_null(shared);
    assert_non_null(replaced);
    kpi_update *edited = kpi_target_update_at(replaced, 0);
    assert_non_null(edited);
    assert_ok(kpi_target_set_code(replaced, "renamed"));
    assert_ok(kpi_target_set_label(replaced, "label, replaced"));
    assert_ok(kpi_target_set_unit(replaced, "回, replaced"));
    assert_ok(kpi_target_set_text(replaced, "text, replaced"));
    assert_ok(kpi_update_set_text(edited, "note, replaced"));
    kpi_evaluation *ev = NULL, *other = NULL;
    assert_ok(kpi_evaluate(&other, plan, AS_OF, NULL));
    assert_ok(kpi_evaluate(&ev, plan, AS_OF, NULL));
    /* Every string changed once more: the replaced copies above are freed. */
    assert_ok(kpi_target_set_code(replaced, "renamed again"));
    assert_ok(kpi_target_set_label(replaced, "label, again"));
    assert_ok(kpi_target_set_unit(replaced, "回, again"));
    assert_ok(kpi_target_set_text(replaced, "text, again"));
    assert_ok(kpi_update_set_text(edited, "note, again"));
    assert_ok(kpi_target_set_label(shared, "件数, changed"));
    assert_ok(kpi_update_set_text(kpi_target_update_at(shared, 0), "first, changed"));
    kpi_plan_free(plan);
    kpi_evaluation_free(other);

    const kpi_result *r = kpi_evaluation_find(ev, "renamed");
    assert_non_null(r);
    assert_string_equal(kpi_result_title(r), "label, replaced");
    assert_string_equal(kpi_result_unit(r), "回, replaced");
    assert_string_equal(kpi_result_text(r), "text, replaced");
    assert_string_equal(kpi_result_update_text(r), "note, replaced");
    r = kpi_evaluation_find(ev, "a");
    assert_non_null(r);
    assert_string_equal(kpi_result_title(r), "件数");
    assert_string_equal(kpi_result_unit(r), "件");
    assert_string_equal(kpi_result_text(r), "件数30件以上");
    assert_string_equal(kpi_result_update_text(r), "first note");
    kpi_evaluation_free(ev);
}

/* Evaluating twice gives identical results and does not change the plan. */
static void test_evaluation_is_repeatable(void **state)
{
    fixture *fx = *state;
    kpi_target *t = NULL;
    kpi_goal *g = NULL;
    assert_non_null(t = kpi_plan_find_target(fx->plan, "3-1-a"));
    assert_non_null(kpi_target_add_assessment(t, 20170915, KPI_RATING_ON_TRACK, NULL));
    assert_non_null(g = kpi_plan_find_goal(fx->plan, "3-3"));
    assert_non_null(kpi_goal_add_assessment(g, 20170915, KPI_RATING_BEHIND, NULL));

    size_t goals = kpi_plan_total_goal_count(fx->plan);
    size_t targets = kpi_plan_total_target_count(fx->plan);
    size_t measurements[N_SEED_TARGETS], assessments[N_SEED_TARGETS];
    for (size_t i = 0; i < N_SEED_TARGETS; i++) {
        assert_non_null(t = kpi_plan_find_target(fx->plan, seed_targets[i].code));
        measurements[i] = kpi_target_measurement_count(t);
        assessments[i] = kpi_target_assessment_count(t);
    }

    evaluate_as_of(fx, AS_OF);
    assert_ok(kpi_evaluate(&fx->other_ev, fx->plan, AS_OF, fx->policy));
    char why[512] = "";
    if (!same_results(fx->ev, fx->other_ev, why, sizeof why))
        fail_msg("two evaluations differ: %s", why);

    assert_int_equal(kpi_plan_total_goal_count(fx->plan), goals);
    assert_int_equal(kpi_plan_total_target_count(fx->plan), targets);
    assert_int_equal(kpi_goal_assessment_count(g), 1);
    for (size_t i = 0; i < N_SEED_TARGETS; i++) {
        const struct seed_target *s = &seed_targets[i];
        assert_non_null(t = kpi_plan_find_target(fx->plan, s->code));
        assert_int_equal(kpi_target_measurement_count(t), measurements[i]);
        assert_int_equal(kpi_target_assessment_count(t), assessments[i]);
        assert_int_equal(kpi_target_schedule(t), KPI_SCHEDULE_DEFAULT);
        assert_int_equal(kpi_target_start(t), 0);
        assert_int_equal(kpi_target_due(t), s->due);
        assert_true(isnan(kpi_target_start_value(t)));
        if (isnan(s->value))
            assert_true(isnan(kpi_target_value(t)));
        else
            assert_close(kpi_target_value(t), s->value);
    }
    assert_int_equal(kpi_plan_start(fx->plan), 20170401);
    assert_int_equal(kpi_plan_end(fx->plan), 20180331);
}

/* Results are a tree in plan order: the plan first (depth 0), then each
 * goal, its targets, then its child goals, depth first. */
static void test_result_tree(void **state)
{
    fixture *fx = *state;
    kpi_goal *sub = NULL, *h = NULL;
    kpi_target *t1 = add_target(fx->goal, "G-t1", 10);
    assert_non_null(sub = kpi_goal_add_goal(fx->goal, "G-1", "sub goal"));
    add_target(sub, "G-1-t", 10);
    add_target(fx->goal, "G-t2", 10); /* added after G-1, still listed before it */
    assert_non_null(h = kpi_plan_add_goal(fx->plan, "H", "goal H"));
    add_target(h, "H-t", 10);
    assert_ok(kpi_goal_set_weight(fx->goal, 2));
    assert_ok(kpi_target_set_weight(t1, 0.5));

    evaluate_as_of(fx, AS_OF);
    static const struct {
        const char *code;
        kpi_object kind;
        int32_t depth;
        const char *parent; /* NULL: none */
        size_t children;
    } want[] = {
        {PLAN_ID, KPI_OBJECT_PLAN, 0, NULL, 2}, {"G", KPI_OBJECT_GOAL, 1, PLAN_ID, 3},
        {"G-t1", KPI_OBJECT_TARGET, 2, "G", 0}, {"G-t2", KPI_OBJECT_TARGET, 2, "G", 0},
        {"G-1", KPI_OBJECT_GOAL, 2, "G", 1},    {"G-1-t", KPI_OBJECT_TARGET, 3, "G-1", 0},
        {"H", KPI_OBJECT_GOAL, 1, PLAN_ID, 1},  {"H-t", KPI_OBJECT_TARGET, 2, "H", 0},
    };
    const size_t n = sizeof want / sizeof want[0];
    assert_int_equal(kpi_evaluation_result_count(fx->ev), n);
    assert_null(kpi_evaluation_result_at(fx->ev, n));
    size_t child_total = 0;
    for (size_t i = 0; i < n; i++) {
        const kpi_result *r = kpi_evaluation_result_at(fx->ev, i);
        assert_non_null(r);
        assert_string_equal(kpi_result_code(r), want[i].code);
        assert_int_equal(kpi_result_object(r), want[i].kind);
        assert_int_equal(kpi_result_depth(r), want[i].depth);
        assert_int_equal(kpi_result_child_count(r), want[i].children);
        assert_null(kpi_result_child_at(r, want[i].children));
        const kpi_result *parent = kpi_result_parent(r);
        if (!want[i].parent) {
            assert_null(parent);
            continue;
        }
        assert_non_null(parent);
        assert_string_equal(kpi_result_code(parent), want[i].parent);
        assert_int_equal(kpi_result_depth(parent), want[i].depth - 1);
        int found = 0; /* the parent lists it among its children */
        for (size_t k = 0; k < kpi_result_child_count(parent); k++)
            found += kpi_result_child_at(parent, k) == r;
        assert_int_equal(found, 1);
        child_total += 1;
    }
    assert_int_equal(child_total, n - 1);

    /* Children of G: targets first, then goals. */
    const kpi_result *g = result_of(fx, "G");
    assert_string_equal(kpi_result_code(kpi_result_child_at(g, 0)), "G-t1");
    assert_string_equal(kpi_result_code(kpi_result_child_at(g, 1)), "G-t2");
    assert_string_equal(kpi_result_code(kpi_result_child_at(g, 2)), "G-1");
    assert_ptr_equal(kpi_evaluation_result_at(fx->ev, 0), result_of(fx, PLAN_ID));
    assert_result_value(g, weight, 2);
    assert_result_value(result_of(fx, "G-t1"), weight, 0.5);
    assert_result_value(kpi_evaluation_result_at(fx->ev, 0), weight, 1);
    assert_string_equal(kpi_result_title(result_of(fx, "G-1")), "sub goal");
}

/* kpi_evaluation_find: goals, targets and the plan id; NOT_FOUND otherwise. */
static void test_find_by_code(void **state)
{
    fixture *fx = *state;
    evaluate_as_of(fx, AS_OF);
    for (size_t i = 0; i < kpi_evaluation_result_count(fx->ev); i++) {
        const kpi_result *r = kpi_evaluation_result_at(fx->ev, i);
        const kpi_result *found = NULL;
        assert_non_null(found = kpi_evaluation_find(fx->ev, kpi_result_code(r)));
        assert_ptr_equal(found, r);
    }
    assert_int_equal(kpi_result_object(result_of(fx, PLAN_ID)), KPI_OBJECT_PLAN);
    assert_int_equal(kpi_result_object(result_of(fx, "3-1")), KPI_OBJECT_GOAL);
    assert_int_equal(kpi_result_object(result_of(fx, "3-1-b")), KPI_OBJECT_TARGET);
    assert_string_equal(kpi_result_title(result_of(fx, "3-1-b")),
                        "大都市部で相談窓口を定期開催");

    const kpi_result *found = kpi_evaluation_result_at(fx->ev, 0);
    REFUSED_NULL(KPI_ERR_NOT_FOUND, found = kpi_evaluation_find(fx->ev, "9-9"));
    assert_null(found);
    REFUSED_NULL(KPI_ERR_NOT_FOUND, found = kpi_evaluation_find(fx->ev, ""));
    REFUSED_NULL(KPI_ERR_NOT_FOUND, found = kpi_evaluation_find(fx->ev, "3-2-A"));
    REFUSED_NULL(KPI_ERR_ARGUMENT, found = kpi_evaluation_find(fx->ev, NULL));
}

/* ------------------------------------------------------------------------ */
/* Threads                                                                   */
/* ------------------------------------------------------------------------ */

#define N_THREADS 8
#define N_ROUNDS 20

struct thread_job {
    const kpi_plan *plan;
    const kpi_policy *policy;
    const kpi_evaluation *reference;
    pthread_barrier_t *start;
    kpi_evaluation *last; /* the last evaluation, for the main thread */
    int rc;
    int differences;
    char why[512];
};

/* Evaluates N_ROUNDS times and compares each with the reference; no cmocka
 * assertion here (they are not thread-safe). */
static void *evaluate_job(void *arg)
{
    struct thread_job *job = arg;
    pthread_barrier_wait(job->start);
    for (int round = 0; round < N_ROUNDS; round++) {
        kpi_evaluation_free(job->last);
        job->last = NULL;
        job->rc = kpi_evaluate(&job->last, job->plan, AS_OF, job->policy);
        if (job->rc != KPI_OK)
            return NULL;
        if (!same_results(job->last, job->reference, job->why, sizeof job->why))
            job->differences++;
    }
    return NULL;
}

/* Several threads may evaluate one plan at once, and share a policy. */
static void test_concurrent_evaluations(void **state)
{
    fixture *fx = *state;
    kpi_target *t = NULL;
    assert_non_null(t = kpi_plan_find_target(fx->plan, "3-1-c"));
    assert_non_null(kpi_target_add_assessment(t, 20170915, KPI_RATING_AHEAD, NULL));
    evaluate_as_of(fx, AS_OF); /* the reference */

    pthread_barrier_t start;
    assert_int_equal(pthread_barrier_init(&start, NULL, N_THREADS), 0);
    struct thread_job jobs[N_THREADS];
    pthread_t threads[N_THREADS];
    memset(jobs, 0, sizeof jobs);
    size_t started = 0;
    for (size_t i = 0; i < N_THREADS; i++) {
        jobs[i].plan = fx->plan;
        jobs[i].policy = fx->policy;
        jobs[i].reference = fx->ev;
        jobs[i].start = &start;
        if (pthread_create(&threads[i], NULL, evaluate_job, &jobs[i]) != 0)
            break;
        started++;
    }
    assert_int_equal(started, N_THREADS); /* else the barrier would never open */
    for (size_t i = 0; i < started; i++)
        pthread_join(threads[i], NULL);
    pthread_barrier_destroy(&start);

    int failed = 0;
    char why[600] = "";
    for (size_t i = 0; i < N_THREADS; i++) {
        if (jobs[i].rc != KPI_OK || jobs[i].differences || !jobs[i].last) {
            if (!failed)
                snprintf(why, sizeof why, "thread %zu: rc %d, %d differences: %s", i,
                         jobs[i].rc, jobs[i].differences, jobs[i].why);
            failed = 1;
            continue;
        }
        /* Every thread's ratings equal the reference's, result by result. */
        for (size_t k = 0; k < kpi_evaluation_result_count(fx->ev); k++) {
            const kpi_result *a = kpi_evaluation_result_at(fx->ev, k);
            const kpi_result *b = kpi_evaluation_result_at(jobs[i].last, k);
            if (!b || kpi_result_rating(a) != kpi_result_rating(b) ||
                kpi_result_computed_rating(a) != kpi_result_computed_rating(b) ||
                kpi_result_unrated(a) != kpi_result_unrated(b)) {
                failed = 1;
                snprintf(why, sizeof why, "thread %zu: result %zu differs", i, k);
            }
        }
    }
    for (size_t i = 0; i < N_THREADS; i++)
        kpi_evaluation_free(jobs[i].last);
    if (failed)
        fail_msg("concurrent evaluations differ: %s", why);
    assert_rating(result_of(fx, "3-1-c"), KPI_RATING_AHEAD);
    assert_rated(result_of(fx, "3-2"), KPI_RATING_AHEAD);
}

/* What only goals, the plan and directives have (counts, a directive's
 * issuer, date, goals and days open) is theirs alone: a target reports
 * none of it, however many goals and directives around it were counted
 * and dated, and each goal and directive its own. */
static void test_group_fields_are_their_own(void **state)
{
    fixture *fx = *state;
    add_target(fx->goal, "G-t1", 10);
    measure(kpi_plan_find_target(fx->plan, "G-t1"), AS_OF, 10); /* ◎ */
    add_target(fx->goal, "G-t2", 10);                           /* no figure */
    kpi_goal *h = kpi_plan_add_goal(fx->plan, "H", "goal H");
    assert_non_null(h);
    add_target(h, "H-t", NAN); /* no T: incomplete */
    kpi_directive *d = kpi_plan_add_directive(fx->plan, "D1", "指示");
    assert_non_null(d);
    assert_ok(kpi_directive_set_issuer(d, "市長"));
    assert_ok(kpi_directive_set_date(d, 20170901));
    assert_ok(kpi_directive_add_goal(d, fx->goal));
    assert_ok(kpi_directive_add_goal(d, h));
    evaluate_as_of(fx, AS_OF);

    static const char *const targets[] = {"G-t1", "G-t2", "H-t"};
    for (size_t i = 0; i < 3; i++) {
        const kpi_result *t = result_of(fx, targets[i]);
        for (int rating = KPI_RATING_NOT_PROGRESSED; rating <= KPI_RATING_AHEAD; rating++)
            assert_int_equal(kpi_result_count_rating(t, (kpi_rating)rating), 0);
        for (int reason = KPI_UNRATED_QUALITATIVE; reason <= KPI_UNRATED_CANCELLED;
             reason++)
            assert_int_equal(kpi_result_count_unrated(t, (kpi_unrated)reason), 0);
        assert_string_equal(kpi_result_issuer(t), "");
        assert_int_equal(kpi_result_issued(t), 0);
        assert_int_equal(kpi_result_goal_count(t), 0);
        assert_int_equal(kpi_result_days_open(t), -1);
    }
    const kpi_result *g = result_of(fx, "G"), *hr = result_of(fx, "H");
    assert_int_equal(kpi_result_count_rating(g, KPI_RATING_AHEAD), 1);
    assert_int_equal(kpi_result_count_unrated(g, KPI_UNRATED_NO_DATA), 1);
    assert_int_equal(kpi_result_count_unrated(g, KPI_UNRATED_INCOMPLETE), 0);
    assert_int_equal(kpi_result_count_rating(hr, KPI_RATING_AHEAD), 0);
    assert_int_equal(kpi_result_count_unrated(hr, KPI_UNRATED_INCOMPLETE), 1);
    const kpi_result *plan = result_of(fx, PLAN_ID);
    assert_int_equal(kpi_result_count_rating(plan, KPI_RATING_AHEAD), 1);
    assert_int_equal(kpi_result_count_unrated(plan, KPI_UNRATED_NO_RATED_CHILDREN), 1);
    assert_string_equal(kpi_result_issuer(g), "");
    assert_int_equal(kpi_result_days_open(g), -1);
    const kpi_result *dr = result_of(fx, "D1");
    assert_string_equal(kpi_result_issuer(dr), "市長");
    assert_int_equal(kpi_result_issued(dr), 20170901);
    assert_int_equal(kpi_result_goal_count(dr), 2);
    assert_string_equal(kpi_result_goal_code_at(dr, 0), "G");
    assert_string_equal(kpi_result_goal_code_at(dr, 1), "H");
    assert_int_equal(kpi_result_days_open(dr), 29); /* 2017-09-01 to 09-30, unanswered */
    assert_int_equal(kpi_result_count_rating(dr, KPI_RATING_AHEAD), 0);
}

/* ------------------------------------------------------------------------ */

int main(void)
{
    const struct CMUnitTest tests[] = {
        SEED_TEST(test_evaluation_is_snapshot),
        cmocka_unit_test(test_evaluation_keeps_first_and_replaced_strings),
        cmocka_unit_test(test_evaluation_keeps_notes),
        SEED_TEST(test_evaluation_is_repeatable),
        PLAN_TEST(test_result_tree),
        SEED_TEST(test_find_by_code),
        SEED_TEST(test_concurrent_evaluations),
        PLAN_TEST(test_group_fields_are_their_own),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
