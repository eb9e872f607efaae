/* db: connection URLs. PostgreSQL text goes to libpq unchanged (its URI and
 * key=value forms), only inspected for a password; mysql:// and mssql://
 * URLs are parsed here: scheme://[user@]host[:port][/db][?key=value&...].
 * A password in a URL is refused: it would show in `ps` and shell history. */
#include "db/db.h"
#include "db/db_module.h"
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int url_err(DbError *err, const char *fmt, ...)
{
    va_list ap;
    memset(err, 0, sizeof *err);
    err->kind = DBE_URL;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    return -1;
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = tolower(c);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Percent-decoded copy of s[0..n), or NULL on a bad escape. */
static char *decode(const char *s, size_t n)
{
    char *d = malloc(n + 1), *o = d;
    if (!d)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '%') {
            int a = i + 1 < n ? hexval((unsigned char)s[i + 1]) : -1;
            int b = i + 2 < n ? hexval((unsigned char)s[i + 2]) : -1;
            if (a < 0 || b < 0 || a * 16 + b == 0) { /* no NUL inside a C string */
                free(d);
                return NULL;
            }
            *o++ = (char)(a * 16 + b);
            i += 2;
        } else
            *o++ = s[i];
    }
    *o = 0;
    return d;
}

static int set_part(char **dst, const char *s, size_t n, const char *what, const char *text, DbError *err)
{
    if (n == 0)
        return 0;
    *dst = decode(s, n);
    if (!*dst)
        return url_err(err, "bad %%-escape in the %s of '%s'", what, text);
    return 0;
}

/* One option of a PostgreSQL connection string (pg_conninfo_each). */
static int pg_option(void *ctx, const char *keyword, const char *val)
{
    DbUrl *u = ctx;
    if (!strcmp(keyword, "password"))
        return 1;
    if (!strcmp(keyword, "user"))
        u->user = strdup(val);
    else if (!strcmp(keyword, "host"))
        u->host = strdup(val);
    else if (!strcmp(keyword, "dbname"))
        u->dbname = strdup(val);
    else if (!strcmp(keyword, "port"))
        u->port = atoi(val);
    else if (!strcmp(keyword, "sslmode"))
        u->tls = strdup(val);
    else if (!strcmp(keyword, "sslrootcert"))
        u->tls_ca = strdup(val);
    return 0;
}

/* libpq parses the text (through the driver module: db_module.h). */
static int parse_pg(const char *text, DbUrl *u, DbError *err)
{
    const DbModule *m = db_module_get();
    if (!m) {
        url_err(err, "%s", db_module_error());
        err->kind = DBE_CONNECT; /* the drivers are missing, not the URL wrong */
        return -1;
    }
    char msg[512];
    int rc = m->pg_conninfo_each(text, pg_option, u, msg, sizeof msg);
    if (rc < 0)
        return url_err(err, "not a PostgreSQL connection string: %s", msg);
    if (rc > 0)
        return url_err(err, "a password in the connection string is refused (it shows in process "
                            "lists and shell history): use PGPASSWORD, ~/.pgpass or --password-file");
    if (u->host && u->host[0] == '/')
        u->socket = strdup(u->host);
    u->conninfo = strdup(text);
    return 0;
}

static int parse_query(char *q, DbUrl *u, const char *text, DbError *err)
{
    for (char *kv = strtok(q, "&"); kv; kv = strtok(NULL, "&")) {
        char *eq = strchr(kv, '=');
        if (!eq)
            return url_err(err, "'%s' in '%s' needs a value (key=value)", kv, text);
        *eq = 0;
        char *v = decode(eq + 1, strlen(eq + 1));
        if (!v)
            return url_err(err, "bad %%-escape in '%s'", text);
        char **dst = NULL;
        if (!strcmp(kv, "socket"))
            dst = &u->socket;
        else if (!strcmp(kv, "tls") || !strcmp(kv, "sslmode") || !strcmp(kv, "ssl-mode") || !strcmp(kv, "encrypt"))
            dst = &u->tls;
        else if (!strcmp(kv, "tls-ca") || !strcmp(kv, "sslrootcert") || !strcmp(kv, "ssl-ca"))
            dst = &u->tls_ca;
        else if (!strcmp(kv, "password")) {
            free(v);
            return url_err(err, "a password in the URL is refused: use %s or --password-file",
                           u->engine == DB_MYSQL ? "MYSQL_PWD" : "SQLSHIFT_PASSWORD");
        } else {
            free(v);
            return url_err(err, "unknown URL parameter '%s' in '%s' (known: socket, tls, tls-ca)", kv, text);
        }
        free(*dst);
        *dst = v;
    }
    return 0;
}

static int parse_generic(const char *text, const char *rest, DbUrl *u, DbError *err)
{
    const char *end = rest + strcspn(rest, "/?");
    const char *at = memchr(rest, '@', (size_t)(end - rest));
    const char *hp = rest;
    if (at) {
        if (memchr(rest, ':', (size_t)(at - rest)))
            return url_err(err, "a password in the URL is refused: use %s or --password-file",
                           u->engine == DB_MYSQL ? "MYSQL_PWD" : "SQLSHIFT_PASSWORD");
        if (set_part(&u->user, rest, (size_t)(at - rest), "user", text, err))
            return -1;
        hp = at + 1;
    }
    const char *colon = NULL;
    if (*hp == '[') { /* [ipv6]:port */
        const char *rb = memchr(hp, ']', (size_t)(end - hp));
        if (!rb)
            return url_err(err, "missing ']' after the IPv6 address in '%s'", text);
        if (set_part(&u->host, hp + 1, (size_t)(rb - hp - 1), "host", text, err))
            return -1;
        if (rb + 1 < end && rb[1] == ':')
            colon = rb + 1;
        else if (rb + 1 != end)
            return url_err(err, "unexpected text after ']' in '%s'", text);
    } else {
        colon = memchr(hp, ':', (size_t)(end - hp));
        if (set_part(&u->host, hp, (size_t)((colon ? colon : end) - hp), "host", text, err))
            return -1;
    }
    if (colon) {
        char *e;
        long port = strtol(colon + 1, &e, 10);
        if (e != end || port <= 0 || port > 65535)
            return url_err(err, "bad port '%.*s' in '%s'", (int)(end - colon - 1), colon + 1, text);
        u->port = (int)port;
    }
    const char *p = end;
    if (*p == '/') {
        const char *dbend = p + 1 + strcspn(p + 1, "?");
        if (set_part(&u->dbname, p + 1, (size_t)(dbend - p - 1), "database", text, err))
            return -1;
        p = dbend;
    }
    if (*p == '?') {
        char *q = strdup(p + 1);
        int rc = parse_query(q, u, text, err);
        free(q);
        if (rc)
            return rc;
    }
    if (!u->host && !u->socket)
        return url_err(err, "no host in '%s' (scheme://user@host[:port]/database)", text);
    return 0;
}

int db_url_parse(const char *text, DbUrl *u, DbError *err)
{
    memset(u, 0, sizeof *u);
    memset(err, 0, sizeof *err);
    const char *sep = strstr(text, "://");
    int rc;
    if (!sep || !strncasecmp(text, "postgresql://", 13) || !strncasecmp(text, "postgres://", 11)) {
        if (!sep && !strchr(text, '='))
            return url_err(err, "'%s' is not a database URL (mssql://, mysql://, postgresql:// or a "
                                "libpq key=value string)", text);
        u->engine = DB_POSTGRES;
        rc = parse_pg(text, u, err);
    } else {
        size_t n = (size_t)(sep - text);
        if ((n == 5 && !strncasecmp(text, "mysql", 5)) || (n == 7 && !strncasecmp(text, "mariadb", 7)))
            u->engine = DB_MYSQL;
        else if ((n == 5 && !strncasecmp(text, "mssql", 5)) || (n == 9 && !strncasecmp(text, "sqlserver", 9)))
            u->engine = DB_MSSQL;
        else
            return url_err(err, "unknown URL scheme '%.*s' (mssql, mysql, postgresql)", (int)n, text);
        rc = parse_generic(text, sep + 3, u, err);
    }
    if (rc) {
        db_url_free(u);
        return rc;
    }
    u->display = strdup(text);
    return 0;
}

void db_url_free(DbUrl *u)
{
    free(u->user);
    free(u->host);
    free(u->dbname);
    free(u->socket);
    free(u->conninfo);
    free(u->tls);
    free(u->tls_ca);
    free(u->display);
    memset(u, 0, sizeof *u);
}
