/* db: validation on PostgreSQL (validate.h). */
#include "db/validate.h"
#include "db/db_open.h"
#include "db/pg_throwaway.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Applies one loaded plan on url (display names the server in messages). */
static ValidateStatus run_one(const char *url, const char *display, const DbOpts *o, int rollback,
                              int verbose, Validation *v, char **err)
{
    DbUrl u;
    const DbDriver *d;
    DbConn *c;
    DbError e;
    if (db_open(url, o, &u, &d, &c, &e) != 0) {
        if (asprintf(err, "%s: %s", display, e.msg) < 0)
            *err = NULL;
        db_url_free(&u);
        return VAL_SERVER;
    }
    ValidateStatus st = VAL_OK;
    if (d->engine != DB_POSTGRES) {
        if (asprintf(err, "%s: validate needs a PostgreSQL server", display) < 0)
            *err = NULL;
        st = VAL_SERVER;
    } else {
        snprintf(v->server, sizeof v->server, "PostgreSQL %s", d->server_version(c));
        if (verbose)
            fprintf(stderr, "validate: %d objects, %d statements on %s\n", v->plan.n, v->plan.nstmts, v->server);
        /* continue on errors; on a server we were given, leave nothing behind */
        ApplyOpts ao = {1, rollback, 0, 1, verbose};
        if (apply_run(d, c, &v->plan, &ao, &v->res, &e) != 0) {
            if (asprintf(err, "%s: %s", display, e.msg) < 0)
                *err = NULL;
            st = VAL_SERVER;
        }
    }
    d->close(c);
    db_url_free(&u);
    return st;
}

ValidateStatus validate_outputs(char *const *paths, int n, const char *to, const DbOpts *dbo,
                                int verbose, Validation *v, char **err)
{
    memset(v, 0, sizeof *v * (size_t)n);
    *err = NULL;
    /* every input is read before a server is started */
    for (int i = 0; i < n; i++)
        if (apply_load(paths[i], DB_POSTGRES, &v[i].plan, err) != 0)
            return VAL_INPUT;
    if (to) {
        char display[256];
        DbUrl u;
        DbError e;
        snprintf(display, sizeof display, "--to URL");
        if (db_url_parse(to, &u, &e) == 0)
            snprintf(display, sizeof display, "%s", u.display);
        db_url_free(&u);
        for (int i = 0; i < n; i++) {
            ValidateStatus st = run_one(to, display, dbo, 1, verbose, &v[i], err);
            if (st != VAL_OK)
                return st;
        }
        return VAL_OK;
    }
    PgThrowaway *tw = pg_throwaway_start(verbose, err);
    if (!tw)
        return VAL_SERVER;
    char display[300];
    snprintf(display, sizeof display, "throwaway PostgreSQL (%s)", pg_throwaway_bindir(tw));
    DbOpts local = dbo ? *dbo : (DbOpts){0};
    local.password_file = NULL;
    local.no_prompt = 1;
    ValidateStatus st = VAL_OK;
    /* one server, a fresh database per input: initdb is the slow part */
    DbUrl u;
    const DbDriver *d = NULL;
    DbConn *admin = NULL;
    DbError e;
    if (n > 1 && db_open(pg_throwaway_conninfo(tw), &local, &u, &d, &admin, &e) != 0) {
        if (asprintf(err, "%s: %s", display, e.msg) < 0)
            *err = NULL;
        st = VAL_SERVER;
    }
    for (int i = 0; i < n && st == VAL_OK; i++) {
        char url[512];
        snprintf(url, sizeof url, "%s", pg_throwaway_conninfo(tw));
        if (i > 0) {
            char sql[64];
            snprintf(sql, sizeof sql, "CREATE DATABASE sqlshift_validate_%d", i);
            if (d->exec(admin, sql, &e) != 0) {
                if (asprintf(err, "%s: %s", display, e.msg) < 0)
                    *err = NULL;
                st = VAL_SERVER;
                break;
            }
            /* a later dbname= wins over the earlier one in a conninfo string */
            snprintf(url, sizeof url, "%s dbname=sqlshift_validate_%d", pg_throwaway_conninfo(tw), i);
        }
        st = run_one(url, display, &local, 0, verbose, &v[i], err);
    }
    if (admin) {
        d->close(admin);
        db_url_free(&u);
    } else if (n > 1)
        db_url_free(&u);
    pg_throwaway_stop(tw);
    return st;
}

ValidateStatus validate_output(const char *path, const char *to, const DbOpts *dbo, int verbose,
                               Validation *v, char **err)
{
    char *paths[1] = {(char *)path};
    return validate_outputs(paths, 1, to, dbo, verbose, v, err);
}

void validation_free(Validation *v)
{
    apply_plan_free(&v->plan);
}

static int same_location(const ApplyObject *a, const ApplyObject *b)
{
    if (!a->src_file || !b->src_file)
        return a == b;
    return a->src_line == b->src_line && a->src_col == b->src_col && !strcmp(a->src_file, b->src_file);
}

/* worst first: rejected, plpgsql_check errors, accepted, not applied, verbatim */
static int rank(const ApplyObject *o)
{
    switch (o->status) {
    case AP_FAILED: return 5;
    case AP_APPLIED: return o->nchecks ? 4 : 3;
    case AP_PENDING: return 2;
    case AP_EMPTY: return 1;
    }
    return 0;
}

void validation_each(const Validation *v, ValidationFn fn, void *ctx)
{
    const ApplyPlan *p = &v->plan;
    for (int i = 0; i < p->n; i++) {
        const ApplyObject *o = &p->objs[i];
        int first = 1, worst = 0;
        for (int j = 0; j < i && first; j++)
            if (same_location(&p->objs[j], o))
                first = 0;
        if (!first)
            continue;
        for (int j = i; j < p->n; j++)
            if (same_location(&p->objs[j], o) && rank(&p->objs[j]) > worst)
                worst = rank(&p->objs[j]);
        char word[160];
        switch (worst) {
        case 5: snprintf(word, sizeof word, "rejected on %s", v->server); break;
        case 4: snprintf(word, sizeof word, "accepted on %s, plpgsql_check errors", v->server); break;
        case 3: snprintf(word, sizeof word, "accepted on %s", v->server); break;
        case 2: snprintf(word, sizeof word, "not applied"); break;
        default: snprintf(word, sizeof word, "kept verbatim, not applied"); break;
        }
        fn(ctx, o, NULL, word);
        for (int j = i; j < p->n; j++) {
            const ApplyObject *x = &p->objs[j];
            if (!same_location(x, o))
                continue;
            char *m = NULL;
            /* a missing relation, function, type or schema: usually an
             * earlier object that was not created */
            int missing = x->status == AP_FAILED &&
                          (!strcmp(x->sqlstate, "42P01") || !strcmp(x->sqlstate, "42883") ||
                           !strcmp(x->sqlstate, "42704") || !strcmp(x->sqlstate, "3F000"));
            if (x->status == AP_FAILED &&
                asprintf(&m, "%s%s%s rejected by %s: ERROR %s: %s (%s:%d)", x->kind[0] ? x->kind : "statement",
                         x->name[0] ? " " : "", x->name, v->server, x->sqlstate[0] ? x->sqlstate : "-",
                         x->error, x->err_file, x->err_line) >= 0) {
                fn(ctx, x, missing ? "SS8003" : "SS8001", m);
                free(m);
            }
            for (int k = 0; k < x->nchecks; k++) {
                if (asprintf(&m, "%s%s%s: plpgsql_check on %s: %s", x->kind[0] ? x->kind : "statement",
                             x->name[0] ? " " : "", x->name, v->server, x->checks[k]) >= 0) {
                    fn(ctx, x, "SS8004", m);
                    free(m);
                }
            }
        }
    }
}
