/* rewrite: T-SQL typing rules that PostgreSQL does not share, made explicit
 * or reported. ISNULL takes the type of its first argument (the replacement
 * is cut or converted to it); CAST/CONVERT of a fraction to an integer type
 * truncates (PostgreSQL rounds); CASE, IIF and COALESCE over char(n) and
 * varchar are varchar in T-SQL (character in PostgreSQL); string comparisons
 * follow a case-insensitive, blank-padding collation; SET, DECLARE = and
 * RETURN convert implicitly (truncating fractions into int, cutting strings,
 * rounding to a decimal's scale) where PL/pgSQL rounds, raises an error or
 * keeps the value. Exact rewrites need no item; what cannot be made exact is
 * an action item at the construct. */
#include "rewrite/xf.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- declared string types ---- */

static int type_is(const TypeName *t, const char *u)
{
    return t && t->upper && !strcmp(t->upper, u);
}

static long type_arg(const TypeName *t, int i)
{
    if (!t || i >= t->args.n || !t->args.items[i] || t->args.items[i]->kind != N_LITERAL)
        return -1;
    return strtol(((const Literal *)t->args.items[i])->value, NULL, 10);
}

/* The string type a source type names: 0 if it is not a (sized) string type. */
static int string_of_type(const TypeName *t, XfStrType *out)
{
    if (!t || !t->upper)
        return 0;
    int fixed = type_is(t, "CHAR") || type_is(t, "NCHAR") || type_is(t, "CHARACTER") ||
                type_is(t, "NATIONAL CHARACTER");
    int var = type_is(t, "VARCHAR") || type_is(t, "NVARCHAR") || type_is(t, "CHARACTER VARYING") ||
              type_is(t, "NATIONAL CHARACTER VARYING");
    if (!fixed && !var)
        return 0;
    out->fixed = fixed;
    out->national = t->upper[0] == 'N';
    /* char / varchar without a length is 1 in a declaration */
    out->len = t->is_max ? -1 : t->args.n ? (int)type_arg(t, 0) : 1;
    return 1;
}

static int string_type_at(Rw *w, const Node *e, XfStrType *out, int depth);

int xf_string_type(Rw *w, const Node *e, XfStrType *out)
{
    return string_type_at(w, e, out, 0);
}

static int string_type_at(Rw *w, const Node *e, XfStrType *out, int depth)
{
    memset(out, 0, sizeof *out);
    if (!e || depth > 64)
        return 0;
    switch (e->kind) {
    case N_LITERAL: {
        const Literal *l = (const Literal *)e;
        if (l->lk != LIT_STRING && l->lk != LIT_NSTRING)
            return 0;
        out->national = l->lk == LIT_NSTRING;
        out->len = l->len ? (int)l->len : 1;
        out->literal = 1;
        return 1;
    }
    case N_VAR:
        return string_of_type(xf_var_type(w, (const VarRef *)e), out);
    case N_NAME: {
        const CatColumn *c = rw_resolve_column(w, (const NameRef *)e, NULL);
        return c ? string_of_type(c->type, out) : 0;
    }
    case N_CAST: {
        const CastExpr *c = (const CastExpr *)e;
        if (c->syntax == CAST_TYPED_LITERAL || !string_of_type(c->type, out))
            return 0;
        if (!c->type->args.n && !c->type->is_max)
            out->len = 30; /* CAST(x AS varchar) is varchar(30) */
        return 1;
    }
    case N_BINARY: {
        /* a + b / a || b of strings: varchar of both lengths */
        const BinaryExpr *b = (const BinaryExpr *)e;
        XfStrType l, r;
        if ((b->op != B_CONCAT && b->op != B_ADD) || !string_type_at(w, b->l, &l, depth + 1) ||
            !string_type_at(w, b->r, &r, depth + 1))
            return 0;
        out->national = l.national || r.national;
        out->len = l.len < 0 || r.len < 0 ? -1 : l.len + r.len;
        return 1;
    }
    default:
        return 0;
    }
}

/* The target type text of a T-SQL string type: national types have no own
 * spelling in PostgreSQL; a length past PostgreSQL's limit or MAX is text. */
static const char *string_type_text(Rw *w, const XfStrType *s, int fixed)
{
    if (s->len < 0 || s->len > 10485760)
        return "text";
    return arena_printf(w->cx->arena, "%s(%d)", fixed ? "char" : "varchar", s->len);
}

/* ---- CASE / IIF / COALESCE over char(n) and varchar ---- */

/* Results of a conditional expression, NULL literals left out. */
static int results_of(const Node *e, const Node **out, int cap)
{
    int n = 0;
    if (e->kind == N_CASE) {
        const CaseExpr *c = (const CaseExpr *)e;
        for (int i = 0; i < c->whens.n && n < cap; i++)
            out[n++] = ((const WhenClause *)c->whens.items[i])->result;
        if (c->else_ && n < cap)
            out[n++] = c->else_;
    } else if (e->kind == N_FUNC) {
        const FuncCall *f = (const FuncCall *)e;
        const char *u = f->upper ? f->upper : "";
        int first = !strcmp(u, "IIF") && f->args.n == 3 ? 1
                  : !strcmp(u, "COALESCE") || (!strcmp(u, "ISNULL") && f->args.n == 2) ? 0 : -1;
        if (first < 0)
            return 0;
        for (int i = first; i < f->args.n && n < cap; i++)
            out[n++] = f->args.items[i];
    }
    int k = 0;
    for (int i = 0; i < n; i++)
        if (out[i] && !(out[i]->kind == N_LITERAL && ((const Literal *)out[i])->lk == LIT_NULL))
            out[k++] = out[i];
    return k;
}

/* T-SQL's result type of a CASE / IIF / COALESCE whose results are all
 * strings of known types: the type of highest precedence (nvarchar > nchar >
 * varchar > char), the longest length. 0 if some result is not known. */
static int conditional_string_type(Rw *w, const Node *e, XfStrType *out, int *mixed)
{
    const Node *res[64];
    int n = results_of(e, res, 64);
    int any_var = 0, any_fixed = 0;
    memset(out, 0, sizeof *out);
    out->fixed = 1;
    if (n == 0)
        return 0;
    for (int i = 0; i < n; i++) {
        XfStrType s;
        if (!xf_string_type(w, res[i], &s))
            return 0;
        if (s.fixed)
            any_fixed = 1;
        else
            any_var = 1;
        out->national |= s.national;
        if (s.len < 0 || out->len < 0)
            out->len = -1;
        else if (s.len > out->len)
            out->len = s.len;
    }
    out->fixed = !any_var;
    if (mixed)
        *mixed = any_var && any_fixed;
    return 1;
}

const char *xf_conditional_type(Rw *w, const Node *e)
{
    XfStrType s;
    if (!e || (e->kind != N_CASE && e->kind != N_FUNC) ||
        (e->kind == N_FUNC && ((const FuncCall *)e)->upper && !strcmp(((const FuncCall *)e)->upper, "ISNULL")) ||
        !conditional_string_type(w, e, &s, NULL))
        return NULL;
    return string_type_text(w, &s, s.fixed);
}

/* PRE on CASE and FUNC (T-SQL -> PostgreSQL): a conditional mixing char(n)
 * with varchar or literal results is varchar in T-SQL, which keeps the char
 * value's trailing blanks; PostgreSQL types it character, whose trailing
 * blanks are dropped as soon as it becomes text (||, assignment to varchar,
 * a varchar result column). */
Node *xf_char_mix(Rw *w, Node *n)
{
    XfStrType s;
    int mixed = 0;
    if (!w->pl || !conditional_string_type(w, n, &s, &mixed) || !mixed)
        return n;
    const char *what = n->kind == N_CASE ? "CASE" : ((FuncCall *)n)->upper;
    if (!strcmp(what, "ISNULL")) {
        /* of its first argument's type: char(n) first is exact (the
         * replacement is converted to char(n), xf_isnull_type) */
        XfStrType a;
        if (!xf_string_type(w, ((FuncCall *)n)->args.items[0], &a) || a.fixed)
            return n;
        s = a;
    }
    rw_item(w, "SS2034", n->span, "%s mixes char(n) and varchar results: SQL Server's result is %s and "
            "keeps the trailing blanks of a char(n) value; PostgreSQL drops them as soon as the value "
            "becomes varchar or text (a mixed result, a concatenation, a varchar variable or column): "
            "rpad(value, n) keeps them where they matter", what, string_type_text(w, &s, 0));
    return n;
}

/* ---- ISNULL: the result has the first argument's type ---- */

static int is_null_literal(const Node *e)
{
    return e && e->kind == N_LITERAL && ((const Literal *)e)->lk == LIT_NULL;
}

static const char *int_type_of(const TypeName *t)
{
    if (t && t->target_text && (t->h.flags & NF_SYNTHETIC)) /* a cast made by a rewrite */
        return !strcmp(t->target_text, "integer") ? "integer" : !strcmp(t->target_text, "bigint") ? "bigint" : NULL;
    if (type_is(t, "INT") || type_is(t, "INTEGER") || type_is(t, "SMALLINT") || type_is(t, "TINYINT"))
        return "integer";
    if (type_is(t, "BIGINT"))
        return "bigint";
    return NULL;
}

static int is_fraction_type(const TypeName *t)
{
    if (t && t->target_text && (t->h.flags & NF_SYNTHETIC)) /* a cast made by a rewrite */
        return !strncmp(t->target_text, "numeric", 7) || !strncmp(t->target_text, "double", 6) ||
               !strcmp(t->target_text, "real");
    return type_is(t, "DECIMAL") || type_is(t, "NUMERIC") || type_is(t, "DEC") || type_is(t, "MONEY") ||
           type_is(t, "SMALLMONEY") || type_is(t, "FLOAT") || type_is(t, "REAL") ||
           type_is(t, "DOUBLE PRECISION");
}

/* Declared source type of a variable, parameter or column (NULL if none). */
static const TypeName *declared_type(Rw *w, const Node *e)
{
    if (!e)
        return NULL;
    if (e->kind == N_VAR)
        return xf_var_type(w, (const VarRef *)e);
    if (e->kind == N_NAME) {
        const CatColumn *c = rw_resolve_column(w, (const NameRef *)e, NULL);
        return c ? c->type : NULL;
    }
    if (e->kind == N_CAST && ((const CastExpr *)e)->syntax != CAST_TYPED_LITERAL)
        return ((const CastExpr *)e)->type;
    return NULL;
}

/* Could e have a fractional part? Integer literals and integer-typed
 * operands cannot; anything not known to be numeric is left alone. */
static int fraction_at(Rw *w, const Node *e, int depth);

/* depth-bounded: long operator chains are not worth following */
static int may_have_fraction(Rw *w, const Node *e)
{
    return fraction_at(w, e, 0);
}

static int fraction_at(Rw *w, const Node *e, int depth)
{
    if (!e || depth > 64)
        return 0;
    if (e->kind == N_LITERAL)
        return ((const Literal *)e)->lk == LIT_DECIMAL || ((const Literal *)e)->lk == LIT_MONEY;
    if (e->kind == N_UNARY && ((const UnaryExpr *)e)->op == U_NEG)
        return fraction_at(w, ((const UnaryExpr *)e)->arg, depth + 1);
    const TypeName *t = declared_type(w, e);
    if (t)
        return is_fraction_type(t);
    if (e->kind == N_BINARY) {
        const BinaryExpr *b = (const BinaryExpr *)e;
        if (b->op == B_ADD || b->op == B_SUB || b->op == B_MUL || b->op == B_DIV || b->op == B_MOD)
            return fraction_at(w, b->l, depth + 1) || fraction_at(w, b->r, depth + 1);
    }
    if (e->kind == N_CASE) {
        const CaseExpr *c = (const CaseExpr *)e;
        for (int i = 0; i < c->whens.n; i++)
            if (fraction_at(w, ((const WhenClause *)c->whens.items[i])->result, depth + 1))
                return 1;
        return fraction_at(w, c->else_, depth + 1);
    }
    if (e->kind == N_FUNC) {
        const FuncCall *f = (const FuncCall *)e;
        const char *u = f->upper ? f->upper : "";
        /* of the first argument's type (POWER too, in T-SQL) */
        static const char *const first[] = {"ROUND", "AVG", "SUM", "ABS", "SIGN", "MIN", "MAX", "POWER", NULL};
        /* any argument's */
        static const char *const any[] = {"ISNULL", "COALESCE", "NULLIF", NULL};
        /* always a float */
        static const char *const flt[] = {"SQRT", "RAND", "PI", "EXP", "LOG", "LOG10", "SQUARE", NULL};
        for (int i = 0; first[i]; i++)
            if (!strcmp(u, first[i]))
                return f->args.n >= 1 && fraction_at(w, f->args.items[0], depth + 1);
        for (int i = 0; any[i]; i++)
            if (!strcmp(u, any[i])) {
                for (int k = 0; k < f->args.n; k++)
                    if (fraction_at(w, f->args.items[k], depth + 1))
                        return 1;
                return 0;
            }
        if (!strcmp(u, "IIF") && f->args.n == 3)
            return fraction_at(w, f->args.items[1], depth + 1) || fraction_at(w, f->args.items[2], depth + 1);
        for (int i = 0; flt[i]; i++)
            if (!strcmp(u, flt[i]))
                return 1;
    }
    return 0;
}

/* trunc(e) as an integer type: T-SQL's conversion of a fraction to int */
static Node *truncated(Rw *w, SrcSpan sp, Node *e, const char *int_type)
{
    return mk_cast(w, sp, &mk_call(w, sp, "trunc", 1, e)->h, int_type);
}

/* PRE on FUNC (T-SQL): ISNULL(a, b) is of a's type; COALESCE / IFNULL
 * (what ISNULL becomes) is of the common type. A string b longer than a's
 * declared length is cut, a fraction b is truncated for an integer a and
 * rounded to a's scale for a decimal a: the cast says so explicitly. */
Node *xf_isnull_type(Rw *w, Node *n)
{
    FuncCall *f = (FuncCall *)n;
    if ((n->flags & NF_SYNTHETIC) || !f->upper || strcmp(f->upper, "ISNULL") || f->args.n != 2)
        return n;
    Node *a = f->args.items[0], *b = f->args.items[1];
    if (is_null_literal(b))
        return n;
    SrcSpan sp = b->span;
    XfStrType sa, sb;
    int pg = rw_target_pg(w);
    if (xf_string_type(w, a, &sa) && !sa.literal && sa.len > 0) {
        int fits = xf_string_type(w, b, &sb) && sb.len >= 0 && sb.len <= sa.len &&
                   (!sa.fixed || sb.fixed || sb.literal);
        if (!fits && rw_expr_class(w, b) != CLS_NUMERIC)
            /* MySQL: LEFT, since CAST(.. AS CHAR(n)) cuts with a warning
             * (an error where strict mode turns warnings into errors) */
            f->args.items[1] = pg ? mk_cast(w, sp, b, string_type_text(w, &sa, sa.fixed))
                                  : &mk_call(w, sp, "LEFT", 2, b, mk_int(w, sp, sa.len))->h;
        return n;
    }
    const TypeName *t = declared_type(w, a);
    const char *it = int_type_of(t);
    if (it && may_have_fraction(w, b)) {
        f->args.items[1] = pg ? truncated(w, sp, b, it)
                              : &mk_call(w, sp, "TRUNCATE", 2, b, mk_int(w, sp, 0))->h;
        return n;
    }
    if ((type_is(t, "DECIMAL") || type_is(t, "NUMERIC") || type_is(t, "DEC")) && t->args.n >= 1 &&
        may_have_fraction(w, b)) {
        long p = type_arg(t, 0), s = t->args.n >= 2 ? type_arg(t, 1) : 0;
        if (p > 0 && s >= 0)
            f->args.items[1] = mk_cast(w, sp, b, arena_printf(w->cx->arena, "numeric(%ld,%ld)", p, s));
    }
    return n;
}

/* ---- CAST / CONVERT to an integer type ---- */

/* PRE on CAST (T-SQL): converting a fraction to int truncates toward zero in
 * T-SQL; PostgreSQL's and MySQL's casts round (2.7 -> 3): trunc() /
 * TRUNCATE(x, 0) first. */
Node *xf_int_cast(Rw *w, Node *n)
{
    CastExpr *c = (CastExpr *)n;
    if ((n->flags & NF_SYNTHETIC) || c->syntax == CAST_TYPED_LITERAL || c->syntax == CAST_TRY_CAST ||
        c->syntax == CAST_TRY_CONVERT || c->style || !int_type_of(c->type))
        return n;
    if (!may_have_fraction(w, c->expr))
        return n;
    if (rw_target_pg(w))
        c->expr = &mk_call(w, c->expr->span, "trunc", 1, c->expr)->h;
    else /* MySQL's CAST(2.7 AS SIGNED) rounds too */
        c->expr = &mk_call(w, c->expr->span, "TRUNCATE", 2, c->expr, mk_int(w, c->expr->span, 0))->h;
    return n;
}

/* ---- implicit conversions: assignment and RETURN ---- */

static int decimal_of(const TypeName *t, long *p, long *sc)
{
    if (!(type_is(t, "DECIMAL") || type_is(t, "NUMERIC") || type_is(t, "DEC")) || t->args.n < 1)
        return 0;
    *p = type_arg(t, 0);
    *sc = t->args.n >= 2 ? type_arg(t, 1) : 0;
    return *p > 0 && *sc >= 0;
}

Node *xf_implicit_convert(Rw *w, const TypeName *t, Node *v, int is_return)
{
    if (!t || !v || is_null_literal(v) || v->kind == N_SUBQUERY)
        return v;
    SrcSpan sp = v->span;
    /* a fraction into an integer: T-SQL truncates, PL/pgSQL rounds */
    if (int_type_of(t))
        return may_have_fraction(w, v) ? &mk_call(w, sp, "trunc", 1, v)->h : v;
    /* a string longer than the declared length: T-SQL cuts it silently,
     * PL/pgSQL raises an error (assignment) or returns it whole (RETURN,
     * whose type has no length) */
    XfStrType st, sv;
    if (string_of_type(t, &st) && st.len > 0) {
        if (xf_string_type(w, v, &sv) && (sv.len < 0 || sv.len > st.len))
            return mk_cast(w, sp, v, string_type_text(w, &st, st.fixed));
        return v;
    }
    /* RETURNS decimal(p,s): PostgreSQL's function result has no scale */
    long p, sc, vp, vs;
    if (is_return && decimal_of(t, &p, &sc) && may_have_fraction(w, v)) {
        const TypeName *vt = declared_type(w, v);
        if (vt && decimal_of(vt, &vp, &vs) && vs <= sc && vp - vs <= p - sc)
            return v;
        if (v->kind == N_LITERAL)
            return v;
        return mk_cast(w, sp, v, arena_printf(w->cx->arena, "numeric(%ld,%ld)", p, sc));
    }
    return v;
}

/* ---- string comparisons ---- */

static int has_letter_or_trailing_blank(const Literal *l)
{
    for (uint32_t i = 0; i < l->len; i++) {
        unsigned char ch = (unsigned char)l->value[i];
        if ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z')
            return 1;
        if (ch >= 0x80) /* letters outside ASCII have cases too */
            return 1;
    }
    return l->len > 0 && l->value[l->len - 1] == ' ';
}

int xf_compare_is_exact(Rw *w, const Node *l, const Node *r)
{
    XfStrType a, b;
    int ka = xf_string_type(w, l, &a), kb = xf_string_type(w, r, &b);
    /* char(n) against a literal without letters: both are blank-padded
     * (bpchar comparison ignores trailing blanks) and case plays no part */
    if (ka && kb && a.fixed && !a.literal && b.literal)
        return !has_letter_or_trailing_blank((const Literal *)r);
    if (ka && kb && b.fixed && !b.literal && a.literal)
        return !has_letter_or_trailing_blank((const Literal *)l);
    return 0;
}

int xf_is_string_operand(Rw *w, const Node *e)
{
    XfStrType s;
    if (!e)
        return 0;
    if (e->kind == N_VAR)
        return w->pl && xf_var_class(w, (const VarRef *)e) == CLS_STRING;
    return xf_string_type(w, e, &s) && !s.literal;
}
