/* Writes the HTML report of a plan, for the browser check in html.cmake:
 *
 *   render_page STRUCTURE.csv PROGRESS.csv YYYY-MM-DD ja|en OUT.html
 *
 * It uses the public API only, like any program that links libkpi, and
 * stands apart from kpi-report so that the browser check does not depend
 * on the command line tool. */
#include <kpi.h>

#include <stdio.h>
#include <string.h>

static int fail(const char *what)
{
    fprintf(stderr, "render_page: %s: %s\n", what, kpi_error_message());
    return 1;
}

static int write_file(const char *path, const char *text, size_t size)
{
    FILE *f = fopen(path, "wb");
    if (!f) {
        perror(path);
        return 1;
    }
    int bad = fwrite(text, 1, size, f) != size;
    bad |= fclose(f) != 0;
    if (bad)
        perror(path);
    return bad;
}

static int render(const kpi_plan *plan, int32_t as_of, kpi_lang lang, const char *path)
{
    kpi_evaluation *ev = NULL;
    char *html = NULL;
    size_t size = 0;
    if (kpi_evaluate(&ev, plan, as_of, NULL) != KPI_OK)
        return fail("evaluate");
    int rc = kpi_evaluation_render(&html, &size, ev, KPI_FORMAT_HTML, lang);
    kpi_evaluation_free(ev);
    if (rc != KPI_OK)
        return fail("render");
    rc = write_file(path, html, size);
    kpi_free(html);
    return rc;
}

int main(int argc, char **argv)
{
    int32_t as_of = 0;
    kpi_reader *reader = NULL;
    kpi_plan *plan = NULL;
    if (argc != 6 || (strcmp(argv[4], "ja") != 0 && strcmp(argv[4], "en") != 0)) {
        fprintf(stderr,
                "usage: render_page STRUCTURE PROGRESS YYYY-MM-DD ja|en OUT.html\n");
        return 2;
    }
    if (kpi_date_parse(&as_of, argv[3]) != KPI_OK)
        return fail(argv[3]);
    if (kpi_reader_new(&reader) != KPI_OK)
        return fail("reader");
    int rc = kpi_reader_read_files(&plan, reader, argv[1], argv[2]);
    kpi_reader_free(reader);
    if (rc != KPI_OK)
        return fail(argv[1]);
    kpi_lang lang = strcmp(argv[4], "en") == 0 ? KPI_LANG_EN : KPI_LANG_JA;
    rc = render(plan, as_of, lang, argv[5]);
    kpi_plan_free(plan);
    return rc;
}
