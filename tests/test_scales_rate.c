/*
 * test_scales_rate.c: rating on a scale (docs/scales.md): every worked
 * example of the contract's table, rated on its built-in scale as of
 * 2017-09-30 (FY2017, f = 183/365); status overrides, unrated results,
 * assessments, a class scale's own thresholds, the goal roll-ups (worst,
 * weighted, rules); results keep their ◎○△× rating on every scale, and the
 * default scale gives every result the level of its rating.
 *
 * Plans are written as the two plan files (docs/csv-format.md), so that
 * each example reads as the contract states it; expected levels are the
 * contract's, never read back from the library.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "kpi.h"

#define AS_OF 20170930
#define STRUCTURE_HEADER                                                                 \
    "type,code,parent,title,kind,direction,value,start_value,due,weight\n"               \
    "plan,P,,test,,,,,,\n"                                                               \
    "goal,G,P,goal,,,,,,\n"

struct rated {
    kpi_plan *plan;
    kpi_scale *scale;
    kpi_evaluation *ev;
};

/* The plan of the two files' bodies rated as of AS_OF on a scale (a
 * built-in id, scale text when it starts with "type,", or NULL for the
 * default), with the policy's roll-up. */
static struct rated rate_on(const char *scale, const char *targets, const char *progress,
                            kpi_rollup rollup)
{
    struct rated r = {0};
    char structure[4096], updates[4096];
    snprintf(structure, sizeof structure, "%s%s", STRUCTURE_HEADER, targets);
    snprintf(updates, sizeof updates, "code,date,value,rating,status\n%s", progress);
    kpi_reader *reader = NULL;
    assert_int_equal(kpi_reader_new(&reader), KPI_OK);
    assert_int_equal(kpi_reader_set_infer(reader, 0), KPI_OK);
    if (kpi_reader_read_buffers(&r.plan, reader, structure, strlen(structure), updates,
                                strlen(updates)) != KPI_OK)
        fail_msg("%s", kpi_error_message());
    kpi_reader_free(reader);
    if (scale && strncmp(scale, "type,", 5) == 0)
        assert_int_equal(kpi_scale_read_buffer(&r.scale, scale, strlen(scale), "s.csv"),
                         KPI_OK);
    else if (scale)
        assert_int_equal(kpi_scale_builtin(&r.scale, scale), KPI_OK);
    kpi_policy *policy = NULL;
    assert_int_equal(kpi_policy_new(&policy), KPI_OK);
    assert_int_equal(kpi_policy_set_rollup(policy, rollup), KPI_OK);
    assert_int_equal(kpi_policy_set_scale(policy, r.scale), KPI_OK);
    /* The policy keeps its own reference: freeing ours changes nothing. */
    kpi_scale_free(r.scale);
    r.scale = NULL;
    assert_int_equal(kpi_evaluate(&r.ev, r.plan, AS_OF, policy), KPI_OK);
    kpi_policy_free(policy);
    return r;
}

static void rated_free(struct rated *r)
{
    kpi_evaluation_free(r->ev);
    kpi_plan_free(r->plan);
}

static const kpi_result *result(const struct rated *r, const char *code)
{
    const kpi_result *res = kpi_evaluation_find(r->ev, code);
    assert_non_null(res);
    return res;
}

/* The symbol of a result's level, "" when it has none. */
static const char *level_of(const struct rated *r, const char *code)
{
    int32_t level = kpi_result_level(result(r, code));
    return level < 0 ? ""
                     : kpi_scale_level_symbol(kpi_evaluation_scale(r->ev), (size_t)level);
}

/* ---- the worked examples ------------------------------------------------ */

/* ueda (default): 物件登録件数30件以上, A = 32 → ◎ as v2. */
static void test_example_ueda_default(void **state)
{
    (void)state;
    struct rated r = rate_on(NULL, "target,T,G,物件登録件数,numeric,,30,0,2018-03-31,\n",
                             "T,2017-09-30,32,,\n", KPI_ROLLUP_CRITERIA);
    assert_string_equal(level_of(&r, "T"), "◎");
    assert_int_equal(kpi_result_rating(result(&r, "T")), KPI_RATING_AHEAD);
    assert_int_equal(kpi_result_level_cause(result(&r, "T")), KPI_LEVEL_CAUSE_DEFAULT);
    assert_string_equal(kpi_scale_id(kpi_evaluation_scale(r.ev)), "ueda");
    rated_free(&r);
}

/* manifesto A–D: T = 100, S = 0, A = 92 → B (achievement 0.92); A = 79.9 → D. */
static void test_example_manifesto(void **state)
{
    (void)state;
    struct rated r =
        rate_on("manifesto-abcd",
                "target,T1,G,a,numeric,,100,0,2018-03-31,\n"
                "target,T2,G,b,numeric,,100,0,2018-03-31,\n",
                "T1,2017-09-30,92,,\nT2,2017-09-30,79.9,,\n", KPI_ROLLUP_CRITERIA);
    assert_string_equal(level_of(&r, "T1"), "B");
    assert_int_equal(kpi_result_level_cause(result(&r, "T1")), KPI_LEVEL_CAUSE_CONDITION);
    assert_string_equal(level_of(&r, "T2"), "D");
    /* D's condition is empty, "otherwise": it holds once A, B and C fail. */
    assert_int_equal(kpi_result_level_cause(result(&r, "T2")), KPI_LEVEL_CAUSE_CONDITION);
    /* Both keep their v2 rating: paces 1.83 and 1.59 are ◎. */
    assert_int_equal(kpi_result_rating(result(&r, "T1")), KPI_RATING_AHEAD);
    assert_int_equal(kpi_result_rating(result(&r, "T2")), KPI_RATING_AHEAD);
    /* The goal is the worst of B and D. */
    assert_string_equal(level_of(&r, "G"), "D");
    assert_int_equal(kpi_result_count_level(result(&r, "G"), 1), 1);
    assert_int_equal(kpi_result_count_level(result(&r, "G"), 3), 1);
    assert_int_equal(kpi_result_count_level(result(&r, "G"), 0), 0);
    assert_int_equal(kpi_result_count_level(result(&r, "T1"), 1), 0);
    rated_free(&r);
}

/* Nagayo, S = 50, T = 80: A = 56 → A (change +12% > 10%); 47 → B (−6%,
 * within ±10%); 81 → S (achievement ≥ 1); no figure → − (NO_DATA). */
static void test_example_nagayo(void **state)
{
    (void)state;
    struct rated r = rate_on("nagayo",
                             "target,A,G,a,numeric,increase,80,50,2018-03-31,\n"
                             "target,B,G,b,numeric,increase,80,50,2018-03-31,\n"
                             "target,S,G,s,numeric,increase,80,50,2018-03-31,\n"
                             "target,N,G,n,numeric,increase,80,50,2018-03-31,\n",
                             "A,2017-09-30,56,,\nB,2017-09-30,47,,\nS,2017-09-30,81,,\n",
                             KPI_ROLLUP_CRITERIA);
    assert_string_equal(level_of(&r, "A"), "A");
    assert_string_equal(level_of(&r, "B"), "B");
    assert_string_equal(level_of(&r, "S"), "S");
    assert_string_equal(level_of(&r, "N"), "");
    assert_int_equal(kpi_result_unrated(result(&r, "N")), KPI_UNRATED_NO_DATA);
    assert_string_equal(
        kpi_scale_unrated_symbol(kpi_evaluation_scale(r.ev), KPI_UNRATED_NO_DATA), "−");
    assert_int_equal(kpi_result_level_cause(result(&r, "N")), KPI_LEVEL_CAUSE_NONE);
    /* B fell below its start: v2 rates it ×; its level is B all the same. */
    assert_int_equal(kpi_result_rating(result(&r, "B")), KPI_RATING_NOT_PROGRESSED);
    rated_free(&r);
}

/* Akiruno: a milestone reported done → F (status override); T = 12, A = 6,
 * linear → pace 0.997 → A (class on_track). */
static void test_example_akiruno(void **state)
{
    (void)state;
    struct rated r =
        rate_on("akiruno",
                "target,M,G,m,milestone,,,,2018-03-31,\n"
                "target,T,G,t,numeric,,12,0,2018-03-31,\n",
                "M,2017-09-01,,,done\nT,2017-09-30,6,,\n", KPI_ROLLUP_CRITERIA);
    assert_string_equal(level_of(&r, "M"), "F");
    assert_int_equal(kpi_result_level_cause(result(&r, "M")), KPI_LEVEL_CAUSE_STATUS);
    assert_string_equal(level_of(&r, "T"), "A");
    assert_int_equal(kpi_result_level_cause(result(&r, "T")), KPI_LEVEL_CAUSE_CLASS);
    assert_int_equal(kpi_result_rating(result(&r, "T")), KPI_RATING_ON_TRACK);
    rated_free(&r);
}

/* Kakamigahara: T = 8, A = 3, linear → pace 0.748 (class behind) →
 * 順調に推移していない. */
static void test_example_kakamigahara(void **state)
{
    (void)state;
    struct rated r = rate_on("kakamigahara", "target,T,G,t,numeric,,8,0,2018-03-31,\n",
                             "T,2017-09-30,3,,\n", KPI_ROLLUP_CRITERIA);
    assert_string_equal(level_of(&r, "T"), "順調に推移していない");
    assert_int_equal(kpi_result_rating(result(&r, "T")), KPI_RATING_BEHIND);
    assert_string_equal(level_of(&r, "G"), "順調に推移していない");
    rated_free(&r);
}

/* 地方創生, S = 100, T = 150: A = 135 → 相当程度効果があった (achievement
 * 0.7 ≥ 0.7); A = 95 → 効果がなかった (change −5%). */
static void test_example_chiho_sosei(void **state)
{
    (void)state;
    struct rated r =
        rate_on("chiho-sosei",
                "target,A,G,a,numeric,increase,150,100,2018-03-31,\n"
                "target,B,G,b,numeric,increase,150,100,2018-03-31,\n",
                "A,2017-09-30,135,,\nB,2017-09-30,95,,\n", KPI_ROLLUP_CRITERIA);
    assert_string_equal(level_of(&r, "A"), "相当程度効果があった");
    assert_string_equal(level_of(&r, "B"), "効果がなかった");
    rated_free(&r);
}

/* Sano: 7 points at 100% of target, 6 at 90–100%, 5 at 80–90% ... 1 below
 * 50%, each band's lower bound included. */
static void test_sano_points_bands(void **state)
{
    (void)state;
    const double figures[] = {100, 99.9, 90, 85, 70, 65, 50, 49.9};
    const char *points[] = {"7", "6", "6", "5", "4", "3", "2", "1"};
    char targets[1024] = "", progress[1024] = "";
    size_t t = 0, p = 0;
    for (int i = 0; i < 8; i++) {
        t += (size_t)snprintf(targets + t, sizeof targets - t,
                              "target,T%d,G,t,numeric,,100,0,2018-03-31,\n", i);
        p += (size_t)snprintf(progress + p, sizeof progress - p, "T%d,2017-09-30,%g,,\n",
                              i, figures[i]);
    }
    struct rated r = rate_on("sano-points", targets, progress, KPI_ROLLUP_CRITERIA);
    for (int i = 0; i < 8; i++) {
        char code[8];
        snprintf(code, sizeof code, "T%d", i);
        assert_string_equal(level_of(&r, code), points[i]);
    }
    rated_free(&r);
}

/* Fukuoka: a on pace (pace ≥ 1); b behind pace but improved or kept
 * within ±3% of the start; c worse than the start. */
static void test_fukuoka_a_b_c(void **state)
{
    (void)state;
    struct rated r =
        rate_on("fukuoka",
                "target,A,G,a,numeric,increase,200,100,2018-03-31,\n"
                "target,B,G,b,numeric,increase,200,100,2018-03-31,\n"
                "target,K,G,k,numeric,increase,200,100,2018-03-31,\n"
                "target,C,G,c,numeric,increase,200,100,2018-03-31,\n",
                /* E = 100 + 100 × 183/365 = 150.1 */
                "A,2017-09-30,151,,\nB,2017-09-30,120,,\nK,2017-09-30,97.5,,\n"
                "C,2017-09-30,96,,\n",
                KPI_ROLLUP_CRITERIA);
    assert_string_equal(level_of(&r, "A"), "a");
    assert_string_equal(level_of(&r, "B"), "b");
    assert_string_equal(level_of(&r, "K"), "b"); /* −2.5%: kept within 3% */
    assert_string_equal(level_of(&r, "C"), "c"); /* −4% */
    rated_free(&r);
}

/* 政策評価: 目標達成 at 100%; 相当程度進展あり on pace (0.95, the seed's);
 * 進展が大きくない moving toward the target; else 目標に向かっていない. */
static void test_seisaku_hyoka(void **state)
{
    (void)state;
    struct rated r =
        rate_on("seisaku-hyoka",
                "target,A,G,a,numeric,increase,200,100,2018-03-31,\n"
                "target,B,G,b,numeric,increase,200,100,2018-03-31,\n"
                "target,C,G,c,numeric,increase,200,100,2018-03-31,\n"
                "target,D,G,d,numeric,increase,200,100,2018-03-31,\n",
                "A,2017-09-30,200,,\nB,2017-09-30,148,,\nC,2017-09-30,110,,\n"
                "D,2017-09-30,90,,\n",
                KPI_ROLLUP_CRITERIA);
    assert_string_equal(level_of(&r, "A"), "目標達成");
    assert_string_equal(level_of(&r, "B"), "相当程度進展あり"); /* pace 0.96 */
    assert_string_equal(level_of(&r, "C"), "進展が大きくない");
    assert_string_equal(level_of(&r, "D"), "目標に向かっていない");
    rated_free(&r);
}

/* ---- the rules around the bases ------------------------------------------ */

/* A cancelled target is unrated (CANCELLED) in v2; a scale that maps the
 * status gives it that level instead, and it counts in the goal. */
static void test_status_override_replaces_cancelled(void **state)
{
    (void)state;
    struct rated r =
        rate_on("akiruno",
                "target,C,G,c,numeric,,12,0,2018-03-31,\n"
                "target,T,G,t,numeric,,12,0,2018-03-31,\n",
                "C,2017-08-01,,,cancelled\nT,2017-09-30,7,,\n", KPI_ROLLUP_CRITERIA);
    assert_int_equal(kpi_result_rating(result(&r, "C")), KPI_RATING_NONE);
    assert_int_equal(kpi_result_unrated(result(&r, "C")), KPI_UNRATED_CANCELLED);
    assert_string_equal(level_of(&r, "C"), "Y");
    assert_string_equal(level_of(&r, "T"), "S");
    assert_string_equal(level_of(&r, "G"), "Y"); /* the worst of S and Y */
    rated_free(&r);

    /* Without a mapping (Nagayo), a cancelled target stays unrated. */
    r = rate_on("nagayo", "target,C,G,c,numeric,,12,1,2018-03-31,\n",
                "C,2017-08-01,,,cancelled\n", KPI_ROLLUP_CRITERIA);
    assert_string_equal(level_of(&r, "C"), "");
    assert_string_equal(level_of(&r, "G"), "");
    rated_free(&r);
}

/* A target v2 leaves unrated (NOT_DUE here) stays unrated on every scale. */
static void test_unrated_stays_unrated(void **state)
{
    (void)state;
    for (size_t i = 0; i < kpi_scale_builtin_count(); i++) {
        struct rated r =
            rate_on(kpi_scale_builtin_id_at(i), "target,M,G,m,milestone,,,,2018-03-31,\n",
                    "M,2017-09-01,,,not_started\n", KPI_ROLLUP_CRITERIA);
        kpi_unrated why = kpi_result_unrated(result(&r, "M"));
        if (why != KPI_UNRATED_NONE)
            assert_string_equal(level_of(&r, "M"), "");
        rated_free(&r);
    }
}

/* An assessment sets the level tagged with its rating. */
static void test_assessment_sets_the_level(void **state)
{
    (void)state;
    struct rated r =
        rate_on("manifesto-abcd", "target,T,G,t,numeric,,100,0,2018-03-31,\n",
                "T,2017-09-30,92,,\nT,2017-09-30,,×,\n", KPI_ROLLUP_CRITERIA);
    const kpi_result *t = result(&r, "T");
    assert_int_equal(kpi_result_rating(t), KPI_RATING_NOT_PROGRESSED);
    assert_string_equal(level_of(&r, "T"), "D");
    assert_int_equal(kpi_result_level_cause(t), KPI_LEVEL_CAUSE_ASSESSMENT);
    assert_int_equal(kpi_result_computed_level(t), 1); /* B by the condition */
    rated_free(&r);
}

/* A class scale's own thresholds decide its class; the v2 rating keeps the
 * policy's. T = 12, A = 7: pace 1.16, ◎ in v2, on track with ahead 1.5. */
static void test_class_scale_thresholds(void **state)
{
    (void)state;
    const char *scale = "type,id,basis,ahead,on_track,symbol,class\n"
                        "scale,strict,class,1.5,1.0,,\n"
                        "level,,,,,H,ahead\nlevel,,,,,M,on_track\n"
                        "level,,,,,L,behind\nlevel,,,,,Z,not_progressed\n";
    struct rated r =
        rate_on(scale,
                "target,T,G,t,numeric,,12,0,2018-03-31,\n"
                "target,U,G,u,numeric,,12,0,2018-03-31,\n"
                "target,P,G,p,numeric,,12,0,2018-03-31,\n",
                "T,2017-09-30,7,,\nU,2017-09-30,5.8,,\nP,2017-09-30,7,,postponed\n",
                KPI_ROLLUP_CRITERIA);
    assert_int_equal(kpi_result_rating(result(&r, "T")), KPI_RATING_AHEAD);
    assert_string_equal(level_of(&r, "T"), "M");
    /* Pace 0.96: ○ in v2 (≥ 0.95), below this scale's 1.0. */
    assert_int_equal(kpi_result_rating(result(&r, "U")), KPI_RATING_ON_TRACK);
    assert_string_equal(level_of(&r, "U"), "L");
    /* Postponed: rule 2's cap holds on the scale too. */
    assert_string_equal(level_of(&r, "P"), "L");
    rated_free(&r);
}

/* ---- goal roll-ups -------------------------------------------------------- */

#define ROLLUP_TARGETS                                                                   \
    "target,T1,G,a,numeric,,100,0,2018-03-31,1\n"                                        \
    "target,T2,G,b,numeric,,100,0,2018-03-31,3\n"

static const char *rollup_scale(const char *rollup, const char *extra)
{
    static char text[2048];
    snprintf(text, sizeof text,
             "type,id,basis,rollup,symbol,class,when,score,goal_min,quantifier,levels,"
             "result\n"
             "scale,r,bounds,%s,,,,,,,,\n"
             "level,,,,A,ahead,achievement >= 1,4,3.5,,,\n"
             "level,,,,B,on_track,achievement >= 0.9,3,2.5,,,\n"
             "level,,,,C,behind,achievement >= 0.5,2,1,,,\n"
             "level,,,,D,not_progressed,,0,0,,,\n%s",
             rollup, extra);
    return text;
}

static void test_rollup_worst_weighted_rules(void **state)
{
    (void)state;
    /* T1 achieves 100% (A, score 4), T2 60% (C, score 2, weight 3). */
    const char *progress = "T1,2017-09-30,100,,\nT2,2017-09-30,60,,\n";
    struct rated r =
        rate_on(rollup_scale("worst", ""), ROLLUP_TARGETS, progress, KPI_ROLLUP_CRITERIA);
    assert_string_equal(level_of(&r, "T1"), "A");
    assert_string_equal(level_of(&r, "T2"), "C");
    assert_string_equal(level_of(&r, "G"), "C");
    assert_int_equal(kpi_result_level_cause(result(&r, "G")), KPI_LEVEL_CAUSE_ROLLUP);
    assert_string_equal(level_of(&r, "P"), "C");
    rated_free(&r);

    /* Weighted mean (4×1 + 2×3) / 4 = 2.5: the first goal_min ≤ 2.5 is B's. */
    r = rate_on(rollup_scale("weighted", ""), ROLLUP_TARGETS, progress,
                KPI_ROLLUP_CRITERIA);
    assert_string_equal(level_of(&r, "G"), "B");
    rated_free(&r);
    /* With T2 at 40% (D, 0): (4 + 0) / 4 = 1: C. */
    r = rate_on(rollup_scale("weighted", ""), ROLLUP_TARGETS,
                "T1,2017-09-30,100,,\nT2,2017-09-30,40,,\n", KPI_ROLLUP_CRITERIA);
    assert_string_equal(level_of(&r, "G"), "C");
    rated_free(&r);

    /* Rules, the first that holds: any C → B; otherwise → A. */
    const char *rules = "rule,,,,,,,,,all,D,D\nrule,,,,,,,,,any,C D,B\n"
                        "rule,,,,,,,,,otherwise,,A\n";
    r = rate_on(rollup_scale("rules", rules), ROLLUP_TARGETS, progress,
                KPI_ROLLUP_CRITERIA);
    assert_string_equal(level_of(&r, "G"), "B");
    rated_free(&r);
    r = rate_on(rollup_scale("rules", rules), ROLLUP_TARGETS,
                "T1,2017-09-30,100,,\nT2,2017-09-30,95,,\n", KPI_ROLLUP_CRITERIA);
    assert_string_equal(level_of(&r, "G"), "A");
    rated_free(&r);
    r = rate_on(rollup_scale("rules", rules), ROLLUP_TARGETS,
                "T1,2017-09-30,10,,\nT2,2017-09-30,20,,\n", KPI_ROLLUP_CRITERIA);
    assert_string_equal(level_of(&r, "G"), "D");
    rated_free(&r);
    /* No rule holds (no otherwise): the worst level of the children. */
    r = rate_on(rollup_scale("rules", "rule,,,,,,,,,all,A,A\n"), ROLLUP_TARGETS, progress,
                KPI_ROLLUP_CRITERIA);
    assert_string_equal(level_of(&r, "G"), "C");
    rated_free(&r);

    /* Weighted, a mean under every goal_min: the lowest level present. */
    const char *high = "type,id,basis,rollup,symbol,class,when,score,goal_min\n"
                       "scale,h,bounds,weighted,,,,,\n"
                       "level,,,,A,ahead on_track,achievement >= 1,4,3.9\n"
                       "level,,,,B,behind,achievement >= 0.5,2,\n"
                       "level,,,,C,not_progressed,,0,\n";
    r = rate_on(high, ROLLUP_TARGETS, progress, KPI_ROLLUP_CRITERIA);
    assert_string_equal(level_of(&r, "T2"), "B");
    assert_string_equal(level_of(&r, "G"), "B"); /* mean (4 + 6) / 4 = 2.5 < 3.9 */
    rated_free(&r);
}

/* A goal's own status, mapped by the scale, wins over its roll-up. */
static void test_goal_status_override(void **state)
{
    (void)state;
    struct rated r =
        rate_on("akiruno", "target,T,G,t,numeric,,12,0,2018-03-31,\n",
                "T,2017-09-30,7,,\nG,2017-09-30,,,done\n", KPI_ROLLUP_CRITERIA);
    assert_string_equal(level_of(&r, "T"), "S");
    assert_string_equal(level_of(&r, "G"), "F");
    assert_int_equal(kpi_result_level_cause(result(&r, "G")), KPI_LEVEL_CAUSE_STATUS);
    rated_free(&r);
}

/* ---- the default scale and v2 ----------------------------------------------- */

/* On the default scale every result's level is its rating's, whatever the
 * policy's roll-up; the built-in "ueda" set explicitly gives the same
 * levels with the default (criteria) roll-up, by its own rules. */
static void check_mirrors(kpi_rollup rollup, const char *scale)
{
    const char *targets = "target,T1,G,a,numeric,,30,0,2018-03-31,\n"
                          "target,T2,G,b,numeric,,12,0,2018-03-31,\n"
                          "target,T3,G,c,numeric,,8,0,2018-03-31,\n"
                          "goal,H,P,h,,,,,,\n"
                          "target,T4,H,d,numeric,,10,0,2018-03-31,\n"
                          "target,T5,H,e,numeric,,10,0,2018-03-31,\n";
    const char *progress = "T1,2017-09-30,32,,\nT2,2017-09-30,6,,\nT3,2017-09-30,3,,\n"
                           "T4,2017-09-30,0,,\nT5,2017-09-30,9,,\n";
    struct rated r = rate_on(scale, targets, progress, rollup);
    for (size_t i = 0; i < kpi_evaluation_result_count(r.ev); i++) {
        const kpi_result *res = kpi_evaluation_result_at(r.ev, i);
        const char *symbol = kpi_rating_symbol(kpi_result_rating(res));
        int32_t level = kpi_result_level(res);
        assert_string_equal(
            level < 0 ? ""
                      : kpi_scale_level_symbol(kpi_evaluation_scale(r.ev), (size_t)level),
            symbol);
    }
    rated_free(&r);
}

static void test_default_scale_mirrors_ratings(void **state)
{
    (void)state;
    check_mirrors(KPI_ROLLUP_CRITERIA, NULL);
    check_mirrors(KPI_ROLLUP_WORST, NULL);
    check_mirrors(KPI_ROLLUP_WEIGHTED, NULL);
    check_mirrors(KPI_ROLLUP_CRITERIA, "ueda");
}

static void test_policy_scale(void **state)
{
    (void)state;
    kpi_policy *policy = NULL;
    kpi_scale *scale = NULL;
    assert_int_equal(kpi_policy_new(&policy), KPI_OK);
    assert_null(kpi_policy_scale(policy));
    assert_int_equal(kpi_scale_builtin(&scale, "nagayo"), KPI_OK);
    assert_int_equal(kpi_policy_set_scale(policy, scale), KPI_OK);
    kpi_scale_free(scale);
    assert_string_equal(kpi_scale_id(kpi_policy_scale(policy)), "nagayo");
    assert_int_equal(kpi_policy_set_scale(policy, NULL), KPI_OK);
    assert_null(kpi_policy_scale(policy));
    assert_int_equal(kpi_policy_set_scale(NULL, NULL), KPI_ERR_ARGUMENT);
    assert_null(kpi_policy_scale(NULL));
    assert_int_equal(kpi_error_code(), KPI_ERR_ARGUMENT);
    kpi_policy_free(policy);
    assert_null(kpi_evaluation_scale(NULL));
    assert_int_equal(kpi_result_level(NULL), -1);
    assert_int_equal(kpi_result_computed_level(NULL), -1);
    assert_int_equal(kpi_result_level_cause(NULL), KPI_LEVEL_CAUSE_NONE);
    assert_int_equal(kpi_result_count_level(NULL, 0), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_example_ueda_default),
        cmocka_unit_test(test_example_manifesto),
        cmocka_unit_test(test_example_nagayo),
        cmocka_unit_test(test_example_akiruno),
        cmocka_unit_test(test_example_kakamigahara),
        cmocka_unit_test(test_example_chiho_sosei),
        cmocka_unit_test(test_sano_points_bands),
        cmocka_unit_test(test_fukuoka_a_b_c),
        cmocka_unit_test(test_seisaku_hyoka),
        cmocka_unit_test(test_status_override_replaces_cancelled),
        cmocka_unit_test(test_unrated_stays_unrated),
        cmocka_unit_test(test_assessment_sets_the_level),
        cmocka_unit_test(test_class_scale_thresholds),
        cmocka_unit_test(test_rollup_worst_weighted_rules),
        cmocka_unit_test(test_goal_status_override),
        cmocka_unit_test(test_default_scale_mirrors_ratings),
        cmocka_unit_test(test_policy_scale),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
