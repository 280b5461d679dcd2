/*
 * kpi-demo: reads a plan from its two CSV files, rates it as of a date and
 * prints every goal, initiative and target with its rating and reason.
 *
 *   kpi-demo STRUCTURE.csv [PROGRESS.csv] [--as-of YYYY-MM-DD] [--lang ja|en]
 *
 * examples/demo.sh runs it on the seed report (examples/data/) as of
 * 2017-09-30, the date of the report's mid-year figures.
 */
#include <kpi.h>

#include <stdio.h>
#include <string.h>
#include <time.h>

struct options {
    const char *structure;
    const char *progress;
    int32_t as_of;
    kpi_lang lang;
};

static int usage(void)
{
    fprintf(stderr, "usage: kpi-demo STRUCTURE.csv [PROGRESS.csv] [--as-of YYYY-MM-DD] "
                    "[--lang ja|en]\n");
    return 2;
}

static int32_t today(void)
{
    time_t now = time(NULL);
    struct tm tm = *localtime(&now);
    return (tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
}

static int parse_options(struct options *o, int argc, char **argv)
{
    o->structure = o->progress = NULL;
    o->as_of = today();
    o->lang = KPI_LANG_JA;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--as-of") == 0 && i + 1 < argc) {
            if (kpi_date_parse(&o->as_of, argv[++i]) != KPI_OK) {
                fprintf(stderr, "kpi-demo: --as-of: %s\n", kpi_error_message());
                return 0;
            }
        } else if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc) {
            o->lang = strcmp(argv[++i], "en") == 0 ? KPI_LANG_EN : KPI_LANG_JA;
        } else if (argv[i][0] == '-') {
            return 0;
        } else if (!o->structure) {
            o->structure = argv[i];
        } else if (!o->progress) {
            o->progress = argv[i];
        } else {
            return 0;
        }
    }
    return o->structure != NULL;
}

static void print_header(const kpi_plan *plan, const kpi_evaluation *ev)
{
    char *start = NULL, *end = NULL, *as_of = NULL;
    kpi_date_format(&start, kpi_evaluation_start(ev));
    kpi_date_format(&end, kpi_evaluation_end(ev));
    kpi_date_format(&as_of, kpi_evaluation_as_of(ev));
    printf("%s\n%s %s  %s..%s  as of %s\n\n", kpi_plan_title(plan),
           kpi_plan_organization(plan), kpi_plan_department(plan), start ? start : "",
           end ? end : "", as_of ? as_of : "");
    kpi_free(start);
    kpi_free(end);
    kpi_free(as_of);
}

/* One line per goal or target, indented by depth, then its reason. */
static void print_results(const kpi_evaluation *ev, kpi_lang lang)
{
    for (size_t i = 0; i < kpi_evaluation_result_count(ev); i++) {
        const kpi_result *r = kpi_evaluation_result_at(ev, i);
        int indent = 2 * kpi_result_depth(r);
        const char *symbol = kpi_rating_symbol(kpi_result_rating(r));
        printf("%*s%s %s %s\n%*s    %s\n", indent, "", *symbol ? symbol : "－",
               kpi_result_code(r), kpi_result_title(r), indent, "",
               kpi_result_reason(r, lang));
    }
}

static void print_notes(const kpi_plan *plan)
{
    printf("\n");
    for (size_t i = 0; i < kpi_plan_note_count(plan); i++)
        printf("%s\n", kpi_plan_note_at(plan, i));
}

static int report(const struct options *o, kpi_reader *reader)
{
    kpi_plan *plan = NULL;
    kpi_policy *policy = NULL;
    kpi_evaluation *ev = NULL;
    int rc = kpi_reader_read_files(&plan, reader, o->structure, o->progress);
    if (rc == KPI_OK)
        rc = kpi_policy_new(&policy);
    if (rc == KPI_OK)
        rc = kpi_evaluate(&ev, plan, o->as_of, policy);
    if (rc == KPI_OK) {
        print_header(plan, ev);
        print_results(ev, o->lang);
        print_notes(plan);
    } else {
        fprintf(stderr, "kpi-demo: %s\n", kpi_error_message());
    }
    kpi_evaluation_free(ev);
    kpi_policy_free(policy);
    kpi_plan_free(plan);
    return rc;
}

int main(int argc, char **argv)
{
    struct options o;
    if (!parse_options(&o, argc, argv))
        return usage();
    kpi_reader *reader = NULL;
    int rc = kpi_reader_new(&reader);
    if (rc == KPI_OK)
        rc = report(&o, reader);
    for (size_t i = 0; rc == KPI_OK && i < kpi_reader_warning_count(reader); i++)
        fprintf(stderr, "kpi-demo: warning: %s\n", kpi_reader_warning_at(reader, i));
    kpi_reader_free(reader);
    return rc == KPI_OK ? 0 : 1;
}
