/* db: extraction of source objects from a live server as scripts in the
 * source dialect. One reader per engine (extract_mysql.c, extract_mssql.c,
 * extract_postgres.c) hands each object to a sink as soon as it is read, so
 * memory stays bounded by the largest object, not the catalogue. The sink
 * (extract_write.c) writes one file per object under a temporary folder and
 * renames it into place at the end, with a manifest in dependency order. */
#ifndef SQLSHIFT_EXTRACT_H
#define SQLSHIFT_EXTRACT_H
#include "db/db.h"

/* Object kinds in the order a script must create them (ties broken by the
 * dependencies the reader reports, then by schema and name). */
typedef enum ExtractKind {
    EX_SCHEMA = 1, EX_TYPE, EX_SEQUENCE, EX_TABLE, EX_INDEX, EX_FOREIGN_KEY,
    EX_FUNCTION, EX_PROCEDURE, /* before views: a view may call a function, and routine
                                * bodies are not resolved when they are created */
    EX_VIEW, EX_TRIGGER, EX_EVENT, EX_SYNONYM,
    EX_PROPERTY /* extended properties / comments */
} ExtractKind;

typedef struct ExtractObject {
    ExtractKind kind;
    const char *schema;      /* schema (SQL Server, PostgreSQL) or database (MySQL) */
    const char *name;
    const char *ddl;         /* complete script text in the source dialect, including its
                              * terminator (GO line for T-SQL, DELIMITER block for
                              * MySQL routines), ending with a newline; NULL for an
                              * object the server listed but did not show (no
                              * privilege): the manifest lists it as not extracted,
                              * with `note` as the reason */
    const char *const *deps; /* "schema.name" of objects this one needs, may be NULL */
    int ndeps;
    const char *note;        /* one line for the manifest (e.g. the DEFINER that was removed),
                              * or NULL */
} ExtractObject;

/* Which objects to read: patterns are PCRE2, anchored, matched against the
 * schema name (schemas) and against "schema.name" and "name" (include /
 * exclude). No schema pattern = the URL's database / every user schema. */
typedef struct ExtractFilter {
    const char *const *schemas;  int nschemas;
    const char *const *include;  int ninclude;
    const char *const *exclude;  int nexclude;
} ExtractFilter;

typedef struct ExtractSink ExtractSink;

/* Where the sink writes (extract_write.c). output: a directory (one file per
 * object, NNNN_<kind>_<schema>.<name>.sql, plus manifest.tsv), a file whose
 * name ends in .sql (one script), or NULL / "-" for standard output. Every
 * object goes to a temporary folder next to the output as soon as it is
 * received; extract_sink_close(s, 1) orders them and renames the result into
 * place, extract_sink_close(s, 0) removes everything. An existing output
 * folder is replaced only when it is empty or holds an earlier extract
 * (a manifest.tsv). progress: "extract: N/M objects" on stderr. */
typedef struct ExtractSinkOpts {
    const char *output;
    const ExtractFilter *filter;
    int progress;        /* 0 none, 1 stderr is a terminal (one updated line), 2 lines (-v) */
    const char *engine;  /* for the manifest header: "MySQL", "SQL Server", ... */
} ExtractSinkOpts;
/* Returns 0, or -1 with err set (DBE_URL for a bad pattern or an output
 * that must not be replaced, DBE_INTERNAL for a file-system failure). */
int extract_sink_open(const ExtractSinkOpts *o, ExtractSink **out, DbError *err);
/* commit=1: write the ordered output and rename it into place (0 or -1 with
 * err set, nothing left behind on failure); commit=0: discard. Frees s. */
int extract_sink_close(ExtractSink *s, int commit, DbError *err);
/* Objects stored so far. */
long extract_sink_count(const ExtractSink *s);
/* 1 when schema patterns were given; then extract_sink_selects_schema says
 * which schemas they select. Without patterns the reader takes the URL's
 * database (MySQL) or every user schema. */
int extract_sink_has_schema_patterns(const ExtractSink *s);
int extract_sink_selects_schema(const ExtractSink *s, const char *schema);
/* Returns 0, or -1 when the object could not be stored (err set). */
int extract_sink_put(ExtractSink *s, const ExtractObject *o, DbError *err);
/* Tells the sink the total once known, for progress on stderr. */
void extract_sink_total(ExtractSink *s, long total);
/* 1 when the filter selects schema.name (compiled patterns live in the sink). */
int extract_sink_selects(const ExtractSink *s, const char *schema, const char *name);

typedef int (*ExtractReader)(const DbDriver *d, DbConn *c, const DbUrl *u, ExtractSink *s, DbError *err);
/* The reader for an engine (db.c, next to the driver table), NULL when this
 * build has none. */
ExtractReader extract_reader(DbEngine e);

/* One reader per engine. Catalogue queries bind every user-supplied value
 * (query_each parameters) or quote identifiers with the engine's rules. */
int extract_mysql(const DbDriver *d, DbConn *c, const DbUrl *u, ExtractSink *s, DbError *err);
int extract_mssql(const DbDriver *d, DbConn *c, const DbUrl *u, ExtractSink *s, DbError *err);
int extract_postgres(const DbDriver *d, DbConn *c, const DbUrl *u, ExtractSink *s, DbError *err);

#endif
