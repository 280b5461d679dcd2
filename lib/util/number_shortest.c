/* The exact form of a number (kpi__number_format()) without printf: the
 * first of "%.15g", "%.16g", "%.17g" that reads back to the same double,
 * found with integer arithmetic. A report of a million targets writes
 * seven million numbers, and each printf-and-strtod round cost thousands
 * of instructions; this costs a few dozen.
 *
 * value = m * 2^e exactly (m of 53 bits). Rounding it to P significant
 * digits is rounding m * 10^k * 2^e to an integer, k = P - 1 - X with X
 * the decimal exponent; for the magnitudes reports hold (1e-4 to 1e15) k
 * is at most 20 and -e at most 66, so every quantity fits in 128 bits and
 * nothing is approximate. Whatever is left out (other magnitudes, a tie
 * in the rounding, a rounding that carries into a new digit, a value
 * exactly between two doubles) goes back to printf, which decides those
 * as it always has: the output is the same byte for byte. */
#include "util/number.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#if defined(__SIZEOF_INT128__)

__extension__ typedef unsigned __int128 u128;

#define MAX_SCALE 20 /* 10^k for k up to P - 1 - X = 17 - 1 + 4 */

static u128 power10(int k)
{
    static const uint64_t powers[] = {1,
                                      10,
                                      100,
                                      1000,
                                      10000,
                                      100000,
                                      1000000,
                                      10000000,
                                      100000000,
                                      1000000000,
                                      10000000000,
                                      100000000000,
                                      1000000000000,
                                      10000000000000,
                                      100000000000000,
                                      1000000000000000,
                                      10000000000000000,
                                      100000000000000000,
                                      1000000000000000000,
                                      10000000000000000000u};
    return k < 20 ? powers[k] : (u128)powers[19] * 10;
}

/* value = m * 2^-s, scaled to 17 significant digits: value * 10^k =
 * whole + rest / 2^s exactly, with k = 16 - X. Every shorter rounding is
 * read from it (rounding whole / 10^j needs only whole's last j digits and
 * whether rest is zero), and so is every check that one reads back. */
struct scaled {
    uint64_t m;
    int s, X, k;
    uint64_t whole;  /* 17 digits: 10^16 <= whole < 10^17 */
    u128 rest, half; /* rest < 2^s; half = 2^(s-1) */
};

/* Scales value with its decimal exponent *X corrected if the estimate
 * was one off; 0 when the value is out of the range of 128 bits. */
static int scale(struct scaled *v, uint64_t m, int s, int X)
{
    for (int tries = 0; tries < 3; tries++) {
        int k = 16 - X;
        if (k < 0 || k > MAX_SCALE)
            return 0;
        u128 a = (u128)m * power10(k);
        u128 whole = a >> s;
        if (whole < power10(16)) {
            X--;
            continue;
        }
        if (whole >= power10(17)) {
            X++;
            continue;
        }
        v->m = m;
        v->s = s;
        v->X = X;
        v->k = k;
        v->whole = (uint64_t)whole;
        v->half = (u128)1 << (s - 1);
        v->rest = a & ((v->half << 1) - 1);
        return 1;
    }
    return 0;
}

/* The rounding to 17 - j digits (j = 0, 1, 2) in *q; 0 on a tie (left to
 * printf, which breaks ties its own way). */
static int round_to(const struct scaled *v, int j, uint64_t *q)
{
    uint64_t unit = (uint64_t)power10(j);
    uint64_t low = v->whole % unit;
    *q = v->whole / unit;
    if (j == 0) {
        if (v->rest == v->half)
            return 0;
        *q += v->rest > v->half;
        return 1;
    }
    /* The dropped part is (low + rest / 2^s) units of the last digit kept
     * over unit: above a half exactly when low > unit / 2, or equal to it
     * with rest > 0. */
    if (low == unit / 2 && v->rest == 0)
        return 0;
    *q += low > unit / 2 || (low == unit / 2 && v->rest > 0);
    return 1;
}

/* Whether the decimal q * 10^(j - k) reads back to m * 2^-s: it lies
 * strictly closer to it than half the gap to the neighbouring doubles (the
 * gap below a power of two is half the gap above). Exactly half is left to
 * printf. In the scale of value * 10^k * 2^s, the value is m * 10^k and
 * the gap above is 10^k. */
static int reads_back(const struct scaled *v, uint64_t q, int j)
{
    u128 a = (u128)v->m * power10(v->k);
    u128 d = ((u128)q * power10(j)) << v->s;
    u128 diff = d > a ? d - a : a - d;
    int below_power_of_two = d < a && v->m == (uint64_t)1 << 52;
    u128 twice = below_power_of_two ? diff << 2 : diff << 1;
    return twice < power10(v->k);
}

/* The last count digits of q, ending before end, two at a time: the
 * divisions were most of the cost. */
static void put_digits(char *end, uint64_t q, int count)
{
    static const char pairs[] = "00010203040506070809101112131415161718192021222324"
                                "25262728293031323334353637383940414243444546474849"
                                "50515253545556575859606162636465666768697071727374"
                                "75767778798081828384858687888990919293949596979899";
    for (; count >= 2; count -= 2, q /= 100) {
        end -= 2;
        memcpy(end, pairs + 2 * (q % 100), 2);
    }
    if (count)
        end[-1] = (char)('0' + q % 10);
}

/* "%g" of P significant digits q (exactly P of them) with decimal
 * exponent X, -4 <= X < P: positional, trailing zeros and a bare point
 * dropped. */
static size_t write_g(char *buf, int negative, uint64_t q, int P, int X)
{
    char digits[24];
    put_digits(digits + P, q, P);
    int used = P;
    while (used > 1 && digits[used - 1] == '0')
        used--;
    char *p = buf;
    if (negative)
        *p++ = '-';
    if (X >= 0) {
        memcpy(p, digits, (size_t)X + 1);
        p += X + 1;
        if (used > X + 1) {
            *p++ = '.';
            memcpy(p, digits + X + 1, (size_t)(used - X - 1));
            p += used - X - 1;
        }
    } else {
        *p++ = '0';
        *p++ = '.';
        for (int i = -1; i > X; i--)
            *p++ = '0';
        memcpy(p, digits, (size_t)used);
        p += used;
    }
    *p = '\0';
    return (size_t)(p - buf);
}

/* A whole number below 1e15 has at most 15 digits: "%.15g" writes them
 * all, and they read back. Most figures of a plan are whole. */
static size_t write_whole(char *buf, int negative, uint64_t n)
{
    char digits[24];
    int count = 1;
    for (uint64_t rest = n / 10; rest; rest /= 10)
        count++;
    put_digits(digits + sizeof digits, n, count);
    char *p = buf;
    if (negative)
        *p++ = '-';
    memcpy(p, digits + sizeof digits - count, (size_t)count);
    p[count] = '\0';
    return (size_t)(p - buf) + (size_t)count;
}

size_t kpi__number_shortest(char *buf, double value)
{
    if (value == 0) {
        strcpy(buf, signbit(value) ? "-0" : "0");
        return strlen(buf);
    }
    double a = fabs(value);
    if (!(a >= 1e-4 && a < 1e15))
        return 0;
    /* a = m * 2^-s exactly, from its bits: normal in this range. */
    uint64_t bits;
    memcpy(&bits, &a, sizeof bits);
    int biased = (int)(bits >> 52);
    uint64_t m = (bits & (((uint64_t)1 << 52) - 1)) | (uint64_t)1 << 52;
    int s = 1075 - biased; /* at least 4 below 1e15, at most 66 from 1e-4 */
    int negative = signbit(value) != 0;
    if (s <= 52 && (m & (((uint64_t)1 << s) - 1)) == 0)
        return write_whole(buf, negative, m >> s);
    /* The decimal exponent from the binary one (log10(2) ~ 78913 / 2^18),
     * at most one off either way; scale() corrects it. */
    struct scaled v;
    if (!scale(&v, m, s, (52 - s) * 78913 / 262144) || v.X < -4)
        return 0;
    for (int P = 15; P <= 17; P++) {
        uint64_t q;
        if (!round_to(&v, 17 - P, &q) || q >= (uint64_t)power10(P))
            return 0; /* a tie, or rounded up into one more digit */
        if (reads_back(&v, q, 17 - P))
            return write_g(buf, negative, q, P, v.X);
    }
    return 0;
}

#else /* no 128-bit integers: printf decides every number */

size_t kpi__number_shortest(char *buf, double value)
{
    (void)buf;
    (void)value;
    return 0;
}

#endif
