/* Internal: the line breaker of the text report (linebreak.c). */
#ifndef KPI_LIB_REPORT_LINEBREAK_H
#define KPI_LIB_REPORT_LINEBREAK_H

#include <stddef.h>

/* Whether c is a blank a line may break at (and loses at its ends). */
int kpi__line_is_blank(char c);

/* The bytes of s[0..n) that go on a line of max cells (without trailing
 * blanks); *next receives where the next line's text starts. */
size_t kpi__line_take(const char *s, size_t n, size_t max, size_t *next);

#endif
