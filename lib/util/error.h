/* Internal: recording the thread-local last error, and keeping a copy of
 * it on the object a call failed on. */
#ifndef KPI_LIB_ERROR_H
#define KPI_LIB_ERROR_H

#include "kpi/error.h"

#define KPI__ERROR_MESSAGE_SIZE 2048
#define KPI__ERROR_SOURCE_SIZE 1024

/* An error: the thread's last one, or the copy an object keeps. */
typedef struct kpi__error_record {
    int code;
    int32_t line;
    int32_t column;
    int sys_errno; /* the errno behind a KPI_ERR_IO, or 0 */
    char source[KPI__ERROR_SOURCE_SIZE];
    char message[KPI__ERROR_MESSAGE_SIZE];
} kpi__error_record;

/* When rc is an error, copies the thread's last error (which the failing
 * call recorded) into *kept; returns rc, so that a public function can end
 * with `return kpi__error_keep(&plan->error, rc);`. */
int kpi__error_keep(kpi__error_record *kept, int rc);

/* Forgets a kept error (after a successful read, say). */
void kpi__error_forget(kpi__error_record *kept);

/* Records code and a printf-style message as the calling thread's last
 * error, with no position, and returns code so that callers can write
 * `return kpi__error(KPI_ERR_VALUE, "...", ...)`. */
int kpi__error(int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* As kpi__error(), with the source name, line and column where it was found
 * (0 for an unknown line or column). */
int kpi__error_at(int code, const char *source, int32_t line, int32_t column,
                  const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

/* A failed call to the system on path: KPI_ERR_IO with path as the
 * source, the message "<path>: <what>: <strerror(sys_errno)>", and
 * sys_errno kept for kpi_error_system_errno(). Returns KPI_ERR_IO. */
int kpi__error_system(int sys_errno, const char *path, const char *what);

/* The usual NULL-argument error, naming the function and the argument. */
int kpi__error_null(const char *function, const char *argument);

/* The usual allocation-failure error. */
int kpi__error_nomem(void);

/* Cuts s (a NUL-terminated string that may have been truncated by
 * snprintf) back to its last complete UTF-8 character, so that messages
 * stay valid UTF-8 for every binding that decodes them. */
void kpi__utf8_trim_end(char *s);

/* Copies at most KPI__CLIP_BYTES bytes of text into buf, cut at a
 * character boundary, with "…" appended when something was cut: for
 * quoting user text in messages. Returns buf. */
#define KPI__CLIP_BYTES 64
#define KPI__CLIP_SIZE (KPI__CLIP_BYTES + 4)
const char *kpi__clip(char buf[KPI__CLIP_SIZE], const char *text);

#endif
