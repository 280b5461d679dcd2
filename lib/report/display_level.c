/* How a result's level is shown (docs/scales.md, "Results and reports"):
 * its symbol and label on the evaluation's scale, how the scale shows an
 * unrated result, and the colour a level takes. On the default scale each
 * is exactly the rating's display (display.c), so that reports on ◎○△×
 * are what they always were. */
#include "report/display.h"
#include "rules/evaluation.h"

#include <string.h>

static const kpi_scale *scale_of(const kpi_result *r)
{
    return r->evaluation->scale;
}

const char *kpi__display_level(const kpi_result *r)
{
    if (r->evaluation->default_scale)
        return kpi__display_symbol((kpi_rating)r->rating);
    if (r->level >= 0)
        return kpi_scale_level_symbol(scale_of(r), (size_t)r->level);
    const char *symbol = kpi_scale_unrated_symbol(scale_of(r), (kpi_unrated)r->unrated);
    return *symbol ? symbol : kpi__display_symbol(KPI_RATING_NONE);
}

const char *kpi__display_computed_level(const kpi_result *r)
{
    if (r->evaluation->default_scale || r->computed_level < 0)
        return kpi__display_symbol((kpi_rating)r->computed);
    return kpi_scale_level_symbol(scale_of(r), (size_t)r->computed_level);
}

const char *kpi__display_level_label(const kpi_result *r, kpi_lang lang)
{
    if (r->evaluation->default_scale)
        return kpi__display_rating_label((kpi_rating)r->rating, lang);
    if (r->level >= 0)
        return kpi_scale_level_label(scale_of(r), (size_t)r->level, lang);
    const char *label =
        kpi_scale_unrated_label(scale_of(r), (kpi_unrated)r->unrated, lang);
    return *label ? label : kpi__display_rating_label(KPI_RATING_NONE, lang);
}

kpi_rating kpi__level_colour(const kpi_evaluation *ev, int32_t level)
{
    return level < 0 ? KPI_RATING_NONE : kpi_scale_level_class(ev->scale, (size_t)level);
}

kpi_rating kpi__display_colour(const kpi_result *r)
{
    if (r->evaluation->default_scale)
        return (kpi_rating)r->rating;
    return kpi__level_colour(r->evaluation, r->level);
}

size_t kpi__legend_unrated(const kpi_evaluation *ev,
                           kpi_unrated shown[KPI__UNRATED_COUNT])
{
    size_t n = 0;
    if (ev->default_scale)
        return 0;
    for (int reason = 1; reason < KPI__UNRATED_COUNT; reason++) {
        const char *symbol = kpi_scale_unrated_symbol(ev->scale, (kpi_unrated)reason);
        size_t seen = 0;
        while (seen < n &&
               strcmp(kpi_scale_unrated_symbol(ev->scale, shown[seen]), symbol) != 0)
            seen++;
        if (*symbol && seen == n)
            shown[n++] = (kpi_unrated)reason;
    }
    return n;
}
