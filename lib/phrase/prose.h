/* Internal: the pieces of the progress prose reader (kpi/prose.h).
 *
 * It is built on the target phrase reader's machinery (phrase/phrase.h):
 * the text as normalised code points, the number groups (30件, 8月, 第2次,
 * 10回記念 ...) and the word tables. On top of them, one file each:
 *   prose_scan.c     what the groups are in prose: dates (8月, 11月18、19日,
 *                    H29.9, 7/17, 年度内), figures, and what is never one (a
 *                    year, a time of day, a rate such as 毎月1回);
 *   prose_pred.c     the predicates: status words (検討中, 開催予定, 中止,
 *                    util/status_words.c), acts (開催, 実施 ...) and aims
 *                    (推進, 注視 ...), with what follows them;
 *   prose_split.c    the text cut into statements, one per thing reported;
 *   prose_status.c   a statement's status, dates, confidence and issues;
 *   prose_subject.c  what a statement is about, and the cleaning of
 *                    subjects and labels;
 *   prose_figure.c   the figures of a statement with their labels;
 *   prose_words.c    the word lists only prose needs;
 *   prose.c          the reading and the public entry point;
 *   prose_result.c   the accessors.
 * Every step is one pass over the text or over a statement, so the whole
 * reading is linear in the text's length. */
#ifndef KPI_LIB_PHRASE_PROSE_H
#define KPI_LIB_PHRASE_PROSE_H

#include "kpi/prose.h"
#include "phrase/phrase.h"

#include <stddef.h>
#include <stdint.h>

#define KPI__PROSE_MAX_ISSUES 8
/* "No index" in the per-character maps. */
#define KPI__NO ((uint32_t)-1)

/* The confidence factors (docs/phrases.md, "Progress prose"). */
#define PDOUBT_UNDATED 0.8     /* an act with no date: done, but when? */
#define PDOUBT_NO_DATE 0.8     /* scheduled with no date */
#define PDOUBT_NEXT_YEAR 0.8   /* 来年度: the end of the next fiscal year */
#define PDOUBT_BAD_DAY 0.8     /* 2月30日 */
#define PDOUBT_ERA 0.9         /* 29年9月: the era is not written */
#define PDOUBT_OTHER_ACTOR 0.5 /* 大学が…中止を決定 */
#define PDOUBT_SUBJECT 0.9     /* subject taken from the clause before */
#define PDOUBT_NOTHING 0.5     /* no status, act or figure */
#define PDOUBT_UNIT_LABEL 0.9  /* figure: unit read from the label */
#define PDOUBT_NO_UNIT 0.8     /* figure: no unit at all */
#define PDOUBT_APPROXIMATE 0.9 /* figure: 約 */
#define PDOUBT_RANGE 0.5       /* figure: 10〜20人 */

/* ---- The reading -------------------------------------------------------- */

typedef struct kpi__pfigure {
    char *text, *label, *unit, *issue;
    double value, confidence;
    uint32_t flags;
    int32_t date;
} kpi__pfigure;

typedef struct kpi__pstatement {
    char *text, *subject, *word;
    kpi_status status;
    int32_t planned, done;
    double confidence;
    size_t issue_count;
    char *issues[KPI__PROSE_MAX_ISSUES];
    size_t figure_count;
    kpi__pfigure *figures;
} kpi__pstatement;

struct kpi_prose {
    size_t count;
    kpi__pstatement *statements;
};

/* ---- The scan: what each part of the text is ------------------------------- */

/* A date named in the text. */
typedef struct kpi__pdate {
    size_t start, end;
    int32_t year;  /* the calendar year when written (H29.9, 2017年9月), else 0 */
    int32_t month; /* 1..12 */
    int32_t day;   /* 0: the month's last day */
    int next_year; /* 来年度: the end of the next fiscal year */
    int era_guess; /* 29年9月: the era was not written */
} kpi__pdate;

/* How a predicate reads. */
enum {
    KPI__PRED_WORD, /* a status word: 検討中, 開催予定, 決定済, 中止を決定 */
    KPI__PRED_ACT,    /* something done: 開催, 実施, 締結 */
    KPI__PRED_AIM,    /* ongoing work: 推進, 注視, 情報発信 */
    KPI__PRED_NEGATED /* 実施していない */
};

typedef struct kpi__ppred {
    size_t start, end; /* the words, with what they compose (中止を決定) */
    kpi_status status;
    int kind;
} kpi__ppred;

/* What prose makes of a number group. */
typedef struct kpi__pgfig {
    int figure;        /* a figure of the text */
    int frequency;     /* 毎月1回, 年4回: a rate, never a figure */
    size_t span_start; /* the figure with its flag words (延べ), linked noun */
    size_t span_end;   /* (3回の, 3地域(公民館)での) and を含む */
    size_t text_start; /* the figure as written: 延べ69人 */
    size_t text_end;
    size_t link_end; /* after の or での when the count names what follows */
    uint32_t flags;  /* KPI_PROSE_* */
} kpi__pgfig;

typedef struct kpi__pscan {
    const char *text;
    const kpi__ptext *t;
    int32_t fiscal_year;
    kpi__pgroup *groups;
    kpi__pgfig *gfig;
    size_t group_count;
    kpi__pdate *dates;
    size_t date_count;
    kpi__ppred *preds;
    size_t pred_count;
    /* Per character: the group, date and predicate covering it, or KPI__NO. */
    uint32_t *gi, *di, *pi;
} kpi__pscan;

/* prose_scan.c: the dates and what each group is. Returns KPI_OK or
 * KPI_ERR_NOMEM. */
int kpi__prose_scan_dates(kpi__pscan *s);
void kpi__prose_scan_figures(kpi__pscan *s);
/* The date as YYYYMMDD in the fiscal year, 0 when it gives none; *bad_day
 * receives 1 when the day is past the month's end (then read as the end). */
int32_t kpi__prose_date_value(const kpi__pscan *s, const kpi__pdate *d, int *bad_day);

/* prose_pred.c: the predicates, in order. Returns KPI_OK or KPI_ERR_NOMEM. */
int kpi__prose_scan_preds(kpi__pscan *s);

/* ---- Statements --------------------------------------------------------------- */

typedef struct kpi__pstmt {
    size_t b, e;
    int shares_next; /* no verb of its own: the next statement's is its */
    int continues;   /* cut from the clause before in the same sentence */
} kpi__pstmt;

/* prose_split.c: the statements of the text, in order; *out receives an
 * array the caller frees with kpi__free(). Returns KPI_OK or KPI_ERR_NOMEM. */
int kpi__prose_split(const kpi__pscan *s, kpi__pstmt **out, size_t *count);

/* What reading one statement needs. */
typedef struct kpi__pread {
    const kpi__pscan *s;
    size_t b, e;
    const kpi__ppred *pred;     /* its own last predicate, or NULL */
    const kpi__ppred *borrowed; /* the next statement's, when it shares */
    const kpi__pdate *date;     /* its last date, or the next one's */
    kpi__pstatement *out;
    uint32_t *scratch;       /* room for the text's code points */
    size_t agent_b, agent_e; /* the が agent, when an organisation (大学が) */
    const char *first_label; /* the label of the first figure with one */
    int failed;
} kpi__pread;

void kpi__prose_add_issue(kpi__pread *r, double factor, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* prose_status.c */
void kpi__prose_read_status(kpi__pread *r);
/* prose_subject.c */
void kpi__prose_read_subject(kpi__pread *r);
/* prose_figure.c */
void kpi__prose_read_figures(kpi__pread *r);

/* prose_subject.c: shared by subjects and labels. */
/* Whether cp[i] is a particle (を が は に で と へ も) standing after a word
 * and not before の (での, との are part of a noun phrase). */
int kpi__prose_particle(const uint32_t *cp, size_t b, size_t e, size_t i);
/* cp[b..e) without dates, figures and rates, blanks collapsed, trimmed of
 * particles, separators, list markers and leading adverbs, as a new
 * string (NULL and r->failed when memory ran out). */
char *kpi__prose_clean(kpi__pread *r, size_t b, size_t e);
/* The same left in r->scratch[*start, return value); the words of group
 * keep (the figure a label is read for: 新規 of 新規4名を含む) stay. */
size_t kpi__prose_clean_span(kpi__pread *r, size_t b, size_t e, uint32_t keep,
                             size_t *start);
/* Whether a 、 at i starts a new part (not within a list of nouns, dates or
 * 及び ... 、). */
int kpi__prose_comma_cuts(const kpi__pscan *s, size_t b, size_t i);

/* ---- Words (prose_words.c) ------------------------------------------------------ */

extern const char *const kpi__prose_acts[];          /* 確認 受検 提携 開拓 ... */
extern const char *const kpi__prose_organisations[]; /* 大学 法人 (株) 県 ... */
extern const char *const kpi__prose_cumulative[];    /* 延べ 累計 通算 */
extern const char *const kpi__prose_totals[];        /* 合計 総数 計 */
extern const char *const kpi__prose_adverbs[];   /* 毎月 これまで 引き続き */
extern const char *const kpi__prose_negations[]; /* していない しておらず */
extern const char *const kpi__prose_topics[];    /* について に関して */
extern const char *const kpi__prose_purposes[];  /* に向けて に向け */

#endif
