/* emit: T-SQL procedures, functions and triggers printed as MySQL 8 stored
 * code, after the rewrite (xf_proc.c with xf_proc_mysql.c) has renamed the
 * variables, mapped the expressions and recorded the action items. MySQL
 * wants every DECLARE at the start of its block (variables, then cursors,
 * then handlers), so declarations are hoisted and initialised where the
 * T-SQL DECLARE stood; TRY/CATCH becomes an inner block with an EXIT
 * handler; statements the rewrite dropped are kept as "-- | " lines. The
 * routine is wrapped in DELIMITER // ... // so the mysql client runs it. */
#include "emit/emit_target.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct My {
    ConvCtx *cx;
    const RoutineStmt *r;
    const PlRoutine *d;
    int is_func, is_trigger;
    int loops;             /* loop labels made so far */
    int loop_stack[64];    /* enclosing loops' label numbers */
    int depth;             /* loops open */
    int catch_n;           /* CATCH handler blocks made so far */
    int catch_cur;         /* handler block being printed (0: none) */
    int uses_msg;          /* ss_msg needed (RAISERROR with format arguments) */
    int uses_jump;         /* RETURN/BREAK/CONTINUE inside a CATCH handler: ss_jump */
    int uses_cursor;
    int ind;               /* indentation of the statement being printed */
    VEC(const PlDeclare *) defaulted; /* DECLAREs printed with DEFAULT */
} My;

static void stmt(My *m, StrBuf *b, const Node *n, int ind);

static void pad(StrBuf *b, int ind) { emc_pad(b, ind); }
static void indented(StrBuf *b, const char *s, size_t n, int ind) { emc_indented(b, s, n, ind); }
static void sql(My *m, StrBuf *b, const Node *n, int ind) { emc_sql(m->cx, b, n, ind); }
static void expr(My *m, StrBuf *b, const Node *e) { emc_expr(m->cx, b, e, m->ind); }
static void dropped(My *m, StrBuf *b, const Node *n, int ind) { emc_dropped(m->cx, b, n, ind); }

static void rowcount(My *m, StrBuf *b, int ind, int query)
{
    if (m->d->uses_rowcount) {
        pad(b, ind);
        sb_puts(b, query ? "SET ss_rowcount = FOUND_ROWS();\n" : "SET ss_rowcount = ROW_COUNT();\n");
    }
}

/* ---- declarations, hoisted ---- */

static int is_constant(const Node *e)
{
    if (e && e->kind == N_UNARY && ((const UnaryExpr *)e)->op == U_NEG)
        e = ((const UnaryExpr *)e)->arg;
    return e && e->kind == N_LITERAL;
}

static int defaulted(const My *m, const PlDeclare *d)
{
    for (int i = 0; i < m->defaulted.n; i++)
        if (m->defaulted.items[i] == d)
            return 1;
    return 0;
}

/* what the body needs: walks the statements (not expressions) */
static int simple_value(const Node *n);

static void needs(My *m, const Node *n)
{
    if (!n)
        return;
    switch (n->kind) {
    case N_PL_BLOCK: {
        const PlBlock *bl = (const PlBlock *)n;
        for (int i = 0; i < bl->stmts.n; i++)
            needs(m, bl->stmts.items[i]);
        break;
    }
    case N_PL_IF: needs(m, ((const PlIf *)n)->then_); needs(m, ((const PlIf *)n)->else_); break;
    case N_PL_WHILE: {
        int saved = m->catch_cur; /* a loop inside a handler: its own labels are visible */
        m->catch_cur = 0;
        needs(m, ((const PlWhile *)n)->body);
        m->catch_cur = saved;
        break;
    }
    case N_PL_TRY: {
        const PlTry *t = (const PlTry *)n;
        needs(m, t->try_);
        m->catch_cur++;
        needs(m, t->catch_);
        m->catch_cur--;
        break;
    }
    case N_PL_DECLARE: m->uses_cursor |= ((const PlDeclare *)n)->is_cursor; break;
    case N_PL_STMT: {
        const PlStmt *s = (const PlStmt *)n;
        if (s->form == -1)
            break;
        if (s->what == PW_RAISERROR && s->args.n > 3)
            m->uses_msg = 1;
        if ((s->what == PW_RAISERROR || s->what == PW_THROW) && s->args.n >= 2 &&
            !simple_value(s->args.items[s->what == PW_THROW]))
            m->uses_msg = 1;
        if (m->catch_cur && ((s->what == PW_RETURN && !m->is_func) || s->what == PW_BREAK ||
                             s->what == PW_CONTINUE))
            m->uses_jump = 1;
        break;
    }
    default:
        break;
    }
}

static void decl_vars(My *m, StrBuf *b, const Node *n, int top)
{
    if (!n)
        return;
    switch (n->kind) {
    case N_PL_BLOCK: {
        const PlBlock *bl = (const PlBlock *)n;
        for (int i = 0; i < bl->stmts.n; i++) {
            const Node *s = bl->stmts.items[i];
            decl_vars(m, b, s, top);
            /* DEFAULT only for the leading DECLAREs of the routine (SET
             * NOCOUNT may stand before them): later ones may sit in a loop,
             * where T-SQL assigns the value each time round */
            if (top && s->kind != N_PL_DECLARE && !(s->kind == N_PL_STMT && ((const PlStmt *)s)->form == -1))
                top = 0;
        }
        break;
    }
    case N_PL_IF: decl_vars(m, b, ((const PlIf *)n)->then_, 0); decl_vars(m, b, ((const PlIf *)n)->else_, 0); break;
    case N_PL_WHILE: decl_vars(m, b, ((const PlWhile *)n)->body, 0); break;
    case N_PL_TRY: decl_vars(m, b, ((const PlTry *)n)->try_, 0); decl_vars(m, b, ((const PlTry *)n)->catch_, 0); break;
    case N_PL_DECLARE: {
        const PlDeclare *d = (const PlDeclare *)n;
        if (d->is_cursor || d->is_table)
            break;
        pad(b, 1);
        sb_printf(b, "DECLARE %s ", d->var);
        em_type(m->cx, b, d->type);
        if (top && d->init && is_constant(d->init)) {
            sb_puts(b, " DEFAULT ");
            expr(m, b, d->init);
            VEC_PUSH(m->cx->arena, m->defaulted, d);
        }
        sb_puts(b, ";\n");
        break;
    }
    default:
        break;
    }
}

static void decl_cursors(My *m, StrBuf *b, const Node *n)
{
    if (!n)
        return;
    switch (n->kind) {
    case N_PL_BLOCK: {
        const PlBlock *bl = (const PlBlock *)n;
        for (int i = 0; i < bl->stmts.n; i++)
            decl_cursors(m, b, bl->stmts.items[i]);
        break;
    }
    case N_PL_IF: decl_cursors(m, b, ((const PlIf *)n)->then_); decl_cursors(m, b, ((const PlIf *)n)->else_); break;
    case N_PL_WHILE: decl_cursors(m, b, ((const PlWhile *)n)->body); break;
    case N_PL_TRY: decl_cursors(m, b, ((const PlTry *)n)->try_); decl_cursors(m, b, ((const PlTry *)n)->catch_); break;
    case N_PL_DECLARE: {
        const PlDeclare *d = (const PlDeclare *)n;
        if (!d->is_cursor)
            break;
        StrBuf t;
        sb_init(&t);
        sb_printf(&t, "DECLARE %s CURSOR FOR\n", d->var);
        em_query(m->cx, &t, d->query);
        sb_puts(&t, ";\n");
        indented(b, t.s, t.len, 1);
        sb_free(&t);
        break;
    }
    default:
        break;
    }
}

static void declarations(My *m, StrBuf *b, const Node *body)
{
    needs(m, body);
    decl_vars(m, b, body, 1);
    if (m->d->uses_error)
        sb_puts(b, "    DECLARE ss_err_number int;\n    DECLARE ss_err_message varchar(512);\n");
    if (m->d->uses_rowcount) /* in a row trigger: the one row that fired it */
        sb_printf(b, "    DECLARE ss_rowcount bigint DEFAULT %d;\n", m->is_trigger ? 1 : 0);
    if (m->uses_msg)
        sb_puts(b, "    DECLARE ss_msg varchar(512);\n");
    if (m->uses_jump)
        sb_puts(b, "    DECLARE ss_jump int DEFAULT 0;\n");
    if (m->uses_cursor || m->d->uses_fetch_status)
        sb_puts(b, "    DECLARE ss_fetch_status int DEFAULT -1;\n    DECLARE ss_not_found int DEFAULT 0;\n");
    decl_cursors(m, b, body);
    if (m->uses_cursor)
        sb_puts(b, "    DECLARE CONTINUE HANDLER FOR NOT FOUND SET ss_not_found = 1;\n");
}

/* ---- statements ---- */

static void block_stmts(My *m, StrBuf *b, const Node *n, int ind)
{
    size_t before = b->len;
    if (n)
        stmt(m, b, n, ind);
    /* MySQL wants a statement in every branch: one that only holds
     * comments gets a no-op */
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
        sb_puts(b, "DO 0;\n");
    }
}

/* an integer literal (optionally negative): 1 and *out */
static int int_literal(const Node *n, long *out)
{
    int neg = 0;
    if (n && n->kind == N_UNARY && ((const UnaryExpr *)n)->op == U_NEG) {
        neg = 1;
        n = ((const UnaryExpr *)n)->arg;
    }
    if (!n || n->kind != N_LITERAL || ((const Literal *)n)->lk != LIT_INTEGER)
        return 0;
    long v = atol(((const Literal *)n)->value);
    *out = neg ? -v : v;
    return 1;
}

/* a value SIGNAL can take: a literal or a variable */
static int simple_value(const Node *n)
{
    return n && (n->kind == N_VAR || (n->kind == N_LITERAL && ((const Literal *)n)->lk != LIT_NULL));
}

/* RAISERROR's printf-style message with arguments: CONCAT of the pieces,
 * each argument as text ("(null)" for NULL, as SQL Server prints it) */
static void raise_concat(My *m, StrBuf *b, const Literal *l, const NodeList *args, int first)
{
    sb_puts(b, "CONCAT(");
    StrBuf piece;
    sb_init(&piece);
    int k = first, parts = 0;
    const char *s = l->value;
    size_t n = l->len;
    for (size_t i = 0; i <= n; i++) {
        int spec = 0;
        size_t j = i;
        if (i < n && s[i] == '%' && i + 1 < n && s[i + 1] == '%') {
            sb_putc(&piece, '%');
            i++;
            continue;
        }
        if (i < n && s[i] == '%') {
            j = i + 1;
            while (j < n && strchr("-+ #0123456789.*lhI", s[j]))
                j++;
            spec = j < n && strchr("dioxXsuc", s[j]);
        }
        if (i < n && !spec) {
            sb_putc(&piece, s[i]);
            continue;
        }
        if (piece.len) {
            if (parts++)
                sb_puts(b, ", ");
            em_string_literal(b, piece.s, piece.len, 1);
            sb_reset(&piece);
        }
        if (spec) {
            if (parts++)
                sb_puts(b, ", ");
            if (k < args->n) {
                sb_puts(b, "IFNULL(");
                expr(m, b, args->items[k++]);
                sb_puts(b, ", '(null)')");
            } else {
                sb_puts(b, "'(null)'");
            }
            i = j;
        }
    }
    if (!parts)
        sb_puts(b, "''");
    sb_free(&piece);
    sb_putc(b, ')');
}

static void signal_stmt(My *m, StrBuf *b, const char *state, const Node *msg, const char *msg_text,
                        const Node *num, const char *num_text, int ind)
{
    if (msg && !simple_value(msg)) {
        pad(b, ind);
        sb_puts(b, "SET ss_msg = ");
        expr(m, b, msg);
        sb_puts(b, ";\n");
        msg = NULL;
        msg_text = "ss_msg";
    }
    pad(b, ind);
    sb_printf(b, "SIGNAL SQLSTATE '%s' SET MESSAGE_TEXT = ", state);
    if (msg)
        expr(m, b, msg);
    else
        sb_puts(b, msg_text);
    sb_puts(b, ", MYSQL_ERRNO = ");
    if (num)
        expr(m, b, num);
    else
        sb_puts(b, num_text);
    sb_puts(b, ";\n");
}

static void raiserror(My *m, StrBuf *b, const PlStmt *s, int ind)
{
    long sev = 16;
    if (s->args.n >= 2)
        int_literal(s->args.items[1], &sev);
    const char *state = sev <= 10 ? "01000" : "45000";
    const Node *msg = s->args.n ? s->args.items[0] : NULL;
    if (msg && msg->kind == N_LITERAL && ((const Literal *)msg)->lk == LIT_INTEGER) {
        const Literal *l = (const Literal *)msg;
        long num = atol(l->value);
        pad(b, ind);
        sb_printf(b, "SIGNAL SQLSTATE '%s' SET MESSAGE_TEXT = 'error %ld', MYSQL_ERRNO = %ld;\n", state, num,
                  num > 0 && num <= 65535 ? num : 50000);
        return;
    }
    if (msg && msg->kind == N_LITERAL &&
        (((const Literal *)msg)->lk == LIT_STRING || ((const Literal *)msg)->lk == LIT_NSTRING)) {
        const Literal *l = (const Literal *)msg;
        if (s->args.n > 3) {
            pad(b, ind);
            sb_puts(b, "SET ss_msg = ");
            raise_concat(m, b, l, &s->args, 3);
            sb_puts(b, ";\n");
            signal_stmt(m, b, state, NULL, "ss_msg", NULL, "50000", ind);
        } else {
            /* no arguments: '%%' still means '%' */
            StrBuf t;
            sb_init(&t);
            for (size_t i = 0; i < l->len; i++) {
                sb_putc(&t, l->value[i]);
                if (l->value[i] == '%' && i + 1 < l->len && l->value[i + 1] == '%')
                    i++;
            }
            pad(b, ind);
            sb_printf(b, "SIGNAL SQLSTATE '%s' SET MESSAGE_TEXT = ", state);
            em_string_literal(b, t.s, t.len, 1);
            sb_puts(b, ", MYSQL_ERRNO = 50000;\n");
            sb_free(&t);
        }
        return;
    }
    signal_stmt(m, b, state, msg, "''", NULL, "50000", ind);
}

static void throw_stmt(My *m, StrBuf *b, const PlStmt *s, int ind)
{
    if (s->args.n < 2) {
        pad(b, ind);
        sb_puts(b, "RESIGNAL;\n");
        return;
    }
    long num = 0;
    const Node *n = s->args.items[0];
    int lit = int_literal(n, &num);
    if (lit && num > 0 && num <= 65535)
        signal_stmt(m, b, "45000", s->args.items[1], NULL, n, NULL, ind);
    else if (!lit && n->kind == N_VAR)
        signal_stmt(m, b, "45000", s->args.items[1], NULL, n, NULL, ind);
    else
        signal_stmt(m, b, "45000", s->args.items[1], NULL, NULL, "50000", ind);
}

/* 'hh:mm:ss[.mmm]' as seconds, or -1 */
static double delay_seconds(const Node *e)
{
    if (!e || e->kind != N_LITERAL || ((const Literal *)e)->lk != LIT_STRING)
        return -1;
    const char *s = ((const Literal *)e)->value;
    int h = 0, mi = 0;
    double sec = 0;
    if (sscanf(s, "%d:%d:%lf", &h, &mi, &sec) == 3)
        return h * 3600.0 + mi * 60.0 + sec;
    if (sscanf(s, "%d:%d", &h, &mi) == 2)
        return h * 3600.0 + mi * 60.0;
    return -1;
}

static void exec_stmt(My *m, StrBuf *b, const PlStmt *s, int ind)
{
    pad(b, ind);
    sb_puts(b, "CALL ");
    em_qname(m->cx, b, &s->name);
    sb_putc(b, '(');
    for (int i = 0; i < s->args.n; i++) {
        const Node *a = s->args.items[i];
        if (i)
            sb_puts(b, ", ");
        expr(m, b, a->kind == N_ASSIGN ? ((const Assignment *)a)->value : a);
    }
    sb_puts(b, ");\n");
    if (s->ret_var) {
        pad(b, ind);
        sb_printf(b, "SET %s = 0;\n", s->ret_var);
    }
}

static void pl_stmt(My *m, StrBuf *b, const PlStmt *s, int ind)
{
    if (s->form == -1) {
        dropped(m, b, &s->h, ind);
        return;
    }
    switch (s->what) {
    case PW_BREAK: case PW_CONTINUE:
        if (!m->depth) {
            dropped(m, b, &s->h, ind);
            break;
        }
        if (m->catch_cur) {
            /* a handler cannot leave the loops around it: leave the
             * handler, then the loop (after the TRY block) */
            pad(b, ind);
            sb_printf(b, "SET ss_jump = %d;\n", s->what == PW_BREAK ? 2 : 3);
            pad(b, ind);
            sb_printf(b, "LEAVE ss_catch%d;\n", m->catch_cur);
            break;
        }
        pad(b, ind);
        sb_printf(b, "%s ss_loop%d;\n", s->what == PW_BREAK ? "LEAVE" : "ITERATE", m->loop_stack[m->depth - 1]);
        break;
    case PW_RETURN:
        pad(b, ind);
        if (m->is_func) {
            sb_puts(b, "RETURN ");
            if (s->expr)
                expr(m, b, s->expr);
            else
                sb_puts(b, "NULL");
            sb_puts(b, ";\n");
        } else if (m->catch_cur) {
            /* a handler cannot leave the blocks around it: leave the
             * handler, then the routine (after the TRY block) */
            sb_printf(b, "SET ss_jump = 1;\n");
            pad(b, ind);
            sb_printf(b, "LEAVE ss_catch%d;\n", m->catch_cur);
        } else {
            sb_puts(b, "LEAVE ss_body;\n");
        }
        break;
    case PW_RAISERROR: raiserror(m, b, s, ind); break;
    case PW_THROW: throw_stmt(m, b, s, ind); break;
    case PW_WAITFOR: {
        double sec = delay_seconds(s->expr);
        pad(b, ind);
        if (sec >= 0) {
            char t[64];
            snprintf(t, sizeof t, "%.3f", sec);
            size_t n = strlen(t);
            while (n > 1 && t[n - 1] == '0')
                t[--n] = 0;
            if (t[n - 1] == '.')
                t[--n] = 0;
            sb_printf(b, "DO SLEEP(%s);\n", t);
        } else {
            sb_puts(b, "DO SLEEP(TIME_TO_SEC(");
            expr(m, b, s->expr);
            sb_puts(b, "));\n");
        }
        break;
    }
    case PW_BEGIN_TRAN: pad(b, ind); sb_puts(b, "START TRANSACTION;\n"); break;
    case PW_COMMIT: pad(b, ind); sb_puts(b, "COMMIT;\n"); break;
    case PW_ROLLBACK:
        pad(b, ind);
        if (s->form == 2) {
            sb_puts(b, "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'The transaction ended in the trigger. "
                       "The batch has been aborted.', MYSQL_ERRNO = 3609;\n");
        } else if (s->form == 3) {
            sb_puts(b, "ROLLBACK TO SAVEPOINT ");
            em_ident(m->cx, b, &s->name.parts[0]);
            sb_puts(b, ";\n");
        } else {
            sb_puts(b, "ROLLBACK;\n");
        }
        break;
    case PW_SAVE:
        pad(b, ind);
        sb_puts(b, "SAVEPOINT ");
        em_ident(m->cx, b, &s->name.parts[0]);
        sb_puts(b, ";\n");
        break;
    case PW_OPEN: case PW_CLOSE:
        pad(b, ind);
        sb_printf(b, "%s %.*s;\n", s->what == PW_OPEN ? "OPEN" : "CLOSE", (int)s->name.parts[0].len,
                  s->name.parts[0].text);
        break;
    case PW_FETCH:
        pad(b, ind);
        sb_puts(b, "SET ss_not_found = 0;\n");
        pad(b, ind);
        sb_printf(b, "FETCH %.*s INTO ", (int)s->name.parts[0].len, s->name.parts[0].text);
        for (int i = 0; i < s->args.n; i++) {
            if (i)
                sb_puts(b, ", ");
            expr(m, b, s->args.items[i]);
        }
        sb_puts(b, ";\n");
        pad(b, ind);
        sb_puts(b, "SET ss_fetch_status = IF(ss_not_found = 1, -1, 0);\n");
        break;
    case PW_EXEC: exec_stmt(m, b, s, ind); break;
    case PW_EXEC_SQL:
        pad(b, ind);
        sb_puts(b, "SET @ss_sql = ");
        expr(m, b, s->expr);
        sb_puts(b, ";\n");
        pad(b, ind);
        sb_puts(b, "PREPARE ss_stmt FROM @ss_sql;\n");
        pad(b, ind);
        sb_puts(b, "EXECUTE ss_stmt;\n");
        rowcount(m, b, ind, 0);
        pad(b, ind);
        sb_puts(b, "DEALLOCATE PREPARE ss_stmt;\n");
        break;
    default:
        dropped(m, b, &s->h, ind);
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

static Node *assign_value(My *m, const Assignment *a)
{
    if (!a->op)
        return a->value;
    BinaryExpr *x = NODE_NEW(m->cx->arena, BinaryExpr, BINARY, a->h.span);
    x->op = a->op;
    x->l = a->target;
    x->r = a->value;
    x->r->flags |= NF_PARENS;
    return &x->h;
}

static void assign_select(My *m, StrBuf *b, const SelectStmt *s, int ind)
{
    int simple = !s->from.n && !s->where && !s->group_by.n;
    if (simple) {
        for (int i = 0; i < s->targets.n; i++) {
            const Assignment *a = (const Assignment *)((const TargetItem *)s->targets.items[i])->expr;
            pad(b, ind);
            sb_puts(b, "SET ");
            expr(m, b, a->target);
            sb_puts(b, " = ");
            expr(m, b, assign_value(m, a));
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
        TargetItem *nt = NODE_NEW(m->cx->arena, TargetItem, TARGET, t->h.span);
        nt->expr = assign_value(m, a);
        nl_push(m->cx->arena, &c.targets, nt);
        nl_push(m->cx->arena, &c.into_vars, a->target);
    }
    sql(m, b, &c.h, ind);
    rowcount(m, b, ind, 1);
}

static void select_into_table(My *m, StrBuf *b, const SelectStmt *s, int ind)
{
    SelectStmt c = *s;
    memset(&c.into, 0, sizeof c.into);
    const Ident *last = &s->into.parts[s->into.n - 1];
    int temp = last->text && last->text[0] == '#';
    pad(b, ind);
    if (temp) {
        sb_puts(b, "DROP TEMPORARY TABLE IF EXISTS ");
        em_qname(m->cx, b, &s->into);
        sb_puts(b, ";\n");
        pad(b, ind);
    }
    sb_puts(b, temp ? "CREATE TEMPORARY TABLE " : "CREATE TABLE ");
    em_qname(m->cx, b, &s->into);
    sb_puts(b, " AS\n");
    StrBuf t;
    sb_init(&t);
    em_query(m->cx, &t, &c.h);
    sb_puts(&t, ";\n");
    indented(b, t.s, t.len, ind);
    sb_free(&t);
    rowcount(m, b, ind, 0);
}

static void try_block(My *m, StrBuf *b, const PlTry *t, int ind)
{
    int k = ++m->catch_n;
    pad(b, ind);
    sb_puts(b, "BEGIN\n");
    pad(b, ind + 1);
    sb_puts(b, "DECLARE EXIT HANDLER FOR SQLEXCEPTION\n");
    pad(b, ind + 1);
    sb_printf(b, "ss_catch%d: BEGIN\n", k);
    if (m->d->uses_error) {
        pad(b, ind + 2);
        sb_puts(b, "GET DIAGNOSTICS CONDITION 1 ss_err_number = MYSQL_ERRNO, ss_err_message = MESSAGE_TEXT;\n");
    }
    int saved = m->catch_cur;
    m->catch_cur = k; /* the loops around a handler are not visible inside it */
    block_stmts(m, b, t->catch_, ind + 2);
    m->catch_cur = saved;
    pad(b, ind + 1);
    sb_puts(b, "END;\n");
    block_stmts(m, b, t->try_, ind + 1);
    pad(b, ind);
    sb_puts(b, "END;\n");
    if (m->uses_jump && !m->catch_cur) {
        /* what the handler could not do itself: RETURN (1), BREAK (2), CONTINUE (3) */
        pad(b, ind);
        sb_puts(b, "IF ss_jump = 1 THEN\n");
        pad(b, ind + 1);
        sb_puts(b, "LEAVE ss_body;\n");
        if (m->depth) {
            int lk = m->loop_stack[m->depth - 1];
            pad(b, ind);
            sb_puts(b, "ELSEIF ss_jump = 2 THEN\n");
            pad(b, ind + 1);
            sb_printf(b, "SET ss_jump = 0;\n");
            pad(b, ind + 1);
            sb_printf(b, "LEAVE ss_loop%d;\n", lk);
            pad(b, ind);
            sb_puts(b, "ELSEIF ss_jump = 3 THEN\n");
            pad(b, ind + 1);
            sb_printf(b, "SET ss_jump = 0;\n");
            pad(b, ind + 1);
            sb_printf(b, "ITERATE ss_loop%d;\n", lk);
        }
        pad(b, ind);
        sb_puts(b, "END IF;\n");
    }
}

static void stmt_at(My *m, StrBuf *b, const Node *n, int ind);

static void stmt(My *m, StrBuf *b, const Node *n, int ind)
{
    if (!n)
        return;
    int saved = m->ind;
    m->ind = ind;
    stmt_at(m, b, n, ind);
    m->ind = saved;
}

static void stmt_at(My *m, StrBuf *b, const Node *n, int ind)
{
    switch (n->kind) {
    case N_PL_BLOCK: {
        const PlBlock *bl = (const PlBlock *)n;
        for (int i = 0; i < bl->stmts.n; i++)
            stmt(m, b, bl->stmts.items[i], ind);
        break;
    }
    case N_PL_DECLARE: {
        const PlDeclare *d = (const PlDeclare *)n;
        if (d->init && !defaulted(m, d)) {
            pad(b, ind);
            sb_printf(b, "SET %s = ", d->var);
            expr(m, b, d->init);
            sb_puts(b, ";\n");
        } else if (d->is_table) {
            pad(b, ind);
            sb_printf(b, "DROP TEMPORARY TABLE IF EXISTS %s;\n", d->var);
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
                    nl_push(m->cx->arena, &ct.columns, d->cols.items[i]);
                else
                    nl_push(m->cx->arena, &ct.constraints, d->cols.items[i]);
            }
            sql(m, b, &ct.h, ind);
        }
        break;
    }
    case N_PL_SET: {
        const PlSet *s = (const PlSet *)n;
        pad(b, ind);
        sb_printf(b, "SET %s = ", s->var);
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
            expr(m, b, &x.h);
            s->value->flags = f;
        } else {
            expr(m, b, s->value);
        }
        sb_puts(b, ";\n");
        break;
    }
    case N_PL_IF: {
        const PlIf *f = (const PlIf *)n;
        pad(b, ind);
        sb_puts(b, "IF ");
        expr(m, b, f->cond);
        sb_puts(b, " THEN\n");
        block_stmts(m, b, f->then_, ind + 1);
        const Node *e = f->else_;
        while (e && e->kind == N_PL_IF) {
            const PlIf *ei = (const PlIf *)e;
            pad(b, ind);
            sb_puts(b, "ELSEIF ");
            expr(m, b, ei->cond);
            sb_puts(b, " THEN\n");
            block_stmts(m, b, ei->then_, ind + 1);
            e = ei->else_;
        }
        if (e) {
            pad(b, ind);
            sb_puts(b, "ELSE\n");
            block_stmts(m, b, e, ind + 1);
        }
        pad(b, ind);
        sb_puts(b, "END IF;\n");
        break;
    }
    case N_PL_WHILE: {
        const PlWhile *w = (const PlWhile *)n;
        int k = ++m->loops;
        pad(b, ind);
        sb_printf(b, "ss_loop%d: WHILE ", k);
        expr(m, b, w->cond);
        sb_puts(b, " DO\n");
        if (m->depth < 64)
            m->loop_stack[m->depth++] = k;
        int saved = m->catch_cur;
        m->catch_cur = 0; /* a loop inside a handler: its own labels are visible */
        block_stmts(m, b, w->body, ind + 1);
        m->catch_cur = saved;
        m->depth--;
        pad(b, ind);
        sb_printf(b, "END WHILE ss_loop%d;\n", k);
        break;
    }
    case N_PL_TRY: try_block(m, b, (const PlTry *)n, ind); break;
    case N_PL_STMT: pl_stmt(m, b, (const PlStmt *)n, ind); break;
    case N_SELECT: case N_SETOP: case N_WITH: case N_VALUES:
        if (is_assign_select(n)) {
            assign_select(m, b, (const SelectStmt *)n, ind);
        } else if (n->kind == N_SELECT && ((const SelectStmt *)n)->into.n) {
            select_into_table(m, b, (const SelectStmt *)n, ind);
        } else {
            sql(m, b, n, ind); /* a result set, returned to the caller */
            rowcount(m, b, ind, 1);
        }
        break;
    case N_CREATE_TABLE:
        if (((const CreateTable *)n)->temporary) {
            pad(b, ind);
            sb_puts(b, "DROP TEMPORARY TABLE IF EXISTS ");
            em_qname(m->cx, b, &((const CreateTable *)n)->name);
            sb_puts(b, ";\n");
        }
        sql(m, b, n, ind);
        break;
    default:
        sql(m, b, n, ind);
        if (n->kind == N_INSERT || n->kind == N_UPDATE || n->kind == N_DELETE)
            rowcount(m, b, ind, 0);
        break;
    }
}

static void params(My *m, StrBuf *b)
{
    sb_putc(b, '(');
    for (int i = 0; i < m->d->params.n; i++) {
        const PlParam *p = (const PlParam *)m->d->params.items[i];
        if (i)
            sb_puts(b, ", ");
        if (!m->is_func)
            sb_puts(b, p->output ? "INOUT " : "IN ");
        sb_puts(b, p->var);
        sb_putc(b, ' ');
        em_type(m->cx, b, p->type);
    }
    sb_putc(b, ')');
}

static void body(My *m, StrBuf *b, const Node *n)
{
    sb_puts(b, "ss_body: BEGIN\n");
    declarations(m, b, n);
    StrBuf t;
    sb_init(&t);
    block_stmts(m, &t, n, 1);
    sb_putn(b, t.s, t.len);
    sb_free(&t);
    sb_puts(b, "END");
}

int em_mysql_routine(ConvCtx *cx, StrBuf *out, const RoutineStmt *r)
{
    const PlRoutine *d = r->def;
    if (!d || !d->body)
        return 0;
    My m;
    memset(&m, 0, sizeof m);
    m.cx = cx;
    m.r = r;
    m.d = d;
    m.is_func = r->rkind == RK_FUNCTION;
    m.is_trigger = r->rkind == RK_TRIGGER;
    StrBuf b;
    sb_init(&b);
    sb_puts(&b, "DELIMITER //\n");
    if (m.is_trigger) {
        static const char *const evname[3] = {"INSERT", "UPDATE", "DELETE"};
        static const char *const suffix[3] = {"_insert", "_update", "_delete"};
        int several = (d->events & (d->events - 1)) != 0;
        for (int i = 0; i < 3; i++) {
            if (!d->event_body[i])
                continue;
            My e = m;
            memset(&e.defaulted, 0, sizeof e.defaulted);
            QName tn = r->name;
            if (several) {
                Ident *last = &tn.parts[tn.n - 1];
                char *s = arena_printf(cx->arena, "%.*s%s", (int)last->len, last->text, suffix[i]);
                last->text = s;
                last->len = (uint32_t)strlen(s);
            }
            sb_puts(&b, "CREATE TRIGGER ");
            em_qname(cx, &b, &tn);
            sb_printf(&b, " AFTER %s ON ", evname[i]);
            em_qname(cx, &b, &r->on_table);
            sb_puts(&b, " FOR EACH ROW\n");
            body(&e, &b, d->event_body[i]);
            sb_puts(&b, "//\n");
        }
    } else {
        sb_puts(&b, m.is_func ? "CREATE FUNCTION " : "CREATE PROCEDURE ");
        em_qname(cx, &b, &r->name);
        params(&m, &b);
        if (m.is_func) {
            sb_puts(&b, " RETURNS ");
            em_type(cx, &b, d->ret_type);
            /* DETERMINISTIC only when the result depends on the arguments
             * alone; binary logging accepts NO SQL and READS SQL DATA */
            sb_printf(&b, "\n%sDETERMINISTIC %s", d->my_nondet || d->my_access ? "NOT " : "",
                      d->my_access == 2 ? "MODIFIES SQL DATA" : d->my_access ? "READS SQL DATA" : "NO SQL");
        }
        for (int i = 0; i < d->options.n; i++) {
            const OptionItem *o = (const OptionItem *)d->options.items[i];
            if (!strcmp(o->name, "EXECUTE AS") && o->value && strcmp(o->value, "CALLER"))
                sb_puts(&b, "\nSQL SECURITY DEFINER");
        }
        sb_putc(&b, '\n');
        body(&m, &b, d->body);
        sb_puts(&b, "//\n");
    }
    sb_puts(&b, "DELIMITER ;\n");
    sb_putn(out, b.s, b.len);
    sb_free(&b);
    return 1;
}
