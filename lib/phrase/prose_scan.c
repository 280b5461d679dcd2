/* What the number groups of a progress text are (phrase_lex.c reads them):
 * the dates it names (8月, 11月18、19日, 年度末, H29.9, 平成29年9月, 7/17,
 * 年度内, 来年度に) and its figures, with the words around them that say
 * more (延べ, 合計, 約, を含む). Never a figure: a date, a year (2019・20年),
 * a time of day (10:00), an edition (10回記念) or a name (第2次, 3市長), a
 * rate (毎月1回, 年4回). One pass over the groups each. */
#include "phrase/prose.h"
#include "kpi/error.h"
#include "util/alloc.h"
#include "util/date.h"

#include <string.h>

/* ---- Dates ------------------------------------------------------------------ */

/* Whether a group's number is a whole number in [low, high] (a number too
 * long to read is NaN, and in no range). */
static int whole_in(const kpi__pgroup *g, double low, double high)
{
    return g->integer && !g->too_long && g->value >= low && g->value <= high;
}

/* The era a letter or a word names before a year: H29, 平成29年; *len
 * receives its length. */
static int32_t era_base(const uint32_t *cp, size_t floor, size_t at, size_t *len)
{
    static const char *const eras[] = {"平成", "令和", "昭和", NULL};
    static const int32_t bases[] = {1988, 2018, 1925};
    size_t which = 0;
    *len = kpi__pt_match_end_table(cp, floor, at, eras, &which);
    if (*len)
        return bases[which];
    if (at == floor || (at - 1 > floor && kpi__pt_ascii_letter(cp[at - 2])))
        return 0;
    *len = 1;
    switch (cp[at - 1]) {
    case 'H':
    case 'h':
        return 1988;
    case 'R':
    case 'r':
        return 2018;
    case 'S':
    case 's':
        return 1925;
    default:
        *len = 0;
        return 0;
    }
}

/* A year written without its era (29年9月): the era that puts it nearest
 * the fiscal year, 平成 when that is unknown. */
static int32_t guess_era(int32_t fiscal_year, int32_t year)
{
    int32_t heisei = 1988 + year, reiwa = 2018 + year;
    if (fiscal_year == 0)
        return heisei;
    int32_t dh = heisei > fiscal_year ? heisei - fiscal_year : fiscal_year - heisei;
    int32_t dr = reiwa > fiscal_year ? reiwa - fiscal_year : fiscal_year - reiwa;
    return dr < dh ? reiwa : heisei;
}

/* 平成29年9月, 2017年9月, H29年9月: a year written before the month group
 * k. Extends d back over it. floor: where the previous date ended. */
static void read_year_before(const kpi__pscan *s, size_t k, size_t floor, kpi__pdate *d)
{
    const uint32_t *cp = s->t->cp;
    const kpi__pgroup *g = &s->groups[k];
    if (k == 0 || g->num_start < 1 || cp[g->num_start - 1] != 0x5E74 /* 年 */)
        return;
    const kpi__pgroup *y = &s->groups[k - 1];
    if (y->role != KPI__ROLE_NAME || y->num_end + 1 != g->num_start ||
        y->num_start < floor || !whole_in(y, 1, 9999))
        return;
    int32_t value = (int32_t)y->value;
    size_t len = 0;
    int32_t base = era_base(cp, floor, y->num_start, &len);
    size_t start = y->num_start - len;
    if (base) {
        d->year = base + value;
    } else if (value >= 1000) {
        d->year = value;
    } else if (value <= 99) {
        d->year = guess_era(s->fiscal_year, value);
        d->era_guess = 1;
    } else {
        return;
    }
    d->start = start;
}

/* 上旬 and 中旬 after 8月: the 10th and the 20th; 下旬 and 末 the end. */
static int32_t part_of_month(const uint32_t *cp, size_t n, const kpi__pgroup *g)
{
    size_t at = g->num_end;
    if (at >= n || cp[at] != 0x6708 /* 月 */)
        return 0;
    if (kpi__pt_match(cp, at + 1, n, "上旬"))
        return 10;
    if (kpi__pt_match(cp, at + 1, n, "中旬"))
        return 20;
    return 0;
}

/* The integer written in cp[b..e), or -1 when it is none or too large. */
static int32_t digits_value(const uint32_t *cp, size_t b, size_t e)
{
    int32_t v = 0;
    if (b >= e || e - b > 4)
        return -1;
    for (size_t i = b; i < e; i++) {
        if (!kpi__pt_digit(cp[i]))
            return -1;
        v = v * 10 + (int32_t)(cp[i] - '0');
    }
    return v;
}

/* H28.9, H29.9.30 (the lexer reads 28.9 as one number named by H). Returns
 * the groups used. */
static size_t read_era_date(const kpi__pscan *s, size_t k, size_t floor, kpi__pdate *d)
{
    const uint32_t *cp = s->t->cp;
    const kpi__pgroup *g = &s->groups[k];
    size_t len = 0;
    int32_t base = era_base(cp, floor, g->num_start, &len);
    if (g->role != KPI__ROLE_NAME || g->integer || base == 0)
        return 0;
    size_t dot = g->num_start;
    while (dot < g->num_end && cp[dot] != '.')
        dot++;
    int32_t year = digits_value(cp, g->num_start, dot);
    int32_t month = digits_value(cp, dot + 1, g->num_end);
    if (year < 1 || month < 1 || month > 12)
        return 0;
    memset(d, 0, sizeof *d);
    d->start = g->num_start - len;
    d->end = g->num_end;
    d->year = base + year;
    d->month = month;
    const kpi__pgroup *next = k + 1 < s->group_count ? &s->groups[k + 1] : NULL;
    if (next && next->role == KPI__ROLE_NAME && next->num_start == g->num_end + 1 &&
        cp[g->num_end] == '.' && whole_in(next, 1, 31)) {
        d->day = (int32_t)next->value;
        d->end = next->num_end;
        return 2;
    }
    return 1;
}

/* 7/17 and 2017/9/30, which the lexer leaves as names. */
static size_t read_slash_date(const kpi__pscan *s, size_t k, kpi__pdate *d)
{
    const uint32_t *cp = s->t->cp;
    size_t n = s->t->n, used = 1;
    const kpi__pgroup *g = &s->groups[k];
    int32_t year = 0;
    if (g->role != KPI__ROLE_NAME || !g->integer ||
        (g->num_start > 0 &&
         (cp[g->num_start - 1] == '/' || cp[g->num_start - 1] == '.')))
        return 0;
    if (whole_in(g, 1000, 9999) && k + 1 < s->group_count && g->num_end < n &&
        cp[g->num_end] == '/') {
        year = (int32_t)g->value;
        g = &s->groups[++k];
        used++;
    }
    const kpi__pgroup *m = g, *day = k + 1 < s->group_count ? &s->groups[k + 1] : NULL;
    if (!day || m->role != KPI__ROLE_NAME || day->role != KPI__ROLE_NAME || !m->integer ||
        !day->integer || m->num_end >= n || cp[m->num_end] != '/' ||
        day->num_start != m->num_end + 1 || !whole_in(m, 1, 12) ||
        !whole_in(day, 1, 31) ||
        (day->num_end < n && (cp[day->num_end] == '/' || cp[day->num_end] == '.')))
        return 0;
    memset(d, 0, sizeof *d);
    d->start = s->groups[k + 1 - used].num_start;
    d->end = day->num_end;
    d->year = year;
    d->month = (int32_t)m->value;
    d->day = (int32_t)day->value;
    return used + 1;
}

static int weekday(uint32_t c)
{
    static const uint32_t days[] = {0x6708, 0x706B, 0x6C34, 0x6728,
                                    0x91D1, 0x571F, 0x65E5};
    for (size_t k = 0; k < sizeof days / sizeof days[0]; k++)
        if (c == days[k])
            return 1;
    return 0;
}

/* 18日に, 18日(土): a day of a month not named, which gives no date but is
 * a date, not a count of days. */
static int read_day(const kpi__pscan *s, const kpi__pgroup *g, kpi__pdate *d)
{
    static const char *const day_ends[] = {"に", "まで", "から", "頃", "ごろ", NULL};
    const uint32_t *cp = s->t->cp;
    size_t at = g->unit_end, n = s->t->n;
    if (g->role != KPI__ROLE_COUNT || !whole_in(g, 1, 31) ||
        g->unit_end != g->unit_start + 1 || cp[g->unit_start] != 0x65E5 /* 日 */ ||
        !(kpi__pt_match_table(cp, at, n, day_ends, NULL) ||
          (at + 1 < n && cp[at] == '(' && weekday(cp[at + 1]))))
        return 0;
    memset(d, 0, sizeof *d);
    d->start = g->start;
    d->end = g->end;
    d->day = (int32_t)g->value;
    return 1;
}

/* (土) after a day, and then に, まで or から: part of the date. */
static size_t read_weekday(const kpi__pscan *s, size_t at)
{
    static const char *const ends[] = {"までに", "まで", "から", "に", NULL};
    const uint32_t *cp = s->t->cp;
    size_t n = s->t->n;
    if (at + 2 < n && cp[at] == '(' && weekday(cp[at + 1]) && cp[at + 2] == ')')
        at += 3;
    return at + kpi__pt_match_table(cp, at, n, ends, NULL);
}

/* A date made of groups starting with group k: how many groups it uses. */
static size_t date_from_groups(const kpi__pscan *s, size_t k, size_t floor, kpi__pdate *d)
{
    const kpi__pgroup *g = &s->groups[k];
    if (read_day(s, g, d)) {
        d->end = read_weekday(s, g->unit_end);
        return 1;
    }
    if (g->role == KPI__ROLE_MONTH) {
        memset(d, 0, sizeof *d);
        d->start = g->start;
        d->end = g->end;
        d->month = g->month;
        d->day = g->day ? g->day : part_of_month(s->t->cp, s->t->n, g);
        if (g->day)
            d->end = read_weekday(s, d->end);
        read_year_before(s, k, floor, d);
        return 1;
    }
    size_t used = read_era_date(s, k, floor, d);
    return used ? used : read_slash_date(s, k, d);
}

/* 年度内, 今年度中: the end of the fiscal year; 年内 December; 来年度に:
 * the end of the next fiscal year (a guess at the month). */
static int word_date(const kpi__pscan *s, size_t i, size_t limit, kpi__pdate *d)
{
    static const char *const this_year[] = {
        "今年度中", "今年度内", "本年度中", "本年度内", "年度内", "年度中", "年内", NULL};
    static const char *const next_year[] = {"来年度", "次年度", "翌年度", NULL};
    static const char *const next_ends[] = {"に", "中", "内", "末", "から", "以降", NULL};
    const uint32_t *cp = s->t->cp;
    size_t which = 0, len = kpi__pt_match_table(cp, i, limit, this_year, &which);
    memset(d, 0, sizeof *d);
    if (len) {
        d->month = which == 6 ? 12 : 3;
    } else {
        len = kpi__pt_match_table(cp, i, limit, next_year, NULL);
        if (!len || !kpi__pt_match_table(cp, i + len, limit, next_ends, NULL))
            return 0;
        d->next_year = 1;
        d->month = 3;
    }
    d->start = i;
    d->end = i + len;
    return 1;
}

int kpi__prose_scan_dates(kpi__pscan *s)
{
    size_t n = s->t->n, k = 0, i = 0, floor = 0;
    s->dates = kpi__calloc(s->group_count + n / 2 + 1, sizeof *s->dates);
    if (!s->dates)
        return KPI_ERR_NOMEM;
    while (i < n) {
        kpi__pdate d;
        if (k < s->group_count && s->groups[k].start <= i) {
            size_t used = date_from_groups(s, k, floor, &d);
            size_t end = s->groups[k].end;
            if (used) {
                s->dates[s->date_count++] = d;
                k += used;
                end = d.end;
                floor = d.end;
            } else {
                k++;
            }
            i = end > i ? end : i + 1;
            continue;
        }
        size_t limit = k < s->group_count ? s->groups[k].start : n;
        if (word_date(s, i, limit, &d)) {
            s->dates[s->date_count++] = d;
            floor = i = d.end;
            continue;
        }
        i++;
    }
    for (size_t j = 0; j < s->date_count; j++)
        for (size_t c = s->dates[j].start; c < s->dates[j].end; c++)
            s->di[c] = (uint32_t)j;
    return KPI_OK;
}

int32_t kpi__prose_date_value(const kpi__pscan *s, const kpi__pdate *d, int *bad_day)
{
    int32_t fy = s->fiscal_year, year = d->year;
    *bad_day = 0;
    if (d->next_year)
        return fy > 0 && fy + 2 <= 9999 ? (fy + 2) * 10000 + 331 : 0;
    if (year == 0 && fy > 0)
        year = d->month >= 4 ? fy : fy + 1;
    if (year < 1 || year > 9999 || d->month < 1 || d->month > 12)
        return 0;
    int32_t last = kpi__date_days_in_month(year, d->month), day = d->day;
    if (day > last)
        *bad_day = 1;
    if (day == 0 || day > last)
        day = last;
    return year * 10000 + d->month * 100 + day;
}

/* ---- Figures ----------------------------------------------------------------- */

/* What is never a figure though the lexer reads a count: a time of day
 * (10:00), a year in a list (2019・20年). */
static int not_a_figure(const kpi__ptext *t, const kpi__pgroup *g)
{
    const uint32_t *cp = t->cp;
    size_t n = t->n;
    if ((g->num_start >= 2 && cp[g->num_start - 1] == ':' &&
         kpi__pt_digit(cp[g->num_start - 2])) ||
        (g->num_end + 1 < n && cp[g->num_end] == ':' &&
         kpi__pt_digit(cp[g->num_end + 1])))
        return 1;
    if (g->bare && g->integer && g->num_end + 1 < n &&
        (cp[g->num_end] == 0x30FB || cp[g->num_end] == 0x3001 || cp[g->num_end] == '~' ||
         cp[g->num_end] == '-')) {
        size_t k = g->num_end + 1;
        while (k < n && kpi__pt_digit(cp[k]))
            k++;
        if (k > g->num_end + 1 && k < n && cp[k] == 0x5E74 /* 年 */)
            return 1;
    }
    return 0;
}

/* 延べ, 合計 before the count (1-character words only standing alone). */
static void read_flag_words(const kpi__ptext *t, kpi__pgfig *f, size_t floor)
{
    const uint32_t *cp = t->cp;
    size_t at = f->text_start;
    while (at > floor && cp[at - 1] == ' ')
        at--;
    size_t len = kpi__pt_match_end_table(cp, floor, at, kpi__prose_cumulative, NULL);
    uint32_t flag = KPI_PROSE_CUMULATIVE;
    if (!len) {
        len = kpi__pt_match_end_table(cp, floor, at, kpi__prose_totals, NULL);
        flag = KPI_PROSE_TOTAL;
    }
    if (!len || (len == 1 && at - 1 > floor && kpi__pt_wordchar(cp[at - 2])))
        return;
    f->flags |= flag;
    f->text_start = at - len;
}

/* 3地域(公民館)での, 8回の: the noun after the count is what it counts. */
static void read_link(const kpi__ptext *t, const kpi__pgroup *g, kpi__pgfig *f)
{
    const uint32_t *cp = t->cp;
    size_t n = t->n, at = g->end;
    f->link_end = 0;
    if (g->linked) {
        f->link_end = g->end;
        return;
    }
    size_t after = g->unit_end > g->cmp_end ? g->unit_end : g->cmp_end;
    if (g->has_verb && !g->bracketed && after < n && cp[after] == 0x306E /* の */) {
        f->link_end = after + 1; /* 31名の登録: what is counted, not an act */
        return;
    }
    if (g->unit_end == g->unit_start || g->has_verb || g->bracketed)
        return;
    if (at < n && cp[at] == '(') {
        size_t k = at + 1;
        while (k < n && k - at < 16 && cp[k] != ')' && cp[k] != '(' &&
               !kpi__pt_digit(cp[k]))
            k++;
        if (k >= n || cp[k] != ')')
            return;
        at = k + 1;
    }
    /* での always names a place's event (3地域でのふれあいコンサート); の only
     * before a word (not 3回のうち, 3回のみ). */
    size_t len = kpi__pt_match(cp, at, n, "での");
    int kana = len > 0;
    if (!len)
        len = kpi__pt_match(cp, at, n, "の");
    if (len && at + len < n &&
        (kpi__pt_wordchar(cp[at + len]) || cp[at + len] == 0x300C ||
         (kana && kpi__pt_hiragana(cp[at + len]))))
        f->link_end = at + len;
}

static void read_figure(const kpi__pscan *s, const kpi__pgroup *g, kpi__pgfig *f,
                        size_t floor)
{
    static const char *const includes[] = {"を含む", "を含め", "を含んだ", NULL};
    const kpi__ptext *t = s->t;
    f->figure = 1;
    f->text_start = g->start;
    f->text_end = g->num_end > g->cmp_end ? g->num_end : g->cmp_end;
    if (!g->unit_in_label && g->unit_end > f->text_end)
        f->text_end = g->unit_end;
    read_flag_words(t, f, floor);
    if (g->approx)
        f->flags |= KPI_PROSE_APPROXIMATE;
    if (g->role != KPI__ROLE_COUNT)
        f->flags |= KPI_PROSE_CHANGE;
    read_link(t, g, f);
    f->span_start = f->text_start;
    f->span_end = f->link_end > g->end ? f->link_end : g->end;
    size_t len = kpi__pt_match_table(t->cp, f->span_end, t->n, includes, NULL);
    if (len) {
        /* 新規4名を含む: the part with its word goes with the figure. */
        f->flags |= KPI_PROSE_PART;
        f->span_end += len;
        while (f->span_start > floor && kpi__pt_wordchar(t->cp[f->span_start - 1]))
            f->span_start--;
    }
}

void kpi__prose_scan_figures(kpi__pscan *s)
{
    size_t floor = 0;
    for (size_t k = 0; k < s->group_count; k++) {
        const kpi__pgroup *g = &s->groups[k];
        kpi__pgfig *f = &s->gfig[k];
        memset(f, 0, sizeof *f);
        f->span_start = g->start;
        f->span_end = g->end;
        int counted =
            kpi__pgroup_is_target(g) && !g->too_long && s->di[g->num_start] == KPI__NO;
        if (counted && g->period == KPI__PERIOD_FREQUENCY)
            f->frequency = 1;
        else if (counted && !not_a_figure(s->t, g))
            read_figure(s, g, f, floor);
        floor = g->end;
    }
    /* The map of what subjects and labels leave out: a figure with its
     * words, or the group alone. */
    for (size_t k = 0; k < s->group_count; k++) {
        size_t e = s->gfig[k].span_end;
        if (k + 1 < s->group_count && e > s->gfig[k + 1].span_start)
            e = s->gfig[k + 1].span_start;
        for (size_t c = s->gfig[k].span_start; c < e; c++)
            if (s->gi[c] == KPI__NO)
                s->gi[c] = (uint32_t)k;
    }
}
