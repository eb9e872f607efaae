/* report: the assessment of one run, as the report writers see it. The
 * pipeline fills it from the object table and the diagnostics list, with
 * catalogue data (severity, effort, recommendation) already resolved. */
#ifndef SQLSHIFT_ASSESSMENT_H
#define SQLSHIFT_ASSESSMENT_H
#include "diag/source.h"

typedef enum ObjStatus {
    OBJ_CONVERTED,      /* no action item above info */
    OBJ_WARNINGS,       /* items of low or medium severity only */
    OBJ_MANUAL,         /* at least one high or critical item */
    OBJ_EXCLUDED        /* skipped by an include/exclude rule */
} ObjStatus;

typedef struct ObjectRec {
    const char *kind;       /* "table","view","index","sequence","synonym","schema","type",
                               "comment","constraint","procedure","function","trigger",
                               "package","package body","type body","statement" */
    const char *schema;     /* "" if none */
    const char *name;       /* as written in the source, unquoted */
    int file;               /* index into Assessment.files */
    SrcPos start, end;      /* first and last character of the definition (end: only
                               computed when a report is written, else = start) */
    ObjStatus status;
    int n_items;            /* action items attached */
    int max_sev;            /* highest severity among them, -1 if none */
    int effort_min;         /* sum of the items' effort */
    const char *validated;  /* "", or e.g. "ok on PostgreSQL 15" / "failed: ..." */
} ObjectRec;

typedef struct ItemRec {
    const char *code;            /* catalogue code */
    int sev;                     /* Severity */
    const char *category;
    int object;                  /* index into objects, -1 for file-level items */
    int file;                    /* index into files */
    SrcPos start, end;           /* end: as ObjectRec.end */
    const char *snippet;         /* source text of the span (truncated at 2000 bytes) */
    const char *message;
    const char *recommendation;
    int effort_min;
} ItemRec;

typedef struct Assessment {
    const char *tool_version;    /* PACKAGE_VERSION */
    const char *source;          /* dialect names */
    const char *target;
    const SourceFile *const *files;
    int nfiles;
    const ObjectRec *objects;
    int nobjects;
    const ItemRec *items;
    int nitems;
    /* Optional: called every few thousand rows while the writers go through
     * the items; the caller may give back the memory of the texts read so
     * far (files mapped read-only, read again when used). */
    void (*drop_texts)(void *ctx);
    void *drop_ctx;
} Assessment;

/* Complexity rating of the whole input from the total effort and the share of
 * objects needing manual work: "low", "medium", "high", "very high". */
const char *assess_complexity(const Assessment *a);
int assess_total_effort(const Assessment *a);

/* Writers. Each returns 0 or -1 with *err set (malloc'd). Files are written
 * to a temporary name in dir and renamed when complete. */
int report_write_csv(const Assessment *a, const char *dir, char **err);   /* summary, action_items, objects */
int report_write_html(const Assessment *a, const char *path, char **err);
int report_write_json(const Assessment *a, const char *path, char **err);
/* All five files into dir (created if missing). */
int report_write_all(const Assessment *a, const char *dir, char **err);

#endif
