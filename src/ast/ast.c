/* placeholder: ast.c is written in a later step */
typedef int sqlshift_placeholder_ast_t;
