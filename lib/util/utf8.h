/* Internal: UTF-8 decoding, and lines of a text. */
#ifndef KPI_LIB_UTIL_UTF8_H
#define KPI_LIB_UTIL_UTF8_H

#include <stddef.h>
#include <stdint.h>

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
