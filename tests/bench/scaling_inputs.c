/*
 * The inputs the scaling paths are timed on, built in memory with the
 * public API: huge cells of pathological shapes and plans of n targets,
 * goals, updates or measurements.
 */
#include "scaling.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FISCAL_YEAR 2017
#define AS_OF 20170930
#define FY_START 20170401

/* A few bytes of every shape, repeated to the size asked for. */
static const char *const shape_patterns[] = {
    [SHAPE_MIXED] = ("物件登録件数30件以上 <b>&amp;\"quoted\"</b> a|b *c* _d_ "
                     "[e](f) `g` \\h, 'i';\n空き家バンク制度の推進\t"),
    [SHAPE_BREAKS] = " 、。",
    [SHAPE_WORD] = "x",
    [SHAPE_COMBINING] = "\xCC\x81",    /* U+0301 */
    [SHAPE_INVISIBLE] = "\xE2\x80\x8B" /* U+200B */
};

/* The length of the UTF-8 character starting with @p lead. */
static size_t char_length(unsigned char lead)
{
    if (lead < 0xC0)
        return 1;
    if (lead < 0xE0)
        return 2;
    return lead < 0xF0 ? 3 : 4;
}

char *scaling_repeat(const char *pattern, size_t bytes)
{
    char *out = malloc(bytes + 1);
    if (!out)
        return NULL;
    size_t plen = strlen(pattern), at = 0, i = 0;
    for (;;) {
        size_t len = char_length((unsigned char)pattern[i]);
        if (at + len > bytes)
            break;
        memcpy(out + at, pattern + i, len);
        at += len;
        i = (i + len) % plen;
    }
    out[at] = '\0';
    return out;
}

char *scaling_cell(enum scaling_shape shape, size_t bytes)
{
    if (shape != SHAPE_COMBINING || bytes < 1)
        return scaling_repeat(shape_patterns[shape], bytes);
    /* One base letter carries the whole run of accents. */
    char *run = scaling_repeat(shape_patterns[shape], bytes - 1);
    if (!run)
        return NULL;
    char *out = malloc(strlen(run) + 2);
    if (out)
        sprintf(out, "e%s", run);
    free(run);
    return out;
}

/* A plan with its period, or NULL. */
static kpi_plan *new_plan(void)
{
    kpi_plan *plan;
    if (kpi_plan_new(&plan, "scaling") != KPI_OK)
        return NULL;
    kpi_plan_set_title(plan, "規模の確認");
    kpi_plan_set_organization(plan, "上田市");
    kpi_plan_set_fiscal_year(plan, FISCAL_YEAR);
    kpi_plan_set_report_date(plan, AS_OF);
    return plan;
}

/* The plan, or NULL (freeing it) when a call to build it failed. */
static kpi_plan *checked(kpi_plan *plan)
{
    if (plan && kpi_plan_error_code(plan) != KPI_OK) {
        fprintf(stderr, "scaling: building a plan failed: %s\n",
                kpi_plan_error_message(plan));
        kpi_plan_free(plan);
        return NULL;
    }
    return plan;
}

/* The date @p days after the first day of the fiscal year. */
static int32_t fy_day(long days)
{
    int32_t date = FY_START;
    kpi_date_add_days(&date, FY_START, (int32_t)days);
    return date;
}

kpi_plan *scaling_cell_plan(const char *cell)
{
    kpi_plan *plan = new_plan();
    if (!plan)
        return NULL;
    kpi_goal *goal = kpi_plan_add_goal(plan, "G1", cell);
    kpi_target *t = kpi_goal_add_target(goal, "G1-1", cell);
    kpi_target_set_unit(t, "件");
    kpi_target_set_value(t, 30);
    kpi_target_add_measurement(t, AS_OF, 32, NULL);
    kpi_update *u = kpi_target_add_update(t, AS_OF, cell);
    kpi_update_set_status(u, KPI_STATUS_IN_PROGRESS, 0);
    return checked(plan);
}

/* Six month-end figures rising toward @p value, the last one written out. */
static void add_figures(kpi_target *t, double value, long i)
{
    static const int32_t month_ends[] = {20170430, 20170531, 20170630,
                                         20170731, 20170831, 20170930};
    for (int m = 0; m < 6; m++) {
        double figure = value * (m + 1) / 12.0 * (0.8 + (double)(i % 7) / 15.0);
        kpi_target_add_measurement(t, month_ends[m], figure,
                                   m == 5 ? "物件登録件数：32件" : NULL);
    }
}

/* Target @p i of a city's plan: mostly numeric, some milestones and
 * qualitative ones, a few with an update. */
static void add_city_target(kpi_goal *goal, long i)
{
    char code[64];
    snprintf(code, sizeof code, "%s-%02ld", kpi_goal_code(goal), i % 30 + 1);
    kpi_target *t = kpi_goal_add_target(goal, code, "物件登録件数");
    kpi_target_set_text(t, "物件登録件数30件以上");
    switch (i % 10) {
    case 8:
        kpi_target_set_kind(t, KPI_KIND_MILESTONE);
        kpi_target_set_due(t, 20171231);
        kpi_target_add_measurement(t, AS_OF, 0, NULL);
        break;
    case 9:
        kpi_target_set_kind(t, KPI_KIND_QUALITATIVE);
        kpi_target_add_assessment(t, AS_OF, KPI_RATING_ON_TRACK, "概ね順調");
        break;
    default:
        kpi_target_set_unit(t, i % 3 ? "件" : "人");
        kpi_target_set_value(t, 30 + (double)(i % 50));
        add_figures(t, 30 + (double)(i % 50), i);
    }
    if (i % 5 == 0) {
        kpi_update *u = kpi_target_add_update(t, AS_OF, "10月に開催予定");
        kpi_update_set_status(u, KPI_STATUS_SCHEDULED, 20171031);
    }
}

kpi_plan *scaling_big_plan(long targets)
{
    kpi_plan *plan = new_plan();
    kpi_goal *top = NULL, *goal = NULL;
    char code[64];
    for (long i = 0; plan && i < targets; i++) {
        if (i % 300 == 0) {
            snprintf(code, sizeof code, "M%04ld", i / 300 + 1);
            top = kpi_plan_add_goal(plan, code, "長野県上田市 平成29年度 重点目標");
            code[0] = 'D';
            kpi_directive *d =
                kpi_plan_add_directive(plan, code, "空き家対策を強化すること");
            kpi_directive_add_goal(d, top);
            kpi_directive_set_date(d, 20170601);
        }
        if (i % 30 == 0) {
            snprintf(code, sizeof code, "%s-%02ld", kpi_goal_code(top), i / 30 % 10 + 1);
            goal = kpi_goal_add_goal(top, code, "信州うえだ空き家バンク制度の推進");
        }
        add_city_target(goal, i);
    }
    return checked(plan);
}

/* A numeric target that is on track as of AS_OF. */
static kpi_target *add_plain_target(kpi_goal *goal, const char *code)
{
    kpi_target *t = kpi_goal_add_target(goal, code, "物件登録件数");
    kpi_target_set_unit(t, "件");
    kpi_target_set_value(t, 30);
    kpi_target_add_measurement(t, AS_OF, 15, NULL);
    return t;
}

kpi_plan *scaling_wide_plan(long targets)
{
    kpi_plan *plan = new_plan();
    kpi_goal *goal = plan ? kpi_plan_add_goal(plan, "G", "子の多い目標") : NULL;
    char code[32];
    for (long i = 0; goal && i < targets; i++) {
        snprintf(code, sizeof code, "T%ld", i + 1);
        add_plain_target(goal, code);
    }
    return checked(plan);
}

kpi_plan *scaling_goals_plan(long goals)
{
    kpi_plan *plan = new_plan();
    kpi_goal *goal = plan ? kpi_plan_add_goal(plan, "G", "子の多い目標") : NULL;
    char code[32];
    for (long i = 0; goal && i < goals; i++) {
        snprintf(code, sizeof code, "G%ld", i + 1);
        kpi_goal *child = kpi_goal_add_goal(goal, code, "施策");
        snprintf(code, sizeof code, "T%ld", i + 1);
        add_plain_target(child, code);
    }
    return checked(plan);
}

kpi_plan *scaling_deep_plan(long targets)
{
    kpi_plan *plan = new_plan();
    kpi_goal *levels[KPI_MAX_DEPTH] = {0};
    char code[32];
    for (int d = 0; plan && d < KPI_MAX_DEPTH; d++) {
        snprintf(code, sizeof code, "L%d", d + 1);
        levels[d] = d ? kpi_goal_add_goal(levels[d - 1], code, "階層")
                      : kpi_plan_add_goal(plan, code, "階層");
    }
    for (long i = 0; plan && i < targets; i++) {
        snprintf(code, sizeof code, "T%ld", i + 1);
        add_plain_target(levels[i % KPI_MAX_DEPTH], code);
    }
    return checked(plan);
}

/* One target under one goal, for the updates and measurements plans. */
static kpi_target *lone_target(kpi_plan *plan)
{
    kpi_goal *goal = plan ? kpi_plan_add_goal(plan, "G", "目標") : NULL;
    kpi_target *t = goal ? kpi_goal_add_target(goal, "T", "物件登録件数") : NULL;
    if (t) {
        kpi_target_set_unit(t, "件");
        kpi_target_set_value(t, 30);
    }
    return t;
}

kpi_plan *scaling_updates_plan(long updates)
{
    static const char *const texts[] = {"検討中", "10月に開催予定",
                                        "上田城跡能を8月に開催", "実施中"};
    kpi_plan *plan = new_plan();
    kpi_target *t = lone_target(plan);
    for (long i = 0; t && i < updates; i++) {
        kpi_update *u = kpi_target_add_update(t, fy_day(i * 183 / updates), texts[i % 4]);
        if (i % 4 == 1)
            kpi_update_set_status(u, KPI_STATUS_SCHEDULED, 20171031);
        else
            kpi_update_set_status(
                u, i % 4 ? KPI_STATUS_IN_PROGRESS : KPI_STATUS_PREPARING, 0);
    }
    if (t)
        kpi_target_add_measurement(t, AS_OF, 15, NULL);
    return checked(plan);
}

kpi_plan *scaling_measurements_plan(long measurements)
{
    kpi_plan *plan = new_plan();
    kpi_target *t = lone_target(plan);
    for (long i = 0; t && i < measurements; i++) {
        long day = i * 183 / measurements;
        kpi_target_add_measurement(t, fy_day(day), 30.0 * (double)day / 365.0, NULL);
    }
    return checked(plan);
}

kpi_plan *scaling_assessments_plan(long assessments)
{
    kpi_plan *plan = new_plan();
    kpi_target *t = lone_target(plan);
    for (long i = 0; t && i < assessments; i++)
        kpi_target_add_assessment(t, fy_day(i * 183 / assessments),
                                  (kpi_rating)(KPI_RATING_NOT_PROGRESSED + i % 4),
                                  "概ね順調");
    return checked(plan);
}

kpi_plan *scaling_notes_plan(long notes)
{
    kpi_plan *plan = new_plan();
    kpi_goal *goal = plan ? kpi_plan_add_goal(plan, "G", "目標") : NULL;
    for (long i = 0; goal && i < notes; i++)
        kpi_goal_add_note(goal, NULL, "評価基準：◎目標を上回る進捗");
    return checked(plan);
}

kpi_plan *scaling_directive_goals_plan(long goals)
{
    kpi_plan *plan = new_plan();
    kpi_directive *d =
        plan ? kpi_plan_add_directive(plan, "D", "空き家対策を強化すること") : NULL;
    char code[32];
    for (long i = 0; d && i < goals; i++) {
        snprintf(code, sizeof code, "G%ld", i + 1);
        kpi_directive_add_goal(d, kpi_plan_add_goal(plan, code, "目標"));
    }
    return checked(plan);
}

kpi_plan *scaling_directives_plan(long directives)
{
    kpi_plan *plan = new_plan();
    kpi_goal *goal = plan ? kpi_plan_add_goal(plan, "G", "目標") : NULL;
    char code[32];
    for (long i = 0; goal && i < directives; i++) {
        snprintf(code, sizeof code, "D%ld", i + 1);
        kpi_directive *d = kpi_plan_add_directive(plan, code, "空き家対策を強化すること");
        kpi_directive_add_goal(d, goal);
        kpi_directive_set_date(d, 20170601);
        kpi_directive_add_update(d, 20170701, "検討中");
    }
    return checked(plan);
}

kpi_plan *scaling_directive_updates_plan(long updates)
{
    kpi_plan *plan = new_plan();
    kpi_goal *goal = plan ? kpi_plan_add_goal(plan, "G", "目標") : NULL;
    kpi_directive *d =
        goal ? kpi_plan_add_directive(plan, "D", "空き家対策を強化すること") : NULL;
    if (d) {
        kpi_directive_add_goal(d, goal);
        kpi_directive_set_date(d, 20170401);
    }
    for (long i = 0; d && i < updates; i++)
        kpi_directive_add_update(d, fy_day(i * 183 / updates), "検討中");
    return checked(plan);
}

int scaling_evaluate(kpi_evaluation **out, const kpi_plan *plan)
{
    return kpi_evaluate(out, plan, AS_OF, NULL);
}

int scaling_write_files(struct scaling_input *in, const kpi_plan *plan)
{
    int rc = kpi_plan_write_structure(&in->structure, &in->structure_size, plan,
                                      KPI_WRITE_NO_BOM);
    if (rc == KPI_OK)
        rc = kpi_plan_write_progress(&in->progress, &in->progress_size, plan,
                                     KPI_WRITE_NO_BOM);
    return rc;
}
