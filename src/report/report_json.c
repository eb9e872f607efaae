/* placeholder: report_json.c is written in a later step */
typedef int sqlshift_placeholder_report_json_t;
