/* db: the driver table and the catalogue readers. The drivers live in the
 * loadable module (db_module.h), opened here on first use; this is the only
 * place that knows all of them. */
#include "db/db.h"
#include "db/db_module.h"
#include "db/extract.h"
#include "util/modload.h"
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Test programs link the drivers in (db_module.c); the program does not,
 * and then this weak reference is NULL. */
extern const DbModule sqlshift_db_module __attribute__((weak));

/* The process-wide result of loading the module once: dlopen handles are
 * process-wide anyway, and a second attempt would fail the same way. */
static struct {
    int tried;
    const DbModule *mod;
    char error[PATH_MAX + 512];
} loaded;

static void load(void)
{
    static const ModSpec spec = {
        DB_MODULE_FILE, "SQLSHIFT_DB_MODULE", DB_MODULE_SYMBOL, DB_MODULE_ABI, "database driver module",
        "holds the PostgreSQL, MySQL and SQL Server drivers",
    };
    loaded.tried = 1;
    if (&sqlshift_db_module)
        loaded.mod = &sqlshift_db_module;
    else
        loaded.mod = mod_load(&spec, loaded.error, sizeof loaded.error);
}

const DbModule *db_module_get(void)
{
    if (!loaded.tried)
        load();
    return loaded.mod;
}

const char *db_module_error(void)
{
    return loaded.mod ? NULL : loaded.error;
}

const DbDriver *db_driver(DbEngine e)
{
    const DbModule *m = db_module_get();
    if (!m)
        return NULL;
    switch (e) {
    case DB_POSTGRES:
        return m->postgres;
    case DB_MYSQL:
        return m->mysql;
    case DB_MSSQL:
        return m->tds;
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
