/* The predicates of a progress text: the words that say what state the
 * work is in. Three kinds, tried at every word character, the longest
 * match winning (a status word over an act over an aim when as long):
 *   - a status word of util/status_words.c (検討中, 開催予定, 完了, 中止 ...),
 *     or an act with 予定, 中, 済 or 完了 after it (掲載予定, 決定済);
 *   - an act (phrase_words.c's milestones and verbs, prose_words.c's acts:
 *     開催, 実施, 策定, 確認 ...): something done;
 *   - an aim (推進, 注視, 情報発信 ...): ongoing work.
 * A word is a predicate only where it ends the phrase: at the end, before
 * punctuation, a blank, a bracket, し/する/された or an ending (開催中止);
 * not inside a longer word (実施計画, 開催日), not as a noun before a
 * particle (講演会開催に向け, 中止を), and not as the label of a figure
 * (移住体験ツアー実施：1回). Two compositions: 中止を決定 reads as 中止, and
 * 協議を継続(中) as 協議中. */
#include "phrase/prose.h"
#include "kpi/error.h"
#include "util/alloc.h"
#include "util/status_words.h"
#include "util/utf8.h"

#include <pthread.h>
#include <string.h>

/* ---- Which characters can start a predicate --------------------------------- */

/* The scan tries every table at every word character, and most characters
 * start no word of any. A bit per first code point (modulo the map's size)
 * of every status word, act and aim lets it pass over them at once: a clear
 * bit means no table has a word starting there, so the reading is the same.
 * The tables are fixed, so the map is built once, on first use. */
#define FIRST_BITS 4096u

static unsigned char first_map[FIRST_BITS / 8];
static pthread_once_t first_once = PTHREAD_ONCE_INIT;

static void first_mark(const char *word)
{
    uint32_t c = 0;
    if (!*word)
        return; /* matches nothing */
    if (!kpi__utf8_decode(word, strlen(word), &c)) {
        /* Never so (literals are valid); if it were, pass over nothing. */
        memset(first_map, 0xFF, sizeof first_map);
        return;
    }
    first_map[(c % FIRST_BITS) / 8] |= (unsigned char)(1u << (c % 8));
}

static void first_mark_table(const char *const *table)
{
    for (size_t k = 0; table[k]; k++)
        first_mark(table[k]);
}

static void first_build(void)
{
    for (const kpi__status_word *w = kpi__status_words; w->word; w++)
        first_mark(w->word);
    first_mark_table(kpi__phrase_milestones);
    first_mark_table(kpi__phrase_verbs);
    first_mark_table(kpi__prose_acts);
    first_mark_table(kpi__phrase_aims);
}

/* Whether some predicate word may start with c (no: none does). */
static int may_start(uint32_t c)
{
    return (first_map[(c % FIRST_BITS) / 8] >> (c % 8)) & 1u;
}

static size_t match_status(const uint32_t *cp, size_t at, size_t end, kpi_status *status)
{
    size_t best = 0;
    kpi__ptfirst f;
    kpi__pt_first(&f, cp, at, end);
    for (const kpi__status_word *w = kpi__status_words; w->word; w++) {
        size_t len = kpi__pt_match_first(&f, cp, at, end, w->word);
        if (len > best) {
            best = len;
            *status = w->status;
        }
    }
    return best;
}

static size_t match_act(const uint32_t *cp, size_t at, size_t end)
{
    size_t best = kpi__pt_match_table(cp, at, end, kpi__phrase_milestones, NULL);
    size_t len = kpi__pt_match_table(cp, at, end, kpi__phrase_verbs, NULL);
    best = len > best ? len : best;
    len = kpi__pt_match_table(cp, at, end, kpi__prose_acts, NULL);
    return len > best ? len : best;
}

/* The stem of a status word ending in 中 (協議 of 協議中) when it ends at
 * end: its length, else 0. */
static size_t stem_before(const uint32_t *cp, size_t floor, size_t end, const char *word)
{
    uint32_t stem[16];
    size_t len = 0, n = strlen(word), i = 0;
    while (i < n && len < 16) {
        size_t step = kpi__utf8_decode(word + i, n - i, &stem[len]);
        if (step == 0)
            return 0;
        i += step;
        len++;
    }
    if (i < n || len < 2 || stem[len - 1] != 0x4E2D /* 中 */ || end - floor < len - 1)
        return 0;
    for (size_t k = 0; k < len - 1; k++)
        if (cp[end - (len - 1) + k] != stem[k])
            return 0;
    return len - 1;
}

/* 協議を継続中, 交渉を継続: what goes on is the 協議 (協議中). */
static void read_continued(const uint32_t *cp, size_t floor, kpi__ppred *p)
{
    if (!kpi__pt_match(cp, p->start, p->end, "継続") || p->start < floor + 2 ||
        cp[p->start - 1] != 0x3092 /* を */)
        return;
    for (const kpi__status_word *w = kpi__status_words; w->word; w++) {
        size_t len = stem_before(cp, floor, p->start - 1, w->word);
        if (len) {
            p->status = w->status;
            p->kind = KPI__PRED_WORD;
            p->start -= len + 1;
            return;
        }
    }
}

/* 中止を決定, 中止となった, 延期が決定: the status word is what was decided. */
static size_t read_decided(const uint32_t *cp, size_t at, size_t end)
{
    static const char *const decided[] = {
        "を決定", "が決定", "と決定", "を決め", "が決ま", "とな", "とし", "にな", NULL};
    return kpi__pt_match_table(cp, at, end, decided, NULL);
}

/* 掲載予定, 募集中, 決定済, 設置完了: an act with a status after it. */
static size_t read_suffix(const uint32_t *cp, size_t at, size_t end, kpi_status *status)
{
    static const char *const suffixes[] = {"予定", "中", "済み", "済", "完了", NULL};
    static const kpi_status statuses[] = {KPI_STATUS_SCHEDULED, KPI_STATUS_IN_PROGRESS,
                                          KPI_STATUS_DONE, KPI_STATUS_DONE,
                                          KPI_STATUS_DONE};
    size_t which = 0, len = kpi__pt_match_table(cp, at, end, suffixes, &which);
    if (!len || !kpi__phrase_word_end(cp, at + len, end) ||
        (at + len < end && kpi__pt_wordchar(cp[at + len]) &&
         !kpi__pt_match_table(cp, at + len, end, suffixes, NULL)))
        return 0;
    *status = statuses[which];
    return len;
}

/* Whether what follows at at lets the word before it end a phrase. */
static int ends_phrase(const uint32_t *cp, size_t at, size_t end)
{
    if (at >= end)
        return 1;
    uint32_t c = cp[at];
    if (kpi__pt_wordchar(c))
        return kpi__phrase_word_end(cp, at, end);
    if (kpi__pt_hiragana(c))
        return c == 0x3057 /* し */ || c == 0x3059 /* す */ || c == 0x3055 /* さ */ ||
               c == 0x305B /* せ */;
    return 1;
}

/* Whether a figure follows at at (after blanks and a colon): the word is
 * its label (参加：7回, 子育て支援 32件). */
static int labels_figure(const kpi__pscan *s, size_t at)
{
    const uint32_t *cp = s->t->cp;
    while (at < s->t->n && (cp[at] == ' ' || cp[at] == ':'))
        at++;
    return at < s->t->n && s->gi[at] != KPI__NO && s->gfig[s->gi[at]].figure &&
           s->gfig[s->gi[at]].span_start == at;
}

/* The predicate starting at i, if any, into *p. */
static int read_pred(const kpi__pscan *s, size_t i, size_t floor, kpi__ppred *p)
{
    const uint32_t *cp = s->t->cp;
    size_t n = s->t->n;
    kpi_status status = KPI_STATUS_NONE, suffix = KPI_STATUS_NONE;
    size_t word = match_status(cp, i, n, &status);
    size_t act = match_act(cp, i, n);
    size_t aim = kpi__pt_match_table(cp, i, n, kpi__phrase_aims, NULL);
    memset(p, 0, sizeof *p);
    p->start = i;
    if (word && word >= act && word >= aim) {
        p->kind = KPI__PRED_WORD;
        p->status = status;
        p->end = i + word;
        p->end += read_decided(cp, p->end, n);
    } else if (act || aim) {
        p->kind = act >= aim ? KPI__PRED_ACT : KPI__PRED_AIM;
        p->status = act >= aim ? KPI_STATUS_DONE : KPI_STATUS_IN_PROGRESS;
        p->end = i + (act >= aim ? act : aim);
        size_t len = read_suffix(cp, p->end, n, &suffix);
        if (len) {
            p->kind = KPI__PRED_WORD;
            p->status = suffix;
            p->end += len;
        } else if ((len =
                        kpi__pt_match_table(cp, p->end, n, kpi__prose_negations, NULL))) {
            p->kind = KPI__PRED_NEGATED;
            p->status = KPI_STATUS_NOT_STARTED;
            p->end += len;
        }
    } else {
        return 0;
    }
    if (!ends_phrase(cp, p->end, n) || labels_figure(s, p->end))
        return 0;
    read_continued(cp, floor, p);
    return 1;
}

int kpi__prose_scan_preds(kpi__pscan *s)
{
    size_t n = s->t->n, capacity = 0, floor = 0, i = 0;
    /* Built before the scan; the readers below see it complete. */
    pthread_once(&first_once, first_build);
    while (i < n) {
        kpi__ppred p;
        uint32_t c = s->t->cp[i];
        if (!kpi__pt_wordchar(c) || !may_start(c) || !read_pred(s, i, floor, &p)) {
            i++;
            continue;
        }
        if (s->pred_count == capacity) {
            size_t more = capacity ? capacity * 2 : 16;
            kpi__ppred *preds = kpi__reallocarray(s->preds, more, sizeof *preds);
            if (!preds)
                return KPI_ERR_NOMEM;
            s->preds = preds;
            capacity = more;
        }
        s->preds[s->pred_count++] = p;
        floor = i = p.end;
    }
    for (size_t k = 0; k < s->pred_count; k++)
        for (size_t c = s->preds[k].start; c < s->preds[k].end; c++)
            s->pi[c] = (uint32_t)k;
    return KPI_OK;
}
