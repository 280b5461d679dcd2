/* The JSON report: one object for the plan, goals and targets nested as
 * children in result order. Keys come in a fixed order and the output is
 * pretty-printed with two spaces, so that golden files stay stable; the
 * schema is described in docs/report-formats.md. */
#include "model/names.h"
#include "report/display.h"
#include "report/render.h"
#include "util/date.h"
#include "util/number.h"
#include "util/utf8.h"

#include <math.h>
#include <string.h>

/* Raised when a key is removed, renamed or changes meaning; keys may be
 * added within a version. 3: progress (a rating may rest on a status with
 * no figure, unrated_reason CANCELLED) and directives apart from notes. */
#define FORMAT_VERSION 3

/* A writer for one document. first is 1 while the innermost open container
 * has no member yet: after a container closes, its parent has one, so a
 * single flag is enough. */
struct json {
    kpi__strbuf *out;
    int indent;
    int first;
};

/* The bytes of s from 0x20 on that need no escape, up to n. */
static size_t plain_run(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n && s[i] >= 0x20 && s[i] != '"' && s[i] != '\\')
        i++;
    return i;
}

static void escape_char(kpi__strbuf *out, unsigned char c)
{
    static const char shorts[] = {
        ['\b'] = 'b', ['\t'] = 't', ['\n'] = 'n', ['\f'] = 'f', ['\r'] = 'r'};
    if (c == '"' || c == '\\')
        kpi__strbuf_printf(out, "\\%c", c);
    else if (c < sizeof shorts && shorts[c])
        kpi__strbuf_printf(out, "\\%c", shorts[c]);
    else
        kpi__strbuf_printf(out, "\\u%04x", c);
}

/* Escapes valid UTF-8 text: quotes, backslashes and control characters;
 * everything else, multi-byte characters included, passes unchanged. */
static void escape_valid(kpi__strbuf *out, const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t run = plain_run(s + i, n - i);
        kpi__strbuf_append_n(out, (const char *)s + i, run);
        i += run;
        if (i < n)
            escape_char(out, s[i++]);
    }
}

/* A JSON string. Plan files are checked to be UTF-8, but the setters take
 * text as given, and one stray byte would make the whole document invalid,
 * so each byte that is not UTF-8 becomes U+FFFD. */
static void string_value(kpi__strbuf *out, const char *text)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t n = strlen(text);
    kpi__strbuf_append(out, "\"");
    while (n > 0) {
        size_t valid = kpi__utf8_valid_prefix((const char *)s, n);
        escape_valid(out, s, valid);
        if (valid == n)
            break;
        kpi__strbuf_append(out, "\\ufffd");
        s += valid + 1;
        n -= valid + 1;
    }
    kpi__strbuf_append(out, "\"");
}

static void newline(struct json *j)
{
    kpi__strbuf_append(j->out, "\n");
    for (int i = 0; i < j->indent; i++)
        kpi__strbuf_append(j->out, "  ");
}

/* Starts the next member of an array. */
static void item(struct json *j)
{
    if (!j->first)
        kpi__strbuf_append(j->out, ",");
    newline(j);
    j->first = 0;
}

/* Starts the next member of an object: its key. */
static void key(struct json *j, const char *name)
{
    item(j);
    string_value(j->out, name);
    kpi__strbuf_append(j->out, ": ");
}

static void begin(struct json *j, const char *bracket)
{
    kpi__strbuf_append(j->out, bracket);
    j->indent++;
    j->first = 1;
}

/* Empty containers stay on one line: "[]". */
static void end(struct json *j, const char *bracket)
{
    j->indent--;
    if (!j->first)
        newline(j);
    kpi__strbuf_append(j->out, bracket);
    j->first = 0;
}

static void member_string(struct json *j, const char *name, const char *value)
{
    key(j, name);
    if (value)
        string_value(j->out, value);
    else
        kpi__strbuf_append(j->out, "null");
}

/* "" means absent for the optional words (rating, reason names, labels). */
static void member_optional(struct json *j, const char *name, const char *value)
{
    member_string(j, name, value && *value ? value : NULL);
}

/* Exactly the double (it reads back the same); NaN and infinities, which
 * JSON has no form for, are null. */
static void member_number(struct json *j, const char *name, double value)
{
    key(j, name);
    if (!isfinite(value)) {
        kpi__strbuf_append(j->out, "null");
        return;
    }
    char buf[KPI__NUMBER_SIZE];
    kpi__number_format(buf, value);
    kpi__strbuf_append(j->out, buf);
}

static void member_size(struct json *j, const char *name, size_t value)
{
    key(j, name);
    kpi__strbuf_printf(j->out, "%zu", value);
}

static void member_bool(struct json *j, const char *name, int value)
{
    key(j, name);
    kpi__strbuf_append(j->out, value ? "true" : "false");
}

static void member_date(struct json *j, const char *name, int32_t date)
{
    char iso[KPI__DATE_ISO_SIZE];
    kpi__date_iso(iso, date);
    member_optional(j, name, iso);
}

static void rating_members(struct json *j, const kpi_result *r, kpi_lang lang)
{
    member_optional(j, "rating", kpi_rating_symbol(r->rating));
    member_optional(j, "rating_name", kpi_rating_name(r->rating));
    member_optional(j, "rating_label", kpi_rating_label(r->rating, lang));
    member_optional(j, "computed_rating", kpi_rating_symbol(r->computed));
    member_optional(j, "computed_unrated_reason", kpi_unrated_name(r->computed_unrated));
    member_bool(j, "assessed", r->assessed);
    member_bool(j, "mismatch", r->mismatch);
    member_date(j, "assessment_date", r->assessment_date);
    member_optional(j, "unrated_reason", kpi_unrated_name(r->unrated));
    member_optional(j, "unrated_label", kpi_unrated_label(r->unrated, lang));
    member_string(j, "reason", kpi__display_reason(j->out, r, lang));
}

static void target_members(struct json *j, const kpi_result *r)
{
    member_string(j, "text", r->text ? r->text : "");
    char inferred[128];
    kpi__field_names_format(inferred, sizeof inferred, r->inferred);
    member_string(j, "inferred", inferred);
    member_string(j, "unit", r->unit ? r->unit : "");
    member_string(j, "target_kind", kpi_kind_name(r->target_kind));
    member_string(j, "direction", kpi_direction_name(r->direction));
    member_number(j, "actual", r->actual);
    member_number(j, "expected", r->expected);
    member_number(j, "target", r->target);
    member_number(j, "start_value", r->start_value);
    member_number(j, "elapsed", r->elapsed);
    member_number(j, "pace", r->pace);
    member_number(j, "achievement", r->achievement);
    member_date(j, "measured", r->measured);
    member_bool(j, "figure_inferred", r->figure_inferred);
    member_date(j, "start", r->start);
    member_date(j, "due", r->due);
}

/* The latest update, or null: the text verbatim, line breaks escaped. */
static void update_member(struct json *j, const kpi_result *r)
{
    key(j, "update");
    if (!r->update_date) {
        kpi__strbuf_append(j->out, "null");
        return;
    }
    begin(j, "{");
    member_date(j, "date", r->update_date);
    member_optional(j, "status", kpi_status_name(r->update_status));
    member_date(j, "planned", r->update_planned);
    member_string(j, "text", r->update_text ? r->update_text : "");
    end(j, "}");
}

/* What the rating rests on besides figures, and the latest update: every
 * node and every directive has them. */
static void progress_members(struct json *j, const kpi_result *r, kpi_lang lang)
{
    member_optional(j, "status", kpi_status_name(r->status));
    member_optional(j, "status_label", kpi_status_label(r->status, lang));
    member_date(j, "planned", r->planned);
    member_date(j, "status_date", r->status_date);
    update_member(j, r);
}

/* Every reason is listed, zeros included, so that consumers can rely on the
 * keys being there. */
static void count_members(struct json *j, const kpi_result *r)
{
    key(j, "counts");
    begin(j, "{");
    for (int rating = KPI_RATING_AHEAD; rating >= KPI_RATING_NOT_PROGRESSED; rating--)
        member_size(j, kpi_rating_name((kpi_rating)rating), r->rating_counts[rating]);
    end(j, "}");
    key(j, "unrated_counts");
    begin(j, "{");
    for (int reason = 1; reason < KPI__UNRATED_COUNT; reason++)
        member_size(j, kpi_unrated_name((kpi_unrated)reason), r->unrated_counts[reason]);
    end(j, "}");
}

static void node(struct json *j, const kpi_result *r, kpi_lang lang);

static void children(struct json *j, const kpi_result *r, kpi_lang lang)
{
    key(j, "children");
    begin(j, "[");
    for (size_t i = 0; i < r->child_count; i++) {
        item(j);
        node(j, kpi_result_child_at(r, i), lang);
    }
    end(j, "]");
}

/* One result and, for goals and the plan, its children: the nesting is at
 * most KPI_MAX_DEPTH deep, so recursion is safe. */
static void node(struct json *j, const kpi_result *r, kpi_lang lang)
{
    begin(j, "{");
    member_string(j, "code", r->code);
    member_string(j, "title", r->title);
    member_string(j, "kind", kpi_object_name(r->kind));
    member_size(j, "depth", (size_t)r->depth);
    member_number(j, "weight", r->weight);
    rating_members(j, r, lang);
    progress_members(j, r, lang);
    member_bool(j, "cancelled", kpi__is_cancelled(r));
    if (r->kind == KPI_OBJECT_TARGET) {
        target_members(j, r);
    } else {
        count_members(j, r);
        children(j, r, lang);
    }
    end(j, "}");
}

static void policy(struct json *j, const kpi_policy *p)
{
    key(j, "policy");
    begin(j, "{");
    member_number(j, "ahead", p->ahead);
    member_number(j, "on_track", p->on_track);
    member_string(j, "rollup", kpi_rollup_name(p->rollup));
    member_bool(j, "use_assessments", p->use_assessments);
    end(j, "}");
}

static void legend(struct json *j, kpi_lang lang)
{
    key(j, "legend");
    begin(j, "[");
    for (int rating = KPI_RATING_AHEAD; rating >= KPI_RATING_NOT_PROGRESSED; rating--) {
        item(j);
        begin(j, "{");
        member_string(j, "symbol", kpi_rating_symbol((kpi_rating)rating));
        member_string(j, "name", kpi_rating_name((kpi_rating)rating));
        member_string(j, "label", kpi_rating_label((kpi_rating)rating, lang));
        end(j, "}");
    }
    end(j, "]");
}

static void notes(struct json *j, const kpi_evaluation *ev)
{
    key(j, "notes");
    begin(j, "[");
    for (size_t i = 0; i < ev->note_count; i++) {
        item(j);
        string_value(j->out, ev->notes[i]);
    }
    end(j, "]");
}

static void directive_goals(struct json *j, const kpi_result *d)
{
    key(j, "goals");
    begin(j, "[");
    for (size_t i = 0; i < d->goal_count; i++) {
        item(j);
        string_value(j->out, d->goals[i]);
    }
    end(j, "]");
}

static void directive(struct json *j, const kpi_result *d, kpi_lang lang)
{
    begin(j, "{");
    member_string(j, "code", d->code);
    member_string(j, "issuer", d->issuer ? d->issuer : "");
    member_date(j, "issued", d->issued);
    member_string(j, "text", d->title ? d->title : "");
    directive_goals(j, d);
    member_bool(j, "open", d->open);
    key(j, "days_open");
    if (d->days_open >= 0)
        kpi__strbuf_printf(j->out, "%d", (int)d->days_open);
    else
        kpi__strbuf_append(j->out, "null");
    member_bool(j, "overdue", d->overdue);
    progress_members(j, d, lang);
    end(j, "}");
}

static void directives(struct json *j, const kpi_evaluation *ev, kpi_lang lang)
{
    key(j, "directives");
    begin(j, "[");
    for (size_t i = 0; i < ev->directive_count; i++) {
        item(j);
        directive(j, kpi__directive(ev, i), lang);
    }
    end(j, "]");
}

/* The codes of the cancelled targets and goals, in plan order, so that a
 * reader need not walk the tree to list them apart. */
static void cancelled(struct json *j, const kpi_evaluation *ev)
{
    key(j, "cancelled");
    begin(j, "[");
    for (size_t i = 0; i < ev->count; i++) {
        if (!kpi__is_cancelled(&ev->results[i]))
            continue;
        item(j);
        string_value(j->out, ev->results[i].code);
    }
    end(j, "]");
}

static void period(struct json *j, const kpi_evaluation *ev)
{
    key(j, "period");
    begin(j, "{");
    member_date(j, "start", ev->start);
    member_date(j, "end", ev->end);
    end(j, "}");
}

/* What the report is about comes first; the plan, by far the longest part,
 * comes last so that a reader of the file sees the header at once. */
int kpi__render_json(kpi__strbuf *out, const kpi_evaluation *ev, kpi_lang lang)
{
    struct json j = {out, 0, 1};
    begin(&j, "{");
    key(&j, "format_version");
    kpi__strbuf_printf(out, "%d", FORMAT_VERSION);
    member_string(&j, "lang", kpi_lang_name(lang));
    member_date(&j, "as_of", ev->as_of);
    period(&j, ev);
    policy(&j, &ev->policy);
    member_string(&j, "organization", ev->organization ? ev->organization : "");
    member_string(&j, "department", ev->department ? ev->department : "");
    legend(&j, lang);
    notes(&j, ev);
    directives(&j, ev, lang);
    cancelled(&j, ev);
    key(&j, "plan");
    if (ev->count > 0)
        node(&j, &ev->results[0], lang);
    else
        kpi__strbuf_append(out, "null");
    end(&j, "}");
    kpi__strbuf_append(out, "\n");
    return out->failed ? KPI_ERR_NOMEM : KPI_OK;
}
