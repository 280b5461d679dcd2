/* kpi_file_write(): replacing a file only once its new content is whole.
 * The new content goes to a file beside the destination (same directory,
 * so the same file system) and rename() swaps it in, which POSIX makes
 * atomic: readers see the old file or the new one, never a part. */
#define _POSIX_C_SOURCE 200809L /* fdopen, fsync, getpid */

#include "util/alloc.h"
#include "util/error.h"
#include "kpi/file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* Creates a new file beside path with a name no one else uses; O_EXCL
 * makes the check and the creation one step. */
static FILE *create_temporary(char *name, size_t size, const char *path)
{
    for (unsigned attempt = 0; attempt < 100; attempt++) {
        snprintf(name, size, "%s.tmp-%ld-%lx-%u", path, (long)getpid(),
                 (unsigned long)clock() ^ (unsigned long)(uintptr_t)name, attempt);
        int fd = open(name, O_WRONLY | O_CREAT | O_EXCL, 0666);
        if (fd >= 0) {
            FILE *f = fdopen(fd, "wb");
            if (!f)
                close(fd);
            return f;
        }
        if (errno != EEXIST)
            return NULL;
    }
    return NULL;
}

int kpi_file_write(const char *path, const void *data, size_t size)
{
    if (!path)
        return kpi__error_null("kpi_file_write", "path");
    if (!data && size)
        return kpi__error_null("kpi_file_write", "data");
    size_t name_size = strlen(path) + 64;
    char *name = kpi__malloc(name_size);
    if (!name)
        return KPI_ERR_NOMEM;
    FILE *f = create_temporary(name, name_size, path);
    if (!f) {
        int rc = kpi__error_at(KPI_ERR_IO, path, 0, 0,
                               "%s: cannot create a file beside it: %s", path,
                               strerror(errno));
        kpi__free(name);
        return rc;
    }
    int ok = fwrite(data, 1, size, f) == size;
    ok = fflush(f) == 0 && ok;
    ok = fsync(fileno(f)) == 0 && ok;
    ok = fclose(f) == 0 && ok;
    int rc = KPI_OK;
    if (!ok || rename(name, path) != 0) {
        rc = kpi__error_at(KPI_ERR_IO, path, 0, 0, "%s: cannot write: %s", path,
                           strerror(errno));
        remove(name);
    }
    kpi__free(name);
    return rc;
}
