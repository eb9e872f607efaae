/* db: reading a PostgreSQL database back as scripts (extract.h), enough to
 * compare what `apply` created with what was meant: schemas, sequences,
 * tables (columns with format_type, defaults, identity and generated
 * columns, constraints), foreign keys, indexes, views, functions and
 * procedures (pg_get_functiondef), triggers. Names are quoted by the server
 * (quote_ident) and every value is a bound parameter, so a name holding
 * quotes or semicolons comes back exactly and cannot change a query.
 * Objects of extensions and of the system schemas are left out. One query
 * streams at a time (libpq), so each list is read first, then each object. */
#include "db/extract.h"
#include "util/strbuf.h"
#include <stdlib.h>
#include <string.h>

/* user schemas: not the system ones, not an extension's */
#define USER_NS(n) \
    "(" n ".nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')" \
    " AND " n ".nspname NOT LIKE 'pg\\_temp\\_%' AND " n ".nspname NOT LIKE 'pg\\_toast\\_temp\\_%')"
#define NOT_EXT(cls, oid) \
    "NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '" cls "'::regclass" \
    " AND e.objid = " oid " AND e.deptype = 'e')"

/* A list of rows of text fields, read from one query before the next runs. */
typedef struct Rows {
    char **v;        /* n * ncols fields, NULL for SQL NULL */
    int n, ncols, cap;
} Rows;

static int rows_add(void *ctx, int nc, const char *const *vals, const size_t *lens)
{
    Rows *r = ctx;
    if (r->ncols == 0)
        r->ncols = nc;
    if (r->n == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 64;
        r->v = realloc(r->v, sizeof *r->v * (size_t)r->cap * (size_t)r->ncols);
        if (!r->v)
            abort();
    }
    for (int i = 0; i < r->ncols; i++)
        r->v[r->n * r->ncols + i] = i < nc && vals[i] ? strndup(vals[i], lens[i]) : NULL;
    r->n++;
    return 0;
}

static const char *cell(const Rows *r, int row, int col)
{
    return r->v[row * r->ncols + col];
}

static void rows_free(Rows *r)
{
    for (int i = 0; i < r->n * r->ncols; i++)
        free(r->v[i]);
    free(r->v);
    memset(r, 0, sizeof *r);
}

static int fetch(const DbDriver *d, DbConn *c, const char *sql, const char *param, Rows *out, DbError *err)
{
    memset(out, 0, sizeof *out);
    const char *params[1] = {param};
    return d->query_each(c, sql, param ? params : NULL, param ? 1 : 0, rows_add, out, err) < 0 ? -1 : 0;
}

static int put(ExtractSink *s, ExtractKind k, const char *schema, const char *name, const char *ddl, DbError *err)
{
    ExtractObject o = {.kind = k, .schema = schema, .name = name, .ddl = ddl};
    return extract_sink_put(s, &o, err);
}

/* ---- tables ---- */

static const char q_tables[] =
    "SELECT c.oid::text, n.nspname, c.relname, quote_ident(n.nspname) || '.' || quote_ident(c.relname),"
    " c.relkind = 'p', c.relpersistence = 'u'"
    " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
    " WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND " USER_NS("n") " AND " NOT_EXT("pg_class", "c.oid")
    " ORDER BY n.nspname, c.relname";
static const char q_columns[] =
    "SELECT quote_ident(a.attname), format_type(a.atttypid, a.atttypmod), a.attnotnull,"
    " pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated,"
    " CASE WHEN a.attcollation <> t.typcollation AND a.attcollation <> 0"
    "  THEN (SELECT quote_ident(cn.nspname) || '.' || quote_ident(co.collname) FROM pg_collation co"
    "  JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = a.attcollation) END,"
    " (SELECT 'START WITH ' || s.seqstart || ' INCREMENT BY ' || s.seqincrement FROM pg_depend p"
    "  JOIN pg_sequence s ON s.seqrelid = p.objid WHERE p.refobjid = a.attrelid"
    "  AND p.refobjsubid = a.attnum AND p.deptype = 'i' AND p.classid = 'pg_class'::regclass LIMIT 1)"
    " FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid"
    " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
    " WHERE a.attrelid = $1::oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum";
/* primary key, unique, check and exclusion constraints, in a stable order */
static const char q_constraints[] =
    "SELECT quote_ident(conname), pg_get_constraintdef(oid, true) FROM pg_constraint"
    " WHERE conrelid = $1::oid AND contype IN ('p', 'u', 'c', 'x')"
    " ORDER BY CASE contype WHEN 'p' THEN 0 WHEN 'u' THEN 1 WHEN 'x' THEN 2 ELSE 3 END, conname";
static const char q_partition[] =
    "SELECT pg_get_partkeydef($1::oid)";

static int table_ddl(const DbDriver *d, DbConn *c, const Rows *t, int i, StrBuf *b, DbError *err)
{
    const char *oid = cell(t, i, 0);
    Rows cols, cons;
    if (fetch(d, c, q_columns, oid, &cols, err) != 0)
        return -1;
    if (fetch(d, c, q_constraints, oid, &cons, err) != 0) {
        rows_free(&cols);
        return -1;
    }
    const char *unlogged = cell(t, i, 5) && cell(t, i, 5)[0] == 't' ? "UNLOGGED " : "";
    sb_printf(b, "CREATE %sTABLE %s (", unlogged, cell(t, i, 3));
    int first = 1;
    for (int k = 0; k < cols.n; k++) {
        const char *ident = cell(&cols, k, 4), *gen = cell(&cols, k, 5), *def = cell(&cols, k, 3);
        sb_printf(b, "%s\n    %s %s", first ? "" : ",", cell(&cols, k, 0), cell(&cols, k, 1));
        first = 0;
        if (cell(&cols, k, 6))
            sb_printf(b, " COLLATE %s", cell(&cols, k, 6));
        if (gen && gen[0] == 's')
            sb_printf(b, " GENERATED ALWAYS AS (%s) STORED", def ? def : "NULL");
        else if (ident && (ident[0] == 'a' || ident[0] == 'd')) {
            sb_printf(b, " GENERATED %s AS IDENTITY", ident[0] == 'a' ? "ALWAYS" : "BY DEFAULT");
            if (cell(&cols, k, 7))
                sb_printf(b, " (%s)", cell(&cols, k, 7));
        } else if (def)
            sb_printf(b, " DEFAULT %s", def);
        if (cell(&cols, k, 2) && cell(&cols, k, 2)[0] == 't')
            sb_puts(b, " NOT NULL");
    }
    for (int k = 0; k < cons.n; k++) {
        sb_printf(b, "%s\n    CONSTRAINT %s %s", first ? "" : ",", cell(&cons, k, 0), cell(&cons, k, 1));
        first = 0;
    }
    sb_puts(b, "\n)");
    rows_free(&cols);
    rows_free(&cons);
    if (cell(t, i, 4) && cell(t, i, 4)[0] == 't') {
        Rows pk;
        if (fetch(d, c, q_partition, oid, &pk, err) != 0)
            return -1;
        if (pk.n && cell(&pk, 0, 0))
            sb_printf(b, " PARTITION BY %s", cell(&pk, 0, 0));
        rows_free(&pk);
    }
    sb_puts(b, ";\n");
    return 0;
}

/* ---- the rest: one query each, DDL built by the server ---- */

typedef struct Simple {
    ExtractKind kind;
    const char *sql; /* columns: schema, name, ddl (without the terminator) */
    const char *term;
} Simple;

static const Simple simple_before[] = {
    {EX_SCHEMA,
     "SELECT n.nspname, n.nspname, 'CREATE SCHEMA IF NOT EXISTS ' || quote_ident(n.nspname)"
     " FROM pg_namespace n WHERE " USER_NS("n") " AND n.nspname <> 'public'"
     " AND " NOT_EXT("pg_namespace", "n.oid") " ORDER BY n.nspname",
     ";\n"},
    {EX_SEQUENCE,
     "SELECT n.nspname, c.relname, 'CREATE SEQUENCE ' || quote_ident(n.nspname) || '.' || quote_ident(c.relname)"
     " || ' AS ' || format_type(s.seqtypid, NULL) || ' INCREMENT BY ' || s.seqincrement"
     " || ' MINVALUE ' || s.seqmin || ' MAXVALUE ' || s.seqmax || ' START WITH ' || s.seqstart"
     " || ' CACHE ' || s.seqcache || CASE WHEN s.seqcycle THEN ' CYCLE' ELSE ' NO CYCLE' END"
     " FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
     " WHERE " USER_NS("n") " AND NOT EXISTS (SELECT 1 FROM pg_depend p WHERE p.classid = 'pg_class'::regclass"
     " AND p.objid = c.oid AND p.deptype IN ('i', 'e')) ORDER BY n.nspname, c.relname",
     ";\n"},
};

static const Simple simple_after[] = {
    {EX_INDEX,
     "SELECT n.nspname, ic.relname, pg_get_indexdef(i.indexrelid)"
     " FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class tc ON tc.oid = i.indrelid"
     " JOIN pg_namespace n ON n.oid = ic.relnamespace"
     " WHERE " USER_NS("n") " AND tc.relkind IN ('r', 'p', 'm') AND NOT ic.relispartition"
     " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid)"
     " AND " NOT_EXT("pg_class", "tc.oid") " ORDER BY n.nspname, tc.relname, ic.relname",
     ";\n"},
    {EX_FOREIGN_KEY,
     "SELECT n.nspname, k.conname, 'ALTER TABLE ' || quote_ident(n.nspname) || '.' || quote_ident(c.relname)"
     " || ' ADD CONSTRAINT ' || quote_ident(k.conname) || ' ' || pg_get_constraintdef(k.oid, true)"
     " FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
     " WHERE k.contype = 'f' AND k.conparentid = 0 AND " USER_NS("n") " AND " NOT_EXT("pg_class", "c.oid")
     " ORDER BY n.nspname, c.relname, k.conname",
     ";\n"},
    /* views, functions and procedures together in creation order: each was
     * created after what it reads (a view calling a function, a SQL
     * function reading a view); kind 0: the first column says which */
    {0,
     "SELECT k, nspname, name, ddl FROM ("
     " SELECT c.oid, CASE c.relkind WHEN 'm' THEN 'm' ELSE 'v' END AS k, n.nspname, c.relname AS name,"
     " 'CREATE ' || CASE c.relkind WHEN 'm' THEN 'MATERIALIZED ' ELSE '' END"
     " || 'VIEW ' || quote_ident(n.nspname) || '.' || quote_ident(c.relname) || ' AS' || chr(10)"
     " || rtrim(pg_get_viewdef(c.oid, true), ';') AS ddl"
     " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
     " WHERE c.relkind IN ('v', 'm') AND " USER_NS("n") " AND " NOT_EXT("pg_class", "c.oid")
     " UNION ALL"
     " SELECT p.oid, p.prokind::text, n.nspname, p.proname, rtrim(pg_get_functiondef(p.oid), chr(10))"
     " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
     " WHERE p.prokind IN ('f', 'p') AND " USER_NS("n") " AND " NOT_EXT("pg_proc", "p.oid")
     ") o ORDER BY oid",
     ";\n"},
    {EX_TRIGGER,
     "SELECT n.nspname, g.tgname, pg_get_triggerdef(g.oid, true)"
     " FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
     " WHERE NOT g.tgisinternal AND " USER_NS("n") " AND " NOT_EXT("pg_class", "c.oid")
     " ORDER BY n.nspname, c.relname, g.tgname",
     ";\n"},
};

static int put_simple(const DbDriver *d, DbConn *c, const Simple *s, ExtractSink *sink, StrBuf *b,
                      DbError *err)
{
    Rows r;
    if (fetch(d, c, s->sql, NULL, &r, err) != 0)
        return -1;
    int rc = 0;
    int k0 = s->kind == 0; /* the kind is in the first column */
    for (int i = 0; i < r.n && rc == 0; i++) {
        const char *schema = cell(&r, i, k0), *name = cell(&r, i, k0 + 1), *ddl = cell(&r, i, k0 + 2);
        if (!ddl || !extract_sink_selects(sink, schema, name))
            continue;
        ExtractKind kind = s->kind;
        if (k0) {
            const char *k = cell(&r, i, 0);
            kind = k && k[0] == 'p' ? EX_PROCEDURE : k && k[0] == 'f' ? EX_FUNCTION : EX_VIEW;
        }
        sb_reset(b);
        sb_puts(b, ddl);
        sb_puts(b, s->term);
        rc = put(sink, kind, schema, name, b->s, err);
    }
    rows_free(&r);
    return rc;
}

static const char q_count[] =
    "SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
    "  WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'i') AND " USER_NS("n") ")"
    " + (SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
    "  WHERE p.prokind IN ('f', 'p') AND " USER_NS("n") ")";

int extract_postgres(const DbDriver *d, DbConn *c, const DbUrl *u, ExtractSink *s, DbError *err)
{
    (void)u; /* the URL's database is the connection's */
    /* as pg_dump does: with only pg_catalog on the path, the server
     * qualifies every other name in the definitions it prints */
    if (d->exec(c, "SET search_path = pg_catalog", err) != 0)
        return -1;
    Rows cnt;
    if (fetch(d, c, q_count, NULL, &cnt, err) != 0)
        return -1;
    if (cnt.n && cell(&cnt, 0, 0))
        extract_sink_total(s, atol(cell(&cnt, 0, 0)));
    rows_free(&cnt);
    StrBuf b;
    sb_init(&b);
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < sizeof simple_before / sizeof simple_before[0]; i++)
        rc = put_simple(d, c, &simple_before[i], s, &b, err);
    Rows t;
    if (rc == 0 && (rc = fetch(d, c, q_tables, NULL, &t, err)) == 0) {
        for (int i = 0; i < t.n && rc == 0; i++) {
            if (!extract_sink_selects(s, cell(&t, i, 1), cell(&t, i, 2)))
                continue;
            sb_reset(&b);
            if ((rc = table_ddl(d, c, &t, i, &b, err)) == 0)
                rc = put(s, EX_TABLE, cell(&t, i, 1), cell(&t, i, 2), b.s, err);
        }
        rows_free(&t);
    }
    for (size_t i = 0; rc == 0 && i < sizeof simple_after / sizeof simple_after[0]; i++)
        rc = put_simple(d, c, &simple_after[i], s, &b, err);
    sb_free(&b);
    DbError e2;
    if (rc == 0 && d->exec(c, "RESET search_path", &e2) != 0) {
        *err = e2;
        rc = -1;
    }
    return rc;
}
