/* The words of kpi_status: stable names, labels, and the Japanese words
 * cities write for each state of the work (docs/progress.md lists them). */
#include "util/status_words.h"

#include <string.h>

/* Indexed by kpi_status. The Japanese labels are the words reports show. */
static const struct {
    const char *name, *ja, *en;
} names[] = {
    {NULL, NULL, NULL},
    {"not_started", "未着手", "not started"},
    {"preparing", "準備中", "preparing"},
    {"in_progress", "実施中", "in progress"},
    {"scheduled", "予定", "scheduled"},
    {"done", "完了", "done"},
    {"postponed", "延期", "postponed"},
    {"cancelled", "中止", "cancelled"},
};

#define STATUS_COUNT (sizeof names / sizeof names[0])

const kpi__status_word kpi__status_words[] = {
    {"未着手", KPI_STATUS_NOT_STARTED},
    {"未実施", KPI_STATUS_NOT_STARTED},
    {"検討中", KPI_STATUS_PREPARING},
    {"準備中", KPI_STATUS_PREPARING},
    {"調整中", KPI_STATUS_PREPARING},
    {"策定中", KPI_STATUS_PREPARING},
    {"協議中", KPI_STATUS_PREPARING},
    {"計画中", KPI_STATUS_PREPARING},
    {"作成中", KPI_STATUS_PREPARING},
    {"交渉中", KPI_STATUS_PREPARING},
    {"選定中", KPI_STATUS_PREPARING},
    {"検討", KPI_STATUS_PREPARING},
    {"準備", KPI_STATUS_PREPARING},
    {"調整", KPI_STATUS_PREPARING},
    {"実施中", KPI_STATUS_IN_PROGRESS},
    {"推進中", KPI_STATUS_IN_PROGRESS},
    {"継続中", KPI_STATUS_IN_PROGRESS},
    {"取組中", KPI_STATUS_IN_PROGRESS},
    {"進行中", KPI_STATUS_IN_PROGRESS},
    {"運用中", KPI_STATUS_IN_PROGRESS},
    {"開催予定", KPI_STATUS_SCHEDULED},
    {"実施予定", KPI_STATUS_SCHEDULED},
    {"発行予定", KPI_STATUS_SCHEDULED},
    {"予定", KPI_STATUS_SCHEDULED},
    {"実施済み", KPI_STATUS_DONE},
    {"開催済み", KPI_STATUS_DONE},
    {"策定済み", KPI_STATUS_DONE},
    {"対応済み", KPI_STATUS_DONE},
    {"実施済", KPI_STATUS_DONE},
    {"開催済", KPI_STATUS_DONE},
    {"策定済", KPI_STATUS_DONE},
    {"対応済", KPI_STATUS_DONE},
    {"完了", KPI_STATUS_DONE},
    {"達成", KPI_STATUS_DONE},
    {"終了", KPI_STATUS_DONE},
    {"済み", KPI_STATUS_DONE}, /* alone, and after a verb: 決定済み, 交付済 */
    {"済", KPI_STATUS_DONE},
    {"延期", KPI_STATUS_POSTPONED},
    {"見送り", KPI_STATUS_POSTPONED},
    {"休止", KPI_STATUS_POSTPONED},
    {"保留", KPI_STATUS_POSTPONED},
    {"取りやめ", KPI_STATUS_CANCELLED},
    {"取り止め", KPI_STATUS_CANCELLED},
    {"中止", KPI_STATUS_CANCELLED},
    {"廃止", KPI_STATUS_CANCELLED},
    {NULL, KPI_STATUS_NONE},
};

static int known(kpi_status status)
{
    return (int)status > KPI_STATUS_NONE && (size_t)status < STATUS_COUNT;
}

const char *kpi__status_stable_name(kpi_status status)
{
    return known(status) ? names[status].name : NULL;
}

const char *kpi__status_label(kpi_status status, int english)
{
    if (!known(status))
        return NULL;
    return english ? names[status].en : names[status].ja;
}

/* ASCII letters compared without case; other bytes exactly. */
static int same_name(const char *name, const char *text, size_t n)
{
    if (strlen(name) != n)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = text[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != name[i])
            return 0;
    }
    return 1;
}

kpi_status kpi__status_of_word(const char *text, size_t n)
{
    for (size_t s = 1; s < STATUS_COUNT; s++)
        if (same_name(names[s].name, text, n))
            return (kpi_status)s;
    for (const kpi__status_word *w = kpi__status_words; w->word; w++)
        if (strlen(w->word) == n && memcmp(w->word, text, n) == 0)
            return w->status;
    return KPI_STATUS_NONE;
}
