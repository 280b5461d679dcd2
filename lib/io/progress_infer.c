/* Filling a progress row's empty status or a target's missing figure from
 * what the row's text says: 「子ども文化講座を10月、子ども文化祭を2月に開催予定」
 * on 4-2-e's row is scheduled for 2017-10-31 (the statement about its own
 * subject), 「物件登録件数：32件」 on initiative 3-2's row is 32 for target
 * 3-2-a (labelled 物件登録件数, counted in 件). Only a certain reading fills
 * anything: a guess would be an invented figure. What is filled is marked
 * inferred, which the writers leave out, and said in a warning. */
#include "io/progress_infer.h"
#include "io/given_status.h"
#include "io/prose_cache.h"
#include "io/warnings.h"
#include "util/alloc.h"
#include "util/date.h"
#include "util/error.h"
#include "util/number.h"

#include <string.h>

int kpi__prose_row_add(kpi__load *load, const struct kpi__prose_row *row)
{
    if (load->prose_count == load->prose_capacity) {
        size_t capacity = load->prose_capacity ? load->prose_capacity * 2 : 64;
        struct kpi__prose_row *rows =
            kpi__reallocarray(load->prose_rows, capacity, sizeof *rows);
        if (!rows)
            return KPI_ERR_NOMEM;
        load->prose_rows = rows;
        load->prose_capacity = capacity;
    }
    load->prose_rows[load->prose_count++] = *row;
    return KPI_OK;
}

void kpi__prose_rows_free(kpi__load *load)
{
    kpi__free(load->prose_rows);
    load->prose_rows = NULL;
    load->prose_count = load->prose_capacity = 0;
}

/* ---- Matching a reading to a target ------------------------------------ */

/* Two characters at least: one kanji says too little to tell targets
 * apart. */
static int long_enough(const char *word)
{
    size_t chars = 0;
    for (const unsigned char *p = (const unsigned char *)word; *p; p++)
        chars += (*p & 0xC0) != 0x80;
    return chars >= 2;
}

/* Whether the target's label or wording names word, or word names the
 * whole label: 物件登録件数 for 物件登録件数30件以上. */
static int mentions(const kpi_target *t, const char *word)
{
    if (!long_enough(word))
        return 0;
    const char *label = kpi_target_label(t);
    return strstr(label, word) || strstr(kpi_target_text(t), word) ||
           (long_enough(label) && strstr(word, label));
}

/* The statement of a target's own row that is about the target: the only
 * one, or the one whose subject the target names when there are several;
 * -1 when that is not one statement. */
static long statement_about(const kpi_prose *p, const kpi_target *t)
{
    size_t count = kpi_prose_count(p);
    if (count == 1)
        return 0;
    long found = -1;
    for (size_t i = 0; i < count; i++) {
        if (!mentions(t, kpi_prose_subject_at(p, i)))
            continue;
        if (found >= 0)
            return -1;
        found = (long)i;
    }
    return found;
}

/* A figure that is a level of what the target counts: not a part of
 * another figure, a change, or a count of attendances (延べ). */
static int level_figure(uint32_t flags)
{
    return !(flags & (KPI_PROSE_PART | KPI_PROSE_CHANGE | KPI_PROSE_CUMULATIVE));
}

struct figure_ref {
    size_t statement, figure;
};

/* The one figure of the reading that is the target's, by label and unit;
 * 0 when there is none or more than one. */
static int figure_for(const kpi_prose *p, const kpi_target *t, double min,
                      struct figure_ref *out)
{
    const char *unit = kpi_target_unit(t);
    int found = 0;
    for (size_t i = 0; i < kpi_prose_count(p); i++) {
        for (size_t k = 0; k < kpi_prose_figure_count_at(p, i); k++) {
            const char *figure_unit = kpi_prose_figure_unit_at(p, i, k);
            if (kpi_prose_figure_confidence_at(p, i, k) < min ||
                !level_figure(kpi_prose_figure_flags_at(p, i, k)) || !*unit ||
                strcmp(unit, figure_unit) != 0 ||
                !mentions(t, kpi_prose_figure_label_at(p, i, k)))
                continue;
            if (found++)
                return 0;
            *out = (struct figure_ref){i, k};
        }
    }
    return found == 1;
}

/* ---- Filling ----------------------------------------------------------- */

/* The code of the object whose row it is, for the warnings. */
static const char *row_owner(const struct kpi__prose_row *row)
{
    return row->target ? kpi_target_code(row->target) : kpi_goal_code(row->goal);
}

/* Fills the row's status from its text unless the file gives the target a
 * status on a row dated on or after it: what the city said of the state of
 * the work stands, and a later note (「講師と調整中」 beside a scheduled
 * event) does not replace it. */
static int fill_status(kpi__load *load, kpi__given_status *given,
                       const struct kpi__prose_row *row, const kpi_prose *p, double min)
{
    int32_t latest;
    if (kpi__given_status_latest(given, row->target, &latest) != KPI_OK)
        return KPI_ERR_NOMEM;
    if (latest && latest >= kpi_update_date(row->update))
        return KPI_OK;
    long i = statement_about(p, row->target);
    if (i < 0)
        return KPI_OK;
    kpi_status status = kpi_prose_status_at(p, (size_t)i);
    int32_t planned = kpi_prose_planned_at(p, (size_t)i);
    if (status == KPI_STATUS_NONE || kpi_prose_confidence_at(p, (size_t)i) < min ||
        (status == KPI_STATUS_SCHEDULED && !planned))
        return KPI_OK;
    if (status != KPI_STATUS_SCHEDULED)
        planned = 0;
    if (kpi_update_set_status(row->update, status, planned) != KPI_OK)
        return KPI_OK; /* a date the model refuses: nothing is filled */
    kpi__update_set_inferred(row->update,
                             KPI_FIELD_STATUS | (planned ? KPI_FIELD_PLANNED : 0u));
    char date[KPI__DATE_ISO_SIZE] = "";
    if (planned)
        kpi__date_iso(date, planned);
    return kpi__warnings_add(load->warnings, KPI_WARNING_INFERRED, load->source,
                             row->line,
                             "target \"%s\": status %s%s%s read from its progress text "
                             "\"%s\"",
                             kpi_target_code(row->target), kpi_status_name(status),
                             planned ? " " : "", date, kpi_prose_text_at(p, (size_t)i));
}

/* Whether the target has a figure dated date already. */
static int has_figure_on(kpi_target *t, int32_t date)
{
    for (size_t i = 0; i < kpi_target_measurement_count(t); i++)
        if (kpi_measurement_date(kpi_target_measurement_at(t, i)) == date)
            return 1;
    return 0;
}

static int fill_figure(kpi__load *load, const struct kpi__prose_row *row, kpi_target *t,
                       const kpi_prose *p, double min)
{
    struct figure_ref ref;
    if (kpi_target_kind(t) != KPI_KIND_NUMERIC || !figure_for(p, t, min, &ref))
        return KPI_OK;
    /* The date the text gives the figure (H29.9に175品目), else the row's. */
    int32_t date = kpi_update_date(row->update);
    int32_t stated = kpi_prose_figure_date_at(p, ref.statement, ref.figure);
    if (stated && stated < date)
        date = stated;
    if (has_figure_on(t, date))
        return KPI_OK;
    double value = kpi_prose_figure_value_at(p, ref.statement, ref.figure);
    kpi_measurement *m = kpi_target_add_measurement(t, date, value, NULL);
    if (!m)
        return kpi_error_code() == KPI_ERR_NOMEM ? KPI_ERR_NOMEM : KPI_OK;
    kpi__measurement_set_inferred(m);
    char number[KPI__NUMBER_SIZE];
    kpi__number_format(number, value);
    return kpi__warnings_add(
        load->warnings, KPI_WARNING_INFERRED, load->source, row->line,
        "target \"%s\": figure %s %s read from the progress text of %s \"%s\": \"%s\"",
        kpi_target_code(t), number, kpi_target_unit(t), row->target ? "target" : "goal",
        row_owner(row), kpi_prose_text_at(p, ref.statement));
}

/* An initiative's text gives figures to its own targets. */
static int fill_goal_figures(kpi__load *load, const struct kpi__prose_row *row,
                             const kpi_prose *p, double min)
{
    int rc = KPI_OK;
    for (size_t i = 0; rc == KPI_OK && i < kpi_goal_target_count(row->goal); i++)
        rc = fill_figure(load, row, kpi_goal_target_at(row->goal, i), p, min);
    return rc;
}

/* The fiscal year a row's text is read in: that of the plan, else of the
 * row's date. */
static int32_t row_fiscal_year(const kpi__load *load, const struct kpi__prose_row *row)
{
    int32_t start = kpi_plan_start(load->plan);
    return kpi_date_fiscal_year(start ? start : kpi_update_date(row->update));
}

/* Fills what the row's reading (p, read with result read_rc) says. */
static int apply_reading(kpi__load *load, kpi__given_status *given,
                         const struct kpi__prose_row *row, const kpi_prose *p,
                         int read_rc, double min)
{
    if (read_rc != KPI_OK) /* a text with nothing to read (only blanks, too long) */
        return read_rc == KPI_ERR_NOMEM ? read_rc : KPI_OK;
    if (row->goal)
        return fill_goal_figures(load, row, p, min);
    int rc = KPI_OK;
    if (!row->has_status)
        rc = fill_status(load, given, row, p, min);
    if (rc == KPI_OK && !row->has_value)
        rc = fill_figure(load, row, row->target, p, min);
    return rc;
}

/* Rows are read a batch at a time, on several threads when the reader has
 * them: enough to keep them busy, few enough that the readings held at
 * once stay small. Texts that repeat are read once (io/prose_cache.h). */
static int infer_batch(kpi__load *load, kpi__prose_cache *cache, kpi__given_status *given,
                       const struct kpi__prose_row *rows, size_t count, double min,
                       int32_t threads)
{
    struct kpi__prose_job jobs[KPI__PROSE_BATCH];
    for (size_t i = 0; i < count; i++)
        jobs[i] = (struct kpi__prose_job){kpi_update_text(rows[i].update),
                                          row_fiscal_year(load, &rows[i]), NULL, KPI_OK};
    kpi__prose_cache_read(cache, jobs, count, threads);
    int rc = KPI_OK;
    for (size_t i = 0; rc == KPI_OK && i < count; i++)
        rc = apply_reading(load, given, &rows[i], jobs[i].prose, jobs[i].rc, min);
    kpi__prose_cache_batch_end(cache);
    return rc;
}

int kpi__infer_progress(kpi__load *load, double min_confidence, int32_t threads)
{
    if (!load->prose_count)
        return KPI_OK;
    kpi__prose_cache *cache = kpi__prose_cache_new();
    kpi__given_status given = {0};
    int rc = cache ? KPI_OK : KPI_ERR_NOMEM;
    for (size_t i = 0; rc == KPI_OK && i < load->prose_count; i += KPI__PROSE_BATCH) {
        size_t n = load->prose_count - i;
        rc = infer_batch(load, cache, &given, &load->prose_rows[i],
                         n < KPI__PROSE_BATCH ? n : KPI__PROSE_BATCH, min_confidence,
                         threads);
    }
    kpi__prose_cache_free(cache);
    kpi__given_status_free(&given);
    return rc == KPI_OK ? KPI_OK : kpi__error_nomem();
}
