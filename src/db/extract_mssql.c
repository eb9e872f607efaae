/* db: extract_mssql(): the SQL Server catalogue reader (mssql_script.c)
 * writing into an ExtractSink (extract_write.c). Kept apart from the reader
 * so that the reader's tests need no sink. */
#include "db/extract.h"
#include "db/mssql_script.h"

static int sink_put(void *ctx, const ExtractObject *o, DbError *err)
{
    return extract_sink_put(ctx, o, err);
}

static int sink_selects(void *ctx, const char *schema, const char *name)
{
    return extract_sink_selects(ctx, schema, name);
}

static void sink_total(void *ctx, long n)
{
    extract_sink_total(ctx, n);
}

int extract_mssql(const DbDriver *d, DbConn *c, const DbUrl *u, ExtractSink *s, DbError *err)
{
    (void)u; /* the database is the connection's (the URL's /db) */
    MsOut out = {sink_put, sink_selects, sink_total, s};
    return ms_extract_run(d, c, &out, err);
}
