/* pipeline: run-wide object-name bookkeeping (see objnames.h). */
#include "pipeline/objnames.h"
#include "ast/ast_walk.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t hash(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static void ns_init(NameSet *s)
{
    memset(s, 0, sizeof *s);
    arena_init(&s->arena, 16 * 1024);
}

static void ns_free(NameSet *s)
{
    free(s->slots);
    free(s->values);
    arena_free(&s->arena);
}

static int ns_find(const NameSet *s, const char *key)
{
    if (!s->cap)
        return -1;
    uint32_t i = hash(key) & (uint32_t)(s->cap - 1);
    while (s->slots[i]) {
        if (!strcmp(s->slots[i], key))
            return (int)i;
        i = (i + 1) & (uint32_t)(s->cap - 1);
    }
    return -1;
}

static void ns_put(NameSet *s, const char *key, const char *value)
{
    if (ns_find(s, key) >= 0)
        return;
    if ((s->n + 1) * 2 > s->cap) {
        int cap = s->cap ? s->cap * 2 : 256;
        char **slots = calloc((size_t)cap, sizeof *slots);
        const char **values = calloc((size_t)cap, sizeof *values);
        if (!slots || !values)
            abort();
        for (int k = 0; k < s->cap; k++) {
            if (!s->slots[k])
                continue;
            uint32_t i = hash(s->slots[k]) & (uint32_t)(cap - 1);
            while (slots[i])
                i = (i + 1) & (uint32_t)(cap - 1);
            slots[i] = s->slots[k];
            values[i] = s->values[k];
        }
        free(s->slots);
        free(s->values);
        s->slots = slots;
        s->values = values;
        s->cap = cap;
    }
    uint32_t i = hash(key) & (uint32_t)(s->cap - 1);
    while (s->slots[i])
        i = (i + 1) & (uint32_t)(s->cap - 1);
    s->slots[i] = arena_strdup(&s->arena, key);
    s->values[i] = value ? arena_strdup(&s->arena, value) : "";
    s->n++;
}

void on_init(ObjNames *o)
{
    ns_init(&o->unconverted);
    ns_init(&o->indexes);
    o->last.set_n = -1;
}

void on_free(ObjNames *o)
{
    ns_free(&o->unconverted);
    ns_free(&o->indexes);
}

/* Upper-case copy of an identifier into buf (truncated). */
static void upper_ident(char *buf, size_t n, const Ident *id)
{
    size_t k = 0;
    for (uint32_t i = 0; id->text && i < id->len && k + 1 < n; i++) {
        char c = id->text[i];
        buf[k++] = c >= 'a' && c <= 'z' ? (char)(c - 32) : c;
    }
    buf[k] = 0;
}

static const char *last_upper(char *buf, size_t n, const QName *q)
{
    if (!q->n)
        return NULL;
    upper_ident(buf, n, &q->parts[q->n - 1]);
    return buf;
}

/* ASCII upper case, as upper_ident. */
static inline unsigned fold(unsigned c) { return c - 'a' < 26u ? c - 32u : c; }

/* The unconverted object a name refers to, as first written, or NULL.
 * Asked for every INSERT, UPDATE, index ...: the last part is folded and
 * hashed in one pass and compared in place (the key ns_put stored is the
 * same fold, truncated like upper_ident), without an upper-case copy. */
static const char *check(ObjNames *o, const QName *q)
{
    const NameSet *s = &o->unconverted;
    if (!q->n || !s->cap)
        return NULL;
    const Ident *id = &q->parts[q->n - 1];
    uint32_t n = id->text ? id->len : 0;
    if (n > 255) /* upper_ident's buffer of 256 */
        n = 255;
    const unsigned char *t = (const unsigned char *)id->text;
    NameMemo *m = &o->last;
    if (m->set_n == s->n && m->len == n && (!n || !memcmp(m->text, t, n)))
        return m->hit;
    const char *hit = NULL;
    uint32_t len = n;
    uint32_t h = 2166136261u; /* hash() of the folded text */
    for (uint32_t k = 0; k < n; k++) {
        unsigned c = t[k];
        if (!c) { /* upper_ident copies a NUL, which ends the key */
            n = k;
            break;
        }
        h = (h ^ fold(c)) * 16777619u;
    }
    for (uint32_t i = h & (uint32_t)(s->cap - 1); s->slots[i]; i = (i + 1) & (uint32_t)(s->cap - 1)) {
        const unsigned char *key = (const unsigned char *)s->slots[i];
        uint32_t k = 0;
        while (k < n && key[k] == fold(t[k]))
            k++;
        if (k == n && !key[n]) {
            hit = s->values[i];
            break;
        }
    }
    m->set_n = s->n;
    m->len = len;
    if (len)
        memcpy(m->text, t, len);
    m->hit = hit;
    return hit;
}

/* Tables, views and user functions a query or expression uses, anywhere in
 * it (FROM, joins, subqueries, calls): the first unconverted one stops it. */
typedef struct DepVisit {
    AstVisit v;
    ObjNames *o;
    const char *hit;
    int depth;
} DepVisit;

static void dep_slot(AstVisit *v, Node **slot)
{
    DepVisit *d = (DepVisit *)v;
    const Node *n = *slot;
    if (d->hit || d->depth > 400)
        return;
    if (n->kind == N_TABLE_REF)
        d->hit = check(d->o, &((const TableRef *)n)->name);
    else if (n->kind == N_FUNC && !((const FuncCall *)n)->noparens)
        d->hit = check(d->o, &((const FuncCall *)n)->name);
    if (d->hit)
        return;
    d->depth++;
    ast_children(*slot, v);
    d->depth--;
}

static void dep_list(AstVisit *v, NodeList *l)
{
    for (int i = 0; i < l->n && !((DepVisit *)v)->hit; i++)
        if (l->items[i])
            dep_slot(v, &l->items[i]);
}

static const char *query_deps(ObjNames *o, const Node *q)
{
    if (!q)
        return NULL;
    DepVisit d = {{dep_slot, dep_list, NULL}, o, NULL, 0};
    Node *n = (Node *)q; /* read only: dep_slot never replaces a child */
    dep_slot(&d.v, &n);
    return d.hit;
}

const char *on_unconverted_dependency(ObjNames *o, const Node *n)
{
    if (!o->unconverted.n)
        return NULL;
    switch (n->kind) {
    case N_ALTER_TABLE: return check(o, &((const AlterTable *)n)->name);
    case N_CREATE_INDEX: return check(o, &((const CreateIndex *)n)->table);
    case N_COMMENT: {
        const CommentStmt *c = (const CommentStmt *)n;
        QName q = c->obj;
        if (c->target == CT_COLUMN && q.n >= 2)
            q.n--;
        return check(o, &q);
    }
    case N_CREATE_VIEW: return query_deps(o, ((const CreateView *)n)->query);
    case N_CREATE_SYNONYM: return check(o, &((const CreateSynonym *)n)->target);
    case N_INSERT: return check(o, &((const InsertStmt *)n)->table);
    case N_OTHER_STMT: {
        const OtherStmt *x = (const OtherStmt *)n;
        const char *hit = NULL;
        if (x->what == OS_STATISTICS || x->what == OS_TRUNCATE)
            for (int i = 0; i < x->args.n && !hit; i++)
                hit = check(o, &((const NameRef *)x->args.items[i])->name);
        return hit;
    }
    case N_UPDATE: case N_DELETE: {
        const Node *t = n->kind == N_UPDATE ? ((const UpdateStmt *)n)->table : ((const DeleteStmt *)n)->table;
        return t && t->kind == N_TABLE_REF ? check(o, &((const TableRef *)t)->name) : NULL;
    }
    case N_CREATE_TABLE: {
        const CreateTable *t = (const CreateTable *)n;
        for (int i = 0; i < t->columns.n; i++) {
            const ColumnDef *c = (const ColumnDef *)t->columns.items[i];
            const char *hit = c->type ? check(o, &c->type->name) : NULL;
            if (hit)
                return hit;
        }
        return t->as_query ? query_deps(o, t->as_query) : NULL;
    }
    default:
        return NULL;
    }
}

/* schema.name as written (quotes dropped), for messages. */
static const char *qname_shown(char *buf, size_t n, const QName *q)
{
    size_t k = 0;
    buf[0] = 0;
    for (int i = 0; i < q->n && k + 1 < n; i++) {
        const Ident *id = &q->parts[i];
        int w = snprintf(buf + k, n - k, "%s%.*s", i ? "." : "", (int)id->len, id->text ? id->text : "");
        if (w < 0)
            break;
        k += (size_t)w;
    }
    return buf;
}

void on_mark_unconverted(ObjNames *o, const Node *n)
{
    const QName *q = NULL;
    switch (n->kind) {
    case N_CREATE_TABLE: q = &((const CreateTable *)n)->name; break;
    case N_CREATE_VIEW: q = &((const CreateView *)n)->name; break;
    case N_CREATE_TYPE: q = &((const CreateType *)n)->name; break;
    case N_CREATE_SEQUENCE: q = &((const CreateSequence *)n)->name; break;
    case N_CREATE_SYNONYM: q = &((const CreateSynonym *)n)->name; break;
    case N_ROUTINE:
        /* a function kept verbatim: views calling it would fail */
        if (((const RoutineStmt *)n)->rkind != RK_FUNCTION)
            return;
        q = &((const RoutineStmt *)n)->name;
        break;
    default: return;
    }
    char buf[256], shown[512];
    if (last_upper(buf, sizeof buf, q))
        ns_put(&o->unconverted, buf, qname_shown(shown, sizeof shown, q));
}

void on_mark_unconverted_named(ObjNames *o, const char *kind, const char *name)
{
    static const char *const kinds[] = {"table", "view", "type", "sequence", "synonym", "function"};
    if (!kind || !name || !*name)
        return;
    for (unsigned k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
        if (strcmp(kind, kinds[k]))
            continue;
        Ident id = {.text = name, .len = (uint32_t)strlen(name)};
        char buf[256];
        upper_ident(buf, sizeof buf, &id);
        ns_put(&o->unconverted, buf, name);
        return;
    }
}

/* ---- index names ---- */

static void schema_of(char *buf, size_t n, const QName *table)
{
    if (table->n >= 2)
        upper_ident(buf, n, &table->parts[table->n - 2]);
    else
        buf[0] = 0;
}

/* snprintf(key, n, "%s.%s", schema, name) without the format machinery
 * (every key and index of every table comes here) */
static void index_key(char *key, size_t n, const char *schema, const char *name)
{
    size_t k = 0;
    for (const char *p = schema; *p && k + 1 < n; p++)
        key[k++] = *p;
    if (k + 1 < n)
        key[k++] = '.';
    for (const char *p = name; *p && k + 1 < n; p++)
        key[k++] = *p;
    key[k] = 0;
}

/* Makes `name` unique in the table's schema; renames it to table_name when
 * another table holds it. */
static void claim(ObjNames *o, ConvCtx *cx, Ident *name, const QName *table, SrcSpan where)
{
    if (!name->text || !table->n)
        return;
    char schema[128], nm[256], tab[256], key[400];
    schema_of(schema, sizeof schema, table);
    upper_ident(nm, sizeof nm, name);
    last_upper(tab, sizeof tab, table);
    index_key(key, sizeof key, schema, nm);
    int i = ns_find(&o->indexes, key);
    if (i < 0) {
        ns_put(&o->indexes, key, tab);
        return;
    }
    if (!strcmp(o->indexes.values[i], tab))
        return; /* same table: the Oracle index-then-key idiom */
    const Ident *t = &table->parts[table->n - 1];
    char *renamed = arena_printf(cx->arena, "%.*s_%.*s", (int)t->len, t->text, (int)name->len, name->text);
    diag_add(cx->diags, "SS3028", where, cx->object,
             "index or key name %.*s is already used by table %s in the same schema: renamed to %s",
             (int)name->len, name->text, o->indexes.values[i], renamed);
    name->text = renamed;
    name->len = (uint32_t)strlen(renamed);
    name->quote = 0;
    upper_ident(nm, sizeof nm, name);
    index_key(key, sizeof key, schema, nm);
    ns_put(&o->indexes, key, tab);
}

static void claim_constraints(ObjNames *o, ConvCtx *cx, NodeList *cons, const QName *table)
{
    for (int i = 0; i < cons->n; i++) {
        Constraint *c = (Constraint *)cons->items[i];
        if (c->ck == CK_PRIMARY || c->ck == CK_UNIQUE)
            claim(o, cx, &c->name, table, c->h.span);
    }
}

void on_unique_index_names(ObjNames *o, ConvCtx *cx, Node *n)
{
    if (cx->target != DIALECT_POSTGRES)
        return;
    switch (n->kind) {
    case N_CREATE_INDEX: {
        CreateIndex *x = (CreateIndex *)n;
        claim(o, cx, &x->name, &x->table, x->h.span);
        break;
    }
    case N_CREATE_TABLE: {
        CreateTable *t = (CreateTable *)n;
        claim_constraints(o, cx, &t->constraints, &t->name);
        for (int i = 0; i < t->columns.n; i++)
            claim_constraints(o, cx, &((ColumnDef *)t->columns.items[i])->constraints, &t->name);
        for (int i = 0; i < t->indexes.n; i++) {
            CreateIndex *x = (CreateIndex *)t->indexes.items[i];
            claim(o, cx, &x->name, &t->name, x->h.span);
        }
        break;
    }
    case N_ALTER_TABLE: {
        AlterTable *a = (AlterTable *)n;
        for (int i = 0; i < a->actions.n; i++) {
            AlterAction *x = (AlterAction *)a->actions.items[i];
            if (x->ak == AK_ADD_CONSTRAINT && x->def && x->def->kind == N_CONSTRAINT) {
                Constraint *c = (Constraint *)x->def;
                if (c->ck == CK_PRIMARY || c->ck == CK_UNIQUE)
                    claim(o, cx, &c->name, &a->name, c->h.span);
            } else if (x->ak == AK_ADD_INDEX && x->def && x->def->kind == N_CREATE_INDEX) {
                CreateIndex *ix = (CreateIndex *)x->def;
                claim(o, cx, &ix->name, &a->name, ix->h.span);
            }
        }
        break;
    }
    default:
        break;
    }
}
