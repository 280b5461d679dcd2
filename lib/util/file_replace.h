/* Internal: replacing a file only once its new content is whole. The
 * content is written to a new file beside the destination (the same
 * directory, so the same file system), synced, and renamed over it, which
 * POSIX makes atomic: readers see the old file or the new one, never a
 * part, even after a crash. kpi_file_write() writes bytes at once this
 * way; kpi_evaluation_write() a report as it is rendered. */
#ifndef KPI_LIB_FILE_REPLACE_H
#define KPI_LIB_FILE_REPLACE_H

#include <stddef.h>

typedef struct kpi__file_replace {
    const char *path; /* the destination, borrowed */
    char *temporary;  /* the new file's name */
    void *file;       /* its FILE * */
    int write_errno;  /* the errno of the first failed write, or 0 */
} kpi__file_replace;

/* Creates the new file beside path. KPI_OK, or KPI_ERR_IO (naming path
 * and why) or KPI_ERR_NOMEM, recorded, with nothing created. */
int kpi__file_replace_begin(kpi__file_replace *r, const char *path);

/* Appends n bytes to the new file; 0 once a write has failed (the error
 * is reported by kpi__file_replace_end()). */
int kpi__file_replace_write(kpi__file_replace *r, const void *data, size_t n);

/* With ok set, syncs the new file and renames it over the destination;
 * otherwise, or when that fails, removes it and leaves the destination as
 * it was. Returns KPI_OK, or KPI_ERR_IO naming the path and why (recorded;
 * not when ok was 0: the caller has its own error then). */
int kpi__file_replace_end(kpi__file_replace *r, int ok);

#endif
