/* Internal: whether two paths a writer was given name the same file, so
 * that writing the second cannot replace what the first just wrote. */
#ifndef KPI_LIB_SAME_FILE_H
#define KPI_LIB_SAME_FILE_H

/* 1 when a and b are the same path once their directories are resolved:
 * the same name in the same directory (compared by device and inode, so
 * "x.csv", "./x.csv" and "/abs/x.csv" agree, and so do two names of one
 * directory); 0 otherwise, and when a directory cannot be examined (the
 * write then fails there with its own error). The files themselves need
 * not exist: a writer replaces a name by rename(), which replaces a link
 * rather than what it points to, so only the name in its directory counts.
 * KPI_ERR_NOMEM (recorded) when a directory's name cannot be copied: the
 * caller must not write then, not knowing. */
int kpi__same_file(const char *a, const char *b);

#endif
