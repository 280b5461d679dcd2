/* The thread-local last error. Each thread has its own record, so a
 * binding can read it with plain getters right after a failing call without
 * any other thread overwriting it. */
#include "util/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static _Thread_local kpi__error_record last;

#if defined(__GNUC__)
__attribute__((format(printf, 5, 0)))
#endif
static void
record(int code, const char *source, int32_t line, int32_t column, const char *fmt,
       va_list ap)
{
    last.code = code;
    last.sys_errno = 0;
    last.line = line;
    last.column = column;
    snprintf(last.source, sizeof last.source, "%s", source ? source : "");
    vsnprintf(last.message, sizeof last.message, fmt, ap);
    kpi__utf8_trim_end(last.message);
    kpi__utf8_trim_end(last.source);
}

void kpi__utf8_trim_end(char *s)
{
    size_t n = strlen(s);
    size_t start = n;
    /* Step back over continuation bytes to the last lead byte. */
    while (start > 0 && ((unsigned char)s[start - 1] & 0xC0) == 0x80)
        start--;
    if (start == 0)
        return;
    unsigned char lead = (unsigned char)s[start - 1];
    size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    if (n - (start - 1) < need)
        s[start - 1] = '\0';
}

const char *kpi__clip(char buf[KPI__CLIP_SIZE], const char *text)
{
    size_t n = strlen(text);
    if (n <= KPI__CLIP_BYTES) {
        memcpy(buf, text, n + 1);
        return buf;
    }
    memcpy(buf, text, KPI__CLIP_BYTES);
    buf[KPI__CLIP_BYTES] = '\0';
    kpi__utf8_trim_end(buf);
    strcat(buf, "\xE2\x80\xA6"); /* … */
    return buf;
}

int kpi__error_keep(kpi__error_record *kept, int rc)
{
    if (rc != KPI_OK)
        *kept = last;
    return rc;
}

void kpi__error_forget(kpi__error_record *kept)
{
    kept->code = KPI_OK;
    kept->line = kept->column = 0;
    kept->sys_errno = 0;
    kept->source[0] = kept->message[0] = '\0';
}

int kpi__error(int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    record(code, NULL, 0, 0, fmt, ap);
    va_end(ap);
    return code;
}

int kpi__error_at(int code, const char *source, int32_t line, int32_t column,
                  const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    record(code, source, line, column, fmt, ap);
    va_end(ap);
    return code;
}

int kpi__error_system(int sys_errno, const char *path, const char *what)
{
    kpi__error_at(KPI_ERR_IO, path, 0, 0, "%s: %s: %s", path, what, strerror(sys_errno));
    last.sys_errno = sys_errno;
    return KPI_ERR_IO;
}

int kpi__error_null(const char *function, const char *argument)
{
    return kpi__error(KPI_ERR_ARGUMENT, "%s: %s must not be NULL", function, argument);
}

int kpi__error_nomem(void)
{
    return kpi__error(KPI_ERR_NOMEM, "out of memory");
}

int kpi_error_code(void)
{
    return last.code;
}

const char *kpi_error_message(void)
{
    return last.message;
}

const char *kpi_error_source(void)
{
    return last.source;
}

int kpi_error_system_errno(void)
{
    return last.sys_errno;
}

int32_t kpi_error_line(void)
{
    return last.line;
}

int32_t kpi_error_column(void)
{
    return last.column;
}

void kpi_error_clear(void)
{
    memset(&last, 0, sizeof last);
}

const char *kpi_error_name(int code)
{
    static const char *const names[] = {
        "KPI_OK",         "KPI_ERR_NOMEM",     "KPI_ERR_ARGUMENT",
        "KPI_ERR_RANGE",  "KPI_ERR_NOT_FOUND", "KPI_ERR_DUPLICATE",
        "KPI_ERR_VALUE",  "KPI_ERR_DATE",      "KPI_ERR_PARSE",
        "KPI_ERR_IO",     "KPI_ERR_ENCODING",  "KPI_ERR_LIMIT",
        "KPI_ERR_MISUSE",
    };
    /* (Compared without negating code: -INT_MIN overflows.) */
    if (code > 0 || code <= -(int)(sizeof names / sizeof names[0]))
        return "KPI_ERR_UNKNOWN";
    return names[-code];
}
