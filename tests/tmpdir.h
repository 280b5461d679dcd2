/* Pointing TMPDIR (where libkpi makes its temporary workbooks) at another
 * directory for a test, and back. */
#ifndef KPI_TESTS_TMPDIR_H
#define KPI_TESTS_TMPDIR_H

/* Sets TMPDIR to directory; returns what it was (NULL when unset), for
 * tmpdir_restore(). Aborts the program when it cannot be set. */
char *tmpdir_set(const char *directory);

/* Sets TMPDIR back to saved (unsets it for NULL) and frees saved. */
void tmpdir_restore(char *saved);

#endif
