/* rewrite: T-SQL hierarchyid methods on the text representation (PostgreSQL).
 * A hierarchyid column or parameter becomes text holding its ToString() path
 * ('/' for the root, '/1/3/' for the third child of the first child), so the
 * methods become string expressions on that path:
 *   x.ToString()          -> x
 *   x.GetLevel()          -> number of '/' minus 1
 *   x.GetAncestor(n)      -> the path without its last n components, NULL when
 *                            n > GetLevel() (as T-SQL)
 *   x.IsDescendantOf(p)   -> prefix test as 0/1 (x itself counts; NULL if
 *                            either is NULL, as T-SQL)
 * GetDescendant and GetReparentedValue are not converted (xf_func keeps the
 * statement with SS2001). Text order is not hierarchyid order ('/10/' sorts
 * before '/2/'): ORDER BY and <, > on such values get SS2040 (both targets:
 * MySQL holds the same path in a varchar). */
#include <string.h>
#include <strings.h>
#include "rewrite/xf.h"
#include "analyze/catalog.h"

static int ident_is(const Ident *a, const Ident *b)
{
    return a->text && b->text && a->len == b->len && strncasecmp(a->text, b->text, a->len) == 0;
}

/* Methods that exist only on hierarchyid (ToString() exists on spatial types too). */
static int hid_only_method(const char *u)
{
    return !strcmp(u, "GETANCESTOR") || !strcmp(u, "GETLEVEL") || !strcmp(u, "ISDESCENDANTOF") ||
           !strcmp(u, "GETDESCENDANT") || !strcmp(u, "GETREPARENTEDVALUE");
}

/* Methods whose result is itself a hierarchyid. */
static int hid_valued_method(const char *u)
{
    return !strcmp(u, "GETANCESTOR") || !strcmp(u, "GETDESCENDANT") || !strcmp(u, "GETREPARENTEDVALUE");
}

static SelectStmt *body_select(Node *q)
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

static int is_hid(Rw *w, const Node *e, int depth);

/* The select-list entry named col of a derived table or CTE: hierarchyid? */
static int target_is_hid(Rw *w, Node *query, const Ident *col, int depth)
{
    SelectStmt *s = body_select(query);
    if (!s)
        return 0;
    for (int i = 0; i < s->targets.n; i++) {
        TargetItem *t = (TargetItem *)s->targets.items[i];
        if (t->h.kind != N_TARGET || !t->expr)
            continue;
        const Ident *name = t->alias.text ? &t->alias : NULL;
        if (!name && t->expr->kind == N_NAME) {
            const QName *q = &((NameRef *)t->expr)->name;
            name = &q->parts[q->n - 1];
        }
        if (!name || !ident_is(name, col))
            continue;
        Scope *saved = w->scope;
        rw_scope_push(w, &s->from, NULL);
        int r = is_hid(w, t->expr, depth + 1);
        w->scope = saved;
        return r;
    }
    return 0;
}

/* Does the column reference q name a hierarchyid (a table column, or a
 * derived table / CTE column that comes from one)? 1 yes, -1 a column of
 * another type, 0 unknown. */
static int name_is_hid(Rw *w, const QName *q, int depth)
{
    if (q->n < 1 || depth > 16)
        return 0;
    const Ident *col = &q->parts[q->n - 1];
    const Ident *qual = q->n >= 2 ? &q->parts[q->n - 2] : NULL;
    for (Scope *s = w->scope; s; s = s->parent) {
        for (int i = 0; i < s->items.n; i++) {
            ScopeItem *si = &s->items.items[i];
            if (qual && !ident_is(&si->alias, qual) &&
                !(si->name && si->name->n > 0 && ident_is(&si->name->parts[si->name->n - 1], qual)))
                continue;
            if (si->table) {
                const CatColumn *c = cat_column(si->table, col->text, col->len);
                if (c) /* -1: a column of another type (a CLR type may have a GetLevel too) */
                    return c->type_upper && !strcmp(c->type_upper, "HIERARCHYID") ? 1 : c->type_upper &&
                           c->type_upper[0] ? -1 : 0;
            } else if (si->query) {
                int r = target_is_hid(w, si->query, col, depth);
                if (r)
                    return r;
            }
            if (qual)
                return 0;
        }
    }
    return 0;
}

static int is_hid(Rw *w, const Node *e, int depth)
{
    if (!e || depth > 16)
        return 0;
    if (e->kind == N_NAME)
        return name_is_hid(w, &((const NameRef *)e)->name, depth);
    if (e->kind == N_FUNC) {
        const FuncCall *f = (const FuncCall *)e;
        return f->name.n >= 2 && f->upper && hid_valued_method(f->upper) ? 1 : 0;
    }
    return 0;
}

/* x.GetLevel(): (length(x) - length(replace(x, '/', '')) - 1) */
static Node *hid_level(Rw *w, SrcSpan sp, Node *x)
{
    Node *slashes = mk_bin(w, sp, B_SUB, &mk_call(w, sp, "length", 1, x)->h,
                           &mk_call(w, sp, "length", 1,
                                    &mk_call(w, sp, "replace", 3, rw_copy(w, x), mk_str(w, sp, "/"),
                                             mk_str(w, sp, ""))->h)->h);
    return mk_paren(mk_bin(w, sp, B_SUB, slashes, mk_int(w, sp, 1)));
}

/* x.GetAncestor(n): CASE WHEN n > level THEN NULL
 *                   ELSE regexp_replace(x, '([^/]+/){n}$', '') END */
static Node *hid_ancestor(Rw *w, SrcSpan sp, Node *x, Node *n)
{
    long k;
    Node *pattern;
    if (rw_int_literal(n, &k)) {
        if (k < 0)
            return NULL; /* an error in T-SQL: keep the item */
        char buf[48];
        snprintf(buf, sizeof buf, "([^/]+/){%ld}$", k);
        pattern = mk_str(w, sp, buf);
    } else {
        pattern = mk_bin(w, sp, B_CONCAT,
                         mk_bin(w, sp, B_CONCAT, mk_str(w, sp, "([^/]+/){"), mk_cast(w, sp, rw_copy(w, n), "text")),
                         mk_str(w, sp, "}$"));
    }
    CaseExpr *c = mk_case(w, sp, NULL);
    mk_when(w, c, mk_bin(w, sp, B_GT, rw_copy(w, n), hid_level(w, sp, rw_copy(w, x))), mk_null(w, sp));
    c->else_ = &mk_call(w, sp, "regexp_replace", 3, x, pattern, mk_str(w, sp, ""))->h;
    return &c->h;
}

Node *xf_hierarchyid_method(Rw *w, FuncCall *f, const NameRef *recv)
{
    if (!rw_target_pg(w) || !f->upper)
        return NULL;
    const char *u = f->upper;
    int known = is_hid(w, &recv->h, 0);
    int hid = known > 0 || (known == 0 && hid_only_method(u));
    if (!hid)
        return NULL;
    SrcSpan sp = f->h.span;
    Node *x = mk_qname(w, recv->h.span, &recv->name);
    if (!strcmp(u, "TOSTRING") && f->args.n == 0)
        return x;
    if (!strcmp(u, "GETLEVEL") && f->args.n == 0)
        return hid_level(w, sp, x);
    if (!strcmp(u, "GETANCESTOR") && f->args.n == 1)
        return hid_ancestor(w, sp, x, f->args.items[0]);
    if (!strcmp(u, "ISDESCENDANTOF") && f->args.n == 1)
        return mk_cast(w, sp, &mk_call(w, sp, "starts_with", 2, x, f->args.items[0])->h, "integer");
    if (w->place != RP_COMPUTED && (!strcmp(u, "GETDESCENDANT") || !strcmp(u, "GETREPARENTEDVALUE"))) {
        /* a computed column becomes a plain one instead (xf_func's SS2001) */
        w->kept_calls++;
        rw_keep_verbatim(w, "SS2001", sp, "hierarchyid method %s() on %s is not converted: on the text path "
                         "%s; statement kept verbatim", f->name.parts[f->name.n - 1].text ? rw_ident_text(w, &f->name.parts[f->name.n - 1]) : u,
                         rw_qname_text(w, &recv->name),
                         !strcmp(u, "GETDESCENDANT")
                             ? "a new child's path depends on its siblings' numbers (SQL Server may also "
                               "make dotted paths such as /1.1/): compute the next free number by hand"
                             : "replace the old prefix with the new one (new || substr(path, length(old) + 1))");
        return &f->h;
    }
    return NULL;
}

static void order_item(Rw *w, const Node *e, SrcSpan sp, const char *what)
{
    const char *text = rw_span_text(w, e->span);
    rw_item(w, "SS2040", sp,
            "%s on hierarchyid value %s: as text the path sorts character by character ('/10/' before "
            "'/2/'), not depth-first as hierarchyid does",
            what, text);
}

Node *xf_hid_order(Rw *w, Node *n)
{
    OrderItem *o = (OrderItem *)n;
    if (o->expr && is_hid(w, o->expr, 0) > 0)
        order_item(w, o->expr, o->expr->span, "ORDER BY");
    return n;
}

Node *xf_hid_compare(Rw *w, Node *n)
{
    BinaryExpr *b = (BinaryExpr *)n;
    if (!(b->op == B_LT || b->op == B_LE || b->op == B_GT || b->op == B_GE))
        return n;
    if (is_hid(w, b->l, 0) > 0)
        order_item(w, b->l, b->h.span, "comparison");
    else if (is_hid(w, b->r, 0) > 0)
        order_item(w, b->r, b->h.span, "comparison");
    return n;
}
