/* Cutting a progress text into statements, one per thing reported.
 *
 * First into sentences, always cut:
 *   - at a line break, 。 or ;, and before ① .. ⑳;
 *   - at a list marker (・ ● ■ ※ ...) at the start or after a blank (not
 *     inside 長野・松本・上田);
 *   - at a blank after a complete statement (one ending with a predicate or
 *     a figure, brackets after it aside) when what follows does not
 *     continue it: 「…7回実施（相談件数：73件） 銀座NAGANOで…」 is two, but
 *     「前期講座開催数 13」 one.
 * Then each sentence into clauses, at depth 0 (never inside brackets):
 *   A. 、 after a predicate (…を締結、民間企業1社と協議を継続中) when more is
 *      reported after it;
 *   S. し after an act when what follows has its own object or topic
 *      (…を5月に設置し今年度の…について…を実施);
 *   B. 、 after a figure when a label follows (物件登録件数：32件、利用者登録数
 *      ：51件), not 7組、14名;
 *   C. 、 after a figure when the next begins with a linked count
 *      (8校でのクラスコンサート、2校でのダンスワークショップ);
 *   D. 、 between two clauses each with its own object or topic and no
 *      verb before the 、 (子ども文化講座を10月、子ども文化祭を2月に開催予定);
 *   T. と between two counts (12回の自主事業公演と美術館で3回の展覧会を実施).
 * A sentence with a topic (…について、…し、…を確認) is not cut by A or S:
 * the topic covers it all. C, D and T leave the clause before without a
 * verb of its own: it shares the next one's (shares_next). */
#include "phrase/prose.h"
#include "kpi/error.h"
#include "util/alloc.h"

#include <string.h>

enum {
    AFTER_OBJECT = 1, /* a を object from here to the sentence's end */
    AFTER_TOPIC = 2,  /* a は or について topic */
    AFTER_PRED = 4,   /* a predicate */
    AFTER_FIGURE = 8  /* a figure with a unit */
};

typedef struct splitter {
    const kpi__pscan *s;
    kpi__pstmt *out;
    size_t count, capacity;
    unsigned char *after; /* AFTER_* per character of the sentence */
    int failed;
} splitter;

/* Clause state, from the last cut. */
typedef struct clause {
    size_t b;
    int topic, object, pred, figure;
    size_t group_open, group_close; /* the last bracket group at depth 0 */
} clause;

static int pred_ends(const kpi__pscan *s, size_t b, size_t e);

/* ---- Output ----------------------------------------------------------------- */

static void push(splitter *sp, size_t b, size_t e, int shares, int continues)
{
    const uint32_t *cp = sp->s->t->cp;
    while (b < e && (cp[b] == ' ' || kpi__pt_bullet(cp[b])))
        b++;
    while (e > b && (kpi__pt_separator(cp[e - 1]) || cp[e - 1] == 0x3002))
        e--;
    if (pred_ends(sp->s, b, e) && cp[e - 1] == 0x3057 /* し */)
        e--; /* …を開始し、: the statement ends with its verb */
    if (b >= e || sp->failed)
        return;
    if (sp->count == sp->capacity) {
        size_t capacity = sp->capacity ? sp->capacity * 2 : 8;
        kpi__pstmt *more = kpi__reallocarray(sp->out, capacity, sizeof *more);
        if (!more) {
            sp->failed = 1;
            return;
        }
        sp->out = more;
        sp->capacity = capacity;
    }
    kpi__pstmt *st = &sp->out[sp->count++];
    st->b = b;
    st->e = e;
    st->shares_next = shares;
    st->continues = continues;
}

/* ---- What each position is ---------------------------------------------------- */

static int is_object(const kpi__pscan *s, size_t b, size_t e, size_t i)
{
    return s->t->cp[i] == 0x3092 /* を */ && i > b &&
           !kpi__pt_match(s->t->cp, i + 1, e, "含") && s->pi[i] == KPI__NO;
}

static int is_topic(const kpi__pscan *s, size_t b, size_t e, size_t i)
{
    const uint32_t *cp = s->t->cp;
    if (i > b && kpi__pt_match_table(cp, i, e, kpi__prose_topics, NULL))
        return 1;
    return cp[i] == 0x306F /* は */ && kpi__prose_particle(cp, b, e, i) &&
           (i + 1 >= e || !kpi__pt_hiragana(cp[i + 1]));
}

static int pred_starts(const kpi__pscan *s, size_t i)
{
    return s->pi[i] != KPI__NO && s->preds[s->pi[i]].start == i;
}

static int figure_starts(const kpi__pscan *s, size_t i, int linked)
{
    uint32_t k = s->gi[i];
    if (k == KPI__NO || !s->gfig[k].figure || s->gfig[k].span_start != i)
        return 0;
    return linked ? s->gfig[k].link_end != 0 : !s->groups[k].bare;
}

/* Whether a predicate ends at e, perhaps with し after it. */
static int pred_ends(const kpi__pscan *s, size_t b, size_t e)
{
    if (e > b && s->t->cp[e - 1] == 0x3057 /* し */)
        e--;
    return e > b && s->pi[e - 1] != KPI__NO && s->preds[s->pi[e - 1]].end == e;
}

static int figure_ends(const kpi__pscan *s, size_t b, size_t e)
{
    if (e <= b || s->gi[e - 1] == KPI__NO)
        return 0;
    uint32_t k = s->gi[e - 1];
    return s->gfig[k].figure && (s->groups[k].end == e || s->gfig[k].span_end == e);
}

/* ---- Clauses --------------------------------------------------------------------- */

static void mark_after(splitter *sp, size_t b, size_t e)
{
    unsigned char flags = 0;
    for (size_t i = e; i > b; i--) {
        size_t k = i - 1;
        if (is_object(sp->s, b, e, k))
            flags |= AFTER_OBJECT;
        if (is_topic(sp->s, b, e, k))
            flags |= AFTER_TOPIC;
        if (pred_starts(sp->s, k))
            flags |= AFTER_PRED;
        if (figure_starts(sp->s, k, 0))
            flags |= AFTER_FIGURE;
        sp->after[k] = flags;
    }
    sp->after[e] = 0;
}

static size_t skip_blanks(const uint32_t *cp, size_t i, size_t e)
{
    while (i < e && cp[i] == ' ')
        i++;
    return i;
}

/* The cut a 、 at i makes: 0 none, 1 a cut, 2 a cut whose clause before
 * shares the verb after. */
static int comma_cut(const splitter *sp, const clause *c, size_t i, size_t e)
{
    const kpi__pscan *s = sp->s;
    const uint32_t *cp = s->t->cp;
    size_t left = c->group_close == i ? c->group_open : i;
    size_t next = skip_blanks(cp, i + 1, e);
    unsigned char right = sp->after[i + 1];
    if (next >= e || !kpi__prose_comma_cuts(s, c->b, i))
        return 0;
    if (!c->topic && pred_ends(s, c->b, i) && (right & (AFTER_OBJECT | AFTER_PRED)))
        return 1; /* A */
    if (figure_ends(s, c->b, left) &&
        (kpi__pt_wordchar(cp[next]) || kpi__pt_ascii_letter(cp[next]) ||
         cp[next] == 0x300C || kpi__pt_hiragana(cp[next])) &&
        s->di[next] == KPI__NO)
        return 1; /* B */
    if (c->figure && figure_starts(s, next, 1))
        return 2; /* C */
    if (!c->pred &&
        ((c->object && (right & AFTER_OBJECT)) || (c->topic && (right & AFTER_TOPIC))))
        return 2; /* D */
    return 0;
}

/* と between two counts: T. */
static int and_cut(const splitter *sp, const clause *c, size_t i, size_t e)
{
    static const char *const not_and[] = {"と共", "とと", "とし", "とな",
                                          "とい", "とす", NULL};
    const uint32_t *cp = sp->s->t->cp;
    return cp[i] == 0x3068 /* と */ && kpi__prose_particle(cp, c->b, e, i) &&
           !kpi__pt_match_table(cp, i, e, not_and, NULL) && c->figure && !c->pred &&
           (sp->after[i + 1] & AFTER_FIGURE);
}

/* し after an act, with an object or topic after it: S. Returns where the
 * next clause starts, or 0. */
static size_t shi_cut(const splitter *sp, const clause *c, size_t i, size_t e)
{
    const uint32_t *cp = sp->s->t->cp;
    if (cp[i] != 0x3057 /* し */ || c->topic || i + 1 >= e ||
        !pred_ends(sp->s, c->b, i) || !(sp->after[i + 1] & (AFTER_OBJECT | AFTER_TOPIC)))
        return 0;
    uint32_t next = cp[i + 1];
    if (next == 0x3001 || next == ',')
        return i + 2;
    return kpi__pt_wordchar(next) || kpi__pt_ascii_letter(next) || next == 0x300C ? i + 1
                                                                                  : 0;
}

static void clause_start(clause *c, size_t b)
{
    memset(c, 0, sizeof *c);
    c->b = b;
    c->group_open = c->group_close = (size_t)-1;
}

static void clause_see(const kpi__pscan *s, clause *c, size_t e, size_t i)
{
    c->object |= is_object(s, c->b, e, i);
    c->topic |= is_topic(s, c->b, e, i);
    c->pred |= pred_starts(s, i);
    c->figure |= figure_starts(s, i, 0);
}

static void split_sentence(splitter *sp, size_t b, size_t e)
{
    const kpi__pscan *s = sp->s;
    const uint32_t *cp = s->t->cp;
    clause c;
    size_t depth = 0, open = 0;
    int continues = 0;
    mark_after(sp, b, e);
    clause_start(&c, b);
    for (size_t i = b; i < e; i++) {
        uint32_t ch = cp[i];
        int cut = 0;
        size_t next = i + 1;
        if (ch == '(' || ch == 0x300C) {
            if (depth++ == 0)
                open = i;
        } else if ((ch == ')' || ch == 0x300D) && depth > 0) {
            if (--depth == 0) {
                c.group_open = open;
                c.group_close = i + 1;
            }
        } else if (depth == 0 && (ch == 0x3001 || ch == ',')) {
            cut = comma_cut(sp, &c, i, e);
        } else if (depth == 0 && and_cut(sp, &c, i, e)) {
            cut = 2;
        } else if (depth == 0 && (next = shi_cut(sp, &c, i, e)) != 0) {
            cut = 1;
        }
        if (!next)
            next = i + 1;
        if (cut) {
            push(sp, c.b, i, cut == 2, continues);
            continues = 1;
            clause_start(&c, next);
            i = next - 1;
            continue;
        }
        clause_see(s, &c, e, i);
    }
    push(sp, c.b, e, 0, continues);
}

/* ---- Sentences --------------------------------------------------------------------- */

static int circled(uint32_t c)
{
    return (c >= 0x2460 && c <= 0x2473) || (c >= 0x3251 && c <= 0x325F);
}

/* Whether [b, e) is complete before a blank: it ends with a predicate or a
 * figure, once a bracket group at its end is set aside. */
static int complete(const kpi__pscan *s, size_t b, size_t e, size_t group_open,
                    size_t group_close)
{
    if (group_close == e && group_open > b)
        e = group_open;
    while (e > b && s->t->cp[e - 1] == ' ')
        e--;
    return pred_ends(s, b, e) || figure_ends(s, b, e);
}

static void split_text(splitter *sp)
{
    const kpi__ptext *t = sp->s->t;
    const uint32_t *cp = t->cp;
    size_t start = 0, depth = 0, open = 0, group_open = 0, group_close = (size_t)-1;
    for (size_t i = 0; i < t->n; i++) {
        uint32_t c = cp[i];
        int cut = 0;
        size_t next = i + 1, from = i;
        if (c == '\n' || c == 0x3002 || c == ';') {
            cut = 1;
            depth = 0;
        } else if (c == '(' || c == 0x300C) {
            if (depth++ == 0)
                open = i;
        } else if ((c == ')' || c == 0x300D) && depth > 0) {
            if (--depth == 0)
                group_open = open, group_close = i + 1;
        } else if (depth == 0 && circled(c)) {
            cut = 1, next = i;
        } else if (depth == 0 && kpi__pt_bullet(c) && (i == start || cp[i - 1] == ' ')) {
            cut = 1;
        } else if (depth == 0 && c == ' ') {
            size_t k = skip_blanks(cp, i, t->n);
            cut = k < t->n && complete(sp->s, start, i, group_open, group_close) &&
                  !kpi__phrase_continues(t, k) && !kpi__pt_bullet(cp[k]);
            next = k;
        }
        if (cut && from >= start) {
            split_sentence(sp, start, from);
            start = next;
        }
        if (next > i + 1)
            i = next - 1; /* a run of blanks is looked at once */
    }
    split_sentence(sp, start, t->n);
}

int kpi__prose_split(const kpi__pscan *s, kpi__pstmt **out, size_t *count)
{
    splitter sp;
    memset(&sp, 0, sizeof sp);
    sp.s = s;
    sp.after = kpi__calloc(s->t->n + 1, 1);
    if (!sp.after)
        return KPI_ERR_NOMEM;
    split_text(&sp);
    kpi__free(sp.after);
    if (sp.failed) {
        kpi__free(sp.out);
        return KPI_ERR_NOMEM;
    }
    *out = sp.out;
    *count = sp.count;
    return KPI_OK;
}
