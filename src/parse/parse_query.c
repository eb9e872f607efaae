/* placeholder: parse_query.c is written in a later step */
typedef int sqlshift_placeholder_parse_query_t;
