/* Notes: free text (市長指示事項, the 評価基準 legend) attached to a plan or
 * a goal, optionally with a code so that files can round-trip them. */
#include "model/model.h"
#include "util/alloc.h"
#include "util/error.h"

#include <stdio.h>

/* A note's text and code, checked as the reader checks a note row's (its
 * code is trimmed and bounded like every code). */
static int check_note(const kpi__notes *notes, const char *code, const char *text,
                      const char *object, const char *owner_code)
{
    if (!text || !*text)
        return kpi__error(KPI_ERR_VALUE, "%s \"%s\": a note's text must not be empty",
                          object, owner_code);
    int rc = kpi__check_text(text, object, owner_code, "note text");
    if (rc == KPI_OK && code && *code) {
        char what[KPI_MAX_CODE + 32];
        snprintf(what, sizeof what, "%s \"%s\": note", object, owner_code);
        rc = kpi__check_code_text(code, what);
    }
    if (rc == KPI_OK && notes->count >= KPI_MAX_RECORDS)
        rc = kpi__error(KPI_ERR_LIMIT,
                        "%s \"%s\": already %d notes, the limit (KPI_MAX_RECORDS)",
                        object, owner_code, KPI_MAX_RECORDS);
    return rc;
}

int kpi__notes_add(kpi__notes *notes, const char *code, const char *text,
                   const char *object, const char *owner_code)
{
    int rc = check_note(notes, code, text, object, owner_code);
    if (rc != KPI_OK)
        return rc;
    if (notes->count == notes->capacity) {
        size_t capacity = notes->capacity ? notes->capacity * 2 : 2;
        kpi__note *items = kpi__reallocarray(notes->items, capacity, sizeof *items);
        if (!items)
            return KPI_ERR_NOMEM;
        notes->items = items;
        notes->capacity = capacity;
    }
    kpi__note note = {NULL, kpi__strdup(text)};
    if (note.text && code && *code)
        note.code = kpi__strdup(code);
    if (!note.text || (code && *code && !note.code)) {
        kpi__free(note.text);
        return KPI_ERR_NOMEM;
    }
    notes->items[notes->count++] = note;
    return KPI_OK;
}

void kpi__notes_free(kpi__notes *notes)
{
    for (size_t i = 0; i < notes->count; i++) {
        kpi__free(notes->items[i].code);
        kpi__free(notes->items[i].text);
    }
    kpi__free(notes->items);
    notes->items = NULL;
    notes->count = notes->capacity = 0;
}

static const kpi__note *note_at(const kpi__notes *notes, size_t index, const char *owner)
{
    if (index < notes->count)
        return &notes->items[index];
    kpi__error(KPI_ERR_RANGE, "%s: note index %zu is out of range (%zu notes)", owner,
               index, notes->count);
    return NULL;
}

const char *kpi__notes_text_at(const kpi__notes *notes, size_t index, const char *owner)
{
    const kpi__note *note = note_at(notes, index, owner);
    return note ? note->text : NULL;
}

const char *kpi__notes_code_at(const kpi__notes *notes, size_t index, const char *owner)
{
    const kpi__note *note = note_at(notes, index, owner);
    return note ? kpi__string_or_empty(note->code) : NULL;
}
