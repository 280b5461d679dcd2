#define _POSIX_C_SOURCE 200809L /* fileno, fstat */

/* Reading a plan file in chunks. The text is checked as UTF-8 chunk by
 * chunk and handed to libcsv, which keeps a row cut between chunks; lines
 * are counted by the parser as they pass. Anything unusual (another
 * encoding, a bad byte, a pipe) goes to the whole-file path, which words
 * every error: see KPI__READ_WHOLE. */
#include "io/read_stream.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/utf8.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#define CHUNK (1024 * 1024)

/* How many bytes at the end of buf[0..n) start a UTF-8 character that the
 * next chunk may complete (at most 3), given that buf[0..valid) is valid. */
static size_t cut_tail(const unsigned char *buf, size_t valid, size_t n)
{
    size_t tail = n - valid;
    if (tail == 0 || tail > 3)
        return tail == 0 ? 0 : SIZE_MAX;
    size_t need = buf[valid] >= 0xF0 ? 4 : buf[valid] >= 0xE0 ? 3 : 2;
    if (buf[valid] < 0xC2 || buf[valid] > 0xF4 || tail >= need)
        return SIZE_MAX;
    for (size_t i = valid + 1; i < n; i++)
        if ((buf[i] & 0xC0) != 0x80)
            return SIZE_MAX;
    return tail;
}

struct stream {
    FILE *file;
    unsigned char *buf;       /* CHUNK + 3 bytes: a cut character, then a chunk */
    const unsigned char *end; /* of what buf holds */
    size_t carried;           /* bytes of a cut character at the start of buf */
    size_t total;             /* bytes read so far */
    int first, at_end;
    kpi__stream_check check;
};

/* Reads the next chunk into buf after what was carried; *text and *size
 * receive the text to parse (its valid UTF-8), at_end is set at the end of
 * the file. KPI__READ_WHOLE when the text is not UTF-8 throughout (or holds
 * a NUL, or is over the limit). */
static int next_chunk(struct stream *s, kpi_encoding wanted, const char **text,
                      size_t *size)
{
    size_t got = fread(s->buf + s->carried, 1, CHUNK, s->file);
    if (ferror(s->file))
        return KPI__READ_WHOLE; /* the whole-file path reports it */
    s->total += got;
    s->end = s->buf + s->carried + got;
    s->at_end = got == 0;
    const unsigned char *start = s->buf;
    if (s->first) {
        s->first = 0;
        int bom = got >= 3 && memcmp(start, "\xEF\xBB\xBF", 3) == 0;
        if (wanted == KPI_ENCODING_CP932 && !bom)
            return KPI__READ_WHOLE;
        start += bom ? 3 : 0;
    }
    if (s->total > (size_t)KPI_MAX_FILE || (s->at_end && s->carried))
        return KPI__READ_WHOLE;
    size_t n = (size_t)(s->end - start);
    size_t valid = s->check == KPI__CHECK_CHUNKS
                       ? kpi__utf8_valid_prefix((const char *)start, n)
                       : n;
    if (cut_tail(start, valid, n) == SIZE_MAX || memchr(start, '\0', valid))
        return KPI__READ_WHOLE;
    *text = (const char *)start;
    *size = valid;
    return KPI_OK;
}

static int stream_parse(struct stream *s, kpi__csv_stream *csv, kpi_encoding wanted)
{
    for (;;) {
        const char *text;
        size_t size;
        int rc = next_chunk(s, wanted, &text, &size);
        if (rc != KPI_OK)
            return rc;
        if (s->at_end)
            return kpi__csv_stream_end(csv);
        if (size && (rc = kpi__csv_stream_feed(csv, text, size)) != KPI_OK)
            return rc;
        /* The character cut at the end of the chunk starts the next one. */
        const unsigned char *cut = (const unsigned char *)text + size;
        s->carried = (size_t)(s->end - cut);
        memmove(s->buf, cut, s->carried);
    }
}

int kpi__read_stream(const char *path, kpi_encoding wanted, kpi__stream_check check,
                     kpi_encoding *found, kpi__csv_row_fn on_row, void *context)
{
    struct stream s = {.file = fopen(path, "rb"), .first = 1, .check = check};
    if (!s.file)
        return KPI__READ_WHOLE; /* the whole-file path says why */
    struct stat st;
    if (fstat(fileno(s.file), &st) != 0 || !S_ISREG(st.st_mode) ||
        st.st_size > KPI_MAX_FILE) {
        fclose(s.file);
        return KPI__READ_WHOLE;
    }
    kpi__csv_stream *csv = NULL;
    s.buf = kpi__malloc(CHUNK + 3);
    int rc = s.buf ? kpi__csv_stream_new(&csv, path, on_row, context) : KPI_ERR_NOMEM;
    if (rc == KPI_OK)
        rc = stream_parse(&s, csv, wanted);
    if (rc == KPI_OK)
        *found = KPI_ENCODING_UTF8;
    kpi__csv_stream_free(csv);
    kpi__free(s.buf);
    fclose(s.file);
    return rc;
}
