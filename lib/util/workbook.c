#define _POSIX_C_SOURCE 200809L /* mkstemp */

/* Workbooks made with libxlsxwriter, handed over as bytes (workbook.h). */
#include "util/workbook.h"
#include "util/alloc.h"
#include "util/date.h"
#include "util/error.h"
#include "util/number.h"
#include "util/utf8.h"
#include "kpi/error.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *temporary_directory(void)
{
    const char *dir = getenv("TMPDIR");
    return dir && *dir ? dir : "/tmp";
}

int kpi__workbook_new(kpi__workbook *w)
{
    *w = (kpi__workbook){0};
    const char *dir = temporary_directory();
    size_t size = strlen(dir) + 32;
    w->path = kpi__malloc(size);
    if (!w->path)
        return KPI_ERR_NOMEM;
    snprintf(w->path, size, "%s/libkpi-XXXXXX", dir);
    int fd = mkstemp(w->path);
    if (fd < 0) {
        int rc = kpi__error_system(errno, dir, "cannot create a temporary file in");
        kpi__free(w->path);
        w->path = NULL;
        return rc;
    }
    close(fd);
    /* libxlsxwriter's own temporary files (a sheet's rows) go to the same
     * directory. */
    lxw_workbook_options options = {.constant_memory = 0, .tmpdir = (char *)dir};
    w->book = workbook_new_opt(w->path, &options);
    if (!w->book) {
        remove(w->path);
        kpi__free(w->path);
        w->path = NULL;
        return kpi__error_nomem();
    }
    return KPI_OK;
}

/* The temporary file's bytes, NUL-terminated. */
static int read_back(const char *path, char **out, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return kpi__error_system(errno, path, "cannot read the workbook back from");
    char *bytes = NULL;
    size_t used = 0, capacity = 0;
    int rc = KPI_OK;
    for (;;) {
        if (capacity - used < 65536) {
            capacity = capacity ? capacity * 2 : 262144;
            char *grown = kpi__realloc(bytes, capacity + 1);
            if (!grown) {
                rc = KPI_ERR_NOMEM;
                break;
            }
            bytes = grown;
        }
        size_t n = fread(bytes + used, 1, capacity - used, f);
        used += n;
        if (n == 0)
            break;
    }
    if (rc == KPI_OK && ferror(f))
        rc = kpi__error_system(errno ? errno : EIO, path,
                               "cannot read the workbook back from");
    fclose(f);
    if (rc != KPI_OK) {
        kpi__free(bytes);
        return rc;
    }
    bytes[used] = '\0';
    *out = bytes;
    *size = used;
    return KPI_OK;
}

/* libxlsxwriter dates a workbook with gmtime(), whose result is shared by
 * every thread: two workbooks closed at once would race on it. */
static pthread_mutex_t closing = PTHREAD_MUTEX_INITIALIZER;

int kpi__workbook_close(kpi__workbook *w, int ok, char **out, size_t *size)
{
    kpi__c_numeric locale;
    kpi__c_numeric_enter(&locale);
    pthread_mutex_lock(&closing);
    lxw_error closed = workbook_close(w->book);
    pthread_mutex_unlock(&closing);
    kpi__c_numeric_leave(&locale);
    w->book = NULL;
    int rc = KPI_OK;
    if (ok && closed != LXW_NO_ERROR)
        rc = kpi__workbook_error(closed, "closing the workbook");
    else if (ok)
        rc = read_back(w->path, out, size);
    remove(w->path);
    kpi__free(w->path);
    w->path = NULL;
    return ok ? rc : KPI_OK;
}

int kpi__workbook_error(lxw_error error, const char *what)
{
    int code = error == LXW_ERROR_MEMORY_MALLOC_FAILED ? KPI_ERR_NOMEM
               : error == LXW_ERROR_CREATING_XLSX_FILE ||
                       error == LXW_ERROR_CREATING_TMPFILE ||
                       error == LXW_ERROR_ZIP_FILE_OPERATION ||
                       error == LXW_ERROR_ZIP_FILE_ADD || error == LXW_ERROR_ZIP_CLOSE
                   ? KPI_ERR_IO
                   : KPI_ERR_LIMIT;
    return kpi__error(code, "workbook: %s: %s", what, lxw_strerror(error));
}

size_t kpi__workbook_text_units(const char *text)
{
    size_t units = 0;
    for (const unsigned char *p = (const unsigned char *)text;
         *p && units <= KPI__XLSX_MAX_TEXT; p++) {
        if ((*p & 0xC0) != 0x80) /* a character starts: one unit, two past U+FFFF */
            units += *p >= 0xF0 ? 2 : 1;
    }
    return units;
}

static int hex_digit(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* "_xHHHH_" at s (n bytes left). */
static int excel_escape_at(const char *s, size_t n)
{
    return n >= 7 && s[0] == '_' && s[1] == 'x' && hex_digit(s[2]) && hex_digit(s[3]) &&
           hex_digit(s[4]) && hex_digit(s[5]) && s[6] == '_';
}

/* How the character at s (len bytes decoded as cp; len 0: a bad byte) is
 * written: NULL as it is, else its replacement. */
static const char *replacement(const char *s, size_t n, uint32_t cp, size_t len)
{
    if (!len)
        return "\xEF\xBF\xBD";
    if (cp == 0xFFFE)
        return "_xFFFE_";
    if (cp == 0xFFFF)
        return "_xFFFF_";
    return cp == '_' && excel_escape_at(s, n) ? "_x005F_" : NULL;
}

const char *kpi__workbook_text(kpi__strbuf *scratch, const char *text)
{
    size_t n = strlen(text), i = 0, len;
    uint32_t cp = 0;
    for (; i < n; i += len ? len : 1) {
        len = kpi__utf8_decode(text + i, n - i, &cp);
        if (replacement(text + i, n - i, cp, len))
            break;
    }
    if (i == n)
        return text;
    scratch->length = 0;
    kpi__strbuf_append_n(scratch, text, i);
    for (; i < n; i += len ? len : 1) {
        len = kpi__utf8_decode(text + i, n - i, &cp);
        const char *r = replacement(text + i, n - i, cp, len);
        if (r)
            kpi__strbuf_append(scratch, r);
        else
            kpi__strbuf_append_n(scratch, text + i, len);
    }
    kpi__strbuf_append(scratch, "");
    return scratch->failed ? NULL : scratch->data;
}

int kpi__workbook_datetime(lxw_datetime *out, int32_t date)
{
    if (date < KPI__XLSX_FIRST_DATE)
        return 0;
    *out = (lxw_datetime){date / 10000, date / 100 % 100, date % 100, 0, 0, 0};
    return 1;
}

time_t kpi__workbook_created(int32_t date)
{
    if (date <= 0)
        return 0;
    time_t seconds =
        (time_t)(kpi__date_to_days(date) - kpi__date_to_days(19700101)) * 86400;
    return seconds ? seconds : 1; /* 1970-01-01 itself: 0 would say "now" */
}
