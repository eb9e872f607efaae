/* db: the SQL Server catalogue reader without the sink: runs the queries of
 * mssql_catalog.def through any DbDriver (FreeTDS in production, recorded
 * rows in the tests) and turns the rows into one T-SQL script per object,
 * handed on one at a time (memory bounded by the largest object plus the
 * dependency list). extract_mssql.c connects this to an ExtractSink. */
#ifndef SQLSHIFT_MSSQL_SCRIPT_H
#define SQLSHIFT_MSSQL_SCRIPT_H
#include "db/extract.h"

typedef enum MsQuery {
#define MS_QUERY(id, name, ncols, sql) MSQ_##id,
#include "db/mssql_catalog.def"
#undef MS_QUERY
    MSQ_N
} MsQuery;

typedef struct MsCatalogQuery {
    const char *name; /* "table_parts" */
    int ncols;        /* columns every row has */
    const char *sql;
} MsCatalogQuery;

extern const MsCatalogQuery ms_catalog[MSQ_N];

/* Where the objects go: an ExtractSink in production, a test's collector. */
typedef struct MsOut {
    int (*put)(void *ctx, const ExtractObject *o, DbError *err);
    int (*selects)(void *ctx, const char *schema, const char *name);
    void (*total)(void *ctx, long n);
    void *ctx;
} MsOut;

/* Reads the whole catalogue through d/c in dependency-friendly order:
 * schemas, user types, sequences, tables and table types, indexes, foreign
 * keys, views/functions/procedures/triggers, synonyms, extended properties.
 * Returns 0, or -1 with err set (a failed query, a row of the wrong shape,
 * or the sink's own error). */
int ms_extract_run(const DbDriver *d, DbConn *c, const MsOut *out, DbError *err);

#endif
