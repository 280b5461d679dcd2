/* Internal: the scanner of the date parser (date_scan.c): code points of
 * a UTF-8 text, full-width forms folded, and the messages of a date that
 * cannot be read. */
#ifndef KPI_LIB_UTIL_DATE_SCAN_H
#define KPI_LIB_UTIL_DATE_SCAN_H

#include <stddef.h>
#include <stdint.h>

/* Code points the parser knows. */
enum {
    CP_IDEOGRAPHIC_SPACE = 0x3000,
    CP_FULLWIDTH_HYPHEN = 0xFF0D,
    CP_FULLWIDTH_FULL_STOP = 0xFF0E,
    CP_FULLWIDTH_SOLIDUS = 0xFF0F,
    CP_FULLWIDTH_ZERO = 0xFF10,
    CP_FULLWIDTH_NINE = 0xFF19,
    CP_FULLWIDTH_A = 0xFF21,
    CP_FULLWIDTH_Z = 0xFF3A,
    CP_FULLWIDTH_SMALL_A = 0xFF41,
    CP_FULLWIDTH_SMALL_Z = 0xFF5A,
    CP_NEN = 0x5E74,   /* 年 year */
    CP_GATSU = 0x6708, /* 月 month */
    CP_NICHI = 0x65E5, /* 日 day */
    CP_DO = 0x5EA6,    /* 度, in 年度: fiscal year */
    CP_GAN = 0x5143    /* 元, in 元年: the first year of an era */
};

/* The text being parsed, already trimmed. */
struct kpi__scanner {
    const char *text; /* the trimmed text, quoted in messages */
    const char *p;    /* the next byte to read */
    const char *end;  /* one past the trimmed text */
};

/* Consumes the next code point when it is cp. */
int kpi__scan_accept(struct kpi__scanner *s, int32_t cp);

/* Consumes a digit, ASCII or full-width, and returns its value; -1 when
 * the next code point is no digit. */
int kpi__scan_accept_digit(struct kpi__scanner *s);

/* Consumes a Latin letter, ASCII or full-width, and returns it in ASCII
 * upper case; 0 when the next code point is no letter. */
char kpi__scan_accept_letter(struct kpi__scanner *s);

/* Consumes a date separator and returns it as ASCII '-', '/' or '.'
 * (full-width ones count as their ASCII twins); 0 when there is none. */
char kpi__scan_accept_separator(struct kpi__scanner *s);

/* Whether the next code point is a digit, without consuming it. */
int kpi__scan_at_digit(const struct kpi__scanner *s);

/* How many bytes of p (n long) to show: at most max, cut before a UTF-8
 * continuation byte so that no character is split. */
int kpi__scan_clip_utf8(const char *p, ptrdiff_t n, int max);

/* Records KPI_ERR_DATE as `"<text>" is not a date: <reason>`. */
int kpi__scan_fail(const struct kpi__scanner *s, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Records KPI_ERR_DATE as `"<text>" names a period, not a day: <what>`. */
int kpi__scan_fail_not_a_day(const struct kpi__scanner *s, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* A scanner over text without its leading and trailing blanks. */
struct kpi__scanner kpi__scan_over(const char *text);

/* Japanese documents pad single-digit numbers for alignment
 * ("平成29年 9月 1日"), so blanks may follow 年, 月 and an era name. */
void kpi__scan_skip_inner_blanks(struct kpi__scanner *s);

#endif
