/* placeholder: report_csv.c is written in a later step */
typedef int sqlshift_placeholder_report_csv_t;
