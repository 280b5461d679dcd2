#include "io/columns.h"
#include "util/error.h"
#include "kpi/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static char ascii_lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* ASCII only, whatever the host program's locale. */
static int same_ascii_nocase(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (ascii_lower(a[i]) != ascii_lower(b[i]))
            return 0;
    return 1;
}

/* Header cells are compared without surrounding blanks, and English names
 * without regard to case ("Code", "CODE"). */
static int same_name(const char *cell, const char *name)
{
    size_t lead = strspn(cell, " \t");
    size_t len = strlen(cell + lead);
    while (len > 0 && (cell[lead + len - 1] == ' ' || cell[lead + len - 1] == '\t'))
        len--;
    return len == strlen(name) && same_ascii_nocase(cell + lead, name, len);
}

/* A KPI_ERR_PARSE at line (and column, 1-based, or 0), its message after
 * the position of io/warnings.h: "source:line: " in a file. */
#if defined(__GNUC__)
__attribute__((format(printf, 5, 6)))
#endif
static int
position_error(const kpi__columns *columns, const char *source, int32_t line,
               int32_t column, const char *fmt, ...)
{
    char prefix[4400], detail[600];
    kpi__position_format(prefix, sizeof prefix, source, columns->cells, line, column);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(detail, sizeof detail, fmt, ap);
    va_end(ap);
    return kpi__error_at(KPI_ERR_PARSE, source, line, column, "%s%s", prefix, detail);
}

static const kpi__column_spec *find_spec(const kpi__columns *columns, const char *cell)
{
    for (size_t i = 0; i < columns->spec_count; i++) {
        const kpi__column_spec *spec = &columns->specs[i];
        if (same_name(cell, spec->name))
            return spec;
        for (size_t a = 0; a < KPI__MAX_ALIASES && spec->aliases[a]; a++)
            if (same_name(cell, spec->aliases[a]))
                return spec;
    }
    return NULL;
}

static int map_cell(kpi__columns *columns, size_t field, const kpi__csv_row *header,
                    const char *source, kpi__warnings *warnings)
{
    const char *cell = header->fields[field];
    const kpi__column_spec *spec = find_spec(columns, cell);
    char quoted[KPI__CLIP_SIZE];
    if (!spec)
        return kpi__warnings_add(warnings, KPI_WARNING_IGNORED, source, header->line,
                                 "column %zu \"%s\" is not known and was ignored",
                                 field + 1, kpi__clip(quoted, cell));
    if (columns->field_of[spec->id] >= 0)
        return position_error(columns, source, header->line, (int32_t)field + 1,
                              "column \"%s\" appears twice (columns %d and %zu)",
                              spec->name, columns->field_of[spec->id] + 1, field + 1);
    columns->field_of[spec->id] = (int)field;
    return KPI_OK;
}

int kpi__columns_read(kpi__columns *columns, const kpi__column_spec *specs,
                      size_t spec_count, const kpi__csv_row *header, const char *source,
                      kpi__warnings *warnings)
{
    columns->specs = specs;
    columns->spec_count = spec_count;
    columns->cells = warnings->cells;
    columns->width = header->count;
    for (int i = 0; i < KPI__MAX_COLUMN_IDS; i++)
        columns->field_of[i] = -1;
    for (size_t field = 0; field < header->count; field++) {
        int rc = map_cell(columns, field, header, source, warnings);
        if (rc != KPI_OK)
            return rc;
    }
    for (size_t i = 0; i < spec_count; i++)
        if (specs[i].required && columns->field_of[specs[i].id] < 0)
            return position_error(columns, source, header->line, 0,
                                  "the header has no column \"%s\", which is required",
                                  specs[i].name);
    return KPI_OK;
}

int32_t kpi__columns_position(const kpi__columns *columns, int id)
{
    return columns->field_of[id] + 1;
}

const char *kpi__columns_name(const kpi__columns *columns, int id)
{
    for (size_t i = 0; i < columns->spec_count; i++)
        if (columns->specs[i].id == id)
            return columns->specs[i].name;
    return "?";
}

int kpi__columns_check_width(const kpi__columns *columns, const kpi__csv_row *row,
                             const char *source)
{
    if (row->count <= columns->width)
        return KPI_OK;
    /* Extra empty cells are what spreadsheets leave; only text counts. */
    for (size_t i = columns->width; i < row->count; i++)
        if (row->fields[i][0] != '\0')
            return position_error(columns, source, row->line, (int32_t)i + 1,
                                  "the row has %zu fields but the header only %zu",
                                  row->count, columns->width);
    return KPI_OK;
}
