/* db: the driver table and the catalogue readers. The drivers live in the
 * loadable module (db_module.h), opened here on first use; this is the only
 * place that knows all of them. */
#include "db/db.h"
#include "db/db_module.h"
#include "db/extract.h"
#include <dlfcn.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef PKGLIBDIR
#define PKGLIBDIR "/usr/local/lib/sqlshift"
#endif

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

/* Try one file: 1 loaded, 0 no such file, -1 failed (error set). */
static int try_open(const char *path)
{
    if (access(path, F_OK) != 0)
        return 0;
    void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        snprintf(loaded.error, sizeof loaded.error, "cannot load the database driver module %s: %s", path,
                 dlerror());
        return -1;
    }
    const DbModule *m = dlsym(h, DB_MODULE_SYMBOL);
    if (!m || m->abi != DB_MODULE_ABI) {
        snprintf(loaded.error, sizeof loaded.error,
                 "the database driver module %s does not belong to this sqlshift (%s); reinstall sqlshift",
                 path, m ? "other interface version" : "no " DB_MODULE_SYMBOL);
        dlclose(h);
        return -1;
    }
    loaded.mod = m;
    return 1;
}

static void load(void)
{
    loaded.tried = 1;
    if (&sqlshift_db_module) {
        loaded.mod = &sqlshift_db_module;
        return;
    }
    const char *env = getenv("SQLSHIFT_DB_MODULE");
    if (env && *env) {
        if (try_open(env) == 0)
            snprintf(loaded.error, sizeof loaded.error,
                     "the database driver module %s (SQLSHIFT_DB_MODULE) does not exist", env);
        return;
    }
    /* Next to the program: the build tree keeps libtool's output in .libs. */
    char dir[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", dir, sizeof dir - 1);
    if (n > 0) {
        dir[n] = 0;
        char *slash = strrchr(dir, '/');
        if (slash) {
            *slash = 0;
            char path[PATH_MAX + 64];
            snprintf(path, sizeof path, "%s/.libs/%s", dir, DB_MODULE_FILE);
            if (try_open(path))
                return;
            snprintf(path, sizeof path, "%s/%s", dir, DB_MODULE_FILE);
            if (try_open(path))
                return;
        }
    }
    if (try_open(PKGLIBDIR "/" DB_MODULE_FILE) == 0)
        snprintf(loaded.error, sizeof loaded.error,
                 "the database driver module %s is not installed (it holds the PostgreSQL, MySQL and SQL "
                 "Server drivers); reinstall sqlshift",
                 PKGLIBDIR "/" DB_MODULE_FILE);
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
