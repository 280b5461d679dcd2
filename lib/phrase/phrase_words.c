/* The words of target phrases that every reader shares: verbs of things
 * done, endings that add nothing, markers of last year's figure,
 * comparisons; and the small tests built on them. */
#include "phrase/phrase.h"

#include <stddef.h>

/* What a count may be counted in. Not 年 (2019年 is a year), 月 (8月 is a
 * month) or 市 (3市長 is a name): those numbers are not targets. */
const char *const kpi__phrase_units[] = {
    "%",      "件",   "回",         "組",         "校",   "人",   "名",
    "機関",   "品目", "品",         "アカウント", "分野", "地域", "地区",
    "事業所", "事業", "計画",       "社",         "団体", "企業", "箇所",
    "か所",   "カ所", "ヵ所",       "ヶ所",       "施設", "館",   "店舗",
    "店",     "戸",   "世帯",       "台",         "本",   "冊",   "部",
    "枚",     "点",   "種類",       "種",         "項目", "講座", "コース",
    "クラス", "日間", "日",         "時間",       "週",   "か月", "カ月",
    "ヶ月",   "ヵ月", "か国",       "カ国",       "ヶ国", "都市", "市町村",
    "自治会", "園",   "人泊",       "泊",         "人日", "千円", "万円",
    "億円",   "円",   "ポイント",   "倍",         "ha",   "km",   "kg",
    "t",      "トン", "m",          "作品",       "公演", "試合", "大会",
    "ページ", "基",   "棟",         "区画",       "路線", "便",   "事例",
    "チーム", "協定", "ヘクタール", "g",          "kWh",  "L",    NULL};

/* Done once: a target ending so is a milestone (…の策定, …を開始). */
const char *const kpi__phrase_milestones[] = {
    "策定",     "締結", "実施", "開催", "開始", "構築", "決定", "作成", "設置", "認定",
    "反映",     "完了", "導入", "制定", "改定", "改訂", "公表", "公開", "発行", "設立",
    "開設",     "完成", "着手", "取得", "指定", "選定", "採択", "発足", "創設", "確立",
    "立ち上げ", "提出", "開業", "開通", "稼働", "実現", NULL};

/* An aim with no measurable quantity: qualitative by nature. */
const char *const kpi__phrase_aims[] = {
    "充実", "推進",   "活用",   "検討",     "検証",     "強化", "向上",
    "促進", "支援",   "継続",   "維持",     "改善",     "拡充", "周知",
    "啓発", "醸成",   "努める", "取組",     "取り組み", "育成", "振興",
    "保全", "適正化", "効率化", "円滑化",   "見直し",   "研究", "注視",
    "把握", "連携",   "協働",   "情報発信", "情報提供", "発信", NULL};

/* Ongoing work: …を実施 of these is an aim, not a one-off milestone
 * (ホームページ、機関誌等により情報提供を実施). */
const char *const kpi__phrase_ongoing[] = {"情報提供", "情報発信", "発信", "周知",
                                           "啓発",     "広報",     "PR",   "支援",
                                           "相談対応", NULL};

/* A count to raise or lower, with no number written (パートナーズの獲得). */
const char *const kpi__phrase_raise[] = {"獲得", "増加", NULL};

const char *const kpi__phrase_lower[] = {"削減", "減少", NULL};

/* Endings that add no meaning to the word before them. */
const char *const kpi__phrase_endings[] = {
    "する", "します", "した", "予定",     "中",     "済",       "済み",   "を行う",
    "行う", "を図る", "図る", "を目指す", "目指す", "を進める", "進める", NULL};

/* Naming last year's figure as the base of a percent. */
const char *const kpi__phrase_markers[] = {
    "対前年度比",   "対前年比",   "前年度比",   "前年比",   "昨年度比",   "昨年比",
    "対前年度",     "対前年",     "前年度から", "前年から", "前年度より", "前年より",
    "前年度に比べ", "前年に比べ", "前年度比で", "前年比で", NULL};

/* What may follow a count directly: 1回実施, (5校)を実施, 6回開催. */
const char *const kpi__phrase_verbs[] = {
    "実施", "開催", "締結", "参加", "達成",   "確保",     "設置", "開設", "派遣", "発行",
    "登録", "認定", "受講", "整備", "作成",   "策定",     "導入", "開始", "獲得", "提供",
    "訪問", "出展", "配布", "募集", "受入れ", "受け入れ", "採択", "創出", "誘致", NULL};

const char *const kpi__phrase_comparisons[] = {"以上",     "以下",     "以内",     "未満",
                                               "を超える", "超える",   "超え",     "超過",
                                               "超",       "を上回る", "を下回る", NULL};

int kpi__phrase_word_end(const uint32_t *cp, size_t at, size_t end)
{
    if (at >= end || !kpi__pt_wordchar(cp[at]))
        return 1;
    return kpi__pt_match_table(cp, at, end, kpi__phrase_endings, NULL) > 0;
}

size_t kpi__phrase_core_end(const uint32_t *cp, size_t begin, size_t end)
{
    for (;;) {
        while (end > begin && kpi__pt_separator(cp[end - 1]))
            end--;
        size_t len = kpi__pt_match_end_table(cp, begin, end, kpi__phrase_endings, NULL);
        if (len == 0 || len == end - begin)
            return end;
        end -= len;
    }
}

int kpi__pgroup_is_target(const kpi__pgroup *g)
{
    return g->role == KPI__ROLE_COUNT || g->role == KPI__ROLE_RELATIVE ||
           g->role == KPI__ROLE_CHANGE;
}

int kpi__pgroup_is_strong(const kpi__pgroup *g)
{
    return kpi__pgroup_is_target(g) && !g->bare;
}

/* ---- Rates and periods ------------------------------------------------------ */

/* What reads "per": 1人当たり500円 counts yen, not people. */
static const char *const per_words[] = {"当たり", "あたり", "につき", NULL};

int kpi__phrase_per_follows(const uint32_t *cp, size_t at, size_t end)
{
    /* 1人1日当たり: a few more counts may stand between (three at most,
     * so that a run of counts is not scanned again from each of them). */
    for (int step = 0; step < 4; step++) {
        if (kpi__pt_match_table(cp, at, end, per_words, NULL))
            return 1;
        size_t k = at;
        while (k < end && kpi__pt_digit(cp[k]))
            k++;
        size_t unit =
            k > at ? kpi__pt_match_table(cp, k, end, kpi__phrase_units, NULL) : 0;
        if (unit == 0)
            return 0;
        at = k + unit;
    }
    return 0;
}

/* The period before a count: 年4回, 毎月1回, 年に2回 (a frequency), 年間120件
 * (a total over the year). The one-character forms only after a blank, a
 * bracket or the like (2019年4回 is a year, 今年3件 no rate). */
static const char *const frequencies[] = {"毎年度", "毎年", "毎月", "毎週", "毎日",
                                          "年に",   "月に", "週に", "日に", NULL};
static const char *const frequency_chars[] = {"年", "月", "週", NULL};
static const char *const totals[] = {"年間", "年度間", "月間", NULL};

size_t kpi__phrase_period_before(const uint32_t *cp, size_t floor, size_t at, int *kind)
{
    size_t len = kpi__pt_match_end_table(cp, floor, at, totals, NULL);
    if (len) {
        *kind = KPI__PERIOD_TOTAL;
        return len;
    }
    len = kpi__pt_match_end_table(cp, floor, at, frequencies, NULL);
    if (!len && kpi__pt_match_end_table(cp, floor, at, frequency_chars, NULL)) {
        len = 1;
        /* The character before may lie before floor: it is only looked at. */
        if (at >= 2 && (kpi__pt_wordchar(cp[at - 2]) || kpi__pt_digit(cp[at - 2]) ||
                        kpi__pt_hiragana(cp[at - 2])))
            return 0;
    }
    if (len && at > len && kpi__pt_digit(cp[at - len - 1]))
        return 0; /* 2019年に: a year */
    *kind = len ? KPI__PERIOD_FREQUENCY : KPI__PERIOD_NONE;
    return len;
}

int kpi__phrase_period_at(const uint32_t *cp, size_t at, size_t end)
{
    size_t len = kpi__pt_match_table(cp, at, end, totals, NULL);
    if (!len)
        len = kpi__pt_match_table(cp, at, end, frequencies, NULL);
    if (!len)
        len = kpi__pt_match_table(cp, at, end, frequency_chars, NULL);
    return len && at + len < end && kpi__pt_digit(cp[at + len]);
}
