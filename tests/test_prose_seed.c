/* Tests of the progress prose reader (kpi/prose.h) on the seed report
 * (/work/shared/seeds/000_39f46dc005a058f6.txt): every 進捗状況 text, quoted
 * verbatim (the seed prints several twice, side by side; each is here
 * once), with the statements a person reads from it; the contract's worked
 * examples (/work/shared/spec/progress.md); and what must never be read: a
 * figure from an edition, a date, a year, a time or a rate, a count of
 * meetings taken for what a target counts, and 1-2-d's 中止 taken for the
 * city's. The expected readings are written by hand, not taken from the
 * example data. */
#include "test_prose_support.h"

/* ---- Every progress text of the seed ----------------------------------------------- */

static const xprose seed[] = {
    /* 1-1 */
    {"①上田市総合戦略推進協議会を5月に開催し、交付金事業の事業評価・検証を実施。 "
     "・推進交付金 29年度新規2事業を含む合計4事業が交付決定済。 "
     "・企業版ふるさと納税 実施計画事業から対象事業を検討中。",
     4,
     {{"上田市総合戦略推進協議会を5月に開催",
       "上田市総合戦略推進協議会",
       DONE,
       0,
       20170531,
       SURE,
       0,
       {{0}}},
      {"交付金事業の事業評価・検証を実施",
       "交付金事業の事業評価・検証",
       DONE,
       0,
       0,
       UNSURE,
       0,
       {{0}}},
      /* 2 new of 4 in all: a part and a total, never summed. */
      {"推進交付金 29年度新規2事業を含む合計4事業が交付決定済",
       "推進交付金",
       DONE,
       0,
       0,
       SURE,
       2,
       {{"推進交付金 29年度新規", 2, "事業", PART, 0, SURE},
        {"", 4, "事業", TOTAL, 0, SURE}}},
      /* 1-1-c of the worked examples: preparing. */
      {"企業版ふるさと納税 実施計画事業から対象事業を検討中",
       "企業版ふるさと納税",
       PREPARING,
       0,
       0,
       SURE,
       0,
       {{0}}}}},
    /* 1-2: 1-2-d's 中止 is 新潟薬科大学's, not the city's. */
    {"② ・まちなかキャンパス 筑波大学と新規提携し講座実施。・前期講座開催数 13 "
     "・公立大学法人評価委員会で評価の方向性を確認。 "
     "・新潟薬科大学が長野薬学部を設置計画中止を決定。専門職大学の動向を注視。",
     5,
     {{"まちなかキャンパス 筑波大学と新規提携し講座実施",
       "まちなかキャンパス",
       DONE,
       0,
       0,
       UNSURE,
       0,
       {{0}}},
      {"前期講座開催数 13",
       "前期講座開催数",
       NONE,
       0,
       0,
       SURE,
       1,
       {{"前期講座開催数", 13, "回", 0, 0, UNSURE}}},
      {"公立大学法人評価委員会で評価の方向性を確認",
       "評価の方向性",
       DONE,
       0,
       0,
       UNSURE,
       0,
       {{0}}},
      {"新潟薬科大学が長野薬学部を設置計画中止を決定",
       "新潟薬科大学",
       CANCELLED,
       0,
       0,
       UNSURE,
       0,
       {{0}}},
      {"専門職大学の動向を注視", "専門職大学の動向", IN_PROGRESS, 0, 0, SURE, 0, {{0}}}}},
    /* 1-3 */
    {"③合併特例債の終了を見据えた実施計画を策定中。",
     1,
     {{"合併特例債の終了を見据えた実施計画を策定中",
       "合併特例債の終了を見据えた実施計画",
       PREPARING,
       0,
       0,
       SURE,
       0,
       {{0}}}}},
    /* 1-4: a topic covers the first sentence. */
    {"④上田地域定住自立圏の今年度全体方針について、構成市町村と協議し、方針を確認。 "
     "・長野・松本・上田3市長鼎談を4月に実施。 "
     "・日本郵便（株）上田市内郵便局と包括連携協定を締結、民間企業1社と協議を継続中。",
     4,
     {{"上田地域定住自立圏の今年度全体方針について、構成市町村と協議し、方針を確認",
       "上田地域定住自立圏の今年度全体方針",
       DONE,
       0,
       0,
       UNSURE,
       0,
       {{0}}},
      {"長野・松本・上田3市長鼎談を4月に実施",
       "長野・松本・上田3市長鼎談",
       DONE,
       0,
       20170430,
       SURE,
       0,
       {{0}}},
      {"日本郵便（株）上田市内郵便局と包括連携協定を締結",
       "包括連携協定",
       DONE,
       0,
       0,
       UNSURE,
       0,
       {{0}}},
      {"民間企業1社と協議を継続中",
       "民間企業",
       PREPARING,
       0,
       0,
       SURE,
       1,
       {{"民間企業", 1, "社", 0, 0, SURE}}}}},
    /* 2-1: 3回の会議 keeps its label, 会議. */
    {"①庁内の推進組織を5月に設置し今年度の取組み・今後の方向性について3回の会議を実施。 "
     "・指針策定に向けて継続して検討 "
     "・首都圏に向けたPRテレビ番組の制作を開始し、これまで2回の放送実施。",
     5,
     {{"庁内の推進組織を5月に設置", "庁内の推進組織", DONE, 0, 20170531, SURE, 0, {{0}}},
      {"今年度の取組み・今後の方向性について3回の会議を実施",
       "今年度の取組み・今後の方向性",
       DONE,
       0,
       0,
       UNSURE,
       1,
       {{"会議", 3, "回", 0, 0, SURE}}},
      {"指針策定に向けて継続して検討", "指針策定", PREPARING, 0, 0, SURE, 0, {{0}}},
      {"首都圏に向けたPRテレビ番組の制作を開始",
       "首都圏に向けたPRテレビ番組の制作",
       DONE,
       0,
       0,
       UNSURE,
       0,
       {{0}}},
      {"これまで2回の放送実施",
       "放送",
       DONE,
       0,
       0,
       UNSURE,
       1,
       {{"放送", 2, "回", 0, 0, SURE}}}}},
    /* 2-2 */
    {"②庁内マニュアル策定に向けて継続して検討。 ・SNS 4アカウントを新規運用開始。",
     2,
     {{"庁内マニュアル策定に向けて継続して検討",
       "庁内マニュアル策定",
       PREPARING,
       0,
       0,
       SURE,
       0,
       {{0}}},
      {"SNS 4アカウントを新規運用開始",
       "SNS",
       DONE,
       0,
       0,
       UNSURE,
       1,
       {{"SNS", 4, "アカウント", 0, 0, SURE}}}}},
    /* 2-3 */
    {"③国の方針を確認しつつ、先進事例などの情報収集を行い、公開するデータについて検討。",
     1,
     {{"国の方針を確認しつつ、先進事例などの情報収集を行い、公開するデータについて検討",
       "公開するデータ",
       PREPARING,
       0,
       0,
       SURE,
       0,
       {{0}}}}},
    /* 3-1: three reports separated by blanks; 毎月1回 is a rate. */
    {"①移住セミナーへの参加：7回実施（相談件数：73件） "
     "銀座NAGANOで毎月1回相談窓口を開設：6回（相談件数：14件） "
     "移住体験ツアー実施：1回実施（参加者数：7組、14名）",
     3,
     {{"移住セミナーへの参加：7回実施（相談件数：73件）",
       "移住セミナーへの参加",
       DONE,
       0,
       0,
       UNSURE,
       2,
       {{"移住セミナーへの参加", 7, "回", 0, 0, SURE},
        {"相談件数", 73, "件", 0, 0, SURE}}},
      /* 開設 labels the figure 6回: no verb of its own. */
      {"銀座NAGANOで毎月1回相談窓口を開設：6回（相談件数：14件）",
       "相談窓口",
       NONE,
       0,
       0,
       SURE,
       2,
       {{"相談窓口を開設", 6, "回", 0, 0, SURE}, {"相談件数", 14, "件", 0, 0, SURE}}},
      {"移住体験ツアー実施：1回実施（参加者数：7組、14名）",
       "移住体験ツアー実施",
       DONE,
       0,
       0,
       UNSURE,
       3,
       {{"移住体験ツアー実施", 1, "回", 0, 0, SURE},
        {"参加者数", 7, "組", 0, 0, SURE},
        {"参加者数", 14, "名", 0, 0, SURE}}}}},
    /* 3-2 */
    {"②物件登録件数：32件、利用者登録数：51件、成約件数：13件",
     3,
     {{"物件登録件数：32件",
       "物件登録件数",
       NONE,
       0,
       0,
       SURE,
       1,
       {{"物件登録件数", 32, "件", 0, 0, SURE}}},
      {"利用者登録数：51件",
       "利用者登録数",
       NONE,
       0,
       0,
       SURE,
       1,
       {{"利用者登録数", 51, "件", 0, 0, SURE}}},
      {"成約件数：13件",
       "成約件数",
       NONE,
       0,
       0,
       SURE,
       1,
       {{"成約件数", 13, "件", 0, 0, SURE}}}}},
    /* 3-3-b of the worked examples: the bracket is the seminars' state. */
    {"③委託業務（調査事業・セミナー事業）の発注及び契約完了（開催日等調整中）",
     1,
     {{"委託業務（調査事業・セミナー事業）の発注及び契約完了（開催日等調整中）",
       "委託業務(調査事業・セミナー事業)の発注及び契約",
       PREPARING,
       0,
       0,
       SURE,
       0,
       {{0}}}}},
    /* 3-4: H28.9 and H29.9 date the figures; 28, 29 and 9 are none. */
    {"④新たな返礼品を開拓し、H28.9に139品目が、H29.9に175品目に充実。",
     2,
     {{"新たな返礼品を開拓", "新たな返礼品", DONE, 0, 0, UNSURE, 0, {{0}}},
      {"H28.9に139品目が、H29.9に175品目に充実",
       "新たな返礼品",
       IN_PROGRESS,
       0,
       0,
       UNSURE,
       2,
       {{"", 139, "品目", 0, 20160930, SURE}, {"", 175, "品目", 0, 20170930, SURE}}}}},
    /* 4-1 */
    {"①4月、6月に組織委員会及び、国際機関の実地審査を受検。 "
     "・「事前」チームキャンプ誘致について、7/17ラグビー連盟と基本的な合意に至り、"
     "最終合意に向け交渉を継続。 "
     "・11月の講演会開催に向け、県と協働しながら講師選定など準備",
     3,
     {{"4月、6月に組織委員会及び、国際機関の実地審査を受検",
       "組織委員会及び、国際機関の実地審査",
       DONE,
       0,
       20170630,
       SURE,
       0,
       {{0}}},
      {"「事前」チームキャンプ誘致について、7/17ラグビー連盟と基本的な合意に至り、"
       "最終合意に向け交渉を継続",
       "「事前」チームキャンプ誘致",
       PREPARING,
       0,
       0,
       SURE,
       0,
       {{0}}},
      {"11月の講演会開催に向け、県と協働しながら講師選定など準備",
       "講演会開催",
       PREPARING,
       0,
       0,
       SURE,
       0,
       {{0}}}}},
    /* 4-2: 4-2-a, 4-2-b and 4-2-e of the worked examples. */
    {"② ・上田城跡能を8月に開催。うえだ城下町映画祭は11月18、19日に開催予定。 "
     "シリーズ文化講演会は10回記念として、上田、丸子、真田の3地域合同で2月に開催予定。 "
     "・5月、6月、9月に開催。後期は11月、12月に開催予定。 "
     "・子ども文化講座を10月、子ども文化祭を2月に開催予定。",
     7,
     {{"上田城跡能を8月に開催", "上田城跡能", DONE, 0, 20170831, SURE, 0, {{0}}},
      {"うえだ城下町映画祭は11月18、19日に開催予定",
       "うえだ城下町映画祭",
       SCHEDULED,
       20171119,
       0,
       SURE,
       0,
       {{0}}},
      {"シリーズ文化講演会は10回記念として、上田、丸子、真田の3地域合同で2月に開催予定",
       "シリーズ文化講演会",
       SCHEDULED,
       20180228,
       0,
       SURE,
       1,
       {{"上田、丸子、真田", 3, "地域", 0, 0, SURE}}},
      {"5月、6月、9月に開催", "", DONE, 0, 20170930, SURE, 0, {{0}}},
      {"後期は11月、12月に開催予定", "後期", SCHEDULED, 20171231, 0, SURE, 0, {{0}}},
      {"子ども文化講座を10月", "子ども文化講座", SCHEDULED, 20171031, 0, SURE, 0, {{0}}},
      {"子ども文化祭を2月に開催予定",
       "子ども文化祭",
       SCHEDULED,
       20180228,
       0,
       SURE,
       0,
       {{0}}}}},
    /* 5-1: a list of counts with what each counts, never summed. */
    {"①市内小学校8校でのクラスコンサート、2校でのダンスワークショップ、3地域(公民館)での"
     "ふれあいコンサートを開催。 ・子どもアトリエでの講座等41回開催。",
     4,
     {{"市内小学校8校でのクラスコンサート",
       "クラスコンサート",
       DONE,
       0,
       0,
       UNSURE,
       1,
       {{"クラスコンサート", 8, "校", 0, 0, SURE}}},
      {"2校でのダンスワークショップ",
       "ダンスワークショップ",
       DONE,
       0,
       0,
       UNSURE,
       1,
       {{"ダンスワークショップ", 2, "校", 0, 0, SURE}}},
      {"3地域(公民館)でのふれあいコンサートを開催",
       "ふれあいコンサート",
       DONE,
       0,
       0,
       UNSURE,
       1,
       {{"ふれあいコンサート", 3, "地域", 0, 0, SURE}}},
      {"子どもアトリエでの講座等41回開催",
       "子どもアトリエでの講座等",
       DONE,
       0,
       0,
       UNSURE,
       1,
       {{"子どもアトリエでの講座等", 41, "回", 0, 0, SURE}}}}},
    /* 5-2: 延べ noted; 4 of the 31 are new. */
    {"②新規4名を含む31名の市民サポーター登録があり、17事業に延べ69人の参加者。",
     1,
     {{"新規4名を含む31名の市民サポーター登録があり、17事業に延べ69人の参加者",
       "市民サポーター登録",
       NONE,
       0,
       0,
       SURE,
       4,
       {{"新規", 4, "名", PART, 0, SURE},
        {"市民サポーター登録", 31, "名", 0, 0, SURE},
        {"", 17, "事業", 0, 0, SURE},
        {"参加者", 69, "人", CUM, 0, SURE}}}}},
    /* 5-3: と between two counts. */
    {"③音楽、演劇等12回の自主事業公演と美術館で3回の展覧会を実施。",
     2,
     {{"音楽、演劇等12回の自主事業公演",
       "自主事業公演",
       DONE,
       0,
       0,
       UNSURE,
       1,
       {{"自主事業公演", 12, "回", 0, 0, SURE}}},
      {"美術館で3回の展覧会を実施",
       "展覧会",
       DONE,
       0,
       0,
       UNSURE,
       1,
       {{"展覧会", 3, "回", 0, 0, SURE}}}}},
    /* 5-4: 情報発信 is ongoing work. */
    {"④広報うえだに毎月専用ページを設け情報発信。事業の紹介等を掲載した機関誌を6月に発行"
     "。",
     2,
     {{"広報うえだに毎月専用ページを設け情報発信",
       "広報うえだに毎月専用ページ",
       IN_PROGRESS,
       0,
       0,
       SURE,
       0,
       {{0}}},
      {"事業の紹介等を掲載した機関誌を6月に発行",
       "事業の紹介等を掲載した機関誌",
       DONE,
       0,
       20170630,
       SURE,
       0,
       {{0}}}}},
    /* 5-5 */
    {"⑤クラシックコンサートなど企業等との共催2事業を開催。サントミュージゼパートナーズ "
     "1件",
     2,
     {{"クラシックコンサートなど企業等との共催2事業を開催",
       "クラシックコンサートなど企業等との共催",
       DONE,
       0,
       0,
       UNSURE,
       1,
       {{"クラシックコンサートなど企業等との共催", 2, "事業", 0, 0, SURE}}},
      {"サントミュージゼパートナーズ 1件",
       "サントミュージゼパートナーズ",
       NONE,
       0,
       0,
       SURE,
       1,
       {{"サントミュージゼパートナーズ", 1, "件", 0, 0, SURE}}}}},
};

static void test_seed_texts(void **state)
{
    (void)state;
    size_t statements = 0;
    for (size_t i = 0; i < sizeof seed / sizeof seed[0]; i++) {
        check_prose(&seed[i]);
        statements += seed[i].count;
    }
    assert_int_equal(sizeof seed / sizeof seed[0], 18);
    assert_int_equal(statements, 52);
}

/* ---- The contract's worked examples ---------------------------------------------- */

/* The statement of text whose subject is subject. */
static size_t statement_about(const kpi_prose *prose, const char *subject)
{
    for (size_t i = 0; i < kpi_prose_count(prose); i++)
        if (strcmp(kpi_prose_subject_at(prose, i), subject) == 0)
            return i;
    print_error("no statement about %s\n", subject);
    print_reading(prose);
    fail();
    return 0;
}

/* What the io layer needs to rate them: the status, its date, and that
 * the reading is certain (only then does it fill a status). */
static void check_example(const char *text, const char *subject, kpi_status status,
                          int32_t planned, int32_t done)
{
    kpi_prose *prose = read_ok(text, 2017);
    size_t i = statement_about(prose, subject);
    expect(kpi_prose_status_at(prose, i) == status &&
               kpi_prose_planned_at(prose, i) == planned &&
               kpi_prose_done_at(prose, i) == done &&
               kpi_prose_confidence_at(prose, i) == 1,
           prose, text, "%s should read %s, planned %d, done %d, certainly", subject,
           kpi_status_name(status), (int)planned, (int)done);
    kpi_prose_free(prose);
}

static void test_worked_examples(void **state)
{
    (void)state;
    /* 4-2-e, as the example data quotes it and as the seed writes it */
    check_example("子ども文化講座を10月、子ども文化祭を2月に開催予定。", "子ども文化講座",
                  SCHEDULED, 20171031, 0);
    check_example(seed[12].text, "子ども文化講座", SCHEDULED, 20171031, 0);
    check_example(seed[12].text, "子ども文化祭", SCHEDULED, 20180228, 0);
    /* 4-2-b */
    check_example("うえだ城下町映画祭は11月18、19日に開催予定。", "うえだ城下町映画祭",
                  SCHEDULED, 20171119, 0);
    /* 1-1-c */
    check_example("企業版ふるさと納税 実施計画事業から対象事業を検討中。",
                  "企業版ふるさと納税", PREPARING, 0, 0);
    check_example("対象事業を検討中", "対象事業", PREPARING, 0, 0);
    /* 3-3-b */
    check_example(seed[9].text, "委託業務(調査事業・セミナー事業)の発注及び契約",
                  PREPARING, 0, 0);
    /* 4-2-a */
    check_example("上田城跡能を8月に開催。", "上田城跡能", DONE, 0, 20170831);
    /* 3-2-a: the figure */
    kpi_prose *prose = read_ok("物件登録件数：32件", 2017);
    assert_string_equal(kpi_prose_figure_label_at(prose, 0, 0), "物件登録件数");
    assert_true(kpi_prose_figure_value_at(prose, 0, 0) == 32);
    assert_string_equal(kpi_prose_figure_unit_at(prose, 0, 0), "件");
    assert_true(kpi_prose_figure_confidence_at(prose, 0, 0) == 1);
    kpi_prose_free(prose);
    /* any target: 「中止」 */
    check_example("中止", "", CANCELLED, 0, 0);
}

/* ---- What must never be read ---------------------------------------------------------
 */

/* Whether any figure of the reading has value v. */
static int has_figure(const kpi_prose *prose, double v)
{
    for (size_t i = 0; i < kpi_prose_count(prose); i++)
        for (size_t k = 0; k < kpi_prose_figure_count_at(prose, i); k++)
            if (kpi_prose_figure_value_at(prose, i, k) == v)
                return 1;
    return 0;
}

static size_t figure_total(const kpi_prose *prose)
{
    size_t n = 0;
    for (size_t i = 0; i < kpi_prose_count(prose); i++)
        n += kpi_prose_figure_count_at(prose, i);
    return n;
}

/* No figure at all: editions, names, dates, years, times, rates. */
static void test_never_a_figure(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "シリーズ文化講演会は10回記念として2月に開催予定",
        "第10回記念大会を開催",
        "10周年記念式典を開催",
        "第2次計画を策定",
        "3市長懇談会を開催",
        "2019・20年を視野に検討",
        "2019年度までに策定予定",
        "平成29年度の実績を集計",
        "10:00～12:00に相談会を開催",
        "14時から説明会を開催",
        "午後2時30分から開会",
        "毎月1回相談会を開催",
        "年4回の研修会を開催予定",
        "週2回パトロールを実施",
        "11月18日に開催",
        "11月18、19日に開催予定",
        "18日(土)に開催予定",
        "7/17に基本合意",
        "H29.9に公表",
        "平成29年9月30日に締結",
        "第1回会議を5月に開催",
        "10回目の開催",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        kpi_prose *prose = read_ok(texts[i], 2017);
        expect(figure_total(prose) == 0, prose, texts[i], "no figure expected");
        kpi_prose_free(prose);
    }
}

/* 「H29.9に175品目」: 175 品目 is a figure; 29 and 9 are not. */
static void test_dates_are_no_figures(void **state)
{
    (void)state;
    kpi_prose *prose = read_ok("H29.9に175品目", 2017);
    assert_int_equal(figure_total(prose), 1);
    assert_true(kpi_prose_figure_value_at(prose, 0, 0) == 175);
    assert_string_equal(kpi_prose_figure_unit_at(prose, 0, 0), "品目");
    assert_int_equal(kpi_prose_figure_date_at(prose, 0, 0), 20170930);
    assert_false(has_figure(prose, 29) || has_figure(prose, 9) ||
                 has_figure(prose, 28.9));
    kpi_prose_free(prose);
    prose = read_ok(seed[10].text, 2017);
    assert_int_equal(figure_total(prose), 2);
    assert_false(has_figure(prose, 28) || has_figure(prose, 29) || has_figure(prose, 9));
    kpi_prose_free(prose);
    prose = read_ok(seed[11].text, 2017); /* 4月、6月, 7/17, 11月 */
    assert_int_equal(figure_total(prose), 0);
    kpi_prose_free(prose);
}

/* A count of meetings keeps its label, so that a target counting
 * something else (件, 人) is not matched to it; and the reader reports
 * both. */
static void test_meeting_counts_keep_their_label(void **state)
{
    (void)state;
    kpi_prose *prose = read_ok("推進会議を3回開催し、相談件数は45件", 2017);
    assert_int_equal(kpi_prose_count(prose), 2);
    assert_string_equal(kpi_prose_figure_label_at(prose, 0, 0), "推進会議");
    assert_string_equal(kpi_prose_figure_unit_at(prose, 0, 0), "回");
    assert_string_equal(kpi_prose_figure_label_at(prose, 1, 0), "相談件数");
    assert_string_equal(kpi_prose_figure_unit_at(prose, 1, 0), "件");
    kpi_prose_free(prose);
    prose = read_ok("研修会を2回開催し、延べ120人が受講", 2017);
    assert_int_equal(figure_total(prose), 2);
    assert_string_equal(kpi_prose_figure_label_at(prose, 0, 0), "研修会");
    assert_string_equal(kpi_prose_figure_unit_at(prose, 0, 0), "回");
    assert_string_equal(kpi_prose_figure_unit_at(prose, 1, 0), "人");
    assert_int_equal(kpi_prose_figure_flags_at(prose, 1, 0), CUM);
    assert_false(has_figure(prose, 122)); /* never summed */
    kpi_prose_free(prose);
}

/* 1-2-d: the cancellation is the university's, not the city's target,
 * which goes on (monitoring). No statement of the text may read as
 * cancelled with confidence 1, and the one about the university says why. */
static void test_other_organisations_cancellation(void **state)
{
    (void)state;
    const char *const texts[] = {
        "新潟薬科大学が長野薬学部を設置計画中止を決定。専門職大学の動向を注視。",
        seed[1].text,
        "県が事業の中止を決定",
        "国が補助制度の廃止を決定",
        "日本郵便（株）が出店を取りやめ",
    };
    for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
        kpi_prose *prose = read_ok(texts[t], 2017);
        int named = 0;
        for (size_t i = 0; i < kpi_prose_count(prose); i++) {
            kpi_status status = kpi_prose_status_at(prose, i);
            expect(!(status == CANCELLED && kpi_prose_confidence_at(prose, i) == 1),
                   prose, texts[t], "statement %zu is certainly cancelled", i);
            for (size_t k = 0; k < kpi_prose_issue_count_at(prose, i); k++)
                named |= strstr(kpi_prose_issue_at(prose, i, k),
                                "another organisation") != NULL;
        }
        expect(named, prose, texts[t], "an issue should name the other organisation");
        kpi_prose_free(prose);
    }
    /* The city's own 中止 stays certain. */
    check_example("講演会の開催を中止", "講演会の開催", CANCELLED, 0, 0);
    /* And the monitoring goes on. */
    check_example(texts[0], "専門職大学の動向", IN_PROGRESS, 0, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seed_texts),
        cmocka_unit_test(test_worked_examples),
        cmocka_unit_test(test_never_a_figure),
        cmocka_unit_test(test_dates_are_no_figures),
        cmocka_unit_test(test_meeting_counts_keep_their_label),
        cmocka_unit_test(test_other_organisations_cancellation),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
