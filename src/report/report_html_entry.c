/* report: report.html is built with libxml2, so report_html.c lives in the
 * XML module (src/xml/xml_module.h); these entries open it when a report
 * is written. */
#include "report/assessment.h"
#include "report/report_int.h"
#include "xml/xml_module.h"
#include <stddef.h>

int rpt_html_body(const Assessment *a, FILE *f, char **err)
{
    const XmlModule *m = xml_module_get();
    if (!m) {
        *err = rpt_errf("%s", xml_module_error());
        return -1;
    }
    return m->html_body(a, f, err);
}

int report_write_html(const Assessment *a, const char *path, char **err)
{
    *err = NULL;
    if (!path || !*path) {
        *err = rpt_errf("no report file given");
        return -1;
    }
    RptOut out = {path, rpt_html_body};
    return rpt_write_set(a, &out, 1, err);
}
