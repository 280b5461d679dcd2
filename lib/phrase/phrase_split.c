/* Cutting a cell of the 期限・数値目標等 column into one fragment per target.
 *
 * The seed separates targets in five ways, and each has its own rule:
 *   - a line break or 。: always a cut;
 *   - ・ as a bullet (at the start or after a blank): a cut; ・ inside words
 *     (まち・ひと・しごと) is not, unless a complete target ends before it;
 *   - a blank after a complete target, when what follows does not continue
 *     it: 物件登録件数30件以上 利用者登録数60件以上 is two, but
 *     大都市部で相談窓口を定期開催 12回 is one (12回 continues it);
 *   - 、 after a count: 市内全小学校25校、9地域での… is two;
 *   - と (及び) between two counts, between an aim or a milestone and a
 *     count, or between an aim and a milestone: 15回の自主事業公演と8回の
 *     展覧会を実施, サポーター活動の充実とアーツスタッフアカデミーの実施.
 *     Two milestones joined by と stay one (庁内組織の立ち上げと推進会議の
 *     開催: done when both are done).
 * A target is complete when it ends with a count (30件以上, (5校)を実施, a
 * bare 2 after a blank), a month or edition in brackets ((8月)), or a
 * milestone verb or aim word (…の実施, …の充実). Nothing is cut inside
 * brackets or 「」. */
#include "util/alloc.h"
#include "util/error.h"
#include "phrase/phrase.h"

#include <string.h>

typedef struct splitter {
    const kpi__ptext *t;
    const kpi__pgroup *groups;
    size_t count;
    kpi__pspan *spans;
    size_t span_count;
    size_t capacity;
    int failed;
} splitter;

/* ---- Output ----------------------------------------------------------------- */

/* Adds [b, e) trimmed of list markers and blanks in front and blanks and
 * separators behind; drops it when nothing is left. */
static void push(splitter *s, size_t b, size_t e)
{
    const uint32_t *cp = s->t->cp;
    for (;;) {
        if (b < e && (cp[b] == ' ' || kpi__pt_bullet(cp[b]))) {
            b++;
        } else if (b + 1 < e && (cp[b] == '-' || cp[b] == '*') && cp[b + 1] == ' ') {
            b += 2;
        } else {
            break;
        }
    }
    while (e > b && kpi__pt_separator(cp[e - 1]))
        e--;
    if (b >= e || s->failed)
        return;
    if (s->span_count == s->capacity) {
        size_t capacity = s->capacity ? s->capacity * 2 : 8;
        kpi__pspan *spans = kpi__reallocarray(s->spans, capacity, sizeof *spans);
        if (!spans) {
            s->failed = 1;
            return;
        }
        s->spans = spans;
        s->capacity = capacity;
    }
    s->spans[s->span_count].b = b;
    s->spans[s->span_count].e = e;
    s->span_count++;
}

/* ---- Completeness -------------------------------------------------------------- */

/* The group whose span ends exactly at end and starts at or after begin, or
 * NULL. Spans are sorted and disjoint, so a binary search finds it. */
static const kpi__pgroup *group_ending_at(const splitter *s, size_t begin, size_t end)
{
    size_t lo = 0, hi = s->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->groups[mid].end < end)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < s->count && s->groups[lo].end == end && s->groups[lo].start >= begin)
        return &s->groups[lo];
    return NULL;
}

/* Whether cp[begin..end) ends with a milestone verb or an aim word. */
static int ends_with_predicate(const uint32_t *cp, size_t begin, size_t end)
{
    end = kpi__phrase_core_end(cp, begin, end);
    return kpi__pt_match_end_table(cp, begin, end, kpi__phrase_milestones, NULL) ||
           kpi__pt_match_end_table(cp, begin, end, kpi__phrase_aims, NULL) ||
           kpi__pt_match_end_table(cp, begin, end, kpi__phrase_raise, NULL) ||
           kpi__pt_match_end_table(cp, begin, end, kpi__phrase_lower, NULL);
}

/* Whether [begin, end) reads as a complete target. A bare number (事業 2)
 * counts only when weak ones are allowed, that is at a blank. */
static int complete(const splitter *s, size_t begin, size_t end, int allow_bare)
{
    while (end > begin && s->t->cp[end - 1] == ' ')
        end--;
    if (end == begin)
        return 0;
    const kpi__pgroup *g = group_ending_at(s, begin, end);
    if (g && g->role != KPI__ROLE_NAME)
        return allow_bare || !g->bare;
    return ends_with_predicate(s->t->cp, begin, end);
}

/* Whether the text at k continues the target before it rather than
 * starting a new one: a number, a bracket, a comparison, 前年度比, a unit,
 * a verb or a rate (開催 12回, 参加者 100 人以上, 研修の実施 (8月),
 * 研修会の開催 年4回以上). */
int kpi__phrase_continues(const kpi__ptext *t, size_t k)
{
    if (k >= t->n)
        return 0;
    uint32_t c = t->cp[k];
    if (kpi__pt_digit(c) || c == '(' || c == '%' || c == '~' || c == '+' || c == '-' ||
        c == 0x25B2 /* ▲ */ || c == 0x7D04 /* 約 */)
        return 1;
    if (kpi__pt_match_table(t->cp, k, t->n, kpi__phrase_comparisons, NULL) ||
        kpi__pt_match_table(t->cp, k, t->n, kpi__phrase_markers, NULL) ||
        kpi__pt_match_table(t->cp, k, t->n, kpi__phrase_verbs, NULL) ||
        kpi__phrase_period_at(t->cp, k, t->n))
        return 1;
    size_t len = kpi__pt_match_table(t->cp, k, t->n, kpi__phrase_units, NULL);
    return len > 0 && kpi__phrase_word_end(t->cp, k + len, t->n);
}

/* ---- First pass: breaks, bullets, blanks, 、 -------------------------------- */

static int opens(uint32_t c)
{
    return c == '(' || c == 0x300C /* 「 */ || c == 0x300E /* 『 */;
}

static int closes(uint32_t c)
{
    return c == ')' || c == 0x300D /* 」 */ || c == 0x300F /* 』 */;
}

/* Whether a cut belongs at i (depth 0), the fragment so far starting at
 * start. *next receives where the next fragment starts. */
static int cut_at(const splitter *s, size_t start, size_t i, size_t *next)
{
    const kpi__ptext *t = s->t;
    uint32_t c = t->cp[i];
    *next = i + 1;
    if (c == 0x3002 /* 。 */)
        return 1;
    if (c == 0x30FB /* ・ */) {
        size_t before = i;
        while (before > start && t->cp[before - 1] == ' ')
            before--;
        return before == start || before < i || complete(s, start, i, 0);
    }
    if (c == 0x3001 /* 、 */ || c == ',') {
        const kpi__pgroup *g = group_ending_at(s, start, i);
        return (g && kpi__pgroup_is_strong(g)) || ends_with_predicate(t->cp, start, i);
    }
    if (c == ' ') {
        size_t k = i;
        while (k < t->n && t->cp[k] == ' ')
            k++;
        *next = k;
        return k < t->n && t->cp[k] != '\n' && complete(s, start, i, 1) &&
               !kpi__phrase_continues(t, k);
    }
    return 0;
}

static void first_pass(splitter *s, void (*emit)(splitter *, size_t, size_t))
{
    const kpi__ptext *t = s->t;
    size_t start = 0, i = 0, depth = 0;
    while (i < t->n) {
        uint32_t c = t->cp[i];
        size_t next = i + 1;
        if (c == '\n') {
            emit(s, start, i);
            start = next;
            depth = 0;
        } else if (opens(c)) {
            depth++;
        } else if (closes(c)) {
            depth -= depth > 0;
        } else if (depth == 0 && cut_at(s, start, i, &next)) {
            emit(s, start, i);
            start = next;
        }
        i = next;
    }
    emit(s, start, t->n);
}

/* ---- Second pass: と and 及び ---------------------------------------------- */

/* Whether [begin, end) holds a count (strong: with a unit or more). */
static int has_count(const splitter *s, size_t begin, size_t end, int strong)
{
    for (size_t k = 0; k < s->count; k++) {
        const kpi__pgroup *g = &s->groups[k];
        if (g->start >= begin && g->end <= end &&
            (strong ? kpi__pgroup_is_strong(g) : kpi__pgroup_is_target(g)))
            return 1;
    }
    return 0;
}

static int ends_with(const uint32_t *cp, size_t begin, size_t end,
                     const char *const *table)
{
    end = kpi__phrase_core_end(cp, begin, end);
    return kpi__pt_match_end_table(cp, begin, end, table, NULL) > 0;
}

/* Whether a と between left and right joins two targets: two counts; an
 * aim or a milestone and a count; an aim and a milestone. Two milestones
 * (…の立ち上げと…の開催) stay one target, done when both are. */
static int joins_two(const splitter *s, size_t b, size_t mid, size_t after, size_t e)
{
    const uint32_t *cp = s->t->cp;
    int left_count = has_count(s, b, mid, 1);
    int right_count = has_count(s, after, e, 0);
    int left_aim = !left_count && ends_with(cp, b, mid, kpi__phrase_aims);
    int left_done = !left_count && ends_with(cp, b, mid, kpi__phrase_milestones);
    if (right_count)
        return left_aim || left_done || (left_count && has_count(s, after, e, 1));
    return left_aim && ends_with(cp, after, e, kpi__phrase_milestones);
}

static void second_pass(splitter *s, size_t b, size_t e)
{
    static const char *const joiners[] = {"及び", "および", "と", NULL};
    const uint32_t *cp = s->t->cp;
    size_t depth = 0;
    for (size_t k = b; k < e; k++) {
        if (opens(cp[k]))
            depth++;
        else if (closes(cp[k]))
            depth -= depth > 0;
        size_t len = depth ? 0 : kpi__pt_match_table(cp, k, e, joiners, NULL);
        if (len && k > b && joins_two(s, b, k, k + len, e)) {
            push(s, b, k);
            b = k + len;
            k = b - 1;
        }
    }
    push(s, b, e);
}

/* The first pass hands each piece, trimmed, to the second. */
static void emit_piece(splitter *s, size_t b, size_t e)
{
    size_t before = s->span_count;
    push(s, b, e);
    if (s->span_count == before)
        return;
    kpi__pspan piece = s->spans[--s->span_count];
    second_pass(s, piece.b, piece.e);
}

int kpi__phrase_split(const kpi__ptext *t, const kpi__pgroup *groups, size_t count,
                      kpi__pspan **out, size_t *out_count)
{
    splitter s;
    memset(&s, 0, sizeof s);
    s.t = t;
    s.groups = groups;
    s.count = count;
    first_pass(&s, emit_piece);
    if (s.failed) {
        kpi__free(s.spans);
        return KPI_ERR_NOMEM;
    }
    *out = s.spans;
    *out_count = s.span_count;
    return KPI_OK;
}
