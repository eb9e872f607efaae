/* emit: T-SQL procedures and functions printed as PL/pgSQL, after the
 * rewrite (src/rewrite/xf_proc.c) has renamed the variables, mapped the
 * expressions and decided the routine's shape. Variables are declared at the
 * top and initialised where the T-SQL DECLARE stood; TRY/CATCH becomes a
 * block with EXCEPTION WHEN OTHERS; statements the rewrite dropped are kept
 * as "-- | " comment lines so that no source text is lost. */
#include "emit/emit_target.h"
#include <string.h>
#include <strings.h>

typedef struct Pg {
    ConvCtx *cx;
    const RoutineStmt *r;
    const PlRoutine *d;
    int is_proc;           /* a procedure that stays a procedure */
    int form;              /* CodeForm of the result */
    int rs_seen;           /* result sets printed so far */
    const char *ret_var;   /* table variable returned by a table-valued function (target name) */
    int trigger;           /* printing a trigger function */
    const char *guard;     /* trigger that modifies its own table: the setting that stops recursion */
    int ind;               /* indentation of the statement being printed */
} Pg;

static void stmt(Pg *g, StrBuf *b, const Node *n, int ind);
static void stmt_at(Pg *g, StrBuf *b, const Node *n, int ind);

static int contains(const char *h, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    /* only where the first byte matches ('$': rare in a body) */
    for (const char *p = h, *end = h + n; (size_t)(end - p) >= k; p++) {
        p = memchr(p, needle[0], (size_t)(end - p) - k + 1);
        if (!p)
            return 0;
        if (!memcmp(p, needle, k))
            return 1;
    }
    return 0;
}

static void pad(StrBuf *b, int ind) { emc_pad(b, ind); }
static void indented(StrBuf *b, const char *s, size_t n, int ind) { emc_indented(b, s, n, ind); }
static void sql(Pg *g, StrBuf *b, const Node *n, int ind) { emc_sql(g->cx, b, n, ind); }
static void expr(Pg *g, StrBuf *b, const Node *e) { emc_expr(g->cx, b, e, g->ind); }
static void dropped(Pg *g, StrBuf *b, const Node *n, int ind) { emc_dropped(g->cx, b, n, ind); }

static void rowcount(Pg *g, StrBuf *b, int ind)
{
    if (g->d->uses_rowcount) {
        pad(b, ind);
        sb_puts(b, "GET DIAGNOSTICS ss_rowcount = ROW_COUNT;\n");
    }
}

static void block_stmts(Pg *g, StrBuf *b, const Node *n, int ind)
{
    if (!n) {
        pad(b, ind);
        sb_puts(b, "NULL;\n");
        return;
    }
    if (n->kind == N_PL_BLOCK) {
        const PlBlock *bl = (const PlBlock *)n;
        size_t before = b->len;
        for (int i = 0; i < bl->stmts.n; i++)
            stmt(g, b, bl->stmts.items[i], ind);
        if (b->len == before) {
            pad(b, ind);
            sb_puts(b, "NULL;\n");
        }
        return;
    }
    size_t before = b->len;
    stmt(g, b, n, ind);
    /* a branch that only holds dropped statements still needs a statement */
    int only_comments = 1;
    for (size_t i = before; i < b->len; i++) {
        size_t j = i;
        while (j < b->len && b->s[j] == ' ')
            j++;
        if (j + 1 < b->len && !(b->s[j] == '-' && b->s[j + 1] == '-'))
            only_comments = 0;
        while (j < b->len && b->s[j] != '\n')
            j++;
        i = j;
    }
    if (only_comments) {
        pad(b, ind);
        sb_puts(b, "NULL;\n");
    }
}

/* printf-style RAISERROR message -> format() string: %d %i %u %s (with
 * flags/width) all become %s */
static void raise_format(StrBuf *b, const char *s, size_t n)
{
    StrBuf t;
    sb_init(&t);
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '%' && i + 1 < n && s[i + 1] == '%') {
            sb_puts(&t, "%%");
            i++;
            continue;
        }
        if (s[i] == '%') {
            size_t j = i + 1;
            while (j < n && strchr("-+ #0123456789.*lhI", s[j]))
                j++;
            if (j < n && strchr("dioxXsuc", s[j])) {
                sb_puts(&t, "%s");
                i = j;
                continue;
            }
        }
        sb_putc(&t, s[i]);
    }
    sb_putc(b, '\'');
    for (size_t i = 0; i < t.len; i++) {
        if (t.s[i] == '\'')
            sb_putc(b, '\'');
        sb_putc(b, t.s[i]);
    }
    sb_putc(b, '\'');
    sb_free(&t);
}

static void raise_message(Pg *g, StrBuf *b, const NodeList *args, int first_fmt_arg)
{
    const Node *m = args->items[0];
    int nfmt = args->n - first_fmt_arg;
    if (m->kind == N_LITERAL && (((const Literal *)m)->lk == LIT_STRING || ((const Literal *)m)->lk == LIT_NSTRING)) {
        const Literal *l = (const Literal *)m;
        if (nfmt > 0) {
            sb_puts(b, "format(");
            raise_format(b, l->value, l->len);
            for (int i = first_fmt_arg; i < args->n; i++) {
                sb_puts(b, ", ");
                expr(g, b, args->items[i]);
            }
            sb_putc(b, ')');
        } else {
            /* no arguments: '%%' still means '%' in a RAISERROR message */
            StrBuf t;
            sb_init(&t);
            for (size_t i = 0; i < l->len; i++) {
                sb_putc(&t, l->value[i]);
                if (l->value[i] == '%' && i + 1 < l->len && l->value[i + 1] == '%')
                    i++;
            }
            em_string_literal(b, t.s, t.len, 0);
            sb_free(&t);
        }
        return;
    }
    if (m->kind == N_LITERAL && ((const Literal *)m)->lk == LIT_INTEGER) {
        sb_puts(b, "'error ");
        sb_putn(b, ((const Literal *)m)->value, ((const Literal *)m)->len);
        sb_putc(b, '\'');
        return;
    }
    if (nfmt > 0) {
        sb_puts(b, "format(");
        expr(g, b, m);
        for (int i = first_fmt_arg; i < args->n; i++) {
            sb_puts(b, ", ");
            expr(g, b, args->items[i]);
        }
        sb_putc(b, ')');
    } else {
        expr(g, b, m);
    }
}

static void int_literal(const Node *n, long *out)
{
    int neg = 0;
    if (n && n->kind == N_UNARY && ((const UnaryExpr *)n)->op == U_NEG) {
        neg = 1;
        n = ((const UnaryExpr *)n)->arg;
    }
    if (n && n->kind == N_LITERAL && ((const Literal *)n)->lk == LIT_INTEGER) {
        const Literal *l = (const Literal *)n;
        long v = 0;
        for (uint32_t i = 0; i < l->len && i < 9; i++)
            v = v * 10 + (l->value[i] - '0');
        *out = neg ? -v : v;
    }
}

static void exec_args(Pg *g, StrBuf *b, const PlStmt *s)
{
    sb_putc(b, '(');
    for (int i = 0; i < s->args.n; i++) {
        const Node *a = s->args.items[i];
        if (i)
            sb_puts(b, ", ");
        if (a->kind == N_ASSIGN) {
            const Assignment *as = (const Assignment *)a;
            expr(g, b, as->target);
            sb_puts(b, " => ");
            expr(g, b, as->value);
        } else if (a->kind == N_KEYWORD_EXPR && !strcasecmp(((const KeywordExpr *)a)->word, "DEFAULT")) {
            sb_puts(b, "DEFAULT");
        } else {
            expr(g, b, a);
        }
    }
    sb_putc(b, ')');
}

static void pl_stmt(Pg *g, StrBuf *b, const PlStmt *s, int ind)
{
    if (s->form == -1) {
        dropped(g, b, &s->h, ind);
        return;
    }
    switch (s->what) {
    case PW_BREAK: pad(b, ind); sb_puts(b, "EXIT;\n"); break;
    case PW_CONTINUE: pad(b, ind); sb_puts(b, "CONTINUE;\n"); break;
    case PW_RETURN:
        pad(b, ind);
        if (g->trigger) {
            if (g->guard) {
                sb_printf(b, "PERFORM set_config('%s', 'off', true);\n", g->guard);
                pad(b, ind);
            }
            sb_puts(b, "RETURN NULL;\n");
        } else if (g->form == CF_FUNCTION && s->expr) {
            sb_puts(b, "RETURN ");
            expr(g, b, s->expr);
            sb_puts(b, ";\n");
        } else if (g->form == CF_CURSOR_FUNCTION && g->d->result_sets == 1) {
            sb_puts(b, "RETURN ss_rs1;\n");
        } else {
            sb_puts(b, "RETURN;\n");
        }
        break;
    case PW_PRINT:
        pad(b, ind);
        sb_puts(b, "RAISE NOTICE '%', ");
        expr(g, b, s->expr);
        sb_puts(b, ";\n");
        break;
    case PW_RAISERROR: {
        long sev = 16;
        if (s->args.n >= 2)
            int_literal(s->args.items[1], &sev);
        pad(b, ind);
        if (sev <= 10)
            sb_puts(b, "RAISE NOTICE USING MESSAGE = ");
        else
            sb_puts(b, "RAISE EXCEPTION USING MESSAGE = ");
        raise_message(g, b, &s->args, 3);
        if (sev > 10)
            sb_puts(b, ", ERRCODE = 'P0001'");
        sb_puts(b, ";\n");
        break;
    }
    case PW_THROW:
        pad(b, ind);
        if (s->args.n < 2) {
            sb_puts(b, "RAISE;\n");
        } else {
            sb_puts(b, "RAISE EXCEPTION USING MESSAGE = ");
            expr(g, b, s->args.items[1]);
            sb_puts(b, ", ERRCODE = 'P0001', DETAIL = 'error number ' || ");
            expr(g, b, s->args.items[0]);
            sb_puts(b, ";\n");
        }
        break;
    case PW_WAITFOR:
        pad(b, ind);
        if (s->word && !strcmp(s->word, "TIME")) {
            sb_puts(b, "PERFORM pg_sleep_until(CURRENT_DATE + CAST(");
            expr(g, b, s->expr);
            sb_puts(b, " AS time));\n");
        } else {
            sb_puts(b, "PERFORM pg_sleep_for(CAST(");
            expr(g, b, s->expr);
            sb_puts(b, " AS interval));\n");
        }
        break;
    case PW_COMMIT: pad(b, ind); sb_puts(b, "COMMIT;\n"); break;
    case PW_ROLLBACK:
        pad(b, ind);
        if (s->form == 2)
            sb_puts(b, "RAISE EXCEPTION USING MESSAGE = 'the trigger rolled the transaction back', ERRCODE = 'P0001';\n");
        else
            sb_puts(b, "ROLLBACK;\n");
        break;
    case PW_OPEN: case PW_CLOSE:
        pad(b, ind);
        sb_puts(b, s->what == PW_OPEN ? "OPEN " : "CLOSE ");
        sb_putn(b, s->name.parts[0].text, s->name.parts[0].len);
        sb_puts(b, ";\n");
        break;
    case PW_FETCH:
        pad(b, ind);
        sb_printf(b, "FETCH %s FROM ", s->word ? s->word : "NEXT");
        sb_putn(b, s->name.parts[0].text, s->name.parts[0].len);
        if (s->args.n) {
            sb_puts(b, " INTO ");
            for (int i = 0; i < s->args.n; i++) {
                if (i)
                    sb_puts(b, ", ");
                expr(g, b, s->args.items[i]);
            }
        }
        sb_puts(b, ";\n");
        pad(b, ind);
        sb_puts(b, "ss_fetch_status := CASE WHEN FOUND THEN 0 ELSE -1 END;\n");
        break;
    case PW_EXEC:
        pad(b, ind);
        if (s->form == CF_FUNCTION || s->form == CF_CURSOR_FUNCTION) {
            sb_puts(b, "PERFORM ");
            em_qname(g->cx, b, &s->name);
        } else if (s->form == CF_SET_FUNCTION) {
            sb_puts(b, "PERFORM * FROM ");
            em_qname(g->cx, b, &s->name);
        } else {
            sb_puts(b, "CALL ");
            em_qname(g->cx, b, &s->name);
        }
        exec_args(g, b, s);
        sb_puts(b, ";\n");
        if (s->ret_var) {
            pad(b, ind);
            sb_printf(b, "%s := 0;\n", s->ret_var);
        }
        break;
    case PW_EXEC_SQL:
        pad(b, ind);
        sb_puts(b, "EXECUTE ");
        expr(g, b, s->expr);
        for (int i = 0; i < s->args.n; i++) {
            sb_puts(b, i ? ", " : " USING ");
            expr(g, b, s->args.items[i]);
        }
        sb_puts(b, ";\n");
        rowcount(g, b, ind);
        break;
    default:
        dropped(g, b, &s->h, ind);
        break;
    }
}

static int is_assign_select(const Node *n)
{
    if (!n || n->kind != N_SELECT)
        return 0;
    const SelectStmt *s = (const SelectStmt *)n;
    for (int i = 0; i < s->targets.n; i++) {
        const TargetItem *t = (const TargetItem *)s->targets.items[i];
        if (!t->expr || t->expr->kind != N_ASSIGN)
            return 0;
    }
    return s->targets.n > 0;
}

static Node *assign_value(Pg *g, const Assignment *a)
{
    if (!a->op)
        return a->value;
    BinaryExpr *x = NODE_NEW(g->cx->arena, BinaryExpr, BINARY, a->h.span);
    x->op = a->op;
    x->l = a->target;
    x->r = a->value;
    x->r->flags |= NF_PARENS;
    return &x->h;
}

static void assign_select(Pg *g, StrBuf *b, const SelectStmt *s, int ind)
{
    int simple = !s->from.n && !s->where && !s->group_by.n;
    if (simple) {
        for (int i = 0; i < s->targets.n; i++) {
            const Assignment *a = (const Assignment *)((const TargetItem *)s->targets.items[i])->expr;
            pad(b, ind);
            expr(g, b, a->target);
            sb_puts(b, " := ");
            expr(g, b, assign_value(g, a));
            sb_puts(b, ";\n");
        }
        return;
    }
    SelectStmt c = *s;
    memset(&c.targets, 0, sizeof c.targets);
    memset(&c.into_vars, 0, sizeof c.into_vars);
    for (int i = 0; i < s->targets.n; i++) {
        const TargetItem *t = (const TargetItem *)s->targets.items[i];
        const Assignment *a = (const Assignment *)t->expr;
        TargetItem *nt = NODE_NEW(g->cx->arena, TargetItem, TARGET, t->h.span);
        nt->expr = assign_value(g, a);
        nl_push(g->cx->arena, &c.targets, nt);
        nl_push(g->cx->arena, &c.into_vars, a->target);
    }
    sql(g, b, &c.h, ind);
    rowcount(g, b, ind);
}

static void select_into_table(Pg *g, StrBuf *b, const SelectStmt *s, int ind)
{
    SelectStmt c = *s;
    memset(&c.into, 0, sizeof c.into);
    const Ident *last = &s->into.parts[s->into.n - 1];
    int temp = last->text && last->text[0] == '#';
    pad(b, ind);
    if (temp) {
        sb_puts(b, "DROP TABLE IF EXISTS ");
        em_qname(g->cx, b, &s->into);
        sb_puts(b, ";\n");
        pad(b, ind);
    }
    sb_puts(b, temp ? "CREATE TEMP TABLE " : "CREATE TABLE ");
    em_qname(g->cx, b, &s->into);
    sb_puts(b, " AS\n");
    StrBuf t;
    sb_init(&t);
    em_query(g->cx, &t, &c.h);
    sb_puts(&t, ";\n");
    indented(b, t.s, t.len, ind);
    sb_free(&t);
    rowcount(g, b, ind);
}

static void result_query(Pg *g, StrBuf *b, const Node *n, int ind)
{
    g->rs_seen++;
    StrBuf t;
    sb_init(&t);
    em_query(g->cx, &t, n);
    pad(b, ind);
    if (g->form == CF_SET_FUNCTION) {
        sb_puts(b, "RETURN QUERY\n");
    } else if (g->form == CF_CURSOR_FUNCTION) {
        sb_printf(b, "OPEN ss_rs%d FOR\n", g->d->result_sets == 1 ? 1 : g->rs_seen);
    } else {
        sb_puts(b, "PERFORM * FROM (\n");
    }
    sb_puts(&t, g->form == CF_SET_FUNCTION || g->form == CF_CURSOR_FUNCTION ? ";\n" : ") AS q;\n");
    indented(b, t.s, t.len, ind);
    sb_free(&t);
    if (g->form == CF_CURSOR_FUNCTION && g->d->result_sets > 1) {
        pad(b, ind);
        sb_printf(b, "RETURN NEXT ss_rs%d;\n", g->rs_seen);
    }
    rowcount(g, b, ind);
}

static void stmt(Pg *g, StrBuf *b, const Node *n, int ind)
{
    if (!n)
        return;
    int saved_ind = g->ind;
    g->ind = ind;
    stmt_at(g, b, n, ind);
    g->ind = saved_ind;
}

static void stmt_at(Pg *g, StrBuf *b, const Node *n, int ind)
{
    switch (n->kind) {
    case N_PL_BLOCK: {
        const PlBlock *bl = (const PlBlock *)n;
        for (int i = 0; i < bl->stmts.n; i++)
            stmt(g, b, bl->stmts.items[i], ind);
        break;
    }
    case N_PL_DECLARE: {
        const PlDeclare *d = (const PlDeclare *)n;
        if (d->init) {
            pad(b, ind);
            sb_printf(b, "%s := ", d->var);
            expr(g, b, d->init);
            sb_puts(b, ";\n");
        } else if (d->is_table) {
            pad(b, ind);
            sb_printf(b, "DROP TABLE IF EXISTS %s;\n", d->var);
            CreateTable ct;
            memset(&ct, 0, sizeof ct);
            ct.h.kind = N_CREATE_TABLE;
            ct.h.span = n->span;
            ct.temporary = 1;
            ct.name.n = 1;
            ct.name.parts[0].text = d->var;
            ct.name.parts[0].len = (uint32_t)strlen(d->var);
            for (int i = 0; i < d->cols.n; i++) {
                if (d->cols.items[i]->kind == N_COLUMN_DEF)
                    nl_push(g->cx->arena, &ct.columns, d->cols.items[i]);
                else
                    nl_push(g->cx->arena, &ct.constraints, d->cols.items[i]);
            }
            StrBuf t;
            sb_init(&t);
            em_sql_stmt(g->cx, &t, &ct.h);
            indented(b, t.s, t.len, ind);
            sb_free(&t);
        }
        break;
    }
    case N_PL_SET: {
        const PlSet *s = (const PlSet *)n;
        pad(b, ind);
        sb_printf(b, "%s := ", s->var);
        if (s->op) {
            BinaryExpr x;
            memset(&x, 0, sizeof x);
            x.h.kind = N_BINARY;
            x.h.span = n->span;
            x.op = s->op;
            VarRef v;
            memset(&v, 0, sizeof v);
            v.h.kind = N_VAR;
            v.name = s->var;
            x.l = &v.h;
            x.r = s->value;
            uint16_t f = s->value->flags;
            s->value->flags |= NF_PARENS;
            expr(g, b, &x.h);
            s->value->flags = f;
        } else {
            expr(g, b, s->value);
        }
        sb_puts(b, ";\n");
        break;
    }
    case N_PL_IF: {
        const PlIf *f = (const PlIf *)n;
        pad(b, ind);
        sb_puts(b, "IF ");
        expr(g, b, f->cond);
        sb_puts(b, " THEN\n");
        block_stmts(g, b, f->then_, ind + 1);
        const Node *e = f->else_;
        while (e && e->kind == N_PL_IF) {
            const PlIf *ei = (const PlIf *)e;
            pad(b, ind);
            sb_puts(b, "ELSIF ");
            expr(g, b, ei->cond);
            sb_puts(b, " THEN\n");
            block_stmts(g, b, ei->then_, ind + 1);
            e = ei->else_;
        }
        if (e) {
            pad(b, ind);
            sb_puts(b, "ELSE\n");
            block_stmts(g, b, e, ind + 1);
        }
        pad(b, ind);
        sb_puts(b, "END IF;\n");
        break;
    }
    case N_PL_WHILE: {
        const PlWhile *w = (const PlWhile *)n;
        pad(b, ind);
        sb_puts(b, "WHILE ");
        expr(g, b, w->cond);
        sb_puts(b, " LOOP\n");
        block_stmts(g, b, w->body, ind + 1);
        pad(b, ind);
        sb_puts(b, "END LOOP;\n");
        break;
    }
    case N_PL_TRY: {
        const PlTry *t = (const PlTry *)n;
        pad(b, ind);
        sb_puts(b, "BEGIN\n");
        block_stmts(g, b, t->try_, ind + 1);
        pad(b, ind);
        sb_puts(b, "EXCEPTION WHEN OTHERS THEN\n");
        if (g->d->uses_error) {
            /* the error for ERROR_*(), also saved where the routines this
             * handler calls can read it */
            static const char *const save_error[] = {
                "GET STACKED DIAGNOSTICS ss_err_state = RETURNED_SQLSTATE, ss_err_message = MESSAGE_TEXT,\n",
                "    ss_err_context = PG_EXCEPTION_CONTEXT;\n",
                "ss_err_number := CASE WHEN ss_err_state ~ '^[0-9]{5}$' THEN ss_err_state::integer ELSE 50000 END;\n",
                "ss_err_line := substring(ss_err_context from 'line ([0-9]+)')::integer;\n",
                "ss_err_procedure := substring(ss_err_context from 'function ([^(]+)\\(');\n",
                "PERFORM set_config('sqlshift.error_number', ss_err_number::text, true),\n",
                "    set_config('sqlshift.error_message', ss_err_message, true),\n",
                "    set_config('sqlshift.error_severity', '16', true), set_config('sqlshift.error_state', '1', true),\n",
                "    set_config('sqlshift.error_line', COALESCE(ss_err_line::text, ''), true),\n",
                "    set_config('sqlshift.error_procedure', COALESCE(ss_err_procedure, ''), true);\n",
            };
            for (size_t i = 0; i < sizeof save_error / sizeof save_error[0]; i++) {
                pad(b, ind + 1);
                sb_puts(b, save_error[i]);
            }
        }
        block_stmts(g, b, t->catch_, ind + 1);
        pad(b, ind);
        sb_puts(b, "END;\n");
        break;
    }
    case N_PL_STMT: pl_stmt(g, b, (const PlStmt *)n, ind); break;
    case N_SELECT: case N_SETOP: case N_WITH: case N_VALUES:
        if (is_assign_select(n))
            assign_select(g, b, (const SelectStmt *)n, ind);
        else if (n->kind == N_SELECT && ((const SelectStmt *)n)->into.n)
            select_into_table(g, b, (const SelectStmt *)n, ind);
        else
            result_query(g, b, n, ind);
        break;
    case N_INSERT: {
        const InsertStmt *s = (const InsertStmt *)n;
        if (g->ret_var && s->table.n == 1 && !strcmp(s->table.parts[0].text, g->ret_var) && s->source &&
            !s->cols.n) {
            StrBuf t;
            sb_init(&t);
            em_query(g->cx, &t, s->source);
            pad(b, ind);
            sb_puts(b, "RETURN QUERY\n");
            sb_puts(&t, ";\n");
            indented(b, t.s, t.len, ind);
            sb_free(&t);
            break;
        }
        sql(g, b, n, ind);
        rowcount(g, b, ind);
        break;
    }
    case N_CREATE_TABLE: {
        const CreateTable *t = (const CreateTable *)n;
        if (t->temporary) {
            pad(b, ind);
            sb_puts(b, "DROP TABLE IF EXISTS ");
            em_qname(g->cx, b, &t->name);
            sb_puts(b, ";\n");
            StrBuf tt, nm;
            sb_init(&tt);
            sb_init(&nm);
            em_sql_stmt(g->cx, &tt, n);
            em_qname(g->cx, &nm, &t->name);
            sb_putc(&nm, 0);
            indented(b, tt.s, tt.len, ind);
            sb_free(&tt);
            sb_free(&nm);
            break;
        }
        sql(g, b, n, ind);
        break;
    }
    default:
        sql(g, b, n, ind);
        if (n->kind == N_UPDATE || n->kind == N_DELETE)
            rowcount(g, b, ind);
        break;
    }
}

static void declare_vars(Pg *g, StrBuf *b, const Node *n)
{
    if (!n)
        return;
    switch (n->kind) {
    case N_PL_BLOCK: {
        const PlBlock *bl = (const PlBlock *)n;
        for (int i = 0; i < bl->stmts.n; i++)
            declare_vars(g, b, bl->stmts.items[i]);
        break;
    }
    case N_PL_DECLARE: {
        const PlDeclare *d = (const PlDeclare *)n;
        if (d->is_table)
            break;
        /* the same name declared twice (in two branches) is declared once */
        char key[80];
        snprintf(key, sizeof key, "\n    %s ", d->var);
        if (b->len && contains(b->s, b->len, key))
            break;
        pad(b, 1);
        sb_printf(b, "%s ", d->var);
        if (d->is_cursor) {
            sb_puts(b, "CURSOR FOR\n");
            StrBuf t;
            sb_init(&t);
            em_query(g->cx, &t, d->query);
            sb_puts(&t, ";\n");
            indented(b, t.s, t.len, 2);
            sb_free(&t);
            break;
        }
        em_type(g->cx, b, d->type);
        sb_puts(b, ";\n");
        break;
    }
    case N_PL_IF:
        declare_vars(g, b, ((const PlIf *)n)->then_);
        declare_vars(g, b, ((const PlIf *)n)->else_);
        break;
    case N_PL_WHILE: declare_vars(g, b, ((const PlWhile *)n)->body); break;
    case N_PL_TRY:
        declare_vars(g, b, ((const PlTry *)n)->try_);
        declare_vars(g, b, ((const PlTry *)n)->catch_);
        break;
    default:
        break;
    }
}

static const char *dollar_tag(const char *body, size_t n)
{
    static const char *const tags[] = {"$body$", "$sqlshift$", "$sqlshift_body$", "$sqlshift_1$"};
    for (int i = 0; i < 4; i++)
        if (!contains(body, n, tags[i]))
            return tags[i];
    return NULL;
}

static void params(Pg *g, StrBuf *b)
{
    const PlRoutine *d = g->d;
    sb_putc(b, '(');
    for (int i = 0; i < d->params.n; i++) {
        const PlParam *p = (const PlParam *)d->params.items[i];
        if (i)
            sb_puts(b, ", ");
        if (d->params.n > 2)
            sb_puts(b, "\n    ");
        if (p->output)
            sb_puts(b, "INOUT ");
        /* the parameter names made by the rewrite (p_...) */
        sb_puts(b, p->var);
        sb_putc(b, ' ');
        em_type(g->cx, b, p->type);
        if (p->def) {
            sb_puts(b, " DEFAULT ");
            expr(g, b, p->def);
        }
    }
    if (d->params.n > 2)
        sb_putc(b, '\n');
    sb_putc(b, ')');
}

static void table_cols(Pg *g, StrBuf *b, const NodeList *cols)
{
    for (int i = 0; i < cols->n; i++) {
        const ColumnDef *c = (const ColumnDef *)cols->items[i];
        if (i)
            sb_puts(b, ", ");
        em_ident(g->cx, b, &c->name);
        sb_putc(b, ' ');
        em_type(g->cx, b, c->type);
    }
}

static void decls(Pg *g, StrBuf *body, const Node *stmts)
{
    const PlRoutine *d = g->d;
    StrBuf decl;
    sb_init(&decl);
    declare_vars(g, &decl, stmts);
    if (d->extra_decls)
        sb_puts(&decl, d->extra_decls);
    if (d->uses_rowcount)
        sb_puts(&decl, "    ss_rowcount bigint := 0;\n");
    if (d->uses_fetch_status)
        sb_puts(&decl, "    ss_fetch_status integer := -1;\n");
    if (d->uses_error)
        sb_puts(&decl, "    ss_err_state text;\n    ss_err_message text;\n    ss_err_context text;\n"
                       "    ss_err_number integer;\n    ss_err_line integer;\n    ss_err_procedure text;\n");
    if (g->form == CF_CURSOR_FUNCTION)
        for (int i = 1; i <= d->result_sets; i++)
            sb_printf(&decl, "    ss_rs%d refcursor;\n", i);
    if (decl.len) {
        sb_puts(body, "DECLARE\n");
        sb_putn(body, decl.s, decl.len);
    }
    sb_free(&decl);
}

/* name, or name_suffix when one T-SQL trigger gives several */
static QName suffixed(ConvCtx *cx, const QName *q, const char *suffix)
{
    QName n = *q;
    if (suffix) {
        Ident *last = &n.parts[n.n - 1];
        char *t = arena_alloc(cx->arena, last->len + strlen(suffix) + 2);
        memcpy(t, last->text, last->len);
        t[last->len] = '_';
        strcpy(t + last->len + 1, suffix);
        last->text = t;
        last->len = (uint32_t)strlen(t);
    }
    return n;
}

static int trigger(Pg *g, StrBuf *out)
{
    const RoutineStmt *r = g->r;
    const PlRoutine *d = g->d;
    static const char *const evname[3] = {"INSERT", "UPDATE", "DELETE"};
    static const char *const evsuffix[3] = {"insert", "update", "delete"};
    int nev = !!(d->events & TE_INSERT) + !!(d->events & TE_UPDATE) + !!(d->events & TE_DELETE);
    g->trigger = 1;
    StrBuf b;
    sb_init(&b);
    for (int i = 0; i < 3; i++) {
        const Node *body = d->event_body[i];
        if (!body)
            continue;
        QName fn = suffixed(g->cx, &r->name, nev > 1 ? evsuffix[i] : NULL);
        StrBuf tb;
        sb_init(&tb);
        decls(g, &tb, body);
        sb_puts(&tb, "BEGIN\n");
        g->guard = NULL;
        if (d->self_dml) {
            /* SQL Server does not fire a trigger again from its own changes
             * (RECURSIVE_TRIGGERS OFF); PostgreSQL would, without end */
            StrBuf gn;
            sb_init(&gn);
            sb_puts(&gn, "sqlshift.trigger_");
            const char *q = qname_text(g->cx->arena, &fn);
            for (const char *c = q; *c; c++)
                sb_putc(&gn, (*c >= 'A' && *c <= 'Z') ? (char)(*c + 32) : ((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9')) ? *c : '_');
            g->guard = arena_strndup(g->cx->arena, gn.s, gn.len);
            sb_free(&gn);
            sb_printf(&tb, "    IF current_setting('%s', true) = 'on' THEN\n        RETURN NULL;\n    END IF;\n"
                           "    PERFORM set_config('%s', 'on', true);\n", g->guard, g->guard);
        }
        if (d->uses_rowcount) {
            /* @@ROWCOUNT on entry: the rows of the triggering statement */
            if (d->row_level)
                sb_puts(&tb, "    ss_rowcount := 1;\n");
            else
                sb_printf(&tb, "    ss_rowcount := (SELECT count(*) FROM %s);\n", i == 2 ? "deleted" : "inserted");
        }
        block_stmts(g, &tb, body, 1);
        if (g->guard)
            sb_printf(&tb, "    PERFORM set_config('%s', 'off', true);\n", g->guard);
        sb_puts(&tb, "    RETURN NULL;\nEND;\n");
        const char *tag = dollar_tag(tb.s, tb.len);
        if (!tag) {
            sb_free(&tb);
            sb_free(&b);
            return 0;
        }
        sb_puts(&b, r->or_replace ? "CREATE OR REPLACE FUNCTION " : "CREATE FUNCTION ");
        em_qname(g->cx, &b, &fn);
        sb_printf(&b, "()\nRETURNS trigger\nLANGUAGE plpgsql\nAS %s\n", tag);
        sb_putn(&b, tb.s, tb.len);
        sb_printf(&b, "%s;\n", tag);
        sb_free(&tb);
        /* the trigger: named like the function (no schema: it lives on the table) */
        if (r->or_replace) {
            sb_puts(&b, "DROP TRIGGER IF EXISTS ");
            em_ident(g->cx, &b, &fn.parts[fn.n - 1]);
            sb_puts(&b, " ON ");
            em_qname(g->cx, &b, &r->on_table);
            sb_puts(&b, ";\n");
        }
        sb_puts(&b, "CREATE TRIGGER ");
        em_ident(g->cx, &b, &fn.parts[fn.n - 1]);
        if (d->row_level)
            sb_printf(&b, "\n%s %s ON ", d->on_view ? "INSTEAD OF" : "BEFORE", evname[i]);
        else
            sb_printf(&b, "\nAFTER %s ON ", evname[i]);
        em_qname(g->cx, &b, &r->on_table);
        if (d->row_level) {
            sb_puts(&b, "\nFOR EACH ROW");
        } else {
            sb_puts(&b, "\nREFERENCING ");
            if (i == 0)
                sb_puts(&b, "NEW TABLE AS inserted");
            else if (i == 1)
                sb_puts(&b, "NEW TABLE AS inserted OLD TABLE AS deleted");
            else
                sb_puts(&b, "OLD TABLE AS deleted");
            sb_puts(&b, "\nFOR EACH STATEMENT");
        }
        sb_puts(&b, "\nEXECUTE FUNCTION ");
        em_qname(g->cx, &b, &fn);
        sb_puts(&b, "();\n");
    }
    sb_putn(out, b.s, b.len);
    sb_free(&b);
    return 1;
}

int em_plpgsql_routine(ConvCtx *cx, StrBuf *out, const RoutineStmt *r)
{
    const PlRoutine *d = r->def;
    if (!d)
        return 0;
    if (r->rkind == RK_TRIGGER) {
        Pg tg;
        memset(&tg, 0, sizeof tg);
        tg.cx = cx;
        tg.r = r;
        tg.d = d;
        tg.form = CF_PROCEDURE;
        return trigger(&tg, out);
    }
    Pg g;
    memset(&g, 0, sizeof g);
    g.cx = cx;
    g.r = r;
    g.d = d;
    if (r->rkind == RK_FUNCTION)
        g.form = d->ret == PR_SCALAR ? CF_FUNCTION : CF_SET_FUNCTION;
    else if (d->result_sets)
        g.form = d->result_sets == 1 && d->rs_cols ? CF_SET_FUNCTION : CF_CURSOR_FUNCTION;
    else
        g.form = CF_PROCEDURE;
    if (d->ret == PR_TABLE_VAR)
        g.ret_var = d->ret_var;
    int is_func = g.form != CF_PROCEDURE;
    StrBuf b;
    sb_init(&b);
    if (d->prelude)
        sb_puts(&b, d->prelude);
    sb_puts(&b, r->or_replace ? "CREATE OR REPLACE " : "CREATE ");
    sb_puts(&b, is_func ? "FUNCTION " : "PROCEDURE ");
    em_qname(cx, &b, &r->name);
    params(&g, &b);
    if (is_func) {
        sb_puts(&b, "\nRETURNS ");
        if (g.form == CF_FUNCTION) {
            em_type(cx, &b, d->ret_type);
        } else if (g.form == CF_CURSOR_FUNCTION) {
            sb_puts(&b, d->result_sets > 1 ? "SETOF refcursor" : "refcursor");
        } else if (d->ret == PR_TABLE_VAR) {
            sb_puts(&b, "TABLE (");
            table_cols(&g, &b, &d->ret_cols);
            sb_putc(&b, ')');
        } else {
            sb_printf(&b, "TABLE (%s)", d->rs_cols);
        }
    }
    if (d->ret == PR_INLINE_TABLE) {
        sb_puts(&b, "\nLANGUAGE sql\n");
    } else {
        sb_puts(&b, "\nLANGUAGE plpgsql\n");
    }
    for (int i = 0; i < d->options.n; i++) {
        const OptionItem *o = (const OptionItem *)d->options.items[i];
        if (!strcmp(o->name, "EXECUTE AS") && o->value && strcmp(o->value, "CALLER"))
            sb_puts(&b, "SECURITY DEFINER\n");
        if (!strcmp(o->name, "RETURNS NULL ON NULL INPUT") && is_func)
            sb_puts(&b, "RETURNS NULL ON NULL INPUT\n");
    }
    StrBuf body;
    sb_init(&body);
    if (d->ret == PR_INLINE_TABLE) {
        em_query(cx, &body, d->ret_query);
        sb_puts(&body, ";\n");
    } else {
        if (g.form == CF_SET_FUNCTION)
            sb_puts(&body, "#variable_conflict use_column\n");
        decls(&g, &body, d->body);
        sb_puts(&body, "BEGIN\n");
        size_t before = body.len;
        block_stmts(&g, &body, d->body, 1);
        (void)before;
        const Node *last = d->body && d->body->kind == N_PL_BLOCK && ((const PlBlock *)d->body)->stmts.n
                         ? ((const PlBlock *)d->body)->stmts.items[((const PlBlock *)d->body)->stmts.n - 1] : d->body;
        int ends_with_return = last && last->kind == N_PL_STMT && ((const PlStmt *)last)->what == PW_RETURN;
        if (ends_with_return)
            ;
        else if (g.form == CF_CURSOR_FUNCTION && d->result_sets == 1)
            sb_puts(&body, "    RETURN ss_rs1;\n");
        else if (g.form == CF_CURSOR_FUNCTION || g.form == CF_SET_FUNCTION)
            sb_puts(&body, "    RETURN;\n");
        sb_puts(&body, "END;\n");
    }
    const char *tag = dollar_tag(body.s, body.len);
    if (!tag) {
        sb_free(&body);
        sb_free(&b);
        return 0;
    }
    sb_printf(&b, "AS %s\n", tag);
    sb_putn(&b, body.s, body.len);
    sb_printf(&b, "%s;\n", tag);
    sb_putn(out, b.s, b.len);
    sb_free(&body);
    sb_free(&b);
    return 1;
}
