#define _POSIX_C_SOURCE 200809L /* setenv, strdup */

#include "tmpdir.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *tmpdir_set(const char *directory)
{
    const char *previous = getenv("TMPDIR");
    char *saved = previous ? strdup(previous) : NULL;
    if ((previous && !saved) || setenv("TMPDIR", directory, 1) != 0) {
        fprintf(stderr, "cannot set TMPDIR to %s\n", directory);
        abort();
    }
    return saved;
}

void tmpdir_restore(char *saved)
{
    if (saved)
        setenv("TMPDIR", saved, 1);
    else
        unsetenv("TMPDIR");
    free(saved);
}
