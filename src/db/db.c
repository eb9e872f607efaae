/* db: the driver table. Each driver file defines one DbDriver; this is the
 * only place that knows all of them. */
#include "db/db.h"
#include <stddef.h>

extern const DbDriver db_drv_postgres;
/* this branch has the PostgreSQL driver only; the integrator restores
 * db_drv_mysql and db_drv_tds at merge */

const DbDriver *db_driver(DbEngine e)
{
    switch (e) {
    case DB_POSTGRES:
        return &db_drv_postgres;
    case DB_MYSQL:
    case DB_MSSQL:
        return NULL;
    }
    return NULL;
}
