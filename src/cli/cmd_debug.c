/* placeholder: cmd_debug.c is written in a later step */
typedef int sqlshift_placeholder_cmd_debug_t;
