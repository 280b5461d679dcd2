/*
 * test_scales_plan.c: the scale a plan names (docs/scales.md, "Files": the
 * `scale` column of the plan row, a built-in id or a path relative to the
 * plan file): read with the plan, rated on unless the policy sets another,
 * written back as it was named (the file round trip stays byte for byte,
 * and plans that name none keep their columns), set through the API, and
 * its mistakes reported at the plan file's line and column.
 */

#define _POSIX_C_SOURCE 200809L /* mkdtemp */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kpi.h"
#include "seed.h"

#define TARGETS                                                                          \
    "goal,G,P,goal,,,,\n"                                                                \
    "target,T,G,t,increase,80,50\n"
#define PROGRESS "code,date,value\nT,2017-09-30,56\n"

static kpi_plan *read_plan(const char *structure, const char *progress)
{
    kpi_plan *plan = NULL;
    kpi_reader *reader = NULL;
    assert_int_equal(kpi_reader_new(&reader), KPI_OK);
    int rc = kpi_reader_read_buffers(&plan, reader, structure, strlen(structure),
                                     progress, progress ? strlen(progress) : 0);
    kpi_reader_free(reader);
    if (rc != KPI_OK)
        fail_msg("%s", kpi_error_message());
    return plan;
}

static const char *level_of(const kpi_evaluation *ev, const char *code)
{
    int32_t level = kpi_result_level(kpi_evaluation_find(ev, code));
    return level < 0 ? ""
                     : kpi_scale_level_symbol(kpi_evaluation_scale(ev), (size_t)level);
}

/* The plan rated on a built-in scale set on the policy. */
static kpi_evaluation *evaluate_on(const kpi_plan *plan, const char *id)
{
    kpi_evaluation *ev = evaluation_on_scale(plan, id, 20170930);
    assert_non_null(ev);
    return ev;
}

static void test_plan_names_a_builtin_scale(void **state)
{
    (void)state;
    kpi_plan *plan =
        read_plan("type,code,parent,title,direction,value,start_value,scale\n"
                  "plan,P,,test,,,,nagayo\n" TARGETS,
                  PROGRESS);
    assert_string_equal(kpi_plan_scale_name(plan), "nagayo");
    assert_string_equal(kpi_scale_id(kpi_plan_scale(plan)), "nagayo");
    kpi_evaluation *ev = NULL;
    assert_int_equal(kpi_evaluate(&ev, plan, 20170930, NULL), KPI_OK);
    assert_string_equal(kpi_scale_id(kpi_evaluation_scale(ev)), "nagayo");
    assert_string_equal(level_of(ev, "T"), "A"); /* change +12% */
    kpi_evaluation_free(ev);

    /* The policy's scale wins over the plan's. */
    ev = evaluate_on(plan, "kakamigahara");
    assert_string_equal(kpi_scale_id(kpi_evaluation_scale(ev)), "kakamigahara");
    kpi_evaluation_free(ev);

    /* The evaluation keeps the scale after the plan is gone. */
    assert_int_equal(kpi_evaluate(&ev, plan, 20170930, NULL), KPI_OK);
    kpi_plan_free(plan);
    assert_string_equal(level_of(ev, "T"), "A");
    kpi_evaluation_free(ev);
}

static void test_plan_scale_round_trip(void **state)
{
    (void)state;
    const char *structure = "type,code,parent,title,direction,value,start_value,scale\n"
                            "plan,P,,test,,,,nagayo\n" TARGETS;
    kpi_plan *plan = read_plan(structure, NULL);
    char *first = NULL, *second = NULL;
    size_t first_size, second_size;
    assert_int_equal(kpi_plan_write_structure(&first, &first_size, plan, 0), KPI_OK);
    assert_non_null(strstr(first, ",report_date,scale\n"));
    assert_non_null(strstr(first, ",nagayo\n"));
    kpi_plan *again = read_plan(first, NULL);
    assert_string_equal(kpi_plan_scale_name(again), "nagayo");
    assert_int_equal(kpi_plan_write_structure(&second, &second_size, again, 0), KPI_OK);
    assert_int_equal(first_size, second_size);
    assert_memory_equal(first, second, first_size);
    kpi_free(first);
    kpi_free(second);

    /* Cleared: the file has no scale column, as before scales. */
    assert_int_equal(kpi_plan_set_scale(again, NULL), KPI_OK);
    assert_null(kpi_plan_scale(again));
    assert_string_equal(kpi_plan_scale_name(again), "");
    assert_int_equal(kpi_plan_write_structure(&first, &first_size, again, 0), KPI_OK);
    assert_null(strstr(first, "scale"));
    assert_null(strstr(first, "report_date"));
    kpi_free(first);

    /* Set through the API: written as the scale's id. */
    kpi_scale *scale = NULL;
    assert_int_equal(kpi_scale_builtin(&scale, "fukuoka"), KPI_OK);
    assert_int_equal(kpi_plan_set_scale(again, scale), KPI_OK);
    kpi_scale_free(scale);
    assert_string_equal(kpi_plan_scale_name(again), "fukuoka");
    assert_int_equal(kpi_plan_write_structure(&first, &first_size, again, 0), KPI_OK);
    assert_non_null(strstr(first, ",fukuoka\n"));
    kpi_free(first);
    kpi_plan_free(again);
    kpi_plan_free(plan);
}

/* A directive's row gets the scale column too (the widths stay equal). */
static void test_directive_rows_keep_the_width(void **state)
{
    (void)state;
    kpi_plan *plan =
        read_plan("type,code,parent,title,direction,value,start_value,scale\n"
                  "plan,P,,test,,,,ueda\n" TARGETS "directive,D1,G,周知すること,,,,\n",
                  NULL);
    char *text = NULL;
    size_t size;
    assert_int_equal(kpi_plan_write_structure(&text, &size, plan, 0), KPI_OK);
    kpi_plan *again = read_plan(text, NULL);
    assert_string_equal(kpi_plan_scale_name(again), "ueda");
    assert_int_equal(kpi_plan_directive_count(again), 1);
    kpi_free(text);
    kpi_plan_free(again);
    kpi_plan_free(plan);
}

/* A scale file beside the plan file, named by a relative path. */
static void test_plan_names_a_scale_file(void **state)
{
    (void)state;
    char dir[] = "/tmp/kpi-scales-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char structure[256], scale_path[256];
    snprintf(structure, sizeof structure, "%s/structure.csv", dir);
    snprintf(scale_path, sizeof scale_path, "%s/mine.csv", dir);
    FILE *f = fopen(scale_path, "w");
    assert_non_null(f);
    fputs("type,id,symbol,class\nscale,mine,,\n"
          "level,,UP,ahead on_track\nlevel,,DOWN,behind not_progressed\n",
          f);
    fclose(f);
    f = fopen(structure, "w");
    assert_non_null(f);
    fputs("type,code,parent,title,direction,value,start_value,scale\n"
          "plan,P,,test,,,,./mine.csv\n" TARGETS,
          f);
    fclose(f);
    kpi_plan *plan = NULL;
    kpi_reader *reader = NULL;
    assert_int_equal(kpi_reader_new(&reader), KPI_OK);
    assert_int_equal(kpi_reader_read_files(&plan, reader, structure, NULL), KPI_OK);
    assert_string_equal(kpi_scale_id(kpi_plan_scale(plan)), "mine");
    assert_string_equal(kpi_plan_scale_name(plan), "./mine.csv");
    kpi_plan_free(plan);

    /* A broken scale file: the plan file's line, then the scale file's. */
    f = fopen(scale_path, "w");
    assert_non_null(f);
    fputs("type,id,symbol,class,when\nscale,mine,,,\nlevel,,UP,ahead on_track,pace > 1\n"
          "level,,DOWN,behind not_progressed,\n",
          f);
    fclose(f);
    plan = (kpi_plan *)1;
    assert_int_equal(kpi_reader_read_files(&plan, reader, structure, NULL),
                     KPI_ERR_VALUE);
    assert_null(plan);
    assert_int_equal(kpi_error_line(), 2);
    assert_non_null(strstr(kpi_error_message(), "structure.csv:2: column \"scale\""));
    assert_non_null(strstr(kpi_error_message(), "mine.csv:3: column \"when\""));
    kpi_reader_free(reader);
    remove(scale_path);
    remove(structure);
    rmdir(dir);
}

static void test_unknown_scale_name(void **state)
{
    (void)state;
    const char *structure = "type,code,parent,title,direction,value,start_value,scale\n"
                            "plan,P,,test,,,,nagoya\n" TARGETS;
    kpi_plan *plan = (kpi_plan *)1;
    kpi_reader *reader = NULL;
    assert_int_equal(kpi_reader_new(&reader), KPI_OK);
    assert_int_equal(
        kpi_reader_read_buffers(&plan, reader, structure, strlen(structure), NULL, 0),
        KPI_ERR_NOT_FOUND);
    assert_null(plan);
    assert_int_equal(kpi_error_line(), 2);
    assert_int_equal(kpi_error_column(), 8);
    assert_non_null(strstr(kpi_error_message(), "\"nagoya\" is no built-in scale"));
    const char *missing =
        "type,code,parent,title,scale\nplan,P,,test,no/such/scale.csv\n";
    assert_int_equal(
        kpi_reader_read_buffers(&plan, reader, missing, strlen(missing), NULL, 0),
        KPI_ERR_IO);
    assert_non_null(strstr(kpi_error_message(), "no/such/scale.csv"));
    /* On a goal's row the column means nothing: a warning, not a scale. */
    const char *on_goal =
        "type,code,parent,title,scale\nplan,P,,test,\ngoal,G,P,g,nagayo\n";
    assert_int_equal(
        kpi_reader_read_buffers(&plan, reader, on_goal, strlen(on_goal), NULL, 0),
        KPI_OK);
    assert_null(kpi_plan_scale(plan));
    assert_int_equal(kpi_reader_warning_count(reader), 1);
    assert_non_null(strstr(kpi_reader_warning_at(reader, 0), "\"scale\" means nothing"));
    kpi_plan_free(plan);
    kpi_reader_free(reader);
    assert_int_equal(kpi_plan_set_scale(NULL, NULL), KPI_ERR_ARGUMENT);
    assert_null(kpi_plan_scale(NULL));
    assert_string_equal(kpi_plan_scale_name(NULL), "");
}

/* A person's rating written as a level of the plan's scale: read, rated,
 * and written back as written; a plan without a scale refuses it. */
static void test_assessment_names_a_level(void **state)
{
    (void)state;
    const char *structure = "type,code,parent,title,direction,value,start_value,scale\n"
                            "plan,P,,test,,,,akiruno\n" TARGETS;
    const char *progress = "code,date,value,rating\nT,2017-09-30,56,\nT,2017-09-30,,F\n"
                           "G,2017-09-30,,B\n";
    kpi_plan *plan = read_plan(structure, progress);
    const kpi_assessment *a =
        kpi_target_assessment_at(kpi_plan_find_target(plan, "T"), 0);
    assert_string_equal(kpi_assessment_level(a), "F");
    /* F is tagged with no class: it stands for the one below it, S's ahead. */
    assert_int_equal(kpi_assessment_rating(a), KPI_RATING_AHEAD);
    kpi_evaluation *ev = NULL;
    assert_int_equal(kpi_evaluate(&ev, plan, 20170930, NULL), KPI_OK);
    assert_string_equal(level_of(ev, "T"), "F");
    assert_int_equal(kpi_result_level_cause(kpi_evaluation_find(ev, "T")),
                     KPI_LEVEL_CAUSE_ASSESSMENT);
    assert_string_equal(level_of(ev, "G"), "B");
    assert_int_equal(kpi_result_rating(kpi_evaluation_find(ev, "G")), KPI_RATING_BEHIND);
    kpi_evaluation_free(ev);
    /* On another scale the level is unknown: the rating (its class) applies. */
    ev = evaluate_on(plan, "nagayo");
    assert_string_equal(level_of(ev, "T"), "S"); /* the level of ahead */
    kpi_evaluation_free(ev);
    /* Written back as written. */
    char *text = NULL;
    size_t size;
    assert_int_equal(kpi_plan_write_progress(&text, &size, plan, 0), KPI_OK);
    assert_non_null(strstr(text, "T,2017-09-30,,F"));
    assert_non_null(strstr(text, "G,2017-09-30,,B"));
    kpi_free(text);
    kpi_plan_free(plan);

    /* Without a scale, "F" is no rating. */
    const char *plain = "type,code,parent,title,direction,value,start_value\n"
                        "plan,P,,test,,,\n" TARGETS;
    kpi_reader *reader = NULL;
    assert_int_equal(kpi_reader_new(&reader), KPI_OK);
    plan = NULL;
    assert_int_equal(kpi_reader_read_buffers(&plan, reader, plain, strlen(plain),
                                             progress, strlen(progress)),
                     KPI_ERR_VALUE);
    assert_int_equal(kpi_error_line(), 3);
    /* With one, a word that is neither says both. */
    const char *bad = "code,date,value,rating\nT,2017-09-30,,Q\n";
    assert_int_equal(kpi_reader_read_buffers(&plan, reader, structure, strlen(structure),
                                             bad, strlen(bad)),
                     KPI_ERR_VALUE);
    assert_non_null(
        strstr(kpi_error_message(),
               "\"Q\" is neither a rating (◎ ○ △ ×, ahead, on_track, behind, "
               "not_progressed) nor a level of the plan's scale \"akiruno\""));
    kpi_reader_free(reader);
    assert_string_equal(kpi_assessment_level(NULL), "");
    assert_int_equal(kpi_assessment_set_level(NULL, "F"), KPI_ERR_ARGUMENT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plan_names_a_builtin_scale),
        cmocka_unit_test(test_plan_scale_round_trip),
        cmocka_unit_test(test_directive_rows_keep_the_width),
        cmocka_unit_test(test_plan_names_a_scale_file),
        cmocka_unit_test(test_unknown_scale_name),
        cmocka_unit_test(test_assessment_names_a_level),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
