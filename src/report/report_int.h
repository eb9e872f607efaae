#ifndef SQLSHIFT_REPORT_INT_H
#define SQLSHIFT_REPORT_INT_H
#include "report/assessment.h"
#include <stdio.h>

/* report: internals shared by assessment.c and the three writers. */
typedef struct RptKind {
    const char *kind;  /* object kind; RPT_NO_OBJECT; or "TOTAL" (last row) */
    int total;         /* objects of this kind */
    int st[4];         /* objects per ObjStatus */
    int items;         /* action items on these objects */
    int effort_min;    /* their summed effort */
} RptKind;
#define RPT_NO_OBJECT "(no object)" /* row for items attached to no object */
typedef int (*RptBody)(const Assessment *a, FILE *f, char **err);
typedef struct RptOut {
    const char *path;  /* final name */
    RptBody body;      /* writes the content to an open temporary file */
} RptOut;
int rpt_kinds(const Assessment *a, RptKind **rows);
int rpt_object_items(const Assessment *a, int **first, int **list);
const char *rpt_status_name(int st);
const char *rpt_str(const char *s);
const char *rpt_file_name(const Assessment *a, int file);
const char *rpt_encoding_name(int enc);
void rpt_hours(char buf[32], long minutes);
size_t rpt_utf8_next(const unsigned char *s, size_t n, unsigned *cp);
char *rpt_clean(const char *s);
char *rpt_errf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Row i of a long list is done: now and then lets the caller drop texts. */
void rpt_row_done(const Assessment *a, long i);
int rpt_write_set(const Assessment *a, const RptOut *outs, int n, char **err);
int rpt_csv_summary(const Assessment *a, FILE *f, char **err);
int rpt_csv_items(const Assessment *a, FILE *f, char **err);
int rpt_csv_objects(const Assessment *a, FILE *f, char **err);
int rpt_html_body(const Assessment *a, FILE *f, char **err);
/* report_html.c, in the XML module: what rpt_html_body calls there. */
int rpt_html_write(const Assessment *a, FILE *f, char **err);
int rpt_json_body(const Assessment *a, FILE *f, char **err);
/* ---- end of the shared block -------------------------------------------- */

#endif
