/* What a statement is about, for matching it to a target: the first of
 *   1. a heading before a blank (企業版ふるさと納税 実施計画事業から…);
 *   2. a topic, Xは or Xについて (うえだ城下町映画祭は…開催予定);
 *   3. an organisation acting, X(大学|法人|県…)が (新潟薬科大学が…中止を決定);
 *   4. the object of the verb, Xを (上田城跡能を8月に開催), from the last
 *      particle that ends another part (と, で, が, に, から) or the start;
 *   5. a purpose, Xに向け (指針策定に向けて継続して検討);
 *   6. any agent, Xが;
 *   7. the label of the first figure (物件登録件数：32件);
 *   8. what stands before the first verb;
 * each cleaned: dates, figures and rates taken out (11月の講演会開催 gives
 * 講演会開催, 3回の展覧会 展覧会), blanks collapsed, particles, separators,
 * list markers and adverbs of time (毎月, これまで) trimmed from both ends.
 * The words are the text's own, never rewritten. */
#include "phrase/prose.h"
#include "phrase/reading.h"
#include "util/alloc.h"

#include <string.h>

/* ---- Shared with labels --------------------------------------------------------- */

int kpi__prose_particle(const uint32_t *cp, size_t b, size_t e, size_t i)
{
    static const uint32_t particles[] = {0x3092, 0x304C, 0x306F, 0x306B,
                                         0x3067, 0x3068, 0x3078, 0x3082};
    int found = 0;
    for (size_t k = 0; k < sizeof particles / sizeof particles[0]; k++)
        found |= cp[i] == particles[k];
    if (!found || i <= b)
        return 0;
    if (cp[i] == 0x3092 /* を */)
        return 1;
    uint32_t prev = cp[i - 1];
    if (!(kpi__pt_wordchar(prev) || kpi__pt_ascii_letter(prev) || kpi__pt_digit(prev) ||
          prev == ')' || prev == 0x300D || prev == '%'))
        return 0;
    return i + 1 >= e || cp[i + 1] != 0x306E /* の */;
}

int kpi__prose_comma_cuts(const kpi__pscan *s, size_t b, size_t i)
{
    static const char *const lists[] = {"及び", "および", "並びに", "または",
                                        "や",   "など",   NULL};
    const uint32_t *cp = s->t->cp;
    size_t n = s->t->n, next = i + 1;
    while (next < n && cp[next] == ' ')
        next++;
    if (i <= b || next >= n || kpi__pt_match_end_table(cp, b, i, lists, NULL))
        return 0;
    if (s->di[i - 1] != KPI__NO)
        return s->di[next] == KPI__NO; /* 4月、6月 is one list */
    uint32_t k = s->gi[i - 1];
    if ((k != KPI__NO && s->gfig[k].figure) ||
        (s->pi[i - 1] != KPI__NO && s->preds[s->pi[i - 1]].end == i))
        return 1;
    /* 上田、丸子、真田: a list of nouns. */
    return !(kpi__pt_wordchar(cp[i - 1]) && kpi__pt_wordchar(cp[next]));
}

/* Whether cp[at] begins a word that says when, not what (毎月, これまで). */
static size_t adverb_at(const uint32_t *cp, size_t at, size_t end)
{
    size_t len = kpi__pt_match_table(cp, at, end, kpi__prose_adverbs, NULL);
    return len && len < end - at ? len : 0;
}

size_t kpi__prose_clean_span(kpi__pread *r, size_t b, size_t e, uint32_t keep,
                             size_t *start)
{
    const kpi__pscan *s = r->s;
    uint32_t *out = r->scratch;
    size_t len = 0;
    for (size_t i = b; i < e; i++) {
        uint32_t c = s->t->cp[i], k = s->gi[i];
        if (s->di[i] != KPI__NO ||
            (k != KPI__NO && k != keep && (s->gfig[k].figure || s->gfig[k].frequency)))
            continue;
        if (c == ' ' && (len == 0 || out[len - 1] == ' '))
            continue;
        out[len++] = c;
    }
    len = kpi__pr_drop_empty_brackets(out, len);
    size_t lb = 0, le = len, step;
    for (;;) {
        kpi__pr_trim_label(out, &lb, &le);
        if (lb < le && kpi__pt_bullet(out[lb]))
            lb++;
        else if ((step = adverb_at(out, lb, le)) != 0)
            lb += step;
        else if (le >= lb + 3 && out[le - 1] == 0x306B /* に */ &&
                 kpi__pt_wordchar(out[le - 2]) && kpi__pt_wordchar(out[le - 3]))
            le--; /* 広報に (not 共に: one character before) */
        else
            break;
    }
    /* にが、にに: particles left of what was taken out say nothing; a word
     * has a kanji, a katakana, a letter, a digit or three kana (うえだ). */
    size_t words = 0, kana = 0;
    for (size_t i = lb; i < le; i++) {
        kana = kpi__pt_hiragana(out[i]) ? kana + 1 : 0;
        words += kpi__pt_wordchar(out[i]) || kpi__pt_ascii_letter(out[i]) ||
                 kpi__pt_digit(out[i]) || kana >= 3;
    }
    *start = lb;
    return words ? le : lb;
}

char *kpi__prose_clean(kpi__pread *r, size_t b, size_t e)
{
    size_t lb = 0, le = kpi__prose_clean_span(r, b, e, KPI__NO, &lb);
    char *text = kpi__pt_encode(r->scratch, lb, le);
    if (!text)
        r->failed = 1;
    return text;
}

/* ---- The parts of a statement ------------------------------------------------------ */

/* Where each part the subject may be starts and ends, found in one pass
 * over the statement before its verb. SIZE_MAX: not found. */
typedef struct parts {
    size_t heading_e;
    size_t topic_b, topic_e;
    size_t agent_b, agent_e;
    size_t object_b, object_e;
    size_t purpose_b, purpose_e;
} parts;

#define NOT_FOUND ((size_t)-1)

/* A particle that ends a part before an object: と, で, が, から, より, に
 * (not に向けた, に関する and the like, which go on describing). Returns
 * its length, or 0. */
static size_t ends_part(const uint32_t *cp, size_t b, size_t e, size_t i)
{
    static const char *const describing[] = {"に向", "に関", "に対", "に係", "に基",
                                             "に伴", "に沿", "によ", "にお", NULL};
    static const char *const froms[] = {"から", "より", NULL};
    uint32_t c = cp[i];
    size_t len = kpi__pt_match_table(cp, i, e, froms, NULL);
    if (len)
        return i > b && (kpi__pt_wordchar(cp[i - 1]) || kpi__pt_digit(cp[i - 1])) ? len
                                                                                  : 0;
    if (!kpi__prose_particle(cp, b, e, i) || c == 0x3092 /* を */ ||
        c == 0x306F /* は */ || c == 0x3078 /* へ */ || c == 0x3082 /* も */)
        return 0;
    return c != 0x306B /* に */ || !kpi__pt_match_table(cp, i, e, describing, NULL);
}

static void find_heading(const kpi__pscan *s, size_t b, size_t e, parts *p)
{
    const uint32_t *cp = s->t->cp;
    size_t i = b;
    while (i < e && cp[i] != ' ' && cp[i] != '(' && !kpi__prose_particle(cp, b, e, i) &&
           s->gi[i] == KPI__NO && s->di[i] == KPI__NO && s->pi[i] == KPI__NO)
        i++;
    size_t next = i;
    while (next < e && cp[next] == ' ')
        next++;
    if (i > b && i < e && cp[i] == ' ' && next < e &&
        !(s->gi[next] != KPI__NO && s->gfig[s->gi[next]].figure))
        p->heading_e = i;
}

static void find_parts(const kpi__pread *r, size_t head_end, parts *p)
{
    const kpi__pscan *s = r->s;
    const uint32_t *cp = s->t->cp;
    size_t boundary = r->b, depth = 0, len;
    memset(p, 0xFF, sizeof *p);
    find_heading(s, r->b, head_end, p);
    for (size_t i = r->b; i < head_end; i++) {
        uint32_t c = cp[i];
        if (c == '(' || c == 0x300C)
            depth++;
        else if ((c == ')' || c == 0x300D) && depth > 0)
            depth--;
        if (depth > 0 || c == '(' || c == 0x300C || s->pi[i] != KPI__NO)
            continue;
        len = kpi__pt_match_table(cp, i, head_end, kpi__prose_topics, NULL);
        if (len || (c == 0x306F && kpi__prose_particle(cp, r->b, head_end, i))) {
            if (p->topic_b == NOT_FOUND && i > boundary)
                p->topic_b = boundary, p->topic_e = i;
            boundary = i + (len ? len : 1);
            i = boundary - 1;
        } else if ((len = kpi__pt_match_table(cp, i, head_end, kpi__prose_purposes,
                                              NULL)) &&
                   !(i + len < head_end && (cp[i + len] == 0x305F /* た */ ||
                                            cp[i + len] == 0x308B /* る */))) {
            if (p->purpose_b == NOT_FOUND && i > boundary)
                p->purpose_b = boundary, p->purpose_e = i;
            boundary = i + len;
            i = boundary - 1;
        } else if (c == 0x3092 && !kpi__pt_match(cp, i + 1, head_end, "含")) {
            if (i > boundary)
                p->object_b = boundary, p->object_e = i;
        } else if (c == 0x304C && kpi__prose_particle(cp, r->b, head_end, i)) {
            if (p->agent_b == NOT_FOUND && i > boundary)
                p->agent_b = boundary, p->agent_e = i;
            boundary = i + 1;
        } else if ((len = ends_part(cp, r->b, head_end, i)) != 0) {
            boundary = i + len;
            i = boundary - 1;
        } else if ((c == 0x3001 || c == ',') && kpi__prose_comma_cuts(s, r->b, i)) {
            boundary = i + 1;
        }
    }
}

/* Whether [b, e) names an organisation: 新潟薬科大学, 日本郵便(株). */
static int organisation(const uint32_t *cp, size_t b, size_t e)
{
    return kpi__pt_match_end_table(cp, b, e, kpi__prose_organisations, NULL) > 0;
}

/* Tries [b, e) as the subject; returns whether it gave one. */
static int try_subject(kpi__pread *r, size_t b, size_t e)
{
    if (b == NOT_FOUND || e == NOT_FOUND || b >= e || r->failed)
        return 0;
    char *subject = kpi__prose_clean(r, b, e);
    if (!subject || subject[0] == '\0') {
        kpi__free(subject);
        return 0;
    }
    r->out->subject = subject;
    return 1;
}

void kpi__prose_read_subject(kpi__pread *r)
{
    const uint32_t *cp = r->s->t->cp;
    size_t head_end = r->pred ? r->pred->start : r->e;
    parts p;
    find_parts(r, head_end, &p);
    if (p.agent_b != NOT_FOUND && organisation(cp, p.agent_b, p.agent_e)) {
        r->agent_b = p.agent_b;
        r->agent_e = p.agent_e;
    }
    int found =
        try_subject(r, r->b, p.heading_e) || try_subject(r, p.topic_b, p.topic_e) ||
        (r->agent_e > r->agent_b && try_subject(r, r->agent_b, r->agent_e)) ||
        try_subject(r, p.object_b, p.object_e) ||
        try_subject(r, p.purpose_b, p.purpose_e) || try_subject(r, p.agent_b, p.agent_e);
    if (!found && r->first_label && r->first_label[0]) {
        r->out->subject = kpi__strdup(r->first_label);
        found = r->out->subject != NULL;
        r->failed |= !found;
    }
    /* What stands before the first verb: 委託業務…の発注及び契約 of
     * 「…契約完了（開催日等調整中）」. */
    size_t first = r->b;
    while (first < head_end && r->s->pi[first] == KPI__NO)
        first++;
    if (!found && !try_subject(r, r->b, first) && !r->failed) {
        r->out->subject = kpi__strdup("");
        r->failed |= r->out->subject == NULL;
    }
}
