/* xml: the one symbol of the XML module (xml_module.h). */
#include "xml/xml_module.h"
#include "report/report_int.h"
#include "rewrite/rules_int.h"

/* Not static: looked up by name with dlsym. */
extern const XmlModule sqlshift_xml_module;
const XmlModule sqlshift_xml_module = {
    XML_MODULE_ABI, rules_xml_load, rpt_html_write,
};
