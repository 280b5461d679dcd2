/* Tests of the object model and the API contract: versions, ownership and
 * release, every getter/setter pair of plans, goals, targets, measurements
 * and assessments, the goal tree, codes and their index, the depth limit,
 * stable handles, the values the model refuses, the thread-local last error,
 * NULL handles, ratings, notes and the policy.
 *
 * Every expectation comes from the header comments of include/kpi.h and
 * include/kpi/ and from the "Model" section of the evaluation contract, not
 * from the implementation. */

/* pthread_barrier_t is POSIX: make it visible under -std=c11. */
#define _POSIX_C_SOURCE 200809L

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <pthread.h>

#include "kpi.h"
#include "check.h"
/* kpi__error_at(): the only way to give the last error a source and a
 * position without a file reader, to check that API errors reset them. */
#include "util/error.h"

/* ---- UTF-8 spellings ----------------------------------------------------- */

#define SYM_AHEAD "\xe2\x97\x8e"        /* ◎ U+25CE */
#define SYM_ON_TRACK "\xe2\x97\x8b"     /* ○ U+25CB */
#define SYM_BEHIND "\xe2\x96\xb3"       /* △ U+25B3 */
#define SYM_NOT_PROGRESSED "\xc3\x97"   /* × U+00D7 */
#define SYM_LARGE_CIRCLE "\xe2\x97\xaf" /* ◯ U+25EF: looks like ○, is not */
#define HIRAGANA_A "\xe3\x81\x82"       /* あ: three bytes */

/* ---- Helpers ------------------------------------------------------------- */

/* Fails, showing both strings, unless needle occurs in haystack. */
static void assert_contains(const char *haystack, const char *needle)
{
    assert_non_null(haystack);
    if (!strstr(haystack, needle)) {
        print_error("expected \"%s\" in \"%s\"\n", needle, haystack);
        fail();
    }
}

/* A string that is "" and not NULL. */
static void assert_empty(const char *s)
{
    assert_non_null(s);
    assert_string_equal(s, "");
}

static void assert_nan(double x)
{
    if (!isnan(x)) {
        print_error("expected NaN, got %.17g\n", x);
        fail();
    }
}

/* Exactly want (which is not NaN). */
static void assert_double_is(double got, double want)
{
    if (!(got == want)) {
        print_error("expected %.17g, got %.17g\n", want, got);
        fail();
    }
}

/* Checks that the last error is code and that its message contains every
 * fragment given (NULL to skip one). */
static void assert_last_error(int code, const char *fragment1, const char *fragment2,
                              const char *fragment3)
{
    assert_int_equal(kpi_error_code(), code);
    if (fragment1)
        assert_contains(kpi_error_message(), fragment1);
    if (fragment2)
        assert_contains(kpi_error_message(), fragment2);
    if (fragment3)
        assert_contains(kpi_error_message(), fragment3);
}

/* A call that must fail with code, both as its return value and as the
 * recorded last error. */
#define REFUSED(code, call)                                                              \
    do {                                                                                 \
        kpi_error_clear();                                                               \
        int rc_ = (call);                                                                \
        assert_int_equal(rc_, (code));                                                   \
        assert_int_equal(kpi_error_code(), (code));                                      \
    } while (0)

/* A call that must succeed. */
#define OK(call) assert_int_equal((call), KPI_OK)

/* A getter called with a NULL handle: check runs the call and tests what it
 * returned; the last error must then be KPI_ERR_ARGUMENT. */
#define NULL_HANDLE(check)                                                               \
    do {                                                                                 \
        kpi_error_clear();                                                               \
        check;                                                                           \
        assert_int_equal(kpi_error_code(), KPI_ERR_ARGUMENT);                            \
    } while (0)

/* An out-of-range index: NULL, and the last error KPI_ERR_RANGE. */
#define OUT_OF_RANGE(call)                                                               \
    do {                                                                                 \
        kpi_error_clear();                                                               \
        assert_null(call);                                                               \
        assert_int_equal(kpi_error_code(), KPI_ERR_RANGE);                               \
    } while (0)

/* A string field: the setter copies its argument, and a second value
 * replaces the first. */
#define CHECK_STRING_ROUND_TRIP(obj, getter, setter)                                     \
    do {                                                                                 \
        char buf_[] = "上田市 value";                                                    \
        OK(setter(obj, buf_));                                                           \
        assert_ptr_not_equal(getter(obj), buf_);                                         \
        memset(buf_, 'X', sizeof buf_ - 1);                                              \
        assert_string_equal(getter(obj), "上田市 value");                                \
        OK(setter(obj, "second"));                                                       \
        assert_string_equal(getter(obj), "second");                                      \
    } while (0)

/* An optional string: NULL and "" both clear it, and it then reads "". */
#define CHECK_STRING_CLEARS(obj, getter, setter)                                         \
    do {                                                                                 \
        OK(setter(obj, "x"));                                                            \
        assert_string_equal(getter(obj), "x");                                           \
        OK(setter(obj, NULL));                                                           \
        assert_empty(getter(obj));                                                       \
        OK(setter(obj, "y"));                                                            \
        assert_string_equal(getter(obj), "y");                                           \
        OK(setter(obj, ""));                                                             \
        assert_empty(getter(obj));                                                       \
    } while (0)

/* An optional number: any finite value round-trips. */
#define CHECK_NUMBER_ROUND_TRIP(obj, getter, setter)                                     \
    do {                                                                                 \
        static const double values_[] = {30, 0, -12.5, 0.1, 1e12, -1e-9};                \
        for (size_t i_ = 0; i_ < sizeof values_ / sizeof values_[0]; i_++) {             \
            OK(setter(obj, values_[i_]));                                                \
            assert_double_is(getter(obj), values_[i_]);                                  \
        }                                                                                \
    } while (0)

/* An optional number: NaN clears it. */
#define CHECK_NUMBER_CLEARS(obj, getter, setter)                                         \
    do {                                                                                 \
        OK(setter(obj, 42.5));                                                           \
        assert_double_is(getter(obj), 42.5);                                             \
        OK(setter(obj, NAN));                                                            \
        assert_nan(getter(obj));                                                         \
    } while (0)

/* A positive, finite number (a weight): round-trips. */
#define CHECK_WEIGHT_ROUND_TRIP(obj, getter, setter)                                     \
    do {                                                                                 \
        static const double values_[] = {2.5, 0.001, 1, 1e6};                            \
        for (size_t i_ = 0; i_ < sizeof values_ / sizeof values_[0]; i_++) {             \
            OK(setter(obj, values_[i_]));                                                \
            assert_double_is(getter(obj), values_[i_]);                                  \
        }                                                                                \
    } while (0)

/* A required date: valid dates round-trip. */
#define CHECK_DATE_ROUND_TRIP(obj, getter, setter)                                       \
    do {                                                                                 \
        static const int32_t dates_[] = {20170930, 20160229, 10101, 99991231};           \
        for (size_t i_ = 0; i_ < sizeof dates_ / sizeof dates_[0]; i_++) {               \
            OK(setter(obj, dates_[i_]));                                                 \
            assert_int_equal(getter(obj), dates_[i_]);                                   \
        }                                                                                \
    } while (0)

/* An optional date: 0 clears it. */
#define CHECK_DATE_CLEARS(obj, getter, setter)                                           \
    do {                                                                                 \
        OK(setter(obj, 20170930));                                                       \
        assert_int_equal(getter(obj), 20170930);                                         \
        OK(setter(obj, 0));                                                              \
        assert_int_equal(getter(obj), 0);                                                \
    } while (0)

/* An enumeration: each of its values 0..last round-trips. */
#define CHECK_ENUM_ROUND_TRIP(obj, getter, setter, type, last)                           \
    do {                                                                                 \
        for (int v_ = (int)(last); v_ >= 0; v_--) {                                      \
            OK(setter(obj, (type)v_));                                                   \
            assert_int_equal(getter(obj), v_);                                           \
        }                                                                                \
    } while (0)

/* An enumeration given an undeclared value: KPI_ERR_VALUE, field unchanged. */
#define CHECK_ENUM_REFUSED(obj, getter, setter, type, bad)                               \
    do {                                                                                 \
        int before_ = (int)getter(obj);                                                  \
        REFUSED(KPI_ERR_VALUE, setter(obj, (type)(bad)));                                \
        assert_int_equal(getter(obj), before_);                                          \
    } while (0)

/* A code of n bytes, all 'c'; the caller frees it. */
static char *make_code(size_t n)
{
    char *code = test_malloc(n + 1);
    memset(code, 'c', n);
    code[n] = '\0';
    return code;
}

/* ---- Fixture ------------------------------------------------------------- */

/* Plan "P" with goal "3", its child goal "3-2" and that goal's target
 * "3-2-a" (the codes of the seed's third goal). */
struct fixture {
    kpi_plan *plan;
    kpi_goal *goal;
    kpi_goal *sub;
    kpi_target *target;
};

static int setup(void **state)
{
    struct fixture *f = test_calloc(1, sizeof *f);
    if (!f)
        return -1;
    kpi_error_clear();
    if (kpi_plan_new(&f->plan, "P") != KPI_OK ||
        (f->goal = kpi_plan_add_goal(f->plan, "3", "地域経済の活性化")) == NULL ||
        (f->sub = kpi_goal_add_goal(f->goal, "3-2", "空き家対策")) == NULL ||
        (f->target = kpi_goal_add_target(f->sub, "3-2-a", "物件登録件数")) == NULL) {
        kpi_plan_free(f->plan);
        test_free(f);
        return -1;
    }
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    kpi_plan_free(f->plan);
    test_free(f);
    kpi_error_clear();
    return 0;
}

/* The size of every collection of the fixture, to show a refusal changed
 * nothing. */
struct counts {
    size_t plan_goals, total_goals, total_targets, goal_goals, sub_goals, sub_targets;
};

static struct counts count_all(const struct fixture *f)
{
    struct counts c = {
        kpi_plan_goal_count(f->plan),         kpi_plan_total_goal_count(f->plan),
        kpi_plan_total_target_count(f->plan), kpi_goal_goal_count(f->goal),
        kpi_goal_goal_count(f->sub),          kpi_goal_target_count(f->sub),
    };
    return c;
}

static void assert_counts_equal(struct counts a, struct counts b)
{
    assert_int_equal(a.plan_goals, b.plan_goals);
    assert_int_equal(a.total_goals, b.total_goals);
    assert_int_equal(a.total_targets, b.total_targets);
    assert_int_equal(a.goal_goals, b.goal_goals);
    assert_int_equal(a.sub_goals, b.sub_goals);
    assert_int_equal(a.sub_targets, b.sub_targets);
}

/* ---- Version ------------------------------------------------------------- */

static void test_version(void **state)
{
    (void)state;
    char text[32];
    snprintf(text, sizeof text, "%d.%d.%d", KPI_VERSION_MAJOR, KPI_VERSION_MINOR,
             KPI_VERSION_PATCH);
    assert_string_equal(KPI_VERSION_STRING, text);
    assert_string_equal(kpi_version(), KPI_VERSION_STRING);
    assert_int_equal(KPI_VERSION_NUMBER, KPI_VERSION_MAJOR * 10000 +
                                             KPI_VERSION_MINOR * 100 + KPI_VERSION_PATCH);
    assert_int_equal(kpi_version_number(), KPI_VERSION_NUMBER);
}

/* ---- Creation and release ------------------------------------------------ */

/* Every *_free(NULL) does nothing: no crash, and the last error is left
 * alone. */
static void test_free_null_does_nothing(void **state)
{
    (void)state;
    kpi_plan *plan = NULL;
    REFUSED(KPI_ERR_VALUE, kpi_plan_new(&plan, ""));
    char saved[512];
    snprintf(saved, sizeof saved, "%s", kpi_error_message());

    kpi_plan_free(NULL);
    kpi_policy_free(NULL);
    kpi_evaluation_free(NULL);
    kpi_problems_free(NULL);
    kpi_free(NULL);

    assert_int_equal(kpi_error_code(), KPI_ERR_VALUE);
    assert_string_equal(kpi_error_message(), saved);
}

static void test_plan_new_and_free(void **state)
{
    (void)state;
    kpi_plan *plan = NULL;
    OK(kpi_plan_new(&plan, "FY2017-政策企画部"));
    assert_non_null(plan);
    assert_string_equal(kpi_plan_id(plan), "FY2017-政策企画部");
    assert_int_equal(kpi_plan_goal_count(plan), 0);
    assert_int_equal(kpi_plan_total_goal_count(plan), 0);
    assert_int_equal(kpi_plan_total_target_count(plan), 0);
    assert_int_equal(kpi_plan_note_count(plan), 0);

    /* Free a plan holding one of everything: valgrind and ASan check that
     * nothing leaks. */
    kpi_goal *goal, *sub;
    kpi_target *target;
    kpi_measurement *m;
    kpi_assessment *a;
    OK(kpi_plan_set_title(plan, "重点目標一覧"));
    OK(kpi_plan_set_organization(plan, "上田市"));
    OK(kpi_plan_set_department(plan, "政策企画部"));
    OK(kpi_plan_add_note(plan, "N1", "市長指示事項"));
    assert_non_null(goal = kpi_plan_add_goal(plan, "1", "goal"));
    OK(kpi_goal_add_note(goal, "G1", "note"));
    assert_non_null(
        a = kpi_goal_add_assessment(goal, 20170930, KPI_RATING_ON_TRACK, "comment"));
    OK(kpi_assessment_set_author(a, "author"));
    assert_non_null(sub = kpi_goal_add_goal(goal, "1-1", "sub"));
    assert_non_null(target = kpi_goal_add_target(sub, "1-1-a", "label"));
    OK(kpi_target_set_unit(target, "件"));
    OK(kpi_target_set_text(target, "30件以上"));
    assert_non_null(m = kpi_target_add_measurement(target, 20170930, 12, "note"));
    OK(kpi_measurement_set_author(m, "author"));
    assert_non_null(
        a = kpi_target_add_assessment(target, 20170930, KPI_RATING_AHEAD, "comment"));
    OK(kpi_assessment_set_author(a, "author"));
    kpi_plan_free(plan);
}

/* A plan needs a usable id: NULL out or NULL id is an argument error, an
 * empty or too long id a value error. */
static void test_plan_new_refused(void **state)
{
    (void)state;
    kpi_plan *plan = NULL;
    REFUSED(KPI_ERR_ARGUMENT, kpi_plan_new(NULL, "P"));
    REFUSED(KPI_ERR_ARGUMENT, kpi_plan_new(&plan, NULL));
    assert_null(plan);
    REFUSED(KPI_ERR_VALUE, kpi_plan_new(&plan, ""));
    assert_null(plan);
    char *code = make_code(KPI_MAX_CODE + 1);
    REFUSED(KPI_ERR_VALUE, kpi_plan_new(&plan, code));
    assert_null(plan);
    code[KPI_MAX_CODE] = '\0';
    OK(kpi_plan_new(&plan, code));
    assert_string_equal(kpi_plan_id(plan), code);
    kpi_plan_free(plan);
    test_free(code);
}

/* ---- Getters and setters ------------------------------------------------- */

static void test_plan_fields_round_trip(void **state)
{
    struct fixture *f = *state;
    char id[] = "PLAN-1";
    OK(kpi_plan_set_id(f->plan, id));
    memset(id, 'X', sizeof id - 1);
    assert_string_equal(kpi_plan_id(f->plan), "PLAN-1");
    CHECK_STRING_ROUND_TRIP(f->plan, kpi_plan_id, kpi_plan_set_id);
    CHECK_STRING_ROUND_TRIP(f->plan, kpi_plan_title, kpi_plan_set_title);
    CHECK_STRING_ROUND_TRIP(f->plan, kpi_plan_organization, kpi_plan_set_organization);
    CHECK_STRING_ROUND_TRIP(f->plan, kpi_plan_department, kpi_plan_set_department);

    OK(kpi_plan_set_period(f->plan, 20170401, 20180331));
    assert_int_equal(kpi_plan_start(f->plan), 20170401);
    assert_int_equal(kpi_plan_end(f->plan), 20180331);
    OK(kpi_plan_set_period(f->plan, 20200101, 20241231));
    assert_int_equal(kpi_plan_start(f->plan), 20200101);
    assert_int_equal(kpi_plan_end(f->plan), 20241231);
    /* A one-day period: end == start is not "end before start". */
    OK(kpi_plan_set_period(f->plan, 20170930, 20170930));
    assert_int_equal(kpi_plan_start(f->plan), 20170930);
    assert_int_equal(kpi_plan_end(f->plan), 20170930);
}

static void test_goal_fields_round_trip(void **state)
{
    struct fixture *f = *state;
    CHECK_STRING_ROUND_TRIP(f->sub, kpi_goal_code, kpi_goal_set_code);
    CHECK_STRING_ROUND_TRIP(f->sub, kpi_goal_title, kpi_goal_set_title);
    CHECK_WEIGHT_ROUND_TRIP(f->sub, kpi_goal_weight, kpi_goal_set_weight);
}

static void test_target_fields_round_trip(void **state)
{
    struct fixture *f = *state;
    kpi_target *t = f->target;
    CHECK_STRING_ROUND_TRIP(t, kpi_target_code, kpi_target_set_code);
    CHECK_STRING_ROUND_TRIP(t, kpi_target_label, kpi_target_set_label);
    CHECK_STRING_ROUND_TRIP(t, kpi_target_unit, kpi_target_set_unit);
    CHECK_STRING_ROUND_TRIP(t, kpi_target_text, kpi_target_set_text);
    CHECK_ENUM_ROUND_TRIP(t, kpi_target_kind, kpi_target_set_kind, kpi_kind,
                          KPI_KIND_QUALITATIVE);
    CHECK_ENUM_ROUND_TRIP(t, kpi_target_direction, kpi_target_set_direction,
                          kpi_direction, KPI_DIRECTION_DECREASE);
    CHECK_ENUM_ROUND_TRIP(t, kpi_target_schedule, kpi_target_set_schedule, kpi_schedule,
                          KPI_SCHEDULE_LEVEL);
    CHECK_ENUM_ROUND_TRIP(t, kpi_target_accumulate, kpi_target_set_accumulate,
                          kpi_accumulate, KPI_ACCUMULATE_SUM);
    CHECK_NUMBER_ROUND_TRIP(t, kpi_target_value, kpi_target_set_value);
    CHECK_NUMBER_ROUND_TRIP(t, kpi_target_start_value, kpi_target_set_start_value);
    CHECK_NUMBER_ROUND_TRIP(t, kpi_target_reference, kpi_target_set_reference);
    CHECK_NUMBER_ROUND_TRIP(t, kpi_target_change_pct, kpi_target_set_change_pct);
    CHECK_WEIGHT_ROUND_TRIP(t, kpi_target_weight, kpi_target_set_weight);
    CHECK_DATE_ROUND_TRIP(t, kpi_target_start, kpi_target_set_start);
    CHECK_DATE_ROUND_TRIP(t, kpi_target_due, kpi_target_set_due);
    /* Each setter changed its own field only. */
    assert_int_equal(kpi_target_start(t), 99991231);
    assert_int_equal(kpi_target_due(t), 99991231);
    OK(kpi_target_set_value(t, 30));
    OK(kpi_target_set_start_value(t, 5));
    OK(kpi_target_set_reference(t, 100));
    OK(kpi_target_set_change_pct(t, 10));
    assert_double_is(kpi_target_value(t), 30);
    assert_double_is(kpi_target_start_value(t), 5);
    assert_double_is(kpi_target_reference(t), 100);
    assert_double_is(kpi_target_change_pct(t), 10);
    assert_ptr_equal(kpi_target_goal(t), f->sub);
}

static void test_measurement_fields_round_trip(void **state)
{
    struct fixture *f = *state;
    kpi_measurement *m = NULL;
    char note[] = "32件登録";
    assert_non_null(m = kpi_target_add_measurement(f->target, 20170930, 32, note));
    assert_non_null(m);
    memset(note, 'X', sizeof note - 1);
    assert_string_equal(kpi_measurement_note(m), "32件登録");
    assert_int_equal(kpi_measurement_date(m), 20170930);
    assert_double_is(kpi_measurement_value(m), 32);
    assert_ptr_equal(kpi_target_measurement_at(f->target, 0), m);

    CHECK_DATE_ROUND_TRIP(m, kpi_measurement_date, kpi_measurement_set_date);
    CHECK_NUMBER_ROUND_TRIP(m, kpi_measurement_value, kpi_measurement_set_value);
    CHECK_STRING_ROUND_TRIP(m, kpi_measurement_note, kpi_measurement_set_note);
    CHECK_STRING_ROUND_TRIP(m, kpi_measurement_author, kpi_measurement_set_author);
    assert_int_equal(kpi_target_measurement_count(f->target), 1);
}

/* Correcting a measurement's date keeps the order of addition. */
static void test_measurement_order_kept(void **state)
{
    struct fixture *f = *state;
    kpi_measurement *first, *second;
    assert_non_null(first = kpi_target_add_measurement(f->target, 20170630, 10, NULL));
    assert_non_null(second = kpi_target_add_measurement(f->target, 20170731, 20, NULL));
    OK(kpi_measurement_set_date(first, 20170930));
    assert_ptr_equal(kpi_target_measurement_at(f->target, 0), first);
    assert_ptr_equal(kpi_target_measurement_at(f->target, 1), second);
    assert_int_equal(kpi_measurement_date(first), 20170930);
    assert_double_is(kpi_measurement_value(first), 10);
}

/* A string a getter returned stays valid until its own field is set again:
 * setting other fields and growing the plan leave it alone. */
static void test_getter_strings_stay_valid(void **state)
{
    struct fixture *f = *state;
    char code[32];
    OK(kpi_plan_set_title(f->plan, "plan title"));
    OK(kpi_goal_set_title(f->sub, "goal title"));
    OK(kpi_target_set_unit(f->target, "件"));
    const char *title = kpi_plan_title(f->plan);
    const char *goal_code = kpi_goal_code(f->sub);
    const char *goal_title = kpi_goal_title(f->sub);
    const char *unit = kpi_target_unit(f->target);
    OK(kpi_plan_set_organization(f->plan, "上田市"));
    OK(kpi_plan_set_department(f->plan, "政策企画部"));
    OK(kpi_goal_set_weight(f->sub, 2));
    OK(kpi_target_set_label(f->target, "label"));
    OK(kpi_target_set_text(f->target, "text"));
    for (int i = 0; i < 100; i++) {
        snprintf(code, sizeof code, "3-2-%d", i);
        assert_non_null(kpi_goal_add_target(f->sub, code, NULL));
    }
    assert_string_equal(title, "plan title");
    assert_string_equal(goal_code, "3-2");
    assert_string_equal(goal_title, "goal title");
    assert_string_equal(unit, "件");
}

/* Assessments of a target and of a goal behave alike. */
static void test_assessment_fields_round_trip(void **state)
{
    struct fixture *f = *state;
    kpi_assessment *on_target = NULL, *on_goal = NULL;
    char comment[] = "予定どおり";
    assert_non_null(on_target = kpi_target_add_assessment(f->target, 20170930,
                                                          KPI_RATING_BEHIND, comment));
    assert_non_null(
        on_goal = kpi_goal_add_assessment(f->sub, 20170831, KPI_RATING_AHEAD, comment));
    memset(comment, 'X', sizeof comment - 1);

    assert_ptr_equal(kpi_target_assessment_at(f->target, 0), on_target);
    assert_int_equal(kpi_assessment_date(on_target), 20170930);
    assert_int_equal(kpi_assessment_rating(on_target), KPI_RATING_BEHIND);
    assert_string_equal(kpi_assessment_comment(on_target), "予定どおり");
    assert_ptr_equal(kpi_goal_assessment_at(f->sub, 0), on_goal);
    assert_int_equal(kpi_assessment_date(on_goal), 20170831);
    assert_int_equal(kpi_assessment_rating(on_goal), KPI_RATING_AHEAD);
    assert_string_equal(kpi_assessment_comment(on_goal), "予定どおり");

    kpi_assessment *both[] = {on_target, on_goal};
    for (size_t i = 0; i < 2; i++) {
        kpi_assessment *a = both[i];
        CHECK_DATE_ROUND_TRIP(a, kpi_assessment_date, kpi_assessment_set_date);
        for (int r = KPI_RATING_NOT_PROGRESSED; r <= KPI_RATING_AHEAD; r++) {
            OK(kpi_assessment_set_rating(a, (kpi_rating)r));
            assert_int_equal(kpi_assessment_rating(a), r);
        }
        CHECK_STRING_ROUND_TRIP(a, kpi_assessment_comment, kpi_assessment_set_comment);
        CHECK_STRING_ROUND_TRIP(a, kpi_assessment_author, kpi_assessment_set_author);
    }
    assert_int_equal(kpi_target_assessment_count(f->target), 1);
    assert_int_equal(kpi_goal_assessment_count(f->sub), 1);
}

/* NULL and "" clear every optional string, which then reads "". */
static void test_optional_strings_clear(void **state)
{
    struct fixture *f = *state;
    kpi_measurement *m;
    kpi_assessment *a;
    assert_non_null(m = kpi_target_add_measurement(f->target, 20170930, 1, NULL));
    assert_non_null(
        a = kpi_target_add_assessment(f->target, 20170930, KPI_RATING_AHEAD, NULL));
    CHECK_STRING_CLEARS(f->plan, kpi_plan_title, kpi_plan_set_title);
    CHECK_STRING_CLEARS(f->plan, kpi_plan_organization, kpi_plan_set_organization);
    CHECK_STRING_CLEARS(f->plan, kpi_plan_department, kpi_plan_set_department);
    CHECK_STRING_CLEARS(f->goal, kpi_goal_title, kpi_goal_set_title);
    CHECK_STRING_CLEARS(f->target, kpi_target_label, kpi_target_set_label);
    CHECK_STRING_CLEARS(f->target, kpi_target_unit, kpi_target_set_unit);
    CHECK_STRING_CLEARS(f->target, kpi_target_text, kpi_target_set_text);
    CHECK_STRING_CLEARS(m, kpi_measurement_note, kpi_measurement_set_note);
    CHECK_STRING_CLEARS(m, kpi_measurement_author, kpi_measurement_set_author);
    CHECK_STRING_CLEARS(a, kpi_assessment_comment, kpi_assessment_set_comment);
    CHECK_STRING_CLEARS(a, kpi_assessment_author, kpi_assessment_set_author);
}

/* NaN clears every optional number, which then reads NaN. */
static void test_optional_numbers_clear(void **state)
{
    struct fixture *f = *state;
    CHECK_NUMBER_CLEARS(f->target, kpi_target_value, kpi_target_set_value);
    CHECK_NUMBER_CLEARS(f->target, kpi_target_start_value, kpi_target_set_start_value);
    CHECK_NUMBER_CLEARS(f->target, kpi_target_reference, kpi_target_set_reference);
    CHECK_NUMBER_CLEARS(f->target, kpi_target_change_pct, kpi_target_set_change_pct);
}

/* 0 clears every optional date, which then reads 0; both 0 clears the
 * plan's period. */
static void test_optional_dates_clear(void **state)
{
    struct fixture *f = *state;
    CHECK_DATE_CLEARS(f->target, kpi_target_start, kpi_target_set_start);
    CHECK_DATE_CLEARS(f->target, kpi_target_due, kpi_target_set_due);
    OK(kpi_plan_set_period(f->plan, 20170401, 20180331));
    OK(kpi_plan_set_period(f->plan, 0, 0));
    assert_int_equal(kpi_plan_start(f->plan), 0);
    assert_int_equal(kpi_plan_end(f->plan), 0);
}

static void test_defaults(void **state)
{
    (void)state;
    kpi_plan *plan;
    kpi_goal *goal;
    kpi_target *target;
    kpi_measurement *m;
    kpi_assessment *a;
    OK(kpi_plan_new(&plan, "P"));
    assert_empty(kpi_plan_title(plan));
    assert_empty(kpi_plan_organization(plan));
    assert_empty(kpi_plan_department(plan));
    assert_int_equal(kpi_plan_start(plan), 0);
    assert_int_equal(kpi_plan_end(plan), 0);

    assert_non_null(goal = kpi_plan_add_goal(plan, "1", NULL));
    assert_empty(kpi_goal_title(goal));
    assert_double_is(kpi_goal_weight(goal), 1);
    assert_int_equal(kpi_goal_goal_count(goal), 0);
    assert_int_equal(kpi_goal_target_count(goal), 0);
    assert_int_equal(kpi_goal_assessment_count(goal), 0);
    assert_int_equal(kpi_goal_note_count(goal), 0);

    assert_non_null(target = kpi_goal_add_target(goal, "1-a", NULL));
    assert_empty(kpi_target_label(target));
    assert_empty(kpi_target_unit(target));
    assert_empty(kpi_target_text(target));
    assert_int_equal(kpi_target_kind(target), KPI_KIND_NUMERIC);
    assert_int_equal(kpi_target_direction(target), KPI_DIRECTION_INCREASE);
    assert_int_equal(kpi_target_schedule(target), KPI_SCHEDULE_DEFAULT);
    assert_int_equal(kpi_target_accumulate(target), KPI_ACCUMULATE_LATEST);
    assert_nan(kpi_target_value(target));
    assert_nan(kpi_target_start_value(target));
    assert_nan(kpi_target_reference(target));
    assert_nan(kpi_target_change_pct(target));
    assert_double_is(kpi_target_weight(target), 1);
    assert_int_equal(kpi_target_start(target), 0);
    assert_int_equal(kpi_target_due(target), 0);
    assert_int_equal(kpi_target_measurement_count(target), 0);
    assert_int_equal(kpi_target_assessment_count(target), 0);

    assert_non_null(m = kpi_target_add_measurement(target, 20170930, 3, NULL));
    assert_empty(kpi_measurement_note(m));
    assert_empty(kpi_measurement_author(m));
    assert_non_null(
        a = kpi_target_add_assessment(target, 20170930, KPI_RATING_ON_TRACK, NULL));
    assert_empty(kpi_assessment_comment(a));
    assert_empty(kpi_assessment_author(a));
    kpi_plan_free(plan);
}

static void test_plan_fiscal_year(void **state)
{
    struct fixture *f = *state;
    OK(kpi_plan_set_fiscal_year(f->plan, 2017));
    assert_int_equal(kpi_plan_start(f->plan), 20170401);
    assert_int_equal(kpi_plan_end(f->plan), 20180331);
    OK(kpi_plan_set_fiscal_year(f->plan, 2019));
    assert_int_equal(kpi_plan_start(f->plan), 20190401);
    assert_int_equal(kpi_plan_end(f->plan), 20200331);
    /* A year without a fiscal year inside 1..9999 is refused, unchanged. */
    REFUSED(KPI_ERR_DATE, kpi_plan_set_fiscal_year(f->plan, 0));
    REFUSED(KPI_ERR_DATE, kpi_plan_set_fiscal_year(f->plan, 9999));
    assert_int_equal(kpi_plan_start(f->plan), 20190401);
    assert_int_equal(kpi_plan_end(f->plan), 20200331);
}

/* A refused period leaves the period as it was. */
static void test_plan_period_refused(void **state)
{
    struct fixture *f = *state;
    static const struct {
        int32_t start, end;
        int code;
    } cases[] = {
        {20180331, 20170401, KPI_ERR_VALUE}, /* end before start */
        {20170402, 20170401, KPI_ERR_VALUE},
        {20170230, 20180331, KPI_ERR_DATE}, /* no February 30 */
        {20170401, 20171301, KPI_ERR_DATE}, /* no month 13 */
        {20170400, 20180331, KPI_ERR_DATE}, /* no day 0 */
        {20170401, 0, KPI_ERR_DATE},        /* only one end set */
        {0, 20180331, KPI_ERR_DATE},
        {-20170401, 20180331, KPI_ERR_DATE},
    };
    OK(kpi_plan_set_period(f->plan, 20160401, 20170331));
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        REFUSED(cases[i].code,
                kpi_plan_set_period(f->plan, cases[i].start, cases[i].end));
        assert_int_equal(kpi_plan_start(f->plan), 20160401);
        assert_int_equal(kpi_plan_end(f->plan), 20170331);
    }
}

/* ---- The goal tree ------------------------------------------------------- */

static void test_tree_nesting(void **state)
{
    (void)state;
    kpi_plan *plan;
    kpi_goal *level[5] = {NULL};
    kpi_target *target;
    OK(kpi_plan_new(&plan, "P"));
    assert_non_null(level[1] = kpi_plan_add_goal(plan, "1", "重点目標"));
    assert_non_null(level[2] = kpi_goal_add_goal(level[1], "1-1", "取組項目"));
    assert_non_null(level[3] = kpi_goal_add_goal(level[2], "1-1-1", "施策"));
    assert_non_null(level[4] = kpi_goal_add_goal(level[3], "1-1-1-1", "事業"));
    for (int d = 1; d <= 4; d++) {
        assert_non_null(level[d]);
        assert_int_equal(kpi_goal_depth(level[d]), d);
        assert_ptr_equal(kpi_goal_plan(level[d]), plan);
        assert_ptr_equal(kpi_goal_parent(level[d]), level[d - 1]);
        assert_int_equal(kpi_goal_goal_count(level[d]), d < 4 ? 1 : 0);
        if (d < 4)
            assert_ptr_equal(kpi_goal_goal_at(level[d], 0), level[d + 1]);
    }
    assert_string_equal(kpi_goal_title(level[3]), "施策");
    assert_non_null(target = kpi_goal_add_target(level[4], "1-1-1-1-a", NULL));
    assert_ptr_equal(kpi_target_goal(target), level[4]);
    assert_int_equal(kpi_plan_goal_count(plan), 1);
    assert_int_equal(kpi_plan_total_goal_count(plan), 4);
    assert_int_equal(kpi_plan_total_target_count(plan), 1);
    kpi_plan_free(plan);
}

/* Children, targets and assessments come back in the order added; counts
 * are per level, totals over the whole plan. */
static void test_tree_order_and_counts(void **state)
{
    (void)state;
    static const char *const tops[] = {"1", "2", "3"};
    static const char *const subs[] = {"1-3", "1-1", "1-2"}; /* not sorted */
    static const char *const targets[] = {"1-1-b", "1-1-a", "1-1-c", "1-1-d"};
    kpi_plan *plan;
    kpi_goal *goal, *sub = NULL;
    OK(kpi_plan_new(&plan, "P"));
    for (size_t i = 0; i < 3; i++)
        assert_non_null(kpi_plan_add_goal(plan, tops[i], NULL));
    goal = kpi_plan_goal_at(plan, 0);
    for (size_t i = 0; i < 3; i++) {
        kpi_goal *added = kpi_goal_add_goal(goal, subs[i], NULL);
        assert_non_null(added);
        if (i == 1)
            sub = added;
    }
    for (size_t i = 0; i < 4; i++)
        assert_non_null(kpi_goal_add_target(sub, targets[i], NULL));
    assert_non_null(kpi_goal_add_target(kpi_plan_goal_at(plan, 2), "3-a", NULL));
    for (int32_t r = KPI_RATING_NOT_PROGRESSED; r <= KPI_RATING_AHEAD; r++)
        assert_non_null(kpi_goal_add_assessment(goal, 20170901 + r, (kpi_rating)r, NULL));

    assert_int_equal(kpi_plan_goal_count(plan), 3);
    for (size_t i = 0; i < 3; i++)
        assert_string_equal(kpi_goal_code(kpi_plan_goal_at(plan, i)), tops[i]);
    assert_int_equal(kpi_goal_goal_count(goal), 3);
    for (size_t i = 0; i < 3; i++)
        assert_string_equal(kpi_goal_code(kpi_goal_goal_at(goal, i)), subs[i]);
    assert_int_equal(kpi_goal_target_count(sub), 4);
    for (size_t i = 0; i < 4; i++)
        assert_string_equal(kpi_target_code(kpi_goal_target_at(sub, i)), targets[i]);
    assert_int_equal(kpi_goal_assessment_count(goal), 4);
    for (size_t i = 0; i < 4; i++)
        assert_int_equal(kpi_assessment_rating(kpi_goal_assessment_at(goal, i)),
                         KPI_RATING_NOT_PROGRESSED + (int)i);

    /* A goal's targets are its own, not its children's. */
    assert_int_equal(kpi_goal_target_count(goal), 0);
    assert_int_equal(kpi_plan_total_goal_count(plan), 6);
    assert_int_equal(kpi_plan_total_target_count(plan), 5);
    kpi_plan_free(plan);
}

/* Every index access past the end gives NULL and KPI_ERR_RANGE. */
static void test_index_out_of_range(void **state)
{
    struct fixture *f = *state;
    assert_non_null(kpi_target_add_measurement(f->target, 20170930, 1, NULL));
    assert_non_null(
        kpi_target_add_assessment(f->target, 20170930, KPI_RATING_AHEAD, NULL));
    assert_non_null(kpi_goal_add_assessment(f->sub, 20170930, KPI_RATING_AHEAD, NULL));
    OK(kpi_plan_add_note(f->plan, NULL, "note"));
    OK(kpi_goal_add_note(f->sub, NULL, "note"));
    const size_t past[] = {1, 2, SIZE_MAX};
    for (size_t i = 0; i < 3; i++) {
        size_t n = past[i];
        OUT_OF_RANGE(kpi_plan_goal_at(f->plan, n));
        OUT_OF_RANGE(kpi_goal_goal_at(f->goal, n));
        OUT_OF_RANGE(kpi_goal_target_at(f->sub, n));
        OUT_OF_RANGE(kpi_goal_assessment_at(f->sub, n));
        OUT_OF_RANGE(kpi_goal_note_at(f->sub, n));
        OUT_OF_RANGE(kpi_goal_note_code_at(f->sub, n));
        OUT_OF_RANGE(kpi_plan_note_at(f->plan, n));
        OUT_OF_RANGE(kpi_plan_note_code_at(f->plan, n));
        OUT_OF_RANGE(kpi_target_measurement_at(f->target, n));
        OUT_OF_RANGE(kpi_target_assessment_at(f->target, n));
    }
    /* Empty collections: index 0 is already past the end. */
    OUT_OF_RANGE(kpi_goal_goal_at(f->sub, 0));
    OUT_OF_RANGE(kpi_goal_target_at(f->goal, 0));
    OUT_OF_RANGE(kpi_goal_assessment_at(f->goal, 0));
    OUT_OF_RANGE(kpi_goal_note_at(f->goal, 0));
}

/* ---- Codes --------------------------------------------------------------- */

static void test_code_duplicate_goal_goal(void **state)
{
    struct fixture *f = *state;
    struct counts before = count_all(f);
    kpi_goal *goal = NULL;
    REFUSED_NULL(KPI_ERR_DUPLICATE, goal = kpi_plan_add_goal(f->plan, "3", NULL));
    REFUSED_NULL(KPI_ERR_DUPLICATE, goal = kpi_plan_add_goal(f->plan, "3-2", NULL));
    REFUSED_NULL(KPI_ERR_DUPLICATE, goal = kpi_goal_add_goal(f->sub, "3", NULL));
    REFUSED_NULL(KPI_ERR_DUPLICATE, goal = kpi_goal_add_goal(f->goal, "3-2", NULL));
    assert_counts_equal(count_all(f), before);
    assert_non_null(goal = kpi_plan_find_goal(f->plan, "3-2"));
    assert_ptr_equal(goal, f->sub);
}

static void test_code_duplicate_goal_target(void **state)
{
    struct fixture *f = *state;
    struct counts before = count_all(f);
    kpi_goal *goal = NULL;
    kpi_target *target = NULL;
    /* A target may not take a goal's code... */
    REFUSED_NULL(KPI_ERR_DUPLICATE, target = kpi_goal_add_target(f->sub, "3", NULL));
    REFUSED_NULL(KPI_ERR_DUPLICATE, target = kpi_goal_add_target(f->goal, "3-2", NULL));
    /* ...nor a goal a target's. */
    REFUSED_NULL(KPI_ERR_DUPLICATE, goal = kpi_plan_add_goal(f->plan, "3-2-a", NULL));
    REFUSED_NULL(KPI_ERR_DUPLICATE, goal = kpi_goal_add_goal(f->sub, "3-2-a", NULL));
    assert_counts_equal(count_all(f), before);
    REFUSED_NULL(KPI_ERR_NOT_FOUND, target = kpi_plan_find_target(f->plan, "3"));
    REFUSED_NULL(KPI_ERR_NOT_FOUND, goal = kpi_plan_find_goal(f->plan, "3-2-a"));
}

static void test_code_duplicate_target_target(void **state)
{
    struct fixture *f = *state;
    kpi_goal *other;
    kpi_target *target = NULL;
    assert_non_null(other = kpi_plan_add_goal(f->plan, "4", NULL));
    struct counts before = count_all(f);
    REFUSED_NULL(KPI_ERR_DUPLICATE, target = kpi_goal_add_target(f->sub, "3-2-a", NULL));
    REFUSED_NULL(KPI_ERR_DUPLICATE, target = kpi_goal_add_target(other, "3-2-a", NULL));
    assert_counts_equal(count_all(f), before);
    assert_int_equal(kpi_goal_target_count(other), 0);
    assert_non_null(target = kpi_plan_find_target(f->plan, "3-2-a"));
    assert_ptr_equal(target, f->target);
}

/* An empty code is a value error wherever a code is given. */
static void test_code_empty(void **state)
{
    struct fixture *f = *state;
    struct counts before = count_all(f);
    kpi_plan *plan = NULL;
    REFUSED_NULL(KPI_ERR_VALUE, kpi_plan_add_goal(f->plan, "", NULL));
    REFUSED_NULL(KPI_ERR_VALUE, kpi_goal_add_goal(f->goal, "", NULL));
    REFUSED_NULL(KPI_ERR_VALUE, kpi_goal_add_target(f->sub, "", NULL));
    REFUSED(KPI_ERR_VALUE, kpi_goal_set_code(f->sub, ""));
    REFUSED(KPI_ERR_VALUE, kpi_target_set_code(f->target, ""));
    REFUSED(KPI_ERR_VALUE, kpi_plan_set_id(f->plan, ""));
    REFUSED(KPI_ERR_VALUE, kpi_plan_new(&plan, ""));
    assert_counts_equal(count_all(f), before);
    assert_string_equal(kpi_goal_code(f->sub), "3-2");
    assert_string_equal(kpi_target_code(f->target), "3-2-a");
    assert_string_equal(kpi_plan_id(f->plan), "P");
}

/* Codes are limited to KPI_MAX_CODE bytes (not characters). */
static void test_code_too_long(void **state)
{
    struct fixture *f = *state;
    char *longest = make_code(KPI_MAX_CODE);
    char *too_long = make_code(KPI_MAX_CODE + 1);
    /* 86 three-byte characters: only 86 characters, but 258 bytes. */
    char wide[86 * 3 + 1] = "";
    for (int i = 0; i < 86; i++)
        strcat(wide, HIRAGANA_A);

    struct counts before = count_all(f);
    REFUSED_NULL(KPI_ERR_VALUE, kpi_plan_add_goal(f->plan, too_long, NULL));
    REFUSED_NULL(KPI_ERR_VALUE, kpi_plan_add_goal(f->plan, wide, NULL));
    REFUSED_NULL(KPI_ERR_VALUE, kpi_goal_add_goal(f->goal, too_long, NULL));
    REFUSED_NULL(KPI_ERR_VALUE, kpi_goal_add_target(f->sub, too_long, NULL));
    REFUSED_NULL(KPI_ERR_VALUE, kpi_goal_add_target(f->sub, wide, NULL));
    REFUSED(KPI_ERR_VALUE, kpi_goal_set_code(f->sub, too_long));
    REFUSED(KPI_ERR_VALUE, kpi_target_set_code(f->target, too_long));
    REFUSED(KPI_ERR_VALUE, kpi_plan_set_id(f->plan, too_long));
    assert_counts_equal(count_all(f), before);
    assert_string_equal(kpi_goal_code(f->sub), "3-2");
    assert_string_equal(kpi_target_code(f->target), "3-2-a");
    assert_string_equal(kpi_plan_id(f->plan), "P");

    /* Exactly KPI_MAX_CODE bytes is accepted. */
    kpi_goal *goal, *found;
    kpi_target *target, *found_target;
    assert_non_null(goal = kpi_plan_add_goal(f->plan, longest, NULL));
    assert_non_null(found = kpi_plan_find_goal(f->plan, longest));
    assert_ptr_equal(found, goal);
    longest[0] = 'd';
    assert_non_null(target = kpi_goal_add_target(goal, longest, NULL));
    assert_non_null(found_target = kpi_plan_find_target(f->plan, longest));
    assert_ptr_equal(found_target, target);
    OK(kpi_plan_set_id(f->plan, longest));
    assert_string_equal(kpi_plan_id(f->plan), longest);
    test_free(longest);
    test_free(too_long);
}

/* A code is copied: changing the caller's buffer changes neither the code
 * nor what it finds. */
static void test_code_copied(void **state)
{
    struct fixture *f = *state;
    char code[] = "5";
    kpi_goal *goal, *found;
    kpi_target *target, *found_target;
    assert_non_null(goal = kpi_plan_add_goal(f->plan, code, NULL));
    code[0] = '6';
    assert_string_equal(kpi_goal_code(goal), "5");
    assert_non_null(found = kpi_plan_find_goal(f->plan, "5"));
    assert_ptr_equal(found, goal);
    REFUSED_NULL(KPI_ERR_NOT_FOUND, found = kpi_plan_find_goal(f->plan, "6"));

    char tcode[] = "5-a";
    assert_non_null(target = kpi_goal_add_target(goal, tcode, NULL));
    tcode[2] = 'b';
    assert_string_equal(kpi_target_code(target), "5-a");
    assert_non_null(found_target = kpi_plan_find_target(f->plan, "5-a"));
    assert_ptr_equal(found_target, target);

    char renamed[] = "7";
    OK(kpi_goal_set_code(goal, renamed));
    renamed[0] = '8';
    assert_non_null(found = kpi_plan_find_goal(f->plan, "7"));
    assert_ptr_equal(found, goal);
    REFUSED_NULL(KPI_ERR_NOT_FOUND, found = kpi_plan_find_goal(f->plan, "8"));
}

/* Goals and targets are found by code at any depth. */
static void test_find_by_code(void **state)
{
    struct fixture *f = *state;
    kpi_goal *deep, *found;
    kpi_target *top_target, *deep_target, *found_target;
    assert_non_null(deep = kpi_goal_add_goal(f->sub, "3-2-1", NULL));
    assert_non_null(deep_target = kpi_goal_add_target(deep, "3-2-1-a", NULL));
    assert_non_null(top_target = kpi_goal_add_target(f->goal, "3-a", NULL));

    kpi_goal *goals[] = {f->goal, f->sub, deep};
    for (size_t i = 0; i < 3; i++) {
        found = NULL;
        assert_non_null(found = kpi_plan_find_goal(f->plan, kpi_goal_code(goals[i])));
        assert_ptr_equal(found, goals[i]);
    }
    kpi_target *targets[] = {top_target, f->target, deep_target};
    for (size_t i = 0; i < 3; i++) {
        found_target = NULL;
        assert_non_null(found_target =
                            kpi_plan_find_target(f->plan, kpi_target_code(targets[i])));
        assert_ptr_equal(found_target, targets[i]);
    }
}

static void test_find_not_found(void **state)
{
    struct fixture *f = *state;
    kpi_goal *goal;
    kpi_target *target;
    REFUSED_NULL(KPI_ERR_NOT_FOUND, goal = kpi_plan_find_goal(f->plan, "9"));
    REFUSED_NULL(KPI_ERR_NOT_FOUND, goal = kpi_plan_find_goal(f->plan, "3-"));
    REFUSED_NULL(KPI_ERR_NOT_FOUND,
                 goal = kpi_plan_find_goal(f->plan, "3-2-a")); /* a target */
    REFUSED_NULL(KPI_ERR_NOT_FOUND, target = kpi_plan_find_target(f->plan, "3-2-b"));
    REFUSED_NULL(KPI_ERR_NOT_FOUND,
                 target = kpi_plan_find_target(f->plan, "3-2")); /* a goal */
    REFUSED_NULL(KPI_ERR_NOT_FOUND,
                 target = kpi_plan_find_target(f->plan, "P")); /* the plan */
}

static void test_goal_set_code_reindexes(void **state)
{
    struct fixture *f = *state;
    kpi_goal *found;
    kpi_target *found_target;
    OK(kpi_goal_set_code(f->sub, "3-9"));
    assert_string_equal(kpi_goal_code(f->sub), "3-9");
    REFUSED_NULL(KPI_ERR_NOT_FOUND, found = kpi_plan_find_goal(f->plan, "3-2"));
    assert_non_null(found = kpi_plan_find_goal(f->plan, "3-9"));
    assert_ptr_equal(found, f->sub);
    /* The goal keeps its place and its target. */
    assert_ptr_equal(kpi_goal_goal_at(f->goal, 0), f->sub);
    assert_non_null(found_target = kpi_plan_find_target(f->plan, "3-2-a"));
    assert_ptr_equal(found_target, f->target);
    assert_int_equal(kpi_plan_total_goal_count(f->plan), 2);
    /* Setting the code a goal already has is no conflict. */
    OK(kpi_goal_set_code(f->sub, "3-9"));
    assert_string_equal(kpi_goal_code(f->sub), "3-9");
    /* The old code is free again. */
    kpi_goal *again;
    assert_non_null(again = kpi_goal_add_goal(f->goal, "3-2", NULL));
    assert_non_null(found = kpi_plan_find_goal(f->plan, "3-2"));
    assert_ptr_equal(found, again);
}

static void test_target_set_code_reindexes(void **state)
{
    struct fixture *f = *state;
    kpi_target *found;
    OK(kpi_target_set_code(f->target, "3-2-z"));
    assert_string_equal(kpi_target_code(f->target), "3-2-z");
    REFUSED_NULL(KPI_ERR_NOT_FOUND, found = kpi_plan_find_target(f->plan, "3-2-a"));
    assert_non_null(found = kpi_plan_find_target(f->plan, "3-2-z"));
    assert_ptr_equal(found, f->target);
    assert_ptr_equal(kpi_goal_target_at(f->sub, 0), f->target);
    assert_int_equal(kpi_plan_total_target_count(f->plan), 1);
    OK(kpi_target_set_code(f->target, "3-2-z"));
    kpi_target *again;
    assert_non_null(again = kpi_goal_add_target(f->sub, "3-2-a", NULL));
    assert_non_null(found = kpi_plan_find_target(f->plan, "3-2-a"));
    assert_ptr_equal(found, again);
}

/* Renaming to a code another goal or target has is refused, changing
 * nothing. */
static void test_set_code_refuses_taken(void **state)
{
    struct fixture *f = *state;
    kpi_target *other_target;
    kpi_goal *found;
    kpi_target *found_target;
    assert_non_null(other_target = kpi_goal_add_target(f->sub, "3-2-b", NULL));
    REFUSED(KPI_ERR_DUPLICATE, kpi_goal_set_code(f->sub, "3"));
    REFUSED(KPI_ERR_DUPLICATE, kpi_goal_set_code(f->sub, "3-2-a"));
    REFUSED(KPI_ERR_DUPLICATE, kpi_target_set_code(f->target, "3-2-b"));
    REFUSED(KPI_ERR_DUPLICATE, kpi_target_set_code(f->target, "3-2"));
    assert_string_equal(kpi_goal_code(f->sub), "3-2");
    assert_string_equal(kpi_target_code(f->target), "3-2-a");
    assert_non_null(found = kpi_plan_find_goal(f->plan, "3-2"));
    assert_ptr_equal(found, f->sub);
    assert_non_null(found = kpi_plan_find_goal(f->plan, "3"));
    assert_ptr_equal(found, f->goal);
    assert_non_null(found_target = kpi_plan_find_target(f->plan, "3-2-a"));
    assert_ptr_equal(found_target, f->target);
    assert_non_null(found_target = kpi_plan_find_target(f->plan, "3-2-b"));
    assert_ptr_equal(found_target, other_target);
    assert_int_equal(kpi_plan_total_goal_count(f->plan), 2);
    assert_int_equal(kpi_plan_total_target_count(f->plan), 2);
}

/* 20,000 targets, half of them renamed: every lookup still finds the right
 * target and no old code lingers (this exercises deletion in the index). */
static void test_code_lookup_stress(void **state)
{
    struct fixture *f = *state;
    enum { N = 20000 };
    char code[32];
    for (int i = 0; i < N; i++) {
        snprintf(code, sizeof code, "t%05d", i);
        assert_non_null(kpi_goal_add_target(f->goal, code, NULL));
    }
    for (int i = 0; i < N; i += 2) {
        snprintf(code, sizeof code, "r%05d", i);
        OK(kpi_target_set_code(kpi_goal_target_at(f->goal, (size_t)i), code));
    }
    assert_int_equal(kpi_goal_target_count(f->goal), N);
    assert_int_equal(kpi_plan_total_target_count(f->plan), N + 1);
    for (int i = 0; i < N; i++) {
        kpi_target *expected = kpi_goal_target_at(f->goal, (size_t)i);
        kpi_target *found = NULL;
        snprintf(code, sizeof code, "%c%05d", i % 2 ? 't' : 'r', i);
        assert_string_equal(kpi_target_code(expected), code);
        assert_non_null(found = kpi_plan_find_target(f->plan, code));
        assert_ptr_equal(found, expected);
        if (i % 2 == 0) {
            snprintf(code, sizeof code, "t%05d", i);
            REFUSED_NULL(KPI_ERR_NOT_FOUND, found = kpi_plan_find_target(f->plan, code));
        }
    }
    kpi_target *found;
    assert_non_null(found = kpi_plan_find_target(f->plan, "3-2-a"));
    assert_ptr_equal(found, f->target);
}

/* ---- Depth limit --------------------------------------------------------- */

static void test_depth_limit(void **state)
{
    (void)state;
    kpi_plan *plan;
    kpi_goal *goal = NULL, *deeper = NULL;
    char code[16];
    OK(kpi_plan_new(&plan, "P"));
    for (int depth = 1; depth <= KPI_MAX_DEPTH; depth++) {
        snprintf(code, sizeof code, "d%d", depth);
        if (depth == 1)
            assert_non_null(goal = kpi_plan_add_goal(plan, code, NULL));
        else
            assert_non_null(goal = kpi_goal_add_goal(goal, code, NULL));
        assert_int_equal(kpi_goal_depth(goal), depth);
    }
    REFUSED_NULL(KPI_ERR_LIMIT, deeper = kpi_goal_add_goal(goal, "too-deep", NULL));
    assert_int_equal(kpi_goal_goal_count(goal), 0);
    assert_int_equal(kpi_plan_total_goal_count(plan), KPI_MAX_DEPTH);
    REFUSED_NULL(KPI_ERR_NOT_FOUND, deeper = kpi_plan_find_goal(plan, "too-deep"));
    /* The refused code was not taken. */
    assert_non_null(kpi_plan_add_goal(plan, "too-deep", NULL));
    kpi_plan_free(plan);
}

/* ---- Stable handles ------------------------------------------------------ */

static void test_measurement_handles_stable(void **state)
{
    struct fixture *f = *state;
    kpi_measurement *first = NULL;
    assert_non_null(first =
                        kpi_target_add_measurement(f->target, 20170430, 12.5, "first"));
    for (int i = 1; i <= 1000; i++)
        assert_non_null(kpi_target_add_measurement(f->target, 20170501, (double)i, NULL));
    assert_int_equal(kpi_target_measurement_count(f->target), 1001);
    assert_ptr_equal(kpi_target_measurement_at(f->target, 0), first);
    assert_int_equal(kpi_measurement_date(first), 20170430);
    assert_double_is(kpi_measurement_value(first), 12.5);
    assert_string_equal(kpi_measurement_note(first), "first");
    /* The order of addition is kept. */
    for (size_t i = 1; i <= 1000; i++)
        assert_double_is(kpi_measurement_value(kpi_target_measurement_at(f->target, i)),
                         (double)i);
}

static void test_assessment_handles_stable(void **state)
{
    struct fixture *f = *state;
    kpi_assessment *first_of_target = NULL, *first_of_goal = NULL;
    assert_non_null(first_of_target = kpi_target_add_assessment(f->target, 20170430,
                                                                KPI_RATING_BEHIND, "t"));
    assert_non_null(first_of_goal =
                        kpi_goal_add_assessment(f->sub, 20170430, KPI_RATING_AHEAD, "g"));
    for (int i = 0; i < 1000; i++) {
        assert_non_null(
            kpi_target_add_assessment(f->target, 20170501, KPI_RATING_ON_TRACK, NULL));
        assert_non_null(
            kpi_goal_add_assessment(f->sub, 20170501, KPI_RATING_ON_TRACK, NULL));
    }
    assert_ptr_equal(kpi_target_assessment_at(f->target, 0), first_of_target);
    assert_int_equal(kpi_assessment_rating(first_of_target), KPI_RATING_BEHIND);
    assert_string_equal(kpi_assessment_comment(first_of_target), "t");
    assert_ptr_equal(kpi_goal_assessment_at(f->sub, 0), first_of_goal);
    assert_int_equal(kpi_assessment_rating(first_of_goal), KPI_RATING_AHEAD);
    assert_string_equal(kpi_assessment_comment(first_of_goal), "g");
}

static void test_goal_target_handles_stable(void **state)
{
    struct fixture *f = *state;
    char code[32];
    for (int i = 0; i < 1000; i++) {
        snprintf(code, sizeof code, "g%d", i);
        assert_non_null(kpi_plan_add_goal(f->plan, code, "sibling"));
        snprintf(code, sizeof code, "3-x%d", i);
        assert_non_null(kpi_goal_add_goal(f->goal, code, "sibling"));
        snprintf(code, sizeof code, "3-2-t%d", i);
        assert_non_null(kpi_goal_add_target(f->sub, code, "sibling"));
    }
    assert_ptr_equal(kpi_plan_goal_at(f->plan, 0), f->goal);
    assert_ptr_equal(kpi_goal_goal_at(f->goal, 0), f->sub);
    assert_ptr_equal(kpi_goal_target_at(f->sub, 0), f->target);
    assert_string_equal(kpi_goal_code(f->goal), "3");
    assert_string_equal(kpi_goal_title(f->goal), "地域経済の活性化");
    assert_string_equal(kpi_goal_code(f->sub), "3-2");
    assert_ptr_equal(kpi_goal_parent(f->sub), f->goal);
    assert_string_equal(kpi_target_code(f->target), "3-2-a");
    assert_string_equal(kpi_target_label(f->target), "物件登録件数");
    assert_ptr_equal(kpi_target_goal(f->target), f->sub);
    kpi_goal *found;
    kpi_target *found_target;
    assert_non_null(found = kpi_plan_find_goal(f->plan, "3-2"));
    assert_ptr_equal(found, f->sub);
    assert_non_null(found_target = kpi_plan_find_target(f->plan, "3-2-a"));
    assert_ptr_equal(found_target, f->target);
}

/* ---- Values refused when recorded ----------------------------------------- */

/* A measurement's value must be finite, when added and when corrected. */
static void test_measurement_value_refused(void **state)
{
    struct fixture *f = *state;
    kpi_measurement *m;
    assert_non_null(m = kpi_target_add_measurement(f->target, 20170930, 7, NULL));
    const double bad[] = {NAN, INFINITY, -INFINITY};
    for (size_t i = 0; i < 3; i++) {
        REFUSED_NULL(KPI_ERR_VALUE,
                     kpi_target_add_measurement(f->target, 20170930, bad[i], NULL));
        REFUSED(KPI_ERR_VALUE, kpi_measurement_set_value(m, bad[i]));
        assert_int_equal(kpi_target_measurement_count(f->target), 1);
        assert_double_is(kpi_measurement_value(m), 7);
    }
}

/* A milestone's measurements are progress in 0..1. */
static void test_milestone_value_refused(void **state)
{
    struct fixture *f = *state;
    kpi_measurement *m;
    OK(kpi_target_set_kind(f->target, KPI_KIND_MILESTONE));
    assert_non_null(kpi_target_add_measurement(f->target, 20170630, 0, NULL));
    assert_non_null(kpi_target_add_measurement(f->target, 20170731, 1, NULL));
    assert_non_null(m = kpi_target_add_measurement(f->target, 20170831, 0.5, NULL));
    const double bad[] = {-0.01, 1.01, 2, -1, 100};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        REFUSED_NULL(KPI_ERR_VALUE,
                     kpi_target_add_measurement(f->target, 20170930, bad[i], NULL));
        REFUSED(KPI_ERR_VALUE, kpi_measurement_set_value(m, bad[i]));
        assert_int_equal(kpi_target_measurement_count(f->target), 3);
        assert_double_is(kpi_measurement_value(m), 0.5);
    }
    OK(kpi_measurement_set_value(m, 1));
    assert_double_is(kpi_measurement_value(m), 1);
}

/* A target whose figures leave 0..1 cannot become a milestone; once they
 * are back in range it can. */
static void test_set_kind_milestone_refused(void **state)
{
    struct fixture *f = *state;
    kpi_measurement *m;
    assert_non_null(kpi_target_add_measurement(f->target, 20170630, 0.25, NULL));
    assert_non_null(m = kpi_target_add_measurement(f->target, 20170930, 32, NULL));
    OK(kpi_target_set_kind(f->target, KPI_KIND_QUALITATIVE));
    REFUSED(KPI_ERR_VALUE, kpi_target_set_kind(f->target, KPI_KIND_MILESTONE));
    assert_int_equal(kpi_target_kind(f->target), KPI_KIND_QUALITATIVE);
    OK(kpi_measurement_set_value(m, -0.5));
    REFUSED(KPI_ERR_VALUE, kpi_target_set_kind(f->target, KPI_KIND_MILESTONE));
    assert_int_equal(kpi_target_kind(f->target), KPI_KIND_QUALITATIVE);
    OK(kpi_measurement_set_value(m, 1));
    OK(kpi_target_set_kind(f->target, KPI_KIND_MILESTONE));
    assert_int_equal(kpi_target_kind(f->target), KPI_KIND_MILESTONE);
}

/* Weights must be finite and > 0. */
static void test_weight_refused(void **state)
{
    struct fixture *f = *state;
    OK(kpi_goal_set_weight(f->sub, 2.5));
    OK(kpi_target_set_weight(f->target, 3.5));
    const double bad[] = {0, -0.0, -1, -1e-300, NAN, INFINITY, -INFINITY};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        REFUSED(KPI_ERR_VALUE, kpi_goal_set_weight(f->sub, bad[i]));
        REFUSED(KPI_ERR_VALUE, kpi_target_set_weight(f->target, bad[i]));
        assert_double_is(kpi_goal_weight(f->sub), 2.5);
        assert_double_is(kpi_target_weight(f->target), 3.5);
    }
}

/* Impossible dates are KPI_ERR_DATE; a measurement or an assessment needs
 * a date (0 is refused), a target's optional dates do not. */
static void test_dates_refused(void **state)
{
    struct fixture *f = *state;
    kpi_measurement *m;
    kpi_assessment *a, *ga;
    assert_non_null(m = kpi_target_add_measurement(f->target, 20170930, 1, NULL));
    assert_non_null(
        a = kpi_target_add_assessment(f->target, 20170930, KPI_RATING_AHEAD, NULL));
    assert_non_null(
        ga = kpi_goal_add_assessment(f->sub, 20170930, KPI_RATING_AHEAD, NULL));
    OK(kpi_target_set_start(f->target, 20170401));
    OK(kpi_target_set_due(f->target, 20180331));
    const int32_t bad[] = {20170230, 20171301, 20170431, 20170000, 2017093, -20170930};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        REFUSED_NULL(KPI_ERR_DATE,
                     kpi_target_add_measurement(f->target, bad[i], 1, NULL));
        REFUSED(KPI_ERR_DATE, kpi_measurement_set_date(m, bad[i]));
        REFUSED_NULL(KPI_ERR_DATE, kpi_target_add_assessment(f->target, bad[i],
                                                             KPI_RATING_AHEAD, NULL));
        REFUSED_NULL(KPI_ERR_DATE,
                     kpi_goal_add_assessment(f->sub, bad[i], KPI_RATING_AHEAD, NULL));
        REFUSED(KPI_ERR_DATE, kpi_assessment_set_date(a, bad[i]));
        REFUSED(KPI_ERR_DATE, kpi_target_set_start(f->target, bad[i]));
        REFUSED(KPI_ERR_DATE, kpi_target_set_due(f->target, bad[i]));
    }
    /* 0 is "no date": refused where a date is required. */
    REFUSED_NULL(KPI_ERR_DATE, kpi_target_add_measurement(f->target, 0, 1, NULL));
    REFUSED(KPI_ERR_DATE, kpi_measurement_set_date(m, 0));
    REFUSED_NULL(KPI_ERR_DATE,
                 kpi_target_add_assessment(f->target, 0, KPI_RATING_AHEAD, NULL));
    REFUSED_NULL(KPI_ERR_DATE,
                 kpi_goal_add_assessment(f->sub, 0, KPI_RATING_AHEAD, NULL));
    REFUSED(KPI_ERR_DATE, kpi_assessment_set_date(a, 0));
    REFUSED(KPI_ERR_DATE, kpi_assessment_set_date(ga, 0));

    assert_int_equal(kpi_target_measurement_count(f->target), 1);
    assert_int_equal(kpi_target_assessment_count(f->target), 1);
    assert_int_equal(kpi_goal_assessment_count(f->sub), 1);
    assert_int_equal(kpi_measurement_date(m), 20170930);
    assert_int_equal(kpi_assessment_date(a), 20170930);
    assert_int_equal(kpi_assessment_date(ga), 20170930);
    assert_int_equal(kpi_target_start(f->target), 20170401);
    assert_int_equal(kpi_target_due(f->target), 20180331);
}

/* An assessment's rating is one of the four: not NONE, not out of range. */
static void test_assessment_rating_refused(void **state)
{
    struct fixture *f = *state;
    kpi_assessment *a, *ga;
    assert_non_null(
        a = kpi_target_add_assessment(f->target, 20170930, KPI_RATING_BEHIND, NULL));
    assert_non_null(
        ga = kpi_goal_add_assessment(f->sub, 20170930, KPI_RATING_BEHIND, NULL));
    const int bad[] = {KPI_RATING_NONE, 5, 7, -1};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        kpi_rating r = (kpi_rating)bad[i];
        REFUSED_NULL(KPI_ERR_VALUE,
                     kpi_target_add_assessment(f->target, 20170930, r, NULL));
        REFUSED_NULL(KPI_ERR_VALUE, kpi_goal_add_assessment(f->sub, 20170930, r, NULL));
        REFUSED(KPI_ERR_VALUE, kpi_assessment_set_rating(a, r));
        REFUSED(KPI_ERR_VALUE, kpi_assessment_set_rating(ga, r));
    }
    /* A comment that is not UTF-8 is an encoding error, not out of memory. */
    REFUSED_NULL(KPI_ERR_ENCODING, kpi_target_add_assessment(f->target, 20170930,
                                                             KPI_RATING_AHEAD, "\xff"));
    REFUSED_NULL(KPI_ERR_ENCODING,
                 kpi_goal_add_assessment(f->sub, 20170930, KPI_RATING_AHEAD, "a\xc3"));
    assert_int_equal(kpi_target_assessment_count(f->target), 1);
    assert_int_equal(kpi_goal_assessment_count(f->sub), 1);
    assert_int_equal(kpi_assessment_rating(a), KPI_RATING_BEHIND);
    assert_int_equal(kpi_assessment_rating(ga), KPI_RATING_BEHIND);
}

/* Enumeration setters refuse integers that are none of their values. */
static void test_enum_refused(void **state)
{
    struct fixture *f = *state;
    kpi_target *t = f->target;
    OK(kpi_target_set_kind(t, KPI_KIND_QUALITATIVE));
    OK(kpi_target_set_direction(t, KPI_DIRECTION_DECREASE));
    OK(kpi_target_set_schedule(t, KPI_SCHEDULE_STEP));
    OK(kpi_target_set_accumulate(t, KPI_ACCUMULATE_SUM));
    const int bad[] = {9, -1, 1000};
    for (size_t i = 0; i < 3; i++) {
        CHECK_ENUM_REFUSED(t, kpi_target_kind, kpi_target_set_kind, kpi_kind, bad[i]);
        CHECK_ENUM_REFUSED(t, kpi_target_direction, kpi_target_set_direction,
                           kpi_direction, bad[i]);
        CHECK_ENUM_REFUSED(t, kpi_target_schedule, kpi_target_set_schedule, kpi_schedule,
                           bad[i]);
        CHECK_ENUM_REFUSED(t, kpi_target_accumulate, kpi_target_set_accumulate,
                           kpi_accumulate, bad[i]);
    }
    /* The first value past each enumeration's end. */
    CHECK_ENUM_REFUSED(t, kpi_target_kind, kpi_target_set_kind, kpi_kind, 3);
    CHECK_ENUM_REFUSED(t, kpi_target_direction, kpi_target_set_direction, kpi_direction,
                       2);
    CHECK_ENUM_REFUSED(t, kpi_target_schedule, kpi_target_set_schedule, kpi_schedule, 4);
    CHECK_ENUM_REFUSED(t, kpi_target_accumulate, kpi_target_set_accumulate,
                       kpi_accumulate, 2);
    assert_int_equal(kpi_target_kind(t), KPI_KIND_QUALITATIVE);
    assert_int_equal(kpi_target_direction(t), KPI_DIRECTION_DECREASE);
    assert_int_equal(kpi_target_schedule(t), KPI_SCHEDULE_STEP);
    assert_int_equal(kpi_target_accumulate(t), KPI_ACCUMULATE_SUM);
}

/* A target's optional numbers refuse infinities, changing nothing. */
static void test_target_number_infinite_refused(void **state)
{
    struct fixture *f = *state;
    kpi_target *t = f->target;
    OK(kpi_target_set_value(t, 30));
    OK(kpi_target_set_start_value(t, 5));
    OK(kpi_target_set_reference(t, 100));
    OK(kpi_target_set_change_pct(t, 10));
    const double bad[] = {INFINITY, -INFINITY};
    for (size_t i = 0; i < 2; i++) {
        REFUSED(KPI_ERR_VALUE, kpi_target_set_value(t, bad[i]));
        REFUSED(KPI_ERR_VALUE, kpi_target_set_start_value(t, bad[i]));
        REFUSED(KPI_ERR_VALUE, kpi_target_set_reference(t, bad[i]));
        REFUSED(KPI_ERR_VALUE, kpi_target_set_change_pct(t, bad[i]));
    }
    assert_double_is(kpi_target_value(t), 30);
    assert_double_is(kpi_target_start_value(t), 5);
    assert_double_is(kpi_target_reference(t), 100);
    assert_double_is(kpi_target_change_pct(t), 10);
}

/* Adders whose out-parameter "may be NULL" add all the same. */
static void test_adders_accept_null_out(void **state)
{
    struct fixture *f = *state;
    kpi_goal *found;
    kpi_target *found_target;
    assert_non_null(kpi_plan_add_goal(f->plan, "4", "t4"));
    assert_non_null(found = kpi_plan_find_goal(f->plan, "4"));
    assert_ptr_equal(kpi_plan_goal_at(f->plan, 1), found);
    assert_non_null(kpi_goal_add_goal(f->sub, "3-2-1", NULL));
    assert_non_null(found = kpi_plan_find_goal(f->plan, "3-2-1"));
    assert_ptr_equal(kpi_goal_parent(found), f->sub);
    assert_non_null(kpi_goal_add_target(f->sub, "3-2-b", "b"));
    assert_non_null(found_target = kpi_plan_find_target(f->plan, "3-2-b"));
    assert_string_equal(kpi_target_label(found_target), "b");
    assert_non_null(kpi_target_add_measurement(f->target, 20170930, 4, "n"));
    assert_double_is(kpi_measurement_value(kpi_target_measurement_at(f->target, 0)), 4);
    assert_non_null(
        kpi_target_add_assessment(f->target, 20170930, KPI_RATING_AHEAD, NULL));
    assert_int_equal(kpi_assessment_rating(kpi_target_assessment_at(f->target, 0)),
                     KPI_RATING_AHEAD);
    assert_non_null(kpi_goal_add_assessment(f->sub, 20170930, KPI_RATING_BEHIND, NULL));
    assert_int_equal(kpi_assessment_rating(kpi_goal_assessment_at(f->sub, 0)),
                     KPI_RATING_BEHIND);
}

/* ---- The last error ------------------------------------------------------ */

/* Messages name the object, the field and the value. */
static void test_error_message_names_object(void **state)
{
    struct fixture *f = *state;
    kpi_target *t = f->target;
    kpi_target *found;

    REFUSED(KPI_ERR_VALUE, kpi_target_set_weight(t, -1));
    assert_last_error(KPI_ERR_VALUE, "target \"3-2-a\"", "weight", "-1");
    REFUSED(KPI_ERR_VALUE, kpi_goal_set_weight(f->sub, -2.5));
    assert_last_error(KPI_ERR_VALUE, "goal \"3-2\"", "weight", "-2.5");
    REFUSED_NULL(KPI_ERR_VALUE, kpi_target_add_measurement(t, 20170930, INFINITY, NULL));
    assert_last_error(KPI_ERR_VALUE, "target \"3-2-a\"", "value", "inf");
    REFUSED_NULL(KPI_ERR_DATE, kpi_target_add_measurement(t, 20170230, 1, NULL));
    assert_last_error(KPI_ERR_DATE, "target \"3-2-a\"", "date", "20170230");
    REFUSED(KPI_ERR_DATE, kpi_target_set_due(t, 20171301));
    assert_last_error(KPI_ERR_DATE, "target \"3-2-a\"", "due", "20171301");
    REFUSED(KPI_ERR_VALUE, kpi_target_set_value(t, -INFINITY));
    assert_last_error(KPI_ERR_VALUE, "target \"3-2-a\"", "value", "inf");
    REFUSED(KPI_ERR_VALUE, kpi_target_set_kind(t, (kpi_kind)9));
    assert_last_error(KPI_ERR_VALUE, "target \"3-2-a\"", "kind", "9");
    OK(kpi_target_set_kind(t, KPI_KIND_MILESTONE));
    REFUSED_NULL(KPI_ERR_VALUE, kpi_target_add_measurement(t, 20170930, 1.5, NULL));
    assert_last_error(KPI_ERR_VALUE, "target \"3-2-a\"", "1.5", NULL);
    REFUSED_NULL(KPI_ERR_VALUE,
                 kpi_target_add_assessment(t, 20170930, (kpi_rating)7, NULL));
    assert_last_error(KPI_ERR_VALUE, "\"3-2-a\"", "rating", "7");
    kpi_assessment *assessment;
    assert_non_null(assessment =
                        kpi_target_add_assessment(t, 20170930, KPI_RATING_AHEAD, NULL));
    REFUSED(KPI_ERR_VALUE, kpi_assessment_set_rating(assessment, (kpi_rating)7));
    assert_last_error(KPI_ERR_VALUE, "assessment", "rating", "7");
    REFUSED_NULL(KPI_ERR_DUPLICATE, kpi_goal_add_target(f->sub, "3-2-a", NULL));
    assert_last_error(KPI_ERR_DUPLICATE, "\"3-2-a\"", NULL, NULL);
    REFUSED_NULL(KPI_ERR_NOT_FOUND, found = kpi_plan_find_target(f->plan, "nope"));
    assert_last_error(KPI_ERR_NOT_FOUND, "\"nope\"", NULL, NULL);
    REFUSED(KPI_ERR_VALUE, kpi_plan_set_period(f->plan, 20180331, 20170401));
    assert_last_error(KPI_ERR_VALUE, "plan \"P\"", "20180331", "20170401");
}

/* Errors of API calls have no source and no position, even right after an
 * error that had them. */
static void test_error_source_empty_for_api_errors(void **state)
{
    struct fixture *f = *state;
    kpi__error_at(KPI_ERR_PARSE, "structure.csv", 12, 3, "bad field");
    assert_string_equal(kpi_error_source(), "structure.csv");
    assert_int_equal(kpi_error_line(), 12);
    assert_int_equal(kpi_error_column(), 3);

    assert_int_equal(kpi_target_set_weight(f->target, 0), KPI_ERR_VALUE);
    assert_int_equal(kpi_error_code(), KPI_ERR_VALUE);
    assert_string_equal(kpi_error_source(), "");
    assert_int_equal(kpi_error_line(), 0);
    assert_int_equal(kpi_error_column(), 0);
}

static void test_error_clear(void **state)
{
    (void)state;
    kpi__error_at(KPI_ERR_PARSE, "structure.csv", 12, 3, "bad field");
    assert_int_equal(kpi_error_code(), KPI_ERR_PARSE);
    kpi_error_clear();
    assert_int_equal(kpi_error_code(), KPI_OK);
    assert_empty(kpi_error_message());
    assert_empty(kpi_error_source());
    assert_int_equal(kpi_error_line(), 0);
    assert_int_equal(kpi_error_column(), 0);
}

/* A successful call leaves the last error alone. */
static void test_error_kept_by_success(void **state)
{
    struct fixture *f = *state;
    REFUSED(KPI_ERR_VALUE, kpi_target_set_weight(f->target, -1));
    char saved[512];
    snprintf(saved, sizeof saved, "%s", kpi_error_message());
    kpi_goal *found;
    OK(kpi_target_set_weight(f->target, 2));
    assert_non_null(found = kpi_plan_find_goal(f->plan, "3"));
    assert_non_null(kpi_goal_add_target(f->sub, "3-2-b", NULL));
    assert_int_equal(kpi_error_code(), KPI_ERR_VALUE);
    assert_string_equal(kpi_error_message(), saved);
}

static void test_error_names(void **state)
{
    (void)state;
    static const struct {
        int code;
        const char *name;
    } names[] = {
        {KPI_OK, "KPI_OK"},
        {KPI_ERR_NOMEM, "KPI_ERR_NOMEM"},
        {KPI_ERR_ARGUMENT, "KPI_ERR_ARGUMENT"},
        {KPI_ERR_RANGE, "KPI_ERR_RANGE"},
        {KPI_ERR_NOT_FOUND, "KPI_ERR_NOT_FOUND"},
        {KPI_ERR_DUPLICATE, "KPI_ERR_DUPLICATE"},
        {KPI_ERR_VALUE, "KPI_ERR_VALUE"},
        {KPI_ERR_DATE, "KPI_ERR_DATE"},
        {KPI_ERR_PARSE, "KPI_ERR_PARSE"},
        {KPI_ERR_IO, "KPI_ERR_IO"},
        {KPI_ERR_ENCODING, "KPI_ERR_ENCODING"},
        {KPI_ERR_LIMIT, "KPI_ERR_LIMIT"},
        {KPI_ERR_MISUSE, "KPI_ERR_MISUSE"},
        {1, "KPI_ERR_UNKNOWN"},
        {-13, "KPI_ERR_UNKNOWN"},
        {-999, "KPI_ERR_UNKNOWN"},
        {INT32_MIN, "KPI_ERR_UNKNOWN"},
        {INT32_MAX, "KPI_ERR_UNKNOWN"},
    };
    /* The codes are stable. */
    assert_int_equal(KPI_ERR_NOMEM, -1);
    assert_int_equal(KPI_ERR_LIMIT, -11);
    assert_int_equal(KPI_ERR_MISUSE, -12);
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        assert_string_equal(kpi_error_name(names[i].code), names[i].name);
}

/* ---- NULL handles -------------------------------------------------------- */

static void test_null_plan_functions(void **state)
{
    (void)state;
    NULL_HANDLE(assert_empty(kpi_plan_id(NULL)));
    NULL_HANDLE(assert_empty(kpi_plan_title(NULL)));
    NULL_HANDLE(assert_empty(kpi_plan_organization(NULL)));
    NULL_HANDLE(assert_empty(kpi_plan_department(NULL)));
    NULL_HANDLE(assert_int_equal(kpi_plan_start(NULL), 0));
    NULL_HANDLE(assert_int_equal(kpi_plan_end(NULL), 0));
    NULL_HANDLE(assert_int_equal(kpi_plan_goal_count(NULL), 0));
    NULL_HANDLE(assert_null(kpi_plan_goal_at(NULL, 0)));
    NULL_HANDLE(assert_int_equal(kpi_plan_total_goal_count(NULL), 0));
    NULL_HANDLE(assert_int_equal(kpi_plan_total_target_count(NULL), 0));
    NULL_HANDLE(assert_int_equal(kpi_plan_note_count(NULL), 0));
    NULL_HANDLE(assert_null(kpi_plan_note_at(NULL, 0)));
    NULL_HANDLE(assert_null(kpi_plan_note_code_at(NULL, 0)));

    kpi_goal *goal = NULL;
    kpi_target *target = NULL;
    REFUSED(KPI_ERR_ARGUMENT, kpi_plan_set_id(NULL, "P"));
    REFUSED(KPI_ERR_ARGUMENT, kpi_plan_set_title(NULL, "t"));
    REFUSED(KPI_ERR_ARGUMENT, kpi_plan_set_organization(NULL, "o"));
    REFUSED(KPI_ERR_ARGUMENT, kpi_plan_set_department(NULL, "d"));
    REFUSED(KPI_ERR_ARGUMENT, kpi_plan_set_period(NULL, 20170401, 20180331));
    REFUSED(KPI_ERR_ARGUMENT, kpi_plan_set_fiscal_year(NULL, 2017));
    REFUSED_NULL(KPI_ERR_ARGUMENT, goal = kpi_plan_add_goal(NULL, "1", NULL));
    REFUSED_NULL(KPI_ERR_ARGUMENT, goal = kpi_plan_find_goal(NULL, "1"));
    REFUSED_NULL(KPI_ERR_ARGUMENT, target = kpi_plan_find_target(NULL, "1"));
    REFUSED(KPI_ERR_ARGUMENT, kpi_plan_add_note(NULL, NULL, "note"));
    kpi_plan_free(NULL);
}

static void test_null_goal_functions(void **state)
{
    (void)state;
    NULL_HANDLE(assert_empty(kpi_goal_code(NULL)));
    NULL_HANDLE(assert_empty(kpi_goal_title(NULL)));
    NULL_HANDLE(assert_nan(kpi_goal_weight(NULL)));
    NULL_HANDLE(assert_null(kpi_goal_plan(NULL)));
    NULL_HANDLE(assert_null(kpi_goal_parent(NULL)));
    NULL_HANDLE(assert_int_equal(kpi_goal_depth(NULL), 0));
    NULL_HANDLE(assert_int_equal(kpi_goal_goal_count(NULL), 0));
    NULL_HANDLE(assert_null(kpi_goal_goal_at(NULL, 0)));
    NULL_HANDLE(assert_int_equal(kpi_goal_target_count(NULL), 0));
    NULL_HANDLE(assert_null(kpi_goal_target_at(NULL, 0)));
    NULL_HANDLE(assert_int_equal(kpi_goal_assessment_count(NULL), 0));
    NULL_HANDLE(assert_null(kpi_goal_assessment_at(NULL, 0)));
    NULL_HANDLE(assert_int_equal(kpi_goal_note_count(NULL), 0));
    NULL_HANDLE(assert_null(kpi_goal_note_at(NULL, 0)));
    NULL_HANDLE(assert_null(kpi_goal_note_code_at(NULL, 0)));

    kpi_goal *goal = NULL;
    kpi_target *target = NULL;
    kpi_assessment *a = NULL;
    REFUSED(KPI_ERR_ARGUMENT, kpi_goal_set_code(NULL, "1"));
    REFUSED(KPI_ERR_ARGUMENT, kpi_goal_set_title(NULL, "t"));
    REFUSED(KPI_ERR_ARGUMENT, kpi_goal_set_weight(NULL, 1));
    REFUSED_NULL(KPI_ERR_ARGUMENT, goal = kpi_goal_add_goal(NULL, "1", NULL));
    REFUSED_NULL(KPI_ERR_ARGUMENT, target = kpi_goal_add_target(NULL, "1", NULL));
    REFUSED_NULL(KPI_ERR_ARGUMENT,
                 a = kpi_goal_add_assessment(NULL, 20170930, KPI_RATING_AHEAD, NULL));
    REFUSED(KPI_ERR_ARGUMENT, kpi_goal_add_note(NULL, NULL, "note"));
}

static void test_null_target_functions(void **state)
{
    (void)state;
    NULL_HANDLE(assert_empty(kpi_target_code(NULL)));
    NULL_HANDLE(assert_empty(kpi_target_label(NULL)));
    NULL_HANDLE(assert_empty(kpi_target_unit(NULL)));
    NULL_HANDLE(assert_empty(kpi_target_text(NULL)));
    /* Enumerations read as their defaults (all 0). */
    NULL_HANDLE(assert_int_equal(kpi_target_kind(NULL), KPI_KIND_NUMERIC));
    NULL_HANDLE(assert_int_equal(kpi_target_direction(NULL), KPI_DIRECTION_INCREASE));
    NULL_HANDLE(assert_int_equal(kpi_target_schedule(NULL), KPI_SCHEDULE_DEFAULT));
    NULL_HANDLE(assert_int_equal(kpi_target_accumulate(NULL), KPI_ACCUMULATE_LATEST));
    NULL_HANDLE(assert_nan(kpi_target_value(NULL)));
    NULL_HANDLE(assert_nan(kpi_target_start_value(NULL)));
    NULL_HANDLE(assert_nan(kpi_target_reference(NULL)));
    NULL_HANDLE(assert_nan(kpi_target_change_pct(NULL)));
    NULL_HANDLE(assert_nan(kpi_target_weight(NULL)));
    NULL_HANDLE(assert_int_equal(kpi_target_start(NULL), 0));
    NULL_HANDLE(assert_int_equal(kpi_target_due(NULL), 0));
    NULL_HANDLE(assert_null(kpi_target_goal(NULL)));
    NULL_HANDLE(assert_int_equal(kpi_target_measurement_count(NULL), 0));
    NULL_HANDLE(assert_null(kpi_target_measurement_at(NULL, 0)));
    NULL_HANDLE(assert_int_equal(kpi_target_assessment_count(NULL), 0));
    NULL_HANDLE(assert_null(kpi_target_assessment_at(NULL, 0)));

    kpi_measurement *m = NULL;
    kpi_assessment *a = NULL;
    REFUSED(KPI_ERR_ARGUMENT, kpi_target_set_code(NULL, "1"));
    REFUSED(KPI_ERR_ARGUMENT, kpi_target_set_label(NULL, "l"));
    REFUSED(KPI_ERR_ARGUMENT, kpi_target_set_unit(NULL, "u"));
    REFUSED(KPI_ERR_ARGUMENT, kpi_target_set_text(NULL, "t"));
    REFUSED(KPI_ERR_ARGUMENT, kpi_target_set_kind(NULL, KPI_KIND_NUMERIC));
    REFUSED(KPI_ERR_ARGUMENT, kpi_target_set_direction(NULL, KPI_DIRECTION_INCREASE));
    REFUSED(KPI_ERR_ARGUMENT, kpi_target_set_schedule(NULL, KPI_SCHEDULE_DEFAULT));
    REFUSED(KPI_ERR_ARGUMENT, kpi_target_set_accumulate(NULL, KPI_ACCUMULATE_LATEST));
    REFUSED(KPI_ERR_ARGUMENT, kpi_target_set_value(NULL, 1));
    REFUSED(KPI_ERR_ARGUMENT, kpi_target_set_start_value(NULL, 1));
    REFUSED(KPI_ERR_ARGUMENT, kpi_target_set_reference(NULL, 1));
    REFUSED(KPI_ERR_ARGUMENT, kpi_target_set_change_pct(NULL, 1));
    REFUSED(KPI_ERR_ARGUMENT, kpi_target_set_weight(NULL, 1));
    REFUSED(KPI_ERR_ARGUMENT, kpi_target_set_start(NULL, 20170401));
    REFUSED(KPI_ERR_ARGUMENT, kpi_target_set_due(NULL, 20180331));
    REFUSED_NULL(KPI_ERR_ARGUMENT,
                 m = kpi_target_add_measurement(NULL, 20170930, 1, NULL));
    REFUSED_NULL(KPI_ERR_ARGUMENT,
                 a = kpi_target_add_assessment(NULL, 20170930, KPI_RATING_AHEAD, NULL));
}

static void test_null_measurement_assessment_functions(void **state)
{
    (void)state;
    NULL_HANDLE(assert_int_equal(kpi_measurement_date(NULL), 0));
    NULL_HANDLE(assert_nan(kpi_measurement_value(NULL)));
    NULL_HANDLE(assert_empty(kpi_measurement_note(NULL)));
    NULL_HANDLE(assert_empty(kpi_measurement_author(NULL)));
    NULL_HANDLE(assert_int_equal(kpi_assessment_date(NULL), 0));
    NULL_HANDLE(assert_int_equal(kpi_assessment_rating(NULL), KPI_RATING_NONE));
    NULL_HANDLE(assert_empty(kpi_assessment_comment(NULL)));
    NULL_HANDLE(assert_empty(kpi_assessment_author(NULL)));

    REFUSED(KPI_ERR_ARGUMENT, kpi_measurement_set_date(NULL, 20170930));
    REFUSED(KPI_ERR_ARGUMENT, kpi_measurement_set_value(NULL, 1));
    REFUSED(KPI_ERR_ARGUMENT, kpi_measurement_set_note(NULL, "n"));
    REFUSED(KPI_ERR_ARGUMENT, kpi_measurement_set_author(NULL, "a"));
    REFUSED(KPI_ERR_ARGUMENT, kpi_assessment_set_date(NULL, 20170930));
    REFUSED(KPI_ERR_ARGUMENT, kpi_assessment_set_rating(NULL, KPI_RATING_AHEAD));
    REFUSED(KPI_ERR_ARGUMENT, kpi_assessment_set_comment(NULL, "c"));
    REFUSED(KPI_ERR_ARGUMENT, kpi_assessment_set_author(NULL, "a"));
}

/* Required out-parameters and codes given as NULL: KPI_ERR_ARGUMENT, and
 * nothing changes. */
static void test_null_arguments(void **state)
{
    struct fixture *f = *state;
    struct counts before = count_all(f);
    kpi_goal *goal;
    kpi_target *target;
    REFUSED(KPI_ERR_ARGUMENT, kpi_plan_new(NULL, "P"));
    REFUSED_NULL(KPI_ERR_ARGUMENT, goal = kpi_plan_find_goal(f->plan, NULL));
    REFUSED_NULL(KPI_ERR_ARGUMENT, target = kpi_plan_find_target(f->plan, NULL));
    REFUSED_NULL(KPI_ERR_ARGUMENT, goal = kpi_plan_add_goal(f->plan, NULL, "t"));
    REFUSED_NULL(KPI_ERR_ARGUMENT, goal = kpi_goal_add_goal(f->goal, NULL, "t"));
    REFUSED_NULL(KPI_ERR_ARGUMENT, target = kpi_goal_add_target(f->sub, NULL, "l"));
    REFUSED(KPI_ERR_ARGUMENT, kpi_plan_set_id(f->plan, NULL));
    REFUSED(KPI_ERR_ARGUMENT, kpi_goal_set_code(f->sub, NULL));
    REFUSED(KPI_ERR_ARGUMENT, kpi_target_set_code(f->target, NULL));
    assert_counts_equal(count_all(f), before);
    assert_string_equal(kpi_plan_id(f->plan), "P");
    assert_string_equal(kpi_goal_code(f->sub), "3-2");
    assert_string_equal(kpi_target_code(f->target), "3-2-a");
}

/* ---- Ratings ------------------------------------------------------------- */

static void test_rating_texts(void **state)
{
    (void)state;
    static const struct {
        kpi_rating rating;
        const char *symbol, *name, *ja, *en;
    } texts[] = {
        {KPI_RATING_NONE, "", "", "", ""},
        {KPI_RATING_NOT_PROGRESSED, SYM_NOT_PROGRESSED, "not_progressed",
         "全て目標未進捗", "not progressed"},
        {KPI_RATING_BEHIND, SYM_BEHIND, "behind", "未進捗の部分あり", "partly behind"},
        {KPI_RATING_ON_TRACK, SYM_ON_TRACK, "on_track", "目標どおり進捗", "on target"},
        {KPI_RATING_AHEAD, SYM_AHEAD, "ahead", "目標を上回る進捗", "ahead of target"},
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        assert_string_equal(kpi_rating_symbol(texts[i].rating), texts[i].symbol);
        assert_string_equal(kpi_rating_name(texts[i].rating), texts[i].name);
        assert_string_equal(kpi_rating_label(texts[i].rating, KPI_LANG_JA), texts[i].ja);
        assert_string_equal(kpi_rating_label(texts[i].rating, KPI_LANG_EN), texts[i].en);
    }
    const int unknown[] = {5, -1, 99};
    for (size_t i = 0; i < 3; i++) {
        kpi_rating r = (kpi_rating)unknown[i];
        assert_empty(kpi_rating_symbol(r));
        assert_empty(kpi_rating_name(r));
        assert_empty(kpi_rating_label(r, KPI_LANG_JA));
        assert_empty(kpi_rating_label(r, KPI_LANG_EN));
    }
}

/* Each of the eight spellings, bare and between ASCII blanks. */
static void test_rating_parse_accepts(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        kpi_rating rating;
    } spellings[] = {
        {SYM_AHEAD, KPI_RATING_AHEAD},   {SYM_ON_TRACK, KPI_RATING_ON_TRACK},
        {SYM_BEHIND, KPI_RATING_BEHIND}, {SYM_NOT_PROGRESSED, KPI_RATING_NOT_PROGRESSED},
        {"ahead", KPI_RATING_AHEAD},     {"on_track", KPI_RATING_ON_TRACK},
        {"behind", KPI_RATING_BEHIND},   {"not_progressed", KPI_RATING_NOT_PROGRESSED},
    };
    static const char *const wrappers[][2] = {{"", ""}, {" ", " "}, {"  \t", "\t "}};
    char text[64];
    for (size_t i = 0; i < sizeof spellings / sizeof spellings[0]; i++) {
        for (size_t w = 0; w < 3; w++) {
            snprintf(text, sizeof text, "%s%s%s", wrappers[w][0], spellings[i].text,
                     wrappers[w][1]);
            kpi_rating r = KPI_RATING_NONE;
            int rc = kpi_rating_parse(&r, text);
            if (rc != KPI_OK)
                print_error("kpi_rating_parse(\"%s\"): %s\n", text, kpi_error_message());
            assert_int_equal(rc, KPI_OK);
            assert_int_equal(r, spellings[i].rating);
        }
    }
}

static void test_rating_parse_refuses(void **state)
{
    (void)state;
    static const char *const refused[] = {
        "",       " ",     "good",     SYM_LARGE_CIRCLE, "o",      "O",
        "Ahead",  "AHEAD", "on track", "on-track",       "ahead!", SYM_AHEAD SYM_AHEAD,
        "aheadx", "ahea",  "3",        "none",           "x",
    };
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        kpi_rating r = KPI_RATING_AHEAD;
        kpi_error_clear();
        int rc = kpi_rating_parse(&r, refused[i]);
        if (rc != KPI_ERR_VALUE)
            print_error("kpi_rating_parse(\"%s\") gave %d\n", refused[i], rc);
        assert_int_equal(rc, KPI_ERR_VALUE);
        assert_int_equal(kpi_error_code(), KPI_ERR_VALUE);
    }
}

static void test_unrated_texts(void **state)
{
    (void)state;
    static const struct {
        kpi_unrated reason;
        const char *name;
    } names[] = {
        {KPI_UNRATED_QUALITATIVE, "QUALITATIVE"},
        {KPI_UNRATED_INCOMPLETE, "INCOMPLETE"},
        {KPI_UNRATED_INVALID, "INVALID"},
        {KPI_UNRATED_NO_DATA, "NO_DATA"},
        {KPI_UNRATED_NOT_DUE, "NOT_DUE"},
        {KPI_UNRATED_NO_RATED_CHILDREN, "NO_RATED_CHILDREN"},
    };
    /* Every reason but NONE is listed: the one after the last has no name. */
    assert_empty(kpi_unrated_name((kpi_unrated)(sizeof names / sizeof names[0] + 1)));
    assert_empty(kpi_unrated_name(KPI_UNRATED_NONE));
    assert_empty(kpi_unrated_label(KPI_UNRATED_NONE, KPI_LANG_JA));
    assert_empty(kpi_unrated_label(KPI_UNRATED_NONE, KPI_LANG_EN));
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        assert_string_equal(kpi_unrated_name(names[i].reason), names[i].name);
        const char *ja = kpi_unrated_label(names[i].reason, KPI_LANG_JA);
        const char *en = kpi_unrated_label(names[i].reason, KPI_LANG_EN);
        assert_non_null(ja);
        assert_non_null(en);
        assert_true(strlen(ja) > 0);
        assert_true(strlen(en) > 0);
    }
}

/* ---- Notes --------------------------------------------------------------- */

static void test_plan_notes(void **state)
{
    struct fixture *f = *state;
    char text[] = "市長指示事項: 空き家の活用";
    OK(kpi_plan_add_note(f->plan, NULL, text));
    memset(text, 'X', sizeof text - 1);
    OK(kpi_plan_add_note(f->plan, "評価基準", "◎ 目標を上回る進捗"));
    OK(kpi_plan_add_note(f->plan, "", "third"));
    assert_int_equal(kpi_plan_note_count(f->plan), 3);
    assert_string_equal(kpi_plan_note_at(f->plan, 0), "市長指示事項: 空き家の活用");
    assert_empty(kpi_plan_note_code_at(f->plan, 0));
    assert_string_equal(kpi_plan_note_at(f->plan, 1), "◎ 目標を上回る進捗");
    assert_string_equal(kpi_plan_note_code_at(f->plan, 1), "評価基準");
    assert_string_equal(kpi_plan_note_at(f->plan, 2), "third");
    assert_empty(kpi_plan_note_code_at(f->plan, 2));
    /* Notes are the plan's own, not its goals'. */
    assert_int_equal(kpi_goal_note_count(f->goal), 0);
}

static void test_goal_notes(void **state)
{
    struct fixture *f = *state;
    char code[] = "N-1";
    OK(kpi_goal_add_note(f->sub, code, "first"));
    code[0] = 'X';
    OK(kpi_goal_add_note(f->sub, NULL, "second"));
    assert_int_equal(kpi_goal_note_count(f->sub), 2);
    assert_string_equal(kpi_goal_note_at(f->sub, 0), "first");
    assert_string_equal(kpi_goal_note_code_at(f->sub, 0), "N-1");
    assert_string_equal(kpi_goal_note_at(f->sub, 1), "second");
    assert_empty(kpi_goal_note_code_at(f->sub, 1));
    assert_int_equal(kpi_goal_note_count(f->goal), 0);
    assert_int_equal(kpi_plan_note_count(f->plan), 0);
}

/* A note needs text. */
static void test_note_empty_text_refused(void **state)
{
    struct fixture *f = *state;
    OK(kpi_plan_add_note(f->plan, NULL, "kept"));
    OK(kpi_goal_add_note(f->sub, NULL, "kept"));
    REFUSED(KPI_ERR_VALUE, kpi_plan_add_note(f->plan, NULL, ""));
    REFUSED(KPI_ERR_VALUE, kpi_plan_add_note(f->plan, "C", ""));
    REFUSED(KPI_ERR_VALUE, kpi_goal_add_note(f->sub, NULL, ""));
    REFUSED(KPI_ERR_VALUE, kpi_goal_add_note(f->sub, "C", ""));
    assert_int_not_equal(kpi_plan_add_note(f->plan, "C", NULL), KPI_OK);
    assert_int_not_equal(kpi_goal_add_note(f->sub, "C", NULL), KPI_OK);
    assert_int_equal(kpi_plan_note_count(f->plan), 1);
    assert_int_equal(kpi_goal_note_count(f->sub), 1);
    assert_string_equal(kpi_plan_note_at(f->plan, 0), "kept");
    assert_string_equal(kpi_goal_note_at(f->sub, 0), "kept");
}

/* ---- Thread-local errors ------------------------------------------------- */

enum { THREAD_ROUNDS = 200 };

/* What one thread saw. */
struct thread_run {
    pthread_barrier_t *barrier;
    int which; /* 0: a weight error, 1: a lookup error */
    int mismatches;
    int code;
    char message[512];
};

/* Each round: wait for the other thread, fail a call, wait until the other
 * has failed too, then read back the last error, which must be this
 * thread's own. */
static void *thread_main(void *arg)
{
    struct thread_run *run = arg;
    kpi_plan *plan = NULL;
    kpi_goal *goal = NULL;
    kpi_target *target = NULL;
    const char *own = run->which == 0 ? "\"A-t\"" : "\"B-missing\"";
    const char *other = run->which == 0 ? "\"B-missing\"" : "\"A-t\"";
    int expected = run->which == 0 ? KPI_ERR_VALUE : KPI_ERR_NOT_FOUND;
    if (kpi_plan_new(&plan, run->which == 0 ? "A" : "B") != KPI_OK ||
        (goal = kpi_plan_add_goal(plan, "g", NULL)) == NULL ||
        (target = kpi_goal_add_target(goal, run->which == 0 ? "A-t" : "B-t", NULL)) ==
            NULL)
        run->mismatches = THREAD_ROUNDS + 1;
    for (int round = 0; round < THREAD_ROUNDS; round++) {
        pthread_barrier_wait(run->barrier);
        int rc;
        if (run->which == 0) {
            rc = kpi_target_set_weight(target, -1);
        } else {
            kpi_target *found;
            rc = (found = kpi_plan_find_target(plan, "B-missing")) ? KPI_OK
                                                                   : kpi_error_code();
        }
        pthread_barrier_wait(run->barrier);
        const char *message = kpi_error_message();
        if (rc != expected || kpi_error_code() != expected || !strstr(message, own) ||
            strstr(message, other))
            run->mismatches++;
    }
    run->code = kpi_error_code();
    snprintf(run->message, sizeof run->message, "%s", kpi_error_message());
    kpi_plan_free(plan);
    return NULL;
}

static void test_thread_local_errors(void **state)
{
    (void)state;
    pthread_barrier_t barrier;
    assert_int_equal(pthread_barrier_init(&barrier, NULL, 2), 0);
    struct thread_run runs[2] = {{&barrier, 0, 0, 0, ""}, {&barrier, 1, 0, 0, ""}};
    pthread_t threads[2];

    /* This thread's own error, which the others must not touch. */
    kpi_error_clear();
    assert_int_equal(kpi_rating_parse(&(kpi_rating){KPI_RATING_NONE}, "good"),
                     KPI_ERR_VALUE);

    for (int i = 0; i < 2; i++)
        assert_int_equal(pthread_create(&threads[i], NULL, thread_main, &runs[i]), 0);
    for (int i = 0; i < 2; i++)
        assert_int_equal(pthread_join(threads[i], NULL), 0);
    pthread_barrier_destroy(&barrier);

    assert_int_equal(runs[0].mismatches, 0);
    assert_int_equal(runs[1].mismatches, 0);
    assert_int_equal(runs[0].code, KPI_ERR_VALUE);
    assert_contains(runs[0].message, "target \"A-t\"");
    assert_contains(runs[0].message, "weight");
    assert_int_equal(runs[1].code, KPI_ERR_NOT_FOUND);
    assert_contains(runs[1].message, "\"B-missing\"");
    assert_int_equal(kpi_error_code(), KPI_ERR_VALUE);
    assert_contains(kpi_error_message(), "good");
}

/* ---- Policy -------------------------------------------------------------- */

static void test_policy_defaults(void **state)
{
    (void)state;
    kpi_policy *policy = NULL;
    OK(kpi_policy_new(&policy));
    assert_non_null(policy);
    assert_double_is(kpi_policy_ahead(policy), 1.10);
    assert_double_is(kpi_policy_on_track(policy), 0.95);
    assert_int_equal(kpi_policy_rollup(policy), KPI_ROLLUP_CRITERIA);
    assert_int_equal(kpi_policy_use_assessments(policy), 1);
    kpi_policy_free(policy);
}

static void test_policy_setters(void **state)
{
    (void)state;
    kpi_policy *policy;
    OK(kpi_policy_new(&policy));
    OK(kpi_policy_set_thresholds(policy, 1.2, 0.9));
    assert_double_is(kpi_policy_ahead(policy), 1.2);
    assert_double_is(kpi_policy_on_track(policy), 0.9);
    OK(kpi_policy_set_thresholds(policy, 1, 1)); /* on-track == ahead is allowed */
    assert_double_is(kpi_policy_ahead(policy), 1);
    assert_double_is(kpi_policy_on_track(policy), 1);
    CHECK_ENUM_ROUND_TRIP(policy, kpi_policy_rollup, kpi_policy_set_rollup, kpi_rollup,
                          KPI_ROLLUP_WEIGHTED);
    OK(kpi_policy_set_use_assessments(policy, 0));
    assert_int_equal(kpi_policy_use_assessments(policy), 0);
    OK(kpi_policy_set_use_assessments(policy, 5)); /* any non-zero value is yes */
    assert_int_equal(kpi_policy_use_assessments(policy), 1);
    OK(kpi_policy_set_use_assessments(policy, -1));
    assert_int_equal(kpi_policy_use_assessments(policy), 1);
    kpi_policy_free(policy);
}

static void test_policy_refused(void **state)
{
    (void)state;
    kpi_policy *policy;
    OK(kpi_policy_new(&policy));
    OK(kpi_policy_set_thresholds(policy, 1.2, 0.9));
    OK(kpi_policy_set_rollup(policy, KPI_ROLLUP_WORST));
    static const double bad[][2] = {
        {1.0, 1.1},                         /* on-track above ahead */
        {1.1, 0},                           /* on-track 0 */
        {1.1, -0.5},                        /* on-track negative */
        {0, 0},                             /* both 0 */
        {NAN, 0.95},                        /* NaN */
        {1.1, NAN},       {INFINITY, 0.95}, /* infinite */
        {1.1, -INFINITY},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        REFUSED(KPI_ERR_VALUE, kpi_policy_set_thresholds(policy, bad[i][0], bad[i][1]));
        assert_double_is(kpi_policy_ahead(policy), 1.2);
        assert_double_is(kpi_policy_on_track(policy), 0.9);
    }
    CHECK_ENUM_REFUSED(policy, kpi_policy_rollup, kpi_policy_set_rollup, kpi_rollup, 3);
    CHECK_ENUM_REFUSED(policy, kpi_policy_rollup, kpi_policy_set_rollup, kpi_rollup, -1);
    assert_int_equal(kpi_policy_rollup(policy), KPI_ROLLUP_WORST);

    /* A NULL policy: getters give NaN, setters KPI_ERR_ARGUMENT. */
    REFUSED(KPI_ERR_ARGUMENT, kpi_policy_new(NULL));
    NULL_HANDLE(assert_nan(kpi_policy_ahead(NULL)));
    NULL_HANDLE(assert_nan(kpi_policy_on_track(NULL)));
    REFUSED(KPI_ERR_ARGUMENT, kpi_policy_set_thresholds(NULL, 1.1, 0.95));
    REFUSED(KPI_ERR_ARGUMENT, kpi_policy_set_rollup(NULL, KPI_ROLLUP_CRITERIA));
    REFUSED(KPI_ERR_ARGUMENT, kpi_policy_set_use_assessments(NULL, 1));
    kpi_policy_free(policy);
}

/* ---- Main ---------------------------------------------------------------- */

#define FIXTURE_TEST(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

/* The stable names plan files and reports use. */
static void test_kind_and_direction_names(void **state)
{
    (void)state;
    assert_string_equal(kpi_kind_name(KPI_KIND_NUMERIC), "numeric");
    assert_string_equal(kpi_kind_name(KPI_KIND_MILESTONE), "milestone");
    assert_string_equal(kpi_kind_name(KPI_KIND_QUALITATIVE), "qualitative");
    assert_string_equal(kpi_kind_name((kpi_kind)3), "");
    assert_string_equal(kpi_kind_name((kpi_kind)-1), "");
    assert_string_equal(kpi_direction_name(KPI_DIRECTION_INCREASE), "increase");
    assert_string_equal(kpi_direction_name(KPI_DIRECTION_DECREASE), "decrease");
    assert_string_equal(kpi_direction_name((kpi_direction)2), "");
}

/* kpi_file_write replaces a file whole, or reports why it could not. */
static void test_file_write(void **state)
{
    (void)state;
    char dir[] = "/tmp/kpi-file-write-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[64];
    snprintf(path, sizeof path, "%s/out.txt", dir);
    assert_int_equal(kpi_file_write(path, "first", 5), KPI_OK);
    assert_int_equal(kpi_file_write(path, "second!", 7), KPI_OK);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char buf[16] = "";
    assert_int_equal(fread(buf, 1, sizeof buf, f), 7);
    fclose(f);
    assert_string_equal(buf, "second!");
    assert_int_equal(kpi_file_write(NULL, "x", 1), KPI_ERR_ARGUMENT);
    assert_int_equal(kpi_file_write(path, NULL, 1), KPI_ERR_ARGUMENT);
    char missing[96];
    snprintf(missing, sizeof missing, "%s/no/such/dir/out.txt", dir);
    assert_int_equal(kpi_file_write(missing, "x", 1), KPI_ERR_IO);
    assert_non_null(strstr(kpi_error_message(), missing));
    assert_int_equal(remove(path), 0);
    assert_int_equal(rmdir(dir), 0); /* no temporary file was left behind */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kind_and_direction_names),
        cmocka_unit_test(test_file_write),
        /* Version, creation and release */
        cmocka_unit_test(test_version),
        cmocka_unit_test(test_free_null_does_nothing),
        cmocka_unit_test(test_plan_new_and_free),
        cmocka_unit_test(test_plan_new_refused),
        /* Getters and setters */
        FIXTURE_TEST(test_plan_fields_round_trip),
        FIXTURE_TEST(test_goal_fields_round_trip),
        FIXTURE_TEST(test_target_fields_round_trip),
        FIXTURE_TEST(test_measurement_fields_round_trip),
        FIXTURE_TEST(test_measurement_order_kept),
        FIXTURE_TEST(test_assessment_fields_round_trip),
        FIXTURE_TEST(test_getter_strings_stay_valid),
        FIXTURE_TEST(test_optional_strings_clear),
        FIXTURE_TEST(test_optional_numbers_clear),
        FIXTURE_TEST(test_optional_dates_clear),
        cmocka_unit_test(test_defaults),
        FIXTURE_TEST(test_plan_fiscal_year),
        FIXTURE_TEST(test_plan_period_refused),
        /* The goal tree */
        cmocka_unit_test(test_tree_nesting),
        cmocka_unit_test(test_tree_order_and_counts),
        FIXTURE_TEST(test_index_out_of_range),
        /* Codes */
        FIXTURE_TEST(test_code_duplicate_goal_goal),
        FIXTURE_TEST(test_code_duplicate_goal_target),
        FIXTURE_TEST(test_code_duplicate_target_target),
        FIXTURE_TEST(test_code_empty),
        FIXTURE_TEST(test_code_too_long),
        FIXTURE_TEST(test_code_copied),
        FIXTURE_TEST(test_find_by_code),
        FIXTURE_TEST(test_find_not_found),
        FIXTURE_TEST(test_goal_set_code_reindexes),
        FIXTURE_TEST(test_target_set_code_reindexes),
        FIXTURE_TEST(test_set_code_refuses_taken),
        FIXTURE_TEST(test_code_lookup_stress),
        /* Depth limit and stable handles */
        cmocka_unit_test(test_depth_limit),
        FIXTURE_TEST(test_measurement_handles_stable),
        FIXTURE_TEST(test_assessment_handles_stable),
        FIXTURE_TEST(test_goal_target_handles_stable),
        /* Values refused when recorded */
        FIXTURE_TEST(test_measurement_value_refused),
        FIXTURE_TEST(test_milestone_value_refused),
        FIXTURE_TEST(test_set_kind_milestone_refused),
        FIXTURE_TEST(test_weight_refused),
        FIXTURE_TEST(test_dates_refused),
        FIXTURE_TEST(test_assessment_rating_refused),
        FIXTURE_TEST(test_enum_refused),
        FIXTURE_TEST(test_target_number_infinite_refused),
        FIXTURE_TEST(test_adders_accept_null_out),
        /* The last error */
        FIXTURE_TEST(test_error_message_names_object),
        FIXTURE_TEST(test_error_source_empty_for_api_errors),
        cmocka_unit_test(test_error_clear),
        FIXTURE_TEST(test_error_kept_by_success),
        cmocka_unit_test(test_error_names),
        /* NULL handles */
        cmocka_unit_test(test_null_plan_functions),
        cmocka_unit_test(test_null_goal_functions),
        cmocka_unit_test(test_null_target_functions),
        cmocka_unit_test(test_null_measurement_assessment_functions),
        FIXTURE_TEST(test_null_arguments),
        /* Ratings */
        cmocka_unit_test(test_rating_texts),
        cmocka_unit_test(test_rating_parse_accepts),
        cmocka_unit_test(test_rating_parse_refuses),
        cmocka_unit_test(test_unrated_texts),
        /* Notes */
        FIXTURE_TEST(test_plan_notes),
        FIXTURE_TEST(test_goal_notes),
        FIXTURE_TEST(test_note_empty_text_refused),
        /* Threads */
        cmocka_unit_test(test_thread_local_errors),
        /* Policy */
        cmocka_unit_test(test_policy_defaults),
        cmocka_unit_test(test_policy_setters),
        cmocka_unit_test(test_policy_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
