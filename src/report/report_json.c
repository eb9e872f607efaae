/* report: report.json, the assessment for programs: the same content as
 * the CSV files and the HTML page, keys in a fixed order, two-space
 * indentation, valid UTF-8 (invalid input bytes become U+FFFD). The field
 * list is in reports/columns.md. */
#include "report/assessment.h"
#include "diag/diag.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/report_int.h"

/* A tiny pretty-printing writer: it tracks nesting and whether the current
 * container has a member yet, so commas and indentation are always right. */
typedef struct Jw {
    FILE *f;
    int depth;          /* open containers */
    int count[16];      /* members written so far, per depth */
} Jw;

/* A JSON string. Controls are escaped (\n \r \t \b \f, else \u00XX), and so
 * are DEL, U+2028 and U+2029 (harmless in JSON, but they break JavaScript
 * string literals when a consumer pastes the output into a script). */
static void json_str(FILE *f, const char *s)
{
    s = rpt_str(s);
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s), i = 0;
    fputc('"', f);
    while (i < n) {
        unsigned cp;
        size_t k = rpt_utf8_next(p + i, n - i, &cp);
        switch (cp) {
        case '"': fputs("\\\"", f); break;
        case '\\': fputs("\\\\", f); break;
        case '\n': fputs("\\n", f); break;
        case '\r': fputs("\\r", f); break;
        case '\t': fputs("\\t", f); break;
        case '\b': fputs("\\b", f); break;
        case '\f': fputs("\\f", f); break;
        case 0x7F: case 0x2028: case 0x2029: fprintf(f, "\\u%04x", cp); break;
        default:
            if (cp < 0x20)
                fprintf(f, "\\u%04x", cp);
            else if (cp == 0xFFFD)
                fputs("\xEF\xBF\xBD", f); /* also for a replaced invalid sequence */
            else
                fwrite(p + i, 1, k, f);
        }
        i += k;
    }
    fputc('"', f);
}

static void jw_newline(Jw *w)
{
    fputc('\n', w->f);
    for (int i = 0; i < w->depth; i++)
        fputs("  ", w->f);
}

/* Before a member or an array element. */
static void jw_sep(Jw *w)
{
    if (w->count[w->depth]++)
        fputc(',', w->f);
    jw_newline(w);
}

static void jw_key(Jw *w, const char *k)
{
    jw_sep(w);
    json_str(w->f, k);
    fputs(": ", w->f);
}

static void jw_open(Jw *w, char c)
{
    fputc(c, w->f);
    if (w->depth < 15)
        w->depth++;
    w->count[w->depth] = 0;
}

static void jw_close(Jw *w, char c)
{
    int had = w->count[w->depth];
    w->depth--;
    if (had)
        jw_newline(w);
    fputc(c, w->f);
}

static void jw_str(Jw *w, const char *k, const char *v)
{
    jw_key(w, k);
    json_str(w->f, v);
}

static void jw_int(Jw *w, const char *k, long v)
{
    jw_key(w, k);
    fprintf(w->f, "%ld", v);
}

static void jw_pos(Jw *w, SrcPos s, SrcPos e)
{
    jw_int(w, "start_line", s.line);
    jw_int(w, "start_column", s.col);
    jw_int(w, "end_line", e.line);
    jw_int(w, "end_column", e.col);
}

static void summary_row(Jw *w, const RptKind *k)
{
    char h[32];
    rpt_hours(h, k->effort_min);
    jw_open(w, '{');
    jw_str(w, "kind", k->kind);
    jw_int(w, "total", k->total);
    jw_int(w, "converted", k->st[OBJ_CONVERTED]);
    jw_int(w, "converted_with_warnings", k->st[OBJ_WARNINGS]);
    jw_int(w, "manual", k->st[OBJ_MANUAL]);
    jw_int(w, "excluded", k->st[OBJ_EXCLUDED]);
    jw_int(w, "action_items", k->items);
    jw_int(w, "effort_minutes", k->effort_min);
    jw_key(w, "estimated_hours");
    fputs(h, w->f); /* digits and one '.', a valid JSON number */
    jw_close(w, '}');
}

int rpt_json_body(const Assessment *a, FILE *f, char **err)
{
    RptKind *rows = NULL;
    int *first = NULL, *list = NULL;
    int nrows = rpt_kinds(a, &rows);
    if (nrows < 0 || rpt_object_items(a, &first, &list) != 0) {
        free(rows);
        *err = rpt_errf("out of memory");
        return -1;
    }
    Jw w = {f, 0, {0}};
    jw_open(&w, '{');
    jw_str(&w, "tool", "sqlshift");
    jw_str(&w, "version", a->tool_version);
    jw_str(&w, "source", a->source);
    jw_str(&w, "target", a->target);

    jw_key(&w, "summary");
    jw_open(&w, '{');
    jw_key(&w, "kinds");
    jw_open(&w, '[');
    for (int i = 0; i < nrows - 1; i++) {
        jw_sep(&w);
        summary_row(&w, &rows[i]);
    }
    jw_close(&w, ']');
    jw_key(&w, "total");
    summary_row(&w, &rows[nrows - 1]);
    jw_close(&w, '}');

    jw_str(&w, "complexity", assess_complexity(a));
    jw_int(&w, "total_effort_minutes", assess_total_effort(a));

    jw_key(&w, "files");
    jw_open(&w, '[');
    for (int i = 0; i < a->nfiles; i++) {
        const SourceFile *sf = a->files[i];
        jw_sep(&w);
        jw_open(&w, '{');
        jw_str(&w, "name", sf ? sf->name : "");
        jw_int(&w, "bytes", sf ? (long)sf->raw_len : 0);
        jw_str(&w, "encoding", sf ? rpt_encoding_name(sf->encoding) : "unknown");
        jw_close(&w, '}');
    }
    jw_close(&w, ']');

    jw_key(&w, "objects");
    jw_open(&w, '[');
    for (int i = 0; i < a->nobjects; i++) {
        const ObjectRec *o = &a->objects[i];
        jw_sep(&w);
        jw_open(&w, '{');
        jw_int(&w, "id", i + 1);
        jw_str(&w, "kind", o->kind);
        jw_str(&w, "schema", o->schema);
        jw_str(&w, "name", o->name);
        jw_str(&w, "file", rpt_file_name(a, o->file));
        jw_pos(&w, o->start, o->end);
        jw_str(&w, "status", rpt_status_name(o->status));
        jw_int(&w, "action_items", o->n_items);
        jw_key(&w, "max_severity");
        if (o->max_sev >= 0)
            json_str(f, sev_name(o->max_sev));
        else
            fputs("null", f);
        jw_int(&w, "effort_minutes", o->effort_min);
        jw_str(&w, "validated", o->validated);
        /* ids of its items, on one line: they are references, not content */
        jw_key(&w, "items");
        fputc('[', f);
        for (int j = first[i]; j < first[i + 1]; j++)
            fprintf(f, j > first[i] ? ", %d" : "%d", list[j] + 1);
        fputc(']', f);
        jw_close(&w, '}');
    }
    jw_close(&w, ']');

    jw_key(&w, "action_items");
    jw_open(&w, '[');
    for (int i = 0; i < a->nitems; i++) {
        const ItemRec *it = &a->items[i];
        const ObjectRec *o = it->object >= 0 && it->object < a->nobjects ? &a->objects[it->object] : NULL;
        jw_sep(&w);
        jw_open(&w, '{');
        jw_int(&w, "id", i + 1);
        jw_str(&w, "code", it->code);
        jw_str(&w, "severity", sev_name(it->sev));
        jw_str(&w, "category", it->category);
        jw_key(&w, "object");
        if (o)
            fprintf(f, "%d", it->object + 1);
        else
            fputs("null", f);
        jw_str(&w, "object_kind", o ? o->kind : "");
        jw_str(&w, "object_schema", o ? o->schema : "");
        jw_str(&w, "object_name", o ? o->name : "");
        jw_str(&w, "file", rpt_file_name(a, it->file));
        jw_pos(&w, it->start, it->end);
        jw_str(&w, "message", it->message);
        jw_str(&w, "recommendation", it->recommendation);
        jw_int(&w, "effort_minutes", it->effort_min);
        jw_str(&w, "snippet", it->snippet);
        jw_close(&w, '}');
        rpt_row_done(a, i);
    }
    jw_close(&w, ']');
    jw_close(&w, '}');
    fputc('\n', f);
    free(rows);
    free(first);
    free(list);
    return 0;
}

int report_write_json(const Assessment *a, const char *path, char **err)
{
    *err = NULL;
    if (!path || !*path) {
        *err = rpt_errf("no report file given");
        return -1;
    }
    RptOut out = {path, rpt_json_body};
    return rpt_write_set(a, &out, 1, err);
}
