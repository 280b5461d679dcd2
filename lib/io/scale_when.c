/* A level's condition (docs/scales.md): comparisons `MEASURE OP NUMBER`
 * joined by `and`, e.g. "achievement >= 0.9 and achievement < 1". A
 * number may be written as a percent ("90%" is 0.9). Empty means
 * "otherwise". */
#include "io/scale_read.h"
#include "util/error.h"
#include "util/number.h"

#include <string.h>

/* The next word of *text (up to a blank), moved past; its length in *n. */
static const char *next_word(const char **text, size_t *n)
{
    const char *s = *text + strspn(*text, " \t");
    *n = strcspn(s, " \t");
    *text = s + *n;
    return s;
}

static int is_word(const char *word, size_t n, const char *what)
{
    return n == strlen(what) && strncmp(word, what, n) == 0;
}

static int find_measure(const char *word, size_t n)
{
    for (int m = KPI__MEASURE_PACE; m <= KPI__MEASURE_CHANGE; m++)
        if (is_word(word, n, kpi__measure_name((kpi__measure)m)))
            return m;
    return -1;
}

static int find_op(const char *word, size_t n)
{
    for (int op = KPI__OP_GE; op <= KPI__OP_LT; op++)
        if (is_word(word, n, kpi__op_text((kpi__op)op)))
            return op;
    return -1;
}

/* A number, or a percent of one ("90%" is 0.9). */
static int read_number(const char *word, size_t n, double *out)
{
    char buf[64];
    if (n == 0 || n >= sizeof buf)
        return KPI_ERR_VALUE;
    int percent = word[n - 1] == '%';
    memcpy(buf, word, n - (size_t)percent);
    buf[n - (size_t)percent] = '\0';
    if (kpi__number_parse(out, buf) != KPI_OK)
        return KPI_ERR_VALUE;
    if (percent)
        *out /= 100;
    return KPI_OK;
}

static int fail_word(const kpi__scale_read *r, int32_t line, const char *what,
                     const char *word, size_t n, const char *expected)
{
    return kpi__scale_fail(r, line, C_WHEN, "%s \"%.*s\": expected %s", what,
                           (int)(n > 60 ? 60 : n), word, expected);
}

static int read_term(const kpi__scale_read *r, int32_t line, const char **text,
                     kpi__term *term)
{
    size_t n;
    const char *word = next_word(text, &n);
    int measure = find_measure(word, n);
    if (measure < 0)
        return fail_word(r, line, "unknown measure", word, n,
                         "pace, achievement or change");
    word = next_word(text, &n);
    int op = find_op(word, n);
    if (op < 0)
        return fail_word(r, line, "unknown operator", word, n, ">=, >, <= or <");
    word = next_word(text, &n);
    if (read_number(word, n, &term->number) != KPI_OK)
        return fail_word(r, line, "not a number:", word, n,
                         "a number such as 0.9 or 90%");
    term->measure = (uint8_t)measure;
    term->op = (uint8_t)op;
    return KPI_OK;
}

int kpi__scale_when(const kpi__scale_read *r, int32_t line, kpi__level *level)
{
    const char *text = level->when;
    level->term_count = 0;
    while (*(text + strspn(text, " \t"))) {
        if (level->term_count == KPI__SCALE_MAX_TERMS)
            return kpi__scale_fail(r, line, C_WHEN,
                                   "a condition joins at most %d comparisons",
                                   KPI__SCALE_MAX_TERMS);
        if (level->term_count) {
            size_t n;
            const char *word = next_word(&text, &n);
            if (!is_word(word, n, "and"))
                return fail_word(r, line, "unexpected", word, n, "and");
        }
        int rc = read_term(r, line, &text, &level->terms[level->term_count]);
        if (rc != KPI_OK)
            return rc;
        level->term_count++;
    }
    return KPI_OK;
}
