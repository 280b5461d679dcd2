/* Tests of the progress prose reader's contract (kpi/prose.h): NULL
 * arguments, invalid UTF-8, empty and over-long texts, fiscal years out of
 * range, out-of-range indexes, the last error kept on success, every
 * allocation failing in turn, and odd or large input read well formed. */
#include "test_prose_support.h"

#include <stdlib.h>

/* ---- Texts refused ------------------------------------------------------------- */

static void check_refused(const char *text, int32_t fiscal_year, int code,
                          const char *fragment)
{
    kpi_prose *prose = (kpi_prose *)&prose; /* anything but NULL */
    kpi_error_clear();
    int rc = kpi_prose_read(&prose, text, fiscal_year);
    if (rc != code) {
        print_error("kpi_prose_read(\"%s\") gave %d, expected %d\n",
                    text ? text : "(null)", rc, code);
        fail();
    }
    assert_null(prose);
    assert_int_equal(kpi_error_code(), code);
    if (fragment && !strstr(kpi_error_message(), fragment)) {
        print_error("\"%s\" not in \"%s\"\n", fragment, kpi_error_message());
        fail();
    }
}

static void test_refused(void **state)
{
    (void)state;
    check_refused("", 2017, KPI_ERR_VALUE, "empty");
    check_refused("   ", 2017, KPI_ERR_VALUE, "nothing to read");
    check_refused("　\n\t・。", 2017, KPI_ERR_VALUE, "nothing to read");
    check_refused("① ・ ②", 2017, KPI_ERR_VALUE, "nothing to read");
    check_refused("、、、。", 2017, KPI_ERR_VALUE, "nothing to read");
    check_refused("検討中\xff", 2017, KPI_ERR_VALUE, "byte offset 9");
    check_refused("\x80", 2017, KPI_ERR_VALUE, "prose: invalid UTF-8");
    check_refused("開催\xe4\xba", 2017, KPI_ERR_VALUE, "byte offset 6"); /* cut short */
    check_refused("\xc0\xaf", 2017, KPI_ERR_VALUE, "invalid UTF-8");     /* overlong */
    check_refused("\xed\xa0\x80", 2017, KPI_ERR_VALUE, "invalid UTF-8"); /* surrogate */
    check_refused("\xf4\x90\x80\x80", 2017, KPI_ERR_VALUE, "invalid UTF-8");
    check_refused("中止", -1, KPI_ERR_ARGUMENT, "fiscal_year");
    check_refused("中止", 9999, KPI_ERR_ARGUMENT, "fiscal_year");
    check_refused(NULL, 2017, KPI_ERR_ARGUMENT, "text");

    /* Over the limit: refused; exactly the limit: read. */
    char *text = malloc(KPI_PROSE_MAX_BYTES + 2);
    assert_non_null(text);
    memset(text, 'a', KPI_PROSE_MAX_BYTES + 1);
    text[KPI_PROSE_MAX_BYTES + 1] = '\0';
    check_refused(text, 2017, KPI_ERR_LIMIT, "65536");
    text[KPI_PROSE_MAX_BYTES] = '\0';
    kpi_prose *prose = read_ok(text, 2017);
    assert_int_equal(kpi_prose_count(prose), 1);
    kpi_prose_free(prose);
    free(text);
}

/* ---- NULL and ranges ----------------------------------------------------------------
 */

static void test_null_arguments(void **state)
{
    (void)state;
    kpi_error_clear();
    assert_int_equal(kpi_prose_read(NULL, "中止", 2017), KPI_ERR_ARGUMENT);
    assert_non_null(strstr(kpi_error_message(), "out"));
    kpi_error_clear();
    assert_int_equal(kpi_prose_count(NULL), 0);
    assert_int_equal(kpi_error_code(), KPI_ERR_ARGUMENT);
    kpi_error_clear();
    assert_null(kpi_prose_text_at(NULL, 0));
    assert_int_equal(kpi_error_code(), KPI_ERR_ARGUMENT);
    assert_null(kpi_prose_subject_at(NULL, 0));
    assert_null(kpi_prose_status_word_at(NULL, 0));
    assert_int_equal(kpi_prose_status_at(NULL, 0), NONE);
    assert_int_equal(kpi_prose_planned_at(NULL, 0), 0);
    assert_int_equal(kpi_prose_done_at(NULL, 0), 0);
    assert_true(isnan(kpi_prose_confidence_at(NULL, 0)));
    assert_int_equal(kpi_prose_issue_count_at(NULL, 0), 0);
    assert_null(kpi_prose_issue_at(NULL, 0, 0));
    assert_int_equal(kpi_prose_figure_count_at(NULL, 0), 0);
    assert_null(kpi_prose_figure_text_at(NULL, 0, 0));
    assert_null(kpi_prose_figure_label_at(NULL, 0, 0));
    assert_null(kpi_prose_figure_unit_at(NULL, 0, 0));
    assert_true(isnan(kpi_prose_figure_value_at(NULL, 0, 0)));
    assert_int_equal(kpi_prose_figure_flags_at(NULL, 0, 0), 0);
    assert_int_equal(kpi_prose_figure_date_at(NULL, 0, 0), 0);
    assert_true(isnan(kpi_prose_figure_confidence_at(NULL, 0, 0)));
    kpi_error_clear();
    assert_null(kpi_prose_figure_issue_at(NULL, 0, 0));
    assert_int_equal(kpi_error_code(), KPI_ERR_ARGUMENT);
    kpi_prose_free(NULL);
}

#define EXPECT_RANGE(call)                                                               \
    do {                                                                                 \
        kpi_error_clear();                                                               \
        (void)(call);                                                                    \
        assert_int_equal(kpi_error_code(), KPI_ERR_RANGE);                               \
    } while (0)

static void test_out_of_range(void **state)
{
    (void)state;
    kpi_prose *prose =
        read_ok("物件登録件数：32件", 2017); /* one statement, one figure */
    assert_int_equal(kpi_prose_count(prose), 1);
    assert_null(kpi_prose_text_at(prose, 1));
    EXPECT_RANGE(kpi_prose_text_at(prose, 1));
    assert_non_null(strstr(kpi_error_message(), "out of range"));
    EXPECT_RANGE(kpi_prose_subject_at(prose, 1));
    EXPECT_RANGE(kpi_prose_status_at(prose, SIZE_MAX));
    EXPECT_RANGE(kpi_prose_status_word_at(prose, 1));
    EXPECT_RANGE(kpi_prose_planned_at(prose, 1));
    EXPECT_RANGE(kpi_prose_done_at(prose, 1));
    EXPECT_RANGE(kpi_prose_confidence_at(prose, 1));
    assert_true(isnan(kpi_prose_confidence_at(prose, 1)));
    EXPECT_RANGE(kpi_prose_issue_count_at(prose, 1));
    EXPECT_RANGE(kpi_prose_issue_at(prose, 1, 0));
    EXPECT_RANGE(kpi_prose_issue_at(prose, 0, 0)); /* no issue */
    assert_non_null(strstr(kpi_error_message(), "issue index"));
    EXPECT_RANGE(kpi_prose_figure_count_at(prose, 1));
    EXPECT_RANGE(kpi_prose_figure_text_at(prose, 0, 1));
    assert_non_null(strstr(kpi_error_message(), "figure index"));
    EXPECT_RANGE(kpi_prose_figure_label_at(prose, 1, 0));
    EXPECT_RANGE(kpi_prose_figure_value_at(prose, 0, 1));
    assert_true(isnan(kpi_prose_figure_value_at(prose, 0, 1)));
    EXPECT_RANGE(kpi_prose_figure_unit_at(prose, 0, 1));
    EXPECT_RANGE(kpi_prose_figure_flags_at(prose, 0, 1));
    EXPECT_RANGE(kpi_prose_figure_date_at(prose, 0, 1));
    EXPECT_RANGE(kpi_prose_figure_confidence_at(prose, 0, SIZE_MAX));
    EXPECT_RANGE(kpi_prose_figure_issue_at(prose, 0, 1));
    kpi_prose_free(prose);
}

/* A successful read leaves the last error alone (kpi/error.h). */
static void test_success_keeps_last_error(void **state)
{
    (void)state;
    assert_int_equal(kpi_prose_read(NULL, "x", 0), KPI_ERR_ARGUMENT);
    kpi_prose *prose = read_ok("開催予定。2月30日に開催。約10～20件", 2017);
    kpi_prose_free(prose);
    assert_int_equal(kpi_error_code(), KPI_ERR_ARGUMENT);
}

/* ---- Allocation failure
 * ---------------------------------------------------------------- */

static long allocations_left = -1; /* -1: never fail */

static void *failing_alloc(void *context, size_t size)
{
    (void)context;
    if (allocations_left == 0)
        return NULL;
    if (allocations_left > 0)
        allocations_left--;
    return malloc(size);
}

static void release(void *context, void *ptr, size_t size)
{
    (void)context, (void)size;
    free(ptr);
}

/* Every allocation of a read may fail: the read then returns
 * KPI_ERR_NOMEM, gives NULL and leaks nothing (checked by the sanitizer and
 * valgrind runs). The text has every part: statements shared and
 * inherited, figures with flags, dates, issues (seven statements: the
 * second sentence is cut before 延べ69人の参加者, a count of its own). */
static void test_allocation_failure(void **state)
{
    (void)state;
    static const char text[] =
        "②新規4名を含む31名の登録があり、延べ69人の参加者。子ども文化講座を10月、"
        "子ども文化祭を2月に開催予定。新たな返礼品を開拓し、H28.9に139品目が、H29.9に"
        "175品目に充実。県が事業の中止を決定";
    assert_int_equal(kpi_set_allocator(failing_alloc, release, NULL), KPI_OK);
    int succeeded = 0;
    for (long n = 0; n < 100000 && !succeeded; n++) {
        kpi_prose *prose = (kpi_prose *)&prose;
        allocations_left = n;
        int rc = kpi_prose_read(&prose, text, 2017);
        allocations_left = -1;
        if (rc == KPI_OK) {
            assert_int_equal(kpi_prose_count(prose), 7);
            kpi_prose_free(prose);
            succeeded = 1;
        } else {
            assert_int_equal(rc, KPI_ERR_NOMEM);
            assert_int_equal(kpi_error_code(), KPI_ERR_NOMEM);
            assert_null(prose);
        }
    }
    assert_int_equal(kpi_set_allocator(NULL, NULL, NULL), KPI_OK);
    assert_true(succeeded);
}

/* ---- Odd and large input
 * ---------------------------------------------------------------- */

/* Whether s begins or ends with a particle, a list marker, a separator or
 * a blank (a subject or label must not). */
static int untrimmed(const char *s)
{
    static const char *const heads[] = {"を", "が", "は", "で", "と", "へ",
                                        "も", "の", "・", "、", "。", "①",
                                        "②",  "③",  " ",  "●",  "※",  NULL};
    size_t n = strlen(s);
    for (size_t k = 0; heads[k]; k++) {
        size_t len = strlen(heads[k]);
        if (n >= len &&
            (memcmp(s, heads[k], len) == 0 || memcmp(s + n - len, heads[k], len) == 0))
            return 1;
    }
    return 0;
}

/* Every reading well formed: statements verbatim parts of the text,
 * confidences in (0, 1], 1 exactly without issues, dates valid, subjects
 * and labels trimmed. */
static void check_well_formed(const char *text, const kpi_prose *prose)
{
    assert_true(kpi_prose_count(prose) >= 1);
    for (size_t i = 0; i < kpi_prose_count(prose); i++) {
        double c = kpi_prose_confidence_at(prose, i);
        expect(c > 0 && c <= 1 && (c == 1) == (kpi_prose_issue_count_at(prose, i) == 0),
               prose, text, "statement %zu: confidence and issues disagree", i);
        expect(strstr(text, kpi_prose_text_at(prose, i)) != NULL, prose, text,
               "statement %zu: text not verbatim", i);
        int32_t planned = kpi_prose_planned_at(prose, i),
                done = kpi_prose_done_at(prose, i);
        expect((!planned || kpi_date_is_valid(planned)) &&
                   (!done || kpi_date_is_valid(done)),
               prose, text, "statement %zu: invalid date", i);
        expect(!untrimmed(kpi_prose_subject_at(prose, i)), prose, text,
               "statement %zu: subject not trimmed", i);
        for (size_t k = 0; k < kpi_prose_figure_count_at(prose, i); k++) {
            double f = kpi_prose_figure_confidence_at(prose, i, k);
            const char *issue = kpi_prose_figure_issue_at(prose, i, k);
            expect(f > 0 && f <= 1 && (f == 1) == (issue[0] == '\0'), prose, text,
                   "figure %zu.%zu: confidence and issue disagree", i, k);
            expect(!untrimmed(kpi_prose_figure_label_at(prose, i, k)), prose, text,
                   "figure %zu.%zu: label not trimmed", i, k);
            int32_t date = kpi_prose_figure_date_at(prose, i, k);
            expect(!date || kpi_date_is_valid(date), prose, text, "figure date invalid");
        }
    }
}

static void test_odd_input(void **state)
{
    (void)state;
    static const char *const odd[] = {
        "0",
        "1",
        "月",
        "(",
        ")",
        "((((((",
        "「",
        "と",
        "を",
        "は",
        "、し、",
        "し、し、",
        "中止を",
        "を決定",
        "継続",
        "を継続中",
        "予定",
        "済",
        "1件、",
        "、1件",
        "H",
        "H.",
        "H29.",
        "H29.13",
        "R1.1.1",
        "13月に開催",
        "0月に開催",
        "2月31日に開催",
        "9999年12月に開催",
        "99999年1月に開催",
        "7/",
        "/17",
        "7/17/",
        "2017/13/40",
        "12:",
        ":30",
        "延べ",
        "約",
        "うち",
        "を含む",
        "1を含む",
        "ゼロ",
        "来年度に",
        "年度内",
        "\xef\xbb\xbf検討中",
        "①検討②③",
        "・・・検討中",
        "1人1日当たり800g",
        "99999999999999999999件",
        "1.5万人の延べ",
        "10～",
        "～10件",
        /* numbers too long to read are in no date's range (found by fuzzing) */
        ("666666666666666666666666666666666666666666666/"
         "66666666666666666666666`6666666279-"), /* one text */
        "99999999999999999999年9月に策定",
        "99999999999999999999日に開催",
        "H99999999999999999.9に公表",
        "7/99999999999999999999に合意",
    };
    for (size_t i = 0; i < sizeof odd / sizeof odd[0]; i++) {
        kpi_prose *prose = read_ok(odd[i], 2017);
        check_well_formed(odd[i], prose);
        kpi_prose_free(prose);
        prose = read_ok(odd[i], 9998); /* the last year: dates stay valid or 0 */
        check_well_formed(odd[i], prose);
        kpi_prose_free(prose);
    }
}

/* The longest texts, of pieces that exercise every rule, read in one pass
 * each: well formed, and as many statements as pieces. */
static void test_large_input(void **state)
{
    (void)state;
    static const char *const pieces[] = {
        "上田城跡能を8月に開催。",
        "物件登録件数：32件、",
        "8校でのコンサート、",
        "研修会を7月、報告会を3月に開催予定。",
        "12回の公演と3回の展覧会を実施。",
        "協議し、方針を確認。",
    };
    char *text = malloc(KPI_PROSE_MAX_BYTES + 1);
    assert_non_null(text);
    for (size_t p = 0; p < sizeof pieces / sizeof pieces[0]; p++) {
        size_t len = 0, piece = strlen(pieces[p]), copies = 0;
        while (len + piece <= KPI_PROSE_MAX_BYTES) {
            memcpy(text + len, pieces[p], piece);
            len += piece;
            copies++;
        }
        text[len] = '\0';
        kpi_prose *prose = read_ok(text, 2017);
        check_well_formed(text, prose);
        assert_true(kpi_prose_count(prose) >= copies);
        kpi_prose_free(prose);
    }
    /* One statement of 64 KiB: no cut anywhere. */
    memset(text, 'a', KPI_PROSE_MAX_BYTES);
    for (size_t i = 0; i + 3 <= KPI_PROSE_MAX_BYTES; i += 300)
        memcpy(text + i, "\xe3\x81\xae", 3); /* の */
    text[KPI_PROSE_MAX_BYTES] = '\0';
    kpi_prose *prose = read_ok(text, 2017);
    check_well_formed(text, prose);
    kpi_prose_free(prose);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_refused),
        cmocka_unit_test(test_null_arguments),
        cmocka_unit_test(test_out_of_range),
        cmocka_unit_test(test_success_keeps_last_error),
        cmocka_unit_test(test_allocation_failure),
        cmocka_unit_test(test_odd_input),
        cmocka_unit_test(test_large_input),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
