/* ast: the child slots and lists of every node kind, in one place.
 * The rewriter's walk, its deep copies and template instantiation, the
 * catalogue's view-dependency walk and the pipeline's name checks all go
 * through ast_children, so a new node kind is enumerated once. */
#include "ast/ast_walk.h"

static const size_t node_sizes[] = {
    0,
#define AST_NODE(k, T) sizeof(T),
#include "ast/ast_nodes.def"
#undef AST_NODE
};

size_t ast_node_size(int kind)
{
    return kind > 0 && kind < N__COUNT ? node_sizes[kind] : 0;
}

int ast_kind_is_leaf(int kind)
{
    switch (kind) {
    case N_RAW: case N_SCRIPT_CMD: case N_SESSION: case N_ROUTINE: case N_NAME: case N_STAR:
    case N_LITERAL: case N_VAR: case N_PARAM: case N_KEYWORD_EXPR: case N_CREATE_SYNONYM:
    case N_CREATE_SCHEMA: case N_OPTION:
        return 1;
    default:
        return 0;
    }
}

/* A typed child pointer goes through a Node * temporary (no aliasing games). */
#define SLOT(x)                                                                     \
    do {                                                                            \
        Node *t_ = (Node *)(x);                                                     \
        if (t_) {                                                                   \
            v->node(v, &t_);                                                        \
            (x) = (void *)t_;                                                       \
        }                                                                           \
    } while (0)
#define LIST(x) v->list(v, &(x))

void ast_children(Node *n, AstVisit *v)
{
    switch (n->kind) {
    case N_OTHER_STMT: LIST(((OtherStmt *)n)->args); break;
    case N_UNARY: SLOT(((UnaryExpr *)n)->arg); break;
    case N_BINARY: {
        BinaryExpr *b = (BinaryExpr *)n;
        SLOT(b->l);
        SLOT(b->r);
        break;
    }
    case N_FUNC: {
        FuncCall *f = (FuncCall *)n;
        LIST(f->args);
        LIST(f->order);
        LIST(f->within);
        SLOT(f->separator);
        SLOT(f->filter);
        SLOT(f->over);
        break;
    }
    case N_CASE: {
        CaseExpr *c = (CaseExpr *)n;
        SLOT(c->operand);
        LIST(c->whens);
        SLOT(c->else_);
        break;
    }
    case N_WHEN: SLOT(((WhenClause *)n)->cond); SLOT(((WhenClause *)n)->result); break;
    case N_CAST: {
        CastExpr *c = (CastExpr *)n;
        SLOT(c->expr);
        SLOT(c->type);
        SLOT(c->style);
        break;
    }
    case N_SUBQUERY: SLOT(((SubqueryExpr *)n)->query); break;
    case N_EXISTS: SLOT(((ExistsExpr *)n)->query); break;
    case N_IN: {
        InExpr *i = (InExpr *)n;
        SLOT(i->expr);
        LIST(i->list);
        SLOT(i->query);
        break;
    }
    case N_BETWEEN: {
        BetweenExpr *b = (BetweenExpr *)n;
        SLOT(b->expr);
        SLOT(b->lo);
        SLOT(b->hi);
        break;
    }
    case N_LIKE: {
        LikeExpr *l = (LikeExpr *)n;
        SLOT(l->expr);
        SLOT(l->pattern);
        SLOT(l->escape);
        break;
    }
    case N_IS: SLOT(((IsExpr *)n)->expr); break;
    case N_COLLATE: SLOT(((CollateExpr *)n)->expr); break;
    case N_QUANTIFIED: {
        QuantExpr *q = (QuantExpr *)n;
        SLOT(q->l);
        SLOT(q->query);
        LIST(q->list);
        break;
    }
    case N_ROW: LIST(((RowExpr *)n)->items); break;
    case N_INTERVAL: SLOT(((IntervalExpr *)n)->value); break;
    case N_WINDOW: LIST(((WindowSpec *)n)->partition); LIST(((WindowSpec *)n)->order); break;
    case N_TYPE: LIST(((TypeName *)n)->args); LIST(((TypeName *)n)->values); break;
    case N_SELECT: {
        SelectStmt *s = (SelectStmt *)n;
        SLOT(s->top);
        LIST(s->targets);
        LIST(s->into_vars);
        LIST(s->from);
        SLOT(s->where);
        SLOT(s->start_with);
        SLOT(s->connect_by);
        LIST(s->group_by);
        SLOT(s->having);
        LIST(s->windows);
        LIST(s->order_by);
        SLOT(s->limit);
        SLOT(s->offset);
        break;
    }
    case N_SETOP: {
        SetOpStmt *s = (SetOpStmt *)n;
        SLOT(s->l);
        SLOT(s->r);
        LIST(s->order_by);
        SLOT(s->limit);
        SLOT(s->offset);
        break;
    }
    case N_WITH: LIST(((WithStmt *)n)->ctes); SLOT(((WithStmt *)n)->body); break;
    case N_CTE: SLOT(((CteDef *)n)->query); break;
    case N_TARGET: SLOT(((TargetItem *)n)->expr); break;
    case N_ORDER_ITEM: SLOT(((OrderItem *)n)->expr); break;
    case N_GROUPING: LIST(((GroupingSet *)n)->items); break;
    case N_TABLE_REF: LIST(((TableRef *)n)->hints); break;
    case N_DERIVED: SLOT(((DerivedTable *)n)->query); break;
    case N_TABLE_FUNC: SLOT(((TableFunc *)n)->call); break;
    case N_JOIN: {
        JoinExpr *j = (JoinExpr *)n;
        SLOT(j->l);
        SLOT(j->r);
        SLOT(j->on);
        break;
    }
    case N_VALUES: LIST(((ValuesList *)n)->rows); break;
    case N_INSERT: {
        InsertStmt *i = (InsertStmt *)n;
        SLOT(i->top);
        SLOT(i->source);
        LIST(i->on_dup);
        break;
    }
    case N_UPDATE: {
        UpdateStmt *u = (UpdateStmt *)n;
        SLOT(u->top);
        SLOT(u->table);
        LIST(u->sets);
        LIST(u->from);
        SLOT(u->where);
        LIST(u->order_by);
        SLOT(u->limit);
        break;
    }
    case N_DELETE: {
        DeleteStmt *d = (DeleteStmt *)n;
        SLOT(d->top);
        SLOT(d->table);
        LIST(d->from);
        SLOT(d->where);
        LIST(d->order_by);
        SLOT(d->limit);
        break;
    }
    case N_ASSIGN: SLOT(((Assignment *)n)->target); SLOT(((Assignment *)n)->value); break;
    case N_CREATE_TABLE: {
        CreateTable *t = (CreateTable *)n;
        LIST(t->columns);
        LIST(t->constraints);
        LIST(t->indexes);
        SLOT(t->as_query);
        LIST(t->options);
        SLOT(t->comment);
        break;
    }
    case N_COLUMN_DEF: {
        ColumnDef *c = (ColumnDef *)n;
        SLOT(c->type);
        SLOT(c->computed);
        SLOT(c->ident_start);
        SLOT(c->ident_incr);
        SLOT(c->default_);
        LIST(c->constraints);
        SLOT(c->comment);
        SLOT(c->on_update);
        LIST(c->options);
        break;
    }
    case N_CONSTRAINT: {
        Constraint *c = (Constraint *)n;
        LIST(c->cols);
        SLOT(c->expr);
        LIST(c->options);
        break;
    }
    case N_INDEX_COL: SLOT(((IndexCol *)n)->expr); break;
    case N_CREATE_INDEX: {
        CreateIndex *i = (CreateIndex *)n;
        LIST(i->cols);
        SLOT(i->where);
        LIST(i->options);
        break;
    }
    case N_CREATE_VIEW: SLOT(((CreateView *)n)->query); LIST(((CreateView *)n)->options); break;
    case N_CREATE_SEQUENCE: {
        CreateSequence *s = (CreateSequence *)n;
        SLOT(s->as_type);
        SLOT(s->start);
        SLOT(s->increment);
        SLOT(s->minvalue);
        SLOT(s->maxvalue);
        SLOT(s->cache);
        LIST(s->options);
        break;
    }
    case N_CREATE_TYPE: {
        CreateType *t = (CreateType *)n;
        SLOT(t->base);
        LIST(t->columns);
        LIST(t->constraints);
        break;
    }
    case N_COMMENT: SLOT(((CommentStmt *)n)->text); break;
    case N_DROP: LIST(((DropStmt *)n)->names); break;
    case N_ALTER_TABLE: LIST(((AlterTable *)n)->actions); break;
    case N_ALTER_ACTION: SLOT(((AlterAction *)n)->def); SLOT(((AlterAction *)n)->expr); break;
    case N_PL_ROUTINE: {
        PlRoutine *r = (PlRoutine *)n;
        LIST(r->params);
        SLOT(r->ret_type);
        LIST(r->ret_cols);
        SLOT(r->ret_query);
        SLOT(r->body);
        break;
    }
    case N_PL_PARAM: SLOT(((PlParam *)n)->type); SLOT(((PlParam *)n)->def); break;
    case N_PL_BLOCK: LIST(((PlBlock *)n)->stmts); break;
    case N_PL_DECLARE: {
        PlDeclare *d = (PlDeclare *)n;
        SLOT(d->type);
        SLOT(d->init);
        LIST(d->cols);
        SLOT(d->query);
        break;
    }
    case N_PL_SET: SLOT(((PlSet *)n)->value); break;
    case N_PL_IF: SLOT(((PlIf *)n)->cond); SLOT(((PlIf *)n)->then_); SLOT(((PlIf *)n)->else_); break;
    case N_PL_WHILE: SLOT(((PlWhile *)n)->cond); SLOT(((PlWhile *)n)->body); break;
    case N_PL_TRY: SLOT(((PlTry *)n)->try_); SLOT(((PlTry *)n)->catch_); break;
    case N_PL_STMT: SLOT(((PlStmt *)n)->expr); LIST(((PlStmt *)n)->args); break;
    default: /* leaves: the kinds of ast_kind_is_leaf */
        break;
    }
}

