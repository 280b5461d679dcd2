/* What the progress prose tests (test_prose*.c) share: the expected
 * reading of a text, statement by statement and figure by figure, and the
 * check that compares it with kpi_prose_read()'s. Each test program is one
 * file, so the functions are static. */
#ifndef KPI_TEST_PROSE_SUPPORT_H
#define KPI_TEST_PROSE_SUPPORT_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "kpi.h"

#define NONE KPI_STATUS_NONE
#define NOT_STARTED KPI_STATUS_NOT_STARTED
#define PREPARING KPI_STATUS_PREPARING
#define IN_PROGRESS KPI_STATUS_IN_PROGRESS
#define SCHEDULED KPI_STATUS_SCHEDULED
#define DONE KPI_STATUS_DONE
#define POSTPONED KPI_STATUS_POSTPONED
#define CANCELLED KPI_STATUS_CANCELLED
#define CUM KPI_PROSE_CUMULATIVE
#define APPROX KPI_PROSE_APPROXIMATE
#define TOTAL KPI_PROSE_TOTAL
#define PART KPI_PROSE_PART
#define CHANGE KPI_PROSE_CHANGE
#define SURE 1   /* confidence 1, no issue */
#define UNSURE 0 /* confidence below 1, an issue says why */

/* A figure as it must read. */
typedef struct xfig {
    const char *label;
    double value;
    const char *unit;
    uint32_t flags;
    int32_t date;
    int sure;
} xfig;

/* A statement as it must read; text NULL: the whole text. */
typedef struct xstmt {
    const char *text;
    const char *subject;
    kpi_status status;
    int32_t planned, done;
    int sure;
    size_t figure_count;
    xfig figures[4];
} xstmt;

/* A text and its statements, read in fiscal year 2017. */
typedef struct xprose {
    const char *text;
    size_t count;
    xstmt statements[7];
} xprose;

static inline void print_reading(const kpi_prose *prose)
{
    for (size_t i = 0; i < kpi_prose_count(prose); i++) {
        print_error("  [%zu] \"%s\" subject \"%s\" status %s (%s) planned %d done %d "
                    "confidence %g\n",
                    i, kpi_prose_text_at(prose, i), kpi_prose_subject_at(prose, i),
                    kpi_status_name(kpi_prose_status_at(prose, i)),
                    kpi_prose_status_word_at(prose, i),
                    (int)kpi_prose_planned_at(prose, i), (int)kpi_prose_done_at(prose, i),
                    kpi_prose_confidence_at(prose, i));
        for (size_t k = 0; k < kpi_prose_issue_count_at(prose, i); k++)
            print_error("      issue: %s\n", kpi_prose_issue_at(prose, i, k));
        for (size_t k = 0; k < kpi_prose_figure_count_at(prose, i); k++)
            print_error("      figure \"%s\": \"%s\" %g \"%s\" flags %u date %d "
                        "confidence %g %s\n",
                        kpi_prose_figure_text_at(prose, i, k),
                        kpi_prose_figure_label_at(prose, i, k),
                        kpi_prose_figure_value_at(prose, i, k),
                        kpi_prose_figure_unit_at(prose, i, k),
                        (unsigned)kpi_prose_figure_flags_at(prose, i, k),
                        (int)kpi_prose_figure_date_at(prose, i, k),
                        kpi_prose_figure_confidence_at(prose, i, k),
                        kpi_prose_figure_issue_at(prose, i, k));
    }
}

static inline kpi_prose *read_ok(const char *text, int32_t fiscal_year)
{
    kpi_prose *prose = NULL;
    int rc = kpi_prose_read(&prose, text, fiscal_year);
    if (rc != KPI_OK) {
        print_error("kpi_prose_read(\"%s\"): %d %s\n", text, rc, kpi_error_message());
        fail();
    }
    assert_non_null(prose);
    return prose;
}

/* Fails, showing the whole reading, when what is false. */
static inline void expect(int ok, const kpi_prose *prose, const char *text,
                          const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static inline void expect(int ok, const kpi_prose *prose, const char *text,
                          const char *fmt, ...)
{
    if (ok)
        return;
    char what[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    print_error("%s: %s\n", text, what);
    print_reading(prose);
    fail();
}

static inline int same_string(const char *expected, const char *actual)
{
    return actual && strcmp(expected, actual) == 0;
}

static inline void check_figure(const kpi_prose *prose, const char *text, size_t i,
                                size_t k, const xfig *x)
{
    double value = kpi_prose_figure_value_at(prose, i, k);
    double confidence = kpi_prose_figure_confidence_at(prose, i, k);
    const char *issue = kpi_prose_figure_issue_at(prose, i, k);
    expect(same_string(x->label, kpi_prose_figure_label_at(prose, i, k)), prose, text,
           "statement %zu figure %zu: label should be \"%s\"", i, k, x->label);
    expect(fabs(value - x->value) < 1e-9, prose, text,
           "statement %zu figure %zu: value should be %g", i, k, x->value);
    expect(same_string(x->unit, kpi_prose_figure_unit_at(prose, i, k)), prose, text,
           "statement %zu figure %zu: unit should be \"%s\"", i, k, x->unit);
    expect(kpi_prose_figure_flags_at(prose, i, k) == x->flags, prose, text,
           "statement %zu figure %zu: flags should be %u", i, k, (unsigned)x->flags);
    expect(kpi_prose_figure_date_at(prose, i, k) == x->date, prose, text,
           "statement %zu figure %zu: date should be %d", i, k, (int)x->date);
    expect(confidence > 0 && confidence <= 1 && issue && (x->sure == (confidence == 1)) &&
               (x->sure == (issue[0] == '\0')),
           prose, text, "statement %zu figure %zu: should be %s", i, k,
           x->sure ? "sure" : "unsure, with an issue");
    expect(kpi_prose_figure_text_at(prose, i, k) != NULL &&
               strstr(text, kpi_prose_figure_text_at(prose, i, k)) != NULL,
           prose, text, "statement %zu figure %zu: its text is not verbatim", i, k);
}

static inline void check_statement(const kpi_prose *prose, const char *text, size_t i,
                                   const xstmt *x)
{
    const char *own = x->text ? x->text : text;
    double confidence = kpi_prose_confidence_at(prose, i);
    size_t issues = kpi_prose_issue_count_at(prose, i);
    expect(same_string(own, kpi_prose_text_at(prose, i)), prose, text,
           "statement %zu: text should be \"%s\"", i, own);
    expect(same_string(x->subject, kpi_prose_subject_at(prose, i)), prose, text,
           "statement %zu: subject should be \"%s\"", i, x->subject);
    expect(kpi_prose_status_at(prose, i) == x->status, prose, text,
           "statement %zu: status should be %s", i, kpi_status_name(x->status));
    expect((x->status == NONE) == (kpi_prose_status_word_at(prose, i)[0] == '\0'), prose,
           text, "statement %zu: a status needs its word, and only a status", i);
    expect(kpi_prose_planned_at(prose, i) == x->planned, prose, text,
           "statement %zu: planned should be %d", i, (int)x->planned);
    expect(kpi_prose_done_at(prose, i) == x->done, prose, text,
           "statement %zu: done should be %d", i, (int)x->done);
    expect(confidence > 0 && confidence <= 1 && x->sure == (confidence == 1) &&
               x->sure == (issues == 0),
           prose, text, "statement %zu: should be %s", i,
           x->sure ? "sure" : "unsure, with an issue");
    expect(kpi_prose_figure_count_at(prose, i) == x->figure_count, prose, text,
           "statement %zu: %zu figures expected", i, x->figure_count);
    for (size_t k = 0; k < x->figure_count; k++)
        check_figure(prose, text, i, k, &x->figures[k]);
}

static inline void check_prose_in(const xprose *x, int32_t fiscal_year)
{
    kpi_prose *prose = read_ok(x->text, fiscal_year);
    expect(kpi_prose_count(prose) == x->count, prose, x->text, "%zu statements expected",
           x->count);
    for (size_t i = 0; i < x->count; i++)
        check_statement(prose, x->text, i, &x->statements[i]);
    kpi_prose_free(prose);
}

static inline void check_prose(const xprose *x)
{
    check_prose_in(x, 2017);
}

#endif
