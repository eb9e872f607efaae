/* db: the one symbol of the driver module (db_module.h). */
#include "db/db_module.h"

extern const DbDriver db_drv_postgres;
extern const DbDriver db_drv_mysql;
extern const DbDriver db_drv_tds;

/* Not static: looked up by name with dlsym. */
extern const DbModule sqlshift_db_module;
const DbModule sqlshift_db_module = {
    DB_MODULE_ABI, &db_drv_postgres, &db_drv_mysql, &db_drv_tds, db_pg_conninfo_each,
};
