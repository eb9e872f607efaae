/* db: the driver table and the catalogue readers. Each driver file defines
 * one DbDriver; this is the only place that knows all of them. */
#include "db/db.h"
#include "db/extract.h"
#include <stddef.h>

extern const DbDriver db_drv_postgres;
extern const DbDriver db_drv_mysql;
extern const DbDriver db_drv_tds;

const DbDriver *db_driver(DbEngine e)
{
    switch (e) {
    case DB_POSTGRES:
        return &db_drv_postgres;
    case DB_MYSQL:
        return &db_drv_mysql;
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
