/* Internal: numbers as spreadsheets write them, and as the writers print
 * them. Both use the C locale's '.', whatever locale the host program set. */
#ifndef KPI_LIB_NUMBER_H
#define KPI_LIB_NUMBER_H

#include <stddef.h>

/* The C numeric locale for the calling thread, entered for the span of one
 * public call that reads or prints numbers, so that a host program's
 * setlocale() (say, one with a decimal comma) cannot change the files. */
typedef struct kpi__c_numeric {
    void *c;
    void *previous;
} kpi__c_numeric;
void kpi__c_numeric_enter(kpi__c_numeric *state);
void kpi__c_numeric_leave(kpi__c_numeric *state);

/* Reads a finite decimal number (in the C numeric locale): optional sign, digits with an
 * optional fraction and exponent; full-width digits, signs and point are accepted, and so
 * are thousands separators in groups of three ("1,234"). Surrounding ASCII and full-width
 * blanks are ignored. Returns KPI_OK or KPI_ERR_VALUE (with a message quoting the text:
 * `"abc" is not a number`). */
int kpi__number_parse(double *out, const char *text);

/* (In the C numeric locale) the shortest "%.Ng" form of a finite value that reads back to
 * the same double. buf must hold KPI__NUMBER_SIZE bytes. Returns the length written
 * (the reports write millions of numbers and need not measure them again). */
#define KPI__NUMBER_SIZE 32
size_t kpi__number_format(char *buf, double value);

/* The same form, found with exact integer arithmetic instead of printf and strtod,
 * for the values reports are made of: 0 and magnitudes from 1e-4 to 1e15, when no
 * rounding tie is involved. Returns the length written, or 0 when the value is not one
 * of those (kpi__number_format() then asks printf). number_shortest.c */
size_t kpi__number_shortest(char *buf, double value);

/* A count in decimal, as "%llu" writes it, without printf. buf holds
 * KPI__NUMBER_SIZE bytes. Returns the length written. */
size_t kpi__number_count(char *buf, unsigned long long value);

/* value rounded to decimals (0..3) places, as "%.*f" writes it, without
 * printf for ordinary magnitudes (reports and reason lines print millions
 * of numbers; glibc's printf of doubles dominated evaluating them). buf
 * holds KPI__NUMBER_SIZE bytes. */
void kpi__number_fixed(char *buf, double value, int decimals);

/* A value for people to read: whole numbers without decimals, others with
 * at most two ("15.04", "0.5", never "1." or "15.00"); "" for NaN. buf
 * holds KPI__NUMBER_SIZE bytes. */
void kpi__number_display(char *buf, double value);

/* A fraction for people to read as a whole percent ("107%" for 1.0667,
 * "0%"); "" for NaN. buf holds KPI__NUMBER_SIZE bytes. */
void kpi__number_percent(char *buf, double fraction);

#endif
