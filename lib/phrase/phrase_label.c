/* Reading a target, the shared steps: issues that lower the confidence,
 * and labels cut from the phrase (without particles and empty brackets). */
#include "phrase/reading.h"
#include "util/alloc.h"
#include "util/error.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* ---- Issues ------------------------------------------------------------------ */

int kpi__issue_vappend(char **issues, size_t *count, size_t max, const char *fmt,
                       va_list ap)
{
    if (*count == max)
        return 1;
    char message[512];
    vsnprintf(message, sizeof message, fmt, ap);
    kpi__utf8_trim_end(message);
    char *copy = kpi__strdup(message);
    if (!copy)
        return 0;
    issues[(*count)++] = copy;
    return 1;
}

void kpi__pr_add_issue(kpi__preader *r, double factor, const char *fmt, ...)
{
    va_list ap;
    r->out->confidence *= factor;
    va_start(ap, fmt);
    if (!kpi__issue_vappend(r->out->issues, &r->out->issue_count, MAX_ISSUES, fmt, ap))
        r->failed = 1;
    va_end(ap);
}

/* The phrase's characters [b, e) for a message. */
const char *kpi__pr_quote(const kpi__preader *r, size_t b, size_t e, char buf[QUOTE_SIZE])
{
    kpi__pt_quote(buf, QUOTE_SIZE, r->t->cp, b, e);
    return buf;
}

/* ---- Labels ----------------------------------------------------------------------- */

static const char *const leading_particles[] = {"での", "への", "の", "を", "は", "が",
                                                "へ",   "に",   "で", "と", "も", NULL};
/* Not に: 共に, 特に end words. */
static const char *const trailing_particles[] = {"から", "の", "を", "は", "が",
                                                 "へ",   "で", "と", NULL};

/* Strips blanks, separators and particles from both ends of cp[*b..*e). A
 * particle goes only where it stands after (or before) a word character:
 * the の of 9地域での is a particle, the に of にぎわい is not. */
void kpi__pr_trim_label(const uint32_t *cp, size_t *b, size_t *e)
{
    for (;;) {
        size_t len;
        if (*b < *e && kpi__pt_separator(cp[*b])) {
            ++*b;
        } else if (*e > *b && kpi__pt_separator(cp[*e - 1])) {
            --*e;
        } else if ((len = kpi__pt_match_table(cp, *b, *e, leading_particles, NULL)) &&
                   *b + len < *e && !kpi__pt_hiragana(cp[*b + len])) {
            *b += len;
        } else if ((len =
                        kpi__pt_match_end_table(cp, *b, *e, trailing_particles, NULL)) &&
                   *e - len > *b && !kpi__pt_hiragana(cp[*e - len - 1])) {
            *e -= len;
        } else {
            return;
        }
    }
}

/* Drops the brackets that removing months left empty: 説明会(6月・10月)
 * leaves 説明会(・). Returns the new length. */
size_t kpi__pr_drop_empty_brackets(uint32_t *cp, size_t len)
{
    size_t w = 0;
    for (size_t i = 0; i < len; i++) {
        if (cp[i] == '(') {
            size_t k = i + 1;
            while (k < len && kpi__pt_separator(cp[k]))
                k++;
            if (k < len && cp[k] == ')') {
                i = k;
                continue;
            }
        }
        cp[w++] = cp[i];
    }
    return w;
}

/* Builds the label in r->scratch: the fragment without cut and months,
 * blanks collapsed, trimmed. Returns its end; *b receives its start. */
size_t kpi__pr_build_label(kpi__preader *r, const kpi__pgroup *cut, size_t *b)
{
    size_t len = 0, k = 0;
    for (size_t i = r->b; i < r->e; i++) {
        uint32_t c = r->t->cp[i];
        /* The groups are sorted: the one that may hold i is the first not
         * ended before it. */
        while (k < r->count && r->groups[k].end <= i)
            k++;
        int month = k < r->count && r->groups[k].role == KPI__ROLE_MONTH &&
                    r->groups[k].start <= i;
        int target = cut && i >= cut->start && i < cut->end;
        if (month || target || (c == ' ' && len > 0 && r->scratch[len - 1] == ' '))
            continue;
        r->scratch[len++] = c;
    }
    len = kpi__pr_drop_empty_brackets(r->scratch, len);
    *b = 0;
    kpi__pr_trim_label(r->scratch, b, &len);
    return len;
}

char *kpi__pr_encode(kpi__preader *r, const uint32_t *cp, size_t b, size_t e)
{
    char *s = kpi__pt_encode(cp, b, e);
    if (!s)
        r->failed = 1;
    return s;
}
