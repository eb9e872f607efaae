/* db: the live-database drivers as a loadable module. libpq, libmysqlclient
 * and FreeTDS (with gssapi, ldap, TLS, ...) cost about 8 ms of dynamic
 * linking per run, while only extract, apply, validate and --from/--validate
 * use a server. So the drivers (drv_*.c) are built into sqlshift_db.so,
 * which db.c opens on first use; the program itself links none of them.
 * The module exports one symbol, sqlshift_db_module, a table of what it
 * offers. Test programs link the drivers in statically instead (see
 * db_module_get). */
#ifndef SQLSHIFT_DB_MODULE_H
#define SQLSHIFT_DB_MODULE_H
#include "db/db.h"

/* Bumped whenever DbModule, DbDriver or the structs they pass change, so
 * that a stale installed module is refused instead of misread. */
#define DB_MODULE_ABI 1
#define DB_MODULE_SYMBOL "sqlshift_db_module"
#define DB_MODULE_FILE "sqlshift_db.so"

/* Called by pg_conninfo_each for each option a connection string sets. */
typedef int (*DbConninfoFn)(void *ctx, const char *keyword, const char *value);

typedef struct DbModule {
    int abi;                     /* DB_MODULE_ABI */
    const DbDriver *postgres, *mysql, *tds;
    /* Parse a libpq connection string (PQconninfoParse) and call fn for each
     * option with a non-empty value; stops when fn returns non-zero and
     * returns that. Returns -1 with msg (one line) set when the text is not
     * a connection string. */
    int (*pg_conninfo_each)(const char *text, DbConninfoFn fn, void *ctx, char *msg, size_t msgsz);
} DbModule;

/* The module: linked in, or opened from (first that exists) $SQLSHIFT_DB_MODULE,
 * .libs/sqlshift_db.so next to the running program (build tree), the
 * program's folder, then PKGLIBDIR. NULL when it cannot be loaded; then
 * db_module_error() says why (names the file and the loader's message). */
const DbModule *db_module_get(void);
/* Inside the module (drv_postgres.c): the pg_conninfo_each entry. */
int db_pg_conninfo_each(const char *text, DbConninfoFn fn, void *ctx, char *msg, size_t msgsz);
const char *db_module_error(void);

#endif
