/* Fuzz target: random sequences of API calls on one plan, each byte a
 * call with arguments taken from the bytes after it (updates, statuses
 * and directives among them), then an evaluation, every report, and the
 * plan files written, read back and written again. Calls may fail; none
 * may crash, leak or leave the plan in a state that evaluates or writes
 * wrongly. */
#include <kpi.h>

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The files a plan is written to read back, and write again to the same
 * bytes. */
static void write_and_read_back(const kpi_plan *plan)
{
    char *structure = NULL, *progress = NULL, *again = NULL;
    size_t structure_size = 0, progress_size = 0, again_size = 0;
    if (kpi_plan_write_structure(&structure, &structure_size, plan, 0) != KPI_OK ||
        kpi_plan_write_progress(&progress, &progress_size, plan, 0) != KPI_OK)
        abort();
    kpi_reader *reader = NULL;
    kpi_plan *copy = NULL;
    if (kpi_reader_new(&reader) != KPI_OK)
        abort();
    if (kpi_reader_read_buffers(&copy, reader, structure, structure_size, progress,
                                progress_size) != KPI_OK)
        abort();
    if (kpi_plan_write_progress(&again, &again_size, copy, 0) != KPI_OK ||
        again_size != progress_size || memcmp(again, progress, progress_size) != 0)
        abort();
    kpi_free(again);
    kpi_plan_free(copy);
    kpi_reader_free(reader);
    kpi_free(structure);
    kpi_free(progress);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct input {
    const uint8_t *data;
    size_t size;
};

static unsigned take(struct input *in)
{
    if (!in->size)
        return 0;
    in->size--;
    return *in->data++;
}

static const char *codes[] = {"1", "2", "1-1", "1-2", "1-1-a", "1-1-b", "2-1-a", "x"};
static const double values[] = {0, 1, -1, 0.5, 30, 1e300, -1e-300, NAN, INFINITY, 12};
static const int32_t dates[] = {20170401, 20170930, 20180331, 20170230,
                                0,        19000101, 20170831, 99991231};

#define PICK(array, in) (array)[take(in) % (sizeof(array) / sizeof((array)[0]))]

static kpi_goal *some_goal(kpi_plan *plan, struct input *in)
{
    kpi_goal *goal = NULL;
    goal = kpi_plan_find_goal(plan, PICK(codes, in));
    return goal;
}

static kpi_target *some_target(kpi_plan *plan, struct input *in)
{
    kpi_target *target = NULL;
    target = kpi_plan_find_target(plan, PICK(codes, in));
    return target;
}

static const char *texts[] = {NULL,         "",        "検討中", "10月に開催予定",
                              "a,b\n\"c\"", "\xE6\x97"};

static kpi_directive *some_directive(kpi_plan *plan, struct input *in)
{
    return kpi_plan_find_directive(plan, PICK(codes, in));
}

/* An update of a target, a goal or a directive (possibly out of range:
 * NULL, which every update call must take). */
static kpi_update *some_update(kpi_plan *plan, struct input *in)
{
    size_t index = take(in) % 4;
    switch (take(in) % 3) {
    case 0:
        return kpi_target_update_at(some_target(plan, in), index);
    case 1:
        return kpi_goal_update_at(some_goal(plan, in), index);
    default:
        return kpi_directive_update_at(some_directive(plan, in), index);
    }
}

/* The calls of kpi/progress.h: updates, statuses, directives. */
static void progress_call(kpi_plan *plan, struct input *in)
{
    switch (take(in) % 9) {
    case 0:
        kpi_target_add_update(some_target(plan, in), PICK(dates, in), PICK(texts, in));
        break;
    case 1:
        kpi_goal_add_update(some_goal(plan, in), PICK(dates, in), PICK(texts, in));
        break;
    case 2:
        kpi_update_set_status(some_update(plan, in),
                              (kpi_status)((int)(take(in) % 10) - 1), PICK(dates, in));
        break;
    case 3:
        kpi_update_set_text(some_update(plan, in), PICK(texts, in));
        break;
    case 4:
        kpi_update_set_date(some_update(plan, in), PICK(dates, in));
        break;
    case 5:
        kpi_plan_add_directive(plan, PICK(codes, in), PICK(texts, in));
        break;
    case 6:
        kpi_directive_add_goal(some_directive(plan, in), some_goal(plan, in));
        break;
    case 7:
        kpi_directive_add_update(some_directive(plan, in), PICK(dates, in),
                                 PICK(texts, in));
        break;
    default:
        kpi_directive_set_date(some_directive(plan, in), PICK(dates, in));
        kpi_plan_set_report_date(plan, PICK(dates, in));
        break;
    }
}

static void one_call(kpi_plan *plan, struct input *in)
{
    switch (take(in) % 16) {
    case 0:
        kpi_plan_add_goal(plan, PICK(codes, in), "goal");
        break;
    case 1:
        kpi_goal_add_goal(some_goal(plan, in), PICK(codes, in), "child");
        break;
    case 2:
        kpi_goal_add_target(some_goal(plan, in), PICK(codes, in), "target");
        break;
    case 3:
        kpi_target_set_value(some_target(plan, in), PICK(values, in));
        break;
    case 4:
        kpi_target_set_start_value(some_target(plan, in), PICK(values, in));
        break;
    case 5:
        kpi_target_set_kind(some_target(plan, in), (kpi_kind)(take(in) % 4));
        break;
    case 6:
        kpi_target_set_direction(some_target(plan, in), (kpi_direction)(take(in) % 3));
        break;
    case 7:
        kpi_target_set_schedule(some_target(plan, in), (kpi_schedule)(take(in) % 5));
        break;
    case 8:
        kpi_target_set_due(some_target(plan, in), PICK(dates, in));
        break;
    case 9:
        kpi_target_add_measurement(some_target(plan, in), PICK(dates, in),
                                   PICK(values, in), "m");
        break;
    case 10:
        kpi_target_add_assessment(some_target(plan, in), PICK(dates, in),
                                  (kpi_rating)(take(in) % 6), "a");
        break;
    case 11:
        kpi_goal_set_weight(some_goal(plan, in), PICK(values, in));
        break;
    case 12:
        kpi_target_set_code(some_target(plan, in), PICK(codes, in));
        break;
    case 13:
    case 14:
        progress_call(plan, in);
        break;
    default:
        kpi_plan_set_period(plan, PICK(dates, in), PICK(dates, in));
        break;
    }
}

static void evaluate_and_render(const kpi_plan *plan, int32_t as_of)
{
    kpi_evaluation *ev = NULL;
    if (kpi_evaluate(&ev, plan, as_of, NULL) != KPI_OK)
        abort();
    for (int format = KPI_FORMAT_TEXT; format <= KPI_FORMAT_HTML; format++) {
        char *out = NULL;
        if (kpi_evaluation_render(&out, NULL, ev, (kpi_format)format, KPI_LANG_EN) !=
            KPI_OK)
            abort();
        kpi_free(out);
    }
    kpi_evaluation_free(ev);
    kpi_problems *problems = NULL;
    if (kpi_validate(&problems, plan, 0, NULL) != KPI_OK)
        abort();
    kpi_problems_free(problems);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    kpi_plan *plan = NULL;
    if (kpi_plan_new(&plan, "fuzz") != KPI_OK)
        return 0;
    struct input in = {data, size};
    while (in.size)
        one_call(plan, &in);
    evaluate_and_render(plan, 20170930);
    write_and_read_back(plan);
    kpi_plan_free(plan);
    return 0;
}
