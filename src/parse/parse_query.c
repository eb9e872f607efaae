/* parse: queries (WITH, SELECT, set operations, FROM items and joins) and
 * DML (INSERT, UPDATE, DELETE) for all dialects. */
#include "parse/parser.h"
#include <string.h>

int ps_starts_query(Parser *p)
{
    if (ps_is_kw(p, KW_SELECT) || ps_is_kw(p, KW_WITH) || ps_is_kw(p, KW_VALUES))
        return 1;
    /* ((SELECT ...)) */
    int k = 0;
    while (ps_peek(p, k)->kind == TK_LPAREN)
        k++;
    if (k == 0)
        return 0;
    const Token *t = ps_peek(p, k);
    return t->kind == TK_IDENT && (t->kw == KW_SELECT || t->kw == KW_WITH);
}

int ps_order_by(Parser *p, NodeList *out)
{
    do {
        int from = p->pos;
        Node *e = ps_expr(p);
        if (!e)
            return 0;
        OrderItem *o = NODE_NEW(p->arena, OrderItem, ORDER_ITEM, e->span);
        o->expr = e;
        if (ps_accept_kw(p, KW_DESC))
            o->desc = 1;
        else
            ps_accept_kw(p, KW_ASC);
        if (ps_accept_kw(p, KW_NULLS)) {
            if (ps_accept_kw(p, KW_FIRST))
                o->nulls = 1;
            else if (ps_accept_kw(p, KW_LAST))
                o->nulls = 2;
            else {
                ps_error(p, "expected FIRST or LAST after NULLS");
                return 0;
            }
        }
        o->h.span = ps_span_from(p, from);
        nl_push(p->arena, out, o);
    } while (ps_accept(p, TK_COMMA));
    return 1;
}

static int col_aliases(Parser *p, IdentList *out)
{
    if (ps_is(p, TK_LPAREN)) {
        const Token *t = ps_peek(p, 1);
        if (t->kind == TK_IDENT || t->kind == TK_QIDENT)
            return ps_ident_list(p, out);
    }
    return 1;
}

/* PIVOT (...) alias / UNPIVOT (...) alias after a FROM item: recognised, kept
 * as a span for the report. */
static int pivot_clause(Parser *p, SrcSpan *out)
{
    if (!(ps_is_kw(p, KW_PIVOT) || ps_is_kw(p, KW_UNPIVOT)) || ps_peek(p, 1)->kind != TK_LPAREN)
        return 1;
    int from = p->pos;
    ps_advance(p);
    if (!ps_skip_parens(p)) {
        ps_error(p, "unbalanced parentheses in PIVOT");
        return 0;
    }
    Ident a;
    ps_alias(p, &a, NULL);
    *out = ps_span_from(p, from);
    return 1;
}

static int table_hints(Parser *p, TableRef *t)
{
    /* T-SQL WITH (NOLOCK, INDEX(x)) or legacy (NOLOCK) */
    if ((ps_is_kw(p, KW_WITH) && ps_peek(p, 1)->kind == TK_LPAREN) ||
        (p->d == DIALECT_TSQL && ps_is(p, TK_LPAREN) && ps_peek(p, 1)->kind == TK_IDENT &&
         (ps_peek_kw(p, 1, KW_NOLOCK) || ps_peek_kw(p, 1, KW_HOLDLOCK) ||
          ps_peek(p, 2)->kind == TK_RPAREN))) {
        int from = p->pos;
        ps_accept_kw(p, KW_WITH);
        if (!ps_skip_parens(p)) {
            ps_error(p, "unbalanced parentheses in table hint");
            return 0;
        }
        SrcSpan s = ps_span_from(p, from);
        KeywordExpr *k = NODE_NEW(p->arena, KeywordExpr, KEYWORD_EXPR, s);
        k->word = arena_strndup(p->arena, p->src->text + s.off, s.len);
        nl_push(p->arena, &t->hints, k);
    }
    /* MySQL index hints: USE|FORCE|IGNORE INDEX|KEY [FOR ...] (list) */
    while (p->d == DIALECT_MYSQL &&
           (ps_is_kw(p, KW_USE) || ps_is_kw(p, KW_FORCE) || ps_is_kw(p, KW_IGNORE)) &&
           (ps_peek_kw(p, 1, KW_INDEX) || ps_peek_kw(p, 1, KW_KEY))) {
        int from = p->pos;
        ps_advance(p);
        ps_advance(p);
        if (ps_accept_kw(p, KW_FOR)) {
            if (ps_accept_kw(p, KW_JOIN)) {
            } else if (ps_accept_kw(p, KW_ORDER) || ps_accept_kw(p, KW_GROUP)) {
                ps_accept_kw(p, KW_BY);
            }
        }
        if (!ps_skip_parens(p)) {
            ps_error(p, "expected index list");
            return 0;
        }
        SrcSpan s = ps_span_from(p, from);
        KeywordExpr *k = NODE_NEW(p->arena, KeywordExpr, KEYWORD_EXPR, s);
        k->word = arena_strndup(p->arena, p->src->text + s.off, s.len);
        nl_push(p->arena, &t->hints, k);
    }
    return 1;
}

/* One FROM item without joins. */
static Node *from_primary(Parser *p)
{
    int from = p->pos;
    int lateral = ps_accept_kw(p, KW_LATERAL);
    if (ps_is(p, TK_LPAREN)) {
        if (ps_starts_query(p)) {
            ps_advance(p);
            DerivedTable *d = NODE_NEW(p->arena, DerivedTable, DERIVED, ps_tok_span(p, ps_cur(p)));
            d->lateral = lateral;
            d->query = ps_query(p);
            if (!d->query || !ps_expect(p, TK_RPAREN))
                return NULL;
            ps_alias(p, &d->alias, NULL);
            if (d->alias.text && !col_aliases(p, &d->col_aliases))
                return NULL;
            if (!pivot_clause(p, &d->pivot_span))
                return NULL;
            d->h.span = ps_span_from(p, from);
            return &d->h;
        }
        /* parenthesised join */
        ps_advance(p);
        Node *j = ps_table_ref(p);
        if (!j || !ps_expect(p, TK_RPAREN))
            return NULL;
        j->flags |= NF_PARENS;
        return j;
    }
    if (ps_is_kw(p, KW_ONLY) && ps_peek(p, 1)->kind == TK_LPAREN) {
        ps_advance(p);
        ps_advance(p);
        Node *t = from_primary(p);
        if (!t || !ps_expect(p, TK_RPAREN))
            return NULL;
        return t;
    }
    /* VALUES (...) AS t(a, b) */
    if (ps_is_kw(p, KW_VALUES)) {
        DerivedTable *d = NODE_NEW(p->arena, DerivedTable, DERIVED, ps_tok_span(p, ps_cur(p)));
        d->query = ps_query(p);
        if (!d->query)
            return NULL;
        ps_alias(p, &d->alias, NULL);
        if (d->alias.text && !col_aliases(p, &d->col_aliases))
            return NULL;
        d->h.span = ps_span_from(p, from);
        return &d->h;
    }
    /* table sources with their own column syntax are not converted here */
    if ((ps_is_word(p, "JSON_TABLE") || ps_is_word(p, "XMLTABLE") || ps_is_word(p, "OPENJSON") ||
         ps_is_word(p, "OPENXML") || ps_is_kw(p, KW_OPENROWSET) || ps_is_kw(p, KW_OPENQUERY)) &&
        ps_peek(p, 1)->kind == TK_LPAREN) {
        const Token *t = ps_cur(p);
        return ps_error(p, "%.*s as a table source is not converted; rewrite it by hand",
                        (int)t->len, p->src->text + t->off);
    }
    QName q;
    if (ps_is(p, TK_VAR)) { /* T-SQL table variable */
        const Token *t = ps_cur(p);
        memset(&q, 0, sizeof q);
        q.n = 1;
        q.parts[0].text = ps_tok_text(p, t);
        q.parts[0].len = t->len;
        q.parts[0].span = ps_tok_span(p, t);
        ps_advance(p);
    } else if (!ps_qname(p, &q)) {
        return NULL;
    }
    if (ps_is(p, TK_LPAREN) && !(p->d == DIALECT_TSQL && (ps_peek_kw(p, 1, KW_NOLOCK) ||
                                                          ps_peek_kw(p, 1, KW_HOLDLOCK)))) {
        /* table-valued function: f(args) alias */
        TableFunc *tf = NODE_NEW(p->arena, TableFunc, TABLE_FUNC, ps_tok_span(p, ps_cur(p)));
        FuncCall *f = NODE_NEW(p->arena, FuncCall, FUNC, ps_tok_span(p, ps_cur(p)));
        f->name = q;
        const Ident *last = &q.parts[q.n - 1];
        char *u = arena_strndup(p->arena, last->text, last->len);
        for (char *c = u; *c; c++)
            if (*c >= 'a' && *c <= 'z')
                *c -= 32;
        f->upper = u;
        ps_advance(p); /* ( */
        if (!ps_is(p, TK_RPAREN)) {
            do {
                Node *a = ps_expr(p);
                if (!a)
                    return NULL;
                nl_push(p->arena, &f->args, a);
            } while (ps_accept(p, TK_COMMA));
        }
        if (!ps_expect(p, TK_RPAREN))
            return NULL;
        f->h.span = ps_span_from(p, from);
        tf->call = f;
        ps_alias(p, &tf->alias, NULL);
        if (tf->alias.text && !col_aliases(p, &tf->col_aliases))
            return NULL;
        tf->h.span = ps_span_from(p, from);
        return &tf->h;
    }
    TableRef *t = NODE_NEW(p->arena, TableRef, TABLE_REF, ps_tok_span(p, ps_cur(p)));
    t->name = q;
    /* Oracle db link: t@link (lexer gives '@'-prefixed var) */
    if (ps_is(p, TK_VAR) && p->d == DIALECT_ORACLE)
        ps_advance(p);
    if (ps_is_kw(p, KW_PARTITION) && ps_peek(p, 1)->kind == TK_LPAREN) {
        ps_advance(p);
        ps_skip_parens(p);
    }
    if (!table_hints(p, t))
        return NULL;
    ps_alias(p, &t->alias, NULL);
    if (t->alias.text && !col_aliases(p, &t->col_aliases))
        return NULL;
    if (!table_hints(p, t))
        return NULL;
    if (!pivot_clause(p, &t->pivot_span))
        return NULL;
    if (ps_is_kw(p, KW_TABLESAMPLE)) {
        ps_advance(p);
        while (ps_is(p, TK_IDENT) && !ps_is(p, TK_LPAREN))
            ps_advance(p);
        ps_skip_parens(p);
    }
    t->h.span = ps_span_from(p, from);
    return &t->h;
}

Node *ps_table_ref(Parser *p)
{
    if (!ps_depth_enter(p))
        return NULL;
    int from = p->pos;
    Node *l = from_primary(p);
    while (l && !p->failed) {
        int jk = -1, natural = 0, straight = 0;
        if (ps_accept_kw(p, KW_NATURAL))
            natural = 1;
        if (ps_is_kw(p, KW_JOIN) || ps_is_kw(p, KW_INNER)) {
            ps_accept_kw(p, KW_INNER);
            jk = JK_INNER;
        } else if (ps_is_kw(p, KW_LEFT) || ps_is_kw(p, KW_RIGHT) || ps_is_kw(p, KW_FULL)) {
            jk = ps_is_kw(p, KW_LEFT) ? JK_LEFT : ps_is_kw(p, KW_RIGHT) ? JK_RIGHT : JK_FULL;
            ps_advance(p);
            ps_accept_kw(p, KW_OUTER);
        } else if (ps_is_kw(p, KW_CROSS) && ps_peek_kw(p, 1, KW_JOIN)) {
            ps_advance(p);
            jk = JK_CROSS;
        } else if (ps_is_kw(p, KW_CROSS) && ps_peek_kw(p, 1, KW_APPLY)) {
            ps_advance(p);
            ps_advance(p);
            jk = JK_CROSS_APPLY;
        } else if (ps_is_kw(p, KW_OUTER) && ps_peek_kw(p, 1, KW_APPLY)) {
            ps_advance(p);
            ps_advance(p);
            jk = JK_OUTER_APPLY;
        } else if (ps_is_kw(p, KW_STRAIGHT_JOIN)) {
            jk = JK_INNER;
            straight = 1;
        } else if (natural) {
            ps_error(p, "expected JOIN after NATURAL");
            break;
        } else {
            break;
        }
        /* T-SQL join hints: INNER HASH JOIN */
        if (p->d == DIALECT_TSQL && (ps_is_kw(p, KW_HASH) || ps_is_kw(p, KW_MERGE) ||
                                     ps_is_kw(p, KW_LOOP) || ps_is_word(p, "REMOTE")))
            ps_advance(p);
        if (jk != JK_CROSS_APPLY && jk != JK_OUTER_APPLY && !straight && !ps_expect_kw(p, KW_JOIN))
            break;
        if (straight)
            ps_advance(p);
        JoinExpr *j = NODE_NEW(p->arena, JoinExpr, JOIN, l->span);
        j->jk = jk;
        j->natural = natural;
        j->straight = straight;
        j->l = l;
        j->r = from_primary(p);
        if (!j->r)
            break;
        if (jk != JK_CROSS && jk != JK_CROSS_APPLY && jk != JK_OUTER_APPLY && !natural) {
            if (ps_accept_kw(p, KW_ON)) {
                j->on = ps_expr(p);
                if (!j->on)
                    break;
            } else if (ps_accept_kw(p, KW_USING)) {
                if (!ps_ident_list(p, &j->using_cols))
                    break;
            } else if (!(jk == JK_INNER && p->d == DIALECT_MYSQL)) {
                ps_error(p, "expected ON or USING after JOIN");
                break;
            }
        }
        j->h.span = ps_span_from(p, from);
        l = &j->h;
    }
    ps_depth_leave(p);
    return p->failed ? NULL : l;
}

static int parse_from(Parser *p, NodeList *out)
{
    do {
        Node *t = ps_table_ref(p);
        if (!t)
            return 0;
        nl_push(p->arena, out, t);
    } while (ps_accept(p, TK_COMMA));
    return 1;
}

static int target_list(Parser *p, SelectStmt *s)
{
    do {
        int from = p->pos;
        TargetItem *ti = NODE_NEW(p->arena, TargetItem, TARGET, ps_tok_span(p, ps_cur(p)));
        /* T-SQL: alias = expr, and @var = expr (assignment select) */
        /* peek first: it may grow the token buffer, which would leave a
         * pointer taken before it dangling */
        const Token *n1 = ps_peek(p, 1);
        const Token *t = ps_cur(p);
        if (p->d == DIALECT_TSQL && n1->kind == TK_EQ &&
            (t->kind == TK_QIDENT || t->kind == TK_STRING || (t->kind == TK_IDENT && !kw_reserved(t->kw)))) {
            if (t->kind == TK_STRING) {
                Literal *l = ps_string_literal(p);
                ti->alias.text = l->value;
                ti->alias.len = l->len;
                ti->alias.quote = '"';
                ti->alias.span = l->h.span;
            } else {
                ps_ident(p, &ti->alias);
            }
            ps_advance(p); /* = */
            ti->tsql_eq = 1;
            ti->expr = ps_expr(p);
            if (!ti->expr)
                return 0;
        } else if (p->d == DIALECT_TSQL && t->kind == TK_VAR &&
                   (n1->kind == TK_EQ || n1->kind == TK_COMPOUND_ASSIGN)) {
            Assignment *a = NODE_NEW(p->arena, Assignment, ASSIGN, ps_tok_span(p, t));
            a->target = ps_expr_prec(p, 13);
            ps_advance(p);
            a->value = ps_expr(p);
            if (!a->target || !a->value)
                return 0;
            a->h.span = ps_span_from(p, from);
            ti->expr = &a->h;
        } else {
            ti->expr = ps_expr(p);
            if (!ti->expr)
                return 0;
            if (!ps_is_kw(p, KW_FROM) && !ps_is_kw(p, KW_INTO))
                ps_alias(p, &ti->alias, &ti->has_as);
        }
        ti->h.span = ps_span_from(p, from);
        nl_push(p->arena, &s->targets, ti);
    } while (ps_accept(p, TK_COMMA));
    return 1;
}

static int limit_clauses(Parser *p, Node **limit, Node **offset, int *fetch_syntax, int *ties)
{
    if (ps_accept_kw(p, KW_LIMIT)) {
        Node *a = ps_expr(p);
        if (!a)
            return 0;
        if (ps_accept(p, TK_COMMA)) { /* MySQL LIMIT offset, count */
            *offset = a;
            *limit = ps_expr(p);
            if (!*limit)
                return 0;
        } else {
            *limit = a;
            if (ps_accept_kw(p, KW_OFFSET)) {
                *offset = ps_expr(p);
                if (!*offset)
                    return 0;
            }
        }
        return 1;
    }
    if (ps_is_kw(p, KW_OFFSET)) {
        ps_advance(p);
        *offset = ps_expr(p);
        if (!*offset)
            return 0;
        if (!ps_accept_kw(p, KW_ROWS))
            ps_accept_kw(p, KW_ROW);
        *fetch_syntax = 1;
    }
    if (ps_is_kw(p, KW_FETCH) && (ps_peek_kw(p, 1, KW_FIRST) || ps_peek_kw(p, 1, KW_NEXT))) {
        ps_advance(p);
        ps_advance(p);
        *fetch_syntax = 1;
        if (!ps_is_kw(p, KW_ROW) && !ps_is_kw(p, KW_ROWS)) {
            *limit = ps_expr_prec(p, 9);
            if (!*limit)
                return 0;
        }
        if (ps_accept_kw(p, KW_PERCENT))
            return ps_error(p, "FETCH ... PERCENT is not supported"), 0;
        if (!ps_accept_kw(p, KW_ROWS) && !ps_expect_kw(p, KW_ROW))
            return 0;
        if (ps_accept_kw(p, KW_WITH)) {
            if (!ps_expect_kw(p, KW_TIES))
                return 0;
            *ties = 1;
        } else if (!ps_expect_kw(p, KW_ONLY)) {
            return 0;
        }
    }
    return 1;
}

static Node *select_core(Parser *p)
{
    int from = p->pos;
    if (!ps_expect_kw(p, KW_SELECT))
        return NULL;
    SelectStmt *s = NODE_NEW(p->arena, SelectStmt, SELECT, ps_tok_span(p, ps_cur(p)));
    /* Oracle optimizer hints live in comments: nothing to do */
    for (;;) {
        if (ps_accept_kw(p, KW_DISTINCT)) s->distinct = 1;
        else if (ps_accept_word(p, "DISTINCTROW") || (p->d == DIALECT_ORACLE && ps_accept_kw(p, KW_UNIQUE))) s->distinct = 2;
        else if (ps_accept_kw(p, KW_ALL)) {}
        else if (p->d == DIALECT_MYSQL && (ps_accept_word(p, "SQL_CALC_FOUND_ROWS") || ps_accept_word(p, "HIGH_PRIORITY") ||
                                           ps_accept_word(p, "SQL_NO_CACHE") || ps_accept_word(p, "SQL_CACHE") ||
                                           ps_accept_kw(p, KW_STRAIGHT_JOIN) || ps_accept_word(p, "SQL_SMALL_RESULT") ||
                                           ps_accept_word(p, "SQL_BIG_RESULT") || ps_accept_word(p, "SQL_BUFFER_RESULT"))) {}
        else break;
    }
    if (ps_is_kw(p, KW_TOP)) {
        ps_advance(p);
        if (ps_accept(p, TK_LPAREN)) {
            s->top = ps_expr(p);
            if (!s->top || !ps_expect(p, TK_RPAREN))
                return NULL;
        } else {
            const Token *t = ps_cur(p);
            if (t->kind != TK_INTEGER && t->kind != TK_DECIMAL && t->kind != TK_VAR)
                return ps_error(p, "expected a number after TOP");
            s->top = ps_expr_prec(p, 13);
        }
        if (ps_accept_kw(p, KW_PERCENT))
            s->top_percent = 1;
        if (ps_is_kw(p, KW_WITH) && ps_peek_kw(p, 1, KW_TIES)) {
            ps_advance(p);
            ps_advance(p);
            s->top_ties = 1;
        }
    }
    if (!target_list(p, s))
        return NULL;
    if (ps_accept_kw(p, KW_INTO)) {
        if (ps_is(p, TK_VAR) || ps_is(p, TK_BIND) || (p->d != DIALECT_TSQL)) {
            do {
                Node *v = ps_expr_prec(p, 13);
                if (!v)
                    return NULL;
                nl_push(p->arena, &s->into_vars, v);
            } while (ps_accept(p, TK_COMMA));
        } else {
            if (ps_accept_kw(p, KW_TEMPORARY) || ps_accept_kw(p, KW_TEMP)) {}
            if (!ps_qname(p, &s->into))
                return NULL;
        }
    }
    if (ps_accept_kw(p, KW_FROM)) {
        if (!parse_from(p, &s->from))
            return NULL;
    }
    if (ps_accept_kw(p, KW_WHERE)) {
        s->where = ps_expr(p);
        if (!s->where)
            return NULL;
    }
    for (int round = 0; round < 2; round++) {
        if (ps_is_kw(p, KW_START) && ps_peek_kw(p, 1, KW_WITH)) {
            ps_advance(p);
            ps_advance(p);
            s->start_with = ps_expr(p);
            if (!s->start_with)
                return NULL;
        }
        if (ps_is_kw(p, KW_CONNECT) && ps_peek_kw(p, 1, KW_BY)) {
            ps_advance(p);
            ps_advance(p);
            if (ps_accept_kw(p, KW_NOCYCLE))
                s->nocycle = 1;
            s->connect_by = ps_expr(p);
            if (!s->connect_by)
                return NULL;
        }
    }
    if (ps_is_kw(p, KW_GROUP) && ps_peek_kw(p, 1, KW_BY)) {
        ps_advance(p);
        ps_advance(p);
        do {
            int gf = p->pos;
            int gk = -1;
            if (ps_is_kw(p, KW_ROLLUP) && ps_peek(p, 1)->kind == TK_LPAREN) gk = GK_ROLLUP;
            else if (ps_is_kw(p, KW_CUBE) && ps_peek(p, 1)->kind == TK_LPAREN) gk = GK_CUBE;
            else if (ps_is_kw(p, KW_GROUPING) && ps_peek_kw(p, 1, KW_SETS)) gk = GK_SETS;
            else if (ps_is(p, TK_LPAREN) && ps_peek(p, 1)->kind == TK_RPAREN) gk = GK_EMPTY;
            if (gk >= 0) {
                GroupingSet *g = NODE_NEW(p->arena, GroupingSet, GROUPING, ps_tok_span(p, ps_cur(p)));
                g->gk = gk;
                if (gk == GK_EMPTY) {
                    ps_advance(p);
                    ps_advance(p);
                } else {
                    ps_advance(p);
                    if (gk == GK_SETS)
                        ps_advance(p);
                    if (!ps_expect(p, TK_LPAREN))
                        return NULL;
                    do {
                        if (ps_is(p, TK_LPAREN) && ps_peek(p, 1)->kind == TK_RPAREN) {
                            GroupingSet *e = NODE_NEW(p->arena, GroupingSet, GROUPING, ps_tok_span(p, ps_cur(p)));
                            e->gk = GK_EMPTY;
                            ps_advance(p);
                            ps_advance(p);
                            nl_push(p->arena, &g->items, e);
                            continue;
                        }
                        Node *e = ps_expr(p);
                        if (!e)
                            return NULL;
                        nl_push(p->arena, &g->items, e);
                    } while (ps_accept(p, TK_COMMA));
                    if (!ps_expect(p, TK_RPAREN))
                        return NULL;
                }
                g->h.span = ps_span_from(p, gf);
                nl_push(p->arena, &s->group_by, g);
            } else {
                Node *e = ps_expr(p);
                if (!e)
                    return NULL;
                nl_push(p->arena, &s->group_by, e);
            }
        } while (ps_accept(p, TK_COMMA));
        if (ps_is_kw(p, KW_WITH) && ps_peek_kw(p, 1, KW_ROLLUP)) {
            ps_advance(p);
            ps_advance(p);
            s->with_rollup = 1;
        }
    }
    if (ps_accept_kw(p, KW_HAVING)) {
        s->having = ps_expr(p);
        if (!s->having)
            return NULL;
    }
    if (ps_accept_kw(p, KW_WINDOW)) {
        do {
            Ident name;
            if (!ps_ident(p, &name) || !ps_expect_kw(p, KW_AS) || !ps_expect(p, TK_LPAREN))
                return NULL;
            WindowSpec *w = ps_window_body(p);
            if (!w || !ps_expect(p, TK_RPAREN))
                return NULL;
            /* the window's own name goes into frame-less ref slot: store as ref */
            WindowSpec *named = w;
            named->ref = name;
            nl_push(p->arena, &s->windows, named);
        } while (ps_accept(p, TK_COMMA));
    }
    s->h.span = ps_span_from(p, from);
    return &s->h;
}

static Node *query_term(Parser *p)
{
    if (ps_is(p, TK_LPAREN) && ps_starts_query(p)) {
        ps_advance(p);
        Node *q = ps_query(p);
        if (!q || !ps_expect(p, TK_RPAREN))
            return NULL;
        q->flags |= NF_PARENS;
        return q;
    }
    if (ps_is_kw(p, KW_VALUES)) {
        int from = p->pos;
        ps_advance(p);
        ValuesList *v = NODE_NEW(p->arena, ValuesList, VALUES, ps_tok_span(p, ps_cur(p)));
        do {
            int rf = p->pos;
            ps_accept_kw(p, KW_ROW); /* MySQL VALUES ROW(...) */
            if (!ps_expect(p, TK_LPAREN))
                return NULL;
            RowExpr *r = NODE_NEW(p->arena, RowExpr, ROW, ps_tok_span(p, ps_cur(p)));
            if (p->row_width > 4) { /* not grown (copied) item by item from 4 */
                r->items.items = ARENA_NEW_ARRAY(p->arena, Node *, p->row_width);
                r->items.cap = p->row_width;
            }
            if (!ps_is(p, TK_RPAREN)) {
                do {
                    Node *e = ps_expr(p);
                    if (!e)
                        return NULL;
                    nl_push(p->arena, &r->items, e);
                } while (ps_accept(p, TK_COMMA));
            }
            if (!ps_expect(p, TK_RPAREN))
                return NULL;
            p->row_width = r->items.n;
            r->h.span = ps_span_from(p, rf);
            nl_push(p->arena, &v->rows, r);
        } while (ps_accept(p, TK_COMMA));
        v->h.span = ps_span_from(p, from);
        return &v->h;
    }
    return select_core(p);
}

static Node *query_body(Parser *p)
{
    int from = p->pos;
    Node *l = query_term(p);
    while (l && !p->failed) {
        int op;
        int minus = 0;
        if (ps_is_kw(p, KW_UNION)) op = SO_UNION;
        else if (ps_is_kw(p, KW_INTERSECT)) op = SO_INTERSECT;
        else if (ps_is_kw(p, KW_EXCEPT)) op = SO_EXCEPT;
        else if (ps_is_kw(p, KW_MINUS) && p->d == DIALECT_ORACLE) { op = SO_EXCEPT; minus = 1; }
        else break;
        ps_advance(p);
        SetOpStmt *s = NODE_NEW(p->arena, SetOpStmt, SETOP, l->span);
        s->op = op;
        s->minus = minus;
        if (ps_accept_kw(p, KW_ALL))
            s->all = 1;
        else
            ps_accept_kw(p, KW_DISTINCT);
        s->l = l;
        s->r = query_term(p);
        if (!s->r)
            return NULL;
        s->h.span = ps_span_from(p, from);
        l = &s->h;
    }
    return p->failed ? NULL : l;
}

Node *ps_query(Parser *p)
{
    if (!ps_depth_enter(p))
        return NULL;
    int from = p->pos;
    Node *result = NULL;
    if (ps_is_kw(p, KW_WITH) && !ps_peek_kw(p, 1, KW_XMLNAMESPACES)) {
        ps_advance(p);
        WithStmt *w = NODE_NEW(p->arena, WithStmt, WITH, ps_tok_span(p, ps_cur(p)));
        if (ps_accept_kw(p, KW_RECURSIVE))
            w->recursive = 1;
        do {
            int cf = p->pos;
            CteDef *c = NODE_NEW(p->arena, CteDef, CTE, ps_tok_span(p, ps_cur(p)));
            if (!ps_ident(p, &c->name))
                goto out;
            if (ps_is(p, TK_LPAREN) && !ps_ident_list(p, &c->cols))
                goto out;
            if (!ps_expect_kw(p, KW_AS))
                goto out;
            if (ps_is_kw(p, KW_NOT) || ps_is_kw(p, KW_MATERIALIZED)) {
                ps_accept_kw(p, KW_NOT);
                ps_accept_kw(p, KW_MATERIALIZED);
            }
            if (!ps_expect(p, TK_LPAREN))
                goto out;
            c->query = ps_query(p);
            if (!c->query || !ps_expect(p, TK_RPAREN))
                goto out;
            c->h.span = ps_span_from(p, cf);
            nl_push(p->arena, &w->ctes, c);
        } while (ps_accept(p, TK_COMMA));
        /* a CTE may precede INSERT/UPDATE/DELETE in T-SQL; only queries here */
        w->body = ps_query(p);
        if (!w->body)
            goto out;
        w->h.span = ps_span_from(p, from);
        result = &w->h;
        goto out;
    }
    Node *body = query_body(p);
    if (!body)
        goto out;
    NodeList order = {0, 0, NULL};
    Node *limit = NULL, *offset = NULL;
    int fetch = 0, ties = 0;
    if (ps_is_kw(p, KW_ORDER) && ps_peek_kw(p, 1, KW_BY)) {
        ps_advance(p);
        ps_advance(p);
        ps_accept_word(p, "SIBLINGS"); /* Oracle ORDER SIBLINGS BY */
        if (!ps_order_by(p, &order))
            goto out;
    }
    if (!limit_clauses(p, &limit, &offset, &fetch, &ties))
        goto out;
    if (body->kind == N_SELECT && !(body->flags & NF_PARENS)) {
        SelectStmt *s = (SelectStmt *)body;
        s->order_by = order;
        s->limit = limit;
        s->offset = offset;
        s->fetch_syntax = fetch;
        s->fetch_ties = ties;
    } else if (order.n || limit || offset) {
        if (body->kind == N_SETOP && !(body->flags & NF_PARENS)) {
            SetOpStmt *s = (SetOpStmt *)body;
            s->order_by = order;
            s->limit = limit;
            s->offset = offset;
            s->fetch_syntax = fetch;
        } else {
            /* (SELECT ...) ORDER BY ...: wrap as a set operation of one */
            SetOpStmt *s = NODE_NEW(p->arena, SetOpStmt, SETOP, body->span);
            s->op = -1;
            s->l = body;
            s->order_by = order;
            s->limit = limit;
            s->offset = offset;
            s->fetch_syntax = fetch;
            body = &s->h;
        }
    }
    /* FOR XML/JSON/UPDATE/BROWSE and OPTION (...) */
    if (ps_is_kw(p, KW_FOR) && (ps_peek_kw(p, 1, KW_XML) || ps_peek_kw(p, 1, KW_JSON) ||
                                ps_peek_kw(p, 1, KW_UPDATE) || ps_peek_kw(p, 1, KW_BROWSE) ||
                                ps_peek_kw(p, 1, KW_READ) || ps_peek_kw(p, 1, KW_SHARE))) {
        int ff = p->pos;
        int depth = 0;
        while (!ps_is(p, TK_EOF)) {
            if (depth == 0 && (ps_is(p, TK_RPAREN) || ps_at_stmt_end(p) || ps_is_kw(p, KW_OPTION)))
                break;
            if (ps_is(p, TK_LPAREN)) depth++;
            if (ps_is(p, TK_RPAREN)) depth--;
            ps_advance(p);
        }
        SrcSpan sp = ps_span_from(p, ff);
        if (body->kind == N_SELECT) {
            ((SelectStmt *)body)->for_clause = arena_strndup(p->arena, p->src->text + sp.off, sp.len);
            ((SelectStmt *)body)->for_span = sp;
        }
    } else if (p->d == DIALECT_MYSQL && ps_is_kw(p, KW_LOCK) && ps_peek_kw(p, 1, KW_IN)) {
        while (!ps_at_stmt_end(p) && !ps_is(p, TK_RPAREN))
            ps_advance(p);
    }
    if (ps_is_kw(p, KW_OPTION) && ps_peek(p, 1)->kind == TK_LPAREN) {
        int of = p->pos;
        ps_advance(p);
        ps_skip_parens(p);
        SrcSpan sp = ps_span_from(p, of);
        if (body->kind == N_SELECT)
            ((SelectStmt *)body)->option = arena_strndup(p->arena, p->src->text + sp.off, sp.len);
    }
    if (!(body->flags & NF_PARENS))
        body->span = ps_span_from(p, from);
    result = body;
out:
    ps_depth_leave(p);
    return p->failed ? NULL : result;
}

/* ---- DML ---- */

static const char *clause_text(Parser *p, int from)
{
    SrcSpan s = ps_span_from(p, from);
    return arena_strndup(p->arena, p->src->text + s.off, s.len);
}

/* T-SQL OUTPUT ... [INTO ...] / RETURNING ...: kept as text (stored-code work) */
static int output_clause(Parser *p, const char **out)
{
    if (!(ps_is_kw(p, KW_OUTPUT) || ps_is_kw(p, KW_RETURNING)))
        return 1;
    int from = p->pos;
    int depth = 0;
    while (!ps_is(p, TK_EOF)) {
        if (depth == 0 && (ps_is_kw(p, KW_VALUES) || ps_is_kw(p, KW_SELECT) || ps_is_kw(p, KW_FROM) ||
                           ps_is_kw(p, KW_WHERE) || ps_is_kw(p, KW_DEFAULT) || ps_at_stmt_end(p)))
            break;
        if (ps_is(p, TK_LPAREN)) depth++;
        if (ps_is(p, TK_RPAREN)) depth--;
        ps_advance(p);
    }
    *out = clause_text(p, from);
    return 1;
}

Node *ps_insert(Parser *p)
{
    int from = p->pos;
    InsertStmt *s = NODE_NEW(p->arena, InsertStmt, INSERT, ps_tok_span(p, ps_cur(p)));
    if (ps_accept_kw(p, KW_REPLACE))
        s->replace = 1;
    else if (!ps_expect_kw(p, KW_INSERT))
        return NULL;
    while (ps_accept_word(p, "LOW_PRIORITY") || ps_accept_kw(p, KW_DELAYED) || ps_accept_word(p, "HIGH_PRIORITY")) {}
    if (ps_accept_kw(p, KW_IGNORE))
        s->ignore = 1;
    if (ps_is_kw(p, KW_TOP)) {
        ps_advance(p);
        if (!ps_expect(p, TK_LPAREN))
            return NULL;
        s->top = ps_expr(p);
        if (!s->top || !ps_expect(p, TK_RPAREN))
            return NULL;
        ps_accept_kw(p, KW_PERCENT);
    }
    ps_accept_kw(p, KW_INTO);
    if (ps_is(p, TK_VAR)) {
        const Token *t = ps_cur(p);
        s->table.n = 1;
        s->table.parts[0].text = ps_tok_text(p, t);
        s->table.parts[0].len = t->len;
        ps_advance(p);
    } else if (!ps_qname(p, &s->table)) {
        return NULL;
    }
    if (ps_is_kw(p, KW_WITH) && ps_peek(p, 1)->kind == TK_LPAREN) {
        ps_advance(p);
        ps_skip_parens(p);
    }
    if (p->d == DIALECT_ORACLE && (ps_is(p, TK_IDENT) && !ps_is_kw(p, KW_VALUES) && !ps_is_kw(p, KW_SELECT) &&
                                   !ps_is_kw(p, KW_WITH)))
        ps_ident(p, &s->alias);
    if (ps_is(p, TK_LPAREN) && !ps_starts_query(p)) {
        int lp = p->pos;
        if (ps_colmemo_use(p, &s->cols)) {
            ps_advance(p); /* the ')' */
        } else {
            ps_advance(p);
            do {
                Ident id;
                if (!ps_qname_last(p, &id))
                    return NULL;
                il_push(p->arena, &s->cols, id);
            } while (ps_accept(p, TK_COMMA));
            if (!ps_expect(p, TK_RPAREN))
                return NULL;
            ps_colmemo_keep(p, lp, &s->cols);
        }
    }
    if (!output_clause(p, &s->output))
        return NULL;
    if (ps_is_kw(p, KW_DEFAULT) && ps_peek_kw(p, 1, KW_VALUES)) {
        ps_advance(p);
        ps_advance(p);
        s->default_values = 1;
    } else if (ps_is_kw(p, KW_VALUES) || ps_is_word(p, "VALUE") || ps_starts_query(p)) {
        if (ps_is_word(p, "VALUE")) {
            /* MySQL VALUE (...) synonym */
            p->toks[p->pos].kw = KW_VALUES;
        }
        s->source = ps_query(p);
        if (!s->source)
            return NULL;
    } else if (ps_is_kw(p, KW_SET) && p->d == DIALECT_MYSQL) {
        /* INSERT ... SET a = 1, b = 2 -> columns + one row */
        ps_advance(p);
        ValuesList *v = NODE_NEW(p->arena, ValuesList, VALUES, ps_tok_span(p, ps_cur(p)));
        RowExpr *r = NODE_NEW(p->arena, RowExpr, ROW, ps_tok_span(p, ps_cur(p)));
        do {
            Ident id;
            if (!ps_ident(p, &id) || !ps_expect(p, TK_EQ))
                return NULL;
            Node *e = ps_expr(p);
            if (!e)
                return NULL;
            il_push(p->arena, &s->cols, id);
            nl_push(p->arena, &r->items, e);
        } while (ps_accept(p, TK_COMMA));
        nl_push(p->arena, &v->rows, r);
        s->source = &v->h;
    } else if (ps_is_kw(p, KW_EXEC) || ps_is_kw(p, KW_EXECUTE)) {
        return ps_error(p, "INSERT ... EXEC is converted with stored code");
    } else {
        return ps_error(p, "expected VALUES or a query in INSERT");
    }
    if (ps_is_kw(p, KW_ON) && ps_peek_kw(p, 1, KW_DUPLICATE)) {
        ps_advance(p);
        ps_advance(p);
        if (!ps_expect_kw(p, KW_KEY) || !ps_expect_kw(p, KW_UPDATE))
            return NULL;
        do {
            int af = p->pos;
            Assignment *a = NODE_NEW(p->arena, Assignment, ASSIGN, ps_tok_span(p, ps_cur(p)));
            a->target = ps_expr_prec(p, 13);
            if (!a->target || !ps_expect(p, TK_EQ))
                return NULL;
            a->value = ps_expr(p);
            if (!a->value)
                return NULL;
            a->h.span = ps_span_from(p, af);
            nl_push(p->arena, &s->on_dup, a);
        } while (ps_accept(p, TK_COMMA));
    }
    if (!output_clause(p, &s->output))
        return NULL;
    s->h.span = ps_span_from(p, from);
    return &s->h;
}

/* The clauses that may end an UPDATE or DELETE: MySQL ORDER BY / LIMIT,
 * T-SQL OPTION (...) (a query hint, dropped). */
static int dml_tail(Parser *p, NodeList *order_by, Node **limit)
{
    if (ps_is_kw(p, KW_ORDER) && ps_peek_kw(p, 1, KW_BY)) {
        ps_advance(p);
        ps_advance(p);
        if (!ps_order_by(p, order_by))
            return 0;
    }
    if (ps_accept_kw(p, KW_LIMIT)) {
        *limit = ps_expr(p);
        if (!*limit)
            return 0;
    }
    if (ps_is_kw(p, KW_OPTION) && ps_peek(p, 1)->kind == TK_LPAREN) {
        ps_advance(p);
        ps_skip_parens(p);
    }
    return 1;
}

static int set_list(Parser *p, NodeList *out)
{
    do {
        int af = p->pos;
        Assignment *a = NODE_NEW(p->arena, Assignment, ASSIGN, ps_tok_span(p, ps_cur(p)));
        a->target = ps_expr_prec(p, 13);
        if (!a->target)
            return 0;
        if (ps_is(p, TK_COMPOUND_ASSIGN)) {
            const char *t = p->src->text + ps_cur(p)->off;
            a->op = t[0] == '+' ? B_ADD : t[0] == '-' ? B_SUB : t[0] == '*' ? B_MUL
                  : t[0] == '/' ? B_DIV : t[0] == '%' ? B_MOD : t[0] == '&' ? B_BITAND
                  : t[0] == '|' ? B_BITOR : B_BITXOR;
            ps_advance(p);
        } else if (!ps_expect(p, TK_EQ)) {
            return 0;
        }
        a->value = ps_expr(p);
        if (!a->value)
            return 0;
        a->h.span = ps_span_from(p, af);
        nl_push(p->arena, out, a);
    } while (ps_accept(p, TK_COMMA));
    return 1;
}

Node *ps_update(Parser *p)
{
    int from = p->pos;
    UpdateStmt *s = NODE_NEW(p->arena, UpdateStmt, UPDATE, ps_tok_span(p, ps_cur(p)));
    if (!ps_expect_kw(p, KW_UPDATE))
        return NULL;
    while (ps_accept_word(p, "LOW_PRIORITY") || ps_accept_kw(p, KW_IGNORE)) {}
    if (ps_is_kw(p, KW_TOP)) {
        ps_advance(p);
        if (!ps_expect(p, TK_LPAREN))
            return NULL;
        s->top = ps_expr(p);
        if (!s->top || !ps_expect(p, TK_RPAREN))
            return NULL;
        ps_accept_kw(p, KW_PERCENT);
    }
    s->table = ps_table_ref(p);
    if (!s->table || !ps_expect_kw(p, KW_SET) || !set_list(p, &s->sets))
        return NULL;
    if (!output_clause(p, &s->output))
        return NULL;
    if (ps_accept_kw(p, KW_FROM) && !parse_from(p, &s->from))
        return NULL;
    if (ps_accept_kw(p, KW_WHERE)) {
        if (ps_is_kw(p, KW_CURRENT) && ps_peek_kw(p, 1, KW_OF)) {
            return ps_error(p, "WHERE CURRENT OF is converted with stored code");
        }
        s->where = ps_expr(p);
        if (!s->where)
            return NULL;
    }
    if (!dml_tail(p, &s->order_by, &s->limit))
        return NULL;
    s->h.span = ps_span_from(p, from);
    return &s->h;
}

Node *ps_delete(Parser *p)
{
    int from = p->pos;
    DeleteStmt *s = NODE_NEW(p->arena, DeleteStmt, DELETE, ps_tok_span(p, ps_cur(p)));
    if (!ps_expect_kw(p, KW_DELETE))
        return NULL;
    while (ps_accept_word(p, "LOW_PRIORITY") || ps_accept_word(p, "QUICK") || ps_accept_kw(p, KW_IGNORE)) {}
    if (ps_is_kw(p, KW_TOP)) {
        ps_advance(p);
        if (!ps_expect(p, TK_LPAREN))
            return NULL;
        s->top = ps_expr(p);
        if (!s->top || !ps_expect(p, TK_RPAREN))
            return NULL;
        ps_accept_kw(p, KW_PERCENT);
    }
    ps_accept_kw(p, KW_FROM);
    s->table = from_primary(p);
    if (!s->table)
        return NULL;
    if (!output_clause(p, &s->output))
        return NULL;
    if ((ps_accept_kw(p, KW_FROM) || ps_accept_kw(p, KW_USING)) && !parse_from(p, &s->from))
        return NULL;
    if (ps_accept_kw(p, KW_WHERE)) {
        if (ps_is_kw(p, KW_CURRENT) && ps_peek_kw(p, 1, KW_OF))
            return ps_error(p, "WHERE CURRENT OF is converted with stored code");
        s->where = ps_expr(p);
        if (!s->where)
            return NULL;
    }
    if (!dml_tail(p, &s->order_by, &s->limit))
        return NULL;
    s->h.span = ps_span_from(p, from);
    return &s->h;
}
