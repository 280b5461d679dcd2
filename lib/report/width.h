/* Internal: how many terminal cells a text takes, so that the text report
 * can align columns of mixed Japanese and ASCII and fit a terminal width,
 * and UTF-8 stepping that never splits a sequence. width.c says which
 * characters count as two cells and why. */
#ifndef KPI_LIB_WIDTH_H
#define KPI_LIB_WIDTH_H

#include <stddef.h>
#include <stdint.h>

/* Decodes the UTF-8 sequence at s (n > 0 bytes available) into *cp and
 * returns its length in bytes. A byte that starts no valid sequence (a
 * stray continuation byte, an overlong form, a surrogate, a value past
 * U+10FFFF, a sequence cut short) decodes as U+FFFD with length 1, so that
 * callers always move forward and never cut inside a valid sequence. */
size_t kpi__utf8_next(const char *s, size_t n, uint32_t *cp);

/* The start of the character that ends at pos (0 < pos, pos a character
 * boundary of s), decoded into *cp as kpi__utf8_next() decodes it, so that
 * the line breaker can step back without reading the line from its start. */
size_t kpi__utf8_prev(const char *s, size_t pos, uint32_t *cp);

/* The cells one code point takes: 0 (controls, combining marks, joiners,
 * variation selectors), 2 (East Asian wide, full-width and the ambiguous
 * characters Japanese fonts draw wide, ◎○△× among them) or 1. */
int kpi__width_of(uint32_t cp);

/* The cells of the first n bytes of s, and of a NUL-terminated s. */
size_t kpi__width_n(const char *s, size_t n);
size_t kpi__width(const char *s);

/* The length in bytes of the longest prefix of s[0..n) that fits in max
 * cells. It ends at a character boundary and keeps the zero-width marks
 * that follow its last character; *cells (may be NULL) receives its
 * width. */
size_t kpi__width_fit(const char *s, size_t n, size_t max, size_t *cells);

/* The work done on this thread by the text measuring and the line breaker:
 * characters decoded (kpi__utf8_next(), kpi__utf8_prev()) and bytes stepped
 * over. Read by the tests, which bound a render's work by a constant times
 * its input: a quadratic scan cannot hide in a fast machine. */
size_t kpi__width_work(void);
void kpi__width_work_add(size_t steps);

#endif
