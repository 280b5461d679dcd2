/* Fuzz target: scale files. The bytes are read as a scale file; one that
 * reads is set on a policy, a fixed plan with every kind of target and
 * status is rated on it (and named by a plan read from its files), and
 * the evaluation rendered in every format and language with every reason
 * line. A read may fail, with a message; nothing may crash, leak or hang,
 * and every level a result gets must be one of the scale's. */
#include <kpi.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char structure[] =
    "type,code,parent,title,kind,direction,value,start_value,due,weight\n"
    "plan,P,,p,,,,,,\ngoal,G,P,g,,,,,,\ngoal,H,G,h,,,,,,2\n"
    "target,A,G,a,numeric,increase,100,0,2018-03-31,\n"
    "target,B,G,b,numeric,decrease,50,80,2018-03-31,3\n"
    "target,C,H,c,milestone,,,,2017-12-31,\n"
    "target,D,H,d,qualitative,,,,,\n"
    "target,E,H,e,numeric,increase,150,100,2018-03-31,\n";
static const char progress[] =
    "code,date,value,rating,status\n"
    "A,2017-09-30,92,,\nB,2017-09-30,70,,\nC,2017-09-01,,,done\n"
    "E,2017-08-01,,,cancelled\nH,2017-09-30,,△,\n";

static void check_error(int rc)
{
    if (rc != KPI_OK && (kpi_error_code() != rc || kpi_error_message()[0] == '\0'))
        abort();
}

static void check_levels(const kpi_evaluation *ev)
{
    size_t levels = kpi_scale_level_count(kpi_evaluation_scale(ev));
    for (size_t i = 0; i < kpi_evaluation_result_count(ev); i++) {
        const kpi_result *r = kpi_evaluation_result_at(ev, i);
        int32_t level = kpi_result_level(r);
        if (level < -1 || (level >= 0 && (size_t)level >= levels))
            abort();
        for (int lang = KPI_LANG_JA; lang <= KPI_LANG_EN; lang++)
            if (!kpi_result_reason(r, (kpi_lang)lang))
                abort();
    }
    for (int format = KPI_FORMAT_TEXT; format <= KPI_FORMAT_HTML; format++) {
        char *out = NULL;
        check_error(
            kpi_evaluation_render(&out, NULL, ev, (kpi_format)format, KPI_LANG_JA));
        kpi_free(out);
    }
}

static void rate_on(const kpi_scale *scale, kpi_plan *plan)
{
    kpi_policy *policy = NULL;
    kpi_evaluation *ev = NULL;
    if (kpi_policy_new(&policy) != KPI_OK)
        return;
    if (kpi_policy_set_scale(policy, scale) == KPI_OK &&
        kpi_evaluate(&ev, plan, 20170930, policy) == KPI_OK)
        check_levels(ev);
    kpi_evaluation_free(ev);
    kpi_policy_free(policy);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    kpi_scale *scale = NULL;
    int rc = kpi_scale_read_buffer(&scale, (const char *)data, size, "fuzz.csv");
    check_error(rc);
    if (rc != KPI_OK)
        return 0;
    for (size_t i = 0; i < kpi_scale_warning_count(scale); i++)
        if (!kpi_scale_warning_at(scale, i)[0])
            abort();
    kpi_reader *reader = NULL;
    kpi_plan *plan = NULL;
    if (kpi_reader_new(&reader) == KPI_OK &&
        kpi_reader_read_buffers(&plan, reader, structure, sizeof structure - 1, progress,
                                sizeof progress - 1) == KPI_OK) {
        rate_on(scale, plan);
        kpi_plan_set_scale(plan, scale);
        rate_on(NULL, plan); /* the plan's scale */
    }
    kpi_plan_free(plan);
    kpi_reader_free(reader);
    kpi_scale_free(scale);
    return 0;
}
