/* rewrite: data types. Every TYPE node (columns, CAST/CONVERT targets,
 * sequence AS types, alias-type bases) gets its target spelling in
 * TypeName.target_text from the rules (rules_find_type, $1/$2 filled with the
 * source arguments); what the rules cannot know is decided here: user alias
 * types (kept as domains for PostgreSQL, replaced by their base for MySQL),
 * ENUM/SET lengths, qualifiers (WITH TIME ZONE, INTERVAL fields), the
 * target's precision limits, and collations. Items name the column or
 * construct; the CHECK constraints that ENUM and UNSIGNED need are added by
 * xf_column (xf_ddl.c), which knows the column. */
#include "rewrite/xf.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- arguments ---- */

static const char *arg_text(const TypeName *t, int i)
{
    if (i < 0 || i >= t->args.n)
        return NULL;
    const Node *a = t->args.items[i];
    if (a && a->kind == N_LITERAL)
        return ((const Literal *)a)->value;
    return NULL;
}

static long arg_int(const TypeName *t, int i)
{
    long v;
    if (i >= 0 && i < t->args.n && rw_int_literal(t->args.items[i], &v))
        return v;
    return -1;
}

/* Fills $1 / $2 of a type template; $$ is a dollar sign. Measured, then
 * written into the arena (one per column: no buffer to malloc). */
static size_t fill_pass(char *o, const char *to, const char *a1, const char *a2)
{
    size_t n = 0;
    for (const char *p = to; *p; p++) {
        const char *v = NULL;
        if (p[0] == '$' && p[1] == '$')
            v = "$";
        else if (p[0] == '$' && (p[1] == '1' || p[1] == '2'))
            v = p[1] == '1' ? a1 : a2;
        else {
            if (o)
                o[n] = *p;
            n++;
            continue;
        }
        p++;
        size_t k = v ? strlen(v) : 0;
        if (o && k)
            memcpy(o + n, v, k);
        n += k;
    }
    return n;
}

static const char *fill_template(Rw *w, const char *to, const char *a1, const char *a2)
{
    size_t n = fill_pass(NULL, to, a1, a2);
    char *r = arena_alloc_raw(w->cx->arena, n + 1);
    fill_pass(r, to, a1, a2);
    r[n] = 0;
    return r;
}

/* ---- the target's limits ---- */

/* Splits "base(a[,b]) rest" into its parts; returns 0 if there are no
 * numeric arguments. */
static int split_type(const char *s, char *base, size_t cap, long *a, long *b, const char **rest)
{
    const char *lp = strchr(s, '(');
    if (!lp || (size_t)(lp - s) >= cap)
        return 0;
    size_t n = (size_t)(lp - s);
    while (n > 0 && s[n - 1] == ' ')
        n--;
    memcpy(base, s, n);
    base[n] = 0;
    for (char *c = base; *c; c++)
        *c = (char)tolower((unsigned char)*c);
    char *end;
    *a = strtol(lp + 1, &end, 10);
    if (end == lp + 1)
        return 0;
    *b = -1;
    if (*end == ',') {
        const char *q = end + 1;
        while (*q == ' ')
            q++;
        *b = strtol(q, &end, 10);
    }
    if (*end != ')')
        return 0;
    *rest = end + 1;
    return 1;
}

static int base_is(const char *base, const char *const *names)
{
    for (int i = 0; names[i]; i++)
        if (!strcmp(base, names[i]))
            return 1;
    return 0;
}

/* What an item about a type names ("column t.c (nvarchar(50))"): made only
 * when an item is recorded (most types record none), from the type it
 * was asked for. */
typedef struct What {
    const char *text;
    int made;         /* text is set (a caller's text may be NULL) */
    Rw *w;
    TypeName *t;
} What;
static const char *describe(Rw *w, TypeName *t);
static const char *what_text(What *wd)
{
    if (!wd->made) {
        wd->text = describe(wd->w, wd->t);
        wd->made = 1;
    }
    return wd->text;
}
#define WHAT what_text(wd)

/* Clamps what the target cannot hold (SS1014) and returns the spelling. */
static const char *apply_limits(Rw *w, const char *text, What *wd, SrcSpan sp)
{
    char base[64];
    long a, b;
    const char *rest;
    if (!split_type(text, base, sizeof base, &a, &b, &rest))
        return text;
    static const char *const times_pg[] = {"timestamp", "time", "timestamptz", "timetz",
                                           "interval", NULL};
    static const char *const times_my[] = {"datetime", "timestamp", "time", NULL};
    if (rw_target_pg(w)) {
        if (base_is(base, times_pg) && a > 6) {
            rw_item(w, "SS1014", sp, "%s: %s has %ld fractional digits; PostgreSQL keeps 6 (rounded to microseconds)",
                    WHAT, text, a);
            return arena_printf(w->cx->arena, "%s(6)%s", base, rest);
        }
        if ((!strcmp(base, "varchar") || !strcmp(base, "char")) && a > 10485760) {
            rw_item(w, "SS1014", sp, "%s: %s is longer than PostgreSQL allows for %s: became text",
                    WHAT, text, base);
            return "text";
        }
        if (!strcmp(base, "numeric") && a > 1000) {
            rw_item(w, "SS1014", sp, "%s: %s exceeds numeric's 1000 digits: became numeric", WHAT, text);
            return "numeric";
        }
        return text;
    }
    if (base_is(base, times_my) && a > 6) {
        rw_item(w, "SS1014", sp, "%s: %s has %ld fractional digits; MySQL keeps 6", WHAT, text, a);
        return arena_printf(w->cx->arena, "%s(6)%s", base, rest);
    }
    if ((!strcmp(base, "decimal") || !strcmp(base, "numeric")) && (a > 65 || b > 30)) {
        long na = a > 65 ? 65 : a, nb = b > 30 ? 30 : b;
        if (nb > na)
            nb = na;
        rw_item(w, "SS1014", sp, "%s: %s exceeds MySQL's DECIMAL(65,30): became decimal(%ld,%ld)",
                WHAT, text, na, nb < 0 ? 0 : nb);
        return arena_printf(w->cx->arena, "decimal(%ld,%ld)%s", na, nb < 0 ? 0 : nb, rest);
    }
    if (!strcmp(base, "varchar") && a > 16383) {
        rw_item(w, "SS1014", sp, "%s: %s is longer than a utf8mb4 VARCHAR can be: became mediumtext",
                WHAT, text);
        return "mediumtext";
    }
    if (!strcmp(base, "char") && a > 255) {
        rw_item(w, "SS1014", sp, "%s: %s exceeds MySQL's CHAR(255): became varchar(%ld)", WHAT, text, a);
        return arena_printf(w->cx->arena, "varchar(%ld)%s", a, rest);
    }
    if (!strcmp(base, "binary") && a > 255) {
        rw_item(w, "SS1014", sp, "%s: %s exceeds MySQL's BINARY(255): became varbinary(%ld)", WHAT, text, a);
        return arena_printf(w->cx->arena, "varbinary(%ld)%s", a, rest);
    }
    if (!strcmp(base, "varbinary") && a > 65535) {
        rw_item(w, "SS1014", sp, "%s: %s exceeds MySQL's VARBINARY(65535): became longblob", WHAT, text);
        return "longblob";
    }
    return text;
}

/* ---- ENUM and SET ---- */

static size_t utf8_chars(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            c++;
    return c;
}

/* Longest ENUM value, or the longest SET value list (all values, commas). */
static long values_length(const TypeName *t, int set)
{
    long max = 1, sum = 0;
    for (int i = 0; i < t->values.n; i++) {
        const Node *v = t->values.items[i];
        if (!v || v->kind != N_LITERAL)
            continue;
        long n = (long)utf8_chars(((const Literal *)v)->value, ((const Literal *)v)->len);
        if (n > max)
            max = n;
        sum += n + (i ? 1 : 0);
    }
    return set ? (sum > 0 ? sum : 1) : max;
}

/* ---- INTERVAL qualifiers ---- */

/* "DAY(3) TO SECOND(2)" -> "DAY TO SECOND" with the precisions in p1, p2. */
static const char *interval_fields(Rw *w, const char *suffix, long *p1, long *p2)
{
    StrBuf b;
    sb_init(&b);
    *p1 = *p2 = -1;
    int field = 0;
    for (const char *s = suffix; *s;) {
        if (*s == '(') {
            long v = strtol(s + 1, NULL, 10);
            if (field == 1 && *p1 < 0)
                *p1 = v;
            else
                *p2 = v;
            while (*s && *s != ')')
                s++;
            if (*s)
                s++;
            continue;
        }
        if (isalpha((unsigned char)*s)) {
            const char *e = s;
            while (isalpha((unsigned char)*e) || *e == '_')
                e++;
            if (b.len)
                sb_putc(&b, ' ');
            sb_putn(&b, s, (size_t)(e - s));
            if (!(e - s == 2 && !strncasecmp(s, "TO", 2)))
                field++;
            s = e;
            continue;
        }
        s++;
    }
    const char *r = rw_upper(w, b.s, b.len);
    sb_free(&b);
    return r;
}

/* ---- what the item names ---- */

static const char *type_source_text(Rw *w, const TypeName *t)
{
    if (t->h.span.len && w->cx->src) {
        const char *s = rw_span_text(w, t->h.span);
        if (!strstr(s, "/*") && !strchr(s, '\n') && !strstr(s, "--"))
            return s;
    }
    return t->upper ? t->upper : rw_qname_text(w, &t->name);
}

static const char *describe(Rw *w, TypeName *t)
{
    const char *ty = type_source_text(w, t);
    if (w->column && w->column->type == t) {
        const char *col = rw_ident_text(w, &w->column->name);
        if (w->table_name && w->table_name->n)
            return rw_cat(w, "column ", rw_qname_text(w, w->table_name), ".", col, " (", ty, ")", NULL);
        return rw_cat(w, "column ", col, " (", ty, ")", NULL);
    }
    switch (w->stmt->kind) {
    case N_CREATE_SEQUENCE:
        return arena_printf(w->cx->arena, "sequence %s (AS %s)",
                            rw_qname_text(w, &((CreateSequence *)w->stmt)->name), ty);
    case N_CREATE_TYPE:
        if (((CreateType *)w->stmt)->base == t)
            return arena_printf(w->cx->arena, "type %s (FROM %s)",
                                rw_qname_text(w, &((CreateType *)w->stmt)->name), ty);
        break;
    default:
        break;
    }
    return arena_printf(w->cx->arena, "type %s", ty);
}

/* Records a rule's item: SS1012 (Oracle DATE) once per statement, the same
 * message once per statement (a CAST repeated in a view). */
static void rule_item(Rw *w, const char *code, const char *note, const char *what,
                      const char *target, SrcSpan sp)
{
    if (!strcmp(code, "SS1012")) {
        rw_item_once(w, code, NULL, sp, "%s: Oracle DATE holds a time of day: became %s%s%s "
                     "(reported once per statement)", what, target, note ? ": " : "", note ? note : "");
        return;
    }
    const char *extra = !strcmp(code, "SS1005") && rw_target_pg(w) && w->column ? " with a CHECK (>= 0)" : "";
    const char *msg = note ? rw_cat(w, what, " became ", target, extra, ": ", note, NULL)
                           : rw_cat(w, what, " became ", target, extra, NULL);
    rw_item_once(w, code, msg, sp, "%s", msg);
}

static int is_spatial(const char *u)
{
    static const char *const sp[] = {"GEOMETRY", "GEOGRAPHY", "POINT", "LINESTRING", "POLYGON",
                                     "MULTIPOINT", "MULTILINESTRING", "MULTIPOLYGON",
                                     "GEOMETRYCOLLECTION", "GEOMCOLLECTION", "SDO_GEOMETRY",
                                     NULL};
    for (int i = 0; sp[i]; i++)
        if (!strcasecmp(u, sp[i]))
            return 1;
    return 0;
}

/* ---- user types named like built-in ones ---- */

void xf_qualify_user_type(Rw *w, QName *q)
{
    static const char *const builtin[] = {
        "tid", "oid", "xid", "cid", "name", "text", "char", "point", "line", "lseg", "box",
        "path", "polygon", "circle", "money", "inet", "cidr", "macaddr", "bit", "varbit", "json",
        "jsonb", "xml", "uuid", "date", "time", "timestamp", "timestamptz", "interval", "numeric",
        "int2", "int4", "int8", "float4", "float8", "bool", "boolean", "bytea", "record", "void",
        "trigger", "tsvector", "tsquery", "regclass", "regtype", "regproc", "pg_lsn", "integer",
        "smallint", "bigint", "real", "decimal", "varchar", "bpchar", NULL};
    if (!rw_target_pg(w) || q->n != 1 || !q->parts[0].text)
        return;
    for (int i = 0; builtin[i]; i++)
        if (ident_eq(&q->parts[0], builtin[i])) {
            q->parts[1] = q->parts[0];
            q->parts[0] = ident_make(w->cx->arena, "public");
            q->n = 2;
            return;
        }
}

/* ---- the mapping ---- */

static const TypeRule *find_rule(Rw *w, const char *name, int nargs, int is_max, long prec,
                                 long scale, int is_unsigned)
{
    if (!w->cx->rules)
        return NULL;
    return rules_find_type(w->cx->rules, name, nargs, is_max, (int)prec, (int)scale, is_unsigned);
}

static void map_type(Rw *w, TypeName *t, What *wd)
{
    if (t->target_text || t->anchor || !t->upper)
        return;
    SrcSpan sp = t->h.span;
    const char *u = t->upper;
    int nargs = t->args.n + ((t->is_max || t->star_prec) ? 1 : 0);
    long prec = t->star_prec ? 38 : t->is_max ? -1 : arg_int(t, 0);
    long scale = t->star_prec ? arg_int(t, 0) : t->args.n > 1 ? arg_int(t, 1) : 0;
    const char *a1 = t->star_prec ? "38" : t->is_max ? "max" : arg_text(t, 0);
    const char *a2 = t->star_prec ? arg_text(t, 0) : arg_text(t, 1);
    const TypeRule *r = NULL;
    int suffix_done = 0;

    /* a qualified spelling first: TIMESTAMP WITH TIME ZONE, INTERVAL DAY TO SECOND */
    if (t->suffix) {
        if (!strcmp(u, "INTERVAL")) {
            long p1, p2;
            const char *f = interval_fields(w, t->suffix, &p1, &p2);
            const char *full = arena_printf(w->cx->arena, "INTERVAL %s", f);
            char b1[24], b2[24];
            int na = 0;
            const char *x1 = NULL, *x2 = NULL;
            if (p2 >= 0) { /* DAY [(p)] TO SECOND (s) */
                snprintf(b1, sizeof b1, "%ld", p1 >= 0 ? p1 : 2);
                snprintf(b2, sizeof b2, "%ld", p2);
                x1 = b1, x2 = b2, na = 2;
            } else if (p1 >= 0) {
                snprintf(b1, sizeof b1, "%ld", p1);
                x1 = b1, na = 1;
            }
            r = find_rule(w, full, na, 0, na ? strtol(b1, NULL, 10) : -1,
                          na == 2 ? strtol(b2, NULL, 10) : 0, 0);
            if (r && r->to) {
                a1 = x1, a2 = x2;
                suffix_done = 1;
            } else {
                r = NULL;
            }
        } else {
            const char *full = arena_printf(w->cx->arena, "%s %s", u, t->suffix);
            r = find_rule(w, full, nargs, t->is_max, prec, scale, t->is_unsigned);
            if (r)
                suffix_done = 1;
        }
    }
    if (!r)
        r = find_rule(w, u, nargs, t->is_max, prec, scale, t->is_unsigned);

    const char *target = NULL;
    if (r && r->to) {
        target = fill_template(w, r->to, a1, a2);
        int is_enum = !strcmp(u, "ENUM"), is_set = !strcmp(u, "SET");
        if ((is_enum || is_set) && t->values.n && !strchr(target, '(') &&
            (!strcasecmp(target, "varchar") || !strcasecmp(target, "char")))
            target = arena_printf(w->cx->arena, "%s(%ld)", target, values_length(t, is_set));
        if (t->suffix && !suffix_done) {
            if (!strcmp(t->suffix, "WITH TIME ZONE") && rw_target_pg(w))
                target = arena_printf(w->cx->arena, "%s with time zone", target);
            else if (!strcmp(u, "INTERVAL") && rw_target_pg(w))
                target = arena_printf(w->cx->arena, "%s %s", target,
                                      rw_lower(w, t->suffix, strlen(t->suffix)));
            else
                rw_item(w, "SS1001", sp, "%s: qualifier %s dropped (became %s)", WHAT, t->suffix, target);
        }
        target = apply_limits(w, target, wd, sp);
        if (t->srid >= 0 && rw_target_pg(w) && !strncasecmp(target, "geometry", 8)) {
            /* MySQL SRID n: PostGIS takes it in the type modifier */
            const char *lp = strchr(target, '(');
            if (lp && !strchr(lp, ','))
                target = arena_printf(w->cx->arena, "%.*s,%d)", (int)(strchr(lp, ')') ? strchr(lp, ')') - target : (long)strlen(target)), target, t->srid);
            else if (!lp)
                target = arena_printf(w->cx->arena, "%s(Geometry,%d)", target, t->srid);
        }
        if (r->item) {
            if (is_enum && !strcmp(r->item, "SS1006"))
                rw_item(w, "SS1006", sp, "%s became %s with a CHECK constraint listing the values",
                        WHAT, target);
            else if (is_set && !strcmp(r->item, "SS1007"))
                rw_item(w, "SS1007", sp, "%s became %s holding the comma-separated members: "
                        "membership is no longer checked", WHAT, target);
            else
                rule_item(w, r->item, r->note, WHAT, target, sp);
        } else if (t->is_unsigned && rw_target_pg(w)) {
            rw_item(w, "SS1005", sp, "%s: UNSIGNED became %s with a CHECK (>= 0)", WHAT, target);
        }
        if (t->zerofill)
            rw_item(w, "SS1023", sp, "%s: ZEROFILL dropped: pad with lpad() when displaying", WHAT);
        if (t->charset)
            rw_item_once(w, "SS3027", "charset", sp, "%s: CHARACTER SET %s dropped: the target database encoding applies",
                         WHAT, t->charset);
        t->target_text = target;
        return;
    }
    if (r && r->item) {
        /* a type the rules know has no equivalent */
        rw_item(w, r->item, sp, "%s has no equivalent%s%s: kept as written", WHAT,
                r->note ? ": " : "", r->note ? r->note : "");
        return;
    }

    /* ENUM / SET stay in MySQL: spelled out with their values */
    if ((!strcmp(u, "ENUM") || !strcmp(u, "SET")) && w->cx->target == DIALECT_MYSQL) {
        StrBuf b;
        sb_init(&b);
        sb_printf(&b, "%s(", !strcmp(u, "ENUM") ? "enum" : "set");
        for (int i = 0; i < t->values.n; i++) {
            const Literal *l = (const Literal *)t->values.items[i];
            if (i)
                sb_putc(&b, ',');
            sb_putc(&b, '\'');
            for (uint32_t k = 0; l->h.kind == N_LITERAL && k < l->len; k++) {
                if (l->value[k] == '\'' || l->value[k] == '\\')
                    sb_putc(&b, l->value[k]);
                sb_putc(&b, l->value[k]);
            }
            sb_putc(&b, '\'');
        }
        sb_putc(&b, ')');
        if (t->charset)
            sb_printf(&b, " CHARACTER SET %s", t->charset);
        t->target_text = arena_strndup(w->cx->arena, b.s, b.len);
        sb_free(&b);
        return;
    }

    /* user-defined types of the input */
    CatTable *ut = w->cx->catalog ? cat_find_kind(w->cx->catalog, &t->name, OK_TYPE) : NULL;
    if (ut) {
        if (ut->alias_of) {
            if (rw_target_pg(w)) {
                xf_qualify_user_type(w, &t->name); /* a DOMAIN of that name is created */
                return;
            }
            TypeName *base = (TypeName *)rw_copy(w, &ut->alias_of->h);
            base->h.span = sp;
            map_type(w, base, wd);
            t->target_text = base->target_text ? base->target_text
                                               : rw_lower(w, base->upper, strlen(base->upper));
            return;
        }
        if (w->cx->source == DIALECT_ORACLE)
            rw_item(w, "SS1011", sp, "%s: Oracle object/collection type kept as written: "
                    "PostgreSQL needs a composite type or an array", WHAT);
        else
            rw_item(w, "SS1002", sp, "%s: user type %s kept as written", WHAT, rw_qname_text(w, &t->name));
        return;
    }
    if (is_spatial(u)) {
        rw_item(w, "SS1003", sp, "%s: spatial type kept as written: needs PostGIS", WHAT);
        return;
    }
    rw_item(w, "SS1002", sp, "%s: type %s is not known: kept as written", WHAT, type_source_text(w, t));
}

const char *xf_quiet_type_text(Rw *w, const TypeName *t)
{
    if (!t)
        return NULL;
    if (t->target_text)
        return t->target_text;
    if (!t->upper)
        return NULL;
    int nargs = t->args.n + ((t->is_max || t->star_prec) ? 1 : 0);
    long prec = t->star_prec ? 38 : t->is_max ? -1 : arg_int(t, 0);
    long scale = t->star_prec ? arg_int(t, 0) : t->args.n > 1 ? arg_int(t, 1) : 0;
    const TypeRule *r = find_rule(w, t->upper, nargs, t->is_max, prec, scale, t->is_unsigned);
    if (!r || !r->to)
        return NULL;
    return fill_template(w, r->to, t->star_prec ? "38" : t->is_max ? "max" : arg_text(t, 0),
                         t->star_prec ? arg_text(t, 0) : arg_text(t, 1));
}

/* ---- transforms ---- */

/* POST on TYPE. Typed literals (DATE '2020-01-01') keep their keyword. */
void xf_map_type(Rw *w, TypeName *t, const char *what)
{
    What wd = {what, 1, w, t};
    map_type(w, t, &wd);
}

Node *xf_type(Rw *w, Node *n)
{
    TypeName *t = (TypeName *)n;
    if (t->h.flags & NF_SYNTHETIC)
        return n;
    What wd = {NULL, 0, w, t};
    map_type(w, t, &wd);
    if (t->collate.text) {
        SrcSpan sp = t->collate.span.len ? t->collate.span : t->h.span;
        if (!xf_collation(w, &t->collate, sp))
            t->collate.text = NULL;
    }
    return n;
}

/* ---- collations ---- */

static int contains_ci(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++)
        if (strncasecmp(s + i, needle, k) == 0)
            return 1;
    return 0;
}

int xf_collation(Rw *w, Ident *coll, SrcSpan sp)
{
    if (!coll->text)
        return 0;
    const char *name = rw_ident_text(w, coll);
    size_t n = coll->len;
    if (w->cx->source == DIALECT_MYSQL && w->cx->target == DIALECT_MYSQL)
        return 1;
    int bin = contains_ci(name, n, "_BIN") || strcasecmp(name, "BINARY") == 0;
    int ci = contains_ci(name, n, "_CI");
    if (bin) {
        Ident c = *coll;
        if (rw_target_pg(w)) {
            c.text = "C";
            c.len = 1;
            c.quote = '"';
        } else {
            c.text = "utf8mb4_bin";
            c.len = 11;
            c.quote = 0;
        }
        *coll = c;
        rw_item_once(w, "SS2014", name, sp, "collation %s became %s (binary order)", name,
                     rw_target_pg(w) ? "\"C\"" : "utf8mb4_bin");
        return 1;
    }
    if (ci)
        rw_itemh(w, "SS2014", sp,
                 rw_target_pg(w) ? "use a nondeterministic ICU collation (CREATE COLLATION ... "
                                   "deterministic = false) or the citext type where "
                                   "case-insensitive comparison matters" : NULL,
                 "collation %s dropped: comparisons become case-sensitive", name);
    else
        rw_item_once(w, "SS2014", name, sp, "collation %s dropped: the database default applies", name);
    return 0;
}

/* ---- boolean literals ---- */

Node *xf_bool_literal(Rw *w, Node *lit)
{
    long v;
    if (rw_int_literal(lit, &v))
        return mk_bool(w, lit->span, v != 0);
    if (lit && lit->kind == N_LITERAL) {
        const Literal *l = (const Literal *)lit;
        if (l->lk == LIT_BSTRING || l->lk == LIT_HEX) {
            int nz = 0;
            for (uint32_t i = 0; i < l->len; i++)
                if (l->value[i] >= '1' && l->value[i] <= '9')
                    nz = 1;
            return mk_bool(w, lit->span, nz);
        }
        if ((l->lk == LIT_STRING || l->lk == LIT_NSTRING) && l->len == 1 &&
            (l->value[0] == '0' || l->value[0] == '1'))
            return mk_bool(w, lit->span, l->value[0] == '1');
    }
    return lit;
}
