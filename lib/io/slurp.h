/* Internal: reading a whole file into memory, for the files that are
 * read whole (a plan file that is not streamed, a scale file). */
#ifndef KPI_LIB_IO_SLURP_H
#define KPI_LIB_IO_SLURP_H

#include <stddef.h>

/* Reads the file at path into *out (the caller's to free with kpi__free(),
 * one byte more than *size allocated), refusing one larger than
 * KPI_MAX_FILE (KPI_ERR_LIMIT) and saying what failed (KPI_ERR_IO with the
 * errno kept: missing, a directory, unreadable). */
int kpi__slurp(char **out, size_t *size, const char *path);

#endif
