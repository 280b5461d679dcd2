/* hostile_outputs: a plan whose every text field holds hostile strings
 * (tests/data/hostile/strings.txt: script tags, event attributes,
 * javascript: URLs, a closing </style>, quotes that would end an
 * attribute, spreadsheet formulas), built through the API and written in
 * every form people open: for tests/hostile.cmake, which opens the HTML
 * in headless Chromium and the CSV files and workbooks in LibreOffice.
 *
 *   hostile_outputs STRINGS OUTDIR
 *
 * writes OUTDIR/report.html, report-en.html, report.csv, structure.csv,
 * progress.csv, plan.xlsx and report.xlsx; exit status 0, or 1 with
 * libkpi's message. */
#include <kpi.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MOST 64

static int fail(const char *what)
{
    fprintf(stderr, "hostile_outputs: %s: %s\n", what, kpi_error_message());
    return 1;
}

/* The strings, one a line (a line ends at LF only: one holds a CR). */
static size_t read_strings(const char *path, char *buf, size_t size, char **strings)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    size_t n = fread(buf, 1, size - 1, f), count = 0;
    fclose(f);
    buf[n] = '\0';
    for (char *line = buf; *line && count < MOST;) {
        char *end = strchr(line, '\n');
        if (end)
            *end = '\0';
        strings[count++] = line;
        line = end ? end + 1 : line + strlen(line);
    }
    return count;
}

/* Goal g<i>: its title, an update, an assessment, a note and a target
 * whose label, unit, wording, measurement, update and assessment all hold
 * strings of the list. */
/* A goal's code: the string itself when a code can be it (codes are
 * trimmed, and ';' separates a directive's goals), made unique; else g<i>.
 * The first goal keeps g0, which the directive names. */
static void goal_code(char *code, size_t size, const char *text, size_t i)
{
    size_t n = strlen(text);
    int usable = i > 0 && n > 0 && n < 200 && !strchr(text, ';') &&
                 (unsigned char)text[0] > ' ' && (unsigned char)text[n - 1] > ' ';
    if (usable)
        snprintf(code, size, "%s#%zu", text, i);
    else
        snprintf(code, size, "g%zu", i);
}

static int add_goal(kpi_plan *plan, char **s, size_t n, size_t i)
{
    char code[256];
    goal_code(code, sizeof code, s[i], i);
    kpi_goal *g = kpi_plan_add_goal(plan, code, s[i]);
    if (!g)
        return fail(code);
    kpi_update *u = kpi_goal_add_update(g, 20170901, s[(i + 1) % n]);
    kpi_assessment *a =
        kpi_goal_add_assessment(g, 20170915, KPI_RATING_BEHIND, s[(i + 2) % n]);
    snprintf(code, sizeof code, "n%zu", i);
    if (!u || kpi_update_set_author(u, s[(i + 3) % n]) != KPI_OK || !a ||
        kpi_assessment_set_author(a, s[(i + 4) % n]) != KPI_OK ||
        kpi_goal_add_note(g, code, s[(i + 5) % n]) != KPI_OK)
        return fail("a goal's update, assessment or note");
    snprintf(code, sizeof code, "t%zu", i);
    kpi_target *t = kpi_goal_add_target(g, code, s[(i + 6) % n]);
    if (!t || kpi_target_set_unit(t, s[(i + 7) % n]) != KPI_OK ||
        kpi_target_set_text(t, s[(i + 8) % n]) != KPI_OK ||
        kpi_target_set_value(t, 10) != KPI_OK)
        return fail(code);
    kpi_measurement *m =
        kpi_target_add_measurement(t, 20170930, (double)i - 3, s[(i + 9) % n]);
    kpi_update *tu = kpi_target_add_update(t, 20170930, s[(i + 10) % n]);
    kpi_assessment *ta =
        kpi_target_add_assessment(t, 20170930, KPI_RATING_ON_TRACK, s[(i + 11) % n]);
    if (!m || kpi_measurement_set_author(m, s[(i + 12) % n]) != KPI_OK || !tu || !ta)
        return fail("a target's measurement, update or assessment");
    return 0;
}

/* A directive to the first goal with its follow-up, and the plan's own
 * fields. */
static int add_plan_texts(kpi_plan *plan, char **s, size_t n)
{
    kpi_directive *d = kpi_plan_add_directive(plan, "d1", s[n - 1]);
    if (!d || kpi_directive_set_issuer(d, s[0]) != KPI_OK ||
        kpi_directive_add_goal(d, kpi_plan_find_goal(plan, "g0")) != KPI_OK ||
        !kpi_directive_add_update(d, 20170920, s[1]))
        return fail("the directive");
    if (kpi_plan_set_title(plan, s[2]) != KPI_OK ||
        kpi_plan_set_organization(plan, s[3]) != KPI_OK ||
        kpi_plan_set_department(plan, s[4]) != KPI_OK ||
        kpi_plan_add_note(plan, "n-plan", s[5]) != KPI_OK ||
        kpi_plan_set_report_date(plan, 20170930) != KPI_OK)
        return fail("the plan's texts");
    return 0;
}

static int write_all(const kpi_plan *plan, const char *dir)
{
    char path[4096], other[4096];
    kpi_evaluation *ev = NULL;
    if (kpi_evaluate(&ev, plan, 0, NULL) != KPI_OK)
        return fail("evaluating");
    static const struct {
        const char *name;
        kpi_format format;
        kpi_lang lang;
    } reports[] = {{"report.html", KPI_FORMAT_HTML, KPI_LANG_JA},
                   {"report-en.html", KPI_FORMAT_HTML, KPI_LANG_EN},
                   {"report.csv", KPI_FORMAT_CSV, KPI_LANG_JA},
                   {"report.xlsx", KPI_FORMAT_XLSX, KPI_LANG_JA}};
    int rc = 0;
    for (size_t i = 0; !rc && i < sizeof reports / sizeof *reports; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, reports[i].name);
        if (kpi_evaluation_write(ev, path, reports[i].format, reports[i].lang) != KPI_OK)
            rc = fail(path);
    }
    kpi_evaluation_free(ev);
    snprintf(path, sizeof path, "%s/structure.csv", dir);
    snprintf(other, sizeof other, "%s/progress.csv", dir);
    if (!rc && kpi_plan_write_files(plan, path, other, KPI_WRITE_DEFAULT) != KPI_OK)
        rc = fail(path);
    snprintf(path, sizeof path, "%s/plan.xlsx", dir);
    if (!rc && kpi_plan_write_xlsx(plan, path) != KPI_OK)
        rc = fail(path);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: hostile_outputs STRINGS OUTDIR\n");
        return 2;
    }
    static char buf[65536];
    char *strings[MOST];
    size_t n = read_strings(argv[1], buf, sizeof buf, strings);
    if (n < 13) {
        fprintf(stderr, "hostile_outputs: %s: too few strings\n", argv[1]);
        return 1;
    }
    kpi_plan *plan = NULL;
    if (kpi_plan_new(&plan, "hostile") != KPI_OK)
        return fail("the plan");
    int rc = 0;
    for (size_t i = 0; !rc && i < n; i++)
        rc = add_goal(plan, strings, n, i);
    if (!rc)
        rc = add_plan_texts(plan, strings, n);
    if (!rc)
        rc = write_all(plan, argv[2]);
    kpi_plan_free(plan);
    return rc;
}
