/* xml: what needs libxml2, as a loadable module. libxml2 brings ICU and
 * libstdc++ with it, about 1.4 ms of dynamic linking per run, while only
 * user rule files (--rules, `rules check`) and report.html need it: the
 * built-in rules are compiled to C tables (rewrite/rules_table.h). So
 * rules_xml.c and report_html.c are built into sqlshift_xml.so, opened on
 * first use (util/modload.h); the program links no libxml2. The module
 * exports one symbol, sqlshift_xml_module, and calls back into the program
 * for the rest (arena, strbuf, rules.c, report helpers): the program
 * exports those symbols (src/xml/host.sym, the linker's --dynamic-list).
 * Test programs and tools/rules_compile link the module's code in instead. */
#ifndef SQLSHIFT_XML_MODULE_H
#define SQLSHIFT_XML_MODULE_H
#include "report/assessment.h"
#include "rewrite/rules_table.h"
#include <stddef.h>
#include <stdio.h>

/* Bumped whenever XmlModule or what it passes changes (RuleSet, RulesTable,
 * Assessment, the host symbols), so a stale installed module is refused. */
#define XML_MODULE_ABI 1
#define XML_MODULE_SYMBOL "sqlshift_xml_module"
#define XML_MODULE_FILE "sqlshift_xml.so"

typedef struct XmlModule {
    int abi;  /* XML_MODULE_ABI */
    /* rules_xml_load (rewrite/rules_int.h): reads one rule file into rs */
    int (*rules_load)(RuleSet *rs, const char *name, const char *text, size_t len, int layer,
                      RulesTable *capture, char **err);
    /* rpt_html_write (report/report_int.h): report.html into f */
    int (*html_body)(const Assessment *a, FILE *f, char **err);
} XmlModule;

/* The module: linked in, or opened once (util/modload.h: $SQLSHIFT_XML_MODULE,
 * next to the program, PKGLIBDIR). NULL when it cannot be loaded; then
 * xml_module_error() says why. */
const XmlModule *xml_module_get(void);
const char *xml_module_error(void);

#endif
