/* Loading the structure file: one row per plan, goal, target, directive or
 * note, each parent defined on an earlier row. */
#include "util/alloc.h"
#include "util/error.h"
#include "io/csv_infer.h"
#include "model/names.h"
#include "io/load.h"
#include "io/scale_read.h"

#include <math.h>
#include <string.h>

enum structure_column {
    S_TYPE,
    S_CODE,
    S_PARENT,
    S_TITLE,
    S_UNIT,
    S_KIND,
    S_DIRECTION,
    S_VALUE,
    S_START_VALUE,
    S_REFERENCE,
    S_CHANGE_PCT,
    S_START,
    S_DUE,
    S_SCHEDULE,
    S_ACCUMULATE,
    S_WEIGHT,
    S_TEXT,
    S_ORGANIZATION,
    S_DEPARTMENT,
    S_INFERRED,
    S_ISSUER,
    S_DATE,
    S_REPORT_DATE,
    S_SCALE,
    S_COLUMN_COUNT
};

/* The columns and their Japanese aliases, as docs/csv-format.md lists them. */
static const kpi__column_spec structure_columns[] = {
    {S_TYPE, "type", {"種別", "区分"}, 1},
    {S_CODE, "code", {"コード", "番号"}, 1},
    {S_PARENT, "parent", {"親", "親コード", "上位"}, 0},
    {S_TITLE, "title", {"名称", "項目", "内容"}, 0},
    {S_UNIT, "unit", {"単位"}, 0},
    {S_KIND, "kind", {"種類"}, 0},
    {S_DIRECTION, "direction", {"方向"}, 0},
    {S_VALUE, "value", {"目標値"}, 0},
    {S_START_VALUE, "start_value", {"基準値"}, 0},
    {S_REFERENCE, "reference", {"前年度実績", "参照値"}, 0},
    {S_CHANGE_PCT, "change_pct", {"増減率", "変化率"}, 0},
    {S_START, "start", {"開始", "開始日"}, 0},
    {S_DUE, "due", {"期限", "期日"}, 0},
    {S_SCHEDULE, "schedule", {"スケジュール", "進め方"}, 0},
    {S_ACCUMULATE, "accumulate", {"集計", "累計方法"}, 0},
    {S_WEIGHT, "weight", {"重み", "ウェイト"}, 0},
    {S_TEXT, "text", {"原文", "期限・数値目標等", "数値目標"}, 0},
    {S_ORGANIZATION, "organization", {"団体", "団体名", "自治体"}, 0},
    {S_DEPARTMENT, "department", {"担当部局", "担当部局名", "部局"}, 0},
    {S_INFERRED, "inferred", {"読取項目"}, 0},
    {S_ISSUER, "issuer", {"指示者"}, 0},
    {S_DATE, "date", {"指示日", "日付"}, 0},
    {S_REPORT_DATE, "report_date", {"基準日"}, 0},
    {S_SCALE, "scale", {"評価尺度", "評価基準"}, 0},
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* The rows are the objects of kpi_object_name(), and notes. */
enum row_type {
    ROW_PLAN = KPI_OBJECT_PLAN,
    ROW_GOAL = KPI_OBJECT_GOAL,
    ROW_TARGET = KPI_OBJECT_TARGET,
    ROW_DIRECTIVE = KPI_OBJECT_DIRECTIVE,
    ROW_NOTE
};

/* An enumeration cell holds its value's stable name, read with the table
 * the writers write it from (kpi__name_parse()), or one of these other
 * spellings people use. */
static const kpi__spelling type_words[] = {
    {KPI__NOTE_NAME, ROW_NOTE}, {"計画", ROW_PLAN},          {"目標", ROW_GOAL},
    {"指標", ROW_TARGET},       {"指示事項", ROW_DIRECTIVE}, {"注記", ROW_NOTE},
};
static const kpi__spelling kind_words[] = {
    {"数値", KPI_KIND_NUMERIC},
    {"達成", KPI_KIND_MILESTONE},
    {"定性", KPI_KIND_QUALITATIVE},
};
static const kpi__spelling direction_words[] = {
    {">=", KPI_DIRECTION_INCREASE},
    {"以上", KPI_DIRECTION_INCREASE},
    {"<=", KPI_DIRECTION_DECREASE},
    {"以下", KPI_DIRECTION_DECREASE},
};

static int read_word(const kpi__load *load, const kpi__csv_row *row, int column,
                     kpi__names names, const kpi__spelling *words, size_t word_count,
                     const char *expected, int *out)
{
    char cell[64];
    int value =
        kpi__name_parse(names, kpi__load_trimmed(load, row, column, cell, sizeof cell));
    if (value >= 0) {
        *out = value;
        return KPI_OK;
    }
    return kpi__load_word(load, row, column, words, word_count, expected, out);
}

#define BIT(column) (1u << (column))

/* Which columns mean something for each row type; text in any other is
 * reported as a warning rather than silently dropped. */
static const uint32_t used_columns[] = {
    [ROW_PLAN] = BIT(S_TYPE) | BIT(S_CODE) | BIT(S_TITLE) | BIT(S_START) | BIT(S_DUE) |
                 BIT(S_ORGANIZATION) | BIT(S_DEPARTMENT) | BIT(S_REPORT_DATE) |
                 BIT(S_SCALE),
    [ROW_GOAL] = BIT(S_TYPE) | BIT(S_CODE) | BIT(S_PARENT) | BIT(S_TITLE) | BIT(S_WEIGHT),
    [ROW_TARGET] = ~(BIT(S_ORGANIZATION) | BIT(S_DEPARTMENT) | BIT(S_ISSUER) |
                     BIT(S_DATE) | BIT(S_REPORT_DATE) | BIT(S_SCALE)),
    [ROW_DIRECTIVE] = BIT(S_TYPE) | BIT(S_CODE) | BIT(S_PARENT) | BIT(S_TITLE) |
                      BIT(S_ISSUER) | BIT(S_DATE),
    [ROW_NOTE] = BIT(S_TYPE) | BIT(S_CODE) | BIT(S_PARENT) | BIT(S_TITLE),
};

static int warn_unused(kpi__load *load, const kpi__csv_row *row, enum row_type type)
{
    for (int column = 0; column < S_COLUMN_COUNT; column++) {
        if ((used_columns[type] & BIT(column)) ||
            !*kpi__columns_cell(&load->columns, row, column))
            continue;
        int rc = kpi__warnings_add(
            load->warnings, KPI_WARNING_IGNORED, load->source, row->line,
            "column \"%s\" means nothing on a %s row and was ignored",
            kpi__columns_name(&load->columns, column),
            type == ROW_NOTE ? KPI__NOTE_NAME : kpi_object_name((kpi_object)type));
        if (rc != KPI_OK)
            return rc;
    }
    return KPI_OK;
}

/* Codes are compared without surrounding blanks. */
static const char *code_cell(const kpi__load *load, const kpi__csv_row *row, int column,
                             char *buf)
{
    return kpi__load_trimmed(load, row, column, buf, KPI_MAX_CODE + 2);
}

static int setter(const kpi__load *load, const kpi__csv_row *row, int column, int rc)
{
    return rc == KPI_OK ? KPI_OK : kpi__load_wrap(load, row, column, rc);
}

static int read_plan_period(kpi__load *load, const kpi__csv_row *row)
{
    int32_t start = 0, end = 0;
    int rc = kpi__load_date(load, row, S_START, 0, &start);
    if (rc == KPI_OK)
        rc = kpi__load_date(load, row, S_DUE, 1, &end);
    if (rc != KPI_OK || (!start && !end))
        return rc;
    if (!start || !end)
        return kpi__load_error(load, row, start ? S_DUE : S_START, KPI_ERR_DATE,
                               "the plan's period needs both a start and a due date");
    return setter(load, row, S_DUE, kpi_plan_set_period(load->plan, start, end));
}

/* The scale the plan names: a built-in id or a scale file beside the
 * structure file (docs/scales.md), read now, so that its errors come with
 * the plan file's line. */
static int read_plan_scale(kpi__load *load, const kpi__csv_row *row)
{
    char buf[1024];
    const char *name = kpi__load_trimmed(load, row, S_SCALE, buf, sizeof buf);
    if (!*name)
        return KPI_OK;
    kpi_scale *scale;
    int rc = kpi__scale_open(&scale, name, load->path);
    if (rc != KPI_OK)
        return kpi__load_wrap(load, row, S_SCALE, rc);
    rc = kpi__plan_set_scale_named(load->plan, scale, name);
    kpi_scale_free(scale);
    return setter(load, row, S_SCALE, rc);
}

static int read_plan(kpi__load *load, const kpi__csv_row *row)
{
    if (load->plan)
        return kpi__load_error(load, row, S_TYPE, KPI_ERR_PARSE,
                               "a second plan row; a file holds one plan");
    char code[KPI_MAX_CODE + 2];
    int rc = kpi_plan_new(&load->plan, code_cell(load, row, S_CODE, code));
    if (rc != KPI_OK)
        return kpi__load_wrap(load, row, S_CODE, rc);
    kpi_plan *plan = load->plan;
    rc =
        setter(load, row, S_TITLE,
               kpi_plan_set_title(plan, kpi__columns_cell(&load->columns, row, S_TITLE)));
    if (rc == KPI_OK)
        rc = setter(load, row, S_ORGANIZATION,
                    kpi_plan_set_organization(
                        plan, kpi__columns_cell(&load->columns, row, S_ORGANIZATION)));
    if (rc == KPI_OK)
        rc = setter(load, row, S_DEPARTMENT,
                    kpi_plan_set_department(
                        plan, kpi__columns_cell(&load->columns, row, S_DEPARTMENT)));
    if (rc == KPI_OK)
        rc = read_plan_period(load, row);
    int32_t report_date = 0;
    if (rc == KPI_OK)
        rc = kpi__load_date(load, row, S_REPORT_DATE, 1, &report_date);
    if (rc == KPI_OK)
        rc =
            setter(load, row, S_REPORT_DATE, kpi_plan_set_report_date(plan, report_date));
    if (rc == KPI_OK)
        rc = read_plan_scale(load, row);
    return rc;
}

/* The goal a row names as its parent; an empty parent is the plan (NULL). */
static int find_parent(kpi__load *load, const kpi__csv_row *row, kpi_goal **parent,
                       int required)
{
    char buf[KPI_MAX_CODE + 2];
    const char *code = code_cell(load, row, S_PARENT, buf);
    *parent = NULL;
    if (!*code || strcmp(code, kpi_plan_id(load->plan)) == 0) {
        if (required)
            return kpi__load_error(load, row, S_PARENT, KPI_ERR_VALUE,
                                   "a target needs the code of its goal as parent");
        return KPI_OK;
    }
    if ((*parent = kpi_plan_find_goal(load->plan, code)) != NULL)
        return KPI_OK;
    return kpi__load_error(load, row, S_PARENT, KPI_ERR_NOT_FOUND,
                           "\"%s\" is not a goal defined on an earlier row", code);
}

static int read_goal(kpi__load *load, const kpi__csv_row *row)
{
    kpi_goal *parent, *goal = NULL;
    char buf[KPI_MAX_CODE + 2];
    int rc = find_parent(load, row, &parent, 0);
    if (rc != KPI_OK)
        return rc;
    const char *title = kpi__columns_cell(&load->columns, row, S_TITLE);
    const char *code = code_cell(load, row, S_CODE, buf);
    goal = parent ? kpi_goal_add_goal(parent, code, title)
                  : kpi_plan_add_goal(load->plan, code, title);
    if (!goal)
        return kpi__load_wrap(load, row, S_CODE, kpi_error_code());
    double weight = NAN;
    rc = kpi__load_number(load, row, S_WEIGHT, &weight);
    if (rc == KPI_OK && !isnan(weight))
        rc = setter(load, row, S_WEIGHT, kpi_goal_set_weight(goal, weight));
    return rc;
}

static int read_target_words(kpi__load *load, const kpi__csv_row *row, kpi_target *t)
{
    int kind = KPI_KIND_NUMERIC, direction = KPI_DIRECTION_INCREASE;
    int schedule = KPI_SCHEDULE_DEFAULT, accumulate = KPI_ACCUMULATE_LATEST;
    int rc = read_word(load, row, S_KIND, KPI__NAMES_KIND, kind_words, COUNT(kind_words),
                       "numeric, milestone, qualitative", &kind);
    if (rc == KPI_OK)
        rc = read_word(load, row, S_DIRECTION, KPI__NAMES_DIRECTION, direction_words,
                       COUNT(direction_words), "increase (>=, 以上), decrease (<=, 以下)",
                       &direction);
    if (rc == KPI_OK)
        rc = read_word(load, row, S_SCHEDULE, KPI__NAMES_SCHEDULE, NULL, 0,
                       "linear, step, level", &schedule);
    if (rc == KPI_OK)
        rc = read_word(load, row, S_ACCUMULATE, KPI__NAMES_ACCUMULATE, NULL, 0,
                       "latest, sum", &accumulate);
    if (rc != KPI_OK)
        return rc;
    /* Values come from the tables above, so the setters cannot refuse them. */
    kpi_target_set_kind(t, (kpi_kind)kind);
    kpi_target_set_direction(t, (kpi_direction)direction);
    kpi_target_set_schedule(t, (kpi_schedule)schedule);
    kpi_target_set_accumulate(t, (kpi_accumulate)accumulate);
    return KPI_OK;
}

typedef int (*number_setter)(kpi_target *, double);

static int read_target_numbers(kpi__load *load, const kpi__csv_row *row, kpi_target *t)
{
    static const struct {
        int column;
        number_setter set;
    } numbers[] = {
        {S_VALUE, kpi_target_set_value},
        {S_START_VALUE, kpi_target_set_start_value},
        {S_REFERENCE, kpi_target_set_reference},
        {S_CHANGE_PCT, kpi_target_set_change_pct},
        {S_WEIGHT, kpi_target_set_weight},
    };
    for (size_t i = 0; i < COUNT(numbers); i++) {
        double value = NAN;
        int rc = kpi__load_number(load, row, numbers[i].column, &value);
        if (rc == KPI_OK && !isnan(value))
            rc = setter(load, row, numbers[i].column, numbers[i].set(t, value));
        if (rc != KPI_OK)
            return rc;
    }
    return KPI_OK;
}

static int read_target_dates(kpi__load *load, const kpi__csv_row *row, kpi_target *t)
{
    int32_t start = 0, due = 0;
    int rc = kpi__load_date(load, row, S_START, 0, &start);
    if (rc == KPI_OK)
        rc = kpi__load_date(load, row, S_DUE, 1, &due);
    if (rc == KPI_OK)
        rc = setter(load, row, S_START, kpi_target_set_start(t, start));
    if (rc == KPI_OK)
        rc = setter(load, row, S_DUE, kpi_target_set_due(t, due));
    return rc;
}

static int cell_empty(const kpi__load *load, const kpi__csv_row *row, int column)
{
    return *kpi__columns_cell(&load->columns, row, column) == '\0';
}

/* The fields to read from the text: those the file lists in its `inferred`
 * column (a file libkpi wrote), or else, for a target whose value, percent
 * and kind are all empty, every field left empty. A filled cell always
 * wins. */
static int wanted_fields(kpi__load *load, const kpi__csv_row *row, uint32_t *wanted)
{
    *wanted = 0;
    if (!load->infer)
        return KPI_OK;
    if (kpi__columns_position(&load->columns, S_INFERRED)) {
        int rc = kpi__field_names_parse(
            wanted, kpi__columns_cell(&load->columns, row, S_INFERRED));
        if (rc != KPI_OK)
            return kpi__load_wrap(load, row, S_INFERRED, rc);
    } else if (cell_empty(load, row, S_VALUE) && cell_empty(load, row, S_CHANGE_PCT) &&
               cell_empty(load, row, S_KIND)) {
        /* Only a target given by its wording alone is read from it: a row
         * with a value, a percent or a kind was structured by a person. */
        *wanted = KPI_FIELD_LABEL | KPI_FIELD_UNIT | KPI_FIELD_KIND |
                  KPI_FIELD_DIRECTION | KPI_FIELD_VALUE | KPI_FIELD_CHANGE_PCT |
                  KPI_FIELD_DUE;
    }
    static const struct {
        int column;
        uint32_t field;
    } given[] = {
        {S_TITLE, KPI_FIELD_LABEL}, {S_UNIT, KPI_FIELD_UNIT},
        {S_KIND, KPI_FIELD_KIND},   {S_DIRECTION, KPI_FIELD_DIRECTION},
        {S_VALUE, KPI_FIELD_VALUE}, {S_CHANGE_PCT, KPI_FIELD_CHANGE_PCT},
        {S_DUE, KPI_FIELD_DUE},
    };
    for (size_t i = 0; i < COUNT(given); i++)
        if (!cell_empty(load, row, given[i].column))
            *wanted &= ~given[i].field;
    return KPI_OK;
}

static int read_target(kpi__load *load, const kpi__csv_row *row)
{
    kpi_goal *goal;
    kpi_target *t;
    char code[KPI_MAX_CODE + 2];
    int rc = find_parent(load, row, &goal, 1);
    if (rc != KPI_OK)
        return rc;
    t = kpi_goal_add_target(goal, code_cell(load, row, S_CODE, code),
                            kpi__columns_cell(&load->columns, row, S_TITLE));
    if (!t)
        return kpi__load_wrap(load, row, S_CODE, kpi_error_code());
    rc = setter(load, row, S_UNIT,
                kpi_target_set_unit(t, kpi__columns_cell(&load->columns, row, S_UNIT)));
    if (rc == KPI_OK)
        rc = setter(
            load, row, S_TEXT,
            kpi_target_set_text(t, kpi__columns_cell(&load->columns, row, S_TEXT)));
    if (rc == KPI_OK)
        rc = read_target_words(load, row, t);
    if (rc == KPI_OK)
        rc = read_target_numbers(load, row, t);
    if (rc == KPI_OK)
        rc = read_target_dates(load, row, t);
    uint32_t wanted = 0;
    if (rc == KPI_OK)
        rc = wanted_fields(load, row, &wanted);
    if (rc == KPI_OK)
        rc = kpi__infer_target(load, row->line, t, wanted);
    return rc;
}

static int read_note(kpi__load *load, const kpi__csv_row *row)
{
    kpi_goal *goal;
    char buf[KPI_MAX_CODE + 2];
    int rc = find_parent(load, row, &goal, 0);
    if (rc != KPI_OK)
        return rc;
    const char *text = kpi__columns_cell(&load->columns, row, S_TITLE);
    if (!*text)
        return kpi__load_error(load, row, S_TITLE, KPI_ERR_VALUE,
                               "a note needs its text in this column");
    const char *code = code_cell(load, row, S_CODE, buf);
    rc = goal ? kpi_goal_add_note(goal, code, text)
              : kpi_plan_add_note(load->plan, code, text);
    return rc == KPI_OK ? KPI_OK : kpi__load_wrap(load, row, S_TITLE, rc);
}

/* A directive's parent cell: the codes of the goals it is addressed to,
 * separated by ";" (empty, or the plan id: the whole plan). */
static int address_goals(kpi__load *load, const kpi__csv_row *row, kpi_directive *d)
{
    const char *cell = kpi__columns_cell(&load->columns, row, S_PARENT);
    while (*cell) {
        size_t n = strcspn(cell, ";");
        char code[KPI_MAX_CODE + 2];
        size_t b = 0, e = n;
        while (b < e && (cell[b] == ' ' || cell[b] == '\t'))
            b++;
        while (e > b && (cell[e - 1] == ' ' || cell[e - 1] == '\t'))
            e--;
        if (e - b > KPI_MAX_CODE)
            return kpi__load_error(load, row, S_PARENT, KPI_ERR_VALUE,
                                   "a goal code longer than %d bytes", KPI_MAX_CODE);
        memcpy(code, cell + b, e - b);
        code[e - b] = '\0';
        kpi_goal *goal = *code && strcmp(code, load->plan->id) != 0
                             ? kpi__strmap_get(&load->plan->goals_by_code, code)
                             : NULL;
        if (*code && strcmp(code, load->plan->id) != 0 && !goal)
            return kpi__load_error(load, row, S_PARENT, KPI_ERR_NOT_FOUND,
                                   "\"%s\" is not a goal defined on an earlier row",
                                   code);
        if (goal && kpi_directive_add_goal(d, goal) != KPI_OK)
            return kpi__load_wrap(load, row, S_PARENT, kpi_error_code());
        cell += n;
        if (*cell)
            cell++;
    }
    return KPI_OK;
}

static int read_directive(kpi__load *load, const kpi__csv_row *row)
{
    char code[KPI_MAX_CODE + 2];
    const char *text = kpi__columns_cell(&load->columns, row, S_TITLE);
    if (!*text)
        return kpi__load_error(load, row, S_TITLE, KPI_ERR_VALUE,
                               "a directive needs its text in this column");
    kpi_directive *d =
        kpi_plan_add_directive(load->plan, code_cell(load, row, S_CODE, code), text);
    if (!d)
        return kpi__load_wrap(load, row, S_CODE, kpi_error_code());
    int32_t date = 0;
    int rc = kpi__load_date(load, row, S_DATE, 0, &date);
    if (rc == KPI_OK)
        rc = setter(load, row, S_DATE, kpi_directive_set_date(d, date));
    if (rc == KPI_OK)
        rc = setter(load, row, S_ISSUER,
                    kpi_directive_set_issuer(
                        d, kpi__columns_cell(&load->columns, row, S_ISSUER)));
    return rc == KPI_OK ? address_goals(load, row, d) : rc;
}

int kpi__structure_row(void *context, const kpi__csv_row *row)
{
    kpi__load *load = context;
    int rc;
    if (kpi__load_header(load, row, structure_columns, COUNT(structure_columns), &rc) ||
        rc != KPI_OK)
        return rc;
    int type = -1;
    rc = read_word(load, row, S_TYPE, KPI__NAMES_OBJECT, type_words, COUNT(type_words),
                   "plan, goal, target, directive, note", &type);
    if (rc == KPI_OK && type < 0)
        rc = kpi__load_error(load, row, S_TYPE, KPI_ERR_PARSE,
                             "empty; expected plan, goal, target, directive or note");
    if (rc == KPI_OK && type != ROW_PLAN && !load->plan)
        rc = kpi__load_error(load, row, S_TYPE, KPI_ERR_PARSE,
                             "the first row after the header must be the plan row");
    if (rc != KPI_OK)
        return rc;
    static int (*const readers[])(kpi__load *, const kpi__csv_row *) = {
        [ROW_PLAN] = read_plan,     [ROW_GOAL] = read_goal,
        [ROW_TARGET] = read_target, [ROW_DIRECTIVE] = read_directive,
        [ROW_NOTE] = read_note,
    };
    rc = readers[type](load, row);
    return rc == KPI_OK ? warn_unused(load, row, (enum row_type)type) : rc;
}
