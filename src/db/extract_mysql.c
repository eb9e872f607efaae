/* db: the MySQL / MariaDB catalogue reader. The objects of each selected
 * database are listed from information_schema (the database name bound as
 * a parameter), then read one by one with SHOW CREATE (identifiers quoted
 * with backticks, doubled inside), made into scripts `convert -s mysql`
 * reads back, and handed to the sink:
 *   - one database: names without the database, as in a dump (the view
 *     definitions' `db`.`t` references to their own database are made
 *     unqualified too), so `convert` keeps them in the target's current
 *     schema; several databases (--schema): every object's own name
 *     qualified with its database (`db`.`name`), the files carry no USE;
 *   - DEFINER=... removed (the objects belong to whoever applies them; the
 *     original definer goes to the manifest's note column);
 *   - AUTO_INCREMENT=N table option removed (a counter, not the schema: two
 *     extracts of the same schema must be identical);
 *   - routines, triggers and events inside a DELIMITER block.
 * Listing first and reading afterwards keeps one query open at a time (the
 * driver streams rows, so the connection is busy until a listing ends);
 * only names are held in memory, each definition goes to the sink at once. */
#include "db/extract.h"
#include "util/strbuf.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct Item {
    ExtractKind kind;
    char *schema, *name;
    char *table;  /* triggers: the table, for ON `table` */
    char *dep;    /* triggers: the trigger that fires before this one, else NULL */
} Item;

typedef struct Items {
    Item *v;
    long n, cap;
} Items;

typedef struct Names { /* a small list of strings */
    char **v;
    int n, cap;
} Names;

static void names_add(Names *l, const char *s, size_t n)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 16;
        l->v = realloc(l->v, sizeof(char *) * (size_t)l->cap);
        if (!l->v)
            abort();
    }
    l->v[l->n] = strndup(s, n);
    if (!l->v[l->n])
        abort();
    l->n++;
}

static void names_free(Names *l)
{
    for (int i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
    memset(l, 0, sizeof *l);
}

static Item *items_add(Items *l, ExtractKind k, const char *schema, const char *name)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 64;
        l->v = realloc(l->v, sizeof(Item) * (size_t)l->cap);
        if (!l->v)
            abort();
    }
    Item *it = &l->v[l->n++];
    memset(it, 0, sizeof *it);
    it->kind = k;
    it->schema = strdup(schema);
    it->name = strdup(name);
    if (!it->schema || !it->name)
        abort();
    return it;
}

static void items_free(Items *l)
{
    for (long i = 0; i < l->n; i++) {
        free(l->v[i].schema);
        free(l->v[i].name);
        free(l->v[i].table);
        free(l->v[i].dep);
    }
    free(l->v);
}

/* `name` with backticks doubled inside. */
static void quote_ident(StrBuf *b, const char *s)
{
    sb_putc(b, '`');
    for (; *s; s++) {
        if (*s == '`')
            sb_putc(b, '`');
        sb_putc(b, *s);
    }
    sb_putc(b, '`');
}

/* ---- listing ------------------------------------------------------------- */

static int collect_names(void *ctx, int ncols, const char *const *vals, const size_t *lens)
{
    (void)ncols;
    if (vals[0])
        names_add(ctx, vals[0], lens[0]);
    return 0;
}

typedef struct ListCtx {
    Items *items;
    ExtractKind kind;
    const char *schema;
    ExtractSink *sink;
} ListCtx;

/* Rows: name [, routine type] */
static int collect_objects(void *vctx, int ncols, const char *const *vals, const size_t *lens)
{
    ListCtx *c = vctx;
    (void)lens;
    if (!vals[0])
        return 0;
    ExtractKind k = c->kind;
    if (k == EX_FUNCTION && ncols > 1 && vals[1])
        k = !strcmp(vals[1], "PROCEDURE") ? EX_PROCEDURE : !strcmp(vals[1], "FUNCTION") ? EX_FUNCTION : 0;
    if (k == EX_TABLE && ncols > 1 && vals[1] && !strcmp(vals[1], "SEQUENCE"))
        k = EX_SEQUENCE; /* MariaDB sequences are tables of their own kind */
    if (!k || !extract_sink_selects(c->sink, c->schema, vals[0]))
        return 0;
    items_add(c->items, k, c->schema, vals[0]);
    return 0;
}

/* Rows: trigger name, table, timing, event, action order. A trigger that
 * fires after another on the same table, timing and event depends on it:
 * creating them in name order would change the order they fire in. */
typedef struct TrigCtx {
    ListCtx l;
    Names prev_key; /* table\x1ftiming\x1fevent of the last row */
    char *prev_name;
} TrigCtx;

static int collect_triggers(void *vctx, int ncols, const char *const *vals, const size_t *lens)
{
    TrigCtx *c = vctx;
    (void)lens;
    if (ncols < 4 || !vals[0] || !vals[1])
        return 0;
    StrBuf key;
    sb_init(&key);
    sb_printf(&key, "%s\x1f%s\x1f%s", vals[1], vals[2] ? vals[2] : "", vals[3] ? vals[3] : "");
    const char *dep = NULL;
    if (c->prev_key.n && !strcmp(c->prev_key.v[0], key.s))
        dep = c->prev_name;
    if (extract_sink_selects(c->l.sink, c->l.schema, vals[0])) {
        Item *it = items_add(c->l.items, EX_TRIGGER, c->l.schema, vals[0]);
        it->table = strdup(vals[1]);
        if (dep)
            it->dep = strdup(dep);
    }
    names_free(&c->prev_key);
    names_add(&c->prev_key, key.s, key.len);
    free(c->prev_name);
    c->prev_name = strdup(vals[0]);
    sb_free(&key);
    return 0;
}

/* ---- text fixes ------------------------------------------------------------ */

/* Removes " DEFINER=`user`@`host`" (or a role: " DEFINER=`role`") from the
 * statement head; the clause goes to *definer (malloc'd) when found. */
static void strip_definer(StrBuf *t, char **definer)
{
    *definer = NULL;
    char *d = strstr(t->s, " DEFINER=");
    if (!d)
        return;
    const char *p = d + 9, *start = p;
    for (int part = 0; part < 2; part++) {
        if (*p == '`') {
            for (p++; *p; p++) {
                if (*p == '`' && p[1] == '`')
                    p++;
                else if (*p == '`') {
                    p++;
                    break;
                }
            }
        } else
            while (*p && *p != ' ' && *p != '@')
                p++;
        if (part == 0 && *p == '@')
            p++;
        else
            break;
    }
    *definer = strndup(start, (size_t)(p - start));
    memmove(d, p, strlen(p) + 1);
    t->len = strlen(t->s);
}

/* Replaces the first occurrence of `from` in t by `to`; 1 if found. */
static int replace_first(StrBuf *t, const char *from, const char *to)
{
    char *at = strstr(t->s, from);
    if (!at)
        return 0;
    StrBuf o;
    sb_init(&o);
    sb_putn(&o, t->s, (size_t)(at - t->s));
    sb_puts(&o, to);
    sb_puts(&o, at + strlen(from));
    sb_free(t);
    *t = o;
    return 1;
}

/* " AUTO_INCREMENT=123" in the table options (the line after the columns). */
static void strip_auto_increment(StrBuf *t)
{
    char *opts = strstr(t->s, "\n) ");
    if (!opts)
        return;
    char *eol = strchr(opts + 1, '\n');
    char *a = strstr(opts, " AUTO_INCREMENT=");
    if (!a || (eol && a > eol))
        return;
    char *e = a + 16;
    while (*e >= '0' && *e <= '9')
        e++;
    memmove(a, e, strlen(e) + 1);
    t->len = strlen(t->s);
}

/* A delimiter that does not occur in the text. */
static const char *pick_delimiter(const char *text)
{
    static const char *const cands[] = {";;", "$$", "//", ";;;", "$$$", "@@@@", "~~~~"};
    for (unsigned i = 0; i < sizeof cands / sizeof cands[0]; i++)
        if (!strstr(text, cands[i]))
            return cands[i];
    return "#sqlshift-end#";
}

/* 1 when the text before def[at] (spaces and opening parentheses skipped)
 * ends with the word FROM or JOIN (STRAIGHT_JOIN, LEFT JOIN, ...) or VIEW
 * (the header): a table reference starts at `at`. */
static int table_position(const char *def, const char *at)
{
    const char *p = at;
    while (p > def && (p[-1] == ' ' || p[-1] == '(' || p[-1] == '\n' || p[-1] == '\t'))
        p--;
    const char *end = p;
    while (p > def && ((p[-1] >= 'a' && p[-1] <= 'z') || (p[-1] >= 'A' && p[-1] <= 'Z')))
        p--;
    size_t n = (size_t)(end - p);
    return n == 4 && (!strncasecmp(p, "from", 4) || !strncasecmp(p, "join", 4) || !strncasecmp(p, "view", 4));
}

/* View-on-view dependencies: the table references of the definition (a
 * backticked `db`.`name` or `name` right after FROM or JOIN; MariaDB leaves
 * out the database of tables in the view's own) that name a view being
 * extracted. Backticked identifiers only, outside string literals, so a view
 * name in a string, a column or an alias is not taken. */
static void view_deps(const char *def, const Items *all, const char *self_schema, const char *self_name, Names *deps)
{
    const char *p = def;
    while (*p) {
        if (*p == '\'' || *p == '"') {
            char q = *p++;
            while (*p && *p != q) {
                if (*p == '\\' && p[1])
                    p++;
                p++;
            }
            if (*p)
                p++;
            continue;
        }
        if (*p != '`') {
            p++;
            continue;
        }
        /* a chain `a`.`b`.`c` */
        const char *start = p;
        Names chain = {0};
        while (*p == '`') {
            StrBuf id;
            sb_init(&id);
            for (p++; *p; p++) {
                if (*p == '`' && p[1] == '`') {
                    sb_putc(&id, '`');
                    p++;
                } else if (*p == '`') {
                    p++;
                    break;
                } else
                    sb_putc(&id, *p);
            }
            names_add(&chain, id.s, id.len);
            sb_free(&id);
            if (*p == '.' && p[1] == '`')
                p++;
            else
                break;
        }
        if (chain.n <= 2 && table_position(def, start)) {
            const char *sch = chain.n == 2 ? chain.v[0] : self_schema;
            const char *nm = chain.v[chain.n - 1];
            if (strcmp(sch, self_schema) != 0 || strcmp(nm, self_name) != 0)
                for (long i = 0; i < all->n; i++) {
                    const Item *it = &all->v[i];
                    if (it->kind == EX_VIEW && !strcmp(it->schema, sch) && !strcmp(it->name, nm)) {
                        StrBuf k;
                        sb_init(&k);
                        sb_printf(&k, "%s.%s", sch, nm);
                        int dup = 0;
                        for (int j = 0; j < deps->n; j++)
                            dup |= !strcmp(deps->v[j], k.s);
                        if (!dup)
                            names_add(deps, k.s, k.len);
                        sb_free(&k);
                        break;
                    }
                }
        }
        names_free(&chain);
    }
}

/* Removes the view's own database from the names of a view definition:
 * `db`.`t` where a table reference starts (see table_position) and
 * `db`.`t`.`col` anywhere, when db is the view's database. MariaDB and MySQL
 * qualify them in SHOW CREATE VIEW; a one-database extract is a script
 * without qualifiers, like a dump, so that `convert` keeps the objects
 * together in the target's current schema. */
static void strip_own_db(StrBuf *t, const char *schema)
{
    StrBuf o;
    sb_init(&o);
    const char *p = t->s;
    while (*p) {
        if (*p == '\'' || *p == '"') {
            const char *q0 = p;
            char q = *p++;
            while (*p && *p != q) {
                if (*p == '\\' && p[1])
                    p++;
                p++;
            }
            if (*p)
                p++;
            sb_putn(&o, q0, (size_t)(p - q0));
            continue;
        }
        if (*p != '`') {
            sb_putc(&o, *p++);
            continue;
        }
        const char *start = p;
        const char *second = NULL; /* where the chain's second identifier starts */
        int n = 0, first_is_db = 0;
        while (*p == '`') {
            const char *id0 = p + 1;
            for (p++; *p; p++) {
                if (*p == '`' && p[1] == '`')
                    p++;
                else if (*p == '`')
                    break;
            }
            if (n == 0) {
                /* compare the undoubled identifier with schema */
                const char *a = id0, *b = schema;
                while (a < p && *b) {
                    if (*a == '`')
                        a++;
                    if (*a != *b)
                        break;
                    a++;
                    b++;
                }
                first_is_db = a == p && !*b;
            }
            if (*p)
                p++;
            n++;
            if (*p == '.' && p[1] == '`') {
                p++;
                if (n == 1)
                    second = p;
            } else
                break;
        }
        if (first_is_db && second && (n == 3 || (n == 2 && table_position(t->s, start))))
            sb_putn(&o, second, (size_t)(p - second));
        else
            sb_putn(&o, start, (size_t)(p - start));
    }
    sb_free(t);
    *t = o;
}

/* ---- reading -------------------------------------------------------------- */

typedef struct ShowCtx {
    int col;      /* the column holding the statement */
    StrBuf text;
    int got, null;
} ShowCtx;

static int take_show(void *vctx, int ncols, const char *const *vals, const size_t *lens)
{
    ShowCtx *c = vctx;
    if (c->got || c->col >= ncols)
        return 0;
    c->got = 1;
    if (!vals[c->col])
        c->null = 1;
    else
        sb_putn(&c->text, vals[c->col], lens[c->col]);
    return 0;
}

static const char *kind_sql(ExtractKind k)
{
    switch (k) {
    case EX_TABLE: return "TABLE";
    case EX_SEQUENCE: return "SEQUENCE";
    case EX_VIEW: return "VIEW";
    case EX_FUNCTION: return "FUNCTION";
    case EX_PROCEDURE: return "PROCEDURE";
    case EX_TRIGGER: return "TRIGGER";
    case EX_EVENT: return "EVENT";
    default: return "TABLE";
    }
}

/* Column of the CREATE statement in each SHOW CREATE result. */
static int show_col(ExtractKind k)
{
    switch (k) {
    case EX_FUNCTION:
    case EX_PROCEDURE:
    case EX_TRIGGER:
        return 2;
    case EX_EVENT:
        return 3;
    default:
        return 1;
    }
}

static int read_one(const DbDriver *d, DbConn *c, const Item *it, const Items *all, int qualify, ExtractSink *s,
                    DbError *err)
{
    StrBuf sql, qname, qshort;
    sb_init(&sql);
    sb_init(&qname);
    sb_init(&qshort);
    quote_ident(&qname, it->schema);
    sb_putc(&qname, '.');
    quote_ident(&qname, it->name);
    quote_ident(&qshort, it->name);
    sb_printf(&sql, "SHOW CREATE %s %s", kind_sql(it->kind), qname.s);
    ShowCtx sc = {show_col(it->kind), {0}, 0, 0};
    sb_init(&sc.text);
    int rc = d->query_each(c, sql.s, NULL, 0, take_show, &sc, err);
    char *definer = NULL;
    Names deps = {0};
    StrBuf out, note;
    sb_init(&out);
    sb_init(&note);
    if (rc != 0 || !sc.got || sc.null) {
        if (rc != 0 && err->kind != DBE_QUERY)
            goto done; /* the connection is gone: stop */
        /* dropped meanwhile, or not shown (privileges): said on stderr and
         * in the manifest, and the extract goes on */
        sb_printf(&note, "%s", rc != 0 ? err->msg : "the server did not show its definition (missing privilege?)");
        fprintf(stderr, "sqlshift: warning: %s %s.%s not extracted: %s\n", kind_sql(it->kind), it->schema, it->name,
                note.s);
        memset(err, 0, sizeof *err);
        ExtractObject o = {it->kind, it->schema, it->name, NULL, NULL, 0, note.s};
        rc = extract_sink_put(s, &o, err);
        goto done;
    }
    strip_definer(&sc.text, &definer);
    if (definer)
        sb_printf(&note, "DEFINER=%s removed", definer);
    StrBuf to;
    sb_init(&to);
    switch (it->kind) {
    case EX_TABLE:
    case EX_SEQUENCE:
        if (it->kind == EX_TABLE)
            strip_auto_increment(&sc.text);
        sb_reset(&sql);
        sb_printf(&sql, "CREATE %s %s", kind_sql(it->kind), qshort.s);
        sb_printf(&to, "CREATE %s %s", kind_sql(it->kind), qname.s);
        if (qualify && !strncmp(sc.text.s, sql.s, sql.len))
            replace_first(&sc.text, sql.s, to.s);
        break;
    case EX_VIEW:
        view_deps(sc.text.s, all, it->schema, it->name, &deps);
        if (!qualify) {
            strip_own_db(&sc.text, it->schema);
            break;
        }
        /* MariaDB shows `db`.`view`, MySQL `view` */
        sb_reset(&sql);
        sb_printf(&sql, " VIEW %s AS ", qshort.s);
        sb_printf(&to, " VIEW %s AS ", qname.s);
        replace_first(&sc.text, sql.s, to.s);
        break;
    default:
        if (it->kind == EX_TRIGGER && it->dep) {
            StrBuf k;
            sb_init(&k);
            sb_printf(&k, "%s.%s", it->schema, it->dep);
            names_add(&deps, k.s, k.len);
            sb_free(&k);
        }
        if (!qualify)
            break;
        sb_reset(&sql);
        sb_printf(&sql, " %s %s", kind_sql(it->kind), qshort.s);
        sb_printf(&to, " %s %s", kind_sql(it->kind), qname.s);
        replace_first(&sc.text, sql.s, to.s);
        if (it->kind == EX_TRIGGER && it->table) {
            /* ON `table`: the table of the trigger's own database */
            sb_reset(&sql);
            sb_reset(&to);
            sb_puts(&sql, " ON ");
            quote_ident(&sql, it->table);
            sb_putc(&sql, ' ');
            sb_puts(&to, " ON ");
            quote_ident(&to, it->schema);
            sb_putc(&to, '.');
            quote_ident(&to, it->table);
            sb_putc(&to, ' ');
            replace_first(&sc.text, sql.s, to.s);
        }
        break;
    }
    sb_free(&to);
    sb_rtrim(&sc.text);
    if (it->kind == EX_TABLE || it->kind == EX_SEQUENCE || it->kind == EX_VIEW)
        sb_printf(&out, "%s;\n", sc.text.s);
    else {
        const char *dl = pick_delimiter(sc.text.s);
        sb_printf(&out, "DELIMITER %s\n%s %s\nDELIMITER ;\n", dl, sc.text.s, dl);
    }
    ExtractObject o = {it->kind, it->schema, it->name, out.s, (const char *const *)deps.v, deps.n,
                       note.len ? note.s : NULL};
    rc = extract_sink_put(s, &o, err);
done:
    free(definer);
    names_free(&deps);
    sb_free(&out);
    sb_free(&note);
    sb_free(&sc.text);
    sb_free(&sql);
    sb_free(&qname);
    sb_free(&qshort);
    return rc;
}

static int list_schema(const DbDriver *d, DbConn *c, const char *schema, Items *items, ExtractSink *s, DbError *err)
{
    const char *p[1] = {schema};
    ListCtx lc = {items, EX_TABLE, schema, s};
    int rc = d->query_each(c,
                           "SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? "
                           "AND TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED', 'SEQUENCE')",
                           p, 1, collect_objects, &lc, err);
    if (rc == 0) {
        lc.kind = EX_VIEW;
        rc = d->query_each(c, "SELECT TABLE_NAME FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ?", p, 1,
                           collect_objects, &lc, err);
    }
    if (rc == 0) {
        lc.kind = EX_FUNCTION; /* or procedure, from the second column */
        rc = d->query_each(c,
                           "SELECT ROUTINE_NAME, ROUTINE_TYPE FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?",
                           p, 1, collect_objects, &lc, err);
    }
    if (rc == 0) {
        TrigCtx tc = {{items, EX_TRIGGER, schema, s}, {0}, NULL};
        rc = d->query_each(c,
                           "SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION "
                           "FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ? "
                           "ORDER BY EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORDER",
                           p, 1, collect_triggers, &tc, err);
        names_free(&tc.prev_key);
        free(tc.prev_name);
    }
    if (rc == 0) {
        lc.kind = EX_EVENT;
        rc = d->query_each(c, "SELECT EVENT_NAME FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ?", p, 1,
                           collect_objects, &lc, err);
    }
    return rc;
}

int extract_mysql(const DbDriver *d, DbConn *c, const DbUrl *u, ExtractSink *s, DbError *err)
{
    memset(err, 0, sizeof *err);
    Names schemas = {0};
    int rc = 0;
    if (extract_sink_has_schema_patterns(s)) {
        Names all = {0};
        rc = d->query_each(c,
                           "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME NOT IN "
                           "('mysql', 'information_schema', 'performance_schema', 'sys') ORDER BY SCHEMA_NAME",
                           NULL, 0, collect_names, &all, err);
        for (int i = 0; rc == 0 && i < all.n; i++)
            if (extract_sink_selects_schema(s, all.v[i]))
                names_add(&schemas, all.v[i], strlen(all.v[i]));
        names_free(&all);
    } else if (u->dbname)
        names_add(&schemas, u->dbname, strlen(u->dbname));
    else {
        err->kind = DBE_URL;
        snprintf(err->msg, sizeof err->msg,
                 "no database to extract: name one in the URL (mysql://user@host/database) or use --schema");
        return -1;
    }
    Items items = {0};
    for (int i = 0; rc == 0 && i < schemas.n; i++)
        rc = list_schema(d, c, schemas.v[i], &items, s, err);
    if (rc == 0) {
        extract_sink_total(s, items.n);
        for (long i = 0; rc == 0 && i < items.n; i++)
            rc = read_one(d, c, &items.v[i], &items, schemas.n > 1, s, err);
    }
    items_free(&items);
    names_free(&schemas);
    return rc;
}
