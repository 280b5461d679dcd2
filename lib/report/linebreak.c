/* Breaking Japanese and English text into lines of a given width in
 * terminal cells: at blanks near the end of a line, never inside an ASCII
 * word, never before closing punctuation or after an opening bracket
 * (禁則処理), and without leaving a single wide character alone. */
#include "report/linebreak.h"
#include "report/width.h"
#include "util/utf8.h"

#include <string.h>

int kpi__line_is_blank(char c)
{
    return c == ' ';
}

static int is_ascii_word(char c)
{
    return c > ' ' && c < 0x7F;
}

/* The start of the last visible character that begins before pos (zero
 * width marks belong to the character before them); 0 when none. Read
 * backwards: from the line's start, every break would cost the whole
 * line again. */
static size_t previous_start(const char *s, size_t pos)
{
    while (pos > 0) {
        uint32_t cp;
        pos = kpi__utf8_prev(s, pos, &cp);
        if (kpi__width_of(cp) > 0)
            return pos;
    }
    return 0;
}

/* Moves a break that falls inside an ASCII word ("30" of 物件登録件数30件)
 * back to the word's start, unless the word fills the whole line. */
static size_t word_break(const char *s, size_t cut)
{
    if (!is_ascii_word(s[cut]) || !is_ascii_word(s[cut - 1]))
        return cut;
    size_t start = cut;
    while (start > 0 && is_ascii_word(s[start - 1]))
        start--;
    kpi__width_work_add(cut - start);
    return start > 0 ? start : cut;
}

/* Moves a break back to a blank in the last quarter of the line (of max
 * cells): text with blanks ("→ ○ [評価基準]") reads better broken there,
 * while Japanese prose, which has none, still breaks anywhere. */
static size_t blank_break(const char *s, size_t cut, size_t max)
{
    size_t blank = cut;
    while (blank > 0 && !kpi__line_is_blank(s[blank - 1]))
        blank--;
    kpi__width_work_add(cut - blank);
    if (blank == 0 || kpi__width_n(s + blank, cut - blank) > max / 4)
        return cut;
    return blank;
}

/* Opening brackets, which must not end a line (行末禁則), and the arrow of
 * a reason line, which belongs with the rating after it. */
static int no_line_end(uint32_t cp)
{
    static const uint32_t marks[] = {'(',    '[',    '{',    0x2192, 0x3008,
                                     0x300A, 0x300C, 0x300E, 0x3010, 0x3014,
                                     0xFF08, 0xFF3B, 0xFF5B};
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
        if (marks[i] == cp)
            return 1;
    return 0;
}

/* Characters a line must not begin with (行頭禁則): closing brackets and
 * punctuation, the prolonged sound mark and small kana. */
static int no_line_start(uint32_t cp)
{
    static const uint32_t marks[] = {
        ',',    '.',    ')',    ']',    '}',    ':',    ';',    '!',    '?',    '%',
        0x3001, 0x3002, 0x3009, 0x300B, 0x300D, 0x300F, 0x3011, 0x3015, 0x3005, 0x3041,
        0x3043, 0x3045, 0x3047, 0x3049, 0x3063, 0x3083, 0x3085, 0x3087, 0x30A1, 0x30A3,
        0x30A5, 0x30A7, 0x30A9, 0x30C3, 0x30E3, 0x30E5, 0x30E7, 0x30FB, 0x30FC, 0xFF01,
        0xFF09, 0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B, 0xFF1F, 0xFF3D, 0xFF5D,
    };
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
        if (marks[i] == cp)
            return 1;
    return 0;
}

/* Whether a break leaves closing punctuation at the start of the next line
 * (the character at cut) or an opening bracket or an arrow at the end of
 * this one (the character at back, ending at end). */
static int bad_break(const char *s, size_t n, size_t cut, size_t back, size_t end)
{
    uint32_t next, last;
    kpi__utf8_next(s + cut, n - cut, &next);
    kpi__utf8_next(s + back, end - back, &last);
    return no_line_start(next) || no_line_end(last);
}

/* The blanks that end s[0..end) dropped. */
static size_t trim_end(const char *s, size_t end)
{
    size_t trimmed = end;
    while (trimmed > 0 && kpi__line_is_blank(s[trimmed - 1]))
        trimmed--;
    kpi__width_work_add(end - trimmed);
    return trimmed;
}

/* Moves a bad break back a few characters, keeping at least one character
 * on the line. */
static size_t kinsoku(const char *s, size_t n, size_t cut)
{
    for (int step = 0; step < 4 && cut < n; step++) {
        size_t end = trim_end(s, cut);
        size_t back = previous_start(s, end);
        if (back == 0 || !bad_break(s, n, cut, back, end))
            break;
        cut = back;
    }
    return cut;
}

/* The cells of the character that starts at s[i] (i < n). */
static int cells_at(const char *s, size_t n, size_t i)
{
    uint32_t cp;
    kpi__utf8_next(s + i, n - i, &cp);
    return kpi__width_of(cp);
}

/* Moves a break between wide characters back by one when it would leave a
 * single wide character alone on the last line (開\n始 becomes \n開始).
 * Whether the rest is that one character is asked of kpi__width_fit(),
 * which stops past two cells: measuring the whole rest at every break
 * made wrapping quadratic in the text's length. */
static size_t widow(const char *s, size_t n, size_t cut)
{
    if (cut >= n || cells_at(s, n, cut) != 2 ||
        kpi__width_fit(s + cut, n - cut, 2, NULL) < n - cut)
        return cut;
    size_t back = previous_start(s, cut);
    if (back == 0 || cells_at(s, n, back) != 2)
        return cut;
    return back;
}

/* The bytes of s[0..n) that go on a line of max cells (without trailing
 * blanks); *next receives where the next line's text starts. */
size_t kpi__line_take(const char *s, size_t n, size_t max, size_t *next)
{
    if (n == 0) {
        *next = 0;
        return 0;
    }
    size_t cut = kpi__width_fit(s, n, max, NULL);
    if (cut == 0) { /* a character wider than the line: it goes alone */
        uint32_t cp;
        cut = kpi__utf8_next(s, n, &cp);
        cut += kpi__width_fit(s + cut, n - cut, 0, NULL);
    }
    if (cut < n && !kpi__line_is_blank(s[cut]))
        cut = widow(s, n, blank_break(s, word_break(s, cut), max));
    cut = kinsoku(s, n, cut);
    size_t end = trim_end(s, cut), start = cut;
    while (cut < n && kpi__line_is_blank(s[cut]))
        cut++;
    kpi__width_work_add(cut - start);
    *next = cut;
    return end;
}
