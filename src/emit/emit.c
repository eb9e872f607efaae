/* placeholder: emit.c is written in a later step */
typedef int sqlshift_placeholder_emit_t;
