/* rewrite: functions and expressions. A call is rewritten by, in order: a
 * user rule (--rules, layer >= 1) with a template; a C handler for what a
 * template cannot express (DECODE's NULL matching, date parts given as
 * keywords, CONVERT styles, GROUP_CONCAT's SEPARATOR ...); a built-in rule.
 * Templates are target SQL with $1..$9 / $* slots, parsed once with the
 * target dialect's parser (the result is cached in FuncRule.tmpl) and
 * instantiated by a deep copy that puts copies of the call's arguments in the
 * slots. Calls nobody knows are kept with SS2003, unless the input defines
 * them. Also here: T-SQL '+' on strings, Oracle '||' (which ignores NULL),
 * comparisons with '' and with boolean columns, LIKE, COLLATE, sequence
 * references, INTERVAL literals, CAST/CONVERT/TRY_CAST. */
#include "rewrite/xf.h"
#include "parse/parser.h"
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ==== templates ============================================================ */

#define SLOT_PREFIX "sqlshift_arg_"
#define SLOT_ALL "sqlshift_args"

/* A template that did not parse is remembered by this marker in FuncRule.tmpl. */
static const char tmpl_failed_marker;
#define TMPL_FAILED ((void *)&tmpl_failed_marker)

/* Sets target_text of the template's types to their text as written, so the
 * emitter prints "double precision" and not a quoted name. */
typedef struct TypeFix { RwVisit v; const SourceFile *sf; Arena *a; } TypeFix;

static void typefix_slot(RwVisit *v, Node **slot);
static void typefix_list(RwVisit *v, NodeList *l)
{
    for (int i = 0; i < l->n; i++)
        typefix_slot(v, &l->items[i]);
}
static void typefix_slot(RwVisit *v, Node **slot)
{
    TypeFix *tf = (TypeFix *)v;
    Node *n = *slot;
    if (!n)
        return;
    if (n->kind == N_TYPE) {
        TypeName *t = (TypeName *)n;
        if (!t->target_text && n->span.off + n->span.len <= tf->sf->len)
            t->target_text = arena_strndup(tf->a, tf->sf->text + n->span.off, n->span.len);
    }
    rw_children(n, v);
}

/* Parses a template; NULL and a message in err on failure. */
static Node *parse_template(Arena *a, Dialect target, const char *to, char *err, size_t errcap)
{
    StrBuf b;
    sb_init(&b);
    for (const char *p = to; *p; p++) {
        if (p[0] == '$' && p[1] == '$') {
            sb_putc(&b, '$');
            p++;
        } else if (p[0] == '$' && p[1] == '*') {
            sb_puts(&b, SLOT_ALL);
            p++;
        } else if (p[0] == '$' && p[1] >= '1' && p[1] <= '9') {
            sb_puts(&b, SLOT_PREFIX);
            sb_putc(&b, p[1]);
            p++;
        } else {
            sb_putc(&b, *p);
        }
    }
    SourceFile sf;
    memset(&sf, 0, sizeof sf);
    sf.id = -1;
    sf.name = (char *)"template";
    sf.text = arena_strndup(a, b.s, b.len);
    sf.len = b.len;
    sb_free(&b);
    src_build_lines(&sf);
    DiagList dl;
    diag_init(&dl, a);
    Parser p;
    ps_init(&p, target == DIALECT_MYSQL ? DIALECT_MYSQL : DIALECT_POSTGRES, &sf, a, &dl);
    Node *e = ps_expr(&p);
    int ok = e && !p.failed && ps_cur(&p)->kind == TK_EOF;
    if (!ok)
        snprintf(err, errcap, "%s", p.failed && p.err_msg[0] ? p.err_msg
                                    : e ? "unexpected text after the expression" : "not an expression");
    else {
        TypeFix tf = {{typefix_slot, typefix_list, NULL}, &sf, a};
        typefix_slot(&tf.v, &e);
    }
    ps_free(&p);
    free(sf.lines);
    return ok ? e : NULL;
}

static Node *rule_template(Rw *w, const FuncRule *r)
{
    FuncRule *m = (FuncRule *)r; /* the cache field is meant to be filled here */
    if (!m->tmpl) {
        char err[256];
        Node *e = parse_template(&((RuleSet *)w->cx->rules)->arena, w->cx->target, r->to, err, sizeof err);
        m->tmpl = e ? (void *)e : TMPL_FAILED;
    }
    return m->tmpl == TMPL_FAILED ? NULL : (Node *)m->tmpl;
}

static int prepare_templates(RuleSet *rs, Dialect target, int min_layer, char **err)
{
    StrBuf msg;
    sb_init(&msg);
    int bad = 0;
    for (int i = 0; i < rs->funcs.n; i++) {
        FuncRule *r = &rs->funcs.items[i];
        if (!r->to || !r->to[0] || r->tmpl || r->layer < min_layer)
            continue;
        char e[256];
        Node *t = parse_template(&rs->arena, target, r->to, e, sizeof e);
        r->tmpl = t ? (void *)t : TMPL_FAILED;
        if (!t) {
            if (bad++ < 20)
                sb_printf(&msg, "%s%s:%d: template of %s does not parse: %s", bad > 1 ? "\n" : "",
                          r->file ? r->file : "rules", r->line, r->name, e);
        }
    }
    if (bad && err)
        *err = sb_take(&msg);
    sb_free(&msg);
    return bad ? -1 : 0;
}

int rw_prepare_templates(RuleSet *rs, Dialect target, char **err)
{
    rules_expand(rs); /* every rule, the built-in ones included */
    return prepare_templates(rs, target, 0, err);
}

int rw_prepare_user_templates(RuleSet *rs, Dialect target, char **err)
{
    return prepare_templates(rs, target, 1, err);
}

/* ==== instantiation ========================================================= */

typedef struct Inst {
    RwVisit v;
    Rw *w;
    const NodeList *args;
    SrcSpan span;
    int parent_kind;     /* kind of the node whose children are being copied */
    int parent_colons;   /* parent is a :: cast */
    int ok;
} Inst;

/* 1..9 for a $n slot, 0 for $*, -1 otherwise. */
static int slot_index(const Node *n)
{
    if (n->kind == N_PARAM)
        return ((const ParamRef *)n)->index;
    if (n->kind != N_NAME)
        return -1;
    const QName *q = &((const NameRef *)n)->name;
    if (q->n != 1 || !q->parts[0].text)
        return -1;
    const Ident *id = &q->parts[0];
    size_t pl = strlen(SLOT_PREFIX);
    if (id->len == strlen(SLOT_ALL) && !strncasecmp(id->text, SLOT_ALL, id->len))
        return 0;
    if (id->len == pl + 1 && !strncasecmp(id->text, SLOT_PREFIX, pl) && id->text[pl] >= '1' &&
        id->text[pl] <= '9')
        return id->text[pl] - '0';
    return -1;
}

static int operator_kind(int kind)
{
    return kind == N_BINARY || kind == N_UNARY || kind == N_IS || kind == N_LIKE ||
           kind == N_BETWEEN || kind == N_IN || kind == N_COLLATE || kind == N_QUANTIFIED;
}

static Node *inst_node(Inst *in, const Node *t);

static void inst_slot(RwVisit *v, Node **slot)
{
    *slot = inst_node((Inst *)v, *slot);
}

static void inst_list(RwVisit *v, NodeList *l)
{
    Inst *in = (Inst *)v;
    NodeList out = {0, 0, NULL};
    for (int i = 0; i < l->n; i++) {
        const Node *t = l->items[i];
        if (t && slot_index(t) == 0) {
            for (int k = 0; k < in->args->n; k++)
                nl_push(in->w->cx->arena, &out, rw_copy(in->w, in->args->items[k]));
            continue;
        }
        nl_push(in->w->cx->arena, &out, inst_node(in, t));
    }
    *l = out;
}

/* Text of a literal argument put into a template's string literal. */
static const char *literal_text(const Node *a)
{
    if (a && a->kind == N_LITERAL)
        return ((const Literal *)a)->value;
    return NULL;
}

static Node *inst_node(Inst *in, const Node *t)
{
    if (!t)
        return NULL;
    Rw *w = in->w;
    int k = slot_index(t);
    if (k >= 1) {
        if (k > in->args->n) {
            in->ok = 0;
            return mk_null(w, in->span);
        }
        Node *a = rw_copy(w, in->args->items[k - 1]);
        if (operator_kind(in->parent_kind) || in->parent_colons)
            mk_paren(a);
        return a;
    }
    if (k == 0) { /* $* outside a list */
        in->ok = 0;
        return mk_null(w, in->span);
    }
    size_t size = ast_node_size(t->kind);
    Node *c = arena_alloc(w->cx->arena, size);
    memcpy(c, t, size);
    c->span = in->span;
    c->flags |= NF_SYNTHETIC;
    if (c->kind == N_LITERAL && strstr(((Literal *)c)->value, SLOT_PREFIX)) {
        /* a slot inside a string literal: only a literal argument fits */
        Literal *l = (Literal *)c;
        StrBuf b;
        sb_init(&b);
        for (const char *p = l->value; *p;) {
            size_t pl = strlen(SLOT_PREFIX);
            if (!strncmp(p, SLOT_PREFIX, pl) && p[pl] >= '1' && p[pl] <= '9') {
                int j = p[pl] - '0';
                const char *v = j <= in->args->n ? literal_text(in->args->items[j - 1]) : NULL;
                if (!v)
                    in->ok = 0;
                sb_puts(&b, v ? v : "");
                p += pl + 1;
            } else {
                sb_putc(&b, *p++);
            }
        }
        l->value = arena_strndup(w->cx->arena, b.s, b.len);
        l->len = (uint32_t)b.len;
        sb_free(&b);
        return c;
    }
    int saved_kind = in->parent_kind, saved_colons = in->parent_colons;
    in->parent_kind = c->kind;
    in->parent_colons = c->kind == N_CAST && ((CastExpr *)c)->syntax == CAST_COLONS;
    rw_children(c, &in->v);
    in->parent_kind = saved_kind;
    in->parent_colons = saved_colons;
    return c;
}

/* The template applied to a call; NULL if it cannot be (missing argument). */
static Node *instantiate(Rw *w, Node *tmpl, FuncCall *f)
{
    Inst in = {{inst_slot, inst_list, NULL}, w, &f->args, f->h.span, 0, 0, 1};
    Node *r = inst_node(&in, tmpl);
    if (!in.ok)
        return NULL;
    int extras = f->distinct || f->over || f->filter || f->order.n || f->within.n || f->nulls ||
                 f->keep;
    if (!extras)
        return r;
    if (r->kind != N_FUNC)
        return NULL;
    FuncCall *g = (FuncCall *)r;
    if (f->distinct)
        g->distinct = 1;
    if (f->over)
        g->over = f->over;
    if (f->filter)
        g->filter = f->filter;
    if (f->order.n)
        g->order = f->order;
    if (f->nulls)
        g->nulls = f->nulls;
    if (f->keep)
        g->keep = f->keep;
    if (f->within.n) {
        /* PostgreSQL's string_agg/array_agg take the order inside the call */
        if (w->cx->target == DIALECT_POSTGRES && g->upper &&
            (!strcmp(g->upper, "STRING_AGG") || !strcmp(g->upper, "ARRAY_AGG")) && !f->over)
            g->order = f->within;
        else
            g->within = f->within;
    }
    return r;
}

/* ==== small helpers ========================================================== */

static SrcSpan SP(FuncCall *f) { return f->h.span; }

static Node *arg(FuncCall *f, int i) { return i < f->args.n ? f->args.items[i] : NULL; }

/* The upper-case word of a date part argument: day, DAY, 'day', dd. */
static const char *part_word(Rw *w, const Node *a)
{
    if (!a)
        return NULL;
    if (a->kind == N_NAME && ((const NameRef *)a)->name.n == 1) {
        const Ident *id = &((const NameRef *)a)->name.parts[0];
        return rw_upper(w, id->text, id->len);
    }
    if (a->kind == N_KEYWORD_EXPR)
        return rw_upper(w, ((const KeywordExpr *)a)->word, strlen(((const KeywordExpr *)a)->word));
    if (a->kind == N_LITERAL && (((const Literal *)a)->lk == LIT_STRING))
        return rw_upper(w, ((const Literal *)a)->value, ((const Literal *)a)->len);
    if (a->kind == N_FUNC && ((const FuncCall *)a)->noparens) /* a niladic keyword */
        return ((const FuncCall *)a)->upper;
    return NULL;
}

typedef enum DatePart {
    DP_NONE, DP_YEAR, DP_QUARTER, DP_MONTH, DP_DAYOFYEAR, DP_DAY, DP_WEEK, DP_WEEKDAY,
    DP_HOUR, DP_MINUTE, DP_SECOND, DP_MILLISECOND, DP_MICROSECOND, DP_NANOSECOND,
    DP_ISO_WEEK, DP_TZOFFSET
} DatePart;

static int tsql_part(const char *u)
{
    static const struct { const char *w; int p; } parts[] = {
        {"YEAR", DP_YEAR}, {"YY", DP_YEAR}, {"YYYY", DP_YEAR},
        {"QUARTER", DP_QUARTER}, {"QQ", DP_QUARTER}, {"Q", DP_QUARTER},
        {"MONTH", DP_MONTH}, {"MM", DP_MONTH}, {"M", DP_MONTH},
        {"DAYOFYEAR", DP_DAYOFYEAR}, {"DY", DP_DAYOFYEAR}, {"Y", DP_DAYOFYEAR},
        {"DAY", DP_DAY}, {"DD", DP_DAY}, {"D", DP_DAY},
        {"WEEK", DP_WEEK}, {"WK", DP_WEEK}, {"WW", DP_WEEK},
        {"WEEKDAY", DP_WEEKDAY}, {"DW", DP_WEEKDAY}, {"W", DP_WEEKDAY},
        {"HOUR", DP_HOUR}, {"HH", DP_HOUR},
        {"MINUTE", DP_MINUTE}, {"MI", DP_MINUTE}, {"N", DP_MINUTE},
        {"SECOND", DP_SECOND}, {"SS", DP_SECOND}, {"S", DP_SECOND},
        {"MILLISECOND", DP_MILLISECOND}, {"MS", DP_MILLISECOND},
        {"MICROSECOND", DP_MICROSECOND}, {"MCS", DP_MICROSECOND},
        {"NANOSECOND", DP_NANOSECOND}, {"NS", DP_NANOSECOND},
        {"ISO_WEEK", DP_ISO_WEEK}, {"ISOWK", DP_ISO_WEEK}, {"ISOWW", DP_ISO_WEEK},
        {"TZOFFSET", DP_TZOFFSET}, {"TZ", DP_TZOFFSET},
    };
    if (!u)
        return DP_NONE;
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
        if (!strcmp(u, parts[i].w))
            return parts[i].p;
    return DP_NONE;
}

/* PostgreSQL interval unit and how many of them one source unit is. */
static const char *pg_unit(int part, int *mult)
{
    *mult = 1;
    switch (part) {
    case DP_YEAR: return "year";
    case DP_QUARTER: *mult = 3; return "month";
    case DP_MONTH: return "month";
    case DP_DAYOFYEAR: case DP_DAY: case DP_WEEKDAY: return "day";
    case DP_WEEK: return "week";
    case DP_HOUR: return "hour";
    case DP_MINUTE: return "minute";
    case DP_SECOND: return "second";
    case DP_MILLISECOND: return "millisecond";
    case DP_MICROSECOND: return "microsecond";
    default: return NULL;
    }
}

static const char *my_unit(int part)
{
    switch (part) {
    case DP_YEAR: return "YEAR";
    case DP_QUARTER: return "QUARTER";
    case DP_MONTH: return "MONTH";
    case DP_DAYOFYEAR: case DP_DAY: case DP_WEEKDAY: return "DAY";
    case DP_WEEK: return "WEEK";
    case DP_HOUR: return "HOUR";
    case DP_MINUTE: return "MINUTE";
    case DP_SECOND: return "SECOND";
    case DP_MICROSECOND: return "MICROSECOND";
    default: return NULL;
    }
}

/* A date/time argument as PostgreSQL wants it: string literals are cast. */
static Node *as_timestamp(Rw *w, Node *d)
{
    if (rw_is_string_literal(d))
        return mk_cast(w, d->span, d, "timestamp");
    return d;
}

/* Is e of a date-only type (T-SQL/MySQL DATE)? date + integer stays a date. */
static int is_date_only(Rw *w, const Node *e)
{
    if (!e || w->cx->source == DIALECT_ORACLE) /* Oracle DATE has a time */
        return 0;
    if (e->kind == N_NAME) {
        const CatColumn *c = rw_resolve_column(w, (const NameRef *)e, NULL);
        return c && c->type_upper && !strcmp(c->type_upper, "DATE");
    }
    if (e->kind == N_CAST) {
        const TypeName *t = ((const CastExpr *)e)->type;
        return t && t->upper && !strcasecmp(t->upper, "DATE");
    }
    return 0;
}

static Node *date_part_call(Rw *w, SrcSpan sp, const char *field, Node *d)
{
    return &mk_call(w, sp, "date_part", 2, mk_str(w, sp, field), d)->h;
}

static Node *int_cast(Rw *w, SrcSpan sp, Node *e) { return mk_cast(w, sp, e, "integer"); }

/* ==== C handlers ============================================================== */

typedef Node *(*Handler)(Rw *w, FuncCall *f);

/* DECODE(e, s1, r1, ..., [default]): NULL (and '') match NULL. */
static Node *h_decode(Rw *w, FuncCall *f)
{
    if (f->args.n < 3)
        return NULL;
    Node *e = arg(f, 0);
    int npairs = (f->args.n - 1) / 2;
    Node *dflt = (f->args.n - 1) % 2 ? arg(f, f->args.n - 1) : NULL;
    int simple = 1;
    for (int i = 0; i < npairs; i++) {
        Node *s = arg(f, 1 + 2 * i);
        if (!s || s->kind != N_LITERAL || ((Literal *)s)->lk == LIT_NULL ||
            (rw_is_string_literal(s) && ((Literal *)s)->len == 0))
            simple = 0;
    }
    CaseExpr *c = mk_case(w, SP(f), simple ? e : NULL);
    for (int i = 0; i < npairs; i++) {
        Node *s = arg(f, 1 + 2 * i), *r = arg(f, 2 + 2 * i);
        Node *cond;
        if (simple)
            cond = s;
        else if ((s->kind == N_LITERAL && ((Literal *)s)->lk == LIT_NULL) ||
                 (rw_is_string_literal(s) && ((Literal *)s)->len == 0))
            cond = mk_is_null(w, s->span, mk_paren(rw_copy(w, e)), 0);
        else if (s->kind == N_LITERAL)
            cond = mk_bin(w, s->span, B_EQ, mk_paren(rw_copy(w, e)), s);
        else /* IS NOT DISTINCT FROM (PostgreSQL) / <=> (MySQL): NULL matches NULL */
            cond = mk_bin(w, s->span, B_NSEQ, mk_paren(rw_copy(w, e)), mk_paren(s));
        mk_when(w, c, cond, r);
    }
    c->else_ = dflt;
    return &c->h;
}

static Node *h_iif(Rw *w, FuncCall *f)
{
    if (f->args.n != 3)
        return NULL;
    CaseExpr *c = mk_case(w, SP(f), NULL);
    Node *cond = arg(f, 0);
    /* MySQL IF(x, ...) takes a number as condition */
    int cls = rw_expr_class(w, cond);
    if (w->cx->target == DIALECT_POSTGRES && (cls == CLS_NUMERIC || cls == CLS_STRING))
        cond = mk_bin(w, cond->span, B_NE, mk_paren(cond), mk_int(w, cond->span, 0));
    mk_when(w, c, cond, arg(f, 1));
    c->else_ = arg(f, 2);
    return &c->h;
}

static Node *h_choose(Rw *w, FuncCall *f)
{
    if (f->args.n < 2)
        return NULL;
    CaseExpr *c = mk_case(w, SP(f), arg(f, 0));
    for (int i = 1; i < f->args.n; i++)
        mk_when(w, c, mk_int(w, SP(f), i), arg(f, i));
    return &c->h;
}

/* d + n units, in the target's syntax. */
static Node *add_units(Rw *w, SrcSpan sp, Node *d, Node *n, int part, int negate)
{
    int mult;
    const char *unit = pg_unit(part, &mult);
    if (w->cx->target == DIALECT_MYSQL) {
        const char *mu = my_unit(part);
        Node *val = n;
        if (part == DP_MILLISECOND) {
            mu = "MICROSECOND";
            val = mk_bin(w, sp, B_MUL, mk_paren(n), mk_int(w, sp, 1000));
        }
        if (!mu)
            return NULL;
        IntervalExpr *iv = NODE_NEW(w->cx->arena, IntervalExpr, INTERVAL, sp);
        iv->h.flags |= NF_SYNTHETIC;
        iv->value = val;
        iv->unit = mu;
        return &mk_call(w, sp, negate ? "DATE_SUB" : "DATE_ADD", 2, d, &iv->h)->h;
    }
    if (!unit)
        return NULL;
    long k;
    int date_only = is_date_only(w, d);
    d = mk_paren(as_timestamp(w, d));
    /* T-SQL truncates a fractional number of units */
    if (n->kind == N_LITERAL && ((Literal *)n)->lk == LIT_DECIMAL)
        n = &mk_call(w, sp, "trunc", 1, n)->h;
    if (date_only && (part == DP_DAY || part == DP_DAYOFYEAR || part == DP_WEEKDAY || part == DP_WEEK)) {
        Node *days = part == DP_WEEK ? mk_bin(w, sp, B_MUL, mk_int(w, sp, 7), mk_paren(n)) : mk_paren(n);
        return mk_bin(w, sp, negate ? B_SUB : B_ADD, d, days);
    }
    Node *iv;
    if (rw_int_literal(n, &k)) {
        long v = k * mult;
        iv = mk_interval(w, sp, arena_printf(w->cx->arena, "%ld %s%s", v, unit, (v == 1 || v == -1) ? "" : "s"));
    } else if (mult != 1) {
        iv = mk_bin(w, sp, B_MUL, mk_paren(n),
                    mk_interval(w, sp, arena_printf(w->cx->arena, "%d %ss", mult, unit)));
    } else {
        iv = mk_bin(w, sp, B_MUL, mk_paren(n), mk_interval(w, sp, arena_printf(w->cx->arena, "1 %s", unit)));
    }
    Node *r = mk_bin(w, sp, negate ? B_SUB : B_ADD, d, iv);
    if (date_only) /* DATEADD on a date returns a date */
        r = mk_cast(w, sp, r, "date");
    return r;
}

static Node *h_dateadd(Rw *w, FuncCall *f)
{
    if (f->args.n != 3)
        return NULL;
    const char *pw = part_word(w, arg(f, 0));
    int part = tsql_part(pw);
    Node *n = arg(f, 1), *d = arg(f, 2);
    if (part == DP_NANOSECOND && w->cx->target == DIALECT_POSTGRES) {
        rw_item(w, "SS2016", SP(f), "DATEADD(nanosecond, ...): PostgreSQL timestamps keep microseconds; "
                "the nanoseconds are rounded");
        Node *us = mk_bin(w, SP(f), B_DIV, mk_paren(n), &mk_lit(w, SP(f), LIT_DECIMAL, "1000.0")->h);
        return mk_bin(w, SP(f), B_ADD, mk_paren(as_timestamp(w, d)),
                      mk_bin(w, SP(f), B_MUL, mk_paren(us), mk_interval(w, SP(f), "1 microsecond")));
    }
    Node *r = part ? add_units(w, SP(f), d, n, part, 0) : NULL;
    if (!r)
        rw_item(w, "SS2016", SP(f), "DATEADD with date part %s not converted: rewrite it with interval arithmetic",
                pw ? pw : "(not a keyword)");
    return r;
}

/* Whole units between the starts of the units a and b fall in (T-SQL counts
 * boundaries crossed): exact for every part in PostgreSQL. */
static Node *h_datediff(Rw *w, FuncCall *f)
{
    if (f->args.n != 3)
        return NULL;
    SrcSpan sp = SP(f);
    const char *pw = part_word(w, arg(f, 0));
    int part = tsql_part(pw);
    Node *a = arg(f, 1), *b = arg(f, 2);
    int big = f->upper && !strcmp(f->upper, "DATEDIFF_BIG");
    if (w->cx->target == DIALECT_MYSQL) {
        switch (part) {
        case DP_DAY: case DP_DAYOFYEAR: case DP_WEEKDAY:
            return &mk_call(w, sp, "DATEDIFF", 2, b, a)->h;
        case DP_YEAR:
            return mk_bin(w, sp, B_SUB, &mk_call(w, sp, "YEAR", 1, b)->h, &mk_call(w, sp, "YEAR", 1, rw_copy(w, a))->h);
        case DP_MONTH: case DP_QUARTER: {
            Node *m = mk_bin(w, sp, B_ADD,
                             mk_bin(w, sp, B_MUL,
                                    mk_paren(mk_bin(w, sp, B_SUB, &mk_call(w, sp, "YEAR", 1, b)->h,
                                                    &mk_call(w, sp, "YEAR", 1, a)->h)),
                                    mk_int(w, sp, part == DP_MONTH ? 12 : 4)),
                             mk_bin(w, sp, B_SUB,
                                    &mk_call(w, sp, part == DP_MONTH ? "MONTH" : "QUARTER", 1, rw_copy(w, b))->h,
                                    &mk_call(w, sp, part == DP_MONTH ? "MONTH" : "QUARTER", 1, rw_copy(w, a))->h));
            return m;
        }
        default: {
            const char *mu = my_unit(part);
            if (!mu)
                break;
            rw_item(w, "SS2016", sp, "DATEDIFF(%s, ...) became TIMESTAMPDIFF, which counts whole units "
                    "elapsed instead of unit boundaries crossed", pw);
            KeywordExpr *k = NODE_NEW(w->cx->arena, KeywordExpr, KEYWORD_EXPR, sp);
            k->word = mu;
            return &mk_call(w, sp, "TIMESTAMPDIFF", 3, &k->h, a, b)->h;
        }
        }
        rw_item(w, "SS2016", sp, "DATEDIFF with date part %s not converted", pw ? pw : "(not a keyword)");
        return NULL;
    }
    a = as_timestamp(w, a);
    b = as_timestamp(w, b);
    Node *r = NULL;
    switch (part) {
    case DP_YEAR:
        r = mk_bin(w, sp, B_SUB, date_part_call(w, sp, "year", b), date_part_call(w, sp, "year", a));
        break;
    case DP_QUARTER: case DP_MONTH: {
        int per = part == DP_MONTH ? 12 : 4;
        const char *fld = part == DP_MONTH ? "month" : "quarter";
        Node *years = mk_bin(w, sp, B_SUB, date_part_call(w, sp, "year", b), date_part_call(w, sp, "year", a));
        r = mk_bin(w, sp, B_SUB,
                   mk_bin(w, sp, B_ADD, mk_bin(w, sp, B_MUL, mk_paren(years), mk_int(w, sp, per)),
                          date_part_call(w, sp, fld, rw_copy(w, b))),
                   date_part_call(w, sp, fld, rw_copy(w, a)));
        break;
    }
    case DP_DAY: case DP_DAYOFYEAR: case DP_WEEKDAY:
        return mk_bin(w, sp, B_SUB, mk_cast(w, sp, b, "date"), mk_cast(w, sp, a, "date"));
    case DP_WEEK: {
        /* weeks start on Sunday for DATEDIFF whatever DATEFIRST says: the Sunday
         * on or before each date is date - dow */
        Node *sb = mk_bin(w, sp, B_SUB, mk_cast(w, sp, b, "date"),
                          int_cast(w, sp, date_part_call(w, sp, "dow", rw_copy(w, b))));
        Node *sa = mk_bin(w, sp, B_SUB, mk_cast(w, sp, a, "date"),
                          int_cast(w, sp, date_part_call(w, sp, "dow", rw_copy(w, a))));
        return mk_bin(w, sp, B_DIV, mk_paren(mk_bin(w, sp, B_SUB, mk_paren(sb), mk_paren(sa))), mk_int(w, sp, 7));
    }
    case DP_HOUR: case DP_MINUTE: case DP_SECOND: case DP_MILLISECOND: case DP_MICROSECOND:
    case DP_NANOSECOND: {
        const char *trunc = part == DP_HOUR ? "hour" : part == DP_MINUTE ? "minute"
                          : part == DP_SECOND ? "second" : part == DP_MILLISECOND ? "milliseconds"
                          : "microseconds";
        Node *eb = date_part_call(w, sp, "epoch", &mk_call(w, sp, "date_trunc", 2, mk_str(w, sp, trunc), b)->h);
        Node *ea = date_part_call(w, sp, "epoch", &mk_call(w, sp, "date_trunc", 2, mk_str(w, sp, trunc), a)->h);
        Node *diff = mk_paren(mk_bin(w, sp, B_SUB, eb, ea));
        Node *scaled;
        switch (part) {
        case DP_HOUR: scaled = mk_bin(w, sp, B_DIV, diff, mk_int(w, sp, 3600)); break;
        case DP_MINUTE: scaled = mk_bin(w, sp, B_DIV, diff, mk_int(w, sp, 60)); break;
        case DP_SECOND: scaled = diff; break;
        case DP_MILLISECOND: scaled = mk_bin(w, sp, B_MUL, diff, mk_int(w, sp, 1000)); break;
        case DP_MICROSECOND: scaled = mk_bin(w, sp, B_MUL, diff, mk_int(w, sp, 1000000)); break;
        default:
            rw_item(w, "SS2016", sp, "DATEDIFF(nanosecond, ...): PostgreSQL timestamps keep microseconds; "
                    "the result is a multiple of 1000");
            scaled = mk_bin(w, sp, B_MUL, diff, mk_int(w, sp, 1000000000));
            break;
        }
        return mk_cast(w, sp, &mk_call(w, sp, "round", 1, scaled)->h, big || part >= DP_MILLISECOND ? "bigint" : "integer");
    }
    default:
        rw_item(w, "SS2016", sp, "DATEDIFF with date part %s not converted", pw ? pw : "(not a keyword)");
        return NULL;
    }
    return mk_cast(w, sp, r, big ? "bigint" : "integer");
}

/* DATEPART as an integer expression (PostgreSQL). */
static Node *pg_datepart(Rw *w, SrcSpan sp, int part, Node *d, const char *pw)
{
    d = as_timestamp(w, d);
    switch (part) {
    case DP_YEAR: return int_cast(w, sp, date_part_call(w, sp, "year", d));
    case DP_QUARTER: return int_cast(w, sp, date_part_call(w, sp, "quarter", d));
    case DP_MONTH: return int_cast(w, sp, date_part_call(w, sp, "month", d));
    case DP_DAYOFYEAR: return int_cast(w, sp, date_part_call(w, sp, "doy", d));
    case DP_DAY: return int_cast(w, sp, date_part_call(w, sp, "day", d));
    case DP_ISO_WEEK: return int_cast(w, sp, date_part_call(w, sp, "week", d));
    case DP_HOUR: return int_cast(w, sp, date_part_call(w, sp, "hour", d));
    case DP_MINUTE: return int_cast(w, sp, date_part_call(w, sp, "minute", d));
    case DP_SECOND:
        return int_cast(w, sp, &mk_call(w, sp, "floor", 1, date_part_call(w, sp, "second", d))->h);
    case DP_MILLISECOND: case DP_MICROSECOND: case DP_NANOSECOND: {
        Node *us = int_cast(w, sp, &mk_call(w, sp, "floor", 1,
                                            date_part_call(w, sp, part == DP_MILLISECOND ? "milliseconds" : "microseconds", d))->h);
        Node *r = mk_bin(w, sp, B_MOD, us, mk_int(w, sp, part == DP_MILLISECOND ? 1000 : 1000000));
        if (part == DP_NANOSECOND) {
            rw_item(w, "SS2016", sp, "DATEPART(nanosecond, ...): PostgreSQL timestamps keep microseconds");
            r = mk_bin(w, sp, B_MUL, mk_paren(r), mk_int(w, sp, 1000));
        }
        return r;
    }
    case DP_WEEKDAY:
        rw_item_once(w, "SS2016", "datefirst", sp, "DATEPART(weekday/week, ...) assumes SET DATEFIRST 7 "
                     "(Sunday first, the us_english default)");
        return mk_bin(w, sp, B_ADD, int_cast(w, sp, date_part_call(w, sp, "dow", d)), mk_int(w, sp, 1));
    case DP_WEEK: {
        /* week 1 holds January 1st; weeks start on Sunday (DATEFIRST 7) */
        rw_item_once(w, "SS2016", "datefirst", sp, "DATEPART(weekday/week, ...) assumes SET DATEFIRST 7 "
                     "(Sunday first, the us_english default)");
        Node *doy = date_part_call(w, sp, "doy", d);
        Node *jan1 = date_part_call(w, sp, "dow", &mk_call(w, sp, "date_trunc", 2, mk_str(w, sp, "year"), rw_copy(w, d))->h);
        Node *sum = mk_bin(w, sp, B_SUB, mk_bin(w, sp, B_ADD, doy, jan1), mk_int(w, sp, 1));
        Node *wk = mk_bin(w, sp, B_ADD, &mk_call(w, sp, "floor", 1, mk_bin(w, sp, B_DIV, mk_paren(sum), mk_int(w, sp, 7)))->h,
                          mk_int(w, sp, 1));
        return int_cast(w, sp, wk);
    }
    case DP_TZOFFSET:
        rw_item(w, "SS2016", sp, "DATEPART(tzoffset, ...): timestamptz keeps no offset; this is the "
                "session time zone's offset in minutes");
        return int_cast(w, sp, mk_bin(w, sp, B_DIV, date_part_call(w, sp, "timezone", d), mk_int(w, sp, 60)));
    default:
        rw_item(w, "SS2016", sp, "DATEPART with date part %s not converted", pw ? pw : "(not a keyword)");
        return NULL;
    }
}

static Node *my_datepart(Rw *w, SrcSpan sp, int part, Node *d, const char *pw)
{
    const char *fn = NULL;
    switch (part) {
    case DP_YEAR: fn = "YEAR"; break;
    case DP_QUARTER: fn = "QUARTER"; break;
    case DP_MONTH: fn = "MONTH"; break;
    case DP_DAYOFYEAR: fn = "DAYOFYEAR"; break;
    case DP_DAY: fn = "DAY"; break;
    case DP_WEEKDAY: fn = "DAYOFWEEK"; break;
    case DP_ISO_WEEK: return &mk_call(w, sp, "WEEK", 2, d, mk_int(w, sp, 3))->h;
    case DP_HOUR: fn = "HOUR"; break;
    case DP_MINUTE: fn = "MINUTE"; break;
    case DP_SECOND: fn = "SECOND"; break;
    case DP_MILLISECOND:
        return mk_bin(w, sp, B_INTDIV, &mk_call(w, sp, "MICROSECOND", 1, d)->h, mk_int(w, sp, 1000));
    case DP_MICROSECOND: fn = "MICROSECOND"; break;
    case DP_WEEK:
        rw_item(w, "SS2016", sp, "DATEPART(week, ...) became WEEK(d, 0): weeks start on Sunday but "
                "days before the first Sunday are week 0, not 1");
        return &mk_call(w, sp, "WEEK", 2, d, mk_int(w, sp, 0))->h;
    default:
        rw_item(w, "SS2016", sp, "DATEPART with date part %s not converted", pw ? pw : "(not a keyword)");
        return NULL;
    }
    return &mk_call(w, sp, fn, 1, d)->h;
}

static Node *h_datepart(Rw *w, FuncCall *f)
{
    if (f->args.n != 2)
        return NULL;
    const char *pw = part_word(w, arg(f, 0));
    int part = tsql_part(pw);
    if (w->cx->target == DIALECT_MYSQL)
        return my_datepart(w, SP(f), part, arg(f, 1), pw);
    return pg_datepart(w, SP(f), part, arg(f, 1), pw);
}

static Node *h_datename(Rw *w, FuncCall *f)
{
    if (f->args.n != 2)
        return NULL;
    SrcSpan sp = SP(f);
    const char *pw = part_word(w, arg(f, 0));
    int part = tsql_part(pw);
    Node *d = arg(f, 1);
    if (w->cx->target == DIALECT_MYSQL) {
        if (part == DP_MONTH)
            return &mk_call(w, sp, "MONTHNAME", 1, d)->h;
        if (part == DP_WEEKDAY)
            return &mk_call(w, sp, "DAYNAME", 1, d)->h;
        Node *x = my_datepart(w, sp, part, d, pw);
        return x ? mk_cast(w, sp, x, "char") : NULL;
    }
    if (part == DP_MONTH)
        return &mk_call(w, sp, "to_char", 2, as_timestamp(w, d), mk_str(w, sp, "FMMonth"))->h;
    if (part == DP_WEEKDAY)
        return &mk_call(w, sp, "to_char", 2, as_timestamp(w, d), mk_str(w, sp, "FMDay"))->h;
    Node *x = pg_datepart(w, sp, part, d, pw);
    return x ? mk_cast(w, sp, x, "text") : NULL;
}

/* T-SQL AVG over an integer column is an integer (the fraction is cut:
 * AVG of 4095 and 3876 is 3985); PostgreSQL and MySQL return a decimal.
 * Truncating toward zero and casting back keeps the T-SQL result. */
static Node *h_avg_int(Rw *w, FuncCall *f)
{
    if (f->h.flags & NF_SYNTHETIC || f->args.n != 1 || f->star || !f->args.items[0] ||
        f->args.items[0]->kind != N_NAME)
        return NULL;
    const CatColumn *c = rw_resolve_column(w, (const NameRef *)f->args.items[0], NULL);
    if (!c || !c->type_upper)
        return NULL;
    const char *t = c->type_upper;
    int big = !strcmp(t, "BIGINT");
    if (!big && strcmp(t, "INT") && strcmp(t, "INTEGER") && strcmp(t, "SMALLINT") && strcmp(t, "TINYINT"))
        return NULL;
    SrcSpan sp = SP(f);
    f->h.flags |= NF_SYNTHETIC; /* handled: the wrapped call is not wrapped again */
    if (rw_target_pg(w))
        return mk_cast(w, sp, &mk_call(w, sp, "trunc", 1, &f->h)->h, big ? "bigint" : "integer");
    return mk_cast(w, sp, &mk_call(w, sp, "TRUNCATE", 2, &f->h, mk_int(w, sp, 0))->h, "SIGNED");
}

/* A MySQL system variable (@@name) made by a rewrite. */
static Node *mk_sysvar(Rw *w, SrcSpan sp, const char *name)
{
    VarRef *v = NODE_NEW(w->cx->arena, VarRef, VAR, sp);
    v->h.flags |= NF_SYNTHETIC;
    v->vk = VK_GLOBAL;
    v->name = name;
    return &v->h;
}

/* T-SQL SERVERPROPERTY('name'): the properties the target can answer about
 * itself (as text, like the sql_variant most callers CONVERT). Others keep
 * the rule's SS2028 item. */
static Node *h_serverproperty(Rw *w, FuncCall *f)
{
    const Node *a = f->args.n == 1 ? arg(f, 0) : NULL;
    SrcSpan sp = SP(f);
    const char *prop = a && a->kind == N_LITERAL && (((const Literal *)a)->lk == LIT_STRING ||
                                                      ((const Literal *)a)->lk == LIT_NSTRING)
                           ? ((const Literal *)a)->value
                           : NULL;
    int pg = rw_target_pg(w);
    Node *r = NULL;
    if (!prop)
        ;
    else if (!strcasecmp(prop, "ProductVersion"))
        r = pg ? &mk_call(w, sp, "current_setting", 1, mk_str(w, sp, "server_version"))->h
               : &mk_call(w, sp, "VERSION", 0)->h;
    else if (!strcasecmp(prop, "ProductMajorVersion"))
        r = pg ? &mk_call(w, sp, "split_part", 3, &mk_call(w, sp, "current_setting", 1,
                                                                 mk_str(w, sp, "server_version"))->h,
                          mk_str(w, sp, "."), mk_int(w, sp, 1))->h
               : &mk_call(w, sp, "SUBSTRING_INDEX", 3, &mk_call(w, sp, "VERSION", 0)->h, mk_str(w, sp, "."),
                          mk_int(w, sp, 1))->h;
    else if (!strcasecmp(prop, "Collation"))
        r = pg ? &mk_call(w, sp, "current_setting", 1, mk_str(w, sp, "lc_collate"))->h
               : mk_sysvar(w, sp, "@@collation_server");
    else if (!strcasecmp(prop, "ResourceLastUpdateDateTime") && pg)
        r = mk_cast(w, sp, &mk_call(w, sp, "pg_postmaster_start_time", 0)->h, "timestamp");
    if (!r) { /* the handler table owns the call: say why it stays */
        w->kept_calls++;
        rw_item(w, "SS2028", sp, "SERVERPROPERTY(%s%s%s) has no equivalent: kept as written", prop ? "'" : "",
                prop ? prop : "", prop ? "'" : "");
        return NULL;
    }
    rw_item(w, "SS2033", sp, "SERVERPROPERTY('%s') became %s", prop,
            !strcasecmp(prop, "ResourceLastUpdateDateTime") ? "the server's start time (pg_postmaster_start_time())"
                                                             : "the target server's own value");
    return r;
}

/* MySQL GROUP_CONCAT([DISTINCT] x [, y] [ORDER BY ..] [SEPARATOR s]) */
static Node *h_group_concat(Rw *w, FuncCall *f)
{
    if (f->args.n < 1 || f->star)
        return NULL;
    SrcSpan sp = SP(f);
    Node *x;
    if (f->args.n == 1) {
        x = arg(f, 0);
    } else {
        FuncCall *c = mk_call(w, sp, "concat", 0);
        c->args = f->args;
        x = &c->h;
        rw_item(w, "SS2032", sp, "GROUP_CONCAT of several expressions skips rows where one is NULL; "
                "concat() treats NULL as an empty string");
    }
    if (rw_expr_class(w, x) != CLS_STRING)
        x = mk_cast(w, sp, x, "text");
    Node *sep = f->separator ? f->separator : mk_str(w, sp, ",");
    FuncCall *g = mk_call(w, sp, "string_agg", 2, x, sep);
    g->distinct = f->distinct;
    g->order = f->order;
    g->over = f->over;
    int same_order = f->order.n == 1 && f->args.n == 1 &&
                     !strcmp(rw_span_text(w, ((OrderItem *)f->order.items[0])->expr->span),
                             rw_span_text(w, arg(f, 0)->span));
    if (f->distinct && f->order.n && !same_order)
        rw_item(w, "SS2032", sp, "string_agg(DISTINCT ... ORDER BY ...) needs the ORDER BY expressions "
                "to be the aggregated value in PostgreSQL");
    return &g->h;
}

/* Oracle LISTAGG(x [, sep]) WITHIN GROUP (ORDER BY ..) */
static Node *h_listagg(Rw *w, FuncCall *f)
{
    if (f->args.n < 1 || f->args.n > 2)
        return NULL;
    SrcSpan sp = SP(f);
    if (f->over) {
        rw_item(w, "SS2019", sp, "LISTAGG ... OVER (...): PostgreSQL does not allow an ordered aggregate "
                "as a window function; aggregate in a subquery and join");
        return NULL;
    }
    Node *x = arg(f, 0);
    Node *sep = f->args.n > 1 ? arg(f, 1) : mk_str(w, sp, "");
    if (w->cx->target == DIALECT_MYSQL) {
        FuncCall *g = mk_call(w, sp, "GROUP_CONCAT", 1, x);
        g->order = f->within;
        g->separator = sep;
        g->distinct = f->distinct;
        return &g->h;
    }
    if (rw_expr_class(w, x) != CLS_STRING)
        x = mk_cast(w, sp, x, "text");
    FuncCall *g = mk_call(w, sp, "string_agg", 2, x, sep);
    g->order = f->within;
    g->distinct = f->distinct;
    return &g->h;
}

/* ---- MySQL INTERVAL values ---- */

static int simple_unit(const char *u, const char **pg)
{
    static const struct { const char *my, *pg; } units[] = {
        {"MICROSECOND", "microsecond"}, {"SECOND", "second"}, {"MINUTE", "minute"},
        {"HOUR", "hour"}, {"DAY", "day"}, {"WEEK", "week"}, {"MONTH", "month"},
        {"QUARTER", "quarter"}, {"YEAR", "year"},
        {"MICROSECONDS", "microsecond"}, {"SECONDS", "second"}, {"MINUTES", "minute"},
        {"HOURS", "hour"}, {"DAYS", "day"}, {"WEEKS", "week"}, {"MONTHS", "month"},
        {"YEARS", "year"},
    };
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        if (!strcmp(u, units[i].my)) {
            *pg = units[i].pg;
            return 1;
        }
    return 0;
}

/* "1:30" HOUR_MINUTE -> "1 hour 30 minute" (missing leading parts are
 * absent, as MySQL reads them). NULL if the value does not fit. */
static const char *composite_interval(Rw *w, const char *unit, const char *value)
{
    static const char *const order[] = {"YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND",
                                        "MICROSECOND"};
    const char *us = strchr(unit, '_');
    if (!us)
        return NULL;
    char first[16], last[16];
    size_t fl = (size_t)(us - unit);
    if (fl >= sizeof first || strlen(us + 1) >= sizeof last)
        return NULL;
    memcpy(first, unit, fl);
    first[fl] = 0;
    strcpy(last, us + 1);
    int a = -1, b = -1;
    for (int i = 0; i < 7; i++) {
        if (!strcmp(order[i], first)) a = i;
        if (!strcmp(order[i], last)) b = i;
    }
    if (a < 0 || b < a)
        return NULL;
    long nums[8];
    int nn = 0, neg = 0;
    const char *p = value;
    while (*p == ' ')
        p++;
    if (*p == '-') {
        neg = 1;
        p++;
    }
    while (*p && nn < 8) {
        if (isdigit((unsigned char)*p)) {
            nums[nn++] = strtol(p, (char **)&p, 10);
        } else {
            p++;
        }
    }
    int fields = b - a + 1;
    if (nn == 0 || nn > fields)
        return NULL;
    StrBuf sb;
    sb_init(&sb);
    for (int i = 0; i < nn; i++) {
        int f = b - (nn - 1 - i);
        sb_printf(&sb, "%s%s%ld %s", i ? " " : "", neg ? "-" : "", nums[i], order[f]);
    }
    const char *r = rw_lower(w, sb.s, sb.len);
    sb_free(&sb);
    return r;
}

/* An INTERVAL value as a PostgreSQL interval expression, or NULL. */
static Node *pg_interval(Rw *w, SrcSpan sp, Node *value, const char *unit)
{
    const char *pgu;
    long k;
    if (simple_unit(unit, &pgu)) {
        int mult = 1;
        if (!strcmp(pgu, "quarter")) {
            pgu = "month";
            mult = 3;
        }
        if (rw_int_literal(value, &k))
            return mk_interval(w, sp, arena_printf(w->cx->arena, "%ld %s", k * mult, pgu));
        if (rw_is_string_literal(value)) {
            const char *v = ((Literal *)value)->value;
            char *end;
            strtod(v, &end);
            if (end != v && *end == 0 && mult == 1)
                return mk_interval(w, sp, arena_printf(w->cx->arena, "%s %s", v, pgu));
        }
        return mk_bin(w, sp, B_MUL, mk_paren(value),
                      mk_interval(w, sp, arena_printf(w->cx->arena, "%d %s", mult, pgu)));
    }
    if (rw_is_string_literal(value)) {
        const char *t = composite_interval(w, unit, ((Literal *)value)->value);
        if (t)
            return mk_interval(w, sp, t);
    }
    return NULL;
}

/* DATE_ADD(d, INTERVAL n unit), DATE_SUB, ADDDATE(d, n | INTERVAL), SUBDATE */
static Node *h_date_add(Rw *w, FuncCall *f)
{
    if (f->args.n != 2)
        return NULL;
    SrcSpan sp = SP(f);
    int neg = !strcmp(f->upper, "DATE_SUB") || !strcmp(f->upper, "SUBDATE");
    Node *d = arg(f, 0), *iv = arg(f, 1);
    Node *amount;
    if (iv->kind == N_INTERVAL) {
        IntervalExpr *ie = (IntervalExpr *)iv;
        amount = pg_interval(w, sp, ie->value, ie->unit ? ie->unit : "DAY");
        if (!amount) {
            rw_item(w, "SS2016", sp, "%s with INTERVAL ... %s not converted: write the interval as "
                    "interval 'n unit ...'", f->upper, ie->unit ? ie->unit : "");
            return NULL;
        }
        if (is_date_only(w, d) && ie->unit && (!strcmp(ie->unit, "DAY") || !strcmp(ie->unit, "WEEK"))) {
            Node *days = !strcmp(ie->unit, "WEEK") ? mk_bin(w, sp, B_MUL, mk_int(w, sp, 7), mk_paren(ie->value))
                                                   : mk_paren(ie->value);
            return mk_bin(w, sp, neg ? B_SUB : B_ADD, mk_paren(d), days);
        }
    } else if (iv->kind == N_CAST && ((CastExpr *)iv)->syntax == CAST_TYPED_LITERAL) {
        amount = iv; /* already converted by xf_interval */
        /* date + whole days stays a date */
        const Node *lit = ((CastExpr *)iv)->expr;
        long k;
        char unit[16];
        if (is_date_only(w, d) && rw_is_string_literal(lit) &&
            sscanf(((const Literal *)lit)->value, "%ld %15s", &k, unit) == 2 &&
            (!strncmp(unit, "day", 3) || !strncmp(unit, "week", 4)))
            return mk_bin(w, sp, neg ? B_SUB : B_ADD, mk_paren(d),
                          mk_int(w, sp, unit[0] == 'w' ? 7 * k : k));
    } else {
        if (is_date_only(w, d))
            return mk_bin(w, sp, neg ? B_SUB : B_ADD, mk_paren(d), mk_paren(iv));
        amount = mk_bin(w, sp, B_MUL, mk_paren(iv), mk_interval(w, sp, "1 day"));
    }
    return mk_bin(w, sp, neg ? B_SUB : B_ADD, mk_paren(as_timestamp(w, d)), mk_paren(amount));
}

/* TIMESTAMPADD(unit, n, d) */
static Node *h_timestampadd(Rw *w, FuncCall *f)
{
    if (f->args.n != 3)
        return NULL;
    const char *u = part_word(w, arg(f, 0));
    if (!u)
        return NULL;
    if (!strncmp(u, "SQL_TSI_", 8))
        u += 8;
    Node *amount = pg_interval(w, SP(f), arg(f, 1), u);
    if (!amount)
        return NULL;
    return mk_bin(w, SP(f), B_ADD, mk_paren(as_timestamp(w, arg(f, 2))), mk_paren(amount));
}

/* TIMESTAMPDIFF(unit, a, b): whole units elapsed, truncated toward zero */
static Node *h_timestampdiff(Rw *w, FuncCall *f)
{
    if (f->args.n != 3)
        return NULL;
    SrcSpan sp = SP(f);
    const char *u = part_word(w, arg(f, 0));
    if (!u)
        return NULL;
    if (!strncmp(u, "SQL_TSI_", 8))
        u += 8;
    Node *a = as_timestamp(w, arg(f, 1)), *b = as_timestamp(w, arg(f, 2));
    long secs = !strcmp(u, "SECOND") ? 1 : !strcmp(u, "MINUTE") ? 60 : !strcmp(u, "HOUR") ? 3600
              : !strcmp(u, "DAY") ? 86400 : !strcmp(u, "WEEK") ? 604800 : 0;
    if (secs || !strcmp(u, "MICROSECOND")) {
        Node *ep = date_part_call(w, sp, "epoch", mk_paren(mk_bin(w, sp, B_SUB, b, a)));
        Node *q = secs > 1 ? mk_bin(w, sp, B_DIV, ep, mk_int(w, sp, secs))
                : secs == 1 ? ep : mk_bin(w, sp, B_MUL, ep, mk_int(w, sp, 1000000));
        return mk_cast(w, sp, &mk_call(w, sp, "trunc", 1, q)->h, "bigint");
    }
    int per = !strcmp(u, "MONTH") ? 1 : !strcmp(u, "QUARTER") ? 3 : !strcmp(u, "YEAR") ? 12 : 0;
    if (!per)
        return NULL;
    Node *age = &mk_call(w, sp, "age", 2, b, a)->h;
    Node *months = mk_bin(w, sp, B_ADD,
                          mk_bin(w, sp, B_MUL, date_part_call(w, sp, "year", age), mk_int(w, sp, 12)),
                          date_part_call(w, sp, "month", rw_copy(w, age)));
    Node *r = per == 1 ? months : &mk_call(w, sp, "trunc", 1, mk_bin(w, sp, B_DIV, mk_paren(months), mk_int(w, sp, per)))->h;
    rw_item(w, "SS2016", sp, "TIMESTAMPDIFF(%s, ...) became age() arithmetic: the end of month "
            "handling can differ by one", u);
    return mk_cast(w, sp, r, "bigint");
}

/* MySQL EXTRACT(unit FROM d): PostgreSQL has the simple units. */
static Node *h_extract(Rw *w, FuncCall *f)
{
    if (f->args.n != 2)
        return NULL;
    const char *u = part_word(w, arg(f, 0));
    const char *pgu;
    if (u && simple_unit(u, &pgu)) {
        if (!strcmp(u, "WEEK"))
            rw_item(w, "SS2016", SP(f), "EXTRACT(WEEK ...) is the ISO week in PostgreSQL (WEEK(d, 3) in MySQL)");
        if (!strcmp(u, "SECOND"))
            return int_cast(w, SP(f), &mk_call(w, SP(f), "floor", 1, date_part_call(w, SP(f), "second", arg(f, 1)))->h);
        return int_cast(w, SP(f), date_part_call(w, SP(f), pgu, arg(f, 1)));
    }
    rw_item(w, "SS2016", SP(f), "EXTRACT(%s FROM ...) has no PostgreSQL field: combine date_part() calls",
            u ? u : "?");
    return NULL;
}

/* Oracle EXTRACT(field FROM x): the same form exists in both targets. */
static Node *h_keep(Rw *w, FuncCall *f)
{
    (void)w;
    return &f->h;
}

/* MariaDB NEXTVAL(seq) / LASTVAL(seq) / SETVAL(seq, n) */
static Node *h_mariadb_seq(Rw *w, FuncCall *f)
{
    Node *s = arg(f, 0);
    if (!s || s->kind != N_NAME)
        return NULL;
    const char *name = rw_lower(w, rw_qname_text(w, &((NameRef *)s)->name), strlen(rw_qname_text(w, &((NameRef *)s)->name)));
    const char *fn = !strcmp(f->upper, "NEXTVAL") ? "nextval" : !strcmp(f->upper, "LASTVAL") ? "currval" : "setval";
    FuncCall *g = mk_call(w, SP(f), fn, 1, mk_str(w, s->span, name));
    for (int i = 1; i < f->args.n && i < 3; i++)
        nl_push(w->cx->arena, &g->args, arg(f, i));
    rw_item_once(w, "SS2017", name, SP(f), "%s(%s) became %s('%s')", f->upper, name, fn, name);
    return &g->h;
}

/* ---- Oracle format models ---- */

/* Elements Oracle has and PostgreSQL's to_char/to_date lack. */
static void check_format(Rw *w, FuncCall *f, const Node *fmt)
{
    if (!rw_is_string_literal(fmt))
        return;
    const char *s = ((const Literal *)fmt)->value;
    static const char *const bad[] = {"RRRR", "RR", "SYYYY", "SYEAR", "YEAR", "TZR", "TZD",
                                      "EE", "SP", "X", NULL};
    int inq = 0;
    for (const char *p = s; *p; p++) {
        if (*p == '"') {
            inq = !inq;
            continue;
        }
        if (inq)
            continue;
        for (int i = 0; bad[i]; i++) {
            size_t n = strlen(bad[i]);
            if (strncasecmp(p, bad[i], n) == 0) {
                /* FF alone is FF6 in PostgreSQL terms: handled by the caller */
                rw_item(w, "SS2021", f->h.span, "%s format '%s': element %s has no PostgreSQL equivalent",
                        f->upper, s, bad[i]);
                return;
            }
        }
        if ((p[0] == 'F' || p[0] == 'f') && (p[1] == 'F' || p[1] == 'f') &&
            !(p[2] >= '1' && p[2] <= '9')) {
            rw_item(w, "SS2021", f->h.span, "%s format '%s': FF without digits: use FF6 or US", f->upper, s);
            return;
        }
    }
}

static int format_has_time(const Node *fmt)
{
    if (!rw_is_string_literal(fmt))
        return 1; /* unknown: keep the time */
    const char *s = ((const Literal *)fmt)->value;
    static const char *const t[] = {"HH", "MI", "SS", "AM", "PM", "A.M.", "P.M.", NULL};
    for (const char *p = s; *p; p++)
        for (int i = 0; t[i]; i++)
            if (strncasecmp(p, t[i], strlen(t[i])) == 0)
                return 1;
    return 0;
}

/* Oracle TO_DATE: returns a DATE with a time of day (timestamp(0) here). */
static Node *h_to_date(Rw *w, FuncCall *f)
{
    SrcSpan sp = SP(f);
    if (f->args.n == 1) {
        rw_item(w, "SS2021", sp, "TO_DATE without a format uses NLS_DATE_FORMAT: became a cast, "
                "which reads ISO dates (YYYY-MM-DD)");
        return mk_cast(w, sp, arg(f, 0), "timestamp(0)");
    }
    if (f->args.n < 2 || f->args.n > 3)
        return NULL;
    if (f->args.n == 3)
        rw_item(w, "SS2021", sp, "TO_DATE: the NLS parameter argument was dropped");
    check_format(w, f, arg(f, 1));
    if (format_has_time(arg(f, 1)))
        return mk_cast(w, sp, &mk_call(w, sp, "to_timestamp", 2, arg(f, 0), arg(f, 1))->h, "timestamp(0)");
    return &mk_call(w, sp, "to_date", 2, arg(f, 0), arg(f, 1))->h;
}

static Node *h_to_char(Rw *w, FuncCall *f)
{
    if (f->args.n < 2 || f->args.n > 3)
        return NULL; /* one argument: the rule */
    if (f->args.n == 3)
        rw_item(w, "SS2021", SP(f), "TO_CHAR: the NLS parameter argument was dropped");
    check_format(w, f, arg(f, 1));
    return &mk_call(w, SP(f), "to_char", 2, arg(f, 0), arg(f, 1))->h;
}

static Node *h_to_timestamp(Rw *w, FuncCall *f)
{
    if (f->args.n < 2 || f->args.n > 3)
        return NULL;
    check_format(w, f, arg(f, 1));
    return mk_cast(w, SP(f), &mk_call(w, SP(f), "to_timestamp", 2, arg(f, 0), arg(f, 1))->h, "timestamp");
}

/* ---- the handler table ---- */

typedef struct HandlerDef {
    const char *name;
    unsigned src, tgt;
    Handler fn;
} HandlerDef;

/* hierarchyid::GetRoot() and hierarchyid::Parse(s) on the text path
 * representation (xf_hierarchyid.c): the root is '/', Parse gives the path */
static Node *h_hid_getroot(Rw *w, FuncCall *f)
{
    return f->args.n == 0 ? mk_str(w, SP(f), "/") : NULL;
}

static Node *h_hid_parse(Rw *w, FuncCall *f)
{
    if (f->args.n != 1)
        return NULL;
    rw_item(w, "SS2041", SP(f), "hierarchyid::Parse(%s) became the text itself: SQL Server rejects a string that "
            "is not a path (/1/2/); the text is not checked", rw_span_text(w, arg(f, 0)->span));
    return mk_cast(w, SP(f), arg(f, 0), "text");
}

static const HandlerDef handlers[] = {
    {"HIERARCHYID::GETROOT", S_TSQL, T_PG, h_hid_getroot},
    {"HIERARCHYID::PARSE", S_TSQL, T_PG, h_hid_parse},
    {"DECODE", S_ORACLE, T_ANY, h_decode},
    {"IIF", S_TSQL, T_ANY, h_iif},
    {"IF", S_MYSQL, T_PG, h_iif},
    {"CHOOSE", S_TSQL, T_ANY, h_choose},
    {"DATEADD", S_TSQL, T_ANY, h_dateadd},
    {"DATEDIFF", S_TSQL, T_ANY, h_datediff},
    {"DATEDIFF_BIG", S_TSQL, T_ANY, h_datediff},
    {"DATEPART", S_TSQL, T_ANY, h_datepart},
    {"DATENAME", S_TSQL, T_ANY, h_datename},
    {"SERVERPROPERTY", S_TSQL, T_ANY, h_serverproperty},
    {"AVG", S_TSQL, T_ANY, h_avg_int},
    {"GROUP_CONCAT", S_MYSQL, T_PG, h_group_concat},
    {"DATE_ADD", S_MYSQL, T_PG, h_date_add},
    {"DATE_SUB", S_MYSQL, T_PG, h_date_add},
    {"ADDDATE", S_MYSQL, T_PG, h_date_add},
    {"SUBDATE", S_MYSQL, T_PG, h_date_add},
    {"TIMESTAMPADD", S_MYSQL, T_PG, h_timestampadd},
    {"TIMESTAMPDIFF", S_MYSQL, T_PG, h_timestampdiff},
    {"EXTRACT", S_MYSQL, T_PG, h_extract},
    {"EXTRACT", S_ORACLE, T_ANY, h_keep},
    {"NEXTVAL", S_MYSQL, T_PG, h_mariadb_seq},
    {"LASTVAL", S_MYSQL, T_PG, h_mariadb_seq},
    {"SETVAL", S_MYSQL, T_PG, h_mariadb_seq},
    {"LISTAGG", S_ORACLE, T_ANY, h_listagg},
    {"TO_DATE", S_ORACLE, T_PG, h_to_date},
    {"TO_CHAR", S_ORACLE, T_PG, h_to_char},
    {"TO_TIMESTAMP", S_ORACLE, T_PG, h_to_timestamp},
};

static const HandlerDef *find_handler(Rw *w, const char *upper)
{
    unsigned s = 1u << w->cx->source, t = 1u << w->cx->target;
    /* (the first letter first: this is asked for every call) */
    for (size_t i = 0; i < sizeof handlers / sizeof handlers[0]; i++)
        if (handlers[i].name[0] == upper[0] && (handlers[i].src & s) && (handlers[i].tgt & t) &&
            !strcmp(handlers[i].name, upper))
            return &handlers[i];
    return NULL;
}

/* Functions that mean the same in every source and target, for when the
 * rules say nothing: not worth an "unknown function" item. */
static int portable(const char *u)
{
    static const char *const names[] = {
        "COUNT", "SUM", "MIN", "MAX", "COALESCE", "NULLIF", "UPPER", "LOWER", "ABS", "FLOOR",
        "SIGN", "SQRT", "EXP", "ROW_NUMBER", "RANK", "DENSE_RANK", "NTILE", "LAG", "LEAD",
        "FIRST_VALUE", "LAST_VALUE", "CUME_DIST", "PERCENT_RANK", "REPLACE", "CURRENT_DATE",
        "CURRENT_TIMESTAMP", "CURRENT_USER", "SESSION_USER", NULL};
    for (int i = 0; names[i]; i++)
        if (names[i][0] == u[0] && !strcmp(u, names[i]))
            return 1;
    return 0;
}

static int starts_with_ci(const char *s, size_t n, const char *p)
{
    size_t k = strlen(p);
    return n >= k && strncasecmp(s, p, k) == 0;
}

/* ==== the call transform ======================================================= */

static const char *call_name(Rw *w, FuncCall *f)
{
    return rw_qname_text(w, &f->name);
}

static void record_rule_item(Rw *w, FuncCall *f, const FuncRule *r, const char *fallback_code)
{
    const char *code = r->item ? r->item : fallback_code;
    if (!code)
        return;
    const char *name = call_name(w, f);
    const char *key = rw_cat(w, f->upper, "/", r->note ? r->note : "", NULL);
    if (r->note)
        rw_item_once(w, code, key, f->h.span, "%s(): %s", name, r->note);
    else if (r->to && r->to[0])
        rw_item_once(w, code, key, f->h.span, "%s() became %s", name, r->to);
    else
        rw_item_once(w, code, key, f->h.span, "%s() has no equivalent: kept as written", name);
}

static Node *apply_rule(Rw *w, FuncCall *f, const FuncRule *r)
{
    Node *t = rule_template(w, r);
    Node *res = t ? instantiate(w, t, f) : NULL;
    if (!res) {
        rw_item(w, "SS2019", f->h.span, "%s(): the rule's template (%s:%d) does not fit this call: kept as written",
                call_name(w, f), r->file ? r->file : "rules", r->line);
        return &f->h;
    }
    if (r->item)
        record_rule_item(w, f, r, NULL);
    return res;
}

Node *xf_func(Rw *w, Node *n)
{
    FuncCall *f = (FuncCall *)n;
    if ((f->h.flags & NF_SYNTHETIC) || !f->upper || f->name.n < 1)
        return n;
    const RuleSet *rs = w->cx->rules;
    const char *u = f->upper;
    int src_oracle = w->cx->source == DIALECT_ORACLE;

    /* ROWNUM is the query transforms' business (xf_rownum) */
    if (src_oracle && f->noparens && (!strcmp(u, "ROWNUM") || !strcmp(u, "LEVEL")))
        return n;
    if (f->star) {
        if (!strcmp(u, "COUNT_BIG")) {
            f->name.n = 1;
            f->name.parts[0] = ident_make(w->cx->arena, "count");
            f->upper = "COUNT";
        }
        return n;
    }

    /* the name rules know: qualified only for package functions (DBMS_LOB.SUBSTR) */
    const char *lookup = u;
    int qualified = f->name.n >= 2 &&
                    !(f->name.n == 2 && (ident_eq(&f->name.parts[0], "sys") ||
                                         ident_eq(&f->name.parts[0], "SYS")));
    if (qualified) {
        const QName *q = &f->name;
        const char *pk = rw_qname_text(w, q);
        lookup = rw_upper(w, pk, strlen(pk));
    }
    int nargs = f->args.n;
    const FuncRule *r = rs ? rules_find_func(rs, lookup, nargs) : NULL;
    if (!r && qualified && f->name.n == 2 && rs) {
        /* PKG.FUNC: try the package-qualified name only; FUNC alone would be wrong */
    }
    if (r && r->layer > 0 && r->to && r->to[0])
        return apply_rule(w, f, r);
    if (!qualified) {
        const HandlerDef *h = find_handler(w, u);
        if (h) {
            Node *x = h->fn(w, f);
            if (!x)
                return n; /* the handler recorded why, or the call is fine as it is */
            if (r && r->to && !r->to[0] && r->item && r->note)
                record_rule_item(w, f, r, NULL);
            return x;
        }
    }
    if (r) {
        if (r->to && r->to[0])
            return apply_rule(w, f, r);
        if (r->to) { /* to="": a C transform is meant to handle it, but none applies here */
            w->kept_calls++;
            rw_item_once(w, r->item ? r->item : "SS2001", u, f->h.span,
                         "%s() is not converted automatically in this position: kept as written",
                         call_name(w, f));
            return n;
        }
        record_rule_item(w, f, r, "SS2001");
        w->kept_calls++;
        return n;
    }

    /* T-SQL methods of hierarchyid / xml / spatial values: col.GetLevel() */
    if (qualified && w->cx->source == DIALECT_TSQL) {
        NameRef q;
        memset(&q, 0, sizeof q);
        q.h.kind = N_NAME;
        q.name = f->name;
        q.name.n--;
        int cls;
        /* alias.column.Method(): the alias names a FROM item (a CTE's columns
         * have no known type, but a three-part call on an alias is a method) */
        int on_alias = 0;
        for (const Scope *sc = w->scope; sc && q.name.n == 2 && !on_alias; sc = sc->parent)
            for (int i = 0; i < sc->items.n; i++)
                if (sc->items.items[i].alias.text && sc->items.items[i].alias.len == q.name.parts[0].len &&
                    !strncasecmp(sc->items.items[i].alias.text, q.name.parts[0].text, q.name.parts[0].len))
                    on_alias = 1;
        if (rw_resolve_column(w, &q, &cls) || cls != CLS_UNKNOWN || on_alias) {
            Node *hid = xf_hierarchyid_method(w, f, &q);
            if (hid)
                return hid;
            const char *tgt = rw_target_pg(w) ? "PostgreSQL" : "MySQL";
            w->kept_calls++;
            if (w->place == RP_COMPUTED) /* the column becomes a plain one (xf_column) */
                rw_item_once(w, "SS2001", lookup, f->h.span, "method call %s() on column %s has no %s "
                             "equivalent", call_name(w, f), rw_qname_text(w, &q.name), tgt);
            else /* xml/hierarchyid/spatial methods: the statement cannot run */
                rw_keep_verbatim(w, "SS2001", f->h.span, "method call %s() on column %s has no %s equivalent: "
                                 "statement kept verbatim (xml: xpath()/XMLTABLE; hierarchyid: ltree)",
                                 call_name(w, f), rw_qname_text(w, &q.name), tgt);
            return n;
        }
    }
    if (strstr(u, "::")) { /* a static method of a CLR type (geography::Point ...) */
        w->kept_calls++;
        if (w->place != RP_COMPUTED)
            rw_keep_verbatim(w, "SS2001", f->h.span, "static method %s() has no %s equivalent: statement kept "
                             "verbatim", call_name(w, f), rw_target_pg(w) ? "PostgreSQL" : "MySQL");
        else
            rw_item_once(w, "SS2001", u, f->h.span, "static method %s() has no %s equivalent", call_name(w, f),
                         rw_target_pg(w) ? "PostgreSQL" : "MySQL");
        return n;
    }
    /* no rule: functions of the input itself (stored code is kept verbatim,
     * so the target will not have them until it is converted) */
    const Catalog *cat = w->cx->catalog;
    if (cat) {
        if (cat_find_kind(cat, &f->name, OK_FUNCTION)) {
            w->kept_calls++;
            return n;
        }
        if (f->name.n >= 2) {
            QName pkg = f->name;
            pkg.n--;
            if (cat_find_kind(cat, &pkg, OK_PACKAGE)) {
                w->kept_calls++;
                return n;
            }
        }
    }
    if (qualified)
        w->kept_calls++;
    if (qualified) {
        const Ident *first = &f->name.parts[f->name.n - 2];
        if (src_oracle && (starts_with_ci(first->text, first->len, "DBMS_") ||
                           starts_with_ci(first->text, first->len, "UTL_") ||
                           starts_with_ci(first->text, first->len, "APEX_") ||
                           starts_with_ci(first->text, first->len, "OWA") ||
                           starts_with_ci(first->text, first->len, "HTP") ||
                           starts_with_ci(first->text, first->len, "HTF") ||
                           starts_with_ci(first->text, first->len, "CTX_") ||
                           starts_with_ci(first->text, first->len, "SYS"))) {
            rw_item_once(w, "SS2031", lookup, f->h.span, "Oracle supplied package call %s() kept as written",
                         call_name(w, f));
            return n;
        }
        /* schema-qualified: a function of the application (defined elsewhere or later) */
        return n;
    }
    if (portable(u) || (rw_target_pg(w) && (!strcmp(u, "TRANSLATE") || !strcmp(u, "LPAD") ||
                                             !strcmp(u, "RPAD") || !strcmp(u, "INITCAP"))))
        return n;
    w->kept_calls++;
    rw_item_once(w, "SS2003", u, f->h.span, "function %s() is not known: kept as written", call_name(w, f));
    return n;
}

/* ==== CAST / CONVERT ============================================================ */

typedef struct Style { int style; const char *pg, *my; int exact; } Style;

static const Style styles[] = {
    {1, "MM/DD/YY", "%m/%d/%y", 1},       {101, "MM/DD/YYYY", "%m/%d/%Y", 1},
    {2, "YY.MM.DD", "%y.%m.%d", 1},       {102, "YYYY.MM.DD", "%Y.%m.%d", 1},
    {3, "DD/MM/YY", "%d/%m/%y", 1},       {103, "DD/MM/YYYY", "%d/%m/%Y", 1},
    {4, "DD.MM.YY", "%d.%m.%y", 1},       {104, "DD.MM.YYYY", "%d.%m.%Y", 1},
    {5, "DD-MM-YY", "%d-%m-%y", 1},       {105, "DD-MM-YYYY", "%d-%m-%Y", 1},
    {10, "MM-DD-YY", "%m-%d-%y", 1},      {110, "MM-DD-YYYY", "%m-%d-%Y", 1},
    {11, "YY/MM/DD", "%y/%m/%d", 1},      {111, "YYYY/MM/DD", "%Y/%m/%d", 1},
    {12, "YYMMDD", "%y%m%d", 1},          {112, "YYYYMMDD", "%Y%m%d", 1},
    {8, "HH24:MI:SS", "%H:%i:%s", 1},     {108, "HH24:MI:SS", "%H:%i:%s", 1},
    {20, "YYYY-MM-DD HH24:MI:SS", "%Y-%m-%d %H:%i:%s", 1},
    {120, "YYYY-MM-DD HH24:MI:SS", "%Y-%m-%d %H:%i:%s", 1},
    {21, "YYYY-MM-DD HH24:MI:SS.MS", "%Y-%m-%d %H:%i:%s.%f", 1},
    {121, "YYYY-MM-DD HH24:MI:SS.MS", "%Y-%m-%d %H:%i:%s.%f", 1},
    {23, "YYYY-MM-DD", "%Y-%m-%d", 1},
    {126, "YYYY-MM-DD\"T\"HH24:MI:SS.MS", "%Y-%m-%dT%H:%i:%s.%f", 0},
    {127, "YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"", "%Y-%m-%dT%H:%i:%s.%fZ", 0},
};

static const Style *find_style(long s)
{
    for (size_t i = 0; i < sizeof styles / sizeof styles[0]; i++)
        if (styles[i].style == s)
            return &styles[i];
    return NULL;
}

static int is_date_style(long s)
{
    return (s >= 1 && s <= 14) || (s >= 20 && s <= 25) || (s >= 100 && s <= 114) ||
           (s >= 120 && s <= 131);
}

static const char *type_text(Rw *w, const TypeName *t)
{
    if (t->target_text)
        return t->target_text;
    return rw_lower(w, t->upper ? t->upper : "", t->upper ? strlen(t->upper) : 0);
}

/* PRE on CAST: typed literals (DATE '2020-01-01') keep their keyword; the
 * type of such a literal is not a column type to map. */
Node *xf_cast_literal(Rw *w, Node *n)
{
    CastExpr *c = (CastExpr *)n;
    if (c->syntax == CAST_TYPED_LITERAL && c->type && !c->type->target_text) {
        c->type->target_text = rw_lower(w, c->type->upper, strlen(c->type->upper));
        c->type->h.flags |= NF_SYNTHETIC;
    }
    return n;
}

Node *xf_cast(Rw *w, Node *n)
{
    CastExpr *c = (CastExpr *)n;
    if ((c->h.flags & NF_SYNTHETIC) || c->syntax == CAST_TYPED_LITERAL || !c->type)
        return n;
    SrcSpan sp = c->h.span;
    int pg = rw_target_pg(w);
    if (c->syntax == CAST_TRY_CAST || c->syntax == CAST_TRY_CONVERT) {
        rw_item(w, "SS2019", sp, "%s has no %s equivalent: became CAST, which raises an error where "
                "%s returns NULL", c->syntax == CAST_TRY_CAST ? "TRY_CAST" : "TRY_CONVERT",
                pg ? "PostgreSQL" : "MySQL", c->syntax == CAST_TRY_CAST ? "TRY_CAST" : "TRY_CONVERT");
    }
    int had_style = c->style != NULL;
    Node *result = n;
    if (had_style) {
        long style;
        int tcls = rw_class_of_type(c->type->upper);
        int ecls = rw_expr_class(w, c->expr);
        if (!rw_int_literal(c->style, &style)) {
            rw_item(w, "SS2015", sp, "CONVERT style is not a constant: became CAST (the style is ignored)");
        } else if (tcls == CLS_STRING && (ecls == CLS_DATETIME || (ecls == CLS_UNKNOWN && is_date_style(style)))) {
            const Style *st = find_style(style);
            if (!st) {
                rw_item(w, "SS2015", sp, "CONVERT style %ld to text: became CAST (ISO format)", style);
            } else {
                if (!st->exact)
                    rw_item(w, "SS2015", sp, "CONVERT style %ld: the fraction is always printed "
                            "(SQL Server omits it when it is zero)", style);
                Node *e = pg ? &mk_call(w, sp, "to_char", 2, as_timestamp(w, c->expr), mk_str(w, sp, st->pg))->h
                             : &mk_call(w, sp, "DATE_FORMAT", 2, c->expr, mk_str(w, sp, st->my))->h;
                /* CONVERT(varchar(10), d, 120) cuts the text: so does the cast */
                if (c->type->args.n)
                    return mk_cast(w, sp, e, type_text(w, c->type));
                return e;
            }
        } else if (tcls == CLS_DATETIME && (ecls == CLS_STRING || ecls == CLS_UNKNOWN)) {
            const Style *st = find_style(style);
            if (!st) {
                if (style != 0 && style != 100)
                    rw_item(w, "SS2015", sp, "CONVERT style %ld from text: became CAST, which reads ISO formats", style);
            } else {
                int date_only = c->type->upper && !strcasecmp(c->type->upper, "DATE");
                Node *e;
                if (pg)
                    e = date_only ? &mk_call(w, sp, "to_date", 2, c->expr, mk_str(w, sp, st->pg))->h
                                  : &mk_call(w, sp, "to_timestamp", 2, c->expr, mk_str(w, sp, st->pg))->h;
                else
                    e = &mk_call(w, sp, "STR_TO_DATE", 2, c->expr, mk_str(w, sp, st->my))->h;
                if (date_only && pg)
                    return e;
                return mk_cast(w, sp, e, type_text(w, c->type));
            }
        } else if (style != 0) {
            rw_item(w, "SS2015", sp, "CONVERT style %ld: became CAST (the style is ignored)", style);
        }
        c->style = NULL;
    }
    c->syntax = CAST_CAST; /* the emitter spells MySQL's CAST target types */
    return result;
}

/* ==== operators ================================================================= */

/* PRE on BINARY (T-SQL): '+' is concatenation when an operand is a string. */
Node *xf_tsql_plus(Rw *w, Node *n)
{
    BinaryExpr *b = (BinaryExpr *)n;
    if (b->op != B_ADD)
        return n;
    int l = rw_expr_class(w, b->l), r = rw_expr_class(w, b->r);
    if ((l == CLS_STRING && r == CLS_STRING) || (l == CLS_STRING && r == CLS_UNKNOWN) ||
        (r == CLS_STRING && l == CLS_UNKNOWN) || (l == CLS_BINARY || r == CLS_BINARY)) {
        b->op = B_CONCAT;
        /* MySQL prints CONCAT(...), a call: the parentheses are not needed
         * (and the emitter flattens only unparenthesised chains) */
        if (w->cx->target == DIALECT_MYSQL)
            n->flags &= (uint16_t)~NF_PARENS;
        return n;
    }
    if ((l == CLS_STRING && r == CLS_NUMERIC) || (r == CLS_STRING && l == CLS_NUMERIC)) {
        rw_item_once(w, "SS2004", "mixed", n->span, "'+' of a string and a number: SQL Server converts the "
                     "string to a number and adds; the target needs an explicit CAST: kept as addition");
        return n;
    }
    if (l == CLS_UNKNOWN && r == CLS_UNKNOWN) {
        const char *t = rw_span_text(w, n->span);
        rw_item_once(w, "SS2004", "unknown", n->span, "'+' on operands of unknown type (%.60s%s): kept as "
                     "addition; use || if they are strings (reported once per statement)", t,
                     strlen(t) > 60 ? "..." : "");
    }
    return n;
}

/* POST on BINARY (T-SQL): datetime + n adds n days; PostgreSQL has no
 * timestamp + integer. */
Node *xf_date_arith(Rw *w, Node *n)
{
    BinaryExpr *b = (BinaryExpr *)n;
    if (b->op != B_ADD && b->op != B_SUB)
        return n;
    int l = rw_expr_class(w, b->l), r = rw_expr_class(w, b->r);
    Node *d, *k;
    if (l == CLS_DATETIME && r == CLS_NUMERIC) {
        d = b->l;
        k = b->r;
    } else if (b->op == B_ADD && r == CLS_DATETIME && l == CLS_NUMERIC) {
        d = b->r;
        k = b->l;
    } else {
        return n;
    }
    if (is_date_only(w, d) && w->cx->target == DIALECT_POSTGRES)
        return n; /* date + integer works in PostgreSQL */
    rw_item_once(w, "SS2016", "datetime+n", n->span, "datetime %s number adds days in SQL Server: "
                 "became interval arithmetic", b->op == B_ADD ? "+" : "-");
    Node *iv = add_units(w, n->span, d, k, DP_DAY, b->op == B_SUB);
    return iv ? iv : n;
}

static void flatten_concat(Rw *w, Node *e, NodeList *out)
{
    if (e && e->kind == N_BINARY && ((BinaryExpr *)e)->op == B_CONCAT) {
        flatten_concat(w, ((BinaryExpr *)e)->l, out);
        flatten_concat(w, ((BinaryExpr *)e)->r, out);
        return;
    }
    nl_push(w->cx->arena, out, e);
}

/* PRE on BINARY (Oracle): a || b ignores NULL operands; PostgreSQL's concat()
 * does too ('' and NULL are the same in Oracle). In generated columns and
 * index expressions concat() is not allowed (not immutable): || stays there. */
Node *xf_oracle_concat(Rw *w, Node *n)
{
    BinaryExpr *b = (BinaryExpr *)n;
    if (b->op != B_CONCAT)
        return n;
    NodeList parts = {0, 0, NULL};
    flatten_concat(w, n, &parts);
    int all_literals = 1;
    for (int i = 0; i < parts.n; i++) {
        Node *p = parts.items[i];
        if (!(rw_is_string_literal(p) && ((Literal *)p)->len > 0) && !(p->kind == N_LITERAL && ((Literal *)p)->lk != LIT_NULL))
            all_literals = 0;
    }
    if (all_literals)
        return n;
    if (w->place == RP_COMPUTED || w->place == RP_INDEX) {
        rw_item(w, "SS2023", n->span, "'||' kept: Oracle ignores NULL operands, PostgreSQL returns NULL; "
                "wrap nullable operands in COALESCE(x, '')");
        return n;
    }
    FuncCall *f;
    if (w->cx->target == DIALECT_MYSQL) {
        f = mk_call(w, n->span, "CONCAT_WS", 1, mk_str(w, n->span, ""));
        for (int i = 0; i < parts.n; i++)
            nl_push(w->cx->arena, &f->args, parts.items[i]);
    } else {
        f = mk_call(w, n->span, "concat", 0);
        f->args = parts;
    }
    return &f->h;
}

static int is_comparison(int op)
{
    return op == B_EQ || op == B_NE || op == B_LT || op == B_LE || op == B_GT || op == B_GE ||
           op == B_NSEQ || op == B_NOTLT || op == B_NOTGT;
}

static int is_empty_string(const Node *e)
{
    return rw_is_string_literal(e) && ((const Literal *)e)->len == 0;
}

/* A column reference that resolves to a character column. */
static int is_string_column(Rw *w, const Node *e)
{
    if (!e || e->kind != N_NAME)
        return 0;
    int cls;
    const CatColumn *c = rw_resolve_column(w, (const NameRef *)e, &cls);
    (void)c;
    return cls == CLS_STRING;
}

static int is_bool_column(Rw *w, const Node *e)
{
    if (!e || e->kind != N_NAME || w->cx->target != DIALECT_POSTGRES)
        return 0;
    const CatColumn *c = rw_resolve_column(w, (const NameRef *)e, NULL);
    return c && rw_column_is_bool(w, c);
}

static void note_string_compare(Rw *w, SrcSpan sp, const char *what, const char *operands)
{
    if (w->cx->source == DIALECT_ORACLE || w->cx->target != DIALECT_POSTGRES)
        return;
    /* in stored code: once per body statement, not once per routine */
    const char *key = w->pl ? arena_printf(w->cx->arena, "stmt%u", w->pl_stmt) : NULL;
    rw_item_once(w, "SS2020", key, sp, "%s compares character %s: %s ignores trailing spaces and "
                 "is case-insensitive under the default collation; PostgreSQL is not "
                 "(reported once per statement)", what, operands,
                 w->cx->source == DIALECT_TSQL ? "SQL Server" : "MySQL");
}

/* A string column, or in stored code a string variable or parameter, whose
 * comparison with `other` may answer differently in PostgreSQL. */
static int string_compared(Rw *w, const Node *e, const Node *other)
{
    if (!is_string_column(w, e) && !(w->pl && xf_is_string_operand(w, e)))
        return 0;
    return !xf_compare_is_exact(w, e, other);
}

/* POST on BINARY: comparisons. */
Node *xf_compare(Rw *w, Node *n)
{
    BinaryExpr *b = (BinaryExpr *)n;
    if (!is_comparison(b->op))
        return n;
    if (b->op == B_NOTLT)
        b->op = B_GE;
    else if (b->op == B_NOTGT)
        b->op = B_LE;
    if (w->cx->source == DIALECT_ORACLE && (is_empty_string(b->l) || is_empty_string(b->r)))
        rw_item(w, "SS2009", n->span, "comparison with '' (%s) is never true in Oracle, where '' is NULL; "
                "in the target it compares with an empty string: use IS NULL if that was meant",
                rw_span_text(w, n->span));
    if (is_bool_column(w, b->l))
        b->r = xf_bool_literal(w, b->r);
    else if (is_bool_column(w, b->r))
        b->l = xf_bool_literal(w, b->l);
    if (b->op != B_NSEQ && (string_compared(w, b->l, b->r) || string_compared(w, b->r, b->l)))
        note_string_compare(w, n->span, "the statement",
                               is_string_column(w, b->l) || is_string_column(w, b->r) ? "columns" : "values");
    return n;
}

Node *xf_in_list(Rw *w, Node *n)
{
    InExpr *in = (InExpr *)n;
    if (n->flags & NF_SYNTHETIC) /* made here (ENUM checks) */
        return n;
    if (is_bool_column(w, in->expr))
        for (int i = 0; i < in->list.n; i++)
            in->list.items[i] = xf_bool_literal(w, in->list.items[i]);
    if (is_string_column(w, in->expr) || (w->pl && xf_is_string_operand(w, in->expr)))
        note_string_compare(w, n->span, "the statement", is_string_column(w, in->expr) ? "columns" : "values");
    return n;
}

/* POST on BETWEEN: x BETWEEN a AND b compares strings like >= and <= */
Node *xf_between(Rw *w, Node *n)
{
    BetweenExpr *b = (BetweenExpr *)n;
    if (is_string_column(w, b->expr) || (w->pl && xf_is_string_operand(w, b->expr)))
        note_string_compare(w, n->span, "the statement", is_string_column(w, b->expr) ? "columns" : "values");
    return n;
}

/* A T-SQL LIKE pattern with [...] classes as an anchored POSIX regular
 * expression: % -> .*, _ -> ., classes kept ([^...] too), the rest escaped. */
static const char *like_to_regex(Rw *w, const Literal *p)
{
    StrBuf b;
    sb_init(&b);
    sb_putc(&b, '^');
    int in_class = 0;
    for (uint32_t i = 0; i < p->len; i++) {
        char c = p->value[i];
        if (in_class) {
            if (c == ']')
                in_class = 0;
            else if (c == '\\')
                sb_putc(&b, '\\');
            sb_putc(&b, c);
            continue;
        }
        switch (c) {
        case '%': sb_puts(&b, ".*"); break;
        case '_': sb_putc(&b, '.'); break;
        case '[': in_class = 1; sb_putc(&b, '['); break;
        case '.': case '^': case '$': case '*': case '+': case '?': case '(': case ')':
        case '{': case '}': case '|': case '\\':
            sb_putc(&b, '\\');
            sb_putc(&b, c);
            break;
        default: sb_putc(&b, c); break;
        }
    }
    sb_putc(&b, '$');
    const char *r = in_class ? NULL : arena_strndup(w->cx->arena, b.s, b.len);
    sb_free(&b);
    return r;
}

/* POST on LIKE (T-SQL, MySQL -> PostgreSQL) */
Node *xf_like(Rw *w, Node *n)
{
    LikeExpr *l = (LikeExpr *)n;
    if (l->op != LK_LIKE)
        return n;
    if (w->cx->source == DIALECT_MYSQL && w->cx->target == DIALECT_MYSQL)
        return n;
    if (w->cx->source == DIALECT_TSQL && rw_is_string_literal(l->pattern) &&
        memchr(((Literal *)l->pattern)->value, '[', ((Literal *)l->pattern)->len)) {
        /* [a-z] classes: PostgreSQL's LIKE has none; a regular expression does */
        const char *re = l->escape ? NULL : like_to_regex(w, (const Literal *)l->pattern);
        if (re) {
            l->op = LK_RLIKE;
            l->pattern = mk_str(w, l->pattern->span, re);
        } else {
            rw_item(w, "SS2019", n->span, "LIKE pattern with [...] character classes: %s LIKE has "
                    "none; rewrite it as a regular expression", rw_target_pg(w) ? "PostgreSQL" : "MySQL");
        }
    }
    if (is_string_column(w, l->expr) || rw_expr_class(w, l->expr) == CLS_STRING)
        note_string_compare(w, n->span, "the statement", is_string_column(w, l->expr) ? "columns" : "values");
    return n;
}

/* POST on IS (-> PostgreSQL 15): x IS JSON. In a CHECK constraint a cast to
 * jsonb rejects the same values (with a cast error instead of a constraint
 * violation); elsewhere there is no expression that returns false. */
Node *xf_is_json(Rw *w, Node *n)
{
    IsExpr *x = (IsExpr *)n;
    if (x->what != IS_JSON)
        return n;
    if (w->place != RP_CHECK || (n->flags & NF_NOT)) {
        rw_item(w, "SS2019", n->span, "IS %sJSON needs PostgreSQL 16: kept as written (test the cast to jsonb "
                "in a function with an exception handler)", (n->flags & NF_NOT) ? "NOT " : "");
        return n;
    }
    SrcSpan sp = n->span;
    Node *v = x->expr;
    Node *text = rw_expr_class(w, v) == CLS_BINARY
                     ? &mk_call(w, sp, "convert_from", 2, rw_copy(w, v), mk_str(w, sp, "UTF8"))->h
                     : rw_copy(w, v);
    Node *cast_ok = mk_is_null(w, sp, mk_cast(w, sp, text, "jsonb"), 1);
    rw_item(w, "SS2002", sp, "CHECK (... IS JSON) became a cast to jsonb: invalid JSON is rejected with a "
            "cast error instead of a constraint violation");
    return mk_paren(mk_bin(w, sp, B_OR, mk_is_null(w, sp, v, 0), cast_ok));
}

Node *xf_collate(Rw *w, Node *n)
{
    CollateExpr *c = (CollateExpr *)n;
    SrcSpan sp = c->collation.span.len ? c->collation.span : n->span;
    if (xf_collation(w, &c->collation, sp))
        return n;
    Node *e = c->expr;
    if (n->flags & NF_PARENS)
        e->flags |= NF_PARENS;
    return e;
}

/* POST on NAME (Oracle): seq.NEXTVAL / seq.CURRVAL */
Node *xf_sequence_ref(Rw *w, Node *n)
{
    NameRef *r = (NameRef *)n;
    if (r->name.n < 2)
        return n;
    const Ident *last = &r->name.parts[r->name.n - 1];
    int next = ident_eq(last, "NEXTVAL"), curr = ident_eq(last, "CURRVAL");
    if (!next && !curr)
        return n;
    QName seq = r->name;
    seq.n--;
    if (w->cx->target == DIALECT_MYSQL) {
        rw_item(w, "SS2019", n->span, "sequence %s.%s: MySQL has no sequences: use AUTO_INCREMENT or a "
                "sequence table", rw_qname_text(w, &seq), next ? "NEXTVAL" : "CURRVAL");
        return n;
    }
    /* the name inside the string folds the way the emitter folds names:
     * unquoted parts lower case, quoted parts kept in double quotes */
    StrBuf b;
    sb_init(&b);
    for (int i = 0; i < seq.n; i++) {
        const Ident *id = &seq.parts[i];
        if (i)
            sb_putc(&b, '.');
        if (id->quote || w->cx->keep_case) {
            sb_putc(&b, '"');
            sb_putn(&b, id->text, id->len);
            sb_putc(&b, '"');
        } else {
            const char *t = rw_ident_text(w, id);
            if (i == seq.n - 1 && w->cx->rules)
                t = rules_rename(w->cx->rules, "sequence", t, w->cx->arena);
            sb_puts(&b, rw_lower(w, t, strlen(t)));
        }
    }
    const char *text = arena_strndup(w->cx->arena, b.s, b.len);
    sb_free(&b);
    FuncCall *f = mk_call(w, n->span, next ? "nextval" : "currval", 1, mk_str(w, n->span, text));
    rw_item_once(w, "SS2017", text, n->span, "%s.%s became %s('%s')", rw_qname_text(w, &seq),
                 next ? "NEXTVAL" : "CURRVAL", next ? "nextval" : "currval", text);
    return &f->h;
}

/* POST on NAME: a column named with database (and server) parts. */
Node *xf_name_parts(Rw *w, Node *n)
{
    NameRef *r = (NameRef *)n;
    if (r->name.n >= 4)
        rw_item_once(w, "SS3024", NULL, n->span, "%s names another database%s: the extra parts are dropped",
                     rw_qname_text(w, &r->name), r->name.n >= 5 ? " on another server" : "");
    return n;
}

Node *xf_substitution(Rw *w, Node *n)
{
    VarRef *v = (VarRef *)n;
    if (v->vk == VK_SUBST)
        rw_item_once(w, "SS7007", v->name, n->span, "substitution variable %s left in the statement: "
                     "replace it with its value", v->name);
    return n;
}

/* POST on INTERVAL (MySQL, Oracle -> PostgreSQL) */
Node *xf_interval(Rw *w, Node *n)
{
    IntervalExpr *iv = (IntervalExpr *)n;
    if (!iv->unit)
        return n;
    if (w->cx->source == DIALECT_MYSQL) {
        Node *r = pg_interval(w, n->span, iv->value, iv->unit);
        if (!r) {
            rw_item(w, "SS2016", n->span, "INTERVAL ... %s not converted: write it as interval 'n unit ...'",
                    iv->unit);
            return n;
        }
        return mk_paren(r);
    }
    /* Oracle: DAY(3) TO SECOND(2) -> DAY TO SECOND(2): PostgreSQL takes a
     * precision only on a trailing SECOND */
    if (strchr(iv->unit, '(')) {
        StrBuf b;
        sb_init(&b);
        for (const char *s = iv->unit; *s;) {
            if (*s == '(') {
                const char *e = strchr(s, ')');
                size_t n2 = e ? (size_t)(e - s + 1) : strlen(s);
                int last = !strchr(s + n2, '(') && !strstr(s + n2, "TO");
                if (last && b.len >= 6 && !strncasecmp(b.s + b.len - 6, "SECOND", 6) &&
                    strstr(iv->unit, " TO "))
                    sb_putn(&b, s, n2);
                s += n2;
                continue;
            }
            sb_putc(&b, *s++);
        }
        iv->unit = arena_strndup(w->cx->arena, b.s, b.len);
        sb_free(&b);
    }
    return n;
}
