/* Internal: the pieces of the target phrase reader (kpi/phrase.h).
 *
 * The reader works in four steps, one file each:
 *   phrase_text.c   UTF-8 in, normalised code points out (full-width ASCII
 *                   to ASCII, （）【】 to (), 〜 to ~ ...), each remembering
 *                   its byte offset so that fragments can be quoted verbatim;
 *                   character classes and word matching.
 *   phrase_lex.c    the word tables and the number groups: every number of
 *                   the phrase with what surrounds it (30件以上, 前年度比10%増,
 *                   (8月), 第2次 ...), read once over the whole cell.
 *   phrase_split.c  the cell cut into one fragment per target.
 *   phrase.c        each fragment read into a target; the public API.
 */
#ifndef KPI_LIB_PHRASE_H
#define KPI_LIB_PHRASE_H

#include "kpi/phrase.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* The longest phrase read, in bytes (KPI_ERR_LIMIT beyond). */
#define KPI__PHRASE_MAX_BYTES KPI_PHRASE_MAX_BYTES

/* ---- Text (phrase_text.c) ------------------------------------------------ */

/* A phrase as normalised code points. cp[i] is the i-th character after
 * normalisation, off[i] the byte offset of its original in the text, and
 * off[n] the text's length, so that [off[b], off[e]) is the original of
 * characters b..e-1. */
typedef struct kpi__ptext {
    uint32_t *cp;
    size_t *off;
    size_t n;
} kpi__ptext;

/* Decodes and normalises size bytes of UTF-8. Returns KPI_OK, KPI_ERR_VALUE
 * naming the byte offset of the first invalid sequence, or KPI_ERR_NOMEM. */
int kpi__ptext_decode(kpi__ptext *t, const char *text, size_t size);
/* The same, naming what is read in the message ("prose"). */
int kpi__ptext_decode_as(kpi__ptext *t, const char *text, size_t size, const char *what);
void kpi__ptext_free(kpi__ptext *t);

/* Character classes of normalised code points. */
int kpi__pt_digit(uint32_t c);
int kpi__pt_ascii_letter(uint32_t c);
int kpi__pt_hiragana(uint32_t c);
/* Kanji or katakana (with ー and 々): the characters words are made of. */
int kpi__pt_wordchar(uint32_t c);
/* A separator a label may start or end with: blanks, 、 , ・ : ; / ~ -. */
int kpi__pt_separator(uint32_t c);
/* A list marker a fragment may start with: ・ ● ■ ◆ ※ ① .. ⑳ ... */
int kpi__pt_bullet(uint32_t c);

/* Word matching on code points cp[begin..end). Words are UTF-8 literals
 * written in normalised form (ASCII %, not ％). Each returns the number of
 * code points matched, 0 for no match. */
size_t kpi__pt_match(const uint32_t *cp, size_t at, size_t end, const char *word);
size_t kpi__pt_match_end(const uint32_t *cp, size_t begin, size_t end, const char *word);
/* The longest word of a NULL-terminated table starting at at (or ending at
 * end); *which receives its index when which is not NULL. */
size_t kpi__pt_match_table(const uint32_t *cp, size_t at, size_t end,
                           const char *const *table, size_t *which);
size_t kpi__pt_match_end_table(const uint32_t *cp, size_t begin, size_t end,
                               const char *const *table, size_t *which);

/* Whether a word of table may end with the character whose UTF-8 bytes are
 * bytes[0..n): 0 only when none does (lib/phrase/phrase_tables.c), so that
 * the word-by-word comparison can be skipped. */
int kpi__pt_table_may_end(const char *const *table, const char *bytes, size_t n);

/* The character at a position, encoded once for matching many words there
 * (a loop over a table of one's own, such as the status words): len is 0
 * when nothing can match (the end, or no character a literal holds). */
typedef struct kpi__ptfirst {
    char bytes[4];
    size_t len;
} kpi__ptfirst;

void kpi__pt_first(kpi__ptfirst *f, const uint32_t *cp, size_t at, size_t end);
/* kpi__pt_match(cp, at, end, word) for the f of cp[at]. */
size_t kpi__pt_match_rest(const kpi__ptfirst *f, const uint32_t *cp, size_t at,
                          size_t end, const char *word);

static inline size_t kpi__pt_match_first(const kpi__ptfirst *f, const uint32_t *cp,
                                         size_t at, size_t end, const char *word)
{
    /* Most words differ in their first two bytes (kana and kanji share the
     * first): rejected without a call. word[1] exists when word[0] is no NUL. */
    if (!f->len || word[0] != f->bytes[0] || (f->len > 1 && word[1] != f->bytes[1]))
        return 0;
    return kpi__pt_match_rest(f, cp, at, end, word);
}

/* cp[begin..end) as a new NUL-terminated UTF-8 string, or NULL (last error
 * KPI_ERR_NOMEM). */
char *kpi__pt_encode(const uint32_t *cp, size_t begin, size_t end);
/* cp[begin..end) as UTF-8 in buf (size bytes, at least 8), cut at a
 * character boundary with … when it does not fit: for quoting in messages.
 * Returns the length written. */
size_t kpi__pt_quote(char *buf, size_t size, const uint32_t *cp, size_t begin,
                     size_t end);

/* ---- Words and number groups (phrase_lex.c) ------------------------------ */

/* The word tables (NULL-terminated, normalised UTF-8). */
extern const char *const kpi__phrase_units[]; /* 件 回 校 機関 アカウント % ... */
extern const char *const kpi__phrase_milestones[]; /* 策定 締結 実施 開催 開始 ... */
extern const char *const kpi__phrase_aims[];       /* 充実 推進 活用 検討 ... */
extern const char *const kpi__phrase_ongoing[]; /* 情報提供 周知 ... (before 実施) */
extern const char *const kpi__phrase_raise[]; /* 獲得 増加: a count with no number */
extern const char *const kpi__phrase_lower[]; /* 削減 減少 */
extern const char *const kpi__phrase_endings[]; /* する 予定 を図る ...: stripped */
extern const char *const kpi__phrase_markers[]; /* 前年度比 前年比 対前年 ... */
extern const char *const kpi__phrase_verbs[]; /* 実施 開催 ... right after a count */
extern const char *const kpi__phrase_comparisons[]; /* 以上 以下 未満 超 ... */

/* What a number is in its phrase. */
typedef enum kpi__prole {
    KPI__ROLE_NAME,     /* part of a name: 第2次, 3市長, H29, 2019年, 10回目 */
    KPI__ROLE_EDITION,  /* 10回記念, 10周年: names an edition, counts nothing */
    KPI__ROLE_MONTH,    /* 8月, 8月31日, (8/31), 年度末: a due month or day */
    KPI__ROLE_COUNT,    /* a target value: 30件以上, 12回, 2以上, 2 */
    KPI__ROLE_RELATIVE, /* 前年度比10%増: a percent change of a figure not given */
    KPI__ROLE_CHANGE    /* 10件増: a change in units of a figure not given */
} kpi__prole;

typedef enum kpi__pcmp {
    KPI__CMP_NONE,
    KPI__CMP_GE, /* 以上 */
    KPI__CMP_LE, /* 以下 以内 */
    KPI__CMP_GT, /* 超 超え を上回る */
    KPI__CMP_LT  /* 未満 を下回る */
} kpi__pcmp;

/* A number with what surrounds it. [start, end) is what a label leaves out
 * (brackets, 約, the unit, the comparison, a verb such as 実施 right after
 * it, the の that links it to what it counts); for a NAME it is the digits
 * only, since they stay in the label. */
typedef struct kpi__pgroup {
    kpi__prole role;
    size_t start, end;
    size_t num_start, num_end;   /* the digits */
    size_t inner_end;            /* end before brackets, verb or の: for quoting */
    size_t unit_start, unit_end; /* the unit; empty when equal */
    size_t cmp_start, cmp_end;   /* the comparison word; empty when equal */
    double value;                /* the number, times 万/千/億 when written */
    double upper;                /* the upper end of a range 10〜20, else NaN */
    kpi__pcmp cmp;
    int decrease;      /* 減, 削減, 以下, 未満, ▲: lower is better */
    int bare;          /* a COUNT with no unit, comparison or verb: 事業 2 */
    int has_verb;      /* 実施, 開催 ... right after it */
    int bracketed;     /* written alone in brackets: (5校) */
    int linked;        /* followed by の/での and what it counts: 8回の展覧会 */
    int unit_in_label; /* the unit came after の (1以上のアカウント) */
    int unit_unknown; /* the unit is not in the table (5コース以上 is, 5クール以上 not) */
    int approx;    /* 約, 程度, 前後 */
    int baseline;  /* 前年度比 or the like is written */
    int ratio;     /* 前年度比110%: a ratio, no 増/減 */
    int too_long;  /* more digits than a double holds exactly */
    int integer;   /* no decimal point */
    int period;    /* 年4回, 毎月1回: KPI__PERIOD_FREQUENCY; 年間120件: _TOTAL */
    int zero_word; /* ゼロ (事故ゼロ): value 0, lower is better */
    int32_t month, day; /* a MONTH; day 0 when only the month is given */
} kpi__pgroup;

/* The period written before a count. */
enum { KPI__PERIOD_NONE, KPI__PERIOD_FREQUENCY, KPI__PERIOD_TOTAL };

/* Whether a per word (当たり, あたり, につき) follows at, perhaps after more
 * counts with units: 1人1日当たり. */
int kpi__phrase_per_follows(const uint32_t *cp, size_t at, size_t end);
/* The length of a period word (年, 毎月, 年に, 年間 ...) ending at at and
 * starting at or after floor; *kind receives KPI__PERIOD_*. */
size_t kpi__phrase_period_before(const uint32_t *cp, size_t floor, size_t at, int *kind);
/* Whether a period word and then a digit start at at: 年4回. */
int kpi__phrase_period_at(const uint32_t *cp, size_t at, size_t end);

/* An upper bound of the number of groups of t (for sizing the array). */
size_t kpi__pgroups_bound(const kpi__ptext *t);
/* Reads the groups of t, in order, into groups (room for cap); returns the
 * count. Spans never overlap and are sorted. */
size_t kpi__pgroups_scan(const kpi__ptext *t, kpi__pgroup *groups, size_t cap);
/* The end of cp[begin..end) without trailing blanks, separators and verb
 * endings (する, 予定, を図る ...): where the phrase's last word ends. */
size_t kpi__phrase_core_end(const uint32_t *cp, size_t begin, size_t end);
/* Whether cp[at] starts nothing that continues a word: the end, a blank,
 * punctuation, hiragana, or a verb ending such as 予定. */
int kpi__phrase_word_end(const uint32_t *cp, size_t at, size_t end);

/* ---- Fragments (phrase_split.c) ------------------------------------------ */

/* One target's part of the cell, characters [b, e). */
typedef struct kpi__pspan {
    size_t b, e;
} kpi__pspan;

/* Cuts t into fragments, trimmed of blanks and list markers, none empty.
 * *out receives an array the caller frees with kpi__free(). Returns KPI_OK
 * or KPI_ERR_NOMEM. */
int kpi__phrase_split(const kpi__ptext *t, const kpi__pgroup *groups, size_t count,
                      kpi__pspan **out, size_t *out_count);

/* Whether the text at k continues what is before a blank rather than
 * starting something new: a number, a bracket, a comparison, 前年度比, a
 * unit, a verb right after a count, a rate (年4回). */
int kpi__phrase_continues(const kpi__ptext *t, size_t k);

/* The unit a label names when the number has none: the end of
 * 推進交付金新規事業 (事業), or the X of X数 (物件登録件数: 件; 開催数: 回;
 * 来場者数: 人). Returns its length in cp (the unit is cp[*start..]), or 0;
 * *fixed receives a unit that is not in the label (回 of 開催数). */
size_t kpi__phrase_unit_from_label(const uint32_t *cp, size_t b, size_t e, size_t *start,
                                   const char **fixed);

/* Whether groups[i] counts something (COUNT, RELATIVE or CHANGE); strong when
 * it also has a unit, comparison, verb or brackets, unlike a bare 2. */
int kpi__pgroup_is_target(const kpi__pgroup *g);
int kpi__pgroup_is_strong(const kpi__pgroup *g);

/* Appends the formatted issue to issues[*count] (trimmed, copied) unless
 * max are kept already. Returns 0 only when out of memory. Shared by the
 * phrase and prose readers, whose readings keep their first issues in
 * words. */
int kpi__issue_vappend(char **issues, size_t *count, size_t max, const char *fmt,
                       va_list ap)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 0)))
#endif
    ;

#endif
