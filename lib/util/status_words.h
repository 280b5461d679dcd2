/* Internal: the words of kpi_status, the one table the model's name
 * functions (model/names.c), the progress file's reader (io/) and the
 * prose reader (phrase/prose*.c) all read. */
#ifndef KPI_LIB_UTIL_STATUS_WORDS_H
#define KPI_LIB_UTIL_STATUS_WORDS_H

#include "kpi/common.h"

#include <stddef.h>

/* A word a city writes for a status (検討中, 開催予定, 中止, ...). */
typedef struct kpi__status_word {
    const char *word;
    kpi_status status;
} kpi__status_word;

/* Every Japanese status word, longest first within each status, ended by
 * {NULL, KPI_STATUS_NONE}. Longest first so that a reader trying them in
 * order takes 開催予定 before 予定. */
extern const kpi__status_word kpi__status_words[];

/* The stable name ("preparing") of a status other than NONE; NULL for NONE
 * and values that are no kpi_status. */
const char *kpi__status_stable_name(kpi_status status);

/* The label in Japanese (検討中) or English (preparing); NULL as above. */
const char *kpi__status_label(kpi_status status, int english);

/* The status of text[0..n): a stable name (any case) or a Japanese word,
 * exactly; KPI_STATUS_NONE when it is neither. */
kpi_status kpi__status_of_word(const char *text, size_t n);

#endif
