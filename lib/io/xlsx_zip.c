/* A workbook's zip, read from memory by minizip through a stream of our
 * own (minizip reads files; the bytes are already here), and a part
 * inflated chunk by chunk against a budget: the bytes actually inflated
 * are counted, never the sizes the zip declares, so that no part can
 * inflate past what the reader allows (a zip bomb). */
#include "io/xlsx_read.h"
#include "util/error.h"
#include "kpi/xlsx.h"

#include <stdio.h>
#include <string.h>
#include <unzip.h>

/* ---- The memory stream minizip reads ------------------------------------ */

/* The stream is the zip itself: minizip opens it once per unzOpen2_64(). */
static voidpf ZCALLBACK memory_open(voidpf opaque, const void *name, int mode)
{
    (void)name;
    if ((mode & ZLIB_FILEFUNC_MODE_READWRITEFILTER) != ZLIB_FILEFUNC_MODE_READ)
        return NULL;
    kpi__xlsx_zip *zip = opaque;
    zip->position = 0;
    return zip;
}

static uLong ZCALLBACK memory_read(voidpf opaque, voidpf stream, void *buf, uLong size)
{
    (void)opaque;
    kpi__xlsx_zip *zip = stream;
    uint64_t left = zip->position < zip->size ? zip->size - zip->position : 0;
    if ((uint64_t)size > left)
        size = (uLong)left;
    memcpy(buf, zip->bytes + zip->position, size);
    zip->position += size;
    return size;
}

static uLong ZCALLBACK memory_write(voidpf opaque, voidpf stream, const void *buf,
                                    uLong size)
{
    (void)opaque, (void)stream, (void)buf, (void)size;
    return 0; /* read only */
}

static ZPOS64_T ZCALLBACK memory_tell(voidpf opaque, voidpf stream)
{
    (void)opaque;
    return ((kpi__xlsx_zip *)stream)->position;
}

/* Seeks within the bytes only: a zip whose offsets point outside them is
 * damaged, and minizip then says so. */
static long ZCALLBACK memory_seek(voidpf opaque, voidpf stream, ZPOS64_T offset,
                                  int origin)
{
    (void)opaque;
    kpi__xlsx_zip *zip = stream;
    uint64_t base = origin == ZLIB_FILEFUNC_SEEK_SET   ? 0
                    : origin == ZLIB_FILEFUNC_SEEK_CUR ? zip->position
                                                       : zip->size;
    if (origin != ZLIB_FILEFUNC_SEEK_SET && origin != ZLIB_FILEFUNC_SEEK_CUR &&
        origin != ZLIB_FILEFUNC_SEEK_END)
        return -1;
    if (offset > zip->size || base > zip->size - offset)
        return -1;
    zip->position = base + offset;
    return 0;
}

static int ZCALLBACK memory_close(voidpf opaque, voidpf stream)
{
    (void)opaque, (void)stream;
    return 0;
}

static int ZCALLBACK memory_error(voidpf opaque, voidpf stream)
{
    (void)opaque, (void)stream;
    return 0;
}

/* ---- The zip ------------------------------------------------------------ */

int kpi__xlsx_zip_open(kpi__xlsx_zip *zip, const char *file, const char *bytes,
                       size_t size, uint64_t limit)
{
    *zip = (kpi__xlsx_zip){.file = file, .bytes = bytes, .size = size};
    zip->budget = zip->limit = limit;
    zlib_filefunc64_def calls = {memory_open, memory_read,  memory_write, memory_tell,
                                 memory_seek, memory_close, memory_error, zip};
    zip->unz = unzOpen2_64(file, &calls);
    /* A zip cut short may still show minizip a directory, of parts that
     * are not there: its first entry must be readable. */
    if (zip->unz && unzGoToFirstFile(zip->unz) == UNZ_OK)
        return KPI_OK;
    kpi__xlsx_zip_close(zip);
    return kpi__error_at(KPI_ERR_PARSE, file, 0, 0,
                         "%s: not a workbook: the file is no zip archive, or a damaged "
                         "or empty one",
                         file);
}

void kpi__xlsx_zip_close(kpi__xlsx_zip *zip)
{
    if (zip->unz)
        unzClose(zip->unz);
    zip->unz = NULL;
}

int kpi__xlsx_zip_has(kpi__xlsx_zip *zip, const char *part)
{
    return unzLocateFile(zip->unz, part, 1) == UNZ_OK;
}

static int damaged(const kpi__xlsx_zip *zip, const char *part, int code)
{
    return kpi__error_at(KPI_ERR_PARSE, zip->file, 0, 0,
                         "%s: %s: the part is damaged (%s)", zip->file, part,
                         code == UNZ_CRCERROR ? "its checksum does not match"
                                              : "it cannot be inflated");
}

static int over_budget(const kpi__xlsx_zip *zip, const char *part)
{
    return kpi__error_at(KPI_ERR_LIMIT, zip->file, 0, 0,
                         "%s: %s: the workbook's parts hold more than the limit of "
                         "%llu bytes uncompressed",
                         zip->file, part, (unsigned long long)zip->limit);
}

/* A part that says it is larger than what is left is refused before it is
 * inflated (a fast answer, not the safeguard: the count below is). */
static int declared_over(kpi__xlsx_zip *zip)
{
    unz_file_info64 info;
    if (unzGetCurrentFileInfo64(zip->unz, &info, NULL, 0, NULL, 0, NULL, 0) != UNZ_OK)
        return 0;
    return info.uncompressed_size > zip->budget;
}

/* Inflates the open part into sink. */
static int inflate_into(kpi__xlsx_zip *zip, const char *part, kpi__xlsx_sink sink,
                        void *context)
{
    char chunk[16384];
    for (;;) {
        int n = unzReadCurrentFile(zip->unz, chunk, sizeof chunk);
        if (n < 0)
            return damaged(zip, part, n);
        if (n == 0)
            return sink(context, chunk, 0, 1);
        if ((uint64_t)n > zip->budget)
            return over_budget(zip, part);
        zip->budget -= (uint64_t)n;
        int rc = sink(context, chunk, (size_t)n, 0);
        if (rc != KPI_OK)
            return rc;
    }
}

int kpi__xlsx_zip_read(kpi__xlsx_zip *zip, const char *part, kpi__xlsx_sink sink,
                       void *context)
{
    if (!kpi__xlsx_zip_has(zip, part))
        return kpi__error_at(KPI_ERR_PARSE, zip->file, 0, 0,
                             "%s: not a workbook: it has no part %s", zip->file, part);
    if (declared_over(zip))
        return over_budget(zip, part);
    int rc = unzOpenCurrentFile(zip->unz);
    if (rc != UNZ_OK)
        return damaged(zip, part, rc);
    rc = inflate_into(zip, part, sink, context);
    int closed = unzCloseCurrentFile(zip->unz);
    if (rc == KPI_OK && closed != UNZ_OK)
        rc = damaged(zip, part, closed);
    return rc;
}
