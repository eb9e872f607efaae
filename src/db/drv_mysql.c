/* db: the MySQL / MariaDB driver over libmysqlclient (MariaDB Connector/C
 * here; only the API both libraries share, plus their TLS options behind
 * #ifdef). Queries with parameters are server-side prepared statements
 * with the values bound as text; rows are fetched one at a time (never the
 * whole result in client memory), so a large catalogue streams. */
#include "db/db.h"
#include <mysql.h>
#include <errmsg.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

/* Oldest servers whose catalogue and SHOW CREATE output we read. */
#define MIN_MYSQL 50700UL   /* MySQL 5.7 */
#define MIN_MARIADB 100200UL /* MariaDB 10.2 */

/* Server error numbers (mysqld_error.h differs between the two servers, so
 * the few we need are named here). */
enum {
    ER_ACCESS_DENIED = 1045,
    ER_DBACCESS_DENIED = 1044,
    ER_BAD_DB = 1049,
    ER_MARIA_STATEMENT_TIMEOUT = 1969, /* MariaDB max_statement_time */
    ER_MYSQL_QUERY_TIMEOUT = 3024      /* MySQL max_execution_time */
};

struct DbConn {
    MYSQL *my;
    char version[128];
    int query_timeout;
};

static void set_err(DbError *err, DbErrKind kind, const char *state, const char *fmt, ...)
{
    va_list ap;
    memset(err, 0, sizeof *err);
    err->kind = kind;
    if (state)
        snprintf(err->sqlstate, sizeof err->sqlstate, "%s", state);
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    for (char *p = err->msg; *p; p++) /* one line */
        if (*p == '\n' || *p == '\r')
            *p = ' ';
}

/* The error kind of a client or server error number. */
static DbErrKind kind_of(unsigned no, const char *msg)
{
    switch (no) {
    case ER_ACCESS_DENIED:
        return DBE_AUTH;
    case ER_DBACCESS_DENIED:
    case ER_BAD_DB:
        return DBE_DATABASE;
    case CR_CONNECTION_ERROR:      /* 2002: socket */
    case CR_CONN_HOST_ERROR:       /* 2003: TCP */
    case CR_UNKNOWN_HOST:          /* 2005 */
        return msg && strstr(msg, "timed out") ? DBE_TIMEOUT : DBE_CONNECT;
    case CR_SERVER_GONE_ERROR:     /* 2006 */
    case CR_SERVER_LOST:           /* 2013 */
        return DBE_LOST;
    case CR_SSL_CONNECTION_ERROR:  /* 2026 */
        return DBE_TLS;
    case ER_MARIA_STATEMENT_TIMEOUT:
    case ER_MYSQL_QUERY_TIMEOUT:
        return DBE_TIMEOUT;
    }
    if (no >= 2000 && no < 3000)
        return DBE_CONNECT;
    return DBE_QUERY;
}

static void conn_err(DbError *err, MYSQL *my)
{
    unsigned no = mysql_errno(my);
    const char *msg = mysql_error(my);
    set_err(err, kind_of(no, msg), mysql_sqlstate(my), "%s", msg && *msg ? msg : "unknown error");
}

static void stmt_err(DbError *err, MYSQL_STMT *st)
{
    unsigned no = mysql_stmt_errno(st);
    const char *msg = mysql_stmt_error(st);
    set_err(err, kind_of(no, msg), mysql_stmt_sqlstate(st), "%s", msg && *msg ? msg : "unknown error");
}

/* A read timeout of the client library shows as "lost connection": it is a
 * timeout when the statement ran at least as long as the limit. */
static void fix_timeout(DbError *err, const DbConn *c, time_t start)
{
    if (err->kind == DBE_LOST && c->query_timeout > 0 && time(NULL) - start >= c->query_timeout)
        err->kind = DBE_TIMEOUT;
}

/* 1 when the URL asks for TLS (a tls mode other than disabled, or a CA). */
static int tls_wanted(const DbUrl *u)
{
    if (u->tls)
        return strcasecmp(u->tls, "disabled") && strcasecmp(u->tls, "disable") && strcasecmp(u->tls, "false");
    return u->tls_ca != NULL;
}

static int set_tls(MYSQL *my, const DbUrl *u, DbError *err)
{
    const char *mode = u->tls;
    if (!mode && !u->tls_ca)
        return 0;
    if (!mode)
        mode = "verify_ca";
    if (!strcasecmp(mode, "disabled") || !strcasecmp(mode, "disable") || !strcasecmp(mode, "false")) {
#ifndef MARIADB_PACKAGE_VERSION
        unsigned m = SSL_MODE_DISABLED;
        mysql_options(my, MYSQL_OPT_SSL_MODE, &m);
#endif
        return 0; /* Connector/C uses TLS only when asked */
    }
    int verify;
    if (!strcasecmp(mode, "required") || !strcasecmp(mode, "require") || !strcasecmp(mode, "true"))
        verify = 0;
    else if (!strcasecmp(mode, "verify_ca") || !strcasecmp(mode, "verify-ca"))
        verify = 1;
    else if (!strcasecmp(mode, "verify_identity") || !strcasecmp(mode, "verify-full"))
        verify = 2;
    else {
        set_err(err, DBE_URL, NULL, "unknown tls mode '%s' (disabled, required, verify_ca, verify_identity)", mode);
        return -1;
    }
    if (u->tls_ca)
        mysql_options(my, MYSQL_OPT_SSL_CA, u->tls_ca);
#ifdef MARIADB_PACKAGE_VERSION
    /* Connector/C checks the certificate and the host name together. */
    my_bool on = 1, vf = verify > 0;
    mysql_options(my, MYSQL_OPT_SSL_ENFORCE, &on);
    mysql_options(my, MYSQL_OPT_SSL_VERIFY_SERVER_CERT, &vf);
#else
    unsigned m = verify == 0 ? SSL_MODE_REQUIRED : verify == 1 ? SSL_MODE_VERIFY_CA : SSL_MODE_VERIFY_IDENTITY;
    mysql_options(my, MYSQL_OPT_SSL_MODE, &m);
#endif
    return 0;
}

/* "10.11.6-MariaDB-0+deb12u1" -> 101106 and mariadb = 1. Proxies in front
 * of MariaDB 10 announce "5.5.5-10..." for old clients: skip that prefix. */
static unsigned long parse_version(const char *s, int *mariadb)
{
    *mariadb = strstr(s, "MariaDB") != NULL;
    if (!strncmp(s, "5.5.5-", 6))
        s += 6;
    unsigned long a = 0, b = 0, c = 0;
    if (sscanf(s, "%lu.%lu.%lu", &a, &b, &c) < 2)
        return 0;
    return a * 10000 + b * 100 + c;
}

static DbConn *my_connect(const DbUrl *u, const char *password, const DbOpts *o, DbError *err)
{
    memset(err, 0, sizeof *err);
    DbConn *c = calloc(1, sizeof *c);
    if (!c || !(c->my = mysql_init(NULL))) {
        free(c);
        set_err(err, DBE_INTERNAL, NULL, "out of memory");
        return NULL;
    }
    unsigned ct = (unsigned)(o && o->connect_timeout > 0 ? o->connect_timeout : 10);
    mysql_options(c->my, MYSQL_OPT_CONNECT_TIMEOUT, &ct);
    if (o && o->query_timeout > 0) {
        /* the server stops the statement first; the socket timeouts are the
         * backstop for a server that stops answering */
        unsigned rt = (unsigned)o->query_timeout + 5;
        mysql_options(c->my, MYSQL_OPT_READ_TIMEOUT, &rt);
        mysql_options(c->my, MYSQL_OPT_WRITE_TIMEOUT, &rt);
        c->query_timeout = o->query_timeout;
    }
    mysql_options(c->my, MYSQL_SET_CHARSET_NAME, "utf8mb4");
    if (set_tls(c->my, u, err) != 0) {
        mysql_close(c->my);
        free(c);
        return NULL;
    }
    unsigned proto = u->socket ? MYSQL_PROTOCOL_SOCKET : MYSQL_PROTOCOL_DEFAULT;
    if (u->socket)
        mysql_options(c->my, MYSQL_OPT_PROTOCOL, &proto);
    const char *host = u->socket ? "localhost" : u->host;
    time_t start = time(NULL);
    if (!mysql_real_connect(c->my, host, u->user, password, u->dbname, (unsigned)u->port, u->socket, 0)) {
        conn_err(err, c->my);
        /* a server that accepts but does not answer within the limit */
        if ((err->kind == DBE_LOST || err->kind == DBE_CONNECT) && time(NULL) - start >= (time_t)ct) {
            err->kind = DBE_TIMEOUT;
            size_t n = strlen(err->msg);
            snprintf(err->msg + n, sizeof err->msg - n, " (connect timeout %u s)", ct);
        }
        mysql_close(c->my);
        free(c);
        return NULL;
    }
    /* Connector/C falls back to plain text when the server has no TLS and
     * the certificate is not verified: a required TLS is checked here. A
     * unix socket is local and never encrypted (as MySQL's ssl-mode). */
    if (tls_wanted(u) && !u->socket && !mysql_get_ssl_cipher(c->my)) {
        set_err(err, DBE_TLS, NULL, "TLS is required (tls=%s) but the server did not start it", u->tls ? u->tls : "verify_ca");
        mysql_close(c->my);
        free(c);
        return NULL;
    }
    snprintf(c->version, sizeof c->version, "%s", mysql_get_server_info(c->my));
    int mariadb;
    unsigned long v = parse_version(c->version, &mariadb);
    if (v < (mariadb ? MIN_MARIADB : MIN_MYSQL)) {
        set_err(err, DBE_VERSION, NULL, "server version %s is not supported (MySQL 5.7 or later, MariaDB 10.2 or later)",
                c->version);
        mysql_close(c->my);
        free(c);
        return NULL;
    }
    if (c->query_timeout > 0) {
        char sql[96];
        if (mariadb)
            snprintf(sql, sizeof sql, "SET SESSION max_statement_time = %d", c->query_timeout);
        else
            snprintf(sql, sizeof sql, "SET SESSION max_execution_time = %d", c->query_timeout * 1000);
        if (mysql_query(c->my, sql) != 0) {
            conn_err(err, c->my);
            mysql_close(c->my);
            free(c);
            return NULL;
        }
    }
    return c;
}

static int my_exec(DbConn *c, const char *sql, DbError *err)
{
    memset(err, 0, sizeof *err);
    time_t start = time(NULL);
    if (mysql_real_query(c->my, sql, strlen(sql)) != 0) {
        conn_err(err, c->my);
        fix_timeout(err, c, start);
        return -1;
    }
    /* a batch (multi statements are off, so one result at most) */
    MYSQL_RES *res = mysql_use_result(c->my);
    if (res) {
        while (mysql_fetch_row(res))
            ;
        mysql_free_result(res);
    }
    if (mysql_errno(c->my)) {
        conn_err(err, c->my);
        fix_timeout(err, c, start);
        return -1;
    }
    return 0;
}

/* Text protocol, unbuffered: rows come off the socket one at a time. */
static int query_text(DbConn *c, const char *sql, DbRowFn fn, void *ctx, DbError *err)
{
    time_t start = time(NULL);
    if (mysql_real_query(c->my, sql, strlen(sql)) != 0) {
        conn_err(err, c->my);
        fix_timeout(err, c, start);
        return -1;
    }
    MYSQL_RES *res = mysql_use_result(c->my);
    if (!res) {
        if (mysql_errno(c->my)) {
            conn_err(err, c->my);
            fix_timeout(err, c, start);
            return -1;
        }
        return 0; /* no result set */
    }
    int ncols = (int)mysql_num_fields(res), rc = 0;
    const char **vals = calloc((size_t)ncols + 1, sizeof *vals);
    size_t *lens = calloc((size_t)ncols + 1, sizeof *lens);
    if (!vals || !lens)
        abort();
    MYSQL_ROW row;
    while ((row = mysql_fetch_row(res))) {
        unsigned long *l = mysql_fetch_lengths(res);
        for (int i = 0; i < ncols; i++) {
            vals[i] = row[i];
            lens[i] = l[i];
        }
        if (rc == 0)
            rc = fn(ctx, ncols, vals, lens); /* after a stop, drain the rest */
    }
    if (mysql_errno(c->my)) {
        conn_err(err, c->my);
        fix_timeout(err, c, start);
        rc = -1;
    }
    mysql_free_result(res);
    free(vals);
    free(lens);
    return rc;
}

/* Prepared statement: parameters bound as strings, result columns fetched
 * into buffers that grow when a value is longer (MYSQL_DATA_TRUNCATED). */
static int query_prepared(DbConn *c, const char *sql, const char *const *params, int nparams, DbRowFn fn,
                          void *ctx, DbError *err)
{
    time_t start = time(NULL);
    MYSQL_STMT *st = mysql_stmt_init(c->my);
    if (!st) {
        conn_err(err, c->my);
        return -1;
    }
    int rc = -1, ncols = 0;
    MYSQL_BIND *pb = NULL, *rb = NULL;
    unsigned long *plen = NULL, *rlen = NULL;
    my_bool *rnull = NULL, *rerr = NULL;
    char **bufs = NULL;
    const char **vals = NULL;
    size_t *lens = NULL;
    MYSQL_RES *meta = NULL;
    if (mysql_stmt_prepare(st, sql, strlen(sql)) != 0) {
        stmt_err(err, st);
        goto out;
    }
    if ((int)mysql_stmt_param_count(st) != nparams) {
        set_err(err, DBE_INTERNAL, NULL, "query has %lu parameters, %d given", mysql_stmt_param_count(st), nparams);
        goto out;
    }
    pb = calloc((size_t)nparams + 1, sizeof *pb);
    plen = calloc((size_t)nparams + 1, sizeof *plen);
    if (!pb || !plen)
        abort();
    for (int i = 0; i < nparams; i++) {
        plen[i] = (unsigned long)strlen(params[i]);
        pb[i].buffer_type = MYSQL_TYPE_STRING;
        pb[i].buffer = (void *)params[i];
        pb[i].buffer_length = plen[i];
        pb[i].length = &plen[i];
    }
    if (nparams && mysql_stmt_bind_param(st, pb) != 0) {
        stmt_err(err, st);
        goto out;
    }
    if (mysql_stmt_execute(st) != 0) {
        stmt_err(err, st);
        fix_timeout(err, c, start);
        goto out;
    }
    meta = mysql_stmt_result_metadata(st);
    if (!meta) {
        rc = 0;
        goto out;
    }
    ncols = (int)mysql_num_fields(meta);
    rb = calloc((size_t)ncols + 1, sizeof *rb);
    rlen = calloc((size_t)ncols + 1, sizeof *rlen);
    rnull = calloc((size_t)ncols + 1, sizeof *rnull);
    rerr = calloc((size_t)ncols + 1, sizeof *rerr);
    bufs = calloc((size_t)ncols + 1, sizeof *bufs);
    vals = calloc((size_t)ncols + 1, sizeof *vals);
    lens = calloc((size_t)ncols + 1, sizeof *lens);
    if (!rb || !rlen || !rnull || !rerr || !bufs || !vals || !lens)
        abort();
    for (int i = 0; i < ncols; i++) {
        bufs[i] = malloc(257);
        if (!bufs[i])
            abort();
        rb[i].buffer_type = MYSQL_TYPE_STRING; /* every value as text */
        rb[i].buffer = bufs[i];
        rb[i].buffer_length = 256;
        rb[i].length = &rlen[i];
        rb[i].is_null = &rnull[i];
        rb[i].error = &rerr[i];
    }
    if (mysql_stmt_bind_result(st, rb) != 0) {
        stmt_err(err, st);
        goto out;
    }
    rc = 0;
    int stop = 0, f;
    while ((f = mysql_stmt_fetch(st)) == 0 || f == MYSQL_DATA_TRUNCATED) {
        for (int i = 0; i < ncols; i++) {
            if (rnull[i]) {
                vals[i] = NULL;
                lens[i] = 0;
                continue;
            }
            if (rlen[i] > rb[i].buffer_length) {
                char *nb = realloc(bufs[i], rlen[i] + 1);
                if (!nb)
                    abort();
                bufs[i] = nb;
                rb[i].buffer = nb;
                rb[i].buffer_length = rlen[i];
                if (mysql_stmt_fetch_column(st, &rb[i], (unsigned)i, 0) != 0) {
                    stmt_err(err, st);
                    rc = -1;
                    goto out;
                }
            }
            bufs[i][rlen[i]] = 0;
            vals[i] = bufs[i];
            lens[i] = rlen[i];
        }
        if (!stop && (rc = fn(ctx, ncols, vals, lens)) != 0)
            stop = 1; /* keep fetching: the connection must be drained */
        /* the rebound buffers stay in use for the next rows */
        mysql_stmt_bind_result(st, rb);
    }
    if (f != MYSQL_NO_DATA) {
        stmt_err(err, st);
        fix_timeout(err, c, start);
        rc = -1;
    }
out:
    if (meta)
        mysql_free_result(meta);
    mysql_stmt_close(st);
    if (bufs)
        for (int i = 0; i < ncols; i++)
            free(bufs[i]);
    free(bufs);
    free(pb);
    free(plen);
    free(rb);
    free(rlen);
    free(rnull);
    free(rerr);
    free(vals);
    free(lens);
    return rc;
}

static int my_query_each(DbConn *c, const char *sql, const char *const *params, int nparams, DbRowFn fn, void *ctx,
                         DbError *err)
{
    memset(err, 0, sizeof *err);
    /* SHOW statements are not all preparable: without parameters the text
     * protocol serves every statement, still streamed */
    if (nparams == 0)
        return query_text(c, sql, fn, ctx, err);
    return query_prepared(c, sql, params, nparams, fn, ctx, err);
}

static const char *my_server_version(DbConn *c)
{
    return c->version;
}

static void my_close(DbConn *c)
{
    if (!c)
        return;
    mysql_close(c->my);
    free(c);
}

const DbDriver db_drv_mysql = {
    DB_MYSQL, "MySQL", my_connect, my_exec, my_query_each, my_server_version, my_close,
};
