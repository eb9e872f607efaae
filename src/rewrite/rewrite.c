/* rewrite: the per-statement driver. rw_statement records the findings of
 * statements that are kept whole (stored code, session and script commands,
 * grants ...), then walks the tree once, running the transforms registered in
 * transforms.def for the source/target pair on every node (PRE before its
 * children, POST after). The walker keeps the name scopes that type-directed
 * transforms need (which table a column comes from, what a derived table's
 * column yields). This file also holds what the transforms share: deep copy,
 * findings, builders of synthetic nodes, expression classes. */
#include "rewrite/xf.h"
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ==== registry ========================================================== */

typedef struct XfEntry {
    int kind;           /* NodeKind the transform applies to */
    int when;           /* PRE / POST */
    unsigned src, tgt;  /* dialect masks */
    XfFn fn;
    const char *name;
} XfEntry;

static const XfEntry registry[] = {
#define XF(name, kind, when, src, tgt, fn) {N_##kind, when, src, tgt, fn, #name},
#include "rewrite/transforms.def"
#undef XF
};
#define NREGISTRY ((int)(sizeof registry / sizeof registry[0]))

/* The registry entries of each node kind (per `when`) that apply to a
 * source/target pair, chained in registry order: most nodes have none, and
 * scanning the whole registry per node, or the entries of other pairs,
 * showed in profiles. Built once per pair; a pure function of the constant
 * registry, like the keyword table. first: 1 + index of the first entry
 * (0 none); next[i]: 1 + index of the next entry after entry i. */
typedef struct XfChains {
    int ready;
    short first[2][N__COUNT];
    short next[NREGISTRY];
    /* kinds the walk can pass over: leaves with no transform of the pair
     * (literals and names: most nodes of a data script) */
    unsigned char skip[N__COUNT];
} XfChains;
static XfChains xf_chains[DIALECT_COUNT][DIALECT_COUNT];

static const XfChains *chains_for(Dialect src, Dialect tgt)
{
    XfChains *c = &xf_chains[src][tgt];
    if (c->ready)
        return c;
    short *last[2][N__COUNT];
    for (int w = 0; w < 2; w++)
        for (int k = 0; k < N__COUNT; k++)
            last[w][k] = &c->first[w][k];
    for (int i = 0; i < NREGISTRY; i++) {
        const XfEntry *e = &registry[i];
        if (e->when < 0 || e->when >= 2 || e->kind < 0 || e->kind >= N__COUNT ||
            !(e->src & (1u << src)) || !(e->tgt & (1u << tgt)))
            continue;
        *last[e->when][e->kind] = (short)(i + 1);
        last[e->when][e->kind] = &c->next[i];
    }
    for (int k = 0; k < N__COUNT; k++)
        c->skip[k] = ast_kind_is_leaf(k) && !c->first[0][k] && !c->first[1][k];
    c->ready = 1;
    return c;
}

/* 1 if some transform of the pair applies to n's kind (most nodes: none),
 * asked before calling run_transforms. w->chains is set by rw_statement
 * when both dialects are known (else nothing is transformed). */
static inline int has_transforms(const Rw *w, const Node *n, int when)
{
    return w->chains && (unsigned)n->kind < N__COUNT && w->chains->first[when][n->kind] != 0;
}

/* Only after has_transforms said yes (w->chains set, when PRE or POST). */
static Node *run_transforms(Rw *w, Node *n, int when)
{
    const XfChains *c = w->chains;
    /* In registry order; a transform may return a node of another kind,
     * which then gets that kind's entries that come later in the registry. */
    for (int i = 0; n && !w->raw_code && (unsigned)n->kind < N__COUNT;) {
        int j = c->first[when][n->kind] - 1;
        while (j >= 0 && j < i)
            j = c->next[j] - 1;
        if (j < 0)
            break;
        i = j + 1;
        n = registry[j].fn(w, n);
    }
    return n;
}

/* ==== deep copy =========================================================== */

typedef struct CopyVisit { RwVisit v; Arena *a; } CopyVisit;

static Node *copy_in(Arena *a, const Node *n);

static void copy_slot(RwVisit *v, Node **slot)
{
    *slot = copy_in(((CopyVisit *)v)->a, *slot);
}

static void copy_list(RwVisit *v, NodeList *l)
{
    if (l->n <= 0) {
        l->n = l->cap = 0;
        l->items = NULL;
        return;
    }
    Node **a = ARENA_NEW_ARRAY(((CopyVisit *)v)->a, Node *, l->n);
    memcpy(a, l->items, sizeof(Node *) * (size_t)l->n);
    l->items = a;
    l->cap = l->n;
    for (int i = 0; i < l->n; i++)
        copy_slot(v, &l->items[i]);
}

static Node *copy_in(Arena *a, const Node *n)
{
    if (!n)
        return NULL;
    size_t size = ast_node_size(n->kind);
    if (!size)
        return (Node *)n;
    Node *c = arena_alloc(a, size);
    memcpy(c, n, size);
    CopyVisit cv = {{copy_slot, copy_list, NULL}, a};
    rw_children(c, &cv.v);
    return c;
}

Node *rw_copy(Rw *w, const Node *n)
{
    return copy_in(w->cx->arena, n);
}

/* ==== text helpers ======================================================== */

const char *rw_upper(Rw *w, const char *s, size_t n)
{
    char *u = arena_strndup(w->cx->arena, s ? s : "", s ? n : 0);
    for (char *c = u; *c; c++)
        *c = (char)toupper((unsigned char)*c);
    return u;
}

const char *rw_lower(Rw *w, const char *s, size_t n)
{
    char *u = arena_strndup(w->cx->arena, s ? s : "", s ? n : 0);
    for (char *c = u; *c; c++)
        *c = (char)tolower((unsigned char)*c);
    return u;
}

const char *rw_ident_text(Rw *w, const Ident *id)
{
    return id->text ? arena_strndup(w->cx->arena, id->text, id->len) : "";
}

const char *rw_qname_text(Rw *w, const QName *q)
{
    return qname_text(w->cx->arena, q);
}

const char *rw_cat(Rw *w, ...)
{
    enum { MAX_PIECES = 16 };
    const char *piece[MAX_PIECES];
    size_t plen[MAX_PIECES], n = 0;
    int k = 0;
    va_list ap;
    va_start(ap, w);
    for (const char *p; (p = va_arg(ap, const char *));) {
        if (k == MAX_PIECES)
            abort(); /* a programming error: more pieces than any caller has */
        piece[k] = p;
        n += plen[k++] = strlen(p);
    }
    va_end(ap);
    char *r = arena_alloc_raw(w->cx->arena, n + 1), *o = r;
    for (int i = 0; i < k; i++) {
        memcpy(o, piece[i], plen[i]);
        o += plen[i];
    }
    *o = 0;
    return r;
}

int rw_streq_ci(const char *a, const char *b)
{
    return a && b && strcasecmp(a, b) == 0;
}

const char *rw_span_text(Rw *w, SrcSpan sp)
{
    const SourceFile *f = w->cx->src;
    if (!f || !f->text || (size_t)sp.off + sp.len > f->len)
        return "";
    return arena_strndup(w->cx->arena, f->text + sp.off, sp.len);
}

/* First line of a span, whitespace collapsed, at most max characters: for
 * messages that name a statement kept verbatim. */
static const char *snippet(Rw *w, SrcSpan sp, size_t max)
{
    /* read in place (rw_span_text would copy the whole statement, a
     * package body kept verbatim too, for its first line) */
    const SourceFile *f = w->cx->src;
    const char *t = "", *end = t;
    if (f && f->text && (size_t)sp.off + sp.len <= f->len) {
        t = f->text + sp.off;
        end = t + sp.len;
    }
    /* at most max characters, a space and "..." */
    char *r = arena_alloc_raw(w->cx->arena, max + 5);
    size_t n = 0;
    int space = 0;
    for (const char *p = t; p < end && *p && *p != '\n' && *p != '\r'; p++) {
        if (*p == ' ' || (*p >= '\t' && *p <= '\r')) { /* isspace of the C locale (never changed) */
            space = n > 0;
            continue;
        }
        if (space)
            r[n++] = ' ';
        space = 0;
        if (n >= max) {
            memcpy(r + n, "...", 3);
            n += 3;
            break;
        }
        r[n++] = *p;
    }
    r[n] = 0;
    return r;
}

int rw_target_pg(const Rw *w) { return w->cx->target == DIALECT_POSTGRES; }
int rw_source(const Rw *w, Dialect d) { return w->cx->source == d; }

/* ==== findings ============================================================ */

static void item_v(Rw *w, const char *code, SrcSpan span, const char *hint, const char *fmt,
                   va_list ap)
{
    diag_addv(w->cx->diags, code, span, w->cx->object, hint, fmt, ap);
}

void rw_item(Rw *w, const char *code, SrcSpan span, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    item_v(w, code, span, NULL, fmt, ap);
    va_end(ap);
}

void rw_itemh(Rw *w, const char *code, SrcSpan span, const char *hint, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    item_v(w, code, span, hint, fmt, ap);
    va_end(ap);
}

int rw_item_once(Rw *w, const char *code, const char *key, SrcSpan span, const char *fmt, ...)
{
    const char *k = key ? rw_cat(w, code, "|", key, NULL) : code;
    for (int i = 0; i < w->once.n; i++)
        if (strcmp(w->once.items[i], k) == 0)
            return 0;
    VEC_PUSH(w->cx->arena, w->once, k);
    va_list ap;
    va_start(ap, fmt);
    item_v(w, code, span, NULL, fmt, ap);
    va_end(ap);
    return 1;
}

void rw_keep_verbatim(Rw *w, const char *code, SrcSpan span, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int i = diag_addv(w->cx->diags, code, span, w->cx->object, NULL, fmt, ap);
    va_end(ap);
    if (!w->raw_code) {
        w->raw_code = code;
        w->raw_reason = arena_strdup(w->cx->arena, w->cx->diags->v.items[i].message);
        w->raw_span = span;
    }
}

void rw_drop_option(Rw *w, const char *what, SrcSpan span)
{
    for (int i = 0; i < w->dropped.n; i++)
        if (strcasecmp(w->dropped.items[i], what) == 0)
            return;
    if (!w->dropped.n)
        w->dropped_span = span;
    VEC_PUSH(w->cx->arena, w->dropped, arena_strdup(w->cx->arena, what));
}

static void flush_dropped(Rw *w)
{
    if (!w->dropped.n)
        return;
    StrBuf b;
    sb_init(&b);
    for (int i = 0; i < w->dropped.n; i++) {
        if (i)
            sb_puts(&b, ", ");
        sb_puts(&b, w->dropped.items[i]);
    }
    rw_item(w, "SS3001", w->dropped_span, "storage options dropped: %s", b.s);
    sb_free(&b);
}

/* ==== builders ============================================================ */

Node *mk_name(Rw *w, SrcSpan sp, const char *text)
{
    NameRef *n = NODE_NEW(w->cx->arena, NameRef, NAME, sp);
    n->h.flags |= NF_SYNTHETIC;
    n->name.n = 1;
    n->name.parts[0] = ident_make(w->cx->arena, text);
    n->name.parts[0].span = sp;
    return &n->h;
}

Node *mk_qname(Rw *w, SrcSpan sp, const QName *q)
{
    NameRef *n = NODE_NEW(w->cx->arena, NameRef, NAME, sp);
    n->h.flags |= NF_SYNTHETIC;
    n->name = *q;
    return &n->h;
}

Literal *mk_lit(Rw *w, SrcSpan sp, int lk, const char *value)
{
    Literal *l = NODE_NEW(w->cx->arena, Literal, LITERAL, sp);
    l->h.flags |= NF_SYNTHETIC;
    l->lk = lk;
    l->value = arena_strdup(w->cx->arena, value);
    l->len = (uint32_t)strlen(value);
    return l;
}

Node *mk_str(Rw *w, SrcSpan sp, const char *s) { return &mk_lit(w, sp, LIT_STRING, s)->h; }

Node *mk_str_arena(Rw *w, SrcSpan sp, const char *s, size_t len)
{
    Literal *l = NODE_NEW(w->cx->arena, Literal, LITERAL, sp);
    l->h.flags |= NF_SYNTHETIC;
    l->lk = LIT_STRING;
    l->value = s;
    l->len = (uint32_t)len;
    return &l->h;
}

Node *mk_int(Rw *w, SrcSpan sp, long v)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%ld", v);
    if (v < 0) /* a negative number is an operator applied to a literal */
        return mk_unary(w, sp, U_NEG, &mk_lit(w, sp, LIT_INTEGER, buf + 1)->h);
    return &mk_lit(w, sp, LIT_INTEGER, buf)->h;
}

Node *mk_null(Rw *w, SrcSpan sp) { return &mk_lit(w, sp, LIT_NULL, "NULL")->h; }

Node *mk_bool(Rw *w, SrcSpan sp, int v)
{
    return &mk_lit(w, sp, v ? LIT_TRUE : LIT_FALSE, v ? "TRUE" : "FALSE")->h;
}

Node *mk_paren(Node *e)
{
    if (e && (e->kind == N_BINARY || e->kind == N_UNARY || e->kind == N_BETWEEN ||
              e->kind == N_LIKE || e->kind == N_IN || e->kind == N_IS ||
              e->kind == N_COLLATE || e->kind == N_QUANTIFIED))
        e->flags |= NF_PARENS;
    return e;
}

Node *mk_bin(Rw *w, SrcSpan sp, int op, Node *l, Node *r)
{
    BinaryExpr *b = NODE_NEW(w->cx->arena, BinaryExpr, BINARY, sp);
    b->h.flags |= NF_SYNTHETIC;
    b->op = op;
    b->l = l;
    b->r = r;
    return &b->h;
}

Node *mk_unary(Rw *w, SrcSpan sp, int op, Node *a)
{
    UnaryExpr *u = NODE_NEW(w->cx->arena, UnaryExpr, UNARY, sp);
    u->h.flags |= NF_SYNTHETIC;
    u->op = op;
    u->arg = a;
    return &u->h;
}

FuncCall *mk_call(Rw *w, SrcSpan sp, const char *name, int nargs, ...)
{
    FuncCall *f = NODE_NEW(w->cx->arena, FuncCall, FUNC, sp);
    f->h.flags |= NF_SYNTHETIC;
    f->name.n = 1;
    f->name.parts[0] = ident_make(w->cx->arena, name);
    f->name.parts[0].span = sp;
    f->upper = rw_upper(w, name, strlen(name));
    va_list ap;
    va_start(ap, nargs);
    for (int i = 0; i < nargs; i++)
        nl_push(w->cx->arena, &f->args, va_arg(ap, Node *));
    va_end(ap);
    return f;
}

Node *mk_is_null(Rw *w, SrcSpan sp, Node *e, int negated)
{
    IsExpr *i = NODE_NEW(w->cx->arena, IsExpr, IS, sp);
    i->h.flags |= NF_SYNTHETIC | (negated ? NF_NOT : 0);
    i->what = IS_NULL;
    i->expr = e;
    return &i->h;
}

CaseExpr *mk_case(Rw *w, SrcSpan sp, Node *operand)
{
    CaseExpr *c = NODE_NEW(w->cx->arena, CaseExpr, CASE, sp);
    c->h.flags |= NF_SYNTHETIC;
    c->operand = operand;
    return c;
}

void mk_when(Rw *w, CaseExpr *c, Node *cond, Node *result)
{
    WhenClause *wc = NODE_NEW(w->cx->arena, WhenClause, WHEN, c->h.span);
    wc->h.flags |= NF_SYNTHETIC;
    wc->cond = cond;
    wc->result = result;
    nl_push(w->cx->arena, &c->whens, wc);
}

TypeName *mk_type(Rw *w, SrcSpan sp, const char *target_text)
{
    TypeName *t = NODE_NEW(w->cx->arena, TypeName, TYPE, sp);
    t->h.flags |= NF_SYNTHETIC;
    t->name.n = 1;
    t->name.parts[0] = ident_make(w->cx->arena, target_text);
    t->upper = rw_upper(w, target_text, strlen(target_text));
    t->target_text = arena_strdup(w->cx->arena, target_text);
    t->srid = -1;
    return t;
}

Node *mk_cast(Rw *w, SrcSpan sp, Node *e, const char *target_type)
{
    CastExpr *c = NODE_NEW(w->cx->arena, CastExpr, CAST, sp);
    c->h.flags |= NF_SYNTHETIC;
    c->syntax = CAST_CAST;
    c->expr = e;
    c->type = mk_type(w, sp, target_type);
    return &c->h;
}

Node *mk_interval(Rw *w, SrcSpan sp, const char *text)
{
    CastExpr *c = NODE_NEW(w->cx->arena, CastExpr, CAST, sp);
    c->h.flags |= NF_SYNTHETIC;
    c->syntax = CAST_TYPED_LITERAL;
    c->expr = mk_str(w, sp, text);
    c->type = mk_type(w, sp, "interval");
    return &c->h;
}

/* ==== literals ============================================================ */

int rw_int_literal(const Node *e, long *out)
{
    int neg = 0;
    if (e && e->kind == N_UNARY && ((const UnaryExpr *)e)->op == U_NEG) {
        neg = 1;
        e = ((const UnaryExpr *)e)->arg;
    }
    if (!e || e->kind != N_LITERAL || ((const Literal *)e)->lk != LIT_INTEGER)
        return 0;
    const Literal *l = (const Literal *)e;
    char *end;
    long v = strtol(l->value, &end, 10);
    if (end == l->value)
        return 0;
    if (out)
        *out = neg ? -v : v;
    return 1;
}

int rw_is_string_literal(const Node *e)
{
    return e && e->kind == N_LITERAL &&
           (((const Literal *)e)->lk == LIT_STRING || ((const Literal *)e)->lk == LIT_NSTRING);
}

/* ==== scopes ============================================================== */

static void scope_add(Rw *w, Scope *s, Node *item)
{
    if (!item)
        return;
    ScopeItem si;
    memset(&si, 0, sizeof si);
    switch (item->kind) {
    case N_TABLE_REF: {
        TableRef *t = (TableRef *)item;
        si.name = &t->name;
        si.alias = t->alias.text ? t->alias : t->name.parts[t->name.n > 0 ? t->name.n - 1 : 0];
        if (t->name.n == 1) {
            for (CteScope *c = w->ctes; c && !si.query; c = c->parent)
                for (int i = 0; i < c->ctes->n; i++) {
                    CteDef *d = (CteDef *)c->ctes->items[i];
                    if (d->h.kind == N_CTE && d->name.text && d->name.len == t->name.parts[0].len &&
                        strncasecmp(d->name.text, t->name.parts[0].text, d->name.len) == 0) {
                        si.query = d->query;
                        break;
                    }
                }
        }
        if (!si.query && t->name.n > 0)
            si.table = rw_find_table(w, &t->name);
        break;
    }
    case N_DERIVED: {
        DerivedTable *d = (DerivedTable *)item;
        si.alias = d->alias;
        si.query = d->query;
        break;
    }
    case N_TABLE_FUNC:
        si.alias = ((TableFunc *)item)->alias;
        si.table = ((TableFunc *)item)->row_table;
        break;
    case N_JOIN:
        scope_add(w, s, ((JoinExpr *)item)->l);
        scope_add(w, s, ((JoinExpr *)item)->r);
        return;
    default:
        return;
    }
    VEC_PUSH(w->cx->arena, s->items, si);
}

void rw_scope_push(Rw *w, const NodeList *from, Node *single)
{
    Scope *s = ARENA_NEW(w->cx->arena, Scope);
    s->parent = w->scope;
    if (single)
        scope_add(w, s, single);
    if (from)
        for (int i = 0; i < from->n; i++)
            scope_add(w, s, from->items[i]);
    w->scope = s;
}

void rw_scope_pop(Rw *w)
{
    if (w->scope)
        w->scope = w->scope->parent;
}

/* A scope holding one catalogue table under its own name (CREATE TABLE,
 * CREATE INDEX, ALTER TABLE: columns are named bare or by the table). */
static CatTable *scope_push_table(Rw *w, const QName *name)
{
    Scope *s = ARENA_NEW(w->cx->arena, Scope);
    s->parent = w->scope;
    CatTable *t = NULL;
    if (name && name->n > 0) {
        ScopeItem si;
        memset(&si, 0, sizeof si);
        si.name = name;
        si.alias = name->parts[name->n - 1];
        si.table = t = rw_find_table(w, name);
        /* room for this one item only (VEC_PUSH would make four): every
         * INSERT of a data script pushes such a scope */
        s->items.items = ARENA_NEW(w->cx->arena, ScopeItem);
        s->items.items[0] = si;
        s->items.n = s->items.cap = 1;
    }
    w->scope = s;
    return t;
}

CatTable *rw_insert_table(Rw *w, const Node *insert)
{
    const InsertStmt *ins = (const InsertStmt *)insert;
    if (w->insert_of == insert && ins->table.n > 0 &&
        (!w->cx->catalog || w->cx->catalog->gen == w->insert_gen))
        return w->insert_table;
    return rw_find_table(w, &ins->table);
}

CatTable *rw_find_table(Rw *w, const QName *q)
{
    if (!w->cx->catalog || !q || q->n == 0)
        return NULL;
    return cat_find(w->cx->catalog, q);
}

static int ident_match(const Ident *a, const Ident *b)
{
    return a->text && b->text && a->len == b->len && strncasecmp(a->text, b->text, a->len) == 0;
}

/* The body SELECT of a query (left-most branch of set operations). */
static SelectStmt *query_select(Node *q)
{
    for (int guard = 0; q && guard < 64; guard++) {
        if (q->kind == N_SELECT)
            return (SelectStmt *)q;
        if (q->kind == N_WITH)
            q = ((WithStmt *)q)->body;
        else if (q->kind == N_SETOP)
            q = ((SetOpStmt *)q)->l;
        else
            return NULL;
    }
    return NULL;
}

/* Class of the select-list entry named `col` (or entry `index` when col is
 * NULL) of a query, evaluated in that query's own scope. */
static int target_class(Rw *w, Node *query, const Ident *col, int index, int *found)
{
    SelectStmt *s = query_select(query);
    *found = 0;
    if (!s || w->target_depth > 16)
        return CLS_UNKNOWN;
    for (int i = 0; i < s->targets.n; i++) {
        TargetItem *t = (TargetItem *)s->targets.items[i];
        if (t->h.kind != N_TARGET || !t->expr)
            continue;
        int hit;
        if (col) {
            const Ident *name = t->alias.text ? &t->alias : NULL;
            if (!name && t->expr->kind == N_NAME) {
                const QName *q = &((NameRef *)t->expr)->name;
                name = &q->parts[q->n - 1];
            }
            hit = name && ident_match(name, col);
        } else {
            hit = i == index;
        }
        if (!hit)
            continue;
        *found = 1;
        Scope *saved = w->scope;
        w->target_depth++;
        rw_scope_push(w, &s->from, NULL);
        int c = rw_expr_class(w, t->expr);
        w->scope = saved;
        w->target_depth--;
        return c;
    }
    return CLS_UNKNOWN;
}

static int column_class(Rw *w, const CatColumn *c)
{
    if (c->is_string)
        return CLS_STRING;
    if (rw_column_is_bool(w, c))
        return CLS_BOOL;
    if (c->is_numeric)
        return CLS_NUMERIC;
    if (c->is_datetime)
        return CLS_DATETIME;
    return rw_class_of_type(c->type_upper);
}

const CatColumn *rw_resolve_column(Rw *w, const NameRef *n, int *cls_out)
{
    int dummy;
    if (!cls_out)
        cls_out = &dummy;
    *cls_out = CLS_UNKNOWN;
    const QName *q = &n->name;
    if (q->n < 1)
        return NULL;
    const Ident *col = &q->parts[q->n - 1];
    const Ident *qual = q->n >= 2 ? &q->parts[q->n - 2] : NULL;
    for (Scope *s = w->scope; s; s = s->parent) {
        int qual_seen = 0;
        for (int i = 0; i < s->items.n; i++) {
            ScopeItem *si = &s->items.items[i];
            if (qual) {
                int hit = ident_match(&si->alias, qual);
                if (!hit && si->name && si->name->n > 0)
                    hit = ident_match(&si->name->parts[si->name->n - 1], qual);
                if (!hit)
                    continue;
                qual_seen = 1;
            }
            if (si->table) {
                const CatColumn *c = cat_column(si->table, col->text, col->len);
                if (c) {
                    *cls_out = column_class(w, c);
                    return c;
                }
            } else if (si->query) {
                int found;
                int cls = target_class(w, si->query, col, 0, &found);
                if (found) {
                    *cls_out = cls;
                    return NULL;
                }
            }
            if (qual)
                return NULL;
        }
        if (qual_seen)
            return NULL;
    }
    return NULL;
}

/* ==== expression classes =================================================== */

int rw_class_of_type(const char *u)
{
    if (!u || !*u)
        return CLS_UNKNOWN;
    if (!strncasecmp(u, "BOOL", 4))
        return CLS_BOOL;
    CatColumn c;
    memset(&c, 0, sizeof c);
    /* target spellings made by the rewrite come in lower case, with arguments */
    char buf[64];
    size_t i = 0;
    for (; u[i] && u[i] != '(' && i + 1 < sizeof buf; i++)
        buf[i] = (char)toupper((unsigned char)u[i]);
    while (i > 0 && buf[i - 1] == ' ')
        i--;
    buf[i] = 0;
    cat_classify_type(buf, &c);
    if (c.is_string)
        return CLS_STRING;
    if (c.is_numeric)
        return CLS_NUMERIC;
    if (c.is_datetime)
        return CLS_DATETIME;
    static const char *const bin[] = {"VARBINARY", "BINARY", "BYTEA", "BLOB", "RAW", "LONG RAW",
                                      "IMAGE", "LONGBLOB", "MEDIUMBLOB", "TINYBLOB", NULL};
    for (int k = 0; bin[k]; k++)
        if (!strcmp(buf, bin[k]))
            return CLS_BINARY;
    return CLS_UNKNOWN;
}

static int in_list(const char *u, const char *const *list)
{
    /* (the first letter first: most names are in no list) */
    for (int i = 0; list[i]; i++)
        if (list[i][0] == u[0] && !strcmp(u, list[i]))
            return 1;
    return 0;
}

static int func_class(Rw *w, const FuncCall *f)
{
    static const char *const str[] = {
        "SUBSTRING", "SUBSTR", "LEFT", "RIGHT", "LTRIM", "RTRIM", "TRIM", "BTRIM", "UPPER",
        "LOWER", "REPLACE", "STUFF", "REPLICATE", "REPEAT", "SPACE", "CHAR", "NCHAR", "CHR",
        "CONCAT", "CONCAT_WS", "QUOTENAME", "FORMAT", "STR", "REVERSE", "DATENAME", "TO_CHAR",
        "LPAD", "RPAD", "INITCAP", "TRANSLATE", "STRING_AGG", "GROUP_CONCAT", "LISTAGG",
        "SOUNDEX", "DB_NAME", "USER_NAME", "SUSER_SNAME", "SUSER_NAME", "HOST_NAME",
        "APP_NAME", "OBJECT_NAME", "SCHEMA_NAME", "STRING_ESCAPE", "MD5", "TO_HEX", "HEX",
        "DATE_FORMAT", "MONTHNAME", "DAYNAME", "SPLIT_PART", "REGEXP_REPLACE",
        "REGEXP_SUBSTR", "NVARCHAR", "CURRENT_USER", "SESSION_USER", "SYSTEM_USER", "USER",
        "LCASE", "UCASE", "MID", "ELT", "INSERT", "OVERLAY", "QUOTE_IDENT", "QUOTE_LITERAL",
        NULL};
    static const char *const num[] = {
        "LEN", "LENGTH", "CHAR_LENGTH", "CHARACTER_LENGTH", "DATALENGTH", "OCTET_LENGTH",
        "CHARINDEX", "STRPOS", "INSTR", "POSITION", "LOCATE", "PATINDEX", "DATEDIFF",
        "DATEDIFF_BIG", "DATEPART", "DATE_PART", "EXTRACT", "YEAR", "MONTH", "DAY", "ABS",
        "ROUND", "FLOOR", "CEILING", "CEIL", "COUNT", "COUNT_BIG", "SUM", "AVG", "POWER",
        "POW", "SQRT", "SIGN", "ROW_NUMBER", "RANK", "DENSE_RANK", "NTILE", "ASCII",
        "UNICODE", "MOD", "TO_NUMBER", "EXP", "LOG", "LOG10", "LN", "PI", "RAND", "RANDOM",
        "STDEV", "STDDEV", "VAR", "VARIANCE", "DAYOFWEEK", "DAYOFMONTH", "DAYOFYEAR", "WEEK",
        "HOUR", "MINUTE", "SECOND", "QUARTER", "TIMESTAMPDIFF", "MONTHS_BETWEEN", "ISNUMERIC",
        "SCOPE_IDENTITY", "IDENT_CURRENT", "NEXTVAL", "CURRVAL", "BIT_LENGTH", NULL};
    static const char *const dt[] = {
        "GETDATE", "GETUTCDATE", "SYSDATETIME", "SYSUTCDATETIME", "SYSDATETIMEOFFSET",
        "SYSDATE", "SYSTIMESTAMP", "CURRENT_TIMESTAMP", "CURRENT_DATE", "LOCALTIMESTAMP",
        "NOW", "DATEADD", "DATE_ADD", "DATE_SUB", "ADDDATE", "SUBDATE", "TO_DATE",
        "TO_TIMESTAMP", "EOMONTH", "DATEFROMPARTS", "DATETIMEFROMPARTS", "ADD_MONTHS",
        "LAST_DAY", "STR_TO_DATE", "CURDATE", "CURTIME", "UTC_TIMESTAMP", "DATE_TRUNC",
        "MAKE_DATE", "MAKE_TIMESTAMP", "FROM_UNIXTIME", "SWITCHOFFSET", "TODATETIMEOFFSET",
        "NEXT_DAY", "LOCALTIME", "CLOCK_TIMESTAMP", "STATEMENT_TIMESTAMP", NULL};
    const char *u = f->upper ? f->upper : "";
    if (in_list(u, str))
        return CLS_STRING;
    if (in_list(u, num))
        return CLS_NUMERIC;
    if (in_list(u, dt))
        return CLS_DATETIME;
    /* the class of the arguments: first known wins */
    static const char *const pass[] = {"ISNULL", "COALESCE", "NVL", "IFNULL", "NULLIF", "MIN",
                                       "MAX", "GREATEST", "LEAST", "FIRST_VALUE",
                                       "LAST_VALUE", "LAG", "LEAD", "ANY_VALUE", NULL};
    if (in_list(u, pass)) {
        for (int i = 0; i < f->args.n; i++) {
            int c = rw_expr_class(w, f->args.items[i]);
            if (c != CLS_UNKNOWN)
                return c;
        }
        return CLS_UNKNOWN;
    }
    if ((!strcmp(u, "IIF") || !strcmp(u, "IF")) && f->args.n == 3) {
        int c = rw_expr_class(w, f->args.items[1]);
        return c != CLS_UNKNOWN ? c : rw_expr_class(w, f->args.items[2]);
    }
    if (!strcmp(u, "DECODE") && f->args.n >= 3)
        return rw_expr_class(w, f->args.items[2]);
    return CLS_UNKNOWN;
}

static int expr_class(Rw *w, const Node *e);

int rw_expr_class(Rw *w, const Node *e)
{
    /* long operator chains: past this depth the class is not worth knowing */
    if (!e || w->class_depth > 64)
        return CLS_UNKNOWN;
    w->class_depth++;
    int c = expr_class(w, e);
    w->class_depth--;
    return c;
}

static int expr_class(Rw *w, const Node *e)
{
    if (!e)
        return CLS_UNKNOWN;
    switch (e->kind) {
    case N_LITERAL:
        switch (((const Literal *)e)->lk) {
        case LIT_STRING: case LIT_NSTRING: return CLS_STRING;
        case LIT_INTEGER: case LIT_DECIMAL: case LIT_MONEY: return CLS_NUMERIC;
        case LIT_TRUE: case LIT_FALSE: return CLS_BOOL;
        case LIT_HEX: case LIT_XSTRING: case LIT_BSTRING: return CLS_BINARY;
        default: return CLS_UNKNOWN;
        }
    case N_NAME: {
        int cls;
        rw_resolve_column(w, (const NameRef *)e, &cls);
        return cls;
    }
    case N_VAR:
        return w->pl ? xf_var_class(w, (const VarRef *)e) : CLS_UNKNOWN;
    case N_CAST: {
        const CastExpr *c = (const CastExpr *)e;
        if (!c->type)
            return CLS_UNKNOWN;
        if (c->type->target_text) {
            int k = rw_class_of_type(c->type->target_text);
            if (k != CLS_UNKNOWN)
                return k;
        }
        if (c->syntax == CAST_TYPED_LITERAL && rw_streq_ci(c->type->upper, "INTERVAL"))
            return CLS_OTHER;
        return rw_class_of_type(c->type->upper);
    }
    case N_FUNC:
        return func_class(w, (const FuncCall *)e);
    case N_BINARY: {
        const BinaryExpr *b = (const BinaryExpr *)e;
        switch (b->op) {
        case B_CONCAT:
            return CLS_STRING;
        case B_ADD: case B_SUB: case B_MUL: case B_DIV: case B_MOD: case B_INTDIV: {
            int l = rw_expr_class(w, b->l), r = rw_expr_class(w, b->r);
            if (b->op == B_ADD && w->cx->source == DIALECT_TSQL &&
                (l == CLS_STRING || r == CLS_STRING) && l != CLS_NUMERIC && r != CLS_NUMERIC)
                return CLS_STRING;
            if ((b->op == B_ADD || b->op == B_SUB) && (l == CLS_DATETIME || r == CLS_DATETIME))
                return (l == CLS_DATETIME && r == CLS_DATETIME) ? CLS_NUMERIC : CLS_DATETIME;
            if (l == CLS_NUMERIC && r == CLS_NUMERIC)
                return CLS_NUMERIC;
            if (l == CLS_NUMERIC || r == CLS_NUMERIC)
                return (l == CLS_UNKNOWN || r == CLS_UNKNOWN) ? CLS_NUMERIC : CLS_UNKNOWN;
            return CLS_UNKNOWN;
        }
        case B_BITAND: case B_BITOR: case B_BITXOR: case B_SHL: case B_SHR:
            return CLS_NUMERIC;
        case B_JSON_GET: case B_JSON_GETTEXT:
            return CLS_UNKNOWN;
        default:
            return CLS_BOOL;
        }
    }
    case N_UNARY: {
        const UnaryExpr *u = (const UnaryExpr *)e;
        if (u->op == U_NOT)
            return CLS_BOOL;
        if (u->op == U_NEG || u->op == U_PLUS || u->op == U_BITNOT)
            return CLS_NUMERIC;
        return rw_expr_class(w, u->arg);
    }
    case N_CASE: {
        const CaseExpr *c = (const CaseExpr *)e;
        for (int i = 0; i < c->whens.n; i++) {
            const WhenClause *wc = (const WhenClause *)c->whens.items[i];
            int k = rw_expr_class(w, wc->result);
            if (k != CLS_UNKNOWN)
                return k;
        }
        return rw_expr_class(w, c->else_);
    }
    case N_SUBQUERY: {
        int found;
        return target_class(w, ((const SubqueryExpr *)e)->query, NULL, 0, &found);
    }
    case N_COLLATE:
        return CLS_STRING;
    case N_IN: case N_LIKE: case N_BETWEEN: case N_IS: case N_EXISTS: case N_QUANTIFIED:
        return CLS_BOOL;
    case N_INTERVAL:
        return CLS_OTHER;
    default:
        return CLS_UNKNOWN;
    }
}

int rw_type_is_bool(Rw *w, const TypeName *t)
{
    if (!t || w->cx->target != DIALECT_POSTGRES || !w->cx->rules)
        return 0;
    if (t->target_text)
        return !strncasecmp(t->target_text, "bool", 4);
    if (!t->upper)
        return 0;
    /* asked for every column of a table on every INSERT into it: the rules
     * do not change during a run, so their answer is kept in the type */
    if (t->bool_memo)
        return t->bool_memo == 2;
    int nargs = t->args.n + (t->is_max ? 1 : 0);
    long prec = -1, scale = 0;
    if (t->args.n > 0)
        rw_int_literal(t->args.items[0], &prec);
    if (t->args.n > 1)
        rw_int_literal(t->args.items[1], &scale);
    const TypeRule *r = rules_find_type(w->cx->rules, t->upper, nargs, t->is_max, (int)prec,
                                        (int)scale, t->is_unsigned);
    if (r) {
        int yes = r->to && !strncasecmp(r->to, "bool", 4);
        ((TypeName *)t)->bool_memo = yes ? 2 : 1;
        return yes;
    }
    /* a user alias type (a domain): its base decides */
    CatTable *ut = w->cx->catalog ? cat_find_kind(w->cx->catalog, &t->name, OK_TYPE) : NULL;
    if (ut && ut->alias_of && ut->alias_of != t)
        return rw_type_is_bool(w, ut->alias_of);
    return 0;
}

int rw_column_is_bool(Rw *w, const CatColumn *c)
{
    return c && rw_type_is_bool(w, c->type);
}

/* ==== the walk =============================================================== */

/* 1 if rw_walk would do nothing with n (a leaf without transforms, not
 * too deep): asked before the call, which costs more than the question for
 * the literals of a data script. */
static inline int walk_passes(const Rw *w, const Node *n)
{
    return n && w->chains && n->kind < N__COUNT && w->chains->skip[n->kind] && w->depth < RW_MAX_DEPTH;
}

void rw_walk_list(Rw *w, NodeList *l)
{
    /* walk_passes with what does not change along the list asked once:
     * the rows of a data script are long lists of literals */
    const unsigned char *skip = w->chains && w->depth < RW_MAX_DEPTH ? w->chains->skip : NULL;
    for (int i = 0; i < l->n; i++) {
        const Node *it = l->items[i];
        if (it && (!skip || (unsigned)it->kind >= N__COUNT || !skip[it->kind]))
            rw_walk(w, &l->items[i]);
    }
}

/* Every child of n, in ast_children's order, with direct calls (the
 * visitor's two indirect calls per child showed in profiles: the walk
 * reaches every node of every statement). */
static void walk_children(Rw *w, Node *n)
{
#define SLOT(x)                                                                     \
    do {                                                                            \
        Node *t_ = (Node *)(x);                                                     \
        if (t_ && !walk_passes(w, t_)) {                                            \
            rw_walk(w, &t_);                                                        \
            (x) = (void *)t_;                                                       \
        }                                                                           \
    } while (0)
#define LIST(x) rw_walk_list(w, &(x))
    switch (n->kind) {
#include "ast/ast_children.def"
    default: /* leaves */
        break;
    }
#undef SLOT
#undef LIST
}

/* Walks a child with a given place (defaults, checks, computed columns ...). */
static void walk_at(Rw *w, Node **slot, int place)
{
    int saved = w->place;
    w->place = place;
    rw_walk(w, slot);
    w->place = saved;
}

#define WALK(x)                                                                     \
    do {                                                                            \
        Node *t_ = (Node *)(x);                                                     \
        if (t_) {                                                                   \
            rw_walk(w, &t_);                                                        \
            (x) = (void *)t_;                                                       \
        }                                                                           \
    } while (0)
#define WALK_AT(x, place)                                                           \
    do {                                                                            \
        Node *t_ = (Node *)(x);                                                     \
        if (t_) {                                                                   \
            walk_at(w, &t_, (place));                                               \
            (x) = (void *)t_;                                                       \
        }                                                                           \
    } while (0)

static void walk_column(Rw *w, ColumnDef *c)
{
    ColumnDef *saved = w->column;
    w->column = c;
    WALK(c->type);
    int calls = w->kept_calls;
    WALK_AT(c->computed, RP_COMPUTED);
    if (c->computed && w->kept_calls > calls) {
        /* the expression calls what the target will not have: xf_column
         * makes the column a plain one (the table must still be created) */
        c->h.flags |= NF_SYNTHETIC;
    }
    WALK_AT(c->default_, RP_DEFAULT);
    WALK_AT(c->on_update, RP_DEFAULT);
    for (int i = 0; i < c->constraints.n; i++)
        walk_at(w, &c->constraints.items[i], RP_CHECK);
    w->column = saved;
}

void rw_walk(Rw *w, Node **slot)
{
    Node *n = *slot;
    if (!n || w->raw_code)
        return;
    if (w->depth >= RW_MAX_DEPTH) {
        rw_keep_verbatim(w, "SS0012", n->span, "expression nested more than %d levels deep: statement kept "
                         "verbatim", RW_MAX_DEPTH);
        return;
    }
    if (walk_passes(w, n))
        return;
    w->depth++;
    if (has_transforms(w, n, PRE))
        n = run_transforms(w, n, PRE);
    *slot = n;
    if (!n || w->raw_code) {
        w->depth--;
        return;
    }
    switch (n->kind) {
    case N_RAW: case N_SCRIPT_CMD: case N_SESSION: case N_ROUTINE: case N_OTHER_STMT:
        break; /* kept whole */
    case N_SELECT: {
        SelectStmt *s = (SelectStmt *)n;
        Scope *saved = w->scope;
        rw_scope_push(w, &s->from, NULL);
        walk_children(w, n);
        w->scope = saved;
        break;
    }
    case N_UPDATE: case N_DELETE: {
        Scope *saved = w->scope;
        if (n->kind == N_UPDATE)
            rw_scope_push(w, &((UpdateStmt *)n)->from, ((UpdateStmt *)n)->table);
        else
            rw_scope_push(w, &((DeleteStmt *)n)->from, ((DeleteStmt *)n)->table);
        walk_children(w, n);
        w->scope = saved;
        break;
    }
    case N_INSERT: {
        Scope *saved = w->scope;
        w->insert_table = scope_push_table(w, &((InsertStmt *)n)->table);
        w->insert_of = n;
        w->insert_gen = w->cx->catalog ? w->cx->catalog->gen : 0;
        /* the source query has its own scope; the table's scope serves
         * ON DUPLICATE KEY UPDATE assignments */
        walk_children(w, n);
        w->scope = saved;
        break;
    }
    case N_WITH: {
        CteScope cs = {w->ctes, &((WithStmt *)n)->ctes};
        w->ctes = &cs;
        walk_children(w, n);
        w->ctes = cs.parent;
        break;
    }
    case N_EXISTS:
        w->in_exists++;
        walk_children(w, n);
        w->in_exists--;
        break;
    case N_CREATE_TABLE: {
        CreateTable *t = (CreateTable *)n;
        CreateTable *saved_t = w->table;
        const QName *saved_n = w->table_name;
        Scope *saved = w->scope;
        w->table = t;
        w->table_name = &t->name;
        scope_push_table(w, &t->name);
        walk_children(w, n);
        w->scope = saved;
        w->table = saved_t;
        w->table_name = saved_n;
        break;
    }
    case N_ALTER_TABLE: {
        AlterTable *a = (AlterTable *)n;
        const QName *saved_n = w->table_name;
        Scope *saved = w->scope;
        w->table_name = &a->name;
        scope_push_table(w, &a->name);
        walk_children(w, n);
        w->scope = saved;
        w->table_name = saved_n;
        break;
    }
    case N_CREATE_INDEX: {
        CreateIndex *ix = (CreateIndex *)n;
        const QName *saved_n = w->table_name;
        Scope *saved = w->scope;
        if (ix->table.n > 0) {
            w->table_name = &ix->table;
            scope_push_table(w, &ix->table);
        }
        for (int i = 0; i < ix->cols.n; i++)
            walk_at(w, &ix->cols.items[i], RP_INDEX);
        WALK_AT(ix->where, RP_INDEX);
        w->scope = saved;
        w->table_name = saved_n;
        break;
    }
    case N_COLUMN_DEF:
        walk_column(w, (ColumnDef *)n);
        break;
    case N_CONSTRAINT: {
        Constraint *c = (Constraint *)n;
        WALK_AT(c->expr, c->ck == CK_CHECK ? RP_CHECK : c->ck == CK_DEFAULT ? RP_DEFAULT : w->place);
        break;
    }
    /* a data script's rows: their one list, without the visitor's calls
     * (what ast_children does for these kinds) */
    case N_VALUES:
        rw_walk_list(w, &((ValuesList *)n)->rows);
        break;
    case N_ROW:
        rw_walk_list(w, &((RowExpr *)n)->items);
        break;
    default:
        walk_children(w, n);
        break;
    }
    if (!w->raw_code && has_transforms(w, n, POST)) {
        n = run_transforms(w, n, POST);
        *slot = n;
    }
    w->depth--;
}

/* ==== statements kept whole =============================================== */

static const char *obj_name(Rw *w, const QName *q)
{
    return q->n ? rw_qname_text(w, q) : "(unnamed)";
}

static void routine_items(Rw *w, RoutineStmt *r)
{
    const char *name = obj_name(w, &r->name);
    SrcSpan sp = r->h.span;
    if (r->fail_msg && r->fail_span.len) {
        /* T-SQL: where the body stopped parsing, and why */
        SrcSpan at = r->fail_span;
        at.len = 40;
        if (at.off + at.len > w->cx->src->len)
            at.len = (uint32_t)(w->cx->src->len - at.off);
        rw_item(w, "SS4100", r->fail_span, "%s not converted from here: %s (at: %s)", name, r->fail_msg,
                snippet(w, at, 40));
        const char *what = r->rkind == RK_PROCEDURE ? "procedure" : r->rkind == RK_FUNCTION ? "function" : "trigger";
        if (r->rkind != RK_TRIGGER || r->on_table.n)
            rw_item(w, r->rkind == RK_PROCEDURE ? "SS4001" : r->rkind == RK_FUNCTION ? "SS4002" : "SS4003", sp,
                    "%s %s kept verbatim: its code uses a construct that is not converted (SS4100 gives where)",
                    what, name);
        else
            rw_item(w, "SS3025", sp, "DDL/database trigger %s kept verbatim: PostgreSQL uses event triggers, written differently", name);
        return;
    }
    if (r->def == NULL && w->cx->source == DIALECT_TSQL && w->cx->target != DIALECT_POSTGRES &&
        r->rkind <= RK_TRIGGER && (r->rkind != RK_TRIGGER || r->on_table.n)) {
        rw_item(w, r->rkind == RK_PROCEDURE ? "SS4001" : r->rkind == RK_FUNCTION ? "SS4002" : "SS4003", sp,
                "%s kept verbatim: its body could not be converted", name);
        return;
    }
    if (r->rkind == RK_TRIGGER && !r->on_table.n && w->cx->target == DIALECT_MYSQL) {
        rw_item(w, "SS3025", sp, "DDL/database trigger %s kept verbatim: MySQL has no DDL or logon triggers", name);
        return;
    }
    switch (r->rkind) {
    case RK_PROCEDURE:
        rw_item(w, "SS4001", sp, "procedure %s kept verbatim: stored code is converted by a later release", name);
        break;
    case RK_FUNCTION:
        rw_item(w, "SS4002", sp, "function %s kept verbatim: stored code is converted by a later release", name);
        break;
    case RK_TRIGGER:
        if (r->on_table.n == 0)
            rw_item(w, "SS3025", sp, "DDL/database trigger %s kept verbatim: PostgreSQL uses event triggers, written differently", name);
        else
            rw_item(w, "SS4003", sp, "trigger %s on %s kept verbatim: stored code is converted by a later release",
                    name, rw_qname_text(w, &r->on_table));
        break;
    case RK_PACKAGE:
        rw_item(w, "SS4004", sp, "package %s kept verbatim: packages become schemas with functions in a later release", name);
        break;
    case RK_PACKAGE_BODY:
        rw_item(w, "SS4004", sp, "package body %s kept verbatim: packages become schemas with functions in a later release", name);
        break;
    case RK_TYPE_BODY:
        rw_item(w, "SS4005", sp, "type body %s kept verbatim: object type methods have no PostgreSQL equivalent", name);
        break;
    case RK_EVENT:
        rw_item(w, "SS4007", sp, "event %s kept verbatim: schedule the job with pg_cron or an external scheduler", name);
        break;
    default:
        rw_item(w, "SS4006", sp, "procedural code at script level kept verbatim: %s", snippet(w, sp, 60));
        break;
    }
}

static void session_items(Rw *w, SessionStmt *s)
{
    SrcSpan sp = s->h.span;
    switch (s->what) {
    case SS_USE:
        rw_item(w, "SS7002", sp, "USE %s dropped: connect to the target database instead",
                s->name.text ? rw_ident_text(w, &s->name) : "");
        break;
    case SS_TRANSACTION:
        rw_item(w, "SS7009", sp, "transaction control kept as a comment: %s", snippet(w, sp, 60));
        break;
    default:
        rw_item(w, "SS7001", sp, "session setting dropped: %s", snippet(w, sp, 60));
        break;
    }
}

static int starts_word(const char *t, const char *w)
{
    size_t n = strlen(w);
    return strncasecmp(t, w, n) == 0 && (t[n] == 0 || isspace((unsigned char)t[n]) || t[n] == ';');
}

static void script_items(Rw *w, ScriptCmd *c)
{
    SrcSpan sp = c->h.span;
    const char *t = rw_span_text(w, sp);
    while (isspace((unsigned char)*t))
        t++;
    switch (c->cmd) {
    case SC_SQLCMD:
        if (starts_word(t, ":r"))
            rw_item(w, "SS7004", sp, "sqlcmd include not followed: %s (convert that file too)", snippet(w, sp, 60));
        else
            rw_item(w, "SS7003", sp, "sqlcmd directive dropped: %s", snippet(w, sp, 60));
        break;
    case SC_SQLPLUS:
        /* REM lines are comments and '/' runs the previous statement: no item */
        if (t[0] == '/' || starts_word(t, "REM") || starts_word(t, "REMARK") || !strncmp(t, "--", 2))
            break;
        if (t[0] == '@')
            rw_item(w, "SS7006", sp, "SQL*Plus include not followed: %s (convert that file too)", snippet(w, sp, 60));
        else if (starts_word(t, "PROMPT") || starts_word(t, "PRO") || starts_word(t, "PROM") ||
                 starts_word(t, "PROMP"))
            rw_item(w, "SS7010", sp, "SQL*Plus PROMPT kept as a comment: %s", snippet(w, sp, 60));
        else
            rw_item(w, "SS7005", sp, "SQL*Plus command dropped: %s", snippet(w, sp, 60));
        break;
    default: /* GO, DELIMITER: separators only */
        break;
    }
}

static void other_items(Rw *w, OtherStmt *o)
{
    SrcSpan sp = o->h.span;
    const char *s = snippet(w, sp, 60);
    switch (o->what) {
    case OS_GRANT:
        rw_item(w, "SS6005", sp, "privilege statement kept as a comment: %s", s);
        break;
    case OS_CREATE_DATABASE: case OS_ALTER_DATABASE:
        rw_item(w, "SS7011", sp, "database statement kept as a comment: %s", s);
        break;
    case OS_USER_ROLE:
        rw_item(w, "SS6006", sp, "user/role statement kept as a comment: %s", s);
        break;
    case OS_EXEC:
        rw_item(w, "SS6004", sp, "procedure call at script level kept as a comment: %s", s);
        break;
    case OS_BULK_LOAD:
        rw_item(w, "SS6002", sp, "bulk load kept as a comment: %s (use COPY)", s);
        break;
    case OS_IDENTITY_INSERT:
        rw_item(w, "SS6003", sp, "%s dropped: identity columns accept explicit values (GENERATED BY DEFAULT)", s);
        break;
    case OS_PRINT:
        rw_item(w, "SS7010", sp, "message output (PRINT, RAISERROR severity 0-10) kept as a comment: %s", s);
        break;
    case OS_CONTROL_FLOW:
        rw_item(w, "SS4006", sp, "procedural code at script level kept verbatim: %s", s);
        break;
    case OS_STATISTICS: case OS_TRUNCATE:
        if (!o->name.n)
            rw_item(w, "SS0010", sp, "statement not converted, kept as a comment: %s", s);
        else if (o->has_opts)
            rw_item(w, "SS7013", sp, "options dropped: %s", s);
        break;
    case OS_MAINTENANCE:
        rw_item(w, "SS7012", sp, "server maintenance command kept as a comment: %s", s);
        break;
    default:
        rw_item(w, "SS0010", sp, "statement not converted, kept as a comment: %s", s);
        break;
    }
}

/* ==== entry point ========================================================== */

/* The extent of every span in a tree: a statement node's own span may stop
 * before clauses attached later (ORDER BY after a SELECT core). */
typedef struct Extent { RwVisit v; uint32_t file, lo, hi; } Extent;

static void extent_slot(RwVisit *v, Node **slot);
static void extent_list(RwVisit *v, NodeList *l)
{
    for (int i = 0; i < l->n; i++)
        extent_slot(v, &l->items[i]);
}
static void extent_slot(RwVisit *v, Node **slot)
{
    Extent *x = (Extent *)v;
    const Node *n = *slot;
    if (!n)
        return;
    if (n->span.file == x->file && n->span.len && !(n->flags & NF_SYNTHETIC)) {
        if (n->span.off < x->lo)
            x->lo = n->span.off;
        if (n->span.off + n->span.len > x->hi)
            x->hi = n->span.off + n->span.len;
    }
    rw_children((Node *)n, v);
}

static SrcSpan statement_extent(Node *stmt, SrcSpan extra)
{
    Extent x = {{extent_slot, extent_list, NULL}, stmt->span.file, stmt->span.off,
                stmt->span.off + stmt->span.len};
    extent_slot(&x.v, &stmt);
    if (extra.file == x.file && extra.len) {
        if (extra.off < x.lo)
            x.lo = extra.off;
        if (extra.off + extra.len > x.hi)
            x.hi = extra.off + extra.len;
    }
    SrcSpan sp = stmt->span;
    sp.off = x.lo;
    sp.len = x.hi - x.lo;
    return sp;
}

Node *rw_statement(ConvCtx *cx, Node *stmt)
{
    if (!stmt)
        return NULL;
    Rw w;
    memset(&w, 0, sizeof w);
    w.cx = cx;
    if ((unsigned)cx->source < DIALECT_COUNT && (unsigned)cx->target < DIALECT_COUNT)
        w.chains = chains_for(cx->source, cx->target);
    w.stmt = stmt;
    w.place = RP_QUERY;
    switch (stmt->kind) {
    case N_RAW:
        return stmt; /* the parser recorded why */
    case N_SCRIPT_CMD:
        script_items(&w, (ScriptCmd *)stmt);
        return stmt;
    case N_SESSION:
        session_items(&w, (SessionStmt *)stmt);
        return stmt;
    case N_ROUTINE: {
        RoutineStmt *r = (RoutineStmt *)stmt;
        if (r->def && xf_routine(&w, r))
            return stmt;
        if (r->def && w.raw_code) {
            r->fail_span = w.raw_span.len ? w.raw_span : r->h.span;
            r->fail_msg = w.raw_reason ? w.raw_reason : w.raw_code;
        }
        r->def = NULL;
        routine_items(&w, r);
        return stmt;
    }
    case N_OTHER_STMT: {
        /* EXEC sp_addtype name, 'base': an alias type like CREATE TYPE .. FROM */
        const char *nm, *base;
        size_t nl;
        int nn;
        TypeName *bt;
        if (cat_sp_addtype(stmt, &nm, &nl, &base, &nn) &&
            (bt = cat_type_from_text(cx->arena, base, stmt->span)) != NULL) {
            CreateType *ct = NODE_NEW(cx->arena, CreateType, CREATE_TYPE, stmt->span);
            ct->h.flags |= NF_SYNTHETIC;
            ct->tyk = TYK_ALIAS;
            ct->name.n = 1;
            ct->name.parts[0].text = nm;
            ct->name.parts[0].len = (uint32_t)nl;
            ct->base = bt;
            ct->not_null = nn;
            w.stmt = stmt = &ct->h;
            break;
        }
        other_items(&w, (OtherStmt *)stmt);
        return stmt;
    }
    case N_SELECT: case N_SETOP: case N_WITH: case N_VALUES: {
        const SelectStmt *s = query_select(stmt);
        if (!(s && s->into.n)) /* SELECT ... INTO t creates a table: not just a query */
            rw_item(&w, "SS6007", stmt->span, "query at script level: its result is not kept (%s)",
                    snippet(&w, stmt->span, 50));
        break;
    }
    default:
        break;
    }
    Node *root = stmt;
    rw_walk(&w, &root);
    if (w.raw_code) {
        /* the verbatim text covers the whole statement, including clauses the
         * statement node's span may not reach (FOR XML, ORDER BY after the
         * query core) */
        RawNode *r = NODE_NEW(cx->arena, RawNode, RAW, statement_extent(stmt, w.raw_span));
        r->code = w.raw_code;
        r->reason = w.raw_reason;
        return &r->h;
    }
    flush_dropped(&w);
    return root;
}
