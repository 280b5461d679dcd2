/* The JSON report: one object for the plan, goals and targets nested as
 * children in result order. Keys come in a fixed order, so that golden
 * files stay stable; each result (and each directive) is one line, its
 * children on the lines below it, indented by two spaces a level; the
 * schema is described in docs/report-formats.md. */
#include "model/names.h"
#include "report/display.h"
#include "report/json_write.h"
#include "report/render.h"

/* Raised when a key is removed, renamed or changes meaning; keys may be
 * added within a version. 3: progress (a rating may rest on a status with
 * no figure, unrated_reason CANCELLED) and directives apart from notes. */
#define FORMAT_VERSION 3

/* What the writer needs across a document: the reason lines are built
 * into scratch, one after the other, and the last field-name list is kept
 * because most targets share it. */
struct doc {
    kpi__json j;
    kpi__strbuf scratch;
    uint32_t inferred_bits;
    char inferred[128];
};

static inline void member_string(kpi__json *j, const char *quoted, size_t n,
                                 const char *value)
{
    kpi__json_key_n(j, quoted, n);
    if (value)
        kpi__json_string(j->out, value);
    else
        kpi__json_null(j->out);
}

/* "" means absent for the optional words (rating, reason names, labels). */
static inline void member_optional(kpi__json *j, const char *quoted, size_t n,
                                   const char *value)
{
    member_string(j, quoted, n, value && *value ? value : NULL);
}

/* The members, by the name of their key: the key is spelt, quoted, by
 * the compiler. */
#define QUOTED(name) "\"" name "\": ", sizeof("\"" name "\": ") - 1
#define STRING(j, name, value) member_string((j), QUOTED(name), (value))
#define OPTIONAL(j, name, value) member_optional((j), QUOTED(name), (value))
#define NUMBER(j, name, value)                                                           \
    (KPI__JSON_KEY((j), name), kpi__json_number((j)->out, (value)))
#define COUNT(j, name, value)                                                            \
    (KPI__JSON_KEY((j), name), kpi__json_count((j)->out, (value)))
#define BOOL(j, name, value) (KPI__JSON_KEY((j), name), kpi__json_bool((j)->out, (value)))
#define DATE(j, name, value) (KPI__JSON_KEY((j), name), kpi__json_date((j)->out, (value)))

/* A count named at run time (the rating and reason names). */
static void member_count(kpi__json *j, const char *name, size_t value)
{
    kpi__json_item(j);
    kpi__json_string(j->out, name);
    KPI__STRBUF_LITERAL(j->out, ": ");
    kpi__json_count(j->out, value);
}

/* On a scale: the level beside the rating (none: null). */
static void level_members(kpi__json *j, const kpi_result *r, kpi_lang lang)
{
    const kpi_scale *s = r->evaluation->scale;
    size_t level = r->level < 0 ? KPI_SCALE_MAX_LEVELS : (size_t)r->level;
    OPTIONAL(j, "level", kpi_scale_level_symbol(s, level));
    OPTIONAL(j, "level_name", kpi_scale_level_name(s, level));
    OPTIONAL(j, "level_label", kpi_scale_level_label(s, level, lang));
}

static void rating_members(struct doc *d, const kpi_result *r, kpi_lang lang)
{
    kpi__json *j = &d->j;
    OPTIONAL(j, "rating", kpi_rating_symbol(r->rating));
    OPTIONAL(j, "rating_name", kpi_rating_name(r->rating));
    OPTIONAL(j, "rating_label", kpi_rating_label(r->rating, lang));
    OPTIONAL(j, "computed_rating", kpi_rating_symbol(r->computed));
    OPTIONAL(j, "computed_unrated_reason", kpi_unrated_name(r->computed_unrated));
    BOOL(j, "assessed", r->assessed);
    BOOL(j, "mismatch", r->mismatch);
    DATE(j, "assessment_date", r->assessment_date);
    OPTIONAL(j, "unrated_reason", kpi_unrated_name(r->unrated));
    OPTIONAL(j, "unrated_label", kpi_unrated_label(r->unrated, lang));
    if (!r->evaluation->default_scale)
        level_members(j, r, lang);
    STRING(j, "reason", kpi__display_reason_scratch(&d->scratch, j->out, r, lang));
}

/* The field names read from the wording, as the last target with the
 * same fields had them. */
static const char *inferred_names(struct doc *d, uint32_t bits)
{
    if (bits != d->inferred_bits) {
        kpi__field_names_format(d->inferred, sizeof d->inferred, bits);
        d->inferred_bits = bits;
    }
    return d->inferred;
}

static void target_members(struct doc *d, const kpi_result *r)
{
    kpi__json *j = &d->j;
    STRING(j, "text", r->text ? r->text : "");
    STRING(j, "inferred", inferred_names(d, r->inferred));
    STRING(j, "unit", r->unit ? r->unit : "");
    STRING(j, "target_kind", kpi_kind_name(r->target_kind));
    STRING(j, "direction", kpi_direction_name(r->direction));
    NUMBER(j, "actual", r->actual);
    NUMBER(j, "expected", r->expected);
    NUMBER(j, "target", r->target);
    NUMBER(j, "start_value", r->start_value);
    NUMBER(j, "elapsed", r->elapsed);
    NUMBER(j, "pace", r->pace);
    NUMBER(j, "achievement", r->achievement);
    DATE(j, "measured", r->measured);
    BOOL(j, "figure_inferred", r->figure_inferred);
    DATE(j, "start", r->start);
    DATE(j, "due", r->due);
}

/* The latest update, or null: the text verbatim, line breaks escaped. */
static void update_member(kpi__json *j, const kpi_result *r)
{
    KPI__JSON_KEY(j, "update");
    if (!r->update_date) {
        kpi__json_null(j->out);
        return;
    }
    kpi__json_begin(j, '{');
    DATE(j, "date", r->update_date);
    OPTIONAL(j, "status", kpi_status_name(r->update_status));
    DATE(j, "planned", r->update_planned);
    STRING(j, "text", r->update_text ? r->update_text : "");
    kpi__json_end(j, '}');
}

/* What the rating rests on besides figures, and the latest update: every
 * node and every directive has them. */
static void progress_members(kpi__json *j, const kpi_result *r, kpi_lang lang)
{
    OPTIONAL(j, "status", kpi_status_name(r->status));
    OPTIONAL(j, "status_label", kpi_status_label(r->status, lang));
    DATE(j, "planned", r->planned);
    DATE(j, "status_date", r->status_date);
    update_member(j, r);
}

/* Every reason is listed, zeros included, so that consumers can rely on the
 * keys being there. */
static void count_members(kpi__json *j, const kpi_result *r)
{
    KPI__JSON_KEY(j, "counts");
    kpi__json_begin(j, '{');
    for (int rating = KPI_RATING_AHEAD; rating >= KPI_RATING_NOT_PROGRESSED; rating--)
        member_count(j, kpi_rating_name((kpi_rating)rating),
                     r->extra->rating_counts[rating]);
    kpi__json_end(j, '}');
    KPI__JSON_KEY(j, "unrated_counts");
    kpi__json_begin(j, '{');
    for (int reason = 1; reason < KPI__UNRATED_COUNT; reason++)
        member_count(j, kpi_unrated_name((kpi_unrated)reason),
                     r->extra->unrated_counts[reason]);
    kpi__json_end(j, '}');
    if (r->evaluation->default_scale)
        return;
    /* On a scale, the children by level, by the levels' names. */
    const kpi_scale *s = r->evaluation->scale;
    KPI__JSON_KEY(j, "level_counts");
    kpi__json_begin(j, '{');
    for (size_t level = 0; level < kpi_scale_level_count(s); level++)
        member_count(j, kpi_scale_level_name(s, level), kpi_result_count_level(r, level));
    kpi__json_end(j, '}');
}

static void node(struct doc *d, const kpi_result *r, kpi_lang lang);

static void children(struct doc *d, const kpi_result *r, kpi_lang lang)
{
    KPI__JSON_KEY(&d->j, "children");
    kpi__json_begin_lines(&d->j, '[');
    for (size_t i = 0; i < r->child_count; i++) {
        kpi__json_item(&d->j);
        node(d, kpi_result_child_at(r, i), lang);
        kpi__strbuf_drain_point(d->j.out);
    }
    kpi__json_end(&d->j, ']');
}

/* One result and, for goals and the plan, its children: the nesting is at
 * most KPI_MAX_DEPTH deep, so recursion is safe. */
static void node(struct doc *d, const kpi_result *r, kpi_lang lang)
{
    kpi__json *j = &d->j;
    kpi__json_begin_flat(j, '{');
    STRING(j, "code", r->code);
    STRING(j, "title", r->title);
    STRING(j, "kind", kpi_object_name(r->kind));
    COUNT(j, "depth", (uint64_t)r->depth);
    NUMBER(j, "weight", r->weight);
    rating_members(d, r, lang);
    progress_members(j, r, lang);
    BOOL(j, "cancelled", kpi__is_cancelled(r));
    if (r->kind == KPI_OBJECT_TARGET) {
        target_members(d, r);
    } else {
        count_members(j, r);
        children(d, r, lang);
    }
    kpi__json_end(j, '}');
}

static void policy(kpi__json *j, const kpi_policy *p)
{
    KPI__JSON_KEY(j, "policy");
    kpi__json_begin_flat(j, '{');
    NUMBER(j, "ahead", p->ahead);
    NUMBER(j, "on_track", p->on_track);
    STRING(j, "rollup", kpi_rollup_name(p->rollup));
    BOOL(j, "use_assessments", p->use_assessments);
    kpi__json_end(j, '}');
}

/* The scale's levels, best first (on the default scale ◎○△×). */
static void legend(kpi__json *j, const kpi_scale *s, kpi_lang lang)
{
    KPI__JSON_KEY(j, "legend");
    kpi__json_begin(j, '[');
    for (size_t level = 0; level < kpi_scale_level_count(s); level++) {
        kpi__json_item(j);
        kpi__json_begin_flat(j, '{');
        STRING(j, "symbol", kpi_scale_level_symbol(s, level));
        STRING(j, "name", kpi_scale_level_name(s, level));
        STRING(j, "label", kpi_scale_level_label(s, level, lang));
        kpi__json_end(j, '}');
    }
    kpi__json_end(j, ']');
}

/* The scale rated on, when it is not the default. */
static void scale(kpi__json *j, const kpi_evaluation *ev, kpi_lang lang)
{
    if (ev->default_scale)
        return;
    KPI__JSON_KEY(j, "scale");
    kpi__json_begin_flat(j, '{');
    STRING(j, "id", kpi_scale_id(ev->scale));
    STRING(j, "title", kpi_scale_title(ev->scale, lang));
    STRING(j, "basis", kpi_basis_name(kpi_scale_basis(ev->scale)));
    STRING(j, "rollup", kpi_level_rollup_name(kpi_scale_rollup(ev->scale)));
    kpi__json_end(j, '}');
}

/* An array of strings, one a line. */
static void strings(kpi__json *j, char *const *texts, size_t count)
{
    kpi__json_begin(j, '[');
    for (size_t i = 0; i < count; i++) {
        kpi__json_item(j);
        kpi__json_string(j->out, texts[i]);
    }
    kpi__json_end(j, ']');
}

static void directive(kpi__json *j, const kpi_result *d, kpi_lang lang)
{
    kpi__json_begin_flat(j, '{');
    STRING(j, "code", d->code);
    STRING(j, "issuer", d->extra->issuer ? d->extra->issuer : "");
    DATE(j, "issued", d->extra->issued);
    STRING(j, "text", d->title ? d->title : "");
    KPI__JSON_KEY(j, "goals");
    strings(j, d->extra->goals, d->extra->goal_count);
    BOOL(j, "open", d->open);
    KPI__JSON_KEY(j, "days_open");
    if (d->extra->days_open >= 0)
        kpi__json_count(j->out, (uint64_t)d->extra->days_open);
    else
        kpi__json_null(j->out);
    BOOL(j, "overdue", d->overdue);
    progress_members(j, d, lang);
    kpi__json_end(j, '}');
}

static void directives(kpi__json *j, const kpi_evaluation *ev, kpi_lang lang)
{
    KPI__JSON_KEY(j, "directives");
    kpi__json_begin(j, '[');
    for (size_t i = 0; i < ev->directive_count; i++) {
        kpi__json_item(j);
        directive(j, kpi__directive(ev, i), lang);
    }
    kpi__json_end(j, ']');
}

/* The codes of the cancelled targets and goals, in plan order, so that a
 * reader need not walk the tree to list them apart. */
static void cancelled(kpi__json *j, const kpi_evaluation *ev)
{
    KPI__JSON_KEY(j, "cancelled");
    kpi__json_begin(j, '[');
    for (size_t i = 0; i < ev->count; i++) {
        if (!kpi__is_cancelled(&ev->results[i]))
            continue;
        kpi__json_item(j);
        kpi__json_string(j->out, ev->results[i].code);
    }
    kpi__json_end(j, ']');
}

static void period(kpi__json *j, const kpi_evaluation *ev)
{
    KPI__JSON_KEY(j, "period");
    kpi__json_begin_flat(j, '{');
    DATE(j, "start", ev->start);
    DATE(j, "end", ev->end);
    kpi__json_end(j, '}');
}

/* What the report is about comes first; the plan, by far the longest part,
 * comes last so that a reader of the file sees the header at once. */
static void document(struct doc *d, const kpi_evaluation *ev, kpi_lang lang)
{
    kpi__json *j = &d->j;
    kpi__json_begin(j, '{');
    COUNT(j, "format_version", FORMAT_VERSION);
    STRING(j, "lang", kpi_lang_name(lang));
    DATE(j, "as_of", ev->as_of);
    period(j, ev);
    policy(j, &ev->policy);
    STRING(j, "organization", ev->organization ? ev->organization : "");
    STRING(j, "department", ev->department ? ev->department : "");
    scale(j, ev, lang);
    legend(j, ev->scale, lang);
    KPI__JSON_KEY(j, "notes");
    strings(j, ev->notes, ev->note_count);
    directives(j, ev, lang);
    cancelled(j, ev);
    KPI__JSON_KEY(j, "plan");
    if (ev->count > 0)
        node(d, &ev->results[0], lang);
    else
        kpi__json_null(j->out);
    kpi__json_end(j, '}');
    KPI__STRBUF_LITERAL(j->out, "\n");
}

int kpi__render_json(kpi__strbuf *out, const kpi_evaluation *ev, kpi_lang lang)
{
    struct doc d = {{out, 0, 1, {0}}, {0}, 0, ""};
    document(&d, ev, lang);
    kpi__strbuf_free(&d.scratch);
    return out->failed ? KPI_ERR_NOMEM : KPI_OK;
}
