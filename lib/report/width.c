/* How many terminal cells a text takes.
 *
 * The text report aligns columns of Japanese and ASCII and must fit a
 * terminal width, so it needs each character's width in cells. That is
 * Unicode's East Asian Width (UAX #11) with one decision to make: the
 * "ambiguous" characters, which are one cell in Western fonts and two in
 * Japanese ones. They include every symbol of the rating scale (◎ U+25CE,
 * ○ U+25CB, △ U+25B3, × U+00D7) and the ―, …, →, ※ and ① of Japanese
 * documents.
 *
 * Decision: ambiguous characters count as two cells, all of them, × too.
 * - That is how the report is read where it comes from: in CP932 (Excel's
 *   Shift_JIS) all four rating symbols are double-byte, full-width
 *   characters, Japanese fonts draw them so, and terminals in Japanese
 *   locales are commonly set to show ambiguous characters wide.
 * - Counting wide is the safe side: where a terminal shows them narrow,
 *   lines come out shorter than counted and still fit the width; counting
 *   narrow would make lines overflow in a Japanese terminal.
 * - Treating × like ◎○△ keeps the rating column uniform. The report puts
 *   exactly one such symbol (or the ambiguous placeholder ―) at the start
 *   of every table row, so in a narrow-ambiguous terminal the rows still
 *   align with each other (only the column headings sit one cell off).
 *
 * The table below is small on purpose: it holds the ranges that occur in
 * Japanese administrative text (CJK, kana, full-width forms, the JIS X 0208
 * symbols) and the common emoji, not the whole Unicode database (historic
 * scripts such as Tangut are left out); everything else is one cell. Some
 * blocks of ambiguous symbols (mathematical operators, geometric shapes)
 * are counted wide as a whole: the few narrow symbols among them then
 * take a cell less than counted, which still fits.
 * Zero width: controls, combining marks (including the kana voicing marks
 * U+3099/U+309A), joiners, bidi marks and variation selectors (including
 * the ideographic variation selectors that pick the glyph of a place name),
 * so that they stay attached to the character before them. */
#include "report/width.h"
#include "util/utf8.h"

struct range {
    uint32_t first;
    uint32_t last;
    unsigned char cells;
};

/* Sorted, not overlapping; a code point in no range is one cell. */
static const struct range ranges[] = {
    {0x00A7, 0x00A8, 2},   /* § ¨ (ambiguous) */
    {0x00B0, 0x00B1, 2},   /* ° ± */
    {0x00B4, 0x00B4, 2},   /* ´ */
    {0x00B6, 0x00B6, 2},   /* ¶ */
    {0x00D7, 0x00D7, 2},   /* × rating "not progressed" */
    {0x00F7, 0x00F7, 2},   /* ÷ */
    {0x0300, 0x036F, 0},   /* combining diacritical marks */
    {0x0391, 0x03A9, 2},   /* Greek capitals, as JIS X 0208 */
    {0x03B1, 0x03C9, 2},   /* Greek small letters */
    {0x0401, 0x0401, 2},   /* Cyrillic Ё */
    {0x0410, 0x044F, 2},   /* Cyrillic А..я */
    {0x0451, 0x0451, 2},   /* ё */
    {0x0483, 0x0489, 0},   /* Cyrillic combining marks */
    {0x1100, 0x115F, 2},   /* Hangul Jamo leading consonants (wide) */
    {0x1AB0, 0x1AFF, 0},   /* combining diacritical marks extended */
    {0x1DC0, 0x1DFF, 0},   /* combining diacritical marks supplement */
    {0x200B, 0x200F, 0},   /* zero-width space, joiners, LRM, RLM */
    {0x2010, 0x2010, 2},   /* ‐ */
    {0x2015, 0x2016, 2},   /* ― ‖ */
    {0x2018, 0x2019, 2},   /* ‘ ’ */
    {0x201C, 0x201D, 2},   /* “ ” */
    {0x2020, 0x2022, 2},   /* † ‡ • */
    {0x2025, 0x2026, 2},   /* ‥ … */
    {0x202A, 0x202E, 0},   /* bidi embeddings and overrides */
    {0x2030, 0x2030, 2},   /* ‰ */
    {0x2032, 0x2033, 2},   /* ′ ″ */
    {0x203B, 0x203B, 2},   /* ※ */
    {0x2060, 0x2064, 0},   /* word joiner, invisible operators */
    {0x20D0, 0x20FF, 0},   /* combining marks for symbols */
    {0x2103, 0x2103, 2},   /* ℃ */
    {0x2116, 0x2116, 2},   /* № */
    {0x2121, 0x2121, 2},   /* ℡ */
    {0x212B, 0x212B, 2},   /* Å */
    {0x2160, 0x216B, 2},   /* Ⅰ..Ⅻ */
    {0x2170, 0x2179, 2},   /* ⅰ..ⅹ */
    {0x2190, 0x2199, 2},   /* arrows ← ↑ → ↓ ... */
    {0x21D2, 0x21D2, 2},   /* ⇒ */
    {0x21D4, 0x21D4, 2},   /* ⇔ */
    {0x2200, 0x22FF, 2},   /* mathematical operators (∀ ∈ ≠ ≦ ...) */
    {0x2312, 0x2312, 2},   /* ⌒ */
    {0x231A, 0x231B, 2},   /* ⌚ ⌛ (wide) */
    {0x2329, 0x232A, 2},   /* 〈 〉 (wide) */
    {0x23E9, 0x23EC, 2},   /* ⏩ .. ⏬ (wide emoji) */
    {0x23F0, 0x23F0, 2},   /* ⏰ */
    {0x23F3, 0x23F3, 2},   /* ⏳ */
    {0x2460, 0x24FF, 2},   /* enclosed alphanumerics ① ② ... */
    {0x2500, 0x259F, 2},   /* box drawing, block elements */
    {0x25A0, 0x25FF, 2},   /* geometric shapes: ■ □ △ ○ ◎ ● ◇ ... */
    {0x2600, 0x26FF, 2},   /* miscellaneous symbols: ★ ☆ ♪ ... */
    {0x2705, 0x2705, 2},   /* ✅ (wide) */
    {0x270A, 0x270B, 2},   /* ✊ ✋ */
    {0x2728, 0x2728, 2},   /* ✨ */
    {0x274C, 0x274C, 2},   /* ❌ (wide) */
    {0x274E, 0x274E, 2},   /* ❎ */
    {0x2753, 0x2755, 2},   /* ❓ ❔ ❕ */
    {0x2757, 0x2757, 2},   /* ❗ */
    {0x2776, 0x277F, 2},   /* ❶ .. ❿ */
    {0x2795, 0x2797, 2},   /* ➕ ➖ ➗ */
    {0x27B0, 0x27B0, 2},   /* ➰ */
    {0x27BF, 0x27BF, 2},   /* ➿ */
    {0x2B1B, 0x2B1C, 2},   /* ⬛ ⬜ */
    {0x2B50, 0x2B50, 2},   /* ⭐ */
    {0x2B55, 0x2B55, 2},   /* ⭕ (the "maru" of Japanese forms) */
    {0x2E80, 0x303E, 2},   /* CJK radicals, Kangxi, CJK symbols: 、。「」〜 */
    {0x3041, 0x3098, 2},   /* hiragana */
    {0x3099, 0x309A, 0},   /* combining kana voicing marks */
    {0x309B, 0x33FF, 2},   /* katakana, bopomofo, enclosed CJK, CJK compatibility */
    {0x3400, 0x4DBF, 2},   /* CJK unified ideographs extension A */
    {0x4E00, 0x9FFF, 2},   /* CJK unified ideographs (漢字) */
    {0xA000, 0xA4CF, 2},   /* Yi */
    {0xA960, 0xA97F, 2},   /* Hangul Jamo extended A */
    {0xAC00, 0xD7A3, 2},   /* Hangul syllables */
    {0xE000, 0xF8FF, 2},   /* private use: gaiji (外字) */
    {0xF900, 0xFAFF, 2},   /* CJK compatibility ideographs */
    {0xFE00, 0xFE0F, 0},   /* variation selectors */
    {0xFE10, 0xFE19, 2},   /* vertical forms */
    {0xFE20, 0xFE2F, 0},   /* combining half marks */
    {0xFE30, 0xFE6F, 2},   /* CJK compatibility forms, small form variants */
    {0xFEFF, 0xFEFF, 0},   /* zero-width no-break space (BOM) */
    {0xFF00, 0xFF60, 2},   /* full-width ASCII: Ａ １ （ ） */
    {0xFFE0, 0xFFE6, 2},   /* full-width signs ￥ ￡ */
    {0xFFFD, 0xFFFD, 2},   /* replacement character */
    {0x1B000, 0x1B2FF, 2}, /* kana supplement: hentaigana (変体仮名), small kana */
    {0x1F004, 0x1F004, 2}, /* 🀄 */
    {0x1F0CF, 0x1F0CF, 2}, /* 🃏 */
    {0x1F18E, 0x1F18E, 2}, /* 🆎 */
    {0x1F191, 0x1F19A, 2}, /* 🆑 .. 🆚 */
    {0x1F200, 0x1F2FF, 2}, /* enclosed ideographic supplement 🈁 */
    {0x1F300, 0x1F64F, 2}, /* pictographs, emoticons */
    {0x1F680, 0x1F6FF, 2}, /* transport and map symbols */
    {0x1F7E0, 0x1F7FF, 2}, /* coloured circles and squares 🟠 */
    {0x1F900, 0x1F9FF, 2}, /* supplemental symbols and pictographs */
    {0x1FA70, 0x1FAFF, 2}, /* symbols and pictographs extended-A */
    {0x20000, 0x2FFFD, 2}, /* CJK extensions B..F, compatibility supplement */
    {0x30000, 0x3FFFD, 2}, /* CJK extension G and later */
    {0xE0100, 0xE01EF, 0}, /* ideographic variation selectors */
};

int kpi__width_of(uint32_t cp)
{
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
        return 0; /* C0 and C1 controls and DEL print nothing */
    if (cp < ranges[0].first)
        return 1; /* ASCII and the start of Latin-1: the common case */
    size_t lo = 0, hi = sizeof ranges / sizeof ranges[0];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cp < ranges[mid].first)
            hi = mid;
        else if (cp > ranges[mid].last)
            lo = mid + 1;
        else
            return ranges[mid].cells;
    }
    return 1; /* half-width katakana ｱ (U+FF61..FF9F) and the rest */
}

/* Counted per thread, so that concurrent renders neither race nor mix
 * their counts. */
static _Thread_local size_t work;

size_t kpi__width_work(void)
{
    return work;
}

void kpi__width_work_add(size_t steps)
{
    work += steps;
}

size_t kpi__utf8_next(const char *s, size_t n, uint32_t *cp)
{
    work++;
    size_t len = kpi__utf8_decode(s, n, cp);
    if (len)
        return len;
    *cp = 0xFFFD; /* a bad byte stands for one replacement character */
    return 1;
}

/* A valid sequence that ends at pos starts at a lead byte at most 4 bytes
 * back; no earlier sequence can cover that lead byte, so reading forward
 * from any character boundary finds the same character. Otherwise the
 * last byte is a bad byte on its own, as kpi__utf8_next() reads it. */
size_t kpi__utf8_prev(const char *s, size_t pos, uint32_t *cp)
{
    work++;
    for (size_t len = 2; len <= 4 && len <= pos; len++) {
        unsigned char lead = (unsigned char)s[pos - len];
        if ((lead & 0xC0) == 0x80)
            continue; /* a continuation byte: the start is further back */
        if (kpi__utf8_decode(s + pos - len, len, cp) == len)
            return pos - len;
        break;
    }
    size_t len = kpi__utf8_decode(s + pos - 1, 1, cp);
    if (!len)
        *cp = 0xFFFD;
    return pos - 1;
}

size_t kpi__width_n(const char *s, size_t n)
{
    size_t cells = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        i += kpi__utf8_next(s + i, n - i, &cp);
        cells += (size_t)kpi__width_of(cp);
    }
    return cells;
}

size_t kpi__width(const char *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return kpi__width_n(s, n);
}

size_t kpi__width_fit(const char *s, size_t n, size_t max, size_t *cells)
{
    size_t used = 0, i = 0;
    while (i < n) {
        uint32_t cp;
        size_t len = kpi__utf8_next(s + i, n - i, &cp);
        size_t w = (size_t)kpi__width_of(cp);
        if (used + w > max)
            break;
        used += w;
        i += len;
    }
    if (cells)
        *cells = used;
    return i;
}
