/* db: the SQL Server driver over FreeTDS db-lib (sybdb.h, -lsybdb).
 *
 * db-lib reports errors through two process-wide callbacks (dberrhandle,
 * dbmsghandle) and keeps the login and query timeouts (dbsetlogintime,
 * dbsettime) and the configuration file (dbsetifile) process-wide too. That is the only global
 * state here: the callbacks find the DbError of the call in progress
 * through the DBPROCESS's user data (dbsetuserdata), or, while dbopen has
 * no connection yet, through one thread-local pointer set around dbopen.
 *
 * Encryption: FreeTDS 1.3's db-lib has no login option for it
 * (DBSETLENCRYPT is accepted by the header but refused by dbsetlbool), so a
 * URL with ?tls= or ?tls-ca= gets a private freetds.conf (mode 0600, in
 * $TMPDIR) with one [sqlshift] section naming host, port, TDS 7.4,
 * "encryption" and "ca file", used for that dbopen and removed right after.
 * Without ?tls= FreeTDS's own default applies ("request": encrypted when
 * the server offers it). An IPv6 address goes the same way, since the
 * "host:port" server name cannot hold one.
 *
 * Parameters: db-lib has no bound parameters for ad-hoc SQL, so
 * query_each runs every query through sp_executesql with its values passed
 * as N'' literals, quotes doubled (ms_bind_sql): a value can never change
 * the statement. */
#include "db/db.h"
#include "db/drv_tds.h"
#include "db/mssql_script.h"
#include "db/mssql_text.h"
#include <sybfront.h>
#include <sybdb.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

/* The call in progress: where the callbacks put what went wrong. */
typedef struct TdsCall {
    DbError *err;
    const char *where; /* "host:port" for messages */
    int login;         /* inside dbopen */
    int bare_fail;     /* the login failed with no cause given (SYBEFCON alone) */
} TdsCall;

struct DbConn {
    DBPROCESS *p;
    TdsCall call;
    char where[300];
    char version[64];
};

static _Thread_local TdsCall *tds_login_call;

static TdsCall *call_of(DBPROCESS *p)
{
    TdsCall *c = p ? (TdsCall *)dbgetuserdata(p) : NULL;
    return c ? c : tds_login_call;
}

/* One line: newlines and tabs inside server messages become spaces. */
static void set_msg(DbError *e, DbErrKind kind, const char *fmt, const char *a, const char *b)
{
    e->kind = kind;
    snprintf(e->msg, sizeof e->msg, fmt, a ? a : "", b ? b : "");
    for (char *s = e->msg; *s; s++)
        if (*s == '\n' || *s == '\r' || *s == '\t')
            *s = ' ';
    size_t n = strlen(e->msg);
    while (n && e->msg[n - 1] == ' ')
        e->msg[--n] = 0;
}

static int tls_text(const char *s)
{
    return s && (strstr(s, "SSL") || strstr(s, "TLS") || strstr(s, "certificate") || strstr(s, "ncrypt"));
}

static int tds_err(DBPROCESS *p, int severity, int dberr, int oserr, char *dberrstr, char *oserrstr)
{
    (void)severity;
    TdsCall *c = call_of(p);
    /* SYBESMSG: the server's message came through tds_msg already;
     * SYBEINTF: "host:port" is not a freetds.conf section, as expected */
    if (!c || !c->err || dberr == SYBESMSG || dberr == SYBEVERDOWN || dberr == SYBEINTF)
        return INT_CANCEL;
    DbError *e = c->err;
    /* the first specific cause wins: "login failed" from the server beats
     * the "connection failed" summary db-lib adds after it */
    if (e->kind != DBE_NONE && e->kind != DBE_INTERNAL && e->kind != DBE_QUERY)
        return INT_CANCEL;
    const char *os = (oserr != 0 && oserr != DBNOERR && oserrstr && *oserrstr) ? oserrstr : NULL;
    switch (dberr) {
    case SYBECONN:
    case SYBESOCK:
        set_msg(e, DBE_CONNECT, "cannot connect to %s: %s", c->where, os ? os : "server unavailable");
        break;
    case SYBEUHST:
        set_msg(e, DBE_CONNECT, "cannot connect to %s: %s", c->where, "unknown host name");
        break;
    case SYBETIME:
        set_msg(e, DBE_TIMEOUT, c->login ? "timed out connecting to %s%s" : "query timed out on %s%s",
                c->where, "");
        break;
    case SYBEREAD:
    case SYBEWRIT:
    case SYBESEOF:
    case SYBEDDNE:
    case SYBECLOS:
        if (c->login)
            set_msg(e, DBE_CONNECT,
                    "%s closed the connection during login (not a SQL Server, or it requires "
                    "encryption: ?tls=require)%s",
                    c->where, "");
        else
            set_msg(e, DBE_LOST, "lost the connection to %s%s", c->where, os ? "" : "");
        break;
    case SYBEFCON:
        c->bare_fail = !os && !tls_text(dberrstr);
        set_msg(e, tls_text(dberrstr) ? DBE_TLS : DBE_CONNECT, "cannot connect to %s: %s", c->where,
                os ? os : "the server closed the connection or did not answer in TDS during login");
        break;
    default:
        if (tls_text(dberrstr) || tls_text(oserrstr))
            set_msg(e, DBE_TLS, "TLS negotiation with %s failed: %s", c->where, dberrstr);
        else if (e->kind == DBE_NONE) /* kept unless something more specific follows */
            set_msg(e, c->login ? DBE_INTERNAL : DBE_QUERY, "%s: %s", c->where, dberrstr);
    }
    return INT_CANCEL;
}

static int tds_msg(DBPROCESS *p, DBINT msgno, int msgstate, int severity, char *msgtext, char *srvname,
                   char *procname, int line)
{
    (void)msgstate, (void)srvname, (void)procname;
    TdsCall *c = call_of(p);
    /* severity 10 and below: informational ("Changed database context") */
    if (!c || !c->err || severity <= 10)
        return 0;
    DbError *e = c->err;
    if (e->kind != DBE_NONE && e->kind != DBE_INTERNAL)
        return 0;
    DbErrKind kind = DBE_QUERY;
    if (msgno >= 18450 && msgno <= 18499) /* 18456 login failed, 1848x password expired, ... */
        kind = DBE_AUTH;
    else if (msgno == 4060 || msgno == 911 || msgno == 916)
        kind = DBE_DATABASE;
    char num[16];
    snprintf(num, sizeof num, "%d", (int)msgno);
    set_msg(e, kind, "%s (SQL Server error %s)", msgtext, num);
    e->line = line;
    return 0;
}

static int tds_ready(DbError *err)
{
    static int done; /* dbinit and the callbacks: once per process */
    if (done)
        return 0;
    if (dbinit() == FAIL) {
        set_msg(err, DBE_INTERNAL, "FreeTDS db-lib could not be initialised%s%s", "", "");
        return -1;
    }
    dberrhandle(tds_err);
    dbmsghandle(tds_msg);
    done = 1;
    return 0;
}

const char *tds_encryption(const char *tls, const char *tls_ca)
{
    static const char *const map[][2] = {
        {"off", "off"},         {"disable", "off"},     {"false", "off"},     {"no", "off"},
        {"request", "request"}, {"prefer", "request"},  {"allow", "request"}, {"optional", "request"},
        {"require", "require"}, {"required", "require"}, {"on", "require"},    {"true", "require"},
        {"yes", "require"},     {"mandatory", "require"}, {"strict", "require"}, {"verify-ca", "require"},
        {"verify-full", "require"},
    };
    if (!tls)
        return tls_ca ? "require" : "request";
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (!strcasecmp(map[i][0], tls))
            return map[i][1];
    return NULL;
}

int tds_major_version(const char *v)
{
    if (!v || *v < '0' || *v > '9')
        return 0;
    return (int)strtol(v, NULL, 10);
}

/* A value for freetds.conf: one line, no comment characters. */
static int conf_safe(const char *s)
{
    return s && !strpbrk(s, "\n\r;#");
}

/* The private freetds.conf for a TLS connection (see the top of the
 * file). Returns 0 with the file's name in path, or -1. */
static int write_conf(const DbUrl *u, int port, const char *enc, char *path, size_t pathsz, DbError *err)
{
    if (!conf_safe(u->host) || (u->tls_ca && !conf_safe(u->tls_ca))) {
        set_msg(err, DBE_URL, "host or tls-ca holds a character FreeTDS cannot take (newline, ';' or '#')%s%s",
                "", "");
        return -1;
    }
    const char *dir = getenv("TMPDIR");
    snprintf(path, pathsz, "%s/sqlshift-tds-XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = mkstemp(path); /* mode 0600 */
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!f) {
        if (fd >= 0)
            close(fd);
        set_msg(err, DBE_INTERNAL, "cannot write the FreeTDS configuration for TLS: %s%s", strerror(errno), "");
        return -1;
    }
    fprintf(f, "[sqlshift]\n\thost = %s\n\tport = %d\n\ttds version = 7.4\n\tencryption = %s\n", u->host, port,
            enc);
    if (u->tls_ca)
        fprintf(f, "\tca file = %s\n\tcheck certificate hostname = yes\n", u->tls_ca);
    if (fclose(f)) {
        unlink(path);
        set_msg(err, DBE_INTERNAL, "cannot write the FreeTDS configuration for TLS: %s%s", strerror(errno), "");
        return -1;
    }
    return 0;
}

static int run_rows(DbConn *c, const char *batch, DbRowFn fn, void *ctx, DbError *err);

static int version_row(void *ctx, int ncols, const char *const *vals, const size_t *lens)
{
    (void)lens;
    DbConn *c = ctx;
    if (ncols >= 1 && vals[0])
        snprintf(c->version, sizeof c->version, "%s", vals[0]);
    return 0;
}

static void tds_close(DbConn *c)
{
    if (!c)
        return;
    c->call.err = NULL; /* the last call's DbError may be gone: let close be quiet */
    if (c->p)
        dbclose(c->p);
    free(c);
}

static int plain_exec(DbConn *c, const char *sql, DbError *err);

static DbConn *tds_connect(const DbUrl *u, const char *password, const DbOpts *o, DbError *err)
{
    memset(err, 0, sizeof *err);
    if (!u->host) {
        set_msg(err, DBE_URL, "mssql:// needs a host (mssql://user@host[:port]/database)%s%s", "", "");
        return NULL;
    }
    if (!u->user) {
        set_msg(err, DBE_URL, "mssql:// needs a user (mssql://user@host[:port]/database)%s%s", "", "");
        return NULL;
    }
    if (u->socket) {
        set_msg(err, DBE_URL, "mssql:// connects over TCP only: ?socket= is not supported%s%s", "", "");
        return NULL;
    }
    const char *enc = tds_encryption(u->tls, u->tls_ca);
    if (!enc) {
        set_msg(err, DBE_URL, "unknown tls value '%s' (off, request, require)%s", u->tls, "");
        return NULL;
    }
    if (tds_ready(err))
        return NULL;
    DbConn *c = calloc(1, sizeof *c);
    int port = u->port ? u->port : 1433;
    snprintf(c->where, sizeof c->where, "%s port %d", u->host, port);
    c->call.err = err;
    c->call.where = c->where;
    c->call.login = 1;

    char conf[512] = "", server[300];
    /* "host:port" cannot carry an IPv6 address: those go through the
     * private configuration file too */
    if (u->tls || u->tls_ca || strchr(u->host, ':')) {
        if (write_conf(u, port, enc, conf, sizeof conf, err)) {
            free(c);
            return NULL;
        }
        dbsetifile(conf);
        snprintf(server, sizeof server, "sqlshift");
    } else {
        snprintf(server, sizeof server, "%s:%d", u->host, port);
    }
    LOGINREC *login = dblogin();
    if (!login) {
        set_msg(err, DBE_INTERNAL, "FreeTDS could not allocate a login record%s%s", "", "");
        if (*conf)
            unlink(conf);
        free(c);
        return NULL;
    }
    DBSETLUSER(login, u->user);
    DBSETLPWD(login, password ? password : "");
    DBSETLAPP(login, "sqlshift");
    DBSETLVERSION(login, DBVERSION_74);
    DBSETLCHARSET(login, "UTF-8");
    if (u->dbname)
        DBSETLDBNAME(login, u->dbname); /* the login opens it: no USE statement to quote */
    dbsetlogintime(o && o->connect_timeout > 0 ? o->connect_timeout : 10);
    /* process-wide in db-lib (it applies to every open connection); 0 = none */
    dbsettime(o && o->query_timeout > 0 ? o->query_timeout : 0);
    tds_login_call = &c->call;
    c->p = dbopen(login, server);
    tds_login_call = NULL;
    dbloginfree(login);
    if (*conf)
        unlink(conf);
    c->call.login = 0;
    if (!c->p) {
        /* FreeTDS gives no cause when the server will not encrypt */
        if (c->call.bare_fail && !strcmp(enc, "require"))
            set_msg(err, DBE_TLS,
                    "cannot connect to %s with encryption required (?tls=require): the server does not "
                    "support TLS or the negotiation failed%s",
                    c->where, "");
        if (err->kind == DBE_NONE || err->kind == DBE_QUERY || err->kind == DBE_INTERNAL) {
            DbErrKind k = err->kind == DBE_QUERY ? DBE_CONNECT : err->kind;
            if (!err->msg[0])
                set_msg(err, DBE_CONNECT, "cannot connect to %s%s", c->where, "");
            err->kind = k == DBE_NONE || k == DBE_INTERNAL ? DBE_CONNECT : k;
        }
        free(c);
        return NULL;
    }
    memset(err, 0, sizeof *err);
    dbsetuserdata(c->p, (BYTE *)&c->call);
    /* (n)varchar(max) values (module definitions) are cut at TEXTSIZE */
    if (plain_exec(c, "SET TEXTSIZE 2147483647", err) ||
        run_rows(c, ms_catalog[MSQ_VERSION].sql, version_row, c, err)) {
        tds_close(c);
        return NULL;
    }
    int major = tds_major_version(c->version);
    if (major < 11) {
        set_msg(err, DBE_VERSION,
                major ? "SQL Server %s is not supported (SQL Server 2012, version 11, or later is needed)%s"
                      : "the server did not report a SQL Server version ('%s'): not a Microsoft SQL "
                        "Server?%s",
                c->version, "");
        tds_close(c);
        return NULL;
    }
    return c;
}

/* After a failed call: a dead connection is "lost" whatever came first. */
static int failed(DbConn *c, DbError *err)
{
    if (c->p && DBDEAD(c->p) && err->kind != DBE_TIMEOUT)
        set_msg(err, DBE_LOST, "lost the connection to %s%s", c->where, "");
    else if (err->kind == DBE_NONE) {
        set_msg(err, DBE_QUERY, "the statement failed on %s%s", c->where, "");
    }
    return -1;
}

static int plain_exec(DbConn *c, const char *sql, DbError *err)
{
    memset(err, 0, sizeof *err);
    c->call.err = err;
    if (dbcmd(c->p, sql) == FAIL || dbsqlexec(c->p) == FAIL)
        return failed(c, err);
    RETCODE rc;
    while ((rc = dbresults(c->p)) != NO_MORE_RESULTS) {
        if (rc == FAIL)
            return failed(c, err);
        while ((rc = dbnextrow(c->p)) != NO_MORE_ROWS)
            if (rc == FAIL)
                return failed(c, err);
    }
    return err->kind != DBE_NONE ? -1 : 0;
}

static int tds_exec(DbConn *c, const char *sql, DbError *err)
{
    return plain_exec(c, sql, err);
}

static void put_hex(StrBuf *b, const unsigned char *d, long n)
{
    static const char hex[] = "0123456789ABCDEF";
    sb_puts(b, "0x");
    for (long i = 0; i < n; i++) {
        sb_putc(b, hex[d[i] >> 4]);
        sb_putc(b, hex[d[i] & 15]);
    }
}

int tds_value_text(StrBuf *b, int type, const unsigned char *data, long len)
{
    switch (type) {
    case SYBCHAR:
    case SYBVARCHAR:
    case SYBTEXT:
    case SYBNVARCHAR:
    case SYBNTEXT:
        sb_putn(b, (const char *)data, (size_t)len);
        return 0;
    case SYBBINARY:
    case SYBVARBINARY:
    case SYBIMAGE:
        put_hex(b, data, len);
        return 0;
    case SYBDATETIME:
    case SYBDATETIME4:
    case SYBMSDATE:
    case SYBMSTIME:
    case SYBMSDATETIME2:
    case SYBMSDATETIMEOFFSET: {
        DBDATEREC2 d;
        if (dbanydatecrack(NULL, &d, type, data) == FAIL) {
            sb_puts(b, "(date value db-lib cannot read)");
            return -1;
        }
        int has_date = type != SYBMSTIME, has_time = type != SYBMSDATE;
        if (has_date)
            sb_printf(b, "%04d-%02d-%02d", (int)d.dateyear, (int)d.datemonth + 1, (int)d.datedmonth);
        if (has_time) {
            sb_printf(b, "%s%02d:%02d:%02d", has_date ? " " : "", (int)d.datehour, (int)d.dateminute,
                      (int)d.datesecond);
            if (d.datensecond) {
                char frac[16];
                snprintf(frac, sizeof frac, "%09d", (int)d.datensecond);
                size_t n = strlen(frac);
                while (n > 3 && frac[n - 1] == '0')
                    frac[--n] = 0;
                sb_printf(b, ".%s", frac);
            }
        }
        if (type == SYBMSDATETIMEOFFSET) {
            int off = (int)d.datetzone;
            sb_printf(b, " %c%02d:%02d", off < 0 ? '-' : '+', abs(off) / 60, abs(off) % 60);
        }
        return 0;
    }
    default: {
        char buf[512];
        DBINT n = dbconvert(NULL, type, data, (DBINT)len, SYBCHAR, (BYTE *)buf, (DBINT)sizeof buf - 1);
        if (n < 0) {
            sb_printf(b, "(value of db-lib type %d)", type);
            return -1;
        }
        buf[n] = 0;
        size_t k = (size_t)n;
        while (k && buf[k - 1] == ' ') /* dbconvert pads fixed-width text */
            buf[--k] = 0;
        sb_putn(b, buf, k);
        return 0;
    }
    }
}

static int run_rows(DbConn *c, const char *batch, DbRowFn fn, void *ctx, DbError *err)
{
    memset(err, 0, sizeof *err);
    c->call.err = err;
    if (dbcmd(c->p, batch) == FAIL || dbsqlexec(c->p) == FAIL)
        return failed(c, err);
    RETCODE rc;
    int status = 0;
    while ((rc = dbresults(c->p)) != NO_MORE_RESULTS) {
        if (rc == FAIL)
            return failed(c, err);
        int n = dbnumcols(c->p);
        StrBuf *cols = n > 0 ? calloc((size_t)n, sizeof *cols) : NULL;
        const char **vals = n > 0 ? calloc((size_t)n, sizeof *vals) : NULL;
        size_t *lens = n > 0 ? calloc((size_t)n, sizeof *lens) : NULL;
        for (int i = 0; i < n; i++)
            sb_init(&cols[i]);
        while (!status && (rc = dbnextrow(c->p)) != NO_MORE_ROWS) {
            if (rc == FAIL) {
                status = failed(c, err);
                break;
            }
            for (int i = 0; i < n; i++) {
                BYTE *d = dbdata(c->p, i + 1);
                sb_reset(&cols[i]);
                if (!d) {
                    vals[i] = NULL;
                    lens[i] = 0;
                    continue;
                }
                if (tds_value_text(&cols[i], dbcoltype(c->p, i + 1), d, dbdatlen(c->p, i + 1))) {
                    set_msg(err, DBE_INTERNAL, "column %s: %s", dbcolname(c->p, i + 1), cols[i].s);
                    status = -1;
                    break;
                }
                vals[i] = cols[i].s;
                lens[i] = cols[i].len;
            }
            if (!status)
                status = fn(ctx, n, vals, lens);
        }
        for (int i = 0; i < n; i++)
            sb_free(&cols[i]);
        free(cols);
        free(vals);
        free(lens);
        if (status) {
            dbcancel(c->p); /* drop what is left so the connection stays usable */
            return status;
        }
    }
    return err->kind != DBE_NONE ? -1 : 0;
}

static int tds_query_each(DbConn *c, const char *sql, const char *const *params, int nparams, DbRowFn fn,
                          void *ctx, DbError *err)
{
    StrBuf b;
    sb_init(&b);
    ms_bind_sql(&b, sql, params, nparams);
    int rc = run_rows(c, b.s, fn, ctx, err);
    sb_free(&b);
    return rc;
}

static const char *tds_server_version(DbConn *c)
{
    return c->version;
}

const DbDriver db_drv_tds = {
    DB_MSSQL, "SQL Server", tds_connect, tds_exec, tds_query_each, tds_server_version, tds_close,
};
