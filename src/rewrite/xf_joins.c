/* rewrite: query structure. Oracle (+) outer joins become LEFT JOINs, T-SQL
 * TOP and Oracle ROWNUM limits become LIMIT, APPLY is noted (the emitter
 * prints LATERAL), table and query hints are dropped. What has no target form
 * (CONNECT BY, PIVOT, FOR XML, TOP PERCENT, ROWNUM after ORDER BY ...) keeps
 * the whole statement verbatim with an item: a statement that would fail or
 * mean something else is worse than one left for a person to rewrite. All of
 * these run before the query's children are rewritten (PRE), so they see the
 * query as written. */
#include "rewrite/xf.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ==== scanning expressions without entering subqueries ===================== */

typedef struct Scan {
    RwVisit v;
    int has_or, has_subquery, marks;
    void (*on_name)(struct Scan *s, NameRef *n);
    void (*on_func)(struct Scan *s, FuncCall *f, Node **slot);
    void *data;
} Scan;

static int is_query_kind(int k)
{
    return k == N_SELECT || k == N_SETOP || k == N_WITH || k == N_VALUES;
}

static void scan_slot(RwVisit *v, Node **slot);
static void scan_list(RwVisit *v, NodeList *l)
{
    for (int i = 0; i < l->n; i++)
        scan_slot(v, &l->items[i]);
}

static void scan_slot(RwVisit *v, Node **slot)
{
    Scan *s = (Scan *)v;
    Node *n = *slot;
    if (!n)
        return;
    if (is_query_kind(n->kind)) {
        s->has_subquery = 1;
        return;
    }
    if (n->kind == N_BINARY && ((BinaryExpr *)n)->op == B_OR)
        s->has_or = 1;
    if (n->kind == N_NAME) {
        if (n->flags & NF_OUTER_JOIN)
            s->marks++;
        if (s->on_name)
            s->on_name(s, (NameRef *)n);
    }
    if (n->kind == N_FUNC && s->on_func) {
        s->on_func(s, (FuncCall *)n, slot);
        if (*slot != n)
            return;
    }
    rw_children(n, v);
}

static void scan_expr(Scan *s, Node **slot)
{
    s->v.node = scan_slot;
    s->v.list = scan_list;
    scan_slot(&s->v, slot);
}

/* ==== AND chains ============================================================ */

static void conj_flatten(Node *e, NodeList *out, Arena *a)
{
    if (!e)
        return;
    if (e->kind == N_BINARY && ((BinaryExpr *)e)->op == B_AND) {
        conj_flatten(((BinaryExpr *)e)->l, out, a);
        conj_flatten(((BinaryExpr *)e)->r, out, a);
        return;
    }
    nl_push(a, out, e);
}

static Node *conj_build(Rw *w, NodeList *l, SrcSpan sp)
{
    Node *r = NULL;
    for (int i = 0; i < l->n; i++) {
        Node *c = l->items[i];
        if (!c)
            continue;
        if (c->kind == N_BINARY && ((BinaryExpr *)c)->op == B_OR)
            c->flags |= NF_PARENS;
        r = r ? mk_bin(w, sp, B_AND, r, c) : c;
    }
    return r;
}

/* ==== CONNECT BY, FOR XML/JSON, OPTION (...), WITH ROLLUP ================== */

Node *xf_select_unsupported(Rw *w, Node *n)
{
    SelectStmt *s = (SelectStmt *)n;
    if (s->connect_by || s->start_with) {
        rw_keep_verbatim(w, "SS2010", s->connect_by ? s->connect_by->span : s->start_with->span,
                         "hierarchical query (CONNECT BY) kept verbatim: rewrite it as WITH RECURSIVE");
        return n;
    }
    if (s->for_clause) {
        if (!strncasecmp(s->for_clause, "FOR XML", 7) || !strncasecmp(s->for_clause, "FOR JSON", 8)) {
            int xml = !strncasecmp(s->for_clause, "FOR XML", 7);
            rw_keep_verbatim(w, "SS2012", s->for_span, "%s query kept verbatim: build the document with "
                             "%s functions", xml ? "FOR XML" : "FOR JSON",
                             xml ? "xmlelement()/xmlagg()" : "json_agg()/json_build_object()");
            return n;
        }
        if (!strncasecmp(s->for_clause, "FOR BROWSE", 10) || !strncasecmp(s->for_clause, "FOR READ", 8)) {
            rw_item_once(w, "SS2013", "for", s->for_span, "%s dropped", s->for_clause);
            s->for_clause = NULL;
        }
    }
    if (s->option) {
        rw_item_once(w, "SS2013", "option", n->span, "query hint %s dropped", s->option);
        s->option = NULL;
    }
    if (s->with_rollup && w->cx->target == DIALECT_POSTGRES) {
        GroupingSet *g = NODE_NEW(w->cx->arena, GroupingSet, GROUPING, n->span);
        g->h.flags |= NF_SYNTHETIC;
        g->gk = GK_ROLLUP;
        g->items = s->group_by;
        s->group_by.n = s->group_by.cap = 0;
        s->group_by.items = NULL;
        nl_push(w->cx->arena, &s->group_by, g);
        s->with_rollup = 0;
    }
    return n;
}

/* ==== PIVOT / UNPIVOT ======================================================== */

Node *xf_pivot(Rw *w, Node *n)
{
    SrcSpan sp = n->kind == N_TABLE_REF ? ((TableRef *)n)->pivot_span : ((DerivedTable *)n)->pivot_span;
    if (sp.len)
        rw_keep_verbatim(w, "SS2011", sp, "%s kept verbatim: rewrite it with CASE inside aggregates "
                         "(or crosstab() from the tablefunc extension)",
                         !strncasecmp(rw_span_text(w, sp), "UNPIVOT", 7) ? "UNPIVOT" : "PIVOT");
    return n;
}

/* ==== hints, names, APPLY ==================================================== */

Node *xf_table_hints(Rw *w, Node *n)
{
    TableRef *t = (TableRef *)n;
    if (t->hints.n && !(w->cx->source == DIALECT_MYSQL && w->cx->target == DIALECT_MYSQL)) {
        const Node *h = t->hints.items[0];
        const char *what = h && h->kind == N_KEYWORD_EXPR ? ((const KeywordExpr *)h)->word
                                                           : rw_span_text(w, h ? h->span : n->span);
        rw_item_once(w, "SS2013", NULL, h ? h->span : n->span, "table hint %s dropped (reported once per statement)",
                     what ? what : "");
        t->hints.n = 0;
    }
    if (t->name.n >= 3)
        rw_item_once(w, "SS3024", NULL, n->span, "%s names another %s: the extra parts are dropped",
                     rw_qname_text(w, &t->name), t->name.n >= 4 ? "server (linked server)" : "database");
    return n;
}

Node *xf_apply(Rw *w, Node *n)
{
    JoinExpr *j = (JoinExpr *)n;
    if (j->jk != JK_CROSS_APPLY && j->jk != JK_OUTER_APPLY)
        return n;
    int outer = j->jk == JK_OUTER_APPLY;
    if (w->cx->target == DIALECT_MYSQL && j->r && j->r->kind == N_TABLE_FUNC) {
        rw_item(w, "SS2019", n->span, "%s APPLY of a table-valued function: MySQL has no lateral "
                "function calls", outer ? "OUTER" : "CROSS");
        return n;
    }
    rw_item(w, "SS2018", n->span, "%s APPLY became %s", outer ? "OUTER" : "CROSS",
            outer ? "LEFT JOIN LATERAL ... ON true" : "CROSS JOIN LATERAL");
    return n;
}

/* A set operation's branch with its own ORDER BY / LIMIT needs parentheses. */
Node *xf_setop_branches(Rw *w, Node *n)
{
    (void)w;
    SetOpStmt *s = (SetOpStmt *)n;
    Node *br[2] = {s->l, s->r};
    for (int i = 0; i < 2; i++)
        if (br[i] && br[i]->kind == N_SELECT) {
            SelectStmt *q = (SelectStmt *)br[i];
            if (q->order_by.n || q->limit || q->offset)
                q->h.flags |= NF_PARENS;
        }
    return n;
}

/* ==== TOP ===================================================================== */

static int is_hundred(const Node *e)
{
    long v;
    if (rw_int_literal(e, &v))
        return v == 100;
    if (e && e->kind == N_LITERAL && ((const Literal *)e)->lk == LIT_DECIMAL)
        return strtod(((const Literal *)e)->value, NULL) == 100.0;
    return 0;
}

/* SQL Server and MySQL sort NULLs as the lowest values (first ascending,
 * last descending), Oracle and PostgreSQL as the highest. Where source and
 * target differ, the source's order is written out (NULLS FIRST / LAST; an
 * "x IS NULL" key for MySQL), except where the sort key cannot be NULL: a
 * column that is NOT NULL, an identity or in the primary key. */
Node *xf_order_nulls(Rw *w, Node *n)
{
    OrderItem *o = (OrderItem *)n;
    int src_low = w->cx->source != DIALECT_ORACLE;
    int tgt_low = w->cx->target != DIALECT_POSTGRES;
    if (o->nulls || !o->expr || src_low == tgt_low)
        return n;
    if (o->expr->kind == N_NAME) {
        const CatColumn *c = rw_resolve_column(w, (const NameRef *)o->expr, NULL);
        if (c && c->not_null)
            return n;
    }
    /* lowest: first ascending; highest: last ascending */
    int first = src_low ? !o->desc : o->desc;
    o->nulls = first ? 1 : 2;
    if (!tgt_low || o->expr->kind != N_LITERAL)
        return n;
    /* MySQL: a position cannot take the "x IS NULL" key (emit.c) */
    const Literal *lit = (const Literal *)o->expr;
    if (lit->lk == LIT_INTEGER)
        rw_item(w, "SS2042", n->span,
                "ORDER BY position %.*s: MySQL sorts NULLs as the lowest values, the source as the highest",
                (int)lit->len, lit->value);
    return n;
}

Node *xf_top(Rw *w, Node *n)
{
    SelectStmt *s = (SelectStmt *)n;
    if (!s->top)
        return n;
    Node *top = s->top;
    const char *tt = rw_span_text(w, top->span);
    int pg = rw_target_pg(w);
    if (s->top_percent) {
        if (is_hundred(top)) {
            s->top = NULL;
            s->top_percent = 0;
            rw_item(w, "SS2007", top->span, "TOP 100 PERCENT dropped%s", s->order_by.n
                    ? ": the ORDER BY stays (PostgreSQL applies it, SQL Server ignored it in views)" : "");
            return n;
        }
        rw_keep_verbatim(w, "SS2008", top->span, "TOP %s PERCENT has no %s equivalent: statement kept verbatim "
                         "(use LIMIT with a count computed from count(*))", tt, pg ? "PostgreSQL" : "MySQL");
        return n;
    }
    if (s->top_ties) {
        if (pg && s->order_by.n) {
            s->limit = top;
            s->fetch_ties = 1;
            s->fetch_syntax = 1;
            s->top = NULL;
            s->top_ties = 0;
            rw_item(w, "SS2007", top->span, "TOP %s WITH TIES became FETCH FIRST %s ROWS WITH TIES", tt, tt);
            return n;
        }
        rw_keep_verbatim(w, "SS2008", top->span, "TOP %s WITH TIES has no %s equivalent: statement kept verbatim",
                         tt, pg ? "PostgreSQL equivalent without ORDER BY" : "MySQL");
        return n;
    }
    if (s->limit) {
        rw_keep_verbatim(w, "SS2008", top->span, "TOP together with OFFSET/FETCH: statement kept verbatim");
        return n;
    }
    s->limit = top;
    s->top = NULL;
    if (!w->in_exists)
        rw_item(w, "SS2007", top->span, s->order_by.n ? "TOP %s became LIMIT %s"
                                                      : "TOP %s without ORDER BY became LIMIT %s: which rows "
                                                        "come back is arbitrary in both",
                tt, tt);
    return n;
}

Node *xf_dml_top(Rw *w, Node *n)
{
    Node **top = n->kind == N_UPDATE ? &((UpdateStmt *)n)->top
               : n->kind == N_DELETE ? &((DeleteStmt *)n)->top : &((InsertStmt *)n)->top;
    if (!*top)
        return n;
    const char *what = n->kind == N_UPDATE ? "UPDATE" : n->kind == N_DELETE ? "DELETE" : "INSERT";
    const char *tt = rw_span_text(w, (*top)->span);
    if (w->cx->target == DIALECT_MYSQL && n->kind != N_INSERT) {
        int multi = n->kind == N_UPDATE ? ((UpdateStmt *)n)->from.n > 0 : ((DeleteStmt *)n)->from.n > 0;
        Node **limit = n->kind == N_UPDATE ? &((UpdateStmt *)n)->limit : &((DeleteStmt *)n)->limit;
        if (!multi && !*limit) {
            *limit = *top;
            *top = NULL;
            rw_item(w, "SS2007", (*limit)->span, "%s TOP %s became LIMIT %s", what, tt, tt);
            return n;
        }
    }
    rw_keep_verbatim(w, "SS2008", (*top)->span, "%s TOP %s has no %s equivalent: statement kept verbatim "
                     "(limit the rows with WHERE key IN (SELECT key ... LIMIT n))", what, tt,
                     rw_target_pg(w) ? "PostgreSQL" : "MySQL");
    return n;
}

/* ==== ROWNUM ==================================================================== */

static int is_rownum(const Node *e)
{
    return e && e->kind == N_FUNC && ((const FuncCall *)e)->noparens &&
           ((const FuncCall *)e)->upper && !strcmp(((const FuncCall *)e)->upper, "ROWNUM");
}

/* The row count a ROWNUM condition allows, or NULL if it is not a limit. */
static Node *rownum_limit(Rw *w, Node *c)
{
    if (!c || c->kind != N_BINARY)
        return NULL;
    BinaryExpr *b = (BinaryExpr *)c;
    int op = b->op;
    Node *other;
    if (is_rownum(b->l) && !is_rownum(b->r)) {
        other = b->r;
    } else if (is_rownum(b->r) && !is_rownum(b->l)) {
        other = b->l;
        op = op == B_GE ? B_LE : op == B_GT ? B_LT : op == B_EQ ? B_EQ : -1;
    } else {
        return NULL;
    }
    long v;
    if (op == B_LE)
        return other;
    if (op == B_LT) {
        if (rw_int_literal(other, &v))
            return mk_int(w, other->span, v - 1);
        return mk_bin(w, other->span, B_SUB, mk_paren(other), mk_int(w, other->span, 1));
    }
    if (op == B_EQ && rw_int_literal(other, &v) && v == 1)
        return other;
    return NULL;
}

typedef struct RownumScan { Scan s; Rw *w; int found, replaced; } RownumScan;

static void rownum_in_targets(Scan *s, FuncCall *f, Node **slot)
{
    RownumScan *rs = (RownumScan *)s;
    if (!is_rownum(&f->h))
        return;
    Rw *w = rs->w;
    FuncCall *rn = mk_call(w, f->h.span, "row_number", 0);
    rn->over = NODE_NEW(w->cx->arena, WindowSpec, WINDOW, f->h.span);
    rn->over->h.flags |= NF_SYNTHETIC;
    *slot = &rn->h;
    rs->replaced++;
}

static void rownum_find(Scan *s, FuncCall *f, Node **slot)
{
    (void)slot;
    if (is_rownum(&f->h))
        ((RownumScan *)s)->found++;
}

static int has_aggregate(Node *e);

static void agg_find(Scan *s, FuncCall *f, Node **slot)
{
    (void)slot;
    static const char *const aggs[] = {"COUNT", "SUM", "AVG", "MIN", "MAX", "LISTAGG", "STDDEV",
                                       "VARIANCE", "MEDIAN", "COLLECT", "XMLAGG", "STDDEV_POP",
                                       "STDDEV_SAMP", "VAR_POP", "VAR_SAMP", "CORR",
                                       "PERCENTILE_CONT", "PERCENTILE_DISC", NULL};
    if (f->over)
        return;
    for (int i = 0; aggs[i]; i++)
        if (f->upper && !strcmp(f->upper, aggs[i]))
            ((RownumScan *)s)->found++;
}

static int has_aggregate(Node *e)
{
    RownumScan rs;
    memset(&rs, 0, sizeof rs);
    rs.s.on_func = agg_find;
    scan_expr(&rs.s, &e);
    return rs.found > 0;
}

Node *xf_rownum(Rw *w, Node *n)
{
    SelectStmt *s = (SelectStmt *)n;
    Arena *a = w->cx->arena;
    /* ROWNUM in the select list numbers the rows: row_number() OVER () */
    for (int i = 0; i < s->targets.n; i++) {
        TargetItem *t = (TargetItem *)s->targets.items[i];
        if (t->h.kind != N_TARGET || !t->expr)
            continue;
        RownumScan rs;
        memset(&rs, 0, sizeof rs);
        rs.w = w;
        rs.s.on_func = rownum_in_targets;
        scan_expr(&rs.s, &t->expr);
        if (rs.replaced) {
            if (!t->alias.text && t->expr->kind == N_FUNC) {
                t->alias = ident_make(a, "rownum");
            }
            rw_item(w, "SS2007", t->h.span, "ROWNUM in the select list became row_number() OVER ()");
        }
    }
    if (!s->where)
        return n;
    NodeList conj = {0, 0, NULL};
    conj_flatten(s->where, &conj, a);
    int idx = -1;
    Node *limit = NULL;
    for (int i = 0; i < conj.n; i++) {
        Node *l = rownum_limit(w, conj.items[i]);
        if (l) {
            if (idx >= 0) { /* two limits: leave it to a person */
                idx = -2;
                break;
            }
            idx = i;
            limit = l;
        }
    }
    if (idx >= 0) {
        int blocked = s->order_by.n || s->group_by.n || s->having || s->distinct || s->limit;
        for (int i = 0; !blocked && i < s->targets.n; i++) {
            TargetItem *t = (TargetItem *)s->targets.items[i];
            if (t->h.kind == N_TARGET && has_aggregate(t->expr))
                blocked = 1;
        }
        if (blocked) {
            rw_keep_verbatim(w, "SS2008", conj.items[idx]->span,
                             "ROWNUM limits the rows before %s: statement kept verbatim (move the "
                             "query into a subquery and put LIMIT outside it where that is meant)",
                             s->order_by.n ? "ORDER BY" : s->group_by.n || s->having ? "GROUP BY"
                             : s->distinct ? "DISTINCT" : "the aggregates");
            return n;
        }
        rw_item(w, "SS2007", conj.items[idx]->span, "%s became LIMIT", rw_span_text(w, conj.items[idx]->span));
        conj.items[idx] = NULL;
        s->limit = limit;
        s->where = conj_build(w, &conj, s->where->span);
    }
    /* any other ROWNUM in the WHERE clause */
    RownumScan rs;
    memset(&rs, 0, sizeof rs);
    rs.s.on_func = rownum_find;
    scan_expr(&rs.s, &s->where);
    for (int i = 0; i < s->order_by.n; i++)
        scan_expr(&rs.s, &s->order_by.items[i]);
    if (rs.found)
        rw_keep_verbatim(w, "SS2008", s->where ? s->where->span : n->span,
                         "ROWNUM used in a way that has no LIMIT form: statement kept verbatim "
                         "(use row_number() OVER (...) in a subquery)");
    return n;
}

/* ==== Oracle (+) ================================================================== */

/* Does FROM item `item` (a table, derived table or join tree) bind qualifier q? */
static int item_binds(const Node *item, const Ident *q)
{
    if (!item)
        return 0;
    switch (item->kind) {
    case N_TABLE_REF: {
        const TableRef *t = (const TableRef *)item;
        const Ident *al = t->alias.text ? &t->alias : &t->name.parts[t->name.n - 1];
        return al->text && al->len == q->len && !strncasecmp(al->text, q->text, q->len);
    }
    case N_DERIVED: {
        const Ident *al = &((const DerivedTable *)item)->alias;
        return al->text && al->len == q->len && !strncasecmp(al->text, q->text, q->len);
    }
    case N_JOIN:
        return item_binds(((const JoinExpr *)item)->l, q) || item_binds(((const JoinExpr *)item)->r, q);
    default:
        return 0;
    }
}

/* Does FROM item `item` have a column named c (catalogue tables only)? */
static int item_has_column(Rw *w, const Node *item, const Ident *c)
{
    if (!item)
        return 0;
    if (item->kind == N_TABLE_REF) {
        CatTable *t = rw_find_table(w, &((const TableRef *)item)->name);
        return t && cat_column(t, c->text, c->len);
    }
    if (item->kind == N_JOIN)
        return item_has_column(w, ((const JoinExpr *)item)->l, c) ||
               item_has_column(w, ((const JoinExpr *)item)->r, c);
    return 0;
}

#define OJ_MAX 64

typedef struct OjScan {
    Scan s;
    Rw *w;
    SelectStmt *sel;
    int inner[OJ_MAX], ninner;   /* items whose columns carry (+) */
    int outer[OJ_MAX], nouter;   /* items referenced without (+) */
    int unresolved;
} OjScan;

static void add_unique(int *set, int *n, int v)
{
    for (int i = 0; i < *n; i++)
        if (set[i] == v)
            return;
    if (*n < OJ_MAX)
        set[(*n)++] = v;
}

static int resolve_item(Rw *w, SelectStmt *s, const NameRef *n)
{
    const QName *q = &n->name;
    if (q->n >= 2) {
        const Ident *qual = &q->parts[q->n - 2];
        for (int i = 0; i < s->from.n; i++)
            if (item_binds(s->from.items[i], qual))
                return i;
        return -1;
    }
    int found = -1;
    for (int i = 0; i < s->from.n; i++)
        if (item_has_column(w, s->from.items[i], &q->parts[0])) {
            if (found >= 0)
                return -1; /* ambiguous */
            found = i;
        }
    return found;
}

static void oj_name(Scan *sc, NameRef *n)
{
    OjScan *o = (OjScan *)sc;
    int i = resolve_item(o->w, o->sel, n);
    if (i < 0) {
        o->unresolved++;
        return;
    }
    if (n->h.flags & NF_OUTER_JOIN)
        add_unique(o->inner, &o->ninner, i);
    else
        add_unique(o->outer, &o->nouter, i);
}

static void clear_marks_slot(RwVisit *v, Node **slot);
static void clear_marks_list(RwVisit *v, NodeList *l)
{
    for (int i = 0; i < l->n; i++)
        clear_marks_slot(v, &l->items[i]);
}
static void clear_marks_slot(RwVisit *v, Node **slot)
{
    Node *n = *slot;
    if (!n || is_query_kind(n->kind))
        return;
    n->flags &= (uint16_t)~NF_OUTER_JOIN;
    rw_children(n, v);
}
static void clear_marks(Node *e)
{
    RwVisit v = {clear_marks_slot, clear_marks_list, NULL};
    clear_marks_slot(&v, &e);
}

static int has_marks(Node *e)
{
    Scan s;
    memset(&s, 0, sizeof s);
    scan_expr(&s, &e);
    return s.marks > 0;
}

static void oj_fail(Rw *w, Node *c, const char *why)
{
    rw_keep_verbatim(w, "SS2006", c->span, "Oracle (+) outer join not converted (%s): statement kept verbatim; "
                     "rewrite it with LEFT JOIN ... ON", why);
}

static int star_first(SelectStmt *s)
{
    for (int i = 0; i < s->targets.n; i++) {
        TargetItem *t = (TargetItem *)s->targets.items[i];
        if (t->h.kind == N_TARGET && t->expr && t->expr->kind == N_STAR && ((StarRef *)t->expr)->qual.n == 0)
            return 1;
    }
    return 0;
}

Node *xf_outer_join(Rw *w, Node *n)
{
    SelectStmt *s = (SelectStmt *)n;
    if (!s->where || !has_marks(s->where))
        return n;
    Arena *a = w->cx->arena;
    int m = s->from.n;
    if (m > OJ_MAX) {
        oj_fail(w, s->where, "too many tables");
        return n;
    }
    NodeList conj = {0, 0, NULL};
    conj_flatten(s->where, &conj, a);
    /* per FROM item: its (+) conditions and the item it is joined to */
    NodeList conds[OJ_MAX];
    int partner[OJ_MAX];
    memset(conds, 0, sizeof conds);
    for (int i = 0; i < m; i++)
        partner[i] = -1;
    int any = 0;
    for (int k = 0; k < conj.n; k++) {
        Node *c = conj.items[k];
        OjScan o;
        memset(&o, 0, sizeof o);
        o.w = w;
        o.sel = s;
        o.s.on_name = oj_name;
        scan_expr(&o.s, &c);
        if (!o.s.marks)
            continue;
        if (o.s.has_or) {
            oj_fail(w, c, "(+) inside OR");
            return n;
        }
        if (o.s.has_subquery) {
            oj_fail(w, c, "(+) in a condition with a subquery");
            return n;
        }
        if (o.unresolved) {
            oj_fail(w, c, "a column whose table is not known");
            return n;
        }
        if (o.ninner != 1) {
            oj_fail(w, c, "(+) on columns of more than one table");
            return n;
        }
        int b = o.inner[0];
        for (int i = 0; i < o.nouter; i++) {
            if (o.outer[i] == b) {
                oj_fail(w, c, "(+) on one side only of a condition on the same table");
                return n;
            }
            if (partner[b] >= 0 && partner[b] != o.outer[i]) {
                oj_fail(w, c, "a table outer-joined to two tables");
                return n;
            }
            partner[b] = o.outer[i];
        }
        if (o.nouter > 1) {
            oj_fail(w, c, "a table outer-joined to two tables");
            return n;
        }
        nl_push(a, &conds[b], c);
        conj.items[k] = NULL;
        any = 1;
    }
    if (!any)
        return n;
    /* groups: FROM items joined so far; owner[i] is the group item i is in */
    Node *group[OJ_MAX];
    int owner[OJ_MAX], pos[OJ_MAX], done[OJ_MAX];
    for (int i = 0; i < m; i++) {
        group[i] = s->from.items[i];
        owner[i] = i;
        pos[i] = i;
        done[i] = conds[i].n == 0;
    }
    /* a table with only constant (+) conditions joins the first other item */
    for (int b = 0; b < m; b++)
        if (conds[b].n && partner[b] < 0) {
            if (m == 1) {
                for (int k = 0; k < conds[b].n; k++) {
                    clear_marks(conds[b].items[k]);
                    nl_push(a, &conj, conds[b].items[k]);
                }
                conds[b].n = 0;
                done[b] = 1;
                continue;
            }
            partner[b] = b == 0 ? 1 : 0;
        }
    int star = star_first(s);
    StrBuf names;
    sb_init(&names);
    for (int round = 0; round < m; round++) {
        int progress = 0;
        for (int b = 0; b < m; b++) {
            if (done[b])
                continue;
            int o = partner[b];
            /* join the tables b depends on first */
            if (!done[o] && owner[o] == o && conds[o].n)
                continue;
            int gb = owner[b], go = owner[o];
            if (gb == go) {
                sb_free(&names);
                oj_fail(w, conds[b].items[0], "outer joins that form a cycle");
                return n;
            }
            for (int k = 0; k < conds[b].n; k++)
                clear_marks(conds[b].items[k]);
            JoinExpr *j = NODE_NEW(a, JoinExpr, JOIN, group[go]->span);
            j->h.flags |= NF_SYNTHETIC;
            j->on = conj_build(w, &conds[b], conds[b].items[0]->span);
            if (star && pos[gb] < pos[go]) {
                /* keep SELECT * columns in FROM order: b RIGHT JOIN o */
                j->jk = JK_RIGHT;
                j->l = group[gb];
                j->r = group[go];
            } else {
                j->jk = JK_LEFT;
                j->l = group[go];
                j->r = group[gb];
            }
            int keep = pos[gb] < pos[go] ? gb : go, drop = keep == gb ? go : gb;
            group[keep] = &j->h;
            group[drop] = NULL;
            for (int i = 0; i < m; i++)
                if (owner[i] == drop)
                    owner[i] = keep;
            done[b] = 1;
            progress = 1;
            const Node *it = s->from.items[b];
            const Ident *al = it->kind == N_TABLE_REF
                                  ? (((const TableRef *)it)->alias.text ? &((const TableRef *)it)->alias
                                                                        : &((const TableRef *)it)->name.parts[((const TableRef *)it)->name.n - 1])
                                  : &((const DerivedTable *)it)->alias;
            if (names.len)
                sb_puts(&names, ", ");
            sb_putn(&names, al->text ? al->text : "?", al->text ? al->len : 1);
        }
        if (!progress)
            break;
    }
    for (int b = 0; b < m; b++)
        if (!done[b]) {
            sb_free(&names);
            oj_fail(w, conds[b].items[0], "outer joins that depend on each other in a cycle");
            return n;
        }
    NodeList from = {0, 0, NULL};
    for (int i = 0; i < m; i++)
        if (group[i])
            nl_push(a, &from, group[i]);
    s->from = from;
    s->where = conj_build(w, &conj, s->where->span);
    rw_item(w, "SS2005", n->span, "Oracle (+) outer join on %s converted to LEFT JOIN", names.s);
    sb_free(&names);
    return n;
}
