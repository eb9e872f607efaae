/* ast: deterministic S-expression dump of a tree (sqlshift parse, tests).
 * One line per node: (KIND attributes @line:col), children indented. */
#include "ast/ast.h"
#include "util/strbuf.h"
#include <string.h>

typedef struct Dumper {
    StrBuf *b;
    const SourceFile *src;
} Dumper;

static void node(Dumper *d, const Node *n, int ind);

static void pad(Dumper *d, int ind)
{
    for (int i = 0; i < ind; i++)
        sb_puts(d->b, "  ");
}

static void ident(Dumper *d, const Ident *id)
{
    if (!id->text) {
        sb_puts(d->b, "-");
        return;
    }
    if (id->quote)
        sb_putc(d->b, id->quote);
    sb_putn(d->b, id->text, id->len);
    if (id->quote)
        sb_putc(d->b, id->quote == '[' ? ']' : id->quote);
}

static void qname(Dumper *d, const QName *q)
{
    for (int i = 0; i < q->n; i++) {
        if (i)
            sb_putc(d->b, '.');
        ident(d, &q->parts[i]);
    }
    if (q->n == 0)
        sb_puts(d->b, "-");
}

static void open(Dumper *d, const Node *n, int ind)
{
    pad(d, ind);
    sb_printf(d->b, "(%s", ast_kind_name(n->kind));
}

static void close_(Dumper *d, const Node *n)
{
    if (d->src) {
        SrcPos s = src_pos(d->src, n->span.off);
        sb_printf(d->b, " @%d:%d", s.line, s.col);
    }
    if (n->flags & NF_NOT)
        sb_puts(d->b, " not");
    if (n->flags & NF_OUTER_JOIN)
        sb_puts(d->b, " (+)");
    sb_puts(d->b, ")\n");
}

static void list(Dumper *d, const char *label, const NodeList *l, int ind)
{
    if (!l->n)
        return;
    pad(d, ind);
    sb_printf(d->b, "%s:\n", label);
    for (int i = 0; i < l->n; i++)
        node(d, l->items[i], ind + 1);
}

static void child(Dumper *d, const char *label, const Node *n, int ind)
{
    if (!n)
        return;
    pad(d, ind);
    sb_printf(d->b, "%s:\n", label);
    node(d, n, ind + 1);
}

static void idents(Dumper *d, const char *label, const IdentList *l)
{
    if (!l->n)
        return;
    sb_printf(d->b, " %s=(", label);
    for (int i = 0; i < l->n; i++) {
        if (i)
            sb_putc(d->b, ',');
        ident(d, &l->items[i]);
    }
    sb_putc(d->b, ')');
}

static const char *const binops[] = {"OR", "AND", "XOR", "=", "<>", "<", "<=", ">", ">=", "<=>",
                                     "!<", "!>", "+", "-", "*", "/", "%", "DIV", "||", "&", "|",
                                     "^", "<<", ">>", "->", "->>"};
static const char *const unops[] = {"-", "+", "NOT", "~", "PRIOR", "CONNECT_BY_ROOT"};
static const char *const joins[] = {"INNER", "LEFT", "RIGHT", "FULL", "CROSS", "CROSS APPLY", "OUTER APPLY", ","};
static const char *const conkinds[] = {"PRIMARY KEY", "UNIQUE", "FOREIGN KEY", "CHECK", "DEFAULT", "NOT NULL", "NULL"};
static const char *const objkinds[] = {"TABLE", "VIEW", "INDEX", "SEQUENCE", "SYNONYM", "SCHEMA", "TYPE",
                                       "PROCEDURE", "FUNCTION", "TRIGGER", "PACKAGE", "CONSTRAINT",
                                       "DATABASE", "OTHER"};
static const char *const rkinds[] = {"PROCEDURE", "FUNCTION", "TRIGGER", "PACKAGE", "PACKAGE BODY",
                                     "TYPE BODY", "EVENT", "BLOCK"};

static void node(Dumper *d, const Node *n, int ind)
{
    if (!n) {
        pad(d, ind);
        sb_puts(d->b, "(null)\n");
        return;
    }
    open(d, n, ind);
    switch (n->kind) {
    case N_RAW: {
        const RawNode *r = (const RawNode *)n;
        sb_printf(d->b, " %s", r->code ? r->code : "-");
        close_(d, n);
        return;
    }
    case N_SCRIPT_CMD: sb_printf(d->b, " %d", ((const ScriptCmd *)n)->cmd); close_(d, n); return;
    case N_SESSION: {
        const SessionStmt *s = (const SessionStmt *)n;
        sb_printf(d->b, " %d ", s->what);
        ident(d, &s->name);
        close_(d, n);
        return;
    }
    case N_ROUTINE: {
        const RoutineStmt *r = (const RoutineStmt *)n;
        sb_printf(d->b, " %s ", rkinds[r->rkind]);
        qname(d, &r->name);
        if (r->on_table.n) {
            sb_puts(d->b, " on=");
            qname(d, &r->on_table);
        }
        if (r->fail_msg)
            sb_printf(d->b, " verbatim=\"%s\"", r->fail_msg);
        close_(d, n);
        if (r->def)
            node(d, &r->def->h, ind + 1);
        return;
    }
    case N_PL_ROUTINE: {
        const PlRoutine *r = (const PlRoutine *)n;
        static const char *const rets[] = {"-", "scalar", "inline-table", "table-variable"};
        sb_printf(d->b, " returns=%s", rets[r->ret]);
        if (r->events)
            sb_printf(d->b, " %s%s%s%s", r->timing == TT_INSTEAD_OF ? "instead-of" : "after",
                      (r->events & TE_INSERT) ? " insert" : "", (r->events & TE_UPDATE) ? " update" : "",
                      (r->events & TE_DELETE) ? " delete" : "");
        close_(d, n);
        list(d, "params", &r->params, ind + 1);
        if (r->ret_type)
            child(d, "returns", &r->ret_type->h, ind + 1);
        list(d, "columns", &r->ret_cols, ind + 1);
        list(d, "options", &r->options, ind + 1);
        child(d, "query", r->ret_query, ind + 1);
        child(d, "body", r->body, ind + 1);
        return;
    }
    case N_PL_PARAM: {
        const PlParam *a = (const PlParam *)n;
        sb_printf(d->b, " %s%s%s", a->var, a->output ? " output" : "", a->readonly ? " readonly" : "");
        close_(d, n);
        child(d, "type", &a->type->h, ind + 1);
        child(d, "default", a->def, ind + 1);
        return;
    }
    case N_PL_BLOCK:
        close_(d, n);
        list(d, "stmts", &((const PlBlock *)n)->stmts, ind + 1);
        return;
    case N_PL_DECLARE: {
        const PlDeclare *x = (const PlDeclare *)n;
        sb_printf(d->b, " %s%s%s", x->var, x->is_table ? " table" : "", x->is_cursor ? " cursor" : "");
        close_(d, n);
        if (x->type)
            child(d, "type", &x->type->h, ind + 1);
        child(d, "init", x->init, ind + 1);
        list(d, "columns", &x->cols, ind + 1);
        child(d, "query", x->query, ind + 1);
        return;
    }
    case N_PL_SET: {
        const PlSet *x = (const PlSet *)n;
        sb_printf(d->b, " %s %s=", x->var, x->op ? binops[x->op] : "");
        close_(d, n);
        node(d, x->value, ind + 1);
        return;
    }
    case N_PL_IF:
        close_(d, n);
        child(d, "cond", ((const PlIf *)n)->cond, ind + 1);
        child(d, "then", ((const PlIf *)n)->then_, ind + 1);
        child(d, "else", ((const PlIf *)n)->else_, ind + 1);
        return;
    case N_PL_WHILE:
        close_(d, n);
        child(d, "cond", ((const PlWhile *)n)->cond, ind + 1);
        child(d, "body", ((const PlWhile *)n)->body, ind + 1);
        return;
    case N_PL_TRY:
        close_(d, n);
        child(d, "try", ((const PlTry *)n)->try_, ind + 1);
        child(d, "catch", ((const PlTry *)n)->catch_, ind + 1);
        return;
    case N_PL_STMT: {
        const PlStmt *x = (const PlStmt *)n;
        static const char *const whats[] = {"BREAK", "CONTINUE", "RETURN", "PRINT", "RAISERROR", "THROW", "GOTO",
                                            "LABEL", "WAITFOR", "BEGIN TRAN", "COMMIT", "ROLLBACK", "SAVE", "OPEN",
                                            "CLOSE", "DEALLOCATE", "FETCH", "EXEC", "EXEC SQL", "SET OPTION",
                                            "UNSUPPORTED"};
        sb_printf(d->b, " %s", whats[x->what]);
        if (x->name.n) {
            sb_putc(d->b, ' ');
            qname(d, &x->name);
        }
        if (x->ret_var)
            sb_printf(d->b, " result=%s", x->ret_var);
        if (x->word)
            sb_printf(d->b, " word=%s", x->word);
        close_(d, n);
        child(d, "expr", x->expr, ind + 1);
        list(d, "args", &x->args, ind + 1);
        return;
    }
    case N_OTHER_STMT: {
        const OtherStmt *o = (const OtherStmt *)n;
        sb_printf(d->b, " %d ", o->what);
        qname(d, &o->name);
        close_(d, n);
        list(d, "args", &o->args, ind + 1);
        return;
    }
    case N_NAME: sb_putc(d->b, ' '); qname(d, &((const NameRef *)n)->name); close_(d, n); return;
    case N_STAR: sb_putc(d->b, ' '); qname(d, &((const StarRef *)n)->qual); close_(d, n); return;
    case N_LITERAL: {
        const Literal *l = (const Literal *)n;
        sb_printf(d->b, " %d '", l->lk);
        sb_putn(d->b, l->value, l->len);
        sb_putc(d->b, '\'');
        close_(d, n);
        return;
    }
    case N_VAR: sb_printf(d->b, " %s", ((const VarRef *)n)->name); close_(d, n); return;
    case N_PARAM: sb_printf(d->b, " $%d", ((const ParamRef *)n)->index); close_(d, n); return;
    case N_UNARY: {
        const UnaryExpr *u = (const UnaryExpr *)n;
        sb_printf(d->b, " %s", unops[u->op]);
        close_(d, n);
        node(d, u->arg, ind + 1);
        return;
    }
    case N_BINARY: {
        const BinaryExpr *b = (const BinaryExpr *)n;
        sb_printf(d->b, " %s", binops[b->op]);
        close_(d, n);
        node(d, b->l, ind + 1);
        node(d, b->r, ind + 1);
        return;
    }
    case N_FUNC: {
        const FuncCall *f = (const FuncCall *)n;
        sb_putc(d->b, ' ');
        qname(d, &f->name);
        if (f->distinct) sb_puts(d->b, " distinct");
        if (f->star) sb_puts(d->b, " *");
        if (f->noparens) sb_puts(d->b, " noparens");
        close_(d, n);
        list(d, "args", &f->args, ind + 1);
        list(d, "order", &f->order, ind + 1);
        list(d, "within", &f->within, ind + 1);
        child(d, "separator", f->separator, ind + 1);
        child(d, "filter", f->filter, ind + 1);
        child(d, "over", f->over ? &f->over->h : NULL, ind + 1);
        return;
    }
    case N_CASE: {
        const CaseExpr *c = (const CaseExpr *)n;
        close_(d, n);
        child(d, "operand", c->operand, ind + 1);
        list(d, "when", &c->whens, ind + 1);
        child(d, "else", c->else_, ind + 1);
        return;
    }
    case N_WHEN: close_(d, n); node(d, ((const WhenClause *)n)->cond, ind + 1); node(d, ((const WhenClause *)n)->result, ind + 1); return;
    case N_CAST: {
        const CastExpr *c = (const CastExpr *)n;
        sb_printf(d->b, " syntax=%d", c->syntax);
        close_(d, n);
        node(d, c->expr, ind + 1);
        node(d, &c->type->h, ind + 1);
        child(d, "style", c->style, ind + 1);
        return;
    }
    case N_SUBQUERY: close_(d, n); node(d, ((const SubqueryExpr *)n)->query, ind + 1); return;
    case N_EXISTS: close_(d, n); node(d, ((const ExistsExpr *)n)->query, ind + 1); return;
    case N_IN: {
        const InExpr *in = (const InExpr *)n;
        close_(d, n);
        node(d, in->expr, ind + 1);
        list(d, "list", &in->list, ind + 1);
        child(d, "query", in->query, ind + 1);
        return;
    }
    case N_BETWEEN: {
        const BetweenExpr *b = (const BetweenExpr *)n;
        close_(d, n);
        node(d, b->expr, ind + 1);
        node(d, b->lo, ind + 1);
        node(d, b->hi, ind + 1);
        return;
    }
    case N_LIKE: {
        const LikeExpr *l = (const LikeExpr *)n;
        sb_printf(d->b, " op=%d", l->op);
        close_(d, n);
        node(d, l->expr, ind + 1);
        node(d, l->pattern, ind + 1);
        child(d, "escape", l->escape, ind + 1);
        return;
    }
    case N_IS: sb_printf(d->b, " what=%d", ((const IsExpr *)n)->what); close_(d, n); node(d, ((const IsExpr *)n)->expr, ind + 1); return;
    case N_COLLATE: sb_putc(d->b, ' '); ident(d, &((const CollateExpr *)n)->collation); close_(d, n); node(d, ((const CollateExpr *)n)->expr, ind + 1); return;
    case N_QUANTIFIED: {
        const QuantExpr *q = (const QuantExpr *)n;
        sb_printf(d->b, " %s q=%d", binops[q->op], q->q);
        close_(d, n);
        node(d, q->l, ind + 1);
        child(d, "query", q->query, ind + 1);
        list(d, "list", &q->list, ind + 1);
        return;
    }
    case N_ROW: close_(d, n); list(d, "items", &((const RowExpr *)n)->items, ind + 1); return;
    case N_INTERVAL: sb_printf(d->b, " %s", ((const IntervalExpr *)n)->unit ? ((const IntervalExpr *)n)->unit : "-"); close_(d, n); node(d, ((const IntervalExpr *)n)->value, ind + 1); return;
    case N_WINDOW: {
        const WindowSpec *w = (const WindowSpec *)n;
        sb_putc(d->b, ' ');
        ident(d, &w->ref);
        if (w->frame) sb_printf(d->b, " frame=[%s]", w->frame);
        close_(d, n);
        list(d, "partition", &w->partition, ind + 1);
        list(d, "order", &w->order, ind + 1);
        return;
    }
    case N_KEYWORD_EXPR: sb_printf(d->b, " %s", ((const KeywordExpr *)n)->word); close_(d, n); return;
    case N_TYPE: {
        const TypeName *t = (const TypeName *)n;
        sb_printf(d->b, " %s", t->upper ? t->upper : "?");
        if (t->is_max) sb_puts(d->b, " MAX");
        if (t->is_unsigned) sb_puts(d->b, " UNSIGNED");
        if (t->char_sem) sb_printf(d->b, " %s", t->char_sem);
        if (t->suffix) sb_printf(d->b, " %s", t->suffix);
        if (t->anchor) sb_printf(d->b, " %%%s", t->anchor);
        if (t->target_text) sb_printf(d->b, " => %s", t->target_text);
        close_(d, n);
        list(d, "args", &t->args, ind + 1);
        list(d, "values", &t->values, ind + 1);
        return;
    }
    case N_SELECT: {
        const SelectStmt *s = (const SelectStmt *)n;
        if (s->distinct) sb_puts(d->b, " distinct");
        if (s->top_percent) sb_puts(d->b, " percent");
        if (s->top_ties) sb_puts(d->b, " ties");
        if (s->into.n) { sb_puts(d->b, " into="); qname(d, &s->into); }
        if (s->for_clause) sb_printf(d->b, " for=[%s]", s->for_clause);
        close_(d, n);
        child(d, "top", s->top, ind + 1);
        list(d, "targets", &s->targets, ind + 1);
        list(d, "into", &s->into_vars, ind + 1);
        list(d, "from", &s->from, ind + 1);
        child(d, "where", s->where, ind + 1);
        child(d, "start_with", s->start_with, ind + 1);
        child(d, "connect_by", s->connect_by, ind + 1);
        list(d, "group_by", &s->group_by, ind + 1);
        child(d, "having", s->having, ind + 1);
        list(d, "windows", &s->windows, ind + 1);
        list(d, "order_by", &s->order_by, ind + 1);
        child(d, "limit", s->limit, ind + 1);
        child(d, "offset", s->offset, ind + 1);
        return;
    }
    case N_SETOP: {
        const SetOpStmt *s = (const SetOpStmt *)n;
        sb_printf(d->b, " op=%d%s", s->op, s->all ? " all" : "");
        close_(d, n);
        node(d, s->l, ind + 1);
        if (s->r) node(d, s->r, ind + 1);
        list(d, "order_by", &s->order_by, ind + 1);
        child(d, "limit", s->limit, ind + 1);
        child(d, "offset", s->offset, ind + 1);
        return;
    }
    case N_WITH: {
        const WithStmt *w = (const WithStmt *)n;
        if (w->recursive) sb_puts(d->b, " recursive");
        close_(d, n);
        list(d, "ctes", &w->ctes, ind + 1);
        node(d, w->body, ind + 1);
        return;
    }
    case N_CTE: {
        const CteDef *c = (const CteDef *)n;
        sb_putc(d->b, ' ');
        ident(d, &c->name);
        idents(d, "cols", &c->cols);
        close_(d, n);
        node(d, c->query, ind + 1);
        return;
    }
    case N_TARGET: {
        const TargetItem *t = (const TargetItem *)n;
        if (t->alias.text) { sb_puts(d->b, " as "); ident(d, &t->alias); }
        close_(d, n);
        node(d, t->expr, ind + 1);
        return;
    }
    case N_ORDER_ITEM: {
        const OrderItem *o = (const OrderItem *)n;
        if (o->desc) sb_puts(d->b, " desc");
        if (o->nulls) sb_printf(d->b, " nulls=%d", o->nulls);
        close_(d, n);
        node(d, o->expr, ind + 1);
        return;
    }
    case N_GROUPING: sb_printf(d->b, " gk=%d", ((const GroupingSet *)n)->gk); close_(d, n); list(d, "items", &((const GroupingSet *)n)->items, ind + 1); return;
    case N_TABLE_REF: {
        const TableRef *t = (const TableRef *)n;
        sb_putc(d->b, ' ');
        qname(d, &t->name);
        if (t->alias.text) { sb_puts(d->b, " as "); ident(d, &t->alias); }
        idents(d, "cols", &t->col_aliases);
        if (t->hints.n) sb_printf(d->b, " hints=%d", t->hints.n);
        if (t->pivot_span.len) sb_puts(d->b, " pivot");
        close_(d, n);
        return;
    }
    case N_DERIVED: {
        const DerivedTable *t = (const DerivedTable *)n;
        if (t->alias.text) { sb_puts(d->b, " as "); ident(d, &t->alias); }
        if (t->lateral) sb_puts(d->b, " lateral");
        close_(d, n);
        node(d, t->query, ind + 1);
        return;
    }
    case N_TABLE_FUNC: {
        const TableFunc *t = (const TableFunc *)n;
        if (t->alias.text) { sb_puts(d->b, " as "); ident(d, &t->alias); }
        close_(d, n);
        node(d, &t->call->h, ind + 1);
        return;
    }
    case N_JOIN: {
        const JoinExpr *j = (const JoinExpr *)n;
        sb_printf(d->b, " %s%s", j->natural ? "NATURAL " : "", joins[j->jk]);
        idents(d, "using", &j->using_cols);
        close_(d, n);
        node(d, j->l, ind + 1);
        node(d, j->r, ind + 1);
        child(d, "on", j->on, ind + 1);
        return;
    }
    case N_VALUES: close_(d, n); list(d, "rows", &((const ValuesList *)n)->rows, ind + 1); return;
    case N_INSERT: {
        const InsertStmt *s = (const InsertStmt *)n;
        sb_putc(d->b, ' ');
        qname(d, &s->table);
        idents(d, "cols", &s->cols);
        if (s->ignore) sb_puts(d->b, " ignore");
        if (s->replace) sb_puts(d->b, " replace");
        if (s->default_values) sb_puts(d->b, " default_values");
        close_(d, n);
        child(d, "source", s->source, ind + 1);
        list(d, "on_duplicate", &s->on_dup, ind + 1);
        return;
    }
    case N_UPDATE: {
        const UpdateStmt *s = (const UpdateStmt *)n;
        close_(d, n);
        node(d, s->table, ind + 1);
        list(d, "set", &s->sets, ind + 1);
        list(d, "from", &s->from, ind + 1);
        child(d, "where", s->where, ind + 1);
        return;
    }
    case N_DELETE: {
        const DeleteStmt *s = (const DeleteStmt *)n;
        close_(d, n);
        node(d, s->table, ind + 1);
        list(d, "from", &s->from, ind + 1);
        child(d, "where", s->where, ind + 1);
        return;
    }
    case N_ASSIGN: close_(d, n); node(d, ((const Assignment *)n)->target, ind + 1); node(d, ((const Assignment *)n)->value, ind + 1); return;
    case N_CREATE_TABLE: {
        const CreateTable *t = (const CreateTable *)n;
        sb_putc(d->b, ' ');
        qname(d, &t->name);
        if (t->temporary) sb_printf(d->b, " temp=%d", t->temporary);
        if (t->partition.len) sb_puts(d->b, " partitioned");
        if (t->options.n) sb_printf(d->b, " options=%d", t->options.n);
        close_(d, n);
        list(d, "columns", &t->columns, ind + 1);
        list(d, "constraints", &t->constraints, ind + 1);
        list(d, "indexes", &t->indexes, ind + 1);
        child(d, "as", t->as_query, ind + 1);
        return;
    }
    case N_COLUMN_DEF: {
        const ColumnDef *c = (const ColumnDef *)n;
        sb_putc(d->b, ' ');
        ident(d, &c->name);
        if (c->nullable) sb_printf(d->b, " %s", c->nullable == 2 ? "NOT NULL" : "NULL");
        if (c->identity) sb_puts(d->b, " identity");
        if (c->persisted) sb_puts(d->b, " persisted");
        close_(d, n);
        if (c->type) node(d, &c->type->h, ind + 1);
        child(d, "computed", c->computed, ind + 1);
        child(d, "default", c->default_, ind + 1);
        child(d, "identity_start", c->ident_start, ind + 1);
        child(d, "identity_increment", c->ident_incr, ind + 1);
        list(d, "constraints", &c->constraints, ind + 1);
        return;
    }
    case N_CONSTRAINT: {
        const Constraint *c = (const Constraint *)n;
        sb_printf(d->b, " %s ", conkinds[c->ck]);
        ident(d, &c->name);
        if (c->ref_table.n) { sb_puts(d->b, " ref="); qname(d, &c->ref_table); }
        idents(d, "ref_cols", &c->ref_cols);
        if (c->on_delete) sb_printf(d->b, " on_delete=%d", c->on_delete);
        if (c->clustered) sb_printf(d->b, " clustered=%d", c->clustered);
        close_(d, n);
        list(d, "cols", &c->cols, ind + 1);
        child(d, "expr", c->expr, ind + 1);
        return;
    }
    case N_INDEX_COL: {
        const IndexCol *c = (const IndexCol *)n;
        if (c->desc) sb_puts(d->b, " desc");
        if (c->prefix_len) sb_printf(d->b, " prefix=%d", c->prefix_len);
        close_(d, n);
        node(d, c->expr, ind + 1);
        return;
    }
    case N_CREATE_INDEX: {
        const CreateIndex *c = (const CreateIndex *)n;
        sb_putc(d->b, ' ');
        ident(d, &c->name);
        sb_puts(d->b, " on ");
        qname(d, &c->table);
        sb_printf(d->b, " kind=%d%s", c->ik, c->unique ? " unique" : "");
        idents(d, "include", &c->include);
        close_(d, n);
        list(d, "cols", &c->cols, ind + 1);
        child(d, "where", c->where, ind + 1);
        return;
    }
    case N_CREATE_VIEW: {
        const CreateView *v = (const CreateView *)n;
        sb_putc(d->b, ' ');
        qname(d, &v->name);
        idents(d, "cols", &v->cols);
        if (v->or_replace) sb_puts(d->b, " or_replace");
        if (v->materialized) sb_puts(d->b, " materialized");
        close_(d, n);
        node(d, v->query, ind + 1);
        return;
    }
    case N_CREATE_SEQUENCE: {
        const CreateSequence *s = (const CreateSequence *)n;
        sb_putc(d->b, ' ');
        qname(d, &s->name);
        close_(d, n);
        child(d, "start", s->start, ind + 1);
        child(d, "increment", s->increment, ind + 1);
        child(d, "minvalue", s->minvalue, ind + 1);
        child(d, "maxvalue", s->maxvalue, ind + 1);
        return;
    }
    case N_CREATE_SYNONYM: {
        const CreateSynonym *s = (const CreateSynonym *)n;
        sb_putc(d->b, ' ');
        qname(d, &s->name);
        sb_puts(d->b, " for ");
        qname(d, &s->target);
        close_(d, n);
        return;
    }
    case N_CREATE_SCHEMA: sb_putc(d->b, ' '); ident(d, &((const CreateSchema *)n)->name); close_(d, n); return;
    case N_CREATE_TYPE: {
        const CreateType *t = (const CreateType *)n;
        sb_putc(d->b, ' ');
        qname(d, &t->name);
        sb_printf(d->b, " kind=%d", t->tyk);
        close_(d, n);
        if (t->base) node(d, &t->base->h, ind + 1);
        list(d, "columns", &t->columns, ind + 1);
        return;
    }
    case N_COMMENT: {
        const CommentStmt *c = (const CommentStmt *)n;
        sb_printf(d->b, " target=%d ", c->target);
        qname(d, &c->obj);
        close_(d, n);
        child(d, "text", c->text, ind + 1);
        return;
    }
    case N_DROP: {
        const DropStmt *s = (const DropStmt *)n;
        sb_printf(d->b, " %s%s", objkinds[s->what], s->if_exists ? " if_exists" : "");
        close_(d, n);
        list(d, "names", &s->names, ind + 1);
        return;
    }
    case N_ALTER_TABLE: {
        const AlterTable *a = (const AlterTable *)n;
        sb_putc(d->b, ' ');
        qname(d, &a->name);
        close_(d, n);
        list(d, "actions", &a->actions, ind + 1);
        return;
    }
    case N_ALTER_ACTION: {
        const AlterAction *a = (const AlterAction *)n;
        sb_printf(d->b, " ak=%d ", a->ak);
        ident(d, &a->name);
        close_(d, n);
        child(d, "def", a->def, ind + 1);
        child(d, "expr", a->expr, ind + 1);
        return;
    }
    case N_OPTION: {
        const OptionItem *o = (const OptionItem *)n;
        sb_printf(d->b, " %s=%s", o->name ? o->name : "?", o->value ? o->value : "");
        close_(d, n);
        return;
    }
    default:
        close_(d, n);
        return;
    }
}

void ast_dump(StrBuf *out, const Node *n, const SourceFile *src, int indent)
{
    Dumper d = {out, src};
    node(&d, n, indent);
}
