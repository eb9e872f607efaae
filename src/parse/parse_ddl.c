/* placeholder: parse_ddl.c is written in a later step */
typedef int sqlshift_placeholder_parse_ddl_t;
