/* Fuzz target: the renderers. The bytes build a plan through the public
 * API (goals nested past the maximum depth, targets of every kind, their
 * values, dates, units and texts, odd Unicode and long, measurements,
 * assessments, updates with statuses, directives, notes), evaluated as of a
 * random date with a random policy and rendered in every format, language
 * and text width, with every reason line. Calls may fail; nothing may
 * crash, leak or hang, and every report must be valid UTF-8. */
#include <kpi.h>

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_HANDLES 256
/* What one input may make (docs/reliability.md): goals, targets and
 * directives; calls on updates, measurements, assessments and notes. */
#define MAX_OBJECTS 256
#define MAX_RECORDS 1024
#define COUNT(array) (sizeof(array) / sizeof((array)[0]))

struct fuzz {
    const uint8_t *data;
    size_t size;
    size_t repeat_budget;    /* bytes of repeated dictionary text left */
    unsigned serial;         /* for unique codes */
    size_t objects, records; /* made so far, up to MAX_OBJECTS, MAX_RECORDS */
    kpi_plan *plan;
    kpi_goal *goals[MAX_HANDLES];
    kpi_target *targets[MAX_HANDLES];
    kpi_directive *directives[MAX_HANDLES];
    kpi_update *updates[MAX_HANDLES];
    kpi_measurement *measurements[MAX_HANDLES];
    kpi_assessment *assessments[MAX_HANDLES];
    size_t goals_count, targets_count, directives_count, updates_count,
        measurements_count, assessments_count;
    int32_t widths[4];                  /* of the text reports, two per language */
    char code[KPI_MAX_CODE + 64];       /* the last code made */
    char text[KPI_PROSE_MAX_BYTES + 8]; /* the last text made */
};

static unsigned take(struct fuzz *f)
{
    if (!f->size)
        return 0;
    f->size--;
    return *f->data++;
}

static unsigned take16(struct fuzz *f)
{
    unsigned high = take(f);
    return high << 8 | take(f);
}

/* Keeps a handle; when the list is full, one at random makes room. */
static void keep(void **list, size_t *count, void *handle, struct fuzz *f)
{
    if (handle)
        list[*count < MAX_HANDLES ? (*count)++ : take(f) % MAX_HANDLES] = handle;
}

#define KEEP(f, list, handle) keep((void **)(f)->list, &(f)->list##_count, (handle), (f))
/* A kept handle at random, or NULL (which every call must take) when none. */
#define SOME(f, list) ((f)->list##_count ? (f)->list[take(f) % (f)->list##_count] : NULL)

/* Words of the seed, markup of every format, and Unicode: a ZWJ sequence,
 * combining marks, right-to-left override, zero-width space, half- and
 * full-width forms, BOM, the widest ligature, a flag, a character outside
 * the BMP, line and paragraph separators, soft hyphen, a tag character. */
static const char *const words[] = {
    "検討中",
    "10月に開催予定",
    "物件登録件数30件以上",
    "上田城跡能を8月に開催。うえだ城下町映画祭は11月18、19日に開催予定。",
    "交付金事業の事業評価・検証を実施",
    "件",
    "%",
    "人",
    "アカウント",
    "a,b\n\"c\"\r\n",
    "<script>alert('&amp;')</script>",
    "| *md* `x` [a](b) # _y_ \\",
    "{\"json\": [1, null]}\\u0000",
    "\t",
    "\n\n",
    "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7",
    "e\xCC\x81\xCC\x81\xCC\x81",
    "\xE2\x80\xAE\x65vil",
    "\xE2\x80\x8B",
    "\xEF\xBD\xB6\xEF\xBE\x80\xEF\xBD\xB6\xEF\xBE\x85",
    "\xEF\xBC\x91\xEF\xBC\x92",
    "\xEF\xBB\xBF",
    "\xEF\xB7\xBD",
    "\xF0\x9F\x87\xAF\xF0\x9F\x87\xB5",
    "\xF0\xA0\xAE\xB7",
    "\xE2\x80\xA8",
    "\xC2\x85",
    "\xC2\xAD",
    "\xE3\x80\x80",
    "\xF3\xA0\x80\x81",
    "\x7F\x1B[31m",
    "ーーーーーーーーーーーー",
    "https://example.jp/a/very/long/path/without/any/space/to/break/at.html",
    "Supercalifragilisticexpialidocious",
    "%s%n%%",
    " "};

/* The characters of composed text, one picked by each byte: markup, line
 * breaks, Japanese, and the odd Unicode of the words above. */
static const char alphabet[] =
    "aZ09 .,\"<>&|*_\\\n\t-#[]'\rあ漢字件。、・①（）：月日年ー"
    "\xE2\x80\x8B\xCC\x81\xF0\x9F\x98\x80\xEF\xBD\xB1\xEF\xBC\x95\xE3"
    "\x80\x80\xE2\x80\xAE\xC2\xA0\xF0\xA0\xAE\xB7\xE2\x80\xA8";

/* Appends the alphabet's character number @p pick (modulo their count). */
static size_t append_letter(char *to, unsigned pick)
{
    static size_t starts[sizeof alphabet], count;
    if (!count)
        for (size_t i = 0; i + 1 < sizeof alphabet; i++)
            if (((unsigned char)alphabet[i] & 0xC0) != 0x80)
                starts[count++] = i;
    size_t k = pick % count;
    size_t end = k + 1 < count ? starts[k + 1] : sizeof alphabet - 1;
    memcpy(to, alphabet + starts[k], end - starts[k]);
    return end - starts[k];
}

/* The next text: NULL, "", a word, bytes of the input as they are (often
 * invalid UTF-8), input bytes each made a character, or a word repeated
 * (KPI_PROSE_MAX_BYTES of them per input): at most KPI_PROSE_MAX_BYTES, the
 * longest progress text there is, so that a plan stays near its input's size
 * and a slow input is slow because of the library. */
static const char *text(struct fuzz *f)
{
    unsigned mode = take(f) % 8;
    size_t length = 0, n = mode % 2 ? take16(f) : take(f) % 32;
    const size_t most = KPI_PROSE_MAX_BYTES;
    switch (mode) {
    case 0:
        return NULL;
    case 1:
        return "";
    case 2:
        return words[take(f) % COUNT(words)];
    case 3:
    case 4: /* raw bytes */
        for (size_t i = 0; i < n && f->size && length < most; i++) {
            char c = (char)take(f);
            f->text[length++] = c ? c : ' ';
        }
        break;
    case 5:
    case 6: /* composed characters */
        for (size_t i = 0; i < n && f->size && length + 4 <= most; i++)
            length += append_letter(f->text + length, take(f));
        break;
    default: { /* long: a word repeated, within the budget */
        const char *word = words[take(f) % COUNT(words)];
        size_t size = strlen(word);
        while (n-- && size && size <= f->repeat_budget && length + size <= most) {
            memcpy(f->text + length, word, size);
            length += size;
            f->repeat_budget -= size;
        }
        break;
    }
    }
    f->text[length] = '\0';
    return f->text;
}

/* A code: new and unique, one that may already be taken, one at or over
 * KPI_MAX_CODE bytes, or the start of any text. */
static const char *code(struct fuzz *f)
{
    static const char *const taken[] = {"1", "1-1", "1-1-a", "2", "３-２-ａ", "a,b"};
    const char *from = NULL;
    size_t size = 0;
    switch (take(f) % 6) {
    case 0:
    case 1:
    case 2: {
        unsigned n = f->serial++;
        f->code[size++] = 'c';
        do
            f->code[size++] = (char)('0' + n % 10);
        while ((n /= 10) != 0);
        break;
    }
    case 3:
        return taken[take(f) % COUNT(taken)];
    case 4: /* 255, 256 or 257 bytes */
        size = KPI_MAX_CODE - 1 + take(f) % 3;
        memset(f->code, 'x', size);
        f->code[0] = (char)('a' + f->serial++ % 26);
        break;
    default:
        if (!(from = text(f)))
            return NULL;
        while (from[size] && size < sizeof(f->code) - 1) {
            f->code[size] = from[size];
            size++;
        }
        break;
    }
    f->code[size] = '\0';
    return f->code;
}

static double number(struct fuzz *f)
{
    static const double values[] = {
        0,        1,   -1,       0.5,  30,   100,   1e300,         -1e300,   1e-300,
        4.9e-324, NAN, INFINITY, -0.0, 1e15, 12.34, 123456789.125, -INFINITY};
    if (take(f) % 4)
        return values[take(f) % COUNT(values)];
    uint64_t bits = 0;
    for (int i = 0; i < 8; i++)
        bits = bits << 8 | take(f);
    double value;
    memcpy(&value, &bits, sizeof value);
    return value;
}

/* A date: one of the seed's year, its edges, invalid ones, or made of
 * bytes (a month or day out of range now and then). */
static int32_t date(struct fuzz *f)
{
    static const int32_t dates[] = {0,        20170401,  20170930,  20180331, 20170831,
                                    20170229, 20160229,  19000101,  99991231, 10101,
                                    -1,       INT32_MAX, INT32_MIN, 20171301, 20170432};
    if (take(f) % 2)
        return dates[take(f) % COUNT(dates)];
    int32_t year = 2010 + (int32_t)(take(f) % 16);
    int32_t month = (int32_t)(take(f) % 14), day = (int32_t)(take(f) % 33);
    return year * 10000 + month * 100 + day;
}

/* A value of an enum: mostly valid, sometimes one past either end. */
static int choice(struct fuzz *f, int count)
{
    return (int)(take(f) % (unsigned)(count + 2)) - 1;
}

/* Goals nested from a random one (or the top) until the depth limit and
 * past it. */
static void add_goals(struct fuzz *f)
{
    kpi_goal *parent = take(f) % 4 ? SOME(f, goals) : NULL;
    unsigned n = 1 + take(f) % (KPI_MAX_DEPTH + 4);
    for (unsigned i = 0; i < n && f->objects++ < MAX_OBJECTS; i++) {
        const char *c = code(f);
        kpi_goal *goal = parent ? kpi_goal_add_goal(parent, c, text(f))
                                : kpi_plan_add_goal(f->plan, c, text(f));
        KEEP(f, goals, goal);
        if (!goal)
            break;
        parent = goal;
    }
}

static void target_call(struct fuzz *f)
{
    static int (*const set_number[])(kpi_target *, double) = {
        kpi_target_set_value, kpi_target_set_start_value, kpi_target_set_reference,
        kpi_target_set_change_pct, kpi_target_set_weight};
    static int (*const set_date[])(kpi_target *, int32_t) = {kpi_target_set_start,
                                                             kpi_target_set_due};
    static int (*const set_text[])(kpi_target *, const char *) = {
        kpi_target_set_unit, kpi_target_set_text, kpi_target_set_label,
        kpi_target_set_code};
    kpi_target *target = SOME(f, targets);
    switch (take(f) % 12) {
    case 0:
        kpi_target_set_kind(target, (kpi_kind)choice(f, 3));
        kpi_target_set_direction(target, (kpi_direction)choice(f, 2));
        break;
    case 1:
        kpi_target_set_schedule(target, (kpi_schedule)choice(f, 4));
        kpi_target_set_accumulate(target, (kpi_accumulate)choice(f, 2));
        break;
    case 2:
        kpi_target_set_inferred(target, take16(f) & 0x3ff);
        break;
    case 3:
    case 4:
    case 5:
        set_number[take(f) % COUNT(set_number)](target, number(f));
        break;
    case 6:
    case 7:
        set_date[take(f) % COUNT(set_date)](target, date(f));
        break;
    case 8:
        kpi_target_set_code(target, code(f));
        break;
    default:
        set_text[take(f) % COUNT(set_text)](target, text(f));
        break;
    }
}

/* Updates, statuses and directives (kpi/progress.h). */
static void progress_call(struct fuzz *f)
{
    kpi_update *update = NULL;
    switch (take(f) % 9) {
    case 0:
        update = kpi_target_add_update(SOME(f, targets), date(f), text(f));
        break;
    case 1:
        update = kpi_goal_add_update(SOME(f, goals), date(f), text(f));
        break;
    case 2:
        update = kpi_directive_add_update(SOME(f, directives), date(f), text(f));
        break;
    case 3:
        kpi_update_set_status(SOME(f, updates), (kpi_status)choice(f, 8), date(f));
        break;
    case 4:
        kpi_update_set_text(SOME(f, updates), text(f));
        kpi_update_set_author(SOME(f, updates), text(f));
        break;
    case 5:
        kpi_update_set_date(SOME(f, updates), date(f));
        break;
    case 6: {
        if (f->objects++ >= MAX_OBJECTS)
            break;
        const char *c = code(f);
        KEEP(f, directives, kpi_plan_add_directive(f->plan, c, text(f)));
        break;
    }
    case 7:
        kpi_directive_add_goal(SOME(f, directives), SOME(f, goals));
        break;
    default:
        kpi_directive_set_issuer(SOME(f, directives), text(f));
        kpi_directive_set_date(SOME(f, directives), date(f));
        break;
    }
    KEEP(f, updates, update);
}

static void record_call(struct fuzz *f)
{
    switch (take(f) % 9) {
    case 0:
    case 1: {
        kpi_target *target = SOME(f, targets);
        int32_t when = date(f);
        double value = number(f);
        KEEP(f, measurements, kpi_target_add_measurement(target, when, value, text(f)));
        break;
    }
    case 2:
        kpi_measurement_set_author(SOME(f, measurements), text(f));
        kpi_measurement_set_value(SOME(f, measurements), number(f));
        break;
    case 3: {
        kpi_target *target = SOME(f, targets);
        int32_t when = date(f);
        kpi_rating rating = (kpi_rating)choice(f, 5);
        KEEP(f, assessments, kpi_target_add_assessment(target, when, rating, text(f)));
        break;
    }
    case 4: {
        kpi_goal *goal = SOME(f, goals);
        int32_t when = date(f);
        kpi_rating rating = (kpi_rating)choice(f, 5);
        KEEP(f, assessments, kpi_goal_add_assessment(goal, when, rating, text(f)));
        break;
    }
    case 5:
        kpi_assessment_set_author(SOME(f, assessments), text(f));
        kpi_assessment_set_rating(SOME(f, assessments), (kpi_rating)choice(f, 5));
        break;
    case 6:
        kpi_goal_set_weight(SOME(f, goals), number(f));
        kpi_goal_set_title(SOME(f, goals), text(f));
        break;
    case 7: {
        const char *c = take(f) % 2 ? "n" : NULL;
        if (take(f) % 2)
            kpi_goal_add_note(SOME(f, goals), c, text(f));
        else
            kpi_plan_add_note(f->plan, c, text(f));
        break;
    }
    default:
        kpi_measurement_set_date(SOME(f, measurements), date(f));
        kpi_assessment_set_date(SOME(f, assessments), date(f));
        break;
    }
}

static void plan_call(struct fuzz *f)
{
    static int (*const set_text[])(kpi_plan *, const char *) = {
        kpi_plan_set_title, kpi_plan_set_organization, kpi_plan_set_department};
    int32_t start = 0;
    switch (take(f) % 6) {
    case 0:
        start = date(f);
        kpi_plan_set_period(f->plan, start, date(f));
        break;
    case 1:
        kpi_plan_set_fiscal_year(f->plan, take(f) % 2 ? 2017 : (int32_t)take16(f) - 100);
        break;
    case 2:
        kpi_plan_set_report_date(f->plan, date(f));
        break;
    default:
        set_text[take(f) % COUNT(set_text)](f->plan, text(f));
        break;
    }
}

static void one_call(struct fuzz *f)
{
    unsigned op = take(f) % 12;
    switch (op) {
    case 0:
        add_goals(f);
        break;
    case 1:
    case 2: {
        if (f->objects++ >= MAX_OBJECTS)
            break;
        kpi_goal *goal = SOME(f, goals);
        const char *c = code(f);
        KEEP(f, targets, kpi_goal_add_target(goal, c, text(f)));
        break;
    }
    case 3:
    case 4:
    case 5:
        target_call(f);
        break;
    case 6:
    case 7:
    case 8:
    case 9:
        if (f->records++ < MAX_RECORDS) {
            if (op < 8)
                progress_call(f);
            else
                record_call(f);
        }
        break;
    default:
        plan_call(f);
        break;
    }
}

static kpi_policy *make_policy(struct fuzz *f)
{
    kpi_policy *policy = NULL;
    if (take(f) % 4 == 0 || kpi_policy_new(&policy) != KPI_OK)
        return NULL;
    if (take(f) % 2) {
        double ahead = number(f);
        kpi_policy_set_thresholds(policy, ahead, number(f));
    }
    kpi_policy_set_rollup(policy, (kpi_rollup)choice(f, 3));
    kpi_policy_set_use_assessments(policy, (int)(take(f) % 3) - 1);
    static const int32_t days[] = {0, 1, 30, 90, 36500, 36501, -1};
    kpi_policy_set_directive_days(policy, days[take(f) % COUNT(days)]);
    return policy;
}

/* Valid UTF-8 (shortest forms, no surrogates), no NUL before @p size. */
static int is_utf8(const char *text, size_t size)
{
    static const unsigned least[] = {0, 0x80, 0x800, 0x10000};
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    while (i < size) {
        unsigned c = s[i], cp = c;
        size_t n = 0;
        if (c == 0 || (c >= 0x80 && c < 0xC2) || c >= 0xF5)
            return 0;
        if (c >= 0xF0)
            n = 3, cp = c & 0x07;
        else if (c >= 0xE0)
            n = 2, cp = c & 0x0F;
        else if (c >= 0xC2)
            n = 1, cp = c & 0x1F;
        if (size - i <= n)
            return 0;
        for (size_t k = 1; k <= n; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return 0;
            cp = cp << 6 | (s[i + k] & 0x3F);
        }
        if (cp < least[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        i += n + 1;
    }
    return 1;
}

static void check_report(int rc, char *out, size_t size)
{
    if (rc != KPI_OK || !out || strlen(out) != size || !is_utf8(out, size))
        abort();
    kpi_free(out);
}

static void check_reasons(const kpi_result *result)
{
    for (int lang = KPI_LANG_JA; lang <= KPI_LANG_EN; lang++) {
        const char *reason = kpi_result_reason(result, (kpi_lang)lang);
        if (!reason || !is_utf8(reason, strlen(reason)))
            abort();
    }
    if (kpi_result_reason(result, (kpi_lang)2) || kpi_error_code() != KPI_ERR_VALUE)
        abort();
}

static void render_all(const struct fuzz *f, const kpi_evaluation *ev)
{
    char *out = NULL;
    size_t size = 0;
    for (int lang = KPI_LANG_JA; lang <= KPI_LANG_EN; lang++) {
        for (int format = KPI_FORMAT_TEXT; format <= KPI_FORMAT_HTML; format++) {
            int rc = kpi_evaluation_render(&out, &size, ev, (kpi_format)format,
                                           (kpi_lang)lang);
            check_report(rc, out, size);
        }
        for (int i = 0; i < 2; i++) {
            int32_t width = f->widths[2 * lang + i];
            int rc = kpi_evaluation_render_text(&out, &size, ev, (kpi_lang)lang, width);
            check_report(rc, out, size);
        }
    }
    /* The workbook, for one input in eight (it is made in a temporary file,
     * a hundred times slower than the rest): binary, so only its zip
     * signature is checked; no text may make it fail but one past a
     * cell's limit, refused. */
    if (f->size && f->data[f->size - 1] % 8 == 0) {
        int rc = kpi_evaluation_render(&out, &size, ev, KPI_FORMAT_XLSX, KPI_LANG_JA);
        if (rc == KPI_OK ? size < 4 || memcmp(out, "PK\3\4", 4) != 0
                         : rc != KPI_ERR_LIMIT)
            abort();
        kpi_free(out);
    }
    /* Refused: a width below 40, an unknown format. */
    if (kpi_evaluation_render_text(&out, NULL, ev, KPI_LANG_EN, 39) != KPI_ERR_VALUE ||
        kpi_evaluation_render(&out, NULL, ev, (kpi_format)(KPI_FORMAT_XLSX + 1),
                              KPI_LANG_EN) != KPI_ERR_VALUE)
        abort();
    for (size_t i = 0; i < kpi_evaluation_result_count(ev); i++)
        check_reasons(kpi_evaluation_result_at(ev, i));
    for (size_t i = 0; i < kpi_evaluation_directive_count(ev); i++)
        check_reasons(kpi_evaluation_directive_at(ev, i));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct fuzz fuzz; /* large: kept out of the stack */
    struct fuzz *f = &fuzz;
    memset(f, 0, offsetof(struct fuzz, text));
    f->data = data;
    f->size = size;
    f->repeat_budget = KPI_PROSE_MAX_BYTES;
    if (kpi_plan_new(&f->plan, "fuzz") != KPI_OK)
        return 0;
    kpi_plan_set_fiscal_year(f->plan, 2017);
    /* The first bytes choose the widths of the text reports (the default,
     * the allowed range and past its top), the date and the policy; the
     * rest builds the plan. */
    for (size_t i = 0; i < COUNT(f->widths); i++) {
        unsigned pick = take(f);
        f->widths[i] = pick % 8 == 0   ? 0
                       : pick % 8 == 1 ? INT32_MAX
                                       : 40 + (int32_t)(pick / 8 * 5 % 161);
    }
    int32_t as_of = take(f) % 4 ? date(f) : 0;
    kpi_policy *policy = make_policy(f);
    while (f->size)
        one_call(f);

    kpi_evaluation *ev = NULL;
    int rc = kpi_evaluate(&ev, f->plan, as_of, policy);
    if (rc != KPI_OK) {
        /* Only for a date that is no date, or none at all. */
        if (rc != KPI_ERR_DATE || ev || (as_of && kpi_date_is_valid(as_of)) ||
            (!as_of && kpi_plan_report_date(f->plan)))
            abort();
    } else {
        render_all(f, ev);
        kpi_problems *problems = NULL;
        if (kpi_validate(&problems, f->plan, kpi_evaluation_as_of(ev), policy) != KPI_OK)
            abort();
        kpi_problems_free(problems);
        kpi_evaluation_free(ev);
    }
    kpi_policy_free(policy);
    kpi_plan_free(f->plan);
    return 0;
}
