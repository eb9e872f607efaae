/* db: the driver table and the catalogue readers. Each driver file defines
 * one DbDriver; this is the only place that knows all of them.
 * (Branch dbmy: only the MySQL driver and reader exist here; the
 * PostgreSQL and SQL Server entries return NULL until the branches are
 * merged, and callers say "this build has no ... driver".) */
#include "db/db.h"
#include "db/extract.h"
#include <stddef.h>

extern const DbDriver db_drv_mysql;

const DbDriver *db_driver(DbEngine e)
{
    switch (e) {
    case DB_POSTGRES:
        return NULL; /* &db_drv_postgres after the merge */
    case DB_MYSQL:
        return &db_drv_mysql;
    case DB_MSSQL:
        return NULL; /* &db_drv_tds after the merge */
    }
    return NULL;
}

ExtractReader extract_reader(DbEngine e)
{
    switch (e) {
    case DB_POSTGRES:
        return NULL; /* extract_postgres after the merge */
    case DB_MYSQL:
        return extract_mysql;
    case DB_MSSQL:
        return NULL; /* extract_mssql after the merge */
    }
    return NULL;
}
