/* placeholder: emit_postgres.c is written in a later step */
typedef int sqlshift_placeholder_emit_postgres_t;
