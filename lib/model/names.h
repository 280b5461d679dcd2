/* Internal: the model's vocabulary beyond the public name functions. */
#ifndef KPI_LIB_MODEL_NAMES_H
#define KPI_LIB_MODEL_NAMES_H

#include "kpi.h"

/* The enumerations whose values have a stable name (kpi_kind_name(), ...),
 * for the readers, which parse with the very table the name functions and
 * the writers use, so that no name can be written one way and read
 * another. */
typedef enum kpi__names {
    KPI__NAMES_OBJECT,     /* kpi_object_name() */
    KPI__NAMES_KIND,       /* kpi_kind_name() */
    KPI__NAMES_DIRECTION,  /* kpi_direction_name() */
    KPI__NAMES_SCHEDULE,   /* kpi_schedule_name() */
    KPI__NAMES_ACCUMULATE, /* kpi_accumulate_name() */
    KPI__NAMES_ROLLUP,     /* kpi_rollup_name() */
    KPI__NAMES_LANG,       /* kpi_lang_name() */
    KPI__NAMES_ENCODING,   /* kpi_encoding_name() */
    KPI__NAMES_WARNING,    /* kpi_warning_name() */
    KPI__NAMES_PROBLEM,    /* kpi_problem_name() */
    KPI__NAMES_COUNT
} kpi__names;

/* The value of the enumeration whose stable name is word, ASCII case
 * ignored ("Numeric" is KPI_KIND_NUMERIC); -1 for any other word, "" and
 * NULL included. */
int kpi__name_parse(kpi__names set, const char *word);

/* The structure file's rows are the objects of kpi_object_name() and
 * notes, named so. */
#define KPI__NOTE_NAME "note"

/* The `inferred` column and report field: kpi_field bits as their names
 * (kpi_field_name()) separated by spaces ("value unit"), and back. Parsing
 * fails with KPI_ERR_VALUE naming an unknown word. */
int kpi__field_names_parse(uint32_t *out, const char *text);
void kpi__field_names_format(char *buf, size_t size, uint32_t bits);

#endif
