/* The phrase as code points: strict UTF-8 decoding, the normalisation that
 * lets the rest of the reader see one spelling of each character
 * (３０件以上 and 30件以上 alike), character classes and word matching. */
#include "util/alloc.h"
#include "util/error.h"
#include "phrase/phrase.h"
#include "util/utf8.h"

#include <string.h>

/* ---- Decoding ------------------------------------------------------------ */

/* Decodes the sequence at s[i] (len bytes in all). Returns its length, or 0
 * for an invalid sequence (see kpi__utf8_decode()). */
static size_t decode_one(const unsigned char *s, size_t len, size_t i, uint32_t *out)
{
    return kpi__utf8_decode((const char *)s + i, len - i, out);
}

/* One spelling per character, so that the tables need list each word once:
 * full-width ASCII becomes ASCII, every blank a space, every line break
 * '\n', the bracket pairs the city uses (), the wave dashes ~, and the
 * half-width forms of ・、。 their full-width ones. Kana and kanji stay. */
static uint32_t normalise(uint32_t c)
{
    if (c >= 0xFF01 && c <= 0xFF5E)
        c -= 0xFEE0;
    switch (c) {
    case '\r':
    case 0x85:
    case 0x2028:
    case 0x2029:
        return '\n';
    case '\t':
    case 0x0B:
    case 0x0C:
    case 0xA0:
    case 0x3000:
    case 0x200B: /* zero-width space */
    case 0xFEFF: /* byte order mark */
        return ' ';
    case '[':
    case 0x3010: /* 【 */
    case 0x3014: /* 〔 */
        return '(';
    case ']':
    case 0x3011: /* 】 */
    case 0x3015: /* 〕 */
        return ')';
    case 0x301C: /* 〜 */
    case 0x2053: /* ⁓ */
        return '~';
    case 0xFF65: /* ･ */
    case 0x00B7: /* · */
        return 0x30FB;
    case 0xFF64: /* ､ */
        return 0x3001;
    case 0xFF61: /* ｡ */
        return 0x3002;
    case 0x2212: /* − */
    case 0x2010: /* ‐ */
    case 0x2011:
        return '-';
    default:
        break;
    }
    /* Other control characters read as blanks: they are never part of a
     * target, and treating them so keeps fragments apart. */
    if (c < 0x20 && c != '\n')
        return ' ';
    return c;
}

int kpi__ptext_decode(kpi__ptext *t, const char *text, size_t size)
{
    return kpi__ptext_decode_as(t, text, size, "phrase");
}

int kpi__ptext_decode_as(kpi__ptext *t, const char *text, size_t size, const char *what)
{
    const unsigned char *s = (const unsigned char *)text;
    t->n = 0;
    t->cp = kpi__calloc(size + 1, sizeof *t->cp);
    t->off = kpi__calloc(size + 1, sizeof *t->off);
    if (!t->cp || !t->off) {
        kpi__ptext_free(t);
        return KPI_ERR_NOMEM;
    }
    size_t i = 0;
    while (i < size) {
        uint32_t c = 0;
        size_t len = decode_one(s, size, i, &c);
        if (len == 0) {
            kpi__ptext_free(t);
            return kpi__error(KPI_ERR_VALUE,
                              "%s: invalid UTF-8 at byte offset %zu (byte 0x%02X)", what,
                              i, (unsigned)s[i]);
        }
        t->cp[t->n] = normalise(c);
        t->off[t->n] = i;
        t->n++;
        i += len;
    }
    t->off[t->n] = size;
    return KPI_OK;
}

void kpi__ptext_free(kpi__ptext *t)
{
    kpi__free(t->cp);
    kpi__free(t->off);
    t->cp = NULL;
    t->off = NULL;
    t->n = 0;
}

/* ---- Character classes --------------------------------------------------- */

int kpi__pt_digit(uint32_t c)
{
    return c >= '0' && c <= '9';
}

int kpi__pt_ascii_letter(uint32_t c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

int kpi__pt_hiragana(uint32_t c)
{
    return c >= 0x3041 && c <= 0x309F;
}

int kpi__pt_wordchar(uint32_t c)
{
    return (c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC    /* katakana, ー */
           || (c >= 0x31F0 && c <= 0x31FF)                /* small katakana */
           || (c >= 0x3400 && c <= 0x4DBF)                /* kanji ext. A */
           || (c >= 0x4E00 && c <= 0x9FFF)                /* kanji */
           || (c >= 0xF900 && c <= 0xFAFF) || c == 0x3005 /* compat., 々 */
           || (c >= 0x20000 && c <= 0x3FFFF);             /* kanji ext. B.. */
}

int kpi__pt_separator(uint32_t c)
{
    return c == ' ' || c == '\n' || c == 0x3001 || c == 0x3002 || c == 0x30FB ||
           c == ',' || c == ':' || c == ';' || c == '/' || c == '~' || c == '-';
}

int kpi__pt_bullet(uint32_t c)
{
    switch (c) {
    case 0x30FB: /* ・ */
    case 0x25CF: /* ● */
    case 0x25CB: /* ○ */
    case 0x25CE: /* ◎ */
    case 0x25A0: /* ■ */
    case 0x25A1: /* □ */
    case 0x25C6: /* ◆ */
    case 0x25C7: /* ◇ */
    case 0x25AA: /* ▪ */
    case 0x2022: /* • */
    case 0x203B: /* ※ */
        return 1;
    default:
        /* ① .. ⑳ and ㉑ .. ㉟: the seed numbers its initiatives so. */
        return (c >= 0x2460 && c <= 0x2473) || (c >= 0x3251 && c <= 0x325F);
    }
}

/* ---- Words ---------------------------------------------------------------- */

/* Words are matched as bytes: each code point of the text is encoded (a few
 * shifts) and compared with the literal's bytes, instead of decoding every
 * literal again at every position. UTF-8 is prefix-free and the literals
 * are valid by construction, so the bytes of a word equal the encoding of
 * cp[at..] exactly when its code points do: the results are those of
 * comparing code points. */

/* cp[i] encoded for comparing with a literal: its length, or 0 for a value
 * no literal holds (0, or past U+10FFFF, whose encoding could alias). */
static size_t text_char(uint32_t c, char *out)
{
    return c == 0 || c > 0x10FFFF ? 0 : kpi__utf8_encode(c, out);
}

/* Whether the literal at p starts with the k bytes of one. Stops at the
 * first difference, so never reads past the literal's NUL (one holds no
 * NUL: no normalised code point is 0). */
static int bytes_match(const char *p, const char *one, size_t k)
{
    for (size_t j = 0; j < k; j++)
        if (p[j] != one[j])
            return 0;
    return 1;
}

/* The word's code points after its first (k bytes, already compared with
 * cp[at]) against cp[at + 1..end): the full length matched, or 0. */
static size_t match_rest(const uint32_t *cp, size_t at, size_t end, const char *word,
                         size_t k)
{
    size_t i = at + 1;
    const char *p = word + k;
    while (*p) {
        char one[4];
        if (i >= end)
            return 0;
        size_t n = text_char(cp[i], one);
        if (!n || !bytes_match(p, one, n))
            return 0;
        p += n;
        i++;
    }
    return i - at;
}

void kpi__pt_first(kpi__ptfirst *f, const uint32_t *cp, size_t at, size_t end)
{
    f->len = at < end ? text_char(cp[at], f->bytes) : 0;
}

size_t kpi__pt_match_rest(const kpi__ptfirst *f, const uint32_t *cp, size_t at,
                          size_t end, const char *word)
{
    if (!f->len || !bytes_match(word, f->bytes, f->len))
        return 0;
    return match_rest(cp, at, end, word, f->len);
}

size_t kpi__pt_match(const uint32_t *cp, size_t at, size_t end, const char *word)
{
    kpi__ptfirst f;
    if (!*word)
        return 0;
    kpi__pt_first(&f, cp, at, end);
    return kpi__pt_match_rest(&f, cp, at, end, word);
}

size_t kpi__pt_match_end(const uint32_t *cp, size_t begin, size_t end, const char *word)
{
    /* Compared backwards from end: the word's last bytes with cp[end - 1],
     * and so on, never before begin. */
    size_t left = strlen(word), len = 0, i = end;
    while (left) {
        char one[4];
        if (i <= begin)
            return 0;
        size_t n = text_char(cp[i - 1], one);
        if (!n || n > left || !bytes_match(word + left - n, one, n))
            return 0;
        left -= n;
        i--;
        len++;
    }
    return len;
}

size_t kpi__pt_match_table(const uint32_t *cp, size_t at, size_t end,
                           const char *const *table, size_t *which)
{
    size_t best = 0;
    kpi__ptfirst f;
    /* cp[at] is encoded once for the whole table. */
    kpi__pt_first(&f, cp, at, end);
    if (!f.len)
        return 0;
    for (size_t w = 0; table[w]; w++) {
        size_t len = kpi__pt_match_first(&f, cp, at, end, table[w]);
        /* > keeps the first of equally long words. */
        if (len > best) {
            best = len;
            if (which)
                *which = w;
        }
    }
    return best;
}

size_t kpi__pt_match_end_table(const uint32_t *cp, size_t begin, size_t end,
                               const char *const *table, size_t *which)
{
    size_t best = 0;
    char last[4];
    size_t n = end > begin ? text_char(cp[end - 1], last) : 0;
    if (!n || !kpi__pt_table_may_end(table, last, n))
        return 0;
    for (size_t w = 0; table[w]; w++) {
        size_t len = kpi__pt_match_end(cp, begin, end, table[w]);
        if (len > best) {
            best = len;
            if (which)
                *which = w;
        }
    }
    return best;
}

char *kpi__pt_encode(const uint32_t *cp, size_t begin, size_t end)
{
    size_t count = end > begin ? end - begin : 0;
    char *out = kpi__malloc(count * 4 + 1);
    if (!out)
        return NULL;
    size_t len = 0;
    for (size_t i = 0; i < count; i++)
        len += kpi__utf8_encode(cp[begin + i], out + len);
    out[len] = '\0';
    return out;
}

size_t kpi__pt_quote(char *buf, size_t size, const uint32_t *cp, size_t begin, size_t end)
{
    static const char ellipsis[] = "\xE2\x80\xA6"; /* … */
    size_t len = 0;
    for (size_t i = begin; i < end; i++) {
        char one[4];
        size_t n = kpi__utf8_encode(cp[i], one);
        /* Keep room for the ellipsis and the NUL whenever more follows. */
        if (len + n + sizeof ellipsis > size) {
            memcpy(buf + len, ellipsis, sizeof ellipsis);
            return len + sizeof ellipsis - 1;
        }
        memcpy(buf + len, one, n);
        len += n;
    }
    buf[len] = '\0';
    return len;
}
