/* rewrite: T-SQL procedures, functions and triggers for PL/pgSQL. Gives
 * every @variable a target name that cannot collide with a column (p_ for
 * parameters, v_ for locals, ss_ for what sqlshift adds), maps @@functions and
 * ERROR_*() to their PL/pgSQL equivalents, rewrites the expressions and SQL
 * statements of the body with the shared transforms, decides the routine's
 * target shape (a procedure that returns rows becomes a set-returning
 * function) and records an action item at every construct whose behaviour
 * differs. The PL/pgSQL text itself is printed by src/emit/emit_plpgsql.c. */
#include "rewrite/xf.h"
#include "emit/emit.h"
#include <ctype.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static int contains_ci(const char *h, const char *needle)
{
    size_t k = strlen(needle);
    for (; *h; h++)
        if (!strncasecmp(h, needle, k))
            return 1;
    return 0;
}

enum { PV_PARAM, PV_LOCAL, PV_TABLE, PV_CURSOR, PV_TVP /* table-valued parameter: an array */ };

typedef struct PlVar {
    const char *src;        /* @name as written */
    const char *tgt;        /* target name */
    const TypeName *type;   /* source type (NULL: table variable, cursor) */
    int kind;
    CatTable *rows;         /* PV_TVP: the columns of the parameter's rows */
} PlVar;

typedef struct PlOutVar { const char *name, *type; } PlOutVar;

typedef struct PlCtx {
    RoutineStmt *r;
    PlRoutine *d;
    VEC(PlVar) vars;
    int catch_depth;
    int try_depth;
    int is_proc;
    int is_trigger;
    const char **rs_types;  /* first result set: the type of each column (RETURNS TABLE) */
    int rs_n;
    int in_ret_insert;      /* walking INSERT INTO the returned table variable */
    VEC(PlOutVar) outs;     /* variables for INOUT arguments a call left out */
    Node *rowcount_limit;   /* SET ROWCOUNT n in effect: n */
    NodeList pre;           /* statements to run before the one being walked (ss_tvN := ...) */
    int tv_n;               /* ss_tvN variables made so far */
} PlCtx;

/* "p_" + the name folded to lower case, characters outside [a-z0-9_] as '_' */
static const char *target_name(Rw *w, const char *prefix, const char *name)
{
    while (*name == '@' || *name == '#')
        name++;
    size_t pl = strlen(prefix), n = strlen(name);
    char *s = arena_alloc(w->cx->arena, pl + n + 1);
    memcpy(s, prefix, pl);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)name[i];
        s[pl + i] = isalnum(c) || c == '_' ? (char)tolower(c) : (c >= 0x80 ? (char)c : '_');
    }
    s[pl + n] = 0;
    if (pl + n > 63)
        s[63] = 0; /* within PostgreSQL's identifier limit */
    return s;
}

/* by the name as written, or by its target name (transforms that run after
 * xf_pl_var see the renamed variable) */
static PlVar *find_var(PlCtx *c, const char *name)
{
    for (int i = c->vars.n - 1; i >= 0; i--)
        if (!strcasecmp(c->vars.items[i].src, name))
            return &c->vars.items[i];
    for (int i = c->vars.n - 1; i >= 0; i--)
        if (!strcmp(c->vars.items[i].tgt, name))
            return &c->vars.items[i];
    return NULL;
}

static void add_var(Rw *w, const char *src, const char *prefix, const TypeName *type, int kind)
{
    PlCtx *c = w->pl;
    if (find_var(c, src))
        return;
    PlVar v = {src, target_name(w, prefix, src), type, kind, NULL};
    VEC_PUSH(w->cx->arena, c->vars, v);
}

/* DECLARE @t dbo.SomeTableType: a table variable with the table type's
 * columns (the PlDeclare becomes DECLARE @t TABLE (...)); returns the table
 * type, or NULL for any other declaration */
static const TypeName *table_type_var(Rw *w, PlDeclare *d)
{
    if (d->is_cursor || d->is_table || !d->type || d->type->name.n == 0 || !w->cx->catalog ||
        !rw_target_pg(w))
        return NULL;
    CatTable *ut = cat_find_kind(w->cx->catalog, &d->type->name, OK_TYPE);
    if (!ut || ut->alias_of || ut->cols.n == 0)
        return NULL;
    for (int i = 0; i < ut->cols.n; i++) {
        const CatColumn *cc = &ut->cols.items[i];
        if (!cc->type)
            return NULL; /* a computed column: not a plain composite type */
        ColumnDef *cd = NODE_NEW(w->cx->arena, ColumnDef, COLUMN_DEF, d->h.span);
        cd->h.flags |= NF_SYNTHETIC;
        cd->name = cc->ident;
        cd->type = (TypeName *)rw_copy(w, &cc->type->h);
        nl_push(w->cx->arena, &d->cols, cd);
    }
    const TypeName *t = d->type;
    d->is_table = 1;
    d->type = NULL;
    return t;
}

static void collect_declares(Rw *w, Node *n)
{
    if (!n)
        return;
    switch (n->kind) {
    case N_PL_BLOCK: {
        PlBlock *b = (PlBlock *)n;
        for (int i = 0; i < b->stmts.n; i++)
            collect_declares(w, b->stmts.items[i]);
        break;
    }
    case N_PL_DECLARE: {
        PlDeclare *d = (PlDeclare *)n;
        const TypeName *tt = table_type_var(w, d);
        if (d->is_cursor)
            add_var(w, d->var, "c_", NULL, PV_CURSOR);
        else if (tt)
            add_var(w, d->var, "t_", tt, PV_TABLE); /* type: passed as an array of it */
        else if (d->is_table)
            add_var(w, d->var, "t_", NULL, PV_TABLE);
        else
            add_var(w, d->var, "v_", d->type, PV_LOCAL);
        break;
    }
    case N_PL_IF:
        collect_declares(w, ((PlIf *)n)->then_);
        collect_declares(w, ((PlIf *)n)->else_);
        break;
    case N_PL_WHILE: collect_declares(w, ((PlWhile *)n)->body); break;
    case N_PL_TRY:
        collect_declares(w, ((PlTry *)n)->try_);
        collect_declares(w, ((PlTry *)n)->catch_);
        break;
    default:
        break;
    }
}

/* a variable (source or target name) whose type maps to boolean (T-SQL bit) */
static int var_is_bool(Rw *w, const char *name)
{
    PlCtx *c = w->pl;
    if (!c || !name)
        return 0;
    for (int i = 0; i < c->vars.n; i++) {
        PlVar *v = &c->vars.items[i];
        if ((!strcasecmp(v->src, name) || !strcmp(v->tgt, name)) && v->type) {
            if (rw_type_is_bool(w, v->type))
                return 1;
            CatTable *ut = w->cx->catalog ? cat_find_kind(w->cx->catalog, &v->type->name, OK_TYPE) : NULL;
            return ut && ut->alias_of && rw_type_is_bool(w, ut->alias_of);
        }
    }
    return 0;
}

/* POST on BINARY inside stored code: @bit = 1 -> v_bit = TRUE */
Node *xf_pl_bool(Rw *w, Node *n)
{
    BinaryExpr *b = (BinaryExpr *)n;
    if (!w->pl || (b->op != B_EQ && b->op != B_NE))
        return n;
    if (b->l && b->l->kind == N_VAR && var_is_bool(w, ((VarRef *)b->l)->name))
        b->r = xf_bool_literal(w, b->r);
    else if (b->r && b->r->kind == N_VAR && var_is_bool(w, ((VarRef *)b->r)->name))
        b->l = xf_bool_literal(w, b->l);
    return n;
}

int xf_var_class(Rw *w, const VarRef *v)
{
    if (!w->pl)
        return CLS_UNKNOWN;
    if (v->vk == VK_GLOBAL)
        return CLS_NUMERIC;
    PlVar *pv = find_var(w->pl, v->name);
    if (!pv || !pv->type)
        return CLS_UNKNOWN;
    const TypeName *t = pv->type;
    if (t->upper) {
        int k = rw_class_of_type(t->upper);
        if (k != CLS_UNKNOWN)
            return k;
    }
    /* a user alias type: its base */
    CatTable *ut = w->cx->catalog ? cat_find_kind(w->cx->catalog, &t->name, OK_TYPE) : NULL;
    if (ut && ut->alias_of && ut->alias_of->upper)
        return rw_class_of_type(ut->alias_of->upper);
    return CLS_UNKNOWN;
}

const TypeName *xf_var_type(Rw *w, const VarRef *v)
{
    if (!w->pl || v->vk != VK_LOCAL)
        return NULL;
    PlVar *pv = find_var(w->pl, v->name);
    if (!pv || !pv->type)
        return NULL;
    /* a user alias type: its base */
    CatTable *ut = w->cx->catalog ? cat_find_kind(w->cx->catalog, &pv->type->name, OK_TYPE) : NULL;
    return ut && ut->alias_of ? ut->alias_of : pv->type;
}

static Node *mk_var(Rw *w, SrcSpan sp, const char *name)
{
    VarRef *v = NODE_NEW(w->cx->arena, VarRef, VAR, sp);
    v->h.flags |= NF_SYNTHETIC;
    v->vk = VK_LOCAL;
    v->name = name;
    return &v->h;
}

/* POST on VAR: @v -> its target name; @@functions */
/* A table variable of a table type passed to a table-valued parameter:
 * (SELECT array_agg(CAST(ROW(t.*) AS type)) FROM t_x AS t), the array the
 * converted routine takes (NULL when empty: unnest gives no row either) */
static Node *table_var_array(Rw *w, const PlVar *pv, SrcSpan sp)
{
    Arena *a = w->cx->arena;
    StrBuf b;
    sb_init(&b);
    em_qname(w->cx, &b, &pv->type->name);
    const char *ty = arena_strndup(a, b.s, b.len);
    sb_free(&b);
    StarRef *star = NODE_NEW(a, StarRef, STAR, sp);
    star->h.flags |= NF_SYNTHETIC;
    star->qual.n = 1;
    star->qual.parts[0] = ident_make(a, "ss_row");
    Node *row = &mk_call(w, sp, "ROW", 1, &star->h)->h;
    TargetItem *ti = NODE_NEW(a, TargetItem, TARGET, sp);
    ti->h.flags |= NF_SYNTHETIC;
    ti->expr = &mk_call(w, sp, "array_agg", 1, mk_cast(w, sp, row, ty))->h;
    TableRef *from = NODE_NEW(a, TableRef, TABLE_REF, sp);
    from->h.flags |= NF_SYNTHETIC;
    from->name.n = 1;
    from->name.parts[0] = ident_make(a, pv->tgt);
    from->alias = ident_make(a, "ss_row");
    SelectStmt *q = NODE_NEW(a, SelectStmt, SELECT, sp);
    q->h.flags |= NF_SYNTHETIC;
    nl_push(a, &q->targets, ti);
    nl_push(a, &q->from, from);
    SubqueryExpr *e = NODE_NEW(a, SubqueryExpr, SUBQUERY, sp);
    e->h.flags |= NF_SYNTHETIC;
    e->query = &q->h;
    /* CALL takes no subquery as an argument: ss_tvN := (...) before the statement */
    PlCtx *c = w->pl;
    const char *vn = arena_printf(a, "ss_tv%d", ++c->tv_n);
    PlOutVar ov = {vn, arena_printf(a, "%s[]", ty)};
    VEC_PUSH(a, c->outs, ov);
    PlSet *set = NODE_NEW(a, PlSet, PL_SET, sp);
    set->h.flags |= NF_SYNTHETIC;
    set->var = vn;
    set->value = &e->h;
    nl_push(a, &c->pre, set);
    return mk_var(w, sp, vn);
}

Node *xf_pl_var(Rw *w, Node *n)
{
    PlCtx *c = w->pl;
    VarRef *v = (VarRef *)n;
    if (!c || (n->flags & NF_SYNTHETIC))
        return n;
    if (v->vk == VK_LOCAL) {
        PlVar *pv = find_var(c, v->name);
        if (pv && pv->kind == PV_TABLE && pv->type)
            return table_var_array(w, pv, n->span);
        if (pv) {
            v->name = pv->tgt;
            n->flags |= NF_SYNTHETIC;
        } else {
            rw_item_once(w, "SS4101", v->name, n->span, "variable %s is not declared in this routine: kept as "
                         "written (the target rejects it)", v->name);
        }
        return n;
    }
    if (v->vk != VK_GLOBAL)
        return n;
    if (!rw_target_pg(w))
        return xf_my_global(w, n);
    const char *g = rw_upper(w, v->name, strlen(v->name));
    SrcSpan sp = n->span;
    if (!strcmp(g, "@@ROWCOUNT")) {
        c->d->uses_rowcount = 1;
        rw_item_once(w, "SS4110", NULL, sp, "@@ROWCOUNT becomes the row count of the last SQL statement "
                     "(GET DIAGNOSTICS): statements that are not SQL (SET, IF) do not reset it as in SQL Server");
        return mk_var(w, sp, "ss_rowcount");
    }
    if (!strcmp(g, "@@FETCH_STATUS")) {
        c->d->uses_fetch_status = 1;
        return mk_var(w, sp, "ss_fetch_status");
    }
    if (!strcmp(g, "@@ERROR")) {
        rw_item(w, "SS4111", sp, "@@ERROR is always 0 here: an error in PostgreSQL ends the statement and "
                "jumps to the EXCEPTION block (or aborts), so code that tests @@ERROR after a failing "
                "statement never runs; use BEGIN ... EXCEPTION");
        return mk_int(w, sp, 0);
    }
    if (!strcmp(g, "@@TRANCOUNT")) {
        rw_item(w, "SS4112", sp, "@@TRANCOUNT becomes 1: PL/pgSQL code always runs inside a transaction "
                "and has no nesting count");
        return mk_int(w, sp, 1);
    }
    if (!strcmp(g, "@@IDENTITY")) {
        rw_item(w, "SS4113", sp, "@@IDENTITY becomes lastval(): the last value of any sequence in the session "
                "(also one used by a trigger), as @@IDENTITY; better: INSERT ... RETURNING");
        return &mk_call(w, sp, "lastval", 0)->h;
    }
    if (!strcmp(g, "@@SPID"))
        return &mk_call(w, sp, "pg_backend_pid", 0)->h;
    if (!strcmp(g, "@@NESTLEVEL"))
        return &mk_call(w, sp, "pg_trigger_depth", 0)->h;
    rw_item_once(w, "SS4114", g, sp, "%s has no PostgreSQL equivalent: kept as written (the target rejects it)", g);
    return n;
}


/* PRE on FUNC inside stored code: ERROR_*(), SCOPE_IDENTITY(), XACT_STATE() */
Node *xf_pl_func(Rw *w, Node *n)
{
    PlCtx *c = w->pl;
    FuncCall *f = (FuncCall *)n;
    if (!c || f->name.n != 1 || !f->upper)
        return n;
    if (!rw_target_pg(w))
        return xf_my_func(w, n);
    const char *u = f->upper;
    SrcSpan sp = n->span;
    if (!strncmp(u, "ERROR_", 6) && f->args.n == 0) {
        const char *kinds[] = {"ERROR_NUMBER", "ERROR_MESSAGE", "ERROR_SEVERITY", "ERROR_STATE", "ERROR_LINE",
                               "ERROR_PROCEDURE"};
        int k = -1;
        for (int i = 0; i < 6; i++)
            if (!strcmp(u, kinds[i]))
                k = i;
        if (k < 0)
            return n;
        if (c->catch_depth == 0) {
            /* called from a CATCH block elsewhere: the handlers sqlshift writes
             * save the error in transaction-local settings (sqlshift.error_*) */
            rw_item_once(w, "SS4121", NULL, sp, "%s() outside a CATCH block reads the error that the calling CATCH "
                         "block saved (settings sqlshift.error_*): after that block the values stay until the end "
                         "of the transaction, where SQL Server returns NULL; errors caught by code not converted "
                         "by sqlshift are not seen", u);
            static const char *const keys[] = {"number", "message", "severity", "state", "line", "procedure"};
            char key[40];
            snprintf(key, sizeof key, "sqlshift.error_%s", keys[k]);
            Node *get = &mk_call(w, sp, "current_setting", 2, mk_str(w, sp, arena_strdup(w->cx->arena, key)),
                                 mk_bool(w, sp, 1))->h;
            Node *v = &mk_call(w, sp, "NULLIF", 2, get, mk_str(w, sp, ""))->h;
            return k == 1 || k == 5 ? v : mk_cast(w, sp, v, "integer");
        }
        c->d->uses_error = 1;
        switch (k) {
        case 0:
            rw_item_once(w, "SS4122", NULL, sp, "ERROR_NUMBER() becomes the SQLSTATE as a number when it is "
                         "numeric, else 50000: PostgreSQL errors have SQLSTATE codes, not SQL Server numbers");
            return mk_var(w, sp, "ss_err_number");
        case 1: return mk_var(w, sp, "ss_err_message");
        case 2:
            rw_item_once(w, "SS4123", NULL, sp, "ERROR_SEVERITY() becomes 16 and ERROR_STATE() 1: PostgreSQL "
                         "errors have no severity or state numbers");
            return mk_int(w, sp, 16);
        case 3:
            rw_item_once(w, "SS4123", NULL, sp, "ERROR_SEVERITY() becomes 16 and ERROR_STATE() 1: PostgreSQL "
                         "errors have no severity or state numbers");
            return mk_int(w, sp, 1);
        case 4:
            rw_item_once(w, "SS4124", NULL, sp, "ERROR_LINE() becomes the line in the PL/pgSQL function "
                         "(from PG_EXCEPTION_CONTEXT), not the line in the T-SQL source");
            return mk_var(w, sp, "ss_err_line");
        default:
            return mk_var(w, sp, "ss_err_procedure");
        }
    }
    if (c->is_trigger && !strcmp(u, "UPDATE") && f->args.n == 1 && f->args.items[0]->kind == N_NAME) {
        /* UPDATE(col): decided per event after the walk (trigger_event_bodies) */
        f->h.flags |= NF_SYNTHETIC;
        f->upper = "SS_UPDATED";
        if (c->d->events & TE_UPDATE)
            rw_item_once(w, "SS4182", NULL, sp, "UPDATE(column) in an UPDATE trigger becomes a test whether the "
                         "column's values changed: SQL Server also counts a SET of the column to its own value");
        return n;
    }
    if (c->is_trigger && !strcmp(u, "COLUMNS_UPDATED")) {
        rw_keep_verbatim(w, "SS4183", sp, "COLUMNS_UPDATED() has no PostgreSQL equivalent: the trigger is kept "
                         "verbatim; test the columns one by one (NEW.col IS DISTINCT FROM OLD.col)");
        return n;
    }
    if (!strcmp(u, "SCOPE_IDENTITY") && f->args.n == 0) {
        rw_item(w, "SS4113", sp, "SCOPE_IDENTITY() becomes lastval(): unlike SCOPE_IDENTITY() it also sees "
                "sequences used by triggers; better: INSERT ... RETURNING id INTO a variable");
        return &mk_call(w, sp, "lastval", 0)->h;
    }
    if (!strcmp(u, "XACT_STATE") && f->args.n == 0) {
        rw_item(w, "SS4112", sp, "XACT_STATE() becomes 1: PostgreSQL has no uncommittable state inside "
                "PL/pgSQL (a failed statement is rolled back by the EXCEPTION block)");
        return mk_int(w, sp, 1);
    }
    return n;
}

/* ---- result sets: RETURNS TABLE columns when every type is known ---- */

static const char *type_text(Rw *w, const TypeName *t)
{
    if (!t)
        return NULL;
    const char *s = xf_quiet_type_text(w, t);
    if (s)
        return s;
    CatTable *ut = w->cx->catalog ? cat_find_kind(w->cx->catalog, &t->name, OK_TYPE) : NULL;
    if (ut && ut->alias_of) {
        const char *b = xf_quiet_type_text(w, ut->alias_of);
        if (b)
            return b;
    }
    return NULL;
}

static const char *expr_type(Rw *w, const Node *e, int depth)
{
    if (!e || depth > 8)
        return NULL;
    switch (e->kind) {
    case N_NAME: {
        const CatColumn *c = rw_resolve_column(w, (const NameRef *)e, NULL);
        return c ? type_text(w, c->type) : NULL;
    }
    case N_VAR: {
        PlVar *pv = find_var(w->pl, ((const VarRef *)e)->name);
        return pv ? type_text(w, pv->type) : NULL;
    }
    case N_CAST: return type_text(w, ((const CastExpr *)e)->type);
    case N_LITERAL:
        switch (((const Literal *)e)->lk) {
        case LIT_STRING: case LIT_NSTRING: return "text";
        case LIT_INTEGER: return "integer";
        case LIT_DECIMAL: return "numeric";
        default: return NULL;
        }
    case N_CASE: {
        const CaseExpr *c = (const CaseExpr *)e;
        /* strings: T-SQL's rules (varchar outranks char, the longest length) */
        const char *st = xf_conditional_type(w, e);
        if (st)
            return st;
        for (int i = 0; i < c->whens.n; i++) {
            const char *t = expr_type(w, ((const WhenClause *)c->whens.items[i])->result, depth + 1);
            if (t && strcmp(t, "text"))
                return t;
        }
        const char *t = expr_type(w, c->else_, depth + 1);
        return t;
    }
    case N_FUNC: {
        const FuncCall *f = (const FuncCall *)e;
        const char *u = f->upper ? f->upper : "";
        if (!strcmp(u, "COUNT"))
            return "bigint";
        if (!strcmp(u, "COUNT_BIG"))
            return "bigint";
        /* ranking functions: bigint in PostgreSQL (ntile integer) */
        if (!strcmp(u, "ROW_NUMBER") || !strcmp(u, "RANK") || !strcmp(u, "DENSE_RANK"))
            return "bigint";
        if (!strcmp(u, "NTILE"))
            return "integer";
        if (f->name.n >= 2 && w->cx->target == DIALECT_POSTGRES) { /* hierarchyid methods (xf_hierarchyid.c) */
            if (!strcmp(u, "TOSTRING") || !strcmp(u, "GETANCESTOR"))
                return "text";
            if (!strcmp(u, "GETLEVEL") || !strcmp(u, "ISDESCENDANTOF"))
                return "integer";
        }
        if (f->args.n < 1)
            return NULL;
        const char *a = expr_type(w, f->args.items[0], depth + 1);
        if (!a)
            return NULL;
        if (!strcmp(u, "ROUND") || !strcmp(u, "MIN") || !strcmp(u, "MAX") || !strcmp(u, "ABS") ||
            !strcmp(u, "ISNULL") || !strcmp(u, "COALESCE"))
            return a;
        if (!strcmp(u, "SUM") || !strcmp(u, "AVG")) {
            if (!strncmp(a, "double", 6) || !strcmp(a, "real"))
                return "double precision";
            if (!strcmp(u, "SUM") && (!strcmp(a, "integer") || !strcmp(a, "smallint")))
                return "bigint";
            return "numeric";
        }
        return NULL;
    }
    default:
        return NULL;
    }
}

static const char *result_columns(Rw *w, SelectStmt *s)
{
    Scope *saved = w->scope;
    rw_scope_push(w, &s->from, NULL);
    StrBuf b;
    sb_init(&b);
    int ok = s->targets.n > 0;
    w->pl->rs_types = arena_alloc(w->cx->arena, sizeof(char *) * (size_t)(s->targets.n + 1));
    w->pl->rs_n = s->targets.n;
    for (int i = 0; ok && i < s->targets.n; i++) {
        TargetItem *t = (TargetItem *)s->targets.items[i];
        const Ident *name = t->alias.text ? &t->alias : NULL;
        if (!name && t->expr && t->expr->kind == N_NAME) {
            const QName *q = &((NameRef *)t->expr)->name;
            name = &q->parts[q->n - 1];
        }
        Ident synth;
        if (!name) {
            /* SQL Server returns the column without a name: columnN here */
            synth = ident_make(w->cx->arena, arena_printf(w->cx->arena, "column%d", i + 1));
            name = &synth;
            t->alias = synth;
        }
        const char *ty = expr_type(w, t->expr, 0);
        if (!ty) {
            ok = 0;
            break;
        }
        for (int j = 0; j < i; j++) { /* duplicate names cannot be OUT columns */
            TargetItem *o = (TargetItem *)s->targets.items[j];
            const Ident *on = o->alias.text ? &o->alias : (o->expr && o->expr->kind == N_NAME)
                            ? &((NameRef *)o->expr)->name.parts[((NameRef *)o->expr)->name.n - 1] : NULL;
            if (on && on->len == name->len && !strncasecmp(on->text, name->text, name->len))
                ok = 0;
        }
        if (i)
            sb_puts(&b, ", ");
        nm_put_ident(w->cx, &b, name);
        sb_putc(&b, ' ');
        sb_puts(&b, ty);
        w->pl->rs_types[i] = ty;
    }
    w->scope = saved;
    const char *res = ok ? arena_strndup(w->cx->arena, b.s, b.len) : NULL;
    sb_free(&b);
    return res;
}

/* ---- statements ---- */

static int is_result_query(const Node *n)
{
    if (!n)
        return 0;
    if (n->kind == N_SETOP || n->kind == N_WITH || n->kind == N_VALUES)
        return n->kind != N_WITH || is_result_query(((const WithStmt *)n)->body);
    if (n->kind != N_SELECT)
        return 0;
    const SelectStmt *s = (const SelectStmt *)n;
    if (s->into.n || s->into_vars.n)
        return 0;
    for (int i = 0; i < s->targets.n; i++) {
        const TargetItem *t = (const TargetItem *)s->targets.items[i];
        if (t->expr && t->expr->kind == N_ASSIGN)
            return 0;
    }
    return 1;
}

static int has_dml(const Node *n)
{
    if (!n)
        return 0;
    switch (n->kind) {
    case N_INSERT: case N_UPDATE: case N_DELETE: case N_CREATE_TABLE: case N_DROP:
        return 1;
    case N_PL_STMT: return ((const PlStmt *)n)->what == PW_EXEC || ((const PlStmt *)n)->what == PW_EXEC_SQL;
    case N_PL_BLOCK: {
        const PlBlock *b = (const PlBlock *)n;
        for (int i = 0; i < b->stmts.n; i++)
            if (has_dml(b->stmts.items[i]))
                return 1;
        return 0;
    }
    case N_PL_IF: return has_dml(((const PlIf *)n)->then_) || has_dml(((const PlIf *)n)->else_);
    case N_PL_WHILE: return has_dml(((const PlWhile *)n)->body);
    case N_PL_TRY: return has_dml(((const PlTry *)n)->try_) || has_dml(((const PlTry *)n)->catch_);
    case N_SELECT: return ((const SelectStmt *)n)->into.n > 0;
    default: return 0;
    }
}

static int has_stmt(const Node *n, int what)
{
    if (!n)
        return 0;
    switch (n->kind) {
    case N_PL_STMT: return ((const PlStmt *)n)->what == what;
    case N_PL_BLOCK: {
        const PlBlock *b = (const PlBlock *)n;
        for (int i = 0; i < b->stmts.n; i++)
            if (has_stmt(b->stmts.items[i], what))
                return 1;
        return 0;
    }
    case N_PL_IF: return has_stmt(((const PlIf *)n)->then_, what) || has_stmt(((const PlIf *)n)->else_, what);
    case N_PL_WHILE: return has_stmt(((const PlWhile *)n)->body, what);
    case N_PL_TRY: return has_stmt(((const PlTry *)n)->try_, what) || has_stmt(((const PlTry *)n)->catch_, what);
    default: return 0;
    }
}

static void walk_stmt(Rw *w, Node **slot);

/* the same table (catalogue entry, else the last name part) */
static int same_table(Rw *w, const QName *a, const QName *b)
{
    if (!a->n || !b->n)
        return 0;
    CatTable *ta = w->cx->catalog ? cat_find(w->cx->catalog, a) : NULL;
    CatTable *tb = w->cx->catalog ? cat_find(w->cx->catalog, b) : NULL;
    if (ta && tb)
        return ta == tb;
    const Ident *x = &a->parts[a->n - 1], *y = &b->parts[b->n - 1];
    return x->len == y->len && !strncasecmp(x->text, y->text, x->len);
}

static void rename_var_text(Rw *w, const char **var, SrcSpan sp)
{
    PlVar *pv = find_var(w->pl, *var);
    if (pv)
        *var = pv->tgt;
    else
        rw_item_once(w, "SS4101", *var, sp, "variable %s is not declared in this routine: kept as written (the "
                     "target rejects it)", *var);
}

/* names of table variables (@t) in FROM / INSERT / UPDATE / DELETE */
static void rename_table_var(Rw *w, QName *q)
{
    if (q->n != 1 || !q->parts[0].text || q->parts[0].text[0] != '@')
        return;
    PlVar *pv = find_var(w->pl, q->parts[0].text);
    if (pv) {
        q->parts[0].text = pv->tgt;
        q->parts[0].len = (uint32_t)strlen(pv->tgt);
        q->parts[0].quote = 0;
    }
}

/* FROM @tvp [AS a] -> FROM unnest(p_tvp) AS a: the array of the table type's
 * composite type read as rows; the alias (the parameter's name without @ when
 * there is none) keeps column references working */
static int tvp_unnest(Rw *w, Node **slot)
{
    TableRef *t = (TableRef *)*slot;
    const QName *q = &t->name;
    PlVar *pv = q->n == 1 && q->parts[0].text && q->parts[0].text[0] == '@' ? find_var(w->pl, q->parts[0].text)
                                                                            : NULL;
    if (!pv || pv->kind != PV_TVP)
        return 0;
    TableFunc *f = NODE_NEW(w->cx->arena, TableFunc, TABLE_FUNC, t->h.span);
    f->h.flags |= NF_SYNTHETIC;
    f->call = mk_call(w, t->h.span, "unnest", 1, mk_name(w, t->h.span, pv->tgt));
    if (t->alias.text) {
        f->alias = t->alias;
    } else {
        const char *bare = pv->src + 1;
        f->alias = ident_make(w->cx->arena, target_name(w, "", bare));
    }
    f->col_aliases = t->col_aliases;
    f->row_table = pv->rows;
    *slot = &f->h;
    return 1;
}

typedef struct TvVisit { RwVisit v; Rw *w; } TvVisit;
static void tv_slot(RwVisit *v, Node **slot);
static void tv_list(RwVisit *v, NodeList *l)
{
    for (int i = 0; i < l->n; i++)
        tv_slot(v, &l->items[i]);
}
static void tv_slot(RwVisit *v, Node **slot)
{
    Node *n = *slot;
    if (!n)
        return;
    Rw *w = ((TvVisit *)v)->w;
    PlCtx *c = w->pl;
    if (n->kind == N_TABLE_REF && c->d->ret == PR_TABLE_VAR) {
        const QName *q = &((TableRef *)n)->name;
        PlVar *pv = q->n == 1 && q->parts[0].text[0] == '@' ? find_var(c, q->parts[0].text) : NULL;
        if (pv && pv->tgt == c->d->ret_var)
            rw_keep_verbatim(w, "SS4137", n->span, "the returned table variable %s is read or updated in the "
                             "body: not converted (only INSERT INTO it is)", q->parts[0].text);
    }
    if (n->kind == N_TABLE_REF && tvp_unnest(w, slot))
        n = *slot;
    else if (n->kind == N_TABLE_REF)
        rename_table_var(w, &((TableRef *)n)->name);
    else if (n->kind == N_INSERT)
        rename_table_var(w, &((InsertStmt *)n)->table);
    rw_children(n, v);
}

static void walk_sql(Rw *w, Node **slot)
{
    TvVisit tv = {{tv_slot, tv_list, NULL}, w};
    tv_slot(&tv.v, slot);
    rw_walk(w, slot);
}

static void walk_query_stmt(Rw *w, Node **slot)
{
    PlCtx *c = w->pl;
    Node *n = *slot;
    if (c->rowcount_limit && n->kind == N_SELECT) {
        SelectStmt *q = (SelectStmt *)n;
        if (!q->limit && !q->top)
            q->limit = c->rowcount_limit;
    }
    if (is_result_query(n)) {
        c->d->result_sets++;
        if (!c->is_proc) {
            rw_item(w, "SS4131", n->span, "a query whose rows go nowhere (a function cannot return rows to "
                    "the client): kept as PERFORM");
        } else if (c->d->result_sets == 1 && n->kind == N_SELECT) {
            c->d->rs_cols = result_columns(w, (SelectStmt *)n);
        } else {
            c->d->rs_cols = NULL;
        }
        walk_sql(w, slot);
        if (c->d->result_sets == 1 && c->d->rs_cols && (*slot)->kind == N_SELECT) {
            /* RETURN QUERY needs the declared types exactly */
            SelectStmt *q = (SelectStmt *)*slot;
            for (int i = 0; i < q->targets.n && i < c->rs_n; i++) {
                TargetItem *t = (TargetItem *)q->targets.items[i];
                if (!t->alias.text && t->expr->kind == N_NAME) {
                    const QName *qn = &((NameRef *)t->expr)->name;
                    t->alias = qn->parts[qn->n - 1];
                }
                t->expr = mk_cast(w, t->expr->span, t->expr, c->rs_types[i]);
            }
        }
        return;
    }
    if (n->kind == N_SELECT) {
        SelectStmt *s = (SelectStmt *)n;
        if (s->into.n) {
            rw_item(w, "SS4140", n->span, "SELECT ... INTO %s becomes CREATE TABLE ... AS (a temporary table "
                    "for #names)", rw_qname_text(w, &s->into));
        } else if (s->from.n && !s->group_by.n) {
            int agg_only = 1;
            for (int i = 0; i < s->targets.n && agg_only; i++) {
                TargetItem *t = (TargetItem *)s->targets.items[i];
                Node *v = t->expr && t->expr->kind == N_ASSIGN ? ((Assignment *)t->expr)->value : NULL;
                const FuncCall *f = v && v->kind == N_FUNC ? (const FuncCall *)v : NULL;
                agg_only = f && f->upper && !f->over &&
                           (!strcmp(f->upper, "SUM") || !strcmp(f->upper, "COUNT") || !strcmp(f->upper, "MAX") ||
                            !strcmp(f->upper, "MIN") || !strcmp(f->upper, "AVG"));
            }
            if (!agg_only)
                rw_item(w, "SS4132", n->span, "SELECT @v = ... FROM becomes SELECT ... INTO: when no row "
                        "matches, the variable becomes NULL (SQL Server keeps its value), and with several "
                        "rows it takes the first row's value (SQL Server: the last)");
        }
    }
    walk_sql(w, slot);
}

static void walk_stmt_list(Rw *w, NodeList *l)
{
    for (int i = 0; i < l->n; i++)
        walk_stmt(w, &l->items[i]);
}

/* string constants of dynamic SQL that look like T-SQL, with their locations */
static void tsql_looking_strings(Rw *w, const Node *n, int depth)
{
    if (!n || depth > 50)
        return;
    if (n->kind == N_LITERAL && (((const Literal *)n)->lk == LIT_STRING || ((const Literal *)n)->lk == LIT_NSTRING)) {
        const Literal *l = (const Literal *)n;
        static const char *const marks[] = {"[", "TOP ", "TOP(", "GETDATE", "ISNULL", "NOLOCK", "@@", "CONVERT(",
                                            "LEN(", "DBO.", "DATEADD", "DATEDIFF", "CHARINDEX", "NVARCHAR", "#"};
        char up[256];
        size_t k = l->len < sizeof up - 1 ? l->len : sizeof up - 1;
        for (size_t i = 0; i < k; i++)
            up[i] = (char)toupper((unsigned char)l->value[i]);
        up[k] = 0;
        for (size_t m = 0; m < sizeof marks / sizeof *marks; m++)
            if (strstr(up, marks[m])) {
                rw_item(w, "SS4157", n->span, "string in dynamic SQL looks like T-SQL (%s): %.50s%s", marks[m],
                        l->value, l->len > 50 ? "..." : "");
                return;
            }
        return;
    }
    if (n->kind == N_BINARY) {
        tsql_looking_strings(w, ((const BinaryExpr *)n)->l, depth + 1);
        tsql_looking_strings(w, ((const BinaryExpr *)n)->r, depth + 1);
    } else if (n->kind == N_FUNC) {
        const FuncCall *f = (const FuncCall *)n;
        for (int i = 0; i < f->args.n; i++)
            tsql_looking_strings(w, f->args.items[i], depth + 1);
    }
}

/* EXEC sp_executesql @stmt, N'@a int, @b varchar(10)', @a = 1, @b = 'x'
 * -> EXECUTE with @a/@b in the text replaced by $1/$2 ... USING 1, 'x' */
static int sp_executesql(Rw *w, PlStmt *s)
{
    SrcSpan sp = s->h.span;
    if (s->args.n < 1 || s->args.items[0]->kind == N_ASSIGN)
        return 0;
    tsql_looking_strings(w, s->args.items[0], 0);
    Node *text = s->args.items[0];
    walk_sql(w, &text);
    NodeList using = {0, 0, NULL};
    if (s->args.n >= 2) {
        Node *decl = s->args.items[1];
        if (decl->kind != N_LITERAL) {
            rw_item(w, "SS4156", decl->span, "sp_executesql with a parameter list that is not a constant: kept as "
                    "a comment; write EXECUTE ... USING by hand");
            return 0;
        }
        const Literal *dl = (const Literal *)decl;
        /* the declared names, in order */
        const char *names[32];
        int nn = 0;
        for (uint32_t i = 0; i < dl->len && nn < 32; i++) {
            if (dl->value[i] != '@')
                continue;
            uint32_t j = i + 1;
            while (j < dl->len && (isalnum((unsigned char)dl->value[j]) || dl->value[j] == '_' ||
                                   dl->value[j] == '#' || dl->value[j] == '$'))
                j++;
            names[nn++] = arena_strndup(w->cx->arena, dl->value + i, j - i);
            i = j;
        }
        if (contains_ci(dl->value, "OUTPUT") || contains_ci(dl->value, " OUT")) {
            rw_item(w, "SS4156", decl->span, "sp_executesql with OUTPUT parameters: kept as a comment; use "
                    "EXECUTE ... INTO with the values the statement returns");
            return 0;
        }
        for (int k = 0; k < nn; k++) {
            Node *val = NULL;
            for (int i = 2; i < s->args.n; i++) {
                Node *a = s->args.items[i];
                if (a->kind == N_ASSIGN) {
                    Assignment *as = (Assignment *)a;
                    if (as->target->kind == N_VAR && !strcasecmp(((VarRef *)as->target)->name, names[k]))
                        val = as->value;
                } else if (i - 2 == k) {
                    val = a;
                }
            }
            if (!val) {
                rw_item(w, "SS4156", sp, "sp_executesql: no value for parameter %s: kept as a comment", names[k]);
                return 0;
            }
            walk_sql(w, &val);
            nl_push(w->cx->arena, &using, val);
            char pos[16];
            snprintf(pos, sizeof pos, "$%d", k + 1);
            /* regexp_replace(text, '@name\M', '$k', 'gi'): whole names only */
            text = &mk_call(w, sp, "regexp_replace", 4, text,
                            mk_str(w, sp, arena_printf(w->cx->arena, "%s\\M", names[k])),
                            mk_str(w, sp, arena_strdup(w->cx->arena, pos)), mk_str(w, sp, "gi"))->h;
        }
    }
    s->what = PW_EXEC_SQL;
    s->expr = text;
    s->args = using;
    s->name.n = 0;
    rw_item(w, "SS4155", sp, "sp_executesql becomes EXECUTE ... USING, the @parameters in the text replaced by "
            "$1, $2...: the text runs as written, so review that it is PostgreSQL SQL");
    return 1;
}

static void walk_exec(Rw *w, PlStmt *s)
{
    if (s->name.n && ident_eq(&s->name.parts[s->name.n - 1], "sp_executesql") && sp_executesql(w, s))
        return;
    PlCtx *c = w->pl;
    const Ident *last = &s->name.parts[s->name.n - 1];
    const char *nm = rw_qname_text(w, &s->name);
    for (int i = 0; i < s->args.n; i++) {
        Node *a = s->args.items[i];
        if (a->kind == N_ASSIGN) {
            Assignment *as = (Assignment *)a;
            /* the parameter name: the callee's p_ name */
            if (as->target && as->target->kind == N_VAR) {
                VarRef *pv = (VarRef *)as->target;
                pv->name = target_name(w, "p_", pv->name);
                pv->h.flags |= NF_SYNTHETIC;
            }
            walk_sql(w, &as->value);
        } else {
            walk_sql(w, &s->args.items[i]);
        }
    }
    if (s->ret_var) {
        rename_var_text(w, &s->ret_var, s->h.span);
        rw_item(w, "SS4151", s->h.span, "the return status of %s is not available in PostgreSQL: %s is set to 0 "
                "after the call", nm, s->ret_var);
    }
    if ((last->len > 3 && (!strncasecmp(last->text, "sp_", 3) || !strncasecmp(last->text, "xp_", 3)))) {
        rw_item(w, "SS4152", s->h.span, "system procedure %s has no PostgreSQL equivalent: the call is kept "
                "as a comment; do what it did with PostgreSQL's catalog or functions", nm);
        s->form = -1;
        return;
    }
    CatTable *t = w->cx->catalog ? cat_find_kind(w->cx->catalog, &s->name, OK_PROCEDURE) : NULL;
    s->form = t ? t->code_form : CF_UNKNOWN;
    if (t && t->code_form == CF_PROCEDURE) {
        /* CALL in PL/pgSQL needs a variable for every INOUT parameter, also one
         * the T-SQL call left to its default: pass ss_out_<name> */
        int named = 0;
        for (int i = 0; i < s->args.n; i++)
            named |= s->args.items[i]->kind == N_ASSIGN;
        for (int k = 0; k < t->params.n; k++) {
            const CatParam *cp = &t->params.items[k];
            if (!cp->output)
                continue;
            int given = 0;
            for (int i = 0; i < s->args.n; i++) {
                Node *a = s->args.items[i];
                if (a->kind == N_ASSIGN && ((Assignment *)a)->target->kind == N_VAR)
                    given |= !strcmp(((VarRef *)((Assignment *)a)->target)->name, cp->name);
                else if (a->kind != N_ASSIGN && i == k)
                    given = 1;
            }
            if (given)
                continue;
            const char *vn = arena_printf(w->cx->arena, "ss_out_%s", cp->name + 2);
            Assignment *as = NODE_NEW(w->cx->arena, Assignment, ASSIGN, s->h.span);
            as->h.flags |= NF_SYNTHETIC;
            as->target = mk_var(w, s->h.span, cp->name);
            as->value = mk_var(w, s->h.span, vn);
            nl_push(w->cx->arena, &s->args, as);
            PlOutVar ov = {vn, cp->type};
            VEC_PUSH(w->cx->arena, c->outs, ov);
            (void)named;
        }
    }
    if (!t || t->code_form == CF_UNKNOWN)
        rw_item(w, "SS4153", s->h.span, "EXEC %s becomes CALL: the procedure is not converted in this input "
                "(if it returns rows it becomes a function: call it with SELECT)", nm);
    else if (t->code_form == CF_SET_FUNCTION || t->code_form == CF_CURSOR_FUNCTION)
        rw_item(w, "SS4154", s->h.span, "EXEC %s: the procedure returns rows and became a function; its rows "
                "are discarded here (PERFORM) where SQL Server sent them to the client", nm);
    (void)c;
}

static void walk_pl_stmt(Rw *w, PlStmt *s)
{
    PlCtx *c = w->pl;
    SrcSpan sp = s->h.span;
    switch (s->what) {
    case PW_RETURN:
        if (s->expr)
            walk_sql(w, &s->expr);
        if (s->expr && !c->is_proc)
            s->expr = xf_implicit_convert(w, c->d->ret_type, s->expr, 1);
        if (s->expr && c->is_proc)
            rw_item(w, "SS4133", sp, "RETURN with a status value in a procedure: PostgreSQL procedures "
                    "return no status; the value is dropped (use an OUT parameter)");
        break;
    case PW_PRINT:
        walk_sql(w, &s->expr);
        break;
    case PW_RAISERROR: case PW_THROW:
        for (int i = 0; i < s->args.n; i++)
            walk_sql(w, &s->args.items[i]);
        if (s->what == PW_RAISERROR) {
            long sev = 16;
            if (s->args.n < 3 || !rw_int_literal(s->args.items[1], &sev))
                rw_item(w, "SS4125", sp, "RAISERROR severity is not a constant: converted as an error "
                        "(severity 11 or more); severity 10 or less only prints a message");
            if (s->args.n >= 1 && s->args.items[0]->kind == N_LITERAL &&
                (((Literal *)s->args.items[0])->lk == LIT_INTEGER))
                rw_item(w, "SS4126", sp, "RAISERROR with a message number: the sys.messages text is not "
                        "available; the number becomes the message");
            if (s->word && contains_ci(s->word, "LOG"))
                rw_item(w, "SS4127", sp, "RAISERROR WITH LOG: PostgreSQL logs errors per log_min_messages; "
                        "the option is dropped");
        } else if (s->args.n == 0 && c->catch_depth == 0) {
            rw_item(w, "SS4128", sp, "THROW without arguments outside a CATCH block: RAISE has no error to "
                    "re-raise here");
        }
        break;
    case PW_GOTO: case PW_LABEL:
        rw_item(w, "SS4141", sp, "GOTO and labels have no PL/pgSQL equivalent: kept as a comment; rewrite "
                "the jump as a loop EXIT or an IF");
        s->form = -1;
        break;
    case PW_WAITFOR:
        walk_sql(w, &s->expr);
        break;
    case PW_BEGIN_TRAN:
        s->form = -1;
        if (c->is_proc && !c->try_depth)
            rw_item(w, "SS4160", sp, "BEGIN TRAN dropped: a PostgreSQL procedure runs inside a transaction; "
                    "COMMIT and ROLLBACK in it end that transaction and start a new one");
        break;
    case PW_COMMIT: case PW_ROLLBACK:
        if (c->is_trigger && s->what == PW_ROLLBACK && !s->name.n) {
            s->form = 2; /* RAISE EXCEPTION */
            rw_item(w, "SS4184", sp, "ROLLBACK in a trigger becomes RAISE EXCEPTION: the triggering statement "
                    "fails and the transaction is aborted, as in SQL Server (which also ends the batch)");
            break;
        }
        if (!c->is_proc) {
            s->form = -1;
            rw_item(w, "SS4161", sp, "%s dropped: a PostgreSQL function cannot end the transaction",
                    s->what == PW_COMMIT ? "COMMIT" : "ROLLBACK");
        } else if (s->name.n) {
            s->form = -1;
            rw_item(w, "SS4162", sp, "transaction savepoint %s: rolling back to a savepoint is an exception "
                    "block in PL/pgSQL; rewrite with BEGIN ... EXCEPTION", rw_qname_text(w, &s->name));
        } else if (c->try_depth || c->catch_depth) {
            s->form = -1;
            if (s->what == PW_ROLLBACK)
                rw_item(w, "SS4163", sp, "ROLLBACK in a CATCH block dropped: the EXCEPTION block has already "
                        "undone the changes of the TRY block (not those made before it)");
            else
                rw_item(w, "SS4164", sp, "COMMIT inside TRY dropped: PostgreSQL cannot commit inside a block "
                        "with an EXCEPTION clause; the changes commit with the caller's transaction");
        } else {
            rw_item(w, "SS4165", sp, "%s in a procedure: it ends the caller's transaction too; CALL the "
                    "procedure outside an explicit transaction block", s->what == PW_COMMIT ? "COMMIT" : "ROLLBACK");
        }
        break;
    case PW_SAVE:
        s->form = -1;
        rw_item(w, "SS4162", sp, "SAVE TRANSACTION: savepoints in PL/pgSQL are exception blocks; rewrite "
                "with BEGIN ... EXCEPTION");
        break;
    case PW_OPEN: case PW_CLOSE: case PW_DEALLOCATE: case PW_FETCH: {
        PlVar *pv = s->name.n == 1 ? find_var(c, s->name.parts[0].text) : NULL;
        if (!pv || pv->kind != PV_CURSOR) {
            rw_item(w, "SS4170", sp, "cursor %s is not declared in this routine: kept as a comment",
                    rw_qname_text(w, &s->name));
            s->form = -1;
            break;
        }
        s->name.parts[0].text = pv->tgt;
        s->name.parts[0].len = (uint32_t)strlen(pv->tgt);
        s->name.parts[0].quote = 0;
        if (s->what == PW_DEALLOCATE)
            s->form = -1;
        if (s->what == PW_FETCH) {
            c->d->uses_fetch_status = 1;
            for (int i = 0; i < s->args.n; i++)
                walk_sql(w, &s->args.items[i]);
            if (s->word && strcmp(s->word, "NEXT")) {
                rw_item(w, "SS4171", sp, "FETCH %s needs a SCROLL cursor in PostgreSQL: declare the cursor "
                        "with SCROLL", s->word);
            }
        }
        break;
    }
    case PW_EXEC:
        walk_exec(w, s);
        break;
    case PW_EXEC_SQL:
        tsql_looking_strings(w, s->expr, 0);
        walk_sql(w, &s->expr);
        rw_item(w, "SS4155", sp, "dynamic SQL becomes EXECUTE: the text is run as written, so review that it "
                "is PostgreSQL SQL (identifiers, functions, TOP, + for strings)");
        break;
    case PW_SET_OPTION: {
        const char *o = rw_upper(w, s->name.parts[0].text, s->name.parts[0].len);
        s->form = -1;
        if (!strcmp(o, "ROWCOUNT")) {
            long v = 0;
            const char *word = s->word ? s->word : "";
            c->rowcount_limit = NULL;
            if (*word && strspn(word, "0123456789") == strlen(word) && (v = atol(word)) > 0) {
                c->rowcount_limit = mk_int(w, sp, v);
                rw_item(w, "SS4169", sp, "SET ROWCOUNT %s becomes LIMIT %s on the queries that follow in this "
                        "routine; a data change while it is in effect is reported", word, word);
            } else if (strcmp(word, "0")) {
                rw_item(w, "SS4166", sp, "SET ROWCOUNT %s is not converted: add LIMIT to the statements it "
                        "limits", word);
            }
        } else if (!strcmp(o, "TRANSACTION")) {
            rw_item(w, "SS4167", sp, "SET TRANSACTION ISOLATION LEVEL dropped: in PostgreSQL it must be the "
                    "first statement of a transaction; set it where the transaction starts");
        } else if (!strcmp(o, "NOCOUNT")) {
            rw_item_once(w, "SS4168", "NOCOUNT", sp, "SET NOCOUNT dropped: PostgreSQL sends no row-count "
                         "messages from routines");
        } else if (!strcmp(o, "XACT_ABORT")) {
            rw_item(w, "SS4168", sp, "SET XACT_ABORT dropped: in PostgreSQL an error always aborts the "
                    "transaction (or the enclosing EXCEPTION block)");
        } else {
            rw_item(w, "SS4168", sp, "SET %s dropped inside stored code: set the equivalent PostgreSQL "
                    "setting on the function (SET clause) if it matters", o);
        }
        break;
    }
    default:
        break;
    }
}

static void walk_stmt_kind(Rw *w, Node **slot);
static void walk_stmt_inner(Rw *w, Node **slot);

/* one body statement: findings "once per statement" are keyed by it */
static void walk_stmt(Rw *w, Node **slot)
{
    uint32_t saved = w->pl_stmt;
    if (*slot)
        w->pl_stmt = (*slot)->span.off;
    walk_stmt_kind(w, slot);
    w->pl_stmt = saved;
}

/* Walks one statement; statements the rewrite puts before it (c->pre) come
 * with it in a block (printed flat) */
static void walk_stmt_kind(Rw *w, Node **slot)
{
    PlCtx *c = w->pl;
    NodeList outer = c->pre;
    memset(&c->pre, 0, sizeof c->pre);
    walk_stmt_inner(w, slot);
    if (c->pre.n && *slot) {
        PlBlock *b = NODE_NEW(w->cx->arena, PlBlock, PL_BLOCK, (*slot)->span);
        b->h.flags |= NF_SYNTHETIC;
        b->stmts = c->pre;
        nl_push(w->cx->arena, &b->stmts, *slot);
        *slot = &b->h;
    }
    c->pre = outer;
}

static void walk_stmt_inner(Rw *w, Node **slot)
{
    PlCtx *c = w->pl;
    Node *n = *slot;
    if (!n || w->raw_code)
        return;
    if (!rw_target_pg(w) && xf_my_stmt(w, slot))
        return;
    switch (n->kind) {
    case N_PL_BLOCK: walk_stmt_list(w, &((PlBlock *)n)->stmts); break;
    case N_PL_DECLARE: {
        PlDeclare *d = (PlDeclare *)n;
        rename_var_text(w, &d->var, n->span);
        if (d->type)
            xf_map_type(w, d->type, d->var);
        if (d->init) {
            walk_sql(w, &d->init);
            d->init = xf_implicit_convert(w, d->type, d->init, 0);
            if (var_is_bool(w, d->var))
                d->init = xf_bool_literal(w, d->init);
        }
        if (d->is_table) {
            for (int i = 0; i < d->cols.n; i++)
                rw_walk(w, &d->cols.items[i]);
            rw_item(w, "SS4142", n->span, "table variable becomes a temporary table %s (dropped and created "
                    "again at this point; it lives until the end of the session, and a ROLLBACK undoes its "
                    "rows, where a table variable keeps them)", d->var);
        }
        if (d->is_cursor) {
            walk_sql(w, &d->query);
            if (d->options)
                rw_item(w, "SS4172", n->span, "cursor options (%s) dropped: PostgreSQL cursors are "
                        "insensitive and read-only unless declared otherwise", d->options);
        }
        break;
    }
    case N_PL_SET: {
        PlSet *s = (PlSet *)n;
        const char *src = s->var;
        walk_sql(w, &s->value);
        if (!s->op) {
            VarRef tv = {{N_VAR, 0, n->span}, VK_LOCAL, src};
            s->value = xf_implicit_convert(w, xf_var_type(w, &tv), s->value, 0);
        }
        if (s->op == B_ADD) {
            PlVar *pv = find_var(c, src);
            VarRef tmp = {{N_VAR, 0, n->span}, VK_LOCAL, src};
            if (pv && xf_var_class(w, &tmp) == CLS_STRING)
                s->op = B_CONCAT;
        }
        if (!s->op && var_is_bool(w, src))
            s->value = xf_bool_literal(w, s->value);
        rename_var_text(w, &s->var, n->span);
        break;
    }
    case N_PL_IF:
        walk_sql(w, &((PlIf *)n)->cond);
        walk_stmt(w, &((PlIf *)n)->then_);
        walk_stmt(w, &((PlIf *)n)->else_);
        break;
    case N_PL_WHILE:
        walk_sql(w, &((PlWhile *)n)->cond);
        walk_stmt(w, &((PlWhile *)n)->body);
        break;
    case N_PL_TRY: {
        PlTry *t = (PlTry *)n;
        c->d->has_catch = 1;
        if (has_dml(t->try_) && !has_stmt(t->try_, PW_BEGIN_TRAN))
            rw_item(w, "SS4120", n->span, "TRY/CATCH becomes BEGIN ... EXCEPTION: when an error is caught, the "
                    "changes made in the TRY block are rolled back (in SQL Server they stay unless the "
                    "transaction is rolled back)");
        if (has_dml(t->catch_) && (has_stmt(t->catch_, PW_THROW) || has_stmt(t->catch_, PW_RAISERROR)))
            rw_item(w, "SS4129", t->catch_->span, "the CATCH block changes data and raises an error again: in "
                    "PostgreSQL the error rolls back those changes too (an error log written there is lost "
                    "unless the caller catches the error); log through dblink or in the caller");
        c->try_depth++;
        walk_stmt(w, &t->try_);
        c->try_depth--;
        c->catch_depth++;
        walk_stmt(w, &t->catch_);
        c->catch_depth--;
        if (has_stmt(t->catch_, PW_EXEC))
            c->d->uses_error = 1; /* the callee may read ERROR_*() */
        break;
    }
    case N_PL_STMT: walk_pl_stmt(w, (PlStmt *)n); break;
    case N_SELECT: case N_SETOP: case N_WITH: case N_VALUES:
        walk_query_stmt(w, slot);
        break;
    case N_CREATE_TABLE: {
        CreateTable *t = (CreateTable *)n;
        if (t->temporary)
            rw_item(w, "SS4143", n->span, "temporary table %s: created again on each call (DROP TABLE IF "
                    "EXISTS first); it lives until the end of the session, not the end of the procedure",
                    rw_qname_text(w, &t->name));
        walk_sql(w, slot);
        break;
    }
    case N_INSERT: {
        InsertStmt *ins = (InsertStmt *)n;
        if (c->is_trigger && same_table(w, &ins->table, &c->r->on_table))
            c->d->self_dml = 1;
        PlVar *pv = c->d->ret == PR_TABLE_VAR && ins->table.n == 1 && ins->table.parts[0].text[0] == '@'
                  ? find_var(c, ins->table.parts[0].text) : NULL;
        walk_sql(w, slot);
        if (pv && pv->tgt == c->d->ret_var) {
            /* INSERT INTO @ret SELECT ... -> RETURN QUERY SELECT with the declared types */
            if (ins->cols.n || !ins->source || ins->source->kind != N_SELECT ||
                ((SelectStmt *)ins->source)->targets.n != c->d->ret_cols.n) {
                rw_keep_verbatim(w, "SS4137", n->span, "INSERT INTO the returned table variable %s with a column "
                                 "list or VALUES: not converted", pv->src);
                break;
            }
            SelectStmt *q = (SelectStmt *)ins->source;
            for (int i = 0; i < q->targets.n; i++) {
                TargetItem *t = (TargetItem *)q->targets.items[i];
                CastExpr *ce = NODE_NEW(w->cx->arena, CastExpr, CAST, t->expr->span);
                ce->h.flags |= NF_SYNTHETIC;
                ce->syntax = CAST_CAST;
                ce->expr = t->expr;
                ce->type = ((ColumnDef *)c->d->ret_cols.items[i])->type;
                t->expr = &ce->h;
            }
        }
        break;
    }
    case N_UPDATE: case N_DELETE: {
        if (c->rowcount_limit)
            rw_item(w, "SS4166", n->span, "SET ROWCOUNT limits this data change in SQL Server; PostgreSQL has no "
                    "LIMIT on UPDATE/DELETE: limit the rows with a subquery on the key");
        if (c->is_trigger) {
            /* the statement's target: UPDATE t / UPDATE alias ... FROM t alias */
            Node *tn = n->kind == N_UPDATE ? ((UpdateStmt *)n)->table : ((DeleteStmt *)n)->table;
            if (tn && tn->kind == N_TABLE_REF && same_table(w, &((TableRef *)tn)->name, &c->r->on_table))
                c->d->self_dml = 1;
            NodeList *from = n->kind == N_UPDATE ? &((UpdateStmt *)n)->from : &((DeleteStmt *)n)->from;
            for (int i = 0; i < from->n; i++)
                if (from->items[i]->kind == N_TABLE_REF &&
                    same_table(w, &((TableRef *)from->items[i])->name, &c->r->on_table))
                    c->d->self_dml = 1;
        }
        walk_sql(w, slot);
        break;
    }
    default:
        walk_sql(w, slot);
        break;
    }
}

/* ---- triggers: one body per event, inserted/deleted as that event has them ---- */

typedef struct EvVisit {
    RwVisit v;
    Rw *w;
    RoutineStmt *r;
    int event;             /* TE_* */
    int row_level;
} EvVisit;

static Node *empty_of(Rw *w, RoutineStmt *r, SrcSpan sp)
{
    /* (SELECT * FROM the_table WHERE FALSE): the transition table this event has not */
    SelectStmt *q = NODE_NEW(w->cx->arena, SelectStmt, SELECT, sp);
    q->h.flags |= NF_SYNTHETIC;
    StarRef *st = NODE_NEW(w->cx->arena, StarRef, STAR, sp);
    TargetItem *t = NODE_NEW(w->cx->arena, TargetItem, TARGET, sp);
    t->expr = &st->h;
    nl_push(w->cx->arena, &q->targets, t);
    TableRef *tr = NODE_NEW(w->cx->arena, TableRef, TABLE_REF, sp);
    tr->name = r->on_table;
    nl_push(w->cx->arena, &q->from, tr);
    q->where = mk_bool(w, sp, 0);
    return &q->h;
}

static Node *row_of(Rw *w, const char *which, SrcSpan sp)
{
    /* (SELECT NEW.*): the one row of a row-level trigger */
    SelectStmt *q = NODE_NEW(w->cx->arena, SelectStmt, SELECT, sp);
    q->h.flags |= NF_SYNTHETIC;
    StarRef *st = NODE_NEW(w->cx->arena, StarRef, STAR, sp);
    st->qual.n = 1;
    st->qual.parts[0] = ident_make(w->cx->arena, which);
    TargetItem *t = NODE_NEW(w->cx->arena, TargetItem, TARGET, sp);
    t->expr = &st->h;
    nl_push(w->cx->arena, &q->targets, t);
    return &q->h;
}

static void ev_slot(RwVisit *v, Node **slot);
static void ev_list(RwVisit *v, NodeList *l)
{
    for (int i = 0; i < l->n; i++)
        ev_slot(v, &l->items[i]);
}

static void ev_slot(RwVisit *v, Node **slot)
{
    EvVisit *e = (EvVisit *)v;
    Rw *w = e->w;
    Node *n = *slot;
    if (!n)
        return;
    if (n->kind == N_TABLE_REF) {
        TableRef *t = (TableRef *)n;
        int ins = t->name.n == 1 && ident_eq(&t->name.parts[0], "inserted");
        int del = t->name.n == 1 && ident_eq(&t->name.parts[0], "deleted");
        if (ins || del) {
            int has = ins ? e->event != TE_DELETE : e->event != TE_INSERT;
            Node *q = NULL;
            if (!has)
                q = empty_of(w, e->r, n->span);
            else if (e->row_level)
                q = row_of(w, ins ? "NEW" : "OLD", n->span);
            if (q) {
                DerivedTable *dt = NODE_NEW(w->cx->arena, DerivedTable, DERIVED, n->span);
                dt->h.flags |= NF_SYNTHETIC;
                dt->query = q;
                dt->alias = t->alias.text ? t->alias : ident_make(w->cx->arena, ins ? "inserted" : "deleted");
                *slot = &dt->h;
            } else {
                /* the transition table itself (names print lower case) */
                t->name.parts[0] = ident_make(w->cx->arena, ins ? "inserted" : "deleted");
            }
            return;
        }
    }
    if (n->kind == N_FUNC && ((FuncCall *)n)->upper && !strcmp(((FuncCall *)n)->upper, "SS_UPDATED")) {
        FuncCall *f = (FuncCall *)n;
        NameRef *col = (NameRef *)f->args.items[0];
        const Ident *cn = &col->name.parts[col->name.n - 1];
        if (e->event == TE_INSERT) {
            *slot = mk_bool(w, n->span, 1); /* UPDATE(col) is true for an INSERT */
        } else if (e->event == TE_DELETE) {
            *slot = mk_bool(w, n->span, 0);
        } else if (e->row_level) {
            QName qn = {0};
            qn.n = 2;
            qn.parts[0] = ident_make(w->cx->arena, "NEW");
            qn.parts[1] = *cn;
            QName qo = qn;
            qo.parts[0] = ident_make(w->cx->arena, "OLD");
            Node *x = mk_bin(w, n->span, B_NSEQ, mk_qname(w, n->span, &qn), mk_qname(w, n->span, &qo));
            *slot = mk_unary(w, n->span, U_NOT, mk_paren(x));
        } else {
            /* EXISTS (SELECT col FROM inserted EXCEPT ALL SELECT col FROM deleted) */
            SetOpStmt *so = NODE_NEW(w->cx->arena, SetOpStmt, SETOP, n->span);
            so->op = SO_EXCEPT;
            so->all = 1;
            const char *tabs[2] = {"inserted", "deleted"};
            Node *sides[2];
            for (int k = 0; k < 2; k++) {
                SelectStmt *q = NODE_NEW(w->cx->arena, SelectStmt, SELECT, n->span);
                TargetItem *t = NODE_NEW(w->cx->arena, TargetItem, TARGET, n->span);
                QName qn = {0};
                qn.n = 1;
                qn.parts[0] = *cn;
                t->expr = mk_qname(w, n->span, &qn);
                nl_push(w->cx->arena, &q->targets, t);
                TableRef *tr = NODE_NEW(w->cx->arena, TableRef, TABLE_REF, n->span);
                tr->name.n = 1;
                tr->name.parts[0] = ident_make(w->cx->arena, tabs[k]);
                nl_push(w->cx->arena, &q->from, tr);
                sides[k] = &q->h;
            }
            so->l = sides[0];
            so->r = sides[1];
            ExistsExpr *ex = NODE_NEW(w->cx->arena, ExistsExpr, EXISTS, n->span);
            ex->query = &so->h;
            *slot = &ex->h;
        }
        return;
    }
    rw_children(n, v);
}

static void trigger_event_bodies(Rw *w, RoutineStmt *r)
{
    PlRoutine *d = r->def;
    static const int ev[3] = {TE_INSERT, TE_UPDATE, TE_DELETE};
    for (int i = 0; i < 3; i++) {
        if (!(d->events & ev[i]))
            continue;
        EvVisit e = {{ev_slot, ev_list, NULL}, w, r, ev[i], d->row_level};
        Node *copy = rw_copy(w, d->body);
        ev_slot(&e.v, &copy);
        d->event_body[i] = copy;
    }
}

/* BEGIN ATOMIC WITH (...) of a natively compiled routine (parse_tsql_body.c
 * gives the block as option "ATOMIC" and each setting as "ATOMIC <NAME>") */
static void atomic_option(Rw *w, const OptionItem *o)
{
    const char *v = o->value ? o->value : "";
    if (!strcmp(o->name, "ATOMIC"))
        rw_item(w, "SS4193", o->h.span, "BEGIN ATOMIC block became the routine's body: atomic as in SQL Server "
                "(an error undoes all its changes), in the caller's transaction");
    else if (!strcmp(o->name, "ATOMIC TRANSACTION ISOLATION LEVEL"))
        rw_item(w, "SS4194", o->h.span, "BEGIN ATOMIC option TRANSACTION ISOLATION LEVEL = %s dropped: the body "
                "ran at %s isolation; it now runs at the caller's level (callers that need it run SET "
                "TRANSACTION ISOLATION LEVEL %s first)", v, v,
                !strcasecmp(v, "SNAPSHOT") ? "REPEATABLE READ, PostgreSQL's snapshot isolation," : v);
    else if (!strcmp(o->name, "ATOMIC LANGUAGE"))
        rw_item(w, "SS4194", o->h.span, "BEGIN ATOMIC option LANGUAGE = %s dropped: it set the language of "
                "messages and date names for the body; the session's settings apply (lc_messages, DateStyle)", v);
    else
        rw_item(w, "SS4194", o->h.span, "BEGIN ATOMIC option %s = %s dropped: the session's setting applies",
                o->name + 7, v);
}

/* ---- table-valued parameters ---- */

typedef struct TvpCol { Ident name; const char *type; const CatColumn *col; } TvpCol;
typedef struct TvpScan {
    RwVisit v;
    Rw *w;
    const char *var;        /* @name of the parameter */
    VEC(TvpCol) cols;       /* columns the body reads, typed by where they are stored */
    int failed;             /* a column whose type cannot be told */
    int pass;               /* 1: collect typed columns; 2: check every reference */
} TvpScan;

static int ident_eq_ci(const Ident *a, const Ident *b)
{
    return a->text && b->text && a->len == b->len && !strncasecmp(a->text, b->text, a->len);
}

/* The FROM item of a query that is the parameter (nested in joins too). */
static TableRef *tvp_from(Node *item, const char *var)
{
    if (!item)
        return NULL;
    if (item->kind == N_JOIN) {
        TableRef *t = tvp_from(((JoinExpr *)item)->l, var);
        return t ? t : tvp_from(((JoinExpr *)item)->r, var);
    }
    if (item->kind != N_TABLE_REF)
        return NULL;
    TableRef *t = (TableRef *)item;
    if (t->name.n == 1 && t->name.parts[0].text && strlen(var) == t->name.parts[0].len &&
        !strncasecmp(var, t->name.parts[0].text, t->name.parts[0].len))
        return t;
    return NULL;
}

/* Column of the parameter that the name refers to in select s, or NULL */
static const Ident *tvp_column(SelectStmt *s, TableRef *t, const Node *e)
{
    if (!e || e->kind != N_NAME)
        return NULL;
    const QName *q = &((const NameRef *)e)->name;
    if (q->n == 2 && t->alias.text && ident_eq_ci(&q->parts[0], &t->alias))
        return &q->parts[1];
    if (q->n == 1 && s->from.n == 1 && s->from.items[0] == &t->h)
        return &q->parts[0];
    return NULL;
}

static TvpCol *tvp_col_find(TvpScan *ts, const Ident *name)
{
    for (int i = 0; i < ts->cols.n; i++)
        if (ident_eq_ci(&ts->cols.items[i].name, name))
            return &ts->cols.items[i];
    return NULL;
}

/* the target type text of a catalogue column */
static const char *column_type_text(Rw *w, const CatColumn *c)
{
    if (!c || !c->type)
        return NULL;
    const char *t = xf_quiet_type_text(w, c->type);
    if (t)
        return t;
    StrBuf b;
    sb_init(&b);
    em_type(w->cx, &b, c->type);
    const char *r = b.len ? arena_strndup(w->cx->arena, b.s, b.len) : NULL;
    sb_free(&b);
    return r;
}

typedef struct NameVisit { RwVisit v; TvpScan *ts; SelectStmt *s; TableRef *t; } NameVisit;
static void nv_slot(RwVisit *v, Node **slot);
static void nv_list(RwVisit *v, NodeList *l)
{
    for (int i = 0; i < l->n; i++)
        nv_slot(v, &l->items[i]);
}
static void nv_slot(RwVisit *v, Node **slot)
{
    NameVisit *nv = (NameVisit *)v;
    Node *n = *slot;
    if (!n || n->kind == N_SELECT || n->kind == N_SETOP || n->kind == N_WITH)
        return; /* subqueries are scanned on their own */
    const Ident *col = tvp_column(nv->s, nv->t, n);
    if (col && !tvp_col_find(nv->ts, col))
        nv->ts->failed = 1;
    rw_children(n, v);
}

static void tvp_slot(RwVisit *v, Node **slot);
static void tvp_list(RwVisit *v, NodeList *l)
{
    for (int i = 0; i < l->n; i++)
        tvp_slot(v, &l->items[i]);
}
static void tvp_slot(RwVisit *v, Node **slot)
{
    TvpScan *ts = (TvpScan *)v;
    Rw *w = ts->w;
    Node *n = *slot;
    if (!n)
        return;
    if (ts->pass == 1 && n->kind == N_INSERT && ((InsertStmt *)n)->source &&
        ((InsertStmt *)n)->source->kind == N_SELECT) {
        /* INSERT t (c1, c2) SELECT o.a, o.b FROM @tvp o: a has c1's type */
        InsertStmt *ins = (InsertStmt *)n;
        SelectStmt *s = (SelectStmt *)ins->source;
        CatTable *tt = w->cx->catalog ? cat_find(w->cx->catalog, &ins->table) : NULL;
        TableRef *t = NULL;
        for (int i = 0; i < s->from.n && !t; i++)
            t = tvp_from(s->from.items[i], ts->var);
        for (int i = 0; t && tt && i < s->targets.n && i < ins->cols.n; i++) {
            TargetItem *ti = (TargetItem *)s->targets.items[i];
            const Ident *col = ti->h.kind == N_TARGET ? tvp_column(s, t, ti->expr) : NULL;
            if (!col)
                continue;
            const CatColumn *cc = cat_column(tt, ins->cols.items[i].text, ins->cols.items[i].len);
            const char *type = column_type_text(w, cc);
            TvpCol *have = tvp_col_find(ts, col);
            if (!type || (have && strcmp(have->type, type)))
                ts->failed = 1;
            else if (!have) {
                TvpCol c = {*col, type, cc};
                VEC_PUSH(w->cx->arena, ts->cols, c);
            }
        }
    }
    if (ts->pass == 2 && n->kind == N_SELECT) {
        SelectStmt *s = (SelectStmt *)n;
        TableRef *t = NULL;
        for (int i = 0; i < s->from.n && !t; i++)
            t = tvp_from(s->from.items[i], ts->var);
        if (t) {
            NameVisit nv = {{nv_slot, nv_list, NULL}, ts, s, t};
            for (int i = 0; i < s->targets.n; i++) {
                TargetItem *ti = (TargetItem *)s->targets.items[i];
                if (ti->h.kind == N_TARGET && ti->expr)
                    nv_slot(&nv.v, &ti->expr);
            }
            nv_slot(&nv.v, &s->where);
            nv_list(&nv.v, &s->group_by);
            nv_slot(&nv.v, &s->having);
            nv_list(&nv.v, &s->order_by);
            for (int i = 0; i < s->from.n; i++)
                if (s->from.items[i]->kind == N_JOIN)
                    nv_slot(&nv.v, &((JoinExpr *)s->from.items[i])->on);
        }
    }
    rw_children(n, v);
}

/* A READONLY table-valued parameter becomes an array of the table type's
 * composite type (xf_create_type makes the type). When the type is not in the
 * input, a composite type is declared before the routine from the columns the
 * body reads, typed by the columns they are inserted into; 0 if that cannot
 * be told. */
static int tvp_param(Rw *w, PlParam *p, const char *src_name)
{
    if (!rw_target_pg(w) || !p->type || p->type->name.n == 0)
        return 0;
    PlCtx *c = w->pl;
    const char *tname = rw_qname_text(w, &p->type->name);
    CatTable *ut = w->cx->catalog ? cat_find_kind(w->cx->catalog, &p->type->name, OK_TYPE) : NULL;
    for (int i = 0; ut && i < ut->cols.n; i++)
        if (!ut->cols.items[i].type)
            return 0; /* a computed column: the table type stays verbatim (SS3013) */
    CatTable *rows = ut && ut->cols.n ? ut : NULL;
    xf_qualify_user_type(w, &p->type->name); /* as xf_create_type names it */
    StrBuf b;
    sb_init(&b);
    em_qname(w->cx, &b, &p->type->name);
    const char *qtype = arena_strndup(w->cx->arena, b.s, b.len);
    sb_free(&b);
    if (!ut || ut->cols.n == 0) {
        TvpScan ts;
        memset(&ts, 0, sizeof ts);
        ts.v.node = tvp_slot;
        ts.v.list = tvp_list;
        ts.w = w;
        ts.var = src_name;
        ts.pass = 1;
        tvp_slot(&ts.v, &c->d->body);
        ts.pass = 2;
        tvp_slot(&ts.v, &c->d->body);
        if (ts.failed || ts.cols.n == 0)
            return 0;
        /* the rows' columns for lookups in the body (bit columns compare with TRUE) */
        rows = ARENA_NEW(w->cx->arena, CatTable);
        rows->schema = "";
        rows->name = "";
        rows->kind = OK_TYPE;
        for (int i = 0; i < ts.cols.n; i++) {
            CatColumn cc = *ts.cols.items[i].col;
            cc.name = rw_ident_text(w, &ts.cols.items[i].name);
            cc.ident = ts.cols.items[i].name;
            cc.identity = cc.generated = 0;
            VEC_PUSH(w->cx->arena, rows->cols, cc);
        }
        StrBuf pre;
        sb_init(&pre);
        const char *dot = strrchr(qtype, '.'); /* the schema as the target names it (dbo has none) */
        if (dot && !strchr(qtype, '"'))
            sb_printf(&pre, "CREATE SCHEMA IF NOT EXISTS %.*s;\n", (int)(dot - qtype), qtype);
        sb_printf(&pre, "DO $ss$\nBEGIN\n    IF to_regtype('%s') IS NULL THEN\n        CREATE TYPE %s AS (",
                  qtype, qtype);
        StrBuf cols;
        sb_init(&cols);
        for (int i = 0; i < ts.cols.n; i++) {
            sb_puts(&pre, i ? ", " : "");
            nm_put_ident(w->cx, &pre, &ts.cols.items[i].name);
            sb_printf(&pre, " %s", ts.cols.items[i].type);
            sb_printf(&cols, "%s%s %s", i ? ", " : "", rw_ident_text(w, &ts.cols.items[i].name),
                      ts.cols.items[i].type);
        }
        sb_puts(&pre, ");\n    END IF;\nEND\n$ss$;\n\n");
        const char *old = c->d->prelude ? c->d->prelude : "";
        c->d->prelude = arena_printf(w->cx->arena, "%s%.*s", old, (int)pre.len, pre.s);
        rw_item(w, "SS4196", p->h.span, "table type %s of %s is not in the input: composite type %s declared "
                "(when missing) with the columns the routine reads: %s", tname, src_name, qtype, cols.s);
        sb_free(&pre);
        sb_free(&cols);
    }
    p->type->target_text = arena_printf(w->cx->arena, "%s[]", qtype);
    PlVar *pv = find_var(c, src_name);
    if (pv) {
        pv->kind = PV_TVP;
        pv->rows = rows;
    }
    rw_item(w, "SS4192", p->h.span, "table-valued parameter %s became %s %s[]: callers pass an array of rows "
            "(ARRAY[ROW(..)::%s, ..]) instead of a table variable; the body reads it with unnest(%s)", src_name,
            p->var, qtype, qtype, p->var);
    return 1;
}

static CatTable *own_entry(Rw *w, RoutineStmt *r)
{
    if (!w->cx->catalog)
        return NULL;
    return cat_find_kind(w->cx->catalog, &r->name, r->rkind == RK_FUNCTION ? OK_FUNCTION : OK_PROCEDURE);
}

int xf_routine(Rw *w, RoutineStmt *r)
{
    if (w->cx->source != DIALECT_TSQL || !r->def)
        return 0;
    PlRoutine *d = r->def;
    PlCtx c;
    memset(&c, 0, sizeof c);
    c.r = r;
    c.d = d;
    c.is_proc = r->rkind == RK_PROCEDURE;
    c.is_trigger = r->rkind == RK_TRIGGER;
    if (c.is_trigger && r->on_table.n == 0)
        return 0;
    if (c.is_trigger && rw_target_pg(w)) {
        CatTable *tt = w->cx->catalog ? cat_find(w->cx->catalog, &r->on_table) : NULL;
        d->on_view = tt && tt->kind == OK_VIEW;
        if (d->timing == TT_INSTEAD_OF) {
            d->row_level = 1;
            if (d->on_view)
                rw_item(w, "SS4180", r->h.span, "INSTEAD OF trigger on a view becomes a row-level INSTEAD OF "
                        "trigger: its body runs once per row (inserted/deleted hold that row), not once per "
                        "statement");
            else
                rw_item(w, "SS4181", r->h.span, "INSTEAD OF trigger on a table becomes a BEFORE ... FOR EACH ROW "
                        "trigger that skips the row (RETURN NULL): its body runs once per row (inserted/deleted "
                        "hold that row), not once per statement");
        }
    }
    w->pl = &c;
    const char *name = rw_qname_text(w, &r->name);
    for (int i = 0; i < d->params.n; i++) {
        PlParam *p = (PlParam *)d->params.items[i];
        add_var(w, p->var, "p_", p->type, PV_PARAM);
        const char *src_name = p->var;
        p->var = find_var(&c, p->var)->tgt;
        if (!p->readonly) /* a table type: tvp_param below */
            xf_map_type(w, p->type, p->var);
        if (rw_target_pg(w) && p->type && p->type->upper &&
            (!strcmp(p->type->upper, "TINYINT") || !strcmp(p->type->upper, "SMALLINT"))) {
            /* f(2) passes an integer: PostgreSQL finds no f(smallint) for it */
            p->type->target_text = "integer";
            rw_item(w, "SS4186", p->h.span, "parameter %s (%s) became integer so that integer arguments "
                    "find the routine; values outside %s's range are no longer rejected",
                    src_name, p->type->upper, p->type->upper);
        }
        if (p->def) {
            walk_sql(w, &p->def);
            if (var_is_bool(w, p->var))
                p->def = xf_bool_literal(w, p->def);
        }
        if (p->readonly && !tvp_param(w, p, src_name))
            rw_keep_verbatim(w, "SS4102", p->h.span, "table-valued parameter %s: PostgreSQL has no table "
                             "parameters (pass an array of a composite type); its table type is not in the "
                             "input and the routine does not show all its columns' types", src_name);
        if (p->output && r->rkind == RK_FUNCTION)
            rw_keep_verbatim(w, "SS4102", p->h.span, "OUTPUT parameter in a function is not valid T-SQL");
    }
    if (!rw_target_pg(w) && !xf_my_routine_pre(w, r)) {
        w->pl = NULL;
        return 0;
    }
    /* PostgreSQL wants every parameter after one with a default to have one */
    for (int i = 0, seen = 0; rw_target_pg(w) && i < d->params.n; i++) {
        PlParam *p = (PlParam *)d->params.items[i];
        if (p->def) {
            seen = 1;
        } else if (seen) {
            p->def = mk_null(w, p->h.span);
            rw_item(w, "SS4105", p->h.span, "parameter %s after one with a default gets DEFAULT NULL (PostgreSQL "
                    "requires it): a call that leaves it out passes NULL where SQL Server raised an error", p->var);
        }
    }
    if (d->ret_type)
        xf_map_type(w, d->ret_type, name);
    if (d->ret == PR_TABLE_VAR) {
        add_var(w, d->ret_var, "t_", NULL, PV_TABLE);
        d->ret_var = find_var(&c, d->ret_var)->tgt;
        for (int i = 0; i < d->ret_cols.n; i++)
            rw_walk(w, &d->ret_cols.items[i]);
    }
    for (int i = 0; i < d->options.n; i++) {
        OptionItem *o = (OptionItem *)d->options.items[i];
        if (!strcmp(o->name, "EXECUTE AS")) {
            const char *t = rw_span_text(w, o->h.span);
            if (!o->value || strcmp(o->value, "CALLER"))
                rw_item(w, "SS4103", o->h.span, "%s becomes SECURITY DEFINER: the routine runs with its "
                        "owner's rights; check the owner and set search_path", t);
        } else if (!strcmp(o->name, "SCHEMABINDING") || !strcmp(o->name, "RECOMPILE") ||
                   !strcmp(o->name, "RETURNS NULL ON NULL INPUT") || !strcmp(o->name, "CALLED") ||
                   !strcmp(o->name, "INLINE")) {
            /* SCHEMABINDING: PostgreSQL tracks no dependencies of a PL/pgSQL body; harmless */
        } else if (!strcmp(o->name, "NATIVE_COMPILATION")) {
            rw_item(w, "SS4195", o->h.span, "WITH NATIVE_COMPILATION dropped: the routine becomes ordinary "
                    "PL/pgSQL (same behaviour, no compiled code)");
        } else if (!strncmp(o->name, "ATOMIC", 6)) {
            atomic_option(w, o);
        } else if (!strcmp(o->name, "ENCRYPTION")) {
            rw_item(w, "SS4104", o->h.span, "WITH ENCRYPTION dropped: PostgreSQL shows routine source to "
                    "anyone who can read pg_proc");
        } else {
            rw_item(w, "SS4104", o->h.span, "routine option %s dropped", o->name);
        }
    }
    if (d->ret == PR_INLINE_TABLE) {
        Node *q = d->ret_query;
        if (q && q->kind == N_SELECT)
            d->rs_cols = result_columns(w, (SelectStmt *)q);
        if (!d->rs_cols) {
            rw_keep_verbatim(w, "SS4137", q ? q->span : r->h.span, "inline table-valued function %s: the types "
                             "of its columns are not all known, and RETURNS TABLE needs them", name);
        } else {
            walk_sql(w, &d->ret_query);
            SelectStmt *qs = (SelectStmt *)d->ret_query;
            for (int i = 0; i < qs->targets.n && i < c.rs_n; i++) {
                TargetItem *t = (TargetItem *)qs->targets.items[i];
                t->expr = mk_cast(w, t->expr->span, t->expr, c.rs_types[i]);
            }
        }
    } else {
        collect_declares(w, d->body);
        walk_stmt(w, &d->body);
    }
    if (!w->raw_code && !rw_target_pg(w)) {
        int ok = xf_my_routine_post(w, r);
        w->pl = NULL;
        return ok && !w->raw_code;
    }
    w->pl = NULL;
    if (w->raw_code)
        return 0;
    if (c.outs.n) {
        StrBuf db;
        sb_init(&db);
        for (int i = 0; i < c.outs.n; i++) {
            int dup = 0;
            for (int j = 0; j < i; j++)
                dup |= !strcmp(c.outs.items[i].name, c.outs.items[j].name);
            if (!dup)
                sb_printf(&db, "    %s %s;\n", c.outs.items[i].name, c.outs.items[i].type);
        }
        d->extra_decls = arena_strndup(w->cx->arena, db.s, db.len);
        sb_free(&db);
    }
    if (c.is_trigger) {
        if (d->self_dml && !d->row_level)
            rw_item(w, "SS4185", r->h.span, "the trigger changes its own table: a transaction-local setting keeps it "
                    "from firing itself again, as SQL Server does with RECURSIVE_TRIGGERS OFF (the default)");
        else
            d->self_dml = 0;
        trigger_event_bodies(w, r);
        return 1;
    }
    /* the routine's target shape, for callers later in the input */
    CatTable *t = own_entry(w, r);
    int form = r->rkind == RK_FUNCTION ? CF_FUNCTION : CF_PROCEDURE;
    if (c.is_proc && d->result_sets) {
        for (int i = 0; i < d->params.n; i++)
            if (((PlParam *)d->params.items[i])->output) {
                rw_keep_verbatim(w, "SS4134", r->h.span, "procedure %s returns rows and has OUTPUT parameters: "
                                 "a PostgreSQL function cannot do both; split it", name);
                return 0;
            }
        form = d->result_sets == 1 && d->rs_cols ? CF_SET_FUNCTION : CF_CURSOR_FUNCTION;
        if (form == CF_SET_FUNCTION)
            rw_item(w, "SS4135", r->h.span, "procedure %s returns rows: it becomes a function RETURNS TABLE; "
                    "callers use SELECT * FROM %s(...) instead of EXEC", name, name);
        else
            rw_item(w, "SS4136", r->h.span, "procedure %s returns %d result set%s whose column types are not "
                    "all known: it becomes a function returning %s; callers run it in a transaction and FETCH "
                    "ALL from the cursor name%s it returns", name, d->result_sets, d->result_sets > 1 ? "s" : "",
                    d->result_sets > 1 ? "SETOF refcursor" : "refcursor", d->result_sets > 1 ? "s" : "");
    }
    if (t) {
        t->code_form = form;
        t->params.n = 0;
        Arena *ca = &w->cx->catalog->arena;
        for (int i = 0; i < d->params.n; i++) {
            PlParam *p = (PlParam *)d->params.items[i];
            StrBuf tb;
            sb_init(&tb);
            em_type(w->cx, &tb, p->type);
            CatParam cp = {arena_strdup(ca, p->var), arena_strndup(ca, tb.s, tb.len), p->output, p->def != NULL, NULL};
            sb_free(&tb);
            VEC_PUSH(ca, t->params, cp);
        }
    }
    return 1;
}

/* ---- for the MySQL target's rewrites (xf_proc_mysql.c) ---- */

const char *xf_pl_target_name(Rw *w, const char *src, int *kind)
{
    PlVar *pv = w->pl ? find_var(w->pl, src) : NULL;
    if (pv && kind)
        *kind = pv->kind;
    return pv ? pv->tgt : NULL;
}

PlRoutine *xf_pl_routine(Rw *w)
{
    return w->pl ? w->pl->d : NULL;
}

int *xf_pl_depth(Rw *w, int catch_)
{
    return catch_ ? &w->pl->catch_depth : &w->pl->try_depth;
}

void xf_pl_walk_stmt(Rw *w, Node **slot)
{
    walk_stmt(w, slot);
}

void xf_pl_walk_sql(Rw *w, Node **slot)
{
    walk_sql(w, slot);
}

const TypeName *xf_pl_var_type(Rw *w, const char *name)
{
    PlCtx *c = w->pl;
    for (int i = 0; c && i < c->vars.n; i++)
        if (!strcasecmp(c->vars.items[i].src, name) || !strcmp(c->vars.items[i].tgt, name))
            return c->vars.items[i].type;
    return NULL;
}

Node **xf_pl_rowcount_limit(Rw *w)
{
    return &w->pl->rowcount_limit;
}
