/* emit: the generic printer. Prints every node kind as canonical SQL of the
 * target; what differs per target comes from EmitTarget (emit_postgres.c,
 * emit_mysql.c). Statements are split into output units: a table, its
 * foreign keys (always moved out so tables can be created in any order) and
 * its inline indexes. Statements that are not converted are printed as
 * "-- | " comment lines, after "-- CODE severity: message" lines naming why. */
#include "emit/emit_target.h"
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

typedef struct Em {
    ConvCtx *cx;
    const EmitTarget *t;
    int pg, my;           /* target flags */
    int derived_alias;    /* counter for generated derived-table aliases */
} Em;

static Em em_of(ConvCtx *cx)
{
    Em e;
    memset(&e, 0, sizeof e);
    e.cx = cx;
    e.pg = cx->target == DIALECT_POSTGRES;
    e.my = cx->target == DIALECT_MYSQL;
    e.t = e.my ? &em_target_mysql : &em_target_postgres;
    return e;
}

static void expr(Em *e, StrBuf *b, const Node *n);
static void query(Em *e, StrBuf *b, const Node *q);
static void from_item(Em *e, StrBuf *b, const Node *n);

/* ---- small pieces ---- */

/* 1 if one of the 8 bytes at p is ', NUL or (backslash_escapes) \\: a byte
 * of v is zero iff (v - 0x01..01) & ~v has its top bit (the usual test). */
static int has_special8(const char *p, int backslash_escapes)
{
    const uint64_t ones = 0x0101010101010101ull, top = 0x8080808080808080ull;
    uint64_t x;
    memcpy(&x, p, 8);
    uint64_t q = x ^ ('\'' * ones), z = ((x - ones) & ~x) | ((q - ones) & ~q);
    if (backslash_escapes) {
        uint64_t k = x ^ ('\\' * ones);
        z |= (k - ones) & ~k;
    }
    return (z & top) != 0;
}

void em_string_literal(StrBuf *b, const char *s, size_t n, int backslash_escapes)
{
    /* Written in place: room for the quotes and the bytes as they are,
     * made once; a byte that is escaped (quote, NUL, backslash) makes room
     * for the rest again, as it may write one byte more than it reads.
     * Eight bytes at a time are copied while none of them is special; the
     * eight holding a special byte, and the tail, go byte by byte. */
    if (b->len + n + 3 > b->cap) /* (sb_grow's own test, without the call) */
        sb_grow(b, n + 2);
    char *o = b->s + b->len;
    *o++ = '\'';
    size_t i = 0;
    for (;;) {
        while (i + 8 <= n && !has_special8(s + i, backslash_escapes)) {
            memcpy(o, s + i, 8);
            o += 8;
            i += 8;
        }
        size_t end = i + 8;
        if (end > n) {
            if (i == n)
                break;
            if (n >= 8 && !has_special8(s + n - 8, backslash_escapes)) {
                /* the tail, with the bytes before it that were copied as
                 * they are (none of the last eight is escaped): one move */
                size_t back = i - (n - 8);
                memcpy(o - back, s + n - 8, 8);
                o += n - i;
                break;
            }
            end = n;
        }
        for (; i < end; i++) {
            char c = s[i];
            if (c != '\'' && c != 0 && !(backslash_escapes && c == '\\')) {
                *o++ = c;
                continue;
            }
            b->len = (size_t)(o - b->s);
            sb_grow(b, 2 + (n - i - 1) + 1); /* this byte's two, the rest, the quote */
            o = b->s + b->len;
            if (c == 0) {
                if (backslash_escapes) {
                    *o++ = '\\';
                    *o++ = '0';
                }
                continue;
            }
            *o++ = c; /* doubled: '' or \\ */
            *o++ = c;
        }
    }
    *o++ = '\'';
    *o = 0;
    b->len = (size_t)(o - b->s);
}

/* memcpy(o, s, n) for a line of a few dozen bytes: sixteen bytes at a time
 * and the last sixteen (or two overlapping pieces of 8, 4 or 1 bytes) as one
 * move, neither read nor written past n (the call the compiler made of the
 * memcpy cost a step per byte). */
static inline void copy_line(char *o, const char *s, size_t n)
{
    if (n >= 16) {
        char v[16];
        for (size_t k = 0; k + 16 < n; k += 16) {
            memcpy(v, s + k, 16);
            memcpy(o + k, v, 16);
        }
        memcpy(v, s + n - 16, 16);
        memcpy(o + n - 16, v, 16);
    } else if (n >= 8) {
        uint64_t x, y;
        memcpy(&x, s, 8);
        memcpy(&y, s + n - 8, 8);
        memcpy(o, &x, 8);
        memcpy(o + n - 8, &y, 8);
    } else if (n >= 4) {
        uint32_t x, y;
        memcpy(&x, s, 4);
        memcpy(&y, s + n - 4, 4);
        memcpy(o, &x, 4);
        memcpy(o + n - 4, &y, 4);
    } else {
        for (size_t k = 0; k < n; k++)
            o[k] = s[k];
    }
}

/* Copies the line at s (up to its '\n' or the text's end n) to o and
 * returns its length: sixteen bytes at a time, the '\n' looked for in the
 * bytes just moved (one pass, no memchr call per line). A move may copy
 * bytes past the line but never past n: o has room for n bytes. */
static inline size_t copy_to_newline(char *o, const char *s, size_t n)
{
    size_t k = 0;
#ifdef __SSE2__
    const __m128i nl = _mm_set1_epi8('\n');
    for (; k + 16 <= n; k += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + k));
        _mm_storeu_si128((__m128i *)(void *)(o + k), x);
        unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, nl));
        if (m)
            return k + (size_t)__builtin_ctz(m);
    }
#endif
    const char *e = memchr(s + k, '\n', n - k); /* the text's last bytes */
    size_t z = e ? (size_t)(e - s) : n;
    copy_line(o + k, s + k, z - k);
    return z;
}

/* The bytes trimmed from the end of a line kept verbatim. */
static const unsigned char line_blank[256] = {[' '] = 1, ['\t'] = 1, ['\r'] = 1};

void em_verbatim(StrBuf *b, const char *text, size_t len)
{
    size_t i = 0;
    sb_grow(b, len + len / 16 + 8); /* the text and most prefixes, at once */
    while (i < len) {
        /* room for the prefix, the rest of the text and the line break */
        if (b->len + (len - i) + 8 > b->cap)
            sb_grow(b, len - i + 8);
        /* the line written in place: "-- | " (no blank after the bar on
         * an empty line), its text less trailing blanks, the line break */
        char *o = b->s + b->len;
        memcpy(o, "-- | ", 5);
        size_t e = i + copy_to_newline(o + 5, text + i, len - i);
        size_t z = e;
        while (z > i && line_blank[(unsigned char)text[z - 1]])
            z--;
        size_t pre = z > i ? 5 : 4, n = z - i;
        o[pre + n] = '\n';
        b->len += pre + n + 1;
        i = e + 1;
    }
    if (b->s)
        b->s[b->len] = 0;
}

void em_ident(ConvCtx *cx, StrBuf *b, const Ident *id)
{
    nm_put_ident(cx, b, id);
}

/* Object names: a database (and server) part is dropped; the rewrite stage
 * reports it. Empty parts (T-SQL db..t) are skipped. */
static int is_default_schema(const ConvCtx *cx, const Ident *id)
{
    const char *d = cx->default_schema;
    return d && id->text && strlen(d) == id->len && strncasecmp(d, id->text, id->len) == 0;
}

/* The first part of q that is printed: schema.object at most. */
static int qname_from(const ConvCtx *cx, const QName *q)
{
    int from = q->n > 2 ? q->n - 2 : 0;
    if (q->n >= 2 && is_default_schema(cx, &q->parts[q->n - 2]))
        from = q->n - 1;
    return from;
}

void em_qname(ConvCtx *cx, StrBuf *b, const QName *q)
{
    int first = 1;
    for (int i = qname_from(cx, q); i < q->n; i++) {
        if (!q->parts[i].text || !q->parts[i].len)
            continue;
        if (!first)
            sb_putc(b, '.');
        nm_put_ident(cx, b, &q->parts[i]);
        first = 0;
    }
}

/* Column references keep up to schema.table.column. */
static void colref(Em *e, StrBuf *b, const QName *q)
{
    int from = q->n > 3 ? q->n - 3 : 0;
    if (q->n >= 3 && is_default_schema(e->cx, &q->parts[q->n - 3]))
        from = q->n - 2;
    int first = 1;
    for (int i = from; i < q->n; i++) {
        if (!q->parts[i].text || !q->parts[i].len)
            continue;
        if (!first)
            sb_putc(b, '.');
        nm_put_ident(e->cx, b, &q->parts[i]);
        first = 0;
    }
}

static void last_part(Em *e, StrBuf *b, const QName *q)
{
    if (q->n)
        nm_put_ident(e->cx, b, &q->parts[q->n - 1]);
}

void em_type(ConvCtx *cx, StrBuf *b, const TypeName *t)
{
    if (t->target_text) {
        sb_puts(b, t->target_text);
        return;
    }
    if (t->upper && (t->name.n <= 1)) {
        for (const char *s = t->upper; *s; s++)
            sb_putc(b, (*s >= 'A' && *s <= 'Z') ? (char)(*s + 32) : *s);
    } else {
        em_qname(cx, b, &t->name);
    }
    if (t->args.n || t->is_max) {
        Em e = em_of(cx);
        sb_putc(b, '(');
        if (t->is_max)
            sb_puts(b, "max");
        for (int i = 0; i < t->args.n; i++) {
            if (i || t->is_max)
                sb_puts(b, ", ");
            expr(&e, b, t->args.items[i]);
        }
        sb_putc(b, ')');
    }
    if (t->suffix) {
        sb_putc(b, ' ');
        for (const char *s = t->suffix; *s; s++)
            sb_putc(b, (*s >= 'A' && *s <= 'Z') ? (char)(*s + 32) : *s);
    }
}

static void list(Em *e, StrBuf *b, const NodeList *l, const char *sep)
{
    for (int i = 0; i < l->n; i++) {
        if (i)
            sb_puts(b, sep);
        expr(e, b, l->items[i]);
    }
}

static void idents(Em *e, StrBuf *b, const IdentList *l)
{
    nm_put_ident_list(e->cx, b, l);
}

static void order_list(Em *e, StrBuf *b, const NodeList *l)
{
    for (int i = 0; i < l->n; i++) {
        if (i)
            sb_puts(b, ", ");
        const OrderItem *o = (const OrderItem *)l->items[i];
        /* MySQL has no NULLS FIRST / LAST: a key "x IS NULL" before x
         * (an ordinal ORDER BY 1 cannot take one: left as it is) */
        if (o->nulls && !e->pg && o->expr && o->expr->kind != N_LITERAL) {
            expr(e, b, o->expr);
            sb_puts(b, o->nulls == 1 ? " IS NULL DESC, " : " IS NULL, ");
        }
        expr(e, b, o->expr);
        if (o->desc)
            sb_puts(b, " DESC");
        if (o->nulls && e->pg)
            sb_puts(b, o->nulls == 1 ? " NULLS FIRST" : " NULLS LAST");
    }
}

/* ---- expressions ---- */

static int prec_of(Em *e, const Node *n)
{
    if (!n || (n->flags & NF_PARENS))
        return 100;
    switch (n->kind) {
    case N_BINARY:
        if (e->my && ((const BinaryExpr *)n)->op == B_CONCAT)
            return 100;
        if (e->pg && ((const BinaryExpr *)n)->op == B_INTDIV)
            return 100;
        return e->t->binop_prec(((const BinaryExpr *)n)->op);
    case N_UNARY:
        return ((const UnaryExpr *)n)->op == U_NOT ? (e->pg ? 3 : 4) : 50;
    case N_IS: case N_IN: case N_BETWEEN: case N_LIKE: case N_QUANTIFIED:
        return 5;
    case N_COLLATE:
        return 60;
    default:
        return 100;
    }
}

static void sub(Em *e, StrBuf *b, const Node *n, int min)
{
    if (n && !(n->flags & NF_PARENS) && prec_of(e, n) < min) {
        sb_putc(b, '(');
        expr(e, b, n);
        sb_putc(b, ')');
    } else {
        expr(e, b, n);
    }
}

static void flatten_concat(Em *e, StrBuf *b, const Node *n, int *first)
{
    if (n->kind == N_BINARY && ((const BinaryExpr *)n)->op == B_CONCAT && !(n->flags & NF_PARENS)) {
        flatten_concat(e, b, ((const BinaryExpr *)n)->l, first);
        flatten_concat(e, b, ((const BinaryExpr *)n)->r, first);
        return;
    }
    if (!*first)
        sb_puts(b, ", ");
    *first = 0;
    expr(e, b, n);
}

static void binary(Em *e, StrBuf *b, const BinaryExpr *x)
{
    if (x->op == B_CONCAT && e->my) {
        int first = 1;
        sb_puts(b, "CONCAT(");
        /* start from the operands: the node itself may carry NF_PARENS */
        flatten_concat(e, b, x->l, &first);
        flatten_concat(e, b, x->r, &first);
        sb_putc(b, ')');
        return;
    }
    if (x->op == B_INTDIV && e->pg) {
        sb_puts(b, "div(");
        expr(e, b, x->l);
        sb_puts(b, ", ");
        expr(e, b, x->r);
        sb_putc(b, ')');
        return;
    }
    int p = e->t->binop_prec(x->op);
    sub(e, b, x->l, p);
    sb_putc(b, ' ');
    sb_puts(b, e->t->binop_text(x->op));
    sb_putc(b, ' ');
    sub(e, b, x->r, p + 1);
}

static void window(Em *e, StrBuf *b, const WindowSpec *w)
{
    int sp = 0;
    if (w->ref.text) {
        nm_put_ident(e->cx, b, &w->ref);
        sp = 1;
    }
    if (w->partition.n) {
        sb_puts(b, sp ? " PARTITION BY " : "PARTITION BY ");
        list(e, b, &w->partition, ", ");
        sp = 1;
    }
    if (w->order.n) {
        sb_puts(b, sp ? " ORDER BY " : "ORDER BY ");
        order_list(e, b, &w->order);
        sp = 1;
    }
    if (w->frame) {
        if (sp)
            sb_putc(b, ' ');
        sb_puts(b, w->frame);
    }
}

static void func(Em *e, StrBuf *b, const FuncCall *f)
{
    if (f->name.n == 1)
        nm_put_func_name(e->cx, b, &f->name.parts[0]);
    else
        em_qname(e->cx, b, &f->name);
    if (f->noparens)
        return;
    if (f->upper && !strcmp(f->upper, "EXTRACT") && f->args.n == 2 && f->args.items[0]->kind == N_KEYWORD_EXPR) {
        sb_printf(b, "(%s FROM ", ((const KeywordExpr *)f->args.items[0])->word);
        expr(e, b, f->args.items[1]);
        sb_putc(b, ')');
        return;
    }
    sb_putc(b, '(');
    if (f->distinct)
        sb_puts(b, "DISTINCT ");
    if (f->star)
        sb_putc(b, '*');
    list(e, b, &f->args, ", ");
    if (f->order.n) {
        sb_puts(b, " ORDER BY ");
        order_list(e, b, &f->order);
    }
    if (f->separator && e->my) {
        sb_puts(b, " SEPARATOR ");
        expr(e, b, f->separator);
    }
    sb_putc(b, ')');
    if (f->within.n) {
        sb_puts(b, " WITHIN GROUP (ORDER BY ");
        order_list(e, b, &f->within);
        sb_putc(b, ')');
    }
    if (f->filter) {
        sb_puts(b, " FILTER (WHERE ");
        expr(e, b, f->filter);
        sb_putc(b, ')');
    }
    if (f->over) {
        sb_puts(b, " OVER ");
        if (f->over->ref.text && !f->over->partition.n && !f->over->order.n && !f->over->frame) {
            nm_put_ident(e->cx, b, &f->over->ref);
        } else {
            sb_putc(b, '(');
            window(e, b, f->over);
            sb_putc(b, ')');
        }
    }
}

static void interval(Em *e, StrBuf *b, const IntervalExpr *iv)
{
    const char *unit = iv->unit ? iv->unit : "DAY";
    if (e->my) {
        sb_puts(b, "INTERVAL ");
        sub(e, b, iv->value, 100);
        sb_putc(b, ' ');
        sb_puts(b, unit);
        return;
    }
    const Node *v = iv->value;
    if (v->kind == N_LITERAL && (((const Literal *)v)->lk == LIT_STRING ||
                                 ((const Literal *)v)->lk == LIT_INTEGER ||
                                 ((const Literal *)v)->lk == LIT_DECIMAL)) {
        const Literal *l = (const Literal *)v;
        sb_puts(b, "INTERVAL ");
        em_string_literal(b, l->value, l->len, 0);
        sb_putc(b, ' ');
        sb_puts(b, unit);
        return;
    }
    sb_putc(b, '(');
    expr(e, b, v);
    sb_puts(b, ") * INTERVAL '1' ");
    sb_puts(b, unit);
}

static void literal(Em *e, StrBuf *b, const Literal *l)
{
    switch (l->lk) {
    case LIT_NULL: sb_puts(b, "NULL"); break;
    case LIT_TRUE: sb_puts(b, "TRUE"); break;
    case LIT_FALSE: sb_puts(b, "FALSE"); break;
    case LIT_INTEGER: case LIT_DECIMAL: sb_putn(b, l->value, l->len); break;
    case LIT_MONEY: sb_putn(b, l->value + 1, l->len ? l->len - 1 : 0); break;
    default: e->t->literal(e->cx, b, l); break;
    }
}

/* A VALUES row: what list() prints, with literals (most items of a data
 * script) printed without going through expr's switch. */
static void values_row(Em *e, StrBuf *b, const NodeList *l)
{
    for (int i = 0; i < l->n; i++) {
        if (i)
            sb_putn(b, ", ", 2);
        const Node *x = l->items[i];
        if (x && x->kind == N_LITERAL && !(x->flags & NF_PARENS))
            literal(e, b, (const Literal *)x);
        else
            expr(e, b, x);
    }
}

static void expr(Em *e, StrBuf *b, const Node *n)
{
    if (!n)
        return;
    int parens = (n->flags & NF_PARENS) && n->kind != N_SUBQUERY && n->kind != N_ROW;
    if (parens)
        sb_putc(b, '(');
    switch (n->kind) {
    case N_NAME:
        colref(e, b, &((const NameRef *)n)->name);
        /* an Oracle (+) the rewrite could not turn into a join stays visible:
         * the target rejects it rather than silently dropping the outer join */
        if (n->flags & NF_OUTER_JOIN)
            sb_puts(b, "(+)");
        break;
    case N_STAR: {
        const StarRef *s = (const StarRef *)n;
        if (s->qual.n) {
            colref(e, b, &s->qual);
            sb_putc(b, '.');
        }
        sb_putc(b, '*');
        break;
    }
    case N_LITERAL: literal(e, b, (const Literal *)n); break;
    case N_VAR: sb_puts(b, ((const VarRef *)n)->name); break;
    case N_PARAM: sb_printf(b, "$%d", ((const ParamRef *)n)->index); break;
    case N_UNARY: {
        const UnaryExpr *u = (const UnaryExpr *)n;
        switch (u->op) {
        case U_NEG: sb_putc(b, '-'); sub(e, b, u->arg, 50); break;
        case U_PLUS: sb_putc(b, '+'); sub(e, b, u->arg, 50); break;
        case U_BITNOT: sb_putc(b, '~'); sub(e, b, u->arg, 50); break;
        case U_NOT: sb_puts(b, "NOT "); sub(e, b, u->arg, 4); break;
        case U_PRIOR: sb_puts(b, "PRIOR "); sub(e, b, u->arg, 50); break;
        default: sb_puts(b, "CONNECT_BY_ROOT "); sub(e, b, u->arg, 50); break;
        }
        break;
    }
    case N_BINARY: binary(e, b, (const BinaryExpr *)n); break;
    case N_FUNC: func(e, b, (const FuncCall *)n); break;
    case N_CASE: {
        const CaseExpr *c = (const CaseExpr *)n;
        sb_puts(b, "CASE");
        if (c->operand) {
            sb_putc(b, ' ');
            expr(e, b, c->operand);
        }
        for (int i = 0; i < c->whens.n; i++) {
            const WhenClause *w = (const WhenClause *)c->whens.items[i];
            sb_puts(b, " WHEN ");
            expr(e, b, w->cond);
            sb_puts(b, " THEN ");
            expr(e, b, w->result);
        }
        if (c->else_) {
            sb_puts(b, " ELSE ");
            expr(e, b, c->else_);
        }
        sb_puts(b, " END");
        break;
    }
    case N_CAST: {
        const CastExpr *c = (const CastExpr *)n;
        sb_puts(b, "CAST(");
        expr(e, b, c->expr);
        sb_puts(b, " AS ");
        e->t->cast_type(e->cx, b, c->type);
        sb_putc(b, ')');
        break;
    }
    case N_SUBQUERY:
        sb_putc(b, '(');
        query(e, b, ((const SubqueryExpr *)n)->query);
        sb_putc(b, ')');
        break;
    case N_EXISTS:
        sb_puts(b, "EXISTS (");
        query(e, b, ((const ExistsExpr *)n)->query);
        sb_putc(b, ')');
        break;
    case N_IN: {
        const InExpr *in = (const InExpr *)n;
        sub(e, b, in->expr, 6);
        sb_puts(b, (n->flags & NF_NOT) ? " NOT IN (" : " IN (");
        if (in->query)
            query(e, b, in->query);
        else
            list(e, b, &in->list, ", ");
        sb_putc(b, ')');
        break;
    }
    case N_BETWEEN: {
        const BetweenExpr *x = (const BetweenExpr *)n;
        sub(e, b, x->expr, 6);
        sb_puts(b, (n->flags & NF_NOT) ? " NOT BETWEEN " : " BETWEEN ");
        sub(e, b, x->lo, 6);
        sb_puts(b, " AND ");
        sub(e, b, x->hi, 6);
        break;
    }
    case N_LIKE: {
        const LikeExpr *l = (const LikeExpr *)n;
        int not = (n->flags & NF_NOT) != 0;
        if (l->op == LK_ILIKE && e->my) {
            sb_puts(b, "LOWER(");
            expr(e, b, l->expr);
            sb_puts(b, not ? ") NOT LIKE LOWER(" : ") LIKE LOWER(");
            expr(e, b, l->pattern);
            sb_putc(b, ')');
        } else if (l->op == LK_RLIKE && e->pg) {
            sub(e, b, l->expr, 6);
            sb_puts(b, not ? " !~ " : " ~ ");
            sub(e, b, l->pattern, 6);
        } else {
            sub(e, b, l->expr, 6);
            sb_puts(b, not ? " NOT " : " ");
            sb_puts(b, l->op == LK_ILIKE ? "ILIKE " : l->op == LK_RLIKE ? "REGEXP "
                       : l->op == LK_SIMILAR ? "SIMILAR TO " : "LIKE ");
            sub(e, b, l->pattern, 6);
        }
        if (l->escape) {
            sb_puts(b, " ESCAPE ");
            expr(e, b, l->escape);
        }
        break;
    }
    case N_IS: {
        const IsExpr *x = (const IsExpr *)n;
        static const char *const w[] = {"NULL", "TRUE", "FALSE", "UNKNOWN", "JSON"};
        sub(e, b, x->expr, 6);
        sb_puts(b, (n->flags & NF_NOT) ? " IS NOT " : " IS ");
        sb_puts(b, w[x->what]);
        break;
    }
    case N_COLLATE: {
        const CollateExpr *c = (const CollateExpr *)n;
        sub(e, b, c->expr, 60);
        sb_puts(b, " COLLATE ");
        if (e->pg) {
            sb_putc(b, '"');
            sb_putn(b, c->collation.text, c->collation.len);
            sb_putc(b, '"');
        } else {
            sb_putn(b, c->collation.text, c->collation.len);
        }
        break;
    }
    case N_QUANTIFIED: {
        const QuantExpr *q = (const QuantExpr *)n;
        static const char *const w[] = {"ANY", "ALL", "SOME"};
        sub(e, b, q->l, 6);
        sb_printf(b, " %s %s (", e->t->binop_text(q->op), w[q->q]);
        if (q->query)
            query(e, b, q->query);
        else
            list(e, b, &q->list, ", ");
        sb_putc(b, ')');
        break;
    }
    case N_ROW:
        sb_putc(b, '(');
        list(e, b, &((const RowExpr *)n)->items, ", ");
        sb_putc(b, ')');
        break;
    case N_INTERVAL: interval(e, b, (const IntervalExpr *)n); break;
    case N_WINDOW: window(e, b, (const WindowSpec *)n); break;
    case N_KEYWORD_EXPR: sb_puts(b, ((const KeywordExpr *)n)->word); break;
    case N_TYPE: em_type(e->cx, b, (const TypeName *)n); break;
    case N_ASSIGN: {
        const Assignment *a = (const Assignment *)n;
        expr(e, b, a->target);
        sb_puts(b, " = ");
        expr(e, b, a->value);
        break;
    }
    case N_SELECT: case N_SETOP: case N_WITH: case N_VALUES:
        sb_putc(b, '(');
        query(e, b, n);
        sb_putc(b, ')');
        break;
    default:
        sb_printf(b, "/* %s */", ast_kind_name(n->kind));
        break;
    }
    if (parens)
        sb_putc(b, ')');
}

void em_expr(ConvCtx *cx, StrBuf *b, const Node *n)
{
    Em e = em_of(cx);
    expr(&e, b, n);
}

/* ---- queries ---- */

static void alias(Em *e, StrBuf *b, const Ident *a, const IdentList *cols)
{
    if (!a->text)
        return;
    sb_puts(b, " AS ");
    nm_put_ident(e->cx, b, a);
    if (cols && cols->n) {
        sb_puts(b, " (");
        idents(e, b, cols);
        sb_putc(b, ')');
    }
}

static void from_item(Em *e, StrBuf *b, const Node *n)
{
    int parens = (n->flags & NF_PARENS) && n->kind == N_JOIN;
    if (parens)
        sb_putc(b, '(');
    switch (n->kind) {
    case N_TABLE_REF: {
        const TableRef *t = (const TableRef *)n;
        em_qname(e->cx, b, &t->name);
        alias(e, b, &t->alias, &t->col_aliases);
        break;
    }
    case N_DERIVED: {
        const DerivedTable *d = (const DerivedTable *)n;
        if (d->lateral)
            sb_puts(b, "LATERAL ");
        sb_putc(b, '(');
        query(e, b, d->query);
        sb_putc(b, ')');
        if (d->alias.text) {
            alias(e, b, &d->alias, &d->col_aliases);
        } else {
            /* both targets require an alias on a derived table */
            sb_printf(b, " AS sub%d", ++e->derived_alias);
        }
        break;
    }
    case N_TABLE_FUNC: {
        const TableFunc *t = (const TableFunc *)n;
        func(e, b, t->call);
        alias(e, b, &t->alias, &t->col_aliases);
        break;
    }
    case N_JOIN: {
        const JoinExpr *j = (const JoinExpr *)n;
        from_item(e, b, j->l);
        switch (j->jk) {
        case JK_COMMA: sb_puts(b, ", "); from_item(e, b, j->r); break;
        case JK_CROSS: sb_puts(b, "\n    CROSS JOIN "); from_item(e, b, j->r); break;
        case JK_CROSS_APPLY:
            sb_puts(b, "\n    CROSS JOIN LATERAL ");
            from_item(e, b, j->r);
            break;
        case JK_OUTER_APPLY:
            sb_puts(b, "\n    LEFT JOIN LATERAL ");
            from_item(e, b, j->r);
            sb_puts(b, " ON TRUE");
            break;
        default: {
            static const char *const w[] = {"JOIN", "LEFT JOIN", "RIGHT JOIN", "FULL JOIN"};
            sb_puts(b, "\n    ");
            if (j->natural)
                sb_puts(b, "NATURAL ");
            if (j->straight && e->my)
                sb_puts(b, "STRAIGHT_JOIN ");
            else
                sb_puts(b, w[j->jk]);
            sb_putc(b, ' ');
            from_item(e, b, j->r);
            if (j->on) {
                sb_puts(b, " ON ");
                expr(e, b, j->on);
            } else if (j->using_cols.n) {
                sb_puts(b, " USING (");
                idents(e, b, &j->using_cols);
                sb_putc(b, ')');
            } else if (!j->natural && e->pg) {
                sb_puts(b, " ON TRUE");
            }
        }
        }
        break;
    }
    default:
        expr(e, b, n);
        break;
    }
    if (parens)
        sb_putc(b, ')');
}

static void limit_clause(Em *e, StrBuf *b, const Node *limit, const Node *offset, int ties, int has_order)
{
    if (!limit && !offset)
        return;
    if (e->my) {
        sb_puts(b, "\nLIMIT ");
        if (offset) {
            expr(e, b, offset);
            sb_puts(b, ", ");
        }
        if (limit)
            expr(e, b, limit);
        else
            sb_puts(b, "18446744073709551615"); /* MySQL's documented "no limit" */
        return;
    }
    if (ties && has_order) {
        if (offset) {
            sb_puts(b, "\nOFFSET ");
            expr(e, b, offset);
            sb_puts(b, " ROWS");
        }
        sb_puts(b, "\nFETCH FIRST ");
        sub(e, b, limit, 100);
        sb_puts(b, " ROWS WITH TIES");
        return;
    }
    if (limit) {
        sb_puts(b, "\nLIMIT ");
        expr(e, b, limit);
    }
    if (offset) {
        sb_puts(b, "\nOFFSET ");
        expr(e, b, offset);
    }
}

static void group_item(Em *e, StrBuf *b, const Node *n)
{
    if (n->kind != N_GROUPING) {
        expr(e, b, n);
        return;
    }
    const GroupingSet *g = (const GroupingSet *)n;
    static const char *const w[] = {"ROLLUP (", "CUBE (", "GROUPING SETS (", "("};
    sb_puts(b, w[g->gk]);
    for (int i = 0; i < g->items.n; i++) {
        if (i)
            sb_puts(b, ", ");
        group_item(e, b, g->items.items[i]);
    }
    sb_putc(b, ')');
}

static void select_core(Em *e, StrBuf *b, const SelectStmt *s)
{
    sb_puts(b, "SELECT ");
    if (s->distinct)
        sb_puts(b, "DISTINCT ");
    for (int i = 0; i < s->targets.n; i++) {
        if (i)
            sb_puts(b, s->targets.n > 4 ? ",\n       " : ", ");
        const TargetItem *t = (const TargetItem *)s->targets.items[i];
        expr(e, b, t->expr);
        if (t->alias.text) {
            sb_puts(b, " AS ");
            nm_put_ident(e->cx, b, &t->alias);
        }
    }
    if (s->into.n) {
        sb_puts(b, "\nINTO ");
        em_qname(e->cx, b, &s->into);
    }
    if (s->into_vars.n) { /* PL/pgSQL SELECT ... INTO variables */
        sb_puts(b, "\nINTO ");
        list(e, b, &s->into_vars, ", ");
    }
    if (s->from.n) {
        sb_puts(b, "\nFROM ");
        for (int i = 0; i < s->from.n; i++) {
            if (i)
                sb_puts(b, ", ");
            from_item(e, b, s->from.items[i]);
        }
    }
    if (s->where) {
        sb_puts(b, "\nWHERE ");
        expr(e, b, s->where);
    }
    if (s->start_with) {
        sb_puts(b, "\nSTART WITH ");
        expr(e, b, s->start_with);
    }
    if (s->connect_by) {
        sb_puts(b, "\nCONNECT BY ");
        expr(e, b, s->connect_by);
    }
    if (s->group_by.n) {
        sb_puts(b, "\nGROUP BY ");
        if (s->with_rollup && e->pg)
            sb_puts(b, "ROLLUP (");
        for (int i = 0; i < s->group_by.n; i++) {
            if (i)
                sb_puts(b, ", ");
            group_item(e, b, s->group_by.items[i]);
        }
        if (s->with_rollup)
            sb_puts(b, e->pg ? ")" : " WITH ROLLUP");
    }
    if (s->having) {
        sb_puts(b, "\nHAVING ");
        expr(e, b, s->having);
    }
    if (s->windows.n) {
        sb_puts(b, "\nWINDOW ");
        for (int i = 0; i < s->windows.n; i++) {
            const WindowSpec *w = (const WindowSpec *)s->windows.items[i];
            if (i)
                sb_puts(b, ", ");
            nm_put_ident(e->cx, b, &w->ref);
            sb_puts(b, " AS (");
            WindowSpec copy = *w;
            copy.ref.text = NULL;
            window(e, b, &copy);
            sb_putc(b, ')');
        }
    }
    if (s->order_by.n) {
        sb_puts(b, "\nORDER BY ");
        order_list(e, b, &s->order_by);
    }
    const Node *limit = s->limit;
    if (!limit && s->top && !s->top_percent)
        limit = s->top; /* the rewrite stage reports TOP it could not place */
    limit_clause(e, b, limit, s->offset, s->fetch_ties || (s->top_ties && !s->limit), s->order_by.n > 0);
}

/* Does q read from a table named `name` (a recursive CTE)? */
static int refers_to(const Node *q, const Ident *name)
{
    if (!q)
        return 0;
    switch (q->kind) {
    case N_TABLE_REF: {
        const TableRef *t = (const TableRef *)q;
        return t->name.n == 1 && t->name.parts[0].len == name->len &&
               strncasecmp(t->name.parts[0].text, name->text, name->len) == 0;
    }
    case N_JOIN: return refers_to(((const JoinExpr *)q)->l, name) || refers_to(((const JoinExpr *)q)->r, name);
    case N_DERIVED: return refers_to(((const DerivedTable *)q)->query, name);
    case N_SETOP: return refers_to(((const SetOpStmt *)q)->l, name) || refers_to(((const SetOpStmt *)q)->r, name);
    case N_WITH: return refers_to(((const WithStmt *)q)->body, name);
    case N_SELECT: {
        const SelectStmt *s = (const SelectStmt *)q;
        for (int i = 0; i < s->from.n; i++)
            if (refers_to(s->from.items[i], name))
                return 1;
        return 0;
    }
    default: return 0;
    }
}

static void query(Em *e, StrBuf *b, const Node *q)
{
    if (!q)
        return;
    int parens = (q->flags & NF_PARENS) != 0;
    if (parens)
        sb_putc(b, '(');
    switch (q->kind) {
    case N_SELECT: select_core(e, b, (const SelectStmt *)q); break;
    case N_SETOP: {
        const SetOpStmt *s = (const SetOpStmt *)q;
        query(e, b, s->l);
        if (s->r) {
            static const char *const w[] = {"UNION", "INTERSECT", "EXCEPT"};
            sb_printf(b, "\n%s%s\n", w[s->op], s->all ? " ALL" : "");
            query(e, b, s->r);
        }
        if (s->order_by.n) {
            sb_puts(b, "\nORDER BY ");
            order_list(e, b, &s->order_by);
        }
        limit_clause(e, b, s->limit, s->offset, 0, s->order_by.n > 0);
        break;
    }
    case N_WITH: {
        const WithStmt *w = (const WithStmt *)q;
        int recursive = w->recursive;
        for (int i = 0; i < w->ctes.n && !recursive; i++) {
            const CteDef *c = (const CteDef *)w->ctes.items[i];
            recursive = refers_to(c->query, &c->name);
        }
        sb_puts(b, recursive ? "WITH RECURSIVE " : "WITH ");
        for (int i = 0; i < w->ctes.n; i++) {
            const CteDef *c = (const CteDef *)w->ctes.items[i];
            if (i)
                sb_puts(b, ",\n");
            nm_put_ident(e->cx, b, &c->name);
            if (c->cols.n) {
                sb_puts(b, " (");
                idents(e, b, &c->cols);
                sb_putc(b, ')');
            }
            sb_puts(b, " AS (\n");
            query(e, b, c->query);
            sb_puts(b, "\n)");
        }
        sb_putc(b, '\n');
        query(e, b, w->body);
        break;
    }
    case N_VALUES: {
        const ValuesList *v = (const ValuesList *)q;
        sb_puts(b, "VALUES ");
        for (int i = 0; i < v->rows.n; i++) {
            if (i)
                sb_puts(b, ",\n       ");
            const RowExpr *r = (const RowExpr *)v->rows.items[i];
            sb_putc(b, '(');
            values_row(e, b, &r->items);
            sb_putc(b, ')');
        }
        break;
    }
    default:
        expr(e, b, q);
        break;
    }
    if (parens)
        sb_putc(b, ')');
}

void em_query(ConvCtx *cx, StrBuf *b, const Node *q)
{
    Em e = em_of(cx);
    query(&e, b, q);
}

/* ---- DML ---- */

static void insert_stmt(Em *e, StrBuf *b, const InsertStmt *s)
{
    if (s->replace && e->my)
        sb_puts(b, "REPLACE INTO ");
    else if (s->ignore && e->my)
        sb_puts(b, "INSERT IGNORE INTO ");
    else
        sb_puts(b, "INSERT INTO ");
    /* as em_qname; the INSERTs of a data script name one table again and
     * again, and the run's name cache keeps the last one printed */
    int from = qname_from(e->cx, &s->table);
    nm_put_ident_path(e->cx, b, &s->table.parts[from], s->table.n - from);
    if (s->cols.n) {
        sb_puts(b, " (");
        idents(e, b, &s->cols);
        sb_putc(b, ')');
    }
    if (s->default_values) {
        sb_puts(b, e->my ? " VALUES ()" : " DEFAULT VALUES");
    } else {
        sb_putc(b, s->source && s->source->kind == N_VALUES ? ' ' : '\n');
        query(e, b, s->source);
    }
    if (s->on_dup.n && e->my) {
        sb_puts(b, "\nON DUPLICATE KEY UPDATE ");
        list(e, b, &s->on_dup, ", ");
    }
    if (s->ignore && e->pg)
        sb_puts(b, "\nON CONFLICT DO NOTHING");
    sb_puts(b, ";\n");
}

/* T-SQL UPDATE alias SET .. FROM t alias JOIN ..: the target is a FROM item.
 * Returns the FROM table that the target names, or NULL. */
static const TableRef *update_target_in_from(const Node *target, const NodeList *from, const Node **rest_of_join,
                                             const Node **join_on)
{
    if (!target || target->kind != N_TABLE_REF || from->n != 1)
        return NULL;
    const TableRef *t = (const TableRef *)target;
    if (t->name.n != 1)
        return NULL;
    const Ident *nm = &t->name.parts[0];
    const Node *f = from->items[0];
    /* walk down the left spine of inner joins */
    const Node *right_parts[64];
    const Node *ons[64];
    int n = 0;
    while (f->kind == N_JOIN && n < 64) {
        const JoinExpr *j = (const JoinExpr *)f;
        if (j->jk != JK_INNER && j->jk != JK_COMMA && j->jk != JK_CROSS)
            return NULL;
        right_parts[n] = j->r;
        ons[n] = j->on;
        n++;
        f = j->l;
    }
    if (f->kind != N_TABLE_REF)
        return NULL;
    const TableRef *base = (const TableRef *)f;
    const Ident *match = base->alias.text ? &base->alias : &base->name.parts[base->name.n - 1];
    if (match->len != nm->len || strncasecmp(match->text, nm->text, nm->len) != 0)
        return NULL;
    if (n != 1)
        return NULL; /* one join handled: target JOIN other ON cond */
    *rest_of_join = right_parts[0];
    *join_on = ons[0];
    return base;
}

/* WHERE a AND b, for a join condition moved out of FROM into WHERE. */
static void where_and(Em *e, StrBuf *b, const Node *on, const Node *where)
{
    if (!on && !where)
        return;
    sb_puts(b, "\nWHERE ");
    if (on && where) {
        sub(e, b, on, 3);
        sb_puts(b, " AND ");
        sub(e, b, where, 3);
    } else {
        expr(e, b, on ? on : where);
    }
}

static void set_list(Em *e, StrBuf *b, const NodeList *sets)
{
    for (int i = 0; i < sets->n; i++) {
        const Assignment *a = (const Assignment *)sets->items[i];
        if (i)
            sb_puts(b, ",\n       ");
        /* PostgreSQL: the SET target is a bare column */
        if (e->pg && a->target->kind == N_NAME)
            last_part(e, b, &((const NameRef *)a->target)->name);
        else
            expr(e, b, a->target);
        sb_puts(b, " = ");
        if (a->op) {
            BinaryExpr tmp;
            memset(&tmp, 0, sizeof tmp);
            tmp.h.kind = N_BINARY;
            tmp.op = a->op;
            tmp.l = a->target;
            tmp.r = a->value;
            binary(e, b, &tmp);
        } else {
            expr(e, b, a->value);
        }
    }
}

static void update_stmt(Em *e, StrBuf *b, const UpdateStmt *s)
{
    const Node *other = NULL, *on = NULL;
    const TableRef *base = update_target_in_from(s->table, &s->from, &other, &on);
    sb_puts(b, "UPDATE ");
    if (base && e->pg) {
        from_item(e, b, &base->h);
        sb_puts(b, "\nSET ");
        set_list(e, b, &s->sets);
        sb_puts(b, "\nFROM ");
        from_item(e, b, other);
        where_and(e, b, on, s->where);
        sb_puts(b, ";\n");
        return;
    }
    if (e->my && s->from.n) {
        /* MySQL multi-table UPDATE: UPDATE t a JOIN u ON .. SET .. */
        for (int i = 0; i < s->from.n; i++) {
            if (i)
                sb_puts(b, ", ");
            from_item(e, b, s->from.items[i]);
        }
    } else {
        from_item(e, b, s->table);
    }
    sb_puts(b, "\nSET ");
    set_list(e, b, &s->sets);
    if (s->from.n && e->pg) {
        sb_puts(b, "\nFROM ");
        for (int i = 0; i < s->from.n; i++) {
            if (i)
                sb_puts(b, ", ");
            from_item(e, b, s->from.items[i]);
        }
    }
    if (s->where) {
        sb_puts(b, "\nWHERE ");
        expr(e, b, s->where);
    }
    if (e->my && s->order_by.n) {
        sb_puts(b, "\nORDER BY ");
        order_list(e, b, &s->order_by);
    }
    if (e->my && s->limit) {
        sb_puts(b, "\nLIMIT ");
        expr(e, b, s->limit);
    }
    sb_puts(b, ";\n");
}

static void delete_stmt(Em *e, StrBuf *b, const DeleteStmt *s)
{
    const Node *other = NULL, *on = NULL;
    const TableRef *base = update_target_in_from(s->table, &s->from, &other, &on);
    if (base && e->pg) {
        sb_puts(b, "DELETE FROM ");
        from_item(e, b, &base->h);
        sb_puts(b, "\nUSING ");
        from_item(e, b, other);
        where_and(e, b, on, s->where);
        sb_puts(b, ";\n");
        return;
    }
    if (e->my && s->from.n) {
        sb_puts(b, "DELETE ");
        from_item(e, b, s->table);
        sb_puts(b, "\nFROM ");
        for (int i = 0; i < s->from.n; i++) {
            if (i)
                sb_puts(b, ", ");
            from_item(e, b, s->from.items[i]);
        }
    } else {
        sb_puts(b, "DELETE FROM ");
        from_item(e, b, s->table);
        if (s->from.n) {
            sb_puts(b, "\nUSING ");
            for (int i = 0; i < s->from.n; i++) {
                if (i)
                    sb_puts(b, ", ");
                from_item(e, b, s->from.items[i]);
            }
        }
    }
    if (s->where) {
        sb_puts(b, "\nWHERE ");
        expr(e, b, s->where);
    }
    if (e->my && s->limit) {
        sb_puts(b, "\nLIMIT ");
        expr(e, b, s->limit);
    }
    sb_puts(b, ";\n");
}

/* ---- DDL ---- */

static const char *ref_action(int a)
{
    static const char *const w[] = {"", "NO ACTION", "RESTRICT", "CASCADE", "SET NULL", "SET DEFAULT"};
    return w[a];
}

static void index_cols(Em *e, StrBuf *b, const NodeList *cols, int allow_desc, int allow_prefix)
{
    for (int i = 0; i < cols->n; i++) {
        const IndexCol *c = (const IndexCol *)cols->items[i];
        if (i)
            sb_puts(b, ", ");
        int plain = c->expr && c->expr->kind == N_NAME;
        if (plain) {
            last_part(e, b, &((const NameRef *)c->expr)->name);
        } else if (e->my) {
            sb_putc(b, '(');
            expr(e, b, c->expr);
            sb_putc(b, ')');
        } else {
            sb_putc(b, '(');
            expr(e, b, c->expr);
            sb_putc(b, ')');
        }
        if (c->prefix_len && allow_prefix)
            sb_printf(b, "(%d)", c->prefix_len);
        if (c->desc && allow_desc)
            sb_puts(b, " DESC");
    }
}

static void constraint_body(Em *e, StrBuf *b, const Constraint *c, const Ident *column)
{
    if (c->name.text) {
        sb_puts(b, "CONSTRAINT ");
        nm_put_ident(e->cx, b, &c->name);
        sb_putc(b, ' ');
    }
    switch (c->ck) {
    case CK_PRIMARY: case CK_UNIQUE:
        sb_puts(b, c->ck == CK_PRIMARY ? "PRIMARY KEY" : "UNIQUE");
        if (c->cols.n) {
            sb_puts(b, " (");
            index_cols(e, b, &c->cols, e->my, e->my);
            sb_putc(b, ')');
        } else if (column) {
            sb_puts(b, " (");
            nm_put_ident(e->cx, b, column);
            sb_putc(b, ')');
        }
        break;
    case CK_CHECK:
        sb_puts(b, "CHECK (");
        expr(e, b, c->expr);
        sb_putc(b, ')');
        if ((c->disabled || c->novalidate) && e->pg)
            sb_puts(b, " NOT VALID");
        break;
    case CK_FOREIGN:
        sb_puts(b, "FOREIGN KEY (");
        if (c->cols.n)
            index_cols(e, b, &c->cols, 0, 0);
        else if (column)
            nm_put_ident(e->cx, b, column);
        sb_puts(b, ") REFERENCES ");
        em_qname(e->cx, b, &c->ref_table);
        if (c->ref_cols.n) {
            sb_puts(b, " (");
            idents(e, b, &c->ref_cols);
            sb_putc(b, ')');
        }
        if (c->on_delete) {
            sb_puts(b, " ON DELETE ");
            sb_puts(b, ref_action(c->on_delete));
        }
        if (c->on_update) {
            sb_puts(b, " ON UPDATE ");
            sb_puts(b, ref_action(c->on_update));
        }
        if (c->deferrable && e->pg)
            sb_puts(b, c->initially_deferred ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE");
        if ((c->disabled || c->novalidate) && e->pg)
            sb_puts(b, " NOT VALID");
        break;
    default:
        break;
    }
}

static void column_def(Em *e, StrBuf *b, const ColumnDef *c, int table_level)
{
    nm_put_ident(e->cx, b, &c->name);
    sb_putc(b, ' ');
    if (c->type)
        em_type(e->cx, b, c->type);
    else
        sb_puts(b, e->my ? "text" : "text");
    if (c->computed) {
        if (e->pg) {
            sb_puts(b, " GENERATED ALWAYS AS (");
            expr(e, b, c->computed);
            sb_puts(b, ") STORED");
        } else {
            sb_puts(b, " AS (");
            expr(e, b, c->computed);
            sb_puts(b, c->persisted ? ") STORED" : ")");
        }
    }
    if (c->identity) {
        if (e->pg) {
            sb_puts(b, c->identity_always ? " GENERATED ALWAYS AS IDENTITY" : " GENERATED BY DEFAULT AS IDENTITY");
            if (c->ident_start || c->ident_incr) {
                sb_puts(b, " (");
                if (c->ident_start) {
                    sb_puts(b, "START WITH ");
                    expr(e, b, c->ident_start);
                }
                if (c->ident_incr) {
                    sb_puts(b, c->ident_start ? " INCREMENT BY " : "INCREMENT BY ");
                    expr(e, b, c->ident_incr);
                }
                sb_putc(b, ')');
            }
        } else {
            sb_puts(b, " AUTO_INCREMENT");
        }
    }
    if (c->default_ && !c->computed && !(c->identity && e->pg)) {
        sb_puts(b, " DEFAULT ");
        int wrap = e->my && c->default_->kind != N_LITERAL && !(c->default_->flags & NF_PARENS) &&
                   !(c->default_->kind == N_FUNC && ((const FuncCall *)c->default_)->noparens);
        if (wrap)
            sb_putc(b, '(');
        expr(e, b, c->default_);
        if (wrap)
            sb_putc(b, ')');
    }
    /* MariaDB rejects NULL/NOT NULL on generated columns (MySQL 8 accepts
     * them): the value is the expression's, so nothing is lost that the
     * expression does not already decide */
    if (c->computed && e->my) {
        if (c->nullable == 2)
            diag_add(e->cx->diags, "SS3029", c->h.span, e->cx->object,
                     "generated column %.*s: NOT NULL dropped (MariaDB does not accept it on "
                     "generated columns; MySQL 8 does)", (int)c->name.len, c->name.text);
    } else if (c->nullable == 2 || (c->identity && e->pg))
        sb_puts(b, " NOT NULL");
    else if (c->nullable == 1)
        sb_puts(b, " NULL");
    if (c->on_update && e->my) {
        sb_puts(b, " ON UPDATE ");
        expr(e, b, c->on_update);
    }
    if (c->comment && e->my) {
        sb_puts(b, " COMMENT ");
        expr(e, b, c->comment);
    }
    for (int i = 0; i < c->constraints.n; i++) {
        const Constraint *k = (const Constraint *)c->constraints.items[i];
        if (k->ck == CK_FOREIGN || k->ck == CK_NOT_NULL || k->ck == CK_NULL || k->ck == CK_DEFAULT)
            continue;
        /* MariaDB accepts a column CHECK only as the last clause: printed
         * at table level instead (same meaning) */
        if (k->ck == CK_CHECK && e->my && table_level)
            continue;
        sb_putc(b, ' ');
        /* MySQL names only CHECK constraints in a column definition */
        if (k->name.text && (e->pg || k->ck == CK_CHECK)) {
            sb_puts(b, "CONSTRAINT ");
            nm_put_ident(e->cx, b, &k->name);
            sb_putc(b, ' ');
        }
        if (k->ck == CK_PRIMARY)
            sb_puts(b, "PRIMARY KEY");
        else if (k->ck == CK_UNIQUE)
            sb_puts(b, "UNIQUE");
        else if (k->ck == CK_CHECK) {
            sb_puts(b, "CHECK (");
            expr(e, b, k->expr);
            sb_putc(b, ')');
        }
    }
}

static void create_index_sql(Em *e, StrBuf *b, const CreateIndex *ix, const QName *table)
{
    sb_puts(b, "CREATE ");
    if (ix->unique)
        sb_puts(b, "UNIQUE ");
    if (e->my && ix->ik == IK_FULLTEXT)
        sb_puts(b, "FULLTEXT ");
    if (e->my && ix->ik == IK_SPATIAL)
        sb_puts(b, "SPATIAL ");
    sb_puts(b, "INDEX ");
    /* Oracle scripts create a unique index and then a primary key of the
     * same name over it; in PostgreSQL the key creates that index itself */
    if (e->pg && ix->name.text)
        sb_puts(b, "IF NOT EXISTS ");
    if (ix->name.text)
        nm_put_ident(e->cx, b, &ix->name);
    sb_puts(b, " ON ");
    em_qname(e->cx, b, table);
    if (ix->using_.text && e->pg) {
        sb_puts(b, " USING ");
        sb_putn(b, ix->using_.text, ix->using_.len);
    }
    sb_puts(b, " (");
    index_cols(e, b, &ix->cols, 1, e->my);
    sb_putc(b, ')');
    if (ix->include.n && e->pg) {
        sb_puts(b, " INCLUDE (");
        idents(e, b, &ix->include);
        sb_putc(b, ')');
    }
    if (ix->where && e->pg) {
        sb_puts(b, " WHERE ");
        expr(e, b, ix->where);
    }
    sb_puts(b, ";\n");
}

static void inline_index_mysql(Em *e, StrBuf *b, const CreateIndex *ix)
{
    if (ix->unique)
        sb_puts(b, "UNIQUE ");
    else if (ix->ik == IK_FULLTEXT)
        sb_puts(b, "FULLTEXT ");
    else if (ix->ik == IK_SPATIAL)
        sb_puts(b, "SPATIAL ");
    sb_puts(b, "KEY ");
    if (ix->name.text) {
        nm_put_ident(e->cx, b, &ix->name);
        sb_putc(b, ' ');
    }
    sb_putc(b, '(');
    index_cols(e, b, &ix->cols, 1, 1);
    sb_putc(b, ')');
}

static void comment_on(Em *e, StrBuf *b, const char *what, const QName *obj, const Ident *col, const Node *text)
{
    sb_puts(b, "COMMENT ON ");
    sb_puts(b, what);
    sb_putc(b, ' ');
    em_qname(e->cx, b, obj);
    if (col) {
        sb_putc(b, '.');
        nm_put_ident(e->cx, b, col);
    }
    sb_puts(b, " IS ");
    if (text)
        expr(e, b, text);
    else
        sb_puts(b, "NULL");
    sb_puts(b, ";\n");
}

static void fk_alter(Em *e, StrBuf *b, const QName *table, const Constraint *c, const Ident *column)
{
    sb_puts(b, "ALTER TABLE ");
    em_qname(e->cx, b, table);
    sb_puts(b, " ADD ");
    constraint_body(e, b, c, column);
    sb_puts(b, ";\n");
}

static void create_table(Em *e, StrBuf *b, StrBuf *fk, StrBuf *ix, const CreateTable *t)
{
    sb_puts(b, "CREATE ");
    if (t->temporary)
        sb_puts(b, "TEMPORARY ");
    sb_puts(b, "TABLE ");
    if (t->if_not_exists)
        sb_puts(b, "IF NOT EXISTS ");
    em_qname(e->cx, b, &t->name);
    if (t->as_query && !t->columns.n) {
        sb_puts(b, " AS\n");
        query(e, b, t->as_query);
        sb_puts(b, ";\n");
        return;
    }
    sb_puts(b, " (");
    int first = 1;
    for (int i = 0; i < t->columns.n; i++) {
        const ColumnDef *c = (const ColumnDef *)t->columns.items[i];
        sb_puts(b, first ? "\n    " : ",\n    ");
        first = 0;
        column_def(e, b, c, 1);
        for (int k = 0; k < c->constraints.n; k++) {
            const Constraint *cc = (const Constraint *)c->constraints.items[k];
            if (cc->ck == CK_FOREIGN)
                fk_alter(e, fk, &t->name, cc, &c->name);
        }
    }
    for (int i = 0; e->my && i < t->columns.n; i++) {
        const ColumnDef *c = (const ColumnDef *)t->columns.items[i];
        for (int k = 0; k < c->constraints.n; k++) {
            const Constraint *cc = (const Constraint *)c->constraints.items[k];
            if (cc->ck != CK_CHECK)
                continue;
            sb_puts(b, first ? "\n    " : ",\n    ");
            first = 0;
            constraint_body(e, b, cc, &c->name);
        }
    }
    for (int i = 0; i < t->constraints.n; i++) {
        const Constraint *c = (const Constraint *)t->constraints.items[i];
        if (c->ck == CK_FOREIGN) {
            fk_alter(e, fk, &t->name, c, NULL);
            continue;
        }
        sb_puts(b, first ? "\n    " : ",\n    ");
        first = 0;
        constraint_body(e, b, c, NULL);
    }
    for (int i = 0; i < t->indexes.n; i++) {
        const CreateIndex *x = (const CreateIndex *)t->indexes.items[i];
        if (e->my) {
            sb_puts(b, first ? "\n    " : ",\n    ");
            first = 0;
            inline_index_mysql(e, b, x);
        } else {
            create_index_sql(e, ix, x, &t->name);
        }
    }
    sb_puts(b, "\n)");
    if (t->on_commit && e->pg && t->temporary)
        sb_puts(b, t->on_commit == 1 ? " ON COMMIT DELETE ROWS" : " ON COMMIT PRESERVE ROWS");
    if (t->comment && e->my) {
        sb_puts(b, " COMMENT = ");
        expr(e, b, t->comment);
    }
    sb_puts(b, ";\n");
    if (e->pg) {
        if (t->comment)
            comment_on(e, b, "TABLE", &t->name, NULL, t->comment);
        for (int i = 0; i < t->columns.n; i++) {
            const ColumnDef *c = (const ColumnDef *)t->columns.items[i];
            if (c->comment)
                comment_on(e, b, "COLUMN", &t->name, &c->name, c->comment);
        }
    }
}

static void create_view(Em *e, StrBuf *b, const CreateView *v)
{
    sb_puts(b, v->or_replace ? "CREATE OR REPLACE " : "CREATE ");
    if (v->materialized && e->pg)
        sb_puts(b, "MATERIALIZED ");
    sb_puts(b, "VIEW ");
    em_qname(e->cx, b, &v->name);
    if (v->cols.n) {
        sb_puts(b, " (");
        idents(e, b, &v->cols);
        sb_putc(b, ')');
    }
    sb_puts(b, " AS\n");
    query(e, b, v->query);
    if (v->check_option)
        sb_puts(b, "\nWITH CHECK OPTION");
    sb_puts(b, ";\n");
}

static int huge_literal(const Node *n)
{
    if (!n)
        return 0;
    if (n->kind == N_UNARY)
        n = ((const UnaryExpr *)n)->arg;
    return n->kind == N_LITERAL && ((const Literal *)n)->len > 18;
}

static void create_sequence(Em *e, StrBuf *b, const CreateSequence *s)
{
    sb_puts(b, "CREATE SEQUENCE ");
    em_qname(e->cx, b, &s->name);
    if (s->as_type && e->pg) {
        sb_puts(b, " AS ");
        em_type(e->cx, b, s->as_type);
    }
    if (s->start) {
        sb_puts(b, " START WITH ");
        expr(e, b, s->start);
    }
    if (s->increment) {
        sb_puts(b, " INCREMENT BY ");
        expr(e, b, s->increment);
    }
    if (s->minvalue && !huge_literal(s->minvalue)) {
        sb_puts(b, " MINVALUE ");
        expr(e, b, s->minvalue);
    } else if (s->nominvalue) {
        sb_puts(b, " NO MINVALUE");
    }
    /* Oracle's default MAXVALUE (28 nines) exceeds bigint: it means "none" */
    if (s->maxvalue && !huge_literal(s->maxvalue)) {
        sb_puts(b, " MAXVALUE ");
        expr(e, b, s->maxvalue);
    } else if (s->nomaxvalue) {
        sb_puts(b, " NO MAXVALUE");
    }
    if (s->cache && !s->nocache) {
        sb_puts(b, " CACHE ");
        expr(e, b, s->cache);
    }
    if (s->cycle)
        sb_puts(b, " CYCLE");
    sb_puts(b, ";\n");
}

static const char *drop_word(int what)
{
    static const char *const w[] = {"TABLE", "VIEW", "INDEX", "SEQUENCE", "VIEW", "SCHEMA", "TYPE",
                                    "PROCEDURE", "FUNCTION", "TRIGGER", "SCHEMA", "CONSTRAINT",
                                    "DATABASE", NULL};
    return what >= 0 && what <= OK_OTHER ? w[what] : NULL;
}

/* Returns 0 when the DROP cannot be printed for the target. */
static int drop_stmt(Em *e, StrBuf *b, const DropStmt *d)
{
    const char *w = drop_word(d->what);
    if (!w || d->what == OK_TRIGGER || d->what == OK_DATABASE || d->what == OK_CONSTRAINT ||
        (d->what == OK_PACKAGE) || (e->my && (d->what == OK_TYPE || d->what == OK_SEQUENCE)))
        return 0;
    if (d->what == OK_INDEX && e->my) {
        if (!d->on_table.n && d->names.n == 1 && ((const NameRef *)d->names.items[0])->name.n < 2)
            return 0;
        for (int i = 0; i < d->names.n; i++) {
            const QName *q = &((const NameRef *)d->names.items[i])->name;
            sb_puts(b, "DROP INDEX ");
            last_part(e, b, q);
            sb_puts(b, " ON ");
            if (d->on_table.n) {
                em_qname(e->cx, b, &d->on_table);
            } else {
                QName t = *q;
                t.n--;
                em_qname(e->cx, b, &t);
            }
            sb_puts(b, ";\n");
        }
        return 1;
    }
    sb_puts(b, "DROP ");
    sb_puts(b, w);
    sb_putc(b, ' ');
    if (d->if_exists)
        sb_puts(b, "IF EXISTS ");
    for (int i = 0; i < d->names.n; i++) {
        if (i)
            sb_puts(b, ", ");
        const QName *q = &((const NameRef *)d->names.items[i])->name;
        if (d->what == OK_INDEX && e->pg && !d->on_table.n && q->n >= 2) {
            /* T-SQL DROP INDEX table.ix: the index lives in the table's schema */
            QName x = *q;
            if (q->n == 2) {
                x.n = 1;
                x.parts[0] = q->parts[1];
            } else {
                x.n = 2;
                x.parts[0] = q->parts[q->n - 3];
                x.parts[1] = q->parts[q->n - 1];
            }
            em_qname(e->cx, b, &x);
        } else if (d->what == OK_INDEX && e->pg && d->on_table.n && d->on_table.n >= 2) {
            QName x = d->on_table;
            x.parts[x.n - 1] = q->parts[q->n - 1];
            em_qname(e->cx, b, &x);
        } else {
            em_qname(e->cx, b, q);
        }
    }
    if (d->cascade)
        sb_puts(b, " CASCADE");
    sb_puts(b, ";\n");
    return 1;
}

/* ALTER TABLE: FK additions go to the constraint unit, new indexes to the
 * index unit, everything else to the main unit. Returns 0 if an action has
 * no form in the target (the caller prints the statement verbatim). */
static int alter_table(Em *e, StrBuf *b, StrBuf *fk, StrBuf *ix, const AlterTable *a)
{
    for (int i = 0; i < a->actions.n; i++) {
        const AlterAction *x = (const AlterAction *)a->actions.items[i];
        StrBuf *out = b;
        StrBuf one;
        sb_init(&one);
        int ok = 1;
        switch (x->ak) {
        case AK_ADD_COLUMN:
            sb_puts(&one, "ADD COLUMN ");
            column_def(e, &one, (const ColumnDef *)x->def, 0);
            break;
        case AK_ADD_CONSTRAINT: {
            const Constraint *c = (const Constraint *)x->def;
            if (c->ck == CK_FOREIGN)
                out = fk;
            sb_puts(&one, "ADD ");
            constraint_body(e, &one, c, NULL);
            break;
        }
        case AK_ADD_INDEX:
            if (e->pg) {
                create_index_sql(e, ix, (const CreateIndex *)x->def, &a->name);
                sb_free(&one);
                continue;
            }
            sb_puts(&one, "ADD ");
            inline_index_mysql(e, &one, (const CreateIndex *)x->def);
            break;
        case AK_DROP_COLUMN:
            sb_puts(&one, "DROP COLUMN ");
            if (x->if_exists)
                sb_puts(&one, "IF EXISTS ");
            nm_put_ident(e->cx, &one, &x->name);
            break;
        case AK_DROP_CONSTRAINT:
            if (e->my && !x->name.text) {
                sb_puts(&one, "DROP PRIMARY KEY");
                break;
            }
            sb_puts(&one, e->my ? "DROP CONSTRAINT " : "DROP CONSTRAINT ");
            if (x->if_exists)
                sb_puts(&one, "IF EXISTS ");
            nm_put_ident(e->cx, &one, &x->name);
            break;
        case AK_ALTER_COLUMN: {
            const ColumnDef *c = (const ColumnDef *)x->def;
            if (!c) {
                ok = 0;
                break;
            }
            if (e->my) {
                sb_puts(&one, "MODIFY COLUMN ");
                column_def(e, &one, c, 0);
            } else {
                sb_puts(&one, "ALTER COLUMN ");
                nm_put_ident(e->cx, &one, &c->name);
                if (c->type) {
                    sb_puts(&one, " TYPE ");
                    em_type(e->cx, &one, c->type);
                }
                if (c->nullable) {
                    sb_puts(&one, ",\n    ALTER COLUMN ");
                    nm_put_ident(e->cx, &one, &c->name);
                    sb_puts(&one, c->nullable == 2 ? " SET NOT NULL" : " DROP NOT NULL");
                }
                if (c->default_) {
                    sb_puts(&one, ",\n    ALTER COLUMN ");
                    nm_put_ident(e->cx, &one, &c->name);
                    sb_puts(&one, " SET DEFAULT ");
                    expr(e, &one, c->default_);
                }
            }
            break;
        }
        case AK_SET_DEFAULT:
            sb_puts(&one, "ALTER COLUMN ");
            nm_put_ident(e->cx, &one, &x->name);
            sb_puts(&one, " SET DEFAULT ");
            expr(e, &one, x->expr);
            break;
        case AK_DROP_DEFAULT:
            sb_puts(&one, "ALTER COLUMN ");
            nm_put_ident(e->cx, &one, &x->name);
            sb_puts(&one, " DROP DEFAULT");
            break;
        case AK_RENAME_TABLE:
            sb_puts(&one, "RENAME TO ");
            nm_put_ident(e->cx, &one, &x->name);
            break;
        case AK_RENAME_COLUMN:
            sb_puts(&one, "RENAME COLUMN ");
            nm_put_ident(e->cx, &one, &x->name);
            sb_puts(&one, " TO ");
            nm_put_ident(e->cx, &one, &x->name2);
            break;
        case AK_CHECK_CONSTRAINT:
            /* T-SQL re-enables a constraint: constraints are always enforced
             * in the targets, so there is nothing to run */
            sb_free(&one);
            sb_puts(b, "-- (no statement needed: constraints are always enforced in the target)\n");
            continue;
        case AK_ENABLE_TRIGGER: case AK_DISABLE_TRIGGER:
            if (e->my) {
                ok = 0;
                break;
            }
            sb_puts(&one, x->ak == AK_ENABLE_TRIGGER ? "ENABLE TRIGGER " : "DISABLE TRIGGER ");
            if (x->name.text)
                nm_put_ident(e->cx, &one, &x->name);
            else
                sb_puts(&one, "ALL");
            break;
        default:
            ok = 0;
            break;
        }
        if (!ok) {
            sb_free(&one);
            return 0;
        }
        sb_puts(out, "ALTER TABLE ");
        em_qname(e->cx, out, &a->name);
        sb_putc(out, ' ');
        sb_putn(out, one.s, one.len);
        sb_puts(out, ";\n");
        sb_free(&one);
    }
    return 1;
}

/* ---- statements and units ---- */

static void item_lines(Em *e, StrBuf *b)
{
    const DiagList *d = e->cx->diags;
    for (int i = 0; i < d->v.n; i++) {
        const Diag *x = &d->v.items[i];
        if (x->object != e->cx->object || x->object < 0)
            continue;
        const ActionDef *ad = rules_action(e->cx->rules, x->code);
        int sev = x->sev >= 0 ? x->sev : ad ? ad->sev : SEV_MEDIUM;
        const char *msg = x->message ? x->message : ad ? ad->title : "";
        sb_puts(b, "-- ");
        sb_puts(b, x->code);
        sb_putc(b, ' ');
        sb_puts(b, sev_name(sev));
        sb_puts(b, ": ");
        /* the message on one line: copied whole, its line breaks made blanks */
        size_t at = b->len, n = strlen(msg);
        sb_putn(b, msg, n);
        for (char *p = b->s + at, *end = b->s + b->len; (p = memchr(p, '\n', (size_t)(end - p))); p++)
            *p = ' ';
        sb_putc(b, '\n');
    }
}

static void verbatim_node(Em *e, StrBuf *b, const Node *n)
{
    item_lines(e, b);
    const SourceFile *f = e->cx->src;
    uint32_t off = n->span.off, len = n->span.len;
    if (off > f->len)
        off = (uint32_t)f->len;
    if (off + len > f->len)
        len = (uint32_t)(f->len - off);
    em_verbatim(b, f->text + off, len);
}

/* A DROP that precedes the object's creation (the usual re-runnable script)
 * goes first; a DROP of an object the input created earlier goes last, so
 * that the object is gone at the end, as it is after the source script. */
static int drop_phase(const ConvCtx *cx, const DropStmt *d)
{
    for (int i = 0; cx->catalog && i < d->names.n; i++)
        if (d->names.items[i]->kind == N_NAME &&
            cat_find(cx->catalog, &((const NameRef *)d->names.items[i])->name))
            return PH_POST;
    return PH_PRE;
}

/* UPDATE STATISTICS / ANALYZE TABLE -> ANALYZE; TRUNCATE TABLE. T-SQL and
 * MySQL reset the identity / AUTO_INCREMENT counter on TRUNCATE, Oracle
 * does not: RESTART IDENTITY for the first two. 0: no form (verbatim). */
static int table_cmd(Em *e, StrBuf *b, const OtherStmt *o)
{
    if (!o->name.n || (o->what != OS_STATISTICS && o->what != OS_TRUNCATE))
        return 0;
    if (o->what == OS_STATISTICS) {
        sb_puts(b, e->pg ? "ANALYZE " : "ANALYZE TABLE ");
        for (int i = 0; i < o->args.n; i++) {
            if (i)
                sb_puts(b, ", ");
            em_qname(e->cx, b, &((const NameRef *)o->args.items[i])->name);
        }
        sb_puts(b, ";\n");
        return 1;
    }
    sb_puts(b, "TRUNCATE TABLE ");
    em_qname(e->cx, b, &o->name);
    if (e->pg && e->cx->source != DIALECT_ORACLE)
        sb_puts(b, " RESTART IDENTITY");
    sb_puts(b, ";\n");
    return 1;
}

static int phase_of(const ConvCtx *cx, const Node *n)
{
    switch (n->kind) {
    case N_CREATE_TABLE: case N_ALTER_TABLE: return PH_TABLE;
    case N_CREATE_INDEX: return PH_INDEX;
    case N_CREATE_VIEW: case N_CREATE_SYNONYM: return PH_VIEW;
    case N_DROP: return drop_phase(cx, (const DropStmt *)n);
    case N_CREATE_SEQUENCE: case N_CREATE_SCHEMA: case N_CREATE_TYPE: return PH_PRE;
    case N_INSERT: case N_UPDATE: case N_DELETE: return PH_DATA;
    case N_OTHER_STMT: return ((const OtherStmt *)n)->what == OS_TRUNCATE ? PH_DATA : PH_POST;
    case N_ROUTINE: return PH_CODE;
    default: return PH_POST;
    }
}

static void emit_unit(Em *e, int phase, const char *kind, const char *schema, const char *name, StrBuf *b)
{
    if (b->len)
        e->cx->sink(e->cx, phase, kind, schema, name, b->s, b->len);
}

int em_sql_stmt(ConvCtx *cx, StrBuf *b, const Node *n)
{
    Em e = em_of(cx);
    switch (n->kind) {
    case N_INSERT: insert_stmt(&e, b, (const InsertStmt *)n); return 1;
    case N_UPDATE: update_stmt(&e, b, (const UpdateStmt *)n); return 1;
    case N_DELETE: delete_stmt(&e, b, (const DeleteStmt *)n); return 1;
    case N_CREATE_TABLE: create_table(&e, b, b, b, (const CreateTable *)n); return 1;
    case N_CREATE_INDEX: {
        const CreateIndex *x = (const CreateIndex *)n;
        create_index_sql(&e, b, x, &x->table);
        return 1;
    }
    case N_DROP: return drop_stmt(&e, b, (const DropStmt *)n);
    case N_ALTER_TABLE: return alter_table(&e, b, b, b, (const AlterTable *)n);
    case N_SELECT: case N_SETOP: case N_WITH: case N_VALUES:
        query(&e, b, n);
        sb_puts(b, ";\n");
        return 1;
    default:
        return 0;
    }
}

int em_statement(ConvCtx *cx, Node *n, const char *kind, const char *schema, const char *name)
{
    Em e = em_of(cx);
    StrBuf b, fk, ix;
    if (cx->scratch) { /* no malloc and free of three buffers per statement */
        b = cx->scratch[0];
        fk = cx->scratch[1];
        ix = cx->scratch[2];
        sb_reset(&b);
        sb_reset(&fk);
        sb_reset(&ix);
    } else {
        sb_init(&b);
        sb_init(&fk);
        sb_init(&ix);
    }
    int ok = 1;
    switch (n->kind) {
    case N_CREATE_TABLE: create_table(&e, &b, &fk, &ix, (const CreateTable *)n); break;
    case N_ALTER_TABLE: ok = alter_table(&e, &b, &fk, &ix, (const AlterTable *)n); break;
    case N_CREATE_INDEX: {
        const CreateIndex *x = (const CreateIndex *)n;
        int expr_cols = 0;
        for (int i = 0; i < x->cols.n; i++) {
            const IndexCol *c = (const IndexCol *)x->cols.items[i];
            expr_cols += c->expr && c->expr->kind != N_NAME;
        }
        if (e.my && expr_cols) {
            /* MySQL 8.0.13+ has functional key parts, MariaDB has not: the
             * SQL that runs on both is a generated column with an index */
            diag_add(cx->diags, "SS3012", n->span, cx->object,
                     "index %.*s is on an expression: add a generated column for it and index "
                     "that column (MySQL 8.0.13+ also accepts functional key parts)",
                     (int)x->name.len, x->name.text ? x->name.text : "");
            ok = 0;
            break;
        }
        create_index_sql(&e, &b, x, &x->table);
        break;
    }
    case N_CREATE_VIEW: create_view(&e, &b, (const CreateView *)n); break;
    case N_CREATE_SEQUENCE:
        if (e.my)
            ok = 0;
        else
            create_sequence(&e, &b, (const CreateSequence *)n);
        break;
    case N_CREATE_SCHEMA: {
        const CreateSchema *s = (const CreateSchema *)n;
        sb_puts(&b, "CREATE SCHEMA IF NOT EXISTS ");
        nm_put_ident(cx, &b, &s->name);
        sb_puts(&b, ";\n");
        break;
    }
    case N_CREATE_TYPE: {
        const CreateType *t = (const CreateType *)n;
        if (t->tyk == TYK_TABLE && e.pg) { /* composite type (xf_create_type) */
            sb_puts(&b, "CREATE TYPE ");
            em_qname(cx, &b, &t->name);
            sb_puts(&b, " AS (");
            for (int i = 0; i < t->columns.n; i++) {
                const ColumnDef *c = (const ColumnDef *)t->columns.items[i];
                sb_puts(&b, i ? ",\n    " : "\n    ");
                nm_put_ident(cx, &b, &c->name);
                sb_putc(&b, ' ');
                em_type(cx, &b, c->type);
            }
            sb_puts(&b, "\n);\n");
            break;
        }
        if (t->tyk != TYK_ALIAS || !t->base || e.my) {
            ok = 0;
            break;
        }
        sb_puts(&b, "CREATE DOMAIN ");
        em_qname(cx, &b, &t->name);
        sb_puts(&b, " AS ");
        em_type(cx, &b, t->base);
        if (t->not_null)
            sb_puts(&b, " NOT NULL");
        sb_puts(&b, ";\n");
        break;
    }
    case N_COMMENT: {
        const CommentStmt *c = (const CommentStmt *)n;
        if (e.pg) {
            if (c->target == CT_COLUMN && c->obj.n >= 2) {
                QName t = c->obj;
                t.n--;
                comment_on(&e, &b, "COLUMN", &t, &c->obj.parts[c->obj.n - 1], c->text);
            } else {
                comment_on(&e, &b, c->target == CT_VIEW ? "VIEW" : "TABLE", &c->obj, NULL, c->text);
            }
        } else if (c->target == CT_TABLE && c->text) {
            sb_puts(&b, "ALTER TABLE ");
            em_qname(cx, &b, &c->obj);
            sb_puts(&b, " COMMENT = ");
            expr(&e, &b, c->text);
            sb_puts(&b, ";\n");
        } else {
            ok = 0;
        }
        break;
    }
    case N_DROP: ok = drop_stmt(&e, &b, (const DropStmt *)n); break;
    case N_ROUTINE:
        ok = ((const RoutineStmt *)n)->def && (e.pg ? em_plpgsql_routine(cx, &b, (const RoutineStmt *)n)
                                                    : em_mysql_routine(cx, &b, (const RoutineStmt *)n));
        break;
    case N_INSERT: insert_stmt(&e, &b, (const InsertStmt *)n); break;
    case N_UPDATE: update_stmt(&e, &b, (const UpdateStmt *)n); break;
    case N_DELETE: delete_stmt(&e, &b, (const DeleteStmt *)n); break;
    case N_SELECT: case N_SETOP: case N_WITH: case N_VALUES:
        /* a query at script level only returns rows to the client (often a
         * check against the source's dictionary): kept verbatim, except
         * SELECT ... INTO, which creates a table */
        if (n->kind == N_SELECT && ((const SelectStmt *)n)->into.n) {
            query(&e, &b, n);
            sb_puts(&b, ";\n");
        } else {
            ok = 0;
        }
        break;
    case N_OTHER_STMT: ok = table_cmd(&e, &b, (const OtherStmt *)n); break;
    default:
        ok = 0;
        break;
    }
    if (!ok) {
        sb_reset(&b);
        sb_reset(&fk);
        sb_reset(&ix);
        verbatim_node(&e, &b, n);
    }
    int phase = phase_of(cx, n);
    if (!ok && phase != PH_CODE)
        phase = PH_POST;
    emit_unit(&e, phase, kind, schema, name, &b);
    emit_unit(&e, PH_CONSTRAINT, "foreign keys", schema, name, &fk);
    emit_unit(&e, PH_INDEX, "indexes", schema, name, &ix);
    if (cx->scratch) {
        cx->scratch[0] = b;
        cx->scratch[1] = fk;
        cx->scratch[2] = ix;
    } else {
        sb_free(&b);
        sb_free(&fk);
        sb_free(&ix);
    }
    return ok;
}
