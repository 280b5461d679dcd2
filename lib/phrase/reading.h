/* Internal: what the readers of one fragment share (phrase.c,
 * phrase_label.c, phrase_numeric.c, phrase_result.c): the target being
 * read, its issues and confidence, and the steps that read it. */
#ifndef KPI_LIB_PHRASE_READING_H
#define KPI_LIB_PHRASE_READING_H

#include "phrase/phrase.h"

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

typedef struct kpi__ptarget {
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
} kpi__ptarget;

struct kpi_phrase {
    size_t count;
    kpi__ptarget *targets;
};

/* What reading one fragment needs. groups/count are the fragment's own. */
typedef struct kpi__preader {
    const char *text; /* the phrase as given, for quoting fragments verbatim */
    const kpi__ptext *t;
    const kpi__pgroup *groups;
    size_t count;
    size_t b, e;
    int32_t fiscal_year;
    uint32_t *scratch; /* room for t->n code points: the label being built */
    kpi__ptarget *out;
    int failed; /* an allocation failed */
} kpi__preader;

void kpi__pr_add_issue(kpi__preader *r, double factor, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* The phrase's characters [b, e) for a message. */
const char *kpi__pr_quote(const kpi__preader *r, size_t b, size_t e,
                          char buf[QUOTE_SIZE]);

/* Strips blanks, separators and particles from both ends of cp[*b..*e). A
 * particle goes only where it stands after (or before) a word character:
 * the の of 9地域での is a particle, the に of にぎわい is not. */
void kpi__pr_trim_label(const uint32_t *cp, size_t *b, size_t *e);

/* Drops the brackets that removing months left empty: 説明会(6月・10月)
 * leaves 説明会(・). Returns the new length. */
size_t kpi__pr_drop_empty_brackets(uint32_t *cp, size_t len);

/* Builds the label in r->scratch: the fragment without cut and months,
 * blanks collapsed, trimmed. Returns its end; *b receives its start. */
size_t kpi__pr_build_label(kpi__preader *r, const kpi__pgroup *cut, size_t *b);

char *kpi__pr_encode(kpi__preader *r, const uint32_t *cp, size_t b, size_t e);

/* The due month from the fragment's months (the last when several), and
 * the due date in the plan's fiscal year: January to March fall in the
 * next calendar year. */
void kpi__pr_read_due(kpi__preader *r);

const kpi__pgroup *kpi__pr_select_target(const kpi__preader *r, size_t *candidates);

void kpi__pr_read_numeric(kpi__preader *r, const kpi__pgroup *g, size_t candidates);

/* A fragment with no count, read from its last word. */
void kpi__pr_read_other(kpi__preader *r);

void kpi__pr_free_target(kpi__ptarget *t);

#endif
