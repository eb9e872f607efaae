/* db: the driver table and the catalogue readers. Each driver file defines
 * one DbDriver; this is the only place that knows all of them. */
#include "db/db.h"
#include "db/extract.h"
#include <stddef.h>

/* Branch dbtds has only the SQL Server driver: the integrator restores
 * db_drv_postgres and db_drv_mysql here at merge. */
extern const DbDriver db_drv_tds;

const DbDriver *db_driver(DbEngine e)
{
    switch (e) {
    case DB_POSTGRES:
    case DB_MYSQL:
        return NULL; /* "sqlshift: this build has no <engine> driver" */
    case DB_MSSQL:
        return &db_drv_tds;
    }
    return NULL;
}

ExtractReader extract_reader(DbEngine e)
{
    switch (e) {
    case DB_POSTGRES:
        return extract_postgres;
    case DB_MYSQL:
        return extract_mysql;
    case DB_MSSQL:
        return extract_mssql;
    }
    return NULL;
}
