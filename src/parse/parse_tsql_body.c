/* parse: T-SQL procedures, functions and triggers parsed into procedural
 * statements (PL_* nodes): the header (parameters, RETURNS, WITH options,
 * trigger timing and events) and the body, reusing the expression, query and
 * DML parsers. A body that does not parse is not an error: the caller keeps
 * the routine verbatim and reports where parsing stopped. */
#include "parse/parser.h"
#include <string.h>
#include <strings.h>

static int stmt(Parser *p, NodeList *out);

static const char *var_text(Parser *p)
{
    return ps_tok_text(p, ps_cur(p));
}

/* End of the routine: the end of the batch. */
static int at_batch_end(Parser *p)
{
    return ps_is(p, TK_EOF) || ps_is(p, TK_GO);
}

static Node *wrap(Parser *p, NodeList *l, int from)
{
    if (l->n == 1)
        return l->items[0];
    PlBlock *b = NODE_NEW(p->arena, PlBlock, PL_BLOCK, ps_span_from(p, from));
    b->stmts = *l;
    return &b->h;
}

/* One statement as a node (a DECLARE of several variables becomes a block). */
static Node *one_stmt(Parser *p)
{
    int from = p->pos;
    NodeList l = {0, 0, NULL};
    while (ps_accept(p, TK_SEMI))
        ;
    if (!stmt(p, &l))
        return NULL;
    if (l.n == 0) {
        PlBlock *b = NODE_NEW(p->arena, PlBlock, PL_BLOCK, ps_span_from(p, from));
        return &b->h;
    }
    return wrap(p, &l, from);
}

static PlStmt *pl(Parser *p, int what, int from)
{
    PlStmt *s = NODE_NEW(p->arena, PlStmt, PL_STMT, ps_tok_span(p, &p->toks[from]));
    s->what = what;
    return s;
}

static void done(Parser *p, Node *n, int from)
{
    n->span = ps_span_from(p, from);
}

static int expr_list(Parser *p, NodeList *out)
{
    do {
        Node *e = ps_expr(p);
        if (!e)
            return 0;
        nl_push(p->arena, out, e);
    } while (ps_accept(p, TK_COMMA));
    return 1;
}

/* BEGIN ... END (after BEGIN): statements into out */
static int list_until_end(Parser *p, NodeList *out)
{
    while (!ps_is_kw(p, KW_END)) {
        if (at_batch_end(p)) {
            ps_error(p, "expected END of BEGIN block");
            return 0;
        }
        if (ps_accept(p, TK_SEMI))
            continue;
        if (!stmt(p, out))
            return 0;
    }
    ps_advance(p); /* END */
    return 1;
}

static int is_name_tok(Parser *p)
{
    return ps_is(p, TK_IDENT) || ps_is(p, TK_QIDENT) || ps_is(p, TK_VAR);
}

static int name_of(Parser *p, QName *q)
{
    memset(q, 0, sizeof *q);
    if (ps_is(p, TK_VAR)) {
        q->n = 1;
        q->parts[0].text = var_text(p);
        q->parts[0].len = ps_cur(p)->len;
        q->parts[0].span = ps_tok_span(p, ps_cur(p));
        ps_advance(p);
        return 1;
    }
    return ps_qname(p, q);
}

/* DECLARE @a int = 1, @t TABLE (...), c CURSOR FOR ... */
static int declare(Parser *p, NodeList *out)
{
    ps_advance(p);
    do {
        int from = p->pos;
        PlDeclare *d = NODE_NEW(p->arena, PlDeclare, PL_DECLARE, ps_tok_span(p, ps_cur(p)));
        if (ps_is(p, TK_VAR)) {
            d->var = var_text(p);
            ps_advance(p);
            ps_accept_kw(p, KW_AS);
            if (ps_is_kw(p, KW_TABLE)) {
                ps_advance(p);
                d->is_table = 1;
                if (!ps_expect(p, TK_LPAREN))
                    return 0;
                do {
                    if (ps_is(p, TK_RPAREN))
                        break;
                    if (ps_is_kw(p, KW_PRIMARY) || ps_is_kw(p, KW_UNIQUE) || ps_is_kw(p, KW_CHECK) ||
                        ps_is_kw(p, KW_CONSTRAINT) || ps_is_kw(p, KW_INDEX)) {
                        Constraint *c = ps_table_constraint(p);
                        if (!c)
                            return 0;
                        nl_push(p->arena, &d->cols, c);
                    } else {
                        ColumnDef *c = ps_column_def(p);
                        if (!c)
                            return 0;
                        nl_push(p->arena, &d->cols, c);
                    }
                } while (ps_accept(p, TK_COMMA));
                if (!ps_expect(p, TK_RPAREN))
                    return 0;
            } else if (ps_is_kw(p, KW_CURSOR)) {
                ps_error(p, "cursor variables are not converted");
                return 0;
            } else {
                d->type = ps_type(p);
                if (!d->type)
                    return 0;
                if (ps_accept(p, TK_EQ)) {
                    d->init = ps_expr(p);
                    if (!d->init)
                        return 0;
                }
            }
        } else {
            /* DECLARE c CURSOR [options] FOR query [FOR UPDATE [OF cols]] */
            Ident id;
            if (!ps_ident(p, &id))
                return 0;
            d->var = id.text;
            d->is_cursor = 1;
            int of = p->pos;
            ps_accept_kw(p, KW_INSENSITIVE);
            ps_accept_word(p, "SCROLL");
            if (!ps_expect_kw(p, KW_CURSOR))
                return 0;
            int ofrom = p->pos;
            while (!ps_is_kw(p, KW_FOR) && !ps_at_stmt_end(p))
                ps_advance(p);
            if (p->pos > ofrom || of + 1 < ofrom) {
                SrcSpan sp = ps_span_from(p, of);
                char *o = arena_alloc(p->arena, sp.len + 1);
                memcpy(o, p->src->text + sp.off, sp.len);
                o[sp.len] = 0;
                d->options = o;
            }
            if (!ps_expect_kw(p, KW_FOR))
                return 0;
            d->query = ps_query(p);
            if (!d->query)
                return 0;
            if (ps_is_kw(p, KW_FOR)) {
                ps_error(p, "cursor FOR UPDATE is not converted");
                return 0;
            }
        }
        done(p, &d->h, from);
        nl_push(p->arena, out, d);
    } while (ps_accept(p, TK_COMMA));
    return 1;
}

/* EXEC[UTE] [@rc =] proc args | EXEC (@sql) | EXEC ('text') */
static Node *exec(Parser *p, int from)
{
    ps_advance(p);
    PlStmt *s = pl(p, PW_EXEC, from);
    if (ps_is(p, TK_LPAREN)) {
        s->what = PW_EXEC_SQL;
        ps_advance(p);
        s->expr = ps_expr(p);
        if (!s->expr || !ps_expect(p, TK_RPAREN))
            return NULL;
        done(p, &s->h, from);
        return &s->h;
    }
    if (ps_is(p, TK_VAR) && ps_peek(p, 1)->kind == TK_EQ) {
        s->ret_var = var_text(p);
        ps_advance(p);
        ps_advance(p);
    }
    if (ps_is(p, TK_VAR) || ps_is(p, TK_STRING) || ps_is(p, TK_NSTRING))
        return ps_error(p, "EXEC of a procedure name held in a variable is not converted");
    if (!ps_qname(p, &s->name))
        return NULL;
    if (!ps_exec_args(p, &s->args, 1))
        return NULL;
    if (ps_is_kw(p, KW_WITH))
        return ps_error(p, "EXEC ... WITH options are not converted");
    done(p, &s->h, from);
    return &s->h;
}

/* SET option ON|OFF, SET TRANSACTION ISOLATION LEVEL ..., SET ROWCOUNT n */
static Node *set_option(Parser *p, int from)
{
    ps_advance(p); /* SET */
    PlStmt *s = pl(p, PW_SET_OPTION, from);
    if (!ps_qname(p, &s->name))
        return NULL;
    while (ps_accept(p, TK_COMMA)) {
        QName more;
        if (!ps_qname(p, &more))
            return NULL;
    }
    if (ident_eq(&s->name.parts[0], "TRANSACTION")) {
        while (!ps_at_stmt_end(p) && (ps_is(p, TK_IDENT)) && !ps_is_kw(p, KW_END))
            ps_advance(p);
    } else if (ps_is_kw(p, KW_ON) || ps_is_kw(p, KW_OFF) || ps_is(p, TK_INTEGER) || ps_is(p, TK_VAR) ||
               ps_is(p, TK_IDENT)) {
        s->word = ps_tok_upper(p, ps_cur(p));
        ps_advance(p);
    } else {
        return ps_error(p, "unexpected SET option value");
    }
    done(p, &s->h, from);
    return &s->h;
}

static int trans_name(Parser *p)
{
    if ((ps_is(p, TK_IDENT) && !ps_at_stmt_end(p) && !ps_is_kw(p, KW_END) && !ps_is_kw(p, KW_ELSE)) ||
        ps_is(p, TK_VAR) || ps_is(p, TK_QIDENT)) {
        ps_advance(p);
        return 1;
    }
    return 0;
}

static int stmt(Parser *p, NodeList *out)
{
    if (!ps_depth_enter(p))
        return 0;
    int from = p->pos;
    Node *n = NULL;
    int ok = 1;
    const Token *t = ps_cur(p);
    int kw = t->kind == TK_IDENT ? t->kw : 0;
    if ((t->kind == TK_IDENT || t->kind == TK_QIDENT) && !kw && ps_peek(p, 1)->kind == TK_COLON) {
        PlStmt *s = pl(p, PW_LABEL, from);
        ps_ident(p, &s->name.parts[0]);
        s->name.n = 1;
        ps_advance(p);
        done(p, &s->h, from);
        n = &s->h;
        goto out;
    }
    switch (kw) {
    case KW_BEGIN:
        ps_advance(p);
        if (ps_is_kw(p, KW_TRY)) {
            ps_advance(p);
            PlTry *tr = NODE_NEW(p->arena, PlTry, PL_TRY, ps_tok_span(p, t));
            PlBlock *a = NODE_NEW(p->arena, PlBlock, PL_BLOCK, ps_tok_span(p, t));
            PlBlock *c = NODE_NEW(p->arena, PlBlock, PL_BLOCK, ps_tok_span(p, t));
            if (!list_until_end(p, &a->stmts) || !ps_expect_kw(p, KW_TRY))
                goto fail;
            done(p, &a->h, from);
            ps_accept(p, TK_SEMI);
            int cf = p->pos;
            if (!ps_expect_kw(p, KW_BEGIN) || !ps_accept_word(p, "CATCH")) {
                ps_error(p, "expected BEGIN CATCH after END TRY");
                goto fail;
            }
            if (!list_until_end(p, &c->stmts) || !ps_accept_word(p, "CATCH")) {
                ps_error(p, "expected END CATCH");
                goto fail;
            }
            done(p, &c->h, cf);
            tr->try_ = &a->h;
            tr->catch_ = &c->h;
            done(p, &tr->h, from);
            n = &tr->h;
        } else if (ps_is_kw(p, KW_TRAN) || ps_is_kw(p, KW_TRANSACTION) || ps_is_kw(p, KW_DISTRIBUTED)) {
            int dist = ps_accept_kw(p, KW_DISTRIBUTED);
            ps_advance(p);
            PlStmt *s = pl(p, PW_BEGIN_TRAN, from);
            s->word = dist ? "DISTRIBUTED" : NULL;
            trans_name(p);
            if (ps_is_kw(p, KW_WITH)) {
                ps_error(p, "BEGIN TRAN WITH MARK is not converted");
                goto fail;
            }
            done(p, &s->h, from);
            n = &s->h;
        } else {
            PlBlock *b = NODE_NEW(p->arena, PlBlock, PL_BLOCK, ps_tok_span(p, t));
            if (!list_until_end(p, &b->stmts))
                goto fail;
            done(p, &b->h, from);
            n = &b->h;
        }
        break;
    case KW_IF: {
        ps_advance(p);
        PlIf *f = NODE_NEW(p->arena, PlIf, PL_IF, ps_tok_span(p, t));
        f->cond = ps_expr(p);
        if (!f->cond || !(f->then_ = one_stmt(p)))
            goto fail;
        int save = p->pos;
        while (ps_accept(p, TK_SEMI))
            ;
        if (ps_accept_kw(p, KW_ELSE)) {
            if (!(f->else_ = one_stmt(p)))
                goto fail;
        } else {
            p->pos = save;
        }
        done(p, &f->h, from);
        n = &f->h;
        break;
    }
    case KW_WHILE: {
        ps_advance(p);
        PlWhile *w = NODE_NEW(p->arena, PlWhile, PL_WHILE, ps_tok_span(p, t));
        w->cond = ps_expr(p);
        if (!w->cond || !(w->body = one_stmt(p)))
            goto fail;
        done(p, &w->h, from);
        n = &w->h;
        break;
    }
    case KW_DECLARE:
        ok = declare(p, out);
        goto leave;
    case KW_SET:
        if (ps_peek(p, 1)->kind == TK_VAR) {
            ps_advance(p);
            PlSet *s = NODE_NEW(p->arena, PlSet, PL_SET, ps_tok_span(p, t));
            s->var = var_text(p);
            ps_advance(p);
            if (ps_is(p, TK_DOT)) {
                ps_error(p, "method calls on variables (@x.method()) are not converted");
                goto fail;
            }
            if (ps_is(p, TK_COMPOUND_ASSIGN)) {
                const Token *o = ps_cur(p);
                char c = p->src->text[o->off];
                s->op = c == '+' ? B_ADD : c == '-' ? B_SUB : c == '*' ? B_MUL : c == '/' ? B_DIV
                      : c == '%' ? B_MOD : c == '&' ? B_BITAND : c == '|' ? B_BITOR : B_BITXOR;
                ps_advance(p);
            } else if (!ps_expect(p, TK_EQ)) {
                goto fail;
            }
            if (ps_is_kw(p, KW_CURSOR)) {
                ps_error(p, "cursor variables are not converted");
                goto fail;
            }
            s->value = ps_expr(p);
            if (!s->value)
                goto fail;
            done(p, &s->h, from);
            n = &s->h;
        } else if (ps_peek(p, 1)->kind == TK_IDENT || ps_peek(p, 1)->kind == TK_QIDENT) {
            n = set_option(p, from);
        } else {
            ps_error(p, "unexpected SET statement");
        }
        break;
    case KW_RETURN: {
        ps_advance(p);
        PlStmt *s = pl(p, PW_RETURN, from);
        if (!ps_at_stmt_end(p) && !ps_is_kw(p, KW_END) && !ps_is_kw(p, KW_ELSE) && !at_batch_end(p)) {
            s->expr = ps_expr(p);
            if (!s->expr)
                goto fail;
        }
        done(p, &s->h, from);
        n = &s->h;
        break;
    }
    case KW_BREAK: case KW_CONTINUE: {
        ps_advance(p);
        PlStmt *s = pl(p, kw == KW_BREAK ? PW_BREAK : PW_CONTINUE, from);
        done(p, &s->h, from);
        n = &s->h;
        break;
    }
    case KW_GOTO: case KW_OPEN: case KW_CLOSE: case KW_DEALLOCATE: {
        ps_advance(p);
        PlStmt *s = pl(p, kw == KW_GOTO ? PW_GOTO : kw == KW_OPEN ? PW_OPEN : kw == KW_CLOSE ? PW_CLOSE
                          : PW_DEALLOCATE, from);
        if (ps_accept_kw(p, KW_GLOBAL)) {
            ps_error(p, "global cursors are not converted");
            goto fail;
        }
        if (!is_name_tok(p) || !name_of(p, &s->name)) {
            ps_error(p, "expected a name");
            goto fail;
        }
        done(p, &s->h, from);
        n = &s->h;
        break;
    }
    case KW_FETCH: {
        ps_advance(p);
        PlStmt *s = pl(p, PW_FETCH, from);
        if (ps_is_kw(p, KW_NEXT) || ps_is_kw(p, KW_PRIOR) || ps_is_kw(p, KW_FIRST) || ps_is_kw(p, KW_LAST)) {
            s->word = ps_tok_upper(p, ps_cur(p));
            ps_advance(p);
        } else if (!ps_is_kw(p, KW_FROM) && !is_name_tok(p)) {
            ps_error(p, "FETCH ABSOLUTE/RELATIVE is not converted");
            goto fail;
        }
        ps_accept_kw(p, KW_FROM);
        if (ps_accept_kw(p, KW_GLOBAL) || !name_of(p, &s->name)) {
            ps_error(p, "expected a cursor name");
            goto fail;
        }
        if (ps_accept_kw(p, KW_INTO) && !expr_list(p, &s->args))
            goto fail;
        done(p, &s->h, from);
        n = &s->h;
        break;
    }
    case KW_PRINT: {
        ps_advance(p);
        PlStmt *s = pl(p, PW_PRINT, from);
        if (!(s->expr = ps_expr(p)))
            goto fail;
        done(p, &s->h, from);
        n = &s->h;
        break;
    }
    case KW_RAISERROR: {
        ps_advance(p);
        PlStmt *s = pl(p, PW_RAISERROR, from);
        int paren = ps_accept(p, TK_LPAREN);
        if (!expr_list(p, &s->args) || (paren && !ps_expect(p, TK_RPAREN)))
            goto fail;
        if (ps_accept_kw(p, KW_WITH)) {
            int wf = p->pos;
            do {
                ps_advance(p);
            } while (ps_accept(p, TK_COMMA));
            SrcSpan sp = ps_span_from(p, wf);
            char *o = arena_alloc(p->arena, sp.len + 1);
            memcpy(o, p->src->text + sp.off, sp.len);
            o[sp.len] = 0;
            s->word = o;
        }
        done(p, &s->h, from);
        n = &s->h;
        break;
    }
    case KW_THROW: {
        ps_advance(p);
        PlStmt *s = pl(p, PW_THROW, from);
        if (!ps_at_stmt_end(p) && !ps_is_kw(p, KW_END) && !at_batch_end(p) && !expr_list(p, &s->args))
            goto fail;
        done(p, &s->h, from);
        n = &s->h;
        break;
    }
    case KW_WAITFOR: {
        ps_advance(p);
        PlStmt *s = pl(p, PW_WAITFOR, from);
        if (!ps_is_kw(p, KW_DELAY) && !ps_is_word(p, "TIME")) {
            ps_error(p, "WAITFOR RECEIVE is not converted");
            goto fail;
        }
        s->word = ps_tok_upper(p, ps_cur(p));
        ps_advance(p);
        if (!(s->expr = ps_expr(p)))
            goto fail;
        done(p, &s->h, from);
        n = &s->h;
        break;
    }
    case KW_COMMIT: case KW_ROLLBACK: case KW_SAVE: {
        ps_advance(p);
        PlStmt *s = pl(p, kw == KW_COMMIT ? PW_COMMIT : kw == KW_ROLLBACK ? PW_ROLLBACK : PW_SAVE, from);
        if (ps_accept_kw(p, KW_TRAN) || ps_accept_kw(p, KW_TRANSACTION) || ps_accept_kw(p, KW_WORK)) {
            if (is_name_tok(p) && !ps_at_stmt_end(p) && !ps_is_kw(p, KW_END) && !ps_is_kw(p, KW_ELSE)) {
                name_of(p, &s->name);
            }
        }
        done(p, &s->h, from);
        n = &s->h;
        break;
    }
    case KW_EXEC: case KW_EXECUTE:
        n = exec(p, from);
        break;
    case KW_SELECT: case KW_WITH: case KW_VALUES:
        n = ps_query(p);
        break;
    case KW_INSERT:
        n = ps_insert(p);
        break;
    case KW_UPDATE:
        n = ps_update(p);
        break;
    case KW_DELETE:
        n = ps_delete(p);
        break;
    case KW_TRUNCATE: case KW_CREATE: case KW_DROP: case KW_ALTER: {
        Node *d = ps_statement(p);
        if (d && !p->failed && (d->kind == N_CREATE_TABLE || d->kind == N_CREATE_INDEX || d->kind == N_DROP ||
                                d->kind == N_ALTER_TABLE)) {
            n = d;
            break;
        }
        ps_error(p, "this statement inside stored code is not converted");
        goto fail;
    }
    default:
        if (t->kind == TK_LPAREN) {
            n = ps_query(p);
            break;
        }
        ps_error(p, "statement not converted inside stored code");
        goto fail;
    }
out:
    if (!n || p->failed)
        goto fail;
    nl_push(p->arena, out, n);
    ps_accept(p, TK_SEMI);
leave:
    ps_depth_leave(p);
    return ok && !p->failed;
fail:
    if (!p->failed)
        ps_error(p, "statement not understood");
    ps_depth_leave(p);
    return 0;
}

/* ---- header ---- */

static int param(Parser *p, NodeList *out)
{
    int from = p->pos;
    if (!ps_is(p, TK_VAR)) {
        ps_error(p, "expected a @parameter");
        return 0;
    }
    PlParam *a = NODE_NEW(p->arena, PlParam, PL_PARAM, ps_tok_span(p, ps_cur(p)));
    a->var = var_text(p);
    ps_advance(p);
    ps_accept_kw(p, KW_AS);
    if (!(a->type = ps_type(p)))
        return 0;
    ps_accept_word(p, "VARYING");
    ps_accept_kw(p, KW_NULL);
    if (ps_accept(p, TK_EQ) && !(a->def = ps_expr(p)))
        return 0;
    for (;;) {
        if (ps_accept_kw(p, KW_OUTPUT) || ps_accept_kw(p, KW_OUT))
            a->output = 1;
        else if (ps_accept_kw(p, KW_READONLY))
            a->readonly = 1;
        else
            break;
    }
    done(p, &a->h, from);
    nl_push(p->arena, out, a);
    return 1;
}

static void option(Parser *p, PlRoutine *r, const char *name, int from)
{
    OptionItem *o = NODE_NEW(p->arena, OptionItem, OPTION, ps_span_from(p, from));
    o->name = name;
    nl_push(p->arena, &r->options, o);
}

/* WITH opt, opt ... (routine options) */
static int with_options(Parser *p, PlRoutine *r)
{
    do {
        int from = p->pos;
        if (ps_accept_kw(p, KW_EXECUTE) || ps_accept_kw(p, KW_EXEC)) {
            if (!ps_expect_kw(p, KW_AS))
                return 0;
            const char *who = ps_tok_upper(p, ps_cur(p));
            ps_advance(p); /* CALLER / OWNER / SELF / 'user' */
            option(p, r, "EXECUTE AS", from);
            ((OptionItem *)r->options.items[r->options.n - 1])->value = who;
        } else if (ps_accept_kw(p, KW_RETURNS)) {
            if (!ps_accept_kw(p, KW_NULL) || !ps_accept_kw(p, KW_ON) || !ps_accept_kw(p, KW_NULL) ||
                !ps_accept_kw(p, KW_INPUT)) {
                ps_error(p, "expected RETURNS NULL ON NULL INPUT");
                return 0;
            }
            option(p, r, "RETURNS NULL ON NULL INPUT", from);
        } else if (ps_is(p, TK_IDENT) || ps_is_kw(p, KW_SCHEMABINDING)) {
            const char *w = ps_tok_upper(p, ps_cur(p));
            ps_advance(p);
            if (!strcmp(w, "CALLED")) { /* CALLED ON NULL INPUT */
                while (ps_is(p, TK_IDENT) && !ps_is_kw(p, KW_AS))
                    ps_advance(p);
            } else if (ps_accept(p, TK_EQ)) { /* INLINE = ON */
                ps_advance(p);
            }
            option(p, r, w, from);
        } else {
            ps_error(p, "unexpected routine option");
            return 0;
        }
    } while (ps_accept(p, TK_COMMA));
    return 1;
}

static int trigger_header(Parser *p, RoutineStmt *rs, PlRoutine *r)
{
    if (!ps_expect_kw(p, KW_ON))
        return 0;
    if (ps_is_kw(p, KW_DATABASE) || ps_is_kw(p, KW_ALL)) {
        ps_error(p, "DDL trigger");
        return 0;
    }
    if (!ps_qname(p, &rs->on_table))
        return 0;
    if (ps_accept_kw(p, KW_WITH) && !with_options(p, r))
        return 0;
    if (ps_accept_kw(p, KW_AFTER) || ps_accept_kw(p, KW_FOR)) {
        r->timing = TT_AFTER;
    } else if (ps_accept_kw(p, KW_INSTEAD)) {
        if (!ps_expect_kw(p, KW_OF))
            return 0;
        r->timing = TT_INSTEAD_OF;
    } else {
        ps_error(p, "expected FOR, AFTER or INSTEAD OF");
        return 0;
    }
    do {
        if (ps_accept_kw(p, KW_INSERT))
            r->events |= TE_INSERT;
        else if (ps_accept_kw(p, KW_UPDATE))
            r->events |= TE_UPDATE;
        else if (ps_accept_kw(p, KW_DELETE))
            r->events |= TE_DELETE;
        else {
            ps_error(p, "expected INSERT, UPDATE or DELETE");
            return 0;
        }
    } while (ps_accept(p, TK_COMMA));
    if (ps_is_kw(p, KW_NOT)) {
        ps_advance(p);
        ps_accept_kw(p, KW_FOR);
        ps_accept_kw(p, KW_REPLICATION);
    }
    return 1;
}

/* BEGIN ATOMIC WITH (TRANSACTION ISOLATION LEVEL = x, LANGUAGE = y, ...)
 * statements END: the statements into b; the block itself and each option
 * become routine options "ATOMIC" and "ATOMIC <NAME>" (value as written) */
static int atomic_block(Parser *p, PlRoutine *r, PlBlock *b)
{
    int from = p->pos;
    ps_advance(p); /* BEGIN */
    ps_advance(p); /* ATOMIC */
    if (!ps_expect_kw(p, KW_WITH) || !ps_expect(p, TK_LPAREN))
        return 0;
    option(p, r, "ATOMIC", from);
    OptionItem *block = (OptionItem *)r->options.items[r->options.n - 1];
    do {
        int of = p->pos;
        char name[96] = "ATOMIC";
        while (!ps_is(p, TK_EQ) && !ps_is(p, TK_COMMA) && !ps_is(p, TK_RPAREN) && !at_batch_end(p)) {
            const char *w = ps_tok_upper(p, ps_cur(p));
            if (strlen(name) + strlen(w) + 2 < sizeof name) {
                strcat(name, " ");
                strcat(name, w);
            }
            ps_advance(p);
        }
        if (!ps_expect(p, TK_EQ))
            return 0;
        char value[128] = "";
        int vf = p->pos;
        while (!ps_is(p, TK_COMMA) && !ps_is(p, TK_RPAREN) && !at_batch_end(p)) {
            const char *w = ps_tok_text(p, ps_cur(p));
            if (strlen(value) + strlen(w) + 2 < sizeof value) {
                if (value[0])
                    strcat(value, " ");
                strcat(value, w);
            }
            ps_advance(p);
        }
        if (p->pos == vf) {
            ps_error(p, "expected a value for the BEGIN ATOMIC option");
            return 0;
        }
        option(p, r, ps_arena_strdup(p, name), of);
        ((OptionItem *)r->options.items[r->options.n - 1])->value = ps_arena_strdup(p, value);
    } while (ps_accept(p, TK_COMMA));
    if (!ps_expect(p, TK_RPAREN))
        return 0;
    block->h.span = ps_span_from(p, from);
    if (!list_until_end(p, &b->stmts))
        return 0;
    return 1;
}

int ps_tsql_routine_def(Parser *p, RoutineStmt *rs)
{
    int from = p->pos;
    PlRoutine *r = NODE_NEW(p->arena, PlRoutine, PL_ROUTINE, ps_tok_span(p, ps_cur(p)));
    if (rs->rkind == RK_TRIGGER) {
        if (!trigger_header(p, rs, r))
            return 0;
    } else {
        int paren = ps_accept(p, TK_LPAREN);
        if (!paren && ps_accept(p, TK_SEMI)) { /* ;number procedure groups */
            ps_error(p, "numbered procedures are not converted");
            return 0;
        }
        if (ps_is(p, TK_VAR)) {
            do {
                if (!param(p, &r->params))
                    return 0;
            } while (ps_accept(p, TK_COMMA));
        }
        if (paren && !ps_expect(p, TK_RPAREN))
            return 0;
        if (rs->rkind == RK_FUNCTION) {
            if (!ps_expect_kw(p, KW_RETURNS))
                return 0;
            if (ps_accept_kw(p, KW_TABLE)) {
                r->ret = PR_INLINE_TABLE;
            } else if (ps_is(p, TK_VAR)) {
                r->ret = PR_TABLE_VAR;
                r->ret_var = var_text(p);
                ps_advance(p);
                if (!ps_expect_kw(p, KW_TABLE) || !ps_expect(p, TK_LPAREN))
                    return 0;
                do {
                    if (ps_is_kw(p, KW_PRIMARY) || ps_is_kw(p, KW_UNIQUE) || ps_is_kw(p, KW_CHECK) ||
                        ps_is_kw(p, KW_CONSTRAINT)) {
                        if (!ps_table_constraint(p))
                            return 0;
                        continue;
                    }
                    ColumnDef *c = ps_column_def(p);
                    if (!c)
                        return 0;
                    nl_push(p->arena, &r->ret_cols, c);
                } while (ps_accept(p, TK_COMMA));
                if (!ps_expect(p, TK_RPAREN))
                    return 0;
            } else {
                r->ret = PR_SCALAR;
                if (!(r->ret_type = ps_type(p)))
                    return 0;
            }
        }
        if (ps_accept_kw(p, KW_WITH) && !with_options(p, r))
            return 0;
        if (ps_is_kw(p, KW_FOR) && ps_peek_kw(p, 1, KW_REPLICATION)) {
            ps_error(p, "FOR REPLICATION procedures are not converted");
            return 0;
        }
    }
    if (!ps_expect_kw(p, KW_AS))
        return 0;
    if (ps_is_word(p, "EXTERNAL")) {
        ps_error(p, "CLR routines (EXTERNAL NAME) are not converted");
        return 0;
    }
    if (r->ret == PR_INLINE_TABLE) {
        if (!ps_expect_kw(p, KW_RETURN))
            return 0;
        r->ret_query = ps_query(p);
        if (!r->ret_query)
            return 0;
        while (ps_accept(p, TK_SEMI))
            ;
        if (!at_batch_end(p)) {
            ps_error(p, "unexpected text after the RETURN query");
            return 0;
        }
        r->h.span = ps_span_from(p, from);
        rs->def = r;
        return 1;
    }
    int bf = p->pos;
    PlBlock *b = NODE_NEW(p->arena, PlBlock, PL_BLOCK, ps_tok_span(p, ps_cur(p)));
    if (ps_is_kw(p, KW_BEGIN) && ps_peek_kw(p, 1, KW_ATOMIC)) {
        /* natively compiled body: BEGIN ATOMIC WITH (options) ... END */
        if (!atomic_block(p, r, b))
            return 0;
    }
    while (!at_batch_end(p)) {
        if (ps_accept(p, TK_SEMI))
            continue;
        if (!stmt(p, &b->stmts))
            return 0;
    }
    done(p, &b->h, bf);
    /* the usual body is one BEGIN ... END: that block is the body */
    if (b->stmts.n == 1 && b->stmts.items[0]->kind == N_PL_BLOCK)
        r->body = b->stmts.items[0];
    else
        r->body = &b->h;
    r->h.span = ps_span_from(p, from);
    rs->def = r;
    return 1;
}
