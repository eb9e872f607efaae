/* db: the PostgreSQL driver over libpq. Connection failures have no
 * SQLSTATE in libpq, so they are classified from the connection status and
 * libpq's (untranslated: lc_messages is not set by us) message; statement
 * failures from the SQLSTATE. Queries are streamed in single-row mode. */
#include "db/db.h"
#include "db/db_module.h"
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct DbConn {
    PGconn *pg;
    char version[32];
};

/* libpq messages span lines ("connection to server ... failed: ...\n\tIs the
 * server running ..."): one line, whitespace runs collapsed. */
static void one_line(char *dst, size_t cap, const char *src)
{
    size_t n = 0;
    int space = 0;
    for (const char *p = src ? src : ""; *p && n + 1 < cap; p++) {
        if (*p == '\n' || *p == '\t' || *p == '\r' || *p == ' ') {
            space = n > 0;
            continue;
        }
        if (space && n + 2 < cap)
            dst[n++] = ' ';
        space = 0;
        dst[n++] = *p;
    }
    dst[n] = 0;
}

static void set_err(DbError *err, DbErrKind kind, const char *sqlstate, const char *msg)
{
    err->kind = kind;
    snprintf(err->sqlstate, sizeof err->sqlstate, "%s", sqlstate ? sqlstate : "");
    err->line = 0;
    one_line(err->msg, sizeof err->msg, msg);
}

static DbErrKind connect_kind(const char *m)
{
    if (strstr(m, "password authentication failed") || strstr(m, "no pg_hba.conf entry") ||
        strstr(m, "authentication failed") || strstr(m, "no password supplied") ||
        (strstr(m, "role \"") && strstr(m, "does not exist")))
        return DBE_AUTH;
    if (strstr(m, "database \"") && strstr(m, "does not exist"))
        return DBE_DATABASE;
    if (strstr(m, "SSL") || strstr(m, "certificate") || strstr(m, "GSSAPI"))
        return DBE_TLS;
    if (strstr(m, "timeout expired"))
        return DBE_TIMEOUT;
    return DBE_CONNECT;
}

static DbConn *pg_connect(const DbUrl *u, const char *password, const DbOpts *o, DbError *err)
{
    const char *keys[8], *vals[8];
    int n = 0;
    char ct[16];
    snprintf(ct, sizeof ct, "%d", o && o->connect_timeout > 0 ? o->connect_timeout : 10);
    /* dbname first: with expand_dbname its URI/conninfo is expanded, and the
     * parameters after it override what it says */
    keys[n] = "dbname", vals[n++] = u->conninfo ? u->conninfo : "";
    keys[n] = "connect_timeout", vals[n++] = ct;
    keys[n] = "application_name", vals[n++] = "sqlshift";
    keys[n] = "client_encoding", vals[n++] = "UTF8";
    if (password)
        keys[n] = "password", vals[n++] = password;
    keys[n] = NULL, vals[n] = NULL;
    PGconn *pg = PQconnectdbParams(keys, vals, 1);
    if (!pg) {
        set_err(err, DBE_INTERNAL, NULL, "out of memory");
        return NULL;
    }
    if (PQstatus(pg) != CONNECTION_OK) {
        char m[1024];
        one_line(m, sizeof m, PQerrorMessage(pg));
        /* "connection to server at ... failed: FATAL:  x" -> keep it whole:
         * it names the socket or host, which is the useful part */
        set_err(err, connect_kind(m), NULL, m);
        PQfinish(pg);
        return NULL;
    }
    int v = PQserverVersion(pg);
    if (v < 110000) {
        char m[128];
        snprintf(m, sizeof m, "PostgreSQL %s is not supported (11 or later is needed)",
                 PQparameterStatus(pg, "server_version") ? PQparameterStatus(pg, "server_version") : "?");
        set_err(err, DBE_VERSION, NULL, m);
        PQfinish(pg);
        return NULL;
    }
    DbConn *c = calloc(1, sizeof *c);
    if (!c)
        abort();
    c->pg = pg;
    const char *sv = PQparameterStatus(pg, "server_version");
    snprintf(c->version, sizeof c->version, "%s", sv ? sv : "");
    c->version[strcspn(c->version, " ")] = 0; /* "15.4 (Debian 15.4-1)" -> "15.4" */
    /* the session settings every run relies on */
    char set[160];
    snprintf(set, sizeof set,
             "SET statement_timeout = %d; SET client_min_messages = warning; "
             "SET standard_conforming_strings = on",
             o && o->query_timeout > 0 ? o->query_timeout * 1000 : 0);
    PGresult *r = PQexec(pg, set);
    if (PQresultStatus(r) != PGRES_COMMAND_OK) {
        set_err(err, DBE_CONNECT, PQresultErrorField(r, PG_DIAG_SQLSTATE), PQerrorMessage(pg));
        PQclear(r);
        PQfinish(pg);
        free(c);
        return NULL;
    }
    PQclear(r);
    return c;
}

/* Line (1-based) of the 1-based character position pos in sql. */
static int line_of(const char *sql, const char *pos)
{
    if (!pos || !sql)
        return 0;
    long p = atol(pos);
    if (p <= 0)
        return 0;
    int line = 1;
    long ch = 0;
    for (const unsigned char *s = (const unsigned char *)sql; *s; s++) {
        if ((*s & 0xC0) != 0x80 && ++ch >= p)
            break;
        if (*s == '\n')
            line++;
    }
    return line;
}

/* Fills err from a failed result (r may be NULL when the connection died). */
static void result_err(DbConn *c, PGresult *r, const char *sql, DbError *err)
{
    const char *state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
    const char *prim = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : NULL;
    DbErrKind k = DBE_QUERY;
    if (PQstatus(c->pg) == CONNECTION_BAD || (state && !strncmp(state, "08", 2)) ||
        (state && !strncmp(state, "57P0", 4)))
        k = DBE_LOST;
    else if (state && !strcmp(state, "57014"))
        k = DBE_TIMEOUT;
    set_err(err, k, state, prim ? prim : PQerrorMessage(c->pg));
    if (k == DBE_LOST && !state)
        snprintf(err->msg, sizeof err->msg, "connection lost: ");
    if (k == DBE_LOST && !state)
        one_line(err->msg + strlen(err->msg), sizeof err->msg - strlen(err->msg), PQerrorMessage(c->pg));
    if (r)
        err->line = line_of(sql, PQresultErrorField(r, PG_DIAG_STATEMENT_POSITION));
}

static int pg_exec(DbConn *c, const char *sql, DbError *err)
{
    PGresult *r = PQexec(c->pg, sql);
    ExecStatusType st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK || st == PGRES_EMPTY_QUERY) {
        PQclear(r);
        return 0;
    }
    result_err(c, r, sql, err);
    PQclear(r);
    return -1;
}

static int pg_query_each(DbConn *c, const char *sql, const char *const *params, int nparams,
                         DbRowFn fn, void *ctx, DbError *err)
{
    if (!PQsendQueryParams(c->pg, sql, nparams, NULL, params, NULL, NULL, 0)) {
        result_err(c, NULL, sql, err);
        return -1;
    }
    PQsetSingleRowMode(c->pg);
    int rc = 0, stopped = 0;
    const char *vals[64];
    size_t lens[64];
    PGresult *r;
    /* every result is read, also after a stop or an error: the connection
     * stays usable for the next statement */
    while ((r = PQgetResult(c->pg)) != NULL) {
        ExecStatusType st = PQresultStatus(r);
        if (st == PGRES_SINGLE_TUPLE && !stopped && rc == 0) {
            int nc = PQnfields(r);
            if (nc > 64)
                nc = 64;
            for (int i = 0; i < nc; i++) {
                vals[i] = PQgetisnull(r, 0, i) ? NULL : PQgetvalue(r, 0, i);
                lens[i] = (size_t)PQgetlength(r, 0, i);
            }
            int v = fn(ctx, nc, vals, lens);
            if (v) {
                rc = v;
                stopped = 1;
            }
        } else if (st != PGRES_SINGLE_TUPLE && st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK &&
                   rc == 0) {
            result_err(c, r, sql, err);
            rc = -1;
        }
        PQclear(r);
    }
    if (rc == 0 && PQstatus(c->pg) == CONNECTION_BAD) {
        result_err(c, NULL, sql, err);
        rc = -1;
    }
    return rc;
}

static const char *pg_server_version(DbConn *c)
{
    return c->version;
}

static void pg_close(DbConn *c)
{
    if (!c)
        return;
    PQfinish(c->pg);
    free(c);
}

const DbDriver db_drv_postgres = {
    DB_POSTGRES, "PostgreSQL", pg_connect, pg_exec, pg_query_each, pg_server_version, pg_close,
};

int db_pg_conninfo_each(const char *text, DbConninfoFn fn, void *ctx, char *msg, size_t msgsz)
{
    char *perr = NULL;
    PQconninfoOption *opts = PQconninfoParse(text, &perr);
    if (!opts) {
        snprintf(msg, msgsz, "%s", perr ? perr : "parse error");
        if (perr)
            PQfreemem(perr);
        msg[strcspn(msg, "\n")] = 0;
        return -1;
    }
    int rc = 0;
    for (PQconninfoOption *o = opts; o->keyword && rc == 0; o++)
        if (o->val && *o->val)
            rc = fn(ctx, o->keyword, o->val);
    PQconninfoFree(opts);
    return rc;
}
