/*
 * kpi_reader_set_threads(): a read on 2 or 8 threads gives the plan, the
 * warnings and the first error that one thread gives, from buffers and
 * from files (read in chunks), on progress files with more texts than one
 * batch of readings. Files read on threads are parsed on a second thread
 * (io/read_ahead.h): with batches so small that the two threads take turns
 * at every row, with rows larger than a batch, and when that thread meets
 * what only the whole-file path words (CP932, a bad byte, a missing file,
 * an error in the structure file), the read gives what one thread gives.
 * Run under ThreadSanitizer by tests/run.sh.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv_support.h"
#include "io/read_ahead.h"
#include "kpi.h"

#define GOALS 150

/* Goals each with a count (from its initiative's text) and an event
 * (scheduled in its own row's text); the progress file lists months, not
 * objects, together, as a national roll-up does. */
static void make_files(text *s, text *p)
{
    char row[512];
    text_add(s, "type,code,parent,title,unit,value,start,due\n"
                "plan,P,,計画,,,2017-04-01,2018-03-31\n");
    for (int g = 0; g < GOALS; g++) {
        snprintf(row, sizeof row,
                 "goal,g%d,,目標%d\n"
                 "target,g%d-a,g%d,物件登録件数,件,30,,2018-03-31\n"
                 "target,g%d-b,g%d,講座開催回数,回,4,,2018-03-31\n",
                 g, g, g, g, g, g);
        text_add(s, row);
    }
    text_add(p, "code,date,value,rating,note,author\n");
    for (int month = 4; month <= 9; month++) {
        for (int g = 0; g < GOALS; g++) {
            snprintf(row, sizeof row,
                     "g%d,2017-%02d-28,,,物件登録件数：%d件、利用者登録数：%d件,\n"
                     "g%d-b,2017-%02d-28,,,講座を%d月に開催予定。,\n"
                     "g%d-b,2017-%02d-28,%d,,講座開催回数：%d回,\n",
                     g, month, g + month, month, g, month, month + 1 + g % 3, g, month,
                     month / 3, month / 3);
            text_add(p, row);
        }
    }
}

/* Everything a read decides, as one string: each target's figures and
 * updates with what was inferred, then the warnings. */
static void describe(text *out, kpi_plan *plan, kpi_reader *reader)
{
    char line[1024];
    for (size_t g = 0; g < kpi_plan_goal_count(plan); g++) {
        kpi_goal *goal = kpi_plan_goal_at(plan, g);
        for (size_t t = 0; t < kpi_goal_target_count(goal); t++) {
            kpi_target *target = kpi_goal_target_at(goal, t);
            for (size_t i = 0; i < kpi_target_measurement_count(target); i++) {
                kpi_measurement *m = kpi_target_measurement_at(target, i);
                snprintf(line, sizeof line, "%s m %d %g %u %s\n", kpi_target_code(target),
                         (int)kpi_measurement_date(m), kpi_measurement_value(m),
                         (unsigned)kpi_measurement_inferred(m), kpi_measurement_note(m));
                text_add(out, line);
            }
            for (size_t i = 0; i < kpi_target_update_count(target); i++) {
                kpi_update *u = kpi_target_update_at(target, i);
                snprintf(line, sizeof line, "%s u %d %d %d %u %s\n",
                         kpi_target_code(target), (int)kpi_update_date(u),
                         (int)kpi_update_status(u), (int)kpi_update_planned(u),
                         (unsigned)kpi_update_inferred(u), kpi_update_text(u));
                text_add(out, line);
            }
        }
    }
    for (size_t i = 0; i < kpi_reader_warning_count(reader); i++) {
        snprintf(
            line, sizeof line, "w %d %d %s\n", (int)kpi_reader_warning_kind_at(reader, i),
            (int)kpi_reader_warning_line_at(reader, i), kpi_reader_warning_at(reader, i));
        text_add(out, line);
    }
}

/* What a read gave, as one string: the plan, its warnings and the encoding
 * read, or the error (with no plan and no warnings left). */
static void describe_read(text *out, int rc, kpi_plan *plan, kpi_reader *reader)
{
    char line[1024];
    if (rc == KPI_OK) {
        describe(out, plan, reader);
        snprintf(line, sizeof line, "encoding %d\n",
                 (int)kpi_reader_detected_encoding(reader));
    } else {
        snprintf(line, sizeof line, "error %d %s %d %s\n", rc, kpi_error_source(),
                 (int)kpi_error_line(), kpi_error_message());
        assert_null(plan);
        assert_int_equal(kpi_reader_warning_count(reader), 0);
    }
    text_add(out, line);
}

/* Reads the files (paths when dir is set, else buffers) on threads
 * threads and describes the plan, or the error. */
static void read_on(text *out, int32_t threads, const text *s, const text *p,
                    const char *dir)
{
    kpi_reader *reader = new_reader();
    assert_int_equal(kpi_reader_set_threads(reader, threads), KPI_OK);
    assert_int_equal(kpi_reader_threads(reader), threads);
    kpi_plan *plan = NULL;
    int rc;
    if (dir) {
        char *s_path = path_in(dir, "structure.csv"),
             *p_path = path_in(dir, "progress.csv");
        rc = kpi_reader_read_files(&plan, reader, s_path, p_path);
        free(s_path);
        free(p_path);
    } else {
        rc = kpi_reader_read_buffers(&plan, reader, s->data, s->size, p->data, p->size);
    }
    describe_read(out, rc, plan, reader);
    kpi_plan_free(plan);
    kpi_reader_free(reader);
}

static void write_file(const char *dir, const char *name, const text *t)
{
    char *path = path_in(dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(t->data, 1, t->size, f), t->size);
    assert_int_equal(fclose(f), 0);
    free(path);
}

/* 1, 2 and 8 threads against 0, from buffers and from files. */
static void check_same(const text *s, const text *p, int expect_error)
{
    char *dir = make_temp_dir();
    write_file(dir, "structure.csv", s);
    write_file(dir, "progress.csv", p);
    for (int from_files = 0; from_files <= 1; from_files++) {
        text one = {0};
        read_on(&one, 0, s, p, from_files ? dir : NULL);
        assert_int_equal(strncmp(one.data, "error", 5) == 0, expect_error);
        if (!expect_error) { /* both kinds of fill happen */
            assert_contains(one.data, "status scheduled 2017-");
            assert_contains(one.data, "read from the progress text of goal");
        }
        static const int32_t counts[] = {1, 2, 8};
        for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++) {
            text many = {0};
            read_on(&many, counts[i], s, p, from_files ? dir : NULL);
            assert_string_equal(many.data, one.data);
            text_free(&many);
        }
        text_free(&one);
    }
    remove_dir(dir);
    free(dir);
}

/* A progress file over one read chunk (1 MiB) whose chunk boundary falls
 * inside a character; pad shifts the boundary by bytes. */
#define CHUNK_BYTES (1024 * 1024)
static void make_long_progress(text *p, size_t pad)
{
    text_add(p, P_HEADER);
    for (size_t row = 0; p->size < CHUNK_BYTES + 64 * 1024; row++) {
        text_add(p, "t,2017-09-30,,,");
        if (row == 0)
            text_add_repeat(p, 'x', pad);
        for (int i = 0; i < 100; i++)
            text_add(p, "あ");
        text_add(p, "\n");
    }
}

/* Reading a file in chunks gives what reading it whole does: a character
 * cut by the chunk boundary is carried over, and a bad byte past the first
 * chunk is the same error at the same line. */
static void chunk_boundaries(void **state)
{
    (void)state;
    text s = {0}, p = {0};
    text_add(&s, S_BASE);
    size_t pad = 0;
    for (;; pad++) {
        make_long_progress(&p, pad);
        if (((unsigned char)p.data[CHUNK_BYTES] & 0xC0) == 0x80)
            break; /* the boundary is inside an あ */
        text_free(&p);
        p = (text){0};
    }
    char *dir = make_temp_dir();
    for (int bad = 0; bad <= 1; bad++) {
        if (bad)
            p.data[CHUNK_BYTES + 40000] = (char)0xFF;
        write_file(dir, "structure.csv", &s);
        write_file(dir, "progress.csv", &p);
        text whole = {0}, chunked = {0}, parsed_ahead = {0};
        read_on(&whole, 0, &s, &p, NULL);
        read_on(&chunked, 0, &s, &p, dir);
        read_on(&parsed_ahead, 2, &s, &p, dir);
        assert_string_equal(parsed_ahead.data, chunked.data);
        text_free(&parsed_ahead);
        assert_int_equal(strncmp(whole.data, "error", 5) == 0, bad);
        if (!bad)
            assert_contains(whole.data, "あああ");
        if (bad) { /* the same code, line and words; the source is named apart */
            int code[2], line[2];
            assert_int_equal(sscanf(whole.data, "error %d %*s %d", &code[0], &line[0]),
                             2);
            assert_int_equal(sscanf(chunked.data, "error %d %*s %d", &code[1], &line[1]),
                             2);
            assert_int_equal(code[1], code[0]);
            assert_int_equal(line[1], line[0]);
            assert_non_null(
                strstr(whole.data, "bytes that are not valid UTF-8 (byte 0xFF)"));
            assert_string_equal(strstr(chunked.data, "bytes that"),
                                strstr(whole.data, "bytes that"));
        } else {
            assert_string_equal(chunked.data, whole.data);
        }
        text_free(&whole);
        text_free(&chunked);
    }
    remove_dir(dir);
    free(dir);
    text_free(&s);
    text_free(&p);
}

static void same_plan_and_warnings(void **state)
{
    (void)state;
    text s = {0}, p = {0};
    make_files(&s, &p);
    check_same(&s, &p, 0);
    text_free(&s);
    text_free(&p);
}

/* A bad row after many texts: the same error at the same line. */
static void same_first_error(void **state)
{
    (void)state;
    text s = {0}, p = {0};
    make_files(&s, &p);
    text_add(&p, "nowhere,2017-09-30,1,,,\n");
    check_same(&s, &p, 1);
    text_free(&s);
    text_free(&p);
}

/* The two threads taking turns at every row: a batch holds about one row,
 * and the parsing thread waits as soon as two wait; and a row larger than
 * a batch. */
static void small_batches(void **state)
{
    (void)state;
    text s = {0}, p = {0};
    make_files(&s, &p);
    text_add(&p, "g1-a,2017-10-01,3,,");
    text_add_repeat(&p, 'x', 5000);
    text_add(&p, ",\n");
    kpi__read_ahead_set_sizes(64, 128);
    check_same(&s, &p, 0);
    kpi__read_ahead_set_sizes(0, 0);
    text_free(&s);
    text_free(&p);
}

/* Reads the files in dir (paths absent from it are missing files) on 0 and
 * on 2 threads, which must agree; returns what they gave. */
static void same_from_dir(text *out, const char *dir, const char *structure,
                          const char *progress)
{
    text one = {0}, two = {0};
    for (int threads = 0; threads <= 2; threads += 2) {
        kpi_reader *reader = new_reader();
        assert_int_equal(kpi_reader_set_threads(reader, threads), KPI_OK);
        char *s_path = path_in(dir, structure), *p_path = path_in(dir, progress);
        kpi_plan *plan = NULL;
        int rc = kpi_reader_read_files(&plan, reader, s_path, p_path);
        describe_read(threads ? &two : &one, rc, plan, reader);
        kpi_plan_free(plan);
        kpi_reader_free(reader);
        free(s_path);
        free(p_path);
    }
    assert_string_equal(two.data, one.data);
    *out = one;
    text_free(&two);
}

/* Copies the file of tests/data/csv/ into dir. */
static void copy_fixture(const char *dir, const char *name)
{
    char from[256];
    snprintf(from, sizeof from, "tests/data/csv/%s", name);
    size_t size;
    char *bytes = read_whole_file(from, &size);
    char *to = path_in(dir, name);
    FILE *f = fopen(to, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(bytes, 1, size, f), size);
    assert_int_equal(fclose(f), 0);
    free(to);
    free(bytes);
}

/* What the parsing thread leaves to the whole-file path gives the same
 * plan or error on threads: CP932 files, a bad row of the structure file
 * (met while that thread is already parsing the progress file), a missing
 * progress file, and a structure file alone. */
static void parsing_thread_falls_back(void **state)
{
    (void)state;
    char *dir = make_temp_dir();
    text s = {0}, p = {0}, bad = {0}, got = {0};
    make_files(&s, &p);
    text_add(&bad, s.data);
    text_add(&bad, "target,x,nowhere,X\n");
    write_file(dir, "structure.csv", &s);
    write_file(dir, "progress.csv", &p);
    write_file(dir, "bad-structure.csv", &bad);

    same_from_dir(&got, dir, "bad-structure.csv", "progress.csv");
    assert_contains(got.data, "\"nowhere\" is not a goal defined on an earlier row");
    text_free(&got);
    same_from_dir(&got, dir, "structure.csv", "missing.csv");
    assert_contains(got.data, "missing.csv: cannot open");
    text_free(&got);
    same_from_dir(&got, dir, "structure.csv", "progress.csv");
    assert_contains(got.data, "status scheduled 2017-");
    text_free(&got);

    copy_fixture(dir, "cp932-structure.csv");
    copy_fixture(dir, "cp932-progress.csv");
    same_from_dir(&got, dir, "cp932-structure.csv", "cp932-progress.csv");
    char cp932[32];
    snprintf(cp932, sizeof cp932, "encoding %d\n", (int)KPI_ENCODING_CP932);
    assert_contains(got.data, cp932);
    text_free(&got);

    kpi_reader *reader = new_reader();
    assert_int_equal(kpi_reader_set_threads(reader, 2), KPI_OK);
    char *s_path = path_in(dir, "structure.csv");
    kpi_plan *plan = NULL;
    assert_int_equal(kpi_reader_read_files(&plan, reader, s_path, NULL), KPI_OK);
    assert_int_equal(kpi_plan_goal_count(plan), GOALS);
    kpi_plan_free(plan);
    kpi_reader_free(reader);
    free(s_path);

    remove_dir(dir);
    free(dir);
    text_free(&s);
    text_free(&p);
    text_free(&bad);
}

static void thread_count_checked(void **state)
{
    (void)state;
    kpi_reader *reader = new_reader();
    assert_int_equal(kpi_reader_threads(reader), 0);
    assert_int_equal(kpi_reader_set_threads(reader, -1), KPI_ERR_VALUE);
    assert_int_equal(kpi_reader_set_threads(reader, KPI_READER_MAX_THREADS + 1),
                     KPI_ERR_VALUE);
    assert_int_equal(kpi_reader_threads(reader), 0);
    assert_int_equal(kpi_reader_set_threads(reader, KPI_READER_MAX_THREADS), KPI_OK);
    assert_int_equal(kpi_reader_set_threads(NULL, 2), KPI_ERR_ARGUMENT);
    assert_int_equal(kpi_reader_threads(NULL), 0);
    kpi_reader_free(reader);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(same_plan_and_warnings),
        cmocka_unit_test(same_first_error),
        cmocka_unit_test(thread_count_checked),
        cmocka_unit_test(chunk_boundaries),
        cmocka_unit_test(small_batches),
        cmocka_unit_test(parsing_thread_falls_back),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
