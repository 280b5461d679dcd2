/* Fuzz target: every public parser of a string — dates, date ranges,
 * ratings, report formats, target phrases and progress prose. None may
 * crash, and each either succeeds with a sane result or fails with an
 * error message. */
#include <kpi.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_error(int rc)
{
    if (rc != KPI_OK && (kpi_error_code() != rc || kpi_error_message()[0] == '\0'))
        abort();
}

static void fuzz_dates(const char *text)
{
    int32_t date = 0, first = 0, last = 0;
    int rc = kpi_date_parse(&date, text);
    check_error(rc);
    if (rc == KPI_OK && !kpi_date_is_valid(date))
        abort();
    rc = kpi_date_parse_range(&first, &last, text);
    check_error(rc);
    if (rc == KPI_OK &&
        (!kpi_date_is_valid(first) || !kpi_date_is_valid(last) || last < first))
        abort();
}

static void fuzz_phrase(const char *text)
{
    kpi_phrase *phrase = NULL;
    int rc = kpi_phrase_parse(&phrase, text, 2017);
    check_error(rc);
    for (size_t i = 0; rc == KPI_OK && i < kpi_phrase_count(phrase); i++) {
        double confidence = kpi_phrase_confidence_at(phrase, i);
        if (!(confidence >= 0 && confidence <= 1) || !kpi_phrase_text_at(phrase, i))
            abort();
        for (size_t j = 0; j < kpi_phrase_issue_count_at(phrase, i); j++)
            if (!kpi_phrase_issue_at(phrase, i, j))
                abort();
    }
    kpi_phrase_free(phrase);
}

/* Progress prose: every statement well formed, every figure too. */
static void fuzz_prose(const char *text)
{
    kpi_prose *prose = NULL;
    int rc = kpi_prose_read(&prose, text, 2017);
    check_error(rc);
    if (rc == KPI_OK && kpi_prose_count(prose) == 0)
        abort();
    for (size_t i = 0; rc == KPI_OK && i < kpi_prose_count(prose); i++) {
        double confidence = kpi_prose_confidence_at(prose, i);
        if (!(confidence > 0 && confidence <= 1) ||
            (confidence == 1) != (kpi_prose_issue_count_at(prose, i) == 0) ||
            !kpi_prose_text_at(prose, i) || !kpi_prose_subject_at(prose, i) ||
            !kpi_prose_status_word_at(prose, i))
            abort();
        int32_t planned = kpi_prose_planned_at(prose, i),
                done = kpi_prose_done_at(prose, i);
        if ((planned && !kpi_date_is_valid(planned)) ||
            (done && !kpi_date_is_valid(done)))
            abort();
        for (size_t j = 0; j < kpi_prose_issue_count_at(prose, i); j++)
            if (!kpi_prose_issue_at(prose, i, j))
                abort();
        for (size_t k = 0; k < kpi_prose_figure_count_at(prose, i); k++) {
            double c = kpi_prose_figure_confidence_at(prose, i, k);
            const char *issue = kpi_prose_figure_issue_at(prose, i, k);
            if (!(c > 0 && c <= 1) || !issue || (c == 1) != (issue[0] == '\0') ||
                !kpi_prose_figure_label_at(prose, i, k) ||
                !kpi_prose_figure_unit_at(prose, i, k) ||
                !kpi_prose_figure_text_at(prose, i, k))
                abort();
        }
    }
    kpi_prose_free(prose);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    fuzz_dates(text);
    kpi_rating rating;
    check_error(kpi_rating_parse(&rating, text));
    kpi_format format;
    check_error(kpi_format_parse(&format, text));
    fuzz_phrase(text);
    fuzz_prose(text);
    free(text);
    return 0;
}
