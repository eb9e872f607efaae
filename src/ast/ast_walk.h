/* ast: enumeration of a node's children (see ast_walk.c). */
#ifndef SQLSHIFT_AST_WALK_H
#define SQLSHIFT_AST_WALK_H

#include "ast/ast.h"
#include <stddef.h>

/* node() is called with the address of each non-NULL child pointer and may
 * replace it; list() with each child list (it may replace the array). A
 * read-only walk simply recurses with ast_children from node(). */
typedef struct AstVisit AstVisit;
struct AstVisit {
    void (*node)(AstVisit *v, Node **slot);
    void (*list)(AstVisit *v, NodeList *l);
    void *data;
};
void ast_children(Node *n, AstVisit *v);
/* sizeof the struct of a node kind (0 for an unknown kind). */
size_t ast_node_size(int kind);
/* 1 if ast_children visits nothing for nodes of this kind (the walker
 * skips those without transforms); the unit tests check it against
 * ast_children for every kind. */
int ast_kind_is_leaf(int kind);

#endif
