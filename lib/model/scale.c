/* kpi_scale: the object, its references and its getters (kpi/scale.h).
 * Reading a scale file is io/scale_read.c; rating on a scale is
 * rules/scale_rate.c. */
#include "model/scale.h"
#include "util/alloc.h"
#include "util/error.h"

#include <math.h>
#include <string.h>

kpi_scale *kpi__scale_new(void)
{
    kpi_scale *scale = kpi__calloc(1, sizeof *scale);
    if (!scale)
        return NULL;
    atomic_init(&scale->refs, 1);
    scale->id = scale->title[0] = scale->title[1] = "";
    scale->basis = KPI_BASIS_CLASS;
    scale->rollup = KPI_LEVEL_ROLLUP_WORST;
    scale->ahead = scale->on_track = NAN;
    for (int s = 0; s < KPI__SCALE_STATUSES; s++)
        scale->status_level[s] = -1;
    for (int r = 0; r < KPI__SCALE_REASONS; r++)
        scale->unrated_symbol[r] = scale->unrated_label[r][0] =
            scale->unrated_label[r][1] = "";
    return scale;
}

kpi_scale *kpi__scale_keep(const kpi_scale *scale)
{
    kpi_scale *kept = (kpi_scale *)scale; /* the count is the one thing that changes */
    if (kept)
        atomic_fetch_add_explicit(&kept->refs, 1, memory_order_relaxed);
    return kept;
}

int kpi_scale_dup(kpi_scale **out, const kpi_scale *scale)
{
    if (!out)
        return kpi__error_null("kpi_scale_dup", "out");
    *out = NULL;
    if (!scale)
        return kpi__error_null("kpi_scale_dup", "scale");
    *out = kpi__scale_keep(scale);
    return KPI_OK;
}

void kpi_scale_free(kpi_scale *scale)
{
    if (!scale || atomic_fetch_sub_explicit(&scale->refs, 1, memory_order_acq_rel) != 1)
        return;
    for (size_t i = 0; i < scale->warning_count; i++)
        kpi__free(scale->warnings[i]);
    kpi__free(scale->warnings);
    kpi__arena_free(&scale->strings);
    kpi__free(scale);
}

const char *kpi__scale_text(kpi_scale *scale, const char *s, size_t n)
{
    return n ? kpi__arena_strndup(&scale->strings, s, n) : "";
}

int kpi__scale_warn(kpi_scale *scale, const char *message)
{
    char *copy = kpi__strdup(message);
    char **grown =
        copy ? kpi__realloc(scale->warnings, (scale->warning_count + 1) * sizeof *grown)
             : NULL;
    if (!grown) {
        kpi__free(copy);
        return kpi__error_nomem();
    }
    scale->warnings = grown;
    scale->warnings[scale->warning_count++] = copy;
    return KPI_OK;
}

const char *kpi__measure_name(kpi__measure measure)
{
    static const char *const names[] = {"pace", "achievement", "change"};
    return (unsigned)measure < 3 ? names[measure] : "";
}

const char *kpi__op_text(kpi__op op)
{
    static const char *const texts[] = {">=", ">", "<=", "<"};
    return (unsigned)op < 4 ? texts[op] : "";
}

/* ---- names ---------------------------------------------------------------- */

static const char *name_in(const char *const *names, size_t count, int value)
{
    return value >= 0 && (size_t)value < count ? names[value] : "";
}

#define NAME_IN(names, value)                                                            \
    name_in((names), sizeof(names) / sizeof *(names), (int)(value))

const char *kpi_basis_name(kpi_basis basis)
{
    static const char *const names[] = {"class", "bounds"};
    return NAME_IN(names, basis);
}

const char *kpi_level_rollup_name(kpi_level_rollup rollup)
{
    static const char *const names[] = {"worst", "weighted", "rules"};
    return NAME_IN(names, rollup);
}

const char *kpi_quantifier_name(kpi_quantifier quantifier)
{
    static const char *const names[] = {"all", "any", "otherwise"};
    return NAME_IN(names, quantifier);
}

const char *kpi_level_cause_name(kpi_level_cause cause)
{
    static const char *const names[] = {"",       "class",      "condition", "status",
                                        "rollup", "assessment", "default"};
    return NAME_IN(names, cause);
}

/* ---- the scale --------------------------------------------------------- */

static int lang_index(kpi_lang lang)
{
    return lang == KPI_LANG_EN ? 1 : 0;
}

const char *kpi_scale_id(const kpi_scale *scale)
{
    return scale ? scale->id : "";
}

const char *kpi_scale_title(const kpi_scale *scale, kpi_lang lang)
{
    return scale ? scale->title[lang_index(lang)] : "";
}

kpi_basis kpi_scale_basis(const kpi_scale *scale)
{
    return scale ? scale->basis : KPI_BASIS_CLASS;
}

kpi_level_rollup kpi_scale_rollup(const kpi_scale *scale)
{
    return scale ? scale->rollup : KPI_LEVEL_ROLLUP_WORST;
}

double kpi_scale_ahead(const kpi_scale *scale)
{
    return scale ? scale->ahead : NAN;
}

double kpi_scale_on_track(const kpi_scale *scale)
{
    return scale ? scale->on_track : NAN;
}

/* ---- levels ------------------------------------------------------------ */

size_t kpi_scale_level_count(const kpi_scale *scale)
{
    return scale ? scale->level_count : 0;
}

static const kpi__level *level_at(const kpi_scale *scale, size_t level)
{
    return scale && level < scale->level_count ? &scale->levels[level] : NULL;
}

const char *kpi_scale_level_symbol(const kpi_scale *scale, size_t level)
{
    const kpi__level *l = level_at(scale, level);
    return l ? l->symbol : "";
}

const char *kpi_scale_level_name(const kpi_scale *scale, size_t level)
{
    const kpi__level *l = level_at(scale, level);
    return l ? l->name : "";
}

const char *kpi_scale_level_label(const kpi_scale *scale, size_t level, kpi_lang lang)
{
    const kpi__level *l = level_at(scale, level);
    return l ? l->label[lang_index(lang)] : "";
}

int kpi_scale_level_has_class(const kpi_scale *scale, size_t level, kpi_rating rating)
{
    const kpi__level *l = level_at(scale, level);
    return l && rating > KPI_RATING_NONE && rating <= KPI_RATING_AHEAD &&
           (l->classes & (1u << rating)) != 0;
}

const char *kpi_scale_level_when(const kpi_scale *scale, size_t level)
{
    const kpi__level *l = level_at(scale, level);
    return l ? l->when : "";
}

double kpi_scale_level_score(const kpi_scale *scale, size_t level)
{
    const kpi__level *l = level_at(scale, level);
    return l ? l->score : NAN;
}

double kpi_scale_level_goal_min(const kpi_scale *scale, size_t level)
{
    const kpi__level *l = level_at(scale, level);
    return l ? l->goal_min : NAN;
}

int32_t kpi_scale_level_find(const kpi_scale *scale, const char *text)
{
    if (!scale || !text)
        return -1;
    for (size_t i = 0; i < scale->level_count; i++)
        if (strcmp(scale->levels[i].symbol, text) == 0 ||
            strcmp(scale->levels[i].name, text) == 0)
            return (int32_t)i;
    return -1;
}

/* The best class a level is tagged with; KPI_RATING_NONE for none. */
static kpi_rating best_class(const kpi_scale *s, size_t level)
{
    for (int rating = KPI_RATING_AHEAD; rating >= KPI_RATING_NOT_PROGRESSED; rating--)
        if (kpi_scale_level_has_class(s, level, (kpi_rating)rating))
            return (kpi_rating)rating;
    return KPI_RATING_NONE;
}

kpi_rating kpi_scale_level_class(const kpi_scale *scale, size_t level)
{
    size_t n = kpi_scale_level_count(scale);
    if (level >= n)
        return KPI_RATING_NONE;
    for (size_t i = level; i < n; i++)
        if (best_class(scale, i) != KPI_RATING_NONE)
            return best_class(scale, i);
    for (size_t i = level; i-- > 0;)
        if (best_class(scale, i) != KPI_RATING_NONE)
            return best_class(scale, i);
    return KPI_RATING_NONE;
}

int32_t kpi_scale_level_of_class(const kpi_scale *scale, kpi_rating rating)
{
    for (size_t i = 0; scale && i < scale->level_count; i++)
        if (kpi_scale_level_has_class(scale, i, rating))
            return (int32_t)i;
    return -1;
}

int32_t kpi_scale_status_level(const kpi_scale *scale, kpi_status status)
{
    if (!scale || (unsigned)status >= KPI__SCALE_STATUSES)
        return -1;
    return scale->status_level[status];
}

const char *kpi_scale_unrated_symbol(const kpi_scale *scale, kpi_unrated reason)
{
    if (!scale || (unsigned)reason >= KPI__SCALE_REASONS)
        return "";
    return scale->unrated_symbol[reason];
}

const char *kpi_scale_unrated_label(const kpi_scale *scale, kpi_unrated reason,
                                    kpi_lang lang)
{
    if (!scale || (unsigned)reason >= KPI__SCALE_REASONS)
        return "";
    return scale->unrated_label[reason][lang_index(lang)];
}

/* ---- rules and warnings ------------------------------------------------ */

size_t kpi_scale_rule_count(const kpi_scale *scale)
{
    return scale ? scale->rule_count : 0;
}

static const kpi__rule *rule_at(const kpi_scale *scale, size_t rule)
{
    return scale && rule < scale->rule_count ? &scale->rules[rule] : NULL;
}

kpi_quantifier kpi_scale_rule_quantifier(const kpi_scale *scale, size_t rule)
{
    const kpi__rule *r = rule_at(scale, rule);
    return r ? (kpi_quantifier)r->quantifier : KPI_QUANTIFIER_OTHERWISE;
}

int kpi_scale_rule_has_level(const kpi_scale *scale, size_t rule, size_t level)
{
    const kpi__rule *r = rule_at(scale, rule);
    return r && level < KPI_SCALE_MAX_LEVELS && (r->levels & (1u << level)) != 0;
}

int32_t kpi_scale_rule_result(const kpi_scale *scale, size_t rule)
{
    const kpi__rule *r = rule_at(scale, rule);
    return r ? r->result : -1;
}

size_t kpi_scale_warning_count(const kpi_scale *scale)
{
    return scale ? scale->warning_count : 0;
}

const char *kpi_scale_warning_at(const kpi_scale *scale, size_t index)
{
    return scale && index < scale->warning_count ? scale->warnings[index] : "";
}
