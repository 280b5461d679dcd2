/* What the test_model_*.c programs share: assertions, the checks every
 * getter/setter pair goes through, and the fixture plan with its counts.
 * Include after cmocka.h. */
#ifndef KPI_TESTS_MODEL_SUPPORT_H
#define KPI_TESTS_MODEL_SUPPORT_H

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "kpi.h"
#include "check.h"

/* A string that is "" and not NULL. */
void assert_empty(const char *s);

/* NaN. */
void assert_nan(double x);

/* Exactly want (which is not NaN). */
void assert_double_is(double got, double want);

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

/* A code of n bytes, all 'c'; the caller frees it with test_free(). */
char *make_code(size_t n);

/* ---- Fixture ------------------------------------------------------------- */

/* Plan "P" with goal "3", its child goal "3-2" and that goal's target
 * "3-2-a" (the codes of the seed's third goal). */
struct fixture {
    kpi_plan *plan;
    kpi_goal *goal;
    kpi_goal *sub;
    kpi_target *target;
};

/* The fixture above, for cmocka_unit_test_setup_teardown(). */
int model_setup(void **state);
int model_teardown(void **state);

#define FIXTURE_TEST(name)                                                               \
    cmocka_unit_test_setup_teardown(name, model_setup, model_teardown)

/* The size of every collection of the fixture, to show a refusal changed
 * nothing. */
struct counts {
    size_t plan_goals, total_goals, total_targets, goal_goals, sub_goals, sub_targets;
};

struct counts count_all(const struct fixture *f);
void assert_counts_equal(struct counts a, struct counts b);

#endif
