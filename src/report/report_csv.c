/* report: the three CSV files of the assessment (summary.csv,
 * action_items.csv, objects.csv), columns as in reports/columns.md.
 * Fields are quoted by libcsv only when they need it, rows end with "\n",
 * text is UTF-8 without BOM, rows keep the order the pipeline gave. */
#include "report/assessment.h"
#include "diag/diag.h"
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/report_int.h"

/* Writes one text field. Untrusted text is cleaned to valid UTF-8 first.
 * A field is quoted when a reader could misread it unquoted: a separator,
 * quote or line end inside, or blanks at either end (some readers trim). */
static int put_text(FILE *f, const char *s, int first, char **err)
{
    if (!first && fputc(',', f) == EOF)
        return 0; /* the caller's ferror check reports it */
    char *c = rpt_clean(s);
    if (!c) {
        *err = rpt_errf("out of memory");
        return -1;
    }
    size_t n = strlen(c);
    int quote = n > 0 && (strpbrk(c, ",\"\r\n") != NULL || c[0] == ' ' || c[0] == '\t' ||
                          c[n - 1] == ' ' || c[n - 1] == '\t');
    if (quote)
        csv_fwrite(f, c, n);
    else
        fwrite(c, 1, n, f);
    free(c);
    return 0;
}

static void put_int(FILE *f, long v)
{
    fprintf(f, ",%ld", v);
}

static void put_pos(FILE *f, SrcPos s, SrcPos e)
{
    fprintf(f, ",%d,%d,%d,%d", s.line, s.col, e.line, e.col);
}

/* Header rows double as the column contract: reports/columns.md lists the
 * same names in the same order (tests compare them). */
static const char summary_header[] =
    "kind,total,converted,converted_with_warnings,manual,excluded,action_items,estimated_hours\n";
static const char items_header[] =
    "code,severity,category,object_kind,object_schema,object_name,file,start_line,start_column,"
    "end_line,end_column,message,recommendation,effort_minutes,snippet\n";
static const char objects_header[] =
    "kind,schema,name,file,start_line,start_column,end_line,end_column,status,action_items,"
    "max_severity,effort_minutes,validated\n";

int rpt_csv_summary(const Assessment *a, FILE *f, char **err)
{
    RptKind *rows;
    int n = rpt_kinds(a, &rows);
    if (n < 0) {
        *err = rpt_errf("out of memory");
        return -1;
    }
    fputs(summary_header, f);
    int rc = 0;
    for (int i = 0; i < n && rc == 0; i++) {
        const RptKind *k = &rows[i];
        char h[32];
        rpt_hours(h, k->effort_min);
        rc = put_text(f, k->kind, 1, err);
        fprintf(f, ",%d,%d,%d,%d,%d,%d,%s\n", k->total, k->st[OBJ_CONVERTED], k->st[OBJ_WARNINGS],
                k->st[OBJ_MANUAL], k->st[OBJ_EXCLUDED], k->items, h);
    }
    free(rows);
    return rc;
}

int rpt_csv_items(const Assessment *a, FILE *f, char **err)
{
    fputs(items_header, f);
    for (int i = 0; i < a->nitems; i++) {
        const ItemRec *it = &a->items[i];
        const ObjectRec *o = it->object >= 0 && it->object < a->nobjects ? &a->objects[it->object] : NULL;
        if (put_text(f, it->code, 1, err) != 0 || put_text(f, sev_name(it->sev), 0, err) != 0 ||
            put_text(f, it->category, 0, err) != 0 || put_text(f, o ? o->kind : "", 0, err) != 0 ||
            put_text(f, o ? o->schema : "", 0, err) != 0 || put_text(f, o ? o->name : "", 0, err) != 0 ||
            put_text(f, rpt_file_name(a, it->file), 0, err) != 0)
            return -1;
        put_pos(f, it->start, it->end);
        if (put_text(f, it->message, 0, err) != 0 || put_text(f, it->recommendation, 0, err) != 0)
            return -1;
        put_int(f, it->effort_min);
        if (put_text(f, it->snippet, 0, err) != 0)
            return -1;
        fputc('\n', f);
        rpt_row_done(a, i);
    }
    return 0;
}

int rpt_csv_objects(const Assessment *a, FILE *f, char **err)
{
    fputs(objects_header, f);
    for (int i = 0; i < a->nobjects; i++) {
        const ObjectRec *o = &a->objects[i];
        if (put_text(f, o->kind, 1, err) != 0 || put_text(f, o->schema, 0, err) != 0 ||
            put_text(f, o->name, 0, err) != 0 || put_text(f, rpt_file_name(a, o->file), 0, err) != 0)
            return -1;
        put_pos(f, o->start, o->end);
        if (put_text(f, rpt_status_name(o->status), 0, err) != 0)
            return -1;
        put_int(f, o->n_items);
        if (put_text(f, o->max_sev >= 0 ? sev_name(o->max_sev) : "", 0, err) != 0)
            return -1;
        put_int(f, o->effort_min);
        if (put_text(f, o->validated, 0, err) != 0)
            return -1;
        fputc('\n', f);
    }
    return 0;
}

int report_write_csv(const Assessment *a, const char *dir, char **err)
{
    static const char *const names[3] = {"summary.csv", "action_items.csv", "objects.csv"};
    static const RptBody bodies[3] = {rpt_csv_summary, rpt_csv_items, rpt_csv_objects};
    *err = NULL;
    if (!dir || !*dir) {
        *err = rpt_errf("no report directory given");
        return -1;
    }
    RptOut outs[3];
    char *paths[3] = {0};
    size_t dl = strlen(dir);
    const char *sep = dir[dl - 1] == '/' ? "" : "/";
    int rc = 0;
    for (int i = 0; i < 3; i++) {
        if (asprintf(&paths[i], "%s%s%s", dir, sep, names[i]) < 0) {
            paths[i] = NULL;
            rc = -1;
        }
        outs[i].path = paths[i];
        outs[i].body = bodies[i];
    }
    if (rc == 0)
        rc = rpt_write_set(a, outs, 3, err);
    else
        *err = rpt_errf("cannot write the report: out of memory");
    for (int i = 0; i < 3; i++)
        free(paths[i]);
    return rc;
}
