/* placeholder: emit_mysql.c is written in a later step */
typedef int sqlshift_placeholder_emit_mysql_t;
