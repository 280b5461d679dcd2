/*
 * Ratings files and their agreement. libkpi and every peer write one line
 * `code,rating` per target, goal and the plan; the driver sorts both by
 * code and compares them line by line.
 */
#include "bench.h"

#include <stdlib.h>
#include <string.h>

struct entry {
    char *code;
    char *rating;
};

struct ratings {
    struct entry *items;
    size_t count;
    char *text;
};

static int entry_cmp(const void *a, const void *b)
{
    return strcmp(((const struct entry *)a)->code, ((const struct entry *)b)->code);
}

/* Reads `code,rating` lines (the code possibly CSV-quoted; the rating has no
 * comma, so the line splits at its last comma). */
static int ratings_read(struct ratings *r, const char *path)
{
    size_t size;
    FILE *f = fopen(path, "rb");
    memset(r, 0, sizeof *r);
    if (!f)
        return -1;
    fclose(f);
    r->text = bench_read_whole(path, &size);
    size_t lines = 0;
    for (size_t i = 0; i < size; i++)
        lines += r->text[i] == '\n';
    r->items = bench_xmalloc((lines + 1) * sizeof *r->items);
    for (char *line = r->text; *line;) {
        char *nl = strchr(line, '\n');
        char *next = nl ? nl + 1 : line + strlen(line);
        if (nl)
            *nl = '\0';
        if (nl > line && nl[-1] == '\r')
            nl[-1] = '\0';
        char *comma = strrchr(line, ',');
        if (comma) {
            *comma = '\0';
            char *code = line;
            size_t n = strlen(code);
            if (n >= 2 && code[0] == '"' && code[n - 1] == '"') {
                code[n - 1] = '\0';
                code++;
            }
            r->items[r->count].code = code;
            r->items[r->count].rating = comma + 1;
            r->count++;
        }
        line = next;
    }
    qsort(r->items, r->count, sizeof *r->items, entry_cmp);
    return 0;
}

static void ratings_free(struct ratings *r)
{
    free(r->items);
    free(r->text);
}

/* One difference as a line, or NULL when the entries agree. */
static const char *compare(const struct ratings *kpi, const struct ratings *peer,
                           size_t *i, size_t *j, const char *name, char *line,
                           size_t size)
{
    int c = *i == kpi->count    ? 1
            : *j == peer->count ? -1
                                : strcmp(kpi->items[*i].code, peer->items[*j].code);
    if (c < 0) {
        snprintf(line, size, "%s: libkpi %s, %s has no rating", kpi->items[*i].code,
                 kpi->items[*i].rating, name);
        (*i)++;
        return line;
    }
    if (c > 0) {
        snprintf(line, size, "%s: %s %s, libkpi has no such code", peer->items[*j].code,
                 name, peer->items[*j].rating);
        (*j)++;
        return line;
    }
    const char *what = NULL;
    if (strcmp(kpi->items[*i].rating, peer->items[*j].rating) != 0) {
        snprintf(line, size, "%s: libkpi %s, %s %s", kpi->items[*i].code,
                 kpi->items[*i].rating, name, peer->items[*j].rating);
        what = line;
    }
    (*i)++;
    (*j)++;
    return what;
}

long long bench_agree(const char *kpi_path, const char *peer_path, const char *name,
                      long long *agreed, long long *total)
{
    struct ratings kpi, peer;
    if (ratings_read(&kpi, kpi_path) != 0)
        return -1;
    if (ratings_read(&peer, peer_path) != 0) {
        ratings_free(&kpi);
        return -1;
    }
    size_t i = 0, j = 0;
    long long bad = 0;
    *agreed = 0;
    while (i < kpi.count || j < peer.count) {
        char line[512];
        const char *what = compare(&kpi, &peer, &i, &j, name, line, sizeof line);
        if (!what)
            (*agreed)++;
        else if (bad++ < 10)
            printf("    differs: %s\n", what);
    }
    if (bad > 10)
        printf("    ... and %lld more differences\n", bad - 10);
    *total = (long long)kpi.count;
    ratings_free(&kpi);
    ratings_free(&peer);
    return bad;
}
