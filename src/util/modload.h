/* util: opening one of sqlshift's loadable modules. Libraries that only
 * some commands need (the database clients: src/db/db_module.h; libxml2
 * with ICU: src/xml/xml_module.h) live in modules that the program opens on
 * first use, so that they cost nothing at the start of every run. A module
 * exports one symbol, a table whose first member is its interface version. */
#ifndef SQLSHIFT_MODLOAD_H
#define SQLSHIFT_MODLOAD_H
#include <stddef.h>

typedef struct ModSpec {
    const char *file;    /* e.g. "sqlshift_db.so" */
    const char *env;     /* variable naming the file to use instead, e.g. "SQLSHIFT_DB_MODULE" */
    const char *symbol;  /* the exported table, e.g. "sqlshift_db_module" */
    int abi;             /* the table's first member must equal this */
    const char *what;    /* for messages: "database driver module" */
    const char *holds;   /* for messages: "holds the PostgreSQL, MySQL and SQL Server drivers" */
} ModSpec;

/* Opens the module: the file named by $env if set (and only it), else the
 * first that exists of .libs/FILE next to the running program (the build
 * tree), FILE next to it, PKGLIBDIR/FILE. Returns its table, or NULL with
 * a one-line message in err (it names the file and the loader's reason). */
const void *mod_load(const ModSpec *spec, char *err, size_t errsz);

#endif
