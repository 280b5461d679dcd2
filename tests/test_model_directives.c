/* Directives (指示事項) in the model, kpi/progress.h: adding them to a plan,
 * counting, indexing and finding them, their codes sharing the plan's
 * namespace with goals and targets, every getter and setter (the issuer
 * defaulting to 市長), the goals they are addressed to, their responses
 * (updates), and every error the header documents, each leaving the plan
 * as it was. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>

#include "kpi.h"
#include "model/model.h" /* kpi__directive_address_work() */
#include "model_support.h"

#define BAD_UTF8 "\xE6\x97" /* a truncated 日 */
#define TEXT "空き家対策を強化すること"

static kpi_directive *add(struct fixture *f, const char *code)
{
    kpi_directive *d = kpi_plan_add_directive(f->plan, code, TEXT);
    assert_non_null(d);
    return d;
}

/* ---- Adding, counting, indexing, finding --------------------------------- */

/* Directives come back in the order added, code and text copied, found by
 * code; a new one has no date, no goals, no responses, issuer 市長. */
static void add_count_at_find(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(kpi_plan_directive_count(f->plan), 0);
    char code[] = "市長-1";
    char text[] = "移住相談の体制を\n見直すこと";
    kpi_directive *a = kpi_plan_add_directive(f->plan, code, text);
    assert_non_null(a);
    memset(code, 'X', sizeof code - 1);
    memset(text, 'X', sizeof text - 1);
    kpi_directive *b = add(f, "D2");
    assert_int_equal(kpi_plan_directive_count(f->plan), 2);
    assert_ptr_equal(kpi_plan_directive_at(f->plan, 0), a);
    assert_ptr_equal(kpi_plan_directive_at(f->plan, 1), b);
    OUT_OF_RANGE(kpi_plan_directive_at(f->plan, 2));
    assert_string_equal(kpi_directive_code(a), "市長-1");
    assert_string_equal(kpi_directive_text(a), "移住相談の体制を\n見直すこと");
    assert_string_equal(kpi_directive_issuer(a), "市長");
    assert_int_equal(kpi_directive_date(a), 0);
    assert_int_equal(kpi_directive_goal_count(a), 0);
    assert_int_equal(kpi_directive_update_count(a), 0);
    assert_ptr_equal(kpi_plan_find_directive(f->plan, "市長-1"), a);
    assert_ptr_equal(kpi_plan_find_directive(f->plan, "D2"), b);
    /* Not goals or targets, and they are not found as such. */
    REFUSED_NULL(KPI_ERR_NOT_FOUND, kpi_plan_find_directive(f->plan, "3"));
    REFUSED_NULL(KPI_ERR_NOT_FOUND, kpi_plan_find_directive(f->plan, "3-2-a"));
    REFUSED_NULL(KPI_ERR_NOT_FOUND, kpi_plan_find_directive(f->plan, "d2"));
    REFUSED_NULL(KPI_ERR_NOT_FOUND, kpi_plan_find_goal(f->plan, "D2"));
    REFUSED_NULL(KPI_ERR_NOT_FOUND, kpi_plan_find_target(f->plan, "D2"));
    assert_int_equal(kpi_plan_total_goal_count(f->plan), 2);
    assert_int_equal(kpi_plan_total_target_count(f->plan), 1);
    REFUSED_NULL(KPI_ERR_ARGUMENT, kpi_plan_find_directive(NULL, "D2"));
    REFUSED_NULL(KPI_ERR_ARGUMENT, kpi_plan_find_directive(f->plan, NULL));
}

/* One namespace of codes: a directive cannot take a goal's, a target's or
 * another directive's code, nor a goal or target a directive's (added or
 * renamed to it). Each refusal leaves the plan as it was. */
static void codes_clash(void **state)
{
    struct fixture *f = *state;
    add(f, "D1");
    struct counts before = count_all(f);
    REFUSED_NULL(KPI_ERR_DUPLICATE, kpi_plan_add_directive(f->plan, "3", TEXT));
    assert_int_equal(kpi_plan_error_code(f->plan), KPI_ERR_DUPLICATE);
    REFUSED_NULL(KPI_ERR_DUPLICATE, kpi_plan_add_directive(f->plan, "3-2", TEXT));
    REFUSED_NULL(KPI_ERR_DUPLICATE, kpi_plan_add_directive(f->plan, "3-2-a", TEXT));
    REFUSED_NULL(KPI_ERR_DUPLICATE, kpi_plan_add_directive(f->plan, "D1", "other"));
    REFUSED_NULL(KPI_ERR_DUPLICATE, kpi_plan_add_goal(f->plan, "D1", "goal"));
    REFUSED_NULL(KPI_ERR_DUPLICATE, kpi_goal_add_goal(f->goal, "D1", "goal"));
    REFUSED_NULL(KPI_ERR_DUPLICATE, kpi_goal_add_target(f->sub, "D1", "target"));
    REFUSED(KPI_ERR_DUPLICATE, kpi_goal_set_code(f->sub, "D1"));
    REFUSED(KPI_ERR_DUPLICATE, kpi_target_set_code(f->target, "D1"));
    assert_counts_equal(before, count_all(f));
    assert_int_equal(kpi_plan_directive_count(f->plan), 1);
    assert_string_equal(kpi_directive_text(kpi_plan_find_directive(f->plan, "D1")), TEXT);
    assert_string_equal(kpi_goal_code(f->sub), "3-2");
    assert_string_equal(kpi_target_code(f->target), "3-2-a");
    /* The plan id is no object's code. */
    assert_non_null(kpi_plan_add_directive(f->plan, "P", TEXT));
}

/* Refusals when adding: NULL plan or code ARGUMENT; empty or too long code,
 * empty or NULL text VALUE; bad UTF-8 ENCODING. The plan is unchanged. */
static void add_errors(void **state)
{
    struct fixture *f = *state;
    REFUSED_NULL(KPI_ERR_ARGUMENT, kpi_plan_add_directive(NULL, "D", TEXT));
    REFUSED_NULL(KPI_ERR_ARGUMENT, kpi_plan_add_directive(f->plan, NULL, TEXT));
    assert_int_equal(kpi_plan_error_code(f->plan), KPI_ERR_ARGUMENT);
    REFUSED_NULL(KPI_ERR_VALUE, kpi_plan_add_directive(f->plan, "", TEXT));
    char *longest = make_code(KPI_MAX_CODE);
    char *too_long = make_code(KPI_MAX_CODE + 1);
    REFUSED_NULL(KPI_ERR_LIMIT, kpi_plan_add_directive(f->plan, too_long, TEXT));
    REFUSED_NULL(KPI_ERR_VALUE, kpi_plan_add_directive(f->plan, "D", ""));
    REFUSED_NULL(KPI_ERR_VALUE, kpi_plan_add_directive(f->plan, "D", NULL));
    assert_int_equal(kpi_plan_error_code(f->plan), KPI_ERR_VALUE);
    REFUSED_NULL(KPI_ERR_ENCODING, kpi_plan_add_directive(f->plan, BAD_UTF8, TEXT));
    REFUSED_NULL(KPI_ERR_ENCODING, kpi_plan_add_directive(f->plan, "D", BAD_UTF8));
    assert_int_equal(kpi_plan_error_code(f->plan), KPI_ERR_ENCODING);
    assert_int_equal(kpi_plan_directive_count(f->plan), 0);
    REFUSED_NULL(KPI_ERR_NOT_FOUND, kpi_plan_find_directive(f->plan, "D"));
    /* KPI_MAX_CODE bytes is a code. */
    kpi_directive *d = kpi_plan_add_directive(f->plan, longest, TEXT);
    assert_non_null(d);
    assert_ptr_equal(kpi_plan_find_directive(f->plan, longest), d);
    test_free(longest);
    test_free(too_long);
}

/* ---- Fields ------------------------------------------------------------------ */

/* The text: copied and replaced; never empty (VALUE); bad UTF-8 refused. */
static void directive_text(void **state)
{
    struct fixture *f = *state;
    kpi_directive *d = add(f, "D");
    CHECK_STRING_ROUND_TRIP(d, kpi_directive_text, kpi_directive_set_text);
    REFUSED(KPI_ERR_VALUE, kpi_directive_set_text(d, ""));
    REFUSED(KPI_ERR_VALUE, kpi_directive_set_text(d, NULL));
    REFUSED(KPI_ERR_ENCODING, kpi_directive_set_text(d, BAD_UTF8));
    assert_int_equal(kpi_plan_error_code(f->plan), KPI_ERR_ENCODING);
    assert_string_equal(kpi_directive_text(d), "second");
}

/* The issuer: 市長 unless set; NULL or "" gives 市長 back; bad UTF-8 is
 * refused and changes nothing. */
static void directive_issuer(void **state)
{
    struct fixture *f = *state;
    kpi_directive *d = add(f, "D");
    assert_string_equal(kpi_directive_issuer(d), "市長");
    CHECK_STRING_ROUND_TRIP(d, kpi_directive_issuer, kpi_directive_set_issuer);
    OK(kpi_directive_set_issuer(d, NULL));
    assert_string_equal(kpi_directive_issuer(d), "市長");
    OK(kpi_directive_set_issuer(d, "副市長"));
    assert_string_equal(kpi_directive_issuer(d), "副市長");
    REFUSED(KPI_ERR_ENCODING, kpi_directive_set_issuer(d, BAD_UTF8));
    assert_string_equal(kpi_directive_issuer(d), "副市長");
    OK(kpi_directive_set_issuer(d, ""));
    assert_string_equal(kpi_directive_issuer(d), "市長");
}

/* The date: unknown (0) by default; any valid date; 0 clears; an invalid
 * one is refused, unchanged. */
static void directive_date(void **state)
{
    struct fixture *f = *state;
    kpi_directive *d = add(f, "D");
    CHECK_DATE_ROUND_TRIP(d, kpi_directive_date, kpi_directive_set_date);
    CHECK_DATE_CLEARS(d, kpi_directive_date, kpi_directive_set_date);
    OK(kpi_directive_set_date(d, 20170601));
    REFUSED(KPI_ERR_DATE, kpi_directive_set_date(d, 20170631));
    REFUSED(KPI_ERR_DATE, kpi_directive_set_date(d, 2017));
    assert_int_equal(kpi_plan_error_code(f->plan), KPI_ERR_DATE);
    assert_int_equal(kpi_directive_date(d), 20170601);
}

/* ---- Goals addressed ----------------------------------------------------------- */

/* Goals at any depth, in the order added; the same goal twice is
 * DUPLICATE, NULL or another plan's goal ARGUMENT; nothing changes. */
static void directive_goals(void **state)
{
    struct fixture *f = *state;
    kpi_directive *d = add(f, "D");
    OK(kpi_directive_add_goal(d, f->sub));
    OK(kpi_directive_add_goal(d, f->goal));
    assert_int_equal(kpi_directive_goal_count(d), 2);
    assert_ptr_equal(kpi_directive_goal_at(d, 0), f->sub);
    assert_ptr_equal(kpi_directive_goal_at(d, 1), f->goal);
    OUT_OF_RANGE(kpi_directive_goal_at(d, 2));
    REFUSED(KPI_ERR_DUPLICATE, kpi_directive_add_goal(d, f->sub));
    assert_int_equal(kpi_plan_error_code(f->plan), KPI_ERR_DUPLICATE);
    REFUSED(KPI_ERR_ARGUMENT, kpi_directive_add_goal(d, NULL));
    kpi_plan *other = NULL;
    OK(kpi_plan_new(&other, "other"));
    kpi_goal *foreign = kpi_plan_add_goal(other, "3-2", "same code, other plan");
    assert_non_null(foreign);
    REFUSED(KPI_ERR_ARGUMENT, kpi_directive_add_goal(d, foreign));
    kpi_plan_free(other);
    assert_int_equal(kpi_directive_goal_count(d), 2);
    /* Another directive may address the same goal. */
    kpi_directive *e = add(f, "E");
    OK(kpi_directive_add_goal(e, f->sub));
    assert_int_equal(kpi_directive_goal_count(e), 1);
    /* A goal renamed stays addressed. */
    OK(kpi_goal_set_code(f->sub, "3-9"));
    assert_string_equal(kpi_goal_code(kpi_directive_goal_at(d, 0)), "3-9");
    /* ";" separates a directive's goals in the plan file: a goal whose code
     * holds one cannot be addressed, nor an addressed goal take one. */
    REFUSED(KPI_ERR_VALUE, kpi_goal_set_code(f->sub, "3;9"));
    assert_string_equal(kpi_goal_code(f->sub), "3-9");
    kpi_goal *odd = kpi_plan_add_goal(f->plan, "a;b", "odd code");
    assert_non_null(odd);
    REFUSED(KPI_ERR_VALUE, kpi_directive_add_goal(d, odd));
    assert_int_equal(kpi_directive_goal_count(d), 2);
}

/* ---- Responses ---------------------------------------------------------------- */

/* Responses in the order added, with every field of an update; errors as
 * for targets' updates, leaving the directive as it was. */
static void directive_updates(void **state)
{
    struct fixture *f = *state;
    kpi_directive *d = add(f, "D");
    kpi_update *a = kpi_directive_add_update(d, 20170701, "対応を検討中");
    kpi_update *b = kpi_directive_add_update(d, 20170801, NULL);
    assert_non_null(a);
    assert_non_null(b);
    OK(kpi_update_set_status(a, KPI_STATUS_PREPARING, 0));
    OK(kpi_update_set_status(b, KPI_STATUS_DONE, 0));
    OK(kpi_update_set_author(b, "政策企画課"));
    assert_int_equal(kpi_directive_update_count(d), 2);
    assert_ptr_equal(kpi_directive_update_at(d, 0), a);
    assert_ptr_equal(kpi_directive_update_at(d, 1), b);
    OUT_OF_RANGE(kpi_directive_update_at(d, 2));
    assert_string_equal(kpi_update_text(a), "対応を検討中");
    assert_int_equal(kpi_update_status(a), KPI_STATUS_PREPARING);
    assert_int_equal(kpi_update_date(b), 20170801);
    assert_empty(kpi_update_text(b));
    assert_string_equal(kpi_update_author(b), "政策企画課");
    REFUSED_NULL(KPI_ERR_DATE, kpi_directive_add_update(d, 0, "x"));
    assert_int_equal(kpi_plan_error_code(f->plan), KPI_ERR_DATE);
    REFUSED_NULL(KPI_ERR_DATE, kpi_directive_add_update(d, 20170931, "x"));
    REFUSED_NULL(KPI_ERR_ENCODING, kpi_directive_add_update(d, 20170901, BAD_UTF8));
    REFUSED_NULL(KPI_ERR_ARGUMENT, kpi_directive_add_update(NULL, 20170901, "x"));
    assert_int_equal(kpi_directive_update_count(d), 2);
    /* The target's and goals' updates are apart. */
    assert_int_equal(kpi_target_update_count(f->target), 0);
    assert_int_equal(kpi_goal_update_count(f->goal), 0);
}

/* ---- NULL handles ---------------------------------------------------------------- */

static void null_directive(void **state)
{
    (void)state;
    NULL_HANDLE(assert_int_equal(kpi_plan_directive_count(NULL), 0));
    NULL_HANDLE(assert_null(kpi_plan_directive_at(NULL, 0)));
    NULL_HANDLE(assert_empty(kpi_directive_code(NULL)));
    NULL_HANDLE(assert_empty(kpi_directive_text(NULL)));
    NULL_HANDLE(assert_empty(kpi_directive_issuer(NULL)));
    NULL_HANDLE(assert_int_equal(kpi_directive_date(NULL), 0));
    NULL_HANDLE(assert_int_equal(kpi_directive_goal_count(NULL), 0));
    NULL_HANDLE(assert_null(kpi_directive_goal_at(NULL, 0)));
    NULL_HANDLE(assert_int_equal(kpi_directive_update_count(NULL), 0));
    NULL_HANDLE(assert_null(kpi_directive_update_at(NULL, 0)));
    REFUSED(KPI_ERR_ARGUMENT, kpi_directive_set_text(NULL, TEXT));
    REFUSED(KPI_ERR_ARGUMENT, kpi_directive_set_issuer(NULL, "市長"));
    REFUSED(KPI_ERR_ARGUMENT, kpi_directive_set_date(NULL, 20170601));
    REFUSED(KPI_ERR_ARGUMENT, kpi_directive_add_goal(NULL, NULL));
}

/* Many directives with responses and goals, freed with the plan (valgrind
 * checks), and found by code in constant time. */
static void many_directives(void **state)
{
    struct fixture *f = *state;
    char code[32];
    for (int i = 0; i < 2000; i++) {
        snprintf(code, sizeof code, "D%d", i);
        kpi_directive *d = add(f, code);
        OK(kpi_directive_add_goal(d, f->goal));
        assert_non_null(kpi_directive_add_update(d, 20170701, "回答"));
    }
    assert_int_equal(kpi_plan_directive_count(f->plan), 2000);
    assert_string_equal(kpi_directive_code(kpi_plan_find_directive(f->plan, "D1234")),
                        "D1234");
    assert_ptr_equal(kpi_plan_directive_at(f->plan, 1234),
                     kpi_plan_find_directive(f->plan, "D1234"));
}

/* Whether a directive already addresses a goal is found without reading
 * every goal it addresses (or every directive of the goal): adding 20,000
 * goals to one directive, or one goal to 20,000 directives, compares about
 * as many pairs as it adds, where a scan of the list would compare 2 * 10^8.
 * A duplicate is still found, from either side. */
static void addressing_is_linear(void **state)
{
    struct fixture *f = *state;
    enum { N = 20000 };
    char code[32];
    kpi_directive *wide = add(f, "WIDE");
    size_t work = kpi__directive_address_work();
    for (int i = 0; i < N; i++) {
        snprintf(code, sizeof code, "G%d", i);
        kpi_goal *g = kpi_plan_add_goal(f->plan, code, NULL);
        assert_non_null(g);
        OK(kpi_directive_add_goal(wide, g));
        snprintf(code, sizeof code, "D%d", i);
        OK(kpi_directive_add_goal(add(f, code), f->goal));
    }
    assert_true(kpi__directive_address_work() - work <= 2 * N);
    assert_int_equal(kpi_directive_goal_count(wide), N);
    REFUSED(KPI_ERR_DUPLICATE,
            kpi_directive_add_goal(wide, kpi_plan_find_goal(f->plan, "G1234")));
    REFUSED(KPI_ERR_DUPLICATE,
            kpi_directive_add_goal(kpi_plan_find_directive(f->plan, "D1234"), f->goal));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FIXTURE_TEST(add_count_at_find),    FIXTURE_TEST(codes_clash),
        FIXTURE_TEST(add_errors),           FIXTURE_TEST(directive_text),
        FIXTURE_TEST(directive_issuer),     FIXTURE_TEST(directive_date),
        FIXTURE_TEST(directive_goals),      FIXTURE_TEST(directive_updates),
        cmocka_unit_test(null_directive),   FIXTURE_TEST(many_directives),
        FIXTURE_TEST(addressing_is_linear),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
