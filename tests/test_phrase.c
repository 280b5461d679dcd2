/* Tests of the target phrase reader (kpi/phrase.h): every target phrase of
 * the seed (/work/shared/seeds/000_39f46dc005a058f6.txt, all five goals)
 * with the structure a person reads from it, every 期限・数値目標等 cell of
 * the seed read whole, phrases of our own in the same styles, phrases that
 * must not parse, and the API contract (NULL, ranges, allocation failure).
 *
 * The expected readings are written here by hand, not read from
 * examples/data/ueda-2017-structure.csv, so that the test can disagree
 * with the data; where it does, the comment says why (see also
 * docs/phrases.md). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kpi.h"
#include "phrase/phrase.h"

/* ---- Expected readings ------------------------------------------------------ */

#define NUM KPI_KIND_NUMERIC
#define MIL KPI_KIND_MILESTONE
#define QUAL KPI_KIND_QUALITATIVE
#define INC KPI_DIRECTION_INCREASE
#define DEC KPI_DIRECTION_DECREASE
#define SURE 1   /* confidence 1, no issue */
#define UNSURE 0 /* confidence below 1, at least one issue */

/* What one target phrase must read as, with fiscal year 2017. */
typedef struct reading {
    const char *text;
    kpi_kind kind;
    const char *label;
    double value; /* NAN: none */
    const char *unit;
    kpi_direction direction;
    double change_pct; /* NAN: not relative */
    int32_t due_month;
    int32_t due;
    int sure;
    const char *issue; /* a fragment of one of the issues, or NULL */
} reading;

/* A cell read whole: how many targets, and the text of each. */
typedef struct cell {
    const char *text;
    size_t count;
    const char *parts[6];
} cell;

/* ---- Helpers ------------------------------------------------------------------- */

static void assert_contains(const char *haystack, const char *needle)
{
    if (!strstr(haystack, needle)) {
        print_error("expected \"%s\" in \"%s\"\n", needle, haystack);
        fail();
    }
}

static kpi_phrase *parse_ok(const char *text, int32_t fiscal_year)
{
    kpi_phrase *phrase = NULL;
    int rc = kpi_phrase_parse(&phrase, text, fiscal_year);
    if (rc != KPI_OK) {
        print_error("kpi_phrase_parse(\"%s\"): %d %s\n", text, rc, kpi_error_message());
        fail();
    }
    assert_non_null(phrase);
    return phrase;
}

static void assert_double(double expected, double actual, const char *what,
                          const char *text)
{
    int same = isnan(expected) ? isnan(actual) : fabs(expected - actual) < 1e-9;
    if (!same) {
        print_error("%s: %s is %g, expected %g\n", text, what, actual, expected);
        fail();
    }
}

static void assert_string(const char *expected, const char *actual, const char *what,
                          const char *text)
{
    if (!actual || strcmp(expected, actual) != 0) {
        print_error("%s: %s is \"%s\", expected \"%s\"\n", text, what,
                    actual ? actual : "(null)", expected);
        fail();
    }
}

/* Whether some issue of target i contains fragment. */
static int has_issue(const kpi_phrase *phrase, size_t i, const char *fragment)
{
    for (size_t k = 0; k < kpi_phrase_issue_count_at(phrase, i); k++)
        if (strstr(kpi_phrase_issue_at(phrase, i, k), fragment))
            return 1;
    return 0;
}

static void print_issues(const kpi_phrase *phrase, size_t i)
{
    for (size_t k = 0; k < kpi_phrase_issue_count_at(phrase, i); k++)
        print_error("  issue: %s\n", kpi_phrase_issue_at(phrase, i, k));
}

/* Checks target i of phrase against x. */
static void check_target(const kpi_phrase *phrase, size_t i, const reading *x)
{
    const char *text = x->text;
    if ((int)kpi_phrase_kind_at(phrase, i) != (int)x->kind) {
        print_error("%s: kind %d, expected %d\n", text,
                    (int)kpi_phrase_kind_at(phrase, i), (int)x->kind);
        print_issues(phrase, i);
        fail();
    }
    assert_string(x->label, kpi_phrase_label_at(phrase, i), "label", text);
    assert_double(x->value, kpi_phrase_value_at(phrase, i), "value", text);
    assert_string(x->unit, kpi_phrase_unit_at(phrase, i), "unit", text);
    if (x->kind == NUM && kpi_phrase_direction_at(phrase, i) != x->direction) {
        print_error("%s: direction %d\n", text, (int)kpi_phrase_direction_at(phrase, i));
        fail();
    }
    assert_double(x->change_pct, kpi_phrase_change_pct_at(phrase, i), "change_pct", text);
    assert_int_equal(kpi_phrase_due_month_at(phrase, i), x->due_month);
    assert_int_equal(kpi_phrase_due_at(phrase, i), x->due);
    double confidence = kpi_phrase_confidence_at(phrase, i);
    size_t issues = kpi_phrase_issue_count_at(phrase, i);
    if (x->sure != (confidence == 1.0) || x->sure != (issues == 0)) {
        print_error("%s: confidence %g with %zu issues, expected %s\n", text, confidence,
                    issues, x->sure ? "certain" : "unsure");
        print_issues(phrase, i);
        fail();
    }
    assert_true(confidence > 0 && confidence <= 1);
    if (x->issue && !has_issue(phrase, i, x->issue)) {
        print_error("%s: no issue containing \"%s\"\n", text, x->issue);
        print_issues(phrase, i);
        fail();
    }
}

/* Reads x->text alone: one target, read as x says, its text verbatim. */
static void check_reading(const reading *x)
{
    kpi_phrase *phrase = parse_ok(x->text, 2017);
    if (kpi_phrase_count(phrase) != 1) {
        print_error("%s: %zu targets, expected 1\n", x->text, kpi_phrase_count(phrase));
        for (size_t i = 0; i < kpi_phrase_count(phrase); i++)
            print_error("  [%zu] %s\n", i, kpi_phrase_text_at(phrase, i));
        fail();
    }
    assert_string(x->text, kpi_phrase_text_at(phrase, 0), "text", x->text);
    check_target(phrase, 0, x);
    kpi_phrase_free(phrase);
}

static void check_cell(const cell *c)
{
    kpi_phrase *phrase = parse_ok(c->text, 2017);
    size_t count = kpi_phrase_count(phrase);
    if (count != c->count) {
        print_error("%s: %zu targets, expected %zu\n", c->text, count, c->count);
        for (size_t i = 0; i < count; i++)
            print_error("  [%zu] %s\n", i, kpi_phrase_text_at(phrase, i));
        fail();
    }
    for (size_t i = 0; i < count; i++)
        assert_string(c->parts[i], kpi_phrase_text_at(phrase, i), "part", c->text);
    kpi_phrase_free(phrase);
}

/* ---- The seed: every target phrase ------------------------------------------------ */

/* The 46 target phrases of the seed, in the order of the structure file
 * (codes in comments). Where this table and the data differ: */
static const reading seed_targets[] = {
    /* 1-1-a: 反映 (into next year's budget) is done once. */
    {"総合戦略事業を検証し次年度予算及び各種施策展開へ反映", MIL,
     "総合戦略事業を検証し次年度予算及び各種施策展開へ反映", NAN, "", INC, NAN, 0, 0,
     SURE, NULL},
    /* 1-1-b: no unit after 2; 事業 is the label's last word. */
    {"推進交付金新規事業 2", NUM, "推進交付金新規事業", 2, "事業", INC, NAN, 0, 0, UNSURE,
     "read from the label"},
    /* 1-1-c: the data says 件; the phrase's own counter is 計画 (新規計画 1). */
    {"企業版ふるさと納税新規計画 1", NUM, "企業版ふるさと納税新規計画", 1, "計画", INC,
     NAN, 0, 0, UNSURE, "read from the label"},
    /* 1-2-a */
    {"まちなかキャンパス 新規提携先 2機関", NUM, "まちなかキャンパス 新規提携先", 2,
     "機関", INC, NAN, 0, 0, SURE, NULL},
    /* 1-2-b: relative; the unit 回 comes from 開催数. */
    {"講座開催数 前年度比10%増", NUM, "講座開催数", NAN, "回", INC, 10, 0, 0, UNSURE,
     "last year's figure is not in the phrase"},
    /* 1-2-c */
    {"長野大学の業務実績評価の仕組の構築", MIL, "長野大学の業務実績評価の仕組の構築", NAN,
     "", INC, NAN, 0, 0, SURE, NULL},
    /* 1-2-d */
    {"新潟薬科大学等の高等教育機関の受入れの検討", QUAL,
     "新潟薬科大学等の高等教育機関の受入れの検討", NAN, "", INC, NAN, 0, 0, SURE, NULL},
    /* 1-3-a */
    {"合併特例債充当事業の最終決定", MIL, "合併特例債充当事業の最終決定", NAN, "", INC,
     NAN, 0, 0, SURE, NULL},
    /* 1-4-a: 第2次 is a name; 推進と…検証 are both aims, so one target. */
    {"第2次共生ビジョンの着実な推進と進捗状況の検証", QUAL,
     "第2次共生ビジョンの着実な推進と進捗状況の検証", NAN, "", INC, NAN, 0, 0, SURE,
     NULL},
    /* 1-4-b: the 3 of 3市長 is part of a name, not a second number. */
    {"3市長鼎談等意見交換の実施 1回以上", NUM, "3市長鼎談等意見交換の実施", 1, "回", INC,
     NAN, 0, 0, SURE, NULL},
    /* 1-4-c: the data says 件; the phrase writes no unit (2以上). */
    {"官民包括連携協定の締結 2以上", NUM, "官民包括連携協定の締結", 2, "", INC, NAN, 0, 0,
     SURE, NULL},
    /* 2-1-a: two milestones joined by と are one. */
    {"庁内組織の立ち上げと推進会議の開催", MIL, "庁内組織の立ち上げと推進会議の開催", NAN,
     "", INC, NAN, 0, 0, SURE, NULL},
    /* 2-1-b */
    {"指針の策定", MIL, "指針の策定", NAN, "", INC, NAN, 0, 0, SURE, NULL},
    /* 2-1-c */
    {"首都圏でのイベント等の開催", MIL, "首都圏でのイベント等の開催", NAN, "", INC, NAN,
     0, 0, SURE, NULL},
    /* 2-2-a */
    {"庁内向マニュアルの作成", MIL, "庁内向マニュアルの作成", NAN, "", INC, NAN, 0, 0,
     SURE, NULL},
    /* 2-2-b */
    {"職員研修1回実施", NUM, "職員研修", 1, "回", INC, NAN, 0, 0, SURE, NULL},
    /* 2-2-c: the unit comes after の and stays in the label. */
    {"1以上のアカウントを新規運用開始", NUM, "アカウントを新規運用開始", 1, "アカウント",
     INC, NAN, 0, 0, SURE, NULL},
    /* 2-3-a */
    {"HPでのオープンデータの提供開始(1分野)", NUM, "HPでのオープンデータの提供開始", 1,
     "分野", INC, NAN, 0, 0, SURE, NULL},
    /* 3-1-a */
    {"移住セミナーへの参加 12回以上", NUM, "移住セミナーへの参加", 12, "回", INC, NAN, 0,
     0, SURE, NULL},
    /* 3-1-b */
    {"大都市部で相談窓口を定期開催 12回", NUM, "大都市部で相談窓口を定期開催", 12, "回",
     INC, NAN, 0, 0, SURE, NULL},
    /* 3-1-c */
    {"移住体験ツアーの実施 2回以上", NUM, "移住体験ツアーの実施", 2, "回", INC, NAN, 0, 0,
     SURE, NULL},
    /* 3-2-a */
    {"物件登録件数30件以上", NUM, "物件登録件数", 30, "件", INC, NAN, 0, 0, SURE, NULL},
    /* 3-2-b */
    {"利用者登録数60件以上", NUM, "利用者登録数", 60, "件", INC, NAN, 0, 0, SURE, NULL},
    /* 3-2-c */
    {"成約件数15件以上", NUM, "成約件数", 15, "件", INC, NAN, 0, 0, SURE, NULL},
    /* 3-3-a */
    {"意識調査の実施", MIL, "意識調査の実施", NAN, "", INC, NAN, 0, 0, SURE, NULL},
    /* 3-3-b */
    {"異業種交流セミナーを6回開催", NUM, "異業種交流セミナー", 6, "回", INC, NAN, 0, 0,
     SURE, NULL},
    /* 3-3-c */
    {"成婚8組以上", NUM, "成婚", 8, "組", INC, NAN, 0, 0, SURE, NULL},
    /* 3-4-a: the data gives the unit 品目 from the progress text; the phrase
     * has none. */
    {"謝意を込めた魅力ある返礼品の充実", QUAL, "謝意を込めた魅力ある返礼品の充実", NAN,
     "", INC, NAN, 0, 0, SURE, NULL},
    /* 4-1-a */
    {"「公認チームキャンプ候補地」への認定", MIL, "「公認チームキャンプ候補地」への認定",
     NAN, "", INC, NAN, 0, 0, SURE, NULL},
    /* 4-1-b */
    {"オリンピック代表選手等を招いての講演会の開催", MIL,
     "オリンピック代表選手等を招いての講演会の開催", NAN, "", INC, NAN, 0, 0, SURE, NULL},
    /* 4-2-a: a named event with a month. */
    {"上田城跡能(8月)", MIL, "上田城跡能", NAN, "", INC, NAN, 8, 20170831, SURE, NULL},
    /* 4-2-b */
    {"うえだ城下町映画祭(11月)", MIL, "うえだ城下町映画祭", NAN, "", INC, NAN, 11,
     20171130, SURE, NULL},
    /* 4-2-c: 10回記念 names the 10th edition; a judgement, so not certain. */
    {"シリーズ文化講演会(10回記念)", MIL, "シリーズ文化講演会(10回記念)", NAN, "", INC,
     NAN, 0, 0, UNSURE, "name of an edition"},
    /* 4-2-d */
    {"芸術家学校派遣事業(5校)を実施", NUM, "芸術家学校派遣事業", 5, "校", INC, NAN, 0, 0,
     SURE, NULL},
    /* 4-2-e */
    {"子ども文化講座(1回)", NUM, "子ども文化講座", 1, "回", INC, NAN, 0, 0, SURE, NULL},
    /* 4-2-f */
    {"子ども文化祭(1回)の開催", NUM, "子ども文化祭", 1, "回", INC, NAN, 0, 0, SURE, NULL},
    /* 5-1-a */
    {"市内全小学校25校", NUM, "市内全小学校", 25, "校", INC, NAN, 0, 0, SURE, NULL},
    /* 5-1-b: the count comes first; what follows is what is counted. */
    {"9地域でのワークショップ、コンサートの開催", NUM, "ワークショップ、コンサート", 9,
     "地域", INC, NAN, 0, 0, SURE, NULL},
    /* 5-1-c */
    {"「子どもアトリエ」講座等50回開催", NUM, "「子どもアトリエ」講座等", 50, "回", INC,
     NAN, 0, 0, SURE, NULL},
    /* 5-2-a: the data's unit 人 comes from the progress text. */
    {"サポーター活動の充実", QUAL, "サポーター活動の充実", NAN, "", INC, NAN, 0, 0, SURE,
     NULL},
    /* 5-2-b */
    {"アーツスタッフアカデミーの実施", MIL, "アーツスタッフアカデミーの実施", NAN, "",
     INC, NAN, 0, 0, SURE, NULL},
    /* 5-3-a */
    {"市民要望を参考とした15回の自主事業公演", NUM, "市民要望を参考とした自主事業公演",
     15, "回", INC, NAN, 0, 0, SURE, NULL},
    /* 5-3-b */
    {"8回の展覧会を実施", NUM, "展覧会", 8, "回", INC, NAN, 0, 0, SURE, NULL},
    /* 5-4-a: 情報提供 is ongoing work, so …を実施 is an aim, not a milestone. */
    {"ホームページ、機関誌等により情報提供を実施", QUAL,
     "ホームページ、機関誌等により情報提供を実施", NAN, "", INC, NAN, 0, 0, SURE, NULL},
    /* 5-5-a */
    {"国県等の補助金の積極的な活用", QUAL, "国県等の補助金の積極的な活用", NAN, "", INC,
     NAN, 0, 0, SURE, NULL},
    /* 5-5-b: a count with no number (INCOMPLETE in the data, too); the
     * data's unit 件 comes from the progress text. */
    {"サントミュージゼパートナーズの獲得", NUM, "サントミュージゼパートナーズの獲得", NAN,
     "", INC, NAN, 0, 0, UNSURE, "gives no number"},
};

static void test_seed_targets(void **state)
{
    (void)state;
    size_t count = sizeof seed_targets / sizeof seed_targets[0];
    assert_int_equal(count, 46);
    for (size_t i = 0; i < count; i++)
        check_reading(&seed_targets[i]);
}

/* Every numeric target of the seed reads as the data file has it: value,
 * unit (but for the two the phrase does not write) and direction. */
static void test_seed_numeric_count(void **state)
{
    (void)state;
    size_t numeric = 0, milestone = 0, qualitative = 0;
    for (size_t i = 0; i < sizeof seed_targets / sizeof seed_targets[0]; i++) {
        kpi_kind kind = seed_targets[i].kind;
        numeric += kind == NUM;
        milestone += kind == MIL;
        qualitative += kind == QUAL;
    }
    /* examples/data/README.md: 26 numeric, 14 milestone, 6 qualitative. */
    assert_int_equal(numeric, 26);
    assert_int_equal(milestone, 14);
    assert_int_equal(qualitative, 6);
}

/* ---- The seed: every 期限・数値目標等 cell, whole ------------------------------------
 */

static const cell seed_cells[] = {
    /* goal 1 */
    {"①総合戦略事業を検証し次年度予算及び各種施策展開へ反映 ・推進交付金新規事業 2 "
     "・企業版ふるさと納税新規計画 1",
     3,
     {"総合戦略事業を検証し次年度予算及び各種施策展開へ反映", "推進交付金新規事業 2",
      "企業版ふるさと納税新規計画 1"}},
    {"② ・まちなかキャンパス 新規提携先 2機関 講座開催数 前年度比10%増 "
     "・長野大学の業務実績評価の仕組の構築 ・新潟薬科大学等の高等教育機関の受入れの検討",
     4,
     {"まちなかキャンパス 新規提携先 2機関", "講座開催数 前年度比10%増",
      "長野大学の業務実績評価の仕組の構築",
      "新潟薬科大学等の高等教育機関の受入れの検討"}},
    {"③合併特例債充当事業の最終決定", 1, {"合併特例債充当事業の最終決定"}},
    {"④第2次共生ビジョンの着実な推進と進捗状況の検証 ・3市長鼎談等意見交換の実施 1回以上 "
     "・官民包括連携協定の締結 2以上",
     3,
     {"第2次共生ビジョンの着実な推進と進捗状況の検証",
      "3市長鼎談等意見交換の実施 1回以上", "官民包括連携協定の締結 2以上"}},
    /* goal 2 */
    {"①庁内組織の立ち上げと推進会議の開催 ・指針の策定 ・首都圏でのイベント等の開催",
     3,
     {"庁内組織の立ち上げと推進会議の開催", "指針の策定", "首都圏でのイベント等の開催"}},
    {"②庁内向マニュアルの作成 ・職員研修1回実施 ・1以上のアカウントを新規運用開始",
     3,
     {"庁内向マニュアルの作成", "職員研修1回実施", "1以上のアカウントを新規運用開始"}},
    {"③HPでのオープンデータの提供開始(1分野)",
     1,
     {"HPでのオープンデータの提供開始(1分野)"}},
    /* goal 3 */
    {"①移住セミナーへの参加 12回以上 大都市部で相談窓口を定期開催 12回 "
     "移住体験ツアーの実施 2回以上",
     3,
     {"移住セミナーへの参加 12回以上", "大都市部で相談窓口を定期開催 12回",
      "移住体験ツアーの実施 2回以上"}},
    {"②物件登録件数30件以上 利用者登録数60件以上 成約件数15件以上",
     3,
     {"物件登録件数30件以上", "利用者登録数60件以上", "成約件数15件以上"}},
    {"③意識調査の実施 異業種交流セミナーを6回開催 成婚8組以上",
     3,
     {"意識調査の実施", "異業種交流セミナーを6回開催", "成婚8組以上"}},
    {"④謝意を込めた魅力ある返礼品の充実", 1, {"謝意を込めた魅力ある返礼品の充実"}},
    /* goal 4: the seed spreads these cells over two rows, joined here by a
     * line break. */
    {"① "
     "・「公認チームキャンプ候補地」への認定\n・オリンピック代表選手等を招いての講演会の"
     "開催",
     2,
     {"「公認チームキャンプ候補地」への認定",
      "オリンピック代表選手等を招いての講演会の開催"}},
    {"② ・上田城跡能(8月) うえだ城下町映画祭(11月) シリーズ文化講演会(10回記念)\n"
     "・芸術家学校派遣事業(5校)を実施 ・子ども文化講座(1回) 子ども文化祭(1回)の開催",
     6,
     {"上田城跡能(8月)", "うえだ城下町映画祭(11月)", "シリーズ文化講演会(10回記念)",
      "芸術家学校派遣事業(5校)を実施", "子ども文化講座(1回)", "子ども文化祭(1回)の開催"}},
    /* goal 5 */
    {"①市内全小学校25校、9地域でのワークショップ、コンサートの開催 "
     "「子どもアトリエ」講座等50回開催",
     3,
     {"市内全小学校25校", "9地域でのワークショップ、コンサートの開催",
      "「子どもアトリエ」講座等50回開催"}},
    {"②サポーター活動の充実とアーツスタッフアカデミーの実施",
     2,
     {"サポーター活動の充実", "アーツスタッフアカデミーの実施"}},
    {"③市民要望を参考とした15回の自主事業公演と8回の展覧会を実施",
     2,
     {"市民要望を参考とした15回の自主事業公演", "8回の展覧会を実施"}},
    {"④ホームページ、機関誌等により情報提供を実施",
     1,
     {"ホームページ、機関誌等により情報提供を実施"}},
    {"⑤国県等の補助金の積極的な活用 サントミュージゼパートナーズの獲得",
     2,
     {"国県等の補助金の積極的な活用", "サントミュージゼパートナーズの獲得"}},
};

static void test_seed_cells(void **state)
{
    (void)state;
    size_t targets = 0;
    for (size_t i = 0; i < sizeof seed_cells / sizeof seed_cells[0]; i++) {
        check_cell(&seed_cells[i]);
        targets += seed_cells[i].count;
    }
    assert_int_equal(targets, 46);
}

/* A cell read whole gives each target the same reading as its phrase
 * alone. */
static void test_seed_cells_read_as_parts(void **state)
{
    (void)state;
    for (size_t c = 0; c < sizeof seed_cells / sizeof seed_cells[0]; c++) {
        kpi_phrase *phrase = parse_ok(seed_cells[c].text, 2017);
        for (size_t i = 0; i < kpi_phrase_count(phrase); i++) {
            const char *text = kpi_phrase_text_at(phrase, i);
            const reading *x = NULL;
            for (size_t k = 0; k < sizeof seed_targets / sizeof seed_targets[0]; k++)
                if (strcmp(seed_targets[k].text, text) == 0)
                    x = &seed_targets[k];
            assert_non_null(x);
            check_target(phrase, i, x);
        }
        kpi_phrase_free(phrase);
    }
}

/* ---- Our own phrases ------------------------------------------------------------- */

static const reading own_phrases[] = {
    /* full-width digits, brackets, comma, percent, tilde */
    {"物件登録件数３０件以上", NUM, "物件登録件数", 30, "件", INC, NAN, 0, 0, SURE, NULL},
    {"利用者登録数６０件以上（８月）", NUM, "利用者登録数", 60, "件", INC, NAN, 8,
     20170831, SURE, NULL},
    {"ＨＰでのオープンデータの提供開始（１分野）", NUM, "HPでのオープンデータの提供開始",
     1, "分野", INC, NAN, 0, 0, SURE, NULL},
    {"相談件数１，２００件以上", NUM, "相談件数", 1200, "件", INC, NAN, 0, 0, SURE, NULL},
    {"相談件数1,200件以上", NUM, "相談件数", 1200, "件", INC, NAN, 0, 0, SURE, NULL},
    {"アンケート回答率５０％以上", NUM, "アンケート回答率", 50, "%", INC, NAN, 0, 0, SURE,
     NULL},
    {"参加者数10～20人", NUM, "参加者数", 10, "人", INC, NAN, 0, 0, UNSURE, "range"},
    {"参加者数10〜20人", NUM, "参加者数", 10, "人", INC, NAN, 0, 0, UNSURE, "range"},
    {"研修会３回実施", NUM, "研修会", 3, "回", INC, NAN, 0, 0, SURE, NULL},
    {"５０回以上開催", NUM, "", 50, "回", INC, NAN, 0, 0, SURE, NULL},
    /* comparisons */
    {"待機児童数10人以下", NUM, "待機児童数", 10, "人", DEC, NAN, 0, 0, SURE, NULL},
    {"事業費500万円以内", NUM, "事業費", 500, "万円", DEC, NAN, 0, 0, SURE, NULL},
    {"事故件数5件未満", NUM, "事故件数", 5, "件", DEC, NAN, 0, 0, UNSURE,
     "strict bound read as inclusive"},
    {"参加者100人超", NUM, "参加者", 100, "人", INC, NAN, 0, 0, UNSURE,
     "strict bound read as inclusive"},
    {"参加者数１００人超え", NUM, "参加者数", 100, "人", INC, NAN, 0, 0, UNSURE,
     "strict bound read as inclusive"},
    {"待機児童数0人", NUM, "待機児童数", 0, "人", INC, NAN, 0, 0, SURE, NULL},
    /* relative and changes */
    {"ごみ排出量前年比5%減", NUM, "ごみ排出量", NAN, "", DEC, 5, 0, 0, UNSURE,
     "last year's figure is not in the phrase"},
    {"ごみ排出量 前年度比▲5%", NUM, "ごみ排出量", NAN, "", DEC, 5, 0, 0, UNSURE,
     "last year's figure is not in the phrase"},
    {"認定件数 対前年度比 20% 増", NUM, "認定件数", NAN, "件", INC, 20, 0, 0, UNSURE,
     "last year's figure is not in the phrase"},
    {"来場者数 前年度比110%", NUM, "来場者数", NAN, "人", INC, 10, 0, 0, UNSURE,
     "read as a change of +10%"},
    {"来場者数10%増", NUM, "来場者数", NAN, "人", INC, 10, 0, 0, UNSURE,
     "the base of the change is not named"},
    {"観光客数10%増加（前年度比）", NUM, "観光客数", NAN, "人", INC, 10, 0, 0, UNSURE,
     "last year's figure"},
    {"相談件数10件増", NUM, "相談件数", NAN, "件", INC, NAN, 0, 0, UNSURE,
     "change from a figure the phrase does not give"},
    {"満足度80%以上", NUM, "満足度", 80, "%", INC, NAN, 0, 0, SURE, NULL},
    /* counts with verbs, N以上 without a unit */
    {"研修会を3回実施", NUM, "研修会", 3, "回", INC, NAN, 0, 0, SURE, NULL},
    {"講演会を2回開催", NUM, "講演会", 2, "回", INC, NAN, 0, 0, SURE, NULL},
    {"協定を3件締結", NUM, "協定", 3, "件", INC, NAN, 0, 0, SURE, NULL},
    {"研修会を5回以上行う", NUM, "研修会", 5, "回", INC, NAN, 0, 0, SURE, NULL},
    {"ワークショップ 5地域で開催", NUM, "ワークショップ", 5, "地域", INC, NAN, 0, 0, SURE,
     NULL},
    {"応募件数 5以上", NUM, "応募件数", 5, "件", INC, NAN, 0, 0, UNSURE,
     "read from the label"},
    {"連携協定の締結 3以上", NUM, "連携協定の締結", 3, "", INC, NAN, 0, 0, SURE, NULL},
    /* each unit */
    {"成婚10組以上", NUM, "成婚", 10, "組", INC, NAN, 0, 0, SURE, NULL},
    {"出前講座 20校", NUM, "出前講座", 20, "校", INC, NAN, 0, 0, SURE, NULL},
    {"ボランティア 20名以上", NUM, "ボランティア", 20, "名", INC, NAN, 0, 0, SURE, NULL},
    {"連携先 3機関", NUM, "連携先", 3, "機関", INC, NAN, 0, 0, SURE, NULL},
    {"返礼品 200品目以上", NUM, "返礼品", 200, "品目", INC, NAN, 0, 0, SURE, NULL},
    {"SNS 4アカウント", NUM, "SNS", 4, "アカウント", INC, NAN, 0, 0, SURE, NULL},
    {"オープンデータ 5分野以上", NUM, "オープンデータ", 5, "分野", INC, NAN, 0, 0, SURE,
     NULL},
    {"新規事業 3事業", NUM, "新規事業", 3, "事業", INC, NAN, 0, 0, SURE, NULL},
    {"個別計画 2計画以上", NUM, "個別計画", 2, "計画", INC, NAN, 0, 0, SURE, NULL},
    {"参加企業10社以上", NUM, "参加企業", 10, "社", INC, NAN, 0, 0, SURE, NULL},
    {"避難所 5か所", NUM, "避難所", 5, "か所", INC, NAN, 0, 0, SURE, NULL},
    {"宿泊者 1000人泊", NUM, "宿泊者", 1000, "人泊", INC, NAN, 0, 0, SURE, NULL},
    {"開館日数 300日以上", NUM, "開館日数", 300, "日", INC, NAN, 0, 0, SURE, NULL},
    {"来場者数1.5万人以上", NUM, "来場者数", 15000, "人", INC, NAN, 0, 0, SURE, NULL},
    {"セミナー5コース以上", NUM, "セミナー", 5, "コース", INC, NAN, 0, 0, SURE, NULL},
    {"セミナー5クール以上", NUM, "セミナー", 5, "クール", INC, NAN, 0, 0, UNSURE,
     "not in the unit table"},
    {"1人当たり500円", NUM, "1人当たり", 500, "円", INC, NAN, 0, 0, SURE, NULL},
    {"約30件", NUM, "", 30, "件", INC, NAN, 0, 0, UNSURE, "approximate"},
    {"研修会10回程度", NUM, "研修会", 10, "回", INC, NAN, 0, 0, UNSURE, "approximate"},
    /* months and dates */
    {"指針の策定(12月)", MIL, "指針の策定", NAN, "", INC, NAN, 12, 20171231, SURE, NULL},
    {"ガイドラインの策定（2月末）", MIL, "ガイドラインの策定", NAN, "", INC, NAN, 2,
     20180228, SURE, NULL},
    {"計画の策定（年度末）", MIL, "計画の策定", NAN, "", INC, NAN, 3, 20180331, SURE,
     NULL},
    {"研修会の開催（8月31日）", MIL, "研修会の開催", NAN, "", INC, NAN, 8, 20170831, SURE,
     NULL},
    {"研修会の開催(8/31)", MIL, "研修会の開催", NAN, "", INC, NAN, 8, 20170831, SURE,
     NULL},
    {"研修会の開催(2月30日)", MIL, "研修会の開催", NAN, "", INC, NAN, 2, 20180228, UNSURE,
     "no date"},
    {"指針を4月に策定", MIL, "指針を策定", NAN, "", INC, NAN, 4, 20170430, SURE, NULL},
    {"【9月】防災訓練の実施", MIL, "防災訓練の実施", NAN, "", INC, NAN, 9, 20170930, SURE,
     NULL},
    {"市民まつり（7月）", MIL, "市民まつり", NAN, "", INC, NAN, 7, 20170731, SURE, NULL},
    {"説明会(6月・10月)の開催", MIL, "説明会の開催", NAN, "", INC, NAN, 10, 20171031,
     UNSURE, "several months"},
    /* milestone verbs */
    {"システムの構築を開始", MIL, "システムの構築を開始", NAN, "", INC, NAN, 0, 0, SURE,
     NULL},
    {"新制度の導入", MIL, "新制度の導入", NAN, "", INC, NAN, 0, 0, SURE, NULL},
    {"条例の制定", MIL, "条例の制定", NAN, "", INC, NAN, 0, 0, SURE, NULL},
    {"方針の決定", MIL, "方針の決定", NAN, "", INC, NAN, 0, 0, SURE, NULL},
    {"相談窓口の設置", MIL, "相談窓口の設置", NAN, "", INC, NAN, 0, 0, SURE, NULL},
    {"指針を策定する", MIL, "指針を策定する", NAN, "", INC, NAN, 0, 0, SURE, NULL},
    {"マニュアル作成予定", MIL, "マニュアル作成予定", NAN, "", INC, NAN, 0, 0, SURE,
     NULL},
    {"第10回市民マラソン大会の開催", MIL, "第10回市民マラソン大会の開催", NAN, "", INC,
     NAN, 0, 0, SURE, NULL},
    {"2019年度までに計画を策定", MIL, "2019年度までに計画を策定", NAN, "", INC, NAN, 0, 0,
     SURE, NULL},
    {"10周年記念式典", MIL, "10周年記念式典", NAN, "", INC, NAN, 0, 0, UNSURE,
     "name of an edition"},
    /* qualitative aims */
    {"空き家対策の推進", QUAL, "空き家対策の推進", NAN, "", INC, NAN, 0, 0, SURE, NULL},
    {"地域資源の積極的な活用", QUAL, "地域資源の積極的な活用", NAN, "", INC, NAN, 0, 0,
     SURE, NULL},
    {"防災意識の向上", QUAL, "防災意識の向上", NAN, "", INC, NAN, 0, 0, SURE, NULL},
    {"関係機関との連携強化", QUAL, "関係機関との連携強化", NAN, "", INC, NAN, 0, 0, SURE,
     NULL},
    {"市報により周知を実施", QUAL, "市報により周知を実施", NAN, "", INC, NAN, 0, 0, SURE,
     NULL},
    {"地域の皆さんと共に", QUAL, "地域の皆さんと共に", NAN, "", INC, NAN, 0, 0, UNSURE,
     "read as qualitative"},
    /* a count with no number */
    {"残業時間の削減", NUM, "残業時間の削減", NAN, "", DEC, NAN, 0, 0, UNSURE,
     "a count to lower"},
    /* two numbers of unclear role: never certain */
    {"市内小学校8校でのクラスコンサート、2校でのダンスワークショップ", NUM,
     "市内小学校クラスコンサート、2校でのダンスワークショップ", 8, "校", INC, NAN, 0, 0,
     UNSURE, "more than one number"},
    {"H28.9に139品目が、H29.9に175品目に充実", NUM, "H28.9にが、H29.9に175品目に充実",
     139, "品目", INC, NAN, 0, 0, UNSURE, "more than one number"},
    {"研修を5回実施し参加者を増やす", NUM, "研修をし参加者を増やす", 5, "回", INC, NAN, 0,
     0, UNSURE, "text after the number not read"},
    /* names are not numbers */
    {"H29年度 研修1回", NUM, "H29年度 研修", 1, "回", INC, NAN, 0, 0, SURE, NULL},
    /* per capita and per day: 1人1日 names the rate, it is no count */
    {"市民1人1日当たりのごみ排出量800g以下", NUM, "市民1人1日当たりのごみ排出量", 800,
     "g", DEC, NAN, 0, 0, SURE, NULL},
    {"1日当たりの来館者数200人以上", NUM, "1日当たりの来館者数", 200, "人", INC, NAN, 0,
     0, SURE, NULL},
    {"1世帯あたり電力使用量300kWh以下", NUM, "1世帯あたり電力使用量", 300, "kWh", DEC,
     NAN, 0, 0, SURE, NULL},
    /* a frequency after a verb phrase is the target's value */
    {"研修会の開催 年4回以上", NUM, "研修会の開催", 4, "回", INC, NAN, 0, 0, SURE, NULL},
    {"相談会を毎月1回開催", NUM, "相談会", 1, "回", INC, NAN, 0, 0, SURE, NULL},
    {"年に2回の研修会", NUM, "研修会", 2, "回", INC, NAN, 0, 0, SURE, NULL},
    {"相談件数 年間120件以上", NUM, "相談件数", 120, "件", INC, NAN, 0, 0, SURE, NULL},
    /* but a year before a count is no frequency */
    {"2019年4回", NUM, "2019年", 4, "回", INC, NAN, 0, 0, SURE, NULL},
    /* words for zero: a count of 0, lower being better */
    {"事故ゼロ", NUM, "事故", 0, "", DEC, NAN, 0, 0, SURE, NULL},
    {"待機児童ゼロ", NUM, "待機児童", 0, "", DEC, NAN, 0, 0, SURE, NULL},
    {"労働災害ゼロ件", NUM, "労働災害", 0, "件", DEC, NAN, 0, 0, SURE, NULL},
    {"待機児童ゼロを目指す", NUM, "待機児童", 0, "", DEC, NAN, 0, 0, SURE, NULL},
    /* a 0 written in digits keeps its comparison's direction */
    {"0件", NUM, "", 0, "件", INC, NAN, 0, 0, SURE, NULL},
    {"苦情件数0件以下", NUM, "苦情件数", 0, "件", DEC, NAN, 0, 0, SURE, NULL},
    /* ゼロ beginning a word is a name */
    {"ゼロカーボンシティの推進", QUAL, "ゼロカーボンシティの推進", NAN, "", INC, NAN, 0,
     0, SURE, NULL},
    /* several days: the last is the due date */
    {"うえだ城下町映画祭(11月18、19日)", MIL, "うえだ城下町映画祭", NAN, "", INC, NAN, 11,
     20171119, SURE, NULL},
    {"研修会の開催(8月1日・2日)", MIL, "研修会の開催", NAN, "", INC, NAN, 8, 20170802,
     SURE, NULL},
};

static void test_own_phrases(void **state)
{
    (void)state;
    size_t count = sizeof own_phrases / sizeof own_phrases[0];
    assert_true(count >= 40);
    for (size_t i = 0; i < count; i++)
        check_reading(&own_phrases[i]);
}

static const cell own_cells[] = {
    {"物件登録件数30件以上・利用者登録数60件以上",
     2,
     {"物件登録件数30件以上", "利用者登録数60件以上"}},
    {"移住相談 12回\n空き家見学会 4回", 2, {"移住相談 12回", "空き家見学会 4回"}},
    {"移住相談 12回\r\n空き家見学会 4回", 2, {"移住相談 12回", "空き家見学会 4回"}},
    {"・移住相談 12回 ・空き家見学会 4回", 2, {"移住相談 12回", "空き家見学会 4回"}},
    {"研修会３回実施　講演会２回開催", 2, {"研修会３回実施", "講演会２回開催"}},
    {"計画を策定。説明会を2回開催", 2, {"計画を策定", "説明会を2回開催"}},
    {"応募 10件、採択 5件", 2, {"応募 10件", "採択 5件"}},
    {"指針の策定・マニュアルの作成", 2, {"指針の策定", "マニュアルの作成"}},
    {"相談窓口の開設と相談会10回開催", 2, {"相談窓口の開設", "相談会10回開催"}},
    {"● 研修会の開催（8月） ● 講演会の開催（11月）",
     2,
     {"研修会の開催（8月）", "講演会の開催（11月）"}},
    /* not cut: ・ inside a name, と inside a clause, a count after a verb */
    {"まち・ひと・しごと創生の推進", 1, {"まち・ひと・しごと創生の推進"}},
    {"調査事業・セミナー事業の実施", 1, {"調査事業・セミナー事業の実施"}},
    {"研修会の実施 (8月)", 1, {"研修会の実施 (8月)"}},
    {"講座開催数 前年度比 10% 増", 1, {"講座開催数 前年度比 10% 増"}},
    {"文化・スポーツの振興（2019・20年）", 1, {"文化・スポーツの振興（2019・20年）"}},
    /* a rate after a blank continues the target */
    {"研修会の開催 年4回以上", 1, {"研修会の開催 年4回以上"}},
    {"市民1人1日当たりのごみ排出量800g以下", 1, {"市民1人1日当たりのごみ排出量800g以下"}},
    {"事故ゼロ・待機児童ゼロ", 2, {"事故ゼロ", "待機児童ゼロ"}},
};

static void test_own_cells(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof own_cells / sizeof own_cells[0]; i++)
        check_cell(&own_cells[i]);
}

/* The full-width and half-width spellings of a phrase read alike; only
 * the verbatim text differs. */
static void test_width_makes_no_difference(void **state)
{
    (void)state;
    static const char *const pairs[][2] = {
        {"物件登録件数３０件以上", "物件登録件数30件以上"},
        {"上田城跡能（８月）", "上田城跡能(8月)"},
        {"講座開催数　前年度比１０％増", "講座開催数 前年度比10%増"},
        {"子ども文化講座（１回）　子ども文化祭（１回）の開催",
         "子ども文化講座(1回) 子ども文化祭(1回)の開催"},
        {"事故件数５件未満", "事故件数5件未満"},
        {"来場者数１．５万人以上", "来場者数1.5万人以上"},
    };
    for (size_t p = 0; p < sizeof pairs / sizeof pairs[0]; p++) {
        kpi_phrase *wide = parse_ok(pairs[p][0], 2017);
        kpi_phrase *narrow = parse_ok(pairs[p][1], 2017);
        assert_int_equal(kpi_phrase_count(wide), kpi_phrase_count(narrow));
        for (size_t i = 0; i < kpi_phrase_count(wide); i++) {
            assert_string(kpi_phrase_label_at(narrow, i), kpi_phrase_label_at(wide, i),
                          "label", pairs[p][0]);
            assert_string(kpi_phrase_unit_at(narrow, i), kpi_phrase_unit_at(wide, i),
                          "unit", pairs[p][0]);
            assert_int_equal(kpi_phrase_kind_at(wide, i), kpi_phrase_kind_at(narrow, i));
            assert_int_equal(kpi_phrase_direction_at(wide, i),
                             kpi_phrase_direction_at(narrow, i));
            assert_double(kpi_phrase_value_at(narrow, i), kpi_phrase_value_at(wide, i),
                          "value", pairs[p][0]);
            assert_double(kpi_phrase_change_pct_at(narrow, i),
                          kpi_phrase_change_pct_at(wide, i), "change", pairs[p][0]);
            assert_int_equal(kpi_phrase_due_at(wide, i), kpi_phrase_due_at(narrow, i));
            assert_double(kpi_phrase_confidence_at(narrow, i),
                          kpi_phrase_confidence_at(wide, i), "confidence", pairs[p][0]);
        }
        /* The text stays as written. */
        assert_non_null(strstr(pairs[p][0], kpi_phrase_text_at(wide, 0)));
        kpi_phrase_free(wide);
        kpi_phrase_free(narrow);
    }
}

/* ---- Fiscal years ---------------------------------------------------------------- */

static void test_due_dates_follow_fiscal_year(void **state)
{
    (void)state;
    kpi_phrase *phrase = parse_ok("成果報告(2月)", 2019);
    assert_int_equal(kpi_phrase_due_month_at(phrase, 0), 2);
    assert_int_equal(kpi_phrase_due_at(phrase, 0), 20200229); /* leap year */
    kpi_phrase_free(phrase);

    phrase = parse_ok("成果報告(2月)", 2017);
    assert_int_equal(kpi_phrase_due_at(phrase, 0), 20180228);
    kpi_phrase_free(phrase);

    phrase = parse_ok("上田城跡能(8月)", 0); /* unknown year: the month only */
    assert_int_equal(kpi_phrase_due_month_at(phrase, 0), 8);
    assert_int_equal(kpi_phrase_due_at(phrase, 0), 0);
    kpi_phrase_free(phrase);

    phrase = parse_ok("計画の策定(3月)", 9998);
    assert_int_equal(kpi_phrase_due_at(phrase, 0), 99990331);
    kpi_phrase_free(phrase);

    phrase = parse_ok("計画の策定(4月)", 1);
    assert_int_equal(kpi_phrase_due_at(phrase, 0), 10430);
    kpi_phrase_free(phrase);
}

/* ---- Phrases that must not parse --------------------------------------------------- */

static void check_refused(const char *text, int32_t fiscal_year, int code,
                          const char *fragment)
{
    kpi_phrase *phrase = (kpi_phrase *)&phrase; /* anything but NULL */
    kpi_error_clear();
    int rc = kpi_phrase_parse(&phrase, text, fiscal_year);
    if (rc != code) {
        print_error("kpi_phrase_parse(\"%s\") gave %d, expected %d\n",
                    text ? text : "(null)", rc, code);
        fail();
    }
    assert_null(phrase);
    assert_int_equal(kpi_error_code(), code);
    if (fragment)
        assert_contains(kpi_error_message(), fragment);
}

static void test_refused(void **state)
{
    (void)state;
    check_refused("", 2017, KPI_ERR_VALUE, "empty");
    check_refused("   ", 2017, KPI_ERR_VALUE, "nothing to read");
    check_refused("　\n\t・", 2017, KPI_ERR_VALUE, "nothing to read");
    check_refused("① ・", 2017, KPI_ERR_VALUE, "nothing to read");
    check_refused("・・・", 2017, KPI_ERR_VALUE, "nothing to read");
    check_refused("abc\xff", 2017, KPI_ERR_VALUE, "byte offset 3");
    check_refused("\x80", 2017, KPI_ERR_VALUE, "byte offset 0");
    check_refused("件数\xe3\x81", 2017, KPI_ERR_VALUE, "byte offset 6"); /* truncated */
    check_refused("\xc0\xaf", 2017, KPI_ERR_VALUE, "invalid UTF-8");     /* overlong */
    check_refused("\xed\xa0\x80", 2017, KPI_ERR_VALUE, "invalid UTF-8"); /* surrogate */
    check_refused("\xf4\x90\x80\x80", 2017, KPI_ERR_VALUE,
                  "invalid UTF-8"); /* > U+10FFFF */
    check_refused("指針の策定", -1, KPI_ERR_ARGUMENT, "fiscal_year");
    check_refused("指針の策定", 9999, KPI_ERR_ARGUMENT, "fiscal_year");

    char *longest = malloc(4098);
    assert_non_null(longest);
    memset(longest, 'a', 4097);
    longest[4097] = '\0';
    check_refused(longest, 2017, KPI_ERR_LIMIT, "4096");
    longest[4096] = '\0'; /* exactly the limit: read */
    kpi_phrase *phrase = parse_ok(longest, 2017);
    assert_int_equal(kpi_phrase_kind_at(phrase, 0), QUAL);
    kpi_phrase_free(phrase);
    free(longest);
}

/* Long and odd input: never a crash, every reading well-formed. */
static void test_odd_input(void **state)
{
    (void)state;
    static const char *const odd[] = {
        "0",
        "1",
        "12",
        "月",
        "(",
        ")",
        "((((((",
        "「",
        "と",
        "・・・と",
        "10~",
        "~10",
        "前年度比",
        "前年度比%",
        "%増",
        "1,",
        ",000",
        "1.",
        ".5",
        "第",
        "99999999999999999999件",
        "0.0000000000000001件",
        "13月",
        "0月",
        "2月31日",
        "(8/)",
        "8/31",
        "年度末",
        "万人",
        "1万",
        "1千葉",
        "▲",
        "約",
        "超",
        "5~6~7件",
        "1以上の",
        "の1",
        "\xef\xbb\xbf指針の策定",
    };
    for (size_t i = 0; i < sizeof odd / sizeof odd[0]; i++) {
        kpi_phrase *phrase = parse_ok(odd[i], 2017);
        for (size_t t = 0; t < kpi_phrase_count(phrase); t++) {
            assert_non_null(kpi_phrase_label_at(phrase, t));
            assert_non_null(kpi_phrase_unit_at(phrase, t));
            double c = kpi_phrase_confidence_at(phrase, t);
            assert_true(c > 0 && c <= 1);
            assert_true((c == 1) == (kpi_phrase_issue_count_at(phrase, t) == 0));
        }
        kpi_phrase_free(phrase);
    }

    /* 4096 bytes of digits and units, brackets and bullets. */
    char *big = malloc(4097);
    assert_non_null(big);
    static const char piece[] = "・(8月)30件以上と"; /* 22 bytes */
    size_t len = 0;
    while (len + sizeof piece - 1 <= 4096) {
        memcpy(big + len, piece, sizeof piece - 1);
        len += sizeof piece - 1;
    }
    big[len] = '\0';
    kpi_phrase *phrase = parse_ok(big, 2017);
    assert_true(kpi_phrase_count(phrase) > 100);
    kpi_phrase_free(phrase);
    free(big);
}

/* ---- The API contract -------------------------------------------------------------- */

static void test_null_arguments(void **state)
{
    (void)state;
    kpi_phrase *phrase = NULL;
    kpi_error_clear();
    assert_int_equal(kpi_phrase_parse(NULL, "指針の策定", 2017), KPI_ERR_ARGUMENT);
    assert_contains(kpi_error_message(), "out");
    assert_int_equal(kpi_phrase_parse(&phrase, NULL, 2017), KPI_ERR_ARGUMENT);
    assert_contains(kpi_error_message(), "text");
    assert_null(phrase);

    kpi_error_clear();
    assert_int_equal(kpi_phrase_count(NULL), 0);
    assert_int_equal(kpi_error_code(), KPI_ERR_ARGUMENT);
    kpi_error_clear();
    assert_null(kpi_phrase_text_at(NULL, 0));
    assert_int_equal(kpi_error_code(), KPI_ERR_ARGUMENT);
    assert_null(kpi_phrase_label_at(NULL, 0));
    assert_null(kpi_phrase_unit_at(NULL, 0));
    assert_int_equal(kpi_phrase_kind_at(NULL, 0), KPI_KIND_NUMERIC);
    assert_int_equal(kpi_phrase_direction_at(NULL, 0), KPI_DIRECTION_INCREASE);
    assert_true(isnan(kpi_phrase_value_at(NULL, 0)));
    assert_true(isnan(kpi_phrase_change_pct_at(NULL, 0)));
    assert_int_equal(kpi_phrase_due_month_at(NULL, 0), 0);
    assert_int_equal(kpi_phrase_due_at(NULL, 0), 0);
    assert_true(isnan(kpi_phrase_confidence_at(NULL, 0)));
    assert_int_equal(kpi_phrase_issue_count_at(NULL, 0), 0);
    kpi_error_clear();
    assert_null(kpi_phrase_issue_at(NULL, 0, 0));
    assert_int_equal(kpi_error_code(), KPI_ERR_ARGUMENT);
    kpi_phrase_free(NULL);
}

static void test_out_of_range(void **state)
{
    (void)state;
    kpi_phrase *phrase = parse_ok("物件登録件数30件以上", 2017);
    assert_int_equal(kpi_phrase_count(phrase), 1);
    kpi_error_clear();
    assert_null(kpi_phrase_text_at(phrase, 1));
    assert_int_equal(kpi_error_code(), KPI_ERR_RANGE);
    assert_contains(kpi_error_message(), "out of range");
    kpi_error_clear();
    assert_null(kpi_phrase_label_at(phrase, 1));
    assert_int_equal(kpi_error_code(), KPI_ERR_RANGE);
    kpi_error_clear();
    assert_null(kpi_phrase_unit_at(phrase, 7));
    assert_int_equal(kpi_error_code(), KPI_ERR_RANGE);
    kpi_error_clear();
    assert_true(isnan(kpi_phrase_value_at(phrase, 1)));
    assert_int_equal(kpi_error_code(), KPI_ERR_RANGE);
    kpi_error_clear();
    assert_true(isnan(kpi_phrase_change_pct_at(phrase, 1)));
    assert_int_equal(kpi_error_code(), KPI_ERR_RANGE);
    kpi_error_clear();
    assert_true(isnan(kpi_phrase_confidence_at(phrase, SIZE_MAX)));
    assert_int_equal(kpi_error_code(), KPI_ERR_RANGE);
    kpi_error_clear();
    assert_int_equal(kpi_phrase_due_month_at(phrase, 1), 0);
    assert_int_equal(kpi_error_code(), KPI_ERR_RANGE);
    kpi_error_clear();
    assert_int_equal(kpi_phrase_due_at(phrase, 1), 0);
    assert_int_equal(kpi_error_code(), KPI_ERR_RANGE);
    kpi_error_clear();
    assert_int_equal(kpi_phrase_kind_at(phrase, 1), KPI_KIND_NUMERIC);
    assert_int_equal(kpi_error_code(), KPI_ERR_RANGE);
    kpi_error_clear();
    assert_int_equal(kpi_phrase_direction_at(phrase, 1), KPI_DIRECTION_INCREASE);
    assert_int_equal(kpi_error_code(), KPI_ERR_RANGE);
    kpi_error_clear();
    assert_int_equal(kpi_phrase_issue_count_at(phrase, 1), 0);
    assert_int_equal(kpi_error_code(), KPI_ERR_RANGE);
    kpi_error_clear();
    assert_null(kpi_phrase_issue_at(phrase, 1, 0));
    assert_int_equal(kpi_error_code(), KPI_ERR_RANGE);
    /* an issue index past the target's issues */
    kpi_error_clear();
    assert_int_equal(kpi_phrase_issue_count_at(phrase, 0), 0);
    assert_null(kpi_phrase_issue_at(phrase, 0, 0));
    assert_int_equal(kpi_error_code(), KPI_ERR_RANGE);
    assert_contains(kpi_error_message(), "issue index");
    kpi_phrase_free(phrase);
}

/* A successful parse leaves the last error alone (kpi/error.h). */
static void test_success_keeps_last_error(void **state)
{
    (void)state;
    assert_int_equal(kpi_phrase_parse(NULL, "x", 0), KPI_ERR_ARGUMENT);
    kpi_phrase *phrase = parse_ok("研修会の開催(2月30日)・99999999999999999999件", 2017);
    kpi_phrase_free(phrase);
    assert_int_equal(kpi_error_code(), KPI_ERR_ARGUMENT);
}

/* ---- Allocation failure ------------------------------------------------------------ */

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

/* Every allocation of a parse may fail: the parse then returns
 * KPI_ERR_NOMEM, gives NULL and leaks nothing (checked by the sanitizer
 * and valgrind runs). */
static void test_allocation_failure(void **state)
{
    (void)state;
    const char *cell_text = seed_cells[12].text; /* six targets, brackets, months */
    assert_int_equal(kpi_set_allocator(failing_alloc, release, NULL), KPI_OK);
    int succeeded = 0;
    for (long n = 0; n < 100000 && !succeeded; n++) {
        kpi_phrase *phrase = (kpi_phrase *)&phrase;
        allocations_left = n;
        int rc = kpi_phrase_parse(&phrase, cell_text, 2017);
        allocations_left = -1;
        if (rc == KPI_OK) {
            assert_int_equal(kpi_phrase_count(phrase), 6);
            kpi_phrase_free(phrase);
            succeeded = 1;
        } else {
            assert_int_equal(rc, KPI_ERR_NOMEM);
            assert_int_equal(kpi_error_code(), KPI_ERR_NOMEM);
            assert_null(phrase);
        }
    }
    assert_int_equal(kpi_set_allocator(NULL, NULL, NULL), KPI_OK);
    assert_true(succeeded);
}

/* The filter on the words a table ends with never refuses a word's last
 * character, of one to four bytes, on first use or later; and matching
 * at the end finds the longest word, as word by word. */
static void test_table_word_ends(void **state)
{
    (void)state;
    static const char *const table[] = {"件以上", "回", "abc", "é", "𠮷", "年度", NULL};
    for (int pass = 0; pass < 2; pass++)
        for (size_t w = 0; table[w]; w++) {
            const char *word = table[w];
            size_t n = strlen(word), last = n - 1;
            while (last > 0 && ((unsigned char)word[last] & 0xC0) == 0x80)
                last--;
            assert_true(kpi__pt_table_may_end(table, word + last, n - last));
        }
    static const uint32_t text[] = {0x5E73, 0x6210, 0x0032, 0x0039, 0x5E74, 0x5EA6};
    size_t which = 99; /* 平成29年度: 年度 ends it */
    assert_int_equal(kpi__pt_match_end_table(text, 0, 6, table, &which), 2);
    assert_int_equal(which, 5);
    assert_int_equal(kpi__pt_match_end_table(text, 0, 5, table, NULL), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seed_targets),
        cmocka_unit_test(test_seed_numeric_count),
        cmocka_unit_test(test_seed_cells),
        cmocka_unit_test(test_seed_cells_read_as_parts),
        cmocka_unit_test(test_own_phrases),
        cmocka_unit_test(test_own_cells),
        cmocka_unit_test(test_width_makes_no_difference),
        cmocka_unit_test(test_due_dates_follow_fiscal_year),
        cmocka_unit_test(test_refused),
        cmocka_unit_test(test_odd_input),
        cmocka_unit_test(test_null_arguments),
        cmocka_unit_test(test_out_of_range),
        cmocka_unit_test(test_success_keeps_last_error),
        cmocka_unit_test(test_allocation_failure),
        cmocka_unit_test(test_table_word_ends),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
