/* parse: script-level statements. Dispatches on the first word to the DDL,
 * query, DML, routine and procedural parsers, and recognises session noise
 * (SET options, USE, transactions), EXEC, GRANT, BULK INSERT and friends. */
#include "parse/parser.h"
#include <string.h>

static Node *other(Parser *p, int from, int what)
{
    ps_skip_to_stmt_end(p);
    OtherStmt *o = NODE_NEW(p->arena, OtherStmt, OTHER_STMT, ps_span_from(p, from));
    o->what = what;
    return &o->h;
}

/* UPDATE STATISTICS t [index | (stats)] [WITH ...] (T-SQL), ANALYZE
 * [NO_WRITE_TO_BINLOG | LOCAL] TABLE t1, t2 (MySQL), ANALYZE TABLE t
 * COMPUTE STATISTICS (Oracle), TRUNCATE TABLE t: the table names are kept
 * (name = the first, args = all as NameRefs); anything after them is an
 * option (has_opts). */
static Node *table_cmd(Parser *p, int from, int what)
{
    OtherStmt *o = NODE_NEW(p->arena, OtherStmt, OTHER_STMT, ps_tok_span(p, ps_cur(p)));
    o->what = what;
    if (ps_is_kw(p, KW_UPDATE))
        ps_advance(p);           /* UPDATE STATISTICS */
    ps_advance(p);               /* STATISTICS, ANALYZE, TRUNCATE */
    if (!ps_accept_word(p, "NO_WRITE_TO_BINLOG"))
        ps_accept_word(p, "LOCAL");
    ps_accept_kw(p, KW_TABLE);
    for (;;) {
        int at = p->pos;
        QName q;
        memset(&q, 0, sizeof q);
        if (ps_at_stmt_end(p) || !ps_qname(p, &q)) {
            p->pos = at;
            break;
        }
        NameRef *nr = NODE_NEW(p->arena, NameRef, NAME, ps_span_from(p, at));
        nr->name = q;
        VEC_PUSH(p->arena, o->args, &nr->h);
        if (o->args.n == 1)
            o->name = q;
        /* several tables only in MySQL's ANALYZE TABLE a, b */
        if (p->d != DIALECT_MYSQL || !ps_accept(p, TK_COMMA))
            break;
    }
    o->has_opts = !ps_at_stmt_end(p);
    if (o->has_opts) /* (from the statement end itself it would skip the next line's statement) */
        ps_skip_to_stmt_end(p);
    o->h.span = ps_span_from(p, from);
    return &o->h;
}

/* RAISERROR('text', severity 0..10, ...) at script level only prints a
 * message (severities up to 10 are informational): it is a PRINT. */
static int informational_raiserror(Parser *p)
{
    if (p->d != DIALECT_TSQL || ps_peek(p, 1)->kind != TK_LPAREN)
        return 0;
    int k = ps_peek(p, 2)->kind;
    if ((k != TK_STRING && k != TK_NSTRING) || ps_peek(p, 3)->kind != TK_COMMA)
        return 0;
    const Token *sev = ps_peek(p, 4);
    if (sev->kind != TK_INTEGER || sev->len > 2)
        return 0;
    int v = 0;
    for (uint32_t i = 0; i < sev->len; i++)
        v = v * 10 + (p->src->text[sev->off + i] - '0');
    return v <= 10;
}

static Node *session(Parser *p, int from, int what)
{
    SessionStmt *s = NODE_NEW(p->arena, SessionStmt, SESSION, ps_tok_span(p, ps_cur(p)));
    s->what = what;
    ps_skip_to_stmt_end(p);
    s->h.span = ps_span_from(p, from);
    return &s->h;
}

/* EXEC[UTE] proc args: sp_addextendedproperty becomes a COMMENT. */
/* The arguments of a T-SQL EXEC: positional expressions or @name = value
 * (ASSIGN), each optionally OUTPUT (NF_OUTPUT). In a procedure body
 * (in_block) END and ELSE also end the list. Returns 0 on a syntax error. */
int ps_exec_args(Parser *p, NodeList *args, int in_block)
{
    while (!ps_at_stmt_end(p) && !(in_block && (ps_is_kw(p, KW_END) || ps_is_kw(p, KW_ELSE)))) {
        int af = p->pos;
        Node *a;
        if (ps_is(p, TK_VAR) && ps_peek(p, 1)->kind == TK_EQ) {
            Assignment *as = NODE_NEW(p->arena, Assignment, ASSIGN, ps_tok_span(p, ps_cur(p)));
            as->target = ps_expr_prec(p, 13);
            ps_advance(p);
            as->value = ps_expr(p);
            if (!as->target || !as->value)
                return 0;
            as->h.span = ps_span_from(p, af);
            a = &as->h;
        } else {
            a = ps_expr(p);
            if (!a)
                return 0;
        }
        if (ps_accept_kw(p, KW_OUTPUT) || ps_accept_kw(p, KW_OUT))
            a->flags |= NF_OUTPUT;
        nl_push(p->arena, args, a);
        if (!ps_accept(p, TK_COMMA))
            break;
    }
    return 1;
}

static Node *exec_stmt(Parser *p, int from)
{
    ps_advance(p); /* EXEC */
    if (ps_is(p, TK_LPAREN) || ps_is(p, TK_STRING) || ps_is(p, TK_NSTRING)) /* EXEC('sql') */
        return other(p, from, OS_EXEC);
    OtherStmt *o = NODE_NEW(p->arena, OtherStmt, OTHER_STMT, ps_tok_span(p, ps_cur(p)));
    o->what = OS_EXEC;
    if (ps_is(p, TK_VAR) && ps_peek(p, 1)->kind == TK_EQ) { /* EXEC @rc = proc */
        ps_advance(p);
        ps_advance(p);
    }
    if (!ps_qname(p, &o->name))
        return NULL;
    if (!ps_exec_args(p, &o->args, 0))
        return NULL;
    if (ps_is_kw(p, KW_WITH)) /* WITH RECOMPILE / RESULT SETS */
        ps_skip_to_stmt_end(p);
    o->h.span = ps_span_from(p, from);
    const Ident *last = &o->name.parts[o->name.n - 1];
    if (ident_eq(last, "sp_addextendedproperty")) {
        Node *c = ps_extended_property(p, o);
        if (c)
            return c;
    }
    return &o->h;
}

/* T-SQL SET: options are session noise; SET @v = .. is procedural;
 * SET IDENTITY_INSERT is its own item. MySQL SET NAMES / SET x = ..
 * are session settings. */
static Node *set_stmt(Parser *p, int from)
{
    const Token *n1 = ps_peek(p, 1);
    if (p->d == DIALECT_TSQL && n1->kind == TK_VAR)
        return ps_block(p, from);
    if (n1->kind == TK_IDENT && n1->kw == KW_IDENTITY_INSERT)
        return other(p, from, OS_IDENTITY_INSERT);
    if (n1->kind == TK_IDENT && n1->kw == KW_TRANSACTION)
        return session(p, from, SS_TRANSACTION);
    SessionStmt *s = NODE_NEW(p->arena, SessionStmt, SESSION, ps_tok_span(p, ps_cur(p)));
    s->what = SS_SET;
    ps_advance(p);
    if (ps_is(p, TK_IDENT) || ps_is(p, TK_QIDENT))
        ps_ident(p, &s->name);
    else if (ps_is(p, TK_GVAR) || ps_is(p, TK_VAR))
        s->name.text = ps_tok_text(p, ps_cur(p)), s->name.len = ps_cur(p)->len;
    ps_skip_to_stmt_end(p);
    s->h.span = ps_span_from(p, from);
    return &s->h;
}

static Node *use_stmt(Parser *p, int from)
{
    SessionStmt *s = NODE_NEW(p->arena, SessionStmt, SESSION, ps_tok_span(p, ps_cur(p)));
    s->what = SS_USE;
    ps_advance(p);
    if (ps_is(p, TK_IDENT) || ps_is(p, TK_QIDENT))
        ps_ident(p, &s->name);
    ps_skip_to_stmt_end(p);
    s->h.span = ps_span_from(p, from);
    return &s->h;
}

static int is_transaction_start(Parser *p)
{
    /* BEGIN TRAN[SACTION] / BEGIN DISTRIBUTED TRAN (T-SQL); BEGIN [WORK] (MySQL) */
    if (!ps_is_kw(p, KW_BEGIN))
        return 0;
    const Token *n1 = ps_peek(p, 1);
    if (n1->kind == TK_IDENT && (n1->kw == KW_TRAN || n1->kw == KW_TRANSACTION || n1->kw == KW_DISTRIBUTED))
        return 1;
    if (p->d == DIALECT_MYSQL)
        return 1;
    return 0;
}

Node *ps_statement(Parser *p)
{
    int from = p->pos;
    const Token *t = ps_cur(p);
    if (t->kind == TK_LPAREN && ps_starts_query(p)) {
        Node *q = ps_query(p);
        return q;
    }
    if (t->kind != TK_IDENT) {
        if (p->d == DIALECT_TSQL && (t->kind == TK_VAR))
            return ps_block(p, from);
        if (t->kind == TK_SHL && p->d == DIALECT_ORACLE) /* <<label>> block */
            return ps_block(p, from);
        char buf[48];
        (void)buf;
        return ps_error(p, "expected a statement, found '%.*s'", (int)(t->len > 40 ? 40 : t->len),
                        p->src->text + t->off);
    }
    switch (t->kw) {
    case KW_CREATE:
        return ps_create(p);
    case KW_ALTER:
        return ps_alter(p);
    case KW_DROP:
        return ps_drop(p);
    case KW_COMMENT:
        if (ps_peek_kw(p, 1, KW_ON))
            return ps_comment_on(p);
        break;
    case KW_SELECT: case KW_WITH: case KW_VALUES:
        if (t->kw == KW_SELECT && p->d == DIALECT_TSQL && ps_peek(p, 1)->kind == TK_VAR &&
            (ps_peek(p, 2)->kind == TK_EQ || ps_peek(p, 2)->kind == TK_COMPOUND_ASSIGN))
            return ps_block(p, from); /* SELECT @v = ..: assignment, procedural */
        if (t->kw == KW_WITH && p->d == DIALECT_TSQL) {
            /* a CTE may lead an INSERT/UPDATE/DELETE/MERGE in T-SQL */
            int depth = 0;
            for (int k = 1;; k++) {
                const Token *x = ps_peek(p, k);
                if (x->kind == TK_EOF || x->kind == TK_GO)
                    break;
                if (x->kind == TK_LPAREN) depth++;
                else if (x->kind == TK_RPAREN) depth--;
                else if (depth == 0 && x->kind == TK_IDENT &&
                         (x->kw == KW_INSERT || x->kw == KW_UPDATE || x->kw == KW_DELETE || x->kw == KW_MERGE))
                    return ps_block(p, from);
                else if (depth == 0 && x->kind == TK_IDENT && x->kw == KW_SELECT)
                    break;
            }
        }
        return ps_query(p);
    case KW_INSERT: case KW_REPLACE:
        if (t->kw == KW_REPLACE && p->d != DIALECT_MYSQL)
            break;
        return ps_insert(p);
    case KW_UPDATE:
        if (p->d == DIALECT_TSQL && ps_peek_kw(p, 1, KW_STATISTICS))
            return table_cmd(p, from, OS_STATISTICS);
        return ps_update(p);
    case KW_DELETE:
        return ps_delete(p);
    case KW_MERGE:
        return ps_block(p, from);
    case KW_EXEC: case KW_EXECUTE:
        if (p->d == DIALECT_TSQL)
            return exec_stmt(p, from);
        return other(p, from, OS_EXEC);
    case KW_CALL:
        return other(p, from, OS_EXEC);
    case KW_SET:
        return set_stmt(p, from);
    case KW_USE:
        if (p->d != DIALECT_ORACLE)
            return use_stmt(p, from);
        break;
    case KW_BEGIN:
        if (is_transaction_start(p))
            return session(p, from, SS_TRANSACTION);
        return ps_block(p, from);
    case KW_START:
        if (ps_peek_kw(p, 1, KW_TRANSACTION))
            return session(p, from, SS_TRANSACTION);
        break;
    case KW_COMMIT: case KW_ROLLBACK: case KW_SAVEPOINT: case KW_SAVE:
        if (p->d == DIALECT_TSQL && t->kw != KW_SAVE && ps_peek(p, 1)->kind == TK_IDENT &&
            !ps_peek_kw(p, 1, KW_TRAN) && !ps_peek_kw(p, 1, KW_TRANSACTION) && !ps_peek_kw(p, 1, KW_WORK))
            return session(p, from, SS_TRANSACTION);
        return session(p, from, SS_TRANSACTION);
    case KW_LOCK: case KW_UNLOCK:
        return session(p, from, SS_SET);
    case KW_GRANT: case KW_REVOKE: case KW_DENY:
        return other(p, from, OS_GRANT);
    case KW_PRINT:
        return other(p, from, OS_PRINT);
    case KW_BULK:
        return other(p, from, OS_BULK_LOAD);
    case KW_LOAD:
        return other(p, from, OS_BULK_LOAD);
    case KW_TRUNCATE:
        if (ps_peek_kw(p, 1, KW_TABLE) || (p->d == DIALECT_MYSQL && ps_peek(p, 1)->kind == TK_IDENT))
            return table_cmd(p, from, OS_TRUNCATE);
        return other(p, from, OS_MISC);
    case KW_ANALYZE:
        if (p->d != DIALECT_TSQL &&
            (ps_peek_kw(p, 1, KW_TABLE) || ps_is_word_at(p, 1, "NO_WRITE_TO_BINLOG") || ps_is_word_at(p, 1, "LOCAL")))
            return table_cmd(p, from, OS_STATISTICS);
        return other(p, from, OS_MISC);
    case KW_CHECKPOINT:
        if (p->d == DIALECT_TSQL) { /* CHECKPOINT [duration]: no terminator needed */
            ps_advance(p);
            ps_accept(p, TK_INTEGER);
            OtherStmt *o = NODE_NEW(p->arena, OtherStmt, OTHER_STMT, ps_span_from(p, from));
            o->what = OS_MAINTENANCE;
            return &o->h;
        }
        return other(p, from, OS_MAINTENANCE);
    case KW_OPTIMIZE: case KW_FLUSH:
        return other(p, from, OS_MAINTENANCE);
    case KW_RECONFIGURE: case KW_KILL: case KW_SHUTDOWN: case KW_PURGE: case KW_RENAME:
        return other(p, from, OS_MISC);
    case KW_RAISERROR:
        if (informational_raiserror(p))
            return other(p, from, OS_PRINT);
        return ps_block(p, from);
    case KW_IF: case KW_WHILE: case KW_DECLARE: case KW_THROW:
    case KW_RETURN: case KW_WAITFOR: case KW_GOTO: case KW_BREAK: case KW_CONTINUE:
    case KW_OPEN: case KW_CLOSE: case KW_FETCH: case KW_DEALLOCATE:
        return ps_block(p, from);
    default:
        break;
    }
    if ((ps_is_kw(p, KW_DISABLE) || ps_is_kw(p, KW_ENABLE)) && ps_peek_kw(p, 1, KW_TRIGGER))
        return other(p, from, OS_MISC);
    if (ps_is_kw(p, KW_DBCC))
        return other(p, from, OS_MAINTENANCE);
    if (ps_is_word(p, "SOURCE") || ps_is_word(p, "RESET"))
        return other(p, from, ps_is_word(p, "SOURCE") ? OS_BULK_LOAD : OS_MISC);
    /* T-SQL label "name:" */
    if (p->d == DIALECT_TSQL && ps_peek(p, 1)->kind == TK_COLON)
        return ps_block(p, from);
    return ps_error(p, "statement starting with '%.*s' is not supported", (int)(t->len > 40 ? 40 : t->len),
                    p->src->text + t->off);
}
