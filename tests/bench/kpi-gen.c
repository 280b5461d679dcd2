/*
 * kpi-gen: synthetic but realistic national plan files for the benchmark.
 *
 *   kpi-gen --targets N [--seed S] [--per-plan 300] [--goals-per-plan 10]
 *           --structure FILE --progress FILE [--meta FILE]
 *
 * A prefecture or a ministry rolling up every municipality's priority goals
 * (重点目標) for fiscal 2017 as one plan in the two files of
 * docs/csv-format.md:
 *
 * - the structure file: the plan row (period FY2017), a note with the
 *   評価基準 legend, then one top-level goal per municipality (M0001 ...,
 *   about N / per-plan of them, titled 「長野県上田市 平成29年度 重点目標」),
 *   each holding goals-per-plan policy goals (M0001-01 ...) that hold the
 *   targets (M0001-01-01 ...): two goal levels, about 30 targets a policy
 *   goal. Targets are a realistic mix: numeric 以上 targets (most), running
 *   totals (accumulate=sum), 以下 targets with a start value, rates held at
 *   a level (schedule=level), 前年度比 relative targets, milestones (some
 *   due within the year), qualitative ones, and a few that are incomplete
 *   or contradictory, as real submissions have. Units 件 回 人 % 校 ...;
 *   `text` holds the target as written, e.g. 「物件登録件数30件以上」.
 * - the progress file: 12 month-end figures per measured target
 *   (2017-04-30 ... 2018-03-31), written month by month as a log grows,
 *   with progress wording on the September (mid-year) rows; a few targets
 *   report late or skip a month; a few corrections at the end (same date,
 *   later row wins); assessments (◎ ○ △ ×) of qualitative targets, of some
 *   numeric targets and of some goals at 2017-09-30 and 2018-03-31.
 *
 * Everything comes from one xorshift64* stream seeded by --seed, and only
 * integer and IEEE double arithmetic (+ - * /) is used, so the same seed
 * gives byte-identical files on every machine. The files are written under
 * temporary names and renamed when complete; the meta file (key=value
 * lines: counts, sizes, seed) is written last, so its presence means the
 * files are whole.
 *
 * Disk: about 500 bytes a target for both files (N = 1,000,000: 137 MB
 * structure + 360 MB progress, written in about 5 s).
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef KPI_GEN_VERSION
#define KPI_GEN_VERSION 1
#endif

/* ---- random numbers: xorshift64*, seeded through splitmix64 ---- */

static uint64_t rng_state;

static void rng_seed(uint64_t seed)
{
    uint64_t z = seed + 0x9E3779B97F4A7C15ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    rng_state = z ? z : 0x2545F4914F6CDD1Dull;
}

static uint64_t rng_next(void)
{
    uint64_t x = rng_state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    rng_state = x;
    return x * 0x2545F4914F6CDD1Dull;
}

/* Uniform in [0, 1). */
static double uniform(void)
{
    return (double)(rng_next() >> 11) * (1.0 / 9007199254740992.0);
}

/* Uniform integer in [lo, hi]. */
static int pick(int lo, int hi)
{
    return lo + (int)(rng_next() % (uint64_t)(hi - lo + 1));
}

static int chance(double p)
{
    return uniform() < p;
}

/* About N(0, 1): Irwin–Hall of four uniforms, no libm needed. */
static double normal(void)
{
    double s = uniform() + uniform() + uniform() + uniform();
    return (s - 2.0) * 1.7320508075688772;
}

/* Rounds half away from zero to `decimals` (0 or 1) places, exactly as
 * printf then prints it. */
static double round_to(double x, int decimals)
{
    double scale = decimals ? 10.0 : 1.0;
    double y = x * scale;
    long long n = (long long)(y < 0 ? y - 0.5 : y + 0.5);
    return (double)n / scale;
}

/* A "nice" figure: two or three significant digits, as plans state them. */
static double nice(double x)
{
    double p = 1;
    while (x >= 100 * p)
        p *= 10;
    double r = round_to(x / p, 0) * p;
    return r < 1 ? 1 : r;
}

/* ---- vocabulary ---- */

static const char *const prefectures[] = {
    "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県",   "福島県", "茨城県",
    "栃木県", "群馬県", "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県",
    "石川県", "福井県", "山梨県", "長野県", "岐阜県", "静岡県",   "愛知県", "三重県",
    "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県", "鳥取県", "島根県",
    "岡山県", "広島県", "山口県", "徳島県", "香川県", "愛媛県",   "高知県", "福岡県",
    "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県"};
static const char *const name_head[] = {"上", "下", "東", "西", "南", "北", "新",
                                        "大", "小", "高", "中", "本", "長", "久",
                                        "富", "若", "白", "黒", "赤", "青", "三"};
static const char *const name_tail[] = {
    "田", "山", "川", "野", "原", "島", "沢", "浜", "岡", "津", "松", "宮", "崎",
    "井", "谷", "森", "瀬", "浦", "江", "橋", "尾", "坂", "根", "城", "見", "倉"};

static const char *const policy_titles[] = {
    "第二次総合計画と総合戦略に基づく施策の着実な推進",
    "選ばれる都市を目指した情報発信とシティプロモーションの戦略的な展開",
    "移住・定住推進による活力ある都市づくり",
    "子育て支援の充実と子どもの育ちを支える環境づくり",
    "地域経済の活性化と雇用の創出",
    "健康長寿のまちづくりと地域医療の充実",
    "安全・安心な暮らしを守る防災・減災対策の推進",
    "環境にやさしい循環型社会の構築",
    "学校教育の充実と生涯学習の推進",
    "文化・芸術によるまちの魅力の向上",
    "観光振興と交流人口の拡大",
    "農林業の振興と農山村の活性化",
    "持続可能な行財政運営と公共施設マネジメント",
    "地域公共交通の確保と利便性の向上",
    "市民協働と地域コミュニティの活性化",
    "\"まち・ひと・しごと\"創生に向けた広域連携の推進",
    "高齢者が住み慣れた地域で暮らせる地域包括ケアの推進",
    "情報化の推進とオープンデータの活用",
    "スポーツ振興と健康づくり",
    "住環境の整備と空き家対策の推進"};

enum cls { INC, SUM, DEC, LEVEL, REL, MILE, QUAL, INCOMPLETE, INVALID };

struct vocab {
    const char *label;
    const char *unit;
    double lo, hi;
    int decimals;
};

static const struct vocab inc_words[] = {
    {"物件登録件数", "件", 10, 60, 0},
    {"利用者登録数", "件", 20, 120, 0},
    {"成約件数", "件", 5, 30, 0},
    {"移住セミナーへの参加回数", "回", 4, 24, 0},
    {"大都市部での相談窓口の開設回数", "回", 6, 24, 0},
    {"移住体験ツアーの実施回数", "回", 1, 6, 0},
    {"まちなかキャンパス講座開催数", "回", 10, 60, 0},
    {"新規就農者数", "人", 2, 30, 0},
    {"観光入込客数", "人", 50000, 2000000, 0},
    {"ふるさと寄附件数", "件", 500, 50000, 0},
    {"企業誘致件数", "社", 1, 10, 0},
    {"空き家解消件数", "件", 5, 50, 0},
    {"健康教室の開催回数", "回", 10, 80, 0},
    {"ICT活用授業の実施校数", "校", 3, 40, 0},
    {"図書館貸出冊数", "冊", 100000, 900000, 0},
    {"ボランティア登録者数", "人", 50, 2000, 0},
    {"子育て支援拠点の利用者数", "人", 2000, 40000, 0},
    {"創業支援件数", "件", 5, 60, 0},
    {"市民サポーター登録数", "人", 10, 200, 0},
    {"自主事業公演数", "回", 4, 30, 0},
    {"展覧会の開催回数", "回", 2, 12, 0},
    {"新規運用開始アカウント数", "アカウント", 1, 5, 0},
    {"HPでのオープンデータ提供分野数", "分野", 1, 10, 0},
    {"防災訓練の実施回数", "回", 2, 20, 0},
    {"自主防災組織の結成数", "団体", 2, 40, 0},
    {"地域おこし協力隊員数", "人", 1, 15, 0},
    {"外国人宿泊者数", "人", 1000, 100000, 0},
    {"官民包括連携協定の締結数", "件", 1, 5, 0},
    {"職員研修の実施回数", "回", 1, 12, 0},
    {"再生可能エネルギー発電量", "MWh", 500, 20000, 1},
    {"\"ゼロ予算\"事業の実施数", "事業", 2, 20, 0},
    {"市民活動団体との協働事業数（新規, 継続）", "事業", 5, 40, 0},
};
static const struct vocab sum_words[] = {
    {"移住相談件数", "件", 100, 2000, 0},     {"窓口利用者数", "人", 1000, 50000, 0},
    {"出前講座の実施回数", "回", 12, 120, 0}, {"イベント参加者数", "人", 500, 20000, 0},
    {"健康相談の件数", "件", 200, 5000, 0},
};
static const struct vocab dec_words[] = {
    {"待機児童数", "人", 10, 120, 0},
    {"交通事故件数", "件", 100, 2000, 0},
    {"ごみ排出量", "t", 5000, 200000, 1},
    {"公共施設のCO2排出量", "t-CO2", 1000, 50000, 1},
    {"不登校児童生徒数", "人", 20, 300, 0},
    {"管理不全な空き家数", "戸", 200, 5000, 0},
    {"職員の時間外勤務時間", "時間", 10000, 200000, 0},
    {"市税の滞納件数", "件", 100, 3000, 0},
};
static const struct vocab level_words[] = {
    {"市民満足度", "%", 60, 90, 1},         {"特定健診受診率", "%", 40, 70, 1},
    {"住宅の耐震化率", "%", 80, 95, 1},     {"ごみのリサイクル率", "%", 20, 40, 1},
    {"市税の収納率", "%", 95, 99, 1},       {"公共施設の稼働率", "%", 50, 85, 1},
    {"乳幼児健診の受診率", "%", 90, 99, 1},
};
static const struct vocab rel_words[] = {
    {"まちなかキャンパス講座開催数", "回", 10, 60, 0},
    {"観光案内所の利用者数", "人", 5000, 50000, 0},
    {"ふるさと納税額", "千円", 10000, 500000, 0},
    {"道の駅の売上額", "千円", 50000, 300000, 0},
    {"図書館の来館者数", "人", 50000, 400000, 0},
};
static const char *const milestone_words[] = {
    "総合戦略事業の検証と次年度予算への反映",
    "業務実績評価の仕組の構築",
    "合併特例債充当事業の最終決定",
    "庁内組織の立ち上げと推進会議の開催",
    "シティセールス指針の策定",
    "庁内向マニュアルの作成",
    "結婚・出産に関する意識調査の実施",
    "地域福祉計画の策定",
    "公共施設等総合管理計画の改訂",
    "防災行政無線のデジタル化",
    "基幹系システムのクラウド化",
    "子ども・子育て支援事業計画の中間見直し",
    "空家等対策計画の策定",
    "立地適正化計画の策定",
    "観光振興ビジョンの策定",
};
static const char *const qualitative_words[] = {
    "高等教育機関の受入れの検討",
    "第2次共生ビジョンの推進と進捗状況の検証",
    "謝意を込めた魅力ある返礼品の充実",
    "地域公共交通の在り方の検討",
    "官民連携による公共施設の活用の検討",
    "定住自立圏における広域連携の推進",
    "多文化共生の推進",
    "シビックプライドの醸成",
};
static const char *const sections[] = {
    "政策企画課", "総務課",     "財政課", "観光課", "子育て支援課",
    "健康推進課", "生活環境課", "商工課", "農政課", "生涯学習課"};
static const char *const good_comments[] = {"順調に推移", "計画どおり進捗",
                                            "目標を上回る見込み"};
static const char *const weak_comments[] = {"一部に遅れあり", "下半期に取組を強化",
                                            "関係機関と調整中"};

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* ---- dates: the twelve month ends of fiscal 2017 ---- */

static const char *const month_end[12] = {
    "2017-04-30", "2017-05-31", "2017-06-30", "2017-07-31", "2017-08-31", "2017-09-30",
    "2017-10-31", "2017-11-30", "2017-12-31", "2018-01-31", "2018-02-28", "2018-03-31"};
/* Days from 2017-04-01 to each month end, both counted. */
static const int month_day[12] = {30,  61,  91,  122, 153, 183,
                                  214, 244, 275, 306, 334, 365};
#define SEPTEMBER 5
#define JULY_FIRST_DAY 92 /* 2017-07-01 is day 92 of the fiscal year */

/* ---- CSV output ---- */

static void put_field(FILE *f, const char *s)
{
    if (!s[strcspn(s, ",\"\r\n")]) {
        fputs(s, f);
        return;
    }
    putc('"', f);
    for (; *s; s++) {
        if (*s == '"')
            putc('"', f);
        putc(*s, f);
    }
    putc('"', f);
}

static void put_number(FILE *f, double x, int decimals)
{
    if (decimals)
        fprintf(f, "%.1f", x);
    else
        fprintf(f, "%.0f", x);
}

static void format_number(char *buf, size_t size, double x, int decimals)
{
    if (decimals)
        snprintf(buf, size, "%.1f", x);
    else
        snprintf(buf, size, "%.0f", x);
}

/* ---- the model kept between the two files ---- */

struct target {
    uint32_t plan;    /* municipality index, 0-based */
    uint16_t goal;    /* policy goal index within the plan, 0-based */
    uint16_t number;  /* target number within the policy goal, 1-based */
    uint8_t cls;      /* enum cls */
    uint8_t decimals; /* of its figures */
    uint8_t word;     /* index into its class's vocabulary */
    uint8_t late;     /* first month reported (0 = April; 6 = October) */
    uint8_t done;     /* milestones: first month at 1; 99 = never */
    uint8_t july;     /* starts 2017-07-01 */
    uint8_t assess;   /* 0 none, 1 one at 2017-09-30, 2 two that day, 3 year end */
    uint8_t correct;  /* a correction of its September figure at the end */
    double s, t, q;   /* start, target, performance (1 = on schedule) */
    double current;   /* the last figure (running total for SUM) */
    double september; /* the September figure */
};

struct options {
    long long targets;
    uint64_t seed;
    int per_plan;
    int goals_per_plan;
    const char *structure;
    const char *progress;
    const char *meta;
};

struct counts {
    long long plans, goals, targets, measurements, assessments, notes;
    long long structure_bytes, progress_bytes;
};

static const char *unit_of(const struct target *t)
{
    switch (t->cls) {
    case INC:
    case INCOMPLETE:
    case INVALID:
        return inc_words[t->word].unit;
    case SUM:
        return sum_words[t->word].unit;
    case DEC:
        return dec_words[t->word].unit;
    case LEVEL:
        return level_words[t->word].unit;
    case REL:
        return rel_words[t->word].unit;
    default:
        return "";
    }
}

static const char *label_of(const struct target *t)
{
    switch (t->cls) {
    case INC:
    case INCOMPLETE:
    case INVALID:
        return inc_words[t->word].label;
    case SUM:
        return sum_words[t->word].label;
    case DEC:
        return dec_words[t->word].label;
    case LEVEL:
        return level_words[t->word].label;
    case REL:
        return rel_words[t->word].label;
    case MILE:
        return milestone_words[t->word];
    default:
        return qualitative_words[t->word];
    }
}

static enum cls pick_class(void)
{
    double u = uniform();
    static const struct {
        double share;
        enum cls cls;
    } mix[] = {{0.555, INC},  {0.07, SUM},         {0.09, DEC},
               {0.05, LEVEL}, {0.05, REL},         {0.12, MILE},
               {0.05, QUAL},  {0.006, INCOMPLETE}, {0.009, INVALID}};
    for (int i = 0; i < COUNT(mix); i++) {
        if (u < mix[i].share)
            return mix[i].cls;
        u -= mix[i].share;
    }
    return INC;
}

static double in_range(const struct vocab *v)
{
    double u = uniform();
    return v->lo + (v->hi - v->lo) * u * u;
}

/* Chooses what a target is and how it will fare. */
static void make_target(struct target *t)
{
    t->cls = (uint8_t)pick_class();
    t->q = chance(0.08) ? 0 : 1.0 + 0.3 * normal();
    if (t->q != 0 && t->q < 0.05)
        t->q = 0.05;
    t->done = 99;
    t->s = 0;
    t->t = 0;
    const struct vocab *v = NULL;
    switch (t->cls) {
    case INC:
    case INCOMPLETE:
    case INVALID:
        t->word = (uint8_t)pick(0, COUNT(inc_words) - 1);
        v = &inc_words[t->word];
        t->t = nice(in_range(v));
        if (t->cls == INVALID)
            t->t = 0; /* "0件以上": nothing to gain, rated INVALID */
        t->july = (uint8_t)chance(0.03);
        break;
    case SUM:
        t->word = (uint8_t)pick(0, COUNT(sum_words) - 1);
        v = &sum_words[t->word];
        t->t = nice(in_range(v));
        break;
    case DEC:
        t->word = (uint8_t)pick(0, COUNT(dec_words) - 1);
        v = &dec_words[t->word];
        t->s = nice(in_range(v));
        t->t = nice(t->s * (0.5 + 0.4 * uniform()));
        if (t->t >= t->s)
            t->t = t->s - 1;
        break;
    case LEVEL:
        t->word = (uint8_t)pick(0, COUNT(level_words) - 1);
        v = &level_words[t->word];
        t->t = round_to(in_range(v), 0);
        break;
    case REL:
        t->word = (uint8_t)pick(0, COUNT(rel_words) - 1);
        v = &rel_words[t->word];
        t->s = nice(in_range(v)); /* the reference R, kept in s */
        t->t = t->s;              /* figures are generated against R(1 + p) below */
        break;
    case MILE:
        t->word = (uint8_t)pick(0, COUNT(milestone_words) - 1);
        t->t = 1;
        if (t->q != 0)
            t->done = (uint8_t)pick(0, 13);
        break;
    default:
        t->word = (uint8_t)pick(0, COUNT(qualitative_words) - 1);
        break;
    }
    t->decimals = (uint8_t)(v ? v->decimals : 0);
    t->late = (uint8_t)(t->cls != QUAL && chance(0.02) ? 6 : 0);
    double a = uniform();
    t->assess = (uint8_t)(t->cls == QUAL ? (a < 0.6    ? 1
                                            : a < 0.75 ? 3
                                                       : 0)
                                         : (a < 0.01    ? 1
                                            : a < 0.011 ? 2
                                                        : 0));
    t->correct = (uint8_t)(t->cls == INC && chance(0.003));
}

/* Percent increase of a relative target, by its word. */
static int rel_percent(const struct target *t)
{
    static const int percent[] = {10, 5, 20, 3, 5};
    return percent[t->word % COUNT(percent)];
}

/* Target value T as the file states it (REL: R(1 + p/100), for the figures). */
static double goal_value(const struct target *t)
{
    if (t->cls == REL)
        return t->s * (1.0 + rel_percent(t) / 100.0);
    return t->t;
}

/* Milestones of some targets are due within the year. */
static const char *milestone_due(const struct target *t)
{
    uint32_t h = t->plan * 2654435761u ^ (uint32_t)t->goal * 40503u ^ t->number;
    return h % 10 == 0 ? "2017-09-30" : h % 10 < 3 ? "2017-12-31" : "";
}

static void write_target_row(FILE *f, const struct target *t, const char *code,
                             const char *parent)
{
    char value[32] = "", start_value[32] = "", reference[32] = "", pct[16] = "";
    char text[512];
    const char *kind = "", *direction = "", *start = "", *due = "", *schedule = "";
    const char *accumulate = "";
    const char *label = label_of(t), *unit = unit_of(t);
    uint64_t style = rng_next();
    switch (t->cls) {
    case INC:
    case INVALID:
        kind = style % 10 < 7 ? "numeric" : "";
        direction = (style >> 8) % 10 < 6 ? "increase" : "";
        format_number(value, sizeof value, t->t, t->decimals);
        snprintf(text, sizeof text, "%s%s%s以上", label, value, unit);
        start = t->july ? "2017-07-01" : "";
        break;
    case INCOMPLETE:
        kind = "numeric";
        snprintf(text, sizeof text, "%s（目標値は年度内に設定）", label);
        break;
    case SUM:
        kind = "numeric";
        accumulate = "sum";
        format_number(value, sizeof value, t->t, t->decimals);
        snprintf(text, sizeof text, "%s%s%s以上（年間累計）", label, value, unit);
        break;
    case DEC:
        kind = style % 10 < 8 ? "numeric" : "数値";
        direction = (style >> 8) % 10 < 8 ? "decrease" : "以下";
        format_number(value, sizeof value, t->t, t->decimals);
        format_number(start_value, sizeof start_value, t->s, t->decimals);
        snprintf(text, sizeof text, "%sを%s%sから%s%s以下に", label, start_value, unit,
                 value, unit);
        break;
    case LEVEL:
        kind = "numeric";
        schedule = "level";
        format_number(value, sizeof value, t->t, 0);
        snprintf(text, sizeof text, "%s%s%s以上を維持", label, value, unit);
        break;
    case REL:
        kind = "numeric";
        format_number(reference, sizeof reference, t->s, 0);
        snprintf(pct, sizeof pct, "%d", rel_percent(t));
        snprintf(text, sizeof text, "%s 前年度比%d%%増（前年度%s%s）", label,
                 rel_percent(t), reference, unit);
        break;
    case MILE:
        kind = style % 10 < 9 ? "milestone" : "達成";
        due = milestone_due(t);
        if (*due)
            snprintf(text, sizeof text, "%s月までに%s",
                     strcmp(due, "2017-09-30") ? "12" : "9", label);
        else
            snprintf(text, sizeof text, "%s", label);
        break;
    default:
        kind = "qualitative";
        snprintf(text, sizeof text, "%s", label);
        break;
    }
    /* type,code,parent,title,unit,kind,direction,value,start_value,reference,
     * change_pct,start,due,schedule,accumulate,text,organization,department */
    fputs("target,", f);
    fprintf(f, "%s,%s,", code, parent);
    put_field(f, label);
    fprintf(f, ",%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,", unit, kind, direction, value,
            start_value, reference, pct, start, due, schedule, accumulate);
    put_field(f, text);
    fputs(",,\n", f);
}

static void target_code(char *buf, size_t size, const struct target *t)
{
    snprintf(buf, size, "M%04" PRIu32 "-%02u-%02u", t->plan + 1, (unsigned)t->goal + 1,
             (unsigned)t->number);
}

static void municipality_name(char *buf, size_t size, uint32_t plan)
{
    uint64_t h = rng_next();
    const char *suffix = h % 20 < 14 ? "市" : h % 20 < 19 ? "町" : "村";
    snprintf(buf, size, "%s%s%s%s", prefectures[plan % COUNT(prefectures)],
             name_head[(h >> 8) % COUNT(name_head)],
             name_tail[(h >> 16) % COUNT(name_tail)], suffix);
}

static FILE *open_output(const char *path, char *tmp, size_t size)
{
    snprintf(tmp, size, "%s.tmp", path);
    FILE *f = fopen(tmp, "wb");
    if (!f) {
        fprintf(stderr, "kpi-gen: cannot write %s: %s\n", tmp, strerror(errno));
        return NULL;
    }
    setvbuf(f, NULL, _IOFBF, 1 << 20);
    return f;
}

static int close_output(FILE *f, const char *tmp, const char *path, long long *bytes)
{
    fflush(f);
    *bytes = ftell(f);
    if (ferror(f) | fclose(f)) {
        fprintf(stderr, "kpi-gen: error writing %s\n", tmp);
        return -1;
    }
    if (rename(tmp, path) != 0) {
        fprintf(stderr, "kpi-gen: cannot rename %s to %s: %s\n", tmp, path,
                strerror(errno));
        return -1;
    }
    return 0;
}

/* Splits the targets over plans and policy goals as evenly as possible. */
static int write_structure(const struct options *o, struct target *targets,
                           struct counts *c)
{
    char tmp[4096];
    FILE *f = open_output(o->structure, tmp, sizeof tmp);
    if (!f)
        return -1;
    long long plans = (o->targets + o->per_plan - 1) / o->per_plan;
    c->plans = plans;
    c->targets = o->targets;
    fputs("type,code,parent,title,unit,kind,direction,value,start_value,reference,"
          "change_pct,start,due,schedule,accumulate,text,organization,department\n",
          f);
    fprintf(
        f,
        "plan,national-2017,,平成29年度 全国市区町村 重点目標集計（%lld指標）"
        ",,,,,,,,FY2017,FY2017,,,,\"全国%lld市区町村, 集計\",総務省 地域力創造グループ\n",
        o->targets, plans);
    fputs("note,note-1,,※ 評価基準 [◎：目標を上回る進捗] [○：目標どおり進捗] "
          "[△：未進捗の部分あり] [×：全て目標未進捗],,,,,,,,,,,,,,\n",
          f);
    c->notes = 1;
    long long next = 0;
    for (long long p = 0; p < plans; p++) {
        long long in_plan = o->targets / plans + (p < o->targets % plans);
        char name[256], code[64];
        municipality_name(name, sizeof name, (uint32_t)p);
        snprintf(code, sizeof code, "M%04lld", p + 1);
        fprintf(f, "goal,%s,,%s 平成29年度 重点目標,,,,,,,,,,,,,,\n", code, name);
        c->goals++;
        int goals = o->goals_per_plan;
        if (goals > in_plan)
            goals = (int)in_plan;
        int offset = pick(0, COUNT(policy_titles) - 1);
        for (int g = 0; g < goals; g++) {
            long long in_goal = in_plan / goals + (g < in_plan % goals);
            char goal_code[96];
            snprintf(goal_code, sizeof goal_code, "%s-%02d", code, g + 1);
            fprintf(f, "goal,%s,%s,", goal_code, code);
            put_field(f, policy_titles[(offset + g) % COUNT(policy_titles)]);
            fputs(",,,,,,,,,,,,,,\n", f);
            c->goals++;
            for (long long i = 0; i < in_goal; i++) {
                struct target *t = &targets[next++];
                t->plan = (uint32_t)p;
                t->goal = (uint16_t)g;
                t->number = (uint16_t)(i + 1);
                make_target(t);
                char target_code_buf[64];
                target_code(target_code_buf, sizeof target_code_buf, t);
                write_target_row(f, t, target_code_buf, goal_code);
            }
        }
    }
    return close_output(f, tmp, o->structure, &c->structure_bytes);
}

/* The figure of month m, or a negative number for none. */
static double figure(struct target *t, int m)
{
    if (t->cls == QUAL || m < t->late)
        return -1;
    if (m != SEPTEMBER && chance(0.03))
        return -1; /* a month not reported */
    double day = month_day[m];
    double f = t->july ? (day - (JULY_FIRST_DAY - 1)) / (365.0 - (JULY_FIRST_DAY - 1))
                       : day / 365.0;
    if (f < 0)
        f = 0;
    double noise = 1.0 + 0.08 * normal();
    double v;
    switch (t->cls) {
    case MILE:
        return m >= t->done ? 1 : 0;
    case SUM:
        v = round_to(goal_value(t) / 12.0 * t->q * (1.0 + 0.3 * normal()), t->decimals);
        return v < 0 ? 0 : v;
    case DEC:
        v = round_to(t->s - (t->s - t->t) * t->q * f * noise, t->decimals);
        if (t->current > 0 && v > t->current)
            v = t->current;
        return v < 0 ? 0 : v;
    case LEVEL:
        return round_to(t->q == 0 ? t->t * 0.5 : t->t * (0.80 + 0.35 * uniform()), 1);
    default: {
        double target = t->cls == INVALID || t->cls == INCOMPLETE ? 10 : goal_value(t);
        v = round_to(target * t->q * f * noise, t->decimals);
        if (v < t->current)
            v = t->current;
        return v < 0 ? 0 : v;
    }
    }
}

static int rating_symbol_index(double good)
{
    double u = uniform();
    if (u < good * 0.3)
        return 0;
    if (u < good)
        return 1;
    return u < 0.95 ? 2 : 3;
}

static void write_assessment(FILE *f, const char *code, const char *date, double good,
                             struct counts *c)
{
    static const char *const symbols[] = {"◎", "○", "△", "×"};
    static const char *const names[] = {"ahead", "on_track", "behind", "not_progressed"};
    int r = rating_symbol_index(good);
    const char *rating = chance(0.05) ? names[r] : symbols[r];
    const char *comment = r < 2 ? good_comments[pick(0, COUNT(good_comments) - 1)]
                                : weak_comments[pick(0, COUNT(weak_comments) - 1)];
    fprintf(f, "%s,%s,,%s,%s,%s\n", code, date, rating, comment,
            sections[pick(0, COUNT(sections) - 1)]);
    c->assessments++;
}

static void write_goal_assessments(FILE *f, const struct options *o, const char *date,
                                   double share, struct counts *c)
{
    long long plans = c->plans;
    for (long long p = 0; p < plans; p++) {
        char code[64];
        snprintf(code, sizeof code, "M%04lld", p + 1);
        if (chance(share / 2))
            write_assessment(f, code, date, 0.7, c);
        long long in_plan = o->targets / plans + (p < o->targets % plans);
        int goals = o->goals_per_plan < in_plan ? o->goals_per_plan : (int)in_plan;
        for (int g = 0; g < goals; g++) {
            if (!chance(share))
                continue;
            char goal_code[96];
            snprintf(goal_code, sizeof goal_code, "M%04lld-%02d", p + 1, g + 1);
            write_assessment(f, goal_code, date, 0.7, c);
        }
    }
}

static void write_measurement(FILE *f, struct target *t, int m, double v,
                              struct counts *c)
{
    char code[64];
    target_code(code, sizeof code, t);
    fprintf(f, "%s,%s,", code, month_end[m]);
    put_number(f, v, t->decimals);
    fputs(",,", f);
    if (m == SEPTEMBER) {
        char note[512], number[32];
        format_number(number, sizeof number, v, t->decimals);
        if (t->cls == MILE)
            snprintf(note, sizeof note, "%s：%s", label_of(t),
                     v >= 1 ? "完了" : "準備中");
        else if (chance(0.01))
            snprintf(note, sizeof note,
                     "%s：%s%s\n（上半期実績、前年同期比は別紙のとおり）", label_of(t),
                     number, unit_of(t));
        else
            snprintf(note, sizeof note, "%s：%s%s", label_of(t), number, unit_of(t));
        put_field(f, note);
        c->notes++;
    }
    fputs(",\n", f);
    c->measurements++;
}

static int write_progress(const struct options *o, struct target *targets,
                          struct counts *c)
{
    char tmp[4096];
    FILE *f = open_output(o->progress, tmp, sizeof tmp);
    if (!f)
        return -1;
    fputs("code,date,value,rating,note,author\n", f);
    for (int m = 0; m < 12; m++) {
        for (long long i = 0; i < o->targets; i++) {
            struct target *t = &targets[i];
            double v = figure(t, m);
            if (v < 0)
                continue;
            if (t->cls == SUM)
                t->current += v;
            else
                t->current = v;
            if (m == SEPTEMBER)
                t->september = v;
            write_measurement(f, t, m, v, c);
        }
        if (m == SEPTEMBER) {
            /* The mid-year report: assessments as of 2017-09-30. */
            for (long long i = 0; i < o->targets; i++) {
                struct target *t = &targets[i];
                char code[64];
                target_code(code, sizeof code, t);
                if (t->assess == 1 || t->assess == 2)
                    write_assessment(f, code, month_end[m], 0.65, c);
                if (t->assess == 2)
                    write_assessment(f, code, month_end[m], 0.65, c);
            }
            write_goal_assessments(f, o, month_end[m], 0.05, c);
        }
    }
    /* The year-end report's assessments, and corrections found late. */
    for (long long i = 0; i < o->targets; i++) {
        struct target *t = &targets[i];
        char code[64];
        target_code(code, sizeof code, t);
        if (t->assess == 3)
            write_assessment(f, code, month_end[11], 0.6, c);
    }
    write_goal_assessments(f, o, month_end[11], 0.03, c);
    for (long long i = 0; i < o->targets; i++) {
        struct target *t = &targets[i];
        if (!t->correct)
            continue;
        char code[64], note[512];
        target_code(code, sizeof code, t);
        fprintf(f, "%s,%s,", code, month_end[SEPTEMBER]);
        put_number(f, round_to(t->september * 1.05 + 1, t->decimals), t->decimals);
        snprintf(note, sizeof note, "訂正：%s（集計漏れ）", label_of(t));
        fputs(",,", f);
        put_field(f, note);
        fprintf(f, ",%s\n", sections[0]);
        c->measurements++;
    }
    return close_output(f, tmp, o->progress, &c->progress_bytes);
}

static int write_meta(const struct options *o, const struct counts *c)
{
    char tmp[4096];
    FILE *f = open_output(o->meta, tmp, sizeof tmp);
    if (!f)
        return -1;
    fprintf(f,
            "generator=%d\nseed=%" PRIu64 "\nper_plan=%d\ngoals_per_plan=%d\n"
            "plans=%lld\ngoals=%lld\ntargets=%lld\nmeasurements=%lld\n"
            "assessments=%lld\nstructure_bytes=%lld\nprogress_bytes=%lld\n",
            KPI_GEN_VERSION, o->seed, o->per_plan, o->goals_per_plan, c->plans, c->goals,
            c->targets, c->measurements, c->assessments, c->structure_bytes,
            c->progress_bytes);
    long long ignored;
    return close_output(f, tmp, o->meta, &ignored);
}

static void usage(FILE *f)
{
    fputs("usage: kpi-gen --targets N [--seed S] [--per-plan 300] [--goals-per-plan 10]\n"
          "               --structure FILE --progress FILE [--meta FILE]\n"
          "Writes a synthetic national plan (FY2017) of N targets in the two plan files\n"
          "of docs/csv-format.md; the same seed gives the same bytes. See\n"
          "tests/bench/README.md.\n",
          f);
}

static int parse_number(const char *text, long long lo, long long hi, long long *out)
{
    char *end;
    errno = 0;
    long long v = strtoll(text, &end, 10);
    if (errno || end == text || *end || v < lo || v > hi)
        return -1;
    *out = v;
    return 0;
}

int main(int argc, char **argv)
{
    struct options o = {0, 2017, 300, 10, NULL, NULL, NULL};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        long long v;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(stdout);
            return 0;
        }
        if (i + 1 >= argc) {
            usage(stderr);
            return 2;
        }
        const char *arg = argv[++i];
        if (!strcmp(a, "--targets") && !parse_number(arg, 1, 100000000, &v))
            o.targets = v;
        else if (!strcmp(a, "--seed") && !parse_number(arg, 0, INT64_MAX, &v))
            o.seed = (uint64_t)v;
        else if (!strcmp(a, "--per-plan") && !parse_number(arg, 1, 9999, &v))
            o.per_plan = (int)v;
        else if (!strcmp(a, "--goals-per-plan") && !parse_number(arg, 1, 99, &v))
            o.goals_per_plan = (int)v;
        else if (!strcmp(a, "--structure"))
            o.structure = arg;
        else if (!strcmp(a, "--progress"))
            o.progress = arg;
        else if (!strcmp(a, "--meta"))
            o.meta = arg;
        else {
            fprintf(stderr, "kpi-gen: bad option or value: %s %s\n", a, arg);
            usage(stderr);
            return 2;
        }
    }
    if (!o.targets || !o.structure || !o.progress) {
        usage(stderr);
        return 2;
    }
    rng_seed(o.seed);
    struct target *targets = calloc((size_t)o.targets, sizeof *targets);
    if (!targets) {
        fprintf(stderr, "kpi-gen: out of memory for %lld targets\n", o.targets);
        return 1;
    }
    struct counts c = {0};
    int rc = write_structure(&o, targets, &c);
    if (rc == 0)
        rc = write_progress(&o, targets, &c);
    if (rc == 0 && o.meta)
        rc = write_meta(&o, &c);
    free(targets);
    if (rc != 0)
        return 1;
    printf("kpi-gen: %lld targets in %lld plans, %lld goals, %lld measurements, "
           "%lld assessments; %s %lld bytes, %s %lld bytes\n",
           c.targets, c.plans, c.goals, c.measurements, c.assessments, o.structure,
           c.structure_bytes, o.progress, c.progress_bytes);
    return 0;
}
