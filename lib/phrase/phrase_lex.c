/* The words the reader knows and the number groups: each number of a phrase
 * read together with what surrounds it (the group of 物件登録件数30件以上 is
 * 30件以上; of 講座開催数 前年度比10%増, 前年度比10%増; of 上田城跡能(8月),
 * (8月); of 第2次共生ビジョン, the name 2), so that the later steps decide
 * from whole groups, never from bare digits.
 *
 * Every table is const and NULL-terminated, in normalised spelling (see
 * phrase_text.c); matches take the longest word, so 事業所 wins over 事業. */
#include "phrase/phrase.h"

#include <math.h>
#include <string.h>

/* ---- Tables -------------------------------------------------------------- */

static const kpi__pcmp comparison_kinds[] = {
    KPI__CMP_GE, KPI__CMP_LE, KPI__CMP_LE, KPI__CMP_LT, KPI__CMP_GT, KPI__CMP_GT,
    KPI__CMP_GT, KPI__CMP_GT, KPI__CMP_GT, KPI__CMP_GT, KPI__CMP_LT};

/* Changes of a figure: 10%増, 5%削減. */
static const char *const increases[] = {"増加", "増", "アップ", "向上", "伸び", NULL};
static const char *const decreases[] = {"減少", "削減",   "低減", "縮減",
                                        "減",   "ダウン", NULL};

/* A number that names an edition or a place in a row, not a count. */
static const char *const editions[] = {"回記念", "周年記念", "周年", NULL};
static const char *const ordinals[] = {"回目", "番目", "位", NULL};

/* Approximate figures. */
static const char *const approximations[] = {"程度", "前後", "くらい", "ぐらい", NULL};

/* Month suffixes: (8月末), 11月中旬, 8月までに. */
static const char *const month_parts[] = {"末日", "末", "上旬", "中旬", "下旬",
                                          "中",   "頃", "ごろ", NULL};
static const char *const month_ends[] = {"までに", "まで", "に", NULL};

/* The particles that may stand between a count and its verb or noun. */
static const char *const links[] = {"での", "の", NULL};
static const char *const verb_particles[] = {"を", "の", "で", "に", NULL};

/* ---- Small readers --------------------------------------------------------- */

static size_t skip_blanks(const kpi__ptext *t, size_t i)
{
    while (i < t->n && t->cp[i] == ' ')
        i++;
    return i;
}

static size_t skip_blanks_back(const kpi__ptext *t, size_t i, size_t floor)
{
    while (i > floor && t->cp[i - 1] == ' ')
        i--;
    return i;
}

/* Whether three digits and then no digit follow at i: a thousands group. */
static int thousands_at(const kpi__ptext *t, size_t i)
{
    for (size_t k = 0; k < 3; k++)
        if (i + k >= t->n || !kpi__pt_digit(t->cp[i + k]))
            return 0;
    return i + 3 >= t->n || !kpi__pt_digit(t->cp[i + 3]);
}

/* Reads digits with thousands separators and a fraction at i. Past 15
 * significant digits a double no longer holds the number exactly: the
 * number is then marked too long rather than read wrong. */
static size_t read_number(const kpi__ptext *t, size_t i, double *value, int *too_long,
                          int *integer)
{
    static const double pow10[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                   1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    uint64_t mantissa = 0;
    size_t digits = 0, fraction = 0, j = i;
    *integer = 1;
    while (j < t->n) {
        if (kpi__pt_digit(t->cp[j])) {
            if (++digits <= 15)
                mantissa = mantissa * 10 + (t->cp[j] - '0');
            j++;
        } else if (t->cp[j] == ',' && thousands_at(t, j + 1)) {
            j++;
        } else {
            break;
        }
    }
    if (j + 1 < t->n && t->cp[j] == '.' && kpi__pt_digit(t->cp[j + 1])) {
        *integer = 0;
        for (j++; j < t->n && kpi__pt_digit(t->cp[j]); j++) {
            if (++digits <= 15)
                mantissa = mantissa * 10 + (t->cp[j] - '0');
            fraction++;
        }
    }
    *too_long = digits > 15;
    *value = *too_long ? NAN : (double)mantissa / pow10[fraction];
    return j;
}

/* ---- Parts of a group ------------------------------------------------------ */

/* A small integer 1..max at i followed by no digit, or 0. */
static int32_t small_integer(const kpi__ptext *t, size_t i, size_t *end, int32_t max)
{
    int32_t v = 0;
    size_t j = i;
    while (j < t->n && kpi__pt_digit(t->cp[j]) && j - i < 3)
        v = v * 10 + (int32_t)(t->cp[j++] - '0');
    if (j == i || (j < t->n && kpi__pt_digit(t->cp[j])) || v < 1 || v > max)
        return 0;
    *end = j;
    return v;
}

/* The days after 月 at j: 18日, 18、19日, 18・19日, 18日・19日, 18~19日. The
 * last day named is read (the event ends then); returns j when no day
 * list ending in 日 is there. At most eight days, so the scan stays short. */
static size_t read_days(const kpi__ptext *t, size_t j, int32_t *day)
{
    size_t k = j, end = j;
    for (int named = 0; named < 8; named++) {
        int32_t d = small_integer(t, k, &end, 31);
        if (!d)
            return j;
        if (end < t->n && t->cp[end] == 0x65E5 /* 日 */) {
            *day = d;
            j = ++end;
        }
        if (end + 1 >= t->n || !kpi__pt_digit(t->cp[end + 1]) ||
            !(t->cp[end] == 0x3001 || t->cp[end] == 0x30FB || t->cp[end] == ',' ||
              t->cp[end] == '~'))
            return j;
        k = end + 1;
    }
    return j;
}

/* 8月, 8月31日, 8月18、19日, 8月末までに: the month group after the digits
 * at j (on 月). */
static size_t read_month(const kpi__ptext *t, kpi__pgroup *g, size_t j)
{
    g->role = KPI__ROLE_MONTH;
    g->month = (int32_t)g->value;
    j = read_days(t, j + 1 /* 月 */, &g->day);
    j += kpi__pt_match_table(t->cp, j, t->n, month_parts, NULL);
    j += kpi__pt_match_table(t->cp, j, t->n, month_ends, NULL);
    return j;
}

/* (8/31) or 8/31まで: a day written with a slash, at j (on the slash).
 * Only so, since 2/3 may be a fraction. Returns j when it is no date. */
static size_t read_slash_date(const kpi__ptext *t, kpi__pgroup *g, size_t j)
{
    size_t day_end = j + 1;
    int32_t day = small_integer(t, j + 1, &day_end, 31);
    if (!day)
        return j;
    size_t before = skip_blanks_back(t, g->start, 0);
    size_t after = skip_blanks(t, day_end);
    int opened = before > 0 && t->cp[before - 1] == '(';
    int closed = after < t->n && t->cp[after] == ')';
    int until = kpi__pt_match(t->cp, day_end, t->n, "まで") > 0;
    if (!until && !(opened && closed))
        return j;
    g->role = KPI__ROLE_MONTH;
    g->month = (int32_t)g->value;
    g->day = day;
    return day_end + kpi__pt_match_table(t->cp, day_end, t->n, month_ends, NULL);
}

/* The unit at j: a word of the table (an ASCII one not running on into
 * more letters), or 万/千/億 and such a word, which multiply the value
 * (1.5万人 is 15000 人; 万円 and 千円 are units of their own). */
static size_t read_unit(const kpi__ptext *t, kpi__pgroup *g, size_t j)
{
    size_t at = j;
    double factor = 1;
    size_t len = kpi__pt_match_table(t->cp, at, t->n, kpi__phrase_units, NULL);
    if (len == 0 && at < t->n) {
        uint32_t c = t->cp[at];
        factor = c == 0x4E07 ? 1e4 : c == 0x5343 ? 1e3 : c == 0x5104 ? 1e8 : 1;
        if (factor > 1) {
            at++;
            len = kpi__pt_match_table(t->cp, at, t->n, kpi__phrase_units, NULL);
        }
    }
    if (len && kpi__pt_ascii_letter(t->cp[at]) && at + len < t->n &&
        kpi__pt_ascii_letter(t->cp[at + len]))
        len = 0;
    if (factor > 1 && len == 0 && at < t->n && kpi__pt_wordchar(t->cp[at]))
        return j; /* 千葉, 万博: a word, not a multiplier */
    g->value *= factor;
    g->upper *= factor;
    g->unit_start = at;
    g->unit_end = at + len;
    return at + len;
}

/* A comparison word at j, recorded in g. */
static size_t read_comparison(const kpi__ptext *t, kpi__pgroup *g, size_t j)
{
    size_t which = 0;
    size_t len = kpi__pt_match_table(t->cp, j, t->n, kpi__phrase_comparisons, &which);
    if (len == 0)
        return j;
    g->cmp = comparison_kinds[which];
    g->cmp_start = j;
    g->cmp_end = j + len;
    if (g->cmp == KPI__CMP_LE || g->cmp == KPI__CMP_LT)
        g->decrease = 1;
    return j + len;
}

/* 5コース以上 with a unit the table lacks: up to 8 word characters and then
 * a comparison. Without the comparison the word is read as a name. */
static size_t read_unknown_unit(const kpi__ptext *t, kpi__pgroup *g, size_t j)
{
    size_t k = j;
    while (k < t->n && k - j < 8 && kpi__pt_wordchar(t->cp[k]) &&
           !kpi__pt_match_table(t->cp, k, t->n, kpi__phrase_comparisons, NULL))
        k++;
    if (k == j || !kpi__pt_match_table(t->cp, k, t->n, kpi__phrase_comparisons, NULL))
        return j;
    g->unit_start = j;
    g->unit_end = k;
    g->unit_unknown = 1;
    return read_comparison(t, g, k);
}

/* 増, 減, 削減 ... at j (after blanks or の), ending a word. */
static size_t read_change(const kpi__ptext *t, kpi__pgroup *g, size_t j, int *found)
{
    size_t at = skip_blanks(t, j);
    at += kpi__pt_match(t->cp, at, t->n, "の");
    size_t len = kpi__pt_match_table(t->cp, at, t->n, increases, NULL);
    int decrease = 0;
    if (len == 0) {
        len = kpi__pt_match_table(t->cp, at, t->n, decreases, NULL);
        decrease = len > 0;
    }
    if (len == 0 || !kpi__phrase_word_end(t->cp, at + len, t->n)) {
        *found = 0;
        return j;
    }
    *found = 1;
    g->decrease = decrease;
    return at + len;
}

/* A verb right after the count, with an optional を, の, で or に before it:
 * 1回実施, (5校)を実施, (1回)の開催. */
static size_t read_verb(const kpi__ptext *t, kpi__pgroup *g, size_t j)
{
    size_t at = j + kpi__pt_match_table(t->cp, j, t->n, verb_particles, NULL);
    size_t len = kpi__pt_match_table(t->cp, at, t->n, kpi__phrase_verbs, NULL);
    if (len == 0 || !kpi__phrase_word_end(t->cp, at + len, t->n))
        return j;
    g->has_verb = 1;
    return at + len;
}

/* 1以上のアカウント: a unit written after の; it stays in the label. */
static size_t read_unit_after_link(const kpi__ptext *t, kpi__pgroup *g, size_t j)
{
    size_t at = j + kpi__pt_match(t->cp, j, t->n, "の");
    if (at == j)
        return j;
    size_t len = kpi__pt_match_table(t->cp, at, t->n, kpi__phrase_units, NULL);
    /* の事業者 is no unit: the word runs on past the unit. */
    if (len == 0 || (at + len < t->n && kpi__pt_wordchar(t->cp[at + len])))
        return j;
    g->unit_start = at;
    g->unit_end = at + len;
    g->unit_in_label = 1;
    g->linked = 1;
    return at;
}

/* 前年度比 or the like ending before the number at start, with blanks and a
 * sign (+, -, ▲) between. Returns where the marker starts, or start when
 * there is none; *sign receives +1 or -1 for a sign written, else 0. */
static size_t read_marker_before(const kpi__ptext *t, size_t start, size_t floor,
                                 int *sign)
{
    size_t i = skip_blanks_back(t, start, floor);
    *sign = 0;
    if (i > floor &&
        (t->cp[i - 1] == '+' || t->cp[i - 1] == '-' || t->cp[i - 1] == 0x25B2)) {
        *sign = t->cp[i - 1] == '+' ? 1 : -1;
        i = skip_blanks_back(t, i - 1, floor);
    }
    size_t len = kpi__pt_match_end_table(t->cp, floor, i, kpi__phrase_markers, NULL);
    if (len == 0) {
        *sign = 0;
        return start;
    }
    return i - len;
}

/* (前年度比) after a change: 10%増(前年度比). */
static size_t read_marker_after(const kpi__ptext *t, kpi__pgroup *g, size_t j)
{
    size_t at = skip_blanks(t, j);
    if (at >= t->n || t->cp[at] != '(')
        return j;
    size_t len = kpi__pt_match_table(t->cp, at + 1, t->n, kpi__phrase_markers, NULL);
    size_t close = skip_blanks(t, at + 1 + len);
    if (len == 0 || close >= t->n || t->cp[close] != ')')
        return j;
    g->baseline = 1;
    return close + 1;
}

/* Whether a number with nothing after it stands alone (推進交付金新規事業 2,
 * 2を目指す) rather than inside a word (3市長, 2次). */
static int stands_alone(const kpi__ptext *t, size_t j)
{
    if (j >= t->n)
        return 1;
    uint32_t c = t->cp[j];
    if (kpi__pt_wordchar(c) || kpi__pt_ascii_letter(c) || kpi__pt_digit(c))
        return 0;
    if (kpi__pt_hiragana(c))
        return c == 0x3092 /* を */ || c == 0x304C /* が */ || c == 0x306F /* は */ ||
               c == 0x306B /* に */ || c == 0x3078 /* へ */ || c == 0x3068 /* と */ ||
               c == 0x3082 /* も */;
    return c != '.' && c != '/';
}

/* ---- Groups ------------------------------------------------------------------ */

/* The roles decided from the text before the number: 第2次, H29, SNS2. */
static int named_by_prefix(const kpi__ptext *t, size_t i)
{
    return i > 0 &&
           (t->cp[i - 1] == 0x7B2C /* 第 */ || kpi__pt_ascii_letter(t->cp[i - 1]) ||
            t->cp[i - 1] == '.' || t->cp[i - 1] == '/');
}

/* Extends g over brackets holding nothing else: (5校), (8月), (10回記念),
 * and a verb after the closing one: (1回)の開催. */
static void read_brackets(const kpi__ptext *t, kpi__pgroup *g, size_t floor)
{
    size_t before = skip_blanks_back(t, g->start, floor);
    size_t after = skip_blanks(t, g->end);
    if (before == floor || t->cp[before - 1] != '(' || after >= t->n ||
        t->cp[after] != ')')
        return;
    g->bracketed = 1;
    g->start = before - 1;
    g->end = after + 1;
    if (kpi__pgroup_is_target(g))
        g->end = read_verb(t, g, g->end);
}

/* The percent and change forms: 前年度比10%増, 10%削減, 前年度比110%,
 * 前年度比▲5%, 10件増. j is after the unit and any comparison. */
static size_t read_relative(const kpi__ptext *t, kpi__pgroup *g, size_t j, size_t floor)
{
    int changed = 0, sign = 0;
    int percent = g->unit_end == g->unit_start + 1 && t->cp[g->unit_start] == '%';
    size_t after = read_change(t, g, j, &changed);
    size_t start = read_marker_before(t, g->start, floor, &sign);
    int baseline = start != g->start;
    if (!changed && !(percent && baseline))
        return j;
    if (sign < 0)
        g->decrease = 1;
    g->role = percent ? KPI__ROLE_RELATIVE : KPI__ROLE_CHANGE;
    g->ratio = percent && !changed && sign == 0;
    g->baseline = baseline;
    g->start = start;
    return read_marker_after(t, g, after);
}

/* Everything after the unit of a count: comparison, change, approximation,
 * verb, the の that links it to what it counts. */
static size_t read_count_tail(const kpi__ptext *t, kpi__pgroup *g, size_t j, size_t floor)
{
    if (kpi__phrase_per_follows(t->cp, j, t->n)) {
        g->role = KPI__ROLE_NAME; /* 1人(1日)当たり: what is counted comes later */
        return j;
    }
    j = read_comparison(t, g, j);
    if (g->unit_end == g->unit_start && g->cmp == KPI__CMP_NONE)
        j = read_unknown_unit(t, g, j);
    j = read_relative(t, g, j, floor);
    size_t len = kpi__pt_match_table(t->cp, j, t->n, approximations, NULL);
    if (len) {
        g->approx = 1;
        j += len;
    }
    if (g->role != KPI__ROLE_COUNT)
        return j;
    if (g->unit_end == g->unit_start)
        j = read_unit_after_link(t, g, j);
    if (!g->linked)
        j = read_verb(t, g, j);
    return j;
}

/* Whether g is a count with nothing around it, and then whether it stands
 * alone or is part of a word (then a NAME). */
static void settle_bare(const kpi__ptext *t, kpi__pgroup *g)
{
    if (g->role != KPI__ROLE_COUNT || g->unit_end > g->unit_start ||
        g->cmp != KPI__CMP_NONE || g->has_verb || g->bracketed || g->linked)
        return;
    g->bare = 1;
    if (!stands_alone(t, g->end)) {
        g->role = KPI__ROLE_NAME;
        g->start = g->num_start;
        g->end = g->inner_end = g->num_end;
    }
}

/* 8回の展覧会, 9地域でのワークショップ: the count links to the noun after it. */
static void read_link(const kpi__ptext *t, kpi__pgroup *g)
{
    if (g->role != KPI__ROLE_COUNT || g->has_verb || g->bracketed || g->linked ||
        g->unit_end == g->unit_start)
        return;
    size_t len = kpi__pt_match_table(t->cp, g->end, t->n, links, NULL);
    if (len && g->end + len < t->n &&
        (kpi__pt_wordchar(t->cp[g->end + len]) || t->cp[g->end + len] == 0x300C)) {
        g->linked = 1;
        g->end += len;
    }
}

/* 約30件: an approximate figure. */
static void read_approx_before(const kpi__ptext *t, kpi__pgroup *g, size_t floor)
{
    size_t i = skip_blanks_back(t, g->start, floor);
    if (i > floor && t->cp[i - 1] == 0x7D04 /* 約 */) {
        g->approx = 1;
        g->start = i - 1;
    }
}

/* What the digits are, from what follows them (at j): a month or a day, an
 * edition, a place in a row, or a count with its unit. Returns the end. */
static size_t read_after_number(const kpi__ptext *t, kpi__pgroup *g, size_t j,
                                size_t floor)
{
    int month_like = g->integer && isnan(g->upper) && g->value >= 1 && g->value <= 12;
    if (month_like && j < t->n && t->cp[j] == 0x6708 /* 月 */)
        return read_month(t, g, j);
    if (month_like && j < t->n && t->cp[j] == '/') {
        size_t end = read_slash_date(t, g, j);
        if (end != j)
            return end;
    }
    size_t len = kpi__pt_match_table(t->cp, j, t->n, editions, NULL);
    if (len) {
        g->role = KPI__ROLE_EDITION;
        return j + len;
    }
    if (kpi__pt_match_table(t->cp, j, t->n, ordinals, NULL)) {
        g->role = KPI__ROLE_NAME;
        return j;
    }
    j = read_unit(t, g, j);
    return read_count_tail(t, g, j, floor);
}

/* 年4回, 毎月1回, 年間120件: the period before the number is the group's. */
static void read_period(const kpi__ptext *t, kpi__pgroup *g, size_t floor)
{
    int kind = KPI__PERIOD_NONE;
    size_t len = kpi__phrase_period_before(t->cp, floor, g->start, &kind);
    if (g->role == KPI__ROLE_COUNT && len) {
        g->period = kind;
        g->start -= len;
    }
}

/* Reads the group whose digits start at i; floor is where the previous
 * group ended, which this one may not reach back over. */
static void read_group(const kpi__ptext *t, size_t i, size_t floor, kpi__pgroup *g)
{
    memset(g, 0, sizeof *g);
    g->role = KPI__ROLE_COUNT;
    g->upper = NAN;
    g->num_start = g->start = i;
    size_t j = read_number(t, i, &g->value, &g->too_long, &g->integer);
    if (!g->too_long && j + 1 < t->n && t->cp[j] == '~' && kpi__pt_digit(t->cp[j + 1])) {
        int integer = 0; /* 10〜20件: a range */
        j = read_number(t, j + 1, &g->upper, &g->too_long, &integer);
    }
    g->num_end = j;
    g->unit_start = g->unit_end = g->cmp_start = g->cmp_end = j;
    if (!g->too_long && !named_by_prefix(t, i))
        j = read_after_number(t, g, j, floor);
    else
        g->role = KPI__ROLE_NAME;
    g->end = g->inner_end = g->role == KPI__ROLE_NAME ? g->num_end : j;
    if (g->role == KPI__ROLE_NAME)
        return;
    read_period(t, g, floor);
    read_approx_before(t, g, floor);
    read_brackets(t, g, floor);
    read_link(t, g);
    settle_bare(t, g);
}

/* 年度末(までに): a due month with no digits. */
static int read_year_end(const kpi__ptext *t, size_t i, size_t floor, kpi__pgroup *g)
{
    size_t len = kpi__pt_match(t->cp, i, t->n, "年度末");
    if (len == 0)
        return 0;
    memset(g, 0, sizeof *g);
    g->role = KPI__ROLE_MONTH;
    g->month = 3;
    g->value = 3;
    g->upper = NAN;
    g->integer = 1;
    g->start = g->num_start = i;
    g->num_end = i + len;
    g->end = i + len + kpi__pt_match_table(t->cp, i + len, t->n, month_ends, NULL);
    g->inner_end = g->end;
    g->unit_start = g->unit_end = g->cmp_start = g->cmp_end = g->num_end;
    read_brackets(t, g, floor);
    return 1;
}

/* 事故ゼロ, ゼロ件, ゼロを目指す: a count of 0, lower being better. Not
 * ゼロカーボン, where ゼロ begins a word. */
static int read_zero(const kpi__ptext *t, size_t i, size_t floor, kpi__pgroup *g)
{
    size_t j = i + kpi__pt_match(t->cp, i, t->n, "ゼロ");
    if (j == i)
        return 0;
    memset(g, 0, sizeof *g);
    g->role = KPI__ROLE_COUNT;
    g->upper = NAN;
    g->integer = 1;
    g->zero_word = 1;
    g->decrease = 1;
    g->start = g->num_start = i;
    g->num_end = g->unit_start = g->unit_end = g->cmp_start = g->cmp_end = j;
    j = read_count_tail(t, g, read_unit(t, g, j), floor);
    if (!kpi__phrase_word_end(t->cp, j, t->n) ||
        (j < t->n && kpi__pt_ascii_letter(t->cp[j])))
        return 0;
    g->end = g->inner_end = j;
    read_brackets(t, g, floor);
    return g->role == KPI__ROLE_COUNT;
}

static int starts_number(const kpi__ptext *t, size_t i)
{
    return kpi__pt_digit(t->cp[i]) && (i == 0 || !kpi__pt_digit(t->cp[i - 1]));
}

size_t kpi__pgroups_bound(const kpi__ptext *t)
{
    size_t count = 0;
    for (size_t i = 0; i < t->n; i++)
        if (starts_number(t, i) || t->cp[i] == 0x672B /* 末 */ ||
            t->cp[i] == 0x30BC /* ゼ */)
            count++;
    return count;
}

size_t kpi__pgroups_scan(const kpi__ptext *t, kpi__pgroup *groups, size_t cap)
{
    size_t count = 0, floor = 0, i = 0;
    while (i < t->n && count < cap) {
        kpi__pgroup *g = &groups[count];
        if (starts_number(t, i)) {
            read_group(t, i, floor, g);
        } else if (!read_year_end(t, i, floor, g) && !read_zero(t, i, floor, g)) {
            i++;
            continue;
        }
        count++;
        floor = g->end;
        i = g->end > i ? g->end : i + 1;
    }
    return count;
}
