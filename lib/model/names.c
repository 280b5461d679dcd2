/* The model's vocabulary: the stable names, symbols and words of its
 * enumerations (the rating scale, unrated reasons, kinds, directions, the
 * fields a target's wording can fill), in one place for the API, the
 * readers, the writers and the reports. */
#include "model/names.h"
#include "util/error.h"

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

const char *kpi_kind_name(kpi_kind kind)
{
    static const char *const names[] = {"numeric", "milestone", "qualitative"};
    return (int)kind >= 0 && kind <= KPI_KIND_QUALITATIVE ? names[kind] : "";
}

const char *kpi_direction_name(kpi_direction direction)
{
    static const char *const names[] = {"increase", "decrease"};
    return (int)direction >= 0 && direction <= KPI_DIRECTION_DECREASE ? names[direction]
                                                                      : "";
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
};

static const struct unrated_text *unrated_text(kpi_unrated reason)
{
    if (reason < KPI_UNRATED_NONE || reason > KPI_UNRATED_NO_RATED_CHILDREN)
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
    {KPI_FIELD_LABEL, "label"}, {KPI_FIELD_UNIT, "unit"},
    {KPI_FIELD_KIND, "kind"},   {KPI_FIELD_DIRECTION, "direction"},
    {KPI_FIELD_VALUE, "value"}, {KPI_FIELD_CHANGE_PCT, "change_pct"},
    {KPI_FIELD_DUE, "due"},
};

#define FIELD_COUNT (sizeof field_names / sizeof field_names[0])

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
