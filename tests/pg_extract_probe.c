/* tests: runs extract_postgres() against a live server with a tiny local
 * ExtractSink that prints every object as a converted-output-like script
 * ("-- <kind> <schema>.<name> (extract:<n>:1)" headers), so tests/db_apply.sh
 * can check the DDL read back and apply it again. The real sink (files and a
 * manifest) is src/db/extract_write.c; this stand-in keeps the reader
 * testable on its own.
 *   pg_extract_probe URL [SCHEMA]   (only objects of SCHEMA when given) */
#include "db/db_open.h"
#include "db/extract.h"
#include <stdio.h>
#include <string.h>

struct ExtractSink {
    const char *schema;
    long total;
    int n;
};

static const char *kind_name(ExtractKind k)
{
    static const char *const names[] = {"?", "schema", "type", "sequence", "table", "index",
                                        "foreign keys", "view", "function", "procedure",
                                        "trigger", "event", "synonym", "comment"};
    return (unsigned)k < sizeof names / sizeof names[0] ? names[k] : "?";
}

int extract_sink_put(ExtractSink *s, const ExtractObject *o, DbError *err)
{
    (void)err;
    s->n++;
    printf("-- %s %s.%s (extract:%d:1)\n%s\n", kind_name(o->kind), o->schema, o->name, s->n, o->ddl);
    return 0;
}

void extract_sink_total(ExtractSink *s, long total)
{
    s->total = total;
}

int extract_sink_selects(ExtractSink *s, const char *schema, const char *name)
{
    (void)name;
    return !s->schema || !strcmp(s->schema, schema);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: pg_extract_probe URL [SCHEMA]\n");
        return 2;
    }
    DbOpts o = {NULL, 5, 30, 1};
    DbUrl u;
    const DbDriver *d;
    DbConn *c;
    DbError e;
    if (db_open(argv[1], &o, &u, &d, &c, &e) != 0) {
        fprintf(stderr, "pg_extract_probe: %s\n", e.msg);
        db_url_free(&u);
        return 5;
    }
    ExtractSink s = {argc > 2 ? argv[2] : NULL, -1, 0};
    int rc = extract_postgres(d, c, &u, &s, &e);
    if (rc != 0)
        fprintf(stderr, "pg_extract_probe: %s\n", e.msg);
    else
        fprintf(stderr, "pg_extract_probe: %d objects (catalogue total %ld)\n", s.n, s.total);
    d->close(c);
    db_url_free(&u);
    return rc ? 1 : 0;
}
