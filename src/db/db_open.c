/* db: opening a connection from a command-line URL (db_open.h). */
#include "db/db_open.h"
#include "db/db_module.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *engine_name(DbEngine e)
{
    switch (e) {
    case DB_POSTGRES: return "PostgreSQL";
    case DB_MYSQL: return "MySQL";
    case DB_MSSQL: return "SQL Server";
    }
    return "?";
}

int db_open(const char *url, const DbOpts *o, DbUrl *u, const DbDriver **d, DbConn **c, DbError *err)
{
    memset(err, 0, sizeof *err);
    *d = NULL;
    *c = NULL;
    if (db_url_parse(url, u, err) != 0) {
        memset(u, 0, sizeof *u);
        return -1;
    }
    *d = db_driver(u->engine);
    if (!*d) {
        err->kind = db_module_error() ? DBE_CONNECT : DBE_INTERNAL;
        if (db_module_error())
            snprintf(err->msg, sizeof err->msg, "%s", db_module_error());
        else
            snprintf(err->msg, sizeof err->msg, "this build has no %s driver", engine_name(u->engine));
        return -1;
    }
    char *pw = db_password(u, o, err);
    if (!pw && err->kind != DBE_NONE)
        return -1;
    *c = (*d)->connect(u, pw, o, err);
    /* libpq read ~/.pgpass itself; the server still wants a password */
    if (!*c && !pw && u->engine == DB_POSTGRES && err->kind == DBE_AUTH &&
        strstr(err->msg, "no password supplied") && (pw = db_password_prompt(u, o)) != NULL)
        *c = (*d)->connect(u, pw, o, err);
    if (pw) {
        memset(pw, 0, strlen(pw));
        free(pw);
    }
    return *c ? 0 : -1;
}

const char *db_err_kind_name(DbErrKind k)
{
    switch (k) {
    case DBE_NONE: return "no error";
    case DBE_URL: return "bad URL";
    case DBE_CONNECT: return "cannot connect";
    case DBE_AUTH: return "login refused";
    case DBE_DATABASE: return "unknown database";
    case DBE_TLS: return "TLS failure";
    case DBE_TIMEOUT: return "timeout";
    case DBE_LOST: return "connection lost";
    case DBE_VERSION: return "unsupported server version";
    case DBE_QUERY: return "statement failed";
    case DBE_INTERNAL: return "internal error";
    }
    return "error";
}
