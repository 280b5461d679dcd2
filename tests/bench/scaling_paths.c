/*
 * The paths kpi-bench --scaling times: for each, how its input of size n
 * is built (prepare, untimed) and the operation timed on it (run). Every
 * operation is one public call, or a few, and frees what it made, so that
 * it can be repeated.
 */
#include "scaling.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FISCAL_YEAR 2017

/* ---- preparing ---- */

static int nomem(void)
{
    return KPI_ERR_NOMEM;
}

/* A huge cell of the path's shape, n bytes. */
static int prep_cell(struct scaling_input *in)
{
    in->text = scaling_cell((enum scaling_shape)in->path->shape, (size_t)in->n);
    if (!in->text)
        return nomem();
    in->size = strlen(in->text);
    return KPI_OK;
}

/* A plan of one target, the cell in its goal title, label and update. */
static int prep_cell_plan(struct scaling_input *in)
{
    int rc = prep_cell(in);
    if (rc != KPI_OK)
        return rc;
    in->plan = scaling_cell_plan(in->text);
    return in->plan ? KPI_OK : kpi_error_code();
}

/* The same plan and its evaluation. */
static int prep_cell_eval(struct scaling_input *in)
{
    int rc = prep_cell_plan(in);
    return rc == KPI_OK ? scaling_evaluate(&in->ev, in->plan) : rc;
}

/* The same plan's two files. */
static int prep_cell_files(struct scaling_input *in)
{
    int rc = prep_cell_plan(in);
    return rc == KPI_OK ? scaling_write_files(in, in->plan) : rc;
}

/* The path's plan of n. */
static int prep_plan(struct scaling_input *in)
{
    in->plan = in->path->build(in->n);
    return in->plan ? KPI_OK : kpi_error_code();
}

/* The path's plan of n and its evaluation. */
static int prep_eval(struct scaling_input *in)
{
    int rc = prep_plan(in);
    return rc == KPI_OK ? scaling_evaluate(&in->ev, in->plan) : rc;
}

/* The path's plan of n as its two files. */
static int prep_files(struct scaling_input *in)
{
    int rc = prep_plan(in);
    return rc == KPI_OK ? scaling_write_files(in, in->plan) : rc;
}

/* The path's pattern repeated, then its suffix: n bytes in all. */
static int prep_text(struct scaling_input *in)
{
    const char *suffix = in->path->suffix ? in->path->suffix : "";
    size_t tail = strlen(suffix);
    size_t head = (size_t)in->n > tail ? (size_t)in->n - tail : 0;
    char *body = scaling_repeat(in->path->pattern, head);
    if (!body)
        return nomem();
    in->size = strlen(body) + tail;
    in->text = malloc(in->size + 1);
    if (in->text) {
        memcpy(in->text, body, in->size - tail);
        memcpy(in->text + in->size - tail, suffix, tail + 1);
    }
    free(body);
    return in->text ? KPI_OK : nomem();
}

/* Nothing: the run builds its input itself. */
static int prep_none(struct scaling_input *in)
{
    (void)in;
    return KPI_OK;
}

void scaling_input_free(struct scaling_input *in)
{
    free(in->text);
    kpi_free(in->structure);
    kpi_free(in->progress);
    kpi_evaluation_free(in->ev);
    kpi_plan_free(in->plan);
    const struct scaling_path *path = in->path;
    memset(in, 0, sizeof *in);
    in->path = path;
}

/* ---- the operations timed ---- */

static int run_render(const struct scaling_input *in)
{
    char *out = NULL;
    const struct scaling_path *p = in->path;
    int rc = p->format == KPI_FORMAT_TEXT && p->width
                 ? kpi_evaluation_render_text(&out, NULL, in->ev, KPI_LANG_JA, p->width)
                 : kpi_evaluation_render(&out, NULL, in->ev, p->format, KPI_LANG_JA);
    kpi_free(out);
    return rc;
}

/* The setters a reader calls for a cell: goal title, target label and
 * text, an update's text. */
static int run_setters(const struct scaling_input *in)
{
    kpi_plan *plan;
    int rc = kpi_plan_new(&plan, "setters");
    if (rc != KPI_OK)
        return rc;
    kpi_goal *goal = kpi_plan_add_goal(plan, "G", NULL);
    kpi_goal_set_title(goal, in->text);
    kpi_target *t = kpi_goal_add_target(goal, "T", NULL);
    kpi_target_set_label(t, in->text);
    kpi_target_set_text(t, in->text);
    kpi_target_add_update(t, 20170930, in->text);
    rc = kpi_plan_error_code(plan);
    kpi_plan_free(plan);
    return rc;
}

static int run_phrase(const struct scaling_input *in)
{
    kpi_phrase *phrase;
    int rc = kpi_phrase_parse(&phrase, in->text, FISCAL_YEAR);
    kpi_phrase_free(phrase);
    return rc;
}

static int run_prose(const struct scaling_input *in)
{
    kpi_prose *prose;
    int rc = kpi_prose_read(&prose, in->text, FISCAL_YEAR);
    kpi_prose_free(prose);
    return rc;
}

static int run_date(const struct scaling_input *in)
{
    int32_t date;
    return kpi_date_parse(&date, in->text);
}

/* A text that is no date: the error is the expected outcome. */
static int run_not_date(const struct scaling_input *in)
{
    int32_t date;
    int rc = kpi_date_parse(&date, in->text);
    return rc == KPI_ERR_DATE ? KPI_OK : rc == KPI_OK ? KPI_ERR_VALUE : rc;
}

static int run_read(const struct scaling_input *in)
{
    kpi_reader *reader;
    kpi_plan *plan = NULL;
    int rc = kpi_reader_new(&reader);
    if (rc == KPI_OK)
        rc = kpi_reader_read_buffers(&plan, reader, in->structure, in->structure_size,
                                     in->progress, in->progress_size);
    kpi_plan_free(plan);
    kpi_reader_free(reader);
    return rc;
}

static int run_write(const struct scaling_input *in)
{
    char *structure = NULL, *progress = NULL;
    int rc = kpi_plan_write_structure(&structure, NULL, in->plan, KPI_WRITE_DEFAULT);
    if (rc == KPI_OK)
        rc = kpi_plan_write_progress(&progress, NULL, in->plan, KPI_WRITE_DEFAULT);
    kpi_free(structure);
    kpi_free(progress);
    return rc;
}

static int run_evaluate(const struct scaling_input *in)
{
    kpi_evaluation *ev;
    int rc = scaling_evaluate(&ev, in->plan);
    kpi_evaluation_free(ev);
    return rc;
}

static int run_validate(const struct scaling_input *in)
{
    kpi_problems *problems;
    int rc = kpi_validate(&problems, in->plan, 20170930, NULL);
    kpi_problems_free(problems);
    return rc;
}

/* Building the path's plan with the setters, and freeing it. */
static int run_build(const struct scaling_input *in)
{
    kpi_plan *plan = in->path->build(in->n);
    if (!plan)
        return kpi_error_code() ? kpi_error_code() : KPI_ERR_NOMEM;
    kpi_plan_free(plan);
    return KPI_OK;
}

/* Renaming every target of the plan, and back. */
static int run_rename(const struct scaling_input *in)
{
    kpi_goal *goal = kpi_plan_goal_at(in->plan, 0);
    size_t count = kpi_goal_target_count(goal);
    char code[32];
    int rc = KPI_OK;
    for (int pass = 0; pass < 2 && rc == KPI_OK; pass++)
        for (size_t i = 0; i < count && rc == KPI_OK; i++) {
            snprintf(code, sizeof code, pass ? "T%zu" : "R%zu", i + 1);
            rc = kpi_target_set_code(kpi_goal_target_at(goal, i), code);
        }
    return rc;
}

/* ---- the paths ---- */

#define KIB 1024L
#define TEXT KPI_FORMAT_TEXT
#define CELL_TEXT(name_, shape_, width_, n_)                                             \
    {                                                                                    \
        "text wrapping", name_, "bytes", n_, KPI_MAX_FIELD, shape_, TEXT, width_, NULL,  \
            NULL, NULL, prep_cell_eval, run_render                                       \
    }
#define CELL_RENDER(name_, format_, n_)                                                  \
    {                                                                                    \
        "escaping", name_, "bytes", n_, KPI_MAX_FIELD, SHAPE_MIXED, format_, 0, NULL,    \
            NULL, NULL, prep_cell_eval, run_render                                       \
    }
#define TEXT_PATH(area_, name_, n_, max_, pattern_, suffix_, run_)                       \
    {                                                                                    \
        area_, name_, "bytes", n_, max_, 0, TEXT, 0, pattern_, suffix_, NULL, prep_text, \
            run_                                                                         \
    }
#define PLAN_PATH(area_, name_, unit_, n_, build_, format_, prepare_, run_)              \
    {                                                                                    \
        area_, name_, unit_, n_, 0, 0, format_, 0, NULL, NULL, build_, prepare_, run_    \
    }
#define RENDER_BIG(name_, format_, n_)                                                   \
    PLAN_PATH("renderers", name_, "targets", n_, scaling_big_plan, format_, prep_eval,   \
              run_render)

const struct scaling_path scaling_paths[] = {
    CELL_TEXT("text 40 cells: huge mixed cell", SHAPE_MIXED, 40, 64 * KIB),
    CELL_TEXT("text 160 cells: huge mixed cell", SHAPE_MIXED, 160, 64 * KIB),
    CELL_TEXT("text 40 cells: only blanks, 、。", SHAPE_BREAKS, 40, 64 * KIB),
    CELL_TEXT("text 160 cells: only blanks, 、。", SHAPE_BREAKS, 160, 64 * KIB),
    CELL_TEXT("text 40 cells: one unbroken word", SHAPE_WORD, 40, 64 * KIB),
    CELL_TEXT("text 40 cells: run of U+0301", SHAPE_COMBINING, 40, 64 * KIB),
    CELL_TEXT("text 160 cells: run of U+0301", SHAPE_COMBINING, 160, 64 * KIB),
    CELL_TEXT("text 40 cells: run of U+200B", SHAPE_INVISIBLE, 40, 64 * KIB),
    CELL_TEXT("text 160 cells: run of U+200B", SHAPE_INVISIBLE, 160, 64 * KIB),
    CELL_RENDER("HTML: huge mixed cell", KPI_FORMAT_HTML, 256 * KIB),
    CELL_RENDER("JSON: huge mixed cell", KPI_FORMAT_JSON, 256 * KIB),
    CELL_RENDER("CSV: huge mixed cell", KPI_FORMAT_CSV, 256 * KIB),
    CELL_RENDER("Markdown: huge mixed cell", KPI_FORMAT_MARKDOWN, 256 * KIB),
    {"setters", "title, label, text, update: huge cell", "bytes", 256 * KIB,
     KPI_MAX_FIELD, SHAPE_MIXED, TEXT, 0, NULL, NULL, NULL, prep_cell, run_setters},
    TEXT_PATH("phrase reading", "kpi_phrase_parse: many targets", 1 * KIB, 4096,
              "物件登録件数30件以上・", "利用者登録数60件以上", run_phrase),
    TEXT_PATH("phrase reading", "kpi_phrase_parse: one long label", 1 * KIB, 4096,
              "空き家バンク制度", "30件以上", run_phrase),
    TEXT_PATH("prose reading", "kpi_prose_read: many statements", 16 * KIB,
              KPI_PROSE_MAX_BYTES,
              "上田城跡能を8月に開催。うえだ城下町映画祭は11月18、19日に開催予定。",
              "検討中", run_prose),
    TEXT_PATH("prose reading", "kpi_prose_read: many figures", 16 * KIB,
              KPI_PROSE_MAX_BYTES, "物件登録件数：32件、", "利用者登録数：51件",
              run_prose),
    TEXT_PATH("prose reading", "kpi_prose_read: one long sentence", 16 * KIB,
              KPI_PROSE_MAX_BYTES, "空き家バンク制度の推進", "を実施中", run_prose),
    TEXT_PATH("date parsing", "kpi_date_parse: blanks before a date", 1024 * KIB, 0,
              " \u3000", "2017-09-30", run_date),
    TEXT_PATH("date parsing", "kpi_date_parse: long era text (no date)", 1024 * KIB, 0,
              "平成29年", "9月30日", run_not_date),
    TEXT_PATH("date parsing", "kpi_date_parse: long run of numbers (no date)", 1024 * KIB,
              0, "2017-", "09-30", run_not_date),
    {"CSV", "read: huge cell", "bytes", 16 * KIB, KPI_PROSE_MAX_BYTES, SHAPE_MIXED, TEXT,
     0, NULL, NULL, NULL, prep_cell_files, run_read},
    {"CSV", "write: huge cell", "bytes", 256 * KIB, KPI_MAX_FIELD, SHAPE_MIXED, TEXT, 0,
     NULL, NULL, NULL, prep_cell_plan, run_write},
    PLAN_PATH("CSV", "read: city plan", "targets", 2500, scaling_big_plan, TEXT,
              prep_files, run_read),
    PLAN_PATH("CSV", "write: city plan", "targets", 2500, scaling_big_plan, TEXT,
              prep_plan, run_write),
    RENDER_BIG("text: city plan", KPI_FORMAT_TEXT, 2500),
    RENDER_BIG("Markdown: city plan", KPI_FORMAT_MARKDOWN, 2500),
    RENDER_BIG("JSON: city plan", KPI_FORMAT_JSON, 2500),
    RENDER_BIG("CSV: city plan", KPI_FORMAT_CSV, 2500),
    RENDER_BIG("HTML: city plan", KPI_FORMAT_HTML, 2500),
    PLAN_PATH("evaluation", "kpi_evaluate: city plan", "targets", 10000, scaling_big_plan,
              TEXT, prep_plan, run_evaluate),
    PLAN_PATH("validation", "kpi_validate: city plan", "targets", 40000, scaling_big_plan,
              TEXT, prep_plan, run_validate),
    PLAN_PATH("setters", "build: city plan", "targets", 2500, scaling_big_plan, TEXT,
              prep_none, run_build),
    PLAN_PATH("children", "build: targets under one goal", "targets", 25000,
              scaling_wide_plan, TEXT, prep_none, run_build),
    PLAN_PATH("children", "kpi_evaluate: targets under one goal", "targets", 25000,
              scaling_wide_plan, TEXT, prep_plan, run_evaluate),
    PLAN_PATH("children", "text: targets under one goal", "targets", 10000,
              scaling_wide_plan, TEXT, prep_eval, run_render),
    PLAN_PATH("children", "HTML: targets under one goal", "targets", 10000,
              scaling_wide_plan, KPI_FORMAT_HTML, prep_eval, run_render),
    PLAN_PATH("children", "kpi_evaluate: goals under one goal", "goals", 2500,
              scaling_goals_plan, TEXT, prep_plan, run_evaluate),
    PLAN_PATH("nesting", "kpi_evaluate: 32 levels", "targets", 10000, scaling_deep_plan,
              TEXT, prep_plan, run_evaluate),
    PLAN_PATH("nesting", "text: 32 levels", "targets", 2500, scaling_deep_plan, TEXT,
              prep_eval, run_render),
    PLAN_PATH("nesting", "CSV read: 32 levels", "targets", 2500, scaling_deep_plan, TEXT,
              prep_files, run_read),
    PLAN_PATH("updates", "kpi_target_add_update: one target", "updates", 25000,
              scaling_updates_plan, TEXT, prep_none, run_build),
    PLAN_PATH("updates", "kpi_evaluate: updates of one target", "updates", 25000,
              scaling_updates_plan, TEXT, prep_plan, run_evaluate),
    PLAN_PATH("updates", "text: updates of one target", "updates", 10000,
              scaling_updates_plan, TEXT, prep_eval, run_render),
    PLAN_PATH("updates", "CSV read: updates of one target", "updates", 10000,
              scaling_updates_plan, TEXT, prep_files, run_read),
    PLAN_PATH("updates", "CSV write: updates of one target", "updates", 10000,
              scaling_updates_plan, TEXT, prep_plan, run_write),
    PLAN_PATH("measurements", "kpi_target_add_measurement: one target", "measurements",
              25000, scaling_measurements_plan, TEXT, prep_none, run_build),
    PLAN_PATH("measurements", "kpi_evaluate: measurements of one target", "measurements",
              25000, scaling_measurements_plan, TEXT, prep_plan, run_evaluate),
    PLAN_PATH("assessments", "kpi_target_add_assessment: one target", "assessments",
              25000, scaling_assessments_plan, TEXT, prep_none, run_build),
    PLAN_PATH("assessments", "kpi_evaluate: assessments of one target", "assessments",
              25000, scaling_assessments_plan, TEXT, prep_plan, run_evaluate),
    PLAN_PATH("setters", "kpi_goal_add_note: one goal", "notes", 25000,
              scaling_notes_plan, TEXT, prep_none, run_build),
    PLAN_PATH("setters", "kpi_target_set_code: every target, twice", "targets", 6250,
              scaling_wide_plan, TEXT, prep_plan, run_rename),
    PLAN_PATH("directives", "kpi_directive_add_goal: one directive", "goals", 2500,
              scaling_directive_goals_plan, TEXT, prep_none, run_build),
    PLAN_PATH("directives", "kpi_plan_add_directive: one goal", "directives", 2500,
              scaling_directives_plan, TEXT, prep_none, run_build),
    PLAN_PATH("directives", "kpi_validate: directives of one goal", "directives", 40000,
              scaling_directives_plan, TEXT, prep_plan, run_validate),
    PLAN_PATH("directives", "kpi_evaluate: directives of one goal", "directives", 10000,
              scaling_directives_plan, TEXT, prep_plan, run_evaluate),
    PLAN_PATH("directives", "kpi_directive_add_update: one directive", "updates", 25000,
              scaling_directive_updates_plan, TEXT, prep_none, run_build),
    PLAN_PATH("directives", "kpi_validate: updates of one directive", "updates", 25000,
              scaling_directive_updates_plan, TEXT, prep_plan, run_validate),
};

const size_t scaling_path_count = sizeof scaling_paths / sizeof scaling_paths[0];
