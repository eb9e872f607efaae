/* db: from a URL on the command line to an open connection: parse, pick the
 * driver, find the password (never on the command line), connect. */
#ifndef SQLSHIFT_DB_OPEN_H
#define SQLSHIFT_DB_OPEN_H
#include "db/db.h"

/* Opens url. On success *d, *c and *u are set (db_url_free(u) and
 * d->close(c) when done). On failure returns -1 with *err set and u either
 * parsed (u->display names the server) or zeroed. A build without the
 * engine's driver is DBE_INTERNAL "this build has no <engine> driver". */
int db_open(const char *url, const DbOpts *o, DbUrl *u, const DbDriver **d, DbConn **c, DbError *err);

/* A prompt on the terminal, without echo, when stdin is one and o allows
 * it (db_password.c); NULL otherwise. db_open uses it when PostgreSQL asks
 * for a password that neither the environment, --password-file nor
 * ~/.pgpass gave. */
char *db_password_prompt(const DbUrl *u, const DbOpts *o);

/* One word for the kind of failure, for messages ("login refused", ...). */
const char *db_err_kind_name(DbErrKind k);

#endif
