/*
 * kpi-report: the interim report (中間報告調書) of a plan, from its two CSV
 * files or its plan workbook, as text, Markdown, JSON, CSV, HTML or an
 * Excel workbook; or the plan written as a plan workbook (--template).
 *
 *   kpi-report STRUCTURE.csv [PROGRESS.csv] [--as-of DATE] [--format FORMAT]
 *              [--lang ja|en] [--rollup RULE] [--ahead X] [--on-track Y]
 *              [--encoding ENC] [--no-assessments] [--explain-parse] [--width N]
 *              [--raw] [--template] [-o FILE]
 *   kpi-report PLAN.xlsx [OPTION]...
 *
 * The manual is docs/report.md; `kpi-report --help` says the same in short.
 * The report is rendered completely into memory before anything is written,
 * so an error never leaves a partial report on stdout, and -o FILE replaces
 * FILE only once the whole report is in a temporary file beside it.
 */
#define _POSIX_C_SOURCE 200809L /* localtime_r, open_memstream */

#include <kpi.h>

#include "kpi-report-explain.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h> /* strcasecmp */
#include <time.h>
#include <unistd.h>

/* Exit statuses, as --help and docs/report.md list them. */
enum {
    EXIT_OK = 0,   /* the report was written */
    EXIT_DATA = 1, /* a file could not be read, is not a valid plan, or the
                      report could not be written */
    EXIT_USAGE = 2 /* bad command line */
};

static const char PROGRAM[] = "kpi-report";

struct options {
    const char *structure;
    const char *progress; /* NULL: no progress file */
    const char *output;   /* NULL or "-": stdout */
    int32_t as_of;
    kpi_format format;
    kpi_lang lang;
    kpi_rollup rollup;
    double ahead;
    double on_track;
    kpi_encoding encoding;
    int use_assessments;
    int explain_parse; /* print how the texts were read instead */
    int template;      /* write the plan as a plan workbook instead */
    int raw;           /* the CSV report's texts as they are */
    int32_t width;
    int32_t threads;   /* for reading and rating */
    const char *scale; /* a built-in id or a scale file; NULL: the plan's */
    int help;
    int version;
};

static void print_help(void)
{
    printf(
        "Usage: kpi-report STRUCTURE.csv [PROGRESS.csv] [OPTION]...\n"
        "       kpi-report PLAN.xlsx [OPTION]...\n"
        "Rate a plan as of a date and print its interim report (goal, initiative,\n"
        "target; actual, expected, achievement, pace and rating ◎ ○ △ ×).\n"
        "\n"
        "Options:\n"
        "  --as-of DATE        rate as of DATE (2017-09-30, 平成29年9月30日, ...);\n"
        "                      default: the plan's report date (基準日), else today\n"
        "  --format FORMAT     text (default), markdown (or md), json, csv, html or\n"
        "                      xlsx (an Excel workbook: needs -o FILE)\n"
        "  --lang LANG         ja (default) or en: headings, words and reasons\n"
        "  --rollup RULE       how goals are rated from their children: criteria\n"
        "                      (default, the 評価基準 read literally), worst or "
        "weighted\n"
        "  --scale ID|FILE     rate on a scale: a built-in one (ueda, akiruno,\n"
        "                      kakamigahara, nagayo, manifesto-abcd, sano-points,\n"
        "                      chiho-sosei, fukuoka, seisaku-hyoka) or a scale file;\n"
        "                      default: the plan's scale column, else ◎ ○ △ ×\n"
        "  --ahead X           pace from which a target is ◎ (default 1.10)\n"
        "  --on-track Y        pace from which a target is ○ (default 0.95);\n"
        "                      0 < Y <= X\n"
        "  --encoding ENC      encoding of the CSV files: auto (default), utf-8 or "
        "cp932\n"
        "  --no-assessments    ignore the ratings people recorded; show computed ones\n"
        "  --explain-parse     instead of the report, show how each target's wording\n"
        "                      (期限・数値目標等) and each progress text (進捗状況) was\n"
        "                      read, and what the reader filled from them\n"
        "  --raw               csv format: texts as they are, for programs (by default\n"
        "                      a text a spreadsheet would run as a formula, = + - @,\n"
        "                      gets an apostrophe before it)\n"
        "  --template          instead of the report, write the plan as a plan workbook\n"
        "                      (sheets 計画 and 進捗) for staff to fill in: needs -o\n"
        "  --width N           text format: fit N terminal cells, N >= 40 (default "
        "100);\n"
        "                      wide (Japanese) characters count as two\n"
        "  --threads N         read and rate on N threads, 1 to 64 (default: the\n"
        "                      machine's cores); the report is the same on any number\n"
        "                      of threads\n"
        "  -o, --output FILE   write the report to FILE (replaced only when complete)\n"
        "                      instead of standard output\n"
        "  -h, --help          print this help and exit\n"
        "  -V, --version       print the libkpi version and exit\n"
        "\n"
        "PROGRESS.csv may be left out: the plan is then rated without figures.\n"
        "A file ending in .xlsx is a plan workbook holding both (as --template\n"
        "writes it).\n"
        "Options may also be written --option=VALUE.\n"
        "\n"
        "Exit status:\n"
        "  0  the report was written\n"
        "  1  a file could not be read or is not a valid plan file, or the report\n"
        "     could not be written (the message names the file and line)\n"
        "  2  bad usage: unknown option, missing or bad value, missing file name\n"
        "\n"
        "Example:\n"
        "  kpi-report examples/data/ueda-2017-structure.csv \\\n"
        "             examples/data/ueda-2017-progress.csv --as-of 2017-09-30\n");
}

/* Prints one line to stderr and gives the status to exit with. */
static int fail(int status, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static int fail(int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "%s: ", PROGRAM);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    return status;
}

/* The last libkpi error as one line, prefixed with file:line when the
 * message does not already start with its source. */
static int fail_kpi(int status)
{
    const char *message = kpi_error_message();
    const char *source = kpi_error_source();
    if (*source && strncmp(message, source, strlen(source)) != 0) {
        if (kpi_error_line() > 0)
            return fail(status, "%s:%ld: %s", source, (long)kpi_error_line(), message);
        return fail(status, "%s: %s", source, message);
    }
    return fail(status, "%s", message);
}

static int32_t today(void)
{
    time_t now = time(NULL);
    struct tm tm;
    if (now == (time_t)-1 || !localtime_r(&now, &tm))
        return 0;
    return (tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
}

/* ------------------------------------------------------------------------ */
/* Option values                                                            */
/* ------------------------------------------------------------------------ */

/* Each reader returns EXIT_OK or EXIT_USAGE after printing why. */

static int read_as_of(struct options *o, const char *value)
{
    if (kpi_date_parse(&o->as_of, value) != KPI_OK)
        return fail(EXIT_USAGE, "--as-of: %s", kpi_error_message());
    return EXIT_OK;
}

static int read_format(struct options *o, const char *value)
{
    if (kpi_format_parse(&o->format, value) != KPI_OK)
        return fail(EXIT_USAGE, "--format: %s", kpi_error_message());
    return EXIT_OK;
}

/* The option values are libkpi's own names of its enumerations
 * (kpi_lang_name(), kpi_rollup_name(), kpi_encoding_name()): the program
 * keeps no table of them. Each reader tries the values in order until the
 * name function runs out of names. */
static int read_lang(struct options *o, const char *value)
{
    for (int i = 0; *kpi_lang_name((kpi_lang)i); i++) {
        if (strcmp(value, kpi_lang_name((kpi_lang)i)) == 0) {
            o->lang = (kpi_lang)i;
            return EXIT_OK;
        }
    }
    return fail(EXIT_USAGE, "--lang: \"%s\" is not a language: expected ja or en", value);
}

static int read_rollup(struct options *o, const char *value)
{
    for (int i = 0; *kpi_rollup_name((kpi_rollup)i); i++) {
        if (strcmp(value, kpi_rollup_name((kpi_rollup)i)) == 0) {
            o->rollup = (kpi_rollup)i;
            return EXIT_OK;
        }
    }
    return fail(EXIT_USAGE,
                "--rollup: \"%s\" is not a roll-up rule: expected criteria, worst or "
                "weighted",
                value);
}

static int read_encoding(struct options *o, const char *value)
{
    /* "utf8" is accepted too: people write it so. */
    const char *name = strcmp(value, "utf8") == 0 ? "utf-8" : value;
    for (int i = 0; *kpi_encoding_name((kpi_encoding)i); i++) {
        if (strcmp(name, kpi_encoding_name((kpi_encoding)i)) == 0) {
            o->encoding = (kpi_encoding)i;
            return EXIT_OK;
        }
    }
    return fail(EXIT_USAGE,
                "--encoding: \"%s\" is not an encoding: expected auto, utf-8 or cp932",
                value);
}

/* A threshold: a finite number above 0, written in full. */
static int read_pace(double *out, const char *option, const char *value)
{
    char *end;
    errno = 0;
    double x = strtod(value, &end);
    if (end == value || *end != '\0' || errno != 0 || !isfinite(x) || x <= 0)
        return fail(EXIT_USAGE, "%s: \"%s\" is not a number above 0", option, value);
    *out = x;
    return EXIT_OK;
}

static int read_threads(struct options *o, const char *value)
{
    char *end;
    errno = 0;
    long n = strtol(value, &end, 10);
    if (end == value || *end != '\0' || errno != 0 || n < 1 ||
        n > KPI_POLICY_MAX_THREADS || n > KPI_READER_MAX_THREADS)
        return fail(EXIT_USAGE,
                    "--threads: \"%s\" is not a thread count: expected a whole number "
                    "from 1 to %d",
                    value, KPI_POLICY_MAX_THREADS);
    o->threads = (int32_t)n;
    return EXIT_OK;
}

/* The machine's cores, within what the library takes: programs (kpi-report,
 * the Python binding's reader) opt in to threads by default; the library
 * does not, for embedders. */
static int32_t default_threads(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1)
        return 1;
    return n > KPI_POLICY_MAX_THREADS ? KPI_POLICY_MAX_THREADS : (int32_t)n;
}

static int read_width(struct options *o, const char *value)
{
    char *end;
    errno = 0;
    long n = strtol(value, &end, 10);
    if (end == value || *end != '\0' || errno != 0 || n > INT32_MAX || (n != 0 && n < 40))
        return fail(EXIT_USAGE,
                    "--width: \"%s\" is not a width: expected a whole number of at "
                    "least 40 (or 0 for the default, 100)",
                    value);
    o->width = (int32_t)n;
    return EXIT_OK;
}

/* ------------------------------------------------------------------------ */
/* The command line                                                         */
/* ------------------------------------------------------------------------ */

typedef int (*value_reader)(struct options *, const char *);

static int read_ahead(struct options *o, const char *value)
{
    return read_pace(&o->ahead, "--ahead", value);
}

static int read_on_track(struct options *o, const char *value)
{
    return read_pace(&o->on_track, "--on-track", value);
}

static int read_scale(struct options *o, const char *value)
{
    if (!*value)
        return fail(EXIT_USAGE, "--scale: the scale is empty (an id or a file)");
    o->scale = value;
    return EXIT_OK;
}

static int read_output(struct options *o, const char *value)
{
    if (!*value)
        return fail(EXIT_USAGE, "--output: the file name is empty");
    o->output = value;
    return EXIT_OK;
}

static const struct {
    const char *name;
    value_reader read;
} valued[] = {
    {"--as-of", read_as_of},       {"--format", read_format},
    {"--lang", read_lang},         {"--rollup", read_rollup},
    {"--ahead", read_ahead},       {"--on-track", read_on_track},
    {"--encoding", read_encoding}, {"--width", read_width},
    {"--output", read_output},     {"-o", read_output},
    {"--threads", read_threads},   {"--scale", read_scale},
};

/* Handles an option that takes a value, as "--name VALUE" or
 * "--name=VALUE"; *i moves past what was used. Returns -1 when arg is no
 * such option. */
static int valued_option(struct options *o, int argc, char **argv, int *i)
{
    const char *arg = argv[*i];
    for (size_t k = 0; k < sizeof valued / sizeof valued[0]; k++) {
        size_t n = strlen(valued[k].name);
        if (strncmp(arg, valued[k].name, n) != 0)
            continue;
        if (arg[n] == '=' && arg[1] == '-')
            return valued[k].read(o, arg + n + 1);
        if (arg[n] != '\0')
            continue;
        if (*i + 1 >= argc)
            return fail(EXIT_USAGE, "%s needs a value (see %s --help)", arg, PROGRAM);
        return valued[k].read(o, argv[++*i]);
    }
    return -1;
}

static int flag_option(struct options *o, const char *arg)
{
    if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0)
        o->help = 1;
    else if (strcmp(arg, "--version") == 0 || strcmp(arg, "-V") == 0)
        o->version = 1;
    else if (strcmp(arg, "--no-assessments") == 0)
        o->use_assessments = 0;
    else if (strcmp(arg, "--explain-parse") == 0)
        o->explain_parse = 1;
    else if (strcmp(arg, "--template") == 0)
        o->template = 1;
    else if (strcmp(arg, "--raw") == 0)
        o->raw = 1;
    else
        return -1;
    return EXIT_OK;
}

static int file_argument(struct options *o, const char *arg)
{
    if (!o->structure)
        o->structure = arg;
    else if (!o->progress)
        o->progress = arg;
    else
        return fail(EXIT_USAGE,
                    "too many files: \"%s\" (expected STRUCTURE.csv "
                    "[PROGRESS.csv]; see %s --help)",
                    arg, PROGRAM);
    return EXIT_OK;
}

static void set_defaults(struct options *o)
{
    memset(o, 0, sizeof *o);
    o->as_of = 0; /* today, looked up only when needed */
    o->format = KPI_FORMAT_TEXT;
    o->lang = KPI_LANG_JA;
    o->rollup = KPI_ROLLUP_CRITERIA;
    o->ahead = NAN;
    o->threads = default_threads();
    o->on_track = NAN;
    o->encoding = KPI_ENCODING_AUTO;
    o->use_assessments = 1;
}

/* Whether the report goes to standard output (no -o, or -o -). */
static int to_stdout(const struct options *o)
{
    return !o->output || strcmp(o->output, "-") == 0;
}

/* A plan workbook is told from the CSV files by its name. */
static int is_workbook(const char *path)
{
    size_t n = strlen(path);
    return n >= 5 && strcasecmp(path + n - 5, ".xlsx") == 0;
}

/* Reads the command line in order; --help and --version end it at once. */
static int parse_options(struct options *o, int argc, char **argv)
{
    set_defaults(o);
    int files_only = 0;
    for (int i = 1; i < argc && !o->help && !o->version; i++) {
        const char *arg = argv[i];
        int rc = EXIT_OK;
        if (files_only || arg[0] != '-' || strcmp(arg, "-") == 0)
            rc = file_argument(o, arg);
        else if (strcmp(arg, "--") == 0)
            files_only = 1;
        else if ((rc = flag_option(o, arg)) < 0)
            rc = valued_option(o, argc, argv, &i);
        if (rc < 0)
            rc = fail(EXIT_USAGE, "unknown option \"%s\" (see %s --help)", arg, PROGRAM);
        if (rc != EXIT_OK)
            return rc;
    }
    if (o->help || o->version)
        return EXIT_OK;
    if (!o->structure)
        return fail(EXIT_USAGE, "no STRUCTURE.csv given (see %s --help)", PROGRAM);
    if (o->progress && is_workbook(o->structure))
        return fail(EXIT_USAGE,
                    "\"%s\": a plan workbook holds the progress sheet itself; "
                    "give no PROGRESS.csv",
                    o->progress);
    if (o->raw && o->format != KPI_FORMAT_CSV)
        return fail(EXIT_USAGE, "--raw is an option of --format csv only");
    if ((o->template || o->format == KPI_FORMAT_XLSX) && to_stdout(o))
        return fail(EXIT_USAGE, "%s writes a workbook: give -o FILE.xlsx",
                    o->template ? "--template" : "--format xlsx");
    return EXIT_OK;
}

/* ------------------------------------------------------------------------ */
/* Rating and rendering                                                     */
/* ------------------------------------------------------------------------ */

/* The scale of --scale: a built-in id, else a scale file (whose warnings
 * go to stderr); an unknown id is bad usage. */
static int set_scale(kpi_policy *policy, const char *name)
{
    kpi_scale *scale = NULL;
    int rc = kpi_scale_builtin(&scale, name);
    if (rc == KPI_ERR_NOT_FOUND && !strpbrk(name, "/."))
        return fail(EXIT_USAGE, "--scale: %s", kpi_error_message());
    if (rc == KPI_ERR_NOT_FOUND && kpi_scale_read_file(&scale, name) != KPI_OK)
        return fail_kpi(EXIT_DATA);
    for (size_t i = 0; i < kpi_scale_warning_count(scale); i++)
        fprintf(stderr, "%s: warning: %s\n", PROGRAM, kpi_scale_warning_at(scale, i));
    rc = kpi_policy_set_scale(policy, scale);
    kpi_scale_free(scale);
    return rc == KPI_OK ? EXIT_OK : fail_kpi(EXIT_DATA);
}

/* The policy of the options; EXIT_USAGE for thresholds the library refuses. */
static int make_policy(kpi_policy **out, const struct options *o)
{
    double ahead = isnan(o->ahead) ? 1.10 : o->ahead;
    double on_track = isnan(o->on_track) ? 0.95 : o->on_track;
    kpi_policy *policy = NULL;
    if (kpi_policy_new(&policy) != KPI_OK)
        return fail_kpi(EXIT_DATA);
    int rc = EXIT_OK;
    if (kpi_policy_set_thresholds(policy, ahead, on_track) != KPI_OK)
        rc = fail(EXIT_USAGE, "--ahead %g --on-track %g: %s", ahead, on_track,
                  kpi_error_message());
    else if (kpi_policy_set_rollup(policy, o->rollup) != KPI_OK ||
             kpi_policy_set_use_assessments(policy, o->use_assessments) != KPI_OK ||
             kpi_policy_set_threads(policy, o->threads) != KPI_OK)
        rc = fail_kpi(EXIT_DATA);
    else if (o->scale)
        rc = set_scale(policy, o->scale);
    if (rc != EXIT_OK) {
        kpi_policy_free(policy);
        return rc;
    }
    *out = policy;
    return EXIT_OK;
}

static int read_plan(kpi_plan **plan, kpi_reader **reader, const struct options *o)
{
    if (kpi_reader_new(reader) != KPI_OK ||
        kpi_reader_set_encoding(*reader, o->encoding) != KPI_OK ||
        kpi_reader_set_threads(*reader, o->threads) != KPI_OK)
        return fail_kpi(EXIT_DATA);
    int rc = is_workbook(o->structure)
                 ? kpi_reader_read_xlsx(plan, *reader, o->structure)
                 : kpi_reader_read_files(plan, *reader, o->structure, o->progress);
    if (rc != KPI_OK)
        return fail_kpi(EXIT_DATA);
    return EXIT_OK;
}

/* What is printed: a report libkpi rendered (released with kpi_free) or
 * the explanation built here (released with free). */
struct output {
    char *text;
    size_t size;
    void (*release)(void *);
    int written; /* already in its file (kpi_evaluation_write()) */
};

/* The text format takes a width; the others have no option. A report for a
 * file is written as it is rendered (a JSON report of a million targets is
 * gigabytes, never held whole), replacing the file only once complete. */
static int render_evaluation(struct output *out, const kpi_evaluation *ev,
                             const struct options *o)
{
    uint32_t csv_flags = o->raw ? KPI_WRITE_RAW : 0;
    if (o->format == KPI_FORMAT_CSV && !to_stdout(o)) {
        out->written = 1;
        return kpi_evaluation_write_csv(ev, o->output, o->lang, csv_flags);
    }
    if (o->format == KPI_FORMAT_CSV)
        return kpi_evaluation_render_csv(&out->text, &out->size, ev, o->lang, csv_flags);
    if (o->format != KPI_FORMAT_TEXT && !to_stdout(o)) {
        out->written = 1;
        return kpi_evaluation_write(ev, o->output, o->format, o->lang);
    }
    if (o->format == KPI_FORMAT_TEXT)
        return kpi_evaluation_render_text(&out->text, &out->size, ev, o->lang, o->width);
    return kpi_evaluation_render(&out->text, &out->size, ev, o->format, o->lang);
}

/* Reads, rates and renders into *out; prints the error on failure. */
static int render(struct output *out, kpi_reader **reader, const struct options *o)
{
    kpi_policy *policy = NULL;
    kpi_plan *plan = NULL;
    kpi_evaluation *ev = NULL;
    int rc = make_policy(&policy, o);
    if (rc == EXIT_OK)
        rc = read_plan(&plan, reader, o);
    if (rc == EXIT_OK && o->template) {
        out->written = 1;
        if (kpi_plan_write_xlsx(plan, o->output) != KPI_OK)
            rc = fail_kpi(EXIT_DATA);
        kpi_plan_free(plan);
        kpi_policy_free(policy);
        return rc;
    }
    if (rc == EXIT_OK && o->explain_parse) {
        out->release = free;
        if (kpi_report_explain(&out->text, &out->size, plan) != KPI_OK)
            rc = fail(EXIT_DATA, "out of memory");
        kpi_plan_free(plan);
        kpi_policy_free(policy);
        return rc;
    }
    int32_t as_of = o->as_of;
    if (rc == EXIT_OK && !as_of && !kpi_plan_report_date(plan) && !(as_of = today()))
        rc = fail(EXIT_USAGE, "cannot tell today's date: give --as-of");
    /* as_of 0 here: the plan's report date (基準日) */
    if (rc == EXIT_OK && kpi_evaluate(&ev, plan, as_of, policy) != KPI_OK)
        rc = fail_kpi(EXIT_DATA);
    if (rc == EXIT_OK && render_evaluation(out, ev, o) != KPI_OK)
        rc = fail_kpi(EXIT_DATA);
    kpi_evaluation_free(ev);
    kpi_plan_free(plan);
    kpi_policy_free(policy);
    return rc;
}

/* ------------------------------------------------------------------------ */
/* Writing                                                                  */
/* ------------------------------------------------------------------------ */

static int write_stdout(const char *report, size_t size)
{
    if (fwrite(report, 1, size, stdout) != size || fflush(stdout) != 0)
        return fail(EXIT_DATA, "standard output: cannot write: %s", strerror(errno));
    return EXIT_OK;
}

/* libkpi's own atomic write: path is either untouched or complete. */
static int write_file(const char *path, const char *report, size_t size)
{
    if (kpi_file_write(path, report, size) != KPI_OK)
        return fail_kpi(EXIT_DATA);
    return EXIT_OK;
}

/* What was ignored in the files is always worth a line; what was read from
 * the targets' wording is shown by --explain-parse instead. */
static void print_warnings(const kpi_reader *reader)
{
    for (size_t i = 0; i < kpi_reader_warning_count(reader); i++)
        if (kpi_reader_warning_kind_at(reader, i) == KPI_WARNING_IGNORED)
            fprintf(stderr, "%s: warning: %s\n", PROGRAM,
                    kpi_reader_warning_at(reader, i));
}

int main(int argc, char **argv)
{
    struct options o;
    int rc = parse_options(&o, argc, argv);
    if (rc != EXIT_OK)
        return rc;
    if (o.help) {
        print_help();
        return EXIT_OK;
    }
    if (o.version) {
        printf("%s (libkpi) %s\n", PROGRAM, kpi_version());
        return EXIT_OK;
    }
    struct output out = {NULL, 0, kpi_free, 0};
    kpi_reader *reader = NULL;
    rc = render(&out, &reader, &o);
    if (rc == EXIT_OK && !out.written)
        rc = to_stdout(&o) ? write_stdout(out.text, out.size)
                           : write_file(o.output, out.text, out.size);
    if (rc == EXIT_OK)
        print_warnings(reader);
    out.release(out.text);
    kpi_reader_free(reader);
    return rc;
}
