/* Tests of the names and texts of ratings and enumerations, and of the
 * policy: each rating's symbol, name and label in Japanese and English,
 * parsing the eight spellings of a rating (and refusing look-alikes), the
 * names and labels of the unrated reasons, the names of kinds and
 * directions, and the policy's defaults, setters and refusals.
 *
 * Every expectation comes from the header comments of include/kpi.h and
 * include/kpi/ and from the "Model" section of the evaluation contract, not
 * from the implementation. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "kpi.h"
#include "check.h"
#include "model_support.h"
#include "util/status_words.h" /* the words the readers accept */

/* ---- UTF-8 spellings ----------------------------------------------------- */

#define SYM_AHEAD "\xe2\x97\x8e"        /* ◎ U+25CE */
#define SYM_ON_TRACK "\xe2\x97\x8b"     /* ○ U+25CB */
#define SYM_BEHIND "\xe2\x96\xb3"       /* △ U+25B3 */
#define SYM_NOT_PROGRESSED "\xc3\x97"   /* × U+00D7 */
#define SYM_LARGE_CIRCLE "\xe2\x97\xaf" /* ◯ U+25EF: looks like ○, is not */

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
        {KPI_UNRATED_CANCELLED, "CANCELLED"},
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

/* ---- Kinds and directions ------------------------------------------------ */

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

/* docs/progress.md lists every status word the readers accept, each in
 * the row of its status (the row of `preparing` holds 検討中, ...), and the
 * first word of each row is the status's label. */
static void test_status_words_documented(void **state)
{
    (void)state;
    FILE *f = fopen("docs/progress.md", "r");
    assert_non_null(f);
    char line[1024];
    char rows[KPI_STATUS_CANCELLED + 1][1024] = {{0}};
    while (fgets(line, sizeof line, f)) {
        for (int s = KPI_STATUS_NOT_STARTED; s <= KPI_STATUS_CANCELLED; s++) {
            char start[64];
            snprintf(start, sizeof start, "| `%s` | `KPI_STATUS_",
                     kpi_status_name((kpi_status)s));
            if (strncmp(line, start, strlen(start)) == 0)
                memcpy(rows[s], line, sizeof line);
        }
    }
    fclose(f);
    for (const kpi__status_word *w = kpi__status_words; w->word; w++) {
        char word[64];
        snprintf(word, sizeof word, " %s ", w->word);
        if (!strstr(rows[w->status], word))
            fail_msg("%s (%s) is not in docs/progress.md's row of its status", w->word,
                     kpi_status_name(w->status));
    }
    for (int s = KPI_STATUS_NOT_STARTED; s <= KPI_STATUS_CANCELLED; s++) {
        const char *words = strrchr(rows[s], '|');
        assert_non_null(words);
        *(char *)words = '\0'; /* the last cell: the words */
        words = strrchr(rows[s], '|') + 2;
        assert_memory_equal(words, kpi_status_label((kpi_status)s, KPI_LANG_JA),
                            strlen(kpi_status_label((kpi_status)s, KPI_LANG_JA)));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rating_texts),
        cmocka_unit_test(test_rating_parse_accepts),
        cmocka_unit_test(test_rating_parse_refuses),
        cmocka_unit_test(test_unrated_texts),
        cmocka_unit_test(test_kind_and_direction_names),
        cmocka_unit_test(test_policy_defaults),
        cmocka_unit_test(test_policy_setters),
        cmocka_unit_test(test_policy_refused),
        cmocka_unit_test(test_status_words_documented),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
