/*
 * test_render_write.c: kpi_evaluation_write() writes into a file exactly
 * the bytes kpi_evaluation_render() gives, in every format and language,
 * also for reports large enough to be written in several pieces (JSON and
 * CSV are handed out every few MiB as they are rendered); and on any error
 * (bad arguments, a directory that does not exist, a write that fails half
 * way, a file the system cannot sync to disk, a rename refused) the file is
 * left as it was and nothing of the new one remains; kpi_file_write() too
 * when the file cannot be synced. fsync() fails on request: the linker
 * sends libkpi's calls to __wrap_fsync() (tests/unit.cmake).
 * Run from the repository root (ctest does).
 */
#define _POSIX_C_SOURCE 200809L

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kpi.h"
#include "seed.h"

#define AS_OF 20170930

static int refuse_sync; /* fsync() fails while set */
static int sync_attempts;

int __real_fsync(int fd);
int __wrap_fsync(int fd);

int __wrap_fsync(int fd)
{
    sync_attempts++;
    if (refuse_sync) {
        errno = EIO;
        return -1;
    }
    return __real_fsync(fd);
}

static char *read_all(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *data = NULL;
    size_t n = 0, cap = 0, got;
    do {
        if (n == cap) {
            cap = cap ? cap * 2 : 65536;
            data = realloc(data, cap);
            assert_non_null(data);
        }
        got = fread(data + n, 1, cap - n, f);
        n += got;
    } while (got);
    fclose(f);
    *size = n;
    return data;
}

static void write_all(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

/* How many entries the directory holds besides . and .. */
static int entries(const char *dir)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    int n = 0;
    for (struct dirent *e; (e = readdir(d)) != NULL;)
        n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
    closedir(d);
    return n;
}

/* A new directory (its name in dir, room for 32 bytes) and the path of a
 * file "report" in it (in path, room for 64 bytes). */
static void new_dir(char dir[32], char path[64])
{
    snprintf(dir, 32, "/tmp/kpi-write-XXXXXX");
    assert_non_null(mkdtemp(dir));
    snprintf(path, 64, "%s/report", dir);
}

/* Writes the report and checks it against the rendered one; returns its
 * size. */
static size_t same_as_render(const kpi_evaluation *ev, const char *path,
                             kpi_format format, kpi_lang lang)
{
    char *rendered = NULL;
    size_t size = 0, written_size = 0;
    assert_int_equal(kpi_evaluation_render(&rendered, &size, ev, format, lang), KPI_OK);
    assert_int_equal(kpi_evaluation_write(ev, path, format, lang), KPI_OK);
    char *written = read_all(path, &written_size);
    assert_int_equal(written_size, size);
    assert_memory_equal(written, rendered, size);
    free(written);
    kpi_free(rendered);
    return size;
}

/* A growing text (for the plan files below). */
struct text {
    char *data;
    size_t length, capacity;
};

static void add(struct text *t, const char *piece)
{
    size_t n = strlen(piece);
    if (t->length + n + 1 > t->capacity) {
        t->capacity = (t->length + n + 1) * 2;
        t->data = realloc(t->data, t->capacity);
        assert_non_null(t->data);
    }
    memcpy(t->data + t->length, piece, n + 1);
    t->length += n;
}

/* A plan whose JSON and CSV reports are more than one piece (4 MiB), read
 * from plan files made here: 40 goals of 600 targets with a figure each. */
static kpi_evaluation *large_evaluation(void)
{
    struct text s = {0}, p = {0};
    char row[160];
    add(&s, "type,code,parent,title,value\nplan,large,,大きな計画\n");
    add(&p, "code,date,value\n");
    for (int g = 0; g < 40; g++) {
        snprintf(row, sizeof row, "goal,G%d,,移住・定住の促進\n", g);
        add(&s, row);
        for (int i = 0; i < 600; i++) {
            snprintf(row, sizeof row, "target,G%d-%d,G%d,物件登録件数,30\n", g, i, g);
            add(&s, row);
            snprintf(row, sizeof row, "G%d-%d,2017-08-31,%d\n", g, i, i % 40);
            add(&p, row);
        }
    }
    kpi_reader *reader = NULL;
    kpi_plan *plan = NULL;
    kpi_evaluation *ev = NULL;
    assert_int_equal(kpi_reader_new(&reader), KPI_OK);
    assert_int_equal(
        kpi_reader_read_buffers(&plan, reader, s.data, s.length, p.data, p.length),
        KPI_OK);
    assert_int_equal(kpi_plan_set_fiscal_year(plan, 2017), KPI_OK);
    assert_int_equal(kpi_evaluate(&ev, plan, AS_OF, NULL), KPI_OK);
    kpi_plan_free(plan);
    kpi_reader_free(reader);
    free(s.data);
    free(p.data);
    return ev;
}

static void every_format_and_language(void **state)
{
    (void)state;
    char dir[32], path[64];
    new_dir(dir, path);
    kpi_evaluation *seed = seed_evaluation(AS_OF), *large = large_evaluation();
    for (int f = KPI_FORMAT_TEXT; f <= KPI_FORMAT_HTML; f++)
        for (int lang = KPI_LANG_JA; lang <= KPI_LANG_EN; lang++) {
            same_as_render(seed, path, (kpi_format)f, (kpi_lang)lang);
            /* The large reports come out in at least two pieces. */
            if (f == KPI_FORMAT_JSON || f == KPI_FORMAT_CSV)
                assert_true(same_as_render(large, path, (kpi_format)f, (kpi_lang)lang) >
                            (4u << 20) + 65536);
        }
    assert_int_equal(entries(dir), 1); /* no file left beside it */
    kpi_evaluation_free(seed);
    kpi_evaluation_free(large);
    remove(path);
    rmdir(dir);
}

static void errors_leave_the_file(void **state)
{
    (void)state;
    char dir[32], path[64], missing[96];
    new_dir(dir, path);
    snprintf(missing, sizeof missing, "%s/no-such-directory/report", dir);
    write_all(path, "old");
    kpi_evaluation *seed = seed_evaluation(AS_OF), *large = large_evaluation();

    assert_int_equal(kpi_evaluation_write(NULL, path, KPI_FORMAT_JSON, KPI_LANG_JA),
                     KPI_ERR_ARGUMENT);
    assert_int_equal(kpi_evaluation_write(seed, NULL, KPI_FORMAT_JSON, KPI_LANG_JA),
                     KPI_ERR_ARGUMENT);
    assert_non_null(strstr(kpi_error_message(), "kpi_evaluation_write"));
    assert_int_equal(kpi_evaluation_write(seed, path, (kpi_format)9, KPI_LANG_JA),
                     KPI_ERR_VALUE);
    assert_int_equal(kpi_evaluation_write(seed, path, KPI_FORMAT_JSON, (kpi_lang)7),
                     KPI_ERR_VALUE);
    assert_int_equal(kpi_evaluation_write(seed, missing, KPI_FORMAT_JSON, KPI_LANG_JA),
                     KPI_ERR_IO);
    assert_non_null(strstr(kpi_error_message(), missing));
    assert_int_equal(kpi_evaluation_write(NULL, path, KPI_FORMAT_JSON, KPI_LANG_JA),
                     KPI_ERR_ARGUMENT);
    assert_non_null(strstr(kpi_error_message(), "kpi_evaluation_write"));
    /* The report written whole, then not renamed: the path is a directory. */
    char subdir[96];
    snprintf(subdir, sizeof subdir, "%s/a-directory", dir);
    assert_int_equal(mkdir(subdir, 0700), 0);
    assert_int_equal(kpi_evaluation_write(seed, subdir, KPI_FORMAT_CSV, KPI_LANG_JA),
                     KPI_ERR_IO);
    assert_non_null(strstr(kpi_error_message(), "cannot write"));
    assert_int_equal(rmdir(subdir), 0);

    /* A write that fails half way: the file size limit is below the
     * report, so a later piece is refused (EFBIG, the signal ignored). */
    struct rlimit old, small;
    assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
    small = old;
    small.rlim_cur = 6u << 20;
    void (*handler)(int) = signal(SIGXFSZ, SIG_IGN);
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &small), 0);
    int rc = kpi_evaluation_write(large, path, KPI_FORMAT_JSON, KPI_LANG_JA);
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0);
    signal(SIGXFSZ, handler);
    assert_int_equal(rc, KPI_ERR_IO);
    assert_non_null(strstr(kpi_error_message(), "cannot write"));

    size_t size;
    char *kept = read_all(path, &size);
    assert_int_equal(size, 3);
    assert_memory_equal(kept, "old", 3);
    free(kept);
    assert_int_equal(entries(dir), 1); /* the new file removed */
    kpi_evaluation_free(seed);
    kpi_evaluation_free(large);
    remove(path);
    rmdir(dir);
}

/* The new file cannot be synced: KPI_ERR_IO naming the file and why, the
 * old bytes kept, nothing left beside them; and once it can, written. */
static void no_file_can_be_synced(void **state)
{
    (void)state;
    char dir[32], path[64];
    new_dir(dir, path);
    write_all(path, "old");
    kpi_evaluation *ev = seed_evaluation(AS_OF);
    assert_non_null(ev);

    refuse_sync = 1;
    sync_attempts = 0;
    assert_int_equal(kpi_evaluation_write(ev, path, KPI_FORMAT_JSON, KPI_LANG_JA),
                     KPI_ERR_IO);
    assert_non_null(strstr(kpi_error_message(), path));
    assert_non_null(strstr(kpi_error_message(), strerror(EIO)));
    assert_int_equal(kpi_file_write(path, "new", 3), KPI_ERR_IO);
    assert_non_null(strstr(kpi_error_message(), path));
    refuse_sync = 0;
    assert_int_equal(sync_attempts, 2);
    size_t size;
    char *kept = read_all(path, &size);
    assert_int_equal(size, 3);
    assert_memory_equal(kept, "old", 3);
    free(kept);
    assert_int_equal(entries(dir), 1);

    assert_int_equal(kpi_file_write(path, "new", 3), KPI_OK); /* and once it can */
    kept = read_all(path, &size);
    assert_int_equal(size, 3);
    assert_memory_equal(kept, "new", 3);
    free(kept);
    kpi_evaluation_free(ev);
    assert_int_equal(remove(path), 0);
    assert_int_equal(rmdir(dir), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_format_and_language),
        cmocka_unit_test(errors_leave_the_file),
        cmocka_unit_test(no_file_can_be_synced),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
