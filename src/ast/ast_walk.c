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
#include "ast/ast_children.def"
    default: /* leaves: the kinds of ast_kind_is_leaf */
        break;
    }
}

