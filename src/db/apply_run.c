/* db: running a loaded plan on the target (apply.h), and plpgsql_check on
 * what it created. PostgreSQL: one transaction, one savepoint per object, so
 * a rejected object is rolled back alone and the run can go on. */
#include "db/apply.h"
#include "util/strbuf.h"
#include <ctype.h>
#include <stdlib.h>
#include <strings.h>
#include <string.h>
#include <unistd.h>

/* "apply: 120/4031 objects": rewritten in place on a terminal, else a
 * line every 500 objects and at the end */
static void progress(int i, int n)
{
    if (isatty(STDERR_FILENO))
        fprintf(stderr, "apply: %d/%d objects\r%s", i, n, i == n ? "\n" : "");
    else if (i % 500 == 0 || i == n)
        fprintf(stderr, "apply: %d/%d objects\n", i, n);
}

static void record_failure(ApplyObject *o, const ApplyStmt *s, const DbError *e)
{
    o->status = AP_FAILED;
    free(o->error);
    o->error = strdup(e->msg[0] ? e->msg : "rejected");
    snprintf(o->sqlstate, sizeof o->sqlstate, "%s", e->sqlstate);
    o->err_file = s->file;
    o->err_line = s->line + (e->line > 0 ? e->line - 1 : 0);
}

/* A statement that would end or nest apply's own transaction (COMMIT,
 * BEGIN, SAVEPOINT ...) is not sent: 1 and err filled. */
static int txn_control(const char *sql, DbError *err)
{
    static const char *const words[] = {"BEGIN", "COMMIT", "ROLLBACK", "END", "ABORT", "START",
                                        "SAVEPOINT", "RELEASE", "PREPARE", NULL};
    size_t n = 0;
    while (sql[n] && (isalpha((unsigned char)sql[n]) || sql[n] == '_'))
        n++;
    for (const char *const *w = words; *w; w++) {
        if (n == strlen(*w) && !strncasecmp(sql, *w, n)) {
            memset(err, 0, sizeof *err);
            err->kind = DBE_QUERY;
            snprintf(err->msg, sizeof err->msg,
                     "transaction control statement %s not run: apply runs everything in one "
                     "transaction with a savepoint per object", *w);
            return 1;
        }
    }
    return 0;
}

static int mentions_routine(const ApplyObject *o)
{
    for (int k = 0; k < o->nstmts; k++)
        if (strcasestr(o->stmts[k].sql, "function") || strcasestr(o->stmts[k].sql, "procedure"))
            return 1;
    return 0;
}

static int fatal_kind(DbErrKind k)
{
    return k == DBE_LOST || k == DBE_CONNECT || k == DBE_INTERNAL;
}

/* ---- new PL/pgSQL functions after each object (for plpgsql_check) ---- */

typedef struct OidScan {
    ApplyObject *o;
    unsigned long max;
} OidScan;

static int oid_row(void *ctx, int n, const char *const *v, const size_t *lens)
{
    (void)lens;
    OidScan *s = ctx;
    if (n < 2 || !v[0])
        return 0;
    unsigned long oid = strtoul(v[0], NULL, 10);
    if (oid > s->max)
        s->max = oid;
    if (v[1] && v[1][0] == 't') {
        s->o->oids = realloc(s->o->oids, sizeof *s->o->oids * (size_t)(s->o->noids + 1));
        if (!s->o->oids)
            abort();
        s->o->oids[s->o->noids++] = (unsigned)oid;
    }
    return 0;
}

static int max_row(void *ctx, int n, const char *const *v, const size_t *lens)
{
    (void)lens;
    if (n >= 1 && v[0])
        *(unsigned long *)ctx = strtoul(v[0], NULL, 10);
    return 0;
}

/* ---- plpgsql_check ---- */

typedef struct CheckScan {
    ApplyObject *o;
    int errors;
} CheckScan;

static int check_row(void *ctx, int n, const char *const *v, const size_t *lens)
{
    (void)lens;
    CheckScan *s = ctx;
    /* functionid, lineno, sqlstate, message, detail, hint, level */
    if (n < 7 || !v[6] || strcmp(v[6], "error") != 0)
        return 0;
    char *line;
    if (asprintf(&line, "function %s%s%s: %s%s%s%s", v[0] ? v[0] : "?", v[1] ? " line " : "",
                 v[1] ? v[1] : "", v[3] ? v[3] : "error", v[4] ? " (" : "", v[4] ? v[4] : "",
                 v[4] ? ")" : "") < 0)
        abort();
    s->o->checks = realloc(s->o->checks, sizeof *s->o->checks * (size_t)(s->o->nchecks + 1));
    if (!s->o->checks)
        abort();
    s->o->checks[s->o->nchecks++] = line;
    s->errors++;
    return 0;
}

static const char q_new_procs[] =
    "SELECT p.oid::int8, l.lanname = 'plpgsql' AND (p.prorettype <> 'trigger'::regtype"
    " OR EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgfoid = p.oid))"
    " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass"
    " AND d.objid = p.oid AND d.deptype = 'e')" /* not an extension's own functions */
    " FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang WHERE p.oid > $1::oid";
static const char q_check[] =
    "SELECT $1::oid::regprocedure::text, t.lineno::text, t.sqlstate, t.message, t.detail, t.hint, t.level"
    " FROM plpgsql_check_function_tb($1::oid, COALESCE((SELECT g.tgrelid FROM pg_trigger g"
    " WHERE g.tgfoid = $1::oid ORDER BY g.oid LIMIT 1), 0)) t";

/* Runs plpgsql_check on every PL/pgSQL function the plan created. Returns
 * functions checked, -1 when the extension is not available, -2 on a fatal error. */
static int run_checks(const DbDriver *d, DbConn *c, ApplyPlan *p, ApplyResult *res, DbError *fatal)
{
    DbError e;
    if (d->exec(c, "SAVEPOINT sqlshift_check; CREATE EXTENSION IF NOT EXISTS plpgsql_check", &e) != 0) {
        if (fatal_kind(e.kind)) {
            *fatal = e;
            return -2;
        }
        if (d->exec(c, "ROLLBACK TO SAVEPOINT sqlshift_check", fatal) != 0)
            return -2;
        return -1;
    }
    int checked = 0;
    for (int i = 0; i < p->n; i++) {
        ApplyObject *o = &p->objs[i];
        for (int k = 0; k < o->noids; k++) {
            char oid[24];
            snprintf(oid, sizeof oid, "%u", o->oids[k]);
            const char *params[1] = {oid};
            CheckScan s = {o, 0};
            /* a checker crash on one function must not end the run */
            if (d->exec(c, "SAVEPOINT sqlshift_check1", fatal) != 0)
                return -2;
            if (d->query_each(c, q_check, params, 1, check_row, &s, &e) < 0) {
                if (fatal_kind(e.kind)) {
                    *fatal = e;
                    return -2;
                }
                char *line;
                if (asprintf(&line, "function %s: plpgsql_check failed: %s", oid, e.msg) < 0)
                    abort();
                o->checks = realloc(o->checks, sizeof *o->checks * (size_t)(o->nchecks + 1));
                if (!o->checks)
                    abort();
                o->checks[o->nchecks++] = line;
                s.errors++;
                if (d->exec(c, "ROLLBACK TO SAVEPOINT sqlshift_check1", fatal) != 0)
                    return -2;
            } else if (d->exec(c, "RELEASE SAVEPOINT sqlshift_check1", fatal) != 0)
                return -2;
            res->check_errors += s.errors;
            checked++;
        }
    }
    return checked;
}

static int run_postgres(const DbDriver *d, DbConn *c, ApplyPlan *p, const ApplyOpts *o,
                        ApplyResult *res, DbError *fatal)
{
    if (d->exec(c, "BEGIN", fatal) != 0)
        return -1;
    unsigned long watermark = 0;
    char wm[24];
    if (o->plpgsql_check &&
        d->query_each(c, "SELECT COALESCE(max(oid::int8), 0) FROM pg_proc", NULL, 0, max_row,
                      &watermark, fatal) < 0)
        return -1;
    int stopped = 0;
    for (int i = 0; i < p->n; i++) {
        ApplyObject *ob = &p->objs[i];
        if (o->verbose && !stopped)
            progress(i + 1, p->n);
        if (stopped) {
            ob->status = ob->nstmts ? AP_PENDING : AP_EMPTY;
            continue;
        }
        if (!ob->nstmts) {
            ob->status = AP_EMPTY;
            continue;
        }
        ob->status = AP_APPLIED;
        DbError e1;
        if (ob->nstmts == 1 && !txn_control(ob->stmts[0].sql, &e1)) {
            /* the common case in one round trip: savepoint, statement and
             * release in one string; the prefix holds no line break, so an
             * error position still gives the statement's own line */
            StrBuf b;
            sb_init(&b);
            sb_printf(&b, "SAVEPOINT sqlshift_object; %s\n;RELEASE SAVEPOINT sqlshift_object", ob->stmts[0].sql);
            int rc = d->exec(c, b.s, &e1);
            sb_free(&b);
            if (rc != 0) {
                if (fatal_kind(e1.kind)) {
                    *fatal = e1;
                    return -1;
                }
                record_failure(ob, &ob->stmts[0], &e1);
                if (d->exec(c, "ROLLBACK TO SAVEPOINT sqlshift_object", fatal) != 0)
                    return -1;
                if (!o->on_error_continue)
                    stopped = 1;
                continue;
            }
            goto applied;
        }
        if (d->exec(c, "SAVEPOINT sqlshift_object", fatal) != 0)
            return -1;
        for (int k = 0; k < ob->nstmts; k++) {
            DbError e;
            if (txn_control(ob->stmts[k].sql, &e) || d->exec(c, ob->stmts[k].sql, &e) != 0) {
                if (fatal_kind(e.kind)) {
                    *fatal = e;
                    return -1;
                }
                record_failure(ob, &ob->stmts[k], &e);
                break;
            }
        }
        if (ob->status == AP_FAILED) {
            if (d->exec(c, "ROLLBACK TO SAVEPOINT sqlshift_object", fatal) != 0)
                return -1;
            if (!o->on_error_continue)
                stopped = 1;
            continue;
        }
        if (d->exec(c, "RELEASE SAVEPOINT sqlshift_object", fatal) != 0)
            return -1;
    applied:
        /* only CREATE FUNCTION / PROCEDURE (also in a DO block) make PL/pgSQL
         * functions: other objects need no look at pg_proc */
        if (o->plpgsql_check && mentions_routine(ob)) {
            snprintf(wm, sizeof wm, "%lu", watermark);
            const char *params[1] = {wm};
            OidScan s = {ob, watermark};
            if (d->query_each(c, q_new_procs, params, 1, oid_row, &s, fatal) < 0)
                return -1;
            watermark = s.max;
        }
    }
    res->checked = 0;
    if (o->plpgsql_check && !stopped) {
        int n = run_checks(d, c, p, res, fatal);
        if (n == -2)
            return -1;
        res->checked = n;
    }
    if (o->dry_run || stopped) {
        if (d->exec(c, "ROLLBACK", fatal) != 0)
            return -1;
        res->committed = 0;
    } else {
        if (d->exec(c, "COMMIT", fatal) != 0)
            return -1;
        res->committed = 1;
    }
    return 0;
}

static int count_row(void *ctx, int n, const char *const *v, const size_t *lens)
{
    (void)lens;
    if (n >= 1 && v[0])
        *(long *)ctx = atol(v[0]);
    return 0;
}

static int run_mysql(const DbDriver *d, DbConn *c, ApplyPlan *p, const ApplyOpts *o,
                     ApplyResult *res, DbError *fatal)
{
    if (!o->allow_existing) {
        long n = 0;
        if (d->query_each(c, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()",
                          NULL, 0, count_row, &n, fatal) < 0)
            return -1;
        if (n > 0) {
            fatal->kind = DBE_QUERY;
            fatal->sqlstate[0] = 0;
            fatal->line = 0;
            snprintf(fatal->msg, sizeof fatal->msg,
                     "the database already has %ld tables: refusing to apply into it (use --allow-existing)", n);
            return -1;
        }
    }
    int stopped = 0;
    for (int i = 0; i < p->n; i++) {
        ApplyObject *ob = &p->objs[i];
        if (o->verbose && !stopped)
            progress(i + 1, p->n);
        if (!ob->nstmts) {
            ob->status = AP_EMPTY;
            continue;
        }
        if (stopped)
            continue; /* stays AP_PENDING */
        ob->status = AP_APPLIED;
        for (int k = 0; k < ob->nstmts; k++) {
            DbError e;
            if (d->exec(c, ob->stmts[k].sql, &e) != 0) {
                if (fatal_kind(e.kind)) {
                    *fatal = e;
                    return -1;
                }
                record_failure(ob, &ob->stmts[k], &e);
                break;
            }
        }
        if (ob->status == AP_FAILED && !o->on_error_continue)
            stopped = 1;
    }
    res->committed = 1; /* MySQL DDL commits as it goes */
    return 0;
}

int apply_run(const DbDriver *d, DbConn *c, ApplyPlan *p, const ApplyOpts *o, ApplyResult *res,
              DbError *fatal)
{
    memset(res, 0, sizeof *res);
    memset(fatal, 0, sizeof *fatal);
    for (int i = 0; i < p->n; i++)
        p->objs[i].status = AP_PENDING;
    int rc = d->engine == DB_POSTGRES ? run_postgres(d, c, p, o, res, fatal) : run_mysql(d, c, p, o, res, fatal);
    for (int i = 0; i < p->n; i++) {
        switch (p->objs[i].status) {
        case AP_APPLIED:
            /* rolled back at the end: applied, but not kept */
            res->applied++;
            break;
        case AP_FAILED:
            res->failed++;
            break;
        case AP_EMPTY:
            res->empty++;
            break;
        case AP_PENDING:
            res->pending++;
            break;
        }
    }
    return rc;
}

static void describe(FILE *f, const ApplyObject *o)
{
    if (o->kind[0]) {
        fprintf(f, "%s%s%s", o->kind, o->name[0] ? " " : "", o->name);
        if (o->src_file)
            fprintf(f, " (%s:%d:%d)", o->src_file, o->src_line, o->src_col);
    } else
        fprintf(f, "statements at %s:%d", o->file, o->line);
}

void apply_print_summary(FILE *f, const ApplyPlan *p, const ApplyResult *res, const char *server,
                         int only_problems)
{
    for (int i = 0; i < p->n; i++) {
        const ApplyObject *o = &p->objs[i];
        const char *tag = o->status == AP_APPLIED ? "applied" : o->status == AP_FAILED ? "FAILED"
                        : o->status == AP_EMPTY ? "comments" : "not applied";
        if (only_problems && o->status != AP_FAILED && !o->nchecks)
            continue;
        if (!only_problems || o->status == AP_FAILED) {
            fprintf(f, "%-11s ", tag);
            describe(f, o);
            if (o->status == AP_FAILED)
                fprintf(f, ": %s:%d: ERROR%s%s: %s", o->err_file, o->err_line, o->sqlstate[0] ? " " : "",
                        o->sqlstate, o->error);
            else if (o->status == AP_EMPTY)
                fprintf(f, ": only comments (kept verbatim), nothing to run");
            fputc('\n', f);
        }
        for (int k = 0; k < o->nchecks; k++) {
            fprintf(f, "%-11s ", "CHECK");
            describe(f, o);
            fprintf(f, ": plpgsql_check: %s\n", o->checks[k]);
        }
    }
    fprintf(f, "%s: %d applied, %d failed, %d not applied, %d only comments", server, res->applied,
            res->failed, res->pending, res->empty);
    if (res->checked > 0 || res->check_errors)
        fprintf(f, "; plpgsql_check: %d functions, %d errors", res->checked, res->check_errors);
    else if (res->checked < 0)
        fprintf(f, "; plpgsql_check not available");
    fprintf(f, "; %s\n", res->committed ? "committed" : "rolled back");
}
