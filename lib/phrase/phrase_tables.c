/* Which characters can end a word of a word table. The reader matches
 * words ending at a position (counts before a unit, periods before a
 * count) at many characters of every text it reads (millions in a
 * national progress file), and at most of them no word of the table ends:
 * a table's last characters, kept as a 64-bit set of hashes, let such a
 * character pass at once, without comparing it with each word. (Words
 * starting at a position are filtered by their first two bytes already,
 * phrase.h, which a set does not beat.)
 *
 * The set is made on a table's first use and kept, for the life of the
 * process, in a cache keyed by the table's address (tables are static
 * arrays). Readers on several threads share it without locks: a slot is
 * claimed by one compare-and-swap, and its set is read only once it is
 * marked ready; a table that finds no slot, or one not ready yet, is
 * simply matched word by word. */
#include "phrase/phrase.h"
#include "util/hash.h"

#include <stdatomic.h>
#include <stdint.h>
#include <string.h>

#define SLOTS 1024 /* a power of two, far above the tables of the reader */
#define PROBES 16

struct table_sets {
    _Atomic(const char *const *) table; /* NULL: free */
    atomic_int ready;
    uint64_t last; /* written before ready */
};

static struct table_sets cache[SLOTS];

/* The bit of a character given by its UTF-8 bytes. */
static uint64_t char_bit(const char *bytes, size_t n)
{
    return (uint64_t)1 << (kpi__hash_bytes(bytes, n) >> 26);
}

static void make_sets(struct table_sets *s, const char *const *table)
{
    for (size_t w = 0; table[w]; w++) {
        const char *word = table[w];
        size_t n = strlen(word);
        if (!n)
            continue;
        size_t last = n - 1;
        while (last > 0 && ((unsigned char)word[last] & 0xC0) == 0x80)
            last--;
        s->last |= char_bit(word + last, n - last);
    }
}

static size_t slot_of(const char *const *table)
{
    return (size_t)(kpi__hash_pointer(table) >> 40) & (SLOTS - 1);
}

/* The table's set once made; NULL when none can be had (the caller then
 * compares every word). */
static const struct table_sets *sets_of(const char *const *table)
{
    size_t i = slot_of(table);
    for (int probe = 0; probe < PROBES; probe++, i = (i + 1) & (SLOTS - 1)) {
        struct table_sets *s = &cache[i];
        const char *const *owner = atomic_load_explicit(&s->table, memory_order_acquire);
        if (owner == table)
            return atomic_load_explicit(&s->ready, memory_order_acquire) ? s : NULL;
        if (owner)
            continue;
        const char *const *expected = NULL;
        if (atomic_compare_exchange_strong(&s->table, &expected, table)) {
            make_sets(s, table);
            atomic_store_explicit(&s->ready, 1, memory_order_release);
            return s;
        }
        if (expected == table)
            return NULL; /* another thread is making them */
    }
    return NULL;
}

int kpi__pt_table_may_end(const char *const *table, const char *bytes, size_t n)
{
    const struct table_sets *s = sets_of(table);
    return !s || (s->last & char_bit(bytes, n)) != 0;
}
