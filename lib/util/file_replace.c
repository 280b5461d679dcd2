/* Replacing a file only once its new content is whole (file_replace.h). */
#define _POSIX_C_SOURCE 200809L /* fdopen, fsync, getpid */

#include "util/file_replace.h"
#include "util/alloc.h"
#include "util/error.h"
#include "kpi/error.h"

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

int kpi__file_replace_begin(kpi__file_replace *r, const char *path)
{
    *r = (kpi__file_replace){.path = path};
    size_t name_size = strlen(path) + 64;
    r->temporary = kpi__malloc(name_size);
    if (!r->temporary)
        return KPI_ERR_NOMEM;
    r->file = create_temporary(r->temporary, name_size, path);
    if (r->file)
        return KPI_OK;
    int rc = kpi__error_system(errno, path, "cannot create a file beside it");
    kpi__free(r->temporary);
    r->temporary = NULL;
    return rc;
}

int kpi__file_replace_write(kpi__file_replace *r, const void *data, size_t n)
{
    if (r->write_errno)
        return 0;
    if (n && fwrite(data, 1, n, r->file) != n) {
        r->write_errno = errno ? errno : EIO;
        return 0;
    }
    return 1;
}

int kpi__file_replace_end(kpi__file_replace *r, int ok)
{
    FILE *f = r->file;
    int err = r->write_errno;
    if (!err && fflush(f) != 0)
        err = errno;
    if (!err && fsync(fileno(f)) != 0)
        err = errno;
    if (fclose(f) != 0 && !err)
        err = errno;
    if (ok && !err && rename(r->temporary, r->path) != 0)
        err = errno;
    int rc = KPI_OK;
    if (ok && err)
        rc = kpi__error_system(err, r->path, "cannot write");
    if (!ok || err)
        remove(r->temporary);
    kpi__free(r->temporary);
    *r = (kpi__file_replace){0};
    return rc;
}
