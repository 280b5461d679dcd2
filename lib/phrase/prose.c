/* Reading progress prose (kpi/prose.h): the text is decoded and its number
 * groups read as for target phrases (phrase_text.c, phrase_lex.c); then
 * its dates, figures and predicates are found (prose_scan.c,
 * prose_pred.c), it is cut into statements (prose_split.c), and each
 * statement is read: figures, subject, status (prose_figure.c,
 * prose_subject.c, prose_status.c). Statements are read from the last to
 * the first, so that a clause sharing the next one's verb finds it read;
 * then a clause with no subject of its own takes the one before. */
#include "phrase/prose.h"
#include "util/alloc.h"
#include "util/error.h"

#include <inttypes.h>
#include <string.h>

/* ---- Freeing ---------------------------------------------------------------------- */

static void free_statement(kpi__pstatement *st)
{
    kpi__free(st->text);
    kpi__free(st->subject);
    kpi__free(st->word);
    for (size_t k = 0; k < st->issue_count; k++)
        kpi__free(st->issues[k]);
    for (size_t k = 0; k < st->figure_count; k++) {
        kpi__free(st->figures[k].text);
        kpi__free(st->figures[k].label);
        kpi__free(st->figures[k].unit);
        kpi__free(st->figures[k].issue);
    }
    kpi__free(st->figures);
}

void kpi_prose_free(kpi_prose *prose)
{
    if (!prose)
        return;
    for (size_t i = 0; i < prose->count; i++)
        free_statement(&prose->statements[i]);
    kpi__free(prose->statements);
    kpi__free(prose);
}

/* ---- Reading the statements ----------------------------------------------------------
 */

/* What the statements read so far leave for the ones before them. */
typedef struct cursor {
    size_t pred, date;            /* how many predicates and dates lie before */
    const kpi__ppred **used_pred; /* per statement: the predicate it reads */
    const kpi__pdate **used_date; /* and the date */
} cursor;

/* The last predicate and date starting in [b, e), the statements being
 * visited from the last. */
static void find_own(const kpi__pscan *s, cursor *c, size_t b, size_t e, kpi__pread *r)
{
    while (c->pred > 0 && s->preds[c->pred - 1].start >= e)
        c->pred--;
    while (c->date > 0 && s->dates[c->date - 1].start >= e)
        c->date--;
    if (c->pred > 0 && s->preds[c->pred - 1].start >= b)
        r->pred = &s->preds[c->pred - 1];
    if (c->date > 0 && s->dates[c->date - 1].start >= b)
        r->date = &s->dates[c->date - 1];
}

static void read_statement(kpi__pread *r)
{
    kpi__pstatement *out = r->out;
    size_t from = r->s->t->off[r->b];
    out->confidence = 1;
    out->text = kpi__strndup(r->s->text + from, r->s->t->off[r->e] - from);
    r->failed |= out->text == NULL;
    kpi__prose_read_figures(r);
    if (!r->failed)
        kpi__prose_read_subject(r);
    if (!r->failed)
        kpi__prose_read_status(r);
}

/* 「…を開拓し、H28.9に139品目が、…に充実」: the second clause is still
 * about the first one's subject. */
static void inherit_subjects(kpi_prose *prose, const kpi__pstmt *spans, uint32_t *scratch,
                             int *failed)
{
    for (size_t i = 1; i < prose->count && !*failed; i++) {
        kpi__pstatement *st = &prose->statements[i];
        const char *before = prose->statements[i - 1].subject;
        if (!spans[i].continues || st->subject[0] || !before[0])
            continue;
        char *copy = kpi__strdup(before);
        if (!copy) {
            *failed = 1;
            return;
        }
        kpi__free(st->subject);
        st->subject = copy;
        kpi__pread r;
        memset(&r, 0, sizeof r);
        r.out = st;
        r.scratch = scratch;
        kpi__prose_add_issue(&r, PDOUBT_SUBJECT,
                             "subject taken from the clause before: %s", copy);
        *failed |= r.failed;
    }
}

static int read_all(kpi_prose **out, const kpi__pscan *s, const kpi__pstmt *spans,
                    size_t count)
{
    kpi_prose *prose = kpi__calloc(1, sizeof *prose);
    uint32_t *scratch = kpi__calloc(s->t->n + 1, sizeof *scratch);
    cursor c = {s->pred_count, s->date_count, NULL, NULL};
    c.used_pred = kpi__calloc(count, sizeof *c.used_pred);
    c.used_date = kpi__calloc(count, sizeof *c.used_date);
    if (prose)
        prose->statements = kpi__calloc(count, sizeof *prose->statements);
    int failed = !prose || !scratch || !c.used_pred || !c.used_date || !prose->statements;
    if (!failed)
        prose->count = count;
    for (size_t i = count; i-- > 0 && !failed;) {
        kpi__pread r;
        memset(&r, 0, sizeof r);
        r.s = s;
        r.b = spans[i].b;
        r.e = spans[i].e;
        r.out = &prose->statements[i];
        r.scratch = scratch;
        find_own(s, &c, r.b, r.e, &r);
        if (!r.pred && spans[i].shares_next && i + 1 < count && spans[i + 1].continues) {
            r.borrowed = c.used_pred[i + 1];
            if (!r.date)
                r.date = c.used_date[i + 1];
        }
        c.used_pred[i] = r.pred ? r.pred : r.borrowed;
        c.used_date[i] = r.date;
        read_statement(&r);
        failed = r.failed;
    }
    if (!failed)
        inherit_subjects(prose, spans, scratch, &failed);
    kpi__free(scratch);
    kpi__free(c.used_pred);
    kpi__free(c.used_date);
    if (failed) {
        kpi_prose_free(prose);
        return kpi__error_nomem();
    }
    *out = prose;
    return KPI_OK;
}

/* ---- The entry point -----------------------------------------------------------------
 */

static size_t bounded_length(const char *text)
{
    size_t n = 0;
    while (n <= KPI_PROSE_MAX_BYTES && text[n])
        n++;
    return n;
}

static int check_arguments(kpi_prose **out, const char *text, int32_t fiscal_year,
                           size_t *size)
{
    if (!out)
        return kpi__error_null("kpi_prose_read", "out");
    *out = NULL;
    if (!text)
        return kpi__error_null("kpi_prose_read", "text");
    if (fiscal_year < 0 || fiscal_year > 9998)
        return kpi__error(KPI_ERR_ARGUMENT,
                          "kpi_prose_read: fiscal_year must be 0 (unknown) or 1..9998, "
                          "got %" PRId32,
                          fiscal_year);
    *size = bounded_length(text);
    if (*size == 0)
        return kpi__error(KPI_ERR_VALUE, "prose: the text is empty");
    if (*size > KPI_PROSE_MAX_BYTES)
        return kpi__error(KPI_ERR_LIMIT, "prose: longer than the limit of %d bytes",
                          KPI_PROSE_MAX_BYTES);
    return KPI_OK;
}

static void free_scan(kpi__pscan *s)
{
    kpi__free(s->groups);
    kpi__free(s->gfig);
    kpi__free(s->dates);
    kpi__free(s->preds);
    kpi__free(s->gi);
    kpi__free(s->di);
    kpi__free(s->pi);
}

/* Everything the statements are read from, found in one pass each. */
static int scan(kpi__pscan *s)
{
    size_t n = s->t->n, bound = kpi__pgroups_bound(s->t) + 1;
    s->groups = kpi__calloc(bound, sizeof *s->groups);
    s->gfig = kpi__calloc(bound, sizeof *s->gfig);
    s->gi = kpi__malloc((n + 1) * sizeof *s->gi);
    s->di = kpi__malloc((n + 1) * sizeof *s->di);
    s->pi = kpi__malloc((n + 1) * sizeof *s->pi);
    if (!s->groups || !s->gfig || !s->gi || !s->di || !s->pi)
        return KPI_ERR_NOMEM;
    memset(s->gi, 0xFF, (n + 1) * sizeof *s->gi);
    memset(s->di, 0xFF, (n + 1) * sizeof *s->di);
    memset(s->pi, 0xFF, (n + 1) * sizeof *s->pi);
    s->group_count = kpi__pgroups_scan(s->t, s->groups, bound);
    int rc = kpi__prose_scan_dates(s);
    if (rc == KPI_OK) {
        kpi__prose_scan_figures(s);
        rc = kpi__prose_scan_preds(s);
    }
    return rc;
}

int kpi_prose_read(kpi_prose **out, const char *text, int32_t fiscal_year)
{
    size_t size = 0, count = 0;
    int rc = check_arguments(out, text, fiscal_year, &size);
    if (rc != KPI_OK)
        return rc;
    kpi__ptext t;
    rc = kpi__ptext_decode_as(&t, text, size, "prose");
    if (rc != KPI_OK)
        return rc;
    kpi__pscan s;
    memset(&s, 0, sizeof s);
    s.text = text;
    s.t = &t;
    s.fiscal_year = fiscal_year;
    kpi__pstmt *spans = NULL;
    rc = scan(&s);
    if (rc == KPI_OK)
        rc = kpi__prose_split(&s, &spans, &count);
    if (rc == KPI_OK && count == 0) {
        char buf[KPI__CLIP_SIZE];
        rc = kpi__error(KPI_ERR_VALUE,
                        "prose \"%s\": nothing to read (only blanks and list markers)",
                        kpi__clip(buf, text));
    } else if (rc == KPI_OK) {
        rc = read_all(out, &s, spans, count);
    } else {
        rc = kpi__error_nomem();
    }
    kpi__free(spans);
    free_scan(&s);
    kpi__ptext_free(&t);
    return rc;
}
