/* Fuzz target: every public parser of a string — dates, date ranges,
 * ratings, statuses, report formats and target phrases (progress prose has
 * its own target, fuzz_prose.c). None may crash, and each either succeeds
 * with a sane result or fails with an error message. */
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
    kpi_status status;
    int rc = kpi_status_parse(&status, text);
    check_error(rc);
    if (rc == KPI_OK && (status < KPI_STATUS_NONE || status > KPI_STATUS_CANCELLED))
        abort();
    kpi_format format;
    check_error(kpi_format_parse(&format, text));
    fuzz_phrase(text);
    free(text);
    return 0;
}
