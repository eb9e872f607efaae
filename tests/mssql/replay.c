/* tests: runs the SQL Server catalogue reader (mssql_script.c) against
 * recorded catalogue rows instead of a server, through a DbDriver whose
 * query_each serves the rows of the section named like the query
 * (ms_catalog[].name). Prints every object the reader hands on, in order,
 * each after a "-- object:" comment line, so that the output is both the
 * expected-text golden and a T-SQL script for `sqlshift convert`.
 *
 *   mssql_replay ROWS [--schema NAME]... [--fail-put N]
 *
 * ROWS format: "[name]" starts a query's section; every other non-empty
 * line not starting with '#' is one row, fields separated by '|', with \N
 * for NULL, \n for a newline, \| for '|' and \\ for '\'. --schema keeps
 * only the objects of the named schemas (the sink's filter); --fail-put N
 * makes the N-th put fail as a sink would (disk full), to check that the
 * reader stops with that error. */
#include "db/mssql_script.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Row {
    int n;
    char *f[32];
} Row;

typedef struct Section {
    char name[64];
    Row *rows;
    int nrows, cap;
} Section;

static Section secs[64];
static int nsecs;

static char *unescape_field(const char *s, size_t n, int *isnull)
{
    *isnull = n == 2 && s[0] == '\\' && s[1] == 'N';
    char *o = malloc(n + 1), *p = o;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\\' && i + 1 < n) {
            i++;
            *p++ = s[i] == 'n' ? '\n' : s[i] == 't' ? '\t' : s[i];
        } else {
            *p++ = s[i];
        }
    }
    *p = 0;
    return o;
}

static int load(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        return -1;
    }
    char line[16384];
    Section *cur = NULL;
    while (fgets(line, sizeof line, f)) {
        size_t len = strcspn(line, "\n");
        line[len] = 0;
        if (!len || line[0] == '#')
            continue;
        if (line[0] == '[') {
            cur = &secs[nsecs++];
            snprintf(cur->name, sizeof cur->name, "%.*s", (int)strcspn(line + 1, "]"), line + 1);
            continue;
        }
        if (!cur) {
            fprintf(stderr, "%s: row before any [section]\n", path);
            fclose(f);
            return -1;
        }
        if (cur->nrows == cur->cap) {
            cur->cap = cur->cap ? 2 * cur->cap : 16;
            cur->rows = realloc(cur->rows, (size_t)cur->cap * sizeof *cur->rows);
        }
        Row *r = &cur->rows[cur->nrows++];
        r->n = 0;
        const char *s = line;
        for (;;) {
            const char *e = s;
            while (*e && *e != '|') {
                if (*e == '\\' && e[1])
                    e++;
                e++;
            }
            int isnull;
            char *v = unescape_field(s, (size_t)(e - s), &isnull);
            if (isnull) {
                free(v);
                v = NULL;
            }
            if (r->n < 32)
                r->f[r->n++] = v;
            if (!*e)
                break;
            s = e + 1;
        }
    }
    fclose(f);
    return 0;
}

static int fake_query_each(DbConn *c, const char *sql, const char *const *params, int nparams, DbRowFn fn,
                           void *ctx, DbError *err)
{
    (void)c, (void)params, (void)nparams, (void)err;
    const char *name = NULL;
    for (int i = 0; i < MSQ_N; i++)
        if (!strcmp(ms_catalog[i].sql, sql))
            name = ms_catalog[i].name;
    if (!name) {
        err->kind = DBE_QUERY;
        snprintf(err->msg, sizeof err->msg, "not a catalogue query");
        return -1;
    }
    for (int s = 0; s < nsecs; s++) {
        if (strcmp(secs[s].name, name))
            continue;
        for (int i = 0; i < secs[s].nrows; i++) {
            Row *r = &secs[s].rows[i];
            size_t lens[32];
            for (int k = 0; k < r->n; k++)
                lens[k] = r->f[k] ? strlen(r->f[k]) : 0;
            int rc = fn(ctx, r->n, (const char *const *)r->f, lens);
            if (rc)
                return rc;
        }
    }
    return 0;
}

static const DbDriver fake = {DB_MSSQL, "recorded rows", NULL, NULL, fake_query_each, NULL, NULL};

typedef struct Ctx {
    char **schemas;
    int nschemas;
    int puts, fail_put;
    long total;
} Ctx;

static const char *const kind_names[] = {
    [EX_SCHEMA] = "schema", [EX_TYPE] = "type", [EX_SEQUENCE] = "sequence", [EX_TABLE] = "table",
    [EX_INDEX] = "index", [EX_FOREIGN_KEY] = "foreign key", [EX_FUNCTION] = "function",
    [EX_PROCEDURE] = "procedure", [EX_VIEW] = "view", [EX_TRIGGER] = "trigger", [EX_EVENT] = "event",
    [EX_SYNONYM] = "synonym", [EX_PROPERTY] = "property",
};

static int put(void *ctx, const ExtractObject *o, DbError *err)
{
    Ctx *x = ctx;
    if (++x->puts == x->fail_put) {
        err->kind = DBE_INTERNAL;
        snprintf(err->msg, sizeof err->msg, "out/: No space left on device");
        return -1;
    }
    printf("-- object: %s %s.%s", kind_names[o->kind], o->schema, o->name);
    for (int i = 0; i < o->ndeps; i++)
        printf("%s%s", i ? ", " : " (needs ", o->deps[i]);
    printf("%s\n%s", o->ndeps ? ")" : "", o->ddl);
    return 0;
}

static int selects(void *ctx, const char *schema, const char *name)
{
    (void)name;
    Ctx *x = ctx;
    if (!x->nschemas)
        return 1;
    for (int i = 0; i < x->nschemas; i++)
        if (!strcmp(x->schemas[i], schema))
            return 1;
    return 0;
}

static void total(void *ctx, long n)
{
    ((Ctx *)ctx)->total = n;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: mssql_replay ROWS [--schema NAME]... [--fail-put N]\n");
        return 2;
    }
    Ctx x = {0};
    x.schemas = calloc((size_t)argc, sizeof *x.schemas);
    for (int i = 2; i < argc; i++) {
        if (!strcmp(argv[i], "--schema") && i + 1 < argc)
            x.schemas[x.nschemas++] = argv[++i];
        else if (!strcmp(argv[i], "--fail-put") && i + 1 < argc)
            x.fail_put = atoi(argv[++i]);
        else {
            fprintf(stderr, "mssql_replay: unknown argument %s\n", argv[i]);
            free(x.schemas);
            return 2;
        }
    }
    if (load(argv[1])) {
        free(x.schemas);
        return 2;
    }
    MsOut out = {put, selects, total, &x};
    DbError err;
    memset(&err, 0, sizeof err);
    int rc = ms_extract_run(&fake, NULL, &out, &err);
    fprintf(stderr, "mssql_replay: %d objects of %ld\n", x.puts - (rc ? 1 : 0), x.total);
    if (rc)
        fprintf(stderr, "mssql_replay: error (kind %d): %s\n", err.kind, err.msg);
    for (int s = 0; s < nsecs; s++) {
        for (int i = 0; i < secs[s].nrows; i++)
            for (int k = 0; k < secs[s].rows[i].n; k++)
                free(secs[s].rows[i].f[k]);
        free(secs[s].rows);
    }
    free(x.schemas);
    return rc ? 1 : 0;
}
