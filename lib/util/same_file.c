/* Whether two paths name the same file (same_file.h). */
#define _POSIX_C_SOURCE 200809L

#include "util/same_file.h"
#include "util/alloc.h"
#include "util/error.h"

#include <string.h>
#include <sys/stat.h>

/* The last component of path, and the length of what comes before it. */
static const char *base_name(const char *path, size_t *dir_length)
{
    const char *slash = strrchr(path, '/');
    *dir_length = slash ? (size_t)(slash - path) + 1 : 0;
    return slash ? slash + 1 : path;
}

/* stat() of the directory part of path ("." when it has none): 0, -1 when
 * it cannot be examined, or KPI_ERR_NOMEM (recorded). */
static int stat_directory(const char *path, size_t dir_length, struct stat *st)
{
    if (dir_length == 0)
        return stat(".", st);
    char *dir = kpi__malloc(dir_length + 1);
    if (!dir)
        return kpi__error_nomem();
    memcpy(dir, path, dir_length);
    dir[dir_length] = '\0';
    int rc = stat(dir, st) == 0 ? 0 : -1;
    kpi__free(dir);
    return rc;
}

int kpi__same_file(const char *a, const char *b)
{
    if (strcmp(a, b) == 0)
        return 1;
    size_t a_dir, b_dir;
    const char *a_base = base_name(a, &a_dir), *b_base = base_name(b, &b_dir);
    /* "." and ".." name directories, which no writer replaces. */
    if (strcmp(a_base, b_base) != 0 || !*a_base || !strcmp(a_base, ".") ||
        !strcmp(a_base, ".."))
        return 0;
    struct stat sa, sb;
    int rc = stat_directory(a, a_dir, &sa);
    if (rc == 0)
        rc = stat_directory(b, b_dir, &sb);
    if (rc == KPI_ERR_NOMEM)
        return rc;
    return rc == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}
