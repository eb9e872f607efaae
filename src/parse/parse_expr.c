/* placeholder: parse_expr.c is written in a later step */
typedef int sqlshift_placeholder_parse_expr_t;
