/* db: one small interface over the live-database drivers (libpq for
 * PostgreSQL, libmysqlclient for MySQL/MariaDB, FreeTDS for SQL Server).
 * The commands (extract, apply, validate) talk only to this header; each
 * driver lives in its own file (drv_postgres.c, drv_mysql.c, drv_tds.c) and
 * fills a DbDriver table. No function here exits or prints: failures come
 * back as a DbError the caller turns into one message naming the server. */
#ifndef SQLSHIFT_DB_H
#define SQLSHIFT_DB_H
#include <stddef.h>

typedef enum DbEngine { DB_POSTGRES = 1, DB_MYSQL = 2, DB_MSSQL = 3 } DbEngine;

/* What went wrong, for the message and the exit status (sqlshift(1)). */
typedef enum DbErrKind {
    DBE_NONE = 0,
    DBE_URL,        /* the URL itself is malformed */
    DBE_CONNECT,    /* host unreachable, refused, unknown host, socket missing */
    DBE_AUTH,       /* login refused */
    DBE_DATABASE,   /* the database does not exist / no access */
    DBE_TLS,        /* TLS negotiation or certificate failure */
    DBE_TIMEOUT,    /* connect or query timeout */
    DBE_LOST,       /* server went away mid-run */
    DBE_VERSION,    /* server version not supported */
    DBE_QUERY,      /* a statement failed (the connection is still usable) */
    DBE_INTERNAL
} DbErrKind;

typedef struct DbError {
    DbErrKind kind;
    char sqlstate[6];  /* PostgreSQL / MySQL SQLSTATE when known, else "" */
    int line;          /* 1-based line within the failing statement text, 0 if unknown */
    char msg[1024];    /* the server's or library's message, one line, no trailing newline */
} DbError;

/* A parsed connection URL (db_url.c). Strings are owned by the DbUrl
 * (db_url_free). For PostgreSQL, `conninfo` is the text handed to libpq
 * unchanged (URI or key=value), so every libpq form works. */
typedef struct DbUrl {
    DbEngine engine;
    char *user, *host, *dbname; /* NULL when not given */
    int port;                   /* 0: the engine's default */
    char *socket;               /* unix socket path (mysql: ?socket=, postgres: host=/dir) */
    char *conninfo;             /* postgres only: the original text */
    char *tls;                  /* ?sslmode= / ?tls= value, or NULL */
    char *tls_ca;               /* ?sslrootcert= / ?tls-ca= value, or NULL */
    char *display;              /* for messages: the URL without any password */
} DbUrl;

/* Parse mssql://user@host[:port]/db, mysql://user@host[:port]/db[?socket=..],
 * postgresql://... or postgres://... or a libpq key=value string. A password
 * in the URL is refused (DBE_URL): passwords come from the environment, a
 * password file or a prompt (db_password). Returns 0 or -1 with *err set. */
int db_url_parse(const char *text, DbUrl *out, DbError *err);
void db_url_free(DbUrl *u);

typedef struct DbOpts {
    const char *password_file; /* --password-file, or NULL */
    int connect_timeout;       /* seconds, 0 = the default (10) */
    int query_timeout;         /* seconds, 0 = none */
    int no_prompt;             /* never prompt (CI); also when stdin is not a tty */
} DbOpts;

typedef struct DbConn DbConn;

/* Row callback for streamed queries: vals[i] is NULL for SQL NULL; lens[i]
 * is the byte length. Return 0 to go on, non-zero to stop (db_query_each
 * then returns that value). */
typedef int (*DbRowFn)(void *ctx, int ncols, const char *const *vals, const size_t *lens);

typedef struct DbDriver {
    DbEngine engine;
    const char *name; /* "PostgreSQL", "MySQL", "SQL Server" */
    DbConn *(*connect)(const DbUrl *u, const char *password, const DbOpts *o, DbError *err);
    /* Run one statement or a batch that returns no rows the caller needs. */
    int (*exec)(DbConn *c, const char *sql, DbError *err);
    /* Run a query with text parameters bound by the server or driver
     * ($1.. for PostgreSQL, ? for MySQL, @p1.. for SQL Server); rows are
     * streamed to fn one at a time (bounded memory). */
    int (*query_each)(DbConn *c, const char *sql, const char *const *params, int nparams,
                      DbRowFn fn, void *ctx, DbError *err);
    const char *(*server_version)(DbConn *c); /* e.g. "15.4", "10.11.6-MariaDB" */
    void (*close)(DbConn *c);
} DbDriver;

/* The driver for an engine (db.c); NULL when the driver module cannot be
 * loaded (db_module_error() in db_module.h says why). */
const DbDriver *db_driver(DbEngine e);

/* The password for u: the engine's environment variable (PGPASSWORD,
 * MYSQL_PWD, SQLSHIFT_PASSWORD), else o->password_file (first line, or a
 * host:port:db:user:password line as in .pgpass), else (PostgreSQL) NULL so
 * libpq reads ~/.pgpass itself, else an interactive prompt without echo when
 * stdin is a terminal. Returns a malloc'd string or NULL. */
char *db_password(const DbUrl *u, const DbOpts *o, DbError *err);

#endif
