/* cli: `convert` and `assess`: options -> pipeline. */
#include "cli/cli.h"
#include "cli/options.h"
#include "db/db.h"
#include "db/validate.h"
#include "pipeline/pipeline.h"
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static const char *const convert_synopsis =
    "sqlshift convert -s SOURCE -t TARGET [-o FILE|DIR] [--split] [--report DIR]\n"
    "                 [--rules FILE]... [--fail-on SEVERITY] [--keep-case] [--validate] [-q|-v] FILE...|DIR|-\n"
    "       sqlshift convert [-s SOURCE] -t TARGET --from URL [extract options] [options]";
static const char *const assess_synopsis =
    "sqlshift assess -s SOURCE -t TARGET -o DIR [--rules FILE]... [--fail-on SEVERITY]\n"
    "                [--keep-case] [-q|-v] FILE...|DIR|-\n"
    "       sqlshift assess [-s SOURCE] -t TARGET -o DIR --from URL [extract options] [options]";

/* --from: the source dialect comes from the URL (and must agree with -s). */
static int from_source(CliArgs *a)
{
    if (!a->from)
        return -1;
    if (a->ninputs > 0) {
        fprintf(stderr, "sqlshift: --from and input files exclude each other\n");
        return EXIT_USAGE;
    }
    DbUrl u;
    DbError err;
    if (db_url_parse(a->from, &u, &err) != 0) {
        fprintf(stderr, "sqlshift: %s\n", err.msg);
        return err.kind == DBE_URL ? EXIT_USAGE : EXIT_CONNECT;
    }
    int src = u.engine == DB_MYSQL ? DIALECT_MYSQL : u.engine == DB_MSSQL ? DIALECT_TSQL : -1;
    db_url_free(&u);
    if (src < 0) {
        fprintf(stderr, "sqlshift: --from %s: PostgreSQL is not a source dialect (mssql:// or mysql://)\n", a->from);
        return EXIT_USAGE;
    }
    if (a->source >= 0 && a->source != src) {
        fprintf(stderr, "sqlshift: -s %s disagrees with --from %s (a %s server)\n", dialect_name((Dialect)a->source),
                a->from, dialect_name((Dialect)src));
        return EXIT_USAGE;
    }
    a->source = src;
    return -1;
}

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    remove(path);
    return 0;
}

/* Runs the pipeline; with --from, on a private extract that is removed
 * afterwards, its files named after the server in the output. */
static int run(const CliArgs *a, PipelineOpts *o)
{
    if (!a->from)
        return pipeline_run(o, a->inputs, a->ninputs);
    const char *td = getenv("TMPDIR");
    char *dir, *sub;
    if (asprintf(&dir, "%s/sqlshift-from.XXXXXX", td && *td ? td : "/tmp") < 0)
        abort();
    if (!mkdtemp(dir)) {
        perror("sqlshift: cannot create a temporary folder");
        free(dir);
        return EXIT_INTERNAL;
    }
    if (asprintf(&sub, "%s/extract", dir) < 0)
        abort();
    int rc = cli_extract_to(a, sub);
    if (rc == EXIT_DONE) {
        DbUrl u;
        DbError err;
        db_url_parse(a->from, &u, &err); /* parsed before: cannot fail */
        o->input_root = sub;
        o->input_label = u.display;
        char *in[1] = {sub};
        rc = pipeline_run(o, in, 1);
        db_url_free(&u);
    }
    nftw(dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
    free(sub);
    free(dir);
    return rc;
}

static int check_common(const CliArgs *a, int cmd, const char *synopsis)
{
    if (a->source < 0 || a->target < 0) {
        fprintf(stderr, "sqlshift: -s SOURCE and -t TARGET are required\n");
        cli_usage(stderr, cmd, synopsis);
        return EXIT_USAGE;
    }
    if (a->ninputs == 0 && !a->from) {
        fprintf(stderr, "sqlshift: no input files (use - for standard input)\n");
        return EXIT_USAGE;
    }
    return -1;
}

static void to_opts(const CliArgs *a, PipelineOpts *o)
{
    o->source = (Dialect)a->source;
    o->target = (Dialect)a->target;
    o->rules_files = (const char **)a->rules;
    o->nrules = a->nrules;
    o->keep_case = a->keep_case;
    o->quiet = a->quiet;
    o->verbose = a->verbose;
    o->fail_on = a->fail_on;
}

/* convert --validate: the written output on a throwaway PostgreSQL */
typedef struct ValidateCtx {
    int verbose;
    PipelinePutFn put;
    void *pctx;
} ValidateCtx;

static void put_one(void *ctx, const ApplyObject *o, const char *code, const char *text)
{
    ValidateCtx *v = ctx;
    if (o->src_file)
        v->put(v->pctx, o->src_file, o->src_line, o->src_col, code, text);
    else
        v->put(v->pctx, NULL, o->line, 1, code, text);
}

static int validate_written(void *ctx, const char *output, PipelinePutFn put, void *pctx)
{
    ValidateCtx *v = ctx;
    v->put = put;
    v->pctx = pctx;
    DbOpts dbo = {NULL, 0, 0, 1};
    Validation val;
    char *err = NULL;
    ValidateStatus st = validate_output(output, NULL, &dbo, v->verbose, &val, &err);
    if (st != VAL_OK) {
        fprintf(stderr, "sqlshift: --validate: %s\n", err ? err : "validation failed");
        free(err);
        validation_free(&val);
        return st == VAL_INPUT ? EXIT_INPUT : EXIT_CONNECT;
    }
    validation_each(&val, put_one, v);
    if (v->verbose)
        fprintf(stderr, "sqlshift: validated on %s: %d applied, %d rejected; plpgsql_check: %d functions, %d errors\n",
                val.server, val.res.applied, val.res.failed, val.res.checked, val.res.check_errors);
    validation_free(&val);
    return 0;
}

int cmd_convert(int argc, char **argv)
{
    CliArgs a;
    int rc = cli_parse(argc, argv, CMD_CONVERT, convert_synopsis, &a);
    if (rc >= 0)
        return rc;
    if ((rc = from_source(&a)) >= 0 || (rc = check_common(&a, CMD_CONVERT, convert_synopsis)) >= 0)
        return rc;
    if (a.split && !a.output) {
        fprintf(stderr, "sqlshift: --split needs -o DIR\n");
        return EXIT_USAGE;
    }
    PipelineOpts o = {0};
    to_opts(&a, &o);
    o.output = a.output;
    o.split = a.split;
    o.report_dir = a.report;
    o.write_sql = 1;
    ValidateCtx vc = {a.verbose, NULL, NULL};
    if (a.validate) {
        if (a.target != DIALECT_POSTGRES || !a.output) {
            fprintf(stderr, "sqlshift: --validate needs -t postgresql and -o FILE|DIR\n");
            return EXIT_USAGE;
        }
        o.validate = validate_written;
        o.validate_ctx = &vc;
    }
    return run(&a, &o);
}

int cmd_assess(int argc, char **argv)
{
    CliArgs a;
    int rc = cli_parse(argc, argv, CMD_ASSESS, assess_synopsis, &a);
    if (rc >= 0)
        return rc;
    if ((rc = from_source(&a)) >= 0 || (rc = check_common(&a, CMD_ASSESS, assess_synopsis)) >= 0)
        return rc;
    if (!a.output) {
        fprintf(stderr, "sqlshift: assess needs -o DIR for the report\n");
        return EXIT_USAGE;
    }
    PipelineOpts o = {0};
    to_opts(&a, &o);
    o.report_dir = a.output;
    o.write_sql = 0;
    return run(&a, &o);
}
