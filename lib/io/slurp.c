#define _POSIX_C_SOURCE 200809L /* fileno */
/* Reading a whole file into memory: see io/slurp.h. */
#include "io/slurp.h"
#include "kpi/csv.h"
#include "util/alloc.h"
#include "util/error.h"

#include <errno.h>
#include <stdio.h>
#include <sys/stat.h>

static int too_large(const char *path)
{
    return kpi__error_at(KPI_ERR_LIMIT, path, 0, 0,
                         "%s: the file is larger than the limit of %d bytes", path,
                         KPI_MAX_FILE);
}

int kpi__slurp(char **out, size_t *size, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return kpi__error_system(errno, path, "cannot open");
    /* A regular file's size is known before reading: refuse a large one
     * without first allocating for it. (Pipes are bounded as they are read.)
     * A directory opens, then fails to read: say what it is. */
    struct stat st;
    int known = fstat(fileno(f), &st) == 0;
    int regular = known && S_ISREG(st.st_mode);
    if (known && S_ISDIR(st.st_mode)) {
        fclose(f);
        return kpi__error_system(EISDIR, path, "cannot read");
    }
    if (regular && st.st_size > KPI_MAX_FILE) {
        fclose(f);
        return too_large(path);
    }
    char *data = NULL;
    size_t length = 0, capacity = 0;
    /* A regular file's buffer is allocated once, at its size (+1 to see
     * the end without growing). */
    if (regular && st.st_size > 0) {
        capacity = (size_t)st.st_size + 1;
        data = kpi__malloc(capacity + 1);
        if (!data) {
            fclose(f);
            return KPI_ERR_NOMEM;
        }
    }
    int rc = KPI_OK;
    for (;;) {
        /* One byte past the limit is enough to know a file is too large. */
        if (length == capacity) {
            if (length > (size_t)KPI_MAX_FILE) {
                rc = too_large(path);
                break;
            }
            capacity = capacity ? capacity * 2 : 65536;
            if (capacity > (size_t)KPI_MAX_FILE + 1)
                capacity = (size_t)KPI_MAX_FILE + 1;
            char *grown = kpi__realloc(data, capacity + 1);
            if (!grown) {
                rc = KPI_ERR_NOMEM;
                break;
            }
            data = grown;
        }
        errno = 0;
        size_t n = fread(data + length, 1, capacity - length, f);
        length += n;
        if (n == 0) {
            if (ferror(f))
                rc = kpi__error_system(errno ? errno : EIO, path, "cannot read");
            break;
        }
    }
    if (rc == KPI_OK && length > (size_t)KPI_MAX_FILE)
        rc = too_large(path);
    fclose(f);
    if (rc != KPI_OK) {
        kpi__free(data);
        return rc;
    }
    *out = data;
    *size = length;
    return KPI_OK;
}
