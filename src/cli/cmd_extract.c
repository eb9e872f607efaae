/* cli: `extract`: read the objects of a live server into scripts in the
 * source dialect (a folder of one file per object plus manifest.tsv, or one
 * script), and the extraction step of `convert --from` / `assess --from`.
 * Every failure is one line "sqlshift: <server>: <cause>" with the exit
 * status of cli.h; the output appears only when everything was read. */
#include "cli/cli.h"
#include "cli/options.h"
#include "db/db.h"
#include "db/db_module.h"
#include "db/extract.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const extract_synopsis =
    "sqlshift extract --from URL [-o DIR|FILE.sql] [--schema PATTERN]... [--include PATTERN]...\n"
    "                 [--exclude PATTERN]... [--password-file FILE] [--connect-timeout SECONDS]\n"
    "                 [--query-timeout SECONDS] [-v]";

static const char *engine_word(DbEngine e)
{
    switch (e) {
    case DB_POSTGRES: return "PostgreSQL";
    case DB_MYSQL: return "MySQL";
    case DB_MSSQL: return "SQL Server";
    }
    return "database";
}

/* Exit status for a DbError (sqlshift(1)). */
static int status_of(DbErrKind k)
{
    switch (k) {
    case DBE_URL: return EXIT_USAGE;
    case DBE_INTERNAL: return EXIT_INTERNAL;
    default: return EXIT_CONNECT;
    }
}

int cli_extract_to(const CliArgs *a, const char *output)
{
    DbUrl u;
    DbError err;
    if (db_url_parse(a->from, &u, &err) != 0) {
        fprintf(stderr, "sqlshift: %s\n", err.msg);
        return err.kind == DBE_URL ? EXIT_USAGE : EXIT_CONNECT;
    }
    const DbDriver *d = db_driver(u.engine);
    ExtractReader reader = extract_reader(u.engine);
    if (!d || !reader) {
        if (db_module_error())
            fprintf(stderr, "sqlshift: %s: %s\n", u.display, db_module_error());
        else
            fprintf(stderr, "sqlshift: %s: this build has no %s driver\n", u.display, engine_word(u.engine));
        db_url_free(&u);
        return EXIT_CONNECT;
    }
    ExtractFilter f = {a->schemas, a->nschemas, a->include, a->ninclude, a->exclude, a->nexclude};
    ExtractSinkOpts so = {output, &f, a->verbose ? 2 : isatty(STDERR_FILENO) ? 1 : 0, d->name};
    ExtractSink *s;
    if (extract_sink_open(&so, &s, &err) != 0) {
        fprintf(stderr, "sqlshift: %s\n", err.msg);
        db_url_free(&u);
        return status_of(err.kind);
    }
    DbOpts o = {a->password_file, a->connect_timeout, a->query_timeout, 0};
    char *pw = db_password(&u, &o, &err);
    if (!pw && err.kind != DBE_NONE) {
        fprintf(stderr, "sqlshift: %s: %s\n", u.display, err.msg);
        extract_sink_close(s, 0, &err);
        db_url_free(&u);
        return EXIT_USAGE;
    }
    DbConn *c = d->connect(&u, pw, &o, &err);
    if (pw) {
        memset(pw, 0, strlen(pw));
        free(pw);
    }
    if (!c) {
        fprintf(stderr, "sqlshift: %s: %s\n", u.display, err.msg);
        extract_sink_close(s, 0, &err);
        db_url_free(&u);
        return status_of(err.kind == DBE_QUERY ? DBE_CONNECT : err.kind);
    }
    int rc = reader(d, c, &u, s, &err);
    long n = extract_sink_count(s);
    if (rc != 0) {
        fprintf(stderr, "sqlshift: %s: %s\n", u.display, err.msg);
        d->close(c);
        extract_sink_close(s, 0, &err);
        db_url_free(&u);
        return status_of(err.kind == DBE_QUERY ? DBE_CONNECT : err.kind);
    }
    char version[128];
    snprintf(version, sizeof version, "%s", d->server_version(c));
    d->close(c);
    if (extract_sink_close(s, 1, &err) != 0) {
        fprintf(stderr, "sqlshift: %s\n", err.msg);
        db_url_free(&u);
        return status_of(err.kind);
    }
    if (a->verbose)
        fprintf(stderr, "extract: %ld objects from %s (%s %s)\n", n, u.display, d->name, version);
    db_url_free(&u);
    return EXIT_DONE;
}

int cmd_extract(int argc, char **argv)
{
    CliArgs a;
    int rc = cli_parse(argc, argv, CMD_EXTRACT, extract_synopsis, &a);
    if (rc >= 0)
        return rc;
    if (!a.from) {
        fprintf(stderr, "sqlshift: extract needs --from URL\n");
        cli_usage(stderr, CMD_EXTRACT, extract_synopsis);
        return EXIT_USAGE;
    }
    if (a.ninputs > 0) {
        fprintf(stderr, "sqlshift: extract takes no input files (the objects come from --from)\n");
        return EXIT_USAGE;
    }
    return cli_extract_to(&a, a.output);
}
