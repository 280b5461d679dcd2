/* Internal: filling what a progress row left empty (its status, a target's
 * figure) from the row's text with the prose reader (kpi/prose.h), only
 * when the reading is certain enough, marked as inferred and warned about
 * (docs/progress.md, "Reading figures and statuses from the prose"). */
#ifndef KPI_LIB_PROGRESS_INFER_H
#define KPI_LIB_PROGRESS_INFER_H

#include "io/load.h"

/* A progress row with a text, kept while the file is read: inference runs
 * once the whole file is in, so that a figure a later row gives is never
 * shadowed by one read from an earlier text. */
struct kpi__prose_row {
    kpi_target *target; /* the row's subject: a target or a goal */
    kpi_goal *goal;
    kpi_update *update; /* the row's update, holding its text */
    int32_t line;
    int has_value;  /* the row gave a figure */
    int has_status; /* the row gave a status */
};

/* Remembers a row for kpi__infer_progress(). KPI_OK or KPI_ERR_NOMEM. */
int kpi__prose_row_add(kpi__load *load, const struct kpi__prose_row *row);

/* Reads the text of every remembered row and fills, at confidence
 * min_confidence or more: a target row's empty status (with its planned
 * date), and the figure of a NUMERIC target that has none on the row's
 * date, from its own row or from its initiative's (goal's) row, matched by
 * label and unit. Each fill is marked inferred and gives a warning at the
 * row's line. The texts are read on up to threads threads (0 or 1: the
 * caller's only), with the same result. KPI_OK or KPI_ERR_NOMEM. */
int kpi__infer_progress(kpi__load *load, double min_confidence, int32_t threads);

/* Forgets the remembered rows. */
void kpi__prose_rows_free(kpi__load *load);

#endif
