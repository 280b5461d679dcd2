/* Internal: turning a file's bytes into the UTF-8 text the parsers read. */
#ifndef KPI_LIB_TEXT_H
#define KPI_LIB_TEXT_H

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

/* The 1-based line of byte offset in text. */
int32_t kpi__text_line_of(const char *text, size_t offset);

/* Decodes the UTF-8 sequence at s (n >= 1 bytes available): returns its
 * length and the code point in *cp, or 0 when the bytes are no valid
 * sequence (a stray continuation byte, a cut sequence, an overlong form, a
 * surrogate, a value past U+10FFFF). The one UTF-8 decoder of libkpi. */
size_t kpi__utf8_decode(const char *s, size_t n, uint32_t *cp);

/* The length of the longest valid UTF-8 prefix of bytes. */
size_t kpi__utf8_valid_prefix(const char *bytes, size_t size);

#endif
