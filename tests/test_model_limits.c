/* The model holds to the readers' limits (docs/limits.md), so that a plan
 * the API accepts can always be written and read back: every string
 * setter and every call that adds an object with a text accepts a text of
 * KPI_MAX_FIELD bytes and refuses one byte more with KPI_ERR_LIMIT, its
 * message naming the object's code, the field and the limit, the object
 * unchanged; codes are bounded (KPI_ERR_LIMIT) and refused with a blank at
 * either end, which the readers trim; a goal may not take the plan's id,
 * which the parent column reads as the plan; a directive's goals stay
 * within one field. The randomized property that rests on these is in
 * test_csv_api_round_trip.c. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kpi.h"
#include "model_support.h"

/* One of every object that has a string field. */
struct fx {
    kpi_plan *plan;
    kpi_goal *goal;
    kpi_target *target;
    kpi_measurement *m;
    kpi_assessment *ta, *ga;
    kpi_update *tu, *gu, *du;
    kpi_directive *d;
    char *longest; /* KPI_MAX_FIELD bytes */
    char *over;    /* one byte more */
};

static char *text_of(size_t n)
{
    char *s = test_malloc(n + 1);
    memset(s, 'x', n);
    s[n] = '\0';
    return s;
}

static int setup(void **state)
{
    struct fx *f = test_calloc(1, sizeof *f);
    *state = f;
    if (kpi_plan_new(&f->plan, "P") != KPI_OK)
        return -1;
    f->goal = kpi_plan_add_goal(f->plan, "G", "goal");
    f->target = kpi_goal_add_target(f->goal, "T", "target");
    f->m = kpi_target_add_measurement(f->target, 20170930, 1, NULL);
    f->ta = kpi_target_add_assessment(f->target, 20170930, KPI_RATING_ON_TRACK, NULL);
    f->ga = kpi_goal_add_assessment(f->goal, 20170930, KPI_RATING_ON_TRACK, NULL);
    f->tu = kpi_target_add_update(f->target, 20170930, "u");
    f->gu = kpi_goal_add_update(f->goal, 20170930, "u");
    f->d = kpi_plan_add_directive(f->plan, "D", "directive");
    f->du = kpi_directive_add_update(f->d, 20170930, "u");
    f->longest = text_of(KPI_MAX_FIELD);
    f->over = text_of(KPI_MAX_FIELD + 1);
    return f->du ? 0 : -1;
}

static int teardown(void **state)
{
    struct fx *f = *state;
    kpi_plan_free(f->plan);
    test_free(f->longest);
    test_free(f->over);
    test_free(f);
    return 0;
}

/* The last error names the object by its code, the field and the limit. */
static void assert_names(const char *code, const char *field, const char *limit)
{
    const char *message = kpi_error_message();
    char quoted[KPI_MAX_CODE + 3];
    snprintf(quoted, sizeof quoted, "\"%s\"", code);
    if (!strstr(message, quoted) || !strstr(message, field) || !strstr(message, limit)) {
        print_error("message \"%s\" should name %s, %s and %s\n", message, quoted, field,
                    limit);
        fail();
    }
}

/* ---- Every string setter --------------------------------------------------- */

#define FIELD(obj, type, field)                                                          \
    static int set_##obj##_##field(struct fx *f, const char *v)                          \
    {                                                                                    \
        return kpi_##type##_set_##field(f->obj, v);                                      \
    }                                                                                    \
    static const char *get_##obj##_##field(struct fx *f)                                 \
    {                                                                                    \
        return kpi_##type##_##field(f->obj);                                             \
    }

FIELD(plan, plan, title)
FIELD(plan, plan, organization)
FIELD(plan, plan, department)
FIELD(goal, goal, title)
FIELD(target, target, label)
FIELD(target, target, unit)
FIELD(target, target, text)
FIELD(m, measurement, note)
FIELD(m, measurement, author)
FIELD(ta, assessment, comment)
FIELD(ta, assessment, author)
FIELD(ga, assessment, comment)
FIELD(tu, update, text)
FIELD(tu, update, author)
FIELD(gu, update, text)
FIELD(du, update, author)
FIELD(d, directive, text)
FIELD(d, directive, issuer)

struct field {
    const char *code, *name; /* as the message names them */
    int (*set)(struct fx *, const char *);
    const char *(*get)(struct fx *);
};

#define F(code, name, obj, field) {code, name, set_##obj##_##field, get_##obj##_##field}

static const struct field fields[] = {
    F("P", "title", plan, title),
    F("P", "organization", plan, organization),
    F("P", "department", plan, department),
    F("G", "title", goal, title),
    F("T", "label", target, label),
    F("T", "unit", target, unit),
    F("T", "text", target, text),
    F("T", "measurement note", m, note),
    F("T", "measurement author", m, author),
    F("T", "assessment comment", ta, comment),
    F("T", "assessment author", ta, author),
    F("G", "assessment comment", ga, comment),
    F("T", "update text", tu, text),
    F("T", "update author", tu, author),
    F("G", "update text", gu, text),
    F("D", "update author", du, author),
    F("D", "text", d, text),
    F("D", "issuer", d, issuer),
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static void test_setters_at_the_limit(void **state)
{
    struct fx *f = *state;
    for (size_t i = 0; i < COUNT(fields); i++) {
        const struct field *x = &fields[i];
        OK(x->set(f, f->longest));
        assert_int_equal(strlen(x->get(f)), KPI_MAX_FIELD);
        OK(x->set(f, "before"));
        kpi_error_clear();
        assert_int_equal(x->set(f, f->over), KPI_ERR_LIMIT);
        assert_int_equal(kpi_error_code(), KPI_ERR_LIMIT);
        assert_int_equal(kpi_plan_error_code(f->plan), KPI_ERR_LIMIT);
        assert_names(x->code, x->name, "the limit is 1048576 (KPI_MAX_FIELD)");
        assert_string_equal(x->get(f), "before");
    }
}

/* The case: ten million bytes, refused before anything else
 * happens to them. */
static void test_ten_million_bytes(void **state)
{
    struct fx *f = *state;
    char *huge = text_of(10000000);
    REFUSED(KPI_ERR_LIMIT, kpi_goal_set_title(f->goal, huge));
    assert_string_equal(kpi_error_message(),
                        "goal \"G\": title is 10000000 bytes; the limit is 1048576 "
                        "(KPI_MAX_FIELD)");
    assert_string_equal(kpi_goal_title(f->goal), "goal");
    test_free(huge);
}

/* ---- Every call that adds an object with a text ----------------------------- */

/* Adds one object with text (code for a goal, target or directive);
 * returns whether it was made. */
static int add(struct fx *f, int which, const char *code, const char *text)
{
    switch (which) {
    case 0: return kpi_plan_add_goal(f->plan, code, text) != NULL;
    case 1: return kpi_goal_add_goal(f->goal, code, text) != NULL;
    case 2: return kpi_goal_add_target(f->goal, code, text) != NULL;
    case 3: return kpi_target_add_measurement(f->target, 20170930, 1, text) != NULL;
    case 4: return kpi_target_add_assessment(f->target, 20170930, 1, text) != NULL;
    case 5: return kpi_goal_add_assessment(f->goal, 20170930, 1, text) != NULL;
    case 6: return kpi_target_add_update(f->target, 20170930, text) != NULL;
    case 7: return kpi_goal_add_update(f->goal, 20170930, text) != NULL;
    case 8: return kpi_directive_add_update(f->d, 20170930, text) != NULL;
    case 9: return kpi_plan_add_note(f->plan, NULL, text) == KPI_OK;
    case 10: return kpi_goal_add_note(f->goal, "n", text) == KPI_OK;
    default: return kpi_plan_add_directive(f->plan, code, text) != NULL;
    }
}

/* Everything the calls of add() add to. */
static size_t count(struct fx *f)
{
    return kpi_plan_total_goal_count(f->plan) + kpi_plan_total_target_count(f->plan) +
           kpi_target_measurement_count(f->target) +
           kpi_target_assessment_count(f->target) + kpi_goal_assessment_count(f->goal) +
           kpi_target_update_count(f->target) + kpi_goal_update_count(f->goal) +
           kpi_directive_update_count(f->d) + kpi_plan_note_count(f->plan) +
           kpi_goal_note_count(f->goal) + kpi_plan_directive_count(f->plan);
}

static void test_adders_at_the_limit(void **state)
{
    struct fx *f = *state;
    /* Whom each message names: the new object, or the one added to. */
    static const char *const owners[] = {NULL, NULL, NULL, "T", "T", "G",
                                         "T",  "G",  "D",  "P", "G", NULL};
    for (int which = 0; which < 12; which++) {
        char code[8];
        snprintf(code, sizeof code, "N%d", which);
        size_t before = count(f);
        kpi_error_clear();
        assert_false(add(f, which, code, f->over));
        assert_int_equal(kpi_error_code(), KPI_ERR_LIMIT);
        assert_names(owners[which] ? owners[which] : code, "is 1048577 bytes",
                     "1048576 (KPI_MAX_FIELD)");
        assert_int_equal(count(f), before);
        assert_true(add(f, which, code, f->longest));
        assert_int_equal(count(f), before + 1);
    }
}

/* ---- Codes ---------------------------------------------------------------- */

/* Blanks the readers trim: space, tab, CR, LF, the ideographic space. */
static const char *const blank_codes[] = {" C", "C ", "\tC", "C\t", "\rC",
                                          "C\n", "　C", "C　"};

static void test_codes_with_blanks_at_the_ends(void **state)
{
    struct fx *f = *state;
    for (size_t i = 0; i < COUNT(blank_codes); i++) {
        const char *code = blank_codes[i];
        kpi_plan *plan = NULL;
        REFUSED(KPI_ERR_VALUE, kpi_plan_new(&plan, code));
        assert_null(plan);
        REFUSED(KPI_ERR_VALUE, kpi_plan_set_id(f->plan, code));
        REFUSED_NULL(KPI_ERR_VALUE, kpi_plan_add_goal(f->plan, code, NULL));
        REFUSED_NULL(KPI_ERR_VALUE, kpi_goal_add_goal(f->goal, code, NULL));
        REFUSED_NULL(KPI_ERR_VALUE, kpi_goal_add_target(f->goal, code, NULL));
        REFUSED_NULL(KPI_ERR_VALUE, kpi_plan_add_directive(f->plan, code, "d"));
        REFUSED(KPI_ERR_VALUE, kpi_goal_set_code(f->goal, code));
        REFUSED(KPI_ERR_VALUE, kpi_target_set_code(f->target, code));
        REFUSED(KPI_ERR_VALUE, kpi_plan_add_note(f->plan, code, "note"));
        REFUSED(KPI_ERR_VALUE, kpi_goal_add_note(f->goal, code, "note"));
        assert_string_equal(kpi_plan_id(f->plan), "P");
        assert_string_equal(kpi_goal_code(f->goal), "G");
    }
    assert_int_equal(kpi_plan_note_count(f->plan), 0);
    /* Blanks inside a code are kept by the files, and accepted. */
    assert_non_null(kpi_plan_add_goal(f->plan, "C 1", NULL));
    assert_non_null(kpi_plan_add_goal(f->plan, "C\n2", NULL));
    assert_non_null(kpi_plan_add_goal(f->plan, "C　3", NULL));
}

/* A note's code is a code: bounded, and refused over the bound. */
static void test_note_code_limit(void **state)
{
    struct fx *f = *state;
    char *longest = make_code(KPI_MAX_CODE), *too_long = make_code(KPI_MAX_CODE + 1);
    REFUSED(KPI_ERR_LIMIT, kpi_goal_add_note(f->goal, too_long, "note"));
    assert_names("G", "code is 257 bytes", "the limit is 256 (KPI_MAX_CODE)");
    REFUSED(KPI_ERR_LIMIT, kpi_plan_add_note(f->plan, too_long, "note"));
    assert_int_equal(kpi_goal_note_count(f->goal) + kpi_plan_note_count(f->plan), 0);
    OK(kpi_goal_add_note(f->goal, longest, "note"));
    assert_string_equal(kpi_goal_note_code_at(f->goal, 0), longest);
    test_free(longest);
    test_free(too_long);
}

/* The parent column reads the plan's id as the plan: no goal takes it. */
static void test_goal_code_is_not_the_plan_id(void **state)
{
    struct fx *f = *state;
    REFUSED_NULL(KPI_ERR_DUPLICATE, kpi_plan_add_goal(f->plan, "P", NULL));
    REFUSED_NULL(KPI_ERR_DUPLICATE, kpi_goal_add_goal(f->goal, "P", NULL));
    REFUSED(KPI_ERR_DUPLICATE, kpi_goal_set_code(f->goal, "P"));
    assert_string_equal(kpi_goal_code(f->goal), "G");
    REFUSED(KPI_ERR_DUPLICATE, kpi_plan_set_id(f->plan, "G"));
    assert_string_equal(kpi_plan_id(f->plan), "P");
    /* A target or directive coded so is never read as a parent. */
    assert_non_null(kpi_goal_add_target(f->goal, "Q", NULL));
    OK(kpi_plan_set_id(f->plan, "Q"));
}

/* A directive's goals are one cell of the structure file: their codes and
 * the ";" between them stay within KPI_MAX_FIELD, also when a goal is
 * renamed. 4,080 codes of 256 bytes take 1,048,559 bytes. */
static void test_directive_goals_within_a_field(void **state)
{
    struct fx *f = *state;
    char *code = make_code(KPI_MAX_CODE);
    for (int i = 0; i < 4081; i++) {
        snprintf(code, 8, "%07d", i);
        code[7] = 'c';
        kpi_goal *g = kpi_plan_add_goal(f->plan, code, NULL);
        assert_non_null(g);
        if (i < 4080) {
            OK(kpi_directive_add_goal(f->d, g));
            continue;
        }
        REFUSED(KPI_ERR_LIMIT, kpi_directive_add_goal(f->d, g));
        assert_names("D", "goals", "the limit is 1048576 (KPI_MAX_FIELD)");
        OK(kpi_goal_set_code(g, "short"));
        OK(kpi_directive_add_goal(f->d, g)); /* 1,048,565 bytes */
        OK(kpi_goal_set_code(g, "sixteen-bytes-16"));
        REFUSED(KPI_ERR_LIMIT, kpi_goal_set_code(g, "seventeen-bytes17"));
        assert_string_equal(kpi_goal_code(g), "sixteen-bytes-16");
    }
    assert_int_equal(kpi_directive_goal_count(f->d), 4081);
    test_free(code);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_setters_at_the_limit, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ten_million_bytes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_adders_at_the_limit, setup, teardown),
        cmocka_unit_test_setup_teardown(test_codes_with_blanks_at_the_ends, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_note_code_limit, setup, teardown),
        cmocka_unit_test_setup_teardown(test_goal_code_is_not_the_plan_id, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_directive_goals_within_a_field, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
