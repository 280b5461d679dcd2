/* Advice to the kernel about large blocks libkpi fills once, front to
 * back (an evaluation's results, a report's buffer). */
#ifndef KPI_UTIL_PAGES_H
#define KPI_UTIL_PAGES_H

#include <stddef.h>

/* Asks for huge pages for the whole 2 MiB pages inside block (size
 * bytes). Only a hint: it changes no result, and does nothing where the
 * system offers no such advice or says no. */
void kpi__pages_advise_huge(void *block, size_t size);

#endif
