#define _XOPEN_SOURCE 700       /* realpath */
#define _POSIX_C_SOURCE 200809L /* realpath */

#include "conformance.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The whole file, or NULL. */
static char *read_all(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *bytes = NULL;
    size_t used = 0, capacity = 0, n;
    do {
        if (capacity - used < 65536) {
            capacity = capacity * 2 + 65536;
            char *grown = realloc(bytes, capacity);
            if (!grown) {
                free(bytes);
                fclose(f);
                return NULL;
            }
            bytes = grown;
        }
        n = fread(bytes + used, 1, capacity - used, f);
        used += n;
    } while (n > 0);
    int failed = ferror(f);
    fclose(f);
    if (failed) {
        free(bytes);
        return NULL;
    }
    *size = used;
    return bytes;
}

/* The suite's folder: the parent of the "cases" folder above the case. */
static int suite_root(char *out, size_t size, const char *case_path)
{
    char full[PATH_MAX];
    if (!realpath(case_path, full))
        return 0;
    for (char *slash = strrchr(full, '/'); slash && slash != full;
         slash = strrchr(full, '/')) {
        *slash = '\0';
        const char *base = strrchr(full, '/');
        if (base && strcmp(base + 1, "cases") == 0) {
            *(char *)base = '\0';
            snprintf(out, size, "%s", full);
            return 1;
        }
    }
    return 0;
}

/* One plan file: inline text under key, or a file under key_file. */
static int plan_file(const json_t *plan, const char *key, const char *root, char **out,
                     size_t *size, const char *case_path)
{
    char file_key[32];
    snprintf(file_key, sizeof file_key, "%s_file", key);
    const char *text = json_string_value(json_object_get(plan, key));
    const char *name = json_string_value(json_object_get(plan, file_key));
    *out = NULL;
    *size = 0;
    if (text) {
        *size = strlen(text);
        *out = malloc(*size + 1);
        if (*out)
            memcpy(*out, text, *size + 1);
        return *out != NULL;
    }
    if (!name)
        return 1; /* none */
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/%s", root, name);
    *out = read_all(path, size);
    if (!*out)
        fprintf(stderr, "%s: cannot read %s\n", case_path, path);
    return *out != NULL;
}

json_t *case_load(const char *path, char **structure, size_t *structure_size,
                  char **progress, size_t *progress_size)
{
    json_error_t error;
    json_t *c = json_load_file(path, 0, &error);
    if (!c) {
        fprintf(stderr, "%s:%d:%d: %s\n", path, error.line, error.column, error.text);
        return NULL;
    }
    char root[PATH_MAX];
    const json_t *plan = json_object_get(c, "plan");
    if (!json_is_object(plan) || !json_is_string(json_object_get(c, "id")) ||
        !json_is_array(json_object_get(c, "rules")) ||
        !json_is_object(json_object_get(c, "expect")) ||
        !suite_root(root, sizeof root, path)) {
        fprintf(stderr, "%s: not a case (id, rules, plan, expect; below cases/)\n", path);
        json_decref(c);
        return NULL;
    }
    int read = plan_file(plan, "structure", root, structure, structure_size, path) &&
               plan_file(plan, "progress", root, progress, progress_size, path);
    if (read && !*structure)
        fprintf(stderr, "%s: the plan has no structure file\n", path);
    if (!read || !*structure) {
        free(*structure);
        free(*progress);
        json_decref(c);
        return NULL;
    }
    /* A plan's scale column names a file relative to the suite's folder,
     * where the case is run from (result_of()). */
    json_object_set_new(c, "_root", json_string(root));
    return c;
}
