/* Fuzz target: the progress prose reader, kpi_prose_read(). The first two
 * bytes choose the fiscal year (the seed's, none, any valid one or one out
 * of range), the rest is the text. The reader may refuse a text, with an
 * error message; it must not crash, leak or hang, and every statement and
 * figure it gives must be well formed. */
#include <kpi.h>

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int32_t fiscal_year(unsigned pick, unsigned more)
{
    static const int32_t years[] = {2017, 0, 1, 9998, -1, 9999, 1989, 2019};
    if (pick % 2)
        return years[pick / 2 % (sizeof years / sizeof years[0])];
    return (int32_t)(pick / 2 << 8 | more) * 10 % 10000; /* 0..9990 */
}

static int is_date_or_zero(int32_t date)
{
    return date == 0 || kpi_date_is_valid(date);
}

static void check_figures(const kpi_prose *prose, size_t i)
{
    size_t count = kpi_prose_figure_count_at(prose, i);
    for (size_t k = 0; k < count; k++) {
        double c = kpi_prose_figure_confidence_at(prose, i, k);
        const char *issue = kpi_prose_figure_issue_at(prose, i, k);
        if (!(c > 0 && c <= 1) || !issue || (c == 1) != (issue[0] == '\0') ||
            !kpi_prose_figure_label_at(prose, i, k) ||
            !kpi_prose_figure_unit_at(prose, i, k) ||
            !kpi_prose_figure_text_at(prose, i, k) ||
            isnan(kpi_prose_figure_value_at(prose, i, k)) ||
            kpi_prose_figure_flags_at(prose, i, k) > 31 ||
            !is_date_or_zero(kpi_prose_figure_date_at(prose, i, k)))
            abort();
    }
    /* Past the last figure: nothing, and a range error. */
    if (kpi_prose_figure_text_at(prose, i, count) || kpi_error_code() != KPI_ERR_RANGE ||
        !isnan(kpi_prose_figure_value_at(prose, i, count)))
        abort();
}

static void check_statements(const kpi_prose *prose)
{
    size_t count = kpi_prose_count(prose);
    if (count == 0)
        abort();
    for (size_t i = 0; i < count; i++) {
        double confidence = kpi_prose_confidence_at(prose, i);
        size_t issues = kpi_prose_issue_count_at(prose, i);
        kpi_status status = kpi_prose_status_at(prose, i);
        const char *word = kpi_prose_status_word_at(prose, i);
        if (!(confidence > 0 && confidence <= 1) || (confidence == 1) != (issues == 0) ||
            issues > 8 || !kpi_prose_text_at(prose, i) ||
            !kpi_prose_subject_at(prose, i) || !word || status < KPI_STATUS_NONE ||
            status > KPI_STATUS_CANCELLED ||
            (status == KPI_STATUS_NONE) != (word[0] == '\0') ||
            !is_date_or_zero(kpi_prose_planned_at(prose, i)) ||
            !is_date_or_zero(kpi_prose_done_at(prose, i)))
            abort();
        for (size_t j = 0; j < issues; j++)
            if (!kpi_prose_issue_at(prose, i, j))
                abort();
        if (kpi_prose_issue_at(prose, i, issues))
            abort();
        check_figures(prose, i);
    }
    if (kpi_prose_text_at(prose, count) || kpi_error_code() != KPI_ERR_RANGE ||
        kpi_prose_figure_count_at(prose, count) != 0)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    int32_t year = fiscal_year(data[0], data[1]);
    char *text = malloc(size - 1);
    if (!text)
        return 0;
    memcpy(text, data + 2, size - 2);
    text[size - 2] = '\0';
    kpi_prose *prose = NULL;
    int rc = kpi_prose_read(&prose, text, year);
    if (rc == KPI_OK) {
        if (year < 0 || year > 9998)
            abort();
        check_statements(prose);
    } else if (prose || kpi_error_code() != rc || kpi_error_message()[0] == '\0') {
        abort();
    }
    kpi_prose_free(prose);
    free(text);
    return 0;
}
