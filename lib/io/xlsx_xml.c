/* A workbook part's XML, parsed with expat as the part is inflated, so
 * that a sheet is never held whole. Expat allocates through libkpi's
 * allocator (a refused allocation is KPI_ERR_NOMEM, and testable), and a
 * DOCTYPE stops the parse: workbooks have none, and entity declarations
 * are how a small file becomes a billion laughs. Names reach the handlers
 * without their namespace prefix, as writers differ ("c", "x:c"). */
#include "io/xlsx_read.h"
#include "util/alloc.h"
#include "util/error.h"
#include "kpi/csv.h"

#include <expat.h>
#include <string.h>

struct kpi__xlsx_xml {
    XML_Parser parser;
    kpi__xlsx_zip *zip;
    const char *part;
    const kpi__xlsx_xml_calls *calls;
    void *context;
    int rc; /* the first handler's error */
};

static const char *local_name(const char *name)
{
    const char *colon = strrchr(name, ':');
    return colon ? colon + 1 : name;
}

const char *kpi__xlsx_attribute(const char **attributes, const char *name)
{
    for (size_t i = 0; attributes[i]; i += 2)
        if (strcmp(local_name(attributes[i]), name) == 0)
            return attributes[i + 1];
    return NULL;
}

void kpi__xlsx_xml_stop(kpi__xlsx_xml *xml, int rc)
{
    if (xml->rc != KPI_OK)
        return;
    xml->rc = rc;
    XML_StopParser(xml->parser, XML_FALSE);
}

static void XMLCALL on_start(void *data, const XML_Char *name,
                             const XML_Char **attributes)
{
    kpi__xlsx_xml *xml = data;
    if (xml->rc == KPI_OK && xml->calls->start)
        xml->calls->start(xml, xml->context, local_name(name), attributes);
}

static void XMLCALL on_end(void *data, const XML_Char *name)
{
    kpi__xlsx_xml *xml = data;
    if (xml->rc == KPI_OK && xml->calls->end)
        xml->calls->end(xml, xml->context, local_name(name));
}

static void XMLCALL on_text(void *data, const XML_Char *text, int size)
{
    kpi__xlsx_xml *xml = data;
    if (xml->rc == KPI_OK && xml->calls->text)
        xml->calls->text(xml, xml->context, text, (size_t)size);
}

static int xml_error(const kpi__xlsx_xml *xml, const char *what)
{
    return kpi__error_at(
        KPI_ERR_PARSE, xml->zip->file, 0, 0, "%s: %s:%lu:%lu: %s", xml->zip->file,
        xml->part, (unsigned long)XML_GetCurrentLineNumber(xml->parser),
        (unsigned long)XML_GetCurrentColumnNumber(xml->parser) + 1, what);
}

static void XMLCALL on_doctype(void *data, const XML_Char *name, const XML_Char *system,
                               const XML_Char *public, int internal)
{
    (void)name, (void)system, (void)public, (void)internal;
    kpi__xlsx_xml *xml = data;
    kpi__xlsx_xml_stop(xml,
                       xml_error(xml, "a DOCTYPE, which no workbook has, is refused"));
}

static void XMLCALL on_entity(void *data, const XML_Char *name, int parameter,
                              const XML_Char *value, int length, const XML_Char *base,
                              const XML_Char *system, const XML_Char *public,
                              const XML_Char *notation)
{
    (void)name, (void)parameter, (void)value, (void)length, (void)base, (void)system;
    (void)public, (void)notation;
    kpi__xlsx_xml *xml = data;
    kpi__xlsx_xml_stop(xml, xml_error(xml, "an entity declaration is refused"));
}

/* Feeds a chunk of the part to expat. */
static int feed(void *context, const char *bytes, size_t size, int last)
{
    kpi__xlsx_xml *xml = context;
    if (XML_Parse(xml->parser, bytes, (int)size, last) == XML_STATUS_OK)
        return KPI_OK;
    if (xml->rc != KPI_OK)
        return xml->rc;
    enum XML_Error code = XML_GetErrorCode(xml->parser);
    if (code == XML_ERROR_NO_MEMORY)
        return kpi__error_nomem();
    return xml_error(xml, XML_ErrorString(code));
}

static const XML_Memory_Handling_Suite memory = {kpi__malloc, kpi__realloc, kpi__free};

int kpi__xlsx_xml_parse(kpi__xlsx_zip *zip, const char *part,
                        const kpi__xlsx_xml_calls *calls, void *context)
{
    kpi__xlsx_xml xml = {.zip = zip, .part = part, .calls = calls, .context = context};
    xml.parser = XML_ParserCreate_MM(NULL, &memory, NULL);
    if (!xml.parser)
        return kpi__error_nomem();
    XML_SetUserData(xml.parser, &xml);
    XML_SetElementHandler(xml.parser, on_start, on_end);
    XML_SetCharacterDataHandler(xml.parser, on_text);
    XML_SetStartDoctypeDeclHandler(xml.parser, on_doctype);
    XML_SetEntityDeclHandler(xml.parser, on_entity);
    int rc = kpi__xlsx_zip_read(zip, part, feed, &xml);
    XML_ParserFree(xml.parser);
    return rc;
}

/* ---- Collected text ----------------------------------------------------- */

int kpi__xlsx_text_add(kpi__xlsx_text *text, const char *bytes, size_t size)
{
    if (text->over || size > (size_t)KPI_MAX_FIELD - text->size) {
        text->over = 1;
        return KPI_OK;
    }
    if (text->capacity - text->size <= size) {
        size_t capacity = text->capacity ? text->capacity : 64;
        while (capacity - text->size <= size)
            capacity *= 2;
        char *data = kpi__realloc(text->data, capacity);
        if (!data)
            return kpi__error_nomem();
        text->data = data;
        text->capacity = capacity;
    }
    memcpy(text->data + text->size, bytes, size);
    text->size += size;
    text->data[text->size] = '\0';
    return KPI_OK;
}

void kpi__xlsx_text_free(kpi__xlsx_text *text)
{
    kpi__free(text->data);
    *text = (kpi__xlsx_text){0};
}
