/* Tests of the values in plan files: numbers written in the shortest form
 * that reads back bitwise, full-width digits and thousands separators read,
 * texts that are no number refused; and dates in era, fiscal-year, month and
 * full-width forms, written back in ISO form.
 *
 * Inputs are built in memory where the bytes need not be real files; the
 * fixtures under tests/data/csv/ hold what needs real bytes (BOM, CRLF,
 * CP932, quoted newlines). Paths are relative to the source tree root,
 * where ctest runs this program. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kpi.h"
#include "csv_support.h"
#include "util/number.h"

/* ---- Numbers ----------------------------------------------------------------- */

/* Numbers are written in the shortest form that reads back: 10 as "10",
 * 0.1 as "0.1", and 1/3 reads back bitwise equal. */
static void numbers_written_shortest(void **state)
{
    (void)state;
    static const struct {
        double value;
        const char *written;
    } cases[] = {
        {10, "10"},
        {0.1, "0.1"},
        {30, "30"},
        {100, "100"},
        {1234.5, "1234.5"},
        {-5, "-5"},
        {123456789.123, "123456789.123"},
        {0, "0"},
        {2.5, "2.5"},
        {-0.0, "-0"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        kpi_plan *plan = NULL;
        kpi_goal *goal = NULL;
        kpi_target *t = NULL;
        assert_int_equal(kpi_plan_new(&plan, "p"), KPI_OK);
        assert_non_null(goal = kpi_plan_add_goal(plan, "g", NULL));
        assert_non_null(t = kpi_goal_add_target(goal, "t", NULL));
        assert_int_equal(kpi_target_set_value(t, cases[i].value), KPI_OK);
        assert_non_null(kpi_target_add_measurement(t, 20170930, cases[i].value, NULL));
        written w = write_ok(plan, KPI_WRITE_NO_BOM);
        char row[128];
        /* type,code,parent,title,unit,kind,direction,value */
        snprintf(row, sizeof row, "\ntarget,t,g,,,numeric,increase,%s,",
                 cases[i].written);
        assert_contains(w.structure, row);
        snprintf(row, sizeof row, "\nt,2017-09-30,%s,", cases[i].written);
        assert_contains(w.progress, row);
        written_free(&w);
        kpi_plan_free(plan);
    }

    /* Values that need all 17 digits, or tiny and huge ones, read back
     * bitwise equal. */
    static const double exact[] = {
        1.0 / 3, 2.0 / 3,  0.1 + 0.2,          1e-7, 1e300, -0.0, 5e-324,
        DBL_MAX, -DBL_MAX, 9007199254740993.0, 1e16, 1e-5};
    kpi_plan *plan = NULL;
    kpi_goal *goal = NULL;
    assert_int_equal(kpi_plan_new(&plan, "p"), KPI_OK);
    assert_non_null(goal = kpi_plan_add_goal(plan, "g", NULL));
    for (size_t i = 0; i < sizeof exact / sizeof *exact; i++) {
        char code[16];
        kpi_target *t = NULL;
        snprintf(code, sizeof code, "t%zu", i);
        assert_non_null(t = kpi_goal_add_target(goal, code, NULL));
        assert_int_equal(kpi_target_set_value(t, exact[i]), KPI_OK);
        assert_int_equal(kpi_target_set_start_value(t, exact[i]), KPI_OK);
        assert_non_null(kpi_target_add_measurement(t, 20170930, exact[i], NULL));
    }
    written w = write_ok(plan, KPI_WRITE_NO_BOM);
    assert_contains(w.structure, "\ntarget,t0,g,,,numeric,increase,0.3333333333333333,");
    kpi_reader *reader = new_reader();
    kpi_plan *copy = read_written(reader, &w);
    for (size_t i = 0; i < sizeof exact / sizeof *exact; i++) {
        char code[16];
        snprintf(code, sizeof code, "t%zu", i);
        kpi_target *t = find_target(copy, code);
        snprintf(compare_context, sizeof compare_context, "exact number %zu", i);
        same_double(code, "value", exact[i], kpi_target_value(t));
        same_double(code, "start_value", exact[i], kpi_target_start_value(t));
        same_double(code, "measurement", exact[i],
                    kpi_measurement_value(kpi_target_measurement_at(t, 0)));
    }
    compare_context[0] = '\0';
    written_free(&w);
    kpi_plan_free(copy);
    kpi_plan_free(plan);
    kpi_reader_free(reader);
}

/* Full-width digits and thousands separators (inside quotes) are read:
 * "３０" is 30 and "1,234" is 1234, in both files. */
static void numbers_read_fullwidth_and_separators(void **state)
{
    (void)state;
    kpi_plan *plan = read_ok(S_HEADER "plan,p,,P\n"
                                      "goal,g,,G\n"
                                      "target,a,g,A,,,,３０\n"
                                      "target,b,g,B,,,,\"1,234\"\n"
                                      "target,c,g,C,,,,\"12,345,678.5\"\n"
                                      "target,d,g,D,,,,\"-1,000\"\n"
                                      "target,e,g,E,,,,１２．５\n"
                                      "target,f,g,F,,,,\" 42 \",２\n",
                             P_HEADER "a,2017-09-30,３０\n"
                                      "b,2017-09-30,\"1,234\"\n"
                                      "c,2017-09-30,1.5e3\n");
    assert_true(kpi_target_value(find_target(plan, "a")) == 30.0);
    assert_true(kpi_target_value(find_target(plan, "b")) == 1234.0);
    assert_true(kpi_target_value(find_target(plan, "c")) == 12345678.5);
    assert_true(kpi_target_value(find_target(plan, "d")) == -1000.0);
    assert_true(kpi_target_value(find_target(plan, "e")) == 12.5);
    assert_true(kpi_target_value(find_target(plan, "f")) == 42.0);
    assert_true(kpi_target_weight(find_target(plan, "f")) == 2.0);
    assert_true(kpi_measurement_value(
                    kpi_target_measurement_at(find_target(plan, "a"), 0)) == 30.0);
    assert_true(kpi_measurement_value(
                    kpi_target_measurement_at(find_target(plan, "b"), 0)) == 1234.0);
    assert_true(kpi_measurement_value(
                    kpi_target_measurement_at(find_target(plan, "c"), 0)) == 1500.0);
    kpi_plan_free(plan);
}

/* Writes into buf a random decimal: a sign or none, 1..24 digits (often
 * leading or trailing zeros), maybe a point, maybe an exponent. */
static unsigned long long next_random(unsigned long long *seed)
{
    *seed = *seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return *seed >> 33;
}

static void random_decimal(char *buf, unsigned long long *seed)
{
    char *p = buf;
    unsigned long long r = next_random(seed);
    if (r % 4 == 0)
        *p++ = r % 8 == 0 ? '-' : '+';
    int digits = 1 + (int)(next_random(seed) % 24),
        point = (int)(next_random(seed) % (unsigned)(digits + 2));
    int zeros = (int)(next_random(seed) % 3); /* 0: none, 1: leading, 2: trailing */
    for (int i = 0; i < digits; i++) {
        if (i == point && i > 0)
            *p++ = '.';
        int zero = (zeros == 1 && i < digits / 2) || (zeros == 2 && i > digits / 2);
        *p++ = (char)('0' + (zero ? 0 : (int)(next_random(seed) % 10)));
    }
    if (next_random(seed) % 8 == 0)
        p += sprintf(p, "e%d", (int)(next_random(seed) % 40) - 20);
    *p = '\0';
}

/* Every decimal reads as the C library's strtod reads it, bit for bit
 * (the reader takes a short cut for the usual figures): the edges of the
 * short cut (15 and 16 significant digits, 22 and 23 after the point,
 * 2^53 + 1, negative zero) and 200,000 random ones. */
static void numbers_read_as_strtod_reads_them(void **state)
{
    (void)state;
    static const char *const edges[] = {"0",
                                        "-0",
                                        "+0",
                                        "0.0",
                                        "-0.000",
                                        "1",
                                        "0.1",
                                        "0.3",
                                        "1887",
                                        "-1234.5",
                                        "123456789012345",
                                        "1234567890123456",
                                        "12345678901234567",
                                        "999999999999999",
                                        "9999999999999999",
                                        "9007199254740993",
                                        "0.0000000000000000000001",
                                        "0.00000000000000000000001",
                                        "1.0000000000000000000001",
                                        "0.123456789012345",
                                        "0.1234567890123456",
                                        "000000000000000000000000001",
                                        "1e5",
                                        "1.5e-3",
                                        "4.35",
                                        "0.29",
                                        "8.2"};
    unsigned long long seed = 2017;
    char random[64];
    for (size_t i = 0; i < sizeof edges / sizeof *edges + 200000; i++) {
        const char *decimal = i < sizeof edges / sizeof *edges ? edges[i] : random;
        if (decimal == random)
            random_decimal(random, &seed);
        double read = NAN, by_strtod = strtod(decimal, NULL);
        if (kpi__number_parse(&read, decimal) != KPI_OK ||
            memcmp(&read, &by_strtod, sizeof read) != 0)
            fail_msg("\"%s\": read %.17g, strtod gives %.17g", decimal, read, by_strtod);
    }
    /* The short cut takes nothing the full reading refuses: not a text
     * longer than it reads, nor one without digits. */
    char zeros[100];
    memset(zeros, '0', sizeof zeros - 2);
    strcpy(zeros + sizeof zeros - 2, "1");
    static const char *const refused[] = {"", "-", ".", "+.", "1.2.3", "1..2", "--1"};
    double value = 0;
    assert_int_equal(kpi__number_parse(&value, zeros), KPI_ERR_VALUE);
    for (size_t i = 0; i < sizeof refused / sizeof *refused; i++)
        assert_int_equal(kpi__number_parse(&value, refused[i]), KPI_ERR_VALUE);
}

/* Texts that are no number, or a number too large for a double, are
 * KPI_ERR_VALUE naming the line, column and text; an empty value on a
 * measurement row (where the number is required) is refused. */
static void numbers_refused(void **state)
{
    (void)state;
    static const struct {
        const char *cell;
        const char *shown;
    } bad[] = {
        {"\"1,23\"", "\"1,23\""}, {"\"12,34,567\"", "\"12,34,567\""},
        {"\",123\"", "\",123\""}, {"\"1234,567\"", "\"1234,567\""},
        {"nan", "\"nan\""},       {"NaN", "\"NaN\""},
        {"inf", "\"inf\""},       {"-infinity", "\"-infinity\""},
        {"0x10", "\"0x10\""},     {"1e", "\"1e\""},
        {"abc", "\"abc\""},       {"10件", "\"10件\""},
        {"1.2.3", "\"1.2.3\""},   {"\" \"", "\" \""},
        {"+", "\"+\""},           {".", "\".\""},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        text s = {0};
        text_add(&s, S_BASE "target,x,g,X,,,,");
        text_add(&s, bad[i].cell);
        text_add(&s, "\n");
        structure_error(s.data,
                        (expected){KPI_ERR_VALUE, NULL, 6, "value", 8, bad[i].shown});
        text_free(&s);

        text p = {0};
        text_add(&p, P_BASE "t,2017-09-30,");
        text_add(&p, bad[i].cell);
        text_add(&p, "\n");
        progress_error(p.data,
                       (expected){KPI_ERR_VALUE, NULL, 3, "value", 3, bad[i].shown});
        text_free(&p);
    }

    /* Too large for a double: refused, not read as infinity. */
    structure_error(S_BASE "target,x,g,X,,,,1e400\n",
                    (expected){KPI_ERR_VALUE, NULL, 6, "value", 8, "\"1e400\""});
    assert_contains(kpi_error_message(), "too large");
    progress_error(P_BASE "t,2017-09-30,-1e400\n",
                   (expected){KPI_ERR_VALUE, NULL, 3, "value", 3, "\"-1e400\""});
    assert_contains(kpi_error_message(), "too large");

    /* A row with no value, rating, note or status says nothing: an error,
     * whoever wrote it. */
    progress_error(P_BASE "t,2017-09-30,,,,someone\n",
                   (expected){KPI_ERR_PARSE, NULL, 3, NULL, -1, "value"});
    assert_contains(kpi_error_message(), "rating");
}

/* ---- Dates in files ---------------------------------------------------------- */

/* Era, fiscal-year, month and full-width forms: a start takes the first
 * day of what the text names, a due date the last. */
static void dates_era_fiscal_month_fullwidth(void **state)
{
    (void)state;
    kpi_plan *plan = read_ok("type,code,parent,title,start,due\n"
                             "plan,p,,P,平成29年度,平成29年度\n"
                             "goal,g,,G\n"
                             "target,a,g,A,,2017-09\n"
                             "target,b,g,B,2017-09,２０１８－０３\n"
                             "target,c,g,C,H29.4.1,令和元年5月1日\n"
                             "target,d,g,D,FY2017,FY2017\n"
                             "target,e,g,E,,平成32年度\n"
                             "target,f,g,F,２０１７年１０月１日,Ｈ３０．３．３１\n",
                             "code,date,value\n"
                             "a,H29.9.30,1\n"
                             "b,２０１７－０９－３０,2\n"
                             "c,平成29年9月30日,3\n"
                             "d,2017/9/30,4\n");
    assert_int_equal(kpi_plan_start(plan), 20170401);
    assert_int_equal(kpi_plan_end(plan), 20180331);
    static const struct {
        const char *code;
        int32_t start, due;
    } dates[] = {
        {"a", 0, 20170930},        {"b", 20170901, 20180331}, {"c", 20170401, 20190501},
        {"d", 20170401, 20180331}, {"e", 0, 20210331},        {"f", 20171001, 20180331},
    };
    for (size_t i = 0; i < sizeof dates / sizeof *dates; i++) {
        kpi_target *t = find_target(plan, dates[i].code);
        assert_int_equal(kpi_target_start(t), dates[i].start);
        assert_int_equal(kpi_target_due(t), dates[i].due);
    }
    for (size_t i = 0; i < 4; i++) {
        kpi_target *t = find_target(plan, dates[i].code);
        assert_int_equal(kpi_measurement_date(kpi_target_measurement_at(t, 0)), 20170930);
    }
    /* Written back in ISO form. */
    written w = write_ok(plan, KPI_WRITE_NO_BOM);
    assert_contains(w.structure, "\nplan,p,,P,,,,,,,,2017-04-01,2018-03-31,");
    assert_contains(w.progress, "\na,2017-09-30,1,");
    written_free(&w);
    kpi_plan_free(plan);
}

/* ---- Main ---------------------------------------------------------------- */

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(numbers_written_shortest),
        cmocka_unit_test(numbers_read_fullwidth_and_separators),
        cmocka_unit_test(numbers_read_as_strtod_reads_them),
        cmocka_unit_test(numbers_refused),
        cmocka_unit_test(dates_era_fiscal_month_fullwidth),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
