/* The default scale: the seed's ◎○△× (scales/ueda.csv), made from the
 * rating names of model/names.c, because the rules (which use only the
 * layers below them) need it and the file reader is above them. A test
 * checks it against the built-in "ueda" read from its file. */
#include "model/scale.h"

#include <string.h>

/* Goal cut-offs of a weighted roll-up, as the policy's weighted rule. */
static const double goal_min[] = {0, 0, 0.5, 1.5, 2.5}; /* by kpi_rating */

/* The 評価基準 read literally: all × → ×, any × △ → △, all ◎ → ◎,
 * otherwise ○ (levels: ◎ 0, ○ 1, △ 2, × 3). */
static const kpi__rule criteria[] = {
    {KPI_QUANTIFIER_ALL, 1u << 3, 3, 0},
    {KPI_QUANTIFIER_ANY, 1u << 3 | 1u << 2, 2, 0},
    {KPI_QUANTIFIER_ALL, 1u << 0, 0, 0},
    {KPI_QUANTIFIER_OTHERWISE, 0, 1, 0},
};

kpi_scale *kpi__scale_default(void)
{
    kpi_scale *s = kpi__scale_new();
    if (!s)
        return NULL;
    s->id = "ueda";
    s->title[0] = "上田市 評価基準";
    s->title[1] = "Ueda's criteria";
    s->rollup = KPI_LEVEL_ROLLUP_RULES;
    for (int rating = KPI_RATING_AHEAD; rating >= KPI_RATING_NOT_PROGRESSED; rating--) {
        kpi__level *l = &s->levels[s->level_count++];
        l->symbol = kpi_rating_symbol((kpi_rating)rating);
        l->name = kpi_rating_name((kpi_rating)rating);
        l->label[0] = kpi_rating_label((kpi_rating)rating, KPI_LANG_JA);
        l->label[1] = kpi_rating_label((kpi_rating)rating, KPI_LANG_EN);
        l->when = "";
        l->classes = 1u << rating;
        l->score = rating - 1;
        l->goal_min = goal_min[rating];
    }
    memcpy(s->rules, criteria, sizeof criteria);
    s->rule_count = sizeof criteria / sizeof *criteria;
    return s;
}
