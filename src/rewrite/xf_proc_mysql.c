/* rewrite: what differs when T-SQL procedures, functions and triggers go to
 * MySQL 8 instead of PL/pgSQL. xf_proc.c does the target-neutral work
 * (variable names, types, expressions, DML) and calls these hooks for the
 * MySQL target; the MySQL text is printed by src/emit/emit_mysqlproc.c.
 * Every construct whose meaning changes gets an action item (SS42nn). */
#include "rewrite/xf.h"
#include "emit/emit.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static Node *my_var(Rw *w, SrcSpan sp, const char *name)
{
    VarRef *v = NODE_NEW(w->cx->arena, VarRef, VAR, sp);
    v->h.flags |= NF_SYNTHETIC;
    v->vk = VK_LOCAL;
    v->name = name;
    return &v->h;
}

static Node *keyword(Rw *w, SrcSpan sp, const char *text)
{
    KeywordExpr *k = NODE_NEW(w->cx->arena, KeywordExpr, KEYWORD_EXPR, sp);
    k->h.flags |= NF_SYNTHETIC;
    k->word = text;
    return &k->h;
}

/* a statement replaced by its source text as a comment (the printer shows
 * PlStmt form -1 verbatim) */
static Node *dropped_stmt(Rw *w, SrcSpan sp)
{
    PlStmt *s = NODE_NEW(w->cx->arena, PlStmt, PL_STMT, sp);
    s->what = PW_UNSUPPORTED;
    s->form = -1;
    return &s->h;
}

static int contains_ci(const char *h, const char *needle)
{
    size_t k = strlen(needle);
    for (; *h; h++)
        if (!strncasecmp(h, needle, k))
            return 1;
    return 0;
}

static int upper_is(const FuncCall *f, const char *const *names)
{
    for (; *names; names++)
        if (f->upper && !strcmp(f->upper, *names))
            return 1;
    return 0;
}

static const char *const aggregates[] = {"SUM", "COUNT", "COUNT_BIG", "MAX", "MIN", "AVG", "STDEV", "VAR",
                                         "STRING_AGG", NULL};

/* ---- a look through a subtree (read only) ---- */

typedef struct Scan {
    RwVisit v;
    int queries, dml, nondet, agg, temp_refs;
    int trans_refs;          /* inserted/deleted as FROM items */
    const char *temp_seen[16];
    int temp_n, temp_twice;
    SrcSpan twice_span;
    int trans_agg;           /* a query over inserted/deleted that aggregates its rows */
    int mysql8_only;         /* GROUPING(), ORDER BY with WITH ROLLUP */
    SrcSpan mysql8_span;
} Scan;

static const char *const nondet_funcs[] = {"GETDATE", "GETUTCDATE", "SYSDATETIME", "SYSUTCDATETIME",
                                           "SYSDATETIMEOFFSET", "CURRENT_TIMESTAMP", "NEWID", "RAND",
                                           "NEWSEQUENTIALID", "CRYPT_GEN_RANDOM", "NOW", "SYSDATE", "UUID",
                                           "CURDATE", "CURTIME", "UTC_TIMESTAMP", NULL};

/* inserted/deleted among the FROM items (joins included) */
static int item_is_trans(const Node *n)
{
    if (!n)
        return 0;
    if (n->kind == N_TABLE_REF) {
        const QName *q = &((const TableRef *)n)->name;
        return q->n == 1 && (ident_eq(&q->parts[0], "inserted") || ident_eq(&q->parts[0], "deleted"));
    }
    if (n->kind == N_JOIN)
        return item_is_trans(((const JoinExpr *)n)->l) || item_is_trans(((const JoinExpr *)n)->r);
    return 0;
}

static int from_has_trans(const NodeList *from)
{
    for (int i = 0; i < from->n; i++)
        if (item_is_trans(from->items[i]))
            return 1;
    return 0;
}

/* an aggregate call in the expression, not counting nested queries */
typedef struct AggVisit { RwVisit v; int found; } AggVisit;
static void agg_slot(RwVisit *v, Node **slot);
static void agg_list(RwVisit *v, NodeList *l)
{
    for (int i = 0; i < l->n; i++)
        agg_slot(v, &l->items[i]);
}
static void agg_slot(RwVisit *v, Node **slot)
{
    Node *n = *slot;
    if (!n || n->kind == N_SELECT || n->kind == N_SETOP || n->kind == N_WITH)
        return;
    if (n->kind == N_FUNC && !((FuncCall *)n)->over && upper_is((FuncCall *)n, aggregates))
        ((AggVisit *)v)->found = 1;
    rw_children(n, v);
}

static int has_agg(Node *n, int unused)
{
    (void)unused;
    AggVisit a = {{agg_slot, agg_list, NULL}, 0};
    agg_slot(&a.v, &n);
    return a.found;
}

static int list_has_agg(const NodeList *l)
{
    for (int i = 0; i < l->n; i++)
        if (has_agg(l->items[i], 0))
            return 1;
    return 0;
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
    switch (n->kind) {
    case N_TABLE_REF: {
        const QName *q = &((TableRef *)n)->name;
        s->queries++;
        if (q->n == 1 && (ident_eq(&q->parts[0], "inserted") || ident_eq(&q->parts[0], "deleted")))
            s->trans_refs++;
        if (q->n == 1 && q->parts[0].text && q->parts[0].text[0] == '#') {
            for (int i = 0; i < s->temp_n; i++)
                if (q->parts[0].len == strlen(s->temp_seen[i]) &&
                    !strncasecmp(q->parts[0].text, s->temp_seen[i], q->parts[0].len) && !s->temp_twice) {
                    s->temp_twice = 1;
                    s->twice_span = n->span;
                }
            if (s->temp_n < 16)
                s->temp_seen[s->temp_n++] = q->parts[0].text;
        }
        break;
    }
    case N_INSERT: case N_UPDATE: case N_DELETE: case N_CREATE_TABLE: case N_DROP:
        s->dml++;
        break;
    case N_PL_STMT: {
        int what = ((PlStmt *)n)->what;
        if (what == PW_EXEC || what == PW_EXEC_SQL)
            s->dml++;
        break;
    }
    case N_SELECT: {
        const SelectStmt *q = (const SelectStmt *)n;
        if (from_has_trans(&q->from) && (q->group_by.n || list_has_agg(&q->targets) || has_agg(q->having, 0)))
            s->trans_agg = 1;
        if (q->with_rollup && q->order_by.n && !s->mysql8_only) {
            s->mysql8_only = 1;
            s->mysql8_span = n->span;
        }
        break;
    }
    case N_FUNC: {
        const FuncCall *f = (const FuncCall *)n;
        if (f->upper && !strcmp(f->upper, "GROUPING") && !s->mysql8_only) {
            s->mysql8_only = 1;
            s->mysql8_span = n->span;
        }
        if (upper_is(f, nondet_funcs))
            s->nondet++;
        if (upper_is(f, aggregates) && !f->over)
            s->agg++;
        break;
    }
    case N_KEYWORD_EXPR:
        if (!strcasecmp(((KeywordExpr *)n)->word, "CURRENT_TIMESTAMP"))
            s->nondet++;
        break;
    default:
        break;
    }
    rw_children(n, v);
}

static void scan(Node **slot, Scan *s)
{
    memset(s, 0, sizeof *s);
    s->v.node = scan_slot;
    s->v.list = scan_list;
    scan_slot(&s->v, slot);
}

/* ---- the routine ---- */

int xf_my_routine_pre(Rw *w, RoutineStmt *r)
{
    PlRoutine *d = r->def;
    const char *name = rw_qname_text(w, &r->name);
    if (r->rkind == RK_FUNCTION && (d->ret == PR_INLINE_TABLE || d->ret == PR_TABLE_VAR)) {
        rw_keep_verbatim(w, "SS4207", r->h.span, "table-valued function %s has no MySQL equivalent: make it a "
                         "view (when it has no parameters) or a procedure that returns the rows", name);
        return 0;
    }
    for (int i = 0; i < d->params.n; i++) {
        PlParam *p = (PlParam *)d->params.items[i];
        if (p->def) {
            /* the name as written: the parameter's text up to the type */
            const char *src = rw_span_text(w, p->h.span);
            size_t k = 0;
            while (src[k] && !isspace((unsigned char)src[k]) && k < 128)
                k++;
            rw_item(w, "SS4200", p->def->span, "default of parameter %.*s dropped: MySQL parameters have no "
                    "defaults, so callers must pass every argument (calls converted by sqlshift pass it)",
                    (int)k, src);
        }
    }
    if (r->rkind == RK_TRIGGER) {
        if (d->timing == TT_INSTEAD_OF) {
            rw_keep_verbatim(w, "SS4227", r->h.span, "INSTEAD OF trigger %s: MySQL has only BEFORE and AFTER "
                             "triggers (and none on views); move the logic into a procedure that callers use "
                             "instead of the DML", name);
            return 0;
        }
        CatTable *t = w->cx->catalog ? cat_find(w->cx->catalog, &r->on_table) : NULL;
        if (!t || t->kind != OK_TABLE || !t->cols.n) {
            rw_keep_verbatim(w, "SS4227", r->h.span, "trigger %s: the columns of %s are not known in this input, "
                             "and inserted/deleted become NEW/OLD column by column; convert the table in the "
                             "same run", name, rw_qname_text(w, &r->on_table));
            return 0;
        }
        /* a body that looks at inserted/deleted as a set (COUNT(*), SUM)
         * is not the same run once per row */
        Scan s;
        scan(&d->body, &s);
        if (s.trans_agg) {
            rw_keep_verbatim(w, "SS4227", r->h.span, "trigger %s aggregates over inserted/deleted: a MySQL "
                             "trigger runs once per row and sees one row; rewrite the set logic per row", name);
            return 0;
        }
    }
    return 1;
}

/* ---- triggers: one body per event, inserted/deleted as the row ---- */

typedef struct MyEv {
    RwVisit v;
    Rw *w;
    RoutineStmt *r;
    CatTable *t;
    int event;
    Node *empty[16];       /* the transition tables this event has not (no rows) */
    int n_empty;
    int full_join;         /* a FULL JOIN that stays one (MySQL has none) */
    SrcSpan full_span;
} MyEv;

/* (SELECT NEW.a AS a, NEW.b AS b): the row as a table */
static Node *row_table(MyEv *e, const char *which, int present, SrcSpan sp)
{
    Rw *w = e->w;
    SelectStmt *q = NODE_NEW(w->cx->arena, SelectStmt, SELECT, sp);
    q->h.flags |= NF_SYNTHETIC;
    for (int i = 0; i < e->t->cols.n; i++) {
        const CatColumn *c = &e->t->cols.items[i];
        TargetItem *t = NODE_NEW(w->cx->arena, TargetItem, TARGET, sp);
        Ident col = ident_make(w->cx->arena, c->name);
        QName qn = {0};
        if (present) {
            qn.n = 2;
            qn.parts[0] = ident_make(w->cx->arena, which);
            qn.parts[1] = col;
        } else {
            qn.n = 1;
            qn.parts[0] = col;
        }
        t->expr = mk_qname(w, sp, &qn);
        t->alias = col;
        nl_push(w->cx->arena, &q->targets, t);
    }
    if (!present) {
        /* the event has no such row: no rows, with the table's columns */
        TableRef *tr = NODE_NEW(w->cx->arena, TableRef, TABLE_REF, sp);
        tr->name = e->r->on_table;
        nl_push(w->cx->arena, &q->from, tr);
        q->where = mk_bool(w, sp, 0);
    }
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
    MyEv *e = (MyEv *)v;
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
            DerivedTable *dt = NODE_NEW(w->cx->arena, DerivedTable, DERIVED, n->span);
            dt->h.flags |= NF_SYNTHETIC;
            dt->query = row_table(e, ins ? "NEW" : "OLD", has, n->span);
            dt->alias = t->alias.text ? t->alias : ident_make(w->cx->arena, ins ? "inserted" : "deleted");
            *slot = &dt->h;
            if (!has && e->n_empty < 16)
                e->empty[e->n_empty++] = &dt->h;
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
        } else {
            QName qn = {0};
            qn.n = 2;
            qn.parts[0] = ident_make(w->cx->arena, "NEW");
            qn.parts[1] = *cn;
            QName qo = qn;
            qo.parts[0] = ident_make(w->cx->arena, "OLD");
            Node *x = mk_bin(w, n->span, B_NSEQ, mk_qname(w, n->span, &qn), mk_qname(w, n->span, &qo));
            *slot = mk_unary(w, n->span, U_NOT, mk_paren(x));
        }
        return;
    }
    rw_children(n, v);
    if (n->kind == N_JOIN && ((JoinExpr *)n)->jk == JK_FULL) {
        /* inserted FULL JOIN deleted: with one side empty for this event it
         * is an outer join from the other side */
        JoinExpr *j = (JoinExpr *)n;
        int l_empty = 0, r_empty = 0;
        for (int i = 0; i < e->n_empty; i++) {
            l_empty |= j->l == e->empty[i];
            r_empty |= j->r == e->empty[i];
        }
        if (r_empty)
            j->jk = JK_LEFT;
        else if (l_empty)
            j->jk = JK_RIGHT;
        else if (!e->full_join) {
            e->full_join = 1;
            e->full_span = n->span;
        }
    }
}

static CatTable *own_entry(Rw *w, RoutineStmt *r)
{
    if (!w->cx->catalog)
        return NULL;
    return cat_find_kind(w->cx->catalog, &r->name, r->rkind == RK_FUNCTION ? OK_FUNCTION : OK_PROCEDURE);
}

int xf_my_routine_post(Rw *w, RoutineStmt *r)
{
    PlRoutine *d = r->def;
    const char *name = rw_qname_text(w, &r->name);
    if (r->rkind == RK_TRIGGER) {
        if (d->self_dml) {
            rw_keep_verbatim(w, "SS4227", r->h.span, "trigger %s changes its own table: MySQL refuses that in a "
                             "trigger (error 1442); set NEW.column in a BEFORE trigger instead", name);
            return 0;
        }
        CatTable *t = cat_find(w->cx->catalog, &r->on_table);
        static const int ev[3] = {TE_INSERT, TE_UPDATE, TE_DELETE};
        for (int i = 0; i < 3; i++) {
            if (!(d->events & ev[i]))
                continue;
            MyEv e;
            memset(&e, 0, sizeof e);
            e.v.node = ev_slot;
            e.v.list = ev_list;
            e.w = w;
            e.r = r;
            e.t = t;
            e.event = ev[i];
            Node *copy = rw_copy(w, d->body);
            ev_slot(&e.v, &copy);
            d->event_body[i] = copy;
            if (e.full_join) {
                rw_keep_verbatim(w, "SS4227", e.full_span, "trigger %s: FULL JOIN for the %s event, and MySQL has "
                                 "no FULL JOIN; write it as a LEFT JOIN UNION a RIGHT JOIN", name,
                                 i == 0 ? "INSERT" : i == 1 ? "UPDATE" : "DELETE");
                return 0;
            }
        }
        d->row_level = 1;
        rw_item(w, "SS4226", r->h.span, "trigger %s becomes FOR EACH ROW%s: its body runs once per changed row "
                "with inserted/deleted holding that row (NEW/OLD), where SQL Server runs it once per statement",
                name, (d->events & (d->events - 1)) ? ", one trigger per event" : "");
        return 1;
    }
    if (r->rkind == RK_FUNCTION) {
        Scan s;
        scan(&d->body, &s);
        d->my_access = s.dml ? 2 : s.queries ? 1 : 0;
        d->my_nondet = s.nondet > 0;
        if (s.dml)
            rw_item(w, "SS4235", r->h.span, "function %s changes data (MODIFIES SQL DATA): with binary logging "
                    "on, MySQL creates it only when log_bin_trust_function_creators is set", name);
    }
    CatTable *t = own_entry(w, r);
    if (t) {
        t->code_form = r->rkind == RK_FUNCTION ? CF_FUNCTION : CF_PROCEDURE;
        t->params.n = 0;
        Arena *ca = &w->cx->catalog->arena;
        for (int i = 0; i < d->params.n; i++) {
            PlParam *p = (PlParam *)d->params.items[i];
            StrBuf tb, db;
            sb_init(&tb);
            sb_init(&db);
            em_type(w->cx, &tb, p->type);
            if (p->def)
                em_expr(w->cx, &db, p->def);
            CatParam cp = {arena_strdup(ca, p->var), arena_strndup(ca, tb.s, tb.len), p->output, p->def != NULL,
                           p->def ? arena_strndup(ca, db.s, db.len) : NULL};
            sb_free(&tb);
            sb_free(&db);
            VEC_PUSH(ca, t->params, cp);
        }
    }
    return 1;
}

/* ---- @@functions and ERROR_*() ---- */

Node *xf_my_global(Rw *w, Node *n)
{
    VarRef *v = (VarRef *)n;
    PlRoutine *d = xf_pl_routine(w);
    const char *g = rw_upper(w, v->name, strlen(v->name));
    SrcSpan sp = n->span;
    if (!strcmp(g, "@@ROWCOUNT")) {
        d->uses_rowcount = 1;
        rw_item_once(w, "SS4221", NULL, sp, "@@ROWCOUNT becomes the row count of the last SQL statement "
                     "(ROW_COUNT() after DML, FOUND_ROWS() after a query): statements that are not SQL (SET, "
                     "IF) do not reset it as in SQL Server");
        return my_var(w, sp, "ss_rowcount");
    }
    if (!strcmp(g, "@@FETCH_STATUS")) {
        d->uses_fetch_status = 1;
        return my_var(w, sp, "ss_fetch_status");
    }
    if (!strcmp(g, "@@ERROR")) {
        rw_item(w, "SS4222", sp, "@@ERROR is always 0 here: an error in MySQL stops the routine or jumps to a "
                "handler, so code that tests @@ERROR after a failing statement never runs; use TRY/CATCH "
                "(a handler)");
        return mk_int(w, sp, 0);
    }
    if (!strcmp(g, "@@TRANCOUNT") && d->events)
        return mk_int(w, sp, 1); /* a trigger runs inside the statement's transaction, as in SQL Server */
    if (!strcmp(g, "@@TRANCOUNT")) {
        rw_item(w, "SS4209", sp, "@@TRANCOUNT becomes @@in_transaction (1 inside a transaction, else 0): MySQL "
                "transactions do not nest, so there is no count above 1");
        return keyword(w, sp, "@@in_transaction");
    }
    if (!strcmp(g, "@@IDENTITY")) {
        rw_item(w, "SS4220", sp, "@@IDENTITY becomes LAST_INSERT_ID(): the first value generated by the last "
                "INSERT of this session (SQL Server: the last value); it is not changed by an INSERT without an "
                "AUTO_INCREMENT value");
        return &mk_call(w, sp, "LAST_INSERT_ID", 0)->h;
    }
    if (!strcmp(g, "@@SPID"))
        return &mk_call(w, sp, "CONNECTION_ID", 0)->h;
    if (!strcmp(g, "@@SERVERNAME"))
        return keyword(w, sp, "@@hostname");
    rw_item_once(w, "SS4223", g, sp, "%s has no MySQL equivalent: kept as written (MySQL rejects it)", g);
    return n;
}

Node *xf_my_func(Rw *w, Node *n)
{
    FuncCall *f = (FuncCall *)n;
    PlRoutine *d = xf_pl_routine(w);
    const char *u = f->upper;
    SrcSpan sp = n->span;
    if (!strncmp(u, "ERROR_", 6) && f->args.n == 0) {
        static const char *const kinds[] = {"ERROR_NUMBER", "ERROR_MESSAGE", "ERROR_SEVERITY", "ERROR_STATE",
                                            "ERROR_LINE", "ERROR_PROCEDURE"};
        int k = -1;
        for (int i = 0; i < 6; i++)
            if (!strcmp(u, kinds[i]))
                k = i;
        if (k < 0)
            return n;
        if (*xf_pl_depth(w, 1) == 0) {
            rw_item_once(w, "SS4213", u, sp, "%s() outside a CATCH block becomes NULL: a MySQL handler's error "
                         "is not visible to the routines it calls; pass it as an argument", u);
            return mk_null(w, sp);
        }
        switch (k) {
        case 0:
            d->uses_error = 1;
            rw_item_once(w, "SS4210", NULL, sp, "ERROR_NUMBER() becomes the MySQL error number (MYSQL_ERRNO): "
                         "MySQL's numbers differ from SQL Server's, except those raised with THROW/RAISERROR "
                         "(50000 and up)");
            return my_var(w, sp, "ss_err_number");
        case 1:
            d->uses_error = 1;
            return my_var(w, sp, "ss_err_message");
        case 2: case 3:
            rw_item_once(w, "SS4211", NULL, sp, "ERROR_SEVERITY() becomes 16 and ERROR_STATE() 1: MySQL errors "
                         "have no severity or state numbers");
            return mk_int(w, sp, k == 2 ? 16 : 1);
        default:
            rw_item_once(w, "SS4212", u, sp, "%s() becomes NULL: MySQL does not tell a handler where the error "
                         "was raised", u);
            return mk_null(w, sp);
        }
    }
    if (!strcmp(u, "UPDATE") && f->args.n == 1 && f->args.items[0]->kind == N_NAME && d->events) {
        /* UPDATE(col): decided per event (xf_my_routine_post) */
        f->h.flags |= NF_SYNTHETIC;
        f->upper = "SS_UPDATED";
        if (d->events & TE_UPDATE)
            rw_item_once(w, "SS4228", NULL, sp, "UPDATE(column) in an UPDATE trigger becomes NOT (NEW.column <=> "
                         "OLD.column), whether the value changed: SQL Server also counts a SET of the column "
                         "to its own value");
        return n;
    }
    if (!strcmp(u, "COLUMNS_UPDATED") && d->events) {
        rw_keep_verbatim(w, "SS4227", sp, "COLUMNS_UPDATED() has no MySQL equivalent: the trigger is kept "
                         "verbatim; test the columns one by one (NOT (NEW.c <=> OLD.c))");
        return n;
    }
    if (!strcmp(u, "SCOPE_IDENTITY") && f->args.n == 0) {
        rw_item(w, "SS4220", sp, "SCOPE_IDENTITY() becomes LAST_INSERT_ID(): the first value generated by the "
                "last INSERT of this session (SQL Server: the last value of this scope); it is not changed by "
                "an INSERT without an AUTO_INCREMENT value");
        return &mk_call(w, sp, "LAST_INSERT_ID", 0)->h;
    }
    if (!strcmp(u, "XACT_STATE") && f->args.n == 0) {
        rw_item(w, "SS4209", sp, "XACT_STATE() becomes @@in_transaction (1 or 0): MySQL has no uncommittable "
                "transaction state (-1)");
        return keyword(w, sp, "@@in_transaction");
    }
    return n;
}

/* ---- statements ---- */

static int is_result_query(const Node *n)
{
    if (!n)
        return 0;
    if (n->kind == N_SETOP || n->kind == N_VALUES)
        return 1;
    if (n->kind == N_WITH)
        return is_result_query(((const WithStmt *)n)->body);
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

/* SELECT @v = ... FROM: one row in MySQL, or an error */
static void assign_select_items(Rw *w, SelectStmt *s)
{
    long top = 0;
    if (!s->from.n || s->group_by.n || (s->top && rw_int_literal(s->top, &top) && top == 1))
        return; /* one row at most */
    int agg_only = 1, self_ref = 0;
    for (int i = 0; i < s->targets.n; i++) {
        TargetItem *t = (TargetItem *)s->targets.items[i];
        if (!t->expr || t->expr->kind != N_ASSIGN)
            return;
        Assignment *a = (Assignment *)t->expr;
        const FuncCall *f = a->value && a->value->kind == N_FUNC ? (const FuncCall *)a->value : NULL;
        if (!(f && !f->over && upper_is(f, aggregates)))
            agg_only = 0;
        if (a->op)
            self_ref = 1;
        const char *tv = a->target && a->target->kind == N_VAR ? ((VarRef *)a->target)->name : NULL;
        const char *src = rw_span_text(w, a->value ? a->value->span : a->h.span);
        if (tv && a->value && contains_ci(src, tv))
            self_ref = 1;
    }
    if (agg_only)
        return;
    rw_item(w, "SS4201", s->h.span, "SELECT @v = ... FROM becomes SELECT ... INTO: when several rows match, MySQL "
            "raises error 1172 where SQL Server keeps the last row%s; no row leaves the variables unchanged as in "
            "SQL Server", self_ref ? " (accumulating @v = @v + ... over rows: use GROUP_CONCAT or SUM)" : "");
}

/* SAVE TRAN names of the body: ROLLBACK TRAN name goes back to one of them */
static int is_savepoint(Node *n, const Ident *name)
{
    if (!n)
        return 0;
    switch (n->kind) {
    case N_PL_STMT: {
        PlStmt *s = (PlStmt *)n;
        return s->what == PW_SAVE && s->name.n && s->name.parts[0].len == name->len &&
               !strncasecmp(s->name.parts[0].text, name->text, name->len);
    }
    case N_PL_BLOCK: {
        PlBlock *b = (PlBlock *)n;
        for (int i = 0; i < b->stmts.n; i++)
            if (is_savepoint(b->stmts.items[i], name))
                return 1;
        return 0;
    }
    case N_PL_IF: return is_savepoint(((PlIf *)n)->then_, name) || is_savepoint(((PlIf *)n)->else_, name);
    case N_PL_WHILE: return is_savepoint(((PlWhile *)n)->body, name);
    case N_PL_TRY: return is_savepoint(((PlTry *)n)->try_, name) || is_savepoint(((PlTry *)n)->catch_, name);
    default: return 0;
    }
}

static void rename_cursor(Rw *w, PlStmt *s)
{
    int kind = -1;
    const char *t = s->name.n == 1 ? xf_pl_target_name(w, s->name.parts[0].text, &kind) : NULL;
    if (!t || kind != 3 /* PV_CURSOR */) {
        rw_item(w, "SS4233", s->h.span, "cursor %s is not declared in this routine: kept as a comment",
                rw_qname_text(w, &s->name));
        s->form = -1;
        return;
    }
    s->name.parts[0].text = t;
    s->name.parts[0].len = (uint32_t)strlen(t);
    s->name.parts[0].quote = 0;
}

static const char *param_name(Rw *w, const char *var)
{
    /* @Name -> p_name, as the callee's parameters are named */
    const char *s = var;
    while (*s == '@')
        s++;
    size_t n = strlen(s);
    char *t = arena_alloc(w->cx->arena, n + 3);
    t[0] = 'p';
    t[1] = '_';
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        t[2 + i] = isalnum(c) || c == '_' ? (char)tolower(c) : (c >= 0x80 ? (char)c : '_');
    }
    t[n + 2] = 0;
    return t;
}

static void walk_exec(Rw *w, PlStmt *s)
{
    SrcSpan sp = s->h.span;
    const Ident *last = &s->name.parts[s->name.n - 1];
    const char *nm = rw_qname_text(w, &s->name);
    if (ident_eq(last, "sp_executesql")) {
        if (s->args.n == 1 && s->args.items[0]->kind != N_ASSIGN) {
            s->what = PW_EXEC_SQL;
            s->expr = s->args.items[0];
            s->args.n = 0;
            xf_pl_walk_sql(w, &s->expr);
            rw_item(w, "SS4216", sp, "dynamic SQL becomes PREPARE/EXECUTE of the text in a user variable "
                    "(@ss_sql): the text is run as written, so review that it is MySQL SQL");
            return;
        }
        rw_item(w, "SS4217", sp, "sp_executesql with parameters is not converted (MySQL PREPARE takes ? markers "
                "and user variables in EXECUTE ... USING): kept as a comment");
        s->form = -1;
        return;
    }
    if (last->len > 3 && (!strncasecmp(last->text, "sp_", 3) || !strncasecmp(last->text, "xp_", 3))) {
        rw_item(w, "SS4231", sp, "system procedure %s has no MySQL equivalent: the call is kept as a comment",
                nm);
        s->form = -1;
        return;
    }
    int named = 0;
    for (int i = 0; i < s->args.n; i++) {
        Node *a = s->args.items[i];
        if (a->kind == N_ASSIGN) {
            Assignment *as = (Assignment *)a;
            named = 1;
            if (as->target && as->target->kind == N_VAR) {
                VarRef *pv = (VarRef *)as->target;
                pv->name = param_name(w, pv->name);
                pv->h.flags |= NF_SYNTHETIC;
            }
            xf_pl_walk_sql(w, &as->value);
        } else {
            xf_pl_walk_sql(w, &s->args.items[i]);
        }
    }
    if (s->ret_var) {
        const char *t = xf_pl_target_name(w, s->ret_var, NULL);
        if (t)
            s->ret_var = t;
        rw_item(w, "SS4234", sp, "the return status of %s is not available in MySQL: %s is set to 0 after the "
                "call", nm, s->ret_var);
    }
    CatTable *t = w->cx->catalog ? cat_find_kind(w->cx->catalog, &s->name, OK_PROCEDURE) : NULL;
    if (!t || t->code_form != CF_PROCEDURE) {
        if (named) {
            rw_item(w, "SS4214", sp, "EXEC %s with named arguments: the procedure is not in this input, so the "
                    "arguments cannot be put in its parameter order (MySQL has no named arguments); kept as a "
                    "comment", nm);
            s->form = -1;
        } else {
            rw_item(w, "SS4242", sp, "EXEC %s becomes CALL with the arguments as written: the procedure is not "
                    "in this input (MySQL needs every argument: none may be left to a default)", nm);
        }
        return;
    }
    /* the callee's parameter order, defaults filled in */
    NodeList args = {0, 0, NULL};
    for (int k = 0; k < t->params.n; k++) {
        const CatParam *cp = &t->params.items[k];
        Node *val = NULL;
        for (int i = 0; i < s->args.n; i++) {
            Node *a = s->args.items[i];
            if (a->kind == N_ASSIGN) {
                Assignment *as = (Assignment *)a;
                if (as->target->kind == N_VAR && !strcmp(((VarRef *)as->target)->name, cp->name))
                    val = as->value;
            } else if (i == k) {
                val = a;
            }
        }
        if (val && val->kind == N_KEYWORD_EXPR && !strcasecmp(((KeywordExpr *)val)->word, "DEFAULT"))
            val = NULL;
        if (!val) {
            if (cp->output) {
                /* an OUT argument needs a variable: a user variable */
                val = keyword(w, sp, arena_printf(w->cx->arena, "@ss_out_%s", cp->name + 2));
            } else if (cp->def_sql) {
                val = keyword(w, sp, cp->def_sql);
                rw_item(w, "SS4215", sp, "EXEC %s leaves %s to its default: the default (%s) is passed", nm,
                        cp->name, cp->def_sql);
            } else {
                val = mk_null(w, sp);
                rw_item(w, "SS4215", sp, "EXEC %s leaves out %s, which has no default: NULL is passed (SQL Server "
                        "raised an error)", nm, cp->name);
            }
        }
        nl_push(w->cx->arena, &args, val);
    }
    if (s->args.n > t->params.n)
        rw_item(w, "SS4215", sp, "EXEC %s passes %d arguments, the procedure has %d parameters: MySQL rejects the "
                "call", nm, s->args.n, t->params.n);
    else
        s->args = args;
}

/* the next statement after sp starts with `word` (RAISERROR ...; RETURN) */
static int followed_by(Rw *w, SrcSpan sp, const char *word)
{
    size_t wl = strlen(word);
    const SourceFile *f = w->cx->src;
    size_t i = sp.off + sp.len;
    while (i < f->len) {
        char c = f->text[i];
        if (isspace((unsigned char)c) || c == ';') {
            i++;
        } else if (c == '-' && i + 1 < f->len && f->text[i + 1] == '-') {
            while (i < f->len && f->text[i] != '\n')
                i++;
        } else {
            break;
        }
    }
    return i + wl <= f->len && !strncasecmp(f->text + i, word, wl) &&
           (i + wl == f->len || !isalnum((unsigned char)f->text[i + wl]));
}

static void walk_pl_stmt(Rw *w, PlStmt *s)
{
    PlRoutine *d = xf_pl_routine(w);
    RoutineStmt *r = (RoutineStmt *)w->stmt;
    int is_proc = r->rkind == RK_PROCEDURE, is_trigger = r->rkind == RK_TRIGGER;
    int in_catch = *xf_pl_depth(w, 1) > 0;
    SrcSpan sp = s->h.span;
    for (int i = 0; s->what != PW_EXEC && i < s->args.n; i++)
        xf_pl_walk_sql(w, &s->args.items[i]);
    if (s->expr && s->what != PW_PRINT)
        xf_pl_walk_sql(w, &s->expr);
    switch (s->what) {
    case PW_RETURN:
        if (s->expr && is_proc)
            rw_item(w, "SS4206", sp, "RETURN with a status value in a procedure: MySQL procedures return no "
                    "status; the value is dropped (use an OUT parameter)");
        break;
    case PW_PRINT:
        rw_item(w, "SS4202", sp, "PRINT has no MySQL equivalent (a SELECT would add a result set): kept as a "
                "comment");
        s->form = -1;
        break;
    case PW_RAISERROR: {
        long sev = 16;
        if (s->args.n < 2 || !rw_int_literal(s->args.items[1], &sev))
            rw_item(w, "SS4205", sp, "RAISERROR severity is not a constant: converted as an error (SIGNAL SQLSTATE "
                    "'45000'); severity 10 or less only sends a message in SQL Server");
        else if (sev > 10 && !*xf_pl_depth(w, 0) && !followed_by(w, sp, "RETURN") &&
                 !(is_trigger && followed_by(w, sp, "ROLLBACK")))
            rw_item(w, "SS4243", sp, "RAISERROR outside TRY does not stop a T-SQL routine (the statements after "
                    "it still run); SIGNAL stops the MySQL routine here");
        if (s->args.n >= 2 && rw_int_literal(s->args.items[1], &sev) && sev <= 10)
            rw_item(w, "SS4204", sp, "RAISERROR with severity %ld is a message, not an error, in SQL Server: it "
                    "becomes a warning (SIGNAL SQLSTATE '01000'), which callers see with SHOW WARNINGS", sev);
        if (s->args.n >= 1 && s->args.items[0]->kind == N_LITERAL &&
            ((Literal *)s->args.items[0])->lk == LIT_INTEGER)
            rw_item(w, "SS4241", sp, "RAISERROR with a message number: the sys.messages text is not available; "
                    "the number becomes the error number and the message");
        else if (s->args.n > 3 && !rw_is_string_literal(s->args.items[0]))
            rw_item(w, "SS4205", sp, "RAISERROR with a message that is not a constant and format arguments: the "
                    "arguments are not put into the message");
        break;
    }
    case PW_THROW:
        if (s->args.n == 0 && !in_catch) {
            rw_item(w, "SS4240", sp, "THROW without arguments outside a CATCH block: RESIGNAL has no error to "
                    "raise again here; kept as a comment");
            s->form = -1;
        } else if (s->args.n >= 1) {
            long num = 0;
            if (!rw_int_literal(s->args.items[0], &num) || num > 65535)
                rw_item(w, "SS4205", sp, "THROW error number %s: MySQL error numbers (MYSQL_ERRNO) go up to "
                        "65535; 50000 is used", rw_span_text(w, s->args.items[0]->span));
        }
        break;
    case PW_GOTO: case PW_LABEL:
        rw_item(w, "SS4218", sp, "GOTO and labels have no MySQL equivalent: kept as a comment; rewrite the jump "
                "as LEAVE/ITERATE of a labelled block or loop");
        s->form = -1;
        break;
    case PW_WAITFOR:
        if (s->word && !strcmp(s->word, "TIME")) {
            rw_item(w, "SS4219", sp, "WAITFOR TIME has no MySQL equivalent: kept as a comment; schedule the work "
                    "with an event (CREATE EVENT)");
            s->form = -1;
        }
        break;
    case PW_BEGIN_TRAN: case PW_COMMIT: case PW_ROLLBACK: case PW_SAVE:
        if (is_trigger && s->what == PW_ROLLBACK && !s->name.n) {
            s->form = 2;
            rw_item(w, "SS4229", sp, "ROLLBACK in a trigger becomes SIGNAL (error 3609, as SQL Server reports): "
                    "the triggering statement fails and its changes are undone; the caller decides about the "
                    "rest of the transaction, where SQL Server rolled it back and ended the batch");
            break;
        }
        if (!is_proc) {
            rw_item(w, "SS4208", sp, "transaction control in a %s is not allowed in MySQL: kept as a comment",
                    is_trigger ? "trigger" : "function");
            s->form = -1;
            break;
        }
        if (s->what == PW_BEGIN_TRAN)
            rw_item(w, "SS4230", sp, "BEGIN TRAN becomes START TRANSACTION, which commits a transaction already "
                    "open (MySQL transactions do not nest; one COMMIT or ROLLBACK ends it)");
        else if (s->what == PW_ROLLBACK && s->name.n && is_savepoint(d->body, &s->name.parts[0]))
            s->form = 3; /* ROLLBACK TO SAVEPOINT */
        break;
    case PW_OPEN: case PW_CLOSE: case PW_DEALLOCATE: case PW_FETCH:
        rename_cursor(w, s);
        if (s->form == -1)
            break;
        if (s->what == PW_DEALLOCATE)
            s->form = -1; /* MySQL frees a cursor at the end of its block */
        if (s->what == PW_FETCH) {
            d->uses_fetch_status = 1;
            if ((s->word && strcmp(s->word, "NEXT")) || !s->args.n) {
                rw_item(w, "SS4232", sp, "FETCH %s%s: MySQL cursors only fetch the next row into variables; kept "
                        "as a comment", s->word ? s->word : "NEXT", s->args.n ? "" : " without INTO");
                s->form = -1;
            }
        }
        break;
    case PW_EXEC:
        walk_exec(w, s);
        break;
    case PW_EXEC_SQL:
        rw_item(w, "SS4216", sp, "dynamic SQL becomes PREPARE/EXECUTE of the text in a user variable (@ss_sql): "
                "the text is run as written, so review that it is MySQL SQL");
        break;
    case PW_SET_OPTION: {
        const char *o = rw_upper(w, s->name.parts[0].text, s->name.parts[0].len);
        s->form = -1;
        if (!strcmp(o, "ROWCOUNT")) {
            /* SET ROWCOUNT n: LIMIT n on the queries that follow */
            long v = 0;
            const char *word = s->word ? s->word : "";
            Node **lim = xf_pl_rowcount_limit(w);
            *lim = NULL;
            if (*word && strspn(word, "0123456789") == strlen(word) && (v = atol(word)) > 0) {
                *lim = mk_int(w, sp, v);
                rw_item(w, "SS4245", sp, "SET ROWCOUNT %s becomes LIMIT %s on the queries that follow in this "
                        "routine; a data change while it is in effect is reported", word, word);
            } else if (strcmp(word, "0")) {
                rw_item(w, "SS4236", sp, "SET ROWCOUNT %s is not converted: add LIMIT to the statements it "
                        "limits", word);
            }
        } else if (!strcmp(o, "NOCOUNT"))
            rw_item_once(w, "SS4203", "NOCOUNT", sp, "SET NOCOUNT dropped: MySQL sends no row-count messages "
                         "from routines");
        else if (!strcmp(o, "XACT_ABORT"))
            rw_item(w, "SS4236", sp, "SET XACT_ABORT dropped: MySQL does not roll back the transaction when a "
                    "statement fails (only that statement); a handler must ROLLBACK");
        else
            rw_item(w, "SS4236", sp, "SET %s dropped inside stored code: MySQL has %s; set the equivalent "
                    "session variable if it matters", o,
                    !strcmp(o, "ROWCOUNT") ? "no row limit for all statements (add LIMIT to each)"
                                           : "no such option in routines");
        break;
    }
    default:
        break;
    }
}

int xf_my_stmt(Rw *w, Node **slot)
{
    Node *n = *slot;
    RoutineStmt *r = (RoutineStmt *)w->stmt;
    PlRoutine *d = xf_pl_routine(w);
    switch (n->kind) {
    case N_PL_DECLARE: {
        PlDeclare *dc = (PlDeclare *)n;
        if (!dc->is_cursor)
            return 0;
        const char *t = xf_pl_target_name(w, dc->var, NULL);
        if (t)
            dc->var = t;
        xf_pl_walk_sql(w, &dc->query);
        if (dc->options)
            rw_item(w, "SS4232", n->span, "cursor options (%s) dropped: MySQL cursors are read-only and only "
                    "move forward", dc->options);
        return 1;
    }
    case N_PL_TRY: {
        PlTry *t = (PlTry *)n;
        d->has_catch = 1;
        (*xf_pl_depth(w, 0))++;
        xf_pl_walk_stmt(w, &t->try_);
        (*xf_pl_depth(w, 0))--;
        (*xf_pl_depth(w, 1))++;
        xf_pl_walk_stmt(w, &t->catch_);
        (*xf_pl_depth(w, 1))--;
        return 1;
    }
    case N_PL_STMT:
        walk_pl_stmt(w, (PlStmt *)n);
        return 1;
    case N_SELECT: case N_SETOP: case N_WITH: case N_VALUES: case N_INSERT: case N_UPDATE: case N_DELETE: {
        Scan s;
        scan(slot, &s);
        if (s.mysql8_only)
            rw_item(w, "SS4244", s.mysql8_span, "GROUPING() or ORDER BY with GROUP BY ... WITH ROLLUP: MySQL 8 "
                    "accepts it, MariaDB and MySQL 5.7 do not");
        if (s.temp_twice)
            rw_item(w, "SS4225", s.twice_span, "temporary table used twice in one statement: MySQL cannot open a "
                    "temporary table twice in one query (error 1137); copy it into a second temporary table");
        if (n->kind == N_INSERT || n->kind == N_UPDATE || n->kind == N_DELETE) {
            if (*xf_pl_rowcount_limit(w) && n->kind != N_INSERT)
                rw_item(w, "SS4236", n->span, "SET ROWCOUNT limits this data change in SQL Server: add LIMIT to "
                        "it (single-table UPDATE/DELETE) or limit the rows with a subquery on the key");
            return 0;
        }
        if (n->kind == N_SELECT && *xf_pl_rowcount_limit(w)) {
            SelectStmt *q = (SelectStmt *)n;
            if (!q->limit && !q->top)
                q->limit = *xf_pl_rowcount_limit(w);
        }
        if (is_result_query(n)) {
            if (r->rkind != RK_PROCEDURE) {
                rw_item(w, "SS4224", n->span, "a query whose rows go nowhere (a MySQL %s cannot return rows to "
                        "the client): kept as a comment", r->rkind == RK_TRIGGER ? "trigger" : "function");
                *slot = dropped_stmt(w, n->span);
                return 1;
            }
            d->result_sets++;
            xf_pl_walk_sql(w, slot);
            return 1;
        }
        if (n->kind == N_SELECT && !((SelectStmt *)n)->into.n)
            assign_select_items(w, (SelectStmt *)n);
        xf_pl_walk_sql(w, slot);
        return 1;
    }
    default:
        return 0;
    }
}

/* ---- integer division ---- */

static int int_type(const TypeName *t)
{
    static const char *const ints[] = {"INT", "INTEGER", "BIGINT", "SMALLINT", "TINYINT", NULL};
    for (int i = 0; t && t->upper && ints[i]; i++)
        if (!strcmp(t->upper, ints[i]))
            return 1;
    return 0;
}

/* the expression is of an integer type in T-SQL (as far as known) */
static int is_int_expr(Rw *w, const Node *e, int depth)
{
    if (!e || depth > 20)
        return 0;
    switch (e->kind) {
    case N_LITERAL: return ((const Literal *)e)->lk == LIT_INTEGER;
    case N_UNARY: return ((const UnaryExpr *)e)->op == U_NEG && is_int_expr(w, ((const UnaryExpr *)e)->arg, depth + 1);
    case N_VAR: return int_type(xf_pl_var_type(w, ((const VarRef *)e)->name));
    case N_NAME: {
        const CatColumn *c = rw_resolve_column(w, (const NameRef *)e, NULL);
        return c && int_type(c->type);
    }
    case N_CAST: return int_type(((const CastExpr *)e)->type);
    case N_BINARY: {
        const BinaryExpr *b = (const BinaryExpr *)e;
        return (b->op == B_ADD || b->op == B_SUB || b->op == B_MUL || b->op == B_MOD || b->op == B_INTDIV) &&
               is_int_expr(w, b->l, depth + 1) && is_int_expr(w, b->r, depth + 1);
    }
    case N_FUNC: {
        const FuncCall *f = (const FuncCall *)e;
        return f->upper && (!strcmp(f->upper, "COUNT") || !strcmp(f->upper, "COUNT_BIG"));
    }
    default: return 0;
    }
}

Node *xf_my_int_div(Rw *w, Node *n)
{
    BinaryExpr *b = (BinaryExpr *)n;
    /* T-SQL truncates toward zero, as MySQL's DIV does (-7 DIV 2 = -3) */
    if (b->op == B_DIV && is_int_expr(w, b->l, 0) && is_int_expr(w, b->r, 0))
        b->op = B_INTDIV;
    return n;
}
