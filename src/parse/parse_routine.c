/* parse: stored code boundaries and script-level procedural code. Routine
 * bodies are not converted yet: the parser finds each routine's exact extent
 * (T-SQL: the rest of the batch; Oracle: the '/' line; MySQL: the client
 * delimiter) so it can be kept verbatim and reported as one object. T-SQL
 * procedural statements at script level are parsed for their extent, and the
 * idiom IF EXISTS (... 'name' ...) DROP <name> becomes DROP ... IF EXISTS. */
#include "parse/parser.h"
#include <string.h>
#include <strings.h>

/* Does a token of this kind end a routine body kept verbatim? */
static int ends_body(Dialect d, int kind)
{
    if (kind == TK_EOF)
        return 1;
    switch (d) {
    case DIALECT_TSQL: return kind == TK_GO;
    case DIALECT_ORACLE: return kind == TK_SLASH_TERM;
    case DIALECT_MYSQL: return kind == TK_DELIM || kind == TK_DELIMITER_CMD;
    default: return kind == TK_SEMI;
    }
}

/* Skips to the end of a routine kept verbatim. The body is kept by its span
 * (from the statement's first token to the last one read), so the window
 * need not hold its tokens: past the tokens read already (and two, so that
 * the statement's first token is never the one overwritten), the lexer
 * scans each next token into the slot of the current one, the one before
 * holding the last token consumed (a package body would otherwise grow the
 * window to all its tokens, and each token would go through the window). */
static void skip_routine_body(Parser *p)
{
    int entry = p->pos;
    while (p->pos < p->ntoks || p->pos < entry + 2) {
        if (ends_body(p->d, ps_cur(p)->kind))
            return;
        p->pos++;
    }
    ps_cur(p); /* lexes the current token (the window may grow here, once) */
    Token *last = &p->toks[p->pos - 1], *cur = &p->toks[p->pos];
    if (ends_body(p->d, cur->kind))
        return;
    /* the body's words are not looked at: skimmed without the keyword
     * lookup (no token that ends a body is a word), except the last one,
     * which stays in the window before the end */
    do {
        *last = *cur;
        lex_skim(&p->lx, cur);
    } while (!ends_body(p->d, cur->kind));
    if (last->kind == TK_IDENT && !last->kw)
        last->kw = (uint16_t)kw_lookup_in(p->src->text + last->off, last->len,
                                          p->src->len - last->off);
}

Node *ps_routine(Parser *p, int rkind, int or_replace, int from)
{
    RoutineStmt *r = NODE_NEW(p->arena, RoutineStmt, ROUTINE, ps_tok_span(p, ps_cur(p)));
    r->rkind = rkind;
    r->or_replace = or_replace;
    /* kind words */
    ps_advance(p);
    if (rkind == RK_PACKAGE_BODY || rkind == RK_TYPE_BODY)
        ps_accept_kw(p, KW_BODY);
    if (ps_is_kw(p, KW_IF) && ps_peek_kw(p, 1, KW_NOT)) {
        ps_advance(p);
        ps_advance(p);
        ps_accept_kw(p, KW_EXISTS);
    }
    if (!ps_qname(p, &r->name))
        return NULL;
    if (p->d == DIALECT_TSQL && (rkind == RK_PROCEDURE || rkind == RK_FUNCTION || rkind == RK_TRIGGER)) {
        /* header and body as procedural statements; if they do not parse, the
         * routine is kept verbatim and the reason is reported where it stopped */
        int save = p->pos;
        if (ps_tsql_routine_def(p, r) && !p->failed) {
            r->h.span = ps_span_from(p, from);
            return &r->h;
        }
        int at = p->failed ? p->err_pos : p->pos;
        if (at >= p->ntoks)
            at = p->ntoks - 1;
        r->fail_span = ps_tok_span(p, &p->toks[at]);
        r->fail_msg = p->err_msg[0] ? ps_arena_strdup(p, p->err_msg) : "not understood";
        r->def = NULL;
        r->on_table.n = 0;
        p->failed = 0;
        p->err_msg[0] = 0;
        p->pos = save;
    }
    if (rkind == RK_TRIGGER) {
        /* find ON <table> in the header */
        for (int k = 0; k < 64; k++) {
            const Token *t = ps_cur(p);
            if (t->kind == TK_EOF || t->kind == TK_GO || t->kind == TK_SLASH_TERM || t->kind == TK_DELIM)
                break;
            if (t->kind == TK_IDENT && (t->kw == KW_BEGIN || t->kw == KW_AS || t->kw == KW_DECLARE ||
                                        t->kw == KW_FOR || t->kw == KW_WHEN || t->kw == KW_REFERENCING))
                if (t->kw != KW_FOR || p->d != DIALECT_TSQL)
                    break;
            if (t->kind == TK_IDENT && t->kw == KW_ON) {
                ps_advance(p);
                if (ps_is_kw(p, KW_DATABASE) || ps_is_kw(p, KW_ALL) || ps_is_kw(p, KW_SCHEMA))
                    break; /* DDL / server trigger */
                ps_qname(p, &r->on_table);
                break;
            }
            ps_advance(p);
        }
        p->failed = 0; /* header scanning is best effort */
        if (r->on_table.n == 0)
            r->fail_msg = NULL; /* DDL/database trigger: SS3025 says it all */
    }
    skip_routine_body(p);
    r->h.span = ps_span_from(p, from);
    return &r->h;
}

/* ---- T-SQL procedural statements (extent only) ---- */

static int tsql_stmt(Parser *p);

static int tsql_stmt_list_until_end(Parser *p)
{
    while (!ps_is_kw(p, KW_END)) {
        if (ps_is(p, TK_EOF) || ps_is(p, TK_GO)) {
            ps_error(p, "expected END of BEGIN block");
            return 0;
        }
        if (ps_accept(p, TK_SEMI))
            continue;
        if (!tsql_stmt(p))
            return 0;
    }
    ps_advance(p); /* END */
    return 1;
}

static int skip_expr_list(Parser *p)
{
    do {
        if (!ps_expr(p))
            return 0;
    } while (ps_accept(p, TK_COMMA));
    return 1;
}

static int tsql_stmt(Parser *p)
{
    if (!ps_depth_enter(p))
        return 0;
    int ok = 1;
    const Token *t = ps_cur(p);
    int kw = t->kind == TK_IDENT ? t->kw : 0;
    if (t->kind == TK_IDENT && !kw && ps_peek(p, 1)->kind == TK_COLON) { /* label: */
        ps_advance(p);
        ps_advance(p);
        goto done;
    }
    switch (kw) {
    case KW_BEGIN:
        ps_advance(p);
        if (ps_is_kw(p, KW_TRY) || ps_is_word(p, "CATCH")) {
            ps_advance(p);
            ok = tsql_stmt_list_until_end(p);
            if (ok && (ps_is_kw(p, KW_TRY) || ps_is_word(p, "CATCH")))
                ps_advance(p);
        } else if (ps_is_kw(p, KW_TRAN) || ps_is_kw(p, KW_TRANSACTION) || ps_is_kw(p, KW_DISTRIBUTED)) {
            ps_accept_kw(p, KW_DISTRIBUTED);
            ps_advance(p);
            if (ps_is(p, TK_IDENT) && !ps_at_stmt_end(p))
                ps_advance(p);
        } else {
            ok = tsql_stmt_list_until_end(p);
        }
        break;
    case KW_IF:
        ps_advance(p);
        ok = ps_expr(p) != NULL && tsql_stmt(p);
        if (ok) {
            ps_accept(p, TK_SEMI);
            if (ps_accept_kw(p, KW_ELSE))
                ok = tsql_stmt(p);
        }
        break;
    case KW_WHILE:
        ps_advance(p);
        ok = ps_expr(p) != NULL && tsql_stmt(p);
        break;
    case KW_DECLARE:
        ps_advance(p);
        do {
            if (ps_is(p, TK_VAR)) {
                ps_advance(p);
                ps_accept_kw(p, KW_AS);
                if (ps_is_kw(p, KW_TABLE)) {
                    ps_advance(p);
                    ok = ps_skip_parens(p);
                } else if (ps_is_kw(p, KW_CURSOR)) {
                    ps_advance(p);
                } else {
                    ok = ps_type(p) != NULL;
                    if (ok && ps_accept(p, TK_EQ))
                        ok = ps_expr(p) != NULL;
                }
            } else {
                /* DECLARE c CURSOR [options] FOR select */
                Ident id;
                ok = ps_ident(p, &id);
                while (ok && !ps_is_kw(p, KW_FOR) && !ps_at_stmt_end(p))
                    ps_advance(p);
                if (ok && ps_accept_kw(p, KW_FOR)) {
                    ok = ps_query(p) != NULL;
                    if (ok && ps_accept_kw(p, KW_FOR)) { /* FOR UPDATE [OF cols] */
                        ps_accept_kw(p, KW_UPDATE);
                        if (ps_accept_kw(p, KW_OF))
                            ok = skip_expr_list(p);
                    }
                }
            }
        } while (ok && ps_accept(p, TK_COMMA));
        break;
    case KW_SET:
        if (ps_peek(p, 1)->kind == TK_VAR) {
            ps_advance(p);
            ps_advance(p);
            if (ps_is(p, TK_DOT)) { /* @xml.modify(...) */
                ps_advance(p);
                ok = ps_expr(p) != NULL;
            } else if (ps_accept(p, TK_EQ) || ps_accept(p, TK_COMPOUND_ASSIGN)) {
                if (ps_is_kw(p, KW_CURSOR)) {
                    while (!ps_is_kw(p, KW_FOR) && !ps_at_stmt_end(p))
                        ps_advance(p);
                    ok = ps_expect_kw(p, KW_FOR) && ps_query(p) != NULL;
                } else {
                    ok = ps_expr(p) != NULL;
                }
            } else {
                ps_error(p, "expected '=' after SET @variable");
                ok = 0;
            }
        } else {
            ok = ps_statement(p) != NULL;
        }
        break;
    case KW_RETURN:
        ps_advance(p);
        if (!ps_at_stmt_end(p) && !ps_is_kw(p, KW_END) && !ps_is_kw(p, KW_ELSE))
            ok = ps_expr(p) != NULL;
        break;
    case KW_BREAK: case KW_CONTINUE:
        ps_advance(p);
        break;
    case KW_GOTO: case KW_OPEN: case KW_CLOSE: case KW_DEALLOCATE:
        ps_advance(p);
        ps_accept_kw(p, KW_GLOBAL);
        ok = ps_is(p, TK_IDENT) || ps_is(p, TK_QIDENT) || ps_is(p, TK_VAR);
        if (ok)
            ps_advance(p);
        else
            ps_error(p, "expected a name");
        break;
    case KW_FETCH:
        ps_advance(p);
        while (!ps_is_kw(p, KW_FROM) && !ps_at_stmt_end(p))
            ps_advance(p);
        ok = ps_expect_kw(p, KW_FROM);
        ps_accept_kw(p, KW_GLOBAL);
        if (ok && (ps_is(p, TK_IDENT) || ps_is(p, TK_QIDENT) || ps_is(p, TK_VAR)))
            ps_advance(p);
        if (ok && ps_accept_kw(p, KW_INTO))
            ok = skip_expr_list(p);
        break;
    case KW_PRINT:
        ps_advance(p);
        ok = ps_expr(p) != NULL;
        break;
    case KW_RAISERROR:
        ps_advance(p);
        if (ps_is(p, TK_LPAREN))
            ok = ps_skip_parens(p);
        else
            ok = skip_expr_list(p);
        if (ok && ps_accept_kw(p, KW_WITH)) {
            do {
                ps_advance(p);
            } while (ps_accept(p, TK_COMMA));
        }
        break;
    case KW_THROW:
        ps_advance(p);
        if (!ps_at_stmt_end(p) && !ps_is_kw(p, KW_END))
            ok = skip_expr_list(p);
        break;
    case KW_WAITFOR:
        ps_advance(p);
        ps_advance(p); /* DELAY / TIME */
        ok = ps_expr(p) != NULL;
        break;
    case KW_COMMIT: case KW_ROLLBACK: case KW_SAVE:
        ps_advance(p);
        if (ps_accept_kw(p, KW_TRAN) || ps_accept_kw(p, KW_TRANSACTION) || ps_accept_kw(p, KW_WORK)) {
            if ((ps_is(p, TK_IDENT) && !ps_at_stmt_end(p) && !ps_is_kw(p, KW_END) && !ps_is_kw(p, KW_ELSE)) ||
                ps_is(p, TK_VAR))
                ps_advance(p);
        }
        break;
    case KW_SELECT:
        /* SELECT @v = ...: the query parser reads the assignments */
        ok = ps_query(p) != NULL;
        break;
    case KW_MERGE: {
        /* MERGE runs to ';' (required by T-SQL) */
        int depth = 0;
        while (!ps_is(p, TK_EOF) && !ps_is(p, TK_GO) && !(depth == 0 && ps_is(p, TK_SEMI))) {
            if (ps_is(p, TK_LPAREN)) depth++;
            if (ps_is(p, TK_RPAREN)) depth--;
            ps_advance(p);
        }
        break;
    }
    case KW_WITH: {
        /* CTE before DML: skip the CTE list, then the statement */
        ps_advance(p);
        do {
            Ident id;
            if (!ps_ident(p, &id)) { ok = 0; break; }
            if (ps_is(p, TK_LPAREN) && !ps_skip_parens(p)) { ok = 0; break; }
            if (!ps_expect_kw(p, KW_AS) || !ps_skip_parens(p)) { ok = 0; break; }
        } while (ps_accept(p, TK_COMMA));
        if (ok)
            ok = tsql_stmt(p);
        break;
    }
    default:
        ok = ps_statement(p) != NULL;
        break;
    }
done:
    ps_accept(p, TK_SEMI);
    ps_depth_leave(p);
    return ok && !p->failed;
}

/* Does the condition mention `name` in a string literal (OBJECT_ID('dbo.x'),
 * name = 'x')? Then IF EXISTS/OBJECT_ID(..) IS NOT NULL guards that object. */
static int cond_names(const Parser *p, const Node *n, const Ident *name)
{
    if (!n)
        return 0;
    switch (n->kind) {
    case N_LITERAL: {
        const Literal *l = (const Literal *)n;
        if (l->lk != LIT_STRING && l->lk != LIT_NSTRING)
            return 0;
        /* strip [ ] and schema prefix; compare the last part */
        const char *v = l->value;
        uint32_t len = l->len;
        const char *dot = NULL;
        for (uint32_t i = 0; i < len; i++)
            if (v[i] == '.')
                dot = v + i;
        if (dot) {
            len -= (uint32_t)(dot + 1 - v);
            v = dot + 1;
        }
        if (len >= 2 && v[0] == '[' && v[len - 1] == ']') {
            v++;
            len -= 2;
        }
        return len == name->len && strncasecmp(v, name->text, len) == 0;
    }
    case N_BINARY: return cond_names(p, ((const BinaryExpr *)n)->l, name) || cond_names(p, ((const BinaryExpr *)n)->r, name);
    case N_UNARY: return cond_names(p, ((const UnaryExpr *)n)->arg, name);
    case N_IS: return cond_names(p, ((const IsExpr *)n)->expr, name);
    case N_FUNC: {
        const FuncCall *f = (const FuncCall *)n;
        for (int i = 0; i < f->args.n; i++)
            if (cond_names(p, f->args.items[i], name))
                return 1;
        return 0;
    }
    case N_EXISTS: return cond_names(p, ((const ExistsExpr *)n)->query, name);
    case N_SUBQUERY: return cond_names(p, ((const SubqueryExpr *)n)->query, name);
    case N_SELECT: return cond_names(p, ((const SelectStmt *)n)->where, name);
    case N_IN: {
        const InExpr *in = (const InExpr *)n;
        for (int i = 0; i < in->list.n; i++)
            if (cond_names(p, in->list.items[i], name))
                return 1;
        return cond_names(p, in->expr, name);
    }
    default:
        return 0;
    }
}

/* IF EXISTS (...) DROP x / IF OBJECT_ID('x') IS NOT NULL DROP x */
static Node *if_exists_drop(Parser *p, int from)
{
    int save = p->pos;
    ps_advance(p); /* IF */
    Node *cond = ps_expr(p);
    if (!cond || p->failed || !ps_is_kw(p, KW_DROP)) {
        p->failed = 0;
        p->pos = save;
        return NULL;
    }
    int guard = cond->kind == N_EXISTS ||
                (cond->kind == N_IS && (cond->flags & NF_NOT) && ((IsExpr *)cond)->what == IS_NULL);
    Node *d = ps_drop(p);
    if (!d || p->failed || d->kind != N_DROP || !guard) {
        p->failed = 0;
        p->pos = save;
        return NULL;
    }
    DropStmt *ds = (DropStmt *)d;
    ps_accept(p, TK_SEMI);
    if (ds->names.n != 1 || ps_is_kw(p, KW_ELSE) ||
        !cond_names(p, cond, &((NameRef *)ds->names.items[0])->name.parts[((NameRef *)ds->names.items[0])->name.n - 1])) {
        p->pos = save;
        return NULL;
    }
    /* put back an optional ';' so the caller sees the statement end */
    if (p->pos > 0 && p->toks[p->pos - 1].kind == TK_SEMI)
        p->pos--;
    ds->if_exists = 1;
    ds->h.span = ps_span_from(p, from);
    return d;
}

Node *ps_block(Parser *p, int from)
{
    if (p->d == DIALECT_TSQL) {
        if (ps_is_kw(p, KW_IF)) {
            Node *d = if_exists_drop(p, from);
            if (d)
                return d;
        }
        if (!tsql_stmt(p))
            return NULL;
        /* tsql_stmt consumed an optional ';': give it back for ps_next */
        if (p->pos > from && p->toks[p->pos - 1].kind == TK_SEMI)
            p->pos--;
        OtherStmt *o = NODE_NEW(p->arena, OtherStmt, OTHER_STMT, ps_span_from(p, from));
        o->what = OS_CONTROL_FLOW;
        return &o->h;
    }
    /* PL/SQL anonymous block (DECLARE/BEGIN/<<label>>): up to the '/' line */
    RoutineStmt *r = NODE_NEW(p->arena, RoutineStmt, ROUTINE, ps_tok_span(p, ps_cur(p)));
    r->rkind = RK_BLOCK;
    if (p->d == DIALECT_ORACLE) {
        skip_routine_body(p);
    } else {
        ps_skip_to_stmt_end(p);
    }
    r->h.span = ps_span_from(p, from);
    return &r->h;
}
