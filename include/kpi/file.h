/**
 * @file kpi/file.h
 * @brief Writing a file whole or not at all.
 */
#ifndef KPI_FILE_H
#define KPI_FILE_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief Writes bytes to a file the way the plan-file writers do: into a
 *        new file beside @p path, renamed over it only once complete, so
 *        that @p path is either untouched or whole (for a rendered report,
 *        say).
 * @param path the file to write. Not NULL.
 * @param data the bytes; only read. NULL only when @p size is 0.
 * @param size their number.
 * @return #KPI_OK; #KPI_ERR_ARGUMENT when @p path is NULL, or @p data is
 *         NULL with a non-zero @p size; #KPI_ERR_IO when the file cannot
 *         be created, written, synced or renamed; #KPI_ERR_NOMEM.
 */
KPI_EXTERN int kpi_file_write(const char *path, const void *data, size_t size);

#ifdef __cplusplus
}
#endif

#endif /* KPI_FILE_H */
