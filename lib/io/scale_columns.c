/* The columns of a scale file, and what the reader's files share about
 * them: a cell, its position, an error naming it (io/scale_read.h). */
#include "io/scale_read.h"
#include "util/error.h"

#include <stdarg.h>
#include <stdio.h>

/* The columns and their Japanese aliases. */
const kpi__column_spec kpi__scale_columns[C_COLUMN_COUNT] = {
    {C_TYPE, "type", {"種別", "区分"}, 1},
    {C_ID, "id", {"ID"}, 0},
    {C_LABEL_JA, "label_ja", {"名称", "表示"}, 0},
    {C_LABEL_EN, "label_en", {"英語名称"}, 0},
    {C_BASIS, "basis", {"基準"}, 0},
    {C_ROLLUP, "rollup", {"目標の評価"}, 0},
    {C_AHEAD, "ahead", {0}, 0},
    {C_ON_TRACK, "on_track", {0}, 0},
    {C_SYMBOL, "symbol", {"記号"}, 0},
    {C_NAME, "name", {0}, 0},
    {C_CLASS, "class", {"区分値"}, 0},
    {C_WHEN, "when", {"条件"}, 0},
    {C_SCORE, "score", {"点数"}, 0},
    {C_GOAL_MIN, "goal_min", {0}, 0},
    {C_QUANTIFIER, "quantifier", {0}, 0},
    {C_LEVELS, "levels", {0}, 0},
    {C_RESULT, "result", {"結果"}, 0},
    {C_STATUS, "status", {"状況"}, 0},
    {C_REASON, "reason", {"理由"}, 0},
    {C_NOTE, "note", {"備考", "出典"}, 0},
};

/* A cell's position for messages: its line and 1-based column. */
int32_t kpi__scale_column(const kpi__scale_read *r, int column)
{
    return kpi__columns_position(&r->columns, column);
}

const char *kpi__scale_cell(const kpi__scale_read *r, const kpi__csv_row *row, int column)
{
    return kpi__columns_cell(&r->columns, row, column);
}

int kpi__scale_fail(const kpi__scale_read *r, int32_t line, int column, const char *fmt,
                    ...)
{
    char prefix[KPI__CLIP_SIZE + 64], detail[600];
    if (column >= 0)
        snprintf(prefix, sizeof prefix,
                 "column \"%s\": ", kpi__scale_columns[column].name);
    else
        prefix[0] = '\0';
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(detail, sizeof detail, fmt, ap);
    va_end(ap);
    kpi__utf8_trim_end(detail);
    return kpi__error_at(KPI_ERR_VALUE, r->source, line,
                         column < 0 ? 0 : kpi__scale_column(r, column), "%s:%ld: %s%s",
                         r->source, (long)line, prefix, detail);
}
