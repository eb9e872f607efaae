/* db: SQL Server catalogue rows -> one T-SQL script per object (see
 * mssql_script.h). Rows arrive grouped by object (every catalogue query has
 * an ORDER BY on its group columns); a group is turned into text and handed
 * to the sink as soon as the next group starts, so only one object is held
 * at a time. Only the dependency edges of views and routines are kept for
 * the whole run (names only, no definitions).
 *
 * Every identifier is written [bracketed] with ] doubled and every string
 * N'quoted' with ' doubled; definitions (defaults, computed columns, checks,
 * filters, module bodies) are the server's own text, kept byte for byte. */
#include "db/mssql_script.h"
#include "db/mssql_text.h"
#include <stdlib.h>
#include <string.h>
#include <stdio.h>

const MsCatalogQuery ms_catalog[MSQ_N] = {
#define MS_QUERY(id, name, ncols, sql) [MSQ_##id] = {name, ncols, sql},
#include "db/mssql_catalog.def"
#undef MS_QUERY
};

/* The columns of each query, as the handlers read them. */
enum { SC_NAME };
enum { TY_SCHEMA, TY_NAME, TY_BASE, TY_MAXLEN, TY_PREC, TY_SCALE, TY_NULLABLE };
enum { SQ_SCHEMA, SQ_NAME, SQ_TYPE, SQ_START, SQ_INC, SQ_MIN, SQ_MAX, SQ_CYCLE, SQ_CACHED, SQ_CACHE,
       SQ_PREC, SQ_SCALE };
enum { TP_SCHEMA, TP_OBJECT, TP_IS_TT, TP_PART, TP_SEQ, TP_ITEM, TP_TYPE_SCHEMA, TP_TYPE_NAME,
       TP_TYPE_USER, TP_MAXLEN, TP_PREC, TP_SCALE, TP_NULLABLE, TP_ID_SEED, TP_ID_INC,
       TP_COMPUTED, TP_PERSISTED, TP_CONSTRAINT, TP_DEFINITION, TP_KEY_TYPE, TP_INDEX_TYPE,
       TP_DESC, TP_COLLATION };
enum { IX_SCHEMA, IX_TABLE, IX_NAME, IX_UNIQUE, IX_TYPE, IX_FILTER, IX_INCLUDED, IX_COLUMN, IX_DESC,
       IX_ORDINAL };
enum { FK_SCHEMA, FK_TABLE, FK_NAME, FK_REF_SCHEMA, FK_REF_TABLE, FK_ON_DELETE, FK_ON_UPDATE,
       FK_DISABLED, FK_NOT_TRUSTED, FK_COLUMN, FK_REF_COLUMN };
enum { DP_SCHEMA, DP_NAME, DP_REF_SCHEMA, DP_REF_NAME };
enum { MD_SCHEMA, MD_NAME, MD_TYPE, MD_DEFINITION, MD_ANSI_NULLS, MD_QUOTED_ID, MD_PARENT_SCHEMA,
       MD_PARENT_NAME };
enum { SN_SCHEMA, SN_NAME, SN_BASE };
enum { UN_SCHEMA, UN_NAME, UN_CODE, UN_WHAT, UN_PARENT };
enum { EP_CLASS, EP_SCHEMA, EP_OBJECT, EP_TYPE, EP_COLUMN, EP_NAME, EP_VALUE };

#define MAX_COLS 24
#define MAX_DEPS 256

typedef struct Dep {
    char *schema, *name; /* the referencing object */
    char *ref;           /* "schema.name" it needs */
} Dep;

typedef struct MsRun {
    const MsOut *out;
    DbError *err;
    MsQuery q;
    int failed;            /* a put or a shape check failed: stop */
    /* the current group: a copy of its first row */
    int in_group;
    int selected;          /* the sink wants this object */
    char *first[MAX_COLS];
    int nkey;              /* group key columns of q */
    /* text being built */
    StrBuf ddl, body, keys, incl, refcols;
    char *open_key;        /* PRIMARY KEY / UNIQUE constraint whose columns are being listed */
    int nitems, nkeys, nincl;
    const char *deps[MAX_DEPS];
    char *own_deps[MAX_DEPS]; /* deps built here, freed after the put */
    int ndeps, nown;
    Dep *dep;              /* all dependency edges, sorted by schema, name */
    size_t ndep, capdep;
} MsRun;

static int run_fail(MsRun *r, DbErrKind kind, const char *fmt, const char *a, long n1, long n2)
{
    r->err->kind = kind;
    snprintf(r->err->msg, sizeof r->err->msg, fmt, a, n1, n2);
    r->failed = 1;
    return -1;
}

static int isnull(const char *v)
{
    return v == NULL;
}

static long num(const char *v)
{
    return v ? strtol(v, NULL, 10) : 0;
}

/* true for "1", "true" and the like (bit columns as text). */
static int flag(const char *v)
{
    return v && (v[0] == '1' || v[0] == 't' || v[0] == 'T' || v[0] == 'y' || v[0] == 'Y');
}

static const char *F(MsRun *r, int i)
{
    return r->first[i];
}

static void add_dep(MsRun *r, const char *schema, const char *name)
{
    if (!name || r->nown >= MAX_DEPS || r->ndeps >= MAX_DEPS)
        return;
    size_t n = strlen(schema ? schema : "") + strlen(name) + 2;
    char *s = malloc(n);
    snprintf(s, n, "%s.%s", schema ? schema : "", name);
    for (int i = 0; i < r->ndeps; i++)
        if (!strcmp(r->deps[i], s)) {
            free(s);
            return;
        }
    r->own_deps[r->nown++] = s;
    r->deps[r->ndeps++] = s;
}

static int dep_cmp(const void *a, const void *b)
{
    const Dep *x = a, *y = b;
    int c = strcmp(x->schema, y->schema);
    if (!c)
        c = strcmp(x->name, y->name);
    if (!c)
        c = strcmp(x->ref, y->ref);
    return c;
}

/* The stored edges of schema.name become this object's dependencies. */
static void add_stored_deps(MsRun *r, const char *schema, const char *name)
{
    if (!r->ndep || !schema || !name)
        return;
    size_t lo = 0, hi = r->ndep;
    while (lo < hi) { /* first edge >= (schema, name) */
        size_t mid = (lo + hi) / 2;
        int c = strcmp(r->dep[mid].schema, schema);
        if (!c)
            c = strcmp(r->dep[mid].name, name);
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < r->ndep && !strcmp(r->dep[lo].schema, schema) && !strcmp(r->dep[lo].name, name); lo++)
        if (r->ndeps < MAX_DEPS)
            r->deps[r->ndeps++] = r->dep[lo].ref;
}

static int emit(MsRun *r, ExtractKind kind, const char *schema, const char *name)
{
    ExtractObject o = {.kind = kind, .schema = schema ? schema : "", .name = name ? name : "", .ddl = r->ddl.s,
                       .deps = r->ndeps ? r->deps : NULL, .ndeps = r->ndeps};
    int rc = r->out->put(r->out->ctx, &o, r->err);
    if (rc)
        r->failed = 1;
    return rc ? -1 : 0;
}

/* ---- one handler per query: row() adds a row of the current group,
 * finish() turns the group into its object ---- */

static void close_key(MsRun *r)
{
    if (r->open_key) {
        sb_puts(&r->body, ")");
        free(r->open_key);
        r->open_key = NULL;
    }
}

static void item_sep(MsRun *r)
{
    sb_puts(&r->body, r->nitems++ ? ",\n    " : "    ");
}

static void table_row(MsRun *r, const char *const *v)
{
    int is_tt = flag(v[TP_IS_TT]);
    switch (num(v[TP_PART])) {
    case 1: /* column */
        item_sep(r);
        ms_ident(&r->body, v[TP_ITEM]);
        if (!isnull(v[TP_COMPUTED])) {
            sb_puts(&r->body, " AS ");
            sb_puts(&r->body, v[TP_COMPUTED]);
            if (flag(v[TP_PERSISTED])) {
                sb_puts(&r->body, " PERSISTED");
                if (!flag(v[TP_NULLABLE]))
                    sb_puts(&r->body, " NOT NULL");
            }
            break;
        }
        sb_putc(&r->body, ' ');
        ms_type_text(&r->body, v[TP_TYPE_SCHEMA], v[TP_TYPE_NAME], flag(v[TP_TYPE_USER]), num(v[TP_MAXLEN]),
                     (int)num(v[TP_PREC]), (int)num(v[TP_SCALE]));
        if (!isnull(v[TP_COLLATION]))
            sb_printf(&r->body, " COLLATE %s", v[TP_COLLATION]);
        if (!isnull(v[TP_ID_SEED]))
            sb_printf(&r->body, " IDENTITY(%s, %s)", v[TP_ID_SEED], v[TP_ID_INC] ? v[TP_ID_INC] : "1");
        sb_puts(&r->body, flag(v[TP_NULLABLE]) ? " NULL" : " NOT NULL");
        if (!isnull(v[TP_DEFINITION])) {
            if (!is_tt && !isnull(v[TP_CONSTRAINT])) {
                sb_puts(&r->body, " CONSTRAINT ");
                ms_ident(&r->body, v[TP_CONSTRAINT]);
            }
            sb_puts(&r->body, " DEFAULT ");
            sb_puts(&r->body, v[TP_DEFINITION]);
        }
        break;
    case 2: /* a column of a PRIMARY KEY / UNIQUE constraint */
        if (!r->open_key || !v[TP_CONSTRAINT] || strcmp(r->open_key, v[TP_CONSTRAINT])) {
            close_key(r);
            item_sep(r);
            /* table types cannot name their constraints */
            if (!is_tt) {
                sb_puts(&r->body, "CONSTRAINT ");
                ms_ident(&r->body, v[TP_CONSTRAINT]);
                sb_putc(&r->body, ' ');
            }
            sb_puts(&r->body, v[TP_KEY_TYPE] && !strncmp(v[TP_KEY_TYPE], "PK", 2) ? "PRIMARY KEY" : "UNIQUE");
            if (v[TP_INDEX_TYPE])
                sb_printf(&r->body, " %s", v[TP_INDEX_TYPE]);
            sb_puts(&r->body, " (");
            r->open_key = strdup(v[TP_CONSTRAINT] ? v[TP_CONSTRAINT] : "");
            r->nkeys = 0;
        }
        if (r->nkeys++)
            sb_puts(&r->body, ", ");
        ms_ident(&r->body, v[TP_ITEM]);
        sb_puts(&r->body, flag(v[TP_DESC]) ? " DESC" : " ASC");
        break;
    case 3: /* CHECK constraint */
        close_key(r);
        item_sep(r);
        if (!is_tt) {
            sb_puts(&r->body, "CONSTRAINT ");
            ms_ident(&r->body, v[TP_CONSTRAINT]);
            sb_putc(&r->body, ' ');
        }
        sb_puts(&r->body, "CHECK ");
        sb_puts(&r->body, v[TP_DEFINITION] ? v[TP_DEFINITION] : "(1 = 1)");
        break;
    }
}

static int table_finish(MsRun *r)
{
    close_key(r);
    int is_tt = flag(F(r, TP_IS_TT));
    sb_puts(&r->ddl, is_tt ? "CREATE TYPE " : "CREATE TABLE ");
    ms_ident2(&r->ddl, F(r, TP_SCHEMA), F(r, TP_OBJECT));
    sb_puts(&r->ddl, is_tt ? " AS TABLE (\n" : " (\n");
    sb_puts(&r->ddl, r->body.s);
    sb_puts(&r->ddl, "\n);\nGO\n");
    return emit(r, is_tt ? EX_TYPE : EX_TABLE, F(r, TP_SCHEMA), F(r, TP_OBJECT));
}

static void index_row(MsRun *r, const char *const *v)
{
    StrBuf *b = flag(v[IX_INCLUDED]) ? &r->incl : &r->keys;
    int *n = flag(v[IX_INCLUDED]) ? &r->nincl : &r->nkeys;
    if ((*n)++)
        sb_puts(b, ", ");
    ms_ident(b, v[IX_COLUMN]);
    if (!flag(v[IX_INCLUDED]))
        sb_puts(b, flag(v[IX_DESC]) ? " DESC" : " ASC");
}

static int index_finish(MsRun *r)
{
    sb_puts(&r->ddl, "CREATE ");
    if (flag(F(r, IX_UNIQUE)))
        sb_puts(&r->ddl, "UNIQUE ");
    if (F(r, IX_TYPE))
        sb_printf(&r->ddl, "%s ", F(r, IX_TYPE));
    sb_puts(&r->ddl, "INDEX ");
    ms_ident(&r->ddl, F(r, IX_NAME));
    sb_puts(&r->ddl, " ON ");
    ms_ident2(&r->ddl, F(r, IX_SCHEMA), F(r, IX_TABLE));
    sb_printf(&r->ddl, " (%s)", r->keys.s);
    if (r->nincl)
        sb_printf(&r->ddl, " INCLUDE (%s)", r->incl.s);
    if (F(r, IX_FILTER))
        sb_printf(&r->ddl, " WHERE %s", F(r, IX_FILTER));
    sb_puts(&r->ddl, ";\nGO\n");
    add_dep(r, F(r, IX_SCHEMA), F(r, IX_TABLE));
    return emit(r, EX_INDEX, F(r, IX_SCHEMA), F(r, IX_NAME));
}

static void fk_row(MsRun *r, const char *const *v)
{
    if (r->nkeys++) {
        sb_puts(&r->keys, ", ");
        sb_puts(&r->refcols, ", ");
    }
    ms_ident(&r->keys, v[FK_COLUMN]);
    ms_ident(&r->refcols, v[FK_REF_COLUMN]);
}

/* NO_ACTION -> nothing; SET_NULL -> SET NULL */
static void fk_action(StrBuf *b, const char *when, const char *desc)
{
    if (!desc || !strcmp(desc, "NO_ACTION"))
        return;
    sb_printf(b, " ON %s ", when);
    for (const char *p = desc; *p; p++)
        sb_putc(b, *p == '_' ? ' ' : *p);
}

static int fk_finish(MsRun *r)
{
    sb_puts(&r->ddl, "ALTER TABLE ");
    ms_ident2(&r->ddl, F(r, FK_SCHEMA), F(r, FK_TABLE));
    if (flag(F(r, FK_NOT_TRUSTED)))
        sb_puts(&r->ddl, " WITH NOCHECK");
    sb_puts(&r->ddl, " ADD CONSTRAINT ");
    ms_ident(&r->ddl, F(r, FK_NAME));
    sb_printf(&r->ddl, " FOREIGN KEY (%s) REFERENCES ", r->keys.s);
    ms_ident2(&r->ddl, F(r, FK_REF_SCHEMA), F(r, FK_REF_TABLE));
    sb_printf(&r->ddl, " (%s)", r->refcols.s);
    fk_action(&r->ddl, "DELETE", F(r, FK_ON_DELETE));
    fk_action(&r->ddl, "UPDATE", F(r, FK_ON_UPDATE));
    sb_puts(&r->ddl, ";\nGO\n");
    if (flag(F(r, FK_DISABLED))) {
        sb_puts(&r->ddl, "ALTER TABLE ");
        ms_ident2(&r->ddl, F(r, FK_SCHEMA), F(r, FK_TABLE));
        sb_puts(&r->ddl, " NOCHECK CONSTRAINT ");
        ms_ident(&r->ddl, F(r, FK_NAME));
        sb_puts(&r->ddl, ";\nGO\n");
    }
    add_dep(r, F(r, FK_SCHEMA), F(r, FK_TABLE));
    add_dep(r, F(r, FK_REF_SCHEMA), F(r, FK_REF_TABLE));
    return emit(r, EX_FOREIGN_KEY, F(r, FK_SCHEMA), F(r, FK_NAME));
}

/* A comment and a RAISERROR in place of what could not be read, not just a
 * comment: convert reports it as an action item and running the script
 * stops there, so nothing downstream passes over the gap. */
static void not_extracted(MsRun *r, const char *sentence)
{
    sb_puts(&r->ddl, "-- ");
    sb_puts(&r->ddl, sentence);
    sb_puts(&r->ddl, "\nRAISERROR (");
    /* RAISERROR formats its message: a % in a name must not be read as a conversion */
    StrBuf lit;
    sb_init(&lit);
    for (const char *p = sentence; *p; p++) {
        if (*p == '%')
            sb_putc(&lit, '%');
        sb_putc(&lit, *p);
    }
    ms_nstring(&r->ddl, lit.s);
    sb_puts(&r->ddl, ", 16, 1);\nGO\n");
    sb_free(&lit);
}

/* A feature the reader does not script (see UNSCRIPTED in
 * mssql_catalog.def): listed with its reason, after the table it belongs to. */
static int unscripted_finish(MsRun *r)
{
    static const struct { const char *code; ExtractKind kind; } kinds[] = {
        {"IX", EX_INDEX}, {"U", EX_TABLE}, {"PC", EX_PROCEDURE}, {"X", EX_PROCEDURE}, {"RF", EX_PROCEDURE},
        {"FS", EX_FUNCTION}, {"FT", EX_FUNCTION}, {"AF", EX_FUNCTION}, {"TA", EX_TRIGGER},
    };
    const char *code = F(r, UN_CODE) ? F(r, UN_CODE) : "";
    const char *what = F(r, UN_WHAT) ? F(r, UN_WHAT) : "object";
    const char *nm = F(r, UN_NAME) ? F(r, UN_NAME) : "";
    ExtractKind kind = EX_TABLE;
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (!strcmp(kinds[i].code, code))
            kind = kinds[i].kind;
    StrBuf say, name;
    sb_init(&say);
    sb_init(&name);
    if (!strcmp(code, "IX") || !strcmp(code, "U")) {
        ms_ident2(&say, F(r, UN_SCHEMA), F(r, UN_PARENT) ? F(r, UN_PARENT) : nm);
        sb_printf(&say, ": its %s%s%s was not extracted (sqlshift's SQL Server reader does not script it)", what,
                  strcmp(code, "IX") ? "" : " ", strcmp(code, "IX") ? "" : nm);
    } else {
        ms_ident2(&say, F(r, UN_SCHEMA), nm);
        sb_printf(&say, " (%s) was not extracted: sqlshift's SQL Server reader does not script it", what);
    }
    not_extracted(r, say.s);
    if (F(r, UN_PARENT))
        add_dep(r, F(r, UN_SCHEMA), F(r, UN_PARENT));
    /* its own name in the manifest: a table's option must not take the table's key */
    sb_printf(&name, "%s (%s)", nm, what);
    ExtractObject o = {.kind = kind, .schema = F(r, UN_SCHEMA) ? F(r, UN_SCHEMA) : "", .name = name.s,
                       .ddl = r->ddl.s, .deps = r->ndeps ? r->deps : NULL, .ndeps = r->ndeps,
                       .note = "not scripted by sqlshift's SQL Server reader"};
    int rc = r->out->put(r->out->ctx, &o, r->err);
    sb_free(&say);
    sb_free(&name);
    if (rc)
        r->failed = 1;
    return rc ? -1 : 0;
}

static int module_finish(MsRun *r)
{
    const char *t = F(r, MD_TYPE) ? F(r, MD_TYPE) : "";
    ExtractKind kind = !strcmp(t, "V") ? EX_VIEW : !strcmp(t, "P") ? EX_PROCEDURE
                     : !strcmp(t, "TR") ? EX_TRIGGER : EX_FUNCTION;
    /* The body was created under these settings; they change its meaning
     * ("..." as a string, = NULL comparisons), so they travel with it. */
    if (F(r, MD_ANSI_NULLS) && !flag(F(r, MD_ANSI_NULLS)))
        sb_puts(&r->ddl, "SET ANSI_NULLS OFF\nGO\n");
    if (F(r, MD_QUOTED_ID) && !flag(F(r, MD_QUOTED_ID)))
        sb_puts(&r->ddl, "SET QUOTED_IDENTIFIER OFF\nGO\n");
    const char *def = F(r, MD_DEFINITION);
    if (!def) {
        /* WITH ENCRYPTION, or a login without VIEW DEFINITION: no text. */
        StrBuf say;
        sb_init(&say);
        ms_ident2(&say, F(r, MD_SCHEMA), F(r, MD_NAME));
        sb_puts(&say, " was not extracted: the server gave no definition (created WITH ENCRYPTION, or the login "
                      "lacks VIEW DEFINITION)");
        not_extracted(r, say.s);
        sb_free(&say);
    } else {
        sb_puts(&r->ddl, def);
        if (!r->ddl.len || r->ddl.s[r->ddl.len - 1] != '\n')
            sb_putc(&r->ddl, '\n');
        sb_puts(&r->ddl, "GO\n");
    }
    if (F(r, MD_ANSI_NULLS) && !flag(F(r, MD_ANSI_NULLS)))
        sb_puts(&r->ddl, "SET ANSI_NULLS ON\nGO\n");
    if (F(r, MD_QUOTED_ID) && !flag(F(r, MD_QUOTED_ID)))
        sb_puts(&r->ddl, "SET QUOTED_IDENTIFIER ON\nGO\n");
    if (kind == EX_TRIGGER)
        add_dep(r, F(r, MD_PARENT_SCHEMA), F(r, MD_PARENT_NAME));
    add_stored_deps(r, F(r, MD_SCHEMA), F(r, MD_NAME));
    return emit(r, kind, F(r, MD_SCHEMA), F(r, MD_NAME));
}

static const char *level1_type(const char *t)
{
    static const char *const map[][2] = {
        {"U", "TABLE"}, {"V", "VIEW"}, {"P", "PROCEDURE"}, {"FN", "FUNCTION"}, {"IF", "FUNCTION"},
        {"TF", "FUNCTION"}, {"SO", "SEQUENCE"}, {"SN", "SYNONYM"},
    };
    for (size_t i = 0; t && i < sizeof map / sizeof map[0]; i++)
        if (!strcmp(map[i][0], t))
            return map[i][1];
    return NULL;
}

static void property_row(MsRun *r, const char *const *v)
{
    long cls = num(v[EP_CLASS]);
    sb_puts(&r->ddl, "EXEC sys.sp_addextendedproperty @name = ");
    ms_nstring(&r->ddl, v[EP_NAME]);
    sb_puts(&r->ddl, ", @value = ");
    ms_nstring(&r->ddl, v[EP_VALUE]);
    if (cls == 1 || cls == 3) {
        sb_puts(&r->ddl, ", @level0type = N'SCHEMA', @level0name = ");
        ms_nstring(&r->ddl, v[EP_SCHEMA]);
    }
    const char *l1 = cls == 1 ? level1_type(v[EP_TYPE]) : NULL;
    if (l1) {
        sb_printf(&r->ddl, ", @level1type = N'%s', @level1name = ", l1);
        ms_nstring(&r->ddl, v[EP_OBJECT]);
        if (v[EP_COLUMN]) {
            sb_puts(&r->ddl, ", @level2type = N'COLUMN', @level2name = ");
            ms_nstring(&r->ddl, v[EP_COLUMN]);
        }
    }
    sb_puts(&r->ddl, ";\nGO\n");
}

static int property_finish(MsRun *r)
{
    long cls = num(F(r, EP_CLASS));
    if (cls == 1)
        add_dep(r, F(r, EP_SCHEMA), F(r, EP_OBJECT));
    return emit(r, EX_PROPERTY, cls == 0 ? "" : F(r, EP_SCHEMA),
                cls == 0 ? "(database)" : cls == 3 ? F(r, EP_SCHEMA) : F(r, EP_OBJECT));
}

static int single_finish(MsRun *r)
{
    switch (r->q) {
    case MSQ_SCHEMAS:
        if (!strcmp(F(r, SC_NAME), "dbo"))
            return 0;
        sb_puts(&r->ddl, "CREATE SCHEMA ");
        ms_ident(&r->ddl, F(r, SC_NAME));
        sb_puts(&r->ddl, ";\nGO\n");
        return emit(r, EX_SCHEMA, F(r, SC_NAME), F(r, SC_NAME));
    case MSQ_TYPES:
        sb_puts(&r->ddl, "CREATE TYPE ");
        ms_ident2(&r->ddl, F(r, TY_SCHEMA), F(r, TY_NAME));
        sb_puts(&r->ddl, " FROM ");
        ms_type_text(&r->ddl, NULL, F(r, TY_BASE), 0, num(F(r, TY_MAXLEN)), (int)num(F(r, TY_PREC)),
                     (int)num(F(r, TY_SCALE)));
        sb_puts(&r->ddl, flag(F(r, TY_NULLABLE)) ? " NULL" : " NOT NULL");
        sb_puts(&r->ddl, ";\nGO\n");
        return emit(r, EX_TYPE, F(r, TY_SCHEMA), F(r, TY_NAME));
    case MSQ_SEQUENCES:
        sb_puts(&r->ddl, "CREATE SEQUENCE ");
        ms_ident2(&r->ddl, F(r, SQ_SCHEMA), F(r, SQ_NAME));
        sb_puts(&r->ddl, " AS ");
        ms_type_text(&r->ddl, NULL, F(r, SQ_TYPE), 0, 0, (int)num(F(r, SQ_PREC)), (int)num(F(r, SQ_SCALE)));
        if (F(r, SQ_START))
            sb_printf(&r->ddl, " START WITH %s", F(r, SQ_START));
        if (F(r, SQ_INC))
            sb_printf(&r->ddl, " INCREMENT BY %s", F(r, SQ_INC));
        if (F(r, SQ_MIN))
            sb_printf(&r->ddl, " MINVALUE %s", F(r, SQ_MIN));
        if (F(r, SQ_MAX))
            sb_printf(&r->ddl, " MAXVALUE %s", F(r, SQ_MAX));
        sb_puts(&r->ddl, flag(F(r, SQ_CYCLE)) ? " CYCLE" : " NO CYCLE");
        if (!flag(F(r, SQ_CACHED)))
            sb_puts(&r->ddl, " NO CACHE");
        else if (F(r, SQ_CACHE))
            sb_printf(&r->ddl, " CACHE %s", F(r, SQ_CACHE));
        sb_puts(&r->ddl, ";\nGO\n");
        return emit(r, EX_SEQUENCE, F(r, SQ_SCHEMA), F(r, SQ_NAME));
    case MSQ_MODULES:
        return module_finish(r);
    case MSQ_UNSCRIPTED:
        return unscripted_finish(r);
    case MSQ_SYNONYMS:
        sb_puts(&r->ddl, "CREATE SYNONYM ");
        ms_ident2(&r->ddl, F(r, SN_SCHEMA), F(r, SN_NAME));
        sb_printf(&r->ddl, " FOR %s;\nGO\n", F(r, SN_BASE) ? F(r, SN_BASE) : "");
        return emit(r, EX_SYNONYM, F(r, SN_SCHEMA), F(r, SN_NAME));
    default:
        return 0;
    }
}

/* Group key columns and selection per query. */
static int group_cols(MsQuery q)
{
    switch (q) {
    case MSQ_SCHEMAS:
        return 1;
    case MSQ_INDEXES:
    case MSQ_FOREIGN_KEYS:
    case MSQ_PROPERTIES:
        return 3;
    case MSQ_UNSCRIPTED:
        return 4;
    default:
        return 2;
    }
}

static void group_reset(MsRun *r)
{
    for (int i = 0; i < MAX_COLS; i++) {
        free(r->first[i]);
        r->first[i] = NULL;
    }
    for (int i = 0; i < r->nown; i++)
        free(r->own_deps[i]);
    r->nown = r->ndeps = 0;
    free(r->open_key);
    r->open_key = NULL;
    sb_reset(&r->ddl);
    sb_reset(&r->body);
    sb_reset(&r->keys);
    sb_reset(&r->incl);
    sb_reset(&r->refcols);
    r->nitems = r->nkeys = r->nincl = 0;
    r->in_group = 0;
}

static int group_finish(MsRun *r)
{
    int rc = 0;
    if (r->in_group && r->selected) {
        switch (r->q) {
        case MSQ_TABLE_PARTS:
            rc = table_finish(r);
            break;
        case MSQ_INDEXES:
            rc = index_finish(r);
            break;
        case MSQ_FOREIGN_KEYS:
            rc = fk_finish(r);
            break;
        case MSQ_PROPERTIES:
            rc = property_finish(r);
            break;
        default:
            rc = single_finish(r);
        }
    }
    group_reset(r);
    return rc;
}

static int same_text(const char *a, const char *b)
{
    return a == b || (a && b && !strcmp(a, b));
}

static int on_row(void *ctx, int ncols, const char *const *v, const size_t *lens)
{
    (void)lens;
    MsRun *r = ctx;
    if (ncols != ms_catalog[r->q].ncols)
        return run_fail(r, DBE_INTERNAL, "catalogue query '%s' returned %ld columns, expected %ld",
                        ms_catalog[r->q].name, ncols, ms_catalog[r->q].ncols);
    if (r->q == MSQ_COUNT) {
        if (r->out->total)
            r->out->total(r->out->ctx, num(v[0]));
        return 0;
    }
    if (r->q == MSQ_DEPENDENCIES) {
        if (!v[DP_SCHEMA] || !v[DP_NAME] || !v[DP_REF_NAME])
            return 0;
        if (r->ndep == r->capdep) {
            r->capdep = r->capdep ? 2 * r->capdep : 64;
            r->dep = realloc(r->dep, r->capdep * sizeof *r->dep);
        }
        Dep *d = &r->dep[r->ndep++];
        d->schema = strdup(v[DP_SCHEMA]);
        d->name = strdup(v[DP_NAME]);
        size_t n = strlen(v[DP_REF_SCHEMA] ? v[DP_REF_SCHEMA] : "") + strlen(v[DP_REF_NAME]) + 2;
        d->ref = malloc(n);
        snprintf(d->ref, n, "%s.%s", v[DP_REF_SCHEMA] ? v[DP_REF_SCHEMA] : "", v[DP_REF_NAME]);
        return 0;
    }
    int same = r->in_group;
    for (int i = 0; same && i < r->nkey; i++)
        same = same_text(r->first[i], v[i]);
    if (!same) {
        if (group_finish(r))
            return -1;
        for (int i = 0; i < ncols && i < MAX_COLS; i++)
            r->first[i] = v[i] ? strdup(v[i]) : NULL;
        r->in_group = 1;
        if (r->q == MSQ_SCHEMAS)
            r->selected = r->out->selects(r->out->ctx, v[0], v[0]);
        else if (r->q == MSQ_PROPERTIES && num(v[EP_CLASS]) == 0)
            r->selected = 1; /* the database's own properties go with any selection */
        else if (r->q == MSQ_PROPERTIES && num(v[EP_CLASS]) == 3)
            r->selected = r->out->selects(r->out->ctx, v[EP_SCHEMA], v[EP_SCHEMA]);
        else if (r->q == MSQ_PROPERTIES)
            r->selected = r->out->selects(r->out->ctx, v[EP_SCHEMA] ? v[EP_SCHEMA] : "",
                                          v[EP_OBJECT] ? v[EP_OBJECT] : "");
        else
            r->selected = r->out->selects(r->out->ctx, v[0] ? v[0] : "", v[1] ? v[1] : "");
    }
    if (!r->selected)
        return 0;
    switch (r->q) {
    case MSQ_TABLE_PARTS:
        table_row(r, v);
        break;
    case MSQ_INDEXES:
        index_row(r, v);
        break;
    case MSQ_FOREIGN_KEYS:
        fk_row(r, v);
        break;
    case MSQ_PROPERTIES:
        property_row(r, v);
        break;
    default:
        break;
    }
    return 0;
}

/* The order the queries run in: the count first (progress), dependencies
 * before the modules that use them. */
static const MsQuery run_order[] = {
    MSQ_COUNT, MSQ_SCHEMAS, MSQ_TYPES, MSQ_SEQUENCES, MSQ_TABLE_PARTS, MSQ_INDEXES,
    MSQ_FOREIGN_KEYS, MSQ_DEPENDENCIES, MSQ_MODULES, MSQ_SYNONYMS, MSQ_UNSCRIPTED, MSQ_PROPERTIES,
};

int ms_extract_run(const DbDriver *d, DbConn *c, const MsOut *out, DbError *err)
{
    MsRun r;
    memset(&r, 0, sizeof r);
    r.out = out;
    r.err = err;
    sb_init(&r.ddl);
    sb_init(&r.body);
    sb_init(&r.keys);
    sb_init(&r.incl);
    sb_init(&r.refcols);
    int rc = 0;
    for (size_t i = 0; i < sizeof run_order / sizeof run_order[0] && !rc; i++) {
        r.q = run_order[i];
        r.nkey = group_cols(r.q);
        rc = d->query_each(c, ms_catalog[r.q].sql, NULL, 0, on_row, &r, err);
        if (!rc && !r.failed)
            rc = group_finish(&r);
        else
            group_reset(&r);
        if (r.failed)
            rc = -1;
        if (!rc && r.q == MSQ_DEPENDENCIES && r.ndep)
            qsort(r.dep, r.ndep, sizeof *r.dep, dep_cmp);
    }
    group_reset(&r);
    for (size_t i = 0; i < r.ndep; i++) {
        free(r.dep[i].schema);
        free(r.dep[i].name);
        free(r.dep[i].ref);
    }
    free(r.dep);
    sb_free(&r.ddl);
    sb_free(&r.body);
    sb_free(&r.keys);
    sb_free(&r.incl);
    sb_free(&r.refcols);
    return rc ? -1 : 0;
}
