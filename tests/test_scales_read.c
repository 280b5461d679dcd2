/*
 * test_scales_read.c: scale files (docs/scales.md, "Files"): the built-in
 * scales read from their files without a warning and say what their
 * sources say; the default scale the rules use is the built-in "ueda";
 * every kind of mistake in a scale file fails with its file, line and
 * column, and each warning names its line; the argument errors.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "kpi.h"

#define HEADER                                                                           \
    "type,id,symbol,name,label_ja,label_en,basis,rollup,class,when,score,goal_min,"      \
    "quantifier,levels,result,status,reason\n"

/* Four levels on a bounds scale, each class once: what the mistakes below
 * change one thing of. */
#define SCALE_ROW "scale,t,,,テスト,test,bounds,worst,,,,,,,,,\n"
#define LEVEL_A "level,,A,a,,,,,ahead,achievement >= 1,,,,,,,\n"
#define LEVEL_B "level,,B,b,,,,,on_track,achievement >= 0.9,,,,,,,\n"
#define LEVEL_C "level,,C,c,,,,,behind,change > 0,,,,,,,\n"
#define LEVEL_D "level,,D,d,,,,,not_progressed,,,,,,,,\n"
#define GOOD HEADER SCALE_ROW LEVEL_A LEVEL_B LEVEL_C LEVEL_D
/* The same levels rolled up by rules (each test adds its rule rows). */
#define RULES HEADER "scale,t,,,,,bounds,rules,,,,,,,,,\n" LEVEL_A LEVEL_B LEVEL_C LEVEL_D

static kpi_scale *read_ok(const char *text)
{
    kpi_scale *scale = NULL;
    int rc = kpi_scale_read_buffer(&scale, text, strlen(text), "t.csv");
    if (rc != KPI_OK)
        fail_msg("%s", kpi_error_message());
    return scale;
}

/* The text fails with code at line and column, and the message says what. */
static void refused(const char *text, int code, int32_t line, const char *column,
                    const char *says)
{
    kpi_scale *scale = (kpi_scale *)1;
    int rc = kpi_scale_read_buffer(&scale, text, strlen(text), "t.csv");
    if (rc != code)
        fail_msg("expected %d, got %d: %s", code, rc, kpi_error_message());
    assert_null(scale);
    assert_string_equal(kpi_error_source(), "t.csv");
    assert_int_equal(kpi_error_line(), line);
    char where[32];
    if (line)
        snprintf(where, sizeof where, "t.csv:%d:", (int)line);
    else
        snprintf(where, sizeof where, "t.csv:");
    if (!strstr(kpi_error_message(), where) || !strstr(kpi_error_message(), says))
        fail_msg("message \"%s\" lacks \"%s\" or \"%s\"", kpi_error_message(), where,
                 says);
    if (column) {
        char quoted[64];
        snprintf(quoted, sizeof quoted, "column \"%s\"", column);
        if (!strstr(kpi_error_message(), quoted))
            fail_msg("message \"%s\" names no %s", kpi_error_message(), quoted);
        assert_true(kpi_error_column() > 0);
    }
}

/* ---- the built-in scales ------------------------------------------------ */

static void test_builtins_read_without_warnings(void **state)
{
    (void)state;
    static const char *const ids[] = {"ueda",        "akiruno",        "kakamigahara",
                                      "nagayo",      "manifesto-abcd", "sano-points",
                                      "chiho-sosei", "fukuoka",        "seisaku-hyoka"};
    assert_int_equal(kpi_scale_builtin_count(), 9);
    for (size_t i = 0; i < 9; i++) {
        assert_string_equal(kpi_scale_builtin_id_at(i), ids[i]);
        kpi_scale *scale = NULL;
        assert_int_equal(kpi_scale_builtin(&scale, ids[i]), KPI_OK);
        assert_string_equal(kpi_scale_id(scale), ids[i]);
        assert_true(*kpi_scale_title(scale, KPI_LANG_JA));
        assert_true(*kpi_scale_title(scale, KPI_LANG_EN));
        if (kpi_scale_warning_count(scale))
            fail_msg("%s: %s", ids[i], kpi_scale_warning_at(scale, 0));
        for (int rating = KPI_RATING_NOT_PROGRESSED; rating <= KPI_RATING_AHEAD; rating++)
            assert_true(kpi_scale_level_of_class(scale, (kpi_rating)rating) >= 0);
        kpi_scale_free(scale);
    }
    assert_string_equal(kpi_scale_builtin_id_at(9), "");
}

static void test_builtin_unknown_id(void **state)
{
    (void)state;
    kpi_scale *scale = (kpi_scale *)1;
    assert_int_equal(kpi_scale_builtin(&scale, "osaka"), KPI_ERR_NOT_FOUND);
    assert_null(scale);
    assert_non_null(strstr(kpi_error_message(), "\"osaka\" is no built-in scale"));
}

/* Each file says what its source says: levels in order with their symbols. */
static void expect_levels(const char *id, const char *const *symbols, size_t count)
{
    kpi_scale *scale = NULL;
    assert_int_equal(kpi_scale_builtin(&scale, id), KPI_OK);
    assert_int_equal(kpi_scale_level_count(scale), count);
    for (size_t i = 0; i < count; i++)
        assert_string_equal(kpi_scale_level_symbol(scale, i), symbols[i]);
    kpi_scale_free(scale);
}

static void test_builtins_levels_as_published(void **state)
{
    (void)state;
    const char *ueda[] = {"◎", "○", "△", "×"};
    const char *akiruno[] = {"F", "S", "A", "B", "C", "X", "Y"};
    const char *nagayo[] = {"S", "A", "B", "C"};
    const char *manifesto[] = {"A", "B", "C", "D"};
    const char *sano[] = {"7", "6", "5", "4", "3", "2", "1"};
    const char *kakamigahara[] = {"順調に推移", "順調に推移していない"};
    const char *fukuoka[] = {"a", "b", "c"};
    const char *chiho[] = {"非常に効果があった", "相当程度効果があった", "効果があった",
                           "効果がなかった"};
    const char *seisaku[] = {"目標達成", "相当程度進展あり", "進展が大きくない",
                             "目標に向かっていない"};
    expect_levels("chiho-sosei", chiho, 4);
    expect_levels("seisaku-hyoka", seisaku, 4);
    expect_levels("ueda", ueda, 4);
    expect_levels("akiruno", akiruno, 7);
    expect_levels("nagayo", nagayo, 4);
    expect_levels("manifesto-abcd", manifesto, 4);
    expect_levels("sano-points", sano, 7);
    expect_levels("kakamigahara", kakamigahara, 2);
    expect_levels("fukuoka", fukuoka, 3);

    kpi_scale *scale = NULL;
    assert_int_equal(kpi_scale_builtin(&scale, "akiruno"), KPI_OK);
    assert_int_equal(kpi_scale_status_level(scale, KPI_STATUS_DONE), 0);        /* F */
    assert_int_equal(kpi_scale_status_level(scale, KPI_STATUS_NOT_STARTED), 5); /* X */
    assert_int_equal(kpi_scale_status_level(scale, KPI_STATUS_CANCELLED), 6);   /* Y */
    assert_int_equal(kpi_scale_status_level(scale, KPI_STATUS_IN_PROGRESS), -1);
    assert_string_equal(kpi_scale_unrated_symbol(scale, KPI_UNRATED_NO_DATA), "Z");
    assert_string_equal(
        kpi_scale_unrated_label(scale, KPI_UNRATED_QUALITATIVE, KPI_LANG_JA), "評価困難");
    assert_int_equal(kpi_scale_basis(scale), KPI_BASIS_CLASS);
    kpi_scale_free(scale);

    assert_int_equal(kpi_scale_builtin(&scale, "sano-points"), KPI_OK);
    for (size_t i = 0; i < 7; i++)
        assert_true(kpi_scale_level_score(scale, i) == 7.0 - (double)i);
    assert_string_equal(kpi_scale_level_when(scale, 1), "achievement >= 90%");
    assert_int_equal(kpi_scale_basis(scale), KPI_BASIS_BOUNDS);
    kpi_scale_free(scale);

    assert_int_equal(kpi_scale_builtin(&scale, "nagayo"), KPI_OK);
    assert_string_equal(kpi_scale_unrated_symbol(scale, KPI_UNRATED_NO_DATA), "−");
    kpi_scale_free(scale);
}

/* The rules' default scale (made from the rating names) is the shipped
 * file of the seed's ◎○△×, item by item. */
static void test_default_scale_is_the_ueda_file(void **state)
{
    (void)state;
    kpi_plan *plan = NULL;
    kpi_evaluation *ev = NULL;
    assert_int_equal(kpi_plan_new(&plan, "p"), KPI_OK);
    assert_int_equal(kpi_evaluate(&ev, plan, 20170930, NULL), KPI_OK);
    const kpi_scale *d = kpi_evaluation_scale(ev);
    kpi_scale *file = NULL;
    assert_int_equal(kpi_scale_builtin(&file, "ueda"), KPI_OK);
    assert_string_equal(kpi_scale_id(d), kpi_scale_id(file));
    for (int lang = 0; lang < 2; lang++)
        assert_string_equal(kpi_scale_title(d, (kpi_lang)lang),
                            kpi_scale_title(file, (kpi_lang)lang));
    assert_int_equal(kpi_scale_basis(d), kpi_scale_basis(file));
    assert_int_equal(kpi_scale_rollup(d), kpi_scale_rollup(file));
    assert_true(isnan(kpi_scale_ahead(d)) && isnan(kpi_scale_ahead(file)));
    assert_int_equal(kpi_scale_level_count(d), kpi_scale_level_count(file));
    for (size_t i = 0; i < kpi_scale_level_count(d); i++) {
        assert_string_equal(kpi_scale_level_symbol(d, i),
                            kpi_scale_level_symbol(file, i));
        assert_string_equal(kpi_scale_level_name(d, i), kpi_scale_level_name(file, i));
        for (int lang = 0; lang < 2; lang++)
            assert_string_equal(kpi_scale_level_label(d, i, (kpi_lang)lang),
                                kpi_scale_level_label(file, i, (kpi_lang)lang));
        for (int r = KPI_RATING_NOT_PROGRESSED; r <= KPI_RATING_AHEAD; r++)
            assert_int_equal(kpi_scale_level_has_class(d, i, (kpi_rating)r),
                             kpi_scale_level_has_class(file, i, (kpi_rating)r));
        assert_true(kpi_scale_level_score(d, i) == kpi_scale_level_score(file, i));
        assert_true(kpi_scale_level_goal_min(d, i) == kpi_scale_level_goal_min(file, i));
    }
    assert_int_equal(kpi_scale_rule_count(d), kpi_scale_rule_count(file));
    for (size_t i = 0; i < kpi_scale_rule_count(d); i++) {
        assert_int_equal(kpi_scale_rule_quantifier(d, i),
                         kpi_scale_rule_quantifier(file, i));
        assert_int_equal(kpi_scale_rule_result(d, i), kpi_scale_rule_result(file, i));
        for (size_t l = 0; l < 4; l++)
            assert_int_equal(kpi_scale_rule_has_level(d, i, l),
                             kpi_scale_rule_has_level(file, i, l));
    }
    kpi_scale_free(file);
    kpi_evaluation_free(ev);
    kpi_plan_free(plan);
}

/* ---- reading --------------------------------------------------------------- */

static void test_read_a_scale(void **state)
{
    (void)state;
    kpi_scale *s = read_ok(
        HEADER
        "comment,,,,,,,,,,,,,,,,\n"
        "scale,t,,,テスト,test,bounds,rules,,,,,,,,,\n" LEVEL_A LEVEL_B LEVEL_C LEVEL_D
        "rule,,,,,,,,,,,,any,D C,C,,\n"
        "rule,,,,,,,,,,,,otherwise,,A,,\n"
        "status,,,,,,,,,,,,,,D,中止,\n"
        "unrated,,−,,評価できない,n/a,,,,,,,,,,,*\n"
        "unrated,,?,,未到来,not due,,,,,,,,,,,NOT_DUE\n");
    assert_string_equal(kpi_scale_id(s), "t");
    assert_string_equal(kpi_scale_title(s, KPI_LANG_JA), "テスト");
    assert_int_equal(kpi_scale_rollup(s), KPI_LEVEL_ROLLUP_RULES);
    assert_int_equal(kpi_scale_level_find(s, "B"), 1);
    assert_int_equal(kpi_scale_level_find(s, "c"), 2);
    assert_int_equal(kpi_scale_level_find(s, "Z"), -1);
    assert_int_equal(kpi_scale_rule_count(s), 2);
    assert_int_equal(kpi_scale_rule_quantifier(s, 0), KPI_QUANTIFIER_ANY);
    assert_true(kpi_scale_rule_has_level(s, 0, 3) && kpi_scale_rule_has_level(s, 0, 2));
    assert_false(kpi_scale_rule_has_level(s, 0, 0));
    assert_int_equal(kpi_scale_rule_result(s, 0), 2);
    assert_int_equal(kpi_scale_rule_result(s, 1), 0);
    assert_int_equal(kpi_scale_status_level(s, KPI_STATUS_CANCELLED), 3);
    assert_string_equal(kpi_scale_unrated_symbol(s, KPI_UNRATED_NO_DATA), "−");
    assert_string_equal(kpi_scale_unrated_symbol(s, KPI_UNRATED_NOT_DUE), "?");
    assert_string_equal(kpi_scale_unrated_label(s, KPI_UNRATED_NOT_DUE, KPI_LANG_EN),
                        "not due");
    assert_int_equal(kpi_scale_warning_count(s), 0);
    assert_int_equal(kpi_scale_level_of_class(s, KPI_RATING_BEHIND), 2);
    assert_int_equal(kpi_scale_level_of_class(s, KPI_RATING_NONE), -1);
    kpi_scale_free(s);
}

static void test_read_percent_and_thresholds(void **state)
{
    (void)state;
    kpi_scale *s = read_ok("type,id,basis,ahead,on_track,symbol,class,when\n"
                           "scale,x,bounds,1.2,0.9,,,\n"
                           "level,,,,,S,ahead on_track,achievement >= 95% and pace > 1\n"
                           "level,,,,,T,behind not_progressed,\n");
    assert_true(kpi_scale_ahead(s) == 1.2 && kpi_scale_on_track(s) == 0.9);
    assert_string_equal(kpi_scale_level_name(s, 0), "S"); /* the symbol when no name */
    assert_true(kpi_scale_level_has_class(s, 0, KPI_RATING_AHEAD));
    assert_true(kpi_scale_level_has_class(s, 0, KPI_RATING_ON_TRACK));
    assert_false(kpi_scale_level_has_class(s, 0, KPI_RATING_BEHIND));
    kpi_scale_free(s);
}

/* ---- mistakes, each with file:line and column --------------------------------- */

static void test_condition_mistakes(void **state)
{
    (void)state;
    refused(HEADER SCALE_ROW
            "level,,A,a,,,,,ahead,speed >= 1,,,,,,,\n" LEVEL_B LEVEL_C LEVEL_D,
            KPI_ERR_VALUE, 3, "when", "unknown measure \"speed\"");
    refused(HEADER SCALE_ROW
            "level,,A,a,,,,,ahead,pace => 1,,,,,,,\n" LEVEL_B LEVEL_C LEVEL_D,
            KPI_ERR_VALUE, 3, "when", "unknown operator \"=>\"");
    refused(HEADER SCALE_ROW
            "level,,A,a,,,,,ahead,pace >= lots,,,,,,,\n" LEVEL_B LEVEL_C LEVEL_D,
            KPI_ERR_VALUE, 3, "when", "not a number: \"lots\"");
    refused(HEADER SCALE_ROW
            "level,,A,a,,,,,ahead,pace >= 1 or pace < 2,,,,,,,\n" LEVEL_B LEVEL_C LEVEL_D,
            KPI_ERR_VALUE, 3, "when", "unexpected \"or\"");
    refused(HEADER "scale,t,,,,,class,worst,,,,,,,,,\n" LEVEL_A LEVEL_B LEVEL_C LEVEL_D,
            KPI_ERR_VALUE, 3, "when", "conditions need basis bounds");
}

static void test_class_mistakes(void **state)
{
    (void)state;
    refused(HEADER SCALE_ROW LEVEL_A LEVEL_B
            "level,,C,c,,,,,behind ahead,,,,,,,,\n" LEVEL_D,
            KPI_ERR_VALUE, 5, "class", "class ahead is tagged twice (also on line 3)");
    refused(HEADER SCALE_ROW LEVEL_A LEVEL_B "level,,C,c,,,,,,,,,,,,,\n" LEVEL_D,
            KPI_ERR_VALUE, 2, NULL, "class behind is tagged on no level");
    refused(HEADER SCALE_ROW LEVEL_A LEVEL_B "level,,C,c,,,,,late,,,,,,,,\n" LEVEL_D,
            KPI_ERR_VALUE, 5, "class", "\"late\" is no class");
}

static void test_level_mistakes(void **state)
{
    (void)state;
    refused(HEADER SCALE_ROW LEVEL_A LEVEL_B LEVEL_C LEVEL_D "level,,B,e,,,,,,,,,,,,,\n",
            KPI_ERR_VALUE, 7, "symbol", "repeats the symbol or name of line 4");
    refused(HEADER SCALE_ROW "level,,,x,,,,,,,,,,,,,\n", KPI_ERR_VALUE, 3, "symbol",
            "a level needs a symbol");
    refused(HEADER SCALE_ROW, KPI_ERR_VALUE, 2, NULL, "no \"level\" rows");
    char many[4096];
    size_t n = (size_t)snprintf(many, sizeof many, "%s", HEADER SCALE_ROW);
    for (int i = 0; i < 17; i++)
        n += (size_t)snprintf(many + n, sizeof many - n, "level,,L%d,,,,,,,,,,,,,,\n", i);
    refused(many, KPI_ERR_LIMIT, 19, NULL, "at most 16 levels");
    refused(HEADER SCALE_ROW "level,,A,a,,,,,ahead,,high,,,,,,\n", KPI_ERR_VALUE, 3,
            "score", "\"high\" is not a number");
}

static void test_scale_row_mistakes(void **state)
{
    (void)state;
    refused(HEADER LEVEL_A LEVEL_B LEVEL_C LEVEL_D, KPI_ERR_VALUE, 0, NULL,
            "no \"scale\" row");
    refused(HEADER SCALE_ROW SCALE_ROW LEVEL_A, KPI_ERR_VALUE, 3, "type",
            "a second \"scale\" row (the first is line 2)");
    refused(HEADER "scale,,,,,,,,,,,,,,,,\n" LEVEL_A, KPI_ERR_VALUE, 2, "id", "no id");
    refused(HEADER "scale,t,,,,,range,,,,,,,,,,\n", KPI_ERR_VALUE, 2, "basis",
            "\"range\" is no basis");
    refused(HEADER "scale,t,,,,,,best,,,,,,,,,\n", KPI_ERR_VALUE, 2, "rollup",
            "\"best\" is no roll-up");
    refused(HEADER "grade,,,,,,,,,,,,,,,,\n", KPI_ERR_VALUE, 2, "type",
            "\"grade\" is no row type");
    refused("type,id,ahead,on_track,symbol,class\nscale,t,1.0,1.2,,\n"
            "level,,,,A,ahead on_track behind not_progressed\n",
            KPI_ERR_VALUE, 2, "on_track", "on_track (1.2) is above ahead (1)");
    refused("type,id,ahead,symbol,class\nscale,t,-1,,\n"
            "level,,,A,ahead on_track behind not_progressed\n",
            KPI_ERR_VALUE, 2, "ahead", "above 0");
    refused("", KPI_ERR_PARSE, 1, NULL, "empty");
}

static void test_rollup_mistakes(void **state)
{
    (void)state;
    refused(HEADER "scale,t,,,,,bounds,weighted,,,,,,,,,\n"
                   "level,,A,a,,,,,ahead on_track,,1,0.5,,,,,\n"
                   "level,,B,b,,,,,behind not_progressed,,,,,,,,\n",
            KPI_ERR_VALUE, 4, "score", "level \"B\" has no score");
    refused(HEADER "scale,t,,,,,bounds,weighted,,,,,,,,,\n"
                   "level,,A,a,,,,,ahead on_track,,1,,,,,,\n"
                   "level,,B,b,,,,,behind not_progressed,,0,,,,,,\n",
            KPI_ERR_VALUE, 2, "rollup", "goal_min on at least one level");
    refused(RULES, KPI_ERR_VALUE, 2, "rollup", "needs \"rule\" rows");
    refused(RULES "rule,,,,,,,,,,,,all,A Q,A,,\n", KPI_ERR_VALUE, 7, "levels",
            "\"Q\" names no level");
    refused(RULES "rule,,,,,,,,,,,,all,A,◎,,\n", KPI_ERR_VALUE, 7, "result",
            "\"◎\" names no level");
    refused(RULES "rule,,,,,,,,,,,,most,A,A,,\n", KPI_ERR_VALUE, 7, "quantifier",
            "\"most\" is no quantifier");
    refused(RULES "rule,,,,,,,,,,,,any,,A,,\n", KPI_ERR_VALUE, 7, "levels",
            "an \"any\" rule names no level");
}

static void test_status_and_unrated_mistakes(void **state)
{
    (void)state;
    refused(GOOD "status,,,,,,,,,,,,,,A,finished?,\n", KPI_ERR_VALUE, 7, "status",
            "\"finished?\" is no status");
    refused(GOOD "status,,,,,,,,,,,,,,A,done,\nstatus,,,,,,,,,,,,,,B,完了,\n",
            KPI_ERR_VALUE, 8, "status", "status done is mapped twice");
    refused(GOOD "status,,,,,,,,,,,,,,Z,done,\n", KPI_ERR_VALUE, 7, "result",
            "\"Z\" names no level");
    refused(GOOD "unrated,,−,,,,,,,,,,,,,,LATE\n", KPI_ERR_VALUE, 7, "reason",
            "\"LATE\" is no unrated reason");
}

/* ---- warnings ------------------------------------------------------------------ */

static void test_warnings_name_their_lines(void **state)
{
    (void)state;
    /* B (>= 0.9) comes first: C (>= 0.95) can never be reached. */
    kpi_scale *s = read_ok(HEADER SCALE_ROW LEVEL_A LEVEL_B
                           "level,,C,c,,,,,behind,achievement >= 0.95,,,,,,,\n" LEVEL_D);
    assert_int_equal(kpi_scale_warning_count(s), 1);
    assert_non_null(strstr(kpi_scale_warning_at(s, 0), "t.csv:5: level \"C\" is never "
                                                       "reached"));
    assert_non_null(strstr(kpi_scale_warning_at(s, 0), "level \"B\" (line 4)"));
    kpi_scale_free(s);
    /* An earlier "otherwise" shadows every later condition; a narrower one
     * (a second bound) does not shadow a wider one. */
    s = read_ok(HEADER SCALE_ROW
                "level,,A,a,,,,,ahead,achievement >= 1 and pace > 1,,,,,,,\n"
                "level,,B,b,,,,,on_track,achievement >= 1,,,,,,,\n"
                "level,,D,d,,,,,not_progressed,,,,,,,,\n"
                "level,,C,c,,,,,behind,change > 0,,,,,,,\n");
    assert_int_equal(kpi_scale_warning_count(s), 1);
    assert_non_null(strstr(kpi_scale_warning_at(s, 0), "t.csv:6: level \"C\""));
    kpi_scale_free(s);
}

static void test_warning_last_rule_and_unknown_column(void **state)
{
    (void)state;
    kpi_scale *s =
        read_ok("type,id,basis,rollup,symbol,class,quantifier,levels,result,colour\n"
                "scale,t,class,rules,,,,,,\n"
                "level,,,,A,ahead on_track,,,,red\n"
                "level,,,,B,behind not_progressed,,,,\n"
                "rule,,,,,,all,A,A,\n");
    assert_int_equal(kpi_scale_warning_count(s), 2);
    assert_non_null(strstr(kpi_scale_warning_at(s, 0), "\"colour\" is not known"));
    assert_non_null(strstr(kpi_scale_warning_at(s, 1),
                           "t.csv:5: the last rule is not \"otherwise\""));
    assert_string_equal(kpi_scale_warning_at(s, 2), "");
    kpi_scale_free(s);
}

/* ---- files and arguments ------------------------------------------------------ */

static void test_read_file(void **state)
{
    (void)state;
    kpi_scale *s = NULL;
    assert_int_equal(kpi_scale_read_file(&s, "scales/nagayo.csv"), KPI_OK);
    assert_string_equal(kpi_scale_id(s), "nagayo");
    kpi_scale_free(s);
    s = (kpi_scale *)1;
    assert_int_equal(kpi_scale_read_file(&s, "scales/no-such-scale.csv"), KPI_ERR_IO);
    assert_null(s);
    assert_int_equal(kpi_error_system_errno(), ENOENT);
    assert_int_equal(kpi_scale_read_file(&s, "scales"), KPI_ERR_IO);
    assert_int_equal(kpi_error_system_errno(), EISDIR);
}

static void test_cp932_file(void **state)
{
    (void)state;
    /* "テスト" in CP932: the reader takes a scale file as Excel saves it. */
    const char text[] = "type,id,label_ja,symbol,class\n"
                        "scale,t,\x83\x65\x83\x58\x83\x67,,\n"
                        "level,,,A,ahead on_track behind not_progressed\n";
    kpi_scale *s = NULL;
    assert_int_equal(kpi_scale_read_buffer(&s, text, sizeof text - 1, NULL), KPI_OK);
    assert_string_equal(kpi_scale_title(s, KPI_LANG_JA), "テスト");
    kpi_scale_free(s);
    assert_int_equal(kpi_scale_read_buffer(&s, "\xff\xfe", 2, NULL), KPI_ERR_ENCODING);
    assert_string_equal(kpi_error_source(), "scale");
}

static void test_arguments(void **state)
{
    (void)state;
    kpi_scale *s = NULL;
    assert_int_equal(kpi_scale_read_buffer(NULL, "", 0, NULL), KPI_ERR_ARGUMENT);
    assert_int_equal(kpi_scale_read_buffer(&s, NULL, 3, NULL), KPI_ERR_ARGUMENT);
    assert_int_equal(kpi_scale_read_file(NULL, "x"), KPI_ERR_ARGUMENT);
    assert_int_equal(kpi_scale_read_file(&s, NULL), KPI_ERR_ARGUMENT);
    assert_int_equal(kpi_scale_builtin(NULL, "ueda"), KPI_ERR_ARGUMENT);
    assert_int_equal(kpi_scale_builtin(&s, NULL), KPI_ERR_ARGUMENT);
    kpi_scale_free(NULL);
    /* Getters of NULL and out-of-range indexes give their documented empties. */
    assert_string_equal(kpi_scale_id(NULL), "");
    assert_int_equal(kpi_scale_level_count(NULL), 0);
    assert_true(isnan(kpi_scale_ahead(NULL)));
    assert_int_equal(kpi_scale_level_find(NULL, "A"), -1);
    assert_int_equal(kpi_scale_status_level(NULL, KPI_STATUS_DONE), -1);
    assert_int_equal(kpi_scale_rule_result(NULL, 0), -1);
    assert_int_equal(kpi_scale_warning_count(NULL), 0);
    assert_int_equal(kpi_scale_builtin(&s, "ueda"), KPI_OK);
    assert_string_equal(kpi_scale_level_symbol(s, 4), "");
    assert_string_equal(kpi_scale_level_label(s, 99, KPI_LANG_EN), "");
    assert_true(isnan(kpi_scale_level_score(s, 4)));
    assert_false(kpi_scale_level_has_class(s, 0, KPI_RATING_NONE));
    assert_false(kpi_scale_level_has_class(s, 0, (kpi_rating)9));
    assert_int_equal(kpi_scale_status_level(s, (kpi_status)99), -1);
    assert_string_equal(kpi_scale_unrated_symbol(s, (kpi_unrated)99), "");
    assert_int_equal(kpi_scale_rule_quantifier(s, 99), KPI_QUANTIFIER_OTHERWISE);
    assert_false(kpi_scale_rule_has_level(s, 0, 99));
    assert_int_equal(kpi_scale_level_find(s, NULL), -1);
    /* Another handle on the same scale outlives the first. */
    kpi_scale *again = NULL;
    assert_int_equal(kpi_scale_dup(&again, s), KPI_OK);
    kpi_scale_free(s);
    assert_string_equal(kpi_scale_id(again), "ueda");
    assert_int_equal(kpi_scale_dup(&s, NULL), KPI_ERR_ARGUMENT);
    assert_null(s);
    assert_int_equal(kpi_scale_dup(NULL, again), KPI_ERR_ARGUMENT);
    kpi_scale_free(again);
}

static void test_names(void **state)
{
    (void)state;
    assert_string_equal(kpi_basis_name(KPI_BASIS_CLASS), "class");
    assert_string_equal(kpi_basis_name(KPI_BASIS_BOUNDS), "bounds");
    assert_string_equal(kpi_basis_name((kpi_basis)2), "");
    assert_string_equal(kpi_level_rollup_name(KPI_LEVEL_ROLLUP_WORST), "worst");
    assert_string_equal(kpi_level_rollup_name(KPI_LEVEL_ROLLUP_WEIGHTED), "weighted");
    assert_string_equal(kpi_level_rollup_name(KPI_LEVEL_ROLLUP_RULES), "rules");
    assert_string_equal(kpi_level_rollup_name((kpi_level_rollup)-1), "");
    assert_string_equal(kpi_quantifier_name(KPI_QUANTIFIER_OTHERWISE), "otherwise");
    assert_string_equal(kpi_quantifier_name((kpi_quantifier)3), "");
    assert_string_equal(kpi_level_cause_name(KPI_LEVEL_CAUSE_CONDITION), "condition");
    assert_string_equal(kpi_level_cause_name(KPI_LEVEL_CAUSE_DEFAULT), "default");
    assert_string_equal(kpi_level_cause_name(KPI_LEVEL_CAUSE_NONE), "");
    assert_string_equal(kpi_level_cause_name((kpi_level_cause)7), "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_builtins_read_without_warnings),
        cmocka_unit_test(test_builtin_unknown_id),
        cmocka_unit_test(test_builtins_levels_as_published),
        cmocka_unit_test(test_default_scale_is_the_ueda_file),
        cmocka_unit_test(test_read_a_scale),
        cmocka_unit_test(test_read_percent_and_thresholds),
        cmocka_unit_test(test_condition_mistakes),
        cmocka_unit_test(test_class_mistakes),
        cmocka_unit_test(test_level_mistakes),
        cmocka_unit_test(test_scale_row_mistakes),
        cmocka_unit_test(test_rollup_mistakes),
        cmocka_unit_test(test_status_and_unrated_mistakes),
        cmocka_unit_test(test_warnings_name_their_lines),
        cmocka_unit_test(test_warning_last_rule_and_unknown_column),
        cmocka_unit_test(test_read_file),
        cmocka_unit_test(test_cp932_file),
        cmocka_unit_test(test_arguments),
        cmocka_unit_test(test_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
