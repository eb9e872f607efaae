/* placeholder: report_html.c is written in a later step */
typedef int sqlshift_placeholder_report_html_t;
