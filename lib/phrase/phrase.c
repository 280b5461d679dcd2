/* Reading targets as the city writes them (kpi/phrase.h): each fragment of
 * a cell (see phrase_split.c) becomes one target, read from its number
 * groups (phrase_lex.c) and its last word.
 *
 * A fragment with a count is NUMERIC; one without is a MILESTONE when it
 * ends with a verb of something done once (策定, 締結, 実施, 開催 ...) or
 * names a month or an edition, QUALITATIVE when it ends with an aim
 * (充実, 推進, 活用 ...). Everything the reader is unsure of becomes an
 * issue, and each issue multiplies the confidence by its own factor below
 * 1: a reading with no issue, and only such a reading, has confidence 1. */
#include "util/alloc.h"
#include "util/error.h"
#include "phrase/phrase.h"

#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* At most this many issues are kept per target; later ones still lower
 * the confidence. */
#define MAX_ISSUES 8
/* Quotes of the phrase in issues are cut to this many bytes. */
#define QUOTE_SIZE 72

/* The confidence factors, one per kind of doubt (docs/phrases.md). */
#define DOUBT_MISSING_FIGURE 0.9 /* relative: last year's figure not given */
#define DOUBT_STRICT 0.9         /* 未満/超 read as inclusive */
#define DOUBT_UNIT_FROM_LABEL 0.9
#define DOUBT_APPROXIMATE 0.9
#define DOUBT_EDITION 0.9
#define DOUBT_UNKNOWN_UNIT 0.8
#define DOUBT_BASELINE 0.8 /* 10%増 with no 前年度比 */
#define DOUBT_RATIO 0.8    /* 前年度比110% */
#define DOUBT_DATE 0.8
#define DOUBT_LEFTOVER 0.7
#define DOUBT_SEVERAL 0.5 /* two numbers of unclear role */
#define DOUBT_RANGE 0.5
#define DOUBT_CHANGE 0.5    /* 10件増: not a percent */
#define DOUBT_NO_NUMBER 0.5 /* …の獲得: a count, but no number */
#define DOUBT_UNREAD 0.5    /* no number, verb or aim word */
#define DOUBT_TOO_LONG 0.5

typedef struct phrase_target {
    char *text;
    char *label;
    char *unit;
    kpi_kind kind;
    kpi_direction direction;
    double value;
    double change_pct;
    double confidence;
    int32_t due_month;
    int32_t due;
    size_t issue_count;
    char *issues[MAX_ISSUES];
} phrase_target;

struct kpi_phrase {
    size_t count;
    phrase_target *targets;
};

/* What reading one fragment needs. groups/count are the fragment's own. */
typedef struct reader {
    const char *text; /* the phrase as given, for quoting fragments verbatim */
    const kpi__ptext *t;
    const kpi__pgroup *groups;
    size_t count;
    size_t b, e;
    int32_t fiscal_year;
    uint32_t *scratch; /* room for t->n code points: the label being built */
    phrase_target *out;
    int failed; /* an allocation failed */
} reader;

/* ---- Issues ------------------------------------------------------------------ */

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static void
add_issue(reader *r, double factor, const char *fmt, ...)
{
    char message[512];
    va_list ap;
    r->out->confidence *= factor;
    if (r->out->issue_count == MAX_ISSUES)
        return;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    kpi__utf8_trim_end(message);
    char *copy = kpi__strdup(message);
    if (!copy) {
        r->failed = 1;
        return;
    }
    r->out->issues[r->out->issue_count++] = copy;
}

/* The phrase's characters [b, e) for a message. */
static const char *quote(const reader *r, size_t b, size_t e, char buf[QUOTE_SIZE])
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
static void trim_label(const uint32_t *cp, size_t *b, size_t *e)
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
static size_t drop_empty_brackets(uint32_t *cp, size_t len)
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
static size_t build_label(reader *r, const kpi__pgroup *cut, size_t *b)
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
    len = drop_empty_brackets(r->scratch, len);
    *b = 0;
    trim_label(r->scratch, b, &len);
    return len;
}

static char *encode(reader *r, const uint32_t *cp, size_t b, size_t e)
{
    char *s = kpi__pt_encode(cp, b, e);
    if (!s)
        r->failed = 1;
    return s;
}

/* ---- Due month and date ---------------------------------------------------------- */

static int32_t days_in_month(int32_t year, int32_t month)
{
    static const int32_t days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

/* The due month from the fragment's months (the last when several), and
 * the due date in the plan's fiscal year: January to March fall in the
 * next calendar year. */
static void read_due(reader *r)
{
    const kpi__pgroup *last = NULL;
    size_t months = 0;
    for (size_t k = 0; k < r->count; k++) {
        if (r->groups[k].role == KPI__ROLE_MONTH) {
            last = &r->groups[k];
            months++;
        }
    }
    if (!last)
        return;
    if (months > 1)
        add_issue(r, DOUBT_DATE,
                  "several months are named: the last, %d月, is read as due",
                  (int)last->month);
    r->out->due_month = last->month;
    if (r->fiscal_year == 0)
        return;
    int32_t year = last->month >= 4 ? r->fiscal_year : r->fiscal_year + 1;
    int32_t day = days_in_month(year, last->month);
    if (last->day > day)
        add_issue(r, DOUBT_DATE,
                  "%d月%d日 is no date in %d: read as the end of the month",
                  (int)last->month, (int)last->day, (int)year);
    else if (last->day > 0)
        day = last->day;
    r->out->due = year * 10000 + last->month * 100 + day;
}

/* ---- Numeric targets --------------------------------------------------------------- */

/* How strongly a group reads as the target: 前年度比10%増 over 30件以上 over
 * 12回 over a bare 2. The first of the strongest wins. */
static int strength(const kpi__pgroup *g)
{
    if (g->role == KPI__ROLE_RELATIVE)
        return 5;
    if (g->role == KPI__ROLE_CHANGE)
        return 2;
    if (g->cmp != KPI__CMP_NONE)
        return 4;
    return g->bare ? 1 : 3;
}

static const kpi__pgroup *select_target(const reader *r, size_t *candidates)
{
    const kpi__pgroup *best = NULL;
    *candidates = 0;
    for (size_t k = 0; k < r->count; k++) {
        const kpi__pgroup *g = &r->groups[k];
        if (!kpi__pgroup_is_target(g))
            continue;
        ++*candidates;
        if (!best || strength(g) > strength(best))
            best = g;
    }
    return best;
}

/* The unit a label names when the number has none: the end of
 * 推進交付金新規事業 (事業), or the X of X数 (物件登録件数: 件; 開催数: 回;
 * 利用者数: 人). Returns the unit's length in scratch, or 0; *fixed
 * receives a unit that is not in the label. */
static size_t unit_from_label(const uint32_t *cp, size_t b, size_t e, size_t *start,
                              const char **fixed)
{
    /* X数 where X is no unit but names one: 開催数 counts 回, 来場者数 人. */
    static const char *const counted[] = {"開催", "実施", "者", "客", "員", NULL};
    static const char *const counted_units[] = {"回", "回", "人", "人", "人"};
    *fixed = NULL;
    if (e > b + 1 && cp[e - 1] == 0x6570 /* 数 */) {
        size_t which = 0;
        if (kpi__pt_match_end_table(cp, b, e - 1, counted, &which))
            *fixed = counted_units[which];
        size_t len = kpi__pt_match_end_table(cp, b, e - 1, kpi__phrase_units, NULL);
        *start = e - 1 - len;
        return *fixed ? 1 : len;
    }
    size_t len = kpi__pt_match_end_table(cp, b, e, kpi__phrase_units, NULL);
    *start = e - len;
    return len >= 2 ? len : 0; /* a one-character end (…人) is too often no unit */
}

static void read_unit(reader *r, const kpi__pgroup *g, size_t lb, size_t le)
{
    char buf[QUOTE_SIZE];
    if (g->unit_end > g->unit_start) {
        r->out->unit = encode(r, r->t->cp, g->unit_start, g->unit_end);
        if (g->unit_unknown)
            add_issue(r, DOUBT_UNKNOWN_UNIT, "unit \"%s\" is not in the unit table",
                      quote(r, g->unit_start, g->unit_end, buf));
        return;
    }
    size_t start = 0;
    const char *fixed = NULL;
    size_t len = unit_from_label(r->scratch, lb, le, &start, &fixed);
    if (len == 0)
        return;
    r->out->unit = fixed ? kpi__strdup(fixed) : encode(r, r->scratch, start, start + len);
    if (!r->out->unit) {
        r->failed = 1;
        return;
    }
    add_issue(r, DOUBT_UNIT_FROM_LABEL,
              "no unit after the number: \"%s\" read from the label", r->out->unit);
}

/* 8回の展覧会を実施: when the count comes first, what follows it is what
 * is counted (展覧会), and the 実施 or 開催 at its end only says the events
 * take place. */
static size_t strip_event_verb(const uint32_t *cp, size_t b, size_t e)
{
    static const char *const events[] = {"を実施", "の実施", "を開催",
                                         "の開催", "で開催", NULL};
    size_t len = kpi__pt_match_end_table(cp, b, e, events, NULL);
    return len < e - b ? e - len : e;
}

/* 前年度比10%増: T is last year's figure R times (1 + p/100), and R is not
 * in the phrase. */
static void read_relative(reader *r, const kpi__pgroup *g)
{
    double pct = g->value;
    r->out->value = NAN;
    if (g->ratio) {
        /* 前年度比110% is last year's figure times 1.1: +10%. */
        int up = g->value >= 100;
        pct = up ? g->value - 100 : 100 - g->value;
        r->out->direction = up ? KPI_DIRECTION_INCREASE : KPI_DIRECTION_DECREASE;
        add_issue(r, DOUBT_RATIO, "ratio %g%% of last year read as a change of %s%g%%",
                  g->value, up ? "+" : "-", pct);
    }
    r->out->change_pct = pct;
    if (!g->baseline)
        add_issue(r, DOUBT_BASELINE,
                  "relative target: the base of the change is not named; read as last "
                  "year's figure");
    add_issue(r, DOUBT_MISSING_FIGURE,
              "relative target: last year's figure is not in the phrase");
}

static void read_count(reader *r, const kpi__pgroup *g)
{
    char buf[QUOTE_SIZE];
    r->out->value = g->value;
    if (g->cmp == KPI__CMP_LT || g->cmp == KPI__CMP_GT)
        add_issue(r, DOUBT_STRICT, "strict bound read as inclusive: \"%s\" taken as %s",
                  quote(r, g->cmp_start, g->cmp_end, buf),
                  g->cmp == KPI__CMP_LT ? "at most (以下)" : "at least (以上)");
    if (!isnan(g->upper))
        add_issue(r, DOUBT_RANGE, "range %g〜%g: the lower end is read as the target",
                  g->value, g->upper);
    if (g->approx)
        add_issue(r, DOUBT_APPROXIMATE, "approximate figure (約, 程度): read as %g",
                  g->value);
}

/* Text after the target's group that nothing explains: 5回以上行う is
 * fine (an ending), 5回以上 and then a clause is not. */
static void check_leftover(reader *r, const kpi__pgroup *g)
{
    char buf[QUOTE_SIZE];
    size_t b = g->end, e = r->e;
    for (size_t k = 0; k < r->count; k++)
        if (r->groups[k].role == KPI__ROLE_MONTH && r->groups[k].start >= b &&
            r->groups[k].start < e)
            e = r->groups[k].start; /* a month after the count is read */
    trim_label(r->t->cp, &b, &e);
    e = kpi__phrase_core_end(r->t->cp, b, e);
    if (b >= e || kpi__pt_match_table(r->t->cp, b, e, kpi__phrase_endings, NULL) == e - b)
        return;
    size_t verb = kpi__pt_match_table(r->t->cp, b, e, kpi__phrase_verbs, NULL);
    size_t done = kpi__pt_match_table(r->t->cp, b, e, kpi__phrase_milestones, NULL);
    if (verb == e - b || done == e - b)
        return;
    add_issue(r, DOUBT_LEFTOVER, "text after the number not read: \"%s\"",
              quote(r, b, e, buf));
}

/* The other numbers a reader could take for the target. */
static void check_others(reader *r, const kpi__pgroup *target, size_t candidates)
{
    char buf[QUOTE_SIZE], other[QUOTE_SIZE];
    if (candidates < 2)
        return;
    for (size_t k = 0; k < r->count; k++) {
        const kpi__pgroup *g = &r->groups[k];
        if (g == target || !kpi__pgroup_is_target(g))
            continue;
        add_issue(r, DOUBT_SEVERAL,
                  "more than one number: \"%s\" read as the target, \"%s\" is also "
                  "in the phrase",
                  quote(r, target->num_start, target->inner_end, buf),
                  quote(r, g->num_start, g->inner_end, other));
        return;
    }
}

static void read_numeric(reader *r, const kpi__pgroup *g, size_t candidates)
{
    char buf[QUOTE_SIZE];
    r->out->kind = KPI_KIND_NUMERIC;
    r->out->direction = g->decrease ? KPI_DIRECTION_DECREASE : KPI_DIRECTION_INCREASE;
    size_t lb = 0, le = build_label(r, g, &lb);
    /* 研修会を5回以上行う: what is counted is 研修会, not 研修会を行う. */
    le = kpi__phrase_core_end(r->scratch, lb, le);
    if (g->linked)
        le = strip_event_verb(r->scratch, lb, le);
    trim_label(r->scratch, &lb, &le);
    r->out->label = encode(r, r->scratch, lb, le);
    if (g->role == KPI__ROLE_RELATIVE) {
        read_relative(r, g);
    } else if (g->role == KPI__ROLE_CHANGE) {
        r->out->value = NAN;
        add_issue(
            r, DOUBT_CHANGE,
            "\"%s\" is a change from a figure the phrase does not give; no target value",
            quote(r, g->num_start, g->inner_end, buf));
    } else {
        read_count(r, g);
    }
    if (g->role == KPI__ROLE_RELATIVE && g->unit_end == g->unit_start + 1) {
        kpi__pgroup no_unit = *g; /* the % is the change's, not the target's */
        no_unit.unit_start = no_unit.unit_end;
        read_unit(r, &no_unit, lb, le);
    } else {
        read_unit(r, g, lb, le);
    }
    check_others(r, g, candidates);
    if (!g->linked && candidates == 1)
        check_leftover(r, g);
}

/* ---- Milestones and qualitative targets ------------------------------------------ */

/* Whether cp[b..e) ends with 情報提供を実施 and the like: ongoing work. */
static int ends_ongoing(const uint32_t *cp, size_t b, size_t e)
{
    size_t len = kpi__pt_match_end(cp, b, e, "実施");
    if (len == 0)
        return 0;
    e -= len;
    if (kpi__pt_match_end(cp, b, e, "を") || kpi__pt_match_end(cp, b, e, "の"))
        e--;
    return kpi__pt_match_end_table(cp, b, e, kpi__phrase_ongoing, NULL) > 0;
}

static int has_role(const reader *r, kpi__prole role)
{
    for (size_t k = 0; k < r->count; k++)
        if (r->groups[k].role == role)
            return 1;
    return 0;
}

/* A fragment with no count, read from its last word. */
static void read_other(reader *r)
{
    size_t lb = 0, le = build_label(r, NULL, &lb);
    const uint32_t *cp = r->scratch;
    size_t end = kpi__phrase_core_end(cp, lb, le);
    r->out->label = encode(r, cp, lb, le);
    if (ends_ongoing(cp, lb, end)) {
        r->out->kind = KPI_KIND_QUALITATIVE;
    } else if (kpi__pt_match_end_table(cp, lb, end, kpi__phrase_milestones, NULL)) {
        r->out->kind = KPI_KIND_MILESTONE;
    } else if (kpi__pt_match_end_table(cp, lb, end, kpi__phrase_aims, NULL)) {
        r->out->kind = KPI_KIND_QUALITATIVE;
    } else if (kpi__pt_match_end_table(cp, lb, end, kpi__phrase_raise, NULL) ||
               kpi__pt_match_end_table(cp, lb, end, kpi__phrase_lower, NULL)) {
        r->out->kind = KPI_KIND_NUMERIC;
        if (kpi__pt_match_end_table(cp, lb, end, kpi__phrase_lower, NULL))
            r->out->direction = KPI_DIRECTION_DECREASE;
        add_issue(r, DOUBT_NO_NUMBER, "a count to %s, but the phrase gives no number",
                  r->out->direction == KPI_DIRECTION_DECREASE ? "lower" : "raise");
    } else if (has_role(r, KPI__ROLE_MONTH) || has_role(r, KPI__ROLE_EDITION)) {
        r->out->kind = KPI_KIND_MILESTONE; /* a named event: 上田城跡能(8月) */
    } else {
        r->out->kind = KPI_KIND_QUALITATIVE;
        add_issue(r, DOUBT_UNREAD,
                  "no number, milestone verb or aim word: read as qualitative");
    }
}

/* ---- One target -------------------------------------------------------------------- */

static void check_names(reader *r)
{
    char buf[QUOTE_SIZE];
    for (size_t k = 0; k < r->count; k++) {
        const kpi__pgroup *g = &r->groups[k];
        if (g->role == KPI__ROLE_EDITION)
            add_issue(r, DOUBT_EDITION,
                      "\"%s\" read as the name of an edition, not a count",
                      quote(r, g->num_start, g->inner_end, buf));
        else if (g->too_long)
            add_issue(r, DOUBT_TOO_LONG, "number too long to read: \"%s\"",
                      quote(r, g->num_start, g->num_end, buf));
    }
}

static void read_target(reader *r)
{
    phrase_target *out = r->out;
    out->kind = KPI_KIND_QUALITATIVE;
    out->direction = KPI_DIRECTION_INCREASE;
    out->value = NAN;
    out->change_pct = NAN;
    out->confidence = 1;
    size_t from = r->t->off[r->b];
    out->text = kpi__strndup(r->text + from, r->t->off[r->e] - from);
    if (!out->text)
        r->failed = 1;
    size_t candidates = 0;
    const kpi__pgroup *g = select_target(r, &candidates);
    if (g)
        read_numeric(r, g, candidates);
    else
        read_other(r);
    read_due(r);
    check_names(r);
    if (!out->label || (!out->unit && !(out->unit = kpi__strdup(""))))
        r->failed = 1;
}

/* Points r at the groups lying wholly inside fragment [b, e). */
static void find_groups(reader *r, const kpi__pgroup *groups, size_t count,
                        const kpi__pspan *span)
{
    size_t k = 0;
    while (k < count && groups[k].start < span->b)
        k++;
    size_t first = k;
    while (k < count && groups[k].end <= span->e)
        k++;
    r->groups = groups + first;
    r->count = k - first;
    r->b = span->b;
    r->e = span->e;
}

/* ---- The reading ---------------------------------------------------------------- */

static void free_target(phrase_target *t)
{
    kpi__free(t->text);
    kpi__free(t->label);
    kpi__free(t->unit);
    for (size_t k = 0; k < t->issue_count; k++)
        kpi__free(t->issues[k]);
}

void kpi_phrase_free(kpi_phrase *phrase)
{
    if (!phrase)
        return;
    for (size_t i = 0; i < phrase->count; i++)
        free_target(&phrase->targets[i]);
    kpi__free(phrase->targets);
    kpi__free(phrase);
}

/* Reads every fragment into a new reading. */
static int read_all(kpi_phrase **out, const char *text, const kpi__ptext *t,
                    const kpi__pgroup *groups, size_t group_count,
                    const kpi__pspan *spans, size_t span_count, int32_t fiscal_year)
{
    kpi_phrase *phrase = kpi__calloc(1, sizeof *phrase);
    uint32_t *scratch = kpi__calloc(t->n + 1, sizeof *scratch);
    if (phrase)
        phrase->targets = kpi__calloc(span_count, sizeof *phrase->targets);
    if (!phrase || !scratch || !phrase->targets) {
        kpi__free(scratch);
        kpi_phrase_free(phrase);
        return KPI_ERR_NOMEM;
    }
    reader r;
    memset(&r, 0, sizeof r);
    r.text = text;
    r.t = t;
    r.fiscal_year = fiscal_year;
    r.scratch = scratch;
    for (size_t i = 0; i < span_count && !r.failed; i++) {
        find_groups(&r, groups, group_count, &spans[i]);
        r.out = &phrase->targets[i];
        phrase->count = i + 1;
        read_target(&r);
    }
    kpi__free(scratch);
    if (r.failed) {
        kpi_phrase_free(phrase);
        return kpi__error_nomem();
    }
    *out = phrase;
    return KPI_OK;
}

/* The length of text up to the limit and one byte more, without reading
 * past its end. */
static size_t bounded_length(const char *text)
{
    size_t n = 0;
    while (n <= KPI__PHRASE_MAX_BYTES && text[n])
        n++;
    return n;
}

static int check_arguments(kpi_phrase **out, const char *text, int32_t fiscal_year,
                           size_t *size)
{
    if (!out)
        return kpi__error_null("kpi_phrase_parse", "out");
    *out = NULL;
    if (!text)
        return kpi__error_null("kpi_phrase_parse", "text");
    if (fiscal_year < 0 || fiscal_year > 9998)
        return kpi__error(KPI_ERR_ARGUMENT,
                          "kpi_phrase_parse: fiscal_year must be 0 (unknown) or 1..9998, "
                          "got %" PRId32,
                          fiscal_year);
    *size = bounded_length(text);
    if (*size == 0)
        return kpi__error(KPI_ERR_VALUE, "phrase: the text is empty");
    if (*size > KPI__PHRASE_MAX_BYTES)
        return kpi__error(KPI_ERR_LIMIT, "phrase: longer than the limit of %d bytes",
                          KPI__PHRASE_MAX_BYTES);
    return KPI_OK;
}

int kpi_phrase_parse(kpi_phrase **out, const char *text, int32_t fiscal_year)
{
    size_t size = 0, group_count = 0, span_count = 0;
    int rc = check_arguments(out, text, fiscal_year, &size);
    if (rc != KPI_OK)
        return rc;
    kpi__ptext t;
    rc = kpi__ptext_decode(&t, text, size);
    if (rc != KPI_OK)
        return rc;
    kpi__pgroup *groups = kpi__calloc(kpi__pgroups_bound(&t) + 1, sizeof *groups);
    kpi__pspan *spans = NULL;
    if (!groups) {
        rc = KPI_ERR_NOMEM;
    } else {
        group_count = kpi__pgroups_scan(&t, groups, kpi__pgroups_bound(&t) + 1);
        rc = kpi__phrase_split(&t, groups, group_count, &spans, &span_count);
    }
    if (rc == KPI_OK && span_count == 0) {
        char buf[KPI__CLIP_SIZE];
        rc = kpi__error(KPI_ERR_VALUE,
                        "phrase \"%s\": nothing to read (only blanks and list markers)",
                        kpi__clip(buf, text));
    }
    if (rc == KPI_OK)
        rc = read_all(out, text, &t, groups, group_count, spans, span_count, fiscal_year);
    kpi__free(spans);
    kpi__free(groups);
    kpi__ptext_free(&t);
    return rc;
}

/* ---- Accessors -------------------------------------------------------------------- */

static const phrase_target *target_at(const kpi_phrase *phrase, size_t index,
                                      const char *function)
{
    if (!phrase) {
        kpi__error_null(function, "phrase");
        return NULL;
    }
    if (index >= phrase->count) {
        kpi__error(KPI_ERR_RANGE, "%s: target index %zu is out of range (%zu targets)",
                   function, index, phrase->count);
        return NULL;
    }
    return &phrase->targets[index];
}

size_t kpi_phrase_count(const kpi_phrase *phrase)
{
    if (!phrase) {
        kpi__error_null("kpi_phrase_count", "phrase");
        return 0;
    }
    return phrase->count;
}

const char *kpi_phrase_text_at(const kpi_phrase *phrase, size_t index)
{
    const phrase_target *t = target_at(phrase, index, "kpi_phrase_text_at");
    return t ? t->text : NULL;
}

const char *kpi_phrase_label_at(const kpi_phrase *phrase, size_t index)
{
    const phrase_target *t = target_at(phrase, index, "kpi_phrase_label_at");
    return t ? t->label : NULL;
}

const char *kpi_phrase_unit_at(const kpi_phrase *phrase, size_t index)
{
    const phrase_target *t = target_at(phrase, index, "kpi_phrase_unit_at");
    return t ? t->unit : NULL;
}

kpi_kind kpi_phrase_kind_at(const kpi_phrase *phrase, size_t index)
{
    const phrase_target *t = target_at(phrase, index, "kpi_phrase_kind_at");
    return t ? t->kind : KPI_KIND_NUMERIC;
}

kpi_direction kpi_phrase_direction_at(const kpi_phrase *phrase, size_t index)
{
    const phrase_target *t = target_at(phrase, index, "kpi_phrase_direction_at");
    return t ? t->direction : KPI_DIRECTION_INCREASE;
}

double kpi_phrase_value_at(const kpi_phrase *phrase, size_t index)
{
    const phrase_target *t = target_at(phrase, index, "kpi_phrase_value_at");
    return t ? t->value : NAN;
}

double kpi_phrase_change_pct_at(const kpi_phrase *phrase, size_t index)
{
    const phrase_target *t = target_at(phrase, index, "kpi_phrase_change_pct_at");
    return t ? t->change_pct : NAN;
}

int32_t kpi_phrase_due_month_at(const kpi_phrase *phrase, size_t index)
{
    const phrase_target *t = target_at(phrase, index, "kpi_phrase_due_month_at");
    return t ? t->due_month : 0;
}

int32_t kpi_phrase_due_at(const kpi_phrase *phrase, size_t index)
{
    const phrase_target *t = target_at(phrase, index, "kpi_phrase_due_at");
    return t ? t->due : 0;
}

double kpi_phrase_confidence_at(const kpi_phrase *phrase, size_t index)
{
    const phrase_target *t = target_at(phrase, index, "kpi_phrase_confidence_at");
    return t ? t->confidence : NAN;
}

size_t kpi_phrase_issue_count_at(const kpi_phrase *phrase, size_t index)
{
    const phrase_target *t = target_at(phrase, index, "kpi_phrase_issue_count_at");
    return t ? t->issue_count : 0;
}

const char *kpi_phrase_issue_at(const kpi_phrase *phrase, size_t index, size_t issue)
{
    const phrase_target *t = target_at(phrase, index, "kpi_phrase_issue_at");
    if (!t)
        return NULL;
    if (issue >= t->issue_count) {
        kpi__error(KPI_ERR_RANGE,
                   "kpi_phrase_issue_at: issue index %zu is out of range (%zu issues)",
                   issue, t->issue_count);
        return NULL;
    }
    return t->issues[issue];
}
