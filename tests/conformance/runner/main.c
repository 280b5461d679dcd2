/* kpi-conformance: runs the suite's cases through libkpi.
 *
 *   kpi-conformance [PATH]...          every case in the files and folders
 *                                      (default: the suite's cases/), checked:
 *                                      "N passed, N failed"; exit 1 when any
 *                                      failed
 *   kpi-conformance --result CASE      the case's result.json, as an
 *                                      implementation of the contract prints it
 */
#define _XOPEN_SOURCE 700 /* realpath */

#include "conformance.h"

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The case files: those named, and those below the folders named, each
 * folder's in name order. */
typedef struct paths {
    char **items;
    size_t count, capacity;
} paths;

static void add_path(paths *p, const char *path)
{
    if (p->count == p->capacity) {
        p->capacity = p->capacity * 2 + 64;
        char **grown = realloc(p->items, p->capacity * sizeof *grown);
        if (!grown) {
            fprintf(stderr, "kpi-conformance: out of memory\n");
            exit(2);
        }
        p->items = grown;
    }
    /* Absolute: each case runs from its suite's folder (result_of()). */
    char full[PATH_MAX];
    p->items[p->count++] = strdup(realpath(path, full) ? full : path);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void collect(paths *p, const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode)) {
        add_path(p, path);
        return;
    }
    DIR *d = opendir(path);
    paths here = {0};
    for (struct dirent *e; d && (e = readdir(d)) != NULL;) {
        if (e->d_name[0] == '.')
            continue;
        char child[4096];
        snprintf(child, sizeof child, "%s/%s", path, e->d_name);
        size_t n = strlen(e->d_name);
        if ((stat(child, &st) == 0 && S_ISDIR(st.st_mode)) ||
            (n > 5 && strcmp(e->d_name + n - 5, ".json") == 0))
            add_path(&here, child);
    }
    if (d)
        closedir(d);
    qsort(here.items, here.count, sizeof *here.items, by_name);
    for (size_t i = 0; i < here.count; i++) {
        collect(p, here.items[i]);
        free(here.items[i]);
    }
    free(here.items);
}

/* The result of one case, or NULL (the message on stderr). */
static json_t *result_of(const char *path, json_t **c)
{
    char *structure = NULL, *progress = NULL;
    size_t structure_size = 0, progress_size = 0;
    *c = case_load(path, &structure, &structure_size, &progress, &progress_size);
    const char *root = *c ? json_string_value(json_object_get(*c, "_root")) : NULL;
    if (root && chdir(root) != 0) {
        fprintf(stderr, "%s: cannot enter %s\n", path, root);
        root = NULL;
    }
    json_t *result =
        root ? case_result(*c, structure, structure_size, progress, progress_size) : NULL;
    free(structure);
    free(progress);
    return result;
}

static int print_result(const char *path)
{
    json_t *c = NULL, *result = result_of(path, &c);
    int ok = result && json_dumpf(result, stdout, JSON_INDENT(1) | JSON_SORT_KEYS) == 0;
    if (ok)
        putchar('\n');
    json_decref(result);
    json_decref(c);
    return ok ? 0 : 1;
}

static int check(const paths *p)
{
    size_t passed = 0, failed = 0;
    for (size_t i = 0; i < p->count; i++) {
        json_t *c = NULL, *result = result_of(p->items[i], &c);
        if (result && case_compare(c, result) == 0) {
            passed++;
        } else {
            failed++;
            if (!result)
                printf("FAIL %s: no result\n", p->items[i]);
        }
        json_decref(result);
        json_decref(c);
    }
    printf("%zu passed, %zu failed\n", passed, failed);
    return failed || !passed ? 1 : 0;
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "--result") == 0) {
        char full[PATH_MAX];
        return print_result(realpath(argv[2], full) ? full : argv[2]);
    }
    if (argc > 1 && argv[1][0] == '-') {
        fprintf(stderr, "usage: kpi-conformance [CASE|FOLDER]...\n"
                        "       kpi-conformance --result CASE\n");
        return 2;
    }
    paths p = {0};
    for (int i = 1; i < argc; i++)
        collect(&p, argv[i]);
    if (argc == 1)
        collect(&p, "cases");
    int rc = check(&p);
    for (size_t i = 0; i < p.count; i++)
        free(p.items[i]);
    free(p.items);
    return rc;
}
