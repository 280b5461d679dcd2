/* Tests of the progress prose reader (kpi/prose.h) on texts of our own in
 * the seed's styles and others: each status and its words, months, days and
 * years, several statements per text, figures with their labels before and
 * after, 延べ, lists, full-width digits; each with its expected statements
 * (status, planned and done dates, subject, figures) and whether the
 * reading is sure. The seed's texts and what must never be read are in
 * test_prose_seed.c, the API contract in test_prose_api.c. */
#include "test_prose_support.h"

/* ---- Statuses from their words ------------------------------------------------ */

static const xprose statuses[] = {
    {"新制度の導入を検討中",
     1,
     {{NULL, "新制度の導入", PREPARING, 0, 0, SURE, 0, {{0}}}}},
    {"準備中", 1, {{NULL, "", PREPARING, 0, 0, SURE, 0, {{0}}}}},
    {"関係機関と調整中", 1, {{NULL, "関係機関", PREPARING, 0, 0, SURE, 0, {{0}}}}},
    {"基本計画を策定中", 1, {{NULL, "基本計画", PREPARING, 0, 0, SURE, 0, {{0}}}}},
    {"事業者と協議中", 1, {{NULL, "事業者", PREPARING, 0, 0, SURE, 0, {{0}}}}},
    {"候補地を選定中", 1, {{NULL, "候補地", PREPARING, 0, 0, SURE, 0, {{0}}}}},
    {"未着手", 1, {{NULL, "", NOT_STARTED, 0, 0, SURE, 0, {{0}}}}},
    {"システム改修は未実施",
     1,
     {{NULL, "システム改修", NOT_STARTED, 0, 0, SURE, 0, {{0}}}}},
    {"研修会は開催できていない",
     1,
     {{NULL, "研修会", NOT_STARTED, 0, 0, SURE, 0, {{0}}}}},
    {"相談窓口を運用中", 1, {{NULL, "相談窓口", IN_PROGRESS, 0, 0, SURE, 0, {{0}}}}},
    {"空き家対策を推進中", 1, {{NULL, "空き家対策", IN_PROGRESS, 0, 0, SURE, 0, {{0}}}}},
    {"パトロールを継続中", 1, {{NULL, "パトロール", IN_PROGRESS, 0, 0, SURE, 0, {{0}}}}},
    /* 協議を継続中: what goes on is 協議 (協議中), preparing. */
    {"事業者と協議を継続中", 1, {{NULL, "事業者", PREPARING, 0, 0, SURE, 0, {{0}}}}},
    /* An aim reported is ongoing work. */
    {"国の動向を注視", 1, {{NULL, "国の動向", IN_PROGRESS, 0, 0, SURE, 0, {{0}}}}},
    {"実施済", 1, {{NULL, "", DONE, 0, 0, SURE, 0, {{0}}}}},
    {"アンケート調査は実施済み",
     1,
     {{NULL, "アンケート調査", DONE, 0, 0, SURE, 0, {{0}}}}},
    {"条例改正が完了", 1, {{NULL, "条例改正", DONE, 0, 0, SURE, 0, {{0}}}}},
    {"設置完了", 1, {{NULL, "", DONE, 0, 0, SURE, 0, {{0}}}}},
    {"交付決定済", 1, {{NULL, "交付", DONE, 0, 0, SURE, 0, {{0}}}}},
    {"目標を達成", 1, {{NULL, "目標", DONE, 0, 0, SURE, 0, {{0}}}}},
    {"事業は終了", 1, {{NULL, "事業", DONE, 0, 0, SURE, 0, {{0}}}}},
    {"事業を休止", 1, {{NULL, "事業", POSTPONED, 0, 0, SURE, 0, {{0}}}}},
    {"11月に延期", 1, {{NULL, "", POSTPONED, 20171130, 0, SURE, 0, {{0}}}}},
    {"中止", 1, {{NULL, "", CANCELLED, 0, 0, SURE, 0, {{0}}}}},
    {"イベントは雨天のため中止",
     1,
     {{NULL, "イベント", CANCELLED, 0, 0, SURE, 0, {{0}}}}},
    {"計画を取りやめ", 1, {{NULL, "計画", CANCELLED, 0, 0, SURE, 0, {{0}}}}},
    {"制度を廃止", 1, {{NULL, "制度", CANCELLED, 0, 0, SURE, 0, {{0}}}}},
    {"講演会の開催を中止", 1, {{NULL, "講演会の開催", CANCELLED, 0, 0, SURE, 0, {{0}}}}},
    /* The city's own decision: sure. */
    {"計画中止を決定", 1, {{NULL, "計画", CANCELLED, 0, 0, SURE, 0, {{0}}}}},
    /* An organisation's decision is not surely the city's. */
    {"県が事業の中止を決定", 1, {{NULL, "県", CANCELLED, 0, 0, UNSURE, 0, {{0}}}}},
    {"地元企業が出店計画を取りやめ",
     1,
     {{NULL, "地元企業", CANCELLED, 0, 0, UNSURE, 0, {{0}}}}},
    /* Not a status: 予定通り, 開催日, 実施計画 are nouns. */
    {"開催日等は未定", 1, {{NULL, "開催日等", NONE, 0, 0, UNSURE, 0, {{0}}}}},
};

static void test_statuses(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++)
        check_prose(&statuses[i]);
}

/* ---- Dates --------------------------------------------------------------------- */

static const xprose dates[] = {
    {"12月に開催予定", 1, {{NULL, "", SCHEDULED, 20171231, 0, SURE, 0, {{0}}}}},
    /* January to March fall in the next calendar year. */
    {"1月下旬に実施予定", 1, {{NULL, "", SCHEDULED, 20180131, 0, SURE, 0, {{0}}}}},
    {"10月上旬に開催予定", 1, {{NULL, "", SCHEDULED, 20171010, 0, SURE, 0, {{0}}}}},
    {"2月中旬に発行予定", 1, {{NULL, "", SCHEDULED, 20180220, 0, SURE, 0, {{0}}}}},
    {"3月末までに策定予定", 1, {{NULL, "", SCHEDULED, 20180331, 0, SURE, 0, {{0}}}}},
    {"年度末に公表予定", 1, {{NULL, "", SCHEDULED, 20180331, 0, SURE, 0, {{0}}}}},
    {"年度内に策定予定", 1, {{NULL, "", SCHEDULED, 20180331, 0, SURE, 0, {{0}}}}},
    /* The next fiscal year: its end, a guess at the month. */
    {"来年度に実施予定", 1, {{NULL, "", SCHEDULED, 20190331, 0, UNSURE, 0, {{0}}}}},
    {"開催予定", 1, {{NULL, "", SCHEDULED, 0, 0, UNSURE, 0, {{0}}}}},
    /* A day of a month not named is no date. */
    {"18日(土)に開催予定", 1, {{NULL, "", SCHEDULED, 0, 0, UNSURE, 0, {{0}}}}},
    {"11月18日(土)に開催", 1, {{NULL, "", DONE, 0, 20171118, SURE, 0, {{0}}}}},
    {"8月に策定済", 1, {{NULL, "", DONE, 0, 20170831, SURE, 0, {{0}}}}},
    {"9月30日に協定を締結", 1, {{NULL, "協定", DONE, 0, 20170930, SURE, 0, {{0}}}}},
    {"9/15に説明会を開催", 1, {{NULL, "説明会", DONE, 0, 20170915, SURE, 0, {{0}}}}},
    {"2017/9/30に締結", 1, {{NULL, "", DONE, 0, 20170930, SURE, 0, {{0}}}}},
    {"説明会を4月と10月に開催", 1, {{NULL, "説明会", DONE, 0, 20171031, SURE, 0, {{0}}}}},
    /* Years written: the calendar year, whatever the fiscal year. */
    {"平成30年1月に計画を策定", 1, {{NULL, "計画", DONE, 0, 20180131, SURE, 0, {{0}}}}},
    {"2018年2月に公表", 1, {{NULL, "", DONE, 0, 20180228, SURE, 0, {{0}}}}},
    {"H29.10に運用開始", 1, {{NULL, "運用", DONE, 0, 20171031, SURE, 0, {{0}}}}},
    /* 29年 with no era: 平成 is a guess. */
    {"29年9月に策定", 1, {{NULL, "", DONE, 0, 20170930, UNSURE, 0, {{0}}}}},
    {"１０月に開催", 1, {{NULL, "", DONE, 0, 20171031, SURE, 0, {{0}}}}},
    {"指針の策定(2月30日)を予定",
     1,
     {{NULL, "指針の策定", SCHEDULED, 20180228, 0, UNSURE, 0, {{0}}}}},
    {"10月下旬に開催予定", 1, {{NULL, "", SCHEDULED, 20171031, 0, SURE, 0, {{0}}}}},
    {"年内に公表予定", 1, {{NULL, "", SCHEDULED, 20171231, 0, SURE, 0, {{0}}}}},
    {"次年度から実施予定", 1, {{NULL, "", SCHEDULED, 20190331, 0, UNSURE, 0, {{0}}}}},
    {"H29.9.30に締結", 1, {{NULL, "", DONE, 0, 20170930, SURE, 0, {{0}}}}},
    {"広報に掲載予定", 1, {{NULL, "広報", SCHEDULED, 0, 0, UNSURE, 0, {{0}}}}},
    {"参加者を募集中", 1, {{NULL, "参加者", IN_PROGRESS, 0, 0, SURE, 0, {{0}}}}},
    /* An act with no date: done, but when is a guess. */
    {"先進地を視察", 1, {{NULL, "先進地", DONE, 0, 0, UNSURE, 0, {{0}}}}},
    {"研修会を開催", 1, {{NULL, "研修会", DONE, 0, 0, UNSURE, 0, {{0}}}}},
    {"ホームページを更新", 1, {{NULL, "ホームページ", DONE, 0, 0, UNSURE, 0, {{0}}}}},
    {"パンフレットを作成し配布",
     1,
     {{NULL, "パンフレット", DONE, 0, 0, UNSURE, 0, {{0}}}}},
};

static void test_dates(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof dates / sizeof dates[0]; i++)
        check_prose(&dates[i]);
}

/* The fiscal year decides the calendar year of a month; unknown (0), a
 * month gives no date, a year written still does. */
static void test_fiscal_years(void **state)
{
    (void)state;
    static const xprose unknown[] = {
        {"10月に開催予定", 1, {{NULL, "", SCHEDULED, 0, 0, SURE, 0, {{0}}}}},
        {"上田城跡能を8月に開催", 1, {{NULL, "上田城跡能", DONE, 0, 0, SURE, 0, {{0}}}}},
        {"平成29年9月に策定", 1, {{NULL, "", DONE, 0, 20170930, SURE, 0, {{0}}}}},
    };
    for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++)
        check_prose_in(&unknown[i], 0);
    static const xprose leap = {
        "2月に開催", 1, {{NULL, "", DONE, 0, 20200229, SURE, 0, {{0}}}}};
    check_prose_in(&leap, 2019);
    static const xprose reiwa = {
        "5年9月に策定", 1, {{NULL, "", DONE, 0, 20230930, UNSURE, 0, {{0}}}}};
    check_prose_in(&reiwa, 2023); /* 令和5年, nearer 2023 than 平成5年 */
}

/* ---- Figures ------------------------------------------------------------------- */

static const xprose figures[] = {
    {"相談件数：120件",
     1,
     {{NULL, "相談件数", NONE, 0, 0, SURE, 1, {{"相談件数", 120, "件", 0, 0, SURE}}}}},
    {"相談件数 120件",
     1,
     {{NULL, "相談件数", NONE, 0, 0, SURE, 1, {{"相談件数", 120, "件", 0, 0, SURE}}}}},
    {"参加者数は延べ350人",
     1,
     {{NULL, "参加者数", NONE, 0, 0, SURE, 1, {{"参加者数", 350, "人", CUM, 0, SURE}}}}},
    {"累計1,200件",
     1,
     {{NULL, "", NONE, 0, 0, SURE, 1, {{"", 1200, "件", CUM, 0, SURE}}}}},
    {"合計15校で実施",
     1,
     {{NULL, "", DONE, 0, 0, UNSURE, 1, {{"", 15, "校", TOTAL, 0, SURE}}}}},
    {"応募は約50件",
     1,
     {{NULL, "応募", NONE, 0, 0, SURE, 1, {{"応募", 50, "件", APPROX, 0, UNSURE}}}}},
    {"来場者数 1.5万人",
     1,
     {{NULL, "来場者数", NONE, 0, 0, SURE, 1, {{"来場者数", 15000, "人", 0, 0, SURE}}}}},
    {"来場者数：１，２００人",
     1,
     {{NULL, "来場者数", NONE, 0, 0, SURE, 1, {{"来場者数", 1200, "人", 0, 0, SURE}}}}},
    {"物件登録件数：３２件",
     1,
     {{NULL,
       "物件登録件数",
       NONE,
       0,
       0,
       SURE,
       1,
       {{"物件登録件数", 32, "件", 0, 0, SURE}}}}},
    /* A bracketed qualifier is part of the label before the colon. */
    {"成約件数（前期）：7件",
     1,
     {{NULL, "成約件数(前期)", NONE, 0, 0, SURE, 1, {{"成約件数(前期)", 7, "件", 0, 0, SURE}}}}},
    /* うち: a part of the figure before. */
    {"ボランティア登録 45名（うち新規12名）",
     1,
     {{NULL,
       "ボランティア登録",
       NONE,
       0,
       0,
       SURE,
       2,
       {{"ボランティア登録", 45, "名", 0, 0, SURE}, {"新規", 12, "名", PART, 0, SURE}}}}},
    /* A change is no level. */
    {"認定件数 前年度比10%増",
     1,
     {{NULL, "認定件数", NONE, 0, 0, SURE, 1, {{"認定件数", 10, "%", CHANGE, 0, SURE}}}}},
    {"相談件数は前年比5件増",
     1,
     {{NULL, "相談件数", NONE, 0, 0, SURE, 1, {{"相談件数", 5, "件", CHANGE, 0, SURE}}}}},
    {"参加者 10～20人",
     1,
     {{NULL, "参加者", NONE, 0, 0, SURE, 1, {{"参加者", 10, "人", 0, 0, UNSURE}}}}},
    {"待機児童ゼロを達成",
     1,
     {{NULL, "待機児童", DONE, 0, 0, SURE, 1, {{"待機児童", 0, "", 0, 0, SURE}}}}},
    /* No unit written: one the label names, with an issue. */
    {"講座開催数 13",
     1,
     {{NULL,
       "講座開催数",
       NONE,
       0,
       0,
       SURE,
       1,
       {{"講座開催数", 13, "回", 0, 0, UNSURE}}}}},
    {"相談 12",
     1,
     {{NULL, "相談", NONE, 0, 0, SURE, 1, {{"相談", 12, "", 0, 0, UNSURE}}}}},
    /* The date right before a figure is the figure's. */
    {"返礼品を追加し、9月末現在で175品目",
     1,
     {{NULL,
       "返礼品",
       DONE,
       0,
       20170930,
       SURE,
       1,
       {{"", 175, "品目", 0, 20170930, SURE}}}}},
    /* Labels after a linked count, before a colon, before the number. */
    {"約30件の相談があった",
     1,
     {{NULL, "相談", NONE, 0, 0, SURE, 1, {{"相談", 30, "件", APPROX, 0, UNSURE}}}}},
    {"講座を3回実施（参加者延べ60人）",
     1,
     {{NULL,
       "講座",
       DONE,
       0,
       0,
       UNSURE,
       2,
       {{"講座", 3, "回", 0, 0, SURE}, {"参加者", 60, "人", CUM, 0, SURE}}}}},
    {"【実績】相談件数 45件",
     1,
     {{NULL, "相談件数", NONE, 0, 0, SURE, 1, {{"相談件数", 45, "件", 0, 0, SURE}}}}},
    {"参加者数：7組、14名",
     1,
     {{NULL,
       "参加者数",
       NONE,
       0,
       0,
       SURE,
       2,
       {{"参加者数", 7, "組", 0, 0, SURE}, {"参加者数", 14, "名", 0, 0, SURE}}}}},
    {"SNS 4アカウントを新規運用開始",
     1,
     {{NULL, "SNS", DONE, 0, 0, UNSURE, 1, {{"SNS", 4, "アカウント", 0, 0, SURE}}}}},
    {"新規会員を10名獲得",
     1,
     {{NULL, "新規会員", DONE, 0, 0, UNSURE, 1, {{"新規会員", 10, "名", 0, 0, SURE}}}}},
};

static void test_figures(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof figures / sizeof figures[0]; i++)
        check_prose(&figures[i]);
}

/* ---- Several statements ---------------------------------------------------------- */

static const xprose several[] = {
    {"上田城跡能を8月に開催。うえだ城下町映画祭は11月18、19日に開催予定。",
     2,
     {{"上田城跡能を8月に開催", "上田城跡能", DONE, 0, 20170831, SURE, 0, {{0}}},
      {"うえだ城下町映画祭は11月18、19日に開催予定",
       "うえだ城下町映画祭",
       SCHEDULED,
       20171119,
       0,
       SURE,
       0,
       {{0}}}}},
    {"・計画を策定済\n・説明会を12月に開催予定",
     2,
     {{"計画を策定済", "計画", DONE, 0, 0, SURE, 0, {{0}}},
      {"説明会を12月に開催予定", "説明会", SCHEDULED, 20171231, 0, SURE, 0, {{0}}}}},
    {"①研修会を6月に開催 ②講演会を1月に開催予定",
     2,
     {{"研修会を6月に開催", "研修会", DONE, 0, 20170630, SURE, 0, {{0}}},
      {"講演会を1月に開催予定", "講演会", SCHEDULED, 20180131, 0, SURE, 0, {{0}}}}},
    /* し、 with an object after it: two things done. */
    {"市民説明会を開催し、計画案を公表",
     2,
     {{"市民説明会を開催", "市民説明会", DONE, 0, 0, UNSURE, 0, {{0}}},
      {"計画案を公表", "計画案", DONE, 0, 0, UNSURE, 0, {{0}}}}},
    {"4月に推進会議を設置し、6月に第1回会議を開催",
     2,
     {{"4月に推進会議を設置", "推進会議", DONE, 0, 20170430, SURE, 0, {{0}}},
      {"6月に第1回会議を開催", "第1回会議", DONE, 0, 20170630, SURE, 0, {{0}}}}},
    {"準備会を2回開催し、規約を策定",
     2,
     {{"準備会を2回開催",
       "準備会",
       DONE,
       0,
       0,
       UNSURE,
       1,
       {{"準備会", 2, "回", 0, 0, SURE}}},
      {"規約を策定", "規約", DONE, 0, 0, UNSURE, 0, {{0}}}}},
    /* Two objects, one verb: each clause is scheduled for its own month. */
    {"研修会を7月、報告会を3月に開催予定",
     2,
     {{"研修会を7月", "研修会", SCHEDULED, 20170731, 0, SURE, 0, {{0}}},
      {"報告会を3月に開催予定", "報告会", SCHEDULED, 20180331, 0, SURE, 0, {{0}}}}},
    /* Two topics, one verb. */
    {"前期は6月、後期は12月に開催予定",
     2,
     {{"前期は6月", "前期", SCHEDULED, 20170630, 0, SURE, 0, {{0}}},
      {"後期は12月に開催予定", "後期", SCHEDULED, 20171231, 0, SURE, 0, {{0}}}}},
    /* Two counts joined by と: each its own statement, never summed. */
    {"講演会2回と見学会3回を実施",
     2,
     {{"講演会2回", "講演会", DONE, 0, 0, UNSURE, 1, {{"講演会", 2, "回", 0, 0, SURE}}},
      {"見学会3回を実施",
       "見学会",
       DONE,
       0,
       0,
       UNSURE,
       1,
       {{"見学会", 3, "回", 0, 0, SURE}}}}},
    /* A list of counts, each with its own label. */
    {"応募件数：20件、採択件数：8件",
     2,
     {{"応募件数：20件",
       "応募件数",
       NONE,
       0,
       0,
       SURE,
       1,
       {{"応募件数", 20, "件", 0, 0, SURE}}},
      {"採択件数：8件",
       "採択件数",
       NONE,
       0,
       0,
       SURE,
       1,
       {{"採択件数", 8, "件", 0, 0, SURE}}}}},
    /* A topic covers the whole sentence: one statement. */
    {"防災計画について、関係課と協議し、素案を作成",
     1,
     {{NULL, "防災計画", DONE, 0, 0, UNSURE, 0, {{0}}}}},
    /* No object after し: one statement (筑波大学と新規提携し講座実施). */
    {"地元大学と提携し講座実施", 1, {{NULL, "地元大学", DONE, 0, 0, UNSURE, 0, {{0}}}}},
    /* The later state in brackets is the current one; the subject is what
     * stands before the first verb (選定完了). */
    {"業者選定完了（工事は調整中）",
     1,
     {{NULL, "業者", PREPARING, 0, 0, SURE, 0, {{0}}}}},
    /* Full width and blanks between reports. */
    {"相談会：３回実施（相談件数：１２件）　見学会：１回実施",
     2,
     {{"相談会：３回実施（相談件数：１２件）",
       "相談会",
       DONE,
       0,
       0,
       UNSURE,
       2,
       {{"相談会", 3, "回", 0, 0, SURE}, {"相談件数", 12, "件", 0, 0, SURE}}},
      {"見学会：１回実施",
       "見学会",
       DONE,
       0,
       0,
       UNSURE,
       1,
       {{"見学会", 1, "回", 0, 0, SURE}}}}},
    /* A second clause with no subject takes the first one's. */
    {"新たな協賛企業を開拓し、H28.9に10社が、H29.9に14社に拡大",
     2,
     {{"新たな協賛企業を開拓", "新たな協賛企業", DONE, 0, 0, UNSURE, 0, {{0}}},
      {"H28.9に10社が、H29.9に14社に拡大",
       "新たな協賛企業",
       DONE,
       0,
       20170930,
       UNSURE,
       2,
       {{"", 10, "社", 0, 20160930, SURE}, {"", 14, "社", 0, 20170930, SURE}}}}},
};

static void test_several_statements(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof several / sizeof several[0]; i++)
        check_prose(&several[i]);
}

/* Every table above read again with full-width digits, brackets and
 * blanks must give the same statements (only the verbatim texts differ). */
static void test_width_makes_no_difference(void **state)
{
    (void)state;
    static const char *const pairs[][2] = {
        {"子ども文化講座を１０月、子ども文化祭を２月に開催予定",
         "子ども文化講座を10月、子ども文化祭を2月に開催予定"},
        {"物件登録件数：３２件、利用者登録数：５１件",
         "物件登録件数:32件、利用者登録数:51件"},
        {"参加者数は延べ３５０人（うち新規１２人）", "参加者数は延べ350人(うち新規12人)"},
        {"Ｈ２９．９に１７５品目", "H29.9に175品目"},
    };
    for (size_t p = 0; p < sizeof pairs / sizeof pairs[0]; p++) {
        kpi_prose *wide = read_ok(pairs[p][0], 2017);
        kpi_prose *narrow = read_ok(pairs[p][1], 2017);
        assert_int_equal(kpi_prose_count(wide), kpi_prose_count(narrow));
        for (size_t i = 0; i < kpi_prose_count(wide); i++) {
            assert_string_equal(kpi_prose_subject_at(wide, i),
                                kpi_prose_subject_at(narrow, i));
            assert_int_equal(kpi_prose_status_at(wide, i),
                             kpi_prose_status_at(narrow, i));
            assert_int_equal(kpi_prose_planned_at(wide, i),
                             kpi_prose_planned_at(narrow, i));
            assert_true(kpi_prose_confidence_at(wide, i) ==
                        kpi_prose_confidence_at(narrow, i));
            assert_int_equal(kpi_prose_figure_count_at(wide, i),
                             kpi_prose_figure_count_at(narrow, i));
            for (size_t k = 0; k < kpi_prose_figure_count_at(wide, i); k++) {
                assert_string_equal(kpi_prose_figure_label_at(wide, i, k),
                                    kpi_prose_figure_label_at(narrow, i, k));
                assert_true(kpi_prose_figure_value_at(wide, i, k) ==
                            kpi_prose_figure_value_at(narrow, i, k));
                assert_int_equal(kpi_prose_figure_flags_at(wide, i, k),
                                 kpi_prose_figure_flags_at(narrow, i, k));
                assert_int_equal(kpi_prose_figure_date_at(wide, i, k),
                                 kpi_prose_figure_date_at(narrow, i, k));
            }
        }
        kpi_prose_free(wide);
        kpi_prose_free(narrow);
    }
}

/* At least 80 texts of our own, each with its expected reading. */
static void test_count_of_cases(void **state)
{
    (void)state;
    size_t cases = sizeof statuses / sizeof statuses[0] + sizeof dates / sizeof dates[0] +
                   sizeof figures / sizeof figures[0] +
                   sizeof several / sizeof several[0];
    assert_true(cases >= 80);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_statuses),
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_fiscal_years),
        cmocka_unit_test(test_figures),
        cmocka_unit_test(test_several_statements),
        cmocka_unit_test(test_width_makes_no_difference),
        cmocka_unit_test(test_count_of_cases),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
