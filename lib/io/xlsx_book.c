/* A workbook's package: which part is the workbook (_rels/.rels), its
 * sheets by name and its date system (xl/workbook.xml), where each sheet,
 * the shared strings and the styles are (the workbook's relationships),
 * then the strings and styles themselves. A package without what a
 * workbook must have is KPI_ERR_PARSE naming the file and the part. */
#include "io/xlsx_read.h"
#include "io/xlsx_sheets.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/strbuf.h"

#include <string.h>

#define PACKAGE_RELS "_rels/.rels"
#define DEFAULT_WORKBOOK "xl/workbook.xml"
#define SHEET_NAMES_SHOWN 20 /* in the message of a missing sheet */

/* What the workbook part and the relationships say, while they are read. */
struct package {
    kpi__xlsx_book *book;
    char *workbook;    /* the workbook part */
    char *sheet_id[2]; /* the relationship ids of the two sheets */
    kpi__strbuf names; /* the sheets' names, for a message */
    size_t sheet_count;
    const char *base; /* the directory targets are relative to */
};

/* Whether a sheet's name is that of the structure (0) or progress (1)
 * sheet: its Japanese name, or the English one in any ASCII case. */
static int sheet_kind(const char *name)
{
    static const char *const japanese[2] = {KPI__XLSX_SHEET_STRUCTURE,
                                            KPI__XLSX_SHEET_PROGRESS};
    static const char *const english[2] = {"structure", "progress"};
    for (int k = 0; k < 2; k++) {
        if (strcmp(name, japanese[k]) == 0)
            return k;
        size_t n = strlen(english[k]);
        if (strlen(name) != n)
            continue;
        size_t i = 0;
        while (i < n && (char)(name[i] | (name[i] >= 'A' && name[i] <= 'Z' ? 0x20 : 0)) ==
                            english[k][i])
            i++;
        if (i == n)
            return k;
    }
    return -1;
}

/* A relationship's target as a part name: absolute ("/xl/x.xml") or
 * relative to base ("xl/"), with "../" taken back. */
static char *resolve(const char *base, const char *target)
{
    kpi__strbuf b = {0};
    if (target[0] == '/')
        target++;
    else
        kpi__strbuf_append(&b, base);
    while (strncmp(target, "../", 3) == 0) {
        target += 3;
        /* drop the last directory of what is there: "xl/" -> "" */
        size_t n = b.length;
        if (n)
            n--;
        while (n && b.data[n - 1] != '/')
            n--;
        b.length = n;
    }
    kpi__strbuf_append(&b, target);
    return kpi__strbuf_finish(&b);
}

/* ---- _rels/.rels: the workbook part -------------------------------------- */

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

static void package_start(kpi__xlsx_xml *xml, void *context, const char *name,
                          const char **attributes)
{
    struct package *p = context;
    const char *type = kpi__xlsx_attribute(attributes, "Type");
    const char *target = kpi__xlsx_attribute(attributes, "Target");
    if (strcmp(name, "Relationship") != 0 || !type || !target || p->workbook ||
        !ends_with(type, "/officeDocument"))
        return;
    p->workbook = resolve("", target);
    if (!p->workbook)
        kpi__xlsx_xml_stop(xml, kpi__error_nomem());
}

static int find_workbook(struct package *p)
{
    kpi__xlsx_zip *zip = &p->book->zip;
    if (!kpi__xlsx_zip_has(zip, "[Content_Types].xml"))
        return kpi__error_at(KPI_ERR_PARSE, zip->file, 0, 0,
                             "%s: not a workbook: it has no part [Content_Types].xml",
                             zip->file);
    if (kpi__xlsx_zip_has(zip, PACKAGE_RELS)) {
        static const kpi__xlsx_xml_calls calls = {package_start, NULL, NULL};
        int rc = kpi__xlsx_xml_parse(zip, PACKAGE_RELS, &calls, p);
        if (rc != KPI_OK)
            return rc;
    }
    if (!p->workbook)
        p->workbook = kpi__strdup(DEFAULT_WORKBOOK);
    return p->workbook ? KPI_OK : kpi__error_nomem();
}

/* ---- The workbook: sheets and date system ------------------------------- */

static int add_sheet(struct package *p, const char **attributes)
{
    const char *name = kpi__xlsx_attribute(attributes, "name");
    const char *id = kpi__xlsx_attribute(attributes, "id");
    if (!name || !id)
        return KPI_OK;
    if (p->sheet_count < SHEET_NAMES_SHOWN)
        kpi__strbuf_printf(&p->names, "%s%s", p->sheet_count ? ", " : "", name);
    else if (p->sheet_count == SHEET_NAMES_SHOWN)
        kpi__strbuf_append(&p->names, ", ...");
    p->sheet_count++;
    int kind = sheet_kind(name);
    if (kind < 0 || p->sheet_id[kind])
        return KPI_OK; /* the first of a name counts */
    kpi__strbuf b = {0};
    kpi__strbuf_printf(&b, "%s: sheet %s", p->book->file, name);
    p->book->sheet_name[kind] = kpi__strbuf_finish(&b);
    p->sheet_id[kind] = kpi__strdup(id);
    return p->sheet_id[kind] && p->book->sheet_name[kind] ? KPI_OK : kpi__error_nomem();
}

static int is_true(const char *value)
{
    return value && (strcmp(value, "1") == 0 || strcmp(value, "true") == 0);
}

static void workbook_start(kpi__xlsx_xml *xml, void *context, const char *name,
                           const char **attributes)
{
    struct package *p = context;
    if (strcmp(name, "workbookPr") == 0)
        p->book->date1904 = is_true(kpi__xlsx_attribute(attributes, "date1904"));
    else if (strcmp(name, "sheet") == 0 && add_sheet(p, attributes) != KPI_OK)
        kpi__xlsx_xml_stop(xml, KPI_ERR_NOMEM);
}

static int read_workbook(struct package *p)
{
    static const kpi__xlsx_xml_calls calls = {workbook_start, NULL, NULL};
    int rc = kpi__xlsx_xml_parse(&p->book->zip, p->workbook, &calls, p);
    if (rc != KPI_OK || p->sheet_id[0])
        return rc;
    char *names = kpi__strbuf_finish(&p->names);
    if (!names)
        return kpi__error_nomem();
    rc = kpi__error_at(KPI_ERR_PARSE, p->book->file, 0, 0,
                       "%s: no sheet " KPI__XLSX_SHEET_STRUCTURE
                       " (or structure) in the workbook; its sheets: %s",
                       p->book->file, p->sheet_count ? names : "none");
    kpi__free(names);
    return rc;
}

/* ---- The workbook's relationships: the parts -------------------------- */

/* Keeps a target as *slot (the first only), resolved against the base. */
static int keep_target(struct package *p, char **slot, const char *target)
{
    if (*slot)
        return KPI_OK;
    *slot = resolve(p->base, target);
    return *slot ? KPI_OK : kpi__error_nomem();
}

static void rels_start(kpi__xlsx_xml *xml, void *context, const char *name,
                       const char **attributes)
{
    struct package *p = context;
    kpi__xlsx_book *book = p->book;
    const char *id = kpi__xlsx_attribute(attributes, "Id");
    const char *type = kpi__xlsx_attribute(attributes, "Type");
    const char *target = kpi__xlsx_attribute(attributes, "Target");
    if (strcmp(name, "Relationship") != 0 || !id || !type || !target)
        return;
    int rc = KPI_OK;
    for (int k = 0; k < 2 && rc == KPI_OK; k++)
        if (p->sheet_id[k] && strcmp(id, p->sheet_id[k]) == 0)
            rc = keep_target(p, &book->sheet_part[k], target);
    if (rc == KPI_OK && ends_with(type, "/sharedStrings"))
        rc = keep_target(p, &book->strings_part, target);
    if (rc == KPI_OK && ends_with(type, "/styles"))
        rc = keep_target(p, &book->styles_part, target);
    if (rc != KPI_OK)
        kpi__xlsx_xml_stop(xml, rc);
}

/* The relationships of part "dir/name" are in "dir/_rels/name.rels". */
static int read_relationships(struct package *p, char *base)
{
    const char *slash = strrchr(p->workbook, '/');
    size_t dir = slash ? (size_t)(slash - p->workbook) + 1 : 0;
    memcpy(base, p->workbook, dir);
    base[dir] = '\0';
    p->base = base;
    kpi__strbuf b = {0};
    kpi__strbuf_printf(&b, "%s_rels/%s.rels", base, p->workbook + dir);
    char *rels = kpi__strbuf_finish(&b);
    if (!rels)
        return kpi__error_nomem();
    static const kpi__xlsx_xml_calls calls = {rels_start, NULL, NULL};
    int rc = kpi__xlsx_xml_parse(&p->book->zip, rels, &calls, p);
    kpi__free(rels);
    return rc;
}

/* A sheet named in the workbook whose part is missing is a broken
 * package; optional parts that are missing are as if not named. */
static int check_parts(kpi__xlsx_book *book, struct package *p)
{
    for (int k = 0; k < 2; k++) {
        if (!p->sheet_id[k])
            continue;
        if (!book->sheet_part[k] || !kpi__xlsx_zip_has(&book->zip, book->sheet_part[k]))
            return kpi__error_at(KPI_ERR_PARSE, book->file, 0, 0,
                                 "%s: not a workbook: %s has no part (relationship %s)",
                                 book->file, book->sheet_name[k] + strlen(book->file) + 2,
                                 p->sheet_id[k]);
    }
    char **optional[2] = {&book->strings_part, &book->styles_part};
    for (int i = 0; i < 2; i++) {
        if (*optional[i] && !kpi__xlsx_zip_has(&book->zip, *optional[i])) {
            kpi__free(*optional[i]);
            *optional[i] = NULL;
        }
    }
    return KPI_OK;
}

static int read_package(kpi__xlsx_book *book, struct package *p)
{
    int rc = find_workbook(p);
    if (rc == KPI_OK)
        rc = read_workbook(p);
    if (rc != KPI_OK)
        return rc;
    char *base = kpi__malloc(strlen(p->workbook) + 1);
    if (!base)
        return kpi__error_nomem();
    rc = read_relationships(p, base);
    if (rc == KPI_OK)
        rc = check_parts(book, p);
    kpi__free(base);
    return rc;
}

int kpi__xlsx_book_read(kpi__xlsx_book *book)
{
    struct package p = {.book = book};
    int rc = read_package(book, &p);
    kpi__free(p.workbook);
    kpi__free(p.sheet_id[0]);
    kpi__free(p.sheet_id[1]);
    kpi__strbuf_free(&p.names);
    if (rc == KPI_OK)
        rc = kpi__xlsx_strings_read(book);
    if (rc == KPI_OK)
        rc = kpi__xlsx_styles_read(book);
    return rc;
}

void kpi__xlsx_book_free(kpi__xlsx_book *book)
{
    kpi__xlsx_zip_close(&book->zip);
    for (int k = 0; k < 2; k++) {
        kpi__free(book->sheet_part[k]);
        kpi__free(book->sheet_name[k]);
    }
    kpi__free(book->strings_part);
    kpi__free(book->styles_part);
    kpi__free(book->strings);
    kpi__free(book->string_start);
    kpi__free(book->xf_date);
}
