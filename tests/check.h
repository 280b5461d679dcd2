/* Assertions the test programs share, for the calls that return a borrowed
 * object (NULL on error, with the last error set). Include after cmocka.h. */
#ifndef KPI_TESTS_CHECK_H
#define KPI_TESTS_CHECK_H

#include "kpi.h"

/* The call returns NULL and records code as the thread's last error. */
#define REFUSED_NULL(code, call)                                                         \
    do {                                                                                 \
        kpi_error_clear();                                                               \
        const void *made_ = (call);                                                      \
        assert_null(made_);                                                              \
        assert_int_equal(kpi_error_code(), (code));                                      \
    } while (0)

/* In a function returning a kpi_error code: returns the last error when the
 * call gives NULL. */
#define TRY_MADE(call)                                                                   \
    do {                                                                                 \
        if (!(call))                                                                     \
            return kpi_error_code();                                                     \
    } while (0)

#endif
