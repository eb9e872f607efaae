/* xml: opens the XML module on first use (xml_module.h). */
#include "xml/xml_module.h"
#include "util/modload.h"
#include <limits.h>

/* Test programs and tools link the module's code in (xml_module.c); the
 * program does not, and then this weak reference is NULL. */
extern const XmlModule sqlshift_xml_module __attribute__((weak));

/* Loaded once per process, like the dlopen handle itself. */
static struct {
    int tried;
    const XmlModule *mod;
    char error[PATH_MAX + 512];
} loaded;

const XmlModule *xml_module_get(void)
{
    static const ModSpec spec = {
        XML_MODULE_FILE, "SQLSHIFT_XML_MODULE", XML_MODULE_SYMBOL, XML_MODULE_ABI, "XML module",
        "reads rule files and writes report.html with libxml2",
    };
    if (!loaded.tried) {
        loaded.tried = 1;
        if (&sqlshift_xml_module)
            loaded.mod = &sqlshift_xml_module;
        else
            loaded.mod = mod_load(&spec, loaded.error, sizeof loaded.error);
    }
    return loaded.mod;
}

const char *xml_module_error(void)
{
    return loaded.mod ? NULL : loaded.error;
}
