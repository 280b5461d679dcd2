/* The model's vocabulary: the stable names, symbols and words of its
 * enumerations (the rating scale, unrated reasons, objects, kinds,
 * directions, schedules, roll-up rules, languages, encodings, warnings,
 * the fields a target's wording can fill), in one place for the API, the
 * readers, the writers and the reports. */
#include "model/names.h"
#include "util/error.h"
#include "util/status_words.h"

#include <stdio.h>
#include <string.h>

struct rating_text {
    const char *symbol;
    const char *name;
    const char *ja;
    const char *en;
};

/* Indexed by kpi_rating; the Japanese labels are the seed's 評価基準. */
static const struct rating_text ratings[] = {
    {"", "", "", ""},
    {"×", "not_progressed", "全て目標未進捗", "not progressed"},
    {"△", "behind", "未進捗の部分あり", "partly behind"},
    {"○", "on_track", "目標どおり進捗", "on target"},
    {"◎", "ahead", "目標を上回る進捗", "ahead of target"},
};

static const struct rating_text *rating_text(kpi_rating rating)
{
    if (rating < KPI_RATING_NONE || rating > KPI_RATING_AHEAD)
        return &ratings[0];
    return &ratings[rating];
}

const char *kpi_rating_symbol(kpi_rating rating)
{
    return rating_text(rating)->symbol;
}

const char *kpi_rating_label(kpi_rating rating, kpi_lang lang)
{
    return lang == KPI_LANG_EN ? rating_text(rating)->en : rating_text(rating)->ja;
}

const char *kpi_rating_name(kpi_rating rating)
{
    return rating_text(rating)->name;
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

int kpi_rating_parse(kpi_rating *out, const char *text)
{
    if (!out)
        return kpi__error_null("kpi_rating_parse", "out");
    *out = KPI_RATING_NONE;
    if (!text)
        return kpi__error_null("kpi_rating_parse", "text");
    const char *begin = text;
    const char *end = text + strlen(text);
    while (begin < end && is_blank(*begin))
        begin++;
    while (end > begin && is_blank(end[-1]))
        end--;
    size_t len = (size_t)(end - begin);
    for (int r = KPI_RATING_NOT_PROGRESSED; r <= KPI_RATING_AHEAD; r++) {
        const struct rating_text *t = &ratings[r];
        if ((len == strlen(t->symbol) && memcmp(begin, t->symbol, len) == 0) ||
            (len == strlen(t->name) && memcmp(begin, t->name, len) == 0)) {
            *out = (kpi_rating)r;
            return KPI_OK;
        }
    }
    return kpi__error(KPI_ERR_VALUE,
                      "\"%s\" is not a rating: expected ◎ ○ △ × or ahead, on_track, "
                      "behind, not_progressed",
                      text);
}

/* ---- Stable names -------------------------------------------------------
 * One table per enumeration, indexed by value: the names plan files, the
 * JSON and CSV reports and the readers use. */

static const char *const object_names[] = {"plan", "goal", "target", "directive"};
static const char *const kind_names[] = {"numeric", "milestone", "qualitative"};
static const char *const direction_names[] = {"increase", "decrease"};
/* A plan file leaves the default schedule empty (csv_write.c). */
static const char *const schedule_names[] = {"default", "linear", "step", "level"};
static const char *const accumulate_names[] = {"latest", "sum"};
static const char *const rollup_names[] = {"criteria", "worst", "weighted"};
static const char *const lang_names[] = {"ja", "en"};
static const char *const encoding_names[] = {"auto", "utf-8", "cp932"};
static const char *const warning_names[] = {"ignored", "inferred"};
/* Indexed by kpi_problem: KPI_PROBLEM_NONE has no name. */
static const char *const problem_names[] = {"", "incomplete", "invalid", "unanswered"};

#define NAME_SET(names)                                                                  \
    {                                                                                    \
        names, (int)(sizeof names / sizeof names[0])                                     \
    }

static const struct {
    const char *const *names;
    int count;
} name_sets[KPI__NAMES_COUNT] = {
    [KPI__NAMES_OBJECT] = NAME_SET(object_names),
    [KPI__NAMES_KIND] = NAME_SET(kind_names),
    [KPI__NAMES_DIRECTION] = NAME_SET(direction_names),
    [KPI__NAMES_SCHEDULE] = NAME_SET(schedule_names),
    [KPI__NAMES_ACCUMULATE] = NAME_SET(accumulate_names),
    [KPI__NAMES_ROLLUP] = NAME_SET(rollup_names),
    [KPI__NAMES_LANG] = NAME_SET(lang_names),
    [KPI__NAMES_ENCODING] = NAME_SET(encoding_names),
    [KPI__NAMES_WARNING] = NAME_SET(warning_names),
    [KPI__NAMES_PROBLEM] = NAME_SET(problem_names),
};

static const char *name_of(kpi__names set, int value)
{
    return value >= 0 && value < name_sets[set].count ? name_sets[set].names[value] : "";
}

static int same_name_ignoring_case(const char *word, const char *name)
{
    for (; *word && *name; word++, name++) {
        char c = *word >= 'A' && *word <= 'Z' ? (char)(*word - 'A' + 'a') : *word;
        if (c != *name)
            return 0;
    }
    return *word == *name;
}

int kpi__name_parse(kpi__names set, const char *word)
{
    if (!word || (int)set < 0 || set >= KPI__NAMES_COUNT)
        return -1;
    for (int value = 0; value < name_sets[set].count; value++)
        if (same_name_ignoring_case(word, name_sets[set].names[value]))
            return value;
    return -1;
}

const char *kpi_object_name(kpi_object object)
{
    return name_of(KPI__NAMES_OBJECT, (int)object);
}

const char *kpi_problem_name(kpi_problem problem)
{
    return name_of(KPI__NAMES_PROBLEM, (int)problem);
}

const char *kpi_kind_name(kpi_kind kind)
{
    return name_of(KPI__NAMES_KIND, (int)kind);
}

const char *kpi_direction_name(kpi_direction direction)
{
    return name_of(KPI__NAMES_DIRECTION, (int)direction);
}

const char *kpi_schedule_name(kpi_schedule schedule)
{
    return name_of(KPI__NAMES_SCHEDULE, (int)schedule);
}

const char *kpi_accumulate_name(kpi_accumulate accumulate)
{
    return name_of(KPI__NAMES_ACCUMULATE, (int)accumulate);
}

const char *kpi_rollup_name(kpi_rollup rollup)
{
    return name_of(KPI__NAMES_ROLLUP, (int)rollup);
}

const char *kpi_lang_name(kpi_lang lang)
{
    return name_of(KPI__NAMES_LANG, (int)lang);
}

const char *kpi_encoding_name(kpi_encoding encoding)
{
    return name_of(KPI__NAMES_ENCODING, (int)encoding);
}

const char *kpi_warning_name(kpi_warning warning)
{
    return name_of(KPI__NAMES_WARNING, (int)warning);
}

/* The roll-up rule in words, as the report header and the goals' reason
 * lines show it ("[評価基準]", "[weighted mean 2.00]"). */
const char *kpi_rollup_label(kpi_rollup rollup, kpi_lang lang)
{
    static const char *const labels[][2] = {
        {"評価基準", "criteria"},
        {"最低評価", "worst"},
        {"加重平均", "weighted mean"},
    };
    if ((int)rollup < 0 || rollup > KPI_ROLLUP_WEIGHTED)
        return "";
    return labels[rollup][lang == KPI_LANG_EN];
}

struct unrated_text {
    const char *name;
    const char *ja;
    const char *en;
};

static const struct unrated_text unrated[] = {
    {"", "", ""},
    {"QUALITATIVE", "定性目標で評価なし", "qualitative target without an assessment"},
    {"INCOMPLETE", "目標の設定が不足", "target incomplete"},
    {"INVALID", "目標の値が矛盾", "contradictory target values"},
    {"NO_DATA", "実績なし", "no figure reported"},
    {"NOT_DUE", "期限前で実績なし", "nothing expected or achieved yet"},
    {"NO_RATED_CHILDREN", "評価できる項目なし", "no rated children"},
    {"CANCELLED", "中止", "cancelled"},
};

static const struct unrated_text *unrated_text(kpi_unrated reason)
{
    if (reason < KPI_UNRATED_NONE || reason > KPI_UNRATED_CANCELLED)
        return &unrated[0];
    return &unrated[reason];
}

const char *kpi_unrated_name(kpi_unrated reason)
{
    return unrated_text(reason)->name;
}

const char *kpi_unrated_label(kpi_unrated reason, kpi_lang lang)
{
    return lang == KPI_LANG_EN ? unrated_text(reason)->en : unrated_text(reason)->ja;
}

/* ---- Fields read from a target's wording ------------------------------ */

static const struct {
    uint32_t bit;
    const char *name;
} field_names[] = {
    {KPI_FIELD_LABEL, "label"},     {KPI_FIELD_UNIT, "unit"},
    {KPI_FIELD_KIND, "kind"},       {KPI_FIELD_DIRECTION, "direction"},
    {KPI_FIELD_VALUE, "value"},     {KPI_FIELD_CHANGE_PCT, "change_pct"},
    {KPI_FIELD_DUE, "due"},         {KPI_FIELD_STATUS, "status"},
    {KPI_FIELD_PLANNED, "planned"},
};

#define FIELD_COUNT (sizeof field_names / sizeof field_names[0])

const char *kpi_field_name(kpi_field field)
{
    for (size_t i = 0; i < FIELD_COUNT; i++)
        if (field_names[i].bit == (uint32_t)field)
            return field_names[i].name;
    return "";
}

int kpi__field_names_parse(uint32_t *out, const char *text)
{
    uint32_t bits = 0;
    const char *p = text;
    while (*p) {
        size_t skip = strspn(p, " \t,");
        p += skip;
        size_t len = strcspn(p, " \t,");
        if (!len)
            break;
        size_t i = 0;
        while (i < FIELD_COUNT && (strlen(field_names[i].name) != len ||
                                   memcmp(p, field_names[i].name, len)))
            i++;
        if (i == FIELD_COUNT)
            return kpi__error(KPI_ERR_VALUE,
                              "\"%.*s\" is not a field: expected label, unit, kind, "
                              "direction, value, change_pct or due",
                              (int)(len > 32 ? 32 : len), p);
        bits |= field_names[i].bit;
        p += len;
    }
    *out = bits;
    return KPI_OK;
}

void kpi__field_names_format(char *buf, size_t size, uint32_t bits)
{
    buf[0] = '\0';
    size_t used = 0;
    for (size_t i = 0; i < FIELD_COUNT; i++) {
        if (!(bits & field_names[i].bit))
            continue;
        int n = snprintf(buf + used, size - used, "%s%s", used ? " " : "",
                         field_names[i].name);
        if (n < 0 || (size_t)n >= size - used)
            return;
        used += (size_t)n;
    }
}

/* ---- Statuses ------------------------------------------------------------ */

const char *kpi_status_name(kpi_status status)
{
    const char *name = kpi__status_stable_name(status);
    return name ? name : "";
}

const char *kpi_status_label(kpi_status status, kpi_lang lang)
{
    const char *label = kpi__status_label(status, lang == KPI_LANG_EN);
    return label ? label : "";
}

int kpi_status_parse(kpi_status *out, const char *text)
{
    if (!out)
        return kpi__error_null("kpi_status_parse", "out");
    if (!text)
        return kpi__error_null("kpi_status_parse", "text");
    const char *begin = text;
    const char *end = text + strlen(text);
    while (begin < end && is_blank(*begin))
        begin++;
    while (end > begin && is_blank(end[-1]))
        end--;
    kpi_status status = kpi__status_of_word(begin, (size_t)(end - begin));
    if (status == KPI_STATUS_NONE) {
        char quoted[KPI__CLIP_SIZE];
        return kpi__error(KPI_ERR_VALUE,
                          "\"%s\" is not a status: expected not_started, preparing, "
                          "in_progress, scheduled, done, postponed, cancelled or a "
                          "Japanese word for one (検討中, 予定, 完了, 中止, ...)",
                          kpi__clip(quoted, text));
    }
    *out = status;
    return KPI_OK;
}
