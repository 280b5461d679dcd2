/* Directives (指示事項) in an evaluation (/work/shared/spec/progress.md,
 * "Directives and follow-up"; kpi/evaluate.h): results of kind
 * KPI_OBJECT_DIRECTIVE apart from the tree, with their issuer, date and
 * goals; open until a response dated on or before d says done or
 * cancelled; days open as of d; overdue when unanswered for the policy's
 * directive days (90 by default). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "kpi.h"
#include "progress_support.h"

#define ISSUED 20170601 /* 121 days before AS_OF */

static kpi_directive *add_directive(fixture *fx, const char *code, int32_t date)
{
    kpi_directive *d = NULL;
    assert_non_null(
        d = kpi_plan_add_directive(fx->plan, code, "空き家対策を強化すること"));
    assert_ok(kpi_directive_set_date(d, date));
    return d;
}

static kpi_update *respond(kpi_directive *d, int32_t date, kpi_status status,
                           const char *text)
{
    kpi_update *u = kpi_directive_add_update(d, date, text);
    assert_non_null(u);
    if (status != KPI_STATUS_NONE)
        assert_ok(kpi_update_set_status(u, status, 0));
    return u;
}

static int32_t days_before(int32_t date, int32_t days)
{
    int32_t out = 0;
    assert_ok(kpi_date_add_days(&out, date, -days));
    return out;
}

/* What a directive's result copies: code, text as title, issuer (市長 by
 * default), date, the codes of its goals in order; it is found by code,
 * listed apart from the tree, and not rated. */
static void directive_results(void **state)
{
    fixture *fx = *state;
    kpi_goal *child = NULL;
    assert_non_null(child = kpi_goal_add_goal(fx->goal, "G-1", "child"));
    assert_non_null(kpi_plan_add_goal(fx->plan, "H", "other"));
    kpi_directive *d1 = add_directive(fx, "D1", ISSUED);
    assert_ok(kpi_directive_add_goal(d1, fx->goal));
    assert_ok(kpi_directive_add_goal(d1, child));
    kpi_directive *d2 = NULL;
    assert_non_null(d2 = kpi_plan_add_directive(fx->plan, "D2", "全体への指示"));
    assert_ok(kpi_directive_set_issuer(d2, "副市長"));
    evaluate_as_of(fx, AS_OF);

    assert_int_equal(kpi_evaluation_result_count(fx->ev), 4); /* plan, G, G-1, H */
    assert_int_equal(kpi_evaluation_directive_count(fx->ev), 2);
    const kpi_result *r = kpi_evaluation_directive_at(fx->ev, 0);
    assert_non_null(r);
    assert_ptr_equal(kpi_evaluation_find(fx->ev, "D1"), r);
    assert_int_equal(kpi_result_object(r), KPI_OBJECT_DIRECTIVE);
    assert_string_equal(kpi_result_code(r), "D1");
    assert_string_equal(kpi_result_title(r), "空き家対策を強化すること");
    assert_string_equal(kpi_result_issuer(r), "市長");
    assert_int_equal(kpi_result_issued(r), ISSUED);
    assert_int_equal(kpi_result_goal_count(r), 2);
    assert_string_equal(kpi_result_goal_code_at(r, 0), "G");
    assert_string_equal(kpi_result_goal_code_at(r, 1), "G-1");
    REFUSED_NULL(KPI_ERR_RANGE, kpi_result_goal_code_at(r, 2));
    assert_int_equal(kpi_result_rating(r), KPI_RATING_NONE);
    assert_int_equal(kpi_result_open(r), 1);
    assert_int_equal(kpi_result_days_open(r), 121);
    assert_int_equal(kpi_result_overdue(r), 1); /* no response in 121 days */
    assert_int_equal(kpi_result_update_date(r), 0);
    assert_string_equal(kpi_result_update_text(r), "");

    r = kpi_evaluation_directive_at(fx->ev, 1);
    assert_string_equal(kpi_result_code(r), "D2");
    assert_string_equal(kpi_result_issuer(r), "副市長");
    assert_int_equal(kpi_result_issued(r), 0);
    assert_int_equal(kpi_result_goal_count(r), 0); /* the whole plan */
    assert_int_equal(kpi_result_open(r), 1);
    assert_int_equal(kpi_result_days_open(r), -1); /* date unknown */
    assert_int_equal(kpi_result_overdue(r), 0);
    REFUSED_NULL(KPI_ERR_RANGE, kpi_evaluation_directive_at(fx->ev, 2));

    /* Other results carry none of it. */
    const kpi_result *g = result_of(fx, "G");
    assert_string_equal(kpi_result_issuer(g), "");
    assert_int_equal(kpi_result_open(g), 0);
    assert_int_equal(kpi_result_days_open(g), -1);
    assert_int_equal(kpi_result_goal_count(g), 0);

    /* The evaluation is a snapshot: changing the plan does not change it. */
    assert_ok(kpi_directive_set_text(d1, "changed"));
    assert_string_equal(kpi_result_title(kpi_evaluation_directive_at(fx->ev, 0)),
                        "空き家対策を強化すること");
}

/* Open until a response on or before d says done or cancelled; a later
 * response, without a status or with another one, does not reopen it. Any response stops
 * it being overdue. Days open count from its date to d. */
static void open_and_closed(void **state)
{
    fixture *fx = *state;
    kpi_directive *answered = add_directive(fx, "answered", ISSUED);
    respond(answered, 20170701, KPI_STATUS_PREPARING, "対応を検討中");
    kpi_directive *done = add_directive(fx, "done", ISSUED);
    respond(done, 20170701, KPI_STATUS_IN_PROGRESS, "着手");
    respond(done, 20170801, KPI_STATUS_DONE, "対応済");
    respond(done, 20170901, KPI_STATUS_NONE, "その後の経過");
    kpi_directive *cancelled = add_directive(fx, "cancelled", ISSUED);
    respond(cancelled, 20170801, KPI_STATUS_CANCELLED, "取りやめ");
    kpi_directive *text = add_directive(fx, "text", ISSUED);
    respond(text, 20170801, KPI_STATUS_NONE, "回答のみ");
    kpi_directive *again = add_directive(fx, "again", ISSUED);
    respond(again, 20170801, KPI_STATUS_DONE, "対応済");
    respond(again, 20170901, KPI_STATUS_IN_PROGRESS, "追加の取組を実施中");
    evaluate_as_of(fx, AS_OF);

    const kpi_result *r = result_of(fx, "answered");
    assert_int_equal(kpi_result_open(r), 1);
    assert_int_equal(kpi_result_days_open(r), 121);
    assert_int_equal(kpi_result_overdue(r), 0);
    assert_int_equal(kpi_result_update_date(r), 20170701);
    assert_string_equal(kpi_result_update_text(r), "対応を検討中");
    assert_status(r, KPI_STATUS_PREPARING, 0, 20170701);

    r = result_of(fx, "done");
    assert_int_equal(kpi_result_open(r), 0);
    assert_int_equal(kpi_result_days_open(r), -1);
    assert_int_equal(kpi_result_overdue(r), 0);
    assert_status(r, KPI_STATUS_DONE, 0, 20170801);
    assert_string_equal(kpi_result_update_text(r), "その後の経過");

    r = result_of(fx, "cancelled");
    assert_int_equal(kpi_result_open(r), 0);
    assert_int_equal(kpi_result_days_open(r), -1);

    r = result_of(fx, "again"); /* closed on 08-01; the later work stays closed */
    assert_int_equal(kpi_result_open(r), 0);
    assert_status(r, KPI_STATUS_IN_PROGRESS, 0, 20170901);

    r = result_of(fx, "text"); /* answered, without a status: open */
    assert_int_equal(kpi_result_open(r), 1);
    assert_int_equal(kpi_result_overdue(r), 0);
    assert_int_equal(kpi_result_days_open(r), 121);

    /* As of 2017-07-15 the done response is still to come. */
    evaluate_as_of(fx, 20170715);
    r = result_of(fx, "done");
    assert_int_equal(kpi_result_open(r), 1);
    assert_int_equal(kpi_result_days_open(r), 44);
    assert_string_equal(kpi_result_update_text(r), "着手");
    r = result_of(fx, "cancelled");
    assert_int_equal(kpi_result_open(r), 1);
    assert_int_equal(kpi_result_overdue(r), 0); /* 44 days: not yet */
}

/* Overdue: open, no response dated on or before d, and 90 days old by
 * default (a response after d does not count yet); a directive given after
 * d is neither open for some days nor overdue. */
static void overdue_after_policy_days(void **state)
{
    fixture *fx = *state;
    assert_int_equal(kpi_policy_directive_days(fx->policy), 90);
    add_directive(fx, "d89", days_before(AS_OF, 89));
    add_directive(fx, "d90", days_before(AS_OF, 90));
    kpi_directive *late = add_directive(fx, "late-answer", ISSUED);
    respond(late, DAY_AFTER, KPI_STATUS_DONE, "対応済");
    add_directive(fx, "future", DAY_AFTER);
    add_directive(fx, "d60", days_before(AS_OF, 60));
    evaluate_as_of(fx, AS_OF);
    assert_int_equal(kpi_result_days_open(result_of(fx, "d89")), 89);
    assert_int_equal(kpi_result_overdue(result_of(fx, "d89")), 0);
    assert_int_equal(kpi_result_days_open(result_of(fx, "d90")), 90);
    assert_int_equal(kpi_result_overdue(result_of(fx, "d90")), 1);
    const kpi_result *r = result_of(fx, "late-answer");
    assert_int_equal(kpi_result_open(r), 1);
    assert_int_equal(kpi_result_overdue(r), 1);
    assert_int_equal(kpi_result_update_date(r), 0);
    r = result_of(fx, "future");
    assert_int_equal(kpi_result_open(r), 1);
    assert_int_equal(kpi_result_days_open(r), -1);
    assert_int_equal(kpi_result_overdue(r), 0);
    assert_int_equal(kpi_result_overdue(result_of(fx, "d60")), 0);

    /* 30 days: the 60-day-old one is overdue too; 365: none is. */
    assert_ok(kpi_policy_set_directive_days(fx->policy, 30));
    evaluate_as_of(fx, AS_OF);
    assert_int_equal(kpi_result_overdue(result_of(fx, "d60")), 1);
    assert_int_equal(kpi_result_overdue(result_of(fx, "d89")), 1);
    assert_ok(kpi_policy_set_directive_days(fx->policy, 365));
    evaluate_as_of(fx, AS_OF);
    assert_int_equal(kpi_result_overdue(result_of(fx, "d90")), 0);
    assert_int_equal(kpi_result_overdue(result_of(fx, "late-answer")), 0);
    /* A NULL policy is the defaults. */
    kpi_evaluation *ev = NULL;
    assert_ok(kpi_evaluate(&ev, fx->plan, AS_OF, NULL));
    assert_int_equal(kpi_result_overdue(find_in(ev, "d90")), 1);
    assert_int_equal(kpi_result_overdue(find_in(ev, "d60")), 0);
    kpi_evaluation_free(ev);
}

/* The policy's directive days: 1 to 36500; anything else is refused and
 * changes nothing. */
static void policy_directive_days(void **state)
{
    fixture *fx = *state;
    kpi_policy *p = fx->policy;
    assert_ok(kpi_policy_set_directive_days(p, 1));
    assert_int_equal(kpi_policy_directive_days(p), 1);
    assert_ok(kpi_policy_set_directive_days(p, 36500));
    assert_int_equal(kpi_policy_directive_days(p), 36500);
    const int32_t bad[] = {0, -1, 36501, INT32_MAX, INT32_MIN};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        kpi_error_clear();
        assert_int_equal(kpi_policy_set_directive_days(p, bad[i]), KPI_ERR_VALUE);
        assert_int_equal(kpi_error_code(), KPI_ERR_VALUE);
        assert_int_equal(kpi_policy_directive_days(p), 36500);
    }
    kpi_error_clear();
    assert_int_equal(kpi_policy_set_directive_days(NULL, 30), KPI_ERR_ARGUMENT);
    kpi_error_clear();
    assert_int_equal(kpi_policy_directive_days(NULL), 0);
    assert_int_equal(kpi_error_code(), KPI_ERR_ARGUMENT);
    /* The evaluation keeps the days it was made with. */
    evaluate_as_of(fx, AS_OF);
    assert_int_equal(kpi_policy_directive_days(kpi_evaluation_policy(fx->ev)), 36500);
}

/* The directive getters given NULL: their documented value and
 * KPI_ERR_ARGUMENT. */
static void null_results(void **state)
{
    (void)state;
    kpi_error_clear();
    assert_string_equal(kpi_result_issuer(NULL), "");
    assert_int_equal(kpi_error_code(), KPI_ERR_ARGUMENT);
    kpi_error_clear();
    assert_int_equal(kpi_result_issued(NULL), 0);
    assert_int_equal(kpi_error_code(), KPI_ERR_ARGUMENT);
    kpi_error_clear();
    assert_int_equal(kpi_result_open(NULL), 0);
    assert_int_equal(kpi_error_code(), KPI_ERR_ARGUMENT);
    kpi_error_clear();
    assert_int_equal(kpi_result_days_open(NULL), -1);
    assert_int_equal(kpi_error_code(), KPI_ERR_ARGUMENT);
    kpi_error_clear();
    assert_int_equal(kpi_result_overdue(NULL), 0);
    assert_int_equal(kpi_error_code(), KPI_ERR_ARGUMENT);
    kpi_error_clear();
    assert_int_equal(kpi_result_goal_count(NULL), 0);
    assert_int_equal(kpi_error_code(), KPI_ERR_ARGUMENT);
    REFUSED_NULL(KPI_ERR_ARGUMENT, kpi_result_goal_code_at(NULL, 0));
    kpi_error_clear();
    assert_int_equal(kpi_evaluation_directive_count(NULL), 0);
    assert_int_equal(kpi_error_code(), KPI_ERR_ARGUMENT);
    REFUSED_NULL(KPI_ERR_ARGUMENT, kpi_evaluation_directive_at(NULL, 0));
    kpi_error_clear();
    assert_int_equal(kpi_result_status(NULL), KPI_STATUS_NONE);
    assert_int_equal(kpi_error_code(), KPI_ERR_ARGUMENT);
    kpi_error_clear();
    assert_int_equal(kpi_result_planned(NULL), 0);
    assert_int_equal(kpi_error_code(), KPI_ERR_ARGUMENT);
    kpi_error_clear();
    assert_int_equal(kpi_result_status_date(NULL), 0);
    assert_int_equal(kpi_error_code(), KPI_ERR_ARGUMENT);
    kpi_error_clear();
    assert_int_equal(kpi_result_update_date(NULL), 0);
    assert_int_equal(kpi_error_code(), KPI_ERR_ARGUMENT);
    kpi_error_clear();
    assert_string_equal(kpi_result_update_text(NULL), "");
    assert_int_equal(kpi_error_code(), KPI_ERR_ARGUMENT);
    kpi_error_clear();
    assert_int_equal(kpi_result_update_status(NULL), KPI_STATUS_NONE);
    assert_int_equal(kpi_error_code(), KPI_ERR_ARGUMENT);
    kpi_error_clear();
    assert_int_equal(kpi_result_figure_inferred(NULL), 0);
    assert_int_equal(kpi_error_code(), KPI_ERR_ARGUMENT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        PLAN_TEST(directive_results),         PLAN_TEST(open_and_closed),
        PLAN_TEST(overdue_after_policy_days), PLAN_TEST(policy_directive_days),
        cmocka_unit_test(null_results),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
