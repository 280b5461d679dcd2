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

/* Writes code point cp (at most U+10FFFF, not a surrogate) into out as
 * UTF-8 and returns its length, 1 to 4. The one UTF-8 encoder. */
size_t kpi__utf8_encode(uint32_t cp, char out[4]);

/* The length of the longest valid UTF-8 prefix of bytes. */
size_t kpi__utf8_valid_prefix(const char *bytes, size_t size);

/* The blanks the readers trim around a code or a word: space, tab, CR, LF
 * and the ideographic space U+3000. kpi__blank_at() is the length of the
 * blank that starts at s (NUL-terminated), kpi__blank_before() that of the
 * blank that ends the first n bytes of s; 0 for none. The model refuses
 * codes with them at either end, which a file could not keep. */
size_t kpi__blank_at(const char *s);
size_t kpi__blank_before(const char *s, size_t n);

#endif
