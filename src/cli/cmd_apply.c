/* cli: `apply` (run converted output on a target server) and `validate`
 * (run it on a throwaway PostgreSQL and report what is rejected as action
 * items, optionally as an assessment report). */
#include "config.h"
#include "cli/cli.h"
#include "cli/options.h"
#include "db/apply.h"
#include "db/db_open.h"
#include "db/validate.h"
#include "diag/diag.h"
#include "report/assessment.h"
#include "rewrite/rules.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const apply_synopsis =
    "sqlshift apply --to URL [--dry-run] [--on-error stop|continue] [--allow-existing]\n"
    "               [--password-file FILE] [--connect-timeout SECONDS] [--query-timeout SECONDS]\n"
    "               [-q|-v] DIR|FILE";
static const char *const validate_synopsis =
    "sqlshift validate -t postgresql [--to URL] [-o REPORT_DIR] [--password-file FILE]\n"
    "                  [--connect-timeout SECONDS] [--query-timeout SECONDS] [-q|-v] DIR|FILE...";

static void db_opts(const CliArgs *a, DbOpts *o)
{
    memset(o, 0, sizeof *o);
    o->password_file = a->password_file;
    o->connect_timeout = a->connect_timeout;
    o->query_timeout = a->query_timeout;
    o->no_prompt = !isatty(STDIN_FILENO);
}

static int exit_for(DbErrKind k)
{
    switch (k) {
    case DBE_URL: return EXIT_USAGE;
    case DBE_INTERNAL: return EXIT_INTERNAL;
    case DBE_QUERY: return EXIT_APPLY;
    default: return EXIT_CONNECT;
    }
}

int cmd_apply(int argc, char **argv)
{
    CliArgs a;
    int rc = cli_parse(argc, argv, CMD_APPLY, apply_synopsis, &a);
    if (rc >= 0)
        return rc;
    if (!a.to) {
        fprintf(stderr, "sqlshift: apply needs --to URL\n");
        cli_usage(stderr, CMD_APPLY, apply_synopsis);
        return EXIT_USAGE;
    }
    if (a.ninputs != 1) {
        fprintf(stderr, "sqlshift: apply takes one folder (convert --split) or one file\n");
        return EXIT_USAGE;
    }
    DbUrl u;
    DbError e;
    if (db_url_parse(a.to, &u, &e) != 0) {
        /* not the URL itself: it may hold the password it is refused for */
        fprintf(stderr, "sqlshift: --to URL: %s\n", e.msg);
        return e.kind == DBE_URL ? EXIT_USAGE : EXIT_CONNECT;
    }
    DbEngine engine = u.engine;
    db_url_free(&u);
    if (engine == DB_MSSQL) {
        fprintf(stderr, "sqlshift: apply targets PostgreSQL or MySQL, not SQL Server\n");
        return EXIT_USAGE;
    }
    if (a.dry_run && engine != DB_POSTGRES) {
        fprintf(stderr, "sqlshift: --dry-run needs a PostgreSQL target (MySQL DDL is not transactional)\n");
        return EXIT_USAGE;
    }
    ApplyPlan plan;
    char *err = NULL;
    if (apply_load(a.inputs[0], engine, &plan, &err) != 0) {
        fprintf(stderr, "sqlshift: %s\n", err ? err : a.inputs[0]);
        free(err);
        apply_plan_free(&plan);
        return EXIT_INPUT;
    }
    DbOpts dbo;
    db_opts(&a, &dbo);
    const DbDriver *d;
    DbConn *c;
    if (db_open(a.to, &dbo, &u, &d, &c, &e) != 0) {
        fprintf(stderr, "sqlshift: %s: %s\n", u.display ? u.display : "--to URL", e.msg);
        db_url_free(&u);
        apply_plan_free(&plan);
        return exit_for(e.kind);
    }
    ApplyOpts ao = {a.on_error_continue, a.dry_run, a.allow_existing, 0, a.verbose || isatty(STDERR_FILENO)};
    ApplyResult res;
    int status = EXIT_DONE;
    if (apply_run(d, c, &plan, &ao, &res, &e) != 0) {
        fprintf(stderr, "sqlshift: %s: %s\n", u.display, e.msg);
        status = exit_for(e.kind);
    } else {
        char server[320];
        snprintf(server, sizeof server, "%s (%s %s)", u.display, d->name, d->server_version(c));
        apply_print_summary(stdout, &plan, &res, server, a.quiet);
        if (a.dry_run && !a.quiet)
            printf("dry run: everything was rolled back\n");
        if (res.failed)
            status = EXIT_APPLY;
    }
    d->close(c);
    db_url_free(&u);
    apply_plan_free(&plan);
    return status;
}

/* ---- validate ---- */

typedef struct VReport {
    RuleSet rules;
    int quiet, verbose;
    const char *server;
    /* the assessment, when -o is given */
    SourceFile **files;
    int nfiles;
    ObjectRec *objs;
    int nobjs;
    ItemRec *items;
    int nitems;
    int counts[SEV_CRITICAL + 1];
} VReport;

static int file_index(VReport *r, const char *name)
{
    for (int i = 0; i < r->nfiles; i++)
        if (!strcmp(r->files[i]->name, name))
            return i;
    r->files = realloc(r->files, sizeof *r->files * (size_t)(r->nfiles + 1));
    SourceFile *f = calloc(1, sizeof *f);
    if (!r->files || !f || !(f->name = strdup(name)))
        abort();
    f->id = r->nfiles;
    r->files[r->nfiles] = f;
    return r->nfiles++;
}

static void v_item(void *ctx, const ApplyObject *o, const char *code, const char *text)
{
    VReport *r = ctx;
    const char *file = o->src_file ? o->src_file : o->file;
    int line = o->src_file ? o->src_line : o->line;
    int col = o->src_file ? o->src_col : 1;
    if (!code) {
        /* a new object of the report */
        r->objs = realloc(r->objs, sizeof *r->objs * (size_t)(r->nobjs + 1));
        if (!r->objs)
            abort();
        ObjectRec *ob = &r->objs[r->nobjs++];
        memset(ob, 0, sizeof *ob);
        ob->kind = o->kind[0] ? o->kind : "statement";
        const char *dot = strchr(o->name, '.');
        ob->schema = dot ? strndup(o->name, (size_t)(dot - o->name)) : "";
        ob->name = strdup(dot ? dot + 1 : o->name);
        ob->file = file_index(r, file);
        ob->start.line = ob->end.line = line;
        ob->start.col = ob->end.col = col;
        ob->max_sev = -1;
        ob->validated = strdup(text);
        return;
    }
    const ActionDef *ad = rules_action(&r->rules, code);
    int sev = ad ? ad->sev : SEV_HIGH;
    r->counts[sev]++;
    if (!r->quiet)
        fprintf(stderr, "%s:%d:%d: %s[%s]: %s\n", file, line, col, sev_name(sev), code, text);
    r->items = realloc(r->items, sizeof *r->items * (size_t)(r->nitems + 1));
    if (!r->items)
        abort();
    ItemRec *it = &r->items[r->nitems++];
    memset(it, 0, sizeof *it);
    it->code = code;
    it->sev = sev;
    it->category = ad ? ad->category : "validation";
    it->object = r->nobjs - 1;
    it->file = file_index(r, file);
    it->start.line = it->end.line = line;
    it->start.col = it->end.col = col;
    it->snippet = "";
    it->message = strdup(text);
    it->recommendation = ad ? ad->recommendation : "";
    it->effort_min = ad ? ad->effort_min : 30;
    ObjectRec *ob = &r->objs[r->nobjs - 1];
    ob->n_items++;
    ob->effort_min += it->effort_min;
    if (sev > ob->max_sev)
        ob->max_sev = sev;
    ob->status = ob->max_sev >= SEV_HIGH ? OBJ_MANUAL : ob->max_sev >= SEV_LOW ? OBJ_WARNINGS : OBJ_CONVERTED;
}

static void vreport_free(VReport *r)
{
    for (int i = 0; i < r->nfiles; i++) {
        free(r->files[i]->name);
        free(r->files[i]);
    }
    free(r->files);
    for (int i = 0; i < r->nobjs; i++) {
        if (r->objs[i].schema[0])
            free((char *)r->objs[i].schema);
        free((char *)r->objs[i].name);
        free((char *)r->objs[i].validated);
    }
    free(r->objs);
    for (int i = 0; i < r->nitems; i++)
        free((char *)r->items[i].message);
    free(r->items);
    rules_free(&r->rules);
}

static int item_order(const void *x, const void *y)
{
    const ItemRec *a = x, *b = y;
    if (a->file != b->file)
        return a->file < b->file ? -1 : 1;
    if (a->start.line != b->start.line)
        return a->start.line < b->start.line ? -1 : 1;
    if (a->start.col != b->start.col)
        return a->start.col < b->start.col ? -1 : 1;
    return strcmp(a->code, b->code);
}

int cmd_validate(int argc, char **argv)
{
    CliArgs a;
    int rc = cli_parse(argc, argv, CMD_VALIDATE, validate_synopsis, &a);
    if (rc >= 0)
        return rc;
    if (a.target != DIALECT_POSTGRES) {
        fprintf(stderr, "sqlshift: validate needs -t postgresql (the only target it can validate on)\n");
        cli_usage(stderr, CMD_VALIDATE, validate_synopsis);
        return EXIT_USAGE;
    }
    if (a.ninputs < 1) {
        fprintf(stderr, "sqlshift: validate needs a folder (convert --split) or a file\n");
        return EXIT_USAGE;
    }
    VReport r;
    memset(&r, 0, sizeof r);
    char *err = NULL;
    /* the action catalogue is the same for every source dialect */
    if (rules_init(&r.rules, DIALECT_TSQL, DIALECT_POSTGRES, &err) != 0) {
        fprintf(stderr, "sqlshift: %s\n", err ? err : "cannot load the built-in rules");
        free(err);
        return EXIT_INTERNAL;
    }
    r.quiet = a.quiet;
    r.verbose = a.verbose;
    DbOpts dbo;
    db_opts(&a, &dbo);
    Validation *v = calloc((size_t)a.ninputs, sizeof *v);
    if (!v)
        abort();
    ValidateStatus vs = validate_outputs(a.inputs, a.ninputs, a.to, &dbo, a.verbose, v, &err);
    if (vs != VAL_OK) {
        fprintf(stderr, "sqlshift: %s\n", err ? err : "validation failed");
        free(err);
        for (int i = 0; i < a.ninputs; i++)
            validation_free(&v[i]);
        free(v);
        vreport_free(&r);
        return vs == VAL_INPUT ? EXIT_INPUT : EXIT_CONNECT;
    }
    ApplyResult tot = {0};
    tot.checked = 0;
    for (int i = 0; i < a.ninputs; i++) {
        validation_each(&v[i], v_item, &r);
        tot.applied += v[i].res.applied;
        tot.failed += v[i].res.failed;
        tot.empty += v[i].res.empty;
        tot.check_errors += v[i].res.check_errors;
        if (v[i].res.checked < 0)
            tot.checked = -1;
        else if (tot.checked >= 0)
            tot.checked += v[i].res.checked;
    }
    if (r.nitems)
        qsort(r.items, (size_t)r.nitems, sizeof *r.items, item_order);
    int status = tot.failed || tot.check_errors ? EXIT_APPLY : EXIT_DONE;
    if (!a.quiet) {
        fprintf(stderr, "sqlshift: validated on %s: %d applied, %d rejected, %d only comments",
                v[0].server, tot.applied, tot.failed, tot.empty);
        if (tot.checked >= 0)
            fprintf(stderr, "; plpgsql_check: %d functions, %d errors\n", tot.checked, tot.check_errors);
        else
            fprintf(stderr, "; plpgsql_check not available\n");
    }
    if (a.output) {
        Assessment as;
        memset(&as, 0, sizeof as);
        as.tool_version = PACKAGE_VERSION;
        as.source = "unknown";
        as.target = "postgresql";
        as.files = (const SourceFile *const *)r.files;
        as.nfiles = r.nfiles;
        as.objects = r.objs;
        as.nobjects = r.nobjs;
        as.items = r.items;
        as.nitems = r.nitems;
        if (report_write_all(&as, a.output, &err) != 0) {
            fprintf(stderr, "sqlshift: %s\n", err ? err : a.output);
            free(err);
            status = EXIT_INTERNAL;
        }
    }
    for (int i = 0; i < a.ninputs; i++)
        validation_free(&v[i]);
    free(v);
    vreport_free(&r);
    return status;
}
