/* Writing plan files: the two CSV files of a plan, in memory or to paths;
 * the structure file here, the progress file's rows in
 * csv_write_progress.c. A file on disk is replaced only by rename(), once
 * its new content is completely written. */
#include "io/csv_write.h"
#include "io/write_row.h"
#include "model/model.h"
#include "model/names.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/number.h"
#include "util/same_file.h"
#include "kpi/csv.h"
#include "kpi/file.h"

#include <math.h>
#include <string.h>

/* The columns every structure file has, then those only a plan with
 * directives or a report date needs, then the one only a plan that names
 * its scale needs (so that other plans' files keep the columns they always
 * had). */
static const char *const structure_header[] = {
    "type",       "code",     "parent",      "title",     "unit",        "kind",
    "direction",  "value",    "start_value", "reference", "change_pct",  "start",
    "due",        "schedule", "accumulate",  "weight",    "text",        "organization",
    "department", "inferred", "issuer",      "date",      "report_date", "scale",
};

#define BASE_COLUMNS 20
#define EXTENDED_COLUMNS 3

/* Ends a structure row, with the extended columns left empty. */
static void end_structure_row(kpi__writer *w)
{
    if (w->extended)
        kpi__write_empty(w, EXTENDED_COLUMNS);
    if (w->scaled)
        kpi__write_empty(w, 1);
    kpi__write_end_row(w);
}

/* Weight 1 is the default; leaving it out keeps the sheet readable. */
static void weight_field(kpi__writer *w, double weight)
{
    kpi__write_number(w, weight == 1.0 ? (double)NAN : weight);
}

static void note_rows(kpi__writer *w, const kpi__notes *notes, const char *parent)
{
    for (size_t i = 0; i < notes->count; i++) {
        kpi__write_field(w, KPI__NOTE_NAME);
        kpi__write_field(w, notes->items[i].code);
        kpi__write_field(w, parent);
        kpi__write_field(w, notes->items[i].text);
        kpi__write_empty(w, 16);
        end_structure_row(w);
    }
}

/* Fields read from the target's text are left empty and listed in the
 * `inferred` column, so the file keeps the form its authors wrote and
 * reads back to the same plan. */
static const char *unless_inferred(const kpi_target *t, uint32_t field, const char *text)
{
    return t->inferred & field ? "" : text;
}

static double number_unless_inferred(const kpi_target *t, uint32_t field, double value)
{
    return t->inferred & field ? (double)NAN : value;
}

static void target_row(kpi__writer *w, const kpi_target *t)
{
    char inferred[128];
    kpi__field_names_format(inferred, sizeof inferred, t->inferred);
    kpi__write_field(w, kpi_object_name(KPI_OBJECT_TARGET));
    kpi__write_field(w, t->code);
    kpi__write_field(w, t->goal->code);
    kpi__write_field(w, unless_inferred(t, KPI_FIELD_LABEL, t->label));
    kpi__write_field(w, unless_inferred(t, KPI_FIELD_UNIT, t->unit));
    kpi__write_field(w, unless_inferred(t, KPI_FIELD_KIND, kpi_kind_name(t->kind)));
    kpi__write_field(
        w, unless_inferred(t, KPI_FIELD_DIRECTION, kpi_direction_name(t->direction)));
    kpi__write_number(w, number_unless_inferred(t, KPI_FIELD_VALUE, t->value));
    kpi__write_number(w, t->start_value);
    kpi__write_number(w, t->reference);
    kpi__write_number(w, number_unless_inferred(t, KPI_FIELD_CHANGE_PCT, t->change_pct));
    kpi__write_date(w, t->start);
    kpi__write_date(w, t->inferred & KPI_FIELD_DUE ? 0 : t->due);
    /* The default schedule is left empty, as people leave it. */
    kpi__write_field(
        w, t->schedule == KPI_SCHEDULE_DEFAULT ? "" : kpi_schedule_name(t->schedule));
    kpi__write_field(w, kpi_accumulate_name(t->accumulate));
    weight_field(w, t->weight);
    kpi__write_field(w, t->text);
    kpi__write_empty(w, 2);
    kpi__write_field(w, inferred);
    end_structure_row(w);
}

/* A goal, its notes and targets, then its child goals: parents always come
 * before their children, as the reader requires. */
static void goal_rows(kpi__writer *w, const kpi_goal *g)
{
    kpi__write_field(w, kpi_object_name(KPI_OBJECT_GOAL));
    kpi__write_field(w, g->code);
    kpi__write_field(w, g->parent ? g->parent->code : "");
    kpi__write_field(w, g->title);
    kpi__write_empty(w, 11);
    weight_field(w, g->weight);
    kpi__write_empty(w, 4);
    end_structure_row(w);
    note_rows(w, &g->notes, g->code);
    for (size_t i = 0; i < g->targets.count; i++)
        target_row(w, g->targets.items[i]);
    for (size_t i = 0; i < g->goals.count; i++)
        goal_rows(w, g->goals.items[i]);
}

static void plan_row(kpi__writer *w, const kpi_plan *plan)
{
    kpi__write_field(w, kpi_object_name(KPI_OBJECT_PLAN));
    kpi__write_field(w, plan->id);
    kpi__write_field(w, "");
    kpi__write_field(w, plan->title);
    kpi__write_empty(w, 7);
    kpi__write_date(w, plan->start);
    kpi__write_date(w, plan->end);
    kpi__write_empty(w, 4);
    kpi__write_field(w, plan->organization);
    kpi__write_field(w, plan->department);
    kpi__write_field(w, "");
    if (w->extended) {
        kpi__write_empty(w, 2);
        kpi__write_date(w, plan->report_date);
    }
    if (w->scaled)
        kpi__write_field(w, plan->scale_name);
    kpi__write_end_row(w);
}

/* A directive: its goals in the parent column, separated by ";". */
static void directive_row(kpi__writer *w, const kpi_directive *d)
{
    kpi__strbuf goals = {0};
    for (size_t i = 0; i < d->goals.count; i++) {
        const kpi_goal *g = d->goals.items[i];
        kpi__strbuf_printf(&goals, "%s%s", i ? ";" : "", g->code);
    }
    char *parent = kpi__strbuf_finish(&goals);
    if (!parent)
        w->out.failed = 1;
    kpi__write_field(w, kpi_object_name(KPI_OBJECT_DIRECTIVE));
    kpi__write_field(w, d->code);
    kpi__write_field(w, parent);
    kpi__write_field(w, d->text);
    kpi__write_empty(w, BASE_COLUMNS - 4);
    kpi__write_field(w, d->issuer);
    kpi__write_date(w, d->date);
    kpi__write_empty(w, w->scaled ? 2 : 1);
    kpi__write_end_row(w);
    kpi__free(parent);
}

void kpi__write_structure(kpi__writer *w, const kpi_plan *plan)
{
    w->scaled = plan->scale_name != NULL;
    w->extended = plan->directives.count > 0 || plan->report_date != 0 || w->scaled;
    kpi__write_header(w, structure_header,
                      BASE_COLUMNS + (w->extended ? EXTENDED_COLUMNS : 0) + w->scaled);
    plan_row(w, plan);
    for (size_t i = 0; i < plan->goals.count; i++)
        goal_rows(w, plan->goals.items[i]);
    for (size_t i = 0; i < plan->directives.count; i++)
        directive_row(w, plan->directives.items[i]);
    note_rows(w, &plan->notes, plan->id);
}

typedef void (*write_fn)(kpi__writer *, const kpi_plan *);

static int write_memory(char **out, size_t *size, const kpi_plan *plan, uint32_t flags,
                        write_fn write, const char *function)
{
    if (!out)
        return kpi__error_null(function, "out");
    *out = NULL;
    if (!plan)
        return kpi__error_null(function, "plan");
    kpi__writer w = {.flags = flags};
    kpi__c_numeric locale;
    kpi__c_numeric_enter(&locale);
    write(&w, plan);
    kpi__c_numeric_leave(&locale);
    return kpi__strbuf_hand_over(&w.out, out, size);
}

int kpi_plan_write_structure(char **out, size_t *size, const kpi_plan *plan,
                             uint32_t flags)
{
    return write_memory(out, size, plan, flags, kpi__write_structure,
                        "kpi_plan_write_structure");
}

int kpi_plan_write_progress(char **out, size_t *size, const kpi_plan *plan,
                            uint32_t flags)
{
    return write_memory(out, size, plan, flags, kpi__write_progress,
                        "kpi_plan_write_progress");
}

static int write_one(const kpi_plan *plan, const char *path, uint32_t flags,
                     write_fn write, const char *function)
{
    char *data = NULL;
    size_t size = 0;
    int rc = write_memory(&data, &size, plan, flags, write, function);
    if (rc != KPI_OK)
        return rc;
    rc = kpi_file_write(path, data, size);
    kpi__free(data);
    return rc;
}

int kpi_plan_write_files(const kpi_plan *plan, const char *structure_path,
                         const char *progress_path, uint32_t flags)
{
    if (!plan)
        return kpi__error_null("kpi_plan_write_files", "plan");
    if (!structure_path)
        return kpi__error_null("kpi_plan_write_files", "structure_path");
    /* The progress file would replace the structure file just written:
     * refused before either is touched. */
    int same = progress_path ? kpi__same_file(structure_path, progress_path) : 0;
    if (same < 0)
        return same;
    if (same)
        return kpi__error_at(
            KPI_ERR_ARGUMENT, progress_path, 0, 0,
            "kpi_plan_write_files: the structure and progress files "
            "are the same file (%s and %s): each needs a path of its own",
            structure_path, progress_path);
    int rc = write_one(plan, structure_path, flags, kpi__write_structure,
                       "kpi_plan_write_files");
    if (rc == KPI_OK && progress_path)
        rc = write_one(plan, progress_path, flags, kpi__write_progress,
                       "kpi_plan_write_files");
    return rc;
}
