/*
 * test_scales_render.c: reports on a scale (docs/scales.md, "Results and
 * reports"): the seed rated on each built-in scale renders in every format
 * and language with that scale's legend (every level's symbol and label),
 * the levels beside the ratings in JSON and CSV, the counts per level, and
 * reason lines that name the measure and bound that decided, as the
 * contract's examples write them.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "kpi.h"
#include "seed.h"

static kpi_evaluation *rated_on(const kpi_plan *plan, const char *id)
{
    kpi_evaluation *ev = evaluation_on_scale(plan, id, 20170930);
    assert_non_null(ev);
    return ev;
}

static char *render(const kpi_evaluation *ev, kpi_format format, kpi_lang lang)
{
    char *out = NULL;
    assert_int_equal(kpi_evaluation_render(&out, NULL, ev, format, lang), KPI_OK);
    return out;
}

static void contains(const char *report, const char *what, const char *where)
{
    if (!strstr(report, what))
        fail_msg("%s lacks \"%s\"", where, what);
}

/* Every format, both languages, on every built-in scale: the legend is the
 * scale's, and a target's level is shown. */
static void test_seed_on_every_scale_in_every_format(void **state)
{
    (void)state;
    kpi_plan *plan = seed_plan();
    for (size_t i = 0; i < kpi_scale_builtin_count(); i++) {
        const char *id = kpi_scale_builtin_id_at(i);
        kpi_evaluation *ev = rated_on(plan, id);
        const kpi_scale *s = kpi_evaluation_scale(ev);
        for (int lang = KPI_LANG_JA; lang <= KPI_LANG_EN; lang++) {
            for (int format = KPI_FORMAT_TEXT; format <= KPI_FORMAT_HTML; format++) {
                char *out = render(ev, (kpi_format)format, (kpi_lang)lang);
                char where[96];
                snprintf(where, sizeof where, "%s, format %d, lang %d", id, format, lang);
                for (size_t l = 0; l < kpi_scale_level_count(s); l++) {
                    contains(out, kpi_scale_level_symbol(s, l), where);
                    if (format != KPI_FORMAT_CSV) /* the CSV report has no legend */
                        contains(out, kpi_scale_level_label(s, l, (kpi_lang)lang), where);
                }
                if (format == KPI_FORMAT_JSON && strcmp(id, "ueda") != 0) {
                    char member[64];
                    snprintf(member, sizeof member, "\"id\": \"%s\"", id);
                    contains(out, member, where);
                    contains(out, "\"level_name\": ", where);
                    contains(out, "\"level_counts\": ", where);
                }
                if (format == KPI_FORMAT_CSV)
                    contains(out, ",overdue,level,level_name\r\n", where);
                kpi_free(out);
            }
        }
        kpi_evaluation_free(ev);
    }
    kpi_plan_free(plan);
}

/* The reason names the measure and the bound: the contract's examples,
 * 達成率92% (90%以上) → B and 基準値比+12% (10%超) → A. */
static void test_reason_names_measure_and_bound(void **state)
{
    (void)state;
    const char *structure =
        "type,code,parent,title,kind,direction,value,start_value,due\n"
        "plan,P,,p,,,,,\ngoal,G,P,g,,,,,\n"
        "target,M,G,m,numeric,increase,100,0,2018-03-31\n"
        "target,N,G,n,numeric,increase,80,50,2018-03-31\n";
    const char *progress = "code,date,value\nM,2017-09-30,92\nN,2017-09-30,56\n";
    kpi_plan *plan = NULL;
    kpi_reader *reader = NULL;
    assert_int_equal(kpi_reader_new(&reader), KPI_OK);
    assert_int_equal(kpi_reader_read_buffers(&plan, reader, structure, strlen(structure),
                                             progress, strlen(progress)),
                     KPI_OK);
    kpi_reader_free(reader);

    kpi_evaluation *ev = rated_on(plan, "manifesto-abcd");
    const char *ja = kpi_result_reason(kpi_evaluation_find(ev, "M"), KPI_LANG_JA);
    contains(ja, "、達成率92% (90%以上) → B", "manifesto M (ja)");
    const char *en = kpi_result_reason(kpi_evaluation_find(ev, "M"), KPI_LANG_EN);
    contains(en, "; achievement 92% (90% or more) → B", "manifesto M (en)");
    /* The goal: its children by level and the roll-up. */
    contains(kpi_result_reason(kpi_evaluation_find(ev, "G"), KPI_LANG_JA),
             "A0 B1 C0 D1 → D [最も低い水準]", "manifesto G");
    kpi_evaluation_free(ev);

    ev = rated_on(plan, "nagayo");
    contains(kpi_result_reason(kpi_evaluation_find(ev, "N"), KPI_LANG_JA),
             "基準値比+12% (10%超) → A", "nagayo N (ja)");
    contains(kpi_result_reason(kpi_evaluation_find(ev, "N"), KPI_LANG_EN),
             "change +12% (over 10%) → A", "nagayo N (en)");
    kpi_evaluation_free(ev);
    kpi_plan_free(plan);
}

/* A status the scale maps is named; the default scale's lines are v2's. */
static void test_reason_of_a_status_and_the_default(void **state)
{
    (void)state;
    kpi_plan *plan = seed_plan();
    kpi_evaluation *ev = rated_on(plan, "akiruno");
    /* 1-1-b is reported 完了 (done): Akiruno maps done to F. */
    const kpi_result *r = kpi_evaluation_find(ev, "1-1-b");
    assert_string_equal(
        kpi_scale_level_symbol(kpi_evaluation_scale(ev), (size_t)kpi_result_level(r)),
        "F");
    contains(kpi_result_reason(r, KPI_LANG_JA), "、完了 → F", "akiruno 1-1-b");
    kpi_evaluation_free(ev);

    kpi_evaluation *plain = seed_evaluation(20170930);
    ev = rated_on(plan, "ueda");
    for (size_t i = 0; i < kpi_evaluation_result_count(plain); i++) {
        const kpi_result *a = kpi_evaluation_result_at(plain, i);
        const kpi_result *b = kpi_evaluation_result_at(ev, i);
        /* The same ratings; only the lines of the explicit scale add its
         * level (or its counts per level, for goals). */
        assert_int_equal(kpi_result_rating(a), kpi_result_rating(b));
        assert_null(strstr(kpi_result_reason(a, KPI_LANG_JA), "最も低い水準"));
    }
    kpi_evaluation_free(ev);
    kpi_evaluation_free(plain);
    kpi_plan_free(plan);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seed_on_every_scale_in_every_format),
        cmocka_unit_test(test_reason_names_measure_and_bound),
        cmocka_unit_test(test_reason_of_a_status_and_the_default),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
