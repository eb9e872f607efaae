/* parse: expressions by precedence climbing, data types, window specs.
 * Precedence differs per dialect only in a few places (MySQL ||, T-SQL bit
 * operators); binop() is the one table that says so. */
#include "parse/parser.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Precedence levels, loosest first. */
enum {
    P_OR = 1, P_XOR = 2, P_AND = 3, P_NOT = 4, P_CMP = 5, P_BITOR = 6, P_BITAND = 7,
    P_SHIFT = 8, P_ADD = 9, P_MUL = 10, P_BITXOR = 11, P_UNARY = 12, P_POSTFIX = 13
};

static Literal *lit(Parser *p, int lk, const Token *t, const char *value, uint32_t len)
{
    Literal *l = NODE_NEW(p->arena, Literal, LITERAL, ps_tok_span(p, t));
    l->lk = lk;
    l->value = value;
    l->len = len;
    return l;
}

/* Unescapes a quoted string token: 'it''s', N'..', q'[..]', MySQL "..". */
static Literal *string_token(Parser *p, const Token *t)
{
    const char *s = p->src->text + t->off;
    uint32_t n = t->len;
    int lk = LIT_STRING;
    if (t->kind == TK_NSTRING) {
        lk = LIT_NSTRING;
        s++;
        n--;
    }
    if (t->kind == TK_QSTRING) {
        /* [n]q'<open>...<close>' */
        if (n && (s[0] == 'n' || s[0] == 'N')) {
            s++;
            n--;
            lk = LIT_NSTRING;
        }
        if (n >= 5) {
            const char *b = s + 3;
            uint32_t bl = n - 5;
            return lit(p, lk, t, arena_strndup(p->arena, b, bl), bl);
        }
        return lit(p, lk, t, "", 0);
    }
    if (t->kind == TK_DOLLAR_STRING) {
        uint32_t tag = 1;
        while (tag < n && s[tag] != '$')
            tag++;
        tag++;
        uint32_t bl = n >= 2 * tag ? n - 2 * tag : 0;
        return lit(p, lk, t, arena_strndup(p->arena, s + tag, bl), bl);
    }
    if (n == 0)
        return lit(p, lk, t, "", 0);
    char q = s[0];
    uint32_t end = n >= 2 && s[n - 1] == q ? n - 1 : n;
    if (t->flags & TF_PLAIN) /* the lexer saw no doubled quote */
        return lit(p, lk, t, arena_strndup(p->arena, s + 1, end - 1), end - 1);
    if (p->d != DIALECT_MYSQL) {
        size_t len;
        char *o = arena_undouble(p->arena, s + 1, end - 1, q, &len);
        return lit(p, lk, t, o, (uint32_t)len);
    }
    /* MySQL: backslash escapes too */
    char *o = arena_alloc(p->arena, n + 1);
    uint32_t j = 0;
    for (uint32_t i = 1; i < end; i++) {
        char c = s[i];
        if (c == q && i + 1 < end && s[i + 1] == q) {
            o[j++] = q;
            i++;
        } else if (c == '\\' && i + 1 < end) {
            char e = s[++i];
            switch (e) {
            case 'n': o[j++] = '\n'; break;
            case 't': o[j++] = '\t'; break;
            case 'r': o[j++] = '\r'; break;
            case '0': o[j++] = '\0'; break;
            case 'b': o[j++] = '\b'; break;
            case 'Z': o[j++] = 26; break;
            case '%': case '_': o[j++] = '\\'; o[j++] = e; break; /* kept for LIKE */
            default: o[j++] = e; break;
            }
        } else {
            o[j++] = c;
        }
    }
    o[j] = 0;
    return lit(p, lk, t, o, j);
}

Literal *ps_string_literal(Parser *p)
{
    const Token *t = ps_cur(p);
    Literal *l = string_token(p, t);
    ps_advance(p);
    /* adjacent string literals concatenate (MySQL, PostgreSQL across lines) */
    while ((p->d == DIALECT_MYSQL || p->d == DIALECT_POSTGRES) && ps_is(p, TK_STRING)) {
        Literal *m = string_token(p, ps_cur(p));
        ps_advance(p);
        char *v = arena_alloc(p->arena, l->len + m->len + 1);
        memcpy(v, l->value, l->len);
        memcpy(v + l->len, m->value, m->len);
        l->value = v;
        l->len += m->len;
        l->h.span.len = m->h.span.off + m->h.span.len - l->h.span.off;
    }
    return l;
}

static int is_string_tok(int k)
{
    return k == TK_STRING || k == TK_NSTRING || k == TK_QSTRING || k == TK_DOLLAR_STRING;
}

/* Binary operator at the current token: sets *op and returns its precedence,
 * or 0 if the token does not continue an expression. */
static int binop(Parser *p, int *op)
{
    const Token *t = ps_cur(p);
    int my = p->d == DIALECT_MYSQL, ts = p->d == DIALECT_TSQL;
    switch (t->kind) {
    case TK_PLUS: *op = B_ADD; return P_ADD;
    case TK_MINUS: *op = B_SUB; return P_ADD;
    case TK_STAR: *op = B_MUL; return P_MUL;
    case TK_SLASH: *op = B_DIV; return P_MUL;
    case TK_PERCENT: *op = B_MOD; return P_MUL;
    case TK_CONCAT:
        if (my) { *op = B_OR; return P_OR; }  /* MySQL default sql_mode: || is OR */
        *op = B_CONCAT; return P_ADD;
    case TK_EQ: *op = B_EQ; return P_CMP;
    case TK_NE: *op = B_NE; return P_CMP;
    case TK_LT: *op = B_LT; return P_CMP;
    case TK_LE: *op = B_LE; return P_CMP;
    case TK_GT: *op = B_GT; return P_CMP;
    case TK_GE: *op = B_GE; return P_CMP;
    case TK_NSEQ: *op = B_NSEQ; return P_CMP;
    case TK_NOTLT: *op = B_NOTLT; return P_CMP;
    case TK_NOTGT: *op = B_NOTGT; return P_CMP;
    case TK_AMP: *op = B_BITAND; return ts ? P_ADD : P_BITAND;
    case TK_PIPE: *op = B_BITOR; return ts ? P_ADD : P_BITOR;
    case TK_CARET: *op = B_BITXOR; return ts ? P_ADD : P_BITXOR;
    case TK_SHL: *op = B_SHL; return P_SHIFT;
    case TK_SHR: *op = B_SHR; return P_SHIFT;
    case TK_ANDAND: *op = B_AND; return P_AND;
    case TK_JSON_GET: *op = B_JSON_GET; return P_POSTFIX;
    case TK_JSON_GETTEXT: *op = B_JSON_GETTEXT; return P_POSTFIX;
    case TK_IDENT:
        switch (t->kw) {
        case KW_OR: *op = B_OR; return P_OR;
        case KW_AND: *op = B_AND; return P_AND;
        case KW_DIV: if (my) { *op = B_INTDIV; return P_MUL; } return 0;
        case KW_MOD: if (my) { *op = B_MOD; return P_MUL; } return 0;
        default:
            if (my && ps_is_word(p, "XOR")) { *op = B_XOR; return P_XOR; }
            return 0;
        }
    default:
        return 0;
    }
}

static Node *primary(Parser *p);

/* The current token, a number, hex or bit literal, as a Literal (consumed). */
static Literal *number_literal(Parser *p, const Token *t)
{
    int lk = t->kind == TK_INTEGER ? LIT_INTEGER : t->kind == TK_DECIMAL ? LIT_DECIMAL
           : t->kind == TK_HEX ? LIT_HEX : t->kind == TK_XSTRING ? LIT_XSTRING : LIT_BSTRING;
    const char *s = p->src->text + t->off;
    if (lk == LIT_DECIMAL && s[0] == '$')
        lk = LIT_MONEY;
    Literal *l = lit(p, lk, t, arena_strndup(p->arena, s, t->len), t->len);
    ps_advance(p);
    return l;
}

/* Can a postfix operator follow here? (most expressions end without one) */
static inline int at_postfix(Parser *p)
{
    const Token *t = ps_cur(p);
    return t->kind == TK_DCOLON || t->kind == TK_OUTER_JOIN || t->kind == TK_LBRACKET ||
           (t->kind == TK_IDENT && t->kw == KW_COLLATE);
}

static Node *postfix(Parser *p, Node *e)
{
    for (;;) {
        if (!e)
            return NULL;
        int from_off = (int)e->span.off;
        if (ps_is_kw(p, KW_COLLATE)) {
            ps_advance(p);
            CollateExpr *c = NODE_NEW(p->arena, CollateExpr, COLLATE, e->span);
            c->expr = e;
            if (!ps_ident(p, &c->collation))
                return NULL;
            c->h.span.len = c->collation.span.off + c->collation.span.len - (uint32_t)from_off;
            e = &c->h;
        } else if (ps_is(p, TK_DCOLON)) {
            ps_advance(p);
            CastExpr *c = NODE_NEW(p->arena, CastExpr, CAST, e->span);
            c->syntax = CAST_COLONS;
            c->expr = e;
            c->type = ps_type(p);
            if (!c->type)
                return NULL;
            c->h.span.len = c->type->h.span.off + c->type->h.span.len - (uint32_t)from_off;
            e = &c->h;
        } else if (ps_is(p, TK_OUTER_JOIN)) {
            const Token *t = ps_cur(p);
            e->flags |= NF_OUTER_JOIN;
            e->span.len = t->off + t->len - e->span.off;
            ps_advance(p);
        } else if (ps_is(p, TK_LBRACKET) && p->d == DIALECT_POSTGRES) {
            /* array subscript: keep as function-like for templates */
            if (!ps_skip_parens(p))
                ps_advance(p);
        } else {
            return e;
        }
    }
}

/* A prefix operator at the current token: - + ~, MySQL !, PRIOR,
 * CONNECT_BY_ROOT (one look at the token, by kind). */
static int starts_unary(Parser *p)
{
    const Token *t = ps_cur(p);
    switch (t->kind) {
    case TK_MINUS: case TK_PLUS: case TK_TILDE:
        return 1;
    case TK_BANG:
        return p->d == DIALECT_MYSQL;
    case TK_IDENT:
        return t->kw == KW_PRIOR || ps_tok_is_word(p, t, "CONNECT_BY_ROOT", 15);
    default:
        return 0;
    }
}

Node *ps_expr_prec(Parser *p, int min)
{
    if (!ps_depth_enter(p))
        return NULL;
    int from = p->pos;
    Node *l;
    /* prefix operators */
    if (ps_is_kw(p, KW_NOT) && min <= P_NOT) {
        ps_advance(p);
        Node *a = ps_expr_prec(p, P_NOT);
        if (!a) { ps_depth_leave(p); return NULL; }
        UnaryExpr *u = NODE_NEW(p->arena, UnaryExpr, UNARY, ps_span_from(p, from));
        u->op = U_NOT;
        u->arg = a;
        l = &u->h;
    } else if (starts_unary(p)) {
        int op = ps_is(p, TK_MINUS) ? U_NEG : ps_is(p, TK_PLUS) ? U_PLUS
               : ps_is(p, TK_TILDE) ? U_BITNOT : ps_is(p, TK_BANG) ? U_NOT
               : ps_is_kw(p, KW_PRIOR) ? U_PRIOR : U_CONNECT_BY_ROOT;
        ps_advance(p);
        Node *a = ps_expr_prec(p, op == U_PRIOR || op == U_CONNECT_BY_ROOT ? P_ADD : P_UNARY);
        if (!a) { ps_depth_leave(p); return NULL; }
        UnaryExpr *u = NODE_NEW(p->arena, UnaryExpr, UNARY, ps_span_from(p, from));
        u->op = op;
        u->arg = a;
        l = &u->h;
    } else {
        l = primary(p);
        if (l && at_postfix(p))
            l = postfix(p, l);
    }
    while (l && !p->failed) {
        /* the usual end of an expression: no operator or predicate here */
        int k0 = ps_cur(p)->kind;
        if (k0 == TK_COMMA || k0 == TK_RPAREN)
            break;
        int op = 0;
        int prec = binop(p, &op);
        int not = 0;
        /* predicates at comparison level: IS, IN, BETWEEN, LIKE, NOT ... */
        if (!prec && min <= P_CMP) {
            int k = 0;
            if (ps_is_kw(p, KW_NOT) &&
                (ps_peek_kw(p, 1, KW_IN) || ps_peek_kw(p, 1, KW_BETWEEN) ||
                 ps_peek_kw(p, 1, KW_LIKE) || ps_peek_kw(p, 1, KW_ILIKE) ||
                 ps_peek_kw(p, 1, KW_REGEXP) || ps_peek_kw(p, 1, KW_RLIKE))) {
                not = 1;
                k = 1;
            }
            const Token *t = ps_peek(p, k);
            if (t->kind == TK_IDENT &&
                (t->kw == KW_IS || t->kw == KW_IN || t->kw == KW_BETWEEN || t->kw == KW_LIKE ||
                 t->kw == KW_ILIKE || t->kw == KW_REGEXP || t->kw == KW_RLIKE)) {
                int kw = t->kw;
                if (not)
                    ps_advance(p);
                ps_advance(p);
                if (kw == KW_IS) {
                    IsExpr *is = NODE_NEW(p->arena, IsExpr, IS, l->span);
                    if (ps_accept_kw(p, KW_NOT))
                        is->h.flags |= NF_NOT;
                    if (ps_accept_kw(p, KW_NULL)) is->what = IS_NULL;
                    else if (ps_accept_kw(p, KW_TRUE)) is->what = IS_TRUE;
                    else if (ps_accept_kw(p, KW_FALSE)) is->what = IS_FALSE;
                    else if (ps_accept_kw(p, KW_UNKNOWN)) is->what = IS_UNKNOWN;
                    else if (ps_accept_kw(p, KW_JSON)) {
                        is->what = IS_JSON; /* Oracle/PostgreSQL 16 IS JSON [options] */
                        while (ps_accept_word(p, "STRICT") || ps_accept_word(p, "LAX") ||
                               ps_accept_kw(p, KW_VALUE) || ps_accept_word(p, "SCALAR") ||
                               ps_accept_kw(p, KW_OBJECT) || ps_accept_kw(p, KW_ARRAY)) {}
                    }
                    else { ps_error(p, "expected NULL after IS"); break; }
                    is->expr = l;
                    is->h.span = ps_span_from(p, from);
                    l = &is->h;
                } else if (kw == KW_IN) {
                    InExpr *in = NODE_NEW(p->arena, InExpr, IN, l->span);
                    in->expr = l;
                    if (not) in->h.flags |= NF_NOT;
                    if (!ps_expect(p, TK_LPAREN)) break;
                    if (ps_starts_query(p)) {
                        in->query = ps_query(p);
                        if (!in->query) break;
                    } else {
                        do {
                            Node *e = ps_expr(p);
                            if (!e) break;
                            nl_push(p->arena, &in->list, e);
                        } while (ps_accept(p, TK_COMMA));
                    }
                    if (!ps_expect(p, TK_RPAREN)) break;
                    in->h.span = ps_span_from(p, from);
                    l = &in->h;
                } else if (kw == KW_BETWEEN) {
                    BetweenExpr *b = NODE_NEW(p->arena, BetweenExpr, BETWEEN, l->span);
                    b->expr = l;
                    if (not) b->h.flags |= NF_NOT;
                    b->lo = ps_expr_prec(p, P_CMP + 1);
                    if (!b->lo || !ps_expect_kw(p, KW_AND)) break;
                    b->hi = ps_expr_prec(p, P_CMP + 1);
                    if (!b->hi) break;
                    b->h.span = ps_span_from(p, from);
                    l = &b->h;
                } else {
                    LikeExpr *lk = NODE_NEW(p->arena, LikeExpr, LIKE, l->span);
                    lk->op = kw == KW_LIKE ? LK_LIKE : kw == KW_ILIKE ? LK_ILIKE : LK_RLIKE;
                    lk->expr = l;
                    if (not) lk->h.flags |= NF_NOT;
                    lk->pattern = ps_expr_prec(p, P_CMP + 1);
                    if (!lk->pattern) break;
                    if (ps_accept_kw(p, KW_ESCAPE)) {
                        lk->escape = ps_expr_prec(p, P_CMP + 1);
                        if (!lk->escape) break;
                    }
                    lk->h.span = ps_span_from(p, from);
                    l = &lk->h;
                }
                continue;
            }
        }
        if (!prec || prec < min)
            break;
        ps_advance(p);
        /* quantified comparison: x = ANY (subquery) */
        if (prec == P_CMP && (ps_is_kw(p, KW_ANY) || ps_is_kw(p, KW_ALL) || ps_is_kw(p, KW_SOME)) &&
            ps_peek(p, 1)->kind == TK_LPAREN) {
            QuantExpr *q = NODE_NEW(p->arena, QuantExpr, QUANTIFIED, l->span);
            q->op = op;
            q->q = ps_is_kw(p, KW_ANY) ? Q_ANY : ps_is_kw(p, KW_ALL) ? Q_ALL : Q_SOME;
            q->l = l;
            ps_advance(p);
            ps_advance(p);
            if (ps_starts_query(p)) {
                q->query = ps_query(p);
                if (!q->query) break;
            } else {
                do {
                    Node *e = ps_expr(p);
                    if (!e) break;
                    nl_push(p->arena, &q->list, e);
                } while (ps_accept(p, TK_COMMA));
            }
            if (!ps_expect(p, TK_RPAREN)) break;
            q->h.span = ps_span_from(p, from);
            l = &q->h;
            continue;
        }
        Node *r = ps_expr_prec(p, prec + 1);
        if (!r)
            break;
        BinaryExpr *b = NODE_NEW(p->arena, BinaryExpr, BINARY, ps_span_from(p, from));
        b->op = op;
        b->l = l;
        b->r = r;
        l = &b->h;
    }
    ps_depth_leave(p);
    return p->failed ? NULL : l;
}

/* A literal alone (a number, a string, NULL) followed by ',' or ')': what
 * most items of VALUES rows and call arguments are. ps_expr_prec would
 * build the same Literal from primary() and stop at that token (no postfix,
 * no operator); here without the climb through the levels. */
static Node *lone_literal(Parser *p)
{
    const Token *t = ps_cur(p);
    int k = t->kind;
    if (!(k == TK_STRING || k == TK_NSTRING || k == TK_INTEGER || k == TK_DECIMAL ||
          k == TK_HEX || (k == TK_IDENT && t->kw == KW_NULL)))
        return NULL;
    int next = ps_peek(p, 1)->kind;
    if (next != TK_COMMA && next != TK_RPAREN)
        return NULL;
    /* at the depth limit ps_expr_prec records SS0012: let it */
    if (p->failed || p->depth >= PARSE_MAX_DEPTH)
        return NULL;
    t = ps_cur(p); /* the peek may have grown (moved) the window */
    if (k == TK_IDENT) {
        ps_advance(p);
        return &lit(p, LIT_NULL, t, "NULL", 4)->h;
    }
    if (k == TK_STRING || k == TK_NSTRING)
        return &ps_string_literal(p)->h;
    return &number_literal(p, t)->h;
}

Node *ps_expr(Parser *p)
{
    Node *l = lone_literal(p);
    return l ? l : ps_expr_prec(p, P_OR);
}

/* ---- primary expressions ---- */

static int is_niladic(Parser *p, const Token *t)
{
    if (t->kind != TK_IDENT)
        return 0;
    switch (t->kw) {
    case KW_CURRENT_TIMESTAMP: case KW_CURRENT_DATE: case KW_CURRENT_TIME:
    case KW_CURRENT_USER: case KW_SESSION_USER: case KW_SYSTEM_USER:
        return 1;
    case KW_USER:
        return p->d != DIALECT_MYSQL; /* MySQL USER() needs parens */
    case KW_SYSDATE: case KW_ROWNUM:
        return p->d == DIALECT_ORACLE || p->d == DIALECT_MYSQL;
    case KW_LEVEL:
        return p->d == DIALECT_ORACLE;
    default:
        break;
    }
    /* words with their lengths (no strlen per word and call) */
    typedef struct { const char *w; size_t n; } Word;
#define W(s) {s, sizeof s - 1}
    static const Word ora[] = {W("SYSTIMESTAMP"), W("LOCALTIMESTAMP"), W("CURRENT_SCHEMA"),
                               W("UID"), W("DBTIMEZONE"), W("SESSIONTIMEZONE")};
    static const Word my_pg[] = {W("LOCALTIMESTAMP"), W("LOCALTIME"), W("UTC_TIMESTAMP"),
                                 W("UTC_DATE"), W("UTC_TIME")};
#undef W
    const Word *w = p->d == DIALECT_ORACLE ? ora : my_pg;
    size_t nw = p->d == DIALECT_ORACLE ? sizeof ora / sizeof *ora
              : p->d == DIALECT_MYSQL || p->d == DIALECT_POSTGRES ? sizeof my_pg / sizeof *my_pg : 0;
    for (size_t i = 0; i < nw; i++)
        if (t->len == w[i].n && strncasecmp(p->src->text + t->off, w[i].w, t->len) == 0)
            return 1;
    return 0;
}

static const char *upper_last(Parser *p, const QName *q)
{
    const Ident *id = &q->parts[q->n - 1];
    char *s = arena_strndup(p->arena, id->text, id->len);
    for (char *c = s; *c; c++)
        if (*c >= 'a' && *c <= 'z')
            *c -= 32;
    return s;
}

WindowSpec *ps_window_body(Parser *p)
{
    int from = p->pos;
    WindowSpec *w = NODE_NEW(p->arena, WindowSpec, WINDOW, ps_tok_span(p, ps_cur(p)));
    if (ps_is(p, TK_IDENT) && !ps_is_kw(p, KW_PARTITION) && !ps_is_kw(p, KW_ORDER) &&
        !ps_is_kw(p, KW_ROWS) && !ps_is_kw(p, KW_RANGE)) {
        if (!ps_ident(p, &w->ref))
            return NULL;
    }
    if (ps_accept_kw(p, KW_PARTITION)) {
        if (!ps_expect_kw(p, KW_BY))
            return NULL;
        do {
            Node *e = ps_expr(p);
            if (!e)
                return NULL;
            nl_push(p->arena, &w->partition, e);
        } while (ps_accept(p, TK_COMMA));
    }
    if (ps_accept_kw(p, KW_ORDER)) {
        if (!ps_expect_kw(p, KW_BY) || !ps_order_by(p, &w->order))
            return NULL;
    }
    if (ps_is_kw(p, KW_ROWS) || ps_is_kw(p, KW_RANGE) || ps_is_word(p, "GROUPS")) {
        int f = p->pos;
        while (!ps_is(p, TK_RPAREN) && !ps_is(p, TK_EOF) && !ps_at_stmt_end(p))
            ps_advance(p);
        SrcSpan s = ps_span_from(p, f);
        w->frame = arena_strndup(p->arena, p->src->text + s.off, s.len);
    }
    w->h.span = ps_span_from(p, from);
    return w;
}

/* After the name and '(' of a call: arguments and the clauses that may follow. */
static Node *func_call(Parser *p, int from, QName *name)
{
    FuncCall *f = NODE_NEW(p->arena, FuncCall, FUNC, ps_tok_span(p, ps_cur(p)));
    f->name = *name;
    f->upper = upper_last(p, name);
    ps_advance(p); /* ( */
    if (ps_is(p, TK_STAR)) {
        f->star = 1;
        ps_advance(p);
    } else if (!ps_is(p, TK_RPAREN)) {
        if (ps_accept_kw(p, KW_DISTINCT) || ps_accept_word(p, "DISTINCTROW"))
            f->distinct = 1;
        else
            ps_accept_kw(p, KW_ALL);
        for (;;) {
            Node *a;
            if (ps_starts_query(p) && ps_is_kw(p, KW_SELECT)) {
                /* MULTISET(SELECT ..), f(SELECT ..): a subquery argument */
                int qf = p->pos;
                Node *q = ps_query(p);
                if (!q)
                    return NULL;
                SubqueryExpr *sq = NODE_NEW(p->arena, SubqueryExpr, SUBQUERY, ps_span_from(p, qf));
                sq->query = q;
                a = &sq->h;
            } else {
                /* a datepart keyword as first argument (DATEADD(day, ..)) is a plain NAME */
                a = ps_expr(p);
            }
            if (!a)
                return NULL;
            /* CONVERT(x USING cs) (MySQL), TRANSLATE(x USING NCHAR_CS) (Oracle) */
            if (ps_accept_kw(p, KW_USING)) {
                Ident cs;
                if (!ps_ident(p, &cs))
                    return NULL;
                f->using_cs = cs.text;
            }
            nl_push(p->arena, &f->args, a);
            if (ps_accept(p, TK_COMMA))
                continue;
            if (ps_is_kw(p, KW_ORDER) && ps_peek_kw(p, 1, KW_BY)) {
                ps_advance(p);
                ps_advance(p);
                if (!ps_order_by(p, &f->order))
                    return NULL;
            }
            if (ps_is_word(p, "SEPARATOR")) {
                ps_advance(p);
                f->separator = ps_expr(p);
                if (!f->separator)
                    return NULL;
            }
            if (ps_is_kw(p, KW_IGNORE) || ps_is_word(p, "RESPECT")) {
                f->nulls = ps_is_kw(p, KW_IGNORE) ? 1 : 2;
                ps_advance(p);
                if (!ps_expect_kw(p, KW_NULLS))
                    return NULL;
            }
            if (ps_is_kw(p, KW_ON) && ps_is_word_at(p, 1, "OVERFLOW")) {
                /* Oracle LISTAGG(... ON OVERFLOW TRUNCATE '...' WITH COUNT) */
                int of = p->pos;
                while (!ps_is(p, TK_RPAREN) && !ps_is(p, TK_EOF) && !ps_at_stmt_end(p))
                    ps_advance(p);
                SrcSpan sp = ps_span_from(p, of);
                f->keep = arena_strndup(p->arena, p->src->text + sp.off, sp.len);
            }
            break;
        }
    }
    if (!ps_expect(p, TK_RPAREN))
        return NULL;
    if (ps_is_kw(p, KW_WITHIN) && ps_peek_kw(p, 1, KW_GROUP)) {
        ps_advance(p);
        ps_advance(p);
        if (!ps_expect(p, TK_LPAREN) || !ps_expect_kw(p, KW_ORDER) || !ps_expect_kw(p, KW_BY) ||
            !ps_order_by(p, &f->within) || !ps_expect(p, TK_RPAREN))
            return NULL;
    }
    if (ps_is_word(p, "KEEP") && ps_peek(p, 1)->kind == TK_LPAREN) {
        ps_advance(p);
        int k = p->pos;
        if (!ps_skip_parens(p))
            return ps_error(p, "unbalanced parentheses in KEEP");
        SrcSpan s = ps_span_from(p, k);
        f->keep = arena_strndup(p->arena, p->src->text + s.off, s.len);
    }
    if (ps_is_word(p, "FILTER") && ps_peek(p, 1)->kind == TK_LPAREN) {
        ps_advance(p);
        ps_advance(p);
        if (!ps_expect_kw(p, KW_WHERE))
            return NULL;
        f->filter = ps_expr(p);
        if (!f->filter || !ps_expect(p, TK_RPAREN))
            return NULL;
    }
    if (ps_is_kw(p, KW_IGNORE) || (ps_is_word(p, "RESPECT") && ps_peek_kw(p, 1, KW_NULLS))) {
        f->nulls = ps_is_kw(p, KW_IGNORE) ? 1 : 2;
        ps_advance(p);
        if (!ps_expect_kw(p, KW_NULLS))
            return NULL;
    }
    if (ps_accept_kw(p, KW_OVER)) {
        if (ps_accept(p, TK_LPAREN)) {
            f->over = ps_window_body(p);
            if (!f->over || !ps_expect(p, TK_RPAREN))
                return NULL;
        } else {
            f->over = NODE_NEW(p->arena, WindowSpec, WINDOW, ps_tok_span(p, ps_cur(p)));
            if (!ps_ident(p, &f->over->ref))
                return NULL;
        }
    }
    f->h.span = ps_span_from(p, from);
    return &f->h;
}

/* CAST(x AS t), CONVERT(t, x [, style]), TRY_CAST, TRY_CONVERT */
static Node *cast_call(Parser *p, int from, int syntax)
{
    ps_advance(p); /* name */
    ps_advance(p); /* ( */
    CastExpr *c = NODE_NEW(p->arena, CastExpr, CAST, ps_tok_span(p, ps_cur(p)));
    c->syntax = syntax;
    if (syntax == CAST_CONVERT || syntax == CAST_TRY_CONVERT) {
        c->type = ps_type(p);
        if (!c->type || !ps_expect(p, TK_COMMA))
            return NULL;
        c->expr = ps_expr(p);
        if (!c->expr)
            return NULL;
        if (ps_accept(p, TK_COMMA)) {
            c->style = ps_expr(p);
            if (!c->style)
                return NULL;
        }
    } else {
        c->expr = ps_expr(p);
        if (!c->expr || !ps_expect_kw(p, KW_AS))
            return NULL;
        c->type = ps_type(p);
        if (!c->type)
            return NULL;
    }
    if (!ps_expect(p, TK_RPAREN))
        return NULL;
    c->h.span = ps_span_from(p, from);
    return &c->h;
}

static Node *case_expr(Parser *p, int from)
{
    ps_advance(p); /* CASE */
    CaseExpr *c = NODE_NEW(p->arena, CaseExpr, CASE, ps_tok_span(p, ps_cur(p)));
    if (!ps_is_kw(p, KW_WHEN)) {
        c->operand = ps_expr(p);
        if (!c->operand)
            return NULL;
    }
    while (ps_is_kw(p, KW_WHEN)) {
        int wf = p->pos;
        ps_advance(p);
        WhenClause *w = NODE_NEW(p->arena, WhenClause, WHEN, ps_tok_span(p, ps_cur(p)));
        w->cond = ps_expr(p);
        if (!w->cond || !ps_expect_kw(p, KW_THEN))
            return NULL;
        w->result = ps_expr(p);
        if (!w->result)
            return NULL;
        w->h.span = ps_span_from(p, wf);
        nl_push(p->arena, &c->whens, w);
    }
    if (c->whens.n == 0)
        return ps_error(p, "expected WHEN in CASE");
    if (ps_accept_kw(p, KW_ELSE)) {
        c->else_ = ps_expr(p);
        if (!c->else_)
            return NULL;
    }
    if (!ps_expect_kw(p, KW_END))
        return NULL;
    c->h.span = ps_span_from(p, from);
    return &c->h;
}

/* EXTRACT(field FROM x), TRIM([LEADING|TRAILING|BOTH] [c] FROM s),
 * POSITION(a IN b), SUBSTRING(s FROM a FOR b): SQL-standard call forms,
 * normalised to ordinary calls (EXTRACT keeps the field as a KEYWORD_EXPR). */
static Node *special_call(Parser *p, int from, QName *name, const char *u)
{
    int k = 2;
    (void)k;
    FuncCall *f = NODE_NEW(p->arena, FuncCall, FUNC, ps_tok_span(p, ps_cur(p)));
    f->name = *name;
    f->upper = u;
    ps_advance(p); /* ( */
    if (!strcmp(u, "EXTRACT")) {
        const Token *t = ps_cur(p);
        KeywordExpr *kx = NODE_NEW(p->arena, KeywordExpr, KEYWORD_EXPR, ps_tok_span(p, t));
        kx->word = ps_tok_upper(p, t);
        ps_advance(p);
        nl_push(p->arena, &f->args, kx);
        if (!ps_expect_kw(p, KW_FROM))
            return NULL;
        Node *e = ps_expr(p);
        if (!e)
            return NULL;
        nl_push(p->arena, &f->args, e);
    } else if (!strcmp(u, "TRIM")) {
        const char *mode = "BOTH";
        if (ps_is_kw(p, KW_LEADING) || ps_is_kw(p, KW_TRAILING) || ps_is_kw(p, KW_BOTH)) {
            mode = ps_tok_upper(p, ps_cur(p));
            ps_advance(p);
        }
        KeywordExpr *kx = NODE_NEW(p->arena, KeywordExpr, KEYWORD_EXPR, ps_tok_span(p, ps_cur(p)));
        kx->word = mode;
        Node *chars = NULL, *src;
        if (ps_accept_kw(p, KW_FROM)) {
            src = ps_expr(p);
        } else {
            Node *e = ps_expr(p);
            if (!e)
                return NULL;
            if (ps_accept_kw(p, KW_FROM)) {
                chars = e;
                src = ps_expr(p);
            } else {
                src = e;
            }
        }
        if (!src)
            return NULL;
        /* TRIM(mode, src [, chars]) */
        nl_push(p->arena, &f->args, kx);
        nl_push(p->arena, &f->args, src);
        if (chars)
            nl_push(p->arena, &f->args, chars);
        f->upper = "TRIM";
    } else if (!strcmp(u, "POSITION")) {
        Node *a = ps_expr_prec(p, P_CMP + 1);
        if (!a || !ps_expect_kw(p, KW_IN))
            return NULL;
        Node *b = ps_expr(p);
        if (!b)
            return NULL;
        nl_push(p->arena, &f->args, a);
        nl_push(p->arena, &f->args, b);
    } else { /* SUBSTRING(s FROM a [FOR b]) */
        Node *s = ps_expr(p);
        if (!s)
            return NULL;
        nl_push(p->arena, &f->args, s);
        if (ps_accept_kw(p, KW_FROM) || ps_accept(p, TK_COMMA)) {
            Node *a = ps_expr(p);
            if (!a)
                return NULL;
            nl_push(p->arena, &f->args, a);
            if (ps_accept_kw(p, KW_FOR) || ps_accept(p, TK_COMMA)) {
                Node *b = ps_expr(p);
                if (!b)
                    return NULL;
                nl_push(p->arena, &f->args, b);
            }
        }
    }
    if (!ps_expect(p, TK_RPAREN))
        return NULL;
    f->h.span = ps_span_from(p, from);
    return &f->h;
}

static Node *interval_expr(Parser *p, int from)
{
    ps_advance(p); /* INTERVAL */
    IntervalExpr *iv = NODE_NEW(p->arena, IntervalExpr, INTERVAL, ps_tok_span(p, ps_cur(p)));
    iv->value = ps_expr_prec(p, P_MUL + 1);
    if (!iv->value)
        return NULL;
    /* unit words: DAY, YEAR TO MONTH, DAY(3) TO SECOND(2), DAY_HOUR ... */
    int uf = p->pos;
    if (ps_is(p, TK_IDENT)) {
        ps_advance(p);
        if (ps_is(p, TK_LPAREN))
            ps_skip_parens(p);
        if (ps_accept_kw(p, KW_TO)) {
            if (!ps_is(p, TK_IDENT))
                return ps_error(p, "expected an interval unit after TO");
            ps_advance(p);
            if (ps_is(p, TK_LPAREN))
                ps_skip_parens(p);
        }
        SrcSpan s = ps_span_from(p, uf);
        char *u = arena_strndup(p->arena, p->src->text + s.off, s.len);
        for (char *c = u; *c; c++)
            if (*c >= 'a' && *c <= 'z')
                *c -= 32;
        iv->unit = u;
    }
    iv->h.span = ps_span_from(p, from);
    return &iv->h;
}

static Node *name_or_call(Parser *p, int from)
{
    QName q;
    if (!ps_qname(p, &q))
        return NULL;
    /* t.* */
    if (ps_is(p, TK_DOT) && ps_peek(p, 1)->kind == TK_STAR) {
        ps_advance(p);
        ps_advance(p);
        StarRef *s = NODE_NEW(p->arena, StarRef, STAR, ps_span_from(p, from));
        s->qual = q;
        return &s->h;
    }
    if (p->d == DIALECT_TSQL && q.n == 1 && ps_is(p, TK_DCOLON) && ps_peek(p, 1)->kind == TK_IDENT &&
        ps_peek(p, 2)->kind == TK_LPAREN) {
        /* static method of a CLR type: hierarchyid::GetRoot(); one name "type::Method" */
        ps_advance(p);
        const char *m = ps_tok_text(p, ps_cur(p));
        Ident id = q.parts[0];
        const char *t = arena_printf(p->arena, "%.*s::%s", (int)id.len, id.text, m);
        q.parts[0] = ident_make(p->arena, t);
        q.parts[0].span = ps_span_from(p, from);
        ps_advance(p);
        return func_call(p, from, &q);
    }
    if (ps_is(p, TK_LPAREN)) {
        const char *u = upper_last(p, &q);
        if (q.n == 1 && (!strcmp(u, "EXTRACT") || !strcmp(u, "POSITION") ||
                         (!strcmp(u, "TRIM") && p->d != DIALECT_TSQL) ||
                         ((!strcmp(u, "SUBSTRING") || !strcmp(u, "SUBSTR")) && p->d != DIALECT_TSQL))) {
            /* only the keyword forms need special handling; plain calls work too */
            return special_call(p, from, &q, u);
        }
        return func_call(p, from, &q);
    }
    NameRef *n = NODE_NEW(p->arena, NameRef, NAME, ps_span_from(p, from));
    n->name = q;
    return &n->h;
}

static Node *primary(Parser *p)
{
    const Token *t = ps_cur(p);
    int from = p->pos;
    switch (t->kind) {
    case TK_STRING: case TK_NSTRING: case TK_QSTRING: case TK_DOLLAR_STRING:
        return &ps_string_literal(p)->h;
    case TK_INTEGER: case TK_DECIMAL: case TK_HEX: case TK_XSTRING: case TK_BSTRING:
        return &number_literal(p, t)->h;
    case TK_VAR: case TK_GVAR: case TK_BIND: case TK_SUBST: case TK_QUESTION: {
        VarRef *v = NODE_NEW(p->arena, VarRef, VAR, ps_tok_span(p, t));
        v->vk = t->kind == TK_VAR ? VK_LOCAL : t->kind == TK_GVAR ? VK_GLOBAL
              : t->kind == TK_SUBST ? VK_SUBST : VK_BIND;
        v->name = ps_tok_text(p, t);
        ps_advance(p);
        /* MySQL @x := expr inside expressions */
        return &v->h;
    }
    case TK_PARAM: {
        ParamRef *pr = NODE_NEW(p->arena, ParamRef, PARAM, ps_tok_span(p, t));
        const char *s = p->src->text + t->off + 1;
        pr->index = (int)strtol(s, NULL, 10);
        ps_advance(p);
        return &pr->h;
    }
    case TK_STAR: {
        StarRef *s = NODE_NEW(p->arena, StarRef, STAR, ps_tok_span(p, t));
        ps_advance(p);
        return &s->h;
    }
    case TK_LPAREN: {
        ps_advance(p);
        if (ps_starts_query(p)) {
            Node *q = ps_query(p);
            if (!q || !ps_expect(p, TK_RPAREN))
                return NULL;
            SubqueryExpr *s = NODE_NEW(p->arena, SubqueryExpr, SUBQUERY, ps_span_from(p, from));
            s->query = q;
            return &s->h;
        }
        Node *e = ps_expr(p);
        if (!e)
            return NULL;
        if (ps_is(p, TK_COMMA)) {
            RowExpr *r = NODE_NEW(p->arena, RowExpr, ROW, e->span);
            nl_push(p->arena, &r->items, e);
            while (ps_accept(p, TK_COMMA)) {
                Node *x = ps_expr(p);
                if (!x)
                    return NULL;
                nl_push(p->arena, &r->items, x);
            }
            if (!ps_expect(p, TK_RPAREN))
                return NULL;
            r->h.span = ps_span_from(p, from);
            return &r->h;
        }
        if (!ps_expect(p, TK_RPAREN))
            return NULL;
        e->flags |= NF_PARENS;
        return e;
    }
    case TK_LBRACE: {
        /* ODBC escape {fn NOW()} / {d '2020-01-01'}: take the inner expression */
        ps_advance(p);
        if (ps_is_word(p, "fn") || ps_is_word(p, "d") || ps_is_word(p, "t") || ps_is_word(p, "ts"))
            ps_advance(p);
        Node *e = ps_expr(p);
        if (!e || !ps_expect(p, TK_RBRACE))
            return NULL;
        return e;
    }
    case TK_IDENT:
        switch (t->kw) {
        case KW_NULL: { ps_advance(p); return &lit(p, LIT_NULL, t, "NULL", 4)->h; }
        case KW_TRUE: { ps_advance(p); return &lit(p, LIT_TRUE, t, "TRUE", 4)->h; }
        case KW_FALSE: { ps_advance(p); return &lit(p, LIT_FALSE, t, "FALSE", 5)->h; }
        case KW_CASE: return case_expr(p, from);
        case KW_EXISTS: {
            ps_advance(p);
            if (!ps_expect(p, TK_LPAREN))
                return NULL;
            Node *q = ps_query(p);
            if (!q || !ps_expect(p, TK_RPAREN))
                return NULL;
            ExistsExpr *e = NODE_NEW(p->arena, ExistsExpr, EXISTS, ps_span_from(p, from));
            e->query = q;
            return &e->h;
        }
        case KW_CAST:
            if (ps_peek(p, 1)->kind == TK_LPAREN)
                return cast_call(p, from, CAST_CAST);
            break;
        case KW_TRY_CAST:
            if (ps_peek(p, 1)->kind == TK_LPAREN)
                return cast_call(p, from, CAST_TRY_CAST);
            break;
        case KW_CONVERT:
            if (p->d == DIALECT_TSQL && ps_peek(p, 1)->kind == TK_LPAREN)
                return cast_call(p, from, CAST_CONVERT);
            break;
        case KW_TRY_CONVERT:
            if (ps_peek(p, 1)->kind == TK_LPAREN)
                return cast_call(p, from, CAST_TRY_CONVERT);
            break;
        case KW_INTERVAL:
            if (p->d != DIALECT_TSQL)
                return interval_expr(p, from);
            break;
        case KW_DEFAULT: {
            KeywordExpr *k = NODE_NEW(p->arena, KeywordExpr, KEYWORD_EXPR, ps_tok_span(p, t));
            k->word = "DEFAULT";
            ps_advance(p);
            return &k->h;
        }
        case KW_DATE: case KW_TIMESTAMP: case KW_TIME:
            /* typed literal DATE '2020-01-01' */
            if (p->d != DIALECT_TSQL && is_string_tok(ps_peek(p, 1)->kind)) {
                TypeName *ty = NODE_NEW(p->arena, TypeName, TYPE, ps_tok_span(p, t));
                ty->upper = ps_tok_upper(p, t);
                ty->name.n = 1;
                ty->name.parts[0].text = ty->upper;
                ty->name.parts[0].len = (uint32_t)strlen(ty->upper);
                ty->srid = -1;
                ps_advance(p);
                CastExpr *c = NODE_NEW(p->arena, CastExpr, CAST, ps_tok_span(p, t));
                c->syntax = CAST_TYPED_LITERAL;
                c->type = ty;
                c->expr = &ps_string_literal(p)->h;
                c->h.span = ps_span_from(p, from);
                return &c->h;
            }
            break;
        default:
            break;
        }
        /* MySQL charset introducer: _utf8mb4'text' */
        if (p->d == DIALECT_MYSQL && p->src->text[t->off] == '_' && is_string_tok(ps_peek(p, 1)->kind) &&
            !(ps_peek(p, 1)->flags & TF_SPACE_BEFORE)) {
            const char *cs = ps_tok_text(p, t);
            ps_advance(p);
            Literal *l = ps_string_literal(p);
            l->charset = cs;
            l->h.span = ps_span_from(p, from);
            return &l->h;
        }
        if (is_niladic(p, t) && ps_peek(p, 1)->kind != TK_LPAREN && ps_peek(p, 1)->kind != TK_DOT) {
            FuncCall *f = NODE_NEW(p->arena, FuncCall, FUNC, ps_tok_span(p, t));
            f->name.n = 1;
            f->name.parts[0].text = ps_tok_text(p, t);
            f->name.parts[0].len = t->len;
            f->name.parts[0].span = ps_tok_span(p, t);
            f->upper = ps_tok_upper(p, t);
            f->noparens = 1;
            ps_advance(p);
            return &f->h;
        }
        /* a reserved word is a name only when called: LEFT(..), IF(..) */
        if (kw_reserved(t->kw) && ps_peek(p, 1)->kind != TK_LPAREN)
            break;
        return name_or_call(p, from);
    case TK_QIDENT:
        return name_or_call(p, from);
    default:
        break;
    }
    char buf[64];
    const char *what = "an expression";
    (void)buf;
    if (t->kind == TK_EOF)
        return ps_error(p, "expected %s, found end of input", what);
    return ps_error(p, "expected %s, found '%.*s'", what, (int)(t->len > 40 ? 40 : t->len),
                    p->src->text + t->off);
}

/* ---- data types ---- */

/* Multi-word type names, longest first where they share a prefix. */
static const char *const multiword[] = {
    "DOUBLE PRECISION", "CHARACTER VARYING", "CHAR VARYING", "NATIONAL CHARACTER VARYING",
    "NATIONAL CHAR VARYING", "NATIONAL CHARACTER", "NATIONAL CHAR", "NCHAR VARYING",
    "LONG RAW", "LONG VARCHAR", "LONG VARBINARY", "BINARY VARYING", "BIT VARYING",
    "CHARACTER LARGE OBJECT", "BINARY LARGE OBJECT", NULL};

static int word_at(Parser *p, int k, const char *w, size_t n)
{
    const Token *t = ps_peek(p, k);
    return t->kind == TK_IDENT && t->len == n && strncasecmp(p->src->text + t->off, w, n) == 0;
}

TypeName *ps_type(Parser *p)
{
    int from = p->pos;
    TypeName *t = NODE_NEW(p->arena, TypeName, TYPE, ps_tok_span(p, ps_cur(p)));
    t->srid = -1;
    /* multi-word names (all of two words or more) */
    int two_words = ps_is(p, TK_IDENT) && ps_peek(p, 1)->kind == TK_IDENT;
    /* upper case of the first letter (the names start with one): most
     * types (INT NOT NULL, ...) match no name's first letter */
    unsigned char first = two_words ? (unsigned char)(p->src->text[ps_cur(p)->off] & ~0x20) : 0;
    for (int i = 0; two_words && multiword[i]; i++) {
        const char *w = multiword[i];
        if ((unsigned char)w[0] != first)
            continue;
        int k = 0;
        const char *s = w;
        int ok = 1;
        while (*s) {
            const char *e = strchr(s, ' ');
            size_t n = e ? (size_t)(e - s) : strlen(s);
            if (!word_at(p, k, s, n)) {
                ok = 0;
                break;
            }
            k++;
            s += n;
            while (*s == ' ')
                s++;
        }
        if (ok) {
            for (int j = 0; j < k; j++)
                ps_advance(p);
            t->upper = w;
            t->name.n = 1;
            t->name.parts[0].text = w;
            t->name.parts[0].len = (uint32_t)strlen(w);
            goto args;
        }
    }
    if (!ps_qname(p, &t->name))
        return NULL;
    if (t->name.n == 1 || (t->name.n == 2 && ident_eq(&t->name.parts[0], "sys"))) {
        const Ident *id = &t->name.parts[t->name.n - 1];
        char *u = arena_strndup(p->arena, id->text, id->len);
        for (char *c = u; *c; c++)
            if (*c >= 'a' && *c <= 'z')
                *c -= 32;
        t->upper = u;
    } else {
        t->upper = qname_text(p->arena, &t->name); /* user type: keep qualified */
    }
    if (ps_is(p, TK_PERCENT) && ps_peek(p, 1)->kind == TK_IDENT) {
        /* PL/SQL anchors: t.c%TYPE, t%ROWTYPE */
        ps_advance(p);
        t->anchor = ps_tok_upper(p, ps_cur(p));
        ps_advance(p);
        t->h.span = ps_span_from(p, from);
        return t;
    }
args:
    if (ps_is(p, TK_LPAREN)) {
        ps_advance(p);
        int is_enum = !strcmp(t->upper, "ENUM") || !strcmp(t->upper, "SET");
        do {
            if (is_enum) {
                if (!is_string_tok(ps_cur(p)->kind))
                    return ps_error(p, "expected a string in %s(...)", t->upper);
                nl_push(p->arena, &t->values, ps_string_literal(p));
                continue;
            }
            if (ps_is_kw(p, KW_MAX) || ps_is_word(p, "MAX")) {
                t->is_max = 1;
                ps_advance(p);
            } else if (ps_is(p, TK_STAR)) {
                t->star_prec = 1;
                ps_advance(p);
            } else {
                Node *e = ps_expr_prec(p, P_ADD);
                if (!e)
                    return NULL;
                nl_push(p->arena, &t->args, e);
            }
            if (ps_is_kw(p, KW_CHAR) || ps_is_kw(p, KW_BYTE)) {
                t->char_sem = ps_is_kw(p, KW_CHAR) ? "CHAR" : "BYTE";
                ps_advance(p);
            }
        } while (ps_accept(p, TK_COMMA));
        if (!ps_expect(p, TK_RPAREN))
            return NULL;
    }
    /* suffixes */
    for (;;) {
        if (ps_is_kw(p, KW_WITH) && (ps_peek_kw(p, 1, KW_TIME) || ps_peek_kw(p, 1, KW_LOCAL))) {
            int local = ps_peek_kw(p, 1, KW_LOCAL);
            ps_advance(p);
            ps_advance(p);
            if (local)
                ps_advance(p); /* TIME */
            if (!ps_expect_kw(p, KW_ZONE))
                return NULL;
            t->suffix = local ? "WITH LOCAL TIME ZONE" : "WITH TIME ZONE";
        } else if (ps_is_kw(p, KW_WITHOUT) && ps_peek_kw(p, 1, KW_TIME)) {
            ps_advance(p);
            ps_advance(p);
            if (!ps_expect_kw(p, KW_ZONE))
                return NULL;
        } else if (!strcmp(t->upper, "INTERVAL") && ps_is(p, TK_IDENT) && !t->suffix) {
            /* INTERVAL YEAR [(n)] TO MONTH, INTERVAL DAY [(n)] TO SECOND [(n)] */
            int sf = p->pos;
            ps_advance(p);
            if (ps_is(p, TK_LPAREN))
                ps_skip_parens(p);
            if (ps_accept_kw(p, KW_TO)) {
                ps_advance(p);
                if (ps_is(p, TK_LPAREN))
                    ps_skip_parens(p);
            }
            SrcSpan s = ps_span_from(p, sf);
            char *u = arena_strndup(p->arena, p->src->text + s.off, s.len);
            for (char *c = u; *c; c++)
                if (*c >= 'a' && *c <= 'z')
                    *c -= 32;
            t->suffix = u;
        } else if (ps_is_kw(p, KW_UNSIGNED)) {
            ps_advance(p);
            t->is_unsigned = 1;
        } else if (ps_is_word(p, "SIGNED")) {
            ps_advance(p);
        } else if (ps_is_kw(p, KW_ZEROFILL)) {
            ps_advance(p);
            t->zerofill = 1;
        } else if ((ps_is_kw(p, KW_CHARACTER) && ps_peek_kw(p, 1, KW_SET)) || ps_is_kw(p, KW_CHARSET)) {
            if (ps_is_kw(p, KW_CHARACTER))
                ps_advance(p);
            ps_advance(p);
            Ident cs;
            if (!ps_ident(p, &cs))
                return NULL;
            t->charset = cs.text;
        } else if (ps_is_kw(p, KW_BINARY) && p->d == DIALECT_MYSQL) {
            ps_advance(p); /* VARCHAR(10) BINARY: binary collation */
        } else if (ps_is_kw(p, KW_COLLATE) && p->d == DIALECT_MYSQL) {
            ps_advance(p);
            if (!ps_ident(p, &t->collate))
                return NULL;
        } else if (ps_is_kw(p, KW_SRID) && ps_peek(p, 1)->kind == TK_INTEGER) {
            ps_advance(p);
            t->srid = (int)strtol(p->src->text + ps_cur(p)->off, NULL, 10);
            ps_advance(p);
        } else if (ps_is(p, TK_LBRACKET) && p->d == DIALECT_POSTGRES) {
            ps_advance(p);
            ps_accept(p, TK_INTEGER);
            if (!ps_expect(p, TK_RBRACKET))
                return NULL;
            t->array = 1;
        } else {
            break;
        }
    }
    t->h.span = ps_span_from(p, from);
    return t;
}
