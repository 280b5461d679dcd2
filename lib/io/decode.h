/* Internal: turning a file's bytes into the UTF-8 text the parsers read. */
#ifndef KPI_LIB_IO_DECODE_H
#define KPI_LIB_IO_DECODE_H

#include "kpi/csv.h"

/* Decodes bytes (UTF-8 with or without BOM, or CP932) into UTF-8 text
 * without BOM: *text points into bytes when they are UTF-8 already (no
 * copy: a national plan's files are large), or to a new buffer, also
 * given in *owned for the caller to free (NULL when borrowed). wanted is
 * the caller's choice; found receives the encoding used. Invalid bytes and
 * NUL bytes are KPI_ERR_ENCODING errors naming source and line. */
int kpi__text_decode(const char **text, char **owned, size_t *text_size,
                     kpi_encoding *found, const char *bytes, size_t size,
                     kpi_encoding wanted, const char *source);

#endif
