/* Writing plan files: the two CSV files of a plan, in memory or to paths.
 * Quoting is left to libcsv's csv_write(); a file on disk is replaced only
 * by rename(), once its new content is completely written. */
#include "util/alloc.h"
#include "util/csv_cell.h"
#include "io/csv_infer.h"
#include "model/names.h"
#include "util/error.h"
#include "model/model.h"
#include "util/date.h"
#include "util/number.h"
#include "util/strbuf.h"
#include "kpi/csv.h"

#include <math.h>
#include <string.h>

struct writer {
    kpi__strbuf out;
    uint32_t flags;
    int fields; /* fields written on the current row */
};

static void field(struct writer *w, const char *text)
{
    if (!text)
        text = "";
    if (w->fields++)
        kpi__strbuf_append(&w->out, ",");
    kpi__csv_cell(&w->out, text, strlen(text));
}

static void number_field(struct writer *w, double value)
{
    char buf[KPI__NUMBER_SIZE] = "";
    if (!isnan(value))
        kpi__number_format(buf, value);
    field(w, buf);
}

static void date_field(struct writer *w, int32_t date)
{
    char iso[KPI__DATE_ISO_SIZE];
    kpi__date_iso(iso, date);
    field(w, iso);
}

static void end_row(struct writer *w)
{
    kpi__strbuf_append(&w->out, w->flags & KPI_WRITE_CRLF ? "\r\n" : "\n");
    w->fields = 0;
}

static void empty_fields(struct writer *w, int count)
{
    while (count-- > 0)
        field(w, "");
}

static void header(struct writer *w, const char *const *names, size_t count)
{
    if (!(w->flags & KPI_WRITE_NO_BOM))
        kpi__strbuf_append(&w->out, "\xEF\xBB\xBF");
    for (size_t i = 0; i < count; i++)
        field(w, names[i]);
    end_row(w);
}

static const char *const structure_header[] = {
    "type",       "code",      "parent",       "title",       "unit",
    "kind",       "direction", "value",        "start_value", "reference",
    "change_pct", "start",     "due",          "schedule",    "accumulate",
    "weight",     "text",      "organization", "department",  "inferred",
};

/* Weight 1 is the default; leaving it out keeps the sheet readable. */
static void weight_field(struct writer *w, double weight)
{
    number_field(w, weight == 1.0 ? (double)NAN : weight);
}

static void note_rows(struct writer *w, const kpi__notes *notes, const char *parent)
{
    for (size_t i = 0; i < notes->count; i++) {
        field(w, KPI__NOTE_NAME);
        field(w, notes->items[i].code);
        field(w, parent);
        field(w, notes->items[i].text);
        empty_fields(w, 16);
        end_row(w);
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

static void target_row(struct writer *w, const kpi_target *t)
{
    char inferred[128];
    kpi__field_names_format(inferred, sizeof inferred, t->inferred);
    field(w, kpi_object_name(KPI_OBJECT_TARGET));
    field(w, t->code);
    field(w, t->goal->code);
    field(w, unless_inferred(t, KPI_FIELD_LABEL, t->label));
    field(w, unless_inferred(t, KPI_FIELD_UNIT, t->unit));
    field(w, unless_inferred(t, KPI_FIELD_KIND, kpi_kind_name(t->kind)));
    field(w, unless_inferred(t, KPI_FIELD_DIRECTION, kpi_direction_name(t->direction)));
    number_field(w, number_unless_inferred(t, KPI_FIELD_VALUE, t->value));
    number_field(w, t->start_value);
    number_field(w, t->reference);
    number_field(w, number_unless_inferred(t, KPI_FIELD_CHANGE_PCT, t->change_pct));
    date_field(w, t->start);
    date_field(w, t->inferred & KPI_FIELD_DUE ? 0 : t->due);
    /* The default schedule is left empty, as people leave it. */
    field(w, t->schedule == KPI_SCHEDULE_DEFAULT ? "" : kpi_schedule_name(t->schedule));
    field(w, kpi_accumulate_name(t->accumulate));
    weight_field(w, t->weight);
    field(w, t->text);
    empty_fields(w, 2);
    field(w, inferred);
    end_row(w);
}

/* A goal, its notes and targets, then its child goals: parents always come
 * before their children, as the reader requires. */
static void goal_rows(struct writer *w, const kpi_goal *g)
{
    field(w, kpi_object_name(KPI_OBJECT_GOAL));
    field(w, g->code);
    field(w, g->parent ? g->parent->code : "");
    field(w, g->title);
    empty_fields(w, 11);
    weight_field(w, g->weight);
    empty_fields(w, 4);
    end_row(w);
    note_rows(w, &g->notes, g->code);
    for (size_t i = 0; i < g->targets.count; i++)
        target_row(w, g->targets.items[i]);
    for (size_t i = 0; i < g->goals.count; i++)
        goal_rows(w, g->goals.items[i]);
}

static void plan_row(struct writer *w, const kpi_plan *plan)
{
    field(w, kpi_object_name(KPI_OBJECT_PLAN));
    field(w, plan->id);
    field(w, "");
    field(w, plan->title);
    empty_fields(w, 7);
    date_field(w, plan->start);
    date_field(w, plan->end);
    empty_fields(w, 4);
    field(w, plan->organization);
    field(w, plan->department);
    field(w, "");
    end_row(w);
}

static void assessment_rows(struct writer *w, const kpi__segvec *list, const char *code)
{
    for (size_t i = 0; i < list->count; i++) {
        const kpi_assessment *a = kpi__segvec_at(list, i, sizeof *a);
        field(w, code);
        date_field(w, a->date);
        field(w, "");
        field(w, kpi_rating_symbol(a->rating));
        field(w, a->comment);
        field(w, a->author);
        end_row(w);
    }
}

static void target_progress(struct writer *w, const kpi_target *t)
{
    for (size_t i = 0; i < t->measurements.count; i++) {
        const kpi_measurement *m = kpi__segvec_at(&t->measurements, i, sizeof *m);
        field(w, t->code);
        date_field(w, m->date);
        number_field(w, m->value);
        field(w, "");
        field(w, kpi_measurement_note(m));
        field(w, kpi_measurement_author(m));
        end_row(w);
    }
    assessment_rows(w, &t->assessments, t->code);
}

static void goal_progress(struct writer *w, const kpi_goal *g)
{
    assessment_rows(w, &g->assessments, g->code);
    for (size_t i = 0; i < g->targets.count; i++)
        target_progress(w, g->targets.items[i]);
    for (size_t i = 0; i < g->goals.count; i++)
        goal_progress(w, g->goals.items[i]);
}

static void write_structure(struct writer *w, const kpi_plan *plan)
{
    header(w, structure_header, sizeof structure_header / sizeof *structure_header);
    plan_row(w, plan);
    for (size_t i = 0; i < plan->goals.count; i++)
        goal_rows(w, plan->goals.items[i]);
    note_rows(w, &plan->notes, plan->id);
}

static void write_progress(struct writer *w, const kpi_plan *plan)
{
    static const char *const names[] = {"code",   "date", "value",
                                        "rating", "note", "author"};
    header(w, names, sizeof names / sizeof *names);
    for (size_t i = 0; i < plan->goals.count; i++)
        goal_progress(w, plan->goals.items[i]);
}

typedef void (*write_fn)(struct writer *, const kpi_plan *);

static int write_memory(char **out, size_t *size, const kpi_plan *plan, uint32_t flags,
                        write_fn write, const char *function)
{
    if (!out)
        return kpi__error_null(function, "out");
    *out = NULL;
    if (!plan)
        return kpi__error_null(function, "plan");
    struct writer w = {{0}, flags, 0};
    kpi__c_numeric locale;
    kpi__c_numeric_enter(&locale);
    write(&w, plan);
    kpi__c_numeric_leave(&locale);
    size_t length = w.out.length;
    *out = kpi__strbuf_finish(&w.out);
    if (!*out)
        return kpi__error_nomem();
    if (size)
        *size = length;
    return KPI_OK;
}

int kpi_plan_write_structure(char **out, size_t *size, const kpi_plan *plan,
                             uint32_t flags)
{
    return write_memory(out, size, plan, flags, write_structure,
                        "kpi_plan_write_structure");
}

int kpi_plan_write_progress(char **out, size_t *size, const kpi_plan *plan,
                            uint32_t flags)
{
    return write_memory(out, size, plan, flags, write_progress,
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
    int rc =
        write_one(plan, structure_path, flags, write_structure, "kpi_plan_write_files");
    if (rc == KPI_OK && progress_path)
        rc =
            write_one(plan, progress_path, flags, write_progress, "kpi_plan_write_files");
    return rc;
}
