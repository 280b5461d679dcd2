/* The words only the progress prose reader needs. The status words
 * (検討中, 開催予定, 中止 ...) are not here: they are util/status_words.c's,
 * the one table of them; and the verbs and aims the target phrases use
 * (開催, 実施, 策定 ..., 推進, 注視 ...) are phrase_words.c's. */
#include "phrase/prose.h"

#include <stddef.h>

/* More things done, as progress reports them (…を確認, 実地審査を受検,
 * 筑波大学と新規提携): in the plain form, each reports an act. */
const char *const kpi__prose_acts[] = {
    "確認", "受検", "受審", "提携", "掲載", "開拓", "制作", "放送", "協議",
    "交付", "発注", "申請", "承認", "報告", "公募", "視察", "配信", "更新",
    "改修", "着工", "竣工", "合意", "答申", "提言", "展示", "上演", "開館",
    "開講", "設定", "調査", "運用", "整理", "点検", "訪問", "出展", "掲示",
    "送付", "回収", "集計", "分析", "追加", "拡大", NULL};

/* An agent ending so is an organisation: what it decides is its own
 * (新潟薬科大学が…中止を決定). Not 市: the city may name itself. */
const char *const kpi__prose_organisations[] = {
    "大学", "学部", "法人",   "会社",   "(株)",     "企業",   "県",   "国",   "省",
    "庁",   "団体", "協会",   "連盟",   "機構",     "財団",   "組合", "業者", "病院",
    "銀行", "学校", "委員会", "協議会", "センター", "事務局", "政府", NULL};

/* Before a count: it adds up attendances or years (延べ69人). */
const char *const kpi__prose_cumulative[] = {"延べ", "のべ", "累計", "累積",
                                             "通算", "延",   NULL};

/* Before a count: a sum of others (合計4事業). 計 only as a word of its
 * own (the reader checks what stands before it). */
const char *const kpi__prose_totals[] = {"合計", "総計", "総数", "計", NULL};

/* Words of time at the start of a subject, which say when, not what. */
const char *const kpi__prose_adverbs[] = {"毎月",     "毎週", "毎年", "毎日",
                                          "これまで", "現在", "今回", "引き続き",
                                          "さらに",   "また", NULL};

/* After an act: it has not been done (実施していない). */
const char *const kpi__prose_negations[] = {
    "していない",   "しておらず",     "していません",
    "できていない", "できておらず",   "されていない",
    "されておらず", "していなかった", NULL};

/* A topic: what the sentence is about (「事前」チームキャンプ誘致について). */
const char *const kpi__prose_topics[] = {"については", "に関しては", "について",
                                         "に関して", NULL};

/* A purpose: what the work is toward (講演会開催に向け). */
const char *const kpi__prose_purposes[] = {"に向けて", "に向け", NULL};
