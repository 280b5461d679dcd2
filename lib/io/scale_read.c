/* Reading a scale file (docs/scales.md): a CSV file with one row per item
 * (the scale, a level, a goal roll-up rule, a status override, how an
 * unrated reason is shown), columns found by name, read with the plan
 * files' rules (io/decode.c, io/csv_read.c, io/columns.c). Rows are read
 * in order; rules and statuses name levels by symbol, so they are resolved
 * once every level is known (io/scale_check.c), with their lines. Every
 * error names the file, line and column. */
#include "io/scale_read.h"
#include "io/columns.h"
#include "io/csv_read.h"
#include "io/decode.h"
#include "io/slurp.h"
#include "model/names.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/number.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* The text of a cell, copied into the scale (trimmed of ASCII blanks).
 * Symbols and labels are printed as they are by every report, so a control
 * character (a line break, an escape) is refused rather than carried. */
static const char *text_of(kpi__scale_read *r, const kpi__csv_row *row, int column)
{
    const char *cell = kpi__scale_cell(r, row, column);
    for (const unsigned char *c = (const unsigned char *)cell; *c; c++)
        if (*c < 0x20 || *c == 0x7F) {
            kpi__scale_fail(r, row->line, column,
                            "a control character (0x%02X): a scale's texts are one line "
                            "of printable text",
                            *c);
            return NULL;
        }
    size_t lead = strspn(cell, " \t");
    size_t n = strlen(cell + lead);
    while (n && (cell[lead + n - 1] == ' ' || cell[lead + n - 1] == '\t'))
        n--;
    return kpi__scale_text(r->scale, cell + lead, n);
}

/* An optional number; NaN when the cell is empty. */
static int number_of(kpi__scale_read *r, const kpi__csv_row *row, int column, double *out)
{
    const char *cell = kpi__scale_cell(r, row, column);
    *out = NAN;
    if (cell[strspn(cell, " \t")] == '\0')
        return KPI_OK;
    char clipped[KPI__CLIP_SIZE];
    if (kpi__number_parse(out, cell) != KPI_OK)
        return kpi__scale_fail(r, row->line, column, "\"%s\" is not a number",
                               kpi__clip(clipped, cell));
    return KPI_OK;
}

/* ---- the rows ------------------------------------------------------------ */

static int scale_row(kpi__scale_read *r, const kpi__csv_row *row)
{
    kpi_scale *s = r->scale;
    if (r->scale_line)
        return kpi__scale_fail(r, row->line, C_TYPE,
                               "a second \"scale\" row (the first is line %ld): a file "
                               "holds one scale",
                               (long)r->scale_line);
    r->scale_line = row->line;
    char clipped[KPI__CLIP_SIZE];
    const char *basis = kpi__scale_cell(r, row, C_BASIS);
    const char *rollup = kpi__scale_cell(r, row, C_ROLLUP);
    if (!(s->id = text_of(r, row, C_ID)) ||
        !(s->title[0] = text_of(r, row, C_LABEL_JA)) ||
        !(s->title[1] = text_of(r, row, C_LABEL_EN)))
        return kpi_error_code(); /* no memory, or a control character */
    if (!*s->id)
        return kpi__scale_fail(r, row->line, C_ID, "the scale has no id");
    if (strcmp(basis, kpi_basis_name(KPI_BASIS_BOUNDS)) == 0)
        s->basis = KPI_BASIS_BOUNDS;
    else if (*basis && strcmp(basis, kpi_basis_name(KPI_BASIS_CLASS)) != 0)
        return kpi__scale_fail(r, row->line, C_BASIS,
                               "\"%s\" is no basis: expected class or bounds",
                               kpi__clip(clipped, basis));
    int found = KPI_LEVEL_ROLLUP_WORST;
    while (*kpi_level_rollup_name((kpi_level_rollup)found) &&
           strcmp(rollup, kpi_level_rollup_name((kpi_level_rollup)found)) != 0)
        found++;
    if (*rollup && *kpi_level_rollup_name((kpi_level_rollup)found))
        s->rollup = (kpi_level_rollup)found;
    else if (*rollup)
        return kpi__scale_fail(r, row->line, C_ROLLUP,
                               "\"%s\" is no roll-up: expected worst, weighted or rules",
                               kpi__clip(clipped, rollup));
    int rc = number_of(r, row, C_AHEAD, &s->ahead);
    if (rc == KPI_OK)
        rc = number_of(r, row, C_ON_TRACK, &s->on_track);
    return rc;
}

/* A level's classes: names of kpi_rating separated by blanks. */
static int classes_of(kpi__scale_read *r, const kpi__csv_row *row, kpi__level *level)
{
    const char *cell = kpi__scale_cell(r, row, C_CLASS);
    while (*cell) {
        size_t n = strcspn(cell, " \t");
        int found = 0;
        for (int rating = KPI_RATING_NOT_PROGRESSED; rating <= KPI_RATING_AHEAD;
             rating++) {
            const char *name = kpi_rating_name((kpi_rating)rating);
            if (n && strlen(name) == n && strncmp(cell, name, n) == 0) {
                level->classes |= 1u << rating;
                found = 1;
            }
        }
        if (n && !found) {
            char word[64];
            snprintf(word, sizeof word, "%.*s", (int)(n < 60 ? n : 60), cell);
            return kpi__scale_fail(r, row->line, C_CLASS,
                                   "\"%s\" is no class: expected ahead, on_track, behind "
                                   "or not_progressed",
                                   word);
        }
        cell += n + strspn(cell + n, " \t");
        cell += strspn(cell, " \t");
    }
    return KPI_OK;
}

static int level_row(kpi__scale_read *r, const kpi__csv_row *row)
{
    kpi_scale *s = r->scale;
    if (s->level_count == KPI_SCALE_MAX_LEVELS)
        return kpi__error_at(KPI_ERR_LIMIT, r->source, row->line, 0,
                             "%s:%ld: a scale has at most %d levels", r->source,
                             (long)row->line, KPI_SCALE_MAX_LEVELS);
    kpi__level *level = &s->levels[s->level_count];
    memset(level, 0, sizeof *level);
    level->line = row->line;
    if (!(level->symbol = text_of(r, row, C_SYMBOL)) ||
        !(level->name = text_of(r, row, C_NAME)) ||
        !(level->label[0] = text_of(r, row, C_LABEL_JA)) ||
        !(level->label[1] = text_of(r, row, C_LABEL_EN)) ||
        !(level->when = text_of(r, row, C_WHEN)))
        return kpi_error_code();
    if (!*level->symbol)
        return kpi__scale_fail(r, row->line, C_SYMBOL, "a level needs a symbol");
    if (!*level->name)
        level->name = level->symbol;
    int rc = classes_of(r, row, level);
    if (rc == KPI_OK)
        rc = kpi__scale_when(r, row->line, level);
    if (rc == KPI_OK)
        rc = number_of(r, row, C_SCORE, &level->score);
    if (rc == KPI_OK)
        rc = number_of(r, row, C_GOAL_MIN, &level->goal_min);
    if (rc == KPI_OK)
        s->level_count++;
    return rc;
}

/* Rules and statuses name levels: kept as written, resolved at the end. */
static int pending_row(kpi__scale_read *r, const kpi__csv_row *row, int is_rule)
{
    size_t *count = is_rule ? &r->rule_count : &r->status_count;
    size_t max = is_rule ? KPI_SCALE_MAX_RULES : KPI__SCALE_STATUSES * 2;
    if (*count == max)
        return kpi__error_at(KPI_ERR_LIMIT, r->source, row->line, 0,
                             "%s:%ld: a scale has at most %zu %s rows", r->source,
                             (long)row->line, max, is_rule ? "rule" : "status");
    kpi__scale_pending *p = is_rule ? &r->rules[*count] : &r->statuses[*count];
    p->line = row->line;
    if (!(p->first = text_of(r, row, is_rule ? C_QUANTIFIER : C_STATUS)) ||
        !(p->levels = text_of(r, row, C_LEVELS)) ||
        !(p->result = text_of(r, row, C_RESULT)))
        return kpi_error_code();
    (*count)++;
    return KPI_OK;
}

/* An unrated reason (its stable name, or * for all) and how it is shown. */
static int unrated_row(kpi__scale_read *r, const kpi__csv_row *row)
{
    kpi_scale *s = r->scale;
    char clipped[KPI__CLIP_SIZE];
    const char *reason = kpi__scale_cell(r, row, C_REASON);
    int first = KPI_UNRATED_QUALITATIVE, last = KPI__SCALE_REASONS - 1;
    if (strcmp(reason, "*") != 0) {
        for (first = KPI_UNRATED_QUALITATIVE; first <= last; first++)
            if (strcmp(reason, kpi_unrated_name((kpi_unrated)first)) == 0)
                break;
        if (first > last)
            return kpi__scale_fail(r, row->line, C_REASON,
                                   "\"%s\" is no unrated reason: expected *, or a name "
                                   "such as NO_DATA or NOT_DUE",
                                   kpi__clip(clipped, reason));
        last = first;
    }
    const char *symbol = text_of(r, row, C_SYMBOL);
    const char *ja = text_of(r, row, C_LABEL_JA), *en = text_of(r, row, C_LABEL_EN);
    if (!symbol || !ja || !en)
        return kpi_error_code();
    for (int u = first; u <= last; u++) {
        s->unrated_symbol[u] = symbol;
        s->unrated_label[u][0] = ja;
        s->unrated_label[u][1] = en;
    }
    return KPI_OK;
}

static int on_row(void *context, const kpi__csv_row *row)
{
    kpi__scale_read *r = context;
    if (!r->have_header) {
        r->have_header = 1;
        return kpi__columns_read(&r->columns, kpi__scale_columns, C_COLUMN_COUNT, row,
                                 r->source, &r->warnings);
    }
    int rc = kpi__columns_check_width(&r->columns, row, r->source);
    if (rc != KPI_OK)
        return rc;
    char clipped[KPI__CLIP_SIZE];
    const char *type = kpi__scale_cell(r, row, C_TYPE);
    if (strcmp(type, "scale") == 0)
        return scale_row(r, row);
    if (strcmp(type, "level") == 0)
        return level_row(r, row);
    if (strcmp(type, "rule") == 0)
        return pending_row(r, row, 1);
    if (strcmp(type, "status") == 0)
        return pending_row(r, row, 0);
    if (strcmp(type, "unrated") == 0)
        return unrated_row(r, row);
    if (strcmp(type, "comment") == 0)
        return KPI_OK;
    return kpi__scale_fail(r, row->line, C_TYPE,
                           "\"%s\" is no row type: expected scale, level, rule, status, "
                           "unrated or comment",
                           kpi__clip(clipped, type));
}

/* ---- the whole file ------------------------------------------------------ */

/* Keeps the reader's warnings (unknown columns) as the scale's. */
static int keep_warnings(kpi__scale_read *r)
{
    for (size_t i = 0; i < r->warnings.count; i++)
        if (kpi__scale_warn(r->scale, r->warnings.items[i].message) != KPI_OK)
            return KPI_ERR_NOMEM;
    return KPI_OK;
}

static int read_text(kpi__scale_read *r, const char *bytes, size_t size)
{
    const char *text;
    char *owned = NULL;
    size_t text_size;
    kpi_encoding found;
    int rc = kpi__text_decode(&text, &owned, &text_size, &found, bytes, size,
                              KPI_ENCODING_AUTO, r->source);
    if (rc == KPI_OK)
        rc = kpi__csv_parse(text, text_size, r->source, on_row, r);
    kpi__free(owned);
    if (rc == KPI_OK && !r->have_header)
        rc = kpi__error_at(KPI_ERR_PARSE, r->source, 1, 0,
                           "%s:1: the file is empty: a scale file starts with its header "
                           "row",
                           r->source);
    if (rc == KPI_OK) /* the header's warnings first, as lines go */
        rc = keep_warnings(r);
    if (rc == KPI_OK)
        rc = kpi__scale_check(r);
    return rc;
}

int kpi__scale_read_bytes(kpi_scale **out, const char *bytes, size_t size,
                          const char *source)
{
    kpi__scale_read r = {.source = source, .scale = kpi__scale_new()};
    if (!r.scale)
        return KPI_ERR_NOMEM;
    int rc = read_text(&r, bytes, size);
    kpi__warnings_clear(&r.warnings);
    if (rc != KPI_OK) {
        kpi_scale_free(r.scale);
        return rc;
    }
    *out = r.scale;
    return KPI_OK;
}

int kpi_scale_read_buffer(kpi_scale **out, const char *data, size_t size,
                          const char *source)
{
    if (!out)
        return kpi__error_null("kpi_scale_read_buffer", "out");
    *out = NULL;
    if (!data && size)
        return kpi__error_null("kpi_scale_read_buffer", "data");
    return kpi__scale_read_bytes(out, data ? data : "", size, source ? source : "scale");
}

int kpi_scale_read_file(kpi_scale **out, const char *path)
{
    if (!out)
        return kpi__error_null("kpi_scale_read_file", "out");
    *out = NULL;
    if (!path)
        return kpi__error_null("kpi_scale_read_file", "path");
    char *bytes;
    size_t size;
    int rc = kpi__slurp(&bytes, &size, path);
    if (rc != KPI_OK)
        return rc;
    rc = kpi__scale_read_bytes(out, bytes, size, path);
    kpi__free(bytes);
    return rc;
}
